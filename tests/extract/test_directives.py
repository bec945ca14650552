"""Directives: Party and State codes, completed short references, type, issuer, date, term."""
import datetime as dt

import pytest

from tests import SEEDS

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
    for f in sorted(SEEDS.glob("*.txt")):
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


def codes(text):
    return [d.code for d in merge_mentions(find_directives(text))]


# corpus sentences (none from gold-dev): each construction, the codes read, in order
@pytest.mark.parametrize("text, expected", [
    # a number and its year, completed from the issuer (22538766, 22651974), else kept as written (21473625)
    ("tiếp tục chỉ đạo, thực hiện hiệu quả các giải pháp nêu trong Chỉ thị số 32/2016 của Thủ tướng Chính phủ về "
     "tăng cường công tác kiểm soát tải trọng", ["32/2016/CT-TTg"]),
    ("do có 186.000 người thuộc các thôn, xã đặc biệt khó khăn vùng miền núi theo Quyết định 50/2016 của Thủ tướng "
     "Chính phủ (giai đoạn 2016 - 2020)", ["50/2016/QĐ-TTg"]),
    ("Bộ đề nghị lãnh đạo Sở chỉ đạo huyện Văn Yên có hình thức xử lý việc này theo đúng tinh thần của Thông tư "
     "15/2015 mà Bộ VH-TT-DL đã ban hành", ["15/2015"]),
    # a Nghị định is the Government's: its number and year make the code (21470375, 21472311)
    ("Ngoài casino, Chính phủ cũng ban hành Nghị định 06/2017 về quản lý kinh doanh", ["06/2017/NĐ-CP"]),
    ("Với Nghị định số 129/2016 được Chính phủ Ban hành về biểu thuế nhập khẩu", ["129/2016/NĐ-CP"]),
    # the year in words (21508670)
    ("vi phạm Chỉ thị 07 năm 2015 của Thủ tướng Chính phủ. Cơ quan kiểm toán phê", ["07/CT-TTg"]),
    # a lower-case issuer (21473767)
    ("Tiếp tục thực hiện Chỉ thị 03 của Bộ chính trị: “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”.",
     ["03-CT/TW"]),
    # numbers listed after one type word (22707715)
    ("Nghị quyết đại hội Đảng các cấp; Chỉ thị 03, 05 của Bộ Chính trị về học tập và làm theo tư tưởng",
     ["03-CT/TW", "05-CT/TW"]),
    # a provincial Party committee and a People's Committee (21472959, 22232927, 21512269)
    ("triển khai thực hiện theo đúng tinh thần Chỉ thị 08 của Thành ủy Hà Nội về tăng cường công tác lãnh đạo",
     ["08-CT/TU"]),
    ("thực hiện Chỉ thị 11 của Thành ủy TPHCM, trách nhiệm lập lại trật tự lòng lề đường", ["11-CT/TU"]),
    ("là chưa đúng theo Quyết định số 23 của UBND TP Hà Nội. Bà Hòa đề nghị", ["23/QĐ-UBND"]),
    # the year after a dash (22414208), a lettered number (22650717)
    ("Thực hiện Nghị quyết 19-2016/NQ-CP của Chính phủ về những nhiệm vụ", ["19-2016/NQ-CP"]),
    ("thực hiện nhiệm vụ Chính phủ giao tại Nghị quyết số 36a/NQ-CP về Chính phủ điện tử và Quyết định số "
     "1819/QĐ-TTg của Thủ tướng Chính phủ", ["36a/NQ-CP", "1819/QĐ-TTg"]),
    # laws and resolutions of the National Assembly (21491200, 21480063)
    ("phải đáp ứng yêu cầu tại khoản 1 Điều 54 Luật Xây dựng số 50/2014/QH13. Bên nhận thầu", ["50/2014/QH13"]),
    ("theo các mục tiêu của Nghị quyết số 49-NQ/TW ngày 02/6/2005 của Bộ Chính trị và Nghị quyết số 111/2015/QH13 "
     "ngày 27/11/2015 của Quốc hội.", ["49-NQ/TW", "111/2015/QH13"]),
    # letters coded by issuer and unit (21473520, 21481376)
    ("các nội dung chỉ đạo của UBND tỉnh (tại Công văn số 1866/UBND-KTN ngày 11/6/2015), trong đó", ["1866/UBND-KTN"]),
    ("UBND TP Hà Nội đã ban hành Công văn số 326/UBND-ĐT đề nghị Bộ NN&PTNT", ["326/UBND-ĐT"]),
    # one spelling per issuer code (21473658), a Party code written the State way (21471487)
    ("Thủ tướng Chính phủ đã có Quyết định số 58/2016/QĐ-Ttg về tiêu chí phân loại", ["58/2016/QĐ-TTg"]),
    ("theo Nghị quyết 09/NQ-TW ngày 9/02/2007 về Chiến lược biển Việt Nam", ["09-NQ/TW"]),
])
def test_references(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    "Nghị quyết 2017 của Bộ Chính trị",  # a year, not a number
    "kế hoạch 5 năm 2016-2020 của Chính phủ",  # a five-year plan
    "thực hiện Quyết định 33 của Sở Xây dựng",  # an issuer whose codes are not certain
    "Nghị định 100 của Chính phủ",  # a decree's code needs its year
])
def test_references_not_completed(text):
    assert codes(text) == []


def test_short_reference_completed_from_another_mention():
    text = ("Việc ban hành các Quyết định 935, 936 có ý nghĩa quan trọng. Quyết định 935, 936 của Ban Thường vụ "
            "Thành ủy được triển khai.")
    found = find_directives(text)
    assert [(m.directive.code, text[m.start:m.end]) for m in found] == [
        ("935-QĐ/TU", "Quyết định 935"), ("936-QĐ/TU", "936"), ("935-QĐ/TU", "Quyết định 935"), ("936-QĐ/TU", "936")]
    assert codes("Thực hiện Quyết định 935.", ) == []
    known = merge_mentions(found)
    assert [m.directive.code for m in find_directives("Thực hiện Quyết định 935.", known=known)] == ["935-QĐ/TU"]


def test_number_and_year_is_the_coded_document_of_the_article():
    # corpus 21487149 / 22702318: the full code, then the number and year
    text = ("Nghị quyết 19-2017/NQ-CP đang thúc đẩy những thay đổi về năng lực cạnh tranh. "
            "Nghị quyết 19/2017 tiếp tục củng cố niềm tin cho doanh nghiệp.")
    assert [m.directive.code for m in find_directives(text)] == ["19-2017/NQ-CP", "19-2017/NQ-CP"]
    assert codes(text) == ["19-2017/NQ-CP"]
