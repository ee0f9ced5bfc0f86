//! Funds: every movement of money the market makes, through `fungible::MutateHold`. Holding
//! propagates the currency's errors. Releasing and burning what the records say is held
//! cannot fail, and a shortfall is reported as a defensive failure. A payment can fail for
//! reasons of the payee; `pay` reports it and leaves the money where the records say.

use crate::*;
use frame_support::traits::{
	fungible::{InspectHold, MutateHold},
	tokens::{Fortitude, Precision, Restriction},
};
use sp_runtime::{traits::Zero, DispatchResult};

impl<T: Config> Pallet<T> {
	/// Holds `amount` of `who` under `reason`, or fails with the currency's own error (for
	/// example `Token(FundsUnavailable)` when the free balance is short).
	pub(crate) fn hold(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
	}

	/// Releases `amount` held from `who` under `reason`. The records say it is held, so a
	/// shortfall is a bug.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let released = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort);
		if released != Ok(amount) {
			frame_support::defensive!("market released less than its records hold");
		}
	}

	/// What `who` holds under `reason` (used by `try_state` and tests).
	pub fn held(reason: HoldReason, who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&reason.into(), who)
	}

	/// Pays `amount` held from `from` under `reason` into `to`'s free balance. Returns whether
	/// it moved. A payment can fail for reasons of the payee (an amount below the existential
	/// deposit to an account that does not exist); then nothing moves, `PaymentFailed` says
	/// so, and the caller keeps the amount in its records so that it is refunded or burnt.
	#[must_use]
	pub(crate) fn pay(
		job_id: JobId,
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> bool {
		if amount.is_zero() {
			return true;
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
		match moved {
			Ok(_) => true,
			Err(error) => {
				Self::deposit_event(Event::PaymentFailed { job_id, to: to.clone(), amount, error });
				false
			},
		}
	}

	/// Burns `amount` held from `who` under `reason`, and says so in a `Burnt` event.
	pub(crate) fn burn_held(
		job_id: JobId,
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) {
		if amount.is_zero() {
			return;
		}
		let burnt =
			T::Currency::burn_held(&reason.into(), who, amount, Precision::Exact, Fortitude::Force);
		if burnt != Ok(amount) {
			frame_support::defensive!("market burnt less than its records hold");
		}
		Self::deposit_event(Event::Burnt { job_id, amount });
	}
}
