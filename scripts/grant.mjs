#!/usr/bin/env node
// Allows an account to use a permissioned dataset or model.
import { int, script, send } from './lib/cli.mjs';

script({
  usage: 'Usage: node scripts/grant.mjs --suri OWNER_SURI --asset ID --to ADDRESS',
  options: { asset: { type: 'string' }, to: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    if (!values.to) throw new Error('--to is required');
    await send(api, api.tx.dataRegistry.grantAccess(int(values.asset, '--asset'), values.to), pair);
  },
});
