"""Where the story is on a saved page: the main text, without by-lines and related-news teasers.

Page furniture after the story (``Các tin khác``, ``Sự kiện liên quan``, comment widgets) and the
teasers that follow a by-line are other stories: their people did not attend this article's
meeting. :func:`story_spans` returns the character spans of the main story; everything outside
them is left out of extraction. Marker lines are data (``data/story_end.txt``,
``data/story_credit.txt``).
"""
from __future__ import annotations

import re
from functools import cache

from graphkit.errors import DataFileError
from graphkit.gazetteer import data_path, load_list


@cache
def _pattern(name: str, flags: int) -> re.Pattern:
    """The patterns of a data file as one regex: a line matches it whole when it matches one of them whole."""
    alts = []
    for i, line in enumerate(load_list(name), 1):
        try:
            re.compile(line, flags)
        except re.error as e:
            raise DataFileError(f"{data_path(name)}: pattern {i}: {e}") from e
        alts.append(f"(?:{line})")
    try:
        return re.compile("|".join(alts) or "(?!)", flags)
    except re.error as e:  # e.g. two patterns naming the same group
        raise DataFileError(f"{data_path(name)}: the patterns do not go together ({e}); use (?:…), not named groups") from e


def is_story_end(line: str) -> bool:
    s = line.strip().rstrip(":").strip()
    return bool(s) and _pattern("story_end.txt", re.IGNORECASE).fullmatch(s) is not None


def is_credit(line: str) -> bool:
    """A by-line or photo credit: ``Tin, ảnh: Quốc Trường``, ``Hương Dịu``, ``Xuân Hướng – Cảnh Toàn``."""
    s = line.strip()
    if not s or len(s) > 80:
        return False
    return _pattern("story_credit.txt", 0).fullmatch(s) is not None


def story_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the main story's lines, in order.

    The story ends at a furniture marker line, or at a by-line that is followed by more text
    (teasers). By-lines and credit lines themselves are left out.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    n_chars = len(text)
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line)
        pos = end + 1
        if start > n_chars * 0.2 and is_story_end(line):  # (the cheap test first)
            break
        if is_credit(line):
            if start > n_chars * 0.3 and any(l.strip() for l in lines[i + 1:]):
                break  # a by-line after the story: what follows is furniture
            continue
        if line.strip():
            spans.append((start, end))
    return spans
