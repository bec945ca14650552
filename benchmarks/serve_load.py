"""A bounded closed-loop load test of ``graphkit serve`` on loopback.

    python benchmarks/serve_load.py                         # the seed facts; 16 then 64 clients, 20 s each
    python benchmarks/serve_load.py --graph store/ --clients 64 --seconds 30
    python benchmarks/serve_load.py --heavy 2               # and: 2 clients loop a 3-way join, 1 cheap client

The server runs as ``graphkit serve`` in its own process (``--workers``, ``--timeout`` as given); the
clients are threads of this process, each with one keep-alive connection, sending its next query as
soon as the previous one is answered (closed loop) until ``--seconds`` have passed. The queries are a
mix of cheap ones (a list of persons, an ASK, lookups) and medium ones (the shipped research questions,
a join grouped by predicate), each asked once first on the quiet server: every answer under load is
compared with that one (JSON results, rows compared as sorted lists). Printed per run: requests per
second, latency p50 / p99 / max, errors (anything but 200, resets, timeouts) and wrong answers.

With ``--heavy N``: N clients loop a 3-way join that runs until the time limit, while one client loops
cheap queries; printed: the cheap client's p50 / p99 and how many it got answered.
The machine is shared: say what else ran when you report figures.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHEAP = [
    "SELECT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name",
    "ASK { ?p a gk:Person }",
    "SELECT ?p ?name WHERE { ?p rdfs:label ?name } ORDER BY ?p ?name LIMIT 20",
]
MEDIUM = [
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?o ?q ?r } GROUP BY ?p ORDER BY ?p",
]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def research_questions() -> list[str]:
    import shlex

    from graphkit.errors import QueryError
    from graphkit.query.catalog import questions

    out = []
    for q in questions().values():
        args = shlex.split(q.example)
        try:
            out.append(q.render({a[2:]: v for a, v in zip(args[::2], args[1::2])}))
        except QueryError:
            continue
    return out


def start_server(graph: str, workers: int, timeout: float, extra: list[str],
                 command: list[str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``command`` (default: ``graphkit serve``) on ``graph`` and a free port; return the process and
    the endpoint's URL. Every line the server writes after that is kept in ``proc.log``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    command = command or [sys.executable, "-m", "graphkit.cli", "serve"]
    proc = subprocess.Popen([*command, graph, "--port", "0", "--workers", str(workers), "--timeout", str(timeout),
                             *extra], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if " at http://" in line:
            url = line.split(" at ", 1)[1].split()[0]
            proc.log = []  # the server's log, drained

            def drain():
                for line in proc.stderr:
                    proc.log.append(line)

            proc.drain = threading.Thread(target=drain, daemon=True)
            proc.drain.start()
            return proc, url
    proc.kill()
    raise SystemExit("the server did not start")


class Client:
    def __init__(self, url: str, timeout: float):
        u = urllib.parse.urlsplit(url)
        self.host, self.port, self.path, self.timeout = u.hostname, u.port, u.path, timeout
        self.conn = None

    def ask(self, query: str) -> tuple[int, bytes]:
        body = urllib.parse.urlencode({"query": query})
        for attempt in (0, 1):  # a kept-alive connection the server closed: reconnect once
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request("GET", f"{self.path}?{body}", headers={"Accept": "application/sparql-results+json"})
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                if attempt:
                    return -1, str(e).encode()
            except OSError as e:
                self.close()
                return -1, str(e).encode()
        return -1, b""

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def canonical(data: bytes):
    doc = json.loads(data)
    if "boolean" in doc:
        return doc["boolean"]
    return sorted(json.dumps(b, sort_keys=True) for b in doc["results"]["bindings"])


def quiet_run(url: str, queries: list[str], timeout: float) -> tuple[dict, dict]:
    """Each query asked once on the quiet server: its answer (canonical) and its time."""
    expected, quiet = {}, {}
    c = Client(url, timeout + 30)
    for q in queries:
        t0 = time.perf_counter()
        status, data = c.ask(q)
        quiet[q] = time.perf_counter() - t0
        if status != 200:
            raise SystemExit(f"the quiet run failed ({status}) on {q[:80]}: {data[:200]!r}")
        expected[q] = canonical(data)
    c.close()
    return expected, quiet


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(url: str, queries: list[str], expected: dict, clients: int, seconds: float, timeout: float) -> dict:
    stop = time.monotonic() + seconds
    lat: list[float] = []
    errors, wrong, samples = [0], [0], []
    lock = threading.Lock()

    def loop(i: int):
        c = Client(url, timeout + 30)
        k = i
        while time.monotonic() < stop:
            q = queries[k % len(queries)]
            k += 1
            t0 = time.perf_counter()
            status, data = c.ask(q)
            dt = time.perf_counter() - t0
            with lock:
                lat.append(dt)
                if status != 200:
                    errors[0] += 1
                    if len(samples) < 3:
                        samples.append(f"{status}: {data[:120]!r}")
                elif canonical(data) != expected[q]:
                    wrong[0] += 1
        c.close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    return {"clients": clients, "requests": len(lat), "rps": len(lat) / elapsed, "p50": pct(lat, 50),
            "p99": pct(lat, 99), "max": max(lat) if lat else float("nan"), "errors": errors[0], "wrong": wrong[0],
            "samples": samples}


def heavy_run(url: str, heavy: int, seconds: float, timeout: float) -> dict:
    stop = time.monotonic() + seconds
    heavy_status: list[int] = []
    cheap: list[float] = []
    cheap_errors = [0]

    def heavy_loop():
        c = Client(url, timeout + 30)
        while time.monotonic() < stop:
            heavy_status.append(c.ask(HEAVY)[0])
        c.close()

    threads = [threading.Thread(target=heavy_loop) for _ in range(heavy)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    c = Client(url, timeout + 30)
    k = 0
    while time.monotonic() < stop:
        t0 = time.perf_counter()
        status, _ = c.ask(CHEAP[k % len(CHEAP)])
        cheap.append(time.perf_counter() - t0)
        cheap_errors[0] += status != 200
        k += 1
    c.close()
    for t in threads:
        t.join()
    return {"heavy": heavy, "heavy_answers": len(heavy_status), "cheap": len(cheap), "cheap_errors": cheap_errors[0],
            "p50": pct(cheap, 50), "p99": pct(cheap, 99), "max": max(cheap) if cheap else float("nan")}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", help="a graph file or store directory (default: the seed facts, written to a temporary .trig)")
    ap.add_argument("--clients", type=int, nargs="+", default=[16, 64], help="client counts, one run each (default: 16 64)")
    ap.add_argument("--seconds", type=float, default=20.0, help="length of each run (default: 20)")
    ap.add_argument("--workers", type=int, default=2, help="graphkit serve --workers (default: 2)")
    ap.add_argument("--timeout", type=float, default=10.0, help="graphkit serve --timeout (default: 10)")
    ap.add_argument("--heavy", type=int, default=0, help="also run the fairness test with this many heavy clients")
    ap.add_argument("--serve-option", action="append", default=[], metavar="OPTION",
                    help="pass an option to graphkit serve (repeatable), e.g. --serve-option=--fast-lane=0")
    args = ap.parse_args(argv)

    graph = args.graph
    tmp = None
    if graph is None:
        from graphkit import examples
        from graphkit.kg.serialize import write

        tmp = tempfile.TemporaryDirectory(prefix="serve-load-")
        graph = str(write(examples.dataset(), Path(tmp.name) / "seeds.trig"))
    proc, url = start_server(graph, args.workers, args.timeout, args.serve_option)
    try:
        queries = CHEAP + MEDIUM + research_questions()
        expected, quiet = quiet_run(url, queries, args.timeout)
        print(f"graph {graph}; server: --workers {args.workers} --timeout {args.timeout:g} {' '.join(args.serve_option)}")
        print(f"{len(queries)} queries; quiet run: median {statistics.median(quiet.values()) * 1000:.1f} ms, "
              f"max {max(quiet.values()) * 1000:.1f} ms; {os.cpu_count()} CPUs, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6} {'wrong':>5}")
        for n in args.clients:
            r = run(url, queries, expected, n, args.seconds, args.timeout)
            print(f"{r['clients']:>7} {r['requests']:>8} {r['rps']:>7.1f} {r['p50'] * 1000:>7.1f} {r['p99'] * 1000:>7.1f} "
                  f"{r['max'] * 1000:>7.1f} {r['errors']:>6} {r['wrong']:>5}", flush=True)
            for s in r["samples"]:
                print(f"        e.g. {s}")
        if args.heavy:
            r = heavy_run(url, args.heavy, args.seconds, args.timeout)
            print(f"fairness: {r['heavy']} clients looping a 3-way join ({r['heavy_answers']} answers, each at the time "
                  f"limit) and one cheap client: {r['cheap']} cheap answers, {r['cheap_errors']} errors, p50 "
                  f"{r['p50'] * 1000:.1f} ms, p99 {r['p99'] * 1000:.1f} ms, max {r['max'] * 1000:.1f} ms")
    finally:
        proc.terminate()
        proc.wait(30)
        proc.drain.join(5)
        print("server:", "".join(ln for ln in proc.log[-5:] if "stopped" in ln).strip())
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
