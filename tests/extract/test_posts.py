"""Posts from title phrases: role + body + place, abbreviations expanded, implicit place filled.

Sentences are from the seed articles (seeds/) and the baomoi 2017 corpus (id given).
"""
import pytest

from tests import SEEDS

from graphkit.extract.facts import Place
from graphkit.ingest.article import Article
from graphkit.extract.posts import parse_title_list, to_post

CONTEXT = Place("Bắc Giang")  # the place an implicit 'Tỉnh ủy' refers to in these cases


@pytest.mark.parametrize("phrase, expected", [
    # a minister's title without 'Bộ' names the ministry, not the provincial police (corpus: Tô Lâm, 2017)
    ("Bộ trưởng Công an", ["Bộ trưởng Bộ Công an"]),
    ("Bộ trưởng Tài chính, Phó Thủ tướng", ["Bộ trưởng Bộ Tài chính", "Phó Thủ tướng Chính phủ"]),
    ("Thứ trưởng Giáo dục và Đào tạo", ["Thứ trưởng Bộ Giáo dục và Đào tạo"]),
    ("Giám đốc Công an tỉnh", ["Giám đốc Công an tỉnh Bắc Giang"]),
    # seed 000
    ("Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; Nguyễn Quang Dương",
     ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tổ chức Trung ương"]),
    ("Ủy viên T.Ư Đảng, Phó trưởng Ban Tổ chức T.Ư;",
     ["Ủy viên Ban Chấp hành Trung ương Đảng", "Phó Trưởng Ban Tổ chức Trung ương"]),
    ("Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Bắc Giang đồng chủ trì.",
     ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Bắc Giang",
      "Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang"]),
    ("Ủy viên T.Ư Đảng, Trưởng Ban công tác đại biểu Quốc hội, Phó trưởng Ban Tổ chức T.Ư; Lê",
     ["Ủy viên Ban Chấp hành Trung ương Đảng", "Trưởng Ban Công tác đại biểu", "Phó Trưởng Ban Tổ chức Trung ương"]),
    # seed 001: the place of the last post applies to the committee
    ("Tỉnh ủy viên, Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam trình bày",
     ["Tỉnh ủy viên Bắc Giang", "Phó Trưởng Ban trực Ban Tổ chức Tỉnh ủy Quảng Nam"]),
    ("Vụ trưởng Vụ Địa phương II phát biểu chỉ đạo Hội nghị", ["Vụ trưởng Vụ Địa phương II"]),
    # seed 003: old tone placement, 'Trưởng ban Thường trực Ban …'
    ("Phó Trưởng ban Thường trực Ban Tổ chức TW; Lê Vĩnh Tân", ["Phó Trưởng Ban Thường trực Ban Tổ chức Trung ương"]),
    ("Uỷ viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương đề nghị",
     ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tổ chức Trung ương"]),
    ("Ủy viên BTV Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy chủ trì điểm cầu.",
     ["Ủy viên Ban Thường vụ Tỉnh ủy Bắc Giang", "Trưởng Ban Tổ chức Tỉnh ủy Bắc Giang"]),
    # seed 004: district committee, with its province as an alternative label
    ("Ủy viên dự khuyết Ban chấp hành T.Ư Đảng, Bí thư Tỉnh ủy trao đổi",
     ["Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Bắc Giang"]),
    ("Bí thư Huyện ủy Lương Sơn cho biết", ["Bí thư Huyện ủy Lương Sơn"]),
    ("Phó Trưởng đoàn chuyên trách phụ trách Đoàn ĐBQH tỉnh; Hoàng Đức Chính",
     ["Phó Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang"]),
    # corpus 21474312, 22540504, 22383482, 22344432
    ("Chủ tịch UBND thành phố Hà Nội ", ["Chủ tịch Ủy ban nhân dân thành phố Hà Nội"]),
    ("Chủ tịch UBND TP.HCM", ["Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"]),
    ("Phó chủ nhiệm UB Kiểm tra TƯ ", ["Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương"]),
    ("Phó Bí thư thường trực Thị ủy Buôn Hồ (Đắk Lắk)", ["Phó Bí thư Thường trực Thị ủy Buôn Hồ"]),
    ("Chủ tịch Hội nông dân TX Buôn Hồ)", ["Chủ tịch Hội Nông dân thị xã Buôn Hồ"]),
    ("Chủ tịch Ủy ban Chứng khoán Nhà nước ", ["Chủ tịch Ủy ban Chứng khoán Nhà nước"]),
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Tổng Bí thư ", ["Tổng Bí thư"]),
    ("Thủ tướng ", ["Thủ tướng Chính phủ"]),
    ("Bí thư Trung ương Đoàn", ["Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]),
])
def test_title_phrases(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [to_post(p, CONTEXT).label for p in posts] == expected


@pytest.mark.parametrize("phrase, expected", [
    # titles joined by ' - ' or 'kiêm' (corpus 2017, ids given): each is a post; a role written without a
    # body holds the next one's (roles.tsv: joined)
    ("Phó Chủ tịch - Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam",  # 22540504
     ["Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    ("Phó Chủ tịch kiêm Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam",
     ["Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    ("Ủy viên T.Ư Đảng - Bí thư Tỉnh ủy Bình Dương",  # 21469367
     ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Bình Dương"]),
    ("Bí thư Trung ương Đảng - Trưởng Ban Tuyên giáo Trung ương",  # 21486478
     ["Bí thư Trung ương Đảng", "Trưởng Ban Tuyên giáo Trung ương"]),
    ("Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao", ["Phó Thủ tướng Chính phủ", "Bộ trưởng Bộ Ngoại giao"]),
    ("Tổng Thư ký Quốc hội - Chủ nhiệm Văn phòng Quốc hội",  # 22515716
     ["Tổng Thư ký Quốc hội", "Chủ nhiệm Văn phòng Quốc hội"]),
    # not joined: a Party secretary is not the secretary of the State body after it (21471842, 21508454)
    ("Phó Bí thư, Chủ tịch UBND huyện Phú Xuyên", ["Chủ tịch Ủy ban nhân dân huyện Phú Xuyên"]),
    ("Bí thư kiêm Chủ tịch UBND huyện Phú Xuyên", ["Chủ tịch Ủy ban nhân dân huyện Phú Xuyên"]),
    ("Tổng Thư ký - Chủ nhiệm Văn phòng Quốc hội", ["Chủ nhiệm Văn phòng Quốc hội"]),  # 22556605
])
def test_joined_titles(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [to_post(p, CONTEXT).label for p in posts] == expected


@pytest.mark.parametrize("phrase, status", [
    ("nguyên Bí thư Tỉnh ủy Yên Bái", "former"),  # corpus: former posts are ended tenures
    ("tân Bí thư Thành ủy TP.HCM", "new"),
    ("Bí thư Tỉnh ủy Yên Bái", "current"),
])
def test_status(phrase, status):
    posts, _ = parse_title_list(phrase)
    assert posts[0].status == status


def test_local_post_without_place_is_dropped():
    posts, _ = parse_title_list("Bí thư Tỉnh ủy cho biết")
    assert posts and posts[0].needs_place
    assert to_post(posts[0], None) is None  # a post without its place would merge every secretary


def test_district_post_names_its_province():
    posts, _ = parse_title_list("Bí thư Huyện ủy Lương Sơn")
    post = to_post(posts[0])
    assert post.variants == ("Bí thư Huyện ủy Lương Sơn, tỉnh Hòa Bình",)
    assert post.body.place.province == "Hòa Bình"


@pytest.mark.parametrize("phrase, expected", [
    ("Phó Giám đốc Sở NN-PTNT tỉnh Phú Yên", "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Phú Yên"),  # 22439851
    ("Giám đốc Sở TN&MT tỉnh Yên Bái", "Giám đốc Sở Tài nguyên và Môi trường tỉnh Yên Bái"),
    # a body of unknown level gets no guessed place (corpus 22499625)
    ("Chủ nhiệm Ủy ban Quốc phòng An ninh ", "Chủ nhiệm Ủy ban Quốc phòng An ninh"),
])
def test_more_bodies(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert to_post(posts[0], CONTEXT).label == expected


@pytest.mark.parametrize("phrase, expected", [
    # corpus 22405752: a body name stops where the sentence goes on in lower case
    ("Phó Giám đốc Sở Giao thông Vận tải trước báo giới ", ["Phó Giám đốc Sở Giao thông Vận tải tỉnh Bắc Giang"]),
    # corpus 22455466: lower-case syllables of a capitalised word stay in the name
    ("Tổng Giám đốc Tập đoàn Viễn thông Quân đội", ["Tổng Giám đốc Tập đoàn Viễn thông Quân đội"]),
    # corpus 21490865: a head noun alone does not say which body
    ("Ủy viên Ban cán sự Đảng, Thứ trưởng Bộ Xây dựng", ["Thứ trưởng Bộ Xây dựng"]),
])
def test_generic_bodies(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [to_post(p, CONTEXT).label for p in posts] == expected


@pytest.mark.parametrize("sentence, person, label", [
    # a body name is not cut inside a word of several syllables (data/body_words.txt)
    ("Ông Nguyễn Hùng Tân - Chánh Văn phòng Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn tỉnh Bình "
     "Thuận cho biết: Bình Thuận đã chuẩn bị lực lượng.", "Nguyễn Hùng Tân",
     "Chánh Văn phòng Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn tỉnh Bình Thuận"),  # 22520228
    ("Bà Nguyễn Thị Xuân Thu - Chủ tịch Hội chữ thập đỏ Việt Nam ghi nhận: “Nhờ có đóng góp thầm lặng của "
     "những người hiến máu”.", "Nguyễn Thị Xuân Thu", "Chủ tịch Hội chữ thập đỏ Việt Nam"),  # 22532243
    ("Luật sư Võ Hồng Nam - Chủ nhiệm Đoàn luật sư tỉnh Bình Định cho rằng có dấu hiệu phạm tội.",
     "Võ Hồng Nam", "Chủ nhiệm Đoàn luật sư tỉnh Bình Định"),  # 22540630
    ("Ông Khuất Việt Hùng, Phó Chủ tịch Ủy ban An toàn giao thông quốc gia, cho rằng, xe đạp là phương thức đi "
     "lại mang lại nhiều lợi ích.", "Khuất Việt Hùng", "Phó Chủ tịch Ủy ban An toàn giao thông quốc gia"),  # 22551600
    ("Ông Nguyễn Minh Nhạn, Vụ trưởng Vụ Tổ chức cán bộ, cho biết như vậy.", "Nguyễn Minh Nhạn",
     "Vụ trưởng Vụ Tổ chức cán bộ"),  # 22581600
    # nor run on into the verb after it, even right after a capitalised word (data/predicates.txt,
    # data/body_stops.txt), nor end with 'và' or a sentence's period
    ("Giáo sư Vũ Quang Côn, Chủ tịch Hội Côn trùng học Việt Nam cho rằng, loài bọ xít hút máu người ở Việt Nam "
     "đã phát tán.", "Vũ Quang Côn", "Chủ tịch Hội Côn trùng học Việt Nam"),  # 21510187
    ("Ông Võ Thiên Lăng - Phó Chủ tịch Hội Nghề cá Việt Nam cảm thấy rất bức xúc.", "Võ Thiên Lăng",
     "Phó Chủ tịch Hội Nghề cá Việt Nam"),  # 22509364
    ("Ông Nguyễn Anh Tuấn, Giám đốc Ngân hàng Agribank chi nhánh Tây Sơn mong muốn người dân hiểu rõ.",
     "Nguyễn Anh Tuấn", "Giám đốc Ngân hàng Agribank chi nhánh Tây Sơn"),  # 22544339
    ("Minh Nhựa cũng chính là con trai duy nhất của ông Phạm Văn Mười - Tổng giám đốc Công ty Nhựa Long Thành "
     "và là người kế thừa để phát triển doanh nghiệp này.", "Phạm Văn Mười",
     "Tổng Giám đốc Công ty Nhựa Long Thành"),  # 22478569
    ("Đó là ý kiến của bà Ngô Thị Hòa, Hiệu trưởng Trường mầm non Tuổi Ngọc. Bà cho biết thêm.", "Ngô Thị Hòa",
     "Hiệu trưởng Trường mầm non Tuổi Ngọc"),  # 21510355
    # 'Hàng không', 'Tiếng nói': a lower-case syllable of a capitalised word is no verb
    # a numbered district's name holds its kind word (corpus 22598650)
    ("Theo bà Vũ Thị Mỹ Ngọc, Phó Chủ tịch Ủy ban Nhân dân Quận 3, hiện nay Quận đang quản lý 1.932 người có công.",
     "Vũ Thị Mỹ Ngọc", "Phó Chủ tịch Ủy ban nhân dân Quận 3"),
    ("Ông Lại Xuân Thanh, Cục trưởng Cục Hàng không Việt Nam cho biết thêm.", "Lại Xuân Thanh",
     "Cục trưởng Cục Hàng không Việt Nam"),  # 22535998
    ("Ông Nguyễn Thế Kỷ, Tổng Giám đốc Đài Tiếng nói Việt Nam phát biểu.", "Nguyễn Thế Kỷ",
     "Tổng Giám đốc Đài Tiếng nói Việt Nam"),  # 21511126
])
def test_generic_body_names_in_sentences(sentence, person, label):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    assert label in [h.post.label for h in facts.holdings if h.person == person]


def test_an_organ_name_is_read_whole_but_names_no_one_body():
    """'Hội đồng quản trị' is read to its end (not cut at 'Hội đồng'), and a post of it alone makes no holding: it is
    an organ of a firm the sentence does not name (organ_bodies.txt; corpus 22521536)."""
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    sentence = "Ông Phạm Tiến Dũng, Chủ tịch Hội đồng quản trị, cho biết công ty đã hoàn thành kế hoạch."
    titles = parse_title_list(sentence[len("Ông Phạm Tiến Dũng, "):])[0]
    assert [to_post(p).label for p in titles] == ["Chủ tịch Hội đồng quản trị"]
    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    assert [p.name for p in facts.persons] == ["Phạm Tiến Dũng"] and facts.holdings == []


@pytest.mark.parametrize("phrase", [
    # corpus 2017: a title followed by lower-case words that start with a letter past 'Z' ('đã', 'đề nghị') is no
    # title of a next person's (the class of capitals is Vietnamese's, not the code-point range À-Ỹ)
    "Giám đốc Sở Kế hoạch và Đầu tư Hà Nội đã được bổ nhiệm giữ chức vụ",
    "Trưởng ban Tổ chức Trung ương đã đến thăm và chúc mừng",
])
def test_a_title_before_lower_case_words_is_read(phrase):
    posts, _ = parse_title_list(phrase)
    assert len(posts) == 1


def test_a_body_name_stops_at_a_form_of_address():
    """Corpus 21490265: a photo caption glued to the next sentence ('Bộ GTVTLê Đình Thọ Theo anh …')."""
    from graphkit.extract.persons import find_persons

    s = "Thứ trưởng Bộ GTVTLê Đình Thọ Theo anh Lê Đình Huy, Phó giám đốc Ban QLDA hầm đường bộ cho biết."
    hit = next(h for h in find_persons(s) if h.name == "Lê Đình Huy")
    assert not any("Theo anh" in p.surface for p in hit.before)


def _holdings(text: str) -> dict[str, list[str]]:
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text=text, source="test", title=text.split("\n")[0]))
    out: dict[str, list[str]] = {p.name: [] for p in facts.persons}
    for h in facts.holdings:
        out.setdefault(h.person, []).append(h.post.label)
    return out


@pytest.mark.parametrize("text, name, labels", [
    # a commune's officials are the commune's, never the province's (data/commune_kinds.txt; corpus 21478875,
    # 21485823)
    ("Nghệ An: mưa lớn\nChiều ngày 6/2, trao đổi với PV, ông Lô Văn Đồng -Chủ tịch UBND xã Liên Hợp cho biết: "
     "\"Sau khi sự việc xảy ra, xã đã báo cáo lên huyện\".", "Lô Văn Đồng", ["Chủ tịch Ủy ban nhân dân xã Liên Hợp"]),
    ("Nghệ An: điều tra vụ án\nDây anh Ngôn treo cổ là 2 dây giày”, ông Nguyễn Quang Biên – Trưởng công an xã "
     "Thọ Thành cho biết.", "Nguyễn Quang Biên", ["Trưởng Công an xã Thọ Thành"]),
    # abbreviated kind words: X. xã, P. phường, H. huyện (data/unit_abbreviations.tsv; corpus 21471441, 21479694,
    # 21488241, 21512067)
    ("Thừa Thiên Huế: vỡ đê\nÔng Nguyễn Xuân Công, Chủ tịch UBND X.Điền Hải cho biết, sự cố vỡ đê làm 15ha lúa gieo "
     "sạ 70 ngày bị ngập sâu trong nước.", "Nguyễn Xuân Công", ["Chủ tịch Ủy ban nhân dân xã Điền Hải"]),
    ("Đà Nẵng: tượng danh nhân\nSắp đến quận sẽ triển khai tiếp 9 công trình tượng còn lại…”– bà Nguyễn Thị Anh Thi, Chủ "
     "tịch UBND Q. Ngũ Hành Sơn cho biết…", "Nguyễn Thị Anh Thi", ["Chủ tịch Ủy ban nhân dân quận Ngũ Hành Sơn"]),
    ("Đà Nẵng: an toàn giao thông\nLiên quan đến Đề án \"Thành phố 4 an\", trong đó có ATGT, Phó Chủ tịch UBND Q. Thanh "
     "Khê Nguyễn Thanh Xuân cho rằng, vấn đề quản lý hạ tầng cũng đặt ra hết sức cấp bách.", "Nguyễn Thanh Xuân",
     ["Phó Chủ tịch Ủy ban nhân dân quận Thanh Khê"]),
    ("Đồng Nai: bắt nghi phạm\nChiều ngày 9/2, ông Dương Mạnh Hải, Trưởng Công an H.Long Thành (Đồng Nai) xác nhận trên "
     "báo chí đã bắt được nghi phạm.", "Dương Mạnh Hải", ["Trưởng Công an huyện Long Thành"]),
    # a role right before a unit, no body between: the unit's People's Committee or Party committee
    # (data/unit_roles.tsv; corpus 21472776, 21475118, 21476181, 22324978, 21481565, 21481637)
    ("Quảng Nam: nhảy sông\nTối 6/2, ông Nguyễn Hữu Tuân, Chủ tịch xã Điện Hồng, thị xã Điện Bàn (Quảng Nam), cho biết "
     "lực lượng chức năng đang tiến hành khám nghiệm.", "Nguyễn Hữu Tuân", ["Chủ tịch Ủy ban nhân dân xã Điện Hồng"]),
    ("Chợ gốm\nTrước sức ép của các tiểu thương, ông Phạm Văn May, Chủ tịch xã Bát Tràng trấn an người dân bằng cách "
     "vận động các tiểu thương hoạt động trở lại vào ngày 7.2.", "Phạm Văn May", ["Chủ tịch Ủy ban nhân dân xã Bát Tràng"]),
    ("Trường mầm non\nÔng Đặng Xuân Hải - Phó Chủ tịch phường Minh Khai, Hà Nội nơi có trường mầm non Sen Vàng đóng "
     "trên địa bàn cho biết như vậy.", "Đặng Xuân Hải", ["Phó Chủ tịch Ủy ban nhân dân phường Minh Khai"]),
    ("Quảng Ngãi: phòng chống xâm hại\nTrao đổi với phóng viên Dân Việt, bà Hà Thị Anh Thư - Bí thư huyện Bình Sơn - "
     "bày tỏ: Không chỉ hỗ trợ để mời chuyên gia tâm lý.", "Hà Thị Anh Thư", ["Bí thư Huyện ủy Bình Sơn"]),
    # a numbered district of Thành phố Hồ Chí Minh is the district's, not the city's (Quận 2: 2017 districts)
    ("TP HCM: tai nạn giao thông\n\"Chia lửa\" với ông Hiếu, Phó chủ tịch UBND quận 2 Bùi Thanh Khiết nói rằng, tai "
     "nạn giao thông trên địa bàn tăng.", "Bùi Thanh Khiết", ["Phó Chủ tịch Ủy ban nhân dân Quận 2"]),
    ("TP HCM: sang tải\nGiải thích thêm về việc sang tải, Phó Chủ tịch UBND quận 2 Huỳnh Thanh Khiết cho biết trước đây "
     "trên địa bàn quận có 11 điểm sang tải.", "Huỳnh Thanh Khiết", ["Phó Chủ tịch Ủy ban nhân dân Quận 2"]),
])
def test_commune_and_district_posts_stay_at_their_level(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("phrase, statuses", [
    # a status carries over a join ('kiêm', ' - '), not over a comma (corpus 22638478)
    ("nguyên Chủ tịch kiêm Giám đốc Công ty TNHH MTV Cấp thoát nước Kiên Giang", ["former", "former"]),
    ("nguyên Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao", ["former", "former"]),
    ("nguyên Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An", ["former", "current"]),
])
def test_status_over_joined_titles(phrase, statuses):
    posts, _ = parse_title_list(phrase)
    assert [p.status for p in posts] == statuses


def test_role_test_on_lower_case_text_agrees_with_ignoring_case():
    """may_name_post looks for role words in the lower-cased text: the same answer as ignoring case, on
    every line of the seeds and on role words written in capitals."""
    import re
    from pathlib import Path

    from graphkit.extract.posts import _has_role_rx, _role_word

    ignoring_case = re.compile(_role_word()[0], re.IGNORECASE)
    lines = [ln for f in sorted(SEEDS.glob("*.txt"))
             for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines += ["BÍ THƯ TỈNH ỦY", "Phó Chủ Tịch", "thư ký tòa soạn"]
    answers = [_has_role_rx().search(ln.lower()) is not None for ln in lines]
    assert answers == [ignoring_case.search(ln) is not None for ln in lines]
    assert True in answers and False in answers


@pytest.mark.parametrize("text, members, others, label", [
    # a title before a colon is shared by the names listed after it, up to the next such title, the sentence's
    # end, or a phrase that is not a name ('cùng đại biểu …', '; đồng chí …') (corpus 22292554, 22591202,
    # 22701839, 22494416)
    ("Nghệ An: giao lưu\nCùng dự có các đồng chí Ủy viên Trung ương Đảng: Nguyễn Đắc Vinh, Bí thư Tỉnh ủy Nghệ An; "
     "Trung tướng Nguyễn Trọng Nghĩa, Phó chủ nhiệm TCCT; Trung tướng Nguyễn Tân Cương, Tư lệnh Quân khu 4. Tham dự "
     "giao lưu còn có đồng chí Mai Văn Ninh, Phó trưởng Ban Tuyên giáo Tỉnh ủy.",
     ["Nguyễn Đắc Vinh", "Nguyễn Trọng Nghĩa", "Nguyễn Tân Cương"], ["Mai Văn Ninh"],
     "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("Hội nghị MTTQ\nDự hội nghị, có các đồng chí Ủy viên Bộ Chính trị: Nguyễn Thiện Nhân, Chủ tịch Ủy ban T.Ư MTTQ "
     "Việt Nam, Bí thư Thành ủy TP Hồ Chí Minh; Phạm Minh Chính, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; Trương Thị "
     "Mai, Bí thư T.Ư Đảng, Trưởng Ban Dân vận T.Ư; các đồng chí Ủy viên T.Ư Đảng: Trần Thanh Mẫn, Phó Chủ tịch - Tổng "
     "Thư ký Ủy ban T.Ư MTTQ Việt Nam; Hà Ban, Phó Trưởng Ban Tổ chức T.Ư; đại diện các bộ, ban, ngành, đoàn thể và "
     "các vị trong Đoàn Chủ tịch.",
     ["Nguyễn Thiện Nhân", "Phạm Minh Chính", "Trương Thị Mai"], ["Trần Thanh Mẫn", "Hà Ban"], "Ủy viên Bộ Chính trị"),
    ("Hội nghị MTTQ\nDự hội nghị, có các đồng chí Ủy viên Bộ Chính trị: Nguyễn Thiện Nhân, Chủ tịch Ủy ban T.Ư MTTQ "
     "Việt Nam, Bí thư Thành ủy TP Hồ Chí Minh; Phạm Minh Chính, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; Trương Thị "
     "Mai, Bí thư T.Ư Đảng, Trưởng Ban Dân vận T.Ư; các đồng chí Ủy viên T.Ư Đảng: Trần Thanh Mẫn, Phó Chủ tịch - Tổng "
     "Thư ký Ủy ban T.Ư MTTQ Việt Nam; Hà Ban, Phó Trưởng Ban Tổ chức T.Ư; đại diện các bộ, ban, ngành, đoàn thể và "
     "các vị trong Đoàn Chủ tịch.",
     ["Trần Thanh Mẫn", "Hà Ban"], ["Nguyễn Thiện Nhân", "Phạm Minh Chính", "Trương Thị Mai"],
     "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("Dâng hương\nTham dự lễ dâng hương có các đồng chí Ủy viên Bộ Chính trị: Phó Thủ tướng Thường trực Chính phủ "
     "Trương Hòa Bình; Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an; Hoàng Trung Hải, Bí thư Thành ủy Hà Nội cùng đại "
     "biểu lãnh đạo các bộ, ngành, cơ quan trung ương và TP Hà Nội.",
     ["Tô Lâm", "Hoàng Trung Hải"], [], "Ủy viên Bộ Chính trị"),
    ("Ký kết\nTham gia lễ ký kết, về phía Tổng LĐLĐVN có đồng chí Bùi Văn Cường - Ủy viên T.Ư Đảng, Chủ tịch Tổng "
     "LĐLĐVN; các đồng chí Phó Chủ tịch Tổng LĐLĐVN: Nguyễn Thị Thu Hồng, Mai Đức Chính, Trần Văn Lý; đồng chí Trịnh "
     "Thanh Hằng - Ủy viên Đoàn Chủ tịch, Trưởng ban Nữ công Tổng LĐLĐVN.",
     [], ["Bùi Văn Cường", "Trịnh Thanh Hằng"], "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam"),
])
def test_a_title_shared_by_a_list_of_names(text, members, others, label):
    held = _holdings(text)
    assert [n for n in members if label in held.get(n, [])] == members
    assert [n for n in others if label in held.get(n, [])] == []


@pytest.mark.parametrize("sentence, lists", [
    # corpus 22237627's construction, in 22573685 and 22631547: the list's own extent
    ("Dự lễ có các đồng chí Ủy viên Bộ Chính trị: Thủ tướng Chính phủ Nguyễn Xuân Phúc; các Phó Thủ tướng: Trương Hòa "
     "Bình, Phạm Bình Minh, Vương Đình Huệ. Dự lễ còn có Thượng tướng Lương Cường",
     [("Thủ tướng Chính phủ Nguyễn Xuân Phúc", ["Ủy viên Bộ Chính trị"]),
      ("Trương Hòa Bình, Phạm Bình Minh, Vương Đình Huệ", ["Phó Thủ tướng Chính phủ"])]),
    ("có đồng chí Nguyễn Xuân Sơn – Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; các đồng chí Phó Bí thư Tỉnh "
     "ủy: Nguyễn Xuân Đường – Chủ tịch UBND tỉnh; Lê Quang Huy, Nguyễn Văn Thông cùng các đồng chí trong Ban thường vụ",
     [("Nguyễn Xuân Đường – Chủ tịch UBND tỉnh; Lê Quang Huy, Nguyễn Văn Thông", ["Phó Bí thư Tỉnh ủy Bắc Giang"])]),
    # not a title before the colon: no list
    ("Các đại biểu cho rằng: Nguyễn Văn A đúng", []),
])
def test_group_title_extent(sentence, lists):
    from graphkit.extract.posts import group_titles

    got = [(sentence[a:b].strip(" ;"), [to_post(p, CONTEXT).label for p in posts])
           for a, b, posts in group_titles(sentence)]
    assert got == lists


@pytest.mark.parametrize("text, name, labels", [
    # a qualifier after a national post's role word: 'Phó Thủ tướng Thường trực (Chính phủ)' (corpus 21471136,
    # 21476390)
    ("An toàn giao thông\nĐầu năm 2017, Phó Thủ tướng Thường trực Trương Hòa Bình, Chủ tịch Ủy ban ATGT Quốc gia đã "
     "ký ban hành Kế hoạch năm ATGT 2017.", "Trương Hòa Bình",
     ["Phó Thủ tướng Thường trực Chính phủ", "Chủ tịch Ủy ban An toàn giao thông Quốc gia"]),
    ("Hỗ trợ ngư dân\nPhó Thủ tướng Thường trực Chính phủ Trương Hòa Bình cũng đã đến thăm, trao cho mỗi hộ dân 25 kg "
     "gạo.", "Trương Hòa Bình", ["Phó Thủ tướng Thường trực Chính phủ"]),
])
def test_qualified_national_posts(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("phrase", [
    # a bare national post right before a verb opens the next clause: not the title of the name before the
    # comma (corpus 21510605, 22618669, 22523344: 'Hoan nghênh …, Thủ tướng khẳng định', 'Đối với các kiến nghị
    # cụ thể của Hải Phòng, Thủ tướng nhấn mạnh', '…, Phó Thủ tướng cho biết')
    "Thủ tướng khẳng định, Đảng, Nhà nước và Chính phủ Việt Nam luôn coi trọng",
    "Thủ tướng nhấn mạnh tinh thần phải có ý tưởng",
    "Phó Thủ tướng cho biết: “Đây là căn cứ vào luật Du lịch.",
    "Tổng Bí thư nhấn mạnh",
])
def test_a_bare_national_post_before_a_verb_is_no_title(phrase):
    assert parse_title_list(phrase) == ([], 0)


def test_a_bare_national_post_before_a_verb_after_a_name():
    """Corpus 21510605: 'Vui mừng gặp lại Bí thư Khu ủy … Bành Thanh Hoa, Thủ tướng nhấn mạnh' — the Prime
    Minister speaks; Bành Thanh Hoa is not the Prime Minister."""
    text = ("Gặp gỡ đầu xuân\nVui mừng gặp lại Bí thư Khu ủy Khu tự trị dân tộc Choang-Quảng Tây Bành Thanh Hoa, Thủ "
            "tướng nhấn mạnh, cuộc Gặp gỡ đầu xuân lần này diễn ra sau chuyến thăm Trung Quốc của Tổng Bí thư Nguyễn "
            "Phú Trọng.")
    assert "Thủ tướng Chính phủ" not in _holdings(text).get("Bành Thanh Hoa", [])


@pytest.mark.parametrize("phrase, expected", [
    # a body's name runs to its end over its lower-case words (data/body_words.txt), not cut at a generic head
    # (corpus 21491437, 22566712, 21469323, 22516712, 21473658, 22298932)
    # (the text before a name, as find_persons reads it)
    ("Cục trưởng Cục Đường thủy nội địa Việt Nam", ["Cục trưởng Cục Đường thủy nội địa Việt Nam"]),
    ("Cục trưởng Cục Cảnh sát giao thông hoặc Giám đốc Công an cấp tỉnh trở lên;",
     ["Cục trưởng Cục Cảnh sát giao thông"]),
    ("Cục trưởng Cục Khảo thí và Kiểm định chất lượng giáo dục (Bộ GD-ĐT) cho hay:",
     ["Cục trưởng Cục Khảo thí và Kiểm định chất lượng giáo dục"]),
    ("Phó Cục trưởng Cục Đăng kiểm Việt Nam, đến nay có 90 trung tâm", ["Phó Cục trưởng Cục Đăng kiểm Việt Nam"]),
    ("Phó Cục trưởng Cục Tài chính doanh nghiệp (Bộ Tài chính), việc Thủ tướng ban hành",
     ["Phó Cục trưởng Cục Tài chính doanh nghiệp"]),
    ("Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm Đà Nẵng thông tin",
     ["Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm thành phố Đà Nẵng"]),
    # a lower-case word right after the head noun goes on only when it may open a body's word (corpus 21472626,
    # 21473512: 'Giám đốc Công ty gạch …', 'Phó Tổng Giám đốc Thường trực Công ty thay …')
    ("Giám đốc Công ty gạch Thạch Bàn", []),
    # section heads with their parent body after them or in brackets, or their district (corpus 21472721,
    # 21469660, 21475383)
    ("Trưởng phòng Cảnh sát giao thông Công an tỉnh Hòa Bình.",
     ["Trưởng phòng Cảnh sát giao thông Công an tỉnh Hòa Bình"]),
    ("Trưởng phòng Đào tạo Trường ĐH Bách khoa TP.HCM, nêu ý kiến",
     ["Trưởng phòng Đào tạo Trường Đại học Bách khoa Thành phố Hồ Chí Minh"]),
    ("Phó Trưởng phòng Giáo dục và Đào tạo quận Hai Bà Trưng khẳng định",
     ["Phó Trưởng phòng Giáo dục và Đào tạo quận Hai Bà Trưng"]),
    # 'Cục trưởng Cục Thuế, Chi cục trưởng Chi cục Thuế' (corpus 21470423): not 'Cục trưởng Chi cục Thuế'
    ("Cục trưởng Cục Thuế, Chi cục trưởng Chi cục Thuế",
     ["Cục trưởng Cục Thuế", "Chi cục trưởng Chi cục Thuế tỉnh Bắc Giang"]),
    # a section whose parent is not written is not guessed
    ("Phó Trưởng phòng Phòng Khoáng sản", []),
])
def test_body_names_and_sections(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [p.label for p in (to_post(x, CONTEXT) for x in posts) if p] == expected


@pytest.mark.parametrize("text, name, labels", [
    # 'ĐB' before a name, or in brackets after it, is a National Assembly deputy (data/abbreviations.tsv; in the
    # 2017 corpus 'ĐB' + capital is always one; corpus 22354163, 22353350, 22361079)
    ("Luật Bảo vệ người tố cáo\nPhát biểu tại Hội trường, ĐB Nguyễn Văn Thân (đoàn Thái Bình) bày tỏ quan điểm: “Đối "
     "với Điều 26 của Dự thảo luật về trách nhiệm của cơ quan.", "Nguyễn Văn Thân", ["Đại biểu Quốc hội"]),
    ("Hỗ trợ doanh nghiệp\nĐB Mai Ánh Tuyết (An Giang) việc hỗ trợ DNNVV không nên dàn trải.", "Mai Ánh Tuyết",
     ["Đại biểu Quốc hội"]),
    ("Bộ luật Hình sự\nVề vấn đề này, Ủy viên Thường trực Ủy ban Tư pháp của Quốc hội Phạm Thị Thủy (ĐB Bắc Kạn) cho "
     "rằng, lịch sử lập pháp Việt Nam từ 1945 đến trước khi bộ luật Hình sự 2015 có hiệu lực.", "Phạm Thị Thủy",
     ["Ủy viên Thường trực Ủy ban Tư pháp của Quốc hội", "Đại biểu Quốc hội"]),
])
def test_a_deputy_written_db(text, name, labels):
    assert _holdings(text)[name] == labels


def test_db_forms_expand():
    from graphkit.nlp.normalize import expand_abbreviations

    assert expand_abbreviations("Đoàn ĐB Quốc hội Hà Nội") == "Đoàn đại biểu Quốc hội Hà Nội"
    assert expand_abbreviations("ĐB HĐND tỉnh") == "đại biểu Hội đồng nhân dân tỉnh"


@pytest.mark.parametrize("text, name, labels", [
    # the titles after a name run up to the next name when no title runs from a comma or a role word to it: the
    # next name's own title is cut off only then (corpus 22276083, 22261475)
    ("Cháy nhà\nVụ cháy đã khiến cả khu dân cư một phen hoảng loạn. Ông Võ Công Chánh – Bí thư quận ủy Liên Chiểu và "
     "ông Đàm Quang Hung – Chủ tịch UBND quận Liên Chiểu cùng cán bộ UBND TP Đà Nẵng cũng đã có mặt tại hiện trường "
     "chỉ đạo công tác chữa cháy.", "Võ Công Chánh", ["Bí thư Quận ủy Liên Chiểu"]),
    ("Cháy nhà\nVụ cháy đã khiến cả khu dân cư một phen hoảng loạn. Ông Võ Công Chánh – Bí thư quận ủy Liên Chiểu và "
     "ông Đàm Quang Hung – Chủ tịch UBND quận Liên Chiểu cùng cán bộ UBND TP Đà Nẵng cũng đã có mặt tại hiện trường "
     "chỉ đạo công tác chữa cháy.", "Đàm Quang Hung", ["Chủ tịch Ủy ban nhân dân quận Liên Chiểu"]),
    ("Ba người con tử nạn\nÔng Hồ Văn Tân - Chủ tịch UBND xã Gia Xuyên cho biết: “Chính quyền địa phương biết hoàn cảnh "
     "của gia đình bà Mơ và 3 người con tử nạn rất khó khăn.", "Hồ Văn Tân", ["Chủ tịch Ủy ban nhân dân xã Gia Xuyên"]),
    # a body name cut by a lower-case word that does not end a name gives no post (data/body_followers.txt; corpus
    # 21472056)
    ("Lễ hội Yên Tử\nÔng Lê Tiến Dũng, Trưởng Ban quản lý di tích và rừng quốc gia Yên Tử (TP.Uông Bí, tỉnh Quảng Ninh) "
     "cho biết, lễ hội năm nay được khai mạc tại khu vực sân chùa Trình Yên Tử.", "Lê Tiến Dũng", []),
])
def test_titles_up_to_the_next_name(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("phrase, expected", [
    # a generic body read up to a lower-case word that does not end a name is cut short: no post (corpus 22256847,
    # 22259516, 22283383); one that ends at a predicate, a function word or a place is whole (corpus 22280301, 21474296)
    ("Phó Viện trưởng Viện Nghiên cứu Biến đổi khí hậu - Trường Đại học Cần Thơ lo ngại", []),
    ("Phó Cục trưởng Cục Giải quyết khiếu nại, tố cáo", []),
    ("Trưởng Ban quản lý di tích và rừng quốc gia Yên Tử", []),
    ("Viện trưởng Viện Tim mạch cho biết", ["Viện trưởng Viện Tim mạch"]),
    ("Giám đốc Trung tâm Bảo trợ xã hội tỉnh Bắc Giang cho biết", ["Giám đốc Trung tâm Bảo trợ xã hội tỉnh Bắc Giang"]),
])
def test_a_body_name_cut_short_gives_no_post(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [p.label for p in (to_post(x, CONTEXT) for x in posts) if p] == expected


@pytest.mark.parametrize("phrase, expected", [
    # a date of birth between a name and its titles is passed over (corpus 22626221, 22601589, 21479238)
    ("sinh ngày 27/8/1963, Giám đốc Trung tâm Y tế huyện Gia Bình, đến giữ chức",
     ["Giám đốc Trung tâm Y tế huyện Gia Bình"]),
    ("SN 1986, Giám đốc Công ty TNHH xử lý nước Trâm Anh) bị khởi tố", ["Giám đốc Công ty TNHH xử lý nước Trâm Anh"]),
    ("sinh năm 1926, nguyên Phó trưởng Công an tỉnh Nam Định; Huy hiệu 60 năm tuổi Đảng",
     ["Phó Trưởng Công an tỉnh Nam Định"]),
    # the courts of the higher level are central bodies, not the province's (corpus 22581411)
    ("Thẩm phán cao cấp, Phó Chánh án Tòa án nhân dân cấp cao tại Hà Nội, vào chức danh Thẩm phán Tòa án nhân dân tối "
     "cao.", ["Phó Chánh án Tòa án nhân dân cấp cao tại Hà Nội"]),
    ("Thẩm phán Tòa án nhân dân tối cao.", ["Thẩm phán Tòa án nhân dân tối cao"]),
])
def test_birth_dates_and_higher_courts(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [p.label for p in (to_post(x, CONTEXT) for x in posts) if p] == expected


@pytest.mark.parametrize("text, name, labels", [
    # a membership written bare before the next title takes that title's body (data/bare_memberships.tsv): the
    # standing board of the Party committee it names, or the Party committee of its own body (corpus 21478996,
    # 22241683, 22536141)
    ("Đà Nẵng: công tác cán bộ\nTheo đó, ông Nguyễn Thanh Quang, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy, "
     "Trưởng Đoàn ĐBQH đơn vị Đà Nẵng được chỉ định vào Ban Chấp hành, Ban Thường vụ Quận ủy.", "Nguyễn Thanh Quang",
     ["Ủy viên Ban Thường vụ Thành ủy Đà Nẵng", "Trưởng Ban Tuyên giáo Thành ủy Đà Nẵng",
      "Trưởng Đoàn đại biểu Quốc hội thành phố Đà Nẵng"]),
    ("Quảng Trị: kỷ luật\nỦy ban Kiểm tra Tỉnh ủy Quảng Trị kết luận kiểm tra khi có dấu hiệu vi phạm đối với ông Nguyễn "
     "Cường Quân, Đảng ủy viên, Trưởng phòng Tổ chức cán bộ Viện Kiểm sát nhân dân tỉnh Quảng Trị, sau khi xem xét báo "
     "cáo đề nghị thi hành kỷ luật.", "Nguyễn Cường Quân",
     ["Ủy viên Đảng ủy Viện Kiểm sát nhân dân tỉnh Quảng Trị",
      "Trưởng phòng Tổ chức cán bộ Viện Kiểm sát nhân dân tỉnh Quảng Trị"]),
    ("Ninh Bình: kỷ luật\nQuyết định kỷ luật khiển trách đối với các ông: Trần Tiến Anh, Nguyễn Quốc Tuấn, Đảng ủy viên, "
     "Phó Giám đốc Bệnh viện Đa khoa huyện Gia Viễn; Vũ Trọng Toàn, đảng viên Chi bộ Phòng Khám bệnh viện.",
     "Nguyễn Quốc Tuấn", ["Ủy viên Đảng ủy Bệnh viện Đa khoa huyện Gia Viễn",
                          "Phó Giám đốc Bệnh viện Đa khoa huyện Gia Viễn"]),
])
def test_a_bare_membership_takes_the_next_titles_body(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("phrase, expected", [
    # no body named by the next title: no post for the membership (corpus 22503488)
    ("Ủy viên thường vụ, Phó chủ tịch HĐND: chung thân", ["Phó Chủ tịch Hội đồng nhân dân tỉnh Bắc Giang"]),
])
def test_a_bare_membership_without_a_committee(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [p.label for p in (to_post(x, CONTEXT) for x in posts) if p] == expected


@pytest.mark.parametrize("text, name, labels", [
    # a run of titles before a name, the last in its own clause after a comma: the memberships in the pieces before
    # it are the name's too (corpus 21472803)
    ("Tết trồng cây\nĐây là khẳng định của Ủy viên Bộ Chính trị, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Nguyễn Thiện "
     "Nhân khi tham dự lễ hưởng ứng “Tết trồng cây đời đời nhớ ơn Bác Hồ” do Chủ tịch nước phát động tại tỉnh Vĩnh Phúc "
     "sáng 6/2.", "Nguyễn Thiện Nhân",
     ["Ủy viên Bộ Chính trị", "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    # (corpus 22277274)
    ("An ninh trật tự\nCùng dự có Ủy viên Bộ Chính trị, Phó Thủ tướng thường trực Trương Hòa Bình; Thượng tướng Tô Lâm, "
     "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an.", "Trương Hòa Bình",
     ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Thường trực Chính phủ"]),
])
def test_memberships_before_the_last_clause(text, name, labels):
    assert _holdings(text)[name] == labels


_BTTTT = ("Bộ TT&TT ban hành Quyết định phân công nhiệm vụ Bộ trưởng và các Thứ trưởng\nCụ thể, Quyết định có nội dung chi "
          "tiết việc phân công nhiệm vụ của Bộ trưởng và các Thứ trưởng như sau: Bộ trưởng Bộ TT&TT Trương Minh Tuấn trực "
          "tiếp Lãnh đạo, quản lý chung mọi hoạt động và công tác của Bộ theo chức năng, nhiệm vụ, quyền hạn được Chính phủ "
          "giao. Thứ trưởng Phan Tâm giúp Bộ trưởng phụ trách lĩnh vực Hợp tác quốc tế; Phụ trách các lĩnh vực: Khoa học và "
          "Công nghệ; Sở hữu trí tuệ.")  # corpus 22472226
_FOUR_MINISTRIES = (
    "Phó Thủ tướng Vương Đình Huệ làm việc 4 Bộ về đổi mới hoạt động đơn vị sự nghiệp công lập\nBáo cáo của Thứ trưởng "
    "Bộ Công Thương Cao Quốc Hưng cho thấy, tổng số đơn vị sự nghiệp công lập thuộc ngành, lĩnh vực quản lý là 67. Số đơn "
    "vị sự nghiệp thuộc Bộ Nông nghiệp và Phát triển nông thôn quản lý là 70, trong đó có 2 đơn vị tự chủ chi thường "
    "xuyên, Thứ trưởng Hà Công Tuấn cho biết.")  # corpus 22478794
_VPCP = ("Nếu DN bị thanh tra quá nhiều, Chủ tịch tỉnh phải vào cuộc xử lý\nNếu người có trách nhiệm không giải quyết mà "
         "doanh nghiệp (DN) kiến nghị lên cấp cao hơn thì phải chịu trách nhiệm trước Thủ tướng\", Bộ trưởng, Chủ nhiệm VPCP "
         "Mai Tiến Dũng nhấn mạnh. Thanh tra chồng chéo, lãnh đạo tỉnh phải xử lý Bộ trưởng Mai Tiến Dũng cho biết, ngay "
         "trong khi đang chủ trì buổi đối thoại với doanh nghiệp, Thủ tướng đã ký tại chỗ Chỉ thị số 20. Liên quan đến việc "
         "Bộ Tài chính kiến nghị thanh tra 60 dự án bất động sản, trả lời báo chí, Thứ trưởng Bộ Tài chính Đỗ Hoàng Anh "
         "Tuấn cho biết.")  # corpus 22301750


@pytest.mark.parametrize("text, name, labels", [
    # a ministry title written bare takes the one ministry the article names (posts.bare_title_in_context)
    (_BTTTT, "Phan Tâm", ["Thứ trưởng Bộ Thông tin và Truyền thông"]),
    # not when the article names several ministries, nor for a person with another title ('Bộ trưởng, Chủ nhiệm VPCP':
    # VPCP is Văn phòng Chính phủ, bodies.tsv)
    (_FOUR_MINISTRIES, "Hà Công Tuấn", []),
    (_VPCP, "Mai Tiến Dũng", ["Chủ nhiệm Văn phòng Chính phủ"]),
])
def test_a_bare_ministry_title_in_context(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, name, labels", [
    # a commune named after its kind word is part of the title, even when its name starts with a family name (posts.
    # unit_named_at: the titles after a name run up to the next name that is no commune's; corpus 22342480, 22476807)
    ("Bình gas\nNgày 22/5, ông Trần Lê Chương, Chủ tịch UBND xã Kim Liên, huyện Nam Đàn (Nghệ An), cho biết một bình gas "
     "công nghiệp đặt trong bếp ăn bị rò khí.", "Trần Lê Chương", ["Chủ tịch Ủy ban nhân dân xã Kim Liên"]),
    ("Bom\nSáng 7-6, ông Cao Trung Kiên, Chủ tịch UBND xã Lâm Hóa (huyện Tuyên Hóa, tỉnh Quảng Bình) cho biết Bộ Chỉ huy "
     "Quân sự tỉnh Quảng Bình đã cử lực lượng.", "Cao Trung Kiên", ["Chủ tịch Ủy ban nhân dân xã Lâm Hóa"]),
])
def test_a_commune_named_like_a_person_is_read_in_the_title(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("phrase, expected", [
    # a capitalised word of a body's name that is also a verb of predicates.txt ('Chỉ đạo', 'Thông tin', 'Kiểm tra')
    # goes on with the name when body_words.txt has it; the head noun 'Ban chỉ đạo' in lower case too (corpus
    # 21473413, 21480448, 22541095)
    ("Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an, Trưởng Ban chỉ đạo Tây Nguyên phát biểu tại họp báo.",
     ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an", "Trưởng Ban chỉ đạo Tây Nguyên"]),
    ("Phó Chủ tịch UBND, Trưởng Ban Chỉ đạo Du lịch tỉnh Lào Cai cho biết",
     ["Phó Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang", "Trưởng Ban Chỉ đạo Du lịch tỉnh Lào Cai"]),
    ("Giám đốc Sở TT&TT cho biết, cơ quan chức năng hiện xem xét",
     ["Giám đốc Sở Thông tin và Truyền thông tỉnh Bắc Giang"]),
    # a steering board whose subject follows in lower case after 'về' is cut short: no post (corpus 22478851)
    ("Trưởng Ban chỉ đạo Nhà nước về đổi mới cơ chế quản lý, cơ chế tài chính, tổ chức lại đơn vị sự nghiệp", []),
    # a capitalised verb not in body_words.txt is a sentence glued on (corpus 22456027)
    ("Ủy viên Thường trực Ủy ban TC-NS Cùng với đó, theo đại biểu", ["Ủy viên Thường trực Ủy ban TC - NS"]),
])
def test_verbs_inside_body_names(phrase, expected):
    posts, _ = parse_title_list(phrase)
    assert [p.label for p in (to_post(x, CONTEXT) for x in posts) if p] == expected


@pytest.mark.parametrize("sentence, expected", [
    # State groups by their short names (data/state_enterprises.tsv) (corpus 22382529, 22581296)
    ("Phó Tổng Giám đốc PVN Nguyễn Hùng Dũng phát biểu tại lễ kỷ niệm.",
     [("Nguyễn Hùng Dũng", "Phó Tổng Giám đốc Tập đoàn Dầu khí Quốc gia Việt Nam")]),
    ("Tổng Giám đốc EVN Đặng Hoàng An báo cáo tại buổi họp.",
     [("Đặng Hoàng An", "Tổng Giám đốc Tập đoàn Điện lực Việt Nam")]),
    # 'GĐ' before a capitalised name is 'Giám đốc'; the group's short name (corpus 21478526)
    ("Tổng GĐ Đường sắt Việt Nam Vũ Tá Tùng nhìn nhận, hậu quả TNĐS là rất nặng nề.",
     [("Vũ Tá Tùng", "Tổng Giám đốc Tổng công ty Đường sắt Việt Nam")]),
    # a subsidiary's name starts with the group's: not the group's post (corpus 21478419, 22461522)
    ("Ông Tô Dũng Thái, Tổng giám đốc VNPT VinaPhone nhận định, năm 2017 sẽ là năm cạnh tranh dữ dội.", []),
    ("Trước đó, ông Nguyễn Anh Dũng, Phó Tổng Giám đốc EVN Hà Nội khẳng định: “Chúng tôi yêu cầu các đơn vị”.", []),
])
def test_state_groups(sentence, expected):
    from graphkit.extract.article import extract

    facts = extract(Article(id="t", text=sentence, source="test"))
    assert [(h.person, h.post.label) for h in facts.holdings] == expected


def test_a_short_name_inside_a_longer_token_is_no_body():
    from graphkit.extract.bodies import find_bodies

    # corpus 21472713, 21479215: 'VNR500' is a ranking, 'VNR' the railway corporation
    text = "Lễ công bố Bảng xếp hạng VNR500 - Top 500 doanh nghiệp. VNR đã lắp đặt cần chắn tự động."
    assert [(text[b.start:b.end], b.body.label) for b in find_bodies(text)] == [
        ("VNR", "Tổng công ty Đường sắt Việt Nam")]


@pytest.mark.parametrize("label, foreign", [
    # a post of a foreign body ends with another country's name after a lower-case word (corpus 2017)
    ("Thống đốc Ngân hàng Nhân dân Trung Quốc", True),
    ("Bộ trưởng Bộ Tài chính Hàn Quốc", True),
    ("Bộ trưởng Ngoại giao Nga", True),
    # not one that names Việt Nam, nor one written at a place ('tại', 'ở')
    ("Đại sứ Việt Nam tại Nhật Bản", False),
    ("Đại sứ đặc mệnh toàn quyền tại Nhật Bản", False),
    # nor a country's name that is a syllable of a Vietnamese unit's or body's (posts read in the first 3,000
    # articles of the corpus: Đức, Thái, Lào, Pháp, Mỹ, Úc)
    ("Bí thư Huyện ủy Đức Thọ", False),
    ("Phó Chủ tịch Ủy ban nhân dân tỉnh Thái Bình", False),
    ("Giám đốc Sở Văn hóa - Thể thao và Du lịch tỉnh Lào Cai", False),
    ("Vụ trưởng Vụ Pháp chế", False),
    ("Trưởng Công an huyện Chương Mỹ", False),
    ("Phó Tổng Giám đốc Tập đoàn Việt - Úc", False),
    ("Ủy viên Ủy ban Pháp luật của Quốc hội", False),
])
def test_foreign_post(label, foreign):
    """One test of a foreign body's post, for the persons (no Vietnamese post for a foreign official) and the
    foreign-holders check."""
    from graphkit.extract.posts import foreign_post

    assert foreign_post(label) is foreign


@pytest.mark.parametrize("text, name, labels", [
    # a province's department bears the field of a ministry whose name has a comma inside (posts._comma_fields, from
    # bodies.tsv): the whole name is read, not the words before the comma; also written short (abbreviations.tsv:
    # 'VHTTDL', 'VH, TT&DL'); corpus 21473804, 21472899, 22700956, 22590000
    ("Lễ hội cà phê\nÔng Đặng Gia Duẩn, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch Đăk Lăk đã cho biết như vậy trong "
     "cuộc họp báo giới sáng nay (6/2), tại Hà Nội.", "Đặng Gia Duẩn",
     ["Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk"]),
    ("Lễ hội\nTrao đổi với phóng viên, ông Lê Xuân Định - Phó Giám đốc Sở VHTTDL tỉnh Yên Bái xác nhận tại địa phương "
     "có lễ hội với mô tả như trên.", "Lê Xuân Định", ["Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh Yên Bái"]),
    ("SEA Games 29\nChiều qua (6/7), Bộ trưởng Bộ VH, TT&DL Nguyễn Ngọc Thiện đã chủ chỉ cuộc họp với các cơ quan "
     "chức năng.", "Nguyễn Ngọc Thiện", ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Người có công\nPhó Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Vĩnh Long Phan Thị Mỹ Hạnh cho biết: Tỉnh "
     "Vĩnh Long có trên 62.000 đối tượng chính sách.", "Phan Thị Mỹ Hạnh",
     ["Phó Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Vĩnh Long"]),
])
def test_a_department_named_with_a_comma(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, name, labels", [
    # Vietnam's ambassador to a country (mission_roles.tsv) holds a Vietnamese State post, 'Đại sứ Việt Nam tại …'
    # (corpus 21471242, 21471956); another country's ambassador to Vietnam holds none (21510574)
    ("Bóng đá\nTrước trận đấu chung kết, Đại sứ Việt Nam tại Ấn Độ Tôn Sinh Thành đã gặp gỡ, động viên các cầu thủ hai "
     "đội.", "Tôn Sinh Thành", ["Đại sứ Việt Nam tại Ấn Độ"]),
    ("Maryland\nĐại sứ Việt Nam tại Mỹ Phạm Quang Vinh đã gặp Phó Thống đốc bang Maryland Boyd Rutherford, nói chuyện với "
     "Câu lạc bộ Quốc tế Annapolis.", "Phạm Quang Vinh", ["Đại sứ Việt Nam tại Mỹ"]),
    ("Nga\nTại buổi chiêu đãi của Đại sứ quán Nga hôm 9/2, Đại sứ Nga tại Việt Nam Konstantin Vnukov đã nhấn mạnh rằng, "
     "các mối quan hệ với Việt Nam vẫn là ưu tiên chính đối với Nga.", "Konstantin Vnukov", []),
])
def test_vietnams_ambassadors(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, name, labels", [
    # a body's short name in brackets inside its name, before the rest of the name, its parent or its place, is left
    # out (posts.title_text; corpus 21478853, 21473009, 21472285); not before another sentence run on (21472499)
    ("Đình chỉ hiệu trưởng\nChiều 6/2, trao đổi ngắn với Đất Việt, Phó Giám đốc Sở Giáo dục và Đào tạo (GD-ĐT) Hà Nội "
     "Phạm Xuân Tiến khẳng định, quyết định đình chỉ chức vụ Hiệu trưởng sẽ do UBND quận ra quyết định.",
     "Phạm Xuân Tiến", ["Phó Giám đốc Sở Giáo dục và Đào tạo thành phố Hà Nội"]),
    ("Đá gà\nTrao đổi với báo Tuổi Trẻ vào ngày 6/2, thượng tá Trương Văn Sáu, trưởng phòng Cảnh sát hình sự (PC45) Công "
     "an tỉnh Tiền Giang cho biết, đơn vị này vừa triệt phá thành công một tụ điểm đá gà ăn tiền.", "Trương Văn Sáu",
     ["Trưởng phòng Cảnh sát hình sự Công an tỉnh Tiền Giang"]),
    ("Tết trồng cây\nỦy viên Bộ Chính trị, Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam Nguyễn Thiện Nhân "
     "dự lễ.", "Nguyễn Thiện Nhân", ["Ủy viên Bộ Chính trị", "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    ("ABBANK\nNăm 2017, ABBANK đặt kế hoạch lên sàn Ông Cù Anh Tuấn, Tổng giám đốc Ngân hàng TMCP An Bình (ABBANK) Năm "
     "2017, bám sát định hướng trở thành ngân hàng TMCP hàng đầu Việt Nam.", "Cù Anh Tuấn",
     ["Tổng Giám đốc Ngân hàng TMCP An Bình"]),
    # the parent body in brackets between a title and the name: the title is read without it, and the name is a
    # person's (corpus 21478612, 21491898)
    ("Cấp cứu\nCục trưởng Cục Quản lý khám chữa bệnh (Bộ Y tế) Lương Ngọc Khuê cho rằng, nguyên tắc hoạt động cấp cứu "
     "TNGT cần bảo đảm nhanh chóng.", "Lương Ngọc Khuê", ["Cục trưởng Cục Quản lý khám chữa bệnh"]),
    ("Báo chí\nTrao đổi với Báo Giao thông chiều 8/2, Cục trưởng Cục Báo chí (Bộ Thông tin & Truyền thông) Lưu Đình Phúc "
     "cho biết, Cục đã có văn bản yêu cầu các báo.", "Lưu Đình Phúc", ["Cục trưởng Cục Báo chí"]),
])
def test_brackets_inside_and_after_a_body_name(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, name, labels", [
    # VPCP: Văn phòng Chính phủ (bodies.tsv); corpus 21477798
    ("Thuế xăng\n“Việc sử dụng nguồn thu từ thuế bảo vệ môi trường được thực hiện công khai, minh bạch”, Bộ trưởng Chủ "
     "nhiệm VPCP Mai Tiến Dũng lưu ý.", "Mai Tiến Dũng", ["Chủ nhiệm Văn phòng Chính phủ"]),
])
def test_the_government_office_abbreviated(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, expected", [
    # a plural title ('các Phó Thủ tướng', 'các thứ trưởng Bộ …') is shared by the names listed right after it, which
    # are persons (article._plural_title_lists, persons.plural_title_before; corpus 21471990, 21491799, 22509440)
    ("Thủy điện\nCuộc họp sẽ có sự tham dự của các thứ trưởng Bộ Công Thương Hoàng Quốc Vượng, Cao Quốc Hưng, Đỗ Thắng "
     "Hải, cùng lãnh đạo một số cục, vụ liên quan và Tổng cục Năng lượng.",
     {"Hoàng Quốc Vượng": ["Thứ trưởng Bộ Công Thương"], "Cao Quốc Hưng": ["Thứ trưởng Bộ Công Thương"],
      "Đỗ Thắng Hải": ["Thứ trưởng Bộ Công Thương"]}),
    ("Cầu vượt\nBí thư Thành ủy Đinh La Thăng và các phó chủ tịch UBND TPHCM Lê Văn Khoa, Nguyễn Thị Thu đã đến dự.",
     {"Đinh La Thăng": ["Bí thư Thành ủy Thành phố Hồ Chí Minh"],
      "Lê Văn Khoa": ["Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"],
      "Nguyễn Thị Thu": ["Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"]}),
    ("Chất vấn\nNgày mai (13/6), Thủ tướng Chính phủ Nguyễn Xuân Phúc, các Phó Thủ tướng Trương Hòa Bình, Vương Đình "
     "Huệ, Vũ Đức Đam, Trịnh Đình Dũng, cùng 4 Bộ trưởng các bộ Nông nghiệp và Phát triển nông thôn; Y tế bắt đầu trả "
     "lời chất vấn.",
     {"Nguyễn Xuân Phúc": ["Thủ tướng Chính phủ"], "Trương Hòa Bình": ["Phó Thủ tướng Chính phủ"],
      "Vương Đình Huệ": ["Phó Thủ tướng Chính phủ"], "Vũ Đức Đam": ["Phó Thủ tướng Chính phủ"],
      "Trịnh Đình Dũng": ["Phó Thủ tướng Chính phủ"]}),
    # not when the plural is another noun's, the title a single one ('các vị lãnh đạo TP như nguyên Thủ tướng A, B, C';
    # corpus 22233031)
    ("Tân Bí thư\nVị tân Bí thư cũng cho biết thêm, trong quá trình công tác sau đó ông đã được giúp đỡ lớn từ các vị "
     "lãnh đạo TP như nguyên Thủ tướng Võ Văn Kiệt, Phan Văn Khải, Nguyễn Minh Triết, Lê Thanh Hải…",
     {"Võ Văn Kiệt": ["Thủ tướng Chính phủ"], "Phan Văn Khải": [], "Nguyễn Minh Triết": [], "Lê Thanh Hải": []}),
])
def test_a_plural_title_shared_by_a_list_of_names(text, expected):
    assert _holdings(text) == expected


@pytest.mark.parametrize("text, name, labels", [
    # 'Phó phòng' before a section's capitalised name is its deputy head, 'Phó Trưởng phòng' (abbreviations.tsv;
    # corpus 21506231, 21478924: the Sở's place from the article)
    ("Học sinh chưa đi học\nÔng Lê Tấn Nam, Phó phòng GD&ĐT huyện Ba Tơ xác nhận hơn 1.400 học sinh từ bậc học mầm non "
     "đến THCS trên địa bàn chưa đi học sau Tết.", "Lê Tấn Nam", ["Phó Trưởng phòng Giáo dục và Đào tạo huyện Ba Tơ"]),
    ("Hà Nội: giá trông giữ xe dịp lễ hội\nÔng Phan Văn Đồng, Phó phòng Quản lý giá, Sở Tài chính cho biết, hằng năm, Đoàn "
     "kiểm tra liên ngành của thành phố Hà Nội đều kiểm tra, xử lý vi phạm.", "Phan Văn Đồng",
     ["Phó Trưởng phòng Quản lý giá Sở Tài chính thành phố Hà Nội"]),
])
def test_a_deputy_section_head_written_short(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("text, name, labels", [
    # the Vietnam Cooperative Alliance, also written 'Liên minh HTX' (bodies.tsv; corpus 21512373, 22278441)
    ("Thực phẩm an toàn\nPhó Chủ tịch Liên minh HTX Việt Nam Lê Văn Nghị cho rằng, các địa phương cần xây dựng hệ thống "
     "cửa hàng cung ứng thực phẩm.", "Lê Văn Nghị", ["Phó Chủ tịch Liên minh Hợp tác xã Việt Nam"]),
    ("Võ Kim Cự\nÔng Võ Kim Cự, Bí thư Đảng đoàn, Chủ tịch Liên minh Hợp tác xã Việt Nam đã có nhiều vi phạm và nhận “án” "
     "kỷ luật.", "Võ Kim Cự", ["Chủ tịch Liên minh Hợp tác xã Việt Nam"]),
])
def test_the_cooperative_alliance(text, name, labels):
    assert _holdings(text)[name] == labels


@pytest.mark.parametrize("sentence, person, label", [
    # the National Assembly's committees with 'của Quốc hội' written before the person's name (bodies.tsv)
    ("Trao đổi với PV Báo Thanh tra, Ủy viên Thường trực Ủy ban Về các vấn đề xã hội của Quốc hội Lưu Bình Nhưỡng nhấn"
     " mạnh, làm tốt công tác tiếp dân, giải quyết khiếu nại (KN), tố cáo (TC).",  # 21478384
     "Lưu Bình Nhưỡng", "Ủy viên Thường trực Ủy ban Về các vấn đề xã hội của Quốc hội"),
    ("Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội Phan Thanh Bình cho biết, Có ý"
     " kiến cho rằng, nội dung quy định về hành vi bị nghiêm cấm còn chung chung.",  # 22403743
     "Phan Thanh Bình", "Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng của Quốc hội"),
    ("Sau kỳ họp thứ 3, Ủy ban Khoa học, Công nghệ và Môi trường sẽ phối hợp với Ban soạn thảo và các cơ quan liên quan"
     " nghiên cứu, tiếp thu chỉnh lý dự thảo Luật”, Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội Phan"
     " Xuân Dũng phát biểu.",  # 22466086
     "Phan Xuân Dũng", "Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"),
])
def test_national_assembly_committees_before_a_name(sentence, person, label):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    assert label in [h.post.label for h in facts.holdings if h.person == person]


@pytest.mark.parametrize("sentence, person, label", [
    # the inspectorate of a province, city or district: 'Chánh Thanh tra' before a unit (unit_roles.tsv)
    ("Theo quyết định thanh tra, ông Nguyễn Đăng Bình, Phó Chánh thanh tra tỉnh Yên Bái, được giao làm trưởng đoàn.",
     "Nguyễn Đăng Bình", "Phó Chánh Thanh tra tỉnh Yên Bái"),  # 22496199
    ("Về vấn đề này, ông Lê Văn Hùng - Phó Chánh Thanh tra TP.HCM cũng thừa nhận đây là vụ khiếu nại kéo dài.",
     "Lê Văn Hùng", "Phó Chánh Thanh tra Thành phố Hồ Chí Minh"),  # 21510070
    ("Bà Lương Thị Phượng, phó chủ tịch UBND Q.Tân Phú; và ông Nguyễn Tiến Lực, Chánh thanh tra Q.Tân Phú, nguyên"
     " Trưởng phòng Tài chính - kế hoạch Q.Tân Phú cũng bị kỷ luật khiển trách.",  # 22635083
     "Nguyễn Tiến Lực", "Chánh Thanh tra quận Tân Phú"),
    # ... before a province's name written bare
    ("Liên quan đến vụ việc, Chánh Thanh tra Hà Nội Nguyễn Văn Tấn Dũng cho biết, việc thanh tra tại Đồng Tâm vẫn đang"
     " được tiến hành.", "Nguyễn Văn Tấn Dũng", "Chánh Thanh tra thành phố Hà Nội"),  # 22530850
    # a governor named bare is the State Bank's, the one bank the article names (context_roles.txt)
    ("Chẳng hạn, tỷ giá bình quân liên ngân hàng của Ngân hàng Nhà nước Việt Nam (NHNN) chỉ tăng 1% từ đầu năm. Theo"
     " Thống đốc Lê Minh Hưng, đến cuối tháng 4/2017 tín dụng đã tăng 5,76% so với cuối năm 2016.",  # 22416178
     "Lê Minh Hưng", "Thống đốc Ngân hàng Nhà nước Việt Nam"),
])
def test_inspectorates_and_governors(sentence, person, label):
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text="Tin tức\n" + sentence, source="test"))
    assert label in [h.post.label for h in facts.holdings if h.person == person]


def test_a_bare_governor_without_a_bank_named_holds_nothing():
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    text = "Tin tức\nTheo Thống đốc Lê Minh Hưng, đến cuối tháng 4/2017 tín dụng đã tăng 5,76% so với cuối năm 2016."
    facts = extract(Article(id="x", text=text, source="test"))  # 22416178
    assert [h.post.label for h in facts.holdings] == []
