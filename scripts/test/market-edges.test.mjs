// End-to-end tests of the compute market and data registry through polkadot.js on a real
// 4-validator network, balances checked by exact amounts. This file: a job nobody bids on
// expires with no call, a permissioned dataset denied, granted, paid and revoked, bad input
// refused with named errors and nothing changed, and metadata that documents every call,
// event, error and storage item. What no unit test shows: the deadline queue and the registry
// wired into the runtime, errors and metadata as polkadot.js and the scripts show them.
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { ChainError } from '../lib/client.mjs';
import {
  ALM, api, assertMoved, bondFor, commitment, deposit, fee, fees, free, holds, job, keys,
  marketSuite, network, postJob, resultHash, runJob, script, send, snapshot, spec, text,
  waitForStatus,
} from './market-network.mjs';

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
});
