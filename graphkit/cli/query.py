"""``graphkit query``, ``graphkit ask`` and ``graphkit serve``: SPARQL over a built graph."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import GRAPH_HELP, err, open_graph, reports_errors, stderr_console, table_console
from graphkit.cli.app import app

FORMAT_HELP = ("Output format: table (the default on screen), csv, tsv, json (SPARQL 1.1 JSON results) or xml for "
               "SELECT and ASK; turtle (the default), nt, nq, trig, jsonld or rdfxml for CONSTRUCT and DESCRIBE. "
               "Without it, --out's extension decides.")
OUT_HELP = "Write the results to this file instead of the screen."
TIMEOUT_HELP = "Stop a query that runs longer than this many seconds."
SERVICE_HELP = ("Let SERVICE clauses call endpoints on this host (a name, an address, or HOST:PORT); repeatable. "
                "Without it, a query with SERVICE is refused: nothing is sent to any host.")


def _pick_format(fmt: str | None, out: Path | None, kind: str) -> str:
    from graphkit.errors import QueryError
    from graphkit.query.results import EXTENSIONS, RDF_FORMATS, RESULT_FORMATS

    choices = RDF_FORMATS if kind == "graph" else {**RESULT_FORMATS, "table": None}
    if fmt is None and out is not None:
        fmt = EXTENSIONS.get(out.suffix.lower())
        if fmt is None or fmt not in choices:
            raise QueryError(f"{out}: cannot tell the format from '{out.suffix or '(no extension)'}'; add --format")
    if fmt is None:
        fmt = "turtle" if kind == "graph" else "table"
    fmt = fmt.lower()
    if fmt not in choices:
        what = "a CONSTRUCT or DESCRIBE query gives RDF" if kind == "graph" else "a SELECT or ASK query gives results"
        raise QueryError(f"{what}: --format must be one of {', '.join(choices)}, not '{fmt}'")
    return fmt


CELL = 100  # characters of a cell shown in a table; csv, tsv, json and xml give every character


def _table(result, title: str | None = None) -> None:
    from rich.markup import escape
    from rich.table import Table

    from graphkit.query.results import display

    console = table_console(soft_wrap=False)
    if result.kind == "ask":
        console.print("true" if result.boolean else "false")
        return
    table = Table(title=title and escape(title), title_justify="left", show_lines=False, header_style="bold")
    for v in result.vars:
        table.add_column(escape(v), overflow="fold")
    shortened = 0
    for row in result.rows:
        cells = []
        for t in row:
            text = display(t)
            if len(text) > CELL:
                text, shortened = text[:CELL - 1].rstrip() + "…", shortened + 1
            cells.append(escape(text))
        table.add_row(*cells)
    console.print(table)
    n = len(result.rows)
    note = f"; {shortened} long cell{'s' if shortened != 1 else ''} shortened (--format csv shows them whole)" if shortened else ""
    stderr_console().print(f"{n} row{'s' if n != 1 else ''} in {result.elapsed * 1000:.0f} ms{note}",
                           style="dim", highlight=False, markup=False)


def _emit(result, fmt: str, out: Path | None, title: str | None = None) -> None:
    from graphkit.query.results import serialize

    if fmt == "table" and out is None:
        _table(result, title)
        return
    text = serialize(result, fmt)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from graphkit.kg.serialize import write_atomic

    write_atomic(out, text)
    n = len(result)
    err(f"{n} {'triple' if result.kind == 'graph' else 'row'}{'s' if n != 1 else ''} → {out}")


def _parse_params(pairs: list[str] | None) -> dict:
    from graphkit.errors import QueryError

    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param '{pair}': write NAME=VALUE")
        params[name.strip().lstrip("$")] = value
    return params


@app.command()
@reports_errors
def query(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    text: Annotated[Optional[str], typer.Argument(metavar="[QUERY]", help="The SPARQL query (or give --file).",
                                                  show_default=False)] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from this file (.rq).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help=FORMAT_HELP, show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=OUT_HELP)] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="NAME=VALUE: write VALUE (as a string literal) for $NAME in the query; repeatable.")] = None,
    timeout: Annotated[Optional[float], typer.Option(help=TIMEOUT_HELP)] = None,
    allow_service: Annotated[Optional[list[str]], typer.Option("--allow-service", metavar="HOST",
                                                               help=SERVICE_HELP)] = None,
):
    """Run a SPARQL query on a graph.

    The prefixes gk:, gkid:, org:, schema:, prov:, skos:, rdfs:, rdf:, xsd:, owl:, foaf:, eli: and
    dcterms: are predeclared. A query without GRAPH sees the facts of every article at once;
    GRAPH ?article { … } finds the article that states them.
    """
    from graphkit.errors import QueryError
    from graphkit.query import run_query

    if (text is None) == (file is None):
        raise QueryError("give the query as an argument or with --file, not both" if text and file
                         else "no query: give it as an argument, or --file q.rq")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"{file}: cannot read the query ({e.strerror or e})") from None
    g = open_graph(graph)
    result = run_query(g, text, params=_parse_params(param), timeout=timeout, allow_service=allow_service)
    _emit(result, _pick_format(fmt, out, result.kind), out)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
             options_metavar="GRAPH QUESTION [--PARAMETER VALUE]... [OPTIONS]")
@reports_errors
def ask(
    ctx: typer.Context,
    list_: Annotated[bool, typer.Option("--list", help="List the questions and their parameters (of one question, if named).")] = False,
    show_query: Annotated[bool, typer.Option("--show-query", help="Print the question's SPARQL with the parameters written in, and stop (no GRAPH needed).")] = False,
    fmt: Annotated[Optional[str], typer.Option("--format", help=FORMAT_HELP, show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=OUT_HELP)] = None,
    timeout: Annotated[Optional[float], typer.Option(help=TIMEOUT_HELP)] = None,
):
    """Ask one of the research questions shipped with graphkit.

    graphkit ask GRAPH QUESTION --parameter value … (GRAPH: a graph file or a store directory);
    graphkit ask --list shows the questions and their parameters. Names match whole labels
    ignoring case; typed without diacritics they match every accented spelling (Truong Thi Mai
    finds Trương Thị Mai); * matches any text (Bí thư Tỉnh ủy *).
    """
    from graphkit.errors import QueryError
    from graphkit.query import ask as ask_question
    from graphkit.query import question

    positional, values = _question_args(ctx.args)
    if list_:
        _list_questions(positional[-1] if positional else None)
        return
    if show_query:
        if not positional:
            raise QueryError("name the question: graphkit ask --show-query QUESTION --parameter value")
        sys.stdout.write(question(positional[-1]).render(values))
        return
    if len(positional) != 2:
        raise QueryError("give the graph and the question: graphkit ask GRAPH QUESTION --parameter value "
                         "(graphkit ask --list shows the questions)"
                         + (f"; got {' '.join(positional)}" if positional else ""))
    graph, name = positional
    q = question(name)
    result = ask_question(open_graph(graph), q.name, timeout=timeout, **values)
    _emit(result, _pick_format(fmt, out, result.kind), out, title=q.title)
    _next_page(q, values, len(result.rows))


def _next_page(q, values: dict, rows: int) -> None:
    """A question answered a page at a time (``--limit``, ``--offset``): say how to get the next page when
    this one is full."""
    names = {p.name for p in q.params}
    if not {"limit", "offset"} <= names:
        return
    bound = q.bind(values)
    limit, offset = bound["limit"], bound["offset"]
    if limit and rows >= limit:
        err(f"{q.name}: a page of {limit:,} from {offset:,}; there may be more: --offset {offset + limit} gives the next page")


def _question_args(args: list[str]) -> tuple[list[str], dict]:
    """Positional arguments, and ``--name value`` / ``--name=value`` parameters, in order."""
    from graphkit.errors import QueryError

    positional, values, i = [], {}, 0
    while i < len(args):
        token = args[i]
        if token.startswith("--") and len(token) > 2:
            key, sep, value = token[2:].partition("=")
            if not sep:
                if i + 1 >= len(args):
                    raise QueryError(f"--{key} needs a value")
                value = args[i + 1]
                i += 1
            values[key.replace("-", "_")] = value
        else:
            positional.append(token)
        i += 1
    if len(positional) > 2:
        raise QueryError(f"unexpected argument '{positional[2]}'; give parameters as --name value")
    return positional, values


def _list_questions(only: str | None) -> None:
    from rich.table import Table

    from graphkit.query import question, questions

    console = table_console()
    if only:
        q = question(only)
        console.print(f"[bold]{q.name}[/bold] — {q.title}\n\n{q.description}\n")
        for p in q.params:
            need = "required" if p.required else f"default {p.default}"
            console.print(f"  --{p.name.replace('_', '-')}  {p.help} ({p.type}; {need})", highlight=False)
        console.print(f"\nExample: graphkit ask GRAPH {q.name} {q.example}", highlight=False)
        return
    table = Table(show_header=True, header_style="bold", show_lines=False)
    table.add_column("question")
    table.add_column("asks")
    table.add_column("parameters")
    for q in questions().values():
        params = " ".join(f"--{p.name.replace('_', '-')}" + ("" if p.required else f" [{p.default}]") for p in q.params)
        table.add_row(q.name, q.title, params)
    console.print(table)


@app.command()
@reports_errors
def serve(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    host: Annotated[str, typer.Option(help="Address to listen on; the default is this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 7878,
    timeout: Annotated[float, typer.Option(help="Stop a query that runs longer than this many seconds.")] = 30.0,
    workers: Annotated[int, typer.Option(help="How many queries run at once (each in its own process).")] = 2,
    allow_service: Annotated[Optional[list[str]], typer.Option("--allow-service", metavar="HOST",
                                                               help=SERVICE_HELP)] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option(
        "--allowed-host", metavar="NAME",
        help="Answer requests whose Host header gives this name too (besides --host; * for any); repeatable. "
             "Requests under other names are refused (DNS rebinding).")] = None,
    cors: Annotated[Optional[list[str]], typer.Option(
        "--cors", metavar="ORIGIN",
        help="Let pages of this origin (https://example.org, or *) query the endpoint from a browser; repeatable. "
             "Without it, cross-site requests are refused and no CORS header is sent.")] = None,
    max_memory: Annotated[Optional[str], typer.Option(
        "--max-memory", metavar="SIZE",
        help="Memory a query may take in its worker (512M, 2G); past it the query is stopped with 503 and the "
             "worker replaced. Default: 1G, or a quarter of the machine's memory if less.", show_default=False)] = None,
    fast_lane: Annotated[float, typer.Option(
        "--fast-lane", metavar="SECONDS",
        help="When every worker is busy, a query runs on a reserve worker for up to this much CPU time (4 times "
             "that of wall-clock time) before it waits for a regular one, so cheap queries are answered while others run heavy ones (0: no reserve).")] = 0.5,
):
    """Serve a graph as a read-only SPARQL endpoint (SPARQL 1.1 Protocol) until Ctrl-C (or SIGTERM).

    Queries go to /sparql by GET or POST; results come as JSON, XML, CSV or TSV (RDF for
    CONSTRUCT) by the Accept header. UPDATE is refused. Open / in a browser to type queries.
    """
    import logging

    from graphkit.query import open_graph
    from graphkit.query.server import make_server

    console = stderr_console()
    with console.status(f"opening {graph} …"):
        g = open_graph(graph)  # a store directory: queried in place, read-only, by each worker
        g.prepare()
    from graphkit.query.server import parse_size

    server = make_server(g, host, port, timeout=timeout, workers=workers, allow_service=allow_service or (),
                         allowed_hosts=allowed_host or (), cors=cors or (),
                         max_memory=parse_size(max_memory) if max_memory else None, fast_lane=fast_lane)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log = logging.getLogger("graphkit.serve")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    base = server.url.rsplit("/", 1)[0]
    err(f"serving {graph} ({g.counts()}) at {server.url}")
    from graphkit.query.server import _size

    limit = getattr(server.pool, "max_memory", None)
    err(f"query page: {base}/ ; queries stop after {timeout:g} s"
        + (f" or {_size(limit)} of memory" if limit else "") + "; Ctrl-C stops the server")
    if allow_service:
        err(f"SERVICE may call: {', '.join(allow_service)}")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err(f"warning: listening on {host}: anyone who can reach this port can query the graph")
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    # Ctrl-C (SIGINT) stops the server even when it was started as a shell's background job, which starts with
    # SIGINT ignored (the server would then outlive every 'kill -INT')
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        stats = getattr(server.pool, "stats", None)
        err("stopped" + (f" ({', '.join(f'{k} {v}' for k, v in stats.items())})" if stats else ""))
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        server.close()
        log.removeHandler(handler)
