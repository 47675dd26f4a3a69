// Who applied which program version, and when: one row per apply made in the web editor.
// program_versions keeps each content once (by hash), so the same content applied twice, or
// applied by the CLI before the web, cannot say who applied it each time; this table can.
import type { Kysely, Migration } from 'kysely';

export const editorApplies: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('program_applies')
      // `<hash>@<applied_at>`: a retried write inserts nothing new.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('program_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('applied_by', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('program_applies_program').on('program_applies').columns(['program_id', 'applied_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('program_applies').execute();
  },
};
