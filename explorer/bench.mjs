#!/usr/bin/env node
// Times the explorer's provider page in headless Chromium: with the page's own event index
// and with an indexer (`?indexer=`), from opening the page to its first render of the view and
// to the view showing the provider's whole history.
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { DIST, serveExplorer } from './serve.mjs';

const USAGE = `Usage: node explorer/bench.mjs --rpc WS --provider ADDRESS [--indexer URL] [--runs N]

Serves explorer/dist (node explorer/build.mjs first) on a free loopback port and opens
#/provider/ADDRESS N times (default 3) against the node at WS: without an indexer, and with
the indexer at URL when given. For each it prints the milliseconds to the view's first
render and to the whole history (the page says "History: every finalized block" or
"History: from the indexer"), best and median of the runs.`;

let values;
try {
  ({ values } = parseArgs({ options: {
    rpc: { type: 'string' }, provider: { type: 'string' }, indexer: { type: 'string' }, runs: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  } }));
} catch (e) {
  console.error(`${e.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
if (!values.rpc || !values.provider || !Number.isInteger(runs) || runs < 1) {
  console.error(`--rpc and --provider are required, --runs is a whole number\n\n${USAGE}`);
  process.exit(2);
}

const server = await serveExplorer({ dir: DIST });
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const base = `http://127.0.0.1:${server.address().port}/?rpc=${encodeURIComponent(values.rpc)}`;
  const hash = `#/provider/${encodeURIComponent(values.provider)}`;
  const cases = [['own index', base, 'History: every finalized block']];
  if (values.indexer) cases.push(['indexer', `${base}&indexer=${encodeURIComponent(values.indexer)}`, 'History: from the indexer']);
  for (const [name, url, done] of cases) {
    const first = [];
    const whole = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage();
      const start = Date.now();
      await page.goto(`${url}${hash}`);
      await page.waitForFunction((h) => document.getElementById('view').dataset.view === h, { timeout: 600000, polling: 50 }, hash);
      first.push(Date.now() - start);
      await page.waitForFunction((t) => document.getElementById('view').innerText.includes(t), { timeout: 3600000, polling: 50 }, done);
      whole.push(Date.now() - start);
      await page.close();
    }
    console.log(`${name.padEnd(9)} first render ${Math.min(...first)} ms best, ${median(first)} ms median; `
      + `whole history ${Math.min(...whole)} ms best, ${median(whole)} ms median (${runs} runs)`);
  }
} finally {
  await browser.close();
  server.close();
}
