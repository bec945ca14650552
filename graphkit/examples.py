"""A small example graph for the docs and doctests (like ``networkx.karate_club_graph``).

Five articles, modelled on the gold annotations of the seeds and built with the real
:func:`graphkit.kg.build.to_dataset`: a conference of the Central Organisation Commission in
Bắc Giang (2022-06-28), an online conference with a Nghệ An bridge point (2020-07-01), Bắc
Kạn implementing Chỉ thị 05 (2021-09-21), a review of Nghị quyết 18 (2022-03-10) that cites
other resolutions, and one undated article.

>>> ds = dataset()
>>> len(list(ds.graphs())) >= 5
True
>>> iri("person", "Trương Thị Mai")
'https://w3id.org/graphkit/id/person/truong-thi-mai-05126b'
"""
from __future__ import annotations

import datetime as _dt

#: (system, issuer code, type code, doc type, issuer body) of the directive codes used below
_CODES = {
    "06-KL/BTCTW": ("party", "BTCTW", "KL", "Kết luận", "Ban Tổ chức Trung ương", _dt.date(2022, 1, 20), None),
    "18-NQ/TW": ("party", "TW", "NQ", "Nghị quyết", "Ban Chấp hành Trung ương", _dt.date(2017, 10, 25), "XII"),
    "19-NQ/TW": ("party", "TW", "NQ", "Nghị quyết", "Ban Chấp hành Trung ương", None, "XII"),
    "26-NQ/TW": ("party", "TW", "NQ", "Nghị quyết", "Ban Chấp hành Trung ương", None, "XII"),
    "35-CT/TW": ("party", "TW", "CT", "Chỉ thị", "Bộ Chính trị", None, None),
    "05-CT/TW": ("party", "TW", "CT", "Chỉ thị", "Bộ Chính trị", None, None),
    "74-KL/TW": ("party", "TW", "KL", "Kết luận", "Bộ Chính trị", _dt.date(2020, 5, 22), None),
}


def directive(code: str):
    """The :class:`~graphkit.extract.facts.Directive` for one of the example codes."""
    from graphkit.extract.facts import Directive

    system, issuer_code, type_code, doc_type, issuer, issued_on, term = _CODES[code]
    return Directive(code=code, doc_type=doc_type, number=code.split("-")[0], type_code=type_code,
                     issuer_code=issuer_code, system=system, issuer=issuer, issued_on=issued_on, term=term)


def iri(kind: str, name: str) -> str:
    """The IRI of an example node: ``iri("person", "Trương Thị Mai")``, ``iri("directive", "18-NQ/TW")``,
    ``iri("province", "Bắc Giang")``, ``iri("org", "Bộ Chính trị")``."""
    from graphkit.kg import ids

    if kind == "person":
        return ids.person_iri(name)
    if kind == "province":
        return ids.province_iri(name)
    if kind == "org":
        return ids.org_iri(name)
    if kind == "article":
        return ids.article_iri(name)
    if kind == "directive":
        d = directive(name)
        return ids.directive_iri(d.system, d.issuer_code, d.type_code, d.number, term=d.term, year=d.year)
    raise ValueError(f"unknown kind {kind!r}")


def facts() -> list:
    """The example articles as :class:`~graphkit.extract.facts.ArticleFacts`."""
    from graphkit.extract.facts import (ArticleFacts, Body, Citation, Evidence, Holding, Implementation, Meeting,
                                        Mention, Place, Post)
    from graphkit.ingest.article import Article

    bg, na, bk = Place("Bắc Giang"), Place("Nghệ An"), Place("Bắc Kạn")
    bct = Body("Bộ Chính trị", "Bộ Chính trị")
    bchtw = Body("Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương")
    btctw = Body("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương")
    tu_bg = Body("Tỉnh ủy Bắc Giang", "Tỉnh ủy", "province", bg)
    tu_na = Body("Tỉnh ủy Nghệ An", "Tỉnh ủy", "province", na)

    def post(label, role, body):
        return Post(label, role, body)

    uv_bct = post("Ủy viên Bộ Chính trị", "Ủy viên", bct)
    uv_tw = post("Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên", bchtw)
    truong_btc = post("Trưởng Ban Tổ chức Trung ương", "Trưởng Ban", btctw)
    pho_btc = post("Phó Trưởng Ban Tổ chức Trung ương", "Phó Trưởng Ban", btctw)
    bt_bg = post("Bí thư Tỉnh ủy Bắc Giang", "Bí thư", tu_bg)
    pbt_bg = post("Phó Bí thư Thường trực Tỉnh ủy Bắc Giang", "Phó Bí thư Thường trực", tu_bg)
    bt_na = post("Bí thư Tỉnh ủy Nghệ An", "Bí thư", tu_na)

    # 1. Bắc Giang, 2022-06-28
    s1 = Evidence("Các đồng chí: Trương Thị Mai, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương; Nguyễn Quang "
                  "Dương, Phó trưởng Ban Tổ chức Trung ương; Dương Văn Thái, Bí thư Tỉnh ủy Bắc Giang đồng chủ trì.")
    s2 = Evidence("Cùng dự có các đồng chí: Nguyễn Thị Thanh, Ủy viên Trung ương Đảng, Phó trưởng Ban Tổ chức "
                  "Trung ương; Lê Thị Thu Hồng, Phó Bí thư Thường trực Tỉnh ủy Bắc Giang.")
    s3 = Evidence("Bắc Giang đã thực hiện tốt Kết luận số 06-KL/BTCTW của Ban Tổ chức Trung ương.")
    a1 = Article("bg-2022-06-28", "", "example", title="Kịp thời đánh giá, nhân rộng cách làm hay trong công tác "
                 "tổ chức xây dựng Đảng", date=_dt.date(2022, 6, 28))
    m1 = Meeting(0, "Giao ban công tác tổ chức xây dựng Đảng 13 tỉnh khu vực miền núi, trung du phía Bắc", s1,
                 date=_dt.date(2022, 6, 28), location="Bắc Giang", organizer=btctw,
                 chairs=[("Trương Thị Mai", s1), ("Nguyễn Quang Dương", s1), ("Dương Văn Thái", s1)],
                 attendees=[("Nguyễn Thị Thanh", s2), ("Lê Thị Thu Hồng", s2)])
    f1 = ArticleFacts(
        a1,
        persons=[Mention(n, (n,), s1) for n in ("Trương Thị Mai", "Nguyễn Quang Dương", "Dương Văn Thái")]
        + [Mention(n, (n,), s2) for n in ("Nguyễn Thị Thanh", "Lê Thị Thu Hồng")],
        holdings=[Holding("Trương Thị Mai", uv_bct, evidence=s1), Holding("Trương Thị Mai", truong_btc, evidence=s1),
                  Holding("Nguyễn Quang Dương", pho_btc, evidence=s1), Holding("Dương Văn Thái", bt_bg, evidence=s1),
                  Holding("Nguyễn Thị Thanh", uv_tw, evidence=s2), Holding("Nguyễn Thị Thanh", pho_btc, evidence=s2),
                  Holding("Lê Thị Thu Hồng", pbt_bg, evidence=s2)],
        directives=[directive("06-KL/BTCTW")],
        meetings=[m1],
        implementations=[Implementation(bg, directive("06-KL/BTCTW"), s3)],
        provinces=[(bg, s1)], main_province="Bắc Giang",
    )

    # 2. online conference with a Nghệ An bridge point, 2020-07-01
    t1 = Evidence("Đồng chí Phạm Minh Chính, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương chủ trì hội nghị; "
                  "cùng chủ trì có các đồng chí Nguyễn Thanh Bình, Phó Trưởng Ban Tổ chức Trung ương.")
    t2 = Evidence("Tại điểm cầu Nghệ An, đồng chí Hồ Phúc Hợp, Bí thư Tỉnh ủy Nghệ An chủ trì.")
    t3 = Evidence("Hội nghị ghi nhận Nghệ An trong việc thực hiện Nghị quyết 26 tại Hội nghị Trung ương 7 (khóa XII).")
    a2 = Article("btc-2020-07-01", "", "example", title="Đánh giá công tác xây dựng Đảng 6 tháng đầu năm 2020",
                 date=_dt.date(2020, 7, 1))
    m2 = Meeting(0, "Hội nghị trực tuyến đánh giá công tác xây dựng Đảng 6 tháng đầu năm 2020", t1,
                 date=_dt.date(2020, 7, 1), organizer=btctw,
                 chairs=[("Phạm Minh Chính", t1), ("Nguyễn Thanh Bình", t1)])
    m3 = Meeting(1, "Điểm cầu Nghệ An", t2, date=_dt.date(2020, 7, 1), location="Nghệ An", parent=0,
                 chairs=[("Hồ Phúc Hợp", t2)])
    f2 = ArticleFacts(
        a2,
        persons=[Mention("Phạm Minh Chính", ("Phạm Minh Chính",), t1), Mention("Nguyễn Thanh Bình", ("Nguyễn Thanh Bình",), t1),
                 Mention("Hồ Phúc Hợp", ("Hồ Phúc Hợp",), t2)],
        holdings=[Holding("Phạm Minh Chính", uv_bct, evidence=t1), Holding("Phạm Minh Chính", truong_btc, evidence=t1),
                  Holding("Nguyễn Thanh Bình", pho_btc, evidence=t1), Holding("Hồ Phúc Hợp", bt_na, evidence=t2)],
        directives=[directive("26-NQ/TW"), directive("35-CT/TW")],
        meetings=[m2, m3],
        implementations=[Implementation(na, directive("26-NQ/TW"), t3)],
        provinces=[(na, t2)],
    )

    # 3. Bắc Kạn, 2021-09-21
    u1 = Evidence("Bắc Kạn thực hiện nghiêm túc Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị số 05-CT/TW "
                  "của Bộ Chính trị.")
    a3 = Article("bk-2021-09-21", "", "example", title="Bắc Kạn đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh", date=_dt.date(2021, 9, 21))
    f3 = ArticleFacts(a3, directives=[directive("05-CT/TW")], implementations=[Implementation(bk, directive("05-CT/TW"), u1)],
                      provinces=[(bk, u1)])

    # 4. review of Nghị quyết 18, 2022-03-10: citations and implementation
    v1 = Evidence("Kết luận 74-KL/TW của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 18-NQ/TW, Nghị quyết số "
                  "19-NQ/TW.")
    v2 = Evidence("Nghệ An và Bắc Giang đã sơ kết việc thực hiện Nghị quyết 18-NQ/TW về sắp xếp tổ chức bộ máy.")
    a4 = Article("nq18-2022-03-10", "", "example", title="Sơ kết 5 năm thực hiện Nghị quyết 18-NQ/TW",
                 date=_dt.date(2022, 3, 10))
    f4 = ArticleFacts(
        a4,
        directives=[directive("74-KL/TW"), directive("18-NQ/TW"), directive("19-NQ/TW")],
        citations=[Citation(directive("74-KL/TW"), directive("18-NQ/TW"), v1),
                   Citation(directive("74-KL/TW"), directive("19-NQ/TW"), v1)],
        implementations=[Implementation(na, directive("18-NQ/TW"), v2), Implementation(bg, directive("18-NQ/TW"), v2)],
        provinces=[(na, v2), (bg, v2)],
    )

    # 5. undated: a holding known from a page without a date
    w1 = Evidence("Đồng chí Nguyễn Thanh Bình, Phó Trưởng Ban Tổ chức Trung ương phát biểu.")
    a5 = Article("undated-1", "", "example", title="Bồi dưỡng cán bộ trẻ")
    f5 = ArticleFacts(a5, persons=[Mention("Nguyễn Thanh Bình", ("Nguyễn Thanh Bình",), w1)],
                      holdings=[Holding("Nguyễn Thanh Bình", pho_btc, evidence=w1)])
    return [f1, f2, f3, f4, f5]


def dataset():
    """The example articles as an rdflib ``Dataset`` (one named graph per article)."""
    from graphkit.kg.build import to_dataset

    return to_dataset(facts())
