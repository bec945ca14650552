"""Numbered Party and State documents: codes, short references, type, issuer, date, term.

Party codes read ``NUMBER-TYPE/ISSUER`` (``18-NQ/TW``, ``06-KL/BTCTW``, ``439-QĐNS/TW``); State codes
``NUMBER/[YEAR/]TYPE-ISSUER`` (``05/CT-TTg``, ``01/2017/NĐ-CP``). A short reference (``Chỉ thị 35 của
Bộ Chính trị``) is completed as the document system writes it (``35-CT/TW``) when its issuer is a
central Party body, or when the article gives the full code elsewhere. The tables of types and
issuers are in ``data/directive_types.tsv`` and ``data/directive_issuers.tsv``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import cache

from graphkit.extract.facts import Directive, Evidence
from graphkit.gazetteer import directive_issuers, directive_types, party_terms
from graphkit.nlp.normalize import expand_abbreviations
from graphkit.nlp.patterns import LETTERS, alternation, lead

_L = LETTERS
TYPE_WORDS = {
    "nghị quyết": "NQ", "kết luận": "KL", "chỉ thị": "CT", "quy định": "QĐ", "quyết định": "QĐ",
    "kế hoạch": "KH", "hướng dẫn": "HD", "thông báo": "TB", "nghị định": "NĐ", "thông tư": "TT",
    "đề án": "ĐA", "chương trình": "CTr", "quy chế": "QC", "công văn": "CV", "công điện": "CĐ",
    "văn bản": "CV",
}
_TYPE_WORDS = ["Nghị quyết", "Kết luận", "Chỉ thị", "Quy định", "Quyết định", "Kế hoạch", "Hướng dẫn", "Thông báo",
               "Nghị định", "Thông tư", "Đề án", "Chương trình", "Quy chế", "Công văn", "Công điện", "Văn bản"]
# the type word as written, its first letter in either case ('chỉ thị 09 năm 2013 của UBND tỉnh')
_TYPE_SPELLINGS = _TYPE_WORDS + [w[0].lower() + w[1:] for w in _TYPE_WORDS]
_TYPE_WORD = rf"(?P<tword>{alternation(_TYPE_SPELLINGS)})"  # a trie: one branch per first letter
_TYPE_FIRSTS = _TYPE_SPELLINGS
_TYPE_LEAD = lead(_TYPE_SPELLINGS)  # the engine skips positions that open no type word at once
# a code starts with its type word or its number: the engine skips other positions at once (~4x faster)
_CODE_LEAD = lead(_TYPE_FIRSTS, "0123456789")

# 18-NQ/TW, 18 - NQ/TW, 06-KL/BTCTW, 01-QĐ/TU, 18-NQ/T.Ư
_PARTY = re.compile(
    rf"{_CODE_LEAD}(?:{_TYPE_WORD}\s+(?:số\s+)?)?(?<![\d/])(?P<num>\d{{1,4}})\s?[-–]\s?(?P<type>[A-ZĐ][A-Za-zĐđ]{{0,4}})\s?/\s?(?P<iss>T\.Ư|[A-ZĐƯ][A-ZĐƯa-zđư]{{0,7}})(?![{_L}\d])"
)
# 05/CT-TTg, 01/NQ-CP, 01/2017/NĐ-CP, 19-2017/NQ-CP (the year after a dash), 36a/NQ-CP (a lettered
# number); a letter coded by its issuer and unit (1496/UBND-QLĐT, 2103/TTg-ĐMDN); laws and resolutions of
# the National Assembly (62/2014/QH13, 36/2017/QH14)
_STATE = re.compile(
    rf"{_CODE_LEAD}(?:{_TYPE_WORD}\s+(?:số\s+)?)?(?<![\d/])(?<!\d[-–])(?P<num>\d{{1,4}}[a-zA-Z]?)(?:(?P<ysep>[/-])(?P<year>(?:19|20)\d\d))?/"
    rf"(?:(?P<type>[A-ZĐ][A-Za-zĐđ]{{0,6}})\s?[-–]\s?(?P<iss>[A-ZĐ][A-Za-zĐđ]{{0,9}}\d{{0,2}})|(?(year)(?P<law>QH\d{{1,2}})|(?!)))(?![{_L}\d])"
)
# the core of either code: most texts have none, and this test is much cheaper than the two above
_ANY_CODE = re.compile(r"\d(?:\s?[-–]\s?[A-ZĐ][A-Za-zĐđ]{0,4}\s?/|[a-zA-Z]?/(?:(?:19|20)\d\d/)?[A-ZĐ][A-Za-zĐđ]{0,6}\s?[-–]|/QH\d)")


def _may_have_code(text: str) -> bool:
    """Whether ``_ANY_CODE`` matches in ``text``, looked for around its slashes only: every match holds
    one: its last slash is at most 10 characters after the match's start (``9 - ABCDE /``), and at most
    10 before its end (``1/ABCDEFG –``, ``1/2017/ABCDEFG –``). Slashes are rarer than digits: 2 µs a story
    instead of 16."""
    i = text.find("/")
    while i >= 0:
        if _ANY_CODE.search(text, max(0, i - 10), i + 10):
            return True
        i = text.find("/", i + 1)
    return False


_NUM = r"(?!(?:19|20)\d\d(?!\d))\d{1,4}"  # a document's number, not a year ('Kế hoạch 2017 của …')
# Chỉ thị 35, Nghị quyết số 26 (not followed by a code); 'chỉ thị 09 năm 2013' (the year in words; not
# 'kế hoạch 5 năm 2016-2020', a five-year plan)
_SHORT = re.compile(
    rf"{_TYPE_LEAD}{_TYPE_WORD}\s+(?:số\s+)?(?P<num>{_NUM})(?!\d)(?![\d/\-–,.]\d|\s?[-–/]\s?[A-ZĐ]|[{_L}])"
    rf"(?:\s+năm\s+(?P<year>(?:19|20)\d\d)(?![\d\-–]))?")
# more numbers of the same type after the first: 'Quyết định 935, 936', 'Nghị quyết 18 và 19'
_SHORT_MORE = re.compile(rf"(?:\s*,\s*|\s+và\s+)(?:số\s+)?(?P<num>{_NUM})(?!\d)(?![\d/\-–,.]\d|\s?[-–/]\s?[A-ZĐ]|[{_L}]|\s+(?:năm|tháng|ngày)(?!\s+(?:19|20)\d\d))")
# Chỉ thị 11/2016, Văn bản 2103/2009: a number and the year it was issued, without the type's code
_NUM_YEAR = re.compile(
    rf"{_TYPE_LEAD}{_TYPE_WORD}\s+(?:số\s+)?(?<![\d/])(?P<num>{_NUM})(?!\d)/(?P<year>(?:19|20)\d\d)(?![\d/\-–]|\s?[-–/]\s?[A-ZĐ])")
_TYPE_LOWER = sorted({w.lower() for w in _TYPE_WORDS})
_AFTER_TYPE = re.compile(r"\s+(?:số\s+)?\d")


def _type_word_starts(text: str) -> list[int] | None:
    """Where ``text`` has a type word (in either case) followed by a number, in order: where the patterns of
    references are tried (:func:`_references`); found once for all of them by ``str.find`` in the lower-cased
    text (the type words' first letters, in either case, open a quarter of all words, and a regex scan for them
    cost ten times more). None when lower-casing changes the text's length: then the patterns scan it all."""
    low = text.lower()
    if len(low) != len(text):
        return None
    starts = []
    for w in _TYPE_LOWER:
        i = low.find(w)
        while i >= 0:
            if _AFTER_TYPE.match(text, i + len(w)):
                starts.append(i)
            i = low.find(w, i + len(w))
    return sorted(starts)


def _references(pat: re.Pattern, text: str, starts: list[int] | None):
    """The matches of ``pat`` (a type word and its number) in ``text``, tried only at ``starts``
    (:func:`_type_word_starts`)."""
    if starts is None:
        yield from pat.finditer(text)
        return
    last = 0
    for i in starts:
        if i >= last and (m := pat.match(text, i)) is not None:
            last = m.end()
            yield m


_NO_YEAR_SHORT = {"KH", "CTr", "ĐA"}  # 'kế hoạch 5 năm 2016' is a five-year plan
_DATE = re.compile(r"^\s*,?\s*(?:ban hành\s+)?(?:ngày|ngay)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_NAME_END = re.compile(r"[,;:()“\"]|\s(?:về|trong|tại|để|và|là|đã|đang|sẽ|được|thì|nhằm|với|cho)\s")  # where an issuer's name ends
_TERM = re.compile(r"\b[Kk]h(?:óa|oá)\s+(?P<term>[IVXL]{1,6})\b")


@dataclass(frozen=True)
class _Issuer:
    pattern: re.Pattern
    name: str  # the table's pattern of the name alone
    body: str | None
    system: str
    code: str | None
    short_types: frozenset[str] | None
    year_only: bool = False  # completed only when the year is written (a ministry's circulars: 15/2015/TT-BTP)


@cache
def _issuer_names() -> tuple[_Issuer, ...]:
    """``data/directive_issuer_names.tsv``: how a text names an issuer after a reference."""
    from graphkit.gazetteer import load_table

    rows = load_table("directive_issuer_names.tsv", ("pattern", "body", "system", "code", "short_types", "year_only"))
    # (the look-ahead outside the case-blind part: _L holds both cases, and a class of letter ranges compiled
    # case-blind costs ~2 ms a row)
    return tuple(_Issuer(re.compile(rf"(?i:^(?:của\s+)?(?:{r['pattern']}))(?![{_L}])"), r["pattern"],
                         r["body"] or None,
                         r["system"], r["code"] or None,
                         frozenset(r["short_types"].split()) if r["short_types"] else None,
                         r["year_only"] == "yes") for r in rows)


@dataclass(frozen=True)
class DirectiveMatch:
    start: int
    end: int
    directive: Directive


@cache
def _issuer_spellings() -> dict[str, str]:
    """upper-cased issuer code → its spelling in the table (58/2016/QĐ-Ttg is 58/2016/QĐ-TTg)."""
    return {c.upper(): c for c in directive_issuers()}


def _norm_issuer(code: str) -> str:
    code = code.replace("T.Ư", "TW").replace("TƯ", "TW")
    return _issuer_spellings().get(code.upper(), code)


def term_on(day: _dt.date | None) -> str | None:
    """The Party term in force on a date.

    >>> term_on(_dt.date(2017, 10, 25))
    'XII'
    """
    if day is None:
        return None
    current = None
    for term, start in party_terms():
        if day >= start:
            current = term
    return current


_YEAR_AFTER = re.compile(r"\s+(?:ban hành\s+)?(?:vào\s+|từ\s+)?năm\s+(?P<year>(?:19|20)\d\d)(?![\d/\-–])")


def _context(text: str, end: int) -> tuple[_dt.date | None, _Issuer | None, str | None, int, str | None]:
    """Date, issuer and term stated right after a code; how far the statement reaches; the year written right
    after the issuer's name ('Nghị định 210 của Chính phủ năm 2013')."""
    window = text[end:end + 160]
    stop = re.search(r"[;.!?]\s|\n|[;]", window)
    window = window[: stop.start()] if stop else window
    nxt = re.search(rf"{_TYPE_WORD}|\d+\s?[-–/]\s?[A-ZĐ]", window)
    if nxt:
        window = window[: nxt.start()]
    issued = None
    m = _DATE.match(window)
    rest = window
    if m:
        try:
            issued = _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            issued = None
        rest = window[m.end():]
    stripped = rest.lstrip(" ,")
    exp = expand_abbreviations(stripped) if rest.strip() else ""
    issuer, reach = None, end + len(window) - len(rest)  # the date, if any
    year = None
    if exp:
        after_comma = rest.lstrip(" ").startswith(",")
        for row in _issuer_names():
            if row.year_only and after_comma:
                continue  # 'Theo Thông tư 20/2011, Bộ Công Thương yêu cầu': the subject of the next clause
            if (im := row.pattern.match(exp)) is not None:
                issuer = row
                # the issuer's name and the place after it ('của UBND tỉnh Bắc Giang'), up to a comma or 'về'
                tail = _NAME_END.search(exp, im.end())
                named = tail.start() if tail else len(exp)
                same = exp == stripped.rstrip()  # already expanded (only trailing space differs): offsets hold
                reach = end + len(window) - len(stripped) + named if same else end + len(window)
                if (y := _YEAR_AFTER.match(exp, im.end())) is not None:
                    year = y.group("year")
                break
    term = None
    t = _TERM.search(window)
    if t and (issuer or t.start() < 40):
        term = t.group("term")
    return issued, issuer, term, reach, year


def _make(num: str, type_code: str, issuer_code: str, system: str, *, year=None, type_word=None,
          issuer=None, issued=None, term=None, code=None) -> Directive | None:
    types = directive_types()
    if type_code not in types:
        return None
    doc_type = types[type_code][1] if system == "party" else types[type_code][0]
    if type_word:
        doc_type = type_word[0].upper() + type_word[1:].lower()
    issuers = directive_issuers()
    if issuer is None and issuer_code in issuers and issuer_code not in ("TW", "UBND", "HĐND", "TU"):
        issuer = issuers[issuer_code][1]
    if code is not None:
        pass
    elif system == "party":
        code = f"{num}-{type_code}/{issuer_code}"
    else:
        code = f"{num}/{year}/{type_code}-{issuer_code}" if year else f"{num}/{type_code}-{issuer_code}"
    if system == "party" and term is None and issued is not None and issuer_code == "TW":
        term = term_on(issued)
    if system == "state" and year is None and issued is not None:
        year = issued.year
    return Directive(code=code, doc_type=doc_type, number=num, type_code=type_code, issuer_code=issuer_code,
                     system=system, issuer=issuer, issued_on=issued, term=term,
                     year=int(year) if year else None)


def _sentence_of(text: str, start: int, end: int) -> Evidence:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
    a = 0 if a < 0 else a + 1
    b_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return Evidence(text[a:b].strip(), a, b)


@cache
def _sole_issuers() -> dict[str, _Issuer]:
    """type code → the issuer of every document of that type (``sole_issuer`` in ``directive_types.tsv``)."""
    from graphkit.gazetteer import load_table

    by_code = {row.code: row for row in _issuer_names() if row.code}
    return {r["code"]: by_code[r["sole_issuer"]]
            for r in load_table("directive_types.tsv", ("code", "sole_issuer")) if r["sole_issuer"]}


_CLAUSE_MARK = re.compile(r"[,;:.!?()“”\"\n–]")
_LIST_JOIN = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")  # between two references of one list
_NAMED_AFTER = re.compile(r"\s*,?\s*(?:của|do|bởi)\s", re.IGNORECASE)  # another issuer named after the document


@cache
def _subject_words() -> dict[str, tuple[str, ...]]:
    """``data/directive_subject_words.tsv`` by kind (opener, aux, verb); the verbs with ``data/issuing_verbs.txt``."""
    from graphkit.gazetteer import load_list, load_table

    words: dict[str, list[str]] = {"opener": [], "aux": [], "verb": load_list("issuing_verbs.txt")}
    for r in load_table("directive_subject_words.tsv", ("kind", "word")):
        words[r["kind"]].append(r["word"])
    return {k: tuple(v) for k, v in words.items()}


@cache
def _subject_pattern() -> re.Pattern:
    """An issuer written as the subject of the verb that issues the document right after it, at the end of the
    (abbreviation-expanded) clause before the document: the issuer opens the clause or follows an opener word
    ('Từ khi Chính phủ ban hành'), then its place, a person's name or a term ('UBND tỉnh Thái Nguyên', 'Thủ
    tướng Nguyễn Xuân Phúc', 'Bộ Chính trị khóa XI'), auxiliaries ('đã', 'vừa') and the verb
    (:func:`_subject_words`)."""
    from graphkit.gazetteer import commune_kinds, unit_kinds
    from graphkit.nlp.patterns import UPPER

    words = _subject_words()
    kinds = alternation([*unit_kinds(), *commune_kinds()])
    names = "|".join(f"(?P<i{k}>{row.name})" for k, row in enumerate(_issuer_names()) if row.code)
    return re.compile(
        rf"(?:^\s*|(?<![{_L}])(?i:{alternation(words['opener'], ignore_case=True)})\s+)(?i:{names})(?![{_L}])"
        rf"(?:\s+(?i:{kinds}))?(?:\s+[{UPPER}][{_L}.&]*){{0,5}}"
        rf"(?:\s+kh[óo]a\s+[IVXL]{{1,6}})?(?:\s+(?:{alternation(words['aux'])})){{0,3}}"
        rf"\s+(?:{alternation(words['verb'])})\s+$")


@cache
def _subject_verb_ends() -> frozenset[str]:
    """The last words of the verbs of :func:`_subject_pattern`."""
    return frozenset(v.split()[-1].lower() for v in _subject_words()["verb"])


def _subject_issuer(text: str, start: int) -> _Issuer | None:
    """The issuer written as the subject of the verb that issues the document at ``start`` ('Thủ tướng đã ký
    Chỉ thị số 20'), in the same clause; None when there is none."""
    a = max(0, start - 160)
    before = text[a:start]
    last = before[-12:].rsplit(None, 1)
    if not last or last[-1].lower() not in _subject_verb_ends():
        return None  # (most references follow no issuing verb: a string test, not the pattern)
    cut = None
    for cut in _CLAUSE_MARK.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    elif a > 0:
        return None  # the clause starts farther back than the window
    m = _subject_pattern().search(expand_abbreviations(before) + " ")
    if m is None:
        return None
    return next(_issuer_names()[int(k[1:])] for k, v in m.groupdict().items() if v is not None)


_JOINT_TYPES = frozenset({"TTLT", "NQLT"})  # joint documents (directive_types.tsv): coded with every issuer
# '-BTC', '-BCA-BQP-BYT', '-CP-ĐCTUBTWMTTQVN'; a space after the dash only before a code in capitals ('-BQP- VKSNDTC')
_MORE_ISSUERS = re.compile(rf"(?:[-–](?:[A-ZĐ][A-Za-zĐđ&]{{0,15}}|\s[A-ZĐ][A-ZĐ&]{{1,15}}))+(?![{_L}\d])")
# a unit of the issuer written after it ('-TTr', '-NC', '-BVTV', '-HĐTV', '-PV11'): capitals, at most one small
# letter, a number of at most two digits at the end, no space
_UNIT = re.compile(rf"[-–][A-ZĐ][A-ZĐ&]{{0,11}}(?:[a-zđ][A-ZĐ&]{{0,10}})?\d{{0,2}}(?![{_L}\d\-–/])")
_CAPITALS = re.compile(r"[A-ZĐ]{2,10}")  # an issuer's code in capitals (SXD: Sở Xây dựng; HĐXD)


def _state_code(m: re.Match, issued, issuer, term) -> Directive | None:
    """A State code as matched by ``_STATE``: a document, a letter (1496/UBND-QLĐT) or a law (62/2014/QH13)."""
    num, year, tword = m.group("num"), m.group("year"), m.group("tword")
    body = issuer.body if issuer else None
    if m.group("law"):  # 62/2014/QH13: a law unless the text calls it a resolution
        iss = m.group("law")
        type_code = TYPE_WORDS.get((tword or "").lower()) if tword else None
        type_code = type_code if type_code in ("NQ",) else "L"
        return _make(num, type_code, iss, "state", year=year, type_word=tword, issuer=body or "Quốc hội",
                     issued=issued, term=term, code=m.group(0)[m.start("num") - m.start():])
    type_code, issuer_code = m.group("type"), _norm_issuer(m.group("iss"))
    year_part = f"{m.group('ysep')}{year}" if year else ""
    if type_code in _JOINT_TYPES and (more := _MORE_ISSUERS.match(m.string, m.end())) is not None:
        issuer_code += "".join(more.group(0).split())  # a joint document: every issuer (04/2012/TTLT-BYT-BTC)
        unit = ""
    else:
        # the issuing unit after the issuer belongs to the code (5278/KL-BNN-TTr, 4446/QĐ-UBND-NC), not to its issuer
        unit = u.group(0) if (u := _UNIT.match(m.string, m.end())) is not None else ""
    if type_code not in directive_types():
        # a letter: NUMBER/ISSUER-UNIT (1496/UBND-QLĐT, 2103/TTg-ĐMDN), its first part an issuer's code
        lead_code = _norm_issuer(type_code)
        letter = tword is not None and TYPE_WORDS[tword.lower()] == "CV"
        if directive_issuers().get(lead_code, ("",))[0] != "state" and not (letter and _CAPITALS.fullmatch(lead_code)):
            return None  # (an issuer not in the table: only when the text calls it a letter, 'Công văn số 3322/SXD-TTS')
        return _make(num, "CV", f"{lead_code}-{m.group('iss')}", "state", year=year,
                     type_word=tword if tword and TYPE_WORDS[tword.lower()] == "CV" else "Công văn",
                     issuer=body, issued=issued, term=term, code=f"{num}{year_part}/{lead_code}-{m.group('iss')}")
    if directive_issuers().get(issuer_code, ("",))[0] == "party" and not year:
        # a Party code written the State way (68/QĐ-TW): one document, coded as the Party codes it
        return _make(num, type_code, issuer_code, "party", type_word=tword, issuer=body, issued=issued, term=term)
    return _make(num, type_code, issuer_code, "state", year=year, type_word=tword, issuer=body, issued=issued,
                 term=term, code=f"{num}{year_part}/{type_code}-{issuer_code}{unit}")


def _completed(type_code: str, num: str, tword: str, issuer: _Issuer | None, issued, term, *,
               year=None) -> Directive | None:
    """A short reference (or a number/year one) completed from the issuer named after it, or None."""
    if issuer is None or issuer.code is None or (issuer.year_only and not year):
        return None
    sole = _sole_issuers().get(type_code)
    if issuer.short_types is not None and type_code not in issuer.short_types and not (year and sole is issuer):
        return None
    if issuer.system == "party":
        return _make(num, type_code, issuer.code, "party", type_word=tword, issuer=issuer.body, issued=issued,
                     term=term)
    code = f"{num}/{year}/{type_code}-{issuer.code}" if year else None
    return _make(num, type_code, issuer.code, "state", type_word=tword, issuer=issuer.body, issued=issued,
                 term=term, year=year, code=code)


@dataclass(frozen=True)
class _WellKnown:
    directive: Directive
    issuer: str
    issued: _dt.date
    subject: re.Pattern


@cache
def _well_known_table() -> dict[tuple[str, str], tuple[_WellKnown, ...]]:
    """``data/well_known_directives.tsv`` by (type word in lower case, number without leading zeros); each row's
    document as its code, written after its type word, reads."""
    from graphkit.gazetteer import load_table

    out: dict[tuple[str, str], list[_WellKnown]] = {}
    for r in load_table("well_known_directives.tsv", ("type", "number", "code", "issuer", "issued", "subject")):
        written = f"{r['type']} {r['code']}"
        if (m := _PARTY.fullmatch(written)) is not None:
            d = _make(m.group("num"), m.group("type"), _norm_issuer(m.group("iss")), "party", type_word=m.group("tword"))
        else:
            d = _state_code(_STATE.fullmatch(written), None, None, None)
        out.setdefault((r["type"].lower(), r["number"]), []).append(
            _WellKnown(d, r["issuer"], _dt.date.fromisoformat(r["issued"]), re.compile(r["subject"], re.IGNORECASE)))
    return {k: tuple(v) for k, v in out.items()}


def _well_known(text: str, tword: str, num: str, issuer: _Issuer | None, year: str | None,
                article_date: _dt.date | None) -> Directive | None:
    """The well-known document (``data/well_known_directives.tsv``) a short reference with no certain code stands
    for: of its type and number, not named as another issuer's, not signed after the article or in another year
    than written, and the only one of them whose subject the article holds ('Nghị định 67' in a story about
    fishing boats is 67/2014/NĐ-CP)."""
    rows = _well_known_table().get((tword.lower(), num.lstrip("0")))
    if not rows:
        return None
    fit = [r for r in rows if (issuer is None or issuer.code == r.issuer
                               or issuer.code is None and issuer.body is not None and issuer.body == r.directive.issuer)
           and (article_date is None or article_date >= r.issued)
           and (year is None or int(year) == r.issued.year)
           and r.subject.search(text)]
    return fit[0].directive if len(fit) == 1 else None


def find_directives(text: str, *, article_date: _dt.date | None = None,
                    known: list[Directive] | tuple[Directive, ...] = ()) -> list[DirectiveMatch]:
    """Every numbered document the text refers to, full codes and completed short references.

    ``known``: documents already read elsewhere in the article; a short reference to one of them (same
    type and number) is that document.
    """
    found: list[DirectiveMatch] = []
    taken: list[tuple[int, int]] = []
    starts = _type_word_starts(text)  # (once for both patterns of references below)

    def add(start: int, end: int, d: Directive, surface: str) -> None:
        d = replace(d, evidence=_sentence_of(text, start, end), surface=surface)
        found.append(DirectiveMatch(start, end, d))
        taken.append((start, end))

    coded = ((_PARTY, "party"), (_STATE, "state")) if _may_have_code(text) else ()
    for pat, system in coded:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            issued, issuer, term, *_ = _context(text, m.end())
            if system == "party":
                type_code = m.group("type")
                issuer_code = _norm_issuer(m.group("iss"))
                if issuer_code not in directive_issuers() and not re.fullmatch(r"[A-ZĐ]{2,7}", issuer_code):
                    continue
                d = _make(m.group("num"), type_code, issuer_code, system, type_word=m.group("tword"),
                          issuer=issuer.body if issuer else None, issued=issued, term=term)
            else:
                d = _state_code(m, issued, issuer, term)
            if d is not None:
                add(m.start(), m.end(), d, m.group(0))
    full_by_short: dict[tuple[str, str], Directive] = {}

    def learn(d: Directive) -> None:
        full_by_short.setdefault((d.type_code if d.type_code != "QĐNS" else "QĐ", d.number.lstrip("0")), d)

    for d in (*known, *(x.directive for x in found)):
        learn(d)
    # Chỉ thị 11/2016 (của Thủ tướng): a document read elsewhere, else completed from its issuer, else kept
    # as written
    if "/" in text:
        for m in _references(_NUM_YEAR, text, starts):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            type_code = TYPE_WORDS[m.group("tword").lower()]
            num, year = m.group("num"), m.group("year")
            issued, issuer, term, *_ = _context(text, m.end())
            subject = None
            if issuer is None and not _NAMED_AFTER.match(text, m.end()):
                subject = _subject_issuer(text, m.start())  # 'Thủ tướng đã ký Quyết định 58/2016'
            issuer = issuer or _sole_issuers().get(type_code)
            d = full_by_short.get((type_code, num.lstrip("0")))
            if d is not None and d.year not in (None, int(year)):
                d = None
            if d is None and type_code != "CV" and subject is not None:
                d = _completed(type_code, num, m.group("tword"), subject, issued, term, year=year)
            if d is None and type_code != "CV":
                d = _completed(type_code, num, m.group("tword"), issuer, issued, term, year=year)
            if d is None:
                tword = m.group("tword")
                d = Directive(code=f"{num}/{year}", doc_type=tword[0].upper() + tword[1:].lower(), number=num,
                              type_code=type_code, issuer_code=issuer.code if issuer and issuer.code else "",
                              system=issuer.system if issuer else "state", issuer=issuer.body if issuer else None,
                              issued_on=issued, term=term, year=int(year))
            add(m.start(), m.end(), d, m.group(0))
            learn(d)
    # short references, and the numbers listed after them ('Quyết định 935, 936 của …'): completed from the
    # issuer named after the last, else from a document of the same type and number read elsewhere
    pending: list[tuple[int, int, str, str, str, str | None]] = []  # start, end, type, number, surface, year
    resolved: list[tuple[int, int, Directive, str]] = []
    entries = []  # a short reference with the numbers listed after it, and what its context says
    for m in _references(_SHORT, text, starts):
        if any(a <= m.start() < b for a, b in taken):
            continue
        type_code = TYPE_WORDS[m.group("tword").lower()]
        year = m.group("year")
        if year and type_code in _NO_YEAR_SHORT:
            continue
        refs = [(m.start(), m.end(), m.group("num"), m.group(0))]
        pos = m.end()
        while (more := _SHORT_MORE.match(text, pos)) is not None:
            refs.append((more.start("num"), more.end(), more.group("num"), more.group("num")))
            pos = more.end()
        issued, issuer, term, _, year_after = _context(text, pos)
        if len(refs) == 1:
            year = year or year_after  # 'Nghị định 210 của Chính phủ năm 2013'
        named_after = issuer is not None or _NAMED_AFTER.match(text, pos) is not None
        entries.append([m, type_code, year, refs, pos, issued, issuer, term, named_after])
    # references listed one after another ('Nghị quyết 19 và Nghị quyết 35 của Chính phủ'): the issuer named
    # after the last is every one's; the issuer written as the subject before the first, too
    listed = [i + 1 < len(entries) and _LIST_JOIN.fullmatch(text, e[4], entries[i + 1][0].start()) is not None
              for i, e in enumerate(entries)]
    for i in range(len(entries) - 2, -1, -1):
        if listed[i] and not entries[i][8]:
            entries[i][6], entries[i][8] = entries[i + 1][6], entries[i + 1][8]
    for i, e in enumerate(entries):
        if not e[8]:
            if i > 0 and listed[i - 1]:
                e[6] = entries[i - 1][6]
            else:
                e[6] = _subject_issuer(text, e[0].start())  # 'Thủ tướng đã ký Chỉ thị số 20'
    for m, type_code, year, refs, pos, issued, issuer, term, named_after in entries:
        # a type whose only issuer codes it with the year ('Nghị định 105 năm 2014' is 105/2014/NĐ-CP)
        sole = _sole_issuers().get(type_code)
        code_year = year if sole is not None and len(refs) == 1 else None
        if code_year and issuer is None and not named_after:
            issuer = sole
        for start, end, num, surface in refs:
            known_d = full_by_short.get((type_code, num.lstrip("0")))
            if known_d is not None and year and known_d.year not in (None, int(year)):
                known_d = None  # another year: another document
            d = known_d or _completed(type_code, num, m.group("tword"), issuer, issued, term, year=code_year)
            if d is not None and year and d.year is None and d.system == "state":
                d = replace(d, year=int(year))
            if d is not None:
                resolved.append((start, end, d, surface))
                learn(d)
            else:
                pending.append((start, end, type_code, num, surface, year, m.group("tword"), issuer, named_after))
    for start, end, d, surface in resolved:
        add(start, end, d, surface)
    for start, end, type_code, num, surface, year, tword, issuer, named_after in pending:
        d = full_by_short.get((type_code, num.lstrip("0")))
        if d is None and (issuer is not None or not named_after):
            # a document so often cited by its number alone that the article's subject tells which it is
            d = _well_known(text, tword, num, issuer, year, article_date)
            if d is not None:
                learn(d)
        if d is not None:
            add(start, end, d, surface)
    found.sort(key=lambda x: x.start)
    return found


def merge_mentions(matches: list[DirectiveMatch]) -> list[Directive]:
    """One Directive per document (same code): the most informative mention, with gaps filled."""
    by_key: dict[tuple, Directive] = {}
    for m in matches:
        d = m.directive
        k = d.key
        if k not in by_key:
            by_key[k] = d
            continue
        old = by_key[k]
        by_key[k] = replace(old, issuer=old.issuer or d.issuer, issued_on=old.issued_on or d.issued_on,
                            term=old.term or d.term, year=old.year or d.year)
    return list(by_key.values())
