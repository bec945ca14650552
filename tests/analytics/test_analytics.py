"""Projections, time slicing and measures on a graph built from hand-made ArticleFacts."""
from __future__ import annotations

import datetime as dt
import json

import networkx as nx
import pytest

from graphkit import examples
from graphkit.analytics import measures as M, projections as P
from graphkit.analytics.kgindex import KGIndex
from graphkit.analytics.report import analyze
from graphkit.errors import AnalysisError, QueryError


@pytest.fixture(scope="module")
def ds(seed_dataset):
    return seed_dataset()


@pytest.fixture(scope="module")
def idx(ds):
    return KGIndex.read(ds)


def person(name):
    return examples.iri("person", name)


def labels(G, nodes=None):
    return sorted(G.nodes[n]["label"] for n in (G if nodes is None else nodes))


# -- projections ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name, kwargs, n_nodes, n_edges, directed", [
    ("person", {}, 15, 38, False),
    # 10 pairs at the Bắc Giang conference, 3 in Quảng Nam, 10 online in 2020 (the bridge point folded in)
    ("person", {"via": ("meetings",)}, 13, 23, False),
    # 21 pairs in Ban Tổ chức Trung ương, 7 more in the Central Committee, Tỉnh ủy Bắc Giang and Tỉnh ủy Quảng Nam
    ("person", {"via": ("bodies",)}, 15, 28, False),
    ("person-org", {}, 31, 30, False),
    ("province-directive", {}, 15, 10, False),
    ("citation", {}, 4, 3, True),
    ("entities", {}, 54, 79, True),
])
def test_projection_sizes(idx, name, kwargs, n_nodes, n_edges, directed):
    G = P.project(idx, name, **kwargs)
    assert (G.number_of_nodes(), G.number_of_edges(), G.is_directed()) == (n_nodes, n_edges, directed)


@pytest.mark.parametrize("name", list(P.PROJECTIONS))
def test_every_edge_carries_weight_articles_evidence(idx, name):
    G = P.project(idx, name)
    assert G.number_of_edges() > 0
    for u, v, d in G.edges(data=True):
        assert d["weight"] >= 1 and isinstance(d["weight"], int)
        assert d["articles"] == sorted(set(d["articles"]))
        assert all(a.startswith("https://w3id.org/graphkit/id/article/") for a in d["articles"])
        dates = [x["date"] or "" for x in d["evidence"]]
        assert dates == sorted(dates)
        assert {x["article"] for x in d["evidence"]} <= set(d["articles"]) | {""}
        assert d["relation"]
    for n, d in G.nodes(data=True):
        assert d["label"] and d["type"]


@pytest.mark.parametrize("a, b, weight, relation, meetings, bodies", [
    ("Trương Thị Mai", "Dương Văn Thái", 1, "co-attended", 1, 0),
    # the Bắc Giang conference; the Central Committee and Ban Tổ chức Trung ương
    ("Nguyễn Quang Dương", "Nguyễn Thị Thanh", 3, "co-attended, same body", 1, 2),
    ("Phạm Minh Chính", "Trương Thị Mai", 3, "same body", 0, 3),  # Bộ Chính trị, Ban Bí thư, Ban Tổ chức Trung ương
    ("Hồ Phúc Hợp", "Phạm Minh Chính", 1, "co-attended", 1, 0),  # a bridge point belongs to its conference
])
def test_person_person_edges(idx, a, b, weight, relation, meetings, bodies):
    e = P.person_person(idx).edges[person(a), person(b)]
    assert (e["weight"], e["relation"], len(e.get("meetings", [])), len(e.get("bodies", []))) == \
        (weight, relation, meetings, bodies)


def test_edge_provenance_names_article_title_date_and_sentence(idx):
    e = P.person_person(idx).edges[person("Trương Thị Mai"), person("Lê Thị Thu Hồng")]
    assert e["articles"] == [examples.iri("article", examples.A000)]
    assert {x["title"] for x in e["evidence"]} == {examples.facts()[0].article.title}
    assert {x["date"] for x in e["evidence"]} == {"2022-06-28"}
    assert any("Lê Thị Thu Hồng" in x["sentence"] for x in e["evidence"])


def test_person_nodes_list_their_posts_with_dates(idx):
    G = P.person_person(idx)
    posts = G.nodes[person("Trương Thị Mai")]["posts"]  # Ủy viên Bộ Chính trị in 000 (2022-06-28) and 004 (undated)
    assert [(p["post"], p["observed"]) for p in posts if p["post"] == "Ủy viên Bộ Chính trị"] == [
        ("Ủy viên Bộ Chính trị", "2022-06-28"), ("Ủy viên Bộ Chính trị", None)][::-1]
    assert G.nodes[person("Nguyễn Thanh Bình")]["first_date"] == "2020-07-01"


def test_person_org_is_bipartite_with_posts(idx):
    G = P.person_organization(idx)
    assert nx.is_bipartite(G)
    tops = {n for n, b in G.nodes(data="bipartite") if b == 0}
    assert {G.nodes[n]["type"] for n in tops} == {"Person"}
    assert {G.nodes[n]["type"] for n in set(G) - tops} == {"Organization"}
    e = G.edges[person("Trương Thị Mai"), examples.iri("org", "Ban Tổ chức Trung ương")]
    assert e["posts"] == ["Trưởng Ban Tổ chức Trung ương"] and e["weight"] == 1


def test_province_directive_and_bodies_option(idx):
    G = P.province_directive(idx)
    assert labels(G, [n for n, b in G.nodes(data="bipartite") if b == 0]) == [
        "Bắc Giang", "Bắc Kạn", "Cao Bằng", "Hà Giang", "Hòa Bình", "Khánh Hòa", "Nghệ An", "Điện Biên"]
    assert G.edges[examples.iri("province", "Nghệ An"), examples.iri("directive", "26-NQ/TW")]["weight"] == 1
    assert P.province_directive(idx, bodies=True).number_of_nodes() >= G.number_of_nodes()


def test_citation_is_directed_citing_to_cited(idx):
    G = P.directive_citation(idx)
    k74, nq18 = examples.iri("directive", "74-KL/TW"), examples.iri("directive", "18-NQ/TW")
    assert G.has_edge(k74, nq18) and not G.has_edge(nq18, k74)
    assert G.nodes[k74]["issued_on"] == "2020-05-22" and G.nodes[k74]["issuer"] == "Bộ Chính trị"


def test_entity_graph_collapses_posts_into_person_to_body_edges(idx):
    G = P.entity_graph(idx)
    e = G.edges[person("Trương Thị Mai"), examples.iri("org", "Ban Tổ chức Trung ương")]
    assert (e["relation"], e["label"], e["posts"]) == ("holds", "Trưởng", ["Trưởng Ban Tổ chức Trung ương"])
    assert "Post" not in {t for _, t in G.nodes(data="type")}
    # context edges: body → province, directive → issuer
    assert G.edges[examples.iri("org", "Tỉnh ủy Bắc Giang"), examples.iri("province", "Bắc Giang")]["relation"] == "in"
    assert G.has_edge(examples.iri("directive", "74-KL/TW"), examples.iri("org", "Bộ Chính trị"))
    assert P.entity_graph(idx, context=False).number_of_edges() < G.number_of_edges()


def test_diffusion_orders_implementers_by_date(idx):
    G = P.directive_diffusion(idx, "18-NQ/TW")  # reported implemented on 2022-06-28 (000) and undated (001)
    roles = [(G.nodes[n]["role"], G.nodes[n]["label"]) for n in G]
    assert roles == [("issuer", "Ban Chấp hành Trung ương Đảng"), ("directive", "Nghị quyết 18-NQ/TW"),
                     ("implementer", "Cao Bằng"), ("implementer", "Hà Giang"), ("implementer", "Điện Biên"),
                     ("implementer", "Bộ Chính trị"), ("implementer", "Khánh Hòa")]
    assert G.nodes[examples.iri("province", "Cao Bằng")]["date"] == "2022-06-28"
    assert G.nodes[examples.iri("province", "Cao Bằng")]["order"] == 1
    assert G.nodes[examples.iri("province", "Khánh Hòa")].get("order") is None  # undated: no place in the order


def test_unknown_directive_code_suggests_close_ones(idx):
    with pytest.raises(AnalysisError, match="did you mean 74-KL/TW"):
        P.directive_diffusion(idx, "74-KL/T")


# -- time slicing -----------------------------------------------------------------------------------
@pytest.mark.parametrize("date_from, date_to, expected", [
    (None, None, ["Cao Hoàng Sơn", "Cao Thanh Hải", "Dương Văn Thái", "Hồ Phúc Hợp", "Lê Thị Thu Hồng", "Lê Văn Dũng",
                  "Lê Vĩnh Tân", "Nguyễn Phi Long", "Nguyễn Quang Dương", "Nguyễn Thanh Bình", "Nguyễn Thị Thanh",
                  "Nguyễn Đức Dũng", "Phạm Minh Chính", "Trương Thị Mai", "Trần Văn Túy"]),
    ("2022-01-01", None, ["Dương Văn Thái", "Lê Thị Thu Hồng", "Nguyễn Quang Dương", "Nguyễn Thị Thanh",
                          "Trương Thị Mai"]),
    (None, "2021-12-31", ["Hồ Phúc Hợp", "Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính", "Trần Văn Túy"]),
    ("2020-07-01", "2020-07-01", ["Hồ Phúc Hợp", "Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính",
                                  "Trần Văn Túy"]),  # inclusive
    (dt.date(2020, 7, 2), dt.date(2022, 6, 27), []),
])
def test_person_projection_by_article_date(idx, date_from, date_to, expected):
    G = P.person_person(idx, date_from=date_from, date_to=date_to)
    assert labels(G) == expected
    assert G.graph["date_from"] == (str(date_from) if date_from else None)


def test_undated_articles_count_only_without_bounds(idx):
    mai, bct = person("Trương Thị Mai"), examples.iri("org", "Bộ Chính trị")  # 000 (2022-06-28) and 004 (undated)
    assert P.person_organization(idx).edges[mai, bct]["weight"] == 2
    assert P.person_organization(idx, date_to="2030-01-01").edges[mai, bct]["weight"] == 1


@pytest.mark.parametrize("name", list(P.PROJECTIONS))
def test_every_projection_slices(idx, name):
    full, part = P.project(idx, name), P.project(idx, name, date_from="2022-03-01", date_to="2022-12-31")
    assert part.number_of_edges() <= full.number_of_edges()
    for u, v, d in part.edges(data=True):
        assert all("2022-03-01" <= (x["date"] or "") <= "2022-12-31" for x in d["evidence"] if x["sentence"])


@pytest.mark.parametrize("date_from, date_to, message", [
    ("28/06/2022", None, "write dates as YYYY-MM-DD"),
    ("2022-06-28", "2022-01-01", "--from must not be after --to"),
])
def test_bad_dates_are_clear_errors(idx, date_from, date_to, message):
    with pytest.raises(AnalysisError, match=message):
        P.person_person(idx, date_from=date_from, date_to=date_to)


# -- input forms and determinism ----------------------------------------------------------------------
def _dump(G):
    return json.dumps(nx.node_link_data(G, edges="links"), sort_keys=True, ensure_ascii=False, default=str)


def test_same_input_same_output(seed_dataset, ds):
    assert _dump(P.entity_graph(ds)) == _dump(P.entity_graph(seed_dataset()))


def test_round_trip_through_trig_file(ds, tmp_path):
    from graphkit.kg.serialize import load, write

    path = write(ds, tmp_path / "g.trig")
    assert _dump(P.person_person(load(path))) == _dump(P.person_person(ds))


def test_flattened_graph_gives_the_same_relations(ds, tmp_path):
    from graphkit.kg.serialize import load, write

    flat = load(write(ds, tmp_path / "g.ttl"))
    a, b = P.person_person(flat), P.person_person(ds)
    assert sorted(a.edges) == sorted(b.edges)
    assert [a.edges[e]["weight"] for e in sorted(a.edges)] == [b.edges[e]["weight"] for e in sorted(b.edges)]


def test_not_a_graph_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="pass a graph file, a store directory, an rdflib Dataset or Graph"):
        P.person_person(42)
    with pytest.raises(QueryError, match="no such graph file or store"):
        P.person_person(tmp_path / "missing.trig")


# -- measures ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("graph, measure, expected", [
    (nx.path_graph(4), "degree", {0: 1, 1: 2, 2: 2, 3: 1}),
    (nx.star_graph(3), "betweenness", {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0}),
    (nx.complete_graph(4), "core", {0: 3, 1: 3, 2: 3, 3: 3}),
    (nx.DiGraph([(0, 1), (1, 2)]), "degree", {0: 1, 1: 2, 2: 1}),
    (nx.Graph([(0, 1, {"weight": 3}), (1, 2, {"weight": 1})]), "weighted-degree", {0: 3, 1: 4, 2: 1}),
])
def test_centrality(graph, measure, expected):
    assert {n: round(v, 6) for n, v in M.centrality(graph, measure).items()} == expected


def test_pagerank_sums_to_one_and_prefers_the_cited(idx):
    G = P.directive_citation(idx)
    pr = M.centrality(G, "pagerank")
    assert abs(sum(pr.values()) - 1) < 1e-9
    assert pr[examples.iri("directive", "18-NQ/TW")] > pr[examples.iri("directive", "74-KL/TW")]


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_communities_split_the_meetings(idx, method):
    G = P.person_person(idx, via=("meetings",))
    parts = [sorted(G.nodes[n]["label"] for n in c) for c in M.communities(G, method)]
    assert parts == [["Dương Văn Thái", "Lê Thị Thu Hồng", "Nguyễn Quang Dương", "Nguyễn Thị Thanh", "Trương Thị Mai"],
                     ["Hồ Phúc Hợp", "Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính", "Trần Văn Túy"],
                     ["Cao Hoàng Sơn", "Cao Thanh Hải", "Lê Văn Dũng"]]
    assert M.communities(G, method, seed=1) == M.communities(G, method, seed=1)


def test_unknown_measure_and_method():
    with pytest.raises(AnalysisError, match="unknown measure 'closeness'"):
        M.centrality(nx.path_graph(3), "closeness")
    with pytest.raises(AnalysisError, match="louvain or leiden"):
        M.communities(nx.path_graph(3), "girvan-newman")


@pytest.mark.parametrize("radius, expected", [
    (0, ["Dương Văn Thái"]),
    # the Bắc Giang conference, and Nguyễn Phi Long of the Central Committee too
    (1, ["Dương Văn Thái", "Lê Thị Thu Hồng", "Nguyễn Phi Long", "Nguyễn Quang Dương", "Nguyễn Thị Thanh",
         "Trương Thị Mai"]),
    (2, ["Dương Văn Thái", "Lê Thị Thu Hồng", "Lê Vĩnh Tân", "Nguyễn Phi Long", "Nguyễn Quang Dương",
         "Nguyễn Thanh Bình", "Nguyễn Thị Thanh", "Phạm Minh Chính", "Trương Thị Mai", "Trần Văn Túy"]),
])
def test_ego_network_radius(idx, radius, expected):
    G = P.person_person(idx)
    E = M.ego(G, person("Dương Văn Thái"), radius)
    assert labels(E) == expected
    assert E.nodes[person("Dương Văn Thái")]["distance"] == 0


def test_shortest_path_carries_the_facts_along_the_way(idx):
    G = P.person_person(idx)
    # 12 paths: four co-attendees of his conference, each in Ban Tổ chức Trung ương with three at hers
    paths = M.shortest_paths(G, person("Hồ Phúc Hợp"), person("Lê Thị Thu Hồng"), limit=20)
    assert len(paths) == 12 and {len(p) for p in paths} == {3}
    assert M.shortest_paths(G, person("Hồ Phúc Hợp"), person("Lê Thị Thu Hồng")) == paths[:10]  # the default limit
    first = paths[0]
    assert [s["source_label"] for s in first] + [first[-1]["target_label"]] == \
        ["Hồ Phúc Hợp", "Lê Vĩnh Tân", "Nguyễn Quang Dương", "Lê Thị Thu Hồng"]
    assert first[0]["meetings"] and first[1]["bodies"] and first[0]["evidence"][0]["sentence"]
    assert M.shortest_paths(G, person("Hồ Phúc Hợp"), person("Lê Thị Thu Hồng"), limit=2) == paths[:2]


def test_no_path_is_an_empty_list():
    G = nx.Graph()
    G.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"})])
    assert M.shortest_paths(G, "a", "b") == []


def test_k_core(idx):
    G = P.person_person(idx)
    assert labels(M.k_core(G)) == ["Lê Vĩnh Tân", "Nguyễn Quang Dương", "Nguyễn Thanh Bình", "Nguyễn Thị Thanh",
                                   "Phạm Minh Chính", "Trương Thị Mai", "Trần Văn Túy"]
    assert M.k_core(G).graph["k"] == 6
    assert M.k_core(G, 1).number_of_nodes() == 14  # all but Nguyễn Đức Dũng, who shares no meeting or body


@pytest.mark.parametrize("name, found", [
    ("Trương Thị Mai", "Trương Thị Mai"),
    ("  trương  thị mai ", "Trương Thị Mai"),
    ("Truong Thi Mai", "Trương Thị Mai"),  # no diacritics
    ("Trần Văn Tuý", "Trần Văn Túy"),  # old tone placement
    ("Nguyễn Xuân Phúc", None),  # not in this graph
])
def test_find_node(idx, name, found):
    G = P.person_person(idx)
    if found:
        assert G.nodes[M.find_node(G, name)]["label"] == found
    else:
        with pytest.raises(AnalysisError, match="no Person called"):
            M.find_node(G, name)


def test_top_rows_are_ranked_and_stable(idx):
    G = P.person_person(idx)
    rows = M.top(G, ["degree", "pagerank", "louvain"], n=4)
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)
    assert rows == M.top(G, ["degree", "pagerank", "louvain"], n=4)
    assert set(rows[0]) == {"node", "label", "type", "degree", "pagerank", "louvain"}


# -- the analysis value behind `graphkit analyze` -------------------------------------------------------
def test_analysis_csv_and_json(ds, tmp_path):
    a = analyze(ds, measures=["pagerank", "leiden"], top=3)
    assert len(a.rows) == 3 and a.communities and a.communities[0]["method"] == "leiden"
    csv_path, json_path = a.write(tmp_path / "r.csv"), a.write(tmp_path / "r.json")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "rank,label,type,pagerank,leiden,node" and len(lines) == 4
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["projection"] == "person" and data["rows"][0]["label"] == a.rows[0]["label"]
    with pytest.raises(Exception, match="use .csv or .json"):
        a.write(tmp_path / "r.xlsx")


def test_analysis_paths_to_csv(ds):
    a = analyze(ds, path=("Hồ Phúc Hợp", "Lê Thị Thu Hồng"))
    rows = a.to_csv().splitlines()
    assert rows[0].startswith("path,step,source_label,relation,target_label")
    assert len(rows) == 1 + 10 * 3  # the first 10 of the 12 paths, 3 steps each


def test_analysis_focus(ds):
    assert analyze(ds, person="Dương Văn Thái", radius=1).nodes == 6
    assert analyze(ds, k_core=0).focus == {"k_core": 6}
    assert analyze(ds, projection="citation", date_to="2021-01-01").nodes == 0
