//! Benchmarks of every call and of `on_initialize`, each in its worst case.

use super::*;
use crate::Pallet as Market;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{traits::Bounded, Saturating};

/// The longest string the config allows.
fn long_string<T: Config>() -> BoundedString<T> {
	BoundedVec::truncate_from(vec![b'x'; T::MaxStringLen::get() as usize])
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = BalanceOf::<T>::max_value() / 1_000_000u32.into();
	T::Currency::set_balance(&who, amount);
	who
}

fn profile<T: Config>() -> ProviderProfile<T> {
	ProviderProfile {
		gpu_model: long_string::<T>(),
		hardware: Hardware { gpu_count: 8, vram_gib: 80, cpu_cores: 128, ram_gib: 1024 },
		region: 276,
		endpoint: long_string::<T>(),
	}
}

fn provider<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("provider", index);
	Market::<T>::do_register_provider(who.clone(), T::MinProviderStake::get(), profile::<T>())
		.expect("a funded account registers");
	who
}

fn price<T: Config>() -> BalanceOf<T> {
	T::MinBidBond::get().saturating_mul(100u32.into())
}

/// What the benchmarks' providers bid: below the job's max price, so settlement also refunds
/// the unspent escrow (its worst case).
fn bid_price<T: Config>() -> BalanceOf<T> {
	T::MinBidBond::get().saturating_mul(99u32.into())
}

/// The least bond of a bid on a benchmark's job (whose max price is `price`).
fn bid_bond<T: Config>() -> BalanceOf<T> {
	Market::<T>::bid_bond(price::<T>())
}

fn spec<T: Config>(replicas: u32) -> JobSpec<T> {
	spec_for::<T>(0, replicas)
}

/// The spec of the `job`-th job of a benchmark: its assets (and their owners) are its own.
fn spec_for<T: Config>(job: u32, replicas: u32) -> JobSpec<T> {
	JobSpec::new(replicas, price::<T>())
		.with_longest_fields(276)
		.with_requirements(Hardware { gpu_count: 1, vram_gib: 16, cpu_cores: 4, ram_gib: 16 })
		.with_periods(
			T::MinBiddingPeriod::get(),
			T::MaxExecutionPeriod::get(),
			T::MaxRevealPeriod::get(),
		)
		.with_assets(assets::<T>(job, T::MaxAssetsPerJob::get()).into_inner())
}

/// A standing offer of `provider` with `capacity`.
fn offer<T: Config>(provider: T::AccountId, capacity: u32) -> Offer<T> {
	Offer {
		provider,
		price: price::<T>(),
		hardware: profile::<T>().hardware,
		capacity,
		expires_at: 1_000u32.into(),
		execution_period: T::MaxExecutionPeriod::get(),
		reveal_period: T::MaxRevealPeriod::get(),
		scope: OfferScope::any(),
	}
}

/// `count` providers in the arbiter pool (`arbiter(i)`); the last `eligible` can serve, the
/// others cannot hold the arbiter bond, so a draw samples them for nothing.
fn arbiter_pool<T: Config>(count: u32, eligible: u32) {
	for i in 0..count {
		let who = funded::<T>("arbiter", i);
		Market::<T>::do_register_provider(who.clone(), T::MinProviderStake::get(), profile::<T>())
			.unwrap();
		Market::<T>::do_join_arbiter_pool(who.clone()).unwrap();
		if i < count.saturating_sub(eligible) {
			T::Currency::set_balance(&who, T::ArbiterBond::get().saturating_sub(1u32.into()));
		}
	}
}

/// `n` k = 1 jobs (job i run by `provider(i)`) whose results are revealed and challenged,
/// all waiting for their draw in the same block.
fn challenged_jobs<T: Config>(n: u32) -> alloc::vec::Vec<JobId> {
	let jobs: alloc::vec::Vec<JobId> = (0..n).map(|i| distinct_job::<T>(i, 1, 1)).collect();
	if let Some(first) = jobs.first() {
		advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
	}
	let result = H256::repeat_byte(7);
	for (i, job_id) in jobs.iter().enumerate() {
		let who: T::AccountId = account("provider", i as u32, 0);
		let c = Market::<T>::commitment_of(&result, &salt_of(i as u32), &who);
		Market::<T>::do_commit(who.clone(), *job_id, c).unwrap();
		Market::<T>::do_reveal(who, *job_id, result, salt_of(i as u32), long_string::<T>())
			.unwrap();
		Market::<T>::do_challenge(requester_of::<T>(i as u32), *job_id).unwrap();
	}
	jobs
}

/// `count` datasets or models, owned by someone other than the requester, so that every
/// royalty moves money.
fn assets<T: Config>(job: u32, count: u32) -> BoundedVec<AssetIdOf<T>, T::MaxAssetsPerJob> {
	// One owner per asset, and assets of their own for every job: each royalty pays an
	// account no other payment of the block touched.
	BoundedVec::truncate_from(
		(0..count)
			.map(|i| {
				let index = job.saturating_mul(count).saturating_add(i);
				T::DataAccess::benchmark_asset(index, &funded::<T>("owner", index))
			})
			.collect(),
	)
}

fn requester<T: Config>() -> T::AccountId {
	requester_of::<T>(0)
}

/// The requester of a benchmark's `job`-th job: every job has its own.
fn requester_of<T: Config>(job: u32) -> T::AccountId {
	funded::<T>("requester", job)
}

/// The `job`-th job of a hook benchmark: its own requester, assets and `bids` bidders
/// (`provider(job × bids + i)`), still in bidding.
fn distinct_job<T: Config>(job: u32, replicas: u32, bids: u32) -> JobId {
	let job_id =
		Market::<T>::do_post_job(requester_of::<T>(job), spec_for::<T>(job, replicas), None)
			.expect("job posts");
	for i in 0..bids {
		let p = provider::<T>(job.saturating_mul(bids).saturating_add(i));
		Market::<T>::do_place_bid(p, job_id, bid_price::<T>(), bid_bond::<T>())
			.expect("bid places");
	}
	job_id
}

/// A job with `replicas` and `bids` bids, still in bidding.
fn job_with_bids<T: Config>(replicas: u32, bids: u32) -> JobId {
	job_bidding_for::<T>(replicas, bids, T::MinBiddingPeriod::get())
}

/// A job with `replicas` and `bids` bids and a bidding period of `bidding` blocks.
fn job_bidding_for<T: Config>(replicas: u32, bids: u32, bidding: BlockNumberFor<T>) -> JobId {
	let mut spec = spec::<T>(replicas);
	spec.bidding_period = bidding;
	let job_id = Market::<T>::do_post_job(requester::<T>(), spec, None).expect("job posts");
	for i in 0..bids {
		let p = provider::<T>(i);
		Market::<T>::do_place_bid(p, job_id, bid_price::<T>(), bid_bond::<T>())
			.expect("bid places");
	}
	job_id
}

/// Moves to the job's deadline and advances it, as the deadline queue does.
fn advance_to_deadline<T: Config>(job_id: JobId) {
	let job = Jobs::<T>::get(job_id).expect("job exists");
	frame_system::Pallet::<T>::set_block_number(job.deadline);
	Market::<T>::advance(job_id, job);
}

/// Runs `on_initialize` of every block up to `target`, as the chain would.
fn advance_to_block<T: Config>(target: BlockNumberFor<T>) {
	let mut now = frame_system::Pallet::<T>::block_number();
	while now < target {
		now = now.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		Market::<T>::on_initialize(now);
	}
}

/// Makes `due` the current block with the deadline cursor on it, so the hook works off only
/// `due`'s deadlines (and not stale entries of the blocks the set-up stepped over).
fn due_now<T: Config>(due: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(due);
	DeadlineCursor::<T>::put((due, 0));
}

fn salt_of(i: u32) -> H256 {
	let mut salt = [7u8; 32];
	salt[..4].copy_from_slice(&i.to_le_bytes());
	H256(salt)
}

/// A job with `replicas` assigned providers (provider i is `provider(i)`).
fn assigned_job<T: Config>(replicas: u32) -> JobId {
	let job_id = job_with_bids::<T>(replicas, replicas);
	advance_to_deadline::<T>(job_id);
	job_id
}

/// The provider of the job's `i`-th assignment (in the order the lot drew them).
fn assigned<T: Config>(job_id: JobId, i: u32) -> T::AccountId {
	Assignments::<T>::get(job_id)[i as usize].provider.clone()
}

/// The first `count` assigned providers of the job commit to `result` (the salt of the
/// provider at position i is `salt_of(i)`).
fn commit_all<T: Config>(job_id: JobId, count: u32, result: H256) {
	for (i, a) in Assignments::<T>::get(job_id).into_iter().take(count as usize).enumerate() {
		let c = Market::<T>::commitment_of(&result, &salt_of(i as u32), &a.provider);
		Market::<T>::do_commit(a.provider, job_id, c).expect("assigned provider commits");
	}
}

/// The first `count` assigned providers of the job reveal `result`.
fn reveal_all<T: Config>(job_id: JobId, count: u32, result: H256) {
	for (i, a) in Assignments::<T>::get(job_id).into_iter().take(count as usize).enumerate() {
		Market::<T>::do_reveal(a.provider, job_id, result, salt_of(i as u32), long_string::<T>())
			.expect("committed provider reveals");
	}
}

/// Every drawn arbiter of `job_id` commits to `result` with the verdict of an arbiter whose
/// own result it is; all but the first `skip` reveal.
fn judge_all<T: Config>(job_id: JobId, result: H256, skip: usize) {
	let agrees = Market::<T>::exact_verdict(job_id, result);
	for (i, a) in Assignments::<T>::get(job_id).into_iter().enumerate() {
		let c =
			Market::<T>::verdict_commitment_of(&result, &agrees, &salt_of(i as u32), &a.provider);
		Market::<T>::do_commit(a.provider, job_id, c).unwrap();
	}
	for (i, a) in Assignments::<T>::get(job_id).into_iter().enumerate().skip(skip) {
		let uri = long_string::<T>();
		Market::<T>::do_reveal_verdict(
			a.provider,
			job_id,
			result,
			agrees.clone(),
			salt_of(i as u32),
			uri,
		)
		.unwrap();
	}
}

/// A k = 1 job whose provider committed and revealed: in its challenge window.
fn job_in_challenge_window<T: Config>() -> JobId {
	let job_id = assigned_job::<T>(1);
	let result = H256::repeat_byte(7);
	commit_all::<T>(job_id, 1, result);
	reveal_all::<T>(job_id, 1, result);
	job_id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_provider() {
		let who = funded::<T>("provider", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinProviderStake::get(), profile::<T>());
		assert!(Providers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn update_profile() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), profile::<T>());
	}

	#[benchmark]
	fn add_stake() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), T::MinProviderStake::get());
		assert_eq!(
			Providers::<T>::get(&who).unwrap().stake,
			T::MinProviderStake::get().saturating_mul(2u32.into())
		);
	}

	#[benchmark]
	fn unregister() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
	}

	#[benchmark]
	fn withdraw_stake() {
		let who = provider::<T>(0);
		Market::<T>::do_unregister(who.clone()).unwrap();
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Providers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn post_offer() {
		let who = provider::<T>(0);
		let hw = profile::<T>().hardware;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			price::<T>(),
			hw,
			10,
			1_000u32.into(),
			T::MaxExecutionPeriod::get(),
			T::MaxRevealPeriod::get(),
			OfferScope::any(),
		);
		assert!(Offers::<T>::contains_key(0));
	}

	#[benchmark]
	fn withdraw_offer() {
		let who = provider::<T>(0);
		Market::<T>::do_post_offer(offer::<T>(who.clone(), 10), None).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0);
		assert!(!Offers::<T>::contains_key(0));
	}

	#[benchmark]
	fn accept_offer(a: Linear<0, { T::MaxAssetsPerJob::get() }>) {
		let who = provider::<T>(0);
		// Capacity 1: the offer is removed as well.
		Market::<T>::do_post_offer(offer::<T>(who, 1), None).unwrap();
		let requester = requester::<T>();
		let mut spec = spec::<T>(1);
		spec.assets = assets::<T>(0, a);
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), 0, spec);
		assert_eq!(Jobs::<T>::get(0).unwrap().status, JobStatus::Committing);
	}

	#[benchmark]
	fn post_job(a: Linear<0, { T::MaxAssetsPerJob::get() }>) {
		let requester = requester::<T>();
		let mut spec = spec::<T>(T::MaxReplicas::get());
		spec.assets = assets::<T>(0, a);
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), spec);
		assert!(Jobs::<T>::contains_key(0));
	}

	#[benchmark]
	fn cancel_job(b: Linear<0, { T::MaxBidsPerJob::get() }>) {
		let job_id = job_with_bids::<T>(T::MaxReplicas::get(), b);
		let requester = requester::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job_id);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Cancelled);
	}

	#[benchmark]
	fn prune_job() {
		// A finished job whose retention period is over. Removing its result and index entry
		// costs the same whether or not they exist.
		let job_id = job_with_bids::<T>(T::MaxReplicas::get(), 0);
		Market::<T>::do_cancel_job(requester::<T>(), job_id).unwrap();
		let ended = Jobs::<T>::get(job_id).unwrap().deadline;
		frame_system::Pallet::<T>::set_block_number(ended + T::RetentionPeriod::get());
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), job_id);
		assert!(!Jobs::<T>::contains_key(job_id));
	}

	#[benchmark]
	fn place_bid(b: Linear<0, { T::MaxBidsPerJob::get() }>) {
		// With `MaxBidsPerJob` bids of the least bond, the new bid's larger bond displaces
		// the latest of them. A long bidding period: the bid comes in a later block than the
		// set-up when that ran in block 0.
		let job_id = job_bidding_for::<T>(T::MaxReplicas::get(), b, T::MaxBiddingPeriod::get());
		let who = provider::<T>(b);
		let bond = bid_bond::<T>().saturating_add(1u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(who), job_id, bid_price::<T>(), bond);
	}

	#[benchmark]
	fn retract_bid(b: Linear<1, { T::MaxBidsPerJob::get() }>) {
		// A long bidding period: retraction is open in its first half.
		let mut spec = spec::<T>(T::MaxReplicas::get());
		spec.bidding_period = T::MaxBiddingPeriod::get();
		let job_id = Market::<T>::do_post_job(requester::<T>(), spec, None).expect("job posts");
		for i in 0..b {
			Market::<T>::do_place_bid(provider::<T>(i), job_id, bid_price::<T>(), bid_bond::<T>())
				.expect("bid places");
		}
		let last: T::AccountId = account("provider", b - 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(last), job_id);
		assert_eq!(Bids::<T>::get(job_id).len() as u32, b - 1);
	}

	#[benchmark]
	fn commit_result() {
		// The last commitment also starts the reveal phase.
		let k = T::MaxReplicas::get();
		let job_id = assigned_job::<T>(k);
		commit_all::<T>(job_id, k - 1, H256::repeat_byte(7));
		// The lot decides the order of the assignments: the last one commits last.
		let last = assigned::<T>(job_id, k - 1);
		let c = Market::<T>::commitment_of(&H256::repeat_byte(7), &salt_of(k - 1), &last);
		#[extrinsic_call]
		_(RawOrigin::Signed(last), job_id, c);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Revealing);
	}

	#[benchmark]
	fn reveal_result(r: Linear<2, { T::MaxReplicas::get() }>) {
		// The last reveal also checks all `r` reveals and opens the challenge window.
		let job_id = assigned_job::<T>(r);
		let result = H256::repeat_byte(7);
		commit_all::<T>(job_id, r, result);
		for i in 0..r - 1 {
			let who = assigned::<T>(job_id, i);
			Market::<T>::do_reveal(who, job_id, result, salt_of(i), long_string::<T>()).unwrap();
		}
		let last = assigned::<T>(job_id, r - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(last), job_id, result, salt_of(r - 1), long_string::<T>());
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::ChallengeWindow);
	}

	#[benchmark]
	fn reveal_result_unverified() {
		// A reveal that pays nobody: a k = 1 reveal opening the challenge window (the heavier
		// of the two such paths; a reveal with others still to come only records itself).
		let job_id = assigned_job::<T>(1);
		let result = H256::repeat_byte(7);
		commit_all::<T>(job_id, 1, result);
		let who = assigned::<T>(job_id, 0);
		#[extrinsic_call]
		reveal_result(RawOrigin::Signed(who), job_id, result, salt_of(0), long_string::<T>());
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::ChallengeWindow);
	}

	#[benchmark]
	fn challenge_result() {
		// The dearer challenger: the owner of the job's last asset, challenging a result that
		// says the content was unavailable (its challenge is recorded).
		let job_id = assigned_job::<T>(1);
		commit_all::<T>(job_id, 1, content_unavailable());
		reveal_all::<T>(job_id, 1, content_unavailable());
		let owner = Jobs::<T>::get(job_id).unwrap().royalties.last().unwrap().owner.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), job_id);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Drawing);
		assert_eq!(Challengers::<T>::get(job_id), Some(owner));
	}

	#[benchmark]
	fn accept_result() {
		// The requester settles a k = 1 job in its window: the provider and every asset
		// owner are paid.
		let job_id = job_in_challenge_window::<T>();
		let requester = requester::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), job_id);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Settled);
	}

	#[benchmark]
	fn advance_job(b: Linear<0, { T::MaxBidsPerJob::get() }>) {
		// Only the queue closes bidding (and draws arbiters); a caller pushes the other
		// phases. Here: a job of `MaxReplicas` replicas, with `b` bids when bidding closed,
		// past its commit deadline with every replica committed but one, pushed into its
		// reveal phase.
		let k = T::MaxReplicas::get();
		let job_id = job_with_bids::<T>(k, b.max(k));
		advance_to_deadline::<T>(job_id);
		commit_all::<T>(job_id, k - 1, H256::repeat_byte(7));
		let deadline = Jobs::<T>::get(job_id).unwrap().deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), job_id);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Revealing);
	}

	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		// `n` jobs due in one block, each closing bidding with a full set of bids.
		// Every job has its own requester, bidders and asset owners.
		let bids = T::MaxBidsPerJob::get();
		let mut due = 0u32.into();
		for j in 0..n {
			let job_id = distinct_job::<T>(j, T::MaxReplicas::get(), bids);
			due = Jobs::<T>::get(job_id).unwrap().deadline;
		}
		if n == 0 {
			due = frame_system::Pallet::<T>::block_number();
		}
		due_now::<T>(due);
		#[block]
		{
			Market::<T>::on_initialize(due);
		}
		assert_eq!(DeadlinePages::<T>::get(due), 0);
	}

	#[benchmark]
	fn on_initialize_visit(v: Linear<1, { crate::deadlines::MAX_DEADLINE_VISITS }>) {
		// The cursor `v` blocks behind, and every block on the way has no deadlines.
		let now: BlockNumberFor<T> = v.into();
		DeadlineCursor::<T>::put((BlockNumberFor::<T>::from(1u32), 0));
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Market::<T>::on_initialize(now);
		}
		assert_eq!(DeadlineCursor::<T>::get(), Some((now + 1u32.into(), 0)));
	}

	#[benchmark]
	fn on_initialize_skip(s: Linear<1, { crate::deadlines::MAX_STALE_SKIPS }>) {
		// `s` entries of finished jobs (each a distinct record of the largest size) due in
		// one block: each is read and dropped.
		let requester = requester::<T>();
		let spec = JobSpec::new(1, price::<T>()).with_longest_fields(276);
		let first = Market::<T>::do_post_job(requester.clone(), spec, None).unwrap();
		Market::<T>::do_cancel_job(requester, first).unwrap();
		let record = Jobs::<T>::get(first).unwrap();
		let terms = Terms::<T>::get(first).unwrap();
		let due = frame_system::Pallet::<T>::block_number() + 1u32.into();
		for i in 1..=s {
			let job_id = first + JobId::from(i);
			Jobs::<T>::insert(job_id, record.clone());
			// Every job has its terms, as if posted.
			Terms::<T>::insert(job_id, terms.clone());
			Market::<T>::schedule(job_id, due);
		}
		due_now::<T>(due);
		#[block]
		{
			Market::<T>::on_initialize(due);
		}
		assert_eq!(DeadlinePages::<T>::get(due), 0);
	}

	#[benchmark]
	fn on_initialize_verify(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		// `n` jobs whose challenge window ends in one block, each settling `MaxReplicas`
		// assignments (all but one revealed, the last a no-show) and paying every royalty.
		// Every job has its own requester, providers and asset owners.
		let k = T::MaxReplicas::get();
		let result = H256::repeat_byte(7);
		let jobs: alloc::vec::Vec<JobId> = (0..n).map(|j| distinct_job::<T>(j, k, k)).collect();
		// Close bidding, then commit all but the last provider of every job.
		if let Some(first) = jobs.first() {
			advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
		}
		for job_id in &jobs {
			commit_all::<T>(*job_id, k - 1, result);
		}
		// Reach the commit deadline (reveal phase starts), reveal all committed ones.
		if let Some(first) = jobs.first() {
			advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
		}
		for job_id in &jobs {
			reveal_all::<T>(*job_id, k - 2, result);
		}
		// At the reveal deadline the windows open.
		if let Some(first) = jobs.first() {
			advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
		}
		for job_id in &jobs {
			assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::ChallengeWindow);
		}
		let due = jobs
			.first()
			.map(|j| Jobs::<T>::get(j).unwrap().deadline)
			.unwrap_or_else(frame_system::Pallet::<T>::block_number);
		due_now::<T>(due);
		#[block]
		{
			Market::<T>::on_initialize(due);
		}
		for job_id in &jobs {
			assert!(Jobs::<T>::get(job_id).unwrap().status.is_terminal());
		}
	}

	#[benchmark]
	fn join_arbiter_pool() {
		let who = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(ArbiterPool::<T>::get(0), Some(who));
	}

	#[benchmark]
	fn leave_arbiter_pool() {
		// Leaving from the first slot moves the last member into it.
		arbiter_pool::<T>(2, 2);
		let first: T::AccountId = account("arbiter", 0, 0);
		let last: T::AccountId = account("arbiter", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(first));
		assert_eq!(ArbiterPool::<T>::get(0), Some(last));
	}

	#[benchmark]
	fn on_initialize_draw(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		// `n` challenged jobs draw in one block from a pool of `MaxArbiterDraws` members of
		// which only `ArbiterReplicas` can hold the bond: the draw samples until it found
		// them and holds their bonds. (The stake tree's depth for a full pool is charged on
		// top: `draw_extra_weight`.)
		let arbiters = T::ArbiterReplicas::get();
		arbiter_pool::<T>(T::MaxArbiterDraws::get(), arbiters);
		let jobs = challenged_jobs::<T>(n);
		let due = jobs
			.first()
			.map(|j| Jobs::<T>::get(j).unwrap().deadline)
			.unwrap_or_else(frame_system::Pallet::<T>::block_number);
		due_now::<T>(due);
		#[block]
		{
			Market::<T>::on_initialize(due);
		}
		for job_id in &jobs {
			assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Committing);
		}
	}

	#[benchmark]
	fn on_initialize_arbitrate(n: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		// `n` disputed jobs of `MaxReplicas` whose arbiters' reveal deadline is due in one
		// block: half the replicas revealed the arbiters' result and are paid, the others are
		// slashed; one arbiter did not reveal and is slashed; every slashed bond and unpaid
		// price pays the two arbiters in the majority, and every royalty is paid.
		let k = T::MaxReplicas::get();
		let arbiters = T::ArbiterReplicas::get();
		arbiter_pool::<T>(arbiters, arbiters);
		let right = H256::repeat_byte(7);
		let wrong = H256::repeat_byte(8);
		// Every job has its own requester, providers and asset owners.
		let jobs: alloc::vec::Vec<JobId> = (0..n).map(|j| distinct_job::<T>(j, k, k)).collect();
		if let Some(first) = jobs.first() {
			advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
		}
		let hash_of = |i: usize| if i % 2 == 0 { right } else { wrong };
		for job_id in &jobs {
			let assigned = Assignments::<T>::get(job_id);
			for (i, a) in assigned.iter().enumerate() {
				let c = Market::<T>::commitment_of(&hash_of(i), &salt_of(i as u32), &a.provider);
				Market::<T>::do_commit(a.provider.clone(), *job_id, c).unwrap();
			}
			for (i, a) in assigned.into_iter().enumerate() {
				let uri = long_string::<T>();
				Market::<T>::do_reveal(a.provider, *job_id, hash_of(i), salt_of(i as u32), uri)
					.unwrap();
			}
		}
		// Disputed: draw, then every arbiter commits to the right result.
		if let Some(first) = jobs.first() {
			advance_to_block::<T>(Jobs::<T>::get(first).unwrap().deadline);
		}
		for job_id in &jobs {
			judge_all::<T>(*job_id, right, 1);
		}
		let due = jobs
			.first()
			.map(|j| Jobs::<T>::get(j).unwrap().deadline)
			.unwrap_or_else(frame_system::Pallet::<T>::block_number);
		due_now::<T>(due);
		#[block]
		{
			Market::<T>::on_initialize(due);
		}
		for job_id in &jobs {
			assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Settled);
		}
	}

	#[benchmark]
	fn reveal_verdict() {
		// The last arbiter's verdict concludes an arbitration of `MaxReplicas` replicas as
		// `on_initialize_arbitrate` does for one job: half of them upheld and paid, half
		// slashed, the slashed funds paying the arbiters, every royalty paid.
		let k = T::MaxReplicas::get();
		let arbiters = T::ArbiterReplicas::get();
		arbiter_pool::<T>(arbiters, arbiters);
		let right = H256::repeat_byte(7);
		let wrong = H256::repeat_byte(8);
		let job_id = distinct_job::<T>(0, k, k);
		advance_to_block::<T>(Jobs::<T>::get(job_id).unwrap().deadline);
		let hash_of = |i: usize| if i % 2 == 0 { right } else { wrong };
		let assigned = Assignments::<T>::get(job_id);
		for (i, a) in assigned.iter().enumerate() {
			let c = Market::<T>::commitment_of(&hash_of(i), &salt_of(i as u32), &a.provider);
			Market::<T>::do_commit(a.provider.clone(), job_id, c).unwrap();
		}
		for (i, a) in assigned.into_iter().enumerate() {
			let uri = long_string::<T>();
			Market::<T>::do_reveal(a.provider, job_id, hash_of(i), salt_of(i as u32), uri).unwrap();
		}
		advance_to_block::<T>(Jobs::<T>::get(job_id).unwrap().deadline);
		// Every arbiter but the first reveals; the first reveals in the call.
		judge_all::<T>(job_id, right, 1);
		let last = Assignments::<T>::get(job_id)[0].provider.clone();
		let agrees = Market::<T>::exact_verdict(job_id, right);
		#[extrinsic_call]
		reveal_verdict(
			RawOrigin::Signed(last),
			job_id,
			right,
			agrees,
			salt_of(0),
			long_string::<T>(),
		);
		assert_eq!(Jobs::<T>::get(job_id).unwrap().status, JobStatus::Settled);
	}

	impl_benchmark_test_suite!(Market, crate::mock::new_test_ext(), crate::mock::Test);
}
