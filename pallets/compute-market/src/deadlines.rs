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

use crate::*;
use frame_support::pallet_prelude::*;
use sp_runtime::Saturating;

/// Most empty or finished block queues the cursor steps over in one block. Only matters
/// after the cursor fell behind; bounds the hook's reads.
pub(crate) const MAX_DEADLINE_VISITS: u32 = 64;

/// What one block's run over the deadline queue did, for its weight.
#[derive(Default, Debug, PartialEq)]
pub(crate) struct DeadlineWork {
	/// Queue entries handled (live or stale).
	pub handled: u32,
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

	/// Advances the jobs whose deadline has come, oldest first, at most
	/// `MaxDeadlinesPerBlock` of them; the rest wait for the next block.
	pub(crate) fn process_deadlines(now: BlockNumberOf<T>) -> Weight {
		let work = Self::work_off_deadlines(now);
		// Each handled entry may close bidding, verify a round, draw arbiters or conclude an
		// arbitration: charge the dearest. Each visited block queue costs a read and a write.
		let n = work.handled;
		T::WeightInfo::on_initialize(n)
			.max(T::WeightInfo::on_initialize_verify(n))
			.max(T::WeightInfo::on_initialize_draw(n))
			.max(T::WeightInfo::on_initialize_arbitrate(n))
			.saturating_add(T::WeightInfo::on_initialize_visit(work.visited))
	}

	pub(crate) fn work_off_deadlines(now: BlockNumberOf<T>) -> DeadlineWork {
		let limit = T::MaxDeadlinesPerBlock::get();
		let (mut block, mut page) = DeadlineCursor::<T>::get().unwrap_or((now, 0));
		let mut work = DeadlineWork::default();
		'blocks: while block <= now && work.handled < limit && work.visited < MAX_DEADLINE_VISITS {
			work.visited.saturating_inc();
			let pages = DeadlinePages::<T>::get(block);
			while page < pages && work.handled < limit {
				let mut due = Deadlines::<T>::take(block, page).into_inner();
				let room = limit.saturating_sub(work.handled) as usize;
				let later =
					if due.len() > room { due.split_off(room) } else { alloc::vec::Vec::new() };
				for job_id in due {
					work.handled.saturating_inc();
					match Jobs::<T>::get(job_id) {
						Some(job) if !job.status.is_terminal() && job.deadline == block => {
							Self::advance(job_id, job)
						},
						_ => {},
					}
				}
				if !later.is_empty() {
					// The page keeps what did not fit; the cursor stays on it.
					Deadlines::<T>::insert(block, page, BoundedVec::truncate_from(later));
					break 'blocks;
				}
				page.saturating_inc();
			}
			if page < pages {
				break;
			}
			DeadlinePages::<T>::remove(block);
			block.saturating_inc();
			page = 0;
		}
		DeadlineCursor::<T>::put((block, page));
		work
	}
}
