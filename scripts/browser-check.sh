#!/usr/bin/env bash
# Renders isaq's HTML report and SVG figures in headless Chromium and checks what a reader sees:
# each PNG is not blank, the report's tables are in the DOM, the radar has one polygon per
# checkpoint. Needs chromium (apt-get install -y chromium) and python3 (standard library only).
#
#   scripts/browser-check.sh [ISAQ_BINARY] [OUT_DIR]
#
# Defaults: .build/debug/isaq and .build/browser-check (PNGs land there; they are not committed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
isaq="${1:-$root/.build/debug/isaq}"
out="${2:-$root/.build/browser-check}"
published="${ISAQ_SHARED:-$root/../shared}/isa-bench/upstream/published/collect_all_metrics.json"
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$chromium" ] || { echo "chromium not found: apt-get install -y chromium" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
db="$out/published.db"

"$isaq" ingest published "$published" --db "$db" > /dev/null
"$isaq" report --db "$db" --html "$out/report.html" --cohort isa-bench-2025 > /dev/null
"$isaq" plot radar --db "$db" --cohort isa-bench-2025 -o "$out/radar-ifr.svg"
"$isaq" plot radar --db "$db" --cohort isa-bench-2025 --metric rps -o "$out/radar-rps.svg"
"$isaq" plot area --db "$db" --cohort isa-bench-2025 -o "$out/area.svg"
"$isaq" demo --dir "$out/demo" --samples 12 > /dev/null
"$isaq" plot forgetting --db "$out/demo/demo.db" --after demo-model@sft -o "$out/forgetting.svg"
checkpoints=$("$isaq" cohort show isa-bench-2025 --db "$db" --format csv | tail -n +2 | wc -l)

browser() { "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$@" 2> /dev/null; }

# Not blank: decode the PNG (standard library only) and require some pixels far from white.
not_blank() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, colour = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and colour in (2, 6), "unexpected PNG format"
        bpp = 3 if colour == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride, prev, dark = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    dark += sum(1 for x in range(0, stride, bpp) if min(line[x:x + 3]) < 200)
    prev = line
share = dark / (w * h)
print(f"{sys.argv[1]}: {w}x{h}, {share:.2%} ink")
sys.exit(0 if share > 0.005 else 1)
PY
}

fail=0
for name in report.html radar-ifr.svg radar-rps.svg area.svg forgetting.svg; do
    size="1200,900"; [ "$name" = report.html ] && size="1280,4000"
    browser --window-size="$size" --screenshot="$out/${name%.*}.png" "file://$out/$name" > /dev/null
    not_blank "$out/${name%.*}.png" || { echo "FAIL: $name renders blank" >&2; fail=1; }
done

dom="$(browser --dump-dom "file://$out/report.html")"
tables=$(grep -o '<table class="paper"' <<< "$dom" | wc -l)
for t in leaderboard axis-ifr axis-rps area d-asr f-aac n-asr; do
    grep -q "data-table=\"$t\"" <<< "$dom" || { echo "FAIL: table $t missing from the report DOM" >&2; fail=1; }
done
echo "report.html: $tables paper tables in the DOM"

for radar in radar-ifr radar-rps; do
    polygons=$(browser --dump-dom "file://$out/$radar.svg" | grep -o 'class="series"' | wc -l)
    echo "$radar.svg: $polygons polygons for $checkpoints checkpoints"
    [ "$polygons" -eq "$checkpoints" ] || { echo "FAIL: $radar has $polygons polygons, expected $checkpoints" >&2; fail=1; }
done
[ $fail -eq 0 ] && echo "browser check passed; PNGs in $out"
exit $fail
