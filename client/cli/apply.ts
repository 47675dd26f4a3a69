// `dondoc apply <program.yaml>`: validate, store the version where the worker reads it, then
// start or update the program's workflow; prints what changed. Applying the same file again
// changes nothing.
import { basename } from 'node:path';
import { compareDiagnostics, formatDiagnostic } from '../../program/errors';
import { loadProgram } from '../../program/load';
import { applyProgram, needsConfirmation, openProgramStore, programWorkflowId } from '../programs';
import { parse } from './args';
import type { ApplyResult } from '../../workflows/program/messages';
import type { Command } from './command';
import { programFileArg } from './validate';
import { withClient } from './with-client';

const help = `Cách dùng / usage: dondoc apply <program.yaml> [--dry-run] [--yes]

Kiểm tra rồi áp dụng chương trình công tác: tạo quy trình của chương trình nếu chưa có,
hoặc cập nhật quy trình đang chạy (hạn mới, đơn vị thêm/bớt). Áp dụng lại cùng một tệp
không thay đổi gì. In ra những gì thay đổi. Kỳ đã hết hạn không được khởi động lại.
Phiên bản được lưu vào cơ sở dữ liệu lưu trữ mà bộ xử lý đọc (DONDOC_RECORDS_URL, hoặc
DATA_DIR/records.sqlite): chạy lệnh với cùng cấu hình như bộ xử lý.

  --dry-run   chỉ in ra những gì sẽ thay đổi, không thay đổi gì
  --yes       xác nhận khi việc áp dụng sẽ hủy công việc đang chạy, hoặc khi tệp mang một
              chương trình khác (tên, cơ quan ban hành, cơ quan thường trực) với chương
              trình đang chạy cùng mã

Validates and applies a program file; prints what changed. --dry-run changes nothing;
an apply that would cancel running work or replace a different program asks for --yes.
The version is stored in the records database the worker reads (DONDOC_RECORDS_URL or
DATA_DIR): run it with the worker's configuration.`;

export function formatApplyResult(programId: string, result: ApplyResult): string {
  const lines = [`Chương trình ${programWorkflowId(programId)}:`];
  if (result.unchanged) return `${lines[0]} không có gì thay đổi (unchanged).`;
  if (result.added.length) lines.push(`  Thêm ${result.added.length} kỳ: ${result.added.join(', ')}`);
  if (result.missed.length) lines.push(`  Bỏ qua ${result.missed.length} kỳ đã hết hạn trước khi áp dụng: ${result.missed.join(', ')}`);
  if (result.removed.length) lines.push(`  Hủy ${result.removed.length} kỳ: ${result.removed.join(', ')}`);
  if (result.cancelled.length) lines.push(`  Trong đó ${result.cancelled.length} kỳ đang chạy: các đơn vị được giao nhận thư báo không còn phải thực hiện`);
  for (const c of result.changed) lines.push(`  Điều chỉnh ${c.id}: ${c.what.join('; ')}`);
  if (lines.length === 1) lines.push('  Cập nhật thông tin chương trình, không thay đổi lịch (metadata only).');
  return lines.join('\n');
}

/** A preview first: nothing runs or is mailed unless the office meant it. */
async function previewThenApply(programId: string, apply: (dryRun: boolean) => Promise<ApplyResult>, flags: { dryRun: boolean; yes: boolean }): Promise<number> {
  const preview = await apply(true);
  if (flags.dryRun) {
    console.log(`${formatApplyResult(programId, preview)}\n(thử, chưa áp dụng — dry run, nothing changed)`);
    return 0;
  }
  const reasons = needsConfirmation(preview);
  if (reasons.length > 0 && !flags.yes) {
    console.log(formatApplyResult(programId, preview));
    for (const r of reasons) process.stderr.write(`cần xác nhận (confirmation needed): ${r}\n`);
    process.stderr.write('Chưa áp dụng. Chạy lại với --yes để xác nhận (not applied; run again with --yes).\n');
    return 2;
  }
  console.log(formatApplyResult(programId, await apply(false)));
  return 0;
}

export const applyCommand: Command = {
  path: ['apply'],
  summary: 'áp dụng chương trình công tác (apply a program file)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } });
    const file = programFileArg(positionals, 'apply');
    const loaded = loadProgram(file);
    if (!loaded.ok) {
      for (const d of [...loaded.errors, ...loaded.warnings].sort(compareDiagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    for (const d of loaded.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
    const { program } = loaded;
    return withClient(programWorkflowId(program.program.id), async (client, env) => {
      // The store the worker reads (same configuration): the version goes there and the
      // update carries only its hash. Without it, the whole program goes in the update.
      const programs = await openProgramStore(env).catch((err: unknown) => {
        process.stderr.write(`không mở được kho chương trình, gửi cả chương trình (cannot open the program store, sending the whole program): ${(err as Error).message}\n`);
        return undefined;
      });
      const apply = (dryRun: boolean) => applyProgram(client, env.TEMPORAL_TASK_QUEUE, program, basename(file), { dryRun, ...(programs ? { store: programs.store } : {}) });
      try {
        return await previewThenApply(program.program.id, apply, { dryRun: values['dry-run'] === true, yes: values.yes === true });
      } finally {
        await programs?.close();
      }
    });
  },
};
