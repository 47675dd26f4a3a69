// One row per unit of an occurrence, written by the occurrence itself (only the rows that
// changed since its last write). A report cycle of 3,400 units cannot carry its table in a
// Temporal payload (continue-as-new input, the consolidation's input, the record snapshot:
// ~850 KB at 3,400 units), so the table lives here and those payloads carry the occurrence id.
import type { Kysely, Migration } from 'kysely';

export const occurrenceRows: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('occurrence_rows')
      .addColumn('occurrence_id', 'text', (c) => c.notNull())
      .addColumn('assignment_id', 'text', (c) => c.notNull())
      // The row's place in the occurrence's table, for reading it back in order.
      .addColumn('position', 'integer', (c) => c.notNull())
      // When the occurrence wrote it (workflow time, ms × 1000 + a counter): an older write
      // arriving late changes nothing, and a later execution of the same occurrence replaces it.
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('row_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('occurrence_rows_pk', ['occurrence_id', 'assignment_id'])
      .execute();
    await db.schema.createIndex('occurrence_rows_position').on('occurrence_rows').columns(['occurrence_id', 'position']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('occurrence_rows').execute();
  },
};
