//! Weights of the data registry. Bootstrap only: replaced by the benchmark CLI's output.
#![allow(unused_parens, unused_imports)]

use frame_support::weights::Weight;

/// Weight functions of the data registry.
pub trait WeightInfo {
	fn register_asset() -> Weight;
	fn grant_access() -> Weight;
	fn revoke_access() -> Weight;
	fn set_license() -> Weight;
	fn set_royalty() -> Weight;
	fn transfer_ownership() -> Weight;
	fn retire_asset() -> Weight;
}

/// Bootstrap only: replaced by the benchmark CLI's output.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn register_asset() -> Weight { Weight::zero() }
	fn grant_access() -> Weight { Weight::zero() }
	fn revoke_access() -> Weight { Weight::zero() }
	fn set_license() -> Weight { Weight::zero() }
	fn set_royalty() -> Weight { Weight::zero() }
	fn transfer_ownership() -> Weight { Weight::zero() }
	fn retire_asset() -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn register_asset() -> Weight { Weight::zero() }
	fn grant_access() -> Weight { Weight::zero() }
	fn revoke_access() -> Weight { Weight::zero() }
	fn set_license() -> Weight { Weight::zero() }
	fn set_royalty() -> Weight { Weight::zero() }
	fn transfer_ownership() -> Weight { Weight::zero() }
	fn retire_asset() -> Weight { Weight::zero() }
}
