
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
		// Minimum execution time: 59_619_000 picoseconds.
		Weight::from_parts(64_636_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn update_profile() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 13_851_000 picoseconds.
		Weight::from_parts(15_573_000, 4097)
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
		// Minimum execution time: 63_755_000 picoseconds.
		Weight::from_parts(68_402_000, 4097)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `ComputeMarket::Providers` (r:1 w:1)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	fn unregister() -> Weight {
		// Proof size in bytes, measured: `658`
		// Proof size in bytes, estimated: `4097`
		// Minimum execution time: 15_403_000 picoseconds.
		Weight::from_parts(16_966_000, 4097)
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
		// Minimum execution time: 53_850_000 picoseconds.
		Weight::from_parts(57_746_000, 4097)
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
		// Minimum execution time: 18_288_000 picoseconds.
		Weight::from_parts(19_809_000, 4097)
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
		// Minimum execution time: 18_718_000 picoseconds.
		Weight::from_parts(20_291_000, 4097)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `ComputeMarket::Offers` (r:1 w:1)
	/// Proof: `ComputeMarket::Offers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
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
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn accept_offer(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `1845 + a * (391 ±0)`
		// Proof size in bytes, estimated: `6290 + a * (2892 ±0)`
		// Minimum execution time: 194_440_000 picoseconds.
		Weight::from_parts(209_167_714, 6290)
			// Standard error: 39_107
			.saturating_add(Weight::from_parts(10_210_616, 0).saturating_mul(a.into()))
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
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// The range of component `a` is `[0, 8]`.
	fn post_job(a: u32, ) -> Weight {
		// Proof size in bytes, measured: `694 + a * (391 ±0)`
		// Proof size in bytes, estimated: `3640 + a * (2892 ±0)`
		// Minimum execution time: 117_785_000 picoseconds.
		Weight::from_parts(126_661_035, 3640)
			// Standard error: 19_723
			.saturating_add(Weight::from_parts(10_276_072, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `6219 + b * (328 ±0)`
		// Proof size in bytes, estimated: `24126 + b * (3107 ±0)`
		// Minimum execution time: 149_273_000 picoseconds.
		Weight::from_parts(156_531_788, 24126)
			// Standard error: 67_849
			.saturating_add(Weight::from_parts(55_715_940, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfRequester` (r:0 w:1)
	/// Proof: `ComputeMarket::JobsOfRequester` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn prune_job() -> Weight {
		// Proof size in bytes, measured: `1831`
		// Proof size in bytes, estimated: `4738`
		// Minimum execution time: 63_965_000 picoseconds.
		Weight::from_parts(67_320_000, 4738)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `2756 + b * (95 ±0)`
		// Proof size in bytes, estimated: `5786 + b * (27 ±5)`
		// Minimum execution time: 90_315_000 picoseconds.
		Weight::from_parts(91_657_135, 5786)
			// Standard error: 33_329
			.saturating_add(Weight::from_parts(1_466_712, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `2744 + b * (99 ±0)`
		// Proof size in bytes, estimated: `5786`
		// Minimum execution time: 82_202_000 picoseconds.
		Weight::from_parts(86_956_430, 5786)
			// Standard error: 8_280
			.saturating_add(Weight::from_parts(489_586, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn commit_result() -> Weight {
		// Proof size in bytes, measured: `2380`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 40_110_000 picoseconds.
		Weight::from_parts(43_796_000, 6974)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:10 w:10)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:18 w:18)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:9 w:9)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Results` (r:0 w:1)
	/// Proof: `ComputeMarket::Results` (`max_values`: None, `max_size`: Some(599), added: 3074, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:9)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `r` is `[2, 9]`.
	fn reveal_result(r: u32, ) -> Weight {
		// Proof size in bytes, measured: `6490 + r * (634 ±0)`
		// Proof size in bytes, estimated: `24417 + r * (3107 ±0)`
		// Minimum execution time: 695_696_000 picoseconds.
		Weight::from_parts(471_648_193, 24417)
			// Standard error: 141_110
			.saturating_add(Weight::from_parts(118_126_943, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(21_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(r.into()))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	fn reveal_result_unverified() -> Weight {
		// Proof size in bytes, measured: `1645`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 41_952_000 picoseconds.
		Weight::from_parts(45_467_000, 6974)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:1 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:0 w:1)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	fn challenge_result() -> Weight {
		// Proof size in bytes, measured: `2372`
		// Proof size in bytes, estimated: `6974`
		// Minimum execution time: 90_034_000 picoseconds.
		Weight::from_parts(93_839_000, 6974)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `7432`
		// Proof size in bytes, estimated: `27020`
		// Minimum execution time: 573_665_000 picoseconds.
		Weight::from_parts(588_106_000, 27020)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(25_u64))
	}
	/// Storage: `ComputeMarket::Jobs` (r:1 w:1)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:1 w:1)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:24 w:24)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:24 w:24)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Providers` (r:32 w:32)
	/// Proof: `ComputeMarket::Providers` (`max_values`: None, `max_size`: Some(632), added: 3107, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::OpenJobs` (r:0 w:1)
	/// Proof: `ComputeMarket::OpenJobs` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:0 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:1)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:23)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `DataRegistry::Assets` (r:8 w:8)
	/// Proof: `DataRegistry::Assets` (`max_values`: None, `max_size`: Some(417), added: 2892, mode: `MaxEncodedLen`)
	/// The range of component `b` is `[0, 32]`.
	fn advance_job(b: u32, ) -> Weight {
		// Proof size in bytes, measured: `1811 + b * (326 ±0)`
		// Proof size in bytes, estimated: `24126 + b * (3107 ±63)`
		// Minimum execution time: 143_093_000 picoseconds.
		Weight::from_parts(95_088_073, 24126)
			// Standard error: 446_632
			.saturating_add(Weight::from_parts(35_151_677, 0).saturating_mul(b.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Bids` (r:64 w:64)
	/// Proof: `ComputeMarket::Bids` (`max_values`: None, `max_size`: Some(2321), added: 4796, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `362 + n * (11506 ±0)`
		// Proof size in bytes, estimated: `5518 + n * (99424 ±0)`
		// Minimum execution time: 7_771_000 picoseconds.
		Weight::from_parts(7_962_000, 5518)
			// Standard error: 7_291_643
			.saturating_add(Weight::from_parts(1_721_952_913, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:64 w:64)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 64]`.
	fn on_initialize_visit(v: u32, ) -> Weight {
		// Proof size in bytes, measured: `37`
		// Proof size in bytes, estimated: `1493 + v * (2491 ±0)`
		// Minimum execution time: 7_331_000 picoseconds.
		Weight::from_parts(4_465_305, 1493)
			// Standard error: 366
			.saturating_add(Weight::from_parts(3_164_231, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:16 w:16)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:1024 w:0)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[1, 1024]`.
	fn on_initialize_skip(s: u32, ) -> Weight {
		// Proof size in bytes, measured: `1032 + s * (59 ±0)`
		// Proof size in bytes, estimated: `3481 + s * (3748 ±0)`
		// Minimum execution time: 20_781_000 picoseconds.
		Weight::from_parts(21_562_000, 3481)
			// Standard error: 8_785
			.saturating_add(Weight::from_parts(4_718_762, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 3748).saturating_mul(s.into()))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `584 + n * (10994 ±0)`
		// Proof size in bytes, estimated: `4003 + n * (46854 ±0)`
		// Minimum execution time: 7_682_000 picoseconds.
		Weight::from_parts(7_862_000, 4003)
			// Standard error: 2_786_481
			.saturating_add(Weight::from_parts(1_568_130_981, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((47_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((57_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
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
		// Minimum execution time: 17_436_000 picoseconds.
		Weight::from_parts(18_858_000, 4097)
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
		// Minimum execution time: 28_893_000 picoseconds.
		Weight::from_parts(31_286_000, 7204)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:2 w:2)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:2)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(175), added: 2650, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:0 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::JobsOfProvider` (r:0 w:192)
	/// Proof: `ComputeMarket::JobsOfProvider` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 64]`.
	fn on_initialize_draw(n: u32, ) -> Weight {
		// Proof size in bytes, measured: `24940 + n * (1767 ±0)`
		// Proof size in bytes, estimated: `99770 + n * (5984 ±6)`
		// Minimum execution time: 9_935_000 picoseconds.
		Weight::from_parts(10_155_000, 99770)
			// Standard error: 533_620
			.saturating_add(Weight::from_parts(298_893_595, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(62_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	/// Storage: `ComputeMarket::DeadlineCursor` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlineCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::DeadlinePages` (r:1 w:1)
	/// Proof: `ComputeMarket::DeadlinePages` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Deadlines` (r:1 w:1)
	/// Proof: `ComputeMarket::Deadlines` (`max_values`: None, `max_size`: Some(538), added: 3013, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Jobs` (r:64 w:64)
	/// Proof: `ComputeMarket::Jobs` (`max_values`: None, `max_size`: Some(1273), added: 3748, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Assignments` (r:64 w:64)
	/// Proof: `ComputeMarket::Assignments` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
	/// Storage: `ComputeMarket::Disputed` (r:64 w:64)
	/// Proof: `ComputeMarket::Disputed` (`max_values`: None, `max_size`: Some(3509), added: 5984, mode: `MaxEncodedLen`)
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
		// Proof size in bytes, measured: `7095 + n * (11686 ±0)`
		// Proof size in bytes, estimated: `10311 + n * (46854 ±0)`
		// Minimum execution time: 8_103_000 picoseconds.
		Weight::from_parts(8_312_000, 10311)
			// Standard error: 4_342_822
			.saturating_add(Weight::from_parts(1_742_244_337, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((48_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((61_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn register_provider() -> Weight {
		Weight::from_parts(64_636_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn update_profile() -> Weight {
		Weight::from_parts(15_573_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn add_stake() -> Weight {
		Weight::from_parts(68_402_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn unregister() -> Weight {
		Weight::from_parts(16_966_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn withdraw_stake() -> Weight {
		Weight::from_parts(57_746_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn post_offer() -> Weight {
		Weight::from_parts(19_809_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(20_291_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn accept_offer(a: u32, ) -> Weight {
		Weight::from_parts(209_167_714, 6290)
			.saturating_add(Weight::from_parts(10_210_616, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn post_job(a: u32, ) -> Weight {
		Weight::from_parts(126_661_035, 3640)
			.saturating_add(Weight::from_parts(10_276_072, 0).saturating_mul(a.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2892).saturating_mul(a.into()))
	}
	fn cancel_job(b: u32, ) -> Weight {
		Weight::from_parts(156_531_788, 24126)
			.saturating_add(Weight::from_parts(55_715_940, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(13_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn prune_job() -> Weight {
		Weight::from_parts(67_320_000, 4738)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn place_bid(b: u32, ) -> Weight {
		Weight::from_parts(91_657_135, 5786)
			.saturating_add(Weight::from_parts(1_466_712, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(Weight::from_parts(0, 27).saturating_mul(b.into()))
	}
	fn retract_bid(b: u32, ) -> Weight {
		Weight::from_parts(86_956_430, 5786)
			.saturating_add(Weight::from_parts(489_586, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn commit_result() -> Weight {
		Weight::from_parts(43_796_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn reveal_result(r: u32, ) -> Weight {
		Weight::from_parts(471_648_193, 24417)
			.saturating_add(Weight::from_parts(118_126_943, 0).saturating_mul(r.into()))
			.saturating_add(ParityDbWeight::get().reads(20_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(ParityDbWeight::get().writes(21_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(r.into()))
	}
	fn reveal_result_unverified() -> Weight {
		Weight::from_parts(45_467_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn challenge_result() -> Weight {
		Weight::from_parts(93_839_000, 6974)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn accept_result() -> Weight {
		Weight::from_parts(588_106_000, 27020)
			.saturating_add(ParityDbWeight::get().reads(23_u64))
			.saturating_add(ParityDbWeight::get().writes(25_u64))
	}
	fn advance_job(b: u32, ) -> Weight {
		Weight::from_parts(95_088_073, 24126)
			.saturating_add(Weight::from_parts(35_151_677, 0).saturating_mul(b.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(b.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(b.into())))
			.saturating_add(Weight::from_parts(0, 3107).saturating_mul(b.into()))
	}
	fn on_initialize(n: u32, ) -> Weight {
		Weight::from_parts(7_962_000, 5518)
			.saturating_add(Weight::from_parts(1_721_952_913, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((82_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((107_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 99424).saturating_mul(n.into()))
	}
	fn on_initialize_visit(v: u32, ) -> Weight {
		Weight::from_parts(4_465_305, 1493)
			.saturating_add(Weight::from_parts(3_164_231, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(v.into())))
			.saturating_add(Weight::from_parts(0, 2491).saturating_mul(v.into()))
	}
	fn on_initialize_skip(s: u32, ) -> Weight {
		Weight::from_parts(21_562_000, 3481)
			.saturating_add(Weight::from_parts(4_718_762, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(Weight::from_parts(0, 3748).saturating_mul(s.into()))
	}
	fn on_initialize_verify(n: u32, ) -> Weight {
		Weight::from_parts(7_862_000, 4003)
			.saturating_add(Weight::from_parts(1_568_130_981, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((47_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((57_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
	fn join_arbiter_pool() -> Weight {
		Weight::from_parts(18_858_000, 4097)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn leave_arbiter_pool() -> Weight {
		Weight::from_parts(31_286_000, 7204)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn on_initialize_draw(n: u32, ) -> Weight {
		Weight::from_parts(10_155_000, 99770)
			.saturating_add(Weight::from_parts(298_893_595, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(62_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5984).saturating_mul(n.into()))
	}
	fn on_initialize_arbitrate(n: u32, ) -> Weight {
		Weight::from_parts(8_312_000, 10311)
			.saturating_add(Weight::from_parts(1_742_244_337, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((48_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
			.saturating_add(ParityDbWeight::get().writes((61_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 46854).saturating_mul(n.into()))
	}
}
