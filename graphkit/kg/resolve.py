"""Resolving persons across articles: namesakes stay apart, with ``gk:possiblySame``.

Extraction names a person by their name (:func:`graphkit.kg.ids.person_iri`), so the same name in
two articles is one node. After extraction, this module looks at the context each article gives a
name — the provinces of the posts it says the person holds (current or new, not former), the posts
themselves and the article's date — and splits a name when two articles put it in posts in
*different provinces at overlapping dates* (for example ``Nguyễn Văn Hùng``, Bí thư Tỉnh ủy Quảng
Trị, and ``Nguyễn Văn Hùng``, Giám đốc Sở Xây dựng tỉnh Long An):

- the mentions of a name are grouped by province (mentions sharing a province are one group);
- two groups are kept apart unless both are dated and their date ranges are more than
  ``margin_days`` apart (then they are taken as one person who moved, and stay one node). An
  undated article counts as overlapping any date: a corpus is usually one short period, and a
  wrong split (recorded, see below) is cheaper than a wrong merge;
- each group kept apart gets its own IRI, the name's IRI plus the group's province
  (``…/person/nguyen-van-hung-1a2b3c/quang-tri``): deterministic, whatever order articles come in;
- mentions that hold a full-time post of a central body (``Bộ trưởng Bộ Xây dựng``; data/full_time_posts.txt)
  and share no post with a province's group that holds a full-time post of its province (``Chủ tịch Ủy ban
  nhân dân tỉnh Nam Định``) are another group, at overlapping dates (``…/person/…/trung-uong``): a minister
  and a province's chairman of one name are two persons;
- a mention without a provincial post joins the one group that shares one of its posts (say
  ``Ủy viên Bộ Chính trị``); otherwise it keeps the name's IRI;
- every pair of nodes of one name kept apart is linked by ``gk:possiblySame`` in the resolution
  graph (``…/id/graph/resolution``), with a ``gk:Assertion`` node giving the evidence (the posts,
  provinces and articles on each side). Never ``owl:sameAs``.

Each article's named graph still says what that article reported (the same labels, posts,
tenures and evidence sentences); only the person's IRI in it is the resolved one. The resolution is
a function of the whole set of articles, so building in several runs gives the same graph as one
fresh build.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from graphkit.kg.namespaces import GK_URI, ID_URI, PREFIXES

RESOLUTION_GRAPH = ID_URI + "graph/resolution"
MARGIN_DAYS = 180


@dataclass
class Mention:
    """A person as one article reports them."""

    graph: str  # the article graph
    iri: str  # the person's IRI in that graph now
    name: str  # canonical label
    date: _dt.date | None = None
    provinces: set[str] = field(default_factory=set)  # province IRIs of posts held (current/new)
    posts: set[str] = field(default_factory=set)  # labels of posts held (current/new)
    place_posts: set[str] = field(default_factory=set)  # labels of the posts with a province


@dataclass
class Group:
    """Mentions of one name taken as one person."""

    name: str
    provinces: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def dates(self) -> list[_dt.date | None]:
        return [m.date for m in self.mentions]

    @property
    def key(self) -> str:
        return min(self.provinces) if self.provinces else ""


@dataclass
class Resolution:
    """Where each person mention goes, and the ``gk:possiblySame`` links with their evidence."""

    targets: dict[tuple[str, str], str] = field(default_factory=dict)  # (graph, current IRI) → IRI
    links: list[tuple[str, str, str, list[str]]] = field(default_factory=list)  # (a, b, evidence, articles)

    def renames(self) -> dict[str, dict[str, str]]:
        """Per graph, the IRIs to change: ``{graph: {current IRI: resolved IRI}}``."""
        out: dict[str, dict[str, str]] = defaultdict(dict)
        for (g, cur), new in self.targets.items():
            if cur != new:
                out[g][cur] = new
        return dict(out)


_MENTIONS = """
SELECT ?g ?person ?name ?date ?post ?postLabel ?status ?place ?province WHERE {
  GRAPH ?g {
    ?g a gk:Article .
    ?person a gk:Person ; rdfs:label ?name .
    OPTIONAL { ?g gk:publishedOn ?date }
    OPTIONAL {
      ?t gk:holder ?person ; gk:post ?post .
      OPTIONAL { ?t gk:status ?status }
      OPTIONAL { ?post rdfs:label ?postLabel }
      OPTIONAL { ?post gk:place ?place . OPTIONAL { ?place gk:partOf ?province } }
    }
  }
}"""


def mentions(store) -> list[Mention]:
    """The person mentions of every article graph in ``store`` (a :class:`~graphkit.kg.store.GraphStore`)."""
    from graphkit.kg.namespaces import sparql_prefixes

    found: dict[tuple[str, str], Mention] = {}
    for sol in store.oxigraph.query(sparql_prefixes() + _MENTIONS):
        g, iri = sol["g"].value, sol["person"].value
        m = found.get((g, iri))
        if m is None:
            date = sol["date"]
            try:
                day = _dt.date.fromisoformat(date.value) if date is not None else None
            except ValueError:
                day = None
            m = found[(g, iri)] = Mention(g, iri, sol["name"].value, day)
        status = sol["status"].value if sol["status"] is not None else "current"
        if sol["post"] is None or status == "former":
            continue
        label = sol["postLabel"].value if sol["postLabel"] is not None else sol["post"].value
        m.posts.add(label)
        place = sol["province"] or sol["place"]
        if place is not None:
            m.provinces.add(place.value)
            m.place_posts.add(label)
    return sorted(found.values(), key=lambda m: (m.name, m.graph, m.iri))


_TYPE, _LABEL = PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label"


@cache
def mention_predicates() -> frozenset[str]:
    """The predicates :func:`mentions_in` reads."""
    return frozenset({_TYPE, _LABEL, GK_URI + "publishedOn", GK_URI + "holder", GK_URI + "status", GK_URI + "post",
                      GK_URI + "place", GK_URI + "partOf"})


def mentions_in(graph: str, triples) -> list[Mention]:
    """The person mentions of one article graph, from its ``(s, p, o, …)`` triples or quads, as
    :func:`mentions` reads them from a store (the same query, answered in memory): a build that
    makes a new store gets them from its workers instead of querying all the article graphs at the
    end. Terms are compared as strings (rdflib terms are strings)."""
    props: dict[str, dict[str, list[str]]] = {}
    wanted = mention_predicates()
    for t in triples:  # as plain strings: an rdflib term is never equal to a str
        p = str(t[1])
        if p not in wanted:
            continue  # (most triples: evidence, assertions, meetings; 0.046 -> 0.031 s on 4,000 article graphs)
        s = str(t[0])
        by_p = props.get(s)
        if by_p is None:
            props[s] = {p: [str(t[2])]}
        elif p in by_p:
            by_p[p].append(str(t[2]))
        else:
            by_p[p] = [str(t[2])]
    if GK_URI + "Article" not in props.get(graph, {}).get(_TYPE, []):
        return []
    dates = props[graph].get(GK_URI + "publishedOn")
    try:
        day = _dt.date.fromisoformat(dates[0]) if dates else None
    except ValueError:
        day = None
    holdings: dict[str, list[dict]] = defaultdict(list)
    for ps in props.values():
        for person in ps.get(GK_URI + "holder", ()):
            holdings[person].append(ps)
    found = []
    for iri, ps in props.items():
        if GK_URI + "Person" not in ps.get(_TYPE, ()):
            continue
        names = ps.get(_LABEL)
        if not names:
            continue
        m = Mention(graph, iri, min(names), day)  # a person node has one label
        found.append(m)
        for t in holdings.get(iri, ()):
            status = t.get(GK_URI + "status")
            if status and all(x == "former" for x in status):
                continue
            for post in t.get(GK_URI + "post", ()):
                pp = props.get(post, {})
                labels = pp.get(_LABEL) or [post]
                provinces = [x for p in pp.get(GK_URI + "place", ()) for x in (props.get(p, {}).get(GK_URI + "partOf") or [p])]
                m.posts.update(labels)
                if provinces:
                    m.provinces.update(provinces)
                    m.place_posts.update(labels)
    return found


def _far_apart(a: Group, b: Group, margin: int) -> bool:
    """Both groups dated, and their date ranges more than ``margin`` days apart."""
    da, db = a.dates, b.dates
    if not da or not db or None in da or None in db:
        return False
    gap = max(min(da), min(db)) - min(max(da), max(db))
    return gap.days > margin


def person_iri_in(name_iri: str, province_iri: str) -> str:
    """The IRI of a namesake kept apart: the name's IRI and the group's province.

    >>> person_iri_in("https://w3id.org/graphkit/id/person/nguyen-van-hung-1", "https://w3id.org/graphkit/id/place/quang-tri")
    'https://w3id.org/graphkit/id/person/nguyen-van-hung-1/quang-tri'
    """
    return f"{name_iri}/{province_iri.rstrip('/').rsplit('/', 1)[-1]}"


def resolve(all_mentions: list[Mention], *, margin_days: int = MARGIN_DAYS) -> Resolution:
    """Decide, for each mention, which person node it is (see the module docstring)."""
    from graphkit.kg.ids import person_iri

    res = Resolution()
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in all_mentions:
        by_name[m.name].append(m)
    for name in sorted(by_name):
        ms = by_name[name]
        plain = person_iri(name)
        groups = _province_groups(name, [m for m in ms if m.provinces])
        people = _merge_far_apart(groups, margin_days)
        iris = [person_iri_in(plain, min(p.provinces)) for p in people]
        central = _central_apart(name, ms, people, margin_days)
        if central is not None:  # a minister and a province's chairman of one name: two persons
            people.append(central)
            iris.append(f"{plain}/{CENTRAL}")
        if len(people) <= 1:
            for m in ms:
                res.targets[(m.graph, m.iri)] = plain
            continue
        for p, iri in zip(people, iris):
            for m in p.mentions:
                res.targets[(m.graph, m.iri)] = iri
        loose = []
        group_posts = [{x for pm in p.mentions for x in pm.posts} for p in people]
        placed = {id(m) for p in people for m in p.mentions}
        for m in ms:
            if m.provinces or id(m) in placed:
                continue
            sharing = [i for i, posts in enumerate(group_posts) if m.posts & posts]
            if len(sharing) == 1:
                people[sharing[0]].mentions.append(m)
                res.targets[(m.graph, m.iri)] = iris[sharing[0]]
            else:
                loose.append(m)
                res.targets[(m.graph, m.iri)] = plain
        for i in range(len(people)):
            for j in range(i + 1, len(people)):
                a, b = sorted([(iris[i], people[i]), (iris[j], people[j])], key=lambda x: x[0])
                res.links.append((a[0], b[0], _evidence(name, a[1], b[1]), _articles(a[1], b[1])))
        if loose:
            arts = sorted({m.graph for m in loose})
            for iri, p in zip(iris, people):
                ev = (f"Same name '{name}': {len(arts)} article(s) name this person without a provincial post or a "
                      f"post shared with one of the namesakes kept apart ({_side(p)}), so they are not attributed.")
                res.links.append((plain, iri, ev, sorted(set(arts) | {m.graph for m in p.mentions})))
    return res


CENTRAL = "trung-uong"  # the last part of the IRI of a namesake kept apart by a central post


@cache
def _full_time_posts() -> tuple[str, ...]:
    from graphkit.gazetteer import load_list

    return tuple(load_list("full_time_posts.txt"))


def _full_time(post: str) -> bool:
    """Whether ``post`` is one a person holds full time, one at a time (data/full_time_posts.txt)."""
    return post.startswith(_full_time_posts())


def _central_apart(name: str, ms: list[Mention], people: list[Group], margin: int) -> Group | None:
    """The mentions of ``name`` that hold a full-time post of a central body (no province) and share no post with
    a province's group that holds a full-time post of its province, at overlapping dates: another person
    ('Phạm Hồng Hà', Bộ trưởng Bộ Xây dựng, and 'Phạm Hồng Hà', Chủ tịch Ủy ban nhân dân thành phố Nam Định).
    None when there are none, or no such province group."""
    local = [p for p in people if any(_full_time(x) for pm in p.mentions for x in pm.place_posts)]
    if not local:
        return None
    shared = {x for p in people for pm in p.mentions for x in pm.posts}
    central = [m for m in ms if not m.provinces and any(_full_time(x) for x in m.posts) and not m.posts & shared]
    if not central:
        return None
    group = Group(name, set(), central)
    if all(_far_apart(group, p, margin) for p in local):
        return None  # one person who moved
    return group


def _province_groups(name: str, ms: list[Mention]) -> list[Group]:
    """Mentions sharing a province are one group (union-find over provinces)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in ms:
        ps = sorted(m.provinces)
        for p in ps[1:]:
            ra, rb = find(ps[0]), find(p)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, Group] = {}
    for m in ms:
        root = find(min(m.provinces))
        g = groups.setdefault(root, Group(name))
        g.provinces |= m.provinces
        g.mentions.append(m)
    return sorted(groups.values(), key=lambda g: g.key)


def _merge_far_apart(groups: list[Group], margin: int) -> list[Group]:
    """Groups whose dates are far apart are one person who moved; greedy in date order, deterministic."""
    def start(g: Group):
        ds = [d for d in g.dates if d is not None]
        return (min(ds) if ds and None not in g.dates else _dt.date.max, g.key)

    people: list[list[Group]] = []
    for g in sorted(groups, key=start):
        for p in people:
            if all(_far_apart(g, q, margin) for q in p):
                p.append(g)
                break
        else:
            people.append([g])
    out = []
    for p in people:
        merged = Group(p[0].name)
        for g in p:
            merged.provinces |= g.provinces
            merged.mentions += g.mentions
        out.append(merged)
    return sorted(out, key=lambda g: g.key)


def _label(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _side(g: Group) -> str:
    posts = sorted({p for m in g.mentions for p in (m.place_posts or m.posts)})
    arts = sorted({_label(m.graph) for m in g.mentions})
    shown = ", ".join(arts[:5]) + (f" and {len(arts) - 5} more" if len(arts) > 5 else "")
    return f"{'; '.join(posts[:4])} in {len(arts)} article(s): {shown}"


def _evidence(name: str, a: Group, b: Group) -> str:
    return (f"Same name '{name}', kept apart: posts in different provinces, or full-time posts of a central body "
            f"and of a province, at overlapping (or unknown) dates — "
            f"{_side(a)} — and {_side(b)}.")


def _articles(a: Group, b: Group) -> list[str]:
    return sorted({m.graph for m in a.mentions} | {m.graph for m in b.mentions})


def link_quads(res: Resolution) -> list:
    """The resolution graph: ``gk:possiblySame`` links, each with an assertion node giving the evidence."""
    from rdflib import Literal, URIRef

    from graphkit.kg.ids import _h

    g = URIRef(RESOLUTION_GRAPH)
    rdf, rdfs = PREFIXES["rdf"], PREFIXES["rdfs"]
    quads = []
    for a, b, evidence, articles in sorted(res.links):
        sa, sb = URIRef(a), URIRef(b)
        quads.append((sa, URIRef(GK_URI + "possiblySame"), sb, g))
        node = URIRef(f"{ID_URI}assertion/{_h('possiblySame', a, b)}")
        quads += [
            (node, URIRef(rdf + "type"), URIRef(GK_URI + "Assertion"), g),
            (node, URIRef(rdfs + "label"), Literal(f"{_label(a)} possiblySame {_label(b)}"), g),
            (node, URIRef(rdf + "subject"), sa, g),
            (node, URIRef(rdf + "predicate"), URIRef(GK_URI + "possiblySame"), g),
            (node, URIRef(rdf + "object"), sb, g),
            (node, URIRef(GK_URI + "evidence"), Literal(evidence), g),
        ]
        quads += [(node, URIRef(PREFIXES["prov"] + "wasDerivedFrom"), URIRef(art), g) for art in articles]
    return quads


def rename_ntriples(text: str, renames: dict[str, str]) -> str:
    r"""N-Triples ``text`` with the subject and object IRIs in ``renames`` replaced.

    >>> rename_ntriples('<a> <p> <b> .', {"b": "c"})
    '<a> <p> <c> .\n'
    >>> rename_ntriples('<b> <p> "<b> x" .', {"b": "c"})
    '<c> <p> "<b> x" .\n'
    """
    out = []
    for line in text.split("\n"):  # not splitlines(): a literal may hold U+2028, U+0085, a form feed …
        if not line.strip():
            continue
        s_end = line.index("> ")  # subject and predicate are IRIs
        p_end = line.index("> ", s_end + 2)
        s, p, o = line[1:s_end], line[s_end + 2:p_end + 1], line[p_end + 2:-2]
        s = renames.get(s, s)
        if o.startswith("<") and o.endswith(">"):
            o = f"<{renames.get(o[1:-1], o[1:-1])}>"
        out.append(f"<{s}> {p} {o} .\n")
    return "".join(out)


def resolve_known(known: list[Mention], *, margin_days: int = MARGIN_DAYS) -> Resolution:
    """:func:`resolve` of the mentions of every article graph of a store, given by the caller
    (:func:`mentions_in` of each graph written), in any order."""
    return resolve(sorted(known, key=lambda m: (m.name, m.graph, m.iri)), margin_days=margin_days)


def apply(store, *, margin_days: int = MARGIN_DAYS, batch: int = 64,
          resolution: Resolution | None = None, texts: Mapping[str, bytes] | None = None) -> Resolution:
    """Resolve the persons of ``store`` and rewrite the article graphs whose person IRIs change.

    The mentions are read from the store, unless the caller has resolved them already: ``resolution``
    (:func:`resolve_known` of the :func:`mentions_in` of each graph written, as a new store's build does).
    ``texts``: the N-Triples (UTF-8) of graphs exactly as they are in the store, when the caller kept
    them (a new store's build): those are not read back. Each rewritten graph is replaced whole, in
    one transaction (``batch`` graphs per transaction); the resolution graph is rewritten whole.
    Returns the resolution.
    """
    from graphkit.kg.store import ntriples

    res = resolution if resolution is not None else resolve(mentions(store), margin_days=margin_days)
    todo = sorted(res.renames().items())
    for i in range(0, len(todo), batch):
        graphs, current = [], {}
        for g, renames in todo[i:i + batch]:
            kept = texts.get(g) if texts else None
            current[g] = store.graph_ntriples(g) if kept is None else kept.decode("utf-8")
            graphs.append((g, rename_ntriples(current[g], renames)))
        store.put_graphs(graphs, current=current)
    links = link_quads(res)
    if links:
        store.put_graphs([(RESOLUTION_GRAPH, ntriples(links))])
    elif store.has_graph(RESOLUTION_GRAPH):
        store.remove_graph(RESOLUTION_GRAPH)
    return res
