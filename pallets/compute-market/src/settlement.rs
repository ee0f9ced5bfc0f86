//! Settlement: paying providers from escrow, slashing bonds, refunding requesters, and
//! keeping provider records and reputations in step.

use crate::*;
use frame_support::traits::{
	fungible::Mutate,
	tokens::{Fortitude, Precision, Preservation},
};
use frame_support::{traits::Get, BoundedVec};
use sp_core::H256;
use sp_runtime::{
	traits::{One, Zero},
	Saturating,
};

/// How an assignment ended for its provider's reputation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
	Completed,
	Slashed,
	NoShow,
	Neutral,
}

/// Slashed funds, still held, waiting to pay arbiters or be burnt.
pub(crate) struct Slashed<T: Config> {
	pub reason: HoldReason,
	pub from: T::AccountId,
	pub amount: BalanceOf<T>,
}

impl<T: Config> Pallet<T> {
	/// Pays at most `price` out of `available`, held from `from` under `reason`, to
	/// `provider`. Returns what is left of `available` (all of it if the payment failed).
	pub(crate) fn pay_from(
		job_id: JobId,
		reason: HoldReason,
		from: &T::AccountId,
		provider: &T::AccountId,
		price: BalanceOf<T>,
		available: BalanceOf<T>,
	) -> BalanceOf<T> {
		let amount = price.min(available);
		if amount.is_zero() || !Self::pay(job_id, reason, from, provider, amount) {
			return available;
		}
		Self::deposit_event(Event::ProviderPaid { job_id, provider: provider.clone(), amount });
		available.saturating_sub(amount)
	}

	/// A provider was paid `paid` for verified work. If that is more than the job's reputation
	/// fee (the `ReputationFee` it was posted under, from its `Terms`) and its stake backs one
	/// point more (`StakePerPoint` per point), the fee is burnt from what it received and the
	/// job counts for its reputation; otherwise the job leaves its reputation as it was.
	/// Saying the content could not be had (`result`) earns nothing.
	pub(crate) fn completion(
		job_id: JobId,
		provider: &T::AccountId,
		paid: BalanceOf<T>,
		result: H256,
	) -> Outcome {
		let fee = Self::terms_of(job_id).reputation_fee;
		if paid <= fee || result == content_unavailable() {
			return Outcome::Neutral;
		}
		let Some(record) = Providers::<T>::get(provider) else { return Outcome::Neutral };
		let backed = record.stake / T::StakePerPoint::get().max(One::one());
		if BalanceOf::<T>::from(record.reputation.completed) >= backed {
			return Outcome::Neutral;
		}
		if !fee.is_zero() {
			let burnt = T::Currency::burn_from(
				provider,
				fee,
				Preservation::Preserve,
				Precision::Exact,
				Fortitude::Polite,
			);
			if burnt != Ok(fee) {
				frame_support::defensive!("a provider cannot pay the reputation fee from its pay");
				return Outcome::Neutral;
			}
			Self::deposit_event(Event::Burnt { job_id, amount: fee });
		}
		Self::deposit_event(Event::ReputationEarned {
			job_id,
			provider: provider.clone(),
			completed: record.reputation.completed.saturating_add(1),
		});
		Outcome::Completed
	}

	/// Ends an assignment: the provider is no longer busy with the job, and its reputation
	/// records how it went.
	pub(crate) fn finish(job_id: JobId, provider: &T::AccountId, outcome: Outcome) {
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

	/// Pays the provider of `a` its price from the job's escrow; returns what it was paid.
	pub(crate) fn pay_price(job_id: JobId, job: &mut Job<T>, a: &Assignment<T>) -> BalanceOf<T> {
		let before = job.escrow;
		job.escrow = Self::pay_from(
			job_id,
			HoldReason::JobEscrow,
			&job.requester,
			&a.provider,
			a.price,
			job.escrow,
		);
		before.saturating_sub(job.escrow)
	}

	/// The provider's result `hash` was verified: it is paid its price from escrow and its
	/// bond is released.
	pub(crate) fn reward(job_id: JobId, job: &mut Job<T>, a: Assignment<T>, hash: H256) {
		let paid = Self::pay_price(job_id, job, &a);
		Self::release(HoldReason::BidBond, &a.provider, a.bond);
		let outcome = Self::completion(job_id, &a.provider, paid, hash);
		Self::finish(job_id, &a.provider, outcome);
	}

	/// The provider neither won nor lost: its bond is released, its reputation unchanged.
	pub(crate) fn dismiss(job_id: JobId, a: Assignment<T>) {
		Self::release(HoldReason::BidBond, &a.provider, a.bond);
		Self::finish(job_id, &a.provider, Outcome::Neutral);
	}

	/// Slashes a provider who did not show up or revealed a losing result: its bond stays
	/// held for the caller to pay arbiters with and burn (see `pay_arbiters`). Returns what
	/// was slashed.
	pub(crate) fn slash(job_id: JobId, a: &Assignment<T>, reason: SlashReason) -> Slashed<T> {
		if !a.bond.is_zero() {
			Self::deposit_event(Event::BondSlashed {
				job_id,
				provider: a.provider.clone(),
				amount: a.bond,
				reason,
			});
		}
		let outcome = match reason {
			SlashReason::NoShow => Outcome::NoShow,
			SlashReason::WrongResult => Outcome::Slashed,
		};
		Self::finish(job_id, &a.provider, outcome);
		Slashed { reason: HoldReason::BidBond, from: a.provider.clone(), amount: a.bond }
	}

	/// Slashes a provider when no arbiter is owed anything: its bond is burnt.
	pub(crate) fn punish(job_id: JobId, a: Assignment<T>, reason: SlashReason) {
		let slashed = Self::slash(job_id, &a, reason);
		Self::burn_held(job_id, slashed.reason, &slashed.from, slashed.amount);
	}

	/// Pays the arbiters in the majority: each is owed its price (the dearest price of the
	/// disputed round), paid
	/// first from `slashed` funds (whose rest is then burnt), then from the job's escrow beyond
	/// its royalties (the price of replicas nobody is paid). When that is short of what they
	/// are owed, they share it evenly. Records their completion, which counts for their
	/// reputation only when `verdict` is a result, not "content unavailable".
	pub(crate) fn pay_arbiters(
		job_id: JobId,
		job: &mut Job<T>,
		verdict: H256,
		owed: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)>,
		slashed: alloc::vec::Vec<Slashed<T>>,
	) {
		let spare = job.escrow.saturating_sub(Self::royalty_total(job));
		let available = slashed.iter().fold(spare, |sum, s| sum.saturating_add(s.amount));
		let wanted = owed.iter().fold(BalanceOf::<T>::zero(), |sum, (_, o)| sum.saturating_add(*o));
		let targets = even_shares::<T>(&owed, available.min(wanted));
		// (arbiter, still to pay, paid so far)
		let mut due: alloc::vec::Vec<(T::AccountId, BalanceOf<T>, BalanceOf<T>)> = owed
			.into_iter()
			.zip(targets)
			.map(|((who, _), t)| (who, t, Zero::zero()))
			.collect();
		let mut sources: alloc::vec::Vec<Slashed<T>> = slashed;
		sources.push(Slashed {
			reason: HoldReason::JobEscrow,
			from: job.requester.clone(),
			amount: spare,
		});
		for source in sources {
			let mut left = source.amount;
			for (who, want, paid) in due.iter_mut() {
				let amount = (*want).min(left);
				if amount.is_zero() {
					continue;
				}
				if !Self::pay(job_id, source.reason, &source.from, who, amount) {
					// Nothing more for this arbiter: what it was owed stays with the source.
					*want = Zero::zero();
					continue;
				}
				*want = want.saturating_sub(amount);
				*paid = paid.saturating_add(amount);
				left = left.saturating_sub(amount);
			}
			if source.reason == HoldReason::JobEscrow {
				// The escrow's rest stays held for the refund at settlement.
				job.escrow = job.escrow.saturating_sub(source.amount.saturating_sub(left));
			} else {
				Self::burn_held(job_id, source.reason, &source.from, left);
			}
		}
		for (who, _, paid) in due {
			if !paid.is_zero() {
				Self::deposit_event(Event::ProviderPaid {
					job_id,
					provider: who.clone(),
					amount: paid,
				});
			}
			let outcome = Self::completion(job_id, &who, paid, verdict);
			Self::finish(job_id, &who, outcome);
		}
	}

	/// Returns whatever escrow the job still holds to its requester.
	pub(crate) fn refund_escrow(job_id: JobId, job: &mut Job<T>) {
		let amount = core::mem::take(&mut job.escrow);
		if !amount.is_zero() {
			Self::release(HoldReason::JobEscrow, &job.requester, amount);
			Self::deposit_event(Event::EscrowRefunded {
				job_id,
				requester: job.requester.clone(),
				amount,
			});
		}
	}

	/// Records the verified result, pays the royalties unless the result says the content
	/// could not be had, refunds the rest of the escrow and closes the job.
	pub(crate) fn settle(
		job_id: JobId,
		mut job: Job<T>,
		result_hash: H256,
		result_uri: BoundedString<T>,
		agreed: BoundedVec<T::AccountId, T::MaxReplicas>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		let count = agreed.len() as u32;
		Results::<T>::insert(
			job_id,
			VerifiedResult { result_hash, result_uri, agreed, verified_at: now },
		);
		Self::deposit_event(Event::ResultVerified { job_id, result_hash, agreed: count });
		Self::end_data_use(job_id, &mut job, result_hash != content_unavailable());
		Self::refund_escrow(job_id, &mut job);
		Self::end(&mut job, JobStatus::Settled);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobSettled { job_id });
	}

	/// No result: the requester gets the escrow back and the job closes as failed.
	pub(crate) fn fail(job_id: JobId, mut job: Job<T>, reason: FailureReason) {
		Self::end_data_use(job_id, &mut job, false);
		Self::refund_escrow(job_id, &mut job);
		Self::end(&mut job, JobStatus::Failed);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobFailed { job_id, reason });
	}

	/// A result nobody challenged in time (or that the requester accepted) is verified: every
	/// replica that revealed it is paid, every no-show slashed.
	pub(crate) fn settle_unchallenged(job_id: JobId, mut job: Job<T>) {
		let assignments = Assignments::<T>::take(job_id);
		let Some(hash) = Self::majority(&assignments, job.spec.replicas) else {
			frame_support::defensive!("a job in its challenge window has a majority result");
			for a in assignments {
				Self::dismiss(job_id, a);
			}
			return Self::fail(job_id, job, FailureReason::NoResult);
		};
		let mut agreed = BoundedVec::new();
		let mut uri = None;
		for a in assignments {
			match &a.reveal {
				Some(r) => {
					uri.get_or_insert_with(|| r.result_uri.clone());
					let _ = agreed.try_push(a.provider.clone());
					Self::reward(job_id, &mut job, a, hash);
				},
				None => Self::punish(job_id, a, SlashReason::NoShow),
			}
		}
		Self::settle(job_id, job, hash, uri.unwrap_or_default(), agreed);
	}
}

/// Splits `total` among `owed` as evenly as their claims allow: each gets `total / n`, at most
/// what it is owed, and the remainder goes one unit at a time to those still owed.
fn even_shares<T: Config>(
	owed: &[(AccountIdOf<T>, BalanceOf<T>)],
	total: BalanceOf<T>,
) -> alloc::vec::Vec<BalanceOf<T>> {
	let n = BalanceOf::<T>::from(owed.len().max(1) as u32);
	let each = total / n;
	let mut shares: alloc::vec::Vec<BalanceOf<T>> =
		owed.iter().map(|(_, o)| each.min(*o)).collect();
	let mut left = total.saturating_sub(
		shares.iter().fold(Zero::zero(), |s: BalanceOf<T>, x| s.saturating_add(*x)),
	);
	// With equal claims (every arbiter is owed the same price) fewer than `n` units remain: one
	// more each to the first. A second pass gives anything left to whoever is still owed.
	for unit_first in [true, false] {
		for (share, (_, o)) in shares.iter_mut().zip(owed) {
			let room = o.saturating_sub(*share);
			let extra = if unit_first { room.min(One::one()) } else { room }.min(left);
			*share = share.saturating_add(extra);
			left = left.saturating_sub(extra);
		}
	}
	shares
}
