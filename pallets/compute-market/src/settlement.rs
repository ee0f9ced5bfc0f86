//! Settlement: paying providers from escrow, slashing bonds, refunding requesters, and
//! keeping provider records and reputations in step.

use crate::*;
use frame_support::traits::{
	fungible::MutateHold,
	tokens::{Fortitude, Precision, Restriction},
};
use frame_support::BoundedVec;
use sp_core::H256;
use sp_runtime::{traits::Zero, Saturating};

/// How an assignment ended for its provider's reputation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
	Completed,
	Slashed,
	NoShow,
	Neutral,
}

impl<T: Config> Pallet<T> {
	/// Moves `amount` held from `from` under `reason` to `to`'s free balance.
	pub(crate) fn transfer_held(reason: HoldReason, from: &T::AccountId, to: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let moved = T::Currency::transfer_on_hold(
			&reason.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		);
		if moved != Ok(amount) {
			frame_support::defensive!("market transfer of held funds failed");
		}
	}

	/// Pays at most `price` out of `available`, held from `from` under `reason`, to
	/// `provider`. Returns what is left of `available`.
	pub(crate) fn pay_from(
		job_id: JobId,
		reason: HoldReason,
		from: &T::AccountId,
		provider: &T::AccountId,
		price: BalanceOf<T>,
		available: BalanceOf<T>,
	) -> BalanceOf<T> {
		let amount = price.min(available);
		if !amount.is_zero() {
			Self::transfer_held(reason, from, provider, amount);
			Self::deposit_event(Event::ProviderPaid { job_id, provider: provider.clone(), amount });
		}
		available.saturating_sub(amount)
	}

	/// Ends an assignment: the provider is no longer busy with the job, and its reputation
	/// records how it went.
	fn finish(job_id: JobId, provider: &T::AccountId, outcome: Outcome) {
		Providers::<T>::mutate(provider, |p| {
			if let Some(p) = p {
				p.assignments = p.assignments.saturating_sub(1);
				let r = &mut p.reputation;
				match outcome {
					Outcome::Completed => r.completed = r.completed.saturating_add(1),
					Outcome::Slashed => r.slashed = r.slashed.saturating_add(1),
					Outcome::NoShow => r.no_shows = r.no_shows.saturating_add(1),
					Outcome::Neutral => {},
				}
			}
		});
		JobsOfProvider::<T>::remove(provider, job_id);
	}

	/// The provider's result was verified: it is paid its price from escrow and its bond is
	/// released.
	pub(crate) fn reward(job_id: JobId, job: &mut Job<T>, a: Assignment<T>) {
		let left = Self::pay_from(job_id, HoldReason::JobEscrow, &job.requester, &a.provider, a.price, job.escrow);
		job.escrow = left;
		Self::release(HoldReason::BidBond, &a.provider, a.bond);
		Self::finish(job_id, &a.provider, Outcome::Completed);
	}

	/// An arbiter in the majority: its bond is released (its pay comes from a bond, see
	/// `conclude_arbitration`).
	pub(crate) fn dismiss_completed(job_id: JobId, a: Assignment<T>) {
		Self::release(HoldReason::BidBond, &a.provider, a.bond);
		Self::finish(job_id, &a.provider, Outcome::Completed);
	}

	/// The provider neither won nor lost: its bond is released, its reputation unchanged.
	pub(crate) fn dismiss(job_id: JobId, a: Assignment<T>) {
		Self::release(HoldReason::BidBond, &a.provider, a.bond);
		Self::finish(job_id, &a.provider, Outcome::Neutral);
	}

	/// The provider did not show up or revealed a losing result: its bond goes to the
	/// requester.
	pub(crate) fn punish(job_id: JobId, job: &Job<T>, a: Assignment<T>, reason: SlashReason) {
		Self::transfer_held(HoldReason::BidBond, &a.provider, &job.requester, a.bond);
		if !a.bond.is_zero() {
			Self::deposit_event(Event::BondSlashed {
				job_id,
				provider: a.provider.clone(),
				amount: a.bond,
				to: job.requester.clone(),
				reason,
			});
		}
		let outcome = match reason {
			SlashReason::NoShow => Outcome::NoShow,
			SlashReason::WrongResult => Outcome::Slashed,
		};
		Self::finish(job_id, &a.provider, outcome);
	}

	/// Returns whatever escrow the job still holds to its requester.
	pub(crate) fn refund_escrow(job_id: JobId, job: &mut Job<T>) {
		let amount = core::mem::take(&mut job.escrow);
		if !amount.is_zero() {
			Self::release(HoldReason::JobEscrow, &job.requester, amount);
			Self::deposit_event(Event::EscrowRefunded { job_id, requester: job.requester.clone(), amount });
		}
	}

	/// Records the verified result, refunds the rest of the escrow and closes the job.
	pub(crate) fn settle(
		job_id: JobId,
		mut job: Job<T>,
		result_hash: H256,
		result_uri: BoundedString<T>,
		agreed: BoundedVec<T::AccountId, T::MaxReplicas>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let count = agreed.len() as u32;
		Results::<T>::insert(job_id, VerifiedResult { result_hash, result_uri, agreed, verified_at: now });
		Self::deposit_event(Event::ResultVerified { job_id, result_hash, agreed: count });
		Self::end_data_use(job_id, &mut job, true);
		Self::refund_escrow(job_id, &mut job);
		job.status = JobStatus::Settled;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobSettled { job_id });
	}

	/// No result: the requester gets the escrow back and the job closes as failed.
	pub(crate) fn fail(job_id: JobId, mut job: Job<T>, reason: FailureReason) {
		Self::end_data_use(job_id, &mut job, false);
		Self::refund_escrow(job_id, &mut job);
		job.status = JobStatus::Failed;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobFailed { job_id, reason });
	}

	/// A k = 1 result nobody challenged in time is verified and paid.
	pub(crate) fn settle_unchallenged(job_id: JobId, job: Job<T>) {
		let mut assignments = Assignments::<T>::take(job_id);
		let Some(a) = assignments.pop() else {
			frame_support::defensive!("a job in its challenge window has its assignment");
			return Self::fail(job_id, job, FailureReason::NoResult);
		};
		Self::settle_original(job_id, job, a);
	}

	/// A challenge no arbiter took up: the original result stands and the challenger's bond
	/// goes back.
	pub(crate) fn settle_without_arbiters(job_id: JobId, mut job: Job<T>) {
		Self::release(HoldReason::ChallengeBond, &job.requester, job.challenge_bond);
		job.challenge_bond = Zero::zero();
		let Some(a) = Challenged::<T>::take(job_id) else {
			frame_support::defensive!("an arbitrated job has its original assignment");
			return Self::fail(job_id, job, FailureReason::NoResult);
		};
		Self::settle_original(job_id, job, a);
	}

	fn settle_original(job_id: JobId, mut job: Job<T>, a: Assignment<T>) {
		let (hash, uri) = match &a.reveal {
			Some(r) => (r.result_hash, r.result_uri.clone()),
			None => {
				frame_support::defensive!("a challengeable result was revealed");
				(H256::zero(), Default::default())
			},
		};
		let mut agreed = BoundedVec::new();
		let _ = agreed.try_push(a.provider.clone());
		Self::reward(job_id, &mut job, a);
		Self::settle(job_id, job, hash, uri, agreed);
	}
}
