// End-to-end tests of allmende-agent on a real 4-validator network with provider agents:
// real Magika and WASM jobs through bidding, commit, reveal and settlement; an agent killed
// after committing that reveals after its restart; content whose bytes do not match its hash
// or its declared size;
// an endless workload; a k = 1 job through a standing offer; a dishonest agent's result
// challenged, re-run by drawn arbiter agents, and its bond slashed; two honest replicas whose
// results differ by rounding, both paid after the arbiter agents judge each within the job's
// tolerance; a party of three agents revealing one fake answer, which wins whole jobs only by
// lot and is caught and slashed each time; a permissioned model hosted by its owner's agent,
// given only to providers assigned to jobs that name it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { AGENT_BIN, Agents, startHost } from '../lib/agents.mjs';
import { connect, signer, submit } from '../lib/client.mjs';
import { declaredSize } from '../lib/market.mjs';
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
  await agents.prepare(api, [1, 2, 3, 4, 5, 6], {
    3: { offers: [{ price: '1', capacity: 5, validBlocks: 2000, executionPeriod: 8, revealPeriod: 6 }] },
    // The dishonest agent bids lowest, so it is among the winners when it is running.
    4: {
      price: '0.5',
      fault: 'corrupt-result',
      arbiter: false,
      offers: [{ price: '0.5', capacity: 5, validBlocks: 2000, executionPeriod: 8, revealPeriod: 6 }],
    },
    // Two cheap providers outside the arbiter pool, one of which rounds as another CPU
    // would: the only bidders on a job paying less than the others ask.
    5: { price: '0.3', fault: 'round-differently', arbiter: false },
    6: { price: '0.3', arbiter: false },
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
    const [magika, fuel, mismatch, falseSize, offer] = await Promise.all([
      (async () => {
        const expected = await localAnswer('magika', file);
        // Spot-checked by the requester (the three replicas agree with it) and accepted as
        // soon as the challenge window opens.
        const r = await runJob(['--model', 'magika', '--input', file, '--replicas', '3', '--max-price', '2', '--audit', '--accept']);
        assert.match(r.stderr, /audit: the revealed result 0x[0-9a-f]{64} is what this machine computes/);
        return { ...r, expected };
      })(),
      (async () => {
        const expected = await localAnswer(endless, file);
        const r = await runJob(['--model', endless, '--input', file, '--replicas', '3', '--execution', '12', '--accept'], {
          suri: '//Charlie',
        });
        return { ...r, expected };
      })(),
      badContentJob('hash'),
      badContentJob('size'),
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

    // The document every agent reveals for content it could not have, whatever the runner;
    // its hash is the chain's own constant.
    const canonical = '{"status":"failed","reason":"content_unavailable"}';
    const refusedByAll = (bad, reason) => {
      const verified = jobEvents(bad.job, 'ResultVerified');
      assert.equal(verified.length, 1);
      assert.equal(verified[0].data.resultHash, blake2AsHex(canonical));
      assert.equal(verified[0].data.resultHash, api.consts.computeMarket.contentUnavailable.toHex());
      const reveals = jobEvents(bad.job, 'ResultRevealed');
      assert.equal(reveals.length, 3);
      for (const r of reveals) {
        const name = [...agents.agents.values()].find((a) => a.address === r.data.provider).name;
        assert.match(agents.log(name), new RegExp(`job ${bad.job}: .*${reason}: refused`));
      }
    };

    await t.test('content whose bytes do not match its hash is refused by every provider', async () => {
      refusedByAll(mismatch, `hashing to 0x[0-9a-f]{64}, not ${mismatch.hash}`);
      assert.equal(mismatch.inputServed, 0, 'the wrong bytes were never used: no provider asked for the input');
    });

    await t.test('content that is not the size the job declares is refused by every provider', async () => {
      refusedByAll(falseSize, `declares ${falseSize.declared} bytes but its content has ${falseSize.actual}`);
      assert.equal(falseSize.inputServed, 3);
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
 * A k = 3 WASM job whose content breaks a rule, posted with polkadot.js, its content served by
 * a plain HTTP server of this test:
 * - `hash`: the workload URI serves other bytes than the hash the job names;
 * - `size`: the job declares more bytes for the input than its content has, which hashes
 *   right.
 */
async function badContentJob(mode) {
  const module = Buffer.from(mode === 'hash' ? 'a module this server never sends' : 'never run: the input is refused first');
  const input = Buffer.from('some input');
  const workloadHash = blake2AsHex(module);
  // Served in place of the workload in `hash` mode, and declared at its own size, so that the
  // providers download it whole and find its hash wrong.
  const wrongBytes = Buffer.from('these are not the bytes the job names');
  const inputHash = blake2AsHex(input);
  let inputServed = 0;
  const server = http.createServer((req, res) => {
    if (req.url.startsWith(`/blob/${workloadHash}`)) {
      res.end(mode === 'hash' ? wrongBytes : module);
    } else {
      inputServed += 1;
      res.end(input);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const declared = input.length + 3;
  try {
    const eve = await signer(mode === 'hash' ? '//Eve' : '//Alice');
    const spec = {
      workload: { kind: 'Wasm', content: { hash: workloadHash, uri: `${base}/blob/${workloadHash}`, size: (mode === 'hash' ? wrongBytes : module).length } },
      input: { hash: inputHash, uri: `${base}/blob/${inputHash}`, size: mode === 'size' ? declared : input.length },
      requirements: { gpuCount: 0, vramGib: 0, cpuCores: 0, ramGib: 0 },
      region: null,
      replicas: 3,
      maxPrice: 2n * UNIT,
      biddingPeriod: 10,
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
    return { job, hash: workloadHash, inputServed, declared, actual: input.length };
  } finally {
    server.close();
  }
}

test('an agent killed right after committing reveals after its restart', async () => {
  try {
    const input = path.join(here, 'fixtures', 'endless.wat');
    const expected = await localAnswer(reverse, input);
    const running = runJob(['--model', reverse, '--input', input, '--replicas', '3', '--execution', '10', '--reveal', '10', '--accept']);
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

test('a provider that corrupts its result is caught by its requester\'s spot check and slashed by drawn arbiter agents', async () => {
  try {
    agents.start('agent4');
    await agents.waitRegistered(api, { names: ['agent4'] });
    const offer = await until('agent4 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent4'));
    });
    const file = path.join(here, '..', 'lib', 'agents.mjs');
    const expected = await localAnswer('magika', file);
    // The requester spot-checks the single provider's result (`--audit`: it runs the model
    // itself while the provider does) and challenges it in its window when it differs.
    const r = await runJob(['--model', 'magika', '--input', file, '--offer', String(offer[0].args[0].toNumber()), '--audit'], {
      suri: '//Ferdie',
    });
    const job = r.job;
    assert.match(r.stderr, /audit: the providers revealed 0x[0-9a-f]{64}, this machine computes 0x[0-9a-f]{64}: challenging/);
    assert.equal(jobEvents(job, 'ResultChallenged').length, 1);
    assert.ok(jobEvents(job, 'OfferAccepted').some((a) => a.data.requester === ferdie));
    // The arbiters' verified answer is what the model gives.
    assert.equal(r.answer, expected);
    const drawn = jobEvents(job, 'ArbitersDrawn')[0].data.arbiters.sort();
    assert.deepEqual(drawn, [address('agent1'), address('agent2'), address('agent3')].sort());
    const verified = jobEvents(job, 'ResultVerified')[0].data.resultHash;
    for (const arbiter of drawn) {
      const reveal = jobEvents(job, 'VerdictRevealed').find((e) => e.data.arbiter === arbiter);
      assert.equal(reveal?.data.resultHash, verified, 'each drawn agent re-ran the job and revealed the verified result');
      assert.deepEqual(reveal?.data.agrees, ['Differs'], 'and judged the corrupted replica wrong');
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

test('two honest replicas whose results differ by rounding are both paid: the arbiter agents judge each within the tolerance', async () => {
  try {
    for (const name of ['agent5', 'agent6']) agents.start(name);
    await agents.waitRegistered(api, { names: ['agent5', 'agent6'] });
    const file = path.join(here, '..', 'lib', 'agents.mjs');
    const expected = await localAnswer('magika', file);
    // Agents 1 to 3 ask 1 ALM, so only agents 5 and 6 bid; 1 to 3 are the arbiter pool.
    const r = await runJob(['--model', 'magika', '--input', file, '--replicas', '2', '--max-price', '0.4']);
    const job = r.job;
    const assigned = jobEvents(job, 'JobAssigned')[0].data.providers;
    assert.deepEqual([...assigned].sort(), [address('agent5'), address('agent6')].sort());
    assert.match(agents.log('agent5'), new RegExp(`job ${job}: rounding Magika's score one unit up`));
    const revealed = jobEvents(job, 'ResultRevealed').map((e) => e.data.resultHash);
    assert.equal(new Set(revealed).size, 2, 'the two replicas revealed different hashes');
    assert.equal(jobEvents(job, 'DisputeOpened').length, 1);
    // Each arbiter ran the job and found both results within the job's tolerance of its own.
    const verdicts = jobEvents(job, 'VerdictRevealed');
    assert.deepEqual(verdicts.map((v) => v.data.arbiter).sort(), [address('agent1'), address('agent2'), address('agent3')].sort());
    for (const v of verdicts) assert.deepEqual(v.data.agrees, ['Agrees', 'Agrees']);
    for (const name of ['agent5', 'agent6']) {
      assert.equal(jobEvents(job, 'ProviderPaid').filter((e) => e.data.provider === address(name)).length, 1, `${name} is paid`);
    }
    assert.equal(jobEvents(job, 'BondSlashed').length, 0);
    // The verified answer is one of the two: Magika's label, its score within 1e-4.
    assert.equal(r.answer.split(',')[0], expected.split(',')[0]);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await agents.stop('agent5');
    await agents.stop('agent6');
  }
});

/** An `.npy` file of float32 values in C order (NumPy format 1.0). */
function npyF32(shape, values) {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const dataAt = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = `${dict.padEnd(dataAt - 11, ' ')}\n`;
  const buf = Buffer.alloc(dataAt + 4 * values.length);
  buf.write('\x93NUMPY', 0, 'latin1');
  buf[6] = 1;
  buf.writeUInt16LE(header.length, 8);
  buf.write(header, 10, 'latin1');
  values.forEach((v, i) => buf.writeFloatLE(v, dataAt + 4 * i));
  return buf;
}

/**
 * `GET url?job=N` signed by `suri` as an agent signs it, polled until the server's finalized
 * block has the job; resolves with { status, body }.
 */
async function signedGet(url, suri, job) {
  const pair = await signer(suri);
  const u = new URL(url);
  const hash = u.pathname.split('/').pop();
  return until(`the server at ${u.host} to know job ${job}`, async () => {
    const time = Math.floor(Date.now() / 1000);
    const signature = pair.sign(stringToU8a(`allmende-blob:${u.host}:${hash}:${job}:${time}`));
    const res = await fetch(`${u.origin}${u.pathname}?job=${job}`, {
      headers: {
        'x-allmende-account': u8aToHex(pair.publicKey),
        'x-allmende-time': String(time),
        'x-allmende-signature': u8aToHex(signature),
      },
    });
    const body = await res.text();
    return /no such job/.test(body) ? null : { status: res.status, body };
  }, 60000);
}

test('a permissioned model hosted by its owner reaches only providers assigned to jobs that name it', async (t) => {
  const dir = fs.mkdtempSync(path.join(network.dir, 'host-'));
  const model = path.join(dir, 'classifier.onnx');
  const input = path.join(dir, 'x.npy');
  let host;
  let dataHost;
  try {
    await execFileP(AGENT_BIN, ['example-model', model]);
    fs.writeFileSync(input, npyF32([1, 4], [0.5, -1.25, 3, 0.75]));
    const expected = await localAnswer(model, input);
    // A dataset Eve also owns: a job of her model on it uses nothing but her content.
    const data = path.join(dir, 'y.npy');
    fs.writeFileSync(data, npyF32([1, 4], [2, 0.25, -0.5, 1]));
    const expectedOnData = await localAnswer(model, data);
    const bob = (await signer('//Bob')).address;
    const charlie = await signer('//Charlie');
    // //Eve owns the model; Bob may use it in jobs, for a royalty of 1 ALM.
    host = await startHost([
      model, '--node', network.wsUrl(), '--suri', '//Eve', '--data-dir', path.join(dir, 'owner'),
      '--listen', '127.0.0.1:0', '--royalty', '1', '--grant', bob,
    ]);
    // Eve's dataset, from a second server of hers.
    dataHost = await startHost([
      data, '--kind', 'dataset', '--node', network.wsUrl(), '--suri', '//Eve', '--data-dir', path.join(dir, 'owner-data'),
      '--listen', '127.0.0.1:0', '--royalty', '1', '--grant', bob,
    ]);
    const dataAsset = dataHost.asset;
    const { asset } = host;
    const lastJob = events.filter((e) => e.method === 'JobPosted').reduce((m, e) => Math.max(m, e.data.jobId), -1);

    // Bob's job names the model; one agent wins it.
    const running = runJob(['--model', `asset:${asset}`, '--input', input, '--replicas', '1', '--max-royalties', '1', '--accept']);
    const assigned = await until('Bob\'s job to be assigned', () => events.find((e) => e.method === 'JobAssigned' &&
      e.data.jobId > lastJob && jobEvents(e.data.jobId, 'JobPosted').some((p) => p.data.requester === bob)));
    const job = assigned.data.jobId;
    const winner = [...agents.agents.values()].find((a) => a.address === assigned.data.providers[0]);
    const bystander = ['agent1', 'agent2', 'agent3'].find((n) => n !== winner.name);
    const asBystander = await signedGet(host.url, `//Agent${bystander.slice(-1)}`, job);
    const asRequester = await signedGet(host.url, '//Bob', job);
    const granted = await running;
    const record = (await api.query.dataRegistry.assets(asset)).unwrap();

    // Charlie, who was not granted the model, and agent3, a provider Charlie also controls.
    const offer = await until('agent3 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent3'));
    });
    const offerId = offer[0].args[0].toNumber();
    const spec = (assets) => ({
      workload: { kind: 'Onnx', content: { hash: host.hash, uri: host.url, size: declaredSize(host.url) } },
      input: { hash: blake2AsHex('x'), uri: `http://127.0.0.1:9/blob/${blake2AsHex('x')}`, size: 1 },
      requirements: { gpuCount: 0, vramGib: 0, cpuCores: 0, ramGib: 0 },
      region: null,
      replicas: 1,
      maxPrice: 2n * UNIT,
      biddingPeriod: 10,
      executionPeriod: 8,
      revealPeriod: 6,
      minReputation: null,
      assets,
      maxRoyalties: 2n * UNIT,
    });
    const naming = await submit(api, api.tx.computeMarket.acceptOffer(offerId, spec([asset])), charlie)
      .then(() => 'accepted', (e) => e.message);
    // Not naming the model: the registry is not asked, agent3 is assigned at once.
    const { events: evs } = await submit(api, api.tx.computeMarket.acceptOffer(offerId, spec([])), charlie);
    const taken = evs.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
    const asAgent3 = await signedGet(host.url, '//Agent3', taken);
    await until(`job ${taken} to reach its challenge window`, async () => {
      const j = await api.query.computeMarket.jobs(taken);
      return j.isSome && j.unwrap().status.type === 'ChallengeWindow';
    }, 300000);
    await submit(api, api.tx.computeMarket.acceptResult(taken), charlie);
    await until(`the events of job ${taken}`, () => jobEvents(taken, 'JobSettled').length > 0, 60000);
    const afterCharlie = (await api.query.dataRegistry.assets(asset)).unwrap();

    // The royalty dodge: agent4, now a provider that fetches a job's content and then says it
    // could not get it, takes Bob's job of Eve's model on Eve's dataset through its standing
    // offer. The owner's host gave it both, so it challenges; the drawn arbiter agents fetch
    // them and compute.
    const a4 = agents.agents.get('agent4');
    a4.args = a4.args.map((x) => (x === 'corrupt-result' ? 'claim-unavailable' : x));
    agents.start('agent4');
    await agents.waitRegistered(api, { names: ['agent4'] });
    const offer4 = await until('agent4 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent4'));
    });
    const dodged = await runJob(['--model', `asset:${asset}`, '--input', `asset:${dataAsset}`, '--offer', String(offer4[0].args[0].toNumber()), '--max-royalties', '2'])
      .finally(() => agents.stop('agent4'));
    const afterDodge = (await api.query.dataRegistry.assets(asset)).unwrap();

    await t.test('the assigned provider runs the hosted model; the owner is paid its royalty', async () => {
      assert.equal(granted.job, job);
      assert.equal(granted.answer, expected);
      assert.deepEqual(jobEvents(job, 'ProviderPaid').map((e) => e.data.provider), [winner.address]);
      assert.match(agents.log(winner.name), new RegExp(`job ${job}: fetched ${host.hash}`));
      assert.equal(record.uses.toNumber(), 1);
      assert.equal(record.royaltiesPaid.toBigInt(), UNIT);
    });

    await t.test('a provider not assigned to the job, and the job\'s own requester, are refused the model', async () => {
      assert.equal(asBystander.status, 403);
      assert.match(asBystander.body, /not assigned/);
      assert.equal(asRequester.status, 403);
      assert.match(asRequester.body, /not assigned/);
    });

    await t.test('a requester without access and its own provider cannot get the model: not by naming it, not by its hash alone', async () => {
      assert.match(naming, /AccessDenied/);
      assert.equal(asAgent3.status, 403);
      assert.match(asAgent3.body, /which the job does not name/);
      assert.equal(jobEvents(taken, 'ResultVerified')[0]?.data.resultHash, api.consts.computeMarket.contentUnavailable.toHex());
      assert.match(agents.log('agent3'), new RegExp(`job ${taken}: .*which the job does not name`));
      assert.doesNotMatch(agents.log('agent3'), new RegExp(`job ${taken}: fetched`));
      assert.equal(afterCharlie.uses.toNumber(), 1, 'a job that does not name the model pays no royalty');
    });

    await t.test('a provider that got the model and says it could not is overturned by the owner\'s challenge; the owner is paid', async () => {
      const unavailable = api.consts.computeMarket.contentUnavailable.toHex();
      const reveals = jobEvents(dodged.job, 'ResultRevealed');
      assert.equal(reveals.find((e) => e.data.provider === address('agent4'))?.data.resultHash, unavailable);
      assert.match(agents.log('agent4'), new RegExp(`job ${dodged.job}: fetched ${host.hash}`));
      assert.match(agents.log('agent4'), new RegExp(`job ${dodged.job}: fetched ${dataHost.hash}`));
      const challenged = jobEvents(dodged.job, 'ResultChallenged');
      assert.deepEqual(challenged.map((e) => e.data.challenger), [(await signer('//Eve')).address]);
      // Both of Eve's servers gave agent4 its content; the first to see the window challenges.
      const said = new RegExp(`job ${dodged.job}: its providers say they could not get the content this server gave them; challenging`);
      assert.ok(said.test(host.log()) || said.test(dataHost.log()));
      // The arbiters computed the model's answer; it is the verified result.
      assert.equal(dodged.answer, expectedOnData);
      const verified = jobEvents(dodged.job, 'ResultVerified');
      assert.equal(verified.length, 1);
      assert.notEqual(verified[0].data.resultHash, unavailable);
      // agent4 is neither paid nor slashed (a server could have refused it); the owner gets
      // its bond back and its royalty.
      assert.equal(jobEvents(dodged.job, 'ProviderPaid').filter((e) => e.data.provider === address('agent4')).length, 0);
      assert.equal(jobEvents(dodged.job, 'BondSlashed').length, 0);
      assert.equal(jobEvents(dodged.job, 'ChallengeBondForfeited').length, 0);
      assert.equal(afterDodge.uses.toNumber(), afterCharlie.uses.toNumber() + 1);
      assert.equal(afterDodge.royaltiesPaid.toBigInt() - afterCharlie.royaltiesPaid.toBigInt(), UNIT);
      const dataRecord = (await api.query.dataRegistry.assets(dataAsset)).unwrap();
      assert.equal(dataRecord.royaltiesPaid.toBigInt(), UNIT);
    });
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    host?.proc.kill();
    dataHost?.proc.kill();
  }
});

/**
 * The largest number of jobs out of `n` that a party winning each whole job with probability
 * `p` reaches with a chance of at least `tail`: more than that is no longer luck.
 */
function binomialBound(n, p, tail = 1e-6) {
  const choose = (a, b) => { let c = 1; for (let i = 1; i <= b; i += 1) c = (c * (a - b + i)) / i; return c; };
  let above = 1;
  for (let x = 0; x <= n; x += 1) {
    above -= choose(n, x) * p ** x * (1 - p) ** (n - x);
    if (above < tail) return x;
  }
  return n;
}

test('a party with three provider agents revealing one fake answer wins whole jobs only by lot, and every fake it reveals is caught and slashed', async () => {
  // The party: three agents that reveal the same made-up result (the real one with bytes
  // appended) and undercut every honest bid. Honest: agents 1 to 3 bid 1 ALM; agents 10 to
  // 12 only judge. The party is not in the arbiter pool: its seats there are the unit tests'.
  const party = ['agent7', 'agent8', 'agent9'];
  const judges = ['agent10', 'agent11', 'agent12'];
  try {
    await agents.prepare(api, [7, 8, 9, 10, 11, 12], {
      7: { price: '0.5', fault: 'corrupt-result', arbiter: false },
      8: { price: '0.5', fault: 'corrupt-result', arbiter: false },
      9: { price: '0.5', fault: 'corrupt-result', arbiter: false },
      10: { price: null },
      11: { price: null },
      12: { price: null },
    });
    for (const name of [...party, ...judges]) agents.start(name);
    await agents.waitRegistered(api, { names: [...party, ...judges] });
    const partyAddresses = new Set(party.map(address));
    const honest = new Set(['agent1', 'agent2', 'agent3'].map(address));
    const file = path.join(here, '..', 'lib', 'agents.mjs');
    const expected = await localAnswer('magika', file);
    // Six honest requesters at once, each spot-checking its k = 3 job and challenging a
    // result that differs from its own run.
    const requesters = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'];
    const runs = await Promise.all(requesters.map((suri) => runJob(
      ['--model', 'magika', '--input', file, '--replicas', '3', '--max-price', '2', '--bidding', '14', '--audit', '--accept'],
      { suri },
    )));
    let captured = 0;
    let fakes = 0;
    for (const r of runs) {
      const assigned = jobEvents(r.job, 'JobAssigned')[0].data.providers;
      // Six equal bonds, the party's three cheaper: the clearing price (two thirds of the
      // bonds) is the honest 1 ALM, so all six bids are in the lot.
      assert.equal(jobEvents(r.job, 'JobAssigned')[0].data.price, Number(UNIT), `job ${r.job}: paid the clearing price`);
      if (assigned.every((p) => partyAddresses.has(p))) captured += 1;
      assert.equal(r.answer, expected, `job ${r.job}: the requester gets the model's answer`);
      const revealedByParty = jobEvents(r.job, 'ResultRevealed').filter((e) => partyAddresses.has(e.data.provider));
      fakes += revealedByParty.length;
      // Every fake revealed is slashed as a wrong result, and nobody else is slashed.
      const slashed = jobEvents(r.job, 'BondSlashed').map((e) => `${e.data.provider} ${e.data.reason}`).sort();
      assert.deepEqual(slashed, revealedByParty.map((e) => `${e.data.provider} WrongResult`).sort(), `job ${r.job}: slashes`);
      const paid = jobEvents(r.job, 'ProviderPaid').map((e) => e.data.provider);
      assert.ok(paid.every((p) => !partyAddresses.has(p)), `job ${r.job}: the party is paid nothing`);
      for (const p of assigned.filter((a) => honest.has(a))) {
        assert.ok(paid.includes(p), `job ${r.job}: the honest replica ${p} is paid`);
      }
      if (revealedByParty.length === 3) {
        // The three reveals, then the requester's own hash.
        assert.match(r.stderr, /audit: the providers revealed (0x[0-9a-f]{64}, ){3}this machine computes 0x[0-9a-f]{64}: challenging/);
        assert.equal(jobEvents(r.job, 'ResultChallenged').length, 1, `job ${r.job}: challenged`);
      }
    }
    // Drawing 3 of 6 equal bonds, the party wins a whole job with probability 1/20 (its half
    // of the bonds gives s^k = 1/8 drawn with replacement); undercutting buys nothing here.
    const bound = binomialBound(runs.length, 1 / 20);
    console.log(`the party won ${captured} of ${runs.length} jobs whole (expected ${runs.length / 20}, ` +
      `more than ${bound} has a chance below one in a million) and revealed ${fakes} fakes, all slashed`);
    assert.ok(fakes > 0, 'the party won replicas at all');
    assert.ok(captured <= bound, `the party won ${captured} of ${runs.length} jobs whole`);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    // The judges stay in the arbiter pool: this is the file's last test.
    for (const name of [...party, ...judges]) await agents.stop(name);
  }
});
