//! What the agent owes the chain, on disk.
//!
//! Every change is written to a temporary file, synced and renamed over `state.json`, so a
//! kill at any point leaves either the old or the new state. A result and its salt are saved
//! before the commitment is submitted: a restarted agent reveals what it committed.

use std::{
	collections::BTreeMap,
	fs,
	io::{self, Write},
	path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{chain::JobId, hash::Hash};

/// What went wrong with the state file.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
	#[error("state file {path}: {source}")]
	Io { path: PathBuf, source: io::Error },
	#[error("state file {path} is not valid: {source}")]
	Parse { path: PathBuf, source: serde_json::Error },
	#[error(
		"state file {path} belongs to account {found}, not {expected}: use another --data-dir"
	)]
	OtherAccount { path: PathBuf, found: String, expected: String },
}

/// Which round of a job the agent works in: the original bidders', or drawn arbiters'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
	/// Won the bidding or was assigned through a standing offer.
	Provider,
	/// Drawn as an arbiter.
	Arbiter,
}

/// The agent's work on one job in one role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Work {
	/// The price it bid, and the block whose state it saw when bidding.
	pub bid: Option<(u128, u32)>,
	/// The hash of its result (the result is in the content store).
	pub result: Option<Hash>,
	/// The salt of its commitment, hex.
	pub salt: Option<Hash>,
	/// As an arbiter, its verdict on each replica of the disputed round, saved (with the
	/// salt drawn for it) before the commitment.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub verdict: Option<Vec<crate::chain::Judgement>>,
	/// The block whose state it saw when it submitted its commitment.
	pub committed_at: Option<u32>,
	/// The block whose state it saw when it submitted its reveal.
	pub revealed_at: Option<u32>,
	/// How often a worker was started for this job and gave no result (crashed, killed, or
	/// refused memory by the host): counted across restarts, so a job that kills its worker
	/// is given up ([`Work::abandoned`]) rather than run for ever.
	#[serde(default, skip_serializing_if = "is_zero")]
	pub failed_runs: u32,
	/// Why the agent gave the job up without a result (it commits nothing: a no-show).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub abandoned: Option<String>,
	/// Finished: nothing more to do for this job.
	pub done: bool,
	/// The block at which it was found finished; the work is dropped from the file
	/// `retention_blocks` later ([`State::prune`]).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub finished_at: Option<u32>,
}

impl Work {
	/// Marks the work finished at block `n`.
	pub fn finish(&mut self, n: u32) {
		self.done = true;
		self.finished_at = Some(n);
	}
}

fn is_zero(n: &u32) -> bool {
	*n == 0
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
	account: String,
	work: BTreeMap<String, Work>,
	/// The ids of the standing offers the account posted that were still on chain when it
	/// last looked, so a restart reads them by id instead of walking every offer.
	#[serde(default, skip_serializing_if = "Vec::is_empty")]
	offers: Vec<u64>,
}

/// The state file of one account.
#[derive(Debug)]
pub struct State {
	path: PathBuf,
	file: File,
	/// Changes noted but not written yet ([`State::note`]).
	unsaved: bool,
}

fn key(job: JobId, role: Role) -> String {
	format!(
		"{job}/{}",
		match role {
			Role::Provider => "provider",
			Role::Arbiter => "arbiter",
		}
	)
}

impl State {
	/// Loads `<dir>/state.json`, or starts an empty state for `account`.
	pub fn load(dir: &Path, account: &str) -> Result<Self, StateError> {
		let path = dir.join("state.json");
		let file = match fs::read(&path) {
			Ok(bytes) => serde_json::from_slice::<File>(&bytes)
				.map_err(|source| StateError::Parse { path: path.clone(), source })?,
			Err(e) if e.kind() == io::ErrorKind::NotFound => {
				File { account: account.into(), ..Default::default() }
			},
			Err(source) => return Err(StateError::Io { path, source }),
		};
		if file.account != account {
			return Err(StateError::OtherAccount {
				path,
				found: file.account,
				expected: account.into(),
			});
		}
		Ok(Self { path, file, unsaved: false })
	}

	/// The work on a job in a role.
	pub fn work(&self, job: JobId, role: Role) -> Option<&Work> {
		self.file.work.get(&key(job, role))
	}

	/// Every job with work that is not done: (job, role). Work whose result is computed
	/// already (a commitment to submit or submit again, a reveal) comes first, then the jobs
	/// whose workloads are still to run (in tasks of their own, `concurrency` at a time).
	pub fn open_work(&self) -> Vec<(JobId, Role)> {
		let mut open: Vec<_> = self
			.file
			.work
			.iter()
			.filter(|(_, w)| !w.done)
			.filter_map(|(k, w)| {
				let (job, role) = k.split_once('/')?;
				let role = if role == "arbiter" { Role::Arbiter } else { Role::Provider };
				Some((w.result.is_none(), job.parse().ok()?, role))
			})
			.collect();
		// Stable: among the computed and among the rest, the order of the file.
		open.sort_by_key(|(to_compute, ..)| *to_compute);
		open.into_iter().map(|(_, job, role)| (job, role)).collect()
	}

	/// How many jobs have work not done and no result yet: bid on, assigned or drawn, and
	/// not computed.
	pub fn uncomputed(&self) -> usize {
		self.file.work.values().filter(|w| !w.done && w.result.is_none()).count()
	}

	/// Changes the work on a job and saves the state before returning.
	pub fn update(
		&mut self,
		job: JobId,
		role: Role,
		change: impl FnOnce(&mut Work),
	) -> Result<(), StateError> {
		change(self.file.work.entry(key(job, role)).or_default());
		self.save()
	}

	/// Changes the work on a job without writing the file: for what the chain shows again
	/// after a crash (an assignment, a transaction sent, a job found finished). The agent writes
	/// noted changes once per block ([`State::flush`]); [`State::update`], for what only this
	/// machine knows (a result, its salt, a verdict), writes them too.
	pub fn note(&mut self, job: JobId, role: Role, change: impl FnOnce(&mut Work)) {
		change(self.file.work.entry(key(job, role)).or_default());
		self.unsaved = true;
	}

	/// The ids of the account's standing offers, as last noted.
	pub fn offers(&self) -> &[u64] {
		&self.file.offers
	}

	/// Notes the ids of the account's standing offers, written with the next flush: what a
	/// crash loses, the chain's count of the provider's offers shows ([`crate::decide::offers_unknown`]).
	pub fn note_offers(&mut self, ids: Vec<u64>) {
		if self.file.offers != ids {
			self.file.offers = ids;
			self.unsaved = true;
		}
	}

	/// Writes the changes noted since the last write, if there are any.
	pub fn flush(&mut self) -> Result<(), StateError> {
		if self.unsaved {
			self.save()?;
		}
		Ok(())
	}

	/// Marks the work on a job finished at block `n`, and saves.
	pub fn finish(&mut self, job: JobId, role: Role, n: u32) -> Result<(), StateError> {
		self.update(job, role, |w| w.finish(n))
	}

	/// Drops finished work found finished `retention` blocks or more before block `now`, so
	/// the file (rewritten on every change) does not grow with every job the agent ever
	/// worked on. Finished work without a block (from before the block was recorded) counts
	/// as finished at `now`. Saves if anything changed; returns how many entries went.
	pub fn prune(&mut self, now: u32, retention: u32) -> Result<usize, StateError> {
		let mut changed = false;
		for w in self.file.work.values_mut().filter(|w| w.done && w.finished_at.is_none()) {
			w.finished_at = Some(now);
			changed = true;
		}
		let before = self.file.work.len();
		self.file.work.retain(|_, w| {
			!(w.done && w.finished_at.is_some_and(|f| f.saturating_add(retention) <= now))
		});
		let dropped = before - self.file.work.len();
		if changed || dropped > 0 {
			self.save()?;
		}
		Ok(dropped)
	}

	fn save(&mut self) -> Result<(), StateError> {
		let io_err = |source| StateError::Io { path: self.path.clone(), source };
		let tmp = self.path.with_extension("json.tmp");
		let bytes = serde_json::to_vec_pretty(&self.file).expect("the state serializes");
		let mut f = fs::File::create(&tmp).map_err(io_err)?;
		f.write_all(&bytes).map_err(io_err)?;
		f.sync_all().map_err(io_err)?;
		fs::rename(&tmp, &self.path).map_err(io_err)?;
		self.unsaved = false;
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_saved_salt_survives_a_restart() {
		let dir = tempfile::tempdir().unwrap();
		let salt = Hash::of(b"salt");
		{
			let mut state = State::load(dir.path(), "alice").unwrap();
			state.update(7, Role::Provider, |w| w.bid = Some((5, 10))).unwrap();
			state
				.update(7, Role::Provider, |w| {
					w.result = Some(Hash::of(b"result"));
					w.salt = Some(salt);
					w.committed_at = Some(12);
				})
				.unwrap();
			state.update(8, Role::Arbiter, |w| w.done = true).unwrap();
		}
		let state = State::load(dir.path(), "alice").unwrap();
		let work = state.work(7, Role::Provider).unwrap();
		assert_eq!((work.salt, work.committed_at, work.bid), (Some(salt), Some(12), Some((5, 10))));
		assert_eq!(state.open_work(), vec![(7, Role::Provider)]);
	}

	#[test]
	fn work_with_a_computed_result_comes_before_work_still_to_run() {
		let dir = tempfile::tempdir().unwrap();
		let mut state = State::load(dir.path(), "alice").unwrap();
		state.update(1, Role::Provider, |w| w.bid = Some((5, 10))).unwrap();
		state
			.update(2, Role::Provider, |w| {
				w.result = Some(Hash::of(b"two"));
				w.committed_at = Some(12);
			})
			.unwrap();
		state.update(3, Role::Arbiter, |_| {}).unwrap();
		state.update(4, Role::Arbiter, |w| w.result = Some(Hash::of(b"four"))).unwrap();
		state.update(5, Role::Provider, |w| w.done = true).unwrap();
		assert_eq!(
			state.open_work(),
			vec![(2, Role::Provider), (4, Role::Arbiter), (1, Role::Provider), (3, Role::Arbiter)]
		);
	}

	#[test]
	fn finished_work_is_dropped_after_the_retention_and_open_work_never() {
		let dir = tempfile::tempdir().unwrap();
		let mut state = State::load(dir.path(), "alice").unwrap();
		state.update(1, Role::Provider, |w| w.bid = Some((5, 10))).unwrap();
		state.finish(2, Role::Provider, 100).unwrap();
		state.finish(3, Role::Arbiter, 150).unwrap();
		// Finished in a file written before blocks were recorded.
		state.update(4, Role::Provider, |w| w.done = true).unwrap();
		assert_eq!(state.prune(199, 100).unwrap(), 0);
		assert_eq!(state.prune(200, 100).unwrap(), 1);
		assert!(state.work(2, Role::Provider).is_none());
		assert!(state.work(3, Role::Arbiter).is_some());
		// Job 4 counts from the first prune (block 199).
		assert_eq!(state.work(4, Role::Provider).unwrap().finished_at, Some(199));
		assert_eq!(state.prune(10_000, 100).unwrap(), 2);
		// Open work stays whatever its age, and the pruned file is what a restart reads.
		let state = State::load(dir.path(), "alice").unwrap();
		assert_eq!(state.open_work(), vec![(1, Role::Provider)]);
		assert!(state.work(3, Role::Arbiter).is_none());
	}

	#[test]
	fn noted_changes_are_written_by_the_next_flush_or_update() {
		let dir = tempfile::tempdir().unwrap();
		let on_disk = || State::load(dir.path(), "alice").unwrap();
		let mut state = State::load(dir.path(), "alice").unwrap();
		state.note(1, Role::Provider, |w| w.bid = Some((5, 10)));
		state.note(2, Role::Provider, |w| w.bid = Some((6, 10)));
		assert_eq!(state.uncomputed(), 2, "noted changes count at once");
		assert!(on_disk().work(1, Role::Provider).is_none(), "not written yet");
		state.flush().unwrap();
		assert_eq!(on_disk().work(2, Role::Provider).unwrap().bid, Some((6, 10)));
		// An update writes what was noted before it.
		state.note(1, Role::Provider, |w| w.committed_at = Some(12));
		state.update(3, Role::Arbiter, |w| w.salt = Some(Hash::of(b"salt"))).unwrap();
		assert_eq!(on_disk().work(1, Role::Provider).unwrap().committed_at, Some(12));
		// Nothing noted: a flush writes nothing (a file changed behind its back stays).
		fs::write(dir.path().join("state.json"), b"{").unwrap();
		state.flush().unwrap();
		assert_eq!(fs::read(dir.path().join("state.json")).unwrap(), b"{");
	}

	#[test]
	fn offer_ids_are_written_by_the_next_flush_and_read_back_after_a_restart() {
		let dir = tempfile::tempdir().unwrap();
		let mut state = State::load(dir.path(), "alice").unwrap();
		state.note_offers(vec![3, 7]);
		assert!(State::load(dir.path(), "alice").unwrap().offers().is_empty(), "not yet");
		state.flush().unwrap();
		assert_eq!(State::load(dir.path(), "alice").unwrap().offers(), &[3, 7]);
		// The same ids again change nothing, so nothing is written.
		fs::write(dir.path().join("state.json"), b"{").unwrap();
		state.note_offers(vec![3, 7]);
		state.flush().unwrap();
		assert_eq!(fs::read(dir.path().join("state.json")).unwrap(), b"{");
	}

	#[test]
	fn refuses_another_accounts_state_and_a_broken_file() {
		let dir = tempfile::tempdir().unwrap();
		State::load(dir.path(), "alice")
			.unwrap()
			.update(1, Role::Provider, |_| {})
			.unwrap();
		assert!(matches!(State::load(dir.path(), "bob"), Err(StateError::OtherAccount { .. })));
		fs::write(dir.path().join("state.json"), b"{").unwrap();
		assert!(matches!(State::load(dir.path(), "alice"), Err(StateError::Parse { .. })));
	}
}
