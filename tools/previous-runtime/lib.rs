//! Nothing: the crate exists for its build script, which builds an earlier runtime to WASM.
