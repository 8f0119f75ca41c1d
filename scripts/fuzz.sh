#!/usr/bin/env bash
# Fuzzes isaq's input handling (JSON parser, JSONL line checks, result-file parser + judges)
# with libFuzzer and AddressSanitizer for SECONDS (default 60).
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
# New interesting inputs go to .build-fuzz/corpus (the committed seeds in Fuzz/corpus are read
# only); crashes, leaks and timeouts are written to .build-fuzz/artifacts/ and fail the script.
# Replay an input without the sanitizer toolchain: swift run isaq-fuzz FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=.build-fuzz
swift build --product isaq-fuzz --build-path "$build" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
bin="$build/debug/isaq-fuzz"
mkdir -p "$build/corpus" "$build/artifacts"
# -rss_limit_mb: a 100 MB input must not need gigabytes; -timeout: a single input over 10 s is a hang.
exec "$bin" "$build/corpus" Fuzz/corpus \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict=Fuzz/isaq.dict -artifact_prefix="$build/artifacts/" -print_final_stats=1 "$@"
