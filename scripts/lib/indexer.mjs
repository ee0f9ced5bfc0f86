// The indexer beside a network: a private PostgreSQL cluster (postgres.mjs), the indexer's
// tables (its migrations), and indexer/run.mjs, which keeps the processor and the GraphQL API
// running. Used by devnet.sh and the end-to-end tests.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Postgres } from './postgres.mjs';
import { rpc, runs, sleep } from './network.mjs';

const execFileP = promisify(execFile);
export const INDEXER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'indexer');
const DATABASE = 'allmende';

export class IndexerError extends Error {}

/** Whether `pid` runs this checkout's indexer/run.mjs. */
export function isOurIndexer(pid) {
  return runs(pid, path.join(INDEXER_DIR, 'run.mjs'));
}

export class Indexer {
  /**
   * `dir` holds the cluster (dir/pg) and the log (dir/indexer.log); `rpcPort` is the archive
   * node's; `pgPort` and `apiPort` are where PostgreSQL and the GraphQL API listen (127.0.0.1).
   */
  constructor({ dir, rpcPort, pgPort, apiPort, detached = false }) {
    this.dir = path.resolve(dir);
    this.rpcPort = rpcPort;
    this.apiPort = apiPort;
    this.detached = detached;
    this.pg = new Postgres({ dir: path.join(this.dir, 'pg'), port: pgPort });
    this.log = path.join(this.dir, 'indexer.log');
    this.proc = null;
  }

  get apiUrl() {
    return `http://127.0.0.1:${this.apiPort}/graphql`;
  }

  get env() {
    return { ...this.pg.env(DATABASE), ALLMENDE_WS: `ws://127.0.0.1:${this.rpcPort}`, GQL_PORT: String(this.apiPort) };
  }

  /** Whether the indexer's packages are installed and built (scripts/setup.sh does both). */
  static built() {
    return fs.existsSync(path.join(INDEXER_DIR, 'lib', 'main.js'));
  }

  /**
   * Starts PostgreSQL (creating the cluster the first time) and brings the tables up to the
   * indexer's migrations. An index of another chain (the devnet started --fresh, say) is
   * dropped: its last block is not this chain's.
   */
  async prepare() {
    if (!Indexer.built()) throw new IndexerError(`the indexer is not built: run scripts/setup.sh (it builds ${INDEXER_DIR})`);
    fs.mkdirSync(this.dir, { recursive: true });
    fs.chmodSync(this.dir, 0o755);
    await this.pg.init();
    if (!(await this.pg.ready())) await this.pg.start();
    await this.pg.createDatabase(DATABASE);
    const status = await this.pg.sql('SELECT height, hash FROM squid_processor.status WHERE id = 0', DATABASE).catch(() => []);
    if (status.length) {
      const [height, hash] = status[0];
      let ours;
      try {
        ours = await rpc(this.rpcPort, 'chain_getBlockHash', [Number(height)]);
      } catch (e) {
        throw new IndexerError(`cannot check which chain the index in ${this.pg.dir} is of: the node on port ${this.rpcPort} did not answer (${e.message})`);
      }
      if (ours !== hash) {
        console.error(`The index in ${this.pg.dir} is of another chain (block #${height} is ${hash}, here ${ours}); starting it afresh.`);
        await this.pg.sql(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
        await this.pg.createDatabase(DATABASE);
      }
    }
    try {
      await execFileP(process.execPath, [path.join(INDEXER_DIR, 'node_modules', '@subsquid', 'typeorm-migration', 'bin', 'squid-typeorm-migration-apply')],
        { cwd: INDEXER_DIR, env: { ...process.env, ...this.env }, timeout: 120000 });
    } catch (e) {
      throw new IndexerError(`the indexer's tables could not be created: ${(e.stderr || e.message).trim()}`);
    }
  }

  /** Starts indexer/run.mjs (the processor and the API, each restarted when it stops). */
  start() {
    const out = fs.openSync(this.log, 'a');
    this.proc = spawn(process.execPath, [path.join(INDEXER_DIR, 'run.mjs')],
      // A process group of its own, so that a kill reaches the processor and the API too.
      { cwd: INDEXER_DIR, env: { ...process.env, ...this.env }, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    if (this.detached) this.proc.unref();
    return this.proc;
  }

  /** The block the processor has indexed up to (-1 before the first batch). */
  async height() {
    const rows = await this.pg.sql('SELECT height FROM squid_processor.status WHERE id = 0', DATABASE).catch(() => []);
    return rows.length ? Number(rows[0][0]) : -1;
  }

  /** Asks the API; throws on an HTTP or GraphQL error. */
  async query(query, variables = {}) {
    const res = await fetch(this.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30000) });
    const body = await res.json().catch(() => null);
    if (!res.ok || !body || body.errors) throw new IndexerError(`GraphQL: ${res.status} ${JSON.stringify(body?.errors ?? body)}`);
    return body.data;
  }

  /** Waits until the API answers, for at most `ms`. */
  async waitForApi(ms = 60000) {
    const end = Date.now() + ms;
    for (;;) {
      if (this.proc && this.proc.exitCode !== null) throw new IndexerError(`indexer/run.mjs exited ${this.proc.exitCode}; see ${this.log}`);
      try {
        await this.query('{ squidStatus { height } }');
        return;
      } catch (e) {
        if (Date.now() > end) throw new IndexerError(`the GraphQL API on ${this.apiUrl} does not answer: ${e.message}; see ${this.log}`);
      }
      await sleep(500);
    }
  }

  /** Stops run.mjs (pid `pid` when it was started by another process) and PostgreSQL. */
  async stop(pid = this.proc?.pid) {
    if (pid && isOurIndexer(pid)) {
      process.kill(pid, 'SIGTERM');
      const end = Date.now() + 20000;
      while (isOurIndexer(pid) && Date.now() < end) await sleep(100);
    }
    // Whatever is left of its process group (run.mjs, or a processor or API it left behind).
    if (pid) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // nothing left
      }
    }
    if (await this.pg.ready()) await this.pg.stop();
  }
}
