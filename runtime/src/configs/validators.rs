//! Who validates, and what a validator answers for.
//!
//! - **Seats.** Collator selection proposes each session's set: its invulnerables (chosen by
//!   root) and then the candidates with the highest bonds. [`ValidatorSeats`] gives candidates
//!   at most [`open_seats`] of them: fewer than half as many as there are invulnerables, so
//!   the open seats hold less than a third of GRANDPA's votes and the invulnerables alone
//!   finalize. Newcomers who bond their way into every open seat and never vote cannot stop
//!   finality.
//! - **Equivocations.** A node that sees a validator author two blocks in one BABE slot, or
//!   cast two GRANDPA votes in one round, reports it with an unsigned transaction; the
//!   historical session pallet proves which account the key belonged to in that session, and
//!   the offences pallet hands the offence to [`SlashEquivocators`]: the validator is disabled
//!   for the rest of the session (it authors no more blocks), a fraction of its candidacy bond
//!   is burnt and its candidacy ends.
//! - **Votes.** Each block notes the precommits of a finished GRANDPA round (the finality-votes
//!   pallet, [`GrandpaVoters`]). A candidate that was left out of at least [`SILENT_AFTER`]
//!   noted rounds of a session and voted in none, [`SILENT_SESSIONS`] sessions in a row, has its
//!   candidacy ended at the last one's end and its bond returned ([`ValidatorSeats`]); it leaves
//!   the set at the second session boundary after. An invulnerable that does not vote is named
//!   too (`finalityVotes.Silent`); governance chose it, and decides.

use super::{
	AccountId, Balance, Balances, CollatorSelection, MaxAuthorities, Runtime, RuntimeOrigin,
	Session,
};
use crate::FinalityVotes;
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::Weight,
	traits::{Get, ReservableCurrency},
	Twox64Concat,
};
use pallet_collator_selection::WeightInfo as _;
use sp_runtime::{traits::Convert, Perbill};
use sp_staking::{
	offence::{OffenceDetails, OffenceSeverity, OnOffenceHandler},
	SessionIndex,
};

/// How many past sessions' validator sets are kept (as historical roots, and GRANDPA's set-id
/// to session map): an equivocation can be proven and punished for this long after it
/// happened. At the devnet's one-minute sessions, 24 minutes; a node reports what it sees
/// within a block or two.
pub const HISTORY_SESSIONS: u32 = 24;

/// The most seats the candidates may hold beside `invulnerables` governance-chosen
/// validators: fewer than half as many, so that with every invulnerable voting, more than two
/// thirds of GRANDPA's votes finalize without any candidate. With the `local` preset's four
/// invulnerables that is one seat; with seven, three.
///
/// The honest limit: a finality vote needs more than two thirds of all seats, so with `o`
/// hostile candidates in the open seats, finality survives `f` invulnerables down only while
/// `3 (f + o) < i + o`. One hostile candidate and four invulnerables tolerate none down;
/// seven invulnerables tolerate one. With no invulnerables at all (root removed them all) the
/// candidates' seats are not limited: a chain without validators would stop.
pub fn open_seats(invulnerables: usize) -> usize {
	if invulnerables == 0 {
		return usize::MAX;
	}
	(invulnerables - 1) / 2
}

/// The offenders punished, by the session of their offence; kept as long as offences of that
/// session can be reported ([`HISTORY_SESSIONS`]), then cleared at a session change. Each
/// entry needs a proven equivocation, at most one per validator and session.
#[frame_support::storage_alias]
pub type Punished =
	StorageDoubleMap<AllmendeValidators, Twox64Concat, SessionIndex, Twox64Concat, AccountId, ()>;

/// A validator left out of this many noted GRANDPA rounds in one session, and voting in none,
/// is silent. A block notes a round only when its author saw a newer one finalize than the
/// last block noted, or brings voters to the round noted last: on the devnet 37 of 61 blocks
/// did, about 6 a 10-block session.
/// Three asks for a session in which finality really moved, and still names a non-voter in
/// nearly every session; a validator that voted once in it is never named.
pub const SILENT_AFTER: u32 = 3;

/// A candidate silent in this many sessions in a row loses its seat. A late voter's precommits
/// are counted only from its own blocks that carry a round with them: in 10-block devnet
/// sessions, where about 6 of 10 blocks carry a round, one of five validators has none of them
/// in a session about a quarter of the time (0.88^10); two sessions in a row, about one time in
/// thirteen; with production sessions of 2,400 blocks, practically never.
pub const SILENT_SESSIONS: u32 = 2;

impl pallet_finality_votes::Config for Runtime {
	type ValidatorId = AccountId;
	type Voters = GrandpaVoters;
	type MaxVoters = MaxAuthorities;
	type SilentAfter = frame_support::traits::ConstU32<SILENT_AFTER>;
	type SilentSessions = frame_support::traits::ConstU32<SILENT_SESSIONS>;
	type WeightInfo = pallet_finality_votes::weights::SubstrateWeight<Runtime>;
}

/// GRANDPA's current set.
pub struct GrandpaVoters;

impl pallet_finality_votes::Voters for GrandpaVoters {
	fn current() -> (sp_consensus_grandpa::SetId, sp_consensus_grandpa::AuthorityList) {
		(
			pallet_grandpa::CurrentSetId::<Runtime>::get(),
			pallet_grandpa::Pallet::<Runtime>::grandpa_authorities(),
		)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current(
		set_id: sp_consensus_grandpa::SetId,
		voters: Vec<sp_consensus_grandpa::AuthorityId>,
	) {
		pallet_grandpa::CurrentSetId::<Runtime>::put(set_id);
		let list: Vec<_> = voters.into_iter().map(|id| (id, 1)).collect();
		pallet_grandpa::Authorities::<Runtime>::put(pallet_grandpa::BoundedAuthorityList::<
			MaxAuthorities,
		>::force_from(list, None));
	}
}

/// The session manager: collator selection's choice, with the candidates' seats limited to
/// [`open_seats`], the candidates that did not vote in GRANDPA removed, and the historical roots
/// older than [`HISTORY_SESSIONS`] pruned.
pub struct ValidatorSeats;

impl ValidatorSeats {
	/// Collator selection's `proposed` set (invulnerables first, then candidates by bond)
	/// with the candidates beyond the open seats left out. Only invulnerables with session
	/// keys count: the session pallet leaves out a validator without keys.
	pub fn limit(proposed: Vec<AccountId>) -> Vec<AccountId> {
		let invulnerables = pallet_collator_selection::Invulnerables::<Runtime>::get();
		let seated = invulnerables
			.iter()
			.filter(|v| pallet_session::NextKeys::<Runtime>::contains_key(*v))
			.count();
		Self::limit_to(proposed, &invulnerables, open_seats(seated))
	}

	/// `proposed` with no more than `open` accounts that are not among `invulnerables`, the
	/// first ones kept.
	pub fn limit_to(
		proposed: Vec<AccountId>,
		invulnerables: &[AccountId],
		mut open: usize,
	) -> Vec<AccountId> {
		proposed
			.into_iter()
			.filter(|v| {
				if invulnerables.contains(v) {
					return true;
				}
				let take = open > 0;
				open = open.saturating_sub(1);
				take
			})
			.collect()
	}
}

impl pallet_session::SessionManager<AccountId> for ValidatorSeats {
	fn new_session(index: SessionIndex) -> Option<Vec<AccountId>> {
		if index > HISTORY_SESSIONS {
			let oldest = index - HISTORY_SESSIONS;
			pallet_session::historical::Pallet::<Runtime>::prune_up_to(oldest);
			// Offences of the session before the oldest kept can no longer be reported.
			let _ = Punished::clear_prefix(oldest - 1, MaxAuthorities::get(), None);
		}
		let proposed =
			<CollatorSelection as pallet_session::SessionManager<AccountId>>::new_session(index)?;
		Some(Self::limit(proposed))
	}
	fn new_session_genesis(index: SessionIndex) -> Option<Vec<AccountId>> {
		let proposed =
			<CollatorSelection as pallet_session::SessionManager<AccountId>>::new_session_genesis(
				index,
			)?;
		Some(Self::limit(proposed))
	}
	fn start_session(index: SessionIndex) {
		// The keys of the session starting: its rounds count for these owners, whatever keys
		// they register during it (a new key is queued, the old one keeps voting).
		let owners = pallet_session::QueuedKeys::<Runtime>::get()
			.into_iter()
			.map(|(who, keys)| (keys.grandpa, who))
			.collect();
		FinalityVotes::start_session(owners);
		<CollatorSelection as pallet_session::SessionManager<AccountId>>::start_session(index)
	}
	fn end_session(index: SessionIndex) {
		Self::remove_silent();
		<CollatorSelection as pallet_session::SessionManager<AccountId>>::end_session(index)
	}
}

impl ValidatorSeats {
	/// Ends the candidacy of every candidate that voted in no round of [`SILENT_SESSIONS`]
	/// sessions in a row, the one ending the last (`finalityVotes.Silent`, then
	/// `collatorSelection.CandidateRemoved`): it is left out of the set chosen next, and its
	/// bond comes back. A candidacy collator selection cannot do
	/// without (`MinEligibleCollators`) stays. Runs before the next set is chosen.
	pub fn remove_silent() {
		for who in FinalityVotes::end_session() {
			let left = CollatorSelection::leave_intent(RuntimeOrigin::signed(who.clone()));
			log::info!(
				target: "runtime::validators",
				"{who:?} voted in no GRANDPA round of {SILENT_SESSIONS} sessions: {}",
				if left.is_ok() { "its candidacy ends" } else { "it stays (not a candidate that can leave)" }
			);
		}
	}

	/// An upper bound of [`Self::remove_silent`]'s weight, the tallies and every voter leaving,
	/// and of recording the starting session's key owners (the queued keys read here; the
	/// owners' write is in [`FinalityVotes::end_session_weight`]).
	pub fn remove_silent_weight() -> Weight {
		let max_candidates =
			<<Runtime as pallet_collator_selection::Config>::MaxCandidates as Get<u32>>::get();
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		FinalityVotes::end_session_weight().saturating_add(db.reads(1)).saturating_add(
			<Runtime as pallet_collator_selection::Config>::WeightInfo::leave_intent(
				max_candidates,
			)
			.saturating_mul(u64::from(<MaxAuthorities as Get<u32>>::get())),
		)
	}
}

/// The historical session pallet keeps a validator's account only (no stake to identify).
impl pallet_session::historical::SessionManager<AccountId, ()> for ValidatorSeats {
	fn new_session(index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<AccountId>>::new_session(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn new_session_genesis(index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<AccountId>>::new_session_genesis(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn start_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<AccountId>>::start_session(index)
	}
	fn end_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<AccountId>>::end_session(index)
	}
}

/// Every validator is identified by its account alone.
pub struct AccountIdentification;

impl Convert<AccountId, Option<()>> for AccountIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

/// What an equivocation costs its validator. For each offender the offences pallet reports
/// (with the fraction it computed from how many validators offended together, e.g. 36 % for
/// one of five in a BABE slot):
///
/// 1. the session disables it (`session.ValidatorDisabled`): BABE refuses its blocks for the
///    rest of the session; at most a third of the set is disabled at once;
/// 2. if it is a candidate, that fraction of its candidacy bond is burnt
///    (`balances.Slashed`), and its candidacy ends (`collatorSelection.CandidateRemoved`, the
///    rest of the bond returned): it leaves the set at the next session but one, and may
///    register again with a new bond. An invulnerable has no bond: it is disabled, and
///    governance decides whether it stays.
///
/// The bond is slashed only while the candidacy lasts: a candidate that leaves before the
/// report lands (reports land within a block or two) keeps it. A candidacy that cannot end
/// because collator selection needs it to keep `MinEligibleCollators` stays, with its
/// record lowered by what was burnt.
pub struct SlashEquivocators;

impl SlashEquivocators {
	/// Disables `who` and burns `fraction` of its candidacy bond, ending the candidacy, for
	/// an offence in `session`. Returns what was burnt. An offender is slashed once per
	/// session of offence ([`Punished`]): the offences pallet hands an offence over again,
	/// with its earlier offenders, each time another validator is reported for the same slot,
	/// and a candidacy registered after the first punishment is not the one that offended.
	pub fn punish(who: &AccountId, fraction: Perbill, session: SessionIndex) -> Balance {
		Session::report_offence(who.clone(), OffenceSeverity(fraction));
		if Punished::contains_key(session, who) {
			return 0;
		}
		Punished::insert(session, who, ());
		let Some(deposit) = pallet_collator_selection::CandidateList::<Runtime>::get()
			.iter()
			.find(|c| c.who == *who)
			.map(|c| c.deposit)
		else {
			return 0;
		};
		let (burnt, _) = Balances::slash_reserved(who, fraction * deposit);
		let burnt = frame_support::traits::Imbalance::peek(&burnt);
		// The record first: leaving unreserves what it records, and the balances pallet's
		// reserves do not tell the bond from other holds (the session key deposit).
		// The list stays sorted by bond, a lowered entry before those of the same bond (as
		// collator selection places the latest change).
		pallet_collator_selection::CandidateList::<Runtime>::mutate(|list| {
			let Some(at) = list.iter().position(|c| c.who == *who) else { return };
			let mut entry = list.remove(at);
			entry.deposit = entry.deposit.saturating_sub(burnt);
			let to = list.iter().position(|c| c.deposit >= entry.deposit).unwrap_or(list.len());
			if list.try_insert(to, entry).is_err() {
				frame_support::defensive!("an entry just removed fits back in");
			}
		});
		// A candidacy collator selection cannot do without stays, with its lower bond.
		let _ = CollatorSelection::leave_intent(RuntimeOrigin::signed(who.clone()));
		burnt
	}

	/// An upper bound of [`Self::punish`]'s weight for one offender.
	pub fn weight_per_offender() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		let max_candidates =
			<<Runtime as pallet_collator_selection::Config>::MaxCandidates as Get<u32>>::get();
		// The session's validators and disabled list (read, written), the punished record
		// (read, written), the candidate list (read twice, written), the slashed account and
		// the total issuance; then leaving.
		db.reads_writes(7, 6).saturating_add(
			<Runtime as pallet_collator_selection::Config>::WeightInfo::leave_intent(
				max_candidates,
			),
		)
	}
}

impl OnOffenceHandler<AccountId, (AccountId, ()), Weight> for SlashEquivocators {
	fn on_offence(
		offenders: &[OffenceDetails<AccountId, (AccountId, ())>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			let (who, ()) = &details.offender;
			let burnt = Self::punish(who, *fraction, session);
			log::info!(
				target: "runtime::validators",
				"equivocation by {who:?}: disabled, {burnt} of its bond burnt ({fraction:?})"
			);
		}
		// The offences pallet drops this weight: the block is charged here.
		let weight = Self::weight_per_offender().saturating_mul(offenders.len() as u64);
		frame_system::Pallet::<Runtime>::register_extra_weight_unchecked(
			weight,
			frame_support::dispatch::DispatchClass::Mandatory,
		);
		weight
	}
}
