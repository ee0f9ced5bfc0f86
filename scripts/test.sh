#!/usr/bin/env bash
# Runs every Allmende test: the cargo tests of the workspace, then the end-to-end tests against
# a real 4-validator network that the tests start on free loopback ports and tear down.
# Sets up a fresh Debian machine first (scripts/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
cd "$ALLMENDE_ROOT"

"$here/setup.sh"

echo "== formatting (cargo fmt --check, .rustfmt.toml)" >&2
cargo fmt --all -- --check

echo "== build (release: node + WASM runtime; tests reuse it)" >&2
cargo build --release --locked --workspace

echo "== cargo test" >&2
cargo test --release --locked --workspace

echo "== benchmark tests (each benchmark run once in the pallets' mocks)" >&2
cargo test --release --locked -p pallet-compute-market -p pallet-data-registry \
	--features pallet-compute-market/runtime-benchmarks,pallet-data-registry/runtime-benchmarks \
	benchmarking

echo "== explorer build (esbuild)" >&2
node "$ALLMENDE_ROOT/explorer/build.mjs"

echo "== end-to-end tests (node --test)" >&2
# Two test files at a time: each starts its own network on free loopback ports, and the
# networks mostly wait for blocks, so two fit on 2 cores and the run takes half as long.
# The longest (market) starts first; the others follow on the second slot.
files=("$here/test/market.test.mjs")
for f in "$here"/test/*.test.mjs; do
	[ "$f" = "$here/test/market.test.mjs" ] || files+=("$f")
done
files+=("$ALLMENDE_ROOT/explorer/test/explorer.test.mjs" "$ALLMENDE_ROOT/explorer/test/events.test.mjs")
node --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
