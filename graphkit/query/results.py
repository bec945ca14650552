r"""Query results as values, and their standard serialisations.

A SELECT answer is a list of variables and rows of :class:`Term` (``None`` where a variable is
unbound); it is written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV. A CONSTRUCT or
DESCRIBE answer is a list of triples, written as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.

>>> r = QueryResult("select", ["p", "n"], [(Term.iri("https://w3id.org/graphkit/id/person/x"), Term.literal(3))])
>>> serialize(r, "csv")
'p,n\r\nhttps://w3id.org/graphkit/id/person/x,3\r\n'
>>> serialize(r, "tsv")
'?p\t?n\n<https://w3id.org/graphkit/id/person/x>\t3\n'
>>> r.records()
[{'p': 'https://w3id.org/graphkit/id/person/x', 'n': 3}]
>>> display(r.rows[0][0])
'gkid:person/x'
"""
from __future__ import annotations

import csv
import datetime as _dt
import decimal
import io
import json
from dataclasses import dataclass, field
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from graphkit import formats
from graphkit.errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                              "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                              "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


class Term(NamedTuple):
    """An RDF term in a result: ``kind`` is ``uri``, ``literal``, ``bnode`` or ``triple``."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def iri(cls, value: str) -> Term:
        return cls("uri", value)

    @classmethod
    def literal(cls, value, datatype: str | None = None, lang: str | None = None) -> Term:
        if isinstance(value, bool):
            return cls("literal", "true" if value else "false", XSD + "boolean")
        if isinstance(value, int):
            return cls("literal", str(value), XSD + "integer")
        if isinstance(value, _dt.date):
            return cls("literal", value.isoformat(), XSD + "date")
        if lang:
            return cls("literal", str(value), None, lang)
        return cls("literal", str(value), datatype or XSD + "string")

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in N-Triples / SPARQL syntax."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        if self.kind == "triple":
            return self.value
        from graphkit.query.params import sparql_string

        s = sparql_string(self.value)
        if self.lang:
            return f"{s}@{self.lang}"
        if self.datatype and self.datatype != XSD + "string":
            return f"{s}^^<{self.datatype}>"
        return s

    def python(self):
        """A Python value: ``int``, ``Decimal``, ``float``, ``bool``, ``date`` for typed literals, else ``str``."""
        if self.kind != "literal" or not self.datatype:
            return self.value
        dt, v = self.datatype, self.value
        try:
            if dt in _NUMERIC and dt not in (XSD + "decimal", XSD + "double", XSD + "float"):
                return int(v)
            if dt == XSD + "decimal":
                return decimal.Decimal(v)
            if dt in (XSD + "double", XSD + "float"):
                return float(v)
            if dt == XSD + "boolean":
                return v in ("true", "1")
            if dt == XSD + "date":
                return _dt.date.fromisoformat(v[:10])
            if dt == XSD + "dateTime":
                return _dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            return v
        return v


@dataclass
class QueryResult:
    """The answer to a query.

    ``kind`` is ``select`` (``vars`` and ``rows``), ``ask`` (``boolean``) or ``graph`` (CONSTRUCT or
    DESCRIBE: ``triples``). ``elapsed`` is the evaluation time in seconds.
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    elapsed: float = 0.0

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __iter__(self):
        return iter(self.triples if self.kind == "graph" else self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def records(self) -> list[dict]:
        """The rows as dicts of Python values (unbound variables left out)."""
        return [{v: t.python() for v, t in zip(self.vars, row) if t is not None} for row in self.rows]

    def dicts(self) -> list[dict]:
        """The rows as dicts of Python values, every variable a key (``None`` where unbound)."""
        return [{v: None if t is None else t.python() for v, t in zip(self.vars, row)} for row in self.rows]

    def column(self, var: str) -> list:
        """The Python values of one variable, row by row (``None`` where unbound)."""
        i = self.vars.index(var)
        return [None if row[i] is None else row[i].python() for row in self.rows]


# ── display ─────────────────────────────────────────────────────────────────────────────────────
def display(term: Term | None) -> str:
    """A short human form: IRIs as prefixed names where a graphkit prefix fits, literals bare."""
    if term is None:
        return ""
    if term.kind == "uri":
        from graphkit.kg.namespaces import PREFIXES

        best = max((u for u in PREFIXES.values() if term.value.startswith(u)), key=len, default=None)
        if best:
            prefix = next(p for p, u in PREFIXES.items() if u == best)
            return f"{prefix}:{term.value[len(best):]}"
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    return term.value


# ── result formats ──────────────────────────────────────────────────────────────────────────────
def _json_term(t: Term) -> dict:
    if t.kind == "literal":
        d = {"type": "literal", "value": t.value}
        if t.lang:
            d["xml:lang"] = t.lang
        elif t.datatype and t.datatype != XSD + "string":
            d["datatype"] = t.datatype
        return d
    if t.kind == "triple":
        return {"type": "triple", "value": t.value}
    return {"type": t.kind, "value": t.value}


def to_json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, ensure_ascii=False) + "\n"


def to_xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(v)}/>" for v in result.vars]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        for v, t in zip(result.vars, row):
            if t is None:
                continue
            if t.kind == "uri":
                inner = f"<uri>{escape(t.value)}</uri>"
            elif t.kind == "bnode":
                inner = f"<bnode>{escape(t.value)}</bnode>"
            elif t.lang:
                inner = f"<literal xml:lang={quoteattr(t.lang)}>{escape(t.value)}</literal>"
            elif t.datatype and t.datatype != XSD + "string":
                inner = f"<literal datatype={quoteattr(t.datatype)}>{escape(t.value)}</literal>"
            else:
                inner = f"<literal>{escape(t.value)}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_csv(result: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.vars)
    for row in result.rows:
        w.writerow(["" if t is None else (f"_:{t.value}" if t.kind == "bnode" else t.value) for t in row])
    return buf.getvalue()


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if t.kind == "literal" and t.datatype in (XSD + "integer", XSD + "boolean") and not t.lang:
        return t.value
    return t.n3()


def to_tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


_WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}

#: SELECT and ASK results formats: name → (media type, writer), from :data:`graphkit.formats.RESULTS`
RESULT_FORMATS = {f.name: (f.media_type, _WRITERS[f.name]) for f in formats.RESULTS}

#: RDF formats for CONSTRUCT and DESCRIBE: name → (media type, pyoxigraph RdfFormat attribute)
RDF_FORMATS = {f.name: (f.media_type, f.oxigraph) for f in sorted(
    formats.RDF, key=lambda f: ["turtle", "nt", "nq", "trig", "jsonld", "rdfxml"].index(f.name))}

#: file extensions → format, for ``--out``
EXTENSIONS = {ext: f.name for f in (*formats.RESULTS, *formats.RDF) for ext in f.extensions}


def _ox_term(t: Term):
    import pyoxigraph as ox

    if t.kind == "uri":
        return ox.NamedNode(t.value)
    if t.kind == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    if t.datatype:
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype))
    return ox.Literal(t.value)


def serialize(result: QueryResult, fmt: str) -> str:
    """The result in ``fmt``: ``json``/``xml``/``csv``/``tsv`` for SELECT and ASK, one of
    :data:`RDF_FORMATS` for CONSTRUCT and DESCRIBE."""
    if result.kind == "graph":
        if fmt not in RDF_FORMATS:
            raise QueryError(
                f"a CONSTRUCT or DESCRIBE query gives RDF, not '{fmt}' results; use one of {', '.join(RDF_FORMATS)}"
            )
        import pyoxigraph as ox

        from graphkit.kg.namespaces import PREFIXES

        triples = [ox.Triple(*(_ox_term(x) for x in t)) for t in result.triples]
        kind = getattr(ox.RdfFormat, RDF_FORMATS[fmt][1])
        if fmt in ("nq", "trig"):
            triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
        # gkid: is left out: its local names hold '/', which Turtle would escape (gkid:person\/…)
        prefixes = {p: u for p, u in PREFIXES.items() if p != "gkid"}
        kwargs = {"prefixes": prefixes} if fmt in ("turtle", "trig", "rdfxml") else {}
        return ox.serialize(triples, format=kind, **kwargs).decode("utf-8")
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format '{fmt}'; use one of {', '.join(RESULT_FORMATS)}")
    return RESULT_FORMATS[fmt][1](result)


def media_type(result: QueryResult, fmt: str) -> str:
    return (RDF_FORMATS if result.kind == "graph" else RESULT_FORMATS)[fmt][0]
