// The program editor on the web (office role). Every change goes into the program's draft
// (editor/drafts.ts) — the same model as a program file — through per-part forms
// (editor-sections.ts) or a units spreadsheet (below); the overview says whether the draft is
// a valid program file; the preview shows its plan as a month calendar and the exact change
// `dondoc apply --dry-run` reports, with the mails it implies; the confirmed apply is the
// CLI's apply, recorded with who made it. New programs start from a template.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseYaml } from '../../../program/source';
import { compilePlan } from '../../../program/plan';
import type { Program } from '../../../program/types';
import { formatApplyResult } from '../../cli/apply';
import { applyProgram, needsConfirmation, programHash } from '../../programs';
import type { WebContext } from '../context';
import type { ProgramCatalog } from '../data/program-catalog';
import { monthView, pickMonth } from '../editor/calendar';
import { firstApplyResult, mailsOf } from '../editor/changes';
import { checkDraft, issuesUnder, toYaml, type Issue } from '../editor/check';
import { DraftStore } from '../editor/drafts';
import { starterDoc, starterYaml } from '../editor/template';
import { editorText } from '../editor/text';
import { columnForPath, columnLabel, readUnitsFile, unitEntry, unitsCsv, unitsXlsx } from '../editor/units-file';
import { EditorRecords, versionYaml } from '../editor/versions';
import { checkSessionCsrf, requireSession } from '../guards';
import { html } from '../html';
import { messages } from '../i18n';
import { frameOf, sendPage } from '../request-state';
import { pushError, type Errors } from '../views/editor-fields';
import { issueHref, newProgramPage, overviewPage, versionsTable } from '../views/editor-forms';
import { editorPage, type FieldError } from '../views/editor-page';
import { previewPage } from '../views/editor-preview';
import { errorPage } from '../views/error-page';
import { registerEditorSections } from './editor-sections';
import { backToEditor, bodyOf, isProgramId, isRecord, loadEditor, saveDraft, titleOf, type Kit, type Loaded, type Params } from './editor-kit';
import { notFound } from './office';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const DRY_RUN_TIMEOUT_MS = 15_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

export function registerEditorRoutes(app: FastifyInstance, ctx: WebContext, catalog: ProgramCatalog): void {
  const kit: Kit = { ctx, catalog, drafts: new DraftStore(ctx.env.DATA_DIR), records: new EditorRecords(ctx.env) };
  app.addHook('onClose', async () => kit.records.close());
  catalog.readVersionsFrom(async (hash) => (await kit.records.programStore(ctx.recorded?.records))?.get(hash));
  registerEditorSections(app, kit);
  const fileName = (l: Loaded) => `${l.programId}.yaml`;

  // The versions applied so far, on the program's dashboard too.
  ctx.panels.push({
    id: 'versions',
    render: async (programId, locale) => {
      const state = (await catalog.current(programId).catch(() => ({ state: undefined }))).state;
      if (!state || state.applied.length === 0) return undefined;
      const e = editorText(locale);
      const rows = await kit.records.versions(programId, state).catch(() => []);
      return html`<section class="card"><h3>${e.versions}</h3>${versionsTable({ t: messages(locale), path: '' }, e, programId, rows)}</section>`;
    },
  });

  // Overview.
  app.get<Params & { Querystring: { done?: string; n?: string; item?: string } }>('/office/programs/:program/editor', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    const checked = checkDraft(l.doc, fileName(l), req.dondoc.locale);
    const done = req.query.done;
    const message =
      done === 'saved' ? l.e.saved : done === 'units' ? l.e.unitsSaved(Number(req.query.n ?? 0)) : done === 'removed' ? l.e.removed(req.query.item ?? '') : done === 'discarded' ? l.e.discarded : done === 'applied' ? l.e.applied : undefined;
    const items = (Array.isArray(l.doc.items) ? l.doc.items : []).filter(isRecord).map((i) => ({ id: String(i.id ?? ''), kind: String(i.kind ?? ''), title: String(i.title ?? i.id ?? '') }));
    const groups = (Array.isArray(l.doc.groups) ? l.doc.groups : []).filter(isRecord).map((g) => ({ id: String(g.id ?? ''), name: String(g.name ?? g.id ?? '') }));
    const itemIds = (Array.isArray(l.doc.items) ? l.doc.items : []).map((i) => (isRecord(i) && typeof i.id === 'string' && isProgramId(i.id) ? i.id : undefined));
    const linked = (issue: Issue) => {
      const href = issueHref(l.programId, issue, itemIds);
      return href ? { ...issue, href } : issue;
    };
    const versions = l.state ? await kit.records.versions(l.programId, l.state).catch(() => []) : [];
    return sendPage(
      reply,
      200,
      overviewPage(frameOf(req, ctx), l.e, {
        programId: l.programId,
        title: l.title,
        running: l.running !== undefined,
        ...(l.draft ? { draft: { updatedBy: l.draft.updatedBy, updatedAt: l.draft.updatedAt, stale: l.draft.baseHash !== l.state?.hash } } : {}),
        header: isRecord(l.doc.program) ? l.doc.program : {},
        units: Array.isArray(l.doc.units) ? l.doc.units.length : 0,
        groups,
        items,
        errors: (checked.ok ? [] : checked.errors).map(linked),
        warnings: checked.warnings.map(linked),
        versions,
        ...(message ? { message } : {}),
      }),
    );
  });

  app.get<Params>('/office/programs/:program/editor/draft.yaml', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return reply.type('application/yaml; charset=utf-8').header('Content-Disposition', `attachment; filename="${l.programId}.yaml"`).send(toYaml(l.doc));
  });

  app.post<Params>('/office/programs/:program/editor/discard', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    kit.drafts.remove(l.programId);
    if (!l.running) return reply.redirect('/office', 303);
    return backToEditor(reply, l.programId, 'discarded');
  });

  // Units: a spreadsheet into the draft.
  const unitsView = (l: Loaded) => ({ programId: l.programId, title: l.title, unitCount: Array.isArray(l.doc.units) ? l.doc.units.length : 0, backText: l.e.backEditor });
  // A draft may hold anything a file can (a pasted file with mistakes): its units are read
  // defensively into the template's columns.
  const draftUnits = (l: Loaded): Program['units'] =>
    (Array.isArray(l.doc.units) ? l.doc.units : []).filter(isRecord).map((u) => {
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : typeof v === 'string' ? [v] : []);
      const head = isRecord(u.head) ? { ...(text(u.head.name) ? { name: text(u.head.name) } : {}), title: text(u.head.title), email: text(u.head.email) } : undefined;
      const kind = text(u.kind) as Program['units'][number]['kind'];
      return { id: text(u.id), name: text(u.name), kind, emails: list(u.emails), ...(text(u.phone) ? { phone: text(u.phone) } : {}), ...(head ? { head } : {}), ...(u.groups !== undefined ? { groups: list(u.groups) } : {}) };
    });
  app.get<Params>('/office/programs/:program/editor/units', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return sendPage(reply, 200, editorPage(frameOf(req, ctx), unitsView(l)));
  });
  app.get<Params>('/office/programs/:program/editor/units/template.csv', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="don-vi-${l.programId}.csv"`).send(unitsCsv(draftUnits(l)));
  });
  app.get<Params>('/office/programs/:program/editor/units/template.xlsx', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="don-vi-${l.programId}.xlsx"`)
      .send(await unitsXlsx(draftUnits(l)));
  });
  app.post<Params>('/office/programs/:program/editor/units', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    const { t } = req.dondoc;
    const frame = frameOf(req, ctx);
    const view = unitsView(l);
    if (!req.isMultipart()) return sendPage(reply, 400, editorPage(frame, { ...view, errors: [{ message: t.editor.file }] }));
    let trusted = false;
    let file: { name: string; data: Buffer } | undefined;
    try {
      for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } })) {
        if (part.type === 'field') {
          if (part.fieldname === '_csrf') {
            // A multipart body is read here, not by the body parser: the CSRF plugin checks
            // the field once it is where the plugin looks for it.
            (req as { body?: unknown }).body = { _csrf: String(part.value) };
            if (!checkSessionCsrf(req, reply, ctx, l.session)) return reply;
            trusted = true;
          }
          continue;
        }
        // The form sends _csrf first: a file before it is forged or broken, and is not read.
        if (!trusted) break;
        const data = await part.toBuffer();
        if (part.file.truncated) return sendPage(reply, 413, editorPage(frame, { ...view, errors: [{ message: `${part.filename}: tệp lớn hơn 2 MB (file larger than 2 MB)` }] }));
        if (part.filename) file = { name: part.filename, data };
      }
    } catch (err) {
      return sendPage(reply, 400, editorPage(frame, { ...view, errors: [{ message: (err as Error).message }] }));
    }
    if (!trusted) return sendPage(reply, 403, errorPage(frame, t.errors.csrf, t.errors.csrfBody));
    if (!file) return sendPage(reply, 400, editorPage(frame, { ...view, errors: [{ message: t.editor.file }] }));
    const read = await readUnitsFile(file.name, file.data);
    if (!read.ok) return sendPage(reply, 422, editorPage(frame, { ...view, errors: read.errors.map((message) => ({ message })) }));
    const doc = { ...l.doc, units: read.rows.map(unitEntry) };
    const checked = checkDraft(doc, file.name, req.dondoc.locale);
    const rowErrors: FieldError[] = issuesUnder(checked.ok ? [] : checked.errors, ['units']).map((issue): FieldError => {
      const [i, ...rest] = issue.path;
      const row = typeof i === 'number' ? read.rows[i]?.row : undefined;
      const column = columnForPath(rest);
      return { ...(row !== undefined ? { row } : {}), ...(column ? { column: columnLabel(column) } : {}), message: row !== undefined ? issue.message : `${issue.where}: ${issue.message}` };
    });
    if (rowErrors.length > 0) return sendPage(reply, 422, editorPage(frame, { ...view, errors: rowErrors }));
    saveDraft(kit, l, doc);
    return backToEditor(reply, l.programId, 'units', { n: String(read.rows.length) });
  });

  // Preview and apply.
  interface Previewed {
    program: Program;
    yaml: string;
    token: string;
  }
  function previewable(l: Loaded, req: FastifyRequest): Previewed | undefined {
    const checked = checkDraft(l.doc, fileName(l), req.dondoc.locale);
    if (!checked.ok) return undefined;
    return { program: checked.program, yaml: checked.yaml, token: `${programHash(checked.program)}.${l.state?.hash ?? 'new'}` };
  }

  /** The CLI's apply: the version stored where the worker reads it, the update naming its hash. */
  async function applyVersion(program: Program, l: Loaded, dryRun: boolean) {
    const store = await kit.records.programStore(ctx.recorded?.records);
    return applyProgram(ctx.client, ctx.env.TEMPORAL_TASK_QUEUE, program, `web: ${l.session.username}`, { ...(dryRun ? { dryRun } : {}), ...(store ? { store } : {}) });
  }

  async function showPreview(req: FastifyRequest<Params & { Querystring: { month?: string; error?: string } }>, reply: FastifyReply, l: Loaded, p: Previewed, error?: string) {
    const frame = frameOf(req, ctx);
    const plan = compilePlan(p.program);
    const month = monthView(p.program, plan, pickMonth(plan, req.query.month, p.program.program.timezone));
    let result;
    if (l.state?.hash) {
      try {
        result = await within(applyVersion(p.program, l, true), DRY_RUN_TIMEOUT_MS);
      } catch {
        return sendPage(reply, 503, errorPage(frame, req.dondoc.t.errors.unavailable, l.e.unavailable));
      }
    } else result = firstApplyResult(plan);
    return sendPage(
      reply,
      error ? 409 : 200,
      previewPage(frame, l.e, {
        programId: l.programId,
        title: l.title,
        running: l.state?.hash !== undefined,
        month,
        change: formatApplyResult(l.programId, result),
        unchanged: result.unchanged,
        reasons: needsConfirmation(result),
        mails: mailsOf(result, p.program, l.state?.hash ? l.running : undefined),
        yaml: p.yaml,
        token: p.token,
        ...(error ? { error } : {}),
      }),
    );
  }

  app.get<Params & { Querystring: { month?: string; error?: string } }>('/office/programs/:program/editor/preview', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l) return reply;
    const p = previewable(l, req);
    if (!p) return reply.redirect(`/office/programs/${l.programId}/editor#check`, 303);
    return showPreview(req, reply, l, p);
  });

  app.post<Params & { Querystring: { month?: string; error?: string } }>('/office/programs/:program/editor/apply', async (req, reply) => {
    const l = await loadEditor(kit, req, reply);
    if (!l || !checkSessionCsrf(req, reply, ctx, l.session)) return reply;
    const body = bodyOf(req);
    const p = previewable(l, req);
    if (!p) return reply.redirect(`/office/programs/${l.programId}/editor#check`, 303);
    if (body.token !== p.token) return showPreview(req, reply, l, p, l.e.changedSince);
    if (body.confirm !== 'yes') return showPreview(req, reply, l, p, l.e.mustConfirm);
    const by = l.session.displayName ? `${l.session.displayName} (${l.session.username})` : l.session.username;
    try {
      await applyVersion(p.program, l, false);
    } catch {
      return sendPage(reply, 503, errorPage(frameOf(req, ctx), req.dondoc.t.errors.unavailable, l.e.unavailable));
    }
    // The workflow has recorded when; the records database keeps who, with the content.
    await kit.records.recordApply(p.program, programHash(p.program), by, new Date().toISOString()).catch((err: unknown) => req.log.error({ err }, 'editor: could not record who applied the program'));
    kit.drafts.remove(l.programId);
    catalog.forget();
    return backToEditor(reply, l.programId, 'applied');
  });

  // Versions, as YAML files `dondoc validate` reads.
  app.get<{ Params: { program: string; file: string } }>('/office/programs/:program/versions/:file', async (req, reply) => {
    if (!requireSession(req, reply, ctx)) return reply;
    const { program: programId, file } = req.params;
    const hash = /^([0-9a-f]{8,64})\.yaml$/.exec(file)?.[1];
    if (!isProgramId(programId) || !hash) return notFound(req, reply, ctx);
    const { state } = await catalog.current(programId).catch(() => ({ state: undefined }));
    const program = await kit.records.content(ctx.client, programId, hash);
    if (!program) return notFound(req, reply, ctx);
    const at = state?.applied.find((a) => a.hash === hash)?.at ?? '';
    return reply
      .type('application/yaml; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${programId}-${hash}.yaml"`)
      .send(versionYaml(program, hash, at));
  });

  // A new program, from the template or a pasted file.
  const thisYear = () => new Date().getFullYear();
  const draftList = () => kit.drafts.list().map((d) => ({ programId: d.programId, title: titleOf(d.doc, d.programId), updatedBy: d.updatedBy, updatedAt: d.updatedAt }));
  app.get('/office/programs/new/template.yaml', async (req, reply) => {
    if (!requireSession(req, reply, ctx, ['office'])) return reply;
    const year = thisYear();
    return reply
      .type('application/yaml; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="chuong-trinh-mau-${year}.yaml"`)
      .send(starterYaml({ id: `chuong-trinh-moi-${year}`, title: `Chương trình công tác năm ${year}`, year, issuer: 'Ban chỉ đạo (thay bằng tên cơ quan ban hành)' }));
  });
  app.get('/office/programs/new', async (req, reply) => {
    if (!requireSession(req, reply, ctx, ['office'])) return reply;
    return sendPage(reply, 200, newProgramPage(frameOf(req, ctx), editorText(req.dondoc.locale), { values: {}, errors: new Map(), other: [], year: thisYear(), drafts: draftList() }));
  });
  app.post('/office/programs/new', async (req, reply) => {
    const session = requireSession(req, reply, ctx, ['office']);
    if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
    const e = editorText(req.dondoc.locale);
    const body = bodyOf(req);
    const values = Object.fromEntries(['id', 'title', 'year', 'issuer', 'yaml'].map((k) => [k, String((Array.isArray(body[k]) ? body[k][0] : body[k]) ?? '').trim()]));
    const errors: Errors = new Map();
    const other: string[] = [];
    let doc: Record<string, unknown> | undefined;
    if (values.yaml) {
      const parsed = parseYaml(values.yaml);
      const problems = parsed.problems.filter((p) => p.severity === 'error');
      for (const p of problems) pushError(errors, 'yaml', `${e.advancedLine(p.line).replace(/^[^,]+, /, '')}: ${p.message}`);
      if (problems.length === 0 && isRecord(parsed.value) && isRecord(parsed.value.program)) doc = parsed.value;
      else if (problems.length === 0) pushError(errors, 'yaml', 'tệp phải có mục program, units, items (expected a program file)');
      if (doc && isRecord(doc.program)) values.id = String(doc.program.id ?? '');
    } else {
      doc = starterDoc({ id: values.id ?? '', title: values.title ?? '', year: Number(values.year), issuer: values.issuer ?? '' });
      const checked = checkDraft(doc, 'new.yaml', req.dondoc.locale);
      for (const issue of issuesUnder(checked.ok ? [] : checked.errors, ['program'])) {
        const field = String(issue.path[0] ?? '');
        if (['id', 'title', 'year', 'issuer'].includes(field)) pushError(errors, field, issue.message);
      }
    }
    const id = values.id ?? '';
    if (doc && errors.size === 0) {
      if (!isProgramId(id) || id === 'new') pushError(errors, values.yaml ? 'yaml' : 'id', e.badId);
      else if (kit.drafts.get(id) || (await catalog.current(id).catch(() => ({ state: undefined }))).state?.hash) other.push(e.exists);
    }
    if (!doc || errors.size > 0 || other.length > 0) return sendPage(reply, 422, newProgramPage(frameOf(req, ctx), e, { values, errors, other, year: thisYear(), drafts: draftList() }));
    kit.drafts.put({ programId: id, doc, updatedAt: new Date().toISOString(), updatedBy: session.displayName || session.username });
    return reply.redirect(`/office/programs/${id}/editor?done=saved`, 303);
  });
}
