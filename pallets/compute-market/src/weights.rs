
//! Weights of `pallet_compute_market`, measured by `./scripts/benchmark.sh` with the benchmark CLI
//! 64.0.0 on 2026-11-26.
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
	fn join_arbiter_pool() -> Weight;
	fn leave_arbiter_pool() -> Weight;
	fn on_initialize_draw(n: u32, ) -> Weight;
	fn on_initialize_arbitrate(n: u32, ) -> Weight;
	fn on_initialize_visit(v: u32, ) -> Weight;
	fn prune_job() -> Weight;
	fn on_initialize_skip(s: u32, ) -> Weight;
}

/// Measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	fn register_provider() -> Weight {
		// Proof size in bytes, measured: `180`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 59_339_000 picoseconds.
		Weight::from_parts(62_393_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn update_profile() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_871_000 picoseconds.
		Weight::from_parts(15_223_000, 4097)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof size in bytes, measured: `887`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 64_146_000 picoseconds.
		Weight::from_parts(66_900_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn unregister() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 15_423_000 picoseconds.
		Weight::from_parts(16_775_000, 4097)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size in bytes, measured: `891`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 53_990_000 picoseconds.
		Weight::from_parts(56_835_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextOfferId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextOfferId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Offers` (r:0 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn post_offer() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 18_438_000 picoseconds.
		Weight::from_parts(20_000_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn withdraw_offer() -> Weight {
		// Proof size in bytes, measured: `806`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 18_868_000 picoseconds.
		Weight::from_parts(20_491_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn accept_offer(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `1575 + a * (375 ±0)`
		// Proof size in bytes, estimated: `6254 + a * (2876 ±0)`
		// Minimum execution time: 148_271_000 picoseconds.
		Weight::from_parts(159_259_629, 6254)
			// Standard error: 21_539
			.saturating_add(Weight::from_parts(9_936_956, 0).saturating_mul(a.into()))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn post_job(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `563 + a * (375 ±0)`
		// Proof size in bytes, estimated: `3991 + a * (2876 ±0)`
		// Minimum execution time: 71_346_000 picoseconds.
		Weight::from_parts(77_939_139, 3991)
			// Standard error: 12_832
			.saturating_add(Weight::from_parts(10_114_071, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:33 w:33)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:32)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn cancel_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `5724 + b * (326 ±0)`
		// Proof size in bytes, estimated: `23998 + b * (3107 ±0)`
		// Minimum execution time: 138_747_000 picoseconds.
		Weight::from_parts(143_909_491, 23998)
			// Standard error: 47_342
			.saturating_add(Weight::from_parts(54_310_626, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:2)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn place_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2590 + b * (100 ±0)`
		// Proof size in bytes, estimated: `5786 + b * (27 ±4)`
		// Minimum execution time: 85_878_000 picoseconds.
		Weight::from_parts(86_950_660, 5786)
			// Standard error: 31_143
			.saturating_add(Weight::from_parts(1_202_568, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 32]`.
	fn retract_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2527 + b * (103 ±0)`
		// Proof size in bytes, estimated: `5786`
		// Minimum execution time: 77_725_000 picoseconds.
		Weight::from_parts(81_849_633, 5786)
			// Standard error: 6_711
			.saturating_add(Weight::from_parts(687_536, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Proof size in bytes, measured: `2313`
		// Proof size in bytes, estimated: `6992`
		// Minimum execution time: 38_357_000 picoseconds.
		Weight::from_parts(41_692_000, 6992)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:11 w:11)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:9 w:9)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:9)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[2, 9]`.
	fn reveal_result(r: u32, ) -> Weight {
		// Proof size in bytes, measured: `5475 + r * (646 ±0)`
		// Proof size in bytes, estimated: `23998 + r * (3107 ±0)`
		// Minimum execution time: 659_712_000 picoseconds.
		Weight::from_parts(457_930_753, 23998)
			// Standard error: 211_818
			.saturating_add(Weight::from_parts(121_518_271, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(15_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(r.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:0 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size in bytes, measured: `2118`
		// Proof size in bytes, estimated: `6992`
		// Minimum execution time: 86_268_000 picoseconds.
		Weight::from_parts(90_945_000, 6992)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:23 w:23)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `1299 + b * (323 ±0)`
		// Proof size in bytes, estimated: `23998 + b * (3107 ±64)`
		// Minimum execution time: 136_814_000 picoseconds.
		Weight::from_parts(81_927_167, 23998)
			// Standard error: 463_546
			.saturating_add(Weight::from_parts(34_314_945, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:64 w:64)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:23 w:23)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:23 w:23)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:64)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1472)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `11614 + n * (111 ±0)`
		// Proof size in bytes, estimated: `100414 + n * (4796 ±0)`
		// Minimum execution time: 5_929_000 picoseconds.
		Weight::from_parts(6_139_000, 100414)
			// Standard error: 3_217_520
			.saturating_add(Weight::from_parts(1_086_096_964, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(66_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(65_u64))
			.saturating_add(T::DbWeight::get().writes((27_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4796).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:11 w:11)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:9 w:9)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:64)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:576)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_verify(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `10873 + n * (111 ±0)`
		// Proof size in bytes, estimated: `29623 + n * (5984 ±0)`
		// Minimum execution time: 5_277_000 picoseconds.
		Weight::from_parts(194_427_600, 29623)
			// Standard error: 4_009_459
			.saturating_add(Weight::from_parts(1_222_227_428, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(32_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(32_u64))
			.saturating_add(T::DbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:1)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:0 w:1)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn join_arbiter_pool() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 17_796_000 picoseconds.
		Weight::from_parts(19_219_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:1)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:1 w:2)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn leave_arbiter_pool() -> Weight {
		// Proof size in bytes, measured: `1430`
		// Proof size in bytes, estimated: `7204`
		// Minimum execution time: 29_644_000 picoseconds.
		Weight::from_parts(31_657_000, 7204)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:2 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:0)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:0)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:32 w:0)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:3)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:3 w:3)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:192)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_draw(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `25037 + n * (514 ±0)`
		// Proof size in bytes, estimated: `99770 + n * (5984 ±5)`
		// Minimum execution time: 5_719_000 picoseconds.
		Weight::from_parts(243_660_838, 99770)
			// Standard error: 936_148
			.saturating_add(Weight::from_parts(284_629_424, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(60_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1256), added: 3731, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:64)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:13 w:13)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:14 w:14)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:12 w:12)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(401), added: 2876, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:64)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:768)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `17921 + n * (186 ±0)`
		// Proof size in bytes, estimated: `38274 + n * (5984 ±0)`
		// Minimum execution time: 5_138_000 picoseconds.
		Weight::from_parts(321_658_718, 38274)
			// Standard error: 2_298_088
			.saturating_add(Weight::from_parts(1_380_122_316, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(39_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(39_u64))
			.saturating_add(T::DbWeight::get().writes((16_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	fn on_initialize_visit(v: u32, ) -> Weight {
		Weight::from_parts(2_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().reads_writes(v.into(), v.into()))
	}
	fn prune_job() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn on_initialize_skip(s: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 3_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_500).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(s.into()))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(62_393_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_profile() -> Weight {
		Weight::from_parts(15_223_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(66_900_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister() -> Weight {
		Weight::from_parts(16_775_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(56_835_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(20_000_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(20_491_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accept_offer(a: u32, ) -> Weight {
		Weight::from_parts(159_259_629, 6254)
			.saturating_add(Weight::from_parts(9_936_956, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	fn post_job(a: u32, ) -> Weight {
		Weight::from_parts(77_939_139, 3991)
			.saturating_add(Weight::from_parts(10_114_071, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2876).saturating_mul(a.into()))
	}
	fn cancel_job(b: u32, ) -> Weight {
		Weight::from_parts(143_909_491, 23998)
			.saturating_add(Weight::from_parts(54_310_626, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn place_bid(b: u32, ) -> Weight {
		Weight::from_parts(86_950_660, 5786)
			.saturating_add(Weight::from_parts(1_202_568, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	fn retract_bid(b: u32, ) -> Weight {
		Weight::from_parts(81_849_633, 5786)
			.saturating_add(Weight::from_parts(687_536, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(41_692_000, 6992)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result(r: u32, ) -> Weight {
		Weight::from_parts(457_930_753, 23998)
			.saturating_add(Weight::from_parts(121_518_271, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes(15_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(r.into()))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(90_945_000, 6992)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn advance_job(b: u32, ) -> Weight {
		Weight::from_parts(81_927_167, 23998)
			.saturating_add(Weight::from_parts(34_314_945, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(6_139_000, 100414)
			.saturating_add(Weight::from_parts(1_086_096_964, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(66_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(65_u64))
			.saturating_add(ParityDbWeight::get().writes((27_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4796).saturating_mul(n.into()))
	}
	fn on_initialize_verify(n: u32, ) -> Weight {
		Weight::from_parts(194_427_600, 29623)
			.saturating_add(Weight::from_parts(1_222_227_428, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(32_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(32_u64))
			.saturating_add(ParityDbWeight::get().writes((12_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	fn join_arbiter_pool() -> Weight {
		Weight::from_parts(19_219_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn leave_arbiter_pool() -> Weight {
		Weight::from_parts(31_657_000, 7204)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn on_initialize_draw(n: u32, ) -> Weight {
		Weight::from_parts(243_660_838, 99770)
			.saturating_add(Weight::from_parts(284_629_424, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(60_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		Weight::from_parts(321_658_718, 38274)
			.saturating_add(Weight::from_parts(1_380_122_316, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(39_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(39_u64))
			.saturating_add(ParityDbWeight::get().writes((16_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	fn on_initialize_visit(v: u32, ) -> Weight {
		Weight::from_parts(2_000_000, 1_500)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().reads_writes(v.into(), v.into()))
	}
	fn prune_job() -> Weight {
		Weight::from_parts(40_000_000, 8_000)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_skip(s: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 3_000)
			.saturating_add(Weight::from_parts(20_000_000, 2_500).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(s.into()))
	}
}
