//! Unit tests: every error path, every success with its events, and full job lifecycles.
//! Each test runs in `mock::test`, which checks the market's invariants and total issuance
//! afterwards.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, Get, Hooks},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchError, Permill};

type MarketEvent = crate::Event<Test>;

const REQUESTER: AccountId = 1;
const STAKE: Balance = 200;
const REGION: RegionCode = 276;

fn s(text: &str) -> BoundedString<Test> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

fn hardware() -> Hardware {
	Hardware { gpu_count: 2, vram_gib: 40, cpu_cores: 16, ram_gib: 64 }
}

fn profile() -> ProviderProfile<Test> {
	ProviderProfile {
		gpu_model: s("A100-40GB"),
		hardware: hardware(),
		region: REGION,
		endpoint: s("https://p.example"),
	}
}

fn register(who: AccountId) {
	assert_ok!(Market::register_provider(RuntimeOrigin::signed(who), STAKE, profile()));
}

fn spec(replicas: u32, max_price: Balance) -> JobSpec<Test> {
	JobSpec::new(replicas, max_price)
}

/// Posts a standing offer of `who` that needs 10 blocks to execute and 10 to reveal, as
/// `spec` gives.
fn offer(
	who: AccountId,
	price: Balance,
	capacity: u32,
	expires_at: u64,
) -> frame_support::dispatch::DispatchResult {
	Market::post_offer(
		RuntimeOrigin::signed(who),
		price,
		hardware(),
		capacity,
		expires_at,
		10,
		10,
		OfferScope::any(),
	)
}

fn post(spec: JobSpec<Test>) -> JobId {
	let id = NextJobId::<Test>::get();
	assert_ok!(Market::post_job(RuntimeOrigin::signed(REQUESTER), spec));
	id
}

/// The least bond of a bid on `job` (`MinBidBond` for a job that does not exist).
fn least_bond(job: JobId) -> Balance {
	Market::bid_bond(Jobs::<Test>::get(job).map_or(0, |j| j.spec.max_price))
}

/// `who` bids `price` on `job` with the least bond.
fn bid(who: AccountId, job: JobId, price: Balance) {
	bid_with(who, job, price, least_bond(job));
}

/// `who` bids `price` on `job` with `bond`.
fn bid_with(who: AccountId, job: JobId, price: Balance, bond: Balance) {
	assert_ok!(Market::place_bid(RuntimeOrigin::signed(who), job, price, bond));
}

fn result(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn salt(who: AccountId) -> H256 {
	H256::from_low_u64_be(who * 7919)
}

/// Commits to `res`; an arbiter commits to it and to the verdict of an honest arbiter whose
/// result is `res` (see `reveal`).
fn commit(who: AccountId, job: JobId, res: H256) {
	let c = if Jobs::<Test>::get(job).is_some_and(|j| j.round == Round::Arbitration) {
		Market::verdict_commitment_of(&res, &Market::exact_verdict(job, res), &salt(who), &who)
	} else {
		Market::commitment_of(&res, &salt(who), &who)
	};
	assert_ok!(Market::commit_result(RuntimeOrigin::signed(who), job, c));
}

/// Reveals `res`; an arbiter reveals it with the verdict of an honest arbiter whose result is
/// `res`: every replica that revealed exactly `res` agrees, every other does not.
fn reveal(who: AccountId, job: JobId, res: H256) {
	if job_round(job) == Round::Arbitration {
		return judge(who, job, res, Market::exact_verdict(job, res));
	}
	assert_ok!(Market::reveal_result(
		RuntimeOrigin::signed(who),
		job,
		res,
		salt(who),
		s("ipfs://result")
	));
}

fn job_round(id: JobId) -> Round {
	Jobs::<Test>::get(id).map_or(Round::Original, |j| j.round)
}

/// An arbiter's verdict: one entry per replica of the disputed round.
type Verdict = BoundedVec<Judgement, <Test as Config>::MaxReplicas>;

/// An arbiter reveals its result `res` and the verdict `agrees` it committed to.
fn judge(who: AccountId, job: JobId, res: H256, agrees: Verdict) {
	assert_ok!(Market::reveal_verdict(
		RuntimeOrigin::signed(who),
		job,
		res,
		agrees,
		salt(who),
		s("ipfs://verdict")
	));
}

fn job(id: JobId) -> Job<Test> {
	Jobs::<Test>::get(id).unwrap()
}

fn offer_of(id: OfferId) -> Offer<Test> {
	Offers::<Test>::get(id).unwrap()
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Market::held(reason, &who)
}

fn reputation(who: AccountId) -> Reputation {
	Providers::<Test>::get(who).unwrap().reputation
}

#[track_caller]
fn assert_event(e: MarketEvent) {
	System::assert_has_event(e.into());
}

/// Posts a k-replica job at max 100, lets `providers` bid `prices`, and closes bidding.
fn assigned_job(replicas: u32, providers: &[(AccountId, Balance)]) -> JobId {
	for (p, _) in providers {
		if !Providers::<Test>::contains_key(p) {
			register(*p);
		}
	}
	let id = post(spec(replicas, 100));
	for (p, price) in providers {
		bid(*p, id, *price);
	}
	run_to_block(job(id).deadline);
	assert_eq!(job(id).status, JobStatus::Committing);
	id
}

// ---------------------------------------------------------------- providers

#[test]
fn register_provider_holds_stake() {
	test(|| {
		register(10);
		assert_eq!(held(HoldReason::ProviderStake, 10), STAKE);
		assert_eq!(free(10), ENDOWMENT - STAKE);
		assert_event(MarketEvent::ProviderRegistered { provider: 10, stake: STAKE });
	});
}

#[test]
fn register_provider_errors() {
	test(|| {
		assert_noop!(
			Market::register_provider(RuntimeOrigin::signed(10), 99, profile()),
			Error::<Test>::StakeTooLow
		);
		assert_noop!(
			Market::register_provider(RuntimeOrigin::signed(10), ENDOWMENT, profile()),
			sp_runtime::TokenError::FundsUnavailable
		);
		register(10);
		assert_noop!(
			Market::register_provider(RuntimeOrigin::signed(10), STAKE, profile()),
			Error::<Test>::AlreadyProvider
		);
	});
}

#[test]
fn update_profile_and_add_stake() {
	test(|| {
		assert_noop!(
			Market::update_profile(RuntimeOrigin::signed(10), profile()),
			Error::<Test>::NotProvider
		);
		assert_noop!(Market::add_stake(RuntimeOrigin::signed(10), 10), Error::<Test>::NotProvider);
		register(10);
		let mut p = profile();
		p.region = 250;
		assert_ok!(Market::update_profile(RuntimeOrigin::signed(10), p));
		assert_eq!(Providers::<Test>::get(10).unwrap().profile.region, 250);
		assert_event(MarketEvent::ProfileUpdated { provider: 10 });
		assert_noop!(Market::add_stake(RuntimeOrigin::signed(10), 0), Error::<Test>::ZeroPrice);
		assert_noop!(
			Market::add_stake(RuntimeOrigin::signed(10), ENDOWMENT),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_ok!(Market::add_stake(RuntimeOrigin::signed(10), 50));
		assert_eq!(held(HoldReason::ProviderStake, 10), STAKE + 50);
		assert_event(MarketEvent::StakeAdded { provider: 10, amount: 50, stake: STAKE + 50 });
	});
}

#[test]
fn unregister_and_withdraw_after_unbonding() {
	test(|| {
		assert_noop!(Market::unregister(RuntimeOrigin::signed(10)), Error::<Test>::NotProvider);
		assert_noop!(Market::withdraw_stake(RuntimeOrigin::signed(10)), Error::<Test>::NotProvider);
		register(10);
		assert_noop!(Market::withdraw_stake(RuntimeOrigin::signed(10)), Error::<Test>::StillBonded);
		assert_ok!(Market::unregister(RuntimeOrigin::signed(10)));
		assert_event(MarketEvent::ProviderUnregistered { provider: 10, unlocks_at: 11 });
		assert_noop!(
			Market::unregister(RuntimeOrigin::signed(10)),
			Error::<Test>::ProviderNotActive
		);
		assert_noop!(
			Market::add_stake(RuntimeOrigin::signed(10), 5),
			Error::<Test>::ProviderNotActive
		);
		run_to_block(10);
		assert_noop!(Market::withdraw_stake(RuntimeOrigin::signed(10)), Error::<Test>::StillBonded);
		run_to_block(11);
		assert_ok!(Market::withdraw_stake(RuntimeOrigin::signed(10)));
		assert_eq!(free(10), ENDOWMENT);
		assert!(!Providers::<Test>::contains_key(10));
		assert_event(MarketEvent::StakeWithdrawn { provider: 10, amount: STAKE });
	});
}

#[test]
fn unregister_while_busy_is_rejected() {
	test(|| {
		register(10);
		let id = post(spec(1, 100));
		bid(10, id, 50);
		assert_noop!(Market::unregister(RuntimeOrigin::signed(10)), Error::<Test>::ProviderBusy);
		run_to_block(job(id).deadline);
		// Assigned now: still busy.
		assert_noop!(Market::unregister(RuntimeOrigin::signed(10)), Error::<Test>::ProviderBusy);
		register(11);
		assert_ok!(offer(11, 10, 1, 100));
		assert_noop!(Market::unregister(RuntimeOrigin::signed(11)), Error::<Test>::ProviderBusy);
		assert_ok!(Market::withdraw_offer(RuntimeOrigin::signed(11), 0));
		assert_ok!(Market::unregister(RuntimeOrigin::signed(11)));
	});
}

// ---------------------------------------------------------------- offers

#[test]
fn post_and_withdraw_offer() {
	test(|| {
		assert_noop!(offer(10, 10, 1, 100), Error::<Test>::NotProvider);
		register(10);
		assert_noop!(offer(10, 0, 1, 100), Error::<Test>::ZeroPrice);
		assert_noop!(offer(10, 10, 0, 100), Error::<Test>::InvalidOffer);
		assert_noop!(offer(10, 10, 1, 1), Error::<Test>::InvalidOffer);
		let mut big = hardware();
		big.gpu_count = 8;
		assert_noop!(
			Market::post_offer(
				RuntimeOrigin::signed(10),
				10,
				big,
				1,
				100,
				10,
				10,
				OfferScope::any()
			),
			Error::<Test>::RequirementsNotMet
		);
		for _ in 0..3 {
			assert_ok!(offer(10, 10, 2, 100));
		}
		assert_event(MarketEvent::OfferPosted {
			offer_id: 2,
			provider: 10,
			price: 10,
			capacity: 2,
		});
		assert_noop!(offer(10, 10, 1, 100), Error::<Test>::TooManyOffers);
		assert_noop!(
			Market::withdraw_offer(RuntimeOrigin::signed(10), 9),
			Error::<Test>::UnknownOffer
		);
		assert_noop!(
			Market::withdraw_offer(RuntimeOrigin::signed(11), 1),
			Error::<Test>::NotOfferOwner
		);
		assert_ok!(Market::withdraw_offer(RuntimeOrigin::signed(10), 1));
		assert_event(MarketEvent::OfferWithdrawn { offer_id: 1 });
		assert_eq!(Providers::<Test>::get(10).unwrap().offers, 2);
	});
}

#[test]
fn offer_acceptance_assigns_at_once_and_pays_after_window() {
	test(|| {
		register(10);
		assert_ok!(offer(10, 70, 1, 100));
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 100)));
		assert_event(MarketEvent::OfferAccepted { offer_id: 0, job_id: 0, requester: REQUESTER });
		assert_eq!(job(0).status, JobStatus::Committing);
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 70);
		assert_eq!(held(HoldReason::BidBond, 10), 7);
		// Capacity used up: the offer is gone.
		assert!(Offers::<Test>::get(0).is_none());
		assert_eq!(Providers::<Test>::get(10).unwrap().offers, 0);
		commit(10, 0, result(1));
		reveal(10, 0, result(1));
		assert_eq!(job(0).status, JobStatus::ChallengeWindow);
		run_to_block(job(0).deadline);
		assert_eq!(job(0).status, JobStatus::Settled);
		assert_eq!(free(REQUESTER), ENDOWMENT - 70);
		assert_eq!(free(10), ENDOWMENT - STAKE + 70);
		assert_eq!(Results::<Test>::get(0).unwrap().result_hash, result(1));
	});
}

#[test]
fn the_requester_may_accept_a_result_before_the_window_ends() {
	test(|| {
		register(10);
		assert_ok!(offer(10, 70, 2, 100));
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 100)));
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(REQUESTER), 0),
			Error::<Test>::NotChallengeable
		);
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(REQUESTER), 7),
			Error::<Test>::UnknownJob
		);
		commit(10, 0, result(1));
		reveal(10, 0, result(1));
		let window_ends = job(0).deadline;
		// Only the requester may waive its challenge; the provider cannot cut the window.
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(10), 0),
			Error::<Test>::NotRequester
		);
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(2), 0),
			Error::<Test>::NotRequester
		);
		assert_ok!(Market::accept_result(RuntimeOrigin::signed(REQUESTER), 0));
		assert!(System::block_number() < window_ends);
		assert_eq!(job(0).status, JobStatus::Settled);
		assert_event(MarketEvent::ProviderPaid { job_id: 0, provider: 10, amount: 70 });
		assert_eq!(free(REQUESTER), ENDOWMENT - 70);
		assert_eq!(free(10), ENDOWMENT - STAKE + 70);
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 0);
		assert_eq!(held(HoldReason::BidBond, 10), 0);
		// Settled once: no second payment, no challenge, and the stale window entry does
		// nothing when the queue reaches it.
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(REQUESTER), 0),
			Error::<Test>::NotChallengeable
		);
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), 0),
			Error::<Test>::NotChallengeable
		);
		run_to_block(window_ends + 1);
		assert_eq!(job(0).status, JobStatus::Settled);
		assert_eq!(free(10), ENDOWMENT - STAKE + 70);

		// After the window, the queue settles; accepting is then refused as too late.
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 100)));
		commit(10, 1, result(2));
		reveal(10, 1, result(2));
		System::set_block_number(job(1).deadline);
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(REQUESTER), 1),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn accept_offer_errors() {
	test(|| {
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 100)),
			Error::<Test>::UnknownOffer
		);
		register(10);
		assert_ok!(offer(10, 70, 2, 20));
		let o = || RuntimeOrigin::signed(REQUESTER);
		assert_noop!(Market::accept_offer(o(), 0, spec(2, 100)), Error::<Test>::InvalidReplicas);
		assert_noop!(Market::accept_offer(o(), 0, spec(1, 69)), Error::<Test>::OfferTooExpensive);
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(10), 0, spec(1, 100)),
			Error::<Test>::ConflictOfInterest
		);
		let mut sp = spec(1, 100);
		sp.execution_period = 0;
		assert_noop!(Market::accept_offer(o(), 0, sp), Error::<Test>::InvalidExecutionPeriod);
		let mut sp = spec(1, 100);
		sp.reveal_period = 51;
		assert_noop!(Market::accept_offer(o(), 0, sp), Error::<Test>::InvalidRevealPeriod);
		let mut sp = spec(1, 100);
		sp.requirements.vram_gib = 80;
		assert_noop!(Market::accept_offer(o(), 0, sp), Error::<Test>::RequirementsNotMet);
		let mut sp = spec(1, 100);
		sp.min_reputation = Some(Permill::from_percent(60));
		assert_noop!(Market::accept_offer(o(), 0, sp), Error::<Test>::ReputationTooLow);
		// A requester without funds for the escrow.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 3, ENDOWMENT - 10));
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(2), 0, spec(1, 100)),
			sp_runtime::TokenError::FundsUnavailable
		);
		run_to_block(21);
		assert_noop!(Market::accept_offer(o(), 0, spec(1, 100)), Error::<Test>::OfferExpired);
	});
}

// ---------------------------------------------------------------- jobs

#[test]
fn post_job_holds_the_whole_budget() {
	test(|| {
		let id = post(spec(3, 100));
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 300);
		assert_event(MarketEvent::JobPosted {
			job_id: id,
			requester: REQUESTER,
			replicas: 3,
			escrow: 300,
			bidding_ends: 6,
		});
		assert_eq!(job(id).status, JobStatus::Bidding);
		assert!(JobsOfRequester::<Test>::contains_key(REQUESTER, id));
	});
}

#[test]
fn post_job_errors() {
	test(|| {
		let o = || RuntimeOrigin::signed(REQUESTER);
		assert_noop!(Market::post_job(o(), spec(0, 100)), Error::<Test>::InvalidReplicas);
		assert_noop!(Market::post_job(o(), spec(6, 100)), Error::<Test>::InvalidReplicas);
		assert_noop!(Market::post_job(o(), spec(1, 0)), Error::<Test>::ZeroPrice);
		assert_noop!(Market::post_job(o(), spec(5, u64::MAX / 2)), Error::<Test>::BudgetOverflow);
		assert_noop!(
			Market::post_job(o(), spec(1, ENDOWMENT)),
			sp_runtime::TokenError::FundsUnavailable
		);
		let mut sp = spec(1, 100);
		sp.bidding_period = 1;
		assert_noop!(Market::post_job(o(), sp), Error::<Test>::InvalidBiddingPeriod);
		let mut sp = spec(1, 100);
		sp.bidding_period = 51;
		assert_noop!(Market::post_job(o(), sp), Error::<Test>::InvalidBiddingPeriod);
		let mut sp = spec(1, 100);
		sp.execution_period = 51;
		assert_noop!(Market::post_job(o(), sp), Error::<Test>::InvalidExecutionPeriod);
		let mut sp = spec(1, 100);
		sp.reveal_period = 0;
		assert_noop!(Market::post_job(o(), sp), Error::<Test>::InvalidRevealPeriod);
	});
}

#[test]
fn cancel_returns_escrow_and_bonds() {
	test(|| {
		register(10);
		let id = post(spec(2, 100));
		bid(10, id, 60);
		assert_noop!(Market::cancel_job(RuntimeOrigin::signed(2), id), Error::<Test>::NotRequester);
		assert_noop!(
			Market::cancel_job(RuntimeOrigin::signed(REQUESTER), 9),
			Error::<Test>::UnknownJob
		);
		assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), id));
		assert_eq!(job(id).status, JobStatus::Cancelled);
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(free(10), ENDOWMENT - STAKE);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 10,
			reason: BidRemoval::JobClosed,
		});
		assert_event(MarketEvent::JobCancelled { job_id: id });
		assert_noop!(
			Market::cancel_job(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::BiddingClosed
		);
	});
}

#[test]
fn cancel_after_assignment_is_rejected() {
	test(|| {
		let id = assigned_job(1, &[(10, 50)]);
		assert_noop!(
			Market::cancel_job(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::BiddingClosed
		);
	});
}

#[test]
fn bidding_expiry_refunds_everything() {
	test(|| {
		register(10);
		let id = post(spec(2, 100));
		bid(10, id, 60);
		run_to_block(6);
		assert_eq!(job(id).status, JobStatus::Expired);
		assert_event(MarketEvent::JobExpired { job_id: id });
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 10,
			reason: BidRemoval::JobClosed,
		});
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(free(10), ENDOWMENT - STAKE);
		assert_eq!(Providers::<Test>::get(10).unwrap().open_bids, 0);
	});
}

// ---------------------------------------------------------------- bids

#[test]
fn place_bid_holds_a_bond() {
	test(|| {
		register(10);
		let id = post(spec(1, 100));
		bid(10, id, 80);
		assert_eq!(held(HoldReason::BidBond, 10), 10);
		assert_event(MarketEvent::BidPlaced { job_id: id, provider: 10, price: 80, bond: 10 });
		// The least bond follows the most the bid can be paid (the job's max price), not its
		// own price: a bid far below the others bonds as much.
		register(11);
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(11), id, 20, 9),
			Error::<Test>::BondTooLow
		);
		bid(11, id, 20);
		assert_eq!(held(HoldReason::BidBond, 11), 10);
		assert!(JobsOfProvider::<Test>::contains_key(11, id));
		// A bidder may hold more (its weight in the lot).
		register(12);
		bid_with(12, id, 90, 35);
		assert_eq!(held(HoldReason::BidBond, 12), 35);
		assert_eq!(Bids::<Test>::get(id)[2].bond, 35);
		// The floor applies to cheap jobs.
		let cheap = post(spec(1, 30));
		bid(11, cheap, 30);
		assert_event(MarketEvent::BidPlaced { job_id: cheap, provider: 11, price: 30, bond: 5 });
	});
}

#[test]
fn place_bid_errors() {
	test(|| {
		let o = |w| RuntimeOrigin::signed(w);
		assert_noop!(Market::place_bid(o(10), 0, 50, least_bond(0)), Error::<Test>::UnknownJob);
		let id = post(spec(1, 100));
		assert_noop!(Market::place_bid(o(10), id, 50, least_bond(id)), Error::<Test>::NotProvider);
		register(10);
		register(REQUESTER);
		assert_noop!(Market::place_bid(o(10), id, 0, least_bond(id)), Error::<Test>::ZeroPrice);
		assert_noop!(
			Market::place_bid(o(10), id, 101, least_bond(id)),
			Error::<Test>::PriceAboveMax
		);
		assert_noop!(
			Market::place_bid(o(REQUESTER), id, 50, least_bond(id)),
			Error::<Test>::ConflictOfInterest
		);
		let mut sp = spec(1, 100);
		sp.region = Some(250);
		let far = post(sp);
		assert_noop!(
			Market::place_bid(o(10), far, 50, least_bond(far)),
			Error::<Test>::RequirementsNotMet
		);
		let mut sp = spec(1, 100);
		sp.requirements.gpu_count = 4;
		let big = post(sp);
		assert_noop!(
			Market::place_bid(o(10), big, 50, least_bond(big)),
			Error::<Test>::RequirementsNotMet
		);
		let mut sp = spec(1, 100);
		sp.min_reputation = Some(Permill::from_percent(51));
		let picky = post(sp);
		assert_noop!(
			Market::place_bid(o(10), picky, 50, least_bond(picky)),
			Error::<Test>::ReputationTooLow
		);
		bid(10, id, 50);
		assert_noop!(Market::place_bid(o(10), id, 40, least_bond(id)), Error::<Test>::AlreadyBid);
		// A provider whose free balance cannot cover the bond.
		register(11);
		assert_ok!(Balances::transfer_allow_death(o(11), 3, ENDOWMENT - STAKE - 8));
		assert_noop!(
			Market::place_bid(o(11), id, 50, least_bond(id)),
			sp_runtime::TokenError::FundsUnavailable
		);
		// An unbonding provider takes no work.
		register(12);
		assert_ok!(Market::unregister(o(12)));
		assert_noop!(
			Market::place_bid(o(12), id, 50, least_bond(id)),
			Error::<Test>::ProviderNotActive
		);
		run_to_block(6);
		assert_noop!(Market::place_bid(o(10), id, 50, least_bond(id)), Error::<Test>::WrongPhase);
	});
}

#[test]
fn bid_after_deadline_before_queue_is_rejected() {
	test(|| {
		register(10);
		let id = post(spec(1, 100));
		// The last block before the deadline takes no bid: its VRF output seeds the lot.
		System::set_block_number(5);
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(10), id, 50, least_bond(id)),
			Error::<Test>::DeadlinePassed
		);
		// The queue has not run (no on_initialize), but the deadline has passed.
		System::set_block_number(6);
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(10), id, 50, least_bond(id)),
			Error::<Test>::DeadlinePassed
		);
		assert_noop!(
			Market::retract_bid(RuntimeOrigin::signed(10), id),
			Error::<Test>::DeadlinePassed
		);
		// Nobody but the queue closes the bidding: whoever picked the block would pick the
		// lot's randomness.
		assert_noop!(
			Market::advance_job(RuntimeOrigin::signed(10), id),
			Error::<Test>::DrawnByQueueOnly
		);
		run_to_block(6);
		Market::on_initialize(6);
		assert_eq!(job(id).status, JobStatus::Expired);
	});
}

#[test]
fn bid_calls_are_charged_for_the_bids_the_job_has() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Get;
	test(|| {
		for p in [10, 11, 12] {
			register(p);
		}
		let id = post(spec(1, 100));
		let max = <Test as Config>::MaxBidsPerJob::get();
		// Declared for a full job, refunded down to the bids the job had before the call.
		let first = Market::place_bid(RuntimeOrigin::signed(10), id, 50, least_bond(id)).unwrap();
		assert_eq!(first.actual_weight, Some(<() as WeightInfo>::place_bid(0)));
		let second = Market::place_bid(RuntimeOrigin::signed(11), id, 60, least_bond(id)).unwrap();
		assert_eq!(second.actual_weight, Some(<() as WeightInfo>::place_bid(1)));
		assert!(
			<() as WeightInfo>::place_bid(1).ref_time()
				< <() as WeightInfo>::place_bid(max).ref_time()
		);
		let retracted = Market::retract_bid(RuntimeOrigin::signed(11), id).unwrap();
		assert_eq!(retracted.actual_weight, Some(<() as WeightInfo>::retract_bid(2)));
		let cancelled = Market::cancel_job(RuntimeOrigin::signed(REQUESTER), id).unwrap();
		assert_eq!(cancelled.actual_weight, Some(<() as WeightInfo>::cancel_job(1)));
	});
}

#[test]
fn reveal_is_charged_for_the_verification_it_did() {
	use crate::weights::WeightInfo;
	let reveal_call = |who: AccountId, id: JobId, res: H256| {
		Market::reveal_result(RuntimeOrigin::signed(who), id, res, salt(who), s("ipfs://r"))
			.unwrap()
			.actual_weight
	};
	test(|| {
		// k = 1: the reveal opens the challenge window and pays nobody.
		let one = assigned_job(1, &[(10, 50)]);
		commit(10, one, result(1));
		assert_eq!(
			reveal_call(10, one, result(1)),
			Some(<() as WeightInfo>::reveal_result_unverified())
		);
		assert_eq!(job(one).status, JobStatus::ChallengeWindow);
		// k = 3: the first two reveals only record themselves; the last checks all three and
		// opens the challenge window (charged as `reveal_result(3)`).
		let three = assigned_job(3, &[(11, 50), (12, 50), (13, 50)]);
		for p in [11, 12, 13] {
			commit(p, three, result(2));
		}
		assert_eq!(
			reveal_call(11, three, result(2)),
			Some(<() as WeightInfo>::reveal_result_unverified())
		);
		assert_eq!(
			reveal_call(12, three, result(2)),
			Some(<() as WeightInfo>::reveal_result_unverified())
		);
		assert_eq!(reveal_call(13, three, result(2)), Some(<() as WeightInfo>::reveal_result(3)));
		assert_eq!(job(three).status, JobStatus::ChallengeWindow);
		// A refused reveal is charged as one that verified nothing, not the declared worst case.
		let four = assigned_job(1, &[(14, 50)]);
		commit(14, four, result(3));
		let refused =
			Market::reveal_result(RuntimeOrigin::signed(14), four, result(4), salt(14), s("x"))
				.unwrap_err();
		assert_eq!(refused.error, Error::<Test>::RevealMismatch.into());
		assert_eq!(
			refused.post_info.actual_weight,
			Some(<() as WeightInfo>::reveal_result_unverified())
		);
		assert!(
			<() as WeightInfo>::reveal_result_unverified().ref_time()
				< Market::reveal_result_worst_weight().ref_time()
		);
	});
}

#[test]
fn retract_bid_releases_the_bond() {
	test(|| {
		register(10);
		let id = post(spec(1, 100));
		assert_noop!(Market::retract_bid(RuntimeOrigin::signed(10), id), Error::<Test>::NoBid);
		assert_noop!(Market::retract_bid(RuntimeOrigin::signed(10), 9), Error::<Test>::UnknownJob);
		bid(10, id, 80);
		assert_ok!(Market::retract_bid(RuntimeOrigin::signed(10), id));
		assert_eq!(held(HoldReason::BidBond, 10), 0);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 10,
			reason: BidRemoval::Retracted,
		});
		assert!(!JobsOfProvider::<Test>::contains_key(10, id));
		run_to_block(6);
		assert_noop!(Market::retract_bid(RuntimeOrigin::signed(10), id), Error::<Test>::WrongPhase);
	});
}

#[test]
fn bid_displacement_when_full() {
	test(|| {
		let id = post(spec(2, 100));
		for p in 10..16 {
			register(p);
			bid(p, id, 100);
		}
		register(16);
		// Price never displaces: a far cheaper bid with the least bond does not get in …
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(16), id, 1, least_bond(id)),
			Error::<Test>::BidNotCompetitive
		);
		// … a larger bond does, at any price, and the latest of the smallest bonds leaves.
		bid_with(16, id, 100, least_bond(id) + 1);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 15,
			reason: BidRemoval::Displaced,
		});
		assert_eq!(held(HoldReason::BidBond, 15), 0);
		assert_eq!(Bids::<Test>::get(id).len(), 6);
		// To take 16's place, a bid must beat the smallest bond, which is still 10.
		register(17);
		bid_with(17, id, 100, least_bond(id) + 1);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 14,
			reason: BidRemoval::Displaced,
		});
		run_to_block(6);
		assert_eq!(Assignments::<Test>::get(id).len(), 2);
		assert_eq!(Bids::<Test>::get(id).len(), 0);
		let removed = System::events()
			.iter()
			.filter(|r| {
				matches!(
					r.event,
					RuntimeEvent::Market(MarketEvent::BidRemoved { reason: BidRemoval::Lost, .. })
				)
			})
			.count();
		assert_eq!(removed, 4);
	});
}

/// Registers `who` with `stake` (not in the arbiter pool).
fn register_with(who: AccountId, stake: Balance) {
	assert_ok!(Market::register_provider(RuntimeOrigin::signed(who), stake, profile()));
}

/// The winners of `id`, in the order drawn.
fn winners(id: JobId) -> Vec<AccountId> {
	Assignments::<Test>::get(id).iter().map(|a| a.provider).collect()
}

#[test]
fn the_lot_draws_among_the_bids_at_or_below_the_clearing_price_and_pays_them_that_price() {
	test(|| {
		// Bonds 30, 10, 20, 40 at prices 50, 60, 70, 80: two thirds of the 100 bonded is
		// first reached at 80 (60 at 70 is short).
		let bonds = [(10, 30), (11, 10), (12, 20), (13, 40)];
		for (who, _) in bonds {
			register(who);
		}
		let bid_all = |prices: [(AccountId, Balance); 4]| {
			let id = post(spec(1, 100));
			for ((who, price), (_, bond)) in prices.into_iter().zip(bonds) {
				bid_with(who, id, price, bond);
			}
			run_to_block(job(id).deadline);
			id
		};
		let id = bid_all([(10, 50), (11, 60), (12, 70), (13, 80)]);
		// Every bid is eligible; the winner is paid 80 whatever it asked.
		assert_eq!(Assignments::<Test>::get(id)[0].price, 80);
		assert_eq!(job(id).escrow, 80);
		// The same bonds with 13 asking 95: still every bid eligible, all paid 95.
		let mut won_by = alloc::collections::BTreeMap::<AccountId, u32>::new();
		for seed in 0..60 {
			RANDOM_SEED.with(|s| *s.borrow_mut() = seed);
			let id = bid_all([(10, 50), (11, 60), (12, 70), (13, 95)]);
			let a = &Assignments::<Test>::get(id)[0];
			assert_eq!(a.price, 95);
			*won_by.entry(a.provider).or_default() += 1;
			commit(a.provider, id, result(1));
			reveal(a.provider, id, result(1));
			assert_ok!(Market::accept_result(RuntimeOrigin::signed(REQUESTER), id));
		}
		// Each of the four won some: the lot, not the price, picks among eligible bids.
		assert_eq!(won_by.len(), 4, "{won_by:?}");
		// 12 (bond 20) asks 95 and 13 (bond 40) 70: 30 + 10 + 40 = 80 of 100 is at or below
		// 70, so 12's bid is above the clearing price and cannot win.
		let id = bid_all([(10, 50), (11, 60), (12, 95), (13, 70)]);
		assert_eq!(Assignments::<Test>::get(id)[0].price, 70);
		assert_ne!(winners(id), vec![12]);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 12,
			reason: BidRemoval::Lost,
		});
		assert_event(MarketEvent::JobAssigned {
			job_id: id,
			providers: BoundedVec::truncate_from(winners(id)),
			price: 70,
			commit_by: job(id).deadline,
		});
	});
}

#[test]
fn the_lot_follows_bonds_not_the_number_of_accounts() {
	test(|| {
		// One party bids with four accounts at the least bond (10 each); one honest provider
		// bids once with a bond of 120. All bid the same price on k = 1 jobs: the party
		// locks a quarter of the bonds, and wins (about) a quarter of the jobs, not four
		// fifths.
		let party = [2, 3, 4, 5];
		for p in party.iter().chain(&[10]) {
			register(*p);
		}
		let (mut party_won, runs) = (0u32, 200u64);
		for seed in 0..runs {
			RANDOM_SEED.with(|s| *s.borrow_mut() = seed);
			let id = post(spec(1, 100));
			for p in party {
				bid(p, id, 10);
			}
			bid_with(10, id, 10, 120);
			run_to_block(job(id).deadline);
			let w = winners(id)[0];
			if party.contains(&w) {
				party_won += 1;
			}
			commit(w, id, result(1));
			reveal(w, id, result(1));
			assert_ok!(Market::accept_result(RuntimeOrigin::signed(REQUESTER), id));
		}
		// A quarter of 200 is 50; by accounts it would be 160. Four standard deviations of
		// the binomial (6.1) either side.
		assert!((26..=74).contains(&party_won), "the party won {party_won} of {runs}");
	});
}

#[test]
fn the_lot_is_decided_by_randomness_that_comes_after_the_last_bid() {
	// The same bids, the same chain up to the last block that takes bids; only the
	// randomness of the blocks after it differs. The winner changes with it: nothing a
	// bidder saw when it bid decides the lot.
	let winner_with = |later: u64| {
		let mut w = 0;
		test(|| {
			for p in [10, 11, 12, 13] {
				register(p);
			}
			let id = post(spec(1, 100));
			for p in [10, 11, 12, 13] {
				bid(p, id, 50);
			}
			let delay = <<Test as Config>::DrawDelay as Get<u64>>::get();
			run_to_block(job(id).deadline - delay - 1);
			assert_noop!(
				Market::place_bid(RuntimeOrigin::signed(14), id, 50, least_bond(id)),
				Error::<Test>::NotProvider
			);
			RANDOM_SEED.with(|s| *s.borrow_mut() = later);
			let trail = RandomnessTrail::<Test>::get();
			run_to_block(job(id).deadline);
			assert_ne!(RandomnessTrail::<Test>::get(), trail, "every block extends the trail");
			w = winners(id)[0];
		});
		w
	};
	let seen: alloc::collections::BTreeSet<AccountId> = (0..12).map(winner_with).collect();
	assert!(seen.len() > 1, "the winner did not depend on the later randomness: {seen:?}");
}

#[test]
fn winners_assigned_and_excess_budget_refunded() {
	test(|| {
		let id = assigned_job(2, &[(10, 60), (11, 70), (12, 80)]);
		let mut drawn = winners(id);
		assert_event(MarketEvent::JobAssigned {
			job_id: id,
			providers: BoundedVec::truncate_from(drawn.clone()),
			price: 70,
			commit_by: 16,
		});
		drawn.sort();
		assert_eq!(drawn, vec![10, 11]);
		// Equal stakes: 200 + 200 of 600 reach two thirds at 70, so 80 is out and both
		// winners are paid 70.
		assert_eq!(job(id).escrow, 140);
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 140);
		assert_event(MarketEvent::EscrowRefunded { job_id: id, requester: REQUESTER, amount: 60 });
		assert_eq!(held(HoldReason::BidBond, 12), 0);
		let p = Providers::<Test>::get(10).unwrap();
		assert_eq!((p.open_bids, p.assignments), (0, 1));
	});
}

// ---------------------------------------------------------------- commit-reveal

#[test]
fn commit_and_reveal_errors() {
	test(|| {
		let id = assigned_job(2, &[(10, 60), (11, 70)]);
		let o = |w| RuntimeOrigin::signed(w);
		let c = Market::commitment_of(&result(1), &salt(10), &10);
		assert_noop!(Market::commit_result(o(10), 9, c), Error::<Test>::UnknownJob);
		assert_noop!(Market::commit_result(o(12), id, c), Error::<Test>::NotAssigned);
		assert_noop!(
			Market::reveal_result(o(10), id, result(1), salt(10), s("x")).map_err(|e| e.error),
			Error::<Test>::WrongPhase
		);
		commit(10, id, result(1));
		assert_event(MarketEvent::ResultCommitted { job_id: id, provider: 10 });
		assert_noop!(Market::commit_result(o(10), id, c), Error::<Test>::AlreadyCommitted);
		// 11 never commits; at the execution deadline the reveal phase starts.
		run_to_block(16);
		assert_eq!(job(id).status, JobStatus::Revealing);
		assert_event(MarketEvent::RevealPhaseStarted { job_id: id, reveal_by: 26 });
		assert_noop!(Market::commit_result(o(11), id, c), Error::<Test>::WrongPhase);
		assert_noop!(
			Market::reveal_result(o(11), id, result(1), salt(11), s("x")).map_err(|e| e.error),
			Error::<Test>::NotCommitted
		);
		assert_noop!(
			Market::reveal_result(o(12), id, result(1), salt(12), s("x")).map_err(|e| e.error),
			Error::<Test>::NotAssigned
		);
		// Wrong salt, wrong result, or someone else's commitment: rejected.
		assert_noop!(
			Market::reveal_result(o(10), id, result(1), salt(11), s("x")).map_err(|e| e.error),
			Error::<Test>::RevealMismatch
		);
		assert_noop!(
			Market::reveal_result(o(10), id, result(2), salt(10), s("x")).map_err(|e| e.error),
			Error::<Test>::RevealMismatch
		);
		System::set_block_number(26);
		assert_noop!(
			Market::reveal_result(o(10), id, result(1), salt(10), s("x")).map_err(|e| e.error),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn copying_a_commitment_gains_nothing() {
	test(|| {
		let id = assigned_job(2, &[(10, 60), (11, 70)]);
		let c = Market::commitment_of(&result(1), &salt(10), &10);
		assert_ok!(Market::commit_result(RuntimeOrigin::signed(10), id, c));
		// 11 copies 10's commitment; it cannot open it, since the provider is hashed in.
		assert_ok!(Market::commit_result(RuntimeOrigin::signed(11), id, c));
		reveal(10, id, result(1));
		assert_noop!(
			Market::reveal_result(RuntimeOrigin::signed(11), id, result(1), salt(10), s("x"))
				.map_err(|e| e.error),
			Error::<Test>::RevealMismatch
		);
	});
}

#[test]
fn reveal_on_already_revealed_is_rejected() {
	test(|| {
		let id = assigned_job(3, &[(10, 60), (11, 70), (12, 80)]);
		for p in [10, 11, 12] {
			commit(p, id, result(1));
		}
		reveal(10, id, result(1));
		assert_noop!(
			Market::reveal_result(RuntimeOrigin::signed(10), id, result(1), salt(10), s("x"))
				.map_err(|e| e.error),
			Error::<Test>::AlreadyRevealed
		);
	});
}

// ---------------------------------------------------------------- lifecycles, k ≥ 2

#[test]
fn k3_all_honest_all_paid() {
	test(|| {
		let id = assigned_job(3, &[(10, 60), (11, 70), (12, 80)]);
		for p in [10, 11, 12] {
			commit(p, id, result(1));
		}
		for p in [10, 11, 12] {
			reveal(p, id, result(1));
		}
		// Unanimous: the result stands when the challenge window ends.
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		assert!(Results::<Test>::get(id).is_none());
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		// Three bids for three replicas: all win at the clearing price, the dearest of them.
		assert_eq!(free(REQUESTER), ENDOWMENT - 240);
		assert_eq!(free(10), ENDOWMENT - STAKE + 80);
		assert_eq!(free(12), ENDOWMENT - STAKE + 80);
		let mut agreed = Results::<Test>::get(id).unwrap().agreed.into_inner();
		agreed.sort();
		assert_eq!(agreed, vec![10, 11, 12]);
		assert_event(MarketEvent::ResultVerified { job_id: id, result_hash: result(1), agreed: 3 });
		assert_event(MarketEvent::JobSettled { job_id: id });
		assert_eq!(reputation(11).completed, 1);
	});
}

#[test]
fn k3_one_no_show_majority_paid_and_the_bond_burnt() {
	test(|| {
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		for p in [10, 11] {
			commit(p, id, result(1));
		}
		run_to_block(16);
		for p in [10, 11] {
			reveal(p, id, result(1));
		}
		// Two of three is a majority and nobody revealed another result: the window opens,
		// and the no-show is slashed when it ends.
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_event(MarketEvent::BondSlashed {
			job_id: id,
			provider: 12,
			amount: 10,
			reason: SlashReason::NoShow,
		});
		assert_event(MarketEvent::Burnt { job_id: id, amount: 10 });
		// The no-show's bond is burnt, not paid to the requester: a requester gains nothing
		// from a no-show it could have staged with its own account.
		assert_eq!(free(REQUESTER), ENDOWMENT - 200);
		assert_eq!(free(12), ENDOWMENT - STAKE - 10);
		assert_eq!(reputation(12).no_shows, 1);
	});
}

/// Registers `arbiters` as providers and puts them in the arbiter pool.
fn pool(arbiters: &[AccountId]) {
	for a in arbiters {
		if !Providers::<Test>::contains_key(a) {
			register(*a);
		}
		assert_ok!(Market::join_arbiter_pool(RuntimeOrigin::signed(*a)));
	}
}

/// Runs the draw of a challenged or disputed job; returns the drawn arbiters.
fn draw(id: JobId) -> Vec<AccountId> {
	assert_eq!(job(id).status, JobStatus::Drawing);
	run_to_block(job(id).deadline);
	assert_eq!(job(id).status, JobStatus::Committing);
	let arbiters: Vec<_> = Assignments::<Test>::get(id).iter().map(|a| a.provider).collect();
	assert_event(MarketEvent::ArbitersDrawn {
		job_id: id,
		arbiters: BoundedVec::truncate_from(arbiters.clone()),
		commit_by: job(id).deadline,
	});
	arbiters
}

/// The drawn arbiters of `id` commit and reveal `results`, in the order they were drawn
/// (`0` means: does not show up).
fn arbitrate(id: JobId, results: [u8; 3]) -> Vec<AccountId> {
	let arbiters = draw(id);
	for (p, r) in arbiters.iter().zip(results) {
		if r != 0 {
			commit(*p, id, result(r));
		}
	}
	if results.contains(&0) {
		run_to_block(job(id).deadline);
	}
	for (p, r) in arbiters.iter().zip(results) {
		if r != 0 {
			reveal(*p, id, result(r));
		}
	}
	if results.contains(&0) {
		run_to_block(job(id).deadline);
	}
	arbiters
}

/// What `who` holds and owns in all.
fn total(who: AccountId) -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::total_balance(&who)
}

const ARBITERS: [AccountId; 3] = [21, 22, 23];

#[test]
fn k3_with_one_liar_is_disputed_and_the_arbiters_decide() {
	test(|| {
		pool(&ARBITERS);
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		for (p, r) in [(10, 1), (11, 1), (12, 2)] {
			commit(p, id, result(r));
		}
		for (p, r) in [(10, 1), (11, 1), (12, 2)] {
			reveal(p, id, result(r));
		}
		// A majority is not enough when someone dissents: a party with two accounts in the
		// round must not outvote an honest replica on its own.
		assert_eq!(job(id).status, JobStatus::Drawing);
		assert_event(MarketEvent::DisputeOpened { job_id: id, draw_at: job(id).deadline });
		let arbiters = arbitrate(id, [1, 1, 1]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_event(MarketEvent::ProviderPaid { job_id: id, provider: 10, amount: 100 });
		assert_event(MarketEvent::ProviderPaid { job_id: id, provider: 11, amount: 100 });
		assert_event(MarketEvent::BondSlashed {
			job_id: id,
			provider: 12,
			amount: 10,
			reason: SlashReason::WrongResult,
		});
		// The liar's bond (10) and its unpaid price (100) pay the arbiters, shared evenly.
		let earned: Vec<_> = arbiters.iter().map(|a| total(*a) - ENDOWMENT).collect();
		assert_eq!(earned.iter().sum::<Balance>(), 110);
		assert!(earned.iter().all(|e| *e == 36 || *e == 37), "{earned:?}");
		// The requester paid what it accepted for three replicas, and not more.
		assert_eq!(free(REQUESTER), ENDOWMENT - 300);
		assert_eq!(total(12), ENDOWMENT - 10);
		assert_eq!(reputation(12), Reputation { completed: 0, slashed: 1, no_shows: 0 });
		let mut agreed = Results::<Test>::get(id).unwrap().agreed.into_inner();
		let mut expected = [vec![10, 11], arbiters].concat();
		agreed.sort();
		expected.sort();
		assert_eq!(agreed, expected);
	});
}

#[test]
fn k2_tie_is_disputed_and_the_honest_replica_paid() {
	test(|| {
		pool(&ARBITERS);
		let id = assigned_job(2, &[(10, 80), (11, 90)]);
		commit(10, id, result(1));
		commit(11, id, result(2));
		reveal(10, id, result(1));
		reveal(11, id, result(2));
		arbitrate(id, [1, 1, 2]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(total(10), ENDOWMENT + 90);
		assert_eq!(total(11), ENDOWMENT - 10);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
	});
}

#[test]
fn a_requester_bidding_with_a_second_account_and_not_showing_gains_nothing() {
	test(|| {
		// Account 2 is the requester's own. It bids lowest on a k = 2 job and never commits,
		// hoping to fail the round and collect the honest replica's work for free.
		pool(&ARBITERS);
		let sybil = 2;
		let coalition = || total(REQUESTER) + total(sybil);
		let before = coalition();
		let id = assigned_job(2, &[(sybil, 10), (10, 60)]);
		commit(10, id, result(1));
		run_to_block(16);
		reveal(10, id, result(1));
		assert_eq!(job(id).status, JobStatus::Drawing);
		arbitrate(id, [1, 1, 1]);
		assert_eq!(job(id).status, JobStatus::Settled);
		// The honest replica is paid the clearing price; the cheap bid did not lower it.
		assert_eq!(total(10), ENDOWMENT + 60);
		// The no-show's bond (10) and its unpaid price (60) went to the arbiters, not back.
		let arbiters_earned: Balance = ARBITERS.iter().map(|a| total(*a) - ENDOWMENT).sum();
		assert_eq!(arbiters_earned, 70);
		assert_eq!(coalition(), before - 60 - 70);
	});
}

#[test]
fn a_requester_majority_of_replicas_cannot_overrule_an_honest_one() {
	test(|| {
		// Accounts 2 and 3 are the requester's; they win two of three seats and reveal a
		// wrong result together, so a plain majority would slash the honest provider.
		pool(&ARBITERS);
		let id = assigned_job(3, &[(2, 10), (3, 10), (10, 60)]);
		for (p, r) in [(2, 9), (3, 9), (10, 1)] {
			commit(p, id, result(r));
		}
		for (p, r) in [(2, 9), (3, 9), (10, 1)] {
			reveal(p, id, result(r));
		}
		arbitrate(id, [1, 1, 1]);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(reputation(2).slashed, 1);
		assert_eq!(total(2), ENDOWMENT - 10);
		assert!(total(REQUESTER) + total(2) + total(3) < 3 * ENDOWMENT);
	});
}

#[test]
fn k3_with_two_no_shows_is_disputed() {
	test(|| {
		pool(&ARBITERS);
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		commit(10, id, result(1));
		run_to_block(16);
		reveal(10, id, result(1));
		// Everyone who committed revealed, but one of three is no majority.
		arbitrate(id, [1, 1, 1]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(total(11), ENDOWMENT - 10);
		assert_eq!(total(12), ENDOWMENT - 10);
		assert_eq!(reputation(11).no_shows, 1);
		// Arbiters: the two bonds (20) and the two unpaid prices (200), at most 100 each.
		let arbiters_earned: Balance = ARBITERS.iter().map(|a| total(*a) - ENDOWMENT).sum();
		assert_eq!(arbiters_earned, 220);
		assert_eq!(free(REQUESTER), ENDOWMENT - 300);
	});
}

#[test]
fn nobody_revealing_fails_the_job_and_burns_every_bond() {
	test(|| {
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		run_to_block(16);
		assert_eq!(job(id).status, JobStatus::Revealing);
		run_to_block(26);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::NoResult });
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(burnt(), 3 * 10);
	});
}

#[test]
fn a_dispute_without_arbiters_verifies_nothing_and_pays_every_replica_that_revealed() {
	test(|| {
		// Nobody is in the arbiter pool. Accounts 10 and 11 are one party's and reveal a
		// made-up result together; 12 is honest. Without arbiters nobody can tell which side
		// is right: the party's majority is not recorded as verified, and the honest replica
		// does not lose by the missing judges.
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		for (p, r) in [(10, 9), (11, 9), (12, 1)] {
			commit(p, id, result(r));
		}
		for (p, r) in [(10, 9), (11, 9), (12, 1)] {
			reveal(p, id, result(r));
		}
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed {
			job_id: id,
			reason: FailureReason::ArbitrationInconclusive,
		});
		assert!(Results::<Test>::get(id).is_none());
		assert_event(MarketEvent::ProviderPaid { job_id: id, provider: 12, amount: 100 });
		assert_eq!(total(12), ENDOWMENT + 100);
		assert_eq!(total(10), ENDOWMENT + 100);
		// An unverified job earns nobody a reputation point, and costs nobody one.
		assert_eq!(reputation(12), Reputation::default());
		assert_eq!(free(REQUESTER), ENDOWMENT - 300);
	});
}

#[test]
fn a_dispute_without_arbiters_or_majority_pays_the_replicas_that_revealed() {
	test(|| {
		let id = assigned_job(3, &[(10, 80), (11, 90), (12, 100)]);
		commit(10, id, result(1));
		commit(11, id, result(2));
		run_to_block(job(id).deadline);
		reveal(10, id, result(1));
		reveal(11, id, result(2));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed {
			job_id: id,
			reason: FailureReason::ArbitrationInconclusive,
		});
		// 12 never committed: its bond (10) is burnt. The two that revealed are paid.
		assert_eq!(free(REQUESTER), ENDOWMENT - 200);
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(total(11), ENDOWMENT + 100);
		assert_eq!(total(12), ENDOWMENT - 10);
		assert_eq!(burnt(), 10);
	});
}

// ---------------------------------------------------------------- lifecycles, k = 1

#[test]
fn k1_unchallenged_is_paid_after_the_window() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		let window_end = job(id).deadline;
		assert_event(MarketEvent::ChallengeWindowOpened { job_id: id, challenge_by: window_end });
		run_to_block(window_end - 1);
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		run_to_block(window_end);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(free(10), ENDOWMENT - STAKE + 60);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::NotChallengeable
		);
	});
}

#[test]
fn k1_no_show_fails_and_the_bond_is_burnt() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		run_to_block(26);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::NoResult });
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(total(10), ENDOWMENT - 10);
	});
}

fn challenged_job(original_price: Balance) -> JobId {
	let id = assigned_job(1, &[(10, original_price)]);
	commit(10, id, result(1));
	reveal(10, id, result(1));
	assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
	assert_eq!(job(id).status, JobStatus::Drawing);
	// max(ChallengeBond 300, 3 arbiters × max price 100).
	assert_eq!(held(HoldReason::ChallengeBond, REQUESTER), 300);
	let now = System::block_number();
	assert_event(MarketEvent::ResultChallenged {
		job_id: id,
		challenger: REQUESTER,
		bond: 300,
		draw_at: now + 1,
	});
	id
}

#[test]
fn challenge_errors() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), 9),
			Error::<Test>::UnknownJob
		);
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::NotChallengeable
		);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(2), id),
			Error::<Test>::MayNotChallenge
		);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(REQUESTER),
			3,
			ENDOWMENT - 200
		));
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id),
			sp_runtime::TokenError::FundsUnavailable
		);
		System::set_block_number(job(id).deadline);
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn k1_challenged_and_upheld() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		let arbiters = arbitrate(id, [1, 1, 2]);
		assert_eq!(job(id).status, JobStatus::Settled);
		// The original provider is paid its price.
		assert_eq!(total(10), ENDOWMENT + 100);
		// The two arbiters in the majority are paid the job's max price (100) each, from
		// the dissenting arbiter's bond (10) and the forfeited challenge bond; the rest of
		// the challenge bond (110) is burnt.
		assert_eq!(total(arbiters[0]), ENDOWMENT + 100);
		assert_eq!(total(arbiters[1]), ENDOWMENT + 100);
		assert_eq!(total(arbiters[2]), ENDOWMENT - 10);
		assert_event(MarketEvent::ChallengeBondForfeited { job_id: id, amount: 300 });
		assert_eq!(burnt(), 110);
		assert_eq!(free(REQUESTER), ENDOWMENT - 100 - 300);
		let r = Results::<Test>::get(id).unwrap();
		assert_eq!(r.result_hash, result(1));
		assert_eq!(r.agreed.into_inner(), vec![10, arbiters[0], arbiters[1]]);
		assert_eq!(reputation(10).completed, 1);
		assert_eq!(reputation(arbiters[2]).slashed, 1);
	});
}

#[test]
fn k1_challenged_and_overturned() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		let arbiters = arbitrate(id, [2, 2, 2]);
		assert_eq!(job(id).status, JobStatus::Settled);
		// The provider's bond (10) and its unpaid price (100) pay the arbiters; the requester
		// gets its challenge bond back and pays no more than the price it accepted.
		assert_eq!(total(10), ENDOWMENT - 10);
		let earned: Balance = arbiters.iter().map(|a| total(*a) - ENDOWMENT).sum();
		assert_eq!(earned, 110);
		assert_eq!(free(REQUESTER), ENDOWMENT - 100);
		assert_eq!(burnt(), 0);
		assert_eq!(reputation(10).slashed, 1);
		let r = Results::<Test>::get(id).unwrap();
		assert_eq!(r.result_hash, result(2));
		assert_eq!(r.agreed.into_inner(), arbiters);
	});
}

#[test]
fn k1_challenge_without_majority_pays_the_provider_and_verifies_nothing() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		// One arbiter agrees with the provider, one does not, one never shows up: no strict
		// majority of three either way.
		let arbiters = arbitrate(id, [1, 2, 0]);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed {
			job_id: id,
			reason: FailureReason::ArbitrationInconclusive,
		});
		assert!(Results::<Test>::get(id).is_none());
		// The provider is paid its price; the challenge bond goes back; the arbiters who
		// judged get their bonds back, the no-show's bond is burnt.
		assert_eq!(free(REQUESTER), ENDOWMENT - 100);
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(total(arbiters[0]), ENDOWMENT);
		assert_eq!(total(arbiters[1]), ENDOWMENT);
		assert_eq!(total(arbiters[2]), ENDOWMENT - 10);
		assert_eq!(burnt(), 10);
		assert_eq!(Verdicts::<Test>::iter_prefix(id).count(), 0);
	});
}

#[test]
fn arbiters_who_reject_every_replica_but_reveal_different_results_verify_nothing() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		// All three say the provider is wrong, and each computed something else: the
		// provider is slashed, but no result is verified.
		let arbiters = arbitrate(id, [2, 3, 4]);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::ResultsRejected });
		assert!(Results::<Test>::get(id).is_none());
		assert_eq!(total(10), ENDOWMENT - 10);
		assert_eq!(reputation(10).slashed, 1);
		// Its bond (10) and its unpaid price (100) pay the arbiters; the challenge bond goes
		// back; the requester spent the price of the work it asked for and nothing more.
		let earned: Vec<_> = arbiters.iter().map(|a| total(*a) - ENDOWMENT).collect();
		assert_eq!(earned.iter().sum::<Balance>(), 110);
		assert_eq!(free(REQUESTER), ENDOWMENT - 100);
		assert_eq!(held(HoldReason::ChallengeBond, REQUESTER), 0);
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn honest_replicas_whose_results_differ_within_the_tolerance_are_all_paid() {
	test(|| {
		pool(&ARBITERS);
		// Two honest providers on different CPUs: their results round differently, so their
		// hashes differ, and the job is disputed.
		let id = post(spec(2, 100).with_tolerance(3));
		assert_eq!(job(id).spec.tolerance, Some(3));
		register(10);
		register(11);
		bid(10, id, 70);
		bid(11, id, 80);
		run_to_block(job(id).deadline);
		for (p, r) in [(10, 1), (11, 2)] {
			commit(p, id, result(r));
		}
		for (p, r) in [(10, 1), (11, 2)] {
			reveal(p, id, result(r));
		}
		assert_eq!(job(id).status, JobStatus::Drawing);
		// Each arbiter computes on a CPU of its own and finds both results within the job's
		// tolerance of its own.
		let arbiters = draw(id);
		let own = [result(1), result(2), result(3)];
		let both = Verdict::truncate_from(vec![Judgement::Agrees; 2]);
		for (a, r) in arbiters.iter().zip(own) {
			let c = Market::verdict_commitment_of(&r, &both, &salt(*a), a);
			assert_ok!(Market::commit_result(RuntimeOrigin::signed(*a), id, c));
		}
		for (a, r) in arbiters.iter().zip(own) {
			judge(*a, id, r, both.clone());
		}
		assert_event(MarketEvent::VerdictRevealed {
			job_id: id,
			arbiter: arbiters[2],
			result_hash: result(3),
			agrees: both.clone(),
		});
		assert_eq!(job(id).status, JobStatus::Settled);
		// Both replicas are paid the clearing price and keep their bonds; the first one's
		// result is verified.
		assert_eq!(total(10), ENDOWMENT + 80);
		assert_eq!(total(11), ENDOWMENT + 80);
		assert_eq!(reputation(10).completed, 1);
		assert_eq!(reputation(11).completed, 1);
		let r = Results::<Test>::get(id).unwrap();
		assert_eq!(r.result_hash, result(1));
		// Nobody was wrong, so no bond pays the arbiters, and the escrow held only the two
		// prices: they get their bonds back. The requester pays the two prices.
		for a in &arbiters {
			assert_eq!(total(*a), ENDOWMENT);
			assert_eq!(held(HoldReason::BidBond, *a), 0);
		}
		assert_eq!(free(REQUESTER), ENDOWMENT - 160);
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn an_arbiter_that_copies_the_majority_of_replicas_instead_of_computing_is_slashed() {
	test(|| {
		pool(&ARBITERS);
		// A coalition holds two of three replicas and reveals a fabrication (9); the honest
		// replica computed 1.
		let id = assigned_job(3, &[(10, 100), (11, 100), (12, 100)]);
		for (p, r) in [(10, 1), (11, 9), (12, 9)] {
			commit(p, id, result(r));
		}
		for (p, r) in [(10, 1), (11, 9), (12, 9)] {
			reveal(p, id, result(r));
		}
		let arbiters = draw(id);
		// The first arbiter does not run the job: it copies what most replicas revealed and
		// judges by that. The others compute the answer.
		let copied = result(9);
		let copier = arbiters[0];
		commit(copier, id, copied);
		for a in &arbiters[1..] {
			commit(*a, id, result(1));
		}
		reveal(copier, id, copied);
		for a in &arbiters[1..] {
			reveal(*a, id, result(1));
		}
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
		assert_event(MarketEvent::BondSlashed {
			job_id: id,
			provider: copier,
			amount: 10,
			reason: SlashReason::WrongResult,
		});
		assert_eq!(total(copier), ENDOWMENT - 10);
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(total(11), ENDOWMENT - 10);
		assert_eq!(total(12), ENDOWMENT - 10);
		// The coalition's bonds and the copier's (30) and then the two unpaid prices pay the
		// two honest arbiters (each the price, 100); the rest of the escrow goes back.
		for a in &arbiters[1..] {
			assert_eq!(total(*a), ENDOWMENT + 100);
		}
		assert_eq!(burnt(), 0);
		assert_eq!(free(REQUESTER), ENDOWMENT - 270);
	});
}

#[test]
fn an_arbiter_that_approves_every_replica_without_computing_is_slashed() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		let arbiters = draw(id);
		// The lazy arbiter copies the challenged result and says it agrees: right only when
		// the challenge is wrong.
		let lazy = arbiters[0];
		commit(lazy, id, result(1));
		for a in &arbiters[1..] {
			commit(*a, id, result(2));
		}
		reveal(lazy, id, result(1));
		for a in &arbiters[1..] {
			reveal(*a, id, result(2));
		}
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(2));
		assert_eq!(total(lazy), ENDOWMENT - 10);
		assert_eq!(reputation(lazy).slashed, 1);
		assert_eq!(total(10), ENDOWMENT - 10);
	});
}

/// The drawn `arbiters` of `id` each compute `own` and commit and reveal their verdict on the
/// one disputed replica: `verdicts[i]` for the i-th arbiter.
fn judge_one_replica(id: JobId, arbiters: &[AccountId], own: H256, verdicts: [Judgement; 3]) {
	for (a, j) in arbiters.iter().zip(verdicts) {
		let v = Verdict::truncate_from(vec![j]);
		let c = Market::verdict_commitment_of(&own, &v, &salt(*a), a);
		assert_ok!(Market::commit_result(RuntimeOrigin::signed(*a), id, c));
	}
	for (a, j) in arbiters.iter().zip(verdicts) {
		judge(*a, id, own, Verdict::truncate_from(vec![j]));
	}
}

#[test]
fn a_replica_that_serves_its_result_to_some_arbiters_only_cannot_get_the_others_slashed() {
	use Judgement::*;
	test(|| {
		pool(&ARBITERS);
		// Served to two arbiters of three: upheld. The third could not check it: its bond
		// comes back, unpaid; the challenge bond (300) pays the other two their price.
		let id = challenged_job(100);
		let arbiters = draw(id);
		judge_one_replica(id, &arbiters, result(1), [Agrees, Agrees, Unchecked]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(total(arbiters[0]), ENDOWMENT + 100);
		assert_eq!(total(arbiters[1]), ENDOWMENT + 100);
		assert_eq!(total(arbiters[2]), ENDOWMENT);
		assert_eq!(held(HoldReason::BidBond, arbiters[2]), 0);
		assert_eq!(reputation(arbiters[2]), Reputation::default());
		assert_eq!(burnt(), 100);

		// Served to one arbiter only: a replica must serve its result to its judges, so it is
		// rejected and not paid; but "unchecked" costs an arbiter nothing, so it decides no
		// slash: the replica gets its bond back, as does the arbiter that checked and agreed.
		let before = burnt();
		let totals: Vec<Balance> = ARBITERS.iter().map(|a| total(*a)).collect();
		let id = challenged_job(100);
		let arbiters = draw(id);
		judge_one_replica(id, &arbiters, result(1), [Agrees, Unchecked, Unchecked]);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::ResultsRejected });
		assert_eq!(total(10), ENDOWMENT + 100);
		assert_eq!(held(HoldReason::BidBond, 10), 0);
		assert_eq!(reputation(10).slashed, 0);
		for (a, t) in ARBITERS.iter().zip(totals) {
			assert_eq!(total(*a), t);
			assert_eq!(held(HoldReason::BidBond, *a), 0);
			assert_eq!(reputation(*a).slashed, 0);
		}
		// Nobody is paid or slashed: the challenge bond and the escrow go back.
		assert_eq!(burnt(), before);
		assert_eq!(held(HoldReason::ChallengeBond, REQUESTER), 0);
		assert_eq!(free(REQUESTER), ENDOWMENT - 100 - 300);
	});
}

#[test]
fn arbiters_that_say_they_could_not_check_cannot_get_an_honest_replica_slashed() {
	use Judgement::*;
	test(|| {
		pool(&ARBITERS);
		// Two arbiters of a party that wants the work for free say the honest provider's
		// result could not be had, at no risk to themselves: the provider is not paid, but
		// keeps its bond, and nobody is paid for the round.
		let id = challenged_job(100);
		let arbiters = draw(id);
		judge_one_replica(id, &arbiters, result(1), [Agrees, Unchecked, Unchecked]);
		assert_eq!(total(10), ENDOWMENT);
		assert_eq!(reputation(10).slashed, 0);
		// One arbiter that lies outright and one that could not check do not make a majority
		// that found it different either.
		let id = challenged_job(100);
		let arbiters = draw(id);
		judge_one_replica(id, &arbiters, result(1), [Differs, Unchecked, Agrees]);
		assert_eq!(total(10), ENDOWMENT);
		assert_eq!(reputation(10).slashed, 0);
		for a in &arbiters {
			assert_eq!(held(HoldReason::BidBond, *a), 0);
		}
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn verdict_errors() {
	test(|| {
		pool(&ARBITERS);
		let o = RuntimeOrigin::signed;
		let id = assigned_job(2, &[(10, 100), (11, 100)]);
		commit(10, id, result(1));
		commit(11, id, result(2));
		// Replicas of the original round reveal results, not verdicts.
		assert_noop!(
			Market::reveal_verdict(o(10), id, result(1), Verdict::new(), salt(10), s("x"))
				.map_err(|e| e.error),
			Error::<Test>::NotInArbitration
		);
		reveal(10, id, result(1));
		reveal(11, id, result(2));
		let arbiters = draw(id);
		let a = arbiters[0];
		let verdict = Verdict::truncate_from(vec![Judgement::Agrees, Judgement::Differs]);
		let c = Market::verdict_commitment_of(&result(1), &verdict, &salt(a), &a);
		assert_ok!(Market::commit_result(o(a), id, c));
		for b in &arbiters[1..] {
			commit(*b, id, result(1));
		}
		// Arbiters reveal verdicts, not bare results.
		assert_noop!(
			Market::reveal_result(o(a), id, result(1), salt(a), s("x")).map_err(|e| e.error),
			Error::<Test>::ArbitersRevealVerdicts
		);
		// One entry per disputed replica.
		assert_noop!(
			Market::reveal_verdict(
				o(a),
				id,
				result(1),
				Verdict::truncate_from(vec![Judgement::Agrees]),
				salt(a),
				s("x")
			)
			.map_err(|e| e.error),
			Error::<Test>::WrongVerdictCount
		);
		// The verdict is bound by the commitment: another one does not match it.
		assert_noop!(
			Market::reveal_verdict(
				o(a),
				id,
				result(1),
				Verdict::truncate_from(vec![Judgement::Agrees; 2]),
				salt(a),
				s("x")
			)
			.map_err(|e| e.error),
			Error::<Test>::RevealMismatch
		);
		assert_noop!(
			Market::reveal_verdict(o(10), id, result(1), verdict.clone(), salt(10), s("x"))
				.map_err(|e| e.error),
			Error::<Test>::NotAssigned
		);
		judge(a, id, result(1), verdict.clone());
		assert_eq!(Verdicts::<Test>::get(id, a), Some(verdict.clone()));
		assert_noop!(
			Market::reveal_verdict(o(a), id, result(1), verdict, salt(a), s("x"))
				.map_err(|e| e.error),
			Error::<Test>::AlreadyRevealed
		);
	});
}

#[test]
fn a_job_names_its_tolerance_or_gets_the_chains() {
	test(|| {
		let id = post(spec(1, 100));
		assert_eq!(job(id).spec.tolerance, Some(10));
		let id = post(spec(1, 100).with_tolerance(10_000));
		assert_eq!(job(id).spec.tolerance, Some(10_000));
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), spec(1, 100).with_tolerance(10_001)),
			Error::<Test>::ToleranceTooLarge
		);
	});
}

#[test]
fn k1_challenge_with_too_few_arbiters_pays_the_provider() {
	test(|| {
		pool(&ARBITERS[..2]);
		let id = challenged_job(100);
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert!(Results::<Test>::get(id).is_none());
		assert_eq!(free(REQUESTER), ENDOWMENT - 100);
		assert_eq!(total(10), ENDOWMENT + 100);
		for a in &ARBITERS[..2] {
			assert_eq!(held(HoldReason::BidBond, *a), 0);
			assert_eq!(total(*a), ENDOWMENT);
		}
	});
}

#[test]
fn an_arbiter_that_does_not_serve_is_slashed() {
	test(|| {
		pool(&ARBITERS);
		let id = challenged_job(100);
		let arbiters = arbitrate(id, [1, 1, 0]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(total(arbiters[2]), ENDOWMENT - 10);
		assert_eq!(reputation(arbiters[2]).no_shows, 1);
		assert_eq!(total(arbiters[0]), ENDOWMENT + 100);
	});
}

#[test]
fn the_draw_excludes_the_parties_and_follows_the_randomness() {
	test(|| {
		// The requester (1) and the provider (10) are in the pool, and so are the
		// requester's other accounts (2, 3); honest providers 21 ..= 24 too.
		register(REQUESTER);
		let id = challenged_job(100);
		pool(&[REQUESTER, 10, 2, 3, 21, 22, 23, 24]);
		let mut seen = std::collections::BTreeSet::new();
		for seed in 0..20u64 {
			let drawn = frame_support::storage::with_transaction(|| {
				RANDOM_SEED.with(|s| *s.borrow_mut() = seed);
				let drawn = draw(id);
				sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(drawn))
			})
			.unwrap();
			assert_eq!(drawn.len(), 3);
			assert!(
				!drawn.contains(&REQUESTER) && !drawn.contains(&10),
				"a party was drawn: {drawn:?}"
			);
			let mut unique = drawn.clone();
			unique.sort();
			unique.dedup();
			assert_eq!(unique.len(), 3, "an arbiter was drawn twice: {drawn:?}");
			seen.insert(unique);
		}
		// Different randomness, different panels: nobody picks the panel.
		assert!(seen.len() > 5, "only {} panels in 20 draws", seen.len());
	});
}

#[test]
fn the_draw_skips_only_members_that_cannot_hold_the_bond() {
	test(|| {
		pool(&[21, 22, 23, 24]);
		// 24 cannot hold the arbiter bond (10): it keeps 9.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(24),
			3,
			ENDOWMENT - STAKE - 9
		));
		let id = challenged_job(100);
		let mut drawn = draw(id);
		drawn.sort();
		assert_eq!(drawn, vec![21, 22, 23]);
		for a in drawn {
			assert_eq!(
				held(HoldReason::BidBond, a),
				<<Test as Config>::ArbiterBond as Get<u64>>::get()
			);
		}
	});
}

// ---------------------------------------------------------------- every result challengeable

#[test]
fn a_party_that_wins_every_replica_cannot_make_its_fabrication_unchallengeable() {
	test(|| {
		// Accounts 2, 3 and 4 are one party's: they bid just under everyone else, win all
		// three replicas of an honest requester's job, and reveal the same made-up result
		// without computing anything. It is not verified: the window opens, the requester
		// (who spot-checked it) challenges, and drawn arbiters re-run the job.
		pool(&ARBITERS);
		let party = [2, 3, 4];
		let party_total = || party.iter().map(|p| total(*p)).sum::<Balance>();
		for p in party {
			register(p);
		}
		let before = party_total();
		// The party holds three quarters of the bonds and bids lowest: the clearing
		// price is its own, and its three accounts are the only eligible bids.
		let id = assigned_job(3, &[(2, 10), (3, 10), (4, 10), (11, 90)]);
		let mut won = winners(id);
		won.sort();
		assert_eq!(won, party);
		for p in party {
			commit(p, id, result(9));
		}
		for p in party {
			reveal(p, id, result(9));
		}
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		assert!(Results::<Test>::get(id).is_none(), "unanimous replicas are not verified at once");
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
		let arbiters = arbitrate(id, [1, 1, 1]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
		for p in party {
			assert_event(MarketEvent::BondSlashed {
				job_id: id,
				provider: p,
				amount: 10,
				reason: SlashReason::WrongResult,
			});
			assert_eq!(reputation(p).slashed, 1);
		}
		// The party loses its three bonds (30, a tenth of the job's max price each) and is
		// paid nothing. The arbiters are owed the price the work was sold for (10 each),
		// which the bonds pay; the requester gets the true result and its 30 back.
		assert_eq!(party_total(), before - 30);
		for a in arbiters {
			assert_eq!(total(a), ENDOWMENT + 10);
		}
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn a_unanimous_result_stands_when_its_window_ends_or_the_requester_accepts_it() {
	test(|| {
		let window = <<Test as Config>::ChallengePeriod as Get<u64>>::get();
		// Left alone, the window runs out and the result stands.
		let id = assigned_job(2, &[(10, 80), (11, 90)]);
		for p in [10, 11] {
			commit(p, id, result(1));
		}
		for p in [10, 11] {
			reveal(p, id, result(1));
		}
		let opened = System::block_number();
		assert_event(MarketEvent::ChallengeWindowOpened {
			job_id: id,
			challenge_by: opened + window,
		});
		run_to_block(opened + window - 1);
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
		run_to_block(opened + window);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(total(10), ENDOWMENT + 90);
		assert_eq!(total(11), ENDOWMENT + 90);
		// Accepted, it settles in the same block: every replica paid, the rest refunded.
		let id = assigned_job(2, &[(10, 70), (11, 60)]);
		for p in [10, 11] {
			commit(p, id, result(1));
		}
		for p in [10, 11] {
			reveal(p, id, result(1));
		}
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(10), id),
			Error::<Test>::NotRequester
		);
		assert_ok!(Market::accept_result(RuntimeOrigin::signed(REQUESTER), id));
		assert_eq!(job(id).status, JobStatus::Settled);
		let mut agreed = Results::<Test>::get(id).unwrap().agreed.into_inner();
		agreed.sort();
		assert_eq!(agreed, vec![10, 11]);
		assert_eq!(total(10), ENDOWMENT + 160);
		assert_eq!(total(11), ENDOWMENT + 160);
		assert_eq!(free(REQUESTER), ENDOWMENT - 320);
	});
}

// ---------------------------------------------------------------- arbiters nobody shapes

/// Registers `who` with `stake` and `hardware` in `region`, and puts it in the arbiter pool.
fn pool_member(who: AccountId, stake: Balance, hardware: Hardware, region: RegionCode) {
	let mut p = profile();
	p.hardware = hardware;
	p.region = region;
	assert_ok!(Market::register_provider(RuntimeOrigin::signed(who), stake, p));
	assert_ok!(Market::join_arbiter_pool(RuntimeOrigin::signed(who)));
}

/// Runs the draw of `id` with the test randomness seeded `seed`, checks the drawn arbiters'
/// terms, then undoes it. Returns the arbiters drawn.
fn draw_with_seed(id: JobId, seed: u64) -> Vec<AccountId> {
	frame_support::storage::with_transaction(|| {
		RANDOM_SEED.with(|s| *s.borrow_mut() = seed);
		let drawn = draw(id);
		for a in Assignments::<Test>::get(id) {
			// The chain's bond, whatever the job; pay up to the price of the disputed work.
			assert_eq!(a.bond, <<Test as Config>::ArbiterBond as Get<u64>>::get());
			assert_eq!(held(HoldReason::BidBond, a.provider), a.bond);
			let disputed = Disputed::<Test>::get(id).unwrap();
			assert_eq!(a.price, disputed.iter().map(|d| d.price).max().unwrap());
		}
		sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>(drawn))
	})
	.unwrap()
}

/// The probability that successive draws of `seats` members without replacement, each
/// member weighted by its stake, give `coalition` at least `at_least` of the seats: the
/// exact reference the chain's draw is compared with.
fn capture_probability(stakes: &[(Balance, bool)], seats: u32, at_least: u32) -> f64 {
	fn go(stakes: &[(Balance, bool)], out: &mut Vec<bool>, seats: u32, got: u32, need: u32) -> f64 {
		if got >= need {
			return 1.0;
		}
		if seats == 0 {
			return 0.0;
		}
		let left: Balance =
			stakes.iter().enumerate().filter(|(i, _)| !out[*i]).map(|(_, (w, _))| w).sum();
		let mut p = 0.0;
		for i in 0..stakes.len() {
			if out[i] {
				continue;
			}
			let (w, ours) = stakes[i];
			out[i] = true;
			p += w as f64 / left as f64 * go(stakes, out, seats - 1, got + ours as u32, need);
			out[i] = false;
		}
		p
	}
	go(stakes, &mut vec![false; stakes.len()], seats, 0, at_least)
}

/// Asserts that `hits` of `trials` is within five standard deviations of probability `p`.
#[track_caller]
fn assert_frequency(hits: u32, trials: u32, p: f64, what: &str) {
	let observed = hits as f64 / trials as f64;
	let sigma = (p * (1.0 - p) / trials as f64).sqrt();
	assert!(
		(observed - p).abs() <= 5.0 * sigma,
		"{what}: observed {observed:.3} in {trials} draws, expected {p:.3} ± {:.3}",
		5.0 * sigma
	);
}

#[test]
fn a_requester_cannot_pick_its_arbiters_with_requirements_region_reputation_or_price() {
	test(|| {
		// The attack seen on a live node. The requester (1) puts three accounts of its own
		// (2, 3, 4) with inflated hardware, a region and a reputation nobody else claims into
		// the pool. It takes an honest provider's offer asking for exactly that hardware,
		// region and reputation, at a max price whose 10 % few could hold, and challenges the
		// honest result. Six honest members with ordinary machines and the same stake sit in
		// the pool. The draw must not care: the coalition holds a third of the pool's stake,
		// and holds at least two of the three seats only as often as a third of the stake
		// does.
		let big = Hardware { gpu_count: 8, vram_gib: 80, cpu_cores: 128, ram_gib: 1024 };
		let small = Hardware { gpu_count: 0, vram_gib: 0, cpu_cores: 4, ram_gib: 8 };
		let rare_region = 999;
		let coalition = [2, 3, 4];
		let honest = [21, 22, 23, 24, 25, 26];
		for c in coalition {
			pool_member(c, STAKE, big, rare_region);
		}
		for h in honest {
			pool_member(h, STAKE, small, REGION);
		}
		let with_reputation = |who: AccountId| {
			Providers::<Test>::mutate(who, |p| p.as_mut().unwrap().reputation.completed = 100)
		};
		let mut honest_provider = profile();
		honest_provider.hardware = big;
		honest_provider.region = rare_region;
		assert_ok!(Market::register_provider(RuntimeOrigin::signed(10), STAKE, honest_provider));
		for who in [2, 3, 4, 10] {
			with_reputation(who);
		}
		assert_ok!(Market::post_offer(
			RuntimeOrigin::signed(10),
			50,
			big,
			1,
			1_000,
			10,
			10,
			OfferScope::any()
		));
		let mut shaped = spec(1, 2_000).with_requirements(big);
		shaped.region = Some(rare_region);
		shaped.min_reputation = Some(Permill::from_percent(90));
		let id = NextJobId::<Test>::get();
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, shaped));
		commit(10, id, result(1));
		reveal(10, id, result(1));
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));

		let trials = 300;
		let mut captured = 0;
		let mut honest_seats = 0;
		for seed in 0..trials {
			let drawn = draw_with_seed(id, u64::from(seed));
			assert_eq!(drawn.len(), 3);
			let ours = drawn.iter().filter(|a| coalition.contains(a)).count();
			captured += u32::from(ours >= 2);
			honest_seats += 3 - ours;
		}
		// What the work was sold for (the offer's 50), not the requester's max price of 2,000.
		assert_eq!(Disputed::<Test>::get(id).unwrap()[0].price, 50);
		assert!(honest_seats > 0, "the requirements kept every honest member out");
		let stakes: Vec<_> = coalition
			.iter()
			.map(|_| (STAKE, true))
			.chain(honest.iter().map(|_| (STAKE, false)))
			.collect();
		assert_frequency(captured, trials, capture_probability(&stakes, 3, 2), "capture");
	});
}

#[test]
fn seats_follow_stake_not_the_number_of_accounts() {
	test(|| {
		// The coalition splits 600 of stake into six accounts (2 ..= 7); three honest
		// members stake 600 each (21, 22, 23): a quarter of the pool's stake is the
		// coalition's. A requester's account (1) in the pool, and the provider of the
		// challenged job (10), are never drawn.
		let coalition = [2, 3, 4, 5, 6, 7];
		let honest = [21, 22, 23];
		for c in coalition {
			pool_member(c, 100, hardware(), REGION);
		}
		for h in honest {
			pool_member(h, 600, hardware(), REGION);
		}
		pool_member(REQUESTER, 5_000, hardware(), REGION);
		let id = challenged_job(100);
		assert_ok!(Market::join_arbiter_pool(RuntimeOrigin::signed(10)));
		// A stake added after joining counts too: 22 goes to 700, and the coalition adds
		// nothing; so does a member leaving (2 leaves, 10, the last to join, moves into its
		// slot).
		assert_ok!(Market::add_stake(RuntimeOrigin::signed(22), 100));
		assert_ok!(Market::leave_arbiter_pool(RuntimeOrigin::signed(2)));
		let coalition = &coalition[1..];
		let trials = 400;
		let (mut captured, mut first_seat) = (0, 0);
		for seed in 0..trials {
			let drawn = draw_with_seed(id, u64::from(seed));
			assert!(!drawn.contains(&REQUESTER) && !drawn.contains(&10), "a party was drawn");
			captured += u32::from(drawn.iter().filter(|a| coalition.contains(a)).count() >= 2);
			first_seat += u32::from(coalition.contains(&drawn[0]));
		}
		let stakes: Vec<(Balance, bool)> = [(100, true); 5]
			.into_iter()
			.chain([(600, false), (700, false), (600, false)])
			.collect();
		assert_frequency(first_seat, trials, 500.0 / 2_400.0, "first seat");
		assert_frequency(captured, trials, capture_probability(&stakes, 3, 2), "capture");
	});
}

#[test]
fn one_sample_picks_each_member_in_proportion_to_its_stake() {
	test(|| {
		// Members with different stakes, a stake added, a member leaving from the middle:
		// every point below the pool's total stake falls into exactly the member a walk over
		// the slots in order finds, so each member's chance is its stake over the total.
		for (who, stake) in [(21, 100), (22, 350), (23, 120), (24, 101), (25, 999), (26, 130)] {
			pool_member(who, stake, hardware(), REGION);
		}
		assert_ok!(Market::add_stake(RuntimeOrigin::signed(23), 77));
		assert_ok!(Market::leave_arbiter_pool(RuntimeOrigin::signed(22)));
		pool_member(27, 142, hardware(), REGION);
		let size = ArbiterPoolSize::<Test>::get();
		let stakes: Vec<Balance> = (0..size)
			.map(|slot| {
				Providers::<Test>::get(ArbiterPool::<Test>::get(slot).unwrap()).unwrap().stake
			})
			.collect();
		let total: Balance = stakes.iter().sum();
		assert_eq!(Market::stake_prefix(size), total);
		let none = Default::default();
		let mut slot = 0;
		let mut end = stakes[0];
		for point in 0..total {
			while point >= end {
				slot += 1;
				end += stakes[slot];
			}
			assert_eq!(Market::slot_at(point, size, &none), slot as u32, "point {point}");
		}
	});
}

#[test]
fn the_arbiter_pool_is_bounded() {
	test(|| {
		let max = <<Test as Config>::MaxArbiterPool as Get<u32>>::get();
		let members: Vec<AccountId> = (0..u64::from(max)).map(|i| 100 + i).collect();
		for who in &members {
			assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(29), *who, 200));
			assert_ok!(Market::register_provider(RuntimeOrigin::signed(*who), 100, profile()));
			assert_ok!(Market::join_arbiter_pool(RuntimeOrigin::signed(*who)));
		}
		register(21);
		assert_noop!(
			Market::join_arbiter_pool(RuntimeOrigin::signed(21)),
			Error::<Test>::ArbiterPoolFull
		);
		assert_ok!(Market::leave_arbiter_pool(RuntimeOrigin::signed(members[3])));
		assert_ok!(Market::join_arbiter_pool(RuntimeOrigin::signed(21)));
	});
}

#[test]
fn arbiters_get_the_chains_periods_not_the_jobs() {
	test(|| {
		// The requester asks for 1-block execution and reveal periods, which its own
		// provider (2) meets; the arbiters it challenges into the job agreed to nothing of
		// the sort and get the chain's periods.
		pool(&ARBITERS);
		register(2);
		let id = post(spec(1, 100).with_periods(2, 1, 1));
		bid(2, id, 50);
		run_to_block(job(id).deadline);
		commit(2, id, result(1));
		reveal(2, id, result(1));
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
		let draw_at = job(id).deadline;
		let arbiters = draw(id);
		let execution = <<Test as Config>::ArbiterExecutionPeriod as Get<u64>>::get();
		assert_eq!(job(id).deadline, draw_at + execution);
		// An arbiter that commits in the last block of the chain's period is in time.
		run_to_block(draw_at + execution - 1);
		for a in &arbiters {
			commit(*a, id, result(2));
		}
		let reveal_by =
			System::block_number() + <<Test as Config>::ArbiterRevealPeriod as Get<u64>>::get();
		assert_eq!(job(id).deadline, reveal_by);
		assert_event(MarketEvent::RevealPhaseStarted { job_id: id, reveal_by });
		run_to_block(reveal_by - 1);
		for a in &arbiters {
			reveal(*a, id, result(2));
		}
		// The made-up result lost; no arbiter was slashed for the requester's short periods.
		assert_eq!(job(id).status, JobStatus::Settled);
		for a in &arbiters {
			assert_eq!(reputation(*a).no_shows, 0);
			// The provider's bond (10) and unpaid price (50) pay them, shared evenly.
			assert_eq!(total(*a), ENDOWMENT + 20);
		}
	});
}

#[test]
fn the_upgrade_builds_the_stake_tree_of_an_existing_pool() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		for (who, stake) in [(21, 100), (22, 350), (23, 120), (24, 101), (25, 999)] {
			pool_member(who, stake, hardware(), REGION);
		}
		let built: Vec<(u32, Balance)> = ArbiterStakes::<Test>::iter().collect();
		// A chain of storage version 0: a pool without its stake tree.
		let _ = ArbiterStakes::<Test>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Market>();
		migrations::BuildArbiterStakes::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 1);
		let mut rebuilt: Vec<_> = ArbiterStakes::<Test>::iter().collect();
		let mut expected = built.clone();
		rebuilt.sort();
		expected.sort();
		assert_eq!(rebuilt, expected);
		// At version 1 it does nothing: a node it would rebuild differently stays.
		ArbiterStakes::<Test>::insert(1, 7);
		migrations::BuildArbiterStakes::<Test>::on_runtime_upgrade();
		assert_eq!(ArbiterStakes::<Test>::get(1), 7);
		// Node 1 holds slot 0's stake (21's): the tree is whole again for `try_state`.
		ArbiterStakes::<Test>::insert(1, 100);
	});
}

#[test]
fn the_upgrade_drops_the_reputation_of_open_bids() {
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		register(10);
		register(11);
		let id = post(spec(2, 100));
		bid(10, id, 40);
		bid_with(11, id, 60, 25);
		let now: Vec<Bid<Test>> = Bids::<Test>::get(id).into_inner();
		// A chain of storage version 1: its bids recorded the bidder's reputation too.
		let old: Vec<migrations::BidV1<Test>> = now
			.iter()
			.map(|b| migrations::BidV1 {
				provider: b.provider,
				price: b.price,
				bond: b.bond,
				reputation: Permill::from_percent(50),
				placed_at: b.placed_at,
			})
			.collect();
		frame_support::storage::unhashed::put_raw(&Bids::<Test>::hashed_key_for(id), &old.encode());
		StorageVersion::new(1).put::<Market>();
		migrations::DropBidReputation::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 2);
		assert_eq!(Bids::<Test>::get(id).into_inner(), now);
		// At version 2 it does nothing.
		migrations::DropBidReputation::<Test>::on_runtime_upgrade();
		assert_eq!(Bids::<Test>::get(id).into_inner(), now);
		// The bidding goes on after the upgrade.
		run_to_block(job(id).deadline);
		assert_eq!(winners(id).len(), 2);
	});
}

#[test]
fn the_upgrade_gives_every_job_the_default_tolerance_and_restarts_arbitrations_under_way() {
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		pool(&ARBITERS);
		let open = post(spec(1, 100));
		let id = assigned_job(2, &[(10, 100), (11, 100)]);
		commit(10, id, result(1));
		commit(11, id, result(2));
		reveal(10, id, result(1));
		reveal(11, id, result(2));
		let arbiters = draw(id);
		// An arbiter committed, under version 2, to a bare result.
		let c = Market::commitment_of(&result(1), &salt(arbiters[0]), &arbiters[0]);
		assert_ok!(Market::commit_result(RuntimeOrigin::signed(arbiters[0]), id, c));
		// A chain of storage version 2: its jobs have no tolerance, and no terms.
		for job_id in [open, id] {
			let old = migrations::job_v2(job(job_id));
			let key = Jobs::<Test>::hashed_key_for(job_id);
			frame_support::storage::unhashed::put_raw(&key, &old.encode());
		}
		let _ = Terms::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Market>();
		run_to_block(System::block_number() + 1);
		migrations::AddTolerance::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 3);
		migrations::AddContentSizes::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 4);
		migrations::AddPauseMark::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 5);
		migrations::RecordJobTerms::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 6);
		assert!([open, id].iter().all(|j| Terms::<Test>::contains_key(j)));
		assert_eq!(job(open).spec.tolerance, Some(10));
		assert_eq!(job(open).status, JobStatus::Expired);
		// The arbitration starts its commit phase again, without the old commitment.
		let j = job(id);
		assert_eq!(j.spec.tolerance, Some(10));
		assert_eq!((j.round, j.status), (Round::Arbitration, JobStatus::Committing));
		assert_eq!(j.deadline, System::block_number() + 10);
		assert!(Assignments::<Test>::get(id).iter().all(|a| a.commitment.is_none()));
		// At a later version it does nothing.
		migrations::AddTolerance::<Test>::on_runtime_upgrade();
		assert_eq!(job(id).deadline, j.deadline);
		// The arbiters judge as usual after the upgrade.
		for a in &arbiters {
			commit(*a, id, result(1));
		}
		for a in &arbiters {
			reveal(*a, id, result(1));
		}
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
		assert_eq!(total(11), ENDOWMENT - 10);
	});
}

#[test]
fn the_upgrade_sizes_content_by_its_declaration_and_withdraws_offers_without_a_scope() {
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		register(10);
		assert_ok!(offer(10, 50, 2, 100));
		assert_ok!(offer(10, 60, 1, 100));
		assert_eq!(Providers::<Test>::get(10).unwrap().offers, 2);
		let uri = |text: &str| BoundedVec::truncate_from(text.as_bytes().to_vec());
		let mut declared = spec(1, 100);
		declared.workload.content.uri = uri("http://h:1/blob/0x01#size=4096");
		declared.input.uri = uri("http://h:1/blob/0x02#size=0");
		let declared = post(declared);
		let mut undeclared = spec(1, 100);
		undeclared.input.uri = uri("http://h:1/blob/0x02#size=12x");
		let undeclared = post(undeclared);
		// A chain of storage version 3: content without sizes, offers without scopes, jobs
		// without terms.
		for job_id in [declared, undeclared] {
			let key = Jobs::<Test>::hashed_key_for(job_id);
			frame_support::storage::unhashed::put_raw(
				&key,
				&migrations::job_v3(job(job_id)).encode(),
			);
		}
		for offer_id in [0, 1] {
			let o = offer_of(offer_id);
			let old = migrations::OfferV3::<Test> {
				provider: o.provider,
				price: o.price,
				hardware: o.hardware,
				capacity: o.capacity,
				expires_at: o.expires_at,
				execution_period: o.execution_period,
				reveal_period: o.reveal_period,
			};
			let key = Offers::<Test>::hashed_key_for(offer_id);
			frame_support::storage::unhashed::put_raw(&key, &old.encode());
		}
		let _ = Terms::<Test>::clear(u32::MAX, None);
		StorageVersion::new(3).put::<Market>();
		migrations::AddContentSizes::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 4);
		migrations::AddPauseMark::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 5);
		migrations::RecordJobTerms::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 6);
		assert!([declared, undeclared].iter().all(|j| Terms::<Test>::contains_key(j)));
		assert_eq!(job(declared).spec.workload.content.size, 4096);
		assert_eq!(job(declared).spec.input.size, 0);
		assert_eq!(job(undeclared).spec.workload.content.size, UNDECLARED_SIZE);
		assert_eq!(job(undeclared).spec.input.size, UNDECLARED_SIZE);
		assert_eq!(job(undeclared).spec.tolerance, Some(10));
		assert_eq!(Offers::<Test>::iter().count(), 0);
		assert_eq!(Providers::<Test>::get(10).unwrap().offers, 0);
		assert_event(MarketEvent::OfferWithdrawn { offer_id: 1 });
		// The provider posts offers again, with their scope.
		assert_ok!(offer(10, 50, 1, 100));
		assert_eq!(offer_of(2).scope, OfferScope::any());
	});
}

#[test]
fn the_upgrade_gives_every_job_a_pause_mark_of_zero() {
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let assigned = assigned_job(1, &[(10, 60)]);
		let open = post(spec(1, 100));
		commit(10, assigned, result(1));
		let jobs = [open, assigned];
		let before: Vec<Job<Test>> = jobs.iter().map(|id| job(*id)).collect();
		// A chain of storage version 4: jobs without a pause mark.
		for job_id in jobs {
			let key = Jobs::<Test>::hashed_key_for(job_id);
			frame_support::storage::unhashed::put_raw(
				&key,
				&migrations::job_v4(job(job_id)).encode(),
			);
		}
		assert!(Jobs::<Test>::get(open).is_none(), "a job of version 4 is not a job of version 5");
		StorageVersion::new(4).put::<Market>();
		#[cfg(feature = "try-runtime")]
		migrations::AddPauseMark::<Test>::try_on_runtime_upgrade(true)
			.expect("the upgrade's checks pass");
		#[cfg(not(feature = "try-runtime"))]
		migrations::AddPauseMark::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 5);
		for (job_id, was) in jobs.iter().zip(&before) {
			assert_eq!(job(*job_id).pause_mark, 0);
			assert_eq!(&job(*job_id), was);
		}
		// At version 5 it does nothing: marks it would reset stay.
		PausedBlocks::<Test>::put(2);
		for job_id in jobs {
			Jobs::<Test>::mutate(job_id, |j| {
				if let Some(j) = j {
					j.pause_mark = 2;
				}
			});
		}
		migrations::AddPauseMark::<Test>::on_runtime_upgrade();
		assert!(jobs.iter().all(|id| job(*id).pause_mark == 2));
		// The market goes on after the upgrade.
		reveal(10, assigned, result(1));
		run_to_block(job(assigned).deadline);
		assert_eq!(job(assigned).status, JobStatus::Settled);
		assert_eq!(job(open).status, JobStatus::Expired);
	});
}

#[test]
fn a_uri_declares_its_size_with_a_fragment() {
	use migrations::declared_size;
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size=1234"), Some(1234));
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size=18446744073709551615"), Some(u64::MAX));
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size=18446744073709551616"), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size="), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size=-1"), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01#sizes=1"), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01#size=+5"), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01#a#size=5"), None);
	assert_eq!(declared_size(b"http://h:1/blob/0x01"), None);
	assert_eq!(declared_size(b"ipfs://model"), None);
}

#[test]
fn arbiter_pool_join_and_leave() {
	test(|| {
		assert_noop!(
			Market::join_arbiter_pool(RuntimeOrigin::signed(21)),
			Error::<Test>::NotProvider
		);
		assert_noop!(
			Market::leave_arbiter_pool(RuntimeOrigin::signed(21)),
			Error::<Test>::NotProvider
		);
		pool(&[21, 22, 23]);
		assert_event(MarketEvent::JoinedArbiterPool { provider: 22 });
		assert_noop!(
			Market::join_arbiter_pool(RuntimeOrigin::signed(21)),
			Error::<Test>::AlreadyArbiter
		);
		assert_ok!(Market::leave_arbiter_pool(RuntimeOrigin::signed(21)));
		assert_event(MarketEvent::LeftArbiterPool { provider: 21 });
		assert_noop!(
			Market::leave_arbiter_pool(RuntimeOrigin::signed(21)),
			Error::<Test>::NotArbiter
		);
		// The last member moved into the freed slot.
		assert_eq!(ArbiterPool::<Test>::get(0), Some(23));
		assert_eq!(ArbiterPoolSize::<Test>::get(), 2);
		// Unregistering leaves the pool.
		assert_ok!(Market::unregister(RuntimeOrigin::signed(23)));
		assert_eq!(ArbiterPool::<Test>::get(0), Some(22));
		assert_eq!(ArbiterPoolSize::<Test>::get(), 1);
		assert_noop!(
			Market::join_arbiter_pool(RuntimeOrigin::signed(23)),
			Error::<Test>::ProviderNotActive
		);
	});
}

// ---------------------------------------------------------------- deadlines

#[test]
fn advance_job_needs_a_passed_deadline() {
	test(|| {
		register(10);
		let advance = |id| Market::advance_job(RuntimeOrigin::signed(5), id);
		// Four jobs whose bidding ends at block 16 fill that block's share of the queue
		// before the job below gets its commit deadline there.
		let ahead: Vec<_> = (0..4).map(|_| post(spec(1, 10).with_periods(15, 10, 10))).collect();
		let id = post(spec(1, 100));
		assert_noop!(advance(99), Error::<Test>::UnknownJob);
		// Only the queue closes bidding: a caller choosing the block would choose the lot.
		bid(10, id, 50);
		assert_noop!(advance(id), Error::<Test>::DrawnByQueueOnly);
		run_to_block(6);
		assert_eq!(job(id).status, JobStatus::Committing);
		assert_eq!(job(id).deadline, 16);
		assert_noop!(advance(id), Error::<Test>::DeadlineNotReached);
		assert_eq!(Deadlines::<Test>::get(16, 0).into_inner(), ahead);
		// At block 16 its commit deadline has passed but it still waits in the queue: anyone
		// may push it into its reveal phase.
		run_to_block(16);
		assert_eq!(job(id).status, JobStatus::Committing);
		assert_ok!(advance(id));
		assert_eq!(job(id).status, JobStatus::Revealing);
		let reveal_by = job(id).deadline;
		// Its queue entry went stale and is dropped when reached.
		run_to_block(17);
		assert_eq!(DeadlinePages::<Test>::get(16), 0);
		assert_eq!(job(id).status, JobStatus::Revealing);
		assert_eq!(job(id).deadline, reveal_by);
		let cancelled = post(spec(1, 100));
		assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), cancelled));
		assert_noop!(advance(cancelled), Error::<Test>::WrongPhase);
	});
}

#[test]
fn a_full_page_opens_the_next() {
	test(|| {
		// MaxDeadlinesPerBlock is 4 in the mock: a page holds 4 jobs.
		let ids: Vec<_> = (0..6).map(|_| post(spec(1, 10))).collect();
		assert_eq!(DeadlinePages::<Test>::get(6), 2);
		assert_eq!(Deadlines::<Test>::get(6, 0).into_inner(), ids[..4].to_vec());
		assert_eq!(Deadlines::<Test>::get(6, 1).into_inner(), ids[4..].to_vec());
		assert!(ids.iter().all(|id| job(*id).deadline == 6));
		run_to_block(6);
		assert!(ids[..4].iter().all(|id| job(*id).status == JobStatus::Expired));
		assert_eq!(job(ids[4]).status, JobStatus::Bidding);
		// The cursor carries the rest to the next block.
		assert_eq!(DeadlineCursor::<Test>::get(), Some((6, 1)));
		run_to_block(7);
		assert!(ids.iter().all(|id| job(*id).status == JobStatus::Expired));
		assert_eq!(Deadlines::<Test>::iter().count(), 0);
		assert_eq!(DeadlinePages::<Test>::iter().count(), 0);
	});
}

#[test]
fn nobody_but_the_queue_draws_arbiters() {
	test(|| {
		let id = assigned_job_with(spec(1, 100), 10, 60);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		// Four jobs due in block 8 fill its share of the queue ...
		for _ in 0..4 {
			let mut sp = spec(1, 10);
			sp.bidding_period = 2;
			post(sp);
		}
		run_to_block(7);
		// ... so the draw the challenge schedules for block 8 waits for block 9.
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
		assert_eq!(job(id).deadline, 8);
		run_to_block(8);
		assert_eq!(job(id).status, JobStatus::Drawing);
		// Whoever could pick the block of the draw could pick its randomness: refused.
		assert_noop!(
			Market::advance_job(RuntimeOrigin::signed(5), id),
			Error::<Test>::DrawnByQueueOnly
		);
		run_to_block(9);
		// Too few arbiters in the pool: nothing is verified, the provider is paid.
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_eq!(total(10), ENDOWMENT + 60);
	});
}

#[test]
fn stale_entries_have_their_own_budget() {
	test(|| {
		// 40 jobs posted and cancelled leave 40 stale entries in block 6, ahead of a live
		// job; stale entries cost a read each and do not use the 4 live deadlines a block.
		let cancelled: Vec<_> = (0..40).map(|_| post(spec(1, 10))).collect();
		for id in &cancelled {
			assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), *id));
		}
		let live = post(spec(1, 10));
		assert_eq!(DeadlinePages::<Test>::get(6), 11);
		run_to_block(6);
		assert_eq!(job(live).status, JobStatus::Expired);
		assert_eq!(DeadlinePages::<Test>::get(6), 0);
	});
}

#[test]
fn a_flood_of_deadlines_is_worked_off_in_order_and_blocks_no_call() {
	test(|| {
		let honest = assigned_job_with(spec(1, 100), 10, 50);
		register(11);
		// 3,000 one-planck jobs, all closing bidding in block 11.
		let flood: Vec<_> = (0..3_000).map(|_| post(spec(1, 1))).collect();
		assert_eq!(DeadlinePages::<Test>::get(11), 750);
		// The flood blocks no call: the provider commits and reveals, the requester
		// challenges, and a new job is posted and bid on in the middle of the flood.
		commit(10, honest, result(1));
		reveal(10, honest, result(1));
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), honest));
		// Runs one block and notes which flood jobs expired in it.
		let mut handled_at = Vec::new();
		let mut step = |block: u64| {
			System::reset_events();
			run_to_block(block);
			for e in System::events() {
				if let RuntimeEvent::Market(MarketEvent::JobExpired { job_id }) = e.event {
					handled_at.push((job_id, block));
				}
			}
		};
		for block in 7..=12 {
			step(block);
		}
		let late = post(spec(1, 100));
		assert_eq!(job(late).deadline, 17);
		bid(11, late, 60);

		// Each block works off 4 deadlines, oldest first: flood job k is handled in block
		// 11 + k / 4, and nothing due later is handled before the flood's block is done.
		let mut block = 12;
		while job(late).status == JobStatus::Bidding {
			block += 1;
			step(block);
			assert!(block < 1_000, "the flood is never worked off");
		}
		assert_eq!(handled_at.len(), flood.len());
		for (k, id) in flood.iter().enumerate() {
			assert_eq!(handled_at[k], (*id, 11 + k as u64 / 4), "flood job {k}");
		}
		// The late job was handled after the flood, and its next phase has its full length
		// from the block it was handled in. The challenged job found no arbiters: its provider
		// was paid and nothing verified.
		assert_eq!(job(honest).status, JobStatus::Failed);
		assert_eq!(total(10), ENDOWMENT + 50);
		assert_eq!(job(late).status, JobStatus::Committing);
		assert_eq!(job(late).deadline, block + 10);
		assert!(block > 11 + 749);
	});
}

// ---------------------------------------------------------------- pauses

/// Pauses the market from the next block up to block `until`, its last paused block, and
/// returns how many blocks that is. The market stays paused until the test resumes it.
fn pause_until(until: u64) -> u32 {
	let from = System::block_number() + 1;
	Paused::set(&true);
	run_to_block(until);
	u32::try_from(until + 1 - from).unwrap()
}

/// Where a phase that ended at `deadline` and was paused in for `paused` blocks ends, when
/// the queue handles it in block `handled`: moved by the paused blocks, and at least
/// `MinRevealPeriod` blocks after `handled`.
fn moved(deadline: u64, paused: u32, handled: u64) -> u64 {
	(deadline + u64::from(paused)).max(handled + <Test as Config>::MinRevealPeriod::get())
}

/// Whether a bond of `who` was slashed.
fn bond_slashed(who: AccountId) -> bool {
	System::events().iter().any(|r| match r.event {
		RuntimeEvent::Market(MarketEvent::BondSlashed { provider, .. }) => provider == who,
		_ => false,
	})
}

#[test]
fn a_paused_market_slashes_no_provider_whose_deadline_fell_in_the_pause() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		let bond = held(HoldReason::BidBond, 10);
		run_to_block(8);
		// Paused past the commit deadline, for longer than the whole execution period.
		let paused = pause_until(job(id).deadline + 5);
		assert_eq!(PausedBlocks::<Test>::get(), paused);
		assert!(u64::from(paused) > job(id).spec.execution_period);
		// Nothing passed: the job still waits for commits and no bond was touched.
		assert_eq!(job(id).status, JobStatus::Committing);
		assert_eq!(held(HoldReason::BidBond, 10), bond);
		assert!(!bond_slashed(10));
		// Resumed, the phase gets the paused blocks back: its deadline moves by them.
		let deadline = job(id).deadline;
		Paused::set(&false);
		let resumed = System::block_number() + 1;
		run_to_block(resumed);
		let commit_by = moved(deadline, paused, resumed);
		// It has the blocks it had left when the pause began (9 .. deadline).
		assert_eq!(commit_by - resumed, deadline - 9);
		assert_eq!(job(id).status, JobStatus::Committing);
		assert_eq!(job(id).deadline, commit_by);
		assert_event(MarketEvent::DeadlineExtended { job_id: id, deadline: commit_by });
		// The provider commits and reveals in the returned blocks, and is paid.
		run_to_block(commit_by - 1);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert!(!bond_slashed(10));
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(reputation(10).no_shows, 0);
	});
}

#[test]
fn a_phase_that_overlapped_a_pause_gets_the_paused_blocks_back() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		let commit_by = job(id).deadline;
		run_to_block(9);
		// Paused for a few blocks in the middle of the execution period.
		let paused = pause_until(12);
		Paused::set(&false);
		assert_eq!(PausedBlocks::<Test>::get(), paused);
		run_to_block(commit_by - 1);
		assert_eq!(job(id).deadline, commit_by);
		// At its deadline the phase does not end: it gets the paused blocks back.
		run_to_block(commit_by);
		let extended = moved(commit_by, paused, commit_by);
		assert_eq!(extended, commit_by + u64::from(paused), "exactly the paused blocks");
		assert_eq!(job(id).status, JobStatus::Committing);
		assert_eq!(job(id).deadline, extended);
		assert_event(MarketEvent::DeadlineExtended { job_id: id, deadline: extended });
		// Then it ends as any phase, once.
		run_to_block(extended);
		let reveal_by = extended + job(id).spec.reveal_period;
		assert_eq!((job(id).status, job(id).deadline), (JobStatus::Revealing, reveal_by));
		assert_event(MarketEvent::RevealPhaseStarted { job_id: id, reveal_by });
	});
}

#[test]
fn a_provider_that_does_not_commit_after_a_pause_is_still_a_no_show() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		run_to_block(13);
		let deadline = job(id).deadline;
		let paused = pause_until(deadline + 4);
		Paused::set(&false);
		let resumed = System::block_number() + 1;
		run_to_block(resumed);
		let commit_by = moved(deadline, paused, resumed);
		assert_eq!(job(id).deadline, commit_by);
		// The returned blocks pass without a commit: the rules apply as without a pause.
		run_to_block(commit_by - 1);
		assert_eq!(job(id).status, JobStatus::Committing);
		run_to_block(commit_by);
		let reveal_by = commit_by + job(id).spec.reveal_period;
		assert_eq!((job(id).status, job(id).deadline), (JobStatus::Revealing, reveal_by));
		run_to_block(reveal_by);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::NoResult });
		assert_event(MarketEvent::BondSlashed {
			job_id: id,
			provider: 10,
			amount: 10,
			reason: SlashReason::NoShow,
		});
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(total(10), ENDOWMENT - 10);
		assert_eq!(reputation(10).no_shows, 1);
	});
}

#[test]
fn nothing_advances_while_the_market_is_paused() {
	test(|| {
		// Ten jobs whose bidding ends in block 6: three pages of the queue.
		let ids: Vec<_> = (0..10).map(|_| post(spec(1, 10))).collect();
		assert_eq!(DeadlinePages::<Test>::get(6), 3);
		run_to_block(2);
		let cursor = DeadlineCursor::<Test>::get();
		let paused = pause_until(30);
		assert_eq!(PausedBlocks::<Test>::get(), paused);
		// The cursor stayed, every page is still queued, and no job moved.
		assert_eq!(DeadlineCursor::<Test>::get(), cursor);
		assert_eq!(DeadlinePages::<Test>::get(6), 3);
		assert!(ids.iter().all(|id| job(*id).status == JobStatus::Bidding));
		assert!(ids.iter().all(|id| job(*id).deadline == 6));
		// Nobody may push a job past its deadline either.
		assert_noop!(
			Market::advance_job(RuntimeOrigin::signed(5), ids[0]),
			Error::<Test>::MarketPaused
		);
		// Resumed, the queue works off 4 deadlines a block, oldest first as ever, and each
		// job's phase gets the paused blocks back.
		Paused::set(&false);
		run_to_block(33);
		for (k, id) in ids.iter().enumerate() {
			let handled = 31 + k as u64 / 4;
			assert_eq!(job(*id).status, JobStatus::Bidding, "job {k}");
			assert_eq!(job(*id).deadline, moved(6, paused, handled), "job {k}");
		}
		// They fall due together again: 4 a block.
		run_to_block(ids.iter().map(|id| job(*id).deadline).max().unwrap() + 2);
		assert!(ids.iter().all(|id| job(*id).status == JobStatus::Expired));
	});
}

#[test]
fn advance_job_passes_no_deadline_while_paused_and_gives_the_paused_blocks_back() {
	test(|| {
		register(10);
		let advance = |id| Market::advance_job(RuntimeOrigin::signed(5), id);
		// Four jobs whose bidding ends at block 16 fill that block's share of the queue
		// before the job below gets its commit deadline there.
		let ahead: Vec<_> = (0..4).map(|_| post(spec(1, 10).with_periods(15, 10, 10))).collect();
		let id = post(spec(1, 100));
		bid(10, id, 50);
		run_to_block(6);
		assert_eq!((job(id).status, job(id).deadline), (JobStatus::Committing, 16));
		run_to_block(13);
		let paused = pause_until(20);
		// While paused nobody may push the job past the deadline its provider cannot meet.
		assert_noop!(advance(id), Error::<Test>::MarketPaused);
		Paused::set(&false);
		// Resumed, block 21's four deadlines go to the jobs ahead; the job still waits.
		run_to_block(21);
		let extended = moved(16, paused, 21);
		assert!(ahead.iter().all(|a| job(*a).deadline == extended));
		assert_eq!(job(id).deadline, 16);
		// Pushed ahead of the queue, its phase gets the paused blocks back, as at the queue.
		assert_ok!(advance(id));
		assert_eq!((job(id).status, job(id).deadline), (JobStatus::Committing, extended));
		assert_event(MarketEvent::DeadlineExtended { job_id: id, deadline: extended });
		commit(10, id, result(1));
		reveal(10, id, result(1));
		// Its old queue entry is dropped when reached.
		run_to_block(22);
		assert_eq!(DeadlinePages::<Test>::get(16), 0);
		assert_eq!(job(id).status, JobStatus::ChallengeWindow);
	});
}

// ---------------------------------------------------------------- terms a job keeps

#[test]
fn a_job_keeps_the_challenge_period_it_was_posted_under() {
	test(|| {
		// Posted under a window of 5 blocks.
		let old = assigned_job(1, &[(10, 60)]);
		assert_eq!(Terms::<Test>::get(old).unwrap().challenge_period, 5);
		// Governance lengthens the window: a job posted now gets the new length.
		ChallengePeriod::set(&12);
		let new = assigned_job(1, &[(11, 60)]);
		assert_eq!(Terms::<Test>::get(new).unwrap().challenge_period, 12);
		for (p, id) in [(10, old), (11, new)] {
			commit(p, id, result(1));
			reveal(p, id, result(1));
		}
		// Both windows open now; the older job's has the length it was posted under.
		let opened = System::block_number();
		assert_event(MarketEvent::ChallengeWindowOpened { job_id: old, challenge_by: opened + 5 });
		assert_event(MarketEvent::ChallengeWindowOpened { job_id: new, challenge_by: opened + 12 });
		run_to_block(opened + 5);
		assert_eq!(job(old).status, JobStatus::Settled);
		assert_eq!(job(new).status, JobStatus::ChallengeWindow);
		run_to_block(opened + 12);
		assert_eq!(job(new).status, JobStatus::Settled);
	});
}

#[test]
fn a_challenge_needs_the_bond_floor_the_job_was_posted_under() {
	test(|| {
		// At a max price of 50 the arbiters' pay (3 × 50) is below the floor: the floor
		// decides. Posted under a floor of 300.
		let old = assigned_job_with(spec(1, 50), 10, 40);
		// Governance raises the floor: a job posted now needs the new one.
		ChallengeBond::set(&500);
		let new = assigned_job_with(spec(1, 50), 11, 40);
		for (p, id) in [(10, old), (11, new)] {
			commit(p, id, result(1));
			reveal(p, id, result(1));
		}
		let draw_at = System::block_number() + 1;
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), old));
		assert_event(MarketEvent::ResultChallenged {
			job_id: old,
			challenger: REQUESTER,
			bond: 300,
			draw_at,
		});
		assert_eq!(job(old).challenge_bond, 300);
		assert_eq!(held(HoldReason::ChallengeBond, REQUESTER), 300);
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), new));
		assert_eq!(job(new).challenge_bond, 500);
		assert_eq!(held(HoldReason::ChallengeBond, REQUESTER), 800);
	});
}

#[test]
fn a_provider_pays_the_reputation_fee_of_its_job_s_terms() {
	ExtBuilder::default().reputation_fee(4).run(|| {
		// Posted under a fee of 4.
		let old = assigned_job(1, &[(10, 60)]);
		// Governance raises the fee: a job posted now burns the new one.
		ReputationFee::set(&9);
		let new = assigned_job(1, &[(11, 60)]);
		for (p, id) in [(10, old), (11, new)] {
			commit(p, id, result(1));
			reveal(p, id, result(1));
		}
		run_to_block(job(old).deadline.max(job(new).deadline));
		assert_eq!(job(old).status, JobStatus::Settled);
		assert_eq!(job(new).status, JobStatus::Settled);
		assert_event(MarketEvent::Burnt { job_id: old, amount: 4 });
		assert_event(MarketEvent::Burnt { job_id: new, amount: 9 });
		assert_eq!(burnt(), 13);
		// Each is paid its price of 60, less the fee of its job's terms.
		assert_eq!(total(10), ENDOWMENT + 60 - 4);
		assert_eq!(total(11), ENDOWMENT + 60 - 9);
		assert_eq!(reputation(10).completed, 1);
		assert_eq!(reputation(11).completed, 1);
	});
}

/// The terms upgrade's own try-runtime checks fail on what they guard: terms recorded before
/// the upgrade, and a chain the migration did not reach.
#[cfg(feature = "try-runtime")]
#[test]
fn the_upgrade_s_checks_refuse_terms_before_it_and_jobs_without_terms_after_it() {
	use frame_support::traits::{OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let id = post(spec(1, 100));
		StorageVersion::new(5).put::<Market>();
		assert!(migrations::RecordJobTerms::<Test>::pre_upgrade().is_err());
		Terms::<Test>::remove(id);
		let state = migrations::RecordJobTerms::<Test>::pre_upgrade().expect("no terms yet");
		assert!(migrations::RecordJobTerms::<Test>::post_upgrade(state.clone()).is_err());
		migrations::RecordJobTerms::<Test>::on_runtime_upgrade();
		assert!(migrations::RecordJobTerms::<Test>::post_upgrade(state).is_ok());
	});
}

#[test]
fn the_upgrade_records_every_job_s_terms() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		// Jobs in several phases: committing, in its challenge window, bidding, finished.
		let committing = assigned_job(1, &[(10, 60)]);
		let windowed = assigned_job(1, &[(11, 60)]);
		commit(11, windowed, result(1));
		reveal(11, windowed, result(1));
		assert_eq!(job(windowed).status, JobStatus::ChallengeWindow);
		let open = post(spec(1, 100));
		let cancelled = post(spec(1, 100));
		assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), cancelled));
		let jobs = [committing, windowed, open, cancelled];
		// A chain of storage version 5: jobs without terms, and parameters governance has
		// changed since they were posted. Under version 5 the jobs would use the values now.
		let _ = Terms::<Test>::clear(u32::MAX, None);
		StorageVersion::new(5).put::<Market>();
		ChallengePeriod::set(&8);
		ChallengeBond::set(&400);
		ReputationFee::set(&6);
		#[cfg(feature = "try-runtime")]
		migrations::RecordJobTerms::<Test>::try_on_runtime_upgrade(true)
			.expect("the upgrade's checks pass");
		#[cfg(not(feature = "try-runtime"))]
		migrations::RecordJobTerms::<Test>::on_runtime_upgrade();
		assert_eq!(Market::on_chain_storage_version(), 6);
		let recorded =
			JobTerms::<Test> { challenge_period: 8, least_challenge_bond: 400, reputation_fee: 6 };
		for job_id in jobs {
			assert_eq!(Terms::<Test>::get(job_id), Some(recorded.clone()));
		}
		assert_eq!(Terms::<Test>::iter().count(), jobs.len());
		// At version 6 it does nothing: a later change of the parameters reaches no job.
		ChallengePeriod::set(&20);
		ChallengeBond::set(&1000);
		ReputationFee::set(&1);
		migrations::RecordJobTerms::<Test>::on_runtime_upgrade();
		for job_id in jobs {
			assert_eq!(Terms::<Test>::get(job_id), Some(recorded.clone()));
		}
		// The jobs complete as before, under the terms recorded.
		register(12);
		bid(12, open, 60);
		commit(10, committing, result(1));
		reveal(10, committing, result(1));
		assert_eq!(job(committing).deadline, System::block_number() + 8);
		assert_eq!(Market::challenge_bond_for(committing, &job(committing)), Ok(400));
		run_to_block(job(open).deadline);
		assert_eq!(job(windowed).status, JobStatus::Settled);
		assert_eq!(job(open).status, JobStatus::Committing);
		commit(12, open, result(1));
		reveal(12, open, result(1));
		assert_eq!(job(open).deadline, System::block_number() + 8);
		run_to_block(job(open).deadline);
		for job_id in [committing, windowed, open] {
			assert_eq!(job(job_id).status, JobStatus::Settled);
			assert_event(MarketEvent::Burnt { job_id, amount: 6 });
		}
		assert_eq!(burnt(), 18);
		// A pruned job's terms go with it.
		run_to_block(job(cancelled).deadline + 20);
		assert_ok!(Market::prune_job(RuntimeOrigin::signed(5), cancelled));
		assert!(!Terms::<Test>::contains_key(cancelled));
	});
}

// ---------------------------------------------------------------- storage deposits

#[test]
fn a_finished_job_is_pruned_after_its_retention_and_its_deposit_comes_back() {
	ExtBuilder::default().job_deposit(7).run(|| {
		let id = assigned_job_with(spec(1, 100), 10, 60);
		assert_eq!(job(id).deposit, 7);
		assert_eq!(held(HoldReason::JobDeposit, REQUESTER), 7);
		assert_noop!(
			Market::prune_job(RuntimeOrigin::signed(5), id),
			Error::<Test>::JobNotFinished
		);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		// A finished job's deadline is the block it finished in.
		let ended = job(id).deadline;
		assert_eq!(ended, System::block_number());
		assert!(Results::<Test>::contains_key(id));
		assert!(Terms::<Test>::contains_key(id));
		System::set_block_number(ended + 19);
		assert_noop!(
			Market::prune_job(RuntimeOrigin::signed(5), id),
			Error::<Test>::RetentionNotOver
		);
		// Anyone may prune; the deposit goes back to the requester.
		System::set_block_number(ended + 20);
		assert_ok!(Market::prune_job(RuntimeOrigin::signed(5), id));
		assert_event(MarketEvent::JobPruned { job_id: id, requester: REQUESTER, deposit: 7 });
		assert!(!Jobs::<Test>::contains_key(id));
		assert!(!Results::<Test>::contains_key(id));
		assert!(!Terms::<Test>::contains_key(id));
		assert!(!JobsOfRequester::<Test>::contains_key(REQUESTER, id));
		assert_eq!(held(HoldReason::JobDeposit, REQUESTER), 0);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_noop!(Market::prune_job(RuntimeOrigin::signed(5), id), Error::<Test>::UnknownJob);
	});
}

#[test]
fn every_job_holds_a_deposit_until_pruned() {
	ExtBuilder::default().job_deposit(7).run(|| {
		register(10);
		assert_ok!(offer(10, 50, 2, 100));
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 100)));
		let cancelled = post(spec(1, 100));
		let expired = post(spec(1, 100));
		assert_eq!(held(HoldReason::JobDeposit, REQUESTER), 21);
		assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), cancelled));
		run_to_block(6);
		assert_eq!(job(expired).status, JobStatus::Expired);
		// Finished, but the records and their deposits stay until pruned.
		assert_eq!(held(HoldReason::JobDeposit, REQUESTER), 21);
		run_to_block(26);
		for id in [cancelled, expired] {
			assert_ok!(Market::prune_job(RuntimeOrigin::signed(5), id));
		}
		assert_eq!(held(HoldReason::JobDeposit, REQUESTER), 7);
		// A requester without the deposit cannot post.
		JobDeposit::set(&(ENDOWMENT * 2));
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), spec(1, 100)),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn no_hold_outlives_its_job() {
	test(|| {
		// Nobody acts after bidding: every phase times out on its own.
		let id = assigned_job(3, &[(10, 60), (11, 70), (12, 80)]);
		run_to_block(100);
		assert!(job(id).status.is_terminal());
		for who in [REQUESTER, 10, 11, 12] {
			assert_eq!(held(HoldReason::JobEscrow, who), 0);
			assert_eq!(held(HoldReason::BidBond, who), 0);
		}
		assert_eq!(Deadlines::<Test>::iter().count(), 0);
	});
}

#[test]
fn reputation_starts_at_zero() {
	assert_eq!(Reputation::default().score(), Permill::zero());
	let r = Reputation { completed: 3, slashed: 1, no_shows: 0 };
	assert_eq!(r.score(), Permill::from_rational(3u32, 5u32));
	// Any record with one completed job beats a fresh start.
	let bad = Reputation { completed: 1, slashed: 50, no_shows: 50 };
	assert!(bad.score() > Reputation::default().score());
}

#[test]
fn re_registering_does_not_reset_a_bad_record_into_a_better_one() {
	test(|| {
		let id = assigned_job(1, &[(10, 60)]);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		let earned = reputation(10).score();
		assert!(earned > Permill::zero());
		assert_ok!(Market::unregister(RuntimeOrigin::signed(10)));
		run_to_block(System::block_number() + 10);
		assert_ok!(Market::withdraw_stake(RuntimeOrigin::signed(10)));
		register(10);
		assert_eq!(reputation(10).score(), Permill::zero());
		// A job asking for any reputation at all turns the fresh account away.
		let mut sp = spec(1, 100);
		sp.min_reputation = Some(Permill::from_parts(1));
		let picky = post(sp);
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(10), picky, 50, least_bond(picky)),
			Error::<Test>::ReputationTooLow
		);
	});
}

#[test]
fn each_reputation_point_burns_the_fee() {
	ExtBuilder::default().reputation_fee(4).run(|| {
		// Provider 10 farms with its own second account (2) as requester: each point costs
		// the fee, burnt.
		register(10);
		for round in 0..3u64 {
			let id = NextJobId::<Test>::get();
			assert_ok!(Market::post_job(RuntimeOrigin::signed(2), spec(1, 5)));
			bid(10, id, 5);
			run_to_block(job(id).deadline);
			commit(10, id, result(1));
			reveal(10, id, result(1));
			run_to_block(job(id).deadline);
			assert_eq!(reputation(10).completed, round as u32 + 1);
			assert_event(MarketEvent::Burnt { job_id: id, amount: 4 });
		}
		assert_eq!(total(10) + total(2), 2 * ENDOWMENT - 3 * 4);
		// A job that pays no more than the fee earns no point and burns nothing.
		let id = NextJobId::<Test>::get();
		assert_ok!(Market::post_job(RuntimeOrigin::signed(2), spec(1, 4)));
		bid(10, id, 4);
		run_to_block(job(id).deadline);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(reputation(10).completed, 3);
		assert_eq!(burnt(), 12);
	});
}

#[test]
fn reputation_points_are_backed_by_stake_and_farming_them_costs_stake_and_fees() {
	ExtBuilder::default().reputation_fee(2).run(|| {
		// Provider 10 farms with its own second account (2) as requester and its own offer,
		// the cheapest way to a point (no lot, no competitor). Its stake of 100 (the least)
		// backs 10 points at 10 each (`StakePerPoint`).
		register_with(10, 100);
		let per_point = <<Test as Config>::StakePerPoint as Get<u64>>::get();
		let farm = || {
			let offer = NextOfferId::<Test>::get();
			assert_ok!(Market::post_offer(
				RuntimeOrigin::signed(10),
				5,
				hardware(),
				1,
				100,
				10,
				10,
				OfferScope::any()
			));
			let id = NextJobId::<Test>::get();
			assert_ok!(Market::accept_offer(RuntimeOrigin::signed(2), offer, spec(1, 5)));
			commit(10, id, result(1));
			reveal(10, id, result(1));
			assert_ok!(Market::accept_result(RuntimeOrigin::signed(2), id));
			assert_eq!(job(id).status, JobStatus::Settled);
			id
		};
		let party = || total(10) + total(2);
		let before = party();
		for n in 1..=10u32 {
			let id = farm();
			assert_event(MarketEvent::ReputationEarned { job_id: id, provider: 10, completed: n });
		}
		// Each point burnt the fee; that and the held stake are what the points cost.
		assert_eq!(party(), before - 10 * 2);
		assert_eq!(reputation(10).completed, 100 / per_point as u32);
		// An eleventh job is paid but earns no point and burns nothing: the stake backs no more.
		let id = farm();
		assert_eq!(reputation(10).completed, 10);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Market(MarketEvent::ReputationEarned { job_id, .. }) if job_id == id
		)));
		assert_eq!(party(), before - 10 * 2);
		// Holding more stake backs more points.
		assert_ok!(Market::add_stake(RuntimeOrigin::signed(10), per_point));
		let id = farm();
		assert_event(MarketEvent::ReputationEarned { job_id: id, provider: 10, completed: 11 });
		assert_eq!(held(HoldReason::ProviderStake, 10), 11 * per_point);
	});
}

// ---------------------------------------------------------------- rules against many accounts

#[test]
fn the_chain_sets_floors_for_execution_and_reveal_periods() {
	test(|| {
		MinExecutionPeriod::set(&3);
		MinRevealPeriod::set(&4);
		let o = || RuntimeOrigin::signed(REQUESTER);
		assert_noop!(
			Market::post_job(o(), spec(1, 100).with_periods(5, 2, 10)),
			Error::<Test>::InvalidExecutionPeriod
		);
		assert_noop!(
			Market::post_job(o(), spec(1, 100).with_periods(5, 10, 3)),
			Error::<Test>::InvalidRevealPeriod
		);
		register(10);
		// An offer may not promise periods below them either.
		assert_noop!(
			Market::post_offer(
				RuntimeOrigin::signed(10),
				50,
				hardware(),
				1,
				100,
				2,
				10,
				OfferScope::any()
			),
			Error::<Test>::InvalidExecutionPeriod
		);
		assert_noop!(
			Market::post_offer(
				RuntimeOrigin::signed(10),
				50,
				hardware(),
				1,
				100,
				10,
				3,
				OfferScope::any()
			),
			Error::<Test>::InvalidRevealPeriod
		);
		// At the floors, a job is posted and runs.
		let id = post(spec(1, 100).with_periods(5, 3, 4));
		bid(10, id, 50);
		run_to_block(job(id).deadline);
		assert_eq!(job(id).deadline, System::block_number() + 3);
	});
}

/// Posts a standing offer of `who` at `price` per job plus `per_unit` per token, for jobs
/// of at most `max_amount` tokens.
fn offer_by_tokens(
	who: AccountId,
	price: Balance,
	per_unit: Balance,
	max_amount: u64,
) -> frame_support::dispatch::DispatchResult {
	Market::post_unit_offer(
		RuntimeOrigin::signed(who),
		price,
		hardware(),
		5,
		100,
		10,
		10,
		OfferScope::any(),
		UnitPrice { unit: WorkUnit::Tokens, per_unit, max_amount },
	)
}

fn tokens(amount: u64) -> Work {
	Work { unit: WorkUnit::Tokens, amount }
}

#[test]
fn a_job_declares_its_work_and_an_offer_charges_by_the_unit() {
	test(|| {
		register(10);
		// Declared work is more than nothing.
		assert_noop!(
			Market::post_job_with_work(RuntimeOrigin::signed(REQUESTER), spec(1, 100), tokens(0)),
			Error::<Test>::InvalidWork
		);
		let declared = NextJobId::<Test>::get();
		let pixels = Work { unit: WorkUnit::Pixels, amount: 1_000_000 };
		assert_ok!(Market::post_job_with_work(
			RuntimeOrigin::signed(REQUESTER),
			spec(1, 100),
			pixels
		));
		assert_eq!(JobWork::<Test>::get(declared), Some(pixels));
		assert_eq!(JobWork::<Test>::get(post(spec(1, 100))), None);
		// An offer by the unit names a most above zero.
		assert_noop!(offer_by_tokens(10, 50, 2, 0), Error::<Test>::InvalidOfferScope);
		assert_ok!(offer_by_tokens(10, 50, 2, 100));
		let take = |sp: JobSpec<Test>, work: Work| {
			Market::accept_offer_with_work(RuntimeOrigin::signed(REQUESTER), 0, sp, work)
		};
		// It takes only work declared in its unit, within its most, at its price for it.
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, spec(1, 1_000)),
			Error::<Test>::WorkNotOffered
		);
		assert_noop!(
			take(spec(1, 1_000), Work { unit: WorkUnit::Pixels, amount: 40 }),
			Error::<Test>::WorkNotOffered
		);
		assert_noop!(take(spec(1, 1_000), tokens(101)), Error::<Test>::WorkAboveOffer);
		assert_noop!(take(spec(1, 1_000), tokens(0)), Error::<Test>::InvalidWork);
		// 50 + 2 × 40 = 130 is more than a job paying 129 pays.
		assert_noop!(take(spec(1, 129), tokens(40)), Error::<Test>::OfferTooExpensive);
		let held_before = held(HoldReason::JobEscrow, REQUESTER);
		let id = NextJobId::<Test>::get();
		assert_ok!(take(spec(1, 130), tokens(40)));
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER) - held_before, 130);
		assert_eq!(JobWork::<Test>::get(id), Some(tokens(40)));
		assert_eq!(Assignments::<Test>::get(id)[0].price, 130);
		assert_event(MarketEvent::JobAssigned {
			job_id: id,
			providers: BoundedVec::truncate_from(vec![10]),
			price: 130,
			commit_by: System::block_number() + 10,
		});
		// The provider is paid that price for a verified result.
		let before = total(10);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		let fee = Terms::<Test>::get(id).unwrap().reputation_fee;
		assert_eq!(total(10), before + 130 - fee);
		// Pruning the job removes its declared work.
		run_to_block(job(id).deadline + <<Test as Config>::RetentionPeriod as Get<u64>>::get());
		assert_ok!(Market::prune_job(RuntimeOrigin::signed(5), id));
		assert_eq!(JobWork::<Test>::get(id), None);
		// A price per unit that overflows the balance is refused, not wrapped.
		assert_ok!(offer_by_tokens(10, 50, Balance::MAX / 2, 100));
		let dear = NextOfferId::<Test>::get() - 1;
		assert_noop!(
			Market::accept_offer_with_work(
				RuntimeOrigin::signed(REQUESTER),
				dear,
				spec(1, Balance::MAX),
				tokens(3)
			),
			Error::<Test>::BudgetOverflow
		);
		// Withdrawing an offer removes its unit price.
		assert_ok!(Market::withdraw_offer(RuntimeOrigin::signed(10), dear));
		assert_eq!(OfferUnitPrices::<Test>::get(dear), None);
		// An offer priced per job takes jobs whatever they declare, at its price.
		assert_ok!(offer(10, 60, 1, 100));
		let flat = NextOfferId::<Test>::get() - 1;
		let id = NextJobId::<Test>::get();
		let audio = Work { unit: WorkUnit::AudioMilliseconds, amount: 5_000 };
		assert_ok!(Market::accept_offer_with_work(
			RuntimeOrigin::signed(REQUESTER),
			flat,
			spec(1, 100),
			audio
		));
		assert_eq!(Assignments::<Test>::get(id)[0].price, 60);
		assert_eq!(JobWork::<Test>::get(id), Some(audio));
		// Used up, it is gone, and so is its unit price had it one.
		assert!(Offers::<Test>::get(flat).is_none());
	});
}

#[test]
fn an_offer_states_the_periods_a_requester_must_give() {
	test(|| {
		register(10);
		assert_noop!(
			Market::post_offer(
				RuntimeOrigin::signed(10),
				50,
				hardware(),
				1,
				100,
				0,
				10,
				OfferScope::any()
			),
			Error::<Test>::InvalidExecutionPeriod
		);
		assert_noop!(
			Market::post_offer(
				RuntimeOrigin::signed(10),
				50,
				hardware(),
				1,
				100,
				10,
				51,
				OfferScope::any()
			),
			Error::<Test>::InvalidRevealPeriod
		);
		assert_ok!(Market::post_offer(
			RuntimeOrigin::signed(10),
			50,
			hardware(),
			2,
			100,
			8,
			4,
			OfferScope::any()
		));
		// A requester may not take the offer with a deadline the provider cannot meet.
		let mut sp = spec(1, 100);
		sp.execution_period = 1;
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, sp),
			Error::<Test>::PeriodsBelowOffer
		);
		let mut sp = spec(1, 100);
		sp.reveal_period = 3;
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, sp),
			Error::<Test>::PeriodsBelowOffer
		);
		let mut sp = spec(1, 100);
		sp.execution_period = 8;
		sp.reveal_period = 4;
		assert_ok!(Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, sp));
		assert_eq!(job(0).deadline, 1 + 8);
	});
}

#[test]
fn an_offer_states_the_workload_kinds_sizes_and_tolerance_it_takes() {
	test(|| {
		register(10);
		let post = |scope: OfferScope| {
			Market::post_offer(RuntimeOrigin::signed(10), 50, hardware(), 1, 100, 10, 10, scope)
		};
		let scope = |kinds: Vec<WorkloadKind>| OfferScope {
			kinds: BoundedVec::truncate_from(kinds),
			max_workload_size: 1 << 20,
			max_input_size: 1 << 10,
			min_tolerance: 2,
		};
		// An offer names what it runs: something, and nothing twice.
		assert_noop!(post(scope(vec![])), Error::<Test>::InvalidOfferScope);
		assert_noop!(
			post(scope(vec![WorkloadKind::Onnx, WorkloadKind::Wasm, WorkloadKind::Onnx])),
			Error::<Test>::InvalidOfferScope
		);
		// Sizes it can compare with a declared one, a tolerance a job can have.
		let mut unbounded = scope(vec![WorkloadKind::Onnx]);
		unbounded.max_input_size = UNDECLARED_SIZE;
		assert_noop!(post(unbounded), Error::<Test>::InvalidOfferScope);
		let mut picky = scope(vec![WorkloadKind::Onnx]);
		picky.min_tolerance = 10_001;
		assert_noop!(post(picky), Error::<Test>::InvalidOfferScope);
		assert_ok!(post(scope(vec![WorkloadKind::Wasm, WorkloadKind::Onnx])));
		assert_eq!(offer_of(0).scope, scope(vec![WorkloadKind::Wasm, WorkloadKind::Onnx]));

		// A requester (with the accounts it likes) cannot bind the provider to anything else:
		// each attempt fails with its own error and changes nothing, the provider's bond
		// included.
		let accept =
			|sp: JobSpec<Test>| Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, sp);
		let within = || spec(1, 100).with_workload(WorkloadKind::Onnx, 1 << 20, 1 << 10);
		let container = within().with_workload(WorkloadKind::Container, 10, 10);
		assert_noop!(accept(container), Error::<Test>::WorkloadKindNotOffered);
		let big_model = within().with_workload(WorkloadKind::Onnx, (1 << 20) + 1, 1 << 10);
		assert_noop!(accept(big_model), Error::<Test>::WorkloadTooLarge);
		let undeclared = within().with_workload(WorkloadKind::Onnx, UNDECLARED_SIZE, 1 << 10);
		assert_noop!(accept(undeclared), Error::<Test>::WorkloadTooLarge);
		let big_input = within().with_workload(WorkloadKind::Wasm, 1, (1 << 10) + 1);
		assert_noop!(accept(big_input), Error::<Test>::InputTooLarge);
		assert_noop!(accept(within().with_tolerance(1)), Error::<Test>::ToleranceBelowOffer);
		assert_eq!(held(HoldReason::BidBond, 10), 0);
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 0);

		// At the offer's limits, with the chain's default tolerance (10 here), the job runs.
		let id = NextJobId::<Test>::get();
		assert_ok!(accept(within()));
		assert_eq!(job(id).spec.tolerance, Some(10));
		assert_eq!(job(id).spec.input.size, 1 << 10);
		assert_eq!(job(id).status, JobStatus::Committing);
	});
}

#[test]
fn a_royalty_raised_before_inclusion_fails_with_a_named_error() {
	test(|| {
		MockRegistry::add(7, OWNER, 10, None);
		MockRegistry::add(8, OWNER, 5, None);
		let mut sp = spec_with_assets(1, 100, vec![7, 8]);
		sp.max_royalties = 15;
		// The owner raises the royalty while the job waits in the pool.
		MockRegistry::update(8, |a| a.royalty = 6);
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), sp.clone()),
			Error::<Test>::RoyaltiesAboveMax
		);
		register(10);
		assert_ok!(offer(10, 50, 1, 100));
		assert_noop!(
			Market::accept_offer(RuntimeOrigin::signed(REQUESTER), 0, sp.clone()),
			Error::<Test>::RoyaltiesAboveMax
		);
		MockRegistry::update(8, |a| a.royalty = 5);
		assert_ok!(Market::post_job(RuntimeOrigin::signed(REQUESTER), sp));
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 115);
	});
}

#[test]
fn bids_cannot_be_retracted_in_the_second_half_of_bidding() {
	test(|| {
		register(10);
		let mut sp = spec(1, 100);
		sp.bidding_period = 10;
		let id = post(sp);
		// Posted at block 1, bidding ends at 11; retraction closes at 11 - 5 = 6.
		bid(10, id, 50);
		run_to_block(5);
		assert_ok!(Market::retract_bid(RuntimeOrigin::signed(10), id));
		bid(10, id, 50);
		run_to_block(6);
		assert_noop!(
			Market::retract_bid(RuntimeOrigin::signed(10), id),
			Error::<Test>::RetractionClosed
		);
	});
}

#[test]
fn squatting_a_jobs_bids_costs_the_squatter_its_bonds() {
	test(|| {
		// Six accounts of one squatter fill all six bid slots at 1 planck on a k = 1 job;
		// honest bidders cannot beat the price, and retracting late is not allowed.
		let squatters: Vec<AccountId> = (10..16).collect();
		for p in &squatters {
			register(*p);
		}
		let posted = System::block_number();
		let id = post(spec(1, 100));
		for p in &squatters {
			bid(*p, id, 1);
		}
		// An honest bidder with the least bond cannot get in, whatever its price; one that
		// locks more on this job takes a squatter's place (the squatter's bond comes back).
		register(16);
		assert_noop!(
			Market::place_bid(RuntimeOrigin::signed(16), id, 1, least_bond(id)),
			Error::<Test>::BidNotCompetitive
		);
		register(17);
		bid_with(17, id, 50, least_bond(id) + 1);
		assert_event(MarketEvent::BidRemoved {
			job_id: id,
			provider: 15,
			reason: BidRemoval::Displaced,
		});
		assert_ok!(Market::retract_bid(RuntimeOrigin::signed(17), id));
		bid(15, id, 1);
		run_to_block(job(id).deadline - 2);
		assert_noop!(
			Market::retract_bid(RuntimeOrigin::signed(10), id),
			Error::<Test>::RetractionClosed
		);
		// The winner does not run the job: its bond is burnt, and the job ends within its
		// bidding, execution and reveal periods, with the requester refunded.
		run_to_block(posted + 5 + 10 + 10);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(burnt(), 10);
		let lost: Balance = squatters.iter().map(|p| ENDOWMENT - total(*p)).sum();
		assert_eq!(lost, 10);
	});
}

#[test]
fn integrity_test_passes_for_the_mock() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| Market::integrity_test());
}

#[test]
fn provider_index_lists_bids_and_assignments() {
	test(|| {
		let id = assigned_job(1, &[(10, 60), (11, 70)]);
		let won = winners(id)[0];
		let lost = if won == 10 { 11 } else { 10 };
		assert!(JobsOfProvider::<Test>::contains_key(won, id));
		assert!(!JobsOfProvider::<Test>::contains_key(lost, id));
		commit(won, id, result(1));
		reveal(won, id, result(1));
		run_to_block(job(id).deadline);
		assert!(!JobsOfProvider::<Test>::contains_key(won, id));
	});
}

#[test]
fn origin_must_be_signed() {
	test(|| {
		assert_noop!(Market::advance_job(RuntimeOrigin::none(), 0), DispatchError::BadOrigin);
		assert_noop!(
			Market::post_job(RuntimeOrigin::root(), spec(1, 10)),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------- read API

#[test]
fn read_api_pages_jobs_and_matches_hardware() {
	test(|| {
		register(10);
		let ids: Vec<_> = (0..5).map(|_| post(spec(1, 50))).collect();
		let mut sp = spec(1, 50);
		sp.requirements.gpu_count = 8;
		let big = post(sp);
		let mut sp = spec(1, 50);
		sp.region = Some(1);
		let elsewhere = post(sp);

		// Requester's jobs, two per page, until the end.
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let page = Market::jobs_of_requester(REQUESTER, cursor, 2);
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 2);
			cursor = page.last().copied();
			seen.extend(page);
		}
		seen.sort();
		assert_eq!(seen, (0..7).collect::<Vec<_>>());

		// Open jobs this provider's hardware and region fit.
		let (page, next) = Market::open_jobs_for(hardware(), REGION, None, 100);
		let mut page = page;
		page.sort();
		assert_eq!(page, ids);
		assert!(next.is_none());
		assert!(!page.contains(&big) && !page.contains(&elsewhere));

		bid(10, ids[0], 40);
		assert_eq!(Market::jobs_of_provider(10, None, 10), vec![ids[0]]);
		let details = Market::job_details(ids[0]).unwrap();
		assert_eq!(details.bids.len(), 1);
		assert!(details.result.is_none());
		// Jobs 0-3 close at block 6; 4-6 found block 6 full and close at 7.
		run_to_block(7);
		// Bidding closed: no job is open any more.
		assert!(Market::open_jobs_for(hardware(), REGION, None, 100).0.is_empty());
		assert_eq!(Market::job_details(ids[0]).unwrap().assignments.len(), 1);
		assert!(Market::job_details(99).is_none());
	});
}

// ---------------------------------------------------------------- data assets and royalties

const OWNER: AccountId = 20;

fn spec_with_assets(replicas: u32, max_price: Balance, assets: Vec<u64>) -> JobSpec<Test> {
	JobSpec::new(replicas, max_price).with_assets(assets)
}

#[test]
fn permitted_use_pays_the_owner_its_royalty() {
	test(|| {
		MockRegistry::add(7, OWNER, 15, Some(vec![REQUESTER]));
		register(10);
		let id = post(spec_with_assets(1, 100, vec![7]));
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 115);
		assert_eq!(MockRegistry::get(7).in_flight, 1);
		bid(10, id, 60);
		run_to_block(6);
		// Bidding refunds the unused budget but keeps the royalty.
		assert_eq!(job(id).escrow, 75);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(free(OWNER), ENDOWMENT + 15);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60 - 15);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, Some((OWNER, 15)))]);
		assert_eq!(MockRegistry::get(7).in_flight, 0);
	});
}

#[test]
fn denied_use_is_rejected_with_the_registry_error() {
	test(|| {
		MockRegistry::add(7, OWNER, 15, Some(vec![]));
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), spec_with_assets(1, 100, vec![7])),
			DispatchError::Other("AccessDenied")
		);
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), spec_with_assets(1, 100, vec![8])),
			DispatchError::Other("UnknownAsset")
		);
		MockRegistry::add(8, OWNER, 1, None);
		assert_noop!(
			Market::post_job(
				RuntimeOrigin::signed(REQUESTER),
				spec_with_assets(1, 100, vec![8, 8])
			),
			Error::<Test>::DuplicateAsset
		);
		register(10);
		assert_ok!(offer(10, 50, 1, 100));
		assert_noop!(
			Market::accept_offer(
				RuntimeOrigin::signed(REQUESTER),
				0,
				spec_with_assets(1, 100, vec![7])
			),
			DispatchError::Other("AccessDenied")
		);
	});
}

#[test]
fn revocation_stops_new_jobs_but_not_posted_ones() {
	test(|| {
		MockRegistry::add(7, OWNER, 10, Some(vec![REQUESTER]));
		let first = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
		MockRegistry::update(7, |a| a.allowed = Some(vec![]));
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(REQUESTER), spec_with_assets(1, 100, vec![7])),
			DispatchError::Other("AccessDenied")
		);
		// The job posted under consent finishes and pays the royalty it was posted with.
		MockRegistry::update(7, |a| a.royalty = 99);
		commit(10, first, result(1));
		reveal(10, first, result(1));
		run_to_block(job(first).deadline);
		assert_eq!(free(OWNER), ENDOWMENT + 10);
	});
}

#[test]
fn retirement_with_a_job_in_flight() {
	test(|| {
		MockRegistry::add(7, OWNER, 10, None);
		let id = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
		MockRegistry::update(7, |a| a.retired = true);
		assert_noop!(
			Market::post_job(RuntimeOrigin::signed(2), spec_with_assets(1, 100, vec![7])),
			DispatchError::Other("AssetRetired")
		);
		assert_eq!(MockRegistry::get(7).in_flight, 1);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(MockRegistry::get(7).in_flight, 0);
		assert_eq!(free(OWNER), ENDOWMENT + 10);
	});
}

/// A k = 2 job using assets 7 (royalty 10) and 8 (royalty 5) of `OWNER`, assigned to 10 (at
/// 80) and 11 (at 90), both of which committed: 10 to result 1, 11 to result 2.
fn committed_job_with_two_assets() -> JobId {
	MockRegistry::add(7, OWNER, 10, None);
	MockRegistry::add(8, OWNER, 5, None);
	for p in [10, 11] {
		register(p);
	}
	let id = post(spec_with_assets(2, 100, vec![7, 8]));
	assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 215);
	bid(10, id, 80);
	bid(11, id, 90);
	run_to_block(6);
	commit(10, id, result(1));
	commit(11, id, result(2));
	id
}

#[test]
fn royalty_is_refunded_on_a_failed_job() {
	test(|| {
		let id = committed_job_with_two_assets();
		// Nobody reveals: no result, no royalty.
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed { job_id: id, reason: FailureReason::NoResult });
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(free(OWNER), ENDOWMENT);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None), (8, id, REQUESTER, None)]);
	});
}

#[test]
fn royalties_are_paid_when_an_inconclusive_round_pays_its_replicas() {
	test(|| {
		let id = committed_job_with_two_assets();
		reveal(10, id, result(1));
		reveal(11, id, result(2));
		// Disputed, and nobody is in the arbiter pool: nothing is verified, but both replicas
		// ran the job on the owner's data and are paid, and so is the owner.
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed {
			job_id: id,
			reason: FailureReason::ArbitrationInconclusive,
		});
		// Both were assigned at the clearing price, 90.
		assert_eq!(free(REQUESTER), ENDOWMENT - 90 - 90 - 15);
		assert_eq!(free(OWNER), ENDOWMENT + 15);
		assert_eq!(
			MockRegistry::uses(),
			vec![(7, id, REQUESTER, Some((OWNER, 10))), (8, id, REQUESTER, Some((OWNER, 5)))]
		);
	});
}

#[test]
fn royalties_are_refunded_on_expiry_and_cancel() {
	test(|| {
		MockRegistry::add(7, OWNER, 10, None);
		let expired = post(spec_with_assets(1, 100, vec![7]));
		let cancelled = post(spec_with_assets(1, 100, vec![7]));
		assert_ok!(Market::cancel_job(RuntimeOrigin::signed(REQUESTER), cancelled));
		run_to_block(6);
		assert_eq!(job(expired).status, JobStatus::Expired);
		assert_eq!(free(REQUESTER), ENDOWMENT);
		assert_eq!(MockRegistry::get(7).in_flight, 0);
	});
}

#[test]
fn a_requester_using_its_own_asset_pays_itself_nothing() {
	test(|| {
		MockRegistry::add(7, REQUESTER, 10, Some(vec![]));
		let id = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		// Nothing moved, so the registry records no royalty paid.
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None)]);
	});
}

#[test]
fn a_royalty_that_cannot_be_paid_goes_back_to_the_requester() {
	test(|| {
		// Owners 98 and 99 have no account. The mock's existential deposit is 5: a royalty of
		// 10 creates 98's account, one of 3 cannot be paid to 99.
		assert_eq!(Balances::minimum_balance(), 5);
		MockRegistry::add(7, 98, 10, None);
		MockRegistry::add(8, 99, 3, None);
		let id = assigned_job_with(spec_with_assets(1, 100, vec![7, 8]), 10, 60);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_event(MarketEvent::PaymentFailed {
			job_id: id,
			to: 99,
			amount: 3,
			error: sp_runtime::TokenError::CannotCreate.into(),
		});
		assert_eq!(free(98), 10);
		assert_eq!(free(99), 0);
		// The unpaid royalty came back with the refund; nothing stays held.
		assert_eq!(free(REQUESTER), ENDOWMENT - 60 - 10);
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 0);
		assert_eq!(
			MockRegistry::uses(),
			vec![(7, id, REQUESTER, Some((98, 10))), (8, id, REQUESTER, None)]
		);
	});
}

#[test]
fn accepted_offer_escrows_royalties() {
	test(|| {
		MockRegistry::add(7, OWNER, 10, None);
		register(10);
		assert_ok!(offer(10, 50, 1, 100));
		assert_ok!(Market::accept_offer(
			RuntimeOrigin::signed(REQUESTER),
			0,
			spec_with_assets(1, 100, vec![7])
		));
		assert_eq!(held(HoldReason::JobEscrow, REQUESTER), 60);
		commit(10, 0, result(1));
		reveal(10, 0, result(1));
		run_to_block(job(0).deadline);
		assert_eq!(free(OWNER), ENDOWMENT + 10);
		assert_eq!(free(10), ENDOWMENT - STAKE + 50);
	});
}

/// Posts `spec` (k = 1), lets provider `p` bid `price`, and closes bidding.
fn assigned_job_with(spec: JobSpec<Test>, p: AccountId, price: Balance) -> JobId {
	register(p);
	let id = post(spec);
	bid(p, id, price);
	run_to_block(job(id).deadline);
	assert_eq!(job(id).status, JobStatus::Committing);
	id
}

// ---------------------------------------------------------------- content that could not be had

/// The drawn arbiters of `id` commit and reveal `results`, in the order they were drawn.
fn arbitrate_hashes(id: JobId, results: [H256; 3]) -> Vec<AccountId> {
	let arbiters = draw(id);
	for (p, r) in arbiters.iter().zip(results) {
		commit(*p, id, r);
	}
	for (p, r) in arbiters.iter().zip(results) {
		reveal(*p, id, r);
	}
	arbiters
}

/// A k = 1 job of `REQUESTER` using asset 7 of `OWNER` (royalty 15), won by provider 10 at 60,
/// whose result says the content could not be had: the requester's own provider, or an
/// honest one the owner's server refused.
fn unavailable_job() -> JobId {
	MockRegistry::add(7, OWNER, 15, None);
	let id = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
	commit(10, id, content_unavailable());
	reveal(10, id, content_unavailable());
	assert_eq!(job(id).status, JobStatus::ChallengeWindow);
	id
}

#[test]
fn the_content_unavailable_hash_is_that_of_its_document() {
	test(|| {
		let document = br#"{"status":"failed","reason":"content_unavailable"}"#;
		assert_eq!(content_unavailable(), H256(sp_io::hashing::blake2_256(document)));
		// Clients read it from the metadata.
		let constants = Market::pallet_constants_metadata();
		let c = constants.iter().find(|c| c.name == "ContentUnavailable").unwrap();
		assert_eq!(c.value, codec::Encode::encode(&content_unavailable()));
	});
}

#[test]
fn content_nobody_could_have_pays_the_provider_but_no_royalty() {
	test(|| {
		let id = unavailable_job();
		// The owners may still challenge: the requester cannot close the window early.
		assert_noop!(
			Market::accept_result(RuntimeOrigin::signed(REQUESTER), id),
			Error::<Test>::OwnersMayChallenge
		);
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, content_unavailable());
		// The provider tried and is paid its price; the owner whose data was not had is not.
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_eq!(free(OWNER), ENDOWMENT);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None)]);
		// Saying the content could not be had earns no reputation.
		assert_eq!(reputation(10).completed, 0);
	});
}

#[test]
fn a_requester_using_only_its_own_data_may_accept_an_unavailable_result() {
	test(|| {
		MockRegistry::add(7, REQUESTER, 15, None);
		let id = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
		commit(10, id, content_unavailable());
		reveal(10, id, content_unavailable());
		assert_ok!(Market::accept_result(RuntimeOrigin::signed(REQUESTER), id));
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
	});
}

#[test]
fn only_the_requester_or_an_owner_of_content_said_unavailable_may_challenge() {
	test(|| {
		let id = unavailable_job();
		// Nobody else may challenge, not even the provider.
		for who in [2, 10] {
			assert_noop!(
				Market::challenge_result(RuntimeOrigin::signed(who), id),
				Error::<Test>::MayNotChallenge
			);
		}
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(OWNER), id));
		assert_event(MarketEvent::ResultChallenged {
			job_id: id,
			challenger: OWNER,
			bond: 300,
			draw_at: System::block_number() + 1,
		});
		assert_eq!(held(HoldReason::ChallengeBond, OWNER), 300);
		assert_eq!(Challengers::<Test>::get(id), Some(OWNER));
		// A result: the owner is paid its royalty and has nothing to challenge.
		let other = assigned_job_with(spec_with_assets(1, 100, vec![7]), 11, 60);
		commit(11, other, result(1));
		reveal(11, other, result(1));
		assert_noop!(
			Market::challenge_result(RuntimeOrigin::signed(OWNER), other),
			Error::<Test>::MayNotChallenge
		);
	});
}

#[test]
fn an_owner_overturns_a_requesters_own_provider_saying_its_data_was_unavailable() {
	test(|| {
		// The requester (1) and its provider (10) are one party: the provider had the data
		// and says it had not, so that no royalty is paid. The owner challenges.
		pool(&ARBITERS);
		let id = unavailable_job();
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(OWNER), id));
		let arbiters = arbitrate(id, [2, 2, 2]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(2));
		// The owner gets its bond back and its royalty.
		assert_eq!(free(OWNER), ENDOWMENT + 15);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, Some((OWNER, 15)))]);
		// The provider is not shown wrong (a server may refuse one replica and serve
		// another) but is not paid: its price (60) pays the arbiters.
		assert_eq!(total(10), ENDOWMENT);
		assert_eq!(reputation(10), Reputation::default());
		for a in &arbiters {
			assert_eq!(total(*a), ENDOWMENT + 20);
		}
		assert_eq!(free(REQUESTER), ENDOWMENT - 60 - 15);
		// The party paid 75 for a result it could have had for 15 (its provider paid 60).
		assert_eq!(total(REQUESTER) + total(10), 2 * ENDOWMENT - 75);
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn an_owner_whose_server_refused_loses_its_challenge_bond_and_pays_no_arbiter() {
	test(|| {
		pool(&ARBITERS);
		let id = unavailable_job();
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(OWNER), id));
		let u = content_unavailable();
		let arbiters = arbitrate_hashes(id, [u, u, u]);
		assert_eq!(job(id).status, JobStatus::Settled);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, u);
		// The owner was wrong: its challenge bond (300) is burnt. Arbiters who could not get
		// the content ran nothing and are not paid (so saying so never pays); their bonds
		// come back.
		assert_event(MarketEvent::ChallengeBondForfeited { job_id: id, amount: 300 });
		assert_eq!(free(OWNER), ENDOWMENT - 300);
		assert_eq!(burnt(), 300);
		for a in &arbiters {
			assert_eq!(total(*a), ENDOWMENT);
			assert_eq!(reputation(*a), Reputation::default());
		}
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None)]);
		assert_eq!(Challengers::<Test>::get(id), None);
	});
}

#[test]
fn an_owners_challenge_without_enough_arbiters_returns_its_bond() {
	test(|| {
		// The owner is in the pool itself, with two others: as the challenger it is out of the
		// draw, so only two arbiters can be found and the round is inconclusive.
		pool(&[OWNER, 21, 22]);
		let id = unavailable_job();
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(OWNER), id));
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_event(MarketEvent::JobFailed {
			job_id: id,
			reason: FailureReason::ArbitrationInconclusive,
		});
		// Nobody was shown wrong: the bond goes back to the owner, the provider is paid, and
		// no royalty is paid for content nobody showed was had.
		assert_eq!(free(OWNER), ENDOWMENT - STAKE);
		assert_eq!(total(OWNER), ENDOWMENT);
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None)]);
		assert_eq!(Challengers::<Test>::get(id), None);
		for a in [21, 22] {
			assert_eq!(total(a), ENDOWMENT);
		}
	});
}

#[test]
fn a_server_that_refuses_only_the_replica_cannot_get_it_slashed() {
	test(|| {
		// The requester's server refused provider 10 and serves the arbiters, then it
		// challenges the honest "unavailable" to have the provider slashed.
		pool(&ARBITERS);
		let id = assigned_job(1, &[(10, 60)]);
		commit(10, id, content_unavailable());
		reveal(10, id, content_unavailable());
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
		let u = content_unavailable();
		let arbiters = arbitrate_hashes(id, [result(2), result(2), u]);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(2));
		// Neither the provider nor the arbiter the server also refused is slashed.
		assert_eq!(total(10), ENDOWMENT);
		assert_eq!(reputation(10), Reputation::default());
		assert_eq!(total(arbiters[2]), ENDOWMENT);
		assert_eq!(reputation(arbiters[2]), Reputation::default());
		// The provider's unpaid price (60) pays the two arbiters in the majority.
		assert_eq!(total(arbiters[0]), ENDOWMENT + 30);
		assert_eq!(total(arbiters[1]), ENDOWMENT + 30);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_eq!(burnt(), 0);
	});
}

#[test]
fn two_replicas_saying_unavailable_do_not_outvote_one_that_computed() {
	test(|| {
		// The requester's party holds replicas 10 and 11 and says the owner's data was
		// unavailable; replica 12 computed. No unanimity, so arbiters decide.
		MockRegistry::add(7, OWNER, 15, None);
		pool(&ARBITERS);
		for p in [10, 11, 12] {
			register(p);
		}
		let id = post(spec_with_assets(3, 100, vec![7]));
		for p in [10, 11, 12] {
			bid(p, id, 60);
		}
		run_to_block(job(id).deadline);
		let u = content_unavailable();
		let results = [(10, u), (11, u), (12, result(1))];
		for (p, r) in results {
			commit(p, id, r);
		}
		for (p, r) in results {
			reveal(p, id, r);
		}
		assert_eq!(job(id).status, JobStatus::Drawing);
		let arbiters = arbitrate(id, [1, 1, 1]);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, result(1));
		assert_eq!(total(12), ENDOWMENT + 60);
		assert_eq!(total(10), ENDOWMENT);
		assert_eq!(total(11), ENDOWMENT);
		assert_eq!(free(OWNER), ENDOWMENT + 15);
		// The two unpaid prices (120) pay the arbiters 40 each.
		for a in &arbiters {
			assert_eq!(total(*a), ENDOWMENT + 40);
		}
		assert_eq!(free(REQUESTER), ENDOWMENT - 60 - 120 - 15);
	});
}

#[test]
fn an_inconclusive_round_pays_no_royalty_when_nobody_had_the_content() {
	test(|| {
		MockRegistry::add(7, OWNER, 15, None);
		for p in [10, 11] {
			register(p);
		}
		let id = post(spec_with_assets(2, 100, vec![7]));
		bid(10, id, 60);
		bid(11, id, 60);
		run_to_block(job(id).deadline);
		commit(10, id, content_unavailable());
		run_to_block(job(id).deadline);
		reveal(10, id, content_unavailable());
		// One reveal of two is no majority: disputed, and nobody is in the arbiter pool.
		run_to_block(job(id).deadline);
		assert_eq!(job(id).status, JobStatus::Failed);
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(total(11), ENDOWMENT - 10);
		assert_eq!(free(OWNER), ENDOWMENT);
		assert_eq!(MockRegistry::uses(), vec![(7, id, REQUESTER, None)]);
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
	});
}

#[test]
fn a_result_the_arbiters_cannot_check_for_want_of_content_is_paid() {
	test(|| {
		// Provider 10 got the owner's data and computed; the requester challenges, and the
		// arbiters cannot get the data: the provider is paid all the same and keeps its
		// bond, the challenge bond goes back, and nobody is paid a royalty.
		MockRegistry::add(7, OWNER, 15, None);
		pool(&ARBITERS);
		let id = assigned_job_with(spec_with_assets(1, 100, vec![7]), 10, 60);
		commit(10, id, result(1));
		reveal(10, id, result(1));
		assert_ok!(Market::challenge_result(RuntimeOrigin::signed(REQUESTER), id));
		let u = content_unavailable();
		let arbiters = arbitrate_hashes(id, [u, u, u]);
		assert_eq!(Results::<Test>::get(id).unwrap().result_hash, u);
		assert_eq!(total(10), ENDOWMENT + 60);
		assert_eq!(reputation(10), Reputation::default());
		assert_eq!(free(REQUESTER), ENDOWMENT - 60);
		assert_eq!(free(OWNER), ENDOWMENT);
		// A verdict of "unavailable" pays no arbiter: their bonds come back.
		for a in &arbiters {
			assert_eq!(total(*a), ENDOWMENT);
		}
		assert_eq!(burnt(), 0);
	});
}
