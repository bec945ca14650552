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
    from graphkit.query.engine import UpdateRefused, check_query, evaluate
    from graphkit.query.results import media_type, serialize

    text = request["query"]
    try:
        check_query(text)
        store, union = graph.store_for(text, datasets=bool(request.get("default_graph") or request.get("named_graphs")))
        result = evaluate(store, text, union=union, default_graph=request.get("default_graph"),
                          named_graphs=request.get("named_graphs"))
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


class _Worker:
    def __init__(self, pid: int, conn):
        self.pid, self.conn = pid, conn

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.conn.close()


class ForkPool:
    """Worker processes forked from a zygote holding the loaded graph; overrunning workers are killed."""

    def __init__(self, graph, size: int = 2):
        graph.prepare()
        self.size = size
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
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._closed = False
        self.killed: list[int] = []  # pids of workers stopped for running past the limit
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        from multiprocessing.connection import Connection

        with self._lock:
            self._ctrl.sendall(b"spawn")
            msg, fds, _, _ = socket.recv_fds(self._ctrl, 32, 1)
            worker = _Worker(int(msg.decode()), Connection(fds[0]))
            self._all.add(worker)
            return worker

    def run(self, request: dict, timeout: float) -> tuple[int, str, bytes] | None:
        """The response, or ``None`` when the query ran past ``timeout`` and its worker was killed."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return (503, "text/plain; charset=utf-8",
                    f"all {self.size} query workers stayed busy for {timeout:g} s; try again later\n".encode())
        try:
            worker.conn.send(request)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                response = worker.conn.recv()
                self._idle.put(worker)
                return response
        except (EOFError, OSError):
            pass
        worker.kill()
        self.killed.append(worker.pid)
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._idle.put(self._spawn())
        return None

    def close(self) -> None:
        self._closed = True
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


class ThreadPool:
    """Where processes cannot be forked: queries in threads; an overrunning one is abandoned."""

    def __init__(self, graph, size: int = 2):
        self.graph = graph.prepare()

    def run(self, request: dict, timeout: float):
        box: dict = {}

        def work():
            box["response"] = answer(self.graph, request)

        t = threading.Thread(target=work, daemon=True)
        t.start()
        t.join(timeout)
        return box.get("response")

    def close(self) -> None:
        pass


# ── HTTP ────────────────────────────────────────────────────────────────────────────────────────
class SparqlServer(ThreadingHTTPServer):
    """The endpoint: ``serve_forever()`` answers requests until ``close()``."""

    daemon_threads = True

    def __init__(self, graph, address, *, timeout: float, pool):
        self.graph, self.query_timeout, self.pool = graph, timeout, pool
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def close(self) -> None:
        """Stop serving (if ``serve_forever`` runs in another thread), free the port, end the workers."""
        if getattr(self, "_serving", False):
            self.shutdown()
        self.server_close()
        self.pool.close()

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
                workers: int = 2) -> SparqlServer:
    """A :class:`SparqlServer` on ``host:port`` (``port=0``: any free port) over ``graph`` (anything
    :func:`~graphkit.query.engine.open_graph` accepts), stopping queries after ``timeout`` seconds."""
    from graphkit.query.engine import open_graph

    if timeout <= 0:
        raise QueryError(f"the time limit must be positive, not {timeout:g} s")
    g = open_graph(graph)  # a store directory is queried in place: each worker opens it read-only, no copy
    forkable = hasattr(os, "fork")
    pool = ForkPool(g, max(1, workers)) if forkable else ThreadPool(g, workers)
    try:
        return SparqlServer(g, (host, port), timeout=timeout, pool=pool)
    except OSError as e:
        pool.close()
        raise QueryError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another --port") from None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "graphkit-sparql"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        log.info("%s %s", self.address_string(), format % args)

    # responses
    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    # requests
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html") and "query" not in params and "update" not in params:
            return self._send(200, "text/html; charset=utf-8", page(self.server).encode("utf-8"))
        if url.path not in ("/", "/sparql"):
            return self._error(404, f"no such page {url.path}; the endpoint is /sparql")
        if "update" in params:
            return self._refuse()
        if "query" not in params:
            return self._error(400, "no query: send ?query=SELECT … (or open / in a browser)")
        self._query(params["query"][0], params)

    do_HEAD = do_GET

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            return self._error(404, f"no such page {url.path}; the endpoint is /sparql")
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._error(400, "bad Content-Length")
        if length > MAX_BODY:
            self.close_connection = True
            return self._error(413, f"the request is larger than {MAX_BODY} bytes")
        body = self.rfile.read(length) if length else b""
        if ctype == "application/sparql-update" or "update" in params:
            return self._refuse()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(400, "the request body is not UTF-8")
        if ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            if "update" in form:
                return self._refuse()
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            if "query" not in params:
                return self._error(400, "no query: send the form field query=SELECT …")
            return self._query(params["query"][0], params)
        if ctype == "application/sparql-query":
            return self._query(text, params)
        return self._error(415, f"cannot read a {ctype or 'typeless'} body; send application/sparql-query or a form")

    def _refuse(self):
        self._error(403, "this endpoint is read-only: SPARQL UPDATE is refused")

    def _query(self, text: str, params: dict) -> None:
        request = {
            "query": text,
            "accept": self.headers.get("Accept"),
            "format": (params.get("format") or [None])[0] or None,
            "default_graph": params.get("default-graph-uri") or None,
            "named_graphs": params.get("named-graph-uri") or None,
        }
        from graphkit.query.engine import query_form, timeout_message

        if query_form(text) == "update":
            return self._refuse()
        started = time.monotonic()
        response = self.server.pool.run(request, self.server.query_timeout)
        if response is None:
            log.warning("query stopped after %.1f s", time.monotonic() - started)
            return self._error(503, timeout_message(self.server.query_timeout))
        self._send(*response)


# ── the page ────────────────────────────────────────────────────────────────────────────────────
def page(server: SparqlServer) -> str:
    """The HTML page at ``/``: a query box, the shipped questions as examples, results as a table."""
    from graphkit.kg.namespaces import PREFIXES
    from graphkit.query.catalog import questions

    examples = {}
    for name, q in questions().items():
        try:
            vals = _example_values(q)
            examples[name] = {"title": q.title, "query": q.render(vals)}
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


def _example_values(q) -> dict:
    import shlex

    args = shlex.split(q.example)
    return {a[2:]: v for a, v in zip(args[::2], args[1::2])}


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>graphkit SPARQL</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }}
textarea {{ width: 100%; height: 14em; font: 13px monospace; }}
table {{ border-collapse: collapse; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; text-align: left; }}
pre.err {{ color: #a00; white-space: pre-wrap; }}
</style></head>
<body>
<h1>graphkit SPARQL</h1>
<p>Graph: <code>{source}</code>. Queries are read-only and stop after {limit} s.
Predeclared prefixes: <code>{prefixes}</code>. Endpoint: <code>/sparql</code>.</p>
<p><label>Research questions: <select id="examples"><option value="">—</option>{options}</select></label></p>
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
document.getElementById("examples").addEventListener("change", e => {{
  if (examples[e.target.value]) q.value = examples[e.target.value].query;
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
