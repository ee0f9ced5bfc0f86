//! Builds the runtime crate named by `ALLMENDE_RUNTIME_MANIFEST` (an earlier commit's
//! `runtime/Cargo.toml`) to WASM exactly as that runtime's own build script does
//! (`WasmBuilder::build_using_defaults`: imported memory, exported heap base). With
//! `WASM_TARGET_DIRECTORY` set, the WASM builder copies the compressed runtime there.

use std::{env, path::PathBuf};

fn main() {
	println!("cargo:rerun-if-env-changed=ALLMENDE_RUNTIME_MANIFEST");
	let Some(manifest) = env::var_os("ALLMENDE_RUNTIME_MANIFEST") else {
		// Nothing to build: `cargo metadata` and the like.
		return;
	};
	let manifest = PathBuf::from(manifest);
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(&manifest)
		.unwrap_or_else(|e| panic!("ALLMENDE_RUNTIME_MANIFEST={}: {e}", manifest.display()))
		.import_memory()
		.export_heap_base()
		.build();
}
