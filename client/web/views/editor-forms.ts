// The program editor's pages: the draft at a glance (what is in it, whether it is valid,
// the versions applied so far), and one form per part — header, groups, one item — and the
// page that starts a new program from the template.
import { ANCHORS, AUDIENCES, PERIODS } from '../../../program/schema';
import type { Issue } from '../editor/check';
import { EXTRA_ROWS, KIND_KEYS, type DateFields, type ItemForm } from '../editor/item-form';
import type { GroupRow, HeaderForm } from '../editor/sections';
import type { EditorText } from '../editor/text';
import type { VersionRow } from '../editor/versions';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { programPath } from '../paths';
import { cellInput, cellSelect, checkbox, checkList, fieldErrors, otherErrors, selectField, textField, type Errors } from './editor-fields';
import { layout, type Frame } from './layout';
import { csrfField, flash } from './parts';

export const editorBase = (programId: string) => `${programPath(programId)}/editor`;
export const itemPath = (programId: string, itemId: string) => `${editorBase(programId)}/items/${encodeURIComponent(itemId)}`;
export const versionPath = (programId: string, hash: string) => `${programPath(programId)}/versions/${encodeURIComponent(hash)}.yaml`;

export interface Named {
  id: string;
  name: string;
}

export interface OverviewView {
  programId: string;
  title: string;
  running: boolean;
  draft?: { updatedBy: string; updatedAt: string; stale: boolean };
  header: Record<string, unknown>;
  units: number;
  groups: Named[];
  items: { id: string; kind: string; title: string }[];
  /** With the form each one is fixed in. */
  errors: (Issue & { href?: string })[];
  warnings: (Issue & { href?: string })[];
  versions: VersionRow[];
  message?: string;
}

export function versionsTable(frame: Frame, e: EditorText, programId: string, rows: VersionRow[]): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${e.noVersions}</p>`;
  const lang = frame.t.lang;
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${e.versions}"><table>
    <tr><th scope="col">${e.versionCols.at}</th><th scope="col">${e.versionCols.by}</th><th scope="col">${e.versionCols.hash}</th><th scope="col">${e.versionCols.file}</th></tr>
    ${rows.map(
      (r) => html`<tr><td>${formatDateTime(r.appliedAt, lang)} ${r.current ? e.current : ''}</td><td>${r.appliedBy ?? e.byCli(r.fileName)}</td><td><code>${r.hash}</code></td><td><a href="${versionPath(programId, r.hash)}" download>${e.download}</a></td></tr>`,
    )}</table></div>`;
}

const issueItem = (i: Issue & { href?: string }) => html`<li>${i.href ? html`<a href="${i.href}"><code>${i.where}</code></a>` : html`<code>${i.where}</code>`}: ${i.message}</li>`;

/** The form an issue of the draft is fixed in. */
export function issueHref(programId: string, issue: Issue, itemIds: (string | undefined)[]): string | undefined {
  const [top, index] = issue.path;
  if (top === 'program' || top === 'defaults' || top === 'calendar') return `${editorBase(programId)}/header`;
  if (top === 'units') return `${editorBase(programId)}/units`;
  if (top === 'groups') return `${editorBase(programId)}/groups`;
  const id = typeof index === 'number' ? itemIds[index] : undefined;
  return top === 'items' && id ? itemPath(programId, id) : undefined;
}

export function overviewPage(frame: Frame, e: EditorText, v: OverviewView): string {
  const base = editorBase(v.programId);
  const lang = frame.t.lang;
  const body = html`<h1>${v.running ? e.overview(v.title) : e.newOverview(v.title)}</h1>${flash(v.message)}
    <p>${v.running ? e.intro : e.introNew}</p>
    ${v.draft ? html`<p class="muted">${e.draftFrom(v.draft.updatedBy, formatDateTime(v.draft.updatedAt, lang))}</p>` : html`<p class="muted">${e.noDraft}</p>`}
    ${v.draft?.stale ? html`<p class="alert" role="alert">${e.staleDraft}</p>` : ''}
    <section class="card"><h2>${e.header}</h2>
      <dl class="facts"><dt>${e.h.title}</dt><dd>${String(v.header.title ?? '')}</dd><dt>${e.h.year}</dt><dd>${String(v.header.year ?? '')}</dd><dt>${e.h.issuer}</dt><dd>${String(v.header.issuer ?? '')}</dd></dl>
      <p><a class="button" href="${base}/header">${e.editLink}: ${e.header}</a></p></section>
    <section class="card"><h2>${e.units}</h2><p>${e.unitsCount(v.units)}</p><p><a class="button" href="${base}/units">${e.unitsImport}</a></p></section>
    <section class="card"><h2>${e.groups}</h2>${v.groups.length === 0 ? html`<p class="muted">—</p>` : html`<ul>${v.groups.map((g) => html`<li>${g.name} (<code>${g.id}</code>)</li>`)}</ul>`}
      <p><a class="button" href="${base}/groups">${e.editLink}: ${e.groups}</a></p></section>
    <section class="card"><h2>${e.items}</h2>
      <ul>${v.items.map(
        (i) => html`<li><a href="${itemPath(v.programId, i.id)}">${i.title}</a> — ${e.kinds[i.kind] ?? i.kind} (<code>${i.id}</code>)
          <form method="post" action="${itemPath(v.programId, i.id)}/delete" class="inline">${csrfField(frame.csrf ?? '')}<button type="submit" class="secondary" aria-label="${e.removeConfirm}: ${i.title}">${e.remove}</button></form></li>`,
      )}</ul>
      <p>${e.addItem}: ${Object.keys(KIND_KEYS).map((k, n) => html`${n > 0 ? ' · ' : ''}<a href="${base}/items/new?kind=${k}">${e.kinds[k] ?? k}</a>`)}</p></section>
    <section class="card" id="check"><h2>${e.check}</h2>
      ${v.errors.length === 0 ? html`<p class="ok">${e.valid}</p>` : html`<div class="alert"><strong>${e.invalid}</strong><ul>${v.errors.map((i) => issueItem(i))}</ul></div>`}
      ${v.warnings.length > 0 ? html`<ul class="muted">${v.warnings.map((i) => issueItem(i))}</ul>` : ''}
      <p>${v.errors.length === 0 ? html`<a class="button" href="${base}/preview">${e.preview}</a> ` : ''}<a href="${base}/draft.yaml" download>${e.downloadDraft}</a></p>
      ${v.draft ? html`<form method="post" action="${base}/discard">${csrfField(frame.csrf ?? '')}<button type="submit" class="secondary">${e.discard}</button></form>` : ''}
    </section>
    <section><h2>${e.versions}</h2>${versionsTable(frame, e, v.programId, v.versions)}</section>
    ${v.running ? html`<p><a href="${programPath(v.programId)}">${e.back}</a></p>` : ''}`;
  return layout(frame, v.running ? e.overview(v.title) : e.newOverview(v.title), body);
}

function formPage(frame: Frame, e: EditorText, programId: string, title: string, action: string, errors: Errors, other: string[], inner: SafeHtml): string {
  const invalid = errors.size > 0 || other.length > 0;
  const body = html`<h1>${title}</h1>
    ${invalid ? otherErrors(e.fix, other) : ''}
    <form method="post" action="${action}" class="card" novalidate>${csrfField(frame.csrf ?? '')}${inner}
      <p><button type="submit">${e.save}</button> <a href="${editorBase(programId)}">${e.cancel}</a></p></form>`;
  return layout(frame, title, body);
}

export function headerPage(frame: Frame, e: EditorText, v: { programId: string; form: HeaderForm; settings: string; errors: Errors; other: string[]; units: Named[] }): string {
  const f = v.form;
  const text = (name: keyof HeaderForm, type = 'text') => textField({ label: e.h[name] ?? name, name, value: f[name], errors: v.errors, type });
  const offices = v.units.map((u): [string, string] => [u.id, `${u.name} (${u.id})`]);
  if (!v.units.some((u) => u.id === f.office)) offices.unshift([f.office, f.office || '—']);
  const inner = html`${textField({ label: e.h.id ?? 'id', name: 'id', value: v.programId, errors: v.errors, readonly: true })}
    ${text('title')}${text('titleEn')}${text('year', 'number')}${text('issuer')}${text('document')}${text('issued')}
    ${selectField({ label: e.h.office ?? 'office', name: 'office', value: f.office, options: offices, errors: v.errors })}
    ${selectField({ label: e.h.locale ?? 'locale', name: 'locale', value: f.locale || 'vi', options: [['vi', 'Tiếng Việt'], ['en', 'English']], errors: v.errors })}
    ${text('timezone')}
    <fieldset><legend>${e.chair}</legend>${text('chair.name')}${text('chair.title')}${text('chair.email', 'email')}</fieldset>
    <label for="f-settings">${e.settings}<span class="hint" id="f-settings-hint">${e.settingsHint}</span></label>
    <textarea id="f-settings" name="settings" rows="10" spellcheck="false" aria-describedby="f-settings-hint${v.errors.get('settings')?.length ? ' f-settings-err' : ''}">${v.settings}</textarea>${fieldErrors(v.errors, 'settings')}`;
  return formPage(frame, e, v.programId, `${e.header} — ${v.programId}`, `${editorBase(v.programId)}/header`, v.errors, v.other, inner);
}

export function groupsPage(frame: Frame, e: EditorText, v: { programId: string; rows: GroupRow[]; errors: Errors; other: string[] }): string {
  const rows = [...v.rows, ...Array.from({ length: 3 }, (): GroupRow => ({ id: '', name: '', members: '', keep: {} }))];
  const inner = html`<p>${e.groupsIntro}</p><div class="scroll"><table><tr><th scope="col">${e.g.id}</th><th scope="col">${e.g.name}</th><th scope="col">${e.g.members}</th></tr>
    ${rows.map(
      (r, i) => html`<tr><td>${cellInput(`g_id_${i}`, r.id, `${e.g.id} ${i + 1}`, v.errors, `${i}.id`)}</td><td>${cellInput(`g_name_${i}`, r.name, `${e.g.name} ${i + 1}`, v.errors, `${i}.name`)}</td><td>${cellInput(`g_members_${i}`, r.members, `${e.g.members} ${i + 1}`, v.errors, `${i}.members`)}</td></tr>`,
    )}</table></div>`;
  return formPage(frame, e, v.programId, `${e.groups} — ${v.programId}`, `${editorBase(v.programId)}/groups`, v.errors, v.other, inner);
}

function dateFields(e: EditorText, prefix: string, label: string, f: DateFields, errors: Errors, hint?: string): SafeHtml {
  const opt = (rec: Record<string, string>, keys: readonly string[]): [string, string][] => keys.map((k) => [k, rec[k] ?? k]);
  return html`<fieldset><legend>${label}</legend>${hint ? html`<span class="hint">${hint}</span>` : ''}
    <div class="row">
      <div>${selectField({ label: e.modeLabel, name: `${prefix}_mode`, value: f.mode, options: opt(e.modes, ['', 'date', 'offset']), errors: new Map() })}</div>
      <div>${textField({ label: e.modes.date ?? 'date', name: `${prefix}_date`, value: f.date, errors: new Map(), hint: 'YYYY-MM-DD' })}</div>
      <div>${textField({ label: e.n, name: `${prefix}_n`, value: f.n, errors: new Map() })}</div>
      <div>${selectField({ label: e.unitLabel, name: `${prefix}_unit`, value: f.unit, options: opt(e.unitsOf, ['workingDays', 'days']), errors: new Map() })}</div>
      <div>${selectField({ label: e.dirLabel, name: `${prefix}_dir`, value: f.dir, options: opt(e.dirs, ['after', 'before']), errors: new Map() })}</div>
      <div>${selectField({ label: e.anchorLabel, name: `${prefix}_anchor`, value: f.anchor, options: opt(e.anchors, ['', ...ANCHORS]), errors: new Map() })}</div>
      <div>${textField({ label: e.time, name: `${prefix}_time`, value: f.time, errors: new Map() })}</div>
    </div>${fieldErrors(errors, prefix)}</fieldset>`;
}

export interface ItemView {
  programId: string;
  isNew: boolean;
  form: ItemForm;
  errors: Errors;
  other: string[];
  groups: Named[];
  units: Named[];
  action: string;
}

export function itemPage(frame: Frame, e: EditorText, v: ItemView): string {
  const f = v.form;
  const uses = new Set(KIND_KEYS[f.kind]);
  const kindName = e.kinds[f.kind] ?? f.kind;
  // Rows left blank are not kept: the form always ends with EXTRA_ROWS empty ones.
  const esc = [...f.escalation.filter((r) => r.n.trim() !== '' || r.to !== ''), ...Array.from({ length: EXTRA_ROWS }, () => ({ n: '', unit: 'workingDays' as const, to: '' }))];
  const ind = [...f.indicators.filter((r) => r.id.trim() !== '' || r.label.trim() !== ''), ...Array.from({ length: EXTRA_ROWS }, () => ({ id: '', label: '', type: 'number', measure: '', choices: '', required: true }))];
  const audiences: [string, string][] = ['', ...AUDIENCES].map((a) => [a, e.audiences[a] ?? a]);
  const inner = html`<input type="hidden" name="kind" value="${f.kind}">
    ${textField({ label: e.i.id ?? 'id', name: 'id', value: f.id, errors: v.errors, hint: e.i.idHint, required: true })}
    ${textField({ label: e.i.title ?? 'title', name: 'title', value: f.title, errors: v.errors, required: true })}
    ${textField({ label: e.i.short ?? 'short', name: 'short', value: f.short, errors: v.errors })}
    ${uses.has('assignees') ? checkList({ legend: e.i.assignees ?? '', name: 'assignees', values: f.assignees, options: [...v.groups.map((g): [string, string] => [g.id, `${g.name} (${g.id})`]), ...v.units.map((u): [string, string] => [u.id, u.name])], errors: v.errors, hint: e.i.assigneesHint }) : ''}
    ${uses.has('period') ? checkList({ legend: e.i.period ?? '', name: 'period', values: f.period, options: PERIODS.map((p): [string, string] => [p, e.periods[p] ?? p]), errors: v.errors }) : ''}
    ${uses.has('start') ? textField({ label: e.i.start ?? '', name: 'start', value: f.start, errors: v.errors }) : ''}
    ${uses.has('end') ? textField({ label: e.i.end ?? '', name: 'end', value: f.end, errors: v.errors }) : ''}
    ${dateFields(e, 'due', e.i.due ?? 'due', f.due, v.errors)}
    ${uses.has('request') ? dateFields(e, 'request', e.i.request ?? 'request', f.request, v.errors, e.i.requestHint) : ''}
    ${textField({ label: e.i.reminders ?? '', name: 'reminders', value: f.reminders, errors: v.errors, hint: e.i.remindersHint })}
    <fieldset><legend>${e.i.escalation}</legend><span class="hint">${e.i.escalationHint}</span>
      <div class="scroll"><table><tr><th scope="col"></th><th scope="col">${e.n}</th><th scope="col">${e.unitLabel}</th><th scope="col">${e.escTo}</th></tr>
      ${esc.map(
        (r, k) => html`<tr><th scope="row">${e.escRow(k + 1)}</th><td>${cellInput(`esc_n_${k}`, r.n, `${e.escRow(k + 1)}: ${e.n}`, v.errors, `escalation.${k}`)}</td>
          <td>${cellSelect(`esc_unit_${k}`, r.unit, `${e.escRow(k + 1)}: ${e.unitLabel}`, [['workingDays', e.unitsOf.workingDays ?? ''], ['days', e.unitsOf.days ?? '']])}</td>
          <td>${cellSelect(`esc_to_${k}`, r.to, `${e.escRow(k + 1)}: ${e.escTo}`, audiences)}</td></tr>`,
      )}</table></div>${fieldErrors(v.errors, 'escalation')}</fieldset>
    <fieldset><legend>${e.i.indicators}</legend><div class="scroll"><table><tr>${['id', 'label', 'type', 'measure', 'choices', 'required'].map((c) => html`<th scope="col">${e.indCols[c]}</th>`)}</tr>
      ${ind.map(
        (r, k) => html`<tr><td>${cellInput(`ind_id_${k}`, r.id, `${e.indCols.id} ${k + 1}`, v.errors, `indicators.${k}.id`)}</td><td>${cellInput(`ind_label_${k}`, r.label, `${e.indCols.label} ${k + 1}`, v.errors, `indicators.${k}.label`)}</td>
          <td>${cellSelect(`ind_type_${k}`, r.type, `${e.indCols.type} ${k + 1}`, ['number', 'text', 'choice'].map((x): [string, string] => [x, e.indTypes[x] ?? x]))}</td>
          <td>${cellInput(`ind_measure_${k}`, r.measure, `${e.indCols.measure} ${k + 1}`, v.errors, `indicators.${k}.measure`)}</td><td>${cellInput(`ind_choices_${k}`, r.choices, `${e.indCols.choices} ${k + 1}`, v.errors, `indicators.${k}.choices`)}</td>
          <td><input type="checkbox" name="ind_required_${k}" aria-label="${e.indCols.required} ${k + 1}"${r.required ? html` checked` : ''}></td></tr>`,
      )}</table></div>${fieldErrors(v.errors, 'indicators')}</fieldset>
    ${checkbox('evidence', f.evidence, e.i.evidence ?? '', v.errors)}
    ${
      uses.has('consolidation')
        ? html`${checkbox('consolidate', f.consolidate, e.i.consolidate ?? '', v.errors, 'consolidation')}
      ${selectField({ label: e.i.approver ?? '', name: 'approver', value: f.approver, options: [['chair', e.approvers.chair ?? ''], ['office', e.approvers.office ?? '']], errors: new Map() })}`
        : ''
    }
    <label for="f-advanced">${e.i.advanced}<span class="hint" id="f-advanced-hint">${e.i.advancedHint}</span></label>
    <textarea id="f-advanced" name="advanced" rows="8" spellcheck="false" aria-describedby="f-advanced-hint${v.errors.get('advanced')?.length ? ' f-advanced-err' : ''}">${f.advanced}</textarea>${fieldErrors(v.errors, 'advanced')}`;
  const title = v.isNew ? e.newItemTitle(kindName) : e.itemTitle(kindName);
  return formPage(frame, e, v.programId, title, v.action, v.errors, v.other, inner);
}

export function newProgramPage(frame: Frame, e: EditorText, v: { values: Record<string, string>; errors: Errors; other: string[]; year: number; drafts: { programId: string; title: string; updatedBy: string; updatedAt: string }[] }): string {
  const val = (k: string) => v.values[k] ?? '';
  const body = html`<h1>${e.newTitle}</h1>${v.errors.size > 0 || v.other.length > 0 ? otherErrors(e.fix, v.other) : ''}<p>${e.newIntro}</p>
    <p><a class="button" href="/office/programs/new/template.yaml" download>${e.template}</a></p>
    <form method="post" action="/office/programs/new" class="card" novalidate>${csrfField(frame.csrf ?? '')}
      ${textField({ label: e.h.id ?? 'id', name: 'id', value: val('id'), errors: v.errors, hint: e.i.idHint, required: true })}
      ${textField({ label: e.h.title ?? 'title', name: 'title', value: val('title'), errors: v.errors, required: true })}
      ${textField({ label: e.h.year ?? 'year', name: 'year', value: val('year') || String(v.year), errors: v.errors, type: 'number', required: true })}
      ${textField({ label: e.h.issuer ?? 'issuer', name: 'issuer', value: val('issuer'), errors: v.errors, required: true })}
      <label for="f-yaml">${e.pasteLabel}</label><textarea id="f-yaml" name="yaml" rows="6" spellcheck="false"${v.errors.get('yaml')?.length ? html` aria-describedby="f-yaml-err"` : ''}>${val('yaml')}</textarea>${fieldErrors(v.errors, 'yaml')}
      <p><button type="submit">${e.create}</button> <a href="/office">${e.cancel}</a></p></form>
    ${
      v.drafts.length > 0
        ? html`<section><h2>${e.drafts}</h2><ul>${v.drafts.map(
            (d) => html`<li><a href="${editorBase(d.programId)}">${d.title}</a> (<code>${d.programId}</code>) — ${e.draftFrom(d.updatedBy, formatDateTime(d.updatedAt, frame.t.lang))}</li>`,
          )}</ul></section>`
        : ''
    }`;
  return layout(frame, e.newTitle, body);
}
