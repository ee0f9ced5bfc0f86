//! Jobs: posting, cancelling, and moving a job to its next phase.

use crate::*;
use frame_support::{ensure, pallet_prelude::*};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Zero},
	Saturating,
};

impl<T: Config> Pallet<T> {
	/// Checks a spec's periods against the config.
	pub(crate) fn check_periods(spec: &JobSpec<T>) -> DispatchResult {
		ensure!(
			spec.bidding_period >= T::MinBiddingPeriod::get()
				&& spec.bidding_period <= T::MaxBiddingPeriod::get(),
			Error::<T>::InvalidBiddingPeriod
		);
		Self::check_execution_and_reveal(spec.execution_period, spec.reveal_period)
	}

	/// Checks the work a job declares: none, or an amount above zero.
	pub(crate) fn check_work(work: Option<Work>) -> DispatchResult {
		ensure!(work.map_or(true, |w| w.amount > 0), Error::<T>::InvalidWork);
		Ok(())
	}

	/// Fills in the chain's `DefaultTolerance` when the spec names none, and checks it
	/// against `MaxTolerance`: the job records the tolerance it was created with.
	pub(crate) fn fix_tolerance(spec: &mut JobSpec<T>) -> DispatchResult {
		let tolerance = spec.tolerance.unwrap_or_else(T::DefaultTolerance::get);
		ensure!(tolerance <= T::MaxTolerance::get(), Error::<T>::ToleranceTooLarge);
		spec.tolerance = Some(tolerance);
		Ok(())
	}

	/// Checks an execution and a reveal period against the config.
	pub(crate) fn check_execution_and_reveal(
		execution: BlockNumberOf<T>,
		reveal: BlockNumberOf<T>,
	) -> DispatchResult {
		ensure!(
			!execution.is_zero()
				&& execution >= T::MinExecutionPeriod::get()
				&& execution <= T::MaxExecutionPeriod::get(),
			Error::<T>::InvalidExecutionPeriod
		);
		ensure!(
			!reveal.is_zero()
				&& reveal >= T::MinRevealPeriod::get()
				&& reveal <= T::MaxRevealPeriod::get(),
			Error::<T>::InvalidRevealPeriod
		);
		Ok(())
	}

	/// Asks the data registry about every asset the job names; returns the royalties they
	/// owe (fixed now: later changes of consent or royalty do not touch this job) and their
	/// sum, which may not exceed the job's `max_royalties`.
	pub(crate) fn royalties_for(
		who: &T::AccountId,
		spec: &JobSpec<T>,
	) -> Result<(BoundedVec<Royalty<T>, T::MaxAssetsPerJob>, BalanceOf<T>), DispatchError> {
		let mut royalties = BoundedVec::new();
		let mut total = BalanceOf::<T>::zero();
		for (i, asset) in spec.assets.iter().enumerate() {
			ensure!(!spec.assets[..i].contains(asset), Error::<T>::DuplicateAsset);
			let (owner, amount) = T::DataAccess::check_usable(asset, who)?;
			total = total.checked_add(&amount).ok_or(Error::<T>::BudgetOverflow)?;
			// Same bound as `spec.assets`: cannot fail.
			royalties
				.try_push(Royalty { asset: *asset, owner, amount })
				.map_err(|_| Error::<T>::DuplicateAsset)?;
		}
		ensure!(total <= spec.max_royalties, Error::<T>::RoyaltiesAboveMax);
		Ok((royalties, total))
	}

	/// The royalties a job owes, held in its escrow until it ends.
	pub(crate) fn royalty_total(job: &Job<T>) -> BalanceOf<T> {
		job.royalties.iter().fold(Zero::zero(), |s, r| s.saturating_add(r.amount))
	}

	/// Takes the next job id.
	pub(crate) fn next_job_id() -> JobId {
		let job_id = NextJobId::<T>::get();
		NextJobId::<T>::put(job_id.saturating_add(1));
		job_id
	}

	/// Stores a new job with the terms it is created under (the governed parameters' values
	/// now), indexes it under its requester and tells the registry its assets are in use. Every
	/// job is created here.
	pub(crate) fn insert_new_job(job_id: JobId, job: Job<T>) {
		Self::start_data_use(job_id, &job);
		JobsOfRequester::<T>::insert(&job.requester, job_id, ());
		Jobs::<T>::insert(job_id, job);
		Terms::<T>::insert(job_id, JobTerms::<T>::current());
	}

	/// The terms `job_id` was posted under. Every job has them (recorded when it is created,
	/// or by the upgrade to storage version 6); should they be missing, the parameters' values
	/// now, as before version 6.
	pub(crate) fn terms_of(job_id: JobId) -> JobTerms<T> {
		Terms::<T>::get(job_id).unwrap_or_else(|| {
			frame_support::defensive!("every job has its terms");
			JobTerms::<T>::current()
		})
	}

	/// Tells the registry a job's assets are in use.
	pub(crate) fn start_data_use(job_id: JobId, job: &Job<T>) {
		for r in job.royalties.iter() {
			T::DataAccess::start_use(&r.asset, job_id, &job.requester);
		}
	}

	/// Tells the registry the job ended; with `paid`, first pays each owner its royalty
	/// from the escrow. The registry hears of a royalty only when it moved: a requester
	/// using its own asset pays itself nothing, and a royalty that could not be paid
	/// (`PaymentFailed`) stays in the escrow; both come back with the refund.
	pub(crate) fn end_data_use(job_id: JobId, job: &mut Job<T>, paid: bool) {
		for r in job.royalties.iter() {
			let amount = r.amount.min(job.escrow);
			let moved = paid
				&& r.owner != job.requester
				&& Self::pay(job_id, HoldReason::JobEscrow, &job.requester, &r.owner, amount);
			if moved {
				job.escrow = job.escrow.saturating_sub(amount);
			}
			let receipt = moved.then(|| (r.owner.clone(), amount));
			T::DataAccess::finish_use(&r.asset, job_id, &job.requester, receipt);
		}
	}

	/// Posts a job and returns its id.
	pub(crate) fn do_post_job(
		who: T::AccountId,
		mut spec: JobSpec<T>,
		work: Option<Work>,
	) -> Result<JobId, DispatchError> {
		ensure!(
			spec.replicas >= 1 && spec.replicas <= T::MaxReplicas::get(),
			Error::<T>::InvalidReplicas
		);
		ensure!(!spec.max_price.is_zero(), Error::<T>::ZeroPrice);
		Self::check_periods(&spec)?;
		Self::check_work(work)?;
		Self::fix_tolerance(&mut spec)?;
		let (royalties, royalty_total) = Self::royalties_for(&who, &spec)?;
		let budget = spec
			.max_price
			.checked_mul(&BalanceOf::<T>::from(spec.replicas))
			.and_then(|b| b.checked_add(&royalty_total))
			.ok_or(Error::<T>::BudgetOverflow)?;
		Self::hold(HoldReason::JobEscrow, &who, budget)?;
		let deposit = T::JobDeposit::get();
		Self::hold(HoldReason::JobDeposit, &who, deposit)?;

		let now = frame_system::Pallet::<T>::block_number();
		let job_id = Self::next_job_id();
		let bidding_ends = now.saturating_add(spec.bidding_period);
		Self::schedule(job_id, bidding_ends);
		let replicas = spec.replicas;
		let job = Job {
			requester: who.clone(),
			spec,
			status: JobStatus::Bidding,
			round: Round::Original,
			deadline: bidding_ends,
			escrow: budget,
			royalties,
			challenge_bond: Zero::zero(),
			posted_at: now,
			deposit,
			pause_mark: PausedBlocks::<T>::get(),
		};
		Self::insert_new_job(job_id, job);
		if let Some(work) = work {
			JobWork::<T>::insert(job_id, work);
		}
		OpenJobs::<T>::insert(job_id, ());
		Self::deposit_event(Event::JobPosted {
			job_id,
			requester: who,
			replicas,
			escrow: budget,
			bidding_ends,
		});
		Ok(job_id)
	}

	pub(crate) fn do_cancel_job(who: T::AccountId, job_id: JobId) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.requester == who, Error::<T>::NotRequester);
		ensure!(job.status == JobStatus::Bidding, Error::<T>::BiddingClosed);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < job.deadline, Error::<T>::BiddingClosed);
		OpenJobs::<T>::remove(job_id);
		Self::release_all_bids(job_id, BidRemoval::JobClosed);
		Self::end_data_use(job_id, &mut job, false);
		Self::refund_escrow(job_id, &mut job);
		Self::end(&mut job, JobStatus::Cancelled);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobCancelled { job_id });
		Ok(())
	}

	pub(crate) fn do_advance_job(job_id: JobId) -> DispatchResult {
		// While the market is paused its clock stands still: a call that is not paused
		// (this one) must not pass a deadline the paused ones cannot meet.
		ensure!(!T::Paused::get(), Error::<T>::MarketPaused);
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(!job.status.is_terminal(), Error::<T>::WrongPhase);
		// Arbiters and a job's winners are drawn with the randomness of the block that draws:
		// if a caller could pick that block, it could pick its judges or win the lot. The
		// queue draws at the block it reaches the job.
		ensure!(
			!matches!(job.status, JobStatus::Drawing | JobStatus::Bidding),
			Error::<T>::DrawnByQueueOnly
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= job.deadline, Error::<T>::DeadlineNotReached);
		Self::advance_or_extend(job_id, job, now, PausedBlocks::<T>::get());
		Ok(())
	}

	/// Moves a job whose deadline has come to its next phase. Never fails: each phase has a
	/// way forward that needs nobody.
	pub(crate) fn advance(job_id: JobId, job: Job<T>) {
		match job.status {
			JobStatus::Bidding => Self::close_bidding(job_id, job),
			JobStatus::Drawing => Self::draw_arbiters(job_id, job),
			JobStatus::Committing => Self::start_reveal(job_id, job),
			JobStatus::Revealing => Self::verify(job_id, job),
			JobStatus::ChallengeWindow => Self::settle_unchallenged(job_id, job),
			JobStatus::Settled | JobStatus::Failed | JobStatus::Expired | JobStatus::Cancelled => {
			},
		}
	}

	/// Schedules the next phase of `job` to end `period` blocks from now and records that
	/// block as the job's deadline, and the paused blocks counted so far as its pause mark.
	pub(crate) fn next_phase(
		job_id: JobId,
		job: &mut Job<T>,
		status: JobStatus,
		period: BlockNumberOf<T>,
	) {
		let now = frame_system::Pallet::<T>::block_number();
		job.status = status;
		job.deadline = now.saturating_add(period);
		job.pause_mark = PausedBlocks::<T>::get();
		Self::schedule(job_id, job.deadline);
	}

	/// Marks the job finished with `status`; its `deadline` becomes the block it finished in,
	/// from which its retention period counts.
	pub(crate) fn end(job: &mut Job<T>, status: JobStatus) {
		job.status = status;
		job.deadline = frame_system::Pallet::<T>::block_number();
	}

	/// Removes a finished job's records after its retention period; its deposit goes back.
	pub(crate) fn do_prune_job(job_id: JobId) -> DispatchResult {
		let job = Jobs::<T>::get(job_id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.status.is_terminal(), Error::<T>::JobNotFinished);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now >= job.deadline.saturating_add(T::RetentionPeriod::get()),
			Error::<T>::RetentionNotOver
		);
		Jobs::<T>::remove(job_id);
		Terms::<T>::remove(job_id);
		JobWork::<T>::remove(job_id);
		Results::<T>::remove(job_id);
		JobsOfRequester::<T>::remove(&job.requester, job_id);
		Self::release(HoldReason::JobDeposit, &job.requester, job.deposit);
		Self::deposit_event(Event::JobPruned {
			job_id,
			requester: job.requester,
			deposit: job.deposit,
		});
		Ok(())
	}
}
