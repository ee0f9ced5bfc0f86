// The explorer's event index against a fake node: it reads forward and backward to genesis,
// keeps each event's block and transaction, stops at the oldest block whose state a pruning
// node still has, and gives up on a block the node keeps failing to give.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventIndex } from '../src/events.js';
import { historyNote } from '../src/views.js';

/**
 * A node of `height` blocks whose state below `oldest` is pruned and that fails every read of
 * a block in `broken`; block n has one bid event.
 */
function fakeApi({ height, oldest = 0, broken = [] }) {
  const reads = [];
  const event = (n) => ({
    phase: { isApplyExtrinsic: true, asApplyExtrinsic: { toNumber: () => 1 } },
    event: {
      section: 'computeMarket',
      method: 'BidPlaced',
      meta: { fields: ['job_id', 'price'].map((f) => ({ name: { unwrap: () => f } })) },
      data: [{ toJSON: () => n }, { toJSON: () => 1000 + n }],
    },
  });
  const other = { phase: { isApplyExtrinsic: false }, event: { section: 'balances', method: 'Transfer', meta: { fields: [] }, data: [] } };
  return {
    reads,
    isConnected: true,
    rpc: { chain: { getBlockHash: async (n) => `h${n}` } },
    at: async (hash) => {
      const n = Number(hash.slice(1));
      reads.push(n);
      if (n < oldest) throw new Error(`4003: Client error: State already discarded for ${hash}`);
      if (broken.includes(n)) throw new Error('-32603: Internal error: codec error');
      return { query: { system: { events: async () => [other, event(n)] } } };
    },
  };
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function settle(index) {
  for (let i = 0; i < 200 && (index.busy || index.high === null); i += 1) await wait(5);
}

test('reads every finalized block down to genesis and follows new ones, with block and transaction', async () => {
  const api = fakeApi({ height: 40 });
  const index = new EventIndex(api, () => {});
  index.finalizedTo(40);
  await settle(index);
  assert.ok(index.complete);
  assert.equal(index.floor, null);
  assert.deepEqual(index.all().map((e) => e.block), Array.from({ length: 40 }, (_, i) => i + 1));
  assert.deepEqual(index.ofJob(7), [{ block: 7, index: 1, extrinsic: 1, section: 'computeMarket', method: 'BidPlaced', data: { jobId: 7, price: 1007 } }]);
  index.finalizedTo(45);
  await settle(index);
  assert.equal(index.high, 45);
  assert.equal(index.all().length, 45);
  assert.equal(new Set(api.reads).size, api.reads.length, 'no block read twice');
});

test('stops at the oldest block a pruning node still has, and says where', async () => {
  const api = fakeApi({ height: 60, oldest: 23 });
  const index = new EventIndex(api, () => {});
  index.finalizedTo(60);
  await settle(index);
  assert.equal(index.floor, 23);
  assert.equal(index.low, 23);
  assert.ok(index.done && !index.complete);
  assert.deepEqual(index.all().map((e) => e.block), Array.from({ length: 38 }, (_, i) => i + 23));
  // Reading backwards has ended; new blocks are still read.
  const before = api.reads.length;
  index.finalizedTo(61);
  await settle(index);
  assert.deepEqual(api.reads.slice(before), [61]);
});

test('passes over a block the connected node keeps failing to give, names it, reads on, and tries it again', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const broken = [9, 33];
  const api = fakeApi({ height: 40, broken });
  const index = new EventIndex(api, () => {});
  const pass = async () => {
    await index.pumping;
    t.mock.timers.tick(2000);
  };
  // Disconnected: failures say nothing about the blocks and are not counted.
  api.isConnected = false;
  index.finalizedTo(40);
  for (let i = 0; i < 30; i += 1) await pass();
  assert.equal(index.unreadable.size, 0);
  assert.equal(index.failures.size, 0);
  assert.ok(!index.done);
  // Connected: five failures are not enough within 30 s …
  api.isConnected = true;
  for (let i = 0; i < 5; i += 1) await pass();
  assert.equal(index.unreadable.size, 0);
  assert.ok(!index.done);
  // … but over 30 s they are: both blocks are passed over and named; the rest is read.
  for (let i = 0; i < 40 && !index.done; i += 1) await pass();
  await index.pumping;
  assert.ok(index.complete);
  assert.deepEqual([...index.unreadable.keys()].sort((a, b) => a - b), [9, 33]);
  assert.match(index.unreadable.get(9), /codec error/);
  assert.equal(index.failures.size, 0);
  const all = Array.from({ length: 40 }, (_, i) => i + 1);
  assert.deepEqual(index.all().map((e) => e.block), all.filter((n) => n !== 9 && n !== 33));
  // Block 9 can be read again: the next retry reads it; block 33 stays named.
  broken.splice(0, 1);
  t.mock.timers.tick(60000);
  for (let i = 0; i < 20 && index.unreadable.has(9); i += 1) await new Promise((r) => setImmediate(r));
  assert.deepEqual([...index.unreadable.keys()], [33]);
  assert.deepEqual(index.all().map((e) => e.block), all.filter((n) => n !== 33));
  t.mock.timers.reset();
});

test('the history note names the blocks passed over and the node\'s error, as text', () => {
  const index = { low: 1, high: 40, floor: null, complete: true, unreadable: new Map([[33, '<b>codec</b> error'], [9, 'x']]) };
  const note = historyNote({ index });
  assert.match(note, /History: every finalized block, #1 to #40\. <strong>The node failed to give the events of blocks #9, #33<\/strong> \(it said: &lt;b&gt;codec&lt;\/b&gt; error\); their events are missing here\./);
  index.unreadable.clear();
  assert.doesNotMatch(historyNote({ index }), /failed/);
});
