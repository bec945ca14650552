"""The endpoint's HTTP layer compared: ``graphkit serve`` (hand-written, a thread a connection) against the
same endpoint on Starlette and uvicorn (``benchmarks/serve_asgi.py``), side by side, on loopback.

    python benchmarks/serve_compare.py --graph STORE                 # both fronts, every scenario
    python benchmarks/serve_compare.py --graph STORE --fronts graphkit uvicorn uvicorn-fast uvicorn-nocap --seconds 10

Both fronts answer with the same :class:`graphkit.query.server.Endpoint` (the same checks, forked query
workers, limits and reserve lane; ``--workers 2 --timeout 10``, read timeout 10 s, at most 256
connections), so only the HTTP layer differs. Scenarios, one after the other on one server a front:

- load: ``benchmarks/serve_load.py``'s closed loop at 16 and 64 clients (req/s, p50/p99/max, errors,
  wrong answers against the quiet run);
- fairness: 2 clients loop a 3-way join (each stopped at the time limit) while a third asks cheap
  queries: the cheap ones' p50 and p99;
- idle: 1,000 connections opened and left silent; a fresh client's answer 1 s later and 13 s later
  (after the read timeout), and how many of the 1,000 the server has closed by then;
- slowloris: 300 connections sending a request head one header line every 2 s; a fresh client's
  answer at 5 s and 14 s; and, one connection each: a head that stops half-way, a body shorter than
  its Content-Length, a body trickled a byte a second (how long the server holds each, up to 30 s,
  and what it answers);
- a negative Content-Length (the answer, and tracebacks in the log);
- 500 clients that send a query and reset the connection before the answer: lines the server writes
  to its log for them (access lines aside), tracebacks, and whether it answers afterwards;
- the front process's resident memory after the quiet run and at its peak (VmHWM); the query
  workers are other processes, the same for both.

``uvicorn-fast`` is uvicorn on httptools and uvloop (``pip install 'uvicorn[standard]'``), instead of
h11 and asyncio. ``uvicorn-nocap`` is uvicorn without ``limit_concurrency`` (the cap makes uvicorn answer 503 to every
request while that many connections are open, idle or not, since it never closes an idle connection
that has sent no request). The machine is shared: say what else ran when you report figures.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import serve_load  # noqa: E402

FRONTS = {
    "graphkit": ([sys.executable, "-m", "graphkit.cli", "serve"], []),
    "uvicorn": ([sys.executable, str(ROOT / "benchmarks" / "serve_asgi.py")], []),
    "uvicorn-nocap": ([sys.executable, str(ROOT / "benchmarks" / "serve_asgi.py")], ["--max-connections", "0"]),
    "uvicorn-fast": ([sys.executable, str(ROOT / "benchmarks" / "serve_asgi.py")], ["--fast"]),
}
READ_TIMEOUT = 10.0
PERSONS_CSV = "/sparql?" + urllib.parse.urlencode({"query": serve_load.CHEAP[0], "format": "csv"})


def memory(pid: int) -> dict:
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                out[key] = int(value.split()[0])
    return out


def fresh(addr, wait: float = 30.0) -> str:
    """A new client's request: 'STATUS in N ms', or what went wrong."""
    t0 = time.monotonic()
    try:
        with socket.create_connection(addr, timeout=wait) as s:
            s.sendall(b"GET /sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Connection: close\r\n\r\n")
            first = s.recv(64).split(b"\r\n", 1)[0].decode("latin-1")
    except OSError as e:
        return f"{type(e).__name__} after {time.monotonic() - t0:.1f} s"
    status = first.split(" ")[1] if first.count(" ") >= 1 else repr(first)
    return f"{status} in {(time.monotonic() - t0) * 1000:.0f} ms"


def closed_count(socks) -> int:
    """How many of ``socks`` the server has closed (end of file or reset; an answer then close counts)."""
    n = 0
    for s in socks:
        try:
            s.setblocking(False)
            while True:
                data = s.recv(65536)
                if not data:
                    n += 1
                    break
        except BlockingIOError:
            pass
        except OSError:
            n += 1
    return n


def idle(addr, n: int = 1000) -> dict:
    socks, failed = [], 0
    for _ in range(n):
        try:
            socks.append(socket.create_connection(addr, timeout=5))
        except OSError:
            failed += 1
    time.sleep(1)
    out = {"connected": len(socks), "connect_failed": failed, "fresh_1s": fresh(addr)}
    out["closed_1s"] = closed_count(socks)
    time.sleep(READ_TIMEOUT + 2)
    out["fresh_13s"] = fresh(addr)
    out["closed_13s"] = closed_count(socks)
    return _released(addr, socks, out)


def slowloris(addr, n: int = 300) -> dict:
    socks = []
    for _ in range(n):
        try:
            s = socket.create_connection(addr, timeout=5)
            s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            socks.append(s)
        except OSError:
            pass
    out, t0 = {"connected": len(socks)}, time.monotonic()
    marks = {5: "fresh_5s", 14: "fresh_14s"}
    k = 0
    while time.monotonic() - t0 < 15:
        for s in socks:
            try:
                s.sendall(b"X-%d: a\r\n" % k)
            except OSError:
                pass
        k += 1
        for at, name in list(marks.items()):
            if time.monotonic() - t0 >= at:
                out[name] = fresh(addr)
                del marks[at]
        time.sleep(max(0.0, 2 - (time.monotonic() - t0) % 2))
    out["closed_15s"] = closed_count(socks)
    return _released(addr, socks, out)


def _released(addr, socks, out: dict) -> dict:
    """``out`` with what a fresh client gets a second after ``socks`` are closed (``fresh_after``)."""
    for s in socks:
        s.close()
    time.sleep(1)
    out["fresh_after"] = fresh(addr)
    return out


def held(addr, first: bytes, trickle: bytes = b"", every: float = 1.0, cap: float = 30.0) -> str:
    """Send ``first``, then ``trickle`` a byte every ``every`` seconds; what the server answers (its status
    line) and after how long it closes, up to ``cap`` seconds."""
    t0 = time.monotonic()
    answer = b""
    with socket.create_connection(addr, timeout=cap) as s:
        s.sendall(first)
        s.settimeout(every if trickle else cap)
        i = 0
        while time.monotonic() - t0 < cap:
            try:
                data = s.recv(65536)
            except TimeoutError:
                if i < len(trickle):
                    try:
                        s.sendall(trickle[i:i + 1])
                    except OSError:
                        break
                    i += 1
                continue
            except OSError as e:
                answer = answer or type(e).__name__.encode()
                break
            if not data:
                break
            answer += data
        else:
            first_line = answer.split(b"\r\n", 1)[0].decode("latin-1")
            return f"still open after {cap:g} s" + (f" ({first_line})" if answer else "")
    line = answer.split(b"\r\n", 1)[0].decode("latin-1") or "closed without an answer"
    return f"{line} after {time.monotonic() - t0:.1f} s"


def slow_requests(addr) -> dict:
    head = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    post = b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\n"
    cases = {"half_head": (head,), "short_body": (post + b"ASK {}",),
             "trickled_body": (post + b"ASK {}", b"#" * 94)}
    out, threads = {}, []
    for name, args in cases.items():
        t = threading.Thread(target=lambda n=name, a=args: out.__setitem__(n, held(addr, *a)))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return out


def negative_length(addr, log: list) -> dict:
    mark = len(log)
    answer = held(addr, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                        b"Content-Length: -1\r\n\r\nASK {}", cap=15)
    time.sleep(0.5)
    return {"answer": answer, "tracebacks": sum("Traceback" in ln for ln in log[mark:])}


def closing_clients(addr, log: list, n: int = 500) -> dict:
    mark = len(log)
    for _ in range(n):
        with socket.create_connection(addr) as s:
            s.sendall(f"GET {PERSONS_CSV} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST on close
    time.sleep(15)  # every query they sent has been answered or stopped (10 s time limit) by now
    lines = log[mark:]
    access = [ln for ln in lines if '"GET /sparql' in ln]
    other = [ln for ln in lines if ln not in access]
    return {"lines": len(lines), "access_lines": len(access), "other_lines": len(other),
            "tracebacks": sum("Traceback" in ln for ln in lines), "fresh_after": fresh(addr),
            "sample": sorted({ln.split(" ", 1)[1].strip() for ln in other})[:4]}


def note(front: str, what: str, figures: dict) -> None:
    print(f"  {front}: {what}: {figures}", file=sys.stderr, flush=True)


SCENARIOS = ("load", "fairness", "idle", "slowloris", "slow", "negative_length", "closing")


def measure(front: str, graph: str, clients: list[int], seconds: float, scenarios=SCENARIOS) -> dict:
    command, extra = FRONTS[front]
    proc, url = serve_load.start_server(graph, 2, 10.0, extra, command=command)
    u = urllib.parse.urlsplit(url)
    addr = (u.hostname, u.port)
    out: dict = {"front": front}
    try:
        queries = serve_load.CHEAP + serve_load.MEDIUM + serve_load.research_questions()
        expected, _ = serve_load.quiet_run(url, queries, 10.0)
        out["answers"] = expected
        out["rss_start_kb"] = memory(proc.pid)["VmRSS"]
        if "load" in scenarios:
            for n in clients:
                r = serve_load.run(url, queries, expected, n, seconds, 10.0)
                out[f"load_{n}"] = {k: r[k] for k in ("rps", "p50", "p99", "max", "errors", "wrong", "samples")}
                note(front, f"{n} clients", out[f"load_{n}"])
        steps = {"fairness": lambda: serve_load.heavy_run(url, 2, seconds, 10.0), "idle": lambda: idle(addr),
                 "slowloris": lambda: slowloris(addr), "slow": lambda: slow_requests(addr),
                 "negative_length": lambda: negative_length(addr, proc.log),
                 "closing": lambda: closing_clients(addr, proc.log)}
        for name, step in steps.items():
            if name in scenarios:
                out[name] = step()
                note(front, name, out[name])
        mem = memory(proc.pid)
        out["rss_end_kb"], out["rss_peak_kb"] = mem["VmRSS"], mem["VmHWM"]
        out["tracebacks"] = sum("Traceback" in ln for ln in proc.log)
        out["log_lines"] = len(proc.log)
    finally:
        proc.terminate()
        proc.wait(60)
        proc.drain.join(5)
        out["stopped"] = "".join(ln for ln in proc.log[-5:] if "stopped" in ln).strip()
    return out


def table(results: list[dict], clients: list[int]) -> str:
    def ms(x):
        return f"{x * 1000:.0f}"

    rows = []
    for n in clients:
        key = f"load_{n}"
        rows += [(f"{n} clients: req/s", lambda r, k=key: f"{r[k]['rps']:.0f}"),
                 (f"{n} clients: p50 / p99 / max ms",
                  lambda r, k=key: f"{ms(r[k]['p50'])} / {ms(r[k]['p99'])} / {ms(r[k]['max'])}"),
                 (f"{n} clients: errors / wrong answers", lambda r, k=key: f"{r[k]['errors']} / {r[k]['wrong']}")]
    rows += [
        ("fairness: cheap p50 / p99 ms (answered)",
         lambda r: f"{ms(r['fairness']['p50'])} / {ms(r['fairness']['p99'])} ({r['fairness']['cheap']})"),
        ("1,000 idle: fresh client at 1 s", lambda r: r["idle"]["fresh_1s"]),
        ("1,000 idle: fresh client at 13 s", lambda r: r["idle"]["fresh_13s"]),
        ("1,000 idle: closed by the server at 1 s / 13 s",
         lambda r: f"{r['idle']['closed_1s']} / {r['idle']['closed_13s']}"),
        ("300 slowloris: fresh client at 5 s / 14 s",
         lambda r: f"{r['slowloris']['fresh_5s']} / {r['slowloris']['fresh_14s']}"),
        ("300 slowloris: closed by the server at 15 s", lambda r: str(r["slowloris"]["closed_15s"])),
        ("head stopped half-way", lambda r: r["slow"]["half_head"]),
        ("body shorter than Content-Length", lambda r: r["slow"]["short_body"]),
        ("body trickled 1 byte/s", lambda r: r["slow"]["trickled_body"]),
        ("Content-Length: -1", lambda r: f"{r['negative_length']['answer']}, "
                                         f"{r['negative_length']['tracebacks']} tracebacks"),
        ("500 resets: log lines (access lines aside) / tracebacks",
         lambda r: f"{r['closing']['other_lines']} / {r['closing']['tracebacks']}"),
        ("500 resets: fresh client after", lambda r: r["closing"]["fresh_after"]),
        ("front RSS MiB: start / peak", lambda r: f"{r['rss_start_kb'] / 1024:.0f} / {r['rss_peak_kb'] / 1024:.0f}"),
        ("tracebacks in the whole log", lambda r: str(r["tracebacks"])),
    ]
    def cell(f, r):
        try:
            return f(r)
        except KeyError:
            return "-"

    rows = [(name, lambda r, f=f: cell(f, r)) for name, f in rows if any(cell(f, r) != "-" for r in results)]
    width = max(len(name) for name, _ in rows)
    cols = [max(len(r["front"]), *(len(f(r)) for _, f in rows)) for r in results]
    lines = [f"{'':<{width}}  " + "  ".join(f"{r['front']:<{c}}" for r, c in zip(results, cols))]
    for name, f in rows:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{f(r):<{c}}" for r, c in zip(results, cols)))
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", required=True, help="a graph file or store directory")
    ap.add_argument("--fronts", nargs="+", default=["graphkit", "uvicorn"], choices=sorted(FRONTS))
    ap.add_argument("--clients", type=int, nargs="+", default=[16, 64])
    ap.add_argument("--seconds", type=float, default=20.0, help="length of each load and fairness run (default: 20)")
    ap.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=SCENARIOS,
                    help="which scenarios to run (default: all)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)

    results = []
    for front in args.fronts:
        print(f"measuring {front} …", file=sys.stderr, flush=True)
        results.append(measure(front, args.graph, args.clients, args.seconds, args.scenarios))
    same = all(r["answers"] == results[0]["answers"] for r in results)
    print(f"graph {args.graph}; --workers 2 --timeout 10, read timeout 10 s, at most 256 connections; "
          f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"quiet answers {'the same' if same else 'DIFFER'} on every front")
    print(table(results, args.clients))
    for r in results:
        print(f"{r['front']}: {r['stopped']}")
    if args.json:
        Path(args.json).write_text(json.dumps([{k: v for k, v in r.items() if k != "answers"} for r in results],
                                              indent=1, default=str))


if __name__ == "__main__":
    main()
