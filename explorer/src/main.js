// The Allmende market explorer: reads any Allmende node over WebSocket (`?rpc=`, default the
// devnet's first node) and shows the market from its storage and its events: from the indexer
// when one is named (`?indexer=http://host:port/graphql`), else from the page's own index.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { EventIndex } from './events.js';
import { IndexerHistory } from './indexer.js';
import { escapeHtml } from './format.js';
import { views } from './views.js';

const rpc = new URLSearchParams(location.search).get('rpc') || 'ws://127.0.0.1:9944';
const indexer = new URLSearchParams(location.search).get('indexer') || null;
const conn = document.getElementById('conn');
const banner = document.getElementById('banner');
const main = document.getElementById('view');
const heads = document.getElementById('heads');

/** Everything a view needs: the API, the heads, the event index, formatting. */
const ctx = { api: null, rpc, indexer, best: 0, finalized: 0, blockMs: 6000, decimals: 12, index: null };

function say(text, bad) {
  banner.hidden = !text;
  banner.textContent = text || '';
  conn.className = `conn ${bad ? 'bad' : 'ok'}`;
}

let generation = 0;
let rendering = false;
let again = false;

/** Renders the view the URL names; a newer render makes an older one's result void. */
async function render() {
  if (!ctx.api) return;
  if (rendering) {
    again = true;
    return;
  }
  rendering = true;
  const mine = ++generation;
  const route = location.hash || '#/';
  const [, kind, arg] = route.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  const view = Object.hasOwn(views, kind || 'market') ? views[kind || 'market'] : null;
  let html;
  try {
    let decoded = arg || '';
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // shown as it is
    }
    // With an indexer, the view's history is asked for first.
    if (view && ctx.index.load) await ctx.index.load(kind || 'market', decoded, ctx);
    html = view ? await view(ctx, decoded) : `<h1>Nothing here</h1><p>No view “${escapeHtml(kind)}”.</p>`;
  } catch (e) {
    html = `<h1>Cannot show this</h1><p>${escapeHtml(e.message)}</p>`;
  }
  try {
    // A render that a navigation overtook is dropped: its view is not the one asked for.
    if (mine === generation && route === (location.hash || '#/')) {
      main.innerHTML = html;
      main.dataset.view = route;
    }
  } finally {
    rendering = false;
    if (again) {
      again = false;
      render();
    }
  }
}

function search(q) {
  const s = q.trim();
  if (/^\d+$/.test(s)) location.hash = `#/job/${s}`;
  else if (/^#\d+$/.test(s)) location.hash = `#/block/${s.slice(1)}`;
  else if (/^asset:\d+$/i.test(s)) location.hash = `#/asset/${s.slice(6)}`;
  else if (s) location.hash = `#/account/${s}`;
}

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  search(document.getElementById('q').value);
});
window.addEventListener('hashchange', () => {
  // Drop what is on screen and any render under way for the old address.
  generation += 1;
  main.dataset.view = '';
  main.innerHTML = '<p class="muted">Loading…</p>';
  render();
});

async function start() {
  conn.textContent = `connecting to ${rpc}…`;
  const provider = new WsProvider(rpc, 2000);
  let everConnected = false;
  const unreachable = setTimeout(() => say(`The node at ${rpc} cannot be reached; trying again every 2 s.`, true), 4000);
  provider.on('disconnected', () => {
    conn.textContent = 'disconnected';
    if (everConnected) say(`The node at ${rpc} went away; trying again every 2 s. What is shown may be out of date.`, true);
    else say(`The node at ${rpc} cannot be reached; trying again every 2 s.`, true);
  });
  provider.on('connected', async () => {
    clearTimeout(unreachable);
    conn.textContent = `connected to ${rpc}`;
    say('', false);
    if (everConnected && ctx.api) {
      // A different chain behind the same address (a devnet started afresh): start over.
      try {
        const genesis = (await provider.send('chain_getBlockHash', [0])).toString();
        if (genesis !== ctx.api.genesisHash.toHex()) {
          location.reload();
          return;
        }
      } catch {
        // the next reconnect checks again
      }
      render();
    }
    everConnected = true;
  });
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: false });
  if (!api.query.computeMarket || !api.query.dataRegistry) {
    say(`The chain at ${rpc} is not an Allmende chain: it has no ComputeMarket and DataRegistry pallets.`, true);
    return;
  }
  ctx.api = api;
  ctx.decimals = api.registry.chainDecimals[0] ?? 12;
  const expected = api.consts.babe?.expectedBlockTime ?? api.consts.aura?.slotDuration;
  if (expected) ctx.blockMs = Number(expected.toString());
  else if (api.consts.timestamp?.minimumPeriod) ctx.blockMs = 2 * Number(api.consts.timestamp.minimumPeriod.toString());
  ctx.index = indexer ? new IndexerHistory(api, indexer, () => render()) : new EventIndex(api, () => render());
  await api.rpc.chain.subscribeFinalizedHeads((h) => {
    ctx.finalized = h.number.toNumber();
    ctx.index.finalizedTo(ctx.finalized);
  });
  await api.rpc.chain.subscribeNewHeads((h) => {
    ctx.best = h.number.toNumber();
    heads.textContent = `best #${ctx.best} · finalized #${ctx.finalized} · ${rpc} · one block ≈ ${ctx.blockMs / 1000} s`;
    render();
  });
}

start().catch((e) => say(`Cannot start: ${e.message}`, true));

