"""The on-disk graph store: an embedded Oxigraph database, one named graph per article.

A store is a directory (RocksDB files) that grows article by article:

- adding an article that is not in the store inserts its named graph;
- adding an article again *replaces* its named graph (the old graph is dropped and the new one
  inserted in the same transaction), so a store built in several runs holds exactly what a fresh
  build of the same articles holds;
- every write is one transaction holding whole article graphs, so a crash, ``kill -9`` or Ctrl-C
  leaves each article either complete or absent, and the store opens fine afterwards;
- the places reference graph (:func:`graphkit.kg.build.places_quads`) is written in every build.

The store never prints; problems are :class:`~graphkit.errors.StoreError` saying the fix.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from graphkit.errors import StoreError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_MARKER = "CURRENT"  # RocksDB's file naming the live manifest: present in every Oxigraph store directory


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


@lru_cache(maxsize=1 << 16)
def _term(t) -> str:
    """An rdflib term in N-Triples syntax (IRIs and literals; graphkit writes no blank nodes)."""
    from rdflib import Literal, URIRef

    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        s = f'"{_escape(str(t))}"'
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


def _sorted_lines(data: bytes) -> str:
    lines = sorted({ln for ln in data.decode("utf-8").splitlines() if ln.strip()})
    return "\n".join(lines) + ("\n" if lines else "")


class GraphStore:
    """A graphkit store directory, opened for writing (default) or reading.

    ``path=None`` makes a store in memory. ``create=True`` makes the directory when it does not exist (it must then be empty or a store);
    ``read_only=True`` opens an existing store for reading, also while another process writes it.
    Use it as a context manager, or call :meth:`close`, so that another ``GraphStore`` can open the
    same directory afterwards.
    """

    def __init__(self, path: str | Path | None, *, create: bool = False, read_only: bool = False):
        import pyoxigraph as ox

        self._ox = ox
        self.read_only = read_only
        if path is None:  # in memory, for resolving small builds
            self.path = Path("(memory)")
            self._store = ox.Store()
            return
        self.path = Path(path)
        if not is_store(self.path):
            if not create or read_only:
                raise StoreError(f"{self.path}: not a graphkit store; build one with "
                                 f"'graphkit build INPUT --into {self.path}'")
            if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
                raise StoreError(f"{self.path}: exists and is not a graphkit store; give --into a new or "
                                 "empty directory, or an existing store")
            try:  # Oxigraph makes the store's own directory, not its parents
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{self.path}: cannot make its parent directory ({e}); check the path and "
                                 "its permissions") from e
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(f"{self.path}: the store is being written by another process; wait for it "
                                 "to finish (or stop it) and try again") from e
            raise StoreError(f"{self.path}: cannot open the store ({msg}); check the path and its "
                             "permissions, or rebuild it into a new directory") from e

    # life cycle --------------------------------------------------------------------------------
    def close(self) -> None:
        """Flush and release the store (its lock), so that other processes can write it."""
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

    # writing -----------------------------------------------------------------------------------
    def flush(self) -> None:
        """Write buffered changes to disk files (they are already durable in the write-ahead log)."""
        self.oxigraph.flush()

    def has_graph(self, graph_iri: str) -> bool:
        return self.oxigraph.contains_named_graph(self._ox.NamedNode(graph_iri))

    def put_graphs(self, graphs: Sequence[tuple[str, str]]) -> list[bool]:
        """Write named graphs given as ``(graph IRI, N-Triples text)``, replacing any graph of the same name.

        All of ``graphs`` go in one transaction: after a crash each is either wholly old or wholly
        new. Returns, for each graph, whether it replaced one already in the store.
        """
        if not graphs:
            return []
        replaced = [self.has_graph(g) for g, _ in graphs]
        parts = [f"DROP SILENT GRAPH <{g}> ;\n" for (g, _), r in zip(graphs, replaced) if r]
        parts.append("INSERT DATA {\n")
        for g, nt in graphs:
            parts.append(f"GRAPH <{g}> {{\n{nt}}}\n")
        parts.append("}")
        try:
            self.oxigraph.update("".join(parts))
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{self.path}: cannot write {len(graphs)} graph(s) ({e}); check free disk "
                             "space and permissions, then run the build again") from e
        return replaced

    def put_quads(self, quads: Sequence) -> bool:
        """Write one named graph given as rdflib quads (all with the same graph name); see :meth:`put_graphs`."""
        if not quads:
            return False
        return self.put_graphs([(str(quads[0][3]), ntriples(quads))])[0]

    def remove_graph(self, graph_iri: str) -> None:
        self.oxigraph.remove_graph(self._ox.NamedNode(graph_iri))

    # reading -----------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        """The names of the named graphs, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs())

    def article_graphs(self) -> list[str]:
        from graphkit.kg.ids import ID_URI

        return [g for g in self.graphs() if g.startswith(ID_URI + "article/")]

    def __len__(self) -> int:
        return len(self.oxigraph)

    def nquads(self, graph_iri: str | None = None) -> str:
        """The store (or one graph of it) as N-Quads, one quad a line, sorted: deterministic."""
        ox = self._ox
        if graph_iri is None:
            return _sorted_lines(self.oxigraph.dump(format=ox.RdfFormat.N_QUADS))
        data = self.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))
        suffix = f" <{graph_iri}> ."
        return _sorted_lines(b"\n".join(ln[:-2] + suffix.encode() for ln in data.splitlines() if ln.strip()))

    def ntriples_flat(self) -> str:
        """All triples of all graphs, the graph names dropped, sorted and unique."""
        lines = set()
        for ln in self.nquads().splitlines():
            lines.add(ln.rsplit(" ", 2)[0] + " .")
        return "".join(f"{ln}\n" for ln in sorted(lines))

    def to_dataset(self):
        """The whole store as an rdflib ``Dataset`` (in memory: meant for small stores and exports)."""
        from rdflib import Dataset

        from graphkit.kg.namespaces import bind_all

        ds = Dataset()
        bind_all(ds)
        ds.parse(data=self.nquads(), format="nquads")
        return ds

    def query(self, sparql: str):
        """Run a SPARQL query (with graphkit's prefixes) over the union of all graphs."""
        from graphkit.kg.namespaces import PREFIXES

        try:
            return self.oxigraph.query(sparql, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
        except SyntaxError as e:
            from graphkit.errors import QueryError

            raise QueryError(f"malformed SPARQL query ({e}); check its syntax") from e


    def select(self, sparql: str) -> list[dict]:
        """SELECT rows over the union of all graphs, as dicts of Python values (see :func:`literal_value`)."""
        return self.select_table(sparql)[1]

    def select_table(self, sparql: str) -> tuple[list[str], list[dict]]:
        """The variables of a SELECT and its rows (as :meth:`select`)."""
        import pyoxigraph as ox

        sols = self.query(sparql)
        names = [v.value for v in sols.variables]
        out = []
        for sol in sols:
            row = {}
            for n in names:
                t = sol[n]
                row[n] = None if t is None else literal_value(
                    t.value, t.datatype.value if isinstance(t, ox.Literal) else None)
            out.append(row)
        return names, out


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                                "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def literal_value(text: str, datatype: str | None):
    """A literal's Python value: int, float, bool and date for those XSD types, else the text.

    >>> literal_value("2022-06-28", "http://www.w3.org/2001/XMLSchema#date")
    datetime.date(2022, 6, 28)
    >>> literal_value("3", "http://www.w3.org/2001/XMLSchema#integer")
    3
    """
    import datetime as _dt

    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _FLOATS:
            return float(text)
        if datatype == _XSD + "boolean":
            return text in ("true", "1")
        if datatype == _XSD + "date":
            return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return text


def write_places(store: GraphStore) -> bool:
    """Write (or refresh) the places reference graph; returns whether it replaced one."""
    from graphkit.kg.build import places_quads

    return store.put_quads(places_quads())


def export(store_path: str | Path, out: str | Path) -> Path:
    """Write the store at ``store_path`` to the graph file ``out`` (format from its extension), atomically.

    N-Quads and N-Triples are written straight from the store, sorted; the other formats go through
    :mod:`graphkit.kg.serialize`, exactly as ``graphkit build --out`` writes them.
    """
    from graphkit.kg import serialize

    fmt = serialize.format_for(out)
    with GraphStore(store_path, read_only=True) as store:
        if fmt == "nquads":
            text = store.nquads()
        elif fmt == "nt":
            text = store.ntriples_flat()
        else:
            text = serialize.dumps(store.to_dataset(), fmt)
    serialize.write_atomic(out, text)
    return Path(out)


def open_graph(path: str | Path):
    """A graph to read from: an rdflib ``Dataset`` for a graph file, a read-only :class:`GraphStore` for a store directory."""
    from graphkit.kg.serialize import load

    p = Path(path)
    if p.is_dir():
        return GraphStore(p, read_only=True)
    return load(p)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
