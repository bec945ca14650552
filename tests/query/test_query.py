"""graphkit.query: opening graphs, running SPARQL, result formats, errors, time limits; ``graphkit query``."""
from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET

import pytest
from graphkit.cli import app
from tests import DATA, SEEDS
from typer.testing import CliRunner

from graphkit.errors import QueryError
from graphkit.query import QuerySyntaxError, QueryTimeout, UpdateRefused, open_graph, run_query
from graphkit.query.results import Term, serialize

PERSONS = "SELECT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name"
N_PERSONS = 15  # distinct persons in the five seed articles


# ── opening graphs ──────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_open_graph_files(tmp_path, suffix, seed_dataset):
    from graphkit.kg.serialize import write

    path = write(seed_dataset(), tmp_path / f"seeds{suffix}")
    names = run_query(path, PERSONS).column("name")
    assert len(names) == N_PERSONS and "Trương Thị Mai" in names


def test_open_rdflib_graphs(seed_graph, seed_dataset):
    from rdflib import Graph

    flat = Graph()
    for s, p, o, _g in seed_dataset().quads((None, None, None, None)):
        flat.add((s, p, o))
    g = open_graph(flat)
    assert g.named_graph_count() == 0 and g.triple_count() == seed_graph.triple_count()
    assert run_query(g, PERSONS).rows == run_query(seed_graph, PERSONS).rows


def test_store_directory_counts(tmp_path, seed_graph, seed_dataset):
    import pyoxigraph as ox

    from graphkit.query.engine import rdflib_quads

    store = ox.Store(str(tmp_path / "store"))
    store.extend(rdflib_quads(seed_dataset()))
    store.flush()
    del store
    g = open_graph(tmp_path / "store", in_memory=False)
    assert not g.in_memory and g.named_graph_count() == 5
    assert g.triple_count() == seed_graph.triple_count()
    assert run_query(g, "SELECT DISTINCT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name").rows == \
        run_query(seed_graph, PERSONS).rows


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    """A store written by ``graphkit build --into``: the five seeds and eleven 2017 corpus articles."""
    from graphkit.pipeline import build_into

    path = tmp_path_factory.mktemp("built") / "st"
    r = build_into([str(SEEDS), str(DATA / "resolve-2017.jsonl")], path, jobs=1)
    assert r.ok and len(r.articles) == 16
    return path


def _question_cases():
    """Each shipped question with its example values, and more on the 2017 articles (rows expected)."""
    from graphkit.query import questions

    cases = [(name, q.example_values()) for name, q in questions().items()]
    return cases + [
        ("province-officials", {"province": "Quảng Trị"}),
        ("province-officials", {"province": "Thành phố Hồ Chí Minh"}),
        ("career", {"person": "Nguyen Van Hung"}),
        ("who-says", {"person": "Nguyễn Thiện Nhân", "post": "*"}),
        ("post-holders", {"post": "Bí thư Tỉnh ủy *"}),
    ]


@pytest.mark.parametrize("name,values", _question_cases(), ids=lambda x: x if isinstance(x, str) else "-".join(x.values()))
def test_store_queried_in_place_answers_as_its_copy_in_memory(built_store, name, values):
    from graphkit.query import ask

    in_place, copy = open_graph(built_store), open_graph(built_store, in_memory=True)
    assert not in_place.in_memory and copy.in_memory
    here, there = ask(in_place, name, **values), ask(copy, name, **values)
    assert here.vars == there.vars and here.rows == there.rows
    if name in ("province-officials", "career", "who-says", "post-holders"):
        assert here.rows, "the case should find rows"


def test_store_in_place_counts(built_store):
    in_place, copy = open_graph(built_store), open_graph(built_store, in_memory=True)
    assert in_place.named_graph_count() == copy.named_graph_count() == 18  # 16 articles, places, resolution
    assert in_place.triple_count() == copy.triple_count() > 0
    from graphkit.kg.store import GraphStore

    with GraphStore(built_store, read_only=True) as s:
        assert in_place.quad_count() == copy.quad_count() == len(s) == len(s.nquads().splitlines())
    assert run_query(in_place, PERSONS).rows == run_query(copy, PERSONS).rows


def test_missing_graph_names_the_file(tmp_path):
    with pytest.raises(QueryError, match=r"nope\.trig: no such graph file or store"):
        open_graph(tmp_path / "nope.trig")


def test_bad_graphs(tmp_path):
    (tmp_path / "g.xyz").write_text("x")
    with pytest.raises(QueryError, match=r"g\.xyz: unknown graph format '\.xyz'"):
        open_graph(tmp_path / "g.xyz")
    (tmp_path / "g.ttl").write_text("<a> <b> .")
    with pytest.raises(QueryError, match=r"g\.ttl: not a readable ttl file"):
        open_graph(tmp_path / "g.ttl")
    (tmp_path / "dir").mkdir()
    with pytest.raises(QueryError, match="a directory, but not an Oxigraph store"):
        open_graph(tmp_path / "dir")


def test_default_graph_is_the_merge_of_the_articles(seed_graph):
    # Trương Thị Mai is typed and labelled in two article graphs (000, 004): once in the merge
    assert run_query(seed_graph, PERSONS).column("name").count("Trương Thị Mai") == 1
    # ... and GRAPH still finds both articles
    r = run_query(seed_graph, """SELECT ?id WHERE { GRAPH ?a { ?p rdfs:label "Trương Thị Mai" } ?a gk:articleId ?id }
                                 ORDER BY ?id""")
    assert r.column("id") == ["000_d029c83ccb100c6a", "004_cdc79ea698d122f2"]


def test_who_says_so_with_graph(seed_graph):
    r = run_query(seed_graph, """
        SELECT DISTINCT ?id WHERE {
          GRAPH ?article { ?p gk:holds ?post . ?p rdfs:label "Dương Văn Thái" }
          ?article gk:articleId ?id }""")
    assert r.column("id") == ["000_d029c83ccb100c6a"]


def test_prefixes_predeclared_and_overridable(seed_graph):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?x a {cls} }"
    assert run_query(seed_graph, q.replace("{cls}", "gk:Province")).column("n")[0] > 0
    assert run_query(seed_graph, "PREFIX gk: <http://example.org/> " + q.replace("{cls}", "gk:Province")).column("n") == [0]
    for prefix in ("gk", "org", "schema", "prov", "skos", "rdfs", "xsd"):
        run_query(seed_graph, f"ASK {{ ?s {prefix}:x ?o }}")


def test_query_forms(seed_graph):
    assert run_query(seed_graph, "ASK { ?p a gk:Person }").boolean is True
    r = run_query(seed_graph, 'CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a gk:Person ; rdfs:label ?n }')
    assert r.kind == "graph" and len(r) == N_PERSONS
    r = run_query(seed_graph, "DESCRIBE ?p WHERE { ?p rdfs:label \"Trần Văn Túy\" }")
    assert r.kind == "graph" and any(t[2] == Term.literal("Trần Văn Tuý") for t in r.triples)


def test_params_are_terms(seed_graph):
    import datetime as dt

    from graphkit.query.params import IRI

    q = "SELECT ?id WHERE { ?a gk:articleId ?id ; gk:publishedOn ?d . FILTER(?d >= $since) } ORDER BY ?id"
    assert run_query(seed_graph, q, params={"since": dt.date(2021, 1, 1)}).column("id") == [
        "000_d029c83ccb100c6a", "002_0cbc784d2eeb1141"]
    q = "SELECT ?n WHERE { $who rdfs:label ?n }"
    who = IRI(run_query(seed_graph, 'SELECT ?p WHERE { ?p rdfs:label "Hồ Phúc Hợp" }').column("p")[0])
    assert run_query(seed_graph, q, params={"who": who}).column("n") == ["Hồ Phúc Hợp"]
    with pytest.raises(QueryError, match=r"parameter\(s\) nope not used by the query; write them in the query as \$nope"):
        run_query(seed_graph, q, params={"who": who, "nope": 1})
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query(seed_graph, q, params={"who": IRI("http://x/> } ; DROP ALL #")})


# ── errors ──────────────────────────────────────────────────────────────────────────────────────
def test_syntax_error_says_where(seed_graph):
    with pytest.raises(QuerySyntaxError) as e:
        run_query(seed_graph, "SELECT ?x WHERE {\n  ?x a gk:Person .\n  FILTER(?x = }")
    assert (e.value.line, e.value.column) == (3, 16)
    msg = str(e.value)
    assert msg.startswith("the query has a syntax error at line 3, column 16: expected")
    assert "  3 |   FILTER(?x = }\n    |                ^" in msg


def test_unknown_prefix(seed_graph):
    with pytest.raises(QuerySyntaxError, match=r"unknown prefix 'foaf2:'; declare it with PREFIX foaf2: <…>") as e:
        run_query(seed_graph, "SELECT * WHERE { ?s foaf2:name ?o }")
    assert e.value.column == 21


def test_update_refused(seed_graph):
    for text in ("INSERT DATA { <a:a> <a:b> <a:c> }", "PREFIX x: <http://x/>\n# a comment\nDELETE WHERE { ?s ?p ?o }",
                 "CLEAR ALL", "LOAD <http://example.org/x>"):
        with pytest.raises(UpdateRefused, match="refused: graphkit queries are read-only"):
            run_query(seed_graph, text)


def test_timeout():
    """A cartesian product over a generated graph is stopped at the limit."""
    from graphkit.query.engine import open_graph_from_quads

    quads = [(f"https://x.org/s{i}", "https://x.org/p", Term.literal(i), "https://x.org/g") for i in range(3000)]
    g = open_graph_from_quads(quads)
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="ran past the time limit of 1 s and was stopped"):
        run_query(g, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=1)
    assert time.monotonic() - t0 < 3
    assert len(run_query(g, "SELECT * WHERE { ?a ?b ?c } LIMIT 5", timeout=1)) == 5


# ── result formats ──────────────────────────────────────────────────────────────────────────────
SELECT = """SELECT ?p ?name ?date ?n WHERE {
  ?p rdfs:label ?name . FILTER(?name = "Hồ Phúc Hợp")
  OPTIONAL { ?p gk:nothing ?date }
  BIND(3 AS ?n)
}"""


def test_json_results(seed_graph):
    doc = json.loads(serialize(run_query(seed_graph, SELECT), "json"))
    assert doc["head"]["vars"] == ["p", "name", "date", "n"]
    [b] = doc["results"]["bindings"]
    assert b["p"]["type"] == "uri" and b["p"]["value"].startswith("https://w3id.org/graphkit/id/person/")
    assert b["name"] == {"type": "literal", "value": "Hồ Phúc Hợp"}
    assert "date" not in b
    assert b["n"] == {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert json.loads(serialize(run_query(seed_graph, "ASK { ?s ?p ?o }"), "json")) == {"head": {}, "boolean": True}


def test_xml_results(seed_graph):
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(serialize(run_query(seed_graph, SELECT), "xml"))
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["p", "name", "date", "n"]
    [result] = root.findall("s:results/s:result", ns)
    assert result.find("s:binding[@name='name']/s:literal", ns).text == "Hồ Phúc Hợp"
    assert result.find("s:binding[@name='n']/s:literal", ns).get("datatype").endswith("#integer")
    assert result.find("s:binding[@name='date']", ns) is None


def test_csv_and_tsv_results(seed_graph):
    r = run_query(seed_graph, SELECT)
    rows = list(csv.reader(io.StringIO(serialize(r, "csv"))))
    assert rows[0] == ["p", "name", "date", "n"] and rows[1][1:] == ["Hồ Phúc Hợp", "", "3"]
    lines = serialize(r, "tsv").splitlines()
    assert lines[0] == "?p\t?name\t?date\t?n"
    assert lines[1].split("\t")[1:] == ['"Hồ Phúc Hợp"', "", "3"] and lines[1].startswith("<https://")


def test_rdf_results(seed_graph):
    from rdflib import Graph

    r = run_query(seed_graph, 'CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a gk:Person ; rdfs:label ?n }')
    for fmt, parser in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml")):
        assert len(Graph().parse(data=serialize(r, fmt), format=parser)) == N_PERSONS
    with pytest.raises(QueryError, match="gives RDF, not 'csv'"):
        serialize(r, "csv")


def test_records_are_python_values(seed_graph):
    import datetime as dt

    r = run_query(seed_graph, "SELECT ?d (COUNT(*) AS ?n) WHERE { ?a gk:publishedOn ?d } GROUP BY ?d ORDER BY ?d")
    assert r.records()[0] == {"d": dt.date(2020, 7, 1), "n": 1}


# ── graphkit query ──────────────────────────────────────────────────────────────────────────────
def invoke(*args):
    return CliRunner().invoke(app, list(map(str, args)), env={"COLUMNS": "200"})


def test_cli_table(seed_trig):
    r = invoke("query", seed_trig, PERSONS)
    assert r.exit_code == 0, r.output
    assert "┃ name" in r.stdout and "│ Trương Thị Mai" in r.stdout
    assert "15 rows in" in r.stderr


@pytest.mark.parametrize("fmt, first", [("csv", "name\n"), ("tsv", "?name\n"), ("json", '{"head": {"vars": ["name"]}')])
def test_cli_formats(seed_trig, fmt, first):
    r = invoke("query", seed_trig, PERSONS, "--format", fmt)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(first)


def test_cli_out_and_file(seed_trig, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text(PERSONS, encoding="utf-8")
    r = invoke("query", seed_trig, "--file", q, "--out", tmp_path / "names.csv")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "names.csv").read_text(encoding="utf-8").splitlines()[1] == "Cao Hoàng Sơn"
    assert "15 rows → " in r.stderr
    r = invoke("query", seed_trig, "CONSTRUCT WHERE { ?p a gk:Person }", "--out", tmp_path / "p.nt")
    assert r.exit_code == 0 and len((tmp_path / "p.nt").read_text().splitlines()) == N_PERSONS


def test_cli_construct_writes_turtle(seed_trig):
    r = invoke("query", seed_trig, "CONSTRUCT WHERE { ?p a gk:Person }")
    assert r.exit_code == 0 and "@prefix gk: <https://w3id.org/graphkit/ontology#>" in r.stdout
    r = invoke("query", seed_trig, "CONSTRUCT WHERE { ?p a gk:Person }", "--format", "csv")
    assert r.exit_code == 2 and "--format must be one of turtle" in r.stderr


def test_cli_param(seed_trig):
    r = invoke("query", seed_trig, "SELECT ?p WHERE { ?p rdfs:label $name }", "--param", "name=Hồ Phúc Hợp", "--format", "csv")
    assert r.exit_code == 0 and r.stdout.count("\n") == 2


def test_cli_errors_are_one_message(seed_trig, tmp_path):
    r = invoke("query", seed_trig, "SELECT ?x WHERE {\n  ?x a gk:Person .\n  FILTER(?x = }")
    assert r.exit_code == 2
    assert "syntax error at line 3, column 16" in r.stderr and "FILTER(?x = }" in r.stderr
    assert "Traceback" not in r.output
    r = invoke("query", tmp_path / "missing.trig", "ASK {}")
    assert r.exit_code == 2 and "missing.trig: no such graph file or store" in r.stderr
    r = invoke("query", seed_trig, "--file", tmp_path / "missing.rq")
    assert r.exit_code == 2 and "missing.rq: cannot read the query" in r.stderr
    r = invoke("query", seed_trig)
    assert r.exit_code == 2 and "no query" in r.stderr
    r = invoke("query", seed_trig, "DROP ALL")
    assert r.exit_code == 2 and "read-only" in r.stderr
    r = invoke("query", seed_trig, PERSONS, "--out", tmp_path / "x.unknown")
    assert r.exit_code == 2 and "cannot tell the format" in r.stderr
