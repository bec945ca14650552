"""One article → :class:`~graphkit.extract.facts.ArticleFacts`.

The flow: modern tone placement (length-preserving, so offsets stay valid) → keep the main story
(:mod:`zones`) → sentences, places and directives (the readings the spaCy components put on a
``Doc``, taken here straight from the text: no rule needs tokens, and tokenizing would cost more
than all the rules together) → persons and their posts, with implicit places filled from context
→ meetings → implementation and citation of directives.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from graphkit.extract import directives as dirs
from graphkit.extract.bodies import find_bodies
from graphkit.extract.changes import change_date, find_changes, may_change, person_of
from graphkit.extract.facts import ArticleFacts, Evidence, Holding, Mention, Place, Post
from graphkit.extract.implementation import link_directives
from graphkit.extract.meetings import Sentence, find_meetings
from graphkit.extract.persons import find_persons, full_names, may_name_person, names_given_alone
from graphkit.extract.places import in_province
from graphkit.extract.posts import (ParsedPost, bare_role_before, bare_title_in_context, group_titles, mentions_role,
                                    parse_title_list, to_post)
from graphkit.extract.zones import story_spans
from graphkit.ingest.article import Article
from graphkit.nlp.normalize import expand_abbreviations, fix_tones

def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with everything outside ``spans`` blanked (offsets preserved)."""
    out, pos = [], 0
    for a, b in spans:
        out.append(_blank(text[pos:a]))
        out.append(text[a:b])
        pos = b
    out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(text: str) -> str:
    """Spaces for every character of ``text`` but its line breaks."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


def main_province(provinces, districts, title: str | None) -> str | None:
    votes: Counter = Counter()
    first: dict[str, int] = {}
    for m in provinces:
        votes[m.place.name] += 1
        first.setdefault(m.place.name, m.start)
    for m in districts:
        votes[m.place.province] += 1
        first.setdefault(m.place.province, m.start)
    if title:
        from graphkit.extract.places import find_provinces

        for m in find_provinces(fix_tones(title), tones_fixed=True):
            votes[m.place.name] += 2
            first.setdefault(m.place.name, -1)
    if not votes:
        return None
    return sorted(votes, key=lambda n: (-votes[n], first[n]))[0]


def extract(article: Article) -> ArticleFacts:
    from graphkit.extract.places import find_districts, find_provinces, outside_names
    from graphkit.nlp.sentences import sentence_spans

    text = fix_tones(article.text)
    story = _mask(text, story_spans(text))
    sentences = [Sentence(t, a) for a, b in sentence_spans(story) if not (t := story[a:b]).isspace() and t]
    provs, dists = outside_names(story, find_provinces(story, on=article.date, tones_fixed=True)), find_districts(story)
    facts = ArticleFacts(article)
    facts.main_province = main_province(provs, dists, article.title)
    main_place = Place(facts.main_province) if facts.main_province else None
    dcount = Counter(m.place for m in dists)
    main_district = dcount.most_common(1)[0][0] if dcount else None

    seen_p: set[str] = set()
    for m in provs:
        if m.place.name not in seen_p:
            seen_p.add(m.place.name)
            facts.provinces.append((m.place, Evidence(_sentence_at(sentences, m.start))))
    seen_d: set = set()
    for m in dists:
        if m.place not in seen_d:
            seen_d.add(m.place)
            facts.districts.append((m.place, Evidence(_sentence_at(sentences, m.start))))

    blocked = sorted([(m.start, m.end) for m in provs] + [(m.start, m.end) for m in dists])
    blocked_starts = [a for a, _e in blocked]

    # a name taken as a person anywhere makes its bare mentions persons too: a second pass over the
    # sentences that contain such a name, where it was passed over (or named by its given name alone)
    first_pass, missed, in_sentence = [], [], []
    for s in sentences:
        missed.append(set())
        if may_name_person(s.text):
            b = [(a - s.start, e - s.start) for a, e in blocked[bisect_left(blocked_starts, s.start):
                                                                 bisect_left(blocked_starts, s.start + len(s.text))]]
            first_pass.append(find_persons(s.text, blocked=b, missed=missed[-1]))
        else:
            b = None  # no person, whatever is known: never read again
            first_pass.append([])
        in_sentence.append(b)
    known = {h.name for hs in first_pass for h in hs}
    given = {n.rsplit(" ", 1)[-1] for n in known}
    all_hits = [find_persons(s.text, blocked=b, known=known)
                if b is not None and known and any(n in s.text for n in (*known, *given))
                and (ms & known or names_given_alone(s.text, b, known))
                else hs for s, hs, ms, b in zip(sentences, first_pass, missed, in_sentence)]

    # a name cut short in one mention is the longer one of another ('Đinh La' → 'Đinh La Thăng')
    longer = full_names({h.name for hs in all_hits for h in hs})
    for hs in all_hits:
        for h in hs:
            h.name = longer.get(h.name, h.name)

    # persons
    mentions: dict[str, tuple[set, Evidence]] = {}
    for s, hits in zip(sentences, all_hits):
        for h in hits:
            surfaces, ev = mentions.setdefault(h.name, (set(), s.evidence))
            surfaces.add(h.surface)
    facts.persons = [Mention(n, tuple(sorted(sf)), ev) for n, (sf, ev) in mentions.items()]

    # holdings, with implicit places from context
    person_places: dict[str, dict[str, Place]] = {}
    pending = []
    # a name read as a foreigner's anywhere (ông Gennady Ziuganov) takes no Vietnamese post, nor by its short
    # form ('bà May từ chức')
    foreign = {h.name for hits in all_hits for h in hits if h.foreign}
    for s, hits in zip(sentences, all_hits):
        shared = group_titles(s.text) if hits else []  # 'các đồng chí Ủy viên Bộ Chính trị: A - …; B - …'
        for h in hits:
            if h.name in foreign:
                continue
            for a, b, posts in shared:
                if a <= h.start < b:
                    pending.append((s, h, list(posts), None))
            for group in (h.before, h.after):
                if group:
                    pending.append((s, h, group, None))
                    for p in group:
                        if p.place is not None:
                            person_places.setdefault(h.name, {}).setdefault(p.place.level, p.place)
    # post changes (changes.py): a post given or ended by an election, appointment, dismissal … ('bổ nhiệm
    # ông X giữ chức Y'), and the posts written next to a person whose post the sentence ends
    ended: dict[tuple[int, str], object] = {}  # (sentence, person) → the date of the change (or None)
    for s, hits in zip(sentences, all_hits):
        if not hits or not may_change(s.text):
            continue
        named = [h for h in hits if h.name not in foreign]
        untitled, titled = set(), set()
        when = change_date(s.text, article.date)
        for c in find_changes(s.text):
            h = person_of(c, named, s.text)
            if h is None:
                continue
            if c.post_at < 0:
                if c.kind == "end":
                    untitled.add(h.name)
                continue
            posts, _ = parse_title_list(s.text[c.post_at:])
            if posts:
                status = "new" if c.kind == "start" else "former"
                pending.append((s, h, [replace(p, status=status) for p in posts], when))
                if c.kind == "end":
                    titled.add(h.name)
        # 'cho ông X, Ủy viên Bộ Chính trị, … thôi giữ chức Chủ tịch …' ends that post only
        ended.update({(s.start, name): when for name in untitled - titled})
    for s, h, group, changed_on in pending:
        is_ended = (s.start, h.name) in ended
        when = ended[(s.start, h.name)] if is_ended else changed_on
        for p in group:
            if p.place is not None and p.place.level == "district":  # 'H.Phong Điền': the article's province's
                p = replace(p, place=in_province(p.place, facts.main_province))
            place = _context_place(p, group, person_places.get(h.name, {}), s, provs, dists, h.start,
                                   main_place, main_district)
            post = to_post(p, place)
            if post is None:
                continue
            status = "former" if is_ended else p.status
            facts.holdings.append(Holding(h.name, post, status, s.evidence,
                                          start=when if status == "new" else None,
                                          end=when if status == "former" else None))
    # a ministry title written bare ('Cùng dự có Thứ trưởng Huỳnh Vĩnh Ái'): the one ministry the article names
    _bare_titles(facts, sentences, all_hits, foreign, story)
    facts.holdings = _dedupe_holdings(facts.holdings)

    # directives
    dmatches = dirs.find_directives(story, article_date=article.date)
    facts.directives = dirs.merge_mentions(dmatches)

    # meetings
    persons_by_sentence = [[(h.start, h.end, h.name) for h in hits] for hits in all_hits]
    facts.meetings = find_meetings(sentences, persons_by_sentence, title=article.title, article_date=article.date)

    # implementation and citation, sentence by sentence on expanded text
    link_directives(facts, sentences, dmatches, main_place, provs)
    return facts


def _bare_titles(facts: ArticleFacts, sentences, all_hits, foreign: set[str], story: str) -> None:
    """Posts of ministry titles written bare before a name ('Cùng dự có Thứ trưởng Huỳnh Vĩnh Ái'), in the one
    ministry the article names (posts.bare_title_in_context), for a person the article gives no other title: not
    'Bộ trưởng Mai Tiến Dũng' when he is 'Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng' elsewhere."""
    holders = {h.person for h in facts.holdings}
    found: dict[str, list] = {}
    other: set[str] = set()
    for s, hits in zip(sentences, all_hits):
        for h in hits:
            if h.before or h.after or h.name in foreign or h.name in holders:
                continue
            before = s.text[max(0, h.start - 60):h.start]
            if bare_role_before(before):
                found.setdefault(h.name, []).append((s, before))
            elif mentions_role(before[-30:]):
                other.add(h.name)  # a title we could not read
    if not found.keys() - other:
        return
    named = [h.post for h in facts.holdings]
    members = {p.body for p in named if p.role.startswith("Ủy viên")}  # 'Ủy viên Bộ Chính trị': no ministry
    named += [Post(b.body.label, "", b.body, ()) for b in find_bodies(expand_abbreviations(story))
              if b.body.level == "central" and b.body not in members]
    for name in found.keys() - other:
        for s, before in found[name]:
            post = bare_title_in_context(before, named)
            if post is not None:
                facts.holdings.append(Holding(name, post, "current", s.evidence))


def _sentence_at(sentences: list[Sentence], pos: int) -> str:
    for s in sentences:
        if s.start <= pos < s.start + len(s.text):
            return s.text.strip()
    return ""


def _start(m) -> int:
    return m.start


def _context_place(p: ParsedPost, group: list[ParsedPost], person_places: dict, s: Sentence, provs, dists,
                   name_pos: int, main_place: Place | None, main_district: Place | None) -> Place | None:
    if p.place is not None or not p.needs_place:
        return p.place
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
    # (provs and dists are in text order: binary searches, not a scan of the sentence's places per post)
    lo, hi = s.start, s.start + len(s.text)
    pools = [dists] if want_district else [provs, dists]  # on a tie, the district's province comes later
    before = [pool[i] for pool in pools if (i := bisect_left(pool, min(lo + name_pos, hi), key=_start) - 1) >= 0
              and pool[i].start >= lo]
    if before:
        m = max(reversed(before), key=_start)  # the nearest before the person; on a tie, the later pool's
    else:
        after = [pool[i] for pool in pools if (i := bisect_left(pool, lo, key=_start)) < len(pool)
                 and pool[i].start < hi]
        m = min(after, key=_start) if after else None  # the first after; on a tie, the earlier pool's
    if m is not None:
        return m.place if want_district or m.place.level != "district" else Place(m.place.province)
    # 4. the article's own province (or district)
    return main_district if want_district else main_place


def _dedupe_holdings(holdings: list[Holding]) -> list[Holding]:
    """One holding per (person, post): a dated change wins ('… thôi giữ chức …'), then a current statement
    over a former one in the same article."""
    def rank(h: Holding) -> tuple[bool, bool]:  # a dated change first, then a current statement
        return (h.start is not None or h.end is not None, h.status != "former")

    best: dict[tuple[str, str], Holding] = {}
    for h in holdings:
        k = (h.person, h.post.label)
        if k not in best or rank(h) > rank(best[k]):
            best[k] = h
    return list(best.values())
