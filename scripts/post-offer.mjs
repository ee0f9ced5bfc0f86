#!/usr/bin/env node
// Posts a standing offer: capacity jobs at a price, on the provider's hardware.
import { parseAmount } from './lib/client.mjs';
import { int, script, send } from './lib/cli.mjs';
import { WORK_UNITS, findEvent } from './lib/market.mjs';

script({
  usage: `Usage: node scripts/post-offer.mjs --suri SURI --price ALM [--capacity N] [--expires-in BLOCKS]
       [--execution BLOCKS] [--reveal BLOCKS] [--gpus N --vram GiB --cpus N --ram GiB]
       [--kinds K,K] [--max-workload-size BYTES] [--max-input-size BYTES] [--min-tolerance N]
       [--unit tokens|pixels|audio-ms --unit-price ALM --max-units N]

Prints the offer id. Hardware defaults to the provider's registered profile.
--execution and --reveal (default 10 each) are the least time you need to run a job and
commit, and then to reveal; a requester taking the offer cannot give you less.
--kinds (Wasm, Onnx, Container; default Wasm,Onnx) are the workload kinds you run,
--max-workload-size and --max-input-size (default 67108864 each, 64 MiB) the largest
content you fetch, --min-tolerance (default 0) the least tolerance you accept; a requester
cannot bind you to a job outside them.
--unit, --unit-price and --max-units also charge per unit of the work a job declares: the
offer then takes only jobs that declare their work in that unit, at most --max-units of it,
and charges --price plus --unit-price per unit.`,
  options: {
    price: { type: 'string' },
    capacity: { type: 'string', default: '1' },
    'expires-in': { type: 'string', default: '600' },
    execution: { type: 'string', default: '10' },
    reveal: { type: 'string', default: '10' },
    gpus: { type: 'string' },
    vram: { type: 'string' },
    cpus: { type: 'string' },
    ram: { type: 'string' },
    kinds: { type: 'string', default: 'Wasm,Onnx' },
    'max-workload-size': { type: 'string', default: String(64 << 20) },
    'max-input-size': { type: 'string', default: String(64 << 20) },
    'min-tolerance': { type: 'string', default: '0' },
    unit: { type: 'string' },
    'unit-price': { type: 'string' },
    'max-units': { type: 'string' },
  },
  main: async ({ api, pair, values }) => {
    if (!values.price) throw new Error('--price is required');
    const provider = await api.call.computeMarketApi.provider(pair.address);
    if (provider.isNone) throw new Error(`${pair.address} is not a registered provider`);
    const hw = provider.unwrap().profile.hardware;
    const hardware = {
      gpuCount: values.gpus ? int(values.gpus, '--gpus') : hw.gpuCount,
      vramGib: values.vram ? int(values.vram, '--vram') : hw.vramGib,
      cpuCores: values.cpus ? int(values.cpus, '--cpus') : hw.cpuCores,
      ramGib: values.ram ? int(values.ram, '--ram') : hw.ramGib,
    };
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    const expiresAt = now + int(values['expires-in'], '--expires-in');
    const bytes = (flag) => {
      if (!/^\d+$/.test(values[flag]) || BigInt(values[flag]) >= (1n << 64n) - 1n) {
        throw new Error(`--${flag} ${values[flag]}: give a size in bytes, below 2^64 - 1`);
      }
      return BigInt(values[flag]);
    };
    const scope = {
      kinds: values.kinds.split(',').map((k) => k.trim()),
      maxWorkloadSize: bytes('max-workload-size'),
      maxInputSize: bytes('max-input-size'),
      minTolerance: int(values['min-tolerance'], '--min-tolerance'),
    };
    for (const k of scope.kinds) {
      if (!['Wasm', 'Onnx', 'Container'].includes(k)) throw new Error(`--kinds: ${k} is not Wasm, Onnx or Container`);
    }
    const units = WORK_UNITS;
    const byUnit = [values.unit, values['unit-price'], values['max-units']];
    if (byUnit.some((v) => v !== undefined) && !byUnit.every((v) => v !== undefined)) {
      throw new Error('--unit, --unit-price and --max-units go together');
    }
    let perUnit = null;
    if (values.unit !== undefined) {
      if (!units[values.unit]) throw new Error(`--unit ${values.unit}: give tokens, pixels or audio-ms`);
      if (!/^\d+$/.test(values['max-units']) || BigInt(values['max-units']) === 0n || BigInt(values['max-units']) >= 1n << 64n) {
        throw new Error(`--max-units ${values['max-units']}: give a whole number from 1 to 2^64 - 1`);
      }
      perUnit = {
        unit: units[values.unit],
        perUnit: parseAmount(api, values['unit-price']),
        maxAmount: BigInt(values['max-units']),
      };
    }
    const args = [parseAmount(api, values.price), hardware, int(values.capacity, '--capacity'), expiresAt,
      int(values.execution, '--execution'), int(values.reveal, '--reveal'), scope];
    const tx = perUnit
      ? api.tx.computeMarket.postUnitOffer(...args, perUnit)
      : api.tx.computeMarket.postOffer(...args);
    const events = await send(api, tx, pair);
    console.log(`offer id: ${findEvent(events, 'computeMarket', 'OfferPosted').data.offerId}`);
  },
});
