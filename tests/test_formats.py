"""The one table of formats (graphkit.formats) and the tables the commands derive from it."""
from __future__ import annotations


import pytest
from typer.testing import CliRunner

from graphkit import formats
from graphkit.cli import app
from tests import SEEDS

SEED = str(SEEDS / "003_c0083ec7d5ac5796.txt")


def test_the_derived_tables():
    from graphkit.kg import serialize
    from graphkit.query import engine, results, server

    assert serialize.FORMATS == {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
    assert serialize.QUAD_FORMATS == {"trig", "nquads", "json-ld"}
    assert engine.GRAPH_FORMATS == {".trig": "TRIG", ".nq": "N_QUADS", ".ttl": "TURTLE", ".nt": "N_TRIPLES",
                                    ".jsonld": "JSON_LD"}
    assert results.RDF_FORMATS == {
        "turtle": ("text/turtle; charset=utf-8", "TURTLE"), "nt": ("application/n-triples", "N_TRIPLES"),
        "nq": ("application/n-quads", "N_QUADS"), "trig": ("application/trig", "TRIG"),
        "jsonld": ("application/ld+json", "JSON_LD"), "rdfxml": ("application/rdf+xml", "RDF_XML")}
    assert {k: v[0] for k, v in results.RESULT_FORMATS.items()} == {
        "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
        "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
    assert results.EXTENSIONS == {
        ".json": "json", ".srj": "json", ".xml": "xml", ".srx": "xml", ".csv": "csv", ".tsv": "tsv",
        ".ttl": "turtle", ".nt": "nt", ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld", ".rdf": "rdfxml",
        ".owl": "rdfxml"}
    assert server._RDF_TYPES["text/plain"] == "nt" and server._RESULT_TYPES["text/xml"] == "xml"
    assert server._FORMAT_ALIASES["graph"]["json"] == "jsonld" and server._FORMAT_ALIASES["select"]["srj"] == "json"


@pytest.mark.parametrize("fmt", [f for f in formats.RDF if f.graph_file], ids=lambda f: f.name)
def test_every_graph_file_format_is_written_read_and_served_alike(fmt, tmp_path):
    """build --out writes it, open_graph reads it back, export writes it again, query --out names it."""
    from graphkit.query import open_graph

    out = tmp_path / f"g{fmt.extensions[0]}"
    r = CliRunner().invoke(app, ["build", SEED, "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    g = open_graph(out)
    assert g.counts().triples > 100
    r = CliRunner().invoke(app, ["export", str(out), "--out", str(tmp_path / f"h{fmt.extensions[0]}"), "-q"])
    assert r.exit_code == 0, r.output
    assert open_graph(tmp_path / f"h{fmt.extensions[0]}").counts() == g.counts()
    r = CliRunner().invoke(app, ["query", str(out), "CONSTRUCT WHERE { ?s a gk:Person }",
                                 "--out", str(tmp_path / f"q{fmt.extensions[0]}")])
    assert r.exit_code == 0, r.output


def test_a_format_that_is_no_graph_file_is_refused_by_build_and_open(tmp_path):
    from graphkit.errors import QueryError
    from graphkit.query import open_graph

    r = CliRunner().invoke(app, ["build", SEED, "--out", str(tmp_path / "g.rdf")])
    assert r.exit_code == 2 and "unknown output format '.rdf'; use one of .trig, .nq, .ttl, .nt, .jsonld" in r.output
    (tmp_path / "g.rdf").write_text("", encoding="utf-8")
    with pytest.raises(QueryError, match="unknown graph format '.rdf'"):
        open_graph(tmp_path / "g.rdf")
