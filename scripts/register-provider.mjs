#!/usr/bin/env node
// Registers the signer as a provider with a stake and a hardware profile.
import { parseAmount } from './lib/client.mjs';
import { int, script, send } from './lib/cli.mjs';
import { text } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/register-provider.mjs --suri SURI --stake ALM [profile flags]

  --stake ALM        stake to hold (at least the chain's minProviderStake)
  --gpu-model NAME   e.g. A100-80GB        --gpus N   --vram GiB   --cpus N   --ram GiB
  --region CODE      region code (number)  --endpoint URL   where requesters reach you`,
  options: {
    stake: { type: 'string' },
    'gpu-model': { type: 'string', default: 'unknown' },
    gpus: { type: 'string', default: '1' },
    vram: { type: 'string', default: '24' },
    cpus: { type: 'string', default: '8' },
    ram: { type: 'string', default: '32' },
    region: { type: 'string', default: '0' },
    endpoint: { type: 'string', default: '' },
  },
  main: async ({ api, pair, values }) => {
    if (!values.stake) throw new Error('--stake is required');
    const profile = {
      gpuModel: text(values['gpu-model']),
      hardware: {
        gpuCount: int(values.gpus, '--gpus'),
        vramGib: int(values.vram, '--vram'),
        cpuCores: int(values.cpus, '--cpus'),
        ramGib: int(values.ram, '--ram'),
      },
      region: int(values.region, '--region'),
      endpoint: text(values.endpoint),
    };
    await send(api, api.tx.computeMarket.registerProvider(parseAmount(api, values.stake), profile), pair);
  },
});
