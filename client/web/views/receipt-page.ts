// What a unit sees right after submitting: the receipt number and time, large enough to
// copy down or photograph; the same receipt also goes out by email.
import type { SubmissionRecord } from '../../../workflows/assignment/messages';
import { formatDateTime } from '../format';
import { html } from '../html';
import { layout, type Frame } from './layout';
import { facts } from './parts';

export function receiptPage(frame: Frame, view: { itemTitle: string; unitName: string; submission: SubmissionRecord; base: string; decision?: string; note?: string }): string {
  const { t } = frame;
  const s = view.submission;
  return layout(
    frame,
    t.receipt.title,
    html`<h1>${t.receipt.title}</h1>
    ${view.note ? html`<p class="info" id="records-note">${view.note}</p>` : ''}
    <section class="card" aria-labelledby="receipt-number">
      <p class="notice" role="status">${t.receipt.intro}</p>
      <p>${t.receipt.number}:</p>
      <p class="big" id="receipt-number">${s.receiptNumber}</p>
      ${facts([
        [t.receipt.at, formatDateTime(s.receivedAt, t.lang)],
        [t.unit.status, s.late ? t.unit.lateYes : t.unit.lateNo],
        [t.unit.item, view.itemTitle],
        [t.unit.unit, view.unitName],
        [t.unit.officeComment, view.decision],
      ])}
      <p class="muted">${t.receipt.keep}</p>
      <p><a class="button" href="${view.base}">${t.receipt.back}</a></p>
    </section>`,
  );
}
