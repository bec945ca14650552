"""Tone placement and word-list patterns: the fast forms give what the plain forms give."""
import re
from pathlib import Path

import pytest

from graphkit.gazetteer import surnames
from graphkit.nlp.normalize import _OLD_TONE, _swap, fix_tones
from graphkit.nlp.patterns import alternation

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


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
