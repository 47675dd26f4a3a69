// The programs `npm start` runs: the program file (validated, then applied exactly as
// `dondoc apply` does) and, beside it, a demo program generated for today (dev/demo-program.ts)
// so that the inbox and the dashboard have something to show on any date.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Client } from '@temporalio/client';
import { formatDiagnostic } from '../program/errors';
import { loadProgram } from '../program/load';
import { applyProgram } from '../client/programs';
import type { ProgramStore } from '../activities/plan/program-store';
import { formatApplyResult } from '../client/cli/apply';
import { statusQuery, submitUpdate } from '../workflows/assignment/messages';
import { demoProgram } from './demo-program';

/** `store`: where the worker reads program versions; given, the update carries only the hash. */
export async function applyProgramFile(client: Client, taskQueue: string, file: string, store?: ProgramStore): Promise<string> {
  const loaded = loadProgram(file);
  if (!loaded.ok) {
    throw new Error(`tệp chương trình không hợp lệ (invalid program file):\n${loaded.errors.map(formatDiagnostic).join('\n')}`);
  }
  const result = await applyProgram(client, taskQueue, loaded.program, basename(file), store ? { store } : {});
  return formatApplyResult(loaded.program.program.id, result);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for an assignment workflow the program starts to answer queries (a few seconds after apply). */
async function waitForAssignment(client: Client, id: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.workflow.getHandle(id).query(statusQuery);
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(500);
    }
  }
}

/**
 * Generates the demo program for `now`, writes it to DATA_DIR/demo-program.yaml (so it can be
 * read and checked with `dondoc validate`), applies it from that file like any other, then has
 * its first unit submit through the same update `dondoc submit` sends, so a receipt is there to see.
 * DONDOC_DEMO=0 turns it off.
 */
export async function applyDemoProgram(client: Client, taskQueue: string, dataDir: string, now = Date.now(), store?: ProgramStore): Promise<string> {
  if (process.env.DONDOC_DEMO === '0') return 'dondoc: bản minh họa đã tắt (DONDOC_DEMO=0).';
  const demo = demoProgram(now);
  const file = join(dataDir, 'demo-program.yaml');
  writeFileSync(file, demo.yaml);
  const lines = [await applyProgramFile(client, taskQueue, file, store)];
  try {
    const state = await waitForAssignment(client, demo.submittedAssignmentId, 30_000);
    if (state.status === 'requested') {
      const receipt = await client.workflow.getHandle(demo.submittedAssignmentId).executeUpdate(submitUpdate, {
        args: [{ content: 'Trong tuần, đơn vị đã tổ chức 3 hoạt động tuyên truyền về bình đẳng giới (nội dung minh họa).', submittedBy: 'Cán bộ Phòng Nội vụ (minh họa)', indicators: { 'so-hoat-dong': 3 } }],
      });
      lines.push(`  Minh họa: ${demo.submittedAssignmentId} đã nộp, số biên nhận ${receipt.receiptNumber}.`);
    }
  } catch (err) {
    // The demo is a convenience: a failed demo submission must not stop the real stack.
    lines.push(`  Minh họa: chưa nộp được báo cáo mẫu (demo submission failed): ${(err as Error).message.split('\n')[0] ?? ''}`);
  }
  lines.push(`  Minh họa: ${demo.overdueAssignmentId} đến hạn lúc ${demo.overdueDueAt.slice(11, 16)}, sau đó báo cáo vượt cấp.`);
  return lines.join('\n');
}
