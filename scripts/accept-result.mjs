#!/usr/bin/env node
// Accepts the revealed result of a k = 1 job before its challenge window ends.
import { int, script, send } from './lib/cli.mjs';

script({
  usage: `Usage: node scripts/accept-result.mjs --suri SURI --job ID

For the job's requester, once it has checked the revealed result: the job settles now
instead of when the challenge window ends, and the provider is paid. It gives up the
right to challenge the result.`,
  options: { job: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    const id = int(values.job, '--job');
    await send(api, api.tx.computeMarket.acceptResult(id), pair);
  },
});
