// `npm run test:cluster`: dondoc on a real Temporal cluster (PostgreSQL persistence and
// visibility), two worker processes on one task queue. A report cycle of 24 units with
// minute-scale offsets; one worker is killed with SIGKILL while the reminders go out. Checks
// that every notice reached a real SMTP sink exactly once (by Message-ID), that the
// dashboard's visibility queries (through the web API) return the right rows, that both
// workers did work and nothing failed. Tears everything down; the last line is the tally.
import { withFirstRound } from '../../client/first-round';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startCluster, type RunningCluster } from '../../deploy/cluster/cluster';
import { clusterSettings, repoRoot } from '../../deploy/cluster/settings';
import { startMailSink, type MailSink } from '../../dev/mail-sink/sink';
import { reportCycleWorkflow } from '../../workflows';
import { statusQuery, submitUpdate, type AssignmentInput, type AssignmentState, type NoticeRecord } from '../../workflows/assignment/messages';
import type { OccurrenceInput } from '../../workflows/occurrence/input';
import { startSlowRelay } from './slow-relay';
import { tallyNotices } from './tally';

const PROGRAM = 'cluster-test';
const OCC = `${PROGRAM}/bao-cao-nhanh/2026-M12`;
const UNITS = Array.from({ length: 24 }, (_, i) => `xa-${String(i + 1).padStart(2, '0')}`);
const SUBMITTING = UNITS.slice(0, 6);
const OPEN = UNITS.filter((u) => !SUBMITTING.includes(u));
/** The reminder goes out 2 minutes before the due; the worker is killed as it does. */
const DUE_IN_MS = 200_000;

const started = Date.now();
const say = (line: string) => console.log(`[test:cluster +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
const checks: string[] = [];
function check(ok: boolean, what: string): void {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) checks.push(what);
}

async function eventually<T>(what: string, read: () => Promise<T>, ready: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ready(last)) return last;
    } catch (err) {
      error = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 500) ?? String(error)}`);
}

function occurrence(dueAt: string): OccurrenceInput {
  const title = 'Chương trình thử nghiệm cụm Temporal';
  const assignment = (unit: string): AssignmentInput =>
    withFirstRound({
    programId: PROGRAM,
    programTitle: title,
    itemId: 'bao-cao-nhanh',
    itemTitle: 'Báo cáo nhanh',
    period: 'Tháng 12/2026',
    unit: { id: unit, name: `UBND ${unit}`, emails: [`${unit}@example.org`] },
    office: { name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@example.org'] },
    dueAt,
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    reminders: [{ amount: 2, unit: 'minutes' }],
    escalations: [],
    });
  return {
    occurrenceId: OCC,
    programId: PROGRAM,
    programTitle: title,
    itemId: 'bao-cao-nhanh',
    itemTitle: 'Báo cáo nhanh',
    kind: 'report',
    periodKey: '2026-M12',
    periodLabel: 'Tháng 12/2026',
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi',
    office: { id: 'ldtbxh', name: 'Phòng LĐ-TB&XH', emails: ['ldtbxh@example.org'] },
    chair: { name: 'Lê Quang Trung', title: 'Trưởng ban', email: 'truongban@example.org' },
    assignments: UNITS.map((u) => ({ id: `${OCC}/${u}`, input: assignment(u) })),
  };
}

/** The office's view through the web API, as the dashboard reads it. */
async function officeApi(webUrl: string, password: string) {
  const login = await fetch(`${webUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (!login.ok) throw new Error(`login: HTTP ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async <T>(path: string): Promise<T> => {
    const res = await fetch(`${webUrl}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

interface Row {
  workflowId: string;
  unitId: string;
  status: string | null;
}

async function main(): Promise<number> {
  if (process.env.DONDOC_CLUSTER_SKIP_INSTALL !== 'true') {
    const t = Date.now();
    execFileSync('bash', [join(repoRoot, 'deploy', 'cluster', 'install.sh')], { stdio: 'inherit' });
    say(`install.sh: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-cluster-'));
  // PostgreSQL runs as its own user (when we are root): it must reach its directory.
  await chmod(dir, 0o755);
  // Ports of their own, so the test runs beside `npm run cluster`.
  const settings = clusterSettings(process.env, {
    DONDOC_CLUSTER_DIR: dir,
    DONDOC_CLUSTER_PG_PORT: 55433,
    DONDOC_CLUSTER_TEMPORAL_PORT: 27233,
    DONDOC_CLUSTER_UI_PORT: 28233,
    DONDOC_CLUSTER_WEB_PORT: 23000,
    DONDOC_CLUSTER_WORKER_PORT: 29464,
    // Every connection (workers, web, UI, the server's own worker, this script) uses mutual TLS.
    DONDOC_CLUSTER_TLS: 'true',
  });
  const sink: MailSink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  // Each SMTP command reaches the sink 700 ms late: a send takes seconds, so the kill below
  // finds sends in flight on the killed worker.
  const relay = await startSlowRelay(sink.smtpPort, 700);
  const workerLines: string[][] = [[], [], []];
  let cluster: RunningCluster | undefined;
  let connection: Connection | undefined;
  let tallyLine = `cluster: server=? persistence=postgresql workers=2 units=${UNITS.length} notices=? delivered=? duplicates=? lost=? failed=?`;
  try {
    const upStart = Date.now();
    cluster = await startCluster({
      settings,
      smtpUrl: `smtp://127.0.0.1:${relay.port}`,
      log: (line) => {
        if (!line.startsWith('[temporal-server]') && !line.startsWith('[temporal-ui]')) say(line);
      },
      onWorkerLine: (i, line) => workerLines[i]!.push(line),
    });
    say(`cluster up in ${((Date.now() - upStart) / 1000).toFixed(1)} s: Temporal ${cluster.serverVersion} at ${cluster.temporalAddress}${cluster.tls ? ' (mTLS)' : ''}`);
    connection = await Connection.connect(cluster.connectionOptions);
    const plain = await Connection.connect({ address: cluster.temporalAddress, connectTimeout: '3s' })
      .then(async (c) => {
        await c.workflowService.getSystemInfo({});
        await c.close();
        return true;
      })
      .catch(() => false);
    check(cluster.tls && !plain, 'the frontend requires mutual TLS: a plaintext client is refused');
    const client = new Client({ connection, namespace: cluster.namespace });

    // Observability endpoints answer.
    const health1 = await fetch(`http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 10}/healthz`);
    const healthBody = (await health1.json()) as { status: string; taskQueue: string; connected: boolean };
    check(health1.status === 200 && healthBody.status === 'up' && healthBody.connected && healthBody.taskQueue === cluster.taskQueue, `worker 1 /healthz: ${JSON.stringify(healthBody)}`);
    const workerMetrics = await (await fetch(`http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 1}/metrics`)).text();
    check(/temporal_worker_task_slots_available\{/.test(workerMetrics), 'worker 2 serves Prometheus metrics');
    const repeatedLabels = workerMetrics.split('\n').filter((line) => {
      const names = [...line.replace(/^[^{]*\{/, '').matchAll(/(\w+)="/g)].map((m) => m[1]);
      return !line.startsWith('#') && new Set(names).size !== names.length;
    });
    check(repeatedLabels.length === 0, `worker metrics are valid exposition (no repeated label): ${repeatedLabels[0] ?? 'none'}`);
    if (settings.DONDOC_CLUSTER_UI) {
      const ui = await fetch(cluster.uiUrl);
      check(ui.status === 200 && /<html/i.test(await ui.text()), `Temporal UI answers at ${cluster.uiUrl}`);
      const namespaces = await fetch(`${cluster.uiUrl}/api/v1/namespaces/${cluster.namespace}`);
      check(namespaces.status === 200, `Temporal UI reaches the frontend over mutual TLS (GET /api/v1/namespaces/${cluster.namespace}: ${namespaces.status})`);
    } else check(false, 'Temporal UI left out (DONDOC_CLUSTER_UI=false)');

    const dueAt = new Date(Date.now() + DUE_IN_MS).toISOString();
    await client.workflow.start(reportCycleWorkflow, { taskQueue: cluster.taskQueue, workflowId: OCC, args: [occurrence(dueAt)] });
    say(`report cycle ${OCC} started: ${UNITS.length} units, due ${dueAt}`);
    await sink.waitFor((m) => m.messageId.includes(`${OCC}/`) && /\/request@/.test(m.messageId), { count: UNITS.length, timeoutMs: 120_000 });
    say(`${UNITS.length} requests delivered`);
    for (const unit of SUBMITTING) {
      await client.workflow.getHandle(`${OCC}/${unit}`).executeUpdate(submitUpdate, { args: [{ content: `Báo cáo của ${unit}` }] });
    }
    say(`${SUBMITTING.length} units submitted`);

    // Killed while the reminders go out (2 s after their timers fire, while the slow relay
    // holds every send): its in-flight sends are retried by the other worker after their
    // timeout. (A kill timed to the instant the relay accepts a message would land in the few
    // milliseconds before the sent ledger records it, the one window only the Message-ID covers.)
    const reminderAt = Date.parse(dueAt) - 120_000;
    await new Promise((r) => setTimeout(r, Math.max(0, reminderAt + 2000 - Date.now())));
    const victim = cluster.workers[0]!;
    const victimPid = victim.child.pid;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const remindersAtKill = sink.messages().filter((m) => /\/r1\/reminder-1@/.test(m.messageId)).length;
    say(`worker 1 (pid ${victimPid}) killed with SIGKILL after ${remindersAtKill} of ${OPEN.length} reminders`);
    const down = await fetch(`http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 10}/healthz`).then(() => false, () => true);
    check(down, 'worker 1 /healthz no longer answers');

    await sink.waitFor((m) => /\/r1\/reminder-1@/.test(m.messageId) && m.messageId.includes(`${OCC}/`), { count: OPEN.length, timeoutMs: 180_000 });
    say(`${OPEN.length} reminders delivered`);

    // Past the due every open unit is overdue.
    const states = new Map<string, AssignmentState>();
    await eventually(
      'open units overdue',
      async () => {
        for (const unit of UNITS) states.set(unit, await client.workflow.getHandle(`${OCC}/${unit}`).query(statusQuery));
        return OPEN.filter((u) => states.get(u)!.status !== 'overdue');
      },
      (notYet) => notYet.length === 0,
      DUE_IN_MS + 60_000,
    );
    say('all open units are overdue');
    await new Promise((r) => setTimeout(r, 3000));
    for (const unit of UNITS) states.set(unit, await client.workflow.getHandle(`${OCC}/${unit}`).query(statusQuery));
    check(SUBMITTING.every((u) => states.get(u)!.status === 'submitted'), 'the submitting units are submitted');

    // The dashboard, through the web API (visibility on PostgreSQL).
    const api = await officeApi(cluster.webUrl, cluster.adminPassword);
    const summary = await eventually(
      'dashboard counts',
      () => api<{ counts: Record<string, number> }>(`/api/programs/${PROGRAM}/summary`),
      (s) => s.counts.total === UNITS.length && s.counts.overdue === OPEN.length && s.counts.submitted === SUBMITTING.length,
      30_000,
    ).catch((err: Error): { counts: Record<string, number> } => {
      say(err.message);
      return { counts: {} };
    });
    check(summary.counts.total === UNITS.length && summary.counts.overdue === OPEN.length && summary.counts.submitted === SUBMITTING.length, `dashboard counts ${JSON.stringify(summary.counts)}`);
    const overdue = await api<{ rows: Row[] }>(`/api/programs/${PROGRAM}/overdue?size=100`);
    check(JSON.stringify(overdue.rows.map((r) => r.unitId).sort()) === JSON.stringify([...OPEN].sort()), `overdue list: ${overdue.rows.length} rows, the ${OPEN.length} open units`);
    const review = await api<{ rows: Row[] }>(`/api/programs/${PROGRAM}/review-queue?size=100`);
    check(JSON.stringify(review.rows.map((r) => r.unitId).sort()) === JSON.stringify([...SUBMITTING].sort()), `review queue: ${review.rows.length} rows, the ${SUBMITTING.length} submitted units`);
    const matrix = await api<{ rows: { unitId: string }[] }>(`/api/programs/${PROGRAM}/matrix`);
    check(matrix.rows.length === UNITS.length, `matrix: ${matrix.rows.length} unit rows`);
    const webMetrics = await (await fetch(`${cluster.webUrl}/metrics`)).text();
    check(/dondoc_web_request_duration_seconds_count\{[^}]*route="\/api\/programs\/:program\/summary"/.test(webMetrics), 'web /metrics counts the dashboard requests by route');

    // Who did the work, and did anything fail: from the histories.
    const pids = new Map(cluster.workers.map((w, i) => [w.child.pid, i + 1]));
    const byWorker = new Map<number, number>();
    let retried = 0;
    let activityFailures = 0;
    for (const id of [OCC, ...UNITS.map((u) => `${OCC}/${u}`)]) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      for (const event of history.events ?? []) {
        const identity = event.activityTaskStartedEventAttributes?.identity ?? event.workflowTaskStartedEventAttributes?.identity;
        if (identity) {
          const worker = pids.get(Number(identity.split('@')[0])) ?? 0;
          byWorker.set(worker, (byWorker.get(worker) ?? 0) + 1);
        }
        // Only an activity's last attempt is in the history: attempt > 1 means it was retried.
        if ((event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1) retried++;
        if (event.activityTaskFailedEventAttributes) activityFailures++;
      }
    }
    say(`tasks started by worker 1: ${byWorker.get(1) ?? 0}, worker 2: ${byWorker.get(2) ?? 0}; activities that needed another attempt (the killed worker's): ${retried}`);
    check((byWorker.get(1) ?? 0) > 0 && (byWorker.get(2) ?? 0) > 0, 'both workers ran tasks');
    check(retried > 0, 'sends the killed worker held were retried by the other one');
    const failedWorkflows = await client.workflow.count(`WorkflowId STARTS_WITH '${OCC}' AND ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut', 'Canceled')`);

    // Every notice that was due, at the sink exactly once.
    const notices: NoticeRecord[] = UNITS.flatMap((u) => states.get(u)!.notices);
    const received = sink.messages().map((m) => m.messageId).filter((id) => id.includes(`${OCC}/`));
    const tally = tallyNotices(notices, received, new URL(cluster.webUrl).hostname, Date.now());
    const failed = failedWorkflows.count + activityFailures;
    if (tally.lost.length > 0) say(`lost: ${tally.lost.join(', ')}`);
    if (tally.unexpected.length > 0) say(`unexpected: ${tally.unexpected.join(', ')}`);
    const copies = received.filter((id, i) => received.indexOf(id) !== i);
    if (copies.length > 0) say(`delivered twice: ${copies.join(', ')}`);
    check(tally.expected >= UNITS.length + SUBMITTING.length + OPEN.length, `${tally.expected} notices expected (requests, receipts, reminders)`);
    check(tally.lost.length === 0 && tally.duplicates === 0 && tally.unexpected.length === 0, 'every notice arrived exactly once');
    check(failed === 0, `nothing failed (workflows ${failedWorkflows.count}, activity failures ${activityFailures})`);
    // The Grafana dashboard asks for metrics that exist (failure counters appear with the first failure).
    const dashboard = readFileSync(join(repoRoot, 'deploy', 'grafana', 'dondoc.json'), 'utf8');
    const used = new Set([...dashboard.matchAll(/\b((?:temporal|dondoc_web|service|persistence)_[a-z_]+)\{/g)].map((m) => m[1]!));
    const onFailure = new Set(['temporal_activity_execution_failed', 'temporal_workflow_task_execution_failed', 'temporal_request_failure', 'service_errors']);
    const exported = [
      await (await fetch(`http://127.0.0.1:${settings.DONDOC_CLUSTER_WORKER_PORT + 1}/metrics`)).text(),
      await (await fetch(`${cluster.webUrl}/metrics`)).text(),
      await (await fetch(`http://127.0.0.1:${settings.DONDOC_CLUSTER_TEMPORAL_PORT + 57}/metrics`)).text(),
    ].join('\n');
    const absent = [...used].filter((name) => !onFailure.has(name) && !new RegExp(`^${name}[{ ]`, 'm').test(exported));
    check(absent.length === 0, `every metric the Grafana dashboard uses is exported (absent: ${absent.join(', ') || 'none'})`);
    const jsonLines = workerLines[2]!.map((l) => l.replace(/^\[worker-2\] /, '')).filter((l) => {
      try {
        const entry = JSON.parse(l) as { time?: string; level?: string; msg?: string };
        return typeof entry.time === 'string' && typeof entry.level === 'string' && typeof entry.msg === 'string';
      } catch {
        return false;
      }
    });
    check(jsonLines.length > 0 && jsonLines.length === workerLines[2]!.length, `worker 2 logged ${workerLines[2]!.length} lines, ${jsonLines.length} of them JSON events`);
    check(!workerLines.flat().some((l) => l.includes(settings.DONDOC_CLUSTER_DONDOC_DB_PASSWORD) || l.includes('BEGIN PRIVATE KEY')), 'no secret in the worker logs');
    tallyLine = `cluster: server=${cluster.serverVersion} persistence=postgresql workers=2 units=${UNITS.length} notices=${tally.expected} delivered=${tally.delivered} duplicates=${tally.duplicates} lost=${tally.lost.length} failed=${failed}`;
  } catch (err) {
    checks.push((err as Error).message);
    say(`FAIL ${(err as Error).message}`);
  } finally {
    await connection?.close().catch(() => undefined);
    await cluster?.stop();
    await relay.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
    say(`torn down in total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (checks.length > 0) console.log(`test:cluster: ${checks.length} check(s) failed: ${checks.join(' | ')}`);
  console.log(tallyLine);
  return checks.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
