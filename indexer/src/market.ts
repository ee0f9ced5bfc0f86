// The market's own records, built from its events in block order: jobs with their status and
// outcome, bids, assignments, payments, slashes, burns, royalties, providers with their record
// and money, assets with their grants and uses, and the hourly and per-provider daily sums.
// Every value comes from an event argument of a finalized block; nothing is read from
// storage, so a record is exactly what the chain announced.
import { Store } from '@subsquid/typeorm-store'
import { Asset, AssetUse, Assignment, Bid, Burn, AccessGrant, Job, MarketHour, Payment, Provider, ProviderDay, Royalty, Slash } from './model'

/** An event as the processor gives it: its name, its decoded arguments, where it happened. */
export interface MarketEvent {
  name: string
  args: any
  height: number
  index: number
  /** The block's timestamp (Timestamp.Now), milliseconds. */
  timestamp: number
}

/** An amount or id the event must carry: a missing or malformed one stops the processor. */
const big = (v: unknown): bigint => {
  if (v === undefined || v === null) throw new Error('a number argument is missing')
  return BigInt(v as string | number | bigint)
}
const num = (v: unknown): number => {
  const n = Number(big(v))
  if (!Number.isSafeInteger(n)) throw new Error(`${v} is not a whole number`)
  return n
}
/** An account or hash the event must carry. */
const str = (v: unknown): string => {
  if (typeof v !== 'string') throw new Error(`expected an account or hash, got ${JSON.stringify(v)}`)
  return v
}

/**
 * The events of the two pallets the records need nothing from (their facts are in the events
 * table). Any other event name of the two pallets that the mapping does not know stops the
 * processor: a runtime that added one needs the mapping taught first, rather than records
 * that silently miss it.
 */
const NOT_RECORDED = new Set([
  'ComputeMarket.ProfileUpdated', 'ComputeMarket.OfferPosted', 'ComputeMarket.OfferWithdrawn', 'ComputeMarket.ChallengeBondForfeited',
  'ComputeMarket.PaymentFailed', 'ComputeMarket.EscrowRefunded', 'ComputeMarket.DeadlineExtended', 'DataRegistry.DepositReleased',
])
const kind = (v: any): string => (typeof v === 'string' ? v : v?.__kind ?? JSON.stringify(v))

/** The job id an event is about, if it has one. */
export function jobIdOf(args: any): number | undefined {
  const id = args?.jobId
  return id === undefined || id === null ? undefined : num(id)
}

/** The asset a DataRegistry event is about, if it names one. */
export function assetIdOf(args: any): number | undefined {
  const id = args?.asset
  return id === undefined || id === null ? undefined : num(id)
}

/** Loads the records a batch touches, applies its events, and saves what changed. */
export class Market {
  private jobs = new Map<string, Job>()
  private providers = new Map<string, Provider>()
  private bids = new Map<string, Bid>()
  private assignments = new Map<string, Assignment>()
  /** Job-provider pairs whose stored assignments are already in `assignments`. */
  private assignmentsLoaded = new Set<string>()
  private created: (Payment | Slash | Burn | Royalty)[] = []
  private assets = new Map<string, Asset>()
  private grants = new Map<string, AccessGrant>()
  private uses = new Map<string, AssetUse>()
  private hours = new Map<string, MarketHour>()
  private days = new Map<string, ProviderDay>()
  /** Asset uses announced before their job, by job id. */
  private awaiting = new Map<string, AssetUse[]>()
  /** Arbiter rounds per job seen in this batch, for assignment ids. */
  private rounds = new Map<string, number>()

  constructor(private store: Store) {}

  private async job(id: number): Promise<Job | undefined> {
    const key = String(id)
    let job = this.jobs.get(key) ?? (await this.store.get(Job, key))
    if (job) this.jobs.set(key, job)
    return job
  }

  private async provider(who: string): Promise<Provider | undefined> {
    let p = this.providers.get(who) ?? (await this.store.get(Provider, who))
    if (p) this.providers.set(who, p)
    return p
  }

  private async asset(id: unknown, e: MarketEvent): Promise<Asset> {
    const key = String(num(id))
    const asset = this.assets.get(key) ?? (await this.store.get(Asset, key))
    if (!asset) throw new Error(`${e.name} at #${e.height} names asset ${key}, which the index has not seen registered`)
    this.assets.set(key, asset)
    return asset
  }

  /** The hour (UTC) the event's block is stamped in, created empty on first use. */
  private async hour(e: MarketEvent): Promise<MarketHour> {
    const start = new Date(Math.floor(e.timestamp / 3600000) * 3600000)
    const key = start.toISOString()
    let h = this.hours.get(key) ?? (await this.store.get(MarketHour, key))
    if (!h) h = new MarketHour({ id: key, start, jobsPosted: 0, jobsSettled: 0, jobsFailed: 0, paid: 0n, slashed: 0n, burnt: 0n, royalties: 0n })
    this.hours.set(key, h)
    return h
  }

  /** The provider's day (UTC) the event's block is stamped in, created empty on first use. */
  private async day(p: Provider, e: MarketEvent): Promise<ProviderDay> {
    const day = new Date(Math.floor(e.timestamp / 86400000) * 86400000)
    const key = `${p.id}-${day.toISOString().slice(0, 10)}`
    let d = this.days.get(key) ?? (await this.store.get(ProviderDay, { where: { id: key }, relations: { provider: true } }))
    if (!d) d = new ProviderDay({ id: key, provider: p, day, payments: 0, earned: 0n, slashes: 0, slashed: 0n })
    d.provider = p
    this.days.set(key, d)
    return d
  }

  private async openGrant(asset: Asset, who: string): Promise<AccessGrant | undefined> {
    for (const g of this.grants.values()) if (g.asset.id === asset.id && g.who === who && g.revokedAt == null) return g
    const found = await this.store.find(AccessGrant, { where: { asset: { id: asset.id }, who }, relations: { asset: true } })
    const open = found.find((g) => g.revokedAt == null && !this.grants.has(g.id))
    if (open) this.grants.set(open.id, open)
    return open
  }

  private async use(asset: Asset, jobId: unknown): Promise<AssetUse | undefined> {
    const key = `${asset.id}-${num(jobId)}`
    const u = this.uses.get(key) ?? (await this.store.get(AssetUse, { where: { id: key }, relations: { asset: true, job: true } }))
    if (u) this.uses.set(key, u)
    return u
  }

  private async openBid(job: Job, who: string): Promise<Bid | undefined> {
    for (const b of this.bids.values()) if (b.job.id === job.id && b.provider.id === who && b.removedAt === undefined) return b
    const found = await this.store.find(Bid, { where: { job: { id: job.id }, provider: { id: who } }, relations: { job: true, provider: true } })
    const open = found.find((b) => b.removedAt === null || b.removedAt === undefined)
    if (open) this.bids.set(open.id, open)
    return open
  }

  /** The provider's latest assignment to the job; the store is asked once per job and provider per batch. */
  private async assignment(job: Job, who: string): Promise<Assignment | undefined> {
    const key = `${job.id}-${who}`
    if (!this.assignmentsLoaded.has(key)) {
      const stored = await this.store.find(Assignment, { where: { job: { id: job.id }, provider: { id: who } }, relations: { job: true, provider: true } })
      for (const a of stored) if (!this.assignments.has(a.id)) this.assignments.set(a.id, a)
      this.assignmentsLoaded.add(key)
    }
    let latest: Assignment | undefined
    for (const a of this.assignments.values()) {
      if (a.job.id === job.id && a.provider.id === who && (!latest || a.assignedAt > latest.assignedAt)) latest = a
    }
    return latest
  }

  /** Applies one event; an event of a job or provider the index never saw is an error. */
  async apply(e: MarketEvent): Promise<void> {
    const a = e.args
    const at = e.height
    const id = `${e.height}-${e.index}`
    const timestamp = new Date(e.timestamp)
    const needJob = async () => {
      const job = await this.job(num(a.jobId))
      if (!job) throw new Error(`${e.name} at #${at} names job ${a.jobId}, which the index has not seen posted`)
      return job
    }
    const needProvider = async (who: string) => {
      const p = await this.provider(who)
      if (!p) throw new Error(`${e.name} at #${at} names provider ${who}, which the index has not seen registered`)
      return p
    }
    switch (e.name) {
      case 'ComputeMarket.ProviderRegistered': {
        const p = (await this.provider(str(a.provider))) ?? new Provider({ id: a.provider, slashes: 0, earned: 0n, slashed: 0n, arbiter: false })
        Object.assign(p, { registeredAt: at, stake: big(a.stake), active: true, completed: 0 })
        this.providers.set(p.id, p)
        break
      }
      case 'ComputeMarket.StakeAdded': (await needProvider(a.provider)).stake = big(a.stake); break
      case 'ComputeMarket.ProviderUnregistered': (await needProvider(a.provider)).active = false; break
      case 'ComputeMarket.StakeWithdrawn': (await needProvider(a.provider)).stake = 0n; break
      case 'ComputeMarket.JoinedArbiterPool': (await needProvider(a.provider)).arbiter = true; break
      case 'ComputeMarket.LeftArbiterPool': (await needProvider(a.provider)).arbiter = false; break
      case 'ComputeMarket.JobPosted': {
        const job = new Job({ id: String(num(a.jobId)), requester: str(a.requester), replicas: num(a.replicas), escrow: big(a.escrow), postedAt: at, status: 'Bidding' })
        this.jobs.set(job.id, job)
        for (const u of this.awaiting.get(job.id) ?? []) u.job = job
        this.awaiting.delete(job.id)
        ;(await this.hour(e)).jobsPosted += 1
        break
      }
      case 'ComputeMarket.OfferAccepted': {
        const job = await needJob()
        job.offerId = num(a.offerId)
        job.status = 'Committing'
        break
      }
      case 'ComputeMarket.BidPlaced': {
        const job = await needJob()
        const bid = new Bid({ id: `${job.id}-${a.provider}-${id}`, job, provider: await needProvider(a.provider), price: big(a.price), bond: big(a.bond), placedAt: at })
        this.bids.set(bid.id, bid)
        break
      }
      case 'ComputeMarket.BidRemoved': {
        const bid = await this.openBid(await needJob(), a.provider)
        if (bid) Object.assign(bid, { removedAt: at, removal: kind(a.reason) })
        break
      }
      case 'ComputeMarket.JobAssigned': {
        const job = await needJob()
        Object.assign(job, { status: 'Committing', price: big(a.price) })
        if (!Array.isArray(a.providers)) throw new Error('providers is not a list')
        for (const who of a.providers as string[]) {
          const p = await needProvider(str(who))
          // A winner's bid ends here (the chain names only the losers' in BidRemoved).
          const won = await this.openBid(job, who)
          if (won) Object.assign(won, { removedAt: at, removal: 'Won' })
          const asg = new Assignment({ id: `${job.id}-${who}-0`, job, provider: p, role: 'Replica', assignedAt: at })
          this.assignments.set(asg.id, asg)
        }
        break
      }
      case 'ComputeMarket.ArbitersDrawn': {
        const job = await needJob()
        const round = (this.rounds.get(job.id) ?? (await this.store.count(Assignment, { where: { job: { id: job.id }, role: 'Arbiter' } }))) + 1
        this.rounds.set(job.id, round)
        job.status = 'Disputed'
        if (!Array.isArray(a.arbiters)) throw new Error('arbiters is not a list')
        for (const who of a.arbiters as string[]) {
          const asg = new Assignment({ id: `${job.id}-${who}-${round}`, job, provider: await needProvider(who), role: 'Arbiter', assignedAt: at })
          this.assignments.set(asg.id, asg)
        }
        break
      }
      case 'ComputeMarket.ResultCommitted': {
        const asg = await this.assignment(await needJob(), a.provider)
        if (asg) asg.committedAt = at
        break
      }
      case 'ComputeMarket.RevealPhaseStarted': (await needJob()).status = 'Revealing'; break
      case 'ComputeMarket.ResultRevealed':
      case 'ComputeMarket.VerdictRevealed': {
        const who = a.provider ?? a.arbiter
        const asg = await this.assignment(await needJob(), who)
        if (asg) Object.assign(asg, { revealedAt: at, resultHash: str(a.resultHash) })
        break
      }
      case 'ComputeMarket.ChallengeWindowOpened': (await needJob()).status = 'Challengeable'; break
      case 'ComputeMarket.ResultChallenged':
      case 'ComputeMarket.DisputeOpened': (await needJob()).status = 'Disputed'; break
      case 'ComputeMarket.ResultVerified': (await needJob()).resultHash = str(a.resultHash); break
      case 'ComputeMarket.JobSettled':
        Object.assign(await needJob(), { status: 'Settled', endedAt: at })
        ;(await this.hour(e)).jobsSettled += 1
        break
      case 'ComputeMarket.JobFailed':
        Object.assign(await needJob(), { status: 'Failed', failure: kind(a.reason), endedAt: at })
        ;(await this.hour(e)).jobsFailed += 1
        break
      case 'ComputeMarket.JobExpired':
        Object.assign(await needJob(), { status: 'Expired', endedAt: at })
        ;(await this.hour(e)).jobsFailed += 1
        break
      case 'ComputeMarket.JobCancelled': Object.assign(await needJob(), { status: 'Cancelled', endedAt: at }); break
      case 'ComputeMarket.JobPruned': (await needJob()).prunedAt = at; break
      case 'ComputeMarket.ReputationEarned': (await needProvider(a.provider)).completed = num(a.completed); break
      case 'ComputeMarket.ProviderPaid': {
        const p = await needProvider(a.provider)
        const amount = big(a.amount)
        p.earned += amount
        this.created.push(new Payment({ id, job: await needJob(), provider: p, amount, height: at, timestamp }))
        ;(await this.hour(e)).paid += amount
        const d = await this.day(p, e)
        d.payments += 1
        d.earned += amount
        break
      }
      case 'ComputeMarket.BondSlashed': {
        const p = await needProvider(a.provider)
        const amount = big(a.amount)
        p.slashed += amount
        p.slashes += 1
        this.created.push(new Slash({ id, job: await needJob(), provider: p, amount, reason: kind(a.reason), height: at, timestamp }))
        ;(await this.hour(e)).slashed += amount
        const d = await this.day(p, e)
        d.slashes += 1
        d.slashed += amount
        break
      }
      case 'ComputeMarket.Burnt':
        this.created.push(new Burn({ id, job: await needJob(), amount: big(a.amount), height: at, timestamp }))
        ;(await this.hour(e)).burnt += big(a.amount)
        break
      case 'DataRegistry.AssetRegistered': {
        const asset = new Asset({ id: String(num(a.asset)), owner: str(a.owner), kind: kind(a.kind), contentHash: str(a.contentHash), license: a.license,
          royalty: big(a.royalty), registeredAt: at, uses: 0, royaltiesPaid: 0n })
        this.assets.set(asset.id, asset)
        break
      }
      case 'DataRegistry.AccessGranted': {
        const asset = await this.asset(a.asset, e)
        if (await this.openGrant(asset, a.who)) break
        const g = new AccessGrant({ id: `${asset.id}-${str(a.who)}-${id}`, asset, who: a.who, grantedAt: at })
        this.grants.set(g.id, g)
        break
      }
      case 'DataRegistry.AccessRevoked': {
        const g = await this.openGrant(await this.asset(a.asset, e), a.who)
        if (g) g.revokedAt = at
        break
      }
      case 'DataRegistry.LicenseChanged': (await this.asset(a.asset, e)).license = a.license; break
      case 'DataRegistry.RoyaltyChanged': (await this.asset(a.asset, e)).royalty = big(a.royalty); break
      case 'DataRegistry.OwnershipTransferred': (await this.asset(a.asset, e)).owner = str(a.to); break
      case 'DataRegistry.AssetRetired': (await this.asset(a.asset, e)).retiredAt = at; break
      case 'DataRegistry.AssetRemoved': (await this.asset(a.asset, e)).removedAt = at; break
      case 'DataRegistry.AssetUseStarted': {
        const asset = await this.asset(a.asset, e)
        asset.uses += 1
        const u = new AssetUse({ id: `${asset.id}-${num(a.jobId)}`, asset, requester: a.requester, startedAt: at })
        // The registry announces a use before the market announces the job (same call): the
        // job is attached when JobPosted comes.
        const job = await this.job(num(a.jobId))
        if (job) u.job = job
        else this.awaiting.set(String(num(a.jobId)), [...(this.awaiting.get(String(num(a.jobId))) ?? []), u])
        this.uses.set(u.id, u)
        break
      }
      case 'DataRegistry.RoyaltyRefunded': {
        const u = await this.use(await this.asset(a.asset, e), a.jobId)
        if (u) Object.assign(u, { outcome: 'Refunded', endedAt: at })
        break
      }
      case 'DataRegistry.RoyaltyPaid': {
        const asset = await this.asset(a.asset, e)
        const amount = big(a.amount)
        asset.royaltiesPaid += amount
        this.created.push(new Royalty({ id, job: await needJob(), asset, owner: str(a.owner), amount, height: at, timestamp }))
        const u = await this.use(asset, a.jobId)
        if (u) Object.assign(u, { outcome: 'Paid', endedAt: at })
        ;(await this.hour(e)).royalties += amount
        break
      }
      default:
        if (!NOT_RECORDED.has(e.name)) throw new Error(`${e.name} is an event this indexer does not know; teach indexer/src/market.ts before indexing this runtime`)
    }
  }

  /** Saves every record the batch created or changed, parents first. */
  async save(): Promise<void> {
    if (this.awaiting.size) throw new Error(`assets used by jobs ${[...this.awaiting.keys()].join(', ')} that were never posted`)
    await this.store.upsert([...this.providers.values()])
    await this.store.upsert([...this.jobs.values()])
    await this.store.upsert([...this.bids.values()])
    await this.store.upsert([...this.assignments.values()])
    await this.store.upsert([...this.assets.values()])
    await this.store.upsert([...this.grants.values()])
    await this.store.upsert([...this.uses.values()])
    await this.store.upsert([...this.hours.values()])
    await this.store.upsert([...this.days.values()])
    for (const kindOf of [Payment, Slash, Burn, Royalty]) {
      await this.store.insert(this.created.filter((c) => c instanceof kindOf))
    }
  }
}
