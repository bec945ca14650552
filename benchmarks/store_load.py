"""Benchmark: what writing a store costs on its own, apart from extraction.

    PYTHONPATH=. python benchmarks/store_load.py STORE [--repeat 2] [--named-only]

Dumps every quad of STORE (made by ``graphkit build … --into STORE``: its article graphs, its other named graphs
and the merged default graph) as N-Quads, then times Oxigraph bulk-loading those lines, as the build does
(``lenient``, one load), into a fresh store on disk and into a store in memory. Prints the lines, the wall time and
the CPU seconds of this process (Oxigraph's loader and RocksDB's threads included) for each. The on-disk figure is
the least CPU a build of the same store spends writing it, whatever the extraction costs. ``--named-only`` loads
the named graphs alone (no merged default graph): what a store that left the merge to its questions would cost.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _timed(load) -> tuple[float, float]:
    c, t = _cpu(), time.perf_counter()
    load()
    return time.perf_counter() - t, _cpu() - c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", help="a store made by 'graphkit build … --into STORE'")
    ap.add_argument("--repeat", type=int, default=2, help="loads of each kind (default 2)")
    ap.add_argument("--named-only", action="store_true", help="load the named graphs only, not the merged default graph")
    a = ap.parse_args(argv)
    import pyoxigraph as ox

    if not (Path(a.store) / "CURRENT").exists():
        sys.exit(f"{a.store}: not a store (no RocksDB CURRENT file); make one with "
                 "'graphkit build INPUT --into STORE'")
    source = ox.Store.read_only(a.store)
    if a.named_only:
        data = b"".join(str(q).encode("utf-8") + b" .\n" for q in source.quads_for_pattern(None, None, None, None)
                        if not isinstance(q.graph_name, ox.DefaultGraph))
    else:
        data = source.dump(format=ox.RdfFormat.N_QUADS)
    lines = data.count(b"\n")
    what = "named graphs only" if a.named_only else "named graphs and the merged default graph"
    print(f"{a.store}: {lines:,} lines of N-Quads ({len(data) / 1e6:.0f} MB), {what}")
    with tempfile.TemporaryDirectory(prefix="graphkit-store-load-") as tmp:
        for k in range(a.repeat):
            target = Path(tmp) / f"store-{k}"
            store = ox.Store(str(target))
            wall, cpu = _timed(lambda: store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True))
            print(f"on disk    {wall:6.2f} s wall  {cpu:6.2f} s CPU  {cpu / lines * 1e6:5.2f} µs CPU a line")
            del store
            shutil.rmtree(target)
        for _ in range(a.repeat):
            store = ox.Store()
            wall, cpu = _timed(lambda: store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True))
            print(f"in memory  {wall:6.2f} s wall  {cpu:6.2f} s CPU  {cpu / lines * 1e6:5.2f} µs CPU a line")
            del store
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
