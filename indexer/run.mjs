// Runs the indexer: the processor (lib/main.js) and the GraphQL API (squid-graphql-server),
// each started again when it stops. The processor stops when the node or PostgreSQL goes away
// (its open batch is rolled back) and goes on from its status row when started again; the
// API serves again once PostgreSQL is back. SIGTERM or SIGINT stops both.
//
// Settings come from the environment: ALLMENDE_WS (the archive node), DB_HOST, DB_PORT,
// DB_USER, DB_PASS, DB_NAME (PostgreSQL), GQL_PORT (the API, default 4350), ALLMENDE_LISTEN
// (the address the API listens on, default 127.0.0.1).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const loopback = ['--require', path.join(here, 'loopback.cjs')];
const children = {
  processor: [...loopback, path.join(here, 'lib', 'main.js')],
  api: [...loopback, path.join(here, 'node_modules', '@subsquid', 'graphql-server', 'bin', 'run.js'),
    '--sql-statement-timeout', '10000', '--max-response-size', '100000', '--max-root-fields', '20'],
};
const env = { ...process.env, GQL_PORT: process.env.GQL_PORT ?? '4350' };
const running = new Map();
let stopping = false;

const say = (line) => console.log(`${new Date().toISOString()} ${line}`);

/** Starts `name`; when it stops, starts it again after a pause that grows while it keeps failing. */
function keep(name, pause = 1000) {
  const started = Date.now();
  const child = spawn(process.execPath, children[name], { cwd: here, env, stdio: 'inherit' });
  running.set(name, child);
  child.on('exit', (code, signal) => {
    running.delete(name);
    if (stopping) return;
    // A run of a minute or more counts as healthy: the next failure waits a second again.
    const next = Date.now() - started > 60000 ? 1000 : Math.min(pause * 2, 30000);
    say(`the ${name} stopped (${signal ?? `exit ${code}`}); starting it again in ${next / 1000} s`);
    setTimeout(() => { if (!stopping) keep(name, next); }, next);
  });
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping the processor and the API`);
  for (const child of running.values()) child.kill('SIGTERM');
  const force = setTimeout(() => { for (const child of running.values()) child.kill('SIGKILL'); }, 10000);
  const check = setInterval(() => {
    if (running.size === 0) {
      clearInterval(check);
      clearTimeout(force);
      process.exit(0);
    }
  }, 100);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

say(`indexing ${env.ALLMENDE_WS ?? 'ws://127.0.0.1:9944'} into ${env.DB_NAME ?? 'postgres'} on ${env.DB_HOST ?? 'localhost'}:${env.DB_PORT ?? 5432}; `
  + `GraphQL on http://${env.ALLMENDE_LISTEN ?? '127.0.0.1'}:${env.GQL_PORT}/graphql`);
keep('processor');
keep('api');
