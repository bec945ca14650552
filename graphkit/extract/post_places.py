"""The place of a post: which province or district a post of an article belongs to.

A title that writes its place (``Bí thư Tỉnh ủy Bắc Giang``) is read with it by :mod:`posts`
(``_parse_place``). This module decides the rest, for one article:

* the article's own province (:func:`main_province`): the one it names most, a name in its title
  counting twice; and its own district, the one it names most;
* a district written in an abbreviated title (``Chủ tịch UBND H.Phong Điền``) is the district of that
  name in the article's province when there is one (:func:`in_province`);
* a post whose title writes no place (``Bí thư Tỉnh ủy``) takes (:func:`post_place`), in order:
  another post of the same title phrase; the same person's posts elsewhere in the article
  (:func:`note_places`); a place named in the same sentence, the nearest before the person, else
  the first after; the article's own.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from graphkit.extract.facts import Place
from graphkit.extract.places import PlaceMatch, find_districts, find_provinces, outside_names
from graphkit.gazetteer import District, districts, provinces
from graphkit.nlp.normalize import fix_tones


@dataclass(frozen=True)
class ArticlePlaces:
    """The provinces and districts an article's story names (in text order), and its own province and district;
    and the province names in its firms' names (``in_firms``), which name none."""

    provinces: list[PlaceMatch]
    in_firms: list[PlaceMatch]  # province names that end or sit in a firm's name: no province, not a person's name
    districts: list[PlaceMatch]
    province: str | None  # the article's own province (its name)
    main: Place | None  # … as a Place
    district: Place | None  # the article's own district
    named: tuple[str, ...] = ()  # the provinces named, most named first (on a tie, the first named)


def article_places(story: str, *, title: str | None, on: _dt.date | None) -> ArticlePlaces:
    """The places named in ``story`` (tones fixed, as extraction reads it) on the article's date ``on``, and
    the article's own province and district."""
    found = outside_names(story, find_provinces(story, on=on, tones_fixed=True, in_firms=True))
    dists = find_districts(story)
    provs = [m for m in found if not m.in_firm]
    province = main_province(provs, dists, title)
    count = Counter(m.place for m in dists)
    return ArticlePlaces(provs, [m for m in found if m.in_firm], dists, province,
                         Place(province) if province else None, count.most_common(1)[0][0] if count else None,
                         tuple(n for n, _ in Counter(m.place.name for m in provs).most_common()))


def main_province(provinces, districts, title: str | None) -> str | None:
    """The province an article names most (a district counts for its province, a name in ``title`` twice);
    on a tie, the one named first (the title's first)."""
    votes: Counter = Counter()
    first: dict[str, int] = {}
    for m in provinces:
        votes[m.place.name] += 1
        first.setdefault(m.place.name, m.start)
    for m in districts:
        votes[m.place.province] += 1
        first.setdefault(m.place.province, m.start)
    if title:
        for m in find_provinces(fix_tones(title), tones_fixed=True):
            votes[m.place.name] += 2
            first.setdefault(m.place.name, -1)
    if not votes:
        return None
    return sorted(votes, key=lambda n: (-votes[n], first[n]))[0]


@cache
def _districts_by_province() -> dict[tuple[str, str], District]:
    return {(d.province, d.name): d for d in districts()}


def in_province(place: Place, province: str | None) -> Place:
    """``place``, or the district of the same name in ``province`` (the article's own) when it is another province's:
    'Chủ tịch UBND H.Phong Điền' in an article about Thừa Thiên Huế is the huyện there, not Cần Thơ's (districts.tsv
    keeps one kind per unit: Thừa Thiên Huế's Phong Điền is listed with its later kind, thị xã, and the written
    'huyện' finds Cần Thơ's). The kind stays as written."""
    if place.level != "district" or not province or place.province == province:
        return place
    d = _districts_by_province().get((province, place.name))
    return Place(d.name, "district", d.province, place.kind) if d is not None else place


def note_places(known: dict[str, dict[str, Place]], name: str, posts) -> None:
    """Keep the first province and the first district the posts written next to ``name`` give (``known``: person →
    level → place), for the posts of that person whose titles write none."""
    for p in posts:
        if p.place is not None:
            known.setdefault(name, {}).setdefault(p.place.level, p.place)


def placed(p, group, person_places: dict[str, Place], sentence, name_pos: int, places: ArticlePlaces):
    """A parsed post and its place: ``(p, place)``, ``p`` with a written district moved into the article's province
    (:func:`in_province`), ``place`` the one :func:`post_place` gives (None: still placeless)."""
    if p.place is not None and p.place.level == "district":
        p = replace(p, place=in_province(p.place, places.province))
    return p, post_place(p, group, person_places, sentence, name_pos, places)


def _start(m) -> int:
    return m.start


def post_place(p, group, person_places: dict[str, Place], sentence, name_pos: int,
               places: ArticlePlaces) -> Place | None:
    """The place of the parsed post ``p`` of the title phrase ``group``, written next to a person at ``name_pos`` of
    ``sentence``: its own, or, for a post that needs one, from context (see the module's docstring).
    ``person_places``: the person's places from their other posts (:func:`note_places`)."""
    if p.place is not None or not p.needs_place:
        return p.place
    if p.kind_word in _PROVINCE_KINDS and p.level == "province":
        return _place_of_kind(p, group, person_places, sentence, name_pos, places)
    want_district = p.level == "district"
    # 1. another post of the same title phrase
    for q in group:
        if q.place is not None and (q.place.level == "district") == want_district:
            return q.place
    # 2. the same person's posts elsewhere in the article
    place = person_places.get("district" if want_district else "province")
    if place is not None:
        return place
    if not want_district:
        for q in group:
            if q.place is not None and q.place.level == "district":
                return Place(q.place.province)
    # 3. a place named in the same sentence: nearest before the person, else after
    # (the places are in text order: binary searches, not a scan of the sentence's places per post)
    lo, hi = sentence.start, sentence.start + len(sentence.text)
    pools = [places.districts] if want_district else [places.provinces, places.districts]  # on a tie, the district's
    before = [pool[i] for pool in pools  # province comes later
              if (i := bisect_left(pool, min(lo + name_pos, hi), key=_start) - 1) >= 0 and pool[i].start >= lo]
    if before:
        m = max(reversed(before), key=_start)  # the nearest before the person; on a tie, the later pool's
    else:
        after = [pool[i] for pool in pools if (i := bisect_left(pool, lo, key=_start)) < len(pool)
                 and pool[i].start < hi]
        m = min(after, key=_start) if after else None  # the first after; on a tie, the earlier pool's
    if m is not None:
        return m.place if want_district or m.place.level != "district" else Place(m.place.province)
    # 4. the article's own province (or district)
    return places.district if want_district else places.main


_PROVINCE_KINDS = ("tỉnh", "thành phố")


def _fits(kind_word: str, place: Place | None) -> bool:
    """Whether ``place`` can be the unit a title calls by ``kind_word`` alone ('UBND TP', 'HĐND tỉnh'): a centrally-run
    city or a provincial city for 'thành phố', a province that is a tỉnh for 'tỉnh' — Hà Nội is never a 'tỉnh', nor
    Bình Dương a 'thành phố'."""
    if place is None:
        return False
    if place.level == "district":
        return kind_word == "thành phố" and place.kind == "thành phố"
    prov = provinces().get(place.name)
    return prov is None or (prov.kind == "thành phố") == (kind_word == "thành phố")


def _place_of_kind(p, group, person_places: dict[str, Place], sentence, name_pos: int,
                   places: ArticlePlaces) -> Place | None:
    """:func:`post_place` for a province-level title that writes its unit's kind word without a name ('Chủ tịch UBND
    TP', 'Phó Chủ tịch UBND tỉnh'): the same steps, keeping only the places of that kind (:func:`_fits`); a district
    of the context stands for itself when it is a city ('thành phố'), else for its province. In the sentence, the
    nearest fitting place before the person among the few nearest (else the first after); after the article's own
    province and district, the province of that kind the article names most; else none (no post)."""
    kw = p.kind_word

    def unit(place: Place) -> Place:
        if place.level == "district" and not (kw == "thành phố" and place.kind == "thành phố"):
            return Place(place.province)
        return place

    for q in group:  # 1. another post of the same title phrase
        if q.place is not None and _fits(kw, unit(q.place)):
            return unit(q.place)
    for level in ("province", "district"):  # 2. the same person's posts elsewhere in the article
        place = person_places.get(level)
        if place is not None and _fits(kw, unit(place)):
            return unit(place)
    lo, hi = sentence.start, sentence.start + len(sentence.text)  # 3. the sentence's: nearest before, else first after
    at = min(lo + name_pos, hi)
    before, after = [], []
    for pool in (places.provinces, places.districts):  # (binary searches, then at most _NEAR places each way)
        i = bisect_left(pool, at, key=_start)
        before += [m for m in pool[max(0, i - _NEAR):i] if m.start >= lo and _fits(kw, unit(m.place))][-1:]
        after += [m for m in pool[i:i + _NEAR] if m.start < hi and _fits(kw, unit(m.place))][:1]
    m = max(before, key=_start) if before else min(after, key=_start) if after else None
    if m is not None:
        return unit(m.place)
    for place in (places.main, places.district):  # 4. the article's own province or district
        if place is not None and _fits(kw, unit(place)):
            return unit(place)
    return next((Place(n) for n in places.named if _fits(kw, Place(n))), None)


_NEAR = 4  # the places looked at on each side of a person in a sentence, for a title of one kind
