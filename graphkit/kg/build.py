"""Facts of one article → RDF quads in the article's named graph.

The graph of each article is self-contained: every node it mentions is typed and labelled in it,
and every edge it asserts has a ``gk:Assertion`` node carrying the evidence sentence, so
``GRAPH ?article { ?p gk:holds ?post }`` answers "who says so" and the sentence is one hop away.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from graphkit.extract.facts import ArticleFacts, Body, Directive, Evidence, Place, Post
from graphkit.kg import ids
from graphkit.kg.namespaces import GK_URI, PREFIXES
from graphkit.kg.ntriples import nt_escape


class Term(NamedTuple):
    """An RDF term as graphkit writes it: its N-Triples form, its value (an IRI, or a literal's lexical
    form) and, for a literal, its datatype IRI (None for a plain string)."""

    nt: str
    value: str
    iri: bool
    datatype: str | None = None

    def rdflib(self):
        """The same term as an rdflib ``URIRef`` or ``Literal``."""
        return _rdflib_term(self)


@dataclass
class ArticleGraph:
    """One article's named graph: its IRI, and its triples in a deterministic order, each once."""

    iri: str
    lines: list[str] = field(default_factory=list)  # N-Triples lines, without their line breaks
    triples: list[tuple[str, str, Term]] = field(default_factory=list)  # (subject IRI, predicate IRI, object)

    def ntriples(self) -> str:
        """The triples as N-Triples text."""
        return "\n".join(self.lines) + "\n" if self.lines else ""

    def values(self) -> list[tuple[str, str, str]]:
        """The triples as plain strings: subject, predicate, and the object's IRI or lexical form."""
        return [(s, p, o.value) for s, p, o in self.triples]

    def quads(self) -> list:
        """The triples as rdflib quads in the named graph."""
        from rdflib import URIRef

        g = URIRef(self.iri)
        return [(_iri_ref(s), _iri_ref(p), o.rdflib(), g) for s, p, o in self.triples]


class _Quads:
    """Collects the triples of one named graph, typing and labelling each node once."""

    def __init__(self, graph_iri: str):
        self.graph = ArticleGraph(graph_iri)
        self._lines, self._triples = self.graph.lines, self.graph.triples
        self._seen: set[tuple[str, str, str]] = set()
        # the IRI of each place already written: a place is named again (the article's own province is also a
        # mention, and the province of each district), and writing it again adds no triple
        self.places: dict[Place, str] = {}

    def add(self, s: str, p: str, o: Term) -> None:
        # each triple once, known by its parts (their hashes are kept by the strings, which recur) rather than by
        # its line (a new string, hashed whole: an evidence sentence is long)
        key = (s, p, o.nt)
        if key not in self._seen:
            self._seen.add(key)
            self._lines.append(f"<{s}> <{p}> {key[2]} .")
            self._triples.append((s, p, o))

    def node(self, iri: str, cls: str, label: str, alt: tuple[str, ...] = (), *, keys: bool = False) -> str:
        """Type and label ``iri`` (and its other spellings ``alt``); with ``keys``, also the
        ``gk:nameKey`` of each name (:func:`graphkit.kg.ids.name_key`), for persons and posts: the
        questions find them by name with an exact lookup instead of reading every label."""
        self.add(iri, RDF_TYPE, _iri(GK_URI + cls))
        self.add(iri, RDFS_LABEL, _lit(label))
        alts = sorted(set(alt) - {label}) if alt else ()
        for a in alts:
            self.add(iri, SKOS_ALT, _lit(a))
        if keys:
            for k in sorted({ids.name_key(n) for n in (label, *alts)} - {""}):
                self.add(iri, NAME_KEY, _lit(k))
        return iri


_XSD = "http://www.w3.org/2001/XMLSchema#"
_term = tuple.__new__  # Term(...) without the Python frame of a named tuple's __new__: _term(Term, (nt, value, iri, datatype))


@lru_cache(maxsize=1 << 16)
def _iri(value: str) -> Term:
    return _term(Term, (f"<{value}>", value, True, None))


@lru_cache(maxsize=1 << 16, typed=True)
def _lit(value) -> Term:
    """A literal: a string, a date (xsd:date), a boolean (xsd:boolean) or an integer (xsd:integer)."""
    if type(value) is str:  # (most literals)
        return _term(Term, (f'"{nt_escape(value)}"', value, False, None))
    if isinstance(value, bool):
        lexical, datatype = ("true" if value else "false"), _XSD + "boolean"
    elif isinstance(value, _dt.date):
        lexical, datatype = value.isoformat(), _XSD + "date"
    elif isinstance(value, int) and not isinstance(value, bool):
        lexical, datatype = str(value), _XSD + "integer"
    elif isinstance(value, str):
        lexical, datatype = value, None
    else:
        raise TypeError(f"graphkit writes no literal of type {type(value).__name__}")
    nt = f'"{nt_escape(lexical)}"' + (f"^^<{datatype}>" if datatype else "")
    return Term(nt, lexical, False, datatype)


@lru_cache(maxsize=1 << 16)
def _iri_ref(value: str):
    from rdflib import URIRef

    return URIRef(value)


@lru_cache(maxsize=1 << 16)
def _rdflib_term(t: Term):
    from rdflib import Literal, URIRef

    if t.iri:
        return URIRef(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype) if t.datatype else None)


RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
SKOS_ALT = PREFIXES["skos"] + "altLabel"
NAME_KEY = GK_URI + "nameKey"
PROV_DERIVED = PREFIXES["prov"] + "wasDerivedFrom"
GK = GK_URI


def _place(q: _Quads, place: Place) -> str:
    if (iri := q.places.get(place)) is None:
        iri = q.places[place] = _new_place(q, place)
    return iri


def _new_place(q: _Quads, place: Place) -> str:
    from graphkit.gazetteer import provinces

    if place.level == "district":
        piri = _place(q, Place(place.province))
        iri = ids.district_iri(place.province, place.kind, place.name)
        q.node(iri, "District", place.name)
        q.add(iri, GK + "kind", _lit(place.kind))
        q.add(iri, GK + "partOf", _iri(piri))
        return iri
    iri = ids.province_iri(place.name)
    q.node(iri, "Province", place.name)
    p = provinces().get(place.name)
    if p is not None:
        q.add(iri, GK + "kind", _lit(p.kind))
        if p.valid_from:
            q.add(iri, GK + "validFrom", _lit(p.valid_from))
        if p.valid_until:
            q.add(iri, GK + "validUntil", _lit(p.valid_until))
        # gk:mergedInto lives in the places graph (places_quads): an article graph holds only the
        # places the article names, so the successor unit is not typed here.
    return iri


PLACES_GRAPH = ids.ID_URI + "graph/places"


def places_quads() -> list:
    """The reference graph of provincial units: validity dates and gk:mergedInto links."""
    from graphkit.gazetteer import provinces

    q = _Quads(PLACES_GRAPH)
    for p in provinces().values():
        iri = _place(q, Place(p.name))
        if p.merged_into:
            q.add(iri, GK + "mergedInto", _iri(_place(q, Place(p.merged_into))))
    return q.graph.quads()


def _body(q: _Quads, body: Body) -> str:
    iri = ids.org_iri(body.label)
    q.node(iri, "Organization", body.label)
    q.add(iri, GK + "bodyType", _lit(body.canonical))
    if body.place is not None:
        q.add(iri, GK + "place", _iri(_place(q, body.place)))
    return iri


def _post(q: _Quads, post: Post) -> str:
    iri = ids.post_iri(post.label)
    q.node(iri, "Post", post.label, post.variants, keys=True)
    q.add(iri, GK + "role", _lit(post.role))
    if post.body is not None:
        q.add(iri, GK + "postIn", _iri(_body(q, post.body)))
        if post.body.place is not None:
            q.add(iri, GK + "place", _iri(_place(q, post.body.place)))
    return iri


def _directive(q: _Quads, d: Directive) -> str:
    iri = ids.directive_iri(d.system, d.issuer_code, d.type_code, d.number, term=d.term, year=d.year)
    q.node(iri, "Directive", f"{d.doc_type} {d.code}")
    q.add(iri, GK + "code", _lit(d.code))
    q.add(iri, GK + "documentType", _lit(d.doc_type))
    q.add(iri, GK + "number", _lit(d.number))
    if d.issuer:
        q.add(iri, GK + "issuedBy", _iri(_body(q, Body(d.issuer, d.issuer))))
    if d.issued_on:
        q.add(iri, GK + "issuedOn", _lit(d.issued_on))
    if d.term:
        q.add(iri, GK + "term", _lit(d.term))
    return iri


def _assert(q: _Quads, article_id: str, art: str, s: str, p: str, o: str, ev: Evidence, label: str) -> None:
    """The edge itself, and an assertion node that says which sentence of which article states it."""
    q.add(s, p, _iri(o))
    a = ids.assertion_iri(article_id, s, p, o)
    q.node(a, "Assertion", label)
    q.add(a, PREFIXES["rdf"] + "subject", _iri(s))
    q.add(a, PREFIXES["rdf"] + "predicate", _iri(p))
    q.add(a, PREFIXES["rdf"] + "object", _iri(o))
    q.add(a, GK + "evidence", _lit(ev.sentence))
    q.add(a, PROV_DERIVED, _iri(art))


def article_quads(facts: ArticleFacts) -> list:
    """All quads of one article's named graph (rdflib terms), in a deterministic order."""
    return article_graph(facts).quads()


def article_graph(facts: ArticleFacts) -> ArticleGraph:
    """One article's named graph, in a deterministic order."""
    a = facts.article
    art = ids.article_iri(a.id)
    q = _Quads(art)
    q.node(art, "Article", a.title or a.id)
    q.add(art, GK + "articleId", _lit(a.id))
    q.add(art, GK + "source", _lit(a.source))
    if a.date:
        q.add(art, GK + "publishedOn", _lit(a.date))
        if a.date_inferred:
            q.add(art, GK + "dateInferred", _lit(True))
    if a.url:
        q.add(art, PREFIXES["schema"] + "url", _lit(a.url))
    if facts.main_province:
        q.add(art, GK + "mainPlace", _iri(_place(q, Place(facts.main_province))))

    for place, _ev in facts.provinces:
        q.add(art, GK + "mentions", _iri(_place(q, place)))
    for place, _ev in facts.districts:
        q.add(art, GK + "mentions", _iri(_place(q, place)))
    for body, _ev in facts.bodies:
        q.add(art, GK + "mentions", _iri(_body(q, body)))

    persons = {}
    for m in facts.persons:
        iri = ids.person_iri(m.name)
        persons[m.name] = iri
        q.node(iri, "Person", m.name, m.surfaces, keys=True)
        q.add(art, GK + "mentions", _iri(iri))

    def person(name: str) -> str:
        if name not in persons:
            persons[name] = q.node(ids.person_iri(name), "Person", name, keys=True)
        return persons[name]

    for h in facts.holdings:
        p, post = person(h.person), _post(q, h.post)
        pred = "holds" if h.status != "former" else "formerlyHeld"
        _assert(q, a.id, art, p, GK + pred, post, h.evidence, f"{h.person} {pred} {h.post.label}")
        t = ids.tenure_iri(a.id, h.person, h.post.label)
        when = a.date.isoformat() if a.date else "undated"
        q.node(t, "Tenure", f"{h.person} — {h.post.label} ({h.status}, {when})")
        q.add(t, GK + "holder", _iri(p))
        q.add(t, GK + "post", _iri(post))
        q.add(t, GK + "status", _lit(h.status))
        if a.date:
            q.add(t, GK + "observedOn", _lit(a.date))
        start = h.start or (a.date if h.status == "new" else None)
        if start:
            q.add(t, GK + "startDate", _lit(start))
        if h.end:
            q.add(t, GK + "endDate", _lit(h.end))
        q.add(t, GK + "evidence", _lit(h.evidence.sentence))
        q.add(t, PROV_DERIVED, _iri(art))

    dir_iris = {}
    for d in facts.directives:
        dir_iris[d.key] = _directive(q, d)
        q.add(art, GK + "mentions", _iri(dir_iris[d.key]))

    for m in facts.meetings:
        iri = ids.meeting_iri(a.id, m.index)
        q.node(iri, "Meeting", m.label)
        q.add(iri, PROV_DERIVED, _iri(art))
        q.add(iri, GK + "evidence", _lit(m.evidence.sentence))
        if m.date:
            q.add(iri, GK + "date", _lit(m.date))
        if m.location:
            q.add(iri, GK + "location", _lit(m.location))
        if m.organizer:
            q.add(iri, GK + "organizedBy", _iri(_body(q, m.organizer)))
        if m.parent is not None:
            q.add(iri, GK + "subEventOf", _iri(ids.meeting_iri(a.id, m.parent)))
        for rel, people in (("chairedBy", m.chairs), ("attendedBy", m.attendees), ("speaker", m.speakers)):
            for name, ev in people:
                _assert(q, a.id, art, iri, GK + rel, person(name), ev, f"{m.label} {rel} {name}")

    for imp in facts.implementations:
        actor = _place(q, imp.actor) if isinstance(imp.actor, Place) else _body(q, imp.actor)
        d = dir_iris.get(imp.directive.key) or _directive(q, imp.directive)
        name = imp.actor.name if isinstance(imp.actor, Place) else imp.actor.label
        _assert(q, a.id, art, actor, GK + "implements", d, imp.evidence, f"{name} implements {imp.directive.code}")

    for c in facts.citations:
        s = dir_iris.get(c.citing.key) or _directive(q, c.citing)
        o = dir_iris.get(c.cited.key) or _directive(q, c.cited)
        _assert(q, a.id, art, s, GK + c.relation, o, c.evidence, f"{c.citing.code} {c.relation} {c.cited.code}")
    return q.graph


def to_dataset(all_facts, dataset=None):
    """An rdflib ``Dataset`` with one named graph per article (added to ``dataset`` if given)."""
    from rdflib import Dataset

    from graphkit.kg.namespaces import bind_all

    ds = dataset if dataset is not None else Dataset()
    bind_all(ds)
    for facts in all_facts:
        ds.addN(article_quads(facts))
    return ds
