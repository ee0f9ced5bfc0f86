// An index of the market's events (ComputeMarket and DataRegistry) in finalized blocks: read
// forward as blocks are finalized and backward, a batch at a time, down to genesis, so views
// can show whole histories. Each event: { block, index, extrinsic, section, method, data } with the event's
// fields by camelCase name, as JSON.

const SECTIONS = new Set(['computeMarket', 'dataRegistry']);
/** How a node says it no longer has a block's state (pruned: not an archive node). */
const PRUNED = /discarded|unknown ?block/i;
const BATCH = 16;
/**
 * A block whose reads fail MAX_TRIES times, over at least GIVE_UP_MS, while the node is
 * connected is passed over (and tried again every RETRY_MS), so one bad block does not stop
 * the history.
 */
const MAX_TRIES = 5;
const GIVE_UP_MS = 30000;
const RETRY_MS = 60000;

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
    /** Blocks passed over, with the node's last error: block → message. */
    this.unreadable = new Map();
    /** Failed reads of blocks not yet read or passed over: block → { tries, since (ms) }. */
    this.failures = new Map();
    this.retrying = null;
    /** Whether `pumping` is under way, and its promise. */
    this.busy = false;
    this.pumping = Promise.resolve();
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

  /**
   * Reads blocks `from`..`to` and keeps those read. Throws the first error of a pruned block,
   * or of a block still to be tried again; a block passed over (see MAX_TRIES) is named in
   * `unreadable` and counts as read.
   */
  async readRange(from, to) {
    const blocks = [];
    for (let n = from; n <= to; n += 1) blocks.push(n);
    const results = await Promise.allSettled(blocks.map((n) => this.readBlock(n)));
    let error = null;
    results.forEach((r, i) => {
      const n = blocks[i];
      if (r.status === 'fulfilled') {
        this.put(n, r.value);
        this.failures.delete(n);
        this.unreadable.delete(n);
        return;
      }
      const message = r.reason?.message ?? String(r.reason);
      // A node that went away fails every read; that says nothing about the block.
      if (!PRUNED.test(message) && this.api.isConnected) {
        const now = Date.now();
        const f = this.failures.get(n) ?? { tries: 0, since: now };
        f.tries += 1;
        this.failures.set(n, f);
        if (f.tries >= MAX_TRIES && now - f.since >= GIVE_UP_MS) {
          console.warn(`event index: block #${n} failed ${f.tries} reads (${message}); passed over, tried again every ${RETRY_MS / 1000} s`);
          this.failures.delete(n);
          this.unreadable.set(n, message);
          this.retryLater();
          return;
        }
      }
      error ??= r.reason;
    });
    if (error) throw error;
  }

  /** Tries the passed-over blocks again in RETRY_MS, then again while any is left. */
  retryLater() {
    if (this.retrying) return;
    this.retrying = setTimeout(async () => {
      for (const n of [...this.unreadable.keys()].slice(0, BATCH)) {
        try {
          this.put(n, await this.readBlock(n));
          this.unreadable.delete(n);
        } catch (e) {
          // To the end of the list, so that the others get their turn.
          this.unreadable.delete(n);
          this.unreadable.set(n, e?.message ?? String(e));
        }
      }
      this.retrying = null;
      this.onUpdate();
      if (this.unreadable.size) this.retryLater();
    }, RETRY_MS);
  }

  /**
   * Reads new finalized blocks first, then older ones, until it has everything; after an error
   * it tries again in 2 s. Returns the promise of the reading under way (also `pumping`).
   */
  pump() {
    if (!this.busy) {
      this.busy = true;
      this.pumping = this.read().finally(() => {
        this.busy = false;
      });
    }
    return this.pumping;
  }

  async read() {
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
                await this.readRange(n, n);
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
    }
  }
}
