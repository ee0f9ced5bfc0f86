#!/usr/bin/env node
// Commits to a job result: blake2_256(result_hash ‖ salt ‖ provider), or as a drawn arbiter to
// a result and a verdict per disputed replica: blake2_256(result_hash ‖ salt ‖ arbiter ‖
// SCALE(verdict)), each replica's judgement a byte: differs 0, agrees 1, unchecked 2. The random salt is kept in a local file so that reveal.mjs can open the
// commitment.
import fs from 'node:fs';
import path from 'node:path';
import { u8aConcat } from '@polkadot/util';
import { blake2AsHex, decodeAddress, randomAsHex } from '@polkadot/util-crypto';
import { int, script, send } from './lib/cli.mjs';
import { saltFile } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/commit.mjs --suri SURI --job ID (--result-hash 0x… | --result-file FILE)
       [--verdict agrees,differs,unchecked,…] [--salt-dir DIR]

Commits to the result. As a drawn arbiter, --verdict judges each replica of the disputed
round, in its order: its result agrees with yours within the job's tolerance, differs, or
you could not get it (unchecked). The salt is written to DIR (default ~/.allmende/salts) and the path printed;
reveal.mjs reads it from there.`,
  options: {
    job: { type: 'string' },
    'result-hash': { type: 'string' },
    'result-file': { type: 'string' },
    verdict: { type: 'string' },
    'salt-dir': { type: 'string' },
  },
  main: async ({ api, pair, values }) => {
    const job = int(values.job, '--job');
    let resultHash = values['result-hash'];
    if (values['result-file']) resultHash = blake2AsHex(fs.readFileSync(values['result-file']), 256);
    // The hash itself must be 32 bytes of hex: anything else would be committed as its text.
    if (!resultHash || !/^0x[0-9a-fA-F]{64}$/.test(resultHash)) {
      throw new Error(`give --result-hash 0x<64 hex digits> or --result-file (got ${resultHash ?? 'neither'})`);
    }
    const salt = randomAsHex(32);
    const JUDGEMENTS = { differs: 0, agrees: 1, unchecked: 2 };
    let verdict;
    let encoded = new Uint8Array();
    const disputed = await api.query.computeMarket.disputed(job);
    if (disputed.isSome && values.verdict === undefined) {
      // A bare commitment could never be revealed with reveal_verdict.
      throw new Error(`job ${job} is in arbitration: a drawn arbiter commits with --verdict`);
    }
    if (values.verdict !== undefined) {
      if (disputed.isNone) throw new Error(`job ${job} is not in arbitration: --verdict is for drawn arbiters`);
      verdict = values.verdict.split(',').map((v) => {
        if (Object.hasOwn(JUDGEMENTS, v)) return v;
        throw new Error(`--verdict takes agrees, differs or unchecked for each disputed replica (got ${v})`);
      });
      const replicas = disputed.unwrap().length;
      if (verdict.length !== replicas) throw new Error(`--verdict needs ${replicas} entries, one per disputed replica (got ${verdict.length})`);
      encoded = api.createType('Vec<u8>', verdict.map((v) => JUDGEMENTS[v])).toU8a();
    }
    const commitment = blake2AsHex(u8aConcat(resultHash, salt, decodeAddress(pair.address), encoded), 256);
    const file = saltFile(values['salt-dir'], api.genesisHash.toHex(), job, pair.address);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written before submitting: a commitment without its salt could never be revealed.
    fs.writeFileSync(file, JSON.stringify({ job, provider: pair.address, resultHash, salt, verdict, commitment }, null, 2));
    console.log(`salt kept in ${file}`);
    await send(api, api.tx.computeMarket.commitResult(job, commitment), pair);
    console.log(`commitment ${commitment}`);
  },
});
