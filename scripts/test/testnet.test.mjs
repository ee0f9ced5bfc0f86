// End-to-end test of a network of your own as its operator makes it: `testnet.mjs new`
// generates keys and a chain spec without sudo or well-known accounts, `check` tells it from
// the development presets, and its three validators start from their base paths on free
// loopback ports and finalize, with the generated Council and Technical Committee. Every node
// it started is stopped and its folders removed at the end.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { decodeAddress } from '@polkadot/util-crypto';
import { connect } from '../lib/client.mjs';
import { nodeKeyPath, wellKnownKeys } from '../lib/chain-spec.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = process.env.ALLMENDE_NODE_BIN;
/** More than u64 holds in the smallest unit, to the last unit: balances are u128. */
const ENDOW = '20000000.000000000001';
const ENDOW_UNITS = 20_000_000n * 10n ** 12n + 1n;

let dir;
let network;
let failed = false;

/** Runs `testnet.mjs` and resolves with { code, stdout, stderr } whatever its exit code. */
function testnet(args, env = process.env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(here, '..', 'testnet.mjs'), ...args], { env, timeout: 120000 },
      (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stdout, stderr }));
  });
}

const net = () => path.join(dir, 'net');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const mode = (file) => fs.statSync(file).mode & 0o777;

describe('a network of your own (scripts/testnet.mjs)', { timeout: 900000 }, () => {
  before(() => {
    assert.ok(BIN && fs.existsSync(BIN), `ALLMENDE_NODE_BIN names a built node: ${BIN}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-testnet-'));
  });

  after(async () => {
    if (network) await stopNetwork(network, { keep: failed });
    if (failed || process.env.ALLMENDE_KEEP_TEST_DATA) console.error(`testnet test data kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });

  const step = (name, fn) =>
    test(name, { timeout: 480000 }, async () => {
      try {
        await fn();
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('new refuses bad numbers, a missing node binary and a folder that is not empty', async () => {
    const nowhere = path.join(dir, 'nowhere');
    for (const [args, message] of [
      [['--validators', '0'], /--validators must be a whole number of at least 1, not "0"/],
      [['--council', 'two'], /--council must be a whole number of at least 1, not "two"/],
      [['--endow', '1.2.3'], /--endow must be an amount of ALM/],
      [['--id', 'Not An Id'], /--id must be 1-48 lower-case letters/],
    ]) {
      const r = await testnet(['new', nowhere, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    const noBin = await testnet(['new', nowhere, '--bin', path.join(dir, 'no-such-node')]);
    assert.equal(noBin.code, 1);
    assert.match(noBin.stderr, /--bin .*no-such-node is not an executable file/);
    const { ALLMENDE_NODE_BIN: _, ...env } = process.env;
    const none = await testnet(['new', nowhere], {
      ...env, CARGO_TARGET_DIR: path.join(dir, 'no-target'), PATH: path.dirname(process.execPath),
    });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no allmende-node binary found/);
    assert.ok(!fs.existsSync(nowhere), 'nothing was made');

    const full = path.join(dir, 'full');
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, 'mine.txt'), 'keep me');
    const r = await testnet(['new', full]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is not empty/);
    assert.deepEqual(fs.readdirSync(full), ['mine.txt']);
  });

  step('new writes the keys, the spec and the base paths, and keeps the secrets to their files', async () => {
    const r = await testnet(['new', net(), '--endow', ENDOW, '--name', 'Allmende E2E']);
    assert.equal(r.code, 0, r.stderr);
    const keys = readJson(path.join(net(), 'keys.json'));
    assert.deepEqual(keys.chain, { name: 'Allmende E2E', id: 'allmende_e2e' });
    assert.equal(keys.endowment.amount, ENDOW_UNITS.toString());
    assert.equal(keys.validators.length, 3);
    assert.equal(keys.council.length, 3);
    assert.equal(keys.technicalCommittee.length, 3);
    assert.doesNotMatch(JSON.stringify(keys), /secret/i, 'keys.json holds public parts only');

    // How to start each validator, validator-0 the boot node of the others.
    for (const [i, v] of keys.validators.entries()) {
      const line = r.stdout.split('\n').find((l) => l.includes(`--name ${v.name} `));
      assert.ok(line, `a command line for ${v.name}`);
      assert.ok(line.includes(`--chain ${path.join(net(), 'chain-spec.json')}`));
      assert.ok(line.includes(`--base-path ${path.join(net(), v.name)}`));
      assert.equal(line.includes(`--bootnodes /ip4/127.0.0.1/tcp/30333/p2p/${keys.validators[0].peerId}`), i > 0);
    }

    // The secrets: in their files only, which only the owner can read.
    const secretsDir = path.join(net(), 'secrets');
    assert.equal(mode(secretsDir), 0o700);
    const secrets = fs.readdirSync(secretsDir).sort();
    assert.deepEqual(secrets, ['committee-0', 'committee-1', 'committee-2', 'council-0', 'council-1', 'council-2',
      'validator-0', 'validator-1', 'validator-2'].map((n) => `${n}.json`));
    const printed = r.stdout + r.stderr;
    const published = fs.readFileSync(path.join(net(), 'keys.json'), 'utf8') +
      fs.readFileSync(path.join(net(), 'chain-spec-plain.json'), 'utf8');
    for (const file of secrets) {
      assert.equal(mode(path.join(secretsDir, file)), 0o600, file);
      const secret = readJson(path.join(secretsDir, file));
      for (const key of ['account', 'babe', 'grandpa'].map((k) => secret[k]).filter(Boolean)) {
        assert.match(key.secretPhrase, /^(\w+ ){11}\w+$/);
        for (const s of [key.secretPhrase, key.secretSeed]) {
          assert.ok(!printed.includes(s) && !published.includes(s), `${file}: a secret is printed or published`);
        }
      }
    }

    // Each validator's base path holds its BABE and GRANDPA keys (the keystore names a key's
    // file by its type and public key) and its network key.
    const hex = (address) => Buffer.from(decodeAddress(address)).toString('hex');
    for (const v of keys.validators) {
      const secret = readJson(path.join(secretsDir, `${v.name}.json`));
      assert.deepEqual([secret.account.ss58Address, secret.babe.ss58Address, secret.grandpa.ss58Address],
        [v.account, v.babe, v.grandpa]);
      const base = path.join(net(), v.name);
      assert.equal(mode(base), 0o700);
      const keystore = path.join(base, 'chains', keys.chain.id, 'keystore');
      assert.deepEqual(fs.readdirSync(keystore).sort(),
        [`${Buffer.from('babe').toString('hex')}${hex(v.babe)}`, `${Buffer.from('gran').toString('hex')}${hex(v.grandpa)}`]);
      assert.ok(fs.existsSync(nodeKeyPath(base, keys.chain.id)), `${v.name} has a network key`);
    }
  });

  step('check fails on the local development preset and passes on the new spec', async () => {
    const local = path.join(dir, 'local-raw.json');
    const raw = await new Promise((resolve, reject) => {
      execFile(BIN, ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode'],
        { maxBuffer: 256 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    fs.writeFileSync(local, raw);
    const dev = await testnet(['check', local]);
    assert.equal(dev.code, 1);
    assert.match(dev.stdout, /^sudo key: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY \(\/\/Alice\)$/m);
    assert.match(dev.stdout, /^ {2}\/\/Alice \(sr25519\) /m);
    assert.match(dev.stdout, /^ {2}\/\/Alice\/\/stash \(sr25519\) /m);
    assert.match(dev.stdout, /^ {2}\/\/Alice \(ed25519\) /m);
    assert.match(dev.stderr, /for development only/);

    const keys = readJson(path.join(net(), 'keys.json'));
    for (const file of ['chain-spec.json', 'chain-spec-plain.json']) {
      const r = await testnet(['check', path.join(net(), file)]);
      assert.equal(r.code, 0, `${file}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /^sudo key: none$/m);
      assert.match(r.stdout, /^well-known development keys: none/m);
      for (const m of keys.council) assert.match(r.stdout, new RegExp(`^Council: .*${m.account}`, 'm'));
      for (const m of keys.technicalCommittee) {
        assert.match(r.stdout, new RegExp(`^Technical Committee: .*${m.account}`, 'm'));
      }
    }
  });

  step('its validators start from their base paths and finalize, with no sudo and no well-known account', async () => {
    const keys = readJson(path.join(net(), 'keys.json'));
    network = await startNetwork({
      spec: path.join(net(), 'chain-spec.json'),
      validators: keys.validators.map((v) => {
        const basePath = path.join(net(), v.name);
        return { name: v.name, basePath, nodeKeyFile: nodeKeyPath(basePath, keys.chain.id) };
      }),
    });
    const api = await connect(network.wsUrl());
    const sorted = (list) => list.map(String).sort();
    try {
      assert.equal((await api.rpc.system.chain()).toString(), 'Allmende E2E');
      assert.equal((await api.rpc.system.chainType()).type, 'Live');
      assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
      // The generated validators author and finalize (GRANDPA needs all three).
      assert.deepEqual(sorted(await api.query.session.validators()), sorted(keys.validators.map((v) => v.account)));

      // Only the generated accounts hold anything, exactly what they were given.
      const accounts = [...keys.validators, ...keys.council, ...keys.technicalCommittee].map((k) => k.account);
      for (const a of accounts) {
        const { data } = await api.query.system.account(a);
        assert.equal(data.free.toBigInt() + data.reserved.toBigInt(), ENDOW_UNITS, a);
      }
      assert.equal((await api.query.balances.totalIssuance()).toBigInt(), ENDOW_UNITS * BigInt(accounts.length),
        'nobody else was funded');
      for (const k of (await wellKnownKeys()).filter((w) => w.scheme === 'sr25519')) {
        const { data } = await api.query.system.account(k.address);
        assert.equal(data.free.toBigInt() + data.reserved.toBigInt(), 0n, `${k.uri} holds nothing`);
      }

      // Governance: the generated Council and Technical Committee.
      assert.ok(api.query.council && api.query.technicalCommittee, 'the runtime has a Council and a Technical Committee');
      assert.deepEqual(sorted(await api.query.council.members()), sorted(keys.council.map((m) => m.account)));
      assert.deepEqual(sorted(await api.query.technicalCommittee.members()),
        sorted(keys.technicalCommittee.map((m) => m.account)));
    } finally {
      await api.disconnect();
    }
  });
});
