//! Bids: placing, retracting, displacing, and choosing the winners at the deadline.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// The job, if it takes bids (or retractions) now.
	fn open_for_bids(job_id: JobId) -> Result<Job<T>, DispatchError> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status == JobStatus::Bidding, Error::<T>::WrongPhase);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::DeadlinePassed);
		Ok(job)
	}

	/// How many bids the job has (0 for an unknown job), for a bid call's actual weight.
	pub(crate) fn bid_count(job_id: JobId) -> u32 {
		Bids::<T>::decode_len(job_id).unwrap_or(0) as u32
	}

	pub(crate) fn do_place_bid(
		who: T::AccountId,
		job_id: JobId,
		price: BalanceOf<T>,
	) -> DispatchResult {
		let job = Self::open_for_bids(job_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut provider = Self::active_provider(&who)?;
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(price <= job.spec.max_price, Error::<T>::PriceAboveMax);
		ensure!(job.requester != who, Error::<T>::ConflictOfInterest);
		Self::check_requirements(&provider, &job.spec)?;

		let mut bids = Bids::<T>::get(job_id);
		ensure!(!bids.iter().any(|b| b.provider == who), Error::<T>::AlreadyBid);
		let bid = Bid {
			provider: who.clone(),
			price,
			bond: Self::bid_bond(price),
			reputation: provider.reputation.score(),
			placed_at: now,
		};
		// When full, the new bid must beat the dearest (which, on equal price, is the later,
		// lower-reputation one, so an equal price never displaces).
		let displaced = if bids.is_full() {
			let (idx, dearest) = bids
				.iter()
				.enumerate()
				.max_by(|(_, a), (_, b)| Self::rank(a, b))
				.ok_or(Error::<T>::BidNotCompetitive)?;
			ensure!(bid.price < dearest.price, Error::<T>::BidNotCompetitive);
			Some(bids.remove(idx))
		} else {
			None
		};
		Self::hold(HoldReason::BidBond, &who, bid.bond)?;
		let bond = bid.bond;
		bids.try_push(bid).map_err(|_| Error::<T>::BidNotCompetitive)?;
		Bids::<T>::insert(job_id, bids);
		provider.open_bids = provider.open_bids.saturating_add(1);
		Providers::<T>::insert(&who, provider);
		JobsOfProvider::<T>::insert(&who, job_id, ());
		Self::deposit_event(Event::BidPlaced { job_id, provider: who, price, bond });
		if let Some(out) = displaced {
			Self::drop_bid(job_id, out, BidRemoval::Displaced);
		}
		Ok(())
	}

	pub(crate) fn do_retract_bid(who: T::AccountId, job_id: JobId) -> DispatchResult {
		let job = Self::open_for_bids(job_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let half = job.spec.bidding_period / 2u32.into();
		ensure!(now < job.deadline.saturating_sub(half), Error::<T>::RetractionClosed);
		let mut bids = Bids::<T>::get(job_id);
		let idx = bids.iter().position(|b| b.provider == who).ok_or(Error::<T>::NoBid)?;
		let bid = bids.remove(idx);
		Bids::<T>::insert(job_id, bids);
		Self::drop_bid(job_id, bid, BidRemoval::Retracted);
		Ok(())
	}

	/// Orders bids from best to worst: cheaper, then higher reputation, then earlier.
	pub(crate) fn rank(a: &Bid<T>, b: &Bid<T>) -> core::cmp::Ordering {
		a.price
			.cmp(&b.price)
			.then_with(|| b.reputation.cmp(&a.reputation))
			.then_with(|| a.placed_at.cmp(&b.placed_at))
	}

	/// Releases a bid that left its job (already removed from `Bids`).
	pub(crate) fn drop_bid(job_id: JobId, bid: Bid<T>, reason: BidRemoval) {
		Self::release(HoldReason::BidBond, &bid.provider, bid.bond);
		Providers::<T>::mutate(&bid.provider, |p| {
			if let Some(p) = p {
				p.open_bids = p.open_bids.saturating_sub(1);
			}
		});
		JobsOfProvider::<T>::remove(&bid.provider, job_id);
		Self::deposit_event(Event::BidRemoved { job_id, provider: bid.provider, reason });
	}

	/// Releases every bid of a job.
	pub(crate) fn release_all_bids(job_id: JobId, reason: BidRemoval) {
		for bid in Bids::<T>::take(job_id) {
			Self::drop_bid(job_id, bid, reason);
		}
	}

	/// At the bidding deadline: the cheapest bids win and the job is assigned; too few bids
	/// and the job expires.
	pub(crate) fn close_bidding(job_id: JobId, mut job: Job<T>) {
		let wanted = job.spec.replicas as usize;
		OpenJobs::<T>::remove(job_id);
		let mut bids = Bids::<T>::take(job_id).into_inner();
		if bids.len() < wanted {
			for bid in bids {
				Self::drop_bid(job_id, bid, BidRemoval::JobClosed);
			}
			Self::end_data_use(job_id, &mut job, false);
			Self::refund_escrow(job_id, &mut job);
			Self::end(&mut job, JobStatus::Expired);
			Jobs::<T>::insert(job_id, job);
			Self::deposit_event(Event::JobExpired { job_id });
			return;
		}
		bids.sort_by(Self::rank);
		let losers = bids.split_off(wanted);
		for bid in losers {
			Self::drop_bid(job_id, bid, BidRemoval::Lost);
		}
		let mut assignments = BoundedVec::<Assignment<T>, T::MaxReplicas>::new();
		let mut providers = BoundedVec::<T::AccountId, T::MaxReplicas>::new();
		for bid in bids {
			Providers::<T>::mutate(&bid.provider, |p| {
				if let Some(p) = p {
					p.open_bids = p.open_bids.saturating_sub(1);
					p.assignments = p.assignments.saturating_add(1);
				}
			});
			let _ = providers.try_push(bid.provider.clone()).defensive();
			let _ = assignments
				.try_push(Assignment {
					provider: bid.provider,
					price: bid.price,
					bond: bid.bond,
					commitment: None,
					reveal: None,
				})
				.defensive();
		}
		// Only the winning prices and the royalties stay in escrow; the rest of the budget goes
		// back now.
		let needed = assignments
			.iter()
			.fold(Self::royalty_total(&job), |s, a| s.saturating_add(a.price));
		let excess = job.escrow.saturating_sub(needed);
		Self::release(HoldReason::JobEscrow, &job.requester, excess);
		job.escrow = job.escrow.saturating_sub(excess);
		if !excess.is_zero() {
			Self::deposit_event(Event::EscrowRefunded {
				job_id,
				requester: job.requester.clone(),
				amount: excess,
			});
		}
		Assignments::<T>::insert(job_id, assignments);
		let period = job.spec.execution_period;
		Self::next_phase(job_id, &mut job, JobStatus::Committing, period);
		let commit_by = job.deadline;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobAssigned { job_id, providers, commit_by });
	}
}

use frame_support::traits::Defensive;
use sp_runtime::traits::Zero;
