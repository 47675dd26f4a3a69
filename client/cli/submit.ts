// `dondoc submit <id>`: a unit's submission; prints the receipt number and time.
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadEnv } from '../../config/env';
import { FileStore } from '../../storage/file-store';
import { submitArgsSchema, submitUpdate } from '../../workflows/assignment/messages';
import { check, parse, requirePositional } from './args';
import { UsageError, type Command } from './command';
import { withClient } from './with-client';

const help = `Nộp báo cáo cho một hồ sơ; in ra số biên nhận.  Submit; prints the receipt.

dondoc submit <id> (--content TEXT | --content-file FILE) [--attach FILE]... [--by NGƯỜI_NỘP] [--format text|json]
  --attach  tệp minh chứng, lặp lại được; lưu vào kho tệp DATA_DIR/files (evidence files)`;

/** Puts the attached files in the file store the worker and the web server read. */
async function storeAttachments(paths: string[]) {
  if (paths.length === 0) return [];
  const env = loadEnv();
  const store = new FileStore(join(env.DATA_DIR, 'files'));
  const limit = env.DONDOC_UPLOAD_MAX_MB * 1024 * 1024;
  if (paths.length > env.DONDOC_UPLOAD_MAX_FILES) throw new UsageError(`tối đa ${env.DONDOC_UPLOAD_MAX_FILES} tệp (too many files)`);
  const refs = [];
  for (const path of paths) {
    const size = (await stat(path).catch(() => undefined))?.size;
    if (size === undefined) throw new UsageError(`--attach ${path}: không tìm thấy tệp (file not found)`);
    if (size > limit) throw new UsageError(`--attach ${path}: tệp lớn hơn ${env.DONDOC_UPLOAD_MAX_MB} MB (file too large)`);
    const stored = await store.put(basename(path), 'application/octet-stream', await readFile(path));
    refs.push({ name: stored.name, ref: stored.ref, size: stored.size, contentType: stored.contentType });
  }
  return refs;
}

export const submitCommand: Command = {
  path: ['submit'],
  summary: 'nộp báo cáo (submit)',
  help,
  async run(args) {
    const { values, positionals } = parse(args, {
      content: { type: 'string' },
      'content-file': { type: 'string' },
      by: { type: 'string' },
      attach: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
    });
    const id = requirePositional(positionals, 0, 'id');
    let content = values.content;
    if (values['content-file']) {
      try {
        content = await readFile(values['content-file'], 'utf8');
      } catch (err) {
        throw new UsageError(`--content-file ${values['content-file']}: ${(err as Error).message}`);
      }
    }
    if (content === undefined) throw new UsageError('thiếu --content hoặc --content-file (missing content)');
    const attachments = await storeAttachments(values.attach ?? []);
    const submission = check(submitArgsSchema, { content, attachments, ...(values.by ? { submittedBy: values.by } : {}) }, 'submit');
    const receipt = await withClient(id, (client) => client.workflow.getHandle(id).executeUpdate(submitUpdate, { args: [submission] }));
    if (values.format === 'json') console.log(JSON.stringify(receipt));
    else {
      // An item without review (`review: false`) is accepted with the submission: say so.
      const accepted = receipt.accepted ? '\nĐã ghi nhận hoàn thành: nội dung này không phải qua bước xem xét (accepted, no review)' : '';
      console.log(`Số biên nhận: ${receipt.receiptNumber}\nThời điểm nhận: ${receipt.receivedAt}${receipt.late ? '\n(Nộp sau hạn)' : ''}${accepted}`);
    }
    return 0;
  },
};
