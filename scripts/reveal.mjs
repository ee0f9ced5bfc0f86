#!/usr/bin/env node
// Reveals a committed result, reading the salt commit.mjs stored.
import fs from 'node:fs';
import { int, script, send } from './lib/cli.mjs';
import { saltFile, text } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/reveal.mjs --suri SURI --job ID --uri RESULT_URI [--salt-dir DIR]
       [--salt 0x… --result-hash 0x…]

Reveals the result committed with commit.mjs (salt and result hash from its salt file, or
given explicitly).`,
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
    if (!salt || !resultHash) {
      const file = saltFile(values['salt-dir'], api.genesisHash.toHex(), job, pair.address);
      if (!fs.existsSync(file)) throw new Error(`no salt file ${file}: commit with commit.mjs first`);
      const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
      salt ??= stored.salt;
      resultHash ??= stored.resultHash;
    }
    await send(api, api.tx.computeMarket.revealResult(job, resultHash, salt, text(values.uri)), pair);
  },
});
