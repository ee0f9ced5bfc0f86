//! Commit-reveal: assigned providers commit to a result, then reveal it.

use crate::*;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// The commitment a provider makes: `blake2_256(result_hash ‖ salt ‖ provider)`.
	pub fn commitment_of(result_hash: &H256, salt: &H256, provider: &T::AccountId) -> H256 {
		let mut data = alloc::vec::Vec::with_capacity(64 + 32);
		data.extend_from_slice(result_hash.as_bytes());
		data.extend_from_slice(salt.as_bytes());
		provider.encode_to(&mut data);
		H256(sp_io::hashing::blake2_256(&data))
	}

	/// The commitment an arbiter makes: `blake2_256(result_hash ‖ salt ‖ arbiter ‖ agrees)`,
	/// `agrees` SCALE encoded (a compact length, then one byte per replica).
	pub fn verdict_commitment_of(
		result_hash: &H256,
		agrees: &[Judgement],
		salt: &H256,
		arbiter: &T::AccountId,
	) -> H256 {
		let mut data = alloc::vec::Vec::with_capacity(64 + 32 + 1 + agrees.len());
		data.extend_from_slice(result_hash.as_bytes());
		data.extend_from_slice(salt.as_bytes());
		arbiter.encode_to(&mut data);
		agrees.encode_to(&mut data);
		H256(sp_io::hashing::blake2_256(&data))
	}

	pub(crate) fn do_commit(who: T::AccountId, job_id: JobId, commitment: H256) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status == JobStatus::Committing, Error::<T>::WrongPhase);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		let mut assignments = Assignments::<T>::get(job_id);
		let a = assignments
			.iter_mut()
			.find(|a| a.provider == who)
			.ok_or(Error::<T>::NotAssigned)?;
		ensure!(a.commitment.is_none(), Error::<T>::AlreadyCommitted);
		a.commitment = Some(commitment);
		let all_in = assignments.iter().all(|a| a.commitment.is_some());
		Assignments::<T>::insert(job_id, assignments);
		Self::deposit_event(Event::ResultCommitted { job_id, provider: who });
		if all_in {
			// Everyone committed: no need to wait for the execution deadline.
			// The commit deadline's queue entry goes stale; the reveal deadline replaces it.
			let (_, period) = Self::round_periods(&job);
			Self::next_phase(job_id, &mut job, JobStatus::Revealing, period);
			let reveal_by = job.deadline;
			Jobs::<T>::insert(job_id, job);
			Self::deposit_event(Event::RevealPhaseStarted { job_id, reveal_by });
		}
		Ok(())
	}

	/// At the execution deadline: whoever committed may now reveal.
	pub(crate) fn start_reveal(job_id: JobId, mut job: Job<T>) {
		let (_, period) = Self::round_periods(&job);
		Self::next_phase(job_id, &mut job, JobStatus::Revealing, period);
		let reveal_by = job.deadline;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::RevealPhaseStarted { job_id, reveal_by });
	}

	/// Records `who`'s reveal of `result_hash` in `job_id`'s current round if it matches
	/// `who`'s commitment (`commitment_of` computes what it should be); returns the job and
	/// whether everyone who committed has now revealed.
	fn record_reveal(
		who: &T::AccountId,
		job_id: JobId,
		result_hash: H256,
		result_uri: BoundedString<T>,
		commitment_of: impl FnOnce(&Job<T>) -> Result<H256, DispatchError>,
	) -> Result<(Job<T>, bool), DispatchError> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status == JobStatus::Revealing, Error::<T>::WrongPhase);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		let mut assignments = Assignments::<T>::get(job_id);
		let a = assignments
			.iter_mut()
			.find(|a| a.provider == *who)
			.ok_or(Error::<T>::NotAssigned)?;
		let commitment = a.commitment.ok_or(Error::<T>::NotCommitted)?;
		ensure!(a.reveal.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(commitment_of(&job)? == commitment, Error::<T>::RevealMismatch);
		a.reveal = Some(Reveal { result_hash, result_uri });
		// Everyone who committed has revealed: nothing more can come, verify now.
		let done = assignments.iter().all(|a| a.commitment.is_none() || a.reveal.is_some());
		Assignments::<T>::insert(job_id, assignments);
		Ok((job, done))
	}

	pub(crate) fn do_reveal(
		who: T::AccountId,
		job_id: JobId,
		result_hash: H256,
		salt: H256,
		result_uri: BoundedString<T>,
	) -> Result<Weight, DispatchError> {
		let (job, done) = Self::record_reveal(&who, job_id, result_hash, result_uri, |job| {
			ensure!(job.round == Round::Original, Error::<T>::ArbitersRevealVerdicts);
			Ok(Self::commitment_of(&result_hash, &salt, &who))
		})?;
		Self::deposit_event(Event::ResultRevealed { job_id, provider: who, result_hash });
		if !done {
			return Ok(T::WeightInfo::reveal_result_unverified());
		}
		// What the verification costs: a k = 1 original result only opens the challenge
		// window; k > 1 checks the job's replicas and opens the window or a dispute
		// (`reveal_result(k)`, which includes reading the job's `Terms`; for k = 1 that read
		// is added).
		let weight = match job.spec.replicas {
			1 => T::WeightInfo::reveal_result_unverified()
				.saturating_add(T::DbWeight::get().reads(1)),
			k => T::WeightInfo::reveal_result(k),
		};
		// The reveal deadline's queue entry goes stale.
		Self::verify(job_id, job);
		Ok(weight)
	}

	/// Records an arbiter's verdict; returns whether it concluded the arbitration.
	pub(crate) fn do_reveal_verdict(
		who: T::AccountId,
		job_id: JobId,
		result_hash: H256,
		agrees: BoundedVec<Judgement, T::MaxReplicas>,
		salt: H256,
		result_uri: BoundedString<T>,
	) -> Result<bool, DispatchError> {
		let (job, done) = Self::record_reveal(&who, job_id, result_hash, result_uri, |job| {
			ensure!(job.round == Round::Arbitration, Error::<T>::NotInArbitration);
			let replicas = Disputed::<T>::decode_len(job_id).unwrap_or_default();
			ensure!(agrees.len() == replicas, Error::<T>::WrongVerdictCount);
			Ok(Self::verdict_commitment_of(&result_hash, &agrees, &salt, &who))
		})?;
		Verdicts::<T>::insert(job_id, &who, &agrees);
		Self::deposit_event(Event::VerdictRevealed { job_id, arbiter: who, result_hash, agrees });
		if done {
			// The reveal deadline's queue entry goes stale.
			Self::verify(job_id, job);
		}
		Ok(done)
	}

	/// What `reveal_verdict` costs: recording the verdict (a reveal and its `Verdicts`
	/// entry), and when `concludes`, the arbitration's conclusion: the measured
	/// `reveal_verdict` (the last verdict concluding an arbitration of `MaxReplicas`
	/// replicas), or recording plus one job's `on_initialize_arbitrate` if that is more (both
	/// include reading the job's `Terms`).
	pub(crate) fn reveal_verdict_weight(concludes: bool) -> Weight {
		let record = T::WeightInfo::reveal_result_unverified()
			.saturating_add(T::DbWeight::get().reads_writes(1, 1));
		if concludes {
			T::WeightInfo::reveal_verdict().max(record.saturating_add(Self::arbitrate_weight(1)))
		} else {
			record
		}
	}

	/// What `accept_result` costs for a job of `replicas`: settling one replica, or as the
	/// deadline queue settles a window of `MaxReplicas` (benchmarked as
	/// `on_initialize_verify` for one job: its replicas paid, a no-show slashed, 8 royalties).
	pub(crate) fn accept_result_weight(replicas: u32) -> Weight {
		if replicas <= 1 {
			T::WeightInfo::accept_result()
		} else {
			T::WeightInfo::accept_result().max(T::WeightInfo::on_initialize_verify(1))
		}
	}

	/// What `reveal_result` is declared at: verifying `MaxReplicas` replicas.
	pub(crate) fn reveal_result_worst_weight() -> Weight {
		T::WeightInfo::reveal_result(T::MaxReplicas::get())
	}
}
