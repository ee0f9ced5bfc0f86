//! # Allmende primitives
//!
//! What Allmende's pallets share, so that none depends on another's crate: the ids of jobs
//! and data assets, and [`DataAccess`], the trait through which the compute market asks a
//! data registry whether a job may use a dataset or model and tells it when the job ended.
//! The runtime wires a registry into the market; the market knows nothing of the
//! registry's storage, and the registry nothing of the market's.

#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::{pallet_prelude::*, Parameter};

/// Identifies a compute job; assigned in order from 0.
pub type JobId = u64;

/// Identifies a registered dataset or model; assigned in order from 0.
pub type AssetId = u64;

/// What the compute market needs from a data registry.
pub trait DataAccess<AccountId, Balance> {
	/// Identifies a dataset or model.
	type AssetId: Parameter + Member + MaxEncodedLen + Copy + Ord;

	/// Whether `user` may use `asset` in a job posted now. On success, the asset's owner and
	/// its royalty per job; the royalty is escrowed with the job.
	fn check_usable(
		asset: &Self::AssetId,
		user: &AccountId,
	) -> Result<(AccountId, Balance), DispatchError>;

	/// A job naming `asset` was posted: it is in flight until [`Self::finish_use`].
	fn start_use(asset: &Self::AssetId, job_id: JobId, requester: &AccountId);

	/// The job ended. `paid` is the owner and the royalty that moved to it when the job's
	/// result was verified; `None` when nothing moved: the job failed, expired or was
	/// cancelled, the requester owns the asset, or the payment failed. Then the royalty went
	/// back to the requester.
	fn finish_use(
		asset: &Self::AssetId,
		job_id: JobId,
		requester: &AccountId,
		paid: Option<(AccountId, Balance)>,
	);

	/// Benchmarks only: makes asset number `index`, owned by `owner`, usable by anyone.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_asset(index: u32, owner: &AccountId) -> Self::AssetId;
}

/// No registry: a job may name no asset.
impl<AccountId, Balance> DataAccess<AccountId, Balance> for () {
	type AssetId = AssetId;

	fn check_usable(_: &AssetId, _: &AccountId) -> Result<(AccountId, Balance), DispatchError> {
		Err(DispatchError::Other("this runtime has no data registry"))
	}

	fn start_use(_: &AssetId, _: JobId, _: &AccountId) {}

	fn finish_use(_: &AssetId, _: JobId, _: &AccountId, _: Option<(AccountId, Balance)>) {}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_asset(index: u32, _: &AccountId) -> AssetId {
		index.into()
	}
}
