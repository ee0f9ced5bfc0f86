//! The node's services: client, import queue, network, BABE authoring, GRANDPA voting.
//!
//! Blocks are imported through BABE (which checks the slot claim, tracks epochs and checks
//! inherents), then GRANDPA (which tracks authority set changes), then the client.

use std::{path::Path, sync::Arc, time::Duration};

use allmende_runtime::{apis::RuntimeApi, opaque::Block};
use futures::FutureExt;
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_babe::{BabeWorkerHandle, ImportQueueParams, SlotProportion};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_inherents::CreateInherentDataProviders;

/// The client: native host functions, runtime in WASM.
pub type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
pub type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
/// What BABE's slot and the block's timestamp are made from, for authoring and for checking.
type BabeInherentData =
	(sp_consensus_babe::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider);
/// Creates [`BabeInherentData`] for a block on a given parent.
type BabeInherentDataFactory =
	Arc<dyn CreateInherentDataProviders<Block, (), InherentDataProviders = BabeInherentData>>;
/// BABE's block import, wrapping GRANDPA's.
type BabeBlockImport = sc_consensus_babe::BabeBlockImport<
	Block,
	FullClient,
	GrandpaBlockImport,
	BabeInherentDataFactory,
	FullSelectChain,
>;

/// GRANDPA justifications are imported and generated at least every this many blocks.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// The parts of the node that subcommands (check-block, export-blocks, revert …) also need.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(
		BabeBlockImport,
		sc_consensus_babe::BabeLink<Block>,
		BabeWorkerHandle<Block>,
		sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
		Option<Telemetry>,
	),
>;

/// The clock that BABE's slots and the timestamp inherent follow: the system clock, or, for
/// `--dev-clock-speed N` on a development chain, one that runs N times faster than the system
/// clock from the node's start. A faster clock's slots come every 1/N of the runtime's slot
/// duration, and its blocks carry timestamps a slot duration apart, as at the runtime's pace:
/// a long chain to measure on (`scripts/long-chain.mjs`) is made in 1/N of its time. Only the
/// node that authors every block may use it: with it, the verifier's check for blocks from
/// the future (a slot ahead of the system clock's) never fires, and a node on the system clock
/// sees these blocks as coming from the future until the system clock catches up.
#[derive(Clone, Copy, Debug)]
pub struct SlotClock {
	speed: u64,
	/// When the faster clock started, in milliseconds of the system clock.
	start: u64,
}

impl SlotClock {
	/// The system clock.
	pub fn system() -> Self {
		Self { speed: 1, start: 0 }
	}

	/// A clock that runs `speed` times faster than the system clock from now.
	pub fn faster(speed: u64) -> Self {
		Self { speed: speed.max(1), start: *sp_timestamp::Timestamp::current() }
	}

	/// The time now on this clock.
	fn now(&self) -> sp_timestamp::Timestamp {
		let elapsed = sp_timestamp::Timestamp::current().saturating_sub(self.start);
		self.start.saturating_add(elapsed.saturating_mul(self.speed)).into()
	}

	/// How long a slot of `slot_duration` on this clock lasts on the system clock: when the
	/// slot worker wakes, and what the block verifier takes as a slot (`Timestamp::current()`
	/// by this duration, never behind this clock's slots, so no block of it is "in the
	/// future").
	fn on_system_clock(
		&self,
		slot_duration: sp_consensus_babe::SlotDuration,
	) -> sp_consensus_babe::SlotDuration {
		sp_consensus_babe::SlotDuration::from_millis(
			(slot_duration.as_millis() / self.speed).max(1),
		)
	}
}

/// BABE's inherent data: the timestamp now on `clock`, and the slot it falls in.
fn babe_inherent_data(
	slot_duration: sp_consensus_babe::SlotDuration,
	clock: SlotClock,
) -> BabeInherentData {
	let timestamp = sp_timestamp::InherentDataProvider::new(clock.now());
	let slot = sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// The same inherent data for any parent block: BABE's slot duration never changes.
fn babe_inherent_data_factory(
	slot_duration: sp_consensus_babe::SlotDuration,
	clock: SlotClock,
) -> BabeInherentDataFactory {
	Arc::new(move |_parent, ()| async move { Ok(babe_inherent_data(slot_duration, clock)) })
}

/// The executor of `new_wasm_executor` (the flags' heap pages, instances and cache size),
/// keeping wasmtime's compiled code in `cache` when given (`--wasmtime-cache`).
fn wasm_executor(
	config: &sc_service::config::ExecutorConfiguration,
	cache: Option<&Path>,
) -> sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions> {
	let heap = config.default_heap_pages.map_or(sc_executor::DEFAULT_HEAP_ALLOC_STRATEGY, |p| {
		sc_executor::HeapAllocStrategy::Static { extra_pages: p as _ }
	});
	let builder = sc_executor::WasmExecutor::builder()
		.with_execution_method(config.wasm_method)
		.with_onchain_heap_alloc_strategy(heap)
		.with_offchain_heap_alloc_strategy(heap)
		.with_max_runtime_instances(config.max_runtime_instances)
		.with_runtime_cache_size(config.runtime_cache_size);
	match cache {
		Some(dir) => builder.with_cache_path(dir).build(),
		None => builder.build(),
	}
}

/// Builds the client, backend, transaction pool and import queue; `wasmtime_cache` is the
/// directory of `--wasmtime-cache`. Slots follow the system clock.
pub fn new_partial(
	config: &Configuration,
	wasmtime_cache: Option<&Path>,
) -> Result<Service, ServiceError> {
	new_partial_with_clock(config, wasmtime_cache, SlotClock::system())
}

/// [`new_partial`] with slots and timestamps on `clock`.
fn new_partial_with_clock(
	config: &Configuration,
	wasmtime_cache: Option<&Path>,
	clock: SlotClock,
) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = wasm_executor(&config.executor, wasmtime_cache);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let justification_import = grandpa_block_import.clone();
	let mut babe_config = sc_consensus_babe::configuration(&*client)?;
	// The runtime's slot duration, which the chain's slots and timestamps keep; the slot
	// worker and the verifier count slots on the system clock.
	let slot_duration = babe_config.slot_duration();
	let wall_slot = clock.on_system_clock(slot_duration);
	babe_config.slot_duration = wall_slot.as_millis();
	let (block_import, babe_link) = sc_consensus_babe::block_import(
		babe_config,
		grandpa_block_import,
		client.clone(),
		babe_inherent_data_factory(slot_duration, clock),
		select_chain.clone(),
		OffchainTransactionPoolFactory::new(transaction_pool.clone()),
	)?;

	let (import_queue, babe_worker_handle) = sc_consensus_babe::import_queue(ImportQueueParams {
		link: babe_link.clone(),
		block_import: block_import.clone(),
		justification_import: Some(Box::new(justification_import)),
		client: client.clone(),
		slot_duration: wall_slot,
		spawner: &task_manager.spawn_essential_handle(),
		registry: config.prometheus_registry(),
		telemetry: telemetry.as_ref().map(|x| x.handle()),
	})?;

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, babe_link, babe_worker_handle, grandpa_link, telemetry),
	})
}

/// Builds and starts the full node: network, RPC, and, for a validator, BABE and GRANDPA.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	wasmtime_cache: Option<&Path>,
	clock: SlotClock,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, babe_link, babe_worker_handle, grandpa_link, mut telemetry),
	} = new_partial_with_clock(&config, wasmtime_cache, clock)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let peer_store_handle = net_config.peer_store_handle();
	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			peer_store_handle,
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::default(),
	));

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				network_provider: Arc::new(network.clone()),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let keystore = keystore_container.keystore();
		let select_chain = select_chain.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				babe: crate::rpc::BabeDeps {
					worker_handle: babe_worker_handle.clone(),
					keystore: keystore.clone(),
				},
				select_chain: select_chain.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: Arc::new(network.clone()),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if role.is_authority() {
		// A validator reports the BABE equivocations it sees (see `equivocation.rs`).
		task_manager.spawn_handle().spawn(
			"babe-equivocation-reports",
			Some("block-authoring"),
			crate::equivocation::report_babe_equivocations(
				client.clone(),
				OffchainTransactionPoolFactory::new(transaction_pool.clone()),
			),
		);

		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		// The blocks this validator authors note who voted in the newest GRANDPA round it saw
		// finalize (see `finality_votes.rs`).
		let latest_votes = crate::finality_votes::LatestVotes::default();
		task_manager.spawn_handle().spawn(
			"finality-votes",
			None,
			latest_votes.clone().follow(grandpa_link.justification_stream()),
		);

		// The runtime's slot duration: the link's is the slot on the system clock.
		let slot_duration = sc_consensus_babe::configuration(&*client)?.slot_duration();
		let babe = sc_consensus_babe::start_babe(sc_consensus_babe::BabeParams {
			keystore: keystore_container.keystore(),
			client,
			select_chain,
			env: proposer_factory,
			block_import,
			sync_oracle: sync_service.clone(),
			justification_sync_link: sync_service.clone(),
			create_inherent_data_providers: move |_parent, ()| {
				let votes = latest_votes.provider();
				async move {
					let (slot, timestamp) = babe_inherent_data(slot_duration, clock);
					Ok((slot, timestamp, votes))
				}
			},
			force_authoring,
			backoff_authoring_blocks: Option::<()>::None,
			babe_link,
			block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
			max_block_proposal_slot_portion: None,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
		})?;

		// Authoring is essential: if it fails, the node stops.
		task_manager.spawn_essential_handle().spawn_blocking(
			"babe-proposer",
			Some("block-authoring"),
			babe,
		);
	}

	if enable_grandpa {
		// Only an authority votes, so only an authority needs the keystore.
		let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };

		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			protocol_name: grandpa_protocol_name,
		};

		let grandpa_params = sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state: SharedVoterState::empty(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		};

		// The voter is essential too: finality stops without it.
		task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
		);
	}

	Ok(task_manager)
}
