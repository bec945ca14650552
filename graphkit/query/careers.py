"""Time in the graph: careers and who held a post, read from ``gk:Tenure`` nodes.

Each article that reports "P holds X" adds a tenure with ``gk:observedOn`` (the article's date),
``gk:status`` (current / new / former) and ``gk:startDate``/``gk:endDate`` when the text gives them.
This module gathers the tenures of a person, or of a post, across articles into :class:`Span` values:
first and last seen, start and end when known, and the articles that say so.

Names and posts are matched diacritic-insensitively, with abbreviations expanded, so
``nguyen thien nhan`` finds ``Nguyễn Thiện Nhân`` and ``Bí thư Thành ủy TP.HCM`` finds
``Bí thư Thành ủy Thành phố Hồ Chí Minh``. Functions take a graph: anything
:func:`graphkit.query.open_graph` accepts (open it once when you ask several times).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field



@dataclass(frozen=True)
class Source:
    """An article that reports a tenure."""

    article: str  # article IRI
    id: str
    title: str
    date: _dt.date | None
    status: str  # current | new | former


@dataclass
class Span:
    """One person in one post, over all the articles that report it."""

    person: str  # IRI
    name: str
    post: str  # IRI
    post_label: str
    first_seen: _dt.date | None = None  # earliest article date reporting the post as held (current/new)
    last_seen: _dt.date | None = None  # latest such date
    start: _dt.date | None = None  # earliest start date the texts give
    end: _dt.date | None = None  # the earliest end date the texts give
    former_on: _dt.date | None = None  # earliest date an article calls it a former post (ended by then)
    sources: list[Source] = field(default_factory=list)

    @property
    def since(self) -> _dt.date | None:
        """When the post is known to be held from: the start date, else the first sighting."""
        return self.start or self.first_seen

    @property
    def until(self) -> _dt.date | None:
        """When the post is known to be held to: the end date, else the last sighting."""
        return self.end or self.last_seen

    @property
    def sort_key(self) -> tuple:
        d = self.since or self.former_on or _dt.date.max
        return (d, self.until or _dt.date.max, self.post_label, self.name)


@dataclass
class Career:
    """A person (one node of the graph) and the posts they held, in order."""

    person: str
    name: str
    spans: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Holder:
    """A holder of a post on a date: ``seen`` when articles report it on both sides of (or on) the date,
    ``assumed`` when the post was last reported before the date and nothing says it ended."""

    span: Span
    basis: str  # seen | assumed


def key(text: str) -> str:
    """The matching key of a name or post: abbreviations expanded, modern tones, diacritics folded.

    >>> key("Bí thư Thành ủy TP.HCM") == key("bi thu thanh uy thanh pho ho chi minh")
    True
    """
    from graphkit.nlp.normalize import clean_label, slug

    return slug(clean_label(text))


def _matches(query: str, labels: dict[str, str]) -> list[str]:
    """The IRIs whose label matches ``query``: exactly (folded), else as a run of whole words."""
    from graphkit.nlp.normalize import slug

    q = key(query)
    if not q:
        return []
    # labels in a graphkit graph are canonical already (abbreviations expanded): folding is enough
    keys = {iri: slug(label) for iri, label in labels.items()}
    exact = [iri for iri, k in keys.items() if k == q]
    if exact:
        return sorted(exact)
    return sorted(iri for iri, k in keys.items() if f"-{q}-" in f"-{k}-")


def _open(graph):
    from graphkit.query.engine import open_graph

    return open_graph(graph)


def _rows(graph, query: str) -> list[dict]:
    """SELECT rows over the merge of all graphs (each triple once), as dicts of Python values (str, int, date)."""
    from graphkit.query.engine import run_query

    return run_query(graph, query).dicts()


def _labels(graph, cls: str) -> dict[str, str]:
    rows = _rows(graph, f"SELECT DISTINCT ?x ?label WHERE {{ ?x a gk:{cls} ; rdfs:label ?label }}")
    return {r["x"]: r["label"] for r in rows}


def _values(graph, iris: list[str], pattern: str, select: str) -> list[dict]:
    """Run ``pattern`` for ``?x`` bound to each of ``iris`` (in batches), DISTINCT rows."""
    out: list[dict] = []
    for i in range(0, len(iris), 400):
        values = " ".join(f"<{x}>" for x in iris[i:i + 400])
        out += _rows(graph, f"SELECT DISTINCT {select} WHERE {{ VALUES ?x {{ {values} }} {pattern} }}")
    return out


def _tenures(graph, var: str, iris: list[str]) -> list[dict]:
    """Tenure rows with the labels of their person, post and article.

    Labels are fetched apart, DISTINCT: a node is labelled in every article graph that names it,
    and joining those copies in one query multiplies the rows.
    """
    core = _values(graph, iris, f"""
          BIND(?x AS ?{var})
          ?t gk:{"holder" if var == "person" else "post"} ?x ; a gk:Tenure ; gk:holder ?person ; gk:post ?post .
          OPTIONAL {{ ?t gk:status ?status }}
          OPTIONAL {{ ?t gk:observedOn ?observed }}
          OPTIONAL {{ ?t gk:startDate ?start }}
          OPTIONAL {{ ?t gk:endDate ?end }}
          OPTIONAL {{ ?t prov:wasDerivedFrom ?article }}""",
                   "?t ?person ?post ?status ?observed ?start ?end ?article")
    if not core:
        return []
    labels: dict[str, str] = {}
    nodes = sorted({r[k] for r in core for k in ("person", "post", "article") if r[k]})
    for r in _values(graph, nodes, "?x rdfs:label ?label", "?x ?label"):
        labels.setdefault(r["x"], r["label"])
    aids = {r["x"]: r["aid"] for r in _values(graph, sorted({r["article"] for r in core if r["article"]}),
                                                "?x gk:articleId ?aid", "?x ?aid")}
    for r in core:
        r["name"], r["postLabel"] = labels.get(r["person"], ""), labels.get(r["post"], r["post"])
        r["title"], r["aid"] = labels.get(r["article"]), aids.get(r["article"])
    return core


def _spans(rows: list[dict]) -> list[Span]:
    spans: dict[tuple[str, str], Span] = {}
    seen_sources: set = set()
    for r in sorted(rows, key=lambda r: (r["observed"] or _dt.date.max, r["aid"] or "", r["t"])):
        s = spans.setdefault((r["person"], r["post"]), Span(r["person"], r["name"], r["post"], r["postLabel"]))
        status, day = r["status"] or "current", r["observed"]
        if status == "former":
            if day and (s.former_on is None or day < s.former_on):
                s.former_on = day
        elif day:
            s.first_seen = min(s.first_seen or day, day)
            s.last_seen = max(s.last_seen or day, day)
        if r["start"]:
            s.start = min(s.start or r["start"], r["start"])
        if r["end"]:
            s.end = min(s.end or r["end"], r["end"])
        src = (s.person, s.post, r["article"], status)
        if r["article"] and src not in seen_sources:
            seen_sources.add(src)
            s.sources.append(Source(r["article"], r["aid"] or r["article"].rsplit("/", 1)[-1],
                                    r["title"] or "", day, status))
    for s in spans.values():
        s.sources.sort(key=lambda x: (x.date or _dt.date.max, x.id))
    return sorted(spans.values(), key=lambda s: s.sort_key)


def timeline(graph, person: str) -> list[Career]:
    """The career of every person named ``person``: their posts in order, with dates and sources.

    Several careers come back when several person nodes match (namesakes kept apart, or a partial
    name such as ``Thiện Nhân``). Persons without any tenure are returned with no spans.
    """
    graph = _open(graph)
    persons = _matches(person, _labels(graph, "Person"))
    if not persons:
        return []
    by_person: dict[str, Career] = {}
    labels = _labels(graph, "Person")
    for iri in persons:
        by_person[iri] = Career(iri, labels[iri])
    for s in _spans(_tenures(graph, "person", persons)):
        by_person[s.person].spans.append(s)
    return sorted(by_person.values(), key=lambda c: (c.name, c.person))


def posts_matching(graph, post: str) -> list[tuple[str, str]]:
    """The ``(IRI, label)`` of the posts whose label matches ``post``."""
    graph = _open(graph)
    labels = _labels(graph, "Post")
    return [(iri, labels[iri]) for iri in _matches(post, labels)]


def who_held(graph, post: str, on: _dt.date | None = None) -> list[Holder]:
    """Who held ``post`` (every matching post): over time, or on the date ``on``.

    Over time: every holder's :class:`Span`, in order (basis ``seen``). On a date: the holders known
    to hold it then — ``seen`` when articles report the post held on or before the date and again
    on or after it (or its start/end dates cover it); ``assumed`` when the last report is before the
    date and nothing says it ended, unless another holder of a one-holder post was reported since.
    """
    graph = _open(graph)
    posts = [iri for iri, _ in posts_matching(graph, post)]
    if not posts:
        return []
    spans = _spans(_tenures(graph, "post", posts))
    if on is None:
        return [Holder(s, "seen") for s in spans]
    out = []
    for s in spans:
        since = s.since
        if since is None or since > on or (s.end is not None and s.end < on) or _ended(s, on):
            continue
        if s.until is not None and s.until >= on:
            out.append(Holder(s, "seen"))
            continue
        # last seen before the date: assumed, unless someone else took a one-holder post since
        shared = _shared_post(spans, s.post)
        later = [o for o in spans if o.post == s.post and o.person != s.person and o.since
                 and s.last_seen and s.last_seen < o.since <= on]
        if shared or not later:
            out.append(Holder(s, "assumed"))
    return out


def _ended(s: Span, on: _dt.date) -> bool:
    """Reported as a former post on or before ``on``, and not reported as held since."""
    return s.former_on is not None and s.former_on <= on and (s.last_seen is None or s.last_seen < s.former_on)


def _shared_post(spans: list[Span], post: str) -> bool:
    """Whether the graph shows two persons holding ``post`` on the same date (an Ủy viên-like post)."""
    days: dict[_dt.date, set[str]] = {}
    for s in spans:
        if s.post != post:
            continue
        for src in s.sources:
            if src.date and src.status != "former":
                days.setdefault(src.date, set()).add(s.person)
    return any(len(p) > 1 for p in days.values())
