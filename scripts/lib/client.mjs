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
  const decimals = api.registry.chainDecimals[0];
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new Error(`not an amount: "${text}"`);
  const frac = (m[2] ?? '').padEnd(decimals, '0');
  if (frac.length > decimals) throw new Error(`"${text}" has more than ${decimals} decimals`);
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt(frac || '0');
}

/** An amount in the smallest unit, shown in ALM. */
export function showAmount(api, value) {
  const decimals = api.registry.chainDecimals[0];
  const v = BigInt(value.toString());
  const whole = v / 10n ** BigInt(decimals);
  const frac = (v % 10n ** BigInt(decimals)).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''} ${api.registry.chainTokens[0]}`;
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
 * The one way every script and test sends a transaction.
 */
export function submit(api, tx, pair, { until = 'final', timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => {
      unsub();
      reject(new ChainError(`not ${until === 'block' ? 'in a block' : 'finalized'} within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (fn, value) => {
      clearTimeout(timer);
      unsub();
      fn(value);
    };
    tx.signAndSend(pair, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        done(reject, new ChainError(`transaction ${status.type}`));
        return;
      }
      // A failed dispatch is reported as soon as its block is in: waiting for finality
      // would tell nothing more.
      const reached = status.isFinalized || (status.isInBlock && (until === 'block' || dispatchError));
      if (!reached) return;
      const blockHash = (status.isFinalized ? status.asFinalized : status.asInBlock).toHex();
      if (dispatchError) {
        const error = new ChainError(describeDispatchError(api, dispatchError));
        error.events = events;
        error.blockHash = blockHash;
        done(reject, error);
      } else {
        done(resolve, { blockHash, events });
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch((e) => done(reject, new ChainError(e.message)));
  });
}

/** `submit` until finalized. */
export const submitAndFinalize = (api, tx, pair, options = {}) => submit(api, tx, pair, { ...options, until: 'final' });

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
