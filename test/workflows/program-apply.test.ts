// Applying a program by its hash, as `dondoc apply` does since 0.5: the CLI stores the
// version in the records database the worker reads (the same DATA_DIR) and the update carries
// only { hash, programId }. A file of another program is refused as before; a version the
// worker's store does not hold fails the apply with a message the office can act on, and the
// workflow goes on; an edited version applied by hash reconfigures the running occurrence.
// The program workflow's history is recorded for the replay test (RECORD_HISTORIES=1).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordsProgramStore } from '../../activities/plan/program-store';
import { applyProgram, programHash, programWorkflowId } from '../../client/programs';
import type { Program } from '../../program/types';
import { applyUpdate, programStatusQuery, type ApplyArgs } from '../../workflows/program/messages';
import { recordHistory } from '../support/histories';
import { runCli } from '../support/cli';
import { createTestRecords, type TestRecords } from '../support/records';
import { travelTo } from './assignment-fixture';
import { eventually, loadTestProgram, officeEdit, startProgramTestEnv, type ProgramTestEnv } from './program-fixture';

const FILE = resolve(__dirname, '..', 'fixtures', 'programs', 'bao-cao-6-thang-12-don-vi.yaml');
const original = loadTestProgram('bao-cao-6-thang-12-don-vi.yaml');
const PROGRAM = original.program.id;
const OCC = `${PROGRAM}/bao-cao-6-thang/2027-H1`;
const WORKFLOW = programWorkflowId(PROGRAM);

let records: TestRecords;
let t: ProgramTestEnv;
let cliEnv: Record<string, string>;
let elsewhere: string;

beforeAll(async () => {
  // The worker's records database (its program store) lives in DATA_DIR, as `npm start` has it.
  records = await createTestRecords();
  t = await startProgramTestEnv('apply-by-hash', { records: records.records });
  cliEnv = { TEMPORAL_ADDRESS: t.env.address, TEMPORAL_TASK_QUEUE: t.taskQueue, TEMPORAL_NAMESPACE: t.env.namespace ?? 'default', DATA_DIR: records.dataDir };
  elsewhere = await mkdtemp(join(tmpdir(), 'dondoc-other-data-'));
});
afterAll(async () => {
  await t?.stop();
  await records?.cleanup();
  if (elsewhere) await rm(elsewhere, { recursive: true, force: true });
});

const handle = () => t.env.client.workflow.getHandle(WORKFLOW);

/** The arguments of every accepted `apply` update, as the history keeps them. */
async function acceptedApplies(): Promise<Record<string, unknown>[]> {
  const history = await handle().fetchHistory();
  return (history.events ?? [])
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input)
    .filter((input) => input?.name === 'apply')
    .map((input) => JSON.parse(Buffer.from(input!.args!.payloads![0]!.data!).toString('utf8')) as Record<string, unknown>);
}

async function updateError(args: ApplyArgs): Promise<WorkflowUpdateFailedError> {
  const err = await handle()
    .executeUpdate(applyUpdate, { args: [args] })
    .then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return err as WorkflowUpdateFailedError;
}

const edited = (): Program => officeEdit(original);

describe('applying a program by its hash', () => {
  it('dondoc apply stores the version in the worker’s records database and sends only its hash', { timeout: 60_000 }, async () => {
    await travelTo(t.env, '2027-05-31T09:00');
    const dry = await runCli(['apply', FILE, '--dry-run'], cliEnv);
    // The file's own warning (2027's holidays are estimated), and no other: the store opened.
    const onlyWarnings = (stderr: string) => stderr.split('\n').filter((l) => l && !l.includes(': cảnh báo: '));
    expect(onlyWarnings(dry.stderr)).toEqual([]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Thêm 1 kỳ: ${OCC}`);
    expect(dry.stdout).toContain('dry run, nothing changed');

    const applied = await runCli(['apply', FILE], cliEnv);
    expect(onlyWarnings(applied.stderr)).toEqual([]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toBe(`Chương trình ${WORKFLOW}:\n  Thêm 1 kỳ: ${OCC}\n`);

    const hash = programHash(original);
    const version = await records.records.getProgramVersion(hash);
    expect(version?.programId).toBe(PROGRAM);
    expect(JSON.parse(version!.content)).toEqual(original);
    const applies = await acceptedApplies();
    // `--dry-run`; then the apply's own preview, and the apply.
    const preview = { hash, programId: PROGRAM, fileName: 'bao-cao-6-thang-12-don-vi.yaml', dryRun: true };
    expect(applies).toEqual([preview, preview, { hash, programId: PROGRAM, fileName: 'bao-cao-6-thang-12-don-vi.yaml' }]);

    const state = await handle().query(programStatusQuery);
    expect(state).toMatchObject({
      hash,
      title: original.program.title,
      identity: { title: original.program.title, issuer: original.program.issuer, office: original.program.office },
      fileName: 'bao-cao-6-thang-12-don-vi.yaml',
    });
    expect(state.occurrences.map((o) => [o.id, o.status])).toEqual([[OCC, 'scheduled']]);
  });

  it('refuses a version of another program, named by hash as when sent whole, and a malformed apply', async () => {
    const byHash = await updateError({ hash: programHash(original), programId: 'chuong-trinh-khac' });
    expect((byHash.cause as Error).message).toBe(`tệp là chương trình "chuong-trinh-khac", không phải "${PROGRAM}" (program id mismatch)`);
    const other = structuredClone(original);
    other.program.id = 'chuong-trinh-khac';
    const whole = await updateError({ program: other, hash: programHash(other) });
    expect((whole.cause as Error).message).toBe(`tệp là chương trình "chuong-trinh-khac", không phải "${PROGRAM}" (program id mismatch)`);
    const unnamed = await updateError({ hash: programHash(original) });
    expect((unnamed.cause as Error).message).toMatch(/^yêu cầu áp dụng không nêu mã chương trình/);
    const badHash = await updateError({ hash: '../../etc/passwd', programId: PROGRAM });
    expect((badHash.cause as Error).message).toBe('yêu cầu áp dụng không hợp lệ (invalid apply): hash: 8–64 hex digits expected');
  });

  it('fails an apply whose version the worker’s store does not hold, readably, and changes nothing', { timeout: 60_000 }, async () => {
    const missing = await updateError({ hash: 'deadbeefdeadbeef', programId: PROGRAM });
    expect(missing.cause).toBeInstanceOf(ApplicationFailure);
    expect((missing.cause as ApplicationFailure).nonRetryable).toBe(true);
    expect((missing.cause as ApplicationFailure).message).toMatch(/^không tìm thấy phiên bản deadbeefdeadbeef của chương trình vstbpn-test-2027 trong kho chương trình của máy thực thi/);

    // The CLI of a machine whose DATA_DIR is another one: it stores the edited file there,
    // the worker cannot see it, and the office reads why.
    const file = join(elsewhere, 'edited.yaml');
    await writeFile(file, (await readFile(FILE, 'utf8')).replace('workingDays: 3, after: closing', 'workingDays: 4, after: closing'));
    const misplaced = await runCli(['apply', file, '--yes'], { ...cliEnv, DATA_DIR: elsewhere });
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/yêu cầu bị từ chối \(rejected\): .*không tìm thấy phiên bản [0-9a-f]{16} của chương trình vstbpn-test-2027/);

    const state = await handle().query(programStatusQuery);
    expect(state.hash).toBe(programHash(original));
    expect(state.applied).toHaveLength(1);
    // An update's failure, not the workflow's: no workflow task failed.
    const events = (await handle().fetchHistory()).events ?? [];
    expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
  });

  it('reconfigures the running occurrence when an edited version is applied by hash', { timeout: 120_000 }, async () => {
    await travelTo(t.env, '2027-06-01T08:05');
    await t.sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/request@/.test(m.messageId), { count: 12 });
    await eventually(() => handle().query(programStatusQuery), (s) => s.occurrences[0]?.status === 'started', 'the occurrence started');

    const store = new RecordsProgramStore(records.records);
    const result = await applyProgram(t.env.client, t.taskQueue, edited(), 'edited.yaml', { store });
    expect(result.changed).toEqual([
      {
        id: OCC,
        what: ['thêm đơn vị: UBND xã Thọ Ngọc', 'bỏ đơn vị: UBND thị trấn Nưa', 'hạn 17/06/2027 17:00 → 21/06/2027 17:00 (11 đơn vị)', 'hạn tổng hợp 21/06/2027 17:00 → 23/06/2027 17:00'],
      },
    ]);
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/tho-ngoc/request@`));
    await t.sink.waitFor((m) => m.messageId.startsWith(`<${OCC}/nua/cancelled@`));
    const state = await handle().query(programStatusQuery);
    expect(state).toMatchObject({ hash: programHash(edited()), fileName: 'edited.yaml' });
    expect(state.applied.map((a) => a.hash)).toEqual([programHash(original), programHash(edited())]);
    expect((await acceptedApplies()).every((a) => !('program' in a))).toBe(true);

    await recordHistory(handle(), 'program-applied-by-hash');
  });
});
