"""Map pages: offline (nothing linked from the network), escaped article text, node limit."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from graphkit import examples
from graphkit.analytics.measures import centrality
from graphkit.analytics.projections import entity_graph
from graphkit.errors import AnalysisError, OutputError
from graphkit.viz import maps
from tests import ROOT

XSS_TITLE = "<script>window.__pwned='title'</script> Hội nghị"
XSS_NAME = "Nguyễn <img src=x onerror=\"window.__pwned='name'\"> Văn A"
XSS_SENTENCE = "Đồng chí chủ trì </script><script>window.__pwned='sentence'</script> & <!-- hội nghị."
XSS_BODY = "Ban <b onmouseover=\"window.__pwned='body'\">Tổ chức</b>"


def xss_dataset():
    """One article whose title, person name, body and sentence carry HTML and script."""
    from graphkit.extract.facts import ArticleFacts, Body, Evidence, Holding, Meeting, Mention, Post
    from graphkit.ingest.article import Article
    from graphkit.kg.build import to_dataset

    ev = Evidence(XSS_SENTENCE)
    body = Body(XSS_BODY, "Ban")
    a = Article("xss-1", "", "test", title=XSS_TITLE, date=dt.date(2023, 1, 2))
    f = ArticleFacts(a, persons=[Mention(XSS_NAME, (XSS_NAME,), ev)],
                     holdings=[Holding(XSS_NAME, Post(f"Trưởng {XSS_BODY}", "Trưởng Ban", body), evidence=ev)],
                     meetings=[Meeting(0, "Hội nghị <i>x</i>", ev, chairs=[(XSS_NAME, ev), ("Trần Văn B", ev)])])
    return to_dataset([f] + examples.facts())


class Page(HTMLParser):
    """Collects the tags and attributes of a page, and the text of each script."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = (dict(attrs), [])

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script[0], "".join(self._in_script[1])))
            self._in_script = None

    def data(self) -> dict:
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "gk-data"))


@pytest.fixture(scope="module")
def ds(seed_dataset):
    return seed_dataset()


@pytest.fixture(scope="module")
def whole(ds):
    return maps.whole_map(ds)


# -- offline ----------------------------------------------------------------------------------------
def test_no_script_or_stylesheet_comes_from_the_network(whole):
    page = Page(whole.html)
    for tag, attrs in page.tags:
        for attr in ("src", "href", "srcset", "data", "action", "poster"):
            value = (attrs.get(attr) or "").strip().lower()
            assert not value.startswith(("http://", "https://", "//")), (tag, attrs)
    assert not [a for t, a in page.tags if t == "script" and "src" in a]
    assert not [a for t, a in page.tags if t == "link"]
    assert "cdn.jsdelivr" not in whole.html and "cdnjs" not in whole.html


def test_vis_network_is_inlined_and_a_csp_forbids_requests(whole):
    page = Page(whole.html)
    assert any("vis-network" in text and "DataSet" in text for _, text in page.scripts)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "connect-src 'none'" in csp[0]


def test_page_data_matches_the_graph(ds, whole):
    G = entity_graph(ds)
    data = Page(whole.html).data()
    assert len(data["nodes"]) == whole.nodes == G.number_of_nodes() == whole.total_nodes
    assert len(data["edges"]) == whole.edges == G.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(G)
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_legend_tooltips_and_edge_labels(ds, whole):
    data = Page(whole.html).data()
    assert 'id="gk-legend"' in whole.html and "Person (người)" in whole.html
    mai = next(n for n in data["nodes"] if n["label"] == "Trương Thị Mai")
    tip = [text for _, text in mai["tip"]]
    assert tip[:2] == ["Trương Thị Mai", "Person"]
    assert "Trưởng Ban Tổ chức Trung ương (reported 2022-06-28)" in tip
    assert any(examples.facts()[0].article.title in t for t in tip)  # evidence names the article
    assert {e["label"] for e in data["edges"]} >= {"chủ trì", "dự", "thực hiện", "trích dẫn", "Trưởng"}
    shapes = {n["shape"] for n in data["nodes"]}
    assert {"dot", "square", "triangle", "diamond", "star"} <= shapes


def test_same_graph_same_page(ds, whole):
    assert maps.whole_map(ds).html == whole.html


# -- escaping ----------------------------------------------------------------------------------------
def test_article_text_is_escaped(tmp_path):
    m = maps.whole_map(xss_dataset(), title="<b>Bản đồ</b>")
    raw = m.html
    for payload in ("<script>window.__pwned", "<img src=x", "<b onmouseover", "</script><script>", "<i>x</i>"):
        assert payload not in raw
    assert "&lt;b&gt;Bản đồ&lt;/b&gt;" in raw
    page = Page(raw)
    # the data survives intact as text: the page shows it with textContent
    data = page.data()
    heads = {n["tip"][0][1] for n in data["nodes"]}
    assert XSS_NAME in heads and XSS_BODY in heads
    texts = [t for n in data["nodes"] + data["edges"] for _, t in n["tip"]]
    assert XSS_SENTENCE in texts and any(XSS_TITLE in t for t in texts)
    # only our own scripts are in the page: the JSON block, vis-network and the map script
    assert len(page.scripts) == 3


def test_ego_map_of_a_person_with_markup_in_the_name():
    m = maps.ego_map(xss_dataset(), XSS_NAME, radius=1)
    assert m.nodes >= 3 and "<img src=x" not in m.html


# -- node limit --------------------------------------------------------------------------------------
def test_node_limit_keeps_top_nodes_and_says_so(ds):
    G = entity_graph(ds)
    m = maps.whole_map(ds, node_limit=10)
    assert (m.nodes, m.total_nodes, m.truncated) == (10, G.number_of_nodes(), True)
    assert f"Showing the top 10 of {G.number_of_nodes()} nodes by degree" in m.html
    data = Page(m.html).data()
    kept = {n["id"] for n in data["nodes"]}
    deg = centrality(G, "degree")
    assert min(deg[n] for n in kept) >= max(deg[n] for n in set(G) - kept)
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])


def test_no_notice_under_the_limit(whole):
    assert not whole.truncated and 'id="gk-notice"' not in whole.html


def test_ego_map_keeps_its_centre_over_the_limit(ds):
    m = maps.ego_map(ds, "Lê Thị Thu Hồng", radius=3, node_limit=3)
    labels = [n["label"] for n in Page(m.html).data()["nodes"]]
    assert m.nodes == 3 and "Lê Thị Thu Hồng" in labels


@pytest.mark.parametrize("size_by", maps.SIZE_MEASURES)
def test_size_by_each_measure(ds, size_by):
    m = maps.whole_map(ds, size_by=size_by, node_limit=5)
    sizes = [n["size"] for n in Page(m.html).data()["nodes"]]
    assert m.nodes == 5 and all(10 <= s <= 36 for s in sizes)


# -- the other maps and errors -------------------------------------------------------------------
def test_diffusion_map_runs_left_to_right_by_date(ds):
    m = maps.diffusion_map(ds, "18-NQ/TW")
    nodes = {n["label"]: n for n in Page(m.html).data()["nodes"]}
    issuer = nodes["Ban Chấp hành\nTrung ương Đảng"]  # (a long label is wrapped)
    assert issuer["x"] < nodes["Nghị quyết 18-NQ/TW"]["x"] < nodes["Cao Bằng"]["x"] < nodes["Khánh Hòa"]["x"]
    assert "Diffusion of Nghị quyết 18-NQ/TW" in m.html


def test_date_range_narrows_the_map(ds):
    assert maps.whole_map(ds, date_from="2022-01-01").nodes < maps.whole_map(ds).nodes
    with pytest.raises(AnalysisError, match="nothing to draw"):
        maps.whole_map(ds, date_from="2030-01-01")


@pytest.mark.parametrize("kwargs, message", [
    ({"person": "Nobody Here"}, "no Person called 'Nobody Here'"),
    ({"directive": "99-XX/YY"}, "no directive with code"),
    ({"person": "Trương Thị Mai", "directive": "18-NQ/TW"}, "choose one of --person and --directive"),
    ({"size_by": "closeness"}, "cannot size nodes by 'closeness'"),
    ({"node_limit": 0}, "node limit 0"),
])
def test_map_errors(ds, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        maps.make_map(ds, **kwargs)


def test_write_is_utf8_and_atomic(whole, tmp_path):
    path = whole.write(tmp_path / "sub" / "map.html")
    assert path.read_text(encoding="utf-8") == whole.html
    assert [p.name for p in path.parent.iterdir()] == ["map.html"]
    with pytest.raises(OutputError, match=r"name the output file \*.html"):
        whole.write(tmp_path / "map.png")


def test_write_works_under_the_c_locale(tmp_path):
    out = tmp_path / "c.html"
    code = ("from graphkit import examples; from graphkit.viz import maps; "
            f"maps.whole_map(examples.dataset()).write({str(out)!r})")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8", "PYTHONIOENCODING"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0",  # really ASCII: no UTF-8 mode
               PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    assert "Trương Thị Mai" in out.read_text(encoding="utf-8")


def test_png_stats_tells_blank_from_drawn():
    from tests.viz.browser import png_stats
    import struct
    import zlib

    def png(rows):
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        raw = b"".join(b"\0" + bytes(r) for r in rows)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    blank = png_stats(png([[255] * 6, [255] * 6]))
    drawn = png_stats(png([[255] * 6, [0, 0, 0, 255, 0, 0]]))
    assert (blank["stdev"], blank["distinct"]) == (0, 1)
    assert drawn["stdev"] > 50 and drawn["width"] == 2


# -- selections and readable layouts -----------------------------------------------------------------
@pytest.mark.parametrize("kwargs, types, center", [
    ({"province": "Bắc Giang"}, None, "Bắc Giang"),
    ({"body": "Tỉnh ủy Bắc Giang", "radius": 2}, None, "Tỉnh ủy Bắc Giang"),
    ({"person": "Dương Văn Thái", "radius": 2, "types": "person,body"}, {"Person", "Organization"}, "Dương Văn Thái"),
    ({"types": ["meeting", "person"]}, {"Meeting", "Person"}, None),
])
def test_map_selections(ds, kwargs, types, center):
    m = maps.make_map(ds, **kwargs)
    data = Page(m.html).data()
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    if center:
        assert center in labels.values()
    if types:
        kinds = {n["tip"][1][1] for n in data["nodes"] if n["label"] != center}
        assert kinds <= types and kinds
    assert 1 < m.nodes < entity_graph(ds).number_of_nodes()


def test_top_keeps_connected_best_nodes_and_says_what_was_left_out(ds):
    m = maps.make_map(ds, top=6, size_by="degree")
    data = Page(m.html).data()
    ends = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    assert m.nodes <= 6 and {n["id"] for n in data["nodes"]} == ends  # nobody alone
    assert m.notice.startswith(f"Showing the top {m.nodes} of 54 nodes by degree; left out: ")
    assert "person" in m.notice and "Narrow the map" in m.notice


@pytest.mark.parametrize("kwargs, message", [
    ({"person": "Dương Văn Thái", "province": "Bắc Giang"}, "choose one of --person and --province"),
    ({"types": "people"}, "unknown node type 'people'"),
    ({"top": 0}, "--top 0: use 1 or more"),
    ({"province": "Bac Gang"}, "no Province called 'Bac Gang'"),
])
def test_selection_errors(ds, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        maps.make_map(ds, **kwargs)


def test_declutter_leaves_no_two_label_boxes_overlapping():
    import networkx as nx

    G = nx.gnm_random_graph(150, 220, seed=3)
    for n in G:
        G.nodes[n].update(label=f"Ủy ban nhân dân tỉnh số {n} của vùng", type="Organization")
    pos = maps.spring_positions(G)
    boxes = {n: maps.label_box(maps.wrap_label(G.nodes[n]["label"]), 12) for n in G}
    assert maps.overlaps(pos, boxes) > 0  # the spring layout alone overlaps
    out = maps.readable_layout(pos, boxes)
    assert maps.overlaps(out, boxes) == 0 and maps.fitted_scale(out, boxes) > 0.4


def test_diffusion_edges_are_labelled_in_vietnamese(ds):
    data = Page(maps.diffusion_map(ds, "18-NQ/TW").html).data()
    assert {e["label"] for e in data["edges"]} == {"ban hành", "thực hiện"}
