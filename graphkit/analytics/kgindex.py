"""A graphkit RDF graph read once into plain tables, for the projections.

The projections ask the same questions many times (label of a node, which articles state an
edge, the date of an article), so the graph is scanned once, over the union of its named
graphs, and answers come from dictionaries. Edges asserted by an article have a
``gk:Assertion`` node (``rdf:subject/predicate/object``, ``gk:evidence``,
``prov:wasDerivedFrom``); those give each edge its supporting articles and sentences. Other
triples (``gk:postIn``, ``gk:place``, ``gk:issuedBy`` …) are attributes; the named graphs that
hold them say which articles report them.

A flattened graph (Turtle, N-Triples) works too: assertions carry their article, only the
graph names are lost.

>>> from graphkit.analytics.kgindex import KGIndex
>>> from graphkit import examples
>>> idx = KGIndex.read(examples.dataset())
>>> idx.type_of(examples.iri("person", "Dương Văn Thái")), idx.label(examples.iri("person", "Dương Văn Thái"))
('Person', 'Dương Văn Thái')
>>> len(idx.articles)
5
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass

from graphkit.analytics.slicing import DateRange
from graphkit.kg.namespaces import GK_URI, PREFIXES

RDF = PREFIXES["rdf"]
RDFS_LABEL = PREFIXES["rdfs"] + "label"
RDF_TYPE = RDF + "type"
PROV_DERIVED = PREFIXES["prov"] + "wasDerivedFrom"

#: the edge predicates that come with an assertion node (facts stated by an article)
ASSERTED = ("holds", "formerlyHeld", "chairedBy", "attendedBy", "speaker", "implements", "cites")


@dataclass(frozen=True, order=True)
class Support:
    """One statement of a fact: which article, its date and title, and the sentence."""

    date: str  # ISO date of the article, "" when undated (sorts first)
    article: str
    title: str
    sentence: str

    def as_dict(self) -> dict:
        return {"article": self.article, "title": self.title, "date": self.date or None, "sentence": self.sentence}


@dataclass(frozen=True)
class ArticleInfo:
    iri: str
    title: str
    date: _dt.date | None


def _local(iri: str) -> str:
    return iri[len(GK_URI):] if iri.startswith(GK_URI) else iri


def _value(term):
    """An object's value in the tables: dates and numbers as Python values, everything else as text."""
    if term.kind == "literal" and term.datatype:
        v = term.python()
        return v if isinstance(v, (_dt.date, int, float)) and not isinstance(v, bool) else term.value
    return term.value


class KGIndex:
    """Tables read from one graph: types, labels, attributes, articles and asserted edges.

    Build it with :meth:`read`. Predicates in the ``gk:`` namespace are keyed by their local
    name (``"holds"``, ``"postIn"``); others by their full IRI.
    """

    def __init__(self):
        self.types: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.attrs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.contexts: dict[tuple, set[str]] = defaultdict(set)
        self.articles: dict[str, ArticleInfo] = {}
        # (s, p, o) -> supports, p a local name from ASSERTED
        self.asserted: dict[tuple[str, str, str], list[Support]] = {}

    # -- reading -----------------------------------------------------------------------------
    @classmethod
    def read(cls, graph) -> "KGIndex":
        """Index a graph: anything :func:`graphkit.query.open_graph` accepts (a graph file, a store
        directory, an rdflib ``Dataset`` or ``Graph``, an opened graph), read through it.

        A :class:`KGIndex` passed in is returned as it is, so functions can take either.
        """
        if isinstance(graph, KGIndex):
            return graph
        from graphkit.query.engine import open_graph

        quads = ((s, p, _value(o), g) for s, p, o, g in open_graph(graph).data_quads())
        idx = cls()
        types: dict[str, set[str]] = defaultdict(set)
        labels: dict[str, set[str]] = defaultdict(set)
        assertions: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for s, p, v, g in quads:
            if p == RDF_TYPE:
                types[s].add(_local(str(v)))
                continue
            if p == RDFS_LABEL:
                labels[s].add(str(v))
                continue
            if p.startswith(RDF) and p[len(RDF):] in ("subject", "predicate", "object"):
                assertions[s][p[len(RDF):]].add(str(v))
                continue
            key = _local(p)
            if key in ("evidence",) or p == PROV_DERIVED:
                assertions[s][key].add(v)  # kept for assertion nodes, filtered below
            idx.attrs[s][key].add(v)
            if g is not None:
                idx.contexts[(s, key, v)].add(g)
        for node, ts in types.items():
            # one class per node in graphkit graphs; if several, the first in sort order, stably
            idx.types[node] = sorted(ts)[0]
        for node, ls in labels.items():
            idx.labels[node] = sorted(ls)[0]
        for node, t in sorted(idx.types.items()):
            if t == "Article":
                dates = sorted(d for d in idx.attrs.get(node, {}).get("publishedOn", ()) if isinstance(d, _dt.date))
                idx.articles[node] = ArticleInfo(node, idx.labels.get(node, node), dates[0] if dates else None)
        asserted: dict[tuple, set[Support]] = defaultdict(set)
        for node, a in assertions.items():
            if idx.types.get(node) != "Assertion":
                continue
            for s in a.get("subject", ()):
                for p in a.get("predicate", ()):
                    p = _local(p)
                    for o in a.get("object", ()):
                        for art in a.get(PROV_DERIVED, ()) or {""}:
                            info = idx.articles.get(art)
                            date = info.date.isoformat() if info and info.date else ""
                            title = info.title if info else ""
                            for sent in a.get("evidence", ()) or {""}:
                                asserted[(s, p, o)].add(Support(date, art, title, str(sent)))
        idx.asserted = {k: sorted(v) for k, v in sorted(asserted.items())}
        for node in list(idx.attrs):
            if idx.types.get(node) == "Assertion":
                del idx.attrs[node]
        return idx

    # -- questions ---------------------------------------------------------------------------
    def type_of(self, node: str) -> str:
        return self.types.get(node, "")

    def label(self, node: str) -> str:
        return self.labels.get(node, node.rsplit("/", 1)[-1])

    def values(self, node: str, key: str) -> list:
        """Sorted values of an attribute (``gk:`` local name) of a node."""
        return sorted(self.attrs.get(node, {}).get(key, ()), key=lambda v: (str(type(v)), v))

    def value(self, node: str, key: str, default=None):
        vs = self.values(node, key)
        return vs[0] if vs else default

    def nodes_of(self, cls: str) -> list[str]:
        return sorted(n for n, t in self.types.items() if t == cls)

    def supports(self, s: str, p: str, o: str, rng: DateRange = DateRange()) -> list[Support]:
        """The statements of the edge ``s p o`` by articles in the date range."""
        return [x for x in self.asserted.get((s, p, o), ()) if rng.contains(self._date(x))]

    def edges(self, p: str, rng: DateRange = DateRange()):
        """``(s, o, supports)`` for each asserted edge with predicate ``p`` stated in the range."""
        for (s, pp, o), sup in self.asserted.items():
            if pp != p:
                continue
            sup = [x for x in sup if rng.contains(self._date(x))]
            if sup:
                yield s, o, sup

    def reported(self, s: str, key: str, o, rng: DateRange = DateRange()) -> list[str]:
        """Articles (named graphs) in the range that hold the attribute triple ``s key o``."""
        return sorted(g for g in self.contexts.get((s, key, o), ()) if rng.contains(self.article_date(g)))

    def in_slice(self, s: str, key: str, o, rng: DateRange = DateRange()) -> bool:
        """Whether an attribute triple is reported in the range (always, for an unbounded range
        or a flattened graph whose triples have no graph name)."""
        if not rng.bounded:
            return True
        ctx = self.contexts.get((s, key, o))
        return not ctx or any(rng.contains(self.article_date(g)) for g in ctx)

    def article_date(self, article: str) -> _dt.date | None:
        info = self.articles.get(article)
        return info.date if info else None

    @staticmethod
    def _date(x: Support) -> _dt.date | None:
        return _dt.date.fromisoformat(x.date) if x.date else None

    def tenures(self, rng: DateRange = DateRange()) -> list[dict]:
        """Tenure records (holder, post, status, observed/start/end dates, article, sentence) in the range."""
        out = []
        for t in self.nodes_of("Tenure"):
            for art in self.values(t, PROV_DERIVED) or [""]:
                if not rng.contains(self.article_date(art)):
                    continue
                out.append({
                    "holder": self.value(t, "holder"), "post": self.value(t, "post"),
                    "status": self.value(t, "status", "current"),
                    "observed": _iso(self.value(t, "observedOn")), "start": _iso(self.value(t, "startDate")),
                    "end": _iso(self.value(t, "endDate")), "article": art, "evidence": self.value(t, "evidence", ""),
                })
        return out


def _iso(d) -> str | None:
    return d.isoformat() if isinstance(d, _dt.date) else (str(d) if d else None)
