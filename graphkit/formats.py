"""The one table of formats graphkit reads and writes: file extension → format → media type.

``build --out``, ``export``, ``open_graph``, ``query --out`` and ``serve`` all look formats up here
(as rdflib's ``plugin.py`` keeps one registry of formats, not a table per module):

- RDF formats (:data:`RDF`): graph files (``graph_file``: what ``build --out`` and ``export`` write
  and ``open_graph`` reads) and the answers of CONSTRUCT and DESCRIBE, with their names in rdflib
  and Oxigraph and whether they keep named graphs (``quads``);
- SPARQL results formats (:data:`RESULTS`): the answers of SELECT and ASK.

>>> by_extension(".trig").rdflib, by_extension(".trig").oxigraph, by_extension(".trig").media_type
('trig', 'TRIG', 'application/trig')
>>> [f.extensions[0] for f in RDF if f.graph_file]
['.trig', '.nq', '.ttl', '.nt', '.jsonld']
>>> by_media_type("text/csv", RESULTS).name, by_name("json-ld", RDF).name
('csv', 'jsonld')
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """One format: its graphkit name (``--format``, ``?format=``), extensions and media types (the
    first of each is the one written and sent), other names accepted for it, and for RDF formats its
    rdflib plugin and ``pyoxigraph.RdfFormat`` attribute."""

    name: str
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    rdflib: str | None = None
    oxigraph: str | None = None
    quads: bool = False  # keeps named graphs (one per article)
    graph_file: bool = False  # written by build --out and export, read by open_graph

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


#: RDF formats, graph files first in the order the help lists them
RDF: tuple[Format, ...] = (
    Format("trig", (".trig",), ("application/trig",), rdflib="trig", oxigraph="TRIG", quads=True, graph_file=True),
    Format("nq", (".nq",), ("application/n-quads",), ("nquads",), rdflib="nquads", oxigraph="N_QUADS", quads=True,
           graph_file=True),
    Format("turtle", (".ttl",), ("text/turtle; charset=utf-8", "application/x-turtle"), ("ttl", "n3"),
           rdflib="turtle", oxigraph="TURTLE", graph_file=True),
    Format("nt", (".nt",), ("application/n-triples", "text/plain"), ("ntriples", "n-triples"), rdflib="nt",
           oxigraph="N_TRIPLES", graph_file=True),
    Format("jsonld", (".jsonld",), ("application/ld+json",), ("json-ld", "json"), rdflib="json-ld",
           oxigraph="JSON_LD", quads=True, graph_file=True),
    Format("rdfxml", (".rdf", ".owl"), ("application/rdf+xml",), ("rdf+xml", "rdf", "xml"), rdflib="xml",
           oxigraph="RDF_XML"),
)

#: SPARQL 1.1 query results formats (SELECT and ASK answers)
RESULTS: tuple[Format, ...] = (
    Format("json", (".json", ".srj"), ("application/sparql-results+json", "application/json"), ("srj",)),
    Format("xml", (".xml", ".srx"), ("application/sparql-results+xml", "application/xml", "text/xml"), ("srx",)),
    Format("csv", (".csv",), ("text/csv; charset=utf-8",)),
    Format("tsv", (".tsv",), ("text/tab-separated-values; charset=utf-8",)),
)

#: the extensions of graph files, in order
GRAPH_FILE_EXTENSIONS: tuple[str, ...] = tuple(f.extensions[0] for f in RDF if f.graph_file)


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def by_extension(suffix: str, table: tuple[Format, ...] = RDF) -> Format | None:
    """The format of a file extension (``.trig``) in ``table``, or ``None``."""
    suffix = suffix.lower()
    return next((f for f in table if suffix in f.extensions), None)


def by_name(name: str, table: tuple[Format, ...]) -> Format | None:
    """The format a name or alias (``ttl``, ``json-ld``) stands for in ``table``, or ``None``."""
    name = name.lower()
    return next((f for f in table if name in f.names), None)


def by_media_type(media_type: str, table: tuple[Format, ...]) -> Format | None:
    """The format of a media type (parameters ignored) in ``table``, or ``None``."""
    bare = _bare(media_type)
    return next((f for f in table if bare in {_bare(m) for m in f.media_types}), None)
