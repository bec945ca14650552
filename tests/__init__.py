"""graphkit's tests, laid out as the package is (tests/query/ for graphkit/query/, …).

Shared fixtures are in ``tests/conftest.py``; the places tests read from are here."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
