#!/usr/bin/env node
// Bids on an open job: a bond is held, the job's least (10 % of its max price, at least
// MinBidBond) unless --bond says more; the bond is also the bid's weight in the job's lot.
import { parseAmount, showAmount } from './lib/client.mjs';
import { int, script, send } from './lib/cli.mjs';
import { leastBond } from './lib/market.mjs';

script({
  usage: 'Usage: node scripts/bid.mjs --suri SURI --job ID --price ALM [--bond ALM]',
  options: { job: { type: 'string' }, price: { type: 'string' }, bond: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    if (!values.price) throw new Error('--price is required');
    const jobId = int(values.job, '--job');
    const job = await api.query.computeMarket.jobs(jobId);
    if (job.isNone) throw new Error(`there is no job ${jobId}`);
    const least = await leastBond(api, job.unwrap().spec.maxPrice.toBigInt());
    const bond = values.bond === undefined ? least : parseAmount(api, values.bond);
    if (bond < least) throw new Error(`--bond ${values.bond} is below the job's least bond, ${showAmount(api, least)}`);
    await send(api, api.tx.computeMarket.placeBid(jobId, parseAmount(api, values.price), bond), pair);
  },
});
