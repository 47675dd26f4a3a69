// What every route of the program editor needs: the signed-in office user, the program's
// draft (or the running version when there is no draft yet), saving a draft, and the
// redirect back to the editor with a short message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../../../auth/sessions';
import { SLUG } from '../../../program/schema';
import type { Program } from '../../../program/types';
import type { ProgramState } from '../../../workflows/program/messages';
import type { WebContext } from '../context';
import type { ProgramCatalog } from '../data/program-catalog';
import type { Draft, DraftStore } from '../editor/drafts';
import { editorText, type EditorText } from '../editor/text';
import type { EditorRecords } from '../editor/versions';
import { requireSession } from '../guards';
import { frameOf, sendPage } from '../request-state';
import { editorBase } from '../views/editor-forms';
import { errorPage } from '../views/error-page';

export type Params = { Params: { program: string } };

export interface Kit {
  ctx: WebContext;
  catalog: ProgramCatalog;
  drafts: DraftStore;
  records: EditorRecords;
}

export interface Loaded {
  session: Session;
  programId: string;
  e: EditorText;
  draft: Draft | undefined;
  /** The draft's program, or the running version's: plain data, as the file says it. */
  doc: Record<string, unknown>;
  title: string;
  state: ProgramState | undefined;
  running: Program | undefined;
}

export const isProgramId = (id: string) => SLUG.test(id) && id.length <= 64;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function titleOf(doc: Record<string, unknown>, programId: string): string {
  const header = isRecord(doc.program) ? doc.program : {};
  return typeof header.title === 'string' && header.title.trim() !== '' ? header.title : programId;
}

export async function loadEditor(kit: Kit, req: FastifyRequest<Params>, reply: FastifyReply): Promise<Loaded | undefined> {
  const session = requireSession(req, reply, kit.ctx, ['office']);
  if (!session) return undefined;
  const { t, locale } = req.dondoc;
  const programId = req.params.program;
  if (!isProgramId(programId)) {
    void sendPage(reply, 404, errorPage(frameOf(req, kit.ctx), t.errors.notFound, t.errors.notFoundBody));
    return undefined;
  }
  const e = editorText(locale);
  const draft = kit.drafts.get(programId);
  const { state, model } = await kit.catalog.current(programId).catch(() => ({ state: undefined, model: undefined }));
  const running = model?.program;
  if (!draft && !running) {
    void sendPage(reply, 404, errorPage(frameOf(req, kit.ctx), t.errors.notFound, t.editor.noProgram));
    return undefined;
  }
  // A copy: the catalog's model is shared by every page.
  const doc = draft ? draft.doc : (JSON.parse(JSON.stringify(running)) as Record<string, unknown>);
  return { session, programId, e, draft, doc, title: titleOf(doc, programId), state, running };
}

export function saveDraft(kit: Kit, l: Loaded, doc: Record<string, unknown>): void {
  kit.drafts.put({
    programId: l.programId,
    ...(l.draft ? (l.draft.baseHash ? { baseHash: l.draft.baseHash } : {}) : l.state?.hash ? { baseHash: l.state.hash } : {}),
    doc,
    updatedAt: new Date().toISOString(),
    updatedBy: l.session.displayName || l.session.username,
  });
}

export const DONE = ['saved', 'units', 'removed', 'discarded', 'applied'] as const;
export type Done = (typeof DONE)[number];

export function backToEditor(reply: FastifyReply, programId: string, done: Done, extra: Record<string, string> = {}): FastifyReply {
  const params = new URLSearchParams({ done, ...extra });
  return reply.redirect(`${editorBase(programId)}?${params.toString()}`, 303);
}

export type Body = Record<string, string | string[] | undefined>;
export const bodyOf = (req: FastifyRequest): Body => (isRecord(req.body) ? (req.body as Body) : {});
export { isRecord };
