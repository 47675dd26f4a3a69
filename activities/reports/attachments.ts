// Report files read back from the store for a mail. A ref the store does not have (or that
// is not a store ref at all) will not appear by retrying, so it fails the activity at once,
// naming the file; a disk that is briefly unreadable is left to the retry policy.
import { ApplicationFailure } from '@temporalio/common';
import type { Attachment } from 'nodemailer/lib/mailer';
import type { FileStore, StoredFile } from '../../storage/file-store';

export async function loadAttachment(store: FileStore, file: StoredFile): Promise<Attachment> {
  if (!(await store.exists(file.ref))) {
    throw ApplicationFailure.nonRetryable(
      `không tìm thấy tệp đính kèm "${file.name}" trong kho tệp (attachment missing from the file store): ${file.ref}`,
      'AttachmentMissing',
    );
  }
  return { filename: file.name, content: await store.read(file.ref), contentType: file.contentType };
}
