// What the agent's end-to-end files share: a 4-validator network on loopback with provider
// agents (scripts/lib/agents.mjs), the market events of every finalized block, and the
// requester's command. Each file calls `useAgentNetwork` once and runs on its own network, so
// the files run side by side. Not a test file itself.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { AGENT_BIN, Agents } from '../lib/agents.mjs';
import { connect } from '../lib/client.mjs';
import { until } from '../lib/network.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

export { AGENT_BIN, until };

export const execFileP = promisify(execFile);
/** scripts/test, where the fixtures are. */
export const here = path.dirname(new URL(import.meta.url).pathname);
export const UNIT = 10n ** 12n;

// Set by the file's `before` hook; importers see them once it has run.
export let network;
export let api;
export let agents;
let failed = false;
/** Keeps the network's folder (logs) for a look after the run. */
export const markFailed = () => {
  failed = true;
};
/** Market events of every finalized block since the start: { block, method, data }. */
export const events = [];
let unsubscribe = () => {};

/** Market events of a job, in order. */
export const jobEvents = (job, method) =>
  events.filter((e) => e.data.jobId === job && (!method || e.method === method));

async function followEvents() {
  let next = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() + 1;
  // One block at a time, in order: each notification waits for the previous one's reads.
  let queue = Promise.resolve();
  const readUpTo = async (upTo) => {
    for (; next <= upTo; next += 1) {
      const at = await api.at(await api.rpc.chain.getBlockHash(next));
      for (const { event } of await at.query.system.events()) {
        if (event.section !== 'computeMarket') continue;
        const data = {};
        event.meta.fields.forEach((f, i) => {
          data[f.name.unwrap().toString().replace(/_(\w)/g, (_, c) => c.toUpperCase())] = event.data[i].toJSON();
        });
        events.push({ block: next, method: event.method, data });
      }
    }
  };
  unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    queue = queue.then(() => readUpTo(header.number.toNumber())).catch((e) => console.error(`event log: ${e.message}`));
  });
}


/**
 * Runs `allmende-agent run` as //Bob (or `suri`), giving up after `timeoutSecs`; resolves with
 * { job, answer, stderr }.
 */
export async function runJob(args, { suri = '//Bob', dataDir, timeoutSecs = 400 } = {}) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(network.dir, 'requester-'));
  const { stdout, stderr } = await execFileP(
    AGENT_BIN,
    ['run', '--node', network.wsUrl(), '--suri', suri, '--data-dir', dir, '--timeout', String(timeoutSecs),
      '--allow-network', '127.0.0.0/8', ...args],
    { timeout: (timeoutSecs + 20) * 1000 },
  ).catch((e) => {
    throw new Error(`allmende-agent run ${args.join(' ')} failed: ${e.stderr || e.message}`);
  });
  const job = Number(/job (\d+) posted/.exec(stderr)?.[1]);
  // The command saw the job settle; wait until this test's event log has that block too.
  await until(`the events of job ${job}`, () => jobEvents(job, 'JobSettled').length > 0, 60000);
  return { job, answer: stdout.trim(), stderr };
}

/** What the workload gives when run here, off-chain (`allmende-agent exec`). */
export async function localAnswer(model, input) {
  const { stderr } = await execFileP(AGENT_BIN, ['exec', '--model', model, '--input', input], { timeout: 300000 });
  return stderr.split('  (result hash')[0].trim();
}

export const address = (name) => agents.agents.get(name).address;

/** A standing offer of `price` ALM an agent posts (`[[offers]]` in its configuration). */
export const standingOffer = (price) => ({ price, capacity: 5, validBlocks: 2000, executionPeriod: 8, revealPeriod: 6 });

/**
 * Registers the file's hooks: before its tests, a 4-validator network, agents `prepare`
 * (numbers, with `overrides` per number as `Agents.prepare` takes them, or a function of the
 * network that gives them) funded and configured,
 * and agents `start` (names) running and registered; after them, everything stopped. `spec`:
 * an async function giving the chain spec file the network starts from (the `local` chain's
 * raw spec otherwise).
 */
export function useAgentNetwork({ prepare, overrides = {}, start, spec }) {
  before(async () => {
    network = await startNetwork({ nodes: 4, spec: spec ? await spec() : undefined });
    api = await connect(network.wsUrl());
    await followEvents();
    agents = new Agents({ dir: path.join(network.dir, 'agents'), ws: network.wsUrl() });
    await agents.prepare(api, prepare, typeof overrides === 'function' ? overrides(network) : overrides);
    for (const name of start) agents.start(name);
    await agents.waitRegistered(api, { names: start });
  });

  after(async () => {
    try {
      unsubscribe();
      await agents?.stopAll();
      await api?.disconnect();
    } finally {
      if (network) await stopNetwork(network, { keep: failed });
    }
  });
}
