#!/usr/bin/env node
// Makes a long chain with market traffic, for measuring what grows with a chain's length: the
// indexer's catch-up from genesis and the explorer's own index. See indexer/README.md
// "Measuring it".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { flags, usageError, wholeNumber } from './lib/cli.mjs';
import { connect, signer, submit } from './lib/client.mjs';
import { findEvent, text } from './lib/market.mjs';
import { freePort, heads, rpc, until } from './lib/network.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

const USAGE = `Usage: node scripts/long-chain.mjs --base-path DIR [--blocks N] [--speed X]
       [--senders S] [--node BIN]

Makes an archive chain of at least N blocks (default 10,000) in DIR, a new folder, with market
traffic in its blocks: a development node on the load chain spec (--dev --chain load) with
--dev-clock-speed X (default 20), so its 6 s slots come every 6/X s and its blocks are stamped
6 s apart as on a chain at the runtime's pace (a block has 2/3 of the shorter slot to be
built, so the traffic's blocks are thinner and more). While it grows, rounds of traffic follow
each other:
  - scripts/load.mjs with S senders (default 200): S jobs posted and bid on; every fourth
    round also S offers accepted, committed and revealed (k = 1, settled after the challenge
    window);
  - scripts/job-latency.mjs: a job through an offer, one through bidding, one with three
    replicas, each paying a royalty to an asset that //Eve registered.
Jobs of load.mjs whose deadlines pass while the chain grows expire or fail as the chain
decides. At N finalized blocks the node stops; then measure on it with the ordinary clock:
  allmende-node --dev --chain load --base-path DIR --state-pruning archive --rpc-port 9944
(it authors nothing until the system clock passes its last block's time; everything is
finalized already).

Flags:
  --base-path DIR  the chain's folder (must not hold a chain yet)
  --blocks N       stop at this many blocks (default 10000)
  --speed X        the node's --dev-clock-speed (default 20)
  --senders S      load.mjs senders per round (default 200)
  --node BIN       the node binary (default ALLMENDE_NODE_BIN, or the release build)
  -h, --help       this text`;

const v = flags(USAGE, {
  'base-path': { type: 'string' },
  blocks: { type: 'string', default: '10000' },
  speed: { type: 'string', default: '20' },
  senders: { type: 'string', default: '200' },
  node: { type: 'string' },
});
if (!v['base-path']) usageError(USAGE, '--base-path is required');
const dir = path.resolve(v['base-path']);
const blocks = wholeNumber(USAGE, 'blocks', v.blocks);
const speed = wholeNumber(USAGE, 'speed', v.speed);
const senders = wholeNumber(USAGE, 'senders', v.senders);
const nodeBin = v.node ?? process.env.ALLMENDE_NODE_BIN
  ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(process.env.HOME, '.cache/allmende/target'), 'release/allmende-node');

if (fs.existsSync(path.join(dir, 'chains'))) usageError(USAGE, `${dir} holds a chain already; give a new folder`);
if (!fs.existsSync(nodeBin)) {
  console.error(`long-chain: no node binary at ${nodeBin}; build it (cargo build --release) or give --node`);
  process.exit(1);
}

fs.mkdirSync(dir, { recursive: true });
const rpcPort = await freePort();
const ws = `ws://127.0.0.1:${rpcPort}`;
const log = path.join(dir, 'node.log');
const node = spawn(nodeBin, ['--dev', '--chain', 'load', '--dev-clock-speed', String(speed), '--base-path', dir,
  '--state-pruning', 'archive', '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}`,
  '--pool-limit', '100000', '--pool-kbytes', '102400', '--rpc-max-connections', '1000',
  '--no-prometheus', '--no-telemetry', '--no-mdns'], { stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')] });
let stopping = false;
node.on('exit', (code, sig) => {
  if (stopping) return;
  console.error(`long-chain: the node stopped (${sig ?? `exit ${code}`}); see ${log}`);
  process.exit(1);
});
const stop = async () => {
  stopping = true;
  node.kill('SIGTERM');
  await new Promise((r) => (node.exitCode !== null || node.signalCode !== null ? r() : node.once('exit', r)));
};
process.on('SIGINT', () => stop().then(() => process.exit(130)));

/** Runs one of the traffic scripts to its end; its output goes to DIR/traffic.log. */
function traffic(script, args) {
  const out = fs.openSync(path.join(dir, 'traffic.log'), 'a');
  fs.writeSync(out, `\n== ${script} ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(here, script), '--ws', ws, ...args], { stdio: ['ignore', out, out] });
    p.on('exit', (code) => resolve(code));
  });
}

try {
  await until('the node', () => rpc(rpcPort, 'system_health').then(() => true, () => false), 180000);
  const started = Date.now();
  // The asset every job-latency job names: //Eve owns it, //Alice may use it.
  const api = await connect(ws);
  const [alice, eve] = await Promise.all(['//Alice', '//Eve'].map(signer));
  const unit = 10n ** BigInt(api.registry.chainDecimals[0]);
  const { events } = await submit(api, api.tx.dataRegistry.registerAsset('Model', `0x${'42'.repeat(32)}`,
    text('ipfs://long-chain-model'), 'Permissioned', unit / 4n), eve, { until: 'block' });
  const asset = findEvent(events, 'dataRegistry', 'AssetRegistered').data.asset.toNumber();
  await submit(api, api.tx.dataRegistry.grantAccess(asset, alice.address), eve, { until: 'block' });
  await api.disconnect();

  const failures = { 'load.mjs': 0, 'job-latency.mjs': 0 };
  for (let round = 0; ; round++) {
    const { best, finalized } = await heads(rpcPort);
    const minutes = ((Date.now() - started) / 60000).toFixed(1);
    console.error(`long-chain: round ${round}, block #${best} (#${finalized} finalized) after ${minutes} min`);
    if (finalized >= blocks) break;
    // A provider may hold 16 offers: only one round in four posts them.
    const phases = round % 4 === 3 ? 'post_job,place_bid,commit_result,reveal_result' : 'post_job,place_bid';
    const runs = [
      ['load.mjs', ['--senders', String(senders), '--phases', phases, '--blocks', '1', '--timeout', '120']],
      ['job-latency.mjs', ['--flows', 'offer,bid,k3', '--bidding', '10', '--asset', String(asset)]],
    ];
    for (const [script, args] of runs) {
      const code = await traffic(script, args);
      if (code !== 0) failures[script] += 1;
    }
  }
  const api2 = await connect(ws);
  const jobs = (await api2.query.computeMarket.nextJobId()).toNumber();
  await api2.disconnect();
  const { finalized } = await heads(rpcPort);
  console.log(`long-chain: ${finalized + 1} finalized blocks, ${jobs} jobs, in ${((Date.now() - started) / 60000).toFixed(1)} min ` +
    `at ${speed}× the system clock; traffic runs that failed: load.mjs ${failures['load.mjs']}, job-latency.mjs ${failures['job-latency.mjs']} ` +
    `(see ${path.join(dir, 'traffic.log')})`);
} finally {
  await stop();
}
