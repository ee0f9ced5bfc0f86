//! Random call sequences: whatever users do, in whatever order, the market never panics, its
//! invariants hold after every call, and no money is created or destroyed.

use crate::{mock::*, *};
use frame_support::{traits::Hooks, BoundedVec};
use proptest::prelude::*;
use sp_core::H256;

thread_local! {
	/// What each provider committed to per job, so that an honest reveal can open it.
	static COMMITTED: core::cell::RefCell<std::collections::BTreeMap<(JobId, AccountId), u8>> = Default::default();
}

const REQUESTERS: [AccountId; 3] = [1, 2, 3];
const PROVIDERS: [AccountId; 6] = [10, 11, 12, 13, 14, 15];

#[derive(Debug, Clone)]
enum Op {
	Register { p: usize, stake: Balance, gpus: u32 },
	AddStake { p: usize, amount: Balance },
	Unregister { p: usize },
	Withdraw { p: usize },
	PostOffer { p: usize, price: Balance, capacity: u32, ttl: u64 },
	WithdrawOffer { p: usize, offer: OfferId },
	AcceptOffer { r: usize, offer: OfferId, max_price: Balance },
	PostJob { r: usize, replicas: u32, max_price: Balance, bidding: u64, exec: u64, reveal: u64, gpus: u32 },
	Cancel { r: usize, job: JobId },
	Bid { p: usize, job: JobId, price: Balance },
	Retract { p: usize, job: JobId },
	Commit { p: usize, job: JobId, result: u8 },
	Reveal { p: usize, job: JobId, result: u8, honest_salt: bool },
	Challenge { r: usize, job: JobId },
	Advance { job: JobId },
	Roll { blocks: u64 },
	/// Every provider bids on the job: provider i at the job's maximum less `i × step`.
	BidAll { job: JobId, step: Balance },
	/// Every provider assigned to the job commits; provider i to `results[i % 3]`.
	CommitAssigned { job: JobId, results: [u8; 3] },
	/// Every provider assigned to the job reveals what it committed to (with `honest`
	/// false: `results`, which may not match).
	RevealAssigned { job: JobId, results: [u8; 3], honest: bool },
	/// `CommitAssigned` and an honest `RevealAssigned` at once: a round that completes.
	Complete { job: JobId, results: [u8; 3] },
}

fn op() -> impl Strategy<Value = Op> {
	let p = 0..PROVIDERS.len();
	let r = 0..REQUESTERS.len();
	let job = 0u64..3;
	let results = [0u8..2, 0u8..2, 0u8..3];
	prop_oneof![
		3 => (p.clone(), 50u64..400, 0u32..4).prop_map(|(p, stake, gpus)| Op::Register { p, stake, gpus }),
		1 => (p.clone(), 0u64..100).prop_map(|(p, amount)| Op::AddStake { p, amount }),
		1 => p.clone().prop_map(|p| Op::Unregister { p }),
		1 => p.clone().prop_map(|p| Op::Withdraw { p }),
		1 => (p.clone(), 0u64..120, 0u32..3, 0u64..20).prop_map(|(p, price, capacity, ttl)| Op::PostOffer { p, price, capacity, ttl }),
		1 => (p.clone(), 0u64..4).prop_map(|(p, offer)| Op::WithdrawOffer { p, offer }),
		1 => (r.clone(), 0u64..4, 0u64..150).prop_map(|(r, offer, max_price)| Op::AcceptOffer { r, offer, max_price }),
		3 => (r.clone(), 0u32..5, 0u64..150, 1u64..6, 0u64..6, 0u64..6, 0u32..3)
			.prop_map(|(r, replicas, max_price, bidding, exec, reveal, gpus)| Op::PostJob { r, replicas, max_price, bidding, exec, reveal, gpus }),
		1 => (r.clone(), job.clone()).prop_map(|(r, job)| Op::Cancel { r, job }),
		2 => (p.clone(), job.clone(), 0u64..150).prop_map(|(p, job, price)| Op::Bid { p, job, price }),
		1 => (p.clone(), job.clone()).prop_map(|(p, job)| Op::Retract { p, job }),
		2 => (p.clone(), job.clone(), 0u8..3).prop_map(|(p, job, result)| Op::Commit { p, job, result }),
		2 => (p.clone(), job.clone(), 0u8..3, prop::bool::weighted(0.9))
			.prop_map(|(p, job, result, honest_salt)| Op::Reveal { p, job, result, honest_salt }),
		3 => (r.clone(), job.clone()).prop_map(|(r, job)| Op::Challenge { r, job }),
		1 => job.clone().prop_map(|job| Op::Advance { job }),
		4 => (1u64..4).prop_map(|blocks| Op::Roll { blocks }),
		5 => (job.clone(), 0u64..10).prop_map(|(job, step)| Op::BidAll { job, step }),
		5 => (job.clone(), results.clone()).prop_map(|(job, results)| Op::CommitAssigned { job, results: results.into() }),
		4 => (job.clone(), results.clone()).prop_map(|(job, results)| Op::Complete { job, results: results.into() }),
		5 => (job, results, prop::bool::weighted(0.9))
			.prop_map(|(job, results, honest)| Op::RevealAssigned { job, results: results.into(), honest }),
	]
}

fn text(t: &str) -> BoundedString<Test> {
	BoundedVec::truncate_from(t.as_bytes().to_vec())
}

fn spec(replicas: u32, max_price: Balance, bidding: u64, exec: u64, reveal: u64, gpus: u32) -> JobSpec<Test> {
	JobSpec {
		workload: Workload { kind: WorkloadKind::Wasm, content: ContentRef { hash: H256::repeat_byte(1), uri: text("w") } },
		input: ContentRef { hash: H256::repeat_byte(2), uri: text("i") },
		requirements: Hardware { gpu_count: gpus, vram_gib: 0, cpu_cores: 0, ram_gib: 0 },
		region: None,
		replicas,
		max_price,
		bidding_period: bidding,
		execution_period: exec,
		reveal_period: reveal,
		min_reputation: None,
		assets: Default::default(),
	}
}

fn salt(who: AccountId, honest: bool) -> H256 {
	H256::from_low_u64_be(if honest { who } else { who + 1000 })
}

fn apply(op: Op) {
	let signed = RuntimeOrigin::signed;
	// Errors are expected (random input); what matters is that nothing panics and the
	// invariants hold afterwards.
	let _ = match op {
		Op::Register { p, stake, gpus } => Market::register_provider(
			signed(PROVIDERS[p]),
			stake,
			ProviderProfile {
				gpu_model: text("gpu"),
				hardware: Hardware { gpu_count: gpus, vram_gib: 1, cpu_cores: 1, ram_gib: 1 },
				region: 1,
				endpoint: text("e"),
			},
		),
		Op::AddStake { p, amount } => Market::add_stake(signed(PROVIDERS[p]), amount),
		Op::Unregister { p } => Market::unregister(signed(PROVIDERS[p])),
		Op::Withdraw { p } => Market::withdraw_stake(signed(PROVIDERS[p])),
		Op::PostOffer { p, price, capacity, ttl } => Market::post_offer(
			signed(PROVIDERS[p]),
			price,
			Hardware::default(),
			capacity,
			System::block_number() + ttl,
		),
		Op::WithdrawOffer { p, offer } => Market::withdraw_offer(signed(PROVIDERS[p]), offer),
		Op::AcceptOffer { r, offer, max_price } =>
			Market::accept_offer(signed(REQUESTERS[r]), offer, spec(1, max_price, 2, 3, 3, 0)),
		Op::PostJob { r, replicas, max_price, bidding, exec, reveal, gpus } =>
			Market::post_job(signed(REQUESTERS[r]), spec(replicas, max_price, bidding, exec, reveal, gpus)),
		Op::Cancel { r, job } => Market::cancel_job(signed(REQUESTERS[r]), job),
		Op::Bid { p, job, price } => Market::place_bid(signed(PROVIDERS[p]), job, price),
		Op::Retract { p, job } => Market::retract_bid(signed(PROVIDERS[p]), job),
		Op::Commit { p, job, result } => {
			let who = PROVIDERS[p];
			let c = Market::commitment_of(&H256::repeat_byte(result), &salt(who, true), &who);
			let done = Market::commit_result(signed(who), job, c);
			if done.is_ok() {
				COMMITTED.with(|m| m.borrow_mut().insert((job, who), result));
			}
			done
		},
		Op::Reveal { p, job, result, honest_salt } => {
			let who = PROVIDERS[p];
			Market::reveal_result(signed(who), job, H256::repeat_byte(result), salt(who, honest_salt), text("r"))
		},
		Op::Challenge { r, job } => Market::challenge_result(signed(REQUESTERS[r]), job),
		Op::Advance { job } => Market::advance_job(signed(1), job),
		Op::BidAll { job, step } => {
			let max = Jobs::<Test>::get(job).map_or(0, |j| j.spec.max_price);
			for (i, p) in PROVIDERS.iter().enumerate() {
				let _ = Market::place_bid(signed(*p), job, max.saturating_sub(i as u64 * step));
			}
			Ok(())
		},
		Op::CommitAssigned { job, results } => {
			for (i, a) in Assignments::<Test>::get(job).into_iter().enumerate() {
				let res = H256::repeat_byte(results[i % 3]);
				let c = Market::commitment_of(&res, &salt(a.provider, true), &a.provider);
				if Market::commit_result(signed(a.provider), job, c).is_ok() {
					COMMITTED.with(|m| m.borrow_mut().insert((job, a.provider), results[i % 3]));
				}
			}
			Ok(())
		},
		Op::RevealAssigned { job, results, honest } => {
			for (i, a) in Assignments::<Test>::get(job).into_iter().enumerate() {
				let committed = COMMITTED.with(|m| m.borrow().get(&(job, a.provider)).copied());
				let byte = match committed {
					Some(b) if honest => b,
					_ => results[i % 3],
				};
				let res = H256::repeat_byte(byte);
				let _ = Market::reveal_result(signed(a.provider), job, res, salt(a.provider, true), text("r"));
			}
			Ok(())
		},
		Op::Complete { job, results } => {
			apply(Op::CommitAssigned { job, results });
			apply(Op::RevealAssigned { job, results, honest: true });
			Ok(())
		},
		Op::Roll { blocks } => {
			for _ in 0..blocks {
				let next = System::block_number() + 1;
				System::set_block_number(next);
				Market::on_initialize(next);
			}
			Ok(())
		},
	};
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn random_call_sequences_keep_the_invariants(ops in prop::collection::vec(op(), 1..60)) {
		COMMITTED.with(|c| c.borrow_mut().clear());
		new_test_ext().execute_with(|| {
			let issuance = pallet_balances::TotalIssuance::<Test>::get();
			// Most providers exist from the start, so jobs find bidders.
			for p in 0..4 {
				apply(Op::Register { p, stake: 150, gpus: 3 });
			}
			for op in ops {
				apply(op.clone());
				if let Err(e) = Market::do_try_state() {
					panic!("invariant broken after {op:?}: {e:?}");
				}
				assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance);
			}
			// Run far enough that every job finishes on its own: nothing stays held.
			for _ in 0..200 {
				let next = System::block_number() + 1;
				System::set_block_number(next);
				Market::on_initialize(next);
			}
			Market::do_try_state().expect("invariants hold at the end");
			for (_, job) in Jobs::<Test>::iter() {
				assert!(job.status.is_terminal(), "job left unfinished: {job:?}");
			}
		});
	}
}
