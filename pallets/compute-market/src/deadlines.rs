//! Deadlines: a queue of pages per block, worked off in `on_initialize` behind a cursor.
//!
//! Scheduling never fails: a block's deadlines fill pages of `MaxDeadlinesPerBlock` jobs, and
//! a full page opens the next one. Each block works off at most `MaxDeadlinesPerBlock` queued
//! deadlines, oldest block first; whatever does not fit stays queued and the cursor carries
//! it to the next block. A deadline is therefore never lost, only late under a flood, and a
//! job handled late gets its next phase's full length counted from the block it is handled in.
//!
//! Entries are never removed early. A job whose phase ended before its deadline (all commits
//! in, a challenge, a cancellation) leaves a stale entry behind; it is recognised because the
//! job's recorded deadline no longer names the entry's block, and is dropped when reached.
//!
//! A paused market stands still. While `Config::Paused` says the parties cannot make the
//! calls a deadline needs (in the runtime: safe mode is entered, or one of the market's calls
//! is paused), `on_initialize` counts the block in `PausedBlocks` and works off no deadline:
//! the cursor stays, and no deadline passes while nobody can meet it. Every job records the
//! count when its phase's deadline is scheduled (`Job::pause_mark`). A due job whose phase the
//! market was paused in since (the count grew) does not advance: its deadline moves by the
//! paused blocks (`DeadlineExtended`), and the phase ends then as any other. So a phase gets
//! back exactly the blocks it was paused in, and a pause that runs on past a deadline leaves
//! the phase the blocks it had left when the pause began; a long pause delays jobs by its own
//! length, not twice. The moved deadline is never sooner than `MinRevealPeriod` blocks after
//! the block the job is handled in: after a long pause many deadlines fall due together, the
//! queue may reach a job a few blocks late, and its parties, who could not act while its old
//! deadline stood, get the least time a phase gives. `advance_job` does the same, and is
//! refused while the market is paused.

use crate::*;
use frame_support::pallet_prelude::*;
use sp_runtime::Saturating;

/// Most empty or finished block queues the cursor steps over in one block. Only matters
/// after the cursor fell behind; bounds the hook's reads.
pub(crate) const MAX_DEADLINE_VISITS: u32 = 64;

/// Most stale entries (of jobs whose phase ended early, or that were pruned) dropped in one
/// block. A stale entry costs one read, so this budget is far larger than the one for live
/// deadlines: spamming the queue with post-and-cancel pairs delays live deadlines by one
/// block per this many entries.
pub(crate) const MAX_STALE_SKIPS: u32 = 1024;

/// What one block's run over the deadline queue did, for its weight.
#[derive(Default, Debug, PartialEq)]
pub(crate) struct DeadlineWork {
	/// Due jobs advanced to their next phase, or given back the blocks a pause took from
	/// their phase (about as dear: a read and a write of the job and a schedule).
	pub advanced: u32,
	/// Stale entries dropped, plus the entry looked at that did not fit.
	pub skipped: u32,
	/// Block queues looked at.
	pub visited: u32,
}

impl<T: Config> Pallet<T> {
	/// Queues `job_id` at block `at`. Never fails; the caller records `at` as the deadline.
	pub(crate) fn schedule(job_id: JobId, at: BlockNumberOf<T>) {
		let pages = DeadlinePages::<T>::get(at);
		let pushed = pages > 0
			&& Deadlines::<T>::mutate(at, pages.saturating_sub(1), |q| q.try_push(job_id).is_ok());
		if !pushed {
			// `integrity_test` makes a page hold at least one job.
			Deadlines::<T>::insert(at, pages, BoundedVec::truncate_from(alloc::vec![job_id]));
			DeadlinePages::<T>::insert(at, pages.saturating_add(1));
		}
	}

	/// A block in which the market is paused: counts it in `PausedBlocks` and works off no
	/// deadline; the cursor stays. If no block has placed the cursor yet, it is placed at
	/// this one, so that the deadlines that fall in the pause are not skipped when the market
	/// resumes.
	pub(crate) fn stand_still(now: BlockNumberOf<T>) -> Weight {
		PausedBlocks::<T>::mutate(|n| n.saturating_inc());
		if DeadlineCursor::<T>::get().is_none() {
			DeadlineCursor::<T>::put((now, 0));
		}
		T::DbWeight::get().reads_writes(2, 2)
	}

	/// Advances the jobs whose deadline has come, oldest first, at most
	/// `MaxDeadlinesPerBlock` of them; the rest wait for the next block.
	pub(crate) fn process_deadlines(now: BlockNumberOf<T>) -> Weight {
		let work = Self::work_off_deadlines(now);
		// Each advanced job may close bidding, verify a round, draw arbiters or conclude an
		// arbitration: charge the dearest. Dropped entries and visited block queues are
		// charged by their own benchmarks, which include the randomness trail, asking `Paused`,
		// reading `PausedBlocks` and each job's `Terms`.
		let n = work.advanced;
		T::WeightInfo::on_initialize(n)
			.max(T::WeightInfo::on_initialize_verify(n))
			.max(
				T::WeightInfo::on_initialize_draw(n)
					.saturating_add(Self::draw_extra_weight().saturating_mul(u64::from(n))),
			)
			.max(Self::arbitrate_weight(n))
			.saturating_add(T::WeightInfo::on_initialize_skip(work.skipped))
			.saturating_add(T::WeightInfo::on_initialize_visit(work.visited))
	}

	/// At a job's deadline (`now` or earlier): a phase the market was paused in since it was
	/// scheduled gets the paused blocks back (its deadline moves by them, to no sooner than
	/// `MinRevealPeriod` blocks after `now`); any other phase ends and the job moves on.
	/// `paused` is `PausedBlocks`.
	pub(crate) fn advance_or_extend(
		job_id: JobId,
		mut job: Job<T>,
		now: BlockNumberOf<T>,
		paused: u32,
	) {
		let lost = paused.saturating_sub(job.pause_mark);
		if lost == 0 {
			return Self::advance(job_id, job);
		}
		// After `now` (`MinRevealPeriod` is at least 1), so the queue never schedules into the
		// block it is working off.
		let deadline = job
			.deadline
			.saturating_add(BlockNumberOf::<T>::from(lost))
			.max(now.saturating_add(T::MinRevealPeriod::get()));
		job.deadline = deadline;
		job.pause_mark = paused;
		Self::schedule(job_id, deadline);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::DeadlineExtended { job_id, deadline });
	}

	/// Concluding `n` arbitrations: as benchmarked, and taking each job's `Challengers` entry
	/// and its arbiters' `Verdicts` (a read and a write each, not yet in the benchmark).
	pub(crate) fn arbitrate_weight(n: u32) -> Weight {
		let entries = u64::from(n).saturating_mul(u64::from(T::ArbiterReplicas::get()) + 1);
		T::WeightInfo::on_initialize_arbitrate(n)
			.saturating_add(T::DbWeight::get().reads_writes(entries, entries))
	}

	pub(crate) fn work_off_deadlines(now: BlockNumberOf<T>) -> DeadlineWork {
		let limit = T::MaxDeadlinesPerBlock::get();
		let paused = PausedBlocks::<T>::get();
		let (mut block, mut page) = DeadlineCursor::<T>::get().unwrap_or((now, 0));
		let mut work = DeadlineWork::default();
		'blocks: while block <= now && work.visited < MAX_DEADLINE_VISITS {
			work.visited.saturating_inc();
			let pages = DeadlinePages::<T>::get(block);
			while page < pages {
				let mut due = Deadlines::<T>::take(block, page).into_inner();
				let mut done = 0;
				for job_id in due.iter() {
					let live = Jobs::<T>::get(job_id)
						.filter(|job| !job.status.is_terminal() && job.deadline == block);
					match live {
						Some(job) if work.advanced < limit => {
							work.advanced.saturating_inc();
							Self::advance_or_extend(*job_id, job, now, paused);
						},
						None if work.skipped < MAX_STALE_SKIPS => work.skipped.saturating_inc(),
						_ => {
							// Out of budget: this entry was read for nothing.
							work.skipped.saturating_inc();
							break;
						},
					}
					done += 1;
				}
				if done < due.len() {
					// The page keeps what did not fit; the cursor stays on it.
					let later = due.split_off(done);
					Deadlines::<T>::insert(block, page, BoundedVec::truncate_from(later));
					break 'blocks;
				}
				page.saturating_inc();
			}
			DeadlinePages::<T>::remove(block);
			block.saturating_inc();
			page = 0;
		}
		DeadlineCursor::<T>::put((block, page));
		work
	}
}
