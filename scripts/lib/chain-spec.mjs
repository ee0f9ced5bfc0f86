// The chain spec of a network of your own: fresh keys for its validators, Council and
// Technical Committee, a genesis without a sudo key or well-known accounts, and the check that
// a spec has neither. Used by scripts/testnet.mjs and its end-to-end test.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, decodeAddress, encodeAddress, xxhashAsHex } from '@polkadot/util-crypto';
import { parseUnits, showUnits } from './client.mjs';

/**
 * The node binary: `given` (--bin), else `$ALLMENDE_NODE_BIN`, the release build in
 * `$CARGO_TARGET_DIR` (scripts/env.sh's default) or `allmende-node` on the PATH.
 */
export function findNodeBin(given) {
  const runnable = (file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (given) {
    if (!runnable(given)) throw new Error(`--bin ${given} is not an executable file`);
    return path.resolve(given);
  }
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'allmende', 'target');
  const found = [
    process.env.ALLMENDE_NODE_BIN,
    path.join(target, 'release', 'allmende-node'),
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, 'allmende-node')),
  ].filter(Boolean).find(runnable);
  if (!found) {
    throw new Error('no allmende-node binary found ($ALLMENDE_NODE_BIN, the release build in ' +
      `${target}, the PATH): build it with \`source scripts/env.sh && cargo build --release ` +
      '-p allmende-node` (or ./scripts/devnet.sh), or name it with --bin');
  }
  return found;
}

/** Runs the node binary and returns its stdout; an error says what the node said last. */
export function runNode(bin, args) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      // A genesis the runtime refuses comes back with the whole genesis after " for blob:".
      let said = (stderr.trim().split('\n').filter(Boolean).pop() || err.message).split(' for blob:')[0];
      if (/unknown field `(council|technicalCommittee)`/.test(said)) {
        said += ' (this node\'s runtime has no Council or Technical Committee: build the node of a checkout ' +
          'with governance)';
      }
      // A pallet's genesis that panics leaves only a WASM backtrace: name the pallet.
      const pallet = /<(pallet_\w+)::pallet::GenesisConfig/.exec(stderr)?.[1];
      if (pallet) said = `the runtime refused the genesis of ${pallet}${GENESIS_HINTS[pallet] ?? ''}`;
      const command = args.slice(0, args[0] === 'key' ? 2 : 1).join(' ');
      reject(new Error(`allmende-node ${command} failed: ${said}`));
    });
  });
}

/** What usually makes a pallet refuse the genesis `newTestnet` writes. */
const GENESIS_HINTS = {
  pallet_balances: ' (is --endow below the existential deposit?)',
  pallet_collator_selection: ' (more --validators than the runtime\'s MaxInvulnerables?)',
  pallet_collective: ' (more members than the runtime\'s MaxMembers?)',
};

/**
 * Generates a key pair with the node (`key generate`):
 * { scheme, secretPhrase, secretSeed, publicKey, ss58Address }.
 */
async function generateKey(bin, scheme) {
  const k = JSON.parse(await runNode(bin, ['key', 'generate', '--scheme', scheme, '--output-type', 'json']));
  const { secretPhrase, secretSeed, publicKey, ss58Address } = k;
  return { scheme, secretPhrase, secretSeed, publicKey, ss58Address };
}

/**
 * What the network takes from the runtime's `local` preset (`build-spec --chain local`):
 * the spec's frame (properties, the runtime's code), BABE's epoch configuration, the
 * candidacy bond and the open seats. The bond is read from the text: JSON numbers above 2^53
 * lose digits in JavaScript.
 */
export function presetParts(text) {
  const spec = JSON.parse(text);
  const patch = spec.genesis?.runtimeGenesis?.patch;
  const bond = /"candidacyBond"\s*:\s*(\d+)/.exec(text);
  if (!patch?.babe?.epochConfig || patch?.collatorSelection?.desiredCandidates === undefined || !bond) {
    throw new Error('the node\'s local preset has no babe.epochConfig or collatorSelection: is it an Allmende node?');
  }
  return {
    spec,
    epochConfig: patch.babe.epochConfig,
    desiredCandidates: patch.collatorSelection.desiredCandidates,
    candidacyBond: BigInt(bond[1]),
  };
}

/**
 * The genesis of a network of its own: every validator, Council and Technical Committee
 * account holds `endowment` (and nobody else holds anything), the validators are the
 * invulnerables with their session keys, the Council and the Committee are the governance,
 * and there is no sudo key. `keys` holds public parts only (see `publicKeys`).
 */
export function genesisPatch(keys, { endowment, preset }) {
  const accounts = [...keys.validators, ...keys.council, ...keys.technicalCommittee].map((k) => k.account);
  return {
    balances: { balances: accounts.map((a) => [a, endowment]) },
    // BABE and GRANDPA learn their authorities from the session pallet.
    babe: { epochConfig: preset.epochConfig },
    collatorSelection: {
      invulnerables: keys.validators.map((v) => v.account),
      candidacyBond: preset.candidacyBond,
      desiredCandidates: preset.desiredCandidates,
    },
    session: { keys: keys.validators.map((v) => [v.account, v.account, { babe: v.babe, grandpa: v.grandpa }]) },
    sudo: { key: null },
    council: { members: keys.council.map((m) => m.account) },
    technicalCommittee: { members: keys.technicalCommittee.map((m) => m.account) },
  };
}

/** JSON with BigInts written as the integers they are (chain specs hold u128 balances). */
export function toJson(value) {
  const mark = '@@bigint@@';
  const text = JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${mark}${v}` : v), 2);
  return `${text.replace(new RegExp(`"${mark}(\\d+)"`, 'g'), '$1')}\n`;
}

/** Where a node with base path `basePath` keeps its network key on chain `chainId`. */
export function nodeKeyPath(basePath, chainId) {
  return path.join(basePath, 'chains', chainId, 'network', 'secret_ed25519');
}

/** The public half of generated keys: SS58 addresses only. */
function publicKeys(keys) {
  return {
    validators: keys.validators.map((v) => ({
      name: v.name, account: v.account.ss58Address, babe: v.babe.ss58Address, grandpa: v.grandpa.ss58Address,
    })),
    council: keys.council.map((m) => ({ name: m.name, account: m.account.ss58Address })),
    technicalCommittee: keys.technicalCommittee.map((m) => ({ name: m.name, account: m.account.ss58Address })),
  };
}

/**
 * Makes a network of its own in `dir` (new or empty):
 * - fresh keys from the node (`key generate`): per validator an account and a BABE key
 *   (sr25519) and a GRANDPA key (ed25519), per Council and Committee member an account;
 * - `chain-spec-plain.json` (the `local` preset's spec with this genesis, `genesisPatch`) and
 *   `chain-spec.json`, its raw form, which the nodes start from;
 * - `secrets/<name>.json` (mode 0600, folder 0700): every secret phrase and seed;
 * - `validator-<i>/`: the base path of each validator, with its BABE and GRANDPA keys in its
 *   keystore and its network key;
 * - `keys.json`: the public keys and the validators' peer ids, to publish.
 * `endowment` (whole tokens, text) defaults to twice the candidacy bond. If anything fails,
 * `dir` is left as it was found. `log` hears about progress. Returns what was made, public
 * parts only.
 */
export async function newTestnet({
  bin, dir, validators, council, committee, endowment = null, chainName, chainId, log = () => {},
}) {
  dir = path.resolve(dir);
  let created = false;
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
    if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; give a new or empty folder`);
  } else {
    fs.mkdirSync(dir, { recursive: true });
    created = true;
  }
  try {
    return await makeTestnet({ bin, dir, validators, council, committee, endowment, chainName, chainId, log });
  } catch (e) {
    // Nothing made here is in use yet (no node has started from it): leave no half-made network.
    if (created) fs.rmSync(dir, { recursive: true, force: true });
    else for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    throw e;
  }
}

async function makeTestnet({ bin, dir, validators, council, committee, endowment, chainName, chainId, log }) {
  log('reading the runtime\'s local preset');
  const preset = presetParts(await runNode(bin, ['build-spec', '--chain', 'local', '--disable-default-bootnode']));
  const decimals = preset.spec.properties?.tokenDecimals ?? 12;
  const symbol = preset.spec.properties?.tokenSymbol ?? 'ALM';
  const amount = endowment === null ? 2n * preset.candidacyBond : parseUnits(endowment, decimals);
  if (amount === 0n) throw new Error('--endow must be more than 0');

  log(`generating keys: ${validators} validator(s), ${council} Council and ${committee} Technical Committee member(s)`);
  const keys = { validators: [], council: [], technicalCommittee: [] };
  for (let i = 0; i < validators; i += 1) {
    keys.validators.push({
      name: `validator-${i}`,
      account: await generateKey(bin, 'sr25519'),
      babe: await generateKey(bin, 'sr25519'),
      grandpa: await generateKey(bin, 'ed25519'),
    });
  }
  for (let i = 0; i < council; i += 1) {
    keys.council.push({ name: `council-${i}`, account: await generateKey(bin, 'sr25519') });
  }
  for (let i = 0; i < committee; i += 1) {
    keys.technicalCommittee.push({ name: `committee-${i}`, account: await generateKey(bin, 'sr25519') });
  }
  const published = publicKeys(keys);

  log('writing the chain spec');
  const spec = {
    ...preset.spec,
    name: chainName,
    id: chainId,
    chainType: 'Live',
    bootNodes: [],
    protocolId: chainId,
    genesis: {
      runtimeGenesis: {
        code: preset.spec.genesis.runtimeGenesis.code,
        patch: genesisPatch(published, { endowment: amount, preset }),
      },
    },
  };
  const plainFile = path.join(dir, 'chain-spec-plain.json');
  const specFile = path.join(dir, 'chain-spec.json');
  fs.writeFileSync(plainFile, toJson(spec));
  const raw = await runNode(bin, ['build-spec', '--chain', plainFile, '--raw', '--disable-default-bootnode']);
  fs.writeFileSync(specFile, raw);

  // Secrets only once the genesis is known to build: a spec that fails leaves none behind.
  const secretsDir = path.join(dir, 'secrets');
  fs.mkdirSync(secretsDir, { mode: 0o700 });
  fs.chmodSync(secretsDir, 0o700);
  const writeSecret = (file, value) => {
    fs.writeFileSync(file, toJson(value), { mode: 0o600, flag: 'wx' });
    fs.chmodSync(file, 0o600);
  };
  for (const [role, list] of [['validator', keys.validators], ['council', keys.council],
    ['technical committee', keys.technicalCommittee]]) {
    for (const k of list) writeSecret(path.join(secretsDir, `${k.name}.json`), { role, ...k });
  }

  const made = [];
  for (const v of keys.validators) {
    log(`putting ${v.name}'s session keys and network key into its base path`);
    const basePath = path.join(dir, v.name);
    fs.mkdirSync(basePath, { mode: 0o700 });
    fs.chmodSync(basePath, 0o700);
    for (const [key, type] of [[v.babe, 'babe'], [v.grandpa, 'gran']]) {
      // The phrase goes to the node in a file, not on its command line, where any user of the
      // machine could read it.
      const suriFile = path.join(secretsDir, `.${v.name}-${type}.suri`);
      fs.writeFileSync(suriFile, key.secretPhrase, { mode: 0o600, flag: 'wx' });
      try {
        await runNode(bin, ['key', 'insert', '--base-path', basePath, '--chain', specFile, '--scheme', key.scheme,
          '--key-type', type, '--suri', suriFile]);
      } finally {
        fs.rmSync(suriFile, { force: true });
      }
    }
    await runNode(bin, ['key', 'generate-node-key', '--base-path', basePath, '--chain', specFile]);
    const nodeKeyFile = nodeKeyPath(basePath, chainId);
    fs.chmodSync(nodeKeyFile, 0o600);
    const peerId = (await runNode(bin, ['key', 'inspect-node-key', '--file', nodeKeyFile])).trim();
    made.push({ name: v.name, basePath, nodeKeyFile, peerId });
  }

  const keysFile = path.join(dir, 'keys.json');
  const listed = {
    chain: { name: chainName, id: chainId },
    endowment: { amount: amount.toString(), shown: showUnits(amount, decimals, symbol) },
    validators: published.validators.map((v, i) => ({ ...v, peerId: made[i].peerId })),
    council: published.council,
    technicalCommittee: published.technicalCommittee,
  };
  fs.writeFileSync(keysFile, toJson(listed));
  return {
    dir, specFile, plainFile, keysFile, secretsDir, validators: made, keys: listed, candidacyBond: preset.candidacyBond,
    amount, decimals, symbol,
  };
}

/** The well-known development URIs: `//Alice` … `//Ferdie` and their `//stash`. */
export const WELL_KNOWN_URIS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
  .flatMap((n) => [`//${n}`, `//${n}//stash`]);

/**
 * The public keys of the well-known URIs as sr25519 and as ed25519 keys (the development
 * presets use both: accounts and BABE keys, GRANDPA keys): [{ uri, scheme, publicKey, address }].
 */
export async function wellKnownKeys() {
  await cryptoWaitReady();
  return ['sr25519', 'ed25519'].flatMap((type) => {
    const keyring = new Keyring({ type, ss58Format: 42 });
    return WELL_KNOWN_URIS.map((uri) => {
      const pair = keyring.addFromUri(uri);
      return { uri, scheme: type, publicKey: u8aToHex(pair.publicKey), address: pair.address };
    });
  });
}

/** The storage key of a plain storage value. */
const valueKey = (pallet, item) => xxhashAsHex(pallet, 128) + xxhashAsHex(item, 128).slice(2);
const SUDO_KEY = valueKey('Sudo', 'Key');
const COUNCIL_MEMBERS = valueKey('Council', 'Members');
const COMMITTEE_MEMBERS = valueKey('TechnicalCommittee', 'Members');
/** The runtime's code (`:code`): bytes of a program, no account, left out of the search. */
const CODE_KEY = '0x3a636f6465';

/** SCALE `Vec<AccountId32>` as SS58 addresses. */
function accountList(hex, ss58Format) {
  const bytes = hexToU8a(hex);
  const [offset, length] = compactFromU8a(bytes);
  return Array.from({ length: length.toNumber() }, (_, i) =>
    encodeAddress(bytes.subarray(offset + 32 * i, offset + 32 * (i + 1)), ss58Format));
}

/** Every string in a JSON value. */
function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/** The public key (hex) an SS58 address holds, or null if `text` is none. */
function ss58Key(text) {
  if (!/^[1-9A-HJ-NP-Za-km-z]{46,50}$/.test(text)) return null;
  try {
    return u8aToHex(decodeAddress(text));
  } catch {
    return null;
  }
}

/**
 * What a chain spec's genesis gives away (raw or plain):
 * { kind, name, id, sudo, wellKnown, devAccounts, council, technicalCommittee } with `sudo`
 * the sudo key's address or null, `wellKnown` the well-known keys found anywhere in the
 * genesis but the runtime's code ([{ uri, scheme, address }]), `devAccounts` whether a plain
 * genesis funds accounts derived from the development phrase (`balances.devAccounts`), and
 * the members of the two bodies (null where the genesis does not set them).
 */
export async function checkSpec(spec) {
  const known = await wellKnownKeys();
  const ss58Format = spec.properties?.ss58Format ?? 42;
  const raw = spec.genesis?.raw;
  const plain = spec.genesis?.runtimeGenesis ?? (spec.genesis?.runtime ? { config: spec.genesis.runtime } : null);
  let found;
  let sudo;
  let devAccounts = false;
  let council;
  let technicalCommittee;
  if (raw?.top) {
    const entries = [raw.top, ...Object.values(raw.childrenDefault ?? {})].flatMap((m) => Object.entries(m))
      .filter(([k]) => k !== CODE_KEY);
    const text = entries.flat().join(' ').toLowerCase();
    found = known.filter((k) => text.includes(k.publicKey.slice(2)));
    const top = raw.top;
    sudo = top[SUDO_KEY] ? encodeAddress(hexToU8a(top[SUDO_KEY]), ss58Format) : null;
    council = top[COUNCIL_MEMBERS] ? accountList(top[COUNCIL_MEMBERS], ss58Format) : null;
    technicalCommittee = top[COMMITTEE_MEMBERS] ? accountList(top[COMMITTEE_MEMBERS], ss58Format) : null;
  } else if (plain && (plain.patch || plain.config)) {
    const genesis = plain.patch ?? plain.config;
    const all = [...strings(genesis)];
    const text = all.join(' ').toLowerCase();
    const keys = new Set(all.map(ss58Key).filter(Boolean));
    found = known.filter((k) => keys.has(k.publicKey) || text.includes(k.publicKey.slice(2)));
    sudo = genesis.sudo?.key ?? null;
    devAccounts = Boolean(genesis.balances?.devAccounts);
    council = genesis.council?.members ?? null;
    technicalCommittee = genesis.technicalCommittee?.members ?? null;
  } else {
    throw new Error('no genesis found: neither a raw (genesis.raw.top) nor a plain (genesis.runtimeGenesis) ' +
      'chain spec');
  }
  return {
    kind: raw?.top ? 'raw' : 'plain', name: spec.name, id: spec.id, sudo, wellKnown: found, devAccounts, council,
    technicalCommittee,
  };
}

/** The well-known URI of `address` among `known` (`wellKnownKeys()`), if it is one. */
export function wellKnownName(address, known) {
  const key = /^0x[0-9a-fA-F]{64}$/.test(address) ? address.toLowerCase() : ss58Key(address);
  return known.find((k) => k.publicKey === key)?.uri ?? null;
}
