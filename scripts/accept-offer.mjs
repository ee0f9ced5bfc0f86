#!/usr/bin/env node
// Takes a provider's standing offer: a k = 1 job assigned at once at the offer's price.
import { parseAmount } from './lib/client.mjs';
import { int, script, send } from './lib/cli.mjs';
import { SPEC_HELP, SPEC_OPTIONS, buildSpec, findEvent, specWork } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/accept-offer.mjs --suri SURI --offer ID --workload-uri URI --max-price ALM [spec flags]

Accepts offer ID for the job the flags describe (replicas must be 1) and prints the job id.
The job must keep to the offer: a workload kind it names, workload and input sizes declared
and within its limits, a tolerance of at least its least, periods of at least its own, and
for an offer that charges by the unit, --work in its unit within its most.

${SPEC_HELP}`,
  options: { ...SPEC_OPTIONS, offer: { type: 'string' } },
  main: async ({ api, pair, values }) => {
    const spec = await buildSpec(api, values, parseAmount);
    const offer = int(values.offer, '--offer');
    const work = specWork(values);
    const tx = work
      ? api.tx.computeMarket.acceptOfferWithWork(offer, spec, work)
      : api.tx.computeMarket.acceptOffer(offer, spec);
    const events = await send(api, tx, pair);
    console.log(`job id: ${findEvent(events, 'computeMarket', 'OfferAccepted').data.jobId}`);
  },
});
