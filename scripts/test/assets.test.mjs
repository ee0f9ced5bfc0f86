// End-to-end test of data sovereignty with agents on a real network: a permissioned model and
// dataset hosted by their owner's agent (`allmende-agent host`) reach only providers assigned
// to jobs that name them; a requester without access and its own provider get nothing; the
// owner is paid its royalty; a provider that fetched the content and says it could not is
// overturned by the owner's challenge. What no unit test shows: the host's signed downloads
// checked against the live chain's assignments, and the owner's challenge from its host.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startHost } from '../lib/agents.mjs';
import { signer, submit } from '../lib/client.mjs';
import { declaredSize } from '../lib/market.mjs';
import {
  AGENT_BIN, address, agents, api, events, execFileP, jobEvents, localAnswer, markFailed, network, runJob, standingOffer, UNIT,
  until, useAgentNetwork,
} from './agent-network.mjs';

useAgentNetwork({
  prepare: [1, 2, 3, 4],
  overrides: {
    3: { offers: [standingOffer('1')] },
    // A provider that fetches a job's content and then says it could not get it.
    4: {
      price: '0.5',
      fault: 'claim-unavailable',
      arbiter: false,
      offers: [standingOffer('0.5')],
    },
  },
  start: ['agent1', 'agent2', 'agent3'],
});

/** An `.npy` file of float32 values in C order (NumPy format 1.0). */
function npyF32(shape, values) {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const dataAt = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = `${dict.padEnd(dataAt - 11, ' ')}\n`;
  const buf = Buffer.alloc(dataAt + 4 * values.length);
  buf.write('\x93NUMPY', 0, 'latin1');
  buf[6] = 1;
  buf.writeUInt16LE(header.length, 8);
  buf.write(header, 10, 'latin1');
  values.forEach((v, i) => buf.writeFloatLE(v, dataAt + 4 * i));
  return buf;
}

/**
 * `GET url?job=N` signed by `suri` as an agent signs it, polled until the server's finalized
 * block has the job; resolves with { status, body }.
 */
async function signedGet(url, suri, job) {
  const pair = await signer(suri);
  const u = new URL(url);
  const hash = u.pathname.split('/').pop();
  return until(`the server at ${u.host} to know job ${job}`, async () => {
    const time = Math.floor(Date.now() / 1000);
    const signature = pair.sign(stringToU8a(`allmende-blob:${u.host}:${hash}:${job}:${time}`));
    const res = await fetch(`${u.origin}${u.pathname}?job=${job}`, {
      headers: {
        'x-allmende-account': u8aToHex(pair.publicKey),
        'x-allmende-time': String(time),
        'x-allmende-signature': u8aToHex(signature),
      },
    });
    const body = await res.text();
    return /no such job/.test(body) ? null : { status: res.status, body };
  }, 60000);
}

test('a permissioned model hosted by its owner reaches only providers assigned to jobs that name it', async (t) => {
  const dir = fs.mkdtempSync(path.join(network.dir, 'host-'));
  const model = path.join(dir, 'classifier.onnx');
  const input = path.join(dir, 'x.npy');
  let host;
  let dataHost;
  try {
    await execFileP(AGENT_BIN, ['example-model', model]);
    fs.writeFileSync(input, npyF32([1, 4], [0.5, -1.25, 3, 0.75]));
    const expected = await localAnswer(model, input);
    // A dataset Eve also owns: a job of her model on it uses nothing but her content.
    const data = path.join(dir, 'y.npy');
    fs.writeFileSync(data, npyF32([1, 4], [2, 0.25, -0.5, 1]));
    const expectedOnData = await localAnswer(model, data);
    const bob = (await signer('//Bob')).address;
    const charlie = await signer('//Charlie');
    // //Eve owns the model; Bob may use it in jobs, for a royalty of 1 ALM.
    host = await startHost([
      model, '--node', network.wsUrl(), '--suri', '//Eve', '--data-dir', path.join(dir, 'owner'),
      '--listen', '127.0.0.1:0', '--royalty', '1', '--grant', bob,
    ]);
    // Eve's dataset, from a second server of hers.
    dataHost = await startHost([
      data, '--kind', 'dataset', '--node', network.wsUrl(), '--suri', '//Eve', '--data-dir', path.join(dir, 'owner-data'),
      '--listen', '127.0.0.1:0', '--royalty', '1', '--grant', bob,
    ]);
    const dataAsset = dataHost.asset;
    const { asset } = host;
    const lastJob = events.filter((e) => e.method === 'JobPosted').reduce((m, e) => Math.max(m, e.data.jobId), -1);

    // Bob's job names the model; one agent wins it.
    const running = runJob(['--model', `asset:${asset}`, '--input', input, '--replicas', '1', '--max-royalties', '1', '--accept']);
    const assigned = await until('Bob\'s job to be assigned', () => events.find((e) => e.method === 'JobAssigned' &&
      e.data.jobId > lastJob && jobEvents(e.data.jobId, 'JobPosted').some((p) => p.data.requester === bob)));
    const job = assigned.data.jobId;
    const winner = [...agents.agents.values()].find((a) => a.address === assigned.data.providers[0]);
    const bystander = ['agent1', 'agent2', 'agent3'].find((n) => n !== winner.name);
    const asBystander = await signedGet(host.url, `//Agent${bystander.slice(-1)}`, job);
    const asRequester = await signedGet(host.url, '//Bob', job);
    const granted = await running;
    const record = (await api.query.dataRegistry.assets(asset)).unwrap();

    // Charlie, who was not granted the model, and agent3, a provider Charlie also controls.
    const offer = await until('agent3 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent3'));
    });
    const offerId = offer[0].args[0].toNumber();
    const spec = (assets) => ({
      workload: { kind: 'Onnx', content: { hash: host.hash, uri: host.url, size: declaredSize(host.url) } },
      input: { hash: blake2AsHex('x'), uri: `http://127.0.0.1:9/blob/${blake2AsHex('x')}`, size: 1 },
      requirements: { gpuCount: 0, vramGib: 0, cpuCores: 0, ramGib: 0 },
      region: null,
      replicas: 1,
      maxPrice: 2n * UNIT,
      biddingPeriod: 10,
      executionPeriod: 8,
      revealPeriod: 6,
      minReputation: null,
      assets,
      maxRoyalties: 2n * UNIT,
    });
    const naming = await submit(api, api.tx.computeMarket.acceptOffer(offerId, spec([asset])), charlie)
      .then(() => 'accepted', (e) => e.message);
    // Not naming the model: the registry is not asked, agent3 is assigned at once.
    const { events: evs } = await submit(api, api.tx.computeMarket.acceptOffer(offerId, spec([])), charlie);
    const taken = evs.find(({ event }) => event.method === 'JobPosted').event.data.jobId.toNumber();
    const asAgent3 = await signedGet(host.url, '//Agent3', taken);
    await until(`job ${taken} to reach its challenge window`, async () => {
      const j = await api.query.computeMarket.jobs(taken);
      return j.isSome && j.unwrap().status.type === 'ChallengeWindow';
    }, 300000);
    await submit(api, api.tx.computeMarket.acceptResult(taken), charlie);
    await until(`the events of job ${taken}`, () => jobEvents(taken, 'JobSettled').length > 0, 60000);
    const afterCharlie = (await api.query.dataRegistry.assets(asset)).unwrap();

    // The royalty dodge: agent4, a provider that fetches a job's content and then says it
    // could not get it, takes Bob's job of Eve's model on Eve's dataset through its standing
    // offer. The owner's host gave it both, so it challenges; the drawn arbiter agents fetch
    // them and compute.
    agents.start('agent4');
    await agents.waitRegistered(api, { names: ['agent4'] });
    const offer4 = await until('agent4 to post its standing offer', async () => {
      const entries = await api.query.computeMarket.offers.entries();
      return entries.find(([, o]) => o.unwrap().provider.toString() === address('agent4'));
    });
    const dodged = await runJob(['--model', `asset:${asset}`, '--input', `asset:${dataAsset}`, '--offer', String(offer4[0].args[0].toNumber()), '--max-royalties', '2'])
      .finally(() => agents.stop('agent4'));
    const afterDodge = (await api.query.dataRegistry.assets(asset)).unwrap();

    await t.test('the assigned provider runs the hosted model; the owner is paid its royalty', async () => {
      assert.equal(granted.job, job);
      assert.equal(granted.answer, expected);
      assert.deepEqual(jobEvents(job, 'ProviderPaid').map((e) => e.data.provider), [winner.address]);
      assert.match(agents.log(winner.name), new RegExp(`job ${job}: fetched ${host.hash}`));
      assert.equal(record.uses.toNumber(), 1);
      assert.equal(record.royaltiesPaid.toBigInt(), UNIT);
    });

    await t.test('a provider not assigned to the job, and the job\'s own requester, are refused the model', async () => {
      assert.equal(asBystander.status, 403);
      assert.match(asBystander.body, /not assigned/);
      assert.equal(asRequester.status, 403);
      assert.match(asRequester.body, /not assigned/);
    });

    await t.test('a requester without access and its own provider cannot get the model: not by naming it, not by its hash alone', async () => {
      assert.match(naming, /AccessDenied/);
      assert.equal(asAgent3.status, 403);
      assert.match(asAgent3.body, /which the job does not name/);
      assert.equal(jobEvents(taken, 'ResultVerified')[0]?.data.resultHash, api.consts.computeMarket.contentUnavailable.toHex());
      assert.match(agents.log('agent3'), new RegExp(`job ${taken}: .*which the job does not name`));
      assert.doesNotMatch(agents.log('agent3'), new RegExp(`job ${taken}: fetched`));
      assert.equal(afterCharlie.uses.toNumber(), 1, 'a job that does not name the model pays no royalty');
    });

    await t.test('a provider that got the model and says it could not is overturned by the owner\'s challenge; the owner is paid', async () => {
      const unavailable = api.consts.computeMarket.contentUnavailable.toHex();
      const reveals = jobEvents(dodged.job, 'ResultRevealed');
      assert.equal(reveals.find((e) => e.data.provider === address('agent4'))?.data.resultHash, unavailable);
      assert.match(agents.log('agent4'), new RegExp(`job ${dodged.job}: fetched ${host.hash}`));
      assert.match(agents.log('agent4'), new RegExp(`job ${dodged.job}: fetched ${dataHost.hash}`));
      const challenged = jobEvents(dodged.job, 'ResultChallenged');
      assert.deepEqual(challenged.map((e) => e.data.challenger), [(await signer('//Eve')).address]);
      // Both of Eve's servers gave agent4 its content; the first to see the window challenges.
      const said = new RegExp(`job ${dodged.job}: its providers say they could not get the content this server gave them; challenging`);
      assert.ok(said.test(host.log()) || said.test(dataHost.log()));
      // The arbiters computed the model's answer; it is the verified result.
      assert.equal(dodged.answer, expectedOnData);
      const verified = jobEvents(dodged.job, 'ResultVerified');
      assert.equal(verified.length, 1);
      assert.notEqual(verified[0].data.resultHash, unavailable);
      // agent4 is neither paid nor slashed (a server could have refused it); the owner gets
      // its bond back and its royalty.
      assert.equal(jobEvents(dodged.job, 'ProviderPaid').filter((e) => e.data.provider === address('agent4')).length, 0);
      assert.equal(jobEvents(dodged.job, 'BondSlashed').length, 0);
      assert.equal(jobEvents(dodged.job, 'ChallengeBondForfeited').length, 0);
      assert.equal(afterDodge.uses.toNumber(), afterCharlie.uses.toNumber() + 1);
      assert.equal(afterDodge.royaltiesPaid.toBigInt() - afterCharlie.royaltiesPaid.toBigInt(), UNIT);
      const dataRecord = (await api.query.dataRegistry.assets(dataAsset)).unwrap();
      assert.equal(dataRecord.royaltiesPaid.toBigInt(), UNIT);
    });
  } catch (e) {
    markFailed();
    throw e;
  } finally {
    host?.proc.kill();
    dataHost?.proc.kill();
  }
});
