r"""Query parameters: values become well-formed SPARQL terms, never raw text.

A parameterised query names its parameters as ``$name`` (a legal SPARQL variable, so the query
still parses without values). :func:`substitute` replaces each ``$name`` token outside strings,
IRIs and comments with one RDF term written by :func:`sparql_term` (escaped literal, typed date or
number, checked IRI): whatever a user types, it can only ever be a single value.

>>> print(substitute('SELECT ?p { ?p rdfs:label $name } # $name', {"name": 'Lê "X"'}))
SELECT ?p { ?p rdfs:label "Lê \"X\"" } # $name
>>> sparql_term(parse_date("28/6/2022"))
'"2022-06-28"^^<http://www.w3.org/2001/XMLSchema#date>'

Names are matched with :func:`name_pattern`: a regular expression that ignores case, and
ignores diacritics when the user typed none (``Truong Thi Mai`` finds ``Trương Thị Mai``); a name
typed with diacritics must match them (``Lê Văn Dung`` does not find ``Lê Văn Dũng``, a different
person). ``*`` stands for any text.

>>> import re
>>> rx = re.compile(name_pattern("truong thi mai"), re.I)
>>> bool(rx.search("Trương Thị Mai")), bool(rx.search("Trương Thị Mai Anh"))
(True, False)
>>> bool(re.search(name_pattern("Bí thư Tỉnh uỷ *"), "Bí thư Tỉnh ủy Bắc Giang", re.I))
True

A name also gives a key (:func:`name_key_of`): the ``gk:nameKey`` every name the pattern matches
has, so a question finds the few nodes of that key by an exact lookup and runs the pattern on their
labels only, instead of reading every label of the graph.

>>> name_key_of("Truong Thi  Mai"), name_key_of("Bí thư Tỉnh uỷ *"), name_key_of("UBND tỉnh Nghệ An")
('truong thi mai', '', 'uy ban nhan dan tinh nghe an')
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import cache

from graphkit.errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"


class IRI(str):
    """A string meant as an IRI (``sparql_term(IRI("https://…"))`` → ``<https://…>``)."""

    __slots__ = ()


_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


def sparql_string(text: str) -> str:
    r"""A SPARQL string literal for any text (quotes, backslashes and line breaks escaped).

    >>> print(sparql_string('a "b"\n\\'))
    "a \"b\"\n\\"
    """
    text = unicodedata.normalize("NFC", str(text))
    out = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
           .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{out}"'


def sparql_term(value) -> str:
    """One SPARQL term for a Python value: str → literal, int/float/bool → typed, date → xsd:date,
    :class:`IRI` → ``<…>``; a result term (anything with ``.n3()``) is written as itself."""
    if isinstance(value, IRI):
        if not _IRI_OK.fullmatch(value):
            raise QueryError(f"'{value}' is not a valid IRI (it contains spaces or one of <>\"{{}}|^`\\)")
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f'"{value!r}"^^<{XSD}double>'
    if isinstance(value, _dt.datetime):
        return f'"{value.isoformat()}"^^<{XSD}dateTime>'
    if isinstance(value, _dt.date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    if hasattr(value, "n3"):
        return value.n3()
    if isinstance(value, str):
        return sparql_string(value)
    raise QueryError(f"cannot use a {type(value).__name__} as a query parameter; give text, a number or a date")


def parse_date(text: str | _dt.date) -> _dt.date:
    """An ISO date (``2022-06-28``) or a Vietnamese day/month/year (``28/6/2022``).

    >>> parse_date("2022-06-28") == parse_date("28/06/2022") == parse_date("28-6-2022")
    True
    """
    if isinstance(text, _dt.date):
        return text
    s = str(text).strip()
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", s)
    if m:
        try:
            return _dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    raise QueryError(f"'{text}' is not a date; write it as 2022-06-28 or 28/6/2022")


# ── substitution of $name tokens ────────────────────────────────────────────────────────────────
_TOKENS = re.compile(
    r'''(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n]*)'''
    r"|\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)",
    re.S,
)


def placeholders(text: str) -> list[str]:
    """The ``$name`` parameters a query uses, in order of first use.

    >>> placeholders('SELECT * { ?s ?p $o . FILTER(?s != "$x") } # $y')
    ['o']
    """
    seen: list[str] = []
    for m in _TOKENS.finditer(text):
        if m["name"] and m["name"] not in seen:
            seen.append(m["name"])
    return seen


def substitute(text: str, params: dict) -> str:
    """``text`` with every ``$name`` (outside strings, IRIs and comments) replaced by the term of
    ``params[name]``; ``$name`` tokens without a value stay variables."""
    used = set(placeholders(text))
    unused = sorted(set(params) - used)
    if unused:
        raise QueryError(
            f"parameter(s) {', '.join(unused)} not used by the query; write them in the query as "
            + ", ".join(f"${u}" for u in unused)
        )
    terms = {k: sparql_term(v) for k, v in params.items()}

    def repl(m: re.Match) -> str:
        if m["name"] and m["name"] in terms:
            return terms[m["name"]]
        return m.group(0)

    return _TOKENS.sub(repl, text)


# ── name patterns ───────────────────────────────────────────────────────────────────────────────
_META = set("\\.+*?()|[]{}^$")
_VIETNAMESE = ("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


@cache
def _variants() -> dict[str, str]:
    """base letter → all Vietnamese letters that fold to it (both cases), for a regex class."""
    from graphkit.nlp.normalize import fold

    groups: dict[str, set[str]] = {}
    for ch in "aeiouyd" + _VIETNAMESE:
        base = fold(ch)
        groups.setdefault(base, set()).update({ch, ch.upper()})
    return {b: "".join(sorted(chars)) for b, chars in groups.items()}


def _letter(ch: str, fold_diacritics: bool) -> str:
    low = ch.lower()
    if fold_diacritics and low in _variants():
        return f"[{_variants()[low]}]"
    if ch in _META:
        return "\\" + ch
    if ch.lower() != ch.upper():
        return f"[{ch.lower()}{ch.upper()}]"
    return ch


def _normalised(text: str, expand: bool) -> list[str]:
    """The parts of a typed name between its ``*``, normalised as :func:`name_pattern` matches them."""
    from graphkit.nlp.normalize import clean_label, fix_tones, nfc

    raw = nfc(str(text).strip())
    if not raw:
        raise QueryError("an empty name matches nothing; give a name, or * for any")
    # clean_label trims; keep the spaces around '*' as optional
    return [(clean_label(p) if expand and p.strip() else fix_tones(nfc(p))) for p in raw.split("*")]


def name_key_of(text: str, *, expand: bool = True) -> str:
    """The ``gk:nameKey`` (:func:`graphkit.kg.ids.name_key`) of every label :func:`name_pattern` matches
    for ``text``, or ``""`` when ``text`` holds a ``*`` (then there is no one key: every label is read).

    The pattern matches a label only letter by letter (ignoring case, and diacritics when none were
    typed) with runs of spaces between the words, so the label and ``text`` fold to the same key:
    looking the key up first finds every node the pattern matches, and a few more that the pattern
    then rejects (``Lê Văn Dung`` has the key of ``Lê Văn Dũng``).
    """
    from graphkit.kg.ids import name_key

    parts = _normalised(text, expand)
    return "" if len(parts) > 1 else name_key(parts[0])


def exact_text_of(text: str, *, expand: bool = True) -> str:
    """The one text :func:`name_pattern` matches for ``text`` when there is only one, else ``""``: a name
    without letters, spaces or ``*`` (a corpus id such as ``22450000``) matches only itself, so a
    question looks it up instead of matching the pattern against every value.

    >>> exact_text_of(" 22450000 "), exact_text_of("000_d029c83ccb100c6a"), exact_text_of("2245*")
    ('22450000', '', '')
    """
    parts = _normalised(text, expand)
    if len(parts) > 1 or any(ch.isspace() or ch.isalpha() or ch.lower() != ch.upper() for ch in parts[0]):
        return ""
    return parts[0]


def name_pattern(text: str, *, expand: bool = True) -> str:
    """A regular expression (XPath/SPARQL ``REGEX`` syntax) matching a whole label like ``text``.

    Case is ignored. Typed without any diacritic, a name matches every accented form of its
    letters (``nguyen`` finds ``Nguyễn``); typed with diacritics, it must match them. Old tone
    placement and abbreviations (``Uỷ``, ``UBND``, ``T.Ư``) are normalised first (abbreviations only
    when ``expand``); spaces match any run of spaces; ``*`` matches any text.

    >>> import re
    >>> [bool(re.search(name_pattern(n), "Lê Văn Dũng", re.I)) for n in ("le van dung", "Lê Văn Dung", "LÊ VĂN DŨNG")]
    [True, False, True]
    """
    from graphkit.nlp.normalize import fold, nfc

    norm = _normalised(text, expand)
    raw = nfc(str(text).strip())
    plain = all(fold(ch) == ch.lower() for ch in raw if ch.isalpha())
    out = []
    for i, part in enumerate(norm):
        if i:
            out.append(".*")
        words = part.split()
        out.append(r"\s+".join("".join(_letter(c, plain) for c in w) for w in words))
    return "^" + "".join(out) + "$"
