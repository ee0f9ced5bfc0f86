#!/usr/bin/env bash
# Prints the path of the WASM runtime of an earlier commit, building it the first time:
#   ./scripts/previous-runtime.sh COMMIT
# The upgrade test starts a network on that runtime and upgrades it to this checkout's. The
# commit's tree comes from this repository's history (`git archive`); tools/previous-runtime
# builds its `runtime` crate as that runtime's own build script would, in a target directory
# of its own (so the workspace's runtime is never overwritten), and the result is kept in
# $HOME/.cache/allmende/runtimes/<commit>.wasm. Build output goes to stderr.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [ $# -ne 1 ]; then
	echo "usage: $0 COMMIT" >&2
	exit 2
fi
commit=$(git -C "$ALLMENDE_ROOT" rev-parse --verify --quiet "$1^{commit}") || {
	echo "$1 is not a commit of this repository (a shallow clone lacks the history)" >&2
	exit 1
}
cache="$HOME/.cache/allmende/runtimes"
out="$cache/$commit.wasm"
if [ -s "$out" ]; then
	echo "$out"
	exit 0
fi
mkdir -p "$cache"
work=$(mktemp -d "$cache/build-$commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
git -C "$ALLMENDE_ROOT" archive "$commit" | tar -x -C "$work"
mkdir "$work/out"
echo "building the runtime of $commit to WASM (a target directory of its own; minutes the first time)" >&2
started=$SECONDS
CARGO_TARGET_DIR="$HOME/.cache/allmende/previous-runtime" \
	WASM_BUILD_WORKSPACE_HINT="$work" \
	ALLMENDE_RUNTIME_MANIFEST="$work/runtime/Cargo.toml" \
	WASM_TARGET_DIRECTORY="$work/out" \
	cargo build --release --locked --manifest-path "$ALLMENDE_ROOT/tools/previous-runtime/Cargo.toml" >&2
built=("$work"/out/*.wasm)
if [ ${#built[@]} -ne 1 ] || [ ! -s "${built[0]}" ]; then
	echo "the build left no runtime in $work/out" >&2
	exit 1
fi
# The same file system: the file appears whole or not at all.
mv "${built[0]}" "$out"
echo "built $out ($(stat -c %s "$out") bytes) in $((SECONDS - started)) s" >&2
echo "$out"
