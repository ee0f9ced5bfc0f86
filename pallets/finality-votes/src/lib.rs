//! # Finality votes
//!
//! Who votes in GRANDPA, recorded on chain, so that a validator that authors blocks but never
//! votes for finality can lose its seat.
//!
//! A block author's node knows the precommits of the last GRANDPA round that finalized a block:
//! they are the justification it finalized with. It hands them to the runtime as inherent
//! data, and the runtime makes them a [`Call::note_votes`] inherent if they check out: every
//! signature valid for its voter in the current GRANDPA set and round, together more than two
//! thirds of the set's weight (what finalizes a block), and a round newer than the one noted
//! last, or that round again with voters it did not have. For each voter of the set, the round
//! counts in that voter's tally for the session: voted, or left out.
//!
//! A justification holds the precommits its node had when the round completed, so a voter
//! whose precommits arrive last can be left out of every other node's justification. Its own
//! node's justification has its precommit when its own round completed first (not when a
//! commit from another node finalized the block before), and a round noted already takes the
//! voters a later block adds: a late voter is counted from its own blocks, when they carry such
//! a round.
//!
//! The tallies count for the validators the session started with ([`Pallet::start_session`]
//! fixes whose key is whose, so changing keys mid-session does not escape the count; until the
//! first session starts, after the pallet is added to a running chain, nothing counts). At the end
//! of a session the runtime calls [`Pallet::end_session`]: a validator left out of at least
//! [`Config::SilentAfter`] noted rounds, in none voting, is silent for that session; silent in
//! [`Config::SilentSessions`] sessions in a row, it is named ([`Event::Silent`]). What happens to
//! it is the runtime's choice (Allmende ends a candidate's candidacy).
//!
//! ## What it proves, and what not
//! - A precommit in a noted round was signed by the voter's key for that round and set: nobody
//!   else can make it. An author can leave a precommit out, but not put in one that was not
//!   signed.
//! - If finality stops, no round is noted and nobody is named: a stall is not blamed on whoever
//!   happens to be a validator.
//! - A precommit shows a vote was signed, not when, nor that it was sent. Modified node software
//!   that signs precommits without voting and has its own blocks carry them is counted as
//!   voting. Such a validator does not help finality; the open seats being too few to stop it is
//!   what keeps such validators harmless.
//!
//! ## Calls
//! - [`Call::note_votes`]: the inherent, at most one per block, made by the runtime from the
//!   author's node's data.

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

/// The GRANDPA voters the runtime checks precommits against.
pub trait Voters {
	/// The current GRANDPA set: its id and its voters with their weights.
	fn current() -> (SetId, Vec<(AuthorityId, AuthorityWeight)>);
	/// Makes `voters` (each with weight 1) the current set `set_id`.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current(set_id: SetId, voters: Vec<AuthorityId>);
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
	/// The sessions in a row, just before this one, in which it was silent.
	pub silent_before: u32,
}

/// The round noted last, and which block noted it last.
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
	/// The block that noted it last.
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

	/// The session's GRANDPA keys and their validators.
	pub type OwnersOf<T> =
		BoundedVec<(AuthorityId, <T as Config>::ValidatorId), <T as Config>::MaxVoters>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// How a validator is identified (the session pallet's validator id).
		type ValidatorId: Member + Parameter + MaxEncodedLen;

		/// The current GRANDPA set.
		type Voters: Voters;

		/// The most voters a GRANDPA set has (GRANDPA's `MaxAuthorities`).
		#[pallet::constant]
		type MaxVoters: Get<u32>;

		/// A validator left out of this many noted rounds in a session, and in none voting, is
		/// silent. Too low, and an honest validator restarting its node is named.
		#[pallet::constant]
		type SilentAfter: Get<u32>;

		/// A validator silent in this many sessions in a row is named. Two make an honest
		/// validator that happened to author no block of a session (its own blocks are where its
		/// late precommits are counted) safe.
		#[pallet::constant]
		type SilentSessions: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The round noted last: a block notes at most one round, a newer one or this one again
	/// with more voters.
	#[pallet::storage]
	pub type LastNoted<T: Config> = StorageValue<_, Noted<BlockNumberFor<T>>, OptionQuery>;

	/// The voters counted as voted in the round noted last.
	#[pallet::storage]
	pub type LastSigned<T: Config> =
		StorageValue<_, BoundedVec<AuthorityId, <T as Config>::MaxVoters>, ValueQuery>;

	/// Each voter's tally in the current session; [`Pallet::end_session`] starts them again,
	/// keeping only how many sessions in a row the silent ones have been silent.
	#[pallet::storage]
	pub type Tallies<T: Config> = StorageValue<_, TalliesOf<T>, ValueQuery>;

	/// Whose GRANDPA key is whose, as the session started ([`Pallet::start_session`]).
	#[pallet::storage]
	pub type Owners<T: Config> = StorageValue<_, OwnersOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` voted in no noted round of `sessions` sessions in a row; in the last of them
		/// it was left out of `missed` rounds.
		Silent { who: T::ValidatorId, missed: u32, sessions: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This block already noted a round.
		AlreadyNoted,
		/// The round is older than the one noted last in this GRANDPA set.
		StaleRound,
		/// The round was noted already, with every voter these precommits have.
		NothingNew,
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
		/// An inherent: the runtime makes it from the newest justification of the block
		/// author's node.
		///
		/// - `origin`: none (an inherent).
		/// - `round`: the GRANDPA round: newer than the one noted last in the current set, or
		///   that one again, then with voters it was not noted with (who count as voted instead
		///   of left out).
		/// - `precommits`: the round's signed precommits, each by a different voter of the
		///   current set, together of more than two thirds of its weight.
		///
		/// Emits no event; the tallies are in [`Tallies`]. Errors: [`Error::AlreadyNoted`],
		/// [`Error::StaleRound`], [`Error::NothingNew`], [`Error::NotAVoter`],
		/// [`Error::DuplicateVoter`], [`Error::BadSignature`], [`Error::TooFewVotes`].
		///
		/// Weight: the checks of `MaxVoters` signatures and tallies, refunded to the set's size
		/// (and one read more for a round noted again).
		#[pallet::call_index(0)]
		#[pallet::weight((T::WeightInfo::note_votes(T::MaxVoters::get()), DispatchClass::Mandatory))]
		pub fn note_votes(
			origin: OriginFor<T>,
			round: RoundNumber,
			precommits: PrecommitsOf<T>,
		) -> DispatchResultWithPostInfo {
			ensure_none(origin)?;
			let (set_id, voters) = T::Voters::current();
			let again = Self::round_again(set_id, round)?;
			let again_noted = again.is_some();
			let signed = Self::check(set_id, round, &voters, &precommits)?;
			let noted = match again {
				Some(counted) => {
					let late: Vec<AuthorityId> =
						signed.into_iter().filter(|id| !counted.contains(id)).collect();
					ensure!(!late.is_empty(), Error::<T>::NothingNew);
					Self::count_late(&late);
					counted.into_iter().chain(late).collect::<Vec<_>>()
				},
				None => {
					Self::tally(&voters, &signed);
					signed
				},
			};
			let block = frame_system::Pallet::<T>::block_number();
			LastNoted::<T>::put(Noted { set_id, round, block });
			LastSigned::<T>::put(BoundedVec::truncate_from(noted));
			// Noting a round again reads the voters counted for it (`LastSigned`), which the
			// benchmark of a new round does not.
			let weight = T::WeightInfo::note_votes(voters.len() as u32)
				.saturating_add(T::DbWeight::get().reads(u64::from(again_noted)));
			Ok(Some(weight).into())
		}
	}

	#[pallet::inherent]
	impl<T: Config> ProvideInherent for Pallet<T> {
		type Call = Call<T>;
		type Error = sp_inherents::MakeFatalError<()>;
		const INHERENT_IDENTIFIER: InherentIdentifier = INHERENT_IDENTIFIER;

		/// The node's newest round, if [`Call::note_votes`] takes it: the precommits that do
		/// not check out (of an earlier set, say) are left out, and the rest must be enough.
		fn create_inherent(data: &InherentData) -> Option<Self::Call> {
			let votes: RoundVotes<T::Hash, BlockNumberFor<T>> =
				data.get_data(&INHERENT_IDENTIFIER).ok().flatten()?;
			let (set_id, voters) = T::Voters::current();
			let again = Self::round_again(set_id, votes.round).ok()?;
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
			if let Some(counted) = again {
				if kept.iter().all(|p| counted.contains(&p.id)) {
					return None;
				}
			}
			let weight: u64 = kept
				.iter()
				.filter_map(|p| voters.iter().find(|(id, _)| *id == p.id).map(|(_, w)| *w))
				.fold(0, |t, w| t.saturating_add(w));
			if !Self::supermajority(weight, &voters) {
				return None;
			}
			let precommits = PrecommitsOf::<T>::try_from(kept).ok()?;
			Some(Call::note_votes { round: votes.round, precommits })
		}

		fn is_inherent(call: &Self::Call) -> bool {
			matches!(call, Call::note_votes { .. })
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `round` of set `set_id` may be noted in this block: `None` if it is new,
		/// the voters already counted for it if it is the round noted last.
		fn round_again(
			set_id: SetId,
			round: RoundNumber,
		) -> Result<Option<Vec<AuthorityId>>, Error<T>> {
			let Some(last) = LastNoted::<T>::get() else { return Ok(None) };
			ensure!(
				last.block != frame_system::Pallet::<T>::block_number(),
				Error::<T>::AlreadyNoted
			);
			if last.set_id != set_id || round > last.round {
				return Ok(None);
			}
			ensure!(round == last.round, Error::<T>::StaleRound);
			Ok(Some(LastSigned::<T>::get().into_inner()))
		}

		/// Whether `weight` is more than two thirds of the set's.
		fn supermajority(weight: u64, voters: &[(AuthorityId, AuthorityWeight)]) -> bool {
			let total = voters.iter().fold(0u64, |t, (_, w)| t.saturating_add(*w));
			u128::from(weight) * 3 > u128::from(total) * 2
		}

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
			ensure!(Self::supermajority(weight, &voters), Error::<T>::TooFewVotes);
			Ok(signed)
		}

		/// The validator whose GRANDPA key `id` was as the session started.
		fn owner(
			owners: &[(AuthorityId, T::ValidatorId)],
			id: &AuthorityId,
		) -> Option<T::ValidatorId> {
			owners.iter().find(|(key, _)| key == id).map(|(_, who)| who.clone())
		}

		/// Counts one noted round in the tally of each of `voters`: voted if it is in `signed`,
		/// left out if not. A key no validator of the session had is not counted.
		pub(crate) fn tally(voters: &[(AuthorityId, AuthorityWeight)], signed: &[AuthorityId]) {
			let owners = Owners::<T>::get();
			Tallies::<T>::mutate(|tallies| {
				for (id, _) in voters {
					let Some(who) = Self::owner(&owners, id) else { continue };
					let at = match tallies.iter().position(|(v, _)| *v == who) {
						Some(at) => at,
						None => {
							if tallies.try_push((who, Tally::default())).is_err() {
								frame_support::defensive!(
									"a session has at most MaxVoters voters, and tallies of others are dropped as it starts"
								);
								continue;
							}
							tallies.len().saturating_sub(1)
						},
					};
					let Some((_, entry)) = tallies.get_mut(at) else { continue };
					if signed.contains(id) {
						entry.voted = entry.voted.saturating_add(1);
					} else {
						entry.missed = entry.missed.saturating_add(1);
					}
				}
			});
		}

		/// Counts the round noted last as voted instead of left out for `late`, voters whose
		/// precommits a later block brought.
		fn count_late(late: &[AuthorityId]) {
			let owners = Owners::<T>::get();
			Tallies::<T>::mutate(|tallies| {
				for id in late {
					let Some(who) = Self::owner(&owners, id) else { continue };
					if let Some((_, entry)) = tallies.iter_mut().find(|(v, _)| *v == who) {
						entry.voted = entry.voted.saturating_add(1);
						entry.missed = entry.missed.saturating_sub(1);
					}
				}
			});
		}

		/// Starts a session whose GRANDPA keys are `owners` (key, validator): its rounds count
		/// for these validators, whatever keys they register during it.
		/// A silent streak carried from the session before ends for a validator not in this
		/// one: only sessions it is a voter in count.
		///
		/// Weight: in [`Self::end_session_weight`].
		pub fn start_session(owners: Vec<(AuthorityId, T::ValidatorId)>) {
			Tallies::<T>::mutate(|tallies| {
				tallies.retain(|(who, _)| owners.iter().any(|(_, owner)| owner == who))
			});
			Owners::<T>::put(BoundedVec::truncate_from(owners));
		}

		/// Ends the session's tallies. A validator left out of at least
		/// [`Config::SilentAfter`] noted rounds, in none voting, was silent in it; returns those
		/// silent in [`Config::SilentSessions`] sessions in a row, each named in
		/// [`Event::Silent`]. The next session's tallies start empty, but for how many sessions
		/// in a row each other silent validator has been.
		///
		/// Weight: [`Self::end_session_weight`].
		pub fn end_session() -> Vec<T::ValidatorId> {
			let silent_after = T::SilentAfter::get().max(1);
			let sessions = T::SilentSessions::get().max(1);
			let mut named = Vec::new();
			let mut next = TalliesOf::<T>::new();
			for (who, t) in Tallies::<T>::take() {
				if t.voted > 0 || t.missed < silent_after {
					continue;
				}
				let silent = t.silent_before.saturating_add(1);
				if silent >= sessions {
					Self::deposit_event(Event::Silent {
						who: who.clone(),
						missed: t.missed,
						sessions: silent,
					});
					named.push(who);
				} else if next
					.try_push((who, Tally { voted: 0, missed: 0, silent_before: silent }))
					.is_err()
				{
					frame_support::defensive!("fewer tallies than there were");
				}
			}
			Tallies::<T>::put(next);
			// The round noted last belongs to the session that ended: noting it again in the
			// next one (a set whose id did not change) would count it there. Every voter of the
			// set is counted for it now.
			let (_, voters) = T::Voters::current();
			LastSigned::<T>::put(BoundedVec::truncate_from(
				voters.into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			));
			named
		}

		/// An upper bound of [`Self::end_session`]'s and [`Self::start_session`]'s weights: the
		/// tallies read and written twice, the current set read and the last round's voters
		/// written, the owners written, and an event for each of `MaxVoters`.
		pub fn end_session_weight() -> Weight {
			T::DbWeight::get()
				.reads_writes(4, 4)
				.saturating_add(T::DbWeight::get().writes(u64::from(T::MaxVoters::get())))
		}

		/// The invariants: each tally is of a different validator, no block later than the
		/// current one noted a round, and the round noted last counted each voter once.
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
				let signed = LastSigned::<T>::get();
				for (i, id) in signed.iter().enumerate() {
					ensure!(
						!signed.iter().skip(i + 1).any(|other| other == id),
						"a voter counted twice in one round"
					);
				}
			}
			Ok(())
		}
	}
}
