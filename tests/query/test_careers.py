"""Careers and who held a post, from tenures across articles (graph files and stores alike)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.extract.facts import ArticleFacts, Body, Evidence, Holding, Place, Post
from graphkit.ingest.article import Article
from graphkit.kg.build import article_quads
from graphkit.kg.store import GraphStore
from graphkit.query.careers import key, timeline, who_held

D = dt.date
HCM = Place("Thành phố Hồ Chí Minh")
BT = Post("Bí thư Thành ủy Thành phố Hồ Chí Minh", "Bí thư", Body("Thành ủy Thành phố Hồ Chí Minh", "Thành ủy", "province", HCM))
CT_MT = Post("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Chủ tịch",
             Body("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"))
UV = Post("Ủy viên Bộ Chính trị", "Ủy viên", Body("Bộ Chính trị", "Bộ Chính trị"))

# (id, date, [(person, post, status, start, end)])
ARTICLES = [
    ("a1", D(2016, 5, 10), [("Đinh La Thăng", BT, "current", None, None), ("Nguyễn Thiện Nhân", CT_MT, "current", None, None),
                            ("Đinh La Thăng", UV, "current", None, None), ("Nguyễn Thiện Nhân", UV, "current", None, None)]),
    ("a2", D(2017, 1, 20), [("Đinh La Thăng", BT, "current", None, None)]),
    ("a3", D(2017, 2, 7), [("Nguyễn Thiện Nhân", BT, "new", None, None), ("Đinh La Thăng", BT, "former", None, None),
                           ("Nguyễn Thiện Nhân", CT_MT, "former", None, D(2017, 2, 7))]),
    ("a4", D(2017, 9, 1), [("Nguyễn Thiện Nhân", BT, "current", None, None)]),
]


def facts(aid, day, holdings) -> ArticleFacts:
    f = ArticleFacts(Article(id=aid, text="…", source=f"test#{aid}", title=f"Bài {aid}", date=day))
    f.holdings = [Holding(p, post, st, Evidence(f"{p} {post.label}"), start=s, end=e) for p, post, st, s, e in holdings]
    return f


@pytest.fixture(params=["dataset", "store"])
def graph(request, tmp_path):
    quads = [q for a in ARTICLES for q in article_quads(facts(*a))]
    if request.param == "dataset":
        from rdflib import Dataset

        ds = Dataset()
        ds.addN(quads)
        yield ds
        return
    with GraphStore(tmp_path / "st", create=True) as s:
        for a in ARTICLES:
            s.put_quads(article_quads(facts(*a)))
    with GraphStore(tmp_path / "st", read_only=True) as s:
        yield s


def test_key_folds_accents_case_and_abbreviations():
    assert key("nguyen thien nhan") == key("Nguyễn Thiện Nhân")
    assert key("Bí thư Thành ủy TP.HCM") == key("bi thu thanh uy thanh pho ho chi minh")
    assert key("Hoà") == key("Hòa")


def test_timeline_orders_posts_with_first_last_seen_and_sources(graph):
    (c,) = timeline(graph, "nguyen thien nhan")
    assert c.name == "Nguyễn Thiện Nhân"
    spans = [(s.post_label, s.first_seen, s.last_seen, s.start, s.end) for s in c.spans]
    assert spans == [
        (UV.label, D(2016, 5, 10), D(2016, 5, 10), None, None),  # same start: the one known to end first
        (CT_MT.label, D(2016, 5, 10), D(2016, 5, 10), None, D(2017, 2, 7)),
        (BT.label, D(2017, 2, 7), D(2017, 9, 1), D(2017, 2, 7), None),
    ]
    bt = c.spans[-1]
    assert [(s.id, s.status, s.title) for s in bt.sources] == [("a3", "new", "Bài a3"), ("a4", "current", "Bài a4")]


def test_timeline_partial_name_and_unknown(graph):
    assert [c.name for c in timeline(graph, "Thiện Nhân")] == ["Nguyễn Thiện Nhân"]
    assert timeline(graph, "Nguyễn Văn Không") == []


def test_former_report_bounds_a_post(graph):
    (c,) = timeline(graph, "Đinh La Thăng")
    bt = next(s for s in c.spans if s.post_label == BT.label)
    assert (bt.first_seen, bt.last_seen, bt.former_on) == (D(2016, 5, 10), D(2017, 1, 20), D(2017, 2, 7))


def test_who_held_over_time(graph):
    rows = [(h.span.name, h.span.since, h.span.until) for h in who_held(graph, "Bí thư Thành ủy TP.HCM")]
    assert rows == [("Đinh La Thăng", D(2016, 5, 10), D(2017, 1, 20)), ("Nguyễn Thiện Nhân", D(2017, 2, 7), D(2017, 9, 1))]


@pytest.mark.parametrize("day, expected", [
    (D(2016, 1, 1), []),
    (D(2016, 12, 1), [("Đinh La Thăng", "seen")]),
    (D(2017, 2, 1), [("Đinh La Thăng", "assumed")]),  # last seen 20/1, reported former only on 7/2
    (D(2017, 2, 7), [("Nguyễn Thiện Nhân", "seen")]),
    (D(2017, 6, 1), [("Nguyễn Thiện Nhân", "seen")]),
    (D(2018, 6, 1), [("Nguyễn Thiện Nhân", "assumed")]),
])
def test_who_held_on_a_date(graph, day, expected):
    assert [(h.span.name, h.basis) for h in who_held(graph, "bi thu thanh uy thanh pho ho chi minh", on=day)] == expected


def test_who_held_shared_post_keeps_everyone(graph):
    got = sorted(h.span.name for h in who_held(graph, "Ủy viên Bộ Chính trị", on=D(2017, 6, 1)))
    assert got == ["Nguyễn Thiện Nhân", "Đinh La Thăng"]


def test_who_held_ended_post(graph):
    assert who_held(graph, CT_MT.label, on=D(2017, 3, 1)) == []
    assert [h.span.name for h in who_held(graph, CT_MT.label, on=D(2016, 6, 1))] == ["Nguyễn Thiện Nhân"]


def cli(*args):
    from graphkit.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def trig(tmp_path) -> Path:
    from rdflib import Dataset

    from graphkit.kg.serialize import write

    ds = Dataset()
    for a in ARTICLES:
        ds.addN(article_quads(facts(*a)))
    return write(ds, tmp_path / "g.trig")


def test_cli_timeline(trig):
    r = cli("timeline", trig, "nguyen thien nhan")
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith("Nguyễn Thiện Nhân  <https://w3id.org/graphkit/id/person/")
    assert "2017-02-07 … 2017-09-01" in r.output and "(start 2017-02-07)" in r.output
    assert "[a3] Bài a3" in r.output
    assert r.output.index(CT_MT.label) < r.output.index(BT.label)


def test_cli_who_held(trig, tmp_path):
    r = cli("who-held", trig, "Bí thư Thành ủy TP.HCM", "--on", "2017-06-01")
    assert r.exit_code == 0, r.output
    assert "Nguyễn Thiện Nhân" in r.output and "Đinh La Thăng" not in r.output
    r = cli("who-held", trig, "Bí thư Thành ủy TP.HCM")
    assert r.output.index("Đinh La Thăng") < r.output.index("Nguyễn Thiện Nhân")
    r = cli("who-held", trig, "Bí thư Tỉnh ủy Bắc Giang")
    assert r.exit_code == 1 and "no post matching" in r.output
    r = cli("who-held", trig, "Bí thư Thành ủy TP.HCM", "--on", "2017-13-01")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output
    r = cli("timeline", tmp_path / "nope", "X")
    assert r.exit_code == 2 and r.output.startswith("graphkit: ")
