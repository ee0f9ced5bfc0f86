#!/usr/bin/env node
// The load generator: how many transfers, jobs, bids and results a node takes per block and
// per second, and what stops it from taking more. See README "Performance".
import fs from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import {
  blake2AsHex, cryptoWaitReady, decodeAddress, keyExtractPath, keyFromPath, sr25519PairFromSeed,
} from '@polkadot/util-crypto';
import { flags, usageError, wholeNumber } from './lib/cli.mjs';
import { DEFAULT_WS, connect, describeDispatchError } from './lib/client.mjs';
import { leastBond, marketParameters, text } from './lib/market.mjs';

const USAGE = `Usage: node scripts/load.mjs [--ws URL] [--senders N] [--rounds R] [--blocks W]
       [--phases LIST] [--node-log FILE] [--json]

Drives a node started with the load chain spec (it funds senders //Sender//0, //Sender//1, …):
  allmende-node --dev --chain load --pool-limit 100000 --pool-kbytes 102400 2> node.log
Every phase signs one transaction per sender per round before it starts, submits them all
without waiting, and follows the blocks that include them. A phase is measured over the
first W blocks that hold its transactions and were built after the last one was submitted
("windows of equal length"); the others are waited for and counted, but not measured.
Between phases the pool drains.

Phases (in this order; the ones a phase needs run first, unmeasured):
  transfer_keep_alive   balances.transferKeepAlive to the next sender
  post_job              computeMarket.postJob, k = 1, no assets
  place_bid             computeMarket.placeBid on the next sender's job (after post_job)
  commit_result         computeMarket.commitResult on a job taken with accept_offer
  reveal_result         computeMarket.revealResult of that commitment (k = 1: opens the
                        challenge window)

For each phase it reports: successful extrinsics per block (from the ExtrinsicSuccess
events; failures separately), the share of the normal-class weight limit the blocks used,
why the author stopped filling each block (the node log's "end:" reason, with --node-log),
transactions per second (from the blocks' timestamps), the normal-class weight charged per
extrinsic (µs/ext), the weight charged against the time
the author took to build the block (with --node-log), each market phase's extrinsics per
block as a ratio of the transfer phase's, the mean fee its extrinsics paid (mALM/ext) and the
fee multiplier the last measured block left (it rises after blocks fuller than 25 %).

Flags:
  --ws URL         node WebSocket (default ${DEFAULT_WS}, or ALLMENDE_WS)
  --senders N      senders to use, at most what the chain spec funds (default 8000)
  --rounds R       transactions per sender per phase (default 1)
  --blocks W       blocks measured per phase (default 2)
  --phases LIST    comma-separated phases to measure (default: all five)
  --node-log FILE  the author node's log, for stop reasons and build times
  --timeout S      give up on a phase after S seconds without a new transaction of it in a
                   block (default 60)
  --json           print the report as JSON on stdout (progress goes to stderr)
  -h, --help       this text`;

/** The development phrase's seed: the load senders are //Sender//{i} of it. */
const DEV_SEED = '0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e';
const ALL_PHASES = ['transfer_keep_alive', 'post_job', 'place_bid', 'commit_result', 'reveal_result'];
/** Long enough that no deadline of a job made here passes during a run. */
const PERIOD = 5000;
// What the load generator's offers take: the ONNX jobs of `jobSpec`.
const ANY_WORK = { kinds: ['Onnx'], maxWorkloadSize: 1 << 20, maxInputSize: 1 << 10, minTolerance: 0 };

class LoadError extends Error {}

function options() {
  const parsed = flags(USAGE, {
    ws: { type: 'string', default: DEFAULT_WS },
    senders: { type: 'string', default: '8000' },
    rounds: { type: 'string', default: '1' },
    blocks: { type: 'string', default: '2' },
    phases: { type: 'string', default: ALL_PHASES.join(',') },
    'node-log': { type: 'string' },
    timeout: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
  });
  const positive = (name) => wholeNumber(USAGE, name, parsed[name]);
  const phases = parsed.phases.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = phases.filter((p) => !ALL_PHASES.includes(p));
  if (unknown.length || !phases.length) {
    usageError(USAGE, `unknown phase ${unknown.join(', ') || '(none given)'}; phases are ${ALL_PHASES.join(', ')}`);
  }
  if (parsed['node-log'] && !fs.existsSync(parsed['node-log'])) {
    usageError(USAGE, `--node-log ${parsed['node-log']}: no such file`);
  }
  return {
    ws: parsed.ws,
    senders: positive('senders'),
    rounds: positive('rounds'),
    blocks: positive('blocks'),
    timeoutMs: positive('timeout') * 1000,
    phases,
    nodeLog: parsed['node-log'],
    json: parsed.json,
  };
}

/** Progress on stderr: one line rewritten in place on a terminal, a line every few seconds otherwise. */
function progress() {
  let last = 0;
  return (line, { force = false } = {}) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[K${line}`);
      if (force) process.stderr.write('\n');
    } else if (force || Date.now() - last > 5000) {
      last = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** "Prepared block for proposing at N (X ms) … end: R; extrinsics_count: C" lines of a node log. */
function authorLog(file) {
  const out = new Map();
  if (!file) return out;
  const re = /Prepared block for proposing at (\d+) \((\d+) ms\).*end: (\w+); extrinsics_count: (\d+)/;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = re.exec(line);
    if (m) out.set(Number(m[1]), { buildMs: Number(m[2]), end: m[3], extrinsics: Number(m[4]) });
  }
  return out;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : null);
const round = (x, d = 2) => (x === null ? null : Number(x.toFixed(d)));

class Generator {
  constructor(api, opts, say) {
    this.api = api;
    this.opts = opts;
    this.say = say;
    this.jobsOf = new Map(); // requester index -> job ids posted (post_job)
    this.offerOf = new Map(); // provider index -> offer id
    this.assigned = new Map(); // provider index -> job ids taken from its offer
  }

  async prepare() {
    const { api, opts } = this;
    await cryptoWaitReady();
    const base = sr25519PairFromSeed(hexToU8a(DEV_SEED));
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const sender = (i) => keyring.addFromPair(keyFromPath(base, keyExtractPath(`//Sender//${i}`).path, 'sr25519'));
    // The last sender first: a chain that does not fund it is refused before any work.
    const last = await api.query.system.account(sender(opts.senders - 1).address);
    if (last.data.free.isZero()) {
      throw new LoadError(`sender //Sender//${opts.senders - 1} has no funds: start the node with ` +
        '--chain load (it funds 20,000 senders), or use fewer --senders');
    }
    this.pairs = [];
    for (let i = 0; i < opts.senders; i++) {
      this.pairs.push(sender(i));
      if (i % 1000 === 999) this.say(`deriving senders: ${i + 1}/${opts.senders}`);
    }
    this.index = new Map(this.pairs.map((p, i) => [p.address, i]));
    const weights = api.consts.system.blockWeights;
    this.normalLimit = weights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    this.ed = api.consts.balances.existentialDeposit.toBigInt();
    this.unit = 10n ** BigInt(api.registry.chainDecimals[0]);
  }

  /** Every sender's next nonce, read from the chain. */
  async nonces() {
    const out = [];
    const addresses = this.pairs.map((p) => p.address);
    for (let i = 0; i < addresses.length; i += 1000) {
      const accounts = await this.api.query.system.account.multi(addresses.slice(i, i + 1000));
      for (const a of accounts) out.push(a.nonce.toNumber());
    }
    return out;
  }

  jobSpec() {
    return {
      workload: { kind: 'Onnx', content: { hash: blake2AsHex('load-model'), uri: text('ipfs://load-model'), size: 1 << 20 } },
      input: { hash: blake2AsHex('load-input'), uri: text('ipfs://load-input'), size: 1 << 10 },
      requirements: { gpuCount: 1, vramGib: 16, cpuCores: 4, ramGib: 16 },
      region: null,
      replicas: 1,
      maxPrice: this.unit,
      biddingPeriod: PERIOD,
      executionPeriod: PERIOD,
      revealPeriod: PERIOD,
      minReputation: null,
      assets: [],
      maxRoyalties: 0,
    };
  }

  resultHash(i, r) {
    return blake2AsHex(`load-result-${i}-${r}`);
  }

  salt(i, r) {
    return blake2AsHex(`load-salt-${i}-${r}`);
  }

  /**
   * The steps of a run: measured phases and the unmeasured setup they need. Each step makes
   * one transaction for sender i in round r (or null to skip) and reads what it needs from
   * its events.
   */
  steps() {
    const { api, opts } = this;
    const n = opts.senders;
    const next = (i) => (i + 1) % n;
    const wanted = new Set(opts.phases);
    const need = (p) => wanted.has(p);
    const market = ['post_job', 'place_bid', 'commit_result', 'reveal_result'].some(need);
    const steps = [];
    if (market) {
      steps.push({
        name: 'setup: register_provider',
        call: 'computeMarket.registerProvider',
        rounds: 1,
        make: async (i) => {
          this.stake ??= (await marketParameters(api)).minProviderStake;
          return api.tx.computeMarket.registerProvider(this.stake, {
            gpuModel: text('A100-80GB'),
            hardware: { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 },
            region: 276,
            endpoint: text(`https://sender-${i}.example`),
          });
        },
        // Providers registered by an earlier run stay registered: only the others register.
        filter: async () => {
          const registered = new Set();
          const addresses = this.pairs.map((p) => p.address);
          for (let i = 0; i < addresses.length; i += 1000) {
            const records = await api.query.computeMarket.providers.multi(addresses.slice(i, i + 1000));
            records.forEach((r, j) => { if (r.isSome) registered.add(i + j); });
          }
          return (i) => !registered.has(i);
        },
      });
    }
    if (need('transfer_keep_alive')) {
      steps.push({
        name: 'transfer_keep_alive',
        call: 'balances.transferKeepAlive',
        measured: true,
        make: async (i) => api.tx.balances.transferKeepAlive(this.pairs[next(i)].address, this.ed),
      });
    }
    if (need('post_job') || need('place_bid')) {
      steps.push({
        name: need('post_job') ? 'post_job' : 'setup: post_job',
        call: 'computeMarket.postJob',
        measured: need('post_job'),
        make: async () => api.tx.computeMarket.postJob(this.jobSpec()),
        read: (event) => {
          if (event.section === 'computeMarket' && event.method === 'JobPosted') {
            const i = this.index.get(event.data.requester.toString());
            if (i !== undefined) this.jobsOf.set(i, [...(this.jobsOf.get(i) ?? []), event.data.jobId.toNumber()]);
          }
        },
      });
    }
    if (need('place_bid')) {
      steps.push({
        name: 'place_bid',
        call: 'computeMarket.placeBid',
        measured: true,
        make: async (i, r) => {
          const job = this.jobsOf.get(next(i))?.[r];
          if (job === undefined) return null;
          // Read once per run: one runtime call, not one per bid.
          this.bond ??= await leastBond(api, this.unit);
          return api.tx.computeMarket.placeBid(job, this.unit, this.bond);
        },
      });
    }
    if (need('commit_result') || need('reveal_result')) {
      steps.push({
        name: 'setup: post_offer',
        call: 'computeMarket.postOffer',
        rounds: 1,
        make: async () => {
          this.offerExpiry ??= (await api.rpc.chain.getHeader()).number.toNumber() + 2 * PERIOD;
          return api.tx.computeMarket.postOffer(this.unit, { gpuCount: 1, vramGib: 80, cpuCores: 16, ramGib: 64 },
            opts.rounds, this.offerExpiry, api.consts.computeMarket.minExecutionPeriod, api.consts.computeMarket.minRevealPeriod,
            ANY_WORK);
        },
        read: (event) => {
          if (event.section === 'computeMarket' && event.method === 'OfferPosted') {
            const i = this.index.get(event.data.provider.toString());
            if (i !== undefined) this.offerOf.set(i, event.data.offerId.toNumber());
          }
        },
      });
      steps.push({
        name: 'setup: accept_offer',
        call: 'computeMarket.acceptOffer',
        make: async (i) => {
          const offer = this.offerOf.get(next(i));
          return offer === undefined ? null : api.tx.computeMarket.acceptOffer(offer, this.jobSpec());
        },
        read: (event) => {
          if (event.section === 'computeMarket' && event.method === 'OfferAccepted') {
            // Sender i takes the offer of sender i + 1: the job is assigned to i + 1.
            const requester = this.index.get(event.data.requester.toString());
            if (requester === undefined) return;
            const provider = next(requester);
            this.assigned.set(provider, [...(this.assigned.get(provider) ?? []), event.data.jobId.toNumber()]);
          }
        },
      });
      steps.push({
        name: need('commit_result') ? 'commit_result' : 'setup: commit_result',
        call: 'computeMarket.commitResult',
        measured: need('commit_result'),
        make: async (i, r) => {
          const job = this.assigned.get(i)?.[r];
          if (job === undefined) return null;
          const commitment = blake2AsHex(u8aConcat(this.resultHash(i, r), this.salt(i, r), decodeAddress(this.pairs[i].address)));
          return api.tx.computeMarket.commitResult(job, commitment);
        },
      });
      if (need('reveal_result')) {
        steps.push({
          name: 'reveal_result',
          call: 'computeMarket.revealResult',
          measured: true,
          make: async (i, r) => {
            const job = this.assigned.get(i)?.[r];
            return job === undefined ? null
              : api.tx.computeMarket.revealResult(job, this.resultHash(i, r), this.salt(i, r), text(`ipfs://load-out-${i}-${r}`));
          },
        });
      }
    }
    return steps;
  }

  /** Signs, submits and follows one step; returns its report. */
  async run(step) {
    const { api, opts, say } = this;
    const wanted = step.filter ? await step.filter() : () => true;
    const rounds = step.rounds ?? opts.rounds;
    // Nonces from the chain: the previous step's transactions are all in blocks (or the run
    // stopped), so none is still pending in the pool.
    const nonces = await this.nonces();
    const signed = [];
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < opts.senders; i++) {
        if (!wanted(i)) continue;
        const tx = await step.make(i, r);
        if (!tx) continue;
        await tx.signAsync(this.pairs[i], { nonce: nonces[i]++, era: 0 });
        signed.push(tx.toHex());
        if (signed.length % 500 === 0) say(`${step.name}: signed ${signed.length}`);
      }
    }
    if (!signed.length) {
      if (step.filter) {
        say(`${step.name}: already done`, { force: true });
        return null;
      }
      throw new LoadError(`${step.name}: nothing to send (an earlier step made no jobs or offers)`);
    }
    const [section, method] = step.call.split('.');
    const first = (await api.rpc.chain.getHeader()).number.toNumber() + 1;

    // Submit everything without waiting for inclusion; the pool takes what it can.
    let submitted = 0;
    const rejected = new Map();
    const submitting = pool(signed, 64, async (hex) => {
      try {
        await api.rpc.author.submitExtrinsic(hex);
      } catch (e) {
        const reason = String(e.message ?? e).replace(/^\d+: /, '').slice(0, 120);
        rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
      }
      submitted++;
    }).then(() => {
      // Blocks whose slot began while the pool was still being filled are not measured.
      this.submitDoneAt = Date.now();
      this.submitDone = true;
    });
    this.submitDone = false;
    this.submitDoneAt = Infinity;

    // Follow the blocks until every accepted transaction is in one, or none came for a while.
    const blocks = [];
    let included = 0;
    let lastSeen = Date.now();
    let number = first;
    const failures = new Map();
    for (;;) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      if (number > best) {
        const accepted = submitted - sum([...rejected.values()]);
        if (this.submitDone && included >= accepted) break;
        if (Date.now() - lastSeen > opts.timeoutMs) break;
        await new Promise((res) => setTimeout(res, 300));
        continue;
      }
      const block = await this.block(number, section, method, step, failures);
      block.warmUp = block.timestamp < this.submitDoneAt;
      if (block.succeeded + block.failed > 0) {
        blocks.push(block);
        included += block.succeeded + block.failed;
        lastSeen = Date.now();
      }
      say(`${step.name}: submitted ${submitted}/${signed.length}, in blocks ${included} ` +
        `(#${number}: ${block.succeeded} ok, ${block.failed} failed, ${(100 * block.weightShare).toFixed(1)} % weight)`);
      number++;
    }
    await submitting;
    const accepted = submitted - sum([...rejected.values()]);
    say(`${step.name}: ${included} of ${signed.length} in ${blocks.length} blocks`, { force: true });
    return this.report(step, { signed: signed.length, accepted, rejected, included, blocks, failures });
  }

  /** The phase's extrinsics in block `number`: successes and failures from the events. */
  async block(number, section, method, step, failures) {
    const { api } = this;
    const hash = await api.rpc.chain.getBlockHash(number);
    const [signedBlock, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
    const [events, weight, multiplier, now, parentNow] = await Promise.all([
      at.query.system.events(),
      at.query.system.blockWeight(),
      at.query.transactionPayment.nextFeeMultiplier(),
      at.query.timestamp.now(),
      api.rpc.chain.getBlockHash(number - 1).then((h) => api.at(h)).then((p) => p.query.timestamp.now()),
    ]);
    const ours = new Set();
    signedBlock.block.extrinsics.forEach((ex, j) => {
      if (ex.isSigned && ex.method.section === section && ex.method.method === method &&
        this.index.has(ex.signer.toString())) ours.add(j);
    });
    let succeeded = 0;
    let failed = 0;
    let fees = 0n;
    let feesPaid = 0;
    for (const { phase, event } of events) {
      if (step.read) step.read(event);
      if (!phase.isApplyExtrinsic || !ours.has(phase.asApplyExtrinsic.toNumber())) continue;
      if (event.section === 'system' && event.method === 'ExtrinsicSuccess') succeeded++;
      if (event.section === 'transactionPayment' && event.method === 'TransactionFeePaid') {
        fees += event.data.actualFee.toBigInt();
        feesPaid++;
      }
      if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
        failed++;
        const reason = describeDispatchError(api, event.data[0]);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
    }
    const total = weight.normal.refTime.toBigInt() + weight.operational.refTime.toBigInt() + weight.mandatory.refTime.toBigInt();
    return {
      number,
      hash: hash.toHex(),
      extrinsics: signedBlock.block.extrinsics.length,
      succeeded,
      failed,
      weightShare: Number(weight.normal.refTime.toBigInt()) / Number(this.normalLimit),
      normalMs: Number(weight.normal.refTime.toBigInt()) / 1e9,
      chargedMs: Number(total) / 1e9,
      // What the phase's extrinsics in the block paid in fees (planck, as a decimal string),
      // and the fee multiplier the block left for the next.
      fees: fees.toString(),
      feesPaid,
      nextFeeMultiplier: Number(multiplier.toBigInt()) / 1e18,
      timestamp: now.toNumber(),
      millis: now.toNumber() - parentNow.toNumber(),
    };
  }

  report(step, { signed, accepted, rejected, included, blocks, failures }) {
    const log = authorLog(this.opts.nodeLog);
    const window = blocks.filter((b) => !b.warmUp).slice(0, this.opts.blocks).map((b) => {
      const a = log.get(b.number);
      return { ...b, buildMs: a?.buildMs ?? null, end: a?.end ?? null, chargedOverCost: a?.buildMs ? b.chargedMs / a.buildMs : null };
    });
    const stop = {};
    for (const b of window) if (b.end) stop[b.end] = (stop[b.end] ?? 0) + 1;
    const seconds = sum(window.map((b) => b.millis)) / 1000;
    const ratios = window.map((b) => b.chargedOverCost).filter((x) => x !== null);
    return {
      name: step.name,
      call: step.call,
      measured: !!step.measured,
      signed,
      accepted,
      rejected: Object.fromEntries(rejected),
      included,
      succeeded: sum(blocks.map((b) => b.succeeded)),
      failed: sum(blocks.map((b) => b.failed)),
      failures: Object.fromEntries(failures),
      missing: accepted - included,
      blocks: blocks.map((b) => b.number),
      window: {
        blocks: window,
        complete: window.length === this.opts.blocks,
        extrinsicsPerBlock: round(mean(window.map((b) => b.succeeded)), 1),
        failedPerBlock: round(mean(window.map((b) => b.failed)), 1),
        weightShare: round(mean(window.map((b) => b.weightShare)), 4),
        stopReasons: stop,
        tps: seconds > 0 ? round(sum(window.map((b) => b.succeeded)) / seconds, 1) : null,
        // The normal-class weight of the window's blocks per successful extrinsic of the phase.
        chargedPerExtrinsicUs: sum(window.map((b) => b.succeeded))
          ? round((1000 * sum(window.map((b) => b.normalMs))) / sum(window.map((b) => b.succeeded)), 1) : null,
        chargedOverCost: round(mean(ratios), 2),
        // The mean fee of the phase's extrinsics in the window's blocks, in mALM.
        feePerExtrinsicMilli: sum(window.map((b) => b.feesPaid))
          ? round(Number(window.reduce((a, b) => a + BigInt(b.fees), 0n)) / 1e9 / sum(window.map((b) => b.feesPaid)), 4)
          : null,
        nextFeeMultiplier: window.length ? round(window[window.length - 1].nextFeeMultiplier, 6) : null,
      },
    };
  }
}

function table(result) {
  const lines = [];
  const head = ['phase', 'ext/block', 'failed', 'weight', 'µs/ext', 'stopped by', 'TPS', 'charged/cost', 'vs transfer', 'mALM/ext', 'multiplier'];
  const rows = result.phases.filter((p) => p.measured).map((p) => [
    p.name,
    String(p.window.extrinsicsPerBlock),
    String(p.failed),
    `${(100 * p.window.weightShare).toFixed(1)} %`,
    String(p.window.chargedPerExtrinsicUs),
    Object.entries(p.window.stopReasons).map(([k, v]) => `${k}×${v}`).join(' ') || '(no log)',
    String(p.window.tps),
    p.window.chargedOverCost === null ? '(no log)' : String(p.window.chargedOverCost),
    p.vsTransfer === null ? '-' : p.vsTransfer.toFixed(2),
    p.window.feePerExtrinsicMilli === null ? '-' : String(p.window.feePerExtrinsicMilli),
    p.window.nextFeeMultiplier === null ? '-' : String(p.window.nextFeeMultiplier),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (r) => r.map((x, c) => (c === 0 || c === 5 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  lines.push(fmt(head));
  for (const r of rows) lines.push(fmt(r));
  lines.push('');
  lines.push(`${result.senders} senders × ${result.rounds} rounds per phase, ${result.blocksPerPhase} blocks measured per phase, ` +
    `chain ${result.chain} (spec ${result.specVersion}).`);
  for (const p of result.phases) {
    const notes = [];
    if (!p.window.complete) notes.push(`only ${p.window.blocks.length} of ${result.blocksPerPhase} blocks held its transactions: raise --senders or --rounds`);
    if (p.missing) notes.push(`${p.missing} accepted transactions never reached a block`);
    if (Object.keys(p.rejected).length) notes.push(`rejected by the pool: ${JSON.stringify(p.rejected)}`);
    if (Object.keys(p.failures).length) notes.push(`failed: ${JSON.stringify(p.failures)}`);
    if (notes.length) lines.push(`${p.name}: ${notes.join('; ')}`);
  }
  return lines.join('\n');
}

async function main() {
  const opts = options();
  const say = progress();
  let api;
  try {
    api = await connect(opts.ws);
    const gen = new Generator(api, opts, say);
    await gen.prepare();
    const phases = [];
    let stopped = null;
    for (const step of gen.steps()) {
      const report = await gen.run(step);
      if (!report) continue;
      phases.push(report);
      if (report.missing > 0) {
        // Their nonces are still taken in the pool: the next step would collide with them.
        stopped = `${step.name}: ${report.missing} accepted transactions reached no block within --timeout; ` +
          'later phases not run';
        break;
      }
    }
    const transfer = phases.find((p) => p.name === 'transfer_keep_alive');
    for (const p of phases) {
      p.vsTransfer = p.measured && transfer?.window.extrinsicsPerBlock && p.window.extrinsicsPerBlock !== null
        ? round(p.window.extrinsicsPerBlock / transfer.window.extrinsicsPerBlock, 3) : null;
    }
    const version = api.runtimeVersion;
    const result = {
      chain: (await api.rpc.system.chain()).toString(),
      specVersion: version.specVersion.toNumber(),
      senders: opts.senders,
      rounds: opts.rounds,
      blocksPerPhase: opts.blocks,
      normalLimitRefTime: Number(gen.normalLimit),
      stopped,
      phases,
    };
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(table(result));
    if (stopped) console.error(`error: ${stopped}`);
    await api.disconnect();
    process.exit(stopped ? 1 : 0);
  } catch (e) {
    console.error(`error: ${e.message ?? e}`);
    if (api) await api.disconnect().catch(() => {});
    process.exit(1);
  }
}

main();
