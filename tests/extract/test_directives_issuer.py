"""Short references completed from an issuer not written as 'của X' right after them: the issuer as the subject of
the verb that issues the document ('Thủ tướng đã ký Chỉ thị số 20'), and the year written apart from the number
('Nghị định 210 của Chính phủ năm 2013'). Real corpus sentences (corpus ids in the comments), none from gold-dev."""
import pytest

from graphkit.extract import directives
from graphkit.extract.directives import find_directives, merge_mentions


def codes(text):
    return [d.code for d in merge_mentions(find_directives(text))]


# the issuer is the subject of the issuing verb right before the document
@pytest.mark.parametrize("text, expected", [
    # 22354163
    ("Ngay trong ngày, Thủ tướng đã ký Chỉ thị số 20 chấn chỉnh hoạt động thanh, kiểm tra để phần nào giải tỏa bức "
     "xúc của cộng đồng doanh nghiệp.", ["20/CT-TTg"]),
    ("Từ khi Chính phủ ban hành Nghị quyết 35, sự chồng chéo của các hoạt động thanh tra, kiểm tra vẫn như vòng "
     "“kim cô” kiềm tỏa sự phát triển lành mạnh của doanh nghiệp vừa và nhỏ", ["35/NQ-CP"]),
    # 21474168
    ("Ngày 28/1/2015, Thủ tướng ban hành Quyết định số 153 giao dự toán chi quản lý bộ máy của Bảo hiểm Xã hội là "
     "5.397 tỷ đồng", ["153/QĐ-TTg"]),
    # 21477754
    ("Chính phủ vừa ban hành Nghị quyết 19 về các giải pháp chủ yếu cải thiện môi trường kinh doanh, nâng cao năng "
     "lực cạnh tranh quốc gia năm 2017.", ["19/NQ-CP"]),
    # 22628211: a People's Committee codes its decisions NUMBER/QĐ-UBND
    ("Đơn kiến nghị của người dân thôn Bồn Trì Ngày 9/5, UBND tỉnh có quyết định số 949 về việc chủ trương đầu tư "
     "“Dự án cơ sở giết mổ gia súc, gia cầm tập trung phía Bắc” tại phường Hương An", ["949/QĐ-UBND"]),
    # 22702906: the place after the issuer, the verb 'ra'
    ("Sau khi đo đạc lại để làm sổ đỏ đất sân bay, ngày 24-10-2014, UBND TP Hà Nội đã ra Quyết định 5383 bàn giao "
     "cho Bộ Quốc phòng 236,9 ha", ["5383/QĐ-UBND"]),
    # 22647920: the Prime Minister's name after the title
    ("“Ngày 29-6, Thủ tướng Nguyễn Xuân Phúc đã ký quyết định 929 điều động, bổ nhiệm ông Đặng Xuân Hoan làm Giám "
     "đốc Học viện Hành chính Quốc gia”, ông Khánh nói", ["929/QĐ-TTg"]),
    # 22278897: the Party term after the issuer
    ("Sau khi tổng kết, đánh giá việc thực hiện hai Nghị quyết trên, Bộ Chính trị khóa XI đã ban hành Kết luận số "
     "24 về đẩy mạnh công tác quy hoạch và luân chuyển cán bộ", ["24-KL/TW"]),
    # 22402019: an opener word before the subject, two numbers listed
    ("Xem xét các căn cứ của luật, tòa cũng nhận định việc UBND tỉnh Nghệ An ra quyết định số 43 và số 10 về quy "
     "định tổ chức giao thông, các đường cấm...", ["43/QĐ-UBND", "10/QĐ-UBND"]),
])
def test_issuer_as_subject(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    # 22593043: a decree's code needs its year, whoever issues it
    "Đối với Việt Nam, đã gần 2 năm kể từ khi Chính phủ ban hành Nghị định 60 cho phép nới room cho nhà đầu tư",
    # 22258145: 'Chính phủ' ends the name of another body (the Office of the Government)
    "Chính phủ không yêu cầu đình chỉ thi công dự án Văn phòng Chính phủ đã có Công văn số 4393 truyền đạt ý kiến",
    # 22461385: 'Trung ương' ends the name of a steering committee
    "Ngày 5/6, Ban Chỉ đạo Trung ương về phòng chống thiên tai đã có Thông báo số 39 về việc chủ động triển khai",
    # 21486459: the chairman, not the committee, is the subject: not certain
    "Chủ tịch UBND TP Thái Bình ban hành Quyết định số 9589 về việc giải quyết khiếu nại của ông Điền là đúng",
    # 22299765: the verb's subject is a list of bodies, joined to the verb across 'và'
    "Thủ tướng, thường trực Chính phủ và Thanh tra Chính phủ đã bàn ngay tại hội nghị và ra Chỉ thị số 20 ký lúc 13h",
])
def test_issuer_as_subject_not_completed(text, monkeypatch):
    # (the rule read alone: a few documents are also known by their subject, data/well_known_directives.tsv)
    monkeypatch.setattr(directives, "_well_known", lambda *args: None)
    assert codes(text) == []


def test_issuer_as_subject_gives_way_to_the_issuer_named_after():
    # 22354163's construction, with another issuer named after the document: that one is the issuer
    assert codes("Ngay trong ngày, Thủ tướng đã ký Chỉ thị số 20 của Bộ Chính trị") == ["20-CT/TW"]
    assert codes("Ngay trong ngày, Thủ tướng đã ký Chỉ thị số 20 của Bộ Y tế") == []


def test_issuer_as_subject_is_the_document_written_in_full():
    # 21491381: the short reference and the full code are one document
    text = ("Chính phủ vừa ban hành Nghị quyết 19 về cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh "
            "quốc gia, trong đó giao 250 nhiệm vụ cụ thể cho các bộ ngành. Chính phủ yêu cầu các Bộ trưởng tập trung "
            "chỉ đạo thực hiện xây dựng Chương trình, Kế hoạch hành động thực hiện Nghị quyết 19-2017/NQ-CP, hoàn "
            "thành trước ngày 28/2/2017")
    assert codes(text) == ["19-2017/NQ-CP"]
    found = find_directives(text)
    assert [m.directive.code for m in found] == ["19-2017/NQ-CP", "19-2017/NQ-CP"]


# the year written apart from the number: a decree's code carries it (its only issuer is the Government)
@pytest.mark.parametrize("text, expected", [
    # 22566044: the year after the issuer
    ("không còn phù hợp được nêu ra tại Nghị định 210 của Chính phủ năm 2013.", ["210/2013/NĐ-CP"]),
    # 21478159, 22381025: the year before the issuer
    ("Cụ thể, theo Nghị định 105 năm 2014 của Chính phủ (quy định chi tiết và hướng dẫn thi hành một số điều của "
     "Luật BHYT) thì Ngân hàng Nhà nước đóng", ["105/2014/NĐ-CP"]),
    ("khoản 3, khoản 4 Điều 4 Nghị định số 178 năm 2013 của Chính phủ quy định về xử phạt vi phạm hành chính về an "
     "toàn thực phẩm.", ["178/2013/NĐ-CP"]),
    # 22261928: no issuer written
    ("về phí bảo vệ môi trường với nước thải theo Nghị định 154 năm 2016, có hiệu lực từ 1/1/2017: Bổ sung thêm",
     ["154/2016/NĐ-CP"]),
    # 21508670: a directive's code keeps no year (as before)
    ("vi phạm Chỉ thị 07 năm 2015 của Thủ tướng Chính phủ. Cơ quan kiểm toán phê", ["07/CT-TTg"]),
])
def test_year_apart_from_the_number(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    # 21469368: another issuer named after the decree
    "“Nghị định 71 năm 2010 của Bộ Xây dựng quy định, nếu 70% dân cư đồng tình với việc cải tạo",
    # 21491411: no year
    "hành vi vi phạm pháp luật về bảo vệ cây xanh theo Nghị định 121 của Chính phủ.",
    # 22661851: a year later in the clause is not the decree's
    "Nghị định 47 của Chính phủ quy định mức lương cơ sở năm 2017 áp dụng đối với cán bộ, công chức",
])
def test_year_apart_not_completed(text, monkeypatch):
    monkeypatch.setattr(directives, "_well_known", lambda *args: None)  # (the rule read alone, as above)
    assert codes(text) == []


def test_year_apart_is_the_document_written_in_full():
    # 22566044's construction, with the full code later in the article: one document; another year is another
    assert codes("tại Nghị định 210 của Chính phủ năm 2013. Nghị định 210/2013/NĐ-CP khuyến khích") == ["210/2013/NĐ-CP"]
    d = merge_mentions(find_directives("tại Nghị định 210 của Chính phủ năm 2013. Nghị định 210/2013/NĐ-CP khuyến khích"))
    assert d[0].year == 2013
    found = find_directives("theo Nghị định 34/2016/NĐ-CP. Nghị định 34 năm 2008 của Chính phủ")
    assert [m.directive.code for m in found] == ["34/2016/NĐ-CP", "34/2008/NĐ-CP"]


# references listed one after another: the issuer named after the last is every one's (audit-impl pattern B)
@pytest.mark.parametrize("text, expected", [
    # 21512564
    ("tạo môi trường kinh doanh minh bạch, thực hiện tốt các Nghị quyết 19 và Nghị quyết 35 của Chính phủ.",
     ["19/NQ-CP", "35/NQ-CP"]),
    # 22479951
    ("Nhu cầu kinh phí thực hiện Quyết định 1880 và Quyết định 309 của Thủ tướng Chính phủ là 7.014 tỷ đồng.",
     ["1880/QĐ-TTg", "309/QĐ-TTg"]),
    # 22729898: two types, the Central Military Commission
    ("quán triệt, triển khai các chương trình thực hiện Nghị quyết 382 và Kết luận 763 của Quân ủy Trung ương về "
     "\"Lãnh đạo công tác kỹ thuật trong tình hình mới”, Nghị quyết 06-NQ/TW của Bộ Chính trị về “Xây dựng",
     ["382-NQ/QUTW", "763-KL/QUTW", "06-NQ/TW"]),
    # 22292554: each with its own issuer
    ("thực hiện Chỉ thị 05 của Bộ Chính trị, Chỉ thị 87 của Thường vụ Quân ủy Trung ương về học tập làm theo tư "
     "tưởng, đạo đức, phong cách Hồ Chí Minh.", ["05-CT/TW", "87-CT/QUTW"]),
])
def test_listed_references_share_the_issuer(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 21512564's construction: a type the issuer named after does not complete stays out
    ("thực hiện tốt các Nghị quyết 19 và Chỉ thị 20 của Thủ tướng Chính phủ.", ["20/CT-TTg"]),
    # another issuer, not in the table, named after the last: none is completed
    ("thực hiện tốt các Nghị quyết 19 và Quyết định 33 của Sở Xây dựng.", []),
    # not listed: a clause between them
    ("thực hiện Nghị quyết 19 để hỗ trợ doanh nghiệp, Nghị quyết 35 của Chính phủ", ["35/NQ-CP"]),
])
def test_listed_references_not_completed(text, expected):
    assert codes(text) == expected


# a ministry's circular referred to by its number and year: coded NUMBER/YEAR/TT-MINISTRY (the codes of
# directive_issuers.tsv); not without the year, nor from the subject of the next clause
@pytest.mark.parametrize("text, expected", [
    ("Theo Thông tư 83/2007 của Bộ Tài chính thì Thủ trưởng các cơ quan hành chính, đơn vị sự nghiệp, doanh nghiệp nhà "
     "nước phải thực hiện di dời các hộ gia đình, cá nhân ra khỏi khuôn viên cơ sở nhà đất.", ["83/2007/TT-BTC"]),  # 22554625
    ("Trả lời thắc mắc này, đại diện Cục Thuế TP.HCM cho hay căn cứ Thông tư số 111/2013 của Bộ Tài chính hướng dẫn về "
     "thuế thu nhập cá nhân thì khoản tiền nghỉ mát", ["111/2013/TT-BTC"]),  # 22686010
    # the ministry's name abbreviated (expanded first)
    ("“Nghị định lễ hội sắp tới dựa trên cơ sở kế thừa Nghị định 103/2009/NĐ-CP Quy chế hoạt động văn hóa và kinh doanh "
     "dịch vụ văn hóa công cộng và Thông tư 15/2015 của Bộ VHTT&DL", ["103/2009/NĐ-CP", "15/2015/TT-BVHTTDL"]),  # 21484794
    # the ministry as the subject of the issuing verb
    ("Bộ Công Thương đã ban hành Thông tư 08/2017 quy định về đăng ký giá, kê khai giá sữa và thực phẩm chức năng dành "
     "cho trẻ em dưới 6 tuổi.", ["08/2017/TT-BCT"]),  # 22653388
    # the subject of the next clause is not the issuer: kept as written
    ("“Theo Thông tư 20/2011, Bộ Công Thương yêu cầu các công ty nhập khẩu ô tô phải có giấy chứng nhận cơ sở bảo hành, "
     "bảo dưỡng ô tô đủ điều kiện do Bộ GTVT cấp mới được thông quan.", ["20/2011"]),  # 21478843
    # without the year the code is not certain: nothing
    ("Hiện Thông tư 20 của Bộ Công Thương chưa được bãi bỏ hoặc thay thế nên cơ quan hải quan vẫn căn cứ vào quy định "
     "tại thông tư này", []),  # 21478843
])
def test_ministry_circular_with_its_year(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # joint documents keep every issuer of their code
    ("Ở tuyến tỉnh, thành phố trực thuộc Trung ương, theo Thông tư liên tịch số 03/2000/TTLT-BYT-BGDĐT hướng dẫn thực "
     "hiện công tác YTTH", ["03/2000/TTLT-BYT-BGDĐT"]),  # 21478397
    ("Theo Thông tư liên tịch số 13/2013/TTLT-BCA-BQP- VKSNDTC-TANDTC thì bà Mai Phương có quyền yêu cầu.",
     ["13/2013/TTLT-BCA-BQP-VKSNDTC-TANDTC"]),  # 22628223
    ("Ngày 15/6/2017, Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam "
     "đã ban hành  Nghị quyết liên tịch  số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN Quy định chi tiết các hình thức "
     "giám sát", ["403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN"]),  # 22590247
    # a letter whose issuer's code has seven letters
    ("Ngày 23/5/2017, Bộ Văn hóa, Thể thao và Du lịch đã có Công văn số 2198/BVHTTDL-VP chỉ đạo Cục Nghệ thuật biểu "
     "diễn", ["2198/BVHTTDL-VP"]),  # 22411706
])
def test_joint_codes_and_long_issuer_codes(text, expected):
    assert codes(text) == expected
