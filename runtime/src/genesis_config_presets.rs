//! Genesis presets: `development` (Alice validates alone) and `local_testnet` (Alice, Bob,
//! Charlie and Dave validate). In both, the well-known development accounts are funded and
//! Alice holds the sudo key.

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each well-known development account holds at genesis: one million ALM.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// The validators of the `local_testnet` preset. GRANDPA finalizes with more than two thirds
/// of its voters, so four is the smallest set that keeps finalizing with one node down.
/// Each validator signs blocks with its sr25519 (Aura) key and votes with its ed25519 (GRANDPA) key.
pub const LOCAL_TESTNET_VALIDATORS: [(Sr25519Keyring, Ed25519Keyring); 4] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

fn genesis(
	validators: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: validators.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The Aura and GRANDPA keys of a development account, derived from its well-known seed.
fn validator_keys((aura, grandpa): (Sr25519Keyring, Ed25519Keyring)) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
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

/// The JSON of the preset with the given name, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
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
	]
}
