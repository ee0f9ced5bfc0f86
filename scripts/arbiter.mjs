#!/usr/bin/env node
// Joins or leaves the arbiter pool, or shows it.
import { script, send } from './lib/cli.mjs';
import { signer } from './lib/client.mjs';

script({
  usage: `Usage: node scripts/arbiter.mjs --suri SURI join|leave
       node scripts/arbiter.mjs status

join    put your provider account in the arbiter pool. When a k = 1 result is challenged,
        or the replicas of a job disagree, the chain draws arbiters from the pool with
        BABE randomness; a drawn arbiter must commit and reveal the job's result like any
        assigned provider (a bond is held from its free balance and slashed if it does not),
        and is paid up to the job's max price when it agrees with the majority.
leave   leave the pool (jobs you were already drawn for still need you).
status  list the pool.`,
  signed: false,
  main: async ({ api, args, values }) => {
    const [command] = args;
    if (command === 'status') {
      const size = (await api.query.computeMarket.arbiterPoolSize()).toNumber();
      console.log(`arbiter pool: ${size} provider(s)`);
      for (let slot = 0; slot < size; slot += 1) {
        console.log(`  ${slot}: ${(await api.query.computeMarket.arbiterPool(slot)).unwrap()}`);
      }
      return;
    }
    if (command !== 'join' && command !== 'leave') throw new Error('expected join, leave or status (see --help)');
    const suri = values.suri ?? values.seed;
    if (!suri) throw new Error('--suri is required');
    const pair = await signer(suri);
    const provider = await api.call.computeMarketApi.provider(pair.address);
    if (provider.isNone) throw new Error(`${pair.address} is not a registered provider (register-provider.mjs)`);
    const tx = command === 'join' ? api.tx.computeMarket.joinArbiterPool() : api.tx.computeMarket.leaveArbiterPool();
    await send(api, tx, pair);
  },
});
