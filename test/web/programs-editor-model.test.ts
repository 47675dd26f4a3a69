// The editor's model without a browser: the forms edit the same program a file says (every
// item of the real programs survives the trip through the item form unchanged), the starter
// template is a program `dondoc validate` accepts, errors come back on their fields in the
// reader's language, and the month calendar puts each event on its day.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';
import { checkDraft, inLanguage, issuesUnder } from '../../client/web/editor/check';
import { monthView } from '../../client/web/editor/calendar';
import { firstApplyResult } from '../../client/web/editor/changes';
import { formFromBody, formToItem, itemToForm, type ItemForm } from '../../client/web/editor/item-form';
import { applyHeader, applySettings, headerFromBody, headerToForm, settingsYaml } from '../../client/web/editor/sections';
import { starterDoc, starterYaml } from '../../client/web/editor/template';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'dondoc-editor-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROGRAMS = ['programs/vstbpn-trieu-son-2021.yaml', 'programs/vstbpn-thanh-hoa-2026.yaml', 'programs/phong-chong-thien-tai-example-2026.yaml'];

/** What a browser would post for a form: the fields as strings, rows numbered. */
function asBody(f: ItemForm): Record<string, string | string[]> {
  const b: Record<string, string | string[]> = { kind: f.kind, id: f.id, title: f.title, short: f.short, assignees: f.assignees, period: f.period, start: f.start, end: f.end, reminders: f.reminders, advanced: f.advanced, approver: f.approver };
  for (const key of ['due', 'request'] as const) for (const [k, v] of Object.entries(f[key])) b[`${key}_${k}`] = v;
  f.escalation.forEach((r, i) => Object.assign(b, { [`esc_n_${i}`]: r.n, [`esc_unit_${i}`]: r.unit, [`esc_to_${i}`]: r.to }));
  f.indicators.forEach((r, i) => Object.assign(b, { [`ind_id_${i}`]: r.id, [`ind_label_${i}`]: r.label, [`ind_type_${i}`]: r.type, [`ind_measure_${i}`]: r.measure, [`ind_choices_${i}`]: r.choices, ...(r.required ? { [`ind_required_${i}`]: 'on' } : {}) }));
  if (f.evidence) b.evidence = 'on';
  if (f.consolidate) b.consolidate = 'on';
  return b;
}

describe('program editor model', () => {
  it.each(PROGRAMS)('%s goes through the header form, the settings box and every item form (as posted by a browser) unchanged', (file) => {
    const loaded = loadProgram(file);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    const doc = JSON.parse(JSON.stringify(loaded.program)) as { items: Record<string, unknown>[] };
    const items = doc.items.map((item) => {
      const form = formFromBody(asBody(itemToForm(item, item.kind as ItemForm['kind'])), item.kind as ItemForm['kind']);
      const back = formToItem(form);
      if (!back.ok) throw new Error(JSON.stringify(back.problems));
      return back.item;
    });
    // The header's fields and its settings box (upward, defaults, calendar) go the same way.
    const settings = applySettings({ ...doc, defaults: undefined, calendar: undefined }, settingsYaml(doc));
    if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
    const header = applyHeader(settings.doc.program, headerFromBody(headerToForm(settings.doc.program)));
    const checked = checkDraft({ ...settings.doc, program: header, items }, file, 'vi');
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (checked.ok) expect(checked.program).toEqual(loaded.program);
  });

  it('the starter template is a program dondoc validate accepts, and the draft made from it is valid', async () => {
    const file = join(dir, 'mau.yaml');
    writeFileSync(file, starterYaml({ id: 'chuong-trinh-moi', title: 'Chương trình công tác năm 2026', year: 2026, issuer: 'Ban chỉ đạo' }));
    const result = await runCli(['validate', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(checkDraft(starterDoc({ id: 'x', title: 'T', year: 2027, issuer: 'B' }), 'x.yaml', 'vi').ok).toBe(true);
  });

  it('places errors on the item form’s fields, worded in the reader’s language', () => {
    const doc = starterDoc({ id: 'x', title: 'T', year: 2027, issuer: 'B' });
    const form = itemToForm({ kind: 'task' }, 'task');
    const built = formToItem({ ...form, id: 'Việc Mới', title: 'Việc mới', assignees: ['thanh-vien'], due: { ...form.due, mode: 'date', date: '2027-13-40' }, advanced: 'evidence: maybe\n' });
    if (!built.ok) throw new Error('advanced YAML refused');
    const items = [...(doc.items as unknown[]), built.item];
    const checked = checkDraft({ ...doc, items }, 'x.yaml', 'vi');
    expect(checked.ok).toBe(false);
    const issues = issuesUnder(checked.ok ? [] : checked.errors, ['items', 1]);
    const by = (key: string) => issues.filter((i) => i.path[0] === key).map((i) => i.message);
    expect(by('id')[0]).toMatch(/^mã \(id\) chỉ gồm chữ thường/);
    expect(by('id')[0]).not.toMatch(/expected a slug/);
    expect(by('evidence').length).toBe(1);
    expect(by('due').join(' ')).toMatch(/2027-13-40|ngày/);
    const english = checkDraft({ ...doc, items }, 'x.yaml', 'en');
    expect(issuesUnder(english.ok ? [] : english.errors, ['items', 1]).find((i) => i.path[0] === 'id')?.message).toMatch(/^expected a slug/);
    expect(inLanguage('không được để trống (must not be empty)', 'en')).toBe('must not be empty');
    expect(inLanguage('không được để trống (must not be empty)', 'vi')).toBe('không được để trống');
  });

  it('puts the plan on a month calendar, Monday first, each event on its local day', () => {
    const loaded = loadProgram('programs/vstbpn-trieu-son-2021.yaml');
    if (!loaded.ok) throw new Error('seed invalid');
    const plan = compilePlan(loaded.program);
    const due = plan.events.find((e) => e.kind === 'due')!;
    const view = monthView(loaded.program, plan, due.date.slice(0, 7));
    const cell = view.weeks.flat().find((d) => d?.date === due.date)!;
    expect(cell.events.some((e) => e.kind === 'due' && e.itemId === due.itemId)).toBe(true);
    // Monday first: the first day of the month sits in the column of its weekday.
    const first = view.weeks[0]!.findIndex((d) => d !== undefined);
    expect(first).toBe((new Date(`${view.month}-01T12:00:00Z`).getUTCDay() + 6) % 7);
    // A program applied for the first time after its year: every occurrence is skipped.
    expect(firstApplyResult(plan, Date.parse('2030-01-01')).added).toEqual([]);
  });
});
