// `npm run bench`: the figures the issues set targets for, printed, never asserted —
// timing on a shared 2-core machine belongs in a benchmark, not in a test.
import { benchPlan } from './plan';
import { benchWeb } from './web';

async function main(): Promise<void> {
  console.log('== Plan compile (target: national program under 1 s)');
  await benchPlan();
  console.log('\n== Web (targets: dashboard TTFB < 500 ms for 3,400 units; unit page < 50 kB)');
  await benchWeb();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
