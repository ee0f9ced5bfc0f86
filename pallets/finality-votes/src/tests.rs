use crate::{
	mock::*, Error, Event, LastNoted, Noted, PrecommitsOf, Tallies, Tally, INHERENT_IDENTIFIER,
};
use frame_support::{assert_noop, assert_ok, inherent::ProvideInherent, traits::Hooks};
use sp_inherents::InherentData;
use sp_runtime::traits::BlockNumberProvider;

/// Notes `round` of set `set_id` with the precommits of `who`, in the current block.
fn note_now(
	who: &[u64],
	round: u64,
	set_id: u64,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let votes = round_votes(who, round, set_id);
	FinalityVotes::note_votes(
		RuntimeOrigin::none(),
		votes.round,
		PrecommitsOf::<Test>::try_from(votes.precommits).unwrap(),
	)
}

/// Notes it in a new block.
fn note(
	who: &[u64],
	round: u64,
	set_id: u64,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	next_block();
	note_now(who, round, set_id)
}

/// In a new block, notes nothing and changes nothing: refused with `error`.
fn refused(who: &[u64], round: u64, set_id: u64, error: Error<Test>) {
	next_block();
	assert_noop!(note_now(who, round, set_id), error);
}

/// A session of validators 1 to 5 in which `voters` sign each of `rounds`: whom its end names.
fn session(voters: &[u64], rounds: core::ops::RangeInclusive<u64>) -> Vec<u64> {
	start_session(0, &[1, 2, 3, 4, 5]);
	for round in rounds {
		assert_ok!(note(voters, round, 0));
	}
	FinalityVotes::end_session()
}

fn next_block() {
	System::set_block_number(System::current_block_number() + 1);
}

fn tally_of(who: u64) -> Option<Tally> {
	Tallies::<Test>::get().into_iter().find(|(v, _)| *v == who).map(|(_, t)| t)
}

fn silent_events() -> Vec<(u64, u32)> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::FinalityVotes(Event::Silent { who, missed, .. }) => Some((who, missed)),
			_ => None,
		})
		.collect()
}

fn check_state() {
	FinalityVotes::do_try_state().unwrap();
	let _ = FinalityVotes::on_initialize(System::current_block_number());
}

#[test]
fn a_round_of_more_than_two_thirds_counts_for_each_voter() {
	new_test_ext().execute_with(|| {
		start_session(5, &[1, 2, 3, 4]);
		assert_ok!(note(&[1, 2, 3], 10, 5));
		assert_eq!(tally_of(1), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		assert_eq!(tally_of(3), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		assert_eq!(tally_of(4), Some(Tally { voted: 0, missed: 1, silent_before: 0 }));
		assert_eq!(
			LastNoted::<Test>::get(),
			Some(Noted { set_id: 5, round: 10, block: System::current_block_number() })
		);
		check_state();
	});
}

#[test]
fn an_author_and_its_accomplices_cannot_make_up_a_round() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4, 5, 6]);
		// Four of six is two thirds, not more: no round finalizes with it.
		refused(&[1, 2, 3, 4], 1, 0, Error::<Test>::TooFewVotes);
		refused(&[1], 1, 0, Error::<Test>::TooFewVotes);
		refused(&[], 1, 0, Error::<Test>::TooFewVotes);
		assert!(Tallies::<Test>::get().is_empty());
		assert_ok!(note(&[1, 2, 3, 4, 5], 1, 0));
		check_state();
	});
}

#[test]
fn precommits_that_do_not_check_out_are_refused() {
	new_test_ext().execute_with(|| {
		start_session(2, &[1, 2, 3, 4]);
		let round = 7;
		let refused = |precommits: Vec<_>, error: Error<Test>| {
			next_block();
			assert_noop!(
				FinalityVotes::note_votes(
					RuntimeOrigin::none(),
					round,
					PrecommitsOf::<Test>::try_from(precommits).unwrap()
				),
				error
			);
		};
		let good = |who: u64| precommit(who, round, 2);
		// Signed for another set, or another round.
		refused(vec![good(1), good(2), precommit(3, round, 1)], Error::<Test>::BadSignature);
		refused(vec![good(1), good(2), precommit(3, round + 1, 2)], Error::<Test>::BadSignature);
		// Another voter's signature under a voter's key.
		let mut forged = good(3);
		forged.signature = good(4).signature;
		refused(vec![good(1), good(2), forged], Error::<Test>::BadSignature);
		// A key not in the set, and a voter counted twice.
		refused(vec![good(1), good(2), precommit(9, round, 2)], Error::<Test>::NotAVoter);
		refused(vec![good(1), good(2), good(2)], Error::<Test>::DuplicateVoter);
		// Signed origins cannot note rounds.
		next_block();
		assert!(FinalityVotes::note_votes(
			RuntimeOrigin::signed(1),
			round,
			PrecommitsOf::<Test>::try_from(vec![good(1), good(2), good(3)]).unwrap()
		)
		.is_err());
		assert!(Tallies::<Test>::get().is_empty());
		check_state();
	});
}

#[test]
fn a_block_notes_one_round_and_a_round_again_only_with_new_voters() {
	new_test_ext().execute_with(|| {
		start_session(3, &[1, 2, 3, 4]);
		assert_ok!(note(&[1, 2, 3], 4, 3));
		// A second round in the same block.
		let votes = round_votes(&[1, 2, 3], 5, 3);
		assert_noop!(
			FinalityVotes::note_votes(
				RuntimeOrigin::none(),
				5,
				PrecommitsOf::<Test>::try_from(votes.precommits).unwrap()
			),
			Error::<Test>::AlreadyNoted
		);
		// The same round with no voter it did not have, or an older round.
		refused(&[1, 2, 3], 4, 3, Error::<Test>::NothingNew);
		refused(&[2, 3, 1], 4, 3, Error::<Test>::NothingNew);
		refused(&[1, 2, 3, 4], 3, 3, Error::<Test>::StaleRound);
		assert_ok!(note(&[1, 2, 3], 5, 3));
		// A new set starts its rounds again.
		set_voters(4, &[1, 2, 3, 4]);
		assert_ok!(note(&[1, 2, 3], 1, 4));
		assert_eq!(tally_of(2), Some(Tally { voted: 3, missed: 0, silent_before: 0 }));
		assert_eq!(tally_of(4), Some(Tally { voted: 0, missed: 3, silent_before: 0 }));
		check_state();
	});
}

/// A justification holds the precommits its node had when the round completed: the voter
/// whose precommits arrive last is left out of the others'. Its own node's justification has
/// it, and noting the round again from its block counts it as voted.
#[test]
fn a_late_precommit_noted_again_counts_as_voted() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4, 5]);
		assert_ok!(note(&[1, 2, 3, 4], 7, 0));
		assert_eq!(tally_of(5), Some(Tally { voted: 0, missed: 1, silent_before: 0 }));
		// 5's own block, with its own justification of the same round.
		assert_ok!(note(&[1, 2, 3, 5], 7, 0));
		assert_eq!(tally_of(5), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		// Nobody is counted twice.
		assert_eq!(tally_of(1), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		assert_eq!(tally_of(4), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		refused(&[1, 2, 3, 4, 5], 7, 0, Error::<Test>::NothingNew);
		assert!(FinalityVotes::end_session().is_empty());
		check_state();
	});
}

/// The session's owners are fixed as it starts: a key that was no validator's then is not
/// counted, and a validator that registers new keys mid-session is still counted by the key it
/// votes with.
#[test]
fn the_tallies_count_the_owners_the_session_started_with() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4]);
		// Key 9 votes in the set, but belonged to no validator as the session started.
		set_voters(0, &[1, 2, 3, 4, 9]);
		assert_ok!(note(&[1, 2, 3, 4], 1, 0));
		assert_eq!(tally_of(9), None);
		assert_eq!(tally_of(4), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		check_state();
	});
}

#[test]
fn a_validator_that_votes_in_no_round_of_a_session_is_silent() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4, 5]);
		// 5 never votes; SilentAfter is 3.
		for round in 1..=3 {
			assert_ok!(note(&[1, 2, 3, 4], round, 0));
		}
		assert_eq!(tally_of(5), Some(Tally { voted: 0, missed: 3, silent_before: 0 }));
		assert_eq!(tally_of(4), Some(Tally { voted: 3, missed: 0, silent_before: 0 }));
		assert_eq!(FinalityVotes::end_session(), vec![5]);
		assert_eq!(silent_events(), vec![(5, 3)]);
		assert!(Tallies::<Test>::get().is_empty(), "the next session starts afresh");
		check_state();
	});
}

#[test]
fn voting_once_or_too_few_rounds_or_a_stall_names_nobody() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4]);
		// 4 votes in one round of four: not silent.
		assert_ok!(note(&[1, 2, 3, 4], 1, 0));
		for round in 2..=4 {
			assert_ok!(note(&[1, 2, 3], round, 0));
		}
		assert_eq!(tally_of(4), Some(Tally { voted: 1, missed: 3, silent_before: 0 }));
		assert!(FinalityVotes::end_session().is_empty());
		// Two rounds without 4 are fewer than SilentAfter.
		for round in 5..=6 {
			assert_ok!(note(&[1, 2, 3], round, 0));
		}
		assert!(FinalityVotes::end_session().is_empty());
		// Finality stopped: nothing noted, nobody blamed.
		assert!(FinalityVotes::end_session().is_empty());
		assert!(silent_events().is_empty());
		check_state();
	});
}

/// Three of five validators collude: whenever one of them authors, it notes a round without
/// the fourth validator's precommit (it may: it needs only more than two thirds). The fourth
/// votes, and one honest author's round shows it: it is not named. Colluders cannot name an
/// honest voter unless they author every block of the session.
#[test]
fn colluding_authors_cannot_silence_a_voter_while_one_author_is_honest() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4, 5]);
		// Rounds noted by the colluders 1, 2 and 3: 4 left out.
		for round in 1..=6 {
			assert_ok!(note(&[1, 2, 3, 5], round, 0));
		}
		// One round noted by the honest author 5, with every precommit it saw.
		assert_ok!(note(&[1, 2, 3, 4, 5], 7, 0));
		assert_eq!(tally_of(4), Some(Tally { voted: 1, missed: 6, silent_before: 0 }));
		assert!(FinalityVotes::end_session().is_empty());
		// And with the colluders alone, their own rounds cannot be made up without 5's votes:
		// three of five is not more than two thirds.
		refused(&[1, 2, 3], 8, 0, Error::<Test>::TooFewVotes);
		check_state();
	});
}

#[test]
fn the_inherent_keeps_what_checks_out_for_newer_rounds_or_new_voters() {
	new_test_ext().execute_with(|| {
		start_session(1, &[1, 2, 3, 4]);
		let data = |votes: crate::RoundVotes<sp_core::H256, u64>| {
			let mut data = InherentData::new();
			data.put_data(INHERENT_IDENTIFIER, &votes).unwrap();
			data
		};
		// No data, no inherent.
		assert!(FinalityVotes::create_inherent(&InherentData::new()).is_none());
		// A precommit of another set and a stranger's are left out; the rest is enough.
		let mut votes = round_votes(&[1, 2, 3], 3, 1);
		votes.precommits.push(precommit(4, 3, 0));
		votes.precommits.push(precommit(9, 3, 1));
		votes.precommits.push(precommit(2, 3, 1));
		let call = FinalityVotes::create_inherent(&data(votes)).expect("an inherent");
		assert!(FinalityVotes::is_inherent(&call));
		let crate::Call::note_votes { round, precommits } = call.clone();
		assert_eq!(round, 3);
		assert_eq!(
			precommits.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
			vec![key(1), key(2), key(3)]
		);
		next_block();
		assert_ok!(FinalityVotes::note_votes(RuntimeOrigin::none(), round, precommits));
		// The same round again, or too few votes: none.
		next_block();
		assert!(FinalityVotes::create_inherent(&data(round_votes(&[1, 2, 3], 3, 1))).is_none());
		assert!(FinalityVotes::create_inherent(&data(round_votes(&[1, 2], 4, 1))).is_none());
		assert!(FinalityVotes::create_inherent(&data(round_votes(&[1, 2, 4], 4, 1))).is_some());
		check_state();
	});
}

/// With two sessions asked for, one silent session only counts; a vote in the next starts the
/// count again; a second silent session in a row names the validator.
#[test]
fn a_validator_is_named_after_the_sessions_in_a_row_asked_for() {
	new_test_ext().execute_with(|| {
		SilentSessions::set(2);
		start_session(0, &[1, 2, 3, 4, 5]);
		// Session 1: 5 votes in round 2 only, 4 in the others: nobody is silent.
		for round in 1..=3 {
			assert_ok!(note(&[1, 2, 3, 5 - (round % 2)], round, 0));
		}
		assert!(FinalityVotes::end_session().is_empty());
		assert!(Tallies::<Test>::get().is_empty());
		// Session 2: 5 silent; session 3: 5 silent again, named.
		assert!(session(&[1, 2, 3, 4], 4..=6).is_empty());
		assert_eq!(tally_of(5), Some(Tally { voted: 0, missed: 0, silent_before: 1 }));
		assert_eq!(session(&[1, 2, 3, 4], 7..=9), vec![5]);
		assert_eq!(silent_events(), vec![(5, 3)]);
		// Session 4: 4 silent once; session 5: it votes, and its count starts again; session 6:
		// silent once more, not named.
		for (voters, rounds) in
			[(&[1, 2, 3, 5], 10..=12), (&[1, 2, 3, 4], 13..=15), (&[1, 2, 3, 5], 16..=18)]
		{
			assert!(session(voters, rounds).is_empty());
		}
		assert_eq!(silent_events(), vec![(5, 3)], "named once, in session 3");
		assert_eq!(tally_of(4), Some(Tally { voted: 0, missed: 0, silent_before: 1 }));
		check_state();
	});
}

#[test]
fn the_inherent_is_not_made_twice_in_a_block() {
	new_test_ext().execute_with(|| {
		start_session(1, &[1, 2, 3, 4]);
		assert_ok!(note(&[1, 2, 3], 3, 1));
		let mut data = InherentData::new();
		data.put_data(INHERENT_IDENTIFIER, &round_votes(&[1, 2, 3, 4], 4, 1)).unwrap();
		assert!(FinalityVotes::create_inherent(&data).is_none());
		next_block();
		assert!(FinalityVotes::create_inherent(&data).is_some());
		// The same round again brings 4: an inherent; without it, none.
		let mut again = InherentData::new();
		again.put_data(INHERENT_IDENTIFIER, &round_votes(&[1, 2, 4], 3, 1)).unwrap();
		assert!(FinalityVotes::create_inherent(&again).is_some());
		let mut same = InherentData::new();
		same.put_data(INHERENT_IDENTIFIER, &round_votes(&[3, 2, 1], 3, 1)).unwrap();
		assert!(FinalityVotes::create_inherent(&same).is_none());
		// The inherent made for the late voter is one the block takes.
		let crate::Call::note_votes { round, precommits } =
			FinalityVotes::create_inherent(&again).unwrap();
		assert_ok!(FinalityVotes::note_votes(RuntimeOrigin::none(), round, precommits));
		assert_eq!(tally_of(4), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		check_state();
	});
}

/// Noting a round again with a voter it did not have still needs more than two thirds.
#[test]
fn a_round_noted_again_still_needs_more_than_two_thirds() {
	new_test_ext().execute_with(|| {
		start_session(0, &[1, 2, 3, 4, 5, 6]);
		assert_ok!(note(&[1, 2, 3, 4, 5], 2, 0));
		refused(&[1, 6], 2, 0, Error::<Test>::TooFewVotes);
		assert_ok!(note(&[1, 2, 3, 4, 6], 2, 0));
		assert_eq!(tally_of(6), Some(Tally { voted: 1, missed: 0, silent_before: 0 }));
		check_state();
	});
}

/// The round noted last belongs to its session: after the session ends, a block cannot note it
/// again and count it in the next one (as it could if the set's id stayed the same).
#[test]
fn a_round_of_a_session_that_ended_is_not_noted_again() {
	new_test_ext().execute_with(|| {
		SilentSessions::set(2);
		assert!(session(&[1, 2, 3, 4], 1..=3).is_empty());
		start_session(0, &[1, 2, 3, 4, 5]);
		refused(&[1, 2, 3, 5], 3, 0, Error::<Test>::NothingNew);
		assert_eq!(tally_of(5), Some(Tally { voted: 0, missed: 0, silent_before: 1 }));
		assert_ok!(note(&[1, 2, 3, 5], 4, 0));
		check_state();
	});
}

/// A validator that is not in the next session ends its silent streak: only sessions it votes
/// in (or should) count.
#[test]
fn a_silent_streak_ends_when_the_validator_leaves_the_set() {
	new_test_ext().execute_with(|| {
		SilentSessions::set(2);
		assert!(session(&[1, 2, 3, 4], 1..=3).is_empty());
		assert_eq!(tally_of(5), Some(Tally { voted: 0, missed: 0, silent_before: 1 }));
		start_session(1, &[1, 2, 3, 4]);
		assert_eq!(tally_of(5), None);
		check_state();
	});
}
