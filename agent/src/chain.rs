//! The chain as the agent sees it: typed views of the market's storage, calls, and a signer
//! that tracks its own nonce.
//!
//! The agent uses subxt's dynamic API: storage is decoded into the types below by field
//! name, so a runtime change to a field the agent reads fails loudly at decoding.

use std::{str::FromStr, sync::Arc};

use scale_decode::DecodeAsType;
use scale_encode::EncodeAsType;
use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	dynamic,
	rpcs::{LegacyRpcMethods, RpcClient},
	utils::AccountId32,
	OnlineClient, SubstrateConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};
use tokio::sync::Mutex;

use crate::hash::Hash;

/// The chain configuration: standard Substrate extensions, as the runtime uses.
pub type Cfg = SubstrateConfig;
/// A job id.
pub type JobId = u64;
/// An asset id.
pub type AssetId = u64;
/// A balance, in the chain's smallest unit (10⁻¹² ALM).
pub type Balance = u128;
/// One ALM.
pub const UNIT: Balance = 1_000_000_000_000;

/// What can go wrong talking to the chain.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	#[error("cannot reach the node at {url}: {source}")]
	Connect { url: String, source: Box<subxt::Error> },
	#[error("the node at {0} is not an Allmende node (no ComputeMarket pallet)")]
	NotAllmende(String),
	#[error(
		"the node at {url} says content that could not be had hashes to {chain}, this agent to \
		 {agent}: agent and runtime are of different versions"
	)]
	ContentUnavailableMismatch { url: String, chain: Hash, agent: Hash },
	#[error(transparent)]
	Subxt(#[from] Box<subxt::Error>),
	#[error("the transaction {call} was refused by the pool: {message}")]
	Refused { call: String, message: String },
	#[error("{call} failed: {error}")]
	Dispatch { call: String, error: String },
	#[error("secret URI {0:?} is not valid")]
	BadSuri(String),
}

/// A result of a chain operation.
pub type Result<T, E = ChainError> = std::result::Result<T, E>;

fn sx<E: Into<subxt::Error>>(e: E) -> ChainError {
	ChainError::Subxt(Box::new(e.into()))
}

macro_rules! chain_type {
	($(#[$m:meta])* $vis:vis $kind:ident $name:ident $body:tt) => {
		$(#[$m])*
		#[derive(Clone, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
		$vis $kind $name $body
	};
}

/// A fraction in billionths, as the runtime's `Perbill`.
#[derive(Clone, Debug, DecodeAsType)]
pub struct Perbill(pub u32);

chain_type! {
	/// Workload kinds, as the market names them.
	pub enum WorkloadKind { Wasm, Onnx, Container }
}
chain_type! {
	/// Content named by hash, where to fetch it, and its declared size in bytes
	/// (`UNDECLARED_SIZE`: none).
	pub struct ContentRef { pub hash: [u8; 32], pub uri: Vec<u8>, pub size: u64 }
}

/// The size of content whose size was not declared (jobs stored before sizes were).
pub const UNDECLARED_SIZE: u64 = u64::MAX;

impl ContentRef {
	/// Its declared size, if it has one.
	pub fn declared_size(&self) -> Option<u64> {
		(self.size != UNDECLARED_SIZE).then_some(self.size)
	}
}
chain_type! {
	/// A job's workload.
	pub struct Workload { pub kind: WorkloadKind, pub content: ContentRef }
}
chain_type! {
	/// Hardware a provider has or a job needs.
	#[derive(Copy, Default, serde::Deserialize, serde::Serialize)]
	pub struct Hardware { pub gpu_count: u32, pub vram_gib: u32, pub cpu_cores: u32, pub ram_gib: u32 }
}
chain_type! {
	/// What a requester asks for.
	pub struct JobSpec {
		pub workload: Workload,
		pub input: ContentRef,
		pub requirements: Hardware,
		pub region: Option<u16>,
		pub replicas: u32,
		pub max_price: Balance,
		pub bidding_period: u32,
		pub execution_period: u32,
		pub reveal_period: u32,
		pub min_reputation: Option<u32>,
		pub assets: Vec<AssetId>,
		pub max_royalties: Balance,
		pub tolerance: Option<u32>,
	}
}
chain_type! {
	/// Where a job is in its life.
	pub enum JobStatus { Bidding, Drawing, Committing, Revealing, ChallengeWindow, Settled, Failed, Expired, Cancelled }
}
chain_type! {
	/// An arbiter's verdict on one replica of a disputed round, as the market encodes it:
	/// `Differs` 0, `Agrees` 1, `Unchecked` 2.
	#[derive(Copy, serde::Deserialize, serde::Serialize)]
	#[serde(rename_all = "lowercase")]
	pub enum Judgement { Differs, Agrees, Unchecked }
}
chain_type! {
	/// Whose round a job is in.
	pub enum Round { Original, Arbitration }
}
chain_type! {
	/// A posted job (the fields the agent uses).
	pub struct Job {
		pub requester: AccountId32,
		pub spec: JobSpec,
		pub status: JobStatus,
		pub round: Round,
		pub deadline: u32,
	}
}
chain_type! {
	/// A revealed result.
	pub struct Reveal { pub result_hash: [u8; 32], pub result_uri: Vec<u8> }
}
chain_type! {
	/// Why a bid left a job's list.
	pub enum BidRemoval { Retracted, Displaced, Lost, JobClosed }
}
chain_type! {
	/// Why a provider's bond was slashed.
	pub enum SlashReason { NoShow, WrongResult }
}
chain_type! {
	/// The fields of the market's `ProviderPaid` event.
	pub struct ProviderPaid { pub job_id: JobId, pub provider: AccountId32, pub amount: Balance }
}
chain_type! {
	/// The fields of the market's `BondSlashed` event.
	pub struct BondSlashed { pub job_id: JobId, pub provider: AccountId32, pub amount: Balance, pub reason: SlashReason }
}
/// What a block's market events mean for one provider.
#[derive(Debug, Default)]
pub struct BlockMarket {
	/// The jobs the events name.
	pub touched: Vec<JobId>,
	/// Jobs the provider was assigned to (`JobAssigned`) or drawn for as an arbiter
	/// (`ArbitersDrawn`): the only ways onto a job's assignments.
	pub assigned: Vec<JobId>,
	/// The standing offers the provider posted (`OfferPosted`).
	pub offers: Vec<u64>,
	/// Jobs from whose full bid list a larger bond displaced the provider's bid.
	pub displaced: Vec<JobId>,
	/// What the provider was paid.
	pub earned: Balance,
	/// The provider's bonds slashed: job and why.
	pub slashed: Vec<(JobId, SlashReason)>,
}
chain_type! {
	/// The fields of the market's `OfferPosted` event.
	pub struct OfferPosted { pub offer_id: u64, pub provider: AccountId32, pub price: Balance, pub capacity: u32 }
}
chain_type! {
	/// The fields of the market's `JobAssigned` event.
	pub struct JobAssigned { pub job_id: JobId, pub providers: Vec<AccountId32>, pub price: Balance, pub commit_by: u32 }
}
chain_type! {
	/// The fields of the market's `ArbitersDrawn` event.
	pub struct ArbitersDrawn { pub job_id: JobId, pub arbiters: Vec<AccountId32>, pub commit_by: u32 }
}
chain_type! {
	/// The fields of the market's `BidRemoved` event.
	pub struct BidRemoved { pub job_id: JobId, pub provider: AccountId32, pub reason: BidRemoval }
}
chain_type! {
	/// A bid on a job still in bidding.
	pub struct Bid { pub provider: AccountId32, pub price: Balance, pub bond: Balance }
}
chain_type! {
	/// A provider assigned to a job's current round.
	pub struct Assignment {
		pub provider: AccountId32,
		pub price: Balance,
		pub bond: Balance,
		pub commitment: Option<[u8; 32]>,
		pub reveal: Option<Reveal>,
	}
}
chain_type! {
	/// A job's verified result.
	pub struct VerifiedResult {
		pub result_hash: [u8; 32],
		pub result_uri: Vec<u8>,
		pub agreed: Vec<AccountId32>,
		pub verified_at: u32,
	}
}
chain_type! {
	/// A provider's profile.
	pub struct ProviderProfile { pub gpu_model: Vec<u8>, pub hardware: Hardware, pub region: u16, pub endpoint: Vec<u8> }
}
chain_type! {
	/// Active or unbonding.
	pub enum ProviderStatus { Active, Unbonding { unlocks_at: u32 } }
}
chain_type! {
	/// A registered provider (the fields the agent uses).
	pub struct Provider { pub stake: Balance, pub profile: ProviderProfile, pub reputation: Reputation, pub status: ProviderStatus, pub arbiter_slot: Option<u32> }
}
chain_type! {
	/// A provider's record of finished work.
	pub struct Reputation { pub completed: u32, pub slashed: u32, pub no_shows: u32 }
}

impl Reputation {
	/// The market's score, in parts per million: completed / (completed + slashed + no-shows
	/// + 1), rounded down.
	pub fn score(&self) -> u32 {
		let good = u64::from(self.completed);
		let all = good + u64::from(self.slashed) + u64::from(self.no_shows) + 1;
		(good * 1_000_000 / all) as u32
	}
}
chain_type! {
	/// A standing offer.
	pub struct Offer {
		pub provider: AccountId32,
		pub price: Balance,
		pub hardware: Hardware,
		pub capacity: u32,
		pub expires_at: u32,
		pub execution_period: u32,
		pub reveal_period: u32,
		pub scope: OfferScope,
	}
}
chain_type! {
	/// What a standing offer takes: workload kinds, the largest workload and input in bytes,
	/// and the least tolerance.
	pub struct OfferScope {
		pub kinds: Vec<WorkloadKind>,
		pub max_workload_size: u64,
		pub max_input_size: u64,
		pub min_tolerance: u32,
	}
}

chain_type! {
	/// Dataset or model.
	#[derive(Copy)]
	pub enum AssetKind { Dataset, Model }
}
chain_type! {
	/// Who may use an asset in jobs: anyone, or its owner and the accounts it granted access.
	#[derive(Copy)]
	pub enum License { Open, Permissioned }
}
chain_type! {
	/// A registered dataset or model (the fields the agent uses).
	pub struct Asset {
		pub owner: AccountId32,
		pub kind: AssetKind,
		pub content_hash: [u8; 32],
		pub uri: Vec<u8>,
		pub license: License,
		pub royalty: Balance,
		pub retired: bool,
	}
}

impl Asset {
	/// Whether `who` may use the asset, by the registry's rule.
	pub async fn may_use(&self, at: &At, id: AssetId, who: &AccountId32) -> Result<bool> {
		Ok(match self.license {
			License::Open => true,
			License::Permissioned => &self.owner == who || Chain::has_access(at, id, who).await?,
		})
	}
}

impl JobStatus {
	/// Whether the commit phase of the current round has closed (results may be shown).
	pub fn commit_closed(&self) -> bool {
		!matches!(self, JobStatus::Bidding | JobStatus::Drawing | JobStatus::Committing)
	}
	/// Whether the job is finished.
	pub fn is_terminal(&self) -> bool {
		matches!(
			self,
			JobStatus::Settled | JobStatus::Failed | JobStatus::Expired | JobStatus::Cancelled
		)
	}
}

/// A connection to a node.
#[derive(Clone)]
pub struct Chain {
	pub api: OnlineClient<Cfg>,
	pub legacy: LegacyRpcMethods<RpcConfigFor<Cfg>>,
	pub url: String,
}

/// A client pinned at one block.
pub type At = subxt::client::OnlineClientAtBlock<Cfg>;

/// The most ids a page of the market's runtime API returns (its `MAX_PAGE`).
const PAGE: u32 = 100;

/// A storage map's entry at `at`, decoded, or `None` if it has none.
async fn get<K, V>(at: &At, pallet: &str, entry: &str, key: K) -> Result<Option<V>>
where
	K: subxt::ext::frame_decode::storage::IntoEncodableValues
		+ subxt::ext::frame_decode::storage::IntoDecodableValues,
	V: DecodeAsType,
{
	let addr = dynamic::storage::<K, V>(pallet, entry);
	match at.storage().try_fetch(&addr, key).await.map_err(sx)? {
		Some(v) => Ok(Some(v.decode().map_err(sx)?)),
		None => Ok(None),
	}
}

impl Chain {
	/// Connects to `url` (`ws://…`) and checks that the node runs an Allmende runtime.
	pub async fn connect(url: &str) -> Result<Self> {
		let connect_err =
			|e: subxt::Error| ChainError::Connect { url: url.into(), source: Box::new(e) };
		let rpc = RpcClient::from_insecure_url(url).await.map_err(|e| connect_err(e.into()))?;
		let api = OnlineClient::<Cfg>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| connect_err(e.into()))?;
		let legacy = LegacyRpcMethods::new(rpc);
		let chain = Self { api, legacy, url: url.into() };
		let at = chain.finalized().await?;
		if at.metadata_ref().pallet_by_name("ComputeMarket").is_none() {
			return Err(ChainError::NotAllmende(url.into()));
		}
		// Replicas that got no content must reveal the hash the market recognises, or the
		// job's owners are paid for data nobody had.
		let chain_hash = Hash(
			at.constants()
				.entry(dynamic::constant::<[u8; 32]>("ComputeMarket", "ContentUnavailable"))
				.map_err(sx)?,
		);
		let agent_hash = crate::workload::content_unavailable_hash();
		if chain_hash != agent_hash {
			return Err(ChainError::ContentUnavailableMismatch {
				url: url.into(),
				chain: chain_hash,
				agent: agent_hash,
			});
		}
		Ok(chain)
	}

	/// The latest finalized block.
	pub async fn finalized(&self) -> Result<At> {
		self.api.at_current_block().await.map_err(sx)
	}

	/// The least bond a bid on a job of `max_price` must hold, as the pallet computes it:
	/// `max(BidBondFraction × max_price` rounded up`, MinBidBond)`.
	pub fn least_bond(at: &At, max_price: Balance) -> Result<Balance> {
		let constants = at.constants();
		let Perbill(parts) = constants
			.entry(dynamic::constant::<Perbill>("ComputeMarket", "BidBondFraction"))
			.map_err(sx)?;
		let floor = constants
			.entry(dynamic::constant::<Balance>("ComputeMarket", "MinBidBond"))
			.map_err(sx)?;
		Ok(max_price.saturating_mul(u128::from(parts)).div_ceil(1_000_000_000).max(floor))
	}

	/// How many blocks before its deadline a job stops taking bids (`DrawDelay`).
	pub fn draw_delay(at: &At) -> Result<u32> {
		at.constants()
			.entry(dynamic::constant::<u32>("ComputeMarket", "DrawDelay"))
			.map_err(sx)
	}

	/// A job, if it exists.
	pub async fn job(at: &At, id: JobId) -> Result<Option<Job>> {
		get(at, "ComputeMarket", "Jobs", (id,)).await
	}

	/// The bids on a job in bidding.
	pub async fn bids(at: &At, id: JobId) -> Result<Vec<Bid>> {
		let addr = dynamic::storage::<(JobId,), Vec<Bid>>("ComputeMarket", "Bids");
		at.storage().fetch(&addr, (id,)).await.map_err(sx)?.decode().map_err(sx)
	}

	/// How many bids a job holds at most (`MaxBidsPerJob`).
	pub fn max_bids(at: &At) -> Result<u32> {
		at.constants()
			.entry(dynamic::constant::<u32>("ComputeMarket", "MaxBidsPerJob"))
			.map_err(sx)
	}

	/// The providers of a job's current round, with their commitments and reveals.
	pub async fn assignments(at: &At, id: JobId) -> Result<Vec<Assignment>> {
		let addr = dynamic::storage::<(JobId,), Vec<Assignment>>("ComputeMarket", "Assignments");
		at.storage().fetch(&addr, (id,)).await.map_err(sx)?.decode().map_err(sx)
	}

	/// The round under review of a job in arbitration, in its order (empty when there is
	/// none).
	pub async fn disputed(at: &At, id: JobId) -> Result<Vec<Assignment>> {
		Ok(get(at, "ComputeMarket", "Disputed", (id,)).await?.unwrap_or_default())
	}

	/// Every job `who` bids on, is assigned to or is drawn to judge, from the market's
	/// runtime API (its `JobsOfProvider` index, a page of 100 at a time): not a walk over
	/// every job's assignments.
	pub async fn jobs_of_provider(at: &At, who: &AccountId32) -> Result<Vec<JobId>> {
		let mut out = Vec::new();
		let mut after: Option<JobId> = None;
		loop {
			let call = dynamic::runtime_api_call::<_, Vec<JobId>>(
				"ComputeMarketApi",
				"jobs_of_provider",
				(who.clone(), after, PAGE),
			);
			let page = at.runtime_apis().call(call).await.map_err(sx)?;
			let full = page.len() >= PAGE as usize;
			after = page.last().copied();
			out.extend(page);
			if !full {
				return Ok(out);
			}
		}
	}

	/// The open jobs a provider with `hardware` in `region` may bid on, from the market's
	/// runtime API (pages of at most 100 open jobs read).
	pub async fn open_jobs_for(at: &At, hardware: Hardware, region: u16) -> Result<Vec<JobId>> {
		let mut out = Vec::new();
		let mut after: Option<JobId> = None;
		loop {
			let call = dynamic::runtime_api_call::<_, (Vec<JobId>, Option<JobId>)>(
				"ComputeMarketApi",
				"open_jobs",
				(hardware, region, after, PAGE),
			);
			let (page, more) = at.runtime_apis().call(call).await.map_err(sx)?;
			out.extend(page);
			match more {
				Some(last) => after = Some(last),
				None => return Ok(out),
			}
		}
	}

	/// A job's verified result, if it has one.
	pub async fn result(at: &At, id: JobId) -> Result<Option<VerifiedResult>> {
		get(at, "ComputeMarket", "Results", (id,)).await
	}

	/// A registered provider.
	pub async fn provider(at: &At, who: &AccountId32) -> Result<Option<Provider>> {
		get(at, "ComputeMarket", "Providers", (who.clone(),)).await
	}

	/// A standing offer.
	pub async fn offer(at: &At, id: u64) -> Result<Option<Offer>> {
		get(at, "ComputeMarket", "Offers", (id,)).await
	}

	/// Every standing offer: (id, offer).
	pub async fn offers(at: &At) -> Result<Vec<(u64, Offer)>> {
		let addr = dynamic::storage::<(u64,), Offer>("ComputeMarket", "Offers");
		let mut entries = at.storage().iter(&addr, ()).await.map_err(sx)?;
		let mut out = Vec::new();
		while let Some(kv) = entries.next().await {
			let kv = kv.map_err(sx)?;
			let (id,) = kv.key().map_err(sx)?.decode().map_err(sx)?;
			out.push((id, kv.value().decode().map_err(sx)?));
		}
		Ok(out)
	}

	/// The registered asset with this content hash, if any.
	pub async fn asset_by_hash(at: &At, hash: &Hash) -> Result<Option<AssetId>> {
		get(at, "DataRegistry", "AssetByHash", (hash.0,)).await
	}

	/// A registered asset.
	pub async fn asset(at: &At, id: AssetId) -> Result<Option<Asset>> {
		get(at, "DataRegistry", "Assets", (id,)).await
	}

	/// Whether the owner of a permissioned asset granted `who` access to it.
	pub async fn has_access(at: &At, id: AssetId, who: &AccountId32) -> Result<bool> {
		Ok(get::<_, Balance>(at, "DataRegistry", "Access", (id, who.clone()))
			.await?
			.is_some())
	}

	/// What a block's market events mean for provider `who` (`None`: only the jobs they
	/// name), from one read of the events.
	pub async fn block_market(at: &At, who: Option<&AccountId32>) -> Result<BlockMarket> {
		let events = at.events().fetch().await.map_err(sx)?;
		let mut out = BlockMarket::default();
		for ev in events.iter() {
			let ev = ev.map_err(sx)?;
			if ev.pallet_name() != "ComputeMarket" {
				continue;
			}
			match ev.event_name() {
				"BidRemoved" => {
					let e: BidRemoved = ev.decode_fields_unchecked_as().map_err(sx)?;
					if Some(&e.provider) == who && e.reason == BidRemoval::Displaced {
						out.displaced.push(e.job_id);
					}
				},
				"ProviderPaid" => {
					let e: ProviderPaid = ev.decode_fields_unchecked_as().map_err(sx)?;
					if Some(&e.provider) == who {
						out.earned = out.earned.saturating_add(e.amount);
					}
				},
				"BondSlashed" => {
					let e: BondSlashed = ev.decode_fields_unchecked_as().map_err(sx)?;
					if Some(&e.provider) == who {
						out.slashed.push((e.job_id, e.reason));
					}
				},
				"OfferPosted" => {
					let e: OfferPosted = ev.decode_fields_unchecked_as().map_err(sx)?;
					if Some(&e.provider) == who {
						out.offers.push(e.offer_id);
					}
				},
				"JobAssigned" => {
					let e: JobAssigned = ev.decode_fields_unchecked_as().map_err(sx)?;
					if who.is_some_and(|w| e.providers.contains(w)) {
						out.assigned.push(e.job_id);
					}
				},
				"ArbitersDrawn" => {
					let e: ArbitersDrawn = ev.decode_fields_unchecked_as().map_err(sx)?;
					if who.is_some_and(|w| e.arbiters.contains(w)) {
						out.assigned.push(e.job_id);
					}
				},
				_ => {},
			}
			let fields: dynamic::Value = ev.decode_fields_unchecked_as().map_err(sx)?;
			use subxt::dynamic::At as _;
			if let Some(id) = fields.at("job_id").and_then(|v| v.as_u128()) {
				if let Ok(id) = JobId::try_from(id) {
					if !out.touched.contains(&id) {
						out.touched.push(id);
					}
				}
			}
		}
		Ok(out)
	}
}

/// An account that signs transactions, with the nonce it tracks itself.
pub struct Signer {
	pub keypair: Keypair,
	pub account: AccountId32,
	nonce: Mutex<Option<u64>>,
}

impl Signer {
	/// From a secret URI such as `//Alice` or `<mnemonic>//provider`.
	pub fn from_suri(suri: &str) -> Result<Arc<Self>> {
		let uri = SecretUri::from_str(suri).map_err(|_| ChainError::BadSuri(suri.into()))?;
		let keypair = Keypair::from_uri(&uri).map_err(|_| ChainError::BadSuri(suri.into()))?;
		let account = keypair.public_key().to_account_id();
		Ok(Arc::new(Self { keypair, account, nonce: Mutex::new(None) }))
	}

	/// Forgets the tracked nonce: the next transaction reads it from the node. For a new
	/// connection (the old node's pool may have held transactions the new one never sees) and
	/// before submitting again what did not take effect (it may have been dropped, leaving a gap).
	pub async fn forget_nonce(&self) {
		*self.nonce.lock().await = None;
	}

	/// Signs a call with the next nonce and hands it to the pool. A refusal by the pool (a
	/// nonce another client of the account used, for example) re-reads the nonce from the node
	/// and tries twice more.
	async fn send(
		&self,
		chain: &Chain,
		call: &str,
		payload: &impl subxt::transactions::Payload,
		watch: bool,
	) -> Result<
		Option<
			subxt::transactions::TransactionProgress<
				Cfg,
				subxt::client::OnlineClientAtBlockImpl<Cfg>,
			>,
		>,
	> {
		let mut nonce = self.nonce.lock().await;
		let mut attempt = 0;
		loop {
			let next = match *nonce {
				Some(n) => n,
				None => chain.legacy.system_account_next_index(&self.account).await.map_err(sx)?,
			};
			let at = chain.finalized().await?;
			let params = DefaultExtrinsicParamsBuilder::<Cfg>::new().nonce(next).immortal().build();
			let tx = at.tx();
			let mut signable = tx.create_signable_offline(payload, params).map_err(sx)?;
			let signed = signable.sign(&self.keypair).map_err(sx)?;
			let sent = if watch {
				signed.submit_and_watch().await.map(Some).map_err(|e| e.to_string())
			} else {
				signed.submit().await.map(|_| None).map_err(|e| e.to_string())
			};
			match sent {
				Ok(progress) => {
					*nonce = Some(next + 1);
					log::info!("submitted {call} (nonce {next})");
					return Ok(progress);
				},
				Err(message) => {
					*nonce = None;
					attempt += 1;
					if attempt == 3 {
						return Err(ChainError::Refused { call: call.into(), message });
					}
					log::info!(
						"{call} refused by the pool ({message}); trying again with a fresh nonce"
					);
					tokio::time::sleep(std::time::Duration::from_millis(500)).await;
				},
			}
		}
	}

	/// Signs and submits a call and returns once the pool accepted it. The outcome is learnt
	/// from the chain's state later.
	pub async fn submit(
		&self,
		chain: &Chain,
		call: &str,
		payload: impl subxt::transactions::Payload,
	) -> Result<()> {
		self.send(chain, call, &payload, false).await.map(|_| ())
	}

	/// Signs and submits a call and waits until it is in a finalized block; a call that
	/// fails in the block is an error naming the pallet's error.
	pub async fn submit_and_watch(
		&self,
		chain: &Chain,
		call: &str,
		payload: impl subxt::transactions::Payload,
	) -> Result<Vec<(String, String, dynamic::Value)>> {
		let progress = self.send(chain, call, &payload, true).await?.expect("watched");
		let in_block = progress
			.wait_for_finalized()
			.await
			.map_err(|e| ChainError::Refused { call: call.into(), message: e.to_string() })?;
		match in_block.wait_for_success().await {
			Ok(events) => {
				let mut out = Vec::new();
				for ev in events.iter() {
					let ev = ev.map_err(sx)?;
					let fields: dynamic::Value = ev.decode_fields_unchecked_as().map_err(sx)?;
					out.push((ev.pallet_name().to_string(), ev.event_name().to_string(), fields));
				}
				Ok(out)
			},
			Err(subxt::error::TransactionEventsError::ExtrinsicFailed(de)) => {
				let error = match &de {
					subxt::error::DispatchError::Module(m) => m.details_string(),
					other => other.to_string(),
				};
				Err(ChainError::Dispatch { call: call.into(), error })
			},
			Err(e) => Err(sx(e)),
		}
	}
}

/// `blake2_256(result_hash ‖ salt ‖ provider)`: the commitment the market checks a reveal
/// against (the provider as its SCALE encoding, the 32 bytes of the account id).
pub fn commitment(result: &Hash, salt: &[u8; 32], provider: &AccountId32) -> Hash {
	Hash::of_parts(&[&result.0, salt, &provider.0])
}

/// `blake2_256(result_hash ‖ salt ‖ arbiter ‖ verdict)`: the commitment of an arbiter's
/// verdict (in its SCALE encoding: a compact length, then one byte per replica).
pub fn verdict_commitment(
	result: &Hash,
	verdict: &[Judgement],
	salt: &[u8; 32],
	arbiter: &AccountId32,
) -> Hash {
	use subxt::ext::codec::Encode;
	let bytes: Vec<u8> = verdict
		.iter()
		.map(|j| match j {
			Judgement::Differs => 0,
			Judgement::Agrees => 1,
			Judgement::Unchecked => 2,
		})
		.collect();
	Hash::of_parts(&[&result.0, salt, &arbiter.0, &bytes.encode()])
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_verdict_commitment_hashes_the_verdict_as_the_market_does() {
		let (r, s, a) = (Hash([1; 32]), [2u8; 32], AccountId32([3; 32]));
		use Judgement::*;
		// SCALE: a compact length (3 << 2), then one byte per entry.
		let expected = Hash::of_parts(&[&[1; 32], &[2; 32], &[3; 32], &[12, 1, 0, 2]]);
		assert_eq!(verdict_commitment(&r, &[Agrees, Differs, Unchecked], &s, &a), expected);
		assert_ne!(verdict_commitment(&r, &[Differs, Agrees, Unchecked], &s, &a), expected);
	}

	#[test]
	fn the_reputation_score_rounds_down_as_the_market_does() {
		let r = |completed, slashed, no_shows| Reputation { completed, slashed, no_shows }.score();
		assert_eq!(r(0, 0, 0), 0);
		assert_eq!(r(2, 0, 0), 666_666);
		assert_eq!(r(1, 1, 0), 333_333);
		assert_eq!(r(999_999, 0, 0), 999_999);
		assert_eq!(r(u32::MAX, u32::MAX, u32::MAX), 333_333);
	}
}
