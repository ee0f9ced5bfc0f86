// The explorer's views. Each takes the context (API, heads, event index) and the URL's
// argument and returns the page's HTML. Storage is read at the best block; histories come
// from the event index (finalized blocks).
import { alm, blocks, escapeHtml, link, table } from './format.js';
import { chainViews, marketDays } from './chain-views.js';

const TERMINAL = ['Settled', 'Failed', 'Expired', 'Cancelled'];

const json = (codec) => codec.toJSON();
/** What an offer takes: workload kinds, largest workload and input, least tolerance. */
const offerScope = (scope) => (scope
  ? `${scope.kinds.map(escapeHtml).join(', ')}; workload up to ${contentSize(scope.maxWorkloadSize)}, input up to ${contentSize(scope.maxInputSize)}; tolerance at least ${esc(scope.minTolerance)}`
  : '');
/** Declared work (`JobWork`), or an offer's unit: `Tokens` … as the pipelines count them. */
const UNITS = { tokens: 'tokens', pixels: 'pixels', audioMilliseconds: 'ms of audio' };
const unitName = (unit) => UNITS[String(unit).charAt(0).toLowerCase() + String(unit).slice(1)] ?? escapeHtml(unit);
/** An offer's price per unit of work (`OfferUnitPrices`), or '' for an offer priced per job. */
/** A u64 as toJSON gives it (a number, or hex above 2^53), in decimal. */
const whole = (x) => BigInt(x).toString();
const unitPrice = (rate, decimals) => (rate
  ? ` + ${alm(rate.perUnit, decimals)} per ${unitName(rate.unit).replace(/s$/, '')}, at most ${whole(rate.maxAmount)} ${unitName(rate.unit)}`
  : '');
/** A declared content size (u64::MAX: none). */
const contentSize = (size) => {
  try {
    return BigInt(size) === (1n << 64n) - 1n ? 'size undeclared' : `${BigInt(size)} bytes`;
  } catch {
    return 'size unknown';
  }
};
/** A value from the chain as HTML text: a node may send anything. */
const esc = (v) => escapeHtml(v ?? '');
const big = (v) => BigInt(v ?? 0);

/** An enum value as JSON ("NoShow", or { variant: fields }) by its variant name. */
const variant = (v) => (v !== null && typeof v === 'object' ? Object.keys(v)[0] : String(v));

/** Bytes (hex) as UTF-8 text when they are valid UTF-8, else as they are. */
function text(hex) {
  const h = String(hex ?? '');
  if (!/^0x([0-9a-f]{2})*$/i.test(h)) return h;
  const bytes = new Uint8Array(h.length / 2 - 1);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(h.slice(2 + 2 * i, 4 + 2 * i), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return h;
  }
}

const BID_REMOVAL = {
  Retracted: 'retracted by its bidder; bond returned',
  Lost: 'did not win; bond returned',
  JobClosed: 'the job closed; bond returned',
};
const SLASH = {
  NoShow: 'did not commit or reveal in time',
  WrongResult: 'revealed a result that lost verification',
};
/** Hold reasons by variant name, as a user reads them. */
const HOLD = {
  ProviderStake: 'provider stake',
  JobEscrow: 'job escrow (budgets of open jobs)',
  BidBond: 'bid and assignment bonds',
  ChallengeBond: 'challenge bonds',
  JobDeposit: 'job storage deposits (until pruned)',
  AssetDeposit: 'asset and grant deposits',
};

/** How far back the histories on a page go, and which blocks they miss. */
export function historyNote(ctx) {
  const ix = ctx.index;
  if (ix?.scope !== undefined) {
    // From the indexer: every finalized block it has indexed.
    if (ix.error) return `<p class="muted"><strong>History: the indexer could not be asked</strong> (${esc(ix.error)}); what is shown comes from the node alone.</p>`;
    const cut = ix.truncated ? ` Only the latest ${esc(ix.all().length)} events are shown.` : '';
    return `<p class="muted">History: from the indexer at ${esc(ctx.indexer)}, finalized blocks #1 to #${esc(ix.high)}.${cut}</p>`;
  }
  if (!ix || ix.low === null) return '<p class="muted">Reading the chain’s events…</p>';
  let note;
  if (ix.complete) note = `History: every finalized block, #1 to #${esc(ix.high)}.`;
  else if (ix.floor !== null) {
    note = `History: finalized blocks #${esc(ix.low)} to #${esc(ix.high)}. This node keeps no state of older blocks (it prunes it); a node run with <code>--state-pruning archive-canonical</code> shows the whole history.`;
  } else note = `History read back to block #${esc(ix.low)} of #${esc(ix.high)}; older events are still being read.`;
  if (ix.unreadable.size) {
    const blocks = [...ix.unreadable.keys()].sort((a, b) => a - b);
    const shown = blocks.slice(0, 10).map((n) => `#${esc(n)}`).join(', ');
    const more = blocks.length > 10 ? ` and ${blocks.length - 10} more` : '';
    const [first] = ix.unreadable.values();
    note += ` <strong>The node failed to give the events of block${blocks.length > 1 ? 's' : ''} ${shown}${more}</strong> (it said: ${esc(first)}); their events are missing here.`;
  }
  return `<p class="muted">${note}</p>`;
}

function card(k, v) {
  return `<div class="card"><div class="v">${v}</div><div class="k">${escapeHtml(k)}</div></div>`;
}

/**
 * Grouped bars per bucket, as inline SVG: `series` is [{ name, cls, values }], one value per
 * bucket; `labels` names the buckets.
 */
function chart(series, labels, label) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const bar = 6;
  const group = series.length * bar + 6;
  const h = 70;
  const bars = labels
    .map((l, i) => series
      .map((s, j) => {
        const v = s.values[i];
        const height = (v / max) * h;
        return `<rect class="${esc(s.cls)}" x="${i * group + j * bar + 2}" y="${h - height}" width="${bar - 1}" height="${height}"><title>${escapeHtml(l)}: ${v} ${escapeHtml(s.name)}</title></rect>`;
      })
      .join(''))
    .join('');
  const width = labels.length * group + 4;
  const legend = series.map((s) => `<span class="key ${esc(s.cls)}"></span>${escapeHtml(s.name)}`).join(' ');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${h + 14}">${bars}<text x="0" y="${h + 12}">${escapeHtml(labels[0] ?? '')}</text><text x="${width - 28}" y="${h + 12}">now</text></svg><p class="legend">${legend}; highest bar ${max}</p>`;
}

/** Hours of history the market view counts and charts. */
const HOURS = 6;
const BUCKETS = 12;

async function market(ctx) {
  const { api } = ctx;
  const open = (await api.query.computeMarket.openJobs.keys()).map((k) => k.args[0].toNumber()).sort((a, b) => a - b);
  // Open jobs and their bids, 256 keys a query: few round trips, each answer well within a
  // node's response limit (32 bids a job).
  const jobs = [];
  const allBids = [];
  for (let i = 0; i < open.length; i += 256) {
    const ids = open.slice(i, i + 256);
    const [j, b] = await Promise.all([api.query.computeMarket.jobs.multi(ids), api.query.computeMarket.bids.multi(ids)]);
    jobs.push(...j);
    allBids.push(...b);
  }
  const rows = [];
  for (const [i, id] of open.entries()) {
    const j = json(jobs[i]);
    if (!j) continue;
    const bids = json(allBids[i]);
    const lowest = bids.reduce((m, b) => (m === null || big(b.price) < m ? big(b.price) : m), null);
    const r = j.spec.requirements;
    rows.push([
      link.job(id),
      link.account(j.requester),
      `${esc(j.spec.workload.kind)}`,
      `${esc(r.gpuCount)} GPU, ${esc(r.vramGib)} GiB VRAM, ${esc(r.cpuCores)} cores, ${esc(r.ramGib)} GiB`,
      `${esc(j.spec.replicas)}`,
      alm(j.spec.maxPrice, ctx.decimals),
      `${bids.length}`,
      lowest === null ? '–' : alm(lowest, ctx.decimals),
      blocks(Math.max(0, j.deadline - ctx.best), ctx.blockMs),
    ]);
  }
  // The last hours of finalized blocks, by the chain's block time (all of them on a younger
  // chain), in equal buckets.
  const window = Math.round((HOURS * 3600000) / ctx.blockMs);
  const span = Math.max(1, Math.min(window, ctx.finalized));
  const since = Math.max(1, ctx.finalized - span + 1);
  const size = Math.max(1, Math.ceil(span / BUCKETS));
  const recent = ctx.index.all((e) => e.block >= since);
  const count = (m, list = recent) => list.filter((e) => e.method === m).length;
  const sum = (m, f, list = recent) => list.filter((e) => e.method === m).reduce((t, e) => t + big(e.data[f]), 0n);
  const verified = recent.filter((e) => e.method === 'ResultVerified').slice(-10).reverse();
  const starts = Array.from({ length: BUCKETS }, (_, i) => ctx.finalized - (BUCKETS - i) * size + 1)
    .filter((from) => from + size - 1 >= since);
  const inBucket = (from) => recent.filter((e) => e.block >= from && e.block < from + size);
  const labels = starts.map((from) => `#${Math.max(since, from)}–#${from + size - 1} (paid ${alm(sum('ProviderPaid', 'amount', inBucket(from)), ctx.decimals)})`);
  const per = (m) => starts.map((from) => count(m, inBucket(from)));
  const period = span < window
    ? `Since genesis (${blocks(span, ctx.blockMs)}, finalized blocks #${since}–#${ctx.finalized})`
    : `Last ${HOURS} hours (${blocks(span, ctx.blockMs)}, finalized blocks #${since}–#${ctx.finalized})`;
  const read = ctx.index.low === null ? null : Math.max(since, ctx.index.low);
  return `<h1>Market now</h1>
<h2>Open jobs</h2>
${table(['job', 'requester', 'workload', 'needs', 'replicas#', 'max price#', 'bids#', 'lowest bid#', 'bidding left'], rows, 'No job is open for bids.')}
<h2>${period}</h2>
<div class="cards">
${card('jobs posted', count('JobPosted'))}
${card('settled', count('JobSettled'))}
${card('failed', count('JobFailed'))}
${card('expired', count('JobExpired'))}
${card('cancelled', count('JobCancelled'))}
${card('paid to providers', alm(sum('ProviderPaid', 'amount'), ctx.decimals))}
${card('bonds slashed', alm(sum('BondSlashed', 'amount'), ctx.decimals))}
${card('royalties paid', alm(sum('RoyaltyPaid', 'amount'), ctx.decimals))}
</div>
${read !== null && read > since ? `<p class="muted">Counted from block #${read}: ${ctx.index.floor !== null ? 'the node keeps no state of older blocks' : 'older blocks are still being read'}.</p>` : ''}
<h2>Per ${blocks(size, ctx.blockMs)}</h2>
${chart([
  { name: 'posted', cls: 's1', values: per('JobPosted') },
  { name: 'settled', cls: 's2', values: per('JobSettled') },
  { name: 'failed or expired', cls: 's3', values: starts.map((from) => count('JobFailed', inBucket(from)) + count('JobExpired', inBucket(from))) },
], labels, 'jobs per interval')}
${daysChart(ctx)}
<h2>Recent verified results</h2>
${table(['job', 'block#', 'result hash', 'agreeing'], verified.map((e) => [link.job(e.data.jobId), `#${e.block}`, `<span class="mono">${escapeHtml(e.data.resultHash)}</span>`, `${esc(e.data.agreed)}`]), `None in the last ${HOURS} hours.`)}
${historyNote(ctx)}`;
}

/** Jobs per day over the indexer's last days (none without an indexer). */
function daysChart(ctx) {
  const days = marketDays(ctx);
  if (!days) return '';
  if (!days.length) return '<h2>Per day</h2><p class="muted">No market activity in the last days.</p>';
  return `<h2>Per day (UTC), from the indexer</h2>
${chart([
    { name: 'posted', cls: 's1', values: days.map((d) => d.posted) },
    { name: 'settled', cls: 's2', values: days.map((d) => d.settled) },
    { name: 'failed or expired', cls: 's3', values: days.map((d) => d.failed) },
  ], days.map((d) => `${d.day} (paid ${alm(d.paid, ctx.decimals)}, royalties ${alm(d.royalties, ctx.decimals)})`), 'jobs per day')}
${table(['day', 'posted#', 'settled#', 'failed or expired#', 'paid#', 'royalties#'], days.slice().reverse().map((d) => [esc(d.day), esc(d.posted), esc(d.settled),
    esc(d.failed), alm(d.paid, ctx.decimals), alm(d.royalties, ctx.decimals)]))}`;
}

/** Whether `hash` is the chain's "content unavailable" result, which pays no royalty. */
function unavailable(ctx, hash) {
  const c = ctx.api.consts.computeMarket?.contentUnavailable;
  return c !== undefined && c.toHex() === hash;
}

/** One line of a job's timeline. */
function describe(e, ctx) {
  const d = e.data;
  const a = (x) => link.provider(x);
  const amount = (x) => alm(x, ctx.decimals);
  switch (e.method) {
    case 'JobPosted': return `posted by ${link.account(d.requester)}: ${esc(d.replicas)} replica(s), escrow ${amount(d.escrow)}, bids until #${esc(d.biddingEnds)}`;
    case 'OfferAccepted': return `${link.account(d.requester)} took offer ${esc(d.offerId)} of its provider`;
    case 'BidPlaced': return `bid ${amount(d.price)} by ${a(d.provider)} (bond ${amount(d.bond)})`;
    case 'BidRemoved': {
      const why = variant(d.reason);
      if (why === 'Displaced') {
        // The bid that displaced it: the same transaction's BidPlaced.
        const by = (ctx.index.byBlock.get(e.block) ?? []).find((x) => x.method === 'BidPlaced' && x.data.jobId === d.jobId && x.extrinsic === e.extrinsic && x.extrinsic !== null);
        return `bid of ${a(d.provider)} displaced${by ? ` by the bid of ${a(by.data.provider)} (${amount(by.data.price)}, bond ${amount(by.data.bond)})` : ' by a bid with a larger bond'}; bond returned`;
      }
      return `bid of ${a(d.provider)} removed: ${escapeHtml(Object.hasOwn(BID_REMOVAL, why) ? BID_REMOVAL[why] : why)}`;
    }
    case 'JobAssigned': return `assigned to ${d.providers.map(a).join(', ')}${d.price === undefined ? '' : ` at ${amount(d.price)} each`}; commit by #${esc(d.commitBy)}`;
    case 'ResultCommitted': return `${a(d.provider)} committed`;
    case 'RevealPhaseStarted': return `reveal phase, until #${esc(d.revealBy)}`;
    case 'ResultRevealed': return `${a(d.provider)} revealed <span class="mono">${escapeHtml(d.resultHash)}</span>`;
    case 'VerdictRevealed': return `arbiter ${a(d.arbiter)} revealed <span class="mono">${escapeHtml(d.resultHash)}</span>; verdict per replica: ${escapeHtml((d.agrees ?? []).map((x) => String(x).toLowerCase()).join(', '))}`;
    case 'ChallengeWindowOpened': return `challenge window, until #${esc(d.challengeBy)}`;
    case 'ResultChallenged': return `challenged${d.challenger ? ` by ${link.account(d.challenger)}` : ''} with a bond of ${amount(d.bond)}; arbiters drawn at #${esc(d.drawAt)}`;
    case 'DisputeOpened': return `replicas disagree: arbiters drawn at #${esc(d.drawAt)}`;
    case 'ArbitersDrawn': return `arbiters drawn: ${(d.arbiters || []).map(a).join(', ')}`;
    case 'ResultVerified': return `result verified: <span class="mono">${escapeHtml(d.resultHash)}</span>${unavailable(ctx, d.resultHash) ? ' (the content could not be had: no royalty)' : ''}, ${esc(d.agreed)} agreeing`;
    case 'JobFailed': return `failed: ${escapeHtml(variant(d.reason))}`;
    case 'ProviderPaid': return `${a(d.provider)} paid ${amount(d.amount)}`;
    case 'ReputationEarned': return `${a(d.provider)} earned a reputation point (${esc(d.completed)} completed)`;
    case 'BondSlashed': return `${a(d.provider)} slashed ${amount(d.amount)}${d.reason ? `: ${escapeHtml(Object.hasOwn(SLASH, variant(d.reason)) ? SLASH[variant(d.reason)] : variant(d.reason))}` : ''}`;
    case 'ChallengeBondForfeited': return `challenge bond of ${amount(d.amount)} forfeited`;
    case 'Burnt': return `${amount(d.amount)} burnt`;
    case 'PaymentFailed': return `payment of ${amount(d.amount)} to ${link.account(d.to)} failed (${escapeHtml(dispatchErrorText(ctx.api, d.error))}); nothing moved`;
    case 'EscrowRefunded': return `${amount(d.amount)} of escrow refunded to ${link.account(d.requester)}`;
    case 'RoyaltyPaid': return `royalty ${amount(d.amount)} for ${link.asset(d.asset)} paid to ${link.account(d.owner)}`;
    case 'RoyaltyRefunded': return `royalty for ${link.asset(d.asset)} returned to the requester`;
    case 'AssetUseStarted': return `uses ${link.asset(d.asset)}; its royalty is escrowed`;
    case 'JobSettled': return 'settled';
    case 'JobExpired': return 'expired: too few bids';
    case 'JobCancelled': return 'cancelled by its requester';
    case 'JobPruned': return `pruned; deposit ${amount(d.deposit)} returned`;
    case 'ProviderRegistered': return `${a(d.provider)} registered as a provider with a stake of ${amount(d.stake)}`;
    case 'ProfileUpdated': return `${a(d.provider)} updated its profile`;
    case 'StakeAdded': return `${a(d.provider)} added ${amount(d.amount)} of stake (now ${amount(d.stake)})`;
    case 'ProviderUnregistered': return `${a(d.provider)} unregistered; its stake unlocks at #${esc(d.unlocksAt)}`;
    case 'StakeWithdrawn': return `${a(d.provider)} withdrew its stake of ${amount(d.amount)}`;
    case 'OfferPosted': return `${a(d.provider)} posted offer ${esc(d.offerId)}: ${amount(d.price)} per job, ${esc(d.capacity)} job(s)`;
    case 'OfferWithdrawn': return `offer ${esc(d.offerId)} withdrawn`;
    case 'JoinedArbiterPool': return `${a(d.provider)} joined the arbiter pool`;
    case 'LeftArbiterPool': return `${a(d.provider)} left the arbiter pool`;
    case 'AssetRegistered': return `${link.asset(d.asset)} registered by ${link.account(d.owner)}: ${escapeHtml(variant(d.kind))}, ${escapeHtml(variant(d.license))}, royalty ${amount(d.royalty)}`;
    case 'AccessGranted': return `${link.account(d.who)} may use ${link.asset(d.asset)}`;
    case 'AccessRevoked': return `${link.account(d.who)} may no longer use ${link.asset(d.asset)}`;
    case 'LicenseChanged': return `${link.asset(d.asset)} licence now ${escapeHtml(variant(d.license))}`;
    case 'RoyaltyChanged': return `${link.asset(d.asset)} royalty now ${amount(d.royalty)}`;
    case 'OwnershipTransferred': return `${link.asset(d.asset)} passed from ${link.account(d.from)} to ${link.account(d.to)}`;
    case 'AssetRetired': return `${link.asset(d.asset)} retired (${esc(d.inFlight)} job(s) still using it)`;
    case 'DepositReleased': return `deposit ${amount(d.amount)} for ${link.asset(d.asset)} returned to ${link.account(d.owner)}`;
    case 'AssetRemoved': return `${link.asset(d.asset)} removed`;
    default: return `${escapeHtml(e.method)} ${escapeHtml(JSON.stringify(d))}`;
  }
}

/** A decimal id from the URL, or null. */
const idOf = (arg) => (/^\d{1,15}$/.test(arg) ? Number(arg) : null);

/** The address in the chain's own format, or null if `who` is not an account. */
function addressOf(api, who) {
  try {
    return api.createType('AccountId', who).toString();
  } catch {
    return null;
  }
}

/** A DispatchError (as JSON) in words: a pallet error by its name. */
function dispatchErrorText(api, err) {
  const kind = variant(err);
  if (kind === 'module' && err.module) {
    try {
      const bytes = String(err.module.error).replace(/^0x/, '');
      const m = api.registry.findMetaError(new Uint8Array([Number(err.module.index), parseInt(bytes.slice(0, 2), 16)]));
      return `${m.section}.${m.name}`;
    } catch {
      return `module ${JSON.stringify(err.module)}`;
    }
  }
  const inner = err !== null && typeof err === 'object' ? err[kind] : null;
  return inner === null || inner === undefined ? kind : `${kind}: ${variant(inner)}`;
}

async function job(ctx, arg) {
  const id = idOf(arg);
  if (id === null) return `<h1>Job</h1><p>“${escapeHtml(arg)}” is not a job id.</p>`;
  const { api } = ctx;
  const j = json(await api.query.computeMarket.jobs(id));
  const events = ctx.index.ofJob(id);
  if (!j && !events.length) return `<h1>Job ${id}</h1><p>No such job on this chain${ctx.index.complete ? '' : ' (or not in the history read)'}.</p>${historyNote(ctx)}`;
  let head = '';
  if (j) {
    const s = j.spec;
    const assigned = json(await api.query.computeMarket.assignments(id));
    const result = json(await api.query.computeMarket.results(id));
    const work = api.query.computeMarket.jobWork ? json(await api.query.computeMarket.jobWork(id)) : null;
    const status = typeof j.status === 'string' ? j.status : Object.keys(j.status)[0];
    head = `<div class="cards">
${card('status', `${escapeHtml(status)}${TERMINAL.includes(status) ? '' : `, until #${esc(j.deadline)}`}`)}
${card('round', escapeHtml(variant(j.round)))}
${card('requester', link.account(j.requester))}
${card('replicas', esc(s.replicas))}
${card('max price', alm(s.maxPrice, ctx.decimals))}
${card('escrow', alm(j.escrow, ctx.decimals))}
${card('posted at', `#${esc(j.postedAt)}`)}
</div>
<h2>Spec</h2>
${table(['', ''], [
  ['workload', `${escapeHtml(s.workload.kind)} <span class="mono">${escapeHtml(s.workload.content.hash)}</span>, ${contentSize(s.workload.content.size)}`],
  ['input', `<span class="mono">${escapeHtml(s.input.hash)}</span>, ${contentSize(s.input.size)}`],
  ['tolerance', s.tolerance === null || s.tolerance === undefined ? 'the chain\'s default' : esc(s.tolerance)],
  ['work', work ? `${whole(work.amount)} ${unitName(work.unit)}` : 'not declared'],
  ['assets', s.assets.length ? s.assets.map(link.asset).join(', ') : 'none'],
  ['periods', `bidding ${esc(s.biddingPeriod)}, execution ${esc(s.executionPeriod)}, reveal ${esc(s.revealPeriod)} blocks`],
])}
<h2>Assigned (current round)</h2>
${table(['provider', 'price#', 'bond#', 'committed', 'revealed'], assigned.map((x) => [link.provider(x.provider), alm(x.price, ctx.decimals), alm(x.bond, ctx.decimals), x.commitment ? 'yes' : 'no', x.reveal ? `<span class="mono">${escapeHtml(x.reveal.resultHash)}</span>` : 'no']), TERMINAL.includes(status) ? 'nobody: the job is over' : 'nobody yet')}
${result ? `<h2>Verified result</h2><p class="mono">${escapeHtml(result.resultHash)}</p>${unavailable(ctx, result.resultHash) ? '<p>The providers could not have the job\'s content; its data owners are paid no royalty.</p>' : ''}` : ''}`;
  }
  const bad = new Set(['BondSlashed', 'JobFailed', 'JobExpired', 'PaymentFailed', 'ChallengeBondForfeited']);
  const items = events.map((e) => `<li class="${bad.has(e.method) ? 'bad' : ''}"><span class="blk">#${e.block}</span>${describe(e, ctx)}</li>`).join('');
  return `<h1>Job ${id}</h1>${head}<h2>Timeline</h2><ol class="timeline">${items || '<li>no events yet</li>'}</ol>${historyNote(ctx)}`;
}

async function provider(ctx, arg) {
  const { api } = ctx;
  const who = addressOf(api, arg);
  if (!who) return `<h1>Provider</h1><p>“${escapeHtml(arg)}” is not an address.</p>`;
  const p = json(await api.query.computeMarket.providers(who));
  if (!p) return `<h1>Provider</h1><p>${link.account(who)} is not a registered provider.</p>`;
  const rep = p.reputation;
  // As the runtime's `Reputation::score`: Permill::from_rational, rounded down.
  const score = Math.floor((rep.completed * 1e6) / (rep.completed + rep.slashed + rep.noShows + 1));
  // The fee governance set, as the market applies it now (the metadata's constant is the one
  // of the moment the page read it).
  const now = api.call.computeMarketApi?.parameters ? await api.call.computeMarketApi.parameters() : api.consts.computeMarket;
  const fee = big(now.reputationFee.toString());
  const offers = (await api.query.computeMarket.offers.entries())
    .map(([k, v]) => [k.args[0].toNumber(), json(v)])
    .filter(([, o]) => o.provider === who);
  // A runtime from before prices by the unit has no such map.
  const rates = api.query.computeMarket.offerUnitPrices
    ? await Promise.all(offers.map(async ([id]) => json(await api.query.computeMarket.offerUnitPrices(id))))
    : offers.map(() => null);
  const jobs = (await api.query.computeMarket.jobsOfProvider.keys(who)).map((k) => k.args[1].toNumber());
  const history = ctx.index.all((e) => e.data.provider === who || (e.data.providers || []).includes(who) || (e.data.arbiters || []).includes(who));
  // What moved the reputation: a ReputationEarned event is a completion (the fee was burnt
  // from the job's pay); a slash is a wrong result or a no-show.
  // Registering again starts a new reputation: count only what came after the last time.
  const since = history.filter((e) => e.method === 'ProviderRegistered').map((e) => e.block).pop() ?? 0;
  // The fee a job burnt is the one it was posted under (its `terms`, kept until the job is
  // pruned; a runtime before them has none): the current one only when it is gone.
  const feeOf = new Map();
  const earnedIds = [...new Set(history.filter((e) => e.method === 'ReputationEarned' && e.block >= since).map((e) => e.data.jobId))];
  const terms = api.query.computeMarket.terms && earnedIds.length > 0
    ? await api.query.computeMarket.terms.multi(earnedIds)
    : [];
  earnedIds.forEach((id, i) => {
    const t = terms[i] ? json(terms[i]) : null;
    feeOf.set(id, t ? big(t.reputationFee) : fee);
  });
  const earned = history.filter((e) => e.block >= since).flatMap((e) => {
    if (e.method === 'ReputationEarned') {
      const paid = history.find((x) => x.method === 'ProviderPaid' && x.block === e.block && x.data.jobId === e.data.jobId);
      return [[link.job(e.data.jobId), `#${e.block}`, '+1 completed', `${paid ? `paid ${alm(paid.data.amount, ctx.decimals)}, ` : ''}${alm(feeOf.get(e.data.jobId), ctx.decimals)} burnt as the reputation fee`]];
    }
    if (e.method === 'BondSlashed') {
      const why = variant(e.data.reason);
      return [[link.job(e.data.jobId), `#${e.block}`, why === 'NoShow' ? '+1 no-show' : '+1 slashed', `bond ${alm(e.data.amount, ctx.decimals)} slashed: ${escapeHtml(Object.hasOwn(SLASH, why) ? SLASH[why] : why)}`]];
    }
    return [];
  });
  const profile = p.profile;
  return `<h1>Provider ${escapeHtml(who)}</h1>
<div class="cards">
${card('stake', alm(p.stake, ctx.decimals))}
${card('reputation', `${(score / 1e4).toFixed(2)} %`)}
${card('completed', esc(rep.completed))}
${card('slashed', esc(rep.slashed))}
${card('no-shows', esc(rep.noShows))}
${card('arbiter pool', p.arbiterSlot === null ? 'no' : 'yes')}
</div>
<p class="muted">Reputation = completed / (completed + slashed + no-shows + 1), in millionths, rounded down.</p>
<h2>How it was earned</h2>
${table(['job', 'block#', 'counts as', 'because'], earned.slice(-50).reverse(), 'nothing yet in the history read')}
<h2>Profile</h2>
${table(['', ''], [
  ['hardware', `${escapeHtml(text(profile.gpuModel))}: ${esc(profile.hardware.gpuCount)} GPU, ${esc(profile.hardware.vramGib)} GiB VRAM, ${esc(profile.hardware.cpuCores)} cores, ${esc(profile.hardware.ramGib)} GiB`],
  ['region code', `${esc(profile.region)}`],
  ['endpoint', `<span class="mono">${escapeHtml(text(profile.endpoint))}</span>`],
])}
<h2>Standing offers</h2>
${table(['offer#', 'price#', 'capacity#', 'expires', 'takes'], offers.map(([id, o], i) => [`${id}`, `${alm(o.price, ctx.decimals)}${unitPrice(rates[i], ctx.decimals)}`, `${esc(o.capacity)}`, `#${esc(o.expiresAt)}`, offerScope(o.scope)]), 'none')}
<h2>Jobs in progress</h2>
<p>${jobs.map(link.job).join(', ') || 'none'}</p>
<h2>Activity</h2>
<ol class="timeline">${history.slice(-50).reverse().map((e) => `<li><span class="blk">#${e.block}</span>${e.data.jobId !== undefined ? `${link.job(e.data.jobId)}: ` : ''}${describe(e, ctx)}</li>`).join('') || '<li>none</li>'}</ol>
${historyNote(ctx)}`;
}

async function asset(ctx, arg) {
  const id = idOf(arg);
  const { api } = ctx;
  const a = id !== null ? json(await api.query.dataRegistry.assets(id)) : null;
  if (!a) return `<h1>Asset ${escapeHtml(arg)}</h1><p>No such asset.</p>`;
  const grants = a.license === 'Permissioned'
    ? (await api.query.dataRegistry.access.keys(id)).map((k) => k.args[1].toString())
    : [];
  const uses = ctx.index.all((e) => e.section === 'dataRegistry' && e.data.asset === id && (e.method === 'RoyaltyPaid' || e.method === 'RoyaltyRefunded'));
  return `<h1>Asset ${id}</h1>
<div class="cards">
${card('owner', link.account(a.owner))}
${card('kind', escapeHtml(a.kind))}
${card('licence', escapeHtml(a.license))}
${card('royalty per job', alm(a.royalty, ctx.decimals))}
${card('verified jobs', esc(a.uses))}
${card('royalties paid', alm(a.royaltiesPaid, ctx.decimals))}
${card('in flight', esc(a.inFlight))}
</div>
${table(['', ''], [['content hash', `<span class="mono">${escapeHtml(a.contentHash)}</span>`], ['URI', `<span class="mono">${escapeHtml(text(a.uri))}</span>`], ['retired', a.retired ? 'yes' : 'no']])}
${a.license === 'Permissioned' ? `<h2>May use it</h2><p>the owner, and: ${grants.map(link.account).join(', ') || 'nobody else'}</p>` : '<p>Open: anyone may use it.</p>'}
<h2>History</h2>
<ol class="timeline">${ctx.index.all((e) => e.section === 'dataRegistry' && e.data.asset === id && !['RoyaltyPaid', 'RoyaltyRefunded', 'AssetUseStarted'].includes(e.method)).slice(-50).reverse().map((e) => `<li><span class="blk">#${e.block}</span>${describe(e, ctx)}</li>`).join('') || '<li>none in the history read</li>'}</ol>
<h2>Jobs that used it</h2>
${table(['job', 'block#', 'royalty#', 'to'], uses.map((e) => [link.job(e.data.jobId), `#${e.block}`, e.method === 'RoyaltyPaid' ? alm(e.data.amount, ctx.decimals) : 'returned', e.data.owner ? link.account(e.data.owner) : '']), 'none yet')}
${historyNote(ctx)}`;
}

async function account(ctx, arg) {
  const { api } = ctx;
  const who = addressOf(api, arg);
  if (!who) return `<h1>Account</h1><p>“${escapeHtml(arg)}” is not an address.</p>`;
  const info = json(await api.query.system.account(who));
  const holds = json(await api.query.balances.holds(who));
  // Its jobs whose records are still on chain (until pruned), with their status.
  const posted = [];
  for (const k of await api.query.computeMarket.jobsOfRequester.keys(who)) {
    const jobId = k.args[1].toNumber();
    const j = json(await api.query.computeMarket.jobs(jobId));
    posted.push(`${link.job(jobId)} (${escapeHtml(j ? variant(j.status) : 'gone')})`);
  }
  const isProvider = (await api.query.computeMarket.providers(who)).isSome;
  const recent = ctx.index.all((e) => JSON.stringify(e.data).includes(who));
  return `<h1>Account ${escapeHtml(who)}</h1>
${isProvider ? `<p>A registered provider: ${link.provider(who)}.</p>` : ''}
<div class="cards">
${card('free', alm(big(info.data.free), ctx.decimals))}
${card('held', alm(big(info.data.reserved), ctx.decimals))}
</div>
<h2>Held, by reason</h2>
${table(['reason', 'pallet', 'amount#'], holds.map((h) => {
    const [pallet, reason] = Object.entries(h.id)[0] ?? ['', ''];
    const name = variant(reason);
    return [escapeHtml(Object.hasOwn(HOLD, name) ? HOLD[name] : name), escapeHtml(pallet), alm(big(h.amount), ctx.decimals)];
  }), 'nothing held')}
<h2>Its jobs on chain (until pruned)</h2>
<p>${posted.join(', ') || 'none'}</p>
<h2>Recent market activity</h2>
<ol class="timeline">${recent.slice(-50).reverse().map((e) => `<li><span class="blk">#${e.block}</span>${e.data.jobId !== undefined ? `${link.job(e.data.jobId)}: ` : ''}${describe(e, ctx)}</li>`).join('') || '<li>none</li>'}</ol>
${historyNote(ctx)}`;
}

export const views = { market, job, provider, asset, account, ...chainViews };
