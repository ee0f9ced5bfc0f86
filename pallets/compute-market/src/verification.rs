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

/// How an arbiter stands after the round: see [`Pallet::standing`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Standing {
	Sided,
	Excused,
	Wrong,
}

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
			// The result stands unless the requester challenges it in time: within the
			// challenge period the job was posted under, whatever governance set since.
			Assignments::<T>::insert(job_id, assignments);
			let period = Self::terms_of(job_id).challenge_period;
			Self::next_phase(job_id, &mut job, JobStatus::ChallengeWindow, period);
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

	/// The verdict of an arbiter whose own result is `own`, judging `job_id`'s disputed
	/// round with no tolerance: a replica agrees when it revealed exactly `own`. What tests
	/// and benchmarks reveal for an honest arbiter.
	#[cfg(any(test, feature = "runtime-benchmarks"))]
	pub fn exact_verdict(job_id: JobId, own: H256) -> BoundedVec<Judgement, T::MaxReplicas> {
		let disputed = Disputed::<T>::get(job_id).unwrap_or_default();
		let agrees = disputed.iter().map(|a| {
			if a.reveal.as_ref().is_some_and(|r| r.result_hash == own) {
				Judgement::Agrees
			} else {
				Judgement::Differs
			}
		});
		BoundedVec::truncate_from(agrees.collect::<Vec<_>>())
	}

	/// The bond a challenge of `job` (`job_id`) needs: `max(ChallengeBond, ArbiterReplicas ×
	/// max_price)`, with the `ChallengeBond` the job was posted under (its `Terms`).
	pub fn challenge_bond_for(job_id: JobId, job: &Job<T>) -> Result<BalanceOf<T>, DispatchError> {
		let arbiters = BalanceOf::<T>::from(T::ArbiterReplicas::get());
		let pay = job.spec.max_price.checked_mul(&arbiters).ok_or(Error::<T>::BudgetOverflow)?;
		Ok(pay.max(Self::terms_of(job_id).least_challenge_bond))
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
		let bond = Self::challenge_bond_for(job_id, &job)?;
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
		job.pause_mark = PausedBlocks::<T>::get();
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

	/// The arbiters judge each replica of a challenged or disputed job.
	///
	/// Every arbiter revealed its own result and, per replica, a `Judgement`: its result
	/// agrees with the arbiter's within the job's tolerance, differs, or could not be had.
	/// Arbiters whose own result says the content was unavailable judge nobody. A replica is
	/// upheld when a strict majority of `ArbiterReplicas` agrees, rejected when a strict
	/// majority differs or could not check it (a replica must serve its result to its
	/// judges). Then:
	/// - upheld replicas are paid their price and earn reputation; the first one's result is
	///   verified (so honest replicas whose results differ by rounding are all paid);
	/// - rejected replicas are slashed when a strict majority found them different; a
	///   replica rejected because its judges could not get its result, or one that said the
	///   content was unavailable (a server can refuse one replica and serve another), gets its
	///   bond back unpaid. Saying "unchecked" costs an arbiter nothing and so decides no slash;
	/// - a replica with no majority either way is paid its price and dismissed;
	/// - an arbiter that agreed with every upheld replica and differed from every replica a
	///   majority found different is paid (up to the dearest price of the disputed round, from
	///   slashed funds and the escrow nobody else is paid); one that differed from an upheld
	///   replica or agreed with one a majority found different is slashed; any other (it
	///   could not check, or could not get the content) is dismissed unpaid;
	/// - a challenge that upheld a replica forfeits its bond.
	///
	/// With no replica upheld, the result a strict majority of the paid arbiters revealed is
	/// verified; without one the job fails (`ResultsRejected`). When a strict majority of
	/// the arbiters could not get the content, see [`Self::conclude_unavailable`]; with no
	/// majority on any replica, or too few arbiters, [`Self::conclude_inconclusive`].
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
		let verdicts: Vec<Option<BoundedVec<Judgement, T::MaxReplicas>>> =
			arbiters.iter().map(|a| Verdicts::<T>::take(job_id, &a.provider)).collect();
		let wanted = T::ArbiterReplicas::get();
		if arbiters.len() as u32 != wanted {
			return Self::conclude_inconclusive(job_id, job, challenger, disputed, arbiters);
		}
		let unavailable = content_unavailable();
		let own = |a: &Assignment<T>| a.reveal.as_ref().map(|r| r.result_hash);
		let blind = arbiters.iter().filter(|a| own(a) == Some(unavailable)).count() as u32;
		if blind.saturating_mul(2) > wanted {
			return Self::conclude_unavailable(job_id, job, challenger, disputed, arbiters);
		}
		// Per replica: (agrees, differs, unchecked) among the arbiters that computed.
		let tallies: Vec<(u32, u32, u32)> = (0..disputed.len())
			.map(|i| {
				let votes = arbiters
					.iter()
					.zip(&verdicts)
					.filter(|(a, _)| own(a).is_some_and(|h| h != unavailable))
					.filter_map(|(_, v)| v.as_ref().and_then(|v| v.get(i).copied()));
				votes.fold((0u32, 0u32, 0u32), |(y, n, u), judged| match judged {
					Judgement::Agrees => (y.saturating_add(1), n, u),
					Judgement::Differs => (y, n.saturating_add(1), u),
					Judgement::Unchecked => (y, n, u.saturating_add(1)),
				})
			})
			.collect();
		// A replica must serve its result to its judges: one they could not check is not paid
		// (but is slashed only when a strict majority found it different, and nobody is
		// slashed for saying they could not check).
		let judgements: Vec<Option<bool>> = tallies
			.iter()
			.map(|(yes, no, unchecked)| {
				if yes.saturating_mul(2) > wanted {
					Some(true)
				} else if no.saturating_add(*unchecked).saturating_mul(2) > wanted {
					Some(false)
				} else {
					None
				}
			})
			.collect();
		if judgements.iter().all(Option::is_none) {
			return Self::conclude_inconclusive(job_id, job, challenger, disputed, arbiters);
		}
		let mut agreed = BoundedVec::<T::AccountId, T::MaxReplicas>::new();
		let mut verified = None;
		let mut slashed = Vec::<Slashed<T>>::new();
		let mut upheld = false;
		let shown_wrong = |i: usize| {
			tallies.get(i).is_some_and(|(_, differs, _)| differs.saturating_mul(2) > wanted)
		};
		for (i, (a, judged)) in disputed.into_iter().zip(&judgements).enumerate() {
			match (&a.reveal, judged) {
				(None, _) => slashed.push(Self::slash(job_id, &a, SlashReason::NoShow)),
				(Some(r), Some(true)) => {
					verified.get_or_insert_with(|| (r.result_hash, r.result_uri.clone()));
					let _ = agreed.try_push(a.provider.clone());
					upheld = true;
					let hash = r.result_hash;
					Self::reward(job_id, &mut job, a, hash);
				},
				// It says it could not get the content: not shown wrong (see above).
				(Some(r), Some(false)) if r.result_hash == unavailable => Self::dismiss(job_id, a),
				(Some(_), Some(false)) if shown_wrong(i) => {
					slashed.push(Self::slash(job_id, &a, SlashReason::WrongResult))
				},
				// Rejected because its judges could not get its result: unpaid, not slashed.
				(Some(_), Some(false)) => Self::dismiss(job_id, a),
				(Some(_), None) => {
					Self::pay_price(job_id, &mut job, &a);
					Self::dismiss(job_id, a);
				},
			}
		}
		let mut owed = Vec::new();
		let mut results = Vec::new();
		for (a, verdict) in arbiters.into_iter().zip(verdicts) {
			let Some(r) = a.reveal.clone() else {
				slashed.push(Self::slash(job_id, &a, SlashReason::NoShow));
				continue;
			};
			if r.result_hash == unavailable {
				// Saying the content could not be had never pays an arbiter: it ran nothing.
				Self::dismiss(job_id, a);
				continue;
			}
			match Self::standing(
				&judgements,
				&tallies,
				wanted,
				verdict.as_ref().map(|v| v.as_slice()),
			) {
				Standing::Sided => {},
				Standing::Excused => {
					Self::dismiss(job_id, a);
					continue;
				},
				Standing::Wrong => {
					slashed.push(Self::slash(job_id, &a, SlashReason::WrongResult));
					continue;
				},
			}
			if !agreed.contains(&a.provider) {
				let _ = agreed.try_push(a.provider.clone());
			}
			Self::release(HoldReason::BidBond, &a.provider, a.bond);
			results.push((a.provider.clone(), r));
			owed.push((a.provider, a.price));
		}
		if verified.is_none() {
			// No replica was right: the arbiters' own result, when a strict majority of them
			// revealed the same.
			verified = results.iter().find_map(|(_, r)| {
				let same = results.iter().filter(|(_, x)| x.result_hash == r.result_hash).count();
				((same as u32).saturating_mul(2) > wanted)
					.then(|| (r.result_hash, r.result_uri.clone()))
			});
			if let Some((hash, _)) = verified {
				agreed.retain(|who| results.iter().any(|(w, r)| w == who && r.result_hash == hash));
			}
		}
		Self::settle_challenge_bond(job_id, &mut job, challenger, upheld, &mut slashed);
		// The arbiters computed a result even when none is verified: it counts for them.
		let computed = verified.as_ref().map_or_else(H256::zero, |(hash, _)| *hash);
		Self::pay_arbiters(job_id, &mut job, computed, owed, slashed);
		match verified {
			Some((hash, uri)) => Self::settle(job_id, job, hash, uri, agreed),
			None => Self::fail(job_id, job, FailureReason::ResultsRejected),
		}
	}

	/// Where an arbiter's `verdict` leaves it against the round's `judgements` (per replica:
	/// upheld, rejected or undecided) and their `tallies` (agrees, differs, unchecked):
	/// - `Sided`: it agreed with every upheld replica and differed from every replica a strict
	///   majority found different;
	/// - `Wrong`: it differed from an upheld replica, or agreed with one a strict majority
	///   found different (or it gave no verdict);
	/// - `Excused` otherwise: it could not check a decided replica, or judged one that was
	///   rejected only because its judges could not get its result. A replica that serves its
	///   result to some arbiters and not others cannot get the others slashed, and saying
	///   "unchecked" neither pays nor costs.
	fn standing(
		judgements: &[Option<bool>],
		tallies: &[(u32, u32, u32)],
		wanted: u32,
		verdict: Option<&[Judgement]>,
	) -> Standing {
		let Some(verdict) = verdict else { return Standing::Wrong };
		let mut standing = Standing::Sided;
		for ((judged, (_, differs, _)), entry) in judgements.iter().zip(tallies).zip(verdict) {
			let shown_wrong = differs.saturating_mul(2) > wanted;
			match (judged, entry) {
				(None, _) | (Some(true), Judgement::Agrees) => {},
				(Some(false), Judgement::Differs) if shown_wrong => {},
				(Some(true), Judgement::Differs) => return Standing::Wrong,
				(Some(false), Judgement::Agrees) if shown_wrong => return Standing::Wrong,
				(Some(_), _) => standing = Standing::Excused,
			}
		}
		standing
	}

	/// A challenge that upheld the challenged result forfeits its bond (added to `slashed`,
	/// to pay the arbiters); otherwise the bond goes back to `challenger`.
	fn settle_challenge_bond(
		job_id: JobId,
		job: &mut Job<T>,
		challenger: T::AccountId,
		upheld: bool,
		slashed: &mut Vec<Slashed<T>>,
	) {
		let bond = core::mem::take(&mut job.challenge_bond);
		if bond.is_zero() {
			return;
		}
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

	/// A strict majority of the arbiters could not get the content either: "content
	/// unavailable" is verified, which pays no royalty. Whoever serves a job's content
	/// answers for it, so every replica that revealed is paid its price (one that said
	/// "unavailable" is upheld; one with a result the arbiters could not check is dismissed
	/// with its pay); no-shows are slashed. No arbiter is paid (an answer that cost nothing
	/// must not be worth more than running the job); those that revealed get their bonds
	/// back. A challenge of an "unavailable" result forfeits its bond, which is burnt.
	fn conclude_unavailable(
		job_id: JobId,
		mut job: Job<T>,
		challenger: T::AccountId,
		disputed: BoundedVec<Assignment<T>, T::MaxReplicas>,
		arbiters: BoundedVec<Assignment<T>, T::MaxReplicas>,
	) {
		let unavailable = content_unavailable();
		let mut agreed = BoundedVec::<T::AccountId, T::MaxReplicas>::new();
		let mut uri = None;
		let mut slashed = Vec::<Slashed<T>>::new();
		let mut upheld = false;
		for a in disputed {
			match &a.reveal {
				Some(r) if r.result_hash == unavailable => {
					uri.get_or_insert_with(|| r.result_uri.clone());
					let _ = agreed.try_push(a.provider.clone());
					upheld = true;
					Self::reward(job_id, &mut job, a, unavailable);
				},
				Some(_) => {
					Self::pay_price(job_id, &mut job, &a);
					Self::dismiss(job_id, a);
				},
				None => slashed.push(Self::slash(job_id, &a, SlashReason::NoShow)),
			}
		}
		for a in arbiters {
			if a.reveal.is_some() {
				Self::dismiss(job_id, a);
			} else {
				slashed.push(Self::slash(job_id, &a, SlashReason::NoShow));
			}
		}
		Self::settle_challenge_bond(job_id, &mut job, challenger, upheld, &mut slashed);
		Self::pay_arbiters(job_id, &mut job, unavailable, Vec::new(), slashed);
		Self::settle(job_id, job, unavailable, uri.unwrap_or_default(), agreed);
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
