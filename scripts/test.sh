#!/usr/bin/env bash
# The whole test suite, from a fresh machine: system packages the tests need, the Python
# reference implementations (jiwer, sacreBLEU, Whisper's normalizer, pycocoevalcap's jars),
# then `swift test`. Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

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
