//! Genesis presets: `development` (Alice validates alone), `local_testnet` (Alice, Bob,
//! Charlie and Dave validate, from their `//stash` accounts) and `load` (`development` with
//! thousands of funded senders for the load generator, `scripts/load.mjs`). In all of them the
//! well-known development accounts (with their stashes) are funded, Alice holds the sudo key,
//! Alice, Bob and Charlie are the Council and Dave, Eve and Ferdie the Technical Committee.
//! These presets are for development and tests only: `scripts/testnet.mjs` writes the chain
//! spec of a real network, with fresh keys and no sudo.

use crate::{
	configs::{SessionKeys, BABE_GENESIS_EPOCH_CONFIG},
	AccountId, BabeConfig, BalancesConfig, CollatorSelectionConfig, CouncilConfig,
	RuntimeGenesisConfig, SessionConfig, SudoConfig, TechnicalCommitteeConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each well-known development account holds at genesis: one million ALM.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// The validators of the `local_testnet` preset. GRANDPA finalizes with more than two thirds
/// of its voters, so four is the smallest set that keeps finalizing with one node down.
///
/// Each validator is an account (`//Alice//stash`, ...) that receives the author's share of the
/// fees, and the tips, of the blocks it authors, with session keys from the well-known seeds: an sr25519 (BABE) key to author and an
/// ed25519 (GRANDPA) key to vote, which `--alice` and so on put into a node's keystore. Keeping
/// the validator accounts apart from `//Alice` and the others lets clients and tests use those
/// accounts without block fees landing in their balances. The validators are the invulnerables:
/// no candidate can displace them, and only root can remove them.
pub const LOCAL_TESTNET_VALIDATORS: [(Sr25519Keyring, Sr25519Keyring, Ed25519Keyring); 4] = [
	(Sr25519Keyring::AliceStash, Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::BobStash, Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::CharlieStash, Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::DaveStash, Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

/// The bond a validator candidate puts up at genesis: 1,000 ALM (root may change it with
/// `collatorSelection.setCandidacyBond`). A seat in the validator set goes to the highest bonds.
pub const CANDIDACY_BOND: crate::Balance = 1_000 * UNIT;

/// Validator seats collator selection offers candidates besides the invulnerables (root may
/// change it with `collatorSelection.setDesiredCandidates`, up to `MaxCandidates`). The session
/// seats no more of them than `configs::validators::open_seats` allows: one beside the `local`
/// preset's four invulnerables, none beside the `dev` preset's one.
pub const DESIRED_CANDIDATES: u32 = 4;

/// The Council of the development presets.
pub const COUNCIL: [Sr25519Keyring; 3] =
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// The Technical Committee of the development presets.
pub const TECHNICAL_COMMITTEE: [Sr25519Keyring; 3] =
	[Sr25519Keyring::Dave, Sr25519Keyring::Eve, Sr25519Keyring::Ferdie];

/// The name of the `load` preset (`--chain load`).
pub const LOAD_RUNTIME_PRESET: &str = "load";

/// The senders of the `load` preset: accounts `//Sender//0` … `//Sender//19999` of the
/// development phrase (pallet-balances' `dev_accounts`), enough to fill several blocks of
/// any call with one transaction per sender.
pub const LOAD_SENDERS: u32 = 20_000;

/// How the load senders are derived: from the development phrase's seed written out in hex,
/// so the same `//Sender//{index}` keys come without a key stretch per account (deriving from
/// the phrase takes 6 ms per account here, two minutes for 20,000 senders).
pub const LOAD_DERIVATION: &str =
	"0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e//Sender//{}";

/// What each load sender holds: enough for a provider's stake, a job's escrow and deposit,
/// bid bonds and fees in every phase of the load generator.
pub const LOAD_ENDOWMENT: crate::Balance = 10_000 * UNIT;

fn genesis(
	validators: Vec<(AccountId, BabeId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		// BABE and GRANDPA learn their authorities from the session pallet.
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		collator_selection: CollatorSelectionConfig {
			invulnerables: validators.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
			candidacy_bond: CANDIDACY_BOND,
			desired_candidates: DESIRED_CANDIDATES,
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|(account, babe, grandpa)| {
					(
						account.clone(),
						account.clone(),
						SessionKeys { babe: babe.clone(), grandpa: grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		council: CouncilConfig {
			members: COUNCIL.iter().map(|k| k.to_account_id()).collect::<Vec<_>>()
		},
		technical_committee: TechnicalCommitteeConfig {
			members: TECHNICAL_COMMITTEE.iter().map(|k| k.to_account_id()).collect::<Vec<_>>(),
		},
	})
}

/// The account, BABE key and GRANDPA key of a development validator, from well-known seeds.
fn validator_keys(
	(account, babe, grandpa): (Sr25519Keyring, Sr25519Keyring, Ed25519Keyring),
) -> (AccountId, BabeId, GrandpaId) {
	(account.to_account_id(), babe.public().into(), grandpa.public().into())
}

fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// `development`: Alice authors and finalizes alone.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![validator_keys(LOCAL_TESTNET_VALIDATORS[0])],
		endowed_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave author and finalize.
pub fn local_config_genesis() -> Value {
	genesis(
		LOCAL_TESTNET_VALIDATORS.into_iter().map(validator_keys).collect(),
		endowed_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `load`: `development` plus `LOAD_SENDERS` funded senders, derived at genesis by
/// pallet-balances from `//Sender//{index}`.
pub fn load_config_genesis() -> Value {
	let mut patch = development_config_genesis();
	if let Some(balances) = patch.get_mut("balances").and_then(Value::as_object_mut) {
		balances.insert(
			"devAccounts".into(),
			serde_json::json!([LOAD_SENDERS, LOAD_ENDOWMENT, LOAD_DERIVATION]),
		);
	}
	patch
}

/// The JSON of the preset with the given name, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		LOAD_RUNTIME_PRESET => load_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(LOAD_RUNTIME_PRESET),
	]
}
