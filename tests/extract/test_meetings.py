"""Meetings: chairs, co-chairs, bridge points, attendees, speakers."""
import pytest

from graphkit.extract.meetings import Sentence, find_meetings
from graphkit.extract.persons import find_persons


def meet(*sentences, title=None):
    sents, pos = [], 0
    for s in sentences:
        sents.append(Sentence(s, pos))
        pos += len(s) + 1
    persons = [[(h.start, h.end, h.name) for h in find_persons(s.text)] for s in sents]
    return find_meetings(sents, persons, title=title, article_date=None)


def test_co_chairs_and_attendees_seed_000():
    ms = meet(
        "Chiều 28/6, tại Khách sạn Mường Thanh Bắc Giang, Ban Tổ chức T.Ư tổ chức giao ban công tác tổ chức xây dựng Đảng 13 tỉnh.",
        "Các đồng chí: Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; Nguyễn Quang Dương, "
        "Ủy viên T.Ư Đảng, Phó trưởng Ban Tổ chức T.Ư; Dương Văn Thái, Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy, "
        "Trưởng Đoàn ĐBQH tỉnh Bắc Giang đồng chủ trì.",
        "Cùng dự có các đồng chí: Nguyễn Thị Thanh, Ủy viên T.Ư Đảng, Trưởng Ban công tác đại biểu Quốc hội; "
        "Lê Thị Thu Hồng, Phó Bí thư Thường trực Tỉnh ủy Bắc Giang; lãnh đạo các vụ.",
        "Đồng chí Dương Văn Thái phát biểu tại hội nghị.",
    )
    main = ms[0]
    assert main.label.startswith("Giao ban công tác tổ chức xây dựng Đảng")
    assert main.location == "Khách sạn Mường Thanh Bắc Giang"
    assert [n for n, _ in main.chairs] == ["Trương Thị Mai", "Nguyễn Quang Dương", "Dương Văn Thái"]
    assert [n for n, _ in main.attendees] == ["Nguyễn Thị Thanh", "Lê Thị Thu Hồng"]
    assert [n for n, _ in main.speakers] == ["Dương Văn Thái"]


def test_bridge_point_is_a_sub_event_seed_003():
    ms = meet(
        "Sáng nay (1/7), Ban Tổ chức TW phối hợp tổ chức hội nghị trực tuyến với 70 điểm cầu.",
        "Các đồng chí: Phạm Minh Chính - Ủy viên Bộ Chính trị, Bí thư TW Đảng, Trưởng Ban Tổ chức TW; "
        "Nguyễn Thanh Bình, Phó Trưởng ban Thường trực Ban Tổ chức TW đồng chủ trì hội nghị.",
        "Tại Nghệ An, đồng chí Hồ Phúc Hợp - Ủy viên BTV Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy chủ trì điểm cầu.",
        "Đồng chí Hồ Phúc Hợp - Ủy viên BTV Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy chủ trì điểm cầu Nghệ An.",
    )
    assert ms[0].label.startswith("Hội nghị trực tuyến")
    assert [n for n, _ in ms[0].chairs] == ["Phạm Minh Chính", "Nguyễn Thanh Bình"]
    assert len(ms) == 2 and ms[1].parent == 0 and ms[1].label == "điểm cầu Nghệ An"
    assert [n for n, _ in ms[1].chairs] == ["Hồ Phúc Hợp"]


def test_chair_by_title_corpus_21474312():
    ms = meet("Chủ tịch UBND thành phố Hà Nội Nguyễn Đức Chung chủ trì cuộc họp giao ban với các sở, ban, ngành vào sáng nay.")
    assert [n for n, _ in ms[0].chairs] == ["Nguyễn Đức Chung"]


def test_attendee_by_verb():
    ms = meet("Dự hội nghị có đồng chí Nguyễn Thị Cẩm Phương, Phó Chủ tịch Thường trực HĐND tỉnh.")
    assert [n for n, _ in ms[0].attendees] == ["Nguyễn Thị Cẩm Phương"]


def test_no_person_no_meeting():
    assert meet("Bộ Công an chủ trì, phối hợp với các bộ xây dựng đề án.") == []


def test_du_an_is_not_attendance():
    assert meet("Ông Nguyễn Văn Hùng cho biết dự án sẽ hoàn thành.") == []


def test_the_host_who_invites_is_no_attendee():
    # corpus 22449773: 'Nhận lời mời của A, sáng …, B … tham dự': B attends, A invites
    ms = meet("Nhận lời mời của Thủ tướng Nhật Bản Shinzo Abe, sáng 4-6, Thủ tướng Nguyễn Xuân Phúc và phu nhân dẫn đầu "
              "đoàn đại biểu cấp cao Việt Nam rời Hà Nội, lên đường thăm chính thức Nhật Bản và tham dự Hội nghị Tương "
              "lai châu Á lần thứ 23 tại Tokyo từ ngày 4 đến 8-6.")
    assert [n for n, _ in ms[0].attendees] == ["Nguyễn Xuân Phúc"]


@pytest.mark.parametrize("sentence, attendees", [
    # corpus 21494840: 'A chào mừng B sang dự Kỳ họp': B comes to attend, A greets him
    ("Phát biểu khai mạc kỳ họp, Thủ tướng Chính phủ Nguyễn Xuân Phúc nhiệt liệt chào mừng Thủ tướng Thongloun "
     "Sisoulith và đoàn đại biểu cấp cao Chính phủ Lào sang dự Kỳ họp thứ 39 Ủy ban liên Chính phủ về hợp tác song "
     "phương Việt Nam - Lào.", ["Thongloun Sisoulith"]),
    # corpus 21490888: the same, in a sentence whose 'có' later on opens no list of attendees
    ("“Đồng chí Thủ tướng và đoàn Chính phủ Lào là những người khách quý quốc tế cấp cao đầu tiên đến Việt Nam, mang "
     "tới nhiều niềm vui”, Thủ tướng Nguyễn Xuân Phúc chào mừng Thủ tướng Thongloun Sisoulith sang dự Kỳ họp và nhấn "
     "mạnh, mối quan hệ Việt-Lào là mối quan hệ có một không hai trên thế giới.", ["Thongloun Sisoulith"]),
    # corpus 22325813: 'A bày tỏ hoan nghênh B sang thăm Việt Nam và tham dự Hội nghị'
    ("Chủ tịch nước Trần Đại Quang cũng bày tỏ hoan nghênh Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình sang thăm "
     "Việt Nam và tham dự Hội nghị Cấp cao APEC 2017 tại Đà Nẵng.", ["Tập Cận Bình"]),
    # corpus 22269646: who attends the banquet stays an attendee; the host greets the heads of delegation
    ("Tối cùng ngày, tại Đại lễ đường Nhân dân ở thủ đô Bắc Kinh, Chủ tịch nước Trần Đại Quang và Phu nhân tham dự "
     "chiêu đãi của Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình và Phu nhân chào mừng các Trưởng đoàn và Phu nhân "
     "tham dự Diễn đàn cấp cao hợp tác quốc tế “Vành đai và Con đường” 2017.", ["Trần Đại Quang"]),
])
def test_the_host_who_welcomes_is_no_attendee(sentence, attendees):
    ms = meet(sentence)
    assert [n for n, _ in ms[0].attendees] == attendees


def test_danh_du_is_not_attendance():
    # corpus 21470831: 'danh dự' (honour) is no verb 'dự'
    assert meet("Luật sư Đặng Văn Cường – Trưởng Văn phòng Luật sư Chính Pháp, Đoàn luật sư Hà Nội cho rằng, pháp luật "
                "ghi nhận quyền tự do thân thể, bảo đảm và bảo vệ tính mạng, sức khỏe, danh dự, nhân phẩm và uy tín của "
                "mọi công dân.", title="Dùng dép đánh vào đầu trẻ mầm non: 2 giáo viên nói gì?") == []


@pytest.mark.parametrize("title, label", [
    # a meeting whose story names no event is named from the headline only when it names a meeting, else from the
    # sentence that seats someone (corpus 22598683)
    ("Giám sát việc giải quyết đơn thư tại huyện", "Hội nghị: Giám sát việc giải quyết đơn thư tại huyện"),
    ("Dùng dép đánh vào đầu trẻ mầm non: 2 giáo viên nói gì?", "Cuộc họp: Đồng chí Phan Đức Đồng - Trưởng Ban Nội "
     "chính Tỉnh ủy, Trưởng Ban Pháp chế HĐND tỉnh chủ trì."),
])
def test_a_meeting_is_named_from_its_own_sentence(title, label):
    ms = meet("Đồng chí Phan Đức Đồng - Trưởng Ban Nội chính Tỉnh ủy, Trưởng Ban Pháp chế HĐND tỉnh chủ trì.", title=title)
    assert ms[0].label == label


@pytest.mark.parametrize("sentences, attendees", [
    # a sentence that opens with the attending of a meeting, then the subject (corpus 22317480, 22321220; not a
    # trial: 22462062)
    (["Tham dự buổi lễ truy điệu, đồng chí Lê Đình Sơn - Bí thư tỉnh ủy, Chủ tịch HĐND tỉnh Hà Tĩnh cho biết: “Thay mặt "
      "nhân dân, chính quyền địa phương tôi xin gửi lời cảm ơn sâu sắc tới nhân dân"], ["Lê Đình Sơn"]),
    (["Tham dự và phát biểu tại lễ khánh thành, ông Huỳnh Đức Thơ, Chủ tịch UBND TP."], ["Huỳnh Đức Thơ"]),
    (["Tham dự phiên tòa, ông Nguyễn Đức Hợp, người dân ở TP."], []),
    # 'tham gia' + a meeting is attending (corpus 22228049)
    (["Hãng thông tấn Yonhap của Hàn Quốc dẫn nguồn tin cho biết ông Kim Yong-jae, Bộ Kinh tế đối ngoại Triều Tiên, sẽ "
      "dẫn đầu phái đoàn Triều Tiên đến Bắc Kinh để tham gia hội nghị này."], ["Kim Yong-jae"]),
    # a speaker who tells that others attend does not attend (corpus 21473888, 21473518)
    (["Trước đó, trả lời báo chí, bà Phạm Thị Oanh, Phó Chủ tịch UBND TP Nam Định - Trưởng ban tổ chức cho biết, năm nay "
      "ngoài việc siết chặt công tác an ninh, tăng cường kiểm soát trật tự tại khu vực lễ khai ấn, BTC chỉ phát 1.200 "
      "thẻ vào dự lễ khai ấn trong đền Thiên trường."], []),
    (["Ông Vũ Đình Thủy (51 tuổi, hành khách) cho biết thời điểm xe gặp nạn, mọi người đã dự lễ hội và tham quan tượng "
      "Thánh Gióng xong, chuẩn bị lên đường về Thái Bình."], []),
])
def test_who_attends(sentences, attendees):
    ms = meet(*sentences)
    assert [n for n, _ in (ms[0].attendees if ms else [])] == attendees


@pytest.mark.parametrize("sentences, chairs, attendees", [
    # the chairing cues in a sentence with 'chủ trì' in any case (a sentence without it is not searched for them)
    (["Sáng 7-2, dưới sự chủ trì của ông Nguyễn Ngọc Thuần, Phó Chủ tịch UBND huyện Gia Lâm, cuộc họp với đại diện "
      "các ban, ngành liên quan."], ["Nguyễn Ngọc Thuần"], []),
    (["Sáng 7-2, DƯỚI SỰ CHỦ TRÌ CỦA ông Nguyễn Ngọc Thuần, Phó Chủ tịch UBND huyện Gia Lâm, cuộc họp với đại diện "
      "các ban, ngành liên quan."], ["Nguyễn Ngọc Thuần"], []),
    # no chairing: only the attending is read ('Tham gia' at the start of the verb phrase, its first letter a capital)
    (["Ông Kim Yong-jae dẫn đầu phái đoàn Triều Tiên đến Bắc Kinh để Tham gia hội nghị này."], [], ["Kim Yong-jae"]),
])
def test_chairing_and_joining_in_either_case(sentences, chairs, attendees):
    ms = meet(*sentences)
    assert [n for n, _ in ms[0].chairs] == chairs
    assert [n for n, _ in ms[0].attendees] == attendees


@pytest.mark.parametrize("sentence, attendees", [
    # 'có sự tham dự của A, …, B …': the persons after it attend (corpus 21490574)
    ("Tại buổi lễ có sự tham dự của ông Đinh La Thăng, Ủy viên Bộ Chính trị, Bí thư Thành ủy TP.HCM, ông Lê Văn Khoa, "
     "Phó Chủ tịch UBND TP.HCM cùng lãnh đạo các ban, ngành và đại diện các nhà đầu tư.",
     ["Đinh La Thăng", "Lê Văn Khoa"]),
    # the persons before the verb 'dự' still attend; 'với sự tham dự của' is no verb of theirs (corpus 22460916)
    ("Chiều 5/6, Thủ tướng Nguyễn Xuân Phúc đã dự Hội nghị xúc tiến đầu tư Việt Nam với sự tham dự của 1.600 đại "
     "biểu...", ["Nguyễn Xuân Phúc"]),
    # one who proposes a meeting 'với sự tham dự của …' others does not attend (corpus 22246913)
    ("Sau đó, ông Huỳnh Tấn Vinh đã thay mặt Hiệp hội Du lịch TP Đà Nẵng gửi văn bản phúc đáp, đề nghị tổ chức họp tại "
     "Đà Nẵng với sự tham dự của các thành phần ngoài Hiệp hội Du lịch như Liên hiệp Các hội khoa học và kỹ thuật, Hội "
     "Cựu chiến binh… và các bên có liên quan để trao đổi, thu thập ý kiến.", []),
    # the list ends at a sentence the splitter left glued on (corpus 22456222: Nguyễn Duy Kiên did not come)
    ("Chiều 1.6, UBND phường Dịch Vọng tổ chức Hội nghị nhà chung cư lần đầu cho các cư dân tòa nhà Sông Đà; phía chủ "
     "đầu tư có sự tham dự của ông Dương Hải Duy - Trưởng phòng Kinh tế Cty CP Sông Đà 1.  Giải đáp thắc mắc của cư dân "
     "về việc hơn 10 năm qua, chủ đầu tư vẫn chưa cung cấp đủ hồ sơ pháp lý để xin cấp sổ đỏ cho cư dân, ông Dương Hải "
     "Duy cho hay, trong quá trình bàn giao giữa Tổng giám đốc cũ – ông Nguyễn Duy Kiên và Tổng giám đốc đương nhiệm – "
     "ông Nguyễn Xuân Bình, hồ sơ của tòa nhà Sông Đà (Cầu Giấy) bị thiếu.", ["Dương Hải Duy"]),
])
def test_persons_after_su_tham_du_cua_attend(sentence, attendees):
    ms = meet(sentence)
    assert [n for n, _ in (ms[0].attendees if ms else [])] == attendees


def test_chaired_by_a_body_with_su_tham_du_cua():
    # corpus 22681753 (the construction of the audited 22215643): 'do X chủ trì …, với sự tham dự của A, B, …'
    ms = meet("Đối thoại Dehli lần thứ 9 do Bộ Ngoại giao Ấn Độ chủ trì tổ chức, phối hợp với Quỹ Nhà quan sát (ORF), "
              "Liên đoàn các Phòng Thương mại và Công nghiệp Ấn Độ (FICCI) với sự tham dự của Phó Thủ tướng, Bộ trưởng "
              "Phạm Bình Minh, Bộ trưởng Ngoại giao Ấn Độ Sushma Swaraj, Bộ trưởng Văn phòng Cố vấn Nhà nước Myanmar, "
              "Quốc Vụ khanh Bộ Quốc phòng Singapore, Thứ trưởng Ngoại giao các nước Thái Lan, Indonesia, Brunei...")
    assert [n for n, _ in ms[0].chairs] == []
    assert [n for n, _ in ms[0].attendees] == ["Phạm Bình Minh", "Sushma Swaraj"]


@pytest.mark.parametrize("sentence", [
    # a tournament, a round or a match after 'dự' is no meeting (sports news of the corpus)
    "Thầy trò HLV Mai Đức Chung sau đó di chuyển tới Malaysia để dự SEA Games 29, với mục tiêu đoạt tấm HCV.",  # 22693353
    "Điều mà HLV Hoàng Anh Tuấn lo ngại với U19 Việt Nam khi tham dự World Cup U20, đó là khả năng ứng xử của U19 "
    "Việt Nam với trọng tài.",  # 21473215
    "Theo ông Trần Quốc Tuấn, hiện tiền vệ Lương Xuân Trường mới chỉ đảm bảo được tham dự vòng loại U23 châu Á, ít có "
    "khả năng dự được trận đấu của đội tuyển U22 Việt Nam với đội các ngôi sao K-League.",  # 22485888
    "Bí thư Thành Ủy TP. Hồ Chí Minh Đinh La Thăng đã có mặt trên khán đài sân Thống Nhất tối qua (7/2) dự khán trận "
    "thắng 3-0 của U23 Việt Nam trước U23 Malaysia.",  # 21488478
    # 'dự khán', 'dự thưởng' are other words (the audience of a trial, a lottery draw)
    "Vài phút sau, bà Hồ Mai Phương - mẹ của Nga - và những người đến theo dõi phiên tòa cũng có mặt ở hàng dự khán.",
    # 22612196
    "Người chơi đầu tiên nhận giải độc đắc mà không đeo mặt nạ là ông Trần Nhật Khánh (TP.HCM) cũng đã dự thưởng "
    "theo hình thức này, khi mua vé số bao 8.",  # 22374939
    # a family's event: a wedding, a funeral, a birthday (crime and accident reports of the corpus)
    "Theo báo Phụ nữ TP. Hồ Chí Minh, qua lời khai của các đối tượng, cảnh sát làm rõ, tối ngày 7/5, Phạm Thanh Vũ (sinh "
    "năm 1988), Nguyễn Phúc Nhân (sinh năm 1989), Trần Hoàng Cương (sinh năm 1986, cùng tạm trú tại quận Bình Tân) cùng "
    "nhiều người bạn đi dự tiệc sinh nhật.",  # 22245843
    "Trước đó, chiều 9/5, Ksor Chuôn và anh Ksor Khú (SN 1977, trú tại buôn Mrôk, xã Chư Gu, huyện Krông Pa) cùng dự "
    "đám tang tại một gia đình ở buôn Ngôm, xã Chư Drăng.",  # 22251110
])
def test_a_contest_is_no_meeting(sentence):
    assert meet(sentence) == []


# 'chủ trì' of a task, not of a meeting: the one who hands the task on chairs nothing, nor the body that leads it
@pytest.mark.parametrize("sentence", [
    # corpus 22495393: a task right after 'chủ trì' ('chủ trì, phối hợp')
    "Phó Thủ tướng Vũ Đức Đam giao Bộ TT&TT chủ trì, phối hợp với các Bộ Công an, Quốc phòng và các bộ, cơ quan liên "
    "quan khẩn trương tổ chức kiểm tra, thanh tra công tác bảo vệ an toàn thông tin mạng (ATTTM) đối với hệ thống "
    "thông tin quan trọng quốc gia.",
    # corpus 22530445: 'chủ trì phối hợp' without a comma
    "Trước thực trạng trên, Phó Chủ tịch Ủy ban nhân dân thành phố Hải Phòng Lê Thanh Sơn yêu cầu Sở Tài nguyên và Môi "
    "trường chủ trì phối hợp các đơn vị liên quan tăng cường tuyên truyền, phổ biến nội dung Nghị định 33/2017/NĐ-CP.",
    # corpus 21511557: 'giao Sở X chủ trì nghiên cứu'
    "Phương án này đã được Phó chủ tịch UBND TP.HCM Lê Văn Khoa giao Sở Lao động - Thương binh và Xã hội chủ trì "
    "nghiên cứu, báo cáo UBND TP quyết định.",
    # corpus 22350352: 'các cơ quan chủ trì soạn thảo'
    "Đại biểu Trần Văn Mão đề nghị, trong thời gian tới, các cơ quan chủ trì soạn thảo và các cơ quan liên quan cần phối "
    "hợp chặt chẽ và phân công trách nhiệm cụ thể.",
])
def test_a_task_led_is_no_chairing(sentence):
    ms = meet(sentence)
    assert not ms or ms[0].chairs == []


@pytest.mark.parametrize("sentence, chairs, attendees", [
    # corpus 22425091: the event is another's ('do Y chủ trì'): Y chairs, the one who attends it does not
    ("Trưa 31/5 theo giờ Washington DC, Thủ tướng Nguyễn Xuân Phúc đã dự tiệc chiêu đãi cấp Nhà nước của Chính quyền "
     "Hoa Kỳ do Ngoại trưởng Hoa Kỳ Rex Tillerson chủ trì tại trụ sở Bộ Ngoại giao Hoa Kỳ.",
     ["Rex Tillerson"], ["Nguyễn Xuân Phúc"]),
    # corpus 22371924
    ("Chiều tối 25-5, đồng chí Võ Văn Thưởng đã có cuộc hội kiến với đồng chí Tạ Phục Chiêm, Bí thư Tỉnh ủy tỉnh Hà Nam "
     "và dự Tiệc chiêu đãi của Tỉnh ủy Hà Nam do đồng chí Tạ Phục Chiêm chủ trì.",
     ["Tạ Phục Chiêm"], ["Võ Văn Thưởng"]),
    # corpus 22502257: one who recalls a conference chaired by another
    ("Trao đổi với các đại biểu, Phó Thủ tướng Vũ Đức Đam nhắc lại Hội nghị về du lịch do Thủ tướng Nguyễn Xuân Phúc "
     "chủ trì tại Hội An tháng 8/2016 với quan điểm “xắn tay áo vào việc”.",
     ["Nguyễn Xuân Phúc"], []),
    # words that are no handing on: 'Ban chỉ đạo', 'An toàn giao thông', 'Bộ Ngoại giao Nga', '… khi chủ trì'
    # (corpus 22656730, 22677438, 22531374, 21511929)
    ("Ngày 1/7, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ Vương Đình Huệ, Trưởng Ban chỉ đạo điều hành giá đã chủ "
     "trì buổi làm việc của Ban chỉ đạo.", ["Vương Đình Huệ"], []),
    ("Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình, Chủ tịch Ủy ban An toàn giao thông quốc gia đã chủ trì Hội "
     "nghị.", ["Trương Hòa Bình"], []),
    ("Ngày 14/6, Thứ trưởng thường trực Bộ Ngoại giao Bùi Thanh Sơn đã cùng Thứ trưởng Bộ Ngoại giao Nga Igor Morgulov "
     "chủ trì Đối thoại chiến lược Ngoại giao - Quốc phòng - An ninh lần thứ 9.", ["Bùi Thanh Sơn", "Igor Morgulov"], []),
    # corpus 22455857: an inspection led ('chủ trì kiểm tra') is chaired
    ("Thực hiện kế hoạch công tác quân sự năm 2017, ngày 2/6, tại Cam Ranh, Khánh Hòa, đồng chí Đại tướng Ngô Xuân Lịch, "
     "Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng đã chủ trì kiểm tra toàn diện công "
     "tác huấn luyện, sẵn sàng chiến đấu của Quân chủng Hải quân.", ["Ngô Xuân Lịch"], []),
    ("Bộ trưởng Lê Thành Long đã chỉ đạo như trên khi chủ trì cuộc họp nghe báo cáo nội dung Dự thảo Nghị định về đăng "
     "ký biện pháp bảo đảm diễn ra hôm qua (10/2).", ["Lê Thành Long"], []),
])
def test_who_chairs_when_the_chairing_is_handed_on(sentence, chairs, attendees):
    main = meet(sentence)[0]
    assert [n for n, _ in main.chairs] == chairs
    assert [n for n, _ in main.attendees] == attendees


@pytest.mark.parametrize("sentence, chairs", [
    # corpus 22372340: the one to be disciplined, after 'để xem xét', is no chair
    ("Ngày 25/5/2017, tại Trụ sở Trung ương Đảng, Ban Bí thư đã họp dưới sự chủ trì của đồng chí Tổng Bí thư Nguyễn "
     "Phú Trọng để xem xét báo cáo của Ủy ban Kiểm tra Trung ương đề nghị thi hành kỷ luật đồng chí Nguyễn Văn Thiện, "
     "nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Bình Định.", ["Nguyễn Phú Trọng"]),
    # corpus 22439851: the subject of the clause that follows is no chair
    ("Tại cuộc họp báo sáng ngày 2-6 dưới sự chủ trì của ông Trần Hữu Thế - Phó Chủ tịch UBND tỉnh Phú Yên, ông Nguyễn "
     "Tri Phương – Phó giám đốc Sở NN-PTNT Phú Yên cho biết, đến thời điểm này đã có 769.175 con tôm hùm bị chết.",
     ["Trần Hữu Thế"]),
    # corpus 21494686: co-chairs joined by 'và'
    ("Kỳ họp lần thứ 39 Ủy ban liên Chính phủ Việt-Lào diễn ra từ ngày 7 tới 8/2 tại Hà Nội dưới sự chủ trì của Thủ "
     "tướng Nguyễn Xuân Phúc và Thủ tướng Lào Thongloun Sisoulith.", ["Nguyễn Xuân Phúc", "Thongloun Sisoulith"]),
])
def test_chairs_after_duoi_su_chu_tri_cua(sentence, chairs):
    assert [n for n, _ in meet(sentence)[0].chairs] == chairs


@pytest.mark.parametrize("sentence, attendees", [
    # 'vinh dự' (honoured), 'do dự' (hesitate) are no attending (corpus 21473442, 21494945)
    ("Với sản phẩm 'Queen Coffee', Nữ hoàng Doanh nhân Ngô Thị Kim Chi vừa vinh dự đón nhận danh hiệu Top 20 Doanh "
     "nhân và thương hiệu hàng đầu Việt Nam.", []),
    ("Tổng thống Donald Trump lần đầu tiên tiết lộ ông ta đã “do dự” về kế hoạch gây tranh cãi này trước khi đặt bút "
     "ký.", []),
    # the source of the news attends nothing ('Theo ông X, …'); the subject after it does (corpus 22256660, 22676837)
    ("Theo ông Jaehan Shin, đại diện Công ty Bexco (Hàn Quốc), đây là lần thứ 9 Entech được tổ chức tại Việt Nam, nhưng "
     "là lần đầu tiên tổ chức tại Thành phố Hồ Chí Minh với số lượng doanh nghiệp Hàn Quốc tham dự đông nhất.", []),
    ("Theo Đại sứ Đoàn Xuân Hưng, Thủ tướng Nguyễn Xuân Phúc thăm Đức và tham dự Hội nghị Thượng đỉnh G20 từ ngày "
     "5-8/7 trong bối cảnh quan hệ giữa hai nước rất tốt.", ["Nguyễn Xuân Phúc"]),
    # one who tells ('cho hay') that a firm attends (corpus 21491040)
    ("Trong khi đó, ông Lê Đình Tứ, Phó Tổng Giám đốc Deloitte Việt Nam cũng cho hay, Deloitte Việt Nam tham dự tất cả "
     "các buổi trao thưởng giải Jackpot của Vietlott là với vai trò là đơn vị độc lập.", []),
    # an invitation tells no attending, neither the host's nor the guest's (corpus 22644684, 22712119)
    ("Chủ tịch nước Trần Đại Quang mời Tổng thống Nga Vladimir Putin thăm chính thức Việt Nam và dự Hội nghị cấp cao "
     "APEC tại Việt Nam.", []),
    ("Hồi tháng 4, cô được Thủ tướng Đức Angela Merkel mời tham dự hội nghị thượng đỉnh về bình đẳng cho phụ nữ.", []),
    # one who informs ('thông tin:') that his district attended (corpus 22733318)
    ("Chủ tịch UBND huyện Hải Hà Nguyễn Mạnh Cường thông tin: Trong 3 năm qua, huyện Hải Hà đã tham dự 2 cuộc họp do "
     "Bộ Giao thông Vận tải chủ trì để tháo gỡ khó khăn này, song chưa có kết quả khả quan.", []),
    # one who lets others attend (corpus 22686250)
    ("Hàng chục phóng viên của các báo kiên nhẫn chờ đợi, cuối cùng cũng được ông Phó Chủ tịch UBND TP.Sầm Sơn Phạm Văn "
     "Tuấn cho phép quay trở lại phòng họp ở tầng 3 để dự buổi đối thoại.", []),
    # a contest after 'dự … có' (corpus 22321990)
    ("HLV Darren Bazeley tiết lộ ngoài các tuyển thủ quốc gia, ông cũng có 11 cầu thủ từng tham dự World Cup U-17 năm "
     "2015, trong đó có thủ môn Michael Woud đang làm nhiệm vụ ở CLB Sunderland (Anh).", []),
])
def test_who_attends_and_who_does_not(sentence, attendees):
    ms = meet(sentence)
    assert [n for n, _ in (ms[0].attendees if ms else [])] == attendees
