//! A test runtime: System, Balances and the market, with small limits so the tests reach
//! them.

use crate as pallet_compute_market;
use crate::{DataAccess, JobId};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Market = pallet_compute_market;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	/// Above 1, so that payments below it to accounts that do not exist are tested.
	type ExistentialDeposit = ConstU64<5>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const BidBondFraction: Perbill = Perbill::from_percent(10);
	/// Two thirds, as in the runtime.
	pub const ClearingStake: Perbill = Perbill::from_parts(666_666_667);
	/// 0 unless a test sets it, so that most tests can count payments to the unit.
	pub storage ReputationFee: Balance = 0;
	/// 5 and 300 unless a test sets them: governed in the runtime, and a job keeps the values
	/// it was posted under (`Terms`), which tests check by changing them.
	pub storage ChallengePeriod: u64 = 5;
	pub storage ChallengeBond: Balance = 300;
	/// 0 unless a test sets it, for the same reason.
	pub storage JobDeposit: Balance = 0;
	/// 1 unless a test sets them, so that most tests can use short periods.
	pub storage MinExecutionPeriod: u64 = 1;
	pub storage MinRevealPeriod: u64 = 1;
	/// Whether the market is paused (in the runtime: safe mode, or a paused call); tests
	/// pause and resume it.
	pub storage Paused: bool = false;
}

thread_local! {
	/// What the test randomness mixes into every draw; tests change it to get other draws.
	pub static RANDOM_SEED: RefCell<u64> = const { RefCell::new(0) };
}

/// Randomness for tests: a hash of `RANDOM_SEED` and the subject, so a draw is reproducible
/// and a test can pick another one.
pub struct TestRandomness;

impl frame_support::traits::Randomness<H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let seed = RANDOM_SEED.with(|s| *s.borrow());
		let mut data = seed.to_le_bytes().to_vec();
		data.extend_from_slice(subject);
		(H256(sp_io::hashing::blake2_256(&data)), System::block_number())
	}
}

impl pallet_compute_market::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type WeightInfo = ();
	type Randomness = TestRandomness;
	type DataAccess = MockRegistry;
	type Paused = Paused;
	type PausedWeight = frame_support::traits::GetDefault;
	type MaxAssetsPerJob = ConstU32<3>;
	type MinProviderStake = ConstU64<100>;
	type UnbondingPeriod = ConstU64<10>;
	type MaxStringLen = ConstU32<64>;
	type MaxReplicas = ConstU32<5>;
	type MaxBidsPerJob = ConstU32<6>;
	type MaxOffersPerProvider = ConstU32<3>;
	type MinBiddingPeriod = ConstU64<2>;
	type MaxBiddingPeriod = ConstU64<50>;
	type MinExecutionPeriod = MinExecutionPeriod;
	type MaxExecutionPeriod = ConstU64<50>;
	type MaxRevealPeriod = ConstU64<50>;
	type MinRevealPeriod = MinRevealPeriod;
	type ClearingStake = ClearingStake;
	type DrawDelay = ConstU64<1>;
	type BidBondFraction = BidBondFraction;
	type MinBidBond = ConstU64<5>;
	type ChallengePeriod = ChallengePeriod;
	type ChallengeBond = ChallengeBond;
	type ArbiterReplicas = ConstU32<3>;
	type MaxArbiterDraws = ConstU32<8>;
	type MaxArbiterPool = ConstU32<40>;
	/// 10, as the bond of a bid at the tests' usual max price of 100.
	type ArbiterBond = ConstU64<10>;
	/// As long as the tests' usual job periods, so arbitration rounds keep their timing.
	type ArbiterExecutionPeriod = ConstU64<10>;
	type ArbiterRevealPeriod = ConstU64<10>;
	type ReputationFee = ReputationFee;
	/// A stake of 200 (the tests' usual) backs 20 points.
	type StakePerPoint = ConstU64<10>;
	type MaxDeadlinesPerBlock = ConstU32<4>;
	type JobDeposit = JobDeposit;
	type RetentionPeriod = ConstU64<20>;
	type DefaultTolerance = ConstU32<10>;
	type MaxTolerance = ConstU32<10_000>;
}

/// A data asset of the in-test registry.
#[derive(Clone, Debug)]
pub struct MockAsset {
	pub owner: AccountId,
	pub royalty: Balance,
	/// `None`: open to anyone; `Some(list)`: only these accounts.
	pub allowed: Option<Vec<AccountId>>,
	pub retired: bool,
	pub in_flight: u32,
}

thread_local! {
	pub static ASSETS: RefCell<BTreeMap<u64, MockAsset>> = RefCell::new(BTreeMap::new());
	/// Every finished use: (asset, job, requester, paid owner and royalty).
	pub static USES: RefCell<Vec<(u64, JobId, AccountId, Option<(AccountId, Balance)>)>> = RefCell::new(Vec::new());
}

/// A registry kept in test memory: enough to drive the market's side of data access.
pub struct MockRegistry;

impl MockRegistry {
	pub fn add(id: u64, owner: AccountId, royalty: Balance, allowed: Option<Vec<AccountId>>) {
		ASSETS.with(|a| {
			a.borrow_mut()
				.insert(id, MockAsset { owner, royalty, allowed, retired: false, in_flight: 0 })
		});
	}
	pub fn update(id: u64, f: impl FnOnce(&mut MockAsset)) {
		ASSETS.with(|a| f(a.borrow_mut().get_mut(&id).expect("asset exists")));
	}
	pub fn get(id: u64) -> MockAsset {
		ASSETS.with(|a| a.borrow()[&id].clone())
	}
	pub fn uses() -> Vec<(u64, JobId, AccountId, Option<(AccountId, Balance)>)> {
		USES.with(|u| u.borrow().clone())
	}
}

impl DataAccess<AccountId, Balance> for MockRegistry {
	type AssetId = u64;

	fn check_usable(asset: &u64, user: &AccountId) -> Result<(AccountId, Balance), DispatchError> {
		let a = ASSETS
			.with(|a| a.borrow().get(asset).cloned())
			.ok_or(DispatchError::Other("UnknownAsset"))?;
		if a.retired {
			return Err(DispatchError::Other("AssetRetired"));
		}
		match &a.allowed {
			Some(list) if a.owner != *user && !list.contains(user) => {
				Err(DispatchError::Other("AccessDenied"))
			},
			_ => Ok((a.owner, a.royalty)),
		}
	}

	fn start_use(asset: &u64, _: JobId, _: &AccountId) {
		Self::update(*asset, |a| a.in_flight += 1);
	}

	fn finish_use(
		asset: &u64,
		job_id: JobId,
		requester: &AccountId,
		paid: Option<(AccountId, Balance)>,
	) {
		Self::update(*asset, |a| a.in_flight -= 1);
		USES.with(|u| u.borrow_mut().push((*asset, job_id, *requester, paid)));
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_asset(index: u32, owner: &AccountId) -> u64 {
		Self::add(index.into(), *owner, 10, None);
		index.into()
	}
}

/// What every test account starts with.
pub const ENDOWMENT: Balance = 10_000;
/// Test accounts 1 ..= 30 are funded.
pub const ACCOUNTS: u64 = 30;

/// Builds the test chain: accounts 1 ..= `ACCOUNTS` funded with `ENDOWMENT`, block 1, an
/// empty registry, and the fees the tests may set.
#[derive(Default)]
pub struct ExtBuilder {
	reputation_fee: Balance,
	job_deposit: Balance,
}

impl ExtBuilder {
	/// Burn this much per reputation point (default 0).
	pub fn reputation_fee(mut self, fee: Balance) -> Self {
		self.reputation_fee = fee;
		self
	}

	/// Hold this much per job until it is pruned (default 0).
	pub fn job_deposit(mut self, deposit: Balance) -> Self {
		self.job_deposit = deposit;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=ACCOUNTS).map(|a| (a, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		ASSETS.with(|a| a.borrow_mut().clear());
		RANDOM_SEED.with(|s| *s.borrow_mut() = 0);
		USES.with(|u| u.borrow_mut().clear());
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| {
			System::set_block_number(1);
			ReputationFee::set(&self.reputation_fee);
			JobDeposit::set(&self.job_deposit);
		});
		ext
	}

	/// Runs `test` in the built chain, then checks the market's invariants and that no
	/// money was created, and none destroyed beyond what the `Burnt` events say.
	pub fn run(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = pallet_balances::TotalIssuance::<Test>::get();
			test();
			Market::do_try_state().expect("market invariants hold");
			assert_eq!(
				pallet_balances::TotalIssuance::<Test>::get(),
				issuance - burnt(),
				"total issuance falls by exactly what was burnt"
			);
		});
	}
}

/// The default chain, for the benchmarks' test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Everything the market burnt so far, by its `Burnt` events.
pub fn burnt() -> Balance {
	System::events()
		.iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Market(crate::Event::Burnt { amount, .. }) => Some(amount),
			_ => None,
		})
		.sum()
}

/// Runs `test` in the default chain; see [`ExtBuilder::run`].
pub fn test(test: impl FnOnce()) {
	ExtBuilder::default().run(test)
}

/// Advances to block `n`, running every pallet's hooks in each block.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
