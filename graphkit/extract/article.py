"""One article → :class:`~graphkit.extract.facts.ArticleFacts`.

:func:`extract` runs the steps below in order, each a function of its own: modern tone placement
(length-preserving, so offsets stay valid) and the main story (:mod:`zones`) cut into sentences →
the places it names and its own province (:mod:`post_places`) → persons, read twice (the second
time knowing the names of the first) → their posts, with the place of a post that writes none
(:mod:`post_places`) → directives → meetings → implementation and citation of directives
(:mod:`implementation`). No step needs tokens: tokenizing would cost more than all the rules together.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from graphkit.extract import directives as dirs
from graphkit.extract.bodies import find_bodies
from graphkit.extract.changes import change_date, find_changes, may_change, person_of
from graphkit.extract.facts import ArticleFacts, Evidence, Holding, Mention, Post
from graphkit.extract.implementation import link_directives
from graphkit.extract.meetings import Sentence, find_meetings
from graphkit.extract.persons import PersonHit, find_persons, full_names, may_name_person, names_given_alone, \
    plural_title_before
from graphkit.extract.post_places import ArticlePlaces, article_places, note_places, placed
from graphkit.extract.posts import bare_role_before, bare_title_in_context, group_titles, mentions_role, \
    parse_title_list, to_post
from graphkit.extract.zones import story_spans
from graphkit.ingest.article import Article
from graphkit.nlp.normalize import expand_abbreviations, fix_tones
from graphkit.nlp.sentences import opens_sentence

Hits = list[list[PersonHit]]  # the persons of each sentence, in order


def extract(article: Article) -> ArticleFacts:
    """The facts of one article (see the module's docstring for the steps)."""
    facts = ArticleFacts(article)
    story, sentences = _story_and_sentences(article.text)
    places = _places(facts, story, sentences)
    hits = _persons(facts, sentences, places)
    _holdings(facts, sentences, hits, places, story)
    found = _directives(facts, story)
    _meetings(facts, sentences, hits)
    link_directives(facts, sentences, found, places.main, places.provinces)
    return facts


def _story_and_sentences(text: str) -> tuple[str, list[Sentence]]:
    """The main story (tones fixed, the rest of the page blanked, offsets kept) and its sentences."""
    from graphkit.nlp.sentences import sentence_spans

    text = fix_tones(text)
    story = _mask(text, story_spans(text))
    return story, [Sentence(t, a) for a, b in sentence_spans(story) if not (t := story[a:b]).isspace() and t]


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


def _places(facts: ArticleFacts, story: str, sentences: list[Sentence]) -> ArticlePlaces:
    """The provinces and districts the story names (each once, with its first sentence) and the article's own."""
    places = article_places(story, title=facts.article.title, on=facts.article.date)
    facts.main_province = places.province
    seen: set = set()
    for m in places.provinces:
        if m.place.name not in seen:
            seen.add(m.place.name)
            facts.provinces.append((m.place, Evidence(_sentence_at(sentences, m.start))))
    seen = set()
    for m in places.districts:
        if m.place not in seen:
            seen.add(m.place)
            facts.districts.append((m.place, Evidence(_sentence_at(sentences, m.start))))
    return places


def _sentence_at(sentences: list[Sentence], pos: int) -> str:
    for s in sentences:
        if s.start <= pos < s.start + len(s.text):
            return s.text.strip()
    return ""


def _persons(facts: ArticleFacts, sentences: list[Sentence], places: ArticlePlaces) -> Hits:
    """The persons of each sentence (outside place names), read twice, with names cut short made whole; and the
    article's persons, each with its spellings and first sentence."""
    blocked = sorted((m.start, m.end) for m in (*places.provinces, *places.in_firms, *places.districts))
    hits = _names_known_elsewhere(sentences, blocked)
    _long_names(hits)
    _glued_openers(hits, sentences)
    mentions: dict[str, tuple[set, Evidence]] = {}
    for s, found in zip(sentences, hits):
        for h in found:
            surfaces, ev = mentions.setdefault(h.name, (set(), s.evidence))
            surfaces.add(h.surface)
    facts.persons = [Mention(n, tuple(sorted(sf)), ev) for n, (sf, ev) in mentions.items()]
    return hits


def _names_known_elsewhere(sentences: list[Sentence], blocked: list[tuple[int, int]]) -> Hits:
    """Persons read in two passes: a name taken as a person anywhere makes its bare mentions persons too, so the
    sentences that hold such a name where it was passed over (or name one by its given name alone) are read again."""
    starts = [a for a, _e in blocked]
    first_pass, missed, in_sentence = [], [], []
    for s in sentences:
        missed.append(set())
        if may_name_person(s.text):
            b = [(a - s.start, e - s.start) for a, e in blocked[bisect_left(starts, s.start):
                                                                 bisect_left(starts, s.start + len(s.text))]]
            first_pass.append(find_persons(s.text, blocked=b, missed=missed[-1]))
        else:
            b = None  # no person, whatever is known: never read again
            first_pass.append([])
        in_sentence.append(b)
    known = {h.name for hs in first_pass for h in hs}
    given = {n.rsplit(" ", 1)[-1] for n in known}
    return [find_persons(s.text, blocked=b, known=known) if b is not None and _read_again(s.text, b, ms, known, given)
            else hs for s, hs, ms, b in zip(sentences, first_pass, missed, in_sentence)]


def _read_again(text: str, blocked: list[tuple[int, int]], missed: set[str], known: set[str], given: set[str]) -> bool:
    """Whether a sentence read once is read again knowing the article's names: a name passed over there is known
    (and a known name or given name is written in it), or it names a known person by the given name alone (which
    writes that given name). The cheap tests first: most sentences pass over no known name."""
    if missed & known and any(n in text for n in (*known, *given)):
        return True
    return any(g in text for g in given) and names_given_alone(text, blocked, known)


def _long_names(hits: Hits) -> None:
    """A name cut short in one mention is the longer one of another ('Đinh La' → 'Đinh La Thăng')."""
    longer = full_names({h.name for hs in hits for h in hs})
    for hs in hits:
        for h in hs:
            h.name = longer.get(h.name, h.name)


def _glued_openers(hits: Hits, sentences: list[Sentence]) -> None:
    """A name of four words or more whose last word opens the next sentence (a caption run into it, no full stop:
    'Thủ tướng Nguyễn Xuân Phúc Tiếp theo, …'; data/sentence_openers.tsv) is the name before that word, when the
    article names that person elsewhere."""
    names = {h.name for hs in hits for h in hs}
    for s, hs in zip(sentences, hits):
        for h in hs:
            words = h.name.split()
            if len(words) < 4 or " ".join(words[:-1]) not in names:
                continue
            last = h.surface.rsplit(" ", 1)
            after = s.text[h.end:h.end + 40].split()
            if len(last) == 2 and opens_sentence([last[1], *after], 0):
                h.name, h.surface, h.end = " ".join(words[:-1]), last[0], h.start + len(last[0])


def _holdings(facts: ArticleFacts, sentences: list[Sentence], hits: Hits, places: ArticlePlaces, story: str) -> None:
    """The posts of the persons: the titles written next to their names and the posts changes give or end, placed
    (post_places), then ministry titles written bare, one holding per person and post."""
    # a name read as a foreigner's anywhere (ông Gennady Ziuganov) takes no Vietnamese post, nor by its short
    # form ('bà May từ chức')
    foreign = {h.name for found in hits for h in found if h.foreign}
    pending, person_places = _titles_next_to_names(sentences, hits, foreign)
    ended = _post_changes(sentences, hits, foreign, facts.article.date, pending)
    facts.holdings = _placed_holdings(pending, ended, person_places, places)
    _bare_titles(facts, sentences, hits, foreign, story)
    facts.holdings = [h for h in _dedupe_holdings(facts.holdings) if not _organ_alone(h.post)]


@cache
def _organs() -> frozenset[str]:
    """data/organ_bodies.txt, lower-cased: bodies that are another body's organ ('Hội đồng quản trị')."""
    from graphkit.gazetteer import load_list

    return frozenset(w.lower() for w in load_list("organ_bodies.txt"))


def _organ_alone(post: Post) -> bool:
    """Whether ``post``'s body is an organ of some body not named (organ_bodies.txt): 'Chủ tịch Hội đồng quản trị'
    alone is no one firm's post."""
    return post.body is not None and post.body.label.lower() in _organs()


def _titles_next_to_names(sentences: list[Sentence], hits: Hits, foreign: set[str]):
    """The title phrases written before and after each person's name, and those a list of names shares ('các đồng
    chí Ủy viên Bộ Chính trị: A - …; B - …'), as (sentence, person, posts, date of change); and the places of each
    person's posts (post_places.note_places)."""
    pending: list = []
    person_places: dict[str, dict] = {}
    for s, found in zip(sentences, hits):
        shared = group_titles(s.text) if found else []
        for h in found:
            if h.name in foreign:
                continue
            for a, b, posts in shared:
                if a <= h.start < b:
                    pending.append((s, h, list(posts), None))
            for group in (h.before, h.after):
                if group:
                    pending.append((s, h, group, None))
                    note_places(person_places, h.name, group)
        if len(found) > 1 and "ác " in s.text:
            for h, group in _plural_title_lists(s.text, found, foreign):
                pending.append((s, h, group, None))
                note_places(person_places, h.name, group)
    return pending, person_places


_NAME_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _plural_title_lists(text: str, found: list[PersonHit], foreign: set[str]):
    """The names listed right after a plural title, each with that title's posts: 'các Phó Thủ tướng Trương Hòa Bình,
    Vương Đình Huệ, Vũ Đức Đam', 'các thứ trưởng Bộ GD-ĐT Phạm Mạnh Hùng, Nguyễn Thị Nghĩa'. The list is the names
    joined by commas or 'và' alone that have no title of their own."""
    for i, h in enumerate(found):
        if not h.before or h.name in foreign:
            continue
        if not plural_title_before(text, h.start):
            continue
        prev = h
        for nxt in found[i + 1:]:
            if nxt.before or nxt.after or nxt.name in foreign or not _NAME_GAP.fullmatch(text, prev.end, nxt.start):
                break
            yield nxt, list(h.before)
            prev = nxt


def _post_changes(sentences: list[Sentence], hits: Hits, foreign: set[str], date, pending: list) -> dict:
    """The posts an election, appointment or dismissal gives or ends (changes.py: 'bổ nhiệm ông X giữ chức Y'),
    added to ``pending``; and the persons (sentence start, name) whose posts written next to them the sentence ends,
    with the date of the change (or None)."""
    ended: dict[tuple[int, str], object] = {}
    for s, found in zip(sentences, hits):
        if not found or not may_change(s.text):
            continue
        named = [h for h in found if h.name not in foreign]
        untitled, titled = set(), set()
        when = change_date(s.text, date)
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
    return ended


def _placed_holdings(pending: list, ended: dict, person_places: dict, places: ArticlePlaces) -> list[Holding]:
    """The holdings of the posts read, each with its place (post_places.placed), ended where a change ends them."""
    out = []
    for s, h, group, changed_on in pending:
        is_ended = (s.start, h.name) in ended
        when = ended[(s.start, h.name)] if is_ended else changed_on
        for p in group:
            p, place = placed(p, group, person_places.get(h.name, {}), s, h.start, places)
            post = to_post(p, place)
            if post is None:
                continue
            status = "former" if is_ended else p.status
            out.append(Holding(h.name, post, status, s.evidence, start=when if status == "new" else None,
                               end=when if status == "former" else None))
    return out


def _bare_titles(facts: ArticleFacts, sentences: list[Sentence], hits: Hits, foreign: set[str], story: str) -> None:
    """Posts of ministry titles written bare before a name ('Cùng dự có Thứ trưởng Huỳnh Vĩnh Ái'), in the one
    ministry the article names (posts.bare_title_in_context), for a person the article gives no other title: not
    'Bộ trưởng Mai Tiến Dũng' when he is 'Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng' elsewhere."""
    holders = {h.person for h in facts.holdings}
    found: dict[str, list] = {}
    other: set[str] = set()
    for s, sentence_hits in zip(sentences, hits):
        for h in sentence_hits:
            if h.before or h.after or h.name in foreign or h.name in holders:
                continue
            before = s.text[max(0, h.start - 60):h.start]
            if bare_role_before(before):
                found.setdefault(h.name, []).append((s, before))
            elif mentions_role(before[-30:]):
                other.add(h.name)  # a title we could not read
    bare = [n for n in found if n not in other]  # in the order of the text (a set's order follows the hash seed)
    if not bare:
        return
    named = [h.post for h in facts.holdings]
    members = {p.body for p in named if p.role.startswith("Ủy viên")}  # 'Ủy viên Bộ Chính trị': no ministry
    named += [Post(b.body.label, "", b.body, ()) for b in find_bodies(expand_abbreviations(story))
              if b.body.level == "central" and b.body not in members]
    for name in bare:
        for s, before in found[name]:
            post = bare_title_in_context(before, named)
            if post is not None:
                facts.holdings.append(Holding(name, post, "current", s.evidence))


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


def _directives(facts: ArticleFacts, story: str) -> list:
    """The directives the story names, one per code; returns their mentions, in order (for implementation)."""
    found = dirs.find_directives(story, article_date=facts.article.date)
    facts.directives = dirs.merge_mentions(found)
    return found


def _meetings(facts: ArticleFacts, sentences: list[Sentence], hits: Hits) -> None:
    """The meetings of the story: who chairs, attends and speaks (meetings.py)."""
    persons_by_sentence = [[(h.start, h.end, h.name) for h in found] for found in hits]
    facts.meetings = find_meetings(sentences, persons_by_sentence, title=facts.article.title,
                                   article_date=facts.article.date)
