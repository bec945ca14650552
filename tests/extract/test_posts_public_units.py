"""Posts of public units and departments (gold/SCHEMA.md, Scope: hospitals, universities, schools, trade unions,
ministry departments): head nouns written in lower case, hospital departments, forest protection units, trade
unions below the province, sentence-case 'Trung tâm' names, commas inside a body's name.

Every sentence is a real one of the baomoi 2017 corpus (its id given), none of the gold-dev articles.
"""
import pytest

from graphkit.extract.article import extract
from graphkit.extract.posts import parse_title_list
from graphkit.ingest.article import Article


def _holdings(sentence: str) -> dict[str, set[str]]:
    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    out: dict[str, set[str]] = {}
    for h in facts.holdings:
        out.setdefault(h.person, set()).add(h.post.label)
    return out


@pytest.mark.parametrize("sentence, expected", [
    # 1. a title and its body's head noun written in lower case after a name and a comma or a dash
    ("Trong khi đó, tuy là vùng có đồng bào dân tộc nhưng ông Hoàng Văn Thinh, giám đốc sở GD&ĐT Tuyên Quang cho biết "
     "sau Tết nguyên đán, từ ngày 6 tháng Giêng, học sinh của Tuyên Quang đã đến học bình thường.",  # 21481448
     {"Hoàng Văn Thinh": {"Giám đốc Sở Giáo dục và Đào tạo tỉnh Tuyên Quang"}}),
    ("Ông Lê Ngọc Quang, Phó giám đốc sở GD-ĐT Hà Nội phụ trách trực tiếp khối GD mầm non thông tin, ông đã xem clip.",
     {"Lê Ngọc Quang": {"Phó Giám đốc Sở Giáo dục và Đào tạo thành phố Hà Nội"}}),  # 21471871
    ("Bs Đào Trung Hiếu – Phó giám đốc bệnh viện (BV) Nhi Đồng 1 TP.HCM, cho biết BV vừa tiếp nhận một trường hợp.",
     {"Đào Trung Hiếu": {"Phó Giám đốc Bệnh viện Nhi Đồng 1 Thành phố Hồ Chí Minh"}}),  # 22615324
    ("Zing.vn xin giới thiệu bài viết của PGS Văn Như Cương - Hiệu trưởng trường THPT Lương Thế Vinh, Hà Nội - về vấn đề"
     " này.", {"Văn Như Cương": {"Hiệu trưởng Trường THPT Lương Thế Vinh thành phố Hà Nội"}}),  # 21468982
    ("Bà Lê Thị Thúy, Hiệu trưởng trường Mầm non Đồng Thắng, lý giải hôm đó, nhà trường cho nghỉ học.",  # 21474451
     {"Lê Thị Thúy": {"Hiệu trưởng Trường Mầm non Đồng Thắng"}}),  # (and no person 'Đồng Thắng')
    # 2. a department of a hospital, its parent after a comma; 'Phó trưởng khoa', 'Phó khoa'
    ("Theo PGS.TS Vũ Minh Phúc, Trưởng khoa tim mạch, BV Nhi Đồng 1, bệnh nhi nhập viện trong tình trạng tỉnh táo.",
     {"Vũ Minh Phúc": {"Trưởng khoa Tim mạch Bệnh viện Nhi Đồng 1"}}),  # 22615324
    ("Bác sĩ Nguyễn Thế Huy, Phó trưởng khoa Tai Mũi Họng, Bệnh viện Nhi Đồng 1 TP.HCM, cho biết: \"Nếu viên bi đi lệch"
     " một xíu nữa thì sẽ gây đứt dây thần kinh thị giác của bé\".",  # 21473015
     {"Nguyễn Thế Huy": {"Phó Trưởng khoa Tai Mũi Họng Bệnh viện Nhi Đồng 1 Thành phố Hồ Chí Minh"}}),
    ("Theo bác sĩ Nguyễn Kinh Ban, Phó khoa ngoại tổng hợp, BV Nhi Đồng 1, ca mổ diễn ra trong 2 giờ.",  # 22615324
     {"Nguyễn Kinh Ban": {"Phó Trưởng khoa Ngoại tổng hợp Bệnh viện Nhi Đồng 1"}}),
    # 'Hạt trưởng Hạt Kiểm lâm …', 'Phó Hạt trưởng'
    ("Cùng ngày, ông Nay Vân, Hạt trưởng Hạt Kiểm lâm Chư Pah cho biết, trong sáng cùng ngày, đại diện Chi cục kiểm lâm"
     " Gia Lai đã làm việc.", {"Nay Vân": {"Hạt trưởng Hạt Kiểm lâm Chư Pah"}}),  # 21488671
    ("Ngày 9/5, lãnh đạo Sở Nông nghiệp và Phát triển nông thôn tỉnh Đắk Nông cho biết, đơn vị đã thành lập Hội đồng kỷ"
     " luật để xem xét hình thức kỷ luật đối với ông Thái Hữu Nhuận, Phó Hạt trưởng Hạt Kiểm lâm Khu Bảo tồn thiên"
     " nhiên Nam Nung, về hành vi sai phạm.",  # 22227334
     {"Thái Hữu Nhuận": {"Phó Hạt trưởng Hạt Kiểm lâm Khu Bảo tồn thiên nhiên Nam Nung"}}),
    # trade unions below the province
    ("Chiều 1/7, ông Tô Minh Lắm, Chủ tịch Công đoàn các Khu công nghiệp tỉnh An Giang cho biết, khoảng 300 công nhân"
     " đã phải nhập viện.",  # 22656559
     {"Tô Minh Lắm": {"Chủ tịch Công đoàn các Khu công nghiệp tỉnh An Giang"}}),
    ("Ông Nguyễn Đình Thắng – Phó Chủ tịch Công đoàn KCN và chế xuất Hà Nội cho biết, năm nay các doanh nghiệp trên địa"
     " bàn có lịch làm việc rất linh hoạt.",  # 21494608
     {"Nguyễn Đình Thắng": {"Phó Chủ tịch Công đoàn Khu công nghiệp và chế xuất thành phố Hà Nội"}}),
    # 'Trung tâm' names in sentence case, read up to a predicate or a place
    ("Chia sẻ với PV ngày 20/6, GS.TS. Trịnh Hồng Sơn, Phó Giám đốc Bệnh viện Việt Đức, Giám đốc Trung tâm điều phối"
     " tạng quốc gia chia sẻ một bước tiến mới trong lĩnh vực ghép tạng.",  # 22575004
     {"Trịnh Hồng Sơn": {"Phó Giám đốc Bệnh viện Việt Đức", "Giám đốc Trung tâm điều phối tạng quốc gia"}}),
    ("Ông Huỳnh Ngọc Long, Giám đốc trung tâm giới thiệu việc làm Đồng Nai, cho biết thêm: “Phần lớn DN hiện nay trả"
     " lương công nhân cao hơn mức lương tối thiểu”.",  # 21472555
     {"Huỳnh Ngọc Long": {"Giám đốc Trung tâm giới thiệu việc làm tỉnh Đồng Nai"}}),
    # 3. a comma inside a body's name: a list closed by 'và'
    ("Cục trưởng Cục Quốc tịch, hộ tịch và chứng thực Nguyễn Công Khanh thông tin thêm, vấn đề này không chỉ có mỗi"
     " nghị quyết 58.",  # 22721708
     {"Nguyễn Công Khanh": {"Cục trưởng Cục Quốc tịch, hộ tịch và chứng thực"}}),
    ("Ông Vũ Văn Tư, Giám đốc Trung tâm Xúc tiến đầu tư, thương mại và du lịch Lâm Đồng, đơn vị đồng tổ chức ngày hội"
     " đánh giá, phần lớn hoa anh đào tại Đà Lạt sẽ tiếp tục không nở.",  # 21478984
     {"Vũ Văn Tư": {"Giám đốc Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh Lâm Đồng"}}),
])
def test_public_unit_posts(sentence, expected):
    assert _holdings(sentence) == expected


@pytest.mark.parametrize("phrase, expected", [
    # a ministry's name with a comma, joined by a dash to its department (the abbreviation spelt out is one name)
    ("Phó Cục trưởng Cục Văn hóa cơ sở - Bộ VHTTDL",  # 21486797: 'bà Ninh Thị Thu Hương- Phó Cục trưởng …'
     ["Phó Cục trưởng Cục Văn hóa cơ sở - Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Phó Giám đốc Bệnh viện Việt Đức, Giám đốc Trung tâm Điều phối ghép tạng quốc gia cho biết, tính đến 31/5/2017",
     ["Phó Giám đốc Bệnh viện Việt Đức", "Giám đốc Trung tâm Điều phối ghép tạng quốc gia"]),  # 22575004
    ("Phó Giám đốc Trung tâm Dự báo nhu cầu nhân lực và Thông tin thị trường lao động, do các DN thực hiện",  # 21473519
     ["Phó Giám đốc Trung tâm Dự báo nhu cầu nhân lực và Thông tin thị trường lao động"]),
    ("Trưởng khoa Hồi sức Sơ sinh BV Nhi Đồng 1 cho biết, ngay sau khi tiếp nhận bệnh nhi",  # 21474378
     ["Trưởng khoa Hồi sức Sơ sinh Bệnh viện Nhi Đồng 1"]),
])
def test_public_unit_titles(phrase, expected):
    from graphkit.extract.posts import to_post

    posts, _ = parse_title_list(phrase)
    assert [to_post(p).label for p in posts] == expected


@pytest.mark.parametrize("phrase", [
    # precision: a title in lower case whose body is not named, or named only by lower-case words, gives no post
    "giám đốc trung tâm sinh sản của bệnh viện Tôn Dật Tiên, từ đầu năm 2016",  # 21491060
    "giám đốc bệnh viện địa phương, nói với Reuters rằng",  # 21512407
    "giám đốc trung tâm đấu giá Summers Place nói rằng rất hiếm khi",  # 22453718
    "giám đốc công ty cổ phần Hiệp Phú cho biết",  # 22501711 (a private company's: 'công ty' is read only capitalised)
    "hiệu trưởng trường này đã xin lỗi và tuyên bố giải thể",  # 21488799
    "giám đốc bệnh viện bổ nhiệm con trai bị động kinh",  # 22374845
    # a department whose parent is not named: not known whose
    "Trưởng khoa Hồi sức Sơ sinh của bệnh viện cho biết, các xét nghiệm cho thấy",  # 21481288
    # a union whose body is only 'Công ty'
    "Chủ tịch Công đoàn Công ty, cho biết sáng 6-2, công ty mở cửa làm việc",  # 21476249
])
def test_no_post_without_a_named_body(phrase):
    assert parse_title_list(phrase)[0] == []


@pytest.mark.parametrize("sentence, person", [
    ("Tại Trường mầm non Mai Dịch (Hà Nội), hiệu trưởng trường này – bà Vũ Ngọc Dự cho biết, sự việc của bé Q.",
     "Vũ Ngọc Dự"),  # 22281251
    ("Thông tin trên Dân trí, BS Phạm Thị Thanh Tâm, Trưởng khoa Hồi sức Sơ sinh của bệnh viện cho biết, các xét"
     " nghiệm cho thấy.", "Phạm Thị Thanh Tâm"),  # 21481288
    ("Tương tự, tại Công ty TNHH Đức Bổn (100% vốn Đài Loan; KCX Tân Thuận, TP HCM), ông Phan Như Bình, Chủ tịch Công"
     " đoàn Công ty, cho biết sáng 6-2, công ty mở cửa làm việc.", "Phan Như Bình"),  # 21476249
    # an organ of a body not named (organ_bodies.txt): a firm's board, a project's management board
    ("Ông Nguyễn Xuân Hàn, Chủ tịch Hội đồng quản trị kiêm Tổng Giám đốc Maseco đánh cồng khai trương cổ phiếu MSC của"
     " Maseco tại Sở Giao dịch Chứng khoán Hà Nội (HNX).", "Nguyễn Xuân Hàn"),  # 21487561
    ("Ngày 19/5, ông Vũ Hồng Phương, Phó Tổng Giám đốc Ban quản lý dự án đường sắt đô thị Cát Linh- Hà Đông cho hay, bắt"
     " đầu từ 9h sáng 20/5, đơn vị sẽ mở bạt đoàn tàu.", "Vũ Hồng Phương"),  # 22316683
])
def test_no_holding_without_a_named_body(sentence, person):
    assert person not in _holdings(sentence)


def test_a_run_on_name_stops_before_the_sentence():
    # a 'Trung tâm' name in sentence case does not run over the words the sentence goes on with
    posts, _ = parse_title_list("Giám đốc Trung tâm Đào tạo chỉ đạo các đơn vị tổ chức tập huấn")
    assert [p.body for p in posts] in ([], ["Trung tâm Đào tạo"])


def test_no_person_inside_a_school_name():
    facts = extract(Article(id="x", text="Tin tức\nBà Lê Thị Thúy, Hiệu trưởng trường Mầm non Đồng Thắng, lý giải hôm"
                                          " đó, nhà trường cho nghỉ học.", source="test"))  # 21474451
    assert "Đồng Thắng" not in {m.name for m in facts.persons}


@pytest.mark.parametrize("sentence, expected", [
    # a department's name in sentence case ends at its parent body in brackets (body_heads.tsv, "bracket")
    ("PGS.TS Trần Đắc Phu, Cục trưởng Cục Y tế dự phòng (Bộ Y tế) cho rằng, nhiều khả năng dịch bệnh do vi rút Zika sẽ"
     " tăng cả về số ca bệnh.",  # 21478691
     {"Trần Đắc Phu": {"Cục trưởng Cục Y tế dự phòng"}}),
    ("Ông Trương Thanh Hoài, Vụ trưởng Vụ Công nghiệp nặng (Bộ Công Thương) cho biết, Việt Nam hiện chỉ có khoảng 1.383"
     " doanh nghiệp (DN) hoạt động trong lĩnh vực CNHT.",  # 21479006
     {"Trương Thanh Hoài": {"Vụ trưởng Vụ Công nghiệp nặng"}}),
    ("Đồng quan điểm, TS Phan Hữu Thắng, nguyên Cục trưởng Cục Đầu tư nước ngoài (Bộ KH-ĐT), bổ sung rằng phân khúc BĐS"
     " nghỉ dưỡng vẫn đang “nóng” ở tầm trung và dài hạn.",  # 21478794
     {"Phan Hữu Thắng": {"Cục trưởng Cục Đầu tư nước ngoài"}}),  # (a former post)
    # ... also over a comma inside the name; a parent named after a comma ends it
    ("Ông Lương Duy Hanh, Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường, Tổng cục Môi trường (Bộ TN&MT) bị kỷ"
     " luật cách chức.",  # 22573784
     {"Lương Duy Hanh": {"Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường"}}),
])
def test_a_sentence_case_name_ends_at_its_parent_in_brackets(sentence, expected):
    got = _holdings(sentence)
    assert {p: got.get(p) for p in expected} == expected


@pytest.mark.parametrize("phrase, body", [
    ("Vụ trưởng Vụ Công tác học sinh, sinh viên (Bộ GD-ĐT) cho biết", "Vụ Công tác học sinh, sinh viên"),  # 21478397
    # a person's name before the bracket is not the body's
    ("Vụ trưởng Vụ Giáo dục thể chất Ngũ Duy Anh (Bộ GD&ĐT) cho rằng", None),  # 22487713
])
def test_parent_bracket_end(phrase, body):
    posts, _ = parse_title_list(phrase)
    assert (posts[0].body if posts else None) == body


@pytest.mark.parametrize("text, expected", [
    # a unit's kind word alone after a body's name: the body of the article's province (or city)
    ("Ban thường vụ Tỉnh ủy Gia Lai đã bàn hành quyết định kỷ luật cách hết các chức vụ trong Đảng đối với ông Lý Hùng"
     " Thanh, Cục trưởng Cục Thống kê tỉnh, vì có con riêng.",  # 22315925
     {"Lý Hùng Thanh": {"Cục trưởng Cục Thống kê tỉnh Gia Lai"}}),
    # ... also when the person's name follows the kind word
    ("Hà Nội sẽ xử lý dứt điểm. Theo Cục trưởng Cục Thi hành án dân sự TP Lê Quang Tiến, trong 6 tháng đầu năm, Cục đã"
     " ra quyết định thi hành án đúng thời hạn đối với 100% các bản án.",  # 22737603
     {"Lê Quang Tiến": {"Cục trưởng Cục Thi hành án dân sự thành phố Hà Nội"}}),
    ("Tỉnh Hà Tĩnh. Theo Đại tá Nguyễn Đình Dương - Phó Bí thư Đảng ủy, Chính ủy Bộ CHQS tỉnh: Việc học tập, làm theo tư"
     " tưởng, đạo đức và phong cách Hồ Chí Minh trong LLVT Hà Tĩnh được triển khai.",  # 22455850
     {"Nguyễn Đình Dương": {"Chính ủy Bộ CHQS tỉnh Hà Tĩnh"}}),
])
def test_a_bare_kind_word_names_the_articles_province(text, expected):
    got = _holdings(text)
    assert {p: got.get(p, set()) & set(v) for p, v in expected.items()} == expected


@pytest.mark.parametrize("sentence, expected", [
    # the boards of a People's Council, 'ban' in lower case (body_heads.tsv, "lower-council")
    ("Yêu cầu xử lý nghiêm trường hợp tái phạm Trưởng ban Kinh tế - Ngân sách HĐND TP Hà Nội Phạm Thị Thanh Mai cho biết,"
     " vấn đề giá trông giữ phương tiện dịp lễ hội đã được Ban khảo sát năm 2016.",  # 21478924
     {"Phạm Thị Thanh Mai": {"Trưởng Ban Kinh tế - Ngân sách Hội đồng nhân dân thành phố Hà Nội"}}),
    ("ĐB Trương Trung Kiên, Trưởng ban Đô thị HĐND TP.HCM, chỉ ra vấn đề: “Hiện có quá nhiều khâu trung gian trong việc"
     " xử lý rác thải đô thị.",  # 22509300
     {"Trương Trung Kiên": {"Trưởng Ban Đô thị Hội đồng nhân dân Thành phố Hồ Chí Minh"}}),
    ("ĐB Trương Lâm Danh, Trưởng ban pháp chế HĐND TP.HCM, cho biết việc \"cát tặc\" hoành hành, hút cát trái phép cả"
     " ngày lẫn đêm.",  # 22688631
     {"Trương Lâm Danh": {"Trưởng Ban pháp chế Hội đồng nhân dân Thành phố Hồ Chí Minh"}}),
])
def test_a_peoples_councils_boards_in_lower_case(sentence, expected):
    got = _holdings(sentence)
    assert {p: got.get(p, set()) & v for p, v in expected.items()} == expected


def test_other_lower_case_boards_are_not_cut_short():
    # 'ban Chỉ đạo Công tác thông tin đối ngoại' (a steering committee) is not read as 'Ban Chỉ đạo Công tác'
    got = _holdings("Dự lễ trao giải có: Chủ tịch nước Trần Đại Quang ; đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Bí"
                    " thư Trung ương Đảng, Trưởng ban Tuyên giáo Trung ương, Trưởng ban Chỉ đạo Công tác thông tin đối"
                    " ngoại; đồng chí Vũ Đức Đam, Phó Thủ tướng Chính phủ.")  # 22420036
    assert "Trưởng Ban Chỉ đạo Công tác" not in got.get("Võ Văn Thưởng", set())
