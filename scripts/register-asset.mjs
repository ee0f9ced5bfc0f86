#!/usr/bin/env node
// Registers a dataset or model by content hash, with a licence and a royalty per job.
import { parseAmount } from './lib/client.mjs';
import { script, send } from './lib/cli.mjs';
import { findEvent, hashOf, text } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/register-asset.mjs --suri SURI --uri URI [--kind Dataset|Model]
       [--hash 0x…] [--license Open|Permissioned] [--royalty ALM]

Prints the asset id. The content hash defaults to the hash of the URI.`,
  options: {
    uri: { type: 'string' },
    kind: { type: 'string', default: 'Dataset' },
    hash: { type: 'string' },
    license: { type: 'string', default: 'Permissioned' },
    royalty: { type: 'string', default: '0' },
  },
  main: async ({ api, pair, values }) => {
    if (!values.uri) throw new Error('--uri is required');
    const tx = api.tx.dataRegistry.registerAsset(
      values.kind, hashOf(values.hash, values.uri), text(values.uri), values.license, parseAmount(api, values.royalty),
    );
    const events = await send(api, tx, pair);
    console.log(`asset id: ${findEvent(events, 'dataRegistry', 'AssetRegistered').data.asset}`);
  },
});
