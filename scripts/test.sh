#!/usr/bin/env bash
# The whole test suite, from a fresh machine: system packages the tests need, the Python
# reference implementations (jiwer, sacreBLEU, Whisper's normalizer, pycocoevalcap's jars),
# then `swift test`. Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Parity tests read the upstream reference data in place (never copied into the project); without
# it they would all fail, so say where it is expected before building anything.
shared="${ISAQ_SHARED:-../shared}"
if [ ! -d "$shared/isa-bench" ]; then
  echo "scripts/test.sh: the ISA-Bench reference data is not at $shared/isa-bench;" >&2
  echo "  clone isaq beside shared/ (so ../shared/isa-bench exists) or set ISAQ_SHARED=/path/to/shared" >&2
  exit 2
fi

need=()
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
python3 -m venv --help >/dev/null 2>&1 || need+=(python3-venv)
# The browser check renders the HTML report and SVG figures in headless Chromium.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

scripts/python-reference.sh
swift test "$@"
scripts/browser-check.sh
