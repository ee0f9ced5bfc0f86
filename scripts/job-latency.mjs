#!/usr/bin/env node
// The job protocol's own overhead: blocks and seconds from posting a job to its settlement
// when the providers need no time at all to run it. See README "Performance".
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';
import { u8aConcat } from '@polkadot/util';
import { flags, usageError, wholeNumber } from './lib/cli.mjs';
import { DEFAULT_WS, connect, signer, submit } from './lib/client.mjs';
import { findEvent, leastBond, marketParameters, text } from './lib/market.mjs';

const FLOWS = {
  offer: 'k = 1 through an offer (accept_offer); the requester accepts the result at once',
  bid: 'k = 1 through bidding (post_job, place_bid); the requester accepts the result at once',
  k3: 'k = 3 through bidding; the requester accepts the replicas\' agreed result at once',
  'offer-window': 'k = 1 through an offer; the requester lets the challenge window run out',
};

const USAGE = `Usage: node scripts/job-latency.mjs [--ws URL] [--flows LIST] [--bidding N] [--asset ID] [--json]

Runs one job per flow on a development chain (--dev or --chain load) with //Alice as the
requester and //Bob, //Charlie, //Dave as providers (registered if they are not). The
providers "run" the job in no time: each acts in the block after the one that lets it, so
everything measured is the protocol's own overhead. Bidding lasts the shortest period the
chain allows unless --bidding says otherwise.

Flows (default: offer,bid,k3):
${Object.entries(FLOWS).map(([k, v]) => `  ${k.padEnd(13)} ${v}`).join('\n')}

For each flow it prints the block of each step (posted, assigned, all committed, all
revealed, settled), the blocks and seconds from posting to settlement (block timestamps).

Flags:
  --ws URL      node WebSocket (default ${DEFAULT_WS}, or ALLMENDE_WS)
  --flows LIST  comma-separated flows
  --bidding N   blocks of bidding (default: the chain's least, MinBiddingPeriod); on a
                busy machine a bid may miss a one-block chance, give it more
  --asset ID    every job names this registered asset (data or model) and pays its
                royalty when it settles; //Alice must be allowed to use it
  --json        print the report as JSON
  -h, --help    this text`;

function options() {
  const v = flags(USAGE, {
    ws: { type: 'string', default: DEFAULT_WS },
    flows: { type: 'string', default: 'offer,bid,k3' },
    bidding: { type: 'string' },
    asset: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const flows = v.flows.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = flows.filter((f) => !FLOWS[f]);
  if (unknown.length || !flows.length) {
    usageError(USAGE, `unknown flow ${unknown.join(', ') || '(none given)'}; flows are ${Object.keys(FLOWS).join(', ')}`);
  }
  const bidding = v.bidding === undefined ? null : wholeNumber(USAGE, 'bidding', v.bidding);
  const asset = v.asset === undefined ? null : wholeNumber(USAGE, 'asset', v.asset, 0);
  return { ws: v.ws, flows, bidding, asset, json: v.json };
}

const resultHash = blake2AsHex('latency-result');
const saltOf = (pair) => blake2AsHex(`latency-salt-${pair.address}`);
const commitmentOf = (pair) => blake2AsHex(u8aConcat(resultHash, saltOf(pair), decodeAddress(pair.address)));

function spec(api, { replicas, bidding, asset = null }) {
  return {
    workload: { kind: 'Onnx', content: { hash: blake2AsHex('latency-model'), uri: text('ipfs://latency-model'), size: 1 << 20 } },
    input: { hash: blake2AsHex('latency-input'), uri: text('ipfs://latency-input'), size: 1 << 10 },
    requirements: { gpuCount: 1, vramGib: 16, cpuCores: 4, ramGib: 16 },
    region: null,
    replicas,
    maxPrice: 10n ** BigInt(api.registry.chainDecimals[0]),
    biddingPeriod: bidding,
    executionPeriod: 10,
    revealPeriod: 10,
    minReputation: null,
    assets: asset === null ? [] : [asset.id],
    maxRoyalties: asset === null ? 0 : asset.royalty,
  };
}

/** Registers `pair` as a provider unless it is one. */
async function ensureProvider(api, pair) {
  if ((await api.query.computeMarket.providers(pair.address)).isSome) return;
  await submit(api, api.tx.computeMarket.registerProvider((await marketParameters(api)).minProviderStake, {
    gpuModel: text('A100-80GB'),
    hardware: { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 },
    region: 276,
    endpoint: text(`https://${pair.address.slice(0, 8)}.example`),
  }), pair, { until: 'block' });
}

/**
 * Runs one job: `start()` submits what creates it and resolves with { jobId, block }; then,
 * block by block (best blocks), each provider acts as soon as the job lets it. Resolves with
 * the block of each step.
 */
async function follow(api, { start, providers, requester, accept, timeoutMs = 300000 }) {
  const { jobId, block: posted } = await start();
  const steps = { posted };
  const acted = new Set();
  const act = (key, tx, pair) => {
    if (acted.has(key)) return;
    acted.add(key);
    submit(api, tx, pair, { until: 'block' }).catch((e) => { failure = e; });
  };
  let failure = null;
  let number = posted;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failure) throw failure;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not settle within ${timeoutMs / 1000} s (steps so far: ${JSON.stringify(steps)})`);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    if (number > best) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    const at = await api.at(await api.rpc.chain.getBlockHash(number));
    const job = await at.query.computeMarket.jobs(jobId);
    if (job.isNone) throw new Error(`job ${jobId} is not on chain at #${number}`);
    const status = job.unwrap().status.type;
    const first = (name) => { if (steps[name] === undefined) steps[name] = number; };
    if (status === 'Bidding') {
      const bond = await leastBond(api, job.unwrap().spec.maxPrice.toBigInt());
      for (const p of providers) act(`bid ${p.address}`, api.tx.computeMarket.placeBid(jobId, 10n ** 11n, bond), p);
    } else if (status === 'Committing') {
      first('assigned');
      for (const p of providers) act(`commit ${p.address}`, api.tx.computeMarket.commitResult(jobId, commitmentOf(p)), p);
    } else if (status === 'Revealing') {
      first('assigned');
      first('committed');
      for (const p of providers) {
        act(`reveal ${p.address}`, api.tx.computeMarket.revealResult(jobId, resultHash, saltOf(p), text('ipfs://latency-out')), p);
      }
    } else if (status === 'ChallengeWindow') {
      first('revealed');
      if (accept) act('accept', api.tx.computeMarket.acceptResult(jobId), requester);
    } else if (status === 'Settled') {
      first('revealed');
      first('settled');
      break;
    } else {
      throw new Error(`job ${jobId} ended ${status} at #${number}`);
    }
    number++;
  }
  const time = async (n) => (await (await api.at(await api.rpc.chain.getBlockHash(n))).query.timestamp.now()).toNumber();
  return {
    jobId,
    steps,
    blocks: steps.settled - steps.posted,
    seconds: ((await time(steps.settled)) - (await time(steps.posted))) / 1000,
  };
}

async function main() {
  const opts = options();
  let api;
  try {
    api = await connect(opts.ws);
    const [alice, bob, charlie, dave] = await Promise.all(['//Alice', '//Bob', '//Charlie', '//Dave'].map(signer));
    const bidding = opts.bidding ?? api.consts.computeMarket.minBiddingPeriod.toNumber();
    let asset = null;
    if (opts.asset !== null) {
      const found = await api.query.dataRegistry.assets(opts.asset);
      if (found.isNone) throw new Error(`--asset: no asset ${opts.asset} is registered`);
      asset = { id: opts.asset, royalty: found.unwrap().royalty.toBigInt() };
    }
    const used = opts.flows.includes('k3') ? [bob, charlie, dave] : [bob];
    for (const p of used) await ensureProvider(api, p);
    const report = [];
    for (const flow of opts.flows) {
      process.stderr.write(`${flow}: running\n`);
      const byOffer = flow.startsWith('offer');
      let start;
      if (byOffer) {
        const now = (await api.rpc.chain.getHeader()).number.toNumber();
        const { events } = await submit(api, api.tx.computeMarket.postOffer(10n ** 11n,
          { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 }, 1, now + 600,
          api.consts.computeMarket.minExecutionPeriod, api.consts.computeMarket.minRevealPeriod,
          { kinds: ['Onnx'], maxWorkloadSize: 1 << 20, maxInputSize: 1 << 10, minTolerance: 0 }), bob, { until: 'block' });
        const offerId = findEvent(events, 'computeMarket', 'OfferPosted').data.offerId.toNumber();
        start = async () => {
          const { blockHash, events: ev } = await submit(api, api.tx.computeMarket.acceptOffer(offerId,
            spec(api, { replicas: 1, bidding, asset })), alice, { until: 'block' });
          const block = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
          return { jobId: findEvent(ev, 'computeMarket', 'OfferAccepted').data.jobId.toNumber(), block };
        };
      } else {
        const replicas = flow === 'k3' ? 3 : 1;
        start = async () => {
          const { blockHash, events } = await submit(api, api.tx.computeMarket.postJob(spec(api, { replicas, bidding, asset })),
            alice, { until: 'block' });
          const block = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
          return { jobId: findEvent(events, 'computeMarket', 'JobPosted').data.jobId.toNumber(), block };
        };
      }
      const r = await follow(api, {
        start,
        providers: flow === 'k3' ? [bob, charlie, dave] : [bob],
        requester: alice,
        accept: flow !== 'offer-window',
      });
      report.push({ flow, description: FLOWS[flow], ...r });
    }
    const challengePeriod = (await marketParameters(api)).challengePeriod.toNumber();
    if (opts.json) {
      console.log(JSON.stringify({ biddingPeriod: bidding, challengePeriod, flows: report }, null, 2));
    } else {
      console.log('flow          posted  assigned  committed  revealed  settled  blocks  seconds');
      for (const r of report) {
        const s = r.steps;
        console.log(`${r.flow.padEnd(12)}  ${[s.posted, s.assigned, s.committed, s.revealed, s.settled].map((n) => `#${n}`.padStart(8)).join('  ')}  ${String(r.blocks).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`);
      }
      console.log(`\nbidding lasts ${bidding} blocks; an unaccepted result waits ${challengePeriod} blocks for a challenge.`);
    }
    await api.disconnect();
    process.exit(0);
  } catch (e) {
    console.error(`error: ${e.message ?? e}`);
    if (api) await api.disconnect().catch(() => {});
    process.exit(1);
  }
}

main();
