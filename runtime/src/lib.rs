//! # Allmende runtime
//!
//! The state-transition function of the Allmende chain: an open market for AI compute.
//! Block production is BABE, finality is GRANDPA, and the validator set is open: collator
//! selection chooses each session's validators from the genesis validators (invulnerables) and
//! the candidates with the highest bonds. Funds are `pallet-balances` with holds.
//!
//! - [`configs`]: the `Config` of every pallet and the values chosen for them.
//! - [`apis`]: the runtime APIs the node and clients call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` style macros need a higher recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

/// The pallets whose weights the benchmark CLI measures.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks {
	frame_benchmarking::define_benchmarks!(
		[frame_system, frame_system_benchmarking::Pallet::<crate::Runtime>]
		[pallet_compute_market, crate::ComputeMarket]
		[pallet_data_registry, crate::DataRegistry]
		[pallet_finality_votes, crate::FinalityVotes]
	);

	impl frame_system_benchmarking::Config for super::Runtime {}
}

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use sp_runtime::{Perbill, Permill};

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	pub use crate::configs::SessionKeys;
}

/// The version of the runtime. Bump `spec_version` on every change of behaviour.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("allmende"),
	impl_name: alloc::borrow::Cow::Borrowed("allmende-node"),
	authoring_version: 1,
	spec_version: 118,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// 2: `place_bid` takes a bond. 3: jobs name a tolerance, arbiters reveal verdicts.
	// 4: `post_offer` takes a scope, content declares its size.
	transaction_version: 4,
	system_version: 1,
};

/// Target block time in milliseconds. BABE has at most one block per slot.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// One BABE slot lasts one block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// The token: ALM with 12 decimals. `UNIT` is one ALM in its smallest unit.
pub const TOKEN_SYMBOL: &str = "ALM";
pub const TOKEN_DECIMALS: u32 = 12;
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = 1_000_000_000;
pub const MICRO_UNIT: Balance = 1_000_000;

/// An account below this balance is removed from state: 1 milli-ALM.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Signature type of the chain's transactions.
pub type Signature = MultiSignature;
/// Account identifier: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in the smallest unit of ALM.
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Hash of a block or a trie node.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// How accounts are addressed in calls.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block as the node sees it.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction goes through.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as submitted to the chain.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload that is signed.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade.
type Migrations = (
	pallet_compute_market::migrations::BuildArbiterStakes<Runtime>,
	pallet_compute_market::migrations::DropBidReputation<Runtime>,
	pallet_compute_market::migrations::AddTolerance<Runtime>,
	pallet_compute_market::migrations::AddContentSizes<Runtime>,
	pallet_compute_market::migrations::AddPauseMark<Runtime>,
	pallet_compute_market::migrations::RecordJobTerms<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	// The order below is the order of genesis building and of the block hooks: BABE first (it
	// sets the slot and the epoch), collator selection before session (the session's genesis
	// asks it for the first validators), GRANDPA after session (it learns its voters from it).
	#[runtime::pallet_index(2)]
	pub type Babe = pallet_babe;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(7)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(8)]
	pub type CollatorSelection = pallet_collator_selection;

	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	// Each session's validator set, kept to prove who held a key when it equivocated.
	#[runtime::pallet_index(13)]
	pub type Historical = pallet_session::historical;

	// Equivocation reports, handed to `configs::validators::SlashEquivocators`.
	#[runtime::pallet_index(12)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	// Who votes in GRANDPA: an inherent notes each finished round; see
	// `configs::validators`.
	#[runtime::pallet_index(21)]
	pub type FinalityVotes = pallet_finality_votes;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(10)]
	pub type ComputeMarket = pallet_compute_market;

	#[runtime::pallet_index(11)]
	pub type DataRegistry = pallet_data_registry;

	// Governance, see `configs::governance`.
	#[runtime::pallet_index(14)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(15)]
	pub type TechnicalCommittee = pallet_collective<Instance2>;

	#[runtime::pallet_index(16)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(17)]
	pub type Whitelist = pallet_whitelist;

	#[runtime::pallet_index(18)]
	pub type Parameters = pallet_parameters;

	// The emergency brakes.
	#[runtime::pallet_index(19)]
	pub type SafeMode = pallet_safe_mode;

	#[runtime::pallet_index(20)]
	pub type TxPause = pallet_tx_pause;
}

#[cfg(test)]
mod tests;
