"""A province's name that ends or sits inside a firm's name names no province of the article (gold/SCHEMA.md,
Scope), and a post in that firm keeps the firm's name as written (no 'tỉnh' put into it). Real sentences of the
baomoi 2017 corpus (id in the comment), none of the gold-dev articles."""
import pytest

from graphkit.extract.article import extract
from graphkit.extract.places import find_provinces
from graphkit.ingest.article import Article


@pytest.mark.parametrize("text, expected", [
    # the firm's name ends in a province's: none named
    ("CTCP Quốc Cường Gia Lai vừa công bố BCTC hợp nhất quý IV/2016 với doanh thu thuần gần 738 tỷ đồng", []),  # 21510361
    ("ông Võ Quan Huy, Giám đốc Công ty TNHH Huy Long An bày tỏ, doanh nghiệp hiện nay cần điều kiện kinh doanh",
     []),  # 22566044
    ("ông Trần Mạnh Báo, Chủ tịch HĐQT kiêm Tổng giám đốc Công ty Cổ phần Tổng công ty giống cây trồng Thái Bình "
     "cũng cho rằng thủ tục nhận hỗ trợ hiện này cũng quá rườm rà.", []),  # 22566044
    ("chuyển nhượng 80% phần vốn góp của công ty mẹ tại Công ty TNHH Dịch vụ Xuyên Thái Bình và công ty TNHH Liên "
     "Thái Bình.", []),  # 21472359
    ("Sáng 7/2, hàng trăm cán bộ, nhân viên, lao động Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh đồng loạt ra quân",
     []),  # 21481698
    ("Sau đó Công ty Điện lực Nghệ An đã có phản hồi và đưa ra lời xin lỗi với khách hàng", []),  # 22440848
    # … and the province the same sentence names in its own right stays
    ("Công ty TNHH MTV Đô thị và Môi trường Đắk Lắk thuộc UBND tỉnh Đắc Lắk đã có thông báo nhà thầu trúng thầu",
     ["Đắk Lắk"]),  # 21495057
    ("Ông Võ Hồng Sơn - Giám đốc Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh cho biết, đợt ra quân này nhằm tạo khí thế "
     "đầu xuân mới theo tinh thần Chỉ thị số 13/CT-UBND ngày 25/11/2016 của UBND tỉnh Hà Tĩnh.", ["Hà Tĩnh"]),
    # a place after the firm, not in its name: a mark, a preposition, a branch, a route, a body
    ("Khi được hỏi về danh tính doanh nghiệp thuê đất, ông Kiên chỉ trả lời: “Đó là một công ty ở Hà Nội”.",
     ["Hà Nội"]),  # 21479058
    ("Giao dịch tại Ngân hàng Vietinbank chi nhánh Nghệ An.", ["Nghệ An"]),  # 21474294
    ("Đây là xe khách 50 chỗ của công ty 3/2 Hòa Bình chạy tuyến Hòa Bình - Móng Cái.", ["Hòa Bình"]),  # 21471328
    ("Công ty Cổ phần Gang thép Thái Nguyên (thị trấn Trại Cau, huyện Đồng Hỷ, Thái Nguyên)",
     ["Thái Nguyên"]),  # 22343561 (the second: in brackets)
    # the bodies of a province name it (Sở, UBND, Công an …)
    ("Lãnh đạo Phòng CSGT (Công an tỉnh Hòa Bình) cho biết, chiếc xe khách 50 chỗ chạy tuyến Hòa Bình - Móng Cái",
     ["Hòa Bình", "Hòa Bình"]),  # 21471328
])
def test_a_province_in_a_firms_name_is_none(text, expected):
    assert [m.place.name for m in find_provinces(text)] == expected


def _facts(sentence):
    return extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))


@pytest.mark.parametrize("sentence, person, post", [
    ("ông Võ Quan Huy, Giám đốc Công ty TNHH Huy Long An bày tỏ, doanh nghiệp hiện nay cần điều kiện kinh doanh",
     "Võ Quan Huy", "Giám đốc Công ty TNHH Huy Long An"),  # 22566044 (not '… Huy tỉnh Long An')
    ("Ông Võ Hồng Sơn - Giám đốc Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh cho biết, đợt ra quân này nhằm tạo khí thế "
     "đầu xuân mới", "Võ Hồng Sơn", "Giám đốc Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh"),  # 21481698
])
def test_a_post_in_a_firm_keeps_its_name(sentence, person, post):
    facts = _facts(sentence)
    assert [(h.person, h.post.label) for h in facts.holdings] == [(person, post)]
    assert all("tỉnh" not in h.post.label for h in facts.holdings)
    assert facts.provinces == []


@pytest.mark.parametrize("sentence, post, province", [
    # a State body of the province, with its kind word: names it (SCHEMA: also through their bodies)
    ("Liên quan tới vụ tai nạn đặc biệt nghiêm trọng này, ông Mai Xuân Hải, Giám đốc Sở Y tế tỉnh Gia Lai cho biết, "
     "đến sáng nay, còn 6 nạn nhân đang điều trị", "Giám đốc Sở Y tế tỉnh Gia Lai", "Gia Lai"),  # 22307628
])
def test_a_provinces_body_names_it(sentence, post, province):
    facts = _facts(sentence)
    assert [h.post.label for h in facts.holdings] == [post]
    assert [p.name for p, _ev in facts.provinces] == [province]


def test_a_name_after_a_spaced_dash_is_no_person():
    # 22242587: the firm's English name after a spaced dash; the province there ends the firm's name as before
    # ('Trang Waco' is no person, and gets no post)
    facts = _facts("Ủy ban Kiểm tra Tỉnh ủy Sóc Trăng thi hành kỷ luật ông Đặng Văn Ngọ (Chủ tịch HĐQT kiêm Tổng giám "
                   "đốc Công ty TNHH Một thành viên Cấp nước Sóc Trăng - Soc Trang Waco) với hình thức khiển trách.")
    assert [p.name for p in facts.persons] == ["Đặng Văn Ngọ"]
    assert all(h.person == "Đặng Văn Ngọ" for h in facts.holdings)


@pytest.mark.parametrize("sentence, person, post", [
    # a province's name that ends a university's name names no province, and the post keeps the name as written
    # (company_heads.txt; ĐH before a capital is Đại học: abbreviations.tsv)
    ("Thông tin nói trên được ông Trần Văn Tớp, Phó Hiệu trưởng Trường ĐH Bách khoa Hà Nội cho biết vào ngày hôm "
     "qua, 6/2.", "Trần Văn Tớp", "Phó Hiệu trưởng Trường Đại học Bách khoa Hà Nội"),  # 21478299
    ("Ông Nguyễn Kim Sơn, Hiệu trưởng ĐH Bách khoa Hà Nội, cũng cho hay phương án tuyển sinh theo nhóm sẽ giảm tỉ lệ "
     "ảo.", "Nguyễn Kim Sơn", "Hiệu trưởng Đại học Bách khoa Hà Nội"),  # 22218843
    ("Đa dạng cây trồng, vật nuôi GS-TS Võ Tòng Xuân, Hiệu trưởng Trường ĐH Nam Cần Thơ, đưa ra phân tích tiểu vùng "
     "Tứ giác Long Xuyên.", "Võ Tòng Xuân", "Hiệu trưởng Trường Đại học Nam Cần Thơ"),  # 22302472
    # … and a term after the title ends the name (posts._TERM_END)
    ("TS Lưu Trang, Phó hiệu trưởng nhà trường được bổ nhiệm làm Hiệu trưởng Trường Đại học Sư phạm Đà Nẵng nhiệm kỳ "
     "2014-2019.", "Lưu Trang", "Hiệu trưởng Trường Đại học Sư phạm Đà Nẵng"),  # 21479210
])
def test_a_post_in_a_university_keeps_its_name(sentence, person, post):
    facts = _facts(sentence)
    assert [(h.person, h.post.label) for h in facts.holdings] == [(person, post)]
    assert facts.provinces == []


def test_a_school_of_the_province_with_its_kind_word_names_it():
    # 'TP Đà Nẵng' with its kind word: the city's own school, and the city is named
    facts = _facts("Ông Lê Minh Trung thôi giữ chức Bí thư Quận ủy và nhận nhiệm vụ mới là Hiệu trưởng Trường Chính "
                   "trị TP Đà Nẵng.")  # 21473466
    assert [p.name for p, _ev in facts.provinces] == ["Đà Nẵng"]


@pytest.mark.parametrize("text, expected", [
    # a newspaper's name names no province (gold/SCHEMA.md, Scope): credits, by-lines, sources
    ("* Nội dung bài viết được Báo Hà Tĩnh điện tử lược dịch từ Reuters.", []),  # 21472340
    ("(Theo báo Nghệ An)", []),  # 21481421
    ("Theo Kiều Oanh (Báo Cà Mau)", []),  # 21511807
    ("Theo báo Hà Nội Mới, Công ty TNHH Dệt Pacific Crystal (Trung Quốc) đã xả nước thải có 5 thông số vượt quy chuẩn "
     "kỹ thuật", []),  # 21474102
    # … but the journalists' association of a province is one of its bodies: the province stays
    ("Trong nỗ lực chung cho sự phát triển của báo chí tỉnh nhà và sự trưởng thành về kỹ năng chuyên môn, sự hoàn thiện "
     "về đạo đức nghề nghiệp của đội ngũ những người làm báo, Hội Nhà báo Hà Tĩnh, các cơ quan báo chí, các hội viên cần "
     "phải đi sâu vào cuộc sống", ["Hà Tĩnh"]),  # 22574162
    # a masthead a city ends, with its kind word ('Pháp Luật TP.HCM'), and an agency's by-line with its newsroom's city
    ("Chiều 6-2, trao đổi với Pháp Luật TP.HCM qua điện thoại, ông Nguyễn Văn Hùng, Viện trưởng VKSND thị xã Thuận An, "
     "đã xác nhận: “VKSND tỉnh Bình Dương đã ra quyết định kỷ luật đối với kiểm sát viên Dương Văn Vũ”.",
     ["Bình Dương"]),  # 21473377
    ("Hà Nội xem xét xử lý nghiêm hai cô giáo Trường Mầm non Sen Vàng đánh học sinh xảy ra mới đây, theo tin tức trên "
     "báo Pháp luật TP. HCM.", ["Hà Nội"]),  # 21472923
    ("Như Pháp Luật TP.HCM đã thông tin, từ ngày 25-1, Sở TT&TT TP Hà Nội chính thức mở kênh nhận thông tin góp ý của "
     "người dân về hệ thống loa phường.", ["Hà Nội"]),  # 21472775
    ("Việt Quốc/VOV-TPHCM", []),  # 21473685
    ("Lệ Hằng/VOV-TP HCM", []),  # 21473395
    ("Việt Quốc/VOV – TP HCM", []),  # 21472109
    # … not the agency's name in a sentence
    ("Theo đó, VOV cho biết thêm, lãnh đạo TP HCM đã thăm các khu nhà ở xã hội Hòa Lợi và Định Hòa tại thành phố Thủ Dầu "
     "Một, tỉnh Bình Dương và tìm hiểu cuộc sống người lao động ở đây.",
     ["Thành phố Hồ Chí Minh", "Bình Dương"]),  # 21470348
])
def test_a_province_in_a_newspapers_name_is_none(text, expected):
    assert [m.place.name for m in find_provinces(text)] == expected
