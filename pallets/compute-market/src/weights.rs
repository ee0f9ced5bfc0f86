
//! Weights of `pallet_compute_market`, measured by `./scripts/benchmark.sh` with the benchmark CLI
//! 64.0.0 on 2026-12-03.
//!
//! Steps: 20, repeats: 10. Machine: `vm`, CPU: `Intel(R) Xeon(R) Processor`.
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
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn register_provider() -> Weight {
		// Proof size in bytes, measured: `180`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 109_222_000 picoseconds.
		Weight::from_parts(168_311_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn update_profile() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 23_677_000 picoseconds.
		Weight::from_parts(50_821_000, 4097)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn add_stake() -> Weight {
		// Proof size in bytes, measured: `887`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 83_502_000 picoseconds.
		Weight::from_parts(133_817_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn unregister() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 22_824_000 picoseconds.
		Weight::from_parts(32_769_000, 4097)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	fn withdraw_stake() -> Weight {
		// Proof size in bytes, measured: `891`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 76_717_000 picoseconds.
		Weight::from_parts(132_351_000, 4097)
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
		// Minimum execution time: 29_502_000 picoseconds.
		Weight::from_parts(38_242_000, 4097)
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
		// Minimum execution time: 26_534_000 picoseconds.
		Weight::from_parts(39_382_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn accept_offer(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `1869 + a * (391 ±0)`
		// Proof size in bytes, estimated: `6290 + a * (2892 ±0)`
		// Minimum execution time: 407_181_000 picoseconds.
		Weight::from_parts(547_102_133, 6290)
			// Standard error: 198_631
			.saturating_add(Weight::from_parts(27_133_123, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::NextJobId` (r:1 w:1)
	/// Proof: `ComputeMarket::NextJobId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:0 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn post_job(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `694 + a * (391 ±0)`
		// Proof size in bytes, estimated: `3640 + a * (2892 ±0)`
		// Minimum execution time: 257_846_000 picoseconds.
		Weight::from_parts(301_862_979, 3640)
			// Standard error: 122_223
			.saturating_add(Weight::from_parts(27_084_462, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:33 w:33)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:33 w:33)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `6240 + b * (324 ±0)`
		// Proof size in bytes, estimated: `24126 + b * (3107 ±0)`
		// Minimum execution time: 228_929_000 picoseconds.
		Weight::from_parts(283_853_513, 24126)
			// Standard error: 713_541
			.saturating_add(Weight::from_parts(76_185_700, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn prune_job() -> Weight {
		// Proof size in bytes, measured: `1852`
		// Proof size in bytes, estimated: `4759`
		// Minimum execution time: 88_277_000 picoseconds.
		Weight::from_parts(113_374_000, 4759)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:2 w:2)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:2)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn place_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2777 + b * (91 ±0)`
		// Proof size in bytes, estimated: `5658 + b * (27 ±7)`
		// Minimum execution time: 113_501_000 picoseconds.
		Weight::from_parts(139_209_931, 5658)
			// Standard error: 156_479
			.saturating_add(Weight::from_parts(2_711_282, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[1, 32]`.
	fn retract_bid(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `2765 + b * (95 ±0)`
		// Proof size in bytes, estimated: `5658`
		// Minimum execution time: 109_471_000 picoseconds.
		Weight::from_parts(183_025_257, 5658)
			// Standard error: 168_536
			.saturating_add(Weight::from_parts(756_077, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Proof size in bytes, measured: `2403`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 55_742_000 picoseconds.
		Weight::from_parts(87_524_000, 6974)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[2, 9]`.
	fn reveal_result(r: u32, ) -> Weight {
		// Proof size in bytes, measured: `1283 + r * (388 ±0)`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 71_133_000 picoseconds.
		Weight::from_parts(118_644_334, 6974)
			// Standard error: 271_975
			.saturating_add(Weight::from_parts(5_706_892, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn reveal_result_unverified() -> Weight {
		// Proof size in bytes, measured: `1671`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 62_846_000 picoseconds.
		Weight::from_parts(132_880_000, 6974)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:0 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:0 w:1)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size in bytes, measured: `2416`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 131_587_000 picoseconds.
		Weight::from_parts(257_635_000, 6974)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:10 w:10)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_result() -> Weight {
		// Proof size in bytes, measured: `7453`
		// Proof size in bytes, estimated: `27020`
		// Minimum execution time: 760_375_000 picoseconds.
		Weight::from_parts(1_362_535_000, 27020)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(25_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn advance_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `1545`
		// Proof size in bytes, estimated: `4759`
		// Minimum execution time: 52_315_000 picoseconds.
		Weight::from_parts(84_869_543, 4759)
			// Standard error: 68_927
			.saturating_add(Weight::from_parts(899_478, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:64 w:64)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2193), added: 4668, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1536 w:1536)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1536 w:1536)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `1004 + n * (11390 ±0)`
		// Proof size in bytes, estimated: `5518 + n * (99424 ±0)`
		// Minimum execution time: 43_243_000 picoseconds.
		Weight::from_parts(45_917_000, 5518)
			// Standard error: 71_984_601
			.saturating_add(Weight::from_parts(3_512_070_492, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:64 w:64)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 64]`.
	fn on_initialize_visit(v: u32, ) -> Weight {
		// Proof size in bytes, measured: `210`
		// Proof size in bytes, estimated: `1518 + v * (2491 ±0)`
		// Minimum execution time: 22_041_000 picoseconds.
		Weight::from_parts(35_064_082, 1518)
			// Standard error: 5_823
			.saturating_add(Weight::from_parts(8_030_686, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:16 w:16)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1024 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 1024]`.
	fn on_initialize_skip(s: u32, ) -> Weight {
		// Proof size in bytes, measured: `1226 + s * (59 ±0)`
		// Proof size in bytes, estimated: `3481 + s * (3769 ±0)`
		// Minimum execution time: 82_083_000 picoseconds.
		Weight::from_parts(85_896_000, 3481)
			// Standard error: 89_780
			.saturating_add(Weight::from_parts(11_503_302, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 3769).saturating_mul(s.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:640 w:640)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1152 w:1152)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `809 + n * (11015 ±0)`
		// Proof size in bytes, estimated: `4003 + n * (46854 ±0)`
		// Minimum execution time: 38_790_000 picoseconds.
		Weight::from_parts(3_332_090_402, 4003)
			// Standard error: 77_654_521
			.saturating_add(Weight::from_parts(3_374_240_991, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((47_u64).saturating_mul(n.into())))
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
		// Minimum execution time: 30_750_000 picoseconds.
		Weight::from_parts(61_259_000, 4097)
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
		// Minimum execution time: 60_655_000 picoseconds.
		Weight::from_parts(130_277_000, 7204)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
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
	/// Storage: `ComputeMarket::ArbiterPool` (r:32 w:0)
	/// Proof: `ComputeMarket::ArbiterPool` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:3 w:3)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:192)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_draw(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `29925 + n * (1936 ±0)`
		// Proof size in bytes, estimated: `100414 + n * (6214 ±0)`
		// Minimum execution time: 73_609_000 picoseconds.
		Weight::from_parts(10_028_653_710, 100414)
			// Standard error: 48_903_543
			.saturating_add(Weight::from_parts(1_100_576_902, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(114_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6214).saturating_mul(n.into()))
	}
	/// Storage: `Babe::AuthorVrfRandomness` (r:1 w:0)
	/// Proof: `Babe::AuthorVrfRandomness` (`max_values`: Some(1), `max_size`: Some(33), added: 528, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::RandomnessTrail` (r:1 w:1)
	/// Proof: `ComputeMarket::RandomnessTrail` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:64)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:64 w:0)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Verdicts` (r:192 w:128)
	/// Proof: `ComputeMarket::Verdicts` (`max_values`: None, `max_size`: Some(74), added: 2549, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:643 w:643)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1155 w:1155)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `8454 + n * (11776 ±0)`
		// Proof size in bytes, estimated: `10311 + n * (46854 ±0)`
		// Minimum execution time: 28_599_000 picoseconds.
		Weight::from_parts(9_741_505_675, 10311)
			// Standard error: 76_871_033
			.saturating_add(Weight::from_parts(3_207_417_998, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((52_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((63_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1294), added: 3769, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:1 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Challengers` (r:1 w:0)
	/// Proof: `ComputeMarket::Challengers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Verdicts` (r:2 w:3)
	/// Proof: `ComputeMarket::Verdicts` (`max_values`: None, `max_size`: Some(74), added: 2549, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:13 w:13)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:21 w:21)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:12 w:12)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:12)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn reveal_verdict() -> Weight {
		// Proof size in bytes, measured: `16212`
		// Proof size in bytes, estimated: `55653`
		// Minimum execution time: 2_425_564_000 picoseconds.
		Weight::from_parts(4_510_538_000, 55653)
			.saturating_add(T::DbWeight::get().reads(60_u64))
			.saturating_add(T::DbWeight::get().writes(73_u64))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(168_311_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_profile() -> Weight {
		Weight::from_parts(50_821_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(133_817_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister() -> Weight {
		Weight::from_parts(32_769_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(132_351_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(38_242_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(39_382_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accept_offer(a: u32, ) -> Weight {
		Weight::from_parts(547_102_133, 6290)
			.saturating_add(Weight::from_parts(27_133_123, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn post_job(a: u32, ) -> Weight {
		Weight::from_parts(301_862_979, 3640)
			.saturating_add(Weight::from_parts(27_084_462, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn cancel_job(b: u32, ) -> Weight {
		Weight::from_parts(283_853_513, 24126)
			.saturating_add(Weight::from_parts(76_185_700, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn prune_job() -> Weight {
		Weight::from_parts(113_374_000, 4759)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn place_bid(b: u32, ) -> Weight {
		Weight::from_parts(139_209_931, 5658)
			.saturating_add(Weight::from_parts(2_711_282, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	fn retract_bid(b: u32, ) -> Weight {
		Weight::from_parts(183_025_257, 5658)
			.saturating_add(Weight::from_parts(756_077, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(87_524_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result(r: u32, ) -> Weight {
		Weight::from_parts(118_644_334, 6974)
			.saturating_add(Weight::from_parts(5_706_892, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result_unverified() -> Weight {
		Weight::from_parts(132_880_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(257_635_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(1_362_535_000, 27020)
			.saturating_add(ParityDbWeight::get().reads(23_u64))
			.saturating_add(ParityDbWeight::get().writes(25_u64))
	}
	fn advance_job(b: u32, ) -> Weight {
		Weight::from_parts(84_869_543, 4759)
			.saturating_add(Weight::from_parts(899_478, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(45_917_000, 5518)
			.saturating_add(Weight::from_parts(3_512_070_492, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	fn on_initialize_visit(v: u32, ) -> Weight {
		Weight::from_parts(35_064_082, 1518)
			.saturating_add(Weight::from_parts(8_030_686, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	fn on_initialize_skip(s: u32, ) -> Weight {
		Weight::from_parts(85_896_000, 3481)
			.saturating_add(Weight::from_parts(11_503_302, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(Weight::from_parts(0, 3769).saturating_mul(s.into()))
	}
	fn on_initialize_verify(n: u32, ) -> Weight {
		Weight::from_parts(3_332_090_402, 4003)
			.saturating_add(Weight::from_parts(3_374_240_991, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((47_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((57_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	fn join_arbiter_pool() -> Weight {
		Weight::from_parts(61_259_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn leave_arbiter_pool() -> Weight {
		Weight::from_parts(130_277_000, 7204)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn on_initialize_draw(n: u32, ) -> Weight {
		Weight::from_parts(10_028_653_710, 100414)
			.saturating_add(Weight::from_parts(1_100_576_902, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(114_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6214).saturating_mul(n.into()))
	}
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		Weight::from_parts(9_741_505_675, 10311)
			.saturating_add(Weight::from_parts(3_207_417_998, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((52_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
			.saturating_add(ParityDbWeight::get().writes((63_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	fn reveal_verdict() -> Weight {
		Weight::from_parts(4_510_538_000, 55653)
			.saturating_add(ParityDbWeight::get().reads(60_u64))
			.saturating_add(ParityDbWeight::get().writes(73_u64))
	}
}
