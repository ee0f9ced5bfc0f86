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

use codec::{Decode, Encode};
use sp_runtime::traits::Zero;
