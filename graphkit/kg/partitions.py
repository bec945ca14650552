"""A build in partitions: the steps a distributed engine runs as tasks (:mod:`graphkit.engines.dask`).

A partitioned build writes, into a *parts directory*:

- ``part-NNNNN.nq``: the N-Quads of one partition's article graphs, followed by the distinct triples
  of those graphs for the default graph (the merge, see :mod:`graphkit.kg.store`): every part is
  ready for a bulk load, in any order, into Oxigraph (ours, or the ``oxigraph`` server's
  ``oxigraph load``); a triple loaded twice is stored once;
- ``mentions-NNNNN.parquet``: the person mentions of those graphs (:func:`graphkit.kg.resolve.mentions_in`),
  one row each, with the *bucket* of their name (``crc32(name) % buckets``): the table person
  resolution is shuffled by. Resolution only ever compares mentions of one name
  (:func:`graphkit.kg.resolve.resolve`), so resolving each bucket on its own gives the global result;
- ``part-places.nq`` and ``part-resolution.nq``: the places reference graph and the resolution graph.

The steps, each a plain function of files and small values (no process-global state, no signal
handlers: they run in the worker threads of an engine):

1. :func:`extract_part`: a partition's articles → its part file and mentions table;
2. :func:`resolve_bucket`: the mentions of one bucket of names → the renames and ``gk:possiblySame`` links;
3. :func:`rewrite_part`: a part file whose graphs resolution renames (or that holds an article
   another partition had first) is rewritten; the others are left as they are;
4. :func:`load_parts` (in the process that owns the store): bulk loads of the parts.

Each file is written under a temporary name and renamed into place, so a task run again (its
worker died) leaves whole files only.
"""
from __future__ import annotations

import os
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PART = "part-{:05d}.nq"
MENTIONS = "mentions-{:05d}.parquet"
PLACES_PART = "part-places.nq"
RESOLUTION_PART = "part-resolution.nq"


def bucket_of(name: str, buckets: int) -> int:
    """The bucket of a person's name: the same in every process (unlike ``hash()``)."""
    return zlib.crc32(name.encode("utf-8")) % max(1, buckets)


@dataclass
class PartResult:
    """What :func:`extract_part` did (small: it travels back to the driver)."""

    index: int
    path: str
    mentions_path: str
    articles: list[tuple[str, str, str]] = field(default_factory=list)  # (id, source, graph IRI), in input order
    problems: list = field(default_factory=list)  # InputProblem, in input order
    quads: int = 0
    lines: int = 0  # of the part file (the quads and the merged triples)
    bytes_written: int = 0
    mention_rows: int = 0
    mention_bytes: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    pid: int = 0
    peak_rss: int = 0  # the worker's peak RSS (bytes) when the task ended


@dataclass
class BucketResult:
    bucket: int
    renames: dict[str, dict[str, str]]
    links: list
    rows: int = 0
    bytes_read: int = 0
    cpu: float = 0.0
    pid: int = 0
    peak_rss: int = 0


def peak_rss() -> int:
    """This process's peak resident set size, in bytes."""
    import resource
    import sys

    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def _write_atomic(path: Path, chunks: Iterable[bytes]) -> int:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    n = 0
    with open(tmp, "wb") as f:
        for c in chunks:
            f.write(c)
            n += len(c)
    os.replace(tmp, path)
    return n


def _part_bytes(graphs: Sequence[tuple[str, bytes]]) -> tuple[list[bytes], int]:
    """The N-Quads of ``graphs`` (IRI, N-Triples) and then their distinct triples (the default graph)."""
    from graphkit.kg.store import _nquads_of

    chunks = [_nquads_of(g, nt) for g, nt in graphs]
    lines = sum(c.count(b"\n") for c in chunks)
    seen: dict[bytes, None] = {}
    for _g, nt in graphs:
        for line in nt.splitlines():
            if line:
                seen[line] = None
    chunks.append(b"".join(ln + b"\n" for ln in seen))
    return chunks, lines


_MENTION_COLUMNS = ("part", "graph", "iri", "name", "date", "provinces", "posts", "place_posts", "bucket")


def _mentions_table(part: int, mentions: list, buckets: int):
    import pyarrow as pa

    cols: dict[str, list] = {c: [] for c in _MENTION_COLUMNS}
    for m in mentions:
        cols["part"].append(part)
        cols["graph"].append(m.graph)
        cols["iri"].append(m.iri)
        cols["name"].append(m.name)
        cols["date"].append(m.date.isoformat() if m.date else None)
        cols["provinces"].append(sorted(m.provinces))
        cols["posts"].append(sorted(m.posts))
        cols["place_posts"].append(sorted(m.place_posts))
        cols["bucket"].append(bucket_of(m.name, buckets))
    schema = pa.schema([("part", pa.int32()), ("graph", pa.string()), ("iri", pa.string()), ("name", pa.string()),
                        ("date", pa.string()), ("provinces", pa.list_(pa.string())),
                        ("posts", pa.list_(pa.string())), ("place_posts", pa.list_(pa.string())),
                        ("bucket", pa.int32())])
    return pa.table(cols, schema=schema)


def extract_part(items: list, parts_dir: str, index: int, buckets: int, dates=None) -> PartResult:
    """Extract a partition's articles (corpus lines or articles, as ``iter_articles(defer=True)`` gives
    them) into ``part-INDEX.nq`` and ``mentions-INDEX.parquet`` in ``parts_dir``. ``dates``: the days the
    articles were published in, for dating an article by its dateline (``graphkit build --year``).

    An article whose graph an earlier article of the partition has is left out (a problem, as the
    local engine says it); between partitions, the driver decides (:func:`rewrite_part`)."""
    import pyarrow.parquet as pq

    from graphkit.ingest.article import InputProblem
    from graphkit.pipeline import TakenGraphs, _extract_chunk

    t0, c0 = time.perf_counter(), time.process_time()
    d = Path(parts_dir)
    res = PartResult(index, str(d / PART.format(index)), str(d / MENTIONS.format(index)), pid=os.getpid())
    taken = TakenGraphs()
    graphs: list[tuple[str, bytes]] = []
    mentions: list = []
    for item in _extract_chunk(items, True, dates):
        if isinstance(item, InputProblem):
            res.problems.append(item)
            continue
        aid, source, graph, nt, found = item
        if (problem := taken.take(aid, source, graph)) is not None:
            res.problems.append(problem)
            continue
        res.articles.append((aid, source, graph))
        graphs.append((graph, nt))
        if found:
            mentions.extend(found)
    chunks, res.quads = _part_bytes(graphs)
    res.lines = sum(c.count(b"\n") for c in chunks)
    res.bytes_written = _write_atomic(Path(res.path), chunks)
    table = _mentions_table(index, mentions, buckets)
    tmp = Path(res.mentions_path).with_name(f".mentions-{index:05d}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, res.mentions_path)
    res.mention_rows = table.num_rows
    res.mention_bytes = os.path.getsize(res.mentions_path)
    res.bytes_written += res.mention_bytes
    res.cpu, res.wall, res.peak_rss = time.process_time() - c0, time.perf_counter() - t0, peak_rss()
    return res


def resolve_bucket(mention_paths: Sequence[str], bucket: int, dropped: Sequence[tuple[int, str]] = (), *,
                   margin_days: int | None = None) -> BucketResult:
    """Resolve the persons of one bucket of names, read from every partition's mentions table
    (the rows of ``dropped`` ``(part, graph)``, articles another partition had first, left out)."""
    import datetime as dt

    import pyarrow.parquet as pq

    from graphkit.kg.resolve import MARGIN_DAYS, Mention, resolve_known

    c0 = time.process_time()
    drop = set(dropped)
    found: list = []
    rows = read = 0
    for p in mention_paths:
        t = pq.read_table(p, filters=[("bucket", "=", bucket)])
        read += t.nbytes
        rows += t.num_rows
        for r in t.to_pylist():
            if (r["part"], r["graph"]) in drop:
                continue
            found.append(Mention(r["graph"], r["iri"], r["name"],
                                 dt.date.fromisoformat(r["date"]) if r["date"] else None,
                                 set(r["provinces"]), set(r["posts"]), set(r["place_posts"])))
    res = resolve_known(found, margin_days=MARGIN_DAYS if margin_days is None else margin_days)
    return BucketResult(bucket, res.renames(), res.links, rows, read, time.process_time() - c0, os.getpid(),
                        peak_rss())


def merge_renames(into: dict[str, dict[str, str]], more: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Add one bucket's renames ``{graph: {IRI: new IRI}}`` to ``into``: an article graph naming persons
    of several buckets gets the renames of each.

    >>> merge_renames({"g": {"a": "a/x"}}, {"g": {"b": "b/y"}, "h": {"b": "b/y"}})
    {'g': {'a': 'a/x', 'b': 'b/y'}, 'h': {'b': 'b/y'}}
    """
    for g, r in more.items():
        into.setdefault(g, {}).update(r)
    return into


def _graph_of(line: bytes) -> bytes:
    """The graph IRI of an N-Quads line as graphkit writes them (``… <g> .``)."""
    return line[line.rindex(b" <") + 2:-3]


def rewrite_part(path: str, renames: dict[str, dict[str, str]], dropped: Sequence[str] = ()) -> int:
    """Rewrite a part file: the person IRIs of the graphs in ``renames`` changed
    (:func:`graphkit.kg.resolve.rename_ntriples`), the graphs in ``dropped`` left out, and its
    default-graph triples made again from what is left. Returns the bytes written."""
    from graphkit.kg.resolve import rename_ntriples
    from graphkit.kg.store import _in_named_graph

    data = Path(path).read_bytes()
    drop = {g.encode("utf-8") for g in dropped}
    ren = {g.encode("utf-8"): r for g, r in renames.items()}
    by_graph: dict[bytes, list[bytes]] = {}
    order: list[bytes] = []
    for line in data.split(b"\n"):
        if not line or not _in_named_graph(line.decode("utf-8")):
            continue  # the default-graph triples are made again below
        g = _graph_of(line)
        if g in drop:
            continue
        if g not in by_graph:
            by_graph[g] = []
            order.append(g)
        by_graph[g].append(line[:-(len(g) + 5)] + b" .")
    graphs = []
    for g in order:
        nt = b"\n".join(by_graph[g]) + b"\n"
        if g in ren:
            nt = rename_ntriples(nt.decode("utf-8"), ren[g]).encode("utf-8")
        graphs.append((g.decode("utf-8"), nt))
    chunks, _lines = _part_bytes(graphs)
    return _write_atomic(Path(path), chunks)


def graph_texts(path: str, graphs: Sequence[str]) -> dict[str, bytes]:
    """The N-Triples (UTF-8) of some graphs of a part file, as they were loaded from it."""
    want = {g.encode("utf-8") for g in graphs}
    out: dict[bytes, list[bytes]] = {}
    for line in Path(path).read_bytes().split(b"\n"):
        if not line.endswith(b"> .") or line.count(b" ") < 4:
            continue
        g = _graph_of(line)
        if g in want and _in_named(line):
            out.setdefault(g, []).append(line[:-(len(g) + 5)] + b" .\n")
    return {g.decode("utf-8"): b"".join(v) for g, v in out.items()}


def _in_named(line: bytes) -> bool:
    from graphkit.kg.store import _in_named_graph

    return _in_named_graph(line.decode("utf-8"))


def write_graph_part(path: str | Path, graph: str, nt: bytes) -> int:
    """A part file of one graph (the places or resolution graph)."""
    chunks, _ = _part_bytes([(graph, nt)])
    return _write_atomic(Path(path), chunks)


def part_files(parts_dir: str | Path) -> list[Path]:
    """The part files of a parts directory, in a fixed order."""
    return sorted(Path(parts_dir).glob("part-*.nq"))
