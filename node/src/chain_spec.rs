//! Chain specifications built from the runtime's genesis presets.

use allmende_runtime::{TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::ChainType;

/// The chain specification of an Allmende chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format, so wallets such as polkadot.js Apps show ALM.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The WASM runtime is not available: this node was built with SKIP_WASM_BUILD.".to_string()
	})
}

/// `--dev`: Alice authors and finalizes alone.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Allmende Development")
		.with_id("allmende_dev")
		.with_protocol_id("allmende")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice, Bob, Charlie and Dave author and finalize.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Allmende Local Testnet")
		.with_id("allmende_local_testnet")
		.with_protocol_id("allmende")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain load`: `--dev` plus thousands of funded senders (`//Sender//0`, ...) for the load
/// generator, `scripts/load.mjs`.
pub fn load_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Allmende Load")
		.with_id("allmende_load")
		.with_protocol_id("allmende")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(
			allmende_runtime::genesis_config_presets::LOAD_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}
