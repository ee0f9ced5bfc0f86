// Shared helpers of the polkadot.js client scripts: connect, sign, submit and wait for
// finalization, and turn chain errors into their names and docs from the metadata.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { formatBalance } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export const DEFAULT_WS = process.env.ALLMENDE_WS ?? 'ws://127.0.0.1:9944';

/** Connects to a node; the chain's metadata is all the API needs (no custom types). */
export async function connect(ws = DEFAULT_WS) {
  const provider = new WsProvider(ws, false);
  await provider.connect();
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const [decimals] = api.registry.chainDecimals;
  const [unit] = api.registry.chainTokens;
  formatBalance.setDefaults({ decimals, unit });
  return api;
}

/** A signing key pair from a secret URI such as `//Alice` or a mnemonic. */
export async function signer(suri) {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(suri);
}

/** An amount in ALM ("1.5") as the chain's smallest unit (BigInt). */
export function parseAmount(api, text) {
  return parseUnits(text, api.registry.chainDecimals[0]);
}

/** An amount in whole tokens ("1.5") as the smallest unit of a token with `decimals`. */
export function parseUnits(text, decimals) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new Error(`not an amount: "${text}"`);
  const frac = (m[2] ?? '').padEnd(decimals, '0');
  if (frac.length > decimals) throw new Error(`"${text}" has more than ${decimals} decimals`);
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt(frac || '0');
}

/** An amount in the smallest unit, shown in ALM. */
export function showAmount(api, value) {
  return showUnits(value, api.registry.chainDecimals[0], api.registry.chainTokens[0]);
}

/** An amount in the smallest unit of a token with `decimals`, shown in whole `symbol`s. */
export function showUnits(value, decimals, symbol) {
  const v = BigInt(value.toString());
  const whole = v / 10n ** BigInt(decimals);
  const frac = (v % 10n ** BigInt(decimals)).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''} ${symbol}`;
}

/** A dispatch error as "pallet.Name: doc line". */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ').trim()}`;
  }
  if (dispatchError.isToken) return `token.${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `arithmetic.${dispatchError.asArithmetic.type}`;
  return dispatchError.toString();
}

export class ChainError extends Error {}

/**
 * Signs and submits `tx` and waits until it is in a block (`until: 'block'`) or finalized
 * (`until: 'final'`, the default); resolves with { blockHash, events }. Rejects with a
 * ChainError naming the pallet error if the transaction is invalid, or as soon as its block
 * is in if its dispatch fails; the error's `events` are the failed transaction's events (its
 * fee, for example).
 *
 * A block a transaction is first included in can be retracted by a fork, and the
 * transaction included again in another block, where its events (its fee after a weight
 * refund, for example) may differ. With `followFinal: true` the result (or the error) also
 * has `final`: a promise of { blockHash, events, failed } of the block that finalized it
 * (`failed`: its dispatch failed there), which
 * rejects if that does not happen within `finalTimeoutMs`. `nonce` signs with that nonce
 * instead of the next one the node knows (to send several from one account at once).
 * The one way every script and test sends a transaction.
 */
export function submit(api, tx, pair, { until = 'final', timeoutMs = 120000, followFinal = false, finalTimeoutMs = 300000, nonce } = {}) {
  let settleFinal = null;
  const final = followFinal
    ? new Promise((resolve, reject) => {
      settleFinal = { resolve, reject };
    })
    : null;
  // Whoever never awaits `final` must not see an unhandled rejection.
  final?.catch(() => {});
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    let answered = false;
    let finished = false;
    let finalTimer = null;
    const stop = () => {
      finished = true;
      clearTimeout(timer);
      clearTimeout(finalTimer);
      unsub();
    };
    const timer = setTimeout(() => {
      stop();
      const error = new ChainError(`not ${until === 'block' ? 'in a block' : 'finalized'} within ${timeoutMs} ms`);
      reject(error);
      settleFinal?.reject(error);
    }, timeoutMs);
    const answer = (fn, value) => {
      answered = true;
      clearTimeout(timer);
      if (final) value.final = final;
      if (!final) stop();
      else if (!finished) {
        finalTimer = setTimeout(() => {
          stop();
          settleFinal.reject(new ChainError(`not finalized within ${finalTimeoutMs} ms of inclusion`));
        }, finalTimeoutMs);
        // Waiting for `final` alone does not keep the process alive.
        finalTimer.unref?.();
      }
      fn(value);
    };
    // Answers with the transaction's outcome in `blockHash`: its events, or its error.
    const conclude = (blockHash, events, dispatchError) => {
      if (dispatchError) {
        const error = new ChainError(describeDispatchError(api, dispatchError));
        error.events = events;
        error.blockHash = blockHash;
        answer(reject, error);
      } else {
        answer(resolve, { blockHash, events });
      }
    };
    tx.signAndSend(pair, nonce === undefined ? {} : { nonce }, ({ status, events, dispatchError }) => {
      if (finished) return;
      if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        const error = new ChainError(`transaction ${status.type}`);
        if (!answered) answer(reject, error);
        stop();
        settleFinal?.reject(error);
        return;
      }
      if (status.isFinalized) {
        const blockHash = status.asFinalized.toHex();
        if (!answered) conclude(blockHash, events, dispatchError);
        stop();
        settleFinal?.resolve({ blockHash, events, failed: Boolean(dispatchError) });
        return;
      }
      // A failed dispatch is reported as soon as its block is in: waiting for finality
      // would tell nothing more.
      if (answered || !status.isInBlock || !(until === 'block' || dispatchError)) return;
      conclude(status.asInBlock.toHex(), events, dispatchError);
    })
      .then((u) => {
        unsub = u;
        if (finished) u();
      })
      .catch((e) => {
        const error = new ChainError(e.message);
        if (!answered) answer(reject, error);
        stop();
        settleFinal?.reject(error);
      });
  });
}

/** `submit` until finalized. */
export const submitAndFinalize = (api, tx, pair, options = {}) => submit(api, tx, pair, { ...options, until: 'final' });

/**
 * The first value `pick` finds in a polkadot.js subscription: `subscribe(callback)` starts it
 * (and resolves with its unsubscribe function); `pick` returns `undefined` for a value that is
 * not the one, and throws to end the wait with its error. Unsubscribes once found, and rejects
 * with `timeoutError()` after `timeoutMs`.
 */
export function firstOf(subscribe, pick, timeoutMs, timeoutError) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    const finish = (fn, value) => {
      done = true;
      clearTimeout(timer);
      unsub?.();
      fn(value);
    };
    const timer = setTimeout(() => finish(reject, timeoutError()), timeoutMs);
    subscribe((value) => {
      if (done) return;
      let found;
      try {
        found = pick(value);
      } catch (e) {
        finish(reject, e);
        return;
      }
      if (found !== undefined) finish(resolve, found);
    }).then((u) => {
      unsub = u;
      if (done) u();
    }, (e) => finish(reject, e));
  });
}

/** Prints events as "section.method {fields}". */
export function showEvents(api, events) {
  for (const { event } of events) {
    const fields = event.meta.fields.map((f, i) => `${f.name.unwrap()}: ${event.data[i].toString()}`);
    console.log(`  ${event.section}.${event.method} { ${fields.join(', ')} }`);
  }
}

/** Runs a script's main, printing chain errors as one line and exiting non-zero. */
export async function run(main) {
  try {
    await main();
    process.exit(0);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
}
