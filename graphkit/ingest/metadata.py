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
