
//! Weights of `pallet_compute_market`, measured by `./scripts/benchmark.sh` with the benchmark CLI
//! 64.0.0 on 2026-11-25.
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
//!   pallet_compute_market
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
//!   pallets/compute-market/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_compute_market`.
pub trait WeightInfo {
	fn register_provider() -> Weight;
	fn update_profile() -> Weight;
	fn add_stake() -> Weight;
	fn unregister() -> Weight;
	fn withdraw_stake() -> Weight;
	fn post_offer() -> Weight;
	fn withdraw_offer() -> Weight;
	fn accept_offer(a: u32, ) -> Weight;
	fn post_job(a: u32, ) -> Weight;
	fn cancel_job(b: u32, ) -> Weight;
	fn place_bid(b: u32, ) -> Weight;
	fn retract_bid(b: u32, ) -> Weight;
	fn commit_result() -> Weight;
	fn reveal_result(r: u32, ) -> Weight;
	fn challenge_result() -> Weight;
	fn advance_job(b: u32, ) -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
	fn on_initialize_verify(n: u32, ) -> Weight;
}

/// Measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_provider() -> Weight {
		// Proof size in bytes, measured: `180`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 45_929_000 picoseconds.
		Weight::from_parts(47_982_000, 4092)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	fn update_profile() -> Weight {
		// Proof size in bytes, measured: `657`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 9_965_000 picoseconds.
		Weight::from_parts(10_586_000, 4092)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof size in bytes, measured: `886`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 49_294_000 picoseconds.
		Weight::from_parts(51_437_000, 4092)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	fn unregister() -> Weight {
		// Proof size in bytes, measured: `657`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 10_946_000 picoseconds.
		Weight::from_parts(11_748_000, 4092)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size in bytes, measured: `890`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 41_632_000 picoseconds.
		Weight::from_parts(43_475_000, 4092)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextOfferId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextOfferId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Offers` (r:0 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	fn post_offer() -> Weight {
		// Proof size in bytes, measured: `657`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 13_090_000 picoseconds.
		Weight::from_parts(14_031_000, 4092)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	fn withdraw_offer() -> Weight {
		// Proof size in bytes, measured: `797`
		// Proof size in bytes, estimated: `4092`
		// Minimum execution time: 13_530_000 picoseconds.
		Weight::from_parts(14_361_000, 4092)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn accept_offer(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `1566 + a * (375 ±0)`
		// Proof size in bytes, estimated: `6218 + a * (2876 ±0)`
		// Minimum execution time: 113_210_000 picoseconds.
		Weight::from_parts(120_316_149, 6218)
			// Standard error: 13_254
			.saturating_add(Weight::from_parts(7_869_677, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn post_job(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `563 + a * (375 ±0)`
		// Proof size in bytes, estimated: `3991 + a * (2876 ±0)`
		// Minimum execution time: 53_290_000 picoseconds.
		Weight::from_parts(57_763_725, 3991)
			// Standard error: 6_715
			.saturating_add(Weight::from_parts(7_792_777, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:33 w:33)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:32)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn cancel_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `5711 + b * (326 ±0)`
		// Proof size in bytes, estimated: `23998 + b * (3102 ±0)`
		// Minimum execution time: 105_458_000 picoseconds.
		Weight::from_parts(112_751_516, 23998)
			// Standard error: 14_784
			.saturating_add(Weight::from_parts(42_835_254, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:2)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn place_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2577 + b * (100 ±0)`
		// Proof size in bytes, estimated: `5786 + b * (27 ±4)`
		// Minimum execution time: 63_825_000 picoseconds.
		Weight::from_parts(65_319_588, 5786)
			// Standard error: 21_275
			.saturating_add(Weight::from_parts(695_518, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 32]`.
	fn retract_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2514 + b * (103 ±0)`
		// Proof size in bytes, estimated: `5786`
		// Minimum execution time: 57_296_000 picoseconds.
		Weight::from_parts(60_460_816, 5786)
			// Standard error: 4_810
			.saturating_add(Weight::from_parts(325_245, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Proof size in bytes, measured: `2301`
		// Proof size in bytes, estimated: `6992`
		// Minimum execution time: 27_351_000 picoseconds.
		Weight::from_parts(28_663_000, 6992)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:11 w:11)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:9 w:9)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:9)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[2, 9]`.
	fn reveal_result(r: u32, ) -> Weight {
		// Proof size in bytes, measured: `5462 + r * (646 ±0)`
		// Proof size in bytes, estimated: `23998 + r * (3102 ±0)`
		// Minimum execution time: 485_639_000 picoseconds.
		Weight::from_parts(354_996_999, 23998)
			// Standard error: 58_805
			.saturating_add(Weight::from_parts(74_353_307, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(15_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(r.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challenged` (r:0 w:1)
	/// Proof: `ComputeMarket::Challenged` (`max_values`: None, `max_size`: Some(404), added: 2879, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size in bytes, measured: `2106`
		// Proof size in bytes, estimated: `6992`
		// Minimum execution time: 64_667_000 picoseconds.
		Weight::from_parts(67_361_000, 6992)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:23 w:23)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:23)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn advance_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `1286 + b * (323 ±0)`
		// Proof size in bytes, estimated: `23998 + b * (3102 ±6)`
		// Minimum execution time: 105_318_000 picoseconds.
		Weight::from_parts(64_178_580, 23998)
			// Standard error: 321_626
			.saturating_add(Weight::from_parts(26_765_261, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:64 w:64)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:23 w:23)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:64)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1472)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `11601 + n * (111 ±0)`
		// Proof size in bytes, estimated: `100254 + n * (4796 ±7)`
		// Minimum execution time: 3_154_000 picoseconds.
		Weight::from_parts(3_285_000, 100254)
			// Standard error: 953_687
			.saturating_add(Weight::from_parts(839_497_408, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(66_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(65_u64))
			.saturating_add(T::DbWeight::get().writes((27_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4796).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1240), added: 3715, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:11 w:11)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:9 w:9)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(627), added: 3102, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:64)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:576)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_verify(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `10860 + n * (111 ±0)`
		// Proof size in bytes, estimated: `29623 + n * (5984 ±0)`
		// Minimum execution time: 2_945_000 picoseconds.
		Weight::from_parts(352_939_188, 29623)
			// Standard error: 1_482_272
			.saturating_add(Weight::from_parts(836_708_027, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(32_u64))
			.saturating_add(T::DbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(47_982_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_profile() -> Weight {
		Weight::from_parts(10_586_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(51_437_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister() -> Weight {
		Weight::from_parts(11_748_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(43_475_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(14_031_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(14_361_000, 4092)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accept_offer(a: u32, ) -> Weight {
		Weight::from_parts(120_316_149, 6218)
			.saturating_add(Weight::from_parts(7_869_677, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	fn post_job(a: u32, ) -> Weight {
		Weight::from_parts(57_763_725, 3991)
			.saturating_add(Weight::from_parts(7_792_777, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	fn cancel_job(b: u32, ) -> Weight {
		Weight::from_parts(112_751_516, 23998)
			.saturating_add(Weight::from_parts(42_835_254, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(b.into()))
	}
	fn place_bid(b: u32, ) -> Weight {
		Weight::from_parts(65_319_588, 5786)
			.saturating_add(Weight::from_parts(695_518, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	fn retract_bid(b: u32, ) -> Weight {
		Weight::from_parts(60_460_816, 5786)
			.saturating_add(Weight::from_parts(325_245, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(28_663_000, 6992)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result(r: u32, ) -> Weight {
		Weight::from_parts(354_996_999, 23998)
			.saturating_add(Weight::from_parts(74_353_307, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(r.into()))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(67_361_000, 6992)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn advance_job(b: u32, ) -> Weight {
		Weight::from_parts(64_178_580, 23998)
			.saturating_add(Weight::from_parts(26_765_261, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3102).saturating_mul(b.into()))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(3_285_000, 100254)
			.saturating_add(Weight::from_parts(839_497_408, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(66_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(65_u64))
			.saturating_add(ParityDbWeight::get().writes((27_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4796).saturating_mul(n.into()))
	}
	fn on_initialize_verify(n: u32, ) -> Weight {
		Weight::from_parts(352_939_188, 29623)
			.saturating_add(Weight::from_parts(836_708_027, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(32_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(32_u64))
			.saturating_add(ParityDbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
}
