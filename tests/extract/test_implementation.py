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


# corpus sentences (none from gold-dev), each asserting exactly the implementations read
@pytest.mark.parametrize("text, expected", [
    # an opening clause: the implementer is the subject after it (22414208)
    ("Ông Cao Anh Tuấn phát biểu tại họp báo. Thực hiện Nghị quyết 19-2016/NQ-CP của Chính phủ về những nhiệm vụ, "
     "giải pháp chủ yếu cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh quốc gia 2016-2017, định hướng "
     "đến 2020, Bộ Tài chính đã chủ trì, phối hợp với các bộ.",
     [("Bộ Tài chính", "19-2016/NQ-CP")]),
    # the issuer does not implement its own resolutions, the province does (21478425)
    ("Ông Nguyễn Văn Hòa – Chủ tịch UBND tỉnh Kon Tum: Thực hiện Nghị quyết số 63/NQ-CP ngày 22/7/2016 của Chính "
     "phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết của Quốc hội về Kế hoạch phát triển kinh "
     "tế - xã hội 5 năm 2016 – 2020; Nghị quyết số 64/NQ-CP ngày 22/7/2016 của Chính phủ ban hành Chương trình hành "
     "động của Chính phủ thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng; Nghị quyết số "
     "100/NQ-CP ngày 18/11/2016 của Chính phủ ban hành Chương trình hành động.",
     [("Kon Tum", "63/NQ-CP")]),
    # asking others to carry a resolution out is not carrying it out (22339546)
    ("Trên cơ sở những ý kiến, kiến nghị của cử tri, Nhân dân cả nước, Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam "
     "kiến nghị Đảng, Nhà nước tiếp tục chỉ đạo quyết liệt việc thực hiện Nghị quyết số 04-NQ/TW của Ban Chấp hành "
     "Trung ương Đảng (khóa XII); Đảng viên, cán bộ, công chức.", []),
    # a central body's plan to carry out a Politburo resolution (22408195)
    ("Thủ tướng cho biết Chính phủ đã ban hành Chương trình hành động tiếp tục đẩy mạnh thực hiện Nghị quyết số "
     "36-NQ/TW của Bộ Chính trị; coi đây là nhiệm vụ quan trọng.", [("Chính phủ", "36-NQ/TW")]),
])
def test_implementation_corpus(text, expected):
    assert impl(text) == expected


def test_issuer_family():
    from graphkit.extract.implementation import is_issuer

    assert is_issuer("Văn phòng Chính phủ", "TTg", None)
    assert is_issuer("Chính phủ", "CP", "Chính phủ")
    assert is_issuer("Quốc hội", "QH13", None)
    assert not is_issuer("Chính phủ", "QH13", "Quốc hội")  # the Government carries out Assembly resolutions
    assert not is_issuer("Bộ Công Thương", "TTg", "Thủ tướng Chính phủ")
    assert is_issuer("Bộ Thông tin và Truyền thông", "BTTTT", None)  # its own decision 2036/QĐ-BTTTT (21480890)



@pytest.mark.parametrize("text, expected", [
    # amended in the passive: the later document amends the earlier (22381464)
    ("báo cáo Bộ VHTT&DL theo quy định tại khoản 4 Điều 41 Nghị định số 100/2006/NĐ – CP được sửa đổi, bổ sung tại "
     "Nghị định số 85/2011/NĐ –CP.", [("amends", "85/2011/NĐ-CP", "100/2006/NĐ-CP")]),
    # replaced, in an aside (21471880)
    ("Nghị định số 32/NĐ-CP ngày 22-2-1973 của Hội đồng Chính phủ về việc sửa đổi tổ chức bộ máy Bộ Công an (thay thế "
     "Nghị định số 132/NĐ-CP)...", [("replaces", "32/NĐ-CP", "132/NĐ-CP")]),
    # repealed (22319642)
    ("Thông tư 02/2017/TT-BNV bãi bỏ Thông tư 05/2016/TT-BNV từ ngày 01/7/2017.",
     [("repeals", "02/2017/TT-BNV", "05/2016/TT-BNV")]),
])
def test_amends_replaces(text, expected):
    facts = extract(Article(id="t", text=text, source="test"))
    assert sorted((c.relation, c.citing.code, c.cited.code) for c in facts.citations) == expected
    assert facts.implementations == []


def test_change_relations_are_written_and_defined():
    from rdflib import URIRef

    from graphkit.kg.build import article_quads
    from graphkit.kg.namespaces import GK_URI
    from graphkit.ontology import load_ontology

    facts = extract(Article(id="t", text="Thông tư 02/2017/TT-BNV bãi bỏ Thông tư 05/2016/TT-BNV từ ngày 01/7/2017.",
                            source="test"))
    predicates = {str(q[1]) for q in article_quads(facts)}
    assert GK_URI + "repeals" in predicates and GK_URI + "cites" not in predicates
    onto = load_ontology()
    for term in ("amends", "replaces", "repeals"):
        assert {o.language for o in onto.objects(URIRef(GK_URI + term), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))} == {"en", "vi"}


# corpus sentences (none from gold-dev): bodies the gazetteer does not list, State groups by their acronyms, and
# what a verb written next to a directive does not say
@pytest.mark.parametrize("text, expected", [
    # a State group named by its acronym (data/state_enterprises.tsv) (22336739)
    ("VNPT xác định rõ việc thực hiện nghiêm túc các quy định của Nghị định 49/2017/NĐ-CP không chỉ để tránh bị phạt.",
     [("Tập đoàn Bưu chính Viễn thông Việt Nam", "49/2017/NĐ-CP")]),
    # a department without its place, of the province named (22678174)
    ("Ngày 7-7, Sở Xây dựng sẽ tổ chức triển khai thực hiện Quyết định 26/2017 trên toàn TP” - ông Tống Đức Tiến, "
     "Trưởng phòng CPXD thuộc Sở Xây dựng TP.HCM, nhấn mạnh với Pháp Luật TP.HCM.",
     [("Thành phố Hồ Chí Minh", "26/2017")]),
    # the department of the province named last, not of the article's main province (21480467)
    ("Hà Nội đứng đầu cả nước. Tư pháp Hà Nam năm qua cũng được đánh giá cao. Giám đốc Sở Tư pháp Lê Thị Liên cho "
     "biết, Sở đang rốt ráo chuẩn bị để tổng kết 2 năm thực hiện Quyết định số 53/2014/QĐ-UBND của UBND tỉnh.",
     [("Hà Nam", "53/2014/QĐ-UBND")]),
    # a negation: not carried out (21481357)
    ("Một số doanh nghiệp lớn như Tập đoàn Dầu khí Việt Nam (5 doanh nghiệp), Tập đoàn Hóa chất Việt Nam "
     "(2 doanh nghiệp) chưa thực hiện công bố thông tin theo Nghị định 81/2015/NĐ-CP.", []),
    # a passive with 'theo': the subject is the thing done (22590247)
    ("Nội dung giám sát của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng được thực hiện theo Luật "
     "Thanh tra số 56/2010/QH12, Luật Đầu tư công số 49/2014/QH13.", []),
    # 'thi hành án' is the enforcement of judgments, not carrying out the decree (22373433)
    ("Theo ông Huân, Chi cục Thi hành án dân sự quận 10 không có thẩm quyền tiếp nhận ủy thác thi hành án vì căn cứ "
     "Nghị định 62/2015 của Chính phủ, người phải thi hành án phải ủy thác.", []),
    # the issuer named after the document ('mà … đã ban hành') does not implement it (21476391)
    ("Ông Phạm Xuân Phúc, Phó Chánh Thanh tra Bộ VH-TT-DL, cho biết đã quán triệt với các địa phương tổ chức lễ "
     "hội theo đúng tinh thần của Thông tư 15/2015 mà Bộ VH-TT-DL đã ban hành.", []),
    # a code of law, a working team and a private firm are not bodies that implement (22571674, 22708758, 22245968)
    ("Nghị quyết về việc thi hành Bộ luật Hình sự số 100/2015/QH13 đã được sửa đổi.", []),
    ("Đoàn công tác làm việc xung quanh công tác kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện Kết luận số "
     "24-KL/TW của Bộ Chính trị khóa XI.", []),
    ("Công ty TNHH Thiên Ngọc Minh Uy cùng các đại lý đã thực hiện 80 lượt vi phạm đối với 13 hành vi quy định tại "
     "Nghị định 42/2014/NĐ-CP.", []),
])
def test_named_bodies_and_verbs(text, expected):
    assert impl(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a province name that ends a person's name is not the province (22652088)
    ("“Rất ít khu vực có quy hoạch 1/500” - ông Nguyễn Gia Thái Bình, Phó Chủ tịch UBND quận Bình Tân, cho biết.",
     []),
    ("Tỉnh Thái Bình đã có 286 xã đạt chuẩn nông thôn mới.", ["Thái Bình"]),
])
def test_province_in_a_name(text, expected):
    facts = extract(Article(id="t", text=text, source="test"))
    assert [p.name for p, _ev in facts.provinces] == expected


# corpus sentences (none from gold-dev) on who is the subject of the implementing verb; a sentence naming a province
# comes first where the article's own province would be the wrong answer
_PROVINCE_FIRST = "Tỉnh Hòa Bình có nhiều đổi mới. "


@pytest.mark.parametrize("text, expected", [
    # 'địa phương' closing a list of kinds of bodies is every locality, not the article's province (21479956, 22414520)
    (_PROVINCE_FIRST + "Trong bối cảnh kinh tế thế giới năm 2017 có nhiều điểm quan ngại, ngay từ những ngày đầu năm "
     "2017, các bộ, ngành, địa phương đã tích cực triển khai thực hiện nghiêm túc các Nghị quyết của Quốc hội và Nghị "
     "quyết số 01/NQ-CP ngày 1/1/2017 của Chính phủ.", []),
    # … so the body named before it is the subject (22446828)
    (_PROVINCE_FIRST + "Bộ Giáo dục và Đào tạo chủ trì cùng các bộ ngành, địa phương thực hiện nghiêm Chỉ thị số "
     "10/CT-TTg của Thủ tướng về tăng cường chỉ đạo kỳ thi THPT Quốc gia và tuyển sinh đại học, cao đẳng.",
     [("Bộ Giáo dục và Đào tạo", "10/CT-TTg")]),
    # a modal: what should be done, not what is (22572940)
    ("Thành phố Hồ Chí Minh thiếu cát san lấp. Tuy nhiên, về lâu dài, các Bộ, ngành và địa phương cần triển khai tích "
     "cực Quyết định số 452/QĐ-TTg ngày 12/4/2017 của Thủ tướng Chính phủ về Đề án đẩy mạnh xử lý, sử dụng tro, xỉ.",
     []),
    # … but 'cần thiết' (necessary) is no modal (made from 22572940's decision, as a control)
    ("UBND tỉnh Đồng Nai đã chỉ đạo các biện pháp cần thiết để triển khai Quyết định số 452/QĐ-TTg của Thủ tướng "
     "Chính phủ.", [("Đồng Nai", "452/QĐ-TTg")]),
    # the source of a report is not the subject (22627419)
    ("Theo báo cáo của Bộ Nội vụ, các Bộ, ngành, địa phương đã tổ chức triển khai tinh giảm biên chế theo quy định "
     "tại Nghị định số 39-NQ/TW của Bộ Chính trị, Quyết định 2218/QĐ-TTg và Nghị định số 108/2014/NĐ-CP của Thủ "
     "tướng Chính phủ.", []),
    # the body petitioned or asked is not said to carry anything out (22627763, 21491450, 22655636)
    ("Sau khi nghe thông báo kết quả Kỳ họp thứ ba, Quốc hội khóa XIV, cử tri xã Chiềng Đen đã kiến nghị với Đoàn "
     "đại biểu Quốc hội tỉnh Sơn La một số vấn đề về tiếp tục quan tâm triển khai thực hiện Quyết định số "
     "22/2013/QĐ-TTg ngày 26/4/2013 của Thủ tướng Chính phủ về hỗ trợ người có công với cách mạng về nhà ở.", []),
    (_PROVINCE_FIRST + "Lãnh đạo Bộ yêu cầu Công an các đơn vị, địa phương tiếp tục thực hiện nghiêm túc Chỉ thị số "
     "11-CT/TW, ngày 20/12/2016 của Ban Bí thư, Chỉ thị số 13/CT-TTg ngày 17/12/2016 của Thủ tướng Chính phủ.", []),
    ("Tỉnh Quảng Ninh đẩy mạnh phòng chống bệnh dại. Thời tiết nắng nóng kéo dài là thời điểm nguy cơ bệnh dại bùng "
     "phát và lây lan ra diện rộng rất cao, do đó UBND tỉnh yêu cầu Chủ tịch UBND các huyện, thị xã, thành phố thuộc "
     "tỉnh và các đơn vị có liên quan khẩn trương thực hiện nghiêm chỉ đạo của UBND tỉnh tại Chỉ thị số 09/CT-UBND "
     "ngày 7/6/2017 về tăng cường công tác phòng chống bệnh dại trên động vật.", []),
    # an opening clause after a connective, with the head of a body as the subject (21492068, 22270764, 21488492)
    ("Theo đó, để thực hiện Công điện số 156/CĐ-TTg ngày 2/2/2017 của Thủ tướng Chính phủ về tập trung triển khai "
     "những nhiệm vụ trọng tâm ngay từ những ngày đầu năm mới, Chủ tịch UBND tỉnh Phú Thọ yêu cầu giám đốc các sở, "
     "thủ trưởng các ngành, đơn vị tập trung thực hiện những nội dung công việc.", [("Phú Thọ", "156/CĐ-TTg")]),
    ("Theo đó, thực hiện Thông tư 27/2011/TT-BTTT về điều phối các hoạt động ứng cứu sự cố mạng Internet Việt Nam, "
     "Trung tâm VNCERT yêu cầu Lãnh đạo các đơn vị chỉ đạo các đơn vị thuộc phạm vi quản lý thực hiện khẩn cấp một "
     "số biện pháp.", [("Trung tâm VNCERT", "27/2011/TT-BTTT")]),
    ("Đồng thời, thực hiện chỉ đạo của Phó Thủ tướng Thường trực Chính phủ Trương Hòa Bình tại văn bản "
     "571/VPCP-KTTH ngày 19-1-2017 của VPCP, Bộ Tài chính đã tạm cấp (lần 2) 1.680 tỷ đồng tiền bồi thường cho 4 "
     "địa phương chịu ảnh hưởng của sự cố môi trường Formosa.", [("Bộ Tài chính", "571/VPCP-KTTH")]),
])
def test_who_carries_it_out(text, expected):
    assert impl(text) == expected


# twelfth session: who is not the implementer, and the inspected body named at the end (corpus sentences, none from
# gold-dev or the session's samples)
@pytest.mark.parametrize("text, expected", [
    # 'Thành phố' after 'của' is a genitive, not the subject; the secretary asks others (22737603)
    ("Thành phố Hà Nội tổng kết công tác thi hành án. Về nhiệm vụ thời gian tới, Bí thư Thành ủy Hoàng Trung Hải yêu "
     "cầu ngành thi hành án dân sự tiếp tục làm tốt công tác xây dựng Đảng, trọng tâm là thực hiện hiệu quả Nghị quyết "
     "Trung ương 4 (khóa XII), các Nghị quyết, chương trình công tác của Thành phố và của ngành, gắn với thực hiện tốt "
     "Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", []),
    # 'bưu điện tỉnh' after 'với' is the partner, not the subject (21480467)
    ("Tỉnh Hà Nam liên thông thủ tục. Giám đốc Lê Thị Liên đánh giá, đồng thời cho biết thêm, Sở cũng đang chuẩn bị để "
     "ký chương trình phối hợp với bưu điện tỉnh để triển khai Quyết định số 45 của Thủ tướng Chính phủ về việc tiếp "
     "nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích.", []),
    # 'một số địa phương' is some localities (22295266)
    (_PROVINCE_FIRST + "Theo kết quả kiểm tra của Văn phòng Chính phủ tại một số địa phương cho thấy, một số doanh "
     "nghiệp còn chưa chủ động, tích cực trong việc thực hiện quyền, trách nhiệm và nghĩa vụ của mình theo tinh thần "
     "của Nghị quyết số 35/NQ-CP.", []),
    # the city asked by a district is not its subject (21484529)
    ("Hà Nội xây dựng nông thôn mới. Để tháo gỡ khó khăn trong huy động nguồn lực xây dựng NTM, huyện đã kiến nghị "
     "TP, trong năm 2017 tiếp tục bố trí nguồn kinh phí thực hiện các dự án theo Quyết định 16/2012/QĐ-UBND.", []),
    # 'tỉnh, thành phố' and 'Bộ, ngành địa phương' are lists of every locality (22414520, 22294197)
    ("Hà Nội cải thiện môi trường kinh doanh. Tính đến quý I/2017, đã có 10/30 bộ, ngành và 21/63 tỉnh, thành phố ban "
     "hành kế hoạch hoặc chương trình hành động triển khai thực hiện Nghị quyết số 19-2017/NQ-CP.", []),
    ("Hải Phòng dự hội nghị. Lý giải cho những hạn chế trên, Bộ trưởng Dũng cho rằng đó là do người đứng đầu một số "
     "Bộ, ngành địa phương vẫn chưa ý thức đầy đủ về tầm quan trọng triển khai Nghị quyết 35/NQ-CP.", []),
    # a list asked to carry a document out, each with its head's title (22539656)
    ("Hà Nội xử lý vụ việc. Yêu cầu Giám đốc Sở Giao thông Vận tải, Chủ tịch UBND huyện Sóc Sơn thực hiện nghiêm túc "
     "chỉ đạo của UBND Thành phố tại văn bản số 2861/UBND-DT ngày 13/6/2017.", []),
    # a place asked through its Party organisation and authorities (22617814)
    ("Thủ tướng đề nghị Đảng bộ, chính quyền Hải Phòng quán triệt hơn nữa vị trí, vai trò, tiềm năng của thành phố, "
     "nhất là Kết luận 72 của Bộ Chính trị tiến tới xây dựng Hải Phòng thành một thành phố Cảng xanh.", []),
    # a photo credit is no actor (22441313)
    ("Ảnh minh họa: TTXVN Vừa qua, dư luận có một số ý kiến quan ngại liên quan đến việc thực hiện quy định tại Thông "
     "tư số 32/2016/TT-NHNN (Thông tư 32) đối với việc mở, sử dụng tài khoản thanh toán.", []),
    # an obligation ('phải'), not a report (21487528)
    ("Tại Hội nghị triển khai nhiệm vụ năm 2017 của Cục Hải quan Hải Phòng (cuối tháng 1-2017), Thứ trưởng Bộ Tài "
     "chính Đỗ Hoàng Anh Tuấn chỉ đạo, năm 2017 Cục Hải quan Hải Phòng phải tiếp tục phấn đấu đi đầu toàn ngành Hải "
     "quan về thực hiện Nghị quyết 19/NQ-CP.", []),
    # an inspection of how a province leads, directs and carries out a conclusion, the province named last (22705457)
    ("Đoàn kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện Kết luận số 24-KL/TW của Bộ Chính trị khóa XI về đẩy "
     "mạnh công tác quy hoạch và luân chuyển cán bộ lãnh đạo, quản lý đến năm 2020 và những năm tiếp theo gắn với việc "
     "thực hiện Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử tại Cà Mau.", [("Cà Mau", "24-KL/TW")]),
    # … but not when only the issuers follow (22278897)
    ("Theo đó, Đoàn sẽ tiến hành kiểm tra công tác lãnh đạo, chỉ đạo và tổ chức thực hiện Kết luận số 24-KL/TW của Bộ "
     "Chính trị khóa XI về đẩy mạnh công tác quy hoạch và luân chuyển cán bộ lãnh đạo, quản lý đến năm 2020 và những "
     "năm tiếp theo gắn với việc thực hiện Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử (ban hành kèm theo "
     "Quyết định số 68-QĐ/TW của Bộ Chính trị khóa X).", []),
])
def test_not_the_implementer_and_inspected(text, expected):
    assert impl(text) == expected


def test_coordinated_document_is_not_cited():
    # 'Kết luận … gắn với việc thực hiện Quy chế …, Quyết định số 68' carries both out; the conclusion does not cite
    # the decision (22278897)
    text = ("Theo đó, Đoàn sẽ tiến hành kiểm tra công tác lãnh đạo, chỉ đạo và tổ chức thực hiện Kết luận số 24-KL/TW "
            "của Bộ Chính trị khóa XI về đẩy mạnh công tác quy hoạch và luân chuyển cán bộ lãnh đạo, quản lý đến năm "
            "2020 và những năm tiếp theo gắn với việc thực hiện Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử "
            "(ban hành kèm theo Quyết định số 68-QĐ/TW của Bộ Chính trị khóa X).")
    facts = extract(Article(id="t", text=text, source="test"))
    assert sorted(d.code for d in facts.directives) == ["24-KL/TW", "68-QĐ/TW"]
    assert [(c.citing.code, c.cited.code) for c in facts.citations] == []


@pytest.mark.parametrize("text, expected", [
    # a breach written between the verb and the document (21495077, 22668283)
    ("Bộ Kế hoạch và Đầu tư khẳng định, việc một số dự án nhóm B của Hải Dương kéo dài thời gian thực hiện 10 năm là "
     "chưa tuân thủ quy định tại Điều 13 Nghị định số 77/2015/NĐ-CP về kế hoạch đầu tư công trung hạn và hàng năm.",
     []),
    ("UBND tỉnh Tiền Giang tiếp nhận không qua thi tuyển đối với 13 trường hợp theo chính sách thu hút của tỉnh là "
     "không đúng đối tượng quy định; không có văn bản gửi xin ý kiến của Bộ Nội vụ trước khi ban hành quyết định tuyển "
     "dụng là thực hiện không đúng quy định tại Nghị định 24/2010/NĐ-CP về tuyển dụng, sử dụng, quản lý công chức.", []),
    # an amendment of the document, not its implementation (21472845)
    ("15 đề án trình Chính phủ, Thủ tướng Chính phủ, Quốc hội sẽ được Tổng cục Hải quan triển khai trong năm 2017 gồm: "
     "Nghị định sửa đổi, bổ sung Nghị định 08/2015/NĐ-CP quy định chi tiết và biện pháp thi hành Luật Hải quan về thủ "
     "tục hải quan, kiểm tra, giám sát, kiểm soát hải quan.", []),
    # the body asked through its head's whole-post title (22257478)
    ("Về việc Bộ Tài chính kiến nghị Thủ tướng Chính phủ đình chỉ thi công các dự án xây dựng nhà cao tầng đang triển "
     "khai - HoREA đã dẫn Văn bản số 4393/VPCP-ĐMDN ngày 28/04/2017 của Văn phòng Chính phủ truyền đạt ý kiến của Phó "
     "Thủ tướng Chính phủ Vương Đình Huệ.", []),
    # a document listed after the first one's description is carried out with it, not cited by it (22650717)
    ("Triển khai Bệnh án điện tử tại các bệnh viện là một hoạt động quan trọng của Bộ Y tế nhằm đẩy mạnh ứng dụng "
     "công nghệ thông tin bệnh viện, thực hiện nhiệm vụ Chính phủ giao tại Nghị quyết số 36a/NQ-CP về Chính phủ điện tử "
     "và Quyết định số 1819/QĐ-TTg của Thủ tướng Chính phủ phê duyệt chương trình quốc gia về ứng dụng công nghệ thông "
     "tin trong hoạt động cơ quan nhà nước giai đoạn 2016-2020.",
     [("Bộ Y tế", "1819/QĐ-TTg"), ("Bộ Y tế", "36a/NQ-CP")]),
    # a provincial body of several provinces is no one province (22522544)
    ("Tỉnh Quảng Trị tái cơ cấu nông nghiệp. Năm 2017, trình Thủ tướng Chính phủ ban hành kế hoạch và có lộ trình cụ "
     "thể để cơ cấu lại ngành nông nghiệp giai đoạn 2017 – 2020; đổi mới, phát triển các hình thức sản xuất, hoàn thành "
     "việc hướng dẫn UBND các tỉnh, thành phố trực thuộc Trung ương triển khai thực hiện Quyết định số 678/QĐ-TTg của "
     "Thủ tướng Chính phủ về ban hành Bộ Tiêu chí giám sát, đánh giá về cơ cấu lại ngành nông nghiệp đến năm 2020.", []),
    # asked through its head, the body's name not read as a body (22434844)
    ("Đáng ngạc nhiên là, từ hàng loạt sai phạm trên trong kết luận thanh tra, Giám đốc Sở Y tế Hòa Bình lại chỉ "
     "\"yêu cầu Giám đốc BVĐK tỉnh Hòa Bình rút kinh nghiệm\" trong triển khai liên doanh, liên kết theo đúng thông tư "
     "15/2007/TT-BYT ngày 12/12/2007 của Bộ Y tế; Phải tiến hành đấu thầu.", []),
])
def test_breach_amendment_and_listed(text, expected):
    assert impl(text) == expected


def test_listed_documents_do_not_cite_each_other():
    # 'Nghị quyết 09-NQ/TW năm 2007 về chiến lược biển …, Nghị quyết số 26-NQ/TW …': a list, no citation (22466086)
    text = ("“Để khắc phục được các bất cập nêu trên, đồng thời, nhằm thể chế hóa đường lối, chủ trương, chính sách của "
            "Đảng và Nhà nước về phát triển nông nghiệp, nông thôn nói chung và phát triển thủy sản nói riêng, đặc biệt "
            "là Nghị quyết 09-NQ/TW năm 2007 về chiến lược biển Việt Nam đến năm 2020, Nghị quyết số 26-NQ/TW năm 2008 "
            "về nông nghiệp, nông dân, nông thôn,… việc sửa đổi Luật Thủy sản 2003 là hết sức cần thiết”, Bộ trưởng "
            "Nguyễn Xuân Cường nhấn mạnh.")
    facts = extract(Article(id="t", text=text, source="test"))
    assert sorted(d.code for d in facts.directives) == ["09-NQ/TW", "26-NQ/TW"]
    assert [(c.citing.code, c.cited.code) for c in facts.citations] == []
