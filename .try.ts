import { loadProgram } from './program/load';
import { compilePlan } from './program/plan';
import { simulate } from './client/simulate/run';
import { NoticeReader } from './client/simulate/notices';
(async () => {
  const file = process.argv[2]!;
  const l = loadProgram(file); if (!l.ok) throw new Error('bad');
  const plan = compilePlan(l.program);
  const dates = plan.events.map(e => e.date).sort();
  const r = await simulate({ program: l.program, plan, from: process.argv[3] ?? dates[0]!, to: process.argv[4] ?? dates.at(-1)!, behaviour: (process.argv[5] ?? 'silent') as never, seed: 1, progress: (d) => { if (d.endsWith('01') || d.endsWith('15')) process.stderr.write(d + ' ' + new Date().toISOString() + '\n'); } });
  const reader = new NoticeReader(plan);
  const notices = r.messages.map(m => reader.read(m));
  console.log('elapsed', r.elapsedMs, 'messages', r.messages.length, 'failures', r.failures.length, r.failures.slice(0,3));
  console.log(notices.slice(0, 5));
  console.log(r.messages[0]?.headers);
})().catch(e => { console.error(e); process.exit(1); });
