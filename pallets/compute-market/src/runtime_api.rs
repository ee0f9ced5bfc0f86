//! The market's runtime API: what clients read without scanning storage.
//!
//! Lists are paged: pass the last id of the previous page as `start_after` (or `None`), and
//! at most `limit` (capped at [`MAX_PAGE`]) ids come back.

use crate::*;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The most ids one page returns.
pub const MAX_PAGE: u32 = 100;

/// Everything about one job.
#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct JobDetails<T: Config> {
	/// The job record: requester, spec, status, deadline, escrow.
	pub job: Job<T>,
	/// Bids while the job is open.
	pub bids: Vec<Bid<T>>,
	/// Assigned providers of the current round with their commitments and reveals.
	pub assignments: Vec<Assignment<T>>,
	/// The round under review of a challenged or disputed job, while arbiters re-execute it
	/// (the arbiters are then in `assignments`).
	pub disputed: Vec<Assignment<T>>,
	/// The verified result, once there is one.
	pub result: Option<VerifiedResult<T>>,
}

use frame_support::{CloneNoBound, DebugNoBound, PartialEqNoBound};

/// The market's governed parameters as it applies them now, floors and ceilings included.
///
/// Governance changes them without a runtime upgrade, so the constants in the metadata (read
/// once, when a client connects or the runtime changes) can be stale: clients read these.
/// A job keeps the challenge period, least challenge bond and reputation fee it was posted
/// under (`Terms`); the values here apply to what is posted, bid or accepted from now on.
#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(T))]
pub struct MarketParameters<T: Config> {
	/// The least stake `register_provider` takes (`MinProviderStake`).
	pub min_provider_stake: BalanceOf<T>,
	/// Blocks between `unregister` and `withdraw_stake` (`UnbondingPeriod`).
	pub unbonding_period: BlockNumberFor<T>,
	/// A replica's least bond as a share of the most its work can be paid (`BidBondFraction`).
	pub bid_bond_fraction: Perbill,
	/// The least bond of any replica (`MinBidBond`).
	pub min_bid_bond: BalanceOf<T>,
	/// Blocks to challenge a result of a job posted now (`ChallengePeriod`).
	pub challenge_period: BlockNumberFor<T>,
	/// The least challenge bond of a job posted now (`ChallengeBond`).
	pub challenge_bond: BalanceOf<T>,
	/// Burnt per reputation point earned on a job posted now (`ReputationFee`).
	pub reputation_fee: BalanceOf<T>,
	/// Held per job posted now until it is pruned (`JobDeposit`).
	pub job_deposit: BalanceOf<T>,
	/// Held by each drawn arbiter (`ArbiterBond`).
	pub arbiter_bond: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// The governed parameters as the market applies them now.
	pub fn market_parameters() -> MarketParameters<T> {
		MarketParameters {
			min_provider_stake: T::MinProviderStake::get(),
			unbonding_period: T::UnbondingPeriod::get(),
			bid_bond_fraction: T::BidBondFraction::get(),
			min_bid_bond: T::MinBidBond::get(),
			challenge_period: T::ChallengePeriod::get(),
			challenge_bond: T::ChallengeBond::get(),
			reputation_fee: T::ReputationFee::get(),
			job_deposit: T::JobDeposit::get(),
			arbiter_bond: T::ArbiterBond::get(),
		}
	}

	/// Everything about `job_id`.
	pub fn job_details(job_id: JobId) -> Option<JobDetails<T>> {
		let job = Jobs::<T>::get(job_id)?;
		Some(JobDetails {
			job,
			bids: Bids::<T>::get(job_id).into_inner(),
			assignments: Assignments::<T>::get(job_id).into_inner(),
			disputed: Disputed::<T>::get(job_id).map(|d| d.into_inner()).unwrap_or_default(),
			result: Results::<T>::get(job_id),
		})
	}

	/// A page of the jobs `who` posted.
	pub fn jobs_of_requester(
		who: T::AccountId,
		start_after: Option<JobId>,
		limit: u32,
	) -> Vec<JobId> {
		let iter = match start_after {
			Some(last) => JobsOfRequester::<T>::iter_key_prefix_from(
				who.clone(),
				JobsOfRequester::<T>::hashed_key_for(&who, last),
			),
			None => JobsOfRequester::<T>::iter_key_prefix(who),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// A page of the jobs `who` bids on or is assigned to.
	pub fn jobs_of_provider(
		who: T::AccountId,
		start_after: Option<JobId>,
		limit: u32,
	) -> Vec<JobId> {
		let iter = match start_after {
			Some(last) => JobsOfProvider::<T>::iter_key_prefix_from(
				who.clone(),
				JobsOfProvider::<T>::hashed_key_for(&who, last),
			),
			None => JobsOfProvider::<T>::iter_key_prefix(who),
		};
		iter.take(limit.min(MAX_PAGE) as usize).collect()
	}

	/// A page of the open jobs a provider with `hardware` in `region` may bid on. Reads at
	/// most `MAX_PAGE` open jobs per call, so a page may hold fewer than `limit` even when
	/// more match; the second value is the id to continue after (`None` at the end).
	pub fn open_jobs_for(
		hardware: Hardware,
		region: RegionCode,
		start_after: Option<JobId>,
		limit: u32,
	) -> (Vec<JobId>, Option<JobId>) {
		let iter = match start_after {
			Some(last) => OpenJobs::<T>::iter_keys_from(OpenJobs::<T>::hashed_key_for(last)),
			None => OpenJobs::<T>::iter_keys(),
		};
		let mut found = Vec::new();
		let mut last = None;
		for job_id in iter.take(MAX_PAGE as usize) {
			last = Some(job_id);
			let Some(job) = Jobs::<T>::get(job_id) else { continue };
			let fits = hardware.covers(&job.spec.requirements)
				&& job.spec.region.map_or(true, |r| r == region);
			if fits {
				found.push(job_id);
				if found.len() as u32 >= limit.min(MAX_PAGE) {
					break;
				}
			}
		}
		let more = last.filter(|l| {
			OpenJobs::<T>::iter_keys_from(OpenJobs::<T>::hashed_key_for(*l))
				.next()
				.is_some()
		});
		(found, more)
	}
}

sp_api::decl_runtime_apis! {
	/// Read access to the compute market for clients. The runtime fixes `ProviderRecord` to
	/// [`Provider`], `JobRecord` to [`JobDetails`] and `Parameters` to [`MarketParameters`],
	/// so all three are described in the metadata.
	///
	/// Version 2 added `parameters`.
	#[api_version(2)]
	pub trait ComputeMarketApi<AccountId, ProviderRecord, JobRecord, Parameters>
	where
		AccountId: codec::Codec,
		ProviderRecord: codec::Codec,
		JobRecord: codec::Codec,
		Parameters: codec::Codec,
	{
		/// A provider's stake, profile, status, counters and reputation.
		fn provider(who: AccountId) -> Option<ProviderRecord>;
		/// Everything about a job: record, bids, assignments, challenged original, result.
		fn job(job_id: JobId) -> Option<JobRecord>;
		/// A page of a requester's jobs.
		fn jobs_of_requester(who: AccountId, start_after: Option<JobId>, limit: u32) -> Vec<JobId>;
		/// A page of the jobs a provider bids on or is assigned to.
		fn jobs_of_provider(who: AccountId, start_after: Option<JobId>, limit: u32) -> Vec<JobId>;
		/// A page of open jobs a provider with this hardware and region may bid on, and the
		/// id to continue after.
		fn open_jobs(
			hardware: Hardware,
			region: RegionCode,
			start_after: Option<JobId>,
			limit: u32,
		) -> (Vec<JobId>, Option<JobId>);
		/// The governed parameters as the market applies them now: what a bid, a job or a
		/// registration posted now must hold. Governance changes them without an upgrade,
		/// so the metadata's constants of the same names can be stale.
		#[api_version(2)]
		fn parameters() -> Parameters;
	}
}
