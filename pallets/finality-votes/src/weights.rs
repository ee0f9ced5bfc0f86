
//! Weights of `pallet_finality_votes`, measured by `./scripts/benchmark.sh` with the benchmark CLI
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
//!   pallet_finality_votes
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
//!   pallets/finality-votes/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions of `pallet_finality_votes`.
pub trait WeightInfo {
	fn note_votes(v: u32, ) -> Weight;
}

/// Measured weights, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Grandpa::CurrentSetId` (r:1 w:0)
	/// Proof: `Grandpa::CurrentSetId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::Authorities` (r:1 w:0)
	/// Proof: `Grandpa::Authorities` (`max_values`: Some(1), `max_size`: Some(1281), added: 1776, mode: `MaxEncodedLen`)
	/// Storage: `FinalityVotes::LastNoted` (r:1 w:1)
	/// Proof: `FinalityVotes::LastNoted` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	/// Storage: `FinalityVotes::Tallies` (r:1 w:1)
	/// Proof: `FinalityVotes::Tallies` (`max_values`: Some(1), `max_size`: Some(1281), added: 1776, mode: `MaxEncodedLen`)
	/// Storage: `Session::KeyOwner` (r:32 w:0)
	/// Proof: `Session::KeyOwner` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// The range of component `v` is `[1, 32]`.
	fn note_votes(v: u32, ) -> Weight {
		// Proof size in bytes, measured: `333 + v * (164 ±0)`
		// Proof size in bytes, estimated: `2766 + v * (2639 ±0)`
		// Minimum execution time: 50_075_000 picoseconds.
		Weight::from_parts(25_628_760, 2766)
			// Standard error: 150_453
			.saturating_add(Weight::from_parts(37_273_513, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2639).saturating_mul(v.into()))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn note_votes(v: u32, ) -> Weight {
		Weight::from_parts(25_628_760, 2766)
			.saturating_add(Weight::from_parts(37_273_513, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2639).saturating_mul(v.into()))
	}
}
