"""Domain knowledge loaded from the data files in ``graphkit/data/``.

Every file is a small TSV (or one-column list) with a ``#`` header saying where its facts come
from. Files are read lazily, once, and validated on load: a malformed line raises
:class:`~graphkit.errors.DataFileError` as ``file:line: problem``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graphkit.errors import DataFileError


def data_path(name: str) -> Path:
    return Path(__file__).parent / "data" / name


def _lines(name: str):
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError(f"{path}: data file missing; reinstall graphkit") from e
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield path, no, line


def load_table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; the first non-comment line is the header."""
    rows: list[dict[str, str]] = []
    header = None
    for path, no, line in _lines(name):
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataFileError(f"{path}:{no}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{path}:{no}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = {h: c.strip() for h, c in zip(header, cells)}
        for c in columns[:1]:
            if not row[c]:
                raise DataFileError(f"{path}:{no}: empty '{c}'")
        rows.append(row)
    return rows


def load_list(name: str) -> list[str]:
    return [line.strip() for _, _, line in _lines(name)]


def _date(value: str, name: str, col: str) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as e:
        raise DataFileError(f"{data_path(name)}: {col} '{value}' is not an ISO date") from e


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh" or "thành phố"
    valid_from: _dt.date | None = None
    valid_until: _dt.date | None = None
    merged_into: str | None = None
    aliases: tuple[str, ...] = ()
    kind_only: tuple[str, ...] = ()  # names that are the unit's only after a kind word ('Hồ Chí Minh')

    def valid_on(self, day: _dt.date | None) -> bool:
        if day is None:
            return self.valid_from is None
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_until is None or day <= self.valid_until
        )

    @property
    def with_kind(self) -> str:
        """``tỉnh Bắc Giang``, ``thành phố Hà Nội``, ``Thành phố Hồ Chí Minh``."""
        return with_kind(self.kind, self.name)


@dataclass(frozen=True)
class District:
    name: str
    kind: str  # huyện, quận, thị xã, thành phố
    province: str

    @property
    def with_kind(self) -> str:
        """``huyện Lương Sơn``, ``Quận 1``."""
        return with_kind(self.kind, self.name)


def with_kind(kind: str, name: str) -> str:
    """A unit's name with its kind word, which a name may already hold (``Thành phố Hồ Chí Minh``, ``Quận 1``).

    >>> with_kind("huyện", "Lương Sơn"), with_kind("quận", "Quận 1")
    ('huyện Lương Sơn', 'Quận 1')
    """
    return name if name.lower().startswith(kind + " ") else f"{kind} {name}"


@cache
def provinces() -> dict[str, Province]:
    out: dict[str, Province] = {}
    name = "provinces.tsv"
    for row in load_table(name, ("name", "kind", "valid_from", "valid_until", "merged_into", "aliases", "kind_only")):
        p = Province(
            name=row["name"],
            kind=row["kind"],
            valid_from=_date(row["valid_from"], name, "valid_from"),
            valid_until=_date(row["valid_until"], name, "valid_until"),
            merged_into=row["merged_into"] or None,
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            kind_only=tuple(a for a in row["kind_only"].split("|") if a),
        )
        if p.kind not in ("tỉnh", "thành phố"):
            raise DataFileError(f"{data_path(name)}: {p.name}: kind must be 'tỉnh' or 'thành phố'")
        out[p.name] = p
    for p in out.values():
        if p.merged_into and p.merged_into not in out:
            raise DataFileError(f"{data_path(name)}: {p.name} merged into unknown unit {p.merged_into}")
    return out


@cache
def districts() -> list[District]:
    known = provinces()
    out = []
    for row in load_table("districts.tsv", ("province", "kind", "name")):
        if row["province"] not in known:
            raise DataFileError(f"{data_path('districts.tsv')}: unknown province {row['province']}")
        out.append(District(row["name"], row["kind"], row["province"]))
    return out


@dataclass(frozen=True)
class Body:
    canonical: str
    level: str  # central, province, district, local
    place: str  # none, bare, typed
    variants: tuple[str, ...] = field(default=())


@cache
def bodies() -> list[Body]:
    out = []
    for row in load_table("bodies.tsv", ("canonical", "level", "place", "variants")):
        if row["level"] not in ("central", "province", "district", "local"):
            raise DataFileError(f"{data_path('bodies.tsv')}: {row['canonical']}: bad level {row['level']}")
        if row["place"] not in ("none", "bare", "typed"):
            raise DataFileError(f"{data_path('bodies.tsv')}: {row['canonical']}: bad place {row['place']}")
        variants = tuple(v for v in row["variants"].split("|") if v) or (row["canonical"],)
        out.append(Body(row["canonical"], row["level"], row["place"], variants))
    for row in load_table("state_enterprises.tsv", ("canonical", "variants")):  # central, no place
        variants = tuple(v for v in row["variants"].split("|") if v) or (row["canonical"],)
        out.append(Body(row["canonical"], "central", "none", variants))
    return out


@dataclass(frozen=True)
class Role:
    role: str
    kind: str  # head, member, self, implied
    body: str = ""
    label: str = ""
    variants: tuple[str, ...] = ()
    joined: bool = False  # held in the next role's body when joined to it without a body of its own


@cache
def roles() -> list[Role]:
    out = []
    known = {b.canonical for b in bodies()}
    for row in load_table("roles.tsv", ("role", "kind", "body", "label", "variants", "joined")):
        if row["kind"] not in ("head", "member", "self", "implied"):
            raise DataFileError(f"{data_path('roles.tsv')}: {row['role']}: bad kind {row['kind']}")
        if row["joined"] not in ("yes", "no", ""):
            raise DataFileError(f"{data_path('roles.tsv')}: {row['role']}: joined must be yes, no or empty, "
                                f"not {row['joined']!r}")
        if row["kind"] == "head" and row["body"]:
            if row["body"] not in body_head_nouns():
                raise DataFileError(f"{data_path('roles.tsv')}: {row['role']}: head noun {row['body']} not in "
                                    "body_heads.tsv; add it there or fix the role")
        elif row["body"] and row["body"] not in known:
            raise DataFileError(f"{data_path('roles.tsv')}: {row['role']}: body {row['body']} not in bodies.tsv")
        variants = tuple(v for v in row["variants"].split("|") if v)
        out.append(Role(row["role"], row["kind"], row["body"], row["label"], variants, row["joined"] == "yes"))
    return out


@cache
def unit_kinds() -> frozenset[str]:
    """The kind words of the units the gazetteer lists in full (tỉnh, thành phố, huyện, quận, thị xã):
    after one, a name that is not one of its units is not a place of that kind."""
    return frozenset({p.kind for p in provinces().values()} | {d.kind for d in districts()})


@cache
def unit_names() -> frozenset[str]:
    """The names of every province and district, whatever their kind word: a unit's kind may have changed
    since the text was written (thị xã Từ Sơn in 2017, thành phố Từ Sơn since 2021)."""
    names = {d.name for d in districts()}
    for p in provinces().values():
        names |= {p.name, *p.aliases}
    return frozenset(names)


@dataclass(frozen=True)
class UnitPrefix:
    """A word written before a unit's name (unit_prefixes.tsv): its kind word, Party committee, or abbreviation."""

    prefix: str
    kind: str
    of: str  # province, district or both
    committee: bool

    @property
    def abbreviation(self) -> bool:
        """Written with a capital (TP, Tp): matched as written, with or without a full stop after it."""
        return not self.prefix.islower()

    def forms(self) -> tuple[str, ...]:
        """The forms to match, as literal text: the first letter in either case, or the abbreviation as written."""
        if self.abbreviation:
            return (self.prefix,)
        return (self.prefix, self.prefix[:1].upper() + self.prefix[1:])


@cache
def unit_prefixes() -> tuple[UnitPrefix, ...]:
    """``unit_prefixes.tsv``, in its order."""
    name = "unit_prefixes.tsv"
    out = []
    for r in load_table(name, ("prefix", "kind", "of", "committee")):
        if r["of"] not in ("province", "district", "both") or r["committee"] not in ("yes", "no"):
            raise DataFileError(f"{data_path(name)}: {r['prefix']}: 'of' must be province, district or both and "
                                "'committee' yes or no")
        if r["kind"] not in unit_kinds():
            raise DataFileError(f"{data_path(name)}: {r['prefix']}: unknown kind {r['kind']!r}")
        out.append(UnitPrefix(r["prefix"], r["kind"], r["of"], r["committee"] == "yes"))
    return tuple(out)


@cache
def post_statuses() -> dict[str, str]:
    """``post_status.tsv``: a word written before a title (lower case) → the status it gives the post (former, new)."""
    out = {}
    for r in load_table("post_status.tsv", ("word", "status")):
        if r["status"] not in ("former", "new"):
            raise DataFileError(f"{data_path('post_status.tsv')}: {r['word']}: status must be former or new")
        out[r["word"]] = r["status"]
    return out


def capitalised_too(words) -> list[str]:
    """Each word as written, then with its first letter a capital when it is not one ('nguyên', 'Nguyên').

    >>> capitalised_too(["nguyên", "TP"])
    ['nguyên', 'Nguyên', 'TP']
    """
    out = []
    for w in words:
        out.append(w)
        if w[:1].islower():
            out.append(w[:1].upper() + w[1:])
    return out


@cache
def honorifics() -> tuple[tuple[str, str], ...]:
    """``honorifics.tsv``: (word, kind) — forms of address, ranks and titles written before a name."""
    return tuple((r["word"], r["kind"]) for r in load_table("honorifics.tsv", ("word", "kind")))


@cache
def rank_words() -> tuple[str, ...]:
    """The ranks and academic titles of ``honorifics.tsv`` (Thiếu tướng, Đại tá, GS, TS …): written before a
    name, never inside a body's name."""
    return tuple(w for w, kind in honorifics() if kind == "title")


@cache
def person_title_words() -> frozenset[str]:
    """The words that say the name after them is a person's: the roles of ``roles.tsv`` (all spellings) and the
    forms of address, ranks and titles of ``honorifics.tsv``."""
    return frozenset({w for w, _kind in honorifics()} | {v for r in roles() for v in (r.role, *r.variants)})


@cache
def commune_kinds() -> frozenset[str]:
    """``commune_kinds.txt``: xã, phường, thị trấn (communes are not modelled)."""
    return frozenset(load_list("commune_kinds.txt"))


@cache
def address_words() -> frozenset[str]:
    """The lower-case one-word forms of address of ``honorifics.tsv``: ông, bà, anh, chị."""
    return frozenset(w for w, kind in honorifics() if kind == "address" and w.islower() and " " not in w)


@cache
def qualifiers() -> list[tuple[str, bool]]:
    return [(r["qualifier"], r["keep"] == "yes") for r in load_table("qualifiers.tsv", ("qualifier", "keep"))]


@cache
def body_heads() -> list[tuple[str, str]]:
    return [(r["head"], r["place"]) for r in load_table("body_heads.tsv", ("head", "place"))]


@cache
def body_head_levels() -> dict[str, str]:
    """body_heads.tsv: the level (central, province) of the bodies a head noun opens, when it says one."""
    out = {}
    for r in load_table("body_heads.tsv", ("head", "place", "level")):
        if r["level"] not in ("", "central", "province"):
            raise DataFileError(f"{data_path('body_heads.tsv')}: {r['head']}: level must be central, province or empty")
        if r["level"]:
            out[r["head"]] = r["level"]
    return out


@cache
def body_head_nouns() -> frozenset[str]:
    """The head nouns of body names (body_heads.tsv): Sở, Ban, Bộ …"""
    return frozenset(h for h, _place in body_heads())


@cache
def countries() -> frozenset[str]:
    """``countries.txt``: the names of countries (and a few foreign cities and states) as Vietnamese writes them."""
    return frozenset(load_list("countries.txt"))


@cache
def surnames() -> frozenset[str]:
    return frozenset(load_list("surnames.txt"))


@cache
def directive_types() -> dict[str, tuple[str, str]]:
    """code → (type, type when the code is a Party code)."""
    return {
        r["code"]: (r["type"], r["party_type"] or r["type"])
        for r in load_table("directive_types.tsv", ("code", "type", "party_type"))
    }


@cache
def directive_issuers() -> dict[str, tuple[str, str]]:
    """issuer code → (system, default body)."""
    return {
        r["code"]: (r["system"], r["default_body"])
        for r in load_table("directive_issuers.tsv", ("code", "system", "default_body"))
    }


@cache
def party_terms() -> list[tuple[str, _dt.date]]:
    rows = load_table("party_terms.tsv", ("term", "start"))
    return [(r["term"], _date(r["start"], "party_terms.tsv", "start")) for r in rows]
