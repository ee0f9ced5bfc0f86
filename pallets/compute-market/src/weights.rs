
//! Weights of `pallet_compute_market`, measured by `./scripts/benchmark.sh` with the benchmark CLI
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
	fn prune_job() -> Weight;
	fn place_bid(b: u32, ) -> Weight;
	fn retract_bid(b: u32, ) -> Weight;
	fn commit_result() -> Weight;
	fn reveal_result(r: u32, ) -> Weight;
	fn reveal_result_unverified() -> Weight;
	fn challenge_result() -> Weight;
	fn accept_result() -> Weight;
	fn advance_job(b: u32, ) -> Weight;
	fn on_initialize(n: u32, ) -> Weight;
	fn on_initialize_visit(v: u32, ) -> Weight;
	fn on_initialize_skip(s: u32, ) -> Weight;
	fn on_initialize_verify(n: u32, ) -> Weight;
	fn join_arbiter_pool() -> Weight;
	fn leave_arbiter_pool() -> Weight;
	fn on_initialize_draw(n: u32, ) -> Weight;
	fn on_initialize_arbitrate(n: u32, ) -> Weight;
	fn reveal_verdict() -> Weight;
}

/// Measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn register_provider() -> Weight {
		// Proof size in bytes, measured: `183`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 49_084_000 picoseconds.
		Weight::from_parts(53_640_000, 4097)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn update_profile() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 10_115_000 picoseconds.
		Weight::from_parts(11_137_000, 4097)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof size in bytes, measured: `887`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 51_267_000 picoseconds.
		Weight::from_parts(54_922_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn unregister() -> Weight {
		// Proof size in bytes, measured: `661`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_440_000 picoseconds.
		Weight::from_parts(14_712_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size in bytes, measured: `891`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 42_393_000 picoseconds.
		Weight::from_parts(45_527_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextOfferId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextOfferId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Offers` (r:0 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	fn post_offer() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_630_000 picoseconds.
		Weight::from_parts(14_982_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn withdraw_offer() -> Weight {
		// Proof size in bytes, measured: `830`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_991_000 picoseconds.
		Weight::from_parts(15_523_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:6 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:0 w:1)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn accept_offer(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `1872 + a * (391 ±0)`
		// Proof size in bytes, estimated: `16056 + a * (2892 ±0)`
		// Minimum execution time: 181_220_000 picoseconds.
		Weight::from_parts(197_103_612, 16056)
			// Standard error: 40_952
			.saturating_add(Weight::from_parts(8_737_847, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:4 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:0 w:1)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn post_job(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `697 + a * (391 ±0)`
		// Proof size in bytes, estimated: `11034 + a * (2892 ±0)`
		// Minimum execution time: 106_399_000 picoseconds.
		Weight::from_parts(122_364_689, 11034)
			// Standard error: 50_905
			.saturating_add(Weight::from_parts(8_244_099, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:33 w:33)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:32)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn cancel_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `6277 + b * (324 ±0)`
		// Proof size in bytes, estimated: `24126 + b * (3107 ±0)`
		// Minimum execution time: 119_077_000 picoseconds.
		Weight::from_parts(128_407_919, 24126)
			// Standard error: 37_109
			.saturating_add(Weight::from_parts(46_325_438, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:0 w:1)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn prune_job() -> Weight {
		// Proof size in bytes, measured: `1889`
		// Proof size in bytes, estimated: `4763`
		// Minimum execution time: 52_658_000 picoseconds.
		Weight::from_parts(56_374_000, 4763)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:2)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn place_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2817 + b * (91 ±0)`
		// Proof size in bytes, estimated: `6012 + b * (27 ±4)`
		// Minimum execution time: 76_995_000 picoseconds.
		Weight::from_parts(78_472_161, 6012)
			// Standard error: 28_963
			.saturating_add(Weight::from_parts(958_026, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 32]`.
	fn retract_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2802 + b * (95 ±0)`
		// Proof size in bytes, estimated: `5658`
		// Minimum execution time: 63_985_000 picoseconds.
		Weight::from_parts(69_045_509, 5658)
			// Standard error: 10_686
			.saturating_add(Weight::from_parts(571_038, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Proof size in bytes, measured: `2440`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 31_006_000 picoseconds.
		Weight::from_parts(35_904_000, 6974)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:1 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[2, 9]`.
	fn reveal_result(r: u32, ) -> Weight {
		// Proof size in bytes, measured: `1362 + r * (388 ±0)`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 39_499_000 picoseconds.
		Weight::from_parts(40_848_296, 6974)
			// Standard error: 12_911
			.saturating_add(Weight::from_parts(1_713_886, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:1 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn reveal_result_unverified() -> Weight {
		// Proof size in bytes, measured: `1750`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 37_175_000 picoseconds.
		Weight::from_parts(41_542_000, 6974)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:1 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:0 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:0 w:1)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size in bytes, measured: `2495`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 75_342_000 picoseconds.
		Weight::from_parts(82_573_000, 6974)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:10 w:10)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:1 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_result() -> Weight {
		// Proof size in bytes, measured: `7532`
		// Proof size in bytes, estimated: `27020`
		// Minimum execution time: 467_127_000 picoseconds.
		Weight::from_parts(493_937_000, 27020)
			.saturating_add(T::DbWeight::get().reads(24_u64))
			.saturating_add(T::DbWeight::get().writes(25_u64))
	}
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn advance_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `1628`
		// Proof size in bytes, estimated: `13018`
		// Minimum execution time: 36_855_000 picoseconds.
		Weight::from_parts(40_459_370, 13018)
			// Standard error: 9_205
			.saturating_add(Weight::from_parts(313_456, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:64 w:64)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1536 w:1536)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1536 w:1536)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:2048 w:2048)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:64)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1472)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `1083 + n * (11394 ±0)`
		// Proof size in bytes, estimated: `13018 + n * (99424 ±0)`
		// Minimum execution time: 24_406_000 picoseconds.
		Weight::from_parts(24_847_000, 13018)
			// Standard error: 8_468_537
			.saturating_add(Weight::from_parts(1_420_913_792, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:64 w:64)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 64]`.
	fn on_initialize_visit(v: u32, ) -> Weight {
		// Proof size in bytes, measured: `256`
		// Proof size in bytes, estimated: `13018 + v * (2491 ±0)`
		// Minimum execution time: 21_732_000 picoseconds.
		Weight::from_parts(20_624_508, 13018)
			// Standard error: 721
			.saturating_add(Weight::from_parts(2_435_331, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:16 w:16)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1024 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 1024]`.
	fn on_initialize_skip(s: u32, ) -> Weight {
		// Proof size in bytes, measured: `1309 + s * (59 ±0)`
		// Proof size in bytes, estimated: `13018 + s * (3773 ±0)`
		// Minimum execution time: 35_834_000 picoseconds.
		Weight::from_parts(37_495_000, 13018)
			// Standard error: 7_986
			.saturating_add(Weight::from_parts(3_700_069, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 3773).saturating_mul(s.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:640 w:640)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1152 w:1152)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:64 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:576 w:576)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:512 w:512)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:64)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:576)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_verify(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `887 + n * (11071 ±0)`
		// Proof size in bytes, estimated: `13018 + n * (46854 ±0)`
		// Minimum execution time: 24_667_000 picoseconds.
		Weight::from_parts(24_947_000, 13018)
			// Standard error: 8_042_965
			.saturating_add(Weight::from_parts(1_380_759_044, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((48_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((57_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:1)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterStakes` (r:0 w:1)
	/// Proof: `ComputeMarket::ArbiterStakes` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:0 w:1)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn join_arbiter_pool() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_309_000 picoseconds.
		Weight::from_parts(14_823_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:1)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:1 w:2)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterStakes` (r:2 w:2)
	/// Proof: `ComputeMarket::ArbiterStakes` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn leave_arbiter_pool() -> Weight {
		// Proof size in bytes, measured: `1514`
		// Proof size in bytes, estimated: `7204`
		// Minimum execution time: 27_000_000 picoseconds.
		Weight::from_parts(30_045_000, 7204)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPoolSize` (r:1 w:0)
	/// Proof: `ComputeMarket::ArbiterPoolSize` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:0)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterStakes` (r:32 w:0)
	/// Proof: `ComputeMarket::ArbiterStakes` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:64 w:0)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:160 w:3)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::ArbiterPool` (r:32 w:0)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:3 w:3)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:192)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_draw(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `30011 + n * (1940 ±0)`
		// Proof size in bytes, estimated: `100414 + n * (6214 ±0)`
		// Minimum execution time: 28_142_000 picoseconds.
		Weight::from_parts(28_863_000, 100414)
			// Standard error: 1_153_070
			.saturating_add(Weight::from_parts(535_612_468, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(120_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6214).saturating_mul(n.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `SafeMode::EnteredUntil` (r:1 w:0)
	/// Proof: `SafeMode::EnteredUntil` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `TxPause::PausedCalls` (r:4 w:0)
	/// Proof: `TxPause::PausedCalls` (`max_values`: None, `max_size`: Some(532), added: 3007, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::PausedBlocks` (r:1 w:0)
	/// Proof: `ComputeMarket::PausedBlocks` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:64)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:64 w:0)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Verdicts` (r:192 w:128)
	/// Proof: `ComputeMarket::Verdicts` (`max_values`: None, `max_size`: Some(74), added: 2549, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:643 w:643)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1155 w:1155)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:64 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:579 w:579)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:512 w:512)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:64)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:768)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `8539 + n * (11831 ±0)`
		// Proof size in bytes, estimated: `13018 + n * (46854 ±0)`
		// Minimum execution time: 24_656_000 picoseconds.
		Weight::from_parts(320_652_243, 13018)
			// Standard error: 35_127_337
			.saturating_add(Weight::from_parts(1_615_409_718, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(18_u64))
			.saturating_add(T::DbWeight::get().reads((53_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((63_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1298), added: 3773, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:1 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:1 w:0)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Verdicts` (r:2 w:3)
	/// Proof: `ComputeMarket::Verdicts` (`max_values`: None, `max_size`: Some(74), added: 2549, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:13 w:13)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:21 w:21)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Terms` (r:1 w:0)
	/// Proof: `ComputeMarket::Terms` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:12 w:12)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:12)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn reveal_verdict() -> Weight {
		// Proof size in bytes, measured: `16294`
		// Proof size in bytes, estimated: `55653`
		// Minimum execution time: 1_366_798_000 picoseconds.
		Weight::from_parts(1_470_734_000, 55653)
			.saturating_add(T::DbWeight::get().reads(61_u64))
			.saturating_add(T::DbWeight::get().writes(73_u64))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(53_640_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_profile() -> Weight {
		Weight::from_parts(11_137_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(54_922_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister() -> Weight {
		Weight::from_parts(14_712_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(45_527_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(14_982_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(15_523_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accept_offer(a: u32, ) -> Weight {
		Weight::from_parts(197_103_612, 16056)
			.saturating_add(Weight::from_parts(8_737_847, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn post_job(a: u32, ) -> Weight {
		Weight::from_parts(122_364_689, 11034)
			.saturating_add(Weight::from_parts(8_244_099, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn cancel_job(b: u32, ) -> Weight {
		Weight::from_parts(128_407_919, 24126)
			.saturating_add(Weight::from_parts(46_325_438, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn prune_job() -> Weight {
		Weight::from_parts(56_374_000, 4763)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn place_bid(b: u32, ) -> Weight {
		Weight::from_parts(78_472_161, 6012)
			.saturating_add(Weight::from_parts(958_026, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	fn retract_bid(b: u32, ) -> Weight {
		Weight::from_parts(69_045_509, 5658)
			.saturating_add(Weight::from_parts(571_038, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(35_904_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result(r: u32, ) -> Weight {
		Weight::from_parts(40_848_296, 6974)
			.saturating_add(Weight::from_parts(1_713_886, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result_unverified() -> Weight {
		Weight::from_parts(41_542_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(82_573_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(493_937_000, 27020)
			.saturating_add(ParityDbWeight::get().reads(24_u64))
			.saturating_add(ParityDbWeight::get().writes(25_u64))
	}
	fn advance_job(b: u32, ) -> Weight {
		Weight::from_parts(40_459_370, 13018)
			.saturating_add(Weight::from_parts(313_456, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(24_847_000, 13018)
			.saturating_add(Weight::from_parts(1_420_913_792, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	fn on_initialize_visit(v: u32, ) -> Weight {
		Weight::from_parts(20_624_508, 13018)
			.saturating_add(Weight::from_parts(2_435_331, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	fn on_initialize_skip(s: u32, ) -> Weight {
		Weight::from_parts(37_495_000, 13018)
			.saturating_add(Weight::from_parts(3_700_069, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 3773).saturating_mul(s.into()))
	}
	fn on_initialize_verify(n: u32, ) -> Weight {
		Weight::from_parts(24_947_000, 13018)
			.saturating_add(Weight::from_parts(1_380_759_044, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().reads((48_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((57_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	fn join_arbiter_pool() -> Weight {
		Weight::from_parts(14_823_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn leave_arbiter_pool() -> Weight {
		Weight::from_parts(30_045_000, 7204)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn on_initialize_draw(n: u32, ) -> Weight {
		Weight::from_parts(28_863_000, 100414)
			.saturating_add(Weight::from_parts(535_612_468, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(120_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6214).saturating_mul(n.into()))
	}
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		Weight::from_parts(320_652_243, 13018)
			.saturating_add(Weight::from_parts(1_615_409_718, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(18_u64))
			.saturating_add(ParityDbWeight::get().reads((53_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((63_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	fn reveal_verdict() -> Weight {
		Weight::from_parts(1_470_734_000, 55653)
			.saturating_add(ParityDbWeight::get().reads(61_u64))
			.saturating_add(ParityDbWeight::get().writes(73_u64))
	}
}
