// The office's landing page: every applied program, from the program workflows, with its
// year, issuer, state and the next few events, each linking to its dashboard.
import type { ProgramSummary } from '../data/program-catalog';
import { formatDateTime } from '../format';
import { html } from '../html';
import { programPath } from '../paths';
import { layout, type Frame } from './layout';
import { facts } from './parts';
import { editorText } from '../editor/text';

/** @param others programs known only from their assignments (started without a program workflow). */
export function programsListPage(frame: Frame, programs: ProgramSummary[], others: string[] = []): string {
  const { t } = frame;
  const en = t.lang === 'en';
  const cards = programs.map((p) => {
    const title = en && p.titleEn ? p.titleEn : p.title;
    return html`<article class="card program" data-program="${p.programId}">
      <h2><a href="${programPath(p.programId)}">${title}</a></h2>
      ${facts([
        [t.board.year, p.year],
        [t.board.issuer, p.issuer],
        [t.board.state, `${p.running ? t.board.running : t.board.closed} — ${t.board.occurrences(p.occurrences.started, p.occurrences.scheduled, p.occurrences.missed)}`],
        [t.board.appliedAt, p.appliedAt ? formatDateTime(p.appliedAt, t.lang) : undefined],
        [t.board.file, p.fileName],
      ])}
      <h3>${t.board.next}</h3>
      ${
        p.next.length === 0
          ? html`<p class="muted">${t.board.noNext}</p>`
          : html`<ol class="timeline">${p.next.map(
              (e) => html`<li><time datetime="${e.at}">${formatDateTime(e.at, t.lang)}</time>${t.board.eventKinds[e.kind] ?? e.kind}: ${e.itemTitle} (${e.periodLabel}) — ${t.board.units(e.units)}</li>`,
            )}</ol>`
      }
      ${p.partial ? html`<p class="muted">${t.board.partial}</p>` : ''}
      <p><a class="button" href="${programPath(p.programId)}">${t.board.open}</a></p>
    </article>`;
  });
  return layout(
    frame,
    t.office.programs,
    html`<h1>${t.office.programs}</h1><p class="muted">${t.board.programsIntro}</p>${frame.session?.role === 'office' ? html`<p><a class="button" href="/office/programs/new">${editorText(t.lang).newLink}</a></p>` : ''}${programs.length === 0 && others.length === 0 ? html`<p>${t.board.noPrograms}</p>` : cards}${
      others.length > 0 ? html`<h2>${t.board.others}</h2><ul>${others.map((id) => html`<li><a href="${programPath(id)}">${id}</a></li>`)}</ul>` : ''
    }`,
  );
}
