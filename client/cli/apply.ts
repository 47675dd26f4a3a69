// `dondoc apply <program.yaml>`: validate, then start or update the program's workflow;
// prints what changed. Applying the same file again changes nothing.
import { basename } from 'node:path';
import { compareDiagnostics, formatDiagnostic } from '../../program/errors';
import { loadProgram } from '../../program/load';
import { applyProgram, programWorkflowId } from '../programs';
import type { ApplyResult } from '../../workflows/program/messages';
import type { Command } from './command';
import { programFileArg } from './validate';
import { withClient } from './with-client';

const help = `Cách dùng / usage: dondoc apply <program.yaml>

Kiểm tra rồi áp dụng chương trình công tác: tạo quy trình của chương trình nếu chưa có,
hoặc cập nhật quy trình đang chạy (hạn mới, đơn vị thêm/bớt). Áp dụng lại cùng một tệp
không thay đổi gì. In ra những gì thay đổi.

Validates and applies a program file; prints what changed.`;

export function formatApplyResult(programId: string, result: ApplyResult): string {
  const lines = [`Chương trình ${programWorkflowId(programId)}:`];
  if (result.unchanged) return `${lines[0]} không có gì thay đổi (unchanged).`;
  if (result.added.length) lines.push(`  Thêm ${result.added.length} kỳ: ${result.added.join(', ')}`);
  if (result.missed.length) lines.push(`  Bỏ qua ${result.missed.length} kỳ đã hết hạn trước khi áp dụng: ${result.missed.join(', ')}`);
  if (result.removed.length) lines.push(`  Hủy ${result.removed.length} kỳ: ${result.removed.join(', ')}`);
  for (const c of result.changed) lines.push(`  Điều chỉnh ${c.id}: ${c.what.join('; ')}`);
  if (lines.length === 1) lines.push('  Cập nhật thông tin chương trình, không thay đổi lịch (metadata only).');
  return lines.join('\n');
}

export const applyCommand: Command = {
  path: ['apply'],
  summary: 'áp dụng chương trình công tác (apply a program file)',
  help,
  async run(args) {
    const file = programFileArg(args, 'apply');
    const loaded = loadProgram(file);
    if (!loaded.ok) {
      for (const d of [...loaded.errors, ...loaded.warnings].sort(compareDiagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    for (const d of loaded.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
    const { program } = loaded;
    const result = await withClient(programWorkflowId(program.program.id), (client, env) => applyProgram(client, env.TEMPORAL_TASK_QUEUE, program, basename(file)));
    console.log(formatApplyResult(program.program.id, result));
    return 0;
  },
};
