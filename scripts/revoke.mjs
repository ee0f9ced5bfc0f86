#!/usr/bin/env node
// Stops an account from using a dataset or model in new jobs.
import { int, script, send } from './lib/cli.mjs';

script({
  usage: 'Usage: node scripts/revoke.mjs --suri OWNER_SURI --asset ID --from ADDRESS',
  options: { asset: { type: 'string' }, from: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    if (!values.from) throw new Error('--from is required');
    await send(api, api.tx.dataRegistry.revokeAccess(int(values.asset, '--asset'), values.from), pair);
  },
});
