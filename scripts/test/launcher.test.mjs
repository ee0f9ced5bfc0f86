// End-to-end test of the devnet launcher as a user runs it: start (validators, provider
// agents, the indexer with its PostgreSQL), status, join a validator node in one command,
// stop, start again with the joined node, the agents and the index. Free loopback ports and a
// temporary folder; every node it started is stopped at the end.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { connect, signer } from '../lib/client.mjs';
import { isOurAgent } from '../lib/agents.mjs';
import { Network, isOurNode } from '../lib/network.mjs';
import { Indexer, isOurIndexer } from '../lib/indexer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const execFileP = promisify(execFile);
let dir;
let ports;
let failed = false;

/** Runs `devnet-cli.mjs` (what devnet.sh runs once the node is built) on the test folder. */
function devnet(...args) {
  return execFileP('node', [path.join(here, '..', 'lib', 'devnet-cli.mjs'), ...args, '--dir', dir,
    '--rpc-port', String(ports.rpc), '--p2p-port', String(ports.p2p), '--explorer-port', String(ports.explorer),
    '--indexer-port', String(ports.indexer), '--postgres-port', String(ports.postgres)],
  { timeout: 420000 });
}

/** The provider agents the launcher started, as it saved them. */
const savedAgents = () => {
  const file = path.join(dir, 'agents.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
};

/** Kills whatever nodes and agents the launcher still lists (after a failure). */
function killLeftovers() {
  const saved = dir && Network.load(dir);
  for (const n of saved?.nodes ?? []) if (isOurNode(n.pid)) process.kill(n.pid, 'SIGKILL');
  for (const a of (dir && savedAgents()) || []) if (isOurAgent(a.pid)) process.kill(a.pid, 'SIGKILL');
  const ix = dir && path.join(dir, 'indexer.json');
  if (ix && fs.existsSync(ix)) {
    const { pid } = JSON.parse(fs.readFileSync(ix, 'utf8'));
    if (isOurIndexer(pid)) process.kill(-pid, 'SIGKILL');
  }
  const ex = dir && path.join(dir, 'explorer.json');
  if (ex && fs.existsSync(ex)) {
    const { pid } = JSON.parse(fs.readFileSync(ex, 'utf8'));
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('explorer/serve.mjs')) process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/** Waits until the indexer's API says it has indexed block `least` or more; its height. */
async function indexedHeight(least, ms = 120000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${ports.indexer}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ squidStatus { height } }' }) });
      const height = (await res.json()).data?.squidStatus?.height ?? -1;
      if (height >= least) return height;
    } catch {
      // not answering yet
    }
    if (Date.now() > end) throw new Error(`the indexer did not reach block #${least} in ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Can we listen on this loopback port now? */
const canListen = (port) => new Promise((resolve) => {
  const srv = net.createServer();
  srv.once('error', () => resolve(false));
  srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
});

/** A base port whose next `count` ports are free, away from `avoid` (the launcher numbers
 * nodes from a base port). */
async function freeRun(count, avoid = -1000) {
  for (;;) {
    // Below 32768, where the kernel does not hand out ephemeral ports to other tests.
    const base = 20000 + Math.floor(Math.random() * 12000);
    if (Math.abs(base - avoid) < 2 * count) continue;
    const ok = await Promise.all(Array.from({ length: count }, (_, i) => canListen(base + i)));
    if (ok.every(Boolean)) return base;
  }
}

describe('the devnet launcher', { timeout: 900000 }, () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-devnet-'));
    // The indexer's PostgreSQL runs as its own account when the test runs as root.
    fs.chmodSync(dir, 0o755);
    const rpc = await freeRun(6);
    const p2p = await freeRun(6, rpc);
    ports = { rpc, p2p, explorer: await freeRun(1, p2p) };
    ports.indexer = await freeRun(1, ports.explorer);
    ports.postgres = await freeRun(1, ports.indexer);
    process.once('exit', killLeftovers);
  });

  after(async () => {
    await devnet('stop').catch(() => {});
    killLeftovers();
    // A database the stop did not reach (after a failure).
    const pg = new Indexer({ dir: path.join(dir, 'indexer'), rpcPort: 0, pgPort: ports.postgres, apiPort: ports.indexer }).pg;
    if (await pg.ready()) await pg.stop().catch(() => {});
    if (failed || process.env.ALLMENDE_KEEP_TEST_DATA) console.error(`launcher test data kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });

  const step = (name, fn) =>
    test(name, { timeout: 480000 }, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('start brings up four validators and three provider agents and prints their addresses', async () => {
    const { stdout } = await devnet('start', '--nodes', '4');
    assert.match(stdout, /Started 4 validator\(s\) on the local chain/);
    assert.match(stdout, /Finalized head is advancing/);
    for (const name of ['alice', 'bob', 'charlie', 'dave']) assert.match(stdout, new RegExp(`^${name} +ws://127\\.0\\.0\\.1:\\d+`, 'm'));
    assert.match(stdout, /3 provider agent\(s\) registered and in the arbiter pool/);
    for (const name of ['agent1', 'agent2', 'agent3']) assert.match(stdout, new RegExp(`^${name} +http://127\\.0\\.0\\.1:\\d+ +5\\w+`, 'm'));
    assert.match(stdout, /Run a job: allmende-agent run --model magika/);
    const explorer = new RegExp(`^explorer +(http://127\\.0\\.0\\.1:${ports.explorer}/\\?rpc=\\S+)`, 'm').exec(stdout);
    assert.ok(explorer, 'the explorer address is printed');
    const page = await fetch(explorer[1]);
    assert.match(await page.text(), /<title>Allmende explorer<\/title>/);
    // The indexer: its address printed, the explorer pointed at it, and it follows the chain.
    const gql = new RegExp(`^indexer +(http://127\\.0\\.0\\.1:${ports.indexer}/graphql)`, 'm').exec(stdout);
    assert.ok(gql, 'the indexer\'s address is printed');
    assert.ok(explorer[1].includes(`&indexer=${encodeURIComponent(gql[1])}`), 'the explorer reads the indexer');
    const indexed = await indexedHeight(1);
    assert.ok(indexed >= 1, `the indexer follows the chain (#${indexed})`);
    const api = await connect(`ws://127.0.0.1:${Network.load(dir).nodes[0].rpcPort}`);
    try {
      for (const a of savedAgents()) {
        assert.ok(isOurAgent(a.pid), `${a.name} runs`);
        const p = await api.query.computeMarket.providers(a.address);
        assert.ok(p.isSome && p.unwrap().arbiterSlot.isSome, `${a.name} is a provider in the arbiter pool`);
        const health = await fetch(`http://127.0.0.1:${a.port}/health`);
        assert.equal(await health.text(), 'ok\n');
      }
    } finally {
      await api.disconnect();
    }
  });

  step('join NAME adds a node, makes its keys and a funded candidacy in one command', async () => {
    const { stdout } = await devnet('join', 'erin');
    assert.match(stdout, /erin has synced/);
    assert.match(stdout, /Funding .* from \/\/Alice/);
    assert.match(stdout, /is a candidate with its keys on erin/);
    const erin = await signer('//Erin');
    const saved = Network.load(dir);
    const node = saved.nodes.find((n) => n.name === 'erin');
    assert.ok(node && isOurNode(node.pid), 'erin runs');
    const api = await connect(`ws://127.0.0.1:${node.rpcPort}`);
    try {
      const keys = await api.query.session.nextKeys(erin.address);
      assert.ok(keys.isSome, 'keys registered');
      const has = await api.rpc.author.hasSessionKeys(keys.unwrap().toHex());
      assert.equal(has.isTrue, true, 'the keys are in erin\'s keystore');
      const candidates = await api.query.collatorSelection.candidateList();
      assert.ok(candidates.some((c) => c.who.toString() === erin.address), 'erin is a candidate');
    } finally {
      await api.disconnect();
    }
    const status = await devnet('status');
    assert.match(status.stdout, /^erin +pid \d+/m);
    assert.match(status.stdout, /^indexer +pid \d+ +http:\S+ +indexed #\d+/m);
    assert.match(status.stdout, /^agent1 +pid \d+ +http:/m);
    await assert.rejects(devnet('join', 'erin'), (e) => e.code === 1 && /already a node called erin/.test(e.stderr));
    await assert.rejects(devnet('join', 'Bad Name'), (e) => e.code === 1 && /a node name is/.test(e.stderr));
  });

  step('stop stops every node; start brings them back, the joined one too, on the same chain', async () => {
    const before = Network.load(dir).nodes;
    const agentsBefore = savedAgents();
    const explorerBefore = JSON.parse(fs.readFileSync(path.join(dir, 'explorer.json'), 'utf8'));
    const indexerBefore = JSON.parse(fs.readFileSync(path.join(dir, 'indexer.json'), 'utf8'));
    const indexedBefore = await indexedHeight(0);
    await devnet('stop');
    await assert.rejects(fetch(`http://127.0.0.1:${explorerBefore.port}/`), 'the explorer server stopped');
    assert.ok(!isOurIndexer(indexerBefore.pid), 'the indexer stopped');
    await assert.rejects(fetch(`http://127.0.0.1:${ports.indexer}/graphql`), 'its API stopped');
    const pg = new Indexer({ dir: path.join(dir, 'indexer'), rpcPort: 0, pgPort: ports.postgres, apiPort: ports.indexer }).pg;
    assert.equal(await pg.ready(), false, 'its PostgreSQL stopped');
    assert.ok(before.every((n) => !isOurNode(n.pid)), 'every node stopped');
    assert.ok(agentsBefore.length === 3 && agentsBefore.every((a) => !isOurAgent(a.pid)), 'every agent stopped');
    const { stdout } = await devnet('start', '--nodes', '4');
    assert.match(stdout, /and joined node\(s\) erin/);
    // The agents come back with the same accounts and endpoints (their state is kept).
    assert.deepEqual(savedAgents().map((a) => [a.address, a.port]), agentsBefore.map((a) => [a.address, a.port]));
    const saved = Network.load(dir);
    assert.deepEqual(saved.nodes.map((n) => n.name), ['alice', 'bob', 'charlie', 'dave', 'erin']);
    // The index was kept and goes on from where it was.
    const again = await indexedHeight(indexedBefore + 1);
    assert.ok(again > indexedBefore, `the index goes on (#${indexedBefore} → #${again})`);
    const api = await connect(`ws://127.0.0.1:${saved.nodes[0].rpcPort}`);
    try {
      const erin = await signer('//Erin');
      const candidates = await api.query.collatorSelection.candidateList();
      assert.ok(candidates.some((c) => c.who.toString() === erin.address), 'the chain was kept');
    } finally {
      await api.disconnect();
    }
  });

  step('a second node with erin\'s keys equivocates: it is reported, disabled, part of its bond burnt, its candidacy ended', async () => {
    const saved = Network.load(dir);
    const api = await connect(`ws://127.0.0.1:${saved.nodes[0].rpcPort}`);
    const network = Network.restore(dir, process.env.ALLMENDE_NODE_BIN);
    try {
      const erin = (await signer('//Erin')).address;
      // erin registered two sessions ago or more: it holds the open seat.
      await waitForBlock(api, async (at) => (await at.query.session.validators()).map(String).includes(erin), 240000,
        'erin is a validator');
      const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
      const keyDeposit = api.consts.session.keyDeposit.toBigInt();
      const before = (await api.query.system.account(erin)).data;
      assert.equal(before.reserved.toBigInt(), bond + keyDeposit);
      const issuance = (await api.query.balances.totalIssuance()).toBigInt();

      // A twin: its own node key and ports, erin's session keys.
      await network.addNode('erin-twin');
      await network.stopNode('erin-twin');
      const keystore = (name) => path.join(dir, 'nodes', name, 'chains', 'allmende_local_testnet', 'keystore');
      fs.mkdirSync(keystore('erin-twin'), { recursive: true });
      for (const f of fs.readdirSync(keystore('erin'))) {
        fs.copyFileSync(path.join(keystore('erin'), f), path.join(keystore('erin-twin'), f));
      }
      network.startNode('erin-twin');
      network.save();
      await network.waitForRpc(undefined, ['erin-twin']);

      // Both author in erin's slots; the other validators see two blocks of one slot and
      // report it. The first finalized report's block carries the whole punishment.
      const events = await waitForBlock(api, async (at) => {
        const evs = (await at.query.system.events()).map((r) => r.event);
        return evs.some((e) => e.section === 'offences' && e.method === 'Offence') ? evs : null;
      }, 300000, 'an offence is reported');
      const has = (section, method, who) => events.some((e) => e.section === section && e.method === method &&
        (who === undefined || e.data[0].toString() === who));
      assert.ok(has('session', 'ValidatorDisabled', erin), 'erin is disabled');
      assert.ok(has('balances', 'Slashed', erin), 'erin is slashed');
      assert.ok(has('collatorSelection', 'CandidateRemoved', erin), 'erin is no longer a candidate');
      const slashed = events.find((e) => e.section === 'balances' && e.method === 'Slashed').data[1].toBigInt();
      assert.ok(slashed > 0n && slashed < bond, `part of the bond: ${slashed}`);
      const after = (await api.query.system.account(erin)).data;
      assert.equal(after.reserved.toBigInt(), keyDeposit, 'only the key deposit is still held');
      assert.ok(issuance - (await api.query.balances.totalIssuance()).toBigInt() >= slashed, 'the slash is burnt');
      console.log(`# equivocation reported and ${slashed} of erin's ${bond} bond burnt`);
      // Finality goes on without the disabled validator.
      const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      await waitForBlock(api, async () =>
        (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= fin + 2,
      120000, 'finality advances');
    } finally {
      await network.stopNode('erin-twin');
      network.save();
      await api.disconnect();
    }
  });
});

/**
 * Checks `check(api.at(block))` at every finalized block from the current finalized head on
 * until it returns something truthy, and returns that; fails after `timeoutMs` saying `what`.
 * Finalized blocks, not the best chain's: an equivocation makes forks, and a walk of the best
 * chain by number can read a block of a fork that loses and miss the one that stays (the first
 * report, with the slash, on the fork that won; a later report of the same offender, with
 * nothing left to slash, after it).
 */
async function waitForBlock(api, check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  let next = await finalized();
  for (;;) {
    const head = await finalized();
    for (; next <= head; next += 1) {
      const v = await check(await api.at(await api.rpc.chain.getBlockHash(next)));
      if (v) return v;
    }
    assert.ok(Date.now() < deadline, `${what} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
