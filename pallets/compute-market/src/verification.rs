//! Verification: strict majority of replicas, the k = 1 challenge window, and arbitration.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// The result hash revealed by more than half of `of` assignments, if any.
	pub(crate) fn majority(assignments: &[Assignment<T>], of: u32) -> Option<H256> {
		let reveals = || assignments.iter().filter_map(|a| a.reveal.as_ref().map(|r| r.result_hash));
		reveals().find(|h| {
			let count = reveals().filter(|x| x == h).count() as u32;
			count.saturating_mul(2) > of
		})
	}

	/// At the reveal deadline, or once everyone who committed has revealed.
	pub(crate) fn verify(job_id: JobId, mut job: Job<T>) {
		let assignments = Assignments::<T>::take(job_id);
		if job.status.is_arbitration() {
			return Self::conclude_arbitration(job_id, job, assignments);
		}
		if job.spec.replicas == 1 {
			let revealed = assignments.first().map_or(false, |a| a.reveal.is_some());
			if revealed {
				// The result stands unless the requester challenges it in time.
				Assignments::<T>::insert(job_id, assignments);
				Self::next_phase(job_id, &mut job, JobStatus::ChallengeWindow, T::ChallengePeriod::get());
				let challenge_by = job.deadline;
				Jobs::<T>::insert(job_id, job);
				Self::deposit_event(Event::ChallengeWindowOpened { job_id, challenge_by });
			} else {
				for a in assignments {
					Self::punish(job_id, &job, a, SlashReason::NoShow);
				}
				Self::fail(job_id, job, FailureReason::NoResult);
			}
			return;
		}
		match Self::majority(&assignments, job.spec.replicas) {
			Some(hash) => {
				let mut agreed = BoundedVec::new();
				let mut uri = None;
				for a in assignments {
					match &a.reveal {
						Some(r) if r.result_hash == hash => {
							uri.get_or_insert_with(|| r.result_uri.clone());
							let _ = agreed.try_push(a.provider.clone());
							Self::reward(job_id, &mut job, a);
						},
						Some(_) => Self::punish(job_id, &job, a, SlashReason::WrongResult),
						None => Self::punish(job_id, &job, a, SlashReason::NoShow),
					}
				}
				Self::settle(job_id, job, hash, uri.unwrap_or_default(), agreed);
			},
			None => {
				for a in assignments {
					if a.reveal.is_some() {
						Self::dismiss(job_id, a);
					} else {
						Self::punish(job_id, &job, a, SlashReason::NoShow);
					}
				}
				Self::fail(job_id, job, FailureReason::NoMajority);
			},
		}
	}

	pub(crate) fn do_challenge(who: T::AccountId, job_id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.requester == who, Error::<T>::NotRequester);
		ensure!(job.status == JobStatus::ChallengeWindow, Error::<T>::NotChallengeable);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		let bond = T::ChallengeBond::get();
		Self::hold(HoldReason::ChallengeBond, &who, bond)?;
		// Unqueue first: the new deadline may fall on the same block as the old one.
		Self::unschedule(job_id, job.deadline);
		let bidding_ends = Self::schedule(job_id, now.saturating_add(job.spec.bidding_period))?;
		let mut assignments = Assignments::<T>::take(job_id);
		if let Some(original) = assignments.pop() {
			Challenged::<T>::insert(job_id, original);
		}
		job.challenge_bond = bond;
		OpenJobs::<T>::insert(job_id, ());
		job.status = JobStatus::ArbiterBidding;
		job.deadline = bidding_ends;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::ResultChallenged { job_id, bond, bidding_ends });
		Ok(())
	}

	/// The arbiters' majority decides a challenged k = 1 job.
	fn conclude_arbitration(job_id: JobId, mut job: Job<T>, arbiters: BoundedVec<Assignment<T>, T::MaxReplicas>) {
		let Some(original) = Challenged::<T>::take(job_id) else {
			frame_support::defensive!("an arbitrated job has its original assignment");
			for a in arbiters {
				Self::dismiss(job_id, a);
			}
			Self::release(HoldReason::ChallengeBond, &job.requester, job.challenge_bond);
			job.challenge_bond = Zero::zero();
			return Self::fail(job_id, job, FailureReason::ArbitrationInconclusive);
		};
		let original_hash = original.reveal.as_ref().map(|r| r.result_hash);
		match Self::majority(&arbiters, T::ArbiterReplicas::get()) {
			Some(hash) if Some(hash) == original_hash => {
				// Confirmed: the challenge bond pays the arbiters, the rest goes to the provider.
				let mut agreed = BoundedVec::new();
				let _ = agreed.try_push(original.provider.clone());
				let mut left = job.challenge_bond;
				for a in arbiters {
					if a.reveal.as_ref().map(|r| r.result_hash) == Some(hash) {
						left = Self::pay_from(job_id, HoldReason::ChallengeBond, &job.requester, &a.provider, a.price, left);
						let _ = agreed.try_push(a.provider.clone());
						Self::dismiss_completed(job_id, a);
					} else {
						let reason = if a.reveal.is_some() { SlashReason::WrongResult } else { SlashReason::NoShow };
						Self::punish(job_id, &job, a, reason);
					}
				}
				let provider = original.provider.clone();
				Self::pay_from(job_id, HoldReason::ChallengeBond, &job.requester, &provider, left, left);
				job.challenge_bond = Zero::zero();
				let uri = original.reveal.as_ref().map(|r| r.result_uri.clone()).unwrap_or_default();
				Self::reward(job_id, &mut job, original);
				Self::settle(job_id, job, hash, uri, agreed);
			},
			Some(hash) => {
				// Contradicted: the provider's bond pays the arbiters, the rest goes to the
				// requester, who gets its escrow and challenge bond back.
				let mut agreed = BoundedVec::new();
				let mut uri = None;
				let mut left = original.bond;
				for a in arbiters {
					match &a.reveal {
						Some(r) if r.result_hash == hash => {
							uri.get_or_insert_with(|| r.result_uri.clone());
							left = Self::pay_from(job_id, HoldReason::BidBond, &original.provider, &a.provider, a.price, left);
							let _ = agreed.try_push(a.provider.clone());
							Self::dismiss_completed(job_id, a);
						},
						Some(_) => Self::punish(job_id, &job, a, SlashReason::WrongResult),
						None => Self::punish(job_id, &job, a, SlashReason::NoShow),
					}
				}
				let slashed = Assignment { bond: left, ..original };
				Self::punish(job_id, &job, slashed, SlashReason::WrongResult);
				Self::release(HoldReason::ChallengeBond, &job.requester, job.challenge_bond);
				job.challenge_bond = Zero::zero();
				Self::settle(job_id, job, hash, uri.unwrap_or_default(), agreed);
			},
			None => {
				for a in arbiters {
					if a.reveal.is_some() {
						Self::dismiss(job_id, a);
					} else {
						Self::punish(job_id, &job, a, SlashReason::NoShow);
					}
				}
				Self::dismiss(job_id, original);
				Self::release(HoldReason::ChallengeBond, &job.requester, job.challenge_bond);
				job.challenge_bond = Zero::zero();
				Self::fail(job_id, job, FailureReason::ArbitrationInconclusive);
			},
		}
	}
}

use sp_runtime::traits::Zero;
