//! The precommits of the newest GRANDPA round this node saw finalize a block, for the blocks it
//! authors: the finality-votes pallet's inherent, which records who votes.

use allmende_runtime::opaque::Block;
use futures::StreamExt;
use pallet_finality_votes::{RoundVotes, SignedPrecommit, INHERENT_IDENTIFIER};
use sc_consensus_grandpa::GrandpaJustificationStream;
use sp_inherents::{InherentData, InherentIdentifier};
use sp_runtime::traits::{Block as BlockT, Header as HeaderT};
use std::sync::{Arc, Mutex};

/// The round's votes as the inherent carries them.
pub type Votes =
	RoundVotes<<Block as BlockT>::Hash, <<Block as BlockT>::Header as HeaderT>::Number>;

/// The newest round's votes, kept up to date by [`LatestVotes::follow`].
#[derive(Clone, Default)]
pub struct LatestVotes(Arc<Mutex<Option<Votes>>>);

impl LatestVotes {
	/// Keeps the precommits of the justification this node finalized with last. Ends when the
	/// stream does (the node stops).
	pub async fn follow(self, justifications: GrandpaJustificationStream<Block>) {
		let mut stream = justifications.subscribe(100_000);
		while let Some(justification) = stream.next().await {
			let j = justification.justification;
			let precommits = j
				.commit
				.precommits
				.into_iter()
				.map(|p| SignedPrecommit {
					precommit: p.precommit,
					signature: p.signature,
					id: p.id,
				})
				.collect();
			let votes = Votes { round: j.round, precommits };
			// Finality only moves forward: the newest justification is of the newest round
			// (rounds start again at 1 in a new set, so the round number does not tell).
			if let Ok(mut latest) = self.0.lock() {
				*latest = Some(votes);
			}
		}
	}

	/// What the next block this node authors carries.
	pub fn provider(&self) -> VotesProvider {
		VotesProvider(self.0.lock().ok().and_then(|l| l.clone()))
	}
}

/// Puts the votes, if there are any, into a block's inherent data.
pub struct VotesProvider(Option<Votes>);

#[async_trait::async_trait]
impl sp_inherents::InherentDataProvider for VotesProvider {
	async fn provide_inherent_data(
		&self,
		inherent_data: &mut InherentData,
	) -> Result<(), sp_inherents::Error> {
		match &self.0 {
			Some(votes) => inherent_data.put_data(INHERENT_IDENTIFIER, votes),
			None => Ok(()),
		}
	}

	async fn try_handle_error(
		&self,
		_identifier: &InherentIdentifier,
		_error: &[u8],
	) -> Option<Result<(), sp_inherents::Error>> {
		None
	}
}
