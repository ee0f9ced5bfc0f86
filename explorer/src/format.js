// Formatting: amounts in ALM, blocks as time, addresses, HTML escaping.

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** An amount in the chain's smallest unit as ALM, exact to the unit: "1.25 ALM". */
export function alm(value, decimals = 12) {
  const v = BigInt(typeof value === 'object' && value !== null && 'toString' in value ? value.toString() : value);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole.toLocaleString('en')}${frac ? `.${frac}` : ''} ALM`;
}

/** Blocks as minutes at the chain's block time: "12 blocks (1.2 min)". */
export function blocks(n, blockMs) {
  const min = (n * blockMs) / 60000;
  return `${n} block${n === 1 ? '' : 's'} (${min < 1 ? `${Math.round(min * 60)} s` : `${min.toFixed(1)} min`})`;
}

export function blocksAgo(n, blockMs) {
  return `${blocks(n, blockMs)} ago`;
}

/** An address shortened for tables: 5Grw…utQY. */
export function short(address) {
  const a = String(address);
  return a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

export const link = {
  job: (id) => `<a href="#/job/${encodeURIComponent(id)}">job ${escapeHtml(id)}</a>`,
  account: (a) => `<a class="mono" href="#/account/${encodeURIComponent(a)}" title="${escapeHtml(a)}">${escapeHtml(short(a))}</a>`,
  provider: (a) => `<a class="mono" href="#/provider/${encodeURIComponent(a)}" title="${escapeHtml(a)}">${escapeHtml(short(a))}</a>`,
  asset: (id) => `<a href="#/asset/${encodeURIComponent(id)}">asset ${escapeHtml(id)}</a>`,
};

export function table(headers, rows, empty = 'none') {
  if (!rows.length) return `<p class="muted">${escapeHtml(empty)}</p>`;
  const th = headers.map((h) => `<th${h.endsWith('#') ? ' class="num"' : ''}>${escapeHtml(h.replace(/#$/, ''))}</th>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${headers[i].endsWith('#') ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
