"""Bodies named in a text (``Ban Tổ chức Trung ương``, ``Tỉnh ủy Bắc Kạn``, ``Ban Thường vụ Tỉnh ủy``).

Works on abbreviation-expanded text. A local body is returned with its place when the place is
written after it; without one it stands for the article's own province or district.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graphkit.extract.facts import Body
from graphkit.extract.posts import _body_label, _parse_place
from graphkit.gazetteer import bodies, load_list
from graphkit.nlp.patterns import LETTERS, alternation, lead

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
        if b.level == "central":
            out.append(BodyMatch(m.start(), m.end(), Body(b.canonical, b.canonical, "central"), False))
            continue
        place, _kw, used = _parse_place(text[m.end():], district=b.level == "district")
        level = place.level if place else ("district" if b.level == "district" else "province")
        body = Body(_body_label(b.canonical, b.place, place), b.canonical, level, place)
        out.append(BodyMatch(m.start(), m.end() + used, body, place is None))
    return out
