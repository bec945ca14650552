"""Conveniences for notebooks: a graph's contents as pandas DataFrames.

Every function takes ``graph``: an rdflib ``Dataset`` (``graphkit.pipeline.build(...).dataset`` or
``graphkit.kg.serialize.load(path)``), an open :class:`~graphkit.kg.store.GraphStore`, a
:class:`graphkit.query.QueryGraph` (``graphkit.query.open_graph``), or the path of a graph file or
store directory: whatever :func:`graphkit.query.open_graph` opens (open it once yourself when you
call several functions on a file). Queries run over the merge of the article graphs (each triple
once). pandas is imported when a function is called (``pip install 'graphkit[notebooks]'``).

- SPARQL: :func:`ask` (the shipped research questions), :func:`query` (any query, with
  parameters), :func:`frame` (any :class:`graphkit.query.QueryResult`), :func:`questions`, and
  :func:`select` / :func:`rows` (plain rows); all run on :func:`graphkit.query.open_graph`;
- tables: :func:`type_counts`, :func:`officials`, :func:`tenures`, :func:`articles`,
  :func:`article_facts` (each fact with its evidence sentence), :func:`directives`, :func:`labels`;
- helpers: :func:`table` (rows of dicts or dataclasses), :func:`steps` (a shortest path's facts),
  :func:`by_period` (counts per year or month, for plots), :func:`sample_corpus`;
- maps: a :class:`~graphkit.viz.maps.Map` shows itself inline; :func:`show_map` sets the height;
- :func:`strip_outputs` (``make strip-notebooks``).

>>> from graphkit import examples
>>> ds = examples.dataset()
>>> type_counts(ds).set_index("type").loc[["Article", "Person", "Directive"], "count"].tolist()
[5, 15, 19]
>>> select(ds, "SELECT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name LIMIT 2")
            name
0  Cao Hoàng Sơn
1  Cao Thanh Hải
"""
from __future__ import annotations

import datetime as _dt
import gzip
import html as _html
from pathlib import Path

from graphkit.kg.namespaces import GK_URI


def _pandas():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is in the notebooks and dev extras
        from graphkit.errors import GraphkitError

        raise GraphkitError("graphkit.notebook needs pandas: pip install 'graphkit[notebooks]'") from None
    return pd


def _open(graph):
    from graphkit.query import open_graph

    return open_graph(graph)


def rows(graph, query: str) -> tuple[list[str], list[dict]]:
    """Run a SPARQL SELECT (graphkit's prefixes are declared) over the merge of all graphs.

    Returns the variable names and one dict per solution (IRIs and plain literals as ``str``;
    numbers, booleans and dates as Python values; unbound as ``None``).

    A triple stated in several article graphs matches once, over a graph file, an rdflib ``Dataset``
    and a store alike: the query runs on :func:`graphkit.query.open_graph`'s merge of the graphs.

    >>> from graphkit import examples
    >>> rows(examples.dataset(), "SELECT (COUNT(*) AS ?n) WHERE { ?d a gk:Directive }")
    (['n'], [{'n': 19}])
    """
    from graphkit.query import run_query

    result = run_query(graph, query)
    return list(result.vars), result.dicts()


def frame(result):
    """A :class:`graphkit.query.QueryResult` as a DataFrame.

    SELECT: one column per variable, Python values (``str``, ``int``, ``Decimal``, ``date`` …),
    ``None`` where unbound. ASK: one column ``ask``. CONSTRUCT/DESCRIBE: ``subject, predicate, object``.

    >>> from graphkit import examples
    >>> from graphkit.query import open_graph, run_query
    >>> g = open_graph(examples.dataset())
    >>> frame(run_query(g, "SELECT ?code WHERE { ?d gk:code ?code } ORDER BY ?code LIMIT 2"))
           code
    0  03-KH/TW
    1  05-CT/TW
    >>> frame(run_query(g, "ASK { ?p a gk:Person }"))
        ask
    0  True
    """
    pd = _pandas()
    if result.kind == "ask":
        return pd.DataFrame({"ask": [bool(result.boolean)]})
    if result.kind == "graph":
        return pd.DataFrame([[t.python() for t in triple] for triple in result.triples],
                            columns=["subject", "predicate", "object"])
    return pd.DataFrame([[None if t is None else t.python() for t in row] for row in result.rows],
                        columns=list(result.vars))


def query(graph, text: str, *, timeout: float | None = None, **params):
    """Run a SPARQL query with :func:`graphkit.query.run_query` and return a DataFrame (see :func:`frame`).

    ``graph`` is anything :func:`graphkit.query.open_graph` accepts; open it once with
    ``open_graph`` when you run many queries. ``params`` bind the query's ``$name`` parameters
    (a ``str`` becomes a string literal, a ``date`` an ``xsd:date``, an ``int`` an integer).

    >>> from graphkit import examples
    >>> query(examples.dataset(), "SELECT ?name WHERE { ?p gk:code $code ; rdfs:label ?name }", code="18-NQ/TW")
                      name
    0  Nghị quyết 18-NQ/TW
    """
    from graphkit.query import run_query

    return frame(run_query(graph, text, params=params or None, timeout=timeout))


def ask(graph, name: str, *, timeout: float | None = None, **params):
    """Answer one of the shipped research questions (:func:`graphkit.query.ask`) as a DataFrame.

    ``name`` is a question of :func:`questions`; ``params`` its parameters (``person="Truong Thi
    Mai"``; names match without regard to case and accents, ``*`` matches any text).

    >>> from graphkit import examples
    >>> ask(examples.dataset(), "career", person="truong thi mai")[["person", "post"]].values.tolist()[:1]
    [['Trương Thị Mai', 'Bí thư Trung ương Đảng']]
    """
    from graphkit import query as q

    return frame(q.ask(graph, name, timeout=timeout, **params))


def questions():
    """The shipped research questions: ``name, title, parameters, description`` (``graphkit ask --list``).

    >>> "co-attendance" in questions()["name"].tolist()
    True
    """
    from graphkit.query import questions as shipped

    out = []
    for name, qn in sorted(shipped().items()):
        params = ", ".join(p.name + ("" if p.required else f" (default {p.default})") for p in qn.params)
        out.append({"name": name, "title": qn.title, "parameters": params, "description": qn.description})
    return _pandas().DataFrame(out, columns=["name", "title", "parameters", "description"])


def select(graph, query: str):
    """A SPARQL SELECT over the merge of all graphs, as a DataFrame (one column per variable).

    For parameters,
    CONSTRUCT, time limits and the shipped questions use :func:`query` and :func:`ask`.

    >>> from graphkit import examples
    >>> select(examples.dataset(), "SELECT DISTINCT ?code WHERE { ?d gk:code ?code } ORDER BY ?code LIMIT 3")
              code
    0     03-KH/TW
    1     05-CT/TW
    2  06-KL/BTCTW
    """
    names, data = rows(graph, query)
    return _pandas().DataFrame(data, columns=names)


def table(items, columns=None):
    """A DataFrame of dicts or dataclasses (``measures.top`` rows, ``who_held`` holders, …).

    >>> from graphkit import examples
    >>> from graphkit.analytics import projections, measures
    >>> G = projections.province_directive(examples.dataset())
    >>> table(measures.top(G, ["degree"], n=2), ["label", "degree"])
                     label  degree
    0  Nghị quyết 18-NQ/TW       4
    1            Khánh Hòa       2
    """
    import dataclasses

    data = [dataclasses.asdict(x) if dataclasses.is_dataclass(x) else dict(x) for x in items]
    frame = _pandas().DataFrame(data)
    return frame[list(columns)] if columns is not None else frame


def steps(path):
    """The steps of a path from :func:`graphkit.analytics.measures.shortest_paths` (or ``analyze(…, path=…)``),
    one row per step and evidence sentence: ``step, source, relation, target, date, title, sentence``.

    >>> from graphkit import examples
    >>> from graphkit.analytics import measures, projections
    >>> G = projections.person_person(examples.dataset())
    >>> a, b = measures.find_node(G, "Hồ Phúc Hợp"), measures.find_node(G, "Lê Thị Thu Hồng")
    >>> steps(measures.shortest_paths(G, a, b)[0])[["step", "source", "relation", "target"]].drop_duplicates().values.tolist()
    [[1, 'Hồ Phúc Hợp', 'co-attended', 'Lê Vĩnh Tân'], [2, 'Lê Vĩnh Tân', 'same body', 'Nguyễn Quang Dương'], [3, 'Nguyễn Quang Dương', 'co-attended', 'Lê Thị Thu Hồng']]
    """
    out = []
    for i, s in enumerate(path, 1):
        base = {"step": i, "source": s.get("source_label"), "relation": s.get("relation"),
                "target": s.get("target_label")}
        for e in s.get("evidence") or [{}]:
            out.append({**base, "date": e.get("date"), "title": e.get("title"), "sentence": e.get("sentence")})
    return _pandas().DataFrame(out, columns=["step", "source", "relation", "target", "date", "title", "sentence"])


def type_counts(graph):
    """How many nodes of each graphkit type (Article, Person, Post, …), as a DataFrame ``type, count``.

    Also counted: the assertions (facts with an evidence sentence).
    """
    from graphkit.query.summary import _TYPES

    _names, data = rows(graph, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = {str(r["c"]).removeprefix(GK_URI): r["n"] for r in data}
    order = _TYPES + ["Assertion"]
    return _pandas().DataFrame([{"type": t, "count": counts.get(t, 0)} for t in order])


def labels(graph, *, types=(), iris=()) -> dict[str, str]:
    """IRI → label, for the nodes of the given gk: ``types`` or for the given ``iris``.

    A node that articles spell differently (``Bộ Lao động - Thương binh và Xã hội`` and ``Bộ Lao
    động-Thương binh và Xã hội`` share an IRI) has one label per spelling; the first in sort order
    is kept, as the analytics do.

    >>> from graphkit import examples
    >>> sorted(labels(examples.dataset(), types=["Province"]).values())
    ['Bắc Giang', 'Bắc Kạn', 'Cao Bằng', 'Hà Giang', 'Hà Nội', 'Hòa Bình', 'Khánh Hòa', 'Nghệ An', 'Quảng Nam', 'Điện Biên']
    """
    if iris:
        values = " ".join(f"<{i}>" for i in sorted(set(iris)))
        q = f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s rdfs:label ?l }}"
    elif types:
        values = " ".join(f"gk:{t}" for t in types)
        q = f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?c {{ {values} }} ?s a ?c ; rdfs:label ?l }}"
    else:
        return {}
    out: dict[str, str] = {}
    for r in rows(graph, q)[1]:
        if r["s"] not in out or r["l"] < out[r["s"]]:
            out[r["s"]] = r["l"]
    return out


# The functions below join labels in Python rather than in SPARQL: over a store of an older
# graphkit (Oxigraph's union of the graphs), a label is repeated in every article graph that
# mentions the node, and a join in the query grows with it.

def officials(graph):
    """The officials and the posts they hold (``gk:holds``): columns ``official, post, articles``.

    ``articles`` is the number of articles that report the person in that post (as current or
    new, from the ``gk:Tenure`` nodes); rows are sorted by name, then post. Namesakes the graph
    keeps apart are separate rows.

    >>> from graphkit import examples
    >>> officials(examples.dataset()).head(2).values.tolist()
    [['Cao Hoàng Sơn', 'Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương', 1], ['Cao Thanh Hải', 'Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam', 1]]
    """
    graph = _open(graph)
    _names, data = rows(graph, """
        SELECT ?p ?x (COUNT(DISTINCT ?article) AS ?articles) WHERE {
          ?t gk:holder ?p ; gk:post ?x ; gk:status ?status ; prov:wasDerivedFrom ?article .
          FILTER(?status != "former")
        } GROUP BY ?p ?x""")
    label = labels(graph, types=["Person", "Post"])
    out = [{"official": label.get(r["p"], r["p"]), "post": label.get(r["x"], r["x"]), "articles": r["articles"],
            "_key": (r["p"], r["x"])} for r in data]
    out.sort(key=lambda r: (r["official"], r["post"], r["_key"]))
    return _pandas().DataFrame(out, columns=["official", "post", "articles"])


def articles(graph):
    """The articles: columns ``id, title, date, facts`` (facts: assertions with evidence), sorted by id.

    >>> from graphkit import examples
    >>> articles(examples.dataset())[["id", "facts"]].head(3).values.tolist()
    [['000_d029c83ccb100c6a', 21], ['001_252ef32ffc55c670', 13], ['002_0cbc784d2eeb1141', 1]]
    """
    graph = _open(graph)
    _names, data = rows(graph, """
        SELECT DISTINCT ?art ?id ?date WHERE { ?art gk:articleId ?id . OPTIONAL { ?art gk:publishedOn ?date } }""")
    _names, counts = rows(graph, """
        SELECT ?art (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a rdf:subject ?s ; prov:wasDerivedFrom ?art } GROUP BY ?art""")
    facts = {r["art"]: r["n"] for r in counts}
    title = labels(graph, types=["Article"])
    out = [{"id": r["id"], "title": title.get(r["art"]), "date": r["date"], "facts": facts.get(r["art"], 0)}
           for r in data]
    out.sort(key=lambda r: (r["id"], str(r["date"] or "")))
    return _pandas().DataFrame(out, columns=["id", "title", "date", "facts"])


def article_facts(graph, article: str):
    """The facts one article states, each with the sentence that states it.

    ``article`` is the article's id (the file stem, or a corpus record's ``id``) or its IRI. Columns:
    ``subject, relation, object, evidence`` (labels; the relation is the ``gk:`` property, such as
    ``holds``, ``chairedBy``, ``attendedBy``, ``implements``, ``cites``), sorted by relation, subject,
    object. An unknown article gives an :class:`~graphkit.errors.AnalysisError`.

    >>> from graphkit import examples
    >>> f = article_facts(examples.dataset(), examples.A003)  # '003_c0083ec7d5ac5796'
    >>> sorted(f.relation.value_counts().items())
    [('chairedBy', 5), ('holds', 10), ('implements', 4)]
    >>> f[(f.relation == "implements") & (f.subject == "Nghệ An")][["subject", "object"]].values.tolist()
    [['Nghệ An', 'Chỉ thị 35-CT/TW'], ['Nghệ An', 'Nghị quyết 26-NQ/TW']]
    """
    graph = _open(graph)
    from graphkit.kg.ids import article_iri

    art = article if article.startswith(("http://", "https://")) else article_iri(article)
    _names, known = rows(graph, f"SELECT ?x WHERE {{ <{art}> a gk:Article . BIND(1 AS ?x) }}")
    if not known:
        from graphkit.errors import AnalysisError

        raise AnalysisError(f"no article '{article}' in the graph; graphkit.notebook.articles(graph) lists them")
    _names, data = rows(graph, f"""
        SELECT DISTINCT ?s ?p ?o ?evidence WHERE {{
          ?a prov:wasDerivedFrom <{art}> ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          OPTIONAL {{ ?a gk:evidence ?evidence }}
        }}""")
    label = labels(graph, iris=[r["s"] for r in data] + [r["o"] for r in data])
    out = [{"subject": label.get(r["s"], r["s"]), "relation": str(r["p"]).removeprefix(GK_URI),
            "object": label.get(r["o"], r["o"]), "evidence": r["evidence"]} for r in data]
    out.sort(key=lambda r: (r["relation"], r["subject"], r["object"], r["evidence"] or ""))
    return _pandas().DataFrame(out, columns=["subject", "relation", "object", "evidence"])


def directives(graph):
    """The directives: columns ``code, type, issuer, issued_on, articles`` (articles mentioning it).

    ``issued_on`` is the issue date the texts give (``ngày 20/01/2022``), or empty. Sorted by the
    number of articles, then code.

    >>> from graphkit import examples
    >>> directives(examples.dataset())[["code", "issuer", "issued_on"]].head(2).values.tolist()
    [['06-KL/BTCTW', 'Ban Tổ chức Trung ương', datetime.date(2022, 1, 20)], ['18-NQ/TW', 'Ban Chấp hành Trung ương Đảng', datetime.date(2017, 10, 25)]]
    """
    graph = _open(graph)
    _names, data = rows(graph, """
        SELECT DISTINCT ?d ?code ?type ?i ?issued_on WHERE {
          ?d gk:code ?code .
          OPTIONAL { ?d gk:documentType ?type }
          OPTIONAL { ?d gk:issuedBy ?i }
          OPTIONAL { ?d gk:issuedOn ?issued_on }
        }""")
    issuer = labels(graph, iris=[r["i"] for r in data if r["i"]])
    seen: dict[str, set] = {}
    for q in ("SELECT DISTINCT ?d ?art WHERE { ?art gk:mentions ?d . ?d gk:code ?c }",
              "SELECT DISTINCT ?d ?art WHERE { ?a rdf:subject ?d ; prov:wasDerivedFrom ?art . ?d gk:code ?c }",
              "SELECT DISTINCT ?d ?art WHERE { ?a rdf:object ?d ; prov:wasDerivedFrom ?art . ?d gk:code ?c }"):
        for r in rows(graph, q)[1]:
            seen.setdefault(r["d"], set()).add(r["art"])
    out = [{"code": r["code"], "type": r["type"], "issuer": issuer.get(r["i"]) if r["i"] else None,
            "issued_on": r["issued_on"], "articles": len(seen.get(r["d"], ())), "_d": r["d"]} for r in data]
    out.sort(key=lambda r: (-r["articles"], r["code"], str(r["issued_on"] or ""), str(r["issuer"] or ""), r["_d"]))
    return _pandas().DataFrame(out, columns=["code", "type", "issuer", "issued_on", "articles"])


def tenures(graph):
    """Every report of a person in a post: columns ``official, post, status, date, article``.

    ``status`` is ``current``, ``new`` or ``former``; ``date`` the article's date (empty when the
    article has none). One row per article and (person, post), sorted by date, official, post.
    """
    graph = _open(graph)
    _names, data = rows(graph, """
        SELECT DISTINCT ?p ?x ?status ?date ?art WHERE {
          ?t gk:holder ?p ; gk:post ?x ; gk:status ?status ; prov:wasDerivedFrom ?art .
          OPTIONAL { ?t gk:observedOn ?date } }""")
    label = labels(graph, types=["Person", "Post"])
    ids = {r["art"]: r["id"] for r in rows(graph, "SELECT DISTINCT ?art ?id WHERE { ?art gk:articleId ?id }")[1]}
    out = [{"official": label.get(r["p"], r["p"]), "post": label.get(r["x"], r["x"]), "status": r["status"],
            "date": r["date"], "article": ids.get(r["art"], r["art"]), "_key": (r["p"], r["x"])} for r in data]
    out.sort(key=lambda r: (str(r["date"] or "9999"), r["official"], r["post"], r["article"], r["status"], r["_key"]))
    return _pandas().DataFrame(out, columns=["official", "post", "status", "date", "article"])


def by_period(frame, column: str, freq: str = "year", *, start=None, end=None):
    """Count the rows of ``frame`` per year (``freq="year"``) or month (``"month"``) of a date column.

    Rows with no date are left out, and so are dates before ``start`` or after ``end`` (dates or
    ISO strings, inclusive) when given. Returns a Series indexed by the period (``"2017"``,
    ``"2017-06"``), in order, with every period between the first and the last (0 when empty),
    ready for ``.plot.bar()``.

    >>> import datetime as dt, pandas as pd
    >>> f = pd.DataFrame({"d": [dt.date(2015, 3, 1), dt.date(2017, 1, 2), dt.date(2017, 5, 1), None]})
    >>> by_period(f, "d").to_dict()
    {'2015': 1, '2016': 0, '2017': 2}
    >>> by_period(f, "d", "month", start="2016-01-01").to_dict()
    {'2017-01': 1, '2017-02': 0, '2017-03': 0, '2017-04': 0, '2017-05': 1}
    """
    pd = _pandas()
    if freq not in ("year", "month"):
        raise ValueError(f"freq must be 'year' or 'month', not {freq!r}")
    dates = pd.to_datetime(frame[column], errors="coerce").dropna()
    if start is not None:
        dates = dates[dates >= pd.Timestamp(start)]
    if end is not None:
        dates = dates[dates <= pd.Timestamp(end)]
    name = f"{column} by {freq}"
    if dates.empty:
        return pd.Series([], dtype=int, name=name)
    periods = dates.dt.to_period("Y" if freq == "year" else "M")
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
    counts = periods.value_counts().reindex(full, fill_value=0).sort_index()
    counts.index = counts.index.astype(str)
    return counts.rename(name)


def sample_corpus(source, dest, n: int) -> Path:
    """Write ``n`` records of the corpus ``source`` (``.jsonl`` or ``.jsonl.gz``) to ``dest``, evenly spread.

    Takes every k-th non-empty line (k = lines / n), so the sample spans the whole corpus, and
    always the same lines for the same corpus and ``n``. ``dest`` (``.jsonl`` or ``.jsonl.gz``) is
    written atomically, and only when it does not already hold that sample. Returns ``dest``.
    """
    from graphkit.kg.serialize import write_atomic

    source, dest = Path(source), Path(dest)

    def opener(p: Path):
        return gzip.open(p, "rt", encoding="utf-8") if p.suffix == ".gz" else open(p, encoding="utf-8")

    with opener(source) as fh:
        lines = [ln for ln in fh if ln.strip()]
    step = max(1, len(lines) // max(1, n))
    text = "".join(ln if ln.endswith("\n") else ln + "\n" for ln in lines[::step][:n])
    if dest.exists():
        with opener(dest) as fh:
            if fh.read() == text:
                return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.suffix == ".gz":
        tmp = dest.with_name(dest.name + ".part")
        with gzip.GzipFile(tmp, "wb", mtime=0) as fh:
            fh.write(text.encode("utf-8"))
        tmp.replace(dest)
    else:
        write_atomic(dest, text)
    return dest


def iframe(page: str, *, height: int = 600) -> str:
    """An ``<iframe>`` whose ``srcdoc`` is the HTML page ``page`` (escaped), sandboxed to run scripts only.

    Used to show a self-contained map inline in a notebook without any network access.

    >>> iframe("<p class='x'>a & b</p>", height=100)
    '<iframe srcdoc="&lt;p class=&#x27;x&#x27;&gt;a &amp; b&lt;/p&gt;" sandbox="allow-scripts" style="width: 100%; height: 100px; border: 1px solid #ddd"></iframe>'
    """
    return (f'<iframe srcdoc="{_html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe>')


def show_map(m, *, height: int = 600):
    """Display a :class:`~graphkit.viz.maps.Map` inline in a notebook (offline: the page is in the cell)."""
    import warnings

    from IPython.display import HTML

    with warnings.catch_warnings():  # IPython suggests its IFrame, which needs a URL: a server or a file
        warnings.simplefilter("ignore", UserWarning)
        return HTML(iframe(m.html, height=height))


def strip_outputs(paths) -> list[Path]:
    """Clear the outputs and execution counts of the notebooks at ``paths``; returns those it changed.

    Also drops what running a notebook adds to its metadata (the kernel's ``language_info``
    details, cell timings, widget state), so a notebook run and stripped is byte-identical to the
    committed one. ``make strip-notebooks`` runs it on ``notebooks/*.ipynb`` (needs nbformat).
    """
    import nbformat

    changed = []
    for p in map(Path, paths):
        nb = nbformat.read(p, as_version=4)
        dirty = False
        language = {"name": nb.metadata.get("language_info", {}).get("name", "python")}
        if nb.metadata.get("language_info") != language:
            nb.metadata["language_info"] = language
            dirty = True
        if nb.metadata.pop("widgets", None) is not None:
            dirty = True
        for cell in nb.cells:
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                cell.outputs, cell.execution_count = [], None
                dirty = True
            if cell.metadata.pop("execution", None) is not None:
                dirty = True
        if dirty:
            nbformat.write(nb, p)
            changed.append(p)
    return changed
