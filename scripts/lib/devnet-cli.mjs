// The devnet launcher behind scripts/devnet.sh: start | stop | status of a local network.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Network, heads, isOurNode, sleep } from './network.mjs';

const HELP = `Usage: devnet.sh [start] [options] | stop | status

Starts a local Allmende network of validators on 127.0.0.1 and waits until it finalizes.

Options (start):
  --nodes N        number of validators: alice, bob, charlie, dave, eve, ferdie (default 4)
  --dev            a single validator (Alice) on the development chain
  --fresh          delete the chain data first (otherwise a restart keeps the chain)
  --rpc-port P     RPC/WebSocket port of the first node; the others follow (default 9944)
  --p2p-port P     p2p port of the first node; the others follow (default 30333)
  --dir DIR        data, keys and logs (default .devnet in the checkout)
  -h, --help       this text`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    nodes: { type: 'string', default: '4' },
    dev: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    'rpc-port': { type: 'string', default: '9944' },
    'p2p-port': { type: 'string', default: '30333' },
    dir: { type: 'string', default: path.join(process.env.ALLMENDE_ROOT ?? '.', '.devnet') },
    bin: { type: 'string', default: process.env.ALLMENDE_NODE_BIN },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const command = positionals[0] ?? 'start';
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const appsLink = (port) =>
  `https://polkadot.js.org/apps/?rpc=${encodeURIComponent(`ws://127.0.0.1:${port}`)}#/explorer`;

async function status() {
  const saved = Network.load(values.dir);
  if (!saved) {
    console.log(`No devnet running from ${values.dir}.`);
    return 1;
  }
  let down = 0;
  for (const n of saved.nodes) {
    const alive = isOurNode(n.pid);
    let line = `${n.name.padEnd(8)} pid ${String(n.pid).padEnd(8)} ws://127.0.0.1:${n.rpcPort}`;
    if (alive) {
      try {
        const h = await heads(n.rpcPort);
        line += `  best #${h.best}  finalized #${h.finalized}`;
      } catch (e) {
        line += `  (RPC not answering: ${e.message})`;
      }
    } else {
      line += '  (not running)';
      down += 1;
    }
    console.log(line);
  }
  console.log(`logs: ${path.join(saved.dir, 'logs')}`);
  return down === 0 ? 0 : 1;
}

async function stop() {
  const saved = Network.load(values.dir);
  if (!saved) {
    console.log('No devnet running.');
    return 0;
  }
  for (const n of saved.nodes) {
    if (isOurNode(n.pid)) process.kill(n.pid, 'SIGTERM');
  }
  const deadline = Date.now() + 30000;
  while (saved.nodes.some((n) => isOurNode(n.pid)) && Date.now() < deadline) await sleep(200);
  for (const n of saved.nodes) {
    if (isOurNode(n.pid)) process.kill(n.pid, 'SIGKILL');
  }
  fs.rmSync(path.join(saved.dir, 'network.json'), { force: true });
  console.log(`Stopped ${saved.nodes.length} node(s). Chain data kept in ${saved.dir}/nodes.`);
  return 0;
}

async function start() {
  const saved = Network.load(values.dir);
  if (saved && saved.nodes.some((n) => isOurNode(n.pid))) {
    console.error('A devnet is already running from this folder (devnet.sh status; devnet.sh stop).');
    return 1;
  }
  if (!values.bin || !fs.existsSync(values.bin)) {
    console.error(`Node binary not found: ${values.bin}`);
    return 1;
  }
  const nodes = values.dev ? 1 : Number(values.nodes);
  if (!Number.isInteger(nodes)) {
    console.error(`--nodes must be a number, not "${values.nodes}"`);
    return 1;
  }
  const chain = values.dev ? 'dev' : 'local';
  if (values.fresh) {
    fs.rmSync(path.join(values.dir, 'nodes'), { recursive: true, force: true });
    fs.rmSync(path.join(values.dir, 'logs'), { recursive: true, force: true });
  }
  const marker = path.join(values.dir, 'chain');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== `${chain}:${nodes}`) {
    console.error(
      `The chain data in ${values.dir} is for "${fs.readFileSync(marker, 'utf8')}"; ` +
        'start it the same way or add --fresh.',
    );
    return 1;
  }
  const network = new Network({
    bin: values.bin,
    dir: values.dir,
    nodes,
    chain,
    detached: true,
    ports: { rpc: Number(values['rpc-port']), p2p: Number(values['p2p-port']) },
  });
  await network.prepare();
  fs.writeFileSync(marker, `${chain}:${nodes}`);
  await network.start();
  console.log(`Started ${nodes} validator(s) on the ${chain} chain; logs in ${network.logDir}`);
  try {
    await network.waitForRpc(60000);
    const h = await network.waitForFinalized({ by: 2, timeoutMs: 180000 });
    console.log(`Finalized head is advancing (#${h.finalized}, best #${h.best}).\n`);
  } catch (e) {
    console.error(`The devnet did not come up: ${e.message}`);
    await network.stop();
    return 1;
  }
  for (const name of network.names) {
    const port = network.rpcPort(name);
    console.log(`${name.padEnd(8)} ${network.wsUrl(name).padEnd(22)} ${appsLink(port)}`);
  }
  console.log('\nStop with: ./scripts/devnet.sh stop');
  return 0;
}

const commands = { start, stop, status };
if (!commands[command]) {
  console.error(`Unknown command "${command}".\n\n${HELP}`);
  process.exit(2);
}
process.exit(await commands[command]());
