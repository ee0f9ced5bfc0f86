//! The Allmende node: BABE block production, GRANDPA finality, ParityDB storage.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod equivocation;
mod finality_votes;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
