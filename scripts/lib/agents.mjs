// Starts provider agents (allmende-agent provide) beside a network: funds their accounts,
// writes their configuration and runs them. Used by the devnet launcher (detached agents)
// and by the end-to-end tests (attached agents that die with the test).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAmount, signer, submitAndFinalize } from './client.mjs';
import { freePort, runs, sleep } from './network.mjs';

export const AGENT_BIN = process.env.ALLMENDE_AGENT_BIN;

/** Is the process with this pid alive and an allmende agent? */
export function isOurAgent(pid) {
  return runs(pid, 'allmende-agent');
}

/** Each agent's account is //Agent<i>; it is funded with this much from //Alice. */
export const AGENT_FUNDS = '1000';

/**
 * The provider configuration of agent `i` (see agent/provider.example.toml). With `price`
 * null the agent bids on nothing: it only judges, as a member of the arbiter pool.
 */
export function agentConfig({
  ws, port, price = '1', arbiter = true, offers = [], concurrency, workloadTimeoutSecs, metricsPort, fallbackNodes,
  workerPrefix,
}) {
  const priceText = price === null ? '' : `wasm = "${price}"\nonnx = "${price}"\nmagika = "${price}"\n`;
  const offerText = offers
    .map((o) => `\n[[offers]]\nprice = "${o.price}"\ncapacity = ${o.capacity}\nvalid_blocks = ${o.validBlocks}\n` +
      `execution_period = ${o.executionPeriod}\nreveal_period = ${o.revealPeriod}\n`)
    .join('');
  return `node = "${ws}"
${fallbackNodes === undefined ? '' : `fallback_nodes = ${JSON.stringify(fallbackNodes)}\n`}suri_file = "suri"
data_dir = "data"
listen = "127.0.0.1:${port}"
endpoint = "http://127.0.0.1:${port}"
stake = "100"
arbiter = ${arbiter}
max_content_bytes = 67108864
# The providers of a network on one machine fetch from each other on loopback.
allow_networks = ["127.0.0.0/8"]
${concurrency === undefined ? '' : `concurrency = ${concurrency}\n`}${metricsPort === undefined ? '' : `metrics_listen = "127.0.0.1:${metricsPort}"\n`}${workloadTimeoutSecs === undefined ? '' : `workload_timeout_secs = ${workloadTimeoutSecs}\n`}${workerPrefix === undefined ? '' : `worker_prefix = ${JSON.stringify(workerPrefix)}\n`}
[profile]
gpu_model = "cpu"
region = 0
hardware = { gpu_count = 0, vram_gib = 0, cpu_cores = 2, ram_gib = 8 }

[price]
${priceText}${offerText}`;
}

export class Agents {
  /**
   * @param {object} o
   * @param {string} o.dir       folder for the agents' configuration, data and logs
   * @param {string} o.ws        the node the agents follow
   * @param {boolean} o.detached agents outlive this process (devnet) or die with it (tests)
   * @param {string} [o.bin]     the allmende-agent binary
   */
  constructor({ dir, ws, detached = false, bin = AGENT_BIN }) {
    if (!bin || !fs.existsSync(bin)) throw new Error(`allmende-agent binary not found: ${bin}`);
    this.bin = bin;
    this.dir = path.resolve(dir);
    this.ws = ws;
    this.detached = detached;
    // name -> { name, suri, port, dir, proc, pid, args }
    this.agents = new Map();
  }

  get logDir() {
    return path.join(this.dir, 'logs');
  }

  /**
   * Funds and configures agent `//Agent<i>` for each i in `indices` (`options` per agent:
   * price, arbiter, offers, fault, concurrency, workloadTimeoutSecs, metricsPort, workerPrefix). Funding is one finalized transfer per agent from //Alice.
   */
  async prepare(api, indices, options = {}) {
    const alice = await signer('//Alice');
    for (const i of indices) {
      const name = `agent${i}`;
      const suri = `//Agent${i}`;
      const pair = await signer(suri);
      const free = (await api.query.system.account(pair.address)).data.free.toBigInt();
      const want = parseAmount(api, AGENT_FUNDS);
      if (free < want) {
        await submitAndFinalize(api, api.tx.balances.transferKeepAlive(pair.address, want - free), alice);
      }
      const dir = path.join(this.dir, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'suri'), `${suri}\n`, { mode: 0o600 });
      const configFile = path.join(dir, 'provider.toml');
      let port;
      if (fs.existsSync(configFile)) {
        port = Number(/listen = "127\.0\.0\.1:(\d+)"/.exec(fs.readFileSync(configFile, 'utf8'))[1]);
      } else {
        port = await freePort();
      }
      const opts = options[i] ?? {};
      fs.writeFileSync(configFile, agentConfig({ ws: this.ws, port, ...opts }));
      const args = ['provide', '--config', configFile];
      if (opts.fault) args.push('--test-fault', opts.fault);
      this.agents.set(name, {
        name, suri, address: pair.address, port, dir, args, configFile, opts, arbiter: opts.arbiter ?? true,
        proc: null, pid: null, logFrom: 0,
      });
    }
  }

  /** Starts (or restarts) one agent; its output goes to `logs/<name>.log`. */
  start(name) {
    const a = this.agents.get(name);
    fs.mkdirSync(this.logDir, { recursive: true });
    const log = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
    a.logFrom = fs.fstatSync(log).size;
    const proc = spawn(this.bin, a.args, { stdio: ['ignore', log, log], detached: this.detached });
    fs.closeSync(log);
    if (this.detached) proc.unref();
    a.proc = proc;
    a.pid = proc.pid;
    return a;
  }

  startAll() {
    for (const name of this.agents.keys()) this.start(name);
  }

  /** Stops one agent (SIGTERM, or SIGKILL to cut it off mid-work) and waits until it exited. */
  async stop(name, signal = 'SIGTERM', timeoutMs = 10000) {
    const a = this.agents.get(name);
    if (!a?.pid) return;
    const deadline = Date.now() + timeoutMs;
    // The agent may exit between the check and the signal.
    const kill = (sig) => {
      try {
        if (isOurAgent(a.pid)) process.kill(a.pid, sig);
      } catch {}
    };
    kill(signal);
    while (isOurAgent(a.pid) && Date.now() < deadline) await sleep(100);
    if (isOurAgent(a.pid)) {
      kill('SIGKILL');
      while (isOurAgent(a.pid)) await sleep(100);
    }
    a.proc = null;
    a.pid = null;
  }

  async stopAll() {
    await Promise.all([...this.agents.keys()].map((name) => this.stop(name)));
  }

  /** What agent `name` logged, from byte `from` on (0: all of it). */
  log(name, from = 0) {
    const file = path.join(this.logDir, `${name}.log`);
    return fs.existsSync(file) ? fs.readFileSync(file).subarray(from).toString('utf8') : '';
  }

  /**
   * Waits until every agent runs and answers on its endpoint, and is a registered provider
   * (and in the arbiter pool when its configuration says so), reading the chain. After a
   * restart the chain already has the registration: the endpoint shows the agent is up.
   */
  async waitRegistered(api, { timeoutMs = 120000, names = [...this.agents.keys()] } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (const name of names) {
      const a = this.agents.get(name);
      for (;;) {
        const p = await api.query.computeMarket.providers(a.address);
        const healthy = await fetch(`http://127.0.0.1:${a.port}/health`, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok, () => false);
        if (healthy && p.isSome && (!a.arbiter || p.unwrap().arbiterSlot.isSome)) break;
        if (a.proc && a.proc.exitCode !== null) {
          if (await this.rebindIfTaken(name)) continue;
          throw new Error(`${name} exited (code ${a.proc.exitCode}); see ${this.logDir}/${name}.log`);
        }
        if (Date.now() > deadline) throw new Error(`${name} did not register in ${timeoutMs} ms; see ${this.logDir}/${name}.log`);
        await sleep(500);
      }
    }
  }

  /**
   * Restarts agent `name` on fresh ports when it exited because a port it was given had been
   * taken between `freePort` looking and the agent binding it (another network's node or
   * agent can take it in that gap). Returns whether it restarted; at most three times per
   * agent, so a port that is taken for another reason still fails the caller.
   */
  async rebindIfTaken(name) {
    const a = this.agents.get(name);
    const taken = /cannot listen on 127\.0\.0\.1:(\d+): Address already in use/.exec(this.log(name, a.logFrom ?? 0));
    if (!taken || (a.rebinds ?? 0) >= 3) return false;
    a.rebinds = (a.rebinds ?? 0) + 1;
    const port = Number(taken[1]);
    if (port === a.port) {
      a.port = await freePort();
    } else if (port === a.opts.metricsPort) {
      a.opts = { ...a.opts, metricsPort: await freePort() };
    } else {
      return false;
    }
    fs.writeFileSync(a.configFile, agentConfig({ ws: this.ws, ...a.opts, port: a.port }));
    fs.appendFileSync(path.join(this.logDir, `${name}.log`), `(test harness: port ${port} was taken; restarting on other ports)\n`);
    this.start(name);
    return true;
  }

  /** What `devnet.sh stop|status` needs to find the agents again. */
  saved() {
    return [...this.agents.values()].map(({ name, address, port, pid, dir }) => ({ name, address, port, pid, dir }));
  }
}

/** Starts `allmende-agent host`; resolves once it printed its asset: { proc, asset, url, hash, log }. */
export async function startHost(args) {
  const proc = spawn(AGENT_BIN, ['host', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`allmende-agent host did not start: ${err}`)), 120000);
    proc.on('exit', (code) => reject(new Error(`allmende-agent host exited ${code}: ${err}`)));
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /asset (\d+): .* \((0x[0-9a-f]{64})\), .* served at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // `log()`: what the host has written to stderr so far.
        resolve({ proc, asset: Number(m[1]), hash: m[2], url: m[3], log: () => err });
      }
    });
  });
}
