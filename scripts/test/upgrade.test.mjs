// End-to-end test of a runtime upgrade on a running network: four validators start on the
// previous release's runtime (the commit in scripts/test/previous-runtime, built by
// scripts/previous-runtime.sh), three provider agents of this checkout register and bid on a
// job; this checkout's runtime is authorized through governance with govern.mjs (the
// Technical Committee whitelists system.authorizeUpgrade, the Council dispatches it) and
// enacted with apply-upgrade while the job is in flight. The market's storage migration runs
// on the live state in the next block. What no unit test shows: the node switching runtimes,
// the migration on a real database with real holds, agents and polkadot.js following the new
// metadata without a restart, the job finishing under the new runtime, and the indexer
// decoding the blocks of both runtimes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { connect } from '../lib/client.mjs';
import {
  agents, api, execFileP, here, jobEvents, localAnswer, markFailed, network, runJob, until, useAgentNetwork,
} from './agent-network.mjs';
import { motionIndex } from './govern-output.mjs';
import { Indexer } from '../lib/indexer.mjs';
import { freePort, rpc } from '../lib/network.mjs';

/** The previous release's commit: its runtime is the one the network starts on. */
const PREVIOUS = fs.readFileSync(path.join(here, 'previous-runtime'), 'utf8')
  .split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#'));

/** This checkout's runtime, as the node binary under test embeds it (test.sh copies it). */
const NEW_CODE = process.env.ALLMENDE_RUNTIME_WASM
  ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(process.env.HOME, '.cache/allmende/target'),
    'release/wbuild/allmende-runtime/allmende_runtime.compact.compressed.wasm');

/** The storage key of the market's storage version. */
const VERSION_KEY = xxhashAsHex('ComputeMarket', 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);

/**
 * The raw chain spec of the `local` chain with the previous runtime's code: the node under
 * test writes the plain spec, the code is swapped, and the node builds the raw genesis with
 * the previous runtime's own genesis builder.
 */
async function previousSpec() {
  const wasm = process.env.ALLMENDE_PREVIOUS_RUNTIME
    ?? (await execFileP(path.join(here, '..', 'previous-runtime.sh'), [PREVIOUS], { timeout: 1800000 })).stdout.trim();
  const node = process.env.ALLMENDE_NODE_BIN;
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'allmende-e2e-upgrade-spec-'));
  specDir = dir;
  const { stdout: plainText } = await execFileP(node, ['build-spec', '--chain', 'local', '--disable-default-bootnode'],
    { maxBuffer: 64 << 20 });
  const plain = JSON.parse(plainText);
  plain.genesis.runtimeGenesis.code = `0x${fs.readFileSync(wasm).toString('hex')}`;
  fs.writeFileSync(path.join(dir, 'plain.json'), JSON.stringify(plain));
  const { stdout: raw } = await execFileP(node,
    ['build-spec', '--chain', path.join(dir, 'plain.json'), '--raw', '--disable-default-bootnode'], { maxBuffer: 64 << 20 });
  const spec = path.join(dir, 'chain-spec.json');
  fs.writeFileSync(spec, raw);
  fs.rmSync(path.join(dir, 'plain.json'));
  return spec;
}

let specDir = null;
/** The indexer beside the network, from before the upgrade to after it, and its folder. */
let indexer = null;
let indexerDir = null;
after(async () => {
  if (specDir) fs.rmSync(specDir, { recursive: true, force: true });
  await indexer?.stop().catch(() => {});
  if (indexerDir) fs.rmSync(indexerDir, { recursive: true, force: true });
});

useAgentNetwork({ prepare: [1, 2, 3], start: ['agent1', 'agent2', 'agent3'], spec: previousSpec });

/** govern.mjs signed by `suri` against the first validator; resolves with its output. */
async function govern(suri, ...args) {
  const { stdout } = await execFileP('node',
    [path.join(here, '..', 'govern.mjs'), '--ws', network.wsUrl(), '--suri', suri, ...args], { timeout: 300000 })
    .catch((e) => {
      throw new Error(`govern.mjs ${args.join(' ')} failed: ${e.stderr || e.message}`);
    });
  return stdout;
}


/** The market's storage version at block `hash`. */
async function marketVersion(hash) {
  const raw = await api.rpc.state.getStorage(VERSION_KEY, hash);
  return api.createType('u16', raw.unwrap()).toNumber();
}

/** Every account's balance record and holds at block `hash`, by address. */
async function funds(hash) {
  const at = await api.at(hash);
  const out = new Map();
  for (const [key, info] of await at.query.system.account.entries()) {
    out.set(key.args[0].toString(), { data: info.data.toJSON(), holds: [] });
  }
  for (const [key, holds] of await at.query.balances.holds.entries()) {
    const who = key.args[0].toString();
    const entry = out.get(who) ?? { data: null, holds: [] };
    entry.holds = holds.toJSON();
    out.set(who, entry);
  }
  return out;
}

test('a runtime upgrade through governance while a job is in flight: migration, holds, agents, polkadot.js', async (t) => {
  try {
    const oldSpec = api.runtimeVersion.specVersion.toNumber();
    const code = fs.readFileSync(NEW_CODE);
    const codeHash = blake2AsHex(code, 256);
    const start = await api.rpc.chain.getFinalizedHead();
    const pids = Object.fromEntries(['agent1', 'agent2', 'agent3'].map((n) => [n, agents.agents.get(n).pid]));
    indexerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-e2e-indexer-'));
    fs.chmodSync(indexerDir, 0o755);
    indexer = new Indexer({ dir: indexerDir, rpcPort: network.rpcPort(), pgPort: await freePort(), apiPort: await freePort() });
    await indexer.prepare();
    indexer.start();

    // The previous runtime predates job terms (scripts/test/previous-runtime says what to
    // check here when it moves on).
    const versionBefore = await marketVersion(start);
    await t.test('the network runs the previous runtime, with no job terms', async () => {
      assert.equal(api.query.computeMarket.terms, undefined, 'the previous metadata has no Terms map');
    });

    // Root needs both bodies: the committee whitelists the call, then the Council's motion
    // dispatches it (govern.mjs --root), and system.authorizeUpgrade stores the code's hash.
    const committee = motionIndex(await govern('//Dave', 'propose', 'committee', '--root', '--upgrade', NEW_CODE), 'committee');
    await govern('//Eve', 'vote', 'committee', committee, 'aye');
    assert.match(await govern('//Ferdie', 'close', 'committee', committee), /whitelist\.CallWhitelisted/);
    const council = motionIndex(await govern('//Alice', 'propose', 'council', '--root', '--upgrade', NEW_CODE), 'council');
    await govern('//Charlie', 'vote', 'council', council, 'aye');
    assert.match(await govern('//Alice', 'close', 'council', council), /system\.UpgradeAuthorized/);
    const authorized = await api.query.system.authorizedUpgrade();
    assert.equal(authorized.unwrap().codeHash.toHex(), codeHash);

    // A k = 3 job with a long bidding phase, posted under the previous runtime; the upgrade
    // is enacted once its three bids are held.
    const input = path.join(here, '..', 'lib', 'network.mjs');
    const expected = await localAnswer('magika', input);
    // Its bidding outlasts the upgrade and the Council's motion after it; the command's time
    // limit covers that, the commit, the reveal and the challenge window with room to spare.
    const running = runJob(['--model', 'magika', '--input', input, '--replicas', '3', '--bidding', '30'],
      { timeoutSecs: 700 });
    running.catch(() => {});
    const { job } = await until('the job to be posted with three bids', async () => {
      const bids = await api.query.computeMarket.bids.entries();
      const full = bids.find(([, b]) => b.length === 3);
      return full ? { job: full[0].args[0].toNumber() } : null;
    }, 180000);
    assert.equal((await api.query.computeMarket.jobs(job)).unwrap().status.toString(), 'Bidding');

    const applied = await govern('//Charlie', 'apply-upgrade', NEW_CODE);
    const upgraded = /finalized in block (0x[0-9a-f]{64})/.exec(applied)?.[1];
    assert.ok(upgraded, `the block of the upgrade in: ${applied}`);
    const newSpec = Number(/spec version (\d+) from the next block/.exec(applied)?.[1]);
    const uNumber = (await api.rpc.chain.getHeader(upgraded)).number.toNumber();
    // The block after the upgrade runs the new runtime and its migrations first.
    await until('the block after the upgrade to be finalized', async () =>
      (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() > uNumber, 120000);
    const migrated = await api.rpc.chain.getBlockHash(uNumber + 1);

    await t.test('the code updated to a higher spec version, and the next block ran the market\'s migration', async () => {
      assert.ok(newSpec > oldSpec, `spec ${newSpec} after ${oldSpec}`);
      // The upgrade's block ran the previous runtime and stored the new code; the block after
      // it ran the new one.
      const parent = (await api.rpc.chain.getHeader(upgraded)).parentHash;
      assert.equal((await api.rpc.state.getRuntimeVersion(parent)).specVersion.toNumber(), oldSpec);
      assert.equal((await api.rpc.state.getRuntimeVersion(upgraded)).specVersion.toNumber(), newSpec);
      assert.equal(await marketVersion(upgraded), versionBefore);
      assert.ok(await marketVersion(migrated) > versionBefore, 'the market\'s storage version rose');
      assert.equal((await api.query.system.authorizedUpgrade()).isNone, true, 'the authorization is used up');
    });

    await t.test('polkadot.js follows the new metadata on its open connection, and a new connection reads it too', async () => {
      await until('polkadot.js to load the new runtime', () => api.runtimeVersion.specVersion.toNumber() === newSpec, 60000);
      assert.equal(typeof api.query.computeMarket.terms, 'function');
      // The migration recorded the parameters in force when it ran.
      const atMigrated = await api.at(migrated);
      const terms = (await atMigrated.query.computeMarket.terms(job)).unwrap();
      const consts = atMigrated.consts.computeMarket;
      assert.equal(terms.challengePeriod.toNumber(), consts.challengePeriod.toNumber());
      assert.equal(terms.leastChallengeBond.toBigInt(), consts.challengeBond.toBigInt());
      assert.equal(terms.reputationFee.toBigInt(), consts.reputationFee.toBigInt());
      const fresh = await connect(network.wsUrl(network.names[1]));
      try {
        assert.equal(fresh.runtimeVersion.specVersion.toNumber(), newSpec);
        assert.deepEqual((await fresh.query.computeMarket.terms(job)).toJSON(), terms.toJSON());
      } finally {
        await fresh.disconnect();
      }
    });

    await t.test('the upgrade and its migration moved no funds: every account not named in their blocks\' events keeps its balance and holds', async () => {
      const named = new Set();
      for (const hash of [upgraded, migrated]) {
        for (const { event } of await (await api.at(hash)).query.system.events()) {
          const text = JSON.stringify(event.data.toJSON());
          for (const m of text.matchAll(/"(5[1-9A-HJ-NP-Za-km-z]{46,47})"/g)) named.add(m[1]);
        }
      }
      const before = await funds(await api.rpc.chain.getBlockHash(uNumber - 1));
      const after = await funds(migrated);
      let compared = 0;
      for (const [who, was] of before) {
        if (named.has(who)) continue;
        assert.deepEqual(after.get(who), was, `the funds of ${who}`);
        compared += 1;
      }
      assert.ok(compared > 0, 'some accounts were not named in those blocks');
      // Whether or not they were named: each bidder holds exactly its bid's bond, before the
      // upgrade and after the migration.
      const bids = await (await api.at(migrated)).query.computeMarket.bids(job);
      assert.equal(bids.length, 3);
      for (const bid of bids) {
        const who = bid.provider.toString();
        for (const [when, f] of [['before', before], ['after', after]]) {
          // The reason as polkadot.js writes it: { computeMarket: 'BidBond' }.
          const held = (f.get(who)?.holds ?? []).filter((h) => /"bidbond"/i.test(JSON.stringify(h.id)));
          assert.deepEqual(held.map((h) => BigInt(h.amount)), [bid.bond.toBigInt()], `${who}'s bid bond ${when}`);
        }
      }
    });

    // The Council lengthens the challenge period while the job is still bidding: the job
    // keeps the period it was given, so its window must not follow.
    const given = (await api.query.computeMarket.terms(job)).unwrap().challengePeriod.toNumber();
    const longer = given + 5;
    const motion = motionIndex(await govern('//Alice', 'propose', 'council', 'parameters.setParameter',
      JSON.stringify({ Market: { ChallengePeriod: [null, longer] } })), 'council');
    await govern('//Charlie', 'vote', 'council', motion, 'aye');
    await govern('//Alice', 'close', 'council', motion);
    const set = await api.query.parameters.parameters({ Market: { ChallengePeriod: null } });
    assert.equal(set.unwrap().asMarket.asChallengePeriod.toNumber(), longer, 'the Council set the longer period');
    assert.equal((await api.query.computeMarket.jobs(job)).unwrap().status.toString(), 'Bidding',
      'the job was still bidding when the period changed');

    const done = await running;
    await t.test('the job finishes under the new runtime: the agents commit, reveal and are paid, within the terms the migration recorded', async () => {
      assert.equal(done.job, job);
      assert.equal(done.answer, expected);
      const commits = jobEvents(job, 'ResultCommitted');
      assert.equal(commits.length, 3);
      assert.ok(commits.every((e) => e.block > uNumber + 1), 'every commit came after the upgrade');
      assert.equal(jobEvents(job, 'ProviderPaid').length, 3);
      assert.equal(jobEvents(job, 'BondSlashed').length, 0);
      const window = jobEvents(job, 'ChallengeWindowOpened')[0];
      const terms = (await api.query.computeMarket.terms(job)).unwrap();
      assert.equal(terms.challengePeriod.toNumber(), given);
      assert.equal(window.data.challengeBy - window.block, given, `the window the job was given, not the ${longer} blocks set since`);
      assert.equal(jobEvents(job, 'JobSettled').length, 1);
      assert.equal((await api.query.computeMarket.jobs(job)).unwrap().status.toString(), 'Settled');
    });

    await t.test('the indexer decodes the blocks of both runtimes: every event as the chain has it, each block with its runtime', async () => {
      const last = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      await until(`the indexer at block #${last}`, async () => (await indexer.height()) >= last, 120000);
      const chain = [];
      const specs = [];
      const key = api.query.system.events.key();
      for (let h = 1; h <= last; h++) {
        const hash = await api.rpc.chain.getBlockHash(h);
        // The runtime that executed a block is the one its parent's state holds, and its events
        // are in that runtime's types (api.at(hash) would read the block that enacted the
        // upgrade with the new runtime's types, and fail).
        const parentHash = await api.rpc.chain.getBlockHash(h - 1);
        const parent = await api.at(parentHash);
        specs.push([String(h), String((await rpc(network.rpcPort(), 'state_getRuntimeVersion', [parentHash.toHex()])).specVersion)]);
        const type = parent.registry.createLookupType(parent.query.system.events.creator.meta.type.asPlain);
        const raw = await api.rpc.state.getStorage.raw(key, hash);
        parent.registry.createType(type, raw).forEach((r, i) => {
          chain.push([String(h), String(i), `${r.event.section[0].toUpperCase()}${r.event.section.slice(1)}.${r.event.method}`]);
        });
      }
      assert.deepEqual(await indexer.pg.sql(`SELECT height, index, name FROM event WHERE height BETWEEN 1 AND ${last} ORDER BY height, index`, 'allmende'),
        chain, 'every event of every finalized block, decoded with its own runtime');
      assert.deepEqual(await indexer.pg.sql(`SELECT height, spec_version FROM block WHERE height BETWEEN 1 AND ${last} ORDER BY height`, 'allmende'),
        specs, 'each block with the runtime that executed it');
      assert.deepEqual([specs[uNumber - 1][1], specs[uNumber][1]], [String(oldSpec), String(newSpec)],
        'the block that enacted the upgrade ran the old runtime, the next one the new');
      const settled = await indexer.pg.sql(`SELECT status FROM job WHERE id = '${job}'`, 'allmende');
      assert.deepEqual(settled, [['Settled']], 'the job posted before the upgrade and settled after it');
    });

    await t.test('the agents carried on through the upgrade without a restart or a new connection', async () => {
      for (const [name, pid] of Object.entries(pids)) {
        const a = agents.agents.get(name);
        assert.equal(a.pid, pid);
        assert.equal(a.proc.exitCode, null, `${name} is still running`);
        const log = agents.log(name);
        assert.equal(log.match(/INFO connected to /g)?.length, 1, `${name} connected once`);
        assert.doesNotMatch(log, / (ERROR|WARN) .*(metadata|incompatible|decode)/i, `${name} met no metadata error`);
      }
    });
  } catch (e) {
    markFailed();
    throw e;
  }
});
