//! WASM workloads, run in wasmtime so that every machine gives the same bytes.
//!
//! ## The ABI
//!
//! A workload is a core WebAssembly module that exports a memory named `memory` and a
//! function `run: [] -> []`, and imports only these functions from module `allmende`:
//!
//! - `input_len() -> i32`: the input's length in bytes;
//! - `input_read(dst: i32, offset: i32, len: i32) -> i32`: copies up to `len` input bytes,
//!   starting at `offset`, to memory at `dst`; returns how many it copied;
//! - `output_write(src: i32, len: i32)`: appends `len` bytes from memory at `src` to the
//!   output.
//!
//! ## Determinism
//!
//! NaN results are canonicalised; threads and relaxed SIMD are refused (they are the
//! non-deterministic parts of WebAssembly); the module has no clock, randomness or I/O.
//! Its time is bounded by fuel, not by a clock, so a module runs out at the same instruction
//! on every machine: [`Limits::PROTOCOL`] are the limits every agent uses, and part of the
//! definition of a result.

use wasmtime::{
	Caller, Config, Engine, Extern, Linker, Module, Store, StoreLimits, StoreLimitsBuilder, Trap,
};

use super::{Failure, Outcome, Runner};

/// Bounds on a WASM run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	/// Fuel: about one unit per WebAssembly instruction.
	pub fuel: u64,
	/// Largest linear memory, in bytes.
	pub memory: usize,
	/// Largest output, in bytes.
	pub output: usize,
	/// Most elements of the module's table, declared or grown.
	pub table_elements: usize,
	/// Largest code section, in bytes: with wasmparser's own per-function limits this bounds
	/// the compiler's time, which fuel cannot.
	pub code_bytes: usize,
	/// Most functions defined in the module.
	pub functions: u32,
}

impl Limits {
	/// What every agent uses: 4·10⁹ fuel (a few seconds), 256 MiB of memory, 1 MiB of output,
	/// one table of at most 100,000 elements, one memory, and at most 8 MiB of code in 20,000
	/// functions.
	pub const PROTOCOL: Limits = Limits {
		fuel: 4_000_000_000,
		memory: 256 << 20,
		output: 1 << 20,
		table_elements: 100_000,
		code_bytes: 8 << 20,
		functions: 20_000,
	};
}

/// Whether the module's code is within `limits`, read before anything is compiled. A module
/// wasmparser cannot read is left to the compiler, which refuses it.
fn code_within(module: &[u8], limits: &Limits) -> bool {
	for payload in wasmparser::Parser::new(0).parse_all(module) {
		match payload {
			Ok(wasmparser::Payload::CodeSectionStart { count, range, .. }) => {
				return count <= limits.functions && range.len() <= limits.code_bytes
			},
			Ok(_) => {},
			Err(_) => return true,
		}
	}
	true
}

struct State {
	input: Vec<u8>,
	output: Vec<u8>,
	output_limit: usize,
	output_overflow: bool,
	limits: StoreLimits,
}

/// The deterministic engine configuration.
fn engine() -> anyhow::Result<Engine> {
	let mut config = Config::new();
	config
		.consume_fuel(true)
		.cranelift_nan_canonicalization(true)
		.wasm_threads(false)
		.wasm_relaxed_simd(false)
		.relaxed_simd_deterministic(true)
		.wasm_simd(true)
		.wasm_memory64(false)
		.wasm_gc(false)
		.max_wasm_stack(512 << 10);
	Engine::new(&config)
}

fn memory_of(caller: &mut Caller<'_, State>) -> Option<wasmtime::Memory> {
	match caller.get_export("memory") {
		Some(Extern::Memory(m)) => Some(m),
		_ => None,
	}
}

fn linker(engine: &Engine) -> anyhow::Result<Linker<State>> {
	let mut linker = Linker::new(engine);
	linker.func_wrap("allmende", "input_len", |caller: Caller<'_, State>| -> i32 {
		caller.data().input.len() as i32
	})?;
	linker.func_wrap(
		"allmende",
		"input_read",
		|mut caller: Caller<'_, State>, dst: i32, offset: i32, len: i32| -> anyhow::Result<i32> {
			let memory = memory_of(&mut caller).ok_or(Trap::MemoryOutOfBounds)?;
			let (offset, len, dst) =
				(offset as u32 as usize, len as u32 as usize, dst as u32 as usize);
			let (mem, state) = memory.data_and_store_mut(&mut caller);
			let start = offset.min(state.input.len());
			let end = start.saturating_add(len).min(state.input.len());
			let chunk = &state.input[start..end];
			let target = mem
				.get_mut(dst..dst.saturating_add(chunk.len()))
				.ok_or(Trap::MemoryOutOfBounds)?;
			target.copy_from_slice(chunk);
			Ok(chunk.len() as i32)
		},
	)?;
	linker.func_wrap(
		"allmende",
		"output_write",
		|mut caller: Caller<'_, State>, src: i32, len: i32| -> anyhow::Result<()> {
			let memory = memory_of(&mut caller).ok_or(Trap::MemoryOutOfBounds)?;
			let (src, len) = (src as u32 as usize, len as u32 as usize);
			let (mem, state) = memory.data_and_store_mut(&mut caller);
			let bytes = mem.get(src..src.saturating_add(len)).ok_or(Trap::MemoryOutOfBounds)?;
			if state.output.len().saturating_add(bytes.len()) > state.output_limit {
				state.output_overflow = true;
				return Err(anyhow::anyhow!("output beyond {} bytes", state.output_limit));
			}
			state.output.extend_from_slice(bytes);
			Ok(())
		},
	)?;
	Ok(linker)
}

/// Runs `module` (WebAssembly binary) on `input` within `limits`. Every failure of the
/// workload is an [`Outcome::Failed`]; `Err` only when the engine itself cannot start.
pub fn run(module: &[u8], input: &[u8], limits: Limits) -> anyhow::Result<Outcome> {
	let fail = |f| Ok(Outcome::Failed(Runner::Wasm, f));
	if !code_within(module, &limits) {
		log::debug!("WASM module has more code than the limits allow");
		return fail(Failure::InvalidModule);
	}
	let engine = engine()?;
	let module = match Module::new(&engine, module) {
		Ok(m) => m,
		Err(e) => {
			log::debug!("invalid WASM module: {e:#}");
			return fail(Failure::InvalidModule);
		},
	};
	let state = State {
		input: input.to_vec(),
		output: Vec::new(),
		output_limit: limits.output,
		output_overflow: false,
		limits: StoreLimitsBuilder::new()
			.memory_size(limits.memory)
			.table_elements(limits.table_elements)
			.trap_on_grow_failure(true)
			.instances(1)
			.tables(1)
			.memories(1)
			.build(),
	};
	let mut store = Store::new(&engine, state);
	store.limiter(|s| &mut s.limits);
	store.set_fuel(limits.fuel)?;
	let linker = linker(&engine)?;
	let instance = match linker.instantiate(&mut store, &module) {
		Ok(i) => i,
		Err(e) => {
			log::debug!("WASM module does not instantiate: {e:#}");
			// An import outside the ABI, or a start function that traps.
			return fail(classify(&store, &e).unwrap_or(Failure::InvalidAbi));
		},
	};
	if instance.get_memory(&mut store, "memory").is_none() {
		return fail(Failure::InvalidAbi);
	}
	let Ok(entry) = instance.get_typed_func::<(), ()>(&mut store, "run") else {
		return fail(Failure::InvalidAbi);
	};
	match entry.call(&mut store, ()) {
		Ok(()) => Ok(Outcome::Wasm(std::mem::take(&mut store.data_mut().output))),
		Err(e) => {
			log::debug!("WASM workload failed: {e:#}");
			fail(classify(&store, &e).unwrap_or(Failure::Trap))
		},
	}
}

fn classify(store: &Store<State>, e: &anyhow::Error) -> Option<Failure> {
	if store.data().output_overflow {
		return Some(Failure::OutputTooLarge);
	}
	match e.downcast_ref::<Trap>() {
		Some(Trap::OutOfFuel) => Some(Failure::OutOfFuel),
		Some(_) => Some(Failure::Trap),
		None => None,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Reverses its input.
	const REVERSE: &str = r#"(module
		(import "allmende" "input_len" (func $len (result i32)))
		(import "allmende" "input_read" (func $read (param i32 i32 i32) (result i32)))
		(import "allmende" "output_write" (func $write (param i32 i32)))
		(memory (export "memory") 1)
		(func (export "run") (local $n i32) (local $i i32)
			(local.set $n (call $len))
			(drop (call $read (i32.const 0) (i32.const 0) (local.get $n)))
			(local.set $i (local.get $n))
			(block $done (loop $next
				(br_if $done (i32.eqz (local.get $i)))
				(local.set $i (i32.sub (local.get $i) (i32.const 1)))
				(call $write (local.get $i) (i32.const 1))
				(br $next)))))"#;

	/// Never ends.
	const ENDLESS: &str = r#"(module (memory (export "memory") 1)
		(func (export "run") (loop $forever (br $forever))))"#;

	/// Writes the bits of 0/0 computed in f32: a NaN whose sign and payload vary by CPU
	/// unless canonicalised.
	const NAN: &str = r#"(module
		(import "allmende" "output_write" (func $write (param i32 i32)))
		(memory (export "memory") 1)
		(func (export "run")
			(i32.store (i32.const 0) (i32.reinterpret_f32
				(f32.div (f32.const 0) (f32.const 0))))
			(call $write (i32.const 0) (i32.const 4))))"#;

	fn wasm(text: &str) -> Vec<u8> {
		wat::parse_str(text).unwrap()
	}

	const SMALL: Limits = Limits {
		fuel: 10_000_000,
		memory: 1 << 20,
		output: 16,
		table_elements: 1000,
		code_bytes: 1 << 20,
		functions: 100,
	};

	#[test]
	fn runs_the_abi() {
		assert_eq!(run(&wasm(REVERSE), b"abc", SMALL).unwrap(), Outcome::Wasm(b"cba".to_vec()));
	}

	#[test]
	fn an_endless_module_runs_out_of_fuel_the_same_way_every_time() {
		let started = std::time::Instant::now();
		let first = run(&wasm(ENDLESS), b"", SMALL).unwrap();
		assert_eq!(first, Outcome::Failed(Runner::Wasm, Failure::OutOfFuel));
		assert_eq!(run(&wasm(ENDLESS), b"", SMALL).unwrap().encode(), first.encode());
		assert!(started.elapsed() < std::time::Duration::from_secs(30));
	}

	#[test]
	fn fuel_bounds_work_not_time() {
		// The same module with enough fuel finishes; with too little it fails.
		let input = vec![1u8; 1000];
		let limits = Limits { output: 1000, ..SMALL };
		assert!(matches!(run(&wasm(REVERSE), &input, limits).unwrap(), Outcome::Wasm(_)));
		let starved = Limits { fuel: 100, ..limits };
		assert_eq!(
			run(&wasm(REVERSE), &input, starved).unwrap(),
			Outcome::Failed(Runner::Wasm, Failure::OutOfFuel)
		);
	}

	#[test]
	fn nans_are_canonical() {
		let Outcome::Wasm(bits) = run(&wasm(NAN), b"", SMALL).unwrap() else { panic!() };
		// The canonical f32 NaN: 0x7fc00000, little-endian.
		assert_eq!(bits, vec![0x00, 0x00, 0xc0, 0x7f]);
	}

	#[test]
	fn canonical_failures() {
		let fail = |f| Outcome::Failed(Runner::Wasm, f);
		assert_eq!(run(b"not wasm", b"", SMALL).unwrap(), fail(Failure::InvalidModule));
		let no_run = wasm(r#"(module (memory (export "memory") 1))"#);
		assert_eq!(run(&no_run, b"", SMALL).unwrap(), fail(Failure::InvalidAbi));
		let foreign = wasm(
			r#"(module (import "wasi" "clock" (func)) (memory (export "memory") 1) (func (export "run")))"#,
		);
		assert_eq!(run(&foreign, b"", SMALL).unwrap(), fail(Failure::InvalidAbi));
		let trap =
			wasm(r#"(module (memory (export "memory") 1) (func (export "run") unreachable))"#);
		assert_eq!(run(&trap, b"", SMALL).unwrap(), fail(Failure::Trap));
		assert_eq!(run(&wasm(REVERSE), &[0u8; 17], SMALL).unwrap(), fail(Failure::OutputTooLarge));
		let grow = wasm(
			r#"(module (memory (export "memory") 1)
			(func (export "run") (drop (memory.grow (i32.const 100)))))"#,
		);
		assert_eq!(run(&grow, b"", SMALL).unwrap(), fail(Failure::Trap));
		let threads = r#"(module (memory (export "memory") 1 1 shared) (func (export "run")))"#;
		assert_eq!(run(&wasm(threads), b"", SMALL).unwrap(), fail(Failure::InvalidModule));
	}

	#[test]
	fn tables_are_bounded_the_same_way_everywhere() {
		let fail = |f| Outcome::Failed(Runner::Wasm, f);
		// Growing a table past the limit traps, whatever the host's memory (with a table
		// limit unset, wasmtime would try to allocate it).
		let grow = wasm(
			r#"(module (memory (export "memory") 1) (table 1 funcref)
			(func (export "run") (drop (table.grow (ref.null func) (i32.const 100000000)))))"#,
		);
		assert_eq!(run(&grow, b"", SMALL).unwrap(), fail(Failure::Trap));
		assert_eq!(run(&grow, b"", Limits::PROTOCOL).unwrap(), fail(Failure::Trap));
		// Growing within the limit works.
		let fits = wasm(
			r#"(module (memory (export "memory") 1) (table 1 funcref)
			(func (export "run") (drop (table.grow (ref.null func) (i32.const 10)))))"#,
		);
		assert_eq!(run(&fits, b"", SMALL).unwrap(), Outcome::Wasm(Vec::new()));
		// A table declared larger than the limit does not instantiate.
		let declared = wasm(
			r#"(module (memory (export "memory") 1) (table 20000000 funcref) (func (export "run")))"#,
		);
		assert_eq!(run(&declared, b"", Limits::PROTOCOL).unwrap(), fail(Failure::InvalidAbi));
		// Nor does a second table or a second memory.
		let two_tables = wasm(
			r#"(module (memory (export "memory") 1) (table 1 funcref) (table 1 funcref) (func (export "run")))"#,
		);
		assert_eq!(run(&two_tables, b"", SMALL).unwrap(), fail(Failure::InvalidAbi));
		let two_memories =
			wasm(r#"(module (memory (export "memory") 1) (memory 1) (func (export "run")))"#);
		assert_eq!(run(&two_memories, b"", SMALL).unwrap(), fail(Failure::InvalidAbi));
	}

	#[test]
	fn code_beyond_the_limits_is_not_compiled() {
		let fail = |f| Outcome::Failed(Runner::Wasm, f);
		let module = |functions: usize| {
			let mut text =
				String::from(r#"(module (memory (export "memory") 1) (func (export "run"))"#);
			for _ in 1..functions {
				text.push_str("(func)");
			}
			text.push(')');
			wasm(&text)
		};
		assert_eq!(
			run(&module(SMALL.functions as usize), b"", SMALL).unwrap(),
			Outcome::Wasm(Vec::new())
		);
		assert_eq!(
			run(&module(SMALL.functions as usize + 1), b"", SMALL).unwrap(),
			fail(Failure::InvalidModule)
		);
		let few_bytes = Limits { code_bytes: 64, ..SMALL };
		assert_eq!(run(&module(50), b"", few_bytes).unwrap(), fail(Failure::InvalidModule));
		assert!(code_within(&module(50), &SMALL));
		assert!(!code_within(&module(50), &few_bytes));
	}
}
