// The notice ledger (what was handed to the relay, once per key) and delivery failures
// (what a relay refused, once per key and recipient). Both are insert-once: the first
// writer wins and a retry finds the row already there.
import type { Kysely } from 'kysely';
import type { RecordsSchema } from './schema';
import type { DeliveryFailure, NoticeSent } from './types';

export async function findNotice(db: Kysely<RecordsSchema>, key: string): Promise<{ messageId: string; sentAt: string } | undefined> {
  const row = await db.selectFrom('sent_notices').select(['message_id', 'sent_at']).where('key', '=', key).executeTakeFirst();
  return row ? { messageId: row.message_id, sentAt: row.sent_at } : undefined;
}

export async function recordNotice(db: Kysely<RecordsSchema>, n: NoticeSent): Promise<void> {
  await db
    .insertInto('sent_notices')
    .values({
      key: n.key,
      workflow_id: n.workflowId,
      kind: n.kind,
      to_json: JSON.stringify(n.to),
      cc_json: JSON.stringify(n.cc),
      subject: n.subject,
      message_id: n.messageId,
      sent_at: n.sentAt,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function listNotices(db: Kysely<RecordsSchema>, workflowId: string): Promise<NoticeSent[]> {
  const rows = await db.selectFrom('sent_notices').selectAll().where('workflow_id', '=', workflowId).orderBy('sent_at').orderBy('key').execute();
  return rows.map((r) => ({
    key: r.key,
    workflowId: r.workflow_id,
    kind: r.kind,
    to: JSON.parse(r.to_json) as string[],
    cc: JSON.parse(r.cc_json) as string[],
    subject: r.subject,
    messageId: r.message_id,
    sentAt: r.sent_at,
  }));
}

export async function recordDeliveryFailure(db: Kysely<RecordsSchema>, f: DeliveryFailure): Promise<void> {
  await db
    .insertInto('delivery_failures')
    .values({ key: f.key, to_addr: f.to, workflow_id: f.workflowId, code: f.code, message: f.message, at: f.at })
    .onConflict((oc) => oc.columns(['key', 'to_addr']).doNothing())
    .execute();
}

export async function listDeliveryFailures(db: Kysely<RecordsSchema>, workflowId: string): Promise<DeliveryFailure[]> {
  const rows = await db.selectFrom('delivery_failures').selectAll().where('workflow_id', '=', workflowId).orderBy('at').orderBy('key').orderBy('to_addr').execute();
  return rows.map((r) => ({ key: r.key, workflowId: r.workflow_id, to: r.to_addr, code: r.code, message: r.message, at: r.at }));
}
