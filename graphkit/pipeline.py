"""The library entry point: inputs → RDF dataset, with a report of what could not be read."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.ingest.article import Article, InputProblem


@dataclass
class BuildResult:
    dataset: object  # rdflib.Dataset
    articles: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    facts: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def extract_all(articles: Iterable[Article | InputProblem], *, on_article: Callable | None = None, dates=None):
    """Extract facts from each article; problems are passed through. Yields ArticleFacts or InputProblem.

    An article without a date is dated from its dateline (:func:`graphkit.ingest.metadata.dated`; a
    dateline without its year needs ``dates``, the days the articles were published in)."""
    from graphkit.extract.article import extract
    from graphkit.ingest.metadata import dated

    for item in articles:
        if isinstance(item, InputProblem):
            yield item
            continue
        if item.date is None:
            item = dated(item, dates)
        try:
            facts = extract(item)
        except Exception as e:  # one bad article must not stop the batch
            yield InputProblem(item.source, f"extraction failed ({type(e).__name__}: {e}); please report this article")
            continue
        if on_article:
            on_article(item)
        yield facts


def _duplicate(aid: str, source: str, first: tuple[str, str], graph: str = "") -> InputProblem:
    """The problem of an article whose graph an article read before has (``first``: its id and source): the
    same id, or another that makes the same IRI (ids are compared without case, accents and punctuation)."""
    first_id, first_source = first
    if first_id == aid:
        return InputProblem(source, f"duplicate article id '{aid}' (also {first_source}); kept the first")
    return InputProblem(source, f"article id '{aid}' names the same graph <{graph}> as article '{first_id}' "
                        f"({first_source}): ids are compared without case, accents and punctuation; kept the "
                        "first; give one of them another id (file name)")


class TakenGraphs:
    """Which article has each article graph: the first one read keeps it (an article graph's IRI is made
    from its article's id, compared without case, accents and punctuation).

    ``stored``: the graphs an existing store holds already and their articles' ids (``where``: how to say
    where they are): another article making one of them does not replace it.

    >>> taken = TakenGraphs()
    >>> taken.take("a1", "x.txt", "g1") is None
    True
    >>> taken.take("a1", "y.txt", "g1").message
    "duplicate article id 'a1' (also x.txt); kept the first"
    """

    def __init__(self, stored: dict[str, str] | None = None, where: str = ""):
        self.first: dict[str, tuple[str, str]] = {}  # graph IRI: the id and source of the article that has it
        self.stored = stored or {}
        self.where = where

    def take(self, aid: str, source: str, graph: str) -> InputProblem | None:
        """None when the article ``aid`` (read from ``source``) is the first to have ``graph`` (it has it from now
        on); else the problem to report, and the article is left out."""
        if graph in self.first:
            return _duplicate(aid, source, self.first[graph], graph)
        if graph in self.stored and self.stored[graph] != aid:  # another article's, from an earlier build
            return _duplicate(aid, source, (self.stored[graph], self.where), graph)
        self.first[graph] = (aid, source)
        return None


def build(inputs: Sequence[str | Path], *, max_bytes: int = 10_000_000, on_article: Callable | None = None,
          keep_facts: bool = False, resolve: bool = True, dates=None) -> BuildResult:
    """Build the graph of ``inputs`` (files, directories, corpora).

    Returns the dataset (one named graph per article; with ``resolve``, namesakes kept apart across
    articles and the resolution graph, see :mod:`graphkit.kg.resolve`), the ids of the articles
    built and the inputs that could not be read. An article with no date of its own is dated from its
    dateline, marked ``gk:dateInferred``; ``dates`` (start, end), the days the articles were published
    in, lets a dateline without its year count (:func:`graphkit.ingest.metadata.date_window`). Never prints.
    """
    from graphkit.ingest.readers import iter_articles
    from graphkit.kg.build import article_quads
    from graphkit.kg.namespaces import bind_all

    from rdflib import Dataset

    from graphkit.kg.ids import article_iri

    ds = Dataset()
    bind_all(ds)
    result = BuildResult(ds)
    taken = TakenGraphs()
    for item in extract_all(iter_articles(list(inputs), max_bytes=max_bytes), on_article=on_article, dates=dates):
        if isinstance(item, InputProblem):
            result.problems.append(item)
            continue
        aid = item.article.id
        if (problem := taken.take(aid, item.article.source, article_iri(aid))) is not None:
            result.problems.append(problem)
            continue
        ds.addN(article_quads(item))
        result.articles.append(aid)
        if keep_facts:
            result.facts.append(item)
    if resolve and len(result.articles) > 1:
        result.dataset = _resolved(ds)
    return result


def _resolved(ds):
    """``ds`` with persons resolved across articles (see :mod:`graphkit.kg.resolve`)."""
    from graphkit.kg import resolve as res
    from graphkit.kg.namespaces import bind_all
    from graphkit.kg.store import GraphStore, ntriples

    from rdflib import Dataset

    by_graph: dict = {}
    for q in ds.quads((None, None, None, None)):
        by_graph.setdefault(str(q[3]), []).append(q)
    with GraphStore(None) as gs:
        gs.put_graphs([(g, ntriples(qs)) for g, qs in sorted(by_graph.items())])
        r = res.apply(gs)
        if not r.renames() and not r.links:
            return ds
        out = Dataset()
        bind_all(out)
        out.parse(data=gs.nquads(), format="nquads")
    return out


@dataclass(frozen=True)
class Progress:
    """How far a build is: articles done (written or failed) out of ``total`` (an estimate; None when unknown)."""

    done: int
    total: int | None
    problems: int = 0
    phase: str = "building"  # building | resolving (persons across the store, after the articles)


@dataclass
class StoreBuildResult:
    """What :func:`build_into` did: the articles written (new or replaced), the problems, the store's size."""

    store: Path
    articles: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    quads: int = 0
    article_graphs: int = 0
    renamed: list[str] = field(default_factory=list)  # article graphs rewritten by person resolution
    possibly_same: int = 0  # gk:possiblySame links in the store
    stats: dict = field(default_factory=dict)  # what each step cost (the Dask engine: graphkit.engines.dask)

    @property
    def ok(self) -> bool:
        return not self.problems


def count_articles(inputs: Sequence[str | Path]) -> int | None:
    """A quick count of the articles in ``inputs`` (corpus lines, article files), for progress bars.

    Counts lines without parsing (nor keeping one in memory); blank lines and records that turn out
    bad are included. What the build refuses (a FIFO, a device, a gzip bomb) counts 0. None when nothing countable.
    """
    from graphkit.ingest.readers import _kind, _walk, count_records

    total = 0
    for given in inputs:
        path = Path(given)
        files = _walk(path) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            kind = _kind(f)
            if kind in (".jsonl", ".jsonl.gz"):
                total += count_records(f)
            elif kind is not None:
                total += 1
    return total or None


def _init_worker(parent: int | None = None) -> None:
    """Each worker loads the rule tokenizer (for sentence ends) once; Ctrl-C is the parent's to handle;
    the worker ends when its parent (pid ``parent``) does, even by ``kill -9`` (:func:`_die_with_parent`).

    The objects loaded so far live as long as the worker: the cyclic garbage collector leaves them
    out of its passes (``gc.freeze``), and runs less often (an article's objects are freed by
    reference counting; the collector cost ~5% of a worker's time, ~2.5% so)."""
    import gc
    import signal

    from graphkit.nlp.pipeline import get_tokenizer

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (the CLI's handler, inherited by fork: the pool ends workers so)
    if parent is not None:
        _die_with_parent(parent)
    get_tokenizer()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends, so that a build killed by ``kill -9`` leaves no worker behind
    (the pool's workers would wait on their queue forever, under PID 1). On Linux the kernel sends SIGKILL
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread looks at the parent's pid every second."""
    import os
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent ended before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="graphkit-parent-watch").start()


def _warm() -> int:
    import os

    return os.getpid()


def _extract_chunk(items: list, with_mentions: bool = False, dates=None) -> list:
    """Worker: read (corpus lines) and extract a chunk of articles.

    Returns ``(id, source, graph IRI, N-Triples as UTF-8, person mentions)`` per article (the mentions for
    resolution, :func:`graphkit.kg.resolve.mentions_in`, when ``with_mentions``, else None), and
    the problems. Only strings and small records travel back to the parent (no spaCy objects, no
    rdflib graphs).
    """
    from graphkit.ingest.readers import CorpusLine
    from graphkit.kg.build import article_graph
    from graphkit.kg.resolve import mention_predicates, mentions_in

    def articles():
        for item in items:
            if isinstance(item, CorpusLine):
                yield from item.read()
            else:
                yield item

    out: list = []
    read = mention_predicates()  # the triples mentions_in reads: the others are not made into strings for it
    for item in extract_all(articles(), dates=dates):
        if isinstance(item, InputProblem):
            out.append(item)
            continue
        g = article_graph(item)
        named = item.persons or item.holdings or item.meetings  # the facts that make person nodes (kg.build)
        out.append((item.article.id, item.article.source, g.iri, g.ntriples().encode("utf-8"),
                    mentions_in(g.iri, [(s, p, o.value) for s, p, o in g.triples if p in read])
                    if with_mentions and named else None))
    return out


def build_into(inputs: Sequence[str | Path], store: str | Path, *, jobs: int | None = None,
               max_bytes: int = 10_000_000, on_progress: Callable[[Progress], None] | None = None,
               chunk_size: int = 64, resolve: bool = True, dates=None) -> StoreBuildResult:
    """Build ``inputs`` into the on-disk store ``store`` (created when missing), on ``jobs`` processes.

    Articles already in the store are replaced, new ones added; the others are left alone. Worker
    processes extract (``jobs`` of them, default: every core); this process reads the inputs and
    writes the store: an existing store a chunk of whole article graphs per transaction, so an
    interrupted build leaves whole articles only; a new store with bulk loads in a staging
    directory moved into place at the end (:func:`~graphkit.kg.store.new_store`), so an interrupted
    build leaves no store. ``chunk_size`` articles go to a worker at a time (and, in an existing
    store, into one transaction). ``on_progress`` is called with a :class:`Progress` after each chunk.
    With ``resolve``, persons are then resolved across the whole store (:mod:`graphkit.kg.resolve`):
    the article graphs whose person IRIs change are rewritten, each in one transaction. ``dates``: as
    for :func:`build`. Never prints.
    """
    import functools

    from graphkit.ingest.readers import ReadPosition
    from graphkit.kg.store import GraphStore, default_jobs, is_store, new_store

    jobs = max(1, jobs or default_jobs())
    result = StoreBuildResult(Path(store))
    pool = _start_pool(jobs) if jobs > 1 else None  # before the store (and its threads) exists in this process
    fresh = not is_store(store)
    position = ReadPosition() if fresh else None  # how far the input is read: a new store's bulk loads follow it
    count = _Count(inputs) if on_progress else None  # the total, for the progress bar's ETA
    extract_chunk = _extract_chunk if dates is None else functools.partial(_extract_chunk, dates=dates)
    try:
        with (new_store(store) if fresh else GraphStore(store, create=True)) as gs:
            writer = _StoreWriter(gs, store, fresh, position, result, count, on_progress)
            chunks = _chunks(inputs, max_bytes, chunk_size, position, result.problems)
            _extract_and_write(chunks, extract_chunk, fresh, pool, jobs, writer.write)
            _finish(writer, resolve, jobs)
    except BaseException as e:
        _failed(e, pool, store, fresh)
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return result


def _start_pool(jobs: int):
    """A pool of ``jobs`` worker processes (forked where the platform can), all started."""
    import multiprocessing as mp
    import os
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(),))
    for f in [pool.submit(_warm) for _ in range(jobs)]:
        f.result()
    return pool


class _Count:
    """The count of the articles in some inputs (:func:`count_articles`), made on a thread as the build runs
    (started after the workers are forked); ``total`` is None until it is done."""

    def __init__(self, inputs: Sequence[str | Path]):
        import threading

        self.total: int | None = None
        self._thread = threading.Thread(target=self._run, args=(inputs,), daemon=True, name="graphkit-count")
        self._thread.start()

    def _run(self, inputs) -> None:
        self.total = count_articles(inputs)

    def join(self) -> None:
        self._thread.join()


def _chunks(inputs, max_bytes: int, chunk_size: int, position, problems: list):
    """The articles of ``inputs`` (as ``iter_articles(defer=True)`` gives them) in chunks of ``chunk_size``; what
    cannot be read goes to ``problems``."""
    from graphkit.ingest.readers import iter_articles

    chunk: list = []
    for item in iter_articles(list(inputs), max_bytes=max_bytes, defer=True, position=position):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        chunk.append(item)
        if len(chunk) >= chunk_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_and_write(chunks, extract_chunk: Callable, fresh: bool, pool, jobs: int, write: Callable) -> None:
    """Extract each chunk (here, or in the pool with a window of ``4 * jobs`` chunks in flight) and ``write`` what
    it gives, in input order; with the person mentions when the store is new (``fresh``)."""
    from collections import deque

    if pool is None:
        for chunk in chunks:
            write(extract_chunk(chunk, fresh))
        return
    pending: deque = deque()
    window = jobs * 4
    for chunk in chunks:
        pending.append(pool.submit(extract_chunk, chunk, fresh))
        while len(pending) >= window:
            write(_result(pending.popleft()))
    while pending:
        write(_result(pending.popleft()))


class _StoreWriter:
    """Writes the extracted chunks of :func:`build_into` into the store ``gs``, counts them and reports progress;
    keeps what person resolution needs of a new store (the mentions, and the N-Triples of the graphs with persons,
    up to ``_KEEP_BYTES``, so that they are not read back to rename)."""

    def __init__(self, gs, store, fresh: bool, position, result: StoreBuildResult, count: _Count | None,
                 on_progress: Callable[[Progress], None] | None):
        self.gs, self.fresh, self.position, self.result = gs, fresh, position, result
        self.count, self.on_progress = count, on_progress
        self.taken = TakenGraphs({} if fresh else _article_ids(gs), f"in {store}")
        self.persons: list = []  # a new store: the person mentions of the articles written (for resolution)
        self.kept: dict[str, bytes] = {}  # … and the N-Triples of their graphs, up to _KEEP_BYTES
        self.kept_bytes = 0
        self.wrote_places = False
        self.done = 0  # articles written or failed
        if fresh:
            gs.plan_bulk_loads()  # loads when a share of the input is read (see write)

    def write(self, items: list) -> None:
        """Write one chunk's articles (``_extract_chunk``'s records) and note its problems."""
        from graphkit.kg.store import write_places

        gs, result = self.gs, self.result
        graphs, ids = [], []
        for item in items:
            if isinstance(item, InputProblem):
                result.problems.append(item)
                continue
            aid, source, graph, nt, found = item
            if (problem := self.taken.take(aid, source, graph)) is not None:
                result.problems.append(problem)
                continue
            if found:
                self.persons.extend(found)
                if self.kept_bytes + len(nt) <= _KEEP_BYTES:
                    self.kept[graph] = nt
                    self.kept_bytes += len(nt)
            ids.append(aid)
            graphs.append((graph, nt))
        if graphs and not self.wrote_places:
            write_places(gs)
            self.wrote_places = True
        for aid, replaced in zip(ids, gs.put_graphs(graphs)):
            result.articles.append(aid)
            if replaced:
                result.replaced.append(aid)
        self.done += len(items)
        if not self.fresh and self.done // _FLUSH_EVERY != (self.done - len(items)) // _FLUSH_EVERY:
            gs.flush()  # write the memtables out: keeps this process's memory flat on big corpora
        if self.fresh:  # how far the input is read: ahead of what is written by the chunks in the workers
            gs.bulk_progress(self.position.share)
        if self.on_progress:
            total = self.count.total
            t = max(total, self.done) if total else None
            self.on_progress(Progress(self.done, t, len(result.problems)))


def _finish(writer: _StoreWriter, resolve: bool, jobs: int) -> None:
    """After the last chunk: the last bulk load of a new store, person resolution across the store, its size."""
    from graphkit.kg.resolve import apply as resolve_persons, resolve_known

    gs, result = writer.gs, writer.result
    if resolve and result.articles and writer.on_progress:
        writer.count.join()
        writer.on_progress(Progress(writer.done, max(writer.count.total or 0, writer.done) or None,
                                    len(result.problems), "resolving"))
    # a new store holds only this build's articles: their mentions came with them, and are resolved
    # while the second bulk load may still run
    planned = resolve_known(writer.persons) if writer.fresh and resolve and result.articles else None
    gs.finish_appends(jobs)  # a new store: the last bulk load, on every core (resolution rewrites the store)
    if resolve and result.articles:
        r = resolve_persons(gs, resolution=planned, texts=writer.kept)
        result.renamed = sorted(r.renames())
        result.possibly_same = len({(a, b) for a, b, _e, _s in r.links})
    result.quads = len(gs)
    result.article_graphs = gs.article_graph_count()


def _failed(e: BaseException, pool, store, fresh: bool) -> None:
    """After Ctrl-C or an error: the pool stopped; a full disk raised as :class:`~graphkit.errors.DiskFullError`."""
    if pool is not None:
        # drop the queued chunks and wait only for those the workers hold (a second or so). Not waiting races
        # the pool's own exit handler at interpreter exit ("OSError: Bad file descriptor" from its thread
        # wake-up pipe, Python 3.11).
        pool.shutdown(wait=True, cancel_futures=True)
    if _disk_full(e):
        from graphkit.errors import DiskFullError

        kept = ("nothing was written there (a new store is moved into place only when its build completes)"
                if fresh else "the store holds the articles written before, whole ones only")
        raise DiskFullError(f"{store}: the disk is full ({e}); {kept}; free some space and run the same "
                            "command again") from e


# the N-Triples of a new store's graphs with persons kept for resolution, at most (UTF-8): the corpus's are ~85 MB.
# Resolution renames persons in a few of them (422 on the corpus); read back from a store just bulk-loaded,
# they took ~1 ms each (0.47 s), in the build's tail
_KEEP_BYTES = 128_000_000

# articles between two flushes of the store's memtables: every 1,000 cost ~2-3 s more CPU on the corpus
# than every 4,000, which peaks ~70 MB higher; never flushing peaked at 934 MB and was no faster
_FLUSH_EVERY = 4000


def _disk_full(e: BaseException) -> bool:
    """Whether ``e`` (an OSError, or what Oxigraph raises from RocksDB) says the disk is full."""
    import errno

    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(e, (OSError, RuntimeError)) and ("No space left" in str(e) or "Disk quota" in str(e))


def _article_ids(gs) -> dict[str, str]:
    """The article graphs of a store and their articles' ids (gk:articleId), so that an article whose id
    differs but makes the same graph IRI does not replace another silently (~0.1 s for the corpus)."""
    from graphkit.kg.namespaces import GK_URI

    rows = gs.oxigraph.query(f"SELECT ?g ?id {{ GRAPH ?g {{ ?a <{GK_URI}articleId> ?id }} }}")
    return {row["g"].value: row["id"].value for row in rows}


def _result(future):
    from concurrent.futures.process import BrokenProcessPool

    from graphkit.errors import GraphkitError

    try:
        return future.result()
    except BrokenProcessPool as e:
        raise GraphkitError("a worker process died (out of memory, or killed); the store holds the articles "
                            "written so far; run the build again, with --jobs 1 to find the article") from e
