//! Standing offers: a provider's ask, taken by a requester as a k = 1 job.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Zero},
	Saturating,
};

impl<T: Config> Pallet<T> {
	/// Removing an offer's price per unit of work, beside what `withdraw_offer` measured.
	pub fn unit_price_removal() -> Weight {
		T::DbWeight::get().writes(1)
	}

	/// `accept_offer` as measured, and reading the offer's price per unit of work (a map
	/// entry: its hashed key and its value in the proof) and removing it with the offer.
	pub fn accept_offer_weight(assets: u32) -> Weight {
		let entry = UnitPrice::<T>::max_encoded_len().saturating_add(48) as u64;
		T::WeightInfo::accept_offer(assets)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(0, entry))
	}

	/// Posts `offer`, whose `provider` is the signer, charging `per_unit` on top if set.
	pub(crate) fn do_post_offer(offer: Offer<T>, per_unit: Option<UnitPrice<T>>) -> DispatchResult {
		let who = offer.provider.clone();
		let mut provider = Self::active_provider(&who)?;
		let price = offer.price;
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(offer.capacity > 0 && offer.expires_at > now, Error::<T>::InvalidOffer);
		ensure!(
			offer.scope.is_valid()
				&& offer.scope.min_tolerance <= T::MaxTolerance::get()
				&& per_unit.as_ref().map_or(true, |u| u.max_amount > 0),
			Error::<T>::InvalidOfferScope
		);
		Self::check_execution_and_reveal(offer.execution_period, offer.reveal_period)?;
		ensure!(provider.profile.hardware.covers(&offer.hardware), Error::<T>::RequirementsNotMet);
		ensure!(provider.offers < T::MaxOffersPerProvider::get(), Error::<T>::TooManyOffers);
		let offer_id = NextOfferId::<T>::get();
		NextOfferId::<T>::put(offer_id.saturating_add(1));
		provider.offers = provider.offers.saturating_add(1);
		Providers::<T>::insert(&who, provider);
		let capacity = offer.capacity;
		Offers::<T>::insert(offer_id, offer);
		if let Some(per_unit) = per_unit {
			OfferUnitPrices::<T>::insert(offer_id, per_unit);
		}
		Self::deposit_event(Event::OfferPosted { offer_id, provider: who, price, capacity });
		Ok(())
	}

	pub(crate) fn do_withdraw_offer(who: T::AccountId, offer_id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
		ensure!(offer.provider == who, Error::<T>::NotOfferOwner);
		Self::remove_offer(offer_id, &offer);
		Self::deposit_event(Event::OfferWithdrawn { offer_id });
		Ok(())
	}

	fn remove_offer(offer_id: OfferId, offer: &Offer<T>) {
		Offers::<T>::remove(offer_id);
		OfferUnitPrices::<T>::remove(offer_id);
		Providers::<T>::mutate(&offer.provider, |p| {
			if let Some(p) = p {
				p.offers = p.offers.saturating_sub(1);
			}
		});
	}

	pub(crate) fn do_accept_offer(
		who: T::AccountId,
		offer_id: OfferId,
		mut spec: JobSpec<T>,
		work: Option<Work>,
	) -> DispatchResult {
		let mut offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::UnknownOffer)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= offer.expires_at, Error::<T>::OfferExpired);
		ensure!(spec.replicas == 1, Error::<T>::InvalidReplicas);
		ensure!(offer.provider != who, Error::<T>::ConflictOfInterest);
		Self::check_periods(&spec)?;
		Self::check_work(work)?;
		// An offer priced by the unit takes only work declared in its unit, within its most.
		let price = match OfferUnitPrices::<T>::get(offer_id) {
			None => offer.price,
			Some(rate) => {
				let work =
					work.filter(|w| w.unit == rate.unit).ok_or(Error::<T>::WorkNotOffered)?;
				ensure!(work.amount <= rate.max_amount, Error::<T>::WorkAboveOffer);
				let amount = BalanceOf::<T>::try_from(work.amount)
					.map_err(|_| Error::<T>::BudgetOverflow)?;
				rate.per_unit
					.checked_mul(&amount)
					.and_then(|p| p.checked_add(&offer.price))
					.ok_or(Error::<T>::BudgetOverflow)?
			},
		};
		ensure!(price <= spec.max_price, Error::<T>::OfferTooExpensive);
		Self::fix_tolerance(&mut spec)?;
		// The provider said how long it needs; the requester may give more, not less.
		ensure!(
			spec.execution_period >= offer.execution_period
				&& spec.reveal_period >= offer.reveal_period,
			Error::<T>::PeriodsBelowOffer
		);
		// Nor work of another kind or size than it offered.
		let scope = &offer.scope;
		ensure!(scope.kinds.contains(&spec.workload.kind), Error::<T>::WorkloadKindNotOffered);
		ensure!(
			spec.workload.content.size <= scope.max_workload_size,
			Error::<T>::WorkloadTooLarge
		);
		ensure!(spec.input.size <= scope.max_input_size, Error::<T>::InputTooLarge);
		ensure!(
			spec.tolerance.unwrap_or_default() >= scope.min_tolerance,
			Error::<T>::ToleranceBelowOffer
		);
		let provider = Self::active_provider(&offer.provider)?;
		Self::check_requirements(&provider, &spec)?;
		ensure!(offer.hardware.covers(&spec.requirements), Error::<T>::RequirementsNotMet);

		// The requester escrows the offer's price and the royalties; the provider bonds it.
		let (royalties, royalty_total) = Self::royalties_for(&who, &spec)?;
		let escrow = price.checked_add(&royalty_total).ok_or(Error::<T>::BudgetOverflow)?;
		let bond = Self::bid_bond(price);
		Self::hold(HoldReason::JobEscrow, &who, escrow)?;
		let deposit = T::JobDeposit::get();
		Self::hold(HoldReason::JobDeposit, &who, deposit)?;
		Self::hold(HoldReason::BidBond, &offer.provider, bond)?;

		let job_id = Self::next_job_id();
		let commit_by = now.saturating_add(spec.execution_period);
		Self::schedule(job_id, commit_by);
		let job = Job {
			requester: who.clone(),
			spec,
			status: JobStatus::Committing,
			round: Round::Original,
			deadline: commit_by,
			escrow,
			royalties,
			challenge_bond: Zero::zero(),
			posted_at: now,
			deposit,
			pause_mark: PausedBlocks::<T>::get(),
		};
		Self::insert_new_job(job_id, job);
		if let Some(work) = work {
			JobWork::<T>::insert(job_id, work);
		}
		JobsOfProvider::<T>::insert(&offer.provider, job_id, ());
		Providers::<T>::mutate(&offer.provider, |p| {
			if let Some(p) = p {
				p.assignments = p.assignments.saturating_add(1);
			}
		});
		let assignment = Assignment {
			provider: offer.provider.clone(),
			price,
			bond,
			commitment: None,
			reveal: None,
		};
		Assignments::<T>::insert(job_id, BoundedVec::truncate_from(alloc::vec![assignment]));

		offer.capacity = offer.capacity.saturating_sub(1);
		if offer.capacity == 0 {
			// An offer whose capacity is used up is removed.
			Self::remove_offer(offer_id, &offer);
		} else {
			Offers::<T>::insert(offer_id, &offer);
		}

		Self::deposit_event(Event::JobPosted {
			job_id,
			requester: who.clone(),
			replicas: 1,
			escrow,
			bidding_ends: now,
		});
		Self::deposit_event(Event::OfferAccepted { offer_id, job_id, requester: who });
		Self::deposit_event(Event::JobAssigned {
			job_id,
			providers: BoundedVec::truncate_from(alloc::vec![offer.provider]),
			price,
			commit_by,
		});
		Ok(())
	}
}
