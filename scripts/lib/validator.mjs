// What a validator does through polkadot.js: make and register session keys, become or stop
// being a candidate, and read where it stands. Used by scripts/validator.mjs, the devnet
// launcher (`devnet.sh join`) and the end-to-end tests.
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { ChainError, showAmount } from './client.mjs';

/**
 * Asks the node behind `api` to generate new session keys for `address` and to sign them
 * with an ownership proof for that account (`author_rotateKeysWithOwner`, an unsafe RPC
 * method: only the node's operator may call it). Returns { keys, proof } as hex.
 */
export async function generateSessionKeys(api, address) {
  const owner = u8aToHex(decodeAddress(address));
  const out = await api._rpcCore.provider.send('author_rotateKeysWithOwner', [owner]);
  if (!out?.proof) throw new ChainError('the node returned session keys without an ownership proof');
  return { keys: out.keys, proof: out.proof };
}

/** Does `keys` decode as this chain's session keys? Returns the decoded (key, type) list. */
export async function decodeSessionKeys(api, keys) {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(keys)) {
    throw new ChainError(`InvalidSessionKeys: "${keys}" is not hex`);
  }
  const decoded = await api.call.sessionKeys.decodeSessionKeys(keys);
  if (decoded.isNone) {
    throw new ChainError(
      `InvalidSessionKeys: ${keys} does not decode as this chain's session keys ` +
        '(a BABE sr25519 key and a GRANDPA ed25519 key, 64 bytes in all)',
    );
  }
  return decoded.unwrap();
}

/** Registers `keys` with their ownership `proof` for the signer (`session.setKeys`). */
export async function setSessionKeys(api, pair, keys, proof, send) {
  await decodeSessionKeys(api, keys);
  return send(api, api.tx.session.setKeys(keys, proof), pair);
}

/**
 * Makes the signer a candidate (the minimum bond), then raises the bond to `bond` if given.
 * A bond below the chain's minimum is refused before anything is sent.
 */
export async function candidacy(api, pair, bond, send) {
  const minimum = (await api.query.collatorSelection.candidacyBond()).toBigInt();
  if (bond !== undefined && bond < minimum) {
    throw new ChainError(
      `DepositTooLow: a bond of ${showAmount(api, bond)} is below the candidacy bond ` +
        `${showAmount(api, minimum)}; nothing was sent`,
    );
  }
  const current = await candidateOf(api, pair.address);
  if (!current) await send(api, api.tx.collatorSelection.registerAsCandidate(), pair);
  const deposit = current ? current.deposit : minimum;
  if (bond !== undefined && bond !== deposit) {
    await send(api, api.tx.collatorSelection.updateBond(bond), pair);
  }
}

/** The candidate entry of `address` ({ who, deposit }), or null. */
export async function candidateOf(api, address) {
  const list = await api.query.collatorSelection.candidateList();
  const entry = list.find((c) => c.who.toString() === address);
  return entry ? { who: entry.who.toString(), deposit: entry.deposit.toBigInt() } : null;
}

/**
 * The seats candidates can hold beside `invulnerables` invulnerables with session keys:
 * collator selection's `desiredCandidates`, but never more than the runtime's limit of fewer
 * than half as many (`runtime/src/configs/validators.rs`, `open_seats`), so that they hold
 * less than a third of GRANDPA's votes. Without invulnerables the runtime does not limit them.
 */
export function openSeats(invulnerables, desired) {
  return invulnerables === 0 ? desired : Math.min(desired, Math.floor((invulnerables - 1) / 2));
}

/** Where the chain and `address` stand: session, validators, candidates, keys, bonds. */
export async function validatorStatus(api, address) {
  const [session, validators, invulnerables, candidates, desired, bond, nextKeys, last, tallies] = await Promise.all([
    api.query.session.currentIndex(),
    api.query.session.validators(),
    api.query.collatorSelection.invulnerables(),
    api.query.collatorSelection.candidateList(),
    api.query.collatorSelection.desiredCandidates(),
    api.query.collatorSelection.candidacyBond(),
    api.query.session.nextKeys(address),
    api.query.collatorSelection.lastAuthoredBlock(address),
    // Before the runtime that notes GRANDPA votes there are no tallies.
    api.query.finalityVotes?.tallies() ?? [],
  ]);
  const tally = tallies.find(([who]) => who.toString() === address)?.[1];
  const candidate = candidates.find((c) => c.who.toString() === address);
  // The runtime counts only invulnerables with session keys (the others take no seat).
  const keyed = (await Promise.all(invulnerables.map((v) => api.query.session.nextKeys(v))))
    .filter((k) => k.isSome).length;
  return {
    session: session.toNumber(),
    validators: validators.map(String),
    invulnerables: invulnerables.map(String),
    candidates: candidates.map((c) => ({ who: c.who.toString(), deposit: c.deposit.toBigInt() })),
    desiredCandidates: desired.toNumber(),
    openSeats: openSeats(keyed, desired.toNumber()),
    candidacyBond: bond.toBigInt(),
    keys: nextKeys.isSome ? nextKeys.unwrap().toHex() : null,
    invulnerable: invulnerables.map(String).includes(address),
    candidate: candidate ? { deposit: candidate.deposit.toBigInt() } : null,
    validator: validators.map(String).includes(address),
    lastAuthored: last.toNumber() || null,
    // This session's noted GRANDPA rounds: with its precommit, and without.
    votes: tally ? { voted: tally.voted.toNumber(), missed: tally.missed.toNumber() } : null,
    silentAfter: api.consts.finalityVotes?.silentAfter.toNumber() ?? null,
    silentSessions: api.consts.finalityVotes?.silentSessions.toNumber() ?? null,
  };
}

/**
 * The BABE author of block `hash`: the authority index in its pre-digest, looked up in the
 * authorities of the block's epoch, and the session validator at that index.
 * Returns { index, key, account, slot, primary }.
 */
export async function babeAuthor(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'BABE');
  if (!pre) throw new Error(`block ${hash} has no BABE pre-digest`);
  const digest = api.createType('RawBabePreDigest', pre.asPreRuntime[1]);
  const inner = digest.isPrimary ? digest.asPrimary
    : digest.isSecondaryVRF ? digest.asSecondaryVRF : digest.asSecondaryPlain;
  const index = inner.authorityIndex.toNumber();
  const at = await api.at(hash);
  const [authorities, validators] = await Promise.all([at.query.babe.authorities(), at.query.session.validators()]);
  return {
    number: header.number.toNumber(),
    index,
    key: authorities[index][0].toHex(),
    account: validators[index]?.toString(),
    slot: inner.slotNumber.toBigInt(),
    primary: digest.isPrimary,
  };
}
