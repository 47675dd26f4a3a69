// The web process: configuration, the shared secret and the accounts, one Temporal client,
// the server, and a clean stop on SIGINT/SIGTERM.
import { loadAccounts } from '../../auth/accounts';
import { loadSecret } from '../../auth/secret';
import { loadEnv } from '../../config/env';
import { openRecords } from '../../storage/records';
import { closeClient, connectClient } from '../temporal';
import { createWebServer } from './server';

async function main(): Promise<void> {
  const env = loadEnv();
  const secret = loadSecret(env);
  const accounts = await loadAccounts(env);
  // The records database the workers write: closed work Temporal has forgotten is read from it.
  let records;
  try {
    records = await openRecords({ url: env.DONDOC_RECORDS_URL, dataDir: env.DATA_DIR });
  } catch (err) {
    throw new Error(`không mở được cơ sở dữ liệu lưu trữ (cannot open the records database): ${(err as Error).message}`, { cause: err });
  }
  const client = await connectClient(env);
  const app = createWebServer(client, env, { secret, accounts, records });
  try {
    await app.listen({ port: env.WEB_PORT, host: env.WEB_HOST });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `cổng ${env.WEB_PORT} đang được dùng (port in use); đặt WEB_PORT` : (err as Error).message, { cause: err });
  }
  console.log(`dondoc web: ${env.PUBLIC_URL} (${accounts.length} tài khoản / accounts: ${accounts.map((a) => `${a.username}:${a.role}`).join(', ')})`);
  const stop = async () => {
    await app.close();
    await closeClient(client);
    await records.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`dondoc web: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
