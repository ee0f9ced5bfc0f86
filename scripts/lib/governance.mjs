// What the Council and the Technical Committee do through polkadot.js: propose a motion (also
// one that reaches root through the whitelist, or authorizes a runtime upgrade), vote, close,
// list the open motions, send on a root call both bodies approved, and apply an authorized
// upgrade. Used by scripts/govern.mjs and the end-to-end tests.
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ChainError, describeDispatchError, firstOf, submit } from './client.mjs';
import { UsageError } from './cli.mjs';

/** The two bodies by the names the scripts take, and their pallets as polkadot.js names them. */
export const BODIES = { council: 'council', committee: 'technicalCommittee' };

/** The pallet of `body` ("council" or "committee"); anything else is a usage error. */
export function palletOf(body) {
  const pallet = BODIES[body];
  if (!pallet) throw new UsageError(`the body is council or committee, not "${body ?? ''}"`);
  return pallet;
}

/** Two thirds of `members`, rounded up: what the runtime's two-thirds origins ask of a motion. */
export const twoThirds = (members) => Math.ceil((2 * members) / 3);

/**
 * The call `name` ("pallet.method" as polkadot.js names it, e.g. "parameters.setParameter")
 * with `args`, each JSON (a word that is not JSON is taken as text: `0x…`, a name).
 */
export function buildCall(api, name, args) {
  const [section, method, ...rest] = String(name).split('.');
  const make = rest.length === 0 ? api.tx[section]?.[method] : undefined;
  if (!make) {
    throw new UsageError(`${name} is not a call of this chain (pallet.method as polkadot.js names it, e.g. parameters.setParameter)`);
  }
  const params = make.meta.args;
  if (args.length !== params.length) {
    const names = params.map((a) => `${a.name} (${a.typeName.isSome ? a.typeName.unwrap() : a.type})`);
    throw new UsageError(`${name} takes ${params.length} argument(s)${names.length ? `: ${names.join(', ')}` : ''}, not ${args.length}`);
  }
  try {
    return make(...args.map(jsonOrText)).method;
  } catch (e) {
    throw new UsageError(`${name}: ${e.message}`);
  }
}

function jsonOrText(arg) {
  try {
    return JSON.parse(arg);
  } catch {
    return arg;
  }
}

/** `system.authorizeUpgrade` of `code` (the bytes of a runtime): only its hash goes on chain. */
export function upgradeCall(api, code) {
  return api.tx.system.authorizeUpgrade(blake2AsHex(code, 256)).method;
}

/**
 * What `body` proposes so that `call` is dispatched with root: the committee whitelists the
 * call's hash, the Council dispatches the call (its preimage). Both must pass, in either order.
 */
export function forRoot(api, body, call) {
  palletOf(body);
  return body === 'committee'
    ? api.tx.whitelist.whitelistCall(call.hash).method
    : api.tx.whitelist.dispatchWhitelistedCallWithPreimage(call).method;
}

/** A call as "section.method(args)", calls inside it decoded too, long arguments shortened. */
export function describeCall(call) {
  const isCall = (v) => typeof v?.section === 'string' && typeof v?.method === 'string' && Array.isArray(v?.args);
  const shorten = (text) => (text.length > 120 ? `${text.slice(0, 117)}...` : text);
  const args = call.args.map((arg) => (isCall(arg) ? describeCall(arg) : shorten(JSON.stringify(arg.toJSON()))));
  return `${call.section}.${call.method}(${args.join(', ')})`;
}

/**
 * What a close (or a motion executed at once, or a dispatch) did, from its events: whether
 * the motion was approved (`null` when the events say neither), and the errors of the calls it
 * executed, as "pallet.Name: doc" — the body's `Executed`, and root's
 * `whitelist.WhitelistedCallDispatched`, which both report a failed call without failing the
 * transaction that made it. `deferred`: the Council's dispatch came before the committee's
 * whitelist, and waits for it (`whitelist.DispatchDeferred`).
 */
export function outcome(api, events) {
  let approved = null;
  let executed = false;
  let deferred = false;
  const failures = [];
  for (const { event } of events) {
    for (const pallet of Object.values(BODIES)) {
      const ev = api.events[pallet];
      if (ev.Approved.is(event)) approved = true;
      if (ev.Disapproved.is(event)) approved = false;
      if (ev.Executed.is(event)) {
        executed = true;
        if (event.data.result.isErr) failures.push(describeDispatchError(api, event.data.result.asErr));
      }
    }
    if (api.events.whitelist.WhitelistedCallDispatched.is(event) && event.data.result.isErr) {
      failures.push(describeDispatchError(api, event.data.result.asErr.error));
    }
    if (api.events.whitelist.DispatchDeferred.is(event)) deferred = true;
  }
  return { approved, executed, deferred, failures };
}

/** The open motions of `body`: { index, hash, call, ayes, nays, threshold, end }, oldest first. */
export async function motions(api, body) {
  const pallet = palletOf(body);
  // Every read at one block: a motion closed between two reads is in none of them.
  const at = await api.at(await api.rpc.chain.getBlockHash());
  const hashes = await at.query[pallet].proposals();
  const [calls, votes] = await Promise.all([
    at.query[pallet].proposalOf.multi(hashes),
    at.query[pallet].voting.multi(hashes),
  ]);
  return hashes
    .map((hash, i) => {
      if (votes[i].isNone) return null;
      const v = votes[i].unwrap();
      return {
        index: v.index.toNumber(),
        hash: hash.toHex(),
        call: calls[i].isSome ? calls[i].unwrap() : null,
        ayes: v.ayes.map(String),
        nays: v.nays.map(String),
        threshold: v.threshold.toNumber(),
        end: v.end.toNumber(),
      };
    })
    .filter((m) => m !== null)
    .sort((a, b) => a.index - b.index);
}

/** The open motion number `index` of `body`, or a ChainError naming the command that lists them. */
export async function motion(api, body, index) {
  const found = (await motions(api, body)).find((m) => m.index === index);
  if (!found) throw new ChainError(`the ${body} has no open motion #${index} (node scripts/govern.mjs motions ${body})`);
  return found;
}

/**
 * Proposes `call` to `body` signed by `pair` (a member), with two thirds of the members as the
 * threshold, and votes aye as its proposer (the pallet counts no vote of its own). A threshold
 * of one (a body of one member) executes the call at once. Resolves with { threshold,
 * members, index, hash, end, ayes } of the motion, or { threshold, members, executed,
 * failures, events } when it was executed; `options` go to `submit` with the vote.
 */
export async function propose(api, pair, body, call, options = {}) {
  const pallet = palletOf(body);
  const members = (await api.query[pallet].members()).length;
  const threshold = twoThirds(members);
  const tx = api.tx[pallet].propose(threshold, call, call.encodedLength);
  if (threshold < 2) {
    const { blockHash, events } = await submit(api, tx, pair, options);
    return { threshold, members, blockHash, events, ...outcome(api, events) };
  }
  const proposedIn = (events) => {
    const e = events.map((r) => r.event).find((ev) => api.events[pallet].Proposed.is(ev));
    return { index: e.data.proposalIndex.toNumber(), hash: e.data.proposalHash.toHex() };
  };
  // The vote follows as soon as the motion is in a block. That block may stop being the
  // node's best before the vote reads the motion (another block of the same height won), and
  // should a fork retract it, the motion may get another index where it is included again.
  // Either way the vote fails; it is sent again once the motion is finalized (every best
  // chain has it then), with the index of the block that finalized it.
  const proposed = await submit(api, tx, pair, { until: 'block', followFinal: true });
  let { index } = proposedIn(proposed.events);
  let voted;
  try {
    voted = await vote(api, pair, body, index, true, options);
  } catch (first) {
    index = proposedIn((await proposed.final).events).index;
    voted = await vote(api, pair, body, index, true, options).catch((again) => {
      throw new ChainError(`the proposer's vote on motion #${index} failed twice: ${first.message}; then ${again.message}`);
    });
  }
  const { end } = await motion(api, body, index).catch(() => ({}));
  return { threshold, members, index, hash: voted.hash, end, ayes: voted.ayes, blockHash: voted.blockHash, events: voted.events };
}

/**
 * Votes aye (`aye` true) or nay on the open motion number `index` of `body`. Resolves with the
 * motion's { hash, index, ayes, nays } after the vote and the transaction's blockHash, events.
 */
export async function vote(api, pair, body, index, aye, options = {}) {
  const { hash } = await motion(api, body, index);
  return voteOn(api, pair, body, hash, index, aye, options);
}

/**
 * Votes on the motion with this `hash` and `index` (the pallet refuses a vote whose index is
 * not the motion's: `WrongIndex`), as `vote`.
 */
async function voteOn(api, pair, body, hash, index, aye, options = {}) {
  const pallet = palletOf(body);
  const done = await submit(api, api.tx[pallet].vote(hash, index, aye), pair, options);
  const voted = done.events.map((r) => r.event).find((ev) => api.events[pallet].Voted.is(ev));
  return { ...done, hash, index, ayes: voted.data.yes.toNumber(), nays: voted.data.no.toNumber() };
}

/**
 * Closes the open motion number `index` of `body`: the weight bound and length are those of the
 * stored proposal. Anyone may close a motion once enough members voted for (or against) it,
 * or when its time is up. Resolves with { hash, index, approved, executed, failures } and the
 * transaction's blockHash, events (see `outcome`).
 */
export async function close(api, pair, body, index, options = {}) {
  const pallet = palletOf(body);
  const { hash, call } = await motion(api, body, index);
  const length = call.encodedLength;
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
  const done = await submit(api, api.tx[pallet].close(hash, index, weight, length), pair, options);
  return { ...done, hash, index, ...outcome(api, done.events) };
}

/**
 * Sends on, signed by anyone, a root call the Council approved before the committee
 * whitelisted it (`whitelist.dispatchWhitelistedCallWithPreimage`): the Council's motion only
 * deferred it. Resolves with the transaction's blockHash, events and their `outcome`.
 */
export async function dispatchWhitelisted(api, pair, call, options = {}) {
  const done = await submit(api, api.tx.whitelist.dispatchWhitelistedCallWithPreimage(call), pair, options);
  return { ...done, ...outcome(api, done.events) };
}

/**
 * Applies the upgrade to `code` that root authorized (`system.applyAuthorizedUpgrade`), waits
 * for its finalization and for the block after it, the first the new code builds. Resolves
 * with { blockHash, events, updated, specVersion } (`specVersion` of that next block), or,
 * when the chain took the code but refused it (`system.RejectedInvalidAuthorizedUpgrade`: not
 * a runtime of this chain, or a spec version that does not increase; the authorization is
 * then gone), with `rejected`: the error as "system.Name: doc". Code whose hash is not the
 * authorized one is a ChainError (`system.Unauthorized`, `system.NothingAuthorized`).
 */
export async function applyUpgrade(api, pair, code, { timeoutMs = 120000 } = {}) {
  const tx = await api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).signAsync(pair);
  const blockHash = await finalizedIn(api, tx, timeoutMs);
  // The block that sets the code was run by the old runtime, but the state after it holds the
  // new code, so polkadot.js would read its events with the new runtime's types (and fail on
  // any type that changed). They are read with the types of the block before.
  const { before, events } = await eventsBeforeUpgrade(api, blockHash);
  const { block } = await api.rpc.chain.getBlock(blockHash);
  const index = block.extrinsics.findIndex((x) => x.hash.eq(tx.hash));
  const ours = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index);
  const is = ({ event }, section, method) => event.section === section && event.method === method;
  const failed = ours.find((e) => is(e, 'system', 'ExtrinsicFailed'));
  if (failed) {
    const error = new ChainError(describeDispatchError(before, failed.event.data[0]));
    error.events = ours;
    error.blockHash = blockHash;
    throw error;
  }
  const updated = ours.some((e) => is(e, 'system', 'CodeUpdated'));
  const refusal = ours.find((e) => is(e, 'system', 'RejectedInvalidAuthorizedUpgrade'));
  if (!updated) {
    const rejected = refusal ? describeDispatchError(before, refusal.event.data[1]) : 'no system.CodeUpdated';
    return { blockHash, events: ours, updated, rejected };
  }
  const number = block.header.number.toNumber();
  const next = await blockAfter(api, number, timeoutMs);
  const version = await api.rpc.state.getRuntimeVersion(next);
  return { blockHash, events: ours, updated, specVersion: version.specVersion.toNumber() };
}

/** Submits the signed `tx` and resolves with the hash of the block that finalized it. */
function finalizedIn(api, tx, timeoutMs) {
  return firstOf(
    (cb) => api.rpc.author.submitAndWatchExtrinsic(tx, cb),
    (status) => {
      if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        throw new ChainError(`transaction ${status.type}`);
      }
      return status.isFinalized ? status.asFinalized.toHex() : undefined;
    },
    timeoutMs,
    () => new ChainError(`not finalized within ${timeoutMs} ms`),
  );
}

/** The events of `blockHash`, read with the types of its parent's runtime (`before`). */
async function eventsBeforeUpgrade(api, blockHash) {
  const header = await api.rpc.chain.getHeader(blockHash);
  const before = await api.at(header.parentHash);
  const entry = before.query.system.events;
  const raw = await api.rpc.state.getStorage(entry.key(), blockHash);
  const type = before.registry.createLookupType(entry.creator.meta.type.asPlain);
  return { before, events: before.registry.createType(type, raw.toU8a(true)) };
}

/** The hash of the first new best block above number `number`. */
function blockAfter(api, number, timeoutMs) {
  return firstOf(
    (cb) => api.rpc.chain.subscribeNewHeads(cb),
    (header) => (header.number.toNumber() > number ? header.hash.toHex() : undefined),
    timeoutMs,
    () => new ChainError(`no block after #${number} within ${timeoutMs} ms`),
  );
}
