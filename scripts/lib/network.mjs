// Starts, stops and watches a local Allmende network of validator nodes on loopback.
// Used by the devnet launcher (detached nodes that outlive it) and by the end-to-end tests
// (attached nodes that die with the test).

import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The well-known development validators, in the order of the `local_testnet` preset. */
export const VALIDATORS = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];

/** A free TCP port on 127.0.0.1, as the kernel hands it out. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** How long a started node may take to open its RPC. */
export const RPC_WAIT_MS = 180000;

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check()` gives a truthy value and returns it; polls every 500 ms. */
export async function until(what, check, timeoutMs = 240000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

/** One JSON-RPC call over HTTP (the node serves HTTP and WebSocket on its RPC port). */
export async function rpc(port, method, params = [], timeoutMs = 5000) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) {
    const { message, data } = body.error;
    throw new Error(`${method}: ${message}${data ? `: ${data}` : ''}`);
  }
  return body.result;
}

/** Best and finalized block numbers of the node on `port`. */
export async function heads(port) {
  const best = await rpc(port, 'chain_getHeader');
  const finHash = await rpc(port, 'chain_getFinalizedHead');
  const fin = await rpc(port, 'chain_getHeader', [finHash]);
  return { best: parseInt(best.number, 16), finalized: parseInt(fin.number, 16) };
}

/** Whether process `pid` runs a command line containing `what` (false if it is gone). */
export function runs(pid, what) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(what);
  } catch {
    return false;
  }
}

/** Is the process with this pid alive and an allmende node? */
export function isOurNode(pid) {
  return runs(pid, 'allmende-node');
}

/** Transactions the pool holds (ready and future): some 20 full blocks of transfers. */
export const POOL_LIMIT = 100000;
/** And their size in KiB: 100,000 market calls of up to 1 KiB each. */
export const POOL_KBYTES = 102400;

export class Network {
  /**
   * @param {object} o
   * @param {string} o.bin       path of the allmende-node binary
   * @param {string} o.dir       folder for base paths, keys and logs
   * @param {number} o.nodes     number of validators (1 = `--dev`-like single validator)
   * @param {string} o.chain     `local`, `dev` or `load` (`dev` with funded load senders)
   * @param {boolean} o.detached nodes outlive this process (devnet) or die with it (tests)
   * @param {object} [o.ports]   fixed ports: { rpc: base, p2p: base }; free ports otherwise
   * @param {string} [o.runtimeOverrides] a folder of WASM runtimes the nodes run instead of
   *   the on-chain one of the same spec version (`--wasm-runtime-overrides`)
   * @param {string} [o.wasmtimeCache] a folder where the nodes keep the runtime's compiled
   *   code between starts (`--wasmtime-cache`); by default `$ALLMENDE_WASMTIME_CACHE`
   *   (scripts/env.sh), none when that is empty
   * @param {string} [o.spec] a chain spec file the nodes start from as it is, instead of the
   *   raw spec of `chain` that `prepare()` writes
   * @param {Array<{name: string, basePath: string, nodeKeyFile: string}>} [o.validators]
   *   validators whose session keys are in their base paths already (`scripts/testnet.mjs
   *   new` puts them there), started in place of the well-known ones (`nodes` is ignored);
   *   `nodeKeyFile`: the node's network key
   */
  constructor({
    bin, dir, nodes = 4, chain = 'local', detached = false, ports = null, runtimeOverrides = null, archive = true,
    wasmtimeCache = process.env.ALLMENDE_WASMTIME_CACHE || null, spec = null, validators = null,
  }) {
    if (!validators && (nodes < 1 || nodes > VALIDATORS.length)) {
      throw new Error(`--nodes must be between 1 and ${VALIDATORS.length}`);
    }
    if (validators && validators.length === 0) throw new Error('no validators to start');
    this.bin = bin;
    this.dir = path.resolve(dir);
    this.chain = chain;
    this.givenSpec = spec ? path.resolve(spec) : null;
    // name -> { basePath, nodeKeyFile } of a validator with its own keys.
    this.ownKeys = new Map((validators ?? []).map((v) => [v.name, {
      basePath: path.resolve(v.basePath), nodeKeyFile: path.resolve(v.nodeKeyFile),
    }]));
    this.detached = detached;
    this.fixedPorts = ports;
    this.runtimeOverrides = runtimeOverrides ? path.resolve(runtimeOverrides) : null;
    this.wasmtimeCache = wasmtimeCache ? path.resolve(wasmtimeCache) : null;
    // Whether the first node keeps the state of every finalized block. A database made with
    // the default pruning cannot be reopened as an archive, so an older chain keeps `false`.
    this.archive = archive;
    this.names = validators ? validators.map((v) => v.name) : VALIDATORS.slice(0, nodes);
    // name -> { name, rpcPort, p2pPort, keyFile, peerId, devKeys, basePath, proc, pid }.
    // `devKeys`: the node starts with `--<name>` and so holds the well-known session keys of a
    // genesis validator; a joined node makes its own keys (`author_rotateKeysWithOwner`), and
    // one of `validators` has them in its base path.
    this.nodes = new Map();
  }

  get logDir() {
    return path.join(this.dir, 'logs');
  }

  get stateFile() {
    return path.join(this.dir, 'network.json');
  }

  /** The chain spec the nodes start from: the one given, or the raw spec `prepare()` writes. */
  get specFile() {
    return this.givenSpec ?? path.join(this.dir, 'chain-spec.json');
  }

  /**
   * Assigns ports and node keys (the first node is everyone's boot node) and writes the raw
   * chain spec of `chain` unless a spec was given.
   */
  async prepare() {
    fs.mkdirSync(this.logDir, { recursive: true });
    if (!this.givenSpec) await this.writeSpec();
    for (const [i, name] of this.names.entries()) await this.prepareNode(name, i, !this.ownKeys.has(name));
  }

  /**
   * Writes the raw form of the built-in chain `chain` (`build-spec --raw`) to `specFile`.
   * A node given a chain by name runs the runtime's genesis builder at every start, which
   * first compiles the runtime (seconds of CPU, uncached); from the raw spec every node reads
   * the genesis state as it is. Written at every `prepare()`, from the binary that starts the
   * nodes, so the genesis is the one `--chain <name>` would give.
   */
  async writeSpec() {
    const spec = await new Promise((resolve, reject) => {
      execFile(
        this.bin,
        ['build-spec', '--chain', this.chain, '--raw', '--disable-default-bootnode'],
        { maxBuffer: 256 << 20, encoding: 'utf8' },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`build-spec --chain ${this.chain} failed: ${stderr.trim().split('\n').pop() || err.message}`));
          else resolve(stdout);
        },
      );
    });
    fs.writeFileSync(this.specFile, spec);
  }

  async prepareNode(name, i, devKeys) {
    const rpcPort = this.fixedPorts ? this.fixedPorts.rpc + i : await freePort();
    const p2pPort = this.fixedPorts ? this.fixedPorts.p2p + i : await freePort();
    const own = this.ownKeys.get(name);
    const keyFile = own?.nodeKeyFile ?? path.join(this.dir, 'keys', `${name}.node-key`);
    // null: `nodes/<name>` in the network's folder (see `args`).
    const basePath = own?.basePath ?? null;
    if (!own && !fs.existsSync(keyFile)) {
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      // A fixed, distinct network key per node keeps its peer id stable across restarts.
      fs.writeFileSync(keyFile, (i + 1).toString(16).padStart(64, '0'));
    }
    const peerId = execFileSync(this.bin, ['key', 'inspect-node-key', '--file', keyFile], {
      encoding: 'utf8',
    }).trim();
    this.nodes.set(name, { name, rpcPort, p2pPort, keyFile, peerId, devKeys, basePath, proc: null, pid: null });
  }

  /**
   * Adds and starts a validator node that is not in genesis: it syncs from the boot node and
   * makes its own session keys. It becomes a validator only once its operator sets the keys
   * and registers as a candidate (`scripts/validator.mjs`).
   */
  async addNode(name) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(name)) {
      throw new Error(`a node name is 1-32 lower-case letters, digits or "-", starting with a letter: "${name}"`);
    }
    if (this.nodes.has(name)) throw new Error(`there is already a node called ${name}`);
    fs.mkdirSync(this.logDir, { recursive: true });
    await this.prepareNode(name, this.names.length, false);
    this.names.push(name);
    this.startNode(name);
    this.save();
    return this.nodes.get(name);
  }

  args(name) {
    const n = this.nodes.get(name);
    const boot = this.nodes.get(this.names[0]);
    const a = [
      // The raw spec `prepare()` wrote; a network saved before there was one names its chain.
      '--chain', fs.existsSync(this.specFile) ? this.specFile : this.chain,
      ...(n.devKeys ? [`--${name}`] : ['--name', name]),
      '--validator',
      '--base-path', n.basePath ?? path.join(this.dir, 'nodes', name),
      '--database', 'paritydb',
      '--node-key-file', n.keyFile,
      '--listen-addr', `/ip4/127.0.0.1/tcp/${n.p2pPort}`,
      '--rpc-port', String(n.rpcPort),
      '--rpc-cors', 'all',
      '--no-prometheus',
      '--no-telemetry',
      '--no-mdns',
      '--allow-private-ip',
      // The pool's defaults (8,192 transactions, 20 MiB) hold about two full blocks of
      // transfers: a burst from many users would be dropped. See README "Performance".
      '--pool-limit', String(POOL_LIMIT),
      '--pool-kbytes', String(POOL_KBYTES),
    ];
    if (name === boot.name) {
      // The first node keeps the state of every finalized block (a node's default is the
      // last 256): the explorer reads the events of any past block from it.
      if (this.archive) a.push('--state-pruning', 'archive-canonical');
    } else {
      a.push('--bootnodes', `/ip4/127.0.0.1/tcp/${boot.p2pPort}/p2p/${boot.peerId}`);
    }
    if (this.runtimeOverrides) a.push('--wasm-runtime-overrides', this.runtimeOverrides);
    if (this.wasmtimeCache) a.push('--wasmtime-cache', this.wasmtimeCache);
    return a;
  }

  /** Starts (or restarts) one node; its output goes to `logs/<name>.log`. */
  startNode(name) {
    const n = this.nodes.get(name);
    const logFile = path.join(this.logDir, `${name}.log`);
    // Where this start's lines begin: `actualRpcPort` reads the port it bound from them.
    n.logFrom = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const log = fs.openSync(logFile, 'a');
    const proc = spawn(this.bin, this.args(name), {
      stdio: ['ignore', log, log],
      detached: this.detached,
    });
    fs.closeSync(log);
    if (this.detached) proc.unref();
    n.proc = proc;
    n.pid = proc.pid;
    return n;
  }

  /** Stops one node and waits until it has exited. */
  async stopNode(name, signal = 'SIGTERM', timeoutMs = 20000) {
    const n = this.nodes.get(name);
    if (!n?.pid) return;
    const deadline = Date.now() + timeoutMs;
    if (isOurNode(n.pid)) process.kill(n.pid, signal);
    while (isOurNode(n.pid) && Date.now() < deadline) await sleep(100);
    if (isOurNode(n.pid)) {
      process.kill(n.pid, 'SIGKILL');
      while (isOurNode(n.pid)) await sleep(100);
    }
    n.proc = null;
    n.pid = null;
  }

  /**
   * Starts every node. With a wasmtime cache the first node starts alone until its RPC
   * answers: by then it has compiled the runtime into the cache, and the others load it from
   * there instead of each compiling it at the same time.
   */
  async start() {
    if (this.nodes.size === 0) await this.prepare();
    const [first, ...rest] = this.names;
    this.startNode(first);
    this.save();
    if (this.wasmtimeCache && rest.length > 0) await this.waitForRpc(RPC_WAIT_MS, [first]);
    for (const name of rest) this.startNode(name);
    this.save();
  }

  async stop() {
    await Promise.all(this.names.map((name) => this.stopNode(name)));
    if (fs.existsSync(this.stateFile)) fs.rmSync(this.stateFile);
  }

  wsUrl(name = this.names[0]) {
    return `ws://127.0.0.1:${this.nodes.get(name).rpcPort}`;
  }

  rpcPort(name = this.names[0]) {
    return this.nodes.get(name).rpcPort;
  }

  /** Writes pids and ports so `devnet.sh stop|status` can find the nodes later. */
  save() {
    const nodes = this.names.map((name) => {
      const { rpcPort, p2pPort, pid, peerId, keyFile, devKeys, basePath } = this.nodes.get(name);
      return { name, rpcPort, p2pPort, pid, peerId, keyFile, devKeys, basePath };
    });
    fs.writeFileSync(
      this.stateFile,
      JSON.stringify({
        chain: this.chain, spec: this.givenSpec, dir: this.dir, runtimeOverrides: this.runtimeOverrides,
        archive: this.archive, wasmtimeCache: this.wasmtimeCache, nodes,
      }, null, 2),
    );
  }

  /**
   * The RPC port node `name` bound since this process last started it, from its log, once it
   * has said (`null` before, and for a node this process did not start). A node whose
   * `--rpc-port` was taken in the meantime (the port was free when `freePort` looked; another
   * process's connection can take it before the node binds it) binds a random port instead
   * and says which.
   */
  actualRpcPort(name) {
    const n = this.nodes.get(name);
    if (n.logFrom === undefined) return null;
    let text;
    try {
      const fd = fs.openSync(path.join(this.logDir, `${name}.log`), 'r');
      try {
        const size = fs.fstatSync(fd).size - n.logFrom;
        const buf = Buffer.alloc(Math.max(0, Math.min(size, 1 << 20)));
        fs.readSync(fd, buf, 0, buf.length, n.logFrom);
        text = buf.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return null;
    }
    const m = /Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  }

  /**
   * Waits until the RPC of every running node answers. A starting node compiles the runtime
   * first, which on two cores busy with other networks has taken more than a minute. A node
   * this process started is asked only once its log names the port it bound (which may not
   * be the one it was given, and a process that took that one could be another network's
   * node), and is followed there.
   */
  async waitForRpc(timeoutMs = RPC_WAIT_MS, names = this.names) {
    const deadline = Date.now() + timeoutMs;
    for (const name of names) {
      for (;;) {
        const n = this.nodes.get(name);
        const bound = this.actualRpcPort(name);
        if (bound !== null && bound !== n.rpcPort) {
          console.error(`${name}: port ${n.rpcPort} was taken; the node serves RPC on ${bound}`);
          n.rpcPort = bound;
          this.save();
        }
        try {
          if (n.logFrom !== undefined && bound === null) throw new Error('the node has not said its RPC port yet');
          await rpc(this.rpcPort(name), 'system_health');
          break;
        } catch (e) {
          if (n.proc && n.proc.exitCode !== null) {
            throw new Error(`${name} exited (code ${n.proc.exitCode}); see ${this.logDir}/${name}.log`);
          }
          if (Date.now() > deadline) throw new Error(`${name}: RPC not up after ${timeoutMs} ms`);
          await sleep(250);
        }
      }
    }
  }

  /** Waits until the finalized head seen by `name` reaches `target` (or advances by `by`). */
  async waitForFinalized({ name = this.names[0], by, target, timeoutMs = 120000 }) {
    const start = (await heads(this.rpcPort(name))).finalized;
    const goal = target ?? start + (by ?? 1);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = await heads(this.rpcPort(name));
      if (h.finalized >= goal) return h;
      if (Date.now() > deadline) {
        throw new Error(
          `${name}: finalized head ${h.finalized} did not reach ${goal} in ${timeoutMs} ms (best ${h.best})`,
        );
      }
      await sleep(500);
    }
  }

  /**
   * Waits until `name` has synced with the first node (not syncing, best within one block)
   * and has then imported one more block as a synced node: its transaction pool follows the
   * chain from that block on, so what is sent to it next is checked against a block it
   * follows. `onProgress({ best, target })` is called while it catches up.
   */
  async waitForSync(name, { timeoutMs = 300000, onProgress = () => {} } = {}) {
    const deadline = Date.now() + timeoutMs;
    let caughtUpAt = null;
    for (;;) {
      const [mine, theirs, health] = await Promise.all([
        heads(this.rpcPort(name)), heads(this.rpcPort(this.names[0])), rpc(this.rpcPort(name), 'system_health'),
      ]);
      const caughtUp = !health.isSyncing && mine.best + 1 >= theirs.best;
      if (caughtUp && caughtUpAt !== null && mine.best > caughtUpAt) return mine;
      if (caughtUp && caughtUpAt === null) caughtUpAt = mine.best;
      if (!caughtUp) caughtUpAt = null;
      if (Date.now() > deadline) {
        throw new Error(`${name} did not sync in ${timeoutMs / 1000} s (best #${mine.best} of #${theirs.best}); ` +
          `see ${this.logDir}/${name}.log`);
      }
      onProgress({ best: mine.best, target: theirs.best });
      await sleep(1000);
    }
  }

  /** Reads a saved network back (for `devnet.sh stop|status`). */
  static load(dir) {
    const file = path.join(path.resolve(dir), 'network.json');
    if (!fs.existsSync(file)) return null;
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  }

  /** A running, detached network as saved by `save()`, to add nodes to (`devnet.sh join`). */
  static restore(dir, bin) {
    const saved = Network.load(dir);
    if (!saved) return null;
    const network = new Network({
      bin,
      dir: saved.dir,
      nodes: 1,
      chain: saved.chain,
      detached: true,
      runtimeOverrides: saved.runtimeOverrides,
      archive: saved.archive ?? false,
      wasmtimeCache: saved.wasmtimeCache ?? null,
      spec: saved.spec ?? null,
    });
    network.names = saved.nodes.map((n) => n.name);
    for (const n of saved.nodes) {
      network.nodes.set(n.name, {
        ...n,
        keyFile: n.keyFile ?? path.join(saved.dir, 'keys', `${n.name}.node-key`),
        devKeys: n.devKeys ?? true,
        proc: null,
      });
    }
    return network;
  }
}
