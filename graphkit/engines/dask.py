"""``graphkit build --engine dask``: the build as Dask tasks, on this machine or on a Dask cluster.

The same input gives the same store as the local engine (:func:`graphkit.pipeline.build_into`),
whatever the partitions or workers. The steps (:mod:`graphkit.kg.partitions`):

1. the driver (this process) reads the inputs and sends partitions of articles (raw corpus lines)
   to the workers, a few at a time; each task extracts its articles into a part file (N-Quads)
   and a mentions table (Parquet);
2. the mentions are shuffled by the bucket of their name: one task per bucket reads its rows from
   every table and resolves them (the only data crossing between partitions: ~190 bytes an article);
3. the part files holding graphs that resolution renames are rewritten (and articles another
   partition had first are dropped, as the local engine drops them);
4. the driver bulk-loads the parts into a new store, made in a staging directory and moved into
   place when complete (:func:`graphkit.kg.store.new_store`); or, with ``parts_only``, leaves the
   parts for another store (``oxigraph load``, see docs/scaling.md).

Without a scheduler address, a ``LocalCluster`` of one single-threaded worker process per core runs
the tasks. With one, the parts directory must be on a file system the workers and this process share
(it is beside the store, or ``parts_only``). A worker that dies (killed, out of memory) has its task
run again on another worker, up to Dask's ``distributed.scheduler.allowed-failures`` times; then the
build fails with :class:`~graphkit.errors.GraphkitError` and no store is made. The packages come
with ``pip install 'graphkit[dask]'`` and are imported only here.
"""
from __future__ import annotations

import math
import os
import shutil
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

from graphkit.errors import GraphkitError, StoreError

EXTRA = "pip install 'graphkit[dask]'  (dask[distributed,bag] and pyarrow)"


def _need():
    import importlib

    try:
        for name in ("dask.distributed", "distributed", "pyarrow"):  # (dask.distributed: only a name for distributed)
            importlib.import_module(name)
    except ImportError as e:
        raise GraphkitError(f"--engine dask needs the optional packages of graphkit's 'dask' extra, not installed "
                            f"here ({e.name or e} is missing): {EXTRA}") from None


def default_partitions(articles: int | None, workers: int) -> int:
    """Partitions for a build: ~2,000 articles each, at least four per worker (balance, and bounded
    memory in every process: only a few partitions are in flight)."""
    return max(4 * workers, math.ceil((articles or 0) / 2000), 1)


class _Cluster:
    """A Dask client on ``scheduler`` or on a new LocalCluster of ``workers`` processes."""

    def __init__(self, scheduler: str | None, workers: int):
        import logging

        from dask.distributed import Client, LocalCluster

        self.cluster = None
        t0 = time.perf_counter()
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, RuntimeError) as e:
            self.close()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise GraphkitError(f"cannot connect to {where} ({e}); start it (dask scheduler; dask worker ADDRESS) "
                                "or leave --scheduler out for a local cluster") from None
        self.startup = time.perf_counter() - t0

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def _results(futures_done, handle, what: str) -> None:
    """Call ``handle`` with each finished future's result; a killed worker becomes a GraphkitError."""
    from dask.distributed import KilledWorker

    for fut in futures_done:
        try:
            res = fut.result()
        except KilledWorker as e:
            raise GraphkitError(f"Dask workers died running {what} ({e}); each task is run again when its worker "
                                "dies, and this one failed too often (out of memory? see the workers' logs); "
                                "no store was made; run the build again") from None
        handle(res)


def _remove_dir(d: Path, *, tries: int = 100, pause: float = 0.05) -> None:
    """Remove the directory ``d``, even while a task of a failed build still running on another worker
    writes into it: a file it adds during the removal leaves ``d`` not empty, so the removal is tried
    again (nothing makes ``d`` anew; a task that finds it gone fails, and its client is closed)."""
    for _ in range(tries):
        shutil.rmtree(d, ignore_errors=True)
        if not d.exists():
            return
        time.sleep(pause)


def build_into_dask(inputs: Sequence[str | Path], store: str | Path | None, *, scheduler: str | None = None,
                    partitions: int | None = None, workers: int | None = None, parts_only: str | Path | None = None,
                    buckets: int | None = None, max_bytes: int = 10_000_000, resolve: bool = True,
                    on_progress: Callable | None = None, dates=None):
    """Build ``inputs`` into the new store ``store`` with Dask (see the module docstring); with
    ``parts_only``, into part files in that directory instead (``store`` may then be None).

    ``workers``: processes of the local cluster (default: every core; ignored with ``scheduler``).
    ``partitions``: of the articles (default :func:`default_partitions`); ``buckets``: of the names
    for resolution (default: twice the workers, at most the partitions). ``dates``: the days the articles
    were published in (:func:`graphkit.ingest.metadata.date_window`), as the local engine takes them. Returns a
    :class:`~graphkit.pipeline.StoreBuildResult` whose ``stats`` say what each step cost. Never prints.
    """
    from graphkit.kg.store import _check_new, default_jobs, is_store
    from graphkit.pipeline import StoreBuildResult

    _need()
    if store is None and parts_only is None:
        raise GraphkitError("give --into STORE_DIR or --parts-only DIR to the Dask engine")
    if store is not None:
        if is_store(store):
            raise StoreError(f"{store}: already a store; --engine dask makes new stores only; give --into a new "
                             "directory, or add to this store with --engine local")
        _check_new(Path(store))
    t_start = time.perf_counter()
    if parts_only is not None:
        parts_dir = Path(parts_only)
        if parts_dir.exists() and any(parts_dir.iterdir()):
            raise GraphkitError(f"{parts_dir}: not empty; give --parts-only a new or empty directory")
        parts_dir.mkdir(parents=True, exist_ok=True)
        temporary = False
    else:
        store = Path(store)
        parts_dir = store.parent / f".{store.name}.parts-{os.getpid()}"
        shutil.rmtree(parts_dir, ignore_errors=True)
        parts_dir.mkdir(parents=True)
        temporary = True
    result = StoreBuildResult(Path(store) if store is not None else parts_dir)
    stats: dict = {"engine": "dask", "scheduler": scheduler or "local", "tasks": [], "buckets": []}
    result.stats = stats
    cluster = None
    with ExitStack() as stack:
        if temporary:  # removed last, after the loads that read it
            stack.callback(_remove_dir, parts_dir)
        try:
            if store is not None and parts_only is None:  # the parts are loaded as they come (step 4 overlaps 1)
                from graphkit.kg.store import new_store

                gs = stack.enter_context(new_store(store))
            else:
                gs = None
            cluster = _Cluster(scheduler, max(1, workers or default_jobs()))
            _run(cluster, gs, inputs, store, parts_dir, parts_only, result, stats, partitions=partitions,
                 buckets=buckets, max_bytes=max_bytes, resolve=resolve, on_progress=on_progress,
                 t_start=t_start, stack=stack, dates=dates)
            return result
        except BaseException:
            if cluster is not None:
                cluster.close()
            raise


def _run(cluster, gs, inputs, store, parts_dir: Path, parts_only, result, stats, *, partitions, buckets, max_bytes,
         resolve, on_progress, t_start, stack, dates=None) -> None:
    import concurrent.futures
    import threading

    from dask.distributed import as_completed

    from graphkit.ingest.article import InputProblem
    from graphkit.ingest.readers import iter_articles
    from graphkit.kg import partitions as parts
    from graphkit.kg.store import _BULK_PIECE_LINES
    from graphkit.pipeline import Progress, TakenGraphs, count_articles

    client = cluster.client
    n_workers = cluster.workers()
    stats["startup"] = cluster.startup
    stats["workers"] = n_workers
    total = count_articles(inputs)
    n_parts = max(1, partitions or default_partitions(total, n_workers))
    size = max(1, math.ceil((total or n_parts) / n_parts))
    n_buckets = max(1, buckets or min(n_parts, 2 * n_workers))
    stats.update(partitions=n_parts, bucket_count=n_buckets, partition_size=size, load_wait=0.0)
    token = f"{os.getpid()}-{time.monotonic_ns()}"
    read_problems: list = []
    done: dict[int, parts.PartResult] = {}
    state = {"articles": 0, "lines": 0}
    waiting: list[str] = []  # part files to load (a store being made)
    loads: list = []
    loader = None
    if gs is not None:
        loader = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="graphkit-load")
        stack.callback(loader.shutdown, wait=True, cancel_futures=True)  # before the staging store is removed

    def load_waiting() -> None:
        if waiting:
            loads.append(loader.submit(gs.load_parts, list(waiting)))
            waiting.clear()
            state["lines"] = 0

    def take(r: parts.PartResult) -> None:
        done[r.index] = r
        state["articles"] += len(r.articles) + len(r.problems)
        stats["tasks"].append({"step": "extract", "index": r.index, "articles": len(r.articles),
                               "cpu": r.cpu, "wall": r.wall, "bytes": r.bytes_written, "pid": r.pid,
                               "peak_rss": r.peak_rss, "mention_bytes": r.mention_bytes})
        if gs is not None:
            waiting.append(r.path)
            state["lines"] += r.lines
            if state["lines"] >= _BULK_PIECE_LINES:
                load_waiting()
        if on_progress:
            on_progress(Progress(state["articles"], max(total or 0, state["articles"]) or None,
                                 len(read_problems) + sum(len(x.problems) for x in done.values())))

    # 1. partitions → part files and mentions tables, a window of them in flight
    t1 = time.perf_counter()
    window = as_completed()
    limit = max(2, 2 * n_workers)
    index = 0

    def submit(items: list) -> None:
        nonlocal index
        window.add(client.submit(parts.extract_part, items, str(parts_dir), index, n_buckets, dates,
                                 key=f"graphkit-extract-{index}-{token}", pure=False))
        index += 1

    items: list = []
    for item in iter_articles(list(inputs), max_bytes=max_bytes, defer=True):
        if isinstance(item, InputProblem):
            read_problems.append(item)
            continue
        items.append(item)
        if len(items) >= size:
            submit(items)
            items = []
            while window.count() >= limit:
                _results([next(window)], take, "a partition")
    if items:
        submit(items)
    _results(window, take, "a partition")
    if gs is not None:
        load_waiting()
    stats["extract_wall"] = time.perf_counter() - t1

    # the articles, in input order; an article whose graph an earlier partition has is dropped
    taken = TakenGraphs()
    where: dict[str, int] = {}
    dropped: dict[int, list[str]] = {}
    result.problems.extend(read_problems)
    for i in sorted(done):
        r = done[i]
        result.problems.extend(r.problems)
        for aid, source, graph in r.articles:
            if (problem := taken.take(aid, source, graph)) is not None:
                result.problems.append(problem)
                dropped.setdefault(i, []).append(graph)
                continue
            where[graph] = i
            result.articles.append(aid)

    # 2. resolution, by buckets of names
    t2 = time.perf_counter()
    renames: dict[str, dict[str, str]] = {}
    links: list = []
    if resolve and result.articles:
        if on_progress:
            on_progress(Progress(state["articles"], state["articles"], len(result.problems), "resolving"))
        paths = [done[i].mentions_path for i in sorted(done)]
        drop_pairs = [(i, g) for i, gs_ in dropped.items() for g in gs_]

        def took(b: parts.BucketResult) -> None:
            parts.merge_renames(renames, b.renames)  # a graph may name persons of several buckets
            links.extend(b.links)
            stats["buckets"].append({"bucket": b.bucket, "rows": b.rows, "bytes_read": b.bytes_read,
                                     "cpu": b.cpu, "pid": b.pid, "peak_rss": b.peak_rss})

        futs = [client.submit(parts.resolve_bucket, paths, k, drop_pairs, key=f"graphkit-resolve-{k}-{token}",
                              pure=False) for k in range(n_buckets)]
        _results(as_completed(futs), took, "person resolution")
    stats["resolve_wall"] = time.perf_counter() - t2
    stats["shuffle_bytes"] = sum(r.mention_bytes for r in done.values())
    result.renamed = sorted(renames)
    result.possibly_same = len({(a, b) for a, b, _e, _s in links})

    # 3. the graphs resolution renames (and those another partition had first)
    t3 = time.perf_counter()
    texts: dict[str, bytes] = {}
    if gs is None:  # the parts themselves are rewritten
        todo: dict[int, dict[str, dict[str, str]]] = {}
        for g, r in renames.items():
            todo.setdefault(where[g], {})[g] = r
        for i in dropped:
            todo.setdefault(i, {})
        futs = [client.submit(parts.rewrite_part, done[i].path, todo[i], dropped.get(i, []),
                              key=f"graphkit-rewrite-{i}-{token}", pure=False) for i in sorted(todo)]
        rewritten = []
        _results(as_completed(futs), rewritten.append, "a rewrite of a part")
        stats["rewritten_parts"] = len(futs)
        stats["rewrite_bytes"] = sum(rewritten)
    else:  # their texts, from the parts that have them first, to replace them in the store
        fix = sorted(set(renames) | {g for gs_ in dropped.values() for g in gs_})
        by_part: dict[int, list[str]] = {}
        for g in fix:
            by_part.setdefault(where[g], []).append(g)
        futs = [client.submit(parts.graph_texts, done[i].path, gl, key=f"graphkit-texts-{i}-{token}", pure=False)
                for i, gl in sorted(by_part.items())]
        _results(as_completed(futs), texts.update, "reading renamed graphs")
        stats["rewritten_graphs"] = len(fix)
    stats["rewrite_wall"] = time.perf_counter() - t3
    closing = threading.Thread(target=cluster.close, name="graphkit-dask-close")  # while the store loads
    closing.start()

    # the reference graphs
    lq = None
    if result.articles:
        from graphkit.kg.build import places_quads
        from graphkit.kg.resolve import RESOLUTION_GRAPH, Resolution, link_quads
        from graphkit.kg.store import ntriples

        pq = places_quads()
        if links:
            lq = ntriples(link_quads(Resolution(links=links))).encode("utf-8")
        if gs is None:
            parts.write_graph_part(parts_dir / parts.PLACES_PART, str(pq[0][3]), ntriples(pq).encode("utf-8"))
            if lq:
                parts.write_graph_part(parts_dir / parts.RESOLUTION_PART, RESOLUTION_GRAPH, lq)
        else:
            gs.put_graphs([(str(pq[0][3]), ntriples(pq))])
    else:  # nothing to load
        for r in done.values():
            Path(r.path).unlink(missing_ok=True)
    files = parts.part_files(parts_dir)
    stats["part_bytes"] = sum(f.stat().st_size for f in files)

    # 4. the bulk load (the rest of it)
    t4 = time.perf_counter()
    if store is not None and result.articles:
        from graphkit.kg.resolve import RESOLUTION_GRAPH, rename_ntriples

        if on_progress:
            on_progress(Progress(state["articles"], state["articles"], len(result.problems), "loading"))
        if gs is None:  # parts_only and a store: the parts as rewritten
            from graphkit.kg.store import new_store

            gs = stack.enter_context(new_store(store))
            stats["load_lines"], stats["load_bytes"] = gs.load_parts(files)
        else:
            lines = nbytes = 0
            for f in loads:
                a, b = f.result()
                lines, nbytes = lines + a, nbytes + b
            stats["load_lines"], stats["load_bytes"] = lines, nbytes
            stats["load_wait"] = time.perf_counter() - t4
            gs.finish_appends()
            # the renamed (and first-kept) graphs replace what their parts loaded, in transactions
            todo = []
            current = {}
            dropped_graphs = {g for gs_ in dropped.values() for g in gs_}
            for g in sorted(texts):
                text = texts[g].decode("utf-8")
                if g not in dropped_graphs:
                    current[g] = text  # as loaded (a dropped one's graph holds both articles: read back)
                todo.append((g, rename_ntriples(text, renames[g]) if g in renames else text))
            for k in range(0, len(todo), 64):
                batch = todo[k:k + 64]
                gs.put_graphs(batch, current={g: current[g] for g, _ in batch if g in current})
            if lq:
                gs.put_graphs([(RESOLUTION_GRAPH, lq)])
        result.quads = len(gs)
        result.article_graphs = gs.article_graph_count()
    stats["load_wall"] = time.perf_counter() - t4
    closing.join()
    stats["wall"] = time.perf_counter() - t_start
