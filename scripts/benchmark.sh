#!/usr/bin/env bash
# Measures the weights of Allmende's pallets with the benchmark CLI and writes them to each
# pallet's src/weights.rs. Builds a node with `--features runtime-benchmarks` (kept out of
# the default build: it adds about a hundred crates).
#   ./scripts/benchmark.sh [pallet ...]     default: every Allmende pallet
# STEPS and REPEAT (environment) set the precision; defaults 20 and 10.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
cd "$ALLMENDE_ROOT"
"$here/setup.sh"
# Again: setup.sh may have just installed mold, which env.sh links with when present; a
# build without it now would be rebuilt whole by the next one with it.
source "$here/env.sh"

steps="${STEPS:-20}"
repeat="${REPEAT:-10}"
pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	pallets=(compute-market data-registry finality-votes)
fi

# A target directory of its own: the feature changes most crates, and the default build in
# $CARGO_TARGET_DIR stays untouched.
export CARGO_TARGET_DIR="${ALLMENDE_BENCH_TARGET_DIR:-$HOME/.cache/allmende/bench-target}"
# The benchmark CLI carries a test runtime for `benchmark storage`, which this node does not
# offer: skip building it to WASM (it also cannot find itself from our workspace hint).
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --release --locked -p allmende-node --features runtime-benchmarks
for pallet in "${pallets[@]}"; do
	name="pallet_${pallet//-/_}"
	echo "== benchmarking $name" >&2
	"$CARGO_TARGET_DIR/release/allmende-node" benchmark pallet \
		--runtime "$CARGO_TARGET_DIR/release/wbuild/allmende-runtime/allmende_runtime.compact.compressed.wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$name" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template "$here/weights.hbs" \
		--output "pallets/$pallet/src/weights.rs"
done
