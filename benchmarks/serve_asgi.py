"""``graphkit serve`` on a maintained HTTP server: Starlette on uvicorn, for ``benchmarks/serve_compare.py``.

    pip install uvicorn starlette
    python benchmarks/serve_asgi.py STORE --port 0 --workers 2 --timeout 10

The same endpoint as ``graphkit serve`` (:class:`graphkit.query.server.Endpoint`: the Host and Origin
checks, CORS, the routes, the query guard, the forked query workers with their time and memory limits
and the reserve lane); only the HTTP layer differs. What uvicorn offers for what the hand-written
server does itself is used: ``backlog`` (128), ``limit_concurrency`` for the connection cap (256),
``timeout_keep_alive`` for idle kept-alive connections (the read timeout, 10 s); h11 and asyncio, or
httptools and uvloop with ``--fast`` (``pip install 'uvicorn[standard]'``). uvicorn has no
timeout for a request's head, nor for its body: the body is read here within the read timeout (408
after it), as the hand-written server does. Queries run in Starlette's thread pool (as many threads
as connections may be open), since the workers are waited for by blocking calls.

It prints the same lines as ``graphkit serve`` (``serving … at URL``, one access-log line a request,
``stopped (…)`` on SIGTERM or Ctrl-C).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_app(endpoint, *, read_timeout: float, threads: int):
    """A Starlette application answering with ``endpoint``."""
    import anyio.to_thread
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import ClientDisconnect, Request
    from starlette.responses import Response
    from starlette.routing import Route

    from graphkit.query.server import MAX_BODY, _error

    async def body_of(request: Request):
        """The body (at most MAX_BODY bytes, within the read timeout), or the error to answer."""
        length = request.headers.get("Content-Length")
        if length is not None and int(length) > MAX_BODY:  # h11 has checked it is a number
            return _error(413, f"the request is larger than {MAX_BODY} bytes", close=True)
        chunks, got = [], 0
        try:
            async with asyncio.timeout(read_timeout):
                async for chunk in request.stream():
                    got += len(chunk)
                    if got > MAX_BODY:
                        return _error(413, f"the request is larger than {MAX_BODY} bytes", close=True)
                    chunks.append(chunk)
        except TimeoutError:
            return _error(408, f"the request body did not come in time ({got} of {length or '?'} bytes "
                               f"in {read_timeout:g} s)", close=True)
        return b"".join(chunks)

    async def handle(request: Request) -> Response:
        scope = request.scope
        target = scope["raw_path"].decode("latin-1")
        if scope["query_string"]:
            target += "?" + scope["query_string"].decode("latin-1")
        method, headers = request.method, request.headers
        reply = endpoint.early(method, target, headers)
        body = b""
        if reply is None and method == "POST":
            try:
                body = await body_of(request)
            except ClientDisconnect:
                return Response(status_code=204)  # nobody to answer
            if not isinstance(body, bytes):
                reply = body
        if reply is None:
            reply = await run_in_threadpool(endpoint.respond, method, target, headers, body)
        out = endpoint.headers(headers, reply)
        if reply.close:
            out["Connection"] = "close"
        return Response(reply.body, status_code=reply.status, headers=out)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    return Starlette(routes=[Route("/{path:path}", handle, methods=["GET", "HEAD", "POST", "OPTIONS"])],
                     lifespan=lifespan)


def main(argv=None) -> None:
    import uvicorn

    from graphkit.query.server import _size, make_endpoint, parse_size

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=7878)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--max-memory")
    ap.add_argument("--fast-lane", type=float, default=0.5)
    ap.add_argument("--allowed-host", action="append", default=[])
    ap.add_argument("--cors", action="append", default=[])
    ap.add_argument("--allow-service", action="append", default=[])
    ap.add_argument("--read-timeout", type=float, default=10.0)
    ap.add_argument("--max-connections", type=int, default=256, help="uvicorn's limit_concurrency (0: none)")
    ap.add_argument("--fast", action="store_true",
                    help="httptools and uvloop (pip install 'uvicorn[standard]') instead of h11 and asyncio")
    args = ap.parse_args(argv)

    endpoint = make_endpoint(args.graph, args.host, timeout=args.timeout, workers=args.workers,
                             allow_service=args.allow_service, allowed_hosts=args.allowed_host, cors=args.cors,
                             max_memory=parse_size(args.max_memory) if args.max_memory else None,
                             fast_lane=args.fast_lane)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    for name in ("graphkit.serve", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    # a socket of protocol IPPROTO_TCP, as uvicorn makes itself: asyncio sets TCP_NODELAY only on those (on a
    # socket.create_server socket, of protocol 0, every answer waited 40 ms for a delayed ACK)
    family, kind, proto, _, address = socket.getaddrinfo(args.host, args.port, type=socket.SOCK_STREAM,
                                                         proto=socket.IPPROTO_TCP)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(128)
    endpoint.address = "%s:%s" % sock.getsockname()[:2]
    config = uvicorn.Config(make_app(endpoint, read_timeout=args.read_timeout, threads=args.max_connections or 256),
                            backlog=128, limit_concurrency=args.max_connections or None,
                            timeout_keep_alive=args.read_timeout, timeout_graceful_shutdown=5,
                            log_config=None, server_header=False, http="httptools" if args.fast else "h11",
                            loop="uvloop" if args.fast else "asyncio")
    server = uvicorn.Server(config)
    limit = getattr(endpoint.pool, "max_memory", None)
    print(f"serving {args.graph} ({endpoint.graph.counts()}) at http://{endpoint.address}/sparql", file=sys.stderr)
    print(f"uvicorn {uvicorn.__version__} ({config.http}, {config.loop}); queries stop after {args.timeout:g} s"
          + (f" or {_size(limit)} of memory" if limit else ""), file=sys.stderr, flush=True)
    def stop(signum, frame):  # uvicorn raises the signal again once it has shut down
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        stats = getattr(endpoint.pool, "stats", None)
        print("stopped" + (f" ({', '.join(f'{k} {v}' for k, v in stats.items())})" if stats else ""),
              file=sys.stderr, flush=True)
        endpoint.close()


if __name__ == "__main__":
    main()
