#!/usr/bin/env node
// Removes a finished job's records once its retention period is over; the requester's
// storage deposit comes back. Anyone may send it.
import { int, script, send } from './lib/cli.mjs';

script({
  usage: 'Usage: node scripts/prune-job.mjs --suri SURI --job ID',
  options: { job: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    await send(api, api.tx.computeMarket.pruneJob(int(values.job, '--job')), pair);
  },
});
