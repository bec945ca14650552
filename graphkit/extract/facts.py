"""Facts extracted from one article, each with the evidence that states it.

These plain values are what the extraction modules return and what :mod:`graphkit.kg.build`
turns into RDF. They carry canonical labels (NFC, modern tones, abbreviations expanded).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from graphkit.ingest.article import Article


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact, and where it is in the article text."""

    sentence: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Place:
    """A province (``kind`` 'province') or a district inside one."""

    name: str
    level: str = "province"  # province | district
    province: str = ""  # for a district: its province
    kind: str = ""  # tỉnh / thành phố / huyện / quận / thị xã

    @property
    def province_name(self) -> str:
        return self.name if self.level == "province" else self.province


@dataclass(frozen=True)
class Body:
    """An organisation, with its place when it is a local body."""

    label: str  # full label: "Ủy ban nhân dân tỉnh Bắc Giang"
    canonical: str  # body type: "Ủy ban nhân dân"
    level: str = "central"  # central | province | district
    place: Place | None = None


@dataclass(frozen=True)
class Post:
    label: str  # "Bí thư Tỉnh ủy Bắc Giang"
    role: str  # "Bí thư"
    body: Body | None = None
    variants: tuple[str, ...] = ()  # other correct spellings, for skos:altLabel


@dataclass(frozen=True)
class Holding:
    person: str
    post: Post
    status: str = "current"  # current | former | new
    evidence: Evidence = field(default_factory=lambda: Evidence(""))
    start: _dt.date | None = None
    end: _dt.date | None = None


@dataclass(frozen=True)
class Directive:
    code: str  # "18-NQ/TW", "05/CT-TTg"
    doc_type: str  # "Nghị quyết"
    number: str
    type_code: str  # "NQ"
    issuer_code: str  # "TW", "TTg"
    system: str  # party | state
    issuer: str | None = None  # body label
    issued_on: _dt.date | None = None
    term: str | None = None  # "XII"
    year: int | None = None
    evidence: Evidence = field(default_factory=lambda: Evidence(""))
    surface: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.issuer_code.upper(), self.type_code.upper(), str(int(self.number)) if self.number.isdigit() else self.number)


@dataclass
class Meeting:
    index: int
    label: str
    evidence: Evidence
    date: _dt.date | None = None
    location: str | None = None
    organizer: Body | None = None
    parent: int | None = None  # a bridge point (điểm cầu) is a sub-event
    chairs: list[tuple[str, Evidence]] = field(default_factory=list)
    attendees: list[tuple[str, Evidence]] = field(default_factory=list)
    speakers: list[tuple[str, Evidence]] = field(default_factory=list)


@dataclass(frozen=True)
class Implementation:
    actor: Place | Body
    directive: Directive
    evidence: Evidence


@dataclass(frozen=True)
class Citation:
    citing: Directive
    cited: Directive
    evidence: Evidence
    relation: str = "cites"  # cites | amends | replaces | repeals (gk: properties)


@dataclass(frozen=True)
class Mention:
    """A person named in the article: canonical name, spellings seen, first evidence."""

    name: str
    surfaces: tuple[str, ...]
    evidence: Evidence


@dataclass
class ArticleFacts:
    article: Article
    persons: list[Mention] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    implementations: list[Implementation] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    provinces: list[tuple[Place, Evidence]] = field(default_factory=list)
    districts: list[tuple[Place, Evidence]] = field(default_factory=list)
    bodies: list[tuple[Body, Evidence]] = field(default_factory=list)
    main_province: str | None = None
