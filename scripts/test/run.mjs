// Runs test files in the order given, N at a time:
//   node scripts/test/run.mjs [--concurrency N] FILE...
// Each file runs as its own `node --test --test-reporter=spec FILE`, so the order is the
// caller's (`node --test` would sort the files by name) and the longest files can start first.
// A line marks when each file starts and ends; a file's report is printed whole when it ends,
// so the reports of files running side by side do not interleave. At the end: how long each
// file ran and which failed. Exits 1 if a file failed, 2 on bad arguments.
// With ALLMENDE_E2E_FAILURES set, the start of each failed file's list of failing tests (the
// first failure's error comes first) is also written to that file, for a caller that prints it
// where a reader of the end of a long log sees it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: node scripts/test/run.mjs [--concurrency N] FILE...  (N a whole number from 1)';
let args;
try {
  args = parseArgs({ options: { concurrency: { type: 'string', default: '1' } }, allowPositionals: true });
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
const concurrency = Number(args.values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || args.positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}

const started = Date.now();
const seconds = (ms) => Math.round(ms / 1000);
const name = (file) => path.relative(process.cwd(), file);
const pending = [...args.positionals];
const running = new Set();
/** { file, start, end, ok }: start and end in ms since the run started. */
const done = [];

function runFile(file) {
  return new Promise((resolve) => {
    const start = Date.now() - started;
    console.log(`== ${seconds(start)} s: ${name(file)} starts`);
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const out = [];
    // A process that could not start (no memory, too many processes) fails its file.
    child.on('error', (e) => out.push(Buffer.from(`could not run ${name(file)}: ${e.message}\n`)));
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('close', (code, signal) => {
      running.delete(child);
      const end = Date.now() - started;
      const ok = code === 0;
      console.log(`== ${seconds(end)} s: ${name(file)} ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} ` +
        `in ${seconds(end - start)} s; its report:`);
      const report = Buffer.concat(out);
      process.stdout.write(report);
      if (!ok && process.env.ALLMENDE_E2E_FAILURES) {
        try {
          fs.appendFileSync(process.env.ALLMENDE_E2E_FAILURES, `== ${name(file)}\n${failingTests(report.toString())}\n`);
        } catch (e) {
          console.log(`== could not write the failure summary: ${e.message}`);
        }
      }
      done.push({ file, start, end, ok });
      resolve();
    });
  });
}

/** The first lines of the spec reporter's list of failing tests, or of the report's end. */
function failingTests(report) {
  const lines = report.split('\n');
  const at = lines.findIndex((l) => /failing tests:/.test(l));
  const from = at >= 0 ? at : Math.max(0, lines.length - FAILURE_LINES);
  return lines.slice(from, from + FAILURE_LINES).join('\n');
}
const FAILURE_LINES = 60;

// Stopped from outside: the signal goes on to each file's test process, which kills the
// validators it started; no further file starts.
let stopped = false;
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(sig, () => {
    stopped = true;
    for (const child of running) child.kill(sig);
    process.exitCode = code;
  });
}

async function slot() {
  while (pending.length > 0 && !stopped) await runFile(pending.shift());
}
await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, slot));

console.log(`== end-to-end files, ${concurrency} at a time (seconds from the run's start: start, end, duration)`);
for (const d of [...done].sort((a, b) => b.end - b.start - (a.end - a.start))) {
  const col = (ms) => String(seconds(ms)).padStart(5);
  console.log(`${col(d.start)} ${col(d.end)} ${col(d.end - d.start)}  ${name(d.file)}${d.ok ? '' : '  FAILED'}`);
}
const failed = done.filter((d) => !d.ok);
console.log(`== ${done.length - failed.length} of ${args.positionals.length} files passed in ${seconds(Date.now() - started)} s` +
  (failed.length ? `; failed: ${failed.map((d) => name(d.file)).join(', ')}` : ''));
if (failed.length > 0 || done.length < args.positionals.length) process.exitCode ||= 1;
