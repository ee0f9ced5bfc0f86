// What the market's end-to-end files share: a 4-validator network with provider, arbiter and
// requester accounts, and helpers that send transactions, record the fees each account paid,
// and check balances by exact amounts. Each file calls `marketSuite` once and runs on its own
// network, so the files run side by side. Not a test file itself.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { u8aConcat } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { connect, signer, submit } from '../lib/client.mjs';
import { leastBond } from '../lib/market.mjs';
import { sleep } from '../lib/network.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const run = promisify(execFile);
export const UNIT = 10n ** 12n;
export const ALM = (n) => BigInt(Math.round(n * 1000)) * (UNIT / 1000n);

export let network;
export let api;
/** Burnt from each payment that earns a reputation point. */
export let fee;
/** The storage deposit every job holds until pruned. */
export let deposit;
let failed = false;
export const keys = {};
/** Fees each account paid for the transactions this test sent. */
export const fees = new Map();
/** Fee recordings still waiting for their transaction's final block. */
export const pendingFees = new Set();

export const text = (s) => `0x${Buffer.from(s, 'utf8').toString('hex')}`;

/** Runs one of the client scripts against the test network; resolves with its stdout. */
export async function script(name, ...args) {
  const { stdout } = await run('node', [path.join(here, '..', name), '--ws', network.wsUrl('alice'), ...args], {
    timeout: 180000,
  });
  return stdout;
}

export function recordFee(events) {
  for (const { event } of events) {
    if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') {
      const who = event.data.who.toString();
      fees.set(who, (fees.get(who) ?? 0n) + event.data.actualFee.toBigInt() + event.data.tip.toBigInt());
    }
  }
}

/**
 * Sends `tx` signed by `pair` with the scripts' `submit` (in a block with `until: 'block'`,
 * final by default) and records the fee it paid, also when it fails. The fee is taken from
 * the block that finalized the transaction: a block it was first included in may be
 * retracted by a fork, and its fee differ where it is included again.
 */
export async function send(tx, pair, { until = 'final' } = {}) {
  const record = (final) => {
    const p = final.then(({ events }) => recordFee(events));
    pendingFees.add(p);
    p.finally(() => pendingFees.delete(p)).catch(() => {});
  };
  try {
    const done = await submit(api, tx, pair, { until, timeoutMs: 180000, followFinal: true });
    record(done.final);
    return done;
  } catch (e) {
    if (e.final) record(e.final);
    throw e;
  }
}

/** Waits until the fee of every transaction sent so far is recorded from its final block. */
export async function feesFinal() {
  await Promise.all([...pendingFees]);
}

export const event = (events, section, method) =>
  events.map((r) => r.event).find((e) => e.section === section && e.method === method);

export async function free(who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}

/** Held amounts of `who` by reason name, e.g. { JobEscrow: 5n }. */
export async function holds(who) {
  const out = {};
  for (const h of await api.query.balances.holds(who)) {
    const reason = Object.values(h.id.toJSON())[0];
    out[reason] = (out[reason] ?? 0n) + h.amount.toBigInt();
  }
  return out;
}

/** Free balances of the named accounts, with the fees they paid so far. */
export async function snapshot(names) {
  await feesFinal();
  const s = {};
  for (const n of names) s[n] = { free: await free(keys[n].address), fees: fees.get(keys[n].address) ?? 0n };
  return s;
}

/** Asserts each account's free balance moved by exactly `delta` plus the fees it paid. */
export async function assertMoved(before, deltas) {
  await feesFinal();
  for (const [n, delta] of Object.entries(deltas)) {
    const who = keys[n].address;
    const paid = (fees.get(who) ?? 0n) - before[n].fees;
    assert.equal(await free(who), before[n].free + delta - paid, `${n} moved by ${delta} (fees ${paid})`);
  }
}

/** Waits until the job's status (as finalized) is one of `statuses`, in `round` if given. */
export async function waitForStatus(jobId, statuses, { round, timeoutMs = 240000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const finalized = await api.rpc.chain.getFinalizedHead();
    const at = await api.at(finalized);
    const job = await at.query.computeMarket.jobs(jobId);
    const status = job.isSome ? job.unwrap().status.type : null;
    const inRound = !round || (job.isSome && job.unwrap().round.type === round);
    if (statuses.includes(status) && inRound) return status;
    assert.ok(Date.now() < deadline, `job ${jobId} reached ${statuses} (now ${status})`);
    await sleep(1500);
  }
}

export async function job(jobId) {
  return (await api.call.computeMarketApi.job(jobId)).unwrap();
}

/** Waits until the best block is at least `n`. */
export async function waitForBlock(n) {
  while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(1000);
}

export function spec({ replicas = 1, maxPrice = ALM(10), bidding = 10, execution = 6, reveal = 6, assets = [], maxRoyalties = 0n, kind = 'Onnx' } = {}) {
  return {
    workload: { kind, content: { hash: blake2AsHex('model'), uri: text('ipfs://model'), size: 1 << 20 } },
    input: { hash: blake2AsHex('input'), uri: text('ipfs://input'), size: 1 << 10 },
    requirements: { gpuCount: 1, vramGib: 16, cpuCores: 4, ramGib: 16 },
    region: null,
    replicas,
    maxPrice,
    biddingPeriod: bidding,
    executionPeriod: execution,
    revealPeriod: reveal,
    minReputation: null,
    assets,
    maxRoyalties,
    tolerance: null,
  };
}

export const resultHash = (n) => blake2AsHex(`result-${n}`);
export const saltOf = (name) => blake2AsHex(`salt-${name}`);
export const commitment = (hash, name) => blake2AsHex(u8aConcat(hash, saltOf(name), decodeAddress(keys[name].address)));

/**
 * Posts a job and returns its id once finalized: an id read from a best block can belong to
 * a fork that is retracted (two BABE authors in one slot), and bids then meet no job.
 */
export async function postJob(requester, s) {
  const { events } = await send(api.tx.computeMarket.postJob(s), keys[requester]);
  return event(events, 'computeMarket', 'JobPosted').data.jobId.toNumber();
}

/** The drawn arbiters of a challenged or disputed job, by test name, once drawn. */
export async function drawnArbiters(jobId) {
  await waitForStatus(jobId, ['Committing'], { round: 'Arbitration' });
  const byAddress = Object.fromEntries(Object.entries(keys).map(([n, k]) => [k.address, n]));
  const drawn = (await job(jobId)).assignments.map((a) => byAddress[a.provider.toString()]);
  assert.equal(drawn.length, api.consts.computeMarket.arbiterReplicas.toNumber());
  assert.ok(drawn.every(Boolean), `every arbiter is one of the test's accounts: ${drawn}`);
  return drawn;
}

/**
 * The drawn arbiters commit and reveal `resultOf(name)`, each with the verdict of an arbiter
 * whose own result that is: a disputed replica agrees when it revealed exactly that.
 */
export async function arbitrate(jobId, drawn, resultOf) {
  const disputed = (await api.query.computeMarket.disputed(jobId)).unwrap();
  const agrees = (n) => disputed.map((a) => a.reveal.isSome && a.reveal.unwrap().resultHash.toHex() === resultHash(resultOf(n)));
  const agreesOf = (n) => agrees(n).map((yes) => (yes ? 'Agrees' : 'Differs'));
  // SCALE: a compact length, then a byte per replica (Differs 0, Agrees 1).
  const verdictCommitment = (n) => blake2AsHex(u8aConcat(
    resultHash(resultOf(n)), saltOf(n), decodeAddress(keys[n].address), api.createType('Vec<u8>', agrees(n).map(Number)).toU8a()));
  await Promise.all(drawn.map((n) =>
    send(api.tx.computeMarket.commitResult(jobId, verdictCommitment(n)), keys[n], { until: 'block' })));
  await waitForStatus(jobId, ['Revealing'], { round: 'Arbitration' });
  await Promise.all(drawn.map((n) =>
    send(api.tx.computeMarket.revealVerdict(jobId, resultHash(resultOf(n)), agreesOf(n), saltOf(n), text(`ipfs://out-${n}`)), keys[n], { until: 'block' })));
}

/** What `name` gained (free balance) since `before`, not counting the fees it paid. */
export async function gained(before, name) {
  await feesFinal();
  const who = keys[name].address;
  return (await free(who)) - before[name].free + ((fees.get(who) ?? 0n) - before[name].fees);
}

/** The least bond of a bid on job `jobId`. */
export async function bondFor(jobId) {
  return leastBond(api, (await api.query.computeMarket.jobs(jobId)).unwrap().spec.maxPrice.toBigInt());
}

/** Providers bid, then (after assignment) commit and reveal `results` (name → result no.). */
export async function runJob(jobId, bids, results, { onAssigned } = {}) {
  const bond = await bondFor(jobId);
  await Promise.all(Object.entries(bids).map(([n, price]) =>
    send(api.tx.computeMarket.placeBid(jobId, price, bond), keys[n], { until: 'block' })));
  await waitForStatus(jobId, ['Committing']);
  if (onAssigned) await onAssigned();
  await Promise.all(Object.entries(results).map(([n, r]) =>
    send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(r), n)), keys[n], { until: 'block' })));
  await waitForStatus(jobId, ['Revealing']);
  await Promise.all(Object.entries(results).map(([n, r]) =>
    send(api.tx.computeMarket.revealResult(jobId, resultHash(r), saltOf(n), text(`ipfs://out-${n}`)), keys[n], { until: 'block' })));
}

/**
 * The file's suite: before its steps a network with the accounts above registered (four
 * providers that bid, the arbiter pool with a second account of Alice's in it), after them
 * everything stopped. `body(step)` declares the steps, `step(name, fn, options)`, which run in
 * order; a failed step keeps the network's folder.
 */
export function marketSuite(title, body) {
  describe(title, { timeout: 1800000 }, () => {
    before(async () => {
      network = await startNetwork({ nodes: 4 });
      api = await connect(network.wsUrl('alice'));
      for (const n of ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie']) {
        keys[n] = await signer(`//${n[0].toUpperCase()}${n.slice(1)}`);
      }
      // Three honest arbiters, and a second account of Alice's (the requester's) that sits in
      // the arbiter pool too.
      for (const n of ['arb1', 'arb2', 'arb3']) keys[n] = await signer(`//Allmende//${n}`);
      keys.sybil = await signer('//Alice//sybil');
      for (const n of ['arb1', 'arb2', 'arb3', 'sybil']) {
        await send(api.tx.balances.transferKeepAlive(keys[n].address, ALM(1000)), keys.alice, { until: 'block' });
      }
      // Providers with identical hardware: four that bid, and the arbiter pool (Alice is in
      // it too, and is never drawn for her own jobs).
      const register = (n) => send(api.tx.computeMarket.registerProvider(ALM(100), {
        gpuModel: text('A100-80GB'),
        hardware: { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 },
        region: 276,
        endpoint: text(`https://${n}.example`),
      }), keys[n]);
      const pool = ['alice', 'sybil', 'arb1', 'arb2', 'arb3'];
      await Promise.all(['bob', 'charlie', 'dave', 'eve', ...pool].map(register));
      await Promise.all(pool.map((n) => send(api.tx.computeMarket.joinArbiterPool(), keys[n])));
      fee = api.consts.computeMarket.reputationFee.toBigInt();
      deposit = api.consts.computeMarket.jobDeposit.toBigInt();
    });

    after(async () => {
      if (api) await api.disconnect();
      if (network) await stopNetwork(network, { keep: failed });
    });

    // `options` go to `test` (`concurrency: true` runs the step's subtests side by side);
    // `fn` gets the test context.
    const step = (name, fn, options = {}) =>
      test(name, { timeout: 600000, ...options }, async (t) => {
        try {
          await fn(t);
        } catch (e) {
          failed = true;
          throw e;
        }
      });

    body(step);
  });
}
