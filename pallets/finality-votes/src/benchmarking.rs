//! Benchmarks of the finality-votes pallet.

use super::*;
use crate::pallet::{PrecommitsOf, Tallies};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_application_crypto::RuntimeAppPublic;

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new round of a set of `v` voters, every one of them signing (each signature is
	/// checked), every one a validator with a tally already (each owner and tally is found and
	/// counted). Noting a round again with late voters does the same checks and only the late
	/// voters' tallies, and reads the voters counted for it (added to its weight by the call).
	#[benchmark]
	fn note_votes(v: Linear<1, { T::MaxVoters::get() }>) -> Result<(), BenchmarkError> {
		let set_id: SetId = 3;
		let round: RoundNumber = 9;
		let keys: Vec<AuthorityId> = (0..v).map(|_| AuthorityId::generate_pair(None)).collect();
		T::Voters::set_current(set_id, keys.clone());
		Pallet::<T>::start_session(
			keys.iter()
				.enumerate()
				.map(|(i, k)| (k.clone(), account::<T::ValidatorId>("validator", i as u32, 0)))
				.collect(),
		);
		let precommit = finality_grandpa::Precommit {
			target_hash: frame_system::Pallet::<T>::parent_hash(),
			target_number: BlockNumberFor::<T>::default(),
		};
		let payload = sp_consensus_grandpa::localized_payload(
			round,
			set_id,
			&finality_grandpa::Message::Precommit(precommit.clone()),
		);
		let mut precommits = Vec::new();
		for id in &keys {
			let signature = id.sign(&payload).ok_or(BenchmarkError::Stop("no keystore"))?;
			precommits.push(SignedPrecommit {
				precommit: precommit.clone(),
				signature,
				id: id.clone(),
			});
		}
		let precommits = PrecommitsOf::<T>::try_from(precommits)
			.map_err(|_| BenchmarkError::Stop("more precommits than MaxVoters"))?;
		let (_, voters) = T::Voters::current();
		Pallet::<T>::tally(&voters, &keys);

		#[extrinsic_call]
		_(RawOrigin::None, round, precommits);

		let tallies = Tallies::<T>::get();
		assert_eq!(tallies.len(), v as usize);
		assert!(tallies.iter().all(|(_, t)| t.voted == 2));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
