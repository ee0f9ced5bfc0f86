#!/usr/bin/env node
// Challenges the revealed result of a job during its challenge window: as its requester, or,
// for a result that says the content could not be had, as an owner of one of its assets.
import { int, script, send } from './lib/cli.mjs';
import { showAmount } from './lib/client.mjs';
import { marketParameters } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/challenge.mjs --suri SURI --job ID

The job's requester may challenge any result; an owner of one of the job's assets may
challenge a result that says the content could not be had (it pays no royalty). Holds the
challenge bond, max(ChallengeBond, ArbiterReplicas × the job's max price), with the
ChallengeBond the job was posted under (its terms). DrawDelay blocks
later the chain draws the arbiters from the arbiter pool; they re-execute the job and their
majority decides. Watch it with watch.mjs --job ID.`,
  options: { job: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    const id = int(values.job, '--job');
    const job = await api.query.computeMarket.jobs(id);
    if (job.isNone) throw new Error(`job ${id} does not exist`);
    const maxPrice = job.unwrap().spec.maxPrice.toBigInt();
    const arbiters = BigInt(api.consts.computeMarket.arbiterReplicas.toNumber());
    // The floor the job was posted under; a runtime before job terms used the current one.
    const terms = api.query.computeMarket.terms ? await api.query.computeMarket.terms(id) : null;
    const floor = terms?.isSome
      ? terms.unwrap().leastChallengeBond.toBigInt()
      : (await marketParameters(api)).challengeBond.toBigInt();
    const bond = maxPrice * arbiters > floor ? maxPrice * arbiters : floor;
    console.log(`challenge bond: ${showAmount(api, bond)}`);
    await send(api, api.tx.computeMarket.challengeResult(id), pair);
  },
});
