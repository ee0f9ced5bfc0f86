//! Storage migrations.

use crate::*;
use frame_support::{
	pallet_prelude::*,
	traits::{GetStorageVersion, OnRuntimeUpgrade},
};

/// Version 0 → 1: the arbiter draw is weighted by stake, which needs the pool's stake tree
/// (`ArbiterStakes`). Builds it from the members already in the pool, in slot order. Reads
/// each member and O(log pool) tree nodes per member; a pool beyond `MaxArbiterPool` (version
/// 0 had no bound) is kept whole, so `try_state` names it until members leave.
pub struct BuildArbiterStakes<T>(core::marker::PhantomData<T>);

impl<T: Config> OnRuntimeUpgrade for BuildArbiterStakes<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 0 {
			return db.reads(1);
		}
		let _ = ArbiterStakes::<T>::clear(u32::MAX, None);
		let size = ArbiterPoolSize::<T>::get();
		let mut reads = 2u64;
		for slot in 0..size {
			let stake = ArbiterPool::<T>::get(slot)
				.and_then(Providers::<T>::get)
				.map(|p| p.stake)
				.unwrap_or_else(|| {
					frame_support::defensive!("every pool slot names a provider");
					Zero::zero()
				});
			Pallet::<T>::stake_tree_push(slot, stake);
			reads = reads.saturating_add(2).saturating_add(
				2u64.saturating_mul(u64::from(32 - slot.saturating_add(1).leading_zeros())),
			);
		}
		StorageVersion::new(1).put::<Pallet<T>>();
		db.reads_writes(reads, u64::from(size).saturating_add(1))
	}
}

/// Version 1 → 2: the bids of a job are drawn by lot weighted by their bonds, and a bid no
/// longer records its bidder's reputation (it was a tie-break of the old cheapest-wins rule).
/// Rewrites every open job's bids without it; bonds, prices and blocks stay. Reads and writes
/// each job's bids once.
pub struct DropBidReputation<T>(core::marker::PhantomData<T>);

/// A bid as version 1 stored it.
#[derive(Encode, Decode)]
pub struct BidV1<T: Config> {
	pub provider: AccountIdOf<T>,
	pub price: BalanceOf<T>,
	pub bond: BalanceOf<T>,
	pub reputation: sp_runtime::Permill,
	pub placed_at: BlockNumberOf<T>,
}

impl<T: Config> OnRuntimeUpgrade for DropBidReputation<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 1 {
			return db.reads(1);
		}
		let mut entries = 0u64;
		Bids::<T>::translate::<alloc::vec::Vec<BidV1<T>>, _>(|_, old| {
			entries = entries.saturating_add(1);
			let bids = old.into_iter().map(|b| Bid {
				provider: b.provider,
				price: b.price,
				bond: b.bond,
				placed_at: b.placed_at,
			});
			Some(BoundedVec::truncate_from(bids.collect()))
		});
		StorageVersion::new(2).put::<Pallet<T>>();
		db.reads_writes(entries.saturating_add(1), entries.saturating_add(1))
	}
}

/// Version 2 → 3: jobs name the tolerance within which replicas' results are the same
/// answer, and arbiters commit to a verdict per replica (`reveal_verdict`). Every stored job
/// gets the chain's `DefaultTolerance`. An arbitration round under way started with
/// commitments to a bare result, which no verdict can match: its commitments and reveals are
/// cleared and it starts its commit phase again, with the chain's arbiter periods from now.
/// Reads and writes every job once, and the assignments of each arbitration under way.
pub struct AddTolerance<T>(core::marker::PhantomData<T>);

/// A job spec as version 2 stored it: without `tolerance`.
#[derive(Encode, Decode)]
pub struct JobSpecV2<T: Config> {
	pub workload: Workload<T>,
	pub input: ContentRef<T>,
	pub requirements: Hardware,
	pub region: Option<RegionCode>,
	pub replicas: u32,
	pub max_price: BalanceOf<T>,
	pub bidding_period: BlockNumberOf<T>,
	pub execution_period: BlockNumberOf<T>,
	pub reveal_period: BlockNumberOf<T>,
	pub min_reputation: Option<sp_runtime::Permill>,
	pub assets: BoundedVec<AssetIdOf<T>, T::MaxAssetsPerJob>,
	pub max_royalties: BalanceOf<T>,
}

/// A job as version 2 stored it.
#[derive(Encode, Decode)]
pub struct JobV2<T: Config> {
	pub requester: AccountIdOf<T>,
	pub spec: JobSpecV2<T>,
	pub status: JobStatus,
	pub round: Round,
	pub deadline: BlockNumberOf<T>,
	pub escrow: BalanceOf<T>,
	pub royalties: BoundedVec<Royalty<T>, T::MaxAssetsPerJob>,
	pub challenge_bond: BalanceOf<T>,
	pub posted_at: BlockNumberOf<T>,
	pub deposit: BalanceOf<T>,
}

impl<T: Config> OnRuntimeUpgrade for AddTolerance<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 2 {
			return db.reads(1);
		}
		let mut entries = 0u64;
		let mut restarted = alloc::vec::Vec::new();
		Jobs::<T>::translate::<JobV2<T>, _>(|job_id, old| {
			entries = entries.saturating_add(1);
			let s = old.spec;
			let mut job = Job {
				requester: old.requester,
				spec: JobSpec {
					workload: s.workload,
					input: s.input,
					requirements: s.requirements,
					region: s.region,
					replicas: s.replicas,
					max_price: s.max_price,
					bidding_period: s.bidding_period,
					execution_period: s.execution_period,
					reveal_period: s.reveal_period,
					min_reputation: s.min_reputation,
					assets: s.assets,
					max_royalties: s.max_royalties,
					tolerance: Some(T::DefaultTolerance::get()),
				},
				status: old.status,
				round: old.round,
				deadline: old.deadline,
				escrow: old.escrow,
				royalties: old.royalties,
				challenge_bond: old.challenge_bond,
				posted_at: old.posted_at,
				deposit: old.deposit,
			};
			let under_way = matches!(job.status, JobStatus::Committing | JobStatus::Revealing);
			if job.round == Round::Arbitration && under_way {
				Assignments::<T>::mutate(job_id, |arbiters| {
					for a in arbiters.iter_mut() {
						a.commitment = None;
						a.reveal = None;
					}
				});
				let (period, _) = Pallet::<T>::round_periods(&job);
				Pallet::<T>::next_phase(job_id, &mut job, JobStatus::Committing, period);
				restarted.push(job_id);
			}
			Some(job)
		});
		let restarts = restarted.len() as u64;
		StorageVersion::new(3).put::<Pallet<T>>();
		// Each restart reads and writes the assignments and a deadline page.
		let extra = restarts.saturating_mul(3);
		db.reads_writes(
			entries.saturating_add(extra).saturating_add(1),
			entries.saturating_add(extra).saturating_add(1),
		)
	}
}

use codec::{Decode, Encode};
use sp_runtime::traits::Zero;
