//! Providers: registration, profile, stake, unbonding.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{traits::Zero, Saturating};

impl<T: Config> Pallet<T> {
	pub(crate) fn active_provider(who: &T::AccountId) -> Result<Provider<T>, DispatchError> {
		let provider = Providers::<T>::get(who).ok_or(Error::<T>::NotProvider)?;
		ensure!(provider.status == ProviderStatus::Active, Error::<T>::ProviderNotActive);
		Ok(provider)
	}

	pub(crate) fn do_register_provider(
		who: T::AccountId,
		stake: BalanceOf<T>,
		profile: ProviderProfile<T>,
	) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyProvider);
		ensure!(stake >= T::MinProviderStake::get(), Error::<T>::StakeTooLow);
		Self::hold(HoldReason::ProviderStake, &who, stake)?;
		Providers::<T>::insert(
			&who,
			Provider {
				stake,
				profile,
				status: ProviderStatus::Active,
				open_bids: 0,
				assignments: 0,
				offers: 0,
				reputation: Reputation::default(),
				arbiter_slot: None,
			},
		);
		Self::deposit_event(Event::ProviderRegistered { provider: who, stake });
		Ok(())
	}

	pub(crate) fn do_update_profile(
		who: T::AccountId,
		profile: ProviderProfile<T>,
	) -> DispatchResult {
		Providers::<T>::try_mutate(&who, |p| {
			let p = p.as_mut().ok_or(Error::<T>::NotProvider)?;
			p.profile = profile;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::ProfileUpdated { provider: who });
		Ok(())
	}

	pub(crate) fn do_add_stake(who: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroPrice);
		let mut provider = Self::active_provider(&who)?;
		Self::hold(HoldReason::ProviderStake, &who, amount)?;
		let before = provider.stake;
		provider.stake = provider.stake.saturating_add(amount);
		if let Some(slot) = provider.arbiter_slot {
			// Drawn as an arbiter by stake: the pool weighs the new stake.
			Self::stake_tree_change(slot, before, provider.stake, ArbiterPoolSize::<T>::get());
		}
		let stake = provider.stake;
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::StakeAdded { provider: who, amount, stake });
		Ok(())
	}

	pub(crate) fn do_unregister(who: T::AccountId) -> DispatchResult {
		let mut provider = Self::active_provider(&who)?;
		ensure!(
			provider.open_bids == 0 && provider.assignments == 0 && provider.offers == 0,
			Error::<T>::ProviderBusy
		);
		let unlocks_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		Self::leave_pool(&who, &mut provider);
		provider.status = ProviderStatus::Unbonding { unlocks_at };
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::ProviderUnregistered { provider: who, unlocks_at });
		Ok(())
	}

	pub(crate) fn do_withdraw_stake(who: T::AccountId) -> DispatchResult {
		let provider = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		let now = frame_system::Pallet::<T>::block_number();
		match provider.status {
			ProviderStatus::Unbonding { unlocks_at } if now >= unlocks_at => {},
			_ => return Err(Error::<T>::StillBonded.into()),
		}
		Self::release(HoldReason::ProviderStake, &who, provider.stake);
		Providers::<T>::remove(&who);
		Self::deposit_event(Event::StakeWithdrawn { provider: who, amount: provider.stake });
		Ok(())
	}

	/// Whether `provider` meets the hardware, region and reputation a job asks for.
	pub(crate) fn check_requirements(provider: &Provider<T>, spec: &JobSpec<T>) -> DispatchResult {
		ensure!(
			provider.profile.hardware.covers(&spec.requirements),
			Error::<T>::RequirementsNotMet
		);
		if let Some(region) = spec.region {
			ensure!(provider.profile.region == region, Error::<T>::RequirementsNotMet);
		}
		if let Some(min) = spec.min_reputation {
			ensure!(provider.reputation.score() >= min, Error::<T>::ReputationTooLow);
		}
		Ok(())
	}

	/// The bond of a replica whose work can be paid at most `price` (a job's `max_price`, an
	/// offer's price): `max(BidBondFraction × price, MinBidBond)`.
	pub fn bid_bond(price: BalanceOf<T>) -> BalanceOf<T> {
		T::BidBondFraction::get().mul_ceil(price).max(T::MinBidBond::get())
	}
}
