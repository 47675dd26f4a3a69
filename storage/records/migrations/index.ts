// The migrations, in order, imported as modules (not read from a folder at run time), so
// they work the same under tsx, in a bundle and in tests. Names sort in the order they run.
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial';
import { editorApplies } from './002-editor-applies';
import { occurrenceRows } from './003-occurrence-rows';

const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-editor-applies': editorApplies,
  '003-occurrence-rows': occurrenceRows,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
