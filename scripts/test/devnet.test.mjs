// End-to-end tests of the foundation: a real 4-validator network on loopback, driven with
// polkadot.js exactly as users will.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { u8aToHex } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import {
  ChainError, connect, signer, submitAndFinalize,
} from '../lib/client.mjs';
import { heads, rpc, sleep } from '../lib/network.mjs';
import { startNetwork, stopNetwork, submitInBlock } from '../lib/testnet.mjs';

const UNIT = 10n ** 12n;
let network;
let api;
let alice;
let failed = false;

const free = async (at, who) => (await at.query.system.account(who)).data.free.toBigInt();

/** The event `section.method` among `events`, or undefined. */
const findEvent = (events, section, method) =>
  events.map((r) => r.event).find((e) => e.section === section && e.method === method);

describe('a 4-validator Allmende network', { timeout: 900000 }, () => {
  before(async () => {
    network = await startNetwork({ nodes: 4 });
    api = await connect(network.wsUrl('alice'));
    alice = await signer('//Alice');
  });

  after(async () => {
    if (api) await api.disconnect();
    if (network) await stopNetwork(network, { keep: failed });
  });

  const step = (name, fn) =>
    test(name, { timeout: 300000 }, async (t) => {
      try {
        await fn(t);
      } catch (e) {
        failed = true;
        throw e;
      }
    });

  step('polkadot.js connects and reads chain name, properties and metadata', async () => {
    assert.equal((await api.rpc.system.chain()).toString(), 'Allmende Local Testnet');
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'ALM');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(api.registry.chainDecimals[0], 12);
    assert.equal(api.runtimeVersion.specName.toString(), 'allmende');
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const p of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo']) {
      assert.ok(pallets.includes(p), `${p} in metadata`);
    }
    // The metadata alone gives the API its calls and types.
    assert.equal(typeof api.tx.balances.transferKeepAlive, 'function');
    const methods = (await api.rpc.rpc.methods()).methods.map((m) => m.toString());
    for (const m of ['system_accountNextIndex', 'payment_queryInfo', 'author_submitExtrinsic',
      'chain_getFinalizedHead', 'state_getStorage', 'system_health']) {
      assert.ok(methods.includes(m), `RPC ${m}`);
    }
  });

  step('a transfer is finalized and balances change by exactly the amount and fee', async () => {
    const dest = (await signer(mnemonicGenerate())).address;
    const amount = 10n * UNIT;
    const { blockHash, events } = await submitAndFinalize(
      api, api.tx.balances.transferKeepAlive(dest, amount), alice,
    );
    const header = await api.rpc.chain.getHeader(blockHash);
    const before = await api.at(header.parentHash);
    const atBlock = await api.at(blockHash);
    const transfer = findEvent(events, 'balances', 'Transfer');
    assert.ok(transfer, 'Transfer event');
    assert.equal(transfer.data.amount.toBigInt(), amount);
    const feePaid = findEvent(events, 'transactionPayment', 'TransactionFeePaid');
    const fee = feePaid.data.actualFee.toBigInt() + feePaid.data.tip.toBigInt();
    assert.ok(fee > 0n, 'a fee was paid');
    assert.equal((await free(before, alice.address)) - (await free(atBlock, alice.address)), amount + fee);
    assert.equal(await free(atBlock, dest), amount);
    // The block is final: the finalized chain holds it at its height.
    const fin = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    assert.ok(fin.number.toNumber() >= header.number.toNumber());
    assert.equal((await api.rpc.chain.getBlockHash(header.number)).toHex(), blockHash);
  });

  step('all four validators author blocks (Aura pre-digests)', async () => {
    const deadline = Date.now() + 120000;
    let authors = new Set();
    while (Date.now() < deadline) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      authors = new Set();
      for (let n = Math.max(1, best - 15); n <= best; n += 1) {
        const hash = await api.rpc.chain.getBlockHash(n);
        const header = await api.rpc.chain.getHeader(hash);
        const pre = header.digest.logs.find(
          (l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura',
        );
        assert.ok(pre, `block #${n} has an Aura pre-digest`);
        const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
        const set = await (await api.at(header.parentHash)).query.aura.authorities();
        authors.add(set[Number(slot % BigInt(set.length))].toHex());
      }
      if (authors.size === 4) break;
      await sleep(3000);
    }
    const validators = await Promise.all(['//Alice', '//Bob', '//Charlie', '//Dave'].map(signer));
    assert.deepEqual([...authors].sort(), validators.map((v) => u8aToHex(v.publicKey)).sort());
  });

  step('with one validator killed blocks are still finalized; restarted, it catches up', async () => {
    await network.stopNode('dave', 'SIGKILL');
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
    network.startNode('dave');
    await network.waitForRpc(60000, ['dave']);
    const target = await heads(network.rpcPort('alice'));
    const deadline = Date.now() + 120000;
    for (;;) {
      const d = await heads(network.rpcPort('dave'));
      if (d.best >= target.best && d.finalized >= target.finalized) break;
      assert.ok(Date.now() < deadline, `dave caught up (dave ${JSON.stringify(d)}, head ${JSON.stringify(target)})`);
      await sleep(1000);
    }
  });

  step('with two validators killed finality stops; restarted, it resumes with every transfer', async () => {
    await network.stopNode('charlie', 'SIGKILL');
    await network.stopNode('dave', 'SIGKILL');
    await sleep(8000); // a round already under way may still complete
    const stalled = await heads(network.rpcPort('alice'));
    // Transfers made while finality is stopped are still included in blocks.
    const dest = (await signer(mnemonicGenerate())).address;
    const included = [];
    for (const amount of [3n * UNIT, 4n * UNIT]) {
      const { blockHash } = await submitInBlock(api.tx.balances.transferKeepAlive(dest, amount), alice);
      const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
      included.push({ blockHash, number });
    }
    const during = await heads(network.rpcPort('alice'));
    assert.ok(during.best >= stalled.best + 2, `blocks are still authored (${stalled.best} -> ${during.best})`);
    assert.equal(during.finalized, stalled.finalized, 'finality stopped');

    network.startNode('charlie');
    network.startNode('dave');
    await network.waitForRpc(60000, ['charlie', 'dave']);
    const last = Math.max(...included.map((i) => i.number));
    await network.waitForFinalized({ name: 'alice', target: last, timeoutMs: 240000 });
    for (const { blockHash, number } of included) {
      assert.equal((await api.rpc.chain.getBlockHash(number)).toHex(), blockHash, `#${number} is final`);
    }
    assert.equal(await free(api, dest), 7n * UNIT);
  });

  step('bad input gets a clear error and the network keeps finalizing', async () => {
    // A transfer above the balance: included, fails with the token error, nothing moves.
    const poor = await signer(mnemonicGenerate());
    await submitAndFinalize(api, api.tx.balances.transferKeepAlive(poor.address, 2n * UNIT), alice);
    await assert.rejects(
      submitAndFinalize(api, api.tx.balances.transferKeepAlive(alice.address, 1000n * UNIT), poor),
      (e) => e instanceof ChainError && /FundsUnavailable|InsufficientBalance/.test(e.message),
    );
    const nonceBefore = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();

    // A wrongly signed extrinsic: rejected by the pool as a bad signature.
    const tx = api.tx.balances.transferKeepAlive(poor.address, UNIT);
    await tx.signAsync(alice.address, {
      signer: { signPayload: async () => ({ id: 1, signature: `0x01${'11'.repeat(64)}` }) },
    });
    await assert.rejects(
      rpc(network.rpcPort('alice'), 'author_submitExtrinsic', [tx.toHex()]),
      /bad signature/i,
    );

    // A malformed extrinsic: bytes that do not decode.
    await assert.rejects(
      rpc(network.rpcPort('alice'), 'author_submitExtrinsic', ['0x0badc0ffee']),
      /decode|Verification|Invalid/i,
    );

    assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonceBefore);
    await network.waitForFinalized({ name: 'alice', by: 2, timeoutMs: 120000 });
  });
});
