#!/usr/bin/env node
// Cancels a job before its bidding deadline; escrow and bid bonds are released.
import { int, script, send } from './lib/cli.mjs';

script({
  usage: 'Usage: node scripts/cancel-job.mjs --suri SURI --job ID',
  options: { job: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    await send(api, api.tx.computeMarket.cancelJob(int(values.job, '--job')), pair);
  },
});
