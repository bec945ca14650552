"""The place of a post (graphkit/extract/post_places.py): the article's own province, a district moved into it,
and the place of a post whose title writes none (another post of the phrase, the person's other posts, a place
in the sentence, the article's own). Real sentences of the 2017 corpus (ids given; none of gold-dev)."""
import pytest

from graphkit.extract.facts import Place
from graphkit.extract.places import find_districts, find_provinces
from graphkit.extract.post_places import in_province, main_province


def _holdings(text: str) -> dict[str, list[str]]:
    """person → the labels of their posts, for an article whose first line is its title."""
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    facts = extract(Article(id="x", text=text, source="test", title=text.split("\n")[0]))
    out: dict[str, list[str]] = {}
    for h in facts.holdings:
        out.setdefault(h.person, []).append(h.post.label)
    return {p: sorted(v) for p, v in out.items()}


@pytest.mark.parametrize("title, body, expected", [
    # the province named most; a district counts for its province (corpus 21472698: TX Ninh Hòa is Khánh Hòa's)
    ("DN ngưng hoạt động, thiệt hại 100 triệu đồng/ngày do bị người dân hành hung",
     "người dân ở dân thôn Ninh Ích, xã Ninh An, TX Ninh Hòa (Khánh Hòa) thu giữ trái phép tài sản của Cty CP Môi "
     "trường Khánh Hòa", "Khánh Hòa"),
    # a name in the title counts twice (corpus 21472387): the title's Thành phố Hồ Chí Minh over Việt Nam's
    # capital named once in the story
    ("Bí thư Tp Hồ Chí Minh đánh cồng khai xuân HOSE",
     "Ông Đinh La Thăng kỳ vọng HOSE đồng hành cùng thành phố, như Hà Nội", "Thành phố Hồ Chí Minh"),
    # on a tie, the one named first
    ("Tin tức", "Hà Nội và Bắc Giang", "Hà Nội"),
    ("Tin tức", "Ông Nguyễn Văn A cho biết.", None),
])
def test_main_province(title, body, expected):
    assert main_province(find_provinces(body), find_districts(body), title) == expected


def test_in_province_keeps_a_district_of_the_province_and_the_kind_as_written():
    cantho = Place("Phong Điền", "district", "Cần Thơ", "huyện")
    assert in_province(cantho, "Thừa Thiên Huế") == Place("Phong Điền", "district", "Thừa Thiên Huế", "huyện")
    assert in_province(cantho, "Cần Thơ") is cantho
    assert in_province(cantho, None) is cantho
    assert in_province(cantho, "Hà Nội") is cantho  # Hà Nội has no Phong Điền
    assert in_province(Place("Hà Nội"), "Bắc Giang") == Place("Hà Nội")


def test_a_district_in_the_articles_province():
    """'Chủ tịch UBND H.Phong Điền' in an article about Thừa Thiên Huế is the huyện there, not Cần Thơ's huyện of the
    same name (corpus 21471441; post_places.in_province), with the kind as written."""
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    text = ("Thừa Thiên Huế: triều cường làm vỡ đê\nTại X. Điền Hải (H.Phong Điền), do triều cường dâng cao khiến đoạn đê "
            "nội đồng ở thôn 6 vỡ dài hơn 10 m. Ông Trịnh Đức Hùng, Chủ tịch UBND H.Phong Điền cho biết, do đợt mưa vào "
            "cuối tháng 1-2017 và ảnh hưởng của triều cường, toàn huyện bị thiệt hại.")
    facts = extract(Article(id="x", text=text, source="test", title=text.split("\n")[0]))
    [h] = [h for h in facts.holdings if h.person == "Trịnh Đức Hùng"]
    assert h.post.label == "Chủ tịch Ủy ban nhân dân huyện Phong Điền"
    assert h.post.body.place == Place("Phong Điền", "district", "Thừa Thiên Huế", "huyện")
    assert h.post.variants == ("Chủ tịch Ủy ban nhân dân huyện Phong Điền, tỉnh Thừa Thiên Huế",)


def test_joined_titles_in_an_article_share_the_place():
    """Corpus 21478615: the Quận ủy takes the quận of the post it is joined to."""
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    text = ("Nam Từ Liêm lấy con người làm trung tâm\nBí thư Quận ủy kiêm Chủ tịch UBND quận Nam Từ Liêm "
            "Nguyễn Văn Hải cho biết, định hướng chung của quận là phấn đấu để trở thành quận văn minh.")
    facts = extract(Article(id="21478615", text=text, source="test"))
    assert sorted((h.person, h.post.label) for h in facts.holdings) == [
        ("Nguyễn Văn Hải", "Bí thư Quận ủy Nam Từ Liêm"),
        ("Nguyễn Văn Hải", "Chủ tịch Ủy ban nhân dân quận Nam Từ Liêm")]


@pytest.mark.parametrize("text, person, labels", [
    # 1. another post of the same title phrase, whatever the article is about (corpus 21472056, 21473267)
    ("Tin tức Hà Nội\nÔng Nguyễn Đức Long, Phó bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Ninh đánh trống khai hội "
     "Yên Tử.", "Nguyễn Đức Long",
     ["Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh", "Phó Bí thư Tỉnh ủy Quảng Ninh"]),
    ("Hà Tĩnh: Huyện Đức Thọ phấn đấu dẫn đầu về đích nông thôn mới\nTại buổi gặp mặt báo chí đầu xuân Đinh Dậu, Ông "
     "Võ Công Hàm – Bí thư Huyện ủy, Chủ tịch UBND huyện Đức Thọ cho biết: Năm 2016, huyện có 18 chỉ tiêu đạt.",
     "Võ Công Hàm", ["Bí thư Huyện ủy Đức Thọ", "Chủ tịch Ủy ban nhân dân huyện Đức Thọ"]),
    # 1b. a province's post of a phrase whose other post is a district's: that district's province (21473958)
    ("Thành ủy Đà Nẵng điều động nhân sự chủ chốt\nĐồng chí Lê Minh Trung, Thành ủy viên, Bí thư Quận ủy Thanh Khê, "
     "nhiệm kỳ 2015- 2020 thôi giữ chức Bí thư Quận ủy Thanh Khê.", "Lê Minh Trung",
     ["Bí thư Quận ủy Thanh Khê", "Thành ủy viên Đà Nẵng"]),
    # 2. the same person's posts elsewhere in the article (corpus 21472387): the city of his other title, not
    # the province the sentence names after him
    ("Tin tức\nỦy viên Bộ Chính trị, Bí thư Thành ủy TP Hồ Chí Minh Đinh La Thăng cho biết những tiếng cồng gióng lên "
     "hôm nay. Ngày 6/2, Ủy viên Bộ Chính trị, Bí Thư Thành ủy Đinh La Thăng đã đánh cồng khai xuân tại Hà Nội.",
     "Đinh La Thăng", ["Bí thư Thành ủy Thành phố Hồ Chí Minh", "Ủy viên Bộ Chính trị"]),
    # 3. a place named in the same sentence: the nearest before the person (corpus 21472659) …
    ("Tin tức Hà Nội\nÔng Nguyễn Hồng Lĩnh, Bí thư Tỉnh ủy tỉnh BR-VT và ông Nguyễn Văn Trình, Chủ tịch UBND tỉnh trao "
     "giấy chứng nhận cho các nhà đầu tư mới.", "Nguyễn Văn Trình", ["Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"]),
    # … else the first after (corpus 21472144)
    ("Tin tức Bắc Giang\nTheo Giám đốc Sở Giáo dục và Đào tạo Nguyễn Hữu Độ, sự việc cô giáo mầm non ở Hà Nội dùng "
     "dép đánh vào đầu học sinh khiến dư luận đặc biệt bức xúc.", "Nguyễn Hữu Độ",
     ["Giám đốc Sở Giáo dục và Đào tạo thành phố Hà Nội"]),
    # 4. the article's own province (corpus 21471790, 21472698)
    ("Nhiều dự án nghìn tỷ 'xông đất' Bà Rịa - Vũng Tàu\nÔng Nguyễn Anh Triết, Trưởng Ban Quản lý Các khu công nghiệp "
     "tỉnh cho biết, tỉnh đang quan tâm đến chất lượng của từng dự án đầu tư.", "Nguyễn Anh Triết",
     ["Trưởng Ban Quản lý Các khu công nghiệp tỉnh Bà Rịa - Vũng Tàu"]),
    ("DN ngưng hoạt động do bị người dân hành hung\nNgười dân ở xã Ninh An, TX Ninh Hòa (Khánh Hòa) thu giữ tài sản. "
     "Tiếp theo, ông Đào Công Thiên, Phó Chủ tịch UBND tỉnh cũng có văn bản yêu cầu Công an tỉnh chỉ đạo điều tra.",
     "Đào Công Thiên", ["Phó Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"]),
    # … and its own district, for a district's post (corpus 21473466)
    ("Đà Nẵng điều chuyển nhân sự\nÔng Nguyễn Thanh Quang nhận nhiệm vụ mới là Bí thư Quận ủy Thanh Khê. Ông Lê Minh "
     "Trung thôi giữ chức Bí thư Quận ủy và nhận nhiệm vụ mới là Hiệu trưởng Trường Chính trị TP Đà Nẵng.",
     "Lê Minh Trung", ["Bí thư Quận ủy Thanh Khê"]),
])
def test_the_place_of_a_post_that_writes_none(text, person, labels):
    assert _holdings(text).get(person) == labels


def test_a_post_with_no_place_anywhere_is_dropped():
    """No place written, none in the sentence, the person's other posts or the article: no post (a 'Bí thư Tỉnh ủy'
    of no province would merge every secretary)."""
    assert "Nguyễn Văn Trình" not in _holdings("Tin tức\nÔng Nguyễn Văn Trình, Chủ tịch UBND tỉnh trao giấy chứng "
                                                "nhận cho các nhà đầu tư mới.")


@pytest.mark.parametrize("text, person, expected", [
    # 'thành phố X', X a tỉnh with a city of its name: the city's post, not the province's (corpus 21473888, 21479238)
    ("Ngày 7-2, khai hội Đền Trần Nam Định: BTC sẽ phát đủ ấn cho du khách\nTrước đó, trả lời báo chí, bà Phạm Thị "
     "Oanh, Phó Chủ tịch UBND TP Nam Định - Trưởng ban tổ chức cho biết, năm nay ngoài việc siết chặt công tác an "
     "ninh, BTC chỉ phát 1.200 thẻ vào dự lễ khai ấn trong đền Thiên trường.",
     "Phạm Thị Oanh", ["Phó Chủ tịch Ủy ban nhân dân thành phố Nam Định"]),
    ("Trung tá Trần Huy Đào từ trần\nĐồng chí Trung tá Trần Huy Đào, nguyên Phó trưởng Công an TP Nam Định, tỉnh Nam "
     "Định đã từ trần ngày 2-2-2017.", "Trần Huy Đào", ["Phó Trưởng Công an thành phố Nam Định"]),
    # 'TP.Hạ Long' without a space after the dot: the city, not the article's province (corpus 21472919, 21473338)
    ("Du khách Úc rơi xuống vịnh Hạ Long: Nghi buộc tạ vào chân nhảy tàu\nTrao đổi với Lao Động, ông Phạm Hồng Hà – Chủ "
     "tịch UBND TP.Hạ Long – cho biết, theo điều tra ban đầu, du khách người Úc sinh năm 1963 này là trưởng đoàn 16 "
     "du khách Úc. Tỉnh Quảng Ninh đã vào cuộc.", "Phạm Hồng Hà", ["Chủ tịch Ủy ban nhân dân thành phố Hạ Long"]),
    ("Dùng con dấu sai ở TP.Phan Thiết: Chủ tịch tỉnh chỉ đạo Công an vào cuộc\nTrước đó, Chủ tịch UBND TP.Phan Thiết "
     "Đỗ Ngọc Điệp đã có báo cáo giải trình (số 642) gửi Chủ tịch UBND tỉnh và Thường trực Tỉnh ủy Bình Thuận.",
     "Đỗ Ngọc Điệp", ["Chủ tịch Ủy ban nhân dân thành phố Phan Thiết"]),
    # the province itself keeps 'tỉnh'; a centrally-run city stays the province (corpus 21473338, 21474035)
    ("Tin tức\nQua xem xét, chủ tịch UBND tỉnh Bình Thuận Nguyễn Ngọc Hai có ý kiến chỉ đạo giao cho Sở Nội vụ.",
     "Nguyễn Ngọc Hai", ["Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận"]),
    ("Tin tức\nChủ tịch UBND TP.Hà Nội Nguyễn Đức Chung yêu cầu Sở GD&ĐT Hà Nội báo cáo vụ việc cô giáo mầm non.",
     "Nguyễn Đức Chung", ["Chủ tịch Ủy ban nhân dân thành phố Hà Nội"]),
    # 'UBND TP' without a name is a city's: TP.HCM, not the tỉnh named before it (corpus 21491693)
    ("Đến năm 2020, TP.HCM ra mắt 30.000 nhà ở giá rẻ\nÔng Lê Văn Khoa, Phó chủ tịch UBND TP, đề nghị Sở Xây dựng xem "
     "xét thật kỹ và học hỏi kinh nghiệm của tỉnh Bình Dương để áp dụng theo tình hình thực tế ở TP.HCM.",
     "Lê Văn Khoa", ["Phó Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"]),
])
def test_a_city_is_not_a_tinh(text, person, expected):
    assert _holdings(text).get(person) == expected

