// Helpers shared by the market and data-registry scripts: building job specs from flags,
// reading events, and showing market records in ALM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { showAmount } from './client.mjs';

/** Job statuses after which nothing changes until the job is pruned. */
export const TERMINAL_STATUS = ['Settled', 'Failed', 'Expired', 'Cancelled'];

/** The flags every job-posting script accepts (post-job.mjs, accept-offer.mjs). */
export const SPEC_OPTIONS = {
  spec: { type: 'string' },
  'workload-kind': { type: 'string', default: 'Onnx' },
  'workload-hash': { type: 'string' },
  'workload-uri': { type: 'string' },
  'input-hash': { type: 'string' },
  'input-uri': { type: 'string' },
  'workload-size': { type: 'string' },
  'input-size': { type: 'string' },
  tolerance: { type: 'string' },
  replicas: { type: 'string', default: '1' },
  'max-price': { type: 'string' },
  bidding: { type: 'string', default: '10' },
  execution: { type: 'string', default: '10' },
  reveal: { type: 'string', default: '10' },
  gpus: { type: 'string', default: '0' },
  vram: { type: 'string', default: '0' },
  cpus: { type: 'string', default: '0' },
  ram: { type: 'string', default: '0' },
  region: { type: 'string' },
  'min-reputation': { type: 'string' },
  asset: { type: 'string', multiple: true, default: [] },
  'max-royalties': { type: 'string' },
  work: { type: 'string' },
};

export const SPEC_HELP = `Job spec (flags, or --spec FILE with the same names in JSON):
  --workload-kind K    Wasm, Onnx or Container (default Onnx)
  --workload-hash H    0x… 32-byte hash of the workload (default: hash of its URI)
  --workload-uri U     where the workload is
  --input-hash H       0x… 32-byte hash of the input (default: hash of its URI)
  --input-uri U        where the input is
  --workload-size B    the workload's size in bytes (default: what its URI declares with
                       #size=B, else undeclared: no offer and no provider agent takes content
                       of undeclared size; providers refuse content of another size)
  --input-size B       the input's size in bytes (default as for the workload)
  --tolerance N        how far replicas' results may differ and be the same answer (units
                       of the workload kind's rounding; default: the chain's)
  --replicas K         providers that run the job independently (default 1)
  --max-price ALM      most paid to one provider
  --bidding N          blocks of bidding (default 10; its last DrawDelay blocks, 2 on the
                       devnet, take no bid)
  --execution N        blocks to run and commit (default 10)
  --reveal N           blocks to reveal (default 10)
  --gpus --vram --cpus --ram N   least hardware (GPUs, GiB VRAM, cores, GiB RAM)
  --region CODE        only providers in this region
  --min-reputation P   least provider score, percent
  --asset ID           a dataset or model the job uses (repeatable)
  --max-royalties ALM  most paid in royalties for all assets together (default: what the
                       registry asks now; the chain refuses the job if an owner raises it)
  --work UNIT:N        the work the input holds, which providers price by: tokens, pixels
                       or audio-ms, such as tokens:1200 (default: none declared; a provider
                       answers an input with more with the failure undeclared_work)`;

/** The chain's unit of work for each name `--work` takes. */
export const WORK_UNITS = { tokens: 'Tokens', pixels: 'Pixels', 'audio-ms': 'AudioMilliseconds' };

/** The work the flags (or the `--spec FILE`) declare with `work`, or null. */
export function specWork(values) {
  const v = { ...values };
  if (v.spec) Object.assign(v, JSON.parse(fs.readFileSync(v.spec, 'utf8')));
  return workOf(v.work);
}

/** The work a `--work UNIT:N` flag declares, or null when not given. */
export function workOf(flag) {
  if (flag === undefined || flag === null) return null;
  const m = /^([a-z-]+):(\d+)$/.exec(String(flag));
  if (!m || !WORK_UNITS[m[1]] || BigInt(m[2]) === 0n || BigInt(m[2]) >= 1n << 64n) {
    throw new Error(`--work ${flag}: give UNIT:N with UNIT tokens, pixels or audio-ms and N from 1 to 2^64 - 1`);
  }
  return { unit: WORK_UNITS[m[1]], amount: BigInt(m[2]) };
}

/** Text as the hex of its UTF-8 bytes, for `BoundedVec<u8>` arguments. */
export const text = (s) => `0x${Buffer.from(String(s), 'utf8').toString('hex')}`;

/** A 32-byte hash given as 0x…, or the blake2-256 hash of the given text. */
export const hashOf = (given, fallback) =>
  given && /^0x[0-9a-fA-F]{64}$/.test(given) ? given : blake2AsHex(given ?? fallback ?? '', 256);

/** The size of content whose size is not declared (`UNDECLARED_SIZE` of the market). */
export const UNDECLARED_SIZE = (1n << 64n) - 1n;

/** The size a URI declares with a `#size=<bytes>` fragment, if it declares one. */
export function declaredSize(uri) {
  // The fragment starts at the first `#`.
  const m = /^[^#]*#size=(\d+)$/.exec(String(uri ?? ''));
  return m && BigInt(m[1]) <= UNDECLARED_SIZE ? BigInt(m[1]) : undefined;
}

/** A size flag in bytes, or what `uri` declares, or `UNDECLARED_SIZE`. */
function sizeOf(flag, given, uri) {
  if (given === undefined) return declaredSize(uri) ?? UNDECLARED_SIZE;
  if (!/^\d+$/.test(String(given)) || BigInt(given) > UNDECLARED_SIZE) {
    throw new Error(`--${flag} ${given}: give a size in bytes`);
  }
  return BigInt(given);
}

/** What the registry asks now in royalties for `assets`, summed (0 with none). */
export async function currentRoyalties(api, assets) {
  let total = 0n;
  for (const id of assets) {
    const asset = await api.query.dataRegistry.assets(id);
    if (asset.isNone) throw new Error(`asset ${id} is not registered`);
    total += asset.unwrap().royalty.toBigInt();
  }
  return total;
}

/** The `JobSpec` a script's flags (or --spec file) describe. */
export async function buildSpec(api, values, parseAmount) {
  const v = { ...values };
  if (v.spec) Object.assign(v, JSON.parse(fs.readFileSync(v.spec, 'utf8')));
  if (!v['max-price']) throw new Error('--max-price is required');
  if (!v['workload-uri']) throw new Error('--workload-uri is required');
  const maxLen = api.consts.computeMarket.maxStringLen.toNumber();
  for (const flag of ['workload-uri', 'input-uri']) {
    const len = Buffer.byteLength(String(v[flag] ?? ''), 'utf8');
    if (len > maxLen) throw new Error(`--${flag} is ${len} bytes; the chain allows ${maxLen}`);
  }
  const num = (x) => Number.parseInt(x, 10);
  const assets = (v.asset ?? []).map((a) => num(a));
  const maxRoyalties = v['max-royalties'] !== undefined
    ? parseAmount(api, v['max-royalties'])
    : await currentRoyalties(api, assets);
  return {
    workload: {
      kind: v['workload-kind'],
      content: {
        hash: hashOf(v['workload-hash'], v['workload-uri']),
        uri: text(v['workload-uri']),
        size: sizeOf('workload-size', v['workload-size'], v['workload-uri']),
      },
    },
    input: {
      hash: hashOf(v['input-hash'], v['input-uri']),
      uri: text(v['input-uri'] ?? ''),
      size: sizeOf('input-size', v['input-size'], v['input-uri']),
    },
    requirements: { gpuCount: num(v.gpus), vramGib: num(v.vram), cpuCores: num(v.cpus), ramGib: num(v.ram) },
    region: v.region === undefined ? null : num(v.region),
    replicas: num(v.replicas),
    maxPrice: parseAmount(api, v['max-price']),
    biddingPeriod: num(v.bidding),
    executionPeriod: num(v.execution),
    revealPeriod: num(v.reveal),
    minReputation: v['min-reputation'] === undefined ? null : Math.round(Number(v['min-reputation']) * 10000),
    assets,
    maxRoyalties,
    tolerance: v.tolerance === undefined ? null : num(v.tolerance),
  };
}

/**
 * The market's governed parameters as it applies them now (`ComputeMarketApi.parameters`):
 * governance changes them without an upgrade, and `api.consts` keeps the values of the moment
 * polkadot.js read the metadata. On a runtime before that call, the constants.
 */
export async function marketParameters(api) {
  if (api.call.computeMarketApi?.parameters) return api.call.computeMarketApi.parameters();
  return api.consts.computeMarket;
}

/**
 * The least bond a bid on a job of `maxPrice` must hold, as the chain computes it now:
 * max(BidBondFraction × maxPrice rounded up, MinBidBond).
 */
export async function leastBond(api, maxPrice) {
  const p = await marketParameters(api);
  const parts = p.bidBondFraction.toBigInt();
  const floor = p.minBidBond.toBigInt();
  const share = (parts * BigInt(maxPrice) + 999_999_999n) / 1_000_000_000n;
  return share > floor ? share : floor;
}

/** The first event `section.method` in a list of records, or undefined. */
export const findEvent = (events, section, method) =>
  events.map((r) => r.event).find((e) => e.section === section && e.method === method);

/** Where commit.mjs keeps salts so that reveal.mjs can open the commitment. */
export function saltFile(dir, genesis, jobId, address) {
  const base = dir ?? path.join(os.homedir(), '.allmende', 'salts');
  return path.join(base, genesis.slice(0, 18), `job-${jobId}-${address}.json`);
}

/** Bytes of a `BoundedVec<u8>` as text. */
export const str = (bytes) => Buffer.from(bytes.toU8a(true)).toString('utf8');

/** A declared size as text. */
export const showSize = (size) =>
  (BigInt(size.toString()) === UNDECLARED_SIZE ? 'size undeclared' : `${size} bytes`);

/** A human-readable account of a job (from the `ComputeMarketApi.job` runtime API). */
export function describeJob(api, id, d) {
  const { job, bids, assignments, disputed, result } = d;
  const amt = (x) => showAmount(api, x.toString());
  const lines = [
    `job ${id}: ${job.status.type}${job.round.type === 'Arbitration' ? ' (arbitration round)' : ''} ` +
      (TERMINAL_STATUS.includes(job.status.type) ? `(finished at block #${job.deadline})` : `(phase ends at block #${job.deadline})`),
    `  requester   ${job.requester}`,
    `  workload    ${job.spec.workload.kind.type} ${str(job.spec.workload.content.uri)} (${job.spec.workload.content.hash.toHex()}, ${showSize(job.spec.workload.content.size)})`,
    `  input       ${str(job.spec.input.uri)} (${job.spec.input.hash.toHex()}, ${showSize(job.spec.input.size)})`,
    `  replicas    ${job.spec.replicas}, max price ${amt(job.spec.maxPrice)} each`,
    `  escrow      ${amt(job.escrow)} held${job.challengeBond.isZero() ? '' : `, challenge bond ${amt(job.challengeBond)}`}`,
    `  deposit     ${amt(job.deposit)} held until the job is pruned`,
  ];
  for (const r of job.royalties) lines.push(`  royalty     asset ${r.asset} → ${r.owner}: ${amt(r.amount)}`);
  for (const b of bids) lines.push(`  bid         ${b.provider} ${amt(b.price)} (bond ${amt(b.bond)})`);
  for (const a of assignments) {
    const state = a.reveal.isSome
      ? `revealed ${a.reveal.unwrap().resultHash.toHex()}`
      : a.commitment.isSome ? 'committed' : 'assigned';
    lines.push(`  provider    ${a.provider} ${amt(a.price)} (bond ${amt(a.bond)}): ${state}`);
  }
  for (const a of disputed) {
    const state = a.reveal.isSome ? `revealed ${a.reveal.unwrap().resultHash.toHex()}` : 'no reveal';
    lines.push(`  disputed    ${a.provider}: ${state} (the providers above are the drawn arbiters)`);
  }
  if (result.isSome) {
    const r = result.unwrap();
    lines.push(`  result      ${r.resultHash.toHex()} at ${str(r.resultUri)}, agreed: ${r.agreed.join(', ')}`);
  }
  return lines.join('\n');
}
