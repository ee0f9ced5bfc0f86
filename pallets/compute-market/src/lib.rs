//! # Compute market
//!
//! The heart of Allmende: an open market in which providers sell AI compute and requesters buy
//! it, with every step recorded on-chain and every payment made from escrow.
//!
//! ## Overview
//!
//! - **Providers** register with a stake and a hardware profile ([`Pallet::register_provider`]),
//!   post standing **offers** ([`Pallet::post_offer`]) and **bid** on jobs
//!   ([`Pallet::place_bid`]).
//! - **Requesters** post **jobs** ([`Pallet::post_job`]) whose whole budget (`replicas ×
//!   max_price`) is held at once, or take an offer directly ([`Pallet::accept_offer`]).
//! - At the bidding deadline a **lot** decides: the bids at or below a clearing price (where
//!   the cheapest bids first hold `ClearingStake` of the bids' bonds) are eligible, and
//!   `replicas` of them are drawn weighted by their bonds; every winner is paid the clearing
//!   price (`lot.rs`). Winners run the job, **commit**
//!   `blake2_256(result_hash ‖ salt ‖ provider)` ([`Pallet::commit_result`]) and then
//!   **reveal** ([`Pallet::reveal_result`]).
//! - **Verification.** A result revealed by a strict majority of the replicas, with no other
//!   result revealed (for `replicas = 1`: the one reveal), stands after the job's challenge
//!   period unless the requester challenges it ([`Pallet::challenge_result`]) or accepts it
//!   earlier ([`Pallet::accept_result`]). Any other round with a reveal is *disputed*.
//!   A challenged or disputed job is re-executed by
//!   `ArbiterReplicas` arbiters **drawn by the chain** from the providers that opted in
//!   ([`Pallet::join_arbiter_pool`]); their strict majority decides.
//! - **Settlement** pays providers the price they were assigned at from escrow and returns the unspent escrow.
//!   Slashed bonds pay the arbiters; what is left of them is burnt, so nobody who could cause
//!   a slash profits from it.
//! - **Deadlines** need nobody: `on_initialize` advances due jobs, at most
//!   `MaxDeadlinesPerBlock` a block, oldest first. Scheduling never fails: a block's
//!   deadlines fill pages, and a cursor carries what did not fit to the next block (see
//!   `deadlines.rs` and the README for how late a deadline can be under a flood). Anyone may
//!   call [`Pallet::advance_job`] for a job whose deadline has passed.
//! - **A paused market stands still.** While the runtime pauses the market's calls
//!   (`Config::Paused`: safe mode, or a paused call), no deadline passes, and every phase gets
//!   the blocks it was paused in back ([`Event::DeadlineExtended`]).
//! - **A job keeps its terms.** The governed `ChallengePeriod`, `ChallengeBond` and
//!   `ReputationFee` a job was posted under are recorded with it ([`Terms`]); a change by
//!   governance applies to later jobs only.
//! - **Storage pays for itself.** Every job holds `JobDeposit` from its requester until
//!   anyone prunes the finished job ([`Pallet::prune_job`]) `RetentionPeriod` blocks after it
//!   finished.
//!
//! ## Money
//!
//! All funds move with `fungible::MutateHold`, under one [`HoldReason`] per purpose. The
//! invariant checked by `try_state` after every test: for every account, the amount held under
//! each reason equals what the market's records say.
//!
//! ## Slashing rules (the only ways funds change hands without a price being paid)
//!
//! - An assigned provider (or drawn arbiter) who does not commit or reveal in time, or whose
//!   reveal loses verification, loses its bond. A requester whose challenge the arbiters
//!   reject loses its challenge bond. Slashed funds first pay the arbiters of the job, the
//!   rest is burnt (`Burnt` event): never to the requester, who could have caused a no-show
//!   with its own second account, nor to other replicas, who could have outvoted an honest
//!   one with theirs.
//! - The `ReputationFee` a job was posted under is burnt from the pay of each job that earns a
//!   reputation point. A point is earned only while the provider holds `StakePerPoint` of
//!   stake for each point.
//!
//! Total issuance falls by exactly the `Burnt` events; the tests check it.
//!
//! The code is split by concept, as in `pallet-broker`: `providers.rs`, `offers.rs`, `jobs.rs`,
//! `bids.rs`, `lot.rs`, `results.rs`, `verification.rs`, `arbiters.rs`, `settlement.rs`, `funds.rs`,
//! `deadlines.rs`, `types.rs`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod arbiters;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod bids;
mod deadlines;
mod funds;
mod jobs;
pub mod lot;
mod offers;
mod providers;
mod results;
pub mod runtime_api;
mod settlement;
pub mod types;
mod verification;
pub mod weights;

mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use allmende_primitives::DataAccess;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// A block number of the runtime.
pub type BlockNumberOf<T> = frame_system::pallet_prelude::BlockNumberFor<T>;
/// An amount of the currency the market settles in.
pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<AccountIdOf<T>>>::Balance;
/// A dataset or model of the data registry the runtime wired in.
pub type AssetIdOf<T> =
	<<T as Config>::DataAccess as DataAccess<AccountIdOf<T>, BalanceOf<T>>>::AssetId;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::WithPostDispatchInfo,
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::Perbill;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, so the market can hold funds in `Currency`.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency stakes, escrows and bonds are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Weights of the calls and of `on_initialize`, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Randomness folded into `RandomnessTrail` at the start of every block; the trail
		/// seeds a job's lot and its arbiter draw. The value must be unknown before the
		/// block's parent exists to everyone but that block's author (BABE's parent-block VRF
		/// output is; an epoch-old value is not): a draw comes `DrawDelay` blocks after the
		/// last block that could change what is drawn (the last bid, the challenge or
		/// dispute), so only someone who authors all of them could foresee it.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

		/// The data registry: whether a requester may use the datasets and models a job
		/// names, and their royalties.
		type DataAccess: DataAccess<Self::AccountId, BalanceOf<Self>>;

		/// Whether the calls the parties need to meet a deadline (commit, reveal, challenge,
		/// the arbiters' verdicts) cannot be made in this block: in the runtime, safe mode is
		/// entered or one of the market's calls is paused. While it says so the market's clock
		/// stands still: no deadline passes, and every phase gets the paused blocks back (see
		/// `deadlines.rs`). Asked at the start of every block and by `advance_job`.
		type Paused: Get<bool>;

		/// What asking `Paused` costs (the storage it reads), charged wherever it is asked.
		type PausedWeight: Get<Weight>;

		/// Most datasets and models one job may name. 0 ..= 16.
		#[pallet::constant]
		type MaxAssetsPerJob: Get<u32>;

		/// The least stake a provider must hold to register. Unit: currency. Must be at least
		/// the existential deposit.
		#[pallet::constant]
		type MinProviderStake: Get<BalanceOf<Self>>;

		/// Blocks between `unregister` and the earliest `withdraw_stake`. At least 1.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Longest URI, GPU model name or endpoint, in bytes. 16 ..= 1024.
		#[pallet::constant]
		type MaxStringLen: Get<u32>;

		/// Most replicas a job may ask for. 1 ..= 16, and at least `ArbiterReplicas`.
		#[pallet::constant]
		type MaxReplicas: Get<u32>;

		/// Most bids a job keeps; when full a bid with a larger bond displaces the bid with the
		/// smallest (of equal ones, the latest). At least `MaxReplicas`, at most 128 (settling
		/// a job reads all of them).
		#[pallet::constant]
		type MaxBidsPerJob: Get<u32>;

		/// Most standing offers a provider may have at once. 1 ..= 256.
		#[pallet::constant]
		type MaxOffersPerProvider: Get<u32>;

		/// Shortest and longest bidding period a job may ask for, in blocks. `DrawDelay` <
		/// min ≤ max: the last `DrawDelay` blocks before the deadline take no bid.
		#[pallet::constant]
		type MinBiddingPeriod: Get<BlockNumberFor<Self>>;
		#[pallet::constant]
		type MaxBiddingPeriod: Get<BlockNumberFor<Self>>;

		/// Shortest and longest execution period (assignment to commit deadline) a job or an
		/// offer may ask for, in blocks. 1 ≤ min ≤ max. The floor keeps requesters from
		/// setting deadlines no agent can meet: an agent that follows finalized blocks sees
		/// its assignment a few blocks late.
		#[pallet::constant]
		type MinExecutionPeriod: Get<BlockNumberFor<Self>>;
		#[pallet::constant]
		type MaxExecutionPeriod: Get<BlockNumberFor<Self>>;

		/// Longest reveal period (commit deadline to reveal deadline), in blocks. At least 1.
		#[pallet::constant]
		type MaxRevealPeriod: Get<BlockNumberFor<Self>>;

		/// Shortest reveal period a job or an offer may ask for, in blocks. 1 ≤ this ≤
		/// `MaxRevealPeriod`.
		#[pallet::constant]
		type MinRevealPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks between the last block that can change a draw (the last that takes bids,
		/// or the challenge or dispute) and the draw, whose randomness none of the parties
		/// knows when it acts. Predicting a draw takes authoring all of them. At least 1;
		/// `MinBiddingPeriod` must exceed it.
		#[pallet::constant]
		type DrawDelay: Get<BlockNumberFor<Self>>;

		/// The share of a job's bid bonds that must bid at or below its clearing price: the
		/// bids at or below it are eligible for the lot and every winner is paid it. A party
		/// holding a share s of the bonds that undercuts every other bid wins all k replicas
		/// with probability at most (s / ClearingStake)^k; a cartel holding more than
		/// 1 − ClearingStake can hold the price at `max_price`. Above zero.
		#[pallet::constant]
		type ClearingStake: Get<Perbill>;

		/// A replica's bond as a fraction of the most its work can be paid (a job's
		/// `max_price` for a bid, the price of an offer for an accepted offer) …
		#[pallet::constant]
		type BidBondFraction: Get<Perbill>;

		/// … but never less than this. Unit: currency. Must be at least the existential
		/// deposit, so a slashed bond can always be paid to its receiver.
		#[pallet::constant]
		type MinBidBond: Get<BalanceOf<Self>>;

		/// Blocks after a job's result was revealed (by its one replica, or unanimously by a
		/// majority of its replicas) during which the requester may challenge it.
		/// At least 1. A job keeps the value it was posted under (`Terms`).
		#[pallet::constant]
		type ChallengePeriod: Get<BlockNumberFor<Self>>;

		/// The least a requester holds to challenge a result. Unit: currency. The bond is
		/// `max(ChallengeBond, ArbiterReplicas × max_price)`, so that it pays every arbiter in
		/// full when the challenge is rejected. A job keeps the value it was posted under
		/// (`Terms`).
		#[pallet::constant]
		type ChallengeBond: Get<BalanceOf<Self>>;

		/// How many arbiters re-execute a challenged or disputed job. Odd, 1 ..= `MaxReplicas`.
		#[pallet::constant]
		type ArbiterReplicas: Get<u32>;

		/// Most samples one draw of arbiters takes before giving up. The job's parties and the
		/// members drawn already are out of the sampling range, so a sample is wasted only on
		/// a member that cannot hold `ArbiterBond`. `ArbiterReplicas ..= 256`; the draw's
		/// weight grows with it.
		#[pallet::constant]
		type MaxArbiterDraws: Get<u32>;

		/// Most providers in the arbiter pool; `join_arbiter_pool` beyond it fails with
		/// `ArbiterPoolFull`. The draw's cost grows with its logarithm. `ArbiterReplicas ..=
		/// 2^20`.
		#[pallet::constant]
		type MaxArbiterPool: Get<u32>;

		/// The bond a drawn arbiter holds from its free balance, the same for every job:
		/// nothing a requester sets can make it too large for a pool member to hold. Slashed
		/// when the arbiter does not serve or reveals against the arbiters' majority. Unit:
		/// currency. At least the existential deposit.
		#[pallet::constant]
		type ArbiterBond: Get<BalanceOf<Self>>;

		/// The least execution period an arbitration round gets, in blocks: arbiters did not
		/// agree to the job's periods, so a round runs for the longer of the job's and this.
		/// At least 1, at most `MaxExecutionPeriod`.
		#[pallet::constant]
		type ArbiterExecutionPeriod: Get<BlockNumberFor<Self>>;

		/// The least reveal period an arbitration round gets, in blocks (the longer of the
		/// job's and this). At least 1, at most `MaxRevealPeriod`.
		#[pallet::constant]
		type ArbiterRevealPeriod: Get<BlockNumberFor<Self>>;

		/// Burnt from the pay of every completed job that earns the provider a reputation
		/// point; a job paying no more than this earns none. Farming one point with one's own
		/// jobs costs at least this. Unit: currency. A job keeps the value it was posted under
		/// (`Terms`).
		#[pallet::constant]
		type ReputationFee: Get<BalanceOf<Self>>;

		/// Held stake behind each reputation point: a completed job earns a point only while
		/// the provider's completed jobs are fewer than its stake divided by this. So a score
		/// cannot outgrow the stake that backs it, and farming n points with one's own jobs
		/// holds n × this (besides n × `ReputationFee` burnt). Unit: currency. Above zero.
		#[pallet::constant]
		type StakePerPoint: Get<BalanceOf<Self>>;

		/// Most job deadlines handled in one block's `on_initialize`, and the size of a page of
		/// the deadline queue. Deadlines beyond it wait for the next block, oldest first.
		/// 1 ..= 256.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;

		/// Held from the requester for every job it posts (or offer it accepts): pays for the
		/// job's record, its verified result and its index entry, and comes back when the
		/// finished job is pruned. Unit: currency.
		#[pallet::constant]
		type JobDeposit: Get<BalanceOf<Self>>;

		/// The tolerance a job gets when its spec names none (see `JobSpec::tolerance`): the
		/// largest difference between two numbers of two results that are the same answer, in
		/// the result document's units (for the agent's floats, multiples of 1e-4). At most
		/// `MaxTolerance`.
		#[pallet::constant]
		type DefaultTolerance: Get<u32>;

		/// The largest tolerance a job may name; above it posting fails with
		/// `ToleranceTooLarge`.
		#[pallet::constant]
		type MaxTolerance: Get<u32>;

		/// How long a finished job's records stay before anyone may prune them
		/// (`prune_job`), in blocks. Its events keep the history. At least 1.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;
	}

	/// Why the market holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's stake.
		ProviderStake,
		/// A requester's job budget.
		JobEscrow,
		/// A provider's bond on a bid or an assignment.
		BidBond,
		/// A requester's bond on a challenge.
		ChallengeBond,
		/// A requester's storage deposit for a job's records, until they are pruned.
		JobDeposit,
	}

	/// Registered providers.
	#[pallet::storage]
	pub type Providers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Provider<T>>;

	/// The id the next offer gets.
	#[pallet::storage]
	pub type NextOfferId<T> = StorageValue<_, OfferId, ValueQuery>;

	/// Standing offers.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, Offer<T>>;

	/// The id the next job gets.
	#[pallet::storage]
	pub type NextJobId<T> = StorageValue<_, JobId, ValueQuery>;

	/// Every job posted; a finished one stays (it records what happened) until it is pruned,
	/// `RetentionPeriod` blocks after it finished.
	#[pallet::storage]
	pub type Jobs<T: Config> = StorageMap<_, Twox64Concat, JobId, Job<T>>;

	/// The terms each job was posted under: its challenge period, its least challenge bond and
	/// its reputation fee, the values of the governed `ChallengePeriod`, `ChallengeBond` and
	/// `ReputationFee` when it was created. A change by governance applies to jobs posted after
	/// it; the parties of a job keep the terms they accepted. Written when a job is created,
	/// removed when it is pruned: every job has an entry.
	///
	/// A map of its own rather than a field of `Job`: deployed provider agents (subxt, which
	/// checks the shape of every storage item before it reads it) read `Jobs` and the market's
	/// other items, and an upgrade that reshaped one of them would make those agents no-shows.
	/// This one adds an item and changes none they read.
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Twox64Concat, JobId, JobTerms<T>>;

	/// The work a job declares its input holds (`post_job_with_work`,
	/// `accept_offer_with_work`), which providers price by and their agents hold the input
	/// to; none for a job posted without. Removed with the job. A map of its own, like
	/// `Terms`: it reshapes nothing deployed agents read.
	#[pallet::storage]
	pub type JobWork<T: Config> = StorageMap<_, Twox64Concat, JobId, Work>;

	/// The price per unit of work of each standing offer that charges by the unit
	/// (`post_unit_offer`), and the most work it takes. Removed with the offer.
	#[pallet::storage]
	pub type OfferUnitPrices<T: Config> = StorageMap<_, Twox64Concat, OfferId, UnitPrice<T>>;

	/// Bids on jobs in a bidding phase.
	#[pallet::storage]
	pub type Bids<T: Config> =
		StorageMap<_, Twox64Concat, JobId, BoundedVec<Bid<T>, T::MaxBidsPerJob>, ValueQuery>;

	/// Providers assigned to jobs in the current round, with their commitments and reveals.
	#[pallet::storage]
	pub type Assignments<T: Config> =
		StorageMap<_, Twox64Concat, JobId, BoundedVec<Assignment<T>, T::MaxReplicas>, ValueQuery>;

	/// The round under review of a challenged or disputed job, while
	/// arbiters re-execute it.
	#[pallet::storage]
	pub type Disputed<T: Config> =
		StorageMap<_, Twox64Concat, JobId, BoundedVec<Assignment<T>, T::MaxReplicas>, OptionQuery>;

	/// The arbiter pool: providers that opted in to be drawn as arbiters, in slots
	/// `0 .. ArbiterPoolSize`. Leaving moves the last member into the freed slot.
	#[pallet::storage]
	pub type ArbiterPool<T: Config> = StorageMap<_, Twox64Concat, u32, T::AccountId, OptionQuery>;

	/// How many providers are in the arbiter pool.
	#[pallet::storage]
	pub type ArbiterPoolSize<T> = StorageValue<_, u32, ValueQuery>;

	/// The stakes of the arbiter pool's members as a Fenwick tree, so that a draw weighted by
	/// stake costs O(log pool size): node `i` (`1 ..= ArbiterPoolSize`) holds the sum of the
	/// stakes in slots `i - lowbit(i) .. i`, where `lowbit(i)` is the lowest set bit of `i`.
	#[pallet::storage]
	pub type ArbiterStakes<T: Config> = StorageMap<_, Twox64Concat, u32, BalanceOf<T>, ValueQuery>;

	/// Every block's randomness (`Config::Randomness`, the parent block's VRF output in the
	/// runtime) folded into one hash, at the start of each block: the seed of every lot and
	/// arbiter draw. A draw comes `DrawDelay` blocks after the last bid or the challenge, so
	/// predicting it takes knowing the VRF outputs of all those blocks, i.e. authoring them
	/// all.
	#[pallet::storage]
	pub type RandomnessTrail<T: Config> = StorageValue<_, [u8; 32], ValueQuery>;

	/// Who challenged a job in arbitration and holds its challenge bond, when that is not its
	/// requester: an owner of one of its assets challenging a result that says the content
	/// was unavailable.
	#[pallet::storage]
	pub type Challengers<T: Config> = StorageMap<_, Twox64Concat, JobId, T::AccountId, OptionQuery>;

	/// The verdicts of an arbitration round's arbiters once revealed, (job id, arbiter) to one
	/// entry per replica of the disputed round, in its order: whether that replica's result
	/// agrees with the arbiter's own within the job's tolerance, differs, or could not be had.
	/// Removed when the round concludes.
	#[pallet::storage]
	pub type Verdicts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		JobId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<Judgement, T::MaxReplicas>,
		OptionQuery,
	>;

	/// Verified results: job id to result hash, URI and the providers who agreed.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, JobId, VerifiedResult<T>>;

	/// Jobs whose phase ends at a block, in pages of `MaxDeadlinesPerBlock`: (block, page) to
	/// job ids. Worked off by `on_initialize` from [`DeadlineCursor`] on.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		BoundedVec<JobId, T::MaxDeadlinesPerBlock>,
		ValueQuery,
	>;

	/// How many deadline pages a block has.
	#[pallet::storage]
	pub type DeadlinePages<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// The next (block, page) of deadlines to work off. Behind the current block only while
	/// a flood of deadlines is being worked off.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, (BlockNumberFor<T>, u32), OptionQuery>;

	/// How many blocks the market has been paused in (`Config::Paused`), ever. A job records
	/// this count when its phase's deadline is scheduled (`Job::pause_mark`); what the count
	/// grew by since is what a pause took from the phase, and the phase gets it back.
	#[pallet::storage]
	pub type PausedBlocks<T> = StorageValue<_, u32, ValueQuery>;

	/// Index: jobs open for bids.
	#[pallet::storage]
	pub type OpenJobs<T: Config> = StorageMap<_, Twox64Concat, JobId, (), OptionQuery>;

	/// Index: the jobs of each requester.
	#[pallet::storage]
	pub type JobsOfRequester<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, (), OptionQuery>;

	/// Index: the jobs a provider bids on or is assigned to, until the job ends.
	#[pallet::storage]
	pub type JobsOfProvider<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, JobId, (), OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered with a stake.
		ProviderRegistered { provider: T::AccountId, stake: BalanceOf<T> },
		/// A provider changed its profile.
		ProfileUpdated { provider: T::AccountId },
		/// A provider added to its stake.
		StakeAdded { provider: T::AccountId, amount: BalanceOf<T>, stake: BalanceOf<T> },
		/// A provider unregistered; its stake can be withdrawn from `unlocks_at`.
		ProviderUnregistered { provider: T::AccountId, unlocks_at: BlockNumberFor<T> },
		/// A provider withdrew its stake and is gone.
		StakeWithdrawn { provider: T::AccountId, amount: BalanceOf<T> },
		/// A standing offer was posted.
		OfferPosted {
			offer_id: OfferId,
			provider: T::AccountId,
			price: BalanceOf<T>,
			capacity: u32,
		},
		/// A standing offer was withdrawn by its provider.
		OfferWithdrawn { offer_id: OfferId },
		/// A requester took a standing offer: the job is assigned at once.
		OfferAccepted { offer_id: OfferId, job_id: JobId, requester: T::AccountId },
		/// A job was posted and its budget held.
		JobPosted {
			job_id: JobId,
			requester: T::AccountId,
			replicas: u32,
			escrow: BalanceOf<T>,
			bidding_ends: BlockNumberFor<T>,
		},
		/// The requester cancelled a job; its escrow was returned.
		JobCancelled { job_id: JobId },
		/// A provider bid on a job.
		BidPlaced { job_id: JobId, provider: T::AccountId, price: BalanceOf<T>, bond: BalanceOf<T> },
		/// A bid left the job: retracted, displaced by a cheaper one, or lost. Its bond was
		/// released.
		BidRemoved { job_id: JobId, provider: T::AccountId, reason: BidRemoval },
		/// The bidding closed and the job went to these providers; they must commit by
		/// `commit_by`.
		JobAssigned {
			job_id: JobId,
			providers: BoundedVec<T::AccountId, T::MaxReplicas>,
			/// What each of them is paid for its replica: the clearing price of the bids, or
			/// the offer's price.
			price: BalanceOf<T>,
			commit_by: BlockNumberFor<T>,
		},
		/// Too few bids by the bidding deadline; everything was refunded.
		JobExpired { job_id: JobId },
		/// The provider's verified work on the job earned it a reputation point (the job's
		/// reputation fee was burnt from the pay); `completed` is its count now.
		ReputationEarned { job_id: JobId, provider: T::AccountId, completed: u32 },
		/// An assigned provider committed to its result.
		ResultCommitted { job_id: JobId, provider: T::AccountId },
		/// All commitments are in, or the commit deadline passed: reveal by `reveal_by`.
		RevealPhaseStarted { job_id: JobId, reveal_by: BlockNumberFor<T> },
		/// An assigned provider revealed its result.
		ResultRevealed { job_id: JobId, provider: T::AccountId, result_hash: H256 },
		/// A drawn arbiter revealed its own result and its verdict on each replica of the
		/// disputed round (in the round's order: does its result agree with the arbiter's
		/// within the job's tolerance, differ, or could the arbiter not get it).
		VerdictRevealed {
			job_id: JobId,
			arbiter: T::AccountId,
			result_hash: H256,
			agrees: BoundedVec<Judgement, T::MaxReplicas>,
		},
		/// A revealed result may be challenged until `challenge_by` (or accepted before then by the
		/// requester, `accept_result`).
		ChallengeWindowOpened { job_id: JobId, challenge_by: BlockNumberFor<T> },
		/// `challenger` (the requester, or an owner of one of the job's assets when the result
		/// says the content was unavailable) challenged a result with `bond`; arbiters are
		/// drawn at block `draw_at`.
		ResultChallenged {
			job_id: JobId,
			challenger: T::AccountId,
			bond: BalanceOf<T>,
			draw_at: BlockNumberFor<T>,
		},
		/// The replicas of a k ≥ 2 job did not agree (or too few showed up); arbiters are
		/// drawn at block `draw_at`.
		DisputeOpened { job_id: JobId, draw_at: BlockNumberFor<T> },
		/// The chain drew these arbiters for a challenged or disputed job; they must commit by
		/// `commit_by`.
		ArbitersDrawn {
			job_id: JobId,
			arbiters: BoundedVec<T::AccountId, T::MaxReplicas>,
			commit_by: BlockNumberFor<T>,
		},
		/// A result was verified.
		ResultVerified { job_id: JobId, result_hash: H256, agreed: u32 },
		/// No result could be verified. The requester got its unspent escrow back; after an
		/// inconclusive arbitration the replicas that revealed (and the royalties) were paid.
		JobFailed { job_id: JobId, reason: FailureReason },
		/// A provider was paid for its work.
		ProviderPaid { job_id: JobId, provider: T::AccountId, amount: BalanceOf<T> },
		/// A provider's bond was slashed: it pays the job's arbiters, the rest is burnt.
		BondSlashed {
			job_id: JobId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
			reason: SlashReason,
		},
		/// The arbiters rejected the challenge: the challenger's bond pays them, the rest is
		/// burnt.
		ChallengeBondForfeited { job_id: JobId, amount: BalanceOf<T> },
		/// Slashed funds no arbiter was owed (or whose payment failed), and reputation fees,
		/// were burnt.
		Burnt { job_id: JobId, amount: BalanceOf<T> },
		/// A payment could not be made (for example an amount below the existential deposit
		/// to an account that does not exist). Nothing moved: money from the escrow stays in
		/// it (in an arbitration it may still pay arbiters that are owed) and the rest goes back
		/// to the requester with the refund; slashed funds are burnt.
		PaymentFailed {
			job_id: JobId,
			/// Who should have been paid.
			to: T::AccountId,
			amount: BalanceOf<T>,
			/// The currency's error.
			error: DispatchError,
		},
		/// A provider opted in to be drawn as an arbiter.
		JoinedArbiterPool { provider: T::AccountId },
		/// A provider left the arbiter pool.
		LeftArbiterPool { provider: T::AccountId },
		/// The requester got the unspent escrow back.
		EscrowRefunded { job_id: JobId, requester: T::AccountId, amount: BalanceOf<T> },
		/// A finished job's records were removed and its storage deposit went back to the
		/// requester.
		JobPruned { job_id: JobId, requester: T::AccountId, deposit: BalanceOf<T> },
		/// A job was settled: its payments made (or reported by `PaymentFailed`) and every
		/// hold but its storage deposit released.
		JobSettled { job_id: JobId },
		/// The market was paused during this phase of the job: instead of ending, the phase
		/// gets the paused blocks back.
		DeadlineExtended {
			job_id: JobId,
			/// The block at which the phase now ends.
			deadline: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a registered provider.
		AlreadyProvider,
		/// The account is not a registered provider.
		NotProvider,
		/// The stake is below `MinProviderStake`.
		StakeTooLow,
		/// The provider is unbonding and takes no new work.
		ProviderNotActive,
		/// The provider still has bids, assignments or offers; finish or withdraw them first.
		ProviderBusy,
		/// The provider has not unregistered, or its unbonding period has not ended yet.
		StillBonded,
		/// The provider already has `MaxOffersPerProvider` offers.
		TooManyOffers,
		/// No offer with this id.
		UnknownOffer,
		/// Only the provider who posted the offer may do this.
		NotOfferOwner,
		/// The offer has expired.
		OfferExpired,
		/// The offer's price (for an offer by the unit, with the declared work's price) is above
		/// the job's `max_price`.
		OfferTooExpensive,
		/// The offer's capacity must be at least 1 and its expiry in the future.
		InvalidOffer,
		/// No job with this id.
		UnknownJob,
		/// Only the requester of the job may do this.
		NotRequester,
		/// `replicas` must be between 1 and `MaxReplicas` (exactly 1 for an offer).
		InvalidReplicas,
		/// The bidding period is outside `MinBiddingPeriod ..= MaxBiddingPeriod`.
		InvalidBiddingPeriod,
		/// The execution period is below `MinExecutionPeriod` or above `MaxExecutionPeriod`.
		InvalidExecutionPeriod,
		/// The reveal period is below `MinRevealPeriod` or above `MaxRevealPeriod`.
		InvalidRevealPeriod,
		/// The price must be above zero.
		ZeroPrice,
		/// The budget (`replicas × max_price`, or an offer's price for the declared work)
		/// overflows.
		BudgetOverflow,
		/// The job is not in the phase this call needs.
		WrongPhase,
		/// A bid already won; the job can no longer be cancelled.
		BiddingClosed,
		/// The phase of the job has ended.
		DeadlinePassed,
		/// The deadline of the job's phase has not been reached yet.
		DeadlineNotReached,
		/// The price is above the job's `max_price`.
		PriceAboveMax,
		/// The provider's hardware or region does not meet the job's requirements.
		RequirementsNotMet,
		/// The provider's reputation is below the job's `min_reputation`.
		ReputationTooLow,
		/// The provider already bid on this job.
		AlreadyBid,
		/// The job has `MaxBidsPerJob` bids and this one's bond is not larger than the
		/// smallest bond among them.
		BidNotCompetitive,
		/// The provider has no bid on this job.
		NoBid,
		/// A requester may not bid on or take an offer of its own.
		ConflictOfInterest,
		/// The account is not assigned to this job.
		NotAssigned,
		/// The provider already committed.
		AlreadyCommitted,
		/// The provider has not committed, so it cannot reveal.
		NotCommitted,
		/// The provider already revealed.
		AlreadyRevealed,
		/// The reveal does not match the commitment: wrong result hash or salt.
		RevealMismatch,
		/// Only a job in its challenge window can be challenged or have its result
		/// accepted early.
		NotChallengeable,
		/// The job names the same dataset or model twice.
		DuplicateAsset,
		/// The registry asks more royalties for the job's assets than its `max_royalties`.
		RoyaltiesAboveMax,
		/// The job's execution or reveal period is shorter than the offer says the provider
		/// needs.
		PeriodsBelowOffer,
		/// Less than half of the bidding period is left: bids can no longer be retracted.
		RetractionClosed,
		/// The provider is already in the arbiter pool.
		AlreadyArbiter,
		/// The provider is not in the arbiter pool.
		NotArbiter,
		/// The job has not finished: only a finished job's records can be pruned.
		JobNotFinished,
		/// The job finished less than `RetentionPeriod` blocks ago.
		RetentionNotOver,
		/// Arbiters and a job's winners are drawn only by the deadline queue: whoever could
		/// choose the block of the draw could choose its randomness, and with it the judges
		/// or the winners.
		DrawnByQueueOnly,
		/// The bond offered is below the job's least bid bond (`max(BidBondFraction ×
		/// max_price, MinBidBond)`).
		BondTooLow,
		/// The arbiter pool has `MaxArbiterPool` members.
		ArbiterPoolFull,
		/// Only the job's requester may challenge its result; an owner of one of the job's
		/// assets may challenge a result that says the content was unavailable.
		MayNotChallenge,
		/// The result says the content was unavailable and the owners of the job's assets may
		/// still challenge it: the window runs its course.
		OwnersMayChallenge,
		/// The job's tolerance is above `MaxTolerance`.
		ToleranceTooLarge,
		/// Arbiters reveal with `reveal_verdict`, which judges each replica, not with
		/// `reveal_result`.
		ArbitersRevealVerdicts,
		/// Only arbiters reveal verdicts: the job is not in an arbitration round.
		NotInArbitration,
		/// A verdict needs one entry for each replica of the disputed round, in its order.
		WrongVerdictCount,
		/// An offer's scope must name at least one workload kind and none twice, sizes below
		/// `UNDECLARED_SIZE` and a least tolerance of at most `MaxTolerance`; an offer by the
		/// unit must take at least one unit.
		InvalidOfferScope,
		/// The offer does not take the job's workload kind.
		WorkloadKindNotOffered,
		/// The job's workload is larger than the offer takes (or its size is undeclared).
		WorkloadTooLarge,
		/// The job's input is larger than the offer takes (or its size is undeclared).
		InputTooLarge,
		/// The job's tolerance is below the least the offer accepts.
		ToleranceBelowOffer,
		/// The market is paused (safe mode, or one of its calls paused): no deadline passes
		/// until it resumes.
		MarketPaused,
		/// Declared work must be more than zero units.
		InvalidWork,
		/// The offer charges by the unit of work: the job must declare its work in the offer's
		/// unit (`accept_offer_with_work`).
		WorkNotOffered,
		/// The job declares more work than the offer takes.
		WorkAboveOffer,
	}

	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The result hash that says a job's content could not be had (`blake2_256` of
		/// `{"status":"failed","reason":"content_unavailable"}`): such a result pays no royalty.
		#[pallet::constant_name(ContentUnavailable)]
		fn content_unavailable_hash() -> H256 {
			content_unavailable()
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::extend_randomness_trail();
			if T::Paused::get() {
				// Standing still is measured by no benchmark: it, the trail's two reads and a
				// write, and asking `Paused`.
				Self::stand_still(now)
					.saturating_add(T::DbWeight::get().reads_writes(2, 1))
					.saturating_add(T::PausedWeight::get())
			} else {
				// The `on_initialize` benchmarks run this whole hook: the trail and asking
				// `Paused` are in their weights.
				Self::process_deadlines(now)
			}
		}

		fn integrity_test() {
			use sp_runtime::traits::Zero;
			let ed = T::Currency::minimum_balance();
			assert!(
				T::MinProviderStake::get() >= ed,
				"MinProviderStake below the existential deposit"
			);
			assert!(T::MinBidBond::get() >= ed, "MinBidBond below the existential deposit");
			assert!(!T::UnbondingPeriod::get().is_zero(), "UnbondingPeriod must be at least 1");
			assert!((16..=1024).contains(&T::MaxStringLen::get()), "MaxStringLen out of 16..=1024");
			assert!((1..=16).contains(&T::MaxReplicas::get()), "MaxReplicas out of 1..=16");
			assert!(
				T::MaxBidsPerJob::get() >= T::MaxReplicas::get() && T::MaxBidsPerJob::get() <= 128,
				"MaxBidsPerJob out of MaxReplicas..=128"
			);
			assert!(
				(1..=256).contains(&T::MaxOffersPerProvider::get()),
				"MaxOffersPerProvider out of 1..=256"
			);
			assert!(!T::DrawDelay::get().is_zero(), "DrawDelay must be at least 1");
			assert!(
				T::MinBiddingPeriod::get() > T::DrawDelay::get(),
				"MinBiddingPeriod must exceed DrawDelay: the last DrawDelay blocks take no bid"
			);
			assert!(
				T::MinBiddingPeriod::get() <= T::MaxBiddingPeriod::get(),
				"MinBiddingPeriod above MaxBiddingPeriod"
			);
			assert!(
				!T::MaxExecutionPeriod::get().is_zero(),
				"MaxExecutionPeriod must be at least 1"
			);
			assert!(!T::MaxRevealPeriod::get().is_zero(), "MaxRevealPeriod must be at least 1");
			assert!(
				!T::MinExecutionPeriod::get().is_zero()
					&& T::MinExecutionPeriod::get() <= T::MaxExecutionPeriod::get(),
				"MinExecutionPeriod out of 1..=MaxExecutionPeriod"
			);
			assert!(
				!T::MinRevealPeriod::get().is_zero()
					&& T::MinRevealPeriod::get() <= T::MaxRevealPeriod::get(),
				"MinRevealPeriod out of 1..=MaxRevealPeriod"
			);
			assert!(!T::ChallengePeriod::get().is_zero(), "ChallengePeriod must be at least 1");
			assert!(!T::ClearingStake::get().is_zero(), "ClearingStake must be above zero");
			assert!(!T::StakePerPoint::get().is_zero(), "StakePerPoint must be above zero");
			let arbiters = T::ArbiterReplicas::get();
			assert!(
				arbiters % 2 == 1 && arbiters <= T::MaxReplicas::get(),
				"ArbiterReplicas must be odd and at most MaxReplicas"
			);
			assert!(
				(arbiters..=256).contains(&T::MaxArbiterDraws::get()),
				"MaxArbiterDraws out of ArbiterReplicas..=256"
			);
			assert!(
				(arbiters..=1 << 20).contains(&T::MaxArbiterPool::get()),
				"MaxArbiterPool out of ArbiterReplicas..=2^20"
			);
			assert!(T::ArbiterBond::get() >= ed, "ArbiterBond below the existential deposit");
			assert!(
				!T::ArbiterExecutionPeriod::get().is_zero()
					&& T::ArbiterExecutionPeriod::get() <= T::MaxExecutionPeriod::get(),
				"ArbiterExecutionPeriod out of 1..=MaxExecutionPeriod"
			);
			assert!(
				!T::ArbiterRevealPeriod::get().is_zero()
					&& T::ArbiterRevealPeriod::get() <= T::MaxRevealPeriod::get(),
				"ArbiterRevealPeriod out of 1..=MaxRevealPeriod"
			);
			assert!(
				(1..=256).contains(&T::MaxDeadlinesPerBlock::get()),
				"MaxDeadlinesPerBlock out of 1..=256"
			);
			assert!(T::MaxAssetsPerJob::get() <= 16, "MaxAssetsPerJob out of 0..=16");
			assert!(!T::RetentionPeriod::get().is_zero(), "RetentionPeriod must be at least 1");
			assert!(
				T::DefaultTolerance::get() <= T::MaxTolerance::get(),
				"DefaultTolerance above MaxTolerance"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register as a provider.
		///
		/// - Origin: signed, the provider.
		/// - `stake`: held under `ProviderStake`; at least `MinProviderStake`.
		/// - `profile`: GPU model, hardware, region and endpoint.
		///
		/// Emits `ProviderRegistered`. Errors: `AlreadyProvider`, `StakeTooLow`,
		/// `Token(FundsUnavailable)` (or another token error of the currency).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_provider())]
		pub fn register_provider(
			origin: OriginFor<T>,
			#[pallet::compact] stake: BalanceOf<T>,
			profile: ProviderProfile<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_provider(who, stake, profile)
		}

		/// Replace the provider's profile. Bids already placed keep the hardware they were
		/// placed with.
		///
		/// - Origin: signed, a registered provider.
		///
		/// Emits `ProfileUpdated`. Errors: `NotProvider`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_profile())]
		pub fn update_profile(origin: OriginFor<T>, profile: ProviderProfile<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_profile(who, profile)
		}

		/// Add to the provider's stake.
		///
		/// - Origin: signed, an active provider.
		/// - `amount`: held in addition under `ProviderStake`.
		///
		/// Emits `StakeAdded`. Errors: `NotProvider`, `ProviderNotActive`, `ZeroPrice` (zero
		/// amount), `Token(FundsUnavailable)` (or another token error of the currency).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_stake().saturating_add(Pallet::<T>::stake_tree_weight(0, 1)))]
		pub fn add_stake(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_stake(who, amount)
		}

		/// Stop providing. Only with no open bid, assignment or offer. The stake stays held
		/// for `UnbondingPeriod` blocks, then `withdraw_stake` releases it. A provider in the
		/// arbiter pool leaves it.
		///
		/// - Origin: signed, an active provider.
		///
		/// Emits `LeftArbiterPool` (if it was in the pool), `ProviderUnregistered`. Errors: `NotProvider`, `ProviderNotActive`,
		/// `ProviderBusy`.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::unregister()
				.saturating_add(T::WeightInfo::leave_arbiter_pool())
				.saturating_add(Pallet::<T>::stake_tree_weight(0, 1))
		)]
		pub fn unregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister(who)
		}

		/// Release the stake of an unregistered provider whose unbonding period has ended,
		/// and remove the provider record.
		///
		/// - Origin: signed, the unbonding provider.
		///
		/// Emits `StakeWithdrawn`. Errors: `NotProvider`, `StillBonded`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_stake())]
		pub fn withdraw_stake(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_stake(who)
		}

		/// Post a standing offer: `capacity` jobs at `price` each on `hardware`, acceptable
		/// until block `expires_at`. When its capacity is used up the offer is removed.
		///
		/// - Origin: signed, an active provider.
		/// - `execution_period`, `reveal_period`: the least time the provider needs to run a
		///   job and commit, and then to reveal, in blocks; a requester taking the offer may
		///   not ask for less. Each between the market's floor and its maximum.
		/// - `scope`: the workload kinds the provider runs (at least one, none twice), the
		///   largest workload and input it fetches, in bytes (below `UNDECLARED_SIZE`), and the
		///   least tolerance it accepts (at most `MaxTolerance`); a requester taking the offer
		///   may not ask for anything else.
		///
		/// Emits `OfferPosted`. Errors: `NotProvider`, `ProviderNotActive`, `ZeroPrice`,
		/// `InvalidOffer`, `InvalidOfferScope`, `InvalidExecutionPeriod`,
		/// `InvalidRevealPeriod`, `TooManyOffers`, `RequirementsNotMet` (hardware beyond the
		/// profile).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::post_offer())]
		pub fn post_offer(
			origin: OriginFor<T>,
			#[pallet::compact] price: BalanceOf<T>,
			hardware: Hardware,
			capacity: u32,
			expires_at: BlockNumberFor<T>,
			execution_period: BlockNumberFor<T>,
			reveal_period: BlockNumberFor<T>,
			scope: OfferScope,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_offer(
				Offer {
					provider: who,
					price,
					hardware,
					capacity,
					expires_at,
					execution_period,
					reveal_period,
					scope,
				},
				None,
			)
		}

		/// Withdraw a standing offer.
		///
		/// - Origin: signed, the offer's provider.
		///
		/// Emits `OfferWithdrawn`. Errors: `UnknownOffer`, `NotOfferOwner`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_offer().saturating_add(Pallet::<T>::unit_price_removal()))]
		pub fn withdraw_offer(origin: OriginFor<T>, offer_id: OfferId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_offer(who, offer_id)
		}

		/// Take a standing offer: a k = 1 job assigned at once to the offer's provider at the
		/// offer's price. An offer that charges by the unit of work is taken only with
		/// `accept_offer_with_work`. The price is held from the requester as escrow and the provider's
		/// bond is held from the provider.
		///
		/// - Origin: signed, the requester.
		/// - `spec`: the job; `replicas` must be 1, `max_price` at least the offer's price, the
		///   execution and reveal periods at least the offer's (arbiters of a challenge get
		///   these or the chain's arbiter periods, whichever is longer), the workload of a
		///   kind the offer names, the workload's and input's declared sizes within the
		///   offer's, the tolerance (or the chain's default) at least the offer's; the bidding
		///   period is not used but checked.
		///
		/// Emits `JobPosted`, `OfferAccepted`, `JobAssigned`. Errors: the registry's (unknown,
		/// retired or not permitted asset), `DuplicateAsset`, `RoyaltiesAboveMax`,
		/// `UnknownOffer`, `OfferExpired`, `OfferTooExpensive`, `InvalidReplicas`,
		/// `PeriodsBelowOffer`, `WorkloadKindNotOffered`, `WorkloadTooLarge`, `InputTooLarge`,
		/// `ToleranceBelowOffer`, `WorkNotOffered`, `ToleranceTooLarge`, `InvalidBiddingPeriod`, `InvalidExecutionPeriod`,
		/// `InvalidRevealPeriod`, `RequirementsNotMet`,
		/// `ReputationTooLow`, `ConflictOfInterest`, `ProviderNotActive`,
		/// `Token(FundsUnavailable)` (or another token error of the currency) (requester or provider).
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::accept_offer_weight(spec.assets.len() as u32))]
		pub fn accept_offer(
			origin: OriginFor<T>,
			offer_id: OfferId,
			spec: JobSpec<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_offer(who, offer_id, spec, None)
		}

		/// Post a job. Its whole budget, `replicas × max_price` plus the royalties of the
		/// datasets and models it names, is held at once.
		///
		/// - Origin: signed, the requester.
		/// - `spec`: workload, input, hardware requirements, replicas, maximum price per
		///   replica, bidding / execution / reveal periods, optional minimum reputation, the
		///   datasets and models it uses (each must be usable by the requester) and the most
		///   it pays in royalties for them.
		///
		/// Emits `JobPosted`. Errors: the registry's (unknown, retired or not permitted
		/// asset), `DuplicateAsset`, `RoyaltiesAboveMax`, `InvalidReplicas`, `ZeroPrice`, `BudgetOverflow`,
		/// `InvalidBiddingPeriod`, `InvalidExecutionPeriod`, `InvalidRevealPeriod`,
		/// `Token(FundsUnavailable)` (or another token error of the currency).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::post_job(spec.assets.len() as u32))]
		pub fn post_job(origin: OriginFor<T>, spec: JobSpec<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_job(who, spec, None).map(|_| ())
		}

		/// Cancel a job whose bidding deadline has not come. Every bid bond and the escrow are
		/// released.
		///
		/// - Origin: signed, the requester.
		///
		/// Emits `BidRemoved` per bid, `JobCancelled`. Errors: `UnknownJob`, `NotRequester`,
		/// `BiddingClosed`. Complexity: O(bids); charged for `MaxBidsPerJob` bids and
		/// refunded down to the bids the job had.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_job(T::MaxBidsPerJob::get()))]
		pub fn cancel_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let bids = Self::bid_count(job_id);
			Self::do_cancel_job(who, job_id)?;
			Ok(Some(T::WeightInfo::cancel_job(bids)).into())
		}

		/// Bid on a job in bidding, until the block before its deadline. The bond is held
		/// for as long as the bid stands (and, if it wins, until the job settles; it is what a
		/// no-show or a wrong result loses), and it is the bid's weight in the job's lot: a
		/// party's chance follows what it locks on this job, not how many accounts bid. When
		/// the job already has `MaxBidsPerJob` bids, a bid with a larger bond displaces the bid
		/// with the smallest (of equal ones, the latest).
		///
		/// At the bidding deadline the bids at or below the clearing price (the price at
		/// which the cheapest bids first hold `ClearingStake` of the bids' bonds, and at least
		/// the `replicas`-th cheapest) are eligible; `replicas` of them are drawn weighted by
		/// bond and each is paid the clearing price. A bid above it cannot win.
		///
		/// - Origin: signed, an active provider meeting the job's hardware, region and
		///   reputation requirements.
		/// - `price`: at most the job's `max_price`, above zero.
		/// - `bond`: at least `max(BidBondFraction × max_price, MinBidBond)` (the job's least
		///   bid bond, which a client computes from the job and the values in force, the
		///   runtime API's `ComputeMarketApi::parameters`).
		///
		/// Emits `BidPlaced`, and `BidRemoved` for a displaced bid. Errors: `UnknownJob`,
		/// `WrongPhase`, `DeadlinePassed` (the last block before the deadline takes no bid),
		/// `NotProvider`, `ProviderNotActive`, `ZeroPrice`, `PriceAboveMax`, `BondTooLow`,
		/// `RequirementsNotMet`, `ReputationTooLow`, `ConflictOfInterest`, `AlreadyBid`,
		/// `BidNotCompetitive`, `Token(FundsUnavailable)` (or another token error of the currency).
		/// Complexity: O(bids); charged for `MaxBidsPerJob` bids and refunded down to the bids
		/// the job had.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::place_bid(T::MaxBidsPerJob::get()))]
		pub fn place_bid(
			origin: OriginFor<T>,
			job_id: JobId,
			#[pallet::compact] price: BalanceOf<T>,
			#[pallet::compact] bond: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let bids = Self::bid_count(job_id);
			Self::do_place_bid(who, job_id, price, bond)?;
			Ok(Some(T::WeightInfo::place_bid(bids)).into())
		}

		/// Retract a bid while more than half of the job's bidding period is left; its bond is
		/// released. Later a bid stands: whoever fills a job's bid slots to block honest
		/// bidders and retracts at the last moment would otherwise stall the job for free.
		///
		/// - Origin: signed, the bidder.
		///
		/// Emits `BidRemoved`. Errors: `UnknownJob`, `WrongPhase`, `DeadlinePassed`,
		/// `RetractionClosed`, `NoBid`. Complexity: O(bids); charged for `MaxBidsPerJob` bids
		/// and refunded down to the bids the job had.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::retract_bid(T::MaxBidsPerJob::get()))]
		pub fn retract_bid(origin: OriginFor<T>, job_id: JobId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let bids = Self::bid_count(job_id);
			Self::do_retract_bid(who, job_id)?;
			Ok(Some(T::WeightInfo::retract_bid(bids)).into())
		}

		/// Commit to a result before the execution deadline.
		///
		/// - Origin: signed, a provider assigned to the job.
		/// - `commitment`: `blake2_256(result_hash ‖ salt ‖ provider)` where `provider` is the
		///   SCALE encoding of the provider's account id. A drawn arbiter commits to its
		///   verdict too: `blake2_256(result_hash ‖ salt ‖ arbiter ‖ agrees)`, `agrees` SCALE
		///   encoded as a `Vec<Judgement>`: a compact length, then one byte per replica,
		///   `Differs` 0, `Agrees` 1, `Unchecked` 2 (see `reveal_verdict`).
		///
		/// Emits `ResultCommitted`, and `RevealPhaseStarted` once every assigned provider has
		/// committed. Errors: `UnknownJob`, `WrongPhase`, `DeadlinePassed`, `NotAssigned`,
		/// `AlreadyCommitted`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::commit_result())]
		pub fn commit_result(
			origin: OriginFor<T>,
			job_id: JobId,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, job_id, commitment)
		}

		/// Reveal the committed result before the reveal deadline.
		///
		/// - Origin: signed, a provider that committed.
		/// - `result_hash`, `salt`: must hash with the provider's account to its commitment.
		/// - `result_uri`: where the result can be fetched.
		///
		/// Emits `ResultRevealed`; when every assigned provider has revealed, the job's
		/// challenge window opens (`ChallengeWindowOpened`: a result revealed by a strict
		/// majority and nobody else), it is disputed (`DisputeOpened`), or an arbitration
		/// concludes (`ResultVerified` / `JobFailed` and settlement events). Errors: `UnknownJob`, `WrongPhase`,
		/// `DeadlinePassed`, `NotAssigned`, `NotCommitted`, `AlreadyRevealed`,
		/// `RevealMismatch`, `ArbitersRevealVerdicts` (an arbitration round: arbiters use
		/// `reveal_verdict`).
		///
		/// Weight: declared for verifying `MaxReplicas` replicas; a reveal that verifies nothing
		/// (others still to reveal, k = 1, or a refused reveal) and a verification of k replicas
		/// are refunded down to what they did.
		#[pallet::call_index(13)]
		#[pallet::weight(Pallet::<T>::reveal_result_worst_weight())]
		pub fn reveal_result(
			origin: OriginFor<T>,
			job_id: JobId,
			result_hash: H256,
			salt: H256,
			result_uri: BoundedString<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			// Charged for what happened: a reveal that verified k replicas, or one that only
			// recorded itself (and, for k = 1, opened the
			// challenge window). A refused reveal is charged as one that verified nothing.
			let weight = Self::do_reveal(who, job_id, result_hash, salt, result_uri)
				.map_err(|e| e.with_weight(T::WeightInfo::reveal_result_unverified()))?;
			Ok(Some(weight).into())
		}

		/// As a drawn arbiter, reveal the committed verdict before the reveal deadline: the
		/// arbiter's own result of the job, and for each replica of the disputed round a
		/// `Judgement`: its revealed result `Agrees` with the arbiter's within the job's
		/// `tolerance`, `Differs` (as does a replica that revealed nothing), or is `Unchecked`
		/// (its provider did not serve it to the arbiter). Arbiters judge every replica,
		/// so that honest replicas whose results differ only by how their CPUs round are all
		/// paid, and an arbiter that copies one of the disputed results without computing
		/// still has to say which replicas are right.
		///
		/// When every arbiter has revealed (or at the deadline), the round concludes: a
		/// replica is upheld when a strict majority of `ArbiterReplicas` agrees, rejected when
		/// a strict majority differs or could not check it (a replica must serve its result to
		/// its judges); arbiters whose result says the content was unavailable judge nobody.
		/// Upheld replicas are paid and the first one's result is verified; rejected ones are
		/// slashed when a strict majority found them different, otherwise (their judges could
		/// not get their result, or they said the content was unavailable) they get their bond
		/// back unpaid. An arbiter is paid when it agreed with every upheld replica and
		/// differed from every one a strict majority found different; slashed when it differed
		/// from an upheld one or agreed with one a strict majority found different; otherwise
		/// (it could not check a decided replica) it gets its bond back unpaid. With no replica upheld the result the arbiters' majority
		/// revealed is verified, or, when they revealed different ones, the job fails
		/// (`ResultsRejected`) and the escrow that paid nobody goes back. With no majority on
		/// any replica the round is inconclusive (see `challenge_result`).
		///
		/// - Origin: signed, an arbiter of the job that committed.
		/// - `result_hash`, `salt`, `agrees`: must hash with the arbiter's account to its
		///   commitment (see `commit_result`); `agrees` has one entry per disputed replica.
		/// - `result_uri`: where the arbiter's result can be fetched.
		///
		/// Emits `VerdictRevealed`, and when the round concludes the settlement events.
		/// Errors: `UnknownJob`, `WrongPhase`, `NotInArbitration`, `DeadlinePassed`,
		/// `NotAssigned`, `NotCommitted`, `AlreadyRevealed`, `WrongVerdictCount`,
		/// `RevealMismatch`.
		///
		/// Weight: declared for concluding an arbitration; a reveal that concludes nothing is
		/// refunded down to recording itself.
		#[pallet::call_index(20)]
		#[pallet::weight(Pallet::<T>::reveal_verdict_weight(true))]
		pub fn reveal_verdict(
			origin: OriginFor<T>,
			job_id: JobId,
			result_hash: H256,
			agrees: BoundedVec<Judgement, T::MaxReplicas>,
			salt: H256,
			result_uri: BoundedString<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let concluded =
				Self::do_reveal_verdict(who, job_id, result_hash, agrees, salt, result_uri)
					.map_err(|e| e.with_weight(Self::reveal_verdict_weight(false)))?;
			Ok(Some(Self::reveal_verdict_weight(concluded)).into())
		}

		/// Challenge the revealed result of a job during its challenge window (any number of
		/// replicas: one party that won them all cannot make its result unchallengeable). A bond of
		/// `max(ChallengeBond, ArbiterReplicas × max_price)` is held, with the `ChallengeBond`
		/// the job was posted under (its `Terms`). In the next block the
		/// chain draws `ArbiterReplicas` arbiters from the pool, weighted by stake (see
		/// `join_arbiter_pool`); they commit and reveal as any provider, within at least
		/// `ArbiterExecutionPeriod` and `ArbiterRevealPeriod`, each paid up to the provider's
		/// price when in the majority, and their strict majority decides:
		/// - the original result confirmed: its providers are paid their price; the challenge
		///   bond pays the arbiters and the rest of it is burnt;
		/// - contradicted: the providers' bonds are slashed; they and the providers' unpaid
		///   prices pay the arbiters, the rest of the bonds is burnt and the rest of the escrow
		///   and the challenge bond go back to the requester; the arbiters' result is verified;
		/// - no majority, or too few arbiters could be drawn: nothing is verified, every
		///   provider that revealed is paid its price all the same, the challenge bond goes
		///   back, and the job ends `Failed` (`ArbitrationInconclusive`).
		///
		/// A result that says the content could not be had (the `ContentUnavailable` hash) pays
		/// no royalty, so the owners of the job's assets may challenge it too, holding the bond
		/// themselves: when the arbiters compute a result, the royalty is paid, the replicas
		/// that said "unavailable" get their bonds back unpaid and the owner its bond; when they
		/// cannot get the content either, the owner's bond pays them. Nobody is slashed for
		/// saying, or contradicting, "unavailable".
		///
		/// - Origin: signed, the job's requester; or, for a result that says the content was
		///   unavailable, an owner of one of the job's assets.
		/// - `job_id`: a job in its challenge window.
		///
		/// Emits `ResultChallenged`. Errors: `UnknownJob`, `NotChallengeable`,
		/// `DeadlinePassed`, `MayNotChallenge` (neither the requester nor, for "unavailable",
		/// an owner of the job's assets), `BudgetOverflow`, `Token(FundsUnavailable)` (or
		/// another token error of the currency).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::challenge_result())]
		pub fn challenge_result(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_challenge(who, job_id)
		}

		/// Accept the revealed result of a job during its challenge window, so it settles now
		/// instead of when the window ends: every provider that revealed it is paid its price
		/// (no-shows are slashed), the rest of the escrow goes back, royalties are paid. The
		/// requester gives up its right to challenge; nobody else is affected (unaccepted, the
		/// window ends the same way). A result that says the content was unavailable cannot be
		/// accepted early while the owners of the job's assets (other than the requester) may
		/// still challenge it.
		///
		/// - Origin: signed, the job's requester.
		/// - `job_id`: a job in its challenge window.
		///
		/// Weight: declared for settling `MaxReplicas` replicas; a k = 1 job is refunded down
		/// to settling one.
		///
		/// Emits `ProviderPaid`, `ResultVerified`, `JobSettled`, `EscrowRefunded` (the unspent
		/// escrow), `Burnt` (the reputation fee) and the data registry's `RoyaltyPaid` (as a
		/// window that runs out does). Errors: `UnknownJob`, `NotRequester`,
		/// `NotChallengeable` (not in its challenge window), `DeadlinePassed` (the window is
		/// over; the deadline queue settles the job), `OwnersMayChallenge`.
		#[pallet::call_index(19)]
		#[pallet::weight(Pallet::<T>::accept_result_weight(T::MaxReplicas::get()))]
		pub fn accept_result(origin: OriginFor<T>, job_id: JobId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let replicas = Jobs::<T>::get(job_id).map_or(1, |j| j.spec.replicas);
			Self::do_accept_result(who, job_id)?;
			Ok(Some(Self::accept_result_weight(replicas)).into())
		}

		/// Push a job whose phase deadline has passed into its next phase (close bidding,
		/// start the reveal, verify, conclude an arbitration, settle, expire). Anyone may call
		/// it; the deadline queue does the same on its own, so this is only needed when the
		/// queue lags behind a flood of deadlines. Drawing arbiters and closing a job's
		/// bidding (its lot) are left to the queue. A phase the market was paused in gets the
		/// paused blocks back instead, as at the queue (`DeadlineExtended`).
		/// Charged for the dearest of these branches.
		///
		/// - Origin: signed, anyone.
		///
		/// Emits the events of the phase change. Errors: `MarketPaused`, `UnknownJob`,
		/// `WrongPhase` (job finished), `DrawnByQueueOnly`, `DeadlineNotReached`.
		#[pallet::call_index(15)]
		#[pallet::weight(
			T::WeightInfo::advance_job(T::MaxBidsPerJob::get())
				.max(T::WeightInfo::on_initialize_verify(1))
				.max(Pallet::<T>::arbitrate_weight(1))
		)]
		pub fn advance_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_advance_job(job_id)
		}

		/// Opt in to be drawn as an arbiter of challenged and disputed jobs. Draws are weighted
		/// by the provider's stake, and no job's requirements, region, reputation or price
		/// limit who may be drawn. A drawn arbiter must commit and reveal like any assigned
		/// provider, within the longer of the job's periods and `ArbiterExecutionPeriod` /
		/// `ArbiterRevealPeriod`; its bond (`ArbiterBond`, held from its free balance when
		/// drawn; a member that cannot hold it is passed over) is slashed if it does not, or
		/// if it reveals against the majority. Arbiters in the majority are paid up to the
		/// dearest price a provider of the disputed round accepted, each, from slashed bonds,
		/// a rejected challenge's bond and the unpaid price of the replicas they overturned.
		///
		/// - Origin: signed, an active provider.
		///
		/// Emits `JoinedArbiterPool`. Errors: `NotProvider`, `ProviderNotActive`,
		/// `AlreadyArbiter`, `ArbiterPoolFull`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::join_arbiter_pool().saturating_add(Pallet::<T>::stake_tree_weight(2, 0)))]
		pub fn join_arbiter_pool(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_join_arbiter_pool(who)
		}

		/// Leave the arbiter pool. Jobs the provider was already drawn for still need it.
		///
		/// - Origin: signed, a provider in the pool.
		///
		/// Emits `LeftArbiterPool`. Errors: `NotProvider`, `NotArbiter`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::leave_arbiter_pool().saturating_add(Pallet::<T>::stake_tree_weight(0, 1)))]
		pub fn leave_arbiter_pool(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave_arbiter_pool(who)
		}

		/// Remove a finished job's records (the job, its terms, its verified result, its entry in
		/// the requester's index) once `RetentionPeriod` blocks have passed since it finished, and
		/// give the requester its storage deposit back. Its events keep the history.
		///
		/// - Origin: signed, anyone.
		/// - `job_id`: a settled, failed, expired or cancelled job.
		///
		/// Emits `JobPruned`. Errors: `UnknownJob`, `JobNotFinished`, `RetentionNotOver`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::prune_job().saturating_add(T::DbWeight::get().writes(1)))]
		pub fn prune_job(origin: OriginFor<T>, job_id: JobId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_prune_job(job_id)
		}

		/// Post a standing offer that also charges by the unit of work: as `post_offer`, and a
		/// job taking it must declare its work (`accept_offer_with_work`) in `per_unit.unit`,
		/// at most `per_unit.max_amount` units, and pays `price + per_unit.per_unit × amount`.
		/// So nobody binds the provider to more work than it priced; its agent holds the input
		/// to the declaration.
		///
		/// - Origin: signed, an active provider.
		/// - The parameters of `post_offer`, and `per_unit`: the unit, the price of one unit
		///   and the most units a job may declare (above zero).
		///
		/// Emits `OfferPosted`. Errors: those of `post_offer` (`InvalidOfferScope` also for a
		/// most of zero units).
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::post_offer().saturating_add(T::DbWeight::get().writes(1)))]
		pub fn post_unit_offer(
			origin: OriginFor<T>,
			#[pallet::compact] price: BalanceOf<T>,
			hardware: Hardware,
			capacity: u32,
			expires_at: BlockNumberFor<T>,
			execution_period: BlockNumberFor<T>,
			reveal_period: BlockNumberFor<T>,
			scope: OfferScope,
			per_unit: UnitPrice<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Offer {
				provider: who,
				price,
				hardware,
				capacity,
				expires_at,
				execution_period,
				reveal_period,
				scope,
			};
			Self::do_post_offer(offer, Some(per_unit))
		}

		/// Post a job that declares the work its input holds: as `post_job`, and the job
		/// records `work` (`JobWork`) until it is pruned. Providers price by it; a provider's
		/// agent answers an input with more work than declared, or work in another unit, with
		/// the canonical failure `undeclared_work`, which verifies and is paid like any result.
		///
		/// - Origin: signed, the requester.
		/// - `spec`: as for `post_job`; `work`: a unit and an amount above zero.
		///
		/// Emits `JobPosted`. Errors: those of `post_job`, `InvalidWork`.
		#[pallet::call_index(22)]
		#[pallet::weight(
			T::WeightInfo::post_job(spec.assets.len() as u32)
				.saturating_add(T::DbWeight::get().writes(1))
		)]
		pub fn post_job_with_work(
			origin: OriginFor<T>,
			spec: JobSpec<T>,
			work: Work,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_post_job(who, spec, Some(work)).map(|_| ())
		}

		/// Take a standing offer for a job that declares the work its input holds: as
		/// `accept_offer`, and the job records `work` (`JobWork`). An offer that charges by the
		/// unit takes only work declared in its unit, within its most, and charges its price
		/// plus its price per unit times `work.amount`.
		///
		/// - Origin: signed, the requester.
		/// - `offer_id`, `spec`: as for `accept_offer`; `work`: a unit and an amount above zero.
		///
		/// Emits `JobPosted`, `OfferAccepted`, `JobAssigned`. Errors: those of
		/// `accept_offer`, `InvalidWork`, `WorkNotOffered`, `WorkAboveOffer`, `BudgetOverflow`
		/// (the price for the work overflows).
		#[pallet::call_index(23)]
		#[pallet::weight(
			Pallet::<T>::accept_offer_weight(spec.assets.len() as u32)
				.saturating_add(T::DbWeight::get().writes(1))
		)]
		pub fn accept_offer_with_work(
			origin: OriginFor<T>,
			offer_id: OfferId,
			spec: JobSpec<T>,
			work: Work,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_offer(who, offer_id, spec, Some(work))
		}
	}
}
