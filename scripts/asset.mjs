#!/usr/bin/env node
// Shows a dataset or model: owner, licence, royalty, uses and royalties paid.
import { showAmount } from './lib/client.mjs';
import { int, script } from './lib/cli.mjs';
import { str } from './lib/market.mjs';

script({
  usage: 'Usage: node scripts/asset.mjs ID [--ws URL]',
  signed: false,
  main: async ({ api, args }) => {
    const id = int(args[0], 'the asset id');
    const found = await api.query.dataRegistry.assets(id);
    if (found.isNone) throw new Error(`no asset ${id}`);
    const a = found.unwrap();
    console.log(`asset ${id}: ${a.kind.type}${a.retired.isTrue ? ' (retired)' : ''}
  owner          ${a.owner}
  content hash   ${a.contentHash.toHex()}
  uri            ${str(a.uri)}
  licence        ${a.license.type}, ${a.grants} account(s) granted
  royalty        ${showAmount(api, a.royalty)} per job
  uses           ${a.uses} verified job(s), ${a.inFlight} in flight
  royalties paid ${showAmount(api, a.royaltiesPaid)}
  deposit        ${showAmount(api, a.deposit)} for the record, ${showAmount(api, a.grantDeposits)} for ${a.grants} grant(s)`);
  },
});
