"""Persons: Vietnamese names found with the context that says they are persons.

A name is a run of capitalised syllables that starts with a family name (``data/surnames.txt``),
outside place names. It is taken as a person when the context says so:

* a form of address, rank or title before it (``đồng chí``, ``ông``, ``Thiếu tướng``; ``data/honorifics.tsv``),
* a post after it (``Dương Văn Thái, Ủy viên T.Ư Đảng …``, ``Cao Hoàng Sơn - Vụ trưởng …``),
* a post right before it (``Bí thư Tỉnh ủy Dương Văn Thái``),
* or the same name taken as a person elsewhere in the article.

By-lines and photo credits (``Tin, ảnh: Quốc Trường``, ``(Ảnh: Trọng Đức/TTXVN)``) are not persons.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from graphkit.extract.posts import (ParsedPost, foreign_post, leading_memberships, may_name_post, mentions_role,
                                    parse_title_list, role_or_predicate_at, title_starts, title_text,
                                    unit_named_at)
from graphkit.gazetteer import (commune_kinds, countries as _countries, honorifics, load_list, load_table,
                                person_title_words, post_statuses, rank_words, surnames, unit_kinds, unit_names)
from graphkit.nlp.normalize import fix_tones, fold, nfc
from graphkit.nlp.patterns import UPPER, alternation, leftmost, quick_test, skipping
from graphkit.nlp.sentences import credit_before

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_AFTER_NAME_END = re.compile(r",|\)| [-–(] ?")  # after a name's last word: the name ends there
_ADDRESSED_ENDS = (" ông ", " bà ")  # a cheap test before _ADDRESSED_AFTER_TITLE
_ADDRESSED_AFTER_TITLE = re.compile(r"(?:,|\s[-–])\s+(?:ông|bà)\s$")  # 'Thứ trưởng Bộ GD-ĐT, bà ' before a name
_LISTED_AFTER = re.compile(r"\s*[-–,(][^;:.!?\"“”]*$")  # the text from the name before: its title, then this one
_APPOSITION_CLOSED = re.compile(r",|\s?[-–]\s")  # … and a comma or a dash right after the name
_COMMA_END = re.compile(r"\s?,\s+$")  # a comma ending the text before a name
_AFTER_SEP = re.compile(r"\s*(?:,|-|–|—|\(|:)\s*")  # matched at the end of a name (no copy of the sentence's rest)


@cache
def _name_forms(use: str) -> tuple[str, ...]:
    """name_forms.tsv: the forms of address and titles read before a foreigner's name (``use`` foreign,
    :func:`_foreign_rx`) or before a given name alone (given, :func:`_given_rx`)."""
    return tuple(r["form"] for r in load_table("name_forms.tsv", ("form", "foreign", "given")) if r[use] == "yes")


@dataclass
class PersonHit:
    start: int
    end: int
    name: str  # canonical
    surface: str
    after: list[ParsedPost] = field(default_factory=list)
    before: list[ParsedPost] = field(default_factory=list)
    reason: str = ""
    foreign: bool = False  # no Vietnamese family name: the Vietnamese posts around it are not theirs


@cache
def _honorific_rx() -> tuple[re.Pattern, int]:
    """A form of address, rank or title (honorifics.tsv) ending the text (then spaces and a colon or not),
    and the length of the longest."""
    words = [w for w, _kind in honorifics()]
    return re.compile(rf"(?:^|(?<=[\s(\"“,;:]))(?:{alternation(words)})\s*:?\s*$"), max(map(len, words), default=0)


def _honorific_before(text: str) -> bool:
    """Whether ``text`` ends with a form of address, rank or title (:func:`_honorific_rx`). The search starts
    where the longest one would start before the end (spaces and one colon stripped), not at every
    character of the text."""
    rx, longest = _honorific_rx()
    end = text.rstrip()
    end = end[:-1].rstrip() if end.endswith(":") else end
    return rx.search(text, max(0, len(end) - longest)) is not None


@cache
def _role_before_rx() -> re.Pattern:
    """A role of roles.tsv (with 'Phó' and the qualifiers of qualifiers.tsv) written right before a name,
    without its body: 'Thống đốc', 'Phó Giám đốc', 'Phó Bí thư Thường trực'."""
    from graphkit.gazetteer import qualifiers, roles

    words = alternation({v for r in roles() for v in (r.role, *r.variants)}, ignore_case=True)
    quals = alternation({q for q, _keep in qualifiers()}, ignore_case=True)
    return re.compile(rf"(?:^|(?<=[\s(\"“,;:]))(?:[Pp]hó\s+)?(?:{words})(?:\s+(?:{quals}))*\s$", re.IGNORECASE)


@cache
def _not_persons() -> frozenset[str]:
    return frozenset(load_list("not_persons.txt"))


@cache
def _folded_provinces() -> frozenset[str]:
    """The provinces' names and aliases without diacritics: a name that folds to one is the place misspelt."""
    from graphkit.gazetteer import provinces

    return frozenset(fold(n) for p in provinces().values() for n in (p.name, *p.aliases) if " " in n)


@lru_cache(maxsize=1 << 12)
def _misspelt_province(name: str) -> bool:
    """Whether ``name`` folds to a province's name (cached: a name comes back in sentence after sentence)."""
    return fold(name) in _folded_provinces()


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_list("name_stopwords.txt"))


@cache
def _foreign_persons() -> frozenset[str]:
    """``foreign_persons.txt``: foreign statesmen whose Vietnamese-read names look Vietnamese ('Lý Hiển Long')."""
    return frozenset(load_list("foreign_persons.txt"))


@cache
def _foreign_surnames() -> dict[str, str]:
    """``foreign_surnames.tsv``: family name → origin (ko, zh) of the family names that open a foreigner's name."""
    return {r["surname"]: r["origin"] for r in load_table("foreign_surnames.tsv", ("surname", "origin"))}


@cache
def _opening_names() -> frozenset[str]:
    """The words a name read in the Vietnamese way may open with: Vietnamese family names, and the Chinese
    ones of foreign_surnames.tsv ('Tập Cận Bình')."""
    return surnames() | {w for w, origin in _foreign_surnames().items() if origin == "zh"}


@cache
def _institution_rx() -> re.Pattern:
    """A word of institution_heads.txt ending the text (then a space) before a name."""
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(load_list('institution_heads.txt'))}) $")


@cache
def _institution_in_rx() -> re.Pattern:
    """A word of institution_heads.txt anywhere, but a single lower-case one ('khoa' of 'Y khoa …' is also that of
    'khoa học')."""
    words = [w for w in load_list("institution_heads.txt") if w[:1].isupper() or " " in w]
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(words)})(?![^\W\d_])")


def _in_institution_name(before: str) -> bool:
    """Whether the last five words before a name name an institution ('Giám đốc HTX Nông nghiệp …', 'Giám đốc Công
    ty Sen …'): a name of two words after them may end the institution's name ('… HTX Nông nghiệp Hoàng Long'),
    not be a person's."""
    return _institution_in_rx().search(" ".join(before[-60:].split()[-5:])) is not None


@cache
def _spans_rx() -> tuple[re.Pattern | None, frozenset[str]]:
    """The names of not_persons.txt of three words or more ('Thái Bình Dương'), in which no name is read, and
    their last words (a quick test)."""
    long = [n for n in _not_persons() if n.count(" ") >= 2]
    rx = re.compile(rf"(?<![^\W\d_])(?:{alternation(long)})(?![^\W\d_])") if long else None
    return rx, frozenset(n.rsplit(" ", 1)[-1] for n in long)


_MC = r"(?:(?<=Mc)|(?<=Mac))[A-Z][a-z]+"  # a Scottish or Irish surname's inner capital: 'McCabe', 'MacArthur'
_LATIN_TAIL = rf"[a-z]+(?:{_MC})?(?:'[a-z]+)?(?:-\s?[A-Za-z][a-z]+)*"
_LATIN_WORD = rf"[A-Z]{_LATIN_TAIL}"
# two to four words of the Latin alphabet: a foreigner's name may be there ('Stephen Doughty', 'Cho Kuk',
# 'Hong Nam-ki', 'Rodrigo Rocha Loures'); the class of capitals first (the engine skips ahead to one)
_LATIN_RUN = re.compile(rf"[A-Z](?<![^\W\d_].)(?<![^\W\d_]-.){_LATIN_TAIL}(?: {_LATIN_WORD}){{1,3}}(?![^\W\d_])(?!-)")
# a Vietnamese syllable written without its marks (a rough shape: initial consonant, vowels, final consonant)
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?",
                          re.IGNORECASE)


@cache
def _foreign_name_stops() -> frozenset[str]:
    return frozenset(load_list("foreign_name_stops.txt"))


def _foreign_shaped(words: list[str], by_surname: bool = True) -> bool:
    """Whether a name in the Latin alphabet cannot be a Vietnamese one written without marks: a hyphenated
    word ('Jae-in'), a word no Vietnamese syllable is spelled like ('Stephen', 'Kuk'), or a Korean family name
    first (foreign_surnames.tsv)."""
    if any(_foreign_word(w) for w in words):
        return True
    return by_surname and _foreign_surnames().get(words[0]) == "ko"


@lru_cache(maxsize=1 << 12)
def _foreign_word(w: str) -> bool:
    """A word of the Latin alphabet no Vietnamese syllable is spelled like (cached: the same capitalised words
    come back sentence after sentence; asked of every pair of such words by :func:`may_name_person`)."""
    return "-" in w or "'" in w or not _VI_SYLLABLE.fullmatch(w)


def _korean_form(words: list[str]) -> bool:
    """'Moon Jae-in', 'Park Soo-hyun': a Korean family name and a hyphenated given name, a form of name only
    persons have."""
    return len(words) == 2 and _foreign_surnames().get(words[0]) == "ko" and "-" in words[1]


@cache
def _context_words() -> tuple[frozenset[str], frozenset[str], int, frozenset[str], frozenset[str], int]:
    """For :func:`_context_before`: the lower-cased roles (roles.tsv), forms of address and ranks
    (honorifics.tsv) and nouns of persons (person_nouns.txt), and the most words one has; the lower-case words
    of body names (body_words.txt, person_context_words.txt); for each, the set of their last words and the most
    words one has."""
    heads = frozenset(w.lower() for w in person_title_words() | set(load_list("person_nouns.txt")))
    body = frozenset(load_list("body_words.txt") + load_list("person_context_words.txt"))
    return (heads, frozenset(w.rsplit(" ", 1)[-1] for w in heads), max(w.count(" ") + 1 for w in heads),
            body, frozenset(w.rsplit(" ", 1)[-1] for w in body), max(w.count(" ") + 1 for w in body))


@cache
def _title_context_words() -> tuple[frozenset[str], frozenset[str], int, frozenset[str], frozenset[str], int]:
    """:func:`_context_words` with titles only for heads: the roles (roles.tsv) and the titles and ranks of
    honorifics.tsv, not its forms of address nor the nouns of persons (person_nouns.txt)."""
    from graphkit.gazetteer import roles

    words = {w for w, kind in honorifics() if kind != "address"} | {v for r in roles() for v in (r.role, *r.variants)}
    heads = frozenset(w.lower() for w in words)
    _h, _he, _m, body, body_ends, most_body = _context_words()
    return (heads, frozenset(w.rsplit(" ", 1)[-1] for w in heads), max(w.count(" ") + 1 for w in heads),
            body, body_ends, most_body)


def _title_before_comma(before: str) -> bool:
    """Whether ``before`` ends with a title, its body or place, and a comma: 'Bộ trưởng Quốc phòng Mỹ, ', 'Chủ tịch Fed
    tại New York, ' (a foreign name follows). The title is a role or title (:func:`_title_context_words`), not a
    form of address or a noun ('của anh, Sirius Black'), and a capitalised word of its body or place ends it."""
    m = _COMMA_END.search(before)
    if m is None:
        return False
    head = before[:m.start()]
    last = head[-1:]
    return (last.isupper() or last.isdigit() or last == ")" or (head.rsplit(" ", 1)[-1][:1].isupper())) \
        and _context_before(head + " ", _title_context_words())


_STRIP = "(\"“'‘"
_PUNCT = re.compile(r"[,;:()\"“”]")


def _context_before(before: str, vocabulary: tuple | None = None) -> bool:
    """Whether ``before`` ends with a role (roles.tsv), a form of address or rank (honorifics.tsv) or a noun of a
    person (person_nouns.txt), then up to six words of the body or place it belongs to — capitalised words (each
    may go on with one lower-case syllable: 'Thường trực', 'Ngoại giao'), the lower-case words of body names
    (body_words.txt, person_context_words.txt), numbers, an abbreviation in brackets — and a space (a colon may
    end it): 'Bí thư Quận 2 Nguyễn Hoài Nam', 'Chủ tịch VCCI Vũ Tiến Lộc', 'đại biểu Quốc hội khóa XIII Bùi Thị
    An', 'Bộ trưởng Giao thông vận tải Nga Maksim Sokolov', 'giáo sư luật Cho Kuk'. Read word by word from the end."""
    if not before[-1:].isspace():
        return False
    heads, head_ends, most_head, body, body_ends, most_body = vocabulary or _context_words()
    words = before[-120:].split()
    if words and words[-1] == ":":
        words.pop()
    elif words and words[-1].endswith(":"):
        words[-1] = words[-1][:-1]
    i, quals = len(words), 0
    while i > 0:
        last = words[i - 1].lower().lstrip(_STRIP)
        if last in head_ends:  # a head may end here
            for k in range(min(most_head, i), 0, -1):
                if " ".join(words[i - k:i]).lower().lstrip(_STRIP) in heads:
                    return True
        if quals == 6:
            return False
        w = words[i - 1]
        if w[:1] == "(" and w[-1:] == ")" and len(w) <= 22:  # '(ĐSVN)'
            i, quals = i - 1, quals + 1
            continue
        if _PUNCT.search(w) or w.endswith("."):
            return False
        if w[:1].isupper() or w.isdigit():
            i, quals = i - 1, quals + 1
            continue
        if w[:1].islower() and i >= 2 and words[i - 2][:1].isupper() and w.isalpha():
            i, quals = i - 2, quals + 1  # 'Thường trực'
            continue
        if w not in body_ends:
            return False
        for k in range(min(most_body, i), 0, -1):
            if " ".join(words[i - k:i]) in body:
                i, quals = i - k, quals + 1
                break
        else:
            return False
    return False


@cache
def _role_after_rx() -> re.Pattern:
    """A separator and a role of roles.tsv right after a name: 'Trương Minh Tuấn - Bộ trưởng …', even when the
    body that follows is not read."""
    from graphkit.gazetteer import roles

    words = alternation({v for r in roles() for v in (r.role, *r.variants)}, ignore_case=True)
    status = alternation(post_statuses())
    return re.compile(rf"\s*(?:,|-|–|—|\()\s*(?:(?:{status})\s+)?(?:[Pp]hó\s+)?(?i:{words})(?![^\W\d_])")


_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|và|,\s*và)\s*")
# a year of birth right after a name: 'Bùi Mạnh Quốc (SN 1986) - Giám đốc …', 'Trần Văn Sơn (sinh năm 1990)'
_BORN_OPEN = frozenset({" (", "(S", "(s", ", ", ",S", ",s"})  # a cheap test before _BORN_AFTER
_BORN_AFTER = re.compile(r"\s?[(,]\s?(?:SN|[Ss]inh năm)\s?(?:19|20)\d\d(?!\d)")
_LIST_GO_ON = re.compile(r"\s*(?:[,;(]|và\s)")


_PLURAL_BEFORE = re.compile(r"(?<![^\W\d_])[Cc]ác\s+(?:đồng chí\s+)?(?P<t>[^,;:.()“”\"]{4,80})$")


def plural_title_before(sentence: str, start: int) -> bool:
    """Whether a plural title runs up to the name at ``start``: 'các Phó Thủ tướng Trương Hòa Bình, Vương Đình Huệ',
    'các thứ trưởng Bộ GD-ĐT Phạm Mạnh Hùng, Nguyễn Thị Nghĩa' (the names listed after it share it)."""
    if "ác " not in sentence[max(0, start - 90):start] or not sentence[start - 1:start].isspace():
        return False
    m = _PLURAL_BEFORE.search(sentence, max(0, start - 90), start)
    if m is None or not mentions_role(m.group("t")):
        return False
    posts, used = parse_title_list(m.group("t"))  # the whole plural is the title: not 'các vị lãnh đạo TP như nguyên
    return bool(posts) and used >= len(title_text(m.group("t")).rstrip())  # Thủ tướng A, B, C'


def _listed(sentence: str, prev_end: int, start: int, end: int, previous: PersonHit) -> bool:
    """Whether the name at ``start`` is listed after the person before it: only a comma or 'và' between them,
    and a list indeed ('và' between, the list going on after the name, or the one before listed too) — not
    'Theo lời ông Trần Tất Hoa, Thái Cực Quyền ban đầu …'."""
    gap = _LIST_GAP.fullmatch(sentence, prev_end, start)
    if gap is None:
        return False
    return "và" in gap.group(0) or previous.reason in ("listed", "born") or _LIST_GO_ON.match(sentence, end) is not None \
        or (previous.reason == "post before" and plural_title_before(sentence, previous.start))


@cache
def _quick_rx() -> re.Pattern:
    """A cheap test that a sentence may name a person (most sentences do not): a family name, or a form of
    address or title that names foreigners (_foreign_rx) or given names alone (_given_rx), then a capital.
    ('ông cho biết' names no one: the pronoun.) :func:`may_name_person` also tries names of the Latin alphabet."""
    address = sorted(set(_name_forms("foreign")) | set(_name_forms("given")))
    opening = _opening_names()
    return quick_test(rf"(?<![\w])(?:{alternation(opening)}|{alternation(address)})\s+[{UPPER}]", opening, address)


# two words of the Latin alphabet: where a foreign name may be, when a title or a noun of a person is there too
_KOREAN_FORM = re.compile(r"[A-Z](?<![^\W\d_].)[a-z]+ [A-Z][a-z]+-\s?[A-Za-z]")  # 'Moon Jae-in' (a quick test)
# (the class of capitals first: the engine skips ahead to one; see _run_rx)
_LATIN_PAIR = re.compile(rf"[A-Z](?<![^\W\d_].)[a-z]+(?:-\s?[A-Za-z][a-z]+)? [A-Z][a-z]+(?:{_MC})?(?![^\W\d_])")


@cache
def _noun_quick_rx() -> re.Pattern:
    """A noun of a person (person_nouns.txt) anywhere: a cheap test."""
    words = [w.lower() for w in load_list("person_nouns.txt")]
    return quick_test(rf"(?<![^\W\d_])(?:{alternation(words, ignore_case=True)})(?![^\W\d_])", words,
                      flags=re.IGNORECASE)


@cache
def _place_noun_rx() -> re.Pattern:
    words = load_list("place_nouns.txt")
    return re.compile(rf"(?:^|(?<=[\s(,]))(?:{alternation(words)})\s$")


@cache
def _foreign_official_rx() -> re.Pattern:
    """A role, form of address or rank, a few words, and another country's name (countries.txt) right before a
    name: 'Thủ tướng Singapore Lý Hiển Long', 'Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì' name foreign
    officials, whose names may look Vietnamese (not 'Đại sứ Việt Nam tại Mỹ Phạm Quang Vinh')."""
    words = alternation(person_title_words() | set(load_list("person_nouns.txt")), ignore_case=True)
    countries = alternation(_countries() - {"Việt Nam"})
    return re.compile(rf"(?i:(?<![^\W\d_])(?:{words}))(?:\s+(?!(?:tại|ở|Việt)\b)[^\s,;.:()]+){{0,3}}?\s+(?P<country>{countries})\s+$")


def _foreign_official(before: str) -> bool:
    """Whether ``before`` ends with a foreign official's title (:func:`_foreign_official_rx`): the word before
    the country's name is no capitalised one, or the country's name would be a syllable of a Vietnamese one
    ('huyện Đông Anh', 'Bộ Tư Pháp', 'huyện Mộ Đức')."""
    words = before.split()
    if not words or words[-1] not in _country_lasts():  # the quick test: no country's name ends the text
        return False
    m = _foreign_official_rx().search(before)
    if m is None:
        return False
    prev = before[:m.start("country")].split()
    return bool(prev) and prev[-1][:1].islower()


@cache
def _commemoration_rx() -> re.Pattern:
    words = load_list("commemoration_cues.txt")
    plain = alternation([w for w in words if not w.endswith(" +")], ignore_case=True)
    capital = alternation([w[:-2] for w in words if w.endswith(" +")], ignore_case=True)
    return re.compile(rf"(?<![^\W\d_])(?i:{plain}|(?:{capital})(?=\s+[{UPPER}]))(?![^\W\d_])")


def _commemorated(sentence: str, at: int) -> bool:
    """Whether the person named at ``at`` is commemorated (commemoration_cues.txt): a cue in the 80 characters
    before the name, or an archive photo's caption anywhere in the sentence."""
    if _commemoration_rx().search(sentence, max(0, at - 80), at):
        return True
    return _archive_caption(sentence)


@lru_cache(maxsize=16)
def _archive_caption(sentence: str) -> bool:
    """Whether a sentence holds an archive photo's caption (asked once a sentence, not once a name in it)."""
    return ("ảnh" in sentence or "Ảnh" in sentence) and any(
        m.group(0).lower().startswith("ảnh") for m in _commemoration_rx().finditer(sentence))


@cache
def _body_names() -> frozenset[str]:
    from graphkit.gazetteer import bodies

    return frozenset(b.canonical for b in bodies())


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower())


@cache
def _run_rx() -> re.Pattern:
    """Two or more capitalised words separated by single spaces: where names can be (a quick scan).

    The classes of upper- and lower-case letters are those of the Basic Multilingual Plane.
    """
    upper = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha())
    lower = "".join(c for c in map(chr, range(0x10000)) if c.islower() and c.isalpha())
    up, lo = f"[{re.escape(upper)}]", f"[{re.escape(lower)}]"
    tail = rf"{lo}*(?:'{lo}+)?(?![^\W\d_])(?!'[^\W\d_])"
    # the first word starts with the class of capitals (the engine skips other positions fast); the
    # look-behinds come after its first letter: no letter, nor letter + apostrophe, before it
    first = rf"{up}(?<![^\W\d_].)(?<![^\W\d_]'.){tail}"
    return re.compile(rf"{first}(?: {up}{tail})+")


def name_candidates(text: str, blocked: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Runs of capitalised syllables that start with a family name, outside ``blocked`` spans."""
    out = []
    overlaps = _overlapped(blocked)
    for r in _run_rx().finditer(text):
        # a run's words are separated by single spaces (see _run_rx); a blocked word breaks it
        run, pos = [], r.start()
        near = overlaps(pos, r.end())  # (most runs: no blocked span near, no word to test)
        for w in r.group().split(" "):
            if near and overlaps(pos, pos + 1):
                _take(run, text, out)
                run = []
            else:
                run.append((pos, pos + len(w), w))
            pos += len(w) + 1
        _take(run, text, out)
    return out


def _covered(spans) -> Callable[[int], bool]:
    """A test of whether a position lies in one of ``spans`` (``(start, end)``, end excluded): a binary
    search over the spans sorted by start, with the furthest end reached so far (a long sentence names
    many places: looking through all of them for each word was quadratic in its length).

    >>> inside = _covered([(10, 20), (0, 5), (12, 14)])
    >>> [p for p in (0, 4, 5, 9, 10, 15, 19, 20) if inside(p)]
    [0, 4, 10, 15, 19]
    """
    overlaps = _overlapped(spans)  # a position is covered where [pos, pos + 1) overlaps a span
    return lambda pos: overlaps(pos, pos + 1)


def _overlapped(spans) -> Callable[[int, int], bool]:
    """A test of whether a range ``[a, b)`` overlaps one of ``spans``: some span starts before ``b`` and ends after
    ``a`` (the furthest end reached by the spans that start before ``b``).

    >>> overlaps = _overlapped([(10, 20), (0, 5)])
    >>> [r for r in ((5, 10), (4, 6), (19, 30), (20, 30)) if overlaps(*r)]
    [(4, 6), (19, 30)]
    """
    if not spans:
        return lambda a, b: False
    ordered = sorted(spans)
    starts = [a for a, _b in ordered]
    reach, top = [], -1
    for _a, b in ordered:
        top = max(top, b)
        reach.append(top)

    def overlaps(a: int, b: int) -> bool:
        i = bisect_left(starts, b)
        return i > 0 and reach[i - 1] > a

    return overlaps


def _take(run: list[tuple[int, int, str]], text: str, out: list) -> None:
    """The name in a run of capitalised words, if any: from its family name (after a country's
    name, or a title word: 'Thiếu tướng Nguyễn …'), up to a stop word, at most 4 words."""
    if len(run) < 2:
        return
    sn, countries, firsts, stop = _take_sets()
    closers = _body_end_words()
    times = _time_names()
    words = [w for _s, _e, w in run]
    k = 0
    while k < len(words):
        w = words[k]
        if w in firsts and " ".join(words[k:k + 3]) in countries:  # 'Tây Ban Nha …', 'Thái Lan Arkhom …'
            k += 3
        elif w in firsts and " ".join(words[k:k + 2]) in countries:
            k += 2
        elif w in stop and k + 1 < len(words) and words[k + 1] in sn:
            k += 1  # 'Và Nguyễn …': the conjunction, not the family name Và
        elif w in closers and k + 1 < len(words) and words[k + 1] in sn and _closes_body(text, run[k][0], w):
            k += 1  # 'Trung ương Đoàn Lê Quốc Phong': the word ends the body's name (surname_body_ends.txt)
        elif w in sn or (k + 1 < len(words) and f"{w} {words[k + 1]}" in sn):
            break
        else:
            k += 1
    run = run[k:]
    for cut, w in enumerate(run[1:], 1):
        # a stop word ends a name when nothing but a comma, a bracket or a dash follows it ('Ông Lầu Nênh Và, bản
        # Mường Lống 2', 'Thượng tọa Thích Nhật Từ - trụ trì chùa Giác Ngộ'), not when it opens the next words
        # ('… Và Chá Xà', '… Lâm Quang Đại Nói về việc …'); nor does a time word that is also a given name when no
        # time goes on after it ('ông Vũ Xuân Sáng cho biết', not '… Đinh La Thăng Sáng 13/5, tại buổi …')
        if w[2] in stop:
            if cut == len(run) - 1 and cut >= 2 and (_AFTER_NAME_END.match(text, w[1])
                                                     or w[2] in times and not _time_goes_on().match(text, w[1])):
                break
            if not (cut == len(run) - 1 and w[2] in sn and text[w[1]:w[1] + 1] in (",", ")")):
                run = run[:cut]
                break
    if run and text[run[-1][1]:run[-1][1] + 1] == "-" and text[run[-1][1] + 1:run[-1][1] + 2].islower():
        return  # 'Kim Jong-un': a hyphenated name is no Vietnamese one (but 'Lê Hoàng Phong-Giám đốc …' is)
    # a caption glued to the next sentence: '… Nguyễn Tấn Dũng Thủ tướng Nguyễn Xuân Phúc …': a last word that opens a
    # role or a predicate of several words ('Thủ tướng', 'Cùng dự', 'Chất vấn') starts a sentence
    if len(run) >= 3 and role_or_predicate_at(text, run[-1][0]) > run[-1][1]:
        run = run[:-1]
    if k and len(run) == 4 and run[1][2] in sn and run[0][2] in sn:
        run = run[1:]  # a place's last syllable, then a name: 'Huyện ủy Mộc Châu Hà Trung Chiến'
    if 2 <= len(run):
        if len(run) > 4:  # no name is that long: the name is its end, from a family name ('… Bệnh viện Bạch
            ends = [i for i in range(1, len(run) - 2) if run[i][2] in sn and len(run) - i <= 4]  # Mai Nguyễn Quốc Anh')
            run = run[ends[-1]:] if ends else run[:3]
        out.append((run[0][0], run[-1][1], text[run[0][0]:run[-1][1]]))


@cache
def _take_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The sets :func:`_take` reads, fetched in one call (it runs for every run of capitalised words)."""
    return _opening_names(), _countries(), _country_firsts(), _stopwords()


def _time_words(use: str) -> list[str]:
    """The words of time_given_names.tsv for one use ('name' or 'after')."""
    return [r["word"] for r in load_table("time_given_names.tsv", ("word", "use")) if r["use"] == use]


@cache
def _time_names() -> frozenset[str]:
    """time_given_names.tsv: the time words that are also given names ('Sáng', 'Chiều')."""
    return frozenset(_time_words("name"))


@cache
def _time_goes_on() -> re.Pattern:
    """Right after a time word: a number or a word that goes on with a time (time_given_names.tsv, after): 'Sáng
    13/5', 'Chiều nay', 'Sáng cùng ngày' open a sentence."""
    return re.compile(rf"\s*(?:\d|(?:{alternation(_time_words('after'))})(?![^\W\d_]))")


@cache
def _body_ends() -> dict[str, re.Pattern]:
    """surname_body_ends.txt: for each family name that may end a body's name ('Đoàn' of 'Trung ương Đoàn'), the
    words before it that make it do so, ending the text (then a space)."""
    before: dict[str, list[str]] = {}
    for line in load_list("surname_body_ends.txt"):
        head, _sp, word = line.rpartition(" ")
        before.setdefault(word, []).append(head)
    return {w: re.compile(rf"(?<![^\W\d_])(?:{alternation(heads)}) $") for w, heads in before.items()}


@cache
def _body_end_words() -> frozenset[str]:
    return frozenset(_body_ends())


def _closes_body(text: str, at: int, word: str) -> bool:
    """Whether ``word``, a family name at ``at``, ends a body's name there (:func:`_body_ends`)."""
    return _body_ends()[word].search(text, max(0, at - 16), at) is not None


@cache
def _country_lasts() -> frozenset[str]:
    return frozenset(c.split(" ")[-1] for c in _countries())


@cache
def _country_firsts() -> frozenset[str]:
    return frozenset(c.split(" ")[0] for c in _countries())


@lru_cache(maxsize=1 << 12)
def _candidates(text: str, blocked: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int, str], ...]:
    return tuple(name_candidates(text, blocked))


_HYPHEN_SPACE = re.compile(r"-\s+(?=[a-z])")


def canonical(name: str) -> str:
    """A name in modern tone placement, single spaces, and no space after a hyphen ('Moon Jae- in')."""
    name = fix_tones(nfc(name))
    return " ".join((_HYPHEN_SPACE.sub("-", name) if "-" in name else name).split())


@lru_cache(maxsize=1 << 10)  # asked of a sentence again by find_persons
def may_name_person(sentence: str) -> bool:
    """A cheap test: False when :func:`find_persons` finds nobody in ``sentence`` whatever it knows
    (no family name followed by a capital, no form of address; no two words of the Latin alphabet with a title, a
    noun of a person or a Korean name form in the sentence)."""
    if _quick_rx().search(sentence) is not None:
        return True
    if not any(_foreign_shaped(m.group().split(" ")) for m in _LATIN_PAIR.finditer(sentence)):
        return False  # ('Minh Khai', 'Lan Anh': Vietnamese names without their marks)
    return may_name_post(sentence) or _noun_quick_rx().search(sentence) is not None \
        or _KOREAN_FORM.search(sentence) is not None


def find_persons(sentence: str, *, blocked: list[tuple[int, int]] | None = None,
                 known: set[str] = frozenset(), missed: set[str] | None = None) -> list[PersonHit]:
    """Persons named in one sentence, each with the posts written right after and before the name.

    ``blocked``: spans that cannot be part of a name (place names); found here when not given.
    ``known``: names taken as persons elsewhere (a bare mention of one is a person too).
    ``missed``: when given, the names not taken for want of context (no form of address, post, or
    ``known``) are added to it: knowing more names can change the answer only if one of them is there,
    or a given name alone follows a form of address.
    """
    if not may_name_person(sentence):
        return []
    if blocked is None:
        from graphkit.extract.places import find_districts, find_provinces

        blocked = [(m.start, m.end) for m in (*find_provinces(sentence), *find_districts(sentence))]
    hits: list[PersonHit] = []
    prev_end = 0
    spans, lasts = _spans_rx()
    if spans is not None and any(w in sentence for w in lasts):
        blocked = [*blocked, *((m.start(), m.end()) for m in spans.finditer(sentence))]
    foreign = set(_foreign_candidates(sentence, blocked))
    short = _given_name_references(sentence, blocked, known)
    short.update(_caps_candidates(sentence, blocked))
    vietnamese = set(_candidates(sentence, tuple(blocked)))
    latin = _latin_candidates(sentence, blocked, vietnamese | foreign)
    cands = sorted(vietnamese | foreign | set(short) | set(latin))
    if not cands:
        return hits
    titled = may_name_post(sentence)  # else no title phrase around any name: none is parsed
    last_hit = None  # the hit of the candidate before, if it was one
    for i, (s, e, surface) in enumerate(cands):
        name = short.get((s, e, surface)) or canonical(surface)
        previous, last_hit = last_hit, None
        if name in _not_persons() or _misspelt_province(name) or (" " in name and name in _countries()):
            continue  # (an exact province name is blocked before: what is left here is a misspelt one, 'Hà Nôi');
            # a country or foreign city of countries.txt ('phóng viên TTXVN tại New York', 'Thủ tướng New Zealand')
        before_text = sentence[max(prev_end, s - 160):s]
        if credit_before().search(before_text):
            continue
        if before_text.endswith(" ") and _institution_rx().search(before_text, max(0, len(before_text) - 24)):
            continue  # 'Trường THPT Chu Văn An', 'Trường ĐH Y khoa Phạm Ngọc Thạch', 'Đường Lê Lợi'
        noun = _place_noun_rx().search(before_text[-20:])
        # 'xã Lê Lợi' is a place, but the name is a person's when a title before it runs up to it: 'Bộ
        # trưởng Bộ Tài nguyên và Môi trường Trần Hồng Hà' (the noun ends a word of the body's name);
        # after 'tỉnh' a known province would be blocked, so in 'Chủ tịch UBND tỉnh Nguyễn Xuân Đường'
        # too, unless the name is a unit's under another kind word ('Trưởng Công an thị xã Từ Sơn')
        if noun:
            word = noun.group(0).strip()
            title = _title_before(before_text) if titled else ()
            if not title or (word in unit_kinds() and surface in unit_names()):
                continue
            if word in commune_kinds() and not (title[-1].body in _body_names()):
                continue  # a commune's ('Bí thư Đảng ủy xã Ninh Lai'), not 'Tổng Giám đốc Thông tấn xã Việt Nam'
        words = name.split()
        hit = PersonHit(s, e, name, surface,
                        foreign=(s, e, surface) in foreign or (s, e, surface) in latin
                        or words[0] in _foreign_surnames() or name in _foreign_persons()
                        or _foreign_official(before_text))
        m = _AFTER_SEP.match(sentence, e) if titled else None
        if m:
            # up to the next name, not a commune's ('Phó Chủ tịch UBND xã Chu Phan': the title reads it)
            nxt = next((c for c in cands[i + 1:] if not unit_named_at(sentence, c[0])), None)
            seg = sentence[m.end(): nxt[0]] if nxt else sentence[m.end():]
            hit.after, _ = parse_title_list(_own_titles(seg) if nxt else seg)
        hit.before = list(_title_before(before_text)) if titled else []
        if titled and not hit.before and not hit.after and before_text.endswith(_ADDRESSED_ENDS) \
                and (a := _ADDRESSED_AFTER_TITLE.search(before_text)) and _APPOSITION_CLOSED.match(sentence, e) \
                and not (i and _LISTED_AFTER.match(sentence[cands[i - 1][1]:s])):
            # 'Thứ trưởng Bộ GD-ĐT, bà Trần Thị Nghĩa, lưu ý', 'Giám đốc Sở GD-ĐT tỉnh Trà Vinh - ông Nguyễn Thành
            # Nguyện – cho biết': the title, then the person addressed, set off on both sides; not in a list of
            # names with titles after them ('ông A - Phó Chủ tịch Hội Nông dân Hải Phòng, ông B - Giám đốc …')
            hit.before = list(_title_before(before_text[:a.start()] + " "))
        if (hit.after or hit.before) and _commemorated(sentence, s):
            hit.after, hit.before = [], []  # 'kỷ niệm 110 năm ngày sinh đồng chí Phạm Văn Đồng': no current post
        if not hit.foreign and any(foreign_post(p.surface) for p in (*hit.after, *hit.before)):
            hit.foreign = True  # 'ông Chu Tiểu Xuyên, Thống đốc Ngân hàng Nhân dân Trung Quốc': no Vietnamese post
        if (s, e, surface) in foreign or _honorific_before(before_text):
            hit.reason = "address"
        elif hit.after:
            hit.reason = "post after"
        elif hit.before and not (len(words) == 2 and _in_institution_name(before_text)):
            hit.reason = "post before"
        elif titled and _role_before_rx().search(before_text):
            hit.reason = "role before"  # 'Theo Thống đốc Lê Minh Hưng': a role without its body
        elif name in known:
            hit.reason = "named before"
        elif name in unit_names():
            pass  # a district's name after a body's ('Đội trưởng Đội TTGT Ninh Kiều'): a place
        elif _context_before(before_text) and not (len(words) == 2 and _in_institution_name(before_text)):
            hit.reason = "title before"  # 'Chủ tịch VCCI Vũ Tiến Lộc', 'cử tri Bùi Ngọc Thạch'
        elif _role_after_rx().match(sentence, e):
            hit.reason = "role after"  # 'Trương Minh Tuấn - Bộ trưởng Bộ Thông tin Truyền thông'
        elif previous is not None and i and _listed(sentence, cands[i - 1][1], s, e, previous):
            hit.reason = "listed"  # 'các đồng chí Phó Chủ tịch UBND tỉnh: Lê Xuân Đại, Đinh Viết Hồng, Lê Minh Thông'
        elif sentence[e:e + 2] in _BORN_OPEN and _BORN_AFTER.match(sentence, e):
            hit.reason = "born"  # 'gồm: Bùi Mạnh Quốc (SN 1986) - Giám đốc …': a year of birth is a person's
        elif (s, e, surface) in latin and _korean_form(words):
            hit.reason = "name form"  # 'Moon Jae-in'
        elif (s, e, surface) in latin and _title_before_comma(before_text):
            hit.reason = "title before"  # 'Bộ trưởng Quốc phòng Mỹ, James Mattis': a foreign name after a comma
        if hit.reason:
            hits.append(hit)
            prev_end = e
            last_hit = hit
        elif missed is not None:
            missed.add(name)
    return hits


def full_names(names) -> dict[str, str]:
    """For a name of two words that starts a longer name of the same article by one more word ('Đinh La' of
    'Đinh La Thăng' when a later mention writes 'Đinh La thăng'; 'Moon Jae' of 'Moon Jae-in'), that longer
    name, when it is the only one.

    >>> full_names(["Đinh La", "Đinh La Thăng", "Lê Nam"])
    {'Đinh La': 'Đinh La Thăng'}
    """
    out = {}
    by_start: dict[str, list[str]] = {}
    for n in names:
        w = n.replace("-", " ").split()
        if len(w) == 3:
            by_start.setdefault(" ".join(w[:2]), []).append(n)
    for n in names:
        if n.count(" ") == 1 and "-" not in n and len(set(by_start.get(n, ()))) == 1:
            out[n] = by_start[n][0]
    return out


def names_given_alone(sentence: str, blocked: list[tuple[int, int]], known: set[str]) -> bool:
    """Whether ``sentence`` names one of ``known`` by the given name alone ('ông Chung')."""
    return bool(_given_name_references(sentence, blocked, known))


def _own_titles(segment: str) -> str:
    """The part of the text between a name and the next name that describes the first, not the next.

    In 'Bí thư Thành ủy A, Chủ tịch UBND TP B', the title right before B (no separator in between)
    is B's: A's titles stop at the last comma before it.
    """
    tail = segment.rstrip()
    if segment and segment.endswith(" ") and tail and tail[-1] not in ",;:-–(":
        cut = max(tail.rfind(","), tail.rfind(";"))
        if cut < 0:  # no comma: up to where the next one's title starts ('A - Phó Bí thư …, Yên Bái - nói
            starts = title_starts(tail)  # về báo cáo của Phó Thủ tướng B': A's is the first)
            cut = starts[-1] if len(starts) > 1 else 0
        rest = tail[cut:].lstrip(",; ")  # unless no title runs from there to the next name: 'A - Phó Chánh Thanh
        posts, used = parse_title_list(rest) if rest else ((), 0)  # tra Bộ Nội vụ đã dành … ông B': all A's
        if not posts or not _runs_to_the_end(rest, posts[-1], used):
            return segment
        return segment[:cut]
    return segment


@cache
def _foreign_rx() -> re.Pattern:
    """A form of address or a foreign leader's title, a country's name (countries.txt) or none, then a name of
    two or three words in the Latin alphabet: 'ông Gennady Ziuganov', 'Tổng thống Mỹ Donald Trump'."""
    countries = alternation(_countries())
    forms = _name_forms("foreign")
    return skipping(rf"(?:(?<=[\s(])|^)(?:{alternation(forms)})\s+(?:(?:{countries})\s+)?"
                    rf"(?P<n>{_LATIN_WORD}(?:\s{_LATIN_WORD}){{1,2}})(?![\w-])(?!\s[{UPPER}])", forms)


@cache
def _caps_rx() -> re.Pattern:
    """A form of address (name_forms.tsv, given) and a name of two to four words written in capitals: 'Bà NGUYỄN ANH
    HOA, Giám đốc Sở Tư pháp tỉnh Bình Dương' (the signature of an interview)."""
    forms = _name_forms("given")
    return skipping(rf"(?:(?<=[\s(,])|^)(?:{alternation(forms)})\s+(?P<n>[{UPPER}]{{2,7}}(?:\s[{UPPER}]{{1,7}}){{1,3}})"
                    rf"(?![\w])", forms)


def _caps_candidates(text: str, blocked) -> dict[tuple[int, int, str], str]:
    """Names in capitals after a form of address (:func:`_caps_rx`) whose first word is a family name, each with its
    name written as names are ('NGUYỄN ANH HOA' → 'Nguyễn Anh Hoa')."""
    out: dict[tuple[int, int, str], str] = {}
    if _caps_rx().search(text) is None:  # (most sentences: one scan, no generator)
        return out
    inside = _covered(blocked)
    for m in leftmost(_caps_rx(), text):
        a, b, surface = m.start("n"), m.end("n"), m.group("n")
        words = [w.capitalize() for w in surface.split()]
        if words[0] in surnames() and not inside(a):
            out[(a, b, surface)] = " ".join(words)
    return out


@cache
def _given_rx() -> re.Pattern:
    """A form of address (name_forms.tsv, given) and a given name alone: 'ông Chung', 'đồng chí Thái'."""
    forms = _name_forms("given")
    return skipping(rf"(?:(?<=[\s(,])|^)(?:{alternation(forms)})\s+(?P<n>[{UPPER}][a-zà-ỹđ]+)(?![\w])", forms)


def _given_name_references(text: str, blocked, known) -> dict[tuple[int, int, str], str]:
    """'ông Chung', 'đồng chí Thái': a given name alone, for the one person of the article whose name ends so."""
    if not known:
        return {}
    out = {}
    inside = _covered(blocked)
    for m in leftmost(_given_rx(), text):
        a, b, w = m.start("n"), m.end("n"), m.group("n")
        if inside(a):
            continue
        full = [n for n in known if n.endswith(" " + w)]
        nxt = _WORD.match(text, b + 1) if text[b:b + 1] == " " else None
        if len(full) == 1 and not (nxt and _is_name_word(nxt.group(0))):  # not the start of a full name
            out[(a, b, w)] = full[0]
    return out


def _latin_candidates(text: str, blocked, others: set) -> set[tuple[int, int, str]]:
    """Names of two to four words of the Latin alphabet that cannot be Vietnamese ones (:func:`_foreign_shaped`),
    after a country's name if one opens the run, and overlapping no other candidate."""
    if not _LATIN_PAIR.search(text):
        return set()
    out = set()
    countries = _countries()
    korean = _foreign_surnames()
    for m in _LATIN_RUN.finditer(text):
        a, words = m.start(), m.group().split(" ")
        if not any(map(_foreign_word, words)) and not any(korean.get(w) == "ko" for w in words):
            continue  # (most runs: Vietnamese words without marks. What is read below is a suffix of the run's words)
        prev = text[max(0, a - 12):a].split()
        if prev and text[a - 1:a] == " " and f"{prev[-1]} {words[0]}" in countries:  # 'Thái Lan Arkhom …'
            a += len(words[0]) + 1
            words = words[1:]
        for k in (3, 2, 1):  # a country's or city's name of one to three words opens the run: 'New York Rudy …'
            if len(words) > k and " ".join(words[:k]) in countries:
                a += len(" ".join(words[:k])) + 1
                words = words[k:]
                break
        if len(words) > 2 and _place_noun_rx().search(text[max(0, a - 20):a]):
            a += len(words[0]) + 1  # 'bang Virginia Tim Kaine': the place, then the name
            words = words[1:]
        b = m.end()
        if len(words) > 2 and _opens_clause(text, b, words[-1]):
            b -= len(words.pop()) + 1  # 'Giám đốc FBI James Comey Tuy nhiên, …': a caption glued to the next sentence
        if len(words) < 2 or not _foreign_shaped(words) or any(x <= a < y for x, y in blocked):
            continue
        if _foreign_name_stops().intersection(words) or any(w in countries for w in words[1:]):
            continue  # 'Trung Nam Group', 'Volvo Car Manufacturing Malaysia'
        if text[max(0, a - 4):a] == "của ":
            continue  # 'Giám đốc thể thao của Bayern Munich': a body, not a person
        if text[b:b + 1] == " " and text[b + 1:b + 2].islower() and not _foreign_shaped(words, by_surname=False):
            continue  # 'Ban Kinh tế', 'Cho Hà …' without marks: a Vietnamese phrase goes on in lower case
        if any(x < b and a < y for x, y, _ in others):
            continue
        out.add((a, b, text[a:b]))
    return out


def _opens_clause(text: str, end: int, last: str) -> bool:
    """Whether ``last``, the last word of a name in the Latin alphabet ending at ``end``, is a word that opens a
    sentence (name_stopwords.txt) going on in lower case: 'James Comey Tuy nhiên, …', 'Claudio Ranieri Trong khi
    đó' (a caption glued to the next sentence)."""
    return last in _stopwords() and text[end:end + 1] == " " and text[end + 1:end + 2].islower()


def _foreign_candidates(text: str, blocked) -> list[tuple[int, int, str]]:
    """Names without a Vietnamese family name, right after a form of address or a title (ông Gennady Ziuganov)."""
    out = []
    inside = _covered(blocked)
    for m in leftmost(_foreign_rx(), text):
        a, b = m.start("n"), m.end("n")
        words = m.group("n").split()
        if len(words) > 2 and _opens_clause(text, b, words[-1]):
            b -= len(words.pop()) + 1  # 'ông James Comey Tuy nhiên, …'
        while len(words) > 1 and words[0] in _countries():
            a += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            continue  # 'Tổng thống Nga Putin': a country, then a name too short to be sure of
        if not inside(a):
            out.append((a, b, text[a:b]))
    return out


@cache
def _clause_start_rx() -> re.Pattern:
    """Where a clause, and so a title before a name, may start: the text's start, punctuation, a word of
    title_clause_openers.txt."""
    return re.compile(rf"(?:^|[,;:(\"“]|\b(?:{alternation(load_list('title_clause_openers.txt'))})\b)\s*")


_AND_END = re.compile(r"(?<![^\W\d_])(?:và|cùng|với)$")


@cache
def _trailing_rank_rx() -> re.Pattern:
    """A rank or academic title (honorifics.tsv) ending the text before a name."""
    return re.compile(rf"(?:^|(?<=[\s,]))(?:{alternation(rank_words())})\.?$")


_PARENT_ASIDE = re.compile(rf"(?<=[^\W\d_])\s\((?P<p>[{UPPER}][^()]{{2,60}})\)$")  # a parent body in brackets
_ACRONYM_ASIDE = re.compile(rf"(?<=\w)\s*\([{UPPER}][{UPPER}&-]{{1,9}}\)$")  # a body's short name in brackets


@lru_cache(maxsize=1 << 12)
def _title_before(before: str) -> tuple[ParsedPost, ...]:
    """A post written right before a name: 'Bí thư Tỉnh ủy Dương Văn Thái'. (Cached: an article's
    sentences are read twice, the second time knowing the names of the first.)"""
    tail = before.rstrip()
    if not tail or tail != before[: len(tail)] or before[len(tail):] != " " or not mentions_role(tail):
        return ()
    aside = _ACRONYM_ASIDE.search(tail)  # 'Chủ tịch Phòng Thương mại và Công nghiệp Việt Nam (VCCI) Vũ Tiến Lộc'
    if aside:
        tail = tail[:aside.start()]
    rank = _trailing_rank_rx().search(tail)  # 'Giám đốc Công an tỉnh, Đại tá Nguyễn Văn A': the title ends before the rank
    if rank:
        tail = tail[:rank.start()].rstrip(" ,")
        if _AND_END.search(tail):  # 'nguyên Bộ trưởng … và PGS. Văn Như Cương': two persons
            return ()
    # the earliest start whose title list runs to the name: a clause's start, else a role word within
    # the clause ('Hội nghị do Chủ tịch UBND tỉnh Nghệ An Nguyễn Xuân Đường chủ trì'); clauses first:
    # in 'Báo cáo với Tổ công tác Thủ tướng Chính phủ, Chủ tịch Tập đoàn … Trần Quang Nghị' the
    # title is the last clause's
    clauses = [m.end() for m in _clause_start_rx().finditer(tail)]
    starts = clauses + sorted(set(title_starts(tail)) - set(clauses))
    for st in starts:
        seg = tail[st:]
        if not seg:
            continue
        posts, used = parse_title_list(seg)
        if posts and posts[-1].surface and _runs_to_the_end(seg, posts[-1], used):
            return leading_memberships(tail[:st]) + tuple(posts)  # 'Ủy viên Bộ Chính trị, Chủ nhiệm … A'
    if tail.endswith(")") and (parent := _PARENT_ASIDE.search(tail)) and not parse_title_list(parent.group("p"))[0]:
        # 'Cục trưởng Cục Chống tham nhũng (Thanh tra Chính phủ) Phạm Trọng Đạt': the body's parent, in brackets,
        # between the title and the name; the title read without it (the parent is no title of its own)
        return _title_before(tail[:parent.start()] + " ")
    return ()


def _runs_to_the_end(seg: str, post: ParsedPost, used: int) -> bool:
    """Whether the title list read from ``seg`` (``used`` characters of its expanded text, ending with
    ``post``) runs up to its end: not a title at its start whose words the end repeats ('“Thủ tướng
    cũng đã … do một Phó Thủ tướng …”, Phó Thủ tướng Trương Hòa Bình')."""
    exp = title_text(seg).rstrip()
    return exp.endswith(post.surface.rstrip()) and used >= len(exp)
