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

/// Version 1 → 2: the bids of a job are drawn by lot weighted by their bidders' stake, and a
/// bid records that stake instead of its bidder's reputation. Rewrites every open job's bids
/// with its bidders' stake now (which a bidder cannot have lowered while it had bids: a
/// provider with open bids cannot unregister). Reads each job's bids and each bidder; a bid
/// whose bidder is gone (it cannot be, `try_state` checks) weighs nothing. Bonds stay as they
/// were held.
pub struct RecordBidStakes<T>(core::marker::PhantomData<T>);

/// A bid as version 1 stored it.
#[derive(Encode, Decode)]
pub struct BidV1<T: Config> {
	pub provider: AccountIdOf<T>,
	pub price: BalanceOf<T>,
	pub bond: BalanceOf<T>,
	pub reputation: sp_runtime::Permill,
	pub placed_at: BlockNumberOf<T>,
}

impl<T: Config> OnRuntimeUpgrade for RecordBidStakes<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 1 {
			return db.reads(1);
		}
		let (mut reads, mut writes) = (1u64, 1u64);
		Bids::<T>::translate::<alloc::vec::Vec<BidV1<T>>, _>(|_, old| {
			reads = reads.saturating_add(1);
			writes = writes.saturating_add(1);
			let bids = old.into_iter().map(|b| {
				reads = reads.saturating_add(1);
				let stake =
					Providers::<T>::get(&b.provider).map(|p| p.stake).unwrap_or_else(|| {
						frame_support::defensive!("every bidder is a provider");
						Zero::zero()
					});
				Bid {
					provider: b.provider,
					price: b.price,
					bond: b.bond,
					stake,
					placed_at: b.placed_at,
				}
			});
			Some(BoundedVec::truncate_from(bids.collect()))
		});
		StorageVersion::new(2).put::<Pallet<T>>();
		db.reads_writes(reads, writes)
	}
}

use codec::{Decode, Encode};
use sp_runtime::traits::Zero;
