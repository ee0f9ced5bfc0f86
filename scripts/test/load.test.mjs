// End-to-end test of the load generator (scripts/load.mjs) against a single node of the load
// chain spec (`--dev` plus funded senders): its flags, and a brief run whose report must add
// up to the events of the blocks it names. Numbers are measured, never asserted.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { connect, signer, submit } from '../lib/client.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const execFileP = promisify(execFile);
const PHASES = ['transfer_keep_alive', 'post_job', 'place_bid', 'commit_result', 'reveal_result'];
const STOP_REASONS = ['NoMoreTransactions', 'HitDeadline', 'HitBlockSizeLimit', 'HitBlockWeightLimit', 'TransactionForbidden'];
/** The event each phase's call emits once per success, and the field naming its sender. */
const EVIDENCE = {
  transfer_keep_alive: ['balances', 'Transfer', 'from'],
  post_job: ['computeMarket', 'JobPosted', 'requester'],
  place_bid: ['computeMarket', 'BidPlaced', 'provider'],
  commit_result: ['computeMarket', 'ResultCommitted', 'provider'],
  reveal_result: ['computeMarket', 'ResultRevealed', 'provider'],
};

let network;
let api;
let failed = false;

const load = (...args) => execFileP('node', [path.join(here, '..', 'load.mjs'), ...args], { timeout: 600000 });
const latency = (...args) => execFileP('node', [path.join(here, '..', 'job-latency.mjs'), ...args], { timeout: 600000 });

describe('the load generator', { timeout: 900000 }, () => {
  before(async () => {
    network = await startNetwork({ nodes: 1, chain: 'load' });
    api = await connect(network.wsUrl('alice'));
  });

  after(async () => {
    if (api) await api.disconnect();
    if (network) await stopNetwork(network, { keep: failed });
  });

  const step = (name, fn) =>
    test(name, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('--help names every flag and phase; bad flags are refused with exit code 2', async () => {
    const { stdout } = await load('--help');
    for (const flag of ['--ws', '--senders', '--rounds', '--blocks', '--phases', '--node-log', '--json']) {
      assert.match(stdout, new RegExp(`${flag} `), flag);
    }
    for (const p of PHASES) assert.match(stdout, new RegExp(p));
    for (const [args, message] of [
      [['--senders', '0'], /--senders must be a whole number/],
      [['--phases', 'transfer_keep_alive,mint'], /unknown phase mint/],
      [['--node-log', '/nonexistent/node.log'], /no such file/],
    ]) {
      await assert.rejects(load(...args), (e) => e.code === 2 && message.test(e.stderr), args.join(' '));
    }
  });

  step('job-latency.mjs: each flow settles, its steps in order, at the blocks its events name', async () => {
    await assert.rejects(latency('--flows', 'fast'), (e) => e.code === 2 && /unknown flow fast/.test(e.stderr));
    // Six blocks of bidding, the last DrawDelay (2) of them closed to bids: a bid has three
    // chances even on a busy machine.
    const { stdout } = await latency('--ws', network.wsUrl('alice'), '--flows', 'offer,bid,k3', '--bidding', '6', '--json');
    const report = JSON.parse(stdout);
    assert.deepEqual(report.flows.map((f) => f.flow), ['offer', 'bid', 'k3']);
    const eventsAt = async (n) => (await (await api.at(await api.rpc.chain.getBlockHash(n))).query.system.events())
      .map((r) => r.event).filter((e) => e.section === 'computeMarket');
    for (const f of report.flows) {
      const s = f.steps;
      const order = [s.posted, s.assigned, s.committed, s.revealed, s.settled];
      assert.ok(order.every((n) => Number.isInteger(n)), `${f.flow}: every step seen ${JSON.stringify(s)}`);
      assert.deepEqual([...order].sort((a, b) => a - b), order, `${f.flow}: steps in order`);
      assert.equal(f.blocks, s.settled - s.posted);
      const posted = (await eventsAt(s.posted)).find((e) => ['JobPosted', 'OfferAccepted'].includes(e.method) &&
        e.data.jobId.toNumber() === f.jobId);
      assert.ok(posted, `${f.flow}: job ${f.jobId} created at #${s.posted}`);
      const settled = (await eventsAt(s.settled)).find((e) => e.method === 'JobSettled' && e.data.jobId.toNumber() === f.jobId);
      assert.ok(settled, `${f.flow}: job ${f.jobId} settled at #${s.settled}`);
      // Every flow's result (k = 3's too) was accepted by the requester: settled before the
      // challenge window would end.
      assert.ok(s.settled < s.revealed + report.challengePeriod, `${f.flow}: accepted early`);
    }
  });

  step('a block that changes the session takes transactions like any other', async () => {
    // pallet-session charges a whole block for a session change; the runtime takes that
    // charge back down to what a rotation costs (SessionChangeWeight), so a job period does
    // not lose every tenth block. Two transfers are sent as each block is imported, until a
    // block with a NewSession event has gone by: that block must hold some of them.
    const ferdie = (await signer('//Ferdie')).address;
    const amount = api.consts.balances.existentialDeposit.toBigInt();
    const sent = [];
    let sender = 5000;
    let changedAt = null;
    let last = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let blocks = 0; blocks < 30 && (changedAt === null || last < changedAt + 1); blocks++) {
      for (let i = 0; i < 2; i++) {
        const pair = await signer(`//Sender//${sender++}`);
        sent.push(submit(api, api.tx.balances.transferKeepAlive(ferdie, amount), pair, { until: 'block' }));
      }
      let head;
      do {
        await new Promise((resolve) => setTimeout(resolve, 500));
        head = (await api.rpc.chain.getHeader()).number.toNumber();
      } while (head === last);
      for (let n = last + 1; n <= head; n++) {
        const events = await (await api.at(await api.rpc.chain.getBlockHash(n))).query.system.events();
        if (changedAt === null && events.some(({ event }) => event.section === 'session' && event.method === 'NewSession')) changedAt = n;
      }
      last = head;
    }
    await Promise.all(sent);
    assert.ok(changedAt !== null, 'a session changed within 30 blocks');
    const block = (await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(changedAt))).block;
    const transfers = block.extrinsics.filter((x) => x.isSigned && x.method.section === 'balances').length;
    console.log(`# session change at #${changedAt}: ${transfers} transfers in it`);
    assert.ok(transfers > 0, `the session change at #${changedAt} took no transaction`);
  });

  step('a node without the load senders gets a clear error', async () => {
    // More senders than the load chain spec funds.
    await assert.rejects(load('--ws', network.wsUrl('alice'), '--senders', '20001', '--phases', 'transfer_keep_alive'),
      (e) => e.code === 1 && /has no funds: start the node with --chain load/.test(e.stderr));
  });

  step('a brief run reports every phase, and its counts are the events of the blocks it names', async () => {
    const log = path.join(network.logDir, 'alice.log');
    const { stdout, stderr } = await load('--ws', network.wsUrl('alice'), '--senders', '300', '--blocks', '1',
      '--node-log', log, '--json');
    // Progress lines come at most every 5 s, but each phase always ends with its own line.
    assert.match(stderr, /transfer_keep_alive: 300 of 300 in \d+ blocks/, 'progress on stderr');
    const report = JSON.parse(stdout);
    assert.equal(report.senders, 300);
    const measured = report.phases.filter((p) => p.measured);
    assert.deepEqual(measured.map((p) => p.name), PHASES);
    const transfer = measured[0];
    // The senders, derived here from the development phrase as any wallet would.
    const senders = new Set();
    for (let i = 0; i < 300; i++) senders.add((await signer(`//Sender//${i}`)).address);

    for (const p of measured) {
      // Every transaction signed was accepted and reached a block; failures are counted apart.
      assert.equal(p.accepted + Object.values(p.rejected).reduce((a, b) => a + b, 0), p.signed, `${p.name} signed`);
      assert.equal(p.included, p.succeeded + p.failed, `${p.name} included`);
      assert.equal(p.missing, 0, `${p.name} missing`);
      // One block measured: the first that holds the phase's transactions and began after
      // the last was submitted (none if they all fit in a block begun before).
      assert.ok(p.window.blocks.length <= 1, `${p.name} window`);
      assert.equal(p.window.complete, p.window.blocks.length === 1);
      for (const b of p.window.blocks) {
        assert.ok(p.blocks.includes(b.number));
        assert.ok(STOP_REASONS.includes(b.end), `${p.name} stop reason ${b.end}`);
        assert.ok(b.buildMs >= 0 && b.chargedMs > 0 && b.weightShare > 0 && b.weightShare <= 1, `${p.name} block numbers`);
        assert.equal(p.window.extrinsicsPerBlock, b.succeeded);
        assert.equal(p.window.tps, Number((b.succeeded / (b.millis / 1000)).toFixed(1)));
        // Every extrinsic of the phase paid its fee.
        assert.equal(b.feesPaid, b.succeeded + b.failed, `${p.name} fees paid`);
        assert.ok(BigInt(b.fees) > 0n, `${p.name} fees`);
        // A block fuller than the multiplier's 25 % target raises it above its floor of one.
        if (b.weightShare > 0.25) assert.ok(b.nextFeeMultiplier > 1, `${p.name} multiplier ${b.nextFeeMultiplier}`);
      }
      if (p.window.complete && transfer.window.complete) {
        assert.equal(p.vsTransfer, Number((p.window.extrinsicsPerBlock / transfer.window.extrinsicsPerBlock).toFixed(3)));
      }

      // The successes are the call's own events, by the load senders, in the blocks named —
      // and no block between them holds one that the report missed.
      const [section, method, field] = EVIDENCE[p.name];
      const from = Math.min(...p.blocks);
      const to = Math.max(...p.blocks);
      let counted = 0;
      const perBlock = new Map();
      for (let n = from; n <= to; n++) {
        const at = await api.at(await api.rpc.chain.getBlockHash(n));
        const events = await at.query.system.events();
        const found = events.filter(({ event }) => event.section === section && event.method === method &&
          senders.has(event.data[field].toString())).length;
        perBlock.set(n, found);
        counted += found;
      }
      assert.equal(counted, p.succeeded, `${p.name}: ${section}.${method} events`);
      for (const b of p.window.blocks) assert.equal(perBlock.get(b.number), b.succeeded, `${p.name}: events of block #${b.number}`);
      console.log(`# ${p.name}: ${p.succeeded} in blocks ${p.blocks.join(', ')}; measured: ${p.window.blocks.map((b) => `#${b.number}`).join(', ') || 'none'}`);
    }
  });
});
