//! Data-owner mode: register datasets and models in the data registry (or take up their
//! registration) and serve them, by the registry's rules, only to the providers assigned to a
//! job that uses them.

use std::{path::PathBuf, str::FromStr};

use anyhow::Context;
use subxt::utils::AccountId32;

use crate::{
	chain::{self, api, AssetId, AssetKind, Chain, License, Signer},
	config::{parse_alm, show_alm},
	hash::Hash,
	http,
	requester::{ClientArgs, MAX_FILE},
	store::Store,
	workload,
};

/// What `allmende-agent host` was asked.
#[derive(Debug, clap::Args)]
pub struct HostArgs {
	/// The files to register and serve.
	#[arg(required = true)]
	pub files: Vec<PathBuf>,
	/// What the files are (for new registrations).
	#[arg(long, value_enum, default_value = "model")]
	pub kind: KindArg,
	/// Who may use them in jobs: `permissioned` (the owner and the accounts granted access)
	/// or `open` (anyone). New registrations default to permissioned; for a registered file
	/// the licence is changed only when this flag is given.
	#[arg(long, value_enum)]
	pub license: Option<LicenseArg>,
	/// The royalty paid to the owner per verified job, in ALM: zero or at least the
	/// existential deposit. New registrations default to 0; for a registered file the royalty
	/// is changed only when this flag is given.
	#[arg(long)]
	pub royalty: Option<String>,
	/// Grant this account (SS58 address) access to the permissioned files; repeatable.
	#[arg(long = "grant")]
	pub grants: Vec<String>,
	/// Where to serve the files. Keep it stable: the registry records the URL.
	#[arg(long, default_value = "127.0.0.1:8090")]
	pub listen: String,
	/// The URL providers reach `--listen` at (default: http://<listen address>).
	#[arg(long)]
	pub endpoint: Option<String>,
}

/// Dataset or model.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
	Dataset,
	Model,
}

/// Open or permissioned.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LicenseArg {
	Open,
	Permissioned,
}

impl From<LicenseArg> for License {
	fn from(l: LicenseArg) -> Self {
		match l {
			LicenseArg::Open => License::Open,
			LicenseArg::Permissioned => License::Permissioned,
		}
	}
}

impl From<KindArg> for AssetKind {
	fn from(k: KindArg) -> Self {
		match k {
			KindArg::Dataset => AssetKind::Dataset,
			KindArg::Model => AssetKind::Model,
		}
	}
}

/// Registers the files or takes up their registration, applies the requested licence,
/// royalty and grants, prints one line per asset and serves them until stopped.
pub async fn run(client: ClientArgs, args: HostArgs) -> anyhow::Result<()> {
	let store = Store::open(&client.data_dir.join("store"))?;
	let grants = args
		.grants
		.iter()
		.map(|g| {
			AccountId32::from_str(g)
				.map_err(|_| anyhow::anyhow!("--grant {g}: not an SS58 address"))
		})
		.collect::<anyhow::Result<Vec<_>>>()?;
	let royalty = args.royalty.as_deref().map(parse_alm).transpose()?;
	let mut hashes = Vec::new();
	for file in &args.files {
		let hash = store.put_file(file, MAX_FILE).with_context(|| format!("{}", file.display()))?;
		let size = store.size(&hash).context("a hosted file vanished from the store")?;
		hashes.push((hash, size));
	}
	let bound = http::Bound::bind(&args.listen, args.endpoint.as_deref()).await?;
	let endpoint = bound.endpoint.clone();
	let chain = Chain::connect(&client.node).await?;
	let signer = Signer::from_suri(&client.suri)?;
	// Serve from the start: a job may already use a registered file.
	let server = bound.spawn(&chain, &store, signer.account.clone());
	tokio::spawn(challenge_false_unavailability(chain.clone(), signer.clone(), server));

	for (file, (hash, size)) in args.files.iter().zip(&hashes) {
		let id = take_up(&chain, &signer, &args, royalty, file, hash, *size, &endpoint).await?;
		let at = chain.finalized().await?;
		let asset = Chain::asset(&at, id).await?.with_context(|| format!("asset {id} vanished"))?;
		if asset.license == License::Open && !grants.is_empty() {
			log::warn!("asset {id} is open to anyone: --grant has nothing to add");
		}
		if asset.license == License::Permissioned {
			for who in &grants {
				if !Chain::has_access(&at, id, who).await? {
					let call = api::tx().data_registry().grant_access(id, who.clone());
					signer.submit_and_watch(&chain, call).await?;
					eprintln!("asset {id}: granted {who} access");
				}
			}
		}
		println!(
			"asset {id}: {} ({hash}), {:?}, royalty {} ALM, served at {}",
			file.display(),
			asset.license,
			show_alm(asset.royalty),
			String::from_utf8_lossy(&asset.uri)
		);
	}
	eprintln!("serving at {endpoint} to the providers assigned to jobs that use these assets; Ctrl-C stops");
	tokio::signal::ctrl_c().await.context("waiting for Ctrl-C")?;
	Ok(())
}

/// Follows finalized blocks and challenges, in its window, every result of a job whose
/// workload and input are both this owner's assets, in which each replica that revealed says
/// the content could not be had although this server gave every one of them the content:
/// that result would pay no royalty. The drawn arbiters fetch the content here too, so the
/// challenge bond comes back unless this server fails them. A job with anyone else's content
/// is not challenged: if that content failed the arbiters, the bond would be lost. Jobs
/// served before a restart are not remembered and not challenged.
async fn challenge_false_unavailability(
	mut chain: Chain,
	signer: std::sync::Arc<Signer>,
	server: std::sync::Arc<http::Server>,
) {
	loop {
		if let Err(e) = watch_windows(&chain, &signer, &server).await {
			log::error!("{e:#}; reconnecting");
			tokio::time::sleep(std::time::Duration::from_secs(2)).await;
			chain = crate::provider::connect_retrying(std::slice::from_ref(&chain.url)).await;
			signer.forget_nonce().await;
			*server.chain.write().await = chain.clone();
		}
	}
}

async fn watch_windows(
	chain: &Chain,
	signer: &Signer,
	server: &http::Server,
) -> anyhow::Result<()> {
	let unavailable = workload::content_unavailable_hash();
	let mut blocks = chain.api.stream_blocks().await.map_err(subxt::Error::from)?;
	while let Some(block) = blocks.next().await {
		let at = block.map_err(subxt::Error::from)?.at().await.map_err(subxt::Error::from)?;
		for job in Chain::block_market(&at, None).await?.touched {
			let Some(served) = server.served.to(job) else { continue };
			let Some(j) = Chain::job(&at, job).await? else { continue };
			if j.status.is_terminal() {
				server.served.forget(job);
				continue;
			}
			if j.status != chain::JobStatus::ChallengeWindow {
				continue;
			}
			let assignments = Chain::assignments(&at, job).await?;
			if !refuted_by_serving(&assignments, &served, &unavailable) {
				continue;
			}
			let mut all_ours = true;
			for hash in [j.spec.workload.content.hash, j.spec.input.hash] {
				let owner = match Chain::asset_by_hash(&at, &hash).await? {
					Some(id) => Chain::asset(&at, id).await?.map(|a| a.owner),
					None => None,
				};
				all_ours &= owner.as_ref() == Some(&signer.account);
			}
			if !all_ours {
				log::info!(
					"job {job}: its providers say they could not get content this server gave \
					 them, but the job has content of others that could fail the arbiters: not \
					 challenging"
				);
				server.served.forget(job);
				continue;
			}
			eprintln!(
				"job {job}: its providers say they could not get the content this server gave \
				 them; challenging"
			);
			let call = api::tx().compute_market().challenge_result(job);
			match signer.submit_and_watch(chain, call).await {
				Ok(_) => {
					eprintln!("job {job}: challenged");
					server.served.forget(job);
				},
				// Forgotten when the job ends.
				Err(e) => log::warn!("job {job}: the challenge failed: {e}"),
			}
		}
	}
	anyhow::bail!("the node's block stream ended")
}

/// Whether every replica that revealed says the content was unavailable although this server
/// gave it the content (`served`).
pub fn refuted_by_serving(
	assignments: &[chain::Assignment],
	served: &std::collections::BTreeSet<AccountId32>,
	unavailable: &Hash,
) -> bool {
	let mut revealed = assignments
		.iter()
		.filter_map(|a| a.reveal.as_ref().map(|r| (&a.provider, r.result_hash)))
		.peekable();
	revealed.peek().is_some() && revealed.all(|(p, h)| h == *unavailable && served.contains(p))
}

/// The asset id of `hash`: registered now, or the registration this account already has
/// (with licence and royalty brought in line with the flags given).
async fn take_up(
	chain: &Chain,
	signer: &Signer,
	args: &HostArgs,
	royalty: Option<chain::Balance>,
	file: &std::path::Path,
	hash: &Hash,
	size: u64,
	endpoint: &str,
) -> anyhow::Result<AssetId> {
	let at = chain.finalized().await?;
	let url = http::sized_blob_url(endpoint, hash, size);
	let Some(id) = Chain::asset_by_hash(&at, hash).await? else {
		let kind = AssetKind::from(args.kind);
		let license = License::from(args.license.unwrap_or(LicenseArg::Permissioned));
		let call = api::tx().data_registry().register_asset(
			kind,
			*hash,
			url.as_bytes().to_vec(),
			license,
			royalty.unwrap_or(0),
		);
		let events = signer.submit_and_watch(chain, call).await?;
		let id = chain::first_event::<chain::AssetRegistered>(&events)?
			.context("register_asset landed without an AssetRegistered event")?
			.asset;
		eprintln!("{}: registered as asset {id}", file.display());
		return Ok(id);
	};
	let asset = Chain::asset(&at, id).await?.with_context(|| format!("asset {id} vanished"))?;
	anyhow::ensure!(
		asset.owner == signer.account,
		"{} is asset {id}, registered by {}, not by {}",
		file.display(),
		asset.owner,
		signer.account
	);
	anyhow::ensure!(!asset.retired, "{} is asset {id}, which is retired", file.display());
	anyhow::ensure!(
		asset.uri == url.as_bytes(),
		"{} is asset {id}, registered at {}: providers fetch it there, so serve it there \
		 (--listen, --endpoint); this server would be {url}",
		file.display(),
		String::from_utf8_lossy(&asset.uri)
	);
	if let Some(license) = args.license.map(License::from) {
		if license != asset.license {
			let call = api::tx().data_registry().set_license(id, license);
			signer.submit_and_watch(chain, call).await?;
			eprintln!("asset {id}: licence now {license:?}");
		}
	}
	if let Some(royalty) = royalty {
		if royalty != asset.royalty {
			let call = api::tx().data_registry().set_royalty(id, royalty);
			signer.submit_and_watch(chain, call).await?;
			eprintln!("asset {id}: royalty now {} ALM", show_alm(royalty));
		}
	}
	eprintln!("{}: already registered by this account as asset {id}", file.display());
	Ok(id)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::{Assignment, Reveal};

	fn assignment(who: u8, result: Option<Hash>) -> Assignment {
		Assignment {
			provider: AccountId32([who; 32]),
			price: 1,
			bond: 1,
			commitment: result,
			reveal: result.map(|h| Reveal { result_hash: h, result_uri: Vec::new() }),
		}
	}

	#[test]
	fn only_providers_that_got_the_content_and_say_they_did_not_are_challenged() {
		let unavailable = workload::content_unavailable_hash();
		let result = Hash::of(b"a result");
		let served: std::collections::BTreeSet<_> = [AccountId32([1; 32])].into();
		let check = |a: &[Assignment]| refuted_by_serving(a, &served, &unavailable);
		assert!(check(&[assignment(1, Some(unavailable))]));
		// A provider this server never gave the content may well not have had it.
		assert!(!check(&[assignment(2, Some(unavailable))]));
		assert!(!check(&[assignment(1, Some(unavailable)), assignment(2, Some(unavailable))]));
		// A result pays the royalty; nobody revealed: nothing to challenge.
		assert!(!check(&[assignment(1, Some(result))]));
		assert!(!check(&[assignment(1, None)]));
		// A no-show beside the served replica changes nothing.
		assert!(check(&[assignment(1, Some(unavailable)), assignment(3, None)]));
	}
}
