// `dondoc validate <program.yaml>`: every problem of a program file, one per line as
// file:line:col: path: message, and nothing started. Exit 0 when valid, 2 otherwise.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliError, UsageError, type Command } from './command';
import { compareDiagnostics, formatDiagnostic } from '../../program/errors';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';

const help = `Cách dùng / usage: dondoc validate <program.yaml>

Kiểm tra tệp chương trình công tác: cú pháp YAML, các khóa, mã đơn vị và nhóm, ngày tháng,
hạn nộp, nhắc việc, báo cáo vượt cấp (kể cả tới thủ trưởng của đơn vị chưa khai báo head),
các kỳ báo cáo trùng ngày chốt trong một nhiệm vụ, mã quý/tháng trong only, cách tổng hợp
chỉ tiêu (tỷ lệ % không được cộng dồn). Mỗi lỗi, cảnh báo in trên một dòng:
  tệp:dòng:cột: đường-dẫn: thông báo
Mã thoát 0 nếu hợp lệ, 2 nếu có lỗi. Không khởi chạy gì.

Checks a program file and prints every problem, one per line; exit 0 when valid, 2 otherwise.`;

export function programFileArg(args: string[], command: string): string {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0] ?? ''} (xem dondoc ${command} --help)`);
  }
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('thiếu tham số <program.yaml> (missing <program.yaml>)');
  if (rest.length > 0) throw new UsageError(`thừa tham số: ${rest.join(' ')} (unexpected arguments)`);
  if (!existsSync(file)) throw new CliError(`không tìm thấy tệp "${file}" (file not found)`);
  return file;
}

export const validateCommand: Command = {
  path: ['validate'],
  summary: 'Kiểm tra tệp chương trình (validate a program file)',
  help,
  run(args: string[]): Promise<number> {
    const file = programFileArg(args, 'validate');
    const result = loadProgram(file);
    if (!result.ok) {
      const all = [...result.errors, ...result.warnings].sort(compareDiagnostics);
      for (const d of all) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return Promise.resolve(2);
    }
    const { program } = result;
    const plan = compilePlan(program);
    const header = program.program;
    process.stdout.write(
      `${file}: hợp lệ — ${header.title}: ${program.units.length} đơn vị, ${program.groups.length} nhóm, ` +
        `${program.items.length} nhiệm vụ, ${plan.occurrences.length} kỳ, ${plan.assignments.length} lượt giao việc, ` +
        `${plan.events.length} mốc thời gian (valid)\n`,
    );
    for (const d of result.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return Promise.resolve(0);
  },
};
