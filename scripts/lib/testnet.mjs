// Test harness: a real network of validators on free loopback ports, torn down after the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Network } from './network.mjs';

const BIN = process.env.ALLMENDE_NODE_BIN;

/**
 * Starts `nodes` validators of `chain` (see `Network`) in a temporary folder and waits until
 * they finalize. With `spec` and `validators` it starts those validators of that chain spec
 * instead, from their own base paths (a network `scripts/testnet.mjs new` made); the
 * temporary folder then holds only the logs.
 */
export async function startNetwork({ nodes = 4, chain = 'local', spec, validators } = {}) {
  if (!BIN || !fs.existsSync(BIN)) {
    throw new Error(`ALLMENDE_NODE_BIN does not name a built node: ${BIN}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-e2e-'));
  const network = new Network({ bin: BIN, dir, nodes, chain, spec, validators });
  // Whatever happens to the test process, the nodes it started die with it.
  const killAll = () => {
    for (const n of network.nodes.values()) {
      if (n.proc && n.proc.exitCode === null) n.proc.kill('SIGKILL');
    }
  };
  process.once('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      killAll();
      process.exit(130);
    });
  }
  try {
    await network.start();
    // On two cores beside other test networks a node can take minutes to open its RPC.
    await network.waitForRpc();
    await network.waitForFinalized({ by: 1, timeoutMs: 120000 });
  } catch (e) {
    await stopNetwork(network, { keep: true });
    throw e;
  }
  return network;
}

/** Stops the nodes; keeps the folder (logs) only when asked, e.g. after a failure. */
export async function stopNetwork(network, { keep = false } = {}) {
  await network.stop();
  if (keep || process.env.ALLMENDE_KEEP_TEST_DATA) {
    console.error(`test network data kept in ${network.dir}`);
  } else {
    fs.rmSync(network.dir, { recursive: true, force: true });
  }
}
