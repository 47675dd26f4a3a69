// A process that opens (and so migrates) the records database in the directory it is given,
// for the test of several processes opening a fresh file at once.
import { openRecords } from '../../storage/records';

void (async () => {
  const records = await openRecords({ dataDir: process.argv[2]! });
  await records.close();
  console.log('opened');
})().catch((err: unknown) => {
  console.log(`failed: ${(err as Error).message}`);
  process.exit(1);
});
