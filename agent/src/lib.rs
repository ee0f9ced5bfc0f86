//! `allmende-agent`: sells a machine's compute on Allmende (provider), and runs jobs for a
//! requester, printing the verified answer, and serves data owners' assets. See the agent's README.

pub mod chain;
pub mod config;
pub mod decide;
pub mod guard;
pub mod hash;
pub mod host;
pub mod http;
pub mod metrics;
pub mod outbound;
pub mod provider;
pub mod requester;
pub mod state;
pub mod store;
pub mod workload;
