"""Sentence boundaries read from the text agree with the rule tokenizer's tokens.

The reference below is the rule graphkit used on tokens before sentences were read from the text:
a token after one holding a line break starts a sentence, and so does a token after a stand-alone
ender followed by one space, when it starts with a capital, a digit or an opening quote or dash.
To it :func:`sentence_spans` adds one boundary the tokens do not give: the start of a sentence that a photo or
story credit ran into (:func:`credit_ends`, tested on its own below).
"""

import pytest

from graphkit.nlp.sentences import ENDERS, OPENERS, abbreviations, credit_ends, sentence_spans
from tests import CORPUS
from tests import SEEDS as SEED_DIR

SEEDS = sorted(SEED_DIR.glob("*.txt"))


def token_rule(text: str) -> list[tuple[int, int]]:
    from graphkit.nlp.pipeline import get_tokenizer

    doc = get_tokenizer()(text)
    toks = [(t.text, bool(t.whitespace_), t.idx) for t in doc]
    starts = [0] if toks else []
    for i in range(1, len(toks)):
        (prev, prev_sp, _), (cur, _, idx) = toks[i - 1], toks[i]
        abbrev = (i >= 2 and prev == "." and not toks[i - 2][1]
                  and (toks[i - 2][0] in abbreviations() or (len(toks[i - 2][0]) == 1 and toks[i - 2][0].isupper())))
        if "\n" in prev or (prev in ENDERS and prev_sp and not abbrev
                            and (cur[:1].isupper() or cur[:1].isdigit() or cur in OPENERS)):
            starts.append(idx)
    bounds = sorted(set(starts) | set(credit_ends(text)) - {len(text)}) + [len(text)] if toks else []
    return list(zip(bounds, bounds[1:]))


@pytest.mark.parametrize("text, expected", [
    # corpus 21478257-like: the period after a year ends the sentence
    ("giàu có năm 2017. Công việc tốt.", ["giàu có năm 2017. ", "Công việc tốt."]),
    # 'TP.' is an abbreviation, 'Nội.' ends a sentence
    ("trên địa bàn TP. Hà Nội. Nội dung phần thi", ["trên địa bàn TP. Hà Nội. ", "Nội dung phần thi"]),
    # an ellipsis before a dash of dialogue
    ("không được... - Sau đại học: Mục tiêu", ["không được... ", "- Sau đại học: Mục tiêu"]),
    # a line of dashes is not an opening dash
    ("là câu hỏi chưa có lời giải. ------", ["là câu hỏi chưa có lời giải. ------"]),
    # two single quotes are not an opening quote
    ("học... ''đạo hàm''. K.T (sưu tầm)", ["học... ''đạo hàm''. ", "K.T (sưu tầm)"]),
    # T.Ư, TP.HCM and a single capital with a period never end a sentence
    ("Ủy viên T.Ư Đảng, Bí thư Thành ủy TP.HCM. Ông Nguyễn Văn A. Bình nói", [
        "Ủy viên T.Ư Đảng, Bí thư Thành ủy TP.HCM. ", "Ông Nguyễn Văn A. Bình nói"]),
    # a line break always ends a sentence; two spaces after a period do not
    ("Dòng một\nDòng hai.  Vẫn dòng hai", ["Dòng một\n", "Dòng hai.  Vẫn dòng hai"]),
    ("", []),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected
    assert sentence_spans(text) == token_rule(text)


@pytest.mark.parametrize("text, sentence", [
    # a sentence opener after the credit (corpus 21471590, 22628203, 22262312: a time word before a number)
    ("Ảnh: Internet Theo đó, xác được chọn phục vụ cho y học phải từ 18 tuổi trở lên", "Theo đó, xác được"),
    ("Ảnh: TL Theo ông Trần Văn Hương, Phó Chủ tịch UBND huyện Phù Cát, khi làm việc", "Theo ông Trần Văn Hương"),
    ("Ảnh: Trường Phong Sáng 13/5, Phó Thủ tướng Chính phủ Vũ Đức Đam chủ trì", "Sáng 13/5, Phó Thủ tướng"),
    # … after 'Ảnh minh họa:' (corpus 22487322)
    ("quốc tế. Ảnh minh họa: Thu Hằng-TTXVN Theo Phó Giám đốc Sở Giáo dục và Đào tạo Hà Nội Chử Xuân Dũng",
     "Theo Phó Giám đốc"),
    # … a photographer's given name before it (corpus 21472867)
    ("Ảnh: VGP/Lê Anh Dự buổi lễ có Ủy viên Bộ Chính trị, Bí thư Thành ủy", "Dự buổi lễ có"),
    # a credit in brackets, then a capital (corpus 22604686, 22645747)
    ("Việt Nam. (Ảnh: Thống Nhất/TTXVN) Chiều 24/6, tại Trụ sở Chính phủ, Thủ tướng", "Chiều 24/6, tại"),
    ("chào xã giao. (Ảnh: Nhan Sáng/TTXVN) Chủ tịch nước Trần Đại Quang đánh giá", "Chủ tịch nước Trần"),
    # two spaces after the credit; a title of several words opens the sentence (corpus 22691922)
    ("Ảnh: Phương Hoa/TTXVN  Tổng Giám đốc Thông tấn xã Việt Nam Nguyễn Đức Lợi gửi lời cảm ơn", "Tổng Giám đốc"),
    ("Ảnh: Phương Hoa/TTXVN Tổng Giám đốc Thông tấn xã Việt Nam Nguyễn Đức Lợi gửi lời cảm ơn", "Tổng Giám đốc"),
    # a source named by a body (corpus 21472194)
    ("Nguồn: Sở GTVT TPHCM Còn cầu vượt tại vòng xoay Nguyễn Kiệm - Nguyễn Thái Sơn được xây dựng", "Còn cầu vượt"),
    # not cut: a lower-case word makes the credit a name of several words (corpus 22597228, 22548680) …
    ("Ảnh: EPA Văn phòng Tổng thống Hàn Quốc ngày 23/6 cho biết kế hoạch", None),
    ("Nguồn: Tổng cục Hải quan Trên góc độ chuyển dịch thị trường", None),
    # … a time word that is a given name, before a capital (made from 22645747's credit); a credit at the end of
    # its line (corpus 22581411)
    ("Ảnh: Nhan Sáng Chủ tịch nước phát biểu", "Chủ tịch nước"),
    ("Ảnh: Nhan Sáng/TTXVN\nDự lễ công bố và trao quyết định có Chủ tịch", None),
])
def test_a_credit_run_into_a_sentence_ends_before_it(text, sentence):
    ends = credit_ends(text)
    assert [text[e:e + len(sentence)] for e in ends] == ([sentence] if sentence else [])
    if sentence:
        assert text.index(sentence) in {a for a, _b in sentence_spans(text)}


def test_the_sentence_after_a_credit_opens_its_clause():
    """The opening clause of an implementation reads once the credit is cut off (corpus 21492068)."""
    from graphkit.extract.article import extract
    from graphkit.ingest.article import Article

    text = ("Tỉnh Phú Thọ ra quân đầu năm\nChủ tịch UBND tỉnh Phú Thọ Bùi Minh Châu phát biểu trong Hội nghị giao "
            "nhiệm vụ công tác. Ảnh: ND Theo đó, để thực hiện Công điện số 156/CĐ-TTg ngày 2/2/2017 của Thủ tướng "
            "Chính phủ về tập trung triển khai những nhiệm vụ trọng tâm ngay từ những ngày đầu năm mới, Chủ tịch UBND "
            "tỉnh Phú Thọ yêu cầu giám đốc các sở, thủ trưởng các ngành tập trung thực hiện những nội dung công việc.")
    facts = extract(Article(id="t", text=text, source="t"))
    assert [(i.actor.name, i.directive.code) for i in facts.implementations] == [("Phú Thọ", "156/CĐ-TTg")]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_same_as_the_token_rule_on_the_seeds(path):
    text = path.read_text(encoding="utf-8")
    assert sentence_spans(text) == token_rule(text)


def test_the_component_sets_the_same_sentences():
    from graphkit.nlp.pipeline import make_doc

    text = SEEDS[0].read_text(encoding="utf-8")
    doc = make_doc(text)
    assert [s.start_char for s in doc.sents] == [a for a, _b in sentence_spans(text)]
    assert doc.user_data["sentences"] == sentence_spans(text)




@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus/baomoi-2017.jsonl.gz (not in a user's clone)")
def test_same_as_the_token_rule_on_corpus_articles():
    import itertools

    from graphkit.ingest.readers import iter_articles

    for a in itertools.islice(iter_articles([CORPUS]), 1000):
        assert sentence_spans(a.text) == token_rule(a.text), a.id


@pytest.mark.parametrize("word", [
    # the shapes read without the tokenizer (numbers, closing quotes and brackets, an ellipsis after a word) …
    "2017.", "1.000.", "12/5.", "9-9-2016.", "30%.", "3,5%.", "nói”.", "(TTXVN).", 'đó".', "Kpi).", "nhiều...",
    "UBND.", "HĐND.", "ĐBSCL.", "TP.", "TS.", "A.", "Đ.",
    # … and look-alikes that go to the tokenizer
    "v.v...", "A...", "đó....", "TP.", "Q.", "ĐH.", "km/h.", "A.B.", "20h.", "(Ảnh.", "đó..", "…”.", "?",
])
def test_words_read_without_the_tokenizer_end_sentences_as_it_says(word):
    from graphkit.nlp.sentences import _ends_sentence, _ends_sentence_tokenized

    assert _ends_sentence(word) == _ends_sentence_tokenized(word)


@pytest.mark.parametrize("word", [
    # corpus words whose end the tokenizer splits off whatever comes before: a period after a closing bracket or
    # quote, '!', '?', an ellipsis or a digit …
    "(CVT).", "9).", "(2015-2020).", "“mốt”.", '"chất".', "cay'.", "đâu’.", "tên?”.", 'bền!".', "áp….", "[3].",
    "V12.", "RAV4.", "30m2.",
    # … never after a slash; runs of periods ('...' is an ender, '..' and '....' are not); one ellipsis character
    "viên./.", "đây./.", "Quốc,...", "MCG...", "triển....", "tô..", "Lennon,…", "JPS…", "không”…",
    # '!' and '?', always split off
    "FDI?", "hàng”?", "ngờ!!!", "C!", "-!?!", "2017?", "King’s?",
    # words joined by hyphens or slashes (the last one decides; 'Anh-Dr.' is made up: 'Dr' is an abbreviation), a
    # number and a unit
    "U-crai-na.", "la-zăng.", "bảng/năm.", "con/ngày.", "Anh-Dr.", "24kg.", "1,2km.", "1.000km.",
])
def test_words_read_by_their_end_end_sentences_as_the_tokenizer_says(word):
    from graphkit.nlp.sentences import _ends_sentence_by_suffix, _ends_sentence_tokenized

    assert _ends_sentence_by_suffix(word) is not None
    assert _ends_sentence_by_suffix(word) == _ends_sentence_tokenized(word)


@pytest.mark.parametrize("word", [
    # left to the tokenizer: a special case ('m.', 'h.'), a single capital before the period, two ellipses, a
    # superscript the period is not split after
    "1,2m.", "km/h.", "Type-C.", "……", "30m³.", "PGS.BS.", "v/p.",
])
def test_words_left_to_the_tokenizer(word):
    from graphkit.nlp.sentences import _ends_sentence, _ends_sentence_by_suffix, _ends_sentence_tokenized

    assert _ends_sentence_by_suffix(word) is None
    assert _ends_sentence(word) == _ends_sentence_tokenized(word)


@pytest.mark.parametrize("word, opens", [
    # a quote or bracket before a capital or a digit, read without the tokenizer
    ("“Chúng", True), ('"Tôi', True), ("(2017", True), ("‘Tôi", True), ("'Đê", True),
    # the tokenizer's: two single quotes, a dash before a word, an emoticon
    ("''Đê", False), ("-Nội", False), ("(o:", False), ("(:", False),
])
def test_opening_quotes_and_brackets(word, opens):
    from graphkit.nlp.pipeline import get_tokenizer
    from graphkit.nlp.sentences import _opens

    assert _opens(word) is opens
    assert (get_tokenizer()(word)[0].text in OPENERS) is opens
