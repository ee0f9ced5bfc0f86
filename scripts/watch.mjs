#!/usr/bin/env node
// Follows compute-market and data-registry events as blocks are finalized.
import { int, script } from './lib/cli.mjs';
import { TERMINAL_STATUS } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/watch.mjs [--until-final JOB] [--ws URL]

Prints market and registry events of every finalized block until Ctrl-C, or with
--until-final until job JOB has ended (settled, failed, expired or cancelled) in a finalized
block; then exits 0.`,
  signed: false,
  options: { 'until-final': { type: 'string' } },
  main: async ({ api, values }) => {
    const until = values['until-final'] === undefined ? null : int(values['until-final'], '--until-final');
    if (until !== null) {
      // Already over in the finalized state: nothing to wait for.
      const at = await api.at(await api.rpc.chain.getFinalizedHead());
      const job = await at.query.computeMarket.jobs(until);
      if (job.isNone) throw new Error(`no job ${until}`);
      const status = job.unwrap().status.type;
      if (TERMINAL_STATUS.includes(status)) {
        console.log(`job ${until} is ${status} (finalized)`);
        return;
      }
    }
    await new Promise((resolve, reject) => {
      api.rpc.chain
        .subscribeFinalizedHeads(async (header) => {
          try {
            const at = await api.at(header.hash);
            const events = await at.query.system.events();
            for (const { event } of events) {
              if (!['computeMarket', 'dataRegistry'].includes(event.section)) continue;
              const fields = event.meta.fields.map((f, i) => `${f.name.unwrap()}: ${event.data[i]}`);
              console.log(`#${header.number} ${event.section}.${event.method} { ${fields.join(', ')} }`);
            }
            if (until !== null) {
              const job = await at.query.computeMarket.jobs(until);
              if (job.isSome && TERMINAL_STATUS.includes(job.unwrap().status.type)) resolve();
            }
          } catch (e) {
            reject(e);
          }
        })
        .catch(reject);
    });
  },
});
