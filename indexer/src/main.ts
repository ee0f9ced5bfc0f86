// Follows the Allmende chain's finalized blocks and writes every block (with its author), every
// extrinsic with its outcome and every event into PostgreSQL, each decoded with the runtime of
// its own block; the market's records (market.ts), the sessions with their validators, and
// every account's holds after each block that changed them.
// Each batch of blocks is written in one transaction together with the processor's position
// (`squid_processor.status`), so a restart of the processor, the node or PostgreSQL neither
// loses nor repeats a row.
import { SubstrateBatchProcessor } from '@subsquid/substrate-processor'
import type { Runtime } from '@subsquid/substrate-runtime'
import { TypeormDatabase } from '@subsquid/typeorm-store'
import { Account, Block, Event, Extrinsic, HoldChange, Mention, Session, Validator } from './model'
import { assetIdOf, jobIdOf, Market } from './market'

const ws = process.env.ALLMENDE_WS ?? 'ws://127.0.0.1:9944'

const processor = new SubstrateBatchProcessor()
  .setRpcEndpoint({ url: ws, rateLimit: 200 })
  .setRpcDataIngestionSettings({ headPollInterval: 1000 })
  .setBlockRange({ from: 0, to: process.env.INDEX_TO === undefined ? undefined : Number(process.env.INDEX_TO) })
  .setFields({
    block: { timestamp: true, validator: true },
    extrinsic: { success: true, error: true, fee: true, tip: true, signature: true },
    call: { name: true },
    event: { name: true, args: true, phase: true },
  })
  .includeAllBlocks()
  .addCall({ extrinsic: true })
  .addEvent({ extrinsic: true })

/**
 * A dispatch error by name, as the runtime that executed it names it: `Pallet.Error` for a
 * pallet's error (`ComputeMarket.StakeTooLow`), `Kind.Detail` for a nested one
 * (`Token.FundsUnavailable`), the kind alone otherwise (`BadOrigin`); its JSON when the
 * metadata does not name it.
 */
function describeError(error: unknown, runtime: Runtime): string | undefined {
  if (error === undefined || error === null) return undefined
  const e = error as { __kind?: string; value?: { __kind?: string; index?: number; error?: string } }
  if (e.__kind === 'Module' && typeof e.value?.index === 'number' && typeof e.value.error === 'string') {
    const name = palletError(runtime, e.value.index, parseInt(e.value.error.slice(2, 4), 16))
    if (name) return name
  } else if (typeof e.__kind === 'string' && e.value === undefined) {
    return e.__kind
  } else if (typeof e.__kind === 'string' && typeof e.value?.__kind === 'string') {
    return `${e.__kind}.${e.value.__kind}`
  }
  return JSON.stringify(e)
}

/** The name of error `index` of the pallet at `pallet` in the runtime's metadata. */
function palletError(runtime: Runtime, pallet: number, index: number): string | undefined {
  if (runtime.metadata.__kind !== 'V14') return undefined
  const md = runtime.metadata.value
  const p = md.pallets.find((p) => p.index === pallet)
  if (!p?.errors) return undefined
  const def = md.lookup.types[p.errors.type]?.type.def
  if (def?.__kind !== 'Variant') return undefined
  const v = def.value.variants.find((v) => v.index === index)
  return v ? `${p.name}.${v.name}` : undefined
}

/** The signer's address (hex account id), when signed. */
function signerOf(signature: unknown): string | undefined {
  const s = signature as { address?: { __kind?: string; value?: string } | string } | undefined
  if (!s?.address) return undefined
  return typeof s.address === 'string' ? s.address : s.address.value
}

const HOLD_EVENTS = new Set(['Balances.Held', 'Balances.Released', 'Balances.BurnedHeld', 'Balances.TransferOnHold', 'Balances.TransferAndHold'])

/** The accounts whose holds a Balances event changed. */
function holdersOf(name: string, args: any): string[] {
  if (!HOLD_EVENTS.has(name)) return []
  return [args.who, args.source, args.dest].filter((a): a is string => typeof a === 'string')
}

/** Every 32-byte value (account ids, and hashes alike) anywhere in an event's arguments, once. */
function mentioned(args: unknown, out = new Set<string>()): Set<string> {
  if (typeof args === 'string') {
    if (/^0x[0-9a-f]{64}$/.test(args)) out.add(args)
  } else if (Array.isArray(args)) {
    for (const a of args) mentioned(a, out)
  } else if (args !== null && typeof args === 'object') {
    for (const a of Object.values(args)) mentioned(a, out)
  }
  return out
}

/** A hold reason as Pallet.Reason (the runtime's RuntimeHoldReason, decoded). */
function reasonName(id: any): string {
  return id?.value?.__kind ? `${id.__kind}.${id.value.__kind}` : id?.__kind ?? JSON.stringify(id)
}

/** The block the processor indexed last, from its status row (-1 before the first). */
async function indexedHeight(): Promise<number> {
  const { Client } = require('pg')
  const db = new Client({
    host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
    password: process.env.DB_PASS, database: process.env.DB_NAME,
  })
  await db.connect()
  try {
    const r = await db.query('SELECT height FROM squid_processor.status WHERE id = 0').catch(() => ({ rows: [] }))
    return r.rows.length ? Number(r.rows[0].height) : -1
  } finally {
    await db.end()
  }
}

/** The node's finalized height, over its HTTP RPC (the WebSocket port serves both). */
async function finalizedHeight(): Promise<number> {
  const url = ws.replace(/^ws/, 'http')
  const call = async (method: string, params: unknown[] = []) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
    return ((await res.json()) as { result: any }).result
  }
  return parseInt((await call('chain_getHeader', [await call('chain_getFinalizedHead')])).number, 16)
}

/**
 * Waits until the chain has finalized a block the processor has not indexed. This version of
 * the processor, restarted with every finalized block indexed and set to finalized blocks
 * only, takes a path meant for unfinalized blocks and stops on an assertion.
 */
async function newBlockFinalized(): Promise<void> {
  const done = await indexedHeight()
  for (let said = false; ; said = true) {
    const finalized = await finalizedHeight().catch(() => -1)
    if (finalized > done) return
    if (!said) console.error(`indexed up to #${done}; waiting for the chain to finalize #${done + 1}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

newBlockFinalized().then(() => processor.run(new TypeormDatabase({ supportHotBlocks: false }), async (ctx) => {
  const blocks: Block[] = []
  const extrinsics: Extrinsic[] = []
  const events: Event[] = []
  const mentions: Mention[] = []
  const holdChanges: HoldChange[] = []
  const accounts = new Map<string, Account>()
  const sessions: Session[] = []
  const validators = new Map<string, Validator>()
  const market = new Market(ctx.store)
  for (const b of ctx.blocks) {
    const block = new Block({
      id: b.header.hash,
      height: b.header.height,
      timestamp: b.header.timestamp === undefined ? undefined : new Date(b.header.timestamp),
      // The runtime that executed the block (in its parent's state), which its events are
      // decoded with; the header's own specVersion is the one in force after it.
      specVersion: b.header._runtime.specVersion,
      extrinsicCount: b.extrinsics.length,
      eventCount: b.events.length,
      validator: b.header.validator,
    })
    blocks.push(block)
    if (b.header.validator) {
      const who = b.header.validator
      const v = validators.get(who) ?? (await ctx.store.get(Validator, who)) ?? new Validator({ id: who, blocks: 0, firstBlock: b.header.height })
      v.blocks += 1
      v.lastBlock = b.header.height
      validators.set(who, v)
    }
    const holders = new Set<string>()
    const byIndex = new Map<number, Extrinsic>()
    for (const x of b.extrinsics) {
      const e = new Extrinsic({
        id: `${b.header.height}-${x.index}`,
        block,
        height: b.header.height,
        index: x.index,
        call: x.call?.name ?? 'unknown',
        signer: signerOf(x.signature),
        success: x.success ?? false,
        error: describeError(x.error, b.header._runtime),
        fee: x.fee,
        tip: x.tip,
      })
      byIndex.set(x.index, e)
      extrinsics.push(e)
    }
    for (const ev of b.events) {
      const event = new Event({
        id: `${b.header.height}-${ev.index}`,
        block,
        height: b.header.height,
        index: ev.index,
        extrinsic: ev.extrinsic === undefined ? undefined : byIndex.get(ev.extrinsic.index),
        name: ev.name,
        args: ev.args,
        jobId: jobIdOf(ev.args),
        assetId: ev.name.startsWith('DataRegistry.') ? assetIdOf(ev.args) : undefined,
      })
      events.push(event)
      let k = 0
      for (const account of mentioned(ev.args)) {
        mentions.push(new Mention({ id: `${event.id}-${k++}`, event, account, height: b.header.height }))
      }
      if (ev.name.startsWith('ComputeMarket.') || ev.name.startsWith('DataRegistry.')) {
        try {
          await market.apply({ name: ev.name, args: ev.args, height: b.header.height, index: ev.index, timestamp: b.header.timestamp ?? 0 })
        } catch (e) {
          // Stops the processor (nothing of this batch is written) rather than write a wrong row.
          throw new Error(`cannot map ${ev.name} at block #${b.header.height} (runtime spec ${b.header._runtime.specVersion}), `
            + `arguments ${JSON.stringify(ev.args, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}: ${e instanceof Error ? e.message : e}`)
        }
      }
      for (const who of holdersOf(ev.name, ev.args)) holders.add(who)
      if (ev.name === 'Session.NewSession') {
        const set: string[] = (await b.header._runtime.getStorage(b.header.hash, 'Session.Validators')) ?? []
        sessions.push(new Session({ id: String(ev.args.sessionIndex), startedAt: b.header.height, validators: set }))
      }
    }
    // The holds as the chain keeps them after this block, read for the accounts its events
    // touched (one storage query per block that changed any).
    if (holders.size) {
      const who = [...holders]
      const holds: { id: unknown; amount: unknown }[][] = await b.header._runtime.queryStorage(b.header.hash, 'Balances.Holds', who)
      who.forEach((w, i) => {
        const list = (holds[i] ?? []).map((h) => ({ reason: reasonName(h.id), amount: String(h.amount) }))
        const held = list.reduce((sum, h) => sum + BigInt(h.amount), 0n)
        const account = new Account({ id: w, held, holds: list, updatedAt: b.header.height })
        accounts.set(w, account)
        holdChanges.push(new HoldChange({ id: `${b.header.height}-${w}`, account, height: b.header.height, timestamp: block.timestamp, held, holds: list }))
      })
    }
  }
  await ctx.store.insert(blocks)
  await ctx.store.insert(extrinsics)
  await ctx.store.insert(events)
  await ctx.store.insert(mentions)
  await ctx.store.upsert([...accounts.values()])
  await ctx.store.insert(holdChanges)
  await ctx.store.upsert(sessions)
  await ctx.store.upsert([...validators.values()])
  await market.save()
  ctx.log.info(`indexed blocks #${ctx.blocks[0]?.header.height} to #${ctx.blocks[ctx.blocks.length - 1]?.header.height}`)
}), (e) => {
  console.error(`cannot start: ${e}`)
  process.exit(1)
})
