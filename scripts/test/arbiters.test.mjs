// End-to-end test of verification with agents on a real network: two honest replicas whose
// results differ by rounding, both paid after the arbiter agents judge each within the job's
// tolerance. What no unit test shows: real agents computing different results on one job and
// judging them against their own runs on a live chain. The fake-answer party's test is
// fake-party.test.mjs, on a network of its own, so the two run side by side.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  address, agents, api, here, jobEvents, localAnswer, markFailed, runJob, useAgentNetwork,
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
