"""The agent's ONNX workloads against onnxruntime: run by scripts/bench-workloads.sh."""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnxruntime

# The rows: the agent's `example-model --kind` and what the table calls it.
ROWS = {
    "convs": "8 × conv 3×3, 64 ch, 112×112",
    "mlp": "dense 768 → 2048 → 2048 → 8192",
    "encoder": "transformer encoder, 4 layers, 128 × 256",
    "decoder": "decoder, 6 layers, width 512, 64 tokens greedy",
}

# The decoder row: its example kind and the tokens it generates.
DECODER_KIND = "bench-decoder"
NEW_TOKENS = 64


def rounded(x):
    """A float as the agent writes it: a multiple of 1e-4, rounded half away from zero."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return int(math.copysign(math.floor(abs(x) * 10_000.0 + 0.5), x))


def best(runs, f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - start)
    return min(times), value


def run_agent(agent, model, tensor):
    out = subprocess.run(
        [agent, "exec", "--model", model, "--input", tensor],
        check=True,
        capture_output=True,
    )
    return out.stdout.splitlines()[0]


def run_ort(model, tensor):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        model, options, providers=["CPUExecutionProvider"]
    )
    name = session.get_inputs()[0].name
    return session.run(None, {name: np.load(tensor)})


def run_ort_decoder(model, prompt):
    """Greedy generation as the agent's text-generation pipeline does it: the prompt in one
    pass with an empty cache, then each chosen token alone with the cache; log-probabilities
    in float64. Gives the tokens and their log-probabilities."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        model, options, providers=["CPUExecutionProvider"]
    )
    caches = [i for i in session.get_inputs() if i.name.startswith("past_key_values.")]
    cache = {i.name: np.zeros((1, i.shape[1], 0, i.shape[3]), np.float32) for i in caches}
    ids, past, tokens, logprobs = list(prompt), 0, [], []
    while True:
        n = len(ids)
        feed = {
            "input_ids": np.array([ids], np.int64),
            "attention_mask": np.ones((1, past + n), np.int64),
            "position_ids": np.arange(past, past + n, dtype=np.int64)[None, :],
            **cache,
        }
        names = [o.name for o in session.get_outputs()]
        outs = dict(zip(names, session.run(None, feed)))
        row = outs["logits"][0, -1].astype(np.float64)
        lp = row - row.max() - math.log(np.exp(row - row.max()).sum())
        chosen = int(np.argmax(lp))
        tokens.append(chosen)
        logprobs.append(rounded(float(lp[chosen])))
        if len(tokens) == NEW_TOKENS:
            return tokens, logprobs
        cache = {i.name: outs[i.name.replace("past_key_values.", "present.")] for i in caches}
        past, ids = past + n, [chosen]


def compare_generation(document, tokens, logprobs):
    """How many generated tokens differ between the agent's result and onnxruntime's, and
    by how many units of 1e-4 the log-probabilities of the tokens before the first other one
    differ at most."""
    doc = json.loads(document)
    if doc.get("status") != "ok":
        raise SystemExit(f"the agent's result is a failure: {document[:200]!r}")
    if len(doc["tokens"]) != len(tokens):
        raise SystemExit(f"the agent generated {len(doc['tokens'])} tokens, onnxruntime {len(tokens)}")
    differ = sum(a != b for a, b in zip(doc["tokens"], tokens))
    first = next((i for i, (a, b) in enumerate(zip(doc["tokens"], tokens)) if a != b), len(tokens))
    most = max((abs(a - b) for a, b in zip(doc["logprobs"][:first], logprobs[:first])), default=0)
    return differ, most


def compare(document, outputs):
    """How many values differ between the agent's result and onnxruntime's outputs rounded
    the agent's way, and by how many units of 1e-4 at most."""
    doc = json.loads(document)
    if doc.get("status") != "ok":
        raise SystemExit(f"the agent's result is a failure: {document[:200]!r}")
    differ, most = 0, 0
    if len(doc["outputs"]) != len(outputs):
        raise SystemExit(f"{len(doc['outputs'])} outputs against onnxruntime's {len(outputs)}")
    for out, ort in zip(doc["outputs"], outputs):
        if list(out["shape"]) != list(ort.shape) or len(out["values"]) != ort.size:
            raise SystemExit(f"shapes differ: {out['shape']} against {list(ort.shape)}")
        for a, b in zip(out["values"], (rounded(float(x)) for x in ort.ravel())):
            if a != b:
                differ += 1
                if isinstance(a, int) and isinstance(b, int):
                    most = max(most, abs(a - b))
                else:
                    most = math.inf
    return differ, most


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agent", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = args.rows.split(",")
    unknown = [r for r in rows if r not in ROWS]
    if unknown:
        parser.error(f"unknown rows {unknown}; the rows are {list(ROWS)}")
    if not os.access(args.agent, os.X_OK):
        parser.error(f"no agent binary at {args.agent} (build it, or give --agent)")
    results = []
    with tempfile.TemporaryDirectory(prefix="allmende-bench-") as tmp:
        for row in rows:
            model = os.path.join(tmp, f"{row}.onnx")
            # The input: a tensor, or the decoder's prompt.
            tensor = os.path.join(tmp, f"{row}.txt" if row == "decoder" else f"{row}.npy")
            if row == "decoder":
                # A text-generation pipeline of the decoder; onnxruntime gets the prompt's
                # tokens from the agent's result.
                tokenizer = os.path.join(tmp, "tokenizer.json")
                subprocess.run(
                    [args.agent, "example-model", "--kind", DECODER_KIND, model,
                     "--tokenizer", tokenizer, "--input", tensor],
                    check=True,
                )
                pipeline = os.path.join(tmp, "decoder.pipeline")
                subprocess.run(
                    [args.agent, "pipeline", "text-generation", model, tokenizer, pipeline,
                     "--max-new-tokens", str(NEW_TOKENS)],
                    check=True,
                    capture_output=True,
                )
                workload = pipeline
            else:
                subprocess.run(
                    [args.agent, "example-model", "--kind", row, model, "--input", tensor],
                    check=True,
                )
                workload = model
            print(f"== {row}: {ROWS[row]}, {os.path.getsize(model):,} bytes", file=sys.stderr)
            agent_s, document = best(args.runs, lambda: run_agent(args.agent, workload, tensor))
            if row == "decoder":
                prompt = json.loads(document)["prompt"]
                ort_s, (tokens, logprobs) = best(args.runs, lambda: run_ort_decoder(model, prompt))
                differ, most = compare_generation(document, tokens, logprobs)
                outputs = [np.zeros(NEW_TOKENS)]
            else:
                ort_s, outputs = best(args.runs, lambda: run_ort(model, tensor))
                differ, most = compare(document, outputs)
            results.append(
                {
                    "row": row,
                    "model": ROWS[row],
                    "bytes": os.path.getsize(model),
                    "agent_s": agent_s,
                    "onnxruntime_s": ort_s,
                    "ratio": agent_s / ort_s,
                    "outputs": sum(int(np.prod(o.shape)) for o in outputs),
                    "differ": differ,
                    "max_units": most,
                }
            )
            print(f"   agent {agent_s:.3f} s, onnxruntime {ort_s:.3f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"onnxruntime {onnxruntime.__version__}, one thread, best of {args.runs}\n")
    print("| model | size | agent `exec` | onnxruntime load + run | ratio | outputs that differ (most, in 1e-4) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['model']} | {r['bytes'] / 1e6:.1f} MB | {r['agent_s']:.3f} s "
            f"| {r['onnxruntime_s']:.3f} s | {r['ratio']:.1f}× "
            f"| {r['differ']:,} of {r['outputs']:,} ({r['max_units']}) |"
        )


if __name__ == "__main__":
    main()
