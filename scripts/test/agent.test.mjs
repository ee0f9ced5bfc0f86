// End-to-end tests of allmende-agent on a real 4-validator network with provider agents:
// real Magika and WASM jobs through bidding, commit, reveal and settlement; an agent killed
// after committing that reveals after its restart; content whose bytes do not match its hash;
// an endless workload; a k = 1 job through a standing offer; a dishonest agent's result
// challenged, re-run by drawn arbiter agents, and its bond slashed.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { AGENT_BIN, Agents } from '../lib/agents.mjs';
import { connect, signer, submit } from '../lib/client.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

const execFileP = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const UNIT = 10n ** 12n;

let network;
let api;
let agents;
let failed = false;
/** The requester of the challenged job. */
let ferdie;
/** Market events of every finalized block since the start: { block, method, data }. */
const events = [];
let unsubscribe = () => {};

/** Market events of a job, in order. */
const jobEvents = (job, method) =>
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

/** Waits until `check()` is truthy; polls every 500 ms. */
async function until(what, check, timeoutMs = 240000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs `allmende-agent run` as //Bob (or `suri`); resolves with { job, answer, stderr }. */
async function runJob(args, { suri = '//Bob', dataDir } = {}) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(network.dir, 'requester-'));
  const { stdout, stderr } = await execFileP(
    AGENT_BIN,
    ['run', '--node', network.wsUrl(), '--suri', suri, '--data-dir', dir, '--timeout', '400', ...args],
    { timeout: 420000 },
  ).catch((e) => {
    throw new Error(`allmende-agent run ${args.join(' ')} failed: ${e.stderr || e.message}`);
  });
  const job = Number(/job (\d+) posted/.exec(stderr)?.[1]);
  // The command saw the job settle; wait until this test's event log has that block too.
  await until(`the events of job ${job}`, () => jobEvents(job, 'JobSettled').length > 0, 60000);
  return { job, answer: stdout.trim(), stderr };
}

/** What the workload gives when run here, off-chain (`allmende-agent exec`). */
async function localAnswer(model, input) {
  const { stderr } = await execFileP(AGENT_BIN, ['exec', '--model', model, '--input', input], { timeout: 120000 });
  return stderr.split('  (result hash')[0].trim();
}

const address = (name) => agents.agents.get(name).address;

before(async () => {
  network = await startNetwork({ nodes: 4 });
  api = await connect(network.wsUrl());
  await followEvents();
  agents = new Agents({ dir: path.join(network.dir, 'agents'), ws: network.wsUrl() });
  await agents.prepare(api, [1, 2, 3, 4], {
    3: { offers: [{ price: '1', capacity: 5, validBlocks: 2000, executionPeriod: 8, revealPeriod: 6 }] },
    // The dishonest agent bids lowest, so it is among the winners when it is running.
    4: {
      price: '0.5',
      fault: 'corrupt-result',
      arbiter: false,
      offers: [{ price: '0.5', capacity: 5, validBlocks: 2000, executionPeriod: 8, revealPeriod: 6 }],
    },
  });
  ferdie = (await signer('//Ferdie')).address;
  for (const name of ['agent1', 'agent2', 'agent3']) agents.start(name);
  await agents.waitRegistered(api, { names: ['agent1', 'agent2', 'agent3'] });
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

const reverse = path.join(here, 'fixtures', 'reverse.wat');
const endless = path.join(here, 'fixtures', 'endless.wat');

test('k = 3 Magika, an endless WASM module, content that does not match its hash, and a k = 1 offer, at once', async (t) => {
  try {
    const file = path.join(here, '..', 'lib', 'network.mjs');
    const [magika, fuel, mismatch, offer] = await Promise.all([
      (async () => {
        const expected = await localAnswer('magika', file);
        const r = await runJob(['--model', 'magika', '--input', file, '--replicas', '3', '--max-price', '2']);
        return { ...r, expected };
      })(),
      (async () => {
        const expected = await localAnswer(endless, file);
        const r = await runJob(['--model', endless, '--input', file, '--replicas', '3', '--execution', '12'], {
          suri: '//Charlie',
        });
        return { ...r, expected };
      })(),
      wrongBytesJob(),
      (async () => {
        const mine = await until('agent3 to post its standing offer', async () => {
          const entries = await api.query.computeMarket.offers.entries();
          return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent3'));
        });
        const id = mine[0].args[0].toNumber();
        const input = path.join(here, 'fixtures', 'reverse.wat');
        const expected = await localAnswer(reverse, input);
        const r = await runJob(['--model', reverse, '--input', input, '--offer', String(id), '--accept'], {
          suri: '//Dave',
        });
        return { ...r, expected };
      })(),
    ]);

    await t.test('Magika classifies the file as it does off-chain, and all three providers are paid', async () => {
      assert.equal(magika.answer, magika.expected);
      assert.match(magika.answer, /^\w+, \d\.\d{4}$/);
      const paid = jobEvents(magika.job, 'ProviderPaid').map((e) => e.data.provider).sort();
      const agreed = (await api.query.computeMarket.results(magika.job)).unwrap().agreed.map((a) => a.toString());
      assert.equal(paid.length, 3);
      assert.deepEqual(paid, [...agreed].sort());
      assert.equal(jobEvents(magika.job, 'BondSlashed').length, 0);
    });

    await t.test('an endless module ends as the canonical out-of-fuel failure that all three replicas agree on', async () => {
      assert.equal(fuel.expected, 'failed: out_of_fuel');
      assert.equal(fuel.answer, fuel.expected);
      const verified = jobEvents(fuel.job, 'ResultVerified');
      assert.equal(verified.length, 1);
      assert.equal(verified[0].data.agreed, 3);
    });

    await t.test('content whose bytes do not match its hash is refused by every provider', async () => {
      const canonical = '{"workload":"wasm","status":"failed","reason":"content_unavailable"}';
      const verified = jobEvents(mismatch.job, 'ResultVerified');
      assert.equal(verified.length, 1);
      assert.equal(verified[0].data.resultHash, blake2AsHex(canonical));
      const reveals = jobEvents(mismatch.job, 'ResultRevealed');
      assert.equal(reveals.length, 3);
      for (const r of reveals) {
        const name = [...agents.agents.values()].find((a) => a.address === r.data.provider).name;
        assert.match(agents.log(name), new RegExp(`job ${mismatch.job}: .*hashing to 0x[0-9a-f]{64}, not ${mismatch.hash}: refused`));
      }
      assert.equal(mismatch.served, 0, 'the wrong bytes were never used: no provider asked for the input');
    });

    await t.test('a k = 1 job through a standing offer is run by the offer\'s provider', async () => {
      assert.equal(offer.answer, offer.expected);
      const assigned = jobEvents(offer.job, 'OfferAccepted');
      assert.equal(assigned.length, 1);
      const paid = jobEvents(offer.job, 'ProviderPaid');
      assert.deepEqual(paid.map((e) => e.data.provider), [address('agent3')]);
    });
  } catch (e) {
    failed = true;
    throw e;
  }
});

/**
 * A k = 3 WASM job whose workload URI serves other bytes than its hash names: posted with
 * polkadot.js, its content served by a plain HTTP server of this test.
 */
async function wrongBytesJob() {
  const claimed = blake2AsHex('a module this server never sends');
  const input = Buffer.from('some input');
  let served = 0;
  const server = http.createServer((req, res) => {
    if (req.url.startsWith(`/blob/${claimed}`)) {
      res.end(Buffer.from('these are not the bytes the job names'));
    } else {
      served += 1;
      res.end(input);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const eve = await signer('//Eve');
    const spec = {
      workload: { kind: 'Wasm', content: { hash: claimed, uri: `${base}/blob/${claimed}` } },
      input: { hash: blake2AsHex(input), uri: `${base}/blob/${blake2AsHex(input)}` },
      requirements: { gpuCount: 0, vramGib: 0, cpuCores: 0, ramGib: 0 },
      region: null,
      replicas: 3,
      maxPrice: 2n * UNIT,
      biddingPeriod: 8,
      executionPeriod: 10,
      revealPeriod: 6,
      minReputation: null,
      assets: [],
      maxRoyalties: 0,
    };
    const { events: evs } = await submit(api, api.tx.computeMarket.postJob(spec), eve);
    const job = evs.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
    await until(`job ${job} to finish`, async () => {
      const j = await api.query.computeMarket.jobs(job);
      return j.isSome && ['Settled', 'Failed', 'Expired'].includes(j.unwrap().status.type);
    }, 400000);
    await until(`the events of job ${job}`, () => jobEvents(job, 'JobSettled').length > 0, 60000);
    return { job, hash: claimed, served };
  } finally {
    server.close();
  }
}

test('an agent killed right after committing reveals after its restart', async () => {
  try {
    const input = path.join(here, 'fixtures', 'endless.wat');
    const expected = await localAnswer(reverse, input);
    const running = runJob(['--model', reverse, '--input', input, '--replicas', '3', '--execution', '10', '--reveal', '10']);
    // Killed when its commitment is in a best block: agents act on finalized blocks only, so
    // agent1 cannot have seen the reveal phase yet.
    const killedAt = await new Promise((resolve, reject) => {
      let unsub = () => {};
      const timer = setTimeout(() => {
        unsub();
        reject(new Error('agent1 did not commit'));
      }, 300000);
      api.query.system
        .events((records) => {
          for (const { event } of records) {
            if (event.section === 'computeMarket' && event.method === 'ResultCommitted' &&
              event.data.provider.toString() === address('agent1')) {
              clearTimeout(timer);
              unsub();
              resolve(event.data.jobId.toNumber());
            }
          }
        })
        .then((u) => {
          unsub = u;
        });
    });
    await agents.stop('agent1', 'SIGKILL');
    agents.start('agent1');
    const result = await running;
    assert.equal(result.job, killedAt);
    assert.equal(result.answer, expected);
    const reveal = jobEvents(result.job, 'ResultRevealed').find((e) => e.data.provider === address('agent1'));
    assert.ok(reveal, 'the restarted agent revealed what it committed');
    assert.ok(jobEvents(result.job, 'ProviderPaid').some((e) => e.data.provider === address('agent1')));
    assert.match(agents.log('agent1'), new RegExp(`job ${result.job}: revealed result`));
  } catch (e) {
    failed = true;
    throw e;
  }
});

test('a provider that corrupts its result is slashed by drawn arbiter agents when its requester challenges', async () => {
  try {
    agents.start('agent4');
    await agents.waitRegistered(api, { names: ['agent4'] });
    const offer = await until('agent4 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent4'));
    });
    const file = path.join(here, '..', 'lib', 'agents.mjs');
    const expected = await localAnswer('magika', file);
    const running = runJob(['--model', 'magika', '--input', file, '--offer', String(offer[0].args[0].toNumber())], {
      suri: '//Ferdie',
    });
    // The requester doubts the single provider's result and challenges it in its window.
    const opened = await until('a challenge window', () => events.find((e) => e.method === 'ChallengeWindowOpened' &&
      jobEvents(e.data.jobId, 'OfferAccepted').some((a) => a.data.requester === ferdie)));
    const job = opened.data.jobId;
    await submit(api, api.tx.computeMarket.challengeResult(job), await signer('//Ferdie'));
    const r = await running;
    assert.equal(r.job, job);
    // The arbiters' verified answer is what the model gives.
    assert.equal(r.answer, expected);
    const drawn = jobEvents(job, 'ArbitersDrawn')[0].data.arbiters.sort();
    assert.deepEqual(drawn, [address('agent1'), address('agent2'), address('agent3')].sort());
    const verified = jobEvents(job, 'ResultVerified')[0].data.resultHash;
    for (const arbiter of drawn) {
      const reveal = jobEvents(job, 'ResultRevealed').find((e) => e.data.provider === arbiter);
      assert.equal(reveal?.data.resultHash, verified, 'each drawn agent re-ran the job and revealed the verified result');
    }
    for (const name of ['agent1', 'agent2', 'agent3']) {
      assert.match(agents.log(name), new RegExp(`assigned to job ${job} as Arbiter`));
    }
    const slashed = jobEvents(job, 'BondSlashed');
    assert.deepEqual(slashed.map((e) => [e.data.provider, e.data.reason]), [[address('agent4'), 'WrongResult']]);
    assert.equal(jobEvents(job, 'ProviderPaid').filter((e) => e.data.provider === address('agent4')).length, 0);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await agents.stop('agent4');
  }
});
