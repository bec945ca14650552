"""Every shipped research question, asked of the seed graph, gives the rows the gold facts say.

The seed graph is built from graphkit/examples.py: the gold facts of the five seed articles
(../shared/gold/*.json, required plus a few optional ones). Each case names the question, its
parameters, the columns compared, and the expected rows in order; the comment says which gold facts
give them. Dates are the articles' publication dates; '' is an undated article (001 and 004 give no
date) or an unbound value.
"""
from __future__ import annotations

import datetime as dt

import pytest
from graphkit.cli import app
from tests import SEEDS

from graphkit.query import ask, open_graph, question, questions
from graphkit.query.results import display

A000, A001, A002, A003, A004 = ("000_d029c83ccb100c6a", "001_252ef32ffc55c670", "002_0cbc784d2eeb1141",
                                "003_c0083ec7d5ac5796", "004_cdc79ea698d122f2")
BTC = "Trưởng Ban Tổ chức Trung ương"
PHO_BTC = "Phó Trưởng Ban Tổ chức Trung ương"
MEETING_000 = "Hội nghị giao ban công tác tổ chức xây dựng Đảng 13 tỉnh khu vực miền núi, trung du phía Bắc năm 2022"
MEETING_001 = ("Hội nghị sơ kết 6 tháng đầu năm 2022 Cụm thi đua Ban Tổ chức các tỉnh ủy, thành ủy khu vực miền "
               "Trung – Tây Nguyên")
MEETING_003 = ("Hội nghị trực tuyến đánh giá công tác xây dựng Đảng, hệ thống chính trị và đội ngũ cán bộ "
               "6 tháng đầu năm 2020")

CASES = [
    # 003 (2020-07-01): Phạm Minh Chính is Trưởng Ban Tổ chức TW; 000 (2022-06-28): Trương Thị Mai is.
    ("post-holders", {"post": BTC}, ("post", "person", "firstSeen", "lastSeen", "reports"), [
        (BTC, "Phạm Minh Chính", "2020-07-01", "2020-07-01", "1"),
        (BTC, "Trương Thị Mai", "2022-06-28", "2022-06-28", "1"),
    ]),
    # the same post by one of its gold aliases, and without diacritics
    ("post-holders", {"post": "Trưởng ban Tổ chức Trung ương Đảng"}, ("person",), [("Phạm Minh Chính",), ("Trương Thị Mai",)]),
    ("post-holders", {"post": "truong ban to chuc trung uong"}, ("person",), [("Phạm Minh Chính",), ("Trương Thị Mai",)]),
    # 003: Lê Vĩnh Tân, Trần Văn Túy are deputies; 000: Nguyễn Quang Dương, Nguyễn Thị Thanh
    ("post-holders", {"post": PHO_BTC}, ("person", "firstSeen"), [
        ("Lê Vĩnh Tân", "2020-07-01"), ("Trần Văn Túy", "2020-07-01"),
        ("Nguyễn Quang Dương", "2022-06-28"), ("Nguyễn Thị Thanh", "2022-06-28"),
    ]),
    # every provincial Party secretary: Dương Văn Thái (000), Nguyễn Phi Long (004, undated)
    ("post-holders", {"post": "Bí thư Tỉnh ủy *"}, ("post", "person", "firstSeen"), [
        ("Bí thư Tỉnh ủy Bắc Giang", "Dương Văn Thái", "2022-06-28"),
        ("Bí thư Tỉnh ủy Hòa Bình", "Nguyễn Phi Long", ""),
    ]),
    # on 2021-01-01 the latest report is 003's (2020-07-01); on 2022-07-01 it is 000's
    ("post-holder-on", {"post": BTC, "date": "2021-01-01"}, ("person", "basis", "reportedOn", "article"), [
        ("Phạm Minh Chính", "latest report on or before the day", "2020-07-01", A003),
    ]),
    ("post-holder-on", {"post": BTC, "date": "1/7/2022"}, ("person", "reportedOn", "article"), [
        ("Trương Thị Mai", "2022-06-28", A000),
    ]),
    ("post-holder-on", {"post": BTC, "date": "2019-01-01"}, ("person",), []),
    # 000: three posts on 2022-06-28; 004 (undated, optional): Ủy viên Bộ Chính trị again, Đại biểu Quốc hội
    ("career", {"person": "Truong Thi Mai"}, ("person", "post", "firstSeen", "lastSeen", "reports"), [
        ("Trương Thị Mai", "Bí thư Trung ương Đảng", "2022-06-28", "2022-06-28", "1"),
        ("Trương Thị Mai", BTC, "2022-06-28", "2022-06-28", "1"),
        ("Trương Thị Mai", "Ủy viên Bộ Chính trị", "2022-06-28", "2022-06-28", "2"),
        ("Trương Thị Mai", "Đại biểu Quốc hội", "", "", "1"),
    ]),
    # 003 writes "Trần Văn Tuý" (old tone placement): every spelling finds him
    ("career", {"person": "Trần Văn Tuý"}, ("person", "post"), [
        ("Trần Văn Túy", PHO_BTC), ("Trần Văn Túy", "Trưởng Ban Công tác đại biểu"),
    ]),
    ("career", {"person": "TRAN VAN TUY"}, ("person",), [("Trần Văn Túy",), ("Trần Văn Túy",)]),
    # the posts of Ban Tổ chức Trung ương in 000 and 003
    ("body-posts", {"body": "Ban Tổ chức Trung ương"}, ("post", "person", "firstSeen"), [
        ("Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương", "Nguyễn Thanh Bình", "2020-07-01"),
        (PHO_BTC, "Lê Vĩnh Tân", "2020-07-01"), (PHO_BTC, "Trần Văn Túy", "2020-07-01"),
        (PHO_BTC, "Nguyễn Quang Dương", "2022-06-28"), (PHO_BTC, "Nguyễn Thị Thanh", "2022-06-28"),
        (BTC, "Phạm Minh Chính", "2020-07-01"), (BTC, "Trương Thị Mai", "2022-06-28"),
    ]),
    # 004: the provincial secretary, and a district's (Lương Sơn is in Hòa Bình)
    ("province-officials", {"province": "Hoa Binh"}, ("province", "person", "post"), [
        ("Hòa Bình", "Nguyễn Phi Long", "Bí thư Tỉnh ủy Hòa Bình"),
        ("Hòa Bình", "Nguyễn Đức Dũng", "Bí thư Huyện ủy Lương Sơn"),
    ]),
    ("province-officials", {"province": "Bắc Giang"}, ("person", "post", "firstSeen"), [
        ("Dương Văn Thái", "Bí thư Tỉnh ủy Bắc Giang", "2022-06-28"),
        ("Dương Văn Thái", "Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang", "2022-06-28"),
        ("Lê Thị Thu Hồng", "Phó Bí thư Thường trực Tỉnh ủy Bắc Giang", "2022-06-28"),
    ]),
    # 003: four co-chairs of the online conference
    ("meetings", {"person": "Pham Minh Chinh"}, ("date", "meeting", "role", "person", "article"), [
        ("2020-07-01", MEETING_003, "chair", n, A003)
        for n in ("Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính", "Trần Văn Túy")
    ]),
    # every meeting: dated ones first; chairs before attendees
    ("meetings", {}, ("date", "meeting", "role", "person", "partOf"), [
        *[("2020-07-01", MEETING_003, "chair", n, "")
          for n in ("Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính", "Trần Văn Túy")],
        ("2020-07-01", "Điểm cầu Nghệ An", "chair", "Hồ Phúc Hợp", MEETING_003),
        ("2022-06-28", MEETING_000, "chair", "Dương Văn Thái", ""),
        ("2022-06-28", MEETING_000, "chair", "Nguyễn Quang Dương", ""),
        ("2022-06-28", MEETING_000, "chair", "Trương Thị Mai", ""),
        ("2022-06-28", MEETING_000, "attendee", "Lê Thị Thu Hồng", ""),
        ("2022-06-28", MEETING_000, "attendee", "Nguyễn Thị Thanh", ""),
        ("", MEETING_001, "attendee", "Cao Hoàng Sơn", ""),
        ("", MEETING_001, "attendee", "Cao Thanh Hải", ""),
        ("", MEETING_001, "attendee", "Lê Văn Dũng", ""),
    ]),
    ("meetings", {"meeting": "diem cau *"}, ("meeting", "person", "partOf"), [
        ("Điểm cầu Nghệ An", "Hồ Phúc Hợp", MEETING_003),
    ]),
    # 000: Trương Thị Mai co-chairs with Nguyễn Quang Dương and Dương Văn Thái; Thanh and Hồng attend
    ("co-attendance", {"person": "Truong Thi Mai"}, ("person", "other", "meetings", "first", "last"), [
        ("Trương Thị Mai", n, "1", "2022-06-28", "2022-06-28")
        for n in ("Dương Văn Thái", "Lê Thị Thu Hồng", "Nguyễn Quang Dương", "Nguyễn Thị Thanh")
    ]),
    # 003: Hồ Phúc Hợp chairs the Nghệ An bridge point of the conference the four co-chair
    ("co-attendance", {"person": "Ho Phuc Hop"}, ("other", "meetings"), [
        (n, "1") for n in ("Lê Vĩnh Tân", "Nguyễn Thanh Bình", "Phạm Minh Chính", "Trần Văn Túy")
    ]),
    # 000 (optional): the region's provinces review Nghị quyết 18; 001 (optional): Politburo, Khánh Hòa
    ("directive-implementers", {"directive": "18-NQ/TW"}, ("directive", "actor", "actorType", "reportedOn", "article"), [
        ("18-NQ/TW", "Cao Bằng", "Province", "2022-06-28", A000),
        ("18-NQ/TW", "Hà Giang", "Province", "2022-06-28", A000),
        ("18-NQ/TW", "Điện Biên", "Province", "2022-06-28", A000),
        ("18-NQ/TW", "Bộ Chính trị", "Organization", "", A001),
        ("18-NQ/TW", "Khánh Hòa", "Province", "", A001),
    ]),
    # 002 (required): Bắc Kạn carries out Chỉ thị 05; 004 (optional): so does Hòa Bình
    ("directive-implementers", {"directive": "05-CT/TW"}, ("actor", "reportedOn", "article"), [
        ("Bắc Kạn", "2021-09-21", A002), ("Hòa Bình", "", A004),
    ]),
    # 003 (required): Nghệ An carries out Nghị quyết 26
    ("directive-implementers", {"directive": "26-nq/tw"}, ("actor", "reportedOn"), [("Nghệ An", "2020-07-01")]),
    # a code typed without Đ
    ("directive-implementers", {"directive": "50-QD/TW"}, ("directive", "actor"), [("50-QĐ/TW", "Bắc Giang")]),
    ("province-directives", {"province": "Nghệ An"}, ("directive", "documentType", "issuedBy", "firstReported", "reports"), [
        ("26-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2020-07-01", "1"),
        ("35-CT/TW", "Chỉ thị", "Bộ Chính trị", "2020-07-01", "1"),
    ]),
    ("province-directives", {"province": "Bac Kan"}, ("province", "directive", "firstReported"), [
        ("Bắc Kạn", "05-CT/TW", "2021-09-21"),
    ]),
    # 001: Kết luận 74-KL/TW reviews Nghị quyết 18, 19 and 39
    ("citation-chain", {"directive": "74-KL/TW"}, ("direction", "citing", "cited", "reports"), [
        ("cites", "74-KL/TW", "18-NQ/TW", "1"), ("cites", "74-KL/TW", "19-NQ/TW", "1"),
        ("cites", "74-KL/TW", "39-NQ/TW", "1"),
    ]),
    ("citation-chain", {"directive": "18-NQ/TW"}, ("direction", "citing", "cited"), [
        ("cited by", "74-KL/TW", "18-NQ/TW"),
    ]),
    # 000 (required): every holding of the article, with its sentence
    ("article-reports", {"article": A000}, ("person", "relation", "post"), [
        ("Dương Văn Thái", "holds", "Bí thư Tỉnh ủy Bắc Giang"),
        ("Dương Văn Thái", "holds", "Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang"),
        ("Dương Văn Thái", "holds", "Ủy viên Ban Chấp hành Trung ương Đảng"),
        ("Lê Thị Thu Hồng", "holds", "Phó Bí thư Thường trực Tỉnh ủy Bắc Giang"),
        ("Nguyễn Quang Dương", "holds", PHO_BTC),
        ("Nguyễn Quang Dương", "holds", "Ủy viên Ban Chấp hành Trung ương Đảng"),
        ("Nguyễn Thị Thanh", "holds", PHO_BTC),
        ("Nguyễn Thị Thanh", "holds", "Trưởng Ban Công tác đại biểu"),
        ("Nguyễn Thị Thanh", "holds", "Ủy viên Ban Chấp hành Trung ương Đảng"),
        ("Trương Thị Mai", "holds", "Bí thư Trung ương Đảng"),
        ("Trương Thị Mai", "holds", BTC),
        ("Trương Thị Mai", "holds", "Ủy viên Bộ Chính trị"),
    ]),
    ("article-reports", {"article": "001_*"}, ("person", "post"), [
        ("Cao Hoàng Sơn", "Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương"),
        ("Cao Thanh Hải", "Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam"),
        ("Cao Thanh Hải", "Tỉnh ủy viên Quảng Nam"),
        ("Lê Văn Dũng", "Phó Bí thư Thường trực Tỉnh ủy Quảng Nam"),
    ]),
    # 000 says Trương Thị Mai is Ủy viên Bộ Chính trị; so does 004 (optional, undated)
    ("who-says", {"person": "Trương Thị Mai", "post": "Ủy viên Bộ Chính trị"}, ("post", "reportedOn", "article", "title"), [
        ("Ủy viên Bộ Chính trị", "2022-06-28", A000,
         "Kịp thời đánh giá, nhân rộng cách làm hay trong công tác tổ chức xây dựng Đảng"),
        ("Ủy viên Bộ Chính trị", "", A004, A004),
    ]),
]


def _rows(result, columns):
    idx = [result.vars.index(c) for c in columns]
    return [tuple(display(row[i]) for i in idx) for row in result.rows]


@pytest.mark.parametrize("name, params, columns, expected", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_question_on_seeds(seed_graph, name, params, columns, expected):
    assert _rows(ask(seed_graph, name, **params), columns) == expected


def test_every_question_has_a_case():
    assert {c[0] for c in CASES} == set(questions())


def test_evidence_is_the_gold_sentence(seed_graph):
    r = ask(seed_graph, "who-says", person="Lê Thị Thu Hồng")
    assert r.column("evidence") == [
        "Cùng dự có các đồng chí: Nguyễn Thị Thanh, Ủy viên T.Ư Đảng, Trưởng Ban công tác đại biểu Quốc hội, "
        "Phó trưởng Ban Tổ chức T.Ư; Lê Thị Thu Hồng, Phó Bí thư Thường trực Tỉnh ủy Bắc Giang"]


# ── the headers ─────────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("name", sorted(questions()))
def test_header(name):
    q = question(name)
    assert q.title and q.description and q.example.startswith("--")
    assert q.params, "a research question takes at least one parameter"
    for p in q.params:
        assert p.help and p.type in ("name", "code", "date", "int", "text")
    # the example's values are accepted, and the rendered query has no $parameter left
    from graphkit.query.params import placeholders

    assert placeholders(q.render(q.example_values())) == []


def test_unknown_question_suggests():
    from graphkit.errors import QueryError

    with pytest.raises(QueryError, match="did you mean career"):
        question("carer")


def test_missing_and_unknown_parameters(seed_graph):
    from graphkit.errors import QueryError

    with pytest.raises(QueryError, match="career needs --person"):
        ask(seed_graph, "career")
    with pytest.raises(QueryError, match="has no parameter --persn"):
        ask(seed_graph, "career", persn="x")
    with pytest.raises(QueryError, match="not a date"):
        ask(seed_graph, "post-holder-on", post=BTC, date="yesterday")


def test_diacritics_typed_must_match(seed_graph):
    """Diacritics a user types count: 'Lê Văn Dung' is not 'Lê Văn Dũng'; 'Le Van Dung' finds him."""
    assert ask(seed_graph, "career", person="Lê Văn Dung").rows == []
    assert ask(seed_graph, "career", person="Le Van Dung").column("person") == ["Lê Văn Dũng"]


def test_parameters_cannot_inject(seed_graph):
    """A value is always one literal: quotes and braces in it cannot change the query."""
    import re

    from graphkit.query.engine import _blank

    evil = '") } } UNION { ?h ?p ?o } #'
    assert ask(seed_graph, "career", person=evil).rows == []

    def shape(value):  # the query with its strings blanked out: its structure
        return re.sub(r"\s+", " ", _blank(question("career").render({"person": value})))

    assert shape(evil) == shape("x")


# ── questions that need facts the seeds do not have ────────────────────────────────────────────
def _extra_article(aid, date, **kw):
    from graphkit.extract.facts import ArticleFacts
    from graphkit.ingest.article import Article

    return ArticleFacts(Article(aid, "", f"{aid}.txt", title=aid, date=date), **kw)


def test_co_attendance_is_weighted(seed_facts, seed_dataset):
    """A second meeting of Trương Thị Mai and Nguyễn Quang Dương makes him her first co-attendee."""
    from graphkit.extract.facts import Meeting

    ev = seed_facts.ev("Đồng chí Trương Thị Mai chủ trì, đồng chí Nguyễn Quang Dương dự")
    extra = _extra_article("x-meeting", dt.date(2023, 3, 1), meetings=[
        Meeting(0, "Hội nghị tổng kết", ev, chairs=[("Trương Thị Mai", ev)], attendees=[("Nguyễn Quang Dương", ev)])])
    g = open_graph(seed_dataset([extra]))
    r = ask(g, "co-attendance", person="Trương Thị Mai")
    assert _rows(r, ("other", "meetings", "first", "last"))[0] == ("Nguyễn Quang Dương", "2", "2022-06-28", "2023-03-01")


def test_post_holder_on_uses_start_and_end_dates(seed_facts, seed_dataset):
    """A tenure with a start date is in office from it; one that ended before the day is not."""
    from graphkit.extract.facts import Holding

    ev = seed_facts.ev("tân Trưởng Ban Tổ chức Trung ương")
    # 2023-06-01 reports Lê Minh Hưng as the new head since 2023-03-01, and Trương Thị Mai as former
    extra = _extra_article("x-new", dt.date(2023, 6, 1), holdings=[
        Holding("Lê Minh Hưng", seed_facts.TRUONG_BTCTW, "new", ev, start=dt.date(2023, 3, 1)),
        Holding("Trương Thị Mai", seed_facts.TRUONG_BTCTW, "former", ev, end=dt.date(2023, 2, 28)),
    ])
    g = open_graph(seed_dataset([extra]))
    cols = ("person", "basis", "reportedOn")
    # on 2023-04-01: Lê Minh Hưng from his start; Trương Thị Mai's tenure ended on 2023-02-28
    assert _rows(ask(g, "post-holder-on", post=BTC, date="2023-04-01"), cols) == [
        ("Lê Minh Hưng", "start date on or before the day", "2023-06-01")]
    assert _rows(ask(g, "post-holder-on", post=BTC, date="2022-12-31"), ("person",)) == [("Trương Thị Mai",)]
    holders = _rows(ask(g, "post-holders", post=BTC), ("person", "started", "ended", "formerBy"))
    assert ("Lê Minh Hưng", "2023-03-01", "", "") in holders
    assert ("Trương Thị Mai", "", "2023-02-28", "2023-06-01") in holders


def test_post_holders_and_timeline_agree_on_a_former_holder_of_an_undated_article(seed_facts, seed_dataset):
    """An undated article calling a holder former (nguyên): no day for formerBy, but post-holders counts
    the report, as timeline lists it (#17: formerBy was empty and nothing else said former)."""
    from graphkit.extract.facts import Holding
    from graphkit.query.careers import timeline

    ev = seed_facts.ev("nguyên Trưởng Ban Tổ chức Trung ương Lê Minh Hưng")
    extra = _extra_article("x-former-undated", None,
                           holdings=[Holding("Lê Minh Hưng", seed_facts.TRUONG_BTCTW, "former", ev)])
    g = open_graph(seed_dataset([extra]))
    rows = _rows(ask(g, "post-holders", post=BTC), ("person", "firstSeen", "formerBy", "formerReports", "reports"))
    assert ("Lê Minh Hưng", "", "", "1", "1") in rows
    assert ("Trương Thị Mai", "2022-06-28", "", "0", "1") in rows
    [career] = timeline(g, "Lê Minh Hưng")
    [span] = career.spans
    assert span.former_on is None and [s.status for s in span.sources] == ["former"]


def test_citation_chain_follows_links(seed_facts, seed_dataset):
    """Nghị quyết 18 ← Kết luận 74 ← a later document: both links, transitively."""
    from graphkit.extract.facts import Citation

    d74 = seed_facts.make_directive("74-KL/TW", "Kết luận", "Bộ Chính trị", issued_on="2020-05-22")
    d99 = seed_facts.make_directive("99-KL/TW", "Kết luận", "Bộ Chính trị")
    extra = _extra_article("x-cite", dt.date(2023, 1, 1), directives=[d99, d74],
                           citations=[Citation(d99, d74, seed_facts.ev("Kết luận 99-KL/TW về Kết luận 74-KL/TW"))])
    g = open_graph(seed_dataset([extra]))
    assert _rows(ask(g, "citation-chain", directive="18-NQ/TW"), ("direction", "citing", "cited")) == [
        ("cited by", "74-KL/TW", "18-NQ/TW"), ("cited by", "99-KL/TW", "74-KL/TW")]
    assert _rows(ask(g, "citation-chain", directive="99-KL/TW"), ("citing", "cited")) == [
        ("74-KL/TW", "18-NQ/TW"), ("74-KL/TW", "19-NQ/TW"), ("74-KL/TW", "39-NQ/TW"), ("99-KL/TW", "74-KL/TW")]


def test_questions_on_a_store_directory(tmp_path, seed_graph, seed_dataset):
    """A store directory (queried in place: the union of its graphs) gives the same rows as a file."""
    import pyoxigraph as ox

    from graphkit.query.engine import rdflib_quads

    store = ox.Store(str(tmp_path / "store"))
    store.extend(rdflib_quads(seed_dataset()))
    store.flush()
    del store
    for in_memory in (False, True):
        g = open_graph(tmp_path / "store", in_memory=in_memory)
        for name, q in questions().items():
            vals = q.example_values()
            assert ask(g, name, **vals).rows == ask(seed_graph, name, **vals).rows, (name, in_memory)


def test_seeds_through_the_pipeline():
    """The real extraction of seeds/ answers the questions as the gold facts do (where it finds them)."""
    from graphkit import build

    result = build([SEEDS])
    dataset = getattr(result, "dataset", result)
    g = open_graph(dataset)
    assert _rows(ask(g, "post-holders", post=BTC), ("person", "firstSeen")) == [
        ("Phạm Minh Chính", "2020-07-01"), ("Trương Thị Mai", "2022-06-28")]
    assert ("Bắc Kạn", "2021-09-21") in _rows(ask(g, "directive-implementers", directive="05-CT/TW"), ("actor", "reportedOn"))
    assert ("Nghệ An",) in _rows(ask(g, "directive-implementers", directive="26-NQ/TW"), ("actor",))
    chairs = _rows(ask(g, "meetings", person="Pham Minh Chinh"), ("role", "person"))
    assert {("chair", n) for n in ("Phạm Minh Chính", "Nguyễn Thanh Bình", "Lê Vĩnh Tân", "Trần Văn Túy")} <= set(chairs)
    assert {p for (p,) in _rows(ask(g, "career", person="Truong Thi Mai"), ("post",))} >= {
        "Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", BTC}


# ── the command line ────────────────────────────────────────────────────────────────────────────
def test_cli_ask(seed_trig):
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["ask", str(seed_trig), "career", "--person", "Truong Thi Mai", "--format", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "person,post,firstSeen,lastSeen,started,ended,formerBy,reports"
    assert lines[1] == "Trương Thị Mai,Bí thư Trung ương Đảng,2022-06-28,2022-06-28,,,,1"
    r = CliRunner().invoke(app, ["ask", str(seed_trig), "post-holder-on", f"--post={BTC}", "--date", "2021-01-01"],
                           env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "Phạm Minh Chính" in r.stdout and "Trương Thị Mai" not in r.stdout


def test_cli_ask_list_and_show_query():
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["ask", "--list"])
    assert r.exit_code == 0, r.output
    for name in questions():
        assert name in r.stdout
    r = CliRunner().invoke(app, ["ask", "--list", "career"])
    assert r.exit_code == 0 and "--person" in r.stdout
    r = CliRunner().invoke(app, ["ask", "--show-query", "career", "--person", "Trương Thị Mai"])
    assert r.exit_code == 0, r.output
    assert "$person" not in r.stdout and 'REGEX(?name, "^' in r.stdout


def test_cli_ask_errors(seed_trig):
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["ask", str(seed_trig), "career"])
    assert r.exit_code == 2 and "career needs --person" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(app, ["ask", str(seed_trig), "nope", "--x", "1"])
    assert r.exit_code == 2 and "no question called 'nope'" in r.output
    r = CliRunner().invoke(app, ["ask", str(seed_trig), "career", "Truong"])
    assert r.exit_code == 2 and "unexpected argument 'Truong'" in r.output
    r = CliRunner().invoke(app, ["ask", str(seed_trig)])
    assert r.exit_code == 2 and "give the graph and the question" in r.output


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """The question tests never open a socket to the outside."""
    import socket

    real = socket.socket.connect

    def guarded(self, address, *a, **k):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("/"):
            raise AssertionError(f"a test tried to reach {address}")
        return real(self, address, *a, **k)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield

