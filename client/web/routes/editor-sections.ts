// The program editor's forms: header, groups and items. Each submitted form is put into a
// copy of the draft, the copy is checked as a whole program file would be, and the errors
// that fall inside the part being edited come back next to their field; the draft is saved
// only when there are none. Errors elsewhere (a group named before it exists) do not block
// saving this part: the editor's overview lists them, and preview waits for them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkDraft, issuesUnder, type Issue } from '../editor/check';
import { advancedLine, formFromBody, formToItem, isItemKind, itemToForm, newItemForm, type ItemForm } from '../editor/item-form';
import { applyHeader, applySettings, groupsFromBody, groupsToRows, headerField, headerFromBody, headerToForm, rowsToGroups, settingsPath, settingsYaml } from '../editor/sections';
import { checkSessionCsrf } from '../guards';
import { frameOf, sendPage } from '../request-state';
import { pushError, type Errors } from '../views/editor-fields';
import { editorBase, groupsPage, headerPage, itemPage, itemPath, type Named } from '../views/editor-forms';
import { backToEditor, bodyOf, isRecord, loadEditor, saveDraft, type Kit, type Loaded, type Params } from './editor-kit';
import { notFound } from './office';

type ItemParams = { Params: { program: string; item: string } };

const named = (list: unknown): Named[] =>
  (Array.isArray(list) ? list : []).filter(isRecord).map((x) => ({ id: typeof x.id === 'string' ? x.id : '', name: typeof x.name === 'string' ? x.name : String(x.id ?? '') }));
const itemsOf = (doc: Record<string, unknown>) => (Array.isArray(doc.items) ? (doc.items as unknown[]) : []);

export function registerEditorSections(app: FastifyInstance, kit: Kit): void {
  const { ctx } = kit;
  const check = (l: Loaded, doc: unknown, req: FastifyRequest) => checkDraft(doc, `${l.programId}.yaml`, req.dondoc.locale);
  const errorsOf = (c: ReturnType<typeof checkDraft>): Issue[] => (c.ok ? [] : c.errors);

  // Header.
  app.get<Params>('/office/programs/:program/editor/header', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return sendPage(reply, 200, headerPage(frameOf(req, ctx), l.e, { programId: l.programId, form: headerToForm(l.doc.program), settings: settingsYaml(l.doc), errors: new Map(), other: [], units: named(l.doc.units) }));
  });
  app.post<Params>('/office/programs/:program/editor/header', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    const form = headerFromBody(bodyOf(req));
    const raw = bodyOf(req).settings;
    const settings = (Array.isArray(raw) ? raw[0] : raw) ?? '';
    const errors: Errors = new Map();
    const other: string[] = [];
    const page = (status: number) => sendPage(reply, status, headerPage(frameOf(req, ctx), l.e, { programId: l.programId, form, settings, errors, other, units: named(l.doc.units) }));
    const withSettings = applySettings(l.doc, settings);
    if (!withSettings.ok) {
      for (const p of withSettings.problems) pushError(errors, 'settings', `${l.e.advancedLine(p.line)}: ${p.message}`);
      return page(422);
    }
    const doc = { ...withSettings.doc, program: applyHeader(withSettings.doc.program, form) };
    for (const issue of errorsOf(check(l, doc, req))) {
      const inSettings = settingsPath(issue.path);
      if (inSettings) {
        const line = advancedLine(settings, inSettings);
        pushError(errors, 'settings', `${line !== undefined ? `${l.e.advancedLine(line)}, ` : ''}${issue.where}: ${issue.message}`);
        continue;
      }
      if (issue.path[0] !== 'program') continue;
      const field = headerField({ ...issue, path: issue.path.slice(1) });
      if (field) pushError(errors, field, issue.message);
      else other.push(`${issue.where}: ${issue.message}`);
    }
    if (errors.size > 0 || other.length > 0) return page(422);
    saveDraft(kit, l, doc);
    return backToEditor(reply, l.programId, 'saved');
  });

  // Groups.
  app.get<Params>('/office/programs/:program/editor/groups', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return sendPage(reply, 200, groupsPage(frameOf(req, ctx), l.e, { programId: l.programId, rows: groupsToRows(l.doc.groups), errors: new Map(), other: [] }));
  });
  app.post<Params>('/office/programs/:program/editor/groups', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    const rows = groupsFromBody(bodyOf(req), groupsToRows(l.doc.groups));
    const { groups, rowOf } = rowsToGroups(rows);
    const doc = { ...l.doc, groups };
    const errors: Errors = new Map();
    const other: string[] = [];
    for (const issue of issuesUnder(errorsOf(check(l, doc, req)), ['groups'])) {
      const [j, field] = issue.path;
      const row = typeof j === 'number' ? rowOf[j] : undefined;
      if (row !== undefined && (field === 'id' || field === 'name' || field === 'members')) pushError(errors, `${row}.${field}`, issue.message);
      else other.push(`groups${issue.where.replace(/^groups/, '')}: ${issue.message}`);
    }
    if (errors.size > 0 || other.length > 0) return sendPage(reply, 422, groupsPage(frameOf(req, ctx), l.e, { programId: l.programId, rows, errors, other }));
    saveDraft(kit, l, doc);
    return backToEditor(reply, l.programId, 'saved');
  });

  // Items.
  const renderItem = (req: FastifyRequest, reply: FastifyReply, l: Loaded, form: ItemForm, isNew: boolean, action: string, errors: Errors, other: string[], status: number) =>
    sendPage(reply, status, itemPage(frameOf(req, ctx), l.e, { programId: l.programId, isNew, form, errors, other, groups: named(l.doc.groups), units: named(l.doc.units), action }));

  /** Puts the form's item at `index` (or appends it) and saves, or answers with the errors. */
  async function saveItem(req: FastifyRequest, reply: FastifyReply, l: Loaded, index: number | undefined, isNew: boolean, action: string) {
    const body = bodyOf(req);
    const kind = Array.isArray(body.kind) ? body.kind[0] : body.kind;
    if (!isItemKind(kind)) return notFound(req, reply, ctx);
    const form = formFromBody(body, kind);
    const errors: Errors = new Map();
    const other: string[] = [];
    const built = formToItem(form);
    if (!built.ok) {
      for (const p of built.problems) pushError(errors, 'advanced', `${l.e.advancedLine(p.line)}: ${p.message}`);
      return renderItem(req, reply, l, form, isNew, action, errors, other, 422);
    }
    const items = [...itemsOf(l.doc)];
    const at = index ?? items.length;
    items[at] = built.item;
    const doc = { ...l.doc, items };
    for (const issue of issuesUnder(errorsOf(check(l, doc, req)), ['items', at])) {
      const [key, k, sub] = issue.path;
      if (typeof key === 'string' && built.advancedKeys.includes(key)) {
        const line = advancedLine(form.advanced, issue.path.map((s) => s));
        pushError(errors, 'advanced', `${line !== undefined ? `${l.e.advancedLine(line)}, ` : ''}${issue.where.replace(/^items\[\d+\]\.?/, '')}: ${issue.message}`);
      } else if (key === 'escalation' && typeof k === 'number') pushError(errors, `escalation.${k}`, issue.message);
      else if (key === 'indicators' && typeof k === 'number' && typeof sub === 'string' && ['id', 'label', 'measure', 'choices'].includes(sub)) pushError(errors, `indicators.${k}.${sub}`, issue.message);
      else if (key === 'indicators') pushError(errors, 'indicators', `${issue.where.replace(/^items\[\d+\]\./, '')}: ${issue.message}`);
      else if (typeof key === 'string' && ['id', 'title', 'short', 'assignees', 'period', 'start', 'end', 'due', 'request', 'reminders', 'escalation', 'evidence', 'consolidation'].includes(key)) pushError(errors, key, issue.message);
      else other.push(`${issue.where}: ${issue.message}`);
    }
    if (errors.size > 0 || other.length > 0) return renderItem(req, reply, l, form, isNew, action, errors, other, 422);
    saveDraft(kit, l, doc);
    return backToEditor(reply, l.programId, 'saved');
  }

  app.get<Params & { Querystring: { kind?: string } }>('/office/programs/:program/editor/items/new', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    const kind = req.query.kind;
    if (!isItemKind(kind)) return notFound(req, reply, ctx);
    return renderItem(req, reply, l, newItemForm(kind), true, `${editorBase(l.programId)}/items/new`, new Map(), [], 200);
  });
  app.post<Params>('/office/programs/:program/editor/items/new', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    return saveItem(req, reply, l, undefined, true, `${editorBase(l.programId)}/items/new`);
  });

  const findItem = (l: Loaded, id: string) => itemsOf(l.doc).findIndex((i) => isRecord(i) && i.id === id);
  app.get<ItemParams>('/office/programs/:program/editor/items/:item', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    const index = findItem(l, req.params.item);
    const item = itemsOf(l.doc)[index];
    if (!isRecord(item) || !isItemKind(item.kind)) return notFound(req, reply, ctx);
    return renderItem(req, reply, l, itemToForm(item, item.kind), false, itemPath(l.programId, req.params.item), new Map(), [], 200);
  });
  app.post<ItemParams>('/office/programs/:program/editor/items/:item', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    const index = findItem(l, req.params.item);
    if (index < 0) return notFound(req, reply, ctx);
    return saveItem(req, reply, l, index, false, itemPath(l.programId, req.params.item));
  });
  app.post<ItemParams>('/office/programs/:program/editor/items/:item/delete', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    const index = findItem(l, req.params.item);
    if (index < 0) return notFound(req, reply, ctx);
    const items = itemsOf(l.doc).filter((_, i) => i !== index);
    saveDraft(kit, l, { ...l.doc, items });
    return backToEditor(reply, l.programId, 'removed', { item: req.params.item });
  });
}
