"""graphkit export --format graphml|gexf|csv|neo4j: the property graph, read back by networkx, csv and pandas."""
from __future__ import annotations

import csv

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphkit import examples
from graphkit.analytics import export as E
from graphkit.cli import app
from graphkit.errors import OutputError


@pytest.fixture(scope="module")
def G(seed_dataset):
    return E.property_graph(seed_dataset())


def _edges(H):
    """(source, target, relation) of every edge, of a multigraph or of a graph read back without parallel edges."""
    return sorted((u, v, d["relation"]) for u, v, d in H.edges(data=True))


def test_property_graph_holds_the_entities_and_weighted_relations(G):
    types = {t for _, t in G.nodes(data="type")}
    assert types == {"Person", "Post", "Organization", "Province", "District", "Directive", "Meeting"}
    assert "Article" not in types and "Assertion" not in types
    mai = "person/" + examples.iri("person", "Trương Thị Mai").rsplit("/", 1)[-1]
    held = {G.nodes[v]["label"]: d for _, v, k, d in G.out_edges(mai, keys=True, data=True) if k == "holds"}
    assert "Trưởng Ban Tổ chức Trung ương" in held
    d = held["Trưởng Ban Tổ chức Trung ương"]
    assert d["label"] == "giữ chức" and d["weight"] == len(d["articles"].split()) >= 1
    # a meeting chaired by a person: Vietnamese label, weight = supporting articles
    chairs = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == "chairedBy"]
    assert chairs and all(d["label"] == "chủ trì" and d["weight"] >= 1 for _, _, d in chairs)
    assert all(G.nodes[u]["type"] == "Meeting" and G.nodes[v]["type"] == "Person" for u, v, _ in chairs)
    d18 = "directive/" + examples.iri("directive", "18-NQ/TW").rsplit("/", 1)[-1]
    assert G.nodes[d18]["code"] == "18-NQ/TW" and G.nodes[d18]["date"] == "2017-10-25"
    assert sorted(G.nodes[u]["label"] for u, _, k in G.in_edges(d18, keys=True) if k == "implements") == [
        "Bộ Chính trị", "Cao Bằng", "Hà Giang", "Khánh Hòa", "Điện Biên"]


def test_a_date_range_keeps_the_edges_reported_in_it(seed_dataset, G):
    H = E.property_graph(seed_dataset(), date_from="2022-01-01")
    assert 0 < H.number_of_edges() < G.number_of_edges()
    assert all(d["last_date"] >= "2022-01-01" for _, _, d in H.edges(data=True) if d["last_date"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_the_same_nodes_and_edges(seed_dataset, G, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    E.export(seed_dataset(), out, fmt)
    H = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    assert sorted(H.nodes) == sorted(G.nodes)
    assert _edges(H) == _edges(G)
    for n in G:
        assert H.nodes[n]["label"] == G.nodes[n]["label"] and H.nodes[n]["type"] == G.nodes[n]["type"]
    for u, v, k, d in G.edges(keys=True, data=True):
        h = H.edges[u, v, k] if H.is_multigraph() else H.edges[u, v]
        assert int(h["weight"]) == d["weight"] and h["label"] == d["label"] and h["relation"] == k


def test_csv_tables_read_back_with_csv_and_pandas(seed_dataset, G, tmp_path):
    out = tmp_path / "tables"
    E.export(seed_dataset(), out, "csv")
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv"]
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(out / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert sorted(r["id"] for r in nodes) == sorted(G.nodes)
    assert sorted((r["source"], r["target"], r["relation"]) for r in edges) == _edges(G)
    pd = pytest.importorskip("pandas")
    e = pd.read_csv(out / "edges.csv")
    assert list(e.columns) == list(E.EDGE_COLUMNS) and e["weight"].dtype.kind == "i" and len(e) == len(edges)
    n = pd.read_csv(out / "nodes.csv")
    assert set(e["source"]) | set(e["target"]) <= set(n["id"])


def test_neo4j_import_files(seed_dataset, G, tmp_path):
    out = tmp_path / "neo4j"
    E.export(seed_dataset(), out, "neo4j")
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        r = csv.reader(fh)
        head = next(r)
        nodes = list(r)
    assert head[0] == "id:ID" and head[-1] == ":LABEL"
    with open(out / "relationships.csv", encoding="utf-8", newline="") as fh:
        r = csv.reader(fh)
        rhead = next(r)
        rels = list(r)
    assert rhead[:3] == [":START_ID", ":END_ID", ":TYPE"] and "weight:int" in rhead and "articles:string[]" in rhead
    ids = {row[0] for row in nodes}
    assert len(ids) == len(nodes) == len(G)
    assert all(row[0] in ids and row[1] in ids for row in rels) and len(rels) == G.number_of_edges()
    assert {row[-1] for row in nodes} == {t for _, t in G.nodes(data="type")}
    types = {row[2] for row in rels}
    assert {"HOLDS", "CHAIRED_BY", "IMPLEMENTS", "POST_IN"} <= types
    w = rhead.index("weight:int")
    assert all(row[w].isdigit() and int(row[w]) >= 1 for row in rels)


def test_a_directory_is_replaced_whole(seed_dataset, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "stale.csv").write_text("old", encoding="utf-8")
    E.export(seed_dataset(), out, "csv")
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no staging directory left


def test_unknown_format_and_file_in_the_way(seed_dataset, tmp_path):
    with pytest.raises(OutputError, match="choose one of graphml, gexf, csv, neo4j"):
        E.export(seed_dataset(), tmp_path / "g.xlsx")
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file"):
        E.export(seed_dataset(), tmp_path / "f", "csv")
    assert (tmp_path / "f").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("args, written", [
    (["--format", "graphml", "--out", "{d}/g.graphml"], "g.graphml"),
    (["--out", "{d}/g.gexf"], "g.gexf"),
    (["-f", "csv", "-o", "{d}/csv"], "csv/edges.csv"),
    (["-f", "neo4j", "-o", "{d}/neo"], "neo/relationships.csv"),
])
def test_cli_export(seed_dataset, tmp_path, args, written):
    from graphkit.kg.serialize import write

    graph = write(seed_dataset(), tmp_path / "g.trig")
    result = CliRunner().invoke(app, ["export", str(graph), *[a.format(d=tmp_path) for a in args]])
    assert result.exit_code == 0, result.output
    assert (tmp_path / written).is_file()
    assert "nodes" in result.output and "edges" in result.output
    if "neo4j" in args:
        assert "neo4j-admin database import full --nodes=" in result.output


def test_cli_export_unknown_format(seed_dataset, tmp_path):
    from graphkit.kg.serialize import write

    graph = write(seed_dataset(), tmp_path / "g.trig")
    result = CliRunner().invoke(app, ["export", str(graph), "-f", "dot", "-o", str(tmp_path / "g.dot")])
    assert result.exit_code == 2 and "unknown export format 'dot'" in result.output
