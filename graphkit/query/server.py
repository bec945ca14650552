"""A read-only SPARQL 1.1 Protocol endpoint over a graph, with a time limit per query.

``GET /sparql?query=…``, ``POST /sparql`` with a form (``query=…``) or with the query as the body
(``Content-Type: application/sparql-query``). SELECT and ASK answers come as SPARQL JSON, XML, CSV or
TSV, CONSTRUCT and DESCRIBE answers as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, chosen by
the ``Accept`` header (or a ``format`` parameter: ``json``, ``xml``, ``csv``, ``tsv``, ``turtle`` …).
``default-graph-uri`` and ``named-graph-uri`` select graphs as the protocol says. Any UPDATE (an
``update`` parameter, ``application/sparql-update``, or update text as a query) is refused with 403;
a malformed query gets 400 with the parser's message; a query past the time limit gets 503.
``GET /`` is a small page to type and run queries.

How the time limit is made real: Oxigraph cannot interrupt a running query, so queries run in
worker processes. After loading the graph, and before any thread starts, the server forks a
single-threaded "zygote" process that holds the loaded stores; every worker is forked from it
(sharing the stores' memory), and a worker whose query runs past the limit is killed and replaced.
Where ``os.fork`` does not exist, queries run in threads and an overrunning one is abandoned.

The protocol (:class:`Endpoint`: Host and Origin checks, routes, parameters, the headers of every
answer) is apart from the HTTP server that carries it (:class:`SparqlServer`, a thread a connection on
the standard library's ``http.server``, with its own read deadlines and connection cap).
``benchmarks/serve_compare.py`` measures it against the same :class:`Endpoint` on Starlette and uvicorn
(docs/performance.md): the hand-written server answers as many requests a second, and it drops
connections that never send a whole request, which uvicorn keeps open for ever.
"""
from __future__ import annotations

import html
import json
import logging
import os
import queue
import select
import signal
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

from graphkit import formats
from graphkit.errors import QueryError

log = logging.getLogger("graphkit.serve")

MAX_BODY = 1 << 20  # bytes of query a request may send

def _types(table) -> dict[str, str]:
    return {m.split(";", 1)[0].strip(): f.name for f in table for m in f.media_types}


# media types and names of the answers' formats, from graphkit.formats
_RESULT_TYPES = _types(formats.RESULTS)
_RDF_TYPES = _types(formats.RDF)
_FORMAT_ALIASES = {"select": {n: f.name for f in formats.RESULTS for n in f.names},
                   "graph": {n: f.name for f in formats.RDF for n in f.names}}


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str | None:
    """The result format for an ``Accept`` header, or for a ``format`` parameter (which wins when it
    names a format that can carry the answer), or ``None`` if none of the accepted types can carry a
    ``kind`` (``select``, ``ask`` or ``graph``) answer.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'xml'
    >>> negotiate("*/*", "graph"), negotiate(None, "ask"), negotiate("text/turtle", "select")
    ('turtle', 'json', None)
    >>> negotiate("application/rdf+xml", "graph", fmt="xml"), negotiate(None, "select", fmt="csv")
    ('rdfxml', 'csv')
    """
    table, default = (_RDF_TYPES, "turtle") if kind == "graph" else (_RESULT_TYPES, "json")
    if fmt:
        aliases = _FORMAT_ALIASES["graph" if kind == "graph" else "select"]
        if fmt.lower() in aliases:
            return aliases[fmt.lower()]
    if not accept:
        return default
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, mtype))
    for _, _, mtype in sorted(ranked):
        if mtype in table:
            return table[mtype]
        if mtype in ("*/*", "application/*", "text/*") or (mtype == "text/html" and kind != "graph"):
            return default
    return None


# ── answering one request (in a worker) ────────────────────────────────────────────────────────
def answer(graph, request: dict) -> tuple[int, str, bytes]:
    """(status, content type, body) for a protocol request on an opened graph."""
    from graphkit.query import guard
    from graphkit.query.engine import QuerySyntaxError, UpdateRefused, check_query, evaluate
    from graphkit.query.results import media_type, serialize

    text = request["query"]
    try:
        check_query(text, allow_service=request.get("allow_service"))
        store, union = graph.store_for(text, datasets=bool(request.get("default_graph") or request.get("named_graphs")))
        try:
            result = evaluate(store, text, union=union, default_graph=request.get("default_graph"),
                              named_graphs=request.get("named_graphs"))
        except QuerySyntaxError:
            raise
        except QueryError:
            if guard.service_targets(text):  # what the remote end said (or whether it listens) stays here
                raise QueryError(guard.FAILED_SERVICE) from None
            raise
    except UpdateRefused as e:
        return 403, "text/plain; charset=utf-8", (str(e) + "\n").encode()
    except QueryError as e:
        return 400, "text/plain; charset=utf-8", (str(e) + "\n").encode()
    fmt = negotiate(request.get("accept"), result.kind, request.get("format"))
    if fmt is None:
        return 406, "text/plain; charset=utf-8", (
            f"cannot give a {result.kind} answer as {request.get('format') or request.get('accept')}; "
            "accept JSON, XML, CSV or TSV for SELECT and ASK, Turtle, N-Triples or JSON-LD for CONSTRUCT\n").encode()
    return 200, media_type(result, fmt), serialize(result, fmt).encode("utf-8")


def _worker_loop(graph, conn) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            response = answer(graph, request)
        except Exception as e:  # never let a worker die with a request unanswered
            response = (500, "text/plain; charset=utf-8", f"the query failed: {e}\n".encode())
        try:
            conn.send(response)
        except OSError:
            os._exit(0)


def _zygote_loop(graph, ctrl: socket.socket) -> None:
    """Fork a worker per request on ``ctrl``; send back its pid and its end of a socket pair."""
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    live: set[int] = set()

    def reap():
        while live:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                live.clear()
                return
            if pid == 0:
                return
            live.discard(pid)

    while True:
        ready, _, _ = select.select([ctrl], [], [], 1.0)
        reap()
        if not ready:
            continue
        try:
            msg = ctrl.recv(16)
        except OSError:
            msg = b""
        if msg != b"spawn":
            for pid in live:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            os._exit(0)
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            ctrl.close()
            theirs.close()
            _worker_loop(graph, Connection(ours.detach()))
            os._exit(0)
        live.add(pid)
        ours.close()
        socket.send_fds(ctrl, [str(pid).encode()], [theirs.fileno()])
        theirs.close()


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def private_memory(pid: int) -> int | None:
    """Bytes of anonymous memory resident in process ``pid`` (resident minus file-backed and shared
    memory, from ``/proc/PID/statm``), or ``None`` where it cannot be read. A forked worker starts
    with the zygote's stores counted here; :class:`ForkPool` watches the growth from that start."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            fields = f.read().split()
        return (int(fields[1]) - int(fields[2])) * _PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return None


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user and system) process ``pid`` has used, from ``/proc/PID/stat``, or ``None``."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
        fields = data[data.rfind(b")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def default_max_memory() -> int:
    """1 GiB, or a quarter of the machine's memory if that is less."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        total = 4 << 30
    return min(1 << 30, total // 4)


def parse_size(text: str) -> int:
    """Bytes for ``512M``, ``1G``, ``1.5GB``, ``800MiB`` or a plain number of bytes.

    >>> parse_size("1G"), parse_size("512m"), parse_size("1.5GB"), parse_size("4096")
    (1073741824, 536870912, 1610612736, 4096)
    """
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", text.lower())
    if not m:
        raise QueryError(f"cannot read '{text}' as a size; write e.g. 512M or 1G")
    return int(float(m[1]) * (1 << (10 * " kmgt".index(m[2] or " "))))


class _Worker:
    def __init__(self, pid: int, conn):
        self.pid, self.conn = pid, conn
        self.base = private_memory(pid) or 0  # the zygote's memory, shared until written

    def growth(self) -> int:
        now = private_memory(self.pid)
        return 0 if now is None else max(0, now - self.base)

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.conn.close()


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


class ForkPool:
    """Worker processes forked from a zygote holding the loaded graph; workers that overrun the time
    limit or the memory limit are killed and replaced.

    Two lanes: ``size`` regular workers, and ``fast`` reserve workers. A query runs on a regular
    worker when one is free; when all are busy it runs on a reserve worker for at most
    ``fast_budget`` seconds of CPU time (and four times that of wall-clock time, so that a cheap
    query slowed down by a busy machine is not taken for a heavy one), and, if it needs more, is
    stopped there and waits for a regular worker. So clients looping heavy queries hold at most the regular workers, and cheap queries
    keep being answered.
    """

    POLL = 0.05  # seconds between two looks at a busy worker's memory

    def __init__(self, graph, size: int = 2, *, max_memory: int | None = None, fast: int = 1,
                 fast_budget: float = 0.5):
        graph.prepare()
        self.size = size
        self.max_memory = default_max_memory() if max_memory is None else max_memory
        self.fast_budget = fast_budget
        self._ctrl, zygote_end = socket.socketpair()
        self._zygote = os.fork()
        if self._zygote == 0:
            self._ctrl.close()
            try:
                _zygote_loop(graph, zygote_end)
            finally:
                os._exit(0)
        zygote_end.close()
        self._lock = threading.Lock()
        # one lock, two queues of waiters: queries that take either lane, and queries moved off the
        # reserve that wait for a regular worker (served first); each release wakes one waiter
        self._cond = threading.Lock()
        self._wait_any = threading.Condition(self._cond)
        self._wait_main = threading.Condition(self._cond)
        self._waiting = {"any": 0, "main": 0}
        self._idle: dict[str, list[_Worker]] = {"main": [], "fast": []}
        self._all: set[_Worker] = set()
        self._closed = False
        self.killed: list[int] = []  # pids of workers stopped for running past the limit
        # answered (on the reserve: fast), moved from the reserve, stopped (timeout, memory), workers that died
        self.stats = {"answered": 0, "fast": 0, "moved": 0, "timeout": 0, "memory": 0, "died": 0}
        for _ in range(size):
            self._idle["main"].append(self._spawn())
        for _ in range(fast if fast_budget > 0 else 0):
            self._idle["fast"].append(self._spawn())

    def _spawn(self) -> _Worker:
        from multiprocessing.connection import Connection

        with self._lock:
            self._ctrl.sendall(b"spawn")
            msg, fds, _, _ = socket.recv_fds(self._ctrl, 32, 1)
            worker = _Worker(int(msg.decode()), Connection(fds[0]))
            self._all.add(worker)
            return worker

    def _acquire(self, deadline: float, lanes: tuple[str, ...]) -> tuple[_Worker, str] | None:
        kind = "any" if "fast" in lanes else "main"
        cv = self._wait_any if kind == "any" else self._wait_main
        with self._cond:
            while True:
                for lane in lanes:
                    if self._idle[lane] and (kind == "main" or lane == "fast" or not self._waiting["main"]):
                        return self._idle[lane].pop(), lane
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    return None
                self._waiting[kind] += 1
                try:
                    cv.wait(remaining)
                finally:
                    self._waiting[kind] -= 1

    def _release(self, worker: _Worker, lane: str) -> None:
        with self._cond:
            self._idle[lane].append(worker)
            if lane == "main" and self._waiting["main"]:
                self._wait_main.notify()
            else:
                self._wait_any.notify()

    def _wake_all(self) -> None:
        with self._cond:
            self._wait_any.notify_all()
            self._wait_main.notify_all()

    def _replace(self, worker: _Worker, lane: str) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._release(self._spawn(), lane)

    def run(self, request: dict, timeout: float) -> tuple[int, str, bytes]:
        """The response: the worker's, or a 503 when the query ran past ``timeout`` or past the memory
        limit (its worker is killed and replaced), or a 500 when its worker died."""
        from graphkit.query.engine import timeout_message

        started = time.monotonic()
        deadline = started + timeout
        lanes = ("main", "fast") if self._idle["fast"] or self.fast_budget > 0 else ("main",)
        while True:
            got = self._acquire(deadline, lanes)
            if got is None:
                return _text(503, f"all {self.size} query workers stayed busy for {timeout:g} s; try again later")
            worker, lane = got
            if lane == "main":
                outcome, response = self._on(worker, request, deadline)
            else:  # the reserve: so much CPU time (a cheap query slowed by a busy machine is not moved)
                outcome, response = self._on(worker, request, min(deadline, time.monotonic() + 4 * self.fast_budget),
                                             cpu_budget=self.fast_budget)
            if outcome == "answered":
                if worker.growth() > self.max_memory // 2:  # a worker keeps what it allocated: start afresh
                    self._replace(worker, lane)
                else:
                    self._release(worker, lane)
                self.stats["answered"] += 1
                if lane == "fast":
                    self.stats["fast"] += 1
                return response
            self.killed.append(worker.pid)
            self._replace(worker, lane)
            if outcome == "overran" and lane == "fast" and time.monotonic() < deadline:
                self.stats["moved"] += 1  # a slow query: let it wait for a regular worker
                lanes = ("main",)
                continue
            elapsed = time.monotonic() - started
            if outcome == "overran":
                self.stats["timeout"] += 1
                log.warning("query stopped after %.1f s", elapsed)
                return _text(503, timeout_message(timeout))
            if outcome == "memory":
                self.stats["memory"] += 1
                log.warning("query stopped after %.1f s: it took more than %s of memory", elapsed,
                            _size(self.max_memory))
                return _text(503, f"the query took more than the memory limit of {_size(self.max_memory)} and was "
                                  "stopped; narrow its patterns, add a LIMIT, or drop the ORDER BY of a large "
                                  "result (the server's --max-memory sets the limit)")
            self.stats["died"] += 1
            log.warning("a query worker died after %.1f s", elapsed)
            return _text(500, "the query engine crashed on this query (its worker process died) and the query "
                              "was not answered; the server goes on; please report the query")

    def _on(self, worker: _Worker, request: dict, limit: float, cpu_budget: float | None = None
            ) -> tuple[str, tuple | None]:
        """Run ``request`` on ``worker`` until ``limit`` (and, if given, ``cpu_budget`` seconds of CPU
        time): (``answered``, response), or (``overran`` | ``memory`` | ``died``, None)."""
        cpu0 = cpu_seconds(worker.pid) if cpu_budget is not None else None
        try:
            worker.conn.send(request)
            while True:
                remaining = limit - time.monotonic()
                if remaining <= 0:
                    return "overran", None
                if worker.conn.poll(min(self.POLL, remaining)):
                    return "answered", worker.conn.recv()
                if worker.growth() > self.max_memory:
                    return "memory", None
                if cpu0 is not None and (cpu_seconds(worker.pid) or 0.0) - cpu0 > cpu_budget:
                    return "overran", None
        except (EOFError, OSError):
            return "died", None

    def close(self) -> None:
        self._closed = True
        self._wake_all()
        for w in list(self._all):
            w.kill()
        try:
            self._ctrl.sendall(b"quit")
        except OSError:
            pass
        self._ctrl.close()
        try:
            os.waitpid(self._zygote, 0)
        except ChildProcessError:
            pass


def _size(n: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift:
            return f"{n / (1 << shift):g} {unit}"
    return f"{n} bytes"


class ThreadPool:
    """Where processes cannot be forked: queries in threads; an overrunning one is abandoned."""

    def __init__(self, graph, size: int = 2, **_):
        self.graph = graph.prepare()

    def run(self, request: dict, timeout: float):
        from graphkit.query.engine import timeout_message

        box: dict = {}

        def work():
            box["response"] = answer(self.graph, request)

        t = threading.Thread(target=work, daemon=True)
        t.start()
        t.join(timeout)
        return box.get("response") or _text(503, timeout_message(timeout))

    def close(self) -> None:
        pass


# ── what the endpoint answers, whatever HTTP server carries it ──────────────────────────────────
_WILDCARDS = {"", "0.0.0.0", "::"}
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


class Reply(NamedTuple):
    """An answer before it is written: status, content type, body, more headers, and whether the
    connection closes after it."""
    status: int
    ctype: str
    body: bytes
    headers: dict | None = None
    close: bool = False


def _error(status: int, message: str, close: bool = False) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), None, close)


class Endpoint:
    """The SPARQL protocol over a query pool, apart from the HTTP server that carries it: the checks of
    ``Host`` and ``Origin``, the routes, the parameters, and the headers of every answer. The HTTP
    server frames requests (reads the head and a body of at most :data:`MAX_BODY` bytes within its read
    timeout), calls :meth:`early` and then :meth:`respond`, and writes the :class:`Reply` with
    :meth:`headers`."""

    def __init__(self, graph, host: str, *, timeout: float, pool, allow_service=(), allowed_hosts=(), cors=()):
        self.graph, self.query_timeout, self.pool = graph, timeout, pool
        self.allow_service = tuple(allow_service or ())
        self.cors = tuple(cors or ())
        host = host.lower().strip("[]")
        self.any_ip = host in _WILDCARDS
        self.allowed_hosts = {h.lower().strip("[]") for h in allowed_hosts or ()} | {host}
        if host in _LOOPBACK_NAMES or host.startswith("127.") or self.any_ip:
            self.allowed_hosts |= _LOOPBACK_NAMES
        if self.any_ip:  # every address of the machine: its own name too
            self.allowed_hosts.add(socket.gethostname().lower())
        self.address = host  # host:port once the server listens (the service description's base without a Host)

    def host_allowed(self, host_header: str | None) -> bool:
        """Whether a request's ``Host`` names this server (DNS rebinding sends a foreign name)."""
        if not host_header or "*" in self.allowed_hosts:
            return True
        try:
            name = (urllib.parse.urlsplit("//" + host_header.strip()).hostname or "").lower()
        except ValueError:
            return False
        return name in self.allowed_hosts or (self.any_ip and _is_ip(name))

    def cors_origin(self, origin: str | None) -> str | None:
        """The value of ``Access-Control-Allow-Origin`` for a request from ``origin``, if --cors allows it."""
        if not origin or not self.cors:
            return None
        if "*" in self.cors:
            return "*"
        return origin if origin.rstrip("/") in {c.rstrip("/") for c in self.cors} else None

    def headers(self, request_headers, reply: Reply) -> dict:
        """The headers of ``reply`` besides its length and ``Connection``: no caching, no sniffing, no
        framing, no referrer, a default-deny policy, and CORS for an allowed origin."""
        headers = {"Content-Type": reply.ctype, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                   "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
                   "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"}
        allow = self.cors_origin(request_headers.get("Origin")) if request_headers is not None else None
        if allow:
            headers["Access-Control-Allow-Origin"] = allow
            if allow != "*":
                headers["Vary"] = "Origin"
        headers.update(reply.headers or {})
        return headers

    def early(self, method: str, target: str, headers) -> Reply | None:
        """The answer to give before reading any body: 421 under a foreign name, 403 from another site,
        404 for a POST elsewhere than the endpoint; ``None`` to go on."""
        if not self.host_allowed(headers.get("Host")):
            return _error(421, f"this server does not answer to the name {headers.get('Host')!r}; "
                               "start it with --allowed-host NAME to serve under that name", close=True)
        post = method == "POST"
        origin = headers.get("Origin")
        site = (headers.get("Sec-Fetch-Site") or "").lower()
        if not self.cors_origin(origin):
            foreign = False
            if origin is not None:
                foreign = origin not in {f"http://{headers.get('Host')}", f"https://{headers.get('Host')}"}
            elif site in ("cross-site", "same-site"):
                foreign = True
            if foreign and method in ("GET", "HEAD") and (headers.get("Sec-Fetch-Mode") or "").lower() == "navigate":
                foreign = False  # following a link to a query is fine: the other site cannot read the answer
            if foreign:
                return _error(403, f"cross-site requests are refused (from {origin or site}); "
                                   "start the server with --cors ORIGIN to let that site query it", close=post)
        if post and urllib.parse.urlsplit(target).path not in ("/", "/sparql"):
            return _error(404, f"no such page {urllib.parse.urlsplit(target).path}; the endpoint is /sparql",
                          close=True)
        return None

    def respond(self, method: str, target: str, headers, body: bytes = b"") -> Reply:
        """The answer to a request that passed :meth:`early` (``body``: a POST's whole body)."""
        url = urllib.parse.urlsplit(target)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if method == "OPTIONS":
            return Reply(204, "text/plain; charset=utf-8", b"", {
                "Allow": "GET, HEAD, POST, OPTIONS", "Access-Control-Allow-Methods": "GET, POST",
                "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "600"})
        if method == "POST":
            return self._post(params, headers, body)
        if url.path in ("/", "/index.html") and "query" not in params and "update" not in params:
            text, csp = page(self)
            return Reply(200, "text/html; charset=utf-8", text.encode("utf-8"), {"Content-Security-Policy": csp})
        if url.path not in ("/", "/sparql", "/render"):
            return _error(404, f"no such page {url.path}; the endpoint is /sparql")
        if "update" in params:
            return _READ_ONLY
        if url.path == "/render" or (url.path == "/" and "question" in params):
            return self._render(params)
        if "query" not in params:  # SPARQL 1.1 Service Description: what this endpoint is and answers
            base = f"http://{headers.get('Host') or self.address}"
            return Reply(200, "text/turtle; charset=utf-8", service_description(base).encode("utf-8"))
        return self._query(params["query"][0], params, headers)

    def _post(self, params: dict, headers, body: bytes) -> Reply:
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update" or "update" in params:
            return _READ_ONLY
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _error(400, "the request body is not UTF-8")
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            if "update" in form:
                return _READ_ONLY
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            if "query" not in params:
                return _error(400, "no query: send the form field query=SELECT …")
            return self._query(params["query"][0], params, headers)
        if ctype == "application/sparql-query":
            return self._query(text, params, headers)
        return _error(415, f"cannot read a {ctype or 'typeless'} body; send application/sparql-query or a form")

    def _render(self, params: dict) -> Reply:
        """``/render?question=NAME&PARAM=VALUE…``: the question's query with the values written in (the
        page's parameter fields)."""
        from graphkit.query.catalog import question

        try:
            q = question((params.get("question") or [""])[0])
            values = {k.replace("-", "_"): v[0] for k, v in params.items() if k != "question" and v and v[0] != ""}
            return Reply(200, "text/plain; charset=utf-8", q.render(values).encode("utf-8"))
        except QueryError as e:
            return _error(400, str(e))

    def _query(self, text: str, params: dict, headers) -> Reply:
        from graphkit.query import guard
        from graphkit.query.engine import query_form

        request = {
            "query": text,
            "accept": headers.get("Accept"),
            "format": (params.get("format") or [None])[0] or None,
            "default_graph": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
            "allow_service": self.allow_service,
        }
        try:  # before any worker sees it: a query that would crash the parser, or call another host
            guard.check(text, allow_service=self.allow_service)
        except guard.QueryRefused as e:
            return _error(400, str(e))
        if query_form(text) == "update":
            return _READ_ONLY
        return Reply(*self.pool.run(request, self.query_timeout))

    def close(self) -> None:
        self.pool.close()


_READ_ONLY = _error(403, "this endpoint is read-only: SPARQL UPDATE is refused")


def make_endpoint(graph, host: str = "127.0.0.1", *, timeout: float = 30.0, workers: int = 2, allow_service=(),
                  allowed_hosts=(), cors=(), max_memory: int | None = None, fast_lane: float = 0.5) -> Endpoint:
    """An :class:`Endpoint` over ``graph`` (anything :func:`~graphkit.query.engine.open_graph` accepts) and
    its query workers; :func:`make_server` documents the options."""
    from graphkit.query.engine import open_graph

    if timeout <= 0:
        raise QueryError(f"the time limit must be positive, not {timeout:g} s")
    if max_memory is not None and max_memory < (16 << 20):
        raise QueryError(f"the memory limit must be at least 16 MiB, not {_size(max_memory)}")
    g = open_graph(graph)  # a store directory is queried in place: each worker opens it read-only, no copy
    pool = (ForkPool(g, max(1, workers), max_memory=max_memory, fast_budget=max(0.0, fast_lane))
            if hasattr(os, "fork") else ThreadPool(g, workers))
    return Endpoint(g, host, timeout=timeout, pool=pool, allow_service=allow_service, allowed_hosts=allowed_hosts,
                    cors=cors)


# ── HTTP ────────────────────────────────────────────────────────────────────────────────────────
class SparqlServer(ThreadingHTTPServer):
    """The endpoint over HTTP, a thread a connection: ``serve_forever()`` answers requests until
    ``close()``. At most ``max_connections`` connections are open at once (the next gets a 503); a
    connection that has not sent a whole request head ``read_timeout`` seconds after it opened (or
    after its last answer) is dropped, however slowly it trickles, and a body must come within
    ``read_timeout`` seconds (408)."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog (socketserver's default of 5 resets connections under load)

    def __init__(self, endpoint: Endpoint, address, *, read_timeout: float = 10.0, max_connections: int = 256):
        self.endpoint = endpoint
        self.read_timeout, self.max_connections = read_timeout, max_connections
        self._connections = 0
        self._count_lock = threading.Lock()
        # connections reading a request head, and when it must be in: a head trickled a line at a time
        # outlasts any socket timeout, so one thread ends the reading of those past their time
        self._heads: dict[socket.socket, float] = {}
        self._stopped = threading.Event()
        super().__init__(address, _Handler)
        endpoint.address = "%s:%s" % self.server_address[:2]
        threading.Thread(target=self._reap, name="graphkit-serve-reaper", daemon=True).start()

    @property
    def pool(self):
        return self.endpoint.pool

    @property
    def graph(self):
        return self.endpoint.graph

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    # connections
    def process_request(self, request, client_address):
        with self._count_lock:
            full = self._connections >= self.max_connections
            if not full:
                self._connections += 1
        if full:
            try:
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Connection: close\r\nContent-Length: 44\r\n\r\ntoo many open connections; try again later\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._count_lock:
                self._connections -= 1

    def reading_head(self, connection: socket.socket, reading: bool) -> None:
        """Mark ``connection`` as reading a request head (for at most the read timeout), or done with it."""
        with self._count_lock:
            if reading:
                self._heads[connection] = time.monotonic() + self.read_timeout
            else:
                self._heads.pop(connection, None)

    def _reap(self) -> None:
        while not self._stopped.wait(0.25):
            now = time.monotonic()
            with self._count_lock:
                late = [c for c, deadline in self._heads.items() if deadline < now]
                for c in late:
                    del self._heads[c]
            for c in late:  # its blocked read returns at once with nothing: the connection closes quietly
                try:
                    c.shutdown(socket.SHUT_RD)
                except OSError:
                    pass

    def handle_error(self, request, client_address):
        import sys

        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):  # a client that went away or stalled
            log.debug("%s: %s", client_address[0], exc)
            return
        log.error("%s: the request failed: %r", client_address[0], exc, exc_info=True)

    def close(self) -> None:
        """Stop serving (if ``serve_forever`` runs in another thread), free the port, end the workers."""
        if getattr(self, "_serving", False):
            self.shutdown()
        self._stopped.set()
        self.server_close()
        self.endpoint.close()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._serving = True
        try:
            super().serve_forever(poll_interval)
        finally:
            self._serving = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def make_server(graph, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
                workers: int = 2, allow_service=(), allowed_hosts=(), cors=(), max_memory: int | None = None,
                fast_lane: float = 0.5, read_timeout: float = 10.0, max_connections: int = 256) -> SparqlServer:
    """A :class:`SparqlServer` on ``host:port`` (``port=0``: any free port) over ``graph`` (anything
    :func:`~graphkit.query.engine.open_graph` accepts), stopping queries after ``timeout`` seconds.

    ``allow_service``: hosts that ``SERVICE`` clauses may call (none: federation refused).
    ``allowed_hosts``: more names the ``Host`` header may give besides ``host`` (``*``: any).
    ``cors``: origins (``*``: any) sent ``Access-Control-Allow-Origin``; others' requests are refused.
    ``max_memory``: bytes a worker may take for a query (default: 1 GiB or a quarter of the memory).
    ``fast_lane``: seconds a query may run on the reserve worker when the regular ones are busy (0: none).
    ``read_timeout``: seconds a client may take to send a request before the connection is dropped.
    """
    endpoint = make_endpoint(graph, host, timeout=timeout, workers=workers, allow_service=allow_service,
                             allowed_hosts=allowed_hosts, cors=cors, max_memory=max_memory, fast_lane=fast_lane)
    try:
        return SparqlServer(endpoint, (host, port), read_timeout=read_timeout, max_connections=max_connections)
    except OSError as e:
        endpoint.close()
        raise QueryError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another --port") from None


class _BodyTimeout(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "graphkit-sparql"
    disable_nagle_algorithm = True  # the head and the body are two writes: with Nagle on, the body waited 40 ms for a delayed ACK
    protocol_version = "HTTP/1.1"

    def setup(self):
        self.timeout = self.server.read_timeout  # idle and half-sent connections are dropped
        super().setup()

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        log.info("%s %s", self.address_string(), format % args)

    def log_error(self, format, *args):  # noqa: A002
        log.debug("%s %s", self.address_string(), format % args)  # timeouts, malformed request lines

    def handle_one_request(self):
        self.server.reading_head(self.connection, True)  # idle, or sending its head, for the read timeout at most
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):  # the client went away or stalled: nothing to answer
            self.close_connection = True
        finally:
            self.server.reading_head(self.connection, False)

    def _dispatch(self):
        self.server.reading_head(self.connection, False)  # the head is in; a body has its own deadline
        endpoint = self.server.endpoint
        reply = endpoint.early(self.command, self.path, self.headers)
        if reply is None:
            body = b""
            if self.command == "POST":
                reply, body = self._body()
            if reply is None:
                reply = endpoint.respond(self.command, self.path, self.headers, body)
        if reply.close:
            self.close_connection = True
        self.send_response(reply.status)
        self.send_header("Content-Length", str(len(reply.body)))
        for k, v in endpoint.headers(self.headers, reply).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    do_GET = do_HEAD = do_POST = do_OPTIONS = _dispatch

    def _body(self) -> tuple[Reply | None, bytes]:
        """A POST's body, or the answer when it has no length that can be read, is too large, or does not
        come within the read timeout (in all)."""
        raw_length = (self.headers.get("Content-Length") or "0").strip()
        if self.headers.get("Transfer-Encoding"):
            return _error(411, "send the body with a Content-Length (chunked bodies are not read)", close=True), b""
        if not raw_length.isdigit():
            return _error(400, f"bad Content-Length {raw_length[:40]!r}: give the body's size in bytes", close=True), b""
        length = int(raw_length)
        if length > MAX_BODY:
            return _error(413, f"the request is larger than {MAX_BODY} bytes", close=True), b""
        deadline = time.monotonic() + self.server.read_timeout
        chunks, got = [], 0
        while got < length:
            try:
                if time.monotonic() > deadline:
                    raise _BodyTimeout
                chunk = self.rfile.read1(min(length - got, 1 << 16))
            except (_BodyTimeout, TimeoutError):
                chunk = b""
            if not chunk:
                return _error(408, f"the request body did not come in time ({got} of {length} bytes "
                                   f"in {self.server.read_timeout:g} s)", close=True), b""
            chunks.append(chunk)
            got += len(chunk)
        return None, b"".join(chunks)


# ── the page ────────────────────────────────────────────────────────────────────────────────────
def page(server: Endpoint) -> tuple[str, str]:
    """The HTML page at ``/`` (a query box, the shipped questions as examples, results as a table), and
    its Content-Security-Policy: only its own inline script and style run, it talks only to this
    server, and no other site may frame it."""
    import base64
    import hashlib
    import re

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    body = _page(server)
    scripts = " ".join(digest(m) for m in re.findall(r"<script>(.*?)</script>", body, re.S))
    styles = " ".join(digest(m) for m in re.findall(r"<style>(.*?)</style>", body, re.S))
    csp = (f"default-src 'none'; script-src {scripts}; style-src {styles}; connect-src 'self'; "
           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    return body, csp


def _page(server: Endpoint) -> str:
    from graphkit.kg.namespaces import PREFIXES
    from graphkit.query.catalog import questions

    examples = {}
    for name, q in questions().items():
        try:
            vals = q.example_values()
            examples[name] = {"title": q.title, "query": q.render(vals),
                              "params": [{"name": p.name.replace("_", "-"), "help": p.help, "type": p.type,
                                          "value": vals.get(p.name, p.default or ""),
                                          "required": p.required} for p in q.params]}
        except QueryError:
            continue
    options = "".join(
        f'<option value="{html.escape(n)}">{html.escape(n)} — {html.escape(e["title"])}</option>'
        for n, e in examples.items())
    data = json.dumps(examples, ensure_ascii=False).replace("<", "\\u003c")  # no tag can end the script
    prefixes = html.escape(", ".join(f"{p}:" for p in PREFIXES))
    return _PAGE.format(
        source=html.escape(str(server.graph.source)), limit=f"{server.query_timeout:g}",
        options=options, data=data, prefixes=prefixes, example=html.escape(
            "SELECT ?name ?post WHERE {\n  ?person gk:holds ?p ; rdfs:label ?name .\n  ?p rdfs:label ?post .\n}\nORDER BY ?name\nLIMIT 50"),
    )


SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
              "N-Triples", "RDF_XML", "JSON-LD")


def service_description(base: str) -> str:
    """The SPARQL 1.1 Service Description of the endpoint at ``base``/sparql, in Turtle: what ``GET /sparql``
    without a query answers (https://www.w3.org/TR/sparql11-service-description/)."""
    formats = " ,\n        ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in SD_FORMATS)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{base}/sparql#service> a sd:Service ;
    rdfs:label "graphkit SPARQL endpoint (read-only)" ;
    sd:endpoint <{base}/sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat {formats} ;
    sd:defaultDataset [ a sd:Dataset ;
        rdfs:comment "each article is a named graph; the default graph is the merge of all of them" ;
        sd:defaultGraph [ a sd:Graph ] ] .
"""


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>graphkit SPARQL</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }}
textarea {{ width: 100%; height: 14em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; text-align: left; }}
pre.err {{ color: #a00; white-space: pre-wrap; }}
label.param {{ display: block; margin: 2px 0; }}
</style></head>
<body>
<h1>graphkit SPARQL</h1>
<p>Graph: <code>{source}</code>. Queries are read-only and stop after {limit} s.
Predeclared prefixes: <code>{prefixes}</code>. Endpoint: <code>/sparql</code>.</p>
<p><label>Research questions: <select id="examples"><option value="">—</option>{options}</select></label></p>
<div id="params"></div>
<form id="f" action="/sparql" method="get">
<textarea id="q" name="query" spellcheck="false">{example}</textarea>
<p><button type="submit">Run</button>
<label>as <select id="fmt" name="format"><option value="">table</option><option>json</option><option>xml</option>
<option>csv</option><option>tsv</option><option>turtle</option><option>nt</option></select></label>
<span id="status"></span></p>
</form>
<div id="out"></div>
<script id="data" type="application/json">{data}</script>
<script>
"use strict";
const examples = JSON.parse(document.getElementById("data").textContent);
const q = document.getElementById("q"), out = document.getElementById("out"), status = document.getElementById("status");
const params = document.getElementById("params");
async function fill(name) {{  // the question's query with the values of its parameter fields written in
  const args = new URLSearchParams({{question: name}});
  for (const i of params.querySelectorAll("input")) args.append(i.name, i.value);
  const r = await fetch("/render?" + args);
  const text = await r.text();
  if (r.ok) {{ q.value = text; status.textContent = ""; }} else {{ status.textContent = text; }}
}}
document.getElementById("examples").addEventListener("change", e => {{
  const ex = examples[e.target.value];
  params.replaceChildren();
  if (!ex) return;
  q.value = ex.query;
  for (const p of ex.params) {{  // one field a parameter, filled with the question's example
    const label = document.createElement("label"), input = document.createElement("input");
    label.className = "param";
    label.append("--" + p.name + " ", input, " " + p.help + " (" + p.type + (p.required ? ", required" : "") + ")");
    input.name = p.name; input.value = p.value || "";
    input.addEventListener("change", () => fill(e.target.value));
    params.append(label);
  }}
}});
function cell(tag, text) {{ const c = document.createElement(tag); c.textContent = text; return c; }}
document.getElementById("f").addEventListener("submit", async e => {{
  if (document.getElementById("fmt").value) return;  // let the browser fetch the raw format
  e.preventDefault();
  out.replaceChildren(); status.textContent = "running…";
  const t0 = performance.now();
  const r = await fetch("/sparql", {{method: "POST",
    headers: {{"Content-Type": "application/x-www-form-urlencoded",
              "Accept": "application/sparql-results+json, text/turtle;q=0.9"}},
    body: new URLSearchParams({{query: q.value}})}});
  const text = await r.text();
  status.textContent = r.status + " in " + Math.round(performance.now() - t0) + " ms";
  if (!r.ok) {{ const p = cell("pre", text); p.className = "err"; out.append(p); return; }}
  if (!(r.headers.get("Content-Type") || "").includes("json")) {{ out.append(cell("pre", text)); return; }}
  const res = JSON.parse(text);
  if ("boolean" in res) {{ out.append(cell("p", String(res.boolean))); return; }}
  const table = document.createElement("table"), head = document.createElement("tr");
  for (const v of res.head.vars) head.append(cell("th", v));
  table.append(head);
  for (const b of res.results.bindings) {{
    const tr = document.createElement("tr");
    for (const v of res.head.vars) tr.append(cell("td", b[v] ? b[v].value : ""));
    table.append(tr);
  }}
  out.append(cell("p", res.results.bindings.length + " rows"), table);
}});
</script>
</body></html>
"""
