//! Bids: placing, retracting, displacing, and the lot that chooses the winners at the
//! deadline (see `lot.rs`).

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// The job, if it takes bids (or retractions) now: until `DrawDelay` blocks before its
	/// deadline. The lot at the deadline is seeded by the randomness of those last blocks,
	/// which nobody but their authors knows in advance, and each author only its own: so
	/// no bidder can choose its bid to suit the draw unless it authors all of them.
	fn open_for_bids(job_id: JobId) -> Result<Job<T>, DispatchError> {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status == JobStatus::Bidding, Error::<T>::WrongPhase);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now.saturating_add(T::DrawDelay::get()) < job.deadline, Error::<T>::DeadlinePassed);
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
		bond: BalanceOf<T>,
	) -> DispatchResult {
		let job = Self::open_for_bids(job_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut provider = Self::active_provider(&who)?;
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(price <= job.spec.max_price, Error::<T>::PriceAboveMax);
		// The least bond follows what the bid can be paid (the clearing price is at most
		// `max_price`), not its own price: a bid far below the others risks as much.
		ensure!(bond >= Self::bid_bond(job.spec.max_price), Error::<T>::BondTooLow);
		ensure!(job.requester != who, Error::<T>::ConflictOfInterest);
		Self::check_requirements(&provider, &job.spec)?;

		let mut bids = Bids::<T>::get(job_id);
		ensure!(!bids.iter().any(|b| b.provider == who), Error::<T>::AlreadyBid);
		let bid = Bid { provider: who.clone(), price, bond, placed_at: now };
		// When full, the new bid must hold a larger bond than the smallest (of equal ones,
		// the latest goes). Bonds only, never price: a party cannot crowd honest bids out
		// of the lot with many accounts bidding 1 planck, only by locking more on this job.
		let displaced = if bids.is_full() {
			let (idx, weakest) = bids
				.iter()
				.enumerate()
				.rev()
				.min_by(|(_, a), (_, b)| a.bond.cmp(&b.bond).then(b.placed_at.cmp(&a.placed_at)))
				.ok_or(Error::<T>::BidNotCompetitive)?;
			ensure!(bid.bond > weakest.bond, Error::<T>::BidNotCompetitive);
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

	/// At the bidding deadline: the lot draws the winners from the bids at or below the
	/// clearing price, weighted by bond, and the job is assigned at the clearing price; too
	/// few bids and the job expires.
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
		// Cheapest first; equal prices keep the order they were placed in.
		bids.sort_by(|a, b| a.price.cmp(&b.price));
		let priced: Vec<(u128, u128)> = bids
			.iter()
			.map(|b| (b.bond.saturated_into(), b.price.saturated_into()))
			.collect();
		let eligible = crate::lot::eligible(&priced, wanted, T::ClearingStake::get());
		let clearing = bids.get(eligible.saturating_sub(1)).map(|b| b.price).unwrap_or_default();
		let seed = Self::draw_seed(&(b"allmende/bids", job_id).encode());
		let stakes: Vec<u128> = priced.iter().take(eligible).map(|(stake, _)| *stake).collect();
		let drawn = crate::lot::draw(&stakes, wanted, &seed);
		let mut winners = Vec::with_capacity(wanted);
		let mut losers = Vec::new();
		for (i, bid) in bids.into_iter().enumerate() {
			match drawn.iter().position(|d| *d == i) {
				Some(order) => winners.push((order, bid)),
				None => losers.push(bid),
			}
		}
		for bid in losers {
			Self::drop_bid(job_id, bid, BidRemoval::Lost);
		}
		// The assignments in the order drawn.
		winners.sort_by_key(|(order, _)| *order);
		let mut assignments = BoundedVec::<Assignment<T>, T::MaxReplicas>::new();
		let mut providers = BoundedVec::<T::AccountId, T::MaxReplicas>::new();
		for (_, bid) in winners {
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
					price: clearing,
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
		Self::deposit_event(Event::JobAssigned { job_id, providers, price: clearing, commit_by });
	}
}

use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::Defensive;
use sp_runtime::traits::{SaturatedConversion, Zero};
