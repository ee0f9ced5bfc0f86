// End-to-end tests of the compute market through polkadot.js on a real 4-validator network:
// jobs from post to settlement with every balance and hold checked by exact amounts
// (transaction fees are read from each transaction's own events). This file: a k = 3 job
// paid at the clearing price while a validator is killed, a disputed k = 3 job decided by
// drawn arbiters, a k = 1 job through a standing offer and its challenge. What no unit test
// shows: the runtime's wiring (holds, fees, deadlines in `on_initialize`, BABE randomness for
// the draws) on a live chain that loses a validator, through the scripts users run.
import assert from 'node:assert/strict';
import {
  ALM, api, arbitrate, assertMoved, commitment, deposit, drawnArbiters, event, fee, gained, holds,
  job, keys, marketSuite, network, postJob, resultHash, runJob, saltOf, script, send, snapshot,
  spec, text, waitForStatus,
} from './market-network.mjs';

marketSuite('the compute market through polkadot.js: jobs, disputes and challenges', (step) => {
  step('k = 3, three honest providers (one validator killed meanwhile): all paid the clearing price, rest refunded', async () => {
    const before = await snapshot(['alice', 'bob', 'charlie', 'dave']);
    const jobId = await postJob('alice', spec({ replicas: 3, maxPrice: ALM(10) }));
    assert.equal((await holds(keys.alice.address)).JobEscrow, ALM(30));
    await runJob(jobId, { bob: ALM(5), charlie: ALM(6), dave: ALM(7) }, { bob: 1, charlie: 1, dave: 1 }, {
      // Test 7: a validator dies in the middle of the job; the job still completes.
      onAssigned: () => network.stopNode('dave', 'SIGKILL'),
    });
    // The replicas agree: their result stands after its challenge window, or at once when the
    // requester accepts it.
    assert.equal(await waitForStatus(jobId, ['ChallengeWindow']), 'ChallengeWindow');
    await send(api.tx.computeMarket.acceptResult(jobId), keys.alice, { until: 'block' });
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    network.startNode('dave');
    // Three bids for three replicas: all win, each paid the clearing price (the dearest of
    // the three, 7 ALM), whatever it asked. Alice's job also holds its storage deposit until
    // it is pruned.
    await assertMoved(before, { alice: -ALM(21) - deposit, bob: ALM(7) - fee, charlie: ALM(7) - fee, dave: ALM(7) - fee });
    for (const n of ['alice', 'bob', 'charlie', 'dave']) {
      const h = await holds(keys[n].address);
      assert.equal(h.JobEscrow ?? 0n, 0n, `${n} escrow released`);
      assert.equal(h.BidBond ?? 0n, 0n, `${n} bond released`);
    }
    const out = await script('job.mjs', String(jobId));
    assert.match(out, /Settled/);
    assert.match(out, new RegExp(`agreed: .*${keys.bob.address}`));
  });

  step('k = 3 with one provider revealing a different result: disputed, drawn arbiters decide, it is slashed', async () => {
    const before = await snapshot(['alice', 'bob', 'charlie', 'dave', 'sybil', 'arb1', 'arb2', 'arb3']);
    const jobId = await postJob('alice', spec({ replicas: 3, maxPrice: ALM(10) }));
    await runJob(jobId, { bob: ALM(5), charlie: ALM(6), dave: ALM(7) }, { bob: 1, charlie: 1, dave: 2 });
    const drawn = await drawnArbiters(jobId);
    assert.ok(!drawn.some((n) => ['alice', 'bob', 'charlie', 'dave'].includes(n)), `no party drawn: ${drawn}`);
    await arbitrate(jobId, drawn, () => 1);
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    // Dave's bond (max(10 % of the max price 10, 1) = 1 ALM) and his unpaid price (7 ALM,
    // the clearing price) pay the three arbiters (each owed up to 7 ALM), shared evenly;
    // nothing goes to the requester, who pays the 21 ALM it accepted.
    await assertMoved(before, { alice: -ALM(21) - deposit, bob: ALM(7) - fee, charlie: ALM(7) - fee, dave: -ALM(1) });
    let arbiters = 0n;
    for (const n of drawn) arbiters += await gained(before, n);
    assert.equal(arbiters, ALM(8) - 3n * fee);
    const details = await job(jobId);
    assert.deepEqual(details.result.unwrap().agreed.map(String).sort(),
      [keys.bob.address, keys.charlie.address, ...drawn.map((n) => keys[n].address)].sort());
  });

  step('k = 1 via accept_offer: unchallenged is paid after the window; a challenge the drawn arbiters reject pays the honest provider', async () => {
    // Unchallenged. The offer says the provider needs 6 blocks to run and 6 to reveal.
    let out = await script('post-offer.mjs', '--suri', '//Bob', '--price', '4', '--capacity', '2',
      '--execution', '6', '--reveal', '6');
    const offerId = Number(/offer id: (\d+)/.exec(out)[1]);
    let before = await snapshot(['alice', 'bob']);
    out = await script('accept-offer.mjs', '--suri', '//Alice', '--offer', String(offerId),
      '--workload-uri', 'ipfs://model', '--input-uri', 'ipfs://input', '--max-price', '5',
      '--workload-size', String(1 << 20), '--input-size', '1024',
      '--bidding', '6', '--execution', '6', '--reveal', '6');
    let jobId = Number(/job id: (\d+)/.exec(out)[1]);
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await send(api.tx.computeMarket.revealResult(jobId, resultHash(1), saltOf('bob'), text('ipfs://out')), keys.bob, { until: 'block' });
    assert.equal(await waitForStatus(jobId, ['ChallengeWindow', 'Settled']), 'ChallengeWindow');
    assert.equal(await waitForStatus(jobId, ['Settled']), 'Settled');
    // Fees of the scripts' transactions are not in `fees`; compare through holds and Bob.
    await assertMoved(before, { bob: ALM(4) - fee });

    // A requester cannot give the provider less time than its offer says.
    await assert.rejects(
      send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5), execution: 5 })), keys.alice),
      (e) => /^computeMarket\.PeriodsBelowOffer: /.test(e.message),
    );
    // Nor a workload kind it does not offer (post-offer.mjs offers Wasm and Onnx).
    await assert.rejects(
      send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5), kind: 'Container' })), keys.alice),
      (e) => /^computeMarket\.WorkloadKindNotOffered: /.test(e.message),
    );

    // Challenged: the chain draws the arbiters from a pool in which the requester and its
    // second account sit. Alice is never drawn for her own job; her second account may be,
    // and then reveals a wrong result, but cannot outvote two honest arbiters.
    const coalition = ['alice', 'sybil'];
    before = await snapshot(['alice', 'bob', 'sybil', 'arb1', 'arb2', 'arb3']);
    const { events } = await send(api.tx.computeMarket.acceptOffer(offerId, spec({ maxPrice: ALM(5) })), keys.alice);
    jobId = event(events, 'computeMarket', 'OfferAccepted').data.jobId.toNumber();
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await send(api.tx.computeMarket.revealResult(jobId, resultHash(1), saltOf('bob'), text('ipfs://out')), keys.bob, { until: 'block' });
    await waitForStatus(jobId, ['ChallengeWindow']);
    out = await script('challenge.mjs', '--suri', '//Alice', '--job', String(jobId));
    assert.match(out, /challenge bond: 50/);
    const drawn = await drawnArbiters(jobId);
    assert.ok(!drawn.includes('alice') && !drawn.includes('bob'), `no party drawn: ${drawn}`);
    console.log(`# drawn arbiters of the challenged job: ${drawn.join(', ')}`);
    await arbitrate(jobId, drawn, (n) => (n === 'sybil' ? 2 : 1));
    assert.equal(await waitForStatus(jobId, ['Settled', 'Failed']), 'Settled');
    const details = await job(jobId);
    assert.equal(details.result.unwrap().resultHash.toHex(), resultHash(1));
    // The honest provider is paid its price; every honest arbiter the price the work was sold
    // for (4 ALM, not the job's max price of 5) from the forfeited challenge bond (and the
    // second account's slashed bond, if drawn).
    await assertMoved(before, { bob: ALM(4) - fee });
    for (const n of drawn.filter((d) => d !== 'sybil')) assert.equal(await gained(before, n), ALM(4) - fee, `${n} paid`);
    const together = async () => { let sum = 0n; for (const n of coalition) sum += await gained(before, n); return sum; };
    // Alice paid the price and lost the challenge bond (her script's fees are not counted in
    // `fees`, so compare with at most); her second account gained nothing.
    assert.ok(await together() <= -ALM(54), 'the requester and its second account lost the bond and the price');
    assert.equal(await gained(before, 'sybil'), drawn.includes('sybil') ? -ALM(1) : 0n);

    // An offer that also charges by the unit of work takes only jobs that declare their work
    // in its unit, within its most, and charges its price plus its unit price for it.
    out = await script('post-offer.mjs', '--suri', '//Bob', '--price', '4', '--capacity', '1',
      '--unit', 'tokens', '--unit-price', '0.01', '--max-units', '1000');
    const byUnit = Number(/offer id: (\d+)/.exec(out)[1]);
    assert.equal((await api.query.computeMarket.offerUnitPrices(byUnit)).unwrap().maxAmount.toNumber(), 1000);
    await assert.rejects(
      send(api.tx.computeMarket.acceptOffer(byUnit, spec({ maxPrice: ALM(10) })), keys.alice),
      (e) => /^computeMarket\.WorkNotOffered: /.test(e.message),
    );
    await assert.rejects(
      script('accept-offer.mjs', '--suri', '//Alice', '--offer', String(byUnit),
        '--workload-uri', 'ipfs://model#size=1048576', '--input-uri', 'ipfs://input#size=1024',
        '--max-price', '10', '--work', 'tokens:1001'),
      /WorkAboveOffer/,
    );
    out = await script('accept-offer.mjs', '--suri', '//Alice', '--offer', String(byUnit),
      '--workload-uri', 'ipfs://model#size=1048576', '--input-uri', 'ipfs://input#size=1024',
      '--max-price', '10', '--work', 'tokens:300');
    jobId = Number(/job id: (\d+)/.exec(out)[1]);
    const work = (await api.query.computeMarket.jobWork(jobId)).unwrap();
    assert.deepEqual([work.unit.toString(), work.amount.toNumber()], ['Tokens', 300]);
    assert.equal((await job(jobId)).assignments[0].price.toBigInt(), ALM(4) + 300n * ALM(1) / 100n);
    // Bob runs it as usual.
    await send(api.tx.computeMarket.commitResult(jobId, commitment(resultHash(1), 'bob')), keys.bob, { until: 'block' });
    await send(api.tx.computeMarket.revealResult(jobId, resultHash(1), saltOf('bob'), text('ipfs://out')), keys.bob, { until: 'block' });
    assert.equal(await waitForStatus(jobId, ['ChallengeWindow', 'Settled']), 'ChallengeWindow');
  });
});
