"""graphkit.query.checks on small graphs written fact by fact: each suspicious pattern is counted, and the
same facts without the pattern are not."""
from __future__ import annotations

import datetime as dt

import pytest

from graphkit.extract.facts import (ArticleFacts, Body, Directive, Evidence, Holding, Implementation, Mention,
                                    Place, Post)
from graphkit.ingest.article import Article

HUE = Place("Thừa Thiên Huế")
NINH_BINH = Place("Ninh Bình")
UBND_HUE = Body("Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Ủy ban nhân dân", "province", HUE)
UBND_NB = Body("Ủy ban nhân dân tỉnh Ninh Bình", "Ủy ban nhân dân", "province", NINH_BINH)
CHAIR_HUE = Post("Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Chủ tịch", UBND_HUE)
VICE_HUE = Post("Phó Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Phó Chủ tịch", UBND_HUE)
CHAIR_NB = Post("Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình", "Chủ tịch", UBND_NB)
NHNN = Body("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam")
GOVERNOR = Post("Thống đốc Ngân hàng Nhà nước Việt Nam", "Thống đốc", NHNN)
CP = "Chính phủ"


def _article(n: int, holdings=(), implementations=(), directives=()) -> ArticleFacts:
    facts = ArticleFacts(Article(f"check-{n}", "", f"check-{n}.txt", title="t", date=dt.date(2017, 3, n)))
    facts.holdings = list(holdings)
    names = sorted({h.person for h in holdings})
    facts.persons = [Mention(name, (name,), Evidence(name)) for name in names]
    facts.directives = list(directives)
    facts.implementations = list(implementations)
    return facts


def _hold(person: str, post: Post, sentence: str, status: str = "current") -> Holding:
    return Holding(person, post, status, Evidence(sentence, 0, len(sentence)))


def _directive(code: str, number: str, type_code: str, issuer_code: str, issuer: str | None,
               year: int | None = 2017) -> Directive:
    return Directive(code=code, doc_type="Nghị quyết", number=number, type_code=type_code, issuer_code=issuer_code,
                     system="state", issuer=issuer, year=year, evidence=Evidence(code), surface=code)


def _run(*articles):
    from graphkit.kg.build import to_dataset
    from graphkit.query.checks import run_checks

    return {r.name: r for r in run_checks(to_dataset(articles))}


def test_a_clean_graph_counts_nothing():
    clean = _article(1, [_hold("Phan Ngọc Thọ", CHAIR_HUE, "Ông Phan Ngọc Thọ, Chủ tịch UBND tỉnh Thừa Thiên Huế cho biết."),
                         _hold("Nguyễn Văn Phương", VICE_HUE, "Phó Chủ tịch UBND tỉnh Nguyễn Văn Phương dự."),
                         _hold("Nguyễn Văn Cao", CHAIR_HUE, "Nguyễn Văn Cao, nguyên Chủ tịch UBND tỉnh.", "former")])
    results = _run(clean)
    assert {name: r.count for name, r in results.items()} == dict.fromkeys(results, 0)


def test_crowded_single_seat_post():
    a = _article(1, [_hold("Phan Ngọc Thọ", CHAIR_HUE, "Chủ tịch UBND tỉnh Thừa Thiên Huế Phan Ngọc Thọ phát biểu.")])
    b = _article(2, [_hold("Lê Viết Phước", CHAIR_HUE, "Theo ông Lê Viết Phước, Chủ tịch UBND X.Phong Chương, đê vỡ."),
                     # deputies are several at once: never counted
                     _hold("Nguyễn Dung", VICE_HUE, "Phó Chủ tịch UBND tỉnh Nguyễn Dung dự."),
                     _hold("Phan Thiên Định", VICE_HUE, "Phó Chủ tịch UBND tỉnh Phan Thiên Định dự.")])
    r = _run(a, b)["crowded-posts"]
    assert r.count == 1
    assert r.examples == ["Chủ tịch Ủy ban nhân dân tỉnh Thừa Thiên Huế: Lê Viết Phước, Phan Ngọc Thọ"]


@pytest.mark.parametrize("sentence, climbed", [
    ("Theo ông Lê Viết Phước, Chủ tịch UBND X.Phong Chương, triều cường làm vỡ đê.", True),
    ("Ông Lê Viết Phước, Chủ tịch UBND H.Phong Điền cho biết, toàn huyện có gần 1.000 ha lúa bị ngập.", True),
    ("Chủ tịch UBND huyện Phong Điền Lê Viết Phước cho biết lúa bị ngập.", True),
    ("Bà Lê Viết Phước, Chủ tịch UBND Q. Ngũ Hành Sơn cho biết…", True),
    ("Ông Lê Viết Phước, Chủ tịch UBND TX Hương Thủy, cho biết.", True),
    ("Ông Lê Viết Phước, Chủ tịch UBND TP.Hạ Long cho biết.", True),
    # the province's own chairman, whatever else the sentence says of other people's posts
    ("Chủ tịch UBND tỉnh Lê Viết Phước yêu cầu Chủ tịch UBND TP Huế báo cáo.", False),
    ("Ông Lê Viết Phước, Chủ tịch UBND tỉnh Thừa Thiên Huế, cho biết.", False),
    ("Chủ tịch UBND TP Lê Viết Phước cho biết.", False),
])
def test_climbed_posts(sentence, climbed):
    r = _run(_article(1, [_hold("Lê Viết Phước", CHAIR_HUE, sentence)]))["climbed-posts"]
    assert r.count == int(climbed)


def test_one_person_in_several_provinces():
    a = _article(1, [_hold("Đinh Văn Điến", CHAIR_NB, "Chủ tịch UBND tỉnh Ninh Bình Đinh Văn Điến dự."),
                     _hold("Đinh Văn Điến", VICE_HUE, "Phó Chủ tịch UBND tỉnh Thừa Thiên Huế Đinh Văn Điến dự.")])
    r = _run(a)["several-provinces"]
    assert (r.count, r.examples) == (1, ["Đinh Văn Điến: Ninh Bình, Thừa Thiên Huế"])


@pytest.mark.parametrize("name, sentence, foreign", [
    ("Chu Tiểu Xuyên", "Thống đốc Ngân hàng Nhân dân Trung Quốc Chu Tiểu Xuyên cho biết.", True),
    ("Janet Yellen", "Thống đốc Janet Yellen cho biết.", True),
    ("Lê Minh Hưng", "Thống đốc Ngân hàng Nhà nước Việt Nam Lê Minh Hưng cho biết.", False),
    # a Vietnamese name that holds a country's name inside it ('Anh', 'Đức') is not foreign
    ("Nguyễn Đức Anh", "Thống đốc Nguyễn Đức Anh tiếp Đại sứ Nhật Bản.", False),
    # a place whose name ends with a country's, and 'Anh' the form of address (corpus checks on all 35,432)
    ("Hoàng Hải Đăng", "Chánh Văn phòng UBND huyện Đông Anh Hoàng Hải Đăng cho biết.", False),
    ("Lê Quốc Phong", "Anh Lê Quốc Phong, Bí thư thứ nhất Trung ương Đoàn, phát biểu.", False),
    ("Lâu Kế Vỹ", "Bộ trưởng Tài chính Trung Quốc Lâu Kế Vỹ cho biết.", True),
    # the country of a Vietnamese post abroad or of a bilateral body, not the person's (corpus checks on all 35,432)
    ("Nguyễn Thanh Sơn", "Về phía Việt Nam có Đại sứ Việt Nam tại Liên bang Nga Nguyễn Thanh Sơn và các cán bộ, nhân "
     "viên, thành viên gia đình Đại sứ quán cùng dự.", False),  # 22636702
    ("Nguyễn Bá Hùng", "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng đã đến dự.", False),
    ("Trương Thị Mai", "Chủ tịch Hội Hữu nghị Việt Nam - Cuba Trương Thị Mai phát biểu.", False),
])
def test_foreign_holders(name, sentence, foreign):
    r = _run(_article(1, [_hold(name, GOVERNOR, sentence)]))["foreign-holders"]
    assert r.count == int(foreign)


@pytest.mark.parametrize("post, foreign", [
    # a post of a Vietnamese body whose name holds a country's as a syllable ('Lào' of 'Lào Cai') is checked
    (Post("Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", "Chủ tịch",
          Body("Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân", "province", Place("Lào Cai"))), True),
    # a post of a foreign body is the person's own (extract.posts.foreign_post)
    (Post("Thống đốc Ngân hàng Nhân dân Trung Quốc", "Thống đốc",
          Body("Ngân hàng Nhân dân Trung Quốc", "Ngân hàng Nhân dân Trung Quốc")), False),
])
def test_foreign_holders_of_posts_named_like_countries(post, foreign):
    r = _run(_article(1, [_hold("Janet Yellen", post, "Janet Yellen cho biết.")]))["foreign-holders"]
    assert r.count == int(foreign)


def test_self_implementation_and_code_spellings():
    d64 = _directive("64/NQ-CP", "64", "NQ", "CP", CP)
    d58a = _directive("58/2016/QĐ-TTg", "58", "QĐ", "TTg", None)
    d58b = _directive("58/2016/QĐ-Ttg", "58", "QĐ", "Ttg", None, year=None)  # another node: its year not read
    gov = Body(CP, CP)
    a = _article(1, directives=[d64, d58a, d58b],
                 implementations=[Implementation(gov, d64, Evidence("Chính phủ thực hiện Nghị quyết 64/NQ-CP."))])
    results = _run(a)
    assert (results["self-implementation"].count, results["self-implementation"].examples) == (1, ["Chính phủ — 64/NQ-CP"])
    assert (results["code-spellings"].count, results["code-spellings"].examples) == (1, ["58/2016/QĐ-TTg / 58/2016/QĐ-Ttg"])


def test_two_spellings_of_one_node_are_one_document():
    """'19-2017/NQ-CP' and '19/2017/NQ-CP' (as articles write it) name one node: no split document."""
    a = _article(1, directives=[_directive("19-2017/NQ-CP", "19", "NQ", "CP", CP)])
    b = _article(2, directives=[_directive("19/2017/NQ-CP", "19", "NQ", "CP", CP)])
    assert _run(a, b)["code-spellings"].count == 0


def test_checks_run_on_a_store(tmp_path):
    """The same counts from a store directory as from the graph in memory."""
    from graphkit.kg.build import to_dataset
    from graphkit.kg.store import GraphStore, ntriples
    from graphkit.query.checks import run_checks

    a = _article(1, [_hold("Lê Viết Phước", CHAIR_HUE, "Ông Lê Viết Phước, Chủ tịch UBND H.Phong Điền cho biết."),
                     _hold("Phan Ngọc Thọ", CHAIR_HUE, "Chủ tịch UBND tỉnh Phan Ngọc Thọ dự.")])
    ds = to_dataset([a])
    by_graph: dict = {}
    for q in ds.quads((None, None, None, None)):
        by_graph.setdefault(str(q[3]), []).append(q)
    with GraphStore(tmp_path / "store", create=True) as store:
        store.put_graphs([(g, ntriples(qs)) for g, qs in sorted(by_graph.items())])
    on_disk = {r.name: (r.count, r.examples) for r in run_checks(tmp_path / "store")}
    in_memory = {r.name: (r.count, r.examples) for r in run_checks(ds)}
    assert on_disk == in_memory
    assert on_disk["crowded-posts"][0] == on_disk["climbed-posts"][0] == 1
