# Shared build environment for every Allmende script. Source it; do not run it.
# Every build (devnet, tests, CI) uses the same settings so that one build serves them all.
ALLMENDE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ALLMENDE_ROOT
# One target directory outside the checkout, shared by every clone on this machine (and by CI).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/allmende/target}"
# The WASM builder needs the workspace root to find Cargo.lock when the target is elsewhere.
export WASM_BUILD_WORKSPACE_HINT="$ALLMENDE_ROOT"
# Link against Debian's OpenSSL instead of compiling a vendored copy (saves minutes on 2 cores).
export OPENSSL_NO_VENDOR=1
export PATH="$HOME/.cargo/bin:$PATH"
ALLMENDE_NODE_BIN="$CARGO_TARGET_DIR/release/allmende-node"
export ALLMENDE_NODE_BIN
