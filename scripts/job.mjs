#!/usr/bin/env node
// Shows everything about a job, amounts in ALM.
import { int, script } from './lib/cli.mjs';
import { describeJob } from './lib/market.mjs';

script({
  usage: 'Usage: node scripts/job.mjs ID [--ws URL]',
  signed: false,
  main: async ({ api, args }) => {
    const id = int(args[0], 'the job id');
    const details = await api.call.computeMarketApi.job(id);
    if (details.isNone) throw new Error(`no job ${id}`);
    console.log(describeJob(api, id, details.unwrap()));
  },
});
