"""Post changes: elections, appointments, transfers, resignations, retirements and dismissals give a post a
start or an end (data/post_changes.tsv), dated by the article. Sentences from the baomoi 2017 corpus (ids given)."""
import datetime as dt

import pytest

from graphkit.extract.article import extract
from graphkit.ingest.article import Article

DAY = dt.date(2017, 6, 20)


def holdings(sentence: str) -> list[tuple[str, str, str, object, object]]:
    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test", title="Tin tức", date=DAY))
    return sorted((h.person, h.post.label, h.status, h.start, h.end) for h in facts.holdings)


@pytest.mark.parametrize("sentence, expected", [
    # a start cue, then the post introduced by 'giữ chức' / 'làm': the post starts on the article's date
    ("Bổ nhiệm lại ông Nguyễn Văn Hiếu, sinh ngày 26/11/1967, giữ chức Hiệu trưởng Trường THPT Thuận Thành số 1, "
     "trực thuộc Sở GD&ĐT.", [("Nguyễn Văn Hiếu", "Hiệu trưởng Trường THPT Thuận Thành số 1", "new", DAY, None)]),
    ("Với số phiếu tuyệt đối 57/57 (100%), Thứ trưởng Bộ Xây dựng Đỗ Đức Duy đã được bầu làm Chủ tịch UBND tỉnh "
     "Yên Bái, nhiệm kỳ 2016 -2021.",  # 21492437-like: the adjacent post stays current
     [("Đỗ Đức Duy", "Chủ tịch Ủy ban nhân dân tỉnh Yên Bái", "new", DAY, None),
      ("Đỗ Đức Duy", "Thứ trưởng Bộ Xây dựng", "current", None, None)]),
    ("Ông Ngô Văn Tuấn, nguyên Vụ trưởng Vụ TCNH đã được điều động, bổ nhiệm giữ chức vụ Phó trưởng Ban Kinh tế "
     "Trung ương.", [("Ngô Văn Tuấn", "Phó Trưởng Ban Kinh tế Trung ương", "new", DAY, None),
                     ("Ngô Văn Tuấn", "Vụ trưởng Vụ TCNH", "former", None, None)]),
    # an end cue that introduces the post ends that post
    ("Ông Đinh La Thăng thôi giữ chức Bí thư Thành ủy TP.HCM và được điều động giữ chức Phó ban Kinh tế Trung ương.",
     [("Đinh La Thăng", "Bí thư Thành ủy Thành phố Hồ Chí Minh", "former", None, DAY),
      ("Đinh La Thăng", "Phó Trưởng Ban Kinh tế Trung ương", "new", DAY, None)]),
    # an end cue without a post ends the posts written next to the person it names
    ("Bộ Tài nguyên và Môi trường vừa có quyết định cách chức ông Lương Duy Hanh - Cục trưởng Cục Kiểm soát hoạt "
     "động bảo vệ môi trường (Tổng cục Môi trường).",
     [("Lương Duy Hanh", "Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường", "former", None, DAY)]),
    ("Ông Lương Duy Hanh, Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường, Tổng cục Môi trường (Bộ TN&MT) "
     "bị kỷ luật cách chức.",
     [("Lương Duy Hanh", "Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường", "former", None, DAY)]),
    ("Tổng cục Môi trường đã có quyết định cách chức cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường đối với "
     "ông Lương Duy Hanh.",
     [("Lương Duy Hanh", "Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường", "former", None, DAY)]),
    # not the person of another clause: the speaker, the one who signs, nor a foreigner
    ("Ông Đậu Huy Hoàn – Phó giám đốc Sở Y tế Nghệ An cho biết, UBND tỉnh đã có quyết định cách chức ông Nguyễn Văn "
     "Bình.", [("Đậu Huy Hoàn", "Phó Giám đốc Sở Y tế tỉnh Nghệ An", "current", None, None)]),
    ("Được biết, ông Phạm Sỹ Quý được bà Phạm Thị Thanh Trà, khi còn Chủ tịch UBND tỉnh Yên Bái, ký quyết định bổ "
     "nhiệm làm Giám đốc Sở Tài nguyên và Môi trường vào ngày 9-9-2016.",
     []),
    ("Có tới 49% số người được hỏi muốn Thủ tướng Anh Theresa May từ chức. Bà May từ chức.", []),
    # 'bầu cử' (an election, the noun) is no cue
    ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An cho biết tỉnh sẽ bầu cử vào tháng 5.",
     [("Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An", "current", None, None)]),
])
def test_post_changes(sentence, expected):
    assert holdings(sentence) == sorted(expected)


def test_a_change_in_an_undated_article_has_a_status_and_no_date():
    facts = extract(Article(id="x", text="Tin tức\nÔng Lê Minh Trung thôi giữ chức Bí thư Quận ủy Thanh Khê.",
                            source="test", title="Tin tức", date=None))
    assert [(h.status, h.start, h.end) for h in facts.holdings] == [("former", None, None)]


def test_the_change_reaches_the_graph():
    from graphkit.kg.build import article_quads
    from graphkit.kg.namespaces import GK_URI

    facts = extract(Article(id="x", text="Tin tức\nÔng Lê Minh Trung thôi giữ chức Bí thư Quận ủy Thanh Khê.",
                            source="test", title="Tin tức", date=DAY))
    ends = [str(o) for _s, p, o, _g in article_quads(facts) if str(p) == GK_URI + "endDate"]
    assert ends == ["2017-06-20"]


@pytest.mark.parametrize("sentence, expected", [
    # the date written in the sentence, the year from the article when not written (corpus 22640265-like,
    # 22629901-like); a birth date is no change's date
    ("Ông Phạm Sỹ Quý được bổ nhiệm làm Giám đốc Sở Tài nguyên và Môi trường tỉnh Yên Bái vào ngày 9-9-2016.",
     [("Phạm Sỹ Quý", "Giám đốc Sở Tài nguyên và Môi trường tỉnh Yên Bái", "new", dt.date(2016, 9, 9), None)]),
    ("Theo đó, từ ngày 1/6, ông Lê Ba Trình, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam nghỉ hưu theo chế độ.",
     [("Lê Ba Trình", "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "former", None, dt.date(2017, 6, 1))]),
    ("Bổ nhiệm lại ông Nguyễn Văn Hiếu, sinh ngày 26/11/1967, giữ chức Hiệu trưởng Trường THPT Thuận Thành số 1.",
     [("Nguyễn Văn Hiếu", "Hiệu trưởng Trường THPT Thuận Thành số 1", "new", DAY, None)]),
])
def test_the_date_of_a_change(sentence, expected):
    assert holdings(sentence) == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    # a cue in any case: the test reads the sentence lower-cased (corpus headlines and leads)
    ("Bổ nhiệm ông Đoàn Công Huynh giữ chức Cục trưởng Cục Thông tin đối ngoại", True),
    ("BỔ NHIỆM ông Đoàn Công Huynh giữ chức Cục trưởng Cục Thông tin đối ngoại", True),
    ("Miễn nhiệm chức vụ Phó chủ tịch TP Đà Nẵng", True),
    ("Nghỉ hưu cuối năm 2017 có lợi hơn 2018?", True),
    # 'bầu' but not 'bầu cử'; a cue inside a longer word is none
    ("Cử tri đi bầu cử đại biểu Hội đồng nhân dân xã", False),
    ("Hội nghị bàn về công tác chỉ đạo điều hành của tỉnh", False),
])
def test_may_change_reads_cues_in_any_case(sentence, expected):
    from graphkit.extract.changes import may_change

    assert may_change(sentence) is expected
