#!/usr/bin/env node
// Posts a compute job; its budget (replicas × max price + royalties) is held at once.
import { parseAmount } from './lib/client.mjs';
import { script, send } from './lib/cli.mjs';
import { SPEC_HELP, SPEC_OPTIONS, buildSpec, findEvent, specWork } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/post-job.mjs --suri SURI --workload-uri URI --max-price ALM [spec flags]

Posts a job and prints its id.

${SPEC_HELP}`,
  options: SPEC_OPTIONS,
  main: async ({ api, pair, values }) => {
    const spec = await buildSpec(api, values, parseAmount);
    const work = specWork(values);
    const tx = work ? api.tx.computeMarket.postJobWithWork(spec, work) : api.tx.computeMarket.postJob(spec);
    const events = await send(api, tx, pair);
    const posted = findEvent(events, 'computeMarket', 'JobPosted');
    console.log(`job id: ${posted.data.jobId}`);
  },
});
