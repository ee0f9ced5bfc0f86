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

use sp_runtime::traits::Zero;
