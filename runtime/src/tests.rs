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
	let names: Vec<_> = Runtime::metadata_ir().pallets.into_iter().map(|p| p.name).collect();
	for pallet in [
		"System",
		"Timestamp",
		"Babe",
		"Grandpa",
		"Authorship",
		"CollatorSelection",
		"Session",
		"Balances",
		"TransactionPayment",
		"Sudo",
		"ComputeMarket",
		"DataRegistry",
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
	let ours = Runtime::metadata_at_version(16).expect("the runtime has V16 metadata");
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
