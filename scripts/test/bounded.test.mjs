// End-to-end: one provider agent holds hostile and long workloads beside a small job. A model
// that asks for 40 GB, a WASM module that grows its table past the limit, an endless module
// and a stack of convolutions that keeps a core busy for a long time are k = 1 jobs of the
// same agent as a small Magika job, posted at once.
// What no unit test shows: the agent's worker processes, its job tasks off the block loop
// and its concurrency limit against a live chain: the small job commits and reveals while
// the long one still runs, the hostile ones end in their canonical failures, and the agent
// neither dies nor is slashed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freePort } from '../lib/network.mjs';
import {
  AGENT_BIN, address, agents, execFileP, here, jobEvents, localAnswer, markFailed, network, runJob, useAgentNetwork,
} from './agent-network.mjs';

const metricsPort = await freePort();
useAgentNetwork({
  prepare: [1],
  overrides: { 1: { concurrency: 2, metricsPort } },
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

    await t.test('the agent counts its work for Prometheus', async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
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
