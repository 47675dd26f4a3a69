// The apply update's arguments as the program workflow's validator reads them: the hash, and
// the program's id from the whole program (before 0.5) or from `programId` (by hash).
import { describe, expect, it } from 'vitest';
import { checkApplyArgs } from '../../../workflows/program/messages';

describe('checkApplyArgs', () => {
  it('names the program by programId when only the hash is sent', () => {
    expect(checkApplyArgs({ hash: '65fee1d94f14a883', programId: 'vstbpn-2027', fileName: 'a.yaml', dryRun: true })).toEqual({ hash: '65fee1d94f14a883', programId: 'vstbpn-2027' });
  });

  it('names it by the program sent whole, as every history before 0.5 has it', () => {
    expect(checkApplyArgs({ program: { program: { id: 'vstbpn-2026' }, items: [], units: [] }, hash: '0123456789abcdef' })).toEqual({ hash: '0123456789abcdef', programId: 'vstbpn-2026' });
  });

  it('leaves the program unnamed when neither is sent (the workflow refuses it)', () => {
    expect(checkApplyArgs({ hash: '0123456789abcdef' }).programId).toBeUndefined();
  });

  it('refuses malformed arguments, naming every field', () => {
    expect(() => checkApplyArgs({ hash: 'XYZ', programId: '', dryRun: 'yes' })).toThrow(
      'yêu cầu áp dụng không hợp lệ (invalid apply): hash: 8–64 hex digits expected; programId: a program id expected; dryRun: true or false expected',
    );
    expect(() => checkApplyArgs({ hash: '0123456789abcdef', program: { title: 'no header' } })).toThrow('program.program.id: a program id expected');
    expect(() => checkApplyArgs(null)).toThrow('hash: 8–64 hex digits expected');
  });
});
