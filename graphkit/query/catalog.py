"""The research questions: parameterised SPARQL files shipped in ``graphkit/query/questions/``.

Each ``NAME.rq`` starts with a header of comments::

    # title: Who held a post, over time
    # description: Everyone an article reports in the post, …
    #   (an indented comment line continues the field above)
    # param: post — the post's name; * matches any text (name; required)
    # param: date — the day (date; default 2022-06-28)
    # example: --post "Trưởng Ban Tổ chức Trung ương"

and uses each parameter as ``$post`` in the query. A parameter's type says how the value becomes a
SPARQL term (:mod:`graphkit.query.params`): ``name`` — a person, post, body or place, matched as a
whole label ignoring case, old/new tone placement, abbreviations, and diacritics the user left
out (``*`` for any text); ``code`` — like ``name`` without abbreviation expansion (directive codes,
article ids); ``date`` — ``2022-06-28`` or ``28/6/2022`` as ``xsd:date``; ``int``; ``text`` — a plain
string.

A ``name`` or ``code`` parameter ``NAME`` also gives the query ``$NAME_key``, not a parameter of its own:
the ``gk:nameKey`` of the typed name (:func:`graphkit.query.params.name_key_of`; ``""`` when it holds a
``*``). Persons and posts carry the key of each of their names, so a question looks them up by key
(an index lookup) and matches ``$NAME`` against the labels of those few nodes only; it reads every
label when the key is ``""`` or the graph has no keys (a graph written before graphkit wrote them)::

    { ?h gk:nameKey $person_key ; a gk:Person }
    UNION { { FILTER($person_key = "" || NOT EXISTS { [] gk:nameKey [] }) } LATERAL { ?h a gk:Person } }
    LATERAL { ?h rdfs:label|skos:altLabel ?name }
    FILTER(REGEX(?name, $person, "i"))

It also gives ``$NAME_exact``: the one text the name can match when there is only one (a name without
letters, spaces or ``*``, such as the corpus id ``22450000``: :func:`graphkit.query.params.exact_text_of`),
else ``""``; ``article-reports`` then looks the id up instead of matching every article's id.

The example line (``# example:``) gives the values the question is shown, documented, tested and
benchmarked with (:meth:`Question.example_values`).

>>> q = question("career")
>>> [p.name for p in q.params]
['person']
>>> "$person" in q.text and q.title
'A person’s career'
>>> q.example_values()
{'person': 'Truong Thi Mai'}
>>> q.bind(q.example_values())["person_key"]
'truong thi mai'
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphkit.errors import QueryError

TYPES = ("name", "code", "date", "int", "text")
#: option names of ``graphkit ask`` itself, which a parameter may not take
RESERVED = {"format", "out", "list", "timeout", "show_query", "help"}
#: the types whose parameter NAME also gives the query ``$NAME_key`` and ``$NAME_exact``
KEYED = ("name", "code")
DERIVED = ("_key", "_exact")

_PARAM = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\s+[—-]+\s+(?P<help>.*?)\s*\((?P<spec>[^()]*)\)\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    help: str
    default: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def convert(self, value):
        """The Python value bound in the query for the user's ``value``."""
        from graphkit.query.params import name_pattern, parse_date

        if self.type == "name":
            return name_pattern(str(value))
        if self.type == "code":
            return name_pattern(str(value), expand=False)
        if self.type == "date":
            return parse_date(value)
        if self.type == "int":
            try:
                return int(value)
            except (TypeError, ValueError):
                raise QueryError(f"--{self.name.replace('_', '-')} must be a whole number, not '{value}'") from None
        return str(value)


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    example: str
    text: str
    path: Path

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def derived(self) -> dict[str, Param]:
        """The values the query uses that derive from a parameter: ``{"person_key": <person>}``."""
        from graphkit.query.params import placeholders

        used = set(placeholders(self.text))
        return {f"{p.name}{d}": p for p in self.params if p.type in KEYED for d in DERIVED if f"{p.name}{d}" in used}

    def example_values(self) -> dict[str, str]:
        """The parameter values of the question's example line (``# example: --person "Truong Thi Mai"``)."""
        import shlex

        args = shlex.split(self.example)
        if len(args) % 2 or any(not a.startswith("--") for a in args[::2]):
            raise QueryError(f"{self.path}: cannot read '# example: {self.example}'; write --NAME VALUE …")
        return {a[2:].replace("-", "_"): v for a, v in zip(args[::2], args[1::2])}

    def bind(self, values: dict | None = None) -> dict:
        """The query's parameter values: the user's (converted) and the defaults, and the values derived
        from them (:meth:`derived`)."""
        values = {k.replace("-", "_"): v for k, v in (values or {}).items() if v is not None}
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            opts = ", ".join(f"--{p.name.replace('_', '-')}" for p in self.params) or "none"
            raise QueryError(f"{self.name} has no parameter {', '.join('--' + u for u in unknown)}; its parameters: {opts}")
        out = {}
        for p in self.params:
            if p.name in values:
                out[p.name] = p.convert(values[p.name])
            elif p.default is not None:
                out[p.name] = p.convert(p.default)
            else:
                raise QueryError(f"{self.name} needs --{p.name.replace('_', '-')}: {p.help}")
        if self.params:
            from graphkit.query.params import exact_text_of, name_key_of

            for key, p in self.derived().items():
                raw, expand = str(values.get(p.name, p.default)), p.type == "name"
                out[key] = name_key_of(raw, expand=expand) if key.endswith("_key") else exact_text_of(raw, expand=expand)
        return out

    def render(self, values: dict | None = None, *, prefixes: bool = True) -> str:
        """The query with the parameters written in as SPARQL terms, and (with ``prefixes``) the
        ``PREFIX`` lines it needs, so that it runs as is on any Oxigraph endpoint."""
        from graphkit.kg.namespaces import sparql_prefixes
        from graphkit.query.params import substitute

        text = substitute(self.text, self.bind(values))
        if not prefixes:
            return text
        lines = text.splitlines(keepends=True)
        head = 0
        while head < len(lines) and lines[head].startswith("#"):
            head += 1
        return "".join(lines[:head]) + sparql_prefixes() + "".join(lines[head:])


def _parse(path: Path) -> Question:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    params: list[list[str]] = []
    last: list[str] | None = None
    for no, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        body = line[1:]
        m = re.match(r"\s?([a-z]+):\s*(.*)$", body)
        if m and not body.startswith("  "):
            key, value = m[1], m[2].strip()
            if key == "param":
                params.append([value])
                last = params[-1]
            elif key in ("title", "description", "example"):
                fields[key] = [value]
                last = fields[key]
            else:
                raise QueryError(f"{path}:{no}: unknown header field '{key}' (title, description, param, example)")
        elif body.strip() and last is not None:
            last.append(body.strip())
    for key in ("title", "description"):
        if key not in fields:
            raise QueryError(f"{path}: the header lacks '# {key}:'")
    parsed = []
    for p in params:
        line = " ".join(p)
        m = _PARAM.match(line)
        if not m:
            raise QueryError(f"{path}: cannot read '# param: {line}'; write 'NAME — meaning (TYPE; default VALUE)' or '(TYPE; required)'")
        spec = [s.strip() for s in m["spec"].split(";")]
        ptype, default = spec[0], None
        if ptype not in TYPES:
            raise QueryError(f"{path}: parameter {m['name']} has unknown type '{ptype}' (one of {', '.join(TYPES)})")
        for s in spec[1:]:
            if s.startswith("default "):
                default = s[len("default "):].strip()
            elif s != "required":
                raise QueryError(f"{path}: parameter {m['name']}: cannot read '{s}' (default VALUE or required)")
        derived_from = [p.name for p in parsed if p.type in KEYED for d in DERIVED if m["name"] == p.name + d]
        if derived_from:
            raise QueryError(f"{path}: parameter name '{m['name']}' is derived from ${derived_from[0]}; rename it")
        if m["name"] in RESERVED:
            raise QueryError(f"{path}: parameter name '{m['name']}' is an option of 'graphkit ask'; rename it")
        parsed.append(Param(m["name"], ptype, m["help"], default))
    from graphkit.query.params import placeholders

    declared = {p.name for p in parsed}
    used = set(placeholders(text)) - {f"{p.name}{d}" for p in parsed if p.type in KEYED for d in DERIVED}
    if used != declared:
        raise QueryError(f"{path}: declared parameters {sorted(declared)} but the query uses {sorted(used)}")
    return Question(
        name=path.stem, title=" ".join(fields["title"]), description=" ".join(fields["description"]),
        params=tuple(parsed), example=" ".join(fields.get("example", [""])), text=text, path=path,
    )


def questions_dir() -> Path:
    return Path(__file__).parent / "questions"


@cache
def questions() -> dict[str, Question]:
    """Every shipped question, by name (sorted)."""
    return {p.stem: _parse(p) for p in sorted(questions_dir().glob("*.rq"))}


def question(name: str) -> Question:
    """The question called ``name``; an unknown name suggests the closest ones."""
    qs = questions()
    if name not in qs:
        close = difflib.get_close_matches(name, list(qs), n=3)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise QueryError(f"no question called '{name}'; {hint}'graphkit ask --list' lists them")
    return qs[name]


def ask(graph, name: str, *, timeout: float | None = None, **values):
    """Answer the research question ``name`` on ``graph`` with parameter ``values``.

    Returns a :class:`~graphkit.query.results.QueryResult`, as :func:`~graphkit.query.engine.run_query`.
    """
    from graphkit.query.engine import run_query

    q = question(name)
    return run_query(graph, q.text, params=q.bind(values), timeout=timeout)
