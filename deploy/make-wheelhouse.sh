#!/bin/bash
# Fills a folder with every Python package file the kiosk needs (requirements/app.txt, hashes checked), so that
# deploy/install-kiosk.sh --wheelhouse DIR can install a kiosk that has no network. Run it on a connected Debian 12
# machine of the kiosk's architecture (uname -m), from the checkout; copy DIR and the checkout to the kiosk.
#     deploy/make-wheelhouse.sh DIR
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

[ $# -eq 1 ] || {
    printf 'usage: deploy/make-wheelhouse.sh DIR\n' >&2
    exit 2
}
mkdir -p "$1"
# Debian's python3 with pip: the same interpreter and platform tags the kiosk's venv will have.
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
/usr/bin/python3 -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip download --disable-pip-version-check --no-cache-dir --quiet --only-binary=:all: \
    --require-hashes -r "$REPO/requirements/app.txt" --dest "$1"
printf '==> %s holds %s files for %s on %s; install with: deploy/install-kiosk.sh --wheelhouse %s\n' \
    "$1" "$(find "$1" -maxdepth 1 -type f | wc -l)" "$(/usr/bin/python3 --version)" "$(uname -m)" "$1"
