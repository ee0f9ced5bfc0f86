#!/usr/bin/env node
// Challenges the revealed result of a k = 1 job during its challenge window.
import { int, script, send } from './lib/cli.mjs';
import { showAmount } from './lib/client.mjs';

script({
  usage: `Usage: node scripts/challenge.mjs --suri SURI --job ID

Holds the challenge bond; other providers then re-execute the job and their majority decides.`,
  options: { job: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    console.log(`challenge bond: ${showAmount(api, api.consts.computeMarket.challengeBond)}`);
    await send(api, api.tx.computeMarket.challengeResult(int(values.job, '--job')), pair);
  },
});
