//! # Finality votes
//!
//! Who votes in GRANDPA, recorded on chain, so that a validator that authors blocks but never
//! votes for finality can lose its seat.
//!
//! A block author's node knows the precommits of the last GRANDPA round that finalized a block:
//! they are the justification it finalized with. It puts them in the block as an inherent
//! ([`Call::note_votes`]). The runtime checks every signature against the current GRANDPA
//! set, and requires the precommits of more than two thirds of its weight (what finalizes a
//! block; an author cannot make up a round from its own vote). Then, for each voter of the set,
//! it counts the round in that voter's tally for the session: voted, or left out.
//!
//! At the end of a session the runtime calls [`Pallet::end_session`]: every validator that was
//! left out of at least [`Config::SilentAfter`] noted rounds and voted in none is named
//! ([`Event::Silent`]), and the tallies start again. What happens to a silent validator is the
//! runtime's choice (Allmende ends a candidate's candidacy).
//!
//! ## What it proves, and what not
//! - A precommit in a noted round was signed by the voter's key for that round and set: nobody
//!   else can make it. An author can leave a precommit out, but not put one in; a validator
//!   is named only if every author of the session left it out of every round noted.
//! - If finality stops, no round is noted and nobody is named: a stall is not blamed on whoever
//!   happens to be a validator.
//! - A precommit shows a vote was cast, not when. Modified node software that signs a round's
//!   precommit only after the round, and gives it to authors, is counted as voting. Such a
//!   validator does not help finality; the open seats being too few to stop it is what keeps
//!   such validators harmless.
//!
//! ## Calls
//! - [`Call::note_votes`]: the inherent, at most one per block, made by the author's node.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_consensus_grandpa::{AuthorityId, AuthoritySignature, AuthorityWeight, RoundNumber, SetId};
use sp_inherents::InherentIdentifier;

/// The inherent data's key: the precommits of the newest round the author's node saw finalize.
pub const INHERENT_IDENTIFIER: InherentIdentifier = *b"finvotes";

/// A voter's signed precommit, encoded as GRANDPA's justifications hold it.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, TypeInfo, Debug)]
pub struct SignedPrecommit<Hash, Number> {
	/// The block voted for.
	pub precommit: finality_grandpa::Precommit<Hash, Number>,
	/// The voter's signature of the precommit, its round and its set.
	pub signature: AuthoritySignature,
	/// The voter's GRANDPA key.
	pub id: AuthorityId,
}

/// The inherent data: a finished round and the precommits that finalized it, from a
/// justification. The node sends what it has; the runtime keeps what it can check.
#[derive(Encode, Decode, Clone, PartialEq, Eq, TypeInfo, Debug)]
pub struct RoundVotes<Hash, Number> {
	/// The GRANDPA round.
	pub round: RoundNumber,
	/// The precommits of the round, each signed by its voter.
	pub precommits: Vec<SignedPrecommit<Hash, Number>>,
}

/// The GRANDPA voters the runtime checks precommits against, and whose they are.
pub trait Voters<ValidatorId> {
	/// The current GRANDPA set: its id and its voters with their weights.
	fn current() -> (SetId, Vec<(AuthorityId, AuthorityWeight)>);
	/// The validator whose GRANDPA session key `id` is.
	fn owner(id: &AuthorityId) -> Option<ValidatorId>;
	/// Makes `voters` the current set `set_id`, each key owned by its validator.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current(set_id: SetId, voters: Vec<(AuthorityId, ValidatorId)>);
}

/// One validator's rounds in the session so far.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	TypeInfo,
	Debug,
)]
pub struct Tally {
	/// Noted rounds with its precommit.
	pub voted: u32,
	/// Noted rounds without it, while it was a voter.
	pub missed: u32,
}

/// The round noted last, and in which block.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Clone,
	Copy,
	PartialEq,
	Eq,
	TypeInfo,
	Debug,
)]
pub struct Noted<BlockNumber> {
	/// The GRANDPA set the round was voted in.
	pub set_id: SetId,
	/// The round.
	pub round: RoundNumber,
	/// The block that noted it.
	pub block: BlockNumber,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The precommits of one round, as the call takes them.
	pub type PrecommitsOf<T> = BoundedVec<
		SignedPrecommit<<T as frame_system::Config>::Hash, BlockNumberFor<T>>,
		<T as Config>::MaxVoters,
	>;

	/// The tallies of the session's voters.
	pub type TalliesOf<T> =
		BoundedVec<(<T as Config>::ValidatorId, Tally), <T as Config>::MaxVoters>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// How a validator is identified (the session pallet's validator id).
		type ValidatorId: Member + Parameter + MaxEncodedLen;

		/// The current GRANDPA set and the owners of its keys.
		type Voters: Voters<Self::ValidatorId>;

		/// The most voters a GRANDPA set has (GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxVoters: Get<u32>;

		/// A validator left out of this many noted rounds in a session, and in none voting, is
		/// silent. Too low, and an honest validator restarting its node is named.
		#[pallet::constant]
		type SilentAfter: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The round noted last: a round is noted once, and a block notes at most one.
	#[pallet::storage]
	pub type LastNoted<T: Config> = StorageValue<_, Noted<BlockNumberFor<T>>, OptionQuery>;

	/// Each voter's tally in the current session; cleared by [`Pallet::end_session`].
	#[pallet::storage]
	pub type Tallies<T: Config> = StorageValue<_, TalliesOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was left out of `missed` noted rounds of the session that ended, and voted in
		/// none.
		Silent { who: T::ValidatorId, missed: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This block already noted a round.
		AlreadyNoted,
		/// The round is not newer than the one noted last in this GRANDPA set.
		StaleRound,
		/// A precommit is signed by a key that is not in the current GRANDPA set.
		NotAVoter,
		/// Two precommits are by the same voter.
		DuplicateVoter,
		/// A precommit's signature does not match its voter, round and the current set.
		BadSignature,
		/// The precommits are of two thirds of the set's weight or less: not a round that
		/// finalized.
		TooFewVotes,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Notes the precommits of a finished GRANDPA round in each voter's tally.
		///
		/// An inherent: the block author's node adds it from the newest justification it has.
		///
		/// - `origin`: none (an inherent).
		/// - `round`: the GRANDPA round, newer than the one noted last in the current set.
		/// - `precommits`: the round's signed precommits, each by a different voter of the
		///   current set, together of more than two thirds of its weight.
		///
		/// Emits no event; the tallies are in [`Tallies`]. Errors: [`Error::AlreadyNoted`],
		/// [`Error::StaleRound`], [`Error::NotAVoter`], [`Error::DuplicateVoter`],
		/// [`Error::BadSignature`], [`Error::TooFewVotes`].
		///
		/// Weight: the checks of `MaxVoters` signatures and tallies, refunded to the set's size.
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::note_votes(T::MaxVoters::get()), DispatchClass::Mandatory))]
		pub fn note_votes(
			origin: OriginFor<T>,
			round: RoundNumber,
			precommits: PrecommitsOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_none(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let (set_id, voters) = T::Voters::current();
			if let Some(last) = LastNoted::<T>::get() {
				ensure!(last.block != now, Error::<T>::AlreadyNoted);
				ensure!(last.set_id != set_id || round > last.round, Error::<T>::StaleRound);
			}
			let signed = Self::check(set_id, round, &voters, &precommits)?;
			Self::tally(&voters, &signed);
			LastNoted::<T>::put(Noted { set_id, round, block: now });
			Ok(Some(T::WeightInfo::note_votes(voters.len() as u32)).into())
		}
	}

	#[pallet::inherent]
	impl<T: Config> ProvideInherent for Pallet<T> {
		type Call = Call<T>;
		type Error = sp_inherents::MakeFatalError<()>;
		const INHERENT_IDENTIFIER: InherentIdentifier = INHERENT_IDENTIFIER;

		/// The node's newest round, if it is newer than the one noted last in the current set
		/// and holds enough valid precommits; the precommits that do not check out (of an
		/// earlier set, say) are left out.
		fn create_inherent(data: &InherentData) -> Option<Self::Call> {
			let votes: RoundVotes<T::Hash, BlockNumberFor<T>> =
				data.get_data(&INHERENT_IDENTIFIER).ok().flatten()?;
			let (set_id, voters) = T::Voters::current();
			if let Some(last) = LastNoted::<T>::get() {
				if last.block == frame_system::Pallet::<T>::block_number()
					|| (last.set_id == set_id && votes.round <= last.round)
				{
					return None;
				}
			}
			let mut kept: Vec<SignedPrecommit<T::Hash, BlockNumberFor<T>>> = Vec::new();
			let mut buf = Vec::new();
			for p in votes.precommits {
				if voters.iter().any(|(id, _)| *id == p.id)
					&& !kept.iter().any(|k| k.id == p.id)
					&& Self::signature_valid(set_id, votes.round, &p, &mut buf)
				{
					kept.push(p);
				}
			}
			let precommits = PrecommitsOf::<T>::try_from(kept).ok()?;
			Self::check(set_id, votes.round, &voters, &precommits).ok()?;
			Some(Call::note_votes { round: votes.round, precommits })
		}

		fn is_inherent(call: &Self::Call) -> bool {
			matches!(call, Call::note_votes { .. })
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `p` is signed by its voter for `round` in the set `set_id`.
		fn signature_valid(
			set_id: SetId,
			round: RoundNumber,
			p: &SignedPrecommit<T::Hash, BlockNumberFor<T>>,
			buf: &mut Vec<u8>,
		) -> bool {
			let message = finality_grandpa::Message::Precommit(p.precommit.clone());
			sp_consensus_grandpa::check_message_signature_with_buffer(
				&message,
				&p.id,
				&p.signature,
				round,
				set_id,
				buf,
			)
			.is_valid()
		}

		/// The voters of `precommits`, each checked: in the set, once, its signature valid for
		/// `round` in `set_id`; together of more than two thirds of the set's weight.
		fn check(
			set_id: SetId,
			round: RoundNumber,
			voters: &[(AuthorityId, AuthorityWeight)],
			precommits: &[SignedPrecommit<T::Hash, BlockNumberFor<T>>],
		) -> Result<Vec<AuthorityId>, Error<T>> {
			let mut signed: Vec<AuthorityId> = Vec::with_capacity(precommits.len());
			let mut weight: u64 = 0;
			let mut buf = Vec::new();
			for p in precommits {
				let (_, w) =
					voters.iter().find(|(id, _)| *id == p.id).ok_or(Error::<T>::NotAVoter)?;
				ensure!(!signed.contains(&p.id), Error::<T>::DuplicateVoter);
				ensure!(
					Self::signature_valid(set_id, round, p, &mut buf),
					Error::<T>::BadSignature
				);
				weight = weight.saturating_add(*w);
				signed.push(p.id.clone());
			}
			let total = voters.iter().fold(0u64, |t, (_, w)| t.saturating_add(*w));
			ensure!(u128::from(weight) * 3 > u128::from(total) * 2, Error::<T>::TooFewVotes);
			Ok(signed)
		}

		/// Counts one noted round in the tally of each of `voters`: voted if it is in `signed`,
		/// missed if not. A key nobody owns is not counted.
		pub(crate) fn tally(voters: &[(AuthorityId, AuthorityWeight)], signed: &[AuthorityId]) {
			Tallies::<T>::mutate(|tallies| {
				for (id, _) in voters {
					let Some(who) = T::Voters::owner(id) else { continue };
					let voted = signed.contains(id);
					let at = match tallies.iter().position(|(v, _)| *v == who) {
						Some(at) => at,
						None => {
							if tallies.try_push((who, Tally::default())).is_err() {
								frame_support::defensive!("a set has at most MaxVoters voters");
								continue;
							}
							tallies.len().saturating_sub(1)
						},
					};
					let Some((_, entry)) = tallies.get_mut(at) else { continue };
					if voted {
						entry.voted = entry.voted.saturating_add(1);
					} else {
						entry.missed = entry.missed.saturating_add(1);
					}
				}
			});
		}

		/// Ends the session's tallies: returns the silent validators (left out of at least
		/// [`Config::SilentAfter`] noted rounds, in none voting), each named in
		/// [`Event::Silent`], and starts the next session's tallies empty.
		///
		/// Weight: [`Self::end_session_weight`].
		pub fn end_session() -> Vec<T::ValidatorId> {
			let silent_after = T::SilentAfter::get().max(1);
			Tallies::<T>::take()
				.into_iter()
				.filter(|(_, t)| t.voted == 0 && t.missed >= silent_after)
				.map(|(who, t)| {
					Self::deposit_event(Event::Silent { who: who.clone(), missed: t.missed });
					who
				})
				.collect()
		}

		/// An upper bound of [`Self::end_session`]'s weight: the tallies read and cleared, and
		/// an event for each of `MaxVoters`.
		pub fn end_session_weight() -> Weight {
			T::DbWeight::get()
				.reads_writes(1, 1)
				.saturating_add(T::DbWeight::get().writes(u64::from(T::MaxVoters::get())))
		}

		/// The invariants: each tally is of a different validator, and no block later than the
		/// current one noted a round.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let tallies = Tallies::<T>::get();
			for (i, (who, _)) in tallies.iter().enumerate() {
				ensure!(
					!tallies.iter().skip(i + 1).any(|(other, _)| other == who),
					"a validator has two tallies"
				);
			}
			if let Some(last) = LastNoted::<T>::get() {
				ensure!(
					last.block <= frame_system::Pallet::<T>::block_number(),
					"a round is noted by a block to come"
				);
			}
			Ok(())
		}
	}
}
