// A private PostgreSQL cluster for the devnet's indexer and the tests: Debian's server binaries,
// a data directory of its own, listening on 127.0.0.1 and one port only (no Unix socket), no
// system service. PostgreSQL refuses to run as root; started by root, the cluster runs as the
// `postgres` account the Debian package creates, and its directory belongs to that account.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

/** What went wrong with the cluster, in words a user can act on. */
export class PostgresError extends Error {}

/** The newest server binaries Debian installed (`PG_BIN` overrides), or an error saying what to install. */
export function serverBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new PostgresError('PostgreSQL is not installed: run scripts/setup.sh (Debian package postgresql)');
  return path.join(root, versions[0], 'bin');
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as `postgres` when this process is root. */
async function run(bin, program, args, options = {}) {
  const file = path.join(bin, program);
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return await execFileP(cmd, argv, { timeout: 120000, ...options });
  } catch (e) {
    throw new PostgresError(`${program} ${args.join(' ')} failed: ${(e.stderr || e.message).trim()}`);
  }
}

/**
 * One cluster in `dir` on 127.0.0.1:`port`, with a superuser `allmende` whose password is
 * generated at `init` and kept in `dir/password` (readable by its owner only). Clients
 * connect with password authentication; nothing connects without it.
 */
export class Postgres {
  constructor({ dir, port, user = 'allmende', bin = serverBin() }) {
    this.dir = path.resolve(dir);
    this.port = port;
    this.user = user;
    this.bin = bin;
    this.data = path.join(this.dir, 'data');
  }

  /** The superuser's password (after `init`). */
  get password() {
    return fs.readFileSync(path.join(this.dir, 'password'), 'utf8').trim();
  }

  /** Connection settings in the form the indexer's tools read (`DB_*`). */
  env(database) {
    return { DB_HOST: '127.0.0.1', DB_PORT: String(this.port), DB_USER: this.user, DB_PASS: this.password, DB_NAME: database };
  }

  /** Creates the cluster unless it exists. */
  async init() {
    if (fs.existsSync(path.join(this.data, 'PG_VERSION'))) return false;
    fs.mkdirSync(this.dir, { recursive: true });
    const pwfile = path.join(this.dir, 'password');
    if (!fs.existsSync(pwfile)) fs.writeFileSync(pwfile, `${crypto.randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    fs.mkdirSync(this.data, { recursive: true, mode: 0o700 });
    if (asRoot()) {
      // The server's account must reach its directory: every parent must let it pass.
      for (let d = this.dir; d !== path.dirname(d); d = path.dirname(d)) {
        if ((fs.statSync(d).mode & 0o001) === 0 && d !== this.dir) {
          throw new PostgresError(`${d} does not let other accounts through (mode ${(fs.statSync(d).mode & 0o777).toString(8)}); `
            + `PostgreSQL runs as the postgres account here: put the cluster elsewhere, or chmod o+x ${d}`);
        }
      }
      fs.chownSync(this.dir, uid('postgres'), gid('postgres'));
      fs.chownSync(this.data, uid('postgres'), gid('postgres'));
      fs.chownSync(pwfile, uid('postgres'), gid('postgres'));
    }
    await run(this.bin, 'initdb', ['-D', this.data, '-U', this.user, `--pwfile=${pwfile}`,
      '--auth-local=reject', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
    return true;
  }

  /** Whether the server answers on its port. */
  async ready() {
    try {
      await execFileP(path.join(this.bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port), '-t', '2']);
      return true;
    } catch {
      return false;
    }
  }

  /** Starts the server and waits until it takes connections. */
  async start() {
    const options = `-c listen_addresses=127.0.0.1 -c port=${this.port} -c unix_socket_directories=''`;
    await run(this.bin, 'pg_ctl', ['-D', this.data, '-l', path.join(this.data, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  }

  /** Stops the server (fast: open transactions are rolled back, nothing committed is lost). */
  async stop() {
    await run(this.bin, 'pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** Runs one SQL statement through psql and returns its rows, tab-separated. */
  async sql(statement, database = 'postgres') {
    try {
      const { stdout } = await execFileP('psql', ['-h', '127.0.0.1', '-p', String(this.port), '-U', this.user, '-d', database,
        '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-A', '-t', '-F', '\t', '-c', statement],
      { env: { ...process.env, PGPASSWORD: this.password }, timeout: 60000 });
      return stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
    } catch (e) {
      throw new PostgresError(`psql: ${(e.stderr || e.message).trim()}`);
    }
  }

  /** Creates `database` unless it exists. */
  async createDatabase(database) {
    if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new PostgresError(`"${database}" is not a plain database name`);
    const found = await this.sql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`);
    if (!found.length) await this.sql(`CREATE DATABASE ${database}`);
  }
}

function uid(name) {
  return Number(fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`))?.split(':')[2]);
}

function gid(name) {
  return Number(fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`))?.split(':')[3]);
}
