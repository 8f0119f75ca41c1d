#!/usr/bin/env bash
# Compiles every kind of `isaq export table --format latex` (published cohort, plus the demo's
# forgetting table) in one article with pdflatex, to prove the output is valid LaTeX.
# Needs pdflatex and booktabs (apt-get install -y texlive-latex-base texlive-latex-recommended).
#
#   scripts/latex-check.sh [ISAQ_BINARY] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
isaq="${1:-$root/.build/debug/isaq}"
out="${2:-$root/.build/latex-check}"
published="${ISAQ_SHARED:-$root/../shared}/isa-bench/upstream/published/collect_all_metrics.json"
command -v pdflatex > /dev/null || { echo "pdflatex not found" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
"$isaq" ingest published "$published" --db "$out/p.db" > /dev/null
"$isaq" demo --dir "$out/demo" --samples 12 > /dev/null
{
    printf '%s\n' '\documentclass{article}' '\usepackage[utf8]{inputenc}' '\usepackage[T1]{fontenc}' '\usepackage{booktabs}' \
        '\usepackage[landscape,margin=1cm]{geometry}' '\begin{document}' '\tiny'
    for kind in class variant axis rps area leaderboard; do
        "$isaq" export table --db "$out/p.db" --cohort isa-bench-2025 --kind "$kind" --format latex \
            --caption "isaq export table --kind $kind & friends_1" --label "tab:$kind"
    done
    "$isaq" export table --db "$out/demo/demo.db" --kind forgetting --after demo-model@sft --format latex --caption "forgetting" --label tab:forgetting
    printf '%s\n' '\end{document}'
} > "$out/tables.tex"
(cd "$out" && pdflatex -interaction=nonstopmode -halt-on-error tables.tex > pdflatex.log 2>&1) || { grep -A3 '^!' "$out/pdflatex.log" >&2; exit 1; }
echo "pdflatex compiled $(grep -c '\\begin{table}' "$out/tables.tex") tables: $out/tables.pdf"
