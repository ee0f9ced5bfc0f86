#!/usr/bin/env bash
# Launches a local Allmende devnet: 4 validators (alice, bob, charlie, dave) on loopback.
#   ./scripts/devnet.sh [--nodes N] [--dev] [--fresh]   start (builds the node if needed)
#   ./scripts/devnet.sh status                           heads of every node
#   ./scripts/devnet.sh stop                             stop cleanly; the chain is kept
#   ./scripts/devnet.sh join NAME [--suri SURI]          add a validator node (keys, candidacy)
# Run with --help for every option.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"

case "${1:-start}" in
stop | status | join | -h | --help)
	exec node "$here/lib/devnet-cli.mjs" "$@"
	;;
esac

"$here/setup.sh"
# Again: setup.sh may have just installed mold, which env.sh links with when present; a
# build without it now would be rebuilt whole by the next one with it.
source "$here/env.sh"
echo "Building the node (release; the first build takes most of an hour on 2 cores) ..." >&2
(cd "$ALLMENDE_ROOT" && cargo build --release --locked --workspace)
node "$ALLMENDE_ROOT/explorer/build.mjs"
exec node "$here/lib/devnet-cli.mjs" "$@"
