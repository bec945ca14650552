"""Publication date and headline of an article, read from the top of its page text."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from graphkit.errors import DataFileError

FURNITURE_FILE = Path(__file__).resolve().parent.parent / "data" / "furniture.txt"

# Day-month-year with one separator: 28/06/2022, 28-6-2022, 28.6.2022.
_DMY = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
# Year-month-day: 2022-06-28, 2022/06/28.
_YMD = re.compile(r"(?<!\d)(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?!\d)")
# Written out: ngày 28 tháng 6 năm 2022.
_WORDS = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})(?!\d)", re.I)
# What else a date/time stamp line may hold: times, weekdays and labels.
_TIME = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)")
_STAMP_WORDS = re.compile(
    r"\b(?:cập\s+nhật|ngày\s+đăng|đăng\s+lúc|đăng|lúc|ngày|giờ|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)"
    r"|chủ\s+nhật|cn|t[2-7]|sa|ch|am|pm|gmt|utc|published|updated|posted)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
# A document number (21-NQ/TW, 21/2022/NĐ-CP): its date is the document's, not the page's.
_DOC_NUMBER = re.compile(r"\b\d+[-/][\w/-]*[A-ZĐ]{2,}")
_PLACEHOLDERS = {_dt.date(1970, 1, 1), _dt.date(1900, 1, 1)}  # empty dates of CMSs
_MAX_STAMP_CHARS = 80
_MAX_STAMP_LEFTOVER = 3  # words besides the stamp, e.g. a place: "Hà Nội, ngày 28 tháng 6 năm 2022"

_MIN_TITLE_WORDS = 4
_MAX_TITLE_CHARS = 300
_MAX_TITLE_WORDS = 40  # a longer line is body text: the headline is above it
_MAX_SENTENCE_TITLE_WORDS = 25  # a longer line ending in "." is a sentence of the body


def _dates_in(line: str) -> list[tuple[_dt.date | None, re.Match]]:
    """Every date-looking match in ``line``, with the date or ``None`` when invalid."""
    found = []
    for rx, order in ((_WORDS, "dmy"), (_DMY, "dmy"), (_YMD, "ymd")):
        for m in rx.finditer(line):
            g = [int(x) for x in m.groups() if x.isdigit()]
            y, mo, d = (g[2], g[1], g[0]) if order == "dmy" else (g[0], g[1], g[2])
            try:
                date = _dt.date(y, mo, d) if 1900 <= y <= 2100 else None
            except ValueError:
                date = None
            if date in _PLACEHOLDERS:
                date = None
            found.append((date, m))
    return found


def _stamp_date(line: str) -> tuple[bool, _dt.date | None]:
    """Whether ``line`` is mostly a date/time stamp, and its first valid date."""
    if len(line) > _MAX_STAMP_CHARS or _DIGIT.search(line) is None or _DOC_NUMBER.search(line):
        return False, None  # (every date has digits)
    found = _dates_in(line)
    if not found:
        return False, None
    rest = line
    for _, m in sorted(found, key=lambda f: -f[1].start()):
        rest = rest[: m.start()] + " " + rest[m.end() :]
    rest = _STAMP_WORDS.sub(" ", _TIME.sub(" ", rest))
    if len(_WORD.findall(rest)) > _MAX_STAMP_LEFTOVER:
        return False, None
    valid = [d for d, m in sorted(found, key=lambda f: f[1].start()) if d is not None]
    return True, (valid[0] if valid else None)


_READ_PAST = 60  # raw characters of a line read past the longest a headline or stamp can be, before deciding


def _head(text: str, n: int, limit: int = _MAX_TITLE_CHARS) -> Iterator[str]:
    """The first ``n`` non-empty lines of ``text``, stripped, with spaces collapsed, as they are read.

    A line is collapsed only as far as needed to see that it is longer than ``limit`` characters (a
    headline's; :data:`_MAX_STAMP_CHARS` for a date stamp): a longer one comes out cut (the spaces of
    a line's beginning collapse to no more characters than the whole line's).
    """
    long = limit + _READ_PAST
    count = start = 0
    while count < n and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = " ".join(text[start:min(end, start + long)].split())
        if end - start > long and len(line) <= limit:
            line = " ".join(text[start:end].split())  # mostly spaces: read it all
        if line:
            count += 1
            yield line
        start = end + 1


def find_date(text: str, *, head_lines: int = 12) -> _dt.date | None:
    """The publication date stamped near the top of ``text``, or ``None``.

    Only a line that is mostly a date/time stamp counts (``Cập nhật: 19:16 | 28/06/2022``,
    ``10:45, 01/07/2020``, ``Thứ Ba, 28/06/2022``, ``ngày 28 tháng 6 năm 2022``,
    ``2022-06-28``); dates inside sentences, dates without a year and impossible dates
    are ignored.

    >>> find_date("Tiêu đề bài báo\\nCập nhật: 19:16 | 28/06/2022\\nChiều 28/6, tại Hà Nội ...")
    datetime.date(2022, 6, 28)
    >>> find_date("Theo Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương ...") is None
    True
    """
    for line in _head(text, head_lines, _MAX_STAMP_CHARS):
        is_stamp, date = _stamp_date(line)
        if is_stamp and date is not None:
            return date
    return None


@cache
def _furniture() -> re.Pattern[str]:
    """The furniture patterns of ``data/furniture.txt`` as one regex (loaded once)."""
    patterns = []
    try:
        lines = FURNITURE_FILE.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"{FURNITURE_FILE}: cannot read it ({e}); reinstall graphkit") from e
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{FURNITURE_FILE}:{lineno}"
        try:
            rx = re.compile(line, re.I)
        except re.error as e:
            raise DataFileError(f"{where}: bad regular expression {line!r} ({e}); fix or remove it") from e
        if rx.fullmatch(""):
            raise DataFileError(f"{where}: {line!r} matches an empty line; make it more specific")
        patterns.append(f"(?:{line})")
    if not patterns:
        raise DataFileError(f"{FURNITURE_FILE}: no patterns in the file; restore it")
    return re.compile("|".join(patterns), re.I)


def is_furniture(line: str) -> bool:
    """Whether ``line`` is page furniture (a menu, toolbar or widget), per ``data/furniture.txt``."""
    return _furniture().fullmatch(" ".join(line.split())) is not None


def find_title(text: str, *, head_lines: int = 12) -> str | None:
    """The first line near the top of ``text`` that reads as a headline, or ``None``.

    Skips page furniture, date stamps and lines under 4 words; stops at the first line
    of body text (over 40 words or 300 characters, a sentence of over 25 words ending in
    ``.``, a lead-in ending in ``:``), since a headline stands above the body.

    >>> find_title("Tăng cỡ chữ Giảm cỡ chữ\\n21/09/2021\\nTỉnh Bắc Kạn nâng cao chất lượng đảng viên\\n...")
    'Tỉnh Bắc Kạn nâng cao chất lượng đảng viên'
    """
    for line in _head(text, head_lines):
        if is_furniture(line) or _stamp_date(line)[0]:
            continue
        words = len(line.split())
        if words < _MIN_TITLE_WORDS:
            continue
        if (len(line) > _MAX_TITLE_CHARS or words > _MAX_TITLE_WORDS or line.endswith(":")
                or (line.endswith(".") and not line.endswith("..") and words > _MAX_SENTENCE_TITLE_WORDS)):
            return None  # body text: the headline, if any, was above it
        return line
    return None


# ── datelines: the day a story happened, for articles whose page gives no date ──────────────────
# The lead of a news story opens with when it happened: "Sáng 5/2, …", "Ngày 12/3/2017, …",
# "Tối 5-2, …", "Sáng nay (6/2), …", "Đêm ngày 4/2, …", "QUẢNG NAM - Ngày 5-2, …", "Theo AFP, ngày
# 3/2, …", "Khoảng 21 giờ 30 phút ngày 16/6, …", "Bộ Quốc phòng Mỹ ngày 9/6 cho biết …", "… lãnh
# đạo tỉnh sáng 5/2, ông …", "Chiều qua (6/2), …" (the day before the article), "(ngày 8/2)".
_DAY_PART = r"(?:rạng\s+sáng|sáng\s+sớm|sáng|chiều\s+tối|chiều|trưa|tối|đêm|khuya)"
_WHEN = r"(?:vào\s+)?(?:" + _DAY_PART + r"(?:\s+(?:hôm\s+)?nay)?(?:\s+ngày)?|ngày|hôm\s+nay)"
_WHEN_CAP = (r"(?<!\w)(?:Vào\s+)?(?:Rạng\s+sáng|Sáng|Chiều|Trưa|Tối|Đêm|Ngày|Hôm\s+nay)(?:\s+(?:hôm\s+)?nay)?"
             r"(?:\s+ngày)?")
_REPORTS = (r"(?:đã|vừa(?!\s+qua)|đưa\s+tin|cho\s+biết|cho\s+hay|tuyên\s+bố|thông\s+báo|công\s+bố|khẳng\s+định|cho\s+rằng"
            r"|nhận\s+định|xác\s+nhận|kêu\s+gọi|tổ\s+chức|thông\s+qua|phát\s+đi|phát\s+biểu|tiến\s+hành)")
# a day/month (maybe with its year) in the lead; what stands before and after it says whether it is a dateline
# (the look-behind for the character before the day stands after its first digit: the engine skips to a digit in
# C instead of trying the pattern at every position; _dateline_match takes half the time)
_DM = re.compile(r"(\d(?<![\d/.-]\d)\d?)\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?(?![\d/-])")
_OPEN = r"\s*(?:\(\s*(?:ngày\s+)?)?$"
_CLOSE_COMMA = re.compile(r"\s*\)?\s*,")
_CLOSE = re.compile(r"\s*\)")
_DATELINES = [  # (text before the date, text after it or None, days from the date to the article's)
    # "Chiều qua (6/2), …": the day before the article; "Ngày mai (27/5)": the day after
    (re.compile(r"\b(?:hôm\s+)?qua\s*\(\s*(?:ngày\s+)?$", re.I), _CLOSE, 1),
    (re.compile(r"\b(?:ngày\s+)?mai\s*\(\s*(?:ngày\s+)?$", re.I), _CLOSE, -1),
    # at the start of the lead, a line or a sentence, after a comma or a place prefix ("HÀ NỘI -"): a day
    # part or "ngày" (or "hôm nay"), the date (maybe in brackets), a comma: "Sáng 5/2, …", "Theo AFP, ngày 3/2, …"
    (re.compile(r"(?:^|[.!?…:;\n,)–—-])\s*" + _WHEN + _OPEN, re.I), _CLOSE_COMMA, 0),
    # the same capitalised, after a caption or a subheading without a full stop ("Ảnh: EPA Ngày 3/7, …")
    (re.compile(_WHEN_CAP + _OPEN), _CLOSE_COMMA, 0),
    # a day part with the date anywhere in the lead ("… tỉnh Bình Dương sáng 5/2, ông …", "hôm 8/6")
    (re.compile(r"\b(?:" + _DAY_PART + r"|hôm)(?:\s+(?:hôm\s+)?nay)?(?:\s+ngày)?\s*\(?\s*$", re.I), None, 0),
    # a clock time before it: "Khoảng 21 giờ 30 phút ngày 16/6", "10h30 ngày 7/6"
    (re.compile(r"\b\d{1,2}\s*(?:h|giờ)(?:\s*\d{1,2})?(?:\s*phút)?\s+(?:" + _DAY_PART + r"\s+)?ngày\s+$", re.I), None, 0),
    # "… ngày 9/6 cho biết", "… ngày 14-6 đã thông qua"
    (re.compile(r"\bngày\s+$", re.I), re.compile(r"\s*,?\s+" + _REPORTS + r"\b", re.I), 0),
    # in brackets after "nay": "Sáng nay (6/2)", "hôm nay (ngày 8/2)"; or "(ngày 8/2)"
    (re.compile(r"(?:\bnay\s*\(\s*(?:ngày\s+)?|\(\s*ngày\s+)$", re.I), _CLOSE, 0),
]
# "Trước đó, tối 5/6, …", "Trước đó, khoảng 22h20 ngày 28/4, …" (before that): an earlier event the story
# goes back to; "như sáng 13/6" (as on): a comparison; neither is the dateline
_EARLIER = re.compile(r"\btrước\s+đó\b[^.!?;\n]*$|\bnhư\s+(?:" + _DAY_PART + r"\s*)?(?:ngày\s*)?\(?\s*$", re.I)
# "vào sáng ngày 10/3 tới" (the coming 10/3): a day ahead of the story
_AHEAD = re.compile(r"\s*\)?\s*(?:sắp\s+)?tới\b", re.I)
_LEAD_CHARS = 400  # the dateline stands in the lead: the first characters after the headline
_BEFORE = 48  # characters before a date that its context is read from
_DOC_BEFORE = 40  # a date this close after a document number is the document's ("67/2014/NĐ-CP ngày 7/7/2014")


def _lead(text: str) -> str:
    """The first characters of the body: the text after its first line (the headline)."""
    nl = text.find("\n")
    return text[nl + 1: nl + 1 + _LEAD_CHARS] if nl >= 0 else text[:_LEAD_CHARS]


def _dateline_match(lead: str) -> tuple[re.Match, int] | None:
    """The first date of ``lead`` that reads as a dateline, with the days from it to the article's."""
    for m in _DM.finditer(lead):
        start = m.start()
        before = ("\n" if start <= _BEFORE else "") + lead[max(0, start - _BEFORE):start]
        for rx_before, rx_after, shift in _DATELINES:
            if rx_before.search(before) and (rx_after is None or rx_after.match(lead, m.end())):
                if (_DOC_NUMBER.search(lead, max(0, start - _DOC_BEFORE), start) or _EARLIER.search(before)
                        or _AHEAD.match(lead, m.end())):
                    break
                return m, shift
    return None


def _dateline_parts(text: str) -> tuple[int, int, int | None, int] | None:
    """(day, month, year or None, days to add) of the first dateline in the lead of ``text``."""
    found = _dateline_match(_lead(text))
    if found is None:
        return None
    m, shift = found
    d, mo, y = m.groups()
    return int(d), int(mo), (int(y) if y else None), shift


def find_dateline(text: str, *, start: _dt.date | None = None, end: _dt.date | None = None) -> _dt.date | None:
    """The article's date read from the dateline that opens its story (after the headline), or ``None``.

    A dateline with its year (``Ngày 12/3/2017, …``) gives its date as it is (within ``start`` …
    ``end`` when they are given); one without (``Sáng 5/2, …``, ``(ngày 8/2)``) takes the year that
    puts it between ``start`` and ``end`` (``graphkit build --year 2017`` or ``--dates A..B``), and
    none without them or when more than one year would. "Chiều qua (6/2)" dates the article a day
    later, "Ngày mai (27/5)" a day earlier. Dates of documents (``67/2014/NĐ-CP ngày 7/7/2014``) and
    deadlines (``từ ngày 10/2``) are not datelines.

    >>> find_dateline("Tiêu đề\\nSáng 5/2, Bí thư Tỉnh ủy làm việc với ...", start=_dt.date(2017, 1, 1), end=_dt.date(2017, 12, 31))
    datetime.date(2017, 2, 5)
    >>> find_dateline("Tiêu đề\\nSáng 5/2, Bí thư Tỉnh ủy làm việc với ...") is None
    True
    >>> find_dateline("Tiêu đề\\nNgày 12/3/2017, tại Hà Nội, ...")
    datetime.date(2017, 3, 12)
    >>> find_dateline("Tiêu đề\\nCó hiệu lực từ ngày 10/02/2017, Thông tư ...") is None
    True
    """
    parts = _dateline_parts(text)
    if parts is None:
        return None
    d, mo, y, shift = parts
    years = [y] if y is not None else (list(range(start.year - 1, end.year + 2)) if start and end else [])
    found = []
    for year in years:
        try:
            day = _dt.date(year, mo, d) + _dt.timedelta(days=shift)
        except (ValueError, OverflowError):
            continue
        if (start is None or day >= start) and (end is None or day <= end):
            found.append(day)
    return found[0] if len(found) == 1 else None


DateWindow = tuple[_dt.date, _dt.date]


def date_window(year: int | None = None, dates: str | None = None) -> DateWindow | None:
    """The days the articles of a build were published in: ``year`` (2017) or ``dates`` (``A..B``,
    ISO dates, ``2017-01-01..2017-12-31``); ``None`` when neither is given. Raises ``ValueError``.

    >>> date_window(2017)
    (datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))
    >>> date_window(dates="2017-02-01..2017-07-31")
    (datetime.date(2017, 2, 1), datetime.date(2017, 7, 31))
    """
    if year is not None and dates is not None:
        raise ValueError("give either a year or a date range, not both")
    if year is not None:
        if not 1900 <= year <= 2100:
            raise ValueError(f"{year} is not a year between 1900 and 2100")
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    if dates is None:
        return None
    first, sep, last = dates.partition("..")
    try:
        start, end = _dt.date.fromisoformat(first.strip()), _dt.date.fromisoformat(last.strip())
    except ValueError:
        raise ValueError(f"{dates!r} is not a date range; give it as YYYY-MM-DD..YYYY-MM-DD") from None
    if not sep or end < start:
        raise ValueError(f"{dates!r} is not a date range; give it as YYYY-MM-DD..YYYY-MM-DD, first date first")
    return start, end


def dated(article, window: DateWindow | None = None):
    """``article`` with the date of its dateline (:func:`find_dateline`, within ``window``) marked as
    inferred, when it has no date of its own; otherwise ``article`` itself."""
    if article.date is not None:
        return article
    start, end = window if window else (None, None)
    day = find_dateline(article.text, start=start, end=end)
    if day is None:
        return article
    from dataclasses import replace

    return replace(article, date=day, date_inferred=True)
