#!/usr/bin/env node
// Makes the chain spec and keys of a network of your own (no sudo, no well-known accounts),
// and checks a chain spec for either.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine, usageError, wholeNumber } from './lib/cli.mjs';
import { showUnits } from './lib/client.mjs';
import { checkSpec, findNodeBin, newTestnet, wellKnownKeys, wellKnownName } from './lib/chain-spec.mjs';

const USAGE = `Usage: node scripts/testnet.mjs new DIR [--validators N] [--council M] [--committee K]
                                   [--endow ALM] [--name NAME] [--id ID] [--bin PATH]
       node scripts/testnet.mjs check SPEC.json

new DIR   makes a network of your own in DIR (a new or empty folder):
            chain-spec.json        the raw chain spec every node of the network starts from
            chain-spec-plain.json  the same genesis, readable
            keys.json              public keys and peer ids, to publish
            secrets/               the secret phrases of every account and key (folder 0700,
                                   files 0600); never printed
            validator-<i>/         validator i's base path: its BABE and GRANDPA keys and its
                                   network key
          Fresh keys come from \`allmende-node key generate\`: per validator an account and a
          BABE key (sr25519) and a GRANDPA key (ed25519), per Council and Technical Committee
          member an account. The genesis funds those accounts and nobody else, makes the
          validators the invulnerables with their session keys, and gives governance to the
          Council and the Technical Committee; it has no sudo key. Then it prints how to start
          the validators.
  --validators N   genesis validators (default 3; GRANDPA needs more than two thirds of them
                   up to finalize: all of 3, 3 of 4)
  --council M      Council members (default 3)
  --committee K    Technical Committee members (default 3)
  --endow ALM      what each of those accounts holds at genesis (default: twice the runtime's
                   candidacy bond, 2,000 ALM: a validator that stands as a candidate bonds
                   1,000 ALM and holds 1 ALM for its session keys; the rest pays fees, about
                   2 mALM a transfer, and deposits such as a noted runtime preimage, about
                   1,050 ALM for 1 MiB). The chain mints nothing: these endowments are all the
                   ALM there is, so give more if these accounts are to fund others.
  --name NAME      the chain's name (default "Allmende Testnet")
  --id ID          the chain's id and network protocol id, lower-case letters, digits and _
                   (default: from the name, "allmende_testnet")
  --bin PATH       the allmende-node binary (default $ALLMENDE_NODE_BIN, the release build in
                   $CARGO_TARGET_DIR, or allmende-node on the PATH)

check SPEC.json   reads a raw or plain chain spec and prints its sudo key and every well-known
          development key in its genesis (//Alice ... //Ferdie and their //stash, as sr25519
          or ed25519 keys; the runtime's code is not searched). Exits 1 if it has a sudo key
          or a well-known key: such a spec is for development only.

  -h, --help       this text`;

const { values, positionals } = commandLine(USAGE, {
  validators: { type: 'string', default: '3' },
  council: { type: 'string', default: '3' },
  committee: { type: 'string', default: '3' },
  endow: { type: 'string' },
  name: { type: 'string', default: 'Allmende Testnet' },
  id: { type: 'string' },
  bin: { type: 'string' },
});
const [command, target, ...extra] = positionals;
if (!['new', 'check'].includes(command)) usageError(USAGE, command ? `unknown command "${command}"` : 'no command given');
if (!target) usageError(USAGE, command === 'new' ? 'new needs a folder' : 'check needs a chain spec file');
if (extra.length) usageError(USAGE, `unexpected argument "${extra[0]}"`);

async function makeNew() {
  const validators = wholeNumber(USAGE, 'validators', values.validators);
  const council = wholeNumber(USAGE, 'council', values.council);
  const committee = wholeNumber(USAGE, 'committee', values.committee);
  if (values.endow !== undefined && !/^\d+(\.\d+)?$/.test(values.endow)) {
    usageError(USAGE, `--endow must be an amount of ALM such as 2000 or 0.5, not "${values.endow}"`);
  }
  const chainName = values.name.trim();
  if (!chainName) usageError(USAGE, '--name must not be empty');
  const chainId = values.id ?? chainName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[a-z][a-z0-9_]{0,47}$/.test(chainId)) {
    usageError(USAGE, `--id must be 1-48 lower-case letters, digits or _, starting with a letter, not "${chainId}"` +
      (values.id === undefined ? ' (made from --name; give --id)' : ''));
  }
  const bin = findNodeBin(values.bin);
  const net = await newTestnet({
    bin, dir: target, validators, council, committee, endowment: values.endow ?? null, chainName, chainId,
    log: (line) => console.error(`${line} ...`),
  });
  printNextSteps(bin, net, chainName, chainId);
  return 0;
}

/** A word for a shell command line, quoted if it needs to be. */
const shellWord = (w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`);

function printNextSteps(bin, net, chainName, chainId) {
  const { keys, validators, amount, decimals, symbol, candidacyBond } = net;
  const rel = (file) => path.relative(process.cwd(), file) || '.';
  const made = [
    [rel(net.specFile), 'the raw chain spec: every node of the network starts from it; publish it'],
    [rel(net.plainFile), 'the same genesis, readable: review it'],
    [rel(net.keysFile), 'the public keys and peer ids: publish them'],
    [`${rel(net.secretsDir)}/`, 'every secret phrase (folder 0700, files 0600): move it offline'],
    ...validators.map((v) => [`${rel(v.basePath)}/`, `${v.name}'s base path (its session keys and network key): ` +
      'copy it to its machine only']),
  ];
  const width = Math.max(...made.map(([f]) => f.length));
  console.log(`A network of your own, "${chainName}" (${chainId}):`);
  for (const [file, what] of made) console.log(`  ${file.padEnd(width)}  ${what}`);
  const each = showUnits(amount, decimals, symbol);
  console.log(`\nGenesis: ${keys.validators.length} validator(s), ${keys.council.length} Council and ` +
    `${keys.technicalCommittee.length} Technical Committee member(s), ${each} each, nobody else funded; no ` +
    'sudo key: a root call needs the Technical Committee to whitelist it and the Council to dispatch it.');
  if (amount < candidacyBond) {
    console.log(`Note: ${each} is below the candidacy bond (${showUnits(candidacyBond, decimals, symbol)}): ` +
      'a validator could not stand as a candidate.');
  }
  const boot = `/ip4/127.0.0.1/tcp/30333/p2p/${validators[0].peerId}`;
  console.log('\nStart the validators, each in a terminal of its own (here all on this machine):');
  for (const [i, v] of validators.entries()) {
    const args = [bin, '--chain', net.specFile, '--base-path', v.basePath, '--validator', '--name', v.name,
      '--port', String(30333 + i), '--rpc-port', String(9944 + i), ...(i > 0 ? ['--bootnodes', boot] : [])];
    console.log(`  ${args.map(shellWord).join(' ')}`);
  }
  console.log(`
On machines of their own, each validator uses --port 30333 and --rpc-port 9944, and the
others' --bootnodes name validator-0's public address instead of 127.0.0.1:
  /ip4/<validator-0's IP address>/tcp/30333/p2p/${validators[0].peerId}
Blocks are finalized once more than two thirds of the validators run.
Check the spec: node ${shellWord(rel(fileURLToPath(import.meta.url)))} check ${shellWord(rel(net.specFile))}`);
}

async function check(file) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file} as JSON: ${e.message}`);
  }
  const found = await checkSpec(spec);
  const known = await wellKnownKeys();
  const named = (address) => {
    const uri = wellKnownName(address, known);
    return uri ? `${address} (${uri})` : address;
  };
  console.log(`${file}: ${found.kind} chain spec of "${found.name}" (${found.id})`);
  console.log(`sudo key: ${found.sudo ? named(found.sudo) : 'none'}`);
  if (found.wellKnown.length === 0 && !found.devAccounts) {
    console.log('well-known development keys: none (//Alice ... //Ferdie, their //stash; sr25519 and ed25519)');
  } else {
    console.log('well-known development keys in the genesis:');
    for (const k of found.wellKnown) console.log(`  ${k.uri} (${k.scheme}) ${k.address}`);
    if (found.devAccounts) console.log('  balances.devAccounts: accounts derived from the development phrase');
  }
  for (const [label, members] of [['Council', found.council], ['Technical Committee', found.technicalCommittee]]) {
    if (members?.length) {
      console.log(`${label}: ${members.map(named).join(', ')}`);
    } else {
      console.error(`warning: the genesis names no ${label} members` +
        `${found.sudo ? '' : ': without them nobody can make root calls on this chain'}`);
    }
  }
  const unfit = [found.sudo && 'a sudo key', (found.wellKnown.length || found.devAccounts) && 'well-known keys']
    .filter(Boolean);
  if (unfit.length) {
    console.error(`error: this genesis has ${unfit.join(' and ')}: it is for development only, not for a network ` +
      'of your own (make one with `node scripts/testnet.mjs new DIR`)');
    return 1;
  }
  console.log('ok: no sudo key and no well-known keys');
  return 0;
}

try {
  process.exitCode = command === 'new' ? await makeNew() : await check(target);
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
}
