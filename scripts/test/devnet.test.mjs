// End-to-end tests of the foundation: a real 4-validator network on loopback, driven with
// polkadot.js exactly as users will; then a fifth validator joins through the scripts, votes,
// survives a whole-network restart, stops and loses its seat for not voting; a sixth authors
// but never votes, and loses its seat too.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { u8aToHex, u8aToString } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import {
  ChainError, connect, signer, submit, submitAndFinalize,
} from '../lib/client.mjs';
import { heads, rpc, sleep } from '../lib/network.mjs';
import { startNetwork, stopNetwork } from '../lib/testnet.mjs';
import { babeAuthor } from '../lib/validator.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const execFileP = promisify(execFile);

/** Runs a client script against `ws`; resolves with its stdout, rejects with its stderr. */
async function script(ws, name, ...args) {
  const { stdout } = await execFileP('node', [path.join(here, '..', name), '--ws', ws, ...args], {
    timeout: 180000,
  });
  return stdout;
}

const UNIT = 10n ** 12n;
let network;
let api;
let alice;
let failed = false;

const free = async (at, who) => (await at.query.system.account(who)).data.free.toBigInt();

/**
 * Follows new best blocks and returns the BABE authors seen (key -> first block number) once
 * `count` distinct ones have authored, or whatever was seen when `timeoutMs` runs out.
 * `until(author)` may end the wait early.
 */
async function authorsSeen(count, timeoutMs, until = () => false) {
  const seen = new Map();
  const deadline = Date.now() + timeoutMs;
  let next = (await api.rpc.chain.getHeader()).number.toNumber() - 15;
  while (Date.now() < deadline) {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (; next <= best; next += 1) {
      if (next < 1) continue;
      const author = await babeAuthor(api, await api.rpc.chain.getBlockHash(next));
      if (!seen.has(author.key)) seen.set(author.key, author.number);
      if (until(author)) return seen;
    }
    if (seen.size >= count) return seen;
    await sleep(1000);
  }
  return seen;
}

/**
 * The first event `section.method` whose first field is `who`, in the blocks from number
 * `from` to the finalized head: { number, event }, or null.
 */
async function eventSince(from, section, method, who) {
  const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  for (let n = Math.max(from, 1); n <= finalized; n += 1) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    const event = (await at.query.system.events()).map((r) => r.event)
      .find((e) => e.section === section && e.method === method && e.data[0].toString() === who);
    if (event) return { number: n, event };
  }
  return null;
}

/** The event `section.method` among `events`, or undefined. */
const findEvent = (events, section, method) =>
  events.map((r) => r.event).find((e) => e.section === section && e.method === method);

describe('a 4-validator Allmende network', { timeout: 2400000 }, () => {
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
    test(name, { timeout: 600000 }, async (t) => {
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
    for (const p of ['System', 'Babe', 'Timestamp', 'Balances', 'TransactionPayment', 'Authorship',
      'CollatorSelection', 'Session', 'Grandpa', 'Sudo']) {
      assert.ok(pallets.includes(p), `${p} in metadata`);
    }
    // The metadata alone gives the API its calls and types.
    assert.equal(typeof api.tx.balances.transferKeepAlive, 'function');
    const methods = (await api.rpc.rpc.methods()).methods.map((m) => m.toString());
    for (const m of ['system_accountNextIndex', 'payment_queryInfo', 'author_submitExtrinsic',
      'chain_getFinalizedHead', 'state_getStorage', 'system_health', 'babe_epochAuthorship',
      'author_rotateKeysWithOwner']) {
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
    // `actualFee` includes the tip.
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n, 'a fee was paid');
    assert.equal((await free(before, alice.address)) - (await free(atBlock, alice.address)), amount + fee);
    assert.equal(await free(atBlock, dest), amount);
    // The block's author (a validator's stash account) receives 20 % of each fee paid in it
    // (the runtime's `AUTHOR_FEE_SHARE`, rounded to the nearest unit, halves down) and every
    // tip; the rest of the fees is burnt. An event's `actualFee` includes its tip.
    const author = await babeAuthor(api, blockHash);
    const paid = (await atBlock.query.system.events())
      .map((r) => r.event)
      .filter((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid')
      .map((e) => ({ fee: e.data.actualFee.toBigInt() - e.data.tip.toBigInt(), tip: e.data.tip.toBigInt() }));
    const share = (f) => (f * 200000000n) / 1000000000n + ((f * 200000000n) % 1000000000n * 2n > 1000000000n ? 1n : 0n);
    const toAuthor = paid.reduce((sum, p) => sum + share(p.fee) + p.tip, 0n);
    const burnt = paid.reduce((sum, p) => sum + p.fee - share(p.fee), 0n);
    assert.ok(paid.length >= 1 && burnt > 0n);
    assert.equal((await free(atBlock, author.account)) - (await free(before, author.account)), toAuthor,
      `author ${author.account} of #${author.number} got its share of the block's fees`);
    const issuance = async (at) => (await at.query.balances.totalIssuance()).toBigInt();
    assert.ok((await issuance(before)) - (await issuance(atBlock)) >= burnt, 'the rest of the fees is burnt');
    // The block is final: the finalized chain holds it at its height.
    const fin = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
    assert.ok(fin.number.toNumber() >= header.number.toNumber());
    assert.equal((await api.rpc.chain.getBlockHash(header.number)).toHex(), blockHash);
  });

  step('all four validators author blocks (BABE pre-digests)', async () => {
    const validators = await Promise.all(['//Alice', '//Bob', '//Charlie', '//Dave'].map(signer));
    const expected = validators.map((v) => u8aToHex(v.publicKey)).sort();
    const authors = await authorsSeen(expected.length, 120000);
    assert.deepEqual([...authors.keys()].sort(), expected);
  });

  step('with one validator killed blocks are still finalized; restarted, it catches up', async () => {
    await network.stopNode('dave', 'SIGKILL');
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
    network.startNode('dave');
    await network.waitForRpc(undefined, ['dave']);
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
      const { blockHash, final } = await submit(api, api.tx.balances.transferKeepAlive(dest, amount), alice,
        { until: 'block', timeoutMs: 90000, followFinal: true, finalTimeoutMs: 330000 });
      const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
      included.push({ amount, number, final });
    }
    const during = await heads(network.rpcPort('alice'));
    assert.ok(during.best >= stalled.best + 2, `blocks are still authored (${stalled.best} -> ${during.best})`);
    assert.equal(during.finalized, stalled.finalized, 'finality stopped');

    network.startNode('charlie');
    network.startNode('dave');
    await network.waitForRpc(undefined, ['charlie', 'dave']);
    const last = Math.max(...included.map((i) => i.number));
    await network.waitForFinalized({ name: 'alice', target: last, timeoutMs: 240000 });
    // Each transfer is in a finalized block: the one it was first included in, or, if a fork
    // among the two live validators retracted that one, the block that included it again.
    for (const { amount, final } of included) {
      const { blockHash, events, failed } = await final;
      const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
      assert.ok(number > stalled.finalized, `#${number} was finalized after the restart`);
      assert.ok(!failed, `the transfer in #${number} succeeded`);
      assert.equal(findEvent(events, 'balances', 'Transfer')?.data.amount.toBigInt(), amount);
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

  // ---- An open validator set: a fifth node joins, votes, restarts with the network, leaves.
  let eve;
  let eveKeys;
  let eveStopped;
  let ferdie;
  let ferdieVoter;

  /** The GRANDPA voters at the finalized head, as hex public keys. */
  const grandpaVoters = async () => {
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    return (await at.call.grandpaApi.grandpaAuthorities()).map(([id]) => id.toHex());
  };

  /** Polls `check` (async, truthy when done) every 2 s until `timeoutMs`. */
  const waitUntil = async (what, check, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      assert.ok(Date.now() < deadline, `${what} within ${timeoutMs / 1000} s`);
      await sleep(2000);
    }
  };

  step('a fifth node joins with its own keys through the scripts and authors blocks', async () => {
    eve = await signer('//Eve');
    await network.addNode('eve');
    await network.waitForRpc(undefined, ['eve']);
    await network.waitForSync('eve', { timeoutMs: 120000 });
    const ws = network.wsUrl('eve');
    let out = await script(ws, 'validator.mjs', '--suri', '//Eve', 'keys');
    eveKeys = /keys (0x[0-9a-f]{128})\b/.exec(out)?.[1];
    assert.ok(eveKeys, `keys printed: ${out}`);
    assert.match(out, /session\.NewQueued|finalized in block/);
    assert.equal(await rpc(network.rpcPort('eve'), 'author_hasSessionKeys', [eveKeys]), true, 'the node holds the keys');
    assert.equal((await api.query.session.nextKeys(eve.address)).unwrap().toHex(), eveKeys);

    const registered = Date.now();
    out = await script(ws, 'validator.mjs', '--suri', '//Eve', 'candidate');
    assert.match(out, /collatorSelection\.CandidateAdded/);
    const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
    const keyDeposit = api.consts.session.keyDeposit.toBigInt();
    const held = (await api.query.system.account(eve.address)).data.reserved.toBigInt();
    assert.equal(held, bond + keyDeposit, 'the candidacy bond and the key deposit are set aside');

    const babeKey = eveKeys.slice(0, 66);
    const seen = await authorsSeen(Infinity, 360000, (a) => a.key === babeKey);
    assert.ok(seen.has(babeKey), 'the new validator authored a block');
    const first = seen.get(babeKey);
    const secs = ((Date.now() - registered) / 1000).toFixed(0);
    console.log(`# eve's first block #${first}, ${secs} s after register_as_candidate was sent`);
    const author = await babeAuthor(api, await api.rpc.chain.getBlockHash(first));
    assert.equal(author.account, eve.address, 'the pre-digest authority index maps to eve');
    assert.ok((await api.query.session.validators()).map(String).includes(eve.address));
    assert.ok((await api.query.collatorSelection.lastAuthoredBlock(eve.address)).toNumber() >= first);
  });

  step('with five voters, one of the first four down, finality advances: the new vote counts', async () => {
    const eveGrandpa = `0x${eveKeys.slice(66)}`;
    await waitUntil('eve is a GRANDPA voter', async () => {
      const voters = await grandpaVoters();
      return voters.length === 5 && voters.includes(eveGrandpa);
    }, 180000);
    await network.stopNode('dave', 'SIGKILL');
    // Three of five original voters are not enough (3/5 < 2/3); with eve's vote, 4/5 are.
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
    // The blocks note eve's precommits: it counts as voting.
    await waitUntil('a noted round with eve\'s precommit', async () => {
      const tally = (await api.query.finalityVotes.tallies()).find(([who]) => who.toString() === eve.address);
      return tally && tally[1].voted.toNumber() > 0;
    }, 120000);
    network.startNode('dave');
    await network.waitForRpc(undefined, ['dave']);
  });

  step('a whole-network restart keeps the chain and the current validator set', async () => {
    const validators = (await api.query.session.validators()).map(String);
    assert.equal(validators.length, 5);
    const before = await heads(network.rpcPort('alice'));
    await api.disconnect();
    await Promise.all(network.names.map((n) => network.stopNode(n)));
    for (const n of network.names) network.startNode(n);
    await network.waitForRpc();
    api = await connect(network.wsUrl('alice'));
    const after = await heads(network.rpcPort('alice'));
    assert.ok(after.best >= before.best && after.finalized >= before.finalized, 'the chain was kept');
    await network.waitForFinalized({ name: 'alice', target: before.best + 2, timeoutMs: 180000 });
    assert.deepEqual((await api.query.session.validators()).map(String), validators);
  });

  step('the new validator stops: it stays in the set and is still a candidate for now', async () => {
    eveStopped = (await api.rpc.chain.getHeader()).number.toNumber();
    await network.stopNode('eve');
    const out = await script(network.wsUrl('alice'), 'validator.mjs', '--suri', '//Eve', 'status');
    // Four invulnerables leave one seat to candidates (fewer than half as many).
    assert.match(out, /1 candidate\(s\) for 1 open seat\(s\)/);
    assert.match(out, /validator now {2}true/);
    assert.match(out, /candidate {6}bond 1000 ALM/);
    assert.match(out, /session keys {3}0x[0-9a-f]{128}/);
    assert.match(out, /GRANDPA votes {2}(in \d+ of \d+ rounds noted this session|-)/);
  });

  step('bad validator input gets a clear, named error and changes nothing', async () => {
    const ws = network.wsUrl('alice');
    const ferdie = await signer('//Ferdie');
    // Session keys that do not decode.
    await assert.rejects(script(ws, 'validator.mjs', '--suri', '//Ferdie', 'keys', '--keys', '0x1234', '--proof', '0x00'),
      (e) => e.code === 1 && /InvalidSessionKeys: 0x1234 does not decode/.test(e.stderr));
    // Keys that decode, with a proof that is not Ferdie's.
    await assert.rejects(script(ws, 'validator.mjs', '--suri', '//Ferdie', 'keys', '--keys', eveKeys, '--proof', '0x00'),
      (e) => e.code === 1 && /session\.InvalidProof/.test(e.stderr));
    assert.ok((await api.query.session.nextKeys(ferdie.address)).isNone, 'no keys set for ferdie');
    // Leaving when not a candidate.
    await assert.rejects(script(ws, 'validator.mjs', '--suri', '//Ferdie', 'leave'),
      (e) => e.code === 1 && /collatorSelection\.NotCandidate/.test(e.stderr));
    // A bond below the candidacy bond is refused before anything is sent.
    await assert.rejects(script(ws, 'validator.mjs', '--suri', '//Eve', 'candidate', '--bond', '5'),
      (e) => e.code === 1 && /DepositTooLow: a bond of 5 ALM is below the candidacy bond/.test(e.stderr));
    // A candidacy the account cannot bond: keys set, but less free balance than the bond.
    const poor = await signer(mnemonicGenerate());
    await submitAndFinalize(api, api.tx.balances.transferKeepAlive(poor.address, 20n * UNIT), alice);
    const made = await api._rpcCore.provider.send('author_rotateKeysWithOwner', [u8aToHex(poor.publicKey)]);
    await submitAndFinalize(api, api.tx.session.setKeys(made.keys, made.proof), poor);
    const candidatesBefore = (await api.query.collatorSelection.candidateList()).toHex();
    await assert.rejects(submitAndFinalize(api, api.tx.collatorSelection.registerAsCandidate(), poor),
      (e) => e instanceof ChainError && /^balances\.InsufficientBalance/.test(e.message));
    assert.equal((await api.query.collatorSelection.candidateList()).toHex(), candidatesBefore);
    // Changing the invulnerables or the bond needs root.
    await assert.rejects(submitAndFinalize(api, api.tx.collatorSelection.addInvulnerable(poor.address), ferdie),
      (e) => e instanceof ChainError && /BadOrigin/.test(e.message));
    const bond = await api.query.collatorSelection.candidacyBond();
    await assert.rejects(submitAndFinalize(api, api.tx.collatorSelection.setCandidacyBond(1n), ferdie),
      (e) => e instanceof ChainError && /BadOrigin/.test(e.message));
    const { events } = await submitAndFinalize(api, api.tx.sudo.sudo(api.tx.collatorSelection.setCandidacyBond(bond)), alice);
    assert.ok(events.some(({ event }) => event.section === 'collatorSelection' && event.method === 'NewCandidacyBond'));
    assert.equal((await api.query.collatorSelection.invulnerables()).length, 4);
  });

  // A stopped validator neither votes nor authors. It votes in no GRANDPA round of the
  // sessions after, and is named for it; its seat goes for that, or for not authoring
  // (collator selection's kick after two sessions without a block), whichever comes first.
  step('the stopped validator votes no more and loses its seat at a session end; finality goes on', async () => {
    const session = api.consts.babe.epochDuration.toNumber();
    const silentAfter = api.consts.finalityVotes.silentAfter.toNumber();
    const silentSessions = api.consts.finalityVotes.silentSessions.toNumber();
    console.log(`# sessions of ${session} blocks, silent after ${silentAfter} rounds without a vote, ` +
      `${silentSessions} sessions in a row`);
    await waitUntil('eve is no longer a candidate', async () =>
      !(await api.query.collatorSelection.candidateList()).some((c) => c.who.toString() === eve.address),
    (silentSessions + 2) * session * 6000 + 60000);
    // Named silent, or removed by collator selection for not authoring first (she then
    // leaves the voters before a silent streak of `silentSessions` is complete).
    const removal = await waitUntil('finalityVotes.Silent or collatorSelection.CandidateRemoved names eve',
      async () => (await eventSince(eveStopped, 'finalityVotes', 'Silent', eve.address)) ??
        (await eventSince(eveStopped, 'collatorSelection', 'CandidateRemoved', eve.address)),
      2 * session * 6000 + 60000);
    console.log(`# eve's seat went at block ${removal.number}: ${removal.event.section}.${removal.event.method}`);
    if (removal.event.method === 'Silent') {
      assert.ok(removal.event.data[1].toNumber() >= silentAfter, `left out of ${removal.event.data[1]} rounds`);
    }
    assert.equal((await api.query.system.account(eve.address)).data.reserved.toBigInt(),
      api.consts.session.keyDeposit.toBigInt(), 'the bond came back; the keys (and their deposit) stay');
    await waitUntil('eve leaves the validator set and the GRANDPA voters', async () => {
      const validators = (await api.query.session.validators()).map(String);
      return !validators.includes(eve.address) && (await grandpaVoters()).length === 4;
    }, 3 * session * 6000 + 60000);
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
  });

  // A newcomer that authors (so it is never kicked) but never votes is the worst a bonded
  // stranger can be for finality: the open seats are too few for such seats to stop it.
  step('a newcomer that authors but never votes takes the open seat, and finality goes on', async () => {
    ferdie = await signer('//Ferdie');
    await network.addNode('ferdie');
    await network.waitForRpc(undefined, ['ferdie']);
    await network.waitForSync('ferdie', { timeoutMs: 120000 });
    const ws = network.wsUrl('ferdie');
    const out = await script(ws, 'validator.mjs', '--suri', '//Ferdie', 'keys');
    const keys = /keys (0x[0-9a-f]{128})\b/.exec(out)?.[1];
    assert.ok(keys, `keys printed: ${out}`);
    // Its node keeps the BABE key and loses the GRANDPA one: it authors, it cannot vote.
    // (A node started with --no-grandpa does not keep its peers with the litep2p backend.)
    const keystore = path.join(network.dir, 'nodes', 'ferdie', 'chains', 'allmende_local_testnet', 'keystore');
    const grandpaFile = `${Buffer.from('gran').toString('hex')}${keys.slice(66)}`;
    assert.ok(fs.existsSync(path.join(keystore, grandpaFile)), 'the GRANDPA key is in the keystore');
    fs.rmSync(path.join(keystore, grandpaFile));
    assert.match(await script(ws, 'validator.mjs', '--suri', '//Ferdie', 'candidate'), /collatorSelection\.CandidateAdded/);
    const babeKey = keys.slice(0, 66);
    const seen = await authorsSeen(Infinity, 360000, (a) => a.key === babeKey);
    assert.ok(seen.has(babeKey), 'ferdie authored a block');
    await waitUntil('ferdie is one of the GRANDPA voters', async () =>
      (await grandpaVoters()).includes(`0x${keys.slice(66)}`), 180000);
    ferdieVoter = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    assert.equal((await grandpaVoters()).length, 5);
    // Four of five votes are more than two thirds: finality goes on without ferdie's.
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
    // And ferdie's vote is indeed missing: the justification of a block finalized while it
    // was a voter holds the precommits of the others only.
    const ferdieGrandpa = `0x${keys.slice(66)}`;
    let next = (await api.rpc.chain.getHeader()).number.toNumber() - 20;
    const signers = await waitUntil('a justification by a set with ferdie in it', async () => {
      const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      for (; next <= fin; next += 1) {
        const { block, justifications } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(next));
        const grandpa = justifications.unwrapOr([]).find(([engine]) => u8aToString(engine) === 'FRNK');
        if (!grandpa) continue;
        const set = (await (await api.at(block.header.parentHash)).call.grandpaApi.grandpaAuthorities())
          .map(([id]) => id.toHex());
        if (!set.includes(ferdieGrandpa)) continue;
        const j = api.createType('GrandpaJustification', grandpa[1]);
        return j.commit.precommits.map((p) => p.id.toHex());
      }
      return null;
    }, 240000);
    assert.ok(!signers.includes(ferdieGrandpa), 'ferdie did not precommit');
    assert.ok(signers.length >= 4, `the four invulnerables finalized: ${signers.length} precommits`);
  });

  // The blocks note who voted in each finished round; a candidate in none of the rounds of
  // two sessions in a row loses its seat at the second's end, though it authors.
  step('the newcomer that never votes loses its seat at a session end; finality goes on', async () => {
    const session = api.consts.babe.epochDuration.toNumber();
    const silentSessions = api.consts.finalityVotes.silentSessions.toNumber();
    await waitUntil('ferdie is no longer a candidate', async () =>
      !(await api.query.collatorSelection.candidateList()).some((c) => c.who.toString() === ferdie.address),
    (silentSessions + 2) * session * 6000 + 60000);
    // The candidate list was read at the best block; the events are read up to the finalized
    // one, which follows a block or two behind.
    const silent = await waitUntil('finalityVotes.Silent names ferdie', () =>
      eventSince(ferdieVoter, 'finalityVotes', 'Silent', ferdie.address), 60000);
    assert.ok(silent.event.data[1].toNumber() >= api.consts.finalityVotes.silentAfter.toNumber());
    assert.equal(silent.event.data[2].toNumber(), silentSessions, 'silent in the sessions asked for');
    const removed = await eventSince(silent.number, 'collatorSelection', 'CandidateRemoved', ferdie.address);
    assert.equal(removed?.number, silent.number, 'its candidacy ended in the same block');
    assert.equal((await api.query.system.account(ferdie.address)).data.reserved.toBigInt(),
      api.consts.session.keyDeposit.toBigInt(), 'the bond came back');
    // The invulnerables, who vote, are never named.
    for (const v of await api.query.collatorSelection.invulnerables()) {
      assert.equal(await eventSince(ferdieVoter, 'finalityVotes', 'Silent', v.toString()), null, `${v} voted`);
    }
    await waitUntil('ferdie leaves the validator set and the GRANDPA voters', async () => {
      const validators = (await api.query.session.validators()).map(String);
      return !validators.includes(ferdie.address) && (await grandpaVoters()).length === 4;
    }, 3 * session * 6000 + 60000);
    await network.waitForFinalized({ name: 'alice', by: 3, timeoutMs: 120000 });
  });
});
