//! Registry calls (every error and success) and data use by the compute market: consent,
//! royalties and the audit trail.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_compute_market::{Hardware, JobId, JobSpec, JobStatus, ProviderProfile};
use sp_core::H256;

type RegistryEvent = crate::Event<Test>;

const OWNER: AccountId = 20;
const USER: AccountId = 1;
const OTHER: AccountId = 2;
const PROVIDER: AccountId = 10;

fn uri(text: &str) -> BoundedVec<u8, ConstU32<64>> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

use frame_support::traits::ConstU32;

fn register(license: License, royalty: Balance) -> AssetId {
	let id = NextAssetId::<Test>::get();
	assert_ok!(Registry::register_asset(
		RuntimeOrigin::signed(OWNER),
		AssetKind::Dataset,
		H256::from_low_u64_be(id + 1),
		uri("ipfs://data"),
		license,
		royalty
	));
	id
}

fn asset(id: AssetId) -> Asset<Test> {
	Assets::<Test>::get(id).unwrap()
}

fn held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::Registry(HoldReason::AssetDeposit), &who)
}

#[track_caller]
fn assert_event(e: RegistryEvent) {
	System::assert_has_event(e.into());
}

fn job_spec(assets: Vec<AssetId>, replicas: u32) -> JobSpec<Test> {
	JobSpec::new(replicas, 100)
		.with_requirements(Hardware::default())
		.with_assets(assets)
}

fn register_provider(who: AccountId) {
	let text = |t: &str| BoundedVec::try_from(t.as_bytes().to_vec()).unwrap();
	assert_ok!(Market::register_provider(
		RuntimeOrigin::signed(who),
		200,
		ProviderProfile {
			gpu_model: text("g"),
			hardware: Hardware::default(),
			region: 1,
			endpoint: text("e")
		}
	));
}

fn post_job(who: AccountId, assets: Vec<AssetId>) -> Result<JobId, sp_runtime::DispatchError> {
	let id = pallet_compute_market::NextJobId::<Test>::get();
	Market::post_job(RuntimeOrigin::signed(who), job_spec(assets, 1)).map(|_| id)
}

/// The least bond of a bid on `job`.
fn least_bond(job: JobId) -> Balance {
	Market::bid_bond(pallet_compute_market::Jobs::<Test>::get(job).unwrap().spec.max_price)
}

/// Runs a k = 1 job to its end: bid, commit, reveal and the challenge window.
fn complete(job: JobId, provider: AccountId) {
	assert_ok!(Market::place_bid(RuntimeOrigin::signed(provider), job, 60, least_bond(job)));
	run_to_block(pallet_compute_market::Jobs::<Test>::get(job).unwrap().deadline);
	let result = H256::repeat_byte(5);
	let salt = H256::repeat_byte(6);
	let c = Market::commitment_of(&result, &salt, &provider);
	assert_ok!(Market::commit_result(RuntimeOrigin::signed(provider), job, c));
	assert_ok!(Market::reveal_result(
		RuntimeOrigin::signed(provider),
		job,
		result,
		salt,
		BoundedVec::default()
	));
	run_to_block(pallet_compute_market::Jobs::<Test>::get(job).unwrap().deadline);
}

fn status(job: JobId) -> JobStatus {
	pallet_compute_market::Jobs::<Test>::get(job).unwrap().status
}

// ---------------------------------------------------------------- calls

#[test]
fn register_asset_holds_the_deposit() {
	test(|| {
		let id = register(License::Open, 7);
		assert_eq!(held(OWNER), 50);
		assert_eq!(asset(id).royalty, 7);
		assert_eq!(AssetByHash::<Test>::get(H256::from_low_u64_be(1)), Some(id));
		assert_event(RegistryEvent::AssetRegistered {
			asset: id,
			owner: OWNER,
			kind: AssetKind::Dataset,
			content_hash: H256::from_low_u64_be(1),
			license: License::Open,
			royalty: 7,
		});
	});
}

#[test]
fn register_asset_errors() {
	test(|| {
		register(License::Open, 7);
		assert_noop!(
			Registry::register_asset(
				RuntimeOrigin::signed(3),
				AssetKind::Model,
				H256::from_low_u64_be(1),
				uri("x"),
				License::Open,
				5
			),
			Error::<Test>::AlreadyRegistered
		);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 4, ENDOWMENT - 10));
		assert_noop!(
			Registry::register_asset(
				RuntimeOrigin::signed(3),
				AssetKind::Model,
				H256::repeat_byte(3),
				uri("x"),
				License::Open,
				5
			),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn grant_and_revoke_access() {
	test(|| {
		let id = register(License::Permissioned, 7);
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OWNER), 9, USER),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OTHER), id, USER),
			Error::<Test>::NotOwner
		);
		assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER));
		assert_event(RegistryEvent::AccessGranted { asset: id, who: USER });
		assert_eq!(held(OWNER), 52);
		assert_eq!(asset(id).grants, 1);
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER),
			Error::<Test>::AlreadyGranted
		);
		assert_noop!(
			Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, OTHER),
			Error::<Test>::NotGranted
		);
		assert_noop!(
			Registry::revoke_access(RuntimeOrigin::signed(OTHER), id, USER),
			Error::<Test>::NotOwner
		);
		assert_ok!(Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, USER));
		assert_event(RegistryEvent::AccessRevoked { asset: id, who: USER });
		assert_eq!(held(OWNER), 50);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OWNER), 4, ENDOWMENT - 56));
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn set_license_and_royalty() {
	test(|| {
		let id = register(License::Permissioned, 7);
		assert_noop!(
			Registry::set_license(RuntimeOrigin::signed(OTHER), id, License::Open),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Registry::set_royalty(RuntimeOrigin::signed(OTHER), id, 1),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Registry::set_license(RuntimeOrigin::signed(OWNER), 9, License::Open),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(Registry::set_license(RuntimeOrigin::signed(OWNER), id, License::Open));
		assert_event(RegistryEvent::LicenseChanged { asset: id, license: License::Open });
		assert_ok!(Registry::set_royalty(RuntimeOrigin::signed(OWNER), id, 0));
		assert_event(RegistryEvent::RoyaltyChanged { asset: id, royalty: 0 });
		assert_eq!(asset(id).royalty, 0);
	});
}

#[test]
fn transfer_ownership_moves_the_deposit() {
	test(|| {
		let id = register(License::Permissioned, 7);
		assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER));
		assert_noop!(
			Registry::transfer_ownership(RuntimeOrigin::signed(OTHER), id, 3),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Registry::transfer_ownership(RuntimeOrigin::signed(OWNER), id, OWNER),
			Error::<Test>::SameOwner
		);
		assert_ok!(Registry::transfer_ownership(RuntimeOrigin::signed(OWNER), id, 3));
		assert_event(RegistryEvent::OwnershipTransferred { asset: id, from: OWNER, to: 3 });
		assert_eq!(held(OWNER), 0);
		assert_eq!(held(3), 52);
		assert_eq!(Balances::free_balance(OWNER), ENDOWMENT - 52);
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OWNER), id, OTHER),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn retire_without_jobs_releases_the_deposit_at_once() {
	test(|| {
		let id = register(License::Open, 7);
		assert_noop!(
			Registry::retire_asset(RuntimeOrigin::signed(OTHER), id),
			Error::<Test>::NotOwner
		);
		assert_ok!(Registry::retire_asset(RuntimeOrigin::signed(OWNER), id));
		assert_event(RegistryEvent::AssetRetired { asset: id, in_flight: 0 });
		assert_event(RegistryEvent::DepositReleased { asset: id, owner: OWNER, amount: 50 });
		assert_eq!(held(OWNER), 0);
		// No grants: the asset is gone at once.
		assert_event(RegistryEvent::AssetRemoved { asset: id });
		assert_noop!(
			Registry::retire_asset(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn a_retired_asset_takes_no_changes() {
	test(|| {
		let id = register(License::Open, 7);
		assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER));
		register_provider(PROVIDER);
		post_job(USER, vec![id]).unwrap();
		assert_ok!(Registry::retire_asset(RuntimeOrigin::signed(OWNER), id));
		assert_noop!(
			Registry::retire_asset(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::AssetRetired
		);
		assert_noop!(
			Registry::set_royalty(RuntimeOrigin::signed(OWNER), id, 10),
			Error::<Test>::AssetRetired
		);
		assert_noop!(
			Registry::set_license(RuntimeOrigin::signed(OWNER), id, License::Open),
			Error::<Test>::AssetRetired
		);
		assert_noop!(
			Registry::grant_access(RuntimeOrigin::signed(OWNER), id, OTHER),
			Error::<Test>::AssetRetired
		);
	});
}

#[test]
fn a_royalty_below_the_existential_deposit_is_refused() {
	test(|| {
		// The mock's existential deposit is 5.
		let register_with = |hash: u64, royalty: Balance| {
			Registry::register_asset(
				RuntimeOrigin::signed(OWNER),
				AssetKind::Model,
				H256::from_low_u64_be(hash),
				uri("ipfs://m"),
				License::Open,
				royalty,
			)
		};
		assert_noop!(register_with(100, 4), Error::<Test>::RoyaltyBelowMinimum);
		assert_ok!(register_with(101, 0));
		assert_ok!(register_with(102, 5));
		assert_noop!(
			Registry::set_royalty(RuntimeOrigin::signed(OWNER), 0, 1),
			Error::<Test>::RoyaltyBelowMinimum
		);
		assert_ok!(Registry::set_royalty(RuntimeOrigin::signed(OWNER), 0, 6));
	});
}

#[test]
fn retirement_removes_the_asset_once_idle_and_without_grants() {
	test(|| {
		let id = register(License::Permissioned, 7);
		for who in [USER, OTHER] {
			assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, who));
		}
		assert_eq!(held(OWNER), 54);
		// Idle: the registration deposit comes back at once, the grants' stay until revoked.
		assert_ok!(Registry::retire_asset(RuntimeOrigin::signed(OWNER), id));
		assert_event(RegistryEvent::DepositReleased { asset: id, owner: OWNER, amount: 50 });
		assert_eq!(held(OWNER), 4);
		assert_ok!(Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, USER));
		assert!(Assets::<Test>::contains_key(id));
		assert_ok!(Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, OTHER));
		assert_event(RegistryEvent::AssetRemoved { asset: id });
		assert_eq!(held(OWNER), 0);
		assert!(!Assets::<Test>::contains_key(id));
		assert_eq!(Access::<Test>::iter_prefix(id).count(), 0);
		// The content hash is free again.
		assert_eq!(AssetByHash::<Test>::get(H256::from_low_u64_be(id + 1)), None);
		assert_noop!(
			Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, USER),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn integrity_test_passes_for_the_mock() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| Registry::integrity_test());
}

// ---------------------------------------------------------------- data use by jobs

#[test]
fn permitted_use_is_paid_to_the_owner() {
	test(|| {
		let id = register(License::Permissioned, 15);
		assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER));
		register_provider(PROVIDER);
		let job = post_job(USER, vec![id]).unwrap();
		assert_event(RegistryEvent::AssetUseStarted { asset: id, job_id: job, requester: USER });
		assert_eq!(asset(id).in_flight, 1);
		complete(job, PROVIDER);
		assert_eq!(status(job), JobStatus::Settled);
		assert_event(RegistryEvent::RoyaltyPaid {
			asset: id,
			job_id: job,
			requester: USER,
			owner: OWNER,
			amount: 15,
		});
		assert_eq!(Balances::free_balance(OWNER), ENDOWMENT - 52 + 15);
		assert_eq!(Balances::free_balance(USER), ENDOWMENT - 60 - 15);
		let a = asset(id);
		assert_eq!((a.uses, a.royalties_paid, a.in_flight), (1, 15, 0));
	});
}

#[test]
fn denied_use_fails_with_the_registry_error() {
	test(|| {
		let id = register(License::Permissioned, 15);
		assert_eq!(post_job(USER, vec![id]), Err(Error::<Test>::AccessDenied.into()));
		assert_eq!(post_job(USER, vec![99]), Err(Error::<Test>::UnknownAsset.into()));
		// The owner itself may always use its asset.
		assert!(post_job(OWNER, vec![id]).is_ok());
	});
}

#[test]
fn revocation_between_two_jobs() {
	test(|| {
		let id = register(License::Permissioned, 15);
		assert_ok!(Registry::grant_access(RuntimeOrigin::signed(OWNER), id, USER));
		register_provider(PROVIDER);
		let first = post_job(USER, vec![id]).unwrap();
		assert_ok!(Registry::revoke_access(RuntimeOrigin::signed(OWNER), id, USER));
		assert_eq!(post_job(USER, vec![id]), Err(Error::<Test>::AccessDenied.into()));
		// Posted under consent: it finishes, and the owner is paid.
		complete(first, PROVIDER);
		assert_eq!(status(first), JobStatus::Settled);
		assert_eq!(asset(id).uses, 1);
	});
}

#[test]
fn retirement_with_a_job_in_flight_releases_the_deposit_afterwards() {
	test(|| {
		let id = register(License::Open, 15);
		register_provider(PROVIDER);
		let job = post_job(USER, vec![id]).unwrap();
		assert_ok!(Registry::retire_asset(RuntimeOrigin::signed(OWNER), id));
		assert_event(RegistryEvent::AssetRetired { asset: id, in_flight: 1 });
		assert_eq!(held(OWNER), 50);
		assert_eq!(post_job(OTHER, vec![id]), Err(Error::<Test>::AssetRetired.into()));
		complete(job, PROVIDER);
		assert_eq!(status(job), JobStatus::Settled);
		assert_eq!(held(OWNER), 0);
		assert_event(RegistryEvent::DepositReleased { asset: id, owner: OWNER, amount: 50 });
		assert_event(RegistryEvent::AssetRemoved { asset: id });
		assert!(!Assets::<Test>::contains_key(id));
		assert_eq!(Balances::free_balance(OWNER), ENDOWMENT + 15);
	});
}

#[test]
fn a_reaped_owner_is_still_paid_its_royalty() {
	test(|| {
		let id = register(License::Open, 15);
		register_provider(PROVIDER);
		let job = post_job(USER, vec![id]).unwrap();
		// The owner hands the asset on and empties its account, which is reaped; the job
		// still owes the royalty to the owner it was posted with.
		assert_ok!(Registry::transfer_ownership(RuntimeOrigin::signed(OWNER), id, 3));
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(OWNER), 4, false));
		assert!(!frame_system::Account::<Test>::contains_key(OWNER));
		complete(job, PROVIDER);
		assert_eq!(Balances::free_balance(OWNER), 15);
		assert_event(RegistryEvent::RoyaltyPaid {
			asset: id,
			job_id: job,
			requester: USER,
			owner: OWNER,
			amount: 15,
		});
		assert_eq!((asset(id).uses, asset(id).royalties_paid), (1, 15));
	});
}

#[test]
fn an_owner_using_its_own_asset_records_no_royalty() {
	test(|| {
		let id = register(License::Permissioned, 15);
		register_provider(PROVIDER);
		let job = post_job(OWNER, vec![id]).unwrap();
		complete(job, PROVIDER);
		assert_eq!(status(job), JobStatus::Settled);
		assert_event(RegistryEvent::RoyaltyRefunded { asset: id, job_id: job, requester: OWNER });
		assert_eq!((asset(id).uses, asset(id).royalties_paid), (0, 0));
		assert_eq!(Balances::free_balance(OWNER), ENDOWMENT - 50 - 60);
	});
}

#[test]
fn royalty_is_refunded_when_the_job_fails() {
	test(|| {
		let id = register(License::Open, 15);
		register_provider(PROVIDER);
		let job = post_job(USER, vec![id]).unwrap();
		assert_ok!(Market::place_bid(RuntimeOrigin::signed(PROVIDER), job, 60, least_bond(job)));
		// The provider never commits: the job fails at the reveal deadline.
		run_to_block(100);
		assert_eq!(status(job), JobStatus::Failed);
		assert_event(RegistryEvent::RoyaltyRefunded { asset: id, job_id: job, requester: USER });
		assert_eq!(Balances::free_balance(OWNER), ENDOWMENT - 50);
		// The requester got everything back; the no-show's bond was burnt, not paid to it.
		assert_eq!(Balances::free_balance(USER), ENDOWMENT);
		let a = asset(id);
		assert_eq!((a.uses, a.royalties_paid, a.in_flight), (0, 0, 0));
	});
}

#[test]
fn expired_job_refunds_the_royalty() {
	test(|| {
		let id = register(License::Open, 15);
		let job = post_job(USER, vec![id]).unwrap();
		run_to_block(6);
		assert_eq!(status(job), JobStatus::Expired);
		assert_eq!(Balances::free_balance(USER), ENDOWMENT);
		assert_eq!(asset(id).in_flight, 0);
	});
}

#[test]
fn royalty_changes_apply_to_new_jobs_only() {
	test(|| {
		let id = register(License::Open, 15);
		register_provider(PROVIDER);
		let job = post_job(USER, vec![id]).unwrap();
		assert_ok!(Registry::set_royalty(RuntimeOrigin::signed(OWNER), id, 40));
		assert_ok!(Registry::transfer_ownership(RuntimeOrigin::signed(OWNER), id, 3));
		complete(job, PROVIDER);
		// The owner and royalty the job was posted with.
		assert_event(RegistryEvent::RoyaltyPaid {
			asset: id,
			job_id: job,
			requester: USER,
			owner: OWNER,
			amount: 15,
		});
		assert_eq!(asset(id).royalties_paid, 15);
	});
}
