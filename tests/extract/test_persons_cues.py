"""Persons: body names that end with a family name, given names that are time words, person cues (compound degrees,
Buddhist titles, rarer family names) and glued captions after a foreign name. Real sentences of the baomoi 2017
corpus (article ids in the comments), none from the gold-dev articles."""
import pytest

from graphkit.extract.article import extract
from graphkit.extract.persons import find_persons
from graphkit.ingest.article import Article


def facts(sentence):
    f = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    return sorted({m.name for m in f.persons}), sorted({(h.person, h.post.label) for h in f.holdings})


YOUTH_UNION = "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"


@pytest.mark.parametrize("sentence, persons, holds", [
    # 'Trung ương Đoàn' closes the body: 'Đoàn' is no family name of the next name (data/surname_body_ends.txt), and
    # the title is the Youth Union's, never the Party Secretariat's ('Bí thư Trung ương Đảng')
    ("Bí thư thứ nhất Ban Chấp hành Trung ương Đoàn Lê Quốc Phong.",  # 22328282
     ["Lê Quốc Phong"], [("Lê Quốc Phong", f"Bí thư thứ nhất {YOUTH_UNION}")]),
    ("Trưởng Ban Tuyên giáo Trung ương Võ Văn Thưởng và Bí thư thứ nhất Trung ương Đoàn Lê Quốc Phong trao giải nhất "
     "cho các tác giả đạt giải.",  # 22573693
     ["Lê Quốc Phong", "Võ Văn Thưởng"],
     [("Lê Quốc Phong", f"Bí thư thứ nhất {YOUTH_UNION}"), ("Võ Văn Thưởng", "Trưởng Ban Tuyên giáo Trung ương")]),
    ("Trưởng Ban Quốc tế Trung ương Đoàn Phạm Phương Chi cho rằng, báo cáo cần đánh giá đúng công tác quốc tế thanh "
     "niên đã diễn ra giữa thanh niên hai nước.",  # 22600362
     ["Phạm Phương Chi"], [("Phạm Phương Chi", "Trưởng Ban Quốc tế Trung ương Đoàn")]),
    ("Bí thư T.Ư Đoàn Bùi Quang Huy cũng đã chủ trì Hội nghị chuyên đề lấy ý kiến chuẩn bị Báo cáo chính trị Đại hội "
     "Đoàn toàn quốc lần thứ XI.",  # 22471939
     ["Bùi Quang Huy"], [("Bùi Quang Huy", f"Bí thư {YOUTH_UNION}")]),
    # the Youth Union's inspection commission is not the Party's 'Ủy ban Kiểm tra Trung ương'
    ("Anh Nguyễn Long Hải, Bí thư Trung ương Đoàn, Chủ nhiệm Ủy ban Kiểm tra Trung ương Đoàn chủ trì.",  # 22600362
     ["Nguyễn Long Hải"],
     [("Nguyễn Long Hải", f"Bí thư {YOUTH_UNION}"), ("Nguyễn Long Hải", f"Chủ nhiệm Ủy ban Kiểm tra {YOUTH_UNION}")]),
])
def test_a_body_that_ends_with_a_family_name(sentence, persons, holds):
    got_persons, got_holds = facts(sentence)
    assert got_persons == persons
    assert got_holds == holds
    assert not any(p.startswith("Đoàn ") for p in got_persons)
    assert not any(label in ("Bí thư Trung ương Đảng", "Chủ nhiệm Ủy ban Kiểm tra Trung ương") for _p, label in got_holds)


@pytest.mark.parametrize("sentence, persons, holds", [
    ("Theo chị Hà Thị Giang Thảo – Phó Bí thư Tỉnh đoàn Gia Lai, Tỉnh đoàn đã huy động được hơn 10 triệu đồng để "
     "giúp các gia đình nạn nhân.",  # 22219091
     ["Hà Thị Giang Thảo"], [("Hà Thị Giang Thảo", "Phó Bí thư Tỉnh đoàn Gia Lai")]),
])
def test_a_province_youth_union_before_a_name(sentence, persons, holds):
    assert facts(sentence) == (persons, holds)


@pytest.mark.parametrize("sentence, persons, holds", [
    # 'Sáng' ends the name when no time goes on after it (data/time_given_names.tsv)
    ("Theo đó, ngày 16.6.2017, Lê Duy Phong đã lên Yên Bái, gặp anh Vũ Xuân Sáng – Giám đốc Sở Kế hoạch Đầu tư Yên "
     "Bái - và có nêu một số vi phạm liên quan đến Sở này.",  # 22631354
     ["Vũ Xuân Sáng"], [("Vũ Xuân Sáng", "Giám đốc Sở Kế hoạch Đầu tư tỉnh Yên Bái")]),
    ("Cụ thể, người đứng đầu Sở Nội vụ hiện nay là ông Trần Huy Sáng - Giám đốc; 8 Phó Giám đốc Sở Nội vụ gồm có ông "
     "Nguyễn Ngọc Việt, Nguyễn Văn Hiếu.",  # 22615433
     ["Nguyễn Ngọc Việt", "Trần Huy Sáng"], []),
    # a time word glued after a name that opens the next sentence with a date or 'nay', 'ngày': cut
    ("Tổng Bí thư nói về việc xử lý ông Đinh La Thăng Sáng 13/5, tại buổi Tổng Bí thư Nguyễn Phú Trọng tiếp xúc cử "
     "tri quận Ba Đình và Tây Hồ (TP.Hà Nội), một số cử tri băn khoăn.",  # 22263782
     ["Nguyễn Phú Trọng", "Đinh La Thăng"], [("Nguyễn Phú Trọng", "Tổng Bí thư")]),
    ("Đại diện Báo VietNamNet trao số tiền 31.055.000 đồng đến tận tay gia đình chị Mai Thị Thắm Sáng ngày 13/5, PV "
     "VietNamNet trở lại thăm gia đình chị Thắm.",  # 22292840
     ["Mai Thị Thắm"], []),
])
def test_a_given_name_that_is_a_time_word(sentence, persons, holds):
    assert facts(sentence) == (persons, holds)


@pytest.mark.parametrize("sentence, expected", [
    ("Ông Kim Cự Chiều nay 15-5, tại phiên họp của Ủy ban Thường vụ Quốc hội (UBTVQH), sẽ có nội dung cho ý kiến",
     ["Kim Cự"]),  # 22276383: not 'Kim Cự Chiều'
    ("Trao đổi qua điện thoại, ông Mai Xuân Sáng cho biết, từ năm 1996 - 1998, ông có học cấp 3 ở Trường PTTH huyện "
     "Đắk R’lấp (tỉnh Đắk Lắk cũ), nhưng vì lý do gia đình nên không thi tốt nghiệp được.", ["Mai Xuân Sáng"]),  # 22403337
])
def test_a_time_word_after_a_name(sentence, expected):
    assert [h.name for h in find_persons(sentence)] == expected


@pytest.mark.parametrize("sentence, persons, holds", [
    # compound degrees before a name (data/honorifics.tsv)
    ("Ngày 6/2, Ths.BS Nguyễn Đình Liên, khoa Ngoại (Bệnh viện Đại học Y Hà Nội) cho biết, trong dịp nghỉ Tết "
     "Nguyên đán vừa qua, khoa Ngoại có tiếp nhận bệnh nhân.",  # 21473781
     ["Nguyễn Đình Liên"], []),
    ("Thầy thuốc ưu tú, TS.BS Hoàng Đình Chân, Nguyên Trưởng khoa Phẫu thuật lồng ngực BV K Trung ương cảnh báo "
     "rằng, rất nhiều người phát hiện bệnh ung thư ở giai đoạn muộn.",  # 21473309
     ["Hoàng Đình Chân"], []),
    ("PGS.TS.BS Thái Minh Sâm, Trưởng khoa Tiết niệu, Bệnh viện Chợ Rẫy cho hay: “Ngay khi nhận được đăng ký ghép "
     "tạng của ca bệnh, chúng tôi đã thực hiện nhiều xét nghiệm kiểm tra.",  # 21486945
     ["Thái Minh Sâm"], [("Thái Minh Sâm", "Trưởng khoa Tiết niệu Bệnh viện Chợ Rẫy")]),
    ("Chồng bà là PGS.BS Đỗ Đình Địch (1917-2009), nguyên Trưởng khoa đầu tiên, Khoa Hồi sức Cấp cứu (A9), BV Bạch "
     "Mai.",  # 22434111
     ["Đỗ Đình Địch"], []),
    ("BSCKII Phan Văn Đức - Phó Giám đốc Bệnh viện Quận 2 - cho biết, qua khám lâm sàng, làm các xét nghiệm cận lâm "
     "sàng như siêu âm, chụp CT Scan, các bác sĩ phát hiện có khối u tại gan phải của bệnh nhân.",  # 22308930
     ["Phan Văn Đức"], [("Phan Văn Đức", "Phó Giám đốc Bệnh viện Quận 2")]),
    # Buddhist titles before a dharma name (family name Thích)
    ("Tôi nhớ, Đại đức Thích Khai Bi, trụ trì chùa Cầm Thực dưới chân núi Yên Tử (Quảng Ninh) đã nói.",  # 21472657
     ["Thích Khai Bi"], []),
    ("Tình trạng \"thầy cúng nhiều hơn thầy chùa\" Theo Hòa thượng Thích Thanh Tứ (chùa Quán Sứ) cho biết: \"Trong "
     "sách của đạo Phật không nói về việc cúng sao giải hạn.",  # 21472921
     ["Thích Thanh Tứ"], []),
    ("Phóng viên Báo Lao Động đã trò chuyện với Thượng tọa Thích Nhật Từ - trụ trì chùa Giác Ngộ (TPHCM), Ủy viên Hội "
     "đồng trị sự T.Ư Giáo hội Phật giáo Việt Nam - về những vấn đề trên.",  # 21472006: 'Từ' before a dash ends it
     ["Thích Nhật Từ"], []),
    # the Buddha is no person of the story
    ("Đạo Phật dạy rằng: Thờ cúng đức Phật Thích Ca Mâu Ni là để tưởng nhớ công lao của Ngài, vì Ngài đã tìm ra chân "
     "lý giúp con người thoát khỏi sự khổ đau của kiếp làm người.", [], []),  # 21471934
    # rarer family names (data/surnames.txt)
    ("Ông Điểu Kré, Ủy viên Ban chấp hành Trung ương Đảng, Phó Trưởng ban thường trực Ban chỉ đạo Tây Nguyên cho "
     "biết: Mục tiêu của tổ chức lễ hội lần này nhằm quảng bá thương hiệu.",  # 21473740
     ["Điểu Kré"], [("Điểu Kré", "Phó Trưởng Ban Thường trực Ban chỉ đạo Tây Nguyên"),
                    ("Điểu Kré", "Ủy viên Ban Chấp hành Trung ương Đảng")]),
    ("Ngày 9/5, ông Ong Văn Lình, Phó Chủ tịch UBND xã Dương Hòa, huyện Kiên Lương, tỉnh Kiên Giang cho biết, một "
     "số khu vực ven biển thuộc địa bàn xã xuất hiện tình trạng cá chết bất thường trong 3 ngày qua.",  # 22225001
     ["Ong Văn Lình"], [("Ong Văn Lình", "Phó Chủ tịch Ủy ban nhân dân xã Dương Hòa")]),
    ("Ông Lèng Ngọc Đửng - Hạt trưởng Hạt Kiểm lâm huyện Bắc Quang (Hà Giang) đã lên tiếng về vụ ông này lái xe tông "
     "liên hoàn 2 ô tô khác xảy ra cách đây ít ngày.",  # 21479863
     ["Lèng Ngọc Đửng"], [("Lèng Ngọc Đửng", "Hạt trưởng Hạt Kiểm lâm huyện Bắc Quang")]),
    ("Ông Hoàng Văn Hợp (trái), và ông Cấn Văn Tình (phải) phản ánh sự việc vịt chết bất thường…",  # 21494712
     ["Cấn Văn Tình", "Hoàng Văn Hợp"], []),
])
def test_person_cues(sentence, persons, holds):
    assert facts(sentence) == (persons, holds)


@pytest.mark.parametrize("sentence, expected", [
    # a caption glued to the next sentence: the word opening it is no part of a foreign name
    ("CEO Tim Cook của Apple và Thủ tướng Ấn Độ Narendra Modi Tuy nhiên, theo kế hoạch ban đầu, nhà máy của Apple "
     "tại Ấn Độ sẽ chỉ sản xuất iPhone SE – mẫu iPhone màn hình 4-inch được trình làng hồi đầu năm 2016.",
     ["Narendra Modi"]),  # 21474034
    ("Thủ tướng Anh Theresa May Tuy nhiên, bà Theresa May đã cảnh cáo, ngay cả trong trường hợp các nghị sĩ Quốc hội "
     "không thông qua các điều khoản của dự thảo thỏa thuận cuối cùng về Brexit, nước Anh vẫn sẽ trở thành quốc gia "
     "đầu tiên rời khỏi khối này.", ["Theresa May", "Theresa May"]),  # 21491515 (named twice)
    ("Anh chính là em của nam diễn viên kiêm đạo diễn Ben Affleck Trong khi đó, đề cử của Casey Affleck tại hạng mục "
     "\"Nam diễn viên xuất sắc nhất\" thì lại vấp phải rất nhiều phản đối từ khán giả.", ["Ben Affleck"]),  # 21495411
])
def test_a_glued_clause_opener_after_a_foreign_name(sentence, expected):
    assert [h.name for h in find_persons(sentence)] == expected
