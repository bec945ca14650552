"""How the build scales with the corpus: the 2017 corpus replicated under new ids, built with each engine.

    PYTHONPATH=. python benchmarks/scale.py --copies 1 3 --engines local dask dask:64
    PYTHONPATH=. python benchmarks/scale.py --copies 10 --engines dask --serve     # once: ~10x the 1x time
    PYTHONPATH=. python benchmarks/scale.py --serve-only STORE                     # questions + server RSS

For each number of copies N, ``WORK/corpus-Nx.jsonl`` holds the 35,432 articles of
``../shared/corpus/baomoi-2017.jsonl.gz`` N times, copy k > 0 under ids ``ID-rK`` (the same text:
the same officials named N times as often, the hard case for person resolution and for the questions
about a person). Each engine (``local``: ``graphkit build --into``'s process pool; ``dask``: a local
Dask cluster with the default partitions; ``dask:P``: with P partitions) builds it into a new store
in a child process, while this process samples every process of the build (``/proc``, every 0.2 s):
peak RSS and CPU seconds of each. Printed, and written to ``WORK/scale.json``: wall seconds, CPU of
every process, per-task CPU seconds and articles (Dask), bytes written (parts, mentions tables),
shuffle bytes (the mentions tables), the load time, the store's size on disk and bytes per quad,
and time(N×)/time(1×) per engine.

``--serve``: then the shipped questions on the largest store, opened in place (``graphkit.query.ask``,
5 runs each, median), and the RSS of ``graphkit serve``'s processes (parent, zygote, workers) after
every question was asked through HTTP.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def replicate(copies: int, work: Path) -> Path:
    out = work / f"corpus-{copies}x.jsonl"
    if out.exists():
        return out
    tmp = out.with_suffix(".tmp")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        lines = [json.loads(x) for x in f if x.strip()]
    with open(tmp, "w", encoding="utf-8") as o:
        for k in range(copies):
            for r in lines:
                rec = dict(r, id=f"{r['id']}-r{k}") if k else r
                o.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.rename(out)
    return out


# ── sampling every process of a build ─────────────────────────────────────────────────────────────
def _stat(pid: int):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
        rest = s[s.rindex(")") + 2:].split()
        ppid, utime, stime, rss = int(rest[1]), int(rest[11]), int(rest[12]), int(rest[21])
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        return ppid, (utime + stime) / TICK, rss * PAGE, cmd
    except (OSError, ValueError, IndexError):
        return None


class Sampler:
    """Peak RSS and last CPU seconds of ``root`` and all its descendants."""

    def __init__(self, root: int, every: float = 0.2):
        self.root, self.every, self.procs = root, every, {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self):
        while not self._stop.is_set():
            table = {}
            for d in os.listdir("/proc"):
                if d.isdigit():
                    st = _stat(int(d))
                    if st:
                        table[int(d)] = st
            tree, grew = {self.root}, True
            while grew:
                grew = False
                for pid, (ppid, *_r) in table.items():
                    if ppid in tree and pid not in tree:
                        tree.add(pid)
                        grew = True
            for pid in tree:
                if pid in table:
                    _pp, cpu, rss, cmd = table[pid]
                    p = self.procs.setdefault(pid, {"pid": pid, "cmd": cmd[:160], "peak_rss": 0, "cpu": 0.0})
                    p["peak_rss"] = max(p["peak_rss"], rss)
                    p["cpu"] = max(p["cpu"], cpu)
            self._stop.wait(self.every)

    def stop(self):
        self._stop.set()
        self._t.join()
        return sorted(self.procs.values(), key=lambda p: p["pid"])


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run_build(engine: str, corpus: Path, store: Path, stats_file: Path) -> dict:
    """``engine`` builds ``corpus`` into ``store`` in a child process, sampled."""
    shutil.rmtree(store, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, __file__, "_build", engine, str(corpus), str(store), str(stats_file)], env=env)
    sampler = Sampler(p.pid)
    rc = p.wait()
    wall = time.perf_counter() - t0
    procs = sampler.stop()
    if rc != 0:
        raise SystemExit(f"{engine} build of {corpus} failed ({rc})")
    stats = json.loads(stats_file.read_text())
    size = _du(store)
    return {"engine": engine, "corpus": corpus.name, "wall": wall, "processes": procs,
            "peak_rss_max": max(x["peak_rss"] for x in procs), "cpu_total": sum(x["cpu"] for x in procs),
            "store_bytes": size, "bytes_per_quad": size / max(1, stats["quads"]), **stats}


def _child_build(engine: str, corpus: str, store: str, stats_file: str) -> None:
    """(in the child) the build itself; its result's figures to ``stats_file``."""
    t0 = time.perf_counter()
    if engine == "local":
        from graphkit.pipeline import build_into

        r = build_into([corpus], store)
    else:
        from graphkit.engines.dask import build_into_dask

        parts = int(engine.split(":")[1]) if ":" in engine else None
        r = build_into_dask([corpus], store, partitions=parts)
    out = {"articles": len(r.articles), "quads": r.quads, "renamed": len(r.renamed),
           "possibly_same": r.possibly_same, "problems": len(r.problems), "inner_wall": time.perf_counter() - t0}
    s = dict(r.stats)
    if s:
        tasks = s.pop("tasks", [])
        buckets = s.pop("buckets", [])
        out["dask"] = s
        out["tasks"] = {"n": len(tasks), "cpu": [round(t["cpu"], 3) for t in tasks],
                        "articles": [t["articles"] for t in tasks],
                        "cpu_per_article": sum(t["cpu"] for t in tasks) / max(1, sum(t["articles"] for t in tasks)),
                        "bytes_written": sum(t["bytes"] for t in tasks),
                        "worker_peak_rss": max((t["peak_rss"] for t in tasks), default=0)}
        out["buckets"] = {"n": len(buckets), "cpu": sum(b["cpu"] for b in buckets),
                          "bytes_read": sum(b["bytes_read"] for b in buckets)}
    Path(stats_file).write_text(json.dumps(out))


# ── serving ─────────────────────────────────────────────────────────────────────────────────────
def serve_figures(store: Path, repeat: int = 5) -> dict:
    import urllib.parse
    import urllib.request

    from graphkit.query import open_graph
    from graphkit.query.catalog import ask, question, questions

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from queries import CORPUS_PARAMS

    with open("/proc/loadavg") as f:
        load_before = f.read().split()[:3]
    t0 = time.perf_counter()
    g = open_graph(store)
    opened = time.perf_counter() - t0
    times = {}
    for name in sorted(questions()):
        vals = CORPUS_PARAMS.get(name, {})
        r = ask(g, name, **vals)  # warm-up
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            ask(g, name, **vals)
            runs.append((time.perf_counter() - t) * 1000)
        times[name] = {"median_ms": statistics.median(runs), "max_ms": max(runs), "rows": len(r.rows)}
    with open("/proc/loadavg") as f:
        load_after = f.read().split()[:3]
    # the server's processes
    from graphkit.query.server import make_server

    srv = make_server(store, port=0, timeout=60.0, workers=2)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    try:
        for name in sorted(questions()):
            q = question(name)
            text = q.render(CORPUS_PARAMS.get(name, {}))
            for _ in range(2):
                url = srv.url + "?" + urllib.parse.urlencode({"query": text})
                with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}),
                                            timeout=120) as resp:
                    resp.read()
        rss = {}
        for pid in [os.getpid(), srv.pool._zygote, *[w.pid for w in srv.pool._all]]:
            with open(f"/proc/{pid}/status") as f:
                st = dict(ln.split(":", 1) for ln in f if ":" in ln)
            rss[pid] = {"rss": int(st["VmRSS"].split()[0]) * 1024, "peak": int(st["VmHWM"].split()[0]) * 1024}
    finally:
        srv.close()
    return {"store": str(store), "open_s": opened, "questions": times, "server_rss": rss,
            "store_bytes": _du(store), "loadavg": [load_before, load_after]}


def main(argv=None) -> None:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "_build":
        return _child_build(*sys.argv[2:6])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, nargs="*", default=[1, 3])
    ap.add_argument("--engines", nargs="*", default=["local", "dask", "dask:64"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/graphkit-scale"))
    ap.add_argument("--serve", action="store_true", help="then the questions and the server's RSS on the largest store")
    ap.add_argument("--serve-only", type=Path, metavar="STORE")
    ap.add_argument("--keep", action="store_true", help="keep every store (default: the largest of each engine)")
    a = ap.parse_args(argv)
    if a.serve_only:
        print(json.dumps(serve_figures(a.serve_only), indent=1))
        return
    a.work.mkdir(parents=True, exist_ok=True)
    results_file = a.work / "scale.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else []
    with open("/proc/loadavg") as f:
        print("load average before:", f.read().split()[:3])
    for n in a.copies:
        corpus = replicate(n, a.work)
        for engine in a.engines:
            store = a.work / f"store-{engine.replace(':', '-')}-{n}x"
            r = run_build(engine, corpus, store, a.work / "stats.json")
            with open("/proc/loadavg") as f:
                r["loadavg_after"] = f.read().split()[:3]
            r["copies"] = n
            results.append(r)
            results_file.write_text(json.dumps(results, indent=1))
            print(f"{n:>3}x {engine:<8} {r['articles']:>8,} articles {r['wall']:8.1f} s  "
                  f"cpu {r['cpu_total']:8.1f} s  peak RSS {r['peak_rss_max'] / 2**20:7.0f} MB  "
                  f"store {r['store_bytes'] / 2**20:7.0f} MB ({r['bytes_per_quad']:.0f} B/quad)  "
                  f"load {r.get('dask', {}).get('load_wall', float('nan')):6.1f} s  "
                  f"shuffle {r.get('dask', {}).get('shuffle_bytes', 0) / 2**20:6.1f} MB", flush=True)
            if not a.keep and n != max(a.copies):
                shutil.rmtree(store, ignore_errors=True)
    by = {}
    for r in results:
        by.setdefault(r["engine"], {})[r["copies"]] = r["wall"]
    for engine, walls in by.items():
        if 1 in walls:
            print(engine, {f"time({n}x)/time(1x)": round(w / walls[1], 2) for n, w in sorted(walls.items()) if n != 1})
    if a.serve:
        big = max(a.copies)
        store = a.work / f"store-{a.engines[0].replace(':', '-')}-{big}x"
        s = serve_figures(store)
        (a.work / f"serve-{big}x.json").write_text(json.dumps(s, indent=1))
        print(json.dumps(s, indent=1))


if __name__ == "__main__":
    main()
