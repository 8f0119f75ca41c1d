#!/usr/bin/env bash
# Builds .venv with the reference implementations the differential tests compare against:
# jiwer and sacreBLEU (the upstream metric libraries), Whisper's own EnglishTextNormalizer
# (openai-whisper without its torch dependencies) and pycocoevalcap (the METEOR 1.5 and
# Stanford PTB tokenizer jars). Versions are the ones the parity goldens were produced with.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${ISAQ_VENV:-.venv}
if [ ! -x "$venv/bin/python3" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  jiwer==4.0.0 sacrebleu==2.6.0 regex more-itertools pycocoevalcap==1.2
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps openai-whisper==20250625
# whisper/__init__.py imports torch; the tests import whisper/normalizers on its own.
"$venv/bin/python3" - <<'PY'
import importlib.util, pathlib, sys
spec = importlib.util.find_spec("whisper")
root = pathlib.Path(spec.submodule_search_locations[0])
sys.path.insert(0, str(root))
from normalizers import EnglishTextNormalizer
assert EnglishTextNormalizer()("Mr. Smith's 1,000 colours") == "mister smith is 1000 colors"
import jiwer, sacrebleu
print("python reference ready:", sys.version.split()[0], "jiwer", jiwer.__version__ if hasattr(jiwer, "__version__") else "?", "sacrebleu", sacrebleu.__version__)
PY
