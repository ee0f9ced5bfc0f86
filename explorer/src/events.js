// An index of the market's events (ComputeMarket and DataRegistry) in finalized blocks: read
// forward as blocks are finalized and backward, a batch at a time, down to genesis, so views
// can show whole histories. Each event: { block, index, extrinsic, section, method, data } with the event's
// fields by camelCase name, as JSON.

const SECTIONS = new Set(['computeMarket', 'dataRegistry']);
/** How a node says it no longer has a block's state (pruned: not an archive node). */
const PRUNED = /discarded|unknown ?block/i;
const BATCH = 16;

const camel = (s) => s.replace(/_(\w)/g, (_, c) => c.toUpperCase());

export class EventIndex {
  constructor(api, onUpdate) {
    this.api = api;
    this.onUpdate = onUpdate;
    /** Market events by block number, for blocks that have any. */
    this.byBlock = new Map();
    /** Block numbers of `byBlock` in order, or null when it must be sorted again. */
    this.sorted = null;
    /** Lowest and highest block read (inclusive); null before the first read. */
    this.low = null;
    this.high = null;
    /** The lowest block whose state the node still has, once a lower one was found pruned. */
    this.floor = null;
    this.busy = false;
    this.target = 0;
  }

  /** Whether every block down to genesis has been read. */
  get complete() {
    return this.low !== null && this.low <= 1;
  }

  /** Whether reading backwards has ended: at genesis, or at the node's oldest state. */
  get done() {
    return this.complete || this.floor !== null;
  }

  /** Every indexed event, oldest first, optionally filtered. */
  all(filter = () => true) {
    if (!this.sorted) this.sorted = [...this.byBlock.keys()].sort((a, b) => a - b);
    const out = [];
    for (const n of this.sorted) {
      for (const e of this.byBlock.get(n)) if (filter(e)) out.push(e);
    }
    return out;
  }

  /** Keeps a block's market events (blocks without any take no room). */
  put(n, events) {
    if (!events.length) return;
    this.byBlock.set(n, events);
    this.sorted = null;
  }

  /** The events of one job, oldest first. */
  ofJob(job) {
    return this.all((e) => e.data.jobId === job);
  }

  finalizedTo(n) {
    this.target = Math.max(this.target, n);
    this.pump();
  }

  async readBlock(n) {
    const hash = await this.api.rpc.chain.getBlockHash(n);
    const at = await this.api.at(hash);
    const records = await at.query.system.events();
    const out = [];
    records.forEach(({ event, phase }, i) => {
      if (!SECTIONS.has(event.section)) return;
      const data = {};
      event.meta.fields.forEach((f, j) => {
        data[camel(f.name.unwrap().toString())] = event.data[j].toJSON();
      });
      // Events of one transaction share its extrinsic index (a bid and the bid it displaced).
      const extrinsic = phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null;
      out.push({ block: n, index: i, extrinsic, section: event.section, method: event.method, data });
    });
    return out;
  }

  async readRange(from, to) {
    const blocks = [];
    for (let n = from; n <= to; n += 1) blocks.push(n);
    const results = await Promise.all(blocks.map((n) => this.readBlock(n)));
    blocks.forEach((n, i) => this.put(n, results[i]));
  }

  /** Reads new finalized blocks first, then older ones, until it has everything. */
  async pump() {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        if (this.high === null) {
          this.low = this.target + 1;
          this.high = this.target;
        }
        if (this.high < this.target) {
          const to = Math.min(this.target, this.high + BATCH);
          await this.readRange(this.high + 1, to);
          this.high = to;
        } else if (!this.done) {
          const from = Math.max(1, this.low - BATCH);
          try {
            await this.readRange(from, this.low - 1);
            this.low = from;
          } catch (e) {
            if (!PRUNED.test(e.message)) throw e;
            // The node pruned some of these blocks' state: read down one at a time to the
            // first one it no longer has.
            for (let n = this.low - 1; n >= from && this.floor === null; n -= 1) {
              try {
                this.put(n, await this.readBlock(n));
                this.low = n;
              } catch (e2) {
                if (!PRUNED.test(e2.message)) throw e2;
                this.floor = n + 1;
              }
            }
          }
        } else {
          break;
        }
        this.onUpdate();
      }
    } catch (e) {
      console.warn(`event index: ${e.message}; trying again`);
      setTimeout(() => this.pump(), 2000);
    } finally {
      this.busy = false;
    }
  }
}
