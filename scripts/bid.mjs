#!/usr/bin/env node
// Bids on an open job (a bond is held).
import { parseAmount } from './lib/client.mjs';
import { int, script, send } from './lib/cli.mjs';

script({
  usage: 'Usage: node scripts/bid.mjs --suri SURI --job ID --price ALM',
  options: { job: { type: 'string' }, price: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    if (!values.price) throw new Error('--price is required');
    await send(api, api.tx.computeMarket.placeBid(int(values.job, '--job'), parseAmount(api, values.price)), pair);
  },
});
