"""Projections of a graphkit RDF graph onto networkx graphs.

Each function takes an rdflib ``Dataset``/``Graph`` (or a :class:`~graphkit.analytics.kgindex.KGIndex`
read from one) and returns a networkx graph whose nodes are IRIs (``str``) and whose edges carry

``weight``
    how strongly the edge is supported (each function says how it counts);
``articles``
    the sorted IRIs of the articles that support the edge;
``evidence``
    a list of ``{"article", "title", "date", "sentence"}`` dicts, sorted by date;
``relation``
    what the edge means, in words (used as the edge label on maps).

Nodes carry ``label`` (the ``rdfs:label``), ``type`` (``Person``, ``Organization``, ``Province``,
``Directive``, ``Meeting``, ``Post``) and, for persons, ``posts`` (the tenures reported in the
range). ``first_date``/``last_date`` are the earliest and latest article dates of the node's edges.

Every projection takes ``date_from``/``date_to`` (ISO strings or dates, inclusive): only facts
stated by articles published in that range count (undated articles are left out when a bound is
given). Node and edge order is sorted, so the same graph always gives the same result.

>>> from graphkit import examples
>>> from graphkit.analytics import projections
>>> ds = examples.dataset()
>>> P = projections.person_person(ds)
>>> mai, thai = examples.iri("person", "Trương Thị Mai"), examples.iri("person", "Dương Văn Thái")
>>> e = P.edges[mai, thai]
>>> e["weight"], e["relation"], [x["date"] for x in e["evidence"]]
(1, 'co-attended', ['2022-06-28'])
>>> projections.person_person(ds, date_to="2021-12-31").has_node(mai)
False
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from graphkit.analytics.kgindex import KGIndex, Support
from graphkit.analytics.slicing import DateRange
from graphkit.errors import AnalysisError

MEETING_ROLES = {"chairedBy": "chaired", "attendedBy": "attended", "speaker": "spoke"}
RELATION_WORDS = {
    "holds": "holds", "formerlyHeld": "formerly held", "chairedBy": "chaired by", "attendedBy": "attended by",
    "speaker": "speaker", "implements": "implements", "cites": "cites", "place": "in", "issuedBy": "issued by",
    "organizedBy": "organised by", "subEventOf": "part of", "postIn": "in",
}


class _Edges:
    """Accumulates supports, relations and extra lists per edge, then writes them onto a graph."""

    def __init__(self):
        self.sup: dict[tuple, set[Support]] = defaultdict(set)
        self.rel: dict[tuple, set[str]] = defaultdict(set)
        self.extra: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.articles: dict[tuple, set[str]] = defaultdict(set)

    def add(self, u, v, relation: str, supports=(), **extra) -> None:
        key = (u, v)
        self.rel[key].add(relation)
        self.sup[key].update(supports)
        self.articles[key].update(s.article for s in supports if s.article)
        for k, vals in extra.items():
            self.extra[key][k].update(vals)

    def write(self, G, weight) -> None:
        for key in sorted(self.rel):
            u, v = key
            sup = sorted(self.sup[key])
            attrs = {k: sorted(vals) for k, vals in sorted(self.extra[key].items())}
            arts = sorted(self.articles[key])
            G.add_edge(u, v, relation=", ".join(sorted(self.rel[key])), articles=arts,
                       evidence=[s.as_dict() for s in sup], **attrs)
            G.edges[u, v]["weight"] = weight(G.edges[u, v])


def _range(date_from, date_to) -> DateRange:
    return DateRange.of(date_from, date_to)


def _add_node(G, idx: KGIndex, node: str, rng: DateRange, tenures=None, **extra) -> None:
    if node in G:
        G.nodes[node].update(extra)
        return
    t = idx.type_of(node) or "Thing"
    attrs = {"label": idx.label(node), "type": t}
    if t == "Person":
        attrs["posts"] = _posts(idx, node, rng, tenures)
    elif t == "Directive":
        issued = idx.value(node, "issuedOn")
        issuer = idx.value(node, "issuedBy")
        attrs.update(code=idx.value(node, "code", ""), document_type=idx.value(node, "documentType", ""),
                     issued_on=issued.isoformat() if hasattr(issued, "isoformat") else issued,
                     issuer=idx.label(issuer) if issuer else None, term=idx.value(node, "term"))
    elif t == "Meeting":
        d = idx.value(node, "date")
        attrs.update(date=d.isoformat() if hasattr(d, "isoformat") else d, location=idx.value(node, "location"))
    elif t == "Organization":
        place = idx.value(node, "place")
        attrs["place"] = idx.label(place) if place else None
    elif t == "Post":
        attrs["role"] = idx.value(node, "role")
    attrs.update(extra)
    G.add_node(node, **attrs)


def _posts(idx: KGIndex, person: str, rng: DateRange, tenures) -> list[dict]:
    """The tenures of a person reported in the range: post label, status, dates, article."""
    rows = set()
    for t in tenures if tenures is not None else idx.tenures(rng):
        if t["holder"] == person:
            rows.add((t["observed"] or "", idx.label(t["post"]), t["status"], t["start"] or "", t["end"] or ""))
    return [{"post": p, "status": s, "observed": o or None, "start": st or None, "end": en or None}
            for o, p, s, st, en in sorted(rows)]


def _stamp_dates(G) -> None:
    """``first_date``/``last_date`` of each node from the evidence of its edges."""
    first: dict = {}
    last: dict = {}
    for u, v, ev in G.edges(data="evidence"):
        for x in ev or ():
            d = x.get("date")
            if not d:
                continue
            for n in (u, v):
                first[n] = min(first.get(n, d), d)
                last[n] = max(last.get(n, d), d)
    for n in G:
        G.nodes[n]["first_date"] = first.get(n)
        G.nodes[n]["last_date"] = last.get(n)


def _iso(d) -> str:
    return d.isoformat() if d else ""


def _n_articles(e) -> int:
    return max(1, len(e["articles"]))


def _meeting_root(idx: KGIndex, meeting: str) -> str:
    """A bridge point (``gk:subEventOf``) counts as part of the meeting it belongs to."""
    seen = {meeting}
    while True:
        parent = idx.value(meeting, "subEventOf")
        if not parent or parent in seen:
            return meeting
        seen.add(parent)
        meeting = parent


def _org_of(idx: KGIndex, post: str) -> str | None:
    return idx.value(post, "postIn")


def _new_graph(directed: bool, name: str, rng: DateRange, **graph_attrs):
    import networkx as nx

    G = nx.DiGraph() if directed else nx.Graph()
    G.graph.update(name=name, date_from=rng.start.isoformat() if rng.start else None,
                   date_to=rng.end.isoformat() if rng.end else None, **graph_attrs)
    return G


# -- projections --------------------------------------------------------------------------------
def person_person(source, *, date_from=None, date_to=None, via=("meetings", "bodies"), former=False):
    """Persons linked by attending the same meeting or holding posts in the same body.

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex
        The graph: anything :func:`graphkit.query.open_graph` accepts.
    date_from, date_to : str or datetime.date, optional
        Only facts from articles published in this range (inclusive) count.
    via : tuple of {"meetings", "bodies"}
        ``"meetings"``: two persons who chair, attend or speak at the same meeting (a bridge
        point counts as part of its conference). ``"bodies"``: two persons who hold posts in the
        same organisation (``gk:holds`` a post ``gk:postIn`` it).
    former : bool
        Count former posts (``gk:formerlyHeld``) for ``"bodies"`` too.

    Returns
    -------
    networkx.Graph
        Person nodes (every person with a counted fact in the range, so isolates too). Edge
        ``weight`` = shared meetings + shared bodies; ``meetings`` and ``bodies`` list their IRIs;
        ``relation`` is ``co-attended``, ``same body`` or both.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = person_person(examples.dataset(), via=("bodies",))
    >>> chinh, mai = examples.iri("person", "Phạm Minh Chính"), examples.iri("person", "Trương Thị Mai")
    >>> G.edges[chinh, mai]["weight"], [G.nodes[b]["label"] if b in G else b.rsplit("/", 1)[1] for b in G.edges[chinh, mai]["bodies"]]
    (3, ['ban-bi-thu-0cd10f', 'ban-to-chuc-trung-uong-0ed357', 'bo-chinh-tri-3fc896'])
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    unknown = set(via) - {"meetings", "bodies"}
    if unknown or not via:
        raise AnalysisError(f"via={tuple(via)!r}: choose 'meetings', 'bodies' or both")
    G = _new_graph(False, "person-person", rng, via=list(via))
    acc = _Edges()
    tenures = idx.tenures(rng)
    people: set[str] = set()
    if "meetings" in via:
        at: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for p in MEETING_ROLES:
            for m, person, sup in idx.edges(p, rng):
                at[_meeting_root(idx, m)][person].update(sup)
        for m in sorted(at):
            people.update(at[m])
            for a, b in combinations(sorted(at[m]), 2):
                acc.add(a, b, "co-attended", at[m][a] | at[m][b], meetings={m})
    if "bodies" in via:
        members: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for p in ("holds", "formerlyHeld") if former else ("holds",):
            for person, post, sup in idx.edges(p, rng):
                org = _org_of(idx, post)
                if org:
                    members[org][person].update(sup)
        for org in sorted(members):
            people.update(members[org])
            for a, b in combinations(sorted(members[org]), 2):
                acc.add(a, b, "same body", members[org][a] | members[org][b], bodies={org})
    for p in sorted(people):
        _add_node(G, idx, p, rng, tenures)
    acc.write(G, lambda e: len(e.get("meetings", ())) + len(e.get("bodies", ())))
    _stamp_dates(G)
    return G


def person_organization(source, *, date_from=None, date_to=None, former=False):
    """Bipartite graph of persons and the organisations they hold posts in.

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`person_person`)
    date_from, date_to : str or datetime.date, optional
        Only holdings reported by articles published in this range count.
    former : bool
        Also link former posts (``gk:formerlyHeld``); their edges say ``formerly held``.

    Returns
    -------
    networkx.Graph
        Nodes have ``bipartite`` 0 (persons) or 1 (organisations). Edge ``weight`` = number of
        articles reporting the person in a post of that body; ``posts`` lists the post labels.
        Posts with no body (``gk:postIn``) are not linked.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = person_organization(examples.dataset())
    >>> mai, bct = examples.iri("person", "Trương Thị Mai"), examples.iri("org", "Bộ Chính trị")
    >>> G.edges[mai, bct]["weight"], G.edges[mai, bct]["posts"], G.nodes[bct]["bipartite"]
    (2, ['Ủy viên Bộ Chính trị'], 1)
    >>> person_organization(examples.dataset(), date_to="2021-12-31").has_edge(mai, bct)
    False
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    G = _new_graph(False, "person-organization", rng)
    acc = _Edges()
    tenures = idx.tenures(rng)
    for p in ("holds", "formerlyHeld") if former else ("holds",):
        for person, post, sup in idx.edges(p, rng):
            org = _org_of(idx, post)
            if org:
                acc.add(person, org, RELATION_WORDS[p], sup, posts={idx.label(post)})
    for u, v in sorted(acc.rel):
        _add_node(G, idx, u, rng, tenures, bipartite=0)
        _add_node(G, idx, v, rng, tenures, bipartite=1)
    acc.write(G, _n_articles)
    _stamp_dates(G)
    return G


def province_directive(source, *, date_from=None, date_to=None, bodies=False):
    """Bipartite graph of provinces and the directives they implement (``gk:implements``).

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`person_person`)
    date_from, date_to : str or datetime.date, optional
        Only implementations reported by articles published in this range count.
    bodies : bool
        Also include organisations that implement directives (as actors beside provinces).

    Returns
    -------
    networkx.Graph
        Nodes have ``bipartite`` 0 (provinces, and bodies if asked) or 1 (directives). Edge
        ``weight`` = number of articles reporting the implementation.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = province_directive(examples.dataset())
    >>> sorted(G.nodes[n]["label"] for n in G[examples.iri("directive", "18-NQ/TW")])
    ['Cao Bằng', 'Hà Giang', 'Khánh Hòa', 'Điện Biên']
    >>> G.nodes[examples.iri("directive", "18-NQ/TW")]["code"]
    '18-NQ/TW'
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    G = _new_graph(False, "province-directive", rng)
    acc = _Edges()
    actors = {"Province", "Organization"} if bodies else {"Province"}
    for actor, d, sup in idx.edges("implements", rng):
        if idx.type_of(actor) in actors:
            acc.add(actor, d, "implements", sup)
    for u, v in sorted(acc.rel):
        _add_node(G, idx, u, rng, bipartite=0)
        _add_node(G, idx, v, rng, bipartite=1)
    acc.write(G, _n_articles)
    _stamp_dates(G)
    return G


def directive_citation(source, *, date_from=None, date_to=None):
    """Directed graph of directives citing directives (``gk:cites``).

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`person_person`)
    date_from, date_to : str or datetime.date, optional
        Only citations reported by articles published in this range count.

    Returns
    -------
    networkx.DiGraph
        An edge citing → cited; ``weight`` = number of articles reporting the citation.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = directive_citation(examples.dataset())
    >>> [(G.nodes[u]["code"], G.nodes[v]["code"]) for u, v in G.edges]
    [('74-KL/TW', '18-NQ/TW'), ('74-KL/TW', '19-NQ/TW'), ('74-KL/TW', '39-NQ/TW')]
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    G = _new_graph(True, "directive-citation", rng)
    acc = _Edges()
    for s, o, sup in idx.edges("cites", rng):
        acc.add(s, o, "cites", sup)
    for u, v in sorted(acc.rel):
        _add_node(G, idx, u, rng)
        _add_node(G, idx, v, rng)
    acc.write(G, _n_articles)
    _stamp_dates(G)
    return G


def entity_graph(source, *, date_from=None, date_to=None, context=True):
    """All entities and their relations, for maps: persons, bodies, provinces, directives, meetings.

    A person's post is drawn as an edge person → body labelled with the role (the post labels are
    in ``posts``); a post with no body stays a ``Post`` node. Meetings point to the persons who
    chair, attend or speak; actors point to the directives they implement; directives to the
    directives they cite.

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`person_person`)
    date_from, date_to : str or datetime.date, optional
        Only facts from articles published in this range count.
    context : bool
        Add the attributes that place entities (body → province, directive → issuing body,
        meeting → organising body, bridge point → conference) for nodes already in the graph.

    Returns
    -------
    networkx.DiGraph
        Edge ``weight`` = number of supporting articles; ``relation`` in words.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = entity_graph(examples.dataset())
    >>> thai, tu = examples.iri("person", "Dương Văn Thái"), examples.iri("org", "Tỉnh ủy Bắc Giang")
    >>> G.edges[thai, tu]["relation"], G.edges[thai, tu]["label"], G.edges[tu, examples.iri("province", "Bắc Giang")]["relation"]
    ('holds', 'Bí thư', 'in')
    >>> sorted({t for _, t in G.nodes(data="type")})
    ['Directive', 'District', 'Meeting', 'Organization', 'Person', 'Province']
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    G = _new_graph(True, "entities", rng)
    acc = _Edges()
    labels: dict[tuple, set[str]] = defaultdict(set)
    for p in ("holds", "formerlyHeld"):
        for person, post, sup in idx.edges(p, rng):
            org = _org_of(idx, post)
            role = idx.value(post, "role") or idx.label(post)
            target = org or post
            acc.add(person, target, RELATION_WORDS[p], sup, posts={idx.label(post)})
            labels[(person, target)].add(role if p == "holds" else f"nguyên {role}")
    for p, word in (("chairedBy", "chaired by"), ("attendedBy", "attended by"), ("speaker", "speaker"),
                    ("implements", "implements"), ("cites", "cites")):
        for s, o, sup in idx.edges(p, rng):
            acc.add(s, o, word, sup)
            labels[(s, o)].add({"chairedBy": "chủ trì", "attendedBy": "dự", "speaker": "phát biểu",
                                "implements": "thực hiện", "cites": "trích dẫn"}[p])
    nodes = {n for key in acc.rel for n in key}
    if context:
        for node in sorted(nodes):
            for key in ("place", "issuedBy", "organizedBy", "subEventOf"):
                for o in idx.values(node, key):
                    if isinstance(o, str) and o in idx.types and idx.in_slice(node, key, o, rng):
                        reported = idx.reported(node, key, o, rng)
                        sup = {Support(_iso(idx.article_date(a)), a, idx.label(a), "") for a in reported}
                        acc.add(node, o, RELATION_WORDS[key], sup)
                        labels[(node, o)].add({"place": "tại", "issuedBy": "ban hành bởi",
                                               "organizedBy": "tổ chức bởi", "subEventOf": "thuộc"}[key])
    tenures = idx.tenures(rng)
    for u, v in sorted(acc.rel):
        _add_node(G, idx, u, rng, tenures)
        _add_node(G, idx, v, rng, tenures)
    acc.write(G, _n_articles)
    for (u, v), ls in labels.items():
        G.edges[u, v]["label"] = ", ".join(sorted(ls))
    _stamp_dates(G)
    return G


def directive_diffusion(source, code: str, *, date_from=None, date_to=None):
    """How a directive spread: issuing body → directive → the provinces and bodies implementing it.

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`person_person`)
    code : str
        The directive's code as written (``18-NQ/TW``); spaces and case do not matter. Every
        directive with that code is included (Party numbers restart each term).
    date_from, date_to : str or datetime.date, optional
        Only implementations reported by articles published in this range count.

    Returns
    -------
    networkx.DiGraph
        Edges issuer → directive (``issued``) and directive → actor (``implemented by``). Each
        actor has ``date``: the first article date reporting its implementation, and ``order``:
        its rank by that date (1 = first), the x of a diffusion map.

    Examples
    --------
    >>> from graphkit import examples
    >>> G = directive_diffusion(examples.dataset(), "18-nq/tw")
    >>> [(G.nodes[n]["label"], G.nodes[n].get("date")) for n in G]
    [('Ban Chấp hành Trung ương Đảng', None), ('Nghị quyết 18-NQ/TW', '2017-10-25'), ('Cao Bằng', '2022-06-28'), ('Hà Giang', '2022-06-28'), ('Điện Biên', '2022-06-28'), ('Bộ Chính trị', None), ('Khánh Hòa', None)]
    >>> directive_diffusion(examples.dataset(), "18-NQ/T")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.AnalysisError: no directive with code '18-NQ/T' in the graph; did you mean 18-NQ/TW, ...
    """
    idx = KGIndex.read(source)
    rng = _range(date_from, date_to)
    directives = find_directives(idx, code)
    G = _new_graph(True, "diffusion", rng, code=code)
    acc = _Edges()
    for d in directives:
        issuer = idx.value(d, "issuedBy")
        if issuer:
            acc.add(issuer, d, "issued")
    first: dict[str, str] = {}
    for actor, d, sup in idx.edges("implements", rng):
        if d in directives:
            acc.add(d, actor, "implemented by", sup)
            dates = [s.date for s in sup if s.date]
            if dates:
                first[actor] = min(first.get(actor, dates[0]), min(dates))
    order = {a: i + 1 for i, a in enumerate(sorted(first, key=lambda a: (first[a], idx.label(a))))}
    for n in sorted({u for u, v in acc.rel if v in directives}):
        _add_node(G, idx, n, rng, role="issuer", date=None)
    for d in directives:
        _add_node(G, idx, d, rng, role="directive")
        G.nodes[d]["date"] = G.nodes[d].get("issued_on")
    actors = sorted({v for u, v in acc.rel if u in directives}, key=lambda a: (first.get(a) or "9999", idx.label(a)))
    for a in actors:
        _add_node(G, idx, a, rng, role="implementer", date=first.get(a), order=order.get(a))
    acc.write(G, _n_articles)
    for u, v, rel in G.edges(data="relation"):  # edge labels on maps, in Vietnamese
        G.edges[u, v]["label"] = {"issued": "ban hành", "implemented by": "thực hiện"}.get(rel, rel)
    _stamp_dates(G)
    return G


def find_directives(source, code: str) -> list[str]:
    """IRIs of the directives whose ``gk:code`` is ``code`` (ignoring case, spaces and ``số``).

    >>> from graphkit import examples
    >>> find_directives(examples.dataset(), "18 - NQ/TW") == [examples.iri("directive", "18-NQ/TW")]
    True
    """
    import difflib

    idx = KGIndex.read(source)

    def norm(s: str) -> str:
        return "".join(str(s).casefold().replace("số", "").split())

    want = norm(code)
    found = sorted(d for d in idx.nodes_of("Directive") if any(norm(c) == want for c in idx.values(d, "code")))
    if found:
        return found
    codes = sorted({c for d in idx.nodes_of("Directive") for c in idx.values(d, "code")})
    close = difflib.get_close_matches(code, codes, n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise AnalysisError(f"no directive with code '{code}' in the graph; {hint}"
                        "write the code as the document does (18-NQ/TW, 05/CT-TTg)")


#: projection names for the command line
PROJECTIONS = {
    "person": person_person,
    "person-org": person_organization,
    "province-directive": province_directive,
    "citation": directive_citation,
    "entities": entity_graph,
}


def project(source, name: str, *, date_from=None, date_to=None, **options):
    """The projection called ``name`` (a key of :data:`PROJECTIONS`).

    >>> from graphkit import examples
    >>> project(examples.dataset(), "citation").number_of_edges()
    3
    >>> project(examples.dataset(), "people")
    Traceback (most recent call last):
    ...
    graphkit.errors.AnalysisError: unknown projection 'people'; choose one of person, person-org, province-directive, citation, entities
    """
    if name not in PROJECTIONS:
        raise AnalysisError(f"unknown projection '{name}'; choose one of {', '.join(PROJECTIONS)}")
    return PROJECTIONS[name](source, date_from=date_from, date_to=date_to, **options)
