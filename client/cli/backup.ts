// `dondoc backup <file>`: the records database and the file store, consistent, in one archive.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createBackup } from '../../storage/backup/backup';
import { openExistingRecords } from '../../storage/records';
import { parse, requirePositional } from './args';
import { CliError, type Command } from './command';
import { cliEnv } from './env-only';

const help = `Sao lưu cơ sở dữ liệu lưu trữ và kho tệp vào một tệp.
Back up the records database and the file store into one archive file.

dondoc backup <tệp.dondoc-backup>
  Cơ sở dữ liệu được chép thành một bản chụp nhất quán trong khi worker vẫn chạy
  (SQLite: API sao lưu trực tuyến; PostgreSQL: đọc toàn bộ bảng trong một giao dịch
  REPEATABLE READ), rồi đến kho tệp DATA_DIR/files. Không ghi đè tệp đã có.
  Với PostgreSQL, pg_dump vẫn là công cụ sao lưu toàn bộ máy chủ; lệnh này sao lưu
  dữ liệu của dondoc để khôi phục bằng "dondoc restore".
  The database is copied as one consistent snapshot while workers keep running, then
  the file store. An existing file is never overwritten.`;

export const backupCommand: Command = {
  path: ['backup'],
  summary: 'sao lưu cơ sở dữ liệu lưu trữ và kho tệp (back up records and files)',
  help,
  async run(args) {
    const { positionals } = parse(args, {});
    const file = requirePositional(positionals, 0, 'file');
    if (existsSync(file)) throw new CliError(`"${file}" đã tồn tại, không ghi đè (exists; not overwritten)`);
    const env = cliEnv();
    const records = await openExistingRecords({ url: env.DONDOC_RECORDS_URL, dataDir: env.DATA_DIR }).catch((err: Error) => {
      throw new CliError(`không mở được cơ sở dữ liệu lưu trữ (cannot open the records database): ${err.message}`);
    });
    if (!records) throw new CliError(`chưa có cơ sở dữ liệu lưu trữ trong ${env.DATA_DIR} (no records database in DATA_DIR)`);
    try {
      const result = await createBackup({ records, dataDir: env.DATA_DIR, file });
      const { size } = await stat(file);
      console.log(
        `Đã sao lưu (backed up) ${records.info.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} + ${result.files - 1} tệp (files) → ${file} (${(size / 1024).toFixed(1)} KiB)`,
      );
      return 0;
    } finally {
      await records.close();
    }
  },
};
