"""The unit of input: one news article, whatever file it came from."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article, ready for extraction.

    ``id`` is stable across runs (a file's stem, a corpus record's ``id``); it names
    the article's IRI and its named graph. ``text`` is Unicode NFC, with ``\\n``
    line breaks; its first line is the title when the source has one. ``date_inferred``: the date
    was read from the dateline of the text, not given by the page (:func:`graphkit.ingest.metadata.dated`).
    """

    id: str
    text: str
    source: str
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None
    date_inferred: bool = False
    extra: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read as an article: which one, what, and the fix."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
