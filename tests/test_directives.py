"""Directives: Party and State codes, completed short references, type, issuer, date, term."""
import datetime as dt

import pytest

from graphkit.extract.directives import find_directives, merge_mentions


def one(text):
    found = merge_mentions(find_directives(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, code, doc_type, issuer, issued, term", [
    # seed 000
    ("bám sát 10 nhiệm vụ tại Kết luận số 06-KL/BTCTW, ngày 20/01/2022 của Ban Tổ chức T.Ư để tham mưu",
     "06-KL/BTCTW", "Kết luận", "Ban Tổ chức Trung ương", dt.date(2022, 1, 20), None),
    ("sơ kết 5 năm thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp hành T.Ư khoá XII về sắp xếp",
     "18-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", None, "XII"),
    ("Cụ thể hóa và thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 Ban Chấp hành T.Ư khóa XIII “Về tăng cường",
     "21-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", dt.date(2022, 6, 16), "XIII"),
    ("theo Quy định số 50-QĐ/TW của Bộ Chính trị.", "50-QĐ/TW", "Quy định", "Bộ Chính trị", None, None),
    # seed 001
    ("Kế hoạch số 03-KH/TW, ngày 01/12/2021 của Bộ Chính trị thực hiện", "03-KH/TW", "Kế hoạch", "Bộ Chính trị",
     dt.date(2021, 12, 1), "XIII"),
    # seed 003: short references completed as the Party writes them
    ("thực hiện tốt Chỉ thị 35 của Bộ Chính trị về Đại hội Đảng bộ các cấp", "35-CT/TW", "Chỉ thị", "Bộ Chính trị", None, None),
    ("thực hiện có hiệu quả Kết luận 75 của BCH TW về phương hướng", "75-KL/TW", "Kết luận",
     "Ban Chấp hành Trung ương Đảng", None, None),
    ("mà Nghị quyết 26 tại Hội nghị Trung ương 7(khoá XII) đặt ra", "26-NQ/TW", "Nghị quyết",
     "Ban Chấp hành Trung ương Đảng", None, "XII"),
    # State codes (corpus 22479951) and personnel decisions
    ("kinh phí thực hiện Quyết định 1880/QĐ-CP của Thủ tướng Chính phủ", "1880/QĐ-CP", "Quyết định",
     "Thủ tướng Chính phủ", None, None),
    ("Chỉ thị số 05/CT-TTg ngày 15/02/2017 của Thủ tướng", "05/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ",
     dt.date(2017, 2, 15), None),
    ("Nghị định số 01/2017/NĐ-CP của Chính phủ", "01/2017/NĐ-CP", "Nghị định", "Chính phủ", None, None),
    ("Quyết định số 439-QĐNS/TW của Bộ Chính trị", "439-QĐNS/TW", "Quyết định", "Bộ Chính trị", None, None),
    ("Quyết định số 01-QĐ/TU của Tỉnh ủy", "01-QĐ/TU", "Quyết định", None, None, None),
])
def test_directive(text, code, doc_type, issuer, issued, term):
    d = one(text)
    assert (d.code, d.doc_type, d.issuer, d.issued_on) == (code, doc_type, issuer, issued)
    if term:
        assert d.term == term


def test_short_reference_joins_the_full_code():
    d = merge_mentions(find_directives("Nghị quyết số 18-NQ/TW về bộ máy. Sau 5 năm thực hiện Nghị quyết 18, …"))
    assert [x.code for x in d] == ["18-NQ/TW"]


@pytest.mark.parametrize("text", [
    "Nghị quyết 42 của Quốc hội về xử lý nợ xấu",  # a State resolution needs its year: not completed
    "theo Nghị quyết Trung ương 4 (khóa XII)",  # not numbered
    "tăng 74,3% so với năm 2016",
])
def test_not_a_directive(text):
    assert find_directives(text) == []


def test_term_from_date():
    d = one("Kết luận số 28-KL/TW ngày 21/02/2022 của Bộ Chính trị")
    assert d.term == "XIII"


CODE_CORES = [  # (text, whether the core of a full code is in it)
    ("Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017", True),
    ("9 - ABCDE /TW", True),  # the longest party core, its slash 10 characters after the start
    ("theo 01/2017/ABCDEF –CP", True),  # the longest state cores: 9 characters after the last slash
    ("theo 1/ABCDEF –CP", True),
    ("Chỉ thị 05/CT-TTg", True),
    ("ngày 12/5/2017 và 20/11", False),
    ("tỷ lệ 3/4, còn 1/ và /2", False),
    ("", False),
    ("/", False),
    ("18-NQ", False),
]


@pytest.mark.parametrize("text, expected", CODE_CORES)
def test_code_core_is_looked_for_around_slashes(text, expected):
    from graphkit.extract.directives import _ANY_CODE, _may_have_code

    assert _may_have_code(text) is expected
    assert bool(_ANY_CODE.search(text)) is expected


def test_code_core_around_slashes_agrees_with_the_scan_on_every_window_of_the_seeds():
    """Every slice of the seeds around each slash, cut at every offset: the pre-test and the plain scan agree."""
    from pathlib import Path

    from graphkit.extract.directives import _ANY_CODE, _may_have_code

    checked = 0
    for f in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        for i, c in enumerate(text):
            if c != "/":
                continue
            for a in range(max(0, i - 14), i + 1):
                for b in range(i + 1, min(len(text), i + 20) + 1):
                    piece = text[a:b]
                    assert _may_have_code(piece) == bool(_ANY_CODE.search(piece)), piece
                    checked += 1
    assert checked > 1000
