// Receipt numbers a clerk reads over the phone: BN-<local date>-<6 characters>-<round>, the
// same whenever the workflow is replayed, different for each unit.
import { describe, expect, it } from 'vitest';
import { receiptNumber } from '../../../workflows/assignment/receipt-number';

const ID = 'vstbpn-test-2027/bao-cao-6-thang/2027-H1/noi-vu';

describe('receiptNumber', () => {
  it('reads BN, the local date without dashes, six letters or digits, and the round', () => {
    expect(receiptNumber(ID, '2027-06-01', 1)).toMatch(/^BN-20270601-[0-9A-Z]{6}-1$/);
  });

  it('is the number already given to units: the same workflow, day and round give the same number in every version', () => {
    // Numbers are derived, not stored by a counter: a change here would give a replayed
    // workflow a number other than the one on the unit's receipt.
    expect(receiptNumber(ID, '2027-06-01', 1)).toBe('BN-20270601-F9KBP3-1');
  });

  it('changes only its round for a resubmission of the same assignment', () => {
    const first = receiptNumber(ID, '2027-06-01', 1);
    const second = receiptNumber(ID, '2027-06-01', 2);
    expect(second).toBe(`${first.slice(0, -2)}-2`);
  });

  it('carries the day it was given', () => {
    expect(receiptNumber(ID, '2027-06-15', 1)).toMatch(/^BN-20270615-F9KBP3-1$/);
  });

  it('differs for every unit of a national-scale occurrence (10,000 assignments)', () => {
    const tags = Array.from({ length: 10_000 }, (_, i) => receiptNumber(`vstbpn-2027/bao-cao-6-thang/2027-H1/xa-${i}`, '2027-06-01', 1).split('-')[2]!);
    expect(tags.filter((tag) => !/^[0-9A-Z]{6}$/.test(tag))).toEqual([]);
    expect(new Set(tags).size).toBe(10_000);
  });
});
