// The frame of every client script: flags, --help, connecting, signing, error reporting.
import { parseArgs } from 'node:util';
import { ChainError, DEFAULT_WS, connect, signer, submitAndFinalize, showEvents } from './client.mjs';

const COMMON = `Common flags:
  --ws URL         node WebSocket (default ${DEFAULT_WS}, or ALLMENDE_WS)
  --suri SURI      signing key: a secret URI such as //Alice or a mnemonic (alias --seed)
  -h, --help       this text`;

/** A command line the script cannot use: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a script: parses `options` (plus --ws, --suri/--seed, --help), connects, and calls
 * `main({ api, pair, values, args })`. `signed` may be a function of the positionals (a
 * command that only reads needs no key); `check({ values, args })` may throw a `UsageError`
 * before anything connects. Chain errors are printed as one line, exit code 1; a
 * `UsageError`, also from `main`, with the usage, exit code 2.
 */
export async function script({ usage, options = {}, signed = true, check, main }) {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        ...options,
        ws: { type: 'string', default: DEFAULT_WS },
        suri: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`error: ${e.message}\n\n${usage}\n\n${COMMON}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`${usage}\n\n${COMMON}`);
    process.exit(0);
  }
  const suri = values.suri ?? values.seed;
  const usageExit = (message) => {
    console.error(`error: ${message}\n\n${usage}\n\n${COMMON}`);
    process.exit(2);
  };
  const needsKey = typeof signed === 'function' ? signed(positionals) : signed;
  if (needsKey && !suri) usageExit('--suri is required');
  try {
    check?.({ values, args: positionals });
  } catch (e) {
    if (e instanceof UsageError) usageExit(e.message);
    throw e;
  }
  let api;
  try {
    api = await connect(values.ws);
    const pair = needsKey ? await signer(suri) : null;
    await main({ api, pair, values, args: positionals });
    await api.disconnect();
    process.exit(0);
  } catch (e) {
    if (api) await api.disconnect().catch(() => {});
    if (e instanceof UsageError) usageExit(e.message);
    console.error(`error: ${e instanceof ChainError ? e.message : e.message ?? e}`);
    process.exit(1);
  }
}

/** Submits `tx`, waits for finalization, prints block and events; returns the events. */
export async function send(api, tx, pair) {
  const { blockHash, events } = await submitAndFinalize(api, tx, pair);
  console.log(`finalized in block ${blockHash}`);
  showEvents(api, events.filter(({ event }) => !['system', 'transactionPayment'].includes(event.section)));
  return events;
}

/** A required integer flag or positional. */
export function int(value, name) {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a number, not "${value}"`);
  return n;
}

/**
 * Parses the flags of a tool that is not one signed call (load.mjs, job-latency.mjs):
 * `--help` prints `usage` and exits 0; an unknown or malformed flag exits 2 with the usage.
 */
export function flags(usage, options) {
  return parseCommandLine(usage, options, false).values;
}

/** `flags` for a tool that also takes a command and arguments: { values, positionals }. */
export function commandLine(usage, options) {
  return parseCommandLine(usage, options, true);
}

function parseCommandLine(usage, options, allowPositionals) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    usageError(usage, e.message);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}

/** Exits 2 with `message` and the usage: a flag has a value the tool cannot use. */
export function usageError(usage, message) {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

/** A flag's whole number of at least `min`, or a usage error naming the flag. */
export function wholeNumber(usage, name, value, min = 1) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) usageError(usage, `--${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}
