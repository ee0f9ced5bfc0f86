//! A provider's counters in Prometheus' text format, served on `GET /metrics` at
//! `metrics_listen` when the configuration sets it.
//!
//! Counters only grow; a restart starts them at zero, as Prometheus expects.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::workload::Runner;

/// What a provider counts.
#[derive(Default)]
pub struct Metrics {
	/// Open jobs looked at for a bid.
	pub jobs_seen: AtomicU64,
	/// Jobs declined as busy (`max_open_jobs`).
	pub jobs_declined_busy: AtomicU64,
	/// Bids submitted (first bids and bids again after a displacement).
	pub bids: AtomicU64,
	/// Jobs taken up: won, bound through an offer, or drawn to judge.
	pub assignments: AtomicU64,
	/// Commitments submitted.
	pub commits: AtomicU64,
	/// Reveals submitted.
	pub reveals: AtomicU64,
	/// Payments to this provider seen in `ProviderPaid` events, in planck.
	pub earned: AtomicU64,
	/// Bonds of this provider slashed (`BondSlashed` events).
	pub slashes: AtomicU64,
	/// Workloads run in a worker, by runner, with their total time.
	pub runs: [Runs; Runner::ALL.len()],
	/// Workers that gave no result (crash, host kill, time limit).
	pub runs_without_result: AtomicU64,
	/// Jobs given up after runs without a result.
	pub jobs_abandoned: AtomicU64,
	/// Bytes of content and results downloaded.
	pub fetched_bytes: AtomicU64,
}

/// Runs of one runner: how many and their total time.
#[derive(Default)]
pub struct Runs {
	pub count: AtomicU64,
	pub millis: AtomicU64,
}

/// Adds `n` to a counter.
pub fn add(counter: &AtomicU64, n: u64) {
	counter.fetch_add(n, Ordering::Relaxed);
}

impl Metrics {
	/// The runs of a runner.
	pub fn runs_of(&self, runner: Runner) -> &Runs {
		let i = Runner::ALL.iter().position(|r| *r == runner).unwrap_or(0);
		&self.runs[i]
	}

	/// The counters in Prometheus' text exposition format (0.0.4).
	pub fn render(&self) -> String {
		let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
		let mut out = String::new();
		let mut counter = |name: &str, help: &str, value: u64| {
			out.push_str(&format!(
				"# HELP allmende_agent_{name} {help}\n# TYPE allmende_agent_{name} counter\nallmende_agent_{name} {value}\n"
			));
		};
		counter("jobs_seen_total", "Open jobs looked at for a bid.", get(&self.jobs_seen));
		counter(
			"jobs_declined_busy_total",
			"Jobs not bid on because max_open_jobs had no result yet.",
			get(&self.jobs_declined_busy),
		);
		counter("bids_total", "Bids submitted.", get(&self.bids));
		counter(
			"assignments_total",
			"Jobs taken up: won, bound through an offer, or drawn to judge.",
			get(&self.assignments),
		);
		counter("commits_total", "Commitments submitted.", get(&self.commits));
		counter("reveals_total", "Reveals submitted.", get(&self.reveals));
		counter(
			"earned_planck_total",
			"Payments to this provider (ProviderPaid events), in planck.",
			get(&self.earned),
		);
		counter("slashes_total", "Bonds of this provider slashed.", get(&self.slashes));
		counter(
			"runs_without_result_total",
			"Workers that gave no result: crash, host kill or time limit.",
			get(&self.runs_without_result),
		);
		counter(
			"jobs_abandoned_total",
			"Jobs given up after runs without a result.",
			get(&self.jobs_abandoned),
		);
		counter(
			"fetched_bytes_total",
			"Bytes of content and results downloaded.",
			get(&self.fetched_bytes),
		);
		out.push_str(
			"# HELP allmende_agent_runs_total Workloads run in a worker, by runner.\n\
			 # TYPE allmende_agent_runs_total counter\n",
		);
		for (runner, runs) in Runner::ALL.iter().zip(&self.runs) {
			let name = runner.name();
			out.push_str(&format!(
				"allmende_agent_runs_total{{runner=\"{name}\"}} {}\n",
				get(&runs.count)
			));
		}
		out.push_str(
			"# HELP allmende_agent_run_seconds_total Time workloads ran in workers, by runner.\n\
			 # TYPE allmende_agent_run_seconds_total counter\n",
		);
		for (runner, runs) in Runner::ALL.iter().zip(&self.runs) {
			let name = runner.name();
			let millis = get(&runs.millis);
			out.push_str(&format!(
				"allmende_agent_run_seconds_total{{runner=\"{name}\"}} {}.{:03}\n",
				millis / 1000,
				millis % 1000
			));
		}
		out
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn counters_render_in_the_text_format() {
		let m = Metrics::default();
		add(&m.bids, 3);
		add(&m.earned, 1_500_000_000_000);
		add(&m.runs_of(Runner::Onnx).count, 2);
		add(&m.runs_of(Runner::Onnx).millis, 2_345);
		let text = m.render();
		assert!(text
			.contains("# TYPE allmende_agent_bids_total counter\nallmende_agent_bids_total 3\n"));
		assert!(text.contains("allmende_agent_earned_planck_total 1500000000000\n"));
		assert!(text.contains("allmende_agent_runs_total{runner=\"onnx\"} 2\n"));
		assert!(text.contains("allmende_agent_runs_total{runner=\"wasm\"} 0\n"));
		assert!(text.contains("allmende_agent_run_seconds_total{runner=\"onnx\"} 2.345\n"));
		// Every sample line is `name{labels} value`, every name announced by its TYPE.
		for line in text.lines().filter(|l| !l.starts_with('#')) {
			let (name, value) = line.rsplit_once(' ').unwrap();
			let name = name.split('{').next().unwrap();
			assert!(value.parse::<f64>().is_ok(), "{line}");
			assert!(text.contains(&format!("# TYPE {name} counter\n")), "{line}");
		}
	}
}
