"""graphkit.notebook: the DataFrames and helpers the notebooks use."""
from __future__ import annotations

import datetime as dt
import gzip
import json
from html.parser import HTMLParser

import pytest

pd = pytest.importorskip("pandas", reason="graphkit.notebook needs pandas: pip install -e '.[dev]'")

from graphkit import notebook as nb  # noqa: E402
from graphkit import examples  # noqa: E402
from graphkit.errors import AnalysisError  # noqa: E402
from graphkit.kg.namespaces import PREFIXES  # noqa: E402


@pytest.fixture(scope="module")
def ds(seed_dataset):
    return seed_dataset()


def _store(ds, path):
    """The example dataset written into a graphkit store at ``path``."""
    from graphkit.kg.store import GraphStore, ntriples

    by_graph: dict = {}
    for q in ds.quads((None, None, None, None)):
        by_graph.setdefault(str(q[3]), []).append(q)
    with GraphStore(path, create=True) as st:
        st.put_graphs([(g, ntriples(qs)) for g, qs in sorted(by_graph.items())])
    return path


Q = "SELECT DISTINCT ?name ?post WHERE { ?p rdfs:label ?name ; gk:holds ?x . ?x rdfs:label ?post } ORDER BY ?name ?post"


def test_select_same_on_dataset_file_and_store(ds, tmp_path):
    from graphkit.kg.serialize import write
    from graphkit.kg.store import GraphStore

    expected = nb.select(ds, Q)
    assert list(expected.columns) == ["name", "post"] and len(expected) > 5
    trig = write(ds, tmp_path / "g.trig")
    store = _store(ds, tmp_path / "store")
    pd.testing.assert_frame_equal(nb.select(trig, Q), expected)  # a path to a graph file
    pd.testing.assert_frame_equal(nb.select(str(store), Q), expected)  # a path to a store (closed after)
    with GraphStore(store, read_only=True) as st:  # an open store
        pd.testing.assert_frame_equal(nb.select(st, Q), expected)
    for fn in (nb.officials, nb.type_counts, nb.articles, nb.directives, nb.tenures):
        pd.testing.assert_frame_equal(fn(store), fn(ds))
    pd.testing.assert_frame_equal(nb.article_facts(store, examples.A000), nb.article_facts(ds, examples.A000))


def test_values_are_python_values(ds, tmp_path):
    q = ("SELECT ?date (COUNT(*) AS ?n) (1.5 AS ?x) (true AS ?b) ?missing WHERE { ?a gk:publishedOn ?date "
         "OPTIONAL { ?a gk:nothing ?missing } } GROUP BY ?date ?missing ORDER BY ?date LIMIT 1")
    for source in (ds, _store(ds, tmp_path / "s")):
        names, rows = nb.rows(source, q)
        assert names == ["date", "n", "x", "b", "missing"]
        r = rows[0]
        assert isinstance(r["date"], dt.date) and r["n"] == 1 and r["x"] == 1.5 and r["b"] is True
        assert r["missing"] is None


def test_type_counts_and_articles(ds):
    counts = nb.type_counts(ds).set_index("type")["count"]
    assert counts["Article"] == 5 and counts["Assertion"] > 0
    arts = nb.articles(ds)
    assert list(arts.columns) == ["id", "title", "date", "facts"]
    assert arts["facts"].sum() == counts["Assertion"]


def test_article_facts_have_evidence(ds):
    facts = nb.article_facts(ds, examples.A000)
    assert set(facts["relation"]) >= {"holds", "chairedBy"}
    assert facts["evidence"].notna().all() and (facts["evidence"].str.len() > 20).all()
    iri = examples.iri("article", examples.A000)
    pd.testing.assert_frame_equal(nb.article_facts(ds, iri), facts)
    with pytest.raises(AnalysisError, match="no article 'nope'"):
        nb.article_facts(ds, "nope")


def test_directives_and_tenures(ds):
    d = nb.directives(ds).set_index("code")
    assert d.loc["06-KL/BTCTW", "issued_on"] == dt.date(2022, 1, 20)
    assert d.loc["18-NQ/TW", "issuer"] == "Ban Chấp hành Trung ương Đảng"
    t = nb.tenures(ds)
    assert set(t["status"]) <= {"current", "new", "former"}
    assert list(t["date"].dropna()) == sorted(t["date"].dropna())


def test_by_period():
    f = pd.DataFrame({"d": [dt.date(2017, 1, 5), dt.date(2017, 3, 1), dt.date(2017, 3, 9), None]})
    assert nb.by_period(f, "d", "month").to_dict() == {"2017-01": 1, "2017-02": 0, "2017-03": 2}
    assert nb.by_period(f.iloc[3:], "d").empty
    with pytest.raises(ValueError):
        nb.by_period(f, "d", "week")


def test_table_of_dataclasses_and_dicts():
    from graphkit.query.careers import Source

    s = Source("iri", "a1", "title", dt.date(2020, 1, 1), "current")
    assert nb.table([s], ["id", "date"]).values.tolist() == [["a1", dt.date(2020, 1, 1)]]
    assert nb.table([{"a": 1}, {"a": 2}])["a"].tolist() == [1, 2]


def test_sample_corpus_evenly_spread_and_stable(tmp_path):
    src = tmp_path / "c.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        for i in range(100):
            fh.write(json.dumps({"id": str(i), "text": f"bài {i}"}) + "\n")
        fh.write("\n")
    out = nb.sample_corpus(src, tmp_path / "s.jsonl.gz", 10)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        ids = [json.loads(ln)["id"] for ln in fh]
    assert ids == [str(i) for i in range(0, 100, 10)]
    before = out.stat().st_mtime_ns
    assert nb.sample_corpus(src, out, 10) == out and out.stat().st_mtime_ns == before  # not rewritten
    plain = nb.sample_corpus(src, tmp_path / "s.jsonl", 200)  # more than there are: all of them
    assert len(plain.read_text(encoding="utf-8").splitlines()) == 100


class _Frame(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attrs: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.attrs.append(dict(attrs))


def test_map_shows_inline_as_a_sandboxed_iframe(ds):
    from graphkit.viz import maps

    m = maps.ego_map(ds, "Dương Văn Thái", radius=2)
    html = m._repr_html_()
    p = _Frame()
    p.feed(html)
    assert len(p.attrs) == 1, "one iframe, nothing else"
    frame = p.attrs[0]
    assert frame["srcdoc"] == m.html  # the whole page, unescaped by the browser back to itself
    assert frame["sandbox"] == "allow-scripts"  # no same-origin: the page cannot reach the notebook
    assert "<script" not in html and "http" not in html.split("srcdoc=")[0]
    assert nb.show_map(m, height=300).data == nb.iframe(m.html, height=300)


def test_strip_outputs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    book = new_notebook(cells=[new_code_cell("1 + 1", execution_count=3,
                                             outputs=[new_output("execute_result", {"text/plain": "2"},
                                                                 execution_count=3)])])
    path = tmp_path / "x.ipynb"
    nbformat.write(book, path)
    assert nb.strip_outputs([path]) == [path]
    cell = nbformat.read(path, as_version=4).cells[0]
    assert cell.outputs == [] and cell.execution_count is None
    assert nb.strip_outputs([path]) == []


def test_a_run_and_stripped_notebook_is_the_committed_one(tmp_path):
    """Executing then stripping leaves no trace (outputs, counts, timings, kernel details)."""
    nbformat = pytest.importorskip("nbformat")
    from pathlib import Path

    from tests import ROOT

    src = ROOT / "notebooks" / "01-quickstart.ipynb"
    book = nbformat.read(src, as_version=4)
    for i, cell in enumerate(c for c in book.cells if c.cell_type == "code"):
        cell.execution_count = i + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x\n")]
        cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    book.metadata["language_info"] = {"name": "python", "version": "3.11.7", "pygments_lexer": "ipython3"}
    path = tmp_path / src.name
    nbformat.write(book, path)
    assert nb.strip_outputs([path]) == [path]
    assert path.read_bytes() == src.read_bytes()


def test_steps_of_a_path(ds):
    from graphkit.analytics import measures, projections

    G = projections.person_person(ds)
    a, b = measures.find_node(G, "Hồ Phúc Hợp"), measures.find_node(G, "Lê Thị Thu Hồng")
    path = measures.shortest_paths(G, a, b)[0]
    f = nb.steps(path)
    assert sorted(set(f["step"])) == list(range(1, len(path) + 1))
    assert f["sentence"].notna().all()
    assert f.iloc[0]["source"] == "Hồ Phúc Hợp" and f.iloc[-1]["target"] == "Lê Thị Thu Hồng"


@pytest.mark.browser
def test_inline_map_draws_in_chromium(ds, tmp_path):
    """The notebook output (a sandboxed srcdoc iframe) runs the map's script and draws the network,
    with no request: compared with the same frame whose vis-network cannot start (text only)."""
    from graphkit.viz import maps
    from tests.viz import browser

    if browser.find_chromium() is None:
        pytest.skip("no headless Chromium: install it with 'apt-get install chromium'")
    m = maps.ego_map(ds, "Dương Văn Thái", radius=2)
    assert "new vis.Network" in m.html
    stats = {}
    for name, page in (("drawn", m.html), ("not drawn", m.html.replace("new vis.Network", "new vis.Missing"))):
        host = tmp_path / f"{name}.html"
        host.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>cell</title></head><body>"
                        + nb.iframe(page) + "</body></html>", encoding="utf-8")
        report = browser.open_page(host, screenshot=True, settle=1.5)
        assert report.errors == [], report.console
        assert report.external_requests == []
        stats[name] = browser.png_stats(report.screenshot)
    drawn, text_only = stats["drawn"], stats["not drawn"]
    assert drawn["distinct"] > text_only["distinct"] + 50 and drawn["stdev"] > text_only["stdev"] + 2, stats


def test_a_node_spelled_two_ways_is_one_row(seed_dataset, tmp_path):
    """Articles may label one IRI differently; tables keep one label (the first in sort order),
    the same on an rdflib Dataset and on a store."""
    from rdflib import Literal, URIRef

    ds = seed_dataset()
    from graphkit.kg import ids

    post = URIRef(ids.post_iri("Bí thư Tỉnh ủy Bắc Giang"))
    assert any(ds.quads((post, None, None, None)))
    other = ds.graph(URIRef("https://w3id.org/graphkit/id/article/other"))
    other.add((post, URIRef(PREFIXES["rdfs"] + "label"), Literal("Bí thư tỉnh ủy Bắc Giang")))
    assert nb.labels(ds, iris=[str(post)]) == {str(post): "Bí thư Tỉnh ủy Bắc Giang"}
    store = _store(ds, tmp_path / "s")
    for source in (ds, store):
        o = nb.officials(source)
        assert sorted(o[o["official"] == "Dương Văn Thái"]["post"]) == [  # one row a post
            "Bí thư Tỉnh ủy Bắc Giang", "Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang",
            "Ủy viên Ban Chấp hành Trung ương Đảng"], o
    pd.testing.assert_frame_equal(nb.tenures(store), nb.tenures(ds))
    pd.testing.assert_frame_equal(nb.article_facts(store, examples.A000), nb.article_facts(ds, examples.A000))


def test_query_and_ask_as_frames(ds, tmp_path):
    from graphkit.query import open_graph, run_query

    g = open_graph(ds)
    f = nb.ask(g, "co-attendance", person="truong thi mai")
    assert list(f.columns) == ["person", "other", "meetings", "first", "last"]
    assert set(f["person"]) == {"Trương Thị Mai"} and f["meetings"].dtype.kind == "i"
    assert isinstance(f["first"].iloc[0], dt.date)
    store = _store(ds, tmp_path / "s")  # a store directory answers the same
    pd.testing.assert_frame_equal(nb.ask(str(store), "co-attendance", person="truong thi mai"), f)
    c = nb.frame(run_query(g, "CONSTRUCT { ?p gk:holds ?x } WHERE { ?p gk:holds ?x }"))
    assert list(c.columns) == ["subject", "predicate", "object"] and len(c) > 5
    q = nb.query(g, "SELECT ?n WHERE { ?d gk:code $code ; gk:number ?n }", code="18-NQ/TW")
    assert q["n"].tolist() in (["18"], [18])
    empty = nb.query(g, "SELECT ?x WHERE { ?x gk:nothing ?y }")
    assert list(empty.columns) == ["x"] and empty.empty
    # the tables read a QueryGraph too
    pd.testing.assert_frame_equal(nb.officials(g), nb.officials(ds))
    pd.testing.assert_frame_equal(nb.directives(g), nb.directives(ds))


def test_questions_table():
    from graphkit.query import questions

    q = nb.questions()
    assert q["name"].tolist() == sorted(questions())
    assert q.set_index("name").loc["meetings", "parameters"] == ("meeting (default *), person (default *), "
                                                                 "limit (default 100), offset (default 0)")
