"""Meetings: who chairs, attends and speaks, and the meeting's name, date, place and organiser.

Read sentence by sentence from the main story (related-news teasers are other stories):

* chairs: persons before ``chủ trì`` / ``đồng chủ trì`` (``Hội nghị do đồng chí X chủ trì``), or after
  ``dưới sự chủ trì của``; ``chủ trì điểm cầu`` makes a bridge-point sub-event;
* attendees: persons after ``(Cùng|Tham) dự … có (các đồng chí)``, or before a verb ``dự``/``tham dự``/``tham
  gia cuộc họp`` (not the host of ``Nhận lời mời của …``, nor one who tells that others attend or welcomes
  them: ``X chào mừng Y sang dự …``), or the subject of a sentence opening ``Tham dự buổi lễ …,``;
* speakers: persons in a sentence with ``phát biểu``.

A meeting whose story names no event takes the headline's name only when the headline names a meeting, else
the sentence that seats someone.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache, cached_property
from types import SimpleNamespace

from graphkit.extract.facts import Evidence, Meeting
from graphkit.gazetteer import capitalised_too, load_table
from graphkit.nlp.patterns import UPPER, alternation, quick_test, skipping


@cache
def _words(use: str) -> tuple[str, ...]:
    """The words of meeting_words.tsv for one use (see its header)."""
    rows = load_table("meeting_words.tsv", ("word", "use"))
    return tuple(r["word"] for r in rows if r["use"] == use)


def _alt(use: str, capitals: bool = False) -> str:
    """The words of one use as a regex (no groups); with ``capitals``, each also with its first letter a capital."""
    words = _words(use)
    return alternation(capitalised_too(words) if capitals else words)


@cache
def _cues() -> SimpleNamespace:
    """The cues of a meeting, compiled once (a match's start is where the cue starts)."""
    du_nouns = _alt("noun_after_du")
    not_before = "".join(f"(?<!{re.escape(w)} )" for w in capitalised_too(_words("word_before_du")))
    address = _alt("address")
    return SimpleNamespace(
        chair=skipping(rf"(?<![\w])(?:{_alt('chair')})(?![\w])", _words("chair"), flags=re.IGNORECASE),
        # right after 'chủ trì': a task, not a meeting ('giao Bộ X chủ trì, phối hợp với …', 'cơ quan chủ trì soạn thảo')
        chair_task=re.compile(rf"\s*,?\s*(?:{_alt('task_after_chair')})(?![\w])"),
        # between a person and 'chủ trì': the person gives the task to another ('X giao Sở Y chủ trì …') or the
        # event is another's ('X nhắc lại Hội nghị do Y chủ trì'); not when the person acts 'khi chủ trì …'
        chair_block=re.compile(rf"(?<![\w]){''.join(f'(?<!{re.escape(w)} )' for w in _words('word_before_assigning'))}"
                               rf"(?:(?:{_alt('assigning')})(?=\s+(?:cho\s+)?[{UPPER}])|do)(?![\w])"),
        # persons after '(Cùng|Tham|Đến) dự … có (các đồng chí)': the attendees
        attend_list=re.compile(
            rf"(?=[CcTtĐđDd])(?<![\w])(?:[Cc]ùng |[Tt]ham |[Đđ]ến )?[Dd]ự(?! (?:{du_nouns}))"
            rf"(?! (?:[^\s.,;:]+ ){{0,2}}(?:{_alt('contest')})(?![\w]))"
            rf"[^.;:]{{0,60}}?\bcó\b(?: sự tham dự của)?(?: các)?(?: (?:{address}))?\s*:?"),
        # persons before a verb 'dự' (attend); not 'dự án', 'danh dự', nor a contest ('tham dự VCK U20 World Cup')
        attend_verb=re.compile(
            rf"(?=[ctđd])(?<![\w]){not_before}(?:cùng |tham |đến )?dự(?! (?:{du_nouns}|hội nghị có|có))(?![\w])"
            rf"(?! (?:[^\s.,;:]+ ){{0,2}}(?:{_alt('contest')})(?![\w]))"),
        # the comma before the time of the story ends an invitation's host
        time_clause=re.compile(rf",\s*(?:{_alt('time_clause')})(?![\w])", re.IGNORECASE),
        # 'tham gia' + a meeting: attending ('Ông Sokolov đã tham gia cuộc họp của …'), not 'tham gia giao thông'
        # (its first letter as a class, the rest in either case: the engine skips to a 't' in C, where a pattern
        # in either case throughout is tried at every position; the look-behind after it is the word start)
        join=re.compile(rf"[tT](?<![\w].)(?i:ham gia (?:{_alt('joined_event')}))(?![\w])"),
        # a sentence that opens with the attending and the event, then a comma: the subject follows
        lead=re.compile(rf"\s*(?:[Cc]ùng |[Đđ]ến )?(?:[Tt]ham )?[Dd]ự\s+(?=[^,.;:]{{0,60}}(?<![\w])"
                        rf"(?:{_alt('lead_event')})(?![\w]))[^,.;:]{{3,80}},\s*"),
        address=re.compile(rf"\s*(?:các\s+)?(?:{_alt('address', capitals=True)})\s*:?\s*"),
        # every cue of chairing holds it (those of meeting_words.tsv when they all do, _CHAIR_OF, _BRIDGE): a
        # sentence without it is not searched for them
        chairing=_CHAIRING if all(_CHAIRING in w.lower() for w in _words("chair")) else None,
        # … and of presence ('với sự tham dự của'): a sentence without it is not searched for them ('' when a word of
        # use 'presence' lacks it)
        presence_core=_PRESENCE_CORE if all(_PRESENCE_CORE in w.lower() for w in _words("presence")) else "",
        # 'X mời Y dự …' (not 'được mời', 'lời mời', 'khách mời', 'giấy mời', 'thư mời')
        inviting_words=_words("inviting"),
        inviting=re.compile(rf"(?<![\w])(?<!được )(?<!lời )(?<!khách )(?<!giấy )(?<!thư )(?:{_alt('inviting')})"
                            rf"(?![\w])(?! gọi)"),
        report=re.compile(rf"(?<![\w])(?:{_alt('saying')}|{_alt('welcoming')}"
                          rf"|(?<!được )(?<!lời )(?<!khách )(?:{_alt('others_attend')}))(?![\w])"),
        # 'với sự tham dự của X': the persons after it attend, up to a verb of saying, welcoming or speaking
        presence=re.compile(rf"(?<![\w])(?:{_alt('presence')})(?![\w])", re.IGNORECASE),
        # (or a full stop after a word in lower case or a number, then a capital: a sentence the splitter left glued
        # on, 'Cty CP Sông Đà 1.  Giải đáp …'; not 'TP. Hà Nội')
        presence_end=re.compile(rf"(?<![\w])(?:{_alt('saying')}|{_alt('welcoming')}|{_alt('speaking')})(?![\w])"
                                rf"|(?<=[a-zà-ỹđ\d])\.\s+(?=[{UPPER}])|\n"),
        speak=quick_test(rf"(?<![\w])(?:{_alt('speaking')})(?![\w])", _words("speaking"), flags=re.IGNORECASE),
        event=re.compile(rf"(?:{_alt('event_verb')})\s+(?P<ev>(?:{_alt('event', capitals=True)})[^.;]*)"),
        event_noun=re.compile(rf"(?P<ev>(?:{alternation(w[:1].upper() + w[1:] for w in _words('event_name'))})"
                              r"\s[^.;]{5,})"),
        meeting_word=re.compile(rf"(?<![\w])(?:{_alt('meeting_word')})(?![\w])", re.IGNORECASE),
        when=re.compile(rf"(?:{_alt('time_of_day', capitals=True)})(?:\s+nay)?\s*\(?(?P<d>\d{{1,2}})\s*[/-]\s*"
                        r"(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?\)?"),
    )


_CHAIRING = "chủ trì"  # a sentence lower-cased holds it where these match (no letter of it has a case but its capital)
_PRESENCE_CORE = "dự của"  # in every word of use 'presence' (checked in _cues)
_CHAIR_OF = re.compile(r"(?:dưới sự|với sự)\s+(?:đồng\s+)?chủ trì của", re.IGNORECASE)
_BRIDGE = re.compile(r"chủ trì (?:tại )?điểm cầu(?P<where>[^,.;]{0,40})", re.IGNORECASE)
# 'Nhận lời mời của A, …, sáng 11/5, B … dự': the host who invites is no attendee; the invitation ends at the
# comma before the time of the story (or at the verb)
_INVITE = re.compile(r"(?<![\w])(?:lời mời|mời) của(?![\w])", re.IGNORECASE)
# 'Theo ông X, …' / 'theo lời mời của X,': X is the source or the host of what follows, not one who attends
_SOURCE = re.compile(r"(?<![\w])[Tt]heo\s[^,;:]{0,80}[,:]")
# after 'dưới sự chủ trì của A': the names joined to A ('và', 'cùng', ';') chair with A; a stop ends them ('… để xem
# xét …', a full stop), and so does a name not joined ('dưới sự chủ trì của ông A - …, ông B … cho biết')
_CO_CHAIR = re.compile(r"(?<![\w])(?:và|cùng)(?![\w])|;")
_CHAIR_OF_STOP = re.compile(r"(?<![\w])(?:để|nhằm)(?![\w])|\.\s")
_WHEN = re.compile(r"(?<![\w])(?:khi|lúc)(?![\w])")  # 'X đã chỉ đạo như trên khi chủ trì …': X chairs
_AT = re.compile(rf"\btại\s+(?P<loc>[{UPPER}][^,.;()]{{2,70}})")


@dataclass
class Sentence:
    text: str
    start: int  # offset in the article text

    @cached_property  # one per sentence, shared by its facts: not a copy of the sentence per fact (quadratic)
    def evidence(self) -> Evidence:
        return Evidence(self.text.strip(), self.start, self.start + len(self.text))


def _date(text: str, article_date: _dt.date | None) -> _dt.date | None:
    m = _cues().when.search(text)
    if not m:
        return article_date
    year = int(m.group("y")) if m.group("y") else (article_date.year if article_date else None)
    if year is None:
        return None
    try:
        return _dt.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return article_date


def find_meetings(sentences: list[Sentence], persons_by_sentence: list[list], *, title: str | None,
                  article_date: _dt.date | None, bodies_by_sentence: list[list] | None = None) -> list[Meeting]:
    """Meetings of the story. ``persons_by_sentence[i]`` lists (start, end, name) in sentence i."""
    cue = _cues()
    subs: list[Meeting] = []
    chairs: dict[str, Evidence] = {}
    attendees: dict[str, Evidence] = {}
    speakers: dict[str, Evidence] = {}
    first_role = None
    for i, (sent, persons) in enumerate(zip(sentences, persons_by_sentence)):
        if not persons:
            continue
        t = sent.text
        tl = t.lower()
        if cue.chairing is None or cue.chairing in tl:
            bridge, chair_m, chair_of = _BRIDGE.search(t), cue.chair.search(t), _CHAIR_OF.search(t)
        else:  # (with the 't' of join: find_meetings 2.48 -> 1.46 G instructions on 4,000 articles)
            bridge = chair_m = chair_of = None
        block = -1  # where the persons who may chair start (after 'giao Sở X', 'do'), when a word hands it on
        # ('dự' or 'Dự' is in every match of attend_list, 'dự' in every one of attend_verb: a sentence without
        # them is not searched for them)
        has_du = "dự" in t
        att_list = cue.attend_list.search(t) if has_du or "Dự" in t else None
        if att_list and not any(s >= att_list.end() for s, _e, _n in persons):
            att_list = None  # no name after it: 'dự … có' was not a list ('sang dự Kỳ họp và …, … có một không hai')
        if bridge:
            names = [n for s, e, n in persons if e <= bridge.start()]
            where = bridge.group("where").strip() or None
            sub = Meeting(index=len(subs) + 1, label=f"điểm cầu {where}" if where else "điểm cầu",
                          evidence=sent.evidence, location=where)
            sub.chairs = [(n, sent.evidence) for n in names]
            subs.append(sub)
        elif chair_of:
            prev = chair_of.end()
            for s, e, n in persons:
                if s < chair_of.end():
                    continue
                gap = t[prev:s]
                if _CHAIR_OF_STOP.search(gap) or (prev > chair_of.end() and not _CO_CHAIR.search(gap)):
                    break
                chairs.setdefault(n, sent.evidence)
                prev = e
        elif chair_m and not cue.chair_task.match(t, chair_m.end("whole")):
            # the persons after the last word that hands the chairing to another ('giao', 'do'), if any
            block = max((m.end() for m in cue.chair_block.finditer(t, 0, chair_m.start())), default=-1)
            if block >= 0 and _WHEN.search(t, block, chair_m.start()):
                block = -1
            for s, e, n in persons:
                if block <= s and e <= chair_m.start() and not (att_list and s >= att_list.end()):
                    chairs.setdefault(n, sent.evidence)
        presence = cue.presence.search(t) if cue.presence_core in t else None
        if att_list:
            for s, e, n in persons:
                if s >= att_list.end():
                    attendees.setdefault(n, sent.evidence)
        else:
            # before 'với sự tham dự của …' (whose 'dự' is no verb of the persons before it), the verbs of attending
            upto = len(t)
            if presence:  # 'chủ trì lễ ra mắt …, với sự tham dự của ông X, …; Phó Chủ tịch UBND tỉnh Y'
                upto = presence.start()
                stop = cue.presence_end.search(t, presence.end())
                for s, e, n in persons:
                    if s >= presence.end() and (stop is None or e <= stop.start()):
                        attendees.setdefault(n, sent.evidence)
            # ('ham g' is in every match of join lower-cased: its letters have no other case than the ASCII one)
            v = (cue.attend_verb.search(t, 0, upto) if has_du else None) \
                or (cue.join.search(t, 0, upto) if "ham g" in tl else None)
            lead = cue.lead.match(t) if v and v.start() < 12 else None
            if lead:  # 'Tham dự buổi làm việc, ông Trần Văn Lý, Phó Chủ tịch …, thông tin thêm': the subject after
                first = next(((s, e, n) for s, e, n in persons if s >= lead.end()), None)
                gap = t[lead.end():first[0]] if first else ""
                if first and (not gap.strip(" ,") or cue.address.fullmatch(gap)):  # the subject, right after
                    attendees.setdefault(first[2], sent.evidence)
            # (with a chair in the sentence, only before the chairing handed on: 'X dự tiệc … do Y chủ trì'; no one
            # when it is an invitation: 'X mời Y … dự …' tells no attending)
            elif v and (not chair_m or v.end() <= block) \
                    and not (any(w in t for w in cue.inviting_words) and cue.inviting.search(t, 0, v.start())):
                inv = _INVITE.search(t, 0, v.start())
                host = (inv.end(), (cue.time_clause.search(t, inv.end(), v.start()) or v).start()) if inv else (0, 0)
                # the last report verb before the attending (found once: a search per person is quadratic)
                last_report = max((m.start() for m in cue.report.finditer(t, 0, v.start())), default=-1)
                sources = [(m.start(), m.end()) for m in _SOURCE.finditer(t, 0, v.start())] if "heo " in t else ()
                for s, e, n in persons:
                    # not the host who invites, nor a speaker who tells that others will attend ('X phát biểu rằng,
                    # lãnh đạo 20 nước sẽ tham dự'), nor one who welcomes them ('X chào mừng Y sang dự …'), nor the
                    # source of the news ('Theo ông X, …, doanh nghiệp … tham dự')
                    if e <= v.start() and not host[0] <= s < host[1] and last_report < e \
                            and not any(a <= s < b for a, b in sources):
                        attendees.setdefault(n, sent.evidence)
        if first_role is None and (bridge or chair_of or chair_m or att_list or presence):
            first_role = i
        sp = cue.speak.search(t)
        if sp:
            for s, e, n in persons[:1]:
                speakers.setdefault(n, sent.evidence)
    if not (chairs or attendees or subs):
        return []
    events = []  # (name, sentence, index) of the events the story names
    for i, sent in enumerate(sentences):
        m = cue.event.search(sent.text) or cue.event_noun.search(sent.text)
        if m:
            events.append((m.group("ev").strip(), sent, i))
    # the meeting is the event named nearest before the first sentence that seats someone
    before = [e for e in events if first_role is not None and e[2] <= first_role]
    event = before[-1] if before else (events[0] if events else None)
    if event is not None:
        label, ev_sent, _ = event
        label = re.split(r"\s(?:nhằm|để|với sự|dưới sự)\s", label)[0][:160].rstrip(" ,")
        evidence = ev_sent.evidence
        when = _date(ev_sent.text, article_date)
        at = _AT.search(ev_sent.text)
        location = at.group("loc").strip() if at else None
    else:  # no event named: the headline names it only when it names a meeting; else the sentence that seats someone
        first = next(iter(chairs.values()), None) or next(iter(attendees.values()))
        if title and cue.meeting_word.search(title):
            label = f"Hội nghị: {title}"
        else:
            label = f"Cuộc họp: {first.sentence[:120].rstrip()}"
        evidence, when, location = first, article_date, None
    main = Meeting(index=0, label=label[0].upper() + label[1:], evidence=evidence, date=when, location=location)
    main.chairs = sorted(chairs.items(), key=lambda kv: kv[1].start)
    main.attendees = sorted(((n, ev) for n, ev in attendees.items() if n not in chairs), key=lambda kv: kv[1].start)
    main.speakers = sorted(speakers.items(), key=lambda kv: kv[1].start)
    merged: list[Meeting] = []
    for sub in subs:  # the same bridge point told twice (text and caption) is one sub-event
        same = next((m for m in merged if {n for n, _ in m.chairs} == {n for n, _ in sub.chairs}), None)
        if same is None:
            merged.append(sub)
        elif sub.location and not same.location:
            same.label, same.location = sub.label, sub.location
    for k, sub in enumerate(merged, 1):
        sub.index, sub.parent, sub.date = k, 0, main.date
    return [main, *merged]
