// The dashboard's list of undeliverable mail (office role): which unit, which assignment,
// the refused address, the mail server's answer and when; each links to the assignment and
// to the units editor, whose apply corrects the address and sends the refused mail again.
import type { UndeliverableRow } from '../../../storage/records/readers';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { assignmentPath, withQuery } from '../paths';
import type { Names } from '../data/names';
import { editorPath } from './editor-page';

/** The notice's kind is the last step of its key ("…/r1/reminder-1" → "reminder"). */
function kindOf(row: UndeliverableRow): string {
  const step = row.key.slice(row.workflowId.length + 1).split('/').at(-1) ?? '';
  return step.replace(/-\d+$/, '');
}

export function undeliverableSection(programId: string, rows: UndeliverableRow[], t: Messages, names: Names, canEdit: boolean): SafeHtml {
  const r = t.records;
  return html`<section aria-labelledby="undeliverable-h" id="undeliverable"><h2 id="undeliverable-h">${r.undeliverable} (${rows.length})</h2>
    ${rows.length === 0 ? html`<p class="muted">${r.undeliverableNone}</p>` : html`<p class="muted">${r.undeliverableIntro}</p>
    <div class="scroll" role="region" aria-labelledby="undeliverable-h" tabindex="0"><table>
      <tr><th scope="col">${t.office.unit}</th><th scope="col">${t.office.assignment}</th><th scope="col">${r.notice}</th><th scope="col">${r.address}</th><th scope="col">${r.reply}</th><th scope="col">${r.at}</th>${canEdit ? html`<th scope="col"><span class="muted">${r.fix}</span></th>` : ''}</tr>
      ${rows.map(
        (f) => html`<tr data-unit="${f.unitId}"><td>${names.unit(f.unitId, f.unitName)}</td><td><a href="${assignmentPath(f.workflowId)}">${f.itemTitle}</a>${f.period ? html` <span class="muted">(${names.period(f.itemId, f.period)})</span>` : ''}</td>
          <td>${t.office.noticeKinds[kindOf(f)] ?? kindOf(f)}</td><td>${f.to}</td><td>${f.code} ${f.message}</td><td>${formatDateTime(f.at, t.lang)}</td>
          ${canEdit ? html`<td><a href="${withQuery(editorPath(programId), { unit: f.unitId })}#unit-${f.unitId}">${r.fix}</a></td>` : ''}</tr>`,
      )}
    </table></div>`}
  </section>`;
}
