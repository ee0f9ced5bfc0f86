#!/usr/bin/env node
// What a provider agent's CPU pays for jobs it does not bid on: every job posted on an open
// market reaches every agent, and a flood of jobs nobody can take must cost an agent little.
// See agent/README.md "Measured".
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { flags, wholeNumber } from './lib/cli.mjs';
import { connect, parseAmount, signer, submitAndFinalize } from './lib/client.mjs';
import { freePort, sleep } from './lib/network.mjs';
import { startNetwork, stopNetwork } from './lib/testnet.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

const USAGE = `Usage: node scripts/agent-cpu.mjs [--jobs N] [--bids] [--idle S] [--agent-bin PATH] [--json]

Starts a one-validator chain of the load spec (ALLMENDE_NODE_BIN) and one provider agent
(a CPU machine), lets the agent idle for S seconds to measure what following blocks costs
it, then posts N jobs that ask for a GPU (scripts/load.mjs --phases post_job, one job per
sender) and waits until the agent's log has declined every one. It prints the agent's CPU
time (user + system, from /proc) from the first job posted to the last one declined, less
the idle rate over the same time, per 1,000 jobs. With --bids, other providers then bid on
every one of those jobs (load.mjs's place_bid phase): what the agent pays for the events of
jobs it does not work on, counted until the bids' last block is final and 30 s more. The
agent's configuration uses only keys every agent version knows, so an older build can be
measured the same way.

Flags:
  --jobs N          jobs to post (default 1000)
  --bids            then a bid by another provider on each of them
  --idle S          seconds of idling measured first (default 60)
  --agent-bin PATH  the allmende-agent binary (default ALLMENDE_AGENT_BIN)
  --timeout S       give up when the agent has not declined them all after S seconds (default 900)
  --json            print the result as JSON on stdout (progress goes to stderr)
  -h, --help        this text`;

function options() {
  const v = flags(USAGE, {
    jobs: { type: 'string', default: '1000' },
    bids: { type: 'boolean', default: false },
    idle: { type: 'string', default: '60' },
    'agent-bin': { type: 'string', default: process.env.ALLMENDE_AGENT_BIN },
    timeout: { type: 'string', default: '900' },
    json: { type: 'boolean', default: false },
  });
  if (!v['agent-bin'] || !fs.existsSync(v['agent-bin'])) {
    console.error(`error: --agent-bin ${v['agent-bin']}: no such binary (build it, or source scripts/env.sh)\n\n${USAGE}`);
    process.exit(2);
  }
  return {
    jobs: wholeNumber(USAGE, 'jobs', v.jobs),
    bids: v.bids,
    idleMs: wholeNumber(USAGE, 'idle', v.idle) * 1000,
    bin: path.resolve(v['agent-bin']),
    timeoutMs: wholeNumber(USAGE, 'timeout', v.timeout) * 1000,
    json: v.json,
  };
}

const say = (line) => process.stderr.write(`${line}\n`);
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU seconds (user + system) process `pid` has used. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces), from field 3 (state) on.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / TICKS;
}

/** The jobs the agent's log says it does not bid on. */
function declined(log) {
  const ids = new Set();
  for (const m of fs.readFileSync(log, 'utf8').matchAll(/not bidding on job (\d+):/g)) ids.add(m[1]);
  return ids.size;
}

async function main() {
  const opts = options();
  say('starting a one-validator chain of the load spec');
  const network = await startNetwork({ nodes: 1, chain: 'load' });
  let agent = null;
  try {
    const ws = network.wsUrl();
    const api = await connect(ws);
    const pair = await signer('//Agent1');
    await submitAndFinalize(api, api.tx.balances.transferKeepAlive(pair.address, parseAmount(api, '1000')), await signer('//Alice'));
    const dir = path.join(network.dir, 'agent');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'suri'), '//Agent1\n');
    const port = await freePort();
    // Keys every agent version knows: a CPU machine that prices every kind.
    fs.writeFileSync(path.join(dir, 'provider.toml'), `node = "${ws}"
suri_file = "suri"
data_dir = "data"
listen = "127.0.0.1:${port}"
endpoint = "http://127.0.0.1:${port}"
stake = "100"
arbiter = false
max_content_bytes = 67108864

[profile]
gpu_model = "cpu"
region = 0
hardware = { gpu_count = 0, vram_gib = 0, cpu_cores = 2, ram_gib = 8 }

[price]
wasm = "1"
onnx = "1"
magika = "1"
`);
    const log = path.join(dir, 'agent.log');
    const out = fs.openSync(log, 'a');
    agent = spawn(opts.bin, ['provide', '--config', path.join(dir, 'provider.toml')], { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    say(`agent ${opts.bin} (pid ${agent.pid}), log ${log}`);
    const registered = Date.now() + 120000;
    while ((await api.query.computeMarket.providers(pair.address)).isNone) {
      if (agent.exitCode !== null) throw new Error(`the agent exited (${agent.exitCode}); see ${log}`);
      if (Date.now() > registered) throw new Error(`the agent did not register in 120 s; see ${log}`);
      await sleep(1000);
    }
    // Settled after registering (and posting nothing): then the idle rate.
    await sleep(12000);
    say(`measuring the agent idle for ${opts.idleMs / 1000} s`);
    const idle0 = { cpu: cpuSeconds(agent.pid), at: Date.now() };
    await sleep(opts.idleMs);
    const start = { cpu: cpuSeconds(agent.pid), at: Date.now() };
    const idleRate = (start.cpu - idle0.cpu) / ((start.at - idle0.at) / 1000);
    say(`idle: ${(idleRate * 100).toFixed(2)} % of a core; posting ${opts.jobs} jobs`);
    const posting = new Promise((resolve, reject) => {
      execFile(process.execPath, [path.join(here, 'load.mjs'), '--ws', ws, '--senders', String(opts.jobs),
        '--phases', opts.bids ? 'post_job,place_bid' : 'post_job', '--blocks', '1', '--json'], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`load.mjs failed: ${stderr.trim().split('\n').pop() || err.message}`));
        else resolve(stdout);
      });
    });
    let seen = 0;
    let last = Date.now();
    const deadline = Date.now() + opts.timeoutMs;
    let posted = false;
    posting.then(() => { posted = true; }, () => {});
    while (seen < opts.jobs) {
      if (agent.exitCode !== null) throw new Error(`the agent exited (${agent.exitCode}); see ${log}`);
      if (Date.now() > deadline) throw new Error(`the agent declined ${seen} of ${opts.jobs} jobs in ${opts.timeoutMs / 1000} s; see ${log}`);
      await sleep(500);
      const now = declined(log);
      if (now !== seen) {
        seen = now;
        if (Date.now() - last > 5000) {
          last = Date.now();
          say(`declined ${seen}/${opts.jobs}${posted ? '' : ' (still posting)'}`);
        }
      }
    }
    if (opts.bids) {
      say('waiting for the bids');
      await posting;
      // The agent follows finalized blocks: the bids' last block reaches it a few blocks
      // after load.mjs saw it.
      await sleep(30000);
    }
    const end = { cpu: cpuSeconds(agent.pid), at: Date.now() };
    await posting;
    const seconds = (end.at - start.at) / 1000;
    const used = end.cpu - start.cpu;
    const beyondIdle = used - idleRate * seconds;
    const result = {
      agent: opts.bin,
      jobs: opts.jobs,
      bids: opts.bids,
      seconds: Number(seconds.toFixed(1)),
      cpuSeconds: Number(used.toFixed(2)),
      idleCpuPercent: Number((idleRate * 100).toFixed(2)),
      cpuSecondsBeyondIdle: Number(beyondIdle.toFixed(2)),
      cpuSecondsPer1000Jobs: Number((beyondIdle * 1000 / opts.jobs).toFixed(2)),
    };
    if (opts.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`${opts.jobs} jobs declined${opts.bids ? ' and bid on by others' : ''} in ${result.seconds} s: the agent used ${result.cpuSeconds} CPU-seconds, ` +
        `${result.cpuSecondsBeyondIdle} beyond its idle rate (${result.idleCpuPercent} % of a core): ` +
        `${result.cpuSecondsPer1000Jobs} CPU-seconds per 1,000 jobs`);
    }
    await api.disconnect();
  } finally {
    if (agent && agent.exitCode === null) agent.kill('SIGKILL');
    await stopNetwork(network);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
