"""Bodies named in a text (``Ban Tổ chức Trung ương``, ``Tỉnh ủy Bắc Kạn``, ``Ban Thường vụ Tỉnh ủy``).

Works on abbreviation-expanded text. A local body is returned with its place when the place is
written after it; without one it stands for the article's own province or district.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graphkit.extract.facts import Body
from graphkit.extract.posts import _body_label, _head_rx, _parse_place, parse_post, subsidiary_follows
from graphkit.gazetteer import bodies, load_list
from graphkit.nlp.patterns import LETTERS, UPPER, alternation, lead

_L = LETTERS


@dataclass(frozen=True)
class BodyMatch:
    start: int
    end: int
    body: Body
    implicit_place: bool  # a local body with no place written


@cache
def _rx():
    table = {}
    too_generic = set(load_list("generic_body_names.txt"))
    for b in bodies():
        for v in b.variants:
            if v in too_generic:
                continue
            table[v] = b
    return re.compile(rf"{lead(table)}(?<![{_L}])(?:{alternation(table)})(?![{_L}])"), table


def find_bodies(text: str) -> list[BodyMatch]:
    rx, table = _rx()
    out = []
    for m in rx.finditer(text):
        b = table[m.group(0)]
        if subsidiary_follows(m.group(0), text[m.end():]):
            continue
        if b.level == "central":
            out.append(BodyMatch(m.start(), m.end(), Body(b.canonical, b.canonical, "central"), False))
            continue
        place, _kw, used = _parse_place(text[m.end():], district=b.level == "district")
        level = place.level if place else ("district" if b.level == "district" else "province")
        body = Body(_body_label(b.canonical, b.place, place), b.canonical, level, place)
        out.append(BodyMatch(m.start(), m.end() + used, body, place is None))
    return out


_NATIONAL_END = re.compile(r"\sViệt Nam(?=\s+(?:và|với|cùng)\s)")
_ANY_HEAD = "Giám đốc "
_PROPER = re.compile(rf"\s[{UPPER}]")  # a proper name goes on after the head ('Đoàn công tác' names no body)  # a head's title, put before a body's name to read it as the body of a post


@cache
def _not_actor_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("not_actor_heads.txt"))


@cache
def _any_case_heads() -> re.Pattern:
    _rx, heads = _head_rx()
    return re.compile(rf"(?<![{_L}])(?:{alternation(heads, ignore_case=True)})(?![{_L}])", re.IGNORECASE)


def find_named_bodies(text: str, taken: list[BodyMatch] = ()) -> list[BodyMatch]:
    """Bodies the gazetteer does not list, named by a head noun of ``data/body_heads.tsv`` written with a
    capital (``Sở Y tế``, ``Cục Đường thủy nội địa Việt Nam``, ``Tổng công ty Bưu điện Việt Nam``): each read
    as the body of a head's post is (its name to its end, then its place), outside the spans of ``taken``.

    >>> [(b.body.label, b.body.level) for b in find_named_bodies("Sở Y tế tỉnh Bắc Giang đã có văn bản")]
    [('Sở Y tế tỉnh Bắc Giang', 'province')]
    >>> [b.body.label for b in find_named_bodies("Tổng Công ty Bưu điện Việt Nam và Cục Đường thủy nội địa Việt Nam"
    ...                                          " và Bưu điện Việt Nam ký kết")]
    ['Tổng công ty Bưu điện Việt Nam', 'Cục Đường thủy nội địa Việt Nam']
    """
    out: list[BodyMatch] = []
    end = 0
    for h in _any_case_heads().finditer(text):
        a = h.start()
        if a < end or not text[a].isupper() or (a and text[a - 1].isalnum()) \
                or any(t.start <= a < t.end for t in taken):
            continue
        p, used = parse_post(_ANY_HEAD + text[a:])
        if p is None or p.body is None or p.section is not None or used <= len(_ANY_HEAD):
            continue
        if h.group(0).lower() in _not_actor_heads() or not _PROPER.search(p.body, len(h.group(0))):
            continue
        national = _NATIONAL_END.search(text, a, a + used - len(_ANY_HEAD))
        if national:  # 'Cục Đường thủy nội địa Việt Nam và …': a national name ends at 'Việt Nam'
            p, used = parse_post(_ANY_HEAD + text[a:national.end()])
            if p is None or p.body is None:
                continue
        place = p.place
        level = "central" if p.level == "central" else (place.level if place is not None else "province")
        form = p.place_form if place is not None else "none"
        body = Body(_body_label(p.body, form, place), p.body, level, place)
        end = a + used - len(_ANY_HEAD)
        out.append(BodyMatch(a, end, body, place is None and level != "central"))
    return out

