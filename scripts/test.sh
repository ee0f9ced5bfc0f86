#!/usr/bin/env bash
# Runs every Allmende test: the cargo tests of the workspace, then the end-to-end tests against
# a real 4-validator network that the tests start on free loopback ports and tear down.
# Sets up a fresh Debian machine first (scripts/setup.sh).
#
#   scripts/test.sh           everything (what CI runs)
#   scripts/test.sh --quick   for development: formatting, the build, the cargo tests and the
#                             end-to-end files that start no network; no benchmark tests
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
quick=false
for arg in "$@"; do
	case "$arg" in
	--quick) quick=true ;;
	-h | --help)
		# The comment at the top of this file.
		awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
		exit 0
		;;
	*)
		echo "scripts/test.sh: unknown argument $arg (try --help)" >&2
		exit 2
		;;
	esac
done
source "$here/env.sh"
cd "$ALLMENDE_ROOT"

# Six test files at a time: each starts its own network on free loopback ports, and the
# networks mostly wait for blocks (the two cores were 70-85 % idle with six running, after
# the first minute). The nodes start from a raw chain spec and keep the runtime's compiled
# code in a wasmtime cache ($ALLMENDE_WASMTIME_CACHE): a node then opens its RPC in 0.3 s of
# CPU instead of 8 s (it compiled the runtime twice, for the genesis builder and for the
# executor), and a wave of starts no longer keeps both cores busy for more than a minute.
# test/run.mjs runs the files in this order (`node --test` would sort them by name) and
# prints how long each ran. The files are listed longest first (their durations with six at
# once, 2026-12-03: market 712 s, agent 681, fake-party 631, devnet 631, market-edges 613,
# assets 598, explorer 394, load 363, arbiters 361, launcher 272), so the slots end at about
# the same time; a new file must be added here (checked now, before the build).
files=(
	"$here/test/market.test.mjs"
	"$here/test/agent.test.mjs"
	"$here/test/fake-party.test.mjs"
	"$here/test/devnet.test.mjs"
	"$here/test/market-edges.test.mjs"
	"$here/test/assets.test.mjs"
	"$ALLMENDE_ROOT/explorer/test/explorer.test.mjs"
	"$here/test/load.test.mjs"
	"$here/test/arbiters.test.mjs"
	"$here/test/launcher.test.mjs"
	"$ALLMENDE_ROOT/explorer/test/events.test.mjs"
)
for f in "$here"/test/*.test.mjs "$ALLMENDE_ROOT"/explorer/test/*.test.mjs; do
	case " ${files[*]} " in
	*" $f "*) ;;
	*) echo "scripts/test.sh: $f is not in the list of end-to-end test files" >&2; exit 1 ;;
	esac
done

# Each phase is timed; the times are printed at the end (and when a phase fails).
phases=()
phase_start=$SECONDS
phase() {
	local now=$SECONDS
	if [ -n "${phase_name:-}" ]; then phases+=("$(printf '%5d s  %s' $((now - phase_start)) "$phase_name")"); fi
	phase_name="$1"
	phase_start=$now
	if [ -n "$1" ]; then echo "== $1" >&2; fi
}
report() {
	phase ""
	echo "== phase times" >&2
	printf '%s\n' "${phases[@]}" >&2
	printf '%5d s  total\n' "$SECONDS" >&2
}
trap report EXIT

phase "set-up (scripts/setup.sh)"
"$here/setup.sh"
# Again: setup.sh may have just installed mold, which env.sh links with when present; a
# build without it now would be rebuilt whole by the next one with it.
source "$here/env.sh"

phase "formatting (cargo fmt --check, .rustfmt.toml)"
cargo fmt --all -- --check

phase "build (release: node + WASM runtime; tests reuse it)"
cargo build --release --locked --workspace

phase "cargo test"
cargo test --release --locked --workspace

if $quick; then
	# The files that start no network; the rest (and the benchmark tests) only in a full run.
	phase "end-to-end tests without a network (node --test)"
	node "$here/test/run.mjs" "$ALLMENDE_ROOT/explorer/test/events.test.mjs"
	echo "== quick: benchmark tests and the end-to-end tests on networks skipped" >&2
	exit 0
fi

phase "benchmark tests (each benchmark run once in the pallets' mocks)"
cargo test --release --locked -p pallet-compute-market -p pallet-data-registry \
	--features pallet-compute-market/runtime-benchmarks,pallet-data-registry/runtime-benchmarks \
	benchmarking

phase "explorer build (esbuild)"
node "$ALLMENDE_ROOT/explorer/build.mjs"

phase "end-to-end tests (node --test)"
node "$here/test/run.mjs" --concurrency 6 "${files[@]}"
