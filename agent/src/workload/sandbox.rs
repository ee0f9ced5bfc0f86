//! Workloads run in a child process of the agent, `allmende-agent worker`, so that no
//! workload can take the agent down with it or hold it past a time limit.
//!
//! - **Memory.** The agent's binary counts the heap it allocates ([`Counting`], its global
//!   allocator). In a worker the count is limited to [`HEAP_LIMIT`]: an allocation past it
//!   ends the worker with [`EXIT_MEMORY`], which the agent turns into the canonical
//!   `memory_limit` failure. The count depends on the binary, the workload and the input, not
//!   on the host's memory, so replicas of one agent version agree on it (an ONNX model asking
//!   for 40 GB fails the same way on every machine). When the host itself refuses memory below
//!   the limit, the worker ends with [`EXIT_HOST_MEMORY`]: that is this machine's fault and no
//!   result. A WASM module's linear memory is bounded by its own limit ([`super::wasm`]).
//! - **Time.** WASM time is bounded by fuel, which is canonical. The wall clock is not (machines
//!   differ in speed), so a worker that runs past the agent's time limit is killed and its job
//!   gets no result ([`RunError::Overrun`]).
//! - **Crashes.** A worker killed by a signal (the host's out-of-memory killer, a stack
//!   overflow) is the machine's fault too: no result, and the agent decides whether to try
//!   again.
//!
//! The worker reads `u64 LE workload length ‖ workload ‖ input` on stdin and writes the result
//! document on stdout. A checking worker (`--check TOLERANCE`, an arbiter re-scoring a
//! replica's result: [`super::check`]) reads `u64 LE workload length ‖ workload ‖ u64 LE input
//! length ‖ input ‖ the claimed result` and writes `agrees` or `differs`.

use std::{
	alloc::{GlobalAlloc, Layout, System},
	io::{Read, Write},
	path::{Path, PathBuf},
	process::{ExitStatus, Stdio},
	sync::atomic::{AtomicBool, AtomicUsize, Ordering},
	time::Duration,
};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{Check, Failure, Outcome, Runner};

/// The heap a workload may allocate, counted by the agent's allocator: 2 GiB. Part of the
/// definition of a result (like WASM fuel): a workload that needs more fails with
/// `memory_limit`.
pub const HEAP_LIMIT: usize = 2 << 30;

/// The worker's exit code when the workload passed [`HEAP_LIMIT`].
pub const EXIT_MEMORY: i32 = 3;
/// The worker's exit code when the WASM engine could not start on this machine.
pub const EXIT_ENGINE: i32 = 4;
/// The worker's exit code when the host refused memory below [`HEAP_LIMIT`].
pub const EXIT_HOST_MEMORY: i32 = 5;
/// The worker's exit code when its standard input was not a request.
pub const EXIT_BAD_REQUEST: i32 = 6;

/// The worker's stack: fixed, so that a deeply nested model overflows (or not) the same way
/// however the agent was started.
const WORKER_STACK: usize = 64 << 20;

/// Most bytes of a worker's standard error kept for the log.
const STDERR_KEPT: u64 = 64 << 10;

/// A heap count with a limit: what [`Counting`] keeps for the whole process.
pub struct Heap {
	live: AtomicUsize,
	limit: AtomicUsize,
}

impl Heap {
	/// No bytes, no limit.
	pub const fn new() -> Self {
		Self { live: AtomicUsize::new(0), limit: AtomicUsize::new(usize::MAX) }
	}

	/// Counts `size` more bytes; `false` (counting nothing) when that would pass the limit.
	pub fn charge(&self, size: usize) -> bool {
		let limit = self.limit.load(Ordering::Relaxed);
		let mut live = self.live.load(Ordering::Relaxed);
		loop {
			let Some(next) = live.checked_add(size).filter(|n| *n <= limit) else {
				return false;
			};
			match self
				.live
				.compare_exchange_weak(live, next, Ordering::Relaxed, Ordering::Relaxed)
			{
				Ok(_) => return true,
				Err(now) => live = now,
			}
		}
	}

	/// Counts `size` bytes fewer.
	pub fn release(&self, size: usize) {
		self.live.fetch_sub(size, Ordering::Relaxed);
	}

	/// The bytes counted now.
	pub fn live(&self) -> usize {
		self.live.load(Ordering::Relaxed)
	}

	/// Sets the limit.
	pub fn limit(&self, bytes: usize) {
		self.limit.store(bytes, Ordering::Relaxed);
	}
}

impl Default for Heap {
	fn default() -> Self {
		Self::new()
	}
}

static HEAP: Heap = Heap::new();
/// Set in a worker: an allocation past the limit, or one the host refuses, ends the process
/// with an exit code the agent reads. Elsewhere the limit is `usize::MAX` and a refused
/// allocation is Rust's usual abort.
static WORKER: AtomicBool = AtomicBool::new(false);

/// The agent binary's global allocator: the system's, counting live bytes into the heap a
/// worker limits.
pub struct Counting;

fn over_limit() -> ! {
	// Allocates nothing and runs no destructors: safe to call from inside the allocator.
	unsafe { libc::_exit(EXIT_MEMORY) }
}

fn refused(ptr: *mut u8) -> *mut u8 {
	if ptr.is_null() && WORKER.load(Ordering::Relaxed) {
		unsafe { libc::_exit(EXIT_HOST_MEMORY) }
	}
	ptr
}

/// Charges `size` bytes against the heap, then allocates them with `allocate`; a refused
/// allocation gives the bytes back.
#[inline]
fn charged(size: usize, allocate: impl FnOnce() -> *mut u8) -> *mut u8 {
	if !HEAP.charge(size) {
		over_limit()
	}
	let ptr = allocate();
	if ptr.is_null() {
		HEAP.release(size);
	}
	refused(ptr)
}

// SAFETY: every call is passed to `System` unchanged; only a count is kept beside it.
unsafe impl GlobalAlloc for Counting {
	unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
		// SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
		charged(layout.size(), || unsafe { System.alloc(layout) })
	}

	unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
		// SAFETY: as for `alloc`.
		charged(layout.size(), || unsafe { System.alloc_zeroed(layout) })
	}

	unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
		unsafe { System.dealloc(ptr, layout) };
		HEAP.release(layout.size());
	}

	unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
		let old = layout.size();
		if new_size > old && !HEAP.charge(new_size - old) {
			over_limit()
		}
		let new = unsafe { System.realloc(ptr, layout, new_size) };
		if new.is_null() {
			if new_size > old {
				HEAP.release(new_size - old);
			}
		} else if new_size < old {
			HEAP.release(old - new_size);
		}
		refused(new)
	}
}

/// The worker: reads one request on stdin, runs it under [`HEAP_LIMIT`] and writes the result
/// document on stdout (with `check`, the tolerance of a check: the word of its [`Check`]).
/// Returns the process's exit code. Only for a process whose global allocator is [`Counting`]
/// (the agent binary); elsewhere the heap is not limited.
pub fn serve(runner: Runner, check: Option<u32>, declared: Option<super::Work>) -> i32 {
	let mut request = Vec::new();
	if let Err(e) = std::io::stdin().lock().read_to_end(&mut request) {
		eprintln!("worker: reading the request: {e}");
		return EXIT_BAD_REQUEST;
	}
	let Some((workload, rest)) = split_request(&request) else {
		eprintln!("worker: the request is shorter than its workload length says");
		return EXIT_BAD_REQUEST;
	};
	let (input, claimed) = match check {
		None => (rest, &[][..]),
		Some(_) => match split_request(rest) {
			Some(parts) => parts,
			None => {
				eprintln!("worker: the check is shorter than its input length says");
				return EXIT_BAD_REQUEST;
			},
		},
	};
	// Everything above is the agent's own; from here on the workload's allocations count.
	WORKER.store(true, Ordering::Relaxed);
	HEAP.limit(HEAP.live().saturating_add(HEAP_LIMIT));
	let work = || match check {
		None => super::execute_within(runner, workload, input, declared).map(|o| o.encode()),
		Some(tolerance) => {
			Ok(super::check(workload, input, claimed, tolerance).word().as_bytes().to_vec())
		},
	};
	let run = std::thread::scope(|s| {
		std::thread::Builder::new()
			.name("workload".into())
			.stack_size(WORKER_STACK)
			.spawn_scoped(s, work)
			.map(|t| t.join())
	});
	match run {
		Ok(Ok(Ok(document))) => {
			let mut out = std::io::stdout().lock();
			if out.write_all(&document).and_then(|()| out.flush()).is_err() {
				return EXIT_BAD_REQUEST;
			}
			0
		},
		Ok(Ok(Err(e))) => {
			eprintln!("worker: {e:#}");
			EXIT_ENGINE
		},
		Ok(Err(_)) => {
			eprintln!("worker: the workload thread panicked");
			EXIT_ENGINE
		},
		Err(e) => {
			eprintln!("worker: no thread for the workload: {e}");
			EXIT_HOST_MEMORY
		},
	}
}

/// A request's workload and input.
fn split_request(request: &[u8]) -> Option<(&[u8], &[u8])> {
	let (len, rest) = request.split_first_chunk::<8>()?;
	let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
	(len <= rest.len()).then(|| rest.split_at(len))
}

/// Why a worker gave no result. None of these is canonical: another machine may well run the
/// same workload to a result.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
	#[error("the workload ran past the time limit of {} s and was stopped", .0.as_secs())]
	Overrun(Duration),
	#[error("the job's commit deadline (block {0}) came before the workload ended")]
	PastDeadline(u32),
	#[error("the worker was killed by signal {0} (the host's out-of-memory killer?)")]
	Killed(i32),
	#[error("the worker crashed: {0}")]
	Crashed(String),
	#[error("this host refused the worker memory below the heap limit")]
	HostMemory,
	#[error("the workload's engine cannot run here: {0}")]
	Engine(String),
	#[error("the worker could not be started: {0}")]
	Spawn(std::io::Error),
	#[error("the worker's answer is not a canonical result document")]
	BadAnswer,
	#[error("checking the result needed more heap than the limit")]
	CheckMemory,
	#[error("the job's content is not kept here to check a result with: {0}")]
	NotKept(String),
}

impl RunError {
	/// Whether running the workload again on this machine may give a result: not after the
	/// time limit (it would pass it again), when the engine cannot run here, or once the
	/// result could no longer be committed (`PastDeadline`).
	pub fn worth_retrying(&self) -> bool {
		!matches!(
			self,
			RunError::Overrun(_)
				| RunError::Engine(_)
				| RunError::PastDeadline(_)
				| RunError::CheckMemory
				| RunError::NotKept(_)
		)
	}
}

/// What a worker's exit status and output mean: a result (canonical, including
/// `memory_limit`) or why there is none.
pub fn classify(
	runner: Runner,
	status: ExitStatus,
	stdout: &[u8],
	stderr: &str,
) -> Result<Outcome, RunError> {
	use std::os::unix::process::ExitStatusExt;
	match (status.code(), status.signal()) {
		(Some(0), _) => Outcome::decode(runner, stdout).ok_or(RunError::BadAnswer),
		(Some(EXIT_MEMORY), _) => Ok(Outcome::Failed(runner, Failure::MemoryLimit)),
		(Some(EXIT_HOST_MEMORY), _) => Err(RunError::HostMemory),
		(Some(EXIT_ENGINE), _) => Err(RunError::Engine(last_line(stderr))),
		(Some(code), _) => {
			Err(RunError::Crashed(format!("exit code {code}: {}", last_line(stderr))))
		},
		(None, Some(sig)) if sig == libc::SIGKILL => Err(RunError::Killed(sig)),
		(None, Some(sig)) if sig == libc::SIGXCPU => Err(RunError::Overrun(Duration::ZERO)),
		(None, Some(sig)) => Err(RunError::Crashed(format!("signal {sig}: {}", last_line(stderr)))),
		(None, None) => Err(RunError::Crashed("no exit code and no signal".into())),
	}
}

fn last_line(text: &str) -> String {
	text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// Starts workers: the agent binary, run as `worker`.
#[derive(Clone, Debug)]
pub struct Workers {
	exe: PathBuf,
	/// The command each worker runs under, if any ([`Workers::under`]).
	prefix: Vec<String>,
}

impl Workers {
	/// Workers of the running binary. On Linux `/proc/self/exe`, which still runs this
	/// binary after its file was replaced or removed (an upgrade, a rebuild).
	pub fn of_this_binary() -> std::io::Result<Self> {
		let proc = PathBuf::from("/proc/self/exe");
		let exe = if proc.exists() { proc } else { std::env::current_exe()? };
		Ok(Self { exe, prefix: Vec::new() })
	}

	/// Workers of the agent binary at `exe` (tests run the built binary).
	pub fn at(exe: impl Into<PathBuf>) -> Self {
		Self { exe: exe.into(), prefix: Vec::new() }
	}

	/// The same workers, each run under `prefix` (a program and its arguments, such as a CPU
	/// emulator). Under a prefix the binary is named by its path: `/proc/self/exe` would be
	/// the prefix's own program. So after the binary's file is replaced (an upgrade), workers
	/// under a prefix run the new file until the agent restarts.
	pub fn under(self, prefix: &[String]) -> std::io::Result<Self> {
		if prefix.is_empty() {
			return Ok(self);
		}
		let exe = if self.exe == Path::new("/proc/self/exe") {
			std::fs::read_link(&self.exe)?
		} else {
			self.exe
		};
		Ok(Self { exe, prefix: prefix.to_vec() })
	}

	/// Runs `workload` on `input` in a new worker, for at most `wall`, for a job that declares
	/// `declared` work ([`super::execute_within`]).
	pub async fn run(
		&self,
		runner: Runner,
		workload: &[u8],
		input: &[u8],
		declared: Option<super::Work>,
		wall: Duration,
	) -> Result<Outcome, RunError> {
		let len = (workload.len() as u64).to_le_bytes();
		let declared = declared.map(|w| w.to_string());
		let mut args = vec![runner.name()];
		if let Some(work) = &declared {
			args.extend(["--work", work.as_str()]);
		}
		let (status, out, err) = self.talk(&args, &[&len, workload, input], wall).await?;
		classify(runner, status, &out, &err)
	}

	/// Checks in a new worker, for at most `wall`, whether `claimed` is a result the ONNX job
	/// of `workload` may give on `input` within `tolerance` ([`super::check`]).
	pub async fn check(
		&self,
		workload: &[u8],
		input: &[u8],
		claimed: &[u8],
		tolerance: u32,
		wall: Duration,
	) -> Result<Check, RunError> {
		let tolerance = tolerance.to_string();
		let (wlen, ilen) =
			((workload.len() as u64).to_le_bytes(), (input.len() as u64).to_le_bytes());
		let (status, out, err) = self
			.talk(
				&[Runner::Onnx.name(), "--check", &tolerance],
				&[&wlen, workload, &ilen, input, claimed],
				wall,
			)
			.await?;
		if status.code() == Some(0) {
			return Check::from_word(&out).ok_or(RunError::BadAnswer);
		}
		// Exit code 0 is handled above, so `classify` gives the heap limit or why there is
		// no answer.
		match classify(Runner::Onnx, status, &out, &err) {
			Ok(Outcome::Failed(_, Failure::MemoryLimit)) => Err(RunError::CheckMemory),
			Ok(_) => Err(RunError::BadAnswer),
			Err(e) => Err(e),
		}
	}

	/// Starts a worker of `runner` and `args` (the runner's name first), writes `request`'s
	/// parts on its standard input, and gives its exit status, output and complaints; stops it
	/// after `wall`.
	async fn talk(
		&self,
		args: &[&str],
		request: &[&[u8]],
		wall: Duration,
	) -> Result<(ExitStatus, Vec<u8>, String), RunError> {
		let mut command = match self.prefix.split_first() {
			Some((program, args)) => {
				let mut c = tokio::process::Command::new(program);
				c.args(args).arg(&self.exe);
				c
			},
			None => tokio::process::Command::new(&self.exe),
		};
		command
			.arg("worker")
			.arg("--runner")
			.args(args)
			.env_clear()
			.stdin(Stdio::piped())
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.kill_on_drop(true);
		let cpu_secs = wall.as_secs().saturating_add(5);
		// SAFETY: only async-signal-safe calls (setrlimit, prctl) between fork and exec.
		unsafe {
			command.pre_exec(move || {
				let cpu = libc::rlimit { rlim_cur: cpu_secs, rlim_max: cpu_secs.saturating_add(5) };
				let none = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
				if libc::setrlimit(libc::RLIMIT_CPU, &cpu) != 0
					|| libc::setrlimit(libc::RLIMIT_CORE, &none) != 0
				{
					return Err(std::io::Error::last_os_error());
				}
				// A worker does not outlive the agent, however the agent ends.
				#[cfg(target_os = "linux")]
				if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
					return Err(std::io::Error::last_os_error());
				}
				Ok(())
			});
		}
		let mut child = command.spawn().map_err(RunError::Spawn)?;
		let (stdin, stdout, stderr) =
			(child.stdin.take(), child.stdout.take(), child.stderr.take());
		let talk = async {
			let feed = async move {
				let Some(mut stdin) = stdin else { return };
				// A worker that ends early (past the heap limit) closes the pipe: its exit
				// status says why, not this write.
				let _ = async {
					for part in request {
						stdin.write_all(part).await?;
					}
					stdin.shutdown().await
				}
				.await;
			};
			let answer = async move {
				let mut out = Vec::new();
				if let Some(stdout) = stdout {
					// A document is built in the worker's heap, so it is never larger.
					let _ = stdout.take(HEAP_LIMIT as u64).read_to_end(&mut out).await;
				}
				out
			};
			let complaints = async move {
				let mut kept = Vec::new();
				if let Some(mut stderr) = stderr {
					let _ = (&mut stderr).take(STDERR_KEPT).read_to_end(&mut kept).await;
					let _ = tokio::io::copy(&mut stderr, &mut tokio::io::sink()).await;
				}
				String::from_utf8_lossy(&kept).into_owned()
			};
			let ((), out, err) = tokio::join!(feed, answer, complaints);
			(child.wait().await, out, err)
		};
		match tokio::time::timeout(wall, talk).await {
			Ok((Ok(status), out, err)) => {
				if !err.trim().is_empty() {
					log::debug!("worker: {}", err.trim());
				}
				Ok((status, out, err))
			},
			Ok((Err(e), ..)) => Err(RunError::Crashed(format!("waiting for the worker: {e}"))),
			Err(_) => {
				let _ = child.start_kill();
				let _ = child.wait().await;
				Err(RunError::Overrun(wall))
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::os::unix::process::ExitStatusExt;

	#[test]
	fn the_heap_count_refuses_past_its_limit_and_counts_releases() {
		let heap = Heap::new();
		heap.limit(100);
		assert!(heap.charge(60));
		assert!(!heap.charge(41), "60 + 41 passes 100");
		assert_eq!(heap.live(), 60, "a refused charge counts nothing");
		assert!(heap.charge(40));
		heap.release(50);
		assert!(heap.charge(50));
		assert!(!heap.charge(usize::MAX), "an overflowing size is refused, not wrapped");
	}

	#[test]
	fn requests_split_into_workload_and_input() {
		let mut r = 3u64.to_le_bytes().to_vec();
		r.extend_from_slice(b"abcdef");
		assert_eq!(split_request(&r), Some((&b"abc"[..], &b"def"[..])));
		let mut short = 7u64.to_le_bytes().to_vec();
		short.extend_from_slice(b"abc");
		assert_eq!(split_request(&short), None);
		assert_eq!(split_request(b"1234"), None);
	}

	#[test]
	fn exit_statuses_map_to_results_or_to_no_result() {
		// `from_raw` takes a wait status: an exit code sits in the second byte.
		let exited = |code: i32| ExitStatus::from_raw(code << 8);
		let signalled = |sig: i32| ExitStatus::from_raw(sig);
		let doc = Outcome::Wasm(b"hi".to_vec()).encode();
		assert_eq!(
			classify(Runner::Wasm, exited(0), &doc, "").unwrap(),
			Outcome::Wasm(b"hi".to_vec())
		);
		assert!(matches!(
			classify(Runner::Wasm, exited(0), b"{\"workload\":\"wasm\"}", ""),
			Err(RunError::BadAnswer)
		));
		assert!(
			matches!(classify(Runner::Onnx, exited(0), &doc, ""), Err(RunError::BadAnswer)),
			"a document of another runner"
		);
		assert_eq!(
			classify(Runner::Onnx, exited(EXIT_MEMORY), b"", "").unwrap(),
			Outcome::Failed(Runner::Onnx, Failure::MemoryLimit)
		);
		assert!(matches!(
			classify(Runner::Onnx, exited(EXIT_HOST_MEMORY), b"", ""),
			Err(RunError::HostMemory)
		));
		assert!(matches!(
			classify(Runner::Wasm, exited(EXIT_ENGINE), b"", "x\nno cranelift\n"),
			Err(RunError::Engine(e)) if e == "no cranelift"
		));
		assert!(matches!(
			classify(Runner::Onnx, signalled(libc::SIGKILL), b"", ""),
			Err(RunError::Killed(_))
		));
		assert!(matches!(
			classify(Runner::Onnx, signalled(libc::SIGXCPU), b"", ""),
			Err(RunError::Overrun(_))
		));
		assert!(matches!(
			classify(Runner::Onnx, signalled(libc::SIGSEGV), b"", ""),
			Err(RunError::Crashed(_))
		));
		assert!(!RunError::Overrun(Duration::ZERO).worth_retrying());
		assert!(!RunError::PastDeadline(7).worth_retrying());
		assert!(RunError::Killed(9).worth_retrying());
	}
}
