"""Post changes: the sentences that say a post starts or ends (``data/post_changes.tsv``).

Two readings, sentence by sentence:

* a cue followed by the words that introduce a post (``giữ chức``, ``làm``) gives that post to the person
  named last before those words: ``Thủ tướng … bổ nhiệm ông Lê Quang Hùng giữ chức Thứ trưởng Bộ Giao
  thông vận tải`` (a start), ``cho ông Nguyễn Văn Đọc thôi giữ chức Bí thư Tỉnh ủy Bạc Liêu`` (an end:
  the end cue introduces the post itself);
* an end cue without a post after it ends the posts written next to the person it names: the person
  right after it (``cách chức ông Lương Duy Hanh - Cục trưởng …``), else the person named last before
  it (``ông Trần Văn Minh, Chủ tịch UBND tỉnh Quảng Nam đã nghỉ hưu``).

The date of the change is the first date written in the sentence (``ngày 9-9-2016``, ``từ ngày 1/7``, the
year from the article when not written; not a birth date, ``sinh ngày …``), else the article's: personnel
news reports what was just decided.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from graphkit.nlp.patterns import LETTERS, quick_test

_L = LETTERS


@dataclass(frozen=True)
class Change:
    """A cue in a sentence: ``kind`` start or end; ``post_at``: where the post it introduces starts (-1: none)."""

    start: int
    end: int
    kind: str
    post_at: int = -1


@cache
def _cue_table() -> dict[str, tuple[str, ...]]:
    """The cues of post_changes.tsv by kind (start, end, post): regular expressions."""
    from graphkit.gazetteer import load_table

    by_kind: dict[str, list[str]] = {"start": [], "end": [], "post": []}
    for row in load_table("post_changes.tsv", ("change", "cue")):
        if row["change"] not in by_kind:
            from graphkit.errors import DataFileError
            from graphkit.gazetteer import data_path

            raise DataFileError(f"{data_path('post_changes.tsv')}: change must be start, end or post, "
                                f"not {row['change']!r}")
        by_kind[row["change"]].append(row["cue"])
    return {k: tuple(v) for k, v in by_kind.items()}


def _cue_rx(cues) -> str:
    return rf"(?<![{_L}])(?:{'|'.join(cues)})(?![{_L}])"


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The start cues, the end cues and the post-introducing words, as regexes."""
    table = _cue_table()
    return tuple(re.compile(_cue_rx(table[k]), re.IGNORECASE) for k in ("start", "end", "post"))


@cache
def _any_cue() -> tuple[re.Pattern, bool]:
    """A start or end cue, for a yes/no search, and whether it is to be searched in the lower-cased text.

    The cues are lower-case words: searched case-sensitively in the lower-cased sentence, with the class of their first
    letters first (:func:`~graphkit.nlp.patterns.quick_test`: the engine skips to those letters in C, which it does not
    do under ``re.IGNORECASE``), the test takes ~45% less time (0.144 -> 0.080 s on the sentences of 4,000 corpus articles
    that name a person; the same answers). A cue with an escape such as ``\\S`` (which lower-casing would change) or
    an alternative that does not start with a letter is searched case-insensitively instead."""
    table = _cue_table()
    cues = table["start"] + table["end"]
    alternatives = [a for c in cues for a in c.split("|")]
    if all(a[:1].isalpha() for a in alternatives) and not re.search(r"\\[A-Z]", "".join(cues)):
        return quick_test(_cue_rx([c.lower() for c in cues]), [a.lower() for a in alternatives]), True
    return re.compile(_cue_rx(cues), re.IGNORECASE), False


def may_change(sentence: str) -> bool:
    """A cheap test: False when ``sentence`` has no start or end cue."""
    rx, lowered = _any_cue()
    return rx.search(sentence.lower() if lowered else sentence) is not None


def find_changes(sentence: str) -> list[Change]:
    """The cues of ``sentence``, in order. An end cue introduces a post when a role follows it (after
    ``chức``/``chức vụ``); a start cue introduces the post written after the next ``giữ chức``/``làm``
    (before any other cue)."""
    from graphkit.extract.posts import mentions_role

    start_rx, end_rx, post_rx = _cues()
    cues = sorted([(m.start(), m.end(), "start") for m in start_rx.finditer(sentence)]
                  + [(m.start(), m.end(), "end") for m in end_rx.finditer(sentence)])
    out = []
    for i, (a, b, kind) in enumerate(cues):
        limit = cues[i + 1][0] if i + 1 < len(cues) else len(sentence)
        post_at = -1
        if kind == "end":
            rest = re.match(r"\s*(?:(?:các\s+)?chức(?:\s+vụ)?\s+)?", sentence[b:])
            at = b + rest.end()
            if mentions_role(sentence[at:at + 40]) and _starts_with_role(sentence[at:]):
                post_at = at
        m = post_rx.search(sentence, b, limit)
        if post_at < 0 and m is not None:
            at = m.end() + len(sentence[m.end():]) - len(sentence[m.end():].lstrip())
            if _starts_with_role(sentence[at:]):
                post_at = at
        out.append(Change(a, b, kind, post_at))
    return out


def _starts_with_role(text: str) -> bool:
    from graphkit.extract.posts import parse_title_list

    posts, _used = parse_title_list(text)
    return bool(posts)


def person_of(change: Change, hits: list, sentence: str):
    """The person ``change`` is about, among ``hits`` (in order, with ``start``/``end`` offsets), or None:

    * the person right after the cue, only forms of address or ranks between ('bổ nhiệm ông X giữ chức …',
      'cách chức ông X - …', 'cho ông X thôi giữ chức …' names X before the end cue, below);
    * else the person right before it, only their own titles and auxiliaries between: 'ông X được bầu giữ
      chức …' (a start needs 'được': in 'bà Y ký quyết định bổ nhiệm làm …' Y appoints), 'ông X, Chủ tịch
      UBND tỉnh Quảng Nam đã nghỉ hưu'; not across a verb of another clause ('ông X cho biết, … cách chức');
    * for an end cue that introduces the post, else the person after it: 'cách chức Cục trưởng … đối với
      ông X'.
    """
    limit = change.post_at if change.post_at >= 0 else len(sentence)
    for h in hits:
        if change.end <= h.start < limit and _address_gap().match(sentence[change.end:h.start]):
            return h
    before = [h for h in hits if h.end <= change.start]
    if before and _own_gap(sentence[before[-1].end:change.start], change.kind):
        return before[-1]
    if change.kind == "end" and change.post_at >= 0:
        for h in hits:
            if h.start >= change.post_at:
                gap = sentence[change.post_at:h.start]
                against = _AGAINST.search(gap)
                return h if against and not _other_clause(gap[:against.start()]) else None
    return None


_AGAINST = re.compile(r"(?<![\w])(?:đối với|với)\s+(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?$", re.IGNORECASE)


@cache
def _aux() -> frozenset[str]:
    """auxiliaries.txt: the auxiliaries between a subject and its verb."""
    from graphkit.gazetteer import load_list

    return frozenset(load_list("auxiliaries.txt"))


@cache
def _own_gap_rx() -> re.Pattern:
    """What opens the text between a name and a cue when it is the person's own: a comma, a dash or a bracket (their
    titles follow), nothing, or an auxiliary (auxiliaries.txt)."""
    from graphkit.nlp.patterns import alternation

    return re.compile(rf"^\s*(?:[,–-]|\(|$)|^\s*(?:{alternation(_aux())})\b")
_PASSIVE_END = re.compile(r"được(?:\s+(?:lại|tiếp tục|chính thức))?(?:\s+\w+(?:\s\w+)?\s*(?:,|và))*\s*$")


@cache
def _address_gap() -> re.Pattern:
    """Forms of address and ranks (honorifics.tsv), or nothing, between a cue and the name after it."""
    from graphkit.gazetteer import honorifics
    from graphkit.nlp.patterns import alternation

    words = alternation({w for w, _kind in honorifics()} | {"lại", "đối với", "các"}, ignore_case=True)
    return re.compile(rf"^\s*(?:(?:{words})\.?[\s,]+)*$", re.IGNORECASE)


def _other_clause(gap: str) -> bool:
    """Whether ``gap`` holds a verb of another clause (predicates.txt, but the auxiliaries)."""
    from graphkit.extract.posts import predicates_in

    for rx in _cues():  # the cues themselves ('thôi giữ chức …') are no other clause's verbs
        gap = rx.sub(" ", gap)
    return any(w.lower() not in _aux() for w in predicates_in(gap))


def _own_gap(gap: str, kind: str) -> bool:
    """Whether the text between a name and a cue after it is the person's own: their titles (set off by a
    comma or dash) and auxiliaries, and for a start cue the passive 'được' ('ông X, …, được điều động, …')."""
    if len(gap) > 160 or _other_clause(gap) or re.search(r"[;:]|\b(?:của|do|bởi)\b", gap):
        return False
    start_rx, end_rx, _post = _cues()
    if gap.strip() and not (_own_gap_rx().match(gap)
                            or start_rx.match(gap.lstrip()) or end_rx.match(gap.lstrip())):
        return False  # (a change of the same person may come first: 'ông X thôi giữ chức … và được điều động …')
    return kind == "end" or _PASSIVE_END.search(gap) is not None


_DAY = re.compile(r"(?<![\w/])(?P<before>\w+\s+)?ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])",
                  re.IGNORECASE)


def change_date(sentence: str, article_date: _dt.date | None) -> _dt.date | None:
    """The date of a change the sentence reports: the first date written in it that is no birth date, the
    year from ``article_date`` when not written; else ``article_date``."""
    for m in _DAY.finditer(sentence):
        if (m.group("before") or "").strip().lower() == "sinh":
            continue
        year = int(m.group("y")) if m.group("y") else (article_date.year if article_date else None)
        if year is None:
            continue
        try:
            return _dt.date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
    return article_date
