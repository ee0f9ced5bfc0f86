#!/usr/bin/env bash
# Times the agent's ONNX workloads against onnxruntime on the same models, inputs and thread
# count, and prints a Markdown table with the ratio per model (agent README, "Speed").
#
#   scripts/bench-workloads.sh [--agent PATH] [--runs N] [--rows convs,mlp,encoder,decoder] [--json]
#
# The agent is timed as a provider runs a job: `allmende-agent exec` as a whole process (its
# worker, the model's loading and preparation, the run and the result document). onnxruntime
# is timed from creating its session (loading the model file) to the end of the run, on one
# thread, as the agent's worker uses one. Best of --runs (3) each. onnxruntime's outputs are
# rounded as the agent rounds them and compared with the agent's result. The decoder row runs
# a text-generation pipeline (64 tokens, greedy) against onnxruntime's session and the same
# loop over its key-value cache; it compares the tokens, and the log-probabilities before the
# first other token.
#
# onnxruntime is installed, by hash, into a virtual environment of its own under
# ~/.cache/allmende/bench-venv; nothing else needs Python.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
venv="${ALLMENDE_BENCH_VENV:-$HOME/.cache/allmende/bench-venv}"
requirements="$here/bench-workloads/requirements.txt"
if [[ ! -x "$venv/bin/python" ]] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
	echo "== installing onnxruntime into $venv" >&2
	rm -rf "$venv"
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
		--only-binary :all: -r "$requirements"
	cp "$requirements" "$venv/requirements.txt"
fi
exec "$venv/bin/python" "$here/bench-workloads/bench.py" \
	--agent "${ALLMENDE_AGENT_BIN:-$CARGO_TARGET_DIR/release/allmende-agent}" "$@"
