"""Directives: well-known documents cited by their number alone, issuing units kept in codes, letters of issuers
outside the table. Real sentences of the 2017 corpus (outside gold-dev and the audited samples), article ids cited."""
import datetime as dt

import pytest

from graphkit.extract.article import extract
from graphkit.extract.directives import find_directives, merge_mentions
from graphkit.ingest.article import Article


def codes(text, day=None):
    return sorted(d.code for d in merge_mentions(find_directives(text, article_date=day)))


@pytest.mark.parametrize("text, expected", [
    # a decree cited by its number in a story about fishing boats (22236072)
    ("Bộ NN&PTNT cho biết, triển khai thực hiện Nghị định 67 của Chính phủ về một số chính sách phát triển thủy sản, "
     "theo báo của các địa phương, hiện đã có 557 tàu cá đóng mới.", ["67/2014/NĐ-CP"]),
    # the Government's resolution on enterprises, no issuer written (22214631)
    ("Hội nghị sơ kết đánh giá tình hình thực hiện Nghị quyết 35, đặt ra những giải pháp tiếp tục thực hiện Nghị quyết. "
     "Các hiệp hội doanh nghiệp, doanh nghiệp hiến kế, kiến nghị.", ["35/NQ-CP"]),
    # the Party's resolution on education (22401157)
    ("Với nhiều nỗ lực cố gắng, trong những năm qua ngành GD&ĐT tỉnh Quảng Trị đã thực hiện tốt các nội dung dạy học "
     "nhất là việc thực hiện Nghị quyết 29 về đổi mới căn bản toàn diện GD - ĐT.", ["29-NQ/TW"]),
    # the National Assembly named after it, whose codes are otherwise never completed (22487811)
    ("Theo đại biểu Nguyễn Văn Thể, từ ngày Quốc hội ban hành Nghị quyết 94 đến nay đã 2 năm nhưng mới có phương án "
     "chính thức về sân bay Long Thành được thông qua.", ["94/2015/QH13"]),
    # two decrees numbered 86: the article's subject tells which (22448835: transport; 21509267: school fees)
    ("Ngược lại, Thứ trưởng cũng cho biết đã yêu cầu phía Uber và Grab thực hiện đúng các quy định về điều kiện kinh "
     "doanh vận tải trong Nghị định 86 đã ban hành.", ["86/2014/NĐ-CP"]),
    ("Quy định mới về tăng học phí theo Nghị định số 86 của Chính phủ đã có hiệu lực từ năm 2015.", ["86/2015/NĐ-CP"]),
    # what the subject and year rules leave open, the subject completes (21474168, 22661851)
    ("Thủ tướng, thường trực Chính phủ và Thanh tra Chính phủ đã bàn ngay tại hội nghị và ra Chỉ thị số 20 ký lúc 13h",
     ["20/CT-TTg"]),
    ("Nghị định 47 của Chính phủ quy định mức lương cơ sở năm 2017 áp dụng đối với cán bộ, công chức",
     ["47/2017/NĐ-CP"]),
])
def test_well_known_document(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text, day", [
    # the Prime Minister's directive on inspections was signed on 17/5/2017: an article of January cites another
    # (22298501, its date moved back)
    ("Thủ tướng công bố với các doanh nghiệp tại Hội nghị Chỉ thị số 20 về việc không thanh tra doanh nghiệp một năm "
     "quá một lần.", dt.date(2017, 1, 5)),
    # another issuer named (22238810, with a sentence on primary schools of 22478734 after it)
    ("“… trong phạm vi thời gian quy định thuộc Thông tư 30 của Ngân hàng Nhà nước”, đại diện ngân hàng này thông tin. "
     "Sau một năm thực hiện, đã có nhiều ý kiến phản hồi từ các trường tiểu học.", None),
    # both decrees 86 fit the article: neither is certain (22246857 and 21509267 together)
    ("Theo Nghị định 86 của Chính phủ, các DN vận tải phải lắp đặt thiết bị giám sát hành trình. Quy định mới về tăng "
     "học phí đã có hiệu lực từ năm 2015.", None),
    # the subject missing: not the decree on fisheries (22565760's wording, on another subject)
    ("Nghị định 67 sau 3 năm thực hiện chỉ hỗ trợ được 64 dự án với số vốn rất nhỏ.", None),
])
def test_well_known_document_not_taken(text, day):
    assert codes(text, day) == []


@pytest.mark.parametrize("text, expected", [
    # the issuing unit after the issuer belongs to the code (21491181, 21476198, 22589015)
    ("Ngày 8.2.2017, Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn (NNPTNT) Nguyễn Xuân Cường ký, ban hành Quyết "
     "định số 278/QĐ-BNN-BVTV loại bỏ thuốc bảo vệ thực vật chứa hoạt chất 2.4D và Paraquat.", ["278/QĐ-BNN-BVTV"]),
    ("Ngày 8/11/2012, UBND tỉnh Nghệ An đã ban hành quyết định số 4446/QĐ-UBND-NC về chấp thuận phục hồi cơ sở Phật "
     "giáo chùa Lam Sơn.", ["4446/QĐ-UBND-NC"]),
    ("ngày 10/12/2015, Hội đồng thành viên VEC đã ban hành Quyết định số 807/QĐ-VEC-HĐTV phê duyệt phương án xử lý.",
     ["807/QĐ-VEC-HĐTV"]),
    # a unit numbered (22488819)
    ("Ngày 8-6, Công an TP Hà Nội đã tổ chức cuộc họp với các phòng nghiệp vụ để triển khai Kế hoạch 199/KH-CAHN-PV11 "
     "về kiểm tra xử lý vi phạm của các phương tiện quá tải, quá khổ.", ["199/KH-CAHN-PV11"]),
    # a joint circular keeps every issuer (unchanged)
    ("theo Thông tư liên tịch số 03/2000/TTLT-BYT-BGDĐT", ["03/2000/TTLT-BYT-BGDĐT"]),
    # a letter of an issuer outside the table, the text calling it a letter (22279817, 22383700, 21490868, 22409807)
    ("Sở Xây dựng đã có Công văn số 3673/SXD-QLN ngày 28/4/2017 đề nghị Công an thành phố kiểm tra, xử lý.",
     ["3673/SXD-QLN"]),
    ("Ngày 9/9/2013, Sở Y tế đã có công văn số 1543/SYT-TCCB về việc xử lý cán bộ đảng viên vi phạm chính sách Dân số.",
     ["1543/SYT-TCCB"]),
    ("Căn cứ hướng dẫn của Tổng cục Hải quan tại công văn số 2765/TCHQ-GSQL ngày 1/4/2015 về ban hành mã loại hình XNK.",
     ["2765/TCHQ-GSQL"]),
    ("Bảo hiểm xã hội Việt Nam vừa có Công văn số 1986/BHXH-CSYT gửi Bộ Y tế đề nghị thanh tra.", ["1986/BHXH-CSYT"]),
    # … but not a permit or a submission of such an issuer (22280268)
    ("Công trình trên được Sở Xây dựng cấp phép số 235/GP-SXD ngày 17.2.2016 với quy mô 42 tầng và 2 tầng hầm.", []),
])
def test_codes_with_units_and_letters(text, expected):
    assert codes(text) == expected


def impl(text):
    facts = extract(Article(id="t", text=text, source="test"))
    return sorted((getattr(i.actor, "name", None) or i.actor.label, i.directive.code) for i in facts.implementations)


@pytest.mark.parametrize("text, expected", [
    # a well-known document carried out by a province's sector (22401157)
    ("Với nhiều nỗ lực cố gắng, trong những năm qua ngành GD&ĐT tỉnh Quảng Trị đã thực hiện tốt các nội dung dạy học "
     "nhất là việc thực hiện Nghị quyết 29 về đổi mới căn bản toàn diện GD - ĐT.", [("Quảng Trị", "29-NQ/TW")]),
    # a pronoun between the body and the verb is the verb's subject: the body is spoken to (22493930, 22416332)
    ("Bộ trưởng Nhạ nêu rõ: Báo cáo Quốc hội, thực tế chúng tôi đã thực hiện Nghị quyết 29 và đặc biệt là Nghị quyết 88 "
     "của Quốc hội về đổi mới chương trình sách giáo khoa.", []),
    ("Nếu đoàn liên ngành làm chưa được thì sẽ thuê đơn vị tư vấn giám sát để người ta đánh giá cho khách quan, tìm hiểu "
     "rõ nguyên nhân và báo cáo trung thực với Bộ Nông nghiệp và Phát triển nông thôn và với Thủ tướng để chúng ta rút "
     "bài học kinh nghiệm cho việc thực hiện Nghị định 67/2014/NĐ-CP.", []),
    # an opinion about carrying a document out, not a report of it: a verb of saying, then the copula (22618419,
    # 22307548) …
    ("Phó Chủ tịch UBND tỉnh Bình Định Trần Châu cho rằng, việc thực hiện đóng tàu vỏ thép theo Nghị định 67 là một "
     "chủ trương lớn của Nhà nước.", []),
    ("Tham luận tại hội nghị, đại diện các bộ ngành, địa phương, đơn vị như Thành ủy Hà Nội, Đảng ủy Công an Trung "
     "ương... đều cho rằng, thực hiện tốt Chỉ thị 05-CT/TW là thực hiện một chủ trương rất quan trọng.", []),
    # … but a report after a verb of saying stays one (21472017)
    ("Bộ Công Thương cho biết, thực hiện Quyết định số 2551/QĐ-TTg ngày 30/12/2016 của Thủ tướng Chính phủ thành lập "
     "Ban chỉ đạo xử lý các tồn tại, yếu kém của một số dự án, Bộ đã họp.", [("Bộ Công Thương", "2551/QĐ-TTg")]),
])
def test_implementation_of_well_known_documents(text, expected):
    assert impl(text) == expected


def test_change_written_as_bo_sung_alone():
    """'bổ sung' alone as the last link word names an amendment (it used to fail on its first three letters: 'Thông
    tư 22 ra đời dựa trên nền tảng Thông tư 30 … nhưng có nhiều điểm điều chỉnh, bổ sung', 22478734)."""
    from graphkit.extract.implementation import _relation

    assert _relation(" bổ sung ") == ("amends", False)
    assert _relation(" thay thế ") == ("replaces", False)
