// End-to-end tests of verification with agents on a real network: two honest replicas whose
// results differ by rounding, both paid after the arbiter agents judge each within the job's
// tolerance; a party of three agents revealing one fake answer, which wins whole jobs only by
// lot and is caught and slashed each time. What no unit test shows: real agents computing,
// faking, spot-checking, challenging and judging against each other, the lot drawn from BABE
// randomness on a live chain.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  address, agents, api, here, jobEvents, localAnswer, markFailed, runJob, UNIT, useAgentNetwork,
} from './agent-network.mjs';

useAgentNetwork({
  prepare: [1, 2, 3, 5, 6],
  overrides: {
    // Two cheap providers outside the arbiter pool, one of which rounds as another CPU
    // would: the only bidders on a job paying less than the others ask.
    5: { price: '0.3', fault: 'round-differently', arbiter: false },
    6: { price: '0.3', arbiter: false },
  },
  start: ['agent1', 'agent2', 'agent3'],
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
    markFailed();
    throw e;
  } finally {
    await agents.stop('agent5');
    await agents.stop('agent6');
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
      // An agent runs its jobs one after another, and reveals one job only between runs of the
      // others: time to commit and reveal all six on a busy machine. A phase ends as soon as
      // every replica is in, so the long periods cost nothing when the agents are quick.
      ['--model', 'magika', '--input', file, '--replicas', '3', '--max-price', '2', '--bidding', '14', '--execution', '30',
        '--reveal', '20', '--audit', '--accept'],
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
    markFailed();
    throw e;
  } finally {
    // The judges stay in the arbiter pool: this is the file's last test.
    for (const name of [...party, ...judges]) await agents.stop(name);
  }
});
