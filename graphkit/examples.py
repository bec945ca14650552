"""The example graph of the docs, the doctests and the tests (like ``networkx.karate_club_graph``): the facts of
the five seed articles (``seeds/``), written by hand from their gold annotations — what a perfect extraction of
``seeds/`` gives, whatever the state of the extractors.

Every fact comes from the gold annotations of the seeds (the project's ``../shared/gold/<article>.json``): the
``required`` facts, plus a few ``optional`` ones (marked ``# optional``) so that every research question has
something to find (bodies implementing a directive, a person reported by two articles). The citations of Kết luận
74-KL/TW come from the sentence of seed 001 quoted below (the gold format has no citations). Labels are canonical as
the ontology contract says (NFC, modern tones, abbreviations expanded); the spellings seen in the text are the
persons' ``surfaces``. It depends on nothing but :mod:`graphkit.extract.facts` (and :mod:`graphkit.kg` to make the
graph).

The articles: a conference of the Central Organisation Commission in Bắc Giang (000, 2022-06-28); the mid-year
review of the organisation commissions of the Central and Central Highlands provinces in Quảng Nam (001, undated),
citing Kết luận 74-KL/TW; Bắc Kạn implementing Chỉ thị 05 (002, 2021-09-21); an online conference with a Nghệ An
bridge point (003, 2020-07-01); Hòa Bình and its Lương Sơn district (004, undated).

>>> ds = dataset()
>>> len(list(ds.graphs())) >= 5
True
>>> iri("person", "Trương Thị Mai")
'https://w3id.org/graphkit/id/person/truong-thi-mai-05126b'
"""
from __future__ import annotations

import datetime as dt

from graphkit.extract.facts import (
    ArticleFacts,
    Body,
    Citation,
    Directive,
    Evidence,
    Holding,
    Implementation,
    Meeting,
    Mention,
    Place,
    Post,
)
from graphkit.ingest.article import Article

A000, A001, A002, A003, A004 = (
    "000_d029c83ccb100c6a",
    "001_252ef32ffc55c670",
    "002_0cbc784d2eeb1141",
    "003_c0083ec7d5ac5796",
    "004_cdc79ea698d122f2",
)


def ev(sentence: str) -> Evidence:
    return Evidence(sentence, 0, len(sentence))


def province(name: str) -> Place:
    return Place(name)


def body(label: str, canonical: str | None = None, place: Place | None = None) -> Body:
    level = "central" if place is None else place.level
    return Body(label, canonical or label, level, place)


def local_body(canonical: str, place: Place, *, typed: bool = False) -> Body:
    """``Tỉnh ủy Bắc Giang`` (bare) or ``Ủy ban nhân dân tỉnh Bắc Giang`` (typed)."""
    where = f"{place.kind or 'tỉnh'} {place.name}" if typed else place.name
    return Body(f"{canonical} {where}", canonical, place.level, place)


def post(label: str, role: str, of: Body | None = None, *variants: str) -> Post:
    return Post(label, role, of, tuple(variants))


def make_directive(code: str, doc_type: str, issuer: str | None, *, issued_on: str | None = None,
                   term: str | None = None) -> Directive:
    """A Party directive of ``code`` ('18-NQ/TW'), its evidence the code written after its type."""
    number, rest = code.split("-", 1)
    type_code, issuer_code = rest.split("/", 1)
    return Directive(
        code=code, doc_type=doc_type, number=number, type_code=type_code, issuer_code=issuer_code,
        system="party", issuer=issuer, term=term,
        issued_on=dt.date.fromisoformat(issued_on) if issued_on else None,
        evidence=ev(f"{doc_type} số {code}"), surface=code,
    )


def mentions(*names: str, surfaces: dict[str, tuple[str, ...]] | None = None) -> list[Mention]:
    surfaces = surfaces or {}
    return [Mention(n, surfaces.get(n, (n,)), ev(n)) for n in names]


# ── bodies, places and posts shared by several articles ─────────────────────────────────────────
BAC_GIANG, QUANG_NAM, NGHE_AN, HOA_BINH, BAC_KAN = (
    province("Bắc Giang"), province("Quảng Nam"), province("Nghệ An"), province("Hòa Bình"), province("Bắc Kạn"))
CAO_BANG, DIEN_BIEN, HA_GIANG, KHANH_HOA, HA_NOI = (
    province("Cao Bằng"), province("Điện Biên"), province("Hà Giang"), province("Khánh Hòa"), province("Hà Nội"))
LUONG_SON = Place("Lương Sơn", level="district", province="Hòa Bình", kind="huyện")

BCT = body("Bộ Chính trị")
BBT = body("Ban Bí thư")
BCHTW = body("Ban Chấp hành Trung ương Đảng")
BTCTW = body("Ban Tổ chức Trung ương")
BCTDB = body("Ban Công tác đại biểu")
BNV = body("Bộ Nội vụ")
QH = body("Quốc hội")

UV_BCT = post("Ủy viên Bộ Chính trị", "Ủy viên", BCT)
BT_TW = post("Bí thư Trung ương Đảng", "Bí thư Trung ương Đảng", BBT, "Bí thư Trung ương")
UV_TW = post("Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên", BCHTW,
             "Ủy viên Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương")
TRUONG_BTCTW = post("Trưởng Ban Tổ chức Trung ương", "Trưởng", BTCTW,
                    "Trưởng ban Tổ chức Trung ương", "Trưởng Ban Tổ chức Trung ương Đảng")
PHO_BTCTW = post("Phó Trưởng Ban Tổ chức Trung ương", "Phó Trưởng", BTCTW,
                 "Phó trưởng Ban Tổ chức Trung ương", "Phó Trưởng ban Tổ chức Trung ương",
                 "Phó Trưởng Ban Tổ chức Trung ương Đảng")
TRUONG_BCTDB = post("Trưởng Ban Công tác đại biểu", "Trưởng", BCTDB,
                    "Trưởng Ban công tác đại biểu Quốc hội", "Trưởng Ban Công tác đại biểu Quốc hội")

D06_KL_BTCTW = make_directive("06-KL/BTCTW", "Kết luận", "Ban Tổ chức Trung ương", issued_on="2022-01-20")
D18_NQ_TW = make_directive("18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", term="XII")
D50_QD_TW = make_directive("50-QĐ/TW", "Quy định", "Bộ Chính trị")


def seed_000() -> ArticleFacts:
    art = Article(A000, "", f"seeds/{A000}.txt",
                  title="Kịp thời đánh giá, nhân rộng cách làm hay trong công tác tổ chức xây dựng Đảng",
                  date=dt.date(2022, 6, 28))
    intro = ev("Các đồng chí: Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; "
               "Nguyễn Quang Dương, Ủy viên T.Ư Đảng, Phó trưởng Ban Tổ chức T.Ư; Dương Văn Thái, Ủy viên T.Ư Đảng, "
               "Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Bắc Giang đồng chủ trì")
    also = ev("Cùng dự có các đồng chí: Nguyễn Thị Thanh, Ủy viên T.Ư Đảng, Trưởng Ban công tác đại biểu Quốc hội, "
              "Phó trưởng Ban Tổ chức T.Ư; Lê Thị Thu Hồng, Phó Bí thư Thường trực Tỉnh ủy Bắc Giang")
    tu_bg = local_body("Tỉnh ủy", BAC_GIANG)
    doan_bg = local_body("Đoàn đại biểu Quốc hội", BAC_GIANG, typed=True)
    holdings = [
        Holding("Trương Thị Mai", UV_BCT, evidence=intro),
        Holding("Trương Thị Mai", BT_TW, evidence=intro),
        Holding("Trương Thị Mai", TRUONG_BTCTW, evidence=intro),
        Holding("Nguyễn Quang Dương", UV_TW, evidence=intro),
        Holding("Nguyễn Quang Dương", PHO_BTCTW, evidence=intro),
        Holding("Dương Văn Thái", UV_TW, evidence=intro),
        Holding("Dương Văn Thái", post("Bí thư Tỉnh ủy Bắc Giang", "Bí thư", tu_bg, "Bí thư Tỉnh ủy tỉnh Bắc Giang"),
                evidence=intro),
        Holding("Dương Văn Thái", post("Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang", "Trưởng", doan_bg,
                                       "Trưởng Đoàn đại biểu Quốc hội Bắc Giang"), evidence=intro),
        Holding("Nguyễn Thị Thanh", UV_TW, evidence=also),
        Holding("Nguyễn Thị Thanh", TRUONG_BCTDB, evidence=also),
        Holding("Nguyễn Thị Thanh", PHO_BTCTW, evidence=also),
        Holding("Lê Thị Thu Hồng", post("Phó Bí thư Thường trực Tỉnh ủy Bắc Giang", "Phó Bí thư Thường trực", tu_bg),
                evidence=also),
    ]
    meeting = Meeting(
        0, "Hội nghị giao ban công tác tổ chức xây dựng Đảng 13 tỉnh khu vực miền núi, trung du phía Bắc năm 2022",
        intro, date=dt.date(2022, 6, 28), location="Bắc Giang", organizer=BTCTW,
        chairs=[("Trương Thị Mai", intro), ("Nguyễn Quang Dương", intro), ("Dương Văn Thái", intro)],
        attendees=[("Nguyễn Thị Thanh", also), ("Lê Thị Thu Hồng", also)],
    )
    d21 = make_directive("21-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", issued_on="2022-06-16", term="XIII")
    d28 = make_directive("28-KL/TW", "Kết luận", "Bộ Chính trị", issued_on="2022-02-21")
    so_ket = ev("sơ kết 5 năm thực hiện Nghị quyết số 18-NQ/TW")
    return ArticleFacts(
        article=art,
        persons=mentions("Trương Thị Mai", "Nguyễn Quang Dương", "Dương Văn Thái", "Nguyễn Thị Thanh", "Lê Thị Thu Hồng"),
        holdings=holdings,
        directives=[D06_KL_BTCTW, D18_NQ_TW, d21, d28, D50_QD_TW],
        meetings=[meeting],
        implementations=[
            # optional: the region's provinces review Nghị quyết 18 together; Bắc Giang plans cadres under Quy định 50
            Implementation(CAO_BANG, D18_NQ_TW, so_ket),
            Implementation(DIEN_BIEN, D18_NQ_TW, so_ket),
            Implementation(HA_GIANG, D18_NQ_TW, so_ket),
            Implementation(BAC_GIANG, D50_QD_TW, ev("xây dựng quy hoạch cán bộ nhiệm kỳ 2025-2030, 2026-2031 "
                                                    "theo Quy định số 50-QĐ/TW của Bộ Chính trị")),
        ],
        provinces=[(p, ev(p.name)) for p in (BAC_GIANG, CAO_BANG, DIEN_BIEN, HA_GIANG)],
        bodies=[(BTCTW, ev("Ban Tổ chức T.Ư"))],
        main_province="Bắc Giang",
    )


def seed_001() -> ArticleFacts:
    art = Article(A001, "", f"seeds/{A001}.txt")  # the page gives no date
    dung = ev("Phát biểu chào mừng Hội nghị, đồng chí Lê Văn Dũng – Phó Bí thư Thường trực Tỉnh ủy Quảng Nam")
    hai = ev("đồng chí Cao Thanh Hải - Tỉnh ủy viên, Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam")
    son = ev("đồng chí Cao Hoàng Sơn, Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương")
    tu_qn = local_body("Tỉnh ủy", QUANG_NAM)
    btc_qn = local_body("Ban Tổ chức Tỉnh ủy", QUANG_NAM)
    holdings = [
        Holding("Lê Văn Dũng", post("Phó Bí thư Thường trực Tỉnh ủy Quảng Nam", "Phó Bí thư Thường trực", tu_qn),
                evidence=dung),
        Holding("Cao Thanh Hải", post("Tỉnh ủy viên Quảng Nam", "Tỉnh ủy viên", tu_qn), evidence=hai),
        Holding("Cao Thanh Hải", post("Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam", "Phó Trưởng Ban trực",
                                      btc_qn), evidence=hai),
        Holding("Cao Hoàng Sơn", post("Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương", "Vụ trưởng",
                                      body("Vụ Địa phương II")), evidence=son),
    ]
    d74 = make_directive("74-KL/TW", "Kết luận", "Bộ Chính trị", issued_on="2020-05-22")
    d18 = make_directive("18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", issued_on="2017-10-25", term="XII")
    d19 = make_directive("19-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng")
    d39 = make_directive("39-NQ/TW", "Nghị quyết", "Bộ Chính trị")
    cites = ev("Tiếp tục tham mưu triển khai thực hiện Kết luận số 74-KL/TW, ngày 22/5/2020 của Bộ Chính trị về kết quả "
               "2 năm thực hiện Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành "
               "Trung ương Đảng và 04 năm thực hiện Nghị quyết số 39-NQ/TW của Bộ Chính trị.")
    meeting = Meeting(
        0, "Hội nghị sơ kết 6 tháng đầu năm 2022 Cụm thi đua Ban Tổ chức các tỉnh ủy, thành ủy khu vực miền Trung – "
           "Tây Nguyên", dung, location="Quảng Nam",
        # optional: the three speak at the conference
        attendees=[("Lê Văn Dũng", dung), ("Cao Thanh Hải", hai), ("Cao Hoàng Sơn", son)],
    )
    return ArticleFacts(
        article=art,
        persons=mentions("Lê Văn Dũng", "Cao Thanh Hải", "Cao Hoàng Sơn"),
        holdings=holdings,
        directives=[
            D06_KL_BTCTW,
            make_directive("50-QĐ/TW", "Quy định", "Bộ Chính trị", issued_on="2021-12-27"),
            make_directive("57-QĐ/TW", "Quy định", "Ban Bí thư", issued_on="2022-02-08"),
            make_directive("58-QĐ/TW", "Quy định", "Bộ Chính trị", issued_on="2022-02-08"),
            make_directive("65-QĐ/TW", "Quy định", "Bộ Chính trị", issued_on="2022-04-28"),
            make_directive("03-KH/TW", "Kế hoạch", "Bộ Chính trị", issued_on="2021-12-01"),
            make_directive("21-KL/TW", "Kết luận", "Ban Chấp hành Trung ương Đảng", term="XIII"),
            d74, d18, d19, d39,
            make_directive("28-KL/TW", "Kết luận", "Bộ Chính trị", issued_on="2022-02-21"),
        ],
        meetings=[meeting],
        implementations=[
            # optional: Khánh Hòa carries out Kết luận 74 and Nghị quyết 18; the Politburo reviews Nghị quyết 18
            Implementation(KHANH_HOA, d74, cites),
            Implementation(KHANH_HOA, d18, cites),
            Implementation(BCT, d18, cites),
        ],
        citations=[Citation(d74, d18, cites), Citation(d74, d19, cites), Citation(d74, d39, cites)],
        provinces=[(QUANG_NAM, ev("Quảng Nam")), (KHANH_HOA, ev("Khánh Hòa"))],
        main_province="Quảng Nam",
    )


def seed_002() -> ArticleFacts:
    art = Article(A002, "", f"seeds/{A002}.txt",
                  title="Tiếp tục nâng cao chất lượng hoạt động của tổ chức đảng và đội ngũ cán bộ, đảng viên",
                  date=dt.date(2021, 9, 21))
    d05 = make_directive("05-CT/TW", "Chỉ thị", "Bộ Chính trị")
    return ArticleFacts(
        article=art,
        directives=[d05],
        implementations=[Implementation(BAC_KAN, d05, ev("Tỉnh Bắc Kạn thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"))],
        provinces=[(BAC_KAN, ev("Bắc Kạn"))],
        main_province="Bắc Kạn",
    )


def seed_003() -> ArticleFacts:
    art = Article(A003, "", f"seeds/{A003}.txt",
                  title="Nghệ An có nhiều cách làm sáng tạo, triển khai đồng bộ công tác chuẩn bị, "
                        "tổ chức đại hội Đảng các cấp",
                  date=dt.date(2020, 7, 1))
    chairs = ev("Các đồng chí: Phạm Minh Chính - Ủy viên Bộ Chính trị, Bí thư TW Đảng, Trưởng Ban Tổ chức TW; "
                "Nguyễn Thanh Bình, Phó Trưởng ban Thường trực Ban Tổ chức TW; Lê Vĩnh Tân - Bộ trưởng Bộ Nội vụ, "
                "Phó Trưởng ban Tổ chức Trung ương; Trần Văn Tuý - Trưởng ban công tác đại biểu Quốc hội, "
                "Phó Trưởng ban Tổ chức Trung ương đồng chủ trì hội nghị.")
    hop = ev("Tại Nghệ An, đồng chí Hồ Phúc Hợp - Ủy viên BTV Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy chủ trì điểm cầu.")
    holdings = [
        Holding("Phạm Minh Chính", UV_BCT, evidence=chairs),
        Holding("Phạm Minh Chính", BT_TW, evidence=chairs),
        Holding("Phạm Minh Chính", TRUONG_BTCTW, evidence=chairs),
        Holding("Nguyễn Thanh Bình", post("Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương", "Phó Trưởng Ban Thường trực",
                                          BTCTW), evidence=chairs),
        Holding("Lê Vĩnh Tân", post("Bộ trưởng Bộ Nội vụ", "Bộ trưởng", BNV), evidence=chairs),
        Holding("Lê Vĩnh Tân", PHO_BTCTW, evidence=chairs),
        Holding("Trần Văn Túy", TRUONG_BCTDB, evidence=chairs),
        Holding("Trần Văn Túy", PHO_BTCTW, evidence=chairs),
        Holding("Hồ Phúc Hợp", post("Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An", "Ủy viên",
                                    local_body("Ban Thường vụ Tỉnh ủy", NGHE_AN)), evidence=hop),
        Holding("Hồ Phúc Hợp", post("Trưởng Ban Tổ chức Tỉnh ủy Nghệ An", "Trưởng",
                                    local_body("Ban Tổ chức Tỉnh ủy", NGHE_AN)), evidence=hop),
    ]
    meetings = [
        Meeting(0, "Hội nghị trực tuyến đánh giá công tác xây dựng Đảng, hệ thống chính trị và đội ngũ cán bộ "
                   "6 tháng đầu năm 2020", chairs, date=dt.date(2020, 7, 1), organizer=BTCTW,
                chairs=[(n, chairs) for n in ("Phạm Minh Chính", "Nguyễn Thanh Bình", "Lê Vĩnh Tân", "Trần Văn Túy")]),
        Meeting(1, "Điểm cầu Nghệ An", hop, date=dt.date(2020, 7, 1), location="Nghệ An", parent=0,
                chairs=[("Hồ Phúc Hợp", hop)]),
    ]
    d35 = make_directive("35-CT/TW", "Chỉ thị", "Bộ Chính trị")
    d26 = make_directive("26-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", term="XII")
    chi_dao = ev("Hội nghị trực tuyến lần này có ý nghĩa quan trọng nhằm tiếp tục chỉ đạo, đôn đốc thực hiện tốt "
                 "Chỉ thị 35 của Bộ Chính trị về Đại hội Đảng bộ các cấp")
    return ArticleFacts(
        article=art,
        persons=mentions("Phạm Minh Chính", "Nguyễn Thanh Bình", "Lê Vĩnh Tân", "Trần Văn Túy", "Hồ Phúc Hợp",
                         surfaces={"Trần Văn Túy": ("Trần Văn Tuý",)}),
        holdings=holdings,
        directives=[d35, make_directive("75-KL/TW", "Kết luận", "Ban Chấp hành Trung ương Đảng"),
                    make_directive("45-CT/TW", "Chỉ thị", "Bộ Chính trị"), d26],
        meetings=meetings,
        implementations=[
            Implementation(NGHE_AN, d26, ev("Nghệ An triển khai thực hiện Nghị quyết 26-NQ/TW của Ban Chấp hành "
                                            "Trung ương khóa XII")),
            # optional: the organisers and Nghệ An carry out Chỉ thị 35
            Implementation(NGHE_AN, d35, chi_dao),
            Implementation(BTCTW, d35, chi_dao),
            Implementation(BNV, d35, chi_dao),
        ],
        provinces=[(NGHE_AN, ev("Nghệ An")), (HA_NOI, ev("Hà Nội"))],
        bodies=[(BTCTW, ev("Ban Tổ chức TW")), (BNV, ev("Bộ nội vụ")), (BCTDB, ev("Ban công tác đại biểu Quốc hội"))],
        main_province="Nghệ An",
    )


def seed_004() -> ArticleFacts:
    art = Article(A004, "", f"seeds/{A004}.txt")  # the page gives no date
    long_ = ev("Đồng chí Nguyễn Phi Long, Ủy viên dự khuyết Ban chấp hành T.Ư Đảng, Bí thư Tỉnh ủy")
    dung = ev("Đồng chí Nguyễn Đức Dũng, Bí thư Huyện ủy Lương Sơn cho biết")
    mai = ev("đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Ủy viên Ban Chấp hành Trung ương Đảng, "
             "đại biểu Quốc hội")
    d05 = make_directive("05-CT/TW", "Chỉ thị", "Bộ Chính trị", issued_on="2016-05-15", term="XII")
    return ArticleFacts(
        article=art,
        persons=mentions("Nguyễn Phi Long", "Nguyễn Đức Dũng", "Trương Thị Mai"),
        holdings=[
            Holding("Nguyễn Phi Long", post("Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", "Ủy viên dự khuyết", BCHTW),
                    evidence=long_),
            Holding("Nguyễn Phi Long", post("Bí thư Tỉnh ủy Hòa Bình", "Bí thư", local_body("Tỉnh ủy", HOA_BINH)),
                    evidence=long_),
            Holding("Nguyễn Đức Dũng", post("Bí thư Huyện ủy Lương Sơn", "Bí thư", local_body("Huyện ủy", LUONG_SON)),
                    evidence=dung),
            # optional (page furniture): Trương Thị Mai in a related-news teaser
            Holding("Trương Thị Mai", UV_BCT, evidence=mai),
            Holding("Trương Thị Mai", post("Đại biểu Quốc hội", "Đại biểu Quốc hội", QH), evidence=mai),
        ],
        directives=[d05],
        implementations=[
            # optional
            Implementation(HOA_BINH, d05, ev("Hòa Bình thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị")),
        ],
        provinces=[(HOA_BINH, ev("Hòa Bình")), (HA_NOI, ev("Hà Nội"))],
        districts=[(LUONG_SON, ev("Lương Sơn"))],
        main_province="Hòa Bình",
    )


def facts() -> list[ArticleFacts]:
    """The five seed articles' facts, in file order."""
    return [seed_000(), seed_001(), seed_002(), seed_003(), seed_004()]


def dataset(extra=()):
    """The example articles (and ``extra`` ArticleFacts) as an rdflib ``Dataset`` (one named graph per article)."""
    from graphkit.kg.build import to_dataset

    return to_dataset(facts() + list(extra))


def directive(code: str) -> Directive:
    """The :class:`~graphkit.extract.facts.Directive` of one of the example codes ('18-NQ/TW'), as the first article
    that names it gives it."""
    for f in facts():
        for d in f.directives:
            if d.code == code:
                return d
    raise ValueError(f"no example directive {code!r}")


def iri(kind: str, name: str) -> str:
    """The IRI of an example node: ``iri("person", "Trương Thị Mai")``, ``iri("directive", "18-NQ/TW")``,
    ``iri("province", "Bắc Giang")``, ``iri("org", "Bộ Chính trị")``, ``iri("article", A000)``."""
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
