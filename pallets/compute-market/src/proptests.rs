//! Random call sequences with several parties, some controlling many accounts.
//!
//! - An honest requester (`Q`) posts jobs and challenges every result that is wrong.
//! - A coalition: a requester (`R`) with four provider accounts of its own (`S`), which bid
//!   (for replicas, by the lot, with as many accounts as it likes), commit, reveal, retract
//!   and challenge at random; one of them sits in the arbiter pool, where it judges as an
//!   honest arbiter would, says it could check no replica, or approves every replica without
//!   looking. (Two pool accounts could
//!   be drawn as a majority of a panel, with the probability the pallet README gives; the
//!   property below is what holds when they are not.)
//! - Honest providers (`H`), all in the arbiter pool, bid when the sequence says so and
//!   then always commit and reveal the true result in time, as an honest agent would.
//! - An honest data owner (`O`) whose asset both requesters may name. It always serves its
//!   data, so "content unavailable" is a lie; it challenges every such result on a job that
//!   names its asset. In half the cases the coalition's accounts say it on every such job
//!   they win, to dodge the royalty.
//!
//! After every call: the market's invariants hold (every held unit is accounted for), total
//! issuance fell by exactly what was burnt, no honest provider has less than it started
//! with, and the coalition has gained nothing beyond what its accounts were paid on the
//! honest requester's jobs — it never profits from its own jobs, failed or not. The owner
//! never loses money, and no job naming its asset is verified as "content unavailable". At
//! the end every job has finished.

use crate::{mock::*, *};
use frame_support::BoundedVec;
use proptest::prelude::*;
use sp_core::H256;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
	/// What each provider committed to per job, so that a reveal can open it.
	static COMMITTED: core::cell::RefCell<std::collections::BTreeMap<(JobId, AccountId), u8>> = Default::default();
	/// In this case the coalition's accounts say "content unavailable" on every job naming
	/// the owner's asset they are assigned to, as soon as they can.
	static DODGE: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Calls dispatched by all cases so far (reported with `--nocapture`).
static CALLS: AtomicU64 = AtomicU64::new(0);
/// The last hundred thousand calls reported.
static REPORTED: AtomicU64 = AtomicU64::new(0);

const Q: AccountId = 1;
const R: AccountId = 2;
const S: [AccountId; 4] = [3, 4, 5, 6];
const H: [AccountId; 4] = [10, 11, 12, 13];
/// Every provider account: the coalition's, then the honest ones.
const PROVIDERS: [AccountId; 8] = [3, 4, 5, 6, 10, 11, 12, 13];
/// The result every honest provider computes.
const TRUTH: u8 = 1;
/// The honest data owner and its asset (royalty 5).
const O: AccountId = 20;
const ASSET: u64 = 7;
const ROYALTY: Balance = 5;
/// The result byte that stands for "content unavailable".
const UNAVAILABLE: u8 = 3;

/// The result hash a result byte stands for.
fn hash_of(result: u8) -> H256 {
	if result == UNAVAILABLE {
		content_unavailable()
	} else {
		H256::repeat_byte(result)
	}
}

#[derive(Debug, Clone)]
enum Op {
	/// A requester (0: honest, 1: coalition) posts a job, naming the owner's asset or not.
	PostJob {
		r: usize,
		asset: bool,
		replicas: u32,
		max_price: Balance,
		bidding: u64,
		exec: u64,
		reveal: u64,
	},
	Cancel {
		r: usize,
		job: JobId,
	},
	/// A provider (index into `PROVIDERS`) bids, with `extra` above the least bond.
	Bid {
		p: usize,
		job: JobId,
		price: Balance,
		extra: Balance,
	},
	Retract {
		p: usize,
		job: JobId,
	},
	/// Every provider bids on the job: provider i at the maximum less `i × step`.
	BidAll {
		job: JobId,
		step: Balance,
	},
	/// Every coalition account bids `price` (1 undercuts everyone) with `extra` above the
	/// least bond, to win replicas.
	SybilBidAll {
		job: JobId,
		price: Balance,
		extra: Balance,
	},
	/// A coalition account commits to `result` (`UNAVAILABLE`: says the content could not be
	/// had; honest providers commit on their own).
	SybilCommit {
		s: usize,
		job: JobId,
		result: u8,
	},
	/// A coalition account reveals what it committed to, or something else.
	SybilReveal {
		s: usize,
		job: JobId,
		result: u8,
		honest: bool,
	},
	/// The coalition challenges one of its jobs.
	Challenge {
		job: JobId,
	},
	PostOffer {
		p: usize,
		price: Balance,
		capacity: u32,
		ttl: u64,
		exec: u64,
	},
	AcceptOffer {
		r: usize,
		offer: OfferId,
		max_price: Balance,
		exec: u64,
	},
	WithdrawOffer {
		p: usize,
		offer: OfferId,
	},
	Unregister {
		p: usize,
	},
	Withdraw {
		p: usize,
	},
	Rejoin {
		p: usize,
	},
	LeavePool {
		p: usize,
	},
	/// A provider adds to its stake (and so to its weight in the arbiter draw).
	AddStake {
		p: usize,
		amount: Balance,
	},
	Advance {
		job: JobId,
	},
	Roll {
		blocks: u64,
	},
}

fn op() -> impl Strategy<Value = Op> {
	let p = 0..PROVIDERS.len();
	let r = 0..2usize;
	let s = 0..S.len();
	let job = 0u64..4;
	prop_oneof![
		4 => (r.clone(), prop::bool::ANY, 1u32..5, 1u64..150, 2u64..6, 1u64..6, 1u64..6)
			.prop_map(|(r, asset, replicas, max_price, bidding, exec, reveal)| Op::PostJob { r, asset, replicas, max_price, bidding, exec, reveal }),
		1 => (r.clone(), job.clone()).prop_map(|(r, job)| Op::Cancel { r, job }),
		3 => (p.clone(), job.clone(), 1u64..150, 0u64..30).prop_map(|(p, job, price, extra)| Op::Bid { p, job, price, extra }),
		1 => (p.clone(), job.clone()).prop_map(|(p, job)| Op::Retract { p, job }),
		8 => (job.clone(), 0u64..10).prop_map(|(job, step)| Op::BidAll { job, step }),
		3 => (job.clone(), 1u64..20, 0u64..30).prop_map(|(job, price, extra)| Op::SybilBidAll { job, price, extra }),
		4 => (s.clone(), job.clone(), 1u8..4).prop_map(|(s, job, result)| Op::SybilCommit { s, job, result }),
		4 => (s.clone(), job.clone(), 1u8..4, prop::bool::weighted(0.5))
			.prop_map(|(s, job, result, honest)| Op::SybilReveal { s, job, result, honest }),
		5 => job.clone().prop_map(|job| Op::Challenge { job }),
		1 => (p.clone(), 1u64..120, 1u32..3, 1u64..20, 1u64..6)
			.prop_map(|(p, price, capacity, ttl, exec)| Op::PostOffer { p, price, capacity, ttl, exec }),
		2 => (r.clone(), 0u64..4, 1u64..150, 1u64..6)
			.prop_map(|(r, offer, max_price, exec)| Op::AcceptOffer { r, offer, max_price, exec }),
		1 => (p.clone(), 0u64..4).prop_map(|(p, offer)| Op::WithdrawOffer { p, offer }),
		1 => p.clone().prop_map(|p| Op::Unregister { p }),
		1 => p.clone().prop_map(|p| Op::Withdraw { p }),
		1 => p.clone().prop_map(|p| Op::Rejoin { p }),
		1 => (0..S.len()).prop_map(|s| Op::LeavePool { p: s }),
		1 => (p.clone(), 1u64..500).prop_map(|(p, amount)| Op::AddStake { p, amount }),
		1 => job.prop_map(|job| Op::Advance { job }),
		6 => (1u64..5).prop_map(|blocks| Op::Roll { blocks }),
	]
}

fn text(t: &str) -> BoundedString<Test> {
	BoundedVec::truncate_from(t.as_bytes().to_vec())
}

fn spec(replicas: u32, max_price: Balance, bidding: u64, exec: u64, reveal: u64) -> JobSpec<Test> {
	JobSpec::new(replicas, max_price)
		.with_periods(bidding, exec, reveal)
		.with_requirements(Hardware { gpu_count: 1, vram_gib: 0, cpu_cores: 0, ram_gib: 0 })
		.with_max_royalties(0)
}

/// A job naming the owner's asset.
fn spec_with_asset(
	replicas: u32,
	max_price: Balance,
	bidding: u64,
	exec: u64,
	reveal: u64,
) -> JobSpec<Test> {
	spec(replicas, max_price, bidding, exec, reveal)
		.with_assets(vec![ASSET])
		.with_max_royalties(ROYALTY)
}

/// Whether a job names the owner's asset.
fn names_asset(job: &Job<Test>) -> bool {
	job.royalties.iter().any(|r| r.owner == O)
}

fn salt(who: AccountId) -> H256 {
	H256::from_low_u64_be(who)
}

/// The least bond of a bid on `job` (that of a job of max price 1 if there is none).
fn least_bond(job: JobId) -> Balance {
	Market::bid_bond(Jobs::<Test>::get(job).map_or(1, |j| j.spec.max_price))
}

fn requester(r: usize) -> AccountId {
	[Q, R][r]
}

/// Counts and dispatches one call; errors are expected (random input).
fn call<R>(f: impl FnOnce() -> R) {
	CALLS.fetch_add(1, Ordering::Relaxed);
	let _ = f();
}

/// In an arbitration round, whether the job's arbiters judge.
fn arbitrating(job: JobId) -> bool {
	Jobs::<Test>::get(job).is_some_and(|j| j.round == Round::Arbitration)
}

/// The verdict of arbiter `who` whose own result is `result`: an honest one's, a replica
/// agreeing when it revealed exactly that; a coalition arbiter, by its result, judges so too
/// (1), says it could check nobody (2), or approves every replica without looking (3).
fn verdict_of(
	who: AccountId,
	job: JobId,
	result: u8,
) -> BoundedVec<Judgement, <Test as Config>::MaxReplicas> {
	let exact = Market::exact_verdict(job, hash_of(result));
	if !S.contains(&who) || result == 1 {
		return exact;
	}
	let all = if result == 2 { Judgement::Unchecked } else { Judgement::Agrees };
	BoundedVec::truncate_from(vec![all; exact.len()])
}

/// Commits to `result`; an arbiter commits to it with its verdict (`verdict_of`).
fn commit_as(who: AccountId, job: JobId, result: u8) {
	let hash = hash_of(result);
	let c = if arbitrating(job) {
		Market::verdict_commitment_of(&hash, &verdict_of(who, job, result), &salt(who), &who)
	} else {
		Market::commitment_of(&hash, &salt(who), &who)
	};
	CALLS.fetch_add(1, Ordering::Relaxed);
	if Market::commit_result(RuntimeOrigin::signed(who), job, c).is_ok() {
		COMMITTED.with(|m| m.borrow_mut().insert((job, who), result));
	}
}

fn reveal_as(who: AccountId, job: JobId, result: u8) {
	if arbitrating(job) {
		let hash = hash_of(result);
		let agrees = verdict_of(who, job, result);
		return call(|| {
			Market::reveal_verdict(
				RuntimeOrigin::signed(who),
				job,
				hash,
				agrees,
				salt(who),
				text("v"),
			)
		});
	}
	call(|| {
		Market::reveal_result(
			RuntimeOrigin::signed(who),
			job,
			hash_of(result),
			salt(who),
			text("r"),
		)
	});
}

/// What honest parties do without being told: honest providers commit and reveal the truth
/// as soon as they can; the honest requester challenges every wrong result; the owner
/// challenges every "content unavailable" on a job naming its asset.
fn honest_agents() {
	// Acting can open the next phase (the last commitment starts the reveal): act until
	// there is nothing left to do now.
	for _ in 0..4 {
		if !honest_step() {
			return;
		}
	}
}

/// One pass of honest actions over every job; whether anything was done.
fn honest_step() -> bool {
	let mut acted = false;
	let ids: Vec<JobId> = Jobs::<Test>::iter_keys().collect();
	for id in ids {
		for a in Assignments::<Test>::get(id) {
			let Some(job) = Jobs::<Test>::get(id) else { continue };
			let result = if H.contains(&a.provider) {
				TRUTH
			} else if DODGE.with(|d| d.get()) && S.contains(&a.provider) && names_asset(&job) {
				UNAVAILABLE
			} else {
				continue;
			};
			match job.status {
				JobStatus::Committing if a.commitment.is_none() => {
					commit_as(a.provider, id, result);
					acted = true;
				},
				JobStatus::Revealing if a.commitment.is_some() && a.reveal.is_none() => {
					let committed = COMMITTED.with(|m| m.borrow().get(&(id, a.provider)).copied());
					reveal_as(a.provider, id, committed.unwrap_or(result));
					acted = true;
				},
				_ => {},
			}
		}
		let Some(job) = Jobs::<Test>::get(id) else { continue };
		if job.requester == Q && job.status == JobStatus::ChallengeWindow {
			let wrong = Assignments::<Test>::get(id).iter().any(|a| {
				a.reveal.as_ref().is_some_and(|r| r.result_hash != H256::repeat_byte(TRUTH))
			});
			if wrong {
				call(|| Market::challenge_result(RuntimeOrigin::signed(Q), id));
				acted = true;
			}
		}
		let Some(job) = Jobs::<Test>::get(id) else { continue };
		if names_asset(&job) && job.status == JobStatus::ChallengeWindow {
			let unavailable = Assignments::<Test>::get(id)
				.iter()
				.any(|a| a.reveal.as_ref().is_some_and(|r| r.result_hash == content_unavailable()));
			if unavailable {
				call(|| Market::challenge_result(RuntimeOrigin::signed(O), id));
				acted = true;
			}
		}
	}
	acted
}

fn roll(blocks: u64) {
	for _ in 0..blocks {
		run_to_block(System::block_number() + 1);
		honest_agents();
	}
}

fn register(who: AccountId) {
	call(|| {
		Market::register_provider(
			RuntimeOrigin::signed(who),
			150,
			ProviderProfile {
				gpu_model: text("gpu"),
				hardware: Hardware { gpu_count: 3, vram_gib: 1, cpu_cores: 1, ram_gib: 1 },
				region: 1,
				endpoint: text("e"),
			},
		)
	});
	// One coalition account sits in the arbiter pool; with every honest provider there too,
	// the coalition never fills a majority of a panel of three.
	if who == S[0] || H.contains(&who) {
		call(|| Market::join_arbiter_pool(RuntimeOrigin::signed(who)));
	}
}

fn apply(op: Op) {
	let signed = RuntimeOrigin::signed;
	match op {
		Op::PostJob { r, asset, replicas, max_price, bidding, exec, reveal } => call(|| {
			let spec = if asset { spec_with_asset } else { spec };
			Market::post_job(signed(requester(r)), spec(replicas, max_price, bidding, exec, reveal))
		}),
		Op::Cancel { r, job } => call(|| Market::cancel_job(signed(requester(r)), job)),
		Op::Bid { p, job, price, extra } => {
			let bond = least_bond(job) + extra;
			call(|| Market::place_bid(signed(PROVIDERS[p]), job, price, bond))
		},
		Op::Retract { p, job } => call(|| Market::retract_bid(signed(PROVIDERS[p]), job)),
		Op::BidAll { job, step } => {
			let max = Jobs::<Test>::get(job).map_or(1, |j| j.spec.max_price);
			for (i, p) in PROVIDERS.iter().enumerate() {
				let price = max.saturating_sub(i as u64 * step).max(1);
				call(|| Market::place_bid(signed(*p), job, price, least_bond(job)));
			}
		},
		Op::SybilBidAll { job, price, extra } => {
			let bond = least_bond(job) + extra;
			for p in S {
				call(|| Market::place_bid(signed(p), job, price, bond));
			}
		},
		Op::SybilCommit { s, job, result } => commit_as(S[s], job, result),
		Op::SybilReveal { s, job, result, honest } => {
			let committed = COMMITTED.with(|m| m.borrow().get(&(job, S[s])).copied());
			let byte = match committed {
				Some(b) if honest => b,
				_ => result,
			};
			reveal_as(S[s], job, byte);
		},
		Op::Challenge { job } => call(|| Market::challenge_result(signed(R), job)),
		Op::PostOffer { p, price, capacity, ttl, exec } => call(|| {
			Market::post_offer(
				signed(PROVIDERS[p]),
				price,
				Hardware::default(),
				capacity,
				System::block_number() + ttl,
				exec,
				2,
				OfferScope::any(),
			)
		}),
		Op::AcceptOffer { r, offer, max_price, exec } => call(|| {
			Market::accept_offer(signed(requester(r)), offer, spec(1, max_price, 2, exec, 3))
		}),
		Op::WithdrawOffer { p, offer } => {
			call(|| Market::withdraw_offer(signed(PROVIDERS[p]), offer))
		},
		Op::Unregister { p } => call(|| Market::unregister(signed(PROVIDERS[p]))),
		Op::Withdraw { p } => call(|| Market::withdraw_stake(signed(PROVIDERS[p]))),
		Op::Rejoin { p } => register(PROVIDERS[p]),
		Op::LeavePool { p } => call(|| Market::leave_arbiter_pool(signed(PROVIDERS[p]))),
		Op::AddStake { p, amount } => call(|| Market::add_stake(signed(PROVIDERS[p]), amount)),
		Op::Advance { job } => call(|| Market::advance_job(signed(Q), job)),
		Op::Roll { blocks } => roll(blocks),
	}
	honest_agents();
}

/// What the coalition's accounts were paid on the honest requester's jobs.
fn coalition_paid_by_others() -> Balance {
	System::events()
		.iter()
		.filter_map(|r| match &r.event {
			RuntimeEvent::Market(crate::Event::ProviderPaid { job_id, provider, amount })
				if S.contains(provider)
					&& Jobs::<Test>::get(job_id).is_some_and(|j| j.requester == Q) =>
			{
				Some(*amount)
			},
			_ => None,
		})
		.sum()
}

fn coalition() -> Balance {
	core::iter::once(&R)
		.chain(S.iter())
		.map(|a| {
			<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(a)
		})
		.sum()
}

fn check(after: &str, issuance: Balance, coalition_start: Balance) {
	if let Err(e) = Market::do_try_state() {
		panic!("invariant broken after {after}: {e:?}");
	}
	assert_eq!(
		pallet_balances::TotalIssuance::<Test>::get(),
		issuance - burnt(),
		"issuance after {after}"
	);
	for h in H {
		assert!(
			<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(&h)
				>= ENDOWMENT,
			"honest provider {h} lost money after {after}"
		);
	}
	assert!(
		coalition() <= coalition_start + coalition_paid_by_others(),
		"the coalition profited from its own jobs after {after}"
	);
	assert!(
		<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(&O)
			>= ENDOWMENT,
		"the data owner lost money after {after}"
	);
	for (id, result) in Results::<Test>::iter() {
		assert!(
			result.result_hash != content_unavailable()
				|| !Jobs::<Test>::get(id).is_some_and(|j| names_asset(&j)),
			"job {id}, naming the owner's asset, was verified as unavailable after {after}"
		);
	}
}

fn cases() -> u32 {
	std::env::var("ALLMENDE_PROPTEST_CASES")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(10_000)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn sybil_parties_cannot_profit_and_honest_providers_never_lose(
		ops in prop::collection::vec(op(), 1..60),
		dodge in prop::bool::ANY,
	) {
		COMMITTED.with(|c| c.borrow_mut().clear());
		DODGE.with(|d| d.set(dodge));
		ExtBuilder::default().reputation_fee(2).job_deposit(3).build().execute_with(|| {
			let issuance = pallet_balances::TotalIssuance::<Test>::get();
			let coalition_start = coalition();
			MockRegistry::add(ASSET, O, ROYALTY, None);
			for who in PROVIDERS {
				register(who);
			}
			for op in ops {
				apply(op.clone());
				check(&format!("{op:?}"), issuance, coalition_start);
			}
			// Run far enough that every job finishes on its own: nothing stays held.
			roll(200);
			check("the final blocks", issuance, coalition_start);
			for (_, job) in Jobs::<Test>::iter() {
				assert!(job.status.is_terminal(), "job left unfinished: {job:?}");
			}
		});
		let calls = CALLS.load(Ordering::Relaxed);
		if calls / 100_000 > REPORTED.load(Ordering::Relaxed) {
			REPORTED.store(calls / 100_000, Ordering::Relaxed);
			eprintln!("{calls} calls so far");
		}
	}
}
