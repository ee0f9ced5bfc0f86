// `--dev-clock-speed N`: a development node's slots come N times as often as the runtime's
// slot duration, its blocks are stamped a slot duration apart, and other chains refuse it.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { connect } from '../lib/client.mjs';
import { freePort, heads, rpc, until } from '../lib/network.mjs';

const execFileP = promisify(execFile);
const BIN = process.env.ALLMENDE_NODE_BIN;
const SPEED = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-dev-clock-'));
let node = null;

after(() => {
  node?.kill('SIGKILL');
  if (!process.env.ALLMENDE_KEEP_TEST_DIR) fs.rmSync(dir, { recursive: true, force: true });
});

/** The timestamp (ms) block `n` carries, from the timestamp pallet's `Now`. */
async function timestampOf(port, n) {
  const hash = await rpc(port, 'chain_getBlockHash', [n]);
  // twox128("Timestamp") ++ twox128("Now")
  const raw = await rpc(port, 'state_getStorage', ['0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb', hash]);
  return Number(Buffer.from(raw.slice(2), 'hex').readBigUInt64LE());
}

test('only a development chain takes a faster clock, and only a speed from 1 to 100', async () => {
  await assert.rejects(execFileP(BIN, ['--chain', 'local', '--dev-clock-speed', '10', '--base-path', path.join(dir, 'local'),
    '--rpc-port', String(await freePort()), '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`, '--no-prometheus',
    '--no-telemetry', '--no-mdns'], { timeout: 120000 }),
  (e) => e.code === 1 && /--dev-clock-speed is only for development chains/.test(e.stderr));
  for (const speed of ['0', '101']) {
    await assert.rejects(execFileP(BIN, ['--dev', '--dev-clock-speed', speed, '--base-path', path.join(dir, 'refused'),
      '--rpc-port', String(await freePort()), '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`, '--no-prometheus',
      '--no-telemetry', '--no-mdns'], { timeout: 120000 }),
    (e) => e.code === 2 && /dev-clock-speed/.test(e.stderr), `speed ${speed} is refused`);
  }
});

test(`a development node with --dev-clock-speed ${SPEED} makes a slot's blocks in a ${SPEED}th of its time, stamped a slot apart`, { timeout: 300000 }, async () => {
  const rpcPort = await freePort();
  node = spawn(BIN, ['--dev', '--dev-clock-speed', String(SPEED), '--base-path', path.join(dir, 'dev'), '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`, '--no-prometheus', '--no-telemetry', '--no-mdns'],
  { stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'dev.log'), 'a')] });
  await until('the node', () => rpc(rpcPort, 'system_health').then(() => true, () => false), 180000);
  const api = await connect(`ws://127.0.0.1:${rpcPort}`);
  const slot = api.consts.babe.expectedBlockTime.toNumber();
  await api.disconnect();
  await until('block #2', async () => (await heads(rpcPort)).best >= 2, 120000);
  const from = (await heads(rpcPort)).best;
  const started = Date.now();
  const blocks = 20;
  await until(`block #${from + blocks}`, async () => (await heads(rpcPort)).finalized >= from + blocks, 120000);
  const took = Date.now() - started;
  // At the system clock's pace these blocks take `blocks` slots; here a SPEED-th of that, with
  // room for a slow machine.
  assert.ok(took < (blocks * slot) / 2, `${blocks} blocks in ${took} ms, not ${blocks * slot} ms`);
  // The chain's time is the faster clock's: the blocks' timestamps span their slots, far more
  // than the system clock's time they took.
  const stamped = (await timestampOf(rpcPort, from + blocks)) - (await timestampOf(rpcPort, from));
  assert.ok(stamped > took * 2, `stamped ${stamped} ms apart, made in ${took} ms`);
});
