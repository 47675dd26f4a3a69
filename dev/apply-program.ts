// The program `npm start` runs: validated, then applied exactly as `dondoc apply` does.
import { basename } from 'node:path';
import type { Client } from '@temporalio/client';
import { formatDiagnostic } from '../program/errors';
import { loadProgram } from '../program/load';
import { applyProgram } from '../client/programs';
import { formatApplyResult } from '../client/cli/apply';

export async function applyProgramFile(client: Client, taskQueue: string, file: string): Promise<string> {
  const loaded = loadProgram(file);
  if (!loaded.ok) {
    throw new Error(`tệp chương trình không hợp lệ (invalid program file):\n${loaded.errors.map(formatDiagnostic).join('\n')}`);
  }
  const result = await applyProgram(client, taskQueue, loaded.program, basename(file));
  return formatApplyResult(loaded.program.program.id, result);
}
