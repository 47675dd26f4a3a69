// Who receives each notice of an assignment: the unit for what it must do, the office for
// what it must decide, both for a decision the office took, and the head or the chair for an
// escalation addressed to them — with the office always told when that person is not on file.
import { describe, expect, it } from 'vitest';
import type { NoticeKind } from '../../../contract/notices';
import { recipientsFor, type NoticeParties } from '../../../workflows/assignment/notices';

const UNIT = ['vanphong@tho-dan.example.org', 'chutich.ubnd@tho-dan.example.org'];
const OFFICE = ['ldtbxh@trieuson.example.org'];

const parties: NoticeParties = {
  unit: { id: 'tho-dan', name: 'UBND xã Thọ Dân', emails: UNIT, head: { name: 'Nguyễn Văn An', email: 'chutich@tho-dan.example.org', title: 'Chủ tịch UBND xã' } },
  office: { name: 'Phòng Lao động - Thương binh và Xã hội', emails: OFFICE },
  chair: { name: 'Lê Quang Trung', email: 'truongban@trieuson.example.org', title: 'Trưởng ban' },
};
const { head: _head, ...unitWithoutHead } = parties.unit;
const withoutHeadOrChair: NoticeParties = { unit: unitWithoutHead, office: parties.office };

describe('recipientsFor', () => {
  it.each<NoticeKind>(['request', 'reminder', 'receipt'])('sends a %s to the unit alone', (kind) => {
    expect(recipientsFor(kind, parties)).toEqual({ to: UNIT, cc: [] });
  });

  it.each<NoticeKind>(['submitted', 'extension-requested', 'exemption-requested', 'delivery-failed'])('sends %s to the office alone: the office has to act', (kind) => {
    expect(recipientsFor(kind, parties)).toEqual({ to: OFFICE, cc: [] });
  });

  it.each<NoticeKind>(['extended', 'returned', 'accepted', 'exempted', 'extension-refused', 'exemption-refused', 'cancelled'])(
    'sends %s to the unit with the office in copy: a decision both keep on file',
    (kind) => {
      expect(recipientsFor(kind, parties)).toEqual({ to: UNIT, cc: OFFICE });
    },
  );

  describe('escalation', () => {
    it('to the unit head goes to the head by name and title, the unit in copy', () => {
      expect(recipientsFor('escalation', parties, 'unit-head')).toEqual({
        to: ['chutich@tho-dan.example.org'],
        cc: UNIT,
        recipientName: 'Nguyễn Văn An',
        recipientTitle: 'Chủ tịch UBND xã',
      });
    });

    it('to a head without a title names the head only', () => {
      const untitled: NoticeParties = { ...parties, unit: { ...parties.unit, head: { name: 'Nguyễn Văn An', email: 'chutich@tho-dan.example.org' } } };
      expect(recipientsFor('escalation', untitled, 'unit-head')).toEqual({ to: ['chutich@tho-dan.example.org'], cc: UNIT, recipientName: 'Nguyễn Văn An' });
    });

    it('to the chair goes to the committee chair, the office in copy', () => {
      expect(recipientsFor('escalation', parties, 'chair')).toEqual({
        to: ['truongban@trieuson.example.org'],
        cc: OFFICE,
        recipientName: 'Lê Quang Trung',
        recipientTitle: 'Trưởng ban',
      });
    });

    it('to the office goes to the office alone', () => {
      expect(recipientsFor('escalation', parties, 'office')).toEqual({ to: OFFICE, cc: [] });
    });

    it('to a unit head not on file goes to the office, the unit in copy', () => {
      expect(recipientsFor('escalation', withoutHeadOrChair, 'unit-head')).toEqual({ to: OFFICE, cc: UNIT });
    });

    it('to a chair not on file goes to the office', () => {
      expect(recipientsFor('escalation', withoutHeadOrChair, 'chair')).toEqual({ to: OFFICE, cc: [] });
    });

    it('without an audience goes to the office', () => {
      expect(recipientsFor('escalation', parties)).toEqual({ to: OFFICE, cc: [] });
    });
  });
});
