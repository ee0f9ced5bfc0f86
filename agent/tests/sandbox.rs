//! Workloads in worker processes of the built agent binary: a model that asks for 40 GB gets
//! the canonical `memory_limit` failure instead of taking the agent down, a workload past the
//! time limit is stopped and leaves no process behind, and an honest workload gives the same
//! bytes as in the agent's own process.
#![cfg(target_os = "linux")]

use std::{process::Command, time::Duration};

use allmende_agent::workload::{
	self, npy, onnx,
	sandbox::{RunError, Workers},
	Failure, Outcome, Runner,
};

const AGENT: &str = env!("CARGO_BIN_EXE_allmende-agent");

/// The agent's live child processes whose command line contains `needle`.
fn children_running(needle: &str) -> Vec<u32> {
	let me = std::process::id();
	let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
	entries
		.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
		.filter(|pid| {
			let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
			// pid (comm) state ppid …: the fields after the last ')'.
			let ppid = stat.rsplit_once(')').and_then(|(_, rest)| {
				rest.split_whitespace().nth(1).and_then(|p| p.parse::<u32>().ok())
			});
			let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
			ppid == Some(me) && String::from_utf8_lossy(&cmdline).contains(needle)
		})
		.collect()
}

#[tokio::test]
async fn a_memory_bomb_fails_with_memory_limit_in_its_worker() {
	let input = npy::write_f32(&[1, 1], &[1.0]);
	let outcome = Workers::at(AGENT)
		.run(Runner::Onnx, &onnx::memory_bomb_model(), &input, None, Duration::from_secs(120))
		.await
		.expect("a worker past the heap limit gives the canonical failure");
	assert_eq!(outcome, Outcome::Failed(Runner::Onnx, Failure::MemoryLimit));
}

#[tokio::test]
async fn workers_run_under_a_prefix_command() {
	let input = npy::write_f32(&[1, 4], &[0.5, -1.0, 2.0, 0.25]);
	let plain = Workers::at(AGENT)
		.run(Runner::Onnx, &onnx::example_model(), &input, None, Duration::from_secs(60))
		.await
		.expect("a plain worker");
	let nice = Workers::at(AGENT)
		.under(&["nice".to_string(), "-n".to_string(), "5".to_string()])
		.expect("the binary's path")
		.run(Runner::Onnx, &onnx::example_model(), &input, None, Duration::from_secs(60))
		.await
		.expect("a worker under nice");
	assert!(matches!(plain, Outcome::Onnx(_)));
	assert_eq!(nice, plain);
	// A prefix that is not a program: the worker does not start, and no result is made up.
	let missing = Workers::at(AGENT)
		.under(&["/nonexistent/emulator".to_string()])
		.expect("the binary's path")
		.run(Runner::Onnx, &onnx::example_model(), &input, None, Duration::from_secs(60))
		.await;
	assert!(missing.is_err(), "{missing:?}");
}

#[test]
fn exec_prints_the_memory_limit_document_for_a_memory_bomb() {
	let dir = tempfile::tempdir().unwrap();
	let (model, input) = (dir.path().join("bomb.onnx"), dir.path().join("x.npy"));
	let made = Command::new(AGENT)
		.args(["example-model", "--kind", "memory-bomb"])
		.arg(&model)
		.status()
		.unwrap();
	assert!(made.success());
	std::fs::write(&input, npy::write_f32(&[1, 1], &[1.0])).unwrap();
	let out = Command::new(AGENT)
		.args(["exec", "--model"])
		.arg(&model)
		.arg("--input")
		.arg(&input)
		.output()
		.unwrap();
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	assert_eq!(
		String::from_utf8_lossy(&out.stdout).trim_end(),
		r#"{"workload":"onnx","status":"failed","reason":"memory_limit"}"#
	);
}

#[tokio::test]
async fn a_workload_past_the_time_limit_is_stopped_without_a_result() {
	// Runs for seconds before its fuel ends; the limit is far shorter.
	let endless = wat::parse_str(
		r#"(module (memory (export "memory") 1) (func (export "run") (loop $l (br $l))))"#,
	)
	.unwrap();
	let wall = Duration::from_millis(200);
	let run = Workers::at(AGENT).run(Runner::Wasm, &endless, b"", None, wall).await;
	assert!(matches!(run, Err(RunError::Overrun(w)) if w == wall), "{run:?}");
	assert_eq!(children_running("wasm"), Vec::<u32>::new(), "the stopped worker is gone");
}

#[tokio::test]
async fn an_honest_workload_gives_the_same_bytes_in_a_worker() {
	let input = npy::write_f32(&[1, 4], &onnx::random_input(4, 7));
	let model = onnx::example_model();
	let in_worker = Workers::at(AGENT)
		.run(Runner::Onnx, &model, &input, None, Duration::from_secs(120))
		.await
		.unwrap();
	assert!(matches!(in_worker, Outcome::Onnx(_)), "{in_worker:?}");
	assert_eq!(
		in_worker.encode(),
		workload::execute(Runner::Onnx, &model, &input).unwrap().encode()
	);
	// Magika, whose model is the agent's own.
	let file = b"fn main() { println!(\"hello\"); }\n";
	let magika = Workers::at(AGENT)
		.run(Runner::Magika, workload::magika::MODEL, file, None, Duration::from_secs(120))
		.await
		.unwrap();
	assert_eq!(magika, workload::magika::run(workload::magika::MODEL, file));
}

#[test]
fn a_worker_refuses_a_truncated_request() {
	use std::io::Write;
	let mut child = Command::new(AGENT)
		.args(["worker", "--runner", "magika"])
		.stdin(std::process::Stdio::piped())
		.stdout(std::process::Stdio::piped())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.unwrap();
	let mut stdin = child.stdin.take().unwrap();
	stdin.write_all(&100u64.to_le_bytes()).unwrap();
	stdin.write_all(b"short").unwrap();
	drop(stdin);
	let out = child.wait_with_output().unwrap();
	assert_eq!(out.status.code(), Some(workload::sandbox::EXIT_BAD_REQUEST));
	assert!(out.stdout.is_empty());
}

#[tokio::test]
async fn a_worker_runs_no_more_work_than_the_job_declares() {
	use workload::{text, Unit, Work};
	let json = text::letters_tokenizer(&["the", "market", "open"]);
	let model = onnx::text_encoder_model(text::vocab_size(&json).unwrap(), 64, 2, 16, 2, 1);
	let params = text::Params {
		tokenizer_bytes: 0,
		max_tokens: 16,
		pooling: text::Pooling::Mean,
		normalize: true,
	};
	let pipeline = text::workload(params, &json, &model);
	let input = b"the open market\n";
	let counted = workload::work(Runner::Onnx, &pipeline, input).unwrap().unwrap();
	assert_eq!(counted.unit, Unit::Tokens);
	let pipeline = &pipeline;
	let run = |declared| async move {
		Workers::at(AGENT)
			.run(Runner::Onnx, pipeline, input, declared, Duration::from_secs(120))
			.await
			.unwrap()
	};
	assert!(matches!(run(Some(counted)).await, Outcome::Text(_)));
	let fewer = Work { amount: counted.amount - 1, ..counted };
	assert_eq!(run(Some(fewer)).await, Outcome::Failed(Runner::Onnx, Failure::UndeclaredWork));
}
