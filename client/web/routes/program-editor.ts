// The first slice of the program editor on the web (office role): the units of a running
// program, edited as a spreadsheet. Download the template (the current units), upload it back,
// see the errors on their rows or the preview of the change, confirm, and it is applied the way
// `dondoc apply` applies a file. The preview is kept on disk until confirmed, so what is applied
// is exactly what was shown; if another version was applied in between, nothing is.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../../../auth/sessions';
import { formatApplyResult } from '../../cli/apply';
import { applyProgram } from '../../programs';
import type { Program } from '../../../program/types';
import type { WebContext } from '../context';
import type { ProgramCatalog } from '../data/program-catalog';
import { isSafeValue } from '../data/query';
import { previewUnits } from '../editor/preview';
import { readUnitsFile, unitsCsv, unitsXlsx } from '../editor/units-file';
import { checkSessionCsrf, requireSession } from '../guards';
import { frameOf, sendPage } from '../request-state';
import { editorPage, previewPage } from '../views/editor-page';
import { errorPage } from '../views/error-page';
import { notFound } from './office';

type Params = { Params: { program: string } };
const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface Draft {
  programId: string;
  /** The hash of the running version the preview was made against. */
  baseHash: string | undefined;
  program: Program;
  fileName: string;
}

export function registerEditorRoutes(app: FastifyInstance, ctx: WebContext, catalog: ProgramCatalog): void {
  const drafts = join(ctx.env.DATA_DIR, 'drafts');

  async function loaded(req: FastifyRequest<Params>, reply: FastifyReply): Promise<{ session: Session; programId: string; title: string; program: Program; hash: string | undefined } | undefined> {
    const session = requireSession(req, reply, ctx, ['office']);
    if (!session) return undefined;
    const programId = req.params.program;
    if (!isSafeValue(programId)) {
      void notFound(req, reply, ctx);
      return undefined;
    }
    const { state, model } = await catalog.current(programId);
    if (!model) {
      const { t } = req.dondoc;
      void sendPage(reply, 404, errorPage(frameOf(req, ctx), t.errors.notFound, t.editor.noProgram));
      return undefined;
    }
    const header = model.program.program;
    return { session, programId, title: req.dondoc.locale === 'en' && header.titleEn ? header.titleEn : header.title, program: model.program, hash: state?.hash };
  }

  app.get<Params>('/office/programs/:program/editor/units', async (req, reply) => {
    const found = await loaded(req, reply);
    if (!found) return reply;
    return sendPage(reply, 200, editorPage(frameOf(req, ctx), { programId: found.programId, title: found.title, unitCount: found.program.units.length }));
  });

  app.get<Params>('/office/programs/:program/editor/units/template.csv', async (req, reply) => {
    const found = await loaded(req, reply);
    if (!found) return reply;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="don-vi-${found.programId}.csv"`)
      .send(unitsCsv(found.program.units));
  });

  app.get<Params>('/office/programs/:program/editor/units/template.xlsx', async (req, reply) => {
    const found = await loaded(req, reply);
    if (!found) return reply;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="don-vi-${found.programId}.xlsx"`)
      .send(await unitsXlsx(found.program.units));
  });

  app.post<Params>('/office/programs/:program/editor/units', async (req, reply) => {
    const found = await loaded(req, reply);
    if (!found) return reply;
    const { t } = req.dondoc;
    const frame = frameOf(req, ctx);
    const view = { programId: found.programId, title: found.title, unitCount: found.program.units.length };
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
            if (!checkSessionCsrf(req, reply, ctx, found.session)) return reply;
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
    const state = (await catalog.current(found.programId)).state;
    const result = previewUnits(found.program, read.rows, state, file.name);
    if (!result.ok) return sendPage(reply, 422, editorPage(frame, { ...view, errors: result.errors }));
    const draft: Draft = { programId: found.programId, baseHash: found.hash, program: result.preview.program, fileName: file.name };
    const id = createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 32);
    mkdirSync(drafts, { recursive: true });
    writeFileSync(join(drafts, `${id}.json`), JSON.stringify(draft));
    const names = new Map([...found.program.units, ...result.preview.program.units].map((u) => [u.id, u.name]));
    return sendPage(reply, 200, previewPage(frame, { programId: found.programId, title: found.title, preview: result.preview, draft: id, names }));
  });

  app.post<Params>('/office/programs/:program/editor/units/apply', async (req, reply) => {
    const found = await loaded(req, reply);
    if (!found) return reply;
    if (!checkSessionCsrf(req, reply, ctx, found.session)) return reply;
    const { t } = req.dondoc;
    const frame = frameOf(req, ctx);
    const view = { programId: found.programId, title: found.title, unitCount: found.program.units.length };
    const id = String((req.body as Record<string, unknown> | undefined)?.draft ?? '');
    let draft: Draft | undefined;
    try {
      if (/^[0-9a-f]{32}$/.test(id)) draft = JSON.parse(readFileSync(join(drafts, `${id}.json`), 'utf8')) as Draft;
    } catch {
      draft = undefined;
    }
    if (!draft || draft.programId !== found.programId) return sendPage(reply, 410, editorPage(frame, { ...view, errors: [{ message: t.editor.expired }] }));
    if (draft.baseHash !== found.hash) return sendPage(reply, 409, editorPage(frame, { ...view, errors: [{ message: t.editor.stale }] }));
    const result = await applyProgram(ctx.client, ctx.env.TEMPORAL_TASK_QUEUE, draft.program, `web: ${draft.fileName} (${found.session.username})`);
    catalog.forget();
    return sendPage(reply, 200, editorPage(frame, { ...view, unitCount: draft.program.units.length, message: `${t.editor.applied} ${formatApplyResult(found.programId, result)}` }));
  });
}
