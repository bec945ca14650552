"""The on-disk graph store: an embedded Oxigraph database, one named graph per article.

A store is a directory (RocksDB files) that grows article by article:

- adding an article that is not in the store inserts its named graph;
- adding an article again *replaces* its named graph (in one transaction, the old graph's triples
  that the new one does not state are deleted and its new triples inserted), so a store built in
  several runs holds exactly what a fresh build of the same articles holds;
- every write to an existing store is one transaction holding whole article graphs, so a crash,
  ``kill -9`` or Ctrl-C leaves each article either complete or absent, and the store opens fine
  afterwards; a new store is made all or nothing (:func:`new_store`: bulk loads in a staging
  directory, moved into place when complete);
- the places reference graph (:func:`graphkit.kg.build.places_quads`) is written in every build;
- the *default graph* is the RDF merge of all the named graphs: each triple that some named graph
  states, once. The writers keep it so in the same transaction as the named graphs (a new graph's
  triples are added; a replaced or removed graph's triples that no other graph states are
  deleted), so a query without ``GRAPH`` runs on it directly, as fast as on a single graph, and
  nothing has to be copied or merged when the store is opened for querying.

Readers never see the merge twice: :meth:`GraphStore.nquads`, the exports and ``len()`` cover the
named graphs only, as they did before the merge was kept. A store written by graphkit before the
merge was kept (named graphs, empty default graph) is still read as it is (queries then use
Oxigraph's union of the named graphs); opening it for writing adds the merge once, in one
transaction (:meth:`GraphStore.add_merge`; ``graphkit upgrade STORE_DIR`` does only that).

The store never prints; problems are :class:`~graphkit.errors.StoreError` saying the fix.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from graphkit.errors import StoreError
from graphkit.kg.ntriples import nt_escape

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_MARKER = "CURRENT"  # RocksDB's file naming the live manifest: present in every Oxigraph store directory


@lru_cache(maxsize=1 << 16)
def _term(t) -> str:
    """An rdflib term in N-Triples syntax (IRIs and literals; graphkit writes no blank nodes)."""
    from rdflib import Literal, URIRef

    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        s = f'"{nt_escape(str(t))}"'
        if t.language:
            return f"{s}@{t.language}"
        if t.datatype is not None and str(t.datatype) != _XSD_STRING:
            return f"{s}^^<{t.datatype}>"
        return s
    raise StoreError(f"cannot store the term {t!r} ({type(t).__name__}); graphkit graphs hold IRIs and literals only")


def ntriples(quads: Iterable) -> str:
    """The triples of ``quads`` (rdflib terms, all in one graph) as N-Triples text."""
    return "".join(f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o, _g in quads)


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding an Oxigraph store."""
    p = Path(path)
    return p.is_dir() and (p / _MARKER).is_file()


def sorted_lines(data: bytes, *, named_only: bool = False) -> str:
    """N-Triples or N-Quads (UTF-8) as text, one statement a line, sorted and unique; ``named_only``
    keeps the quads of named graphs (see :func:`_in_named_graph`)."""
    lines = {ln for ln in data.decode("utf-8").split("\n") if ln.strip()}  # (a literal may hold U+2028 …)
    if named_only:
        lines = {ln for ln in lines if _in_named_graph(ln)}
    ordered = sorted(lines)
    return "\n".join(ordered) + ("\n" if ordered else "")


def _in_named_graph(line: str) -> bool:
    """Whether an N-Quads line (as Oxigraph writes them: one space between terms) names a graph.

    IRIs and blank node labels hold no space and no ``"``, and a literal, the only term that may,
    is the object: so after a literal's closing quote come ``@lang`` or ``^^<datatype>``, then
    `` <graph>`` or nothing, then `` .``; a line without a literal has 4 spaces with a graph, 3 without.

    >>> _in_named_graph('<s> <p> <o> <g> .'), _in_named_graph('<s> <p> <o> .')
    (True, False)
    >>> _in_named_graph(r'<s> <p> "a \\" <b> c"@vi <g> .'), _in_named_graph(r'<s> <p> "x \\" <y> z"^^<d> .')
    (True, False)
    """
    q = line.rfind('"')
    if q < 0:
        return line.count(" ") == 4
    return line.count(" ", q) == 2


def _nquads_of(graph_iri: str, nt: bytes) -> bytes:
    """N-Triples (UTF-8) as N-Quads lines in the named graph ``graph_iri``."""
    suffix = f" <{graph_iri}> .\n".encode("utf-8")
    if nt.count(b"\n") == nt.count(b" .\n") and (not nt or nt.endswith(b" .\n")):  # as graphkit writes it
        return nt.replace(b" .\n", suffix)
    return b"".join(line[:-2].encode("utf-8") + suffix for line in sorted(_nt_lines(nt.decode("utf-8"))))


def _with_merge(graphs: Sequence[tuple[str, bytes]], known: set[bytes]) -> tuple[bytes, set[bytes], int]:
    """New named graphs ``(IRI, N-Triples)`` as N-Quads, followed by their triples for the default graph
    (the merge) that are not in ``known``, each once. Returns the text, those triples (the caller adds
    them to ``known`` once written) and how many lines the graphs hold. All text is UTF-8 bytes, as
    the workers send it and the loaders read it (no decoding, no encoding: half the time of str). The merge
    is a set difference (the corpus's graphs in chunks of 64: 0.71 s of CPU, 0.82 s as a loop over the lines); its
    lines go in any order, a store being a set."""
    splits = [nt.splitlines() for _g, nt in graphs]
    fresh = set().union(*splits) - known
    text = b"".join(_nquads_of(g, nt) for g, nt in graphs) + (b"\n".join(fresh) + b"\n" if fresh else b"")
    return text, fresh, sum(map(len, splits))


def _utf8(graphs: Sequence[tuple[str, str | bytes]]) -> list[tuple[str, bytes]]:
    return [(g, nt.encode("utf-8") if isinstance(nt, str) else nt) for g, nt in graphs]


def _nt_lines(nt: str) -> set[str]:
    """The lines of N-Triples text, each as ``s p o .`` (no comments, no blank lines)."""
    out = set()
    for line in nt.split("\n"):  # not splitlines(): a literal may hold U+2028, U+0085, a form feed …
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.endswith(" ."):
            if not line.endswith("."):
                raise StoreError(f"cannot write {line[:80]!r}: not an N-Triples line")
            line = line[:-1].rstrip() + " ."
        out.add(line)
    return out


def _unmerge(graph_iri: str) -> str:
    """SPARQL update operations dropping the named graph ``graph_iri`` and, from the default graph,
    the triples that only it states (they are looked up by subject, predicate and object: only that
    graph's triples are read)."""
    g = f"<{graph_iri}>"
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
            f"DROP SILENT GRAPH {g} ;\n")


def open_read_only(path: str | Path, attempts: int = 5):
    """The ``pyoxigraph.Store`` in ``path``, read-only. While another process writes the store, a file
    listed in the manifest may be compacted away as it is read (RocksDB reports "Corruption ... No
    such file"): try again. Raises what Oxigraph raises (OSError, RuntimeError)."""
    import time

    import pyoxigraph as ox

    for attempt in range(attempts - 1):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as e:
            if "No such file" not in str(e):
                raise
            time.sleep(0.05 * (attempt + 1))
    return ox.Store.read_only(str(path))


def store_has_merge(store) -> bool:
    """Whether a ``pyoxigraph.Store``'s default graph stands for the merge of its named graphs: it has
    triples, or there is no named graph (a store of a graphkit that keeps the merge, or a plain one)."""
    import pyoxigraph as ox

    return (next(iter(store.named_graphs()), None) is None
            or next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None)


def store_has_name_keys(store) -> bool:
    """Whether a ``pyoxigraph.Store``'s persons and posts carry ``gk:nameKey`` (:func:`graphkit.kg.ids.name_key`,
    written with every article graph since the questions find names by key): it holds a key, or no person or
    post at all."""
    import pyoxigraph as ox

    from graphkit.kg.namespaces import GK_URI, PREFIXES

    if next(iter(store.quads_for_pattern(None, ox.NamedNode(GK_URI + "nameKey"), None, None)), None) is not None:
        return True
    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    return all(next(iter(store.quads_for_pattern(None, rdf_type, ox.NamedNode(GK_URI + cls), None)), None) is None
               for cls in ("Person", "Post"))


_NAMES = """
SELECT DISTINCT ?g ?s ?name WHERE {
  GRAPH ?g { ?s a ?class ; rdfs:label|skos:altLabel ?name }
  VALUES ?class { gk:Person gk:Post }
}"""


def _check_new(path: Path) -> None:
    """Raise unless a new store can be made at ``path`` (missing, or an empty directory); make its parent."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise StoreError(f"{path}: exists and is not a graphkit store; give --into a new or "
                         "empty directory, or an existing store")
    try:  # Oxigraph makes the store's own directory, not its parents
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{path}: cannot make its parent directory ({e}); check the path and "
                         "its permissions") from e


_MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_KNOWN_LINES = 1 << 17  # at most this many lines remembered (~20-40 MB); then the memory starts again


class GraphStore:
    """A graphkit store directory, opened for writing (default) or reading.

    ``path=None`` makes a store in memory. ``create=True`` makes the directory when it does not exist (it must then be empty or a store);
    ``read_only=True`` opens an existing store for reading, also while another process writes it.
    Use it as a context manager, or call :meth:`close`, so that another ``GraphStore`` can open the
    same directory afterwards.
    """

    #: whether opening this store added the merged default graph (a store of an older graphkit)
    merge_added = False
    #: whether opening this store gave its persons and posts their ``gk:nameKey`` (a store of an older graphkit)
    keys_added = False
    #: the bulk loads of a store being made (see :meth:`_append`)
    _appending: dict | None = None

    def __init__(self, path: str | Path | None, *, create: bool = False, read_only: bool = False):
        import pyoxigraph as ox

        self._ox = ox
        self.read_only = read_only
        # N-Triples lines this object wrote to the default graph since its last deletion there: a new
        # article's triples already in it are not sent again (Oxigraph would look each one up)
        self._known: set[bytes] = set()
        if path is None:  # in memory, for resolving small builds
            self.path = Path("(memory)")
            self._store = ox.Store()
            return
        self.path = Path(path)
        if not is_store(self.path):
            if not create or read_only:
                raise StoreError(f"{self.path}: not a graphkit store; build one with "
                                 f"'graphkit build INPUT --into {self.path}'")
            _check_new(self.path)
        try:
            self._store = open_read_only(self.path) if read_only else ox.Store(str(self.path))
        except (OSError, RuntimeError) as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(f"{self.path}: the store is being written by another process; wait for it "
                                 "to finish (or stop it) and try again") from e
            raise StoreError(f"{self.path}: cannot open the store ({msg}); check the path and its "
                             "permissions, or rebuild it into a new directory") from e
        if not read_only and not self.has_merge:
            self.add_merge()
        if not read_only and not store_has_name_keys(self._store):
            self.add_name_keys()

    # life cycle --------------------------------------------------------------------------------
    def close(self) -> None:
        """Flush and release the store (its lock), so that other processes can write it."""
        if self._appending is not None:  # an error or Ctrl-C while appending: wait for the running load
            app, self._appending = self._appending, None
            app["pool"].shutdown(wait=True, cancel_futures=True)
        store = self.__dict__.pop("_store", None)
        if store is not None and not self.read_only:
            store.flush()
        del store

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def oxigraph(self):
        """The underlying ``pyoxigraph.Store`` (for SPARQL queries)."""
        if "_store" not in self.__dict__:
            raise StoreError(f"{self.path}: the store is closed; open it again")
        return self._store

    @property
    def has_merge(self) -> bool:
        """Whether the default graph holds the merge of the named graphs (see the module docstring).

        False only for a store written by graphkit before the merge was kept: named graphs and an
        empty default graph. Such a store can be read as it is; opening it for writing adds the merge.
        """
        if "_merged" not in self.__dict__:
            self._merged = store_has_merge(self.oxigraph)
        return self._merged

    def add_merge(self) -> None:
        """Make the default graph the merge of the named graphs, in one transaction (for a store written
        before graphkit kept the merge; a no-op on the others). Takes ~15 s (and ~800 MB) for 660,000 quads."""
        if self.has_merge:
            return
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; to add the merged default graph, run "
                             f"'graphkit upgrade {self.path}' (when no build is writing the store)")
        self._update(_MERGE, "add the merged default graph")
        self._merged = True
        self.merge_added = True

    def add_name_keys(self) -> None:
        """Give every person and post the ``gk:nameKey`` of each of its names, as the article graphs graphkit
        writes now have them, in each article graph and in the merged default graph, in one transaction (for
        a store written before graphkit wrote the keys: the questions find persons and posts by them, and
        would miss those without). A few seconds for the 2017 corpus."""
        from graphkit.kg.build import NAME_KEY
        from graphkit.kg.ids import name_key
        from graphkit.kg.namespaces import sparql_prefixes

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; to add the name keys, run "
                             f"'graphkit upgrade {self.path}' (when no build is writing the store)")
        lines: set[str] = set()
        for sol in self.oxigraph.query(sparql_prefixes() + _NAMES):
            key = name_key(sol["name"].value)
            if key:
                triple = f'<{sol["s"].value}> <{NAME_KEY}> "{nt_escape(key)}"'
                lines.add(f"{triple} <{sol['g'].value}> .\n")
                if self.has_merge:
                    lines.add(f"{triple} .\n")
        if lines:
            self._load("".join(sorted(lines)).encode("utf-8"), "add the name keys")
        self.keys_added = True

    # writing -----------------------------------------------------------------------------------
    def flush(self) -> None:
        """Write buffered changes to disk files (they are already durable in the write-ahead log)."""
        self.oxigraph.flush()

    def _begin_appends(self) -> None:
        """From now until :meth:`finish_appends`, :meth:`put_graphs` bulk-loads (see :func:`new_store`)."""
        import concurrent.futures

        self._appending = {"seen": set(), "buf": [], "lines": 0, "future": None, "plan": None,
                           "pool": concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="graphkit-bulk")}

    def plan_bulk_loads(self) -> None:
        """A store being made: load in three pieces, as the writer says how far through its input it is.

        Each bulk load adds one sorted file per index to RocksDB's first level, and from the fourth
        such file on RocksDB compacts them in the background (on the corpus, 12 loads by size took
        12.6-13.3 s of CPU with their compactions, three loads 10.0-10.7 s). With a plan,
        :meth:`put_graphs` only buffers, and :meth:`bulk_progress` starts a load when the input is
        ``_PIECES`` through; the rest is loaded by :meth:`finish_appends`. A piece larger than
        ``_BULK_PIECE_MAX`` lines is loaded anyway (memory first).
        """
        if self._appending is not None:
            self._appending["plan"] = list(_PIECES)

    def bulk_progress(self, share: float | None) -> None:
        """How far through its input (0..1) the writer is; starts a planned load when one is due.
        ``None``: the writer cannot tell (inputs of no size): back to loads by size."""
        app = self._appending
        if app is None or app["plan"] is None:
            return
        if share is None:
            app["plan"] = None
            self._append([])
            return
        if not app["plan"] or share < app["plan"][0]:
            return
        while app["plan"] and share >= app["plan"][0]:
            app["plan"].pop(0)
        self._start_bulk_load()

    def _append(self, graphs: Sequence[tuple[str, bytes]]) -> None:
        """Add named graphs that are not in the store with Oxigraph's bulk loader (a store being made).

        The bulk loader writes sorted files straight into the database (~3x less CPU than
        transactions) but is not atomic, which is why only a store that is not yet in place is
        written so. Loads run on a background thread (the loader releases the GIL): as planned
        (:meth:`plan_bulk_loads`), else once ``_BULK_LINES`` lines are waiting, or ``_BULK_LINES_IDLE``
        when the loader is idle (so that less is left for the end); :meth:`finish_appends` loads the
        rest and waits.
        """
        app = self._appending
        if graphs:
            text, fresh, lines = _with_merge(graphs, app["seen"])
            app["buf"].append(text)  # UTF-8: half the memory of str (2 bytes a character) until loaded
            if len(app["seen"]) + len(fresh) > _SEEN_LINES:  # bounded memory; a triple loaded twice is stored once
                app["seen"].clear()
            app["seen"].update(fresh)
            app["lines"] += lines
        if app["plan"] is not None:
            due = app["lines"] >= _BULK_PIECE_MAX
        else:
            idle = app["future"] is None or app["future"].done()
            due = app["lines"] >= _BULK_LINES or (idle and app["lines"] >= _BULK_LINES_IDLE)
        if due:
            self._start_bulk_load()

    def _start_bulk_load(self) -> None:
        app = self._appending
        data = b"".join(app["buf"])
        app["buf"], app["lines"] = [], 0
        if app["future"] is not None:
            app["future"].result()  # at most one load at a time (and its errors raised here)
        if data:
            app["future"] = app["pool"].submit(self._bulk_load, data)

    def _bulk_load(self, data: bytes) -> None:
        ox, store = self._ox, self.oxigraph
        # lenient: IRIs are not validated again (~10% less loading CPU); the lines are graphkit's
        # own N-Triples, which the store's transactional writes do validate (tests write both ways)
        self._write(lambda: store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True), "write graphs")

    def finish_appends(self, parts: int = 1) -> None:
        """Load what the bulk loads of a store being made still hold, and wait for them (no-op otherwise).

        ``parts``: the rest is loaded in that many loads at once, each on its own thread, when the caller
        has the cores free (the workers are done; one load of a piece this size keeps about one core
        busy): on the corpus, the build's tail went from 0.95-1.05 s to 0.74-0.81 s with 2 (two builds
        each)."""
        app = self._appending
        if app is None:
            return
        try:
            data = b"".join(app["buf"])
            app["buf"], app["lines"] = [], 0
            if app["future"] is not None:
                app["future"].result()
            cuts = [0]
            for i in range(1, max(1, parts)):
                cut = data.find(b"\n", max(cuts[-1], len(data) * i // parts)) + 1
                if cut > 0:
                    cuts.append(cut)
            pieces = [p for p in (data[a:b] for a, b in zip(cuts, [*cuts[1:], len(data)])) if p]
            if len(pieces) > 1:
                import concurrent.futures

                with concurrent.futures.ThreadPoolExecutor(len(pieces), thread_name_prefix="graphkit-bulk") as ex:
                    for f in [ex.submit(self._bulk_load, p) for p in pieces]:
                        f.result()
            elif pieces:
                self._bulk_load(pieces[0])
        finally:
            app["pool"].shutdown(wait=True, cancel_futures=True)
            self._appending = None
            self._known.clear()

    def load_parts(self, paths: Sequence[str | Path], *, piece_lines: int | None = None,
                   on_piece: Callable[[int, int], None] | None = None) -> tuple[int, int]:
        """Bulk-load part files (N-Quads of named graphs, each followed by their merged triples, as
        :mod:`graphkit.kg.partitions` writes them) into a store being made (:func:`new_store`).

        The files are read in order and loaded in pieces of about ``piece_lines`` lines
        (``_BULK_PIECE_LINES``): each bulk load adds one sorted file per index to RocksDB, so fewer,
        larger loads cost less compaction, and the loader's memory (~1 KB a line while it runs) caps
        the piece. The next piece is read while one loads. ``on_piece(lines, bytes)`` is called after
        each load. Returns the lines and bytes loaded."""
        import concurrent.futures

        if self._appending is None:
            raise StoreError(f"{self.path}: part files are bulk-loaded into a new store only (new_store)")
        limit = piece_lines or _BULK_PIECE_LINES
        total = [0, 0]

        def pieces():
            buf: list[bytes] = []
            lines = 0
            for p in paths:
                data = Path(p).read_bytes()
                while data:
                    n = data.count(b"\n")
                    if lines + n <= limit:
                        buf.append(data)
                        lines += n
                        data = b""
                    else:  # cut at a line end
                        cut = 0
                        for _ in range(limit - lines):
                            cut = data.index(b"\n", cut) + 1
                        if cut:
                            buf.append(data[:cut])
                        data = data[cut:]
                        yield b"".join(buf), limit
                        buf, lines = [], 0
                if lines >= limit:
                    yield b"".join(buf), lines
                    buf, lines = [], 0
            if buf:
                yield b"".join(buf), lines

        def load(piece: bytes, lines: int) -> None:
            self._bulk_load(piece)
            total[0] += lines
            total[1] += len(piece)
            if on_piece:
                on_piece(lines, len(piece))

        with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="graphkit-bulk") as ex:
            running = None
            for piece, lines in pieces():
                if running is not None:
                    running.result()
                running = ex.submit(load, piece, lines)
                del piece
            if running is not None:
                running.result()
        return total[0], total[1]

    def has_graph(self, graph_iri: str) -> bool:
        return self.oxigraph.contains_named_graph(self._ox.NamedNode(graph_iri))

    def put_graphs(self, graphs: Sequence[tuple[str, str | bytes]], *,
                   current: Mapping[str, str] | None = None) -> list[bool]:
        """Write named graphs given as ``(graph IRI, N-Triples text)`` (str, or UTF-8 bytes as the build's
        workers send it), replacing any graph of the same name.

        All of ``graphs`` go in one transaction, together with the matching change to the default
        graph (the merge): after a crash each is either wholly old or wholly new, and the default
        graph is the merge of what is there. Returns, for each graph, whether it replaced one already
        in the store. In a store being made by :func:`new_store` the graphs are new: they are
        bulk-loaded instead (all or nothing is then the staging directory's job). ``current``: the
        N-Triples of graphs being replaced, as the caller has just read them with
        :meth:`graph_ntriples` (they are not read again).
        """
        if not graphs:
            return []
        if self._appending is not None:  # a store being made (new_store): nothing to replace
            self._append(_utf8(graphs))
            return [False] * len(graphs)
        replaced = [self.has_graph(g) for g, _ in graphs]
        if not any(replaced):  # the common case, new articles: one N-Quads load (faster than SPARQL)
            known = self._known
            text, fresh, _lines = _with_merge(_utf8(graphs), known)
            self._load(text, f"write {len(graphs)} graph(s)")
            if len(known) + len(fresh) > _KNOWN_LINES:
                known.clear()
            known.update(fresh)
            return replaced
        self._known.clear()  # a replaced graph may take triples out of the default graph
        graphs = [(g, nt.decode("utf-8") if isinstance(nt, bytes) else nt) for g, nt in graphs]
        update = self._replacing(graphs, replaced, current or {})
        if update:  # else every graph is as it was
            self._update(update, f"write {len(graphs)} graph(s)")
        return replaced

    def _replacing(self, graphs: Sequence[tuple[str, str]], replaced: list[bool], current: Mapping[str, str]) -> str:
        """The SPARQL update writing ``graphs`` when some replace graphs in the store ("" for no change).

        A replaced graph changes by the difference between its old and new triples (an article
        built again is usually unchanged, or changed in a few triples, as when person resolution
        renames a person): the triples it no longer states are deleted from it, and from the default
        graph unless another graph still states them; the new ones are inserted in both. The old
        triples are read just before the update, which is safe because the store's lock makes this
        process its only writer.
        """
        gone_named, drops, gone, new_named, new = [], [], set(), [], {}
        for (g, nt), was in zip(graphs, replaced):
            lines = _nt_lines(nt)
            if was:
                text = current.get(g)
                old = set((self.graph_ntriples(g) if text is None else text).split("\n"))
                old.discard("")
                if not lines:
                    drops.append(g)
                    gone |= old
                    continue
                out = old - lines
                lines = lines - old
                if out:
                    gone_named.append(f"GRAPH <{g}> {{\n{''.join(ln + chr(10) for ln in sorted(out))}}}\n")
                    gone |= out
            if lines:
                ordered = sorted(lines)
                new_named.append(f"GRAPH <{g}> {{\n{''.join(ln + chr(10) for ln in ordered)}}}\n")
                new.update(dict.fromkeys(ordered))
        parts = []
        if gone_named:
            parts.append("DELETE DATA {\n" + "".join(gone_named) + "} ;\n")
        parts += [f"DROP SILENT GRAPH <{g}> ;\n" for g in drops]
        if gone:
            rows = "".join(f"({ln[:-2]})\n" for ln in sorted(gone))
            parts.append("DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) {\n" + rows +
                         "} FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n")
        if new:
            parts.append("INSERT DATA {\n" + "".join(new_named) + "".join(ln + "\n" for ln in new) + "}\n")
        return "".join(parts)

    def put_quads(self, quads: Sequence) -> bool:
        """Write one named graph given as rdflib quads (all with the same graph name); see :meth:`put_graphs`."""
        if not quads:
            return False
        return self.put_graphs([(str(quads[0][3]), ntriples(quads))])[0]

    def remove_graph(self, graph_iri: str) -> None:
        """Remove a named graph, and from the default graph the triples no other graph states (one transaction)."""
        self._known.clear()
        self._update(_unmerge(graph_iri), "remove a graph")

    def _update(self, sparql: str, what: str) -> None:
        self._write(lambda: self.oxigraph.update(sparql), what)

    def _load(self, data: bytes, what: str) -> None:
        self._write(lambda: self.oxigraph.load(data, format=self._ox.RdfFormat.N_QUADS), what)

    def _write(self, op, what: str) -> None:
        """Run one write (a single Oxigraph transaction), turning its errors into a StoreError."""
        try:
            op()
        except SyntaxError as e:
            raise StoreError(f"{self.path}: cannot {what}: the data is not valid RDF ({e}); nothing was "
                             "written; please report this as a graphkit bug") from e
        except OSError as e:
            raise StoreError(f"{self.path}: cannot {what} ({e}); check free disk space and permissions, "
                             "then run the build again") from e

    # reading -----------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        """The names of the named graphs, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs())

    def article_graphs(self) -> list[str]:
        from graphkit.kg.ids import ID_URI

        return [g for g in self.graphs() if g.startswith(ID_URI + "article/")]

    def article_graph_count(self) -> int:
        """``len(article_graphs())``, counted by Oxigraph (0.09 s on the corpus's store, against 0.1-0.3 s)."""
        from graphkit.kg.ids import ID_URI

        sols = self.oxigraph.query(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ }} '
                                   f'FILTER(STRSTARTS(STR(?g), "{ID_URI}article/")) }}')
        return int(next(iter(sols))["n"].value)

    def __len__(self) -> int:
        """The quads of the named graphs (the merged default graph is not counted)."""
        store = self.oxigraph
        if not self.has_merge:
            return len(store)
        return len(store) - self.triple_count()  # the default graph's count: faster than counting GRAPH ?g

    def triple_count(self) -> int:
        """The distinct triples of all graphs (the size of the merge)."""
        if self.has_merge:
            sols = self.oxigraph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        else:
            sols = self.oxigraph.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
                                       "{ GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(sols))["n"].value)

    def nquads(self, graph_iri: str | None = None) -> str:
        """The named graphs (or one of them) as N-Quads, one quad a line, sorted: deterministic.

        The merged default graph is left out: it repeats the named graphs' triples."""
        ox = self._ox
        if graph_iri is None:
            return sorted_lines(self.oxigraph.dump(format=ox.RdfFormat.N_QUADS), named_only=True)
        data = self.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))
        suffix = f" <{graph_iri}> ."
        return sorted_lines(b"\n".join(ln[:-2] + suffix.encode() for ln in data.splitlines() if ln.strip()))

    def graph_ntriples(self, graph_iri: str) -> str:
        """One named graph's triples as N-Triples text, in the store's order (see :meth:`nquads` for sorted quads)."""
        ox = self._ox
        return self.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri)).decode("utf-8")

    def ntriples_flat(self) -> str:
        """All triples of all graphs, the graph names dropped, sorted and unique: the merged default graph."""
        if self.has_merge:
            ox = self._ox
            return sorted_lines(self.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
        lines = set()
        for ln in self.nquads().split("\n"):
            if ln:
                lines.add(ln.rsplit(" ", 2)[0] + " .")
        return "".join(f"{ln}\n" for ln in sorted(lines))



# lines (N-Quads of the article graphs and new default-graph triples) per bulk load: ~10-15 MB of text;
# 9 loads of the corpus's 1.1M quads took 7.3 s of CPU, against 21 s for transactions of 500 lines
_BULK_LINES = 150_000
_BULK_LINES_IDLE = 60_000  # … or this many when the loader is idle, so the last load (at the end) is short; 20,000 made
# ~55 loads of the corpus, and RocksDB compactions cost the parent ~6 s more CPU
# planned loads (see GraphStore.plan_bulk_loads): when this share of the input is written, the last at the end,
# small. Replaying the corpus's graphs: 12 loads by size took 12.6-13.3 s of CPU (compactions included), three
# loads 10.0-10.7 s (0.3/0.85, 0.4/0.8, 0.45/0.9, 0.5/0.9 alike), two 11.7 s (larger loads cost more a line). The
# last load and the wait for the second are the build's tail: 0.92-1.15 s with 0.5/0.85, 1.39-1.43 s with 0.4/0.8,
# 2.16-2.32 s with 0.45/0.9 (two corpus builds each)
_PIECES = (0.5, 0.85)
_BULK_PIECE_MAX = 400_000  # lines of article graphs: a piece is loaded then. The loader takes ~1 KB a line while it
# runs (the corpus's pieces of ~320,000 lines and their merge raised the build's peak RSS from ~400 MB to ~1 GB)
_BULK_PIECE_LINES = 600_000  # lines (named graphs and merge) per bulk load of part files (GraphStore.load_parts)
_SEEN_LINES = 2_000_000  # default-graph lines a store being made remembers having written (~300 MB), then forgets
_STAGING = ".building-"


@contextmanager
def new_store(path: str | Path) -> Iterator[GraphStore]:
    """Make a new store at ``path`` (missing, or an empty directory), the fast way, all or nothing.

    The store is written in a staging directory beside ``path`` (``.NAME.building-PID``), where
    :meth:`GraphStore.put_graphs` uses the bulk loader (until :meth:`GraphStore.finish_appends`: the
    graphs written must be new and distinct), and moved to ``path`` (one rename)
    when the block ends. An error, Ctrl-C or ``kill`` leaves no store at ``path``: the staging
    directory is removed, or, after ``kill -9``, removed by the next ``new_store`` beside it.
    """
    import shutil

    path = Path(path)
    _check_new(path)
    for old in path.parent.glob(f".{path.name}{_STAGING}*"):
        if not _pid_alive(old.name.rsplit("-", 1)[-1]):
            shutil.rmtree(old, ignore_errors=True)  # left by a build that was killed
    staging = path.parent / f".{path.name}{_STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with GraphStore(staging, create=True) as gs:
            gs._begin_appends()
            yield gs
            gs.finish_appends()
        try:
            os.replace(staging, path)  # replaces an empty directory too
        except OSError as e:
            raise StoreError(f"{path}: cannot move the new store there from {staging} ({e}); check that "
                             "nothing else made it meanwhile, and its permissions") from e
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _pid_alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def write_places(store: GraphStore) -> bool:
    """Write (or refresh) the places reference graph; returns whether it replaced one."""
    from graphkit.kg.build import places_quads

    return store.put_quads(places_quads())


def upgrade(store_path: str | Path) -> bool:
    """Bring a store written by an older graphkit up to date: add the merged default graph (one
    transaction, ~15 s for 660,000 quads) and the persons' and posts' name keys. Returns whether anything
    was added."""
    with GraphStore(store_path) as store:
        return store.merge_added or store.keys_added


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
