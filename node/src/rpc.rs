//! The node's JSON-RPC methods beyond Substrate's standard set (`system_*`, `chain_*`,
//! `state_*`, `author_*`): account nonces (`system_accountNextIndex`), fees (`payment_*`) and
//! BABE's slot assignments (`babe_epochAuthorship`, an unsafe method: local RPC only).

use std::sync::Arc;

use allmende_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_consensus_babe::BabeWorkerHandle;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;

/// What BABE's RPC needs.
pub struct BabeDeps {
	/// Answers questions about epochs.
	pub worker_handle: BabeWorkerHandle<Block>,
	/// The node's keystore, to tell which slots its keys may author.
	pub keystore: KeystorePtr,
}

/// What the RPC methods need from the node.
pub struct FullDeps<C, P, SC> {
	/// The client, to call the runtime.
	pub client: Arc<C>,
	/// The transaction pool, to count pending transactions in nonces.
	pub pool: Arc<P>,
	/// BABE's epoch data and the keystore.
	pub babe: BabeDeps,
	/// The best chain, for BABE's RPC.
	pub select_chain: SC,
}

/// All RPC methods the node adds to Substrate's standard ones.
pub fn create_full<C, P, SC>(
	deps: FullDeps<C, P, SC>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: sp_consensus_babe::BabeApi<Block>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, babe, select_chain } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Babe::new(client, babe.worker_handle, babe.keystore, select_chain).into_rpc())?;

	Ok(module)
}
