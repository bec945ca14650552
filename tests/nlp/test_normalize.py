"""Tone placement and word-list patterns: the fast forms give what the plain forms give."""
import re

import pytest

from graphkit.gazetteer import surnames
from graphkit.nlp.normalize import _OLD_TONE, _swap, expand_abbreviations, fix_tones
from graphkit.nlp.patterns import alternation

from tests import CORPUS
from tests import SEEDS as SEED_DIR

SEEDS = sorted(SEED_DIR.glob("*.txt"))


@pytest.mark.parametrize("text, expected", [
    ("tỉnh Hoà Bình", "tỉnh Hòa Bình"),
    ("(Hoà Bình), Thanh Hoá.", "(Hòa Bình), Thanh Hóa."),  # punctuation around the word
    ("khoẻ-mạnh, hoà-thuận", "khỏe-mạnh, hòa-thuận"),  # two words with the old placement in one chunk
    ("Uỷ viên T.Ư\nkhoá XII", "Ủy viên T.Ư\nkhóa XII"),
    ("quý hoàng", "quý hoàng"),  # quý keeps its tone; hoàng is a closed syllable
    ("", ""),
])
def test_fix_tones(text, expected):
    assert fix_tones(text) == expected
    assert len(fix_tones(text)) == len(text)


def _texts():
    yield from (p.read_text(encoding="utf-8") for p in SEEDS)
    if CORPUS.exists():
        import gzip
        import itertools
        import json

        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            yield from (json.loads(line)["text"] for line in itertools.islice(fh, 2000))


def test_fix_tones_rewrites_only_words_with_the_old_placement():
    """Rewriting word by word gives what one substitution over the whole text gives."""
    for text in _texts():
        assert fix_tones(text) == _OLD_TONE.sub(_swap, text)


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@pytest.mark.parametrize("words, flags", [
    (sorted(surnames()), 0),
    (["Hà Nội", "Hà Nam", "Hà", "Hải Phòng", "Thành phố Hồ Chí Minh", "Thành phố"], 0),
    (["Bí thư", "bí thư tỉnh ủy", "Phó Bí thư", "Chủ tịch"], re.IGNORECASE),
])
def test_alternation_matches_what_the_longest_first_alternation_matches(words, flags):
    trie = re.compile(rf"(?<!\w)(?:{alternation(words, ignore_case=bool(flags))})(?!\w)", flags)
    plain = re.compile(rf"(?<!\w)(?:{_plain(words)})(?!\w)", flags)
    for text in [*list(_texts())[:300], "Bí thư Tỉnh ủy Hà Nam, bí thư tỉnh ủy, Thành phố Hà Nội"]:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    # data/abbreviations.tsv, on corpus 2017 spellings
    ("thành viên Ủy ban Thường vụ Quốc hội (UB TVQH) đã băn khoăn", "thành viên Ủy ban Thường vụ Quốc hội (Ủy ban Thường vụ Quốc hội) đã băn khoăn"),
    ("nên Ủy ban TVQH xin ý kiến Quốc hội", "nên Ủy ban Thường vụ Quốc hội xin ý kiến Quốc hội"),
    ("Ủy viên UBTVQH, Chủ tịch QH", "Ủy viên Ủy ban Thường vụ Quốc hội, Chủ tịch Quốc hội"),
    ("Chủ tịch UBND TP.HCM", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"),
])
def test_expand_abbreviations(text, expected):
    from graphkit.nlp.normalize import expand_abbreviations

    assert expand_abbreviations(text) == expected


def test_expand_abbreviations_skips_only_entries_that_cannot_match():
    """Each entry of abbreviations.tsv is applied only when its literal start is in the text; the result is
    that of applying every entry, in order (seed and test-data texts, and texts full of abbreviations)."""
    from graphkit.nlp.normalize import _abbreviation_table, _literal_starts, expand_abbreviations

    def every_entry(text: str) -> str:
        for pat, rep, _starts in _abbreviation_table()[1]:
            text = pat.sub(rep, text)
        return " ".join(text.split())

    assert _literal_starts(r"TP\.\s?HCM|UBND|Tp?X") == ("TP", "UBND", "T")
    assert _literal_starts(r"\bX") is None and _literal_starts("(?:A|B)C") is None
    dense = ["UB TVQH, UBND TP.HCM, Sở TN&MT, Bộ NN-PTNT, T.Ư, TW, BCH, BTV, HĐND, ĐBQH, TAND, VKSNDTC, LĐTB&XH",
             "Phó ban Tuyên giáo T.W, Tp. Hồ Chí Minh, TPHCM, MTTQVN, Bộ VH-TT&DL, GD-ĐT, KH&CN, KH&ĐT"]
    texts = [line for t in list(_texts())[:300] for line in t.splitlines()] + dense
    assert sum(every_entry(t) != " ".join(t.split()) for t in texts) >= 20  # texts that do have abbreviations
    for text in texts:
        assert expand_abbreviations.__wrapped__(text) == every_entry(text), text


def test_may_abbreviate_is_the_plain_scan_of_every_abbreviation():
    """may_abbreviate opens with the class of the abbreviations' first characters: the same answer as
    searching for any of them, on every line of the seeds (and on lines made to hold none)."""
    import re
    
    from graphkit.gazetteer import load_table
    from graphkit.nlp.normalize import may_abbreviate

    plain = re.compile("|".join(f"(?:{r['pattern']})" for r in load_table("abbreviations.tsv", ("pattern", "expansion"))))
    lines = [ln for f in SEEDS
             for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines += ["không có chữ viết tắt nào", "Tp Hồ Chí Minh", "Bộ Nông nghiệp & Phát triển nông thôn"]
    answers = [may_abbreviate(ln) for ln in lines]
    assert answers == [plain.search(ln) is not None for ln in lines]
    assert True in answers and False in answers


@pytest.mark.parametrize("text, expected", [
    # corpus 21478526, and where GĐ is not giám đốc (Phòng GĐ: giáo dục, Báo GĐ: gia đình)
    ("Tổng GĐ Đường sắt Việt Nam", "Tổng Giám đốc Đường sắt Việt Nam"),
    ("Phó GĐ Sở Y tế", "Phó Giám đốc Sở Y tế"),
    ("Phòng GĐ quận", "Phòng GĐ quận"),
    ("Báo GĐ Việt Nam", "Báo GĐ Việt Nam"),
])
def test_gd_is_giam_doc_before_a_name(text, expected):
    assert expand_abbreviations(text) == expected
