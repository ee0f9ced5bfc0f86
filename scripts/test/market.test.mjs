// End-to-end tests of the compute market and data registry through polkadot.js, on a real
// 4-validator network. Every step waits for finalization; balances and holds are checked by
// exact amounts (transaction fees are read from each transaction's own events).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { u8aConcat } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { ChainError, connect, signer, submit } from '../lib/client.mjs';
import { heads, rpc, sleep } from '../lib/network.mjs';
import { leastBond } from '../lib/market.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const UNIT = 10n ** 12n;
const ALM = (n) => BigInt(Math.round(n * 1000)) * (UNIT / 1000n);

let network;
let api;
/** Burnt from each payment that earns a reputation point. */
let fee;
/** The storage deposit every job holds until pruned. */
let deposit;
let failed = false;
const keys = {};
/** Fees each account paid for the transactions this test sent. */
const fees = new Map();
/** Fee recordings still waiting for their transaction's final block. */
const pendingFees = new Set();

const text = (s) => `0x${Buffer.from(s, 'utf8').toString('hex')}`;

/** Runs one of the client scripts against the test network; resolves with its stdout. */
async function script(name, ...args) {
  const { stdout } = await run('node', [path.join(here, '..', name), '--ws', network.wsUrl('alice'), ...args], {
    timeout: 180000,
  });
  return stdout;
}

function recordFee(events) {
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
async function send(tx, pair, { until = 'final' } = {}) {
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
async function feesFinal() {
  await Promise.all([...pendingFees]);
}

const event = (events, section, method) =>
  events.map((r) => r.event).find((e) => e.section === section && e.method === method);

async function free(who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}

/** Held amounts of `who` by reason name, e.g. { JobEscrow: 5n }. */
async function holds(who) {
  const out = {};
  for (const h of await api.query.balances.holds(who)) {
    const reason = Object.values(h.id.toJSON())[0];
    out[reason] = (out[reason] ?? 0n) + h.amount.toBigInt();
  }
  return out;
}

/** Free balances of the named accounts, with the fees they paid so far. */
async function snapshot(names) {
  await feesFinal();
  const s = {};
  for (const n of names) s[n] = { free: await free(keys[n].address), fees: fees.get(keys[n].address) ?? 0n };
  return s;
}

/** Asserts each account's free balance moved by exactly `delta` plus the fees it paid. */
async function assertMoved(before, deltas) {
  await feesFinal();
  for (const [n, delta] of Object.entries(deltas)) {
    const who = keys[n].address;
    const paid = (fees.get(who) ?? 0n) - before[n].fees;
    assert.equal(await free(who), before[n].free + delta - paid, `${n} moved by ${delta} (fees ${paid})`);
  }
}

/** Waits until the job's status (as finalized) is one of `statuses`, in `round` if given. */
async function waitForStatus(jobId, statuses, { round, timeoutMs = 240000 } = {}) {
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

async function job(jobId) {
  return (await api.call.computeMarketApi.job(jobId)).unwrap();
}

/** Waits until the best block is at least `n`. */
async function waitForBlock(n) {
  while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(1000);
}

function spec({ replicas = 1, maxPrice = ALM(10), bidding = 10, execution = 6, reveal = 6, assets = [], maxRoyalties = 0n, kind = 'Onnx' } = {}) {
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

const resultHash = (n) => blake2AsHex(`result-${n}`);
const saltOf = (name) => blake2AsHex(`salt-${name}`);
const commitment = (hash, name) => blake2AsHex(u8aConcat(hash, saltOf(name), decodeAddress(keys[name].address)));

/**
 * Posts a job and returns its id once finalized: an id read from a best block can belong to
 * a fork that is retracted (two BABE authors in one slot), and bids then meet no job.
 */
async function postJob(requester, s) {
  const { events } = await send(api.tx.computeMarket.postJob(s), keys[requester]);
  return event(events, 'computeMarket', 'JobPosted').data.jobId.toNumber();
}

/** The drawn arbiters of a challenged or disputed job, by test name, once drawn. */
async function drawnArbiters(jobId) {
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
async function arbitrate(jobId, drawn, resultOf) {
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
async function gained(before, name) {
  await feesFinal();
  const who = keys[name].address;
  return (await free(who)) - before[name].free + ((fees.get(who) ?? 0n) - before[name].fees);
}

/** The least bond of a bid on job `jobId`. */
async function bondFor(jobId) {
  return leastBond(api, (await api.query.computeMarket.jobs(jobId)).unwrap().spec.maxPrice.toBigInt());
}

/** Providers bid, then (after assignment) commit and reveal `results` (name → result no.). */
async function runJob(jobId, bids, results, { onAssigned } = {}) {
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

describe('the compute market through polkadot.js', { timeout: 1800000 }, () => {
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

  const step = (name, fn) =>
    test(name, { timeout: 600000 }, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('k = 3, three honest providers (one validator killed meanwhile): all paid the clearing price, rest refunded', async () => {
    const before = await snapshot(['alice', 'bob', 'charlie', 'dave']);
    const jobId = await postJob('alice', spec({ replicas: 3, maxPrice: ALM(10) }));
    assert.equal((await holds(keys.alice.address)).JobEscrow, ALM(30));
    await runJob(jobId, { bob: ALM(5), charlie: ALM(6), dave: ALM(7) }, { bob: 1, charlie: 1, dave: 1 }, {
      // Test 7: a validator dies in the middle of the job; the job still completes.
      onAssigned: () => network.stopNode('dave', 'SIGKILL'),
    });
    // The replicas agree: their result stands after its challenge window, or at once when the
    // requester accepts it.
    assert.equal(await waitForStatus(jobId, ['ChallengeWindow']), 'ChallengeWindow');
    await send(api.tx.computeMarket.acceptResult(jobId), keys.alice, { until: 'block' });
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    network.startNode('dave');
    // Three bids for three replicas: all win, each paid the clearing price (the dearest of
    // the three, 7 ALM), whatever it asked. Alice's job also holds its storage deposit until
    // it is pruned.
    await assertMoved(before, { alice: -ALM(21) - deposit, bob: ALM(7) - fee, charlie: ALM(7) - fee, dave: ALM(7) - fee });
    for (const n of ['alice', 'bob', 'charlie', 'dave']) {
      const h = await holds(keys[n].address);
      assert.equal(h.JobEscrow ?? 0n, 0n, `${n} escrow released`);
      assert.equal(h.BidBond ?? 0n, 0n, `${n} bond released`);
    }
    const out = await script('job.mjs', String(jobId));
    assert.match(out, /Settled/);
    assert.match(out, new RegExp(`agreed: .*${keys.bob.address}`));
  });

  step('k = 3 with one provider revealing a different result: disputed, drawn arbiters decide, it is slashed', async () => {
    const before = await snapshot(['alice', 'bob', 'charlie', 'dave', 'sybil', 'arb1', 'arb2', 'arb3']);
    const jobId = await postJob('alice', spec({ replicas: 3, maxPrice: ALM(10) }));
    await runJob(jobId, { bob: ALM(5), charlie: ALM(6), dave: ALM(7) }, { bob: 1, charlie: 1, dave: 2 });
    const drawn = await drawnArbiters(jobId);
    assert.ok(!drawn.some((n) => ['alice', 'bob', 'charlie', 'dave'].includes(n)), `no party drawn: ${drawn}`);
    await arbitrate(jobId, drawn, () => 1);
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    // Dave's bond (max(10 % of the max price 10, 1) = 1 ALM) and his unpaid price (7 ALM,
    // the clearing price) pay the three arbiters (each owed up to 7 ALM), shared evenly;
    // nothing goes to the requester, who pays the 21 ALM it accepted.
    await assertMoved(before, { alice: -ALM(21) - deposit, bob: ALM(7) - fee, charlie: ALM(7) - fee, dave: -ALM(1) });
    let arbiters = 0n;
    for (const n of drawn) arbiters += await gained(before, n);
    assert.equal(arbiters, ALM(8) - 3n * fee);
    const details = await job(jobId);
    assert.deepEqual(details.result.unwrap().agreed.map(String).sort(),
      [keys.bob.address, keys.charlie.address, ...drawn.map((n) => keys[n].address)].sort());
  });

  step('k = 1 via accept_offer: unchallenged is paid after the window; a challenge the drawn arbiters reject pays the honest provider', async () => {
    // Unchallenged. The offer says the provider needs 6 blocks to run and 6 to reveal.
    let out = await script('post-offer.mjs', '--suri', '//Bob', '--price', '4', '--capacity', '2',
      '--execution', '6', '--reveal', '6');
    const offerId = Number(/offer id: (\d+)/.exec(out)[1]);
    let before = await snapshot(['alice', 'bob']);
    out = await script('accept-offer.mjs', '--suri', '//Alice', '--offer', String(offerId),
      '--workload-uri', 'ipfs://model', '--input-uri', 'ipfs://input', '--max-price', '5',
      '--workload-size', String(1 << 20), '--input-size', '1024',
      '--bidding', '6', '--execution', '6', '--reveal', '6');
    let jobId = Number(/job id: (\d+)/.exec(out)[1]);
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await send(api.tx.computeMarket.revealResult(jobId, resultHash(1), saltOf('bob'), text('ipfs://out')), keys.bob, { until: 'block' });
    assert.equal(await waitForStatus(jobId, ['ChallengeWindow', 'Settled']), 'ChallengeWindow');
    assert.equal(await waitForStatus(jobId, ['Settled']), 'Settled');
    // Fees of the scripts' transactions are not in `fees`; compare through holds and Bob.
    await assertMoved(before, { bob: ALM(4) - fee });

    // A requester cannot give the provider less time than its offer says.
    await assert.rejects(
      send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5), execution: 5 })), keys.alice),
      (e) => /^computeMarket\.PeriodsBelowOffer: /.test(e.message),
    );
    // Nor a workload kind it does not offer (post-offer.mjs offers Wasm and Onnx).
    await assert.rejects(
      send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5), kind: 'Container' })), keys.alice),
      (e) => /^computeMarket\.WorkloadKindNotOffered: /.test(e.message),
    );

    // Challenged: the chain draws the arbiters from a pool in which the requester and its
    // second account sit. Alice is never drawn for her own job; her second account may be,
    // and then reveals a wrong result, but cannot outvote two honest arbiters.
    const coalition = ['alice', 'sybil'];
    before = await snapshot(['alice', 'bob', 'sybil', 'arb1', 'arb2', 'arb3']);
    const { events } = await send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5) })), keys.alice);
    jobId = event(events, 'computeMarket', 'OfferAccepted').data.jobId.toNumber();
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await send(api.tx.computeMarket.revealResult(jobId, resultHash(1), saltOf('bob'), text('ipfs://out')), keys.bob, { until: 'block' });
    await waitForStatus(jobId, ['ChallengeWindow']);
    out = await script('challenge.mjs', '--suri', '//Alice', '--job', String(jobId));
    assert.match(out, /challenge bond: 50/);
    const drawn = await drawnArbiters(jobId);
    assert.ok(!drawn.includes('alice') && !drawn.includes('bob'), `no party drawn: ${drawn}`);
    console.log(`# drawn arbiters of the challenged job: ${drawn.join(', ')}`);
    await arbitrate(jobId, drawn, (n) => (n === 'sybil' ? 2 : 1));
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    const details = await job(jobId);
    assert.equal(details.result.unwrap().resultHash.toHex(), resultHash(1));
    // The honest provider is paid its price; every honest arbiter the price the work was sold
    // for (4 ALM, not the job's max price of 5) from the forfeited challenge bond (and the
    // second account's slashed bond, if drawn).
    await assertMoved(before, { bob: ALM(4) - fee });
    for (const n of drawn.filter((d) => d !== 'sybil')) assert.equal(await gained(before, n), ALM(4) - fee, `${n} paid`);
    const together = async () => { let sum = 0n; for (const n of coalition) sum += await gained(before, n); return sum; };
    // Alice paid the price and lost the challenge bond (her script's fees are not counted in
    // `fees`, so compare with at most); her second account gained nothing.
    assert.ok(await together() <= -ALM(54), 'the requester and its second account lost the bond and the price');
    assert.equal(await gained(before, 'sybil'), drawn.includes('sybil') ? -ALM(1) : 0n);
  });

  step('a job nobody bids on expires by its deadline with no call; escrow refunded, deposit held until pruned', async () => {
    const before = await snapshot(['alice']);
    const deposits = (await holds(keys.alice.address)).JobDeposit ?? 0n;
    const jobId = await postJob('alice', spec({ replicas: 2, maxPrice: ALM(3), bidding: 4 }));
    assert.equal(await waitForStatus(jobId, ['Expired']), 'Expired');
    await assertMoved(before, { alice: -deposit });
    const h = await holds(keys.alice.address);
    assert.equal(h.JobEscrow ?? 0n, 0n);
    assert.equal(h.JobDeposit, deposits + deposit);
    // Its records stay for the retention period; pruning earlier is refused by name.
    await assert.rejects(
      script('prune-job.mjs', '--suri', '//Eve', '--job', String(jobId)),
      (e) => e.code === 1 && /computeMarket\.RetentionNotOver/.test(e.stderr),
    );
  });

  step('a permissioned dataset: denied, granted and paid, revoked', async () => {
    let out = await script('register-asset.mjs', '--suri', '//Alice', '--uri', 'ipfs://dataset',
      '--license', 'Permissioned', '--royalty', '2');
    const assetId = Number(/asset id: (\d+)/.exec(out)[1]);
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ assets: [assetId] })), keys.ferdie),
      (e) => e instanceof ChainError && /^dataRegistry\.AccessDenied/.test(e.message),
    );
    await script('grant.mjs', '--suri', '//Alice', '--asset', String(assetId), '--to', keys.ferdie.address);
    const before = await snapshot(['alice', 'ferdie', 'bob']);
    // Above the royalty the requester accepts: refused with a named error.
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ maxPrice: ALM(3), assets: [assetId], maxRoyalties: ALM(1) })), keys.ferdie),
      (e) => /^computeMarket\.RoyaltiesAboveMax: /.test(e.message),
    );
    const jobId = await postJob('ferdie', spec({ maxPrice: ALM(3), assets: [assetId], maxRoyalties: ALM(2) }));
    assert.equal((await holds(keys.ferdie.address)).JobEscrow, ALM(5));
    await runJob(jobId, { bob: ALM(3) }, { bob: 1 });
    assert.equal(await waitForStatus(jobId, ['Settled']), 'Settled');
    await assertMoved(before, { ferdie: -ALM(5) - deposit, bob: ALM(3) - fee });
    assert.equal(await free(keys.alice.address), before.alice.free + ALM(2) - ((fees.get(keys.alice.address) ?? 0n) - before.alice.fees));
    out = await script('asset.mjs', String(assetId));
    assert.match(out, /1 verified job/);
    assert.match(out, /royalties paid 2 ALM/);
    await script('revoke.mjs', '--suri', '//Alice', '--asset', String(assetId), '--from', keys.ferdie.address);
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ assets: [assetId] })), keys.ferdie),
      (e) => e instanceof ChainError && /^dataRegistry\.AccessDenied/.test(e.message),
    );
  });

  step('bad input through polkadot.js: clear errors, nothing changed, still finalizing', async () => {
    const nextJob = (await api.query.computeMarket.nextJobId()).toNumber();
    const before = await snapshot(['alice', 'bob']);
    const maxLen = api.consts.computeMarket.maxStringLen.toNumber();
    // An oversized URI: the script names the limit and exits non-zero …
    await assert.rejects(
      script('post-job.mjs', '--suri', '//Alice', '--workload-uri', 'x'.repeat(maxLen + 1), '--max-price', '1'),
      (e) => e.code === 1 && new RegExp(`--workload-uri is ${maxLen + 1} bytes; the chain allows ${maxLen}`).test(e.stderr),
    );
    // … and the chain itself refuses it: it does not decode, so the pool rejects it.
    const long = spec();
    long.workload.content.uri = text('x'.repeat(maxLen + 1));
    await assert.rejects(send(api.tx.computeMarket.postJob(long), keys.alice), /1002|Verification Error/);
    await assert.rejects(send(api.tx.computeMarket.postJob(spec({ replicas: 0 })), keys.alice),
      (e) => /^computeMarket\.InvalidReplicas: /.test(e.message));
    // Long bidding, execution and reveal periods: the bid, the commit and the checks below
    // must land in them, whatever the load (the balance check waits for the wrong reveal's
    // final block; a reveal window ending before it refunds the escrow).
    const jobId = await postJob('alice', spec({ maxPrice: ALM(2), bidding: 12, execution: 20, reveal: 30 }));
    await assert.rejects(send(api.tx.computeMarket.placeBid(jobId, ALM(3), await bondFor(jobId)), keys.bob),
      (e) => /^computeMarket\.PriceAboveMax: /.test(e.message));
    await send(api.tx.computeMarket.placeBid(jobId, ALM(2), await bondFor(jobId)), keys.bob, { until: 'block' });
    // A result hash that is not 32 bytes of hex is refused before anything is sent.
    await assert.rejects(
      script('commit.mjs', '--suri', '//Bob', '--job', String(jobId), '--result-hash', 'result-1'),
      (e) => e.code === 1 && /--result-hash 0x<64 hex digits>/.test(e.stderr),
    );
    await waitForStatus(jobId, ['Committing']);
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await waitForStatus(jobId, ['Revealing']);
    await assert.rejects(
      send(api.tx.computeMarket.revealResult(jobId, resultHash(1), blake2AsHex('wrong salt'), text('x')), keys.bob),
      (e) => /^computeMarket\.RevealMismatch: /.test(e.message),
    );
    const details = await job(jobId);
    assert.ok(details.assignments[0].reveal.isNone, 'the wrong reveal changed nothing');
    assert.equal((await api.query.computeMarket.nextJobId()).toNumber(), nextJob + 1);
    // Only the fees of the failed calls left the accounts, and the job's escrow is held.
    // Alice's escrow (2 ALM) and deposit and Bob's bid bond (1 ALM) are held; besides, only
    // fees moved.
    await assertMoved(before, { alice: -ALM(2) - deposit, bob: -ALM(1) });
    // Accepting a result that is not in its challenge window is refused by name.
    await assert.rejects(
      script('accept-result.mjs', '--suri', '//Alice', '--job', String(jobId)),
      (e) => e.code === 1 && /computeMarket\.NotChallengeable: /.test(e.stderr),
    );
    await network.waitForFinalized({ name: 'alice', by: 2, timeoutMs: 120000 });
  });

  step('metadata alone documents every call, event, error and storage item', async () => {
    const meta = api.runtimeMetadata.asLatest;
    for (const name of ['ComputeMarket', 'DataRegistry']) {
      const pallet = meta.pallets.find((p) => p.name.toString() === name);
      assert.ok(pallet, `${name} in metadata`);
      const variants = (typeId) => meta.lookup.getSiType(typeId).def.asVariant.variants;
      for (const kind of ['calls', 'events', 'errors']) {
        for (const v of variants(pallet[kind].unwrap().type)) {
          assert.ok(v.docs.join('').trim().length > 0, `${name} ${kind} ${v.name} has docs`);
          for (const f of v.fields) assert.ok(f.name.isSome, `${name} ${kind} ${v.name} fields are named`);
        }
      }
      for (const item of pallet.storage.unwrap().items) {
        assert.ok(item.docs.join('').trim().length > 0, `${name} storage ${item.name} has docs`);
      }
    }
    assert.equal(api.registry.chainDecimals[0], 12);
    // Amounts decode with the chain's 12 decimals and ALM symbol, as Apps shows them.
    assert.match(api.createType('Balance', ALM(1.5)).toHuman(), /^1\.5\d* ALM$/);
  });
});
