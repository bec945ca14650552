"""How many suspicious facts a corpus graph holds: the counts of graphkit.query.checks on a store or graph file.

    python benchmarks/corpus_check.py STORE [STORE …]          # stores made by 'graphkit build … --into'
    python benchmarks/corpus_check.py --build 3000 --build all  # build the first N corpus articles (or all) now
    python benchmarks/corpus_check.py --build 3000 --examples 10

With --build, the first N articles of ../shared/corpus/baomoi-2017.jsonl.gz are built with this checkout's
code into a temporary store (removed afterwards), and checked. Prints one column per graph: the count of each
check (crowded-posts, climbed-posts, several-provinces, foreign-holders, self-implementation, code-spellings),
then the examples of each when --examples is given.
"""
from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def build(n: str, tmp: Path) -> Path:
    """A store of the first ``n`` corpus articles ('all': every one), built by the CLI of this checkout."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: the corpus is not here (it is in ../shared, beside a developer's checkout)")
    source = CORPUS
    if n != "all":
        source = tmp / f"first-{n}.jsonl.gz"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as f, gzip.open(source, "wt", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= int(n):
                    break
                out.write(line)
    store = tmp / f"store-{n}"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphkit.cli", "build", str(source), "--into", str(store), "--quiet"],
                   check=True, cwd=ROOT)
    print(f"built {n} articles into {store} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graphs", nargs="*", help="stores or graph files to check")
    ap.add_argument("--build", action="append", default=[], metavar="N",
                    help="build the first N corpus articles ('all' for every one) and check them")
    ap.add_argument("--examples", type=int, default=0, help="print this many examples of each check")
    a = ap.parse_args()
    from graphkit.query.checks import NAMES, run_checks

    tmp = Path(tempfile.mkdtemp(prefix="gk-check-"))
    try:
        graphs = [(g, Path(g)) for g in a.graphs] + [(f"first {n}", build(n, tmp)) for n in a.build]
        if not graphs:
            ap.error("give a store, a graph file or --build N")
        results = {name: {r.name: r for r in run_checks(path, examples=a.examples)} for name, path in graphs}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    width = max(len(n) for n in NAMES) + 2
    print("check".ljust(width) + "".join(name.rjust(16) for name, _ in graphs))
    for check in NAMES:
        print(check.ljust(width) + "".join(str(results[name][check].count).rjust(16) for name, _ in graphs))
    if a.examples:
        for name, _ in graphs:
            for check in NAMES:
                r = results[name][check]
                if r.examples:
                    print(f"\n{name} — {check} ({r.description}):")
                    for e in r.examples:
                        print(f"  {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
