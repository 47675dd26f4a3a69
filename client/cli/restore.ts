// `dondoc restore <file>`: puts a `dondoc backup` archive back into DATA_DIR (and the
// PostgreSQL records database when one is configured).
import { existsSync } from 'node:fs';
import { ArchiveError } from '../../storage/backup/archive';
import { restoreBackup, RestoreRefused } from '../../storage/backup/restore';
import { parse, requirePositional } from './args';
import { CliError, type Command } from './command';
import { cliEnv } from './env-only';

const help = `Khôi phục từ một tệp sao lưu của "dondoc backup".
Restore an archive made by "dondoc backup".

dondoc restore <tệp.dondoc-backup> [--force]
  Dừng worker và máy chủ web trước khi khôi phục (stop the worker and the web server first).
  Tệp sao lưu được kiểm tra toàn bộ (tổng kiểm từng tệp) trước khi thay đổi bất cứ điều gì.
  Không có --force: từ chối nếu đã có dữ liệu. Có --force: dữ liệu cũ được chuyển sang
  DATA_DIR/.before-restore-<thời điểm>/ (PostgreSQL: các bảng được thay trong một giao dịch).
  The archive is checked completely before anything changes. Without --force existing data
  is refused; with it the old data is moved aside, never deleted.`;

export const restoreCommand: Command = {
  path: ['restore'],
  summary: 'khôi phục từ tệp sao lưu (restore a backup)',
  help,
  async run(args) {
    const { positionals, values } = parse(args, { force: { type: 'boolean' } });
    const file = requirePositional(positionals, 0, 'file');
    if (!existsSync(file)) throw new CliError(`không tìm thấy tệp "${file}" (file not found)`);
    const env = cliEnv();
    try {
      const result = await restoreBackup({ file, dataDir: env.DATA_DIR, url: env.DONDOC_RECORDS_URL, force: values.force === true });
      console.log(`Đã khôi phục (restored) ${result.rows} dòng (rows), ${result.files} tệp (files) từ ${file}`);
      if (result.movedAside) console.log(`Dữ liệu cũ (previous data): ${result.movedAside}`);
      return 0;
    } catch (err) {
      if (err instanceof RestoreRefused || err instanceof ArchiveError) throw new CliError(err.message);
      throw err;
    }
  },
};
