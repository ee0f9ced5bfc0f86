//! The data registry's configuration.

use frame_support::{parameter_types, traits::ConstU32};

use crate::{Balance, Balances, Runtime, RuntimeHoldReason, MILLI_UNIT, UNIT};

parameter_types! {
	/// 1 ALM per registered asset: pays for its record (about 400 bytes) and keeps the
	/// registry from being flooded.
	pub const AssetDeposit: Balance = UNIT;
	/// 10 milli-ALM per account granted access: one small storage entry.
	pub const AccessDeposit: Balance = 10 * MILLI_UNIT;
}

impl pallet_data_registry::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type WeightInfo = pallet_data_registry::weights::SubstrateWeight<Runtime>;
	type AssetDeposit = AssetDeposit;
	type AccessDeposit = AccessDeposit;
	/// 256 bytes fit any IPFS, HTTPS or OCI reference.
	type MaxUriLen = ConstU32<256>;
}
