//! The provider's configuration file (`provider.toml`).
//!
//! ```toml
//! node = "ws://127.0.0.1:9944"      # the node to follow
//! fallback_nodes = ["ws://127.0.0.1:9945"]   # tried in order when it cannot be reached
//! suri = "//Agent1"                 # the provider's key (or suri_file = "path")
//! data_dir = "/var/lib/allmende-agent"   # state, salts and content store
//! listen = "127.0.0.1:8700"         # where the blob server listens
//! endpoint = "http://127.0.0.1:8700"     # what the chain advertises (profile endpoint)
//! stake = "200"                     # ALM held as stake when registering
//! arbiter = true                    # join the arbiter pool
//! max_content_bytes = 67108864      # the largest workload or input it fetches
//! allow_networks = ["127.0.0.0/8"]  # non-public networks it may fetch from (default none)
//! retention_blocks = 14400          # finished jobs stay this long in state.json
//! workload_timeout_secs = 300       # a workload running longer is stopped, without a result
//! concurrency = 2                   # workloads run at once, each in a worker process
//! max_open_jobs = 8                 # jobs without a result yet before it declines bids as busy
//! metrics_listen = "127.0.0.1:9616" # Prometheus counters at GET /metrics (default: none)
//!
//! [profile]
//! gpu_model = "cpu"
//! region = 276
//! hardware = { gpu_count = 0, vram_gib = 0, cpu_cores = 2, ram_gib = 8 }
//!
//! [price]                           # per job, in ALM, by workload kind; a kind left out is not bid on
//! wasm = "1"
//! onnx = "1.5"
//! magika = "1"
//! input_mib = "0.01"                # plus this per started MiB of input (its declared size)
//! per_unit = { tokens = "0.0001", pixels = "0.0000001", audio-ms = "0.00001" }
//!                                   # plus this per unit of work a job declares (`JobWork`)
//! # decline_undeclared = true       # and no bid on jobs that declare no work
//! # command = "./price.sh"          # or: a program given the job as JSON on stdin that prints a
//! # command_timeout_ms = 2000       #     price in ALM or "no"
//!
//! [[offers]]                        # standing offers kept posted
//! price = "1"
//! capacity = 10
//! valid_blocks = 600
//! execution_period = 10
//! reveal_period = 10
//! kinds = ["wasm", "onnx"]          # the workload kinds it takes (default both)
//! # per_unit = { unit = "tokens", price = "0.0001", max = 100000 }
//! #                                 # also charge per unit of declared work, and take only
//! #                                 # jobs declaring at most `max` units of it
//! ```

use std::{
	io::{Read, Write},
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Command, Stdio},
	sync::mpsc,
	time::Duration,
};

use serde::Deserialize;

use crate::{
	chain::{Balance, Hardware, UNIT},
	outbound::Network,
	workload::Unit,
};

/// What is wrong with a configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
	#[error("config {path}: {source}")]
	Read { path: PathBuf, source: std::io::Error },
	#[error("config {path}: {source}")]
	Parse { path: PathBuf, source: toml::de::Error },
	#[error("config: {0}")]
	Invalid(String),
}

/// A provider's configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
	/// The node whose finalized blocks the agent follows (`ws://` or `wss://`).
	pub node: String,
	/// Nodes to follow instead when `node` cannot be reached or its connection breaks, tried
	/// in order after it. Default: none.
	#[serde(default)]
	pub fallback_nodes: Vec<String>,
	pub suri: Option<String>,
	pub suri_file: Option<PathBuf>,
	pub data_dir: PathBuf,
	pub listen: String,
	pub endpoint: String,
	/// ALM held as stake when registering.
	pub stake: Alm,
	#[serde(default)]
	pub arbiter: bool,
	#[serde(default = "default_max_content")]
	pub max_content_bytes: u64,
	/// The shortest execution and reveal periods (in blocks) of a job it bids on: it sees
	/// its assignment and the reveal phase only once they are final, a few blocks late.
	#[serde(default = "default_min_period")]
	pub min_execution_period: u32,
	#[serde(default = "default_min_period")]
	pub min_reveal_period: u32,
	/// The least tolerance (units of 1e-4) of an ONNX or Magika job it bids on: other CPUs
	/// round a few floats one unit apart, so with a smaller tolerance the arbiters could find
	/// an honest result different. WASM results are exact and need none.
	#[serde(default = "default_min_tolerance")]
	pub min_tolerance: u32,
	/// The bond each bid holds, in ALM, when more than the job's least: the bid's weight in
	/// the job's lot. Unset: the least.
	pub bid_bond: Option<Alm>,
	/// The largest bond, in ALM, it bids again with when a larger bond displaced its bid from
	/// a job's full bid list (the smallest bond there plus one planck, at most twice per job).
	/// Unset: it does not bid again.
	pub max_bid_bond: Option<Alm>,
	/// Networks (CIDR) whose addresses it may fetch content and results from besides public
	/// ones: a job's URIs and providers' endpoints come from strangers, and without this rule
	/// a job could make the agent request its own loopback services or its private network.
	/// A devnet on one machine allows `["127.0.0.0/8"]`. Default: none.
	#[serde(default)]
	pub allow_networks: Vec<Network>,
	/// How many blocks finished jobs stay in the state file (`state.json`, rewritten on
	/// every change) before they are dropped. Default 14,400: a day of 6 s blocks.
	#[serde(default = "default_retention")]
	pub retention_blocks: u32,
	/// How long one workload may run, in seconds, before its worker is stopped. The wall
	/// clock differs between machines, so a stopped workload has no result and the job goes
	/// uncommitted (WASM modules are bounded by fuel long before this). A worker still running
	/// when its result could no longer be committed before the job's deadline is stopped
	/// then. Default 300.
	#[serde(default = "default_workload_timeout")]
	pub workload_timeout_secs: u64,
	/// How many workloads run at once, each in its own worker process (which may use up to
	/// 2 GiB of heap). Content downloads do not wait for a slot. Default 2.
	#[serde(default = "default_concurrency")]
	pub concurrency: u32,
	/// A command each worker runs under, its program first: an emulator of another CPU
	/// (`["qemu-x86_64", "-cpu", "Nehalem"]`, to see that this machine's results agree with
	/// an older CPU's) or a lower priority (`["nice", "-n", "10"]`). The prefix runs the
	/// agent's binary by its path, so restart the agent when that file is replaced.
	/// Default: none.
	#[serde(default)]
	pub worker_prefix: Vec<String>,
	/// How many jobs may be bid on, assigned or drawn without a result yet before the agent
	/// declines new bids as busy: jobs beyond its slots wait, and a long queue misses
	/// deadlines. Default 8.
	#[serde(default = "default_max_open_jobs")]
	pub max_open_jobs: u32,
	/// Where to serve the provider's counters for Prometheus (`GET /metrics`), e.g.
	/// `"127.0.0.1:9616"`. Unset: not served.
	pub metrics_listen: Option<String>,
	pub profile: Profile,
	#[serde(default)]
	pub price: PricePolicy,
	#[serde(default)]
	pub offers: Vec<OfferConfig>,
}

fn default_max_content() -> u64 {
	64 << 20
}

fn default_concurrency() -> u32 {
	2
}

fn default_max_open_jobs() -> u32 {
	8
}

fn default_workload_timeout() -> u64 {
	300
}

fn default_retention() -> u32 {
	14_400
}

fn default_min_tolerance() -> u32 {
	2
}

/// Finality lags 2–3 blocks behind the best block, and a transaction takes one more.
fn default_min_period() -> u32 {
	4
}

/// The profile the provider registers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
	pub gpu_model: String,
	pub region: u16,
	pub hardware: Hardware,
}

/// How the provider prices a job.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricePolicy {
	pub wasm: Option<Alm>,
	pub onnx: Option<Alm>,
	pub magika: Option<Alm>,
	/// Added per started MiB of input, in ALM, for the input's size as the job declares it.
	pub input_mib: Option<Alm>,
	/// Added per unit of the work a job declares, in ALM, by unit; a job that declares no
	/// work, or work in a unit left out, pays only the rest.
	#[serde(default)]
	pub per_unit: UnitPrices,
	/// Bid on no job that declares no work: a provider pricing by the unit then never bids on
	/// a pipeline's work at the price per job alone (bare models, WASM and Magika declare
	/// none, so it declines them too). Its standing offers priced per job still bind it to
	/// such jobs; an offer by the unit (`[[offers]] per_unit`) does not.
	#[serde(default)]
	pub decline_undeclared: bool,
	pub command: Option<String>,
	#[serde(default = "default_command_timeout")]
	pub command_timeout_ms: u64,
}

/// Prices per unit of work, in ALM.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnitPrices {
	pub tokens: Option<Alm>,
	pub pixels: Option<Alm>,
	pub audio_ms: Option<Alm>,
}

impl UnitPrices {
	/// The price of one unit of `unit`, if set.
	pub fn of(&self, unit: Unit) -> Option<Alm> {
		match unit {
			Unit::Tokens => self.tokens,
			Unit::Pixels => self.pixels,
			Unit::AudioMs => self.audio_ms,
		}
	}
}

/// A standing offer's price per unit of work.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferUnitPrice {
	pub unit: Unit,
	pub price: Alm,
	/// The most units one job may declare; above zero.
	pub max: u64,
}

fn default_command_timeout() -> u64 {
	2000
}

/// A standing offer the provider keeps posted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferConfig {
	pub price: Alm,
	pub capacity: u32,
	pub valid_blocks: u32,
	pub execution_period: u32,
	pub reveal_period: u32,
	/// The workload kinds the offer takes (`wasm`, `onnx`); both unless set. The offer also
	/// states `max_content_bytes` as the largest workload and input it takes and
	/// `min_tolerance` as the least tolerance, so nobody can bind the provider to more.
	#[serde(default = "default_offer_kinds")]
	pub kinds: Vec<OfferKind>,
	/// Also charge per unit of work a job declares, and take only jobs that declare their
	/// work in this unit, at most `max` units.
	pub per_unit: Option<OfferUnitPrice>,
}

/// A workload kind the agent runs, as an offer names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfferKind {
	Wasm,
	Onnx,
}

impl From<OfferKind> for crate::chain::WorkloadKind {
	fn from(k: OfferKind) -> Self {
		match k {
			OfferKind::Wasm => Self::Wasm,
			OfferKind::Onnx => Self::Onnx,
		}
	}
}

fn default_offer_kinds() -> Vec<OfferKind> {
	vec![OfferKind::Wasm, OfferKind::Onnx]
}

/// An amount in ALM, written as a decimal ("1", "0.25"), in the chain's smallest unit.
pub fn parse_alm(text: &str) -> Result<Balance, ConfigError> {
	let bad = || ConfigError::Invalid(format!("{text:?} is not an amount in ALM (e.g. \"1.5\")"));
	let (whole, frac) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
	if whole.is_empty() && frac.is_empty()
		|| frac.len() > 12
		|| !frac.chars().all(|c| c.is_ascii_digit())
	{
		return Err(bad());
	}
	let whole: Balance = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
	let frac: Balance =
		if frac.is_empty() { 0 } else { format!("{frac:0<12}").parse().map_err(|_| bad())? };
	whole.checked_mul(UNIT).and_then(|w| w.checked_add(frac)).ok_or_else(bad)
}

/// An amount in ALM as the configuration writes it (a decimal string, `"1.5"`), held in the
/// chain's smallest unit: parsed once, when the file is loaded. Shown as [`show_alm`] does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Alm(pub Balance);

impl std::str::FromStr for Alm {
	type Err = ConfigError;

	fn from_str(text: &str) -> Result<Self, ConfigError> {
		parse_alm(text).map(Alm)
	}
}

impl std::fmt::Display for Alm {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		f.write_str(&show_alm(self.0))
	}
}

impl<'de> Deserialize<'de> for Alm {
	fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		let text = String::deserialize(d)?;
		parse_alm(&text).map(Alm).map_err(|_| {
			serde::de::Error::custom(format!(
				"{text:?} is not an amount in ALM (a decimal string such as \"1.5\")"
			))
		})
	}
}

/// An amount in the chain's smallest unit, written in ALM.
pub fn show_alm(amount: Balance) -> String {
	let frac = amount % UNIT;
	if frac == 0 {
		format!("{} ALM", amount / UNIT)
	} else {
		format!("{}.{} ALM", amount / UNIT, format!("{frac:012}").trim_end_matches('0'))
	}
}

impl ProviderConfig {
	/// Reads and checks a configuration file. Relative paths in it are relative to the file.
	pub fn load(path: &Path) -> Result<Self, ConfigError> {
		let text = std::fs::read_to_string(path)
			.map_err(|source| ConfigError::Read { path: path.into(), source })?;
		let mut config: Self = toml::from_str(&text)
			.map_err(|source| ConfigError::Parse { path: path.into(), source })?;
		let base = path.parent().unwrap_or(Path::new("."));
		config.data_dir = base.join(&config.data_dir);
		config.suri_file = config.suri_file.map(|f| base.join(f));
		config.check()?;
		Ok(config)
	}

	fn check(&self) -> Result<(), ConfigError> {
		if self.suri.is_some() == self.suri_file.is_some() {
			return Err(ConfigError::Invalid("give exactly one of suri and suri_file".into()));
		}
		if let (Some(b), Some(m)) = (self.bid_bond, self.max_bid_bond) {
			if m < b {
				return Err(ConfigError::Invalid(format!(
					"max_bid_bond ({m}) is below bid_bond ({b})"
				)));
			}
		}
		if self.price.decline_undeclared && self.price.command.is_some() {
			return Err(ConfigError::Invalid(
				"price.decline_undeclared goes with the price table: a price command gets \
				 work_unit and declines what it likes"
					.into(),
			));
		}
		for o in &self.offers {
			let twice = o.kinds.iter().enumerate().any(|(i, k)| o.kinds[..i].contains(k));
			if o.kinds.is_empty() || twice {
				return Err(ConfigError::Invalid(format!(
					"offer kinds {:?}: name at least one of \"wasm\", \"onnx\", none twice",
					o.kinds
				)));
			}
			if o.per_unit.is_some_and(|u| u.max == 0) {
				return Err(ConfigError::Invalid(
					"an offer's per_unit.max must be at least 1: the most units a job declares"
						.into(),
				));
			}
		}
		if self.retention_blocks == 0 {
			return Err(ConfigError::Invalid(
				"retention_blocks must be at least 1: finished work is kept that many blocks"
					.into(),
			));
		}
		if self.concurrency == 0 || self.max_open_jobs < self.concurrency {
			return Err(ConfigError::Invalid(format!(
				"concurrency ({}) must be at least 1 and at most max_open_jobs ({})",
				self.concurrency, self.max_open_jobs
			)));
		}
		if self.workload_timeout_secs == 0 {
			return Err(ConfigError::Invalid(
				"workload_timeout_secs must be at least 1: every workload needs some time".into(),
			));
		}
		if !self.endpoint.starts_with("http://") {
			return Err(ConfigError::Invalid(format!(
				"endpoint {:?} must be an http:// URL",
				self.endpoint
			)));
		}
		Ok(())
	}

	/// The nodes to follow, in the order they are tried: `node`, then `fallback_nodes`.
	pub fn nodes(&self) -> Vec<String> {
		std::iter::once(&self.node).chain(&self.fallback_nodes).cloned().collect()
	}

	/// The secret URI of the provider's key.
	pub fn suri(&self) -> Result<String, ConfigError> {
		match (&self.suri, &self.suri_file) {
			(Some(s), _) => Ok(s.clone()),
			(None, Some(f)) => std::fs::read_to_string(f)
				.map(|s| s.trim().to_string())
				.map_err(|source| ConfigError::Read { path: f.clone(), source }),
			(None, None) => Err(ConfigError::Invalid("no suri".into())),
		}
	}
}

/// What the price policy is asked about a job.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PriceQuery {
	pub job_id: u64,
	/// `wasm`, `onnx` or `magika`.
	pub kind: &'static str,
	pub workload_hash: String,
	pub input_hash: String,
	/// The workload's and input's sizes as the job declares them.
	pub workload_bytes: u64,
	pub input_bytes: u64,
	/// The largest content this provider downloads.
	pub max_content_bytes: u64,
	pub replicas: u32,
	/// The most the requester pays, in ALM.
	pub max_price: String,
	pub execution_period: u32,
	/// The work the job declares: `tokens`, `pixels` or `audio-ms`, and how many.
	pub work_unit: Option<&'static str>,
	pub work_amount: Option<u64>,
}

/// Why the price command gave no price.
#[derive(Debug, thiserror::Error)]
pub enum PriceError {
	#[error("price command {0:?}: {1}")]
	Run(String, std::io::Error),
	#[error("price command {0:?} did not answer in {1} ms")]
	Timeout(String, u64),
	#[error("price command {0:?} failed: {1}")]
	Failed(String, String),
	#[error("price command {0:?} printed {1:?}: neither an amount in ALM nor \"no\"")]
	Answer(String, String),
	#[error("price command {0:?}: the thread that ran it failed: {1}")]
	Thread(String, String),
}

/// How many blocks a price command's answer is reused for jobs on the same terms.
pub const PRICE_CACHE_BLOCKS: u32 = 100;
/// How many answers the cache keeps at most.
const PRICE_CACHE_ENTRIES: usize = 4096;

/// The price command's answers, reused for [`PRICE_CACHE_BLOCKS`] blocks for any job on the
/// same terms (the query without its job id): a command is a process per question, and many
/// alike jobs must not start one each. A price table needs no cache.
#[derive(Debug, Default)]
pub struct PriceCache {
	answers: std::collections::HashMap<String, (Option<Balance>, u32)>,
}

impl PriceCache {
	/// The policy's price for a job at finalized block `n`; a command runs on a blocking
	/// thread, and only when no answer for the same terms is fresh.
	pub async fn price(
		&mut self,
		policy: &PricePolicy,
		query: PriceQuery,
		n: u32,
	) -> Result<Option<Balance>, PriceError> {
		let Some(command) = &policy.command else { return policy.price(&query) };
		let terms = serde_json::to_string(&PriceQuery { job_id: 0, ..query.clone() })
			.expect("a query serializes");
		let fresh = |at: u32| at.saturating_add(PRICE_CACHE_BLOCKS) > n;
		if let Some(&(answer, at)) = self.answers.get(&terms) {
			if fresh(at) {
				return Ok(answer);
			}
		}
		let asked = policy.clone();
		let answer = tokio::task::spawn_blocking(move || asked.price(&query))
			.await
			.map_err(|e| PriceError::Thread(command.clone(), e.to_string()))??;
		if self.answers.len() >= PRICE_CACHE_ENTRIES {
			self.answers.retain(|_, (_, at)| fresh(*at));
			if self.answers.len() >= PRICE_CACHE_ENTRIES {
				self.answers.clear();
			}
		}
		self.answers.insert(terms, (answer, n));
		Ok(answer)
	}
}

impl PricePolicy {
	/// The price to bid on a job, or `None` not to bid.
	pub fn price(&self, query: &PriceQuery) -> Result<Option<Balance>, PriceError> {
		if let Some(command) = &self.command {
			return run_price_command(command, self.command_timeout_ms, query);
		}
		let table = match query.kind {
			"wasm" => &self.wasm,
			"onnx" => &self.onnx,
			"magika" => &self.magika,
			_ => &None,
		};
		let Some(base) = table else { return Ok(None) };
		if self.decline_undeclared && query.work_unit.is_none() {
			return Ok(None);
		}
		let per_mib = self.input_mib.map_or(0, |a| a.0);
		let mib = query.input_bytes.div_ceil(1 << 20);
		let unit = query.work_unit.and_then(Unit::from_name);
		let per_unit = unit.and_then(|u| self.per_unit.of(u)).map_or(0, |a| a.0);
		let work = Balance::from(query.work_amount.unwrap_or(0));
		Ok(Some(
			base.0
				.saturating_add(per_mib.saturating_mul(Balance::from(mib)))
				.saturating_add(per_unit.saturating_mul(work)),
		))
	}
}

/// The most of a price command's output (stdout and stderr each) that is kept; the rest is
/// read and dropped, so a command that prints a lot never blocks on a full pipe.
const MAX_COMMAND_OUTPUT: u64 = 64 << 10;

/// Reads `pipe` to its end on a thread of its own, keeping the first [`MAX_COMMAND_OUTPUT`]
/// bytes; the receiver gets them once the pipe is closed.
fn read_bounded(pipe: impl Read + Send + 'static) -> mpsc::Receiver<Vec<u8>> {
	let (tx, rx) = mpsc::channel();
	std::thread::spawn(move || {
		let mut kept = Vec::new();
		let mut head = pipe.take(MAX_COMMAND_OUTPUT);
		let _ = head.read_to_end(&mut kept);
		let _ = std::io::copy(&mut head.into_inner(), &mut std::io::sink());
		let _ = tx.send(kept);
	});
	rx
}

/// Kills the price command and every process in its group, and reaps the command.
fn kill_group(child: &mut std::process::Child) {
	if let Ok(pid) = libc::pid_t::try_from(child.id()) {
		// SAFETY: kill(2) with a negative pid signals that process group; it touches no
		// memory of ours. The group is the command's own (`process_group(0)`).
		unsafe { libc::kill(-pid, libc::SIGKILL) };
	}
	let _ = child.kill();
	let _ = child.wait();
}

fn run_price_command(
	command: &str,
	timeout_ms: u64,
	query: &PriceQuery,
) -> Result<Option<Balance>, PriceError> {
	let deadline = std::time::Instant::now() + Duration::from_millis(timeout_ms);
	let timeout = || PriceError::Timeout(command.into(), timeout_ms);
	let mut child = Command::new("sh")
		.arg("-c")
		.arg(command)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		// A group of its own, so that a timeout stops what it started too.
		.process_group(0)
		.spawn()
		.map_err(|e| PriceError::Run(command.into(), e))?;
	let stdout = child.stdout.take().map(read_bounded);
	let stderr = child.stderr.take().map(read_bounded);
	let input = serde_json::to_vec(query).expect("a query serializes");
	if let Some(mut stdin) = child.stdin.take() {
		// On a thread: a command that does not read its input must not block the agent. A
		// command that does not read it is not an error.
		std::thread::spawn(move || {
			let _ = stdin.write_all(&input);
		});
	}
	let status = loop {
		match child.try_wait().map_err(|e| PriceError::Run(command.into(), e))? {
			Some(status) => break status,
			None if std::time::Instant::now() >= deadline => {
				kill_group(&mut child);
				return Err(timeout());
			},
			None => std::thread::sleep(Duration::from_millis(10)),
		}
	};
	// The command has exited; what it started may still hold its output open, which counts
	// against the same deadline, and is stopped when that passes.
	let collect = |pipe: Option<mpsc::Receiver<Vec<u8>>>| match pipe {
		None => Ok(Vec::new()),
		Some(rx) => rx
			.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now()))
			.map_err(|_| timeout()),
	};
	let (out, err) = match (collect(stdout), collect(stderr)) {
		(Ok(out), Ok(err)) => (out, err),
		(Err(e), _) | (_, Err(e)) => {
			kill_group(&mut child);
			return Err(e);
		},
	};
	if !status.success() {
		return Err(PriceError::Failed(
			command.into(),
			String::from_utf8_lossy(&err).trim().to_string(),
		));
	}
	let answer = String::from_utf8_lossy(&out).trim().to_string();
	if answer == "no" {
		return Ok(None);
	}
	parse_alm(&answer).map(Some).map_err(|_| {
		// What it printed goes into the log: its start only.
		let shown: String = answer.chars().take(200).collect();
		PriceError::Answer(command.into(), shown)
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn query(kind: &'static str) -> PriceQuery {
		PriceQuery {
			job_id: 3,
			kind,
			workload_hash: "0x00".into(),
			input_hash: "0x01".into(),
			workload_bytes: 5000,
			input_bytes: 1000,
			max_content_bytes: 64 << 20,
			replicas: 3,
			max_price: "2".into(),
			execution_period: 10,
			work_unit: None,
			work_amount: None,
		}
	}

	/// The text of `provider.example.toml`.
	fn example() -> String {
		std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("provider.example.toml"))
			.unwrap()
	}

	#[test]
	fn the_example_configuration_loads() {
		let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("provider.example.toml");
		let config = ProviderConfig::load(&path).unwrap();
		assert_eq!(config.offers.len(), 1);
		assert_eq!(config.offers[0].kinds, vec![OfferKind::Wasm, OfferKind::Onnx]);
		// 1 ALM for Magika, 0.01 for the started MiB of input.
		assert_eq!(config.price.price(&query("magika")).unwrap(), Some(UNIT + UNIT / 100));
		assert!(config.suri_file.unwrap().ends_with("suri"));
	}

	#[test]
	fn a_configuration_with_an_unknown_key_is_refused() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("p.toml");
		let example = example();
		std::fs::write(&path, format!("stak = \"1\"\n{example}")).unwrap();
		assert!(matches!(ProviderConfig::load(&path), Err(ConfigError::Parse { .. })));
	}

	#[test]
	fn an_offer_names_each_kind_it_takes_once() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("p.toml");
		let example = example();
		let with_kinds = |kinds: &str| {
			let text = example.replace("[[offers]]\n", &format!("[[offers]]\nkinds = {kinds}\n"));
			assert_ne!(text, example, "the example has an offer");
			std::fs::write(&path, text).unwrap();
			ProviderConfig::load(&path)
		};
		assert_eq!(with_kinds(r#"["onnx"]"#).unwrap().offers[0].kinds, vec![OfferKind::Onnx]);
		assert!(matches!(with_kinds("[]"), Err(ConfigError::Invalid(_))));
		assert!(matches!(with_kinds(r#"["wasm", "wasm"]"#), Err(ConfigError::Invalid(_))));
		assert!(matches!(with_kinds(r#"["container"]"#), Err(ConfigError::Parse { .. })));
		let with_unit = |per_unit: &str| {
			let text =
				example.replace("[[offers]]\n", &format!("[[offers]]\nper_unit = {per_unit}\n"));
			std::fs::write(&path, text).unwrap();
			ProviderConfig::load(&path)
		};
		let priced = with_unit(r#"{ unit = "pixels", price = "0.5", max = 1000 }"#).unwrap();
		let rate = priced.offers[0].per_unit.unwrap();
		assert_eq!((rate.unit, rate.price, rate.max), (Unit::Pixels, Alm(UNIT / 2), 1000));
		assert!(matches!(
			with_unit(r#"{ unit = "pixels", price = "0.5", max = 0 }"#),
			Err(ConfigError::Invalid(_))
		));
		assert!(matches!(
			with_unit(r#"{ unit = "bytes", price = "0.5", max = 9 }"#),
			Err(ConfigError::Parse { .. })
		));
		// decline_undeclared is the table's; a price command decides for itself.
		let strict = example.replace("[price]\n", "[price]\ndecline_undeclared = true\n");
		std::fs::write(&path, &strict).unwrap();
		assert!(ProviderConfig::load(&path).unwrap().price.decline_undeclared);
		let both = strict.replace("[price]\n", "[price]\ncommand = \"./price.sh\"\n");
		std::fs::write(&path, both).unwrap();
		assert!(matches!(ProviderConfig::load(&path), Err(ConfigError::Invalid(_))));
	}

	#[test]
	fn amounts_are_parsed_once_when_the_file_is_loaded() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("p.toml");
		let example = example();
		let with = |from: &str, to: &str| {
			let text = example.replace(from, to);
			assert_ne!(text, example, "the example has {from}");
			std::fs::write(&path, text).unwrap();
			ProviderConfig::load(&path)
		};
		let loaded = with("stake = \"100\"", "stake = \"100.5\"").unwrap();
		assert_eq!(loaded.stake, Alm(100 * UNIT + UNIT / 2));
		assert_eq!(loaded.offers[0].price, Alm(UNIT));
		// A bad amount anywhere is refused when loading, with the text it could not read.
		let bad = with("stake = \"100\"", "stake = \"1e3\"").unwrap_err();
		assert!(matches!(&bad, ConfigError::Parse { .. }), "{bad}");
		assert!(bad.to_string().contains("\"1e3\" is not an amount in ALM"), "{bad}");
		let bad = with("[[offers]]\nprice = \"1\"", "[[offers]]\nprice = \"-1\"").unwrap_err();
		assert!(bad.to_string().contains("\"-1\" is not an amount in ALM"), "{bad}");
		let inverted = "bid_bond = \"5\"\nmax_bid_bond = \"2\"\nstake = \"100\"";
		assert!(matches!(with("stake = \"100\"", inverted), Err(ConfigError::Invalid(_))));
	}

	#[test]
	fn amounts_in_alm() {
		assert_eq!(parse_alm("1").unwrap(), UNIT);
		assert_eq!(parse_alm("0.25").unwrap(), UNIT / 4);
		assert_eq!(parse_alm(".5").unwrap(), UNIT / 2);
		assert!(parse_alm("1.0000000000001").is_err());
		assert!(parse_alm("-1").is_err());
		assert!(parse_alm("").is_err());
		assert!(parse_alm("1e3").is_err());
		assert_eq!(show_alm(UNIT + UNIT / 4), "1.25 ALM");
		assert_eq!(show_alm(2 * UNIT), "2 ALM");
	}

	#[test]
	fn a_table_prices_by_kind() {
		let policy = PricePolicy {
			wasm: Some(Alm(UNIT)),
			magika: Some(Alm(UNIT / 2)),
			..Default::default()
		};
		assert_eq!(policy.price(&query("wasm")).unwrap(), Some(UNIT));
		assert_eq!(policy.price(&query("magika")).unwrap(), Some(UNIT / 2));
		assert_eq!(policy.price(&query("onnx")).unwrap(), None);
	}

	#[test]
	fn a_table_adds_a_price_per_unit_of_declared_work() {
		let toml = "onnx = \"1\"\nper_unit = { tokens = \"0.001\", audio-ms = \"0.5\" }";
		let policy: PricePolicy = toml::from_str(toml).unwrap();
		let declared = |unit, amount| PriceQuery {
			work_unit: Some(unit),
			work_amount: Some(amount),
			..query("onnx")
		};
		assert_eq!(policy.price(&declared("tokens", 2000)).unwrap(), Some(3 * UNIT));
		assert_eq!(policy.price(&declared("audio-ms", 4)).unwrap(), Some(3 * UNIT));
		// A unit left out, or nothing declared, pays the price per job only.
		assert_eq!(policy.price(&declared("pixels", 1 << 20)).unwrap(), Some(UNIT));
		assert_eq!(policy.price(&query("onnx")).unwrap(), Some(UNIT));
		// So much work that the price overflows is priced at the most, never wrapped.
		assert_eq!(
			policy.price(&declared("tokens", u64::MAX)).unwrap(),
			Some(u128::from(u64::MAX) * UNIT / 1000 + UNIT)
		);
		assert!(toml::from_str::<PricePolicy>("per_unit = { seconds = \"1\" }").is_err());
		// A provider that runs no work unpriced declines jobs that declare none.
		let strict: PricePolicy =
			toml::from_str(&format!("{toml}\ndecline_undeclared = true")).unwrap();
		assert_eq!(strict.price(&query("onnx")).unwrap(), None);
		assert_eq!(strict.price(&declared("tokens", 2000)).unwrap(), Some(3 * UNIT));
	}

	#[test]
	fn a_table_adds_a_price_per_started_mib_of_input() {
		let policy = PricePolicy {
			wasm: Some(Alm(UNIT)),
			input_mib: Some(Alm(UNIT / 4)),
			..Default::default()
		};
		let sized = |input_bytes| PriceQuery { input_bytes, ..query("wasm") };
		// 1000 bytes start one MiB; 2 MiB + 1 byte start three.
		assert_eq!(policy.price(&sized(1000)).unwrap(), Some(UNIT + UNIT / 4));
		assert_eq!(policy.price(&sized((2 << 20) + 1)).unwrap(), Some(UNIT + 3 * UNIT / 4));
		assert_eq!(policy.price(&sized(0)).unwrap(), Some(UNIT));
	}

	#[test]
	fn a_command_prices_from_the_job_or_declines() {
		let policy = |command: &str| PricePolicy {
			command: Some(command.into()),
			// Generous: the test suite may run these at the lowest CPU priority beside busy
			// networks (scripts/test.sh), where starting `sh` can take a while.
			command_timeout_ms: 3000,
			..Default::default()
		};
		// The command sees the job as JSON.
		let by_kind = policy(r#"grep -q '"kind":"magika"' && echo 0.75 || echo no"#);
		assert_eq!(by_kind.price(&query("magika")).unwrap(), Some(3 * UNIT / 4));
		assert_eq!(by_kind.price(&query("wasm")).unwrap(), None);
		assert!(matches!(policy("sleep 20").price(&query("wasm")), Err(PriceError::Timeout(..))));
		assert!(matches!(policy("echo lots").price(&query("wasm")), Err(PriceError::Answer(..))));
		assert!(matches!(policy("exit 3").price(&query("wasm")), Err(PriceError::Failed(..))));
	}

	#[tokio::test]
	async fn a_commands_answer_is_reused_for_jobs_on_the_same_terms_for_a_while() {
		let dir = tempfile::tempdir().unwrap();
		let runs = dir.path().join("runs");
		let policy = PricePolicy {
			command: Some(format!("echo run >> '{}'; echo 0.5", runs.display())),
			command_timeout_ms: 3000,
			..Default::default()
		};
		let ran = || std::fs::read_to_string(&runs).unwrap_or_default().lines().count();
		let mut cache = PriceCache::default();
		let job = |job_id| PriceQuery { job_id, ..query("wasm") };
		assert_eq!(cache.price(&policy, job(1), 10).await.unwrap(), Some(UNIT / 2));
		// Another job on the same terms, within the window: no second run.
		assert_eq!(
			cache.price(&policy, job(2), 10 + PRICE_CACHE_BLOCKS - 1).await.unwrap(),
			Some(UNIT / 2)
		);
		assert_eq!(ran(), 1);
		// Other terms, or the window passed: asked again.
		let bigger = PriceQuery { input_bytes: 2 << 20, ..job(3) };
		cache.price(&policy, bigger, 20).await.unwrap();
		assert_eq!(ran(), 2);
		cache.price(&policy, job(4), 10 + PRICE_CACHE_BLOCKS).await.unwrap();
		assert_eq!(ran(), 3);
		// A table is not cached: it is its own answer.
		let table = PricePolicy { wasm: Some(Alm(UNIT)), ..Default::default() };
		assert_eq!(cache.price(&table, job(5), 20).await.unwrap(), Some(UNIT));
	}

	#[test]
	fn a_command_that_prints_a_lot_or_leaves_its_output_open_is_bounded() {
		let policy = |command: &str, command_timeout_ms| PricePolicy {
			command: Some(command.into()),
			command_timeout_ms,
			..Default::default()
		};
		// The first two get a deadline they cannot reach even when the test runs at the
		// lowest CPU priority beside busy networks (CI): what they show is not about time.
		// 1 MB on stderr before the answer: far beyond a pipe's buffer, which the command
		// would block on if nobody read it.
		let chatty = policy("head -c 1000000 /dev/zero >&2; echo 0.5", 60000);
		assert_eq!(chatty.price(&query("wasm")).unwrap(), Some(UNIT / 2));
		// 1 MB on stdout is not an answer, and is refused as such (an Answer error, not a
		// Timeout).
		let flood = policy("head -c 1000000 /dev/zero | tr '\\0' 1", 60000);
		assert!(matches!(flood.price(&query("wasm")), Err(PriceError::Answer(..))));
		// A command that exits but leaves a process holding its output gets the timeout, not
		// that process's lifetime.
		let started = std::time::Instant::now();
		let lingering = policy("echo 0.5; sleep 20 &", 3000);
		assert!(matches!(lingering.price(&query("wasm")), Err(PriceError::Timeout(..))));
		assert!(started.elapsed() < Duration::from_secs(10));
	}
}
