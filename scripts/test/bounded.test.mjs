// End-to-end: one provider agent holds hostile and long workloads beside a small job. A model
// that asks for 40 GB, a WASM module that grows its table past the limit, an endless module
// and a stack of convolutions that keeps a core busy for a long time are k = 1 jobs of the
// same agent as a small Magika job, posted at once.
// Then a requester's blob server under a flood of idle, slow and badly signed connections
// while the job's provider fetches a 32 MiB input from it.
// What no unit test shows: the agent's worker processes, its job tasks off the block loop
// and its concurrency limit against a live chain: the small job commits and reveals while
// the long one still runs, the hostile ones end in their canonical failures, and the agent
// neither dies nor is slashed; and a blob server that thousands of sockets and a replayed
// request do not keep from serving the provider the chain assigned; and an agent whose first
// node cannot be reached following the next one its configuration names.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { signer } from '../lib/client.mjs';
import { freePort } from '../lib/network.mjs';
import {
  AGENT_BIN, address, agents, execFileP, here, jobEvents, localAnswer, markFailed, network, runJob, until,
  useAgentNetwork,
} from './agent-network.mjs';

// The metrics port the agent was given (the harness gives it another if this one is taken
// before the agent binds it; the test reads it back from the agent's options).
const metricsPort = await freePort();
// The agent's first node is a port nobody listens on: it follows the second validator,
// which its configuration names as a fallback.
const deadNode = `ws://127.0.0.1:${await freePort()}`;
useAgentNetwork({
  prepare: [1],
  overrides: (net) => ({ 1: { concurrency: 2, metricsPort, ws: deadNode, fallbackNodes: [net.wsUrl(net.names[1])] } }),
  start: ['agent1'],
});

/** `allmende-agent example-model --kind <kind>` with an input it takes. */
async function exampleModel(dir, kind) {
  const model = path.join(dir, `${kind}.onnx`);
  const input = path.join(dir, `${kind}.npy`);
  await execFileP(AGENT_BIN, ['example-model', '--kind', kind, model, '--input', input]);
  return { model, input };
}

test('a memory bomb, a table bomb, an endless module and a long model beside a small job of the same agent', async (t) => {
  try {
    const dir = fs.mkdtempSync(path.join(network.dir, 'bounded-'));
    const bomb = await exampleModel(dir, 'memory-bomb');
    const conv = await exampleModel(dir, 'conv');
    const tableBomb = path.join(here, 'fixtures', 'table-bomb.wat');
    const endless = path.join(here, 'fixtures', 'endless.wat');
    const file = path.join(here, '..', 'lib', 'agents.mjs');
    const agent = agents.agents.get('agent1');
    const pid = agent.pid;
    // The long model's off-chain answer, computed beside the agent's run.
    const convExpected = localAnswer(conv.model, conv.input);
    const job = (args, suri) => runJob(['--replicas', '1', '--max-price', '2', '--accept', ...args], { suri });
    const [long, small, memory, table, fuel] = await Promise.all([
      // Its execution period leaves the conv model time on a busy machine.
      job(['--model', conv.model, '--input', conv.input, '--execution', '80', '--reveal', '10'], '//Eve'),
      job(['--model', 'magika', '--input', file, '--execution', '12'], '//Ferdie'),
      job(['--model', bomb.model, '--input', bomb.input, '--execution', '20'], '//Bob'),
      job(['--model', tableBomb, '--input', file, '--execution', '20'], '//Charlie'),
      job(['--model', endless, '--input', file, '--execution', '20'], '//Dave'),
    ]);

    await t.test('each job ends with the answer exec gives here: the bombs and the endless module in their canonical failures', async () => {
      assert.equal(memory.answer, 'failed: memory_limit');
      assert.equal(memory.answer, await localAnswer(bomb.model, bomb.input));
      assert.equal(table.answer, 'failed: trap');
      assert.equal(table.answer, await localAnswer(tableBomb, file));
      assert.equal(fuel.answer, 'failed: out_of_fuel');
      assert.equal(small.answer, await localAnswer('magika', file));
      assert.equal(long.answer, await convExpected);
    });

    await t.test('the small job commits and reveals while the long one still runs', async () => {
      const block = (j, method) => jobEvents(j, method).find((e) => e.data.provider === address('agent1'))?.block;
      const longCommitted = block(long.job, 'ResultCommitted');
      const smallRevealed = block(small.job, 'ResultRevealed');
      assert.ok(longCommitted && smallRevealed, 'both committed and revealed');
      assert.ok(block(small.job, 'ResultCommitted') < longCommitted, 'the small job committed first');
      assert.ok(smallRevealed < longCommitted, 'and revealed before the long job was even committed');
    });

    await t.test('the agent was paid for every job, slashed for none, and never died', async () => {
      for (const r of [long, small, memory, table, fuel]) {
        assert.deepEqual(jobEvents(r.job, 'ProviderPaid').map((e) => e.data.provider), [address('agent1')], `job ${r.job}`);
        assert.equal(jobEvents(r.job, 'BondSlashed').length, 0, `job ${r.job}`);
      }
      assert.equal(agent.pid, pid);
      process.kill(pid, 0);
      const log = fs.readFileSync(path.join(agents.logDir, 'agent1.log'), 'utf8');
      assert.doesNotMatch(log, /panicked|memory allocation of|giving the job up/);
      assert.match(log, /ran Onnx in \d+ ms: failed: memory_limit/);
    });

    await t.test('the agent followed its fallback node, its first being unreachable', async () => {
      const log = fs.readFileSync(path.join(agents.logDir, 'agent1.log'), 'utf8');
      assert.match(log, new RegExp(`cannot reach the node at ${deadNode}.*; trying the next node`));
      assert.match(log, new RegExp(`connected to ${network.wsUrl(network.names[1])}`));
      assert.doesNotMatch(log, new RegExp(`connected to ${deadNode}`));
    });

    await t.test('the agent counts its work for Prometheus', async () => {
      const text = await (await fetch(`http://127.0.0.1:${agents.agents.get('agent1').opts.metricsPort}/metrics`)).text();
      const value = (name) => Number(new RegExp(`^allmende_agent_${name} (\\S+)$`, 'm').exec(text)?.[1]);
      // At least one of each per job (one submitted again if it took no effect in time).
      assert.ok(value('commits_total') >= 5);
      assert.ok(value('reveals_total') >= 5);
      assert.equal(value('slashes_total'), 0);
      // The memory bomb and the conv model in ONNX workers; Magika and the two WASM modules.
      assert.equal(value('runs_total\\{runner="onnx"\\}'), 2);
      assert.equal(value('runs_total\\{runner="wasm"\\}'), 2);
      assert.equal(value('runs_total\\{runner="magika"\\}'), 1);
      assert.ok(value('earned_planck_total') > 0);
    });
  } catch (e) {
    markFailed();
    throw e;
  }
});

/** A blob request as an agent signs it: { url, headers }. */
function signedRequest(pair, base, hash, job) {
  const u = new URL(base);
  const time = Math.floor(Date.now() / 1000);
  const signature = pair.sign(stringToU8a(`allmende-blob:${u.host}:${hash}:${job}:${time}`));
  return {
    url: `${u.origin}/blob/${hash}?job=${job}`,
    headers: {
      'x-allmende-account': u8aToHex(pair.publicKey),
      'x-allmende-time': String(time),
      'x-allmende-signature': u8aToHex(signature),
    },
  };
}

/**
 * Holds `perPeer` sockets from each of the loopback addresses `peers` to `port`: idle ones,
 * or with `slow` one header byte a second. A socket the server closes comes back after 5 s,
 * as an attacker's would. Returns a function that stops it all.
 */
function flood(port, peers, perPeer, { slow = false } = {}) {
  let stopped = false;
  const sockets = new Set();
  const open = (host) => {
    if (stopped) return;
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: host });
    sockets.add(socket);
    let timer = null;
    socket.on('connect', () => {
      if (!slow) return;
      const header = 'GET /blob/0x00 HTTP/1.1\r\nhost: x\r\n';
      let i = 0;
      timer = setInterval(() => socket.write(header[i++ % header.length]), 1000);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      if (!stopped) setTimeout(() => open(host), 5000);
    });
  };
  for (const host of peers) for (let i = 0; i < perPeer; i++) open(host);
  return () => {
    stopped = true;
    for (const s of sockets) s.destroy();
  };
}

/** `fetch`, sent again (up to five times) when the server closed the connection before answering anything. */
async function fetchAgainIfUnread(url, options) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, options);
    } catch (e) {
      const unanswered = e.cause?.code === 'UND_ERR_SOCKET' && e.cause.socket?.bytesRead === 0;
      if (!unanswered || attempt === 5) throw e;
    }
  }
}

test('a requester serves its job\'s provider through a flood of idle, slow and badly signed connections, and refuses a replay', async () => {
  const dir = fs.mkdtempSync(path.join(network.dir, 'flood-'));
  const input = path.join(dir, 'big.bin');
  fs.writeFileSync(input, crypto.randomBytes(32 << 20));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const requesterDir = fs.mkdtempSync(path.join(network.dir, 'requester-'));
  const child = spawn(AGENT_BIN, ['run', '--node', network.wsUrl(), '--suri', '//Ferdie', '--data-dir', requesterDir,
    '--listen', `127.0.0.1:${port}`, '--allow-network', '127.0.0.0/8', '--timeout', '400',
    '--model', 'magika', '--input', input, '--replicas', '1', '--max-price', '2', '--accept',
    '--bidding', '10', '--execution', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stops = [];
  let openFds = 0;
  const sampler = setInterval(() => {
    try {
      openFds = Math.max(openFds, fs.readdirSync(`/proc/${child.pid}/fd`).length);
    } catch {}
  }, 500);
  try {
    const job = Number((await until('the job to be posted', () => /job (\d+) posted/.exec(stderr), 120000))[1]);
    const inputHash = /on input (0x[0-9a-f]{64})/.exec(stderr)[1];
    // 2,000 idle and 500 slow sockets from 155 peers, beyond the server's 512: most are
    // closed, and come back.
    const peer = (i) => `127.0.0.${i}`;
    stops.push(flood(port, Array.from({ length: 125 }, (_, i) => peer(2 + i)), 16));
    stops.push(flood(port, Array.from({ length: 30 }, (_, i) => peer(130 + i)), 16, { slow: true }));
    // 50 requests a second signed by keys no job knows, from one address: refused, and
    // over the address's rate before any chain read.
    const stranger = await signer(`//Stranger${job}`);
    const statuses = new Map();
    const probe = setInterval(() => {
      const { url, headers } = signedRequest(stranger, base, inputHash, job);
      // From an address of its own, so that agent1's fetches (from 127.0.0.1) keep theirs.
      const req = http.get(url, { headers, localAddress: '127.0.0.250' }, (res) => {
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        res.resume();
      });
      req.on('error', () => {});
    }, 20);
    stops.push(() => clearInterval(probe));

    // Once the job is assigned, a request its provider may make, sent twice: the second
    // time it is a replay.
    await until('the job to be assigned', () => jobEvents(job, 'JobAssigned').length > 0, 240000);
    const provider = await signer('//Agent1');
    const request = signedRequest(provider, base, inputHash, job);
    // The server makes room by closing its oldest connection that has not had its request
    // read: under this flood, on a busy machine, that can be this one before its request was
    // read (nothing answered). A client sends it again, as the agent does the next block; one
    // that was read is answered, never closed, so sending it again is no replay.
    const first = await fetchAgainIfUnread(request.url, { headers: request.headers });
    assert.equal(first.status, 200);
    assert.equal(Buffer.from(await first.arrayBuffer()).length, 32 << 20);
    const again = await fetchAgainIfUnread(request.url, { headers: request.headers });
    assert.equal(again.status, 403);
    assert.match(await again.text(), /answered before/);

    // A timer that does not keep the test's process alive once the run has exited.
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 420000, 'timeout').unref())]);
    assert.equal(code, 0, stderr);
    for (const stop of stops) stop();
    assert.equal(stdout.trim(), await localAnswer('magika', input));
    assert.equal(jobEvents(job, 'BondSlashed').length, 0);
    assert.deepEqual(jobEvents(job, 'ProviderPaid').map((e) => e.data.provider), [address('agent1')]);
    assert.ok(statuses.get(403) > 0 && statuses.get(429) > 0, `statuses ${[...statuses]}`);
    // The server's sockets stayed within its connection cap (512) and a few files.
    assert.ok(openFds > 0 && openFds < 512 + 64, `open file descriptors: ${openFds}`);
  } catch (e) {
    markFailed();
    throw e;
  } finally {
    for (const stop of stops) stop();
    clearInterval(sampler);
    child.kill('SIGKILL');
  }
});
