//! Benchmarks of every call, each in its worst case.

use super::*;
use crate::Pallet as Registry;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

fn uri<T: Config>() -> BoundedVec<u8, T::MaxUriLen> {
	BoundedVec::truncate_from(alloc::vec![b'u'; T::MaxUriLen::get() as usize])
}

/// Registers asset 0 for `owner`.
fn registered<T: Config>(owner: &T::AccountId, license: License) -> AssetId {
	Registry::<T>::register_asset(
		RawOrigin::Signed(owner.clone()).into(),
		AssetKind::Dataset,
		H256::repeat_byte(9),
		uri::<T>(),
		license,
		T::Currency::minimum_balance(),
	)
	.expect("a funded owner registers");
	0
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_asset() {
		let owner = funded::<T>("owner", 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			AssetKind::Model,
			H256::repeat_byte(1),
			uri::<T>(),
			License::Permissioned,
			T::Currency::minimum_balance(),
		);
		assert!(Assets::<T>::contains_key(0));
	}

	#[benchmark]
	fn grant_access() {
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Permissioned);
		let user = funded::<T>("user", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset, user.clone());
		assert!(Access::<T>::contains_key(asset, &user));
	}

	#[benchmark]
	fn revoke_access() {
		// The last grant of a retired asset nobody uses: revoking it removes the asset.
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Permissioned);
		let user = funded::<T>("user", 0);
		Registry::<T>::grant_access(RawOrigin::Signed(owner.clone()).into(), asset, user.clone())
			.unwrap();
		Registry::<T>::retire_asset(RawOrigin::Signed(owner.clone()).into(), asset).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset, user.clone());
		assert!(!Access::<T>::contains_key(asset, &user));
		assert!(!Assets::<T>::contains_key(asset));
	}

	#[benchmark]
	fn set_license() {
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Permissioned);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset, License::Open);
	}

	#[benchmark]
	fn set_royalty() {
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Open);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset, T::Currency::minimum_balance());
	}

	#[benchmark]
	fn transfer_ownership() {
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Open);
		let to = funded::<T>("owner", 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset, to.clone());
		assert_eq!(Assets::<T>::get(asset).unwrap().owner, to);
	}

	#[benchmark]
	fn retire_asset() {
		// Nothing in flight and no grants: the deposit is released and the asset removed.
		let owner = funded::<T>("owner", 0);
		let asset = registered::<T>(&owner, License::Open);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), asset);
		assert!(!Assets::<T>::contains_key(asset));
	}

	impl_benchmark_test_suite!(Registry, crate::mock::new_test_ext(), crate::mock::Test);
}
