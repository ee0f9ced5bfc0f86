//! The compute market's configuration: the numbers that shape Allmende's market, and why.
//! Block time is 6 s, so 10 blocks are a minute, 600 an hour, 14,400 a day.

use core::marker::PhantomData;
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{ConstU32, Get},
};
use sp_runtime::Perbill;

use crate::{
	Balance, Balances, BlockNumber, DataRegistry, Runtime, RuntimeHoldReason, DAYS,
	EXISTENTIAL_DEPOSIT, MINUTES, UNIT,
};

/// `G`, but never below `F`: governed values keep the floor the market needs.
pub struct AtLeast<G, F>(PhantomData<(G, F)>);

impl<V: Ord, G: Get<V>, F: Get<V>> Get<V> for AtLeast<G, F> {
	fn get() -> V {
		G::get().max(F::get())
	}
}

/// `G`, but within `Lo ..= Hi`: a governed period can neither end at once nor lock funds for
/// good.
pub struct Within<G, Lo, Hi>(PhantomData<(G, Lo, Hi)>);

impl<V: Ord, G: Get<V>, Lo: Get<V>, Hi: Get<V>> Get<V> for Within<G, Lo, Hi> {
	fn get() -> V {
		G::get().max(Lo::get()).min(Hi::get())
	}
}

parameter_types! {
	pub const Existential: Balance = EXISTENTIAL_DEPOSIT;
	pub const OneBlock: BlockNumber = 1;
	/// The longest challenge window the Council can set: a week (results wait for it before
	/// they settle and the provider is paid).
	pub const LongestChallengePeriod: BlockNumber = 7 * DAYS;
	/// The longest unbonding the Council can set: four weeks.
	pub const LongestUnbondingPeriod: BlockNumber = 28 * DAYS;
}

parameter_types! {
	/// A lot or an arbiter draw comes 2 blocks after the last bid or the challenge: to
	/// foresee it one must author both blocks (with n validators of equal share, about one
	/// chance in n² for a given pair).
	pub const DrawDelay: BlockNumber = 2;
	/// Bidding may be as short as 4 blocks (24 s, so tests and small jobs move fast; the
	/// last `DrawDelay` blocks before the deadline take no bid, so bids land in the job's
	/// block and the next) and as long as a day.
	pub const MinBiddingPeriod: BlockNumber = 4;
	pub const MaxBiddingPeriod: BlockNumber = DAYS;
	/// A job may run for up to a week before its result must be committed, and gets at least
	/// 4 blocks: an agent that follows finalized blocks sees its assignment 2–3 blocks late.
	pub const MinExecutionPeriod: BlockNumber = 4;
	pub const MaxExecutionPeriod: BlockNumber = 7 * DAYS;
	/// Revealing needs no computation: a day at most, and at least 4 blocks for the same
	/// reason as above.
	pub const MaxRevealPeriod: BlockNumber = DAYS;
	pub const MinRevealPeriod: BlockNumber = 4;
	/// Two thirds of a job's bid bonds must bid at or below the clearing price. A party that
	/// undercuts every other bid with a share s of the bonds wins all k replicas of a job
	/// with probability at most (3s/2)^k (s^k bidding like the others); a cartel needs more
	/// than a third of the bonds to hold the price at the requester's `max_price`. The
	/// pallet README has the table and the trade-off against a median.
	pub const ClearingStake: Perbill = Perbill::from_parts(666_666_667);
	/// 1 ALM of held stake behind every reputation point: the 100 ALM minimum stake backs a
	/// score of up to 100 / 101, and 10,000 points hold 10,000 ALM for as long as they are
	/// used (reputation goes with the stake when it is withdrawn).
	pub const StakePerPoint: Balance = UNIT;
	/// Arbiters get at least 2 minutes to run the job and 1 to reveal (the job's own periods
	/// when longer): an agent following finalized blocks sees its draw a few blocks late.
	pub const ArbiterExecutionPeriod: BlockNumber = 2 * MINUTES;
	pub const ArbiterRevealPeriod: BlockNumber = MINUTES;
	/// A finished job stays readable for a day, then anyone may prune it; its events stay.
	pub const RetentionPeriod: BlockNumber = DAYS;
	/// Two results whose numbers differ by at most 0.001 (10 units of the agent's 1e-4
	/// rounding) are the same answer, unless the job says otherwise: honest CPUs round a
	/// few outputs of a large model one unit apart.
	pub const DefaultTolerance: u32 = 10;
	/// Up to 1.0 in the agent's units.
	pub const MaxTolerance: u32 = 10_000;
}

/// The market parameters the Council sets (`Parameters::set_parameter`, two thirds of the
/// Council or root). Each starts at the value below. A change applies to what is bonded,
/// posted or challenged after it: every hold records its amount, so nothing already held
/// changes, and a job keeps the challenge period, least challenge bond and reputation fee it
/// was posted under (the market's `Terms`). Stakes, bonds and periods never go below the
/// floor the market needs (the existential deposit, one block), and periods never beyond a
/// ceiling (`Longest…`), whatever is set.
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod market {
		use super::*;

		/// 100 ALM: enough that registering many throwaway providers to flood bids costs real
		/// money, small enough for a single-GPU seller.
		#[codec(index = 0)]
		pub static MinProviderStake: Balance = 100 * UNIT;
		/// A day between `unregister` and `withdraw_stake`: time for anyone to notice and for
		/// the provider's last jobs' events to be audited while its stake is still there.
		#[codec(index = 1)]
		pub static UnbondingPeriod: BlockNumber = DAYS;
		/// A replica's least bond is 10 % of the most its work can be paid (a job's `max_price`,
		/// an offer's price; a bid may hold more, which weighs in the lot) …
		#[codec(index = 2)]
		pub static BidBondFraction: Perbill = Perbill::from_percent(10);
		/// … and at least 1 ALM, so that not showing up always costs something.
		#[codec(index = 3)]
		pub static MinBidBond: Balance = UNIT;
		/// A minute to challenge a result (of any number of replicas). Short, because the
		/// devnet's users check results as they come in; a production network would choose hours.
		#[codec(index = 4)]
		pub static ChallengePeriod: BlockNumber = MINUTES;
		/// At least 50 ALM to challenge (and at least three times the job's max price): it pays
		/// the arbiters when the challenge is wrong.
		#[codec(index = 5)]
		pub static ChallengeBond: Balance = 50 * UNIT;
		/// 0.01 ALM burnt per reputation point: farming 100 completed jobs with one's own jobs
		/// burns at least 1 ALM plus the fees of some 400 transactions (and holds 100 ALM of
		/// stake, below).
		#[codec(index = 6)]
		pub static ReputationFee: Balance = 10 * crate::MILLI_UNIT;
		/// 0.1 ALM per job for its records (the job with three URIs of up to 256 bytes, its
		/// verified result, an index entry: up to about 2 KB), back when the job is pruned. A
		/// flood of 3,000 jobs holds 300 ALM on top of its escrow and fees.
		#[codec(index = 7)]
		pub static JobDeposit: Balance = 100 * crate::MILLI_UNIT;
		/// A drawn arbiter holds 1 ALM (the least bond of any bid), whatever the job: a requester
		/// cannot price the pool out of judging its job.
		#[codec(index = 8)]
		pub static ArbiterBond: Balance = UNIT;
	}
}

impl pallet_compute_market::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type WeightInfo = pallet_compute_market::weights::SubstrateWeight<Runtime>;
	/// BABE's VRF output of the parent block; see `MarketRandomness`.
	type Randomness = super::MarketRandomness;
	/// Jobs ask the data registry about the datasets and models they name.
	type DataAccess = DataRegistry;
	/// Eight datasets and models per job: a model, its tokenizer, and a few datasets.
	type MaxAssetsPerJob = ConstU32<8>;
	type MinProviderStake = AtLeast<dynamic_params::market::MinProviderStake, Existential>;
	type UnbondingPeriod =
		Within<dynamic_params::market::UnbondingPeriod, OneBlock, LongestUnbondingPeriod>;
	/// 256 bytes fit any reasonable URI (IPFS, HTTPS, OCI image reference).
	type MaxStringLen = ConstU32<256>;
	/// Up to 9 replicas for jobs whose results must be beyond doubt.
	type MaxReplicas = ConstU32<9>;
	/// 32 bids per job: competition enough, and closing bidding stays cheap.
	type MaxBidsPerJob = ConstU32<32>;
	type MaxOffersPerProvider = ConstU32<16>;
	type MinBiddingPeriod = MinBiddingPeriod;
	type MaxBiddingPeriod = MaxBiddingPeriod;
	type MinExecutionPeriod = MinExecutionPeriod;
	type MaxExecutionPeriod = MaxExecutionPeriod;
	type MaxRevealPeriod = MaxRevealPeriod;
	type MinRevealPeriod = MinRevealPeriod;
	type ClearingStake = ClearingStake;
	type DrawDelay = DrawDelay;
	type BidBondFraction = dynamic_params::market::BidBondFraction;
	type MinBidBond = AtLeast<dynamic_params::market::MinBidBond, Existential>;
	type ChallengePeriod =
		Within<dynamic_params::market::ChallengePeriod, OneBlock, LongestChallengePeriod>;
	type ChallengeBond = dynamic_params::market::ChallengeBond;
	/// Three arbiters: the smallest odd panel that outvotes one faulty arbiter.
	type ArbiterReplicas = ConstU32<3>;
	/// A draw takes up to 32 samples: the job's parties and the members drawn already are out
	/// of the sampling range, so a sample is wasted only on a member that cannot hold the
	/// arbiter bond, and three are found unless such members hold most of the pool's stake.
	type MaxArbiterDraws = ConstU32<32>;
	/// 16,384 pool members: a draw descends 15 levels of the stake tree per sample.
	type MaxArbiterPool = ConstU32<16_384>;
	type ArbiterBond = AtLeast<dynamic_params::market::ArbiterBond, Existential>;
	type ArbiterExecutionPeriod = ArbiterExecutionPeriod;
	type ArbiterRevealPeriod = ArbiterRevealPeriod;
	type ReputationFee = dynamic_params::market::ReputationFee;
	type StakePerPoint = StakePerPoint;
	/// 64 deadlines per block; the benchmarked worst case (every job closing bidding with
	/// 32 bids) must stay well inside a block, see the pallet README.
	type MaxDeadlinesPerBlock = ConstU32<64>;
	type JobDeposit = dynamic_params::market::JobDeposit;
	type RetentionPeriod = RetentionPeriod;
	type DefaultTolerance = DefaultTolerance;
	type MaxTolerance = MaxTolerance;
	/// Safe mode, or a paused call that a deadline needs: the market's deadlines stand still.
	type Paused = super::governance::MarketPaused;
	type PausedWeight = super::governance::MarketPausedWeight;
}
