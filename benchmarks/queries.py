"""How fast the research questions answer on a large graph: each question's median time.

    python benchmarks/queries.py                      # the seed facts repeated to >= 1M quads
    python benchmarks/queries.py --graph store/          # the graph of ../shared/corpus (graphkit build --into)
    python benchmarks/queries.py --rdflib-quads 100000   # also time rdflib's SPARQL engine
    python benchmarks/queries.py --graph store/ --open-and-ask   # open + first province-officials, cold

The default graph repeats the facts of graphkit/examples.py (the gold facts of the five seed
articles) under distinct article ids, each copy one day later than the one before, through
graphkit.kg.build.to_dataset, until it holds at least --quads statements. Persons, posts and bodies
are the same in every copy, so the officials of the seeds are named in hundreds of articles each:
the hardest case for the questions about a person.

Each question is asked --repeat times after one warm-up, with the values of its header's example line
(``# example:``, the same the tests and docs use) on the repeated seeds, or with CORPUS_PARAMS (the
corpus's most reported officials) on a corpus graph; the time is
ask()'s: evaluation by Oxigraph and the answer turned into Python values. With --rdflib-quads, the
same questions (LATERAL written as plain joins, which rdflib does not know) run on a graph of that
size with rdflib's own SPARQL engine, each in a forked process stopped after --rdflib-limit seconds.

With --open-and-ask, it measures what a researcher waits for: in a fresh process (graphkit already
imported), open_graph(STORE) and the first ask(g, 'province-officials', province=…) (default
Nghệ An), then the same question again; --repeat fresh processes, the median and each run printed.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import math
import os
import pickle
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: the parameters for the graph of ../shared/corpus (baomoi 2017): its most reported officials and directives
CORPUS_PARAMS = {
    "article-reports": {"article": "22450000"},
    "body-posts": {"body": "Tỉnh ủy Nghệ An"},
    "career": {"person": "Nguyen Xuan Phuc"},
    "citation-chain": {"directive": "332/2016/TT-BTC"},
    "co-attendance": {"person": "Nguyen Xuan Phuc"},
    "directive-implementers": {"directive": "35/NQ-CP"},
    "meetings": {"person": "Nguyen Xuan Phuc"},
    "post-holder-on": {"post": "Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "date": "2017-12-31"},
    "post-holders": {"post": "Phó Thủ tướng Chính phủ"},
    "province-directives": {"province": "Hà Nội"},
    "province-officials": {"province": "Thành phố Hồ Chí Minh"},
    "who-says": {"person": "Nguyễn Xuân Phúc", "post": "*"},
}


def seed_facts():
    from graphkit import examples

    return examples.facts()


def repeated_dataset(min_quads: int):
    """(rdflib Dataset, copies): the seed facts repeated until the dataset holds >= ``min_quads`` quads."""
    from graphkit.kg.build import article_quads, to_dataset

    base = seed_facts()
    per_copy = sum(len(article_quads(f)) for f in base)
    copies = max(1, math.ceil(min_quads / per_copy))
    facts = []
    for k in range(copies):
        for f in base:
            a = f.article
            # copy 0 keeps the article's id: the questions' examples (``# example:``) name it
            art = dataclasses.replace(a, id=f"{a.id}-{k:04d}" if k else a.id, date=a.date + dt.timedelta(days=k) if a.date else None)
            facts.append(dataclasses.replace(f, article=art))
    return to_dataset(facts), copies


def params_for(name: str, question, table: dict | None = None) -> dict:
    """The values ``name`` is asked with: from ``table`` (CORPUS_PARAMS), else the example of its header."""
    if table and name in table:
        return table[name]
    return question.example_values()


def time_questions(graph, repeat: int, table: dict | None = None) -> list[tuple[str, int, float, float]]:
    from graphkit.query import ask, questions

    out = []
    for name, q in questions().items():
        params = params_for(name, q, table)
        ask(graph, name, **params)  # warm-up
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = ask(graph, name, **params)
            times.append(time.perf_counter() - t0)
        out.append((name, len(result), statistics.median(times), max(times)))
    return out


# ── rdflib, for comparison ─────────────────────────────────────────────────────────────────────
def without_lateral(text: str) -> str:
    """``LATERAL { X }`` → ``X``: the same answers for the patterns the questions use, in plain SPARQL 1.1."""
    from graphkit.query.engine import _blank

    while True:
        bare = _blank(text)
        m = re.search(r"\bLATERAL\s*\{", bare)
        if not m:
            return text
        depth, i = 0, m.end() - 1
        for i in range(m.end() - 1, len(bare)):
            depth += {"{": 1, "}": -1}.get(bare[i], 0)
            if depth == 0:
                break
        inner = text[m.end():i]
        if inner.strip().upper().startswith("SELECT"):  # a subquery keeps its braces
            inner = "{" + inner + "}"
        else:
            inner = inner.rstrip() + " ."
        text = text[:m.start()] + inner + text[i + 1:]


def rdflib_times(dataset, limit: float) -> dict[str, float | None]:
    """Each question once with rdflib (in a forked child killed after ``limit`` s): seconds, or None."""
    from graphkit.kg.namespaces import PREFIXES
    from graphkit.query import question, questions

    dataset.default_union = True
    out = {}
    for name in questions():
        q = question(name)
        text = without_lateral(q.render(params_for(name, q)))
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            try:
                t0 = time.perf_counter()
                rows = len(list(dataset.query(text, initNs=PREFIXES)))
                os.write(w, pickle.dumps((time.perf_counter() - t0, rows)))
            except Exception as e:  # reported, not timed
                os.write(w, pickle.dumps((f"{type(e).__name__}: {e}", 0)))
            os._exit(0)
        os.close(w)
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline and os.waitpid(pid, os.WNOHANG) == (0, 0):
            time.sleep(0.05)
        data = b""
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        with os.fdopen(r, "rb") as fh:
            data = fh.read()
        out[name] = pickle.loads(data)[0] if data else None
    return out


def open_and_ask(graph: Path, province: str, in_memory: bool | None = None) -> tuple[float, float, float, int]:
    """Seconds to open ``graph`` for querying, to answer province-officials the first time and again; rows."""
    from graphkit.query import ask, open_graph

    t0 = time.perf_counter()
    g = open_graph(graph, in_memory=in_memory)
    t1 = time.perf_counter()
    rows = len(ask(g, "province-officials", province=province))
    t2 = time.perf_counter()
    ask(g, "province-officials", province=province)
    return t1 - t0, t2 - t1, time.perf_counter() - t2, rows


def open_and_ask_runs(graph: Path, province: str, runs: int, in_memory: bool | None = None) -> int:
    """Print open + first province-officials on ``graph``, each run in a fresh process."""
    import json
    import subprocess

    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "import benchmarks.queries as b; import graphkit.query; "
            "print(json.dumps(b.open_and_ask(Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4]))))")
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, str(ROOT), str(graph), province, json.dumps(in_memory)],
                             check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    for opened, first, again, rows in results:
        print(f"  open {opened * 1000:7.1f} ms, first province-officials {first * 1000:7.1f} ms "
              f"({rows} rows), again {again * 1000:6.1f} ms")
    total = statistics.median(r[0] + r[1] for r in results)
    print(f"open + province-officials on {graph}: {total * 1000:.0f} ms (median of {runs} fresh processes; "
          f"province {province})")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quads", type=int, default=1_000_000, help="size of the repeated-seeds graph (default 1,000,000)")
    ap.add_argument("--graph", type=Path, help="benchmark this graph file or store directory instead")
    ap.add_argument("--params", choices=("seeds", "corpus"),
                    help="the questions' parameters: for the repeated seeds (default) or for ../shared/corpus "
                         "(default with --graph)")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--in-place", action="store_true",
                       help="query a store directory where it is even without the merged default graph (an older "
                            "graphkit's store: then the union of its graphs)")
    where.add_argument("--in-memory", action="store_true",
                       help="copy a store directory into memory even when it could be queried in place")
    ap.add_argument("--open-and-ask", action="store_true",
                    help="with --graph: time opening it plus the first province-officials question, in fresh "
                         "processes (--repeat of them, default 5 here)")
    ap.add_argument("--province", default="Nghệ An", help="the province for --open-and-ask (default Nghệ An)")
    ap.add_argument("--repeat", type=int, help="timed runs per question (default 11)")
    ap.add_argument("--rdflib-quads", type=int, default=0, help="also time rdflib on a repeated-seeds graph of this size")
    ap.add_argument("--rdflib-limit", type=float, default=120.0, help="stop an rdflib query after this many seconds")
    ap.add_argument("--budget-ms", type=float, default=200.0, help="the time each question must answer in")
    args = ap.parse_args(argv)
    in_memory = True if args.in_memory else False if args.in_place else None
    if args.open_and_ask:
        if not args.graph:
            ap.error("--open-and-ask needs --graph STORE")
        return open_and_ask_runs(args.graph, args.province, args.repeat or 5, in_memory)
    args.repeat = args.repeat or 11

    from graphkit.query import open_graph

    t0 = time.perf_counter()
    if args.graph:
        graph = open_graph(args.graph, in_memory=in_memory)
        what = f"{args.graph}" + (" (a store queried in place)" if not graph.in_memory else "")
    else:
        dataset, copies = repeated_dataset(args.quads)
        built = time.perf_counter() - t0
        t0 = time.perf_counter()
        graph = open_graph(dataset)
        what = f"the seed facts repeated {copies} times (built in {built:.0f} s)"
        del dataset
    graph.prepare()
    loaded = time.perf_counter() - t0
    gc.collect()  # the building's garbage (rdflib's graphs hold cycles) is not the questions' cost
    gc.freeze()
    quads = graph.quad_count()
    print(f"graph: {what}")
    print(f"       {graph.named_graph_count():,} named graphs, {quads:,} quads, {graph.triple_count():,} distinct "
          f"triples; opened for querying in {loaded:.1f} s")
    print(f"engine: Oxigraph (pyoxigraph {_version('pyoxigraph')}), {args.repeat} runs per question after a warm-up\n")

    preset = args.params or ("corpus" if args.graph else "seeds")
    rows = time_questions(graph, args.repeat, CORPUS_PARAMS if preset == "corpus" else None)
    slow = [r for r in rows if r[2] * 1000 > args.budget_ms]
    rdf = {}
    if args.rdflib_quads:
        ds, copies = repeated_dataset(args.rdflib_quads)
        print(f"rdflib {_version('rdflib')}: the seed facts repeated {copies} times ({len(ds):,} triples in the union), "
              f"one run per question, stopped after {args.rdflib_limit:g} s\n")
        rdf = rdflib_times(ds, args.rdflib_limit)

    head = f"{'question':24} {'rows':>6} {'median ms':>10} {'max ms':>8}"
    if rdf:
        head += f" {'rdflib ms':>11}"
    print(head)
    for name, n, med, worst in rows:
        line = f"{name:24} {n:>6} {med * 1000:>10.1f} {worst * 1000:>8.1f}"
        if rdf:
            t = rdf.get(name)
            if isinstance(t, str):
                print(f"rdflib failed on {name}: {t}", file=sys.stderr)
                t = "failed"
            else:
                t = f"> {args.rdflib_limit:g} s" if t is None else f"{t * 1000:.0f}"
            line += f" {t:>11}"
        print(line)
    print(f"\nslowest median: {max(r[2] for r in rows) * 1000:.1f} ms; budget {args.budget_ms:g} ms: "
          + ("all within" if not slow else f"over: {', '.join(r[0] for r in slow)}"))
    return 1 if slow else 0


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    sys.exit(main())
