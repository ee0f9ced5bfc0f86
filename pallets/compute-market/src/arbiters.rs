//! The arbiter pool and the draw: which providers re-execute a challenged or disputed job.
//!
//! Providers opt in to the pool. When a job is challenged or disputed, the chain draws
//! `ArbiterReplicas` of them in a later block with `Config::Randomness`, so neither the
//! requester nor the provider chooses its judges. The draw visits pool slots
//! `start, start + step, start + 2·step, …` (mod the pool size) with a random start and a
//! random step coprime to the size, so it never visits a slot twice, and a run of accounts
//! registered one after another is not drawn together. It skips members that are part of
//! the job, do not meet its requirements or cannot hold the bond, and stops after
//! `ArbiterReplicas` are found or `MaxArbiterDraws` slots were looked at: O(arbiters), not
//! O(providers).

use crate::*;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*, traits::Randomness};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_join_arbiter_pool(who: T::AccountId) -> DispatchResult {
		let mut provider = Self::active_provider(&who)?;
		ensure!(provider.arbiter_slot.is_none(), Error::<T>::AlreadyArbiter);
		let slot = ArbiterPoolSize::<T>::get();
		ArbiterPool::<T>::insert(slot, &who);
		ArbiterPoolSize::<T>::put(slot.saturating_add(1));
		provider.arbiter_slot = Some(slot);
		Providers::<T>::insert(&who, provider);
		Self::deposit_event(Event::JoinedArbiterPool { provider: who });
		Ok(())
	}

	pub(crate) fn do_leave_arbiter_pool(who: T::AccountId) -> DispatchResult {
		let mut provider = Providers::<T>::get(&who).ok_or(Error::<T>::NotProvider)?;
		ensure!(provider.arbiter_slot.is_some(), Error::<T>::NotArbiter);
		Self::leave_pool(&who, &mut provider);
		Providers::<T>::insert(&who, provider);
		Ok(())
	}

	/// Takes `provider` (the record of `who`, stored by the caller) out of the pool: the last
	/// member moves into its slot.
	pub(crate) fn leave_pool(who: &T::AccountId, provider: &mut Provider<T>) {
		let Some(slot) = provider.arbiter_slot.take() else { return };
		let last = ArbiterPoolSize::<T>::get().saturating_sub(1);
		let moved = ArbiterPool::<T>::take(last);
		if slot != last {
			if let Some(moved) = moved {
				Providers::<T>::mutate(&moved, |p| {
					if let Some(p) = p {
						p.arbiter_slot = Some(slot);
					}
				});
				ArbiterPool::<T>::insert(slot, moved);
			}
		}
		ArbiterPoolSize::<T>::put(last);
		Self::deposit_event(Event::LeftArbiterPool { provider: who.clone() });
	}

	/// Where the draw for `job_id` starts in a pool of `size` (> 0) and how far it steps.
	fn draw_walk(job_id: JobId, size: u32) -> (u64, u64) {
		let (seed, _) = T::Randomness::random(&(b"allmende/arbiters", job_id).encode());
		let bytes = sp_io::hashing::blake2_256(seed.as_ref());
		let word =
			|i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
		let start = word(0) % size;
		let mut step = word(4) % size;
		// The first step from a random one that is coprime to `size`; 1 always is. Gaps
		// between numbers coprime to any u32 are far below 64.
		for _ in 0..64 {
			if step != 0 && gcd(step, size) == 1 {
				break;
			}
			step = step.saturating_add(1) % size;
		}
		if step == 0 || gcd(step, size) != 1 {
			step = 1;
		}
		(u64::from(start), u64::from(step))
	}

	/// At the draw deadline of a challenged or disputed job: draws the arbiters, holds their
	/// bonds and starts their commit phase; with too few eligible members the dispute is
	/// concluded without them.
	pub(crate) fn draw_arbiters(job_id: JobId, mut job: Job<T>) {
		let wanted = T::ArbiterReplicas::get() as usize;
		let size = ArbiterPoolSize::<T>::get();
		let disputed = Disputed::<T>::get(job_id).unwrap_or_default();
		let mut drawn = BoundedVec::<Assignment<T>, T::MaxReplicas>::new();
		if size > 0 {
			let (start, step) = Self::draw_walk(job_id, size);
			let looks = T::MaxArbiterDraws::get().min(size);
			let price = job.spec.max_price;
			let bond = Self::bid_bond(price);
			for i in 0..u64::from(looks) {
				if drawn.len() >= wanted {
					break;
				}
				let slot = (start.saturating_add(i.saturating_mul(step)) % u64::from(size)) as u32;
				let Some(who) = ArbiterPool::<T>::get(slot) else {
					frame_support::defensive!("every slot below the pool size is filled");
					continue;
				};
				let taken = who == job.requester || disputed.iter().any(|a| a.provider == who);
				if taken {
					continue;
				}
				let Ok(mut provider) = Self::active_provider(&who) else { continue };
				if Self::check_requirements(&provider, &job.spec).is_err() {
					continue;
				}
				if Self::hold(HoldReason::BidBond, &who, bond).is_err() {
					continue;
				}
				provider.assignments = provider.assignments.saturating_add(1);
				Providers::<T>::insert(&who, provider);
				JobsOfProvider::<T>::insert(&who, job_id, ());
				let _ = drawn
					.try_push(Assignment {
						provider: who,
						price,
						bond,
						commitment: None,
						reveal: None,
					})
					.defensive();
			}
		}
		if drawn.len() < wanted {
			for a in drawn {
				Self::dismiss(job_id, a);
			}
			return Self::conclude_arbitration(job_id, job, Default::default());
		}
		let arbiters = BoundedVec::truncate_from(
			drawn.iter().map(|a| a.provider.clone()).collect::<alloc::vec::Vec<_>>(),
		);
		Assignments::<T>::insert(job_id, drawn);
		let period = job.spec.execution_period;
		Self::next_phase(job_id, &mut job, JobStatus::Committing, period);
		let commit_by = job.deadline;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::ArbitersDrawn { job_id, arbiters, commit_by });
	}
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
	while b != 0 {
		let t = a % b;
		a = b;
		b = t;
	}
	a
}

use frame_support::traits::Defensive;
