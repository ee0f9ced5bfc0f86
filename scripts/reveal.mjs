#!/usr/bin/env node
// Reveals a committed result, reading the salt commit.mjs stored.
import fs from 'node:fs';
import { int, script, send } from './lib/cli.mjs';
import { saltFile, text } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/reveal.mjs --suri SURI --job ID --uri RESULT_URI [--salt-dir DIR]
       [--salt 0x… --result-hash 0x…]

Reveals the result committed with commit.mjs (salt and result hash from its salt file, or
given explicitly); as a drawn arbiter, with the verdict committed (from the salt file).`,
  options: {
    job: { type: 'string' },
    uri: { type: 'string', default: '' },
    'salt-dir': { type: 'string' },
    salt: { type: 'string' },
    'result-hash': { type: 'string' },
  },
  main: async ({ api, pair, values }) => {
    const job = int(values.job, '--job');
    let { salt } = values;
    let resultHash = values['result-hash'];
    let verdict;
    const file = saltFile(values['salt-dir'], api.genesisHash.toHex(), job, pair.address);
    const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
    if (!salt || !resultHash) {
      if (!stored) throw new Error(`no salt file ${file}: commit with commit.mjs first`);
      salt ??= stored.salt;
      resultHash ??= stored.resultHash;
    }
    // A drawn arbiter's verdict is only in its salt file.
    verdict = stored?.verdict?.map((v) => v[0].toUpperCase() + v.slice(1));
    if (!verdict && (await api.query.computeMarket.disputed(job)).isSome) {
      throw new Error(`job ${job} is in arbitration: its verdict is in the salt file commit.mjs --verdict wrote (${file})`);
    }
    // A drawn arbiter reveals the verdict it committed to with its result.
    const call = verdict
      ? api.tx.computeMarket.revealVerdict(job, resultHash, verdict, salt, text(values.uri))
      : api.tx.computeMarket.revealResult(job, resultHash, salt, text(values.uri));
    await send(api, call, pair);
  },
});
