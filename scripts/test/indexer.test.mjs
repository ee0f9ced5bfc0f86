// End-to-end test of the indexer (indexer/, Subsquid, run by indexer/run.mjs as devnet.sh runs
// it) on a development chain with market traffic: job-latency.mjs posts a job through an
// offer, one through bidding and one with three replicas, each naming a registered asset that
// pays its owner a royalty. Meanwhile the processor is killed, PostgreSQL is stopped under it,
// and afterwards the node is restarted. The index is then checked against the chain's own
// events and storage, block by block, and the GraphQL API is asked what a user asks. What no
// unit test shows: that the processor decodes this chain's blocks, that no restart loses or
// repeats a row, and that the market's records add up to the chain's payments to the unit.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { signer, submit } from '../lib/client.mjs';
import { findEvent, text } from '../lib/market.mjs';
import { freePort, heads, rpc, until } from '../lib/network.mjs';
import { Indexer } from '../lib/indexer.mjs';

const execFileP = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-e2e-indexer-'));
fs.chmodSync(dir, 0o755);
const nodes = [];
let indexer = null;
let api = null;

after(async () => {
  await api?.disconnect();
  for (const p of nodes) if (p.exitCode === null) p.kill('SIGKILL');
  await indexer?.stop().catch(() => {});
  if (!process.env.ALLMENDE_KEEP_TEST_DIR) fs.rmSync(dir, { recursive: true, force: true });
});

/** A dev node that keeps its chain in dir/chain, so that it can be restarted. */
function startNode(rpcPort, p2pPort) {
  const log = fs.openSync(path.join(dir, 'node.log'), 'a');
  const node = spawn(process.env.ALLMENDE_NODE_BIN, ['--dev', '--base-path', path.join(dir, 'chain'), '--rpc-port', String(rpcPort),
    '--state-pruning', 'archive-canonical', '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus', '--no-telemetry', '--no-mdns'], { stdio: ['ignore', log, log] });
  nodes.push(node);
  return node;
}

/** The pids of the processes indexer/run.mjs started that run `script`. */
function childrenRunning(script) {
  const pids = fs.readFileSync(`/proc/${indexer.proc.pid}/task/${indexer.proc.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return pids.map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script);
    } catch {
      return false;
    }
  });
}

const hex = (address) => u8aToHex(decodeAddress(address));
const sum = (list) => list.reduce((a, b) => a + b, 0n);

test('the indexer holds every event of every finalized block once, through a killed processor, a stopped database and a restarted node', { timeout: 900000 }, async () => {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  let node = startNode(rpcPort, p2pPort);
  await until('the node', () => rpc(rpcPort, 'system_health').then(() => true, () => false));
  const ws = `ws://127.0.0.1:${rpcPort}`;
  indexer = new Indexer({ dir: path.join(dir, 'indexer'), rpcPort, pgPort: await freePort(), apiPort: await freePort() });
  await indexer.prepare();
  indexer.start();
  await indexer.waitForApi();

  // An asset that every job names: its owner is paid a royalty per settled job.
  api = await ApiPromise.create({ provider: new WsProvider(ws), noInitWarn: true });
  const [alice, eve, ferdie] = await Promise.all(['//Alice', '//Eve', '//Ferdie'].map(signer));
  const unit = 10n ** BigInt(api.registry.chainDecimals[0]);
  const { events } = await submit(api, api.tx.dataRegistry.registerAsset('Model', '0x' + '42'.repeat(32), text('ipfs://indexer-test-model'),
    'Permissioned', unit / 4n), eve, { until: 'block' });
  const assetId = findEvent(events, 'dataRegistry', 'AssetRegistered').data.asset.toNumber();
  await submit(api, api.tx.dataRegistry.grantAccess(assetId, alice.address), eve, { until: 'block' });
  await submit(api, api.tx.dataRegistry.grantAccess(assetId, ferdie.address), eve, { until: 'block' });
  await submit(api, api.tx.dataRegistry.revokeAccess(assetId, ferdie.address), eve, { until: 'block' });
  // A call that fails: the index names its error.
  await assert.rejects(submit(api, api.tx.computeMarket.unregister(), ferdie, { until: 'block' }), /NotProvider/);

  const traffic = execFileP(process.execPath, [path.join(here, '..', 'job-latency.mjs'), '--ws', ws, '--flows', 'offer,bid,k3',
    '--bidding', '4', '--asset', String(assetId)], { timeout: 600000 });
  // The processor is killed once it has indexed a few blocks, while the jobs are under way;
  // run.mjs starts it again.
  await until('the first blocks indexed', async () => (await indexer.height()) >= 3);
  const [first] = childrenRunning('lib/main.js');
  process.kill(first, 'SIGKILL');
  await until('the processor started again', () => childrenRunning('lib/main.js').some((pid) => pid !== first), 60000);
  const killedAt = await indexer.height();
  await until('the processor to go on', async () => (await indexer.height()) > killedAt + 3);
  // The database goes away under it: the processor stops (its open batch is rolled back) and is
  // started again until the database is back.
  await indexer.pg.stop();
  await until('the processor to stop without its database', () => fs.readFileSync(indexer.log, 'utf8').includes('the processor stopped (exit'), 60000);
  await indexer.pg.start();
  const report = await traffic;
  assert.match(report.stdout, /k3 /);

  // The node is restarted: the processor waits for it and goes on. Everything is compared up
  // to a block finalized after the traffic's last.
  const { best } = await heads(rpcPort);
  await api.disconnect();
  node.kill('SIGTERM');
  await new Promise((r) => node.once('exit', r));
  node = startNode(rpcPort, p2pPort);
  await until(`block #${best} finalized after the restart`, () => heads(rpcPort).then((h) => h.finalized >= best, () => false));
  const finalized = (await heads(rpcPort)).finalized;
  await until(`block #${finalized} indexed`, async () => (await indexer.height()) >= finalized);
  api = await ApiPromise.create({ provider: new WsProvider(ws), noInitWarn: true });
  const log = fs.readFileSync(indexer.log, 'utf8');
  assert.match(log, /the processor stopped \(SIGKILL\); starting it again/);

  // Every event of every finalized block, once and in order, as the chain has them; every
  // signed extrinsic's fee as TransactionFeePaid says.
  const db = (statement) => indexer.pg.sql(statement, 'allmende');
  const chain = [];
  const paid = [];
  const royalties = [];
  const burnt = [];
  let fees = 0n;
  const failed = [];
  const capital = (s) => `${s[0].toUpperCase()}${s.slice(1)}`;
  const errorName = (err) => {
    if (err.isModule) {
      const meta = api.registry.findMetaError(err.asModule);
      return `${capital(meta.section)}.${meta.name}`;
    }
    if (err.isToken || err.isArithmetic || err.isTransactional) return `${err.type}.${err.value.type}`;
    return err.type;
  };
  const authors = [];
  for (let h = 0; h <= finalized; h++) {
    const hash = await api.rpc.chain.getBlockHash(h);
    const at = await api.at(hash);
    if (h > 0) authors.push([String(h), hex((await api.derive.chain.getHeader(hash)).author.toString())]);
    (await at.query.system.events()).forEach((r, i) => {
      const e = r.event;
      chain.push([String(h), String(i), `${e.section[0].toUpperCase()}${e.section.slice(1)}.${e.method}`]);
      if (api.events.computeMarket.ProviderPaid.is(e)) paid.push([hex(e.data.provider.toString()), e.data.amount.toBigInt()]);
      if (api.events.dataRegistry.RoyaltyPaid.is(e)) royalties.push(e.data.amount.toBigInt());
      if (api.events.computeMarket.Burnt.is(e)) burnt.push(e.data.amount.toBigInt());
      if (api.events.transactionPayment.TransactionFeePaid.is(e)) fees += e.data.actualFee.toBigInt();
      if (api.events.system.ExtrinsicFailed.is(e)) failed.push([String(h), String(r.phase.asApplyExtrinsic.toNumber()), errorName(e.data.dispatchError)]);
    });
  }
  assert.deepEqual(await db(`SELECT height, index, name FROM event WHERE height <= ${finalized} ORDER BY height, index`), chain,
    'every event of every finalized block, once, in order');
  assert.equal(Number((await db(`SELECT count(*) FROM block WHERE height <= ${finalized}`))[0][0]), finalized + 1);
  assert.equal(BigInt((await db(`SELECT coalesce(sum(fee), 0) FROM extrinsic WHERE height <= ${finalized}`))[0][0]), fees, 'fees to the unit');
  assert.deepEqual(await db(`SELECT height, index, error FROM extrinsic WHERE NOT success AND height <= ${finalized} ORDER BY height, index`), failed,
    'every failed extrinsic, with its error named as the chain names it');
  assert.ok(failed.some((f) => f[2] === 'ComputeMarket.NotProvider'), 'the failed unregister');

  // The market's records add up to its events, to the unit.
  // (A new provider's first payments go to the reputation fee, burnt: not every replica is paid.)
  assert.ok(paid.length >= 1 && burnt.length >= 1, `payments (${paid.length}) and burns (${burnt.length})`);
  assert.deepEqual((await db('SELECT amount FROM payment ORDER BY height, split_part(id, \'-\', 2)::int')).map((r) => BigInt(r[0])), paid.map((p) => p[1]), 'payments to the unit');
  assert.deepEqual((await db('SELECT amount FROM burn ORDER BY height, split_part(id, \'-\', 2)::int')).map((r) => BigInt(r[0])), burnt, 'burns to the unit');
  for (const who of new Set(paid.map((p) => p[0]))) {
    const earned = sum(paid.filter((p) => p[0] === who).map((p) => p[1]));
    assert.equal(BigInt((await db(`SELECT earned FROM provider WHERE id = '${who}'`))[0][0]), earned, `${who}'s earnings`);
  }
  assert.deepEqual(await db('SELECT id, status FROM job ORDER BY id::int'), [['0', 'Settled'], ['1', 'Settled'], ['2', 'Settled']]);
  const hours = await db('SELECT sum(paid), sum(burnt), sum(royalties), sum(jobs_posted), sum(jobs_settled) FROM market_hour');
  assert.deepEqual(hours, [[String(sum(paid.map((p) => p[1]))), String(sum(burnt)), String(sum(royalties)), '3', '3']], 'the hourly sums');

  // The asset: three uses, each paid its royalty; the grant to ferdie was revoked.
  assert.equal(royalties.length, 3);
  assert.deepEqual(await db(`SELECT owner, uses, royalties_paid FROM asset WHERE id = '${assetId}'`), [[hex(eve.address), '3', String(sum(royalties))]]);
  assert.deepEqual(await db(`SELECT outcome, count(*) FROM asset_use WHERE asset_id = '${assetId}' GROUP BY outcome`), [['Paid', '3']]);
  assert.deepEqual(await db(`SELECT who, revoked_at IS NULL FROM access_grant WHERE asset_id = '${assetId}' ORDER BY granted_at`),
    [[hex(alice.address), 't'], [hex(ferdie.address), 'f']]);

  // Holds: every account the index has matches Balances.Holds at the finalized block, and every
  // account with a hold there is in the index.
  const atEnd = await api.at(await api.rpc.chain.getBlockHash(finalized));
  const onChain = new Map();
  for (const [key, holds] of await atEnd.query.balances.holds.entries()) {
    const total = sum(holds.map((h) => h.amount.toBigInt()));
    if (total > 0n) onChain.set(u8aToHex(key.args[0]), total);
  }
  const indexed = new Map((await db('SELECT id, held FROM account WHERE held > 0')).map(([id, held]) => [id, BigInt(held)]));
  assert.deepEqual(indexed, onChain, 'every account\'s holds');
  assert.ok(onChain.size >= 4, 'the providers\' stakes and the asset\'s deposit are held');

  // Every finalized block after genesis was authored by the dev chain's one validator.
  assert.deepEqual(await db(`SELECT height, validator FROM block WHERE height BETWEEN 1 AND ${finalized} ORDER BY height`), authors,
    'every block\'s author, as the chain names it');
  const [[validator, authored]] = await db('SELECT id, blocks FROM validator');
  assert.ok(validator === authors[0][1] && Number(authored) >= finalized, 'the dev chain\'s one validator and its blocks');

  // The GraphQL API answers a user's questions.
  const q = (query, variables) => indexer.query(query, variables);
  const mine = await q(`query($who: String!) { jobs(where: {requester_eq: $who, status_eq: "Settled"}, orderBy: id_ASC, limit: 100) { id replicas price } }`,
    { who: hex(alice.address) });
  assert.deepEqual(mine.jobs.map((j) => j.id), ['0', '1', '2']);
  const provider = paid[0][0];
  const { payments } = await q(`query($who: String!) { payments(where: {provider: {id_eq: $who}}, orderBy: [height_ASC, id_ASC], limit: 1000) { amount timestamp job { id } } }`,
    { who: provider });
  assert.equal(sum(payments.map((p) => BigInt(p.amount))), sum(paid.filter((p) => p[0] === provider).map((p) => p[1])));
  const { mentions } = await q(`query($who: String!) { mentions(where: {account_eq: $who, event: {name_eq: "ComputeMarket.ProviderPaid"}}, orderBy: [height_ASC, event_index_ASC], limit: 1000) { event { height } } }`,
    { who: provider });
  assert.equal(mentions.length, paid.filter((p) => p[0] === provider).length, 'an account\'s events, found by the account');
  const { providerDays } = await q(`query($who: String!) { providerDays(where: {provider: {id_eq: $who}}, orderBy: id_ASC, limit: 100) { earned payments } }`, { who: provider });
  assert.equal(sum(providerDays.map((d) => BigInt(d.earned))), sum(payments.map((p) => BigInt(p.amount))), 'a provider\'s days add up');
  // Pages of 20, by cursor, in a stable order, give every block once.
  const seen = [];
  for (let after = null; ;) {
    const { blocksConnection: page } = await q(`query($after: String) { blocksConnection(orderBy: height_ASC, first: 20, after: $after, where: {height_lte: ${finalized}}) {
      edges { node { height } } pageInfo { hasNextPage endCursor } totalCount } }`, { after });
    seen.push(...page.edges.map((e) => e.node.height));
    assert.equal(page.totalCount, finalized + 1);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  assert.deepEqual(seen, Array.from({ length: finalized + 1 }, (_, i) => i));
  // A list without a limit is refused rather than answered at any size.
  await assert.rejects(q('{ events(orderBy: id_ASC) { id } }'), /size limit/);
  const timeline = await q('{ events(where: {jobId_eq: 2}, orderBy: [height_ASC, index_ASC], limit: 1000) { name } }');
  assert.equal(timeline.events[0].name, 'DataRegistry.AssetUseStarted');
  assert.equal(timeline.events.at(-1).name, 'ComputeMarket.JobSettled');
});
