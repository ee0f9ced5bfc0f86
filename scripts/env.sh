# Shared build environment for every Allmende script. Source it; do not run it.
# Every build (devnet, tests, CI) uses the same settings so that one build serves them all.
ALLMENDE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ALLMENDE_ROOT
# One target directory outside the checkout, shared by every clone on this machine (and by CI).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/allmende/target}"
# The WASM builder needs the workspace root to find Cargo.lock when the target is elsewhere.
export WASM_BUILD_WORKSPACE_HINT="$ALLMENDE_ROOT"
# substrate-wasm-builder ignores rust-toolchain.toml and uses the default `stable` toolchain;
# build the runtime's WASM with the pinned one so every machine builds the same runtime.
WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ALLMENDE_ROOT/rust-toolchain.toml")}"
export WASM_BUILD_TOOLCHAIN
# Link against Debian's OpenSSL instead of compiling a vendored copy (saves minutes on 2 cores).
export OPENSSL_NO_VENDOR=1
export PATH="$HOME/.cargo/bin:$PATH"
# Link host binaries (node, agent, tests, build scripts) with mold when it is installed
# (setup.sh installs it); it links the large binaries faster than GNU ld.
if command -v mold >/dev/null 2>&1 && [ -z "${CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS:-}" ]; then
	export CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C link-arg=-fuse-ld=mold"
fi
ALLMENDE_NODE_BIN="$CARGO_TARGET_DIR/release/allmende-node"
export ALLMENDE_NODE_BIN
ALLMENDE_AGENT_BIN="$CARGO_TARGET_DIR/release/allmende-agent"
export ALLMENDE_AGENT_BIN
# Where the nodes that the devnet and the tests start keep the runtime's machine code between
# starts (the node's --wasmtime-cache): a node then starts without compiling the runtime again.
# Set it empty to start every node without a cache.
export ALLMENDE_WASMTIME_CACHE="${ALLMENDE_WASMTIME_CACHE-$HOME/.cache/allmende/wasmtime}"
