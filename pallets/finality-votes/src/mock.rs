//! A test runtime with a GRANDPA set the tests choose, and keys made from seeds.

use crate as pallet_finality_votes;
use crate::{RoundVotes, SignedPrecommit, Voters};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_consensus_grandpa::{AuthorityId, AuthoritySignature, AuthorityWeight, RoundNumber, SetId};
use sp_core::{ed25519, Pair, H256};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type FinalityVotes = pallet_finality_votes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// The current set: its id and its voters (weight 1 each), each with a number the tests do
	/// not use.
	pub static CurrentSet: (SetId, Vec<(AuthorityId, u64)>) = (0, Vec::new());
	/// How many sessions in a row a validator must be silent in to be named.
	pub static SilentSessions: u32 = 1;
}

/// The voters of [`CurrentSet`].
pub struct TestVoters;

impl Voters for TestVoters {
	fn current() -> (SetId, Vec<(AuthorityId, AuthorityWeight)>) {
		let (set_id, voters) = CurrentSet::get();
		(set_id, voters.into_iter().map(|(id, _)| (id, 1)).collect())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_current(set_id: SetId, voters: Vec<AuthorityId>) {
		CurrentSet::set((set_id, voters.into_iter().map(|id| (id, 0)).collect()));
	}
}

impl pallet_finality_votes::Config for Test {
	type ValidatorId = u64;
	type Voters = TestVoters;
	type MaxVoters = ConstU32<8>;
	type SilentAfter = ConstU32<3>;
	type SilentSessions = SilentSessions;
	type WeightInfo = ();
}

/// The key of validator `who`.
pub fn pair(who: u64) -> ed25519::Pair {
	ed25519::Pair::from_seed(&sp_io::hashing::blake2_256(&who.to_le_bytes()))
}

/// The GRANDPA key of validator `who`.
pub fn key(who: u64) -> AuthorityId {
	pair(who).public().into()
}

/// Makes validators `who` the voters of set `set_id`, without a new session.
pub fn set_voters(set_id: SetId, who: &[u64]) {
	CurrentSet::set((set_id, who.iter().map(|w| (key(*w), *w)).collect()));
}

/// Starts a session of validators `who`, voting in set `set_id`.
pub fn start_session(set_id: SetId, who: &[u64]) {
	set_voters(set_id, who);
	FinalityVotes::start_session(who.iter().map(|w| (key(*w), *w)).collect());
}

/// A precommit by `who` for block #1 in `round` of set `set_id`.
pub fn precommit(who: u64, round: RoundNumber, set_id: SetId) -> SignedPrecommit<H256, u64> {
	let precommit =
		finality_grandpa::Precommit { target_hash: H256::repeat_byte(1), target_number: 1 };
	let payload = sp_consensus_grandpa::localized_payload(
		round,
		set_id,
		&finality_grandpa::Message::Precommit(precommit.clone()),
	);
	let signature: AuthoritySignature = pair(who).sign(&payload).into();
	SignedPrecommit { precommit, signature, id: key(who) }
}

/// The precommits of `who` in `round` of set `set_id`.
pub fn round_votes(who: &[u64], round: RoundNumber, set_id: SetId) -> RoundVotes<H256, u64> {
	RoundVotes { round, precommits: who.iter().map(|w| precommit(*w, round, set_id)).collect() }
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		System::set_block_number(1);
		start_session(0, &[]);
	});
	ext
}
