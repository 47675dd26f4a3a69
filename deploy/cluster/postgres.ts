// The cluster's own PostgreSQL: a data directory under the cluster dir, on its own port and
// socket directory, so it never meets a system PostgreSQL on 5432. PostgreSQL refuses to run
// as root: as root, every command runs as the `postgres` user, which owns the directory.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  port: number;
  socketDir: string;
  dataDir: string;
  superuser: string;
  /** Runs SQL as the superuser in `database`; returns psql's unaligned output. */
  sql(database: string, script: string): string;
  stop(): void;
}

function binDir(): string {
  if (process.env.DONDOC_PG_BIN) return process.env.DONDOC_PG_BIN;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(join(d, 'initdb')));
  if (!found) throw new Error('không tìm thấy PostgreSQL (PostgreSQL not found): chạy deploy/cluster/install.sh hoặc đặt DONDOC_PG_BIN');
  return found;
}

const asRoot = () => process.getuid?.() === 0;

function run(command: string, args: string[], input?: string): string {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
}

/** The `postgres` user's uid and gid (Debian's package creates it). */
function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}

function ownedDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (asRoot()) chownSync(path, ...postgresIds());
}

/** Initialises (first time) and starts PostgreSQL; waits until it accepts connections. */
export function startPostgres(root: string, port: number, log: (line: string) => void): Postgres {
  const bin = binDir();
  const base = join(root, 'postgres');
  const dataDir = join(base, 'data');
  const socketDir = join(base, 'run');
  ownedDir(base);
  ownedDir(socketDir);
  const superuser = asRoot() ? 'postgres' : userInfo().username;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`postgres: initdb ${dataDir}`);
    ownedDir(dataDir);
    // Local socket: the OS user only; TCP: passwords (scram), as in production.
    run(join(bin, 'initdb'), ['-D', dataDir, '-U', superuser, '--auth-local=peer', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  const logFile = join(base, 'postgres.log');
  if (asRoot() && !existsSync(logFile)) {
    writeFileSync(logFile, '');
    chownSync(logFile, ...postgresIds());
  }
  const running = (() => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  })();
  if (!running) {
    log(`postgres: start on 127.0.0.1:${port}`);
    run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`, 'start']);
  }
  const psql = join(bin, 'psql');
  return {
    port,
    socketDir,
    dataDir,
    superuser,
    sql(database, script) {
      return run(psql, ['-h', socketDir, '-p', String(port), '-U', superuser, '-d', database, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-f', '-'], script);
    },
    stop() {
      log('postgres: stop');
      try {
        run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } catch (err) {
        log(`postgres: stop failed: ${(err as Error).message.split('\n')[0]}`);
      }
    },
  };
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`tên không hợp lệ (invalid SQL name): ${name}`);
  return name;
};
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A login role with this password (set again on every run, so a changed password applies). */
export function ensureRole(pg: Postgres, role: string, password: string, options = ''): void {
  pg.sql('postgres', `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${ident(role)} LOGIN ${options}; END IF;
END $$;
ALTER ROLE ${ident(role)} WITH LOGIN ${options} PASSWORD ${literal(password)};
`);
}

export function ensureDatabase(pg: Postgres, database: string, owner: string): void {
  pg.sql('postgres', `SELECT 'CREATE DATABASE ${ident(database)} OWNER ${ident(owner)}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = ${literal(database)})\\gexec\n`);
}
