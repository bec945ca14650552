"""Checks of a built graph for the patterns of wrong facts a researcher spots first.

Each check counts one suspicious pattern over the whole graph (a file or a store, opened by
:func:`graphkit.query.engine.open_graph`) and keeps a few examples to look at. A count is not a
verdict: two holders of a province's chairmanship in one year may be a change of office. It is the
figure to watch when a rule changes, and the place to start reading.

* ``crowded-posts`` — a single-seat post of a province (``Chủ tịch Ủy ban nhân dân tỉnh X``,
  ``Bí thư Tỉnh ủy X``: no ``Phó``, no ``Ủy viên``) with several current holders;
* ``climbed-posts`` — a province post whose evidence writes the role before a district or commune
  (``Chủ tịch UBND xã …`` read as the province's chairman; words in ``data/lower_unit_words.txt``);
* ``several-provinces`` — one person with current posts in several provinces;
* ``foreign-holders`` — a person named right after another country (``… Trung Quốc Chu Tiểu
  Xuyên``) or with a name no Vietnamese name can be (a letter of f, j, w, z) holding a post of a
  Vietnamese body;
* ``self-implementation`` — a body that implements a document it issued;
* ``code-spellings`` — directives whose codes differ only in case or punctuation (one document,
  two nodes).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

#: the checks, in the order they are reported
NAMES = ("crowded-posts", "climbed-posts", "several-provinces", "foreign-holders", "self-implementation",
         "code-spellings")

_CURRENT_TENURES = """
SELECT DISTINCT ?person ?name ?post ?postLabel ?role ?province ?provinceLabel ?evidence WHERE {
  ?t a gk:Tenure ; gk:holder ?person ; gk:post ?post ; gk:status ?status .
  FILTER(?status != "former")
  ?person rdfs:label ?name .
  ?post rdfs:label ?postLabel .
  OPTIONAL { ?post gk:role ?role }
  OPTIONAL { ?t gk:evidence ?evidence }
  OPTIONAL {
    ?post gk:place ?place .
    OPTIONAL { ?place gk:partOf ?parent }
    BIND(COALESCE(?parent, ?place) AS ?province)
    ?province a gk:Province ; rdfs:label ?provinceLabel .
  }
}
"""

_SELF_IMPLEMENTATION = """
SELECT DISTINCT ?actor ?actorLabel ?code WHERE {
  ?actor gk:implements ?d .
  ?d gk:issuedBy ?actor ; gk:code ?code .
  ?actor rdfs:label ?actorLabel .
}
"""

_CODES = """
SELECT DISTINCT ?d ?code WHERE { ?d a gk:Directive ; gk:code ?code . }
"""


@dataclass
class CheckResult:
    """One check: how many cases it found, and a few of them (sorted, so the output is stable)."""

    name: str
    description: str
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class _Tenure:
    person: str
    name: str
    post: str
    label: str
    role: str
    province: str | None
    province_label: str | None
    evidence: str


def run_checks(graph, *, examples: int = 5) -> list[CheckResult]:
    """Run every check on ``graph`` (anything :func:`~graphkit.query.engine.open_graph` takes)."""
    from graphkit.query.engine import open_graph, run_query

    g = open_graph(graph)
    tenures = [_Tenure(*[_text(v) for v in row]) for row in run_query(g, _CURRENT_TENURES).rows]
    results = [
        _crowded(tenures),
        _climbed(tenures),
        _several_provinces(tenures),
        _foreign(tenures),
        _self_implementation(run_query(g, _SELF_IMPLEMENTATION).rows),
        _code_spellings(run_query(g, _CODES).rows),
    ]
    for r in results:
        r.examples = sorted(r.examples)[:examples]
    return results


def _text(term) -> str | None:
    return None if term is None else str(term.value)


def _single_seat(role: str) -> bool:
    """Whether a role is held by one person at a time in its body: not a deputy, member or delegate."""
    low = role.lower()
    return not (low.startswith("phó") or "ủy viên" in low or "thành viên" in low or "đại biểu" in low
                or low.startswith("thường trực"))


def _crowded(tenures: list[_Tenure]) -> CheckResult:
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in tenures:
        if t.province and t.role and _single_seat(t.role) and t.province_label and t.province_label in t.label:
            holders[(t.post, t.label)].add(t.name)
    crowded = {k: v for k, v in holders.items() if len(v) > 1}
    return CheckResult("crowded-posts", "single-seat province posts with several current holders", len(crowded),
                       [f"{label}: {', '.join(sorted(names))}" for (_, label), names in crowded.items()])


@cache
def _lower_unit_rx() -> re.Pattern:
    from graphkit.gazetteer import load_list

    words = sorted(load_list("lower_unit_words.txt"), key=len, reverse=True)
    body = r"(?:(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy|Huyện ủy|Quận ủy|Thị ủy)\s*)?"
    return re.compile(rf"\s+{body}(?P<unit>{'|'.join(re.escape(w) for w in words)})(?:(?<=\.)|(?![^\W\d_]))\s*(?P<name>[^,;:()–-]*)", re.I)


def _climbed(tenures: list[_Tenure]) -> CheckResult:
    rx = _lower_unit_rx()
    found: set[tuple[str, str]] = set()
    for t in tenures:
        if not (t.province and t.role and t.evidence) or t.province_label not in t.label:
            continue
        for near in _near_name(t.name, t.evidence):
            units = [rx.match(near, m.end()) for m in re.finditer(re.escape(t.role), near, re.I)]
            if any(u and not _names_province(u.group("unit"), u.group("name"), t.province_label) for u in units):
                found.add((t.name, t.label))
    return CheckResult("climbed-posts", "province posts whose evidence writes the role before a district or commune",
                       len(found), [f"{n} — {label}" for n, label in found])


def _near_name(name: str, evidence: str):
    """The phrases written against a name: the one before it back to a comma, and the apposition after it."""
    for m in re.finditer(re.escape(name), evidence):
        # the evidence is one sentence: its dots are abbreviations (UBND X.Phong Chương, Q. 1)
        yield re.split(r"[,;:()]", evidence[max(0, m.start() - 120):m.start()])[-1]
        yield re.split(r"[;:()]", evidence[m.end():m.end() + 160].lstrip(" ,-–"))[0]


def _names_province(unit: str, name: str, province: str) -> bool:
    """Whether the unit after a role is the province itself ('thành phố Hà Nội', 'TP.HCM'); after a city's
    kind word (which is also a province's), only a city of the gazetteer counts as a lower unit ('TP.Hạ Long',
    not 'TP Nguyễn Đức Chung')."""
    from graphkit.gazetteer import provinces, unit_names
    from graphkit.nlp.normalize import expand_abbreviations

    name = expand_abbreviations(name.strip())
    if name.lower().startswith(province.lower()):
        return True
    if unit.lower().rstrip(".") not in ("tp", "thành phố"):
        return False
    words = name.split()
    lower = unit_names() - {n for p in provinces().values() for n in (p.name, *p.aliases)}
    return not any(" ".join(words[:k]) in lower for k in (1, 2, 3))


def _several_provinces(tenures: list[_Tenure]) -> CheckResult:
    where: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for t in tenures:
        if t.province_label:
            where[t.person].add(t.province_label)
            names[t.person] = t.name
    several = {p: v for p, v in where.items() if len(v) > 1}
    return CheckResult("several-provinces", "persons with current posts in several provinces", len(several),
                       [f"{names[p]}: {', '.join(sorted(v))}" for p, v in several.items()])


@cache
def _foreign_rx() -> re.Pattern:
    """Another country's name (countries.txt), as a whole word."""
    from graphkit.gazetteer import countries

    others = sorted(countries() - {"Việt Nam"}, key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, others))})(?![^\W\d_])")


def _after_country(name: str, evidence: str) -> bool:
    """Whether the evidence writes another country's name right before ``name`` ('… Trung Quốc Chu Tiểu Xuyên'):
    not the end of a Vietnamese name ('huyện Đông Anh Hoàng Hải Đăng'), nor a form of address ('Anh Lê Quốc
    Phong', 'anh' also being England's name)."""
    rx = _foreign_rx()
    for m in re.finditer(re.escape(name), evidence):
        c = rx.search(evidence, max(0, m.start() - 30), m.start())
        while c is not None and (evidence[c.end():m.start()] != " " or not _a_country_here(evidence, c)):
            c = rx.search(evidence, c.end(), m.start())
        if c is not None:
            return True
    return False


def _a_country_here(text: str, c: re.Match) -> bool:
    """Whether the country's name at ``c`` stands alone: not after a capitalised word of the same name, not a
    form of address, not a post's country ('Đại sứ Việt Nam tại Lào', 'Hội Hữu nghị Việt Nam - Cuba';
    data/country_post_words.txt)."""
    head = text[:c.start()].rstrip()
    if head.endswith(_country_post_words()):
        return False
    before = re.search(r"(\S+)\s+$", text[:c.start()])
    if before and before.group(1)[:1].isupper() and before.group(1)[-1:].isalpha():
        return False
    return c.group(0).lower() not in _address_words()


@cache
def _country_post_words() -> tuple[str, ...]:
    """The words before a country's name that make it a post's (data/country_post_words.txt), each after a space."""
    from graphkit.gazetteer import load_list

    return tuple(f" {w}" for w in load_list("country_post_words.txt"))


@cache
def _address_words() -> frozenset[str]:
    """The forms of address of honorifics.tsv, lower-cased ('anh' is also England's name)."""
    from graphkit.gazetteer import honorifics

    return frozenset(w.lower() for w, kind in honorifics() if kind == "address")


def _foreign(tenures: list[_Tenure]) -> CheckResult:
    from graphkit.extract.posts import foreign_post

    found: set[tuple[str, str]] = set()
    for t in tenures:
        if foreign_post(t.label):
            continue  # a post of a foreign body is the person's own
        if re.search(r"[fjwzFJWZ]", t.name) or (t.evidence and _after_country(t.name, t.evidence)):
            found.add((t.name, t.label))
    return CheckResult("foreign-holders", "foreign-looking persons holding posts of Vietnamese bodies", len(found),
                       [f"{n} — {label}" for n, label in found])


def _self_implementation(rows) -> CheckResult:
    found = {(_text(r[1]), _text(r[2])) for r in rows}
    return CheckResult("self-implementation", "bodies implementing a document they issued", len(found),
                       [f"{a} — {c}" for a, c in found])


def normalise_code(code: str) -> str:
    """A directive code folded for comparison: case, spaces, dashes and slashes (``49-NQ/TW`` is ``49/NQ-TW``
    misspelt).

    >>> normalise_code("58/2016/QĐ-Ttg") == normalise_code("58/2016/QĐ-TTg")
    True
    >>> normalise_code("49-NQ/TW") == normalise_code("49/NQ-TW")
    True
    >>> normalise_code("18-NQ/TW") == normalise_code("19-NQ/TW")
    False
    """
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", code)).casefold()


def _code_spellings(rows) -> CheckResult:
    """One document as several nodes: codes equal but for case or punctuation on different directives (two
    spellings of one node's code, '19-2017/NQ-CP' and '19/2017/NQ-CP' as articles write it, are one document)."""
    spellings: dict[str, set[str]] = defaultdict(set)
    nodes: dict[str, set] = defaultdict(set)
    for d, code in rows:
        c = _text(code)
        spellings[normalise_code(c)].add(c)
        nodes[normalise_code(c)].add(d)
    split = {k: v for k, v in spellings.items() if len(v) > 1 and len(nodes[k]) > 1}
    return CheckResult("code-spellings", "documents written as several nodes whose codes differ only in case or "
                       "punctuation", len(split), [" / ".join(sorted(v)) for v in split.values()])
