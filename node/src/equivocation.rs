//! Reports BABE equivocations with the blocks' seals.
//!
//! polkadot-sdk's BABE block import (stable2609) looks for a second block of the same slot and
//! author after it has moved the block's seal into the post-digests: the proof it hands to the
//! runtime holds two headers without seals, which the runtime cannot check, so the report
//! would fail on chain (`babe.InvalidEquivocationProof`). The runtime refuses such a proof
//! before it reaches the transaction pool (`submit_report_equivocation_unsigned_extrinsic` in
//! `runtime/src/apis.rs`). This task finds the same equivocations in the headers the client
//! stored (sealed) and reports them the same way: an unsigned transaction from this node's
//! pool, which only this node includes when it authors, so it runs on validators.

use std::{
	collections::{BTreeMap, BTreeSet},
	sync::Arc,
};

use futures::StreamExt;
use sc_client_api::BlockchainEvents;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_consensus::BlockOrigin;
use sp_consensus_babe::{AuthorityId, BabeApi, EquivocationProof, Slot};
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};

/// How far back an equivocation is looked for: blocks of slots more than this many slots
/// older than the newest imported one are forgotten (an hour of 6-second slots; offences can
/// be proven for 24 sessions, and both blocks of an equivocation arrive within seconds).
const SLOTS_KEPT: u64 = 600;

/// Blocks kept per slot. Only a slot's authors can make blocks that import, and one block per
/// author is enough to find the next; the bound keeps a flood of one author's blocks small.
const BLOCKS_PER_SLOT: usize = 8;

/// The blocks seen per slot, by authority index, and which equivocations were reported.
pub struct Seen<H> {
	slots: BTreeMap<u64, Vec<(u32, H)>>,
	reported: BTreeSet<(u64, u32)>,
}

impl<H> Default for Seen<H> {
	fn default() -> Self {
		Self { slots: BTreeMap::new(), reported: BTreeSet::new() }
	}
}

impl<H: HeaderT> Seen<H> {
	/// Notes `header`, authored by authority `index` in `slot`. Returns the earlier block of
	/// the same slot and author when this one differs from it and the pair was not reported
	/// yet (it counts as reported from then on; [`Self::report_failed`] takes that back).
	pub fn note(&mut self, slot: u64, index: u32, header: H) -> Option<H> {
		let newest = self.slots.last_key_value().map_or(slot, |(s, _)| (*s).max(slot));
		let oldest = newest.saturating_sub(SLOTS_KEPT);
		if slot < oldest {
			return None;
		}
		self.slots = self.slots.split_off(&oldest);
		self.reported = self.reported.split_off(&(oldest, 0));
		let blocks = self.slots.entry(slot).or_default();
		let hash = header.hash();
		let earlier = blocks.iter().find(|(i, h)| *i == index && h.hash() != hash).map(|(_, h)| h);
		if let Some(earlier) = earlier {
			if self.reported.insert((slot, index)) {
				return Some(earlier.clone());
			}
			return None;
		}
		if blocks.len() < BLOCKS_PER_SLOT && !blocks.iter().any(|(_, h)| h.hash() == hash) {
			blocks.push((index, header));
		}
		None
	}

	/// The report of `slot` and `index` failed: a later block of that slot and author may
	/// report it again.
	pub fn report_failed(&mut self, slot: u64, index: u32) {
		self.reported.remove(&(slot, index));
	}
}

/// Why an equivocation was not reported.
#[derive(Debug)]
pub enum ReportError {
	/// Neither the parent's epoch nor the next one has an authority at the index whose key
	/// sealed both blocks.
	NoSealingAuthority,
	/// The runtime could not prove the offender's key was in the validator set.
	NotInValidatorSet,
	/// A runtime API call failed.
	Api(sp_api::ApiError),
	/// The runtime refused to submit the report.
	Refused,
}

impl std::fmt::Display for ReportError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::NoSealingAuthority => write!(f, "no authority of the slot sealed both blocks"),
			Self::NotInValidatorSet => {
				write!(f, "the offender's key is not in a known validator set")
			},
			Self::Api(e) => write!(f, "runtime API: {e}"),
			Self::Refused => write!(f, "the runtime refused the report"),
		}
	}
}

/// Watches every imported block and reports each equivocation once. Blocks from the initial
/// sync are skipped, as BABE's own check skips them: they are old.
pub async fn report_babe_equivocations<B, C>(
	client: Arc<C>,
	pool: OffchainTransactionPoolFactory<B>,
) where
	B: BlockT,
	C: BlockchainEvents<B> + HeaderBackend<B> + ProvideRuntimeApi<B>,
	C::Api: BabeApi<B>,
{
	let mut imports = client.every_import_notification_stream();
	let mut seen = Seen::<B::Header>::default();
	while let Some(imported) = imports.next().await {
		if imported.origin == BlockOrigin::NetworkInitialSync {
			continue;
		}
		let Ok(pre_digest) = sc_consensus_babe::find_pre_digest::<B>(&imported.header) else {
			continue;
		};
		let slot = pre_digest.slot();
		let index = pre_digest.authority_index();
		let Some(earlier) = seen.note(*slot, index, imported.header.clone()) else {
			continue;
		};
		match report(&*client, &pool, slot, index, imported.hash, earlier, imported.header) {
			Ok(offender) => log::info!(
				target: "allmende::equivocation",
				"⚖️  Reported BABE equivocation by {offender} at slot {slot} (authority {index})"
			),
			Err(e) => {
				seen.report_failed(*slot, index);
				log::warn!(
					target: "allmende::equivocation",
					"Not reporting two blocks of slot {slot} by authority {index}: {e}"
				)
			},
		}
	}
}

/// Builds the equivocation proof of `first` and `second` (sealed, same slot, same authority
/// index; `second` is block `at`) and submits it through the runtime at the best block.
fn report<B, C>(
	client: &C,
	pool: &OffchainTransactionPoolFactory<B>,
	slot: Slot,
	index: u32,
	at: B::Hash,
	first: B::Header,
	second: B::Header,
) -> Result<AuthorityId, ReportError>
where
	B: BlockT,
	C: HeaderBackend<B> + ProvideRuntimeApi<B>,
	C::Api: BabeApi<B>,
{
	let parent = *second.parent_hash();
	// The slot is in the parent's epoch or, for an epoch's first block, in the next one.
	let epochs = [
		client.runtime_api().current_epoch(parent).map_err(ReportError::Api)?,
		client.runtime_api().next_epoch(parent).map_err(ReportError::Api)?,
	];
	let proof = epochs
		.iter()
		.filter_map(|epoch| epoch.authorities.get(index as usize))
		.map(|(offender, _)| EquivocationProof {
			offender: offender.clone(),
			slot,
			first_header: first.clone(),
			second_header: second.clone(),
		})
		.find(|proof| sp_consensus_babe::check_equivocation_proof(proof.clone()))
		.ok_or(ReportError::NoSealingAuthority)?;
	let offender = proof.offender.clone();
	let best = client.info().best_hash;
	// The key's owner is proven in the session of the slot: the session of the second block's
	// own state (its parent's is the previous session when the block started an epoch), or
	// else of the best block.
	let mut key_owner_proof = None;
	let mut api_error = None;
	for at in [at, best] {
		match client.runtime_api().generate_key_ownership_proof(at, slot, offender.clone()) {
			Ok(Some(proof)) => {
				key_owner_proof = Some(proof);
				break;
			},
			Ok(None) => {},
			// The block's state may be gone (pruned): the best block may still prove it.
			Err(e) => api_error = Some(e),
		}
	}
	let key_owner_proof = match (key_owner_proof, api_error) {
		(Some(proof), _) => proof,
		(None, Some(e)) => return Err(ReportError::Api(e)),
		(None, None) => return Err(ReportError::NotInValidatorSet),
	};
	let mut api = client.runtime_api();
	api.register_extension(pool.offchain_transaction_pool(best));
	api.submit_report_equivocation_unsigned_extrinsic(best, proof, key_owner_proof)
		.map_err(ReportError::Api)?
		.ok_or(ReportError::Refused)?;
	Ok(offender)
}
