// The first schema: programs, the notice ledger, delivery failures, assignments and their
// records, occurrences and theirs. Only types both SQLite and PostgreSQL know (text,
// integer), so one migration serves both dialects. Child rows are keyed by their parent
// and their position, so a retried write inserts nothing new (ON CONFLICT DO NOTHING).
import type { Kysely, Migration } from 'kysely';

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('program_versions')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('applied_by', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('program_versions_program').on('program_versions').columns(['program_id', 'applied_at']).execute();

    await db.schema
      .createTable('sent_notices')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_json', 'text', (c) => c.notNull())
      .addColumn('cc_json', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sent_notices_workflow').on('sent_notices').column('workflow_id').execute();

    await db.schema
      .createTable('delivery_failures')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('to_addr', 'text', (c) => c.notNull())
      .addColumn('workflow_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('delivery_failures_pk', ['key', 'to_addr'])
      .execute();
    await db.schema.createIndex('delivery_failures_workflow').on('delivery_failures').column('workflow_id').execute();

    await db.schema
      .createTable('assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('item_title', 'text', (c) => c.notNull())
      .addColumn('period', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('indicators_json', 'text', (c) => c.notNull())
      .addColumn('next_step_json', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assignments_program_unit').on('assignments').columns(['program_id', 'unit_id', 'status']).execute();

    await db.schema
      .createTable('submissions')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text')
      .addColumn('attachments_json', 'text', (c) => c.notNull())
      .addColumn('indicators_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('submissions_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('reviews')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('reviewer', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('new_due_at', 'text')
      .addPrimaryKeyConstraint('reviews_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('extensions')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('from_due', 'text', (c) => c.notNull())
      .addColumn('to_due', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('extensions_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('unit_requests')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('proposed_due_at', 'text')
      .addColumn('requested_by', 'text')
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('unit_requests_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('unit_decisions')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('comment', 'text')
      .addPrimaryKeyConstraint('unit_decisions_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('assignment_notices')
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_json', 'text', (c) => c.notNull())
      .addColumn('scheduled_for', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('message_id', 'text')
      .addColumn('skipped', 'text')
      .addPrimaryKeyConstraint('assignment_notices_pk', ['assignment_id', 'seq'])
      .execute();

    await db.schema
      .createTable('occurrences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_title', 'text', (c) => c.notNull())
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('approver', 'text')
      .addColumn('closed', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('rows_json', 'text', (c) => c.notNull())
      .addColumn('forwarded_json', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('consolidations')
      .addColumn('occurrence_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('xlsx_json', 'text', (c) => c.notNull())
      .addColumn('html_json', 'text', (c) => c.notNull())
      .addColumn('counts_json', 'text', (c) => c.notNull())
      .addColumn('sums_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consolidations_pk', ['occurrence_id', 'version'])
      .execute();

    await db.schema
      .createTable('approvals')
      .addColumn('occurrence_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('by_name', 'text')
      .addPrimaryKeyConstraint('approvals_pk', ['occurrence_id', 'seq'])
      .execute();

    await db.schema
      .createTable('addenda')
      .addColumn('occurrence_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('units_json', 'text', (c) => c.notNull())
      .addColumn('xlsx_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('addenda_pk', ['occurrence_id', 'version'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'addenda', 'approvals', 'consolidations', 'occurrences', 'assignment_notices', 'unit_decisions',
      'unit_requests', 'extensions', 'reviews', 'submissions', 'assignments', 'delivery_failures',
      'sent_notices', 'program_versions',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
