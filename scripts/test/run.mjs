// Runs test files in the order given, N at a time: node scripts/test/run.mjs [--concurrency N] FILE...
// (`node --test` sorts its files by name; here the order is the caller's, so the longest files
// can start first.) Reports as `node --test --test-reporter=spec` does; exits 1 if a test fails.
import { parseArgs } from 'node:util';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

let args;
try {
  args = parseArgs({ options: { concurrency: { type: 'string', default: '1' } }, allowPositionals: true });
} catch (e) {
  console.error(`${e.message}\nusage: node scripts/test/run.mjs [--concurrency N] FILE...`);
  process.exit(2);
}
const concurrency = Number(args.values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || args.positionals.length === 0) {
  console.error('usage: node scripts/test/run.mjs [--concurrency N] FILE...  (N a whole number from 1)');
  process.exit(2);
}
const stream = run({ files: args.positionals, concurrency });
stream.on('test:fail', ({ todo }) => {
  // As with node --test: a failing test marked todo does not fail the run.
  if (!todo) process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
