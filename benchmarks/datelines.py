"""How many corpus articles get a date: from their page (a record's date, a date stamp) or from the
dateline of their lead (graphkit.ingest.metadata.dated), with and without the build's --year/--dates.

    python benchmarks/datelines.py                        # the whole corpus, --year 2017
    python benchmarks/datelines.py --year 2017 --limit 3000
    python benchmarks/datelines.py --dates 2017-02-01..2017-07-31
    python benchmarks/datelines.py CORPUS.jsonl.gz --year 2017

Reads the articles as 'graphkit build' does (graphkit.ingest.iter_articles), so the figures are the
build's. Prints the counts, the dated articles by month and the time the dateline step takes an article.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(CORPUS), help="a .jsonl/.jsonl.gz corpus [../shared's]")
    ap.add_argument("--year", type=int, default=None, help="the year the articles were published in [2017]")
    ap.add_argument("--dates", default=None, help="or a range of days, YYYY-MM-DD..YYYY-MM-DD")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()
    if not Path(args.corpus).exists():
        sys.exit(f"{args.corpus}: no such corpus (../shared/corpus is beside a developer's checkout)")
    from graphkit.ingest import iter_articles
    from graphkit.ingest.article import InputProblem
    from graphkit.ingest.metadata import date_window, dated

    window = date_window(args.year if args.year or args.dates else 2017, args.dates)
    counts = collections.Counter()
    months = collections.Counter()
    spent = 0.0
    for item in iter_articles([args.corpus]):
        if isinstance(item, InputProblem):
            counts["unreadable"] += 1
            continue
        counts["articles"] += 1
        if args.limit and counts["articles"] > args.limit:
            counts["articles"] -= 1
            break
        if item.date is not None:
            counts["dated by the page"] += 1
            continue
        t = time.perf_counter()
        bare = dated(item)
        got = dated(item, window)
        spent += time.perf_counter() - t
        if bare.date is not None:
            counts["dateline with its year (no --year needed)"] += 1
        if got.date is not None:
            counts["dated from the dateline with the window"] += 1
            months[got.date.strftime("%Y-%m")] += 1
    n = counts["articles"]
    print(f"{args.corpus}: window {window[0]} .. {window[1]}")
    for k in ("articles", "dated by the page", "dateline with its year (no --year needed)",
              "dated from the dateline with the window", "unreadable"):
        v = counts[k]
        print(f"  {k:<44}{v:>7}  {v / n:6.1%}" if n else f"  {k:<44}{v:>7}")
    undated = n - counts["dated by the page"] - counts["dated from the dateline with the window"]
    print(f"  {'still undated':<44}{undated:>7}  {undated / max(n, 1):6.1%}")
    print("  by month: " + ", ".join(f"{m} {c}" for m, c in sorted(months.items())))
    print(f"  dateline step: {spent / max(n, 1) * 1e6:.0f} µs an article (both calls)")


if __name__ == "__main__":
    main()
