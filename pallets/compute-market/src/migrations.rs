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

/// Content as versions 2 and 3 stored it: without its size.
#[derive(Encode, Decode)]
pub struct ContentRefV3<T: Config> {
	pub hash: H256,
	pub uri: BoundedString<T>,
}

/// A workload as versions 2 and 3 stored it.
#[derive(Encode, Decode)]
pub struct WorkloadV3<T: Config> {
	pub kind: WorkloadKind,
	pub content: ContentRefV3<T>,
}

/// A job spec as version 2 stored it: without `tolerance`, content without sizes.
#[derive(Encode, Decode)]
pub struct JobSpecV2<T: Config> {
	pub workload: WorkloadV3<T>,
	pub input: ContentRefV3<T>,
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

/// A job spec as version 3 stored it: with `tolerance`, content without sizes.
#[derive(Encode, Decode)]
pub struct JobSpecV3<T: Config> {
	pub workload: WorkloadV3<T>,
	pub input: ContentRefV3<T>,
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
	pub tolerance: Option<u32>,
}

/// A job as an older version stored it, with that version's spec `S`; the other fields were
/// the same from version 2 to version 4 (version 5 added `pause_mark`).
#[derive(Encode, Decode)]
pub struct StoredJob<T: Config, S> {
	pub requester: AccountIdOf<T>,
	pub spec: S,
	pub status: JobStatus,
	pub round: Round,
	pub deadline: BlockNumberOf<T>,
	pub escrow: BalanceOf<T>,
	pub royalties: BoundedVec<Royalty<T>, T::MaxAssetsPerJob>,
	pub challenge_bond: BalanceOf<T>,
	pub posted_at: BlockNumberOf<T>,
	pub deposit: BalanceOf<T>,
}

impl<T: Config, S> StoredJob<T, S> {
	/// The same job with its spec mapped by `f`.
	pub fn map_spec<U>(self, f: impl FnOnce(S) -> U) -> StoredJob<T, U> {
		StoredJob {
			requester: self.requester,
			spec: f(self.spec),
			status: self.status,
			round: self.round,
			deadline: self.deadline,
			escrow: self.escrow,
			royalties: self.royalties,
			challenge_bond: self.challenge_bond,
			posted_at: self.posted_at,
			deposit: self.deposit,
		}
	}
}

/// A job as version 2 stored it.
pub type JobV2<T> = StoredJob<T, JobSpecV2<T>>;
/// A job as version 3 stored it.
pub type JobV3<T> = StoredJob<T, JobSpecV3<T>>;
/// A job as version 4 stored it: the current spec, without a pause mark.
pub type JobV4<T> = StoredJob<T, JobSpec<T>>;

impl<T: Config> StoredJob<T, JobSpec<T>> {
	/// The job in the current layout, with `pause_mark`.
	pub fn with_pause_mark(self, pause_mark: u32) -> Job<T> {
		Job {
			requester: self.requester,
			spec: self.spec,
			status: self.status,
			round: self.round,
			deadline: self.deadline,
			escrow: self.escrow,
			royalties: self.royalties,
			challenge_bond: self.challenge_bond,
			posted_at: self.posted_at,
			deposit: self.deposit,
			pause_mark,
		}
	}
}

/// The version 4 layout of a job: all of it but its pause mark.
pub fn job_v4<T: Config>(job: Job<T>) -> JobV4<T> {
	StoredJob {
		requester: job.requester,
		spec: job.spec,
		status: job.status,
		round: job.round,
		deadline: job.deadline,
		escrow: job.escrow,
		royalties: job.royalties,
		challenge_bond: job.challenge_bond,
		posted_at: job.posted_at,
		deposit: job.deposit,
	}
}

impl<T: Config> JobSpecV2<T> {
	fn with_tolerance(self, tolerance: u32) -> JobSpecV3<T> {
		JobSpecV3 {
			workload: self.workload,
			input: self.input,
			requirements: self.requirements,
			region: self.region,
			replicas: self.replicas,
			max_price: self.max_price,
			bidding_period: self.bidding_period,
			execution_period: self.execution_period,
			reveal_period: self.reveal_period,
			min_reputation: self.min_reputation,
			assets: self.assets,
			max_royalties: self.max_royalties,
			tolerance: Some(tolerance),
		}
	}
}

impl<T: Config> OnRuntimeUpgrade for AddTolerance<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 2 {
			return db.reads(1);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let mut entries = 0u64;
		let mut restarts = 0u64;
		// Written in version 3's layout, which `AddContentSizes` reads next, so not with
		// `translate` (whose output is the current layout). Only values change, never keys,
		// so the iteration is not disturbed.
		for job_id in Jobs::<T>::iter_keys() {
			entries = entries.saturating_add(1);
			let key = Jobs::<T>::hashed_key_for(job_id);
			let Some(old) = storage::unhashed::get::<JobV2<T>>(&key) else {
				frame_support::defensive!("a job of version 2 decodes");
				continue;
			};
			let mut job = old.map_spec(|s| s.with_tolerance(T::DefaultTolerance::get()));
			let under_way = matches!(job.status, JobStatus::Committing | JobStatus::Revealing);
			if job.round == Round::Arbitration && under_way {
				Assignments::<T>::mutate(job_id, |arbiters| {
					for a in arbiters.iter_mut() {
						a.commitment = None;
						a.reveal = None;
					}
				});
				// The commit phase again, with the arbiters' periods (`round_periods`).
				let period = job.spec.execution_period.max(T::ArbiterExecutionPeriod::get());
				job.status = JobStatus::Committing;
				job.deadline = now.saturating_add(period);
				Pallet::<T>::schedule(job_id, job.deadline);
				restarts = restarts.saturating_add(1);
			}
			storage::unhashed::put(&key, &job);
		}
		StorageVersion::new(3).put::<Pallet<T>>();
		// Each restart reads and writes the assignments and a deadline page.
		let extra = restarts.saturating_mul(3);
		db.reads_writes(
			entries.saturating_add(extra).saturating_add(1),
			entries.saturating_add(extra).saturating_add(1),
		)
	}
}

/// Version 3 → 4: content names its size (`ContentRef::size`), and offers name the workload
/// kinds, sizes and least tolerance they take (`OfferScope`). A stored job's workload and
/// input take the size their URI declared with a `#size=<bytes>` fragment (as the agent
/// publishes them), else `UNDECLARED_SIZE`. A standing offer of version 3 named none of
/// this, and taking it could bind its provider to work it never offered: it is withdrawn
/// (`OfferWithdrawn`; offers hold no funds, and the agent posts its offers again). Reads and
/// writes every job once, and every offer and its provider. Writes jobs in version 4's
/// layout, which `AddPauseMark` reads next.
pub struct AddContentSizes<T>(core::marker::PhantomData<T>);

/// An offer as version 3 stored it: without its scope.
#[derive(Encode, Decode)]
pub struct OfferV3<T: Config> {
	pub provider: AccountIdOf<T>,
	pub price: BalanceOf<T>,
	pub hardware: Hardware,
	pub capacity: u32,
	pub expires_at: BlockNumberOf<T>,
	pub execution_period: BlockNumberOf<T>,
	pub reveal_period: BlockNumberOf<T>,
}

/// The size a URI declares with a `#size=<bytes>` fragment (decimal digits only), if it
/// declares one.
pub fn declared_size(uri: &[u8]) -> Option<u64> {
	// The fragment starts at the first `#` (RFC 3986), as the agent reads it.
	let hash = uri.iter().position(|&b| b == b'#')?;
	let digits = uri.get(hash.saturating_add(1)..)?.strip_prefix(b"size=")?;
	if digits.is_empty() {
		return None;
	}
	digits.iter().try_fold(0u64, |n, &d| {
		d.is_ascii_digit()
			.then(|| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
			.flatten()
	})
}

impl<T: Config> ContentRefV3<T> {
	fn sized(self) -> ContentRef<T> {
		let size = declared_size(&self.uri).unwrap_or(UNDECLARED_SIZE);
		ContentRef { hash: self.hash, uri: self.uri, size }
	}
}

impl<T: Config> JobSpecV3<T> {
	fn sized(self) -> JobSpec<T> {
		JobSpec {
			workload: Workload { kind: self.workload.kind, content: self.workload.content.sized() },
			input: self.input.sized(),
			requirements: self.requirements,
			region: self.region,
			replicas: self.replicas,
			max_price: self.max_price,
			bidding_period: self.bidding_period,
			execution_period: self.execution_period,
			reveal_period: self.reveal_period,
			min_reputation: self.min_reputation,
			assets: self.assets,
			max_royalties: self.max_royalties,
			tolerance: self.tolerance,
		}
	}
}

impl<T: Config> OnRuntimeUpgrade for AddContentSizes<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 3 {
			return db.reads(1);
		}
		let mut jobs = 0u64;
		// Written in version 4's layout, which `AddPauseMark` reads next, so not with
		// `translate` (see `AddTolerance`).
		for job_id in Jobs::<T>::iter_keys() {
			jobs = jobs.saturating_add(1);
			let key = Jobs::<T>::hashed_key_for(job_id);
			let Some(old) = storage::unhashed::get::<JobV3<T>>(&key) else {
				frame_support::defensive!("a job of version 3 decodes");
				continue;
			};
			let job: JobV4<T> = old.map_spec(JobSpecV3::sized);
			storage::unhashed::put(&key, &job);
		}
		let mut offers = 0u64;
		Offers::<T>::translate::<OfferV3<T>, _>(|offer_id, old| {
			offers = offers.saturating_add(1);
			Providers::<T>::mutate(&old.provider, |p| {
				if let Some(p) = p {
					p.offers = p.offers.saturating_sub(1);
				}
			});
			Pallet::<T>::deposit_event(Event::OfferWithdrawn { offer_id });
			None
		});
		StorageVersion::new(4).put::<Pallet<T>>();
		let offer_io = offers.saturating_mul(2);
		db.reads_writes(
			jobs.saturating_add(offer_io).saturating_add(1),
			jobs.saturating_add(offer_io).saturating_add(2),
		)
	}
}

/// Version 4 → 5: a paused market stands still (`Config::Paused`), and a job records the
/// paused blocks counted when its phase's deadline was scheduled (`Job::pause_mark`). The
/// count (`PausedBlocks`) starts at 0 with this version, so every stored job gets a mark of
/// 0: no phase has lost a block to a pause. Reads and writes every job once.
pub struct AddPauseMark<T>(core::marker::PhantomData<T>);

impl<T: Config> OnRuntimeUpgrade for AddPauseMark<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 4 {
			return db.reads(1);
		}
		let mut jobs = 0u64;
		Jobs::<T>::translate::<JobV4<T>, _>(|_, old| {
			jobs = jobs.saturating_add(1);
			Some(old.with_pause_mark(0))
		});
		StorageVersion::new(5).put::<Pallet<T>>();
		db.reads_writes(jobs.saturating_add(1), jobs.saturating_add(1))
	}

	/// Every job as version 4 stored it, or nothing when the upgrade does not apply. Fails
	/// when a job does not decode in version 4's layout.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		if Pallet::<T>::on_chain_storage_version() != 4 {
			return Ok(Option::<Vec<(JobId, JobV4<T>)>>::None.encode());
		}
		let mut jobs = Vec::new();
		for job_id in Jobs::<T>::iter_keys() {
			let key = Jobs::<T>::hashed_key_for(job_id);
			let job = storage::unhashed::get::<JobV4<T>>(&key)
				.ok_or("a job does not decode in version 4's layout")?;
			jobs.push((job_id, job));
		}
		Ok(Some(jobs).encode())
	}

	/// The same jobs, each decoding in the current layout with every field as before and a
	/// pause mark of 0, at storage version 5.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let old = Option::<Vec<(JobId, JobV4<T>)>>::decode(&mut &state[..])
			.map_err(|_| "the state before the upgrade does not decode")?;
		let Some(old) = old else { return Ok(()) };
		ensure!(Pallet::<T>::on_chain_storage_version() == 5, "the storage version is not 5");
		ensure!(Jobs::<T>::iter_keys().count() == old.len(), "the number of jobs changed");
		for (job_id, was) in old {
			let job = Jobs::<T>::get(job_id).ok_or("a job does not decode after the upgrade")?;
			ensure!(job.pause_mark == 0, "a job has a pause mark though nothing was paused");
			ensure!(job_v4(job).encode() == was.encode(), "a job's fields changed");
		}
		Ok(())
	}
}

/// Version 5 → 6: a job keeps the governed parameters it was posted under (`Terms`: its
/// challenge period, least challenge bond and reputation fee), so that a change by governance
/// applies to later jobs only. Version 5 recorded none of them: a job in flight used the
/// parameters' values at the moment it used them, which are the values now until governance
/// changes one. So every stored job gets the current values, exactly what it would have used
/// under version 5 had nothing changed; from here on a change no longer reaches it. Only a new
/// map is written: `Jobs` and every other item the agents read keep their shape. Reads every
/// job's key once (and the three parameters) and writes its terms.
pub struct RecordJobTerms<T>(core::marker::PhantomData<T>);

impl<T: Config> OnRuntimeUpgrade for RecordJobTerms<T> {
	fn on_runtime_upgrade() -> Weight {
		let db = T::DbWeight::get();
		if Pallet::<T>::on_chain_storage_version() != 5 {
			return db.reads(1);
		}
		// The parameters are governed: in the runtime each is a storage read.
		let terms = JobTerms::<T>::current();
		let mut jobs = 0u64;
		// Writes another map than the one iterated, so the iteration is not disturbed.
		for job_id in Jobs::<T>::iter_keys() {
			jobs = jobs.saturating_add(1);
			Terms::<T>::insert(job_id, terms.clone());
		}
		StorageVersion::new(6).put::<Pallet<T>>();
		db.reads_writes(jobs.saturating_add(4), jobs.saturating_add(1))
	}

	/// The ids of every job, or nothing when the upgrade does not apply. Fails when a job
	/// already has terms.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		if Pallet::<T>::on_chain_storage_version() != 5 {
			return Ok(Option::<Vec<JobId>>::None.encode());
		}
		ensure!(Terms::<T>::iter_keys().next().is_none(), "terms are recorded before the upgrade");
		let jobs: Vec<JobId> = Jobs::<T>::iter_keys().collect();
		Ok(Some(jobs).encode())
	}

	/// The same jobs, each still decoding and with terms equal to the parameters' current
	/// values, no terms without a job, at storage version 6.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let old = Option::<Vec<JobId>>::decode(&mut &state[..])
			.map_err(|_| "the state before the upgrade does not decode")?;
		let Some(old) = old else { return Ok(()) };
		ensure!(Pallet::<T>::on_chain_storage_version() == 6, "the storage version is not 6");
		ensure!(Jobs::<T>::iter_keys().count() == old.len(), "the number of jobs changed");
		let current = JobTerms::<T>::current();
		for job_id in old {
			ensure!(Jobs::<T>::get(job_id).is_some(), "a job does not decode after the upgrade");
			ensure!(
				Terms::<T>::get(job_id).as_ref() == Some(&current),
				"a job's terms are not the parameters' current values"
			);
		}
		ensure!(
			Terms::<T>::iter_keys().all(Jobs::<T>::contains_key),
			"terms are recorded for no job"
		);
		Ok(())
	}
}

/// The version 3 layout of a job (tests of the migrations).
#[cfg(test)]
pub fn job_v3<T: Config>(job: Job<T>) -> JobV3<T> {
	let unsized_ = |c: ContentRef<T>| ContentRefV3 { hash: c.hash, uri: c.uri };
	job_v4(job).map_spec(|s| JobSpecV3 {
		workload: WorkloadV3 { kind: s.workload.kind, content: unsized_(s.workload.content) },
		input: unsized_(s.input),
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
		tolerance: s.tolerance,
	})
}

/// The version 2 layout of a job (tests of the migrations).
#[cfg(test)]
pub fn job_v2<T: Config>(job: Job<T>) -> JobV2<T> {
	job_v3(job).map_spec(|s| JobSpecV2 {
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
	})
}

#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use codec::{Decode, Encode};
use sp_core::H256;
#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;
use sp_runtime::{traits::Zero, Saturating};
