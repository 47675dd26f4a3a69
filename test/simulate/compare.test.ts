// The oracle's comparison on its own: a plan against hand-made notices, so each kind of
// difference is shown to be caught and named (uid, plan vs sent), and notices are read from
// the X-Dondoc headers of the contract, with the key as a fallback.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithPlan, describeComparison, expectedEvents, occurrencesInside } from '../../client/simulate/compare';
import { MAIL_SENDING_KINDS } from '../../client/simulate/mail-kinds';
import { NoticeReader, type SimNotice } from '../../client/simulate/notices';
import type { SunkMessage } from '../../dev/mail-sink/sink';
import { loadProgram } from '../../program/load';
import { compilePlan } from '../../program/plan';

const loaded = loadProgram(join(__dirname, '..', 'fixtures', 'programs', 'nhiem-vu-minh-chung.yaml'));
if (!loaded.ok) throw new Error('fixture does not load');
const plan = compilePlan(loaded.program);
const START = Date.parse('2027-03-01T00:00:00+07:00');
const END = Date.parse('2027-03-23T00:00:00+07:00');
const OCC = 'vstbpn-task-2027/chuong-trinh-xa/2027';

const inside = occurrencesInside(plan, START, END);
const expected = expectedEvents(plan, inside);
const asSent = (): SimNotice[] =>
  expected.map((e) => ({ planUid: e.uid, kind: e.kind, at: e.at, to: ['x@example.org'], subject: e.uid, messageId: `<${e.uid}@t>`, key: e.uid, source: 'headers', atSource: 'date-header' }));

const message = (headers: Record<string, string>, date: string, receivedAt = new Date().toISOString()): SunkMessage => ({
  id: 1,
  messageId: `<${headers['x-dondoc-key']}@t>`,
  from: 'dondoc@t',
  to: ['tho-dan@trieuson.example.org'],
  cc: [],
  subject: 's',
  text: '',
  html: '',
  date,
  receivedAt,
  headers,
  attachments: [],
  envelopeTo: [],
});

describe('the oracle comparison', () => {
  it('expects every mail-sending event of the plan and no due', () => {
    expect(expected.length).toBe(18);
    expect(expected.every((e) => MAIL_SENDING_KINDS.has(e.kind))).toBe(true);
    expect(expected.some((e) => e.kind === 'due')).toBe(false);
  });

  it('passes when each event is sent once at its instant', () => {
    const c = compareWithPlan(plan, asSent(), START, END);
    expect(c).toMatchObject({ expected: 18, matched: 18, mismatches: [] });
    expect(describeComparison('f.yaml', c)).toBe('f.yaml: all 18 mail-sending plan events sent at their planned instant, nothing else');
  });

  it('names a missing, a moved, a duplicated and an extra notice, plan vs sent', () => {
    const sent = asSent();
    const missing = sent.shift()!;
    const moved = sent[0]!;
    moved.at = '2027-03-01T09:00:00+07:00';
    sent.push({ ...sent[1]! });
    sent.push({ kind: 'reminder', at: '2027-03-13T08:00:00+07:00', to: [], subject: 's', messageId: '<m@t>', key: `${OCC}/tho-dan/r1/reminder-3`, source: 'key', atSource: 'date-header' });
    const c = compareWithPlan(plan, sent, START, END);
    const text = describeComparison('f.yaml', c);
    expect(c.matched).toBe(15);
    expect(text).toContain(`missing   ${missing.planUid}  plan ${missing.at}  sent -`);
    expect(text).toContain('missing request (1): planned, not sent');
    expect(text).toContain(`moved     ${moved.planUid}  plan ${expected[1]!.at}  sent 2027-03-01T09:00:00+07:00`);
    expect(text).toContain(`duplicate ${sent[1]!.planUid}`);
    expect(text).toContain(`extra     ${OCC}/tho-dan/r1/reminder-3  plan -  sent 2027-03-13T08:00:00+07:00`);
  });

  it('does not judge an occurrence the range cuts', () => {
    expect(occurrencesInside(plan, START + 86_400_000, END).size).toBe(0);
    expect(compareWithPlan(plan, [], START + 86_400_000, END)).toMatchObject({ expected: 0, mismatches: [] });
  });
});

describe('reading a notice', () => {
  const reader = new NoticeReader(plan);
  it('takes plan uid, kind and instant from the X-Dondoc headers and the Date header', () => {
    const n = reader.read(
      message({ 'x-dondoc-key': `${OCC}/tho-dan/r1/escalation-1`, 'x-dondoc-kind': 'escalation', 'x-dondoc-plan-uid': `${OCC}/tho-dan/escalation-1` }, '2027-03-16T01:00:00.000Z'),
    );
    expect(n).toMatchObject({ planUid: `${OCC}/tho-dan/escalation-1`, kind: 'escalation', at: '2027-03-16T08:00:00+07:00', assignmentId: `${OCC}/tho-dan`, unitId: 'tho-dan', source: 'headers' });
  });

  it('gives no plan uid to an answer (a receipt)', () => {
    const n = reader.read(message({ 'x-dondoc-key': `${OCC}/tho-dan/r1/receipt`, 'x-dondoc-kind': 'receipt' }, '2027-03-10T02:00:00.000Z'));
    expect(n.planUid).toBeUndefined();
    expect(n.kind).toBe('receipt');
  });

  it('falls back to the key, and to the simulated send clock for a wall-clock Date header', () => {
    const now = new Date().toISOString();
    const handed = new Map([[`<${OCC}/tho-dan/r1/reminder-2@t>`, Date.parse('2027-03-12T08:00:00.412+07:00')]]);
    const n = new NoticeReader(plan, handed).read(message({ 'x-dondoc-key': `${OCC}/tho-dan/r1/reminder-2` }, now, now));
    expect(n).toMatchObject({ planUid: `${OCC}/tho-dan/reminder-2`, kind: 'reminder', at: '2027-03-12T08:00:00+07:00', source: 'key', atSource: 'send-clock' });
  });
});
