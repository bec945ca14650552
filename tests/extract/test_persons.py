"""Persons: names with the context that makes them persons; by-lines and credits are not persons."""
import pytest

from graphkit.extract.facts import Place

from graphkit.extract.persons import find_persons, name_candidates, names_given_alone


def names(sentence):
    return [h.name for h in find_persons(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    # seed 000: a list of persons with their titles, semicolons between persons
    ("Các đồng chí: Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; "
     "Nguyễn Quang Dương, Ủy viên T.Ư Đảng, Phó trưởng Ban Tổ chức T.Ư; Dương Văn Thái, Ủy viên T.Ư Đảng, "
     "Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Bắc Giang đồng chủ trì.",
     ["Trương Thị Mai", "Nguyễn Quang Dương", "Dương Văn Thái"]),
    ("Cùng dự có các đồng chí: Mai Sơn, Phó Chủ tịch Thường trực UBND tỉnh; Nghiêm Xuân Hưởng, Phó Chủ tịch HĐND tỉnh.",
     ["Mai Sơn", "Nghiêm Xuân Hưởng"]),
    # seed 001: with a dash
    ("Đồng chí Cao Hoàng Sơn - Vụ trưởng Vụ Địa phương II phát biểu chỉ đạo Hội nghị", ["Cao Hoàng Sơn"]),
    # title before the name
    ("Bí thư Tỉnh ủy Dương Văn Thái làm Trưởng Ban Chỉ đạo phòng, chống tham nhũng", ["Dương Văn Thái"]),
    ("Chủ tịch UBND thành phố Hà Nội Nguyễn Đức Chung chủ trì cuộc họp giao ban", ["Nguyễn Đức Chung"]),  # 21474312
    ("Trao đổi với báo chí, Phó chủ nhiệm UB Kiểm tra TƯ Lê Thị Thủy cho biết", ["Lê Thị Thủy"]),  # 22383482
    # seed 003: old tone placement is normalised in the name
    ("Trần Văn Tuý - Trưởng ban công tác đại biểu Quốc hội, Phó Trưởng ban Tổ chức Trung ương đồng chủ trì",
     ["Trần Văn Túy"]),
    # the form of address is not part of the name (corpus 22598683)
    ("Ông Lê Đình Lý, Phó Giám đốc Sở Nội vụ cho biết", ["Lê Đình Lý"]),
    # foreign names after a form of address (corpus 22644537)
    ("Tại cuộc gặp với ông Gennady Ziuganov, Chủ tịch nước Trần Đại Quang đánh giá cao",
     ["Gennady Ziuganov", "Trần Đại Quang"]),
    # by-lines and photo credits are not persons
    ("Tin, ảnh: Quốc Trường", []),
    ("Hương Dịu", []),
    ("Lê Chung", []),
    ("Chủ tịch nước Trần Đại Quang. (Ảnh: Nhan Sáng/TTXVN)", ["Trần Đại Quang"]),
    # QH is Quốc hội (data/abbreviations.tsv); rarer family names (data/surnames.txt); corpus 2017
    ("Chủ tịch QH Nguyễn Thị Kim Ngân đánh giá nợ xấu hiện nay không bình thường.", ["Nguyễn Thị Kim Ngân"]),
    ("Phó Chủ tịch Quốc hội Uông Chu Lưu điều hành phiên họp.", ["Uông Chu Lưu"]),
    ("Tại đây, Phó Bí thư Thường trực Thành ủy TP Tất Thành Cang đã ôn lại cuộc đời, sự nghiệp", ["Tất Thành Cang"]),
    # 'Theo' (according to) before a title (corpus 21478615), titles joined by 'kiêm' and ' - ' (22540504, 22603486)
    ("Theo Bí thư Quận ủy kiêm Chủ tịch UBND quận Nam Từ Liêm Nguyễn Văn Hải, quận lấy yếu tố con người làm trung tâm",
     ["Nguyễn Văn Hải"]),
    ("Phó Chủ tịch - Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam Trần Thanh Mẫn dự lễ.", ["Trần Thanh Mẫn"]),
    ("Phó Thủ tướng - Bộ trưởng Bộ Ngoại giao Phạm Bình Minh tiếp đoàn.", ["Phạm Bình Minh"]),
    # a sentence glued on after the name without a full stop (data/name_stopwords.txt; corpus 22511766)
    ("ĐBQH, Thiếu tướng Lâm Quang Đại Nói về việc mở rộng sân bay Tân Sơn Nhất, giới chuyên gia cho rằng",
     ["Lâm Quang Đại"]),
    # the ideology and the city are not the person
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", []),
])
def test_persons(sentence, expected):
    assert names(sentence) == expected


def test_titles_of_the_next_person_are_not_mine():
    # corpus 21479667: 'Title A, Title B, …' — each title belongs to the name right after it
    s = ("Nhiều lãnh đạo cấp cao: Bí thư Thành ủy Đinh La Thăng, Chủ tịch UBND TP HCM Nguyễn Thành Phong, "
         "Phó Chủ tịch UBND TP HCM Trần Vĩnh Tuyến cùng các doanh nghiệp")
    hits = {h.name: h for h in find_persons(s)}
    assert hits["Đinh La Thăng"].after == []
    assert [p.role for p in hits["Nguyễn Thành Phong"].before] == ["Chủ tịch"]


def test_places_block_names():
    text = "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung"
    start = text.index("Hà Nội")
    assert [c[2] for c in name_candidates(text, [(start, start + len("Hà Nội"))])] == ["Nguyễn Đức Chung"]


def test_title_before_an_unknown_next_name_is_not_mine():
    # corpus 22246433: the list goes on with a person whose family name is rare
    hits = {h.name: h for h in find_persons(
        "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân, Phó Chủ tịch Thường trực Quốc hội Tòng Thị Phóng dự")}
    assert [p.role for p in hits["Nguyễn Thị Kim Ngân"].after] == []
    assert [p.role for p in hits["Tòng Thị Phóng"].before] == ["Phó Chủ tịch Thường trực"]


def test_foreign_names_take_no_vietnamese_post():
    hits = find_persons("Chủ tịch nước Trần Đại Quang hội đàm với Tổng thống Alexander Lukashenko")
    assert [(h.name, h.foreign) for h in hits] == [("Trần Đại Quang", False), ("Alexander Lukashenko", True)]


@pytest.mark.parametrize("sentence, expected", [
    # corpus 22644374: a country before a foreign name is not part of it
    ("Chủ tịch nước Trần Đại Quang hội đàm với Tổng thống Nga Vladimir Putin.", ["Trần Đại Quang", "Vladimir Putin"]),
    # corpus 22634838: a parish, not a person, even with a title after it (the voter before it is one)
    ("cử tri Vũ Đức Hước, Chánh xứ giáo xứ Kim Hòa, Chủ tịch Quốc hội nêu rõ", ["Vũ Đức Hước"]),
    # corpus 22702182: former provinces are not persons
    ("tiêu biểu là: Bí thư Tỉnh ủy Sơn Tây, Hà Đông", []),
    # corpus 22276018: a sentence that starts without a full stop
    ("ông Nguyễn Văn Giàu Xem thêm", ["Nguyễn Văn Giàu"]),
    # given names that are also country names stay in the name
    ("Đồng chí Dương Văn Thái phát biểu", ["Dương Văn Thái"]),
    # corpus 21487938: a country whose first word is a family name does not start a name (the minister's
    # own name, in the Latin alphabet, is read after it)
    ("Bộ trưởng Giao thông vận tải Thái Lan Arkhom Termpittayapaisith cho hay", ["Arkhom Termpittayapaisith"]),
])
def test_more_persons(sentence, expected):
    assert names(sentence) == expected


def test_given_name_refers_to_the_one_known_person():
    # corpus 22702906: 'ông Chung' after Nguyễn Đức Chung was named
    hits = find_persons("Hội nghị do ông Chung chủ trì.", known={"Nguyễn Đức Chung", "Lê Văn Thành"})
    assert [h.name for h in hits] == ["Nguyễn Đức Chung"]
    assert find_persons("Hội nghị do ông Chung chủ trì.", known={"Nguyễn Đức Chung", "Trần Văn Chung"}) == []


@pytest.mark.parametrize("sentence, found, passed_over", [
    # corpus (2017): a bare name beside a name with a form of address
    ('"Giáo viên được trường chuyên nhận về là Dương Tiến Đạt, em trai ông Dương Hồng Tân.',
     ["Dương Hồng Tân"], {"Dương Tiến Đạt"}),
    ("Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam Nguyễn Thiện Nhân và các đại biểu trồng cây.",
     ["Nguyễn Thiện Nhân"], set()),
])
def test_names_passed_over_are_reported(sentence, found, passed_over):
    """The article reads a sentence again knowing more names only where a passed-over name is one of them."""
    missed: set = set()
    assert [h.name for h in find_persons(sentence, missed=missed)] == found
    assert missed == passed_over
    again = find_persons(sentence, known=set(found) | passed_over)
    assert [h.name for h in again] == sorted(set(found) | passed_over, key=sentence.index)


def test_a_given_name_alone_is_seen():
    assert names_given_alone("Hội nghị do ông Chung chủ trì.", [], {"Nguyễn Đức Chung"})
    assert not names_given_alone("Hội nghị do ông Chung chủ trì.", [], {"Nguyễn Đức Chung", "Trần Văn Chung"})
    assert not names_given_alone("Hội nghị do Bộ trưởng chủ trì.", [], {"Nguyễn Đức Chung"})


@pytest.mark.parametrize("sentence, name, posts", [
    # a title right before a name inside a clause, not at its start (corpus 2017, ids given)
    ("Ngân hàng Nhà nước cũng thể hiện quan điểm điều hành thận trọng khi Thống đốc Ngân hàng Nhà nước Lê Minh Hưng "
     "nêu rõ mục tiêu", "Lê Minh Hưng", ["Thống đốc Ngân hàng Nhà nước Việt Nam"]),  # 21479108
    ("Khi tham quan Khu sản xuất nông nghiệp công nghệ cao của Vingroup, Thủ tướng quay sang Bí thư Tỉnh ủy Hà Nam "
     "Nguyễn Đình Khang, hỏi", "Nguyễn Đình Khang", ["Bí thư Tỉnh ủy Hà Nam"]),  # 21472858
    ("Đó là ý kiến của Bộ trưởng Bộ GD&ĐT Phùng Xuân Nhạ khi làm việc với lãnh đạo UBND TP Cần Thơ vào ngày 7-2",
     "Phùng Xuân Nhạ", ["Bộ trưởng Bộ Giáo dục và Đào tạo"]),  # 21484612
    ("Dự lễ khai hội có nguyên Phó Chủ tịch nước Nguyễn Thị Doan, cùng hàng nghìn tăng ni, phật tử, du khách thập phương.",
     "Nguyễn Thị Doan", ["Phó Chủ tịch nước"]),  # 21473561, a former post
    # the province left implicit: after 'tỉnh' a name that is no province is a person's (21488865, 21474102)
    ("Chủ tịch UBND tỉnh Đặng Quốc Khánh vừa thay mặt UBND tỉnh ký quyết định", "Đặng Quốc Khánh", []),
    ("Tin tức đăng tải trên báo Tuổi Trẻ, ngày 5/2, chủ tịch UBND tỉnh Nguyễn Dương Thái vừa ký quyết định xử phạt",
     "Nguyễn Dương Thái", []),
])
def test_title_before_a_name_inside_a_clause(sentence, name, posts):
    from graphkit.extract.posts import to_post

    hit = next(h for h in find_persons(sentence) if h.name == name)
    if posts:
        assert [to_post(p).label for p in hit.before] == posts
    else:  # a local post whose place the article gives
        assert [to_post(p, Place("Hà Tĩnh")).label for p in hit.before] == ["Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"]


@pytest.mark.parametrize("sentence, name", [
    # the role word is another's (data/title_of_another.txt): corpus 22641383, 22572377
    ("Theo Trợ lý Bộ trưởng Ngoại giao Phạm Sanh Châu, Cơ chế rà soát định kỳ phổ quát đã bước sang chu kỳ mới.",
     "Phạm Sanh Châu"),
    ("Báo cáo với Tổ công tác Thủ tướng Chính phủ, Chủ tịch Tập đoàn Dệt may Việt Nam Trần Quang Nghị cam kết",
     "Trần Quang Nghị"),
])
def test_no_title_of_another(sentence, name):
    from graphkit.extract.posts import to_post

    hits = [h for h in find_persons(sentence) if h.name == name]
    labels = [getattr(to_post(p), "label", None) for h in hits for p in h.before]
    assert "Bộ trưởng Bộ Ngoại giao" not in labels and "Thủ tướng Chính phủ" not in labels


def test_a_name_after_a_commune_is_still_a_place():
    """'xã' is not a unit the gazetteer lists in full: 'xã Lê Lợi' stays a place, title or not."""
    assert names("Chủ tịch UBND xã Lê Lợi cho biết.") == []


@pytest.mark.parametrize("sentence, name, posts", [
    # a place noun ending a word of the body's name before the name ('Môi trường', 'nông thôn'): the title
    # runs up to the name, which is a person's (corpus 2017, ids given); '&' is 'và'
    ("Bộ trưởng Tài nguyên và Môi trường Trần Hồng Hà cho biết, trong năm 2016, công tác thanh tra, kiểm tra của Bộ "
     "bước đầu đã có những đổi mới", "Trần Hồng Hà", ["Bộ trưởng Bộ Tài nguyên và Môi trường"]),  # 21474390
    ("“Muôn hình muôn vẻ”, đó là mô tả của Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn Lê Quốc Doanh về thực "
     "trạng tích tụ đất đai", "Lê Quốc Doanh", ["Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn"]),  # 22532660
    ("Tới dự có Phó Thủ tướng Chính phủ Vương Đình Huệ, Bộ trưởng Bộ Nông nghiệp & Phát triển nông thôn Nguyễn Xuân "
     "Cường, Thứ trưởng Bộ TT&TT Nguyễn Minh Hồng", "Nguyễn Xuân Cường",
     ["Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"]),  # 22591883
])
def test_a_place_noun_inside_a_body_name(sentence, name, posts):
    from graphkit.extract.posts import to_post

    hit = next(h for h in find_persons(sentence) if h.name == name)
    assert [to_post(p).label for p in hit.before] == posts


def test_a_commune_after_a_title_is_still_a_place():
    """Corpus 21472814: in 'Bí thư Đảng ủy xã Ninh Lai' the title parses, but a commune's name is a place's."""
    hits = find_persons("Nhận xét về chương trình tín dụng NS VSMT, ông Trương Viết Hùng – Bí thư Đảng ủy xã Ninh Lai "
                        "bày tỏ: “Chương trình đã tạo sự chuyển biến trong nhận thức”.")
    assert [h.name for h in hits] == ["Trương Viết Hùng"]


def test_a_unit_under_an_older_kind_word_is_no_person():
    """Corpus 22477407: thị xã Từ Sơn in 2017 is thành phố Từ Sơn in the gazetteer; 'Từ' is also a family name."""
    hits = find_persons("Đại tá Nguyễn Văn Huệ, Trưởng Công an thị xã Từ Sơn, tỉnh Bắc Ninh cho biết")
    assert "Từ Sơn" not in [h.name for h in hits]


@pytest.mark.parametrize("sentence, name, posts", [
    # a rank between the title and the name (honorifics.tsv): corpus 22547448
    ("Cục Cứu hộ - Cứu nạn/BTTM đã có điện số 19Tk do Cục trưởng Cục Cứu hộ - Cứu nạn Thiếu tướng Trương Đức Nghĩa "
     "ký điện gửi các đơn vị", "Trương Đức Nghĩa", ["Cục trưởng Cục Cứu hộ - Cứu nạn"]),
    # '… và PGS. Y': the title before 'và' is another person's (corpus 21488581)
    ("GS Trần Xuân Nhĩ - nguyên bộ trưởng Bộ Giáo dục và PGS. Văn Như Cương - Hiệu trưởng trường THPT Lương Thế Vinh",
     "Văn Như Cương", []),
])
def test_ranks_between_title_and_name(sentence, name, posts):
    from graphkit.extract.posts import to_post

    hit = next(h for h in find_persons(sentence) if h.name == name)
    assert [getattr(to_post(p), "label", p.surface) for p in hit.before] == posts


@pytest.mark.parametrize("sentence, name, posts", [
    # corpus 22496568: without a comma, a person's titles after the name stop where the next one's start
    ("Phát biểu tại hội trường, đại biểu Dương Văn Thống - Phó Bí thư Thường trực Tỉnh ủy Yên Bái - dành nhiều "
     "thời gian đề cập đến báo cáo của Phó Thủ tướng Trương Hòa Bình.", "Dương Văn Thống",
     ["Phó Bí thư Thường trực Tỉnh ủy Yên Bái"]),
    # corpus 22539074: a title read before a name runs up to it, not one at the clause's start whose words the
    # end repeats
    ("“Thủ tướng cũng đã thành lập ban chỉ đạo do một Phó Thủ tướng làm trưởng ban để chỉ đạo việc khắc phục hậu "
     "quả này”, Phó Thủ tướng Trương Hòa Bình khẳng định.", "Trương Hòa Bình", ["Phó Thủ tướng Chính phủ"]),
])
def test_whose_title_it_is(sentence, name, posts):
    from graphkit.extract.posts import to_post

    hit = next(h for h in find_persons(sentence) if h.name == name)
    assert [to_post(p).label for p in (*hit.before, *hit.after)] == posts


@pytest.mark.parametrize("text, names", [
    # a caption glued to the next sentence: a capitalised word opening a role or a predicate is not part of
    # the name before it (corpus 22573549, 22626856)
    ("Thủ tướng Nguyễn Xuân Phúc trao huy hiệu 50 năm tuổi Đảng cho nguyên Thủ tướng Nguyễn Tấn Dũng Thủ tướng "
     "Nguyễn Xuân Phúc nhấn mạnh", ["Nguyễn Xuân Phúc", "Nguyễn Tấn Dũng", "Nguyễn Xuân Phúc"]),
    ("cho nguyên Bí thư Trung ương Đảng Nguyễn Văn Trân Cùng dự có nguyên Thủ tướng", ["Nguyễn Văn Trân"]),
    ("ông Nguyễn Văn Trưởng, Giám đốc Sở cho biết", ["Nguyễn Văn Trưởng"]),  # 'Trưởng' alone is no title here
    ("Đại biểu Quốc hội Nguyễn Thị Kim Thúy Bộ trưởng nêu rõ", ["Nguyễn Thị Kim Thúy"]),  # 22535772
    # a run of capitalised words longer than a name ends with the name (corpus 22482980, 22473013)
    ("Đích thân Giám đốc Bệnh viện Bạch Mai Nguyễn Quốc Anh đã dẫn đầu đoàn công tác này.", ["Nguyễn Quốc Anh"]),
    ("Theo Phó Hiệu trưởng Trường ĐH Hoa Lư Nguyễn Mạnh Quỳnh, DA mở rộng trường", ["Nguyễn Mạnh Quỳnh"]),
    # … unless that end is too short for a name ('ĐBQH Đặng Hoài Tân Văn Kiên': a caption, then a by-line)
    ("ĐBQH Đặng Hoài Tân Văn Kiên ", ["Đặng Hoài Tân"]),
])
def test_a_glued_caption_does_not_lengthen_a_name(text, names):
    assert [c[2] for c in name_candidates(text)] == names


@pytest.mark.parametrize("sentence, name", [
    # a role without its body right before a name says it is a person's (corpus 22477759, 22546633)
    ("Theo Thống đốc Lê Minh Hưng, nếu tính gộp nợ xấu nội bảng và nợ xấu của VAMC đã mua chưa xử lý", "Lê Minh Hưng"),
    ("3 trong số 4 đương sự của bị đơn là nguyên Giám đốc Nhà hát kịch TPHCM Trần Khánh Hoàng, Phó Giám đốc Trần "
     "Quý Bình và đại diện Công ty Ánh Dương", "Trần Quý Bình"),
])
def test_a_role_without_its_body_before_a_name(sentence, name):
    assert name in [h.name for h in find_persons(sentence)]


@pytest.mark.parametrize("sentence, name, post", [
    # abbreviated national bodies (abbreviations.tsv, bodies.tsv; corpus 22523634, 22529628, 22530674, 22478527)
    ("Cũng tại lễ ký kết, Tổng Giám đốc Thông tấn xã Việt Nam Nguyễn Đức Lợi cho biết", "Nguyễn Đức Lợi",
     "Tổng Giám đốc Thông tấn xã Việt Nam"),  # 'xã' here ends a body's name, not a commune's kind
    ("Tổng Giám đốc TTXVN Nguyễn Đức Lợi và Tổng Giám đốc APS Abdelhamid", "Nguyễn Đức Lợi",
     "Tổng Giám đốc Thông tấn xã Việt Nam"),
    ("Còn Tổng Giám đốc BHXH Việt Nam Nguyễn Thị Minh chia sẻ, Luật BHYT mà QH thông qua", "Nguyễn Thị Minh",
     "Tổng Giám đốc Bảo hiểm xã hội Việt Nam"),
    ("Thống đốc NHNN Lê Minh Hưng nêu ra nguyên nhân khách quan", "Lê Minh Hưng",
     "Thống đốc Ngân hàng Nhà nước Việt Nam"),
])
def test_abbreviated_national_bodies(sentence, name, post):
    from graphkit.extract.posts import to_post

    hit = next(h for h in find_persons(sentence) if h.name == name)
    assert [to_post(p).label for p in hit.before] == [post]


@pytest.mark.parametrize("sentence, names", [
    # a foreign leader's title, the country's name, then the name (countries.txt; corpus 2017)
    ("Tổng thống Mỹ Donald Trump (trái) và Tổng thống Ba Lan Andrzej Duda (phải) tại hội nghị NATO ở Bỉ",
     ["Donald Trump", "Andrzej Duda"]),
    ("Thủ tướng Nhật Bản Shinzo Abe cho biết", ["Shinzo Abe"]),
    # 'Hoa Kỳ' (the United States) is a country's name too: it was read as the name 'Hoa Kỳ Jim Mattis'
    ("Bộ trưởng Quốc phòng Hoa Kỳ Jim Mattis nói với báo chí sau hội nghị thượng đỉnh", ["Jim Mattis"]),
    ("Trước đó cùng ngày, Ngoại trưởng Iran Mohammad Javad Zarif cho biết", ["Mohammad Javad Zarif"]),
    # a country's name before a name too short to be sure of is no name ('Nga Putin', 'Syria Bashar')
    ("Ngày 6/6, Tổng thống Nga Putin cũng đã có cuộc điện đàm", []),
    ("Những lực lượng này đều ủng hộ Tổng thống Syria Bashar al-Assad.", []),
    # a hyphenated name is no Vietnamese one ('Kim' is a Vietnamese family name too)
    ("Nhà lãnh đạo Kim Jong-un tuyên bố", []),
    ("Văn bản trên do ông Lê Hoàng Phong-Giám đốc Công ty Hoàng Gia Phát ký.", ["Lê Hoàng Phong"]),
])
def test_foreign_names(sentence, names):
    assert [h.name for h in find_persons(sentence)] == names


@pytest.mark.parametrize("sentence, name, foreign", [
    # a title, a few words and another country's name before a name: a foreign official, whose name may look
    # Vietnamese, and who takes no Vietnamese post (corpus 2017)
    ("Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Singapore Lý Hiển Long.", "Lý Hiển Long", True),
    ("Đón Chủ tịch nước tại sân bay có Bộ trưởng Bộ Văn hóa Trung Quốc Lạc Thụ Cương (Luo Shugang)", "Lạc Thụ Cương", True),
    # not Việt Nam's own officials, nor a country's name that is a syllable of a Vietnamese name
    ("Đại sứ Việt Nam tại Mỹ, ông Phạm Quang Vinh cho biết.", "Phạm Quang Vinh", False),
    ("Chánh Văn phòng UBND huyện Đông Anh Hoàng Hải Đăng cho biết", "Hoàng Hải Đăng", False),
    ("Nguyên Bộ trưởng Tư Pháp Hà Hùng Cường đã trả nhà công vụ", "Hà Hùng Cường", False),
])
def test_foreign_officials_with_names_that_look_vietnamese(sentence, name, foreign):
    hit = next(h for h in find_persons(sentence) if h.name == name)
    assert hit.foreign is foreign


@pytest.mark.parametrize("before, expected", [
    ("Thủ tướng cùng ông ", True), ("ông : ", True), ("Phát biểu của Đồng chí:  \n", True), ("(bà ", True),
    ("Thiếu tướng ", True), ("a" * 300 + " ông ", True),
    ("xông ", False), ("đồng chí: : ", False), ("ông cho biết ", False), ("", False),
])
def test_honorific_before_reads_only_the_end(before, expected):
    """The form of address before a name is looked for near the end only; the answer is the whole regex's."""
    from graphkit.extract.persons import _honorific_before, _honorific_rx

    rx, _longest = _honorific_rx()
    assert _honorific_before(before) == expected == (rx.search(before) is not None)


@pytest.mark.parametrize("sentence, expected", [
    # a noun of occupation or standing before a name (person_nouns.txt; corpus 2017)
    ("Tại buổi làm việc, hai cô giáo Đặng Thị Bình (23 tuổi) và Nguyễn Thị Hồng Ngát (22 tuổi) đã viết bản tường "
     "trình và nhận lỗi.", ["Đặng Thị Bình", "Nguyễn Thị Hồng Ngát"]),  # 21468795
    ("ĐB Đỗ Văn Sinh (đoàn Quảng Trị) Quan tâm tới 12 dự án nghìn tỷ thua lỗ", ["Đỗ Văn Sinh"]),  # 22509002
    # a title and words of its body that are not read as a body, then the name (22668508, 21469576)
    ("Sau khi lực lượng chức năng Công an tỉnh Sơn La lập chiến công lớn, Bí thư Huyện ủy Mộc Châu Hà Trung Chiến "
     "và Phó Bí thư Thường trực Huyện ủy Vân Hồ Lường Văn Huân đã đến thăm", ["Hà Trung Chiến", "Lường Văn Huân"]),
    # a list of bare names after the first one (21471491)
    ("Ngày 17.2.1947, Bác đã triệu tập cuộc làm việc với các đồng chí Võ Nguyên Giáp, Lê Đức Thọ, Lê Văn Hiến, "
     "Hoàng Hữu Nam để thông báo về chuyến đi Thanh Hóa.",
     ["Võ Nguyên Giáp", "Lê Đức Thọ", "Lê Văn Hiến", "Hoàng Hữu Nam"]),
    # a form of address and a colon before a list
    ("Như vậy, UBND TP Hải Phòng hiện có 5 Phó Chủ tịch UBND gồm các ông: Lê Khắc Nam, Nguyễn Xuân Bình, Lê Thanh Sơn, "
     "Phạm Văn Hà và Nguyễn Văn Thành.",
     ["Lê Khắc Nam", "Nguyễn Xuân Bình", "Lê Thanh Sơn", "Phạm Văn Hà", "Nguyễn Văn Thành"]),  # 22742997
    # a body's capitalised word goes on with one lower-case syllable ('Thường trực', 'Ngoại giao')
    ("Đồng thời, thực hiện chỉ đạo của Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình tại văn bản 571/VPCP-KTTH "
     "ngày 19-1-2017 của VPCP, Bộ Tài chính đã tạm cấp", ["Trương Hòa Bình"]),  # 21488492
    # a name of two words that may end an institution's name after a title is no person's (corpus 21479058)
    ("Trường hợp ông Trần Văn Hòa - Giám đốc Công ty Sen Hoàng Giang - nuôi loại tôm này là nuôi một cách lén lút",
     ["Trần Văn Hòa"]),
    # a name after a comma that is no list (corpus 2017)
    ("Theo lời ông Trần Tất Hoa, Thái Cực Quyền ban đầu là một môn võ", ["Trần Tất Hoa"]),
    # a role after a dash, whatever body follows (21469010)
    ("Tô Văn Động - Giám đốc Sở Văn hóa Thể thao Hà Nội cho biết", ["Tô Văn Động"]),
    # family names of ethnic minorities (surnames.txt: corpus 2017); a family name that is also a stop word ends a
    # name before a comma
    ("Ông Xồng Sái Khù, phó bản Mường Lống 1 cho biết", ["Xồng Sái Khù"]),
    ("Ông Và Chá Xà - Phó Chủ tịch UBND xã cho biết", ["Và Chá Xà"]),
    ("Ông Lầu Nênh Và, bản Mường Lống 2, đang thu hái mận", ["Lầu Nênh Và"]),
    # a name is not cut short by a wrong reading as a foreign name ('Cao Minh' of 'Cao Minh Phương')
    ("kỷ luật khiển trách đối với ông Cao Minh Phương, Trưởng phòng Tài nguyên nước", ["Cao Minh Phương"]),
])
def test_names_after_nouns_titles_and_in_lists(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # foreign names in the Latin alphabet after a title or noun and the words of a body (corpus 2017)
    ("Đánh giá cuộc điện đàm của ông Trump với thủ tướng Australia là “dại dột”, thượng nghị sĩ bang Virginia Tim "
     "Kaine nói", ["Tim Kaine"]),  # 21480170
    ("Nếu giới chức Mỹ đưa ra đề nghị như thế, chúng tôi sẽ cân nhắc nghiêm túc”, phát ngôn viên Bộ Quốc phòng Hàn "
     "Quốc Moon Sang-gyun cho hay trong cuộc họp báo.", ["Moon Sang-gyun"]),  # 21472534
    # a Korean name form is a person's wherever it stands (21472636)
    ("Trước động thái trên, đại diện Đảng Dân chủ đối lập của Hàn Quốc Chu Mi-ae đã lên tiếng chỉ trích quyền Tổng "
     "thống Hwang Kyo-ahn đi ngược nguyên tắc và luật pháp để bảo vệ Tổng thống Park Geun-hye.",
     ["Hwang Kyo-ahn", "Park Geun-hye"]),
    # a Chinese name in its Vietnamese reading whose family name is no Vietnamese one (foreign_surnames.tsv; 21473516)
    ("Chủ tịch Tập Cận Bình và đội ngũ cộng sự đang đối mặt với áp lực", ["Tập Cận Bình"]),
    # a city before the name is not part of it
    ("điều mà họ thực sự quan tâm”, cựu thị trưởng New York Rudy Giuliani nói.", ["Rudy Giuliani"]),
    # a Chinese official's name that looks Vietnamese, after a noun and a foreign body (corpus 2017)
    ("Khi được hỏi về vụ thử nghiệm hệ thống phòng thủ tên lửa, phát ngôn viên Bộ Ngoại giao Trung Quốc Lục Khảng ngày "
     "6/2 cho biết", ["Lục Khảng"]),  # 21480437
    # a body's name without its marks is no Korean name ('Ban Kinh tế')
    ("Ủy viên Bộ Chính trị, Trưởng Ban Kinh tế T.Ư Nguyễn Văn Bình, Phó Chủ tịch Quốc hội Phùng Quốc Hiển",
     ["Nguyễn Văn Bình", "Phùng Quốc Hiển"]),
    # a Latin name that may be a Vietnamese one written without marks is not read so (no context)
    ("Ca sỹ Đông Nhi và Ông Cao Thắng vừa xuất hiện", ["Cao Thắng"]),
])
def test_foreign_name_forms(sentence, expected):
    hits = find_persons(sentence)
    assert [h.name for h in hits] == expected
    assert all(h.foreign for h in hits if h.name not in ("Cao Thắng", "Nguyễn Văn Bình", "Phùng Quốc Hiển"))


@pytest.mark.parametrize("sentence", [
    # no person inside the name of a school, street, hospital or sea (institution_heads.txt, not_persons.txt)
    "Mới đây, Hiệu trưởng Trường THPT Chu Văn An, tỉnh An Giang đã thẳng thắn phản ánh",  # 21469318
    "UBND TP.HCM đã cho phép Trường ĐH Y khoa Phạm Ngọc Thạch được tuyển sinh cả nước trong năm nay.",
    "Tư lệnh Bộ Chỉ huy Thái Bình Dương Mỹ cho biết",
    "Đường dẫn cao tốc có tên mới là Đường Võ Trần Chí.",
    # a club, a company or a district after a title is no person (corpus 2017)
    "Thủ môn này được đề nghị ở lại để anh đảm nhận chức vụ Giám đốc thể thao của Bayern Munich.",
    "Mẫu Volvo XC90 Giám đốc Volvo Car Manufacturing Malaysia cho biết",
    "Võ Hoàng Anh (35 tuổi), nguyên Đội trưởng Đội TTGT Ninh Kiều bị bắt",
    # a company named like a person (institution_heads.txt)
    "Giám đốc Công ty Hoàng Long cho biết",
    "Hiệu trưởng Trường Đại học Tôn Đức Thắng cho biết",
    # a company's name in the Latin alphabet (foreign_name_stops.txt; corpus 2017)
    "Tổng Giám đốc Trung Nam Group, chủ đầu tư dự án cho biết",
])
def test_no_person_inside_an_institution_name(sentence):
    assert names(sentence) == []


@pytest.mark.parametrize("sentence, name, posts", [
    # an archive photo's caption, a birthday or a late leader gives no current post (commemoration_cues.txt;
    # corpus 2017)
    ("Hình ảnh tư liệu về đồng chí Trường Chinh - Tổng Bí thư của 'Đổi mới'", None, []),  # 21479216
    ("Cánh đồng chó ngáp thật sự chuyển mình khi chương trình ngọt hóa bán đảo Cà Mau được cố Thủ tướng Võ Văn Kiệt "
     "chỉ đạo thực hiện hơn 20 năm trước.", "Võ Văn Kiệt", []),  # 22330585
    # 'cố' in 'cố vấn', 'cố gắng' is no cue
    ("Ông Nguyễn Văn Bình, Trưởng Ban Kinh tế Trung ương cố gắng thúc đẩy", "Nguyễn Văn Bình",
     ["Trưởng Ban Kinh tế Trung ương"]),
    # a post of a foreign body makes the person a foreigner, who takes no Vietnamese post
    ("Theo ông Chu Tiểu Xuyên, Thống đốc Ngân hàng Nhân dân Trung Quốc, lãi suất sẽ giữ nguyên.", "Chu Tiểu Xuyên",
     None),
    # … also when the country is written in its long form (22344344)
    ("Chiều cùng ngày, Ủy viên Bộ Chính trị, Phó Chủ tịch nước Cộng hòa Nhân dân Trung Hoa Lý Nguyên Triều cũng đã "
     "tiếp đoàn đại biểu cấp cao của Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tại Đại lễ đường Nhân dân ở Bắc "
     "Kinh.", "Lý Nguyên Triều", None),
])
def test_commemorated_and_foreign_persons_hold_no_current_post(sentence, name, posts):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article("t", "Tiêu đề\n" + sentence, "t", title="Tiêu đề"))
    if name is not None:
        assert name in [p.name for p in facts.persons]
    if posts is not None:
        assert [h.post.label for h in facts.holdings if h.person == name] == posts
    else:
        assert not [h for h in facts.holdings if h.person == name]
        assert next(h for h in find_persons(sentence) if h.name == name).foreign


@pytest.mark.parametrize("sentence, expected", [
    # a sentence opener glued to a name without a full stop ends it (name_stopwords.txt; corpus 2017)
    ("PGS.TS Nguyễn Văn Giang Tuy nhiên, PGS.TS Nguyễn Văn Giang cũng thẳng thắn cho rằng", ["Nguyễn Văn Giang"]),
    ("Đối tượng Nguyễn Văn Vinh Riêng đối tượng Nguyễn Văn Vinh khai nhận có sử dụng ma túy.", ["Nguyễn Văn Vinh"]),
    ("HLV Nguyễn Hữu Thắng Không giống như AFF Cup, đấu trường SEA Games được đánh giá là vừa sức hơn",
     ["Nguyễn Hữu Thắng"]),
])
def test_a_glued_sentence_opener_ends_a_name(sentence, expected):
    assert sorted(set(names(sentence))) == expected


@pytest.mark.parametrize("before, institution", [
    # the words that make the name after them an institution's or a place's (institution_heads.txt; corpus 2017:
    # 22476075 'trú tại Phường Hoàng Văn Thụ', 22419316 'Phường Nguyễn Thái Bình')
    ("anh V.Q.H (SN 1986, trú tại Phường ", True), ("Hiệu trưởng Trường THPT ", True), ("Trường Đại học ", True),
    ("Giám đốc Công ty ", True),
    ("Thủ tướng Nhật Bản ", False), ("Bộ trưởng Bộ Tài nguyên và Môi trường ", False), ("ông ", False),
])
def test_institution_heads(before, institution):
    from graphkit.extract.persons import _institution_rx

    assert (_institution_rx().search(before) is not None) is institution


@pytest.mark.parametrize("before, institution", [
    # the last words before a name of two words that make it the end of an institution's name (corpus 2017:
    # 21479058 'Giám đốc Công ty Sen Hoàng Giang', 21491736 'Chủ nhiệm HTX dịch vụ nông nghiệp Hưng Khánh'); not
    # 'khoa học' (22345722 'giáo sư khoa học chính trị')
    ("Trường hợp ông Trần Văn Hòa - Giám đốc Công ty Sen ", True), ("Chủ nhiệm HTX dịch vụ nông nghiệp ", True),
    ("Jean-Pierre Cabestan, giáo sư khoa học chính trị ", False), ("Hãng thông tấn Yonhap cho biết giáo sư luật ", False),
])
def test_in_an_institution_name(before, institution):
    from graphkit.extract.persons import _in_institution_name

    assert _in_institution_name(before) is institution


@pytest.mark.parametrize("sentence, expected", [
    # a misspelt province name is the place, not a person (corpus 21473376, 22536109)
    ("Do vậy, chủ tịch UBND TP Hà Nôi yêu cầu các đơn vị liên quan cần rút kinh nghiệm.", []),
    ("Anh ấy không du học như chia sẻ trên báo mà đang sống ở Hà Nôi", []),
    # a person whose family and given names together spell no province keeps his name
    ("Chủ tịch UBND thành phố Hà Nội Nguyễn Đức Chung yêu cầu các đơn vị rút kinh nghiệm.", ["Nguyễn Đức Chung"]),
])
def test_a_misspelt_province_is_no_person(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the body's short name in brackets between the title and the name (corpus 21491881, 21494381)
    ("Chủ tịch Tập đoàn Dầu khí Quốc gia Việt Nam (PVN) Phạm Quốc Khánh cho biết, PVN đã đi qua năm 2016.",
     [("Phạm Quốc Khánh", "Chủ tịch Tập đoàn Dầu khí Quốc gia Việt Nam")]),
    ("Tổng giám đốc Tổng công ty đầu tư phát triển đường cao tốc Việt Nam (VEC) Mai Tuấn Anh cho biết.",
     [("Mai Tuấn Anh", "Tổng Giám đốc Tổng công ty Đầu tư phát triển đường cao tốc Việt Nam")]),
])
def test_a_short_name_in_brackets_before_the_name(sentence, expected):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="t", text=sentence, source="test"))
    assert [(h.person, h.post.label) for h in facts.holdings] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a country or foreign city of countries.txt is no person, even after a noun of a person and 'tại'
    ("Tại cuộc phỏng vấn nhân dịp chuyến thăm này, Bộ trưởng Thương mại New Zealand nói rằng có nhiều quan điểm giữa "
     "các nước thành viên TPP.", []),  # corpus 21493505
    ("Biểu tình phản đối sắc lệnh của Tổng thống Trump tại New York ngày 4/2.", []),  # corpus 21491683
    ("Những người yêu động vật tại Trung Quốc đã cực lực phản đối một doanh nhân Hong Kong, khi người này đưa món thịt "
     "tê tê vào thực đơn bữa tiệc.", []),  # corpus 21493225
    # the person after the place is read (corpus 22556821, 21511530)
    ("Nam diễn viên Hong Kong Lâm Gia Đống trong lần hiếm hoi dự sự kiện thảm đỏ.", ["Lâm Gia Đống"]),
    ("Hạnh phúc cùng 3 bà xã Tài tử Hong Kong Đặng Triệu Tôn, được biết đến vai Gà tinh trong Tây du ký bản 1996.",
     ["Đặng Triệu Tôn"]),
])
def test_countries_are_no_persons(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a Scottish or Irish surname with an inner capital (Mc…, Mac…) is a foreign name like any other
    ("Bộ trưởng Thương mại New Zealand Todd McClay ngày 8/2 cho rằng \"quá sớm\" để từ bỏ Hiệp định đối tác xuyên Thái "
     "Bình Dương (TPP).", ["Todd McClay"]),  # corpus 21493891
    ("Cũng theo nguồn tin này, ngay sau khi thông báo quyết định sa thải ông Comey, ông Trump đã có cuộc gặp với Phó "
     "giám đốc FBI Andrew McCabe, người sau đó được chỉ định làm Quyền Giám đốc FBI thay ông Comey.",
     ["Andrew McCabe"]),  # corpus 22234459
    ("Cùng ngày, thủ lĩnh phe đa số tại Thượng viện Mỹ, nghị sĩ đảng Cộng hòa, ông Mitch McConnell tuyên bố không ủng "
     "hộ tiến hành điều tra bổ sung về cáo buộc nói trên.", ["Mitch McConnell"]),  # corpus 22238095
    ("Đoạn video do nhà báo Bryan MacDonald đăng tải lên mạng xã hội Twitter, cho thấy những chiếc nhà vệ sinh công "
     "cộng màu xanh trượt rất nhanh trên đường ngập nước.", ["Bryan MacDonald"]),  # corpus 22656399
])
def test_inner_capital_surnames(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a name written in capitals after a form of address (an interview's signature), read as names are written
    ("Bà NGUYỄN THU THỦY, Phó Cục trưởng Cục Thú y (Bộ NN&PTNT)",
     [("Nguyễn Thu Thủy", "Phó Cục trưởng Cục Thú y")]),  # corpus 22416023
    ("Ông TRẦN VĂN PHÚC,  Phó Giám đốc Sở NN&PTNT tỉnh Bình Định",
     [("Trần Văn Phúc", "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Định")]),  # corpus 22383393
    ("Chiều 19-5, tại Hà Nội, Đồng chí VƯƠNG ĐÌNH HUỆ, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ dự Diễn đàn Doanh "
     "nhân trẻ và Thanh niên khởi nghiệp.",
     [("Vương Đình Huệ", "Ủy viên Bộ Chính trị"), ("Vương Đình Huệ", "Phó Thủ tướng Chính phủ")]),  # corpus 22322076
    # an occupation after the name is no post (corpus 22329271)
    ("Ông TRẦN VŨ PHƯƠNG, kỹ sư thiết kế công trình xây dựng: Ước tính chủ đầu tư kiếm lời ít nhất 72 tỉ đồng.", []),
])
def test_names_in_capitals(sentence, expected):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="t", text="Tin tức\n" + sentence, source="test"))
    assert [(h.person, h.post.label) for h in facts.holdings] == expected
    assert expected == [] or expected[0][0] in [p.name for p in facts.persons]


def test_a_name_in_capitals_is_a_person():
    """corpus 22329271: the person is read even without a post."""
    assert names("Ông TRẦN VŨ PHƯƠNG, kỹ sư thiết kế công trình xây dựng: Ước tính chủ đầu tư kiếm lời 72 tỉ đồng.") \
        == ["Trần Vũ Phương"]


@pytest.mark.parametrize("sentence, expected", [
    # a foreign name after a comma that ends a title with its body or place
    ("Theo Bộ trưởng Tài chính Đức, Wolfgang Schaeuble, chính sách tiền tệ mà ECB thực hiện là quá nới lỏng và làm "
     "giảm giá trị đồng tiền.", ["Wolfgang Schaeuble"]),  # corpus 21480785
    ("Khả năng Fed có thể tiếp tục nâng lãi suất trong năm nay được nói đến sau khi Chủ tịch Fed tại New York, Bill "
     "Dudley, đề nghị các nhà hoạch định chính sách mở rộng các số liệu cần xem xét.", ["Bill Dudley"]),  # 22626090
    # not after a form of address or a noun (corpus 22257466), nor a paper's English name (21487368, 22669359)
    ("Đoạn truyện viết về thời thơ ấu của ông James Potter, cha đẻ của Harry Potter và người cha đỡ đầu của anh, "
     "Sirius Black.", ["James Potter"]),
    ("Còn nhật báo Anh The Guardian, dẫn lời ông Winston Lord, cựu đại sứ Mỹ ở Trung Quốc, nhận định.",
     ["Winston Lord"]),
    ("Ngày 3-7 tại Cung điện Versailles, Tổng thống Pháp Emmanuel Marcon sẽ có bài phát biểu trước lưỡng viện Quốc hội "
     "theo kiểu Thông điệp liên bang của các tổng thống Mỹ, The Local (Pháp) cho biết.", ["Emmanuel Marcon"]),
    ("Giải cứu dự án Petro Vietnam thua lỗ: Đổ thêm tiền để không 'bán sắt vụn'?", []),  # corpus 22713729
])
def test_foreign_names_after_a_comma(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("text, expected", [
    # a caption run into the next sentence: the name ends before the word that opens it, when the article names the
    # person elsewhere (sentence_openers.tsv; corpus 22424899, 22651189, 22368904)
    ("Thủ tướng Việt Nam hội đàm với Tổng thống Mỹ tại Nhà Trắng\nLúc 2h sáng hôm nay (1/6), Thủ tướng Nguyễn Xuân "
     "Phúc đã đến Nhà Trắng.\nTổng thống Donald Trump bắt tay Thủ tướng Nguyễn Xuân Phúc Lúc 2h sáng hôm nay (1-6), "
     "Thủ tướng đã gặp Tổng thống Mỹ.", {"Nguyễn Xuân Phúc": {"Thủ tướng Chính phủ"}}),
    ("Sẽ xử lý các cá nhân liên quan đến tàu 67 trong tháng 7\nChiều nay (30.6), Thứ trưởng Bộ NNPTNT ông Vũ Văn Tám đã"
     " có cuộc trao đổi với báo chí.\nThứ trưởng Bộ NNPTNT Vũ Văn Tám Xin Thứ trưởng cho biết quan điểm chính thức của"
     " Bộ NNPTNT.", {"Vũ Văn Tám": {"Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn"}}),
    ("Tài sản quan chức\nCòn ĐBQH Nguyễn Sỹ Cương, Phó chủ nhiệm Ủy ban đối ngoại của Quốc hội nêu quan điểm. ĐBQH "
     "Nguyễn Sỹ Cương Liên quan đến câu hỏi của dư luận vì sao nhiều quan chức có tài sản lớn.",
     {"Nguyễn Sỹ Cương": {"Đại biểu Quốc hội", "Phó Chủ nhiệm Ủy ban Đối ngoại của Quốc hội"}}),
    # a four-word name whose last word is a given name, not an opener, stays whole
    ("Tin tức\nÔng Nguyễn Văn Tiếp phát biểu. Bà Nguyễn Thị Kim Tiến, Bộ trưởng Bộ Y tế, cho biết.",
     {"Nguyễn Thị Kim Tiến": {"Bộ trưởng Bộ Y tế"}}),
])
def test_a_name_run_into_the_next_sentence_ends_before_it(text, expected):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text=text, source="test"))
    held: dict[str, set[str]] = {}
    for h in facts.holdings:
        held.setdefault(h.person, set()).add(h.post.label)
    assert held == expected
    assert not [p.name for p in facts.persons if len(p.name.split()) > 3 and p.name not in expected]


@pytest.mark.parametrize("text, person", [
    # a foreign statesman named in the Vietnamese reading, his family name a Vietnamese one (foreign_persons.txt):
    # a bare title before him is his country's, not Vietnam's (corpus 22643187, 22557397)
    ("Tin tức\nThủ tướng Nguyễn Xuân Phúc khẳng định chuyến thăm của Đoàn, cùng với chuyến thăm Việt Nam gần đây của "
     "Thủ tướng Lý Hiển Long là minh chứng rõ nét cho quan hệ Đối tác chiến lược.", "Lý Hiển Long"),
    ("Tin tức\nNhận lời mời của Đại tướng Ngô Xuân Lịch, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ "
     "trưởng Bộ Quốc phòng Việt Nam, Thượng tướng Phạm Trường Long, Ủy viên Bộ Chính trị, Phó Chủ tịch Quân ủy Trung "
     "ương Trung Quốc thăm hữu nghị chính thức Việt Nam từ ngày 18 - 19/6.", "Phạm Trường Long"),
])
def test_foreign_statesmen_take_no_vietnamese_post(text, person):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text=text, source="test"))
    assert person in [p.name for p in facts.persons]
    assert [h.post.label for h in facts.holdings if h.person == person] == []


@pytest.mark.parametrize("sentence, expected", [
    # a year of birth in brackets or after a comma right after a name makes it a person's, without any form of
    # address or title (corpus 21473894, 21471043, 21479672, 21472199)
    ("Liên quan đến vụ án, 4 đồng phạm khác cũng bị truy tố gồm: Dương Duy Hiển (SN 1990, ngụ quận Bình Tân), "
     "Lê Hoàng Ngọc Phương (SN 1993, ngụ quận Gò Vấp), Hoàng Tuấn Linh (SN 1990, ngụ quận 12) và Nguyễn Hoàng "
     "Chương (SN 1982, ngụ quận Bình Tân)",
     ["Dương Duy Hiển", "Lê Hoàng Ngọc Phương", "Hoàng Tuấn Linh", "Nguyễn Hoàng Chương"]),
    ("Miệt mài sau 9 năm bán bóng bay dạo, dành dụm tiền, Phạm Minh Đáp (SN 1990) đã mở lớp tiếng Anh miễn phí cho "
     "hàng nghìn học viên nghèo.", ["Phạm Minh Đáp"]),
    ("Mới đây, HĐXX TAND TP Đà Nẵng đã mở phiên tòa xét xử và tuyên phạt Nguyễn Văn Thưởng (SN 1984, trú phường 3, "
     "quận Gò Vấp, TP HCM) mức án 17 năm tù, phạt bổ sung số tiền 15 triệu đồng, Lưu Kim Ngân (SN 1982, trú phường "
     "Bình Trị Đông, quận Bình Tân, TP.HCM) mức án 15 năm tù.", ["Nguyễn Văn Thưởng", "Lưu Kim Ngân"]),
    ("Duyên âm nhạc Anh tên Nguyễn Hùng Thanh, sinh năm 1976, quê ở xã Hoài Tân.", ["Nguyễn Hùng Thanh"]),
    # a list goes on after a name with its year of birth (corpus 22693500)
    ("Ngoài ra, 3 đối tượng Nguyễn Hoàng Vũ (SN 1984), Nguyễn Thanh Hoa (SN 1997), Trần Nhật Nam làm nhiệm vụ chung chi "
     "tiền cho các con bạc.", ["Nguyễn Hoàng Vũ", "Nguyễn Thanh Hoa", "Trần Nhật Nam"]),
    # a year that is no birth year, or a name without one, is no such cue
    ("Năm 2016, Phạm Minh Đáp (2016) mở lớp.", []),
    ("Công ty Hoàng Anh Gia Lai (thành lập năm 1990) đã báo lãi.", []),
])
def test_a_year_of_birth_after_a_name(sentence, expected):
    assert names(sentence) == expected


def _holds_of(sentence: str) -> dict[str, set[str]]:
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    out: dict[str, set[str]] = {}
    for h in extract(Article(id="x", text="Tin tức\n" + sentence, source="test")).holdings:
        out.setdefault(h.person, set()).add(h.post.label)
    return out


@pytest.mark.parametrize("sentence, expected", [
    # a title, then the person addressed ('ông', 'bà') set off by commas or dashes on both sides
    ("Theo Chủ tịch UBND tỉnh Quảng Nam, ông Đinh Văn Thu, trong xu thế hội nhập ngày càng sâu rộng, Quảng Nam đang"
     " không ngừng phát triển.",  # 21495245
     {"Đinh Văn Thu": {"Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam"}}),
    ("Tại hội thảo \"Xử lý nợ xấu nhìn từ góc độ chính sách và pháp luật\" tổ chức ngày 23-5 ở Hà Nội, Phó Chủ nhiệm Ủy"
     " ban Kinh tế của Quốc hội - ông Nguyễn Đức Kiên - cho biết do nợ xấu lớn đe dọa nghiêm trọng đến hệ thống tài"
     " chính.",  # 22354595
     {"Nguyễn Đức Kiên": {"Phó Chủ nhiệm Ủy ban Kinh tế của Quốc hội"}}),
    ("Bí thư Tỉnh ủy Hải Dương, ông Nguyễn Mạnh Hiển, cho rằng, rõ ràng là trong công tác thu hút đầu tư vào nông"
     " nghiệp là “có vấn đề”.",  # 22556372
     {"Nguyễn Mạnh Hiển": {"Bí thư Tỉnh ủy Hải Dương"}}),
])
def test_a_title_then_the_person_addressed(sentence, expected):
    got = _holds_of(sentence)
    assert {p: got.get(p, set()) & v for p, v in expected.items()} == expected


def test_a_title_after_another_name_is_not_the_next_persons():
    # in a list of names with their titles after them, the title is the person's before
    got = _holds_of("Chứng kiến sự việc có ông Hoàng Văn Tường - Phó Chủ tịch Hội Nông dân Hải Phòng, ông Lê Công"
                    " Phong - Giám đốc Công ty CP cám sinh học Lebio và đại diện UBND xã Kiến Quốc.")  # 22262385
    assert not any("Hội Nông dân" in x for x in got.get("Lê Công Phong", set()))
