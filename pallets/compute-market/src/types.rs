//! The market's records: providers, offers, jobs, bids, assignments and reputation.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Permill;

use crate::{AccountIdOf, AssetIdOf, BalanceOf, BlockNumberOf, Config};
pub use allmende_primitives::JobId;

/// The result document of a job whose workload, input or data could not be had, whatever
/// the workload's kind: every agent serves these bytes, so replicas that got no content agree.
pub const CONTENT_UNAVAILABLE_DOCUMENT: &[u8] =
	br#"{"status":"failed","reason":"content_unavailable"}"#;

/// The result hash that says the content could not be had: `blake2_256` of
/// `CONTENT_UNAVAILABLE_DOCUMENT`. A verified result with this hash pays no royalty, and
/// nobody is slashed for revealing it or for contradicting it (the market cannot tell a
/// server that refused one replica from a replica that claims so).
pub fn content_unavailable() -> H256 {
	H256(sp_io::hashing::blake2_256(CONTENT_UNAVAILABLE_DOCUMENT))
}

/// Identifies a standing offer. Assigned in order, starting at 0.
pub type OfferId = u64;
/// A region code chosen by the provider (for example an ISO 3166 numeric country code).
pub type RegionCode = u16;

/// A bounded byte string: a URI, a GPU model name or an endpoint.
pub type BoundedString<T> = BoundedVec<u8, <T as Config>::MaxStringLen>;

/// What kind of workload a job runs.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum WorkloadKind {
	/// A WebAssembly module.
	#[codec(index = 0)]
	Wasm,
	/// An ONNX model.
	#[codec(index = 1)]
	Onnx,
	/// A container image.
	#[codec(index = 2)]
	Container,
}

/// A unit in which a job's work is counted: what the agent's pipelines do in proportion to.
/// A job may declare its work in one (`post_job_with_work`, `accept_offer_with_work`;
/// recorded in `JobWork`); providers price by it (a standing offer's `UnitPrice`, a bid's
/// price), and a provider's agent answers an input with more work than declared with a
/// canonical failure, so declaring less buys the requester a failed job at the price of the
/// work it declared.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum WorkUnit {
	/// Tokens the model reads and writes: a text job's tokens over all its lines, a
	/// language-model job's prompt tokens plus the most new tokens it may generate.
	#[codec(index = 0)]
	Tokens,
	/// Pixels of an input picture: its width times its height.
	#[codec(index = 1)]
	Pixels,
	/// Milliseconds of input audio, rounded up.
	#[codec(index = 2)]
	AudioMilliseconds,
}

/// An amount of work in a unit: what a job declares its input holds.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Work {
	pub unit: WorkUnit,
	/// Above zero.
	pub amount: u64,
}

/// A standing offer's price per unit of work, on top of its price per job, and the most
/// work it takes (`post_unit_offer`; recorded in `OfferUnitPrices`): a job taking the offer
/// must declare its work in `unit`, at most `max_amount`, and pays `price + per_unit ×
/// amount`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct UnitPrice<T: Config> {
	pub unit: WorkUnit,
	/// The price of one unit.
	pub per_unit: BalanceOf<T>,
	/// The most units one job may declare; above zero.
	pub max_amount: u64,
}

/// Where a workload or an input is found and what its content must hash to.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ContentRef<T: Config> {
	/// `blake2_256` (or the workload's own) hash of the content.
	pub hash: H256,
	/// Where to fetch it.
	pub uri: BoundedString<T>,
	/// Its size in bytes, as the requester declares it. Providers read it before they bid
	/// (an offer names the largest workload and input it takes) and refuse content of
	/// another size like content of another hash. `UNDECLARED_SIZE` says nothing (jobs
	/// stored before sizes were declared carry it unless their URI declared one with a
	/// `#size=<bytes>` fragment), and no offer or agent takes it.
	pub size: u64,
}

/// The size of content whose size was not declared (`u64::MAX`): larger than any offer's
/// limit (`OfferScope::is_valid`).
pub const UNDECLARED_SIZE: u64 = u64::MAX;

/// The most workload kinds one offer can name: room for kinds to come.
pub type MaxWorkloadKinds = frame_support::traits::ConstU32<8>;

/// What a standing offer takes: the workload kinds its provider runs, the largest workload
/// and input it fetches, and the least tolerance it accepts. `accept_offer` with a job
/// outside them fails (`WorkloadKindNotOffered`, `WorkloadTooLarge`, `InputTooLarge`,
/// `ToleranceBelowOffer`), so nobody binds a provider to work it never offered.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug,
)]
pub struct OfferScope {
	/// The workload kinds it runs: at least one, none twice.
	pub kinds: BoundedVec<WorkloadKind, MaxWorkloadKinds>,
	/// The largest workload it fetches, in bytes.
	pub max_workload_size: u64,
	/// The largest input it fetches, in bytes.
	pub max_input_size: u64,
	/// The least tolerance (see `JobSpec::tolerance`) it accepts: a provider whose CPU
	/// rounds differently from others' needs room to agree with them.
	pub min_tolerance: u32,
}

impl OfferScope {
	/// Every kind, any size (up to `UNDECLARED_SIZE`, excluded) and any tolerance.
	pub fn any() -> Self {
		Self {
			kinds: BoundedVec::truncate_from(alloc::vec![
				WorkloadKind::Wasm,
				WorkloadKind::Onnx,
				WorkloadKind::Container
			]),
			max_workload_size: UNDECLARED_SIZE - 1,
			max_input_size: UNDECLARED_SIZE - 1,
			min_tolerance: 0,
		}
	}

	/// Whether it names at least one kind and none twice, and sizes an undeclared size
	/// exceeds.
	pub fn is_valid(&self) -> bool {
		let once = self.kinds.iter().enumerate().all(|(i, k)| !self.kinds[..i].contains(k));
		let sizes =
			self.max_workload_size < UNDECLARED_SIZE && self.max_input_size < UNDECLARED_SIZE;
		!self.kinds.is_empty() && once && sizes
	}
}

/// The workload of a job: its kind and where to find it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Workload<T: Config> {
	/// WASM module, ONNX model or container image.
	pub kind: WorkloadKind,
	/// Hash and URI of the workload.
	pub content: ContentRef<T>,
}

/// The hardware a provider has, or a job needs at least.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Hardware {
	/// Number of GPUs.
	pub gpu_count: u32,
	/// GPU memory per GPU, in GiB.
	pub vram_gib: u32,
	/// CPU cores.
	pub cpu_cores: u32,
	/// Main memory, in GiB.
	pub ram_gib: u32,
}

impl Hardware {
	/// Whether this hardware has at least what `need` asks for.
	pub fn covers(&self, need: &Hardware) -> bool {
		self.gpu_count >= need.gpu_count
			&& self.vram_gib >= need.vram_gib
			&& self.cpu_cores >= need.cpu_cores
			&& self.ram_gib >= need.ram_gib
	}
}

/// What a provider advertises: its hardware, where it is and how to reach it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ProviderProfile<T: Config> {
	/// GPU model, e.g. `A100-80GB`.
	pub gpu_model: BoundedString<T>,
	/// GPUs, VRAM, CPU cores and RAM.
	pub hardware: Hardware,
	/// Region code of the machine.
	pub region: RegionCode,
	/// Where requesters can reach the provider (e.g. an HTTPS URL).
	pub endpoint: BoundedString<T>,
}

/// Whether a provider takes work or is leaving.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ProviderStatus<BlockNumber> {
	/// Registered and taking work.
	#[codec(index = 0)]
	Active,
	/// Unregistered; the stake may be withdrawn from this block on.
	#[codec(index = 1)]
	Unbonding { unlocks_at: BlockNumber },
}

/// A provider's track record. The score is `completed / (completed + slashed + no_shows + 1)`,
/// in parts per million: a new provider, or one that re-registers, starts at 0 — below any
/// record it could have earned — so starting afresh never helps. A completed job only counts
/// when its pay covers the job's reputation fee (`ReputationFee` when the job was posted),
/// which is burnt: farming one point costs that fee.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Reputation {
	/// Jobs in which the provider's result was verified and paid.
	pub completed: u32,
	/// Jobs in which the provider revealed a result that lost verification.
	pub slashed: u32,
	/// Jobs in which the provider was assigned but did not commit or reveal in time.
	pub no_shows: u32,
}

impl Reputation {
	/// `completed / (completed + slashed + no_shows + 1)`; 0 with no record.
	pub fn score(&self) -> Permill {
		let good = u64::from(self.completed);
		let all = good
			.saturating_add(u64::from(self.slashed))
			.saturating_add(u64::from(self.no_shows))
			.saturating_add(1);
		Permill::from_rational(good, all)
	}
}

/// A registered provider.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Provider<T: Config> {
	/// Stake held under `HoldReason::ProviderStake`.
	pub stake: BalanceOf<T>,
	/// Hardware, region and endpoint.
	pub profile: ProviderProfile<T>,
	/// Active or unbonding.
	pub status: ProviderStatus<BlockNumberOf<T>>,
	/// Bids the provider has on open jobs.
	pub open_bids: u32,
	/// Jobs the provider is assigned to and that are not settled yet.
	pub assignments: u32,
	/// Standing offers the provider has posted.
	pub offers: u32,
	/// Track record.
	pub reputation: Reputation,
	/// Its place in the arbiter pool, if it has opted in to arbitrate.
	pub arbiter_slot: Option<u32>,
}

/// A provider's standing offer: a price per job for hardware it runs.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Offer<T: Config> {
	/// Who offers.
	pub provider: AccountIdOf<T>,
	/// Price per job.
	pub price: BalanceOf<T>,
	/// The hardware the offer runs on.
	pub hardware: Hardware,
	/// How many more jobs may still take this offer.
	pub capacity: u32,
	/// The last block in which the offer may be accepted.
	pub expires_at: BlockNumberOf<T>,
	/// The least execution period (assignment to commit deadline) the provider needs; a job
	/// taking the offer may not ask for less.
	pub execution_period: BlockNumberOf<T>,
	/// The least reveal period the provider needs.
	pub reveal_period: BlockNumberOf<T>,
	/// The workload kinds, sizes and tolerance it takes.
	pub scope: OfferScope,
}

/// What a requester asks for when posting a job.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct JobSpec<T: Config> {
	/// The program or model to run.
	pub workload: Workload<T>,
	/// The input to run it on.
	pub input: ContentRef<T>,
	/// The least hardware a provider must have.
	pub requirements: Hardware,
	/// If set, only providers in this region may bid.
	pub region: Option<RegionCode>,
	/// How many providers run the job independently (1 ..= `MaxReplicas`).
	pub replicas: u32,
	/// The most the requester pays one provider.
	pub max_price: BalanceOf<T>,
	/// Blocks during which providers may bid.
	pub bidding_period: BlockNumberOf<T>,
	/// Blocks after assignment during which winners must commit their result.
	pub execution_period: BlockNumberOf<T>,
	/// Blocks after the execution deadline during which winners must reveal.
	pub reveal_period: BlockNumberOf<T>,
	/// If set, only providers with at least this reputation score may bid.
	pub min_reputation: Option<Permill>,
	/// Datasets and models the job uses; their owners are paid a royalty when the job's
	/// result is verified.
	pub assets: BoundedVec<AssetIdOf<T>, T::MaxAssetsPerJob>,
	/// The most the requester pays in royalties for all `assets` together. Posting fails
	/// with `RoyaltiesAboveMax` when the registry asks for more, so an owner who raises a
	/// royalty while the job waits in the transaction pool cannot surprise the requester.
	pub max_royalties: BalanceOf<T>,
	/// How far two replicas' results may differ and still be the same answer: the largest
	/// difference between two numbers of their result documents where the workload kind
	/// allows one (for the agent's ONNX and Magika results, floats rounded to multiples of
	/// 1e-4, so 10 allows 0.001). Different CPUs round differently, so honest replicas can
	/// reveal different hashes; arbiters judge each replica's result within this. `None`
	/// takes the chain's `DefaultTolerance` when the job is created (the stored job names
	/// it); at most `MaxTolerance`.
	pub tolerance: Option<u32>,
}

impl<T: Config> JobSpec<T> {
	/// A job of `replicas` replicas at up to `max_price` each, everything else set to a
	/// plain default: an ONNX model of 1 MiB and an input of 1 KiB named by hash
	/// (`ipfs://model`, `ipfs://input`), one GPU with 24 GiB, 4 cores and 16 GiB of RAM, any region, 5 blocks
	/// of bidding, 10 to execute, 10 to reveal, no assets, any royalties. The one builder of
	/// the unit tests, property tests and benchmarks; change fields with the `with_*` calls.
	pub fn new(replicas: u32, max_price: BalanceOf<T>) -> Self {
		let uri = |text: &[u8]| BoundedVec::truncate_from(text.to_vec());
		Self {
			workload: Workload {
				kind: WorkloadKind::Onnx,
				content: ContentRef {
					hash: H256::repeat_byte(1),
					uri: uri(b"ipfs://model"),
					size: 1 << 20,
				},
			},
			input: ContentRef {
				hash: H256::repeat_byte(2),
				uri: uri(b"ipfs://input"),
				size: 1 << 10,
			},
			requirements: Hardware { gpu_count: 1, vram_gib: 24, cpu_cores: 4, ram_gib: 16 },
			region: None,
			replicas,
			max_price,
			bidding_period: 5u32.into(),
			execution_period: 10u32.into(),
			reveal_period: 10u32.into(),
			min_reputation: None,
			assets: BoundedVec::new(),
			max_royalties: sp_runtime::traits::Bounded::max_value(),
			tolerance: None,
		}
	}

	/// With this tolerance.
	pub fn with_tolerance(mut self, tolerance: u32) -> Self {
		self.tolerance = Some(tolerance);
		self
	}

	/// With these bidding, execution and reveal periods.
	pub fn with_periods(
		mut self,
		bidding: BlockNumberOf<T>,
		execution: BlockNumberOf<T>,
		reveal: BlockNumberOf<T>,
	) -> Self {
		self.bidding_period = bidding;
		self.execution_period = execution;
		self.reveal_period = reveal;
		self
	}

	/// With this workload kind, and workload and input of these sizes.
	pub fn with_workload(
		mut self,
		kind: WorkloadKind,
		workload_size: u64,
		input_size: u64,
	) -> Self {
		self.workload.kind = kind;
		self.workload.content.size = workload_size;
		self.input.size = input_size;
		self
	}

	/// With this least hardware.
	pub fn with_requirements(mut self, requirements: Hardware) -> Self {
		self.requirements = requirements;
		self
	}

	/// With these datasets and models (at most `MaxAssetsPerJob`; the rest is dropped).
	pub fn with_assets(mut self, assets: alloc::vec::Vec<AssetIdOf<T>>) -> Self {
		self.assets = BoundedVec::truncate_from(assets);
		self
	}

	/// Paying at most `max` in royalties.
	pub fn with_max_royalties(mut self, max: BalanceOf<T>) -> Self {
		self.max_royalties = max;
		self
	}

	/// With a container workload and URIs of the longest length allowed, in `region`: the
	/// largest job record, for benchmarks.
	pub fn with_longest_fields(mut self, region: RegionCode) -> Self {
		let longest =
			|| BoundedVec::truncate_from(alloc::vec![b'u'; T::MaxStringLen::get() as usize]);
		self.workload.kind = WorkloadKind::Container;
		self.workload.content.uri = longest();
		self.input.uri = longest();
		self.region = Some(region);
		self
	}
}

/// A royalty a job owes for a dataset or model, fixed when the job was posted.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Royalty<T: Config> {
	/// The dataset or model.
	pub asset: AssetIdOf<T>,
	/// Who is paid: the owner when the job was posted.
	pub owner: AccountIdOf<T>,
	/// How much.
	pub amount: BalanceOf<T>,
}

/// Where a job is in its life.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum JobStatus {
	/// Open for bids until the deadline.
	#[codec(index = 0)]
	Bidding,
	/// Arbitration round only: arbiters are drawn at the deadline, a block after the
	/// challenge or dispute, with randomness neither party knew when it acted.
	#[codec(index = 1)]
	Drawing,
	/// The round's providers (winners, or drawn arbiters) run the job and commit their
	/// result until the deadline.
	#[codec(index = 2)]
	Committing,
	/// The round's providers reveal their committed result until the deadline.
	#[codec(index = 3)]
	Revealing,
	/// The revealed result (of the one replica, or of a unanimous majority) stands unless the
	/// requester challenges it by the deadline.
	#[codec(index = 4)]
	ChallengeWindow,
	/// Done: a result was verified and everyone paid (payments that could not be made are
	/// reported by `PaymentFailed`).
	#[codec(index = 5)]
	Settled,
	/// Done: no result could be verified; the requester was refunded.
	#[codec(index = 6)]
	Failed,
	/// Done: fewer bids than replicas by the bidding deadline; everything refunded.
	#[codec(index = 7)]
	Expired,
	/// Done: cancelled by the requester before any bid won.
	#[codec(index = 8)]
	Cancelled,
}

/// Which providers a job's commit-reveal round is for.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	Copy,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub enum Round {
	/// The providers that won the bidding (or accepted offer).
	#[codec(index = 0)]
	#[default]
	Original,
	/// Drawn arbiters, after a challenge or a dispute; the original round's
	/// assignments wait in `Disputed`. The job stays in this round once finished.
	#[codec(index = 1)]
	Arbitration,
}

impl JobStatus {
	/// Whether the job is finished and holds nothing any more.
	pub fn is_terminal(&self) -> bool {
		matches!(self, Self::Settled | Self::Failed | Self::Expired | Self::Cancelled)
	}
}

/// A posted job.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Job<T: Config> {
	/// Who posted it and pays for it.
	pub requester: AccountIdOf<T>,
	/// What to run, on what, by how many, for how much.
	pub spec: JobSpec<T>,
	/// Where the job is: its phase, or how it finished.
	pub status: JobStatus,
	/// Whose commit-reveal round it is in (or ended in).
	pub round: Round,
	/// The block at which the current phase ends; for a finished job, the block it finished
	/// in (it may be pruned `RetentionPeriod` blocks later).
	pub deadline: BlockNumberOf<T>,
	/// Budget still held from the requester under `HoldReason::JobEscrow`, royalties
	/// included.
	pub escrow: BalanceOf<T>,
	/// Royalties owed to data owners if the result is verified (held in `escrow`).
	pub royalties: BoundedVec<Royalty<T>, T::MaxAssetsPerJob>,
	/// Bond held under `HoldReason::ChallengeBond` while challenged, from the requester or
	/// the owner recorded in `Challengers`.
	pub challenge_bond: BalanceOf<T>,
	/// The block in which it was posted.
	pub posted_at: BlockNumberOf<T>,
	/// Storage deposit held from the requester under `HoldReason::JobDeposit` until the
	/// finished job is pruned.
	pub deposit: BalanceOf<T>,
	/// `PausedBlocks` when the current phase's deadline was scheduled. The blocks the market
	/// has been paused in since are blocks the phase lost; it gets them back at its deadline.
	pub pause_mark: u32,
}

/// The governed parameters a job was posted under; a later change applies to later jobs only.
/// Recorded in `Terms` when the job is created and kept until it is pruned, so neither a
/// provider that bid nor a requester that posted finds a period, a bond or a fee changed under
/// it.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct JobTerms<T: Config> {
	/// How long the job's revealed result may be challenged, in blocks (`ChallengePeriod`).
	pub challenge_period: BlockNumberOf<T>,
	/// The least bond a challenge of the job holds (`ChallengeBond`); the bond is the larger
	/// of this and `ArbiterReplicas × max_price`.
	pub least_challenge_bond: BalanceOf<T>,
	/// Burnt from a provider's pay when the job earns it a reputation point (`ReputationFee`).
	pub reputation_fee: BalanceOf<T>,
}

impl<T: Config> JobTerms<T> {
	/// The parameters' values now: the terms of a job created in this block.
	pub fn current() -> Self {
		Self {
			challenge_period: T::ChallengePeriod::get(),
			least_challenge_bond: T::ChallengeBond::get(),
			reputation_fee: T::ReputationFee::get(),
		}
	}
}

/// A provider's bid on an open job.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Bid<T: Config> {
	/// Who bids.
	pub provider: AccountIdOf<T>,
	/// The price asked.
	pub price: BalanceOf<T>,
	/// Bond held under `HoldReason::BidBond`, at least the job's least bid bond: the bid's
	/// weight in the lot, and what a bid needs more of to displace it from a full job.
	pub bond: BalanceOf<T>,
	/// The block of the bid.
	pub placed_at: BlockNumberOf<T>,
}

/// A revealed result.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Reveal<T: Config> {
	/// Hash of the result.
	pub result_hash: H256,
	/// Where the result can be fetched.
	pub result_uri: BoundedString<T>,
}

/// A provider assigned to run a job: a winning bid, its commitment and its reveal.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Assignment<T: Config> {
	/// Who runs the job.
	pub provider: AccountIdOf<T>,
	/// The price it is paid if its result is verified.
	pub price: BalanceOf<T>,
	/// Bond held under `HoldReason::BidBond`.
	pub bond: BalanceOf<T>,
	/// `blake2_256(result_hash ‖ salt ‖ provider)`, once committed.
	pub commitment: Option<H256>,
	/// The result, once revealed.
	pub reveal: Option<Reveal<T>>,
}

/// The verified result of a job.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct VerifiedResult<T: Config> {
	/// Hash of the result.
	pub result_hash: H256,
	/// Where the result can be fetched.
	pub result_uri: BoundedString<T>,
	/// The providers whose reveals agreed on it.
	pub agreed: BoundedVec<AccountIdOf<T>, T::MaxReplicas>,
	/// The block in which it was verified.
	pub verified_at: BlockNumberOf<T>,
}

/// Why a bid left a job.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum BidRemoval {
	/// The bidder retracted it.
	#[codec(index = 0)]
	Retracted,
	/// A bid with a larger bond took its place in a full job.
	#[codec(index = 1)]
	Displaced,
	/// It did not win at the bidding deadline.
	#[codec(index = 2)]
	Lost,
	/// The job was cancelled or expired.
	#[codec(index = 3)]
	JobClosed,
}

/// Why a job failed.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum FailureReason {
	/// No assigned provider revealed a result.
	#[codec(index = 0)]
	NoResult,
	/// The arbiters of a challenged or disputed job had no strict majority, or too few could
	/// be drawn: nothing was verified. Every replica that revealed was paid its price.
	#[codec(index = 1)]
	ArbitrationInconclusive,
	/// The arbiters rejected every replica's result and did not agree on one of their own:
	/// the replicas that revealed a rejected result were slashed, the arbiters paid, and the
	/// rest of the escrow went back to the requester.
	#[codec(index = 2)]
	ResultsRejected,
}

/// An arbiter's verdict on one replica of the disputed round.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Judgement {
	/// Its result is not the same answer as the arbiter's within the job's tolerance (or it
	/// revealed nothing).
	#[codec(index = 0)]
	Differs,
	/// Its result is the same answer as the arbiter's within the job's tolerance.
	#[codec(index = 1)]
	Agrees,
	/// The arbiter could not get its result: its provider did not serve it.
	#[codec(index = 2)]
	Unchecked,
}

/// Why a bond was slashed.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	PartialEq,
	Eq,
	Debug,
)]
pub enum SlashReason {
	/// The provider did not commit or reveal in time.
	#[codec(index = 0)]
	NoShow,
	/// The provider's revealed result lost verification.
	#[codec(index = 1)]
	WrongResult,
}
