//! Content over HTTP: `GET /blob/0x<blake2_256>?job=<id>`, signed by the asking account.
//!
//! A request carries three headers:
//! - `x-allmende-account`: the asking account, `0x` and its 32 bytes in hex;
//! - `x-allmende-time`: the request's time in Unix seconds (within 60 s of the server's);
//! - `x-allmende-signature`: its sr25519 signature, `0x` and 64 bytes in hex, of
//!   `allmende-blob:<host:port>:<hash>:<job>:<time>` (the server's address as in its URL, the
//!   hash as `0x…`, job and time in decimal). Naming the server keeps a server that received
//!   a signed request from replaying it to another.
//!
//! The server answers by the chain's rules, read at its latest finalized block (see
//! [`permitted`]); anything else gets `403` with the reason as text. The client bounds the
//! download and checks the hash: nothing is used that does not hash to what the chain says.

use std::{
	collections::{BTreeMap, BTreeSet},
	convert::Infallible,
	net::SocketAddr,
	pin::Pin,
	sync::{
		atomic::{AtomicU64, AtomicU8, Ordering},
		Arc, Mutex,
	},
	task::{Context, Poll},
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full, Limited};
use hyper::{
	body::{Frame, Incoming, SizeHint},
	server::conn::http1,
	service::service_fn,
	Request, Response, StatusCode,
};
use hyper_util::rt::TokioIo;
use subxt::utils::AccountId32;
use subxt_signer::sr25519;
use tokio::net::{TcpListener, TcpStream};

use crate::{
	chain::{self, Chain, JobId, JobStatus, Round},
	guard::{self, peer_key, RateLimiter, ReplayError, Replays},
	hash::Hash,
	outbound::{Outbound, OutboundError},
	store::Store,
};

/// How far a request's time may be from the server's clock, in seconds.
pub const MAX_CLOCK_SKEW: u64 = 60;

/// What went wrong fetching content.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
	#[error("{0} is not an http:// URL of the form http://host:port/…")]
	BadUrl(String),
	#[error("cannot connect to {url}: {source}")]
	Connect { url: String, source: std::io::Error },
	#[error("HTTP to {url}: {source}")]
	Http { url: String, source: hyper::Error },
	#[error("{url} answered {status}: {reason}")]
	Status { url: String, status: StatusCode, reason: String },
	#[error("{url} sent more than the limit of {limit} bytes")]
	TooLarge { url: String, limit: u64 },
	#[error("{url} sent content hashing to {actual}, not {expected}: refused")]
	HashMismatch { url: String, expected: Hash, actual: Hash },
	#[error("{url} timed out")]
	Timeout { url: String },
	#[error("the download from {url} broke off: {reason}")]
	BrokenOff { url: String, reason: String },
	#[error("{url}: the job declares {declared} bytes but its content has {actual}: refused")]
	SizeMismatch { url: String, declared: u64, actual: u64 },
	#[error("{url}: {source}")]
	Outbound { url: String, source: OutboundError },
}

fn now() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The bytes a request to the server at `authority` (`host:port`) signs.
pub fn request_message(authority: &str, hash: &Hash, job: JobId, time: u64) -> Vec<u8> {
	format!("allmende-blob:{authority}:{hash}:{job}:{time}").into_bytes()
}

/// The `host:port` of an `http://host:port/…` URL.
pub fn authority_of(url: &str) -> Option<&str> {
	let rest = url.strip_prefix("http://")?;
	Some(rest.split('/').next().unwrap_or(rest)).filter(|a| !a.is_empty())
}

/// The blob's URL at an endpoint.
pub fn blob_url(endpoint: &str, hash: &Hash) -> String {
	format!("{}/blob/{hash}", endpoint.trim_end_matches('/'))
}

/// The blob's URL at an endpoint, declaring its size: `…/blob/0x<hash>#size=<bytes>`. The
/// fragment is never sent. `host` registers assets with it, as the registry records no
/// size; a requester naming the asset in a job copies it into the job's `ContentRef::size`,
/// which providers read before they bid and hold the content to.
pub fn sized_blob_url(endpoint: &str, hash: &Hash, size: u64) -> String {
	format!("{}#size={size}", blob_url(endpoint, hash))
}

/// The size a URI declares with a `#size=<bytes>` fragment, if it declares one.
pub fn declared_size(uri: &[u8]) -> Option<u64> {
	let uri = std::str::from_utf8(uri).ok()?;
	let (_, fragment) = uri.split_once('#')?;
	let digits = fragment.strip_prefix("size=")?;
	// Digits only, as the runtime's migration reads it (no sign).
	digits
		.bytes()
		.all(|b| b.is_ascii_digit())
		.then(|| digits.parse().ok())
		.flatten()
}

/// Fetches `url` for `job`, signed by `keypair`, taking at most `limit` bytes, and returns
/// the content only if it hashes to `expected`. Connects only where `outbound` permits.
pub async fn fetch(
	url: &str,
	keypair: &sr25519::Keypair,
	job: JobId,
	expected: &Hash,
	limit: u64,
	timeout: Duration,
	outbound: &Outbound,
) -> Result<Vec<u8>, FetchError> {
	tokio::time::timeout(timeout, fetch_inner(url, keypair, job, expected, limit, outbound))
		.await
		.map_err(|_| FetchError::Timeout { url: url.into() })?
}

/// The `host:port` and the path of an `http://host:port/path#fragment` URL (the fragment,
/// a size declaration, is not part of a request).
fn split_url(url: &str) -> Option<(&str, &str)> {
	let without_fragment = url.split('#').next().unwrap_or(url);
	let rest = without_fragment.strip_prefix("http://")?;
	let (authority, path) = rest.split_at(rest.find('/')?);
	(!authority.is_empty()).then_some((authority, path))
}

/// Whether the agent would connect to fetch `url`: its host resolves to an address
/// `outbound` permits. A provider asks this before it bids, so that it declines a job it
/// could not fetch rather than fail it.
pub async fn reachable(url: &str, outbound: &Outbound) -> Result<(), FetchError> {
	let (authority, _) = split_url(url).ok_or_else(|| FetchError::BadUrl(url.into()))?;
	outbound
		.resolve(authority)
		.await
		.map(|_| ())
		.map_err(|source| FetchError::Outbound { url: url.into(), source })
}

async fn fetch_inner(
	url: &str,
	keypair: &sr25519::Keypair,
	job: JobId,
	expected: &Hash,
	limit: u64,
	outbound: &Outbound,
) -> Result<Vec<u8>, FetchError> {
	let bad = || FetchError::BadUrl(url.into());
	let (authority, path) = split_url(url).ok_or_else(bad)?;
	// Resolved and checked once; the connection goes to the checked address.
	let addrs = outbound
		.resolve(authority)
		.await
		.map_err(|source| FetchError::Outbound { url: url.into(), source })?;
	let stream = TcpStream::connect(&addrs[..])
		.await
		.map_err(|source| FetchError::Connect { url: url.into(), source })?;
	let http_err = |source| FetchError::Http { url: url.into(), source };
	let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
		.await
		.map_err(http_err)?;
	tokio::spawn(async move {
		if let Err(e) = conn.await {
			log::debug!("HTTP connection: {e}");
		}
	});
	let time = now();
	let signature = keypair.sign(&request_message(authority, expected, job, time));
	let request = Request::get(format!("{path}?job={job}"))
		.header("host", authority)
		.header("x-allmende-account", format!("0x{}", hex::encode(keypair.public_key().0)))
		.header("x-allmende-time", time.to_string())
		.header("x-allmende-signature", format!("0x{}", hex::encode(signature.0)))
		.body(Full::new(Bytes::new()))
		.map_err(|_| bad())?;
	let response = sender.send_request(request).await.map_err(http_err)?;
	let status = response.status();
	if status != StatusCode::OK {
		// The reason, not content: its own small bound, so a refusal never reads as content
		// over the limit.
		let reason = match Limited::new(response.into_body(), 512).collect().await {
			Ok(body) => String::from_utf8_lossy(&body.to_bytes()).trim().to_string(),
			Err(_) => "(no readable reason)".to_string(),
		};
		return Err(FetchError::Status { url: url.into(), status, reason });
	}
	let body = Limited::new(response.into_body(), limit as usize)
		.collect()
		.await
		.map_err(|e| {
			// Only a body over the limit is a refusal; a connection that broke off is not.
			if e.is::<http_body_util::LengthLimitError>() {
				FetchError::TooLarge { url: url.into(), limit }
			} else {
				FetchError::BrokenOff { url: url.into(), reason: e.to_string() }
			}
		})?
		.to_bytes();
	let actual = Hash::of(&body);
	if actual != *expected {
		return Err(FetchError::HashMismatch { url: url.into(), expected: *expected, actual });
	}
	Ok(body.to_vec())
}

/// Why a request is refused.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Denied {
	#[error("no such job")]
	UnknownJob,
	#[error("the blob is neither the workload or input of a job this server's account posted or an asset it owns, nor a result it revealed for the job")]
	NotInJob,
	#[error("the account is not assigned to the job's current round")]
	NotAssigned,
	#[error("the job is not in its commit phase")]
	NotRunning,
	#[error("the blob is this server's registered asset, which the job does not name")]
	AssetNotInJob,
	#[error(
		"a result is served only to the job's requester, and to its arbiters while they judge it"
	)]
	NotRequester,
	#[error("a result is served only after the commit phase has closed")]
	CommitOpen,
}

/// Whether the server of `owner` may give `who` blob `hash` for `job`, by the chain's state
/// at `at`:
/// - the job's workload or input, when `owner` posted the job or owns the registered asset
///   that the blob is (a server hosts its own content only, never content it fetched for
///   others), to a provider assigned to the job's current round (winning bidders or drawn
///   arbiters) while it is in its commit phase; the asset owner's copy only if the job names
///   the asset: the registry checked when the job was posted that its requester may use it,
///   and the job pays its royalty. Every provider of the job gets the same answer, so honest
///   replicas agree on what was available. A requester's own copy of content that someone
///   registered is its own to serve: a registration cannot take public content hostage;
/// - a result `owner` revealed for the job, to the job's requester, once the commit phase has
///   closed; and while arbiters judge the round it was revealed in, to each of them (they
///   compare every replica's result with their own).
///
/// Says which of these it is.
pub async fn permitted(
	at: &chain::At,
	owner: &AccountId32,
	who: &AccountId32,
	hash: &Hash,
	job: JobId,
) -> Result<Grant, PermitError> {
	let j = Chain::job(at, job).await?.ok_or(Denied::UnknownJob)?;
	if *hash == j.spec.workload.content.hash || *hash == j.spec.input.hash {
		let asset = match Chain::asset_by_hash(at, hash).await? {
			Some(id) => Chain::asset(at, id).await?.map(|a| (id, a)),
			None => None,
		};
		let own_job = &j.requester == owner;
		let own_asset = asset.as_ref().filter(|(_, a)| &a.owner == owner).map(|(id, _)| *id);
		if own_job || own_asset.is_some() {
			let assigned = Chain::assignments(at, job).await?;
			if !assigned.iter().any(|a| &a.provider == who) {
				return Err(Denied::NotAssigned.into());
			}
			// The owner's copy of an asset goes only to jobs that name it (and so pay its
			// royalty, and passed the registry's check that the requester may use it).
			if let Some(id) = own_asset.filter(|_| !own_job) {
				if !j.spec.assets.contains(&id) {
					return Err(Denied::AssetNotInJob.into());
				}
			}
			if j.status != JobStatus::Committing {
				return Err(Denied::NotRunning.into());
			}
			return Ok(if own_job { Grant::OwnContent } else { Grant::Asset });
		}
	}
	let revealed_by_owner = |a: &chain::Assignment| {
		&a.provider == owner && a.reveal.as_ref().is_some_and(|r| r.result_hash == *hash)
	};
	let assigned = Chain::assignments(at, job).await?;
	let judged = j.round == Round::Arbitration
		&& Chain::disputed(at, job).await?.iter().any(revealed_by_owner);
	let revealed = judged
		|| assigned.iter().any(revealed_by_owner)
		|| Chain::result(at, job)
			.await?
			.is_some_and(|r| r.result_hash == *hash && r.agreed.contains(owner));
	if !revealed {
		return Err(Denied::NotInJob.into());
	}
	if judged && assigned.iter().any(|a| &a.provider == who) {
		return Ok(Grant::Result);
	}
	if &j.requester != who {
		return Err(Denied::NotRequester.into());
	}
	if !j.status.commit_closed() {
		return Err(Denied::CommitOpen.into());
	}
	Ok(Grant::Result)
}

/// Where the result a provider revealed in `assignment` can be had: the URI it revealed,
/// then its provider's endpoint. Empty when it revealed nothing.
pub async fn revealed_urls(
	at: &chain::At,
	assignment: &chain::Assignment,
) -> chain::Result<Vec<String>> {
	let Some(reveal) = &assignment.reveal else { return Ok(Vec::new()) };
	let hash = reveal.result_hash;
	let mut urls = vec![String::from_utf8_lossy(&reveal.result_uri).into_owned()];
	if let Some(p) = Chain::provider(at, &assignment.provider).await? {
		urls.push(blob_url(&String::from_utf8_lossy(&p.profile.endpoint), &hash));
	}
	urls.dedup();
	Ok(urls)
}

/// Blob `hash` for `job` from the first of `urls` that serves it, all of them within
/// `timeout`; the errors of all of them otherwise. Owns its arguments, so that several can
/// run at once.
pub async fn fetch_any(
	urls: Vec<String>,
	keypair: sr25519::Keypair,
	job: JobId,
	hash: Hash,
	limit: u64,
	timeout: Duration,
	outbound: Outbound,
) -> Result<Vec<u8>, String> {
	let deadline = tokio::time::Instant::now() + timeout;
	let mut errors = Vec::new();
	for url in &urls {
		let left = deadline.saturating_duration_since(tokio::time::Instant::now());
		if left.is_zero() {
			errors.push(format!("{url}: no time left"));
			continue;
		}
		match fetch(url, &keypair, job, &hash, limit, left, &outbound).await {
			Ok(bytes) => return Ok(bytes),
			Err(e) => errors.push(e.to_string()),
		}
	}
	if errors.is_empty() {
		errors.push("nowhere to fetch it from".into());
	}
	Err(format!("no copy of {hash}: {}", errors.join("; ")))
}

/// What a request was granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
	/// The workload or input of a job the server's account posted.
	OwnContent,
	/// The server account's registered asset, to a provider of a job that names it.
	Asset,
	/// A result the server's account revealed, to the job's requester or an arbiter judging
	/// it.
	Result,
}

/// Jobs whose providers this server gave its account's registered assets, at most this many
/// (the oldest are forgotten first).
const MAX_SERVED_JOBS: usize = 4096;

/// Which providers of which jobs got an asset from this server: what a data owner needs to
/// know whether a provider that says it could not get the content is telling the truth.
#[derive(Default)]
pub struct Served(std::sync::Mutex<BTreeMap<JobId, BTreeSet<AccountId32>>>);

impl Served {
	/// Records that `who` got an asset for `job`.
	pub fn record(&self, job: JobId, who: AccountId32) {
		let mut jobs = locked(&self.0);
		jobs.entry(job).or_default().insert(who);
		while jobs.len() > MAX_SERVED_JOBS {
			jobs.pop_first();
		}
	}

	/// The providers that got an asset for `job`.
	pub fn to(&self, job: JobId) -> Option<BTreeSet<AccountId32>> {
		locked(&self.0).get(&job).cloned()
	}

	/// Forgets `job`.
	pub fn forget(&self, job: JobId) {
		locked(&self.0).remove(&job);
	}
}

/// A refusal, or a failure to read the chain.
#[derive(Debug, thiserror::Error)]
pub enum PermitError {
	#[error(transparent)]
	Denied(#[from] Denied),
	#[error(transparent)]
	Chain(#[from] chain::ChainError),
}

/// What the server needs.
pub struct Server {
	/// Replaced when the agent reconnects.
	pub chain: tokio::sync::RwLock<Chain>,
	pub store: Store,
	/// The account whose content this server gives out.
	pub owner: AccountId32,
	/// Its `host:port` as in its endpoint URL: what requests must be signed for.
	pub authority: String,
	/// Who got which asset.
	pub served: Served,
	/// Rate limits and granted requests, checked before any chain read.
	pub guards: Guards,
}

/// How often a peer (an IPv4 address or an IPv6 /64) may ask, on average per second and at
/// once: a provider fetches a job's two blobs and maybe a few results.
pub const PEER_RATE: (f64, f64) = (20.0, 40.0);
/// How often one signing account may ask, once its signature is checked.
pub const ACCOUNT_RATE: (f64, f64) = (10.0, 20.0);
/// Most peers or accounts counted at once, and most granted requests remembered.
const GUARD_CAP: usize = 65_536;

/// What a server checks before it reads the chain: each peer's and each account's request
/// rate, and requests granted before (a signed request seen on the way, sent again).
pub struct Guards {
	peers: Mutex<RateLimiter<std::net::IpAddr>>,
	accounts: Mutex<RateLimiter<[u8; 32]>>,
	replays: Mutex<Replays>,
}

impl Default for Guards {
	fn default() -> Self {
		Self {
			peers: Mutex::new(RateLimiter::new(PEER_RATE.0, PEER_RATE.1, GUARD_CAP)),
			accounts: Mutex::new(RateLimiter::new(ACCOUNT_RATE.0, ACCOUNT_RATE.1, GUARD_CAP)),
			// A request is good while its time is within the skew either side of the clock.
			replays: Mutex::new(Replays::new(2 * MAX_CLOCK_SKEW, GUARD_CAP)),
		}
	}
}

pub(crate) fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
	m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The body of every answer: a short text, or a blob streamed from the store.
pub type Body = BoxBody<Bytes, std::io::Error>;

/// A blob streamed from its file in the store, 64 KiB at a time: neither read whole into
/// memory nor hashed again per request (it was hashed when stored, and every client checks
/// the hash of what it gets).
struct FileBody {
	file: tokio::fs::File,
	left: u64,
	buf: Vec<u8>,
}

const CHUNK: usize = 64 << 10;

impl hyper::body::Body for FileBody {
	type Data = Bytes;
	type Error = std::io::Error;

	fn poll_frame(
		self: Pin<&mut Self>,
		cx: &mut Context<'_>,
	) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
		let this = self.get_mut();
		if this.left == 0 {
			return Poll::Ready(None);
		}
		let want = this.left.min(CHUNK as u64) as usize;
		this.buf.resize(want, 0);
		let mut read = tokio::io::ReadBuf::new(&mut this.buf);
		match tokio::io::AsyncRead::poll_read(Pin::new(&mut this.file), cx, &mut read) {
			Poll::Pending => Poll::Pending,
			Poll::Ready(Err(e)) => Poll::Ready(Some(Err(e))),
			Poll::Ready(Ok(())) => {
				let n = read.filled().len();
				if n == 0 {
					// The file is shorter than it was when opened.
					return Poll::Ready(Some(Err(std::io::ErrorKind::UnexpectedEof.into())));
				}
				this.left -= n as u64;
				Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(&this.buf[..n])))))
			},
		}
	}

	fn is_end_stream(&self) -> bool {
		self.left == 0
	}

	fn size_hint(&self) -> SizeHint {
		SizeHint::with_exact(self.left)
	}
}

/// A blob server's bound listener and the URL providers reach it at.
pub struct Bound {
	listener: TcpListener,
	/// `--endpoint`, or `http://<bound address>`.
	pub endpoint: String,
	/// The endpoint's `host:port`: what requests must be signed for.
	authority: String,
}

impl Bound {
	/// Binds `listen` (`--listen`); the endpoint is `endpoint` (`--endpoint`) or the bound
	/// address, which then must not be every interface: the URL goes on chain.
	pub async fn bind(listen: &str, endpoint: Option<&str>) -> anyhow::Result<Self> {
		use anyhow::Context;
		let listener = TcpListener::bind(listen)
			.await
			.with_context(|| format!("cannot listen on {listen}"))?;
		let local = listener.local_addr()?;
		anyhow::ensure!(
			endpoint.is_some() || !local.ip().is_unspecified(),
			"--listen {local} is every interface: give --endpoint, the URL providers reach it at \
			 (it goes on chain)"
		);
		let endpoint = endpoint.map_or_else(|| format!("http://{local}"), str::to_owned);
		let authority = authority_of(&endpoint)
			.context("--endpoint is not http://host:port")?
			.to_string();
		Ok(Self { listener, endpoint, authority })
	}

	/// Serves what `owner` may give out (see `permitted`) from `store` in a background task.
	pub fn spawn(self, chain: &Chain, store: &Store, owner: AccountId32) -> Arc<Server> {
		let server = Arc::new(Server {
			chain: tokio::sync::RwLock::new(chain.clone()),
			store: store.clone(),
			owner,
			authority: self.authority,
			served: Served::default(),
			guards: Guards::default(),
		});
		tokio::spawn(serve(self.listener, server.clone()));
		server
	}
}

/// How many connections a server holds at once, and how many of them from one peer (an IPv4
/// address or an IPv6 /64): a connection beyond the peer's share is closed at once, and one
/// beyond the total closes the oldest connection not granted a blob (or is closed itself if
/// every open connection was granted one), so idle sockets cannot exhaust the agent's
/// file descriptors.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	pub connections: usize,
	pub per_peer: usize,
	/// How long a client may take to send a request's headers; also how long a connection may
	/// sit idle before its first or next request.
	pub header_timeout: Duration,
	/// How long a write of an answer may wait for the client to take data (the socket's
	/// buffers full) before the connection is closed: a client granted a blob that stops
	/// reading gives its connection back after this, not after `lifetime`.
	pub send_timeout: Duration,
	/// How long one connection may last, however busy (a 256 MiB blob at 1 MiB/s fits).
	pub lifetime: Duration,
}

impl Default for Limits {
	fn default() -> Self {
		Self {
			connections: 512,
			per_peer: 16,
			header_timeout: Duration::from_secs(10),
			send_timeout: Duration::from_secs(30),
			lifetime: Duration::from_secs(300),
		}
	}
}

/// Since when a connection's socket has refused more of an answer (its buffers full because
/// the client does not read): milliseconds since `base`, plus one; 0 while writes go through.
struct Sending {
	base: tokio::time::Instant,
	blocked: AtomicU64,
}

impl Sending {
	fn new() -> Self {
		Sending { base: tokio::time::Instant::now(), blocked: AtomicU64::new(0) }
	}

	fn now(&self) -> u64 {
		u64::try_from(self.base.elapsed().as_millis())
			.unwrap_or(u64::MAX)
			.saturating_add(1)
	}

	/// A write could not go through: the clock starts unless it runs already.
	fn blocked(&self) {
		let _ = self
			.blocked
			.compare_exchange(0, self.now(), Ordering::Relaxed, Ordering::Relaxed);
	}

	/// A write went through.
	fn moved(&self) {
		self.blocked.store(0, Ordering::Relaxed);
	}

	/// Completes once a write has waited longer than `timeout` for the client to take data.
	async fn stalled(&self, timeout: Duration) {
		let limit = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
		let every = (timeout / 4).max(Duration::from_millis(50));
		loop {
			tokio::time::sleep(every).await;
			let since = self.blocked.load(Ordering::Relaxed);
			if since != 0 && self.now().saturating_sub(since) > limit {
				return;
			}
		}
	}
}

/// A connection's socket that tells its [`Sending`] whether writes go through. Only a write
/// the socket cannot take counts: a connection waiting for its client's next request is the
/// header timeout's business.
struct Watched {
	stream: TcpStream,
	sending: Arc<Sending>,
}

impl Watched {
	fn note<T>(&self, written: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
		match &written {
			Poll::Pending => self.sending.blocked(),
			Poll::Ready(_) => self.sending.moved(),
		}
		written
	}
}

impl tokio::io::AsyncRead for Watched {
	fn poll_read(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &mut tokio::io::ReadBuf<'_>,
	) -> Poll<std::io::Result<()>> {
		Pin::new(&mut self.stream).poll_read(cx, buf)
	}
}

impl tokio::io::AsyncWrite for Watched {
	fn poll_write(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &[u8],
	) -> Poll<std::io::Result<usize>> {
		let written = Pin::new(&mut self.stream).poll_write(cx, buf);
		self.note(written)
	}

	fn poll_write_vectored(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		bufs: &[std::io::IoSlice<'_>],
	) -> Poll<std::io::Result<usize>> {
		let written = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
		self.note(written)
	}

	fn is_write_vectored(&self) -> bool {
		self.stream.is_write_vectored()
	}

	fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
		// A socket's flush does not wait for the client: only writes tell.
		Pin::new(&mut self.stream).poll_flush(cx)
	}

	fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
		Pin::new(&mut self.stream).poll_shutdown(cx)
	}
}

/// Marks an answer that grants a blob: its connection is then never evicted to make room.
#[derive(Clone, Copy, Debug)]
pub struct Granted;

const CONN_OPEN: u8 = 0;
const CONN_GRANTED: u8 = 1;
const CONN_EVICTED: u8 = 2;
/// A request of the connection is being answered.
const CONN_BUSY: u8 = 3;

/// A server's open connections, oldest first, each open, busy, granted or evicted. Only an
/// open one (idle, or still sending its request's head) is evicted to make room: a request
/// being answered is not cut off, and neither is a connection granted a blob.
#[derive(Default)]
struct OpenConnections {
	next: AtomicU64,
	open: Mutex<BTreeMap<u64, (Arc<AtomicU8>, Arc<tokio::sync::Notify>)>>,
}

impl OpenConnections {
	/// A new connection: its id, state and the signal that evicts it.
	fn add(&self) -> (u64, Arc<AtomicU8>, Arc<tokio::sync::Notify>) {
		let id = self.next.fetch_add(1, Ordering::Relaxed);
		let state = Arc::new(AtomicU8::new(CONN_OPEN));
		let close = Arc::new(tokio::sync::Notify::new());
		locked(&self.open).insert(id, (state.clone(), close.clone()));
		(id, state, close)
	}

	fn remove(&self, id: u64) {
		locked(&self.open).remove(&id);
	}

	/// Signals the oldest connection never granted a blob and not answering a request to
	/// close; `false` if there is none.
	fn evict_oldest_ungranted(&self) -> bool {
		let mut open = locked(&self.open);
		let victim = open.iter().find_map(|(id, (state, close))| {
			state
				.compare_exchange(CONN_OPEN, CONN_EVICTED, Ordering::Relaxed, Ordering::Relaxed)
				.is_ok()
				.then(|| (*id, close.clone()))
		});
		match victim {
			Some((id, close)) => {
				open.remove(&id);
				close.notify_one();
				true
			},
			None => false,
		}
	}
}

/// Open connections per peer address; a guard gives its slot back when dropped.
#[derive(Default)]
struct PeerSlots(std::sync::Mutex<std::collections::HashMap<std::net::IpAddr, usize>>);

struct PeerSlot(Arc<PeerSlots>, std::net::IpAddr);

impl PeerSlots {
	fn take(self: &Arc<Self>, ip: std::net::IpAddr, limit: usize) -> Option<PeerSlot> {
		let mut open = locked(&self.0);
		let n = open.entry(ip).or_default();
		if *n >= limit {
			return None;
		}
		*n += 1;
		Some(PeerSlot(self.clone(), ip))
	}
}

impl Drop for PeerSlot {
	fn drop(&mut self) {
		let mut open = locked(&self.0 .0);
		if let Some(n) = open.get_mut(&self.1) {
			*n = n.saturating_sub(1);
			if *n == 0 {
				open.remove(&self.1);
			}
		}
	}
}

/// Serves `GET /blob/0x<hash>?job=<id>` and `GET /health` on `listener` until the task is
/// dropped, within the default [`Limits`].
pub async fn serve(listener: TcpListener, server: Arc<Server>) {
	serve_until(listener, server, std::future::pending()).await
}

/// [`serve`] until `stop` completes, then shuts down gracefully (see [`serve_within`]).
pub async fn serve_until(
	listener: TcpListener,
	server: Arc<Server>,
	stop: impl std::future::Future<Output = ()> + Send,
) {
	let answer = move |req, peer| {
		let server = server.clone();
		async move { handle(&server, req, peer).await }
	};
	serve_within(listener, Limits::default(), answer, stop).await
}

/// How long a graceful shutdown waits for requests in flight.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Accepts connections on `listener` within `limits` and answers each request with
/// `answer`, until `stop` completes. Then it stops accepting (the listener is closed), lets
/// the requests in flight finish for at most [`SHUTDOWN_GRACE`] while idle connections close,
/// and returns.
pub async fn serve_within<F, Fut>(
	listener: TcpListener,
	limits: Limits,
	answer: F,
	stop: impl std::future::Future<Output = ()> + Send,
) where
	F: Fn(Request<Incoming>, SocketAddr) -> Fut + Clone + Send + Sync + 'static,
	Fut: std::future::Future<Output = Response<Body>> + Send + 'static,
{
	let connections = Arc::new(tokio::sync::Semaphore::new(limits.connections));
	let peers = Arc::new(PeerSlots::default());
	let open = Arc::new(OpenConnections::default());
	let (stopping, stopped) = tokio::sync::watch::channel(false);
	let mut tasks = tokio::task::JoinSet::new();
	let mut stop = std::pin::pin!(stop);
	loop {
		let accepted = tokio::select! {
			accepted = listener.accept() => accepted,
			() = &mut stop => break,
			// Finished connection tasks are collected as they go.
			Some(_) = tasks.join_next(), if !tasks.is_empty() => continue,
		};
		let (stream, peer) = match accepted {
			Ok(s) => s,
			Err(e) => {
				log::warn!("accepting a connection: {e}");
				tokio::time::sleep(Duration::from_millis(100)).await;
				continue;
			},
		};
		// Over the peer's share: the socket is dropped, and with it the connection.
		let Some(slot) = peers.take(guard::peer_key(peer.ip()), limits.per_peer) else {
			log::debug!("refused a connection from {peer}: {} open from there", limits.per_peer);
			continue;
		};
		// All slots taken: the oldest connection that was never granted a blob makes room,
		// so peers that hold idle or slow sockets cannot lock the server's clients out.
		let permit = match connections.clone().try_acquire_owned() {
			Ok(permit) => permit,
			Err(_) => {
				if !open.evict_oldest_ungranted() {
					log::debug!("refused a connection from {peer}: {} granted", limits.connections);
					continue;
				}
				let freed = connections.clone().acquire_owned();
				match tokio::time::timeout(Duration::from_secs(1), freed).await {
					Ok(Ok(permit)) => permit,
					_ => continue,
				}
			},
		};
		let (id, state, close) = open.add();
		let open = open.clone();
		let answer = answer.clone();
		let mut stopped = stopped.clone();
		tasks.spawn(async move {
			let granting = state.clone();
			let sending = Arc::new(Sending::new());
			let service = service_fn(move |req| {
				let answer = answer.clone();
				let granting = granting.clone();
				async move {
					// Not evicted while its request is answered (unless it was a moment ago).
					let busy = granting
						.compare_exchange(
							CONN_OPEN,
							CONN_BUSY,
							Ordering::Relaxed,
							Ordering::Relaxed,
						)
						.is_ok();
					let response = answer(req, peer).await;
					// Once granted, never evicted; otherwise open again.
					let granted = response.extensions().get::<Granted>().is_some();
					let (from, to) = match (busy, granted) {
						(true, true) => (CONN_BUSY, CONN_GRANTED),
						(true, false) => (CONN_BUSY, CONN_OPEN),
						(false, true) => (CONN_OPEN, CONN_GRANTED),
						(false, false) => (CONN_OPEN, CONN_OPEN),
					};
					let _ =
						granting.compare_exchange(from, to, Ordering::Relaxed, Ordering::Relaxed);
					Ok::<_, Infallible>(response)
				}
			});
			let connection = http1::Builder::new()
				.timer(hyper_util::rt::TokioTimer::new())
				.header_read_timeout(limits.header_timeout)
				.serve_connection(
					TokioIo::new(Watched { stream, sending: sending.clone() }),
					service,
				);
			let served = async {
				let mut connection = std::pin::pin!(connection);
				tokio::select! {
					done = connection.as_mut() => return done,
					_ = stopped.wait_for(|s| *s) => {},
					// Evicted to make room: closed at once.
					() = close.notified() => return Ok(()),
					// A client that stopped taking its answer: closed.
					() = sending.stalled(limits.send_timeout) => {
						log::debug!(
							"HTTP connection from {peer}: the client took no data for {:?}, closed",
							limits.send_timeout
						);
						return Ok(());
					},
				}
				// The request in flight is answered; the connection then closes.
				connection.as_mut().graceful_shutdown();
				connection.await
			};
			match tokio::time::timeout(limits.lifetime, served).await {
				Ok(Ok(())) => {},
				Ok(Err(e)) => log::debug!("HTTP connection from {peer}: {e}"),
				Err(_) => log::debug!("HTTP connection from {peer}: open too long, closed"),
			}
			open.remove(id);
			drop((permit, slot));
		});
	}
	drop(listener);
	stopping.send_replace(true);
	let drained = async { while tasks.join_next().await.is_some() {} };
	if tokio::time::timeout(SHUTDOWN_GRACE, drained).await.is_err() {
		log::warn!("closing {} connections still busy after {SHUTDOWN_GRACE:?}", tasks.len());
		tasks.shutdown().await;
	}
}

/// An answer of `status` with a short text.
pub fn reply(status: StatusCode, body: impl Into<Bytes>) -> Response<Body> {
	let mut r = Response::new(Full::new(body.into()).map_err(|never| match never {}).boxed());
	*r.status_mut() = status;
	r
}

/// `429 Too Many Requests`, to ask again in a second.
fn slow_down(what: &str) -> Response<Body> {
	let mut r = reply(StatusCode::TOO_MANY_REQUESTS, format!("too many requests from {what}\n"));
	r.headers_mut()
		.insert(hyper::header::RETRY_AFTER, hyper::header::HeaderValue::from_static("1"));
	r
}

async fn handle(server: &Server, req: Request<Incoming>, peer: SocketAddr) -> Response<Body> {
	let path = req.uri().path();
	if path == "/health" {
		return reply(StatusCode::OK, "ok\n");
	}
	let Some(hash) = path.strip_prefix("/blob/").and_then(|h| h.parse::<Hash>().ok()) else {
		return reply(StatusCode::NOT_FOUND, "GET /blob/0x<blake2_256 hex>?job=<id>\n");
	};
	if !locked(&server.guards.peers).allow(&peer_key(peer.ip()), Instant::now()) {
		return slow_down("this address");
	}
	let job = req
		.uri()
		.query()
		.and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("job=")))
		.and_then(|j| j.parse::<JobId>().ok());
	let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
	let (Some(job), Some(account), Some(time), Some(signature)) = (
		job,
		header("x-allmende-account").and_then(|a| a.parse::<Hash>().ok()),
		header("x-allmende-time").and_then(|t| t.parse::<u64>().ok()),
		header("x-allmende-signature")
			.and_then(|s| s.strip_prefix("0x"))
			.and_then(|s| hex::decode(s).ok()),
	) else {
		return reply(
			StatusCode::BAD_REQUEST,
			"a blob request needs ?job=<id> and signed x-allmende-* headers\n",
		);
	};
	if now().abs_diff(time) > MAX_CLOCK_SKEW {
		return reply(StatusCode::FORBIDDEN, "request time too far from the server's clock\n");
	}
	let Ok(signature) = <[u8; 64]>::try_from(signature.as_slice()) else {
		return reply(StatusCode::BAD_REQUEST, "the signature must be 64 bytes\n");
	};
	let public = sr25519::PublicKey(account.0);
	let message = request_message(&server.authority, &hash, job, time);
	if !sr25519::verify(&sr25519::Signature(signature), message, &public) {
		return reply(StatusCode::FORBIDDEN, "bad signature\n");
	}
	if let Err(e) = locked(&server.guards.replays).check(&account.0, &signature) {
		return reply(StatusCode::FORBIDDEN, format!("{e}\n"));
	}
	if !locked(&server.guards.accounts).allow(&account.0, Instant::now()) {
		return slow_down("this account");
	}
	let who = AccountId32(account.0);
	let chain = server.chain.read().await.clone();
	let at = match chain.finalized().await {
		Ok(at) => at,
		Err(e) => {
			return reply(StatusCode::SERVICE_UNAVAILABLE, format!("cannot read the chain: {e}\n"))
		},
	};
	let grant = match permitted(&at, &server.owner, &who, &hash, job).await {
		Ok(grant) => grant,
		Err(PermitError::Denied(d)) => {
			log::info!("refused {hash} for job {job} to {who} ({peer}): {d}");
			return reply(StatusCode::FORBIDDEN, format!("{d}\n"));
		},
		Err(PermitError::Chain(e)) => {
			return reply(StatusCode::SERVICE_UNAVAILABLE, format!("cannot read the chain: {e}\n"))
		},
	};
	let (file, size) = match server.store.open_blob(&hash).await {
		Ok(Some(blob)) => blob,
		Ok(None) => return reply(StatusCode::NOT_FOUND, "this endpoint does not have the blob\n"),
		Err(e) => return reply(StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")),
	};
	// Granted once: the same signed request sent again is a replay.
	match locked(&server.guards.replays).grant(&account.0, &signature, time, now()) {
		Ok(()) => {},
		Err(e @ ReplayError::Replayed) => return reply(StatusCode::FORBIDDEN, format!("{e}\n")),
		Err(e @ ReplayError::Full) => {
			return reply(StatusCode::SERVICE_UNAVAILABLE, format!("{e}\n"))
		},
	}
	log::info!("serving {hash} ({size} bytes) for job {job} to {who}");
	if grant == Grant::Asset {
		server.served.record(job, who);
	}
	let body = FileBody { file, left: size, buf: Vec::new() };
	let mut r = Response::new(body.boxed());
	r.extensions_mut().insert(Granted);
	r
}

#[cfg(test)]
mod tests {
	use super::*;
	use tokio::io::{AsyncReadExt, AsyncWriteExt};

	/// A server answering `ok` within `limits`, on a free loopback port.
	async fn limited(limits: Limits) -> SocketAddr {
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let addr = listener.local_addr().unwrap();
		tokio::spawn(serve_within(
			listener,
			limits,
			|_, _| async { reply(StatusCode::OK, "ok\n") },
			std::future::pending(),
		));
		addr
	}

	/// Whether the server closes `stream` within `within` (reads end of stream or an error).
	async fn closed(stream: &mut TcpStream, within: Duration) -> bool {
		let mut buf = [0u8; 256];
		loop {
			match tokio::time::timeout(within, stream.read(&mut buf)).await {
				Err(_) => return false,
				Ok(Ok(0)) | Ok(Err(_)) => return true,
				Ok(Ok(_)) => {},
			}
		}
	}

	async fn health(addr: SocketAddr) -> bool {
		let mut s = TcpStream::connect(addr).await.unwrap();
		s.write_all(b"GET /health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
			.await
			.unwrap();
		let mut out = Vec::new();
		let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out)).await;
		out.starts_with(b"HTTP/1.1 200")
	}

	#[tokio::test]
	async fn idle_and_slow_connections_are_closed_and_capped() {
		// Times with slack: the test suite may run this at the lowest CPU priority beside
		// busy networks (scripts/test.sh).
		let limits = Limits {
			connections: 8,
			per_peer: 3,
			header_timeout: Duration::from_secs(3),
			send_timeout: Duration::from_secs(10),
			lifetime: Duration::from_secs(30),
		};
		let addr = limited(limits).await;
		// Three idle sockets fill this peer's share: a fourth is closed at once, well before
		// the header timeout could have closed it.
		let mut idle = Vec::new();
		for _ in 0..3 {
			idle.push(TcpStream::connect(addr).await.unwrap());
		}
		let opened = std::time::Instant::now();
		let mut fourth = TcpStream::connect(addr).await.unwrap();
		assert!(closed(&mut fourth, Duration::from_secs(2)).await);
		assert!(opened.elapsed() < limits.header_timeout);
		// A client that sends half a request and stops is closed after the header timeout,
		// as is one that sends nothing.
		idle[0].write_all(b"GET /health HTTP/1.1\r\nhost").await.unwrap();
		for s in &mut idle {
			assert!(closed(s, Duration::from_secs(10)).await);
		}
		// Their slots are free again: a request is answered.
		assert!(health(addr).await);
	}

	#[tokio::test]
	async fn fetches_only_where_the_outbound_rule_permits() {
		let addr = limited(Limits::default()).await;
		let hash = Hash::of(b"ok\n");
		let url = format!("http://{addr}/blob/{hash}");
		let key = sr25519::dev::alice();
		let wait = Duration::from_secs(10);
		// Loopback is not public: refused before any connection.
		let strict = Outbound::default();
		assert!(matches!(
			fetch(&url, &key, 1, &hash, 100, wait, &strict).await,
			Err(FetchError::Outbound { source: OutboundError::Refused { .. }, .. })
		));
		assert!(matches!(reachable(&url, &strict).await, Err(FetchError::Outbound { .. })));
		// Allowed, the same server is fetched from.
		let devnet = Outbound::allowing(vec!["127.0.0.0/8".parse().unwrap()]);
		assert_eq!(fetch(&url, &key, 1, &hash, 100, wait, &devnet).await.unwrap(), b"ok\n");
		assert!(reachable(&url, &devnet).await.is_ok());
	}

	#[test]
	fn a_signature_is_for_one_server() {
		assert_eq!(authority_of("http://127.0.0.1:8700/blob/0x00"), Some("127.0.0.1:8700"));
		assert_eq!(authority_of("http://127.0.0.1:8700"), Some("127.0.0.1:8700"));
		assert_eq!(authority_of("https://example.org/"), None);
		assert_eq!(authority_of("http:///blob"), None);
		let keypair = sr25519::dev::alice();
		let hash = Hash::of(b"input");
		let signature = keypair.sign(&request_message("127.0.0.1:8700", &hash, 3, 100));
		let verify = |authority: &str, job| {
			sr25519::verify(
				&signature,
				request_message(authority, &hash, job, 100),
				&keypair.public_key(),
			)
		};
		assert!(verify("127.0.0.1:8700", 3));
		assert!(!verify("127.0.0.1:8701", 3), "replayed to another server");
		assert!(!verify("127.0.0.1:8700", 4), "for another job");
	}

	#[test]
	fn a_uri_declares_its_content_size_in_its_fragment() {
		let hash = Hash::of(b"input");
		let url = sized_blob_url("http://127.0.0.1:8700/", &hash, 1234);
		assert_eq!(url, format!("http://127.0.0.1:8700/blob/{hash}#size=1234"));
		assert_eq!(declared_size(url.as_bytes()), Some(1234));
		assert_eq!(declared_size(blob_url("http://h:1", &hash).as_bytes()), None);
		assert_eq!(declared_size(b"http://h:1/blob/0x00#size=-1"), None);
		assert_eq!(declared_size(b"http://h:1/blob/0x00#size=+1"), None);
		assert_eq!(declared_size(b"http://h:1/blob/0x00#length=5"), None);
		assert_eq!(declared_size(b"http://h:1/blob/0x00#size="), None);
		assert_eq!(authority_of(&url), Some("127.0.0.1:8700"));
	}

	#[tokio::test]
	async fn a_shutdown_answers_the_request_in_flight_and_then_refuses_connections() {
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let addr = listener.local_addr().unwrap();
		let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
		let server = tokio::spawn(serve_within(
			listener,
			Limits::default(),
			|_, _| async {
				tokio::time::sleep(Duration::from_millis(500)).await;
				reply(StatusCode::OK, "slow\n")
			},
			async move {
				let _ = stopped.await;
			},
		));
		let mut s = TcpStream::connect(addr).await.unwrap();
		s.write_all(b"GET /x HTTP/1.1\r\nhost: x\r\n\r\n").await.unwrap();
		// The request is in flight when the shutdown begins.
		tokio::time::sleep(Duration::from_millis(100)).await;
		stop.send(()).unwrap();
		let mut out = Vec::new();
		tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out))
			.await
			.expect("the connection closes after its answer")
			.unwrap();
		assert!(out.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&out));
		assert!(out.ends_with(b"slow\n"));
		tokio::time::timeout(Duration::from_secs(5), server)
			.await
			.expect("the server returns once drained")
			.unwrap();
		assert!(TcpStream::connect(addr).await.is_err(), "no longer listening");
	}

	/// A connection from loopback address `127.0.0.<last>`.
	async fn connect_from(last: u8, addr: SocketAddr) -> TcpStream {
		let socket = tokio::net::TcpSocket::new_v4().unwrap();
		socket.bind(SocketAddr::from(([127, 0, 0, last], 0))).unwrap();
		socket.connect(addr).await.unwrap()
	}

	/// Limits that fill at `connections`, with room for four per peer and nothing timing out
	/// during a test.
	fn eviction_limits(connections: usize) -> Limits {
		Limits {
			connections,
			per_peer: 4,
			header_timeout: Duration::from_secs(30),
			send_timeout: Duration::from_secs(30),
			lifetime: Duration::from_secs(60),
		}
	}

	/// Sends `GET path` on `stream`, asking to close after it, and reads the answer to its end.
	async fn answer_to(stream: &mut TcpStream, path: &str) -> Vec<u8> {
		ask(stream, path).await;
		read_answer(stream, Duration::from_secs(5)).await
	}

	/// Sends `GET path` on `stream`, asking to close after it.
	async fn ask(stream: &mut TcpStream, path: &str) {
		let request = format!("GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
		stream.write_all(request.as_bytes()).await.unwrap();
	}

	/// Reads the answer on `stream` to its end, which must come `within`.
	async fn read_answer(stream: &mut TcpStream, within: Duration) -> Vec<u8> {
		let mut out = Vec::new();
		tokio::time::timeout(within, stream.read_to_end(&mut out))
			.await
			.unwrap()
			.unwrap();
		out
	}

	#[tokio::test]
	async fn a_full_server_closes_the_oldest_connection_never_granted_a_blob() {
		let limits = eviction_limits(4);
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let addr = listener.local_addr().unwrap();
		// `/grant` answers as a granted blob does.
		let answer = |req: Request<Incoming>, _| async move {
			let mut r = reply(StatusCode::OK, "ok\n");
			if req.uri().path() == "/grant" {
				r.extensions_mut().insert(Granted);
			}
			r
		};
		tokio::spawn(serve_within(listener, limits, answer, std::future::pending()));
		// The oldest connection is granted a blob and stays open (keep-alive).
		let mut granted = connect_from(2, addr).await;
		granted.write_all(b"GET /grant HTTP/1.1\r\nhost: x\r\n\r\n").await.unwrap();
		let mut buf = [0u8; 256];
		let n = granted.read(&mut buf).await.unwrap();
		assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
		// Three idle ones from other peers fill the server.
		let mut idle = Vec::new();
		for last in 3..6 {
			idle.push(connect_from(last, addr).await);
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		// A newcomer is served: the oldest idle connection made room, not the granted one.
		let mut newcomer = connect_from(6, addr).await;
		let out = answer_to(&mut newcomer, "/health").await;
		assert!(out.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&out));
		assert!(closed(&mut idle[0], Duration::from_secs(2)).await, "the oldest idle one closed");
		assert!(!closed(&mut idle[1], Duration::from_millis(300)).await, "the next one did not");
		assert!(!closed(&mut granted, Duration::from_millis(300)).await, "the granted one did not");
	}

	#[tokio::test]
	async fn a_request_being_answered_is_not_closed_to_make_room() {
		let limits = eviction_limits(2);
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let addr = listener.local_addr().unwrap();
		// `/slow` is answered only once the test lets it, as a request whose chain reads are
		// slow; it says when it has started. (A fixed sleep lost the race on a loaded machine.)
		let started = Arc::new(tokio::sync::Notify::new());
		let release = Arc::new(tokio::sync::Notify::new());
		let (on_start, on_release) = (started.clone(), release.clone());
		let answer = move |req: Request<Incoming>, _| {
			let (on_start, on_release) = (on_start.clone(), on_release.clone());
			async move {
				if req.uri().path() == "/slow" {
					on_start.notify_one();
					on_release.notified().await;
				}
				reply(StatusCode::OK, "ok\n")
			}
		};
		tokio::spawn(serve_within(listener, limits, answer, std::future::pending()));
		// The oldest connection's request is being answered when two more arrive.
		let mut asking = connect_from(2, addr).await;
		ask(&mut asking, "/slow").await;
		started.notified().await;
		let mut idle = connect_from(3, addr).await;
		tokio::time::sleep(Duration::from_millis(50)).await;
		let mut newcomer = connect_from(4, addr).await;
		// The idle one made room; the one being answered gets its answer.
		assert!(closed(&mut idle, Duration::from_secs(2)).await, "the idle one closed");
		release.notify_one();
		let out = read_answer(&mut asking, Duration::from_secs(5)).await;
		assert!(out.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&out));
		let out = answer_to(&mut newcomer, "/health").await;
		assert!(out.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&out));
	}

	#[tokio::test]
	async fn a_client_that_stops_taking_a_granted_blob_is_closed_after_the_send_timeout() {
		// Times with slack, as in the tests above.
		let limits = Limits { send_timeout: Duration::from_secs(3), ..eviction_limits(4) };
		// A blob larger than what the sockets' buffers hold, streamed as the store streams it.
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("blob");
		let size: u64 = 32 << 20;
		std::fs::write(&path, vec![7u8; size as usize]).unwrap();
		let answer = move |_, _| {
			let path = path.clone();
			async move {
				let file = tokio::fs::File::open(&path).await.unwrap();
				let mut r = Response::new(FileBody { file, left: size, buf: Vec::new() }.boxed());
				r.extensions_mut().insert(Granted);
				r
			}
		};
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let addr = listener.local_addr().unwrap();
		tokio::spawn(serve_within(listener, limits, answer, std::future::pending()));
		// A client that keeps reading gets the whole blob.
		let mut reading = connect_from(2, addr).await;
		ask(&mut reading, "/blob").await;
		let whole = read_answer(&mut reading, Duration::from_secs(60)).await;
		assert!(whole.starts_with(b"HTTP/1.1 200"));
		assert!(whole.len() as u64 > size, "{} bytes", whole.len());
		// One that stops reading is closed well before the connection's lifetime: reading
		// again, it gets what the sockets held and then the end, not the whole blob.
		let mut stopped = connect_from(3, addr).await;
		ask(&mut stopped, "/blob").await;
		tokio::time::sleep(limits.send_timeout * 3).await;
		let mut got = 0u64;
		let mut buf = vec![0u8; 1 << 16];
		let ended = tokio::time::timeout(limits.send_timeout * 5, async {
			loop {
				match stopped.read(&mut buf).await {
					Ok(0) | Err(_) => return,
					Ok(n) => got += n as u64,
				}
			}
		})
		.await;
		assert!(ended.is_ok(), "the connection was still open after {got} bytes");
		assert!(got < size, "the whole blob came ({got} bytes)");
	}
}
