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

#[test]
fn development_preset_has_alice_as_only_validator() {
	preset_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.len(), 1);
		assert_eq!(aura[0], Sr25519Keyring::Alice.public().into());
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		check_funded_and_sudo();
	});
}

#[test]
fn local_testnet_preset_has_four_validators() {
	preset_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.into_iter()
		.map(|k| k.public().into())
		.collect();
		assert_eq!(aura.into_inner(), expected);
		let grandpa = Grandpa::grandpa_authorities();
		assert_eq!(grandpa.len(), 4);
		assert!(grandpa.iter().all(|(_, weight)| *weight == 1));
		check_funded_and_sudo();
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
	assert_eq!(
		genesis_config_presets::preset_names(),
		vec![sp_genesis_builder::PresetId::from(DEV_RUNTIME_PRESET), LOCAL_TESTNET_RUNTIME_PRESET.into()]
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
		<dyn sp_consensus_aura::AuraApi<Block, sp_consensus_aura::sr25519::AuthorityId>>::ID,
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
		"Aura",
		"Grandpa",
		"Balances",
		"TransactionPayment",
		"Sudo",
		"ComputeMarket",
		"DataRegistry",
	] {
		assert!(names.contains(&pallet), "{pallet} is in the metadata: {names:?}");
	}
}
