// Where the Temporal binaries are: an explicit path from the environment, a `temporal`
// on PATH, or the pinned copy that dev/install-tools.js put in tools/bin.
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function resolveBinary(envVar: string, name: string): string {
  const explicit = process.env[envVar];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${envVar}=${explicit}: không tìm thấy tệp (file not found)`);
    return explicit;
  }
  const found = onPath(name) ?? (existsSync(join(root, 'tools', 'bin', name)) ? join(root, 'tools', 'bin', name) : undefined);
  if (!found) {
    throw new Error(`không tìm thấy "${name}" (missing binary): chạy "npm run tools" hoặc đặt ${envVar}`);
  }
  return found;
}

export const temporalCliPath = (): string => resolveBinary('TEMPORAL_CLI_PATH', 'temporal');
export const temporalTestServerPath = (): string => resolveBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
