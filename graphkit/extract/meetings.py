"""Meetings: who chairs, attends and speaks, and the meeting's name, date, place and organiser.

Read sentence by sentence from the main story (related-news teasers are other stories):

* chairs: persons before ``chủ trì`` / ``đồng chủ trì`` (``Hội nghị do đồng chí X chủ trì``), or after
  ``dưới sự chủ trì của``; ``chủ trì điểm cầu`` makes a bridge-point sub-event;
* attendees: persons after ``(Cùng|Tham) dự … có (các đồng chí)``, or before a verb ``dự``/``tham dự``/``tham
  gia cuộc họp`` (not the host of ``Nhận lời mời của …``, nor one who tells that others attend), or the subject
  of a sentence opening ``Tham dự buổi lễ …,``;
* speakers: persons in a sentence with ``phát biểu``.

A meeting whose story names no event takes the headline's name only when the headline names a meeting, else
the sentence that seats someone.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cached_property

from graphkit.extract.facts import Evidence, Meeting
from graphkit.nlp.patterns import UPPER, quick_test, skipping

# (searched: a match's start is where the cue starts; patterns.skipping)
_CHAIR = skipping(r"(?<![\w])(?:đồng chủ trì|chủ trì)(?![\w])", ["đồng", "chủ"], flags=re.IGNORECASE)
_CHAIR_OF = re.compile(r"(?:dưới sự|với sự)\s+(?:đồng\s+)?chủ trì của", re.IGNORECASE)
_BRIDGE = re.compile(r"chủ trì (?:tại )?điểm cầu(?P<where>[^,.;]{0,40})", re.IGNORECASE)
# words after 'dự' that make it a noun, not 'attend' (dự án, dự thảo, dự khuyết …)
_DU_NOUNS = "án|thảo|kiến|báo|toán|trữ|khuyết|định|phòng|bị|đoán|tính|luật|trù|thầu|giải|thi"
_ATTEND_LIST = re.compile(
    rf"(?=[CcTtĐđDd])(?<![\w])(?:[Cc]ùng |[Tt]ham |[Đđ]ến )?[Dd]ự(?! (?:{_DU_NOUNS}))"
    r"[^.;:]{0,60}?\bcó\b(?: sự tham dự của)?(?: các)?(?: đồng chí| ông| bà)?\s*:?")
# words before 'dự' that make it part of a noun or another verb: 'danh dự' (honour), 'can dự' (be involved)
_DU_BEFORE = r"(?<!danh )(?<!Danh )(?<!can )(?<!Can )"
_ATTEND_VERB = re.compile(
    rf"(?=[ctđd])(?<![\w]){_DU_BEFORE}(?:cùng |tham |đến )?dự(?! (?:{_DU_NOUNS}|hội nghị có|có))(?![\w])")
# 'Nhận lời mời của A, …, sáng 11/5, B … dự': the host who invites is no attendee; the invitation ends at the
# comma before the time of the story (or at the verb)
_INVITE = re.compile(r"(?<![\w])(?:lời mời|mời) của(?![\w])", re.IGNORECASE)
_TIME_CLAUSE = re.compile(r",\s*(?:sáng|chiều|tối|trưa|ngày|hôm|đêm|tuần|tháng)(?![\w])", re.IGNORECASE)
# 'tham gia' + a meeting: attending ('Ông Sokolov đã tham gia cuộc họp của …'), not 'tham gia giao thông'
_JOIN = re.compile(r"(?<![\w])tham gia (?:cuộc họp|hội nghị|phiên họp|buổi (?:làm việc|họp|lễ|gặp)|lễ|hội thảo|diễn đàn|"
                   r"đại hội|kỳ họp|tọa đàm|hội đàm)(?![\w])", re.IGNORECASE)
# a sentence that opens with the attending and the event, then a comma: the subject follows
_LEAD = re.compile(r"\s*(?:[Cc]ùng |[Đđ]ến )?(?:[Tt]ham )?[Dd]ự\s+(?=[^,.;:]{0,60}(?<![\w])(?:buổi|hội nghị|lễ|cuộc|phiên họp|"
                   r"kỳ họp|hội thảo|đại hội|tọa đàm|diễn đàn|chương trình|làm việc|giao ban)(?![\w]))[^,.;:]{3,80},\s*")
_ADDRESS = re.compile(r"\s*(?:các\s+)?(?:ông|bà|đồng chí|Ông|Bà|Đồng chí)\s*:?\s*")
# a verb of saying between a person and 'dự': the person tells that others attend
_REPORT = re.compile(r"(?<![\w])(?:rằng|cho biết|cho rằng|nói|khẳng định|nhấn mạnh|thông báo|tuyên bố)(?![\w])")
_SPEAK = quick_test(r"(?<![\w])phát biểu(?![\w])", ["phát"], flags=re.IGNORECASE)
_EVENT = re.compile(
    r"(?:tổ chức|khai mạc|diễn ra|họp|tiến hành)\s+(?P<ev>(?:[Hh]ội nghị|[Gg]iao ban|[Hh]ội thảo|[Ll]ễ|[Bb]uổi làm việc|"
    r"[Pp]hiên họp|[Cc]uộc họp|[Đđ]ại hội|[Kk]ỳ họp|[Tt]ọa đàm|[Bb]uổi gặp mặt|[Bb]uổi tiếp)[^.;]*)")
_EVENT_NOUN = re.compile(
    r"(?P<ev>(?:Hội nghị|Hội thảo|Lễ|Đại hội|Kỳ họp|Phiên họp|Tọa đàm)\s[^.;]{5,})")
_MEETING_WORD = re.compile(r"(?<![\w])(?:hội nghị|hội thảo|họp|làm việc|lễ|đại hội|kỳ họp|phiên họp|tọa đàm|gặp mặt|"
                           r"tiếp|hội đàm|giao ban|sơ kết|tổng kết|thăm|giám sát|kiểm tra|khảo sát)(?![\w])", re.IGNORECASE)
_WHEN = re.compile(r"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày|[Tt]rưa)(?:\s+nay)?\s*\(?(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?\)?")
_AT = re.compile(rf"\btại\s+(?P<loc>[{UPPER}][^,.;()]{{2,70}})")


@dataclass
class Sentence:
    text: str
    start: int  # offset in the article text

    @cached_property  # one per sentence, shared by its facts: not a copy of the sentence per fact (quadratic)
    def evidence(self) -> Evidence:
        return Evidence(self.text.strip(), self.start, self.start + len(self.text))


def _date(text: str, article_date: _dt.date | None) -> _dt.date | None:
    m = _WHEN.search(text)
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
    subs: list[Meeting] = []
    chairs: dict[str, Evidence] = {}
    attendees: dict[str, Evidence] = {}
    speakers: dict[str, Evidence] = {}
    first_role = None
    for i, (sent, persons) in enumerate(zip(sentences, persons_by_sentence)):
        if not persons:
            continue
        t = sent.text
        bridge = _BRIDGE.search(t)
        chair_m = _CHAIR.search(t)
        chair_of = _CHAIR_OF.search(t)
        att_list = _ATTEND_LIST.search(t)
        if bridge:
            names = [n for s, e, n in persons if e <= bridge.start()]
            where = bridge.group("where").strip() or None
            sub = Meeting(index=len(subs) + 1, label=f"điểm cầu {where}" if where else "điểm cầu",
                          evidence=sent.evidence, location=where)
            sub.chairs = [(n, sent.evidence) for n in names]
            subs.append(sub)
        elif chair_of:
            for s, e, n in persons:
                if s >= chair_of.end():
                    chairs.setdefault(n, sent.evidence)
        elif chair_m:
            for s, e, n in persons:
                if e <= chair_m.start() and not (att_list and s >= att_list.end()):
                    chairs.setdefault(n, sent.evidence)
        if att_list:
            for s, e, n in persons:
                if s >= att_list.end():
                    attendees.setdefault(n, sent.evidence)
        else:
            v = _ATTEND_VERB.search(t) or _JOIN.search(t)
            lead = _LEAD.match(t) if v and v.start() < 12 else None
            if lead:  # 'Tham dự buổi làm việc, ông Trần Văn Lý, Phó Chủ tịch …, thông tin thêm': the subject after
                first = next(((s, e, n) for s, e, n in persons if s >= lead.end()), None)
                gap = t[lead.end():first[0]] if first else ""
                if first and (not gap.strip(" ,") or _ADDRESS.fullmatch(gap)):  # the subject, right after
                    attendees.setdefault(first[2], sent.evidence)
            elif v and not chair_m:
                inv = _INVITE.search(t, 0, v.start())
                host = (inv.end(), (_TIME_CLAUSE.search(t, inv.end(), v.start()) or v).start()) if inv else (0, 0)
                for s, e, n in persons:
                    # not the host who invites, nor a speaker who tells that others will attend ('X phát biểu rằng,
                    # lãnh đạo 20 nước sẽ tham dự')
                    if e <= v.start() and not host[0] <= s < host[1] and not _REPORT.search(t, e, v.start()):
                        attendees.setdefault(n, sent.evidence)
        if first_role is None and (bridge or chair_of or chair_m or att_list):
            first_role = i
        sp = _SPEAK.search(t)
        if sp:
            for s, e, n in persons[:1]:
                speakers.setdefault(n, sent.evidence)
    if not (chairs or attendees or subs):
        return []
    events = []  # (name, sentence, index) of the events the story names
    for i, sent in enumerate(sentences):
        m = _EVENT.search(sent.text) or _EVENT_NOUN.search(sent.text)
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
        if title and _MEETING_WORD.search(title):
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
