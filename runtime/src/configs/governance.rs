//! Governance: who may change the chain, and the emergency brakes.
//!
//! - **The Council** (`pallet-collective`, instance 1) decides by motions. Two thirds of its
//!   members change what is not root: the market's parameters (`Parameters`), and it lifts
//!   the brakes.
//! - **The Technical Committee** (instance 2) answers for the code. Two thirds of it may
//!   pull the brakes at once (`SafeMode::force_enter`, `TxPause::pause`) and whitelist a call.
//! - **Root** is reached only when both agree: the committee whitelists a call's hash
//!   (`Whitelist::whitelist_call`), the council dispatches it
//!   (`Whitelist::dispatch_whitelisted_call_with_preimage`), in either order. Runtime
//!   upgrades (`System::authorize_upgrade`), members of either body and anything else that
//!   needs root go this way, and so do the validator set's invulnerables, candidacy bond and
//!   open seats (`CollatorSelection`): a body that chose the validators alone could have
//!   them censor the other. `Sudo` has a key only in the development presets.
//! - **Safe mode** can also be entered by anyone holding `SafeModeDeposit` for
//!   `SafeModeDuration`; the council can give the deposit back early or burn it.
//!
//! While safe mode is on, or a call the market's deadlines need is paused, the market's
//! deadlines stand still (`MarketPaused`), so nobody loses a bond to a brake.

use frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, Contains, EitherOf, LinearStoragePrice},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	AccountId, Balance, Balances, BlockNumber, Preimage, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, SafeMode, System, TxPause, DAYS, HOURS, UNIT,
};

/// The Council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;
/// The Technical Committee's instance of `pallet-collective`.
pub type TechnicalCollective = pallet_collective::Instance2;

/// At least two thirds of the Council, voting in a motion.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;
/// At least two thirds of the Technical Committee, voting in a motion.
pub type CommitteeTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, TechnicalCollective, 2, 3>;
/// Root (both bodies through the whitelist, or sudo on a development chain) or two thirds of
/// the Council.
pub type RootOrCouncil = EitherOf<EnsureRoot<AccountId>, CouncilTwoThirds>;
/// Root or two thirds of the Technical Committee.
pub type RootOrCommittee = EitherOf<EnsureRoot<AccountId>, CommitteeTwoThirds>;

parameter_types! {
	/// A motion of the Council stays open for up to three days; it closes early once enough
	/// members voted for (or against) it.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// The Technical Committee answers within a day.
	pub const CommitteeMotionDuration: BlockNumber = DAYS;
	/// A motion may carry at most half a block's weight.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// A member who does not vote by a motion's end counts as voting against it, whatever a prime
/// member voted: two thirds means two thirds of the members saying aye.
pub struct SilenceIsNay;

impl pallet_collective::DefaultVote for SilenceIsNay {
	fn default_vote(_prime: Option<bool>, _ayes: u32, _nays: u32, _members: u32) -> bool {
		false
	}
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	/// 32 open motions: only members propose, so the bound is on them, and it bounds storage.
	type MaxProposals = ConstU32<32>;
	/// 32 members.
	type MaxMembers = ConstU32<32>;
	/// A member who does not vote counts as voting against: silence never passes a motion.
	type DefaultVote = SilenceIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members are changed by root: both bodies must agree.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// Only members can propose, and `MaxProposals` bounds what they can store: no deposit.
	type Consideration = ();
}

impl pallet_collective::Config<TechnicalCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CommitteeMotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<32>;
	type DefaultVote = SilenceIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	/// A whitelisted call the Council approved before the committee whitelisted it waits a
	/// day for the whitelist; then anyone may dispatch it.
	pub const DeferredDispatchExpiration: BlockNumber = DAYS;
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = CommitteeTwoThirds;
	type DispatchWhitelistedOrigin = CouncilTwoThirds;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = DeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Noting a preimage holds 1 ALM plus 1 mALM per byte until it is unnoted: a 1 MiB
	/// runtime holds about 1,050 ALM.
	pub const PreimageBaseDeposit: Balance = UNIT;
	pub const PreimageByteDeposit: Balance = crate::MILLI_UNIT;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	/// Only for deposits taken before holds; new ones are holds (`Consideration`).
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// The calls allowed while safe mode is on: consensus, the governance that can lift it, and
/// sudo on development chains.
pub struct SafeModeWhitelist;

impl Contains<RuntimeCall> for SafeModeWhitelist {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::System(_)
				| RuntimeCall::Timestamp(_)
				| RuntimeCall::Babe(_)
				| RuntimeCall::Grandpa(_)
				| RuntimeCall::FinalityVotes(_)
				| RuntimeCall::Session(_)
				| RuntimeCall::Sudo(_)
				| RuntimeCall::Council(_)
				| RuntimeCall::TechnicalCommittee(_)
				| RuntimeCall::Whitelist(_)
				| RuntimeCall::Preimage(_)
				| RuntimeCall::TxPause(_)
				| RuntimeCall::Parameters(_)
		)
	}
}

parameter_types! {
	/// Safe mode lasts an hour per entry or extension.
	pub const SafeModeDuration: BlockNumber = HOURS;
	/// Anyone may enter (or extend) safe mode by holding 10,000 ALM: enough that halting the
	/// chain for an hour is a serious bet that something is wrong. The holder may take the
	/// deposit back a day after placing it, once safe mode is over, unless the Council burns
	/// it first; the committee may pause `enter` and `extend` against a party that keeps
	/// entering.
	pub const SafeModeDeposit: Option<Balance> = Some(10_000 * UNIT);
	pub const SafeModeReleaseDelay: Option<BlockNumber> = Some(DAYS);
}

impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeWhitelist;
	type EnterDuration = SafeModeDuration;
	type ExtendDuration = SafeModeDuration;
	type EnterDepositAmount = SafeModeDeposit;
	type ExtendDepositAmount = SafeModeDeposit;
	/// Root or two thirds of the committee, for an hour.
	type ForceEnterOrigin = EnsureWithSuccess<RootOrCommittee, AccountId, SafeModeDuration>;
	type ForceExtendOrigin = EnsureWithSuccess<RootOrCommittee, AccountId, SafeModeDuration>;
	/// Root or two thirds of the Council end it early …
	type ForceExitOrigin = RootOrCouncil;
	/// … and give deposits back early or burn them.
	type ForceDepositOrigin = RootOrCouncil;
	type Notify = ();
	type ReleaseDelay = SafeModeReleaseDelay;
	type WeightInfo = pallet_safe_mode::weights::SubstrateWeight<Runtime>;
}

/// Calls that can never be paused: without them nobody could govern, unpause or end safe mode.
/// Of safe mode's own calls, `enter` and `extend` (anyone's, with a deposit) can be.
pub struct NeverPaused;

impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for NeverPaused {
	fn contains((pallet, call): &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		let pallet = pallet.as_slice();
		if pallet == b"SafeMode" {
			return !matches!(call.as_slice(), b"enter" | b"extend");
		}
		[
			&b"System"[..],
			b"Timestamp",
			b"Babe",
			b"Grandpa",
			b"FinalityVotes",
			b"Sudo",
			b"Council",
			b"TechnicalCommittee",
			b"Whitelist",
			b"Preimage",
			b"TxPause",
		]
		.contains(&pallet)
	}
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	/// Root or two thirds of the committee pause a call at once …
	type PauseOrigin = RootOrCommittee;
	/// … and either body lifts the pause.
	type UnpauseOrigin = EitherOf<RootOrCommittee, CouncilTwoThirds>;
	type WhitelistedCalls = NeverPaused;
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = pallet_tx_pause::weights::SubstrateWeight<Runtime>;
}

/// The market calls a party needs to meet a deadline: while one of them is paused, or safe
/// mode is on, the market's deadlines stand still.
const MARKET_DEADLINE_CALLS: [&str; 4] =
	["commit_result", "reveal_result", "reveal_verdict", "challenge_result"];

/// Whether the market is paused in this block (`pallet_compute_market::Config::Paused`).
pub struct MarketPaused;

impl frame_support::traits::Get<bool> for MarketPaused {
	fn get() -> bool {
		SafeMode::is_entered()
			|| MARKET_DEADLINE_CALLS.iter().any(|call| {
				TxPause::is_paused_unbound(b"ComputeMarket".to_vec(), call.as_bytes().to_vec())
			})
	}
}

/// What asking `MarketPaused` costs: reading safe mode's end and one paused-call entry per
/// deadline call.
pub struct MarketPausedWeight;

impl frame_support::traits::Get<Weight> for MarketPausedWeight {
	fn get() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get()
			.reads(1 + MARKET_DEADLINE_CALLS.len() as u64)
	}
}
