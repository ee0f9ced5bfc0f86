// End-to-end tests of the compute market and data registry through polkadot.js on a real
// 4-validator network, balances checked by exact amounts. This file: a job nobody bids on
// expires with no call, a permissioned dataset denied, granted, paid and revoked, bad input
// refused with named errors and nothing changed, metadata that documents every call, event,
// error and storage item, and governance through govern.mjs: the Council sets the job
// deposit, root takes both bodies, safe mode stops the market and its clock. What no unit
// test shows: the deadline queue, the registry and the governance pallets wired into the
// runtime, errors and metadata as polkadot.js and the scripts show them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ChainError } from '../lib/client.mjs';
import { close, dispatchWhitelisted, propose, upgradeCall, vote } from '../lib/governance.mjs';
import {
  ALM, api, assertMoved, bondFor, commitment, deposit, fee, fees, free, holds, job, keys,
  marketSuite, network, postJob, resultHash, runJob, script, send, snapshot, spec, text,
  waitForStatus,
} from './market-network.mjs';
import { motionIndex } from './govern-output.mjs';

/** The secret URIs of the accounts the governance step signs with in scripts. */
const SURI = {
  alice: '//Alice', bob: '//Bob', charlie: '//Charlie', dave: '//Dave', eve: '//Eve', ferdie: '//Ferdie',
  arb2: '//Allmende//arb2',
};

/**
 * Runs `fn`, which signs as `name`, after the account's earlier turns have ended: the parts of
 * the governance step run side by side, and one account's next nonce cannot serve two
 * transactions sent at once (from two processes, or two reads of it).
 */
const turns = new Map();
function as(name, fn) {
  const turn = (turns.get(name) ?? Promise.resolve()).then(fn);
  turns.set(name, turn.catch(() => {}));
  return turn;
}

/** govern.mjs signed by `name`; resolves with its output. */
const govern = (name, ...args) => as(name, () => script('govern.mjs', '--suri', SURI[name], ...args));

marketSuite('the compute market and data registry through polkadot.js: expiry, access, bad input, metadata', (step) => {
  step('a job nobody bids on expires by its deadline with no call; escrow refunded, deposit held until pruned', async () => {
    const before = await snapshot(['alice']);
    const deposits = (await holds(keys.alice.address)).JobDeposit ?? 0n;
    const jobId = await postJob('alice', spec({ replicas: 2, maxPrice: ALM(3), bidding: 4 }));
    assert.equal(await waitForStatus(jobId, ['Expired']), 'Expired');
    await assertMoved(before, { alice: -deposit });
    const h = await holds(keys.alice.address);
    assert.equal(h.JobEscrow ?? 0n, 0n);
    assert.equal(h.JobDeposit, deposits + deposit);
    // Its records stay for the retention period; pruning earlier is refused by name.
    await assert.rejects(
      script('prune-job.mjs', '--suri', '//Eve', '--job', String(jobId)),
      (e) => e.code === 1 && /computeMarket\.RetentionNotOver/.test(e.stderr),
    );
  });

  step('a permissioned dataset: denied, granted and paid, revoked', async () => {
    let out = await script('register-asset.mjs', '--suri', '//Alice', '--uri', 'ipfs://dataset',
      '--license', 'Permissioned', '--royalty', '2');
    const assetId = Number(/asset id: (\d+)/.exec(out)[1]);
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ assets: [assetId] })), keys.ferdie),
      (e) => e instanceof ChainError && /^dataRegistry\.AccessDenied/.test(e.message),
    );
    await script('grant.mjs', '--suri', '//Alice', '--asset', String(assetId), '--to', keys.ferdie.address);
    const before = await snapshot(['alice', 'ferdie', 'bob']);
    // Above the royalty the requester accepts: refused with a named error.
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ maxPrice: ALM(3), assets: [assetId], maxRoyalties: ALM(1) })), keys.ferdie),
      (e) => /^computeMarket\.RoyaltiesAboveMax: /.test(e.message),
    );
    const jobId = await postJob('ferdie', spec({ maxPrice: ALM(3), assets: [assetId], maxRoyalties: ALM(2) }));
    assert.equal((await holds(keys.ferdie.address)).JobEscrow, ALM(5));
    await runJob(jobId, { bob: ALM(3) }, { bob: 1 });
    assert.equal(await waitForStatus(jobId, ['Settled']), 'Settled');
    await assertMoved(before, { ferdie: -ALM(5) - deposit, bob: ALM(3) - fee });
    assert.equal(await free(keys.alice.address), before.alice.free + ALM(2) - ((fees.get(keys.alice.address) ?? 0n) - before.alice.fees));
    out = await script('asset.mjs', String(assetId));
    assert.match(out, /1 verified job/);
    assert.match(out, /royalties paid 2 ALM/);
    await script('revoke.mjs', '--suri', '//Alice', '--asset', String(assetId), '--from', keys.ferdie.address);
    await assert.rejects(
      send(api.tx.computeMarket.postJob(spec({ assets: [assetId] })), keys.ferdie),
      (e) => e instanceof ChainError && /^dataRegistry\.AccessDenied/.test(e.message),
    );
  });

  step('bad input through polkadot.js: clear errors, nothing changed, still finalizing', async () => {
    const nextJob = (await api.query.computeMarket.nextJobId()).toNumber();
    const before = await snapshot(['alice', 'bob']);
    const maxLen = api.consts.computeMarket.maxStringLen.toNumber();
    // An oversized URI: the script names the limit and exits non-zero …
    await assert.rejects(
      script('post-job.mjs', '--suri', '//Alice', '--workload-uri', 'x'.repeat(maxLen + 1), '--max-price', '1'),
      (e) => e.code === 1 && new RegExp(`--workload-uri is ${maxLen + 1} bytes; the chain allows ${maxLen}`).test(e.stderr),
    );
    // … and the chain itself refuses it: it does not decode, so the pool rejects it.
    const long = spec();
    long.workload.content.uri = text('x'.repeat(maxLen + 1));
    await assert.rejects(send(api.tx.computeMarket.postJob(long), keys.alice), /1002|Verification Error/);
    await assert.rejects(send(api.tx.computeMarket.postJob(spec({ replicas: 0 })), keys.alice),
      (e) => /^computeMarket\.InvalidReplicas: /.test(e.message));
    // Long bidding, execution and reveal periods: the bid, the commit and the checks below
    // must land in them, whatever the load (the balance check waits for the wrong reveal's
    // final block; a reveal window ending before it refunds the escrow).
    const jobId = await postJob('alice', spec({ maxPrice: ALM(2), bidding: 12, execution: 20, reveal: 30 }));
    await assert.rejects(send(api.tx.computeMarket.placeBid(jobId, ALM(3), await bondFor(jobId)), keys.bob),
      (e) => /^computeMarket\.PriceAboveMax: /.test(e.message));
    await send(api.tx.computeMarket.placeBid(jobId, ALM(2), await bondFor(jobId)), keys.bob, { until: 'block' });
    // A result hash that is not 32 bytes of hex is refused before anything is sent.
    await assert.rejects(
      script('commit.mjs', '--suri', '//Bob', '--job', String(jobId), '--result-hash', 'result-1'),
      (e) => e.code === 1 && /--result-hash 0x<64 hex digits>/.test(e.stderr),
    );
    await waitForStatus(jobId, ['Committing']);
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await waitForStatus(jobId, ['Revealing']);
    await assert.rejects(
      send(api.tx.computeMarket.revealResult(jobId, resultHash(1), blake2AsHex('wrong salt'), text('x')), keys.bob),
      (e) => /^computeMarket\.RevealMismatch: /.test(e.message),
    );
    const details = await job(jobId);
    assert.ok(details.assignments[0].reveal.isNone, 'the wrong reveal changed nothing');
    assert.equal((await api.query.computeMarket.nextJobId()).toNumber(), nextJob + 1);
    // Only the fees of the failed calls left the accounts, and the job's escrow is held.
    // Alice's escrow (2 ALM) and deposit and Bob's bid bond (1 ALM) are held; besides, only
    // fees moved.
    await assertMoved(before, { alice: -ALM(2) - deposit, bob: -ALM(1) });
    // Accepting a result that is not in its challenge window is refused by name.
    await assert.rejects(
      script('accept-result.mjs', '--suri', '//Alice', '--job', String(jobId)),
      (e) => e.code === 1 && /computeMarket\.NotChallengeable: /.test(e.stderr),
    );
    await network.waitForFinalized({ name: 'alice', by: 2, timeoutMs: 120000 });
  });

  step('metadata alone documents every call, event, error and storage item', async () => {
    const meta = api.runtimeMetadata.asLatest;
    for (const name of ['ComputeMarket', 'DataRegistry']) {
      const pallet = meta.pallets.find((p) => p.name.toString() === name);
      assert.ok(pallet, `${name} in metadata`);
      const variants = (typeId) => meta.lookup.getSiType(typeId).def.asVariant.variants;
      for (const kind of ['calls', 'events', 'errors']) {
        for (const v of variants(pallet[kind].unwrap().type)) {
          assert.ok(v.docs.join('').trim().length > 0, `${name} ${kind} ${v.name} has docs`);
          for (const f of v.fields) assert.ok(f.name.isSome, `${name} ${kind} ${v.name} fields are named`);
        }
      }
      for (const item of pallet.storage.unwrap().items) {
        assert.ok(item.docs.join('').trim().length > 0, `${name} storage ${item.name} has docs`);
      }
    }
    assert.equal(api.registry.chainDecimals[0], 12);
    // Amounts decode with the chain's 12 decimals and ALM symbol, as Apps shows them.
    assert.match(api.createType('Balance', ALM(1.5)).toHuman(), /^1\.5\d* ALM$/);
  });

  // Last: it changes the job deposit the steps above count on and leaves an upgrade
  // authorized. Its parts run side by side (each account's transactions in turn, `as`) so that
  // their motions share blocks; safe mode waits for the job posted before the parameter
  // changes, and that change's second job waits for safe mode to end.
  step('governance through govern.mjs: a market parameter, root through both bodies, safe mode', async (t) => {
    const newDeposit = deposit * 3n;
    const setDeposit = (value) => api.tx.parameters.setParameter({ Market: { JobDeposit: [null, value] } });
    const jobDeposit = async () => {
      const v = await api.query.parameters.parameters({ Market: { JobDeposit: null } });
      return v.isSome ? v.unwrap().asMarket.asJobDeposit.toBigInt() : null;
    };
    const fast = { until: 'block' };
    const aJob = () => spec({ maxPrice: ALM(1), bidding: 4 });
    // Posted before the parameter changes (by an account that has posted no job so far).
    const before = as('sybil', () => postJob('sybil', aJob()));
    before.catch(() => {});

    const parameter = async (safeModeOver) => {
      const out = await govern('alice', 'propose', 'council', 'parameters.setParameter',
        JSON.stringify({ Market: { JobDeposit: [null, String(newDeposit)] } }));
      assert.match(out, /parameters\.setParameter\(.*jobDeposit.*\)\n  threshold 2 of 3 members; ayes 1 /);
      const index = motionIndex(out, 'council');
      assert.match(await govern('bob', 'vote', 'council', index, 'aye'), /ayes 2, nays 0/);
      const oldJob = await before;
      const closed = await govern('charlie', 'close', 'council', index);
      assert.match(closed, /parameters\.Updated/);
      assert.match(closed, new RegExp(`council motion #${index} approved\nexecuted: ok`));
      assert.equal(await jobDeposit(), newDeposit);
      // Safe mode filters market calls; the next job waits for it to end.
      await safeModeOver;
      const newJob = await as('sybil', () => postJob('sybil', aJob()));
      const depositOf = async (id) => (await api.query.computeMarket.jobs(id)).unwrap().deposit.toBigInt();
      assert.equal(await depositOf(newJob), newDeposit, 'a job posted after the change holds the new deposit');
      assert.equal(await depositOf(oldJob), deposit, 'a job posted before keeps its own');
      assert.equal((await holds(keys.sybil.address)).JobDeposit, deposit + newDeposit);
    };

    const refused = async () => {
      const other = newDeposit * 2n;
      await assert.rejects(as('arb1', () => send(setDeposit(other), keys.arb1)), (e) => /^BadOrigin/.test(e.message));
      const m = await as('bob', () => propose(api, keys.bob, 'council', setDeposit(other).method, fast));
      assert.equal((await as('charlie', () => vote(api, keys.charlie, 'council', m.index, false, fast))).nays, 1);
      assert.equal((await as('alice', () => vote(api, keys.alice, 'council', m.index, false, fast))).nays, 2);
      const c = await as('arb1', () => close(api, keys.arb1, 'council', m.index));
      assert.equal(c.approved, false, 'one aye, two nays: disapproved');
      assert.equal(c.executed, false);
      assert.notEqual(await jobDeposit(), other);
    };

    const root = async () => {
      const code = path.join(network.dir, 'runtime.compact.compressed.wasm');
      const otherCode = path.join(network.dir, 'other.compact.compressed.wasm');
      // Authorizing stores only the hash: any bytes do.
      fs.writeFileSync(code, 'a runtime whose hash both bodies authorize');
      fs.writeFileSync(otherCode, 'a runtime nobody authorized');
      const codeHash = blake2AsHex(fs.readFileSync(code), 256);
      const authorized = async (at) => {
        const a = await (at ? await api.at(at) : api).query.system.authorizedUpgrade();
        return a.isSome ? a.unwrap().codeHash.toHex() : null;
      };
      const [councilOut, committeeOut] = await Promise.all([
        govern('charlie', 'propose', 'council', '--root', '--upgrade', code),
        govern('dave', 'propose', 'committee', '--root', '--upgrade', code),
      ]);
      assert.match(councilOut, new RegExp(`whitelist\\.dispatchWhitelistedCallWithPreimage\\(system\\.authorizeUpgrade\\("${codeHash}"\\)\\)`));
      assert.match(committeeOut, /whitelist\.whitelistCall\("0x[0-9a-f]{64}"\)/);
      const [council, committee] = [motionIndex(councilOut, 'council'), motionIndex(committeeOut, 'committee')];
      await Promise.all([
        govern('alice', 'vote', 'council', council, 'aye'),
        govern('eve', 'vote', 'committee', committee, 'aye'),
        // Before both bodies agreed, nobody can send the call on.
        assert.rejects(govern('arb2', 'dispatch', '--upgrade', code),
          (e) => e.code === 1 && /error: whitelist\.DeferredDispatchNotFound: /.test(e.stderr)),
      ]);
      // The Council first: its motion passes, but only defers the call until the whitelist.
      assert.match(await govern('bob', 'close', 'council', council), /whitelist\.DispatchDeferred/);
      assert.equal(await authorized(), null, 'the Council alone is not root');
      assert.match(await govern('ferdie', 'close', 'committee', committee), /whitelist\.CallWhitelisted/);
      // Both agreed: anyone sends the call on (what govern.mjs dispatch does), and root
      // authorizes the upgrade.
      const sent = await as('arb2', () => dispatchWhitelisted(api, keys.arb2, upgradeCall(api, fs.readFileSync(code)), fast));
      assert.deepEqual(sent.failures, []);
      assert.ok(sent.events.some(({ event }) => api.events.system.UpgradeAuthorized.is(event)), 'root authorized the upgrade');
      assert.equal(await authorized(sent.blockHash), codeHash);
      await assert.rejects(govern('arb2', 'apply-upgrade', otherCode),
        (e) => e.code === 1 && /error: system\.Unauthorized: /.test(e.stderr));
    };

    const safeMode = async () => {
      // Both motions get their two ayes first; closing them enters safe mode and ends it.
      const ready = async (body, call, proposer, second) => {
        const m = await as(proposer, () => propose(api, keys[proposer], body, call, fast));
        await as(second, () => vote(api, keys[second], body, m.index, true, fast));
        return m.index;
      };
      const [enter, exit] = await Promise.all([
        ready('committee', api.tx.safeMode.forceEnter().method, 'eve', 'ferdie'),
        ready('council', api.tx.safeMode.forceExit().method, 'bob', 'charlie'),
      ]);
      await before;
      const entered = await as('arb1', () => close(api, keys.arb1, 'committee', enter, { ...fast, followFinal: true }));
      assert.ok(entered.events.some(({ event }) => api.events.safeMode.Entered.is(event)), 'safe mode entered');
      await assert.rejects(as('arb3', () => send(api.tx.computeMarket.postJob(aJob()), keys.arb3, fast)),
        (e) => /^system\.CallFiltered: /.test(e.message));
      const exited = await as('arb1', () => close(api, keys.arb1, 'council', exit, { ...fast, followFinal: true }));
      assert.ok(exited.events.some(({ event }) => api.events.safeMode.Exited.is(event)), 'safe mode ended');
      const works = await as('arb3', () => send(api.tx.computeMarket.postJob(aJob()), keys.arb3));
      // The market's clock, in the finalized blocks: each block of safe mode counted, none after.
      const clock = async (hash) => ({
        block: (await api.rpc.chain.getHeader(hash)).number.toNumber(),
        paused: (await (await api.at(hash)).query.computeMarket.pausedBlocks()).toNumber(),
      });
      const [on, off, after] = await Promise.all([
        entered.final.then((f) => clock(f.blockHash)),
        exited.final.then((f) => clock(f.blockHash)),
        clock(works.blockHash),
      ]);
      assert.ok(off.block - on.block >= 2, 'the refused market call came in between');
      assert.equal(off.paused - on.paused, off.block - on.block, 'every block of safe mode is paused');
      assert.equal(after.paused, off.paused, 'no block after it');
    };

    const safeModeRun = safeMode();
    const parts = [
      ['two thirds of the Council set the job deposit with govern.mjs; a job posted after holds it, one posted before keeps its own',
        parameter(safeModeRun.catch(() => {}))],
      ['a Council motion with one aye and two nays is disapproved and changes nothing; a non-member cannot set a parameter', refused()],
      ['root needs both bodies: the Council\'s dispatch alone authorizes nothing, after the committee\'s whitelist anyone sends it on; apply-upgrade of other code is refused', root()],
      ['safe mode: the committee enters it, market calls are filtered and the market\'s clock stops until the Council ends it', safeModeRun],
    ];
    await Promise.all(parts.map(([name, running]) => t.test(name, () => running)));
    // A subtest's failure does not reject `t.test`: the step fails (and keeps the network's
    // folder) on the parts themselves.
    await Promise.all(parts.map(([, running]) => running));
  }, { concurrency: true });
});
