// Histories from the indexer (indexer/, `?indexer=URL`) instead of the page's own walk over
// every block: before a view renders, the events it shows are asked for in one GraphQL query
// (a job's, a provider's, an asset's, an account's, the market's last hours), and kept in the
// same shape as the page's event index (events.js), so the views are the same. The indexer's
// event arguments are turned into the shapes @polkadot/api gives (addresses, enums) by the
// chain's own types, read from the connected node's metadata.

import { EventIndex } from './events.js';

const SECTIONS = { ComputeMarket: 'computeMarket', DataRegistry: 'dataRegistry' };
/** Most events one view asks for; a view that would need more says so. */
export const LIMIT = 5000;
/** Days the market view's daily chart covers. */
export const DAYS = 14;

const pascal = (s) => s[0].toUpperCase() + s.slice(1);

/** A Subsquid JSON value (enums as { __kind, value }) in the form @polkadot/api's createType takes. */
function plain(v) {
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    if (typeof v.__kind === 'string') {
      const keys = Object.keys(v).filter((k) => k !== '__kind');
      if (keys.length === 0) return v.__kind;
      if (keys.length === 1 && keys[0] === 'value') return { [v.__kind]: plain(v.value) };
      return { [v.__kind]: Object.fromEntries(keys.map((k) => [k, plain(v[k])])) };
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

export class IndexerError extends Error {}

/** The page's event index (events.js) filled per view from the indexer instead of by a walk. */
export class IndexerHistory extends EventIndex {
  constructor(api, url, onUpdate) {
    super(api, onUpdate);
    this.url = url;
    /** The indexer has every block from genesis; `high` is how far it has indexed. */
    this.low = 1;
    /** The scope loaded last ("job/3"), and whether it hit LIMIT. */
    this.scope = null;
    this.truncated = false;
    /** The market's hours (MarketHour) of the last DAYS days, after the market view loaded. */
    this.hours = null;
    /** Why the last load failed (the indexer could not be asked), or null. */
    this.error = null;
  }

  get complete() {
    return this.high !== null;
  }

  get done() {
    return this.complete;
  }

  finalizedTo() {
    // The indexer follows finality itself; each render asks it again.
  }

  /** Asks the indexer; throws IndexerError with its message. */
  async query(query, variables = {}) {
    let res;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (e) {
      throw new IndexerError(`the indexer at ${this.url} cannot be reached (${e.message})`);
    }
    const body = await res.json().catch(() => null);
    if (!res.ok || !body || body.errors) {
      throw new IndexerError(`the indexer at ${this.url} answered ${res.status}: ${JSON.stringify(body?.errors?.[0]?.message ?? body)}`);
    }
    return body.data;
  }

  /**
   * The bids that displaced the account's bids: another account's BidPlaced in the same
   * transaction, which a job's timeline names ("displaced by the bid of …").
   */
  async displacing(list, fields) {
    const displaced = list.filter((e) => e.name === 'ComputeMarket.BidRemoved' && e.extrinsic
      && (e.args?.reason === 'Displaced' || e.args?.reason?.__kind === 'Displaced')).slice(-200);
    if (!displaced.length) return [];
    const { events } = await this.query(`query($where: EventWhereInput) {
      events(where: $where, orderBy: [height_ASC, index_ASC], limit: ${displaced.length * 4}) { ${fields} } }`,
    { where: { OR: displaced.map((e) => ({ height_eq: e.height, name_eq: 'ComputeMarket.BidPlaced', extrinsic: { index_eq: e.extrinsic.index } })) } });
    const have = new Set(list.map((e) => `${e.height}-${e.index}`));
    return events.filter((e) => !have.has(`${e.height}-${e.index}`));
  }

  /** An indexer event in the page's shape: { block, index, extrinsic, section, method, data }. */
  convert(e) {
    const [pallet, method] = e.name.split('.');
    const section = SECTIONS[pallet];
    const meta = this.api.events[section]?.[method]?.meta;
    const data = {};
    if (meta) {
      for (const f of meta.fields) {
        const name = f.name.unwrap().toString().replace(/_(\w)/g, (_, c) => c.toUpperCase());
        const type = this.api.registry.createLookupType(f.type);
        const raw = e.args?.[name];
        // Absent (None, or a field an older runtime's event did not have): null, not a default.
        if (raw === undefined || raw === null) {
          data[name] = null;
          continue;
        }
        try {
          data[name] = this.api.registry.createType(type, plain(raw)).toJSON();
        } catch {
          // Not of the type the chain gives this field now: left out rather than shown raw.
          data[name] = null;
        }
      }
    }
    // Numbers from the indexer are taken as numbers only: the page writes them into HTML.
    const whole = (v) => (Number.isSafeInteger(Number(v)) ? Number(v) : 0);
    return { block: whole(e.height), index: whole(e.index), extrinsic: e.extrinsic ? whole(e.extrinsic.index) : null, section, method, data };
  }

  /**
   * The query for the events a view's history needs: [root field, where], where the root is
   * `events`, or `mentions` (events that name an account anywhere) for an account's history.
   * Views filter further, as they do the page's own index.
   */
  scopeOf(kind, arg, ctx) {
    const market = { OR: [{ name_startsWith: 'ComputeMarket.' }, { name_startsWith: 'DataRegistry.' }] };
    const hex = () => this.api.createType('AccountId', arg).toHex();
    switch (kind) {
      case 'job':
        return /^\d+$/.test(arg) ? ['events', { AND: [market, { jobId_eq: Number(arg) }] }] : null;
      case 'provider':
        return ['mentions', { account_eq: hex(), event: { name_startsWith: 'ComputeMarket.' } }];
      case 'account':
        return ['mentions', { account_eq: hex(), event: market }];
      case 'asset':
        return /^\d+$/.test(arg) ? ['events', { name_startsWith: 'DataRegistry.', assetId_eq: Number(arg) }] : null;
      case 'market': {
        const window = Math.round((6 * 3600000) / ctx.blockMs);
        return ['events', { AND: [market, { height_gte: Math.max(1, ctx.finalized - window + 1) }] }];
      }
      default:
        return null;
    }
  }

  /**
   * Loads the history the view `kind` shows for `arg` (and, for the market, its days), unless
   * it is loaded and the indexer has indexed nothing since. An indexer that cannot be asked
   * leaves the history empty and says why (`error`); the view still renders.
   */
  async load(kind, arg, ctx) {
    try {
      if (this.scope === `${kind}/${arg}` && this.error === null) {
        const { squidStatus } = await this.query('{ squidStatus { height } }');
        if ((squidStatus?.height ?? 0) === this.high) return;
      }
      await this.read(kind, arg, ctx);
      this.error = null;
    } catch (e) {
      this.byBlock = new Map();
      this.sorted = null;
      this.hours = null;
      this.scope = `${kind}/${arg}`;
      this.error = e.message;
    }
  }

  async read(kind, arg, ctx) {
    let scope = null;
    try {
      scope = this.scopeOf(kind, arg, ctx);
    } catch {
      // not an address: the view says so
    }
    const fields = 'height index name args extrinsic { index }';
    const days = kind === 'market'
      ? `marketHours(where: {start_gte: "${new Date(Date.now() - DAYS * 86400000).toISOString().slice(0, 10)}T00:00:00.000Z"}, orderBy: start_ASC, limit: ${(DAYS + 1) * 24}) {
          start jobsPosted jobsSettled jobsFailed paid royalties }`
      : '';
    const data = await this.query(`query($where: ${scope?.[0] === 'mentions' ? 'MentionWhereInput' : 'EventWhereInput'}, $limit: Int!) {
      squidStatus { height }
      ${scope?.[0] === 'mentions'
    ? `list: mentions(where: $where, orderBy: [height_DESC, event_index_DESC], limit: $limit) { event { ${fields} } }`
    : `list: events(where: $where, orderBy: [height_DESC, index_DESC], limit: $limit) { ${fields} }`}
      ${days}
    }`, { where: scope?.[1] ?? { id_eq: '' }, limit: LIMIT });
    const list = data.list.map((x) => x.event ?? x).reverse();
    if (scope?.[0] === 'mentions') {
      list.push(...await this.displacing(list, fields));
      list.sort((a, b) => a.height - b.height || a.index - b.index);
    }
    this.byBlock = new Map();
    const byBlock = new Map();
    for (const e of list.map((x) => this.convert(x))) {
      if (byBlock.has(e.block)) byBlock.get(e.block).push(e);
      else byBlock.set(e.block, [e]);
    }
    for (const [n, events] of byBlock) this.put(n, events);
    this.high = Number(data.squidStatus?.height ?? 0);
    this.scope = `${kind}/${arg}`;
    this.truncated = data.list.length >= LIMIT;
    this.hours = data.marketHours ?? null;
  }
}
