// End-to-end test of the speech-segments pipeline with agents on a real network: a WAV
// recording spoken by espeak-ng and Silero VAD's model from the silero-vad package
// (scripts/setup.sh fetches it by hash), run by three providers, one of them with its workers
// under QEMU posing as a Nehalem (no AVX), all paid (drawn arbiters judge them when the
// emulated CPU rounds differently); and a provider that cuts its result short, caught by its
// requester's spot check and slashed by drawn arbiters. What no unit test shows: a pipeline posted, fetched, run, committed and judged
// through the chain, on an agent whose CPU is not the others'.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  AGENT_BIN, address, agents, api, jobEvents, localAnswer, markFailed, network, runJob, standingOffer, until,
  useAgentNetwork,
} from './agent-network.mjs';

const EMULATOR = ['qemu-x86_64', '-cpu', 'Nehalem'];

useAgentNetwork({
  prepare: [1, 2, 3, 4, 5, 6, 7],
  overrides: {
    2: { workerPrefix: EMULATOR },
    // Judges only: the arbiter pool of jobs that agents 1 to 3 run.
    5: { price: null },
    6: { price: null },
    7: { price: null },
    // The provider that cuts its results short bids lowest and offers itself for k = 1 jobs.
    4: { price: '0.5', fault: 'truncate-output', arbiter: false, offers: [standingOffer('0.5')] },
  },
  start: ['agent1', 'agent2', 'agent3', 'agent5', 'agent6', 'agent7'],
});

let made;

/** The recording and the pipeline, made once in the network's folder. */
function fixtures() {
  if (made) return made;
  const models = process.env.ALLMENDE_MODELS ?? path.join(os.homedir(), '.cache', 'allmende', 'models');
  const recording = path.join(network.dir, 'speech.wav');
  execFileSync('espeak-ng', ['-w', recording,
    'Anyone may sell compute, and anyone may buy it. Nobody stands at the gate.']);
  const pipeline = path.join(network.dir, 'speech.pipeline');
  execFileSync(AGENT_BIN, ['pipeline', 'speech-segments', path.join(models, 'silero_vad_16k_sequence.onnx'), pipeline]);
  made = { recording, pipeline };
  return made;
}

test('k = 3 speech segments, one provider under an emulated older CPU: the answer is the off-chain one and all three are paid', async () => {
  try {
    const { recording, pipeline } = fixtures();
    const expected = await localAnswer(pipeline, recording);
    assert.match(expected, /^speech in \d+ segments? of \d+\.\d\d s: \d/);
    assert.match(agents.log('agent2'), new RegExp(`workers run under \`${EMULATOR.join(' ')}\``));
    const r = await runJob(['--model', pipeline, '--input', recording, '--replicas', '3', '--max-price', '2']);
    assert.equal(r.answer, expected);
    const assigned = jobEvents(r.job, 'JobAssigned')[0].data.providers;
    assert.deepEqual([...assigned].sort(), ['agent1', 'agent2', 'agent3'].map(address).sort());
    assert.match(agents.log('agent2'), new RegExp(`job ${r.job}: ran Onnx in \\d+ ms: speech in`));
    // The emulated CPU's probabilities may round differently from the others' (its hash
    // then differs): drawn arbiters judge every replica within the job's tolerance.
    const revealed = new Set(jobEvents(r.job, 'ResultRevealed').map((e) => e.data.resultHash));
    if (revealed.size > 1) {
      const verdicts = jobEvents(r.job, 'VerdictRevealed');
      assert.ok(verdicts.length > 0, 'arbiters judged the differing replicas');
      for (const v of verdicts) assert.ok(v.data.agrees.every((a) => a === 'Agrees'), JSON.stringify(v.data));
    }
    const paid = jobEvents(r.job, 'ProviderPaid').map((e) => e.data.provider).sort();
    assert.deepEqual(paid, ['agent1', 'agent2', 'agent3'].map(address).sort());
    assert.equal(jobEvents(r.job, 'BondSlashed').length, 0);
  } catch (e) {
    markFailed();
    throw e;
  }
});

test('a provider that cuts its speech result short is caught by the requester\'s spot check and slashed by drawn arbiters', async () => {
  try {
    agents.start('agent4');
    await agents.waitRegistered(api, { names: ['agent4'] });
    const offer = await until('agent4 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent4'));
    });
    const { recording, pipeline } = fixtures();
    const expected = await localAnswer(pipeline, recording);
    const r = await runJob(['--model', pipeline, '--input', recording, '--offer', String(offer[0].args[0].toNumber()), '--audit'], {
      suri: '//Ferdie',
    });
    assert.match(r.stderr, /audit: the providers revealed 0x[0-9a-f]{64}, this machine computes 0x[0-9a-f]{64}: challenging/);
    assert.match(agents.log('agent4'), new RegExp(`job ${r.job}: cutting the result short`));
    assert.equal(r.answer, expected);
    const drawn = jobEvents(r.job, 'ArbitersDrawn')[0].data.arbiters;
    assert.ok(drawn.length > 0 && !drawn.includes(address('agent4')));
    for (const arbiter of drawn) {
      const reveal = jobEvents(r.job, 'VerdictRevealed').find((e) => e.data.arbiter === arbiter);
      assert.deepEqual(reveal?.data.agrees, ['Differs'], `${arbiter} judged the short result wrong`);
    }
    const slashed = jobEvents(r.job, 'BondSlashed');
    assert.deepEqual(slashed.map((e) => [e.data.provider, e.data.reason]), [[address('agent4'), 'WrongResult']]);
    assert.equal(jobEvents(r.job, 'ProviderPaid').filter((e) => e.data.provider === address('agent4')).length, 0);
  } catch (e) {
    markFailed();
    throw e;
  } finally {
    await agents.stop('agent4');
  }
});
