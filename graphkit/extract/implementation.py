"""Implementation: a province or body that carries out, concretises or reviews a directive.

In a sentence with a directive, an implementing verb before it (``thực hiện``, ``triển khai``,
``quán triệt``, ``cụ thể hóa``, ``sơ kết … thực hiện``: ``data/implement_verbs.txt``) makes the
nearest actor written before the verb the implementer: a province (``tỉnh Bắc Kạn``, ``Nghệ An``),
a provincial body (its province), a central body, or ``tỉnh`` standing for the article's province;
with it the actors listed with it (``Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và Ban Dân vận Trung
ương phối hợp … sơ kết 3 năm thực hiện Quyết định số 217-QĐ/TƯ``). When the sentence opens with the
verb (``Thực hiện Chỉ thị …, Sở Y tế đã …``, ``Trong lộ trình tổ chức thực hiện Nghị quyết 29-NQ/TƯ …,
Bộ GD&ĐT đã …``) the implementer is the subject after the opening clause. An actor that only agrees
with carrying a document out, asks others to, or says they should (``data/implement_blockers.txt``) does not
implement it, nor does the actor asked (``đề nghị tỉnh X triển khai …``), nor the source a sentence opens with
(``Theo báo cáo của Bộ Nội vụ, các bộ … đã triển khai …``); ``địa phương`` closing a list (``các bộ, ngành, địa
phương``) is every locality, not the article's province. An opening clause may follow a connective (``Theo đó,
để thực hiện …,``) and its subject may be a body's head (``…, Chủ tịch UBND tỉnh Phú Thọ yêu cầu …``).
A directive that another directive's description cites (``Kết luận 74 … về kết quả thực hiện Nghị
quyết 18``) is cited, not implemented, by the actor; but a plan issued to carry out a directive
(``ban hành Kế hoạch số 23/KH-UBND tổ chức thực hiện Chỉ thị số 15-CT/TU``) makes its issuer an
implementer of that directive. A document listed after another's description (``Nghị quyết số 36a/NQ-CP về Chính
phủ điện tử và Quyết định số 1819/QĐ-TTg``) or joined by ``gắn với (thực hiện)`` is carried out with it, not cited.
Nor is a document implemented when a breach or an amendment stands between the verb and it (``là thực hiện không
đúng quy định tại Nghị định …``, ``Nghị định sửa đổi, bổ sung Nghị định …``: ``data/implement_not_followed.txt``),
nor by a name in a photo credit. An inspection of how a body leads, directs and carries out a document names the
body last (``Đoàn kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện Kết luận số 24-KL/TW … tại Cà Mau.``).
"""
from __future__ import annotations

import re
from functools import cache

from bisect import bisect_left

from graphkit.extract.bodies import find_bodies, find_named_bodies
from graphkit.extract.facts import ArticleFacts, Body, Citation, Implementation, Place
from graphkit.extract.meetings import Sentence
from graphkit.gazetteer import directive_issuers, load_list, load_table
from graphkit.nlp.patterns import UPPER, alternation, lead
from graphkit.nlp.sentences import credit_before

# 'tỉnh' standing for the article's province; not 'các tỉnh', 'cấp tỉnh' (several, or a level), 'thuộc tỉnh' (of it)
_ANAPHOR = re.compile(
    r"(?<![\w])(?<!các )(?<!những )(?<!nhiều )(?<!cấp )(?<!thuộc )(?<!\d )(?:[Tt]ỉnh|[Tt]hành phố|[Đđ]ịa phương)(?![\w])(?!\s+(?:ủy|[" + UPPER + "]))")
# 'địa phương' (or 'thành phố') that closes a list of kinds of bodies or units ('các bộ, ngành, địa phương', 'Công
# an các đơn vị, địa phương', 'các huyện, thị xã, thành phố') means every one of them, not the article's province
_LOCALITIES_LIST = re.compile(r"(?<![\w])(?:(?:ngành|đơn vị|bộ|sở|cơ quan|tỉnh|huyện|quận|thị xã|xã|phường|thị trấn)\s*"
                              r"(?:,\s*(?:và\s+)?|và\s+)|ngành\s+)$", re.IGNORECASE)
VERB_REACH = 90  # the verb governs a directive written at most this far after it
ACTOR_REACH = 80  # a named actor is the verb's subject when written at most this far before it
OPENING_REACH = 45  # an opening clause's verb is at most this far from where the clause starts
SUBJECT_REACH = 220  # the subject after an opening clause starts at most this far after the directive
# what may stand between two actors of one list: a comma, 'và', 'cùng (với)', an aside in brackets
_LIST_JOIN = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,|và|cùng với|cùng|với)?\s*")
# where an opening clause starts: the sentence, or a quotation or a colon inside it
_CLAUSE_START = re.compile(r"[:“\"]\s*")
# the subject after an opening clause: a comma, then the actor (after 'thì' or a time: 'ngày 6/2/2017', 'năm
# 2016', 'thời gian qua', 'vừa qua')
_AFTER_COMMA = re.compile(r",\s*(?:thì\s+)?(?:(?:ngày\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?|năm\s+\d{4}|thời gian qua|vừa qua|"
                          r"trong năm(?:\s+\d{4})?)\s*,?\s*)?")


def _verbs(name: str) -> re.Pattern:
    """The verbs of a data file as whole words, any case, opening with the quick test of their first letters."""
    words = load_list(name)
    return re.compile(rf"{lead(words)}(?<![\w])(?:{alternation(words, ignore_case=True)})(?![\w])", re.IGNORECASE)


@cache
def implement_verbs() -> re.Pattern:
    return _verbs("implement_verbs.txt")


@cache
def _opener() -> re.Pattern:
    words = load_list("implement_openers.txt")
    return re.compile(rf"[\W\d]*(?:(?:{alternation(words, ignore_case=True)}|\d+)(?![\w])[\W\d]*)*", re.IGNORECASE)


@cache
def issue_verbs() -> re.Pattern:
    return _verbs("implement_issue_verbs.txt")


@cache
def _not_done() -> tuple[re.Pattern, re.Pattern]:
    """A negation or passive right before a verb (``data/implement_not_done.txt``), and a verb that opens a
    noun instead (``data/implement_verb_nouns.txt``)."""
    words = load_list("implement_not_done.txt")
    before = re.compile(rf"(?<![\w])(?P<w>{alternation(words, ignore_case=True)})\s+$", re.IGNORECASE)
    nouns = re.compile(rf"(?:{alternation(load_list('implement_verb_nouns.txt'), ignore_case=True)})(?![\w])",
                       re.IGNORECASE)
    return before, nouns


@cache
def _not_followed() -> re.Pattern:
    """A breach or an amendment written between the verb and the document (``data/implement_not_followed.txt``)."""
    return _verbs("implement_not_followed.txt")


def _carried_out(sentence: str, verb: re.Match) -> bool:
    """Whether ``verb`` says its subject carries something out: not negated ('chưa thực hiện'), not a passive
    with 'theo' ('được thực hiện theo Luật …'), not the start of a noun ('thi hành án')."""
    before, nouns = _not_done()
    if nouns.match(sentence, verb.start()):
        return False
    neg = before.search(sentence, max(0, verb.start() - 20), verb.start())
    if neg is None:
        return True
    if neg.group("w").lower() == "được":
        return not re.match(r"\s+theo(?![\w])", sentence[verb.end():])
    return False


@cache
def _issuing_verbs() -> re.Pattern:
    return _verbs("issuing_verbs.txt")


@cache
def _blocker_words() -> str:
    """The words of ``data/implement_blockers.txt`` as a regex alternation."""
    return alternation(load_list("implement_blockers.txt"), ignore_case=True)


@cache
def _blockers() -> re.Pattern:
    # ('cần thiết' is the adjective 'necessary', not the modal 'cần')
    return re.compile(rf"(?<![\w])(?:{_blocker_words()})(?![\w])(?!\s+thiết)", re.IGNORECASE)


@cache
def _opinion_verbs() -> re.Pattern:
    """A verb of saying or judging (``data/implement_opinion_verbs.txt``) right before the implementing verb, after a
    comma or colon ('việc' optional)."""
    words = load_list("implement_opinion_verbs.txt")
    return re.compile(rf"(?<![\w])(?:{alternation(words, ignore_case=True)})\s*[,:]\s*(?:việc\s+)?$", re.IGNORECASE)


# the copula after the document, in its clause: what carrying it out is ('… Chỉ thị 05 là nhiệm vụ …')
_IS_AFTER = re.compile(r"[^,;:.!?]{0,120}?(?<![\w])là(?![\w])")


def _is_opinion(sentence: str, verb: re.Match, directive_end: int) -> bool:
    """Whether the verb opens an opinion about carrying the document out rather than a report of it ('Phó Chủ tịch
    UBND tỉnh Bình Định cho rằng, việc thực hiện đóng tàu vỏ thép theo Nghị định 67 là một chủ trương lớn')."""
    return _opinion_verbs().search(sentence, max(0, verb.start() - 30), verb.start()) is not None \
        and _IS_AFTER.match(sentence, directive_end) is not None


@cache
def _pronoun_subject() -> re.Pattern:
    """A personal pronoun (``data/implement_pronoun_subjects.txt``): written between a body and the verb, it is the
    verb's subject ('Báo cáo Quốc hội, thực tế chúng tôi đã thực hiện Nghị quyết 29')."""
    return _verbs("implement_pronoun_subjects.txt")


@cache
def _asked() -> re.Pattern:
    """A blocker right before an actor, or before its head ('kiến nghị với Đoàn đại biểu Quốc hội tỉnh Sơn La …',
    'yêu cầu Chủ tịch UBND các huyện …', also of a body not read as one: 'yêu cầu Giám đốc BVĐK tỉnh Hòa Bình') or the words for its Party and authorities ('đề nghị Đảng bộ, chính quyền
    Hải Phòng quán triệt …', ``data/implement_asked_fillers.txt``): the actor is asked, it does not say it carries
    anything out."""
    fillers = alternation(load_list("implement_asked_fillers.txt"), ignore_case=True)
    return re.compile(rf"(?<![\w])(?:{_blocker_words()})(?:\s+(?:với|cho|tới|đến))?\s+"
                      rf"(?:(?:{fillers})(?:\s*,\s*|\s+và\s+|\s+))*"
                      rf"(?:{_head_role().pattern}(?:[^\s,;.:]+\s+){{0,3}}|{_self_role()})?$",
                      re.IGNORECASE)


@cache
def _self_role() -> str:
    """A title that is a whole post and may stand before its body's name ('kiến nghị Thủ tướng Chính phủ …'; roles.tsv,
    kind self), as a regex."""
    from graphkit.gazetteer import roles

    return rf"(?:{alternation([r.role for r in roles() if r.kind == 'self'], ignore_case=True)})\s+"


@cache
def _not_subject() -> re.Pattern:
    """Words within the two words before 'tỉnh', 'thành phố' or 'địa phương' that make it no subject
    (``data/implement_anaphor_stops.txt``): a genitive or partner ('chương trình công tác của Thành phố', 'ký
    chương trình phối hợp với bưu điện tỉnh'), some of them ('tại một số địa phương'), the one asked ('huyện đã
    kiến nghị thành phố')."""
    words = load_list("implement_anaphor_stops.txt")
    return re.compile(rf"(?<![\w])(?:{alternation(words, ignore_case=True)})(?:\s+\w+){{0,2}}\s+$", re.IGNORECASE)


@cache
def _list_join_head() -> re.Pattern:
    """What joins two actors of one list when each may have its head's title ('Giám đốc Sở Giao thông Vận tải,
    Chủ tịch UBND huyện Sóc Sơn'), or a partner to the first ('Sở Tài nguyên và Môi trường phối hợp với UBND huyện
    Tánh Linh')."""
    return re.compile(rf"(?:{_LIST_JOIN.pattern}|\s*(?:chủ trì\s*,?\s*)?phối hợp với\s*)(?:{_head_role().pattern})?",
                      re.IGNORECASE)


def _list_start(sentence: str, actors, chosen: int) -> int:
    """The index of the first actor of the list that ends with the actor at ``chosen``, heads' titles allowed."""
    i = chosen
    while i > 0 and _list_join_head().fullmatch(sentence, actors[i - 1][1], actors[i][0]):
        i -= 1
    return i


# a source the sentence opens with ('Theo báo cáo của Bộ Nội vụ, các bộ … đã triển khai …'): not the subject
_ATTRIBUTION = re.compile(r"\W*[Tt]heo(?![\w])")


@cache
def _head_role() -> re.Pattern:
    """A head's title right before its body at the start of a clause ('Chủ tịch UBND tỉnh Phú Thọ yêu cầu …'): the
    head acts for the body (roles.tsv, kind head)."""
    from graphkit.gazetteer import roles

    titles = [r.role for r in roles() if r.kind == "head"]
    return re.compile(rf"(?:[Pp]hó\s+)?(?:{alternation(titles, ignore_case=True)})\s+", re.IGNORECASE)


@cache
def issuer_family() -> dict[str, frozenset[str]]:
    """issuer code → the bodies that stand for that issuer (``data/directive_issuer_family.tsv``)."""
    out: dict[str, set[str]] = {}
    for r in load_table("directive_issuer_family.tsv", ("code", "body")):
        out.setdefault(r["code"], set()).add(r["body"])
    return {k: frozenset(v) for k, v in out.items()}


def is_issuer(actor_label: str, issuer_code: str, issuer: str | None) -> bool:
    """Whether a body is (or stands for) the issuer of a document coded with ``issuer_code``.

    >>> is_issuer("Văn phòng Chính phủ", "TTg", "Thủ tướng Chính phủ")
    True
    >>> is_issuer("Bộ Xây dựng", "TTg", "Thủ tướng Chính phủ")
    False
    """
    if issuer and actor_label == issuer:
        return True
    code = re.sub(r"\d+$", "", issuer_code.split("-")[0])  # QH13 → QH, UBND-QLĐT → UBND
    if actor_label in issuer_family().get(code, ()):
        return True
    issuers = directive_issuers()
    # a ministry's own circulars and decisions (2036/QĐ-BTTTT is the Ministry of Information's)
    return code in issuers and issuers[code][0] == "state" and issuers[code][1] == actor_label


def _with_list(sentence: str, actors, chosen: int) -> list:
    """The actor at ``chosen`` and the actors listed right before it ('A, B và C')."""
    out = [actors[chosen][2]]
    i = chosen
    while i > 0 and _LIST_JOIN.fullmatch(sentence, actors[i - 1][1], actors[i][0]):
        i -= 1
        out.insert(0, actors[i][2])
    return out


def _subject_after(sentence: str, directive_end: int, actors) -> list:
    """The actors that open the main clause after an opening clause ending after ``directive_end``."""
    for c in _AFTER_COMMA.finditer(sentence, directive_end, directive_end + SUBJECT_REACH):
        head = _head_role().match(sentence, c.end())
        for i, a in enumerate(actors):
            if a[0] == c.end() or head and a[0] == head.end():
                out = [a[2]]
                j = i
                while j + 1 < len(actors) and _LIST_JOIN.fullmatch(sentence, actors[j][1], actors[j + 1][0]):
                    j += 1
                    out.append(actors[j][2])
                return out
    return []


def find_actors(sentence: str, directive_start: int, actors: list[tuple[int, int, object]], main_actor=None, *,
                directive_end: int | None = None, verbs: re.Pattern | None = None) -> list:
    """The implementers of the directive at ``directive_start`` (none, one, or the members of a list).

    ``actors``: (start, end, actor) mentions in the sentence (provinces, bodies), in order.
    """
    before = sentence[:directive_start]
    verbs = verbs or implement_verbs()
    found = [v for v in verbs.finditer(before) if directive_start - v.end() <= VERB_REACH]
    if not found:
        return []
    verb = found[-1]
    if not _carried_out(sentence, verb) or _not_followed().search(sentence, verb.end(), directive_start):
        return []
    if directive_end is not None and _is_opinion(sentence, verb, directive_end):
        return []
    # the nearest actor before the verb; else 'tỉnh' standing for the article's province
    cands = [i for i, a in enumerate(actors) if a[1] <= verb.start() and verb.start() - a[1] <= ACTOR_REACH
             and sentence.count("(", a[1], verb.start()) <= sentence.count(")", a[1], verb.start())]
    anaphor = [m for m in _ANAPHOR.finditer(before[:verb.start()])
               if not _LOCALITIES_LIST.search(before, max(0, m.start() - 20), m.start())
               and not _not_subject().search(before, max(0, m.start() - 40), m.start())]
    best = cands[-1] if cands else None
    if anaphor and main_actor is not None and (best is None or anaphor[-1].start() > actors[best][1]):
        if _blockers().search(sentence, anaphor[-1].end(), verb.start()):
            return []  # 'UBND tỉnh yêu cầu Chủ tịch UBND các huyện … thực hiện …'
        return [main_actor]
    if best is not None:
        start, end = actors[best][0], actors[best][1]
        first = actors[_list_start(sentence, actors, best)][0]
        if _blockers().search(sentence, end, verb.start()) or _asked().search(sentence, max(0, first - 45), first) \
                or _pronoun_subject().search(sentence, end, verb.start()):
            return []
        if _ATTRIBUTION.match(sentence) and "," in sentence[end:verb.start()] and "," not in sentence[:start]:
            return []  # the source of what the sentence says, not its subject
        return _with_list(sentence, actors, best)
    # an opening clause: 'Thực hiện Chỉ thị …, Sở Y tế đã …'
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, verb.start())]
    clause_start = starts[-1] if starts else 0
    if directive_end is not None and verb.start() - clause_start <= OPENING_REACH \
            and _opener().fullmatch(sentence, clause_start, verb.start()):
        found = _subject_after(sentence, directive_end, actors)
        if found:
            return found
    # an inspection of how a body leads, directs and carries out a document, the body named at the end
    if directive_end is not None and _LEADS_THEN.search(sentence, max(0, verb.start() - 30), verb.start()) \
            and _INSPECTS_LEADING.search(sentence, 0, verb.start()):
        return _inspected(sentence, directive_end, actors)
    return []


# 'kiểm tra (việc) lãnh đạo, chỉ đạo (và tổ chức) thực hiện …' / 'nội dung giám sát là công tác lãnh đạo, chỉ đạo …'
_INSPECTS_LEADING = re.compile(r"(?<![\w])(?:kiểm tra|giám sát)(?![\w])[^;:]*?(?<![\w])lãnh đạo\s*,?\s+(?:và\s+)?chỉ đạo(?![\w])",
                               re.IGNORECASE)
# what stands right before the verb of that formula: 'chỉ đạo, tổ chức thực hiện', 'gắn với (việc) thực hiện'
_LEADS_THEN = re.compile(r"(?<![\w])(?:chỉ đạo|tổ chức|triển khai|gắn với(?:\s+việc)?)\s*,?\s*(?:và\s+)?"
                         r"(?:(?:tổ chức|triển khai)\s*,?\s*)*$", re.IGNORECASE)
# the inspected body at the end of the sentence: 'tại Cà Mau.', 'của Ban Thường vụ Tỉnh ủy Bình Định từ tháng 6.2012 đến
# nay.'
_AT_BODY = re.compile(r"(?<![\w])(?:tại|của|ở|đối với)\s+$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"\s*(?:(?:từ|trong|giai đoạn|nhiệm kỳ|năm)(?![\w])(?:[^,;.!?]|\.(?=\d))*)?[\s.;!?”\"]*")


def _inspected(sentence: str, directive_end: int, actors) -> list:
    """The body (or list of bodies) named first after the directive, after 'tại', 'của', 'ở' or 'đối với', when it
    ends the sentence: the inspected implementer of 'Đoàn kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện Kết
    luận số 24-KL/TW … tại Cà Mau.'"""
    after = [i for i, a in enumerate(actors) if a[0] >= directive_end]
    if not after:
        return []
    i = j = after[0]
    if not _AT_BODY.search(sentence, max(0, actors[i][0] - 12), actors[i][0]):
        return []
    while j + 1 < len(actors) and _LIST_JOIN.fullmatch(sentence, actors[j][1], actors[j + 1][0]):
        j += 1
    if not _ENDS_SENTENCE.fullmatch(sentence, actors[j][1]):
        return []
    return [a[2] for a in actors[i:j + 1]]


def find_actor(sentence: str, directive_start: int, actors: list[tuple[int, int, object]], main_actor=None):
    """The first implementer of the directive at ``directive_start``, or None (see :func:`find_actors`)."""
    found = find_actors(sentence, directive_start, actors, main_actor)
    return found[0] if found else None


def link_directives(facts: ArticleFacts, sentences: list[Sentence], dmatches: list, main_place: Place | None,
                    provinces: list = ()) -> None:
    """Implementation and citation, sentence by sentence on expanded text: adds to ``facts.implementations``
    and ``facts.citations`` for the directives ``dmatches`` found in the story (in order). ``provinces``: the
    story's province mentions (places.PlaceMatch, in order): a provincial body written without its place
    (``Sở Y tế``) is of the province named last up to its sentence's end, else of the article's."""
    if not dmatches:
        return  # (most stories name no directive: their sentences are not walked through)
    from graphkit.extract import directives as dirs
    from graphkit.nlp.normalize import expand_abbreviations

    by_key = {d.key: d for d in facts.directives}
    seen_imp = set()
    starts = [m.start for m in dmatches]  # in order
    province_ends = [m.end for m in provinces]
    for s in sentences:
        i = bisect_left(starts, s.start)
        if i == len(starts) or starts[i] >= s.start + len(s.text):
            continue  # no directive named in the sentence
        exp = expand_abbreviations(s.text)
        local = dirs.find_directives(exp, article_date=facts.article.date, known=facts.directives)
        local = [m for m in local if m.directive.key in by_key] or [
            m for m in local if (m.directive.type_code, m.directive.number) in {(d.type_code, d.number) for d in facts.directives}]
        cited = _citations(exp, local, by_key, s, facts)
        issuer_zones = [_issuer_zone(exp, m.end, dirs._context(exp, m.end)[3]) for m in local]
        named = bisect_left(province_ends, s.start + len(s.text)) - 1
        here = Place(provinces[named].place.name) if named >= 0 else main_place
        actors = [a for a in _actors(exp, here) if not any(z0 <= a[0] < z1 for z0, z1 in issuer_zones)
                  and not credit_before().search(exp, max(0, a[0] - 20), a[0])]
        for m in local:
            d = by_key.get(m.directive.key)
            if d is None:
                continue
            if m.directive.key in cited:
                # a plan issued to carry out the directive: the plan's issuer implements it
                plan = cited[m.directive.key]
                if plan is None:
                    continue
                found = find_actors(exp, plan.start, actors, main_actor=main_place, directive_end=plan.end,
                                    verbs=issue_verbs())
            else:
                found = find_actors(exp, m.start, actors, main_actor=main_place, directive_end=m.end)
            issuers = _issued_by(exp, m.end, actors)
            for actor in found:
                if actor in issuers or isinstance(actor, Body) and is_issuer(actor.label, d.issuer_code, d.issuer):
                    continue  # an issuer does not implement its own document
                k = (actor, d.key)
                if k not in seen_imp:
                    seen_imp.add(k)
                    facts.implementations.append(Implementation(actor, d, s.evidence))


_OF = re.compile(r"(?<![\w])của(?![\w])")


def _issuer_zone(exp: str, start: int, reach: int) -> tuple[int, int]:
    """The issuer's words after a directive, up to a second 'của' (the issuer's own genitive ends there: '… Quyết
    định số 68/QĐ-TW ngày 4.7.2007 của Bộ Chính trị khóa 10 của Ban Thường vụ Tỉnh ủy Bình Định', where the second
    body is the implementer the sentence names)."""
    ofs = _OF.finditer(exp, start, reach)
    if next(ofs, None) is not None and (second := next(ofs, None)) is not None:
        reach = second.start()
    return start, reach


_BY = re.compile(r"\s*(?:mà|do)\s+")
_AUX = re.compile(r"\s+(?:(?:đã|vừa|mới)\s+)?")


def _issued_by(sentence: str, directive_end: int, actors) -> set:
    """The actors a directive's own description says issued it ('Thông tư 15/2015 mà Bộ VH-TT-DL đã ban hành',
    '… do Ủy ban nhân dân tỉnh ban hành')."""
    out = set()
    for a in actors:
        if a[0] < directive_end:
            continue
        by = _BY.match(sentence, directive_end)
        if by is None or by.end() != a[0]:
            break
        aux = _AUX.match(sentence, a[1])
        if _issuing_verbs().match(sentence, aux.end()):
            out.add(a[2])
        break
    return out


_CITE_LINK = re.compile(r"(?=[tvsbhc])(?<![\w])(?:thực hiện|về|sửa đổi|bổ sung|thay thế|bãi bỏ|hướng dẫn|cụ thể hóa|sơ kết|tổng kết)(?![\w])")
# what one document does to another: the last link word between them says it; in the passive ('Nghị định 43
# được sửa đổi bởi Nghị định 135') the later document does it to the earlier
_CHANGE_LINK = re.compile(r"(?<![\w])(?P<passive>được\s+)?(?P<verb>sửa đổi(?:,?\s*bổ sung)?|bổ sung|thay thế|bãi bỏ)(?![\w])"
                          r"(?P<by>\s+(?:bởi|bằng|tại|theo))?")
_CHANGE_RELATION = {"sửa": "amends", "bổ": "amends", "thay": "replaces", "bãi": "repeals"}  # by the first word


# a provincial body of several provinces ('hướng dẫn Ủy ban nhân dân các tỉnh, thành phố … triển khai'): no one place
_PLURAL = re.compile(r"\s+(?:các|những)(?![\w])")


def _actors(exp: str, implicit_place: Place | None) -> list[tuple[int, int, object]]:
    """Provinces and bodies in ``exp``, in order; a provincial body without its place stands for
    ``implicit_place``."""
    from graphkit.extract.places import find_provinces

    actors: list[tuple[int, int, object]] = []
    for m in find_provinces(exp):
        actors.append((m.start, m.end, m.place))
    known = find_bodies(exp)
    for b in known + find_named_bodies(exp, known):
        if b.body.level == "central":
            actors.append((b.start, b.end, b.body))
        elif b.body.place is not None:
            actors.append((b.start, b.end, Place(b.body.place.province_name)))
        elif b.body.level == "province" and implicit_place is not None and not _PLURAL.match(exp, b.end):
            actors.append((b.start, b.end, implicit_place))
    actors.sort(key=lambda a: (a[0], -a[1]))
    # a province inside a body mention (Tỉnh ủy Bắc Kạn) is the same actor
    out: list[tuple[int, int, object]] = []
    for a in actors:
        if out and a[0] < out[-1][1]:
            continue
        out.append(a)
    return out


# a second document carried out together with the first, not described by it: the last link word is 'gắn với
# (việc) thực hiện' ('… Kết luận số 24-KL/TW về … gắn với thực hiện Quy chế …, ban hành kèm theo Quyết định số 68'),
# or 'gắn với' right before it ('Chỉ thị 05-CT/TW của Bộ Chính trị về “…”, gắn với Chỉ thị số 29-CT/TU')
_COORDINATED = re.compile(r"(?<![\w])gắn (?:liền )?với\s+(?:(?:việc\s+)?(?:thực hiện|triển khai)(?![\w])(?!.*(?<![\w])thực hiện(?![\w]))|"
                          r"(?:các\s+)?$)")
_LISTED = re.compile(r"(?:[,;]|(?<![\w])và)\s*(?:các\s+)?$")


def _described_then_listed(between: str) -> bool:
    """Whether the words between two documents only describe the first ('… về …') and then list the second after
    it ('Nghị quyết 09-NQ/TW năm 2007 về chiến lược biển Việt Nam đến năm 2020, Nghị quyết số 26-NQ/TW'; 'Nghị định
    90/2008/NĐ-CP về chống thư rác và Nghị định 77/2012/NĐ-CP'): the second is listed with the first, not cited."""
    if not _LISTED.search(between):
        return False
    last = None
    for last in _CITE_LINK.finditer(between):
        pass
    return last is None or last.group() == "về"


_PLAN_TYPES = frozenset({"KH", "CTr", "ĐA"})  # a plan, programme or scheme carries out what it cites
_CARRY_OUT = re.compile(r"(?<![\w])(?:tổ chức thực hiện|thực hiện|triển khai|cụ thể hóa)(?![\w])")


def _citations(exp: str, local, by_key, s: Sentence, facts: ArticleFacts) -> dict:
    """Directive A cites B when the text between says A is about carrying out B.

    Returns the cited directives' keys, each with the plan that carries it out (``Kế hoạch số 23/KH-UBND
    tổ chức thực hiện Chỉ thị số 15-CT/TU``), else None."""
    cited: dict = {}
    for i, a in enumerate(local):
        rel = ("cites", False)
        for b in local[i + 1:]:
            between = exp[a.end:b.start]
            if ";" in between:
                break
            joined = b.directive.key in cited and re.fullmatch(r"[\s,]*(?:và)?[\s,]*", between or "")
            if not joined and (_COORDINATED.search(between) or _described_then_listed(between)):
                break  # '… Kết luận số 24-KL/TW … gắn với thực hiện Quy chế …, ban hành kèm theo Quyết định số 68'
            if _CITE_LINK.search(between) or joined:
                if a.directive.key == b.directive.key:
                    continue
                da, db = by_key.get(a.directive.key), by_key.get(b.directive.key)
                if da and db and b.directive.key not in cited:
                    plan = a if da.type_code in _PLAN_TYPES and _CARRY_OUT.match(between.strip(" ,")) else None
                    cited[b.directive.key] = plan
                    if not joined:  # a list after one link word ('thay thế Nghị định 59, Nghị định 189 và …')
                        rel = _relation(between)
                    relation, passive = rel
                    facts.citations.append(Citation(db, da, s.evidence, relation) if passive
                                           else Citation(da, db, s.evidence, relation))
            else:
                break
    return cited


def _relation(between: str) -> tuple[str, bool]:
    """What the document before ``between`` does to the one after it, and whether it is said in the
    passive (then the one after does it to the one before): the last link word decides."""
    last = None
    for last in _CHANGE_LINK.finditer(between):
        pass
    if last is None or _CITE_LINK.search(between, last.end()):  # a later 'thực hiện', 'về' … : a citation
        return "cites", False
    return _CHANGE_RELATION[last.group("verb").split()[0]], bool(last.group("passive") and last.group("by"))
