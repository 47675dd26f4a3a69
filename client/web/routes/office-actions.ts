// What the office does to an assignment from its page: review (accept or return with a
// comment and an optional new due), decide a unit's request, extend, exempt. Each is a
// workflow update; the workflow's validator has the last word and its reason is shown.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { UpdateDefinition } from '@temporalio/common';
import {
  decideRequestArgsSchema,
  decideRequestUpdate,
  exemptArgsSchema,
  exemptUpdate,
  extendArgsSchema,
  extendUpdate,
  reviewArgsSchema,
  reviewUpdate,
} from '../../../workflows/assignment/messages';
import type { Session } from '../../../auth/sessions';
import type { WebContext } from '../context';
import { parseLocalDateTime } from '../format';
import { checkSessionCsrf, requireSession } from '../guards';
import { assignmentPath } from '../paths';
import { frameOf, sendPage } from '../request-state';
import { errorPage } from '../views/error-page';
import { showAssignment } from './office';

type Form = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A datetime-local value in the program's zone; an unreadable one is kept so zod names it. */
function due(v: unknown): string | undefined {
  const value = text(v);
  if (value === '') return undefined;
  return parseLocalDateTime(value) ?? value;
}

// The form → update-argument mapping of each action, checked by the workflow's own schema.
export const officeActions = {
  review: {
    schema: reviewArgsSchema,
    update: reviewUpdate,
    done: 'reviewed',
    args: (form: Form, s: Session) => {
      const comment = text(form.comment);
      const newDueAt = due(form.newDue);
      return form.decision === 'return'
        ? { decision: 'return', reviewer: s.username, comment, ...(newDueAt ? { newDueAt } : {}) }
        : { decision: 'accept', reviewer: s.username, ...(comment ? { comment } : {}) };
    },
  },
  decide: {
    schema: decideRequestArgsSchema,
    update: decideRequestUpdate,
    done: 'decided',
    args: (form: Form, s: Session) => {
      const comment = text(form.comment);
      const newDueAt = due(form.newDue);
      return { requestId: Number(form.requestId), grant: form.grant === 'true', decidedBy: s.username, ...(comment ? { comment } : {}), ...(newDueAt ? { newDueAt } : {}) };
    },
  },
  extend: {
    schema: extendArgsSchema,
    update: extendUpdate,
    done: 'extended',
    args: (form: Form) => ({ newDueAt: due(form.newDue) ?? '', reason: text(form.reason) }),
  },
  exempt: {
    schema: exemptArgsSchema,
    update: exemptUpdate,
    done: 'exempted',
    args: (form: Form, s: Session) => ({ reason: text(form.reason), decidedBy: s.username }),
  },
} as const;

export type OfficeAction = keyof typeof officeActions;

export function registerOfficeActions(app: FastifyInstance, ctx: WebContext): void {
  for (const [name, action] of Object.entries(officeActions) as [OfficeAction, (typeof officeActions)[OfficeAction]][]) {
    app.post<{ Params: { id: string } }>(`/office/assignments/:id/${name}`, async (req, reply) => {
      const session = requireSession(req, reply, ctx, ['office']);
      if (!session || !checkSessionCsrf(req, reply, ctx, session)) return reply;
      const { id } = req.params;
      const form = (req.body ?? {}) as Form;
      const parsed = (action.schema as z.ZodType).safeParse(action.args(form, session));
      if (!parsed.success) return showAssignment(req, reply, ctx, session, id, 422, { errors: parsed.error.issues.map((i) => i.message) });
      const outcome = await ctx.assignments.update(id, action.update as UpdateDefinition<unknown, [unknown]>, parsed.data);
      if (!outcome.ok) {
        const { t } = req.dondoc;
        if (outcome.kind === 'unavailable') return sendPage(reply, 503, errorPage(frameOf(req, ctx), t.errors.unavailable, t.errors.unavailableBody, assignmentPath(id)));
        return showAssignment(req, reply, ctx, session, id, outcome.kind === 'not-found' ? 404 : 409, { errors: [outcome.message] });
      }
      return reply.redirect(`${assignmentPath(id)}?done=${action.done}`, 303);
    });
  }
}
