"""Normalisation of Vietnamese text and labels.

Two kinds of normalisation, kept apart on purpose:

* :func:`fix_tones` is *length-preserving*: it moves the tone mark of open ``oa``/``oe``/``uy``
  syllables to the modern place (``Hoà`` → ``Hòa``, ``Uỷ`` → ``Ủy``) by swapping characters, so
  character offsets into the normalised text are offsets into the original.
* :func:`expand_abbreviations` rewrites ``T.Ư`` → ``Trung ương``, ``UBND`` → ``Ủy ban nhân dân``
  (table in ``data/abbreviations.tsv``) and is used on labels and title phrases only.

>>> fix_tones("Uỷ viên T.Ư, khoá XII, tỉnh Hoà Bình, Trần Văn Tuý")
'Ủy viên T.Ư, khóa XII, tỉnh Hòa Bình, Trần Văn Túy'
>>> fix_tones("hoàng quý")
'hoàng quý'
>>> slug("Hoà Bình") == slug("Hòa Bình") == "hoa-binh"
True
>>> expand_abbreviations("Bí thư T.Ư Đảng, Chủ tịch UBND TP.HCM")
'Bí thư Trung ương Đảng, Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh'
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from graphkit.nlp.patterns import LETTERS, quick_test

_LETTER = LETTERS
# old placement: tone on the second vowel of oa/oe/uy in an open syllable -> modern: on the first
_OLD_TONE = re.compile(
    rf"(?<![{_LETTER}])([^\W\d_]*?)([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![{_LETTER}])"
)
_MOVE = {
    ("o", "à"): ("ò", "a"), ("o", "á"): ("ó", "a"), ("o", "ả"): ("ỏ", "a"), ("o", "ã"): ("õ", "a"), ("o", "ạ"): ("ọ", "a"),
    ("o", "è"): ("ò", "e"), ("o", "é"): ("ó", "e"), ("o", "ẻ"): ("ỏ", "e"), ("o", "ẽ"): ("õ", "e"), ("o", "ẹ"): ("ọ", "e"),
    ("u", "ỳ"): ("ù", "y"), ("u", "ý"): ("ú", "y"), ("u", "ỷ"): ("ủ", "y"), ("u", "ỹ"): ("ũ", "y"), ("u", "ỵ"): ("ụ", "y"),
}


def _swap(m: re.Match) -> str:
    head, v1, v2 = m.group(1), m.group(2), m.group(3)
    if v1 in "uU" and head[-1:].lower() == "q":  # quý keeps its placement
        return m.group(0)
    if any(ch in "âăêôơưÂĂÊÔƠƯ" for ch in head[-1:]):  # not an oa/oe/uy nucleus
        return m.group(0)
    new = _MOVE.get((v1.lower(), v2.lower()))
    if new is None:
        return m.group(0)
    a, b = new
    if v1.isupper():
        a = a.upper()
    if v2.isupper():
        b = b.upper()
    return head + a + b


# the end of a word that may carry the old placement: only the words with one are rewritten
_OLD_TAIL = re.compile(rf"[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![{_LETTER}])")
_SPACE = re.compile(r"\s")


def fix_tones(text: str) -> str:
    """Modern tone placement on open oa/oe/uy syllables; same length as the input."""
    if _OLD_TAIL.search(text) is None:  # (most texts: no word to rewrite)
        return text
    out, done = [], 0
    for m in _OLD_TAIL.finditer(text):
        if m.start() < done:
            continue
        # the whitespace-free chunk holding the word: the rewrite never crosses whitespace
        a = m.start()
        while a > done and not text[a - 1].isspace():
            a -= 1
        w = _SPACE.search(text, m.end())
        b = w.start() if w else len(text)
        out.append(text[done:a])
        out.append(_OLD_TONE.sub(_swap, text[a:b]))
        done = b
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


def _fold_slow(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


#: each precomposed Vietnamese letter (both cases) → its folded letter (an ASCII letter)
_FOLD_LETTER = str.maketrans({ch: _fold_slow(ch) for ch in _VIETNAMESE + _VIETNAMESE.upper()})


def fold(text: str) -> str:
    """Lower case without diacritics: the key for comparing spellings.

    A text of ASCII and precomposed Vietnamese letters folds letter by letter (a table lookup each: the
    same as decomposing it and dropping the marks); any other goes the long way.

    >>> fold("Đồng chí Uỷ viên")
    'dong chi uy vien'
    """
    quick = text.translate(_FOLD_LETTER)
    if quick.isascii():
        return quick.lower()
    return _fold_slow(text)


def slug(text: str) -> str:
    """An IRI-safe key: folded, words joined by ``-``.

    >>> slug("Nghị quyết 18-NQ/TW khóa XII")
    'nghi-quyet-18-nq-tw-khoa-xii'
    """
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


_META = re.compile(r"[\\.^$*+?{}\[\]()|]")


def _literal_starts(pattern: str) -> tuple[str, ...] | None:
    r"""The literal text each alternative of ``pattern`` starts with ('TP\.\s?HCM|UBND' → 'TP', 'UBND'):
    a match has one of them at its start. None when an alternative starts with no literal, or the
    pattern has groups and alternatives (its top-level alternatives are not plain); one alternative may
    have groups after its literal start ('GĐ(?<!Phòng GĐ)(?= [A-Z])' → 'GĐ').

    >>> _literal_starts(r"TP\.\s?HCM|UBND"), _literal_starts("GĐ(?<!Báo GĐ)(?= [A-Z])"), _literal_starts("(?:a|b)c")
    (('TP', 'UBND'), ('GĐ',), None)
    """
    if "(" in pattern and "|" in pattern:
        return None
    starts = []
    for alt in pattern.split("|"):
        m = _META.search(alt)
        lit = alt[:m.start()] if m else alt
        if m and alt[m.start()] in "?*{" and lit:
            lit = lit[:-1]  # 'TP?': the P is optional
        if not lit:
            return None
        starts.append(lit)
    return tuple(starts)


@cache
def _abbreviation_table() -> tuple[re.Pattern, list[tuple[re.Pattern, str, tuple[str, ...] | None]], re.Pattern]:
    """One pattern per abbreviation, in the table's order, with the literal text its matches start with
    (:func:`_literal_starts`); one for 'any of them' (a quick test); and one for any of them even
    inside words (a superset of what is expanded)."""
    from graphkit.gazetteer import load_table

    table, alts = [], []
    for row in load_table("abbreviations.tsv", ("pattern", "expansion")):
        pat = re.compile(rf"(?<![{_LETTER}./-])(?:{row['pattern']})(?![{_LETTER}/-])")
        table.append((pat, row["expansion"], _literal_starts(row["pattern"])))
        alts.append(f"(?:{row['pattern']})")
    # both are only asked whether they match. Every match starts with one of the literal starts, when each
    # entry has them: opening with the class of their first characters (quick_test), the engine skips the
    # other positions at once, where a look-ahead first would still be tried at each of them
    starts = None if any(st is None for _p, _r, st in table) else [x for _p, _r, st in table for x in st]

    def yes_no(pattern: str) -> re.Pattern:
        return quick_test(pattern, starts) if starts else re.compile(pattern)

    anyone = yes_no(rf"(?<![{_LETTER}./-])(?:{'|'.join(alts)})(?![{_LETTER}/-])")
    # for the substring test of each entry, its literal starts without those that hold another ('TPHCM' holds 'TP'):
    # a text holds one of them exactly when it holds one of all
    table = [(pat, rep, st if st is None else tuple(s for s in dict.fromkeys(st)
                                                    if not any(o != s and o in s for o in st)))
             for pat, rep, st in table]
    return anyone, table, yes_no(f"(?:{'|'.join(alts)})")


def may_abbreviate(text: str) -> bool:
    """False when no piece of ``text`` has an abbreviation to expand (a cheap test on a whole sentence)."""
    return _abbreviation_table()[2].search(text) is not None


@lru_cache(maxsize=1 << 14)
def expand_abbreviations(text: str) -> str:
    """Spell out the abbreviations of ``data/abbreviations.tsv``."""
    anyone, table, _ = _abbreviation_table()
    if anyone.search(text):
        for pat, rep, starts in table:  # in order, each on the text the ones before it left
            if starts is None:
                text = pat.sub(rep, text)
                continue
            for s in starts:  # (a plain substring test is much cheaper)
                if s in text:
                    text = pat.sub(rep, text)
                    break
    return " ".join(text.split())


def clean_label(text: str) -> str:
    """NFC, modern tones, abbreviations expanded, single spaces."""
    return expand_abbreviations(fix_tones(nfc(text)))
