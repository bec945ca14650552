"""SPARQL 1.1 queries over graphkit graphs, evaluated by Oxigraph.

Each article's facts live in its own named graph. A query without ``GRAPH`` sees all of them:
its default graph is the RDF merge of every article graph (each triple once, however many articles
state it), and ``GRAPH ?article { … }`` still reaches each article's own graph ("who says so").

Why Oxigraph (``pyoxigraph``) and not rdflib's SPARQL engine: the shipped research questions
answer in milliseconds on a graph of a million triples with Oxigraph, and in seconds to minutes
with rdflib (``benchmarks/queries.py`` measures both).

Where queries run. A store directory written by ``graphkit build --into`` keeps the merge of its
article graphs as its default graph (maintained by every write, see :mod:`graphkit.kg.store`), so
it is queried in place, read-only: opening takes milliseconds and nothing is copied (the 2017
corpus store: ~20 ms to open, ~60 ms for the first ``province-officials`` question, a few ms after).

Everything else is copied into memory: graph files, rdflib graphs, and stores written before
graphkit kept the merge (named graphs, empty default graph), whose on-disk union of 35,000 graphs
takes tens of seconds per join. In memory there are two stores: Oxigraph's in-memory store finds a
node's triples by scanning every graph that mentions the node, so an official named in thousands
of articles makes each lookup slow, and its ``use_default_graph_as_union`` repeats a triple once
per graph that holds it. A query that does not name graphs (no ``GRAPH``, ``FROM``) therefore runs
on a store holding only the merged triples, which is as fast as a single graph; a query that names
graphs runs on the store of all article graphs (whose default graph is also the merge, so both
parts of such a query agree).

>>> from graphkit.query.results import Term
>>> g = open_graph_from_quads([("https://x.org/a", "https://x.org/name", Term.literal("Hà Nội"), "https://x.org/g1"),
...                            ("https://x.org/a", "https://x.org/name", Term.literal("Hà Nội"), "https://x.org/g2")])
>>> len(run_query(g, "SELECT ?n WHERE { ?a <https://x.org/name> ?n }"))
1
>>> len(run_query(g, "SELECT ?g WHERE { GRAPH ?g { ?a <https://x.org/name> ?n } }"))
2
"""
from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from graphkit import formats
from graphkit.errors import QueryError
from graphkit.query.results import QueryResult, Term

#: graph file extensions → pyoxigraph RdfFormat attribute (from :data:`graphkit.formats.RDF`)
GRAPH_FORMATS = {f.extensions[0]: f.oxigraph for f in formats.RDF if f.graph_file}

_MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_CHECK_EVERY = 256  # rows between two looks at the cancel flag


class QuerySyntaxError(QueryError):
    """The query does not parse; ``line`` and ``column`` (1-based) say where."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None, detail: str = ""):
        super().__init__(message)
        self.line, self.column, self.detail = line, column, detail


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


class UpdateRefused(QueryError):
    """A SPARQL UPDATE was given where only queries are allowed."""


# ── lexical helpers ─────────────────────────────────────────────────────────────────────────────
_OPAQUE = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n]*''',
    re.S,
)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_QUERY_WORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


def _blank(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length): only keywords remain."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def query_form(text: str) -> str:
    """``select``, ``construct``, ``describe``, ``ask``, ``update``, or ``unknown``.

    >>> query_form("PREFIX a: <http://a/> # SELECT\\nINSERT DATA { a:x a:y a:z }")
    'update'
    >>> query_form("prefix gk: <x:> select * { ?s ?p ?o }")
    'select'
    """
    bare = _blank(text)
    bare = re.sub(r"(?i)\b(PREFIX\s+[A-Za-z0-9_.\-]*:|BASE)\s*", " ", bare)
    m = re.search(r"[A-Za-z]+", bare)
    word = m.group(0).upper() if m else ""
    if word in _UPDATE_WORDS:
        return "update"
    if word in _QUERY_WORDS:
        return word.lower()
    return "unknown"


def uses_named_graphs(text: str) -> bool:
    """Whether a query names graphs (``GRAPH``, ``FROM``, ``FROM NAMED``).

    >>> uses_named_graphs("SELECT ?graph { ?graph gk:GRAPH 'GRAPH' } # GRAPH")
    False
    >>> uses_named_graphs("SELECT * { graph ?g { ?s ?p ?o } }")
    True
    """
    return re.search(r"(?i)(?<![\w?$:])(GRAPH|FROM)(?![\w:])", _blank(text)) is not None


# ── opened graphs ───────────────────────────────────────────────────────────────────────────────
class QueryGraph:
    """A graph opened for querying (see :func:`open_graph`)."""

    def __init__(self, source: str, *, load=None, store=None, merged: bool = False, path: str | None = None):
        self.source = source
        # a store directory queried in place: each process opens it for itself (see full_store)
        self._path, self._pid, self._inherited = path, os.getpid(), []
        self._load = load
        self._loads_merge = merged  # the loaded data's default graph is the merge already
        self._fixed = store
        self._full = None
        self._merged = None
        self._named = False
        self._union = False
        self._lock = threading.Lock()
        if store is not None:
            from graphkit.query import stores

            self._named = next(iter(store.named_graphs()), None) is not None
            self._union = self._named and stores.default_graph_is_empty(store)

    def __repr__(self) -> str:
        return f"<QueryGraph {self.source}>"

    @property
    def in_memory(self) -> bool:
        """Whether the graph was copied into memory (not queried in an on-disk store)."""
        return self._fixed is None

    def full_store(self):
        """The store with every named graph (and their merge as default graph).

        A store directory queried in place is opened again, read-only, in a process forked after it
        was opened (a server's query workers): RocksDB's handles and threads do not survive a fork,
        and every process reading the files itself shares them through the page cache, with no copy."""
        if self._fixed is not None:
            if self._path is not None and self._pid != os.getpid():
                from graphkit.query import stores

                self._inherited.append(self._fixed)  # the parent's handle: never used nor closed here
                self._fixed, self._pid = stores.open_store_dir(self._path), os.getpid()
            return self._fixed
        with self._lock:
            if self._full is None:
                import pyoxigraph

                store = pyoxigraph.Store()
                self._load(store)
                self._load = None  # the data is in the store now; let the loader's copy go
                self._named = next(iter(store.named_graphs()), None) is not None
                if self._named and not self._loads_merge:
                    store.update(_MERGE)
                self._full = store
            return self._full

    def merged_store(self):
        """The store holding only the merged triples (fast for queries that do not name graphs)."""
        full = self.full_store()
        if self._fixed is not None or not self._named:
            return full
        with self._lock:
            if self._merged is None:
                import pyoxigraph

                data = full.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
                # loaded in subject order: a node's triples sit together, and lookups run ~25% faster
                data = b"\n".join(sorted(data.split(b"\n")))
                merged = pyoxigraph.Store()
                merged.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
                self._merged = merged
            return self._merged

    def prepare(self) -> QueryGraph:
        """Build both stores now (a server does, so that no query waits for them)."""
        self.merged_store()
        return self

    def store_for(self, text: str, *, datasets: bool = False):
        """(store, use_default_graph_as_union) to evaluate ``text`` on."""
        if datasets or uses_named_graphs(text):
            return self.full_store(), self._union
        return self.merged_store(), self._union

    def article_graph_count(self) -> int:
        """How many named graphs are article graphs (``gkid:article/…``); the others are reference graphs
        (places, person resolution)."""
        from graphkit.kg.namespaces import ID_URI

        [row] = evaluate(self.full_store(), f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ }} '
                                            f'FILTER(STRSTARTS(STR(?g), "{ID_URI}article/")) }}').rows
        return int(row[0].value)

    def counts(self) -> GraphCounts:
        """The counts every command reports (see :class:`GraphCounts`)."""
        graphs = self.named_graph_count()
        articles = self.article_graph_count()
        return GraphCounts(quads=self.quad_count(), triples=self.triple_count(), article_graphs=articles,
                           other_graphs=graphs - articles)

    def data_quads(self):
        """``(subject, predicate, object, graph)`` of the graph as stated: the named graphs' quads (the
        merged default graph left out: it repeats them), or, for a graph without named graphs (a
        flattened file), its triples with graph ``None``. Subjects, predicates and graphs are IRI
        strings; objects are :class:`~graphkit.query.results.Term` values."""
        import pyoxigraph as ox

        store = self.full_store()
        term = term_converter()
        named = next(iter(store.named_graphs()), None) is not None
        for q in store.quads_for_pattern(None, None, None, None if named else ox.DefaultGraph()):
            g = q.graph_name
            if isinstance(g, ox.DefaultGraph):
                if named:
                    continue
                g = None
            else:
                g = g.value
            yield q.subject.value, q.predicate.value, term(q.object), g

    def nquads(self) -> str:
        """The graph as stated (see :meth:`data_quads`) as N-Quads, one quad a line, sorted and unique:
        the same graph gives the same bytes, whether read from a file or a store."""
        import pyoxigraph as ox

        from graphkit.kg.store import sorted_lines

        store = self.full_store()
        if next(iter(store.named_graphs()), None) is None:
            return sorted_lines(store.dump(format=ox.RdfFormat.N_QUADS))
        return sorted_lines(store.dump(format=ox.RdfFormat.N_QUADS), named_only=True)

    def ntriples(self) -> str:
        """The merged graph (each triple once, graph names dropped) as N-Triples, sorted."""
        import pyoxigraph as ox

        from graphkit.kg.store import sorted_lines

        store, _union = self.store_for("")
        if self._union:  # a store of an older graphkit: its default graph is empty
            return sorted_lines(b"".join(ln.rsplit(b" ", 2)[0] + b" .\n"
                                         for ln in self.nquads().encode("utf-8").splitlines()))
        return sorted_lines(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))

    def to_dataset(self):
        """The graph as stated, as an rdflib ``Dataset`` (in memory: for small graphs and for writing
        formats Oxigraph does not sort, through :mod:`graphkit.kg.serialize`)."""
        from rdflib import Dataset

        from graphkit.kg.namespaces import bind_all

        ds = Dataset()
        bind_all(ds)
        ds.parse(data=self.nquads(), format="nquads")
        return ds

    def named_graph_count(self) -> int:
        """How many named graphs (articles) the graph holds."""
        return sum(1 for _ in self.full_store().named_graphs())

    def quad_count(self) -> int:
        """How many quads the graph holds, the merged default graph not counted (it repeats the named graphs)."""
        n = len(self.full_store())
        if self._named and not self._union:
            n -= self.triple_count()
        return n

    def triple_count(self) -> int:
        """How many distinct triples the merged graph holds."""
        store = self.merged_store()
        if self._fixed is None:
            return len(store)
        if not self._union:  # the default graph: a set of triples
            [row] = evaluate(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
            return int(row[0].value)
        where = "GRAPH ?g { ?s ?p ?o }"
        [row] = evaluate(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {where} }} }}").rows
        return int(row[0].value)


@dataclass(frozen=True)
class GraphCounts:
    """What a graph holds, in the words every command uses.

    - ``quads``: the statements of the named graphs, a triple counted once per graph that states it
      (what a build writes; a flattened file has no graphs, and its quads are its triples);
    - ``triples``: the distinct triples of their merge (what a query without ``GRAPH`` sees);
    - ``article_graphs``: the named graphs of articles (one per article built);
    - ``other_graphs``: the reference graphs (places, person resolution) a store holds besides.

    >>> str(GraphCounts(quads=1383, triples=1236, article_graphs=5, other_graphs=1))
    '1,383 quads (1,236 distinct triples) in 5 article graphs and 1 other graph'
    >>> str(GraphCounts(quads=1, triples=1, article_graphs=1, other_graphs=0))
    '1 quad (1 distinct triple) in 1 article graph'
    """

    quads: int
    triples: int
    article_graphs: int
    other_graphs: int = 0

    def __str__(self) -> str:
        def n(k: int, word: str) -> str:
            return f"{k:,} {word}{'' if k == 1 else 's'}"

        text = (f"{n(self.quads, 'quad')} ({n(self.triples, 'distinct triple')}) in "
                f"{n(self.article_graphs, 'article graph')}")
        if self.other_graphs:
            text += f" and {n(self.other_graphs, 'other graph')}"
        return text


def _rdflib_to_ox(term, cache: dict):
    o = cache.get(term)
    if o is None:
        import pyoxigraph as ox
        from rdflib import BNode, Literal, URIRef

        if isinstance(term, URIRef):
            o = ox.NamedNode(str(term))
        elif isinstance(term, BNode):
            o = ox.BlankNode(str(term))
        elif isinstance(term, Literal):
            if term.language:
                o = ox.Literal(str(term), language=term.language)
            elif term.datatype:
                o = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            else:
                o = ox.Literal(str(term))
        elif getattr(term, "identifier", None) is not None:  # a Graph standing for its name
            o = _rdflib_to_ox(term.identifier, cache)
        else:
            raise QueryError(f"cannot query the RDF term {term!r} ({type(term).__name__})")
        cache[term] = o
    return o


def rdflib_quads(dataset):
    """pyoxigraph ``Quad`` objects for every quad of an rdflib ``Dataset`` or ``Graph``."""
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph

    cache: dict = {DATASET_DEFAULT_GRAPH_ID: ox.DefaultGraph()}
    if isinstance(dataset, ConjunctiveGraph):  # a Dataset: its named graphs stay named
        for s, p, o, g in dataset.quads((None, None, None, None)):
            g = ox.DefaultGraph() if g is None else _rdflib_to_ox(getattr(g, "identifier", g), cache)
            yield ox.Quad(_rdflib_to_ox(s, cache), _rdflib_to_ox(p, cache), _rdflib_to_ox(o, cache), g)
    else:
        for s, p, o in dataset:
            yield ox.Quad(_rdflib_to_ox(s, cache), _rdflib_to_ox(p, cache), _rdflib_to_ox(o, cache))


def open_graph_from_quads(quads, source: str = "<quads>") -> QueryGraph:
    """A :class:`QueryGraph` from ``(subject, predicate, object, graph)`` tuples of IRI strings and
    :class:`~graphkit.query.results.Term` objects (objects may be IRI strings too)."""
    import pyoxigraph as ox

    from graphkit.query.results import _ox_term

    def term(x):
        return _ox_term(x) if isinstance(x, Term) else ox.NamedNode(x)

    data = [ox.Quad(term(s), term(p), term(o), term(g) if g else ox.DefaultGraph()) for s, p, o, g in quads]
    g = QueryGraph(source, load=lambda store: store.extend(data))
    g.full_store()
    return g


def open_graph(source, *, in_memory: bool | None = None) -> QueryGraph:
    """Open a graph for querying.

    ``source`` is a graph file (``.trig``, ``.nq``, ``.ttl``, ``.nt``, ``.jsonld``: read by Oxigraph's
    parsers into memory), a directory holding an Oxigraph store, an rdflib ``Dataset`` or ``Graph``
    (such as :func:`graphkit.kg.build.to_dataset` returns), a ``pyoxigraph.Store`` or an open
    :class:`graphkit.kg.store.GraphStore` (queried where they are), or an already opened
    :class:`QueryGraph` (returned as is). This is graphkit's one way of opening a graph to read it:
    the queries, the research questions, the careers, ``stats``, the analytics, the maps, the
    exports and the notebook helpers all read through it.

    A store directory is opened read-only. By default (``in_memory=None``) a store written by
    ``graphkit build --into``, whose default graph is the merge of its article graphs, is queried
    where it is: opening the 2017 corpus store (660,000 quads) takes ~20 ms and its questions answer
    in milliseconds. A store written before graphkit kept that merge (named graphs, empty default
    graph) is copied into memory instead, as a graph file is (the corpus in about 12 s);
    ``graphkit upgrade STORE_DIR`` adds the merge to it once. ``in_memory=True`` always copies (a
    server does, to fork workers over it); ``in_memory=False`` never does: on a store without the
    merge, a query without ``GRAPH`` then sees Oxigraph's union of the graphs, in which a triple
    stated by several articles appears once per article (use ``DISTINCT``; the shipped questions
    do), and joins take seconds to minutes.
    """
    if isinstance(source, QueryGraph):
        return source
    import pyoxigraph

    if isinstance(source, pyoxigraph.Store):
        return QueryGraph("<pyoxigraph.Store>", store=source)
    if isinstance(getattr(source, "oxigraph", None), pyoxigraph.Store):  # an open graphkit.kg.store.GraphStore
        return QueryGraph(str(source.path), store=source.oxigraph)
    if hasattr(source, "serialize") and hasattr(source, "triples"):  # an rdflib graph or dataset
        data = list(rdflib_quads(source))
        g = QueryGraph(f"<{type(source).__name__}>", load=lambda store: store.extend(data))
        g.full_store()
        return g
    if not isinstance(source, (str, os.PathLike)):
        raise QueryError(f"cannot read a graph from {type(source).__name__}; pass a graph file, a store directory, "
                         "an rdflib Dataset or Graph, or a graph opened with graphkit.query.open_graph")
    path = Path(source)
    if not path.exists():
        how = f"--out {path.name}" if path.suffix.lower() in GRAPH_FORMATS else f"--into {path}"
        raise QueryError(f"{path}: no such graph file or store; build one with 'graphkit build … {how}'")
    if path.is_dir():
        from graphkit.kg.store import store_has_merge
        from graphkit.query import stores

        if not stores.is_store_dir(path):
            raise QueryError(
                f"{path}: a directory, but not an Oxigraph store; give a graph file "
                f"({', '.join(GRAPH_FORMATS)}) or a store directory"
            )
        store = stores.open_store_dir(path)
        merged = store_has_merge(store)
        if not ((not merged) if in_memory is None else in_memory):  # queried where it is
            return QueryGraph(str(path), store=store, path=str(path))
        data = store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        del store
        g = QueryGraph(str(path), load=lambda s: s.load(data, format=pyoxigraph.RdfFormat.N_QUADS), merged=merged)
        g.full_store()
        return g
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise QueryError(f"{path}: unknown graph format '{suffix or '(none)'}'; use one of {', '.join(GRAPH_FORMATS)}")
    fmt = getattr(pyoxigraph.RdfFormat, GRAPH_FORMATS[suffix])

    def load(store):
        try:
            store.load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise QueryError(f"{path}: not a readable {suffix[1:]} file ({e})") from None
        except OSError as e:
            raise QueryError(f"{path}: cannot read the graph ({e.strerror or e})") from None

    g = QueryGraph(str(path), load=load)
    g.full_store()
    return g


def export(source, out: str | Path) -> Path:
    """Write a graph file or a store (anything :func:`open_graph` accepts) to the graph file ``out``,
    in the format of its extension, atomically.

    N-Quads and N-Triples are written straight from Oxigraph, sorted (the same graph gives the same
    bytes); the other formats go through :mod:`graphkit.kg.serialize`, exactly as ``graphkit build
    --out`` writes them. Formats without graphs (.ttl, .nt) flatten the graphs into their merge.
    """
    from graphkit.kg import serialize

    fmt = serialize.format_for(out)
    g = open_graph(source)
    if fmt == "nquads":
        text = g.nquads()
    elif fmt == "nt":
        text = g.ntriples()
    else:
        text = serialize.dumps(g.to_dataset(), fmt)
    serialize.write_atomic(out, text)
    return Path(out)


# ── evaluation ──────────────────────────────────────────────────────────────────────────────────
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def syntax_error(exc: Exception, text: str) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` from the parser's message: the line and column, the query line,
    a caret under the column, and what the parser expected."""
    msg = str(exc)
    m = _POSITION.search(msg)
    if not m:
        return QuerySyntaxError(f"the query has a syntax error: {msg}", detail=msg)
    line, col, detail = int(m[1]), int(m[2]), m[3].strip()
    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in detail:
        from graphkit.kg.namespaces import PREFIXES

        pm = re.search(r"([A-Za-z][\w.-]*)?:[^\s:]*$", src[: max(col - 1, 0)])
        prefix = (pm[1] or "") if pm else "?"
        if pm:
            col = pm.start() + 1
        detail = (f"unknown prefix '{prefix}:'; declare it with PREFIX {prefix}: <…> "
                  f"(predeclared: {', '.join(p + ':' for p in PREFIXES)})")
    elif len(detail) > 200:
        detail = detail[:200].rstrip() + " …"
    width = len(str(line))
    caret = " " * (max(col, 1) - 1) + "^"
    return QuerySyntaxError(
        f"the query has a syntax error at line {line}, column {col}: {detail}\n"
        f"  {line} | {src}\n  {' ' * width} | {caret}",
        line=line, column=col, detail=detail,
    )


def term_converter():
    """A fast function turning pyoxigraph terms (or ``None``) into :class:`Term`."""
    import pyoxigraph as ox

    def named(x):
        return Term("uri", x.value)

    def blank(x):
        return Term("bnode", x.value)

    def literal(x):
        lang = x.language
        return Term("literal", x.value, None if lang else x.datatype.value, lang)

    table = {ox.NamedNode: named, ox.BlankNode: blank, ox.Literal: literal}

    def convert(x):
        if x is None:
            return None
        f = table.get(type(x))
        return f(x) if f else Term("triple", str(x))

    return convert


def evaluate(store, text: str, *, union: bool = False, default_graph=None, named_graphs=None,
             cancel: threading.Event | None = None) -> QueryResult:
    """Evaluate ``text`` on a ``pyoxigraph.Store`` and materialise the answer."""
    import pyoxigraph as ox

    from graphkit.kg.namespaces import PREFIXES

    kwargs: dict = {"prefixes": dict(PREFIXES)}
    if default_graph:
        kwargs["default_graph"] = [ox.NamedNode(u) for u in default_graph]
    else:
        kwargs["use_default_graph_as_union"] = union
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_graphs]
    t0 = time.perf_counter()
    answer = None
    try:
        answer = store.query(text, **kwargs)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer), elapsed=time.perf_counter() - t0)
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows = []
            term = term_converter()
            for i, sol in enumerate(answer):
                rows.append(tuple(map(term, sol)))
                if cancel is not None and i % _CHECK_EVERY == 0 and cancel.is_set():
                    raise QueryTimeout("cancelled")
            return QueryResult("select", names, rows, elapsed=time.perf_counter() - t0)
        triples = []
        term = term_converter()
        for i, t in enumerate(answer):
            triples.append((term(t.subject), term(t.predicate), term(t.object)))
            if cancel is not None and i % _CHECK_EVERY == 0 and cancel.is_set():
                raise QueryTimeout("cancelled")
        return QueryResult("graph", triples=triples, elapsed=time.perf_counter() - t0)
    except SyntaxError as e:
        raise syntax_error(e, text) from None
    except (OSError, RuntimeError, ValueError, TypeError) as e:
        raise QueryError(f"the query failed: {e}") from None
    finally:
        answer = None  # pyoxigraph's answers must be dropped on the thread that made them


def check_query(text: str, *, allow_service=None) -> str:
    """The form of a read-only query (``select``, ``ask``, …); an update raises :class:`UpdateRefused`,
    a query too long or too deeply nested, or calling an endpoint (``SERVICE``) not on the hosts of
    ``allow_service``, raises :class:`graphkit.query.guard.QueryRefused`."""
    from graphkit.query import guard

    guard.check(text, allow_service=allow_service)
    form = query_form(text)
    if form == "update":
        raise UpdateRefused(
            "SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP …) is refused: graphkit queries are read-only; "
            "change the graph by rebuilding it"
        )
    return form


def run_query(graph, text: str, *, params: dict | None = None, timeout: float | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              allow_service=None) -> QueryResult:
    """Run a SPARQL query and return its answer.

    ``graph`` is anything :func:`open_graph` accepts. The prefixes of
    :data:`graphkit.kg.namespaces.PREFIXES` (``gk:``, ``gkid:``, ``org:``, ``schema:``, ``prov:``,
    ``skos:``, ``rdfs:``, ``rdf:``, ``xsd:`` …) are predeclared. ``params`` binds the query's
    ``$name`` parameters (see :mod:`graphkit.query.params`). With ``timeout`` (seconds) a query
    that runs longer raises :class:`QueryTimeout`; its evaluation is abandoned (it stops at the
    next row; a single long step such as a large aggregate finishes in the background, so use
    :func:`graphkit.query.server.make_server` to serve untrusted queries: its workers are killed).
    ``SERVICE`` (federation) is refused unless its host is in ``allow_service``; queries too long or
    too deeply nested are refused before evaluation (see :mod:`graphkit.query.guard`).
    """
    from graphkit.query.params import substitute

    g = open_graph(graph)
    if params:
        text = substitute(text, params)
    check_query(text, allow_service=allow_service)
    store, union = g.store_for(text, datasets=bool(default_graph or named_graphs))
    kwargs = {"union": union, "default_graph": default_graph, "named_graphs": named_graphs}
    if timeout is None:
        return _evaluate_guarded(store, text, **kwargs)
    box: dict = {}
    cancel = threading.Event()

    def work():
        try:
            box["result"] = _evaluate_guarded(store, text, cancel=cancel, **kwargs)
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    worker = threading.Thread(target=work, name="graphkit-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        cancel.set()
        raise QueryTimeout(timeout_message(timeout))
    if "error" in box:
        raise box["error"]
    return box["result"]


def _evaluate_guarded(store, text: str, **kwargs) -> QueryResult:
    """:func:`evaluate`, without passing on what a failed ``SERVICE`` call returned (see :mod:`~graphkit.query.guard`)."""
    try:
        return evaluate(store, text, **kwargs)
    except QuerySyntaxError:
        raise
    except QueryError:
        from graphkit.query import guard

        if guard.service_targets(text):
            raise QueryError(guard.FAILED_SERVICE) from None
        raise


def timeout_message(timeout: float) -> str:
    return (f"the query ran past the time limit of {timeout:g} s and was stopped; "
            "narrow its patterns, add a LIMIT, or allow more time (--timeout)")
