//! The provider's decisions, as pure functions: whether to bid on a job (and if not, why not),
//! at what bond, and what is due next on a job it works on. The block loop in
//! [`crate::provider`] reads the chain and the state file, asks these, and carries out the
//! answer; the tests here need no chain and run in milliseconds.

use subxt::utils::AccountId32;

use crate::{
	chain::{
		self, Assignment, Balance, Bid, ContentRef, Hardware, Job, JobStatus, Offer, OfferScope,
		Round, WorkloadKind,
	},
	config::{show_alm, Alm, PriceQuery},
	hash::Hash,
	state::{Role, Work},
	workload::{self, magika, Runner},
};

/// Blocks after which a transaction that did not take effect is submitted again.
pub const RESUBMIT_AFTER: u32 = 4;
/// Blocks after the finalized block in which a bid sent now lands: finality lags 2 blocks
/// behind the best block, and the bid takes the next one.
pub const BID_LANDS_AFTER: u32 = 3;

/// The runner a workload needs, if the agent has one: ONNX models with Magika's hash run as
/// Magika; containers are not run.
pub fn runner_for(kind: &WorkloadKind, hash: &Hash) -> Option<Runner> {
	match kind {
		WorkloadKind::Wasm => Some(Runner::Wasm),
		WorkloadKind::Onnx if *hash == magika::model_hash() => Some(Runner::Magika),
		WorkloadKind::Onnx => Some(Runner::Onnx),
		WorkloadKind::Container => None,
	}
}

/// What a provider knows of itself when it looks at a job: its configuration, its load, and
/// the chain's `DrawDelay`.
#[derive(Clone, Debug)]
pub struct Bidder<'a> {
	pub me: &'a AccountId32,
	pub hardware: Hardware,
	pub region: u16,
	/// The least tolerance of an ONNX or Magika job it bids on (`min_tolerance`).
	pub min_tolerance: u32,
	pub min_execution_period: u32,
	pub min_reveal_period: u32,
	pub max_content_bytes: u64,
	/// Jobs bid on or assigned that have no result yet, and how many it allows
	/// (`max_open_jobs`).
	pub open_jobs: usize,
	pub max_open_jobs: u32,
	/// The last blocks of a job's bidding that take no bid.
	pub draw_delay: u32,
}

/// Why a provider does not bid on a job.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Decline {
	#[error("it is not open for bids")]
	NotBidding,
	#[error("its bidding closes before a bid sent now would land")]
	ClosesTooSoon,
	#[error("posted by this account")]
	OwnJob,
	#[error("needs more hardware than this machine has")]
	Hardware,
	#[error("for another region")]
	Region,
	#[error("busy: {open} jobs bid on or assigned have no result yet (max_open_jobs)")]
	Busy { open: usize },
	#[error("a container workload, which this agent does not run")]
	Container,
	#[error("asks for a reputation of {min} ppm, this provider's is {have}")]
	Reputation { min: u32, have: u32 },
	#[error(
		"its tolerance ({tolerance}) is below this agent's min_tolerance ({min}): another CPU's \
		 rounding could make an honest result differ"
	)]
	Tolerance { tolerance: u32, min: u32 },
	#[error(
		"its periods ({execution} blocks to run, {reveal} to reveal) are shorter than this \
		 agent's min_execution_period ({min_execution}) or min_reveal_period ({min_reveal})"
	)]
	Periods { execution: u32, reveal: u32, min_execution: u32, min_reveal: u32 },
	#[error("it does not declare the size of its workload or input")]
	Undeclared,
	#[error("its content declares {bytes} bytes, more than max_content_bytes ({max})")]
	TooLarge { bytes: u64, max: u64 },
	#[error("pays at most {max_price}, the policy asks {price}")]
	Price { max_price: Alm, price: Alm },
}

impl Decline {
	/// Whether the job is worth looking at again when it is next touched: the agent's load
	/// changes, the job's terms do not.
	pub fn look_again(&self) -> bool {
		matches!(self, Decline::Busy { .. })
	}
}

/// A job the provider could bid on, as far as its terms go: what it would run, and what it
/// would fetch.
#[derive(Debug, PartialEq)]
pub struct Biddable<'j> {
	pub runner: Runner,
	pub workload_bytes: u64,
	pub input_bytes: u64,
	/// What it would download: the input, and the workload unless that is Magika's model
	/// (which every agent embeds).
	pub fetched: Vec<&'j ContentRef>,
}

/// Whether hardware `have` meets every requirement of `need`.
pub fn fits(have: &Hardware, need: &Hardware) -> bool {
	have.gpu_count >= need.gpu_count
		&& have.vram_gib >= need.vram_gib
		&& have.cpu_cores >= need.cpu_cores
		&& have.ram_gib >= need.ram_gib
}

/// Whether the provider `b` may bid on job `j` at finalized block `n`, on the job's terms
/// alone. What needs more than the job and the provider's own view is asked separately:
/// its reputation ([`reputation`], only for jobs that ask for one), whether the content's
/// hosts can be reached, and the price policy ([`price`]).
pub fn screen<'j>(j: &'j Job, n: u32, b: &Bidder) -> Result<Biddable<'j>, Decline> {
	let spec = &j.spec;
	if j.status != JobStatus::Bidding {
		return Err(Decline::NotBidding);
	}
	// The last `DrawDelay` blocks before the deadline take no bid (their randomness draws
	// the winners), and a bid sent now lands a few blocks after the finalized block `n`.
	if j.deadline <= n.saturating_add(BID_LANDS_AFTER).saturating_add(b.draw_delay) {
		return Err(Decline::ClosesTooSoon);
	}
	if &j.requester == b.me {
		return Err(Decline::OwnJob);
	}
	if !fits(&b.hardware, &spec.requirements) {
		return Err(Decline::Hardware);
	}
	if spec.region.is_some_and(|r| r != b.region) {
		return Err(Decline::Region);
	}
	if b.open_jobs >= b.max_open_jobs as usize {
		return Err(Decline::Busy { open: b.open_jobs });
	}
	let workload_hash = spec.workload.content.hash;
	let runner = runner_for(&spec.workload.kind, &workload_hash).ok_or(Decline::Container)?;
	let tolerance = spec.tolerance.unwrap_or(0);
	if runner != Runner::Wasm && tolerance < b.min_tolerance {
		return Err(Decline::Tolerance { tolerance, min: b.min_tolerance });
	}
	if spec.execution_period < b.min_execution_period || spec.reveal_period < b.min_reveal_period {
		return Err(Decline::Periods {
			execution: spec.execution_period,
			reveal: spec.reveal_period,
			min_execution: b.min_execution_period,
			min_reveal: b.min_reveal_period,
		});
	}
	let (Some(workload_bytes), Some(input_bytes)) =
		(spec.workload.content.declared_size(), spec.input.declared_size())
	else {
		return Err(Decline::Undeclared);
	};
	let max = b.max_content_bytes;
	if let Some(bytes) = [workload_bytes, input_bytes].into_iter().find(|&s| s > max) {
		return Err(Decline::TooLarge { bytes, max });
	}
	let mut fetched = vec![&spec.input];
	if runner != Runner::Magika {
		fetched.push(&spec.workload.content);
	}
	Ok(Biddable { runner, workload_bytes, input_bytes, fetched })
}

/// Whether a provider whose reputation score is `have` (parts per million) meets a job's
/// `min`imum.
pub fn reputation(min: u32, have: u32) -> Result<(), Decline> {
	if have >= min {
		Ok(())
	} else {
		Err(Decline::Reputation { min, have })
	}
}

/// What the price policy is asked about job `job_id`.
pub fn price_query(
	job_id: u64,
	j: &Job,
	work: Option<workload::Work>,
	b: &Biddable,
	max_content_bytes: u64,
) -> PriceQuery {
	let spec = &j.spec;
	PriceQuery {
		job_id,
		kind: b.runner.name(),
		workload_hash: spec.workload.content.hash.to_string(),
		input_hash: spec.input.hash.to_string(),
		workload_bytes: b.workload_bytes,
		input_bytes: b.input_bytes,
		max_content_bytes,
		replicas: spec.replicas,
		max_price: show_alm(spec.max_price),
		execution_period: spec.execution_period,
		work_unit: work.map(|w| w.unit.name()),
		work_amount: work.map(|w| w.amount),
	}
}

/// Why a standing offer that charges by the unit does not take a job.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnitRefusal {
	#[error("it charges by the unit ({unit}): the job must declare its work in it")]
	Unit { unit: &'static str },
	#[error("it takes at most {max} {unit}, the job declares {amount}")]
	TooMuch { unit: &'static str, amount: u64, max: u64 },
	#[error("its price for this much work overflows")]
	Overflow,
}

/// What standing offer `o`, with its price per unit of work `rate` if it charges by the
/// unit, charges a job that declares `work`: its price, plus its price per unit times the work
/// (as the chain computes it in `accept_offer_with_work`).
pub fn offer_price(
	o: &Offer,
	rate: Option<&chain::UnitPrice>,
	work: Option<workload::Work>,
) -> Result<Balance, UnitRefusal> {
	let Some(rate) = rate else { return Ok(o.price) };
	let unit = workload::Unit::from(rate.unit.clone()).name();
	let work = work
		.filter(|w| chain::WorkUnit::from(w.unit) == rate.unit)
		.ok_or(UnitRefusal::Unit { unit })?;
	if work.amount > rate.max_amount {
		return Err(UnitRefusal::TooMuch { unit, amount: work.amount, max: rate.max_amount });
	}
	rate.per_unit
		.checked_mul(Balance::from(work.amount))
		.and_then(|p| p.checked_add(o.price))
		.ok_or(UnitRefusal::Overflow)
}

/// Whether the policy's `price` is within what job `j` pays.
pub fn price(j: &Job, price: Balance) -> Result<Balance, Decline> {
	if price > j.spec.max_price {
		return Err(Decline::Price { max_price: Alm(j.spec.max_price), price: Alm(price) });
	}
	Ok(price)
}

/// The bond a bid holds: the job's `least`, or more if the operator says so (`bid_bond`).
pub fn bond(least: Balance, bid_bond: Option<Balance>) -> Balance {
	least.max(bid_bond.unwrap_or(0))
}

/// The bond to bid again with, after a displacement, on a job whose bids are `bids` (at most
/// `max_bids`): the usual bond (`floor`) if the list has room, else the whole `cap` if that is
/// more than the list's smallest bond (only a strictly larger bond displaces, and a larger
/// bond is a larger weight in the lot, so a squatter must go above the cap). `None` while
/// this account's bid is still there, or when the cap does not get in.
pub fn rebid_bond(
	bids: &[Bid],
	me: &AccountId32,
	max_bids: usize,
	floor: Balance,
	cap: Balance,
) -> Option<Balance> {
	if bids.iter().any(|b| &b.provider == me) {
		return None;
	}
	if bids.len() < max_bids {
		return Some(floor);
	}
	let smallest = bids.iter().map(|b| b.bond).min().unwrap_or(0);
	(cap > smallest && cap >= floor).then_some(cap)
}

/// Where a job the agent works on stands, before its assignments are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
	/// Not on chain any more (pruned): nothing more to do.
	Gone,
	/// Over (settled, failed, expired or cancelled): nothing more to do.
	Over(JobStatus),
	/// Nothing to do yet: bidding or drawing, or the other round is under way (an
	/// original round under review by arbiters).
	Idle,
	/// In this role's round, past the draw: see [`next_action`].
	Active,
}

/// Where job `j` (`None`: not on chain) stands for the agent in `role`.
pub fn phase(j: Option<&Job>, role: Role) -> Phase {
	let Some(j) = j else { return Phase::Gone };
	if j.status.is_terminal() {
		return Phase::Over(j.status.clone());
	}
	let round = if role == Role::Arbiter { Round::Arbitration } else { Round::Original };
	if j.round != round || matches!(j.status, JobStatus::Bidding | JobStatus::Drawing) {
		return Phase::Idle;
	}
	Phase::Active
}

/// What is due on an active job ([`Phase::Active`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
	/// Nothing this block.
	Wait,
	/// The provider's bid did not win: its work on the job is finished.
	Lost,
	/// Fetch the content and run the workload (in a task of its own).
	Run,
	/// Commit to the saved result (an arbiter: with its verdict), `again` when a commitment
	/// sent [`RESUBMIT_AFTER`] blocks ago did not take effect.
	Commit { again: bool },
	/// Reveal the committed result, `again` as for [`Action::Commit`].
	Reveal { again: bool },
	/// The reveal is due, but the state file lacks what it needs.
	Broken(&'static str),
}

/// What is due at finalized block `n` on a job in `status`, for the agent in `role` with
/// assignment `mine` (`None`: not assigned) and saved `work`.
pub fn next_action(
	status: &JobStatus,
	role: Role,
	mine: Option<&Assignment>,
	work: &Work,
	n: u32,
) -> Action {
	let Some(mine) = mine else {
		return if *status == JobStatus::Committing && role == Role::Provider {
			Action::Lost
		} else {
			Action::Wait
		};
	};
	// A transaction sent at block `sent`: wait for it, or send it again.
	let resend = |sent: Option<u32>| match sent {
		Some(s) if n < s.saturating_add(RESUBMIT_AFTER) => None,
		Some(_) => Some(true),
		None => Some(false),
	};
	match status {
		JobStatus::Committing if mine.commitment.is_none() => {
			let Some(again) = resend(work.committed_at) else { return Action::Wait };
			if work.result.is_none() {
				return Action::Run;
			}
			Action::Commit { again }
		},
		JobStatus::Revealing if mine.commitment.is_some() && mine.reveal.is_none() => {
			let Some(again) = resend(work.revealed_at) else { return Action::Wait };
			if work.result.is_none() || work.salt.is_none() {
				return Action::Broken(
					"committed, but the state file has no result and salt for it",
				);
			}
			if role == Role::Arbiter && work.verdict.is_none() {
				return Action::Broken("committed, but the state file has no verdict for it");
			}
			Action::Reveal { again }
		},
		_ => Action::Wait,
	}
}

/// The terms of a standing offer the provider is configured to keep posted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferTerms {
	pub price: Balance,
	pub hardware: Hardware,
	pub execution_period: u32,
	pub reveal_period: u32,
	pub scope: OfferScope,
	pub per_unit: Option<chain::UnitPrice>,
}

impl OfferTerms {
	/// Whether `offer`, with its price per unit of work `rate`, is on these terms (its capacity
	/// left and expiry aside).
	pub fn matches(&self, offer: &Offer, rate: Option<&chain::UnitPrice>) -> bool {
		self.price == offer.price
			&& self.hardware == offer.hardware
			&& self.execution_period == offer.execution_period
			&& self.reveal_period == offer.reveal_period
			&& self.scope == offer.scope
			&& self.per_unit.as_ref() == rate
	}
}

/// What to do with this provider's standing offers at block `n`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct OfferPlan {
	/// Offers a requester can still accept, on terms the provider is configured to offer.
	pub live: Vec<u64>,
	/// Offers to withdraw: expired ones (they still count towards the market's
	/// `MaxOffersPerProvider`, so left alone they would stop every post once enough expired),
	/// and live ones on terms no configured offer has (the configuration changed).
	pub withdraw: Vec<u64>,
	/// The configured offers to post (indexes into the terms asked for), as many as fit under
	/// the market's limit beside the offers still on chain; the rest wait for the withdrawals.
	pub post: Vec<usize>,
}

/// A standing offer on chain and its price per unit of work, if it charges by the unit.
pub type Standing = (Offer, Option<chain::UnitPrice>);

/// What to do with the offers of ids the provider knows, given what the chain holds of each
/// (`None`: gone, its capacity used up or withdrawn), the `wanted` offers it is configured to
/// keep posted, and the market's `max` offers per provider.
pub fn plan_offers(
	known: &[(u64, Option<&Standing>)],
	wanted: &[OfferTerms],
	max: u32,
	n: u32,
) -> OfferPlan {
	let mut plan = OfferPlan::default();
	let mut missing: Vec<bool> = vec![true; wanted.len()];
	for (id, offer) in known {
		match offer {
			// `accept_offer` takes an offer up to and including its `expires_at`.
			Some((o, rate)) if o.expires_at >= n && o.capacity > 0 => {
				match (0..wanted.len()).find(|&i| missing[i] && wanted[i].matches(o, rate.as_ref()))
				{
					Some(i) => {
						missing[i] = false;
						plan.live.push(*id);
					},
					None => plan.withdraw.push(*id),
				}
			},
			Some(_) => plan.withdraw.push(*id),
			None => {},
		}
	}
	let room = (max as usize).saturating_sub(plan.live.len() + plan.withdraw.len());
	plan.post = (0..wanted.len()).filter(|&i| missing[i]).take(room).collect();
	plan
}

/// Whether the chain holds offers of this provider that it does not know the ids of (a post
/// that landed after the state file was last written, or a new data directory), by the
/// provider's own count of its offers: only then are all offers walked.
pub fn offers_unknown(chain_count: u32, known_on_chain: usize) -> bool {
	chain_count as usize > known_on_chain
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::{ContentRef, JobSpec, Judgement, Reveal, Workload, UNDECLARED_SIZE, UNIT};

	const ME: AccountId32 = AccountId32([9; 32]);
	const N: u32 = 100;

	fn content(byte: u8, size: u64) -> ContentRef {
		ContentRef { hash: Hash([byte; 32]), uri: b"http://203.0.113.7/x".to_vec(), size }
	}

	/// An ONNX job in bidding that the provider of [`bidder`] can take.
	fn job() -> Job {
		Job {
			requester: AccountId32([1; 32]),
			spec: JobSpec {
				workload: Workload { kind: WorkloadKind::Onnx, content: content(2, 5000) },
				input: content(3, 1000),
				requirements: Hardware { gpu_count: 0, vram_gib: 0, cpu_cores: 2, ram_gib: 4 },
				region: None,
				replicas: 3,
				max_price: 2 * UNIT,
				bidding_period: 10,
				execution_period: 10,
				reveal_period: 10,
				min_reputation: None,
				assets: vec![],
				max_royalties: 0,
				tolerance: Some(2),
			},
			status: JobStatus::Bidding,
			round: Round::Original,
			deadline: N + 20,
			escrow: 6 * UNIT,
			royalties: vec![],
			challenge_bond: 0,
			posted_at: N - 10,
			deposit: UNIT,
			pause_mark: 0,
		}
	}

	fn bidder() -> Bidder<'static> {
		Bidder {
			me: &ME,
			hardware: Hardware { gpu_count: 0, vram_gib: 0, cpu_cores: 4, ram_gib: 8 },
			region: 276,
			min_tolerance: 2,
			min_execution_period: 4,
			min_reveal_period: 4,
			max_content_bytes: 64 << 20,
			open_jobs: 0,
			max_open_jobs: 8,
			draw_delay: 2,
		}
	}

	fn screened(change: impl FnOnce(&mut Job, &mut Bidder)) -> Result<Runner, Decline> {
		let (mut j, mut b) = (job(), bidder());
		change(&mut j, &mut b);
		screen(&j, N, &b).map(|ok| ok.runner)
	}

	#[test]
	fn a_job_within_every_limit_is_biddable_and_names_what_it_fetches() {
		let j = job();
		let ok = screen(&j, N, &bidder()).unwrap();
		assert_eq!(ok.runner, Runner::Onnx);
		assert_eq!((ok.workload_bytes, ok.input_bytes), (5000, 1000));
		assert_eq!(ok.fetched, vec![&j.spec.input, &j.spec.workload.content]);
		// Magika's model is the agent's own: only the input is fetched.
		let mut magika = job();
		magika.spec.workload.content.hash = magika::model_hash();
		let ok = screen(&magika, N, &bidder()).unwrap();
		assert_eq!(ok.runner, Runner::Magika);
		assert_eq!(ok.fetched, vec![&magika.spec.input]);
	}

	#[test]
	fn a_bid_must_land_before_the_draw() {
		// Lands at N + 3; the last 2 blocks draw: a deadline of N + 5 is too close.
		assert_eq!(screened(|j, _| j.deadline = N + 5), Err(Decline::ClosesTooSoon));
		assert_eq!(screened(|j, _| j.deadline = N + 6), Ok(Runner::Onnx));
		assert_eq!(
			screened(|j, b| (j.deadline, b.draw_delay) = (N + 6, 3)),
			Err(Decline::ClosesTooSoon)
		);
		assert_eq!(screened(|j, _| j.status = JobStatus::Drawing), Err(Decline::NotBidding));
	}

	#[test]
	fn each_term_the_provider_cannot_meet_is_named() {
		assert_eq!(screened(|j, _| j.requester = ME), Err(Decline::OwnJob));
		assert_eq!(screened(|j, _| j.spec.requirements.gpu_count = 1), Err(Decline::Hardware));
		assert_eq!(screened(|j, _| j.spec.requirements.ram_gib = 9), Err(Decline::Hardware));
		assert_eq!(screened(|j, _| j.spec.region = Some(40)), Err(Decline::Region));
		assert_eq!(screened(|j, _| j.spec.region = Some(276)), Ok(Runner::Onnx));
		assert_eq!(
			screened(|j, _| j.spec.workload.kind = WorkloadKind::Container),
			Err(Decline::Container)
		);
		assert_eq!(
			screened(|j, _| j.spec.tolerance = Some(1)),
			Err(Decline::Tolerance { tolerance: 1, min: 2 })
		);
		// WASM results are exact: no tolerance needed.
		assert_eq!(
			screened(|j, _| (j.spec.workload.kind, j.spec.tolerance) = (WorkloadKind::Wasm, None)),
			Ok(Runner::Wasm)
		);
		assert!(matches!(
			screened(|j, _| j.spec.reveal_period = 3),
			Err(Decline::Periods { reveal: 3, .. })
		));
		assert_eq!(screened(|j, _| j.spec.input.size = UNDECLARED_SIZE), Err(Decline::Undeclared));
		assert_eq!(
			screened(|j, b| (j.spec.workload.content.size, b.max_content_bytes) = (5001, 5000)),
			Err(Decline::TooLarge { bytes: 5001, max: 5000 })
		);
	}

	#[test]
	fn only_a_busy_agent_looks_at_a_job_again() {
		let busy = screened(|_, b| b.open_jobs = 8);
		assert_eq!(busy, Err(Decline::Busy { open: 8 }));
		assert!(busy.unwrap_err().look_again());
		assert_eq!(screened(|_, b| b.open_jobs = 7), Ok(Runner::Onnx));
		assert!(!Decline::Hardware.look_again());
		assert!(!Decline::Price { max_price: Alm(1), price: Alm(2) }.look_again());
	}

	#[test]
	fn reputation_price_and_bond() {
		assert_eq!(reputation(500_000, 500_000), Ok(()));
		assert_eq!(
			reputation(500_000, 499_999),
			Err(Decline::Reputation { min: 500_000, have: 499_999 })
		);
		let j = job();
		assert_eq!(price(&j, 2 * UNIT), Ok(2 * UNIT));
		assert_eq!(
			price(&j, 2 * UNIT + 1),
			Err(Decline::Price { max_price: Alm(2 * UNIT), price: Alm(2 * UNIT + 1) })
		);
		assert_eq!(bond(10, None), 10);
		assert_eq!(bond(10, Some(25)), 25);
		assert_eq!(bond(10, Some(5)), 10);
		let b = screen(&j, N, &bidder()).unwrap();
		let q = price_query(7, &j, None, &b, 64 << 20);
		assert_eq!(
			(q.job_id, q.kind, q.input_bytes, q.max_price.as_str()),
			(7, "onnx", 1000, "2 ALM")
		);
		assert_eq!((q.work_unit, q.work_amount), (None, None));
		let work = workload::Work { unit: workload::Unit::AudioMs, amount: 2500 };
		let q = price_query(7, &j, Some(work), &b, 64 << 20);
		assert_eq!((q.work_unit, q.work_amount), (Some("audio-ms"), Some(2500)));
	}

	fn bid(who: u8, bond: Balance) -> Bid {
		Bid { provider: AccountId32([who; 32]), price: 5, bond, placed_at: N - 5 }
	}

	#[test]
	fn a_displaced_bid_comes_back_with_the_cap_when_that_gets_in() {
		let full = [bid(1, 12), bid(2, 10), bid(3, 15)];
		// Still among the bids: nothing to do.
		assert_eq!(rebid_bond(&[bid(9, 10), bid(2, 10)], &ME, 3, 10, 100), None);
		// Displaced from a full list: the whole cap, which is above the smallest bond.
		assert_eq!(rebid_bond(&full, &ME, 3, 10, 100), Some(100));
		// Only a strictly larger bond than the smallest gets in.
		assert_eq!(rebid_bond(&full, &ME, 3, 10, 11), Some(11));
		assert_eq!(rebid_bond(&full, &ME, 3, 10, 10), None);
		// Never below the usual bond (the least, or `bid_bond`).
		assert_eq!(rebid_bond(&full, &ME, 3, 50, 40), None);
		// The list has room again (a bid was retracted): the usual bond will do.
		assert_eq!(rebid_bond(&full[..2], &ME, 3, 10, 100), Some(10));
	}

	#[test]
	fn a_job_is_worked_on_only_in_its_roles_round_past_the_draw() {
		let with = |status: JobStatus, round: Round| Job { status, round, ..job() };
		assert_eq!(phase(None, Role::Provider), Phase::Gone);
		for over in
			[JobStatus::Settled, JobStatus::Failed, JobStatus::Expired, JobStatus::Cancelled]
		{
			let j = with(over.clone(), Round::Original);
			assert_eq!(phase(Some(&j), Role::Provider), Phase::Over(over.clone()));
			assert_eq!(phase(Some(&j), Role::Arbiter), Phase::Over(over));
		}
		for early in [JobStatus::Bidding, JobStatus::Drawing] {
			assert_eq!(phase(Some(&with(early, Round::Original)), Role::Provider), Phase::Idle);
		}
		let original = with(JobStatus::Committing, Round::Original);
		let arbitration = with(JobStatus::Committing, Round::Arbitration);
		assert_eq!(phase(Some(&original), Role::Provider), Phase::Active);
		assert_eq!(phase(Some(&original), Role::Arbiter), Phase::Idle);
		assert_eq!(phase(Some(&arbitration), Role::Arbiter), Phase::Active);
		// A provider's round under review: it waits for the arbiters.
		assert_eq!(phase(Some(&arbitration), Role::Provider), Phase::Idle);
	}

	fn assigned(committed: bool, revealed: bool) -> Assignment {
		Assignment {
			provider: ME,
			price: UNIT,
			bond: UNIT,
			commitment: committed.then_some(Hash([5; 32])),
			reveal: revealed.then(|| Reveal { result_hash: Hash([6; 32]), result_uri: vec![] }),
		}
	}

	fn computed() -> Work {
		Work { result: Some(Hash([6; 32])), salt: Some(Hash([7; 32])), ..Work::default() }
	}

	#[test]
	fn a_committing_job_is_run_then_committed_and_committed_again_if_that_did_not_land() {
		let c = JobStatus::Committing;
		let open = assigned(false, false);
		let none = Work::default();
		assert_eq!(next_action(&c, Role::Provider, Some(&open), &none, N), Action::Run);
		assert_eq!(
			next_action(&c, Role::Provider, Some(&open), &computed(), N),
			Action::Commit { again: false }
		);
		// A result without a salt (stopped between the two) is committed: the shell draws one.
		let unsalted = Work { salt: None, ..computed() };
		assert_eq!(
			next_action(&c, Role::Arbiter, Some(&open), &unsalted, N),
			Action::Commit { again: false }
		);
		let sent = |at| Work { committed_at: Some(at), ..computed() };
		assert_eq!(next_action(&c, Role::Provider, Some(&open), &sent(N - 3), N), Action::Wait);
		assert_eq!(
			next_action(&c, Role::Provider, Some(&open), &sent(N - 4), N),
			Action::Commit { again: true }
		);
		// The commitment is on chain: nothing until the reveal phase.
		assert_eq!(
			next_action(&c, Role::Provider, Some(&assigned(true, false)), &sent(N - 9), N),
			Action::Wait
		);
	}

	#[test]
	fn a_bid_that_did_not_win_ends_the_providers_work_but_not_an_arbiters() {
		let none = Work::default();
		assert_eq!(
			next_action(&JobStatus::Committing, Role::Provider, None, &none, N),
			Action::Lost
		);
		assert_eq!(
			next_action(&JobStatus::Committing, Role::Arbiter, None, &none, N),
			Action::Wait
		);
		assert_eq!(
			next_action(&JobStatus::Revealing, Role::Provider, None, &none, N),
			Action::Wait
		);
	}

	#[test]
	fn a_committed_result_is_revealed_once_unless_it_did_not_land() {
		let r = JobStatus::Revealing;
		let committed = assigned(true, false);
		assert_eq!(
			next_action(&r, Role::Provider, Some(&committed), &computed(), N),
			Action::Reveal { again: false }
		);
		let sent = |at| Work { revealed_at: Some(at), ..computed() };
		assert_eq!(
			next_action(&r, Role::Provider, Some(&committed), &sent(N - 1), N),
			Action::Wait
		);
		assert_eq!(
			next_action(&r, Role::Provider, Some(&committed), &sent(N - 4), N),
			Action::Reveal { again: true }
		);
		assert_eq!(
			next_action(&r, Role::Provider, Some(&assigned(true, true)), &computed(), N),
			Action::Wait
		);
		// Nothing committed: nothing to reveal (the chain counts a no-show).
		assert_eq!(
			next_action(&r, Role::Provider, Some(&assigned(false, false)), &computed(), N),
			Action::Wait
		);
		assert!(matches!(
			next_action(&r, Role::Provider, Some(&committed), &Work::default(), N),
			Action::Broken(_)
		));
		// An arbiter reveals its verdict with its result.
		assert!(matches!(
			next_action(&r, Role::Arbiter, Some(&committed), &computed(), N),
			Action::Broken(_)
		));
		let judged = Work { verdict: Some(vec![Judgement::Agrees]), ..computed() };
		assert_eq!(
			next_action(&r, Role::Arbiter, Some(&committed), &judged, N),
			Action::Reveal { again: false }
		);
		assert_eq!(
			next_action(
				&JobStatus::ChallengeWindow,
				Role::Provider,
				Some(&assigned(true, true)),
				&computed(),
				N
			),
			Action::Wait
		);
	}

	fn terms(price: Balance) -> OfferTerms {
		OfferTerms {
			price,
			hardware: Hardware::default(),
			execution_period: 10,
			reveal_period: 10,
			scope: crate::chain::OfferScope {
				kinds: vec![WorkloadKind::Onnx],
				max_workload_size: 1 << 20,
				max_input_size: 1 << 20,
				min_tolerance: 2,
			},
			per_unit: None,
		}
	}

	fn offer(t: &OfferTerms, expires_at: u32, capacity: u32) -> Standing {
		let o = Offer {
			provider: ME,
			price: t.price,
			hardware: t.hardware,
			capacity,
			expires_at,
			execution_period: t.execution_period,
			reveal_period: t.reveal_period,
			scope: t.scope.clone(),
		};
		(o, t.per_unit.clone())
	}

	#[test]
	fn an_offer_by_the_unit_charges_for_the_declared_work_and_takes_no_other() {
		use crate::workload::{Unit, Work};
		let mut t = terms(UNIT);
		let (flat, none) = offer(&t, N, 1);
		let tokens = |amount| Some(Work { unit: Unit::Tokens, amount });
		// Priced per job: whatever the job declares.
		assert_eq!(offer_price(&flat, None, None), Ok(UNIT));
		assert_eq!(offer_price(&flat, None, tokens(1_000_000)), Ok(UNIT));
		t.per_unit = Some(crate::chain::UnitPrice {
			unit: crate::chain::WorkUnit::Tokens,
			per_unit: UNIT / 1000,
			max_amount: 5000,
		});
		let (by_unit, rate) = offer(&t, N, 1);
		let rate = rate.as_ref();
		assert!(!t.matches(&flat, none.as_ref()), "a price per unit is part of the terms");
		assert!(t.matches(&by_unit, rate));
		assert_eq!(offer_price(&by_unit, rate, tokens(2000)), Ok(3 * UNIT));
		assert_eq!(offer_price(&by_unit, rate, tokens(5000)), Ok(6 * UNIT));
		assert_eq!(
			offer_price(&by_unit, rate, tokens(5001)),
			Err(UnitRefusal::TooMuch { unit: "tokens", amount: 5001, max: 5000 })
		);
		assert_eq!(offer_price(&by_unit, rate, None), Err(UnitRefusal::Unit { unit: "tokens" }));
		assert_eq!(
			offer_price(&by_unit, rate, Some(Work { unit: Unit::Pixels, amount: 10 })),
			Err(UnitRefusal::Unit { unit: "tokens" })
		);
		let mut dear = rate.cloned().unwrap();
		dear.per_unit = Balance::MAX / 2;
		assert_eq!(offer_price(&by_unit, Some(&dear), tokens(3)), Err(UnitRefusal::Overflow));
	}

	#[test]
	fn expired_offers_are_withdrawn_and_replaced_and_gone_ones_forgotten() {
		let (a, b) = (terms(UNIT), terms(2 * UNIT));
		let wanted = [a.clone(), b.clone()];
		let (live, last_block, expired) =
			(offer(&a, N + 5, 2), offer(&b, N, 1), offer(&a, N - 1, 3));
		// A live, B accepted up to its last block, an expired A, one gone: nothing to post.
		let plan = plan_offers(
			&[(1, Some(&live)), (2, Some(&last_block)), (3, Some(&expired)), (4, None)],
			&wanted,
			16,
			N,
		);
		assert_eq!(plan, OfferPlan { live: vec![1, 2], withdraw: vec![3], post: vec![] });
		// One block later B has expired: withdrawn, and B (not A, which is live) posted again.
		let plan = plan_offers(&[(1, Some(&live)), (2, Some(&last_block))], &wanted, 16, N + 1);
		assert_eq!(plan, OfferPlan { live: vec![1], withdraw: vec![2], post: vec![1] });
		// Nothing known: every configured offer is posted.
		assert_eq!(
			plan_offers(&[], &wanted, 16, N),
			OfferPlan { post: vec![0, 1], ..Default::default() }
		);
	}

	#[test]
	fn offers_on_terms_no_longer_configured_are_withdrawn_and_posts_wait_for_room() {
		let (old, new) = (terms(UNIT), terms(3 * UNIT));
		let stale = offer(&old, N + 50, 4);
		// The configuration now asks for `new` only: the old offer goes, the new one is posted.
		let plan = plan_offers(&[(1, Some(&stale))], std::slice::from_ref(&new), 16, N);
		assert_eq!(plan, OfferPlan { live: vec![], withdraw: vec![1], post: vec![0] });
		// Two live offers on the same terms for one configured: the second goes.
		let plan = plan_offers(&[(1, Some(&stale)), (2, Some(&stale))], &[old.clone()], 16, N);
		assert_eq!(plan, OfferPlan { live: vec![1], withdraw: vec![2], post: vec![] });
		// At the market's limit, posts wait until the withdrawals have made room.
		let expired = offer(&old, N - 1, 1);
		let known: Vec<_> = (0..3).map(|id| (id, Some(&expired))).collect();
		let plan = plan_offers(&known, &[old.clone(), new.clone()], 4, N);
		assert_eq!(plan, OfferPlan { live: vec![], withdraw: vec![0, 1, 2], post: vec![0] });
		let plan = plan_offers(&known, &[old, new], 3, N);
		assert_eq!(plan.post, Vec::<usize>::new());
	}

	#[test]
	fn all_offers_are_walked_only_when_the_chain_counts_more_than_the_agent_knows() {
		assert!(!offers_unknown(0, 0));
		assert!(!offers_unknown(2, 2));
		assert!(offers_unknown(3, 2));
		assert!(offers_unknown(1, 0));
	}
}
