
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
	/// Storage: `FinalityVotes::Owners` (r:1 w:0)
	/// Proof: `FinalityVotes::Owners` (`max_values`: Some(1), `max_size`: Some(2049), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `FinalityVotes::Tallies` (r:1 w:1)
	/// Proof: `FinalityVotes::Tallies` (`max_values`: Some(1), `max_size`: Some(1409), added: 1904, mode: `MaxEncodedLen`)
	/// Storage: `FinalityVotes::LastSigned` (r:0 w:1)
	/// Proof: `FinalityVotes::LastSigned` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 32]`.
	fn note_votes(v: u32, ) -> Weight {
		// Proof size in bytes, measured: `186 + v * (148 ±0)`
		// Proof size in bytes, estimated: `3534`
		// Minimum execution time: 48_222_000 picoseconds.
		Weight::from_parts(11_106_015, 3534)
			// Standard error: 220_592
			.saturating_add(Weight::from_parts(36_276_931, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same measured weights with ParityDB's database weights, for tests and mocks.
impl WeightInfo for () {
	fn note_votes(v: u32, ) -> Weight {
		Weight::from_parts(11_106_015, 3534)
			.saturating_add(Weight::from_parts(36_276_931, 0).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
