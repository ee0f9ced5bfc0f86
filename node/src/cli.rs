//! Command-line interface: the standard Substrate node flags and subcommands.

/// Subcommands of the Allmende node. Without one, the node runs.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys, generate node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--chain dev|local|<file>`, `--raw` for the raw form).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of `--chain` to stdout or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks from the database.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Print information about the database: best, finalized and genesis blocks.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Benchmark the runtime's pallets (`benchmark pallet`) or this machine
	/// (`benchmark machine`). Only in a node built with `--features runtime-benchmarks`.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// The Allmende node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Flags for running the node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Keep the machine code that wasmtime compiles from the runtime in this directory and
	/// load it from there on the next start instead of compiling again (several seconds of CPU
	/// per start). Entries are keyed by the runtime's code, the compiler's settings and
	/// wasmtime's version, so nodes of different chains and versions can share a directory.
	/// The node runs the code it finds there: give it a directory only it (or nodes of the
	/// same operator) can write. Without this flag nothing is cached.
	#[arg(long, value_name = "DIR", global = true)]
	pub wasmtime_cache: Option<std::path::PathBuf>,

	/// Run BABE's slots and the blocks' timestamps on a clock N times faster than the
	/// system's, from the node's start: a slot comes every 1/N of the runtime's slot duration
	/// and blocks are stamped a slot duration apart, so a chain of many blocks (for measuring
	/// what grows with a chain's length) is made in 1/N of its time. A block gets two thirds of
	/// the shorter slot to be built, so it holds less than a block at full length can. Only for
	/// a chain spec of chain type Development, on a node that authors every block. The clock
	/// starts at the node's start: after a restart, with or without the flag, the chain's last
	/// blocks lie in the clock's future and the node authors nothing until it passes them.
	#[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100))]
	pub dev_clock_speed: Option<u64>,
}
