#!/usr/bin/env bash
# Runs every Allmende test: the cargo tests of the workspace and the end-to-end tests against
# real 4-validator networks that the tests start on free loopback ports and tear down (side by
# side in a full run: the cargo tests at the lowest CPU priority while the networks wait for
# blocks).
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

# Seven test files at a time: each starts its own network on free loopback ports, and the
# networks mostly wait for blocks (the two cores were 70-85 % idle with six running, after
# the first minute; the seventh is the bounded file, added with #22). The nodes start from a
# raw chain spec and keep the runtime's compiled code in a wasmtime cache
# ($ALLMENDE_WASMTIME_CACHE): a node then opens its RPC in 0.3 s of CPU instead of 8 s (it
# compiled the runtime twice, for the genesis builder and for the executor), and a wave of
# starts no longer keeps both cores busy for more than a minute. test/run.mjs runs the files
# in this order (`node --test` would sort them by name) and prints how long each ran. The
# files are listed longest first (their durations with six at once, fresh machine,
# 2026-12-03: market 708 s, devnet 697, agent 655, market-edges 619, assets 600, fake-party
# 590, explorer 376, load 330, arbiters 330, launcher 246; bounded about 450 alone), so the
# seven slots end at about the same time (since 2026-12-05 devnet runs about 830 s and
# launcher 300, with their validator steps; testnet, three validators of a network of its
# own, about 45 s alone on 2026-12-05; market-edges about 90 s more with its governance step
# and agent about 165 s more with its paused job, each measured alone on 2026-12-05; upgrade
# 595 s alone on 2026-12-05, after the first wave so that its nodes, which compile the
# previous runtime that the warm-up below does not, do not start beside 28 others; indexer,
# one dev node, PostgreSQL and the indexer, about 190 s alone on 2026-12-05; dev-clock, two
# short dev nodes, 24 s alone on 2026-12-05; pipelines, four validators and eight agents, one
# under QEMU, 483 s alone on 2026-12-06 as speech.test.mjs before its picture jobs, right after
# upgrade); a new file must be added here
# (checked now, before the build).
files=(
	"$here/test/market.test.mjs"
	"$here/test/agent.test.mjs"
	"$here/test/fake-party.test.mjs"
	"$here/test/devnet.test.mjs"
	"$here/test/market-edges.test.mjs"
	"$here/test/assets.test.mjs"
	"$here/test/bounded.test.mjs"
	"$here/test/upgrade.test.mjs"
	"$here/test/pipelines.test.mjs"
	"$ALLMENDE_ROOT/explorer/test/explorer.test.mjs"
	"$here/test/load.test.mjs"
	"$here/test/arbiters.test.mjs"
	"$here/test/launcher.test.mjs"
	"$here/test/indexer.test.mjs"
	"$here/test/testnet.test.mjs"
	"$here/test/postgres.test.mjs"
	"$here/test/dev-clock.test.mjs"
	"$ALLMENDE_ROOT/explorer/test/events.test.mjs"
	"$here/test/network.test.mjs"
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
# The cargo tests of a full run go on in the background beside the end-to-end files (below).
beside_pid=""
beside_times=""
e2e_seconds=""
# Kills a process and everything it started (cargo, rustc, the test binaries). The process
# is stopped first, so that it starts nothing new while its children are killed.
kill_tree() {
	local child
	kill -STOP "$1" 2>/dev/null || true
	for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
	kill "$1" 2>/dev/null || true
	kill -CONT "$1" 2>/dev/null || true
}
report() {
	if [ -n "$beside_pid" ] && kill -0 "$beside_pid" 2>/dev/null; then
		echo "== stopping the cargo tests that ran beside the end-to-end tests" >&2
		kill_tree "$beside_pid"
	fi
	phase ""
	if [ -n "$e2e_seconds" ]; then phases+=("$(printf '%5d s  %s' "$e2e_seconds" "  of which the end-to-end files")"); fi
	if [ -n "$beside_times" ] && [ -s "$beside_times" ]; then
		while IFS= read -r line; do phases+=("$line"); done <"$beside_times"
	fi
	echo "== phase times" >&2
	printf '%s\n' "${phases[@]}" >&2
	printf '%5d s  total\n' "$SECONDS" >&2
	# Last, where a reader of the log's end sees it: why end-to-end tests failed.
	if [ -n "${ALLMENDE_E2E_FAILURES:-}" ] && [ -s "$ALLMENDE_E2E_FAILURES" ]; then
		echo "== the failing end-to-end tests, first failure first (their whole reports above)" >&2
		cat "$ALLMENDE_E2E_FAILURES" >&2
	fi
}
trap report EXIT

phase "set-up (scripts/setup.sh)"
"$here/setup.sh"
# Again: setup.sh may have just installed mold, which env.sh links with when present; a
# build without it now would be rebuilt whole by the next one with it.
source "$here/env.sh"

phase "formatting (cargo fmt --check, .rustfmt.toml)"
cargo fmt --all -- --check

phase "build (release: node + WASM runtime + agent)"
cargo build --release --locked --workspace

if $quick; then
	phase "cargo test"
	cargo test --release --locked --workspace
	# The files that start no network; the rest (and the benchmark tests) only in a full run.
	phase "end-to-end tests without a network (node --test)"
	node "$here/test/run.mjs" "$ALLMENDE_ROOT/explorer/test/events.test.mjs" "$here/test/network.test.mjs"
	echo "== quick: benchmark tests and the end-to-end tests on networks skipped" >&2
	exit 0
fi

# The upgrade test's network starts on the previous release's runtime: built once from the
# git history (in a target directory of its own: 136 s on this machine on 2026-12-05 with
# nothing else running, the crates already downloaded by the build) and kept in
# $HOME/.cache/allmende/runtimes.
phase "previous runtime (scripts/previous-runtime.sh, kept once built)"
ALLMENDE_PREVIOUS_RUNTIME=$("$here/previous-runtime.sh" "$(grep -v -e '^#' -e '^[[:space:]]*$' "$here/test/previous-runtime" | head -n 1)")
export ALLMENDE_PREVIOUS_RUNTIME

phase "explorer build (esbuild)"
node "$ALLMENDE_ROOT/explorer/build.mjs"

# The end-to-end files wait for blocks most of the time: with six networks the two cores
# were 70-85 % idle. The cargo tests use that idle time, at the lowest CPU priority so the
# nodes and agents always come first. They run as three strands side by side, so that no
# core waits on a strand while the other has work (one after the other they took 1,441 s on a
# fresh machine, 2026-12-03, against the files' 986 s):
# - the agent's CPU-feature tests (QEMU, the longest run): their binary is compiled first, on
#   its own, and runs beside everything below;
# - every other test binary, run directly once compiled (`cargo test` would hold the build
#   directory while they run);
# - the benchmark tests' compile of both pallets with `runtime-benchmarks`, beside that run.
# The networks run copies of the binaries: `cargo test` may build the node or the agent again
# (dev-dependencies can add features to their dependencies, and the agent's integration
# tests use its binary), and a new binary must not replace one under a running network.
phase "end-to-end tests (node --test), the cargo tests beside them"
bin_dir="$CARGO_TARGET_DIR/e2e-bin"
mkdir -p "$bin_dir"
cp -f "$ALLMENDE_NODE_BIN" "$ALLMENDE_AGENT_BIN" "$bin_dir/"
# The runtime the node embeds, which the upgrade test enacts on its network.
cp -f "$CARGO_TARGET_DIR/release/wbuild/allmende-runtime/allmende_runtime.compact.compressed.wasm" "$bin_dir/"
export ALLMENDE_NODE_BIN="$bin_dir/allmende-node" ALLMENDE_AGENT_BIN="$bin_dir/allmende-agent"
export ALLMENDE_RUNTIME_WASM="$bin_dir/allmende_runtime.compact.compressed.wasm"
# A new runtime is compiled into the wasmtime cache once, by one development node, before the
# first wave of networks starts: otherwise their 28 nodes each compile it at once (8 s of CPU
# each in 2026-12, more as the runtime grows), and on a fresh machine one network missed its
# 120 s to the first finalized block (2026-12-05, after governance grew the runtime by 29 %).
# The node is stopped once it has imported its first block, which needs the compiled runtime.
if [ -n "${ALLMENDE_WASMTIME_CACHE:-}" ]; then
	warm_dir=$(mktemp -d /tmp/allmende-warm-XXXXXX)
	"$ALLMENDE_NODE_BIN" --dev --base-path "$warm_dir/node" --wasmtime-cache "$ALLMENDE_WASMTIME_CACHE" \
		--rpc-port 0 --listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus --no-telemetry \
		>"$warm_dir/log" 2>&1 &
	warm_pid=$!
	warm_start=$SECONDS
	until grep -q "Imported #1" "$warm_dir/log"; do
		if ! kill -0 "$warm_pid" 2>/dev/null || ((SECONDS - warm_start > 120)); then
			echo "== the runtime was not compiled into the wasmtime cache; the networks compile it" >&2
			tail -5 "$warm_dir/log" >&2
			break
		fi
		sleep 0.2
	done
	kill "$warm_pid" 2>/dev/null || true
	wait "$warm_pid" 2>/dev/null || true
	echo "== runtime compiled into the wasmtime cache in $((SECONDS - warm_start)) s" >&2
	rm -rf "$warm_dir"
fi
export ALLMENDE_E2E_FAILURES="$CARGO_TARGET_DIR/e2e-failures.txt"
: >"$ALLMENDE_E2E_FAILURES"
beside_log="$CARGO_TARGET_DIR/cargo-tests-beside.log"
beside_times="$CARGO_TARGET_DIR/cargo-tests-beside.times"
: >"$beside_times"
beside_built="$CARGO_TARGET_DIR/cargo-tests-beside.built"
beside_cpu="$CARGO_TARGET_DIR/cargo-tests-beside.cpu"
beside_run="$CARGO_TARGET_DIR/cargo-tests-beside.run"
beside_list="$CARGO_TARGET_DIR/cargo-tests-beside.list"
# The test binaries a `cargo test --no-run --message-format=json` built, a line each: the
# package's directory (where cargo would run it), a tab, the binary, a tab, the test target.
test_binaries() {
	node -e '
		const path = require("node:path");
		for (const line of require("node:fs").readFileSync(0, "utf8").split("\n")) {
			if (!line.startsWith("{")) continue;
			const m = JSON.parse(line);
			if (m.reason === "compiler-artifact" && m.profile.test && m.executable)
				console.log([path.dirname(m.manifest_path), m.executable, m.target.name].join("\t"));
		}'
}
# Runs test binaries (lines of test_binaries) one after another, from their package's
# directory as cargo would, all of them even when one fails; fails if any failed.
run_test_binaries() {
	local dir exe target ok=true
	while IFS=$'\t' read -r dir exe target; do
		echo "== running $target ($exe)"
		(cd "$dir" && exec nice -n 19 "$exe" </dev/null) || { echo "== FAILED: $target"; ok=false; }
	done
	$ok
}
(
	set -euo pipefail
	took() { printf '%5d s  %s\n' $((SECONDS - $1)) "  beside: $2 (nice 19)" >>"$beside_times"; }
	cpu_pid=""
	run_pid=""
	# A failing step ends this shell: the tests it started must not outlive it.
	trap 'for p in $cpu_pid $run_pid; do kill_tree "$p"; done' EXIT
	start=$SECONDS
	nice -n 19 cargo test --release --locked --workspace --test cpu_features --no-run \
		--message-format=json-render-diagnostics >"$beside_built"
	cpu_tests=$(test_binaries <"$beside_built" | awk -F'\t' '$3 == "cpu_features"')
	if [ -z "$cpu_tests" ]; then
		echo "cargo built no test binary for agent/tests/cpu_features.rs" >&2
		exit 1
	fi
	took "$start" "compiling the CPU-feature tests"
	cpu_start=$SECONDS
	run_test_binaries <<<"$cpu_tests" >"$beside_cpu" 2>&1 &
	cpu_pid=$!
	start=$SECONDS
	nice -n 19 cargo test --release --locked --workspace --no-run \
		--message-format=json-render-diagnostics >"$beside_built"
	took "$start" "compiling the other test binaries"
	test_binaries <"$beside_built" | awk -F'\t' '$3 != "cpu_features"' >"$beside_list"
	if ! grep -q $'\tpallet_compute_market$' "$beside_list"; then
		echo "cargo named none or not all of the test binaries: $(cat "$beside_list")" >&2
		exit 1
	fi
	(
		start=$SECONDS
		ok=true
		run_test_binaries <"$beside_list" >"$beside_run" 2>&1 || ok=false
		took "$start" "the other test binaries, run beside the benchmark tests"
		$ok
	) &
	run_pid=$!
	start=$SECONDS
	# Each benchmark run once in the pallets' mocks; in the same build (try-runtime adds
	# features to crates this build compiles anyway), the market's storage migration tests,
	# those with pre- and post-upgrade checks through them (`try_on_runtime_upgrade`).
	nice -n 19 cargo test --release --locked -p pallet-compute-market -p pallet-data-registry -p pallet-finality-votes \
		--features pallet-compute-market/runtime-benchmarks,pallet-data-registry/runtime-benchmarks,pallet-finality-votes/runtime-benchmarks,pallet-compute-market/try-runtime \
		-- benchmarking the_upgrade
	took "$start" "benchmark tests and the migrations' try-runtime checks (compile and run)"
	run_ok=true
	wait "$run_pid" || run_ok=false
	run_pid=""
	echo "== the test binaries (all but the CPU-feature tests):"
	cat "$beside_run"
	cpu_ok=true
	wait "$cpu_pid" || cpu_ok=false
	cpu_pid=""
	took "$cpu_start" "CPU-feature tests (agent/tests/cpu_features.rs), beside all of the above"
	echo "== agent/tests/cpu_features.rs, run beside the other cargo tests:"
	cat "$beside_cpu"
	$run_ok && $cpu_ok
) >"$beside_log" 2>&1 &
beside_pid=$!
echo "== cargo tests started beside the end-to-end tests; their output: $beside_log" >&2

e2e_ok=true
node "$here/test/run.mjs" --concurrency 7 "${files[@]}" || e2e_ok=false
e2e_seconds=$((SECONDS - phase_start))

echo "== end-to-end tests done after $e2e_seconds s; waiting for the cargo tests beside them" >&2
beside_ok=true
wait "$beside_pid" || beside_ok=false
beside_pid=""
echo "== output of the cargo tests (ran beside the end-to-end tests)" >&2
cat "$beside_log" >&2
if ! $e2e_ok || ! $beside_ok; then
	$e2e_ok || echo "== FAILED: end-to-end tests (their report above)" >&2
	$beside_ok || echo "== FAILED: cargo tests (their output above)" >&2
	exit 1
fi
