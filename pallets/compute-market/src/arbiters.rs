//! The arbiter pool and the draw: which providers re-execute a challenged or disputed job.
//!
//! Providers opt in to the pool. When a job is challenged or disputed, the chain draws
//! `ArbiterReplicas` of them in a later block with `Config::Randomness`, so neither the
//! requester nor the provider chooses its judges.
//!
//! **Weighted by stake.** Each sample picks a member with probability proportional to its
//! provider stake (a point drawn uniformly in `0 .. total stake` falls into one member's
//! share), so a party's expected share of seats is its share of the pool's stake however many
//! accounts it splits that stake into. The stakes live in a Fenwick tree
//! ([`ArbiterStakes`]): a sample, a join, a leave and a stake change each cost
//! O(log pool size) reads or writes, never O(pool).
//!
//! **Nothing the requester sets decides who may judge.** The requester, the challenger, the
//! providers of the disputed round and the members drawn already are out of the sampling range; a sample is
//! passed over only when its member cannot hold [`Config::ArbiterBond`] (a chain constant). The job's hardware, region,
//! `min_reputation` and `max_price` play no part: a requester who puts accounts with inflated
//! profiles into the pool and asks for exactly that profile gets no more seats than their
//! stake buys. The draw stops after `ArbiterReplicas` arbiters or `MaxArbiterDraws` samples.

use crate::*;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*, traits::Randomness};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_join_arbiter_pool(who: T::AccountId) -> DispatchResult {
		let mut provider = Self::active_provider(&who)?;
		ensure!(provider.arbiter_slot.is_none(), Error::<T>::AlreadyArbiter);
		let slot = ArbiterPoolSize::<T>::get();
		ensure!(slot < T::MaxArbiterPool::get(), Error::<T>::ArbiterPoolFull);
		Self::stake_tree_push(slot, provider.stake);
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
		let size = ArbiterPoolSize::<T>::get();
		let last = size.saturating_sub(1);
		let moved = ArbiterPool::<T>::take(last);
		if slot != last {
			if let Some(moved) = moved {
				let mut moved_stake = Zero::zero();
				Providers::<T>::mutate(&moved, |p| {
					if let Some(p) = p {
						p.arbiter_slot = Some(slot);
						moved_stake = p.stake;
					}
				});
				// The freed slot now weighs what the moved member stakes.
				Self::stake_tree_change(slot, provider.stake, moved_stake, size);
				ArbiterPool::<T>::insert(slot, moved);
			}
		}
		// Only node `size` covers the last slot.
		ArbiterStakes::<T>::remove(size);
		ArbiterPoolSize::<T>::put(last);
		Self::deposit_event(Event::LeftArbiterPool { provider: who.clone() });
	}

	/// Appends a member staking `stake` at `slot`, the pool's size before it joins.
	pub(crate) fn stake_tree_push(slot: u32, stake: BalanceOf<T>) {
		let node = slot.saturating_add(1);
		// Node `node` covers slots `node - lowbit(node) .. node`: the members before `slot`
		// in that range, and the newcomer.
		let before = Self::stake_prefix(slot)
			.saturating_sub(Self::stake_prefix(node.saturating_sub(lowbit(node))));
		ArbiterStakes::<T>::insert(node, before.saturating_add(stake));
	}

	/// The summed stake of pool slots `0 .. n`.
	pub(crate) fn stake_prefix(mut n: u32) -> BalanceOf<T> {
		let mut sum = BalanceOf::<T>::zero();
		while n > 0 {
			sum = sum.saturating_add(ArbiterStakes::<T>::get(n));
			n = n.saturating_sub(lowbit(n));
		}
		sum
	}

	/// Every node covering `slot`, in a pool of `size`.
	fn stake_nodes(slot: u32, size: u32) -> impl Iterator<Item = u32> {
		core::iter::successors(Some(slot.saturating_add(1)), |i| u32::checked_add(*i, lowbit(*i)))
			.take_while(move |i| *i <= size)
	}

	/// Changes the stake the tree records for `slot`, in a pool of `size`, from `from` to `to`.
	pub(crate) fn stake_tree_change(slot: u32, from: BalanceOf<T>, to: BalanceOf<T>, size: u32) {
		let (up, delta) = if to >= from {
			(true, to.saturating_sub(from))
		} else {
			(false, from.saturating_sub(to))
		};
		for i in Self::stake_nodes(slot, size) {
			ArbiterStakes::<T>::mutate(i, |v| {
				*v = if up { v.saturating_add(delta) } else { v.saturating_sub(delta) }
			});
		}
	}

	/// The slot whose share of the pool's stake contains `point`, in a pool of `size` > 0
	/// members of which those whose stake `taken` subtracts from the tree's nodes are out of
	/// the draw: the slot `s` with `prefix(s) <= point < prefix(s + 1)` over the stakes left.
	/// `point` must be below the stake left. Reads one node per bit of `size`.
	pub(crate) fn slot_at(
		point: BalanceOf<T>,
		size: u32,
		taken: &BTreeMap<u32, BalanceOf<T>>,
	) -> u32 {
		let mut pos = 0u32;
		let mut rest = point;
		let mut step = if size == 0 { 0 } else { 1u32 << (31 - size.leading_zeros()) };
		while step > 0 {
			let next = pos.saturating_add(step);
			if next <= size {
				let here = ArbiterStakes::<T>::get(next)
					.saturating_sub(taken.get(&next).copied().unwrap_or_else(Zero::zero));
				if here <= rest {
					pos = next;
					rest = rest.saturating_sub(here);
				}
			}
			step >>= 1;
		}
		pos.min(size.saturating_sub(1))
	}

	/// Takes the member in `slot` (staking `stake`) out of the rest of a draw: `taken` records
	/// what to subtract from each tree node, nothing is written.
	fn take_out(
		taken: &mut BTreeMap<u32, BalanceOf<T>>,
		left: &mut BalanceOf<T>,
		slot: u32,
		stake: BalanceOf<T>,
		size: u32,
	) {
		for node in Self::stake_nodes(slot, size) {
			let d = taken.entry(node).or_insert_with(Zero::zero);
			*d = d.saturating_add(stake);
		}
		*left = left.saturating_sub(stake);
	}

	/// Folds this block's randomness into the trail (at the start of every block).
	pub(crate) fn extend_randomness_trail() {
		let (random, _) = T::Randomness::random(b"allmende/trail");
		RandomnessTrail::<T>::mutate(|trail| {
			*trail = sp_io::hashing::blake2_256(&(*trail, random).encode());
		});
	}

	/// The seed of a draw for `subject`: the randomness trail as of this block.
	pub(crate) fn draw_seed(subject: &[u8]) -> [u8; 32] {
		sp_io::hashing::blake2_256(&(RandomnessTrail::<T>::get(), subject).encode())
	}

	/// The `n`-th point of the draw for `job_id`, uniform in `0 .. total`.
	fn draw_point(seed: &[u8], n: u32, total: BalanceOf<T>) -> BalanceOf<T> {
		BalanceOf::<T>::saturated_from(crate::lot::random_below(seed, n, total.saturated_into()))
	}

	/// Reads and writes the stake tree adds to a call, for a pool of `MaxArbiterPool`:
	/// one node per level of the tree.
	pub(crate) fn stake_tree_depth() -> u64 {
		u64::from(32 - T::MaxArbiterPool::get().leading_zeros())
	}

	/// What the stake tree adds to a call beyond its benchmark (which had a small pool):
	/// `reads` walks that read a node per level, `writes` walks that also write one, and one
	/// more write (the node a join adds or a leave removes).
	pub(crate) fn stake_tree_weight(reads: u64, writes: u64) -> Weight {
		let depth = Self::stake_tree_depth();
		let read = reads.saturating_add(writes).saturating_mul(depth);
		T::DbWeight::get().reads_writes(read, writes.saturating_mul(depth).saturating_add(1))
	}

	/// What a draw costs beyond its benchmark, whose jobs all drew from one pool of 32 (so
	/// the members' records were read once for all of them): every sample descends the stake
	/// tree and reads its member's pool slot, provider record, account and holds; every
	/// arbiter drawn writes its record, holds and job index; the records of the job's parties
	/// are read to take them out of the draw.
	pub(crate) fn draw_extra_weight() -> Weight {
		let per_sample = Self::stake_tree_depth().saturating_add(4);
		let samples = u64::from(T::MaxArbiterDraws::get()).saturating_mul(per_sample);
		// The requester's, the challenger's and the providers' records, and `Challengers`.
		let parties = u64::from(T::MaxReplicas::get()).saturating_add(3);
		let writes = u64::from(T::ArbiterReplicas::get()).saturating_mul(3);
		T::DbWeight::get().reads_writes(samples.saturating_add(parties), writes)
	}

	/// The execution and reveal periods of the job's current round: the job's own for the
	/// original round; for arbiters, who did not agree to the job's, at least the chain's.
	pub(crate) fn round_periods(job: &Job<T>) -> (BlockNumberOf<T>, BlockNumberOf<T>) {
		match job.round {
			Round::Original => (job.spec.execution_period, job.spec.reveal_period),
			Round::Arbitration => (
				job.spec.execution_period.max(T::ArbiterExecutionPeriod::get()),
				job.spec.reveal_period.max(T::ArbiterRevealPeriod::get()),
			),
		}
	}

	/// What each arbiter in the majority is owed: the dearest price a provider of the
	/// disputed round accepted for the work, never the requester's `max_price` alone.
	pub(crate) fn arbiter_pay(disputed: &[Assignment<T>]) -> BalanceOf<T> {
		disputed.iter().map(|a| a.price).max().unwrap_or_else(Zero::zero)
	}

	/// At the draw deadline of a challenged or disputed job: draws the arbiters weighted by
	/// stake, without replacement (a member sampled once, and every party of the job, is out
	/// of the rest of the draw), holds their bonds and starts their commit phase; with too
	/// few the dispute is concluded without them.
	pub(crate) fn draw_arbiters(job_id: JobId, mut job: Job<T>) {
		let wanted = T::ArbiterReplicas::get() as usize;
		let size = ArbiterPoolSize::<T>::get();
		let disputed = Disputed::<T>::get(job_id).unwrap_or_default();
		let mut drawn = BoundedVec::<Assignment<T>, T::MaxReplicas>::new();
		let mut left = Self::stake_prefix(size);
		let mut taken = BTreeMap::new();
		// The requester, the challenger and the disputed round's providers never judge it.
		let challenger = Challengers::<T>::get(job_id);
		let parties = core::iter::once(&job.requester)
			.chain(challenger.as_ref())
			.chain(disputed.iter().map(|a| &a.provider));
		for who in parties {
			if let Some(p) = Providers::<T>::get(who) {
				if let Some(slot) = p.arbiter_slot {
					Self::take_out(&mut taken, &mut left, slot, p.stake, size);
				}
			}
		}
		let seed = Self::draw_seed(&(b"allmende/arbiters", job_id).encode());
		let price = Self::arbiter_pay(&disputed);
		let bond = T::ArbiterBond::get();
		for n in 0..T::MaxArbiterDraws::get() {
			if drawn.len() >= wanted || left.is_zero() {
				break;
			}
			let slot = Self::slot_at(Self::draw_point(seed.as_ref(), n, left), size, &taken);
			let Some(who) = ArbiterPool::<T>::get(slot) else {
				frame_support::defensive!("every slot below the pool size is filled");
				break;
			};
			let Ok(mut provider) = Self::active_provider(&who) else {
				frame_support::defensive!("every pool member is an active provider");
				break;
			};
			Self::take_out(&mut taken, &mut left, slot, provider.stake, size);
			if Self::hold(HoldReason::BidBond, &who, bond).is_err() {
				continue;
			}
			provider.assignments = provider.assignments.saturating_add(1);
			Providers::<T>::insert(&who, provider);
			JobsOfProvider::<T>::insert(&who, job_id, ());
			let _ = drawn
				.try_push(Assignment { provider: who, price, bond, commitment: None, reveal: None })
				.defensive();
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
		let (period, _) = Self::round_periods(&job);
		Self::next_phase(job_id, &mut job, JobStatus::Committing, period);
		let commit_by = job.deadline;
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::ArbitersDrawn { job_id, arbiters, commit_by });
	}
}

/// The lowest set bit of `i` (0 for 0).
fn lowbit(i: u32) -> u32 {
	i & i.wrapping_neg()
}

use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::Defensive;
use sp_runtime::{
	traits::{SaturatedConversion, Zero},
	Saturating,
};
