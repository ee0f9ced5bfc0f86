// End-to-end test of verification against a party of three provider agents revealing one
// fake answer on six honest jobs at once: it wins whole jobs only by lot and is caught and
// slashed each time. What no unit test shows: real agents computing, faking, spot-checking,
// challenging and judging against each other, the lot drawn from BABE randomness on a live
// chain. (Split from arbiters.test.mjs so that the two run side by side.)
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  address, agents, api, here, jobEvents, localAnswer, markFailed, runJob, UNIT, useAgentNetwork,
} from './agent-network.mjs';

// Agents 1 to 3 are the honest providers (1 ALM) and, with 10 to 12, the arbiter pool.
useAgentNetwork({ prepare: [1, 2, 3], start: ['agent1', 'agent2', 'agent3'] });

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
      // An agent runs two jobs at a time (its default concurrency): time to commit and reveal
      // all six on a busy machine. A phase ends as soon as every replica is in, so the long
      // periods cost nothing when the agents are quick.
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
