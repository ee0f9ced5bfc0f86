//! Requester mode: run a job and print its verified answer; fetch a verified result again.

use std::{
	path::PathBuf,
	time::{Duration, Instant},
};

use anyhow::Context;

use crate::{
	chain::{
		self, api, AssetKind, Chain, ContentRef, Hardware, JobId, JobSpec, JobStatus, Signer,
		Workload, WorkloadKind,
	},
	config::{parse_alm, show_alm},
	hash::Hash,
	http,
	outbound::{Network, Outbound},
	store::Store,
	workload::{self, magika},
};

/// How long `--audit` lets the workload run here before it gives up the spot check.
const AUDIT_TIMEOUT_SECS: u64 = 300;

/// The largest workload or input `run` takes.
pub const MAX_FILE: u64 = 256 << 20;

/// What `allmende-agent run` was asked.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
	/// The workload: `magika`, an ONNX model (`.onnx`) or pipeline (`.pipeline`, written by
	/// `allmende-agent pipeline`), a WebAssembly module (`.wasm`, or
	/// `.wat` text, which is compiled first), or `asset:ID`, a model registered in the data
	/// registry and served by its owner (`allmende-agent host`); the job then names the asset
	/// and pays its royalty.
	#[arg(long)]
	pub model: String,
	/// What a `--model asset:ID` is.
	#[arg(long, value_enum, default_value = "onnx")]
	pub model_kind: ModelKind,
	/// The input: a file (any file for Magika, an `.npy` tensor for an ONNX model, any bytes
	/// for a WebAssembly module), or `asset:ID`, a registered dataset served by its owner.
	#[arg(long)]
	pub input: String,
	/// How many providers run the job independently (k). A result revealed by a strict
	/// majority, with no other result revealed, stands after a challenge window (any k);
	/// replicas that disagree go to drawn arbiters.
	#[arg(long, default_value_t = 1)]
	pub replicas: u32,
	/// The most paid to one provider, in ALM.
	#[arg(long, default_value = "2")]
	pub max_price: String,
	/// How far replicas' results may differ and still be the same answer: the largest
	/// difference between two float outputs (ONNX) or scores (Magika), in units of 1e-4.
	/// Different CPUs round a few outputs of a large model one unit apart. Default: the
	/// chain's `DefaultTolerance`.
	#[arg(long)]
	pub tolerance: Option<u32>,
	/// Blocks of bidding, of execution (to commit) and of revealing. Agents see a job when
	/// its block is finalized, two or three blocks after it was posted, and the chain's last
	/// `DrawDelay` blocks of bidding take no bid, so bidding needs a few blocks more.
	#[arg(long, default_value_t = 10)]
	pub bidding: u32,
	#[arg(long, default_value_t = 10)]
	pub execution: u32,
	#[arg(long, default_value_t = 6)]
	pub reveal: u32,
	/// Registered datasets or models the job uses (asset ids), and the most it pays in
	/// royalties for them, in ALM.
	#[arg(long = "asset")]
	pub assets: Vec<u64>,
	#[arg(long, default_value = "0")]
	pub max_royalties: String,
	/// Take this standing offer instead of posting the job for bids: a k = 1 job assigned at
	/// once to the offer's provider at the offer's price (`--replicas` must be 1). What the
	/// offer charges for the job's work is printed before the job is posted, once the offer
	/// is in a finalized block.
	#[arg(long)]
	pub offer: Option<u64>,
	/// The work the job declares, which providers price by: `auto` counts what the input
	/// holds for a pipeline (tokens, pixels or milliseconds of audio; nothing for other
	/// workloads or for assets), `none` declares nothing, or `UNIT:AMOUNT` (`tokens`,
	/// `pixels`, `audio-ms`). Providers answer an input with more work than declared with
	/// the failure `undeclared_work`, which the job pays for. A provider that answers it for
	/// an input this machine counted within the declaration is challenged, `--audit` or not
	/// (the challenge bond, as for `--audit`, is held until the arbiters decide).
	#[arg(long, default_value = "auto")]
	pub work: Declare,
	/// Accept the revealed result as soon as its challenge window opens instead of waiting
	/// for the window to end (gives up the right to challenge it). With `--audit`, only a
	/// result that passed the spot check.
	#[arg(long)]
	pub accept: bool,
	/// Spot-check the result before it stands: run the workload here on the same input
	/// while the job runs, and challenge the revealed result if it differs (the challenge
	/// bond, the larger of 3 × `--max-price` and the chain's `ChallengeBond` when the job was
	/// posted (the job's terms), is held until
	/// the drawn arbiters decide, and is lost if they side with the providers). Needs the
	/// workload and the input as local files, or `magika`. A result whose hash differs is
	/// fetched and compared with this machine's within the job's tolerance (another CPU
	/// rounds floats differently): only one beyond it is challenged.
	#[arg(long)]
	pub audit: bool,
	/// Where this command serves the workload and input to the job's providers.
	#[arg(long, default_value = "127.0.0.1:0")]
	pub listen: String,
	/// The URL providers reach `--listen` at (default: http://<listen address>).
	#[arg(long)]
	pub endpoint: Option<String>,
	/// Give up after this many seconds.
	#[arg(long, default_value_t = 600)]
	pub timeout: u64,
}

/// What `run --work` declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declare {
	Auto,
	Nothing,
	Work(workload::Work),
}

impl std::str::FromStr for Declare {
	type Err = String;

	fn from_str(s: &str) -> Result<Self, String> {
		match s {
			"auto" => Ok(Declare::Auto),
			"none" => Ok(Declare::Nothing),
			work => work.parse().map(Declare::Work),
		}
	}
}

/// The work `input` holds for `module` as counted here (`None` when either is an asset, not
/// at hand here, or the workload counts none), and the work the job declares (`--work`).
fn declared_work(
	declare: Declare,
	runner: Option<workload::Runner>,
	content: Option<(&[u8], &[u8])>,
) -> anyhow::Result<(Option<workload::Work>, Option<workload::Work>)> {
	let counted = match (runner, content) {
		_ if declare == Declare::Nothing => None,
		(Some(runner), Some((module, input))) => {
			let count = || workload::work(runner, module, input);
			match std::panic::catch_unwind(std::panic::AssertUnwindSafe(count)) {
				Ok(Ok(work)) => work,
				Ok(Err(f)) if declare == Declare::Auto => anyhow::bail!(
					"--work auto: the input's work cannot be counted, the job would fail as \
					 {f:?} (`allmende-agent exec` shows why; --work none posts it anyway)"
				),
				Ok(Err(_)) => None,
				Err(_) if declare == Declare::Auto => {
					anyhow::bail!("--work auto: counting the input's work panicked (--work none posts it anyway)")
				},
				Err(_) => None,
			}
		},
		_ => None,
	};
	Ok(match declare {
		Declare::Nothing => (counted, None),
		Declare::Auto => (counted, counted),
		Declare::Work(w) => (counted, Some(w)),
	})
}

/// The chain and key options of requester commands.
#[derive(Debug, clap::Args)]
pub struct ClientArgs {
	/// The node's WebSocket URL.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub node: String,
	/// The requester's secret URI.
	#[arg(long, default_value = "//Bob")]
	pub suri: String,
	/// Where the content store lives.
	#[arg(long, default_value = ".allmende-agent")]
	pub data_dir: PathBuf,
	/// A network (CIDR, as 127.0.0.0/8) whose addresses it may fetch results from besides
	/// public ones, for a devnet on one machine or a private network; repeat for more. The
	/// endpoints come from providers' profiles: without this, a provider could point the
	/// requester at its own loopback services.
	#[arg(long = "allow-network", value_name = "CIDR", value_delimiter = ',')]
	pub allow_networks: Vec<Network>,
}

impl ClientArgs {
	/// Where it may connect to fetch content.
	pub fn outbound(&self) -> Outbound {
		Outbound::allowing(self.allow_networks.clone())
	}
}

/// The kind of a registered model.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ModelKind {
	Onnx,
	Wasm,
}

/// `asset:ID` as an asset id.
fn asset_arg(flag: &str, value: &str) -> anyhow::Result<Option<chain::AssetId>> {
	match value.strip_prefix("asset:") {
		None => Ok(None),
		Some(id) => id
			.parse()
			.map(Some)
			.map_err(|_| anyhow::anyhow!("{flag} {value}: give asset:<asset id>, e.g. asset:0")),
	}
}

/// Where providers get a registered asset: its hash and its owner's URI. Checks that it
/// exists, is not retired and that `who` may use it, which the chain checks again.
async fn registered(
	chain: &Chain,
	flag: &str,
	id: chain::AssetId,
	who: &subxt::utils::AccountId32,
) -> anyhow::Result<ContentRef> {
	let at = chain.finalized().await?;
	let asset = Chain::asset(&at, id)
		.await?
		.with_context(|| format!("{flag}: no asset {id} registered"))?;
	let want = if flag == "--model" { AssetKind::Model } else { AssetKind::Dataset };
	anyhow::ensure!(asset.kind == want, "{flag}: asset {id} is a {:?}, not a {want:?}", asset.kind);
	anyhow::ensure!(!asset.retired, "{flag}: asset {id} is retired and takes no new jobs");
	anyhow::ensure!(
		asset.may_use(&at, id, who).await?,
		"{flag}: asset {id} is permissioned and its owner has not granted {who} access"
	);
	// The registry records no size; `host` declares it in the URI (`#size=<bytes>`), and the
	// job carries that declaration in its own field.
	let size = http::declared_size(&asset.uri).with_context(|| {
		format!(
			"{flag}: asset {id}'s URI declares no size (`…#size=<bytes>`, as `allmende-agent \
			 host` publishes it), and providers take no content of undeclared size"
		)
	})?;
	Ok(ContentRef { hash: asset.content_hash, uri: asset.uri, size })
}

/// The workload `--model` names and its kind: `magika` (the embedded model), an `.onnx`
/// model or a `.pipeline` (ONNX), a `.wasm` module, or a `.wat` module (compiled here); at
/// most `MAX_FILE` bytes. `run` and `exec` read `--model` with this.
pub fn read_workload(model: &str) -> anyhow::Result<(WorkloadKind, Vec<u8>)> {
	if model == "magika" {
		return Ok((WorkloadKind::Onnx, magika::MODEL.to_vec()));
	}
	let path = PathBuf::from(model);
	let size = std::fs::metadata(&path).with_context(|| format!("--model {model}"))?.len();
	anyhow::ensure!(size <= MAX_FILE, "--model {model}: {size} bytes, more than {MAX_FILE}");
	match path.extension().and_then(|e| e.to_str()) {
		Some("onnx" | "pipeline") => Ok((WorkloadKind::Onnx, std::fs::read(&path)?)),
		Some("wasm") => Ok((WorkloadKind::Wasm, std::fs::read(&path)?)),
		Some("wat") => Ok((
			WorkloadKind::Wasm,
			wat::parse_file(&path).with_context(|| format!("--model {model}"))?,
		)),
		_ => anyhow::bail!(
			"--model {model}: give `magika`, an .onnx model, a .pipeline, or a .wasm or .wat module"
		),
	}
}

/// Posts a job, serves its workload and input to its providers, follows it and prints the
/// verified answer.
pub async fn run(client: ClientArgs, args: RunArgs) -> anyhow::Result<()> {
	let started = Instant::now();
	let store = Store::open(&client.data_dir.join("store"))?;
	let model_asset = asset_arg("--model", &args.model)?;
	let input_asset = asset_arg("--input", &args.input)?;
	let max_price = parse_alm(&args.max_price)?;
	let max_royalties = parse_alm(&args.max_royalties)?;
	let bound = http::Bound::bind(&args.listen, args.endpoint.as_deref()).await?;
	let endpoint = bound.endpoint.clone();
	let chain = Chain::connect(&client.node).await?;
	let signer = Signer::from_suri(&client.suri)?;
	let outbound = client.outbound();
	let mut assets = args.assets.clone();
	anyhow::ensure!(
		!args.audit || (model_asset.is_none() && input_asset.is_none()),
		"--audit runs the job here, so it needs --model and --input as local files (or magika), not asset:ID"
	);

	let (kind, workload) = match model_asset {
		Some(id) => {
			assets.push(id);
			let kind = match args.model_kind {
				ModelKind::Onnx => WorkloadKind::Onnx,
				ModelKind::Wasm => WorkloadKind::Wasm,
			};
			(kind, registered(&chain, "--model", id, &signer.account).await?)
		},
		None => {
			let (kind, module) = read_workload(&args.model)?;
			let hash = store.put(&module)?;
			let uri = http::blob_url(&endpoint, &hash);
			(kind, ContentRef { hash, uri: uri.into_bytes(), size: module.len() as u64 })
		},
	};
	let input = match input_asset {
		Some(id) => {
			assets.push(id);
			registered(&chain, "--input", id, &signer.account).await?
		},
		None => {
			let hash = store
				.put_file(std::path::Path::new(&args.input), MAX_FILE)
				.with_context(|| format!("--input {}", args.input))?;
			let size = store.size(&hash).context("the input vanished from the store")?;
			ContentRef { hash, uri: http::blob_url(&endpoint, &hash).into_bytes(), size }
		},
	};
	assets.sort_unstable();
	assets.dedup();
	let input_hash = input.hash;
	let work = {
		let local = match (&model_asset, &input_asset) {
			(None, None) => Some((
				read_workload(&args.model)?.1,
				store.get(&input_hash)?.context("the input vanished from the store")?,
			)),
			_ => None,
		};
		let runner = crate::decide::runner_for(&kind, &workload.hash);
		let content = local.as_ref().map(|(m, i)| (&m[..], &i[..]));
		declared_work(args.work, runner, content)?
	};
	let (counted, mut work) = work;
	if work.is_some() && !chain::has_market_call(&chain.finalized().await?, "post_job_with_work") {
		anyhow::ensure!(
			args.work == Declare::Auto,
			"--work: the node's runtime takes no declared work (it is older than post_job_with_work)"
		);
		eprintln!("the node's runtime takes no declared work: declaring none");
		work = None;
	}
	match work {
		Some(w) => eprintln!("declaring the job's work: {w}"),
		None => eprintln!("declaring no work"),
	}
	// A provider that answers `undeclared_work` for an input that holds no more than declared
	// skipped the work; this machine counted it, so it challenges that answer.
	let runner = crate::decide::runner_for(&kind, &workload.hash);
	let falsely_undeclared = match (counted, work, runner) {
		(Some(c), Some(d), Some(runner)) if c.unit == d.unit && c.amount <= d.amount => {
			let failure = workload::Outcome::Failed(runner, workload::Failure::UndeclaredWork);
			Some(Hash::of(&failure.encode()))
		},
		_ => None,
	};
	// The spot check runs while the providers run the job, so its answer is ready when the
	// challenge window opens.
	let mut audit = if args.audit {
		let runner = crate::decide::runner_for(&kind, &workload.hash)
			.context("--audit: this agent has no runner for the workload")?;
		let (_, module) = read_workload(&args.model)?;
		let input = store.get(&input_hash)?.context("the input vanished from the store")?;
		let workers = workload::sandbox::Workers::of_this_binary()
			.context("--audit: finding this binary to run the workload")?;
		let (module, input) = (std::sync::Arc::new(module), std::sync::Arc::new(input));
		// A language model's result is checked by re-scoring it with the workload and input.
		let kept = workload::pipeline::is_text_generation(&module)
			.then(|| (workers.clone(), module.clone(), input.clone()));
		let run = tokio::spawn(async move {
			let wall = Duration::from_secs(AUDIT_TIMEOUT_SECS);
			anyhow::Ok(workers.run(runner, &module, &input, work, wall).await?.encode())
		});
		Some((run, kept))
	} else {
		None
	};

	bound.spawn(&chain, &store, signer.account.clone());

	let spec = JobSpec {
		workload: Workload { kind, content: workload },
		input,
		requirements: Hardware::default(),
		region: None,
		replicas: args.replicas,
		max_price,
		bidding_period: args.bidding,
		execution_period: args.execution,
		reveal_period: args.reveal,
		min_reputation: None,
		assets,
		max_royalties,
		tolerance: args.tolerance,
	};
	let tx = api::tx().compute_market();
	let events = match args.offer {
		Some(offer) => {
			anyhow::ensure!(args.replicas == 1, "a job through a standing offer has --replicas 1");
			// What the offer charges, if it is final here (the chain checks it again).
			let at = chain.finalized().await?;
			match Chain::offer(&at, offer).await? {
				Some(o) => {
					let rate = Chain::offer_unit_price(&at, offer).await?;
					let price =
						crate::decide::offer_price(&o, rate.as_ref(), work).map_err(|e| {
							anyhow::anyhow!("--offer {offer} does not take this job: {e}")
						})?;
					eprintln!("standing offer {offer} charges {} for this job", show_alm(price));
					anyhow::ensure!(
						price <= max_price,
						"--offer {offer}: it charges {} for this job, more than --max-price {}",
						show_alm(price),
						show_alm(max_price)
					);
				},
				None => eprintln!(
					"standing offer {offer} is not in the last finalized block: the chain checks \
					 its price"
				),
			}
			match work {
				Some(w) => {
					let call = tx.accept_offer_with_work(offer, spec, w.into());
					signer.submit_and_watch(&chain, call).await?
				},
				None => signer.submit_and_watch(&chain, tx.accept_offer(offer, spec)).await?,
			}
		},
		None => match work {
			Some(w) => {
				let call = tx.post_job_with_work(spec, w.into());
				signer.submit_and_watch(&chain, call).await?
			},
			None => signer.submit_and_watch(&chain, tx.post_job(spec)).await?,
		},
	};
	let job = chain::first_event::<chain::JobPosted>(&events)?
		.context("post_job landed without a JobPosted event")?
		.job_id;
	eprintln!(
		"job {job} posted: {} on input {input_hash}, k = {}, up to {} each; serving its content at {endpoint}",
		args.model,
		args.replicas,
		show_alm(max_price)
	);
	let posted_at = started.elapsed();

	let deadline = started + Duration::from_secs(args.timeout);
	let mut blocks = chain.api.stream_blocks().await.map_err(subxt::Error::from)?;
	let mut last = None;
	let mut decided = false;
	loop {
		let block = tokio::time::timeout_at(deadline.into(), blocks.next())
			.await
			.with_context(|| format!("job {job} not finished after {} s", args.timeout))?
			.context("the node's stream of finalized blocks ended")?
			.map_err(subxt::Error::from)?;
		let at = block.at().await.map_err(subxt::Error::from)?;
		// The stream may start with finalized blocks from before the job was posted.
		let Some(j) = Chain::job(&at, job).await? else { continue };
		if last.as_ref() != Some(&(j.status.clone(), j.round.clone())) {
			eprintln!(
				"#{}  job {job}: {:?} ({:?} round){}",
				block.number(),
				j.status,
				j.round,
				phase_note(&j)
			);
			last = Some((j.status.clone(), j.round.clone()));
		}
		if !decided && j.status == JobStatus::ChallengeWindow {
			decided = true;
			let mut challenge = false;
			let assigned = Chain::assignments(&at, job).await?;
			let revealed: Vec<Hash> = assigned
				.iter()
				.filter_map(|a| a.reveal.as_ref().map(|r| r.result_hash))
				.collect();
			// A spot check that fails here says nothing of the result: the job is followed on.
			'audit: {
				let Some((check, kept)) = audit.take() else { break 'audit };
				let doc = match check.await {
					Ok(Ok(doc)) => doc,
					Ok(Err(e)) => {
						eprintln!(
							"audit: the spot check failed here ({e:#}); not challenging on it"
						);
						break 'audit;
					},
					Err(e) => {
						eprintln!("audit: the spot check stopped ({e}); not challenging on it");
						break 'audit;
					},
				};
				let ours = Hash::of(&doc);
				let tolerance = j.spec.tolerance.unwrap_or(0);
				// Each other hash once, all at once, 15 s each: a result that cannot be had in
				// time counts as a mismatch, so stalling its server cannot run out the window.
				let mut downloads = tokio::task::JoinSet::new();
				let mut seen = std::collections::BTreeSet::new();
				for a in &assigned {
					let Some(r) = &a.reveal else { continue };
					let theirs = r.result_hash;
					if theirs == ours || !seen.insert(theirs) {
						continue;
					}
					// Not knowing where to fetch it is a mismatch too.
					let urls = http::revealed_urls(&at, a).await.unwrap_or_default();
					let key = signer.keypair.clone();
					let timeout = Duration::from_secs(15);
					let outbound = outbound.clone();
					downloads.spawn(http::fetch_any(
						urls, key, job, theirs, MAX_FILE, timeout, outbound,
					));
				}
				while let Some(done) = downloads.join_next().await {
					let agrees = match done {
						Ok(Ok(theirs)) if workload::within(&doc, &theirs, tolerance) => {
							eprintln!(
								"audit: a provider's result differs from this machine's only \
								 within the tolerance ({tolerance})"
							);
							true
						},
						Ok(Ok(theirs)) => match &kept {
							Some((workers, module, input))
								if workload::is_generation_result(&doc)
									&& workload::is_generation_result(&theirs) =>
							{
								// A chunked pass and, if a chunk fails, a token-by-token one.
								let wall = Duration::from_secs(2 * AUDIT_TIMEOUT_SECS);
								match workers.check(module, input, &theirs, tolerance, wall).await {
									Ok(workload::Check::Agrees) => {
										eprintln!(
											"audit: a provider's generation passes re-scoring here"
										);
										true
									},
									Ok(workload::Check::Differs) => false,
									Err(e) => {
										// This machine's failure says nothing of the result.
										eprintln!("audit: re-scoring a provider's result failed here ({e}); not challenging it");
										true
									},
								}
							},
							_ => false,
						},
						Ok(Err(e)) => {
							eprintln!("audit: {e}");
							false
						},
						Err(e) => {
							eprintln!("audit: a download stopped: {e}");
							false
						},
					};
					if !agrees {
						// The rest is not needed (the set aborts them when dropped).
						challenge = true;
						break;
					}
				}
				if challenge {
					eprintln!(
						"audit: the providers revealed {}, this machine computes {ours}: challenging",
						revealed.iter().map(Hash::to_string).collect::<Vec<_>>().join(", ")
					);
				} else {
					eprintln!("audit: the revealed result {ours} is what this machine computes");
				}
			}
			if !challenge && falsely_undeclared.is_some_and(|h| revealed.contains(&h)) {
				eprintln!(
					"a provider answered undeclared_work, but this machine counts no more work \
					 than the job declares: challenging"
				);
				challenge = true;
			}
			if challenge {
				// Watched: a challenge that comes too late (the window closed while the check
				// ran) fails with the chain's `DeadlinePassed`, one the requester cannot bond
				// with a token error; either way the job is followed to its end.
				let call = api::tx().compute_market().challenge_result(job);
				if let Err(e) = signer.submit_and_watch(&chain, call).await {
					eprintln!(
						"job {job}: the challenge did not take effect (its window closes at #{}): \
						 {e}",
						j.deadline
					);
				}
			}
			// The chain keeps the window open for the owners of the job's data to challenge a
			// result that says it could not be had (it pays them no royalty).
			let unavailable = workload::content_unavailable_hash();
			let mut owners_may_challenge = false;
			if revealed.iter().all(|h| *h == unavailable) {
				for id in &j.spec.assets {
					let owner = Chain::asset(&at, *id).await?.map(|a| a.owner);
					owners_may_challenge |= owner.as_ref() != Some(&signer.account);
				}
			}
			if args.accept && !challenge && owners_may_challenge {
				eprintln!(
					"the providers could not have the content; the owners of the job's data may \
					 challenge that until #{}, so the result is not accepted early",
					j.deadline
				);
			}
			if args.accept && !challenge && !owners_may_challenge {
				signer.submit(&chain, api::tx().compute_market().accept_result(job)).await?;
			}
		}
		match j.status {
			JobStatus::Settled => break,
			JobStatus::Failed | JobStatus::Expired | JobStatus::Cancelled => {
				anyhow::bail!(
					"job {job} ended {:?} at block #{}: no verified result",
					j.status,
					block.number()
				)
			},
			_ => {},
		}
	}
	let on_chain = started.elapsed();
	let result = fetch_result(&chain, &signer, job, &outbound).await?;
	println!("{}", workload::describe(&result));
	eprintln!(
		"answer in {:.1} s: job posted after {:.1} s, verified after {:.1} s, result fetched after {:.1} s",
		started.elapsed().as_secs_f64(),
		posted_at.as_secs_f64(),
		on_chain.as_secs_f64(),
		started.elapsed().as_secs_f64()
	);
	Ok(())
}

fn phase_note(j: &chain::Job) -> String {
	match j.status {
		JobStatus::Bidding => format!(", bids until #{}", j.deadline),
		JobStatus::Committing => format!(", commit by #{}", j.deadline),
		JobStatus::Revealing => format!(", reveal by #{}", j.deadline),
		JobStatus::ChallengeWindow => format!(", challenge window until #{}", j.deadline),
		JobStatus::Drawing => format!(", arbiters drawn at #{}", j.deadline),
		_ => String::new(),
	}
}

/// A job's verified result, fetched from a provider that revealed it and checked against
/// the hash the chain verified.
pub async fn fetch_result(
	chain: &Chain,
	signer: &Signer,
	job: JobId,
	outbound: &Outbound,
) -> anyhow::Result<Vec<u8>> {
	let at = chain.finalized().await?;
	let verified = Chain::result(&at, job)
		.await?
		.with_context(|| format!("job {job} has no verified result"))?;
	let hash = verified.result_hash;
	let mut urls = vec![String::from_utf8_lossy(&verified.result_uri).into_owned()];
	for provider in &verified.agreed {
		if let Some(p) = Chain::provider(&at, provider).await? {
			urls.push(http::blob_url(&String::from_utf8_lossy(&p.profile.endpoint), &hash));
		}
	}
	urls.dedup();
	let mut errors = Vec::new();
	for url in &urls {
		let timeout = Duration::from_secs(60);
		match http::fetch(url, &signer.keypair, job, &hash, MAX_FILE, timeout, outbound).await {
			Ok(bytes) => return Ok(bytes),
			Err(e) => errors.push(e.to_string()),
		}
	}
	anyhow::bail!(
		"no provider served the verified result {hash} of job {job}: {}",
		errors.join("; ")
	)
}

/// Fetches a job's verified result and prints it.
pub async fn result(client: ClientArgs, job: JobId, raw: bool) -> anyhow::Result<()> {
	let chain = Chain::connect(&client.node).await?;
	let signer = Signer::from_suri(&client.suri)?;
	let bytes = fetch_result(&chain, &signer, job, &client.outbound()).await?;
	if raw {
		println!("{}", String::from_utf8_lossy(&bytes));
	} else {
		println!("{}", workload::describe(&bytes));
	}
	Ok(())
}
