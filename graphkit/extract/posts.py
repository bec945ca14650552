"""Posts: role + body + place, read from title phrases.

A title phrase is a list of posts a person holds, separated by commas: ``Ủy viên T.Ư Đảng, Bí
thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh Bắc Giang``. Each post reads

    [nguyên|tân] [Phó] ROLE [QUALIFIER…] [BODY] [PLACE]

with the roles, qualifiers, bodies and body head nouns in ``data/``. Abbreviations are expanded
first (``T.Ư`` → ``Trung ương``). A local post whose place is not written (``Bí thư Tỉnh ủy``) is
returned with ``place=None`` and ``needs_place`` set; :func:`resolve` fills it from context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from graphkit.extract.facts import Body, Place, Post
from graphkit.extract.places import bare_district, find_districts, find_provinces
from graphkit.gazetteer import (address_words, bodies, body_head_levels, body_heads, capitalised_too, commune_kinds,
                                countries, districts, load_list, load_table, post_statuses, provinces, qualifiers,
                                rank_words, roles, surnames, unit_kinds, unit_prefixes, with_kind)
from graphkit.nlp.normalize import expand_abbreviations, fix_tones, may_abbreviate
from graphkit.nlp.patterns import LETTERS, LOWER, UPPER, alternation, lead, leftmost, quick_test, skipping

_L = LETTERS


@cache
def _status_rx() -> re.Pattern:
    """A word of post_status.tsv opening a title ('nguyên Bộ trưởng'), its first letter in either case."""
    return re.compile(rf"^(?P<s>{alternation(capitalised_too(post_statuses()))})\s+")


_PHO = re.compile(r"^(?P<p>[Pp]hó)\s+")


@cache
def _kind_word_rx() -> re.Pattern:
    """A unit's kind word (the gazetteer's: tỉnh, thành phố, huyện, quận, thị xã) at the start of a text."""
    return re.compile(rf"^,?\s*(?P<k>{alternation(unit_kinds())})(?![{_L}])")


@cache
def _district_kinds() -> frozenset[str]:
    """The kind words of districts only (huyện, quận, thị xã; not thành phố, also a province's)."""
    return frozenset({d.kind for d in districts()} - {p.kind for p in provinces().values()})


# a body that repeats the head noun of a role: Trưởng Ban Thường trực Ban Tổ chức, Phó Trưởng đoàn chuyên trách Đoàn ĐBQH
_HEAD_REPEAT = re.compile(r"^(?P<head>[Bb]an|[Đđ]oàn)\s+(?P<quals>(?:[\w ]+?))\s+(?=(?:Ban|Đoàn)\s)")


@dataclass(frozen=True)
class ParsedPost:
    role: str  # label form of the role: "Phó Bí thư Thường trực"
    base: str  # "Bí thư"
    kind: str  # head | member | self | implied
    body: str | None  # canonical body, or a generic body name
    level: str  # central | province | district | local
    place_form: str  # none | bare | typed
    place: Place | None
    kind_word: str | None  # "tỉnh" seen without a name: the place is implicit
    status: str  # current | former | new
    surface: str
    label_override: str | None = None
    body_type: str | None = None  # a commune's body: its type ('Ủy ban nhân dân'), ``body`` its full name
    section: str | None = None  # a section (phòng) of ``body``: 'Tàu sông' of Cục Đăng kiểm Việt Nam
    section_word: str = "Phòng"  # the section's kind word (section_roles.tsv): Phòng, Khoa

    @property
    def needs_place(self) -> bool:
        return self.place is None and self.level in ("province", "district", "local") and (
            self.body is not None or self.kind == "implied")


def _rx(words, flags=re.IGNORECASE) -> re.Pattern:
    alts = alternation(words, ignore_case=bool(flags & re.IGNORECASE))
    return re.compile(rf"^(?:{alts})(?![{_L}])", flags)


@cache
def _role_table():
    table = {}
    for r in roles():
        for v in (r.role, *r.variants):
            table[v.lower()] = r
    return table, _rx(table)


def _role_word(ignore_case: bool = True) -> tuple[str, dict]:
    """Any role word (roles.tsv; in any case, or as the table has it: lower case), as a regex, and the
    role table."""
    table, _ = _role_table()
    return rf"(?<![{_L}])(?:{alternation(table, ignore_case=ignore_case)})(?![{_L}])", table


@cache
def _any_role_rx() -> re.Pattern:
    """Any role word, for :func:`~graphkit.nlp.patterns.leftmost`."""
    return skipping(*_role_word(), flags=re.IGNORECASE)


@cache
def _has_role_rx() -> re.Pattern:
    """Any role word in lower case, for a yes/no search of a lower-cased text: lower-casing the text and matching
    case-sensitively costs less than matching with the case ignored."""
    return quick_test(*_role_word(ignore_case=False))


@lru_cache(maxsize=1 << 10)
def may_name_post(text: str) -> bool:
    """A cheap test on a whole sentence: False when no part of it names a role (no :func:`mentions_role`
    of any piece of it, so no title phrase anywhere in it): no role word, and no abbreviation that
    might spell one out. (Cached: the steps after the persons' ask it of the same sentences.)"""
    return _has_role_rx().search(fix_tones(text).lower()) is not None or may_abbreviate(text)


def predicates_in(text: str) -> list[str]:
    """The predicates (data/predicates.txt) written in ``text``, in order."""
    return [m.group(0) for m in _predicate_rx().finditer(text)]


def role_or_predicate_at(text: str, pos: int) -> int:
    """Where a role (roles.tsv) or a predicate (predicates.txt) written at ``pos`` ends, or ``pos``."""
    m = _role_table()[1].match(fix_tones(text[pos:pos + 40]))
    n = _predicate_rx().match(text, pos)
    return max(pos + m.end() if m else pos, n.end() if n else pos)


@cache
def _opens_before_rx() -> re.Pattern:
    """What may open a title before its role word: a word of post_status.tsv, then 'Phó'."""
    return re.compile(rf"(?:(?:{alternation(capitalised_too(post_statuses()))})\s+)?(?:[Pp]hó\s+)?$")


@cache
def _of_another_rx() -> re.Pattern:
    """data/title_of_another.txt: 'Trợ lý', 'Văn phòng' … right before a role word."""
    return re.compile(rf"(?<![{_L}])(?:{alternation(load_list('title_of_another.txt'), ignore_case=True)})\s+$",
                      re.IGNORECASE)


def title_starts(text: str) -> list[int]:
    """Where a title phrase may start in ``text`` (raw, tone placement of any age): at each role word,
    or at the ``Phó`` and ``nguyên``/``cựu``/``tân`` written before it; not after a word that makes it
    another's title (``data/title_of_another.txt``: 'Trợ lý Bộ trưởng …'). 'Hội nghị do Chủ tịch UBND
    tỉnh …' has one, at 'Chủ tịch'."""
    out = []
    for m in leftmost(_any_role_rx(), fix_tones(text)):  # length-preserving: offsets hold
        b = _opens_before_rx().search(text, max(0, m.start() - 16), m.start())
        start = b.start() if b else m.start()
        if not _of_another_rx().search(text, max(0, start - 20), start):
            out.append(start)
    return out


def mentions_role(text: str) -> bool:
    """Whether ``text`` (raw) names a role anywhere: no title phrase can start in a text that does not."""
    return _has_role_rx().search(expand_abbreviations(fix_tones(text)).lower()) is not None


@cache
def _qualifier_rx():
    """Regex of qualifiers, and for each (lower-cased) its canonical spelling when it is kept."""
    keep: dict[str, str | None] = {}
    for q, k in qualifiers():
        keep.setdefault(q.lower(), q if k else None)
    return _rx([q for q, _ in qualifiers()]), keep


@cache
def _body_table():
    table = {}
    for b in bodies():
        for v in b.variants:
            table[fix_tones(v).lower()] = b
    return table, _rx(table)


@cache
def _head_rx():
    heads = {h: place for h, place in body_heads()}
    return _rx(heads, flags=0), heads


@cache
def _predicate_rx():
    words = load_list("predicates.txt")
    return re.compile(rf"{lead(words)}(?<![{_L}])(?:{alternation(words, ignore_case=True)})(?![{_L}])", re.IGNORECASE)


@cache
def _central_suffix_rx() -> re.Pattern:
    """A word of central_suffixes.txt ending a body's name ('… Việt Nam', '… quốc gia'): a national body."""
    return re.compile(rf"(?:{alternation(load_list('central_suffixes.txt'))})$")


def _parse_place(rest: str, *, district: bool = False) -> tuple[Place | None, str | None, int]:
    """A place at the start of ``rest``: (place, kind word without name, chars consumed).

    ``district``: the place may be a bare district name (after Huyện ủy, Quận ủy, Thị ủy).
    """
    lead = len(rest) - len(rest.lstrip(" ,"))
    s = rest[lead:]
    a = _unit_abbr_rx().match(s)
    if a and _unit_abbr()[a.group("a")] not in commune_kinds():
        # 'H.Phong Điền', 'TX. Buôn Hồ': read with the kind word written out
        kind = _unit_abbr()[a.group("a")]
        place, kw, used = _parse_place(f"{kind} {s[a.end():]}", district=district)
        if place is not None:
            return place, kw, lead + a.end() + used - len(kind) - 1
        return None, None, 0
    if district:
        m = bare_district(s[:60])
        if m is not None:
            return m.place, None, lead + m.end
    for m in find_districts(s[:60]):
        if m.start == 0:
            return m.place, None, lead + m.end
        break
    k = _kind_word_rx().match(s) if "." in s[:12] else None
    if k and (d := _KIND_DOT.match(s, k.end())) and d.end() < len(s) and s[d.end()].isupper():
        # 'thành phố.Hạ Long', 'thành phố. Cao Lãnh' ('TP.Hạ Long' expanded): read with a space for the dot
        place, kw, used = _parse_place(f"{k.group('k')} {s[d.end():]}", district=district)
        if place is not None:
            return place, kw, lead + used + d.end() - k.end() - 1
    for m in find_provinces(s[:60]):
        if m.start == 0:
            return _city_named_as_province(s, m.place) or m.place, None, lead + m.end
        break
    k = _kind_word_rx().match(rest)
    if k:
        return None, k.group("k"), k.end()
    return None, None, 0


_KIND_DOT = re.compile(r"\.\s?")


@cache
def _cities_named_as_provinces() -> dict[str, Place]:
    """The provincial cities (districts.tsv, kind 'thành phố') that bear their province's name, the province a
    tỉnh: 'Nam Định', 'Thanh Hóa' … → the city."""
    return {d.name: Place(d.name, "district", d.province, d.kind) for d in districts()
            if d.kind == "thành phố" and d.name == d.province
            and (p := provinces().get(d.name)) is not None and p.kind != "thành phố"}


def _city_named_as_province(s: str, place: Place) -> Place | None:
    """The city, when ``s`` writes 'thành phố' before the name of a tỉnh that has a city of the same name: 'Chủ tịch
    UBND TP Nam Định' is the city's chairman (a tỉnh is never called 'thành phố'). None otherwise."""
    if s[:9].lower() != "thành phố":
        return None
    return _cities_named_as_provinces().get(place.name)


@cache
def _body_words() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """``data/body_words.txt``: the syllables a body name goes on over, and the pairs of syllables
    within its words of several syllables ('quản trị': 'trị' goes on after 'quản', not elsewhere)."""
    single, pairs = set(), set()
    for entry in load_list("body_words.txt"):
        parts = entry.split()
        if len(parts) == 1:
            single.add(entry)
        pairs.update(zip(parts, parts[1:]))
    return frozenset(single), frozenset(pairs)


@cache
def _body_word_set() -> frozenset[str]:
    """The words of body_words.txt, as written."""
    return frozenset(load_list("body_words.txt"))


@cache
def _body_word_firsts() -> frozenset[str]:
    """The first syllables of the words of several syllables in body_words.txt ('hỗ' of 'hỗ trợ xuất khẩu')."""
    return frozenset(_long_body_words())


@cache
def _long_body_words() -> dict[str, tuple[str, ...]]:
    """The words of several syllables of body_words.txt, by their first syllable, longest first."""
    out: dict[str, list[str]] = {}
    for e in load_list("body_words.txt"):
        if " " in e:
            out.setdefault(e.split()[0], []).append(e)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _body_word_at(s: str, i: int) -> int:
    """The length of the word of several syllables of body_words.txt written at ``i`` of ``s`` (its first letter in
    either case: 'Dự báo' of 'Trung tâm Dự báo nhu cầu …', whose 'Dự' is also a predicate), or 0."""
    first = s[i:i + 12].split(" ", 1)[0]
    for e in _long_body_words().get(first[:1].lower() + first[1:], ()):
        j = i + len(e)
        if s[i + 1:j] == e[1:] and (j == len(s) or not s[j].isalpha()):
            return len(e)
    return 0


@cache
def _body_stops() -> frozenset[str]:
    return frozenset(load_list("body_stops.txt"))


@cache
def _rank_rx() -> re.Pattern:
    """A rank or academic title (honorifics.tsv) before a name: 'Cục Cứu hộ - Cứu nạn Thiếu tướng Trương
    Đức Nghĩa' ends the body before 'Thiếu tướng'."""
    return re.compile(rf"(?<![{_L}])(?:{alternation(rank_words())})\.?(?:\s+[{UPPER}]|\s*$)")


_TRAILING_JOIN = re.compile(r"(?:\s+(?:và|của|thuộc|[-–]))+$")


_PUNCT_END = re.compile(r"[,;:()\n]|\.(?:\s|$)")
# a term after a title ends the body's name: 'Hiệu trưởng Trường Đại học Sư phạm Đà Nẵng nhiệm kỳ 2014-2019'
_TERM_END = re.compile(r"\s(?:nhiệm kỳ\s+\d|kh[óo]a\s+[IVXL]+(?![^\W\d_]))")


@cache
def _kind_before_name_rx() -> re.Pattern:
    """A unit's kind word (the gazetteer's) before a capital: a place's name follows."""
    return re.compile(rf"(?<![{_L}])(?:{alternation(unit_kinds())})\s+[{UPPER}]")


def _generic_body_end(s: str, head: int = 0) -> int:
    """Where a body name not in the gazetteer ends: at a predicate, a comma, a place, or a
    lower-case word that is not used in body names (``data/body_words.txt``). ``head``: the length of its head
    noun (body_heads.tsv), after which a lower-case word goes on as after a capital ('Trung tâm hỗ trợ xuất
    khẩu')."""
    stop = len(s)
    prev = ""
    address = address_words()
    single, pairs = _body_words()
    stops = _body_stops()
    for m in re.finditer(r"[^\W\d_]+", s):
        w = m.group(0)
        lower = w[:1].islower()
        # a lower-case syllable right after a capitalised one is the same word (Quân đội, Liên minh), and
        # so is one that ends a word of body_words.txt (Ban tổ chức, Hội đồng quản trị); not a form of
        # address ('Bộ GTVT … Theo anh Lê Đình Huy' names a person after it) or a word of body_stops.txt
        if m.start() > 0 and lower and ((prev[:1].islower() and w not in single and (prev, w) not in pairs)
                                        or w in address or w in stops):
            stop = m.start()
            break
        if m.end() <= head:
            prev = "X"  # the head noun: the word after it goes on when it may open a body's word
        elif prev == "X" and lower and w not in single and w not in _body_word_firsts():
            stop = m.start()
            break
        else:
            prev = w
    for pat in (_PUNCT_END, _TERM_END, _kind_before_name_rx(), _rank_rx()):
        m = pat.search(s, 1)
        if m:
            stop = min(stop, m.start())
    for m in _predicate_rx().finditer(s, 1):  # a verb; capitalised, a word of the name when body_words.txt
        if m.start() >= stop:
            break
        if m.start() < head:
            continue  # the head noun's own words ('Ban chỉ đạo')
        if s[m.start()].islower() or (m.group(0).lower() not in _body_word_set()  # has it ('Ban Chỉ đạo …', 'Trung
                                      and not _body_word_at(s, m.start())):  # tâm Dự báo …'), else a sentence glued
            stop = m.start()  # on ('Ủy ban TC-NS Cùng với đó, …')
            break
    for m in find_provinces(s):
        if m.start > 0:
            stop = min(stop, m.start)
        break
    if s[stop:stop + 1] == ",":
        stop = _comma_inside_name(s, stop)
    return stop


@cache
def _comma_names() -> dict[str, tuple[str, ...]]:
    """The names of bodies.tsv with a comma inside ('Bộ Văn hóa, Thể thao và Du lịch'), by the words before their
    first comma."""
    out: dict[str, list[str]] = {}
    for b in bodies():
        for v in b.variants:
            if ", " in v:
                out.setdefault(v[:v.index(",")], []).append(v)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _comma_fields() -> dict[str, tuple[str, ...]]:
    """The fields of the ministries among :func:`_comma_names` ('Văn hóa, Thể thao và Du lịch' of 'Bộ Văn hóa, Thể
    thao và Du lịch'), by the words before their first comma: the provinces' departments bear them too ('Sở Văn hóa,
    Thể thao và Du lịch tỉnh Vĩnh Long', 'Sở Lao động, Thương binh và Xã hội')."""
    out: dict[str, set[str]] = {}
    for names in _comma_names().values():
        for v in names:
            if v.startswith("Bộ "):
                field = v[len("Bộ "):]
                out.setdefault(field[:field.index(",")], set()).add(field)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_ENUMERATION = re.compile(rf",\s+(?P<w>[{LOWER}]+(?:\s+[{LOWER}]+){{0,3}}\s+và\s+[{LOWER}]+(?:\s+[{LOWER}]+){{0,3}})"
                          rf"(?=\s*$|\s+[{UPPER}]|\s*[,;.)]|\s+[-–]\s)(?![{_L}])")


def _comma_inside_name(s: str, stop: int) -> int:
    """Where a body name cut at the comma at ``stop`` of ``s`` truly ends: after a name of bodies.tsv written with
    its comma ('Cục Văn hóa cơ sở - Bộ Văn hóa, Thể thao và Du lịch'), or after a list of lower-case words closed by
    'và' that the name enumerates ('Cục Quốc tịch, hộ tịch và chứng thực'); else at the comma. A list with a
    predicate, a role, a form of address or a word of body_stops.txt in it is the sentence's, not the name's."""
    for table, before in ((_comma_names(), ""), (_comma_fields(), " ")):  # (a field after its head's space)
        for prefix, names in table.items():
            if s.endswith(before + prefix, 0, stop):
                for v in names:
                    if s.startswith(v, stop - len(prefix)):
                        return stop - len(prefix) + len(v)
    m = _ENUMERATION.match(s, stop)
    if m is None:
        return stop
    words = m.group("w").split()
    if any(w in _body_stops() or w in address_words() or w == "phó" for w in words):
        return stop
    for w in re.finditer(r"[^\W\d_]+", m.group("w")):
        at = m.start("w") + w.start()
        if _predicate_rx().match(s, at) or _role_table()[1].match(s[at:at + 40]):
            return stop
    return m.end()


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


@cache
def _after_body_words() -> frozenset[str]:
    """Lower-case words that may follow a whole body name: body_followers.txt, body_stops.txt, commune_kinds.txt."""
    return frozenset(load_list("body_followers.txt")) | _body_stops() | commune_kinds()


def _name_goes_on(rest: str, end: int) -> bool:
    """Whether a body name not in the gazetteer, read up to ``end`` of ``rest``, was cut by a lower-case word that
    does not end a name (not a predicate, a function word of body_stops.txt, a unit's kind word or a join): its
    true name goes on over words body_words.txt does not know, so what was read is not the body's name."""
    m = _NEXT_WORD.match(rest, end)
    if m is not None and m.group(1) == "về":  # 'Ban chỉ đạo Nhà nước về đổi mới cơ chế …': its subject, in lower case
        n = _NEXT_WORD.match(rest, m.end())
        return n is not None and n.group(1)[0].islower() and _predicate_rx().match(rest, n.start(1)) is None
    if m is None or not m.group(1)[0].islower() or m.group(1) in _after_body_words():
        return False
    return _predicate_rx().match(rest, m.start(1)) is None


@cache
def _run_on_stop_rx() -> re.Pattern:
    """A word of run_on_stops.txt (of one or several syllables), as written."""
    return re.compile(rf"(?:{alternation(load_list('run_on_stops.txt'))})(?![{_L}])")


def _body_word_next(rest: str, end: int) -> bool:
    """Whether a lower-case word of several syllables of body_words.txt follows ``end`` ('… Đào tạo chỉ đạo tuyến')."""
    m = _NEXT_WORD.match(rest, end)
    return m is not None and m.group(1)[:1].islower() and _body_word_at(rest, m.start(1)) > 0


def _run_on_end(rest: str, end: int, limit: int = 12) -> int | None:
    """Where the name of a body of a run-on head noun (body_heads.tsv), cut at ``end`` by a lower-case word
    body_words.txt does not know, ends when read in sentence case ('Trung tâm Điều phối ghép tạng quốc gia cho biết'):
    over up to ``limit`` words, to a punctuation mark, a predicate or a place, or the text's end after a national
    body's name ('… quốc gia'). None when a word of body_stops.txt, run_on_stops.txt or a form of address comes first
    (a sentence goes on), the text ends elsewhere (a person's name may follow: the words read may be a place's), or
    no such end comes within ``limit``."""
    pos = end
    for _ in range(limit + 1):
        m = _NEXT_WORD.match(rest, pos)
        if m is None and not rest[pos:].strip():  # the text's end: a name may follow ('… khu vực Châu Á', a
            return pos if _central_suffix_rx().search(rest[:pos]) else None  # continent; a title before a name)
        if m is None or rest[pos:m.start(1)].strip():
            return pos  # a punctuation mark
        w = m.group(1)
        if n := _body_word_at(rest, m.start(1)):  # 'giới thiệu việc làm', 'Thông tin': a word of the name
            pos = m.start(1) + n
            continue
        if _predicate_rx().match(rest, m.start(1)) or _kind_before_name_rx().match(rest, m.start(1)):
            return pos
        if w[:1].isupper():
            place = find_provinces(rest[m.start(1):m.start(1) + 40])
            if place and place[0].start == 0:
                return pos
        elif w in _body_stops() or w in address_words() or _run_on_stop_rx().match(rest, m.start(1)):
            return None
        pos = m.end()
    return None


def _unit_abbr_commune(rest: str) -> bool:
    a = _unit_abbr_rx().match(rest.lstrip())
    return a is not None and _unit_abbr()[a.group("a")] in commune_kinds()


@cache
def _commune_rx() -> re.Pattern:
    """``data/commune_kinds.txt`` right after a body: 'Ủy ban nhân dân xã …'."""
    return re.compile(rf"^\s*(?:{alternation(commune_kinds())})(?![{_L}])")


@cache
def _unit_abbr() -> dict[str, str]:
    """``data/unit_abbreviations.tsv``: 'X' → 'xã', 'H' → 'huyện' …"""
    return {r["abbreviation"]: r["kind"] for r in load_table("unit_abbreviations.tsv", ("abbreviation", "kind"))}


@cache
def _unit_abbr_rx() -> re.Pattern:
    """An abbreviated kind word right before a unit's capitalised name: 'X.Phong Chương', 'TX. Buôn Hồ'."""
    return re.compile(rf"^(?P<a>{alternation(_unit_abbr())})\.\s?(?=[{UPPER}\d])")




@cache
def _unit_first() -> frozenset[str]:
    """The first letters (both cases) of the units' kind words and their abbreviations: a quick test before
    :func:`_unit_kind_at`."""
    words = [*unit_kinds(), *commune_kinds(), *_unit_abbr()]
    return frozenset(c for w in words for c in (w[:1].lower(), w[:1].upper()))


_NAME_WORD = re.compile(rf"[{UPPER}][{_L}]*")


@cache
def _commune_name_rx() -> re.Pattern:
    """A commune's kind word (commune_kinds.txt, or abbreviated) and its name: capitalised syllables, or a
    number ('phường 5')."""
    kinds = alternation(commune_kinds())
    abbr = alternation([a for a, k in _unit_abbr().items() if k in commune_kinds()])
    return re.compile(rf"^\s*(?:(?P<k>{kinds})\s+|(?P<a>{abbr})\.\s?)"
                      rf"(?P<n>\d{{1,2}}(?![{_L}\d])|[{UPPER}][{_L}]*(?:\s+[{UPPER}][{_L}]*){{0,4}}(?![{_L}]))")


@cache
def _commune_kind_before_rx() -> re.Pattern:
    """A commune's kind word (commune_kinds.txt) or its abbreviation ending a text, before a unit's name."""
    abbr = alternation([a for a, k in _unit_abbr().items() if k in commune_kinds()])
    return re.compile(rf"(?<![{_L}])(?:(?:{alternation(commune_kinds())})\s+|(?:{abbr})\.\s?)$")


@cache
def _institution_before_rx() -> re.Pattern:
    """A capitalised word of institution_heads.txt ('Trường', 'THPT', 'Bệnh viện') ending a text, then a space."""
    words = [w for w in load_list("institution_heads.txt") if w[:1].isupper()]
    return re.compile(rf"(?<![{_L}])(?:{alternation(words)}) $")


def unit_named_at(text: str, pos: int) -> bool:
    """Whether the capitalised words at ``pos`` of ``text`` are a commune's name, written right after its kind word
    ('xã Chu Phan', 'X.Phong Chương'), or an institution's, right after its head word ('trường THPT Lương Thế Vinh'):
    a title reads them as part of it (communes are not in the gazetteer, and such names may start with a family
    name)."""
    return _commune_kind_before_rx().search(text, max(0, pos - 12), pos) is not None \
        or _institution_before_rx().search(text, max(0, pos - 12), pos) is not None


def _commune_at(rest: str) -> tuple[str, str, int] | None:
    """A commune named at the start of ``rest``: (kind word, name, chars consumed), or None. The name stops
    where a person's name starts (a family name of surnames.txt with a word after it): 'xã Liên Hợp Lô Văn
    Đồng' is xã Liên Hợp."""
    m = _commune_name_rx().match(rest)
    if m is None:
        return None
    kind = m.group("k") or _unit_abbr()[m.group("a")]
    words = list(_NAME_WORD.finditer(m.group("n"))) or [m]
    for i in range(1, len(words) - 1):
        if words[i].group(0) in surnames():
            words = words[:i]
            break
    end = m.start("n") + words[-1].end() if words[0] is not m else m.end("n")
    return kind, " ".join(m.group("n")[m.start("n") - m.start("n"):end - m.start("n")].split()), end


def _commune_post(role_label: str, role, status: str, text: str, pos: int, body_type: str,
                  at: tuple[str, str, int]) -> tuple[ParsedPost, int]:
    """The post of a commune's body ('Phó Chủ tịch UBND xã Chu Phan'), with the district written after the
    commune, when one is ('xã Đức Lĩnh, huyện Vũ Quang'), as its place."""
    kind, name, used = at
    end = pos + used
    place, _kw, pused = _parse_place(text[end:], district=False)
    if place is not None and place.level == "district":
        end += pused
    else:
        place = None
    return ParsedPost(role_label, role.role, role.kind, f"{body_type} {kind} {name}", "commune", "none", place, None,
                      status, text[:end], body_type=body_type), end


@cache
def _unit_roles() -> dict[tuple[str, str], str]:
    """``data/unit_roles.tsv``: (role, unit kind) → the body a role written right before a unit is held in."""
    return {(r["role"], k): r["body"] for r in load_table("unit_roles.tsv", ("role", "kinds", "body"))
            for k in r["kinds"].split("|")}


@cache
def _unit_kind_rx() -> re.Pattern:
    """A unit's kind word (the gazetteer's, its first letter in either case) before the unit's name."""
    return re.compile(rf"^(?P<k>{alternation(capitalised_too(unit_kinds()))})\s+(?=[{UPPER}\d])")


def _unit_kind_at(rest: str) -> str | None:
    """The kind word of a unit named at the start of ``rest`` ('quận 2', 'X.Phong Chương', 'xã Chu Phan')."""
    m = _unit_kind_rx().match(rest)
    if m:
        return m.group("k").lower()
    a = _unit_abbr_rx().match(rest)
    if a:
        return _unit_abbr()[a.group("a")]
    c = _commune_name_rx().match(rest)
    return (c.group("k") or _unit_abbr()[c.group("a")]) if c else None


_PARENT_OPEN = re.compile(r"^\s*(?:\(|,|[-–]\s|thuộc\s|của\s)?\s*")


@cache
def _section_roles() -> dict[str, str]:
    """``data/section_roles.tsv``: the role of a section's head → the section's kind word ('Trưởng khoa' → 'Khoa')."""
    return {r["role"]: r["section"] for r in load_table("section_roles.tsv", ("role", "section"))}


@cache
def _section_word_rx(word: str) -> re.Pattern:
    """A section's kind word written again before its name, in either case: 'Phó Trưởng phòng Phòng Khoáng sản'."""
    return re.compile(rf"^[{word[0].upper()}{word[0].lower()}]{word[1:]}\s+")


_LOWER_SECTION_END = re.compile(rf"[,;:()]|\.(?:\s|$)|\s[-–]\s+(?:[{UPPER}][{_L}]*\s+){{0,1}}(?=[{UPPER}])")


def _lower_section_end(rest: str) -> int:
    """Where a section's name written in lower case ends ('khoa tim mạch, BV Nhi Đồng 1', 'khoa Tai Mũi Họng Bệnh
    viện …'): at a punctuation mark, a predicate, or its parent body (a body of bodies.tsv or a head noun, in either
    case); over at most 8 words. -1 when it runs on further."""
    end = len(rest)
    p = _LOWER_SECTION_END.search(rest)
    if p:
        end = p.start()
    n = _predicate_rx().search(rest, 0, end)
    if n:
        end = n.start()
    _, brx = _body_table()
    hrx, _ = _head_rx()
    for m in re.finditer(r"(?<=\s)[^\W\d_]", rest[:end]):
        at = rest[m.start():]
        if brx.match(fix_tones(at)) or hrx.match(at) or _lower_head_rx().match(at):
            end = m.start()
            break
    return end if len(rest[:end].split()) <= 8 else -1


def _section_post(role_label: str, role, status: str, text: str, pos: int) -> tuple[ParsedPost | None, int]:
    """A section head ('Trưởng phòng Tàu sông (Cục Đăng kiểm Việt Nam)', 'Trưởng phòng Công chức - Viên chức,
    Sở Nội vụ tỉnh Gia Lai', 'Trưởng Phòng Giáo dục và Đào tạo quận Hai Bà Trưng', 'Trưởng khoa tim mạch, BV Nhi Đồng
    1'): the section's name, then its parent body (after it, after a comma or a dash, or in brackets) or the district
    or province whose section it is. Without either, the section's parent is not known: no post. A section whose
    name is written in lower case (a hospital's 'khoa') reads to a punctuation mark or its parent."""
    word = _section_roles()[role.role]
    rest = text[pos:]
    s = _section_word_rx(word).match(rest)
    pos += s.end() if s else 0  # 'Phó Trưởng phòng Phòng Khoáng sản'
    rest = text[pos:]
    if rest[:1].islower() and word != "Phòng":
        end = _lower_section_end(rest)
        if end <= 0 or rest.startswith("học"):  # 'Trưởng khoa học': not a section
            return None, 0
    else:
        end = _generic_body_end(f"{word} {rest}", len(word) + 1) - len(word) - 1
    _, brx = _body_table()
    hrx, _ = _head_rx()
    for m in re.finditer(rf"(?<=\s)[{UPPER}]", rest[:end]):  # the parent written right after the name
        if brx.match(fix_tones(rest[m.start():])) or hrx.match(rest[m.start():]):
            end = m.start()
            break
    name = re.sub(r"\s*[-–]\s*", " - ", rest[:end].strip(" -–,"))
    if not name or len(name.split()) > 12:
        return None, 0
    name = name[0].upper() + name[1:]
    after = end
    o = _PARENT_OPEN.match(rest[after:])
    parent, used = parse_post("Giám đốc " + rest[after + o.end():])
    if parent is not None and parent.kind == "head" and parent.body is not None and not parent.label_override:
        used += after + o.end() - len("Giám đốc ")
        if o.group(0).strip() == "(" and rest[used:used + 1] == ")":
            used += 1
        return replace(parent, role=role_label, base=role.role, kind=role.kind, status=status, section=name,
                       section_word=word, surface=text[:pos + used]), pos + used
    place, _kw, pused = _parse_place(rest[after:])
    if place is not None:
        return ParsedPost(role_label, role.role, role.kind, None, place.level, "typed", place, None, status,
                          text[:pos + after + pused], section=name, section_word=word), pos + after + pused
    return None, 0


@cache
def _mission_roles() -> tuple[re.Pattern, frozenset[str]]:
    """mission_roles.tsv: the pattern of 'Việt Nam tại Country' after such a role (group c: the country of
    countries.txt), and the roles."""
    rx = re.compile(rf"Việt Nam\s+tại\s+(?P<c>{alternation(countries() - {'Việt Nam'})})(?![{_L}])")
    return rx, frozenset(r["role"] for r in load_table("mission_roles.tsv", ("role",)))


def _role_front(text: str):
    """The role a title opens with: (status, 'Phó ' or '', role, the role as written, where it ends), or None.
    ``nguyên``/``cựu`` make the post former, ``tân`` new."""
    pos, status = 0, "current"
    m = _status_rx().match(text)
    if m:
        status = post_statuses()[m.group("s").lower()]
        pos = m.end()
    pho = ""
    m = _PHO.match(text[pos:])
    if m:
        pho, pos = "Phó ", pos + m.end()
    table, rrx = _role_table()
    m = rrx.match(text[pos:])
    if not m:
        return None
    return status, pho, table[m.group(0).lower()], m.group(0), pos + m.end()


@cache
def _self_post_end_rx() -> re.Pattern:
    """What may follow a post written whole by its role and still end the title: nothing, punctuation, a word of
    self_post_followers.txt ('khóa XII'), a dash or 'kiêm' (the next title)."""
    words = alternation(load_list("self_post_followers.txt"))
    return re.compile(rf"^\s*(?:$|[,;.)]|(?:{words})\b|[-–]\s|kiêm\b)")


@cache
def _trailing_kind_rx() -> re.Pattern:
    """A unit's kind word ending a text (the name of a body of that unit, its place not written)."""
    return re.compile(rf"\s({alternation(unit_kinds())})$")


def parse_post(text: str) -> tuple[ParsedPost | None, int]:
    """Parse one post at the start of ``text`` (already abbreviation-expanded).

    >>> p, _ = parse_post("Phó Bí thư Thường trực Tỉnh ủy Bắc Giang")
    >>> (p.role, p.body, p.place.name)
    ('Phó Bí thư Thường trực', 'Tỉnh ủy', 'Bắc Giang')
    """
    front = _role_front(text)
    if front is None:
        return None, 0
    status, pho, role, written, pos = front
    role_label = pho + role.role
    if role.kind == "self":
        # must end the title (a place or 'khóa …' may follow); a qualifier may follow the role word, and then
        # the rest of the post's name: 'Phó Thủ tướng Thường trực Chính phủ'
        label = role.label
        q = _qualifier_rx()[0].match(text[pos:].lstrip()) if text[pos:pos + 1] == " " else None
        if q and _qualifier_rx()[1].get(q.group(0).lower()) and label.startswith(role.role):
            kept = _qualifier_rx()[1][q.group(0).lower()]
            pos += 1 + q.end()
            suffix = label[len(role.role):].strip()
            if suffix and text[pos:].lstrip().startswith(suffix):
                pos += len(text[pos:]) - len(text[pos:].lstrip()) + len(suffix)
            label = f"{role.role} {kept}" + (f" {suffix}" if suffix else "")
            role_label = f"{pho}{role.role} {kept}"
        rest = text[pos:]
        place, _, used = _parse_place(rest)
        tail = rest[used:]
        if _self_post_end_rx().match(tail) or _predicate_rx().match(tail.strip()):
            label = ("Phó " + label) if pho else label
            return ParsedPost(role_label, role.role, "self", role.body, "central", "none", None, None, status,
                              text[:pos + used], label_override=label), pos + used
        if role.role != "Bí thư Trung ương Đảng":
            return None, 0
        # "Bí thư Trung ương Đoàn …": fall back to the plain role
        role = _role_table()[0]["bí thư"]
        pos = pos - len(written) + len("Bí thư")
        role_label = pho + "Bí thư"
    qrx, qkeep = _qualifier_rx()
    pos += len(text[pos:]) - len(text[pos:].lstrip())
    if role.role == "Trưởng":
        h = _HEAD_REPEAT.match(text[pos:] + " ")
        if h and all(qrx.match(w.strip() + " ") or w.strip() == "" for w in [h.group("quals")]):
            qual = h.group("quals").strip().lower()
            if qual in qkeep:
                head = h.group("head").capitalize()
                kept = qkeep[qual]
                role_label = f"{pho}Trưởng {head} {kept}" if kept else f"{pho}Trưởng"
                pos += h.end()
    while True:
        s = text[pos:].lstrip()
        q = qrx.match(s)
        if not q:
            break
        if qkeep.get(q.group(0).lower()):
            role_label += " " + qkeep[q.group(0).lower()]
        pos = len(text) - len(s) + q.end()
    rest = text[pos:]
    lead = len(rest) - len(rest.lstrip())
    rest = rest.lstrip()
    pos += lead
    if role.role in _mission_roles()[1]:
        # 'Đại sứ Việt Nam tại Nhật Bản': Vietnam's representative in a country (mission_roles.tsv)
        m = _mission_roles()[0].match(rest)
        if m is None or not m.group("c"):
            return None, 0
        used = pos + m.end()
        return ParsedPost(role_label, role.role, role.kind, None, "central", "none", None, None, status, text[:used],
                          label_override=f"{role_label} Việt Nam tại {m.group('c')}"), used
    if role.kind == "implied":
        place, kw, used = _parse_place(rest)
        level = "district" if role.body == "Huyện ủy" else "province"
        return ParsedPost(role_label, role.role, "implied", role.body, level, "bare", place, kw, status,
                          text[:pos + used]), pos + used
    if role.role in _section_roles():
        return _section_post(role_label, role, status, text, pos)
    kind = _unit_kind_at(rest) if rest[:1] in _unit_first() else None
    if kind is None and rest[:1].isupper() and (role.role, "-") in _unit_roles() \
            and (named := find_provinces(rest[:60])) and named[0].start == 0:
        kind = "-"  # 'Phó Chánh Thanh tra Hà Nội': a province's name written bare (unit_roles.tsv, kind '-')
    if kind and (role.role, kind) in _unit_roles():
        # 'Chủ tịch xã Chu Phan', 'Chủ tịch quận 2', 'Bí thư Quận 2': a body of the unit
        body = _unit_roles()[(role.role, kind)]
        at = _commune_at(rest)
        if at is not None:
            return _commune_post(role_label, role, status, text, pos, body, at)
        implied = f"{text[:pos]}{body} "
        p, used = parse_post(implied + rest)
        if p is None or p.place is None or used <= len(implied):
            return None, 0
        used -= len(body) + 1
        return replace(p, surface=text[:used]), used
    btable, brx = _body_table()
    b, skipped = None, 0
    if role.kind == "head" and role.body and not rest.lower().startswith(role.body.lower() + " "):
        # 'Bộ trưởng Công an': the head noun of a central body left out
        implied = f"{role.body} "
        b = brx.match(implied + fix_tones(rest))
        if b and (b.end() <= len(implied) or btable[b.group(0).lower()].level != "central"):
            b = None
        skipped = len(implied) if b else 0
    b = b or brx.match(fix_tones(rest))
    if b and subsidiary_follows(b.group(0), rest[b.end() - skipped:]):
        return None, 0
    if b:
        body = btable[b.group(0).lower()]
        used = b.end() - skipped
        place, kw, pused = (None, None, 0)
        if body.level == "local" and (at := _commune_at(rest[used:])) is not None:
            return _commune_post(role_label, role, status, text, pos + used, body.canonical, at)
        if _commune_rx().match(rest[used:]) or _unit_abbr_commune(rest[used:]):
            return None, 0  # a commune's body not named ('UBND xã'), or not a commune's body: not the province's
        if body.place != "none":
            place, kw, pused = _parse_place(rest[used:], district=body.level == "district")
        level = body.level
        if level == "local" and place is not None:
            level = place.level
        elif level == "local" and kw is not None:
            level = "district" if kw in _district_kinds() else "province"
        if body.canonical == "Thành ủy" and place is not None:
            level = place.level
        return ParsedPost(role_label, role.role, role.kind, body.canonical, level, body.place, place, kw, status,
                          text[:pos + used + pused]), pos + used + pused
    hrx, heads = _head_rx()
    h = hrx.match(rest)
    lower_head = False
    if h is None and rest[:1].islower() and role.kind in ("head", "member") and _lower_head_rx().match(rest):
        rest = rest[0].upper() + rest[1:]  # 'giám đốc sở GD&ĐT Tuyên Quang': read as written with a capital
        h, lower_head = hrx.match(rest), True
    skip = 0
    if h and (a := _HEAD_ASIDE.match(rest, h.end())):  # 'bệnh viện (BV) Nhi Đồng 1': the head's short form
        skip, rest = a.end() - h.end(), rest[:h.end()] + rest[a.end():]
    if h and role.kind in ("head", "member"):
        end = _generic_body_end(rest, h.end())
        if h.group(0) in _head_forms()[1] and (_name_goes_on(rest, end) or not rest[h.end():end].strip()
                                               or _body_word_next(rest, end)):
            end = _run_on_end(rest, end) or end  # 'Trung tâm Điều phối ghép tạng quốc gia'
        if h.group(0) in _bracket_heads() and " (" in rest[end:end + 170] \
                and (bracket := _parent_bracket_end(rest, h.end())) is not None and bracket > end:
            end = bracket  # 'Cục Quản lý chất lượng nông lâm sản và thủy sản (Bộ NN-PTNT)': up to its parent
        name = re.sub(r"\s*[-–]\s*", " - ", rest[:end].strip(" -–"))  # one spelling of 'Lao động - Thương binh'
        name = _TRAILING_JOIN.sub("", name)  # 'Công ty … Đại Đắc Tài và' (another body or person follows)
        trailing_kind = _trailing_kind_rx().search(name)
        if trailing_kind:
            name = name[: trailing_kind.start()]
        head = h.group(0)
        if lower_head and head.split()[0] in _council_heads() and not name.endswith(" Hội đồng nhân dân"):
            return None, 0  # 'trưởng ban tổ chức …': only a People's Council's board is read so
        if len(name.split()) < 2 or len(name.split()) <= len(head.split()) or name.lower() in _lower_heads() \
                or name[len(head):].strip().lower() in _lower_heads():
            return None, 0  # a head noun alone ('Ban cán sự đảng', 'Công đoàn Công ty') does not say which body
        if _name_goes_on(rest, end):
            return None, 0  # 'Trưởng Ban quản lý di tích và rừng quốc gia Yên Tử': the name is longer than we can read
        place, kw, pused = _parse_place(rest[end:])
        kw = kw or (trailing_kind.group(1) if trailing_kind else None)
        head = h.group(0)
        if lower_head and place is None and not _PROPER_NEXT.match(rest, h.end()) \
                and not _central_suffix_rx().search(name):
            return None, 0  # 'giám đốc bệnh viện địa phương', 'hiệu trưởng trường này': no body named
        if place is not None:
            level, form = place.level, heads[head]
        elif _central_suffix_rx().search(name) and not kw:
            level, form = "central", "none"
        elif kw and kw not in _district_kinds() and not _central_suffix_rx().search(name) \
                and _bare_kind_ends(rest[end + pused:]):
            level, form = "province", heads[head]  # 'Giám đốc Bệnh viện Phổi tỉnh': the article's province's
        elif body_head_levels().get(head) == "central":
            level, form = "central", "none"
        elif body_head_levels().get(head) == "province" or kw:
            level, form = "province", heads[head]
        else:  # a body of unknown level: no place is guessed for it
            level, form = "central", "none"
        used = pos + end + skip + pused
        return ParsedPost(role_label, role.role, role.kind, name, level, form, place, kw, status, text[:used]), used
    return None, 0


_HEAD_ASIDE = re.compile(rf"\s*\([{UPPER}]{{1,6}}\)(?=\s)")  # a head noun's short form in brackets: '(BV)'
_PROPER_NEXT = re.compile(rf"\s+[{UPPER}\d]")  # a body's own name after its head noun


_PARENT_BRACKET = re.compile(rf"[{_L}\s,&–-]{{1,160}}?(?=\s\((?P<parent>[^()]{{3,120}})\))")
_BRACKET_WORD = re.compile(rf"[{_L}]+")


def _parent_bracket_end(rest: str, start: int) -> int | None:
    """Where the name of a body of a head noun marked "bracket" in body_heads.tsv ends when written in sentence case
    and followed by its parent body in brackets ('Cục Quản lý chất lượng nông lâm sản và thủy sản (Bộ NN-PTNT)',
    'Vụ Công tác học sinh, sinh viên (Bộ GD-ĐT)'): at the bracket, when the bracket opens with a central body (of
    bodies.tsv, or a central head noun of body_heads.tsv and a capital) and the words up to it (at most 14) hold no
    predicate, role, form of address, word of body_stops.txt, and do not end with a person's name. None otherwise."""
    m = _PARENT_BRACKET.match(rest, start)
    if m is None:
        return None
    parent = fix_tones(m.group("parent"))
    b = _body_table()[1].match(parent)
    if b is not None:
        if _body_table()[0][b.group(0).lower()].level != "central":
            return None
    else:
        h = _head_rx()[0].match(parent)
        if h is None or body_head_levels().get(h.group(0)) != "central" or not _PROPER_NEXT.match(parent, h.end()):
            return None
    words = list(_BRACKET_WORD.finditer(rest, start, m.end()))
    if not words or len(words) > 14:
        return None
    stops, address = _body_stops(), address_words()
    for w in words:
        t = w.group(0)
        if t in stops or t.lower() in address or _role_table()[1].match(rest[w.start():w.start() + 40]) \
                or (_predicate_rx().match(rest, w.start()) and not _body_word_at(rest, w.start())):
            return None
    caps = [w.group(0) for w in words[-4:]]
    tail = []
    for t in reversed(caps):  # the capitalised words right before the bracket
        if not t[:1].isupper():
            break
        tail.append(t)
    if len(tail) >= 2 and tail[-1] in surnames():
        return None  # 'Vụ trưởng Vụ Giáo dục thể chất Ngũ Duy Anh (Bộ GD&ĐT)': a person's name before the bracket
    for j in _PARENT_JOIN.finditer(rest, start, m.end()):  # '… bảo vệ môi trường, Tổng cục Môi trường (Bộ TN&MT)':
        h = _head_rx()[0].match(rest[j.end():])  # the parent's own parent in brackets; the name ends at the parent
        if h is not None and _PROPER_NEXT.match(rest, j.end() + h.end()):
            return j.start()
    return m.end()


_PARENT_JOIN = re.compile(r"(?:,|\s[-–])\s+")


_CAPITAL_NEXT = re.compile(rf"\.?\s*[{UPPER}]")
_WORD_NEXT = re.compile(rf"\s+([{UPPER}][{_L}]*)")


def _bare_kind_ends(after: str) -> bool:
    """Whether a unit's kind word that ends a body's name ('Bệnh viện Phổi tỉnh') stands alone, ``after`` being the
    text after it: no capital follows (a place the gazetteer does not know: 'Trung tâm Phát triển quỹ đất TP.Huế'),
    or a person's name does (its first word a surname: 'Giám đốc Bệnh viện Phổi tỉnh Trương Hồng Lĩnh')."""
    if not _CAPITAL_NEXT.match(after):
        return True
    m = _WORD_NEXT.match(after)
    return m is not None and m.group(1) in surnames()


@cache
def _written_forms() -> dict[str, frozenset[str]]:
    """body_heads.tsv, column written: each head noun's forms ('lower', 'lower-council', 'run-on', 'bracket')."""
    return {r["head"]: frozenset(r["written"].split()) for r in load_table("body_heads.tsv", ("head", "written"))}


def _heads_written(*forms: str) -> frozenset[str]:
    return frozenset(h for h, written in _written_forms().items() if not written.isdisjoint(forms))


@cache
def _bracket_heads() -> frozenset[str]:
    """The head nouns whose sentence-case names end at their parent in brackets (body_heads.tsv, written)."""
    return _heads_written("bracket")


@cache
def _lower_heads() -> frozenset[str]:
    """The head nouns of body_heads.tsv, lower-cased."""
    return frozenset(h.lower() for h in _head_rx()[1])


@cache
def _head_forms() -> tuple[frozenset[str], frozenset[str]]:
    """body_heads.tsv, column written: the head nouns also written in lower case, and those whose names run on
    in sentence case."""
    return _heads_written("lower", "lower-council"), _heads_written("run-on")


@cache
def _council_heads() -> frozenset[str]:
    """body_heads.tsv, column written "lower-council": head nouns read in lower case only in the name of a People's
    Council's board ('Trưởng ban Văn hóa - Xã hội HĐND tỉnh')."""
    return _heads_written("lower-council")


@cache
def _lower_head_rx() -> re.Pattern:
    """A head noun of :func:`_head_forms` written in lower case ('sở', 'bệnh viện')."""
    return re.compile(rf"^(?:{alternation([h[0].lower() + h[1:] for h in _head_forms()[0]])})(?![{_L}])")


# a role joined to the next one with its body: 'Phó Chủ tịch - Tổng Thư ký Ủy ban …', '… kiêm …' (not a comma:
# 'Phó Bí thư, Chủ tịch UBND huyện' is the deputy secretary of the huyện's Party committee)
_JOINS = r"kiêm(?!\w)|[-–](?=\s)"
_JOIN = re.compile(rf"^\s*(?:{_JOINS})\s*")
_SEP = re.compile(rf"^\s*(?:,|và|{_JOINS})\s*")  # between the titles of a list


def _joined_role(text: str):
    """A role written without a body, then a join: (status, 'Phó ' or '', role, end of the role, end of
    the join), or None."""
    front = _role_front(text)
    if front is None:
        return None
    status, pho, role, _written, end = front
    j = _JOIN.match(text[end:])
    return (status, pho, role, end, end + j.end()) if j else None


def _role_sharing_body(text: str) -> tuple[ParsedPost | None, int]:
    """A role written without a body, joined to a post of the next role: a role ``joined`` in
    roles.tsv is held in that post's body too. 'Phó Chủ tịch - Tổng Thư ký Ủy ban Trung ương MTTQ Việt
    Nam' gives Phó Chủ tịch of that body (and the list goes on with Tổng Thư ký …). Returns the post
    and the length of the role (the join is the list's separator)."""
    bare = _joined_role(text)
    if bare is None or not bare[2].joined:
        return None, 0
    status, pho, role, end, after = bare
    nxt, _ = parse_post(text[after:])
    if nxt is None:
        nxt, _ = _role_sharing_body(text[after:])
    if nxt is None or nxt.kind not in ("head", "member") or nxt.body is None:
        return None, 0
    return replace(nxt, role=pho + role.role, base=role.role, kind=role.kind, status=status,
                   surface=text[:end]), end


_NAME_NEXT = re.compile(rf"^\s(?:[{UPPER}][a-zà-ỹđ]+\s){{1,3}}[{UPPER}][a-zà-ỹđ]+(?![\w])")


def parse_title_list(text: str) -> tuple[list[ParsedPost], int]:
    """All posts of a comma-separated title phrase at the start of ``text``; and where it ends.

    ``text`` is raw article text: abbreviations are expanded here, and the returned length is
    counted in the expanded text (callers use it only to know that something was parsed).
    """
    posts, pos = _parse_title_list(text)
    return list(posts), pos


@cache
def _bare_memberships() -> tuple[re.Pattern, dict[str, dict]]:
    """``data/bare_memberships.tsv``: a regex of the written forms (with the comma after them), and each form's
    row (lower case)."""
    rows = {}
    for r in load_table("bare_memberships.tsv", ("written", "of", "role")):
        for w in r["written"].split("|"):
            rows[w.lower()] = r
    return re.compile(rf"^(?P<w>{alternation(rows, ignore_case=True)})\s*,\s*", re.IGNORECASE), rows


def _bare_membership(text: str) -> tuple[dict, int, int] | None:
    """A membership title written bare before a comma at the start of ``text``: (its row, its length, where the
    next title starts)."""
    if text[:1] not in "ĐđUuỦủ":
        return None
    rx, rows = _bare_memberships()
    m = rx.match(text)
    return (rows[m.group("w").lower()], m.end("w"), m.end()) if m else None


@cache
def _committee_rx() -> re.Pattern:
    """A unit's Party committee (unit_prefixes.tsv: Tỉnh ủy, Huyện ủy …) ending a body's name."""
    names = [u.prefix[:1].upper() + u.prefix[1:] for u in unit_prefixes() if u.committee]
    return re.compile(rf"(?:^|\s)(?P<c>{alternation(names)})$")


@cache
def _no_party_committee_rx() -> re.Pattern:
    """A body of no_party_committee.txt, or a Party committee itself (a name ending in 'ủy')."""
    return re.compile(rf"^(?:{alternation(load_list('no_party_committee.txt'))})$|ủy$")


def _member_of(row: dict, nxt: ParsedPost, surface: str) -> ParsedPost | None:
    """The post of a membership written bare (bare_memberships.tsv), from the person's next title ``nxt``: the
    standing board of the Party committee its body names, or the Party committee of its own body. None when the
    next title does not say which."""
    if nxt.label_override or nxt.body is None or nxt.kind not in ("head", "member") or nxt.level == "commune":
        return None
    if row["of"] == "committee":
        c = _committee_rx().search(nxt.body)
        if c is None:
            return None
        board, _ = parse_post(f"{row['role']} {c.group('c')}")
        if board is None:
            return None
        return replace(board, place=nxt.place, kind_word=nxt.kind_word, status=nxt.status, surface=surface)
    if _no_party_committee_rx().search(nxt.body):
        return None
    return replace(nxt, role=row["role"], base=row["role"].split()[0] + " " + row["role"].split()[1], kind="member",
                   section=None, surface=surface)


# a date of birth between a name and its titles: 'sinh ngày 23 tháng 11 năm 1968, ', 'SN 1977, ', 'sinh năm 1973, '
_BIRTH = re.compile(r"^(?:[Ss]inh\s+(?:ngày|năm)|SN)\s+(?:\d{1,4}|tháng|năm|[\s/.-])+?\s*,\s*")


# a body's short name in brackets inside its name, before the rest of the name, its parent or its place: 'Bảo hiểm
# xã hội (BHXH) Việt Nam', 'Cục Cảnh sát điều tra tội phạm về kinh tế và tham nhũng (C46) Bộ Công an', 'Trung tâm
# Xúc tiến đầu tư (IPC) tỉnh Bình Định', 'Sở Giáo dục và Đào tạo (GD-ĐT) Hà Nội'; not before another sentence run
# on ('Ngân hàng TMCP An Bình (ABBANK) Năm 2017, …')
_INNER_ASIDE = re.compile(rf"(?<=[{_L}])\s\([{UPPER}][{UPPER}\d&-]{{1,9}}\)(?=\s+(?P<next>Việt Nam|Trung ương|Bộ\s|Công an\s|"
                          rf"(?:tỉnh|thành phố|huyện|quận|thị xã|TP)[\s.]|[{UPPER}]))")


def _inner_aside(m: re.Match) -> str:
    nxt = m.group("next")
    if len(nxt) > 1 or nxt.islower():
        return ""
    places = find_provinces(m.string[m.end():m.end() + 60].lstrip())
    return "" if places and places[0].start == 0 else m.group(0)


def title_text(text: str) -> str:
    """A title phrase as the title parser reads it (the positions it returns are in this text): modern tones, a body's
    short name in brackets inside its name left out, abbreviations expanded."""
    if " (" in text:
        text = _INNER_ASIDE.sub(_inner_aside, text)
    return expand_abbreviations(fix_tones(text))


@lru_cache(maxsize=1 << 14)
def _parse_title_list(text: str) -> tuple[tuple[ParsedPost, ...], int]:
    exp = title_text(text)
    posts: list[ParsedPost] = []
    b = _BIRTH.match(exp) if exp[:1] in "sS" else None
    pos = b.end() if b else 0  # 'Lê Hồng Quang, sinh ngày 23 tháng 11 năm 1968, Ủy viên …': the titles follow
    carry = None  # a join carries a status on: 'nguyên Chủ tịch kiêm Giám đốc …' ended both
    member = None  # a membership written bare, of the next title's body: (its row, its surface)
    while pos < len(exp):
        if (bm := _bare_membership(exp[pos:])) is not None:
            member, pos = (bm[0], exp[pos:pos + bm[1]]), pos + bm[2]  # the next title's body gives its body
            continue
        p, used = parse_post(exp[pos:])
        if p is None:
            p, used = _role_sharing_body(exp[pos:])
        if p is None:
            # a title of a body we cannot name ('Ủy viên Ban cán sự Đảng'): skip it, keep the next ones
            rest = _status_rx().sub("", exp[pos:], count=1)
            rest = _PHO.sub("", rest, count=1)
            comma = exp.find(",", pos)
            if _role_table()[1].match(rest) and comma > pos and not re.search(r"[;.]", exp[pos:comma]):
                pos = comma + 1 + (len(exp[comma + 1:]) - len(exp[comma + 1:].lstrip()))
                continue
            bare = _joined_role(exp[pos:])
            if bare is not None:  # 'Bí thư kiêm Chủ tịch UBND …': the Party post is not named; the next one is
                carry = bare[0] if bare[0] != "current" else None
                pos += bare[4]
                continue
            break
        if _NAME_NEXT.match(exp[pos + used:]):
            break  # 'Chủ tịch Quốc hội Tòng Thị Phóng': this title is the next person's
        if carry and p.status == "current" and not _status_rx().match(exp[pos:]):
            p = replace(p, status=carry)
        if member is not None:
            derived = _member_of(member[0], p, member[1])
            if derived is not None:
                posts.append(derived)
            member = None
        posts.append(p)
        pos += used
        m = _SEP.match(exp[pos:])
        if not m:
            break
        carry = p.status if p.status != "current" and _JOIN.match(exp[pos:]) else None
        pos += m.end()
    if len(posts) == 1 and _subject_of_next_clause(posts[0], exp[pos:]):
        return (), 0
    return tuple(posts), pos


@cache
def _bare_head_rx() -> tuple[re.Pattern, dict[str, str]]:
    """A role of context_roles.txt whose body is a central one of a head noun roles.tsv gives ('Thứ trưởng': a 'Bộ'),
    with 'Phó' and qualifiers, written bare at the end of a text; and each role's head noun."""
    wanted = set(load_list("context_roles.txt"))
    heads = {v.lower(): r.body for r in roles() if r.role in wanted and r.kind == "head"
             and body_head_levels().get(r.body) == "central"
             for v in (r.role, *r.variants)}
    return re.compile(rf"(?<![{_L}])(?P<r>(?:[Pp]hó\s+)?(?P<w>{alternation(heads, ignore_case=True)})"
                      rf"(?:\s+(?:{alternation([q for q, _ in qualifiers()], ignore_case=True)}))*)\s+$",
                      re.IGNORECASE), heads


def bare_role_before(before: str) -> bool:
    """Whether ``before`` ends with a role of :func:`_bare_head_rx` written bare ('… có Thứ trưởng ')."""
    return before.endswith(" ") and _bare_head_rx()[0].search(before, max(0, len(before) - 60)) is not None


def bare_title_in_context(before: str, posts_named: list[Post]) -> Post | None:
    """The post of a role written bare right before a name ('Cùng dự có Thứ trưởng Huỳnh Vĩnh Ái'), in the one
    body of its kind the article's other posts of such roles name (the ministry whose minister it names: 'Bộ
    trưởng Bộ Văn hóa Thể thao và Du lịch Nguyễn Ngọc Thiện'). None when they name none or several: then it is not
    certain which."""
    if not before.endswith(" "):
        return None
    rx, heads = _bare_head_rx()
    m = rx.search(before, max(0, len(before) - 60))
    if m is None:
        return None
    role, head = m.group("r"), heads[m.group("w").lower()]
    members = tuple(r.role for r in roles() if r.kind == "member")  # 'Ủy viên Bộ Chính trị' names no ministry
    candidates = {p.body.label for p in posts_named if p.body and p.body.level == "central"
                  and p.body.label.startswith(head + " ") and not p.role.startswith(members)}
    if len(candidates) != 1:
        return None
    posts, _ = parse_title_list(f"{role} {candidates.pop()}")
    return to_post(posts[0]) if len(posts) == 1 else None


def _membership(p: ParsedPost) -> bool:
    """A membership post, the kind that opens a run of titles: 'Ủy viên Bộ Chính trị', 'Tỉnh ủy viên', 'Bí thư Trung
    ương Đảng'."""
    return p.kind in ("member", "implied") or p.base == "Bí thư Trung ương Đảng"


def leading_memberships(before: str) -> tuple[ParsedPost, ...]:
    """The membership titles written in the comma-separated pieces right before a title list, which belong to the
    same name: in 'có Ủy viên Bộ Chính trị, Chủ nhiệm Ủy ban Kiểm tra T.Ư Trần Quốc Vượng' the list read before the
    name is 'Chủ nhiệm …' (the last clause) and ``before`` is 'có Ủy viên Bộ Chính trị, '; this returns 'Ủy viên Bộ
    Chính trị'. Each piece must be a title list of memberships (:func:`_membership`) running up to its comma."""
    out: list[ParsedPost] = []
    text = before.rstrip()
    while text.endswith(","):
        text = text[:-1].rstrip()
        cut = max(text.rfind(","), text.rfind(";"), text.rfind(":"))
        piece = text[cut + 1:]
        found = ()
        for st in title_starts(piece):
            posts, used = parse_title_list(piece[st:])
            exp = title_text(piece[st:]).rstrip()
            if posts and used >= len(exp) and exp.endswith(posts[-1].surface.rstrip()):
                found = posts
                break
        if not found or not all(_membership(p) for p in found):
            break
        out[:0] = found
        if st > 0 or cut < 0:
            break  # the piece starts after other words ('có Ủy viên Bộ Chính trị'): the run starts there
        text = text[:cut + 1]
    return tuple(out)


def _subject_of_next_clause(p: ParsedPost, after: str) -> bool:
    """A national post written bare, right before a verb, opens a clause: in 'Đối với trường hợp của Trịnh Xuân
    Thanh, Tổng Bí thư nhấn mạnh', 'Tổng Bí thư' is not Trịnh Xuân Thanh's title but the subject of 'nhấn mạnh'
    (in the 2017 corpus, a bare 'Thủ tướng'/'Phó Thủ tướng' after a comma and before a verb opens a clause)."""
    if p.kind != "self":
        return False
    bare = _PHO.sub("", _status_rx().sub("", p.surface.strip(), count=1), count=1)
    return bare.lower() == p.base.lower() and _predicate_rx().match(after.lstrip()) is not None


def subsidiary_follows(name: str, after: str) -> bool:
    """Whether a body's one-word short name (VNPT, EVN, Viettel) is the start of a subsidiary's ('VNPT VinaPhone',
    'VNPT-Vinaphone', 'EVN Hà Nội'), not the body itself ('Tổng Giám đốc EVN Đặng Hoàng An': a name follows)."""
    if " " in name:
        return False
    if after[:1].isalnum():  # 'VNR500': a longer token
        return True
    m = _SUBSIDIARY_WORD.match(after)
    if m is None:
        return False
    if m.group("dash"):
        return True
    if m.group("w") not in surnames():
        return True
    place = find_provinces(after[m.start("w"):m.start("w") + 40])
    return bool(place) and place[0].start == 0


_SUBSIDIARY_WORD = re.compile(rf"(?P<dash>\s*[-–]\s*)?(?(dash)|\s+)(?P<w>[{UPPER}][\w]*)")


@cache
def _foreign_post_rx() -> re.Pattern:
    """A post's text that ends with another country's name (countries.txt) after a word (see :func:`foreign_post`)."""
    others = alternation(countries() - {"Việt Nam"})
    return re.compile(rf"(?<![^\W\d_])(?P<prev>[^\W\d_]+)\s(?:{others})\W*$")


def foreign_post(text: str) -> bool:
    """Whether a post (its label, or its title as written) belongs to a foreign body: it ends with another country's
    name (countries.txt) after a lower-case word but 'tại' or 'ở', and does not name Việt Nam: 'Thống đốc Ngân hàng
    Nhân dân Trung Quốc', 'Bộ trưởng Bộ Tài chính Hàn Quốc'; not 'Đại sứ Việt Nam tại Nhật Bản', nor a country's
    name that is a syllable of a Vietnamese one ('huyện Đông Anh', 'Bộ Tư Pháp', 'huyện Mỹ Đức').

    >>> foreign_post("Thống đốc Ngân hàng Nhân dân Trung Quốc"), foreign_post("Bí thư Huyện ủy Đức Thọ")
    (True, False)
    """
    if "Việt Nam" in text:
        return False
    m = _foreign_post_rx().search(text)
    return m is not None and m.group("prev")[:1].islower() and m.group("prev") not in ("tại", "ở")


def _body_label(canonical: str, form: str, place: Place | None) -> str:
    if place is None or form == "none":
        return canonical
    if form == "bare":
        return f"{canonical} {place.name}"
    if place.level == "district":
        return f"{canonical} {with_kind(place.kind, place.name)}"
    p = provinces().get(place.name)
    return f"{canonical} {p.with_kind if p else place.name}"


def to_post(p: ParsedPost, place: Place | None = None) -> Post | None:
    """The Post of a parsed title, with ``place`` filling an implicit place. None if still placeless."""
    place = p.place or place
    if p.label_override:
        body = Body(p.body, p.body, "central") if p.body else None
        return Post(p.label_override, p.role, body, ())
    if p.level == "commune":
        body = Body(p.body, p.body_type or p.body, "commune", p.place)
        label = f"{p.role} {p.body}"
        return Post(label, p.role, body, (f"{label}, {with_kind(p.place.kind, p.place.name)}",) if p.place else ())
    if p.section is not None:
        return _section_to_post(p, place)
    if p.needs_place and place is None:
        return None
    if p.level == "district" and place is not None and place.level != "district":
        return None  # a district post needs a district, not a province
    if p.kind == "implied":
        label = f"{p.role} {place.name}"
        body = Body(f"{p.body} {place.name}", p.body, place.level, place)
        return Post(label, p.role, body, _variants(label, place))
    if p.body is None:
        return None
    body_place = place if p.place_form != "none" and p.level != "central" else None
    body_label = _body_label(p.body, p.place_form, body_place)
    body = Body(body_label, p.body, body_place.level if body_place else "central", body_place)
    label = f"{p.role} {body_label}"
    if p.role.endswith(" " + p.body) and body_place is not None:
        label = f"{p.role}{body_label[len(p.body):]}"  # 'Chánh Thanh tra tỉnh Nghệ An': the role names its body
    return Post(label, p.role, body, _variants(label, body_place))


def _section_to_post(p: ParsedPost, place: Place | None) -> Post | None:
    """The post of a section head: 'Trưởng phòng Tàu sông Cục Đăng kiểm Việt Nam', 'Trưởng phòng Giáo dục và Đào
    tạo quận Hai Bà Trưng'."""
    word = p.section_word
    if p.body is None:  # the section of a district's or province's People's Committee
        where = with_kind(p.place.kind, p.place.name) if p.place.level == "district" else \
            (provinces()[p.place.name].with_kind if p.place.name in provinces() else p.place.name)
        body = Body(f"{word} {p.section} {where}", word, p.place.level, p.place)
    else:
        parent = to_post(replace(p, section=None), place)
        if parent is None or parent.body is None:
            return None
        body = Body(f"{word} {p.section} {parent.body.label}", word, parent.body.level, parent.body.place)
    label = f"{p.role} {body.label[len(word) + 1:]}"
    return Post(label, p.role, body, ())


def _variants(label: str, place: Place | None) -> tuple[str, ...]:
    if place is not None and place.level == "district":
        p = provinces().get(place.province)
        return (f"{label}, {p.with_kind if p else place.province}",)
    return ()


# a title shared by the names listed after it: 'các đồng chí Ủy viên Bộ Chính trị: A - …; B - …'
_GROUP_OPEN = re.compile(rf"(?<![{_L}])[Cc]ác\s+(?:đồng chí\s+)?(?P<t>(?:[^:;.!?\n]|\.(?!\s)){{4,120}}?)\s*:\s*")
# where such a list ends: another list's title, a sentence's end, or a phrase that is not a name
# ('…; cùng đại diện lãnh đạo …', '… Nguyễn Văn Thông cùng các đồng chí …')


@cache
def _group_end_rx() -> re.Pattern:
    """Where a list of names sharing a title ends: a sentence's end, a word of name_list_ends.tsv where it stands
    (after a comma or semicolon, a semicolon, or spaces), or another list's title."""
    after: dict[str, list[str]] = {"comma": [], "semicolon": [], "space": []}
    for r in load_table("name_list_ends.tsv", ("word", "after")):
        after[r["after"]].append(r["word"])
    return re.compile(rf"[.!?](?:\s|$)|\n|[;,]\s*(?:{alternation(after['comma'])})\s|;\s*(?:{alternation(after['semicolon'])})\s"
                      rf"|\s(?:{alternation(after['space'])})\s"
                      rf"|(?<![{_L}])[Cc]ác\s+(?:đồng chí\s+)?(?:[^:;.!?\n]|\.(?!\s)){{4,120}}?\s*:")


_COMMA_ITEMS = re.compile(rf"[^,;]*\s[-–]\s[^,;]*,\s*(?:[{UPPER}][{_L}]*\s){{1,4}}[-–]\s")


def group_titles(sentence: str) -> list[tuple[int, int, tuple[ParsedPost, ...]]]:
    """The titles a list of names shares: 'có các đồng chí Ủy viên Bộ Chính trị: Vương Đình Huệ - Phó Thủ tướng
    Chính phủ; Trương Thị Mai - Trưởng ban Dân vận Trung ương' gives both 'Ủy viên Bộ Chính trị'. Returns
    (where the list starts, where it ends, the shared posts): the list runs from the colon to the next such
    title, the sentence's end, or a word that does not go on a list of names ('cùng', 'đại diện' …)."""
    if ":" not in sentence or "ác" not in sentence:
        return []
    out = []
    for m in _GROUP_OPEN.finditer(sentence):
        title = m.group("t")
        if not mentions_role(title):
            continue
        posts, used = parse_title_list(title)
        exp = title_text(title).rstrip()
        if not posts or used < len(exp) or not exp.endswith(posts[-1].surface.rstrip()):
            continue  # the whole text before the colon must be the title
        start = m.end()
        e = _group_end_rx().search(sentence, start)
        end = e.start() if e else len(sentence)
        if _COMMA_ITEMS.match(sentence, start) and (semi := sentence.find(";", start, end)) >= 0:
            end = semi  # 'A - …, B - …; Đại sứ … C': items joined by commas, the list ends at a semicolon
        out.append((start, end, tuple(posts)))
    return out
