//! # Data registry
//!
//! Data sovereignty for Allmende: owners of datasets and models register them by content
//! hash, decide on-chain who may use them, and are paid a royalty by every job that does.
//!
//! ## Overview
//!
//! - [`Pallet::register_asset`]: a dataset or model, its content hash (unique), a URI, a
//!   licence and a royalty per job. A registration deposit is held from the owner.
//! - **Consent.** An `Open` asset may be used by anyone. A `Permissioned` asset only by the
//!   owner and the accounts it granted access to ([`Pallet::grant_access`],
//!   [`Pallet::revoke_access`]). Grants are one storage entry per (asset, account): granting
//!   and revoking cost O(1) whatever the number of users, and each grant holds
//!   `AccessDeposit` from the owner (released when revoked) so the allow-list cannot grow
//!   without its storage being paid for.
//! - **Royalties.** The compute market asks this pallet, through
//!   [`allmende_primitives::DataAccess`], whether a requester may use the assets its job
//!   names. Their royalties are added to the job's escrow when it is posted. When the job's
//!   result is verified the market pays each owner; when the job fails, expires or is
//!   cancelled the royalties go back to the requester.
//! - **The consent rule.** Consent is checked when a job is posted. Revoking access, changing
//!   the licence or the royalty, or retiring the asset stops *new* jobs; a job already posted
//!   finishes under the consent and the royalty it was posted with.
//! - [`Pallet::retire_asset`]: no new job may use the asset. Once no job in flight uses it,
//!   its registration deposit is released and, when its grants are revoked (each revocation
//!   releases that grant's deposit), the asset is removed from storage (`AssetRemoved`); its
//!   content hash may then be registered again.
//! - **Royalties are payable.** A royalty is zero or at least the existential deposit, so it
//!   can always be paid, even to an owner whose account was reaped. The registry counts a
//!   use and a royalty only when the market says the royalty moved.
//! - **Audit trail.** Every change of consent and every use emits an event naming the asset,
//!   and each asset records how many jobs used it and the royalties paid.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Asset and job ids are shared with the market through `allmende-primitives`.
pub use allmende_primitives::{AssetId, JobId};
/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// An amount of the currency deposits and royalties are paid in.
pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<AccountIdOf<T>>>::Balance;

/// What an asset is.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum AssetKind {
	/// Data a job reads.
	#[codec(index = 0)]
	Dataset,
	/// A trained model a job runs.
	#[codec(index = 1)]
	Model,
}

/// Who may use an asset.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum License {
	/// Anyone.
	#[codec(index = 0)]
	Open,
	/// The owner and the accounts it granted access to.
	#[codec(index = 1)]
	Permissioned,
}

/// A registered dataset or model.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Asset<T: Config> {
	/// Who decides about it and receives its royalties.
	pub owner: AccountIdOf<T>,
	/// Dataset or model.
	pub kind: AssetKind,
	/// Hash of its content; unique in the registry.
	pub content_hash: H256,
	/// Where it can be fetched.
	pub uri: BoundedVec<u8, T::MaxUriLen>,
	/// Open or permissioned.
	pub license: License,
	/// Paid to the owner by every job whose result is verified.
	pub royalty: BalanceOf<T>,
	/// Held from the owner for the asset's record: the registration deposit, released when
	/// the retired asset is no longer used.
	pub deposit: BalanceOf<T>,
	/// Held from the owner for its grants: the sum of the deposits recorded in `Access`,
	/// each released when its grant is revoked.
	pub grant_deposits: BalanceOf<T>,
	/// Accounts granted access.
	pub grants: u32,
	/// Retired assets take no new jobs.
	pub retired: bool,
	/// Jobs posted with this asset that have not finished.
	pub in_flight: u32,
	/// Verified jobs that paid it a royalty.
	pub uses: u32,
	/// Royalties paid to its owners, in total.
	pub royalties_paid: BalanceOf<T>,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Zero, Saturating};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, so the registry can hold deposits.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Held from the owner while an asset is registered; pays for its storage. Unit:
		/// currency; at least the existential deposit.
		#[pallet::constant]
		type AssetDeposit: Get<BalanceOf<Self>>;

		/// Held from the owner for each account granted access; released on revocation.
		/// Unit: currency.
		#[pallet::constant]
		type AccessDeposit: Get<BalanceOf<Self>>;

		/// Longest asset URI, in bytes. 16 ..= 1024.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
	}

	/// Why the registry holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An asset's registration and access-grant deposits.
		AssetDeposit,
	}

	/// The id the next asset gets.
	#[pallet::storage]
	pub type NextAssetId<T> = StorageValue<_, AssetId, ValueQuery>;

	/// Registered assets.
	#[pallet::storage]
	pub type Assets<T: Config> = StorageMap<_, Twox64Concat, AssetId, Asset<T>>;

	/// Content hash to asset: a content hash is registered at most once.
	#[pallet::storage]
	pub type AssetByHash<T: Config> = StorageMap<_, Identity, H256, AssetId>;

	/// Accounts granted access to a permissioned asset, with the deposit each grant holds
	/// from the owner (the `AccessDeposit` of when it was granted).
	#[pallet::storage]
	pub type Access<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AssetId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An asset was registered and its deposit held.
		AssetRegistered {
			asset: AssetId,
			owner: T::AccountId,
			kind: AssetKind,
			content_hash: H256,
			license: License,
			royalty: BalanceOf<T>,
		},
		/// `who` may now use the asset.
		AccessGranted { asset: AssetId, who: T::AccountId },
		/// `who` may no longer use the asset in new jobs.
		AccessRevoked { asset: AssetId, who: T::AccountId },
		/// The asset's licence changed.
		LicenseChanged { asset: AssetId, license: License },
		/// The asset's royalty changed (for jobs posted from now on).
		RoyaltyChanged { asset: AssetId, royalty: BalanceOf<T> },
		/// The asset has a new owner, who now holds its deposit.
		OwnershipTransferred { asset: AssetId, from: T::AccountId, to: T::AccountId },
		/// The asset takes no new jobs.
		AssetRetired { asset: AssetId, in_flight: u32 },
		/// A retired asset's registration deposit was released to its owner.
		DepositReleased { asset: AssetId, owner: T::AccountId, amount: BalanceOf<T> },
		/// A retired asset that no job uses and that has no grants left was removed from
		/// storage; its content hash may be registered again. Events keep its history.
		AssetRemoved { asset: AssetId },
		/// A job was posted that uses the asset; its royalty is escrowed.
		AssetUseStarted { asset: AssetId, job_id: JobId, requester: T::AccountId },
		/// A verified job used the asset and its owner was paid.
		RoyaltyPaid {
			asset: AssetId,
			job_id: JobId,
			requester: T::AccountId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A job that named the asset ended without paying its royalty (no verified result,
		/// the requester owns the asset, or the payment failed); the royalty went back to
		/// the requester.
		RoyaltyRefunded { asset: AssetId, job_id: JobId, requester: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No asset with this id.
		UnknownAsset,
		/// This content hash is already registered.
		AlreadyRegistered,
		/// Only the asset's owner may do this.
		NotOwner,
		/// The asset is retired and takes no new jobs or changes.
		AssetRetired,
		/// The account may not use this permissioned asset: the owner has not granted it
		/// access.
		AccessDenied,
		/// The account already has access.
		AlreadyGranted,
		/// The account has no access to revoke.
		NotGranted,
		/// The new owner is the current owner.
		SameOwner,
		/// The royalty is above zero but below the existential deposit: it could not be paid
		/// to an owner whose account does not exist. Use zero or at least the existential
		/// deposit.
		RoyaltyBelowMinimum,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::AssetDeposit::get() >= T::Currency::minimum_balance(),
				"AssetDeposit below the existential deposit"
			);
			assert!((16..=1024).contains(&T::MaxUriLen::get()), "MaxUriLen out of 16..=1024");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a dataset or model.
		///
		/// - Origin: signed, the owner.
		/// - `kind`: dataset or model. `content_hash`: hash of its content, not yet registered.
		/// - `uri`: where it is found. `license`: open or permissioned. `royalty`: paid to the
		///   owner per verified job: zero or at least the existential deposit.
		///
		/// Holds `AssetDeposit`. Emits `AssetRegistered`. Errors: `AlreadyRegistered`,
		/// `RoyaltyBelowMinimum`,
		/// `Token(FundsUnavailable)` (or another token error of the currency).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_asset())]
		pub fn register_asset(
			origin: OriginFor<T>,
			kind: AssetKind,
			content_hash: H256,
			uri: BoundedVec<u8, T::MaxUriLen>,
			license: License,
			#[pallet::compact] royalty: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register(owner, kind, content_hash, uri, license, royalty).map(|_| ())
		}

		/// Allow `who` to use a permissioned asset in new jobs.
		///
		/// - Origin: signed, the owner.
		///
		/// Holds `AccessDeposit` from the owner. Emits `AccessGranted`. Errors:
		/// `UnknownAsset`, `NotOwner`, `AssetRetired`, `AlreadyGranted`, `Token(FundsUnavailable)` (or another token error of the currency).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::grant_access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			asset: AssetId,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			ensure!(!a.retired, Error::<T>::AssetRetired);
			ensure!(!Access::<T>::contains_key(asset, &who), Error::<T>::AlreadyGranted);
			let deposit = T::AccessDeposit::get();
			Self::hold(&owner, deposit)?;
			a.grant_deposits = a.grant_deposits.saturating_add(deposit);
			a.grants = a.grants.saturating_add(1);
			Assets::<T>::insert(asset, a);
			Access::<T>::insert(asset, &who, deposit);
			Self::deposit_event(Event::AccessGranted { asset, who });
			Ok(())
		}

		/// Stop `who` from using the asset in new jobs. Jobs already posted finish. Also works
		/// on a retired asset: the last grant revoked from a retired asset no job uses
		/// removes the asset.
		///
		/// - Origin: signed, the owner.
		///
		/// Releases the grant's `AccessDeposit`. Emits `AccessRevoked`, and `DepositReleased`
		/// and `AssetRemoved` when that removes the asset. Errors: `UnknownAsset`,
		/// `NotOwner`, `NotGranted`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_access())]
		pub fn revoke_access(
			origin: OriginFor<T>,
			asset: AssetId,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			let deposit = Access::<T>::take(asset, &who).ok_or(Error::<T>::NotGranted)?;
			Self::release(&owner, deposit);
			a.grant_deposits = a.grant_deposits.saturating_sub(deposit);
			a.grants = a.grants.saturating_sub(1);
			Self::deposit_event(Event::AccessRevoked { asset, who });
			Self::store_or_remove(asset, a);
			Ok(())
		}

		/// Make the asset open to anyone or permissioned (owner and grantees only). Applies to
		/// jobs posted from now on.
		///
		/// - Origin: signed, the owner.
		///
		/// Emits `LicenseChanged`. Errors: `UnknownAsset`, `NotOwner`, `AssetRetired`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_license())]
		pub fn set_license(
			origin: OriginFor<T>,
			asset: AssetId,
			license: License,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			ensure!(!a.retired, Error::<T>::AssetRetired);
			a.license = license;
			Assets::<T>::insert(asset, a);
			Self::deposit_event(Event::LicenseChanged { asset, license });
			Ok(())
		}

		/// Change the royalty per job. Jobs already posted pay the royalty they were posted
		/// with.
		///
		/// - Origin: signed, the owner.
		///
		/// - `royalty`: zero or at least the existential deposit.
		///
		/// Emits `RoyaltyChanged`. Errors: `UnknownAsset`, `NotOwner`, `AssetRetired`,
		/// `RoyaltyBelowMinimum`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_royalty())]
		pub fn set_royalty(
			origin: OriginFor<T>,
			asset: AssetId,
			#[pallet::compact] royalty: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			ensure!(!a.retired, Error::<T>::AssetRetired);
			Self::ensure_payable(royalty)?;
			a.royalty = royalty;
			Assets::<T>::insert(asset, a);
			Self::deposit_event(Event::RoyaltyChanged { asset, royalty });
			Ok(())
		}

		/// Hand the asset to a new owner. The deposit moves with it: it is now held from the
		/// new owner's account (paid out of the old owner's hold). Royalties of jobs already
		/// posted still go to the owner they were posted with.
		///
		/// - Origin: signed, the owner.
		///
		/// Emits `OwnershipTransferred`. Errors: `UnknownAsset`, `NotOwner`, `SameOwner`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::transfer_ownership())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			ensure!(owner != to, Error::<T>::SameOwner);
			T::Currency::transfer_on_hold(
				&HoldReason::AssetDeposit.into(),
				&owner,
				&to,
				a.deposit.saturating_add(a.grant_deposits),
				Precision::Exact,
				Restriction::OnHold,
				Fortitude::Polite,
			)?;
			a.owner = to.clone();
			Assets::<T>::insert(asset, a);
			Self::deposit_event(Event::OwnershipTransferred { asset, from: owner, to });
			Ok(())
		}

		/// Retire the asset: no new job may use it. Once no job in flight uses it (at once if
		/// none does) its registration deposit is released, and when it has no grants left
		/// it is removed from storage. Each grant's deposit comes back when the owner revokes
		/// it; the last revocation removes the asset.
		///
		/// - Origin: signed, the owner.
		///
		/// Emits `AssetRetired`, and `DepositReleased` / `AssetRemoved` when nothing is in
		/// flight. Errors: `UnknownAsset`, `NotOwner`, `AssetRetired`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::retire_asset())]
		pub fn retire_asset(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut a = Self::owned(asset, &owner)?;
			ensure!(!a.retired, Error::<T>::AssetRetired);
			a.retired = true;
			let in_flight = a.in_flight;
			Self::deposit_event(Event::AssetRetired { asset, in_flight });
			Self::store_or_remove(asset, a);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn do_register(
			owner: T::AccountId,
			kind: AssetKind,
			content_hash: H256,
			uri: BoundedVec<u8, T::MaxUriLen>,
			license: License,
			royalty: BalanceOf<T>,
		) -> Result<AssetId, DispatchError> {
			ensure!(!AssetByHash::<T>::contains_key(content_hash), Error::<T>::AlreadyRegistered);
			Self::ensure_payable(royalty)?;
			let deposit = T::AssetDeposit::get();
			Self::hold(&owner, deposit)?;
			let asset = NextAssetId::<T>::get();
			NextAssetId::<T>::put(asset.saturating_add(1));
			AssetByHash::<T>::insert(content_hash, asset);
			Assets::<T>::insert(
				asset,
				Asset {
					owner: owner.clone(),
					kind,
					content_hash,
					uri,
					license,
					royalty,
					deposit,
					grant_deposits: Zero::zero(),
					grants: 0,
					retired: false,
					in_flight: 0,
					uses: 0,
					royalties_paid: Zero::zero(),
				},
			);
			Self::deposit_event(Event::AssetRegistered {
				asset,
				owner,
				kind,
				content_hash,
				license,
				royalty,
			});
			Ok(asset)
		}

		fn owned(asset: AssetId, who: &T::AccountId) -> Result<Asset<T>, DispatchError> {
			let a = Assets::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
			ensure!(&a.owner == who, Error::<T>::NotOwner);
			Ok(a)
		}

		fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			if amount.is_zero() {
				return Ok(());
			}
			T::Currency::hold(&HoldReason::AssetDeposit.into(), who, amount)
		}

		fn release(who: &T::AccountId, amount: BalanceOf<T>) {
			if amount.is_zero() {
				return;
			}
			let released = T::Currency::release(
				&HoldReason::AssetDeposit.into(),
				who,
				amount,
				Precision::BestEffort,
			);
			if released != Ok(amount) {
				frame_support::defensive!("registry released less than its records hold");
			}
		}

		/// A royalty must be zero or payable to an account that does not exist yet.
		fn ensure_payable(royalty: BalanceOf<T>) -> DispatchResult {
			ensure!(
				royalty.is_zero() || royalty >= T::Currency::minimum_balance(),
				Error::<T>::RoyaltyBelowMinimum
			);
			Ok(())
		}

		/// Stores `a`, unless it is retired and no job uses it: then everything but its
		/// grants' deposits goes back to the owner, and with no grants left it is removed.
		pub(crate) fn store_or_remove(asset: AssetId, mut a: Asset<T>) {
			if !a.retired || a.in_flight > 0 {
				Assets::<T>::insert(asset, a);
				return;
			}
			let amount = core::mem::take(&mut a.deposit);
			if !amount.is_zero() {
				Self::release(&a.owner, amount);
				Self::deposit_event(Event::DepositReleased {
					asset,
					owner: a.owner.clone(),
					amount,
				});
			}
			if a.grants == 0 {
				AssetByHash::<T>::remove(a.content_hash);
				Assets::<T>::remove(asset);
				Self::deposit_event(Event::AssetRemoved { asset });
			} else {
				Assets::<T>::insert(asset, a);
			}
		}

		/// Whether `who` may use the asset now.
		pub fn may_use(a: &Asset<T>, asset: AssetId, who: &T::AccountId) -> bool {
			match a.license {
				License::Open => true,
				License::Permissioned => &a.owner == who || Access::<T>::contains_key(asset, who),
			}
		}

		/// Deposits held equal the deposits recorded, per owner.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut expected: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut grants: BTreeMap<AssetId, (u32, BalanceOf<T>)> = BTreeMap::new();
			for (asset, a) in Assets::<T>::iter() {
				let e = expected.entry(a.owner.clone()).or_default();
				*e = e.saturating_add(a.deposit).saturating_add(a.grant_deposits);
				ensure!(
					AssetByHash::<T>::get(a.content_hash) == Some(asset),
					"content hash index out of step"
				);
				grants.insert(asset, (0u32, BalanceOf::<T>::zero()));
			}
			for (asset, _, deposit) in Access::<T>::iter() {
				let g = grants.get_mut(&asset).ok_or("a grant names an unknown asset")?;
				*g = (g.0.saturating_add(1), g.1.saturating_add(deposit));
			}
			for (asset, (count, deposits)) in grants {
				let a = Assets::<T>::get(asset).ok_or("asset vanished")?;
				ensure!(a.grants == count, "grant counter differs from grants");
				ensure!(a.grant_deposits == deposits, "grant deposits differ from the grants'");
				if a.retired && a.in_flight == 0 {
					ensure!(count > 0, "a retired asset nobody uses and without grants is stored");
					ensure!(a.deposit.is_zero(), "a retired idle asset holds its registration");
				}
			}
			for (who, amount) in expected {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::AssetDeposit.into(), &who) == amount,
					"deposit held differs from records"
				);
			}
			Ok(())
		}
	}
}

impl<T: Config> allmende_primitives::DataAccess<T::AccountId, BalanceOf<T>> for Pallet<T> {
	type AssetId = AssetId;

	fn check_usable(
		asset: &AssetId,
		user: &T::AccountId,
	) -> Result<(T::AccountId, BalanceOf<T>), sp_runtime::DispatchError> {
		let a = Assets::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		frame_support::ensure!(!a.retired, Error::<T>::AssetRetired);
		frame_support::ensure!(Self::may_use(&a, *asset, user), Error::<T>::AccessDenied);
		Ok((a.owner, a.royalty))
	}

	fn start_use(asset: &AssetId, job_id: JobId, requester: &T::AccountId) {
		Assets::<T>::mutate(asset, |a| {
			if let Some(a) = a {
				a.in_flight = a.in_flight.saturating_add(1);
			}
		});
		Self::deposit_event(Event::AssetUseStarted {
			asset: *asset,
			job_id,
			requester: requester.clone(),
		});
	}

	fn finish_use(
		asset: &AssetId,
		job_id: JobId,
		requester: &T::AccountId,
		paid: Option<(T::AccountId, BalanceOf<T>)>,
	) {
		let Some(mut a) = Assets::<T>::get(asset) else { return };
		a.in_flight = a.in_flight.saturating_sub(1);
		match paid {
			Some((owner, amount)) => {
				a.uses = a.uses.saturating_add(1);
				a.royalties_paid = sp_runtime::Saturating::saturating_add(a.royalties_paid, amount);
				Self::deposit_event(Event::RoyaltyPaid {
					asset: *asset,
					job_id,
					requester: requester.clone(),
					owner,
					amount,
				});
			},
			None => Self::deposit_event(Event::RoyaltyRefunded {
				asset: *asset,
				job_id,
				requester: requester.clone(),
			}),
		}
		Self::store_or_remove(*asset, a);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_asset(index: u32, owner: &T::AccountId) -> AssetId {
		let mut bytes = [0xA5u8; 32];
		bytes[..4].copy_from_slice(&index.to_le_bytes());
		let hash = H256(bytes);
		if let Some(id) = AssetByHash::<T>::get(hash) {
			return id;
		}
		let uri = BoundedVec::truncate_from(
			alloc::vec![b'u'; <T::MaxUriLen as frame_support::traits::Get<u32>>::get() as usize],
		);
		let royalty = <T::AssetDeposit as frame_support::traits::Get<BalanceOf<T>>>::get();
		Self::do_register(owner.clone(), AssetKind::Dataset, hash, uri, License::Open, royalty)
			.expect("the benchmark funds the owner")
	}
}
