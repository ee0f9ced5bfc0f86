
//! Weights of `pallet_data_registry`, measured by `./scripts/benchmark.sh` with the benchmark CLI
//! 64.0.0 on 2026-12-05.
//!
//! Steps: 20, repeats: 10. Machine: `vm`, CPU: `AMD EPYC`.
//! WASM execution: Compiled. Chain: None.
//!
//! Command:
//!   /root/.cache/allmende/bench-target/release/allmende-node
//!   benchmark
//!   pallet
//!   --runtime
//!   /root/.cache/allmende/bench-target/release/wbuild/allmende-runtime/allmende_runtime.compact.compressed.wasm
//!   --genesis-builder
//!   runtime
//!   --genesis-builder-preset
//!   development
//!   --pallet
//!   pallet_data_registry
//!   --extrinsic
//!   *
//!   --wasm-execution
//!   compiled
//!   --steps
//!   20
//!   --repeat
//!   10
//!   --heap-pages
//!   4096
//!   --template
//!   /work/main/scripts/weights.hbs
//!   --output
//!   pallets/data-registry/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_data_registry`.
pub trait WeightInfo {
	fn register_asset() -> Weight;
	fn grant_access() -> Weight;
	fn revoke_access() -> Weight;
	fn set_license() -> Weight;
	fn set_royalty() -> Weight;
	fn transfer_ownership() -> Weight;
	fn retire_asset() -> Weight;
}

/// Measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `DataRegistry::AssetByHash` (r:1 w:1)
	/// Proof: `DataRegistry::AssetByHash` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::NextAssetId` (r:1 w:1)
	/// Proof: `DataRegistry::NextAssetId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:0 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	fn register_asset() -> Weight {
		// Proof size in bytes, measured: `109`
		// Proof size in bytes, estimated: `3748`
		// Minimum execution time: 46_579_000 picoseconds.
		Weight::from_parts(50_295_000, 3748)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Access` (r:1 w:1)
	/// Proof: `DataRegistry::Access` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn grant_access() -> Weight {
		// Proof size in bytes, measured: `671`
		// Proof size in bytes, estimated: `3882`
		// Minimum execution time: 52_308_000 picoseconds.
		Weight::from_parts(57_947_000, 3882)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Access` (r:1 w:1)
	/// Proof: `DataRegistry::Access` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::AssetByHash` (r:0 w:1)
	/// Proof: `DataRegistry::AssetByHash` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	fn revoke_access() -> Weight {
		// Proof size in bytes, measured: `773`
		// Proof size in bytes, estimated: `3882`
		// Minimum execution time: 48_843_000 picoseconds.
		Weight::from_parts(52_679_000, 3882)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	fn set_license() -> Weight {
		// Proof size in bytes, measured: `513`
		// Proof size in bytes, estimated: `3882`
		// Minimum execution time: 10_226_000 picoseconds.
		Weight::from_parts(11_196_000, 3882)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	fn set_royalty() -> Weight {
		// Proof size in bytes, measured: `513`
		// Proof size in bytes, estimated: `3882`
		// Minimum execution time: 9_835_000 picoseconds.
		Weight::from_parts(11_037_000, 3882)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size in bytes, measured: `845`
		// Proof size in bytes, estimated: `6506`
		// Minimum execution time: 52_498_000 picoseconds.
		Weight::from_parts(56_765_000, 6506)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `DataRegistry::Assets` (r:1 w:1)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::AssetByHash` (r:0 w:1)
	/// Proof: `DataRegistry::AssetByHash` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	fn retire_asset() -> Weight {
		// Proof size in bytes, measured: `671`
		// Proof size in bytes, estimated: `3882`
		// Minimum execution time: 44_566_000 picoseconds.
		Weight::from_parts(48_893_000, 3882)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_asset() -> Weight {
		Weight::from_parts(50_295_000, 3748)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn grant_access() -> Weight {
		Weight::from_parts(57_947_000, 3882)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn revoke_access() -> Weight {
		Weight::from_parts(52_679_000, 3882)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn set_license() -> Weight {
		Weight::from_parts(11_196_000, 3882)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_royalty() -> Weight {
		Weight::from_parts(11_037_000, 3882)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(56_765_000, 6506)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn retire_asset() -> Weight {
		Weight::from_parts(48_893_000, 3882)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
