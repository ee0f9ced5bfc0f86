#!/usr/bin/env node
// Follows compute-market and data-registry events as blocks are finalized.
import { int, script } from './lib/cli.mjs';

const TERMINAL = ['JobSettled', 'JobFailed', 'JobExpired', 'JobCancelled'];

script({
  usage: `Usage: node scripts/watch.mjs [--until-final JOB] [--ws URL]

Prints market and registry events of every finalized block until Ctrl-C, or with
--until-final until job JOB has ended (settled, failed, expired or cancelled) in a finalized
block; then exits 0.`,
  signed: false,
  options: { 'until-final': { type: 'string' } },
  main: async ({ api, values }) => {
    const until = values['until-final'] === undefined ? null : int(values['until-final'], '--until-final');
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
              if (until !== null && TERMINAL.includes(event.method) && event.data.jobId?.toNumber() === until) {
                resolve();
              }
            }
          } catch (e) {
            reject(e);
          }
        })
        .catch(reject);
    });
  },
});
