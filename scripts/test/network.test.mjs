// The test networks' launcher without a node: a node whose `--rpc-port` was taken after the
// launcher picked it (another process's connection can take a free port first) binds another
// port and says so in its log; the launcher must follow it there instead of waiting for the
// taken port until it gives up.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { Network, freePort } from '../lib/network.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('a node that bound another RPC port than it was given is followed there', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allmende-network-'));
  // The port the launcher picked, then taken by someone else (a socket that never answers).
  const taken = net.createServer();
  await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const takenPort = taken.address().port;
  const network = new Network({
    bin: path.join(here, 'fixtures', 'fake-allmende-node.mjs'), dir, nodes: 1, wasmtimeCache: null,
  });
  network.nodes.set('alice', {
    name: 'alice', rpcPort: takenPort, p2pPort: await freePort(), keyFile: path.join(dir, 'key'),
    peerId: 'none', devKeys: true, proc: null, pid: null,
  });
  fs.mkdirSync(network.logDir, { recursive: true });
  // An earlier start's line in the same log is not this start's port.
  fs.writeFileSync(path.join(network.logDir, 'alice.log'), 'Running JSON-RPC server: addr=127.0.0.1:1,[::1]:1\n');
  try {
    network.startNode('alice');
    await network.waitForRpc(20000);
    const followed = network.rpcPort('alice');
    assert.notEqual(followed, takenPort);
    assert.notEqual(followed, 1);
    assert.equal(JSON.parse(fs.readFileSync(network.stateFile, 'utf8')).nodes[0].rpcPort, followed,
      'the saved network names the port the node serves');
  } finally {
    await network.stopNode('alice');
    taken.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
