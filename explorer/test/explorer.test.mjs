// Drives the built explorer in headless Chromium (Debian's `chromium`, through puppeteer-core)
// against a 4-validator network on which the test posts a job. Screenshots of each view go to
// explorer/test/artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { WebSocket, WebSocketServer } from 'ws';
import { AGENT_BIN, Agents, startHost } from '../../scripts/lib/agents.mjs';
import { u8aConcat } from '../../scripts/node_modules/@polkadot/util/index.js';
import { blake2AsHex, decodeAddress } from '../../scripts/node_modules/@polkadot/util-crypto/index.js';
import { connect, signer, submit } from '../../scripts/lib/client.mjs';
import { leastBond } from '../../scripts/lib/market.mjs';
import { startNetwork, stopNetwork } from '../../scripts/lib/testnet.mjs';
import { Indexer } from '../../scripts/lib/indexer.mjs';
import { freePort, heads } from '../../scripts/lib/network.mjs';
import { serveExplorer } from '../serve.mjs';
import { alm } from '../src/format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const artifacts = path.join(here, 'artifacts');
const UNIT = 10n ** 12n;

let network;
/** The indexer beside the network (indexer/run.mjs and its PostgreSQL), and its folder. */
let indexer;
let indexerDir;
let api;
let server;
let browser;
let page;
let base;
let agents;
/** The agent's provider account and its job, from the job's test. */
let provider;
let settledJob;
let assetId;
/** Provider accounts of the first test. */
let bidders;

const short = (a) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const execFileP = promisify(execFile);

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'app.js')), 'build the explorer first: node explorer/build.mjs');
  fs.mkdirSync(artifacts, { recursive: true });
  network = await startNetwork({ nodes: 4 });
  api = await connect(network.wsUrl());
  // PostgreSQL runs as its own account when the test runs as root: its folder must be open to it.
  indexerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-e2e-indexer-'));
  fs.chmodSync(indexerDir, 0o755);
  indexer = new Indexer({ dir: indexerDir, rpcPort: network.rpcPort(), pgPort: await freePort(), apiPort: await freePort() });
  await indexer.prepare();
  indexer.start();
  await indexer.waitForApi();
  server = await serveExplorer({ dir: dist });
  base = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(network.wsUrl())}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  // Anything the page's content-security policy blocks is recorded, to be checked at the end.
  await page.evaluateOnNewDocument(() => {
    window.blocked = [];
    document.addEventListener('securitypolicyviolation', (e) => window.blocked.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

after(async () => {
  await agents?.stopAll();
  await browser?.close();
  server?.close();
  await api?.disconnect();
  await indexer?.stop().catch(() => {});
  if (indexerDir && !process.env.ALLMENDE_KEEP_TEST_DATA) fs.rmSync(indexerDir, { recursive: true, force: true });
  if (network) await stopNetwork(network);
});

/** Opens a view and waits until it shows every one of `texts`; keeps a screenshot. */
async function show(hash, texts, name, from = base) {
  await page.goto(`${from}${hash}`);
  await page.waitForFunction((h, ts) => {
    const v = document.getElementById('view');
    return v.dataset.view === h && ts.every((t) => v.innerText.includes(t));
  }, { timeout: 60000 }, hash, [texts].flat());
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  return page.$eval('#view', (e) => e.innerText);
}

const text = (s) => `0x${Buffer.from(s, 'utf8').toString('hex')}`;
const MARKUP = '<img src=x onerror="window.pwned=1">';

/** A one-replica job spec whose content nobody serves. */
const wasmJob = ({ maxPrice, biddingPeriod, executionPeriod = 10, revealPeriod = 6 }) => ({
  workload: { kind: 'Wasm', content: { hash: blake2AsHex('w'), uri: 'http://127.0.0.1:9/w', size: 16 } },
  input: { hash: blake2AsHex('i'), uri: 'http://127.0.0.1:9/i', size: 16 },
  requirements: { gpuCount: 0, vramGib: 0, cpuCores: 0, ramGib: 0 },
  region: null,
  replicas: 1,
  maxPrice,
  biddingPeriod,
  executionPeriod,
  revealPeriod,
  minReputation: null,
  assets: [],
  maxRoyalties: 0,
});

test('the market view shows an open job, its bids and time left; the timeline shows a displaced bid, a retracted one and the cancellation', async () => {
  const alice = await signer('//Alice');
  // One bidder more than a job takes: the last bid's larger bond displaces the smallest.
  const max = api.consts.computeMarket.maxBidsPerJob.toNumber();
  bidders = await Promise.all(Array.from({ length: max + 1 }, (_, i) => signer(`//Allmende//explorer//${i}`)));
  const first = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await Promise.all(bidders.map((b, i) =>
    submit(api, api.tx.balances.transferKeepAlive(b.address, 110n * UNIT), alice, { nonce: first + i })));
  const stake = api.consts.computeMarket.minProviderStake;
  // The first bidder's profile holds markup: the page must show it as text, not run it.
  await Promise.all(bidders.map((b, i) => submit(api, api.tx.computeMarket.registerProvider(stake, {
    gpuModel: text(i === 0 ? MARKUP : 'A100-80GB'),
    hardware: { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 },
    region: 276,
    endpoint: text(`https://bidder-${i}.example`),
  }), b)));
  const { events } = await submit(api, api.tx.computeMarket.postJob(wasmJob({ maxPrice: 3n * UNIT, biddingPeriod: 80 })), alice);
  const job = events.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
  // Bids of 2.00, 2.01, … ALM fill the job, each bonding a planck less than the one before;
  // a bid of 1.5 ALM with a larger bond displaces the 2.xx one (the smallest bond); the first
  // retracts.
  const least = await leastBond(api, 3n * UNIT);
  await Promise.all(bidders.slice(0, max).map((b, i) =>
    submit(api, api.tx.computeMarket.placeBid(job, 2n * UNIT + (BigInt(i) * UNIT) / 100n, least + BigInt(max - i)), b)));
  await submit(api, api.tx.computeMarket.placeBid(job, (3n * UNIT) / 2n, least + BigInt(max + 1)), bidders[max]);
  await submit(api, api.tx.computeMarket.retractBid(job), bidders[0]);
  const displaced = bidders[max - 1].address;
  const market = await show('#/', 'History: every finalized block', 'market');
  assert.match(market, /Open jobs/);
  // job, requester, workload, needs, replicas, max price, bids, lowest bid, bidding left
  assert.match(market, new RegExp(`job ${job}\\t[^\\n]*\\t1\\t3 ALM\\t${max - 1}\\t1\\.5 ALM\\t\\d+ blocks`));
  // A chain younger than the 6 hours the view counts: all of it is counted.
  assert.match(market, /Since genesis/);
  assert.match(market, /\n1\s+jobs posted/);
  const timeline = await show(`#/job/${job}`, 'retracted by its bidder', 'job');
  assert.match(timeline, new RegExp(`Job ${job}`));
  assert.match(timeline, /posted by .*escrow 3 ALM/);
  assert.match(timeline, /bid 1\.5 ALM by /);
  assert.match(timeline, /displaced by the bid of .* \(1\.5 ALM, bond 1\.0+\d+ ALM\); bond returned/);
  const page1 = await page.$eval('#view', (e) => e.innerHTML);
  assert.ok(page1.includes(`bid of <a class="mono" href="#/provider/${displaced}"`), 'the displaced bidder is named');
  await submit(api, api.tx.computeMarket.cancelJob(job), alice);
  // Markup from the chain is shown as text.
  const marked = await show(`#/provider/${bidders[0].address}`, MARKUP, 'provider-markup');
  assert.match(marked, /hardware\t<img src=x onerror="window\.pwned=1">: 1 GPU/);
  assert.equal(await page.$$eval('#view img', (imgs) => imgs.length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const cancelled = await show(`#/job/${job}`, 'cancelled by its requester', 'job-cancelled');
  assert.match(cancelled, /removed: the job closed; bond returned/);
  assert.match(cancelled, /Cancelled\s+status/);
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** An amount in units as the page writes it (no thousands here). */
const almText = (units) => {
  const frac = (units % UNIT).toString().padStart(12, '0').replace(/0+$/, '');
  return `${units / UNIT}${frac ? `.${frac}` : ''} ALM`;
};

/** Waits until job `id` is in `status` (and `round`, if given) at the best block, or with `final` at the finalized one. */
async function jobReaches(id, status, round, { final = false } = {}) {
  const deadline = Date.now() + 240000;
  for (;;) {
    const at = final ? await api.at(await api.rpc.chain.getFinalizedHead()) : api;
    const j = await at.query.computeMarket.jobs(id);
    const now = j.isSome ? j.unwrap().status.type : 'gone';
    if (now === status && (!round || j.unwrap().round.type === round)) return;
    const over = ['Settled', 'Failed', 'Expired', 'Cancelled', 'gone'].includes(now);
    assert.ok(!over && Date.now() < deadline, `job ${id} reaches ${status}${round ? ` in ${round}` : ''} (now ${now})`);
    await sleep(1000);
  }
}

/** The ComputeMarket events of job `id` in finalized blocks from `from` on. */
async function finalizedEventsOf(id, from) {
  const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const out = [];
  for (let n = from; n <= head; n += 1) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    for (const { event } of await at.query.system.events()) {
      if (event.section === 'computeMarket' && event.data.jobId?.toNumber() === id) out.push(event);
    }
  }
  return out;
}

/**
 * A two-replica job whose replicas reveal different results; three arbiters drawn from a pool
 * of the first test's providers re-execute it and side with the first. Returns the job, its
 * replicas, the drawn arbiters and the block the settlement is looked for from.
 */
async function disputedJob() {
  const dave = await signer('//Dave');
  const [honest, liar] = [bidders[2], bidders[3]];
  const pool = bidders.slice(4, 9);
  await Promise.all(pool.map((b) => submit(api, api.tx.computeMarket.joinArbiterPool(), b)));
  // Long commit and reveal periods: each ends as soon as everyone has committed or revealed,
  // and a loaded machine still fits its transactions in them.
  const spec = { ...wasmJob({ maxPrice: UNIT, biddingPeriod: 8, executionPeriod: 30, revealPeriod: 30 }), replicas: 2 };
  const { events } = await submit(api, api.tx.computeMarket.postJob(spec), dave, { until: 'block' });
  const job = events.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
  const bond = await leastBond(api, UNIT);
  await Promise.all([honest, liar].map((b) => submit(api, api.tx.computeMarket.placeBid(job, UNIT, bond), b, { until: 'block' })));
  const result = (r) => blake2AsHex(`result-${r}`);
  const salt = (b) => blake2AsHex(`salt-${b.address}`);
  const commit = (b, r) => submit(api, api.tx.computeMarket.commitResult(job,
    blake2AsHex(u8aConcat(result(r), salt(b), decodeAddress(b.address)))), b, { until: 'block' });
  const reveal = (b, r) => submit(api, api.tx.computeMarket.revealResult(job, result(r), salt(b), text(`ipfs://out-${r}`)), b, { until: 'block' });
  await jobReaches(job, 'Committing');
  await Promise.all([commit(honest, 1), commit(liar, 2)]);
  await jobReaches(job, 'Revealing');
  await Promise.all([reveal(honest, 1), reveal(liar, 2)]);
  // Who is drawn is read where no fork can change it: a draw in a block that is then
  // retracted is not the one the arbiters answer for.
  await jobReaches(job, 'Committing', 'Arbitration', { final: true });
  const byAddress = new Map(pool.map((b) => [b.address, b]));
  const final = await api.at(await api.rpc.chain.getFinalizedHead());
  const drawn = (await final.query.computeMarket.assignments(job)).map((a) => byAddress.get(a.provider.toString()));
  assert.equal(drawn.length, api.consts.computeMarket.arbiterReplicas.toNumber());
  assert.ok(drawn.every(Boolean), 'every arbiter is drawn from the pool');
  // Each arbiter computes result 1 and judges each disputed replica by it: a byte per replica
  // in the commitment (Differs 0, Agrees 1).
  const disputed = (await final.query.computeMarket.disputed(job)).unwrap();
  const agrees = disputed.map((a) => a.reveal.isSome && a.reveal.unwrap().resultHash.toHex() === result(1));
  const verdict = agrees.map((yes) => (yes ? 'Agrees' : 'Differs'));
  const judge = (b) => submit(api, api.tx.computeMarket.commitResult(job, blake2AsHex(u8aConcat(
    result(1), salt(b), decodeAddress(b.address), api.createType('Vec<u8>', agrees.map(Number)).toU8a()))), b, { until: 'block' });
  await Promise.all(drawn.map((b) => judge(b)));
  await jobReaches(job, 'Revealing', 'Arbitration');
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  await Promise.all(drawn.map((b) => submit(api,
    api.tx.computeMarket.revealVerdict(job, result(1), verdict, salt(b), text('ipfs://out-1')), b, { until: 'block' })));
  return { job, honest, liar, drawn, from };
}

test('a job run through its life by an agent: timeline, payments to the unit, reputation, royalty; a no-show slashed to the unit', async () => {
  // Meanwhile, a provider wins a job below the agent's price and never commits.
  // Meanwhile too, a job whose two replicas disagree goes to drawn arbiters.
  const dispute = disputedJob().then((value) => ({ value }), (error) => ({ error }));
  const ferdie = await signer('//Ferdie');
  const noShow = bidders[1];
  const posted = await submit(api, api.tx.computeMarket.postJob(wasmJob({ maxPrice: UNIT, biddingPeriod: 8, executionPeriod: 4, revealPeriod: 4 })), ferdie, { until: 'block' });
  const slashedJob = posted.events.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
  await submit(api, api.tx.computeMarket.placeBid(slashedJob, UNIT, await leastBond(api, UNIT)), noShow, { until: 'block' });
  const dir = fs.mkdtempSync(path.join(network.dir, 'explorer-'));
  agents = new Agents({ dir: path.join(dir, 'agents'), ws: network.wsUrl() });
  // Out of the arbiter pool: the disputed job's arbiters are the test's own accounts.
  await agents.prepare(api, [1], { 1: { price: '1.234567', arbiter: false } });
  agents.start('agent1');
  await agents.waitRegistered(api);
  provider = agents.agents.get('agent1').address;
  const model = path.join(dir, 'm.onnx');
  await execFileP(AGENT_BIN, ['example-model', model]);
  const input = path.join(dir, 'x.npy');
  const npy = Buffer.alloc(128 + 16);
  const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }";
  npy.write('\x93NUMPY', 0, 'latin1');
  npy[6] = 1;
  npy.writeUInt16LE(118, 8);
  npy.write(`${header.padEnd(117, ' ')}\n`, 10, 'latin1');
  [1, 2, 3, 4].forEach((v, i) => npy.writeFloatLE(v, 128 + 4 * i));
  fs.writeFileSync(input, npy);
  const bob = (await signer('//Bob')).address;
  const eve = (await signer('//Eve')).address;
  const owner = await startHost([model, '--node', network.wsUrl(), '--suri', '//Eve', '--data-dir', path.join(dir, 'eve'),
    '--listen', '127.0.0.1:0', '--royalty', '0.5', '--grant', bob]);
  try {
    const { stderr } = await execFileP(AGENT_BIN, ['run', '--node', network.wsUrl(), '--suri', '//Bob', '--data-dir', path.join(dir, 'bob'),
      '--model', `asset:${owner.asset}`, '--input', input, '--max-royalties', '0.5', '--accept', '--timeout', '400',
      '--allow-network', '127.0.0.0/8'], { timeout: 420000 });
    const job = Number(/job (\d+) posted/.exec(stderr)[1]);
    settledJob = job;
    assetId = owner.asset;
    // The page reads finalized events: wait for the settlement to be among them.
    const timeline = await show(`#/job/${job}`, 'settled', 'job-settled');
    assert.match(timeline, /paid 1\.234567 ALM/);
    assert.match(timeline, /royalty 0\.5 ALM/);
    assert.match(timeline, /result verified/);
    const p = await show(`#/provider/${provider}`, '+1 completed', 'provider');
    assert.match(p, /\n1\ncompleted/);
    assert.match(p, new RegExp(`job ${job}\\t#\\d+\\t\\+1 completed\\tpaid 1\\.234567 ALM`));
    assert.doesNotMatch(p, /hardware\t0x/, 'the profile shows its text, not bytes');
    const slashed = await show(`#/job/${slashedJob}`, 'did not commit or reveal in time', 'job-slashed');
    assert.match(slashed, new RegExp(`${short(noShow.address)} slashed 1 ALM: did not commit or reveal in time`));
    const np = await show(`#/provider/${noShow.address}`, '+1 no-show', 'provider-no-show');
    assert.match(np, new RegExp(`job ${slashedJob}\\t#\\d+\\t\\+1 no-show\\tbond 1 ALM slashed`));
    assert.match(np, /\n1\s+no-shows/);

    // The disputed job: the replicas disagree, the drawn arbiters are named, and every payment
    // and slash is shown to the unit as the chain's events record it.
    const d = await dispute;
    if (d.error) throw d.error;
    const { job: disputed, honest, liar, drawn, from } = d.value;
    await jobReaches(disputed, 'Settled');
    const dt = await show(`#/job/${disputed}`, 'settled', 'job-disputed');
    assert.match(dt, /replicas disagree: arbiters drawn at #\d+/);
    const drawnLine = dt.split('\n').find((l) => l.includes('arbiters drawn: '));
    for (const b of drawn) assert.ok(drawnLine.includes(short(b.address)), `arbiter ${b.address} named: ${drawnLine}`);
    const recorded = await finalizedEventsOf(disputed, from);
    const paid = recorded.filter((e) => e.method === 'ProviderPaid');
    assert.deepEqual(paid.map((e) => e.data.provider.toString()).sort(), [honest, ...drawn].map((b) => b.address).sort());
    for (const e of paid) {
      assert.match(dt, new RegExp(`${short(e.data.provider.toString())} paid ${almText(e.data.amount.toBigInt()).replace('.', '\\.')}\\b`));
    }
    const [slash] = recorded.filter((e) => e.method === 'BondSlashed');
    assert.equal(slash.data.provider.toString(), liar.address);
    assert.match(dt, new RegExp(`${short(liar.address)} slashed ${almText(slash.data.amount.toBigInt()).replace('.', '\\.')}: revealed a result that lost verification`));
    // An arbiter's pay counts as a completion on its provider page.
    const arbiterPay = paid.find((e) => e.data.provider.toString() === drawn[0].address).data.amount.toBigInt();
    const dp = await show(`#/provider/${drawn[0].address}`, `job ${disputed}`, 'provider-arbiter');
    assert.match(dp, new RegExp(`job ${disputed}\\t#\\d+\\t\\+1 completed\\tpaid ${almText(arbiterPay).replace('.', '\\.')},`));

    // The market counts both settled jobs, all their payments and both slashes.
    const toProviders = paid.reduce((t, e) => t + e.data.amount.toBigInt(), 1234567000000n);
    const m = await show('#/', 'History: every finalized block', 'market-settled');
    assert.match(m, /\n2\s+settled/);
    assert.match(m, /\n1\s+cancelled/);
    assert.match(m, new RegExp(`${almText(toProviders).replace('.', '\\.')}\\s+paid to providers`));
    assert.match(m, /0\.5 ALM\s+royalties paid/);
    assert.match(m, new RegExp(`\\n${almText(UNIT + slash.data.amount.toBigInt()).replace('.', '\\.')}\\s+bonds slashed`));
    assert.match(m, new RegExp(`job ${job}\\t#\\d+\\t0x`));
    assert.match(m, new RegExp(`job ${disputed}\\t#\\d+\\t0x`));
    // The chart's settled bars add up to the two settled jobs.
    const settledBars = await page.$$eval('svg.chart rect.s2', (rs) => rs.map((r) => Number(/: (\d+) /.exec(r.textContent)[1])));
    assert.equal(settledBars.reduce((a, b) => a + b, 0), 2);
    const a = await show(`#/asset/${owner.asset}`, `job ${job}`, 'asset');
    assert.match(a, new RegExp(`May use it\\s+the owner, and: ${short(bob)}`));
    assert.match(a, new RegExp(`asset ${owner.asset} registered by ${short(eve)}: Model, Permissioned, royalty 0\\.5 ALM`));
    assert.match(a, new RegExp(`${short(bob)} may use asset ${owner.asset}`));
    assert.match(a, /0\.5 ALM\s+royalties paid/);
  } finally {
    owner.proc.kill();
  }
});

test('with ?indexer= the job, provider, asset and account pages show the same histories, read from the indexer, a displacing bid too', async () => {
  assert.ok(provider && settledJob !== undefined && assetId !== undefined, 'runs after the job test');
  const { finalized } = await heads(network.rpcPort());
  const end = Date.now() + 120000;
  while ((await indexer.height()) < finalized) {
    assert.ok(Date.now() < end, `the indexer reached block #${finalized} in time (at #${await indexer.height()})`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const withIndexer = `${base}&indexer=${encodeURIComponent(indexer.apiUrl)}`;
  // Everything but the line that says where the history came from.
  const body = (t) => t.split('\n').filter((l) => !l.startsWith('History:')).join('\n');
  for (const [hash, shows, name] of [
    [`#/job/${settledJob}`, 'settled', 'indexer-job'],
    [`#/provider/${provider}`, '+1 completed', 'indexer-provider'],
    [`#/asset/${assetId}`, `job ${settledJob}`, 'indexer-asset'],
    [`#/account/${provider}`, 'provider stake', 'indexer-account'],
    // The bid that displaced this bidder's is another account's event, fetched with it.
    [`#/provider/${bidders[api.consts.computeMarket.maxBidsPerJob.toNumber() - 1].address}`, 'displaced by the bid of', 'indexer-displaced'],
  ]) {
    const own = await show(hash, [shows, 'History: every finalized block'], `${name}-own`);
    const read = await show(hash, [shows, 'History: from the indexer'], name, withIndexer);
    assert.equal(body(read), body(own), `${hash}: the same page from the indexer`);
    fs.rmSync(path.join(artifacts, `${name}-own.png`));
  }
});

test('blocks, a block with its extrinsics and fees, validators with their blocks, and the market per day', async () => {
  const [alice, bob] = await Promise.all(['//Alice', '//Bob'].map(signer));
  const { blockHash, events } = await submit(api, api.tx.balances.transferKeepAlive(bob.address, 7n * UNIT), alice);
  const n = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  const fee = events.find(({ event }) => event.method === 'TransactionFeePaid').event.data.actualFee.toBigInt();
  const withIndexer = `${base}&indexer=${encodeURIComponent(indexer.apiUrl)}`;
  // A block is read from the node, with or without the indexer.
  for (const from of [base, withIndexer]) {
    const b = await show(`#/block/${n}`, ['balances.transferKeepAlive', short(alice.address)], 'block', from);
    assert.match(b, /finalized\tyes/);
    assert.ok(b.includes(`transferKeepAlive\t${short(alice.address)}\tok\t${alm(fee)}`), `the fee, ${alm(fee)}, to the unit`);
    assert.match(b, /balances\.Transfer/);
  }
  // The list: from the node, the latest ten; from the indexer, pages back to genesis.
  const own = await show('#/blocks', ['Blocks', 'read from the node'], 'blocks-own');
  assert.ok((own.match(/^#\d+/gm) ?? []).length === 10, 'ten blocks from the node');
  while ((await indexer.height()) < n) await new Promise((r) => setTimeout(r, 500));
  const list = await show(`#/blocks/${n}`, [`#${n}`, 'from the indexer'], 'blocks', withIndexer);
  assert.equal((list.match(/^#\d+/gm) ?? []).length, 25);
  assert.match(list, /older blocks/);
  // Validators: each of the four with the finalized blocks it authored, as the indexer counts them.
  const counts = async () => new Map((await indexer.query('{ validators(orderBy: id_ASC, limit: 100) { id blocks } }')).validators
    .map(({ id, blocks }) => [short(api.createType('AccountId', id).toString()), blocks]));
  const before = await counts();
  const v = await show('#/validators', ['Validators', 'from the indexer'], 'validators', withIndexer);
  const later = await counts();
  assert.equal(before.size, 4);
  for (const [who, blocks] of before) {
    const row = v.split('\n').find((l) => l.startsWith(`${who}\t`));
    assert.ok(row, `${who} is listed`);
    const [, role, shown] = row.split('\t');
    assert.equal(role, 'in the set, invulnerable');
    assert.ok(Number(shown) >= blocks && Number(shown) <= later.get(who), `${who}: ${shown} blocks, as the indexer counts them (${blocks} to ${later.get(who)})`);
  }
  // The market per day: as many jobs posted as the indexer holds.
  const { jobsConnection } = await indexer.query('{ jobsConnection(orderBy: id_ASC, first: 1) { totalCount } }');
  const m = await show('#/', ['Per day (UTC), from the indexer'], 'market-days', withIndexer);
  const rows = [...m.matchAll(/^(\d{4}-\d{2}-\d{2})\t(\d+)\t/gm)];
  assert.ok(rows.length >= 1, 'a row per day');
  assert.equal(rows.reduce((t, r) => t + Number(r[2]), 0), jobsConnection.totalCount, 'jobs posted per day add up');
});

test('the account view shows holds by reason and activity; the page says when its node goes away and recovers when it is back', async () => {
  assert.ok(provider && settledJob !== undefined, 'runs after the job test');
  const stake = (await api.query.computeMarket.providers(provider)).unwrap().stake.toBigInt();
  const account = await show(`#/account/${provider}`, ['provider stake', 'History: every finalized block'], 'account');
  assert.match(account, /A registered provider/);
  const whole = stake / UNIT;
  assert.equal(stake % UNIT, 0n, 'a whole stake');
  assert.match(account, new RegExp(`provider stake\\tcomputeMarket\\t${whole.toLocaleString('en')} ALM`));
  assert.match(account, new RegExp(`job ${settledJob}: .*paid 1\\.234567 ALM`));

  // Search by job id, asset id and account.
  for (const [q, hash] of [[String(settledJob), `#/job/${settledJob}`], [`asset:${assetId}`, `#/asset/${assetId}`], [provider, `#/account/${provider}`]]) {
    await page.$eval('#q', (e, v) => { e.value = v; }, q);
    await page.$eval('#search', (f) => f.requestSubmit());
    await page.waitForFunction((h) => location.hash === h, { timeout: 10000 }, hash);
  }
  await page.waitForFunction((t) => document.getElementById('view').innerText.includes(t), { timeout: 30000 }, 'provider stake');

  const best = () => page.$eval('#heads', (e) => Number((/best #(\d+)/.exec(e.textContent) || [])[1] ?? -1));
  await network.stopNode(network.names[0]);
  await page.waitForFunction(() => {
    const b = document.getElementById('banner');
    return !b.hidden && /went away/.test(b.textContent);
  }, { timeout: 60000 });
  await page.screenshot({ path: path.join(artifacts, 'node-away.png'), fullPage: true });
  const before = await best();
  network.startNode(network.names[0]);
  await page.waitForFunction(() => document.getElementById('banner').hidden, { timeout: 120000 });
  await page.waitForFunction((n) => Number((/best #(\d+)/.exec(document.getElementById('heads').textContent) || [])[1] ?? -1) > n,
    { timeout: 120000 }, before);
  // The view renders again from the node that is back.
  await show(`#/job/${settledJob}`, 'settled', 'job-after-reconnect');
  assert.deepEqual(await page.evaluate(() => window.blocked), [], 'nothing the page needs is blocked by its policy');
});

test('a page pointed at a node that does not answer says so', async () => {
  const probe = await browser.newPage();
  try {
    const closed = await new Promise((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
    await probe.goto(`http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(`ws://127.0.0.1:${closed}`)}`);
    await probe.waitForFunction(() => {
      const b = document.getElementById('banner');
      return !b.hidden && /cannot be reached/.test(b.textContent);
    }, { timeout: 30000 });
    await probe.screenshot({ path: path.join(artifacts, 'unreachable.png'), fullPage: true });
  } finally {
    await probe.close();
  }
});

/**
 * A WebSocket proxy to `upstream` that renames the market's pallets in everything the node
 * answers (same-length names, so the metadata stays valid SCALE): a chain without them.
 */
function renamingProxy(upstream) {
  const hex = (t) => Buffer.from(t, 'utf8').toString('hex');
  const renames = [['ComputeMarket', 'ComputeMarkex'], ['DataRegistry', 'DataRegistrx']].map(([a, b]) => [hex(a), hex(b)]);
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (client) => {
    const node = new WebSocket(upstream);
    const pending = [];
    node.onopen = () => pending.splice(0).forEach((m) => node.send(m));
    node.onmessage = (e) => {
      let text = String(e.data);
      for (const [a, b] of renames) text = text.replaceAll(a, b);
      client.send(text);
    };
    node.onclose = () => client.close();
    node.onerror = () => client.close();
    client.on('message', (m) => (node.readyState === WebSocket.OPEN ? node.send(String(m)) : pending.push(String(m))));
    client.on('close', () => node.close());
  });
  return new Promise((resolve) => wss.on('listening', () => resolve(wss)));
}

test('a page pointed at a chain without the market\'s pallets says it is not an Allmende chain', async () => {
  const proxy = await renamingProxy(network.wsUrl());
  const probe = await browser.newPage();
  try {
    const url = `ws://127.0.0.1:${proxy.address().port}`;
    await probe.goto(`http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(url)}`);
    await probe.waitForFunction(() => {
      const b = document.getElementById('banner');
      return !b.hidden && /is not an Allmende chain/.test(b.textContent);
    }, { timeout: 60000 });
    await probe.screenshot({ path: path.join(artifacts, 'not-allmende.png'), fullPage: true });
    assert.equal(await probe.$eval('#view', (e) => e.innerText.trim()), '', 'nothing is shown from it');
  } finally {
    await probe.close();
    for (const c of proxy.clients) c.terminate();
    proxy.close();
  }
});
