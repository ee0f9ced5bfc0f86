// The chain's own views: blocks, one block with its extrinsics (call, signer, outcome, fee) and
// events, validators with the blocks they authored, and the market per day. A block is read
// from the node (any node, back as far as it keeps state); lists over the whole chain come
// from the indexer (`?indexer=`), with what the node alone can show when there is none.
import { alm, escapeHtml, link, table } from './format.js';

const esc = (v) => escapeHtml(v ?? '');
const idOf = (arg) => (/^\d{1,15}$/.test(arg) ? Number(arg) : null);
const PAGE = 25;
/** Blocks the list shows from the node when there is no indexer. */
const NODE_PAGE = 10;

/** A hex account id (as the indexer keeps it) in the chain's address format. */
const address = (api, hex) => (hex ? api.createType('AccountId', hex).toString() : null);
const time = (ms) => (ms ? new Date(Number(ms)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '–');
const blockLink = (n) => `<a href="#/block/${encodeURIComponent(n)}">#${escapeHtml(n)}</a>`;

/** A value from an event as short text for a table cell. */
function brief(value) {
  const s = JSON.stringify(value);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

/** `#/blocks` or `#/blocks/N`: the blocks up to N (the newest by default), newest first. */
async function blocksView(ctx, arg) {
  const { api } = ctx;
  const top = Math.min(idOf(arg) ?? ctx.best, ctx.best);
  let rows;
  let note;
  let older;
  if (ctx.index?.query && !ctx.index.error) {
    const { blocks } = await ctx.index.query(`query($top: Int!, $n: Int!) {
      blocks(where: {height_lte: $top}, orderBy: height_DESC, limit: $n) { height id timestamp validator extrinsicCount eventCount specVersion } }`,
    { top, n: PAGE });
    rows = blocks.map((b) => [blockLink(b.height), esc(time(Date.parse(b.timestamp))), b.validator ? link.account(address(api, b.validator)) : '–',
      esc(b.extrinsicCount), esc(b.eventCount), esc(b.specVersion), `<span class="mono">${esc(b.id.slice(0, 18))}…</span>`]);
    note = `Finalized blocks from the indexer (indexed to #${esc(ctx.index.high ?? '?')}); newer ones appear once finalized and indexed.`;
    older = blocks.length === PAGE ? blocks[blocks.length - 1].height - 1 : null;
  } else {
    rows = [];
    for (let n = top; n >= Math.max(0, top - NODE_PAGE + 1); n -= 1) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const [header, signed, now] = await Promise.all([api.derive.chain.getHeader(hash), api.rpc.chain.getBlock(hash),
        api.query.timestamp.now.at(hash)]);
      rows.push([blockLink(n), esc(time(now.toNumber())), header?.author ? link.account(header.author.toString()) : '–',
        esc(signed.block.extrinsics.length), '', '', `<span class="mono">${esc(hash.toHex().slice(0, 18))}…</span>`]);
    }
    note = `Blocks read from the node, ${NODE_PAGE} at a time. With an indexer (<code>?indexer=</code>) the list shows ${PAGE} at a time and counts each block's events.`;
    older = top - NODE_PAGE >= 0 ? top - NODE_PAGE : null;
  }
  return `<h1>Blocks</h1>
${table(['block', 'time', 'author', 'extrinsics#', 'events#', 'runtime#', 'hash'], rows, 'no blocks')}
<p>${older !== null ? `<a href="#/blocks/${older}">older blocks</a>` : ''}${top < ctx.best ? ` · <a href="#/blocks">newest</a>` : ''}</p>
<p class="muted">${note}</p>`;
}

/** `#/block/N`: one block from the node: its author, extrinsics with outcome and fee, events. */
async function blockView(ctx, arg) {
  const { api } = ctx;
  const n = idOf(arg);
  if (n === null) return `<h1>Block</h1><p>“${escapeHtml(arg)}” is not a block number.</p>`;
  if (n > ctx.best) return `<h1>Block #${n}</h1><p>Not yet: the best block is #${ctx.best}.</p>`;
  const hash = await api.rpc.chain.getBlockHash(n);
  const at = await api.at(hash);
  let records;
  try {
    records = await at.query.system.events();
  } catch (e) {
    return `<h1>Block #${n}</h1><p>The node no longer has this block's state (${escapeHtml(e.message)}); a node run with <code>--state-pruning archive-canonical</code> has it.</p>`;
  }
  const [signed, header, now] = await Promise.all([api.rpc.chain.getBlock(hash), api.derive.chain.getHeader(hash), at.query.timestamp.now()]);
  const ofExtrinsic = (i) => records.filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.toNumber() === i);
  const rows = signed.block.extrinsics.map((x, i) => {
    const events = ofExtrinsic(i);
    const failed = events.find((r) => r.event.section === 'system' && r.event.method === 'ExtrinsicFailed');
    const fee = events.find((r) => r.event.section === 'transactionPayment' && r.event.method === 'TransactionFeePaid');
    let outcome = 'ok';
    if (failed) {
      const err = failed.event.data[0];
      outcome = err.isModule ? (() => {
        const m = api.registry.findMetaError(err.asModule);
        return `failed: ${m.section}.${m.name}`;
      })() : `failed: ${err.type}`;
    }
    return [esc(i), `${esc(x.method.section)}.${esc(x.method.method)}`, x.isSigned ? link.account(x.signer.toString()) : 'unsigned',
      escapeHtml(outcome), fee ? alm(fee.event.data.actualFee.toBigInt(), ctx.decimals) : '–', esc(events.length)];
  });
  const eventRows = records.map((r, i) => [esc(i),
    r.phase.isApplyExtrinsic ? `extrinsic ${r.phase.asApplyExtrinsic.toNumber()}` : escapeHtml(r.phase.type.toLowerCase()),
    `${esc(r.event.section)}.${esc(r.event.method)}`, `<span class="mono">${escapeHtml(brief(r.event.data.toJSON()))}</span>`]);
  const fees = records.filter((r) => r.event.section === 'transactionPayment' && r.event.method === 'TransactionFeePaid')
    .reduce((t, r) => t + r.event.data.actualFee.toBigInt(), 0n);
  return `<h1>Block #${n}</h1>
${table(['', ''], [
    ['hash', `<span class="mono">${esc(hash.toHex())}</span>`],
    ['parent', n > 0 ? blockLink(n - 1) : '–'],
    ['time', esc(time(now.toNumber()))],
    ['author', header?.author ? link.account(header.author.toString()) : '–'],
    ['finalized', n <= ctx.finalized ? 'yes' : `not yet (finalized #${esc(ctx.finalized)})`],
    ['fees paid', alm(fees, ctx.decimals)],
  ])}
<h2>Extrinsics</h2>
${table(['#', 'call', 'signer', 'outcome', 'fee#', 'events#'], rows, 'none')}
<h2>Events</h2>
${table(['#', 'phase', 'event', 'data'], eventRows, 'none')}
<p>${n > 0 ? `${blockLink(n - 1)} ← ` : ''}${n < ctx.best ? `→ ${blockLink(n + 1)}` : ''}</p>`;
}

/** `#/validators`: the validator set now, the candidates, and (with an indexer) their blocks. */
async function validatorsView(ctx) {
  const { api } = ctx;
  const [current, invulnerables, candidates] = await Promise.all([api.query.session.validators(), api.query.collatorSelection.invulnerables(),
    api.query.collatorSelection.candidateList()]);
  const session = (await api.query.session.currentIndex()).toNumber();
  let authored = new Map();
  let sessions = [];
  let note = 'Blocks authored need an indexer (<code>?indexer=</code>).';
  if (ctx.index?.query && !ctx.index.error) {
    const data = await ctx.index.query(`{ validators(orderBy: blocks_DESC, limit: 200) { id blocks firstBlock lastBlock }
      sessions(orderBy: startedAt_DESC, limit: 10) { id startedAt validators } }`);
    authored = new Map(data.validators.map((v) => [address(api, v.id), v]));
    sessions = data.sessions;
    note = `Blocks authored: finalized blocks from the indexer (indexed to #${esc(ctx.index.high ?? '?')}).`;
  }
  const inSet = new Set(current.map(String));
  const known = new Set([...current.map(String), ...invulnerables.map(String), ...candidates.map((c) => c.who.toString()), ...authored.keys()]);
  const rows = [...known].map((who) => {
    const a = authored.get(who);
    const role = [inSet.has(who) ? 'in the set' : '', invulnerables.map(String).includes(who) ? 'invulnerable' : '',
      candidates.some((c) => c.who.toString() === who) ? 'candidate' : ''].filter(Boolean).join(', ') || 'left';
    return [link.account(who), escapeHtml(role), a ? esc(a.blocks) : '–', a ? blockLink(a.firstBlock) : '–', a ? blockLink(a.lastBlock) : '–'];
  }).sort((x, y) => Number(y[2].replace(/\D/g, '') || 0) - Number(x[2].replace(/\D/g, '') || 0));
  return `<h1>Validators</h1>
<p>Session ${esc(session)}: ${esc(current.length)} validators.</p>
${table(['account', 'now', 'blocks#', 'first', 'last'], rows, 'none')}
${sessions.length ? `<h2>Recent sessions</h2>${table(['session#', 'from block', 'validators'], sessions.map((s) => [esc(s.id), blockLink(s.startedAt),
    s.validators.map((v) => link.account(address(api, v))).join(', ')]))}` : ''}
<p class="muted">${note}</p>`;
}

/**
 * The market per day (UTC) from the indexer's hourly sums, as [{ day, posted, settled, failed,
 * paid, royalties }], oldest first; null without an indexer.
 */
export function marketDays(ctx) {
  const hours = ctx.index?.hours;
  if (!hours) return null;
  const days = new Map();
  for (const h of hours) {
    const day = String(h.start).slice(0, 10);
    const d = days.get(day) ?? { day, posted: 0, settled: 0, failed: 0, paid: 0n, royalties: 0n };
    d.posted += Number(h.jobsPosted) || 0;
    d.settled += Number(h.jobsSettled) || 0;
    d.failed += Number(h.jobsFailed) || 0;
    d.paid += BigInt(h.paid);
    d.royalties += BigInt(h.royalties);
    days.set(day, d);
  }
  return [...days.values()];
}

export const chainViews = { blocks: blocksView, block: blockView, validators: validatorsView };
