//! Deadlines: a bounded queue per block, worked off in `on_initialize`.

use crate::*;
use frame_support::pallet_prelude::*;
use sp_runtime::Saturating;

/// How many blocks past the wanted one a deadline may be moved when blocks are full.
pub(crate) const MAX_DEADLINE_SLIP: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Queues `job_id` at the first block from `at` on with room; returns that block.
	pub(crate) fn schedule(
		job_id: JobId,
		at: BlockNumberOf<T>,
	) -> Result<BlockNumberOf<T>, DispatchError> {
		let mut block = at;
		for _ in 0..MAX_DEADLINE_SLIP {
			let queued = Deadlines::<T>::mutate(block, |q| q.try_push(job_id).is_ok());
			if queued {
				return Ok(block);
			}
			block = block.saturating_add(1u32.into());
		}
		Err(Error::<T>::DeadlineQueueFull.into())
	}

	/// Removes `job_id` from the queue of block `at` (its phase ended early).
	pub(crate) fn unschedule(job_id: JobId, at: BlockNumberOf<T>) {
		Deadlines::<T>::mutate_exists(at, |q| {
			if let Some(list) = q {
				list.retain(|id| *id != job_id);
				if list.is_empty() {
					*q = None;
				}
			}
		});
	}

	/// Advances every job whose phase ends at `now`. At most `MaxDeadlinesPerBlock` jobs.
	pub(crate) fn process_deadlines(now: BlockNumberOf<T>) -> Weight {
		let due = Deadlines::<T>::take(now);
		let count = due.len() as u32;
		for job_id in due {
			match Jobs::<T>::get(job_id) {
				Some(job) if !job.status.is_terminal() && job.deadline == now => {
					Self::advance(job_id, job)
				},
				_ => {},
			}
		}
		// Each due job may close bidding, verify a round, draw arbiters or conclude an
		// arbitration: charge the dearest.
		T::WeightInfo::on_initialize(count)
			.max(T::WeightInfo::on_initialize_verify(count))
			.max(T::WeightInfo::on_initialize_draw(count))
			.max(T::WeightInfo::on_initialize_arbitrate(count))
	}
}
