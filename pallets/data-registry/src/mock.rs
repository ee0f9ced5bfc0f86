//! A test runtime with the compute market wired to the registry, as in the real runtime.

use crate as pallet_data_registry;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_runtime::{BuildStorage, Perbill};

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
	#[runtime::pallet_index(3)]
	pub type Registry = pallet_data_registry;
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
	/// Above 1, so that royalties below it and reaped owners are tested.
	type ExistentialDeposit = ConstU64<5>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const BidBondFraction: Perbill = Perbill::from_percent(10);
	pub const ClearingStake: Perbill = Perbill::from_parts(666_666_667);
}

impl pallet_compute_market::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type WeightInfo = ();
	type Randomness = SubjectHash;
	type DataAccess = Registry;
	type MaxAssetsPerJob = ConstU32<3>;
	type MinProviderStake = ConstU64<100>;
	type UnbondingPeriod = ConstU64<10>;
	type MaxStringLen = ConstU32<64>;
	type MaxReplicas = ConstU32<5>;
	type MaxBidsPerJob = ConstU32<6>;
	type MaxOffersPerProvider = ConstU32<3>;
	type MinBiddingPeriod = ConstU64<2>;
	type MaxBiddingPeriod = ConstU64<50>;
	type MinExecutionPeriod = ConstU64<1>;
	type MaxExecutionPeriod = ConstU64<50>;
	type MaxRevealPeriod = ConstU64<50>;
	type MinRevealPeriod = ConstU64<1>;
	type ClearingStake = ClearingStake;
	type DrawDelay = ConstU64<1>;
	type BidBondFraction = BidBondFraction;
	type MinBidBond = ConstU64<5>;
	type ChallengePeriod = ConstU64<5>;
	type ChallengeBond = ConstU64<300>;
	type ArbiterReplicas = ConstU32<3>;
	type MaxArbiterDraws = ConstU32<8>;
	type MaxArbiterPool = ConstU32<16>;
	type ArbiterBond = ConstU64<5>;
	type ArbiterExecutionPeriod = ConstU64<10>;
	type ArbiterRevealPeriod = ConstU64<10>;
	type ReputationFee = ConstU64<0>;
	type StakePerPoint = ConstU64<1>;
	type MaxDeadlinesPerBlock = ConstU32<4>;
	type JobDeposit = ConstU64<0>;
	type RetentionPeriod = ConstU64<20>;
	type DefaultTolerance = ConstU32<10>;
	type MaxTolerance = ConstU32<10_000>;
	type Paused = frame_support::traits::ConstBool<false>;
	type PausedWeight = frame_support::traits::GetDefault;
}

/// The registry's tests draw no arbiters; a hash of the subject is randomness enough.
pub struct SubjectHash;

impl frame_support::traits::Randomness<sp_core::H256, u64> for SubjectHash {
	fn random(subject: &[u8]) -> (sp_core::H256, u64) {
		(sp_core::H256(sp_io::hashing::blake2_256(subject)), System::block_number())
	}
}

impl pallet_data_registry::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type WeightInfo = ();
	type AssetDeposit = ConstU64<50>;
	type AccessDeposit = ConstU64<2>;
	type MaxUriLen = ConstU32<64>;
}

/// What every test account starts with.
pub const ENDOWMENT: Balance = 10_000;

/// Builds the test chain: accounts 1 ..= 30 funded with `ENDOWMENT`, at block 1.
#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=30).map(|a| (a, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}
}

/// The default chain, for the benchmarks' test suite.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder.build()
}

/// Runs `test` in a fresh chain, then checks both pallets' invariants and that royalty flows
/// neither created nor destroyed money: issuance falls only by what the market burnt.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = pallet_balances::TotalIssuance::<Test>::get();
		test();
		Registry::do_try_state().expect("registry invariants hold");
		Market::do_try_state().expect("market invariants hold");
		let burnt: Balance = System::events()
			.iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Market(pallet_compute_market::Event::Burnt { amount, .. }) => {
					Some(amount)
				},
				_ => None,
			})
			.sum();
		assert_eq!(
			pallet_balances::TotalIssuance::<Test>::get(),
			issuance - burnt,
			"issuance falls only by burns"
		);
	});
}

/// Advances to block `n`, running every pallet's hooks in each block.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
