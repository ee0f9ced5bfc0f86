#!/usr/bin/env node
// Transfers ALM from one account to another and waits until the transfer is finalized.
import { parseArgs } from 'node:util';
import {
  DEFAULT_WS, connect, parseAmount, run, showAmount, showEvents, signer, submitAndFinalize,
} from './lib/client.mjs';

const HELP = `Usage: node scripts/transfer.mjs --from SURI --to ADDRESS|SURI --amount ALM [--ws URL]

Transfers ALM (keep-alive) and waits until the block is finalized; prints the block hash and
the events of the transfer.

  --from SURI     secret URI of the sender, e.g. //Alice
  --to ADDR       SS58 address or secret URI (e.g. //Bob) of the recipient
  --amount ALM    amount in ALM, e.g. 1.5
  --ws URL        node WebSocket (default ${DEFAULT_WS})
  -h, --help      this text`;

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    amount: { type: 'string' },
    ws: { type: 'string', default: DEFAULT_WS },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || !values.from || !values.to || !values.amount) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}

run(async () => {
  const api = await connect(values.ws);
  const from = await signer(values.from);
  const to = values.to.startsWith('//') ? (await signer(values.to)).address : values.to;
  const amount = parseAmount(api, values.amount);
  console.log(`Transferring ${showAmount(api, amount)} from ${from.address} to ${to} ...`);
  const { blockHash, events } = await submitAndFinalize(
    api, api.tx.balances.transferKeepAlive(to, amount), from,
  );
  console.log(`Finalized in block ${blockHash}`);
  showEvents(api, events);
  await api.disconnect();
});
