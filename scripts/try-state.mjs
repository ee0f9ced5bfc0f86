#!/usr/bin/env node
// Runs every pallet's try_state checks (held funds match the records, indexes and counters
// agree, every unfinished job's deadline is queued) against the chain's finalized state.
// Needs a node running the try-runtime build of the runtime: see "Checking a running chain's
// invariants" in the README.
import { blake2AsHex } from '@polkadot/util-crypto';
import { script } from './lib/cli.mjs';

// `UpgradeCheckSelect::TryState`: run the try_state hooks, no migration checks.
const TRY_STATE = '0x03';

script({
  usage: `Usage: node scripts/try-state.mjs [--ws URL]

Asks the node to run frame-executive's try_runtime_upgrade with try_state checks on the
finalized block's state (nothing is written). Prints the block and exits 0 when every check
passes; prints the failed check and exits 1 otherwise.`,
  signed: false,
  main: async ({ api }) => {
    const hash = await api.rpc.chain.getFinalizedHead();
    const header = await api.rpc.chain.getHeader(hash);
    const version = await api.rpc.state.getRuntimeVersion(hash);
    const tryRuntime = blake2AsHex('TryRuntime', 64);
    if (!version.apis.some(([id]) => id.toHex() === tryRuntime)) {
      throw new Error(
        `the node runs spec version ${version.specVersion} without the TryRuntime API: start it ` +
          'with --runtime-overrides pointing at the try-runtime build (see README)',
      );
    }
    let out;
    try {
      out = await api.rpc.state.call('TryRuntime_on_runtime_upgrade', TRY_STATE, hash);
    } catch (e) {
      // The runtime aborts on the first failed pallet; the node's log names the check
      // ("try_state checks failed: …").
      throw new Error(`try_state failed at #${header.number} (${hash.toHex()}): ` +
        `${e.message.split('\n')[0]}; the node's log names the failed check`);
    }
    const [used] = api.createType('(SpWeightsWeightV2Weight, SpWeightsWeightV2Weight)', out);
    console.log(`try_state of every pallet passed at finalized block #${header.number} (${hash.toHex()}); ` +
      `ref time ${used.refTime.unwrap().toBigInt() / 1_000_000_000n} ms`);
  },
});
