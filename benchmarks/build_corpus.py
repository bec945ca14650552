"""Benchmark: parallel corpus build into a store, against one pass of spaCy's rule tokenizer.

    PYTHONPATH=. python benchmarks/build_corpus.py [CORPUS] [--sizes 1000,10000,all] [--jobs N] [--extract-only]

For each size (the first N articles of the corpus) it builds a fresh store in a fresh process and
prints articles/s, wall time, peak RSS (getrusage: the build process, its worker processes, and
their sum) and the quads in the store. Then it times one single-process pass of
``spacy.blank("vi")`` with the rule tokenizer (``nlp.make_doc``) over the texts of the largest size,
and prints the ratios build / tokenizer pass and time(all) / time(10k). With ``--extract-only`` it also times
the build's reading and extraction alone (the same worker pool, nothing written): what is left of the build
time without the store.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _subset(corpus: Path, n: int | None, where: Path) -> Path:
    """The first ``n`` records of ``corpus`` as a plain .jsonl file (all of it when n is None)."""
    if n is None:
        return corpus
    out = where / f"first-{n}.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def _peak_rss_mb() -> dict:
    """Peak RSS of this process and of its largest (finished) child, and CPU seconds of both."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"rss_self_mb": me.ru_maxrss / 1024, "rss_children_mb": kids.ru_maxrss / 1024,
            "rss_sum_mb": (me.ru_maxrss + kids.ru_maxrss) / 1024,
            "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "cpu_self": me.ru_utime + me.ru_stime, "cpu_children": kids.ru_utime + kids.ru_stime}


def one_build(path: str, store: str, jobs: int | None) -> dict:
    sys.path.insert(0, str(REPO))
    from graphkit.pipeline import build_into

    t = time.perf_counter()
    r = build_into([path], store, jobs=jobs)
    wall = time.perf_counter() - t
    return {"articles": len(r.articles), "problems": len(r.problems), "quads": r.quads, "wall": wall,
            "load": os.getloadavg()[0], **_peak_rss_mb()}


def one_extraction(path: str, jobs: int | None) -> dict:
    """The build's reading and extraction alone: the same worker pool, chunks and window as ``build_into``, what the
    workers send back dropped (no store, no resolution). The part of the build time the store does not take."""
    sys.path.insert(0, str(REPO))
    from graphkit.kg.store import default_jobs
    from graphkit.pipeline import _chunks, _extract_and_write, _extract_chunk, _start_pool

    jobs = max(1, jobs or default_jobs())
    t = time.perf_counter()
    pool = _start_pool(jobs) if jobs > 1 else None
    problems: list = []
    done = [0]
    _extract_and_write(_chunks([path], 10_000_000, 64, None, problems), _extract_chunk, True, pool, jobs,
                       lambda items: done.__setitem__(0, done[0] + len(items)))
    if pool is not None:
        pool.shutdown(wait=True)
    return {"articles": done[0], "wall": time.perf_counter() - t, "load": os.getloadavg()[0], **_peak_rss_mb()}


def one_tokenizer_pass(path: str) -> dict:
    import spacy

    texts = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    texts.append(json.loads(line)["text"])
                except (ValueError, KeyError, TypeError):
                    continue
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.make_doc("warm up")
    t = time.perf_counter()
    tokens = 0
    for text in texts:
        tokens += len(nlp.make_doc(text))
    return {"texts": len(texts), "tokens": tokens, "wall": time.perf_counter() - t, "load": os.getloadavg()[0],
            **_peak_rss_mb()}


def _child(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter, so peak RSS is that measurement's own."""
    out = subprocess.run([sys.executable, __file__, f"--{kind}", *args], check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--sizes", default="1000,10000,all")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    ap.add_argument("--one-build", nargs=2, metavar=("INPUT", "STORE"), help=argparse.SUPPRESS)
    ap.add_argument("--one-tokenizer", metavar="INPUT", help=argparse.SUPPRESS)
    ap.add_argument("--one-extraction", metavar="INPUT", help=argparse.SUPPRESS)
    ap.add_argument("--extract-only", action="store_true",
                    help="also time reading and extraction alone (no store) on the largest size")
    a = ap.parse_args()
    if a.one_extraction:
        print(json.dumps(one_extraction(a.one_extraction, a.jobs)))
        return
    if a.one_build:
        print(json.dumps(one_build(*a.one_build, a.jobs)))
        return
    if a.one_tokenizer:
        print(json.dumps(one_tokenizer_pass(a.one_tokenizer)))
        return

    from graphkit.kg.store import default_jobs

    corpus = Path(a.corpus)
    sizes = [None if s == "all" else int(s) for s in a.sizes.split(",")]
    print(f"corpus {corpus}, {a.jobs or default_jobs()} worker process(es), {os.cpu_count()} core(s)")
    builds = {}
    with tempfile.TemporaryDirectory(prefix="gk-bench-") as tmp:
        tmp = Path(tmp)
        for n in sizes:
            path = _subset(corpus, n, tmp)
            args = [str(path), str(tmp / f"store-{n or 'all'}")] + (["--jobs", str(a.jobs)] if a.jobs else [])
            b = _child("one-build", *args)
            builds[n] = b
            print(f"build {b['articles']:>6} articles: {b['wall']:8.1f} s  {b['articles'] / b['wall']:6.1f} articles/s  "
                  f"peak RSS {b['rss_self_mb']:.0f} MB parent + {b['rss_children_mb']:.0f} MB largest worker "
                  f"= {b['rss_sum_mb']:.0f} MB  {b['quads']} quads  CPU {b['cpu']:.0f} s "
                  f"({b['cpu_self']:.0f} s this process + {b['cpu_children']:.0f} s workers)  "
                  f"({b['problems']} input problems, load average {b['load']:.1f})")
        largest = sizes[-1]
        if a.extract_only:
            x = _child("one-extraction", str(_subset(corpus, largest, tmp)), *(["--jobs", str(a.jobs)] if a.jobs else []))
            print(f"reading and extraction alone {x['articles']:>6} articles: {x['wall']:8.1f} s  "
                  f"CPU {x['cpu']:.0f} s ({x['cpu_self']:.0f} s this process + {x['cpu_children']:.0f} s workers)  "
                  f"(no store; load average {x['load']:.1f})")
        tok = _child("one-tokenizer", str(_subset(corpus, largest, tmp)))
    print(f"tokenizer pass {tok['texts']:>6} texts:    {tok['wall']:8.1f} s  {tok['texts'] / tok['wall']:6.1f} texts/s  "
          f"({tok['tokens']} tokens, one process, reading excluded, load average {tok['load']:.1f})")
    big = builds[largest]
    print(f"build / tokenizer pass ({big['articles']} articles): {big['wall'] / tok['wall']:.2f}  (target <= 1.2)")
    if 10000 in builds and largest != 10000:
        print(f"time({big['articles']}) / time(10000): {big['wall'] / builds[10000]['wall']:.2f}  "
              f"(articles ratio {big['articles'] / builds[10000]['articles']:.2f}; target <= 4)")


if __name__ == "__main__":
    main()
