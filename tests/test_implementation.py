"""Implementation of directives by provinces and bodies, read from whole seed articles."""
import pytest

from graphkit.extract.article import extract
from graphkit.ingest.article import Article


def impl(text, title=None):
    facts = extract(Article(id="t", text=text, source="test", title=title))
    return sorted((getattr(i.actor, "name", None) or i.actor.label, i.directive.code) for i in facts.implementations)


@pytest.mark.parametrize("text, expected", [
    # seed 002: 'tỉnh' stands for the article's province
    ("Tiếp tục nâng cao chất lượng hoạt động\nTỉnh Bắc Kạn đã và đang thực hiện đồng bộ các giải pháp.\n"
     "Để hoàn thành các mục tiêu đề ra, tỉnh sẽ thực hiện đồng bộ các nhiệm vụ, giải pháp; thực hiện nghiêm túc "
     "Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị số 05-CT/TW của Bộ Chính trị.",
     [("Bắc Kạn", "05-CT/TW")]),
    # seed 003: the province named before the verb, not the body that recognises it
    ("Ban Tổ chức Trung ương cũng ghi nhận Nghệ An trong việc thực hiện 8 nhiệm vụ, giải pháp mà Nghị quyết 26 "
     "tại Hội nghị Trung ương 7(khoá XII) đặt ra.",
     [("Nghệ An", "26-NQ/TW")]),
    # corpus style: a provincial committee with its name
    ("Tỉnh ủy Quảng Ninh triển khai thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.", [("Quảng Ninh", "05-CT/TW")]),
    # the issuer of a directive is not its implementer; a cited directive is not implemented
    ("Tiếp tục tham mưu triển khai thực hiện Kết luận số 74-KL/TW, ngày 22/5/2020 của Bộ Chính trị về kết quả 2 năm "
     "thực hiện Nghị quyết số 18-NQ/TW.", []),
    ("Theo Quy định số 50-QĐ/TW của Bộ Chính trị, Hà Nội có 30 đại biểu.", []),
])
def test_implementation(text, expected):
    assert impl(text) == expected


def test_citation_chain_seed_001():
    text = ("Tiếp tục tham mưu triển khai thực hiện Kết luận số 74-KL/TW, ngày 22/5/2020 của Bộ Chính trị về kết quả "
            "2 năm thực hiện Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành "
            "Trung ương Đảng và 04 năm thực hiện Nghị quyết số 39-NQ/TW của Bộ Chính trị.")
    facts = extract(Article(id="t", text=text, source="test"))
    assert sorted((c.citing.code, c.cited.code) for c in facts.citations) == [
        ("74-KL/TW", "18-NQ/TW"), ("74-KL/TW", "19-NQ/TW"), ("74-KL/TW", "39-NQ/TW")]


@pytest.mark.parametrize("text, expected", [
    # corpus 22600362: 'các tỉnh' is several provinces, not the article's own
    ("Thành phố Hồ Chí Minh đăng cai. Đến nay các tỉnh trong cụm tiếp tục triển khai thực hiện công tác giáo dục "
     "đoàn viên thanh niên thông qua Chỉ thị 05-CT/TW.", []),
    # corpus 22479951: a province named far before a noun phrase 'kinh phí thực hiện' is not its subject
    ("Tính đến ngày 31/5/2017, 4 tỉnh Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên-Huế đã giải ngân được 4.599 tỷ đồng "
     "(bằng 86,9% của 3 đợt ứng là 5.290 tỷ đồng, bằng 65,3% tổng kinh phí thực hiện Quyết định 1880/QĐ-CP).", []),
])
def test_no_implementation(text, expected):
    assert impl(text) == expected
