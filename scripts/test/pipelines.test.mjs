// End-to-end test of the pipelines with agents on a real network. Speech segments: a WAV
// recording spoken by espeak-ng and Silero VAD's model from the silero-vad package. Image
// labels: a picture of a line of text and PaddleOCR's orientation classifier from the
// rapidocr-onnxruntime package. Text embeddings: a few sentences and all-MiniLM-L6-v2 with
// its own tokenizer from the mcp-memory-service-lite package (scripts/setup.sh fetches every
// model by hash). Text generation: a prompt and a small random-weight decoder with a key-value
// cache that `example-model --kind decoder` writes, sampled with a seed. Each is run with
// k = 3 by three providers, one of them with its workers under QEMU posing as a Nehalem (no
// AVX), and all are paid (drawn arbiters judge them when the emulated CPU rounds
// differently). A provider that cuts its speech result short, and ones that run a cheaper
// model than the picture's, the sentences' or the language model's, are caught by their
// requesters' spot checks and slashed by drawn arbiters (who judge the generation by
// re-scoring its tokens). Every job declares the work its input holds (`run --work auto`); a
// job that declares less than its input holds ends as `undeclared_work`, paid, and a provider
// that answers `undeclared_work` without running is challenged by its requester, who counted
// the work itself, and slashed. What no unit test shows: pipelines posted, fetched, run,
// committed and judged through the chain, on an agent whose CPU is not the others'.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  AGENT_BIN, address, agents, api, here, jobEvents, localAnswer, markFailed, network, runJob, standingOffer, until,
  useAgentNetwork,
} from './agent-network.mjs';
import { WORK_UNITS } from '../lib/market.mjs';

const EMULATOR = ['qemu-x86_64', '-cpu', 'Nehalem'];

useAgentNetwork({
  prepare: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  overrides: {
    2: { workerPrefix: EMULATOR },
    // Judges only: the arbiter pool of jobs that agents 1 to 3 run.
    5: { price: null },
    6: { price: null },
    7: { price: null },
    // The provider that cuts its results short bids lowest and offers itself for k = 1 jobs.
    4: { price: '0.5', fault: 'truncate-output', arbiter: false, offers: [standingOffer('0.5')] },
    // The providers that run a random model instead of the job's, alike: agent 8 on the
    // picture, agent 9 on the sentences, agent 10 on the prompt.
    8: { price: '0.5', fault: 'swap-model', arbiter: false, offers: [standingOffer('0.5')] },
    9: { price: '0.5', fault: 'swap-model', arbiter: false, offers: [standingOffer('0.5')] },
    10: { price: '0.5', fault: 'swap-model', arbiter: false, offers: [standingOffer('0.5')] },
    // The provider that answers undeclared_work without running the job.
    11: { price: '0.5', fault: 'claim-undeclared', arbiter: false, offers: [standingOffer('0.5')] },
  },
  start: ['agent1', 'agent2', 'agent3', 'agent5', 'agent6', 'agent7'],
});

let made;

/**
 * The recording, the pictures, the sentences and the pipelines, made once in the network's
 * folder: the speech pipeline, the orientation classifier's as its model card (RapidOCR's
 * config.yaml) says, and the sentence encoder's as sentence-transformers uses it (mean
 * pooling, normalised).
 */
function fixtures() {
  if (made) return made;
  const models = process.env.ALLMENDE_MODELS ?? path.join(os.homedir(), '.cache', 'allmende', 'models');
  const recording = path.join(network.dir, 'speech.wav');
  execFileSync('espeak-ng', ['-w', recording,
    'Anyone may sell compute, and anyone may buy it. Nobody stands at the gate.']);
  const pipeline = path.join(network.dir, 'speech.pipeline');
  execFileSync(AGENT_BIN, ['pipeline', 'speech-segments', path.join(models, 'silero_vad_16k_sequence.onnx'), pipeline]);
  const orientation = path.join(network.dir, 'orientation.pipeline');
  execFileSync(AGENT_BIN, ['pipeline', 'image-labels', path.join(models, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), orientation,
    '--width', '192', '--height', '48', '--resize', 'fit-height', '--channels', 'bgr',
    '--mean', '0.5,0.5,0.5', '--std', '0.5,0.5,0.5', '--labels', '0,180']);
  const minilm = path.join(network.dir, 'minilm.pipeline');
  execFileSync(AGENT_BIN, ['pipeline', 'text-embedding', path.join(models, 'all-MiniLM-L6-v2-int8.onnx'),
    path.join(models, 'all-MiniLM-L6-v2.tokenizer.json'), minilm, '--pooling', 'mean']);
  const sentences = path.join(network.dir, 'sentences.txt');
  fs.writeFileSync(sentences, [
    'Anyone may sell compute, and anyone may buy it.',
    'Nobody stands at the gate.',
    'Replicas on different machines agree within a tolerance.',
    '',
  ].join('\n'));
  const decoder = path.join(network.dir, 'decoder.onnx');
  const letters = path.join(network.dir, 'letters.tokenizer.json');
  const prompt = path.join(network.dir, 'prompt.txt');
  execFileSync(AGENT_BIN, ['example-model', '--kind', 'decoder', decoder, '--tokenizer', letters, '--input', prompt]);
  const generation = path.join(network.dir, 'generation.pipeline');
  execFileSync(AGENT_BIN, ['pipeline', 'text-generation', decoder, letters, generation,
    '--max-new-tokens', '24', '--temperature', '0.8', '--seed', '7']);
  const pictures = path.join(here, '..', '..', 'agent', 'tests', 'data');
  made = {
    recording,
    pipeline,
    orientation,
    upright: path.join(pictures, 'text-line.png'),
    upsideDown: path.join(pictures, 'text-line-180.jpg'),
    minilm,
    sentences,
    generation,
    prompt,
  };
  return made;
}

/**
 * Runs a k = 3 job of `pipeline` on `input` and checks it: the answer is the off-chain one,
 * agents 1 to 3 ran it (agent 2 under the emulator, its log describing the result as
 * `described`, a pattern), and all three are paid, after arbiters
 * judged them alike if their hashes differ. Resolves with the answer.
 */
async function threeReplicas(pipeline, input, suri, described, unit) {
  const expected = await localAnswer(pipeline, input);
  const r = await runJob(['--model', pipeline, '--input', input, '--replicas', '3', '--max-price', '2'], { suri });
  assert.equal(r.answer, expected);
  // The job declared the work its input holds, in the pipeline's unit, as `run` counted it.
  const declared = new RegExp(`declaring the job's work: ${unit}:(\\d+)`).exec(r.stderr);
  assert.ok(declared, `run declared work in ${unit}: ${r.stderr}`);
  const work = (await api.query.computeMarket.jobWork(r.job)).unwrap();
  assert.deepEqual([work.unit.toString(), work.amount.toString()], [WORK_UNITS[unit], declared[1]]);
  const assigned = jobEvents(r.job, 'JobAssigned')[0].data.providers;
  assert.deepEqual([...assigned].sort(), ['agent1', 'agent2', 'agent3'].map(address).sort());
  assert.match(agents.log('agent2'), new RegExp(`job ${r.job}: ran Onnx in \\d+ ms: ${described}`));
  // The emulated CPU's numbers may round differently from the others' (its hash then
  // differs): drawn arbiters judge every replica within the job's tolerance.
  const revealed = new Set(jobEvents(r.job, 'ResultRevealed').map((e) => e.data.resultHash));
  if (revealed.size > 1) {
    const verdicts = jobEvents(r.job, 'VerdictRevealed');
    assert.ok(verdicts.length > 0, 'arbiters judged the differing replicas');
    for (const v of verdicts) assert.ok(v.data.agrees.every((a) => a === 'Agrees'), JSON.stringify(v.data));
  }
  const paid = jobEvents(r.job, 'ProviderPaid').map((e) => e.data.provider).sort();
  assert.deepEqual(paid, ['agent1', 'agent2', 'agent3'].map(address).sort());
  assert.equal(jobEvents(r.job, 'BondSlashed').length, 0);
  return r.answer;
}

/**
 * Starts `name` (a faulty provider with a standing offer), has `suri` run `pipeline` on
 * `input` through that offer (with `--audit` unless `audit` is false), and checks that the
 * requester challenged (its `run` said `said`), the
 * drawn arbiters judged the result wrong, and the provider was slashed and not paid. Resolves
 * with the job's number.
 */
async function caughtBySpotCheck(name, pipeline, input, suri, {
  audit = true,
  said = /audit: the providers revealed 0x[0-9a-f]{64}, this machine computes 0x[0-9a-f]{64}: challenging/,
} = {}) {
  agents.start(name);
  try {
    await agents.waitRegistered(api, { names: [name] });
    const offer = await until(`${name} to post its standing offer`, async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address(name));
    });
    const expected = await localAnswer(pipeline, input);
    const r = await runJob(['--model', pipeline, '--input', input, '--offer', String(offer[0].args[0].toNumber()),
      ...(audit ? ['--audit'] : [])], { suri });
    assert.match(r.stderr, said);
    assert.equal(r.answer, expected);
    const drawn = jobEvents(r.job, 'ArbitersDrawn')[0].data.arbiters;
    assert.ok(drawn.length > 0 && !drawn.includes(address(name)));
    for (const arbiter of drawn) {
      const reveal = jobEvents(r.job, 'VerdictRevealed').find((e) => e.data.arbiter === arbiter);
      assert.deepEqual(reveal?.data.agrees, ['Differs'], `${arbiter} judged ${name}'s result wrong`);
    }
    const slashed = jobEvents(r.job, 'BondSlashed');
    assert.deepEqual(slashed.map((e) => [e.data.provider, e.data.reason]), [[address(name), 'WrongResult']]);
    assert.equal(jobEvents(r.job, 'ProviderPaid').filter((e) => e.data.provider === address(name)).length, 0);
    return r.job;
  } finally {
    await agents.stop(name);
  }
}

test('k = 3 speech segments, picture labels, sentence vectors and generated text, one provider under an emulated older CPU: the answers are the off-chain ones and all three are paid', async () => {
  try {
    const { recording, pipeline, orientation, upright, minilm, sentences, generation, prompt } = fixtures();
    assert.match(agents.log('agent2'), new RegExp(`workers run under \`${EMULATOR.join(' ')}\``));
    // The four jobs at once, from four requesters: the agents run them side by side.
    const [speech, labels, vectors, text, underDeclared] = await Promise.all([
      threeReplicas(pipeline, recording, '//Bob', 'speech in', 'audio-ms'),
      threeReplicas(orientation, upright, '//Eve', '0 \\d\\.\\d{4}, 180', 'pixels'),
      threeReplicas(minilm, sentences, '//Ferdie', '3 vectors of 384 values', 'tokens'),
      threeReplicas(generation, prompt, '//Charlie', '24 tokens after a prompt of', 'tokens'),
      // A requester that declares less work than its input holds pays for a failure: the
      // provider does not run the model and is paid.
      runJob(['--model', minilm, '--input', sentences, '--max-price', '2', '--work', 'tokens:3'], { suri: '//Alice' }),
    ]);
    assert.equal(underDeclared.answer, 'failed: undeclared_work');
    assert.equal(jobEvents(underDeclared.job, 'ProviderPaid').length, 1);
    assert.equal(jobEvents(underDeclared.job, 'BondSlashed').length, 0);
    // 24 sampled tokens after the prompt's, decoded.
    assert.match(text, /^24 tokens after a prompt of \d+: ".*"$/);
    // Three lines, each a vector of all-MiniLM-L6-v2's 384 values.
    assert.match(vectors, /^3 vectors of 384 values from \d+ tokens; the first starts -?\d\.\d{4}, /);
    assert.match(speech, /^speech in \d+ segments? of \d+\.\d\d s: \d/);
    // The line of text is upright: the classifier's best label is 0 (degrees).
    assert.match(labels, /^0 \d\.\d{4}, 180 \d\.\d{4} \(a picture of 220 × 40\)$/);
  } catch (e) {
    markFailed();
    throw e;
  }
});

test('a provider that cuts its speech result short, ones that run a cheaper model than the picture\'s, the sentences\' or the language model\'s, and one that says the input holds more work than declared are caught by spot checks and slashed by drawn arbiters', async () => {
  try {
    const { recording, pipeline, orientation, upsideDown, minilm, sentences, generation, prompt } = fixtures();
    const [cut, swapped, swappedText, swappedDecoder, skipped] = await Promise.all([
      caughtBySpotCheck('agent4', pipeline, recording, '//Ferdie'),
      caughtBySpotCheck('agent8', orientation, upsideDown, '//Eve'),
      caughtBySpotCheck('agent9', minilm, sentences, '//Bob'),
      caughtBySpotCheck('agent10', generation, prompt, '//Dave'),
      // Without --audit: the requester counted the sentences' tokens itself.
      caughtBySpotCheck('agent11', minilm, sentences, '//Charlie', {
        audit: false,
        said: /a provider answered undeclared_work, but this machine counts no more work than the job declares: challenging/,
      }),
    ]);
    assert.match(agents.log('agent11'), new RegExp(`job ${skipped}: answering undeclared_work without running it`));
    assert.match(agents.log('agent10'), new RegExp(`job ${swappedDecoder}: running a random model instead of the job's`));
    // The drawn arbiters judged the generation by re-running the model over its tokens.
    const rescored = ['agent5', 'agent6', 'agent7', 'agent1', 'agent2', 'agent3']
      .filter((a) => /checked a replica's result by re-running the model in .*Ok\(Differs\)/.test(agents.log(a)));
    assert.ok(rescored.length > 0, 'an arbiter re-scored the swapped generation');
    assert.match(agents.log('agent4'), new RegExp(`job ${cut}: cutting the result short`));
    assert.match(agents.log('agent8'), new RegExp(`job ${swapped}: running a random model instead of the job's`));
    assert.match(agents.log('agent9'), new RegExp(`job ${swappedText}: running a random model instead of the job's`));
  } catch (e) {
    markFailed();
    throw e;
  }
});
