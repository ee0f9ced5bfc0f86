//! Runtime tests: the genesis presets build, the version is what clients expect, and the
//! metadata describes every pallet.

use super::*;
use frame_support::genesis_builder_helper::build_state;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// Builds the genesis state of a preset the way the node does: the preset is a patch over the
/// default genesis config.
fn preset_state(name: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&name.into()).expect("the preset exists");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("a preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	sc_chain_spec::json_merge(&mut config, patch);
	let mut ext = sp_io::TestExternalities::new(Default::default());
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&config).unwrap())
			.expect("the preset builds a genesis state")
	});
	ext
}

fn check_funded_and_sudo() {
	for who in Sr25519Keyring::well_known() {
		assert_eq!(
			Balances::free_balance(who.to_account_id()),
			genesis_config_presets::ENDOWMENT,
			"{who:?} is funded"
		);
	}
	assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
}

/// The validators of a preset (account, BABE key), as every pallet that keeps them sees them.
/// Collator selection keeps its invulnerables sorted by account, so the session's validators and
/// BABE's authorities come in that order.
fn check_validators(expected: &[(Sr25519Keyring, Sr25519Keyring)]) {
	let mut accounts: Vec<AccountId> = expected.iter().map(|(a, _)| a.to_account_id()).collect();
	accounts.sort();
	assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(), accounts);
	assert_eq!(Session::validators(), accounts, "the first session's validators");
	assert_eq!(Session::queued_keys().len(), expected.len(), "the second session's validators");
	let babe_key_of = |account: &AccountId| -> sp_consensus_babe::AuthorityId {
		let (_, key) = expected.iter().find(|(a, _)| a.to_account_id() == *account).unwrap();
		key.public().into()
	};
	let babe: Vec<sp_consensus_babe::AuthorityId> =
		Babe::authorities().iter().map(|(id, _)| id.clone()).collect();
	let expected_babe: Vec<_> = accounts.iter().map(babe_key_of).collect();
	assert_eq!(babe, expected_babe, "BABE authority i is the key of session validator i");
	let grandpa = Grandpa::grandpa_authorities();
	assert_eq!(grandpa.len(), expected.len());
	assert!(grandpa.iter().all(|(_, weight)| *weight == 1));
	assert_eq!(
		pallet_collator_selection::CandidacyBond::<Runtime>::get(),
		genesis_config_presets::CANDIDACY_BOND
	);
	assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());
}

#[test]
fn development_preset_has_alice_as_only_validator() {
	preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
		check_validators(&[(Sr25519Keyring::AliceStash, Sr25519Keyring::Alice)]);
		check_funded_and_sudo();
	});
}

#[test]
fn local_testnet_preset_has_four_validators() {
	preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		check_validators(&[
			(Sr25519Keyring::AliceStash, Sr25519Keyring::Alice),
			(Sr25519Keyring::BobStash, Sr25519Keyring::Bob),
			(Sr25519Keyring::CharlieStash, Sr25519Keyring::Charlie),
			(Sr25519Keyring::DaveStash, Sr25519Keyring::Dave),
		]);
		check_funded_and_sudo();
	});
}

#[test]
fn every_chosen_validator_set_fits_the_authority_bound() {
	use frame_support::traits::Get;
	type Selection = <Runtime as pallet_collator_selection::Config>::MaxCandidates;
	type Invulnerables = <Runtime as pallet_collator_selection::Config>::MaxInvulnerables;
	let most = <Selection as Get<u32>>::get() + <Invulnerables as Get<u32>>::get();
	assert!(most <= <configs::MaxAuthorities as Get<u32>>::get(), "{most} validators fit");
	assert!(genesis_config_presets::DESIRED_CANDIDATES <= <Selection as Get<u32>>::get());
	// A candidate gets time to author its first block: it joins two sessions after registering.
	assert!(configs::KickThreshold::get() >= 2 * configs::SESSION_PERIOD_IN_BLOCKS);
}

#[test]
fn load_preset_funds_the_senders_a_wallet_derives_from_the_development_phrase() {
	use sp_core::{sr25519, Pair};
	let sender = |i: u32| -> AccountId {
		// The way wallets and polkadot.js derive `//Sender//i`: from the phrase, not the seed.
		sr25519::Pair::from_string(&format!("//Sender//{i}"), None)
			.unwrap()
			.public()
			.into()
	};
	preset_state(genesis_config_presets::LOAD_RUNTIME_PRESET).execute_with(|| {
		check_funded_and_sudo();
		check_validators(&[(Sr25519Keyring::AliceStash, Sr25519Keyring::Alice)]);
		let n = genesis_config_presets::LOAD_SENDERS;
		for i in [0, 1, n / 2, n - 1] {
			assert_eq!(
				Balances::free_balance(sender(i)),
				genesis_config_presets::LOAD_ENDOWMENT,
				"//Sender//{i} is funded"
			);
		}
		assert_eq!(Balances::free_balance(sender(n)), 0, "no more than LOAD_SENDERS senders");
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
	assert_eq!(
		genesis_config_presets::preset_names(),
		vec![
			sp_genesis_builder::PresetId::from(DEV_RUNTIME_PRESET),
			LOCAL_TESTNET_RUNTIME_PRESET.into(),
			genesis_config_presets::LOAD_RUNTIME_PRESET.into(),
		]
	);
}

#[test]
fn runtime_version_names_allmende() {
	assert_eq!(VERSION.spec_name, "allmende");
	assert_eq!(VERSION.impl_name, "allmende-node");
	assert!(VERSION.spec_version >= 100);
	// The node and clients find the APIs they need in the version.
	use sp_api::RuntimeApiInfo;
	for id in [
		<dyn sp_api::Core<Block>>::ID,
		<dyn sp_block_builder::BlockBuilder<Block>>::ID,
		<dyn sp_consensus_babe::BabeApi<Block>>::ID,
		<dyn sp_session::SessionKeys<Block>>::ID,
		<dyn sp_consensus_grandpa::GrandpaApi<Block>>::ID,
		<dyn sp_genesis_builder::GenesisBuilder<Block>>::ID,
	] {
		assert!(VERSION.apis.iter().any(|(api, _)| *api == id), "API {id:?} is declared");
	}
}

#[test]
fn metadata_includes_every_pallet() {
	// Governed constants (the market's parameters) read their current value from storage.
	let metadata = sp_io::TestExternalities::default().execute_with(Runtime::metadata_ir);
	let names: Vec<_> = metadata.pallets.into_iter().map(|p| p.name).collect();
	for pallet in [
		"System",
		"Timestamp",
		"Babe",
		"Grandpa",
		"FinalityVotes",
		"Authorship",
		"CollatorSelection",
		"Session",
		"Balances",
		"TransactionPayment",
		"Sudo",
		"ComputeMarket",
		"DataRegistry",
		"Council",
		"TechnicalCommittee",
		"Preimage",
		"Whitelist",
		"Parameters",
		"SafeMode",
		"TxPause",
	] {
		assert!(names.contains(&pallet), "{pallet} is in the metadata: {names:?}");
	}
}

#[test]
fn transaction_extensions_are_charged_with_paritydb_weights() {
	use frame_support::weights::constants::{ParityDbWeight, RocksDbWeight};
	use frame_system::ExtensionsWeightInfo;
	// The same measured execution time as frame-system's defaults, but the database part of
	// every signed extrinsic's extensions is charged at ParityDB's cost, the node's database.
	// `check_nonce` reads and writes the sender's account once.
	let ours = <Runtime as frame_system::Config>::ExtensionsWeightInfo::check_nonce();
	let rocksdb = <() as ExtensionsWeightInfo>::check_nonce();
	assert_eq!(
		ours + RocksDbWeight::get().reads_writes(1, 1),
		rocksdb + ParityDbWeight::get().reads_writes(1, 1)
	);
	assert!(ours.ref_time() < rocksdb.ref_time());
}

#[test]
fn a_session_change_block_keeps_room_for_transactions() {
	use frame_support::{dispatch::DispatchClass, traits::PreInherents};
	preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let limits = configs::RuntimeBlockWeights::get();
		let normal = limits.get(DispatchClass::Normal).max_total.expect("normal has a limit");
		// Block 21 changed the session: its on_initialize charged the base block and, for
		// pallet-session, the whole block.
		System::set_block_number(21);
		let charged = limits.base_block.saturating_add(limits.max_block);
		frame_system::BlockWeight::<Runtime>::mutate(|w| {
			w.accrue(charged, DispatchClass::Mandatory)
		});
		// A block that did not start an epoch keeps what it was charged.
		pallet_babe::EpochStart::<Runtime>::put((11, 20));
		configs::SessionChangeWeight::pre_inherents();
		assert_eq!(System::block_weight().get(DispatchClass::Mandatory), &charged);
		// The block that started the epoch is charged the rotation's bound instead.
		pallet_babe::EpochStart::<Runtime>::put((11, 21));
		configs::SessionChangeWeight::pre_inherents();
		let mandatory = *System::block_weight().get(DispatchClass::Mandatory);
		assert_eq!(
			mandatory,
			limits.base_block.saturating_add(configs::SessionChangeWeight::rotation())
		);
		// As much room for transactions as any block: the normal class fits beside it.
		assert!(mandatory.saturating_add(normal).all_lte(limits.max_block), "{mandatory:?}");
	});
}

/// The metadata the agent's chain types are generated from (`agent/metadata.scale`, subxt's
/// codegen): this runtime's, so that a runtime change the agent does not follow breaks the
/// agent's build instead of a running agent. `ALLMENDE_WRITE_METADATA=1` writes the file.
#[test]
fn the_agent_s_metadata_file_is_this_runtime_s() {
	let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../agent/metadata.scale");
	// Governed constants read their value from storage: an empty one gives their defaults.
	let ours = sp_io::TestExternalities::default()
		.execute_with(|| Runtime::metadata_at_version(16))
		.expect("the runtime has V16 metadata");
	if std::env::var_os("ALLMENDE_WRITE_METADATA").is_some() {
		std::fs::write(&path, &*ours).expect("the metadata file is written");
	}
	let file = std::fs::read(&path).expect("agent/metadata.scale exists");
	assert!(
		file == *ours,
		"agent/metadata.scale is not this runtime's metadata: write it again with \
		 `ALLMENDE_WRITE_METADATA=1 SKIP_WASM_BUILD=1 cargo test --release --locked -p \
		 allmende-runtime the_agent_s_metadata_file`, then fix what the agent's build finds"
	);
}

mod fees {
	use super::*;
	use configs::{DealWithFees, AUTHOR_FEE_SHARE};
	use frame_support::{
		dispatch::DispatchClass,
		traits::{
			fungible::{Balanced, Inspect},
			tokens::{Fortitude, Precision, Preservation},
		},
		weights::{constants::ExtrinsicBaseWeight, Weight, WeightToFee as _},
	};
	use pallet_transaction_payment::Multiplier;
	use sp_runtime::traits::{Convert, One};

	type FeeUpdate = <Runtime as pallet_transaction_payment::Config>::FeeMultiplierUpdate;

	/// Takes `amount` from `who` as the transaction-payment pallet takes a fee.
	fn withdraw(
		who: &AccountId,
		amount: Balance,
	) -> frame_support::traits::fungible::Credit<AccountId, Balances> {
		<Balances as Balanced<AccountId>>::withdraw(
			who,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.expect("the account pays")
	}

	#[test]
	fn an_author_gets_a_fifth_of_each_fee_and_the_tips_and_the_rest_is_burnt() {
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			let (payer, author) =
				(Sr25519Keyring::Bob.to_account_id(), Sr25519Keyring::Charlie.to_account_id());
			let (fee, tip) = (7 * MILLI_UNIT + 3, 2 * MILLI_UNIT);
			let (issuance, author_had) = (Balances::total_issuance(), Balances::balance(&author));
			DealWithFees::pay(
				Some(author.clone()),
				withdraw(&payer, fee),
				Some(withdraw(&payer, tip)),
			);
			let share = AUTHOR_FEE_SHARE * fee;
			assert!(share > 0 && share < fee / 4);
			assert_eq!(Balances::balance(&author), author_had + share + tip);
			assert_eq!(Balances::total_issuance(), issuance - (fee - share));
		});
	}

	#[test]
	fn an_author_filling_its_own_block_pays_most_of_its_fees() {
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			// A validator's own transactions in its own block: it gets back only its share.
			let author = Sr25519Keyring::Charlie.to_account_id();
			let had = Balances::balance(&author);
			let fee = 10 * MILLI_UNIT;
			for _ in 0..5 {
				DealWithFees::pay(Some(author.clone()), withdraw(&author, fee), None);
			}
			assert_eq!(had - Balances::balance(&author), 5 * (fee - AUTHOR_FEE_SHARE * fee));
		});
	}

	#[test]
	fn a_share_the_author_cannot_take_is_burnt_too() {
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			// A new account cannot take less than the existential deposit.
			let author = AccountId::from([7u8; 32]);
			let payer = Sr25519Keyring::Bob.to_account_id();
			let fee = EXISTENTIAL_DEPOSIT;
			assert!(AUTHOR_FEE_SHARE * fee < EXISTENTIAL_DEPOSIT);
			let issuance = Balances::total_issuance();
			DealWithFees::pay(Some(author.clone()), withdraw(&payer, fee), None);
			assert_eq!(Balances::balance(&author), 0);
			assert_eq!(Balances::total_issuance(), issuance - fee);
			// Without an author, all of it.
			DealWithFees::pay(None, withdraw(&payer, fee), Some(withdraw(&payer, fee)));
			assert_eq!(Balances::total_issuance(), issuance - 3 * fee);
		});
	}

	#[test]
	fn the_fee_multiplier_rises_after_full_blocks_and_falls_back_to_its_floor() {
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			let limits = configs::RuntimeBlockWeights::get();
			let normal = limits.get(DispatchClass::Normal).max_total.expect("normal has a limit");
			// The chain bounds blocks by time only (proof size is unlimited): fullness is
			// ref_time.
			let fill = |ref_time: u64| {
				frame_system::BlockWeight::<Runtime>::mutate(|b| {
					b.set(Weight::from_parts(ref_time, 0), DispatchClass::Normal);
				})
			};
			// The rule: next = m · (1 + v·s + (v·s)²/2), s the fullness above the target (25 %)
			// as a share of the normal limit, v = 0.01.
			let rate = |s: f64| 1.0 + 0.01 * s + (0.01 * s).powi(2) / 2.0;
			let ratio = |next: Multiplier, m: Multiplier| next.to_float() / m.to_float();
			// Full blocks: about +0.75 % each, block after block.
			fill(normal.ref_time());
			let mut m = Multiplier::one();
			for _ in 0..10 {
				let next = FeeUpdate::convert(m);
				assert!((ratio(next, m) - rate(0.75)).abs() < 1e-6, "{next:?} after {m:?}");
				m = next;
			}
			// At the target fullness it stays.
			fill(normal.ref_time() / 4);
			assert_eq!(FeeUpdate::convert(m), m);
			// Empty blocks: about −0.25 % each, and never below one.
			fill(0);
			let next = FeeUpdate::convert(m);
			assert!((ratio(next, m) - rate(-0.25)).abs() < 1e-6, "{next:?} after {m:?}");
			for _ in 0..10_000 {
				let next = FeeUpdate::convert(m);
				assert!(next <= m && next >= Multiplier::one());
				m = next;
			}
			assert_eq!(m, Multiplier::one());
		});
	}

	#[test]
	fn weight_and_length_are_priced() {
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			// The weight every extrinsic has costs 0.1 mALM; twice the weight, twice the fee.
			let base = ExtrinsicBaseWeight::get();
			assert_eq!(configs::WeightToFee::weight_to_fee(&base), MILLI_UNIT / 10);
			assert_eq!(
				configs::WeightToFee::weight_to_fee(&base.saturating_mul(2)),
				MILLI_UNIT / 5
			);
			// Each byte of a transaction's encoding costs `TransactionByteFee`.
			let info =
				frame_support::dispatch::DispatchInfo { call_weight: base, ..Default::default() };
			let fee =
				|len| pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, 0);
			assert_eq!(fee(1_100) - fee(100), 1_000 * configs::TransactionByteFee::get());
		});
	}
}

mod validators {
	use super::*;
	use configs::validators::{open_seats, SlashEquivocators, ValidatorSeats};
	use frame_support::traits::ReservableCurrency;
	use pallet_session::SessionManager;
	use sp_consensus_babe::digests::{CompatibleDigestItem, PreDigest, SecondaryPlainPreDigest};
	use sp_core::Pair;
	use sp_keyring::Ed25519Keyring;
	use sp_runtime::{traits::Header as _, DigestItem};

	/// What the session pallet holds for registered keys.
	fn key_deposit_held(who: &AccountId) -> Balance {
		use frame_support::traits::fungible::InspectHold;
		Balances::balance_on_hold(&pallet_session::HoldReason::Keys.into(), who)
	}

	/// Makes `who` a candidate with session keys of `keyring` (their deposit held, as
	/// `session.set_keys` holds it), bonding `bond`.
	fn candidate(keyring: Sr25519Keyring, grandpa: Ed25519Keyring, bond: Balance) -> AccountId {
		use frame_support::traits::fungible::MutateHold;
		let who = keyring.to_account_id();
		let keys = configs::SessionKeys {
			babe: keyring.public().into(),
			grandpa: grandpa.public().into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(&who, keys);
		assert_ok(Balances::hold(
			&pallet_session::HoldReason::Keys.into(),
			&who,
			configs::SessionKeyDeposit::get(),
		));
		assert_ok(CollatorSelection::register_as_candidate(RuntimeOrigin::signed(who.clone())));
		if bond != genesis_config_presets::CANDIDACY_BOND {
			assert_ok(CollatorSelection::update_bond(RuntimeOrigin::signed(who.clone()), bond));
		}
		who
	}

	fn assert_ok<T, E: core::fmt::Debug>(r: Result<T, E>) {
		r.expect("the call succeeds");
	}

	/// A block header at `slot` by BABE authority `index`, sealed by `keyring`; `extra` makes
	/// two headers of one slot differ.
	fn sealed_header(keyring: Sr25519Keyring, index: u32, slot: u64, extra: u8) -> Header {
		let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
			authority_index: index,
			slot: slot.into(),
		});
		let mut header = Header::new(
			1,
			Default::default(),
			Default::default(),
			[extra; 32].into(),
			sp_runtime::Digest { logs: vec![DigestItem::babe_pre_digest(pre_digest)] },
		);
		let signature: sp_consensus_babe::AuthoritySignature =
			keyring.pair().sign(header.hash().as_ref()).into();
		header.digest_mut().push(DigestItem::babe_seal(signature));
		header
	}

	/// Reports, as a node does, that `keyring` (the session validator at `index`) sealed two
	/// blocks in one slot.
	fn report_babe_equivocation(
		keyring: Sr25519Keyring,
		index: u32,
	) -> frame_support::dispatch::DispatchResultWithPostInfo {
		use frame_support::traits::KeyOwnerProofSystem;
		let offender: sp_consensus_babe::AuthorityId = keyring.public().into();
		let proof = sp_consensus_babe::EquivocationProof {
			offender: offender.clone(),
			slot: 1.into(),
			first_header: sealed_header(keyring, index, 1, 1),
			second_header: sealed_header(keyring, index, 1, 2),
		};
		let key_owner_proof = Historical::prove((sp_consensus_babe::KEY_TYPE, offender))
			.expect("the offender's key is in the current session");
		Babe::report_equivocation_unsigned(RuntimeOrigin::none(), Box::new(proof), key_owner_proof)
	}

	fn offence_reported() -> bool {
		System::events().iter().any(|r| {
			matches!(r.event, RuntimeEvent::Offences(pallet_offences::Event::Offence { .. }))
		})
	}

	#[test]
	fn the_open_seats_hold_less_than_a_third_of_the_votes_and_no_fewer_than_that_allows() {
		for invulnerables in 1..=8usize {
			let open = open_seats(invulnerables);
			let seats = invulnerables + open;
			assert!(3 * open < seats, "{open} of {seats} seats is less than a third");
			assert!(
				3 * invulnerables > 2 * seats,
				"{invulnerables} invulnerables alone finalize among {seats} seats"
			);
			// One more open seat would give the candidates a third or more.
			assert!(3 * (open + 1) >= seats + 1, "{invulnerables}: the limit is the largest");
		}
		assert_eq!(open_seats(0), usize::MAX, "without invulnerables candidates hold every seat");
	}

	/// Several accounts of one party, each bonding to take a seat, get together no more seats
	/// than the limit: the highest bonds take the open seats, the invulnerables keep theirs.
	#[test]
	fn candidates_bonding_with_many_accounts_get_only_the_open_seats() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			let ferdie = candidate(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie, 3 * bond);
			let one = candidate(Sr25519Keyring::EveStash, Ed25519Keyring::EveStash, 2 * bond);
			let invulnerables = pallet_collator_selection::Invulnerables::<Runtime>::get();
			assert_eq!(pallet_collator_selection::DesiredCandidates::<Runtime>::get(), 4);
			let set = <ValidatorSeats as SessionManager<AccountId>>::new_session(2)
				.expect("a set is chosen");
			let mut expected = invulnerables.to_vec();
			expected.push(ferdie.clone());
			assert_eq!(set, expected, "the four invulnerables and the highest bond");
			assert!(!set.contains(&eve) && !set.contains(&one));
			assert_eq!(set.len() - invulnerables.len(), open_seats(invulnerables.len()));
		});
	}

	#[test]
	fn limiting_keeps_the_invulnerables_and_the_candidates_in_their_order() {
		let a = |k: Sr25519Keyring| k.to_account_id();
		let invulnerables = [a(Sr25519Keyring::Alice), a(Sr25519Keyring::Bob)];
		let (eve, ferdie) = (a(Sr25519Keyring::Eve), a(Sr25519Keyring::Ferdie));
		let proposed =
			vec![invulnerables[0].clone(), invulnerables[1].clone(), eve.clone(), ferdie.clone()];
		let mut first = invulnerables.to_vec();
		first.push(eve);
		assert_eq!(ValidatorSeats::limit_to(proposed.clone(), &invulnerables, 1), first);
		assert_eq!(ValidatorSeats::limit_to(proposed.clone(), &invulnerables, 0), invulnerables);
		assert_eq!(ValidatorSeats::limit_to(proposed.clone(), &[], usize::MAX), proposed);
	}

	/// An invulnerable without session keys takes no seat (the session pallet leaves it out),
	/// so it does not count towards the candidates' seats either.
	#[test]
	fn invulnerables_without_keys_do_not_make_room_for_candidates() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			candidate(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie, bond);
			let invulnerables = pallet_collator_selection::Invulnerables::<Runtime>::get();
			// Two of the four invulnerables purge their keys: the two left leave no open seat.
			for v in invulnerables.iter().take(2) {
				pallet_session::NextKeys::<Runtime>::remove(v);
			}
			let set = <ValidatorSeats as SessionManager<AccountId>>::new_session(2)
				.expect("a set is chosen");
			assert!(!set.contains(&eve), "no candidate is seated: {set:?}");
			assert_eq!(set, invulnerables.to_vec());
		});
	}

	/// A candidate that seals two blocks in one slot is reported as a node reports it: the
	/// session disables it, part of its bond is burnt and its candidacy ends with the rest
	/// returned. A second report of the same slot changes nothing.
	#[test]
	fn an_equivocating_candidate_is_disabled_slashed_and_loses_its_candidacy() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			// Eve holds the open seat in the current session.
			pallet_session::Validators::<Runtime>::mutate(|v| v.push(eve.clone()));
			let index = Session::validators().iter().position(|v| *v == eve).unwrap() as u32;
			let issuance = Balances::total_issuance();
			let free = Balances::free_balance(&eve);
			let keys = configs::SessionKeyDeposit::get();
			assert_eq!(Balances::reserved_balance(&eve), bond + keys);

			assert_ok(report_babe_equivocation(Sr25519Keyring::Eve, index));
			assert!(offence_reported());
			assert_eq!(Session::disabled_validators(), vec![index], "eve is disabled");
			let burnt = issuance - Balances::total_issuance();
			assert!(burnt > 0 && burnt < bond, "part of the bond is burnt: {burnt}");
			assert_eq!(key_deposit_held(&eve), keys, "the key deposit is not touched");
			assert_eq!(Balances::reserved_balance(&eve), keys, "only the key deposit is held");
			assert_eq!(Balances::free_balance(&eve), free + bond - burnt, "the rest returned");
			assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());

			// The same equivocation again: refused, nothing more is taken.
			assert!(report_babe_equivocation(Sr25519Keyring::Eve, index).is_err());
			assert_eq!(issuance - Balances::total_issuance(), burnt);
		});
	}

	/// Starts a session whose validators are `voters` (GRANDPA key, BABE key, account), with those keys
	/// queued as the session pallet has them when it calls the session manager, and makes them
	/// GRANDPA's current set.
	fn grandpa_session(voters: &[(Ed25519Keyring, Sr25519Keyring, AccountId)]) {
		pallet_session::QueuedKeys::<Runtime>::put(
			voters
				.iter()
				.map(|(grandpa, babe, who)| {
					(
						who.clone(),
						configs::SessionKeys {
							babe: babe.public().into(),
							grandpa: grandpa.public().into(),
						},
					)
				})
				.collect::<Vec<_>>(),
		);
		<ValidatorSeats as SessionManager<AccountId>>::start_session(Session::current_index());
		let list = voters.iter().map(|(k, _, _)| (k.public().into(), 1)).collect::<Vec<_>>();
		pallet_grandpa::Authorities::<Runtime>::put(pallet_grandpa::BoundedAuthorityList::<
			configs::MaxAuthorities,
		>::force_from(list, None));
	}

	/// The local preset's validators and eve, as `grandpa_session` takes them.
	fn validators_and(eve: &AccountId) -> Vec<(Ed25519Keyring, Sr25519Keyring, AccountId)> {
		let mut voters: Vec<_> = genesis_config_presets::LOCAL_TESTNET_VALIDATORS
			.iter()
			.map(|(account, babe, grandpa)| (*grandpa, *babe, account.to_account_id()))
			.collect();
		voters.push((Ed25519Keyring::Eve, Sr25519Keyring::Eve, eve.clone()));
		voters
	}

	/// Notes a session of `SILENT_AFTER` rounds signed by `signers`, and ends it.
	fn session_of_rounds(
		voters: &[(Ed25519Keyring, Sr25519Keyring, AccountId)],
		signers: &[Ed25519Keyring],
		first_round: u64,
	) {
		grandpa_session(voters);
		for round in first_round..first_round + u64::from(configs::validators::SILENT_AFTER) {
			note_round(round, signers);
		}
		<ValidatorSeats as SessionManager<AccountId>>::end_session(Session::current_index());
	}

	/// Notes, in a block of its own, a round whose precommits are by `signers`.
	fn note_round(round: u64, signers: &[Ed25519Keyring]) {
		System::set_block_number(System::block_number() + 1);
		let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
		let precommit = sp_consensus_grandpa::Precommit::<Header> {
			target_hash: Default::default(),
			target_number: 1,
		};
		let payload = sp_consensus_grandpa::localized_payload(
			round,
			set_id,
			&sp_consensus_grandpa::Message::<Header>::Precommit(precommit.clone()),
		);
		let precommits = signers
			.iter()
			.map(|k| pallet_finality_votes::SignedPrecommit::<Hash, BlockNumber> {
				precommit: precommit.clone(),
				signature: k.pair().sign(&payload).into(),
				id: k.public().into(),
			})
			.collect::<Vec<_>>();
		assert_ok(FinalityVotes::note_votes(
			RuntimeOrigin::none(),
			round,
			precommits.try_into().expect("fewer than MaxAuthorities"),
		));
	}

	fn silent(who: &AccountId) -> bool {
		System::events().iter().any(|r| {
			matches!(&r.event, RuntimeEvent::FinalityVotes(
				pallet_finality_votes::Event::Silent { who: w, .. }) if w == who)
		})
	}

	/// A candidate that authors but votes in no GRANDPA round of two sessions in a row loses its
	/// seat at the second's end, and gets its bond back; the validators that voted keep theirs.
	/// Registering new keys mid-session does not take it out of the count.
	#[test]
	fn a_candidate_that_votes_in_no_round_of_two_sessions_loses_its_candidacy() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			let keys = configs::SessionKeyDeposit::get();
			let voters = validators_and(&eve);
			let invulnerables: Vec<_> = voters[..4].iter().map(|(k, _, _)| *k).collect();
			session_of_rounds(&voters, &invulnerables, 1);
			assert!(!silent(&eve), "one silent session is not enough");
			assert_eq!(pallet_collator_selection::CandidateList::<Runtime>::get().len(), 1);

			// Eve registers another GRANDPA key: the session pallet forgets the old key's
			// owner at once, while the old key votes (or not) for the rest of the session.
			grandpa_session(&voters);
			pallet_session::KeyOwner::<Runtime>::remove((
				sp_consensus_grandpa::KEY_TYPE,
				sp_core::crypto::ByteArray::to_raw_vec(&Ed25519Keyring::Eve.public()),
			));
			for round in 10..10 + u64::from(configs::validators::SILENT_AFTER) {
				note_round(round, &invulnerables);
			}
			assert_eq!(Balances::reserved_balance(&eve), bond + keys);
			<ValidatorSeats as SessionManager<AccountId>>::end_session(Session::current_index());

			assert!(silent(&eve));
			assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());
			assert_eq!(Balances::reserved_balance(&eve), keys, "the bond came back");
			assert!(!voters[..4].iter().any(|(_, _, who)| silent(who)));
			assert_eq!(pallet_collator_selection::Invulnerables::<Runtime>::get().len(), 4);
		});
	}

	/// An invulnerable that does not vote is named, and stays: governance chose it. A candidate
	/// that votes keeps its seat.
	#[test]
	fn a_silent_invulnerable_is_named_and_a_candidate_that_voted_stays() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			let voters = validators_and(&eve);
			let dave = voters[3].2.clone();
			use Ed25519Keyring::{Alice, Bob, Charlie, Eve};
			session_of_rounds(&voters, &[Alice, Bob, Charlie, Eve], 1);
			session_of_rounds(&voters, &[Alice, Bob, Charlie, Eve], 10);
			assert!(silent(&dave));
			assert!(pallet_collator_selection::Invulnerables::<Runtime>::get().contains(&dave));
			assert!(!silent(&eve));
			assert_eq!(pallet_collator_selection::CandidateList::<Runtime>::get().len(), 1);
		});
	}

	/// The vote inherent goes through the call filter like any call without a signer: safe mode
	/// must let it through, or no author holding votes could build a block.
	#[test]
	fn safe_mode_lets_the_vote_inherent_through() {
		use frame_support::traits::Contains;
		let call = RuntimeCall::FinalityVotes(pallet_finality_votes::Call::note_votes {
			round: 1,
			precommits: Default::default(),
		});
		assert!(configs::governance::SafeModeWhitelist::contains(&call));
		// The transaction pause refuses to pause it: see
		// `the_committee_pauses_a_call_a_deadline_needs_and_the_market_s_clock_stops`.
	}

	/// An invulnerable has no bond: an equivocation disables it and takes nothing.
	#[test]
	fn an_equivocating_invulnerable_is_disabled_and_keeps_its_balance() {
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let alice = Sr25519Keyring::AliceStash.to_account_id();
			let index = Session::validators().iter().position(|v| *v == alice).unwrap() as u32;
			let account = System::account(&alice);
			assert_ok(report_babe_equivocation(Sr25519Keyring::Alice, index));
			assert!(offence_reported());
			assert_eq!(Session::disabled_validators(), vec![index]);
			assert_eq!(System::account(&alice).data, account.data);
		});
	}

	/// The offences pallet hands an offence over again, with all earlier offenders of the same
	/// slot, when another validator is reported for it: a candidate already punished loses
	/// nothing more.
	#[test]
	fn an_offender_handed_over_again_is_not_slashed_twice() {
		use sp_staking::offence::{OffenceDetails, OnOffenceHandler};
		preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, bond);
			let offender = [OffenceDetails { offender: (eve.clone(), ()), reporters: vec![] }];
			let fraction = [sp_runtime::Perbill::from_percent(36)];
			let issuance = Balances::total_issuance();
			SlashEquivocators::on_offence(&offender, &fraction, 0);
			let burnt = issuance - Balances::total_issuance();
			assert_eq!(burnt, fraction[0] * bond);
			SlashEquivocators::on_offence(&offender, &fraction, 0);
			assert_eq!(issuance - Balances::total_issuance(), burnt, "nothing more");
			// Its free balance can pay for another candidacy: it is not touched.
			assert!(Balances::can_reserve(&eve, bond));
			// A new candidacy is not the one that offended in session 0.
			assert_ok(CollatorSelection::register_as_candidate(RuntimeOrigin::signed(eve.clone())));
			SlashEquivocators::on_offence(&offender, &fraction, 0);
			assert_eq!(issuance - Balances::total_issuance(), burnt, "the new bond is kept");
			// Records of offences too old to report are cleared at a session change.
			assert!(configs::validators::Punished::contains_key(0, &eve));
			let _ = <ValidatorSeats as SessionManager<AccountId>>::new_session(
				configs::validators::HISTORY_SESSIONS + 1,
			);
			assert!(!configs::validators::Punished::contains_key(0, &eve));
			assert_eq!(key_deposit_held(&eve), configs::SessionKeyDeposit::get());
		});
	}

	/// In the `dev` preset collator selection needs every candidate (one invulnerable, at least
	/// four eligible): an equivocating candidate keeps its candidacy there, its record lowered
	/// by what was burnt and still sorted, so that leaving later returns exactly what is left.
	#[test]
	fn a_candidacy_that_cannot_end_stays_with_the_bond_that_is_left() {
		use sp_staking::offence::{OffenceDetails, OnOffenceHandler};
		preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(1);
			let bond = genesis_config_presets::CANDIDACY_BOND;
			let eve = candidate(Sr25519Keyring::Eve, Ed25519Keyring::Eve, 2 * bond);
			let ferdie = candidate(Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie, 3 * bond / 2);
			// Eve holds a seat in the current session.
			pallet_session::Validators::<Runtime>::mutate(|v| v.push(eve.clone()));
			let offender = [OffenceDetails { offender: (eve.clone(), ()), reporters: vec![] }];
			let fraction = sp_runtime::Perbill::from_percent(36);
			SlashEquivocators::on_offence(&offender, &[fraction], 0);
			let left = 2 * bond - fraction * (2 * bond);
			// Handed over again (another validator reported for the slot): nothing more is
			// burnt from the bond it keeps.
			SlashEquivocators::on_offence(&offender, &[fraction], 0);
			let entries: Vec<_> = pallet_collator_selection::CandidateList::<Runtime>::get()
				.iter()
				.map(|c| (c.who.clone(), c.deposit))
				.collect();
			assert_eq!(
				entries,
				vec![(eve.clone(), left), (ferdie, 3 * bond / 2)],
				"sorted by bond"
			);
			let keys = configs::SessionKeyDeposit::get();
			assert_eq!(Balances::reserved_balance(&eve), left + keys);
			// With enough other candidates it may leave: it gets back what is left, and the
			// key deposit stays held.
			candidate(Sr25519Keyring::Bob, Ed25519Keyring::Bob, bond);
			candidate(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie, bond);
			candidate(Sr25519Keyring::Dave, Ed25519Keyring::Dave, bond);
			let free = Balances::free_balance(&eve);
			assert_ok(CollatorSelection::leave_intent(RuntimeOrigin::signed(eve.clone())));
			assert_eq!(Balances::free_balance(&eve), free + left);
			assert_eq!(Balances::reserved_balance(&eve), keys);
			assert_eq!(key_deposit_held(&eve), keys);
		});
	}
}

mod governance {
	use super::*;
	use configs::{
		compute_market::dynamic_params::market,
		compute_market::{RuntimeParameters, RuntimeParametersKey, RuntimeParametersValue},
		governance::{MarketPaused, SafeModeDeposit},
	};
	use frame_support::{
		dispatch::{DispatchResult, GetDispatchInfo},
		traits::{fungible::InspectHold, Get, Hooks},
	};
	use genesis_config_presets::{COUNCIL, TECHNICAL_COMMITTEE};
	use sp_runtime::traits::{Dispatchable, Hash as _};

	type MarketConfig = <Runtime as pallet_compute_market::Config>::ChallengeBond;

	/// The result of the last motion executed by either body, from the events.
	fn executed() -> Option<DispatchResult> {
		System::events().into_iter().rev().find_map(|r| match r.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. })
			| RuntimeEvent::TechnicalCommittee(pallet_collective::Event::Executed {
				result, ..
			}) => Some(result.map_err(|e| e.into())),
			_ => None,
		})
	}

	/// Proposes `call` to the collective `I` with a two-thirds threshold, has the first `ayes`
	/// of `members` vote for it and the others against, and closes it. Returns what the call
	/// returned, or `None` when the motion did not pass.
	fn motion<I: 'static>(
		members: &[Sr25519Keyring],
		ayes: usize,
		call: RuntimeCall,
	) -> Option<DispatchResult>
	where
		Runtime: pallet_collective::Config<I, Proposal = RuntimeCall>,
	{
		System::reset_events();
		let threshold = (members.len() as u32 * 2).div_ceil(3);
		let len = codec::Encode::encoded_size(&call) as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		let index = pallet_collective::ProposalCount::<Runtime, I>::get();
		let proposer = members[0].to_account_id();
		pallet_collective::Pallet::<Runtime, I>::propose(
			RuntimeOrigin::signed(proposer.clone()),
			threshold,
			Box::new(call),
			len,
		)
		.expect("a member proposes");
		for member in &members[..ayes] {
			pallet_collective::Pallet::<Runtime, I>::vote(
				RuntimeOrigin::signed(member.to_account_id()),
				hash,
				index,
				true,
			)
			.expect("a member votes");
		}
		for member in &members[ayes..] {
			pallet_collective::Pallet::<Runtime, I>::vote(
				RuntimeOrigin::signed(member.to_account_id()),
				hash,
				index,
				false,
			)
			.expect("a member votes");
		}
		pallet_collective::Pallet::<Runtime, I>::close(
			RuntimeOrigin::signed(proposer),
			hash,
			index,
			weight,
			len,
		)
		.expect("every member voted, so the motion closes");
		executed()
	}

	fn council(ayes: usize, call: RuntimeCall) -> Option<DispatchResult> {
		motion::<configs::governance::CouncilCollective>(&COUNCIL, ayes, call)
	}

	fn committee(ayes: usize, call: RuntimeCall) -> Option<DispatchResult> {
		motion::<configs::governance::TechnicalCollective>(&TECHNICAL_COMMITTEE, ayes, call)
	}

	fn set_challenge_bond(value: Balance) -> RuntimeCall {
		RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
			key_value: RuntimeParameters::Market(market::Parameters::ChallengeBond(
				market::ChallengeBond,
				Some(value),
			)),
		})
	}

	fn dev() -> sp_io::TestExternalities {
		let mut ext = preset_state(DEV_RUNTIME_PRESET);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	#[test]
	fn the_development_presets_name_a_council_and_a_committee() {
		dev().execute_with(|| {
			let accounts = |keys: &[Sr25519Keyring]| -> Vec<AccountId> {
				keys.iter().map(|k| k.to_account_id()).collect()
			};
			let mut council = accounts(&COUNCIL);
			council.sort();
			let mut committee = accounts(&TECHNICAL_COMMITTEE);
			committee.sort();
			assert_eq!(
				pallet_collective::Members::<Runtime, configs::governance::CouncilCollective>::get(
				),
				council
			);
			assert_eq!(
				pallet_collective::Members::<Runtime, configs::governance::TechnicalCollective>::get(),
				committee
			);
		});
	}

	#[test]
	fn two_thirds_of_the_council_set_a_market_parameter_and_the_market_uses_it() {
		dev().execute_with(|| {
			let before = MarketConfig::get();
			let value = before + 7 * UNIT;
			// One member of three is not enough.
			assert_eq!(council(1, set_challenge_bond(value)), None, "one aye does not pass");
			assert_eq!(MarketConfig::get(), before);
			// An account outside the council cannot set it either.
			assert!(set_challenge_bond(value)
				.dispatch(RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()))
				.is_err());
			assert_eq!(council(2, set_challenge_bond(value)), Some(Ok(())));
			assert_eq!(MarketConfig::get(), value, "the market reads the new value");
			assert_eq!(
				pallet_parameters::Parameters::<Runtime>::get(RuntimeParametersKey::Market(
					market::ParametersKey::ChallengeBond(market::ChallengeBond)
				)),
				Some(RuntimeParametersValue::Market(market::ParametersValue::ChallengeBond(value)))
			);
		});
	}

	/// The market's parameters as clients read them: through its runtime API, as the runtime
	/// implements it.
	fn parameters_for_clients() -> pallet_compute_market::runtime_api::MarketParameters<Runtime> {
		use pallet_compute_market::runtime_api::{
			runtime_decl_for_compute_market_api::ComputeMarketApiV2, JobDetails, MarketParameters,
		};
		<Runtime as ComputeMarketApiV2<
			Block,
			AccountId,
			pallet_compute_market::Provider<Runtime>,
			JobDetails<Runtime>,
			MarketParameters<Runtime>,
		>>::parameters()
	}

	#[test]
	fn clients_read_a_parameter_the_council_changed_through_the_market_s_runtime_api() {
		dev().execute_with(|| {
			// Clients find the call by the API's version.
			use sp_api::RuntimeApiInfo;
			type Api = dyn pallet_compute_market::runtime_api::ComputeMarketApi<
				Block,
				AccountId,
				pallet_compute_market::Provider<Runtime>,
				pallet_compute_market::runtime_api::JobDetails<Runtime>,
				pallet_compute_market::runtime_api::MarketParameters<Runtime>,
			>;
			assert!(VERSION.apis.iter().any(|(id, v)| *id == Api::ID && *v == 2));
			let before = parameters_for_clients();
			let raised = before.min_bid_bond * 3;
			let fraction = Perbill::from_percent(25);
			assert_ne!(before.bid_bond_fraction, fraction);
			let set = |p| {
				RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
					key_value: RuntimeParameters::Market(p),
				})
			};
			assert_eq!(
				council(2, set(market::Parameters::MinBidBond(market::MinBidBond, Some(raised)))),
				Some(Ok(()))
			);
			assert_eq!(
				council(
					2,
					set(market::Parameters::BidBondFraction(
						market::BidBondFraction,
						Some(fraction)
					))
				),
				Some(Ok(()))
			);
			let after = parameters_for_clients();
			assert_eq!(after.min_bid_bond, raised);
			assert_eq!(after.bid_bond_fraction, fraction);
			assert_eq!(after.challenge_bond, before.challenge_bond, "the others stay");
			// What a bid must hold follows: the agent and the scripts compute it from these two.
			let max_price = 100 * UNIT;
			assert_eq!(ComputeMarket::bid_bond(max_price), 25 * UNIT);
			assert_eq!(ComputeMarket::bid_bond(UNIT), raised);
		});
	}

	#[test]
	fn a_governed_bond_or_period_never_falls_below_the_market_s_floor() {
		dev().execute_with(|| {
			let zero_bond = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Market(market::Parameters::MinBidBond(
					market::MinBidBond,
					Some(0),
				)),
			});
			let zero_period = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Market(market::Parameters::ChallengePeriod(
					market::ChallengePeriod,
					Some(0),
				)),
			});
			assert_eq!(council(2, zero_bond), Some(Ok(())));
			assert_eq!(council(2, zero_period), Some(Ok(())));
			assert_eq!(
				<Runtime as pallet_compute_market::Config>::MinBidBond::get(),
				EXISTENTIAL_DEPOSIT
			);
			assert_eq!(<Runtime as pallet_compute_market::Config>::ChallengePeriod::get(), 1);
			// Clients are told the floors, not the zeros set.
			let told = parameters_for_clients();
			assert_eq!((told.min_bid_bond, told.challenge_period), (EXISTENTIAL_DEPOSIT, 1));
			// Nor beyond its ceiling: a challenge window that never ends would hold every
			// provider's pay and bond for good.
			let endless = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Market(market::Parameters::ChallengePeriod(
					market::ChallengePeriod,
					Some(BlockNumber::MAX),
				)),
			});
			assert_eq!(council(2, endless), Some(Ok(())));
			assert_eq!(
				<Runtime as pallet_compute_market::Config>::ChallengePeriod::get(),
				configs::compute_market::LongestChallengePeriod::get()
			);
		});
	}

	#[test]
	fn a_prime_member_and_silence_pass_nothing() {
		dev().execute_with(|| {
			use configs::governance::CouncilCollective;
			let members: Vec<AccountId> = COUNCIL.iter().map(|k| k.to_account_id()).collect();
			let alice = members[0].clone();
			RuntimeCall::Council(pallet_collective::Call::set_members {
				new_members: members.clone(),
				prime: Some(alice.clone()),
				old_count: members.len() as u32,
			})
			.dispatch(RuntimeOrigin::root())
			.expect("root sets a prime");
			let call = set_challenge_bond(MarketConfig::get() + UNIT);
			let (len, weight) =
				(codec::Encode::encoded_size(&call) as u32, call.get_dispatch_info().call_weight);
			let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
			pallet_collective::Pallet::<Runtime, CouncilCollective>::propose(
				RuntimeOrigin::signed(alice.clone()),
				2,
				Box::new(call),
				len,
			)
			.unwrap();
			pallet_collective::Pallet::<Runtime, CouncilCollective>::vote(
				RuntimeOrigin::signed(alice.clone()),
				hash,
				0,
				true,
			)
			.unwrap();
			// The others stay silent past the motion's end.
			let end = System::block_number() + configs::governance::CouncilMotionDuration::get();
			System::set_block_number(end + 1);
			System::reset_events();
			let before = MarketConfig::get();
			pallet_collective::Pallet::<Runtime, CouncilCollective>::close(
				RuntimeOrigin::signed(alice),
				hash,
				0,
				weight,
				len,
			)
			.unwrap();
			assert!(System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. })
			)));
			assert_eq!(MarketConfig::get(), before);
		});
	}

	#[test]
	fn the_council_alone_does_not_choose_the_validators() {
		dev().execute_with(|| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			let add =
				RuntimeCall::CollatorSelection(pallet_collator_selection::Call::add_invulnerable {
					who: eve.clone(),
				});
			assert!(matches!(council(3, add.clone()), Some(Err(_))));
			assert!(!pallet_collator_selection::Invulnerables::<Runtime>::get().contains(&eve));
			let bond = RuntimeCall::CollatorSelection(
				pallet_collator_selection::Call::set_candidacy_bond { bond: 1 },
			);
			assert!(matches!(council(3, bond), Some(Err(_))));
		});
	}

	/// `System::authorize_upgrade` for some code: a call only root may make.
	fn root_call() -> (RuntimeCall, Hash) {
		let code_hash = <Runtime as frame_system::Config>::Hashing::hash(b"a new runtime");
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		(call, hash)
	}

	fn dispatch_whitelisted(call: RuntimeCall) -> RuntimeCall {
		RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
			call: Box::new(call),
		})
	}

	#[test]
	fn root_needs_the_committee_s_whitelist_and_the_council_s_dispatch_in_either_order() {
		// Committee first, then the council.
		dev().execute_with(|| {
			let (call, hash) = root_call();
			let whitelist =
				RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash: hash });
			assert_eq!(committee(1, whitelist.clone()), None, "a third of the committee");
			assert_eq!(committee(2, whitelist), Some(Ok(())));
			// Whitelisted, but nobody outside the council can dispatch it.
			assert!(dispatch_whitelisted(call.clone())
				.dispatch(RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id()))
				.is_err());
			assert!(System::authorized_upgrade().is_none());
			assert_eq!(council(2, dispatch_whitelisted(call)), Some(Ok(())));
			assert!(System::authorized_upgrade().is_some(), "root acted");
		});
		// Council first: its dispatch waits for the whitelist, then anyone may relay it.
		dev().execute_with(|| {
			let (call, hash) = root_call();
			assert_eq!(council(2, dispatch_whitelisted(call.clone())), Some(Ok(())));
			assert!(System::authorized_upgrade().is_none(), "the council alone is not root");
			let whitelist =
				RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash: hash });
			assert_eq!(committee(2, whitelist), Some(Ok(())));
			let relayer = Sr25519Keyring::Eve.to_account_id();
			dispatch_whitelisted(call)
				.dispatch(RuntimeOrigin::signed(relayer))
				.expect("anyone relays a dispatch both bodies approved");
			assert!(System::authorized_upgrade().is_some(), "root acted");
		});
	}

	#[test]
	fn neither_body_alone_changes_the_members_of_either() {
		dev().execute_with(|| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			let set_members = RuntimeCall::Council(pallet_collective::Call::set_members {
				new_members: vec![eve.clone()],
				prime: None,
				old_count: COUNCIL.len() as u32,
			});
			assert!(matches!(council(3, set_members.clone()), Some(Err(_))));
			assert!(matches!(committee(3, set_members), Some(Err(_))));
			assert_eq!(
				pallet_collective::Members::<Runtime, configs::governance::CouncilCollective>::get(
				)
				.len(),
				COUNCIL.len()
			);
		});
	}

	/// Whether a market call from `who` is stopped by the call filter (`withdraw_stake`: without
	/// a stake it fails, but with the market's own error).
	fn market_stopped(who: &AccountId) -> bool {
		let result = RuntimeCall::ComputeMarket(pallet_compute_market::Call::withdraw_stake {})
			.dispatch(RuntimeOrigin::signed(who.clone()));
		let filtered: sp_runtime::DispatchError =
			frame_system::Error::<Runtime>::CallFiltered.into();
		assert!(result.is_err(), "no stake to withdraw");
		result.map_err(|e| e.error) == Err(filtered)
	}

	#[test]
	fn safe_mode_entered_by_deposit_stops_the_market_and_its_clock_until_the_council_ends_it() {
		dev().execute_with(|| {
			let ferdie = Sr25519Keyring::Ferdie.to_account_id();
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert!(!MarketPaused::get());
			RuntimeCall::SafeMode(pallet_safe_mode::Call::enter {})
				.dispatch(RuntimeOrigin::signed(ferdie.clone()))
				.expect("anyone enters safe mode with the deposit");
			assert_eq!(
				Balances::balance_on_hold(
					&RuntimeHoldReason::SafeMode(pallet_safe_mode::HoldReason::EnterOrExtend),
					&ferdie
				),
				SafeModeDeposit::get().unwrap()
			);
			assert!(MarketPaused::get());
			assert!(market_stopped(&alice), "market calls are stopped");
			let paused = pallet_compute_market::PausedBlocks::<Runtime>::get();
			ComputeMarket::on_initialize(2);
			assert_eq!(
				pallet_compute_market::PausedBlocks::<Runtime>::get(),
				paused + 1,
				"the market counts the block as paused"
			);
			let exit = RuntimeCall::SafeMode(pallet_safe_mode::Call::force_exit {});
			assert_eq!(council(1, exit.clone()), None);
			assert_eq!(council(2, exit), Some(Ok(())), "the council ends it");
			assert!(!MarketPaused::get());
			assert!(!market_stopped(&alice));
			ComputeMarket::on_initialize(3);
			assert_eq!(pallet_compute_market::PausedBlocks::<Runtime>::get(), paused + 1);
		});
	}

	fn call_name(pallet: &str, call: &str) -> pallet_tx_pause::RuntimeCallNameOf<Runtime> {
		(
			pallet.as_bytes().to_vec().try_into().unwrap(),
			call.as_bytes().to_vec().try_into().unwrap(),
		)
	}

	#[test]
	fn the_committee_pauses_a_call_a_deadline_needs_and_the_market_s_clock_stops() {
		dev().execute_with(|| {
			let pause = |pallet: &str, call: &str| {
				RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
					full_name: call_name(pallet, call),
				})
			};
			// Pausing a call no deadline needs stops that call only.
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert!(!market_stopped(&alice));
			assert_eq!(committee(2, pause("ComputeMarket", "withdraw_stake")), Some(Ok(())));
			assert!(market_stopped(&alice));
			assert!(!MarketPaused::get());
			assert_eq!(council(1, pause("ComputeMarket", "commit_result")), None);
			assert_eq!(committee(1, pause("ComputeMarket", "commit_result")), None);
			assert!(!MarketPaused::get(), "a third of the committee cannot pause");
			assert_eq!(committee(2, pause("ComputeMarket", "commit_result")), Some(Ok(())));
			assert!(MarketPaused::get());
			// Governance itself cannot be paused, nor the calls that end safe mode …
			for (pallet, call) in [
				("Council", "vote"),
				("SafeMode", "force_exit"),
				("TxPause", "unpause"),
				("FinalityVotes", "note_votes"),
			] {
				assert_eq!(
					committee(2, pause(pallet, call)),
					Some(Err(pallet_tx_pause::Error::<Runtime>::Unpausable.into())),
					"{pallet}.{call}"
				);
			}
			// … but entering safe mode by deposit can be, against a party that keeps doing it.
			assert_eq!(committee(2, pause("SafeMode", "enter")), Some(Ok(())));
			assert!(RuntimeCall::SafeMode(pallet_safe_mode::Call::enter {})
				.dispatch(RuntimeOrigin::signed(Sr25519Keyring::Ferdie.to_account_id()))
				.is_err());
			assert!(!pallet_safe_mode::Pallet::<Runtime>::is_entered());
			let unpause = RuntimeCall::TxPause(pallet_tx_pause::Call::unpause {
				ident: call_name("ComputeMarket", "commit_result"),
			});
			assert_eq!(council(2, unpause), Some(Ok(())), "the council lifts a pause");
			assert!(!MarketPaused::get());
		});
	}
}
