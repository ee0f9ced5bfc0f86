//! The configuration of every pallet in the runtime, with the values chosen and why.

use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::{Balanced, Credit},
		ConstU128, ConstU32, ConstU64, ConstU8, Imbalance, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::{ExtrinsicBaseWeight, ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight,
	},
	PalletId,
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{
	impl_opaque_keys,
	traits::{Bounded, One, OpaqueKeys},
	FixedPointNumber, Perbill, Perquintill,
};
use sp_version::RuntimeVersion;

pub mod compute_market;
mod data_registry;
pub mod governance;
pub mod validators;

use super::{
	AccountId, Babe, Balance, Balances, Block, BlockNumber, CollatorSelection, Grandpa, Hash,
	Historical, Nonce, Offences, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Session, System,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_SECS_PER_BLOCK, MILLI_UNIT, MINUTES, SLOT_DURATION,
	UNIT, VERSION,
};

/// Share of a block's weight and length open to normal transactions; the rest is kept for
/// operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Most bytes in a block.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The most validators the chain can have: BABE and GRANDPA authority lists are bounded by it.
/// It equals `MaxInvulnerables + MaxCandidates`, so the set chosen at a session boundary always
/// fits (checked in the runtime tests).
pub type MaxAuthorities = ConstU32<32>;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute per six-second block leave time to import and gossip the block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB per block, of which normal transactions may fill `NORMAL_DISPATCH_RATIO`.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate address format.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// A session change charges what rotating the session costs, not a whole block: see
	/// [`SessionChangeWeight`].
	type PreInherents = SessionChangeWeight;
	/// Safe mode and paused calls stop what they stop; see `governance`.
	type BaseCallFilter = frame_support::traits::InsideBoth<super::SafeMode, super::TxPause>;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB.
	type DbWeight = ParityDbWeight;
	/// frame-system's measured weights with our `DbWeight`, for its calls and for the
	/// transaction extensions every signed extrinsic runs (nonce, weight, mortality, …); the
	/// defaults (`()`) assume RocksDB's dearer reads and writes.
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

/// One BABE epoch, which is also one session: the validator set and the session keys can
/// change only at its boundary. **Devnet: 10 blocks (1 minute)**, so that a new validator
/// joins, and an idle one is removed, within an end-to-end test. A production network would
/// choose **2,400 blocks (4 hours)**, as Polkadot does; the length is fixed at genesis.
pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = MINUTES;
/// A session lasts one epoch: BABE's epoch change triggers the session rotation.
pub const SESSION_PERIOD_IN_BLOCKS: BlockNumber = EPOCH_DURATION_IN_BLOCKS;

/// The chance that a validator wins a BABE primary slot is `1 - (1 - c)^(1/n)` summed over the
/// set; with c = 1/4 about a quarter of slots have a primary (VRF) author, and every other slot
/// goes to its secondary author, whose VRF output also feeds the epoch randomness.
pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);

/// BABE's configuration at genesis; the runtime can change it later with
/// `babe.plan_config_change` (root).
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

parameter_types! {
	pub const EpochDuration: u64 = EPOCH_DURATION_IN_BLOCKS as u64;
	pub const ExpectedBlockTime: u64 = MILLI_SECS_PER_BLOCK;
}

impl pallet_babe::Config for Runtime {
	/// Slots per epoch (one slot per block time); see [`EPOCH_DURATION_IN_BLOCKS`].
	type EpochDuration = EpochDuration;
	/// 6,000 ms.
	type ExpectedBlockTime = ExpectedBlockTime;
	/// The session pallet ends an epoch when it rotates the session.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	/// A key's owner in a past session is proven against the historical session roots.
	type KeyOwnerProof = sp_session::MembershipProof;
	/// Nodes report a validator that authored two blocks in one slot; the offences pallet
	/// hands it to [`validators::SlashEquivocators`].
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

parameter_types! {
	/// An equivocation report is valid for as long as the sessions it can be proven in are
	/// kept ([`validators::HISTORY_SESSIONS`]).
	pub const ReportLongevity: u64 =
		validators::HISTORY_SESSIONS as u64 * EPOCH_DURATION_IN_BLOCKS as u64;
}

/// The randomness the market folds into its trail at the start of every block (and draws a
/// job's winners and arbiters with): the VRF output of the parent block's BABE author.
///
/// Why this one and not `RandomnessFromOneEpochAgo`: an epoch-old value is known to everyone
/// for a whole epoch, so a requester could compute the draw before deciding to challenge and
/// challenge only when its own accounts would be drawn. A block's VRF output is known to
/// nobody but its author until the block exists — and its author knows it well in advance
/// (it depends on the epoch's randomness, the slot and the author's key). So the market
/// draws `DrawDelay` (2) blocks after the last bid or the challenge, with all of those
/// blocks' outputs folded in: foreseeing a draw takes authoring every one of them, and an
/// author of one of them can only withhold its block (losing its slot and fees) for one
/// other draw.
///
/// BABE gives no VRF output for the genesis block; there (only in block 1) the value falls
/// back to a hash of the subject, which anyone can compute.
pub struct MarketRandomness;

impl frame_support::traits::Randomness<crate::Hash, crate::BlockNumber> for MarketRandomness {
	fn random(subject: &[u8]) -> (crate::Hash, crate::BlockNumber) {
		use sp_runtime::traits::Hash as _;
		let (vrf, block) = pallet_babe::ParentBlockRandomness::<Runtime>::random(subject);
		(vrf.unwrap_or_else(|| sp_runtime::traits::BlakeTwo256::hash(subject)), block)
	}
}

impl pallet_authorship::Config for Runtime {
	/// The author is the session validator at BABE's authority index in the pre-digest.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	/// Collator selection records the last block each validator authored, to remove idle ones.
	type EventHandler = (CollatorSelection,);
}

impl_opaque_keys! {
	/// The session keys of a validator: BABE (sr25519) for authoring, GRANDPA (ed25519) for
	/// finality. `author_rotateKeysWithOwner` makes both on a node, with the ownership proof
	/// that `session.set_keys` checks.
	pub struct SessionKeys {
		pub babe: Babe,
		pub grandpa: Grandpa,
	}
}

parameter_types! {
	/// 1 ALM held while an account has session keys registered; returned by `session.purge_keys`.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	/// BABE ends a session at its epoch boundary.
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	/// Collator selection chooses the validators of each session: the invulnerables, then the
	/// candidates with the highest bonds, in fewer seats than would stop finality
	/// ([`validators::ValidatorSeats`]); each session's set is kept for proving equivocations.
	type SessionManager =
		pallet_session::historical::NoteHistoricalRoot<Self, validators::ValidatorSeats>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// An equivocating validator is disabled for the rest of the session, as long as fewer
	/// than a third of the set are.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// pallet-session charges a whole block (`max_block`) for a session change, whatever the
/// rotation costs. With 1-minute sessions every tenth block then took no transaction: a job
/// period lost a block to each session change, and a 2-block bidding period could lose its
/// only one. After every pallet's `on_initialize`, in a block that changed the session, this
/// takes back all of that charge but an upper bound of what a rotation here does
/// ([`SessionChangeWeight::rotation`]), so the block takes transactions like any other.
pub struct SessionChangeWeight;

impl SessionChangeWeight {
	/// An upper bound of a session rotation in this runtime: collator selection choosing the
	/// next set from a full candidate list and removing as many idle candidates (its
	/// benchmarked `new_session`, which collator selection also registers itself, so it is
	/// counted twice), and for every possible authority the reads and writes of the
	/// session's validator, queued and next keys, of BABE's and GRANDPA's authority sets, of
	/// the historical trie's key lookups and of the punished records cleared
	/// ([`validators::ValidatorSeats`]), twice over; and the candidates that did not vote in
	/// GRANDPA removed, as many as there can be voters.
	pub fn rotation() -> Weight {
		use frame_support::traits::Get as _;
		use pallet_collator_selection::WeightInfo as _;
		let candidates = <Runtime as pallet_collator_selection::Config>::MaxCandidates::get();
		let authorities = u64::from(<MaxAuthorities as frame_support::traits::Get<u32>>::get());
		let per_authority = 2 * 8;
		<Runtime as pallet_collator_selection::Config>::WeightInfo::new_session(
			candidates, candidates,
		)
		.saturating_add(validators::ValidatorSeats::remove_silent_weight())
		.saturating_add(
			<Runtime as frame_system::Config>::DbWeight::get()
				.reads_writes(per_authority * authorities + 32, per_authority * authorities + 32),
		)
	}
}

impl frame_support::traits::PreInherents for SessionChangeWeight {
	fn pre_inherents() {
		let now = frame_system::Pallet::<Runtime>::block_number();
		// The session ends with BABE's epoch (`ShouldEndSession = Babe`), and BABE records the
		// block that starts an epoch: this block changed the session exactly when it is that
		// block. Block 1 starts the first epoch without a rotation.
		if now <= 1 || pallet_babe::EpochStart::<Runtime>::get().1 != now {
			return;
		}
		let excess = RuntimeBlockWeights::get().max_block.saturating_sub(Self::rotation());
		frame_system::BlockWeight::<Runtime>::mutate(|consumed| {
			consumed.reduce(excess, DispatchClass::Mandatory)
		});
	}
}

parameter_types! {
	/// The account that collator selection pays block rewards from. Allmende pays no inflation
	/// reward: the author's share of fees and the tips go straight to it (see
	/// [`DealWithFees`]), so this pot stays empty.
	pub const PotId: PalletId = PalletId(*b"alm/vpot");
	/// A validator that authors no block for two sessions (20 blocks, 2 minutes on the devnet;
	/// 8 hours with production sessions) is removed from the candidates and gets its bond back.
	/// One session would remove honest validators too often: BABE assigns slots by lot, so an
	/// honest validator can go a whole 10-slot session without a block.
	pub const KickThreshold: BlockNumber = 2 * SESSION_PERIOD_IN_BLOCKS;
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// The candidacy bond is reserved by this pallet from polkadot-sdk (it predates holds); our
	/// own pallets use holds.
	type Currency = Balances;
	/// Adding or removing invulnerables, the bond and the number of candidate seats need root:
	/// the Technical Committee and the Council together (see `governance`).
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type PotId = PotId;
	/// At most 24 candidates: registering sorts the list, so its length bounds that call.
	type MaxCandidates = ConstU32<24>;
	/// Four validators is the fewest with which GRANDPA survives one of them going down; idle
	/// candidates are not removed and invulnerables cannot be removed below it.
	type MinEligibleCollators = ConstU32<4>;
	/// At most 8 invulnerables (the genesis validators and any root adds).
	type MaxInvulnerables = ConstU32<8>;
	type KickThreshold = KickThreshold;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	/// A candidate must have session keys registered.
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}

/// The share of each transaction fee paid to the block's author; the rest is burnt. Tips go
/// to the author whole. An author that fills its own blocks with its own transactions so pays
/// 80 % of their fees like anyone else: block space is not free to the validators.
pub const AUTHOR_FEE_SHARE: Perbill = Perbill::from_percent(20);

/// Pays the block's author its share of a transaction's fee and the whole tip, and burns the
/// rest of the fee (total issuance falls). Without an author (never on a BABE chain), or when
/// the author's account cannot take the amount (it would stay below the existential deposit),
/// that is burnt too.
pub struct DealWithFees;

impl DealWithFees {
	/// Splits `fee` and pays `tip` as [`DealWithFees`] does, to `author`.
	pub fn pay(
		author: Option<AccountId>,
		fee: Credit<AccountId, Balances>,
		tip: Option<Credit<AccountId, Balances>>,
	) {
		let share = AUTHOR_FEE_SHARE * fee.peek();
		// The rest of the fee, dropped here, is burnt.
		let (mut to_author, _burnt) = fee.split(share);
		if let Some(tip) = tip {
			to_author.subsume(tip);
		}
		if let Some(author) = author {
			// On failure the credit comes back and is dropped, which burns it.
			let _ = <Balances as Balanced<AccountId>>::resolve(&author, to_author);
		}
	}
}

impl OnUnbalanced<Credit<AccountId, Balances>> for DealWithFees {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
		let Some(fee) = fees_then_tips.next() else { return };
		let mut tip = fees_then_tips.next();
		for more in fees_then_tips {
			tip.get_or_insert_with(Credit::<AccountId, Balances>::zero).subsume(more);
		}
		Self::pay(pallet_authorship::Pallet::<Runtime>::author(), fee, tip);
	}
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	/// GRANDPA keeps which session each authority set belonged to for as long as the
	/// historical session roots are kept, to prove a past vote's key owner.
	type MaxSetIdSessionEntries = ConstU64<{ validators::HISTORY_SESSIONS as u64 }>;
	type KeyOwnerProof = sp_session::MembershipProof;
	/// Nodes report a validator that cast two different votes in one round.
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account alone: there is no stake behind it to record.
	type FullIdentification = ();
	type FullIdentificationOf = validators::AccountIdentification;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	/// Disables the offender, burns part of its candidacy bond and ends its candidacy.
	type OnOffenceHandler = validators::SlashEquivocators;
}

/// Unsigned transactions the runtime makes itself: the nodes' equivocation reports.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = super::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> super::UncheckedExtrinsic {
		super::UncheckedExtrinsic::new_bare(call)
	}
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	/// BABE checks the slot against the timestamp.
	type OnTimestampSet = Babe;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	// Funds are held with `fungible::MutateHold`, never reserved.
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// What a transaction pays for its weight: 0.1 mALM for the weight every extrinsic has
/// (`ExtrinsicBaseWeight`, frame-support's figure: a polkadot-sdk release that measures it again
/// moves every fee), in proportion for more. A block whose normal weight (1.5 s) is full pays
/// about 1.39 ALM for it.
pub struct WeightToFee;

impl frame_support::weights::WeightToFee for WeightToFee {
	type Balance = Balance;
	fn weight_to_fee(weight: &Weight) -> Balance {
		let base = Balance::from(ExtrinsicBaseWeight::get().ref_time()).max(1);
		Balance::from(weight.ref_time()).saturating_mul(MILLI_UNIT / 10) / base
	}
}

parameter_types! {
	/// What a transaction pays per byte of its encoding: 10 µALM, so a 100-byte transaction
	/// pays 1 mALM for its length and a block's 3.75 MiB of normal space costs about 39 ALM.
	pub const TransactionByteFee: Balance = 10 * MICRO_UNIT;
	/// The share of the normal class's weight the fee multiplier aims at: fuller blocks raise
	/// it, emptier ones lower it.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the multiplier moves: after a block whose normal weight is full it grows by
	/// about 0.75 % (doubling in about 93 such blocks, 9 minutes); after an empty block it
	/// falls by about 0.25 %, down to [`MinimumMultiplier`].
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(1, 100);
	/// Fees never fall below their base.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, DealWithFees>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = compute_market::RuntimeParameters;
	/// The market's parameters are the Council's (two thirds) or root's.
	type AdminOrigin = frame_support::traits::AsEnsureOriginWithArg<governance::RootOrCouncil>;
	/// polkadot-sdk's measured weight (the crate exports only the one with RocksDB's reads and
	/// writes, dearer than ParityDB's: an overcharge).
	type WeightInfo = ();
}
