#!/usr/bin/env node
// Measures the indexer on a running chain: how fast it catches up from genesis, how far it
// trails finality while it follows, and how large its database grows. See indexer/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flags, wholeNumber } from './lib/cli.mjs';
import { Indexer } from './lib/indexer.mjs';
import { freePort, heads } from './lib/network.mjs';

const USAGE = `Usage: node scripts/bench-indexer.mjs [--rpc-port P] [--follow S] [--json]

Indexes the chain of the archive node on 127.0.0.1:P (default 9944) from genesis into a new
PostgreSQL cluster in a temporary folder (removed at the end), and reports:
  catch-up    blocks and events indexed per second from genesis to the finalized head
              it found at the start (wall clock, processor start to that height)
  follow      for S more seconds (default 0: none), how many blocks the index trails the
              finalized head, sampled every second (mean and largest)
  size        the database's size, its rows of events, jobs and blocks, and the size per
              10,000 jobs

Flags:
  --rpc-port P   the node's RPC port (it must keep every block's state)
  --follow S     seconds to follow the chain after catching up
  --json         print the report as JSON
  -h, --help     this text`;

const v = flags(USAGE, {
  'rpc-port': { type: 'string', default: '9944' },
  follow: { type: 'string', default: '0' },
  json: { type: 'boolean', default: false },
});
const rpcPort = wholeNumber(USAGE, 'rpc-port', v['rpc-port']);
const follow = wholeNumber(USAGE, 'follow', v.follow, 0);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-bench-indexer-'));
fs.chmodSync(dir, 0o755);
const indexer = new Indexer({ dir, rpcPort, pgPort: await freePort(), apiPort: await freePort() });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const count = async (table) => Number((await indexer.pg.sql(`SELECT count(*) FROM ${table}`, 'allmende'))[0][0]);

try {
  await indexer.prepare();
  const target = (await heads(rpcPort)).finalized;
  process.stderr.write(`indexing blocks #0 to #${target} ...\n`);
  const started = Date.now();
  indexer.start();
  let last = -1;
  while ((last = await indexer.height()) < target) {
    if (indexer.proc.exitCode !== null) throw new Error(`indexer/run.mjs exited; see ${indexer.log}`);
    await sleep(250);
  }
  const seconds = (Date.now() - started) / 1000;
  const events = Number((await indexer.pg.sql(`SELECT count(*) FROM event WHERE height <= ${target}`, 'allmende'))[0][0]);
  const report = {
    catchUp: { blocks: target + 1, events, seconds, blocksPerSecond: (target + 1) / seconds, eventsPerSecond: events / seconds },
  };
  if (follow > 0) {
    process.stderr.write(`following for ${follow} s ...\n`);
    const lags = [];
    for (let end = Date.now() + follow * 1000; Date.now() < end; await sleep(1000)) {
      const [{ finalized }, indexed] = await Promise.all([heads(rpcPort), indexer.height()]);
      lags.push(Math.max(0, finalized - indexed));
    }
    report.follow = { samples: lags.length, meanLagBlocks: lags.reduce((a, b) => a + b, 0) / lags.length, maxLagBlocks: Math.max(...lags) };
  }
  const bytes = Number((await indexer.pg.sql("SELECT pg_database_size('allmende')", 'allmende'))[0][0]);
  const jobs = await count('job');
  report.size = { bytes, blocks: await count('block'), events: await count('event'), jobs, bytesPer10000Jobs: jobs ? Math.round((bytes / jobs) * 10000) : null };
  if (v.json) console.log(JSON.stringify(report, null, 2));
  else {
    const c = report.catchUp;
    console.log(`catch-up  ${c.blocks} blocks, ${c.events} events in ${c.seconds.toFixed(1)} s: ${c.blocksPerSecond.toFixed(1)} blocks/s, ${c.eventsPerSecond.toFixed(0)} events/s`);
    if (report.follow) console.log(`follow    trailing finality by ${report.follow.meanLagBlocks.toFixed(2)} blocks on average, ${report.follow.maxLagBlocks} at most (${report.follow.samples} samples)`);
    const s = report.size;
    console.log(`size      ${(s.bytes / 1048576).toFixed(1)} MiB for ${s.blocks} blocks, ${s.events} events, ${s.jobs} jobs`
      + `${s.bytesPer10000Jobs ? `: ${(s.bytesPer10000Jobs / 1048576).toFixed(1)} MiB per 10,000 jobs` : ''}`);
  }
} finally {
  await indexer.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
}
