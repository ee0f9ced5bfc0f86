//! What `substrate-wasm-builder` asks of crates.io's `wasm-opt` when it builds the Allmende
//! runtime, without binaryen.
//!
//! The builder runs binaryen's `wasm-opt` at optimization level 0, which optimizes nothing,
//! with two passes: strip the DWARF debug sections, and lower sign-extension instructions to
//! WebAssembly 1.0. `wasm-opt-sys` carries binaryen's sources (244,267 lines of C and C++ in
//! its `src` and `third_party`), whose build script ran 531 s of a 1,481 s cold build on a
//! fresh machine, and the runtime's WASM build waited for it. The runtime is
//! compiled for `wasm32v1-none`, whose code has no sign-extension instructions to lower.
//!
//! So this crate, patched in for `wasm-opt` by the workspace's Cargo.toml, does the same to
//! the runtime and refuses what it cannot do:
//! - it validates the module with `wasmparser` against the features asked for: WebAssembly
//!   1.0 (with mutable globals) when sign extension is to be lowered or the MVP features
//!   only are asked for. A module with sign-extension instructions is refused, not passed on;
//! - `StripDwarf` drops the custom sections whose names begin with `.debug_`, and
//!   `debug_info(false)` the `name` section as well; every other section (the runtime's
//!   `runtime_version` and `runtime_apis` among them) is copied byte for byte.
//!
//! Only the calls the builder makes exist: a new call in a new builder fails to compile here,
//! not at run time.

use std::{fmt, path::Path, path::PathBuf};

use wasmparser::{Validator, WasmFeatures};

/// A pass `OptimizationOptions::add_pass` can be asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Pass {
	/// Drop the DWARF debug sections (custom sections named `.debug_*`).
	StripDwarf,
	/// Lower sign-extension instructions to WebAssembly 1.0. Done here by refusing a module that
	/// has any: see the crate's documentation.
	SignextLowering,
}

/// How `OptimizationOptions::run` rewrites a module.
#[derive(Clone, Debug)]
pub struct OptimizationOptions {
	passes: Vec<Pass>,
	mvp_only: bool,
	debug_info: bool,
}

impl OptimizationOptions {
	/// Optimization level 0: no optimization, only the passes added.
	pub fn new_opt_level_0() -> Self {
		OptimizationOptions { passes: Vec::new(), mvp_only: false, debug_info: false }
	}

	/// Accept only WebAssembly 1.0 (with mutable globals).
	pub fn mvp_features_only(&mut self) -> &mut Self {
		self.mvp_only = true;
		self
	}

	/// Keep the `name` section (`true`) or drop it (`false`, binaryen's default).
	pub fn debug_info(&mut self, keep: bool) -> &mut Self {
		self.debug_info = keep;
		self
	}

	/// Run `pass` as well.
	pub fn add_pass(&mut self, pass: Pass) -> &mut Self {
		self.passes.push(pass);
		self
	}

	/// Reads the module at `infile`, checks it and writes the result to `outfile` (which may be
	/// `infile`). Nothing is written when the module is refused.
	pub fn run(
		&self,
		infile: impl AsRef<Path>,
		outfile: impl AsRef<Path>,
	) -> Result<(), OptimizationError> {
		let infile = infile.as_ref();
		let module = std::fs::read(infile)
			.map_err(|source| OptimizationError::Read { path: infile.to_owned(), source })?;
		let out = self.apply(&module)?;
		let outfile = outfile.as_ref();
		std::fs::write(outfile, out)
			.map_err(|source| OptimizationError::Write { path: outfile.to_owned(), source })
	}

	/// What `run` writes for `module`.
	pub fn apply(&self, module: &[u8]) -> Result<Vec<u8>, OptimizationError> {
		let wasm1 = self.mvp_only || self.passes.contains(&Pass::SignextLowering);
		let features = if wasm1 { WasmFeatures::WASM1 } else { WasmFeatures::default() };
		Validator::new_with_features(features)
			.validate_all(module)
			.map_err(|e| OptimizationError::Invalid { wasm1, reason: e.to_string() })?;
		let strip_dwarf = self.passes.contains(&Pass::StripDwarf);
		let mut out = Vec::with_capacity(module.len());
		out.extend_from_slice(&module[..HEADER]);
		for section in sections(module)? {
			let dropped = match section.custom_name {
				Some(name) if strip_dwarf && name.starts_with(b".debug_") => true,
				Some(b"name") => !self.debug_info,
				_ => false,
			};
			if !dropped {
				out.extend_from_slice(section.bytes);
			}
		}
		Ok(out)
	}
}

/// Why `run` wrote nothing.
#[derive(Debug)]
#[non_exhaustive]
pub enum OptimizationError {
	/// The input could not be read.
	Read { path: PathBuf, source: std::io::Error },
	/// The output could not be written.
	Write { path: PathBuf, source: std::io::Error },
	/// The module is not valid WebAssembly with the features asked for (`wasm1`: WebAssembly
	/// 1.0 with mutable globals, which is what a module with sign-extension instructions fails).
	Invalid { wasm1: bool, reason: String },
}

impl fmt::Display for OptimizationError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			OptimizationError::Read { path, source } => {
				write!(f, "cannot read the module {}: {source}", path.display())
			},
			OptimizationError::Write { path, source } => {
				write!(f, "cannot write the module {}: {source}", path.display())
			},
			OptimizationError::Invalid { wasm1: true, reason } => write!(
				f,
				"the module is not WebAssembly 1.0 ({reason}); sign-extension and other newer \
				 instructions are refused, not lowered: build the runtime for wasm32v1-none"
			),
			OptimizationError::Invalid { wasm1: false, reason } => {
				write!(f, "the module is not valid WebAssembly: {reason}")
			},
		}
	}
}

impl std::error::Error for OptimizationError {
	fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
		match self {
			OptimizationError::Read { source, .. } | OptimizationError::Write { source, .. } => {
				Some(source)
			},
			OptimizationError::Invalid { .. } => None,
		}
	}
}

/// The magic number and version every module begins with.
const HEADER: usize = 8;

/// One section of a module, whole: its id, size and contents.
struct Section<'a> {
	bytes: &'a [u8],
	/// A custom section's name.
	custom_name: Option<&'a [u8]>,
}

/// The sections of a module that has been validated.
fn sections(module: &[u8]) -> Result<Vec<Section<'_>>, OptimizationError> {
	let broken = || OptimizationError::Invalid {
		wasm1: false,
		reason: "a section runs past the end of the module".into(),
	};
	let mut sections = Vec::new();
	let mut at = HEADER;
	while at < module.len() {
		let start = at;
		let id = module[at];
		let (size, len) = leb_u32(&module[at + 1..]).ok_or_else(broken)?;
		let body = at + 1 + len;
		let end = body
			.checked_add(size as usize)
			.filter(|&e| e <= module.len())
			.ok_or_else(broken)?;
		let custom_name = if id == 0 {
			let (name_len, len) = leb_u32(&module[body..end]).ok_or_else(broken)?;
			let name = body + len;
			Some(module.get(name..name + name_len as usize).ok_or_else(broken)?)
		} else {
			None
		};
		sections.push(Section { bytes: &module[start..end], custom_name });
		at = end;
	}
	Ok(sections)
}

/// An unsigned LEB128 number of at most 32 bits and how many bytes it took; `None` if it is
/// longer or larger.
fn leb_u32(bytes: &[u8]) -> Option<(u32, usize)> {
	let mut value = 0u32;
	for (i, &b) in bytes.iter().take(5).enumerate() {
		// The fifth byte holds the top 4 bits and ends the number.
		if i == 4 && b & 0xf0 != 0 {
			return None;
		}
		value |= u32::from(b & 0x7f) << (7 * i);
		if b & 0x80 == 0 {
			return Some((value, i + 1));
		}
	}
	None
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A module of sections given as (id, contents).
	fn module(sections: &[(u8, Vec<u8>)]) -> Vec<u8> {
		let mut m = b"\0asm\x01\0\0\0".to_vec();
		for (id, body) in sections {
			m.push(*id);
			leb(&mut m, body.len());
			m.extend_from_slice(body);
		}
		m
	}

	fn leb(out: &mut Vec<u8>, mut n: usize) {
		loop {
			let b = (n & 0x7f) as u8;
			n >>= 7;
			if n == 0 {
				out.push(b);
				return;
			}
			out.push(b | 0x80);
		}
	}

	fn custom(name: &str, data: &[u8]) -> (u8, Vec<u8>) {
		let mut body = Vec::new();
		leb(&mut body, name.len());
		body.extend_from_slice(name.as_bytes());
		body.extend_from_slice(data);
		(0, body)
	}

	/// A function `(i32) -> i32` whose body is `code` (without the final `end`).
	fn function(code: &[u8]) -> Vec<(u8, Vec<u8>)> {
		let mut body = vec![0]; // no locals
		body.extend_from_slice(code);
		body.push(0x0b);
		let mut entry = Vec::new();
		leb(&mut entry, body.len());
		entry.extend_from_slice(&body);
		vec![
			(1, vec![1, 0x60, 1, 0x7f, 1, 0x7f]), // type: (i32) -> i32
			(3, vec![1, 0]),                      // function 0 of type 0
			(10, [vec![1], entry].concat()),      // its code
		]
	}

	/// What substrate-wasm-builder asks for when it compacts the runtime.
	fn compact() -> OptimizationOptions {
		let mut o = OptimizationOptions::new_opt_level_0();
		o.mvp_features_only()
			.debug_info(true)
			.add_pass(Pass::StripDwarf)
			.add_pass(Pass::SignextLowering);
		o
	}

	#[test]
	fn dwarf_goes_and_every_other_section_stays_byte_for_byte() {
		let mut sections = function(&[0x20, 0]); // local.get 0
		sections.insert(0, custom(".debug_info", &[1, 2, 3]));
		sections.push(custom("runtime_version", b"v1"));
		sections.push(custom(".debug_line", &[4; 300]));
		sections.push(custom("name", &[0, 1, 0]));
		let input = module(&sections);
		let expected = module(
			&[
				function(&[0x20, 0]),
				vec![custom("runtime_version", b"v1"), custom("name", &[0, 1, 0])],
			]
			.concat(),
		);
		assert_eq!(compact().apply(&input).expect("a valid module"), expected);
		// Without the pass, DWARF stays; without debug information, the names go.
		let mut keep = OptimizationOptions::new_opt_level_0();
		assert_eq!(keep.debug_info(true).apply(&input).expect("valid"), input);
		let without_names = module(&sections[..sections.len() - 1]);
		assert_eq!(keep.debug_info(false).apply(&input).expect("valid"), without_names);
	}

	#[test]
	fn sign_extension_is_refused_not_passed_on() {
		// local.get 0; i32.extend8_s
		let input = module(&function(&[0x20, 0, 0xc0]));
		let refused = compact().apply(&input).expect_err("sign extension is not WebAssembly 1.0");
		assert!(matches!(refused, OptimizationError::Invalid { wasm1: true, .. }), "{refused}");
		assert!(refused.to_string().contains("wasm32v1-none"), "{refused}");
		// Accepted when nothing asks for WebAssembly 1.0.
		assert!(OptimizationOptions::new_opt_level_0().apply(&input).is_ok());
	}

	#[test]
	fn broken_modules_and_missing_files_are_errors() {
		let mut truncated = module(&function(&[0x20, 0]));
		truncated.truncate(truncated.len() - 2);
		assert!(matches!(
			compact().apply(&truncated),
			Err(OptimizationError::Invalid { wasm1: true, .. })
		));
		let dir = std::env::temp_dir().join(format!("wasm-opt-test-{}", std::process::id()));
		let missing = dir.join("missing.wasm");
		let e = compact().run(&missing, dir.join("out.wasm")).expect_err("no such file");
		assert!(matches!(e, OptimizationError::Read { .. }), "{e}");
		assert!(!dir.join("out.wasm").exists());
	}

	#[test]
	fn section_sizes_are_read_as_32_bit_numbers_and_no_more() {
		assert_eq!(leb_u32(&[0x05]), Some((5, 1)));
		assert_eq!(leb_u32(&[0xe5, 0x8e, 0x26]), Some((624_485, 3)));
		assert_eq!(leb_u32(&[0xff, 0xff, 0xff, 0xff, 0x0f]), Some((u32::MAX, 5)));
		// Past 32 bits, longer than five bytes, or cut off: not a size.
		assert_eq!(leb_u32(&[0xff, 0xff, 0xff, 0xff, 0x1f]), None);
		assert_eq!(leb_u32(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), None);
		assert_eq!(leb_u32(&[0x80, 0x80]), None);
	}

	#[test]
	fn run_rewrites_a_file_in_place() {
		let dir = std::env::temp_dir().join(format!("wasm-opt-run-{}", std::process::id()));
		std::fs::create_dir_all(&dir).expect("a temporary directory");
		let path = dir.join("m.wasm");
		let mut sections = function(&[0x20, 0]);
		sections.push(custom(".debug_str", b"x"));
		std::fs::write(&path, module(&sections)).expect("write");
		compact().run(&path, &path).expect("compacted");
		assert_eq!(std::fs::read(&path).expect("read"), module(&function(&[0x20, 0])));
		std::fs::remove_dir_all(&dir).expect("clean up");
	}
}
