//! Verification: strict majority of replicas, the challenge window, disputes, and the
//! arbiters' verdict.

use crate::{settlement::Slashed, *};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedMul, Zero},
	Saturating,
};

impl<T: Config> Pallet<T> {
	/// The result hash revealed by more than half of `of` assignments, if any.
	pub(crate) fn majority(assignments: &[Assignment<T>], of: u32) -> Option<H256> {
		let reveals =
			|| assignments.iter().filter_map(|a| a.reveal.as_ref().map(|r| r.result_hash));
		reveals().find(|h| {
			let count = reveals().filter(|x| x == h).count() as u32;
			count.saturating_mul(2) > of
		})
	}

	/// At the reveal deadline, or once everyone who committed has revealed.
	///
	/// - Nobody revealed: every assignee is slashed as a no-show and the job fails.
	/// - A result revealed by a strict majority, with no other result revealed (for k = 1:
	///   the one reveal), stands unless the requester challenges it in the challenge window:
	///   one party that won every replica cannot hand the requester an unchallengeable
	///   fabrication. No-shows are slashed when the window ends.
	/// - Anything else — a dissenting reveal, or too many no-shows for a majority — is
	///   disputed and goes to drawn arbiters: neither a majority of one party's accounts nor
	///   its no-shows decide against an honest replica.
	pub(crate) fn verify(job_id: JobId, mut job: Job<T>) {
		let assignments = Assignments::<T>::take(job_id);
		if job.round == Round::Arbitration {
			return Self::conclude_arbitration(job_id, job, assignments);
		}
		let first = assignments.iter().find_map(|a| a.reveal.as_ref().map(|r| r.result_hash));
		let Some(first) = first else {
			for a in assignments {
				Self::punish(job_id, a, SlashReason::NoShow);
			}
			return Self::fail(job_id, job, FailureReason::NoResult);
		};
		let unanimous = assignments
			.iter()
			.all(|a| a.reveal.as_ref().map_or(true, |r| r.result_hash == first));
		if unanimous && Self::majority(&assignments, job.spec.replicas) == Some(first) {
			// The result stands unless the requester challenges it in time.
			Assignments::<T>::insert(job_id, assignments);
			Self::next_phase(
				job_id,
				&mut job,
				JobStatus::ChallengeWindow,
				T::ChallengePeriod::get(),
			);
			let challenge_by = job.deadline;
			Jobs::<T>::insert(job_id, job);
			Self::deposit_event(Event::ChallengeWindowOpened { job_id, challenge_by });
			return;
		}
		Disputed::<T>::insert(job_id, assignments);
		job.round = Round::Arbitration;
		Self::next_phase(job_id, &mut job, JobStatus::Drawing, T::DrawDelay::get());
		let draw_at = job.deadline;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::DisputeOpened { job_id, draw_at });
	}

	/// The bond a challenge of `job` needs: `max(ChallengeBond, ArbiterReplicas × max_price)`.
	pub fn challenge_bond_for(job: &Job<T>) -> Result<BalanceOf<T>, DispatchError> {
		let arbiters = BalanceOf::<T>::from(T::ArbiterReplicas::get());
		let pay = job.spec.max_price.checked_mul(&arbiters).ok_or(Error::<T>::BudgetOverflow)?;
		Ok(pay.max(T::ChallengeBond::get()))
	}

	/// Who may challenge `job`'s result: its requester, and, when the result says the content
	/// was unavailable (which pays no royalty), every owner of one of its assets.
	pub(crate) fn may_challenge(who: &T::AccountId, job: &Job<T>, result: Option<H256>) -> bool {
		*who == job.requester
			|| (result == Some(content_unavailable())
				&& job.royalties.iter().any(|r| r.owner == *who))
	}

	pub(crate) fn do_challenge(who: T::AccountId, job_id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status == JobStatus::ChallengeWindow, Error::<T>::NotChallengeable);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		let assignments = Assignments::<T>::get(job_id);
		let result = Self::majority(&assignments, job.spec.replicas);
		ensure!(Self::may_challenge(&who, &job, result), Error::<T>::MayNotChallenge);
		let bond = Self::challenge_bond_for(&job)?;
		Self::hold(HoldReason::ChallengeBond, &who, bond)?;
		// Draw `DrawDelay` blocks later, with randomness nobody knows in full now. The
		// window's queue entry goes stale.
		let draw_at = now.saturating_add(T::DrawDelay::get());
		Self::schedule(job_id, draw_at);
		Assignments::<T>::remove(job_id);
		Disputed::<T>::insert(job_id, assignments);
		if who != job.requester {
			Challengers::<T>::insert(job_id, &who);
		}
		job.challenge_bond = bond;
		job.status = JobStatus::Drawing;
		job.round = Round::Arbitration;
		job.deadline = draw_at;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::ResultChallenged { job_id, challenger: who, bond, draw_at });
		Ok(())
	}

	pub(crate) fn do_accept_result(who: T::AccountId, job_id: JobId) -> DispatchResult {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.requester == who, Error::<T>::NotRequester);
		ensure!(job.status == JobStatus::ChallengeWindow, Error::<T>::NotChallengeable);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		// A requester whose own provider says the data could not be had would otherwise end
		// the owners' window before they could challenge.
		let unavailable = Self::majority(&Assignments::<T>::get(job_id), job.spec.replicas)
			== Some(content_unavailable());
		ensure!(
			!unavailable || job.royalties.iter().all(|r| r.owner == job.requester),
			Error::<T>::OwnersMayChallenge
		);
		// The window's queue entry goes stale.
		Self::settle_unchallenged(job_id, job);
		Ok(())
	}

	/// The arbiters' strict majority decides a challenged or disputed job.
	///
	/// Replicas that revealed the arbiters' result are paid their price; every other replica
	/// and arbiter is slashed, except where one side says the content was unavailable and the
	/// other has a result: a server can refuse one replica and serve another, so neither is
	/// shown wrong. Such an arbiter, and a replica that said "unavailable" against the
	/// arbiters' result, get their bonds back unpaid; a replica whose result the arbiters
	/// could not check for want of content is paid its price (whoever serves the content
	/// answers for it). A verdict of "unavailable" pays no arbiter (their bonds come back).
	/// A challenge the arbiters reject forfeits its bond. Slashed funds and the unpaid replicas' escrow pay
	/// the majority arbiters (each up to the dearest price of the disputed round); the rest of
	/// the slashed funds is burnt and the rest of the escrow refunded.
	pub(crate) fn conclude_arbitration(
		job_id: JobId,
		mut job: Job<T>,
		arbiters: BoundedVec<Assignment<T>, T::MaxReplicas>,
	) {
		let disputed = Disputed::<T>::take(job_id).unwrap_or_else(|| {
			frame_support::defensive!("an arbitrated job has its disputed round");
			Default::default()
		});
		let challenger = Challengers::<T>::take(job_id).unwrap_or_else(|| job.requester.clone());
		let wanted = T::ArbiterReplicas::get();
		let verdict =
			if arbiters.len() as u32 == wanted { Self::majority(&arbiters, wanted) } else { None };
		let Some(hash) = verdict else {
			return Self::conclude_inconclusive(job_id, job, challenger, disputed, arbiters);
		};
		let unavailable = content_unavailable();
		// Not shown wrong: one of the two results says the content could not be had.
		let excused = |r: &H256| hash == unavailable || *r == unavailable;
		let mut agreed = BoundedVec::<T::AccountId, T::MaxReplicas>::new();
		let mut uri = None;
		let mut slashed = Vec::<Slashed<T>>::new();
		let mut upheld = false;
		for a in disputed {
			match &a.reveal {
				Some(r) if r.result_hash == hash => {
					uri.get_or_insert_with(|| r.result_uri.clone());
					let _ = agreed.try_push(a.provider.clone());
					upheld = true;
					Self::reward(job_id, &mut job, a, hash);
				},
				Some(_) if hash == unavailable => {
					// It had the content the arbiters could not get: whoever serves a job's
					// content answers for it, so it is paid, as in an inconclusive round.
					Self::pay_price(job_id, &mut job, &a);
					Self::dismiss(job_id, a);
				},
				Some(r) if excused(&r.result_hash) => Self::dismiss(job_id, a),
				Some(_) => slashed.push(Self::slash(job_id, &a, SlashReason::WrongResult)),
				None => slashed.push(Self::slash(job_id, &a, SlashReason::NoShow)),
			}
		}
		let mut owed = Vec::new();
		for a in arbiters {
			match &a.reveal {
				// Saying the content could not be had never pays an arbiter: it ran nothing,
				// and an answer that cost nothing must not be worth more than running the job.
				Some(r) if r.result_hash == hash && hash == unavailable => Self::dismiss(job_id, a),
				Some(r) if r.result_hash == hash => {
					uri.get_or_insert_with(|| r.result_uri.clone());
					if !agreed.contains(&a.provider) {
						let _ = agreed.try_push(a.provider.clone());
					}
					Self::release(HoldReason::BidBond, &a.provider, a.bond);
					owed.push((a.provider, a.price));
				},
				Some(r) if excused(&r.result_hash) => Self::dismiss(job_id, a),
				Some(_) => slashed.push(Self::slash(job_id, &a, SlashReason::WrongResult)),
				None => slashed.push(Self::slash(job_id, &a, SlashReason::NoShow)),
			}
		}
		let bond = core::mem::take(&mut job.challenge_bond);
		if !bond.is_zero() {
			if upheld {
				// The challenged result was right: the challenger pays for the arbitration.
				Self::deposit_event(Event::ChallengeBondForfeited { job_id, amount: bond });
				slashed.push(Slashed {
					reason: HoldReason::ChallengeBond,
					from: challenger,
					amount: bond,
				});
			} else {
				Self::release(HoldReason::ChallengeBond, &challenger, bond);
			}
		}
		Self::pay_arbiters(job_id, &mut job, hash, owed, slashed);
		Self::settle(job_id, job, hash, uri.unwrap_or_default(), agreed);
	}

	/// The arbiters had no strict majority, or too few could be drawn: nothing is verified
	/// and nobody was shown wrong, so the honest side loses nothing. Every replica that
	/// revealed is paid its price (the requester has its result) and gets its bond back,
	/// without a reputation point; a replica that did not show up is slashed and its bond
	/// burnt. Arbiters who revealed get their bond back, no-show arbiters are slashed, a
	/// challenge bond goes back. Royalties are paid when a replica revealed a result other
	/// than "content unavailable". The job ends
	/// `Failed` with `ArbitrationInconclusive`, and no result is recorded as verified.
	fn conclude_inconclusive(
		job_id: JobId,
		mut job: Job<T>,
		challenger: T::AccountId,
		disputed: BoundedVec<Assignment<T>, T::MaxReplicas>,
		arbiters: BoundedVec<Assignment<T>, T::MaxReplicas>,
	) {
		for a in arbiters {
			if a.reveal.is_some() {
				Self::dismiss(job_id, a);
			} else {
				Self::punish(job_id, a, SlashReason::NoShow);
			}
		}
		let bond = core::mem::take(&mut job.challenge_bond);
		Self::release(HoldReason::ChallengeBond, &challenger, bond);
		let mut worked = false;
		for a in disputed {
			if let Some(r) = &a.reveal {
				worked |= r.result_hash != content_unavailable();
				Self::pay_price(job_id, &mut job, &a);
				Self::dismiss(job_id, a);
			} else {
				Self::punish(job_id, a, SlashReason::NoShow);
			}
		}
		Self::end_data_use(job_id, &mut job, worked);
		Self::refund_escrow(job_id, &mut job);
		Self::end(&mut job, JobStatus::Failed);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobFailed {
			job_id,
			reason: FailureReason::ArbitrationInconclusive,
		});
	}
}
