"""Benchmark: what one worker spends extracting an article, in CPU time and in instructions.

    PYTHONPATH=. python benchmarks/extraction_cost.py [CORPUS] [--articles 500] [--rev REV]

Wall and CPU times on a shared machine vary by a quarter from run to run, which hides a change of a
few percent. The count of instructions does not: this runs the worker's loop (reading the corpus
record, extraction, the article's N-Triples and person mentions; ``graphkit.pipeline._extract_chunk``)
over the first ``--articles`` corpus records under ``valgrind --tool=cachegrind``, once with the loop
and once without (imports, tokenizer, regex compilation), and prints the difference per article,
with a fixed hash seed and one BLAS thread, so two runs of the same code print the same figure.
It also prints the CPU milliseconds per article of the same loop without valgrind (min of 3).

``--rev REV`` measures a git revision too (checked out in a temporary worktree), for an A/B.
Needs valgrind (``apt install valgrind``).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"

_LOOP = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from graphkit.ingest.readers import iter_articles
from graphkit.pipeline import _extract_chunk, _init_worker
items = list(iter_articles([sys.argv[2]], defer=True))
_init_worker()
_extract_chunk(items[:30])  # regexes compiled, caches warm: as in a worker after its first chunk
if sys.argv[3] == "loop":
    for i in range(0, len(items), 64):
        _extract_chunk(items[i:i + 64], True)
elif sys.argv[3] == "time":
    best = 1e9
    for _ in range(3):
        t = time.process_time()
        for i in range(0, len(items), 64):
            _extract_chunk(items[i:i + 64], True)
        best = min(best, time.process_time() - t)
    print(f"{1000 * best / len(items):.3f}")
"""


def _sample(corpus: Path, n: int, where: Path) -> Path:
    import gzip

    out = where / f"first-{n}.jsonl"
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def _instructions(script: Path, repo: Path, sample: Path, mode: str) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, str(script), str(repo), str(sample), mode],
                         capture_output=True, text=True, env=env, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def measure(repo: Path, sample: Path, n: int, script: Path) -> tuple[float, float]:
    """(million instructions per article, CPU ms per article) of the worker loop of ``repo``."""
    loop = _instructions(script, repo, sample, "loop") - _instructions(script, repo, sample, "none")
    ms = subprocess.run([sys.executable, str(script), str(repo), str(sample), "time"], capture_output=True,
                        text=True, check=True).stdout.strip().splitlines()[-1]
    return loop / n / 1e6, float(ms)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--rev", help="also measure this git revision (an A/B)")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("needs valgrind to count instructions: apt install valgrind")
    corpus = Path(a.corpus)
    if not corpus.exists():
        raise SystemExit(f"{corpus}: no such corpus; give the path of a .jsonl or .jsonl.gz corpus")
    with tempfile.TemporaryDirectory(prefix="gk-cost-") as tmp:
        tmp = Path(tmp)
        script = tmp / "loop.py"
        script.write_text(_LOOP, encoding="utf-8")
        sample = _sample(corpus, a.articles, tmp)
        n = sum(1 for _ in sample.open(encoding="utf-8"))
        repos = [("working tree", REPO)]
        if a.rev:
            wt = tmp / "rev"
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(wt), a.rev], check=True,
                           capture_output=True)
            repos.insert(0, (a.rev, wt))
        try:
            for name, repo in repos:
                mi, ms = measure(repo, sample, n, script)
                print(f"{name}: {mi:.2f} M instructions/article, {ms:.3f} ms CPU/article "
                      f"(first {n} articles, one process)")
        finally:
            if a.rev:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tmp / "rev")],
                               capture_output=True)


if __name__ == "__main__":
    main()
