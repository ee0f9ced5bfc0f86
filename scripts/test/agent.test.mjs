// End-to-end tests of allmende-agent with provider agents on a real network: real Magika and
// WASM jobs through bidding, commit, reveal and settlement; content whose bytes do not match its
// hash or its declared size; an endless workload; a k = 1 job through a standing offer; an
// agent killed after committing that reveals after its restart; a dishonest agent's result
// challenged by its requester's spot check, re-run by drawn arbiter agents, and slashed; a job
// whose commitment the Technical Committee pauses past its deadline, settled after the pause.
// What no unit test shows: the agents' runners, downloads, restart state and chain client
// against a live chain, and the requester's command from post to answer.
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { blake2AsHex } from '@polkadot/util-crypto';
import { firstOf, signer, submit } from '../lib/client.mjs';
import { close, propose, vote } from '../lib/governance.mjs';
import { leastBond, marketParameters } from '../lib/market.mjs';
import {
  address, agents, api, here, jobEvents, localAnswer, markFailed, runJob, standingOffer, UNIT, until, useAgentNetwork,
} from './agent-network.mjs';

useAgentNetwork({
  prepare: [1, 2, 3, 4],
  overrides: {
    3: { offers: [standingOffer('1')] },
    // The dishonest agent bids lowest, so it is among the winners when it is running.
    4: {
      price: '0.5',
      fault: 'corrupt-result',
      arbiter: false,
      offers: [standingOffer('0.5')],
    },
  },
  start: ['agent1', 'agent2', 'agent3'],
});

const reverse = path.join(here, 'fixtures', 'reverse.wat');
const endless = path.join(here, 'fixtures', 'endless.wat');

test('k = 3 Magika, an endless WASM module, content that does not match its hash, and a k = 1 offer, at once', async (t) => {
  try {
    // Root raises the least bid bond after the agents connected: their metadata still holds
    // the old value, and a bid with it would fail (`BondTooLow`) on every job below.
    const before = await marketParameters(api);
    const raised = before.minBidBond.toBigInt() + UNIT / 2n;
    await submit(api, api.tx.sudo.sudo(api.tx.parameters.setParameter({ Market: { MinBidBond: [null, raised] } })),
      await signer('//Alice'));
    assert.equal((await marketParameters(api)).minBidBond.toBigInt(), raised);
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

    await t.test('the agents bid with the least bond governance set after they connected', async () => {
      const leastOf = async (job) => leastBond(api, (await api.query.computeMarket.jobs(job)).unwrap().spec.maxPrice.toBigInt());
      assert.equal(await leastOf(magika.job), raised, 'the job is cheap enough that the floor decides');
      for (const job of [magika.job, fuel.job]) {
        const least = await leastOf(job);
        const bonds = jobEvents(job, 'BidPlaced').map((e) => BigInt(e.data.bond));
        assert.equal(bonds.length, 3);
        assert.deepEqual(bonds, [least, least, least], `job ${job}'s bids`);
      }
      for (const name of ['agent1', 'agent2', 'agent3']) {
        assert.doesNotMatch(agents.log(name), /BondTooLow/, `${name} never bid below the bond`);
      }
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
    markFailed();
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
    markFailed();
    throw e;
  }
});

test('a provider that corrupts its result is caught by its requester\'s spot check and slashed by drawn arbiter agents', async () => {
  try {
    const ferdie = await signer('//Ferdie');
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
    assert.ok(jobEvents(job, 'OfferAccepted').some((a) => a.data.requester === ferdie.address));
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
    markFailed();
    throw e;
  } finally {
    await agents.stop('agent4');
  }
});

test('a job through a paused commit_result: its deadline stands still, the agent waits for the pause to end, commits and is paid, not slashed', async () => {
  try {
    // Where agent3's log stands before this job.
    const logFrom = Buffer.byteLength(agents.log('agent3'));
    const [alice, bob, charlie, dave, eve, ferdie] = await Promise.all(
      ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((suri) => signer(suri)));
    const fast = { until: 'block' };
    const commitCall = ['ComputeMarket', 'commit_result'];
    // Both motions get their two ayes first; closing them pauses and lifts the pause at once.
    const ready = async (body, call, proposer, second) => {
      const m = await propose(api, proposer, body, call, fast);
      await vote(api, second, body, m.index, true, fast);
      return m.index;
    };
    const [pause, unpause] = await Promise.all([
      ready('committee', api.tx.txPause.pause(commitCall).method, eve, ferdie),
      ready('council', api.tx.txPause.unpause(commitCall).method, alice, bob),
    ]);
    const offer = await until('agent3 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent3'));
    });
    // The pause follows the offer's acceptance in the next block: agent3 sees its assignment in
    // a finalized block, two blocks or more later, so its commitment meets the pause.
    const accepted = bestEvent(300000, (event) => api.events.computeMarket.OfferAccepted.is(event) &&
      event.data.requester.toString() === charlie.address);
    const input = path.join(here, 'fixtures', 'reverse.wat');
    const running = runJob(['--model', reverse, '--input', input, '--offer', String(offer[0].args[0].toNumber()), '--accept'], {
      suri: '//Charlie',
    });
    running.catch(() => {});
    // A run that ends before its offer is accepted says why, instead of a timeout.
    const ended = running.then(() => {
      throw new Error('the requester\'s run ended before its offer was accepted');
    });
    // It ends, one way or the other, after the race too: that is no failure of its own.
    ended.catch(() => {});
    const job = (await Promise.race([accepted, ended])).data.jobId.toNumber();
    const paused = await close(api, dave, 'committee', pause, fast);
    assert.ok(paused.events.some(({ event }) => api.events.txPause.CallPaused.is(event)), 'commit_result paused');
    const pausedAt = (await api.rpc.chain.getHeader(paused.blockHash)).number.toNumber();
    // Paused past the commit deadline (longer than the job's execution period): without the
    // pause the job would fail there and slash agent3's bond.
    const deadline = (await api.query.computeMarket.jobs(job)).unwrap().deadline.toNumber();
    assert.ok(pausedAt < deadline, 'paused while the job ran, before its commit deadline');
    await until(`block #${deadline}`, async () => (await api.rpc.chain.getHeader()).number.toNumber() >= deadline, 180000);
    // What agent3 said while the call was paused.
    const pauseLog = agents.log('agent3', logFrom);
    const lifted = await close(api, dave, 'council', unpause, fast);
    assert.ok(lifted.events.some(({ event }) => api.events.txPause.CallUnpaused.is(event)), 'commit_result unpaused');
    const liftedAt = (await api.rpc.chain.getHeader(lifted.blockHash)).number.toNumber();
    assert.ok(liftedAt > deadline);
    const result = await running;
    assert.equal(result.job, job);
    const extended = jobEvents(job, 'DeadlineExtended');
    assert.ok(extended.length > 0, 'the commit deadline was extended');
    assert.ok(extended[0].data.deadline > deadline);
    const committed = jobEvents(job, 'ResultCommitted');
    assert.ok(committed.length === 1 && committed[0].block > liftedAt, 'committed once the pause was lifted');
    // It did not send its commitment into the pause, where the chain would filter it and
    // keep the fee: it said once that it waits, and sent no transaction until the lift.
    assert.equal(pauseLog.match(new RegExp(`job ${job}: commit_result is not sent while the call is paused`, 'g'))?.length, 1);
    assert.doesNotMatch(pauseLog, /submitted commit_result /);
    const nonceAt = async (number) =>
      (await (await api.at(await api.rpc.chain.getBlockHash(number))).query.system.account(address('agent3'))).nonce.toNumber();
    assert.equal(await nonceAt(liftedAt - 1), await nonceAt(pausedAt), 'agent3 sent nothing while the call was paused');
    assert.deepEqual(jobEvents(job, 'ProviderPaid').map((e) => e.data.provider), [address('agent3')]);
    assert.equal(jobEvents(job, 'BondSlashed').length, 0);
  } catch (e) {
    markFailed();
    throw e;
  }
});

/** The first event in a best block that `matches`, within `timeoutMs`. */
function bestEvent(timeoutMs, matches) {
  return firstOf(
    (cb) => api.query.system.events(cb),
    (records) => records.find(({ event }) => matches(event))?.event,
    timeoutMs,
    () => new Error('no such event'),
  );
}
