// The devnet launcher behind scripts/devnet.sh: start | stop | status of a local network.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { connect, parseAmount, showAmount, signer, submitAndFinalize } from './client.mjs';
import { Agents, isOurAgent } from './agents.mjs';
import { Network, heads, isOurNode, runs, sleep } from './network.mjs';
import { Indexer, isOurIndexer } from './indexer.mjs';
import { candidacy, generateSessionKeys, setSessionKeys } from './validator.mjs';

const HELP = `Usage: devnet.sh [start] [options] | stop | status | join NAME [--suri SURI] [--bond ALM]

Starts a local Allmende network of validators on 127.0.0.1 and waits until it finalizes.

join NAME adds a validator node to the running devnet: it starts the node, waits until it has
synced, has it make session keys, registers them (session.setKeys) and makes the account a
candidate (collatorSelection.registerAsCandidate). The node joins the validator set at a
session boundary (a session is 1 minute on the devnet). The account is --suri (default
//Name, e.g. //Eve); on this devnet //Alice funds it if it cannot pay the bond. A joined node
is restarted with the devnet.

Options (start):
  --nodes N        number of validators: alice, bob, charlie, dave, eve, ferdie (default 4)
  --dev            a single validator (Alice) on the development chain
  --fresh          delete the chain data first (otherwise a restart keeps the chain)
  --rpc-port P     RPC/WebSocket port of the first node; the others follow (default 9944)
  --runtime-overrides DIR
                   run the WASM runtimes in DIR instead of the on-chain runtime of the same
                   spec version (for example the try-runtime build; see README)
  --p2p-port P     p2p port of the first node; the others follow (default 30333)
  --providers N    provider agents to start beside the validators (allmende-agent provide,
                   accounts //Agent1 ... //AgentN funded by //Alice; default 3, 0 for none)
  --explorer-port P
                   where the market explorer page is served (default 8800, 0 for none)
  --indexer-port P where the indexer's GraphQL API listens (default 4350, 0 for no indexer);
                   the indexer follows the first node's finalized blocks into a PostgreSQL
                   cluster of its own under DIR/indexer
  --postgres-port P
                   the indexer's PostgreSQL (default 5433, on 127.0.0.1)
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
    providers: { type: 'string', default: '3' },
    'explorer-port': { type: 'string', default: '8800' },
    'indexer-port': { type: 'string', default: '4350' },
    'postgres-port': { type: 'string', default: '5433' },
    dir: { type: 'string', default: path.join(process.env.ALLMENDE_ROOT ?? '.', '.devnet') },
    suri: { type: 'string' },
    bond: { type: 'string' },
    bin: { type: 'string', default: process.env.ALLMENDE_NODE_BIN },
    'runtime-overrides': { type: 'string' },
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
  for (const a of readAgents()) {
    const alive = isOurAgent(a.pid);
    console.log(`${a.name.padEnd(8)} pid ${String(a.pid).padEnd(8)} http://127.0.0.1:${a.port}  ${a.address}` +
      `${alive ? '' : '  (not running)'}`);
    if (!alive) down += 1;
  }
  const ex = readExplorer();
  if (ex) {
    const alive = isOurExplorer(ex.pid);
    console.log(`explorer pid ${String(ex.pid).padEnd(8)} ${ex.url}${alive ? '' : '  (not running)'}`);
    if (!alive) down += 1;
  }
  const ix = readIndexer();
  if (ix) {
    const alive = isOurIndexer(ix.pid);
    let line = `indexer  pid ${String(ix.pid).padEnd(8)} ${ix.url}`;
    if (alive) {
      const height = await indexerOf(ix).height().catch(() => -1);
      line += height >= 0 ? `  indexed #${height}` : '  (nothing indexed yet)';
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
  const agents = readAgents();
  for (const a of agents) {
    if (isOurAgent(a.pid)) process.kill(a.pid, 'SIGTERM');
  }
  const ex = readExplorer();
  if (ex && isOurExplorer(ex.pid)) process.kill(ex.pid, 'SIGTERM');
  fs.rmSync(explorerFile(), { force: true });
  const ix = readIndexer();
  if (ix) {
    try {
      await indexerOf(ix).stop(ix.pid);
    } catch (e) {
      console.error(`The indexer's PostgreSQL did not stop: ${e.message}`);
    }
    fs.rmSync(indexerFile(), { force: true });
  }
  for (const n of saved.nodes) {
    if (isOurNode(n.pid)) process.kill(n.pid, 'SIGTERM');
  }
  const deadline = Date.now() + 30000;
  const explorerUp = () => ex && isOurExplorer(ex.pid);
  while ((saved.nodes.some((n) => isOurNode(n.pid)) || explorerUp()) && Date.now() < deadline) await sleep(200);
  if (explorerUp()) process.kill(ex.pid, 'SIGKILL');
  for (const n of saved.nodes) {
    if (isOurNode(n.pid)) process.kill(n.pid, 'SIGKILL');
  }
  for (const a of agents) {
    if (isOurAgent(a.pid)) process.kill(a.pid, 'SIGKILL');
  }
  fs.rmSync(path.join(saved.dir, 'network.json'), { force: true });
  fs.rmSync(agentsFile(), { force: true });
  console.log(`Stopped ${saved.nodes.length} node(s), ${agents.length} agent(s)${ix ? ' and the indexer' : ''}. ` +
    `Chain data kept in ${saved.dir}/nodes, agent state in ${saved.dir}/agents` +
    `${ix ? `, the index in ${saved.dir}/indexer` : ''}.`);
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
  const overrides = values['runtime-overrides'];
  if (overrides && !fs.existsSync(overrides)) {
    console.error(`--runtime-overrides: no folder ${overrides}`);
    return 1;
  }
  const providers = Number(values.providers);
  if (!Number.isInteger(providers) || providers < 0 || providers > 32) {
    console.error(`--providers must be a number from 0 to 32, not "${values.providers}"`);
    return 1;
  }
  const indexerPort = Number(values['indexer-port']);
  const postgresPort = Number(values['postgres-port']);
  for (const [flag, port] of [['--indexer-port', indexerPort], ['--postgres-port', postgresPort]]) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`${flag} must be a port number (0 to 65535), not "${values[flag.slice(2)]}"`);
      return 1;
    }
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
    fs.rmSync(path.join(values.dir, 'joined.json'), { force: true });
    fs.rmSync(path.join(values.dir, 'archive'), { force: true });
    fs.rmSync(path.join(values.dir, 'agents'), { recursive: true, force: true });
  }
  const marker = path.join(values.dir, 'chain');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== `${chain}:${nodes}`) {
    console.error(
      `The chain data in ${values.dir} is for "${fs.readFileSync(marker, 'utf8')}"; ` +
        'start it the same way or add --fresh.',
    );
    return 1;
  }
  // A new chain's first node keeps every block's state for the explorer. A chain made before
  // that keeps pruning: its database cannot be reopened as an archive.
  const archiveMarker = path.join(values.dir, 'archive');
  const archive = !fs.existsSync(path.join(values.dir, 'nodes')) || fs.existsSync(archiveMarker);
  if (!archive) {
    console.error('Note: this chain\'s first node keeps only recent state, so the explorer shows recent history only; --fresh makes a new chain whose first node keeps it all.');
  }
  const network = new Network({
    bin: values.bin,
    dir: values.dir,
    nodes,
    chain,
    detached: true,
    ports: { rpc: Number(values['rpc-port']), p2p: Number(values['p2p-port']) },
    runtimeOverrides: values['runtime-overrides'],
    archive,
  });
  try {
    await network.prepare();
  } catch (e) {
    console.error(`The devnet could not be prepared: ${e.message}`);
    return 1;
  }
  fs.writeFileSync(marker, `${chain}:${nodes}`);
  if (archive) fs.writeFileSync(archiveMarker, 'archive-canonical\n');
  // Nodes added with `join` come back with the devnet, with their keys and chain data.
  const joined = readJoined();
  try {
    await network.start();
    for (const name of joined) await network.addNode(name);
    console.log(`Started ${nodes} validator(s) on the ${chain} chain` +
      `${joined.length ? ` and joined node(s) ${joined.join(', ')}` : ''}; logs in ${network.logDir}`);
    await network.waitForRpc();
    const h = await network.waitForFinalized({ by: 2, timeoutMs: 180000 });
    console.log(`Finalized head is advancing (#${h.finalized}, best #${h.best}).\n`);
  } catch (e) {
    console.error(`The devnet did not come up: ${e.message}`);
    await network.stop();
    return 1;
  }
  if (providers > 0) {
    const api = await connect(network.wsUrl());
    try {
      const agents = new Agents({ dir: path.join(values.dir, 'agents'), ws: network.wsUrl(), detached: true });
      console.log(`Starting ${providers} provider agent(s) (//Agent1 ...) ...`);
      await agents.prepare(api, Array.from({ length: providers }, (_, i) => i + 1));
      agents.startAll();
      const save = () => fs.writeFileSync(agentsFile(), JSON.stringify(agents.saved(), null, 2));
      save();
      // Again once they run: an agent whose port was taken was restarted on another.
      await agents.waitRegistered(api).finally(save);
      console.log(`${providers} provider agent(s) registered and in the arbiter pool; logs in ${agents.logDir}\n`);
    } catch (e) {
      console.error(`The provider agents did not come up: ${e.message}`);
      return 1;
    } finally {
      await api.disconnect();
    }
  }
  // An indexer a devnet left running that this start does not want goes first.
  const stale = readIndexer();
  if (stale && (indexerPort === 0 || !archive)) {
    await indexerOf(stale).stop(stale.pid).catch(() => {});
    fs.rmSync(indexerFile(), { force: true });
  }
  if (indexerPort > 0 && !archive) {
    console.error('No indexer: it reads every block\'s events, and this chain\'s first node keeps only recent state (--fresh makes one that keeps it all).');
  } else if (indexerPort > 0) {
    const indexer = new Indexer({ dir: path.join(values.dir, 'indexer'), rpcPort: network.rpcPort(), pgPort: postgresPort, apiPort: indexerPort, detached: true });
    try {
      console.log(`Starting the indexer (PostgreSQL on 127.0.0.1:${postgresPort}, GraphQL on ${indexer.apiUrl}) ...`);
      // One left running by a devnet that was not stopped goes first.
      const old = readIndexer();
      if (old) await indexerOf(old).stop(old.pid).catch(() => {});
      // Saved before anything starts, so that `stop` finds the database even if the rest fails.
      fs.writeFileSync(indexerFile(), JSON.stringify({ pid: null, pgPort: postgresPort, apiPort: indexerPort, url: indexer.apiUrl }));
      await indexer.prepare();
      indexer.start();
      fs.writeFileSync(indexerFile(), JSON.stringify({ pid: indexer.proc.pid, pgPort: postgresPort, apiPort: indexerPort, url: indexer.apiUrl }));
      await indexer.waitForApi();
      console.log(`The indexer follows the finalized blocks; log in ${indexer.log}\n`);
    } catch (e) {
      console.error(`The indexer did not start: ${e.message}`);
      await indexer.stop().catch(() => {});
      fs.rmSync(indexerFile(), { force: true });
      return 1;
    }
  }
  const explorerPort = Number(values['explorer-port']);
  if (explorerPort > 0) {
    try {
      await startExplorer(explorerPort, network.wsUrl(), readIndexer()?.url, path.join(network.logDir, 'explorer.log'));
    } catch (e) {
      console.error(`The explorer did not start: ${e.message}`);
      return 1;
    }
  }
  for (const name of network.names) {
    const port = network.rpcPort(name);
    console.log(`${name.padEnd(8)} ${network.wsUrl(name).padEnd(22)} ${appsLink(port)}`);
  }
  const ex = readExplorer();
  if (ex) console.log(`explorer ${ex.url}`);
  const ix = readIndexer();
  if (ix) console.log(`indexer  ${ix.url}  (GraphQL; open it in a browser for its playground)`);
  for (const a of readAgents()) console.log(`${a.name.padEnd(8)} http://127.0.0.1:${a.port}  ${a.address}`);
  if (providers > 0) {
    console.log('\nRun a job: allmende-agent run --model magika --input README.md --replicas 3 --audit --accept ' +
      `--node ${network.wsUrl()} --allow-network 127.0.0.0/8`);
  }
  console.log('\nStop with: ./scripts/devnet.sh stop');
  return 0;
}

const agentsFile = () => path.join(values.dir, 'agents.json');
const indexerFile = () => path.join(values.dir, 'indexer.json');

/** The indexer the devnet started: { pid, pgPort, apiPort, url }, or null. */
function readIndexer() {
  return fs.existsSync(indexerFile()) ? JSON.parse(fs.readFileSync(indexerFile(), 'utf8')) : null;
}

/** An Indexer handle on the one the devnet started (to stop it or read its height). */
function indexerOf(saved) {
  return new Indexer({ dir: path.join(values.dir, 'indexer'), rpcPort: 0, pgPort: saved.pgPort, apiPort: saved.apiPort });
}
const explorerFile = () => path.join(values.dir, 'explorer.json');
const EXPLORER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'explorer', 'serve.mjs');

/** The explorer server the devnet started: { pid, port, url }, or null. */
function readExplorer() {
  return fs.existsSync(explorerFile()) ? JSON.parse(fs.readFileSync(explorerFile(), 'utf8')) : null;
}

function isOurExplorer(pid) {
  return runs(pid, 'explorer/serve.mjs');
}

/** Serves the built explorer on loopback, detached like the nodes, and waits until it answers. */
async function startExplorer(port, ws, indexerUrl, log) {
  const old = readExplorer();
  if (old && isOurExplorer(old.pid)) process.kill(old.pid, 'SIGTERM');
  const out = fs.openSync(log, 'a');
  const proc = spawn(process.execPath, [EXPLORER, '--port', String(port)], { detached: true, stdio: ['ignore', out, out] });
  proc.unref();
  const url = `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(ws)}${indexerUrl ? `&indexer=${encodeURIComponent(indexerUrl)}` : ''}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`explorer/serve.mjs exited ${proc.exitCode}; see ${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nothing answers on port ${port}; see ${log}`);
    await sleep(200);
  }
  fs.writeFileSync(explorerFile(), JSON.stringify({ pid: proc.pid, port, url }));
}

/** The provider agents the devnet started: [{ name, address, port, pid, dir }]. */
function readAgents() {
  return fs.existsSync(agentsFile()) ? JSON.parse(fs.readFileSync(agentsFile(), 'utf8')) : [];
}

/** Names of the nodes added with `join`, in the order they joined. */
function readJoined() {
  const file = path.join(values.dir, 'joined.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
}

async function join() {
  const name = positionals[1];
  if (!name) {
    console.error(`join needs a NAME.\n\n${HELP}`);
    return 2;
  }
  const network = Network.restore(values.dir, values.bin);
  if (!network || !network.names.some((n) => isOurNode(network.nodes.get(n).pid))) {
    console.error(`No devnet running from ${values.dir}; start it first (./scripts/devnet.sh).`);
    return 1;
  }
  const suri = values.suri ?? `//${name[0].toUpperCase()}${name.slice(1)}`;
  let node;
  try {
    node = await network.addNode(name);
  } catch (e) {
    console.error(e.message);
    return 1;
  }
  fs.writeFileSync(path.join(values.dir, 'joined.json'), JSON.stringify([...readJoined(), name]));
  await network.waitForRpc(undefined, [name]);
  console.log(`Started ${name} (pid ${node.pid}, ws://127.0.0.1:${node.rpcPort}); waiting until it has synced ...`);
  try {
    await network.waitForSync(name, {
      onProgress: ({ best, target }) => process.stdout.write(`\r  ${name} at #${best} of #${target}   `),
    });
  } catch (e) {
    console.error(e.message);
    return 1;
  }
  console.log(`\r${name} has synced.`);
  // Its finalized head too: a transaction signed against a best block the node has not yet
  // settled on can be refused as having an "ancient birth block".
  try {
    const target = (await heads(network.rpcPort(network.names[0]))).finalized;
    await network.waitForFinalized({ name, target, timeoutMs: 120000 });
  } catch (e) {
    console.error(e.message);
    return 1;
  }

  const api = await connect(`ws://127.0.0.1:${node.rpcPort}`);
  const say = submitAndFinalize;
  try {
    const pair = await signer(suri);
    const bond = values.bond === undefined ? undefined : parseAmount(api, values.bond);
    const needed = (bond ?? (await api.query.collatorSelection.candidacyBond()).toBigInt()) +
      api.consts.session.keyDeposit.toBigInt() + parseAmount(api, '10');
    const free = (await api.query.system.account(pair.address)).data.free.toBigInt();
    if (free < needed) {
      console.log(`Funding ${pair.address} with ${showAmount(api, needed - free)} from //Alice ...`);
      await say(api, api.tx.balances.transferKeepAlive(pair.address, needed - free), await signer('//Alice'));
    }
    const { keys, proof } = await generateSessionKeys(api, pair.address);
    console.log(`Session keys made on ${name}: ${keys}`);
    await setSessionKeys(api, pair, keys, proof, say);
    await candidacy(api, pair, bond, say);
    const period = api.consts.babe.epochDuration.toNumber();
    console.log(`${pair.address} is a candidate with its keys on ${name}. It joins the validator ` +
      `set at the second session boundary from now (sessions are ${period} blocks).\n` +
      `Watch: node scripts/validator.mjs --suri '${suri}' --ws ws://127.0.0.1:${node.rpcPort} status`);
  } catch (e) {
    console.error(`join failed: ${e.message} (the node keeps running; see ${network.logDir}/${name}.log)`);
    return 1;
  } finally {
    await api.disconnect();
  }
  return 0;
}

const commands = { start, stop, status, join };
if (!commands[command]) {
  console.error(`Unknown command "${command}".\n\n${HELP}`);
  process.exit(2);
}
process.exit(await commands[command]());
