//! Provider mode: sell this machine's compute.
//!
//! The agent follows finalized blocks. At each block it looks at the jobs the block's market
//! events name and at the work it has not finished, reads their state from storage, and
//! does what is due: bid on a job it can run at a price its policy accepts, run an assigned
//! job and commit its result, reveal once the commit phase has closed. Drawn as an arbiter,
//! it runs the job too, fetches each disputed replica's result and commits to its own result
//! with a verdict per replica: does that result agree with its own within the job's
//! tolerance ([`workload::within`]). Transactions are
//! fire-and-forget with nonces the agent tracks; what landed is read back from the chain, and
//! what did not land in [`decide::RESUBMIT_AFTER`] blocks is submitted again. After a restart the
//! agent rebuilds its view from storage (every assignment, every open job) and from its state
//! file, which holds each result's salt from before the commitment was submitted.
//!
//! What to do (bid or not, at what bond; what a job needs next) is decided by the pure
//! functions of [`crate::decide`]; this module reads the chain for them and carries out
//! their answers.

use std::{collections::BTreeMap, sync::Arc, time::Duration};

use anyhow::Context;
use tokio::{
	net::TcpListener,
	sync::{mpsc, watch, RwLock, Semaphore},
	task::AbortHandle,
};
use tracing::Instrument;

use crate::{
	chain::{self, api, Chain, ContentRef, JobId, JobStatus, Judgement, Round, Signer},
	config::{show_alm, PriceCache, ProviderConfig},
	decide::{self, runner_for, Action, Decline, Phase, BID_LANDS_AFTER},
	hash::Hash,
	http::{self, FetchError},
	metrics::{self, Metrics},
	outbound::{Outbound, OutboundError},
	state::{Role, State},
	store::Store,
	workload::{
		self, magika,
		sandbox::{RunError, Workers},
		Check, Failure, Outcome,
	},
};

/// Finalized blocks before the commit deadline at which missing content counts as
/// unavailable.
const LAST_CHANCE: u32 = 5;
/// How long a provider waits for a job's content host to resolve before it bids.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);
/// How long one content download may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(60);
/// How long an arbiter waits for a disputed replica's result, all its addresses together (a
/// small document; the replicas' downloads run at once).
const RESULT_FETCH_TIMEOUT: Duration = Duration::from_secs(15);

/// Faults a test can switch on to show how the market treats a dishonest provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Fault {
	/// Change every result before committing it.
	CorruptResult,
	/// Fetch a job's content, then say it could not be had (as a requester's own provider
	/// would, to keep the data owner from its royalty).
	ClaimUnavailable,
	/// Round as another CPU would: one float output of an ONNX model, Magika's score, a
	/// speech probability or a picture's score, one unit (1e-4) up. The result is honest within any tolerance, but its hash differs.
	RoundDifferently,
	/// Cut a result short: a speech result's second half of frames (its segments follow
	/// from what is left), a picture's second half of scores, or the second half of each ONNX
	/// output's values.
	TruncateOutput,
	/// Run a cheaper model than the job's: a pipeline's model swapped for one with random
	/// weights and the same inputs and outputs (other workloads run as they are).
	SwapModel,
	/// Run nothing and answer `undeclared_work`, as if the input held more work than the job
	/// declares.
	ClaimUndeclared,
}

struct Agent {
	config: ProviderConfig,
	chain: Chain,
	signer: Arc<Signer>,
	state: State,
	/// Open jobs already looked at for a bid, with the block at which it first looked.
	considered: std::collections::BTreeMap<JobId, u32>,
	/// How often it bid again on a job after being displaced.
	rebids: std::collections::BTreeMap<JobId, u32>,
	/// Work whose next transaction waits for a pause to end (said once in the log).
	held: std::collections::BTreeSet<(JobId, Role)>,
	/// Open jobs it did not bid on because `place_bid` was paused: looked at again each block.
	bid_later: std::collections::BTreeSet<JobId>,
	/// Whether a profile update or joining the arbiter pool waits for a pause to end.
	profile_held: bool,
	/// Where it may connect to fetch content and results.
	outbound: Outbound,
	/// Tells job tasks the last finalized block.
	head: watch::Sender<Head>,
	/// What a job's run needs, shared with the tasks that fetch content and run workers.
	runs: Arc<Runs>,
	/// The jobs whose content is being fetched or whose workload runs, off the block loop.
	running: BTreeMap<(JobId, Role), AbortHandle>,
	/// Where those tasks report.
	ran: mpsc::UnboundedReceiver<Ran>,
	/// What it counts (`metrics_listen`).
	metrics: Arc<Metrics>,
	/// The price command's recent answers.
	prices: PriceCache,
	/// The ids of its standing offers still on chain at the last look, and those its
	/// `OfferPosted` events brought since; `None` before the first look after connecting
	/// (which starts from the state file's).
	offer_ids: Option<Vec<u64>>,
	/// Its posts and withdrawals of standing offers, which run in tasks of their own.
	offer_posts: Arc<std::sync::Mutex<OfferPosts>>,
}

/// Posts and withdrawals of standing offers under way: each waits for finality in a task of
/// its own, so the loop does not stall on it, and no offer is posted again while one is under
/// way.
#[derive(Debug, Default)]
struct OfferPosts {
	/// Posts and withdrawals sent whose outcome is not known yet.
	in_flight: usize,
	/// The ids of offers posted since the loop last looked.
	posted: Vec<u64>,
}

/// What a job's run needs: the block loop hands it to a task per job and never waits for one.
struct Runs {
	store: Store,
	keypair: subxt_signer::sr25519::Keypair,
	max_content_bytes: u64,
	outbound: Outbound,
	workers: Workers,
	wall: Duration,
	fault: Option<Fault>,
	/// How many workers run at once (`concurrency`).
	slots: Semaphore,
	/// The last finalized block the loop saw: whether missing content is still worth waiting
	/// for depends on the block when the download failed, not when it started.
	head: watch::Receiver<Head>,
	report: mpsc::UnboundedSender<Ran>,
	metrics: Arc<Metrics>,
}

/// What the block loop waits for: the next finalized block, or a job task's report.
enum Next<B> {
	Block(Option<B>),
	Ran(Option<Ran>),
}

/// What a job's task reports to the block loop.
struct Ran {
	job: JobId,
	role: Role,
	what: RanWhat,
}

enum RanWhat {
	/// The result is in the content store.
	Stored(Hash),
	/// An arbiter's verdict on the disputed replicas.
	Judged(Vec<Judgement>),
	/// Content is not to be had yet: tried again next block.
	NotYet,
	/// The worker gave no result.
	NoResult(RunError),
	/// Something else went wrong (logged; tried again next block).
	Failed(anyhow::Error),
}

/// The span of the log lines about one job in one role: `job{id=7 role=Provider}`.
fn job_span(job: JobId, role: Role) -> tracing::Span {
	// Not inside the span current where the work starts: a task started while stepping a
	// job would otherwise print the job's span twice.
	tracing::info_span!(parent: None, "job", id = job, role = ?role)
}

/// How often a job's worker may give no result (crash, host kill) before the job is given up.
const MAX_FAILED_RUNS: u32 = 2;

/// How often the agent bids again on one job after a larger bond displaced its bid.
const MAX_REBIDS: u32 = 2;

/// How often a registration held back by a pause looks again: a block.
const PAUSE_POLL: Duration = Duration::from_secs(6);

/// Runs the provider until SIGTERM or SIGINT, then stops gracefully: no new work, job tasks
/// and their workers stopped, the blob server drained. Reconnects when the node goes away.
pub async fn run(config: ProviderConfig, fault: Option<Fault>) -> anyhow::Result<()> {
	let store = Store::open(&config.data_dir.join("store"))?;
	let signer = Signer::from_suri(&config.suri()?)?;
	let state = State::load(&config.data_dir, &signer.account.to_string())?;
	let listener = TcpListener::bind(&config.listen)
		.await
		.with_context(|| format!("cannot listen on {}", config.listen))?;
	log::info!(
		"provider {} serving content at {} (listening on {})",
		signer.account,
		config.endpoint,
		listener.local_addr()?
	);
	if let Some(f) = fault {
		log::warn!("test fault switched on: {f:?}");
	}
	let chain = connect_retrying(&config.nodes()).await;
	let server = Arc::new(http::Server {
		chain: RwLock::new(chain.clone()),
		store: store.clone(),
		owner: signer.account.clone(),
		authority: http::authority_of(&config.endpoint)
			.context("endpoint is not http://host:port")?
			.to_string(),
		served: http::Served::default(),
		guards: http::Guards::default(),
	});
	let (stop_server, server_stops) = tokio::sync::oneshot::channel::<()>();
	let serving = tokio::spawn(http::serve_until(listener, server.clone(), async move {
		let _ = server_stops.await;
	}));
	let outbound = Outbound::allowing(config.allow_networks.clone());
	if !outbound.allowed().is_empty() {
		let allowed: Vec<String> = outbound.allowed().iter().map(|n| n.to_string()).collect();
		log::info!("fetches from public addresses and from {}", allowed.join(", "));
	}
	if !config.worker_prefix.is_empty() {
		log::info!("workers run under `{}`", config.worker_prefix.join(" "));
	}
	let metrics = Arc::new(Metrics::default());
	if let Some(listen) = &config.metrics_listen {
		let listener = TcpListener::bind(listen)
			.await
			.with_context(|| format!("metrics_listen: cannot listen on {listen}"))?;
		log::info!("metrics at http://{}/metrics", listener.local_addr()?);
		let counted = metrics.clone();
		let answer = move |req: hyper::Request<hyper::body::Incoming>, _| {
			let counted = counted.clone();
			async move {
				match req.uri().path() {
					"/metrics" => http::reply(hyper::StatusCode::OK, counted.render()),
					_ => http::reply(hyper::StatusCode::NOT_FOUND, "GET /metrics\n"),
				}
			}
		};
		let limits = http::Limits::default();
		tokio::spawn(http::serve_within(listener, limits, answer, std::future::pending()));
	}
	let (report, ran) = mpsc::unbounded_channel();
	let (head_tx, head) = watch::channel(Head::default());
	let runs = Arc::new(Runs {
		store: store.clone(),
		keypair: signer.keypair.clone(),
		max_content_bytes: config.max_content_bytes,
		outbound: outbound.clone(),
		workers: Workers::of_this_binary()
			.context("finding this binary to start workers")?
			.under(&config.worker_prefix)
			.context("finding this binary to start workers under `worker_prefix`")?,
		wall: Duration::from_secs(config.workload_timeout_secs),
		fault,
		slots: Semaphore::new(config.concurrency as usize),
		head,
		report,
		metrics: metrics.clone(),
	});
	let mut agent = Agent {
		head: head_tx,
		config,
		chain,
		signer,
		state,
		considered: Default::default(),
		rebids: Default::default(),
		held: Default::default(),
		bid_later: Default::default(),
		profile_held: false,
		outbound,
		runs,
		running: BTreeMap::new(),
		ran,
		metrics,
		prices: PriceCache::default(),
		offer_ids: None,
		offer_posts: Default::default(),
	};
	use tokio::signal::unix::{signal, SignalKind};
	let mut terminate = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
	let mut interrupt = signal(SignalKind::interrupt()).context("listening for SIGINT")?;
	let work = async {
		loop {
			if let Err(e) = agent.follow().await {
				log::error!("{e:#}; reconnecting");
				tokio::time::sleep(Duration::from_secs(2)).await;
				agent.chain = connect_retrying(&agent.config.nodes()).await;
				agent.signer.forget_nonce().await;
				*server.chain.write().await = agent.chain.clone();
			}
		}
	};
	tokio::select! {
		// The loop never ends; `()` names the type it would end with, so that no never-type
		// fallback reaches the macro's unsafe pinning (a deny-by-default lint).
		() = work => {},
		_ = terminate.recv() => log::info!("SIGTERM: stopping"),
		_ = interrupt.recv() => log::info!("SIGINT: stopping"),
	}
	// Everything owed to the chain is in the state file already: a restart takes it up,
	// and work stopped here runs again then (its workers die with their tasks).
	for task in std::mem::take(&mut agent.running).into_values() {
		task.abort();
	}
	agent.save_state();
	let _ = stop_server.send(());
	let _ = serving.await;
	log::info!("stopped");
	Ok(())
}

/// How long a standing offer's post or withdrawal may take to be final before the agent looks
/// at its offers again.
const OFFER_POST_TIMEOUT: Duration = Duration::from_secs(120);

/// How long one attempt to connect to a node may take: a node that accepts the connection
/// but does not answer must not keep the agent from the next one.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// Connects to the first of `urls` that answers, in order, trying them all again every 2 s
/// while none does (saying why once per node).
pub async fn connect_retrying(urls: &[String]) -> Chain {
	let mut warned = vec![false; urls.len()];
	loop {
		for (i, (url, warned)) in urls.iter().zip(&mut warned).enumerate() {
			let failed = match tokio::time::timeout(CONNECT_TIMEOUT, Chain::connect(url)).await {
				Ok(Ok(chain)) => {
					log::info!("connected to {url}");
					return chain;
				},
				Ok(Err(e)) => e.to_string(),
				Err(_) => format!("the node at {url} did not answer in {CONNECT_TIMEOUT:?}"),
			};
			if !*warned {
				let then =
					if i + 1 < urls.len() { "trying the next node" } else { "retrying every 2 s" };
				log::warn!("{failed}; {then}");
				*warned = true;
			}
		}
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
}

impl Agent {
	fn me(&self) -> &subxt::utils::AccountId32 {
		&self.signer.account
	}

	/// Writes what the state only noted ([`State::note`]): once per block, not per change.
	fn save_state(&mut self) {
		if let Err(e) = self.state.flush() {
			log::error!("{e}");
		}
	}

	async fn follow(&mut self) -> anyhow::Result<()> {
		// Blocks missed while disconnected may hold this provider's `OfferPosted` events:
		// its offers are looked up again.
		self.offer_ids = None;
		let at = self.chain.finalized().await?;
		self.ensure_registered(&at).await?;
		let at = self.chain.finalized().await?;
		let n = at.block_number() as u32;
		self.head
			.send_replace(Head { number: n, paused: Chain::paused_blocks(&at).await? });
		log::info!("rebuilding the view of the market at finalized block #{n}");
		// Subscribed first: blocks finalized while the view is rebuilt come in the stream,
		// and a gap in it is rebuilt below.
		let mut blocks = self.chain.api.stream_blocks().await.map_err(subxt::Error::from)?;
		self.rebuild(&at, n).await?;
		self.work_off(&at, n).await?;
		self.save_state();

		let mut seen = n;
		let mut last = at;
		loop {
			// A job's run reports between blocks: its commitment goes out at once, with the
			// state of the last block.
			let next = tokio::select! {
				block = blocks.next() => Next::Block(block),
				ran = self.ran.recv() => Next::Ran(ran),
			};
			let block = match next {
				Next::Block(Some(block)) => block,
				Next::Block(None) => break,
				Next::Ran(Some(ran)) => {
					let span = job_span(ran.job, ran.role);
					self.take_report(&last, seen, ran).instrument(span).await;
					self.save_state();
					continue;
				},
				// The agent holds a sender: the channel never closes while it runs.
				Next::Ran(None) => continue,
			};
			let block = block.map_err(subxt::Error::from)?;
			let n = block.number() as u32;
			// The stream starts with a few finalized blocks the view above already covers.
			if n <= seen {
				continue;
			}
			let gap = n > seen.saturating_add(1);
			seen = n;
			let at = block.at().await.map_err(subxt::Error::from)?;
			self.head
				.send_replace(Head { number: n, paused: Chain::paused_blocks(&at).await? });
			last = at.clone();
			if gap {
				// Blocks the stream skipped may hold assignments of this provider and new
				// jobs: the view is rebuilt from the runtime API instead of their events.
				log::info!("blocks before #{n} were skipped; rebuilding the view");
				self.rebuild(&at, n).await?;
			}
			// Reports that came in with this block first: the job of a task that has ended
			// then has its result, and no second task is started for it below.
			while let Ok(ran) = self.ran.try_recv() {
				let span = job_span(ran.job, ran.role);
				self.take_report(&at, n, ran).instrument(span).await;
			}
			let market = Chain::block_market(&at, Some(self.me())).await?;
			if let Some(ids) = &mut self.offer_ids {
				ids.extend(&market.offers);
			}
			metrics::add(&self.metrics.earned, u64::try_from(market.earned).unwrap_or(u64::MAX));
			for (job, why) in &market.slashed {
				log::warn!("job {job}: this provider's bond was slashed ({why:?})");
				metrics::add(&self.metrics.slashes, 1);
			}
			for job in market.displaced {
				let bidding = self.bid_again(&at, n, job).instrument(job_span(job, Role::Provider));
				if let Err(e) = bidding.await {
					log::warn!("job {job}: {e:#}");
				}
			}
			// Assignments come only with these events; work already tracked is stepped below
			// whatever the events say.
			for job in market.assigned {
				self.rebids.remove(&job);
				self.track(&at, job).await?;
			}
			// A job is read for a bid once: `consider_bid` remembers the jobs it looked at, so
			// the events of jobs other providers work on cost no reads after the first.
			// Jobs not bid on for a pause are looked at again, with the ones touched.
			let touched: std::collections::BTreeSet<JobId> =
				std::mem::take(&mut self.bid_later).into_iter().chain(market.touched).collect();
			for job in touched {
				self.consider_bid(&at, n, job).instrument(job_span(job, Role::Provider)).await;
			}
			self.work_off(&at, n).await?;
			if n % 10 == 0 {
				self.ensure_offers(&at, n).await;
				if self.profile_held {
					match Chain::provider(&at, self.me()).await? {
						Some(me) => self.keep_profile(&me).await?,
						None => anyhow::bail!("the provider record is gone"),
					}
				}
			}
			if n % 100 == 0 {
				match self.state.prune(n, self.config.retention_blocks) {
					Ok(0) => {},
					Ok(dropped) => {
						log::info!("dropped {dropped} finished jobs from the state file")
					},
					Err(e) => log::warn!("{e}"),
				}
				// Jobs looked at for a bid that long ago have long closed their bidding;
				// should one still be open, looking at it again costs one price query.
				let retention = self.config.retention_blocks;
				self.considered.retain(|_, seen| seen.saturating_add(retention) > n);
				let considered = &self.considered;
				self.rebids.retain(|job, _| considered.contains_key(job));
			}
			self.save_state();
		}
		anyhow::bail!("the node's stream of finalized blocks ended")
	}

	/// Reads the market's view through its runtime API: every job this account is assigned
	/// to (tracked), every open job this machine's hardware and region qualify for (looked at
	/// for a bid, unless it was).
	async fn rebuild(&mut self, at: &chain::At, n: u32) -> anyhow::Result<()> {
		for job in Chain::jobs_of_provider(at, self.me()).await? {
			if Chain::assignments(at, job).await?.iter().any(|a| &a.provider == self.me()) {
				self.track(at, job).await?;
			}
		}
		let profile = &self.config.profile;
		for job in Chain::open_jobs_for(at, profile.hardware, profile.region).await? {
			self.consider_bid(at, n, job).instrument(job_span(job, Role::Provider)).await;
		}
		Ok(())
	}

	/// Registers the provider, or updates its profile, joins the arbiter pool and posts offers,
	/// as the configuration says.
	async fn ensure_registered(&mut self, at: &chain::At) -> anyhow::Result<()> {
		if Chain::provider(at, self.me()).await?.is_none() {
			let stake = self.config.stake;
			log::info!("registering as a provider with a stake of {stake}");
			// Nothing else can be done before: a paused registration is waited for here.
			let mut said = false;
			loop {
				let call = api::tx().compute_market().register_provider(stake.0, self.profile());
				match self.signer.submit_and_watch(&self.chain, call).await {
					Err(e @ chain::ChainError::Paused { .. }) => {
						if !said {
							log::info!("{e}; registering when the pause ends");
							said = true;
						}
						tokio::time::sleep(PAUSE_POLL).await;
					},
					sent => {
						sent?;
						break;
					},
				}
			}
		}
		let at = self.chain.finalized().await?;
		let me = Chain::provider(&at, self.me())
			.await?
			.context("the provider record is missing after registering")?;
		if me.status != chain::ProviderStatus::Active {
			anyhow::bail!("provider {} is unbonding; it cannot take work", self.me());
		}
		self.keep_profile(&me).await?;
		let n = at.block_number() as u32;
		self.ensure_offers(&at, n).await;
		Ok(())
	}

	/// The profile the configuration gives.
	fn profile(&self) -> chain::ProviderProfile {
		let p = &self.config.profile;
		chain::ProviderProfile {
			gpu_model: p.gpu_model.as_bytes().to_vec(),
			hardware: p.hardware,
			region: p.region,
			endpoint: self.config.endpoint.as_bytes().to_vec(),
		}
	}

	/// Updates the registered provider `me`'s profile and joins the arbiter pool, as the
	/// configuration says. A call that is paused is tried again every ten blocks
	/// (`profile_held`) while the agent works on.
	async fn keep_profile(&mut self, me: &chain::Provider) -> anyhow::Result<()> {
		let mut held = false;
		let profile = self.profile();
		if me.profile != profile {
			log::info!("updating the provider profile");
			let call = api::tx().compute_market().update_profile(profile);
			held |= self.unless_paused(self.signer.submit_and_watch(&self.chain, call).await)?;
		}
		if self.config.arbiter && me.arbiter_slot.is_none() {
			log::info!("joining the arbiter pool");
			let call = api::tx().compute_market().join_arbiter_pool();
			held |= self.unless_paused(self.signer.submit_and_watch(&self.chain, call).await)?;
		}
		self.profile_held = held;
		Ok(())
	}

	/// A transaction's outcome, with a pause (said once while it lasts) as `Ok(true)`.
	fn unless_paused<T>(&self, sent: chain::Result<T>) -> chain::Result<bool> {
		match sent {
			Err(e @ chain::ChainError::Paused { .. }) => {
				if !self.profile_held {
					log::info!("{e}; trying again every ten blocks");
				}
				Ok(true)
			},
			sent => sent.map(|_| false),
		}
	}

	/// Keeps the configured standing offers posted: one is posted again when it expired or its
	/// capacity is used up; an expired one, or a live one on terms no configured offer has, is
	/// withdrawn (it would still count towards the market's `MaxOffersPerProvider`). Reads only
	/// this provider's own offers, by the ids its state file and its `OfferPosted` events give;
	/// all offers are walked only when its provider record counts more offers than it knows.
	/// Posts and withdrawals are not waited for, so the loop does not stall on them.
	async fn ensure_offers(&mut self, at: &chain::At, n: u32) {
		let landed = {
			let mut posts = http::locked(&self.offer_posts);
			// Looked at again once the posts under way have landed or failed.
			if posts.in_flight > 0 {
				return;
			}
			std::mem::take(&mut posts.posted)
		};
		let mut ids = self.offer_ids.clone().unwrap_or_else(|| self.state.offers().to_vec());
		ids.extend(landed);
		ids.sort_unstable();
		ids.dedup();
		// Where the next look starts, should this one stop half-way.
		self.state.note_offers(ids.clone());
		self.offer_ids = Some(ids.clone());
		let mut known = Vec::new();
		for id in ids {
			match Chain::offer(at, id).await {
				Ok(o) => known.push((id, o.filter(|o| &o.provider == self.me()))),
				Err(e) => return log::warn!("cannot read offer {id}: {e}"),
			}
		}
		let on_chain = known.iter().filter(|(_, o)| o.is_some()).count();
		let count = match Chain::provider(at, self.me()).await {
			Ok(p) => p.map_or(0, |p| p.offers),
			Err(e) => return log::warn!("cannot read this provider's record: {e}"),
		};
		if decide::offers_unknown(count, on_chain) {
			log::info!(
				"the chain holds {count} offers of this provider, {on_chain} of them known: \
				 looking through all offers"
			);
			known = match Chain::offers(at).await {
				Ok(all) => all
					.into_iter()
					.filter(|(_, o)| &o.provider == self.me())
					.map(|(id, o)| (id, Some(o)))
					.collect(),
				Err(e) => return log::warn!("cannot read offers: {e}"),
			};
		}
		let max = match Chain::max_offers(at) {
			Ok(max) => max,
			Err(e) => return log::warn!("cannot read the market's offer limit: {e}"),
		};
		let wanted: Vec<decide::OfferTerms> = self
			.config
			.offers
			.iter()
			.map(|offer| decide::OfferTerms {
				price: offer.price.0,
				hardware: self.config.profile.hardware,
				execution_period: offer.execution_period,
				reveal_period: offer.reveal_period,
				scope: chain::OfferScope {
					kinds: offer.kinds.iter().map(|&k| k.into()).collect(),
					max_workload_size: self.config.max_content_bytes,
					max_input_size: self.config.max_content_bytes,
					min_tolerance: self.config.min_tolerance,
				},
				per_unit: offer.per_unit.map(|u| chain::UnitPrice {
					unit: u.unit.into(),
					per_unit: u.price.0,
					max_amount: u.max,
				}),
			})
			.collect();
		// Each live offer with its price per unit of work.
		let mut standing: Vec<(u64, Option<decide::Standing>)> = Vec::new();
		for (id, o) in known {
			let rate = match &o {
				Some(_) => match Chain::offer_unit_price(at, id).await {
					Ok(rate) => rate,
					Err(e) => return log::warn!("cannot read offer {id}'s unit price: {e}"),
				},
				None => None,
			};
			standing.push((id, o.map(|o| (o, rate))));
		}
		let plan = decide::plan_offers(
			&standing.iter().map(|(id, o)| (*id, o.as_ref())).collect::<Vec<_>>(),
			&wanted,
			max,
			n,
		);
		// Withdrawn offers are looked at again until they are gone.
		let mut keep = plan.live.clone();
		keep.extend(&plan.withdraw);
		self.state.note_offers(keep.clone());
		self.offer_ids = Some(keep);
		for id in plan.withdraw {
			let call = api::tx().compute_market().withdraw_offer(id);
			self.in_offer_task(format!("withdrawing standing offer {id}"), call, move |_| {
				log::info!("withdrew standing offer {id}");
				None
			});
		}
		for i in plan.post {
			let (terms, offer) = (wanted[i].clone(), &self.config.offers[i]);
			let (price, capacity) = (terms.price, offer.capacity);
			let expires_at = n.saturating_add(offer.valid_blocks);
			let (hardware, scope) = (terms.hardware, terms.scope);
			let (execution, reveal) = (terms.execution_period, terms.reveal_period);
			let by_unit = terms.per_unit.as_ref().map(|r| {
				let unit = workload::Unit::from(r.unit.clone()).name();
				format!(
					" plus {} per unit of {unit}, at most {}",
					show_alm(r.per_unit),
					r.max_amount
				)
			});
			let landed = move |events: &chain::TxEvents| {
				let id = match chain::first_event::<chain::OfferPosted>(events) {
					Ok(posted) => posted.map(|e| e.offer_id),
					Err(e) => {
						log::warn!("posting a standing offer: its event: {e}");
						None
					},
				};
				log::info!(
					"posted standing offer {}: {capacity} jobs at {}{}",
					id.map_or("(id not in its events)".into(), |id| id.to_string()),
					show_alm(price),
					by_unit.unwrap_or_default()
				);
				id
			};
			let tx = api::tx().compute_market();
			let what = "posting a standing offer".to_string();
			match terms.per_unit {
				None => {
					let call = tx.post_offer(
						price, hardware, capacity, expires_at, execution, reveal, scope,
					);
					self.in_offer_task(what, call, landed)
				},
				Some(rate) => {
					let call = tx.post_unit_offer(
						price, hardware, capacity, expires_at, execution, reveal, scope, rate,
					);
					self.in_offer_task(what, call, landed)
				},
			}
		}
	}

	/// Submits a call about a standing offer in a task that waits (at most
	/// `OFFER_POST_TIMEOUT`) for it to be final; `landed` reads its events and may give the id
	/// of an offer posted. The offers are looked at again once every such task has ended.
	fn in_offer_task(
		&self,
		what: String,
		call: impl subxt::transactions::Payload + Send + Sync + 'static,
		landed: impl FnOnce(&chain::TxEvents) -> Option<u64> + Send + 'static,
	) {
		http::locked(&self.offer_posts).in_flight += 1;
		let (signer, chain, posts) =
			(self.signer.clone(), self.chain.clone(), self.offer_posts.clone());
		tokio::spawn(async move {
			let watched = signer.submit_and_watch(&chain, call);
			match tokio::time::timeout(OFFER_POST_TIMEOUT, watched).await {
				Err(_) => {
					log::warn!("{what}: not final in {OFFER_POST_TIMEOUT:?}; looked at again")
				},
				Ok(Err(e)) => log::warn!("{what}: {e}"),
				Ok(Ok(events)) => {
					let id = landed(&events);
					http::locked(&posts).posted.extend(id);
				},
			}
			http::locked(&posts).in_flight -= 1;
		});
	}

	/// Adds an assigned job to the work list.
	async fn track(&mut self, at: &chain::At, job: JobId) -> anyhow::Result<()> {
		let Some(j) = Chain::job(at, job).await? else { return Ok(()) };
		// A finished job stays on chain until someone prunes it; its work may have been
		// dropped from the state file already.
		if j.status.is_terminal() {
			return Ok(());
		}
		let role = if j.round == Round::Arbitration { Role::Arbiter } else { Role::Provider };
		if self.state.work(job, role).is_none() {
			log::info!("assigned to job {job} as {role:?}");
			metrics::add(&self.metrics.assignments, 1);
			self.state.note(job, role, |_| {});
		}
		Ok(())
	}

	/// Bids again, with `max_bid_bond` at most, on a job from whose full bid list a larger
	/// bond displaced this agent's bid in finalized block `n`.
	async fn bid_again(&mut self, at: &chain::At, n: u32, job: JobId) -> anyhow::Result<()> {
		let Some(cap) = self.config.max_bid_bond.map(|a| a.0) else {
			log::info!("job {job}: a larger bond displaced the bid (max_bid_bond is not set)");
			return Ok(());
		};
		let Some((price, _)) = self.state.work(job, Role::Provider).and_then(|w| w.bid) else {
			return Ok(());
		};
		let tries = self.rebids.get(&job).copied().unwrap_or(0);
		let Some(j) = Chain::job(at, job).await? else { return Ok(()) };
		let open = j.status == JobStatus::Bidding
			&& j.deadline
				> n.saturating_add(BID_LANDS_AFTER).saturating_add(Chain::draw_delay(at)?);
		if tries >= MAX_REBIDS || !open {
			log::info!("job {job}: a larger bond displaced the bid; not bidding again");
			return Ok(());
		}
		let bids = Chain::bids(at, job).await?;
		let max_bids = Chain::max_bids(at)? as usize;
		let floor = self.bond_for(at, j.spec.max_price).await?;
		let Some(bond) = decide::rebid_bond(&bids, self.me(), max_bids, floor, cap) else {
			log::info!(
				"job {job}: a larger bond displaced the bid; max_bid_bond ({}) does not get in",
				show_alm(cap)
			);
			return Ok(());
		};
		let call = api::tx().compute_market().place_bid(job, price, bond);
		self.signer.submit(&self.chain, call).await?;
		self.rebids.insert(job, tries + 1);
		metrics::add(&self.metrics.bids, 1);
		self.state.update(job, Role::Provider, |w| w.bid = Some((price, n)))?;
		log::info!(
			"job {job}: the bid was displaced; bid {} again with a bond of {}",
			show_alm(price),
			show_alm(bond)
		);
		Ok(())
	}

	/// The bond a bid on a job of `max_price` holds: the job's least bond, or more if the
	/// operator says so (`bid_bond`): the bid's weight in the job's lot.
	async fn bond_for(
		&self,
		at: &chain::At,
		max_price: chain::Balance,
	) -> chain::Result<chain::Balance> {
		let least = Chain::least_bond(at, max_price).await?;
		Ok(decide::bond(least, self.config.bid_bond.map(|a| a.0)))
	}

	/// Bids on an open job if the agent can run it and its price policy accepts it.
	async fn consider_bid(&mut self, at: &chain::At, n: u32, job: JobId) {
		if self.considered.contains_key(&job) || self.state.work(job, Role::Provider).is_some() {
			return;
		}
		self.considered.insert(job, n);
		// What cannot be read now is looked at again when the job is next touched.
		let j = match Chain::job(at, job).await {
			Ok(Some(j)) => j,
			Ok(None) => return,
			Err(e) => {
				log::warn!("cannot read job {job}: {e}");
				self.considered.remove(&job);
				return;
			},
		};
		if j.status == JobStatus::Bidding {
			metrics::add(&self.metrics.jobs_seen, 1);
		}
		let draw_delay = match Chain::draw_delay(at) {
			Ok(delay) => delay,
			Err(e) => {
				log::warn!("cannot read the chain's DrawDelay: {e}");
				self.considered.remove(&job);
				return;
			},
		};
		let c = &self.config;
		let bidder = decide::Bidder {
			me: &self.signer.account,
			hardware: c.profile.hardware,
			region: c.profile.region,
			min_tolerance: c.min_tolerance,
			min_execution_period: c.min_execution_period,
			min_reveal_period: c.min_reveal_period,
			max_content_bytes: c.max_content_bytes,
			open_jobs: self.state.uncomputed(),
			max_open_jobs: c.max_open_jobs,
			draw_delay,
		};
		let biddable = match decide::screen(&j, n, &bidder) {
			Ok(b) => b,
			Err(why) => return self.decline(job, why),
		};
		if let Some(chain::Permill(min)) = j.spec.min_reputation {
			let have = match Chain::provider(at, self.me()).await {
				Ok(p) => p.map_or(0, |p| p.reputation.score()),
				Err(e) => {
					log::warn!("cannot read this provider's reputation: {e}");
					self.considered.remove(&job);
					return;
				},
			};
			if let Err(why) = decide::reputation(min, have) {
				return self.decline(job, why);
			}
		}
		// Content it would not connect to: declined now rather than failed after assignment.
		for content in &biddable.fetched {
			let url = String::from_utf8_lossy(&content.uri).into_owned();
			// Bounded: a name whose resolver does not answer must not hold up the loop.
			let checked =
				tokio::time::timeout(RESOLVE_TIMEOUT, http::reachable(&url, &self.outbound));
			match checked.await {
				Ok(Ok(())) => {},
				Ok(Err(FetchError::Outbound { source: OutboundError::Resolve { .. }, .. }))
				| Err(_) => {
					// Maybe only for now: looked at again when the job is next touched.
					log::info!("job {job}: cannot resolve the host of {url} now");
					self.considered.remove(&job);
					return;
				},
				Ok(Err(e)) => return log::info!("not bidding on job {job}: {e}"),
			}
		}
		let work = match Chain::job_work(at, job).await {
			Ok(w) => w,
			Err(e) => {
				log::warn!("cannot read the work job {job} declares: {e}");
				self.considered.remove(&job);
				return;
			},
		};
		let query = decide::price_query(job, &j, work, &biddable, self.config.max_content_bytes);
		let price = match self.prices.price(&self.config.price, query, n).await {
			Ok(Some(p)) => p,
			Ok(None) => {
				return log::info!("not bidding on job {job}: the price policy declines it")
			},
			Err(e) => return log::info!("not bidding on job {job}: {e}"),
		};
		let price = match decide::price(&j, price) {
			Ok(price) => price,
			Err(why) => return self.decline(job, why),
		};
		let bond = match self.bond_for(at, j.spec.max_price).await {
			Ok(bond) => bond,
			Err(e) => {
				log::warn!("cannot read the bond a bid on job {job} needs: {e}");
				self.considered.remove(&job);
				return;
			},
		};
		let call = api::tx().compute_market().place_bid(job, price, bond);
		match self.signer.submit(&self.chain, call).await {
			Ok(()) => {
				metrics::add(&self.metrics.bids, 1);
				log::info!(
					"bid {} on job {job} with a bond of {}",
					show_alm(price),
					show_alm(bond)
				);
				// Written at once: a restarted agent learns its open bids from this file only.
				if let Err(e) = self.state.update(job, Role::Provider, |w| w.bid = Some((price, n)))
				{
					log::error!("{e}");
				}
			},
			Err(e @ chain::ChainError::Paused { .. }) => {
				self.considered.remove(&job);
				if self.bid_later.insert(job) {
					log::info!("not bidding on job {job} now: {e}; looking at it again each block");
				}
			},
			Err(e) => log::warn!("{e}"),
		}
	}

	/// Does not bid on `job`, for `why`; looks at it again when it is next touched if the
	/// reason may pass.
	fn decline(&mut self, job: JobId, why: Decline) {
		if why.look_again() {
			self.considered.remove(&job);
		}
		if let Decline::Busy { .. } = why {
			metrics::add(&self.metrics.jobs_declined_busy, 1);
		}
		if why != Decline::NotBidding {
			log::info!("not bidding on job {job}: {why}");
		}
	}

	/// Does what is due on every job with unfinished work.
	async fn work_off(&mut self, at: &chain::At, n: u32) -> anyhow::Result<()> {
		for (job, role) in self.state.open_work() {
			let stepped = self.step(at, n, job, role).instrument(job_span(job, role)).await;
			self.stepped(job, role, stepped);
		}
		Ok(())
	}

	/// Logs what a step on `job` in `role` came to. A transaction held back for a pause is
	/// said once while the pause lasts: the step is tried again every block, for free, and a
	/// paused deadline stands still.
	fn stepped(&mut self, job: JobId, role: Role, stepped: anyhow::Result<()>) {
		match stepped {
			Err(e) if matches!(e.downcast_ref(), Some(chain::ChainError::Paused { .. })) => {
				if self.held.insert((job, role)) {
					log::info!("job {job}: {e:#}; waiting for the pause to end");
				}
			},
			Err(e) => {
				self.held.remove(&(job, role));
				log::warn!("job {job}: {e:#}");
			},
			Ok(()) => {
				self.held.remove(&(job, role));
			},
		}
	}

	/// Does what [`decide::next_action`] says is due on `job` in `role` at block `n`.
	async fn step(&mut self, at: &chain::At, n: u32, job: JobId, role: Role) -> anyhow::Result<()> {
		let j = Chain::job(at, job).await?;
		let j = match (decide::phase(j.as_ref(), role), j) {
			(Phase::Active, Some(j)) => j,
			(Phase::Gone, _) => {
				log::info!("job {job} is not on chain at #{n} (pruned); nothing more to do");
				self.stop(job, role);
				self.state.note(job, role, |w| w.finish(n));
				return Ok(());
			},
			(Phase::Over(status), _) => {
				log::info!("job {job} finished: {status:?}");
				self.stop(job, role);
				self.state.note(job, role, |w| w.finish(n));
				return Ok(());
			},
			_ => return Ok(()),
		};
		let assignments = Chain::assignments(at, job).await?;
		let mine = assignments.iter().find(|a| &a.provider == self.me());
		let work = self.state.work(job, role).cloned().unwrap_or_default();
		match decide::next_action(&j.status, role, mine, &work, n) {
			Action::Wait => {},
			Action::Lost => {
				log::info!("job {job}: the bid did not win");
				self.state.note(job, role, |w| w.finish(n));
			},
			// Run off the loop; the task reports, and the commitment follows.
			Action::Run => {
				let declared = Chain::job_work(at, job).await?;
				self.start(j, declared, job, role)
			},
			Action::Commit { again } => {
				if again {
					log::info!(
						"job {job}: the commitment did not take effect; submitting it again"
					);
					self.signer.forget_nonce().await;
				}
				let Some(result) = work.result else {
					anyhow::bail!("a commitment is due, but the state file has no result");
				};
				let salt = match work.salt {
					Some(salt) => salt,
					None => {
						// Computed, but stopped before the salt was saved.
						let salt = fresh_salt()?;
						self.state.update(job, role, |w| w.salt = Some(salt))?;
						salt
					},
				};
				let commitment = if role == Role::Arbiter {
					let Some(verdict) = work.verdict else {
						// Judged off the loop: the disputed replicas' results are downloaded
						// in a task, whose report brings the verdict; the commitment follows.
						self.start_judging(at.clone(), j, job, n, result);
						return Ok(());
					};
					chain::verdict_commitment(&result, &verdict, &salt.0, self.me())
				} else {
					chain::commitment(&result, &salt.0, self.me())
				};
				let call = api::tx().compute_market().commit_result(job, commitment);
				self.signer.submit(&self.chain, call).await?;
				log::info!("job {job}: committed to result {result}");
				metrics::add(&self.metrics.commits, 1);
				self.state.note(job, role, |w| w.committed_at = Some(n));
			},
			Action::Reveal { again } => {
				if again {
					log::info!("job {job}: the reveal did not take effect; submitting it again");
					self.signer.forget_nonce().await;
				}
				let (Some(result), Some(salt)) = (work.result, work.salt) else {
					anyhow::bail!("a reveal is due, but the state file has no result and salt");
				};
				let uri = http::blob_url(&self.config.endpoint, &result);
				if role == Role::Arbiter {
					let Some(verdict) = work.verdict else {
						anyhow::bail!("a reveal is due, but the state file has no verdict");
					};
					let call = api::tx().compute_market().reveal_verdict(
						job,
						result,
						verdict.clone(),
						salt,
						uri.into_bytes(),
					);
					self.signer.submit(&self.chain, call).await?;
					log::info!("job {job}: revealed result {result} and verdict {verdict:?}");
				} else {
					let call = api::tx().compute_market().reveal_result(
						job,
						result,
						salt,
						uri.into_bytes(),
					);
					self.signer.submit(&self.chain, call).await?;
					log::info!("job {job}: revealed result {result}");
				}
				metrics::add(&self.metrics.reveals, 1);
				self.state.note(job, role, |w| w.revealed_at = Some(n));
			},
			Action::Broken(why) => anyhow::bail!("{why}"),
		}
		Ok(())
	}

	/// Starts the task that fetches a job's content and runs its workload, unless one runs.
	fn start(&mut self, j: chain::Job, declared: Option<workload::Work>, job: JobId, role: Role) {
		let key = (job, role);
		// A job has at most one task; its entry goes when its report is taken, so a task that
		// has ended but whose report waits in the channel is not started again.
		if self.running.contains_key(&key) {
			return;
		}
		let runs = self.runs.clone();
		let task = async move {
			match run_job(&runs, &j, declared, job).await {
				Ok(Some(hash)) => RanWhat::Stored(hash),
				Ok(None) => RanWhat::NotYet,
				Err(JobError::NoResult(e)) => RanWhat::NoResult(e),
				Err(JobError::Other(e)) => RanWhat::Failed(e),
			}
		};
		self.spawn_reporting(key, task);
	}

	/// Runs a job's task off the block loop, in the job's log span, and has it report.
	fn spawn_reporting(
		&mut self,
		key: (JobId, Role),
		task: impl std::future::Future<Output = RanWhat> + Send + 'static,
	) {
		let (job, role) = key;
		let runs = self.runs.clone();
		let work = tokio::spawn(task.instrument(job_span(job, role)));
		let abort = work.abort_handle();
		// Every task reports exactly once, also when it panicked or was stopped.
		tokio::spawn(async move {
			let what = work.await.unwrap_or_else(|e| {
				RanWhat::Failed(anyhow::anyhow!("the job's task ended early: {e}"))
			});
			// The loop outlives every task; a report to a loop that is gone has no reader.
			let _ = runs.report.send(Ran { job, role, what });
		});
		self.running.insert(key, abort);
	}

	/// Starts the task that judges the disputed replicas of `job` against this arbiter's
	/// result `own`, unless a task of the job runs.
	fn start_judging(&mut self, at: chain::At, j: chain::Job, job: JobId, n: u32, own: Hash) {
		let key = (job, Role::Arbiter);
		if self.running.contains_key(&key) {
			return;
		}
		let runs = self.runs.clone();
		let task = async move {
			match judge(&runs, &at, &j, job, n, &own).await {
				Ok(Some(verdict)) => RanWhat::Judged(verdict),
				Ok(None) => RanWhat::NotYet,
				Err(e) => RanWhat::Failed(e),
			}
		};
		self.spawn_reporting(key, task);
	}

	/// Stops a job's task, if one runs (its worker is killed with it).
	fn stop(&mut self, job: JobId, role: Role) {
		if let Some(task) = self.running.remove(&(job, role)) {
			task.abort();
		}
	}

	/// Takes an arbiter's verdict from its judging task: saves it with a salt of its own (one
	/// saved before the verdict may have been revealed already: an arbitration restarted by an
	/// upgrade) before the commitment leaves this machine, and commits at once.
	async fn take_verdict(
		&mut self,
		at: &chain::At,
		n: u32,
		job: JobId,
		role: Role,
		verdict: Vec<Judgement>,
	) {
		if self.state.work(job, role).is_none_or(|w| w.done || w.verdict.is_some()) {
			log::debug!("job {job}: a verdict came after the job needed it");
			return;
		}
		self.salt_and_commit(at, n, job, role, |w| w.verdict = Some(verdict)).await;
	}

	/// Takes a job task's report: a result, a verdict, a run that gave no result, or an
	/// error (tried again next block).
	async fn take_report(&mut self, at: &chain::At, n: u32, ran: Ran) {
		let Ran { job, role, what } = ran;
		self.running.remove(&(job, role));
		// A result the job no longer needs (finished meanwhile, or from a second run after
		// the first one's result was saved) changes nothing: above all not the salt of a
		// result that may be committed already, and not a job with a result into a no-show.
		let needed = self.state.work(job, role).is_some_and(|w| !w.done && w.result.is_none());
		match what {
			RanWhat::Judged(verdict) => self.take_verdict(at, n, job, role, verdict).await,
			RanWhat::NotYet => {},
			RanWhat::Failed(e) => log::warn!("job {job}: {e:#}; trying again next block"),
			RanWhat::Stored(_) | RanWhat::NoResult(_) if !needed => {
				log::debug!("job {job}: a run's report came after the job needed it")
			},
			RanWhat::Stored(result) => self.take_result(at, n, job, role, result).await,
			RanWhat::NoResult(e) => self.count_failed_run(n, job, role, e),
		}
	}

	/// Saves a run's result with a fresh salt, before the commitment leaves this machine,
	/// and commits at once.
	async fn take_result(&mut self, at: &chain::At, n: u32, job: JobId, role: Role, result: Hash) {
		self.salt_and_commit(at, n, job, role, |w| w.result = Some(result)).await;
	}

	/// Saves `change` to a job's work with a fresh salt, before the commitment leaves this
	/// machine, and steps the job (which commits).
	async fn salt_and_commit(
		&mut self,
		at: &chain::At,
		n: u32,
		job: JobId,
		role: Role,
		change: impl FnOnce(&mut crate::state::Work),
	) {
		let saved = fresh_salt().and_then(|salt| {
			Ok(self.state.update(job, role, |w| {
				change(w);
				w.salt = Some(salt);
			})?)
		});
		if let Err(e) = saved {
			log::error!("job {job}: {e:#}");
			return;
		}
		let stepped = self.step(at, n, job, role).await;
		self.stepped(job, role, stepped);
	}

	/// Counts a run that gave no result; gives the job up after [`MAX_FAILED_RUNS`], or at
	/// once when running it again would not help.
	fn count_failed_run(&mut self, n: u32, job: JobId, role: Role, e: RunError) {
		metrics::add(&self.metrics.runs_without_result, 1);
		let failed = self.state.work(job, role).map_or(0, |w| w.failed_runs) + 1;
		let saved = if e.worth_retrying() && failed < MAX_FAILED_RUNS {
			log::warn!("job {job}: {e}; trying again next block");
			self.state.update(job, role, |w| w.failed_runs = failed)
		} else {
			log::error!("job {job}: {e}; giving the job up (it goes uncommitted, a no-show)");
			metrics::add(&self.metrics.jobs_abandoned, 1);
			self.state.update(job, role, |w| {
				w.failed_runs = failed;
				w.abandoned = Some(e.to_string());
				w.finish(n);
			})
		};
		if let Err(e) = saved {
			log::error!("{e}");
		}
	}
}

/// This arbiter's verdict on each replica of `job`'s disputed round, its own result being
/// `own`: `Agrees` when the replica's result is the same answer within the job's
/// tolerance, `Differs` when it is not (or the replica revealed nothing or "content
/// unavailable"), `Unchecked` when its result could not be had by the last blocks of the
/// commit phase (the chain counts that against the replica, never against this arbiter).
/// A replica that revealed this arbiter's own hash agrees without a download; the others'
/// results are fetched at once from the URI each revealed or its provider's endpoint,
/// checked against the revealed hash. An arbiter that could not get the content judges
/// nobody (the chain ignores its verdict). `None` while a result cannot be had yet (tried
/// again next block).
async fn judge(
	runs: &Runs,
	at: &chain::At,
	j: &chain::Job,
	job: JobId,
	n: u32,
	own: &Hash,
) -> anyhow::Result<Option<Vec<Judgement>>> {
	let disputed = Chain::disputed(at, job).await?;
	let unavailable = workload::content_unavailable_hash();
	if *own == unavailable {
		// The chain ignores the verdict of an arbiter that could not get the content.
		return Ok(Some(vec![Judgement::Unchecked; disputed.len()]));
	}
	let mine = runs.store.get(own)?.context("our own result is not in the content store")?;
	let tolerance = j.spec.tolerance.unwrap_or(0);
	// Paused blocks do not count (see `Head::left`), read at `at`, the block `n`.
	let paused = Chain::paused_blocks(at).await?;
	let last_chance = Head { number: n, paused }.left(j.deadline, j.pause_mark) <= LAST_CHANCE;
	let mut verdict = vec![Judgement::Differs; disputed.len()];
	// The results to download, all at once, each address given `RESULT_FETCH_TIMEOUT`: a
	// replica whose server stalls must not hold up the others or the commitment.
	let mut downloads = tokio::task::JoinSet::new();
	for (i, a) in disputed.iter().enumerate() {
		let Some(r) = &a.reveal else { continue };
		let theirs = r.result_hash;
		if theirs == *own {
			verdict[i] = Judgement::Agrees;
		} else if theirs != unavailable {
			let urls = http::revealed_urls(at, a).await?;
			let (key, limit) = (runs.keypair.clone(), runs.max_content_bytes);
			let outbound = runs.outbound.clone();
			downloads.spawn(async move {
				let fetched =
					http::fetch_any(urls, key, job, theirs, limit, RESULT_FETCH_TIMEOUT, outbound);
				(i, fetched.await)
			});
		}
	}
	let mut missing = false;
	while let Some(done) = downloads.join_next().await {
		let (i, fetched) = done.context("a download task failed")?;
		verdict[i] = match fetched {
			Ok(bytes) if workload::within(&mine, &bytes, tolerance) => Judgement::Agrees,
			// A generation job's (this arbiter's own result says so), by re-scoring it.
			Ok(bytes)
				if workload::is_generation_result(&mine)
					&& workload::is_generation_result(&bytes) =>
			{
				// Given up in the last blocks, so the verdict on the others still commits.
				let mut head = runs.head.clone();
				let (deadline, mark) = (j.deadline, j.pause_mark);
				let check = tokio::select! {
					biased;
					Ok(_) = head.wait_for(|h| h.left(deadline, mark) <= LAST_CHANCE) => {
						Err(RunError::PastDeadline(deadline))
					},
					done = recheck(runs, j, &mine, &bytes) => done,
				};
				match check {
					Ok(Check::Agrees) => Judgement::Agrees,
					Ok(Check::Differs) => Judgement::Differs,
					Err(e) if last_chance || !e.worth_retrying() => {
						log::warn!(
							"job {job}: checking a disputed replica's result: {e}; unchecked"
						);
						Judgement::Unchecked
					},
					Err(e) => {
						log::info!(
							"job {job}: checking a disputed replica's result: {e}; trying again \
							 next block"
						);
						missing = true;
						Judgement::Unchecked
					},
				}
			},
			Ok(_) => Judgement::Differs,
			Err(e) if last_chance => {
				log::warn!("job {job}: a disputed replica's result: {e}; judged unchecked");
				Judgement::Unchecked
			},
			Err(e) => {
				log::info!("job {job}: a disputed replica's result: {e}; trying again next block");
				missing = true;
				Judgement::Unchecked
			},
		};
	}
	if missing {
		return Ok(None);
	}
	log::info!("job {job}: verdict on the disputed replicas {verdict:?} (tolerance {tolerance})");
	Ok(Some(verdict))
}

/// Whether `claimed`, a disputed replica's result of `j`, is one the job may give, judged in
/// a worker by re-running the job's model on it ([`workload::check`]) with the workload and
/// input this arbiter kept when it ran the job. A claim that is not a generation of the prompt
/// this arbiter's own result (`mine`) has differs without a run.
async fn recheck(
	runs: &Runs,
	j: &chain::Job,
	mine: &[u8],
	claimed: &[u8],
) -> Result<Check, RunError> {
	let prompt = |doc: &[u8]| match Outcome::decode(workload::Runner::Onnx, doc) {
		Some(Outcome::Generation(g)) => Some(g.prompt),
		_ => None,
	};
	match prompt(claimed) {
		Some(theirs) if Some(&theirs) == prompt(mine).as_ref() => {},
		_ => return Ok(Check::Differs),
	}
	let kept = |c: &ContentRef| match runs.store.get(&c.hash) {
		Ok(Some(bytes)) => Ok(bytes),
		Ok(None) => Err(RunError::NotKept(c.hash.to_string())),
		// A read that failed may not fail again.
		Err(e) => Err(RunError::Crashed(e.to_string())),
	};
	let (workload, input) = (kept(&j.spec.workload.content)?, kept(&j.spec.input)?);
	let _slot = runs.slots.acquire().await.map_err(|e| RunError::Crashed(e.to_string()))?;
	let tolerance = j.spec.tolerance.unwrap_or(0);
	let started = std::time::Instant::now();
	// A chunked pass and, for a result that fails in a chunk, a token-by-token one.
	let wall = runs.wall.saturating_mul(2);
	let check = runs.workers.check(&workload, &input, claimed, tolerance, wall).await;
	log::info!(
		"checked a replica's result by re-running the model in {:?}: {check:?}",
		started.elapsed()
	);
	check
}

/// The last finalized block, and how many blocks the market had been paused in by then
/// (`PausedBlocks`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Head {
	number: u32,
	paused: u32,
}

impl Head {
	/// Blocks left before `deadline`, of a phase scheduled when the market had been paused
	/// `mark` blocks (the job's `pause_mark`). While the market is paused its deadlines stand
	/// still, and a phase gets every paused block back: the deadline counts as moved by the
	/// blocks paused since `mark`, whether or not the chain has moved it yet.
	fn left(&self, deadline: u32, mark: u32) -> u32 {
		deadline
			.saturating_add(self.paused.saturating_sub(mark))
			.saturating_sub(self.number)
	}
}

/// `work`'s output, or `None` once its result could no longer be committed before
/// `deadline` (the block a commitment must land before, for a phase scheduled at pause mark
/// `mark`): when the last finalized block (`head`) is the one before it, the chain's head is
/// at least there and the next block is too late. Blocks in which the market is paused do not
/// count. `work` is then dropped; when that point has come already, it is never started.
async fn before_deadline<T>(
	work: impl std::future::Future<Output = T>,
	mut head: watch::Receiver<Head>,
	deadline: u32,
	mark: u32,
) -> Option<T> {
	tokio::select! {
		// The deadline first: work that is too late must not even start a worker.
		biased;
		// A closed channel (the loop is gone) disables this branch.
		Ok(_) = head.wait_for(|h| h.left(deadline, mark) <= 1) => None,
		done = work => Some(done),
	}
}

/// Why a job's run gave nothing to commit.
enum JobError {
	/// The worker gave no result.
	NoResult(RunError),
	/// Anything else.
	Other(anyhow::Error),
}

impl<E: Into<anyhow::Error>> From<E> for JobError {
	fn from(e: E) -> Self {
		JobError::Other(e.into())
	}
}

/// Fetches what a job needs and runs it in a worker; stores the result and returns its hash.
/// `None` while content is not to be had yet (tried again next block). Runs in a task of its
/// own, so a slow download or a long workload holds up no other job; at most `concurrency`
/// workers run at once.
/// `declared`: the work the job declares (`JobWork`), which the worker holds the input to.
async fn run_job(
	runs: &Runs,
	j: &chain::Job,
	declared: Option<workload::Work>,
	job: JobId,
) -> Result<Option<Hash>, JobError> {
	let spec = &j.spec;
	let workload_hash = spec.workload.content.hash;
	let runner = runner_for(&spec.workload.kind, &workload_hash)
		.ok_or_else(|| anyhow::anyhow!("no runner for this workload"))?;
	let mut content = Vec::new();
	for wanted in [&spec.workload.content, &spec.input] {
		match obtain(runs, job, wanted).await {
			Ok(bytes) => content.push(bytes),
			Err(e) => {
				// Near the deadline, content that is still missing is unavailable. Finalized
				// blocks lag the best block by two or three, and the commitment needs one to
				// land in.
				let left = runs.head.borrow().left(j.deadline, j.pause_mark);
				if is_refusal(&e) || left <= LAST_CHANCE {
					log::warn!(
						"job {job}: {e}; the result is the canonical content_unavailable failure"
					);
					let unavailable = Outcome::Failed(runner, Failure::ContentUnavailable);
					return Ok(Some(finish(runs, job, unavailable)?));
				}
				log::info!("job {job}: {e}; trying again next block");
				return Ok(None);
			},
		}
	}
	if runs.fault == Some(Fault::ClaimUnavailable) {
		log::warn!("job {job}: saying the content could not be had (test fault)");
		return Ok(Some(finish(runs, job, Outcome::Failed(runner, Failure::ContentUnavailable))?));
	}
	let input = content.pop().unwrap_or_default();
	let mut module = content.pop().unwrap_or_default();
	if j.round == Round::Arbitration && workload::pipeline::is_text_generation(&module) {
		// Kept for judging the replicas' results by re-running the model on them: the same
		// bytes, whatever the content's server does later.
		// A failure fails the run, tried again next block: without the content, a differing
		// honest result could not be checked.
		runs.store.put(&module)?;
		runs.store.put(&input)?;
	}
	if runs.fault == Some(Fault::SwapModel) {
		module = swap_model(job, module);
	}
	if runs.fault == Some(Fault::ClaimUndeclared) {
		log::warn!("job {job}: answering undeclared_work without running it (test fault)");
		let outcome = Outcome::Failed(runner, workload::Failure::UndeclaredWork);
		return Ok(Some(finish(runs, job, outcome)?));
	}
	let _slot = runs.slots.acquire().await.context("the worker slots are closed")?;
	let started = std::time::Instant::now();
	// A result that could not be committed before the deadline is of no use: the worker is
	// stopped then (killed with the dropped run), so it no longer holds a slot other jobs
	// wait for.
	let run = runs.workers.run(runner, &module, &input, declared, runs.wall);
	let outcome = before_deadline(run, runs.head.clone(), j.deadline, j.pause_mark)
		.await
		.ok_or(JobError::NoResult(RunError::PastDeadline(j.deadline)))?
		.map_err(JobError::NoResult)?;
	let took = started.elapsed();
	let runs_of = runs.metrics.runs_of(runner);
	metrics::add(&runs_of.count, 1);
	metrics::add(&runs_of.millis, u64::try_from(took.as_millis()).unwrap_or(u64::MAX));
	log::info!(
		"job {job}: ran {runner:?} in {} ms: {}",
		took.as_millis(),
		workload::describe(&outcome.encode())
	);
	Ok(Some(finish(runs, job, outcome)?))
}

/// Stores a job's result (changed first by a test fault, if one is on) and returns its hash.
fn finish(runs: &Runs, job: JobId, outcome: Outcome) -> anyhow::Result<Hash> {
	let outcome = match (runs.fault, outcome) {
		(Some(Fault::RoundDifferently), outcome) => round_differently(job, outcome),
		(Some(Fault::TruncateOutput), outcome) => truncate(job, outcome),
		(_, outcome) => outcome,
	};
	let mut bytes = outcome.encode();
	if runs.fault == Some(Fault::CorruptResult) {
		log::warn!("job {job}: corrupting the result (test fault)");
		bytes.extend_from_slice(b" corrupted");
	}
	Ok(runs.store.put(&bytes)?)
}

/// Content by hash, fetched from its URI for this job and checked; Magika's model, which
/// every agent embeds, is taken from the agent. Nothing fetched for one job is used for
/// another: whether content is available to a job is its server's answer for that job,
/// the same for every provider assigned to it, so honest replicas agree on it.
///
/// Content must have the size the job declares, so every provider refuses the same false
/// declarations (content of a job stored before sizes were declared has none).
async fn obtain(runs: &Runs, job: JobId, content: &ContentRef) -> Result<Vec<u8>, FetchError> {
	let hash = &content.hash;
	let url = String::from_utf8_lossy(&content.uri).into_owned();
	let declared = content.declared_size();
	let checked = |bytes: Vec<u8>| match declared {
		Some(d) if d != bytes.len() as u64 => Err(FetchError::SizeMismatch {
			url: url.clone(),
			declared: d,
			actual: bytes.len() as u64,
		}),
		_ => Ok(bytes),
	};
	if *hash == magika::model_hash() {
		return checked(magika::MODEL.to_vec());
	}
	// A declaration bounds the download too: one byte more shows it false.
	let limit = declared
		.map_or(runs.max_content_bytes, |d| d.saturating_add(1).min(runs.max_content_bytes));
	let bytes =
		http::fetch(&url, &runs.keypair, job, hash, limit, FETCH_TIMEOUT, &runs.outbound).await?;
	log::info!("job {job}: fetched {hash} ({} bytes) from {url}", bytes.len());
	metrics::add(&runs.metrics.fetched_bytes, bytes.len() as u64);
	checked(bytes)
}

/// 32 random bytes for a commitment's salt.
fn fresh_salt() -> anyhow::Result<Hash> {
	let mut salt = [0u8; 32];
	getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness for a salt: {e}"))?;
	Ok(Hash(salt))
}

/// The outcome as a CPU that rounds one output the other way gives it (test fault).
fn round_differently(job: JobId, outcome: Outcome) -> Outcome {
	match outcome {
		Outcome::Magika { label, score } => {
			log::warn!("job {job}: rounding Magika's score one unit up (test fault)");
			Outcome::Magika { label, score: score.saturating_add(1) }
		},
		Outcome::Onnx(mut outs) => {
			let float = outs.iter_mut().filter(|t| t.datum.starts_with('f'));
			let first = float.flat_map(|t| t.values.iter_mut()).find_map(|v| match v {
				workload::Value::Int(x) => Some(x),
				_ => None,
			});
			if let Some(x) = first {
				log::warn!("job {job}: rounding an output one unit up (test fault)");
				*x = x.saturating_add(1);
			}
			Outcome::Onnx(outs)
		},
		Outcome::Speech(mut s) => {
			if let Some(workload::Value::Int(x)) = s.probs.first_mut() {
				log::warn!("job {job}: rounding a speech probability one unit up (test fault)");
				*x = x.saturating_add(1);
			}
			s.segments = workload::speech::segments(&s.params, &s.probs, s.samples);
			Outcome::Speech(s)
		},
		Outcome::Image(mut p) => {
			if let Some(workload::Value::Int(x)) = p.scores.first_mut() {
				log::warn!("job {job}: rounding a picture's score one unit up (test fault)");
				*x = x.saturating_add(1);
			}
			p.top = workload::image::top(&p.scores, p.top.len());
			Outcome::Image(p)
		},
		Outcome::Text(mut t) => {
			if let Some(workload::Value::Int(x)) = t.vectors.first_mut().and_then(|v| v.first_mut())
			{
				log::warn!("job {job}: rounding a text's vector one unit up (test fault)");
				*x = x.saturating_add(1);
			}
			Outcome::Text(t)
		},
		Outcome::Generation(mut g) => {
			if let Some(workload::Value::Int(x)) = g.logprobs.first_mut() {
				log::warn!("job {job}: rounding a log-probability one unit up (test fault)");
				*x = x.saturating_add(1);
			}
			Outcome::Generation(g)
		},
		other => other,
	}
}

/// The workload with its model swapped for a cheaper one of the same interface (test
/// fault): an image-labels pipeline's model (`nchw`) for a random-weight classifier of its
/// input size and labels, a speech pipeline's for a random model of Silero's interface, a
/// text pipeline's for a one-layer random text encoder of BERT's interface and the model's
/// vector length (its tokenizer kept), a text-generation pipeline's for a one-layer random
/// decoder of the model's heads and head size (its tokenizer kept).
/// Other workloads are left as they are.
fn swap_model(job: JobId, workload: Vec<u8>) -> Vec<u8> {
	use workload::{image::Layout, onnx, pipeline::Manifest};
	let swapped = |manifest: Manifest, model: Vec<u8>| {
		log::warn!("job {job}: running a random model instead of the job's (test fault)");
		workload::pipeline::write(&manifest, &model)
	};
	match workload::pipeline::parse(&workload) {
		Some((Manifest::ImageLabels(p), _)) if p.layout == Layout::Nchw => {
			let (h, w) = (p.height as usize, p.width as usize);
			let model = onnx::image_model(h, w, p.labels.len(), job);
			swapped(Manifest::ImageLabels(p), model)
		},
		Some((Manifest::SpeechSegments(p), _)) => {
			swapped(Manifest::SpeechSegments(p), onnx::speech_like_model(job))
		},
		Some((Manifest::TextEmbedding(p), model)) => {
			let Some((json, onnx)) = workload::text::split(&p, model) else { return workload };
			// As wide as the job's model says its vectors are, so the vectors look alike.
			let width = workload::text::declared_width(onnx)
				.filter(|w| (1..=4096).contains(w))
				.unwrap_or(32);
			let heads = [8, 6, 4, 2, 1].into_iter().find(|h| width % h == 0).unwrap_or(1);
			let Some(vocab) = workload::text::vocab_size(json) else { return workload };
			let positions = p.max_tokens as usize;
			let encoder = onnx::text_encoder_model(vocab, positions, 1, width, heads, job);
			let model = [json, &encoder].concat();
			swapped(Manifest::TextEmbedding(p), model)
		},
		Some((Manifest::TextGeneration(p), model)) => {
			let Some((json, onnx)) = workload::generate::split(&p, model) else { return workload };
			let [heads, size] = workload::generate::declared_heads(onnx).unwrap_or([2, 8]);
			let Some(vocab) = workload::text::vocab_size(json) else { return workload };
			let positions = p.max_prompt_tokens.saturating_add(p.max_new_tokens) as usize;
			let width = heads.saturating_mul(size);
			let decoder = onnx::decoder_model(vocab, positions, 1, width, heads, job);
			let model = [json, &decoder].concat();
			swapped(Manifest::TextGeneration(p), model)
		},
		_ => {
			log::warn!("job {job}: no model to swap in this workload; running it (test fault)");
			workload
		},
	}
}

/// The outcome cut short (test fault).
fn truncate(job: JobId, outcome: Outcome) -> Outcome {
	log::warn!("job {job}: cutting the result short (test fault)");
	match outcome {
		Outcome::Image(mut p) => {
			p.scores.truncate(p.scores.len() / 2);
			Outcome::Image(p)
		},
		Outcome::Generation(mut g) => {
			let half = g.tokens.len().div_ceil(2);
			g.tokens.truncate(half);
			g.logprobs.truncate(half);
			Outcome::Generation(g)
		},
		Outcome::Text(mut t) => {
			t.dim /= 2;
			for v in &mut t.vectors {
				v.truncate(t.dim as usize);
			}
			Outcome::Text(t)
		},
		Outcome::Speech(mut s) => {
			s.probs.truncate(s.probs.len() / 2);
			s.segments = workload::speech::segments(&s.params, &s.probs, s.samples);
			Outcome::Speech(s)
		},
		Outcome::Onnx(mut outs) => {
			for t in &mut outs {
				t.values.truncate(t.values.len() / 2);
			}
			Outcome::Onnx(outs)
		},
		other => other,
	}
}

/// A fetch error that trying again will not mend: wrong bytes, too many bytes, not a URL.
fn is_refusal(e: &FetchError) -> bool {
	matches!(
		e,
		FetchError::HashMismatch { .. }
			| FetchError::TooLarge { .. }
			| FetchError::BadUrl(_)
			| FetchError::SizeMismatch { .. }
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn a_run_is_stopped_once_its_result_could_no_longer_be_committed() {
		let at = |number| Head { number, paused: 0 };
		let (head, heads) = watch::channel(at(98));
		// Work that would run on for ever is dropped once the finalized block is the one before
		// the commit deadline (the next block is too late for a commitment), not before.
		let (dropped_tx, mut dropped) = tokio::sync::oneshot::channel::<()>();
		let endless = async move {
			let _dropped_with_the_run = dropped_tx;
			std::future::pending::<()>().await
		};
		// A commitment must land before block 100: with block 98 finalized, it still can.
		let run = tokio::spawn(before_deadline(endless, heads.clone(), 100, 0));
		tokio::time::sleep(Duration::from_millis(50)).await;
		assert!(!run.is_finished(), "stopped while a commitment could still land");
		assert!(dropped.try_recv().is_err(), "the work was dropped early");
		// Block 99 finalized: the next block is 100 at the earliest, too late.
		head.send_replace(at(99));
		assert_eq!(run.await.unwrap(), None);
		assert!(dropped.await.is_err(), "the work is dropped then");
		// Work that ends in time gives its output.
		assert_eq!(before_deadline(async { 7 }, heads.clone(), 101, 0).await, Some(7));
		// Too late already: the work is not started at all, even when it is ready at once.
		let started = std::sync::atomic::AtomicBool::new(false);
		let work = async { started.store(true, std::sync::atomic::Ordering::Relaxed) };
		assert_eq!(before_deadline(work, heads, 100, 0).await, None);
		assert!(!started.load(std::sync::atomic::Ordering::Relaxed), "the work was started");
	}

	#[tokio::test]
	async fn a_run_goes_on_while_the_market_is_paused_and_gets_the_paused_blocks_back() {
		// The phase was scheduled when the market had been paused 3 blocks; its commitment
		// must land before block 100.
		let (head, heads) = watch::channel(Head { number: 97, paused: 3 });
		let (dropped_tx, mut dropped) = tokio::sync::oneshot::channel::<()>();
		let endless = async move {
			let _dropped_with_the_run = dropped_tx;
			std::future::pending::<()>().await
		};
		let run = tokio::spawn(before_deadline(endless, heads, 100, 3));
		// Blocks 98 to 104 finalized while the market is paused (`PausedBlocks` 4 to 10):
		// the deadline stands still and the run goes on, past block 99.
		for number in 98..=104 {
			head.send_replace(Head { number, paused: 3 + number - 97 });
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
		assert!(!run.is_finished(), "stopped while the market was paused");
		assert!(dropped.try_recv().is_err(), "the work was dropped during the pause");
		// Resumed: 7 paused blocks move the deadline to 107, so block 105 leaves time …
		head.send_replace(Head { number: 105, paused: 10 });
		tokio::time::sleep(Duration::from_millis(50)).await;
		assert!(!run.is_finished(), "stopped with two blocks left");
		// … and block 106 does not.
		head.send_replace(Head { number: 106, paused: 10 });
		assert_eq!(run.await.unwrap(), None);
		assert!(dropped.await.is_err(), "the work is dropped then");
	}
}
