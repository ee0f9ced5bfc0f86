//! The invariants `try_state` checks: the funds held under each reason equal what the
//! market's records say, provider counters match, every unfinished job has its deadline
//! queued, no job's pause mark is ahead of the paused blocks counted, and every job, and
//! nothing else, has the terms it was posted under.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

#[derive(Default)]
struct Expected<Balance> {
	stake: Balance,
	escrow: Balance,
	bonds: Balance,
	challenge: Balance,
	deposits: Balance,
}

#[derive(Default, PartialEq, Eq, Debug)]
struct Counters {
	open_bids: u32,
	assignments: u32,
	offers: u32,
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the market; used by `try_state` and after every test.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut expected: BTreeMap<T::AccountId, Expected<BalanceOf<T>>> = BTreeMap::new();
		let mut counters: BTreeMap<T::AccountId, Counters> = BTreeMap::new();

		for (who, p) in Providers::<T>::iter() {
			let e = expected.entry(who.clone()).or_default();
			e.stake = e.stake.saturating_add(p.stake);
			counters.entry(who).or_default();
		}
		for (_, offer) in Offers::<T>::iter() {
			counters.entry(offer.provider).or_default().offers.saturating_inc();
		}
		let paused = PausedBlocks::<T>::get();
		for (job_id, job) in Jobs::<T>::iter() {
			// A mark ahead of the count would hide the next pause from the job's phase.
			ensure!(job.pause_mark <= paused, "a job's pause mark is ahead of the paused blocks");
			ensure!(Terms::<T>::contains_key(job_id), "a job has no terms");
			let e = expected.entry(job.requester.clone()).or_default();
			e.escrow = e.escrow.saturating_add(job.escrow);
			e.deposits = e.deposits.saturating_add(job.deposit);
			let challenger = Challengers::<T>::get(job_id);
			ensure!(
				challenger.is_none() || !job.challenge_bond.is_zero(),
				"a challenger is recorded for a job without a challenge bond"
			);
			ensure!(
				challenger.as_ref() != Some(&job.requester),
				"the requester is recorded as a challenger"
			);
			let e =
				expected.entry(challenger.unwrap_or_else(|| job.requester.clone())).or_default();
			e.challenge = e.challenge.saturating_add(job.challenge_bond);
			ensure!(
				JobsOfRequester::<T>::contains_key(&job.requester, job_id),
				"a job is missing from its requester's index"
			);
			let open = job.status == JobStatus::Bidding;
			ensure!(
				OpenJobs::<T>::contains_key(job_id) == open,
				"the open-jobs index is out of step"
			);
			if job.status.is_terminal() {
				ensure!(
					job.escrow.is_zero() && job.challenge_bond.is_zero(),
					"a finished job holds funds"
				);
				ensure!(
					Bids::<T>::get(job_id).is_empty()
						&& Assignments::<T>::get(job_id).is_empty()
						&& !Disputed::<T>::contains_key(job_id),
					"a finished job has bids or assignments"
				);
			} else {
				ensure!(
					Deadlines::<T>::iter_prefix_values(job.deadline).any(|q| q.contains(&job_id)),
					"an unfinished job has no queued deadline"
				);
				if let Some((cursor, _)) = DeadlineCursor::<T>::get() {
					ensure!(
						job.deadline >= cursor,
						"an unfinished job's deadline is behind the cursor"
					);
				}
			}
			ensure!(
				Disputed::<T>::contains_key(job_id)
					== (job.round == Round::Arbitration && !job.status.is_terminal()),
				"a disputed round is kept exactly while the job is in arbitration"
			);
			ensure!(
				job.challenge_bond.is_zero() || job.round == Round::Arbitration,
				"a challenge bond is held outside arbitration"
			);
		}
		for job_id in Challengers::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "a challenger is recorded for no job");
		}
		for job_id in Terms::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "terms are recorded for no job");
		}
		for (job_id, work) in JobWork::<T>::iter() {
			ensure!(Jobs::<T>::contains_key(job_id), "work is declared for no job");
			ensure!(work.amount > 0, "a job declares no work as its work");
		}
		for (offer_id, rate) in OfferUnitPrices::<T>::iter() {
			ensure!(Offers::<T>::contains_key(offer_id), "a unit price is recorded for no offer");
			ensure!(rate.max_amount > 0, "an offer by the unit takes no work");
		}
		for (job_id, arbiter, agrees) in Verdicts::<T>::iter() {
			let judging = Jobs::<T>::get(job_id)
				.is_some_and(|j| j.round == Round::Arbitration && j.status == JobStatus::Revealing);
			ensure!(judging, "a verdict is kept outside an arbitration's reveal phase");
			let revealed = Assignments::<T>::get(job_id)
				.iter()
				.any(|a| a.provider == arbiter && a.reveal.is_some());
			ensure!(revealed, "a verdict is kept for an arbiter that did not reveal");
			ensure!(
				Some(agrees.len()) == Disputed::<T>::decode_len(job_id),
				"a verdict does not judge each disputed replica"
			);
		}
		for (_, bids) in Bids::<T>::iter() {
			for bid in bids {
				let e = expected.entry(bid.provider.clone()).or_default();
				e.bonds = e.bonds.saturating_add(bid.bond);
				counters.entry(bid.provider).or_default().open_bids.saturating_inc();
			}
		}
		let assigned = Assignments::<T>::iter()
			.flat_map(|(_, list)| list.into_inner())
			.chain(Disputed::<T>::iter().flat_map(|(_, list)| list.into_inner()));
		for a in assigned {
			let e = expected.entry(a.provider.clone()).or_default();
			e.bonds = e.bonds.saturating_add(a.bond);
			counters.entry(a.provider).or_default().assignments.saturating_inc();
		}

		for (who, e) in expected {
			ensure!(
				Self::held(HoldReason::ProviderStake, &who) == e.stake,
				"stake held differs from records"
			);
			ensure!(
				Self::held(HoldReason::JobEscrow, &who) == e.escrow,
				"escrow held differs from records"
			);
			ensure!(
				Self::held(HoldReason::BidBond, &who) == e.bonds,
				"bid bonds held differ from records"
			);
			ensure!(
				Self::held(HoldReason::ChallengeBond, &who) == e.challenge,
				"challenge bond held differs from records"
			);
			ensure!(
				Self::held(HoldReason::JobDeposit, &who) == e.deposits,
				"job deposits held differ from records"
			);
		}
		for (_, job_id) in JobsOfRequester::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "the requester index names an unknown job");
		}
		for job_id in Results::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "a result outlives its job");
		}
		for (who, c) in counters {
			let p = Providers::<T>::get(&who)
				.ok_or("a bidder, assignee or offerer is not a provider")?;
			ensure!(
				Counters { open_bids: p.open_bids, assignments: p.assignments, offers: p.offers }
					== c,
				"provider counters differ from records"
			);
		}
		for job_id in OpenJobs::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "the open-jobs index names an unknown job");
		}
		let size = ArbiterPoolSize::<T>::get();
		ensure!(size <= T::MaxArbiterPool::get(), "the arbiter pool is beyond its bound");
		let mut stakes = alloc::vec::Vec::with_capacity(size as usize);
		for slot in 0..size {
			let who = ArbiterPool::<T>::get(slot)
				.ok_or("an arbiter pool slot below its size is empty")?;
			let p = Providers::<T>::get(&who).ok_or("an arbiter is not a provider")?;
			ensure!(p.arbiter_slot == Some(slot), "an arbiter's record names another slot");
			ensure!(
				p.status == ProviderStatus::Active,
				"an unbonding provider is in the arbiter pool"
			);
			stakes.push(p.stake);
		}
		// The stake tree: node i sums the stakes of slots i - lowbit(i) .. i.
		for node in 1..=size {
			let low = node & node.wrapping_neg();
			let sum = stakes[(node - low) as usize..node as usize]
				.iter()
				.fold(BalanceOf::<T>::zero(), |s, x| s.saturating_add(*x));
			ensure!(
				ArbiterStakes::<T>::get(node) == sum,
				"the arbiter pool's stake tree differs from the members' stakes"
			);
		}
		ensure!(
			ArbiterStakes::<T>::iter_keys().all(|node| (1..=size).contains(&node)),
			"the arbiter pool's stake tree has nodes beyond the pool"
		);
		ensure!(
			ArbiterPool::<T>::iter_keys().count() as u32 == size,
			"the arbiter pool has slots beyond its size"
		);
		ensure!(
			Providers::<T>::iter_values().filter(|p| p.arbiter_slot.is_some()).count() as u32
				== size,
			"more providers think they are arbiters than the pool holds"
		);
		let cursor = DeadlineCursor::<T>::get();
		let behind = |block, page| cursor.is_some_and(|c| (block, page) < c);
		for (block, page, queue) in Deadlines::<T>::iter() {
			ensure!(!queue.is_empty(), "an empty deadline page is stored");
			ensure!(
				page < DeadlinePages::<T>::get(block),
				"a deadline page beyond its block's count"
			);
			ensure!(!behind(block, page), "a deadline page the cursor has passed");
		}
		for (block, pages) in DeadlinePages::<T>::iter() {
			// Every page from the cursor's (or the first) up to the count is stored.
			let first = match cursor {
				Some((b, p)) if b == block => p,
				_ => 0,
			};
			ensure!(!behind(block, pages), "a block's deadline pages the cursor has passed");
			for page in first..pages {
				ensure!(Deadlines::<T>::contains_key(block, page), "a deadline page is missing");
			}
		}
		Ok(())
	}
}
