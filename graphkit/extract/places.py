"""Provinces and districts named in a text.

A province is found by its name or an alias (``data/provinces.tsv``); a district only with its
kind word or its Party committee before it (``huyện Lương Sơn``, ``Huyện ủy Lương Sơn``), because
bare district names are often also person or commune names. ``Hồ Chí Minh`` alone is the person
(or the ideology), never the city: the city needs ``Thành phố``/``TP``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from graphkit.extract.facts import Place
from graphkit.gazetteer import District, districts, provinces, unit_prefixes
from graphkit.nlp.patterns import LETTERS, alternation, leftmost, skipping

_L = LETTERS


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place
    typed: bool  # preceded by a kind word (tỉnh, huyện, TP …) or a committee (Tỉnh ủy …)
    in_firm: bool = False  # the end of a firm's name or inside it ('CTCP Quốc Cường Gia Lai'): names no province


@cache
def _province_regex() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """The province pattern, compiled twice: to find its matches that start with a capital (every name,
    and ``Tỉnh``, ``Thành phố``, ``TP`` …), and to match at a lower-case kind word (``tỉnh``, ``thành
    phố``, ``thủ đô``); and the canonical name of each name and alias."""
    lookup: dict[str, str] = {}
    for p in provinces().values():
        for n in (p.name, *p.aliases):
            lookup[n] = p.name
            lookup[n.lower()] = p.name
        for n in p.kind_only:
            lookup[n] = p.name
    names = _names(lookup)
    words, capitals = _prefixes("province")
    prefix = rf"(?P<prefix>{words}\s+)?"
    body = rf"(?<![{_L}]){prefix}(?P<name>{alternation(names)})(?![{_L}])"
    # opens with the class of first characters (the engine skips ahead to them in C), faster than a look-ahead
    # first. Capitals only: a lower-case 't' is among the commonest first letters, and trying the pattern at each
    # would cost a third of the scan; the lower-case kind words are found apart (_lower_kind, then a match there)
    return skipping(body, names, capitals), re.compile(f"(?P<whole>{body})"), lookup


def _names(lookup: dict[str, str]) -> list[str]:
    """The names the province pattern matches (those of ``lookup`` that open with a capital or a digit)."""
    return [n for n in lookup if n[:1].isupper() or n[:1].isdigit()]


@cache
def _any_province_name() -> re.Pattern:
    """A name of the province pattern followed by no letter: every match of the pattern holds one. A plain search
    for it, without the pattern's look-arounds, costs a third of the scans (most sentences name no province)."""
    return re.compile(rf"(?:{alternation(_names(_province_regex()[2]))})(?![{_L}])")


def _prefixes(of: str) -> tuple[str, list[str]]:
    """The words of unit_prefixes.tsv written before the name of a unit of level ``of`` (province, district), as a
    regex (the words with their first letter in either case; the abbreviations as written, a full stop or not),
    and those of them that open with a capital."""
    wanted = [u for u in unit_prefixes() if u.of in (of, "both")]
    words = [f for u in wanted if not u.abbreviation for f in u.forms()]
    abbreviations = [u.prefix for u in wanted if u.abbreviation]
    return (rf"(?:{alternation(words)}|(?:{alternation(abbreviations)})\.?)",
            [w for w in words + abbreviations if w[:1].isupper()])


@cache
def _lower_kind() -> re.Pattern:
    """Where a province's kind word or committee starts in lower case (unit_prefixes.tsv): a match of the pattern
    may start there (_province_matches)."""
    return re.compile(alternation([f for u in unit_prefixes() if u.of != "district" for f in u.forms()
                                   if f[:1].islower()]))


@cache
def _kind_only() -> frozenset[str]:
    """The names that are a province's only after a kind word (provinces.tsv kind_only)."""
    return frozenset(n for p in provinces().values() for n in p.kind_only)


def _province_matches(text: str):
    """The matches ``finditer`` of the province pattern gives (as :func:`~graphkit.nlp.patterns.leftmost`):
    those starting with a capital, and those at a lower-case kind word, in order."""
    capitals, at_kind, _lookup = _province_regex()
    lower = [m for k in _lower_kind().finditer(text) if (m := at_kind.match(text, k.start()))]
    if not lower:
        yield from leftmost(capitals, text)
        return
    end = 0
    for m in sorted([*capitals.finditer(text), *lower], key=lambda m: m.start()):
        if m.start() >= end:
            end = m.end("whole")
            yield m


@cache
def _district_regex() -> tuple[re.Pattern, dict[tuple[str, str], list[tuple[str, str, str]]]]:
    by_name: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for d in districts():
        by_name.setdefault((d.kind, d.name), []).append((d.province, d.kind, d.name))
        if d.name.lower().startswith(d.kind + " "):  # 'Quận 1': its kind word, then the number
            by_name.setdefault((d.kind, d.name[len(d.kind) + 1:]), []).append((d.province, d.kind, d.name))
    kinds, _capitals = _prefixes("district")
    names = {n for _kind, n in by_name}
    # opens with the class of the kind words' first letters (as the province scan)
    firsts = [f for u in unit_prefixes() if u.of != "province" for f in u.forms()]
    pat = skipping(rf"(?<![{_L}])(?P<kind>{kinds})\s+(?P<name>{alternation(names)})(?![{_L}\d])", firsts)
    return pat, by_name


@cache
def _kind_of() -> dict[str, str]:
    """A word written before a district's name, in lower case (a full stop after an abbreviation or not) → the
    district's kind (unit_prefixes.tsv)."""
    out = {}
    for u in unit_prefixes():
        if u.of != "province":
            out[u.prefix.lower()] = u.kind
            if u.abbreviation:
                out[u.prefix.lower() + "."] = u.kind
    return out


def find_provinces(text: str, *, on: _dt.date | None = None, tones_fixed: bool = False,
                   in_firms: bool = False) -> list[PlaceMatch]:
    """Province mentions, in order. ``on`` (the article date) picks the units valid then.
    ``tones_fixed``: ``text`` has modern tone placement already (:func:`~graphkit.nlp.normalize.fix_tones`),
    as an article's text has in extraction: it is not read again for it.
    ``in_firms``: keep the names that end or sit inside a firm's name too (marked ``in_firm``: they name no
    province, but they are not a person's name either); without it they are left out."""
    from graphkit.nlp.normalize import fix_tones

    lookup = _province_regex()[2]
    scanned = text if tones_fixed else fix_tones(text)
    if _any_province_name().search(scanned) is None:
        return []
    out = []
    for m in _province_matches(scanned):
        surface, prefix = m.group("name"), (m.group("prefix") or "").strip()
        name = lookup.get(surface) or lookup.get(surface.lower())
        if name is None:
            continue
        if surface in _kind_only() and not prefix:
            continue  # 'Hồ Chí Minh' alone: the person or the ideology
        if _not_yet(name, on):
            continue  # Huế, a province from 2025, was a city of Thừa Thiên Huế before
        if not prefix and any(text.startswith(w, m.start("name")) for w in _longer_names().get(surface, ())):
            continue  # 'châu Á - Thái Bình Dương': an ocean's name, not Thái Bình (not_provinces.txt)
        if not prefix and _after_family_name(text, m.start("name"), out[-1].end if out else -1):
            continue  # 'Chánh án Nguyễn Hòa Bình': a person's name ending in a province's
        start = m.start("prefix") if prefix else m.start("name")
        # 'CTCP Quốc Cường Gia Lai': a firm's name ending in a province's
        firm = not prefix and (not _SPACED_DASH.match(text, m.end("whole")) and in_company_name(text, m.start("name"))
                               or _after_newspaper(text, m.start("name"))) or _in_credit(text, start)
        out.append(PlaceMatch(start, m.end("whole"), Place(name), bool(prefix), firm))
    return out if in_firms else [m for m in out if not m.in_firm]


@cache
def _newspaper_table() -> dict[str, tuple[str, ...]]:
    """newspaper_words.tsv, its words by use (head, compound, masthead, agency)."""
    from graphkit.gazetteer import load_table

    out: dict[str, list[str]] = {}
    for r in load_table("newspaper_words.tsv", ("word", "use")):
        out.setdefault(r["use"], []).append(r["word"])
    return {use: tuple(words) for use, words in out.items()}


def _newspaper_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The head words of a newspaper's name ('Báo', 'báo điện tử') and the compounds whose last syllable is one
    ('thông báo'; newspaper_words.tsv)."""
    table = _newspaper_table()
    return table.get("head", ()), table.get("compound", ())


@cache
def _credit_rx() -> re.Pattern | None:
    """A newspaper's masthead or a news agency's by-line right before a province's name, with its kind word or not
    ('báo Pháp Luật TP.HCM', 'Lệ Hằng/VOV-TP HCM'; newspaper_words.tsv, uses masthead and agency)."""
    table = _newspaper_table()
    parts = []
    if table.get("masthead"):
        parts.append(rf"(?<![{_L}])(?:{alternation(table['masthead'])})")
    if table.get("agency"):
        parts.append(rf"/\s*(?:{alternation(table['agency'])})\s*[-–]")
    return re.compile(rf"(?:{'|'.join(parts)})\s*$") if parts else None


def _in_credit(text: str, at: int) -> bool:
    """Whether the province name (or its kind word) at ``at`` ends a newspaper's masthead or an agency's by-line
    (:func:`_credit_rx`): the paper's or the newsroom's city, not a place of the story.

    >>> [_in_credit(t, t.index(p)) for t, p in (("trao đổi với Pháp Luật TP.HCM qua điện thoại", "TP.HCM"),
    ...                                          ("Lệ Hằng/VOV-TP HCM", "TP HCM"), ("vi phạm pháp luật TP.HCM", "TP"),
    ...                                          ("Trưởng đại diện VOV tại TP HCM", "TP"))]
    [True, True, False, False]
    """
    rx = _credit_rx()
    return rx is not None and rx.search(text, max(0, at - 24), at) is not None


@cache
def _newspaper_rx() -> re.Pattern:
    """A newspaper's name right before a province's (newspaper_words.tsv): its head word, not a compound's last
    syllable ('thông báo'), then spaces up to the end."""
    heads, compounds = _newspaper_words()
    not_after = "".join(f"(?<!{re.escape(w)} )(?<!{re.escape(w[:1].upper() + w[1:])} )" for w in compounds)
    return re.compile(rf"(?<![{_L}]){not_after}(?:{alternation(heads)})\s+$")


def _after_newspaper(text: str, at: int) -> bool:
    """Whether the province name at ``at`` of ``text`` opens or sits in a newspaper's name ('Báo Hà Tĩnh điện tử',
    '(Theo báo Nghệ An)'; not 'thông báo', 'Hội Nhà báo').

    >>> _after_newspaper("(Theo báo Nghệ An)", 10), _after_newspaper("Hội Nhà báo Nghệ An", 12)
    (True, False)
    """
    core = _newspaper_core()
    if core and core not in text[max(0, at - 24):at]:
        return False  # (a string every head word holds: tested first)
    return _newspaper_rx().search(text, max(0, at - 24), at) is not None


@cache
def _newspaper_core() -> str:
    """'áo' when every head word of newspaper_words.tsv holds it ('Báo', 'báo điện tử'), else ''."""
    heads = _newspaper_words()[0]
    return "áo" if heads and all("áo" in h for h in heads) else ""


@cache
def _longer_names() -> dict[str, tuple[str, ...]]:
    """The names of not_provinces.txt by the province name they open with ('Thái Bình' → 'Thái Bình Dương')."""
    from graphkit.gazetteer import load_list

    names = load_list("not_provinces.txt")
    out: dict[str, list[str]] = {}
    for surface in _province_regex()[2]:
        for n in names:
            if n.startswith(surface + " "):
                out.setdefault(surface, []).append(n)
    return {k: tuple(v) for k, v in out.items()}


def _not_yet(name: str, on: _dt.date | None) -> bool:
    """Whether the province ``name`` did not exist yet on ``on`` (unknown: as if before), by its valid_from."""
    start = provinces()[name].valid_from
    return start is not None and (on is None or on < start)


@cache
def _company_rx() -> tuple[re.Pattern, re.Pattern]:
    """A firm's head word (company_heads.txt); and what ends a firm's name read back from a province: a mark
    ('Công ty Thanh Bình (Đồng Nai)', '…, Long An'), a word of company_name_stops.txt, in lower case or capitalised
    ('công ty ở Hà Nội', 'và UBND', 'Ngân hàng. Tại Hà Nội'), the head noun of a body that is not a firm
    (body_heads.tsv: 'Công ty X phối hợp cùng Liên đoàn cờ TP.HCM') or a join right before the province ('Công ty X
    và Hà Nội')."""
    from graphkit.gazetteer import body_head_nouns, load_list

    firms = load_list("company_heads.txt")
    heads = re.compile(rf"(?<![{_L}])(?:{alternation(firms, ignore_case=True)})(?![{_L}])", re.IGNORECASE)
    firm_set = {f.lower() for f in firms}
    words = load_list("company_name_stops.txt")  # a lower-case word also capitalised: a sentence glued on ('Tại')
    words += [w[:1].upper() + w[1:] for w in words if w[:1].islower()]
    stops = alternation([*words, *(h for h in body_head_nouns() if h.lower() not in firm_set)])
    ends = re.compile(rf"[,;:()\[\]…\"“”‘’!?\n]|\.\s|(?<![{_L}])(?:{stops})(?![{_L}])|(?<![{_L}])và\s+$")
    return heads, ends


# a spaced dash after a province's name: another name follows ('Công ty … Cấp nước Sóc Trăng - Soc Trang Waco', 'Công
# ty Nhôm Đắk Nông – TKV'); read as before (a province ending the firm's name there), not as a word of a longer name
_SPACED_DASH = re.compile(r"\s+[-–]\s")
_COMPANY_SPAN = 100  # characters looked back from a province for a firm's head word (a name of up to ~12 words)


def in_company_name(text: str, at: int) -> bool:
    """Whether the province name at ``at`` of ``text`` ends or sits inside a firm's name: a firm's head word
    (company_heads.txt) shortly before it, then at least one word, with no mark and no word of
    company_name_stops.txt between ('CTCP Quốc Cường Gia Lai', 'Công ty TNHH MTV Thủy lợi Nam Nghệ An', 'Công ty
    cổ phần Hoàng Long An Khang'; not 'Công ty Thanh Bình (Đồng Nai)', 'Công ty Điện lực tại Nghệ An').

    >>> in_company_name("CTCP Quốc Cường Gia Lai vừa công bố", 19)
    True
    >>> in_company_name("Công ty X có trụ sở tại Gia Lai", 24)
    False
    """
    heads, ends = _company_rx()
    lo = max(0, at - _COMPANY_SPAN)
    last = None
    for last in heads.finditer(text, lo, at):
        pass
    if last is None:
        return False
    between = text[last.end():at]
    return between.strip() != "" and between[:1].isspace() and ends.search(between) is None


_SENTENCE_END = re.compile(r"(?<=[a-zà-ỹđ]{2})\.\s|[!?;\n]")  # not 'TP. Hà Nội'
_WORD_BEFORE = re.compile(rf"(?:^|(?<=[^{_L}]))(?P<w>[{_L}]+)\.?\s+$")


@cache
def _person_context() -> tuple[re.Pattern, frozenset[str]]:
    """A role, form of address or rank (roles.tsv, honorifics.tsv), and the lower-cased words that may
    stand right before a family name (forms of address and ranks)."""
    from graphkit.gazetteer import honorifics, person_title_words

    rx = re.compile(rf"(?<![{_L}])(?:{alternation(person_title_words(), ignore_case=True)})(?![{_L}])", re.IGNORECASE)
    return rx, frozenset(w.lower() for w, _kind in honorifics())


def _after_family_name(text: str, at: int, prev_end: int) -> bool:
    """Whether the province name at ``at`` ends a person's name: right after a family name
    (surnames.txt) that opens the name (after a lower-case word, a form of address or rank, or a
    place: not 'Bệnh viện Bạch Mai Hà Nội', 'Trường ĐH Sư Phạm Hà Nội'), with a role, a form of
    address or a rank shortly before it ('Phó Thủ tướng Thường trực Trương Hòa Bình', 'ông Nguyễn Thái
    Bình', 'Phó Chủ tịch UBND TP Hà Nội Phí Thái Bình'; not 'Đại học Y Hà Nội', 'Từ Hà Nội, …').
    ``prev_end``: where the province named before ends."""
    from graphkit.gazetteer import body_head_nouns, surnames

    m = _WORD_BEFORE.search(text, max(0, at - 12), at)
    w = m.group("w") if m else ""
    if len(w) < 2 or w not in surnames() or w in body_head_nouns() or text[m.end("w"):at].strip():
        return False  # (not 'Y': 'Đại học Y Hà Nội'; not a body's head noun: 'Đại biểu … (Đoàn Gia Lai)')
    context, before_name = _person_context()
    p = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if p is not None and p.group("w")[:1].isupper() and p.group("w").lower() not in before_name \
            and not (prev_end >= 0 and not text[prev_end:m.start()].strip()):
        return False
    window = text[max(0, m.start() - 60):m.start()]
    window = _SENTENCE_END.split(window)[-1]  # this sentence's
    return context.search(window) is not None


@cache
def _district_keys() -> tuple[str, ...]:
    """Pieces of text one of which every match of the district pattern holds: each of its kind words and
    abbreviations (unit_prefixes.tsv) without its first letter (either case) when three or more letters remain
    ('uyện', 'hành phố', 'TP'), without those that hold another. A text with none of them is not scanned (most
    sentences): a few substring tests cost a third of the scan."""
    forms = {f for u in unit_prefixes() if u.of in ("district", "both") for f in u.forms()}
    keys = {f[1:] if len(f) > 3 else f for f in forms}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def find_districts(text: str) -> list[PlaceMatch]:
    """District mentions introduced by a kind word or committee (``huyện Lương Sơn``)."""
    if not any(k in text for k in _district_keys()):
        return []
    pat, by_name = _district_regex()
    out = []
    for m in leftmost(pat, text):
        kind = _kind_of().get(m.group("kind").lower())
        cands = by_name.get((kind, m.group("name")), [])
        if kind == "thành phố" and m.group("name") in provinces():
            continue  # a centrally-run city (Hà Nội, Đà Nẵng …) is a province
        if len(cands) != 1:
            continue  # unknown, or the same name in several provinces: not resolvable alone
        province, kind, name = cands[0]
        out.append(PlaceMatch(m.start(), m.end("whole"), Place(name, "district", province, kind), True))
    return out


def province_of(name: str) -> Place | None:
    p = provinces().get(name)
    return Place(p.name) if p else None


@cache
def _bare_district_regex() -> tuple[re.Pattern, dict[str, list[District]]]:
    by_name: dict[str, list] = {}
    for d in districts():
        by_name.setdefault(d.name, []).append(d)
    return re.compile(rf"^(?P<name>{alternation(by_name)})(?![{_L}])"), by_name


def bare_district(text: str) -> PlaceMatch | None:
    """A district name with no kind word at the start of ``text``, when only one district has it."""
    pat, by_name = _bare_district_regex()
    m = pat.match(text)
    if not m or len(by_name[m.group("name")]) != 1:
        return None
    d = by_name[m.group("name")][0]
    return PlaceMatch(0, m.end(), Place(d.name, "district", d.province, d.kind), False)


@cache
def _name_front() -> re.Pattern:
    """An honorific and a family name, then up to two capitalised words, ending where a province name starts."""
    from graphkit.gazetteer import honorifics, surnames
    from graphkit.nlp.patterns import UPPER, alternation

    words = alternation([w for w, kind in honorifics() if kind == "address"], ignore_case=True)
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:{alternation(surnames())})(?:\s+[{UPPER}][a-zà-ỹđ]+){{0,2}}\s+$")


def outside_names(text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """``matches`` without the province names that end a person's name ('ông Nguyễn Gia Thái Bình, Phó Chủ
    tịch …': a given name, not the province).

    >>> t = "ông Nguyễn Gia Thái Bình, Phó Chủ tịch UBND quận Bình Tân, và tỉnh Thái Bình"
    >>> [(m.start, m.place.name) for m in outside_names(t, find_provinces(t))]
    [(62, 'Thái Bình')]
    """
    rx = _name_front()
    return [m for m in matches if m.typed or not rx.search(text, max(0, m.start - 40), m.start)]
