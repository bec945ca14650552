"""Check a graph against the SHACL shapes shipped with the ontology (``ontology/shapes.ttl``).

The shapes state the contract of design/ONTOLOGY.md: each node of a graphkit class has exactly one
``rdfs:label``, its required properties with their counts and ranges, and well-formed codes, terms
and dates. They are checked by pySHACL, without inference (every node is typed explicitly), on the
merge of the article graphs: what a SPARQL query without ``GRAPH`` sees, so a node that two articles
give two different labels fails too.

:func:`validate` returns plain values, a list of :class:`Violation` (empty when the graph conforms)::

    for v in validate("out/graph.trig"):
        print(v.label, v.path, v.message)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphkit.kg.namespaces import PREFIXES


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node (its label and IRI), the property, what is wrong, the value at fault."""

    label: str  # the focus node's rdfs:label ("" when it has none)
    focus: str  # the focus node's IRI (or blank node id)
    path: str  # the property, prefixed (gk:holds), "" for a constraint on the node itself
    message: str
    value: str = ""  # the offending value, when there is one
    severity: str = "Violation"  # Violation, Warning or Info

    def __str__(self) -> str:
        who = f"{self.label!r} <{self.focus}>" if self.label else f"<{self.focus}>"
        where = f"{self.path}: " if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{who}  {where}{self.message}{value}"


def _short(term) -> str:
    s = str(term)
    for prefix, uri in PREFIXES.items():
        if s.startswith(uri) and prefix != "gkid":
            return f"{prefix}:{s[len(uri):]}"
    return s


def load_shapes(path: str | Path | None = None):
    """The shapes graph (the packaged ``shapes.ttl`` by default) as an rdflib ``Graph``."""
    from rdflib import Graph

    from graphkit.ontology import shapes_path

    return Graph().parse(str(path or shapes_path()), format="turtle")


def merged_graph(source):
    """``source`` as one rdflib ``Graph`` holding each triple of its article graphs once.

    ``source``: a graph file written by ``graphkit build --out`` (.trig, .nq, .ttl, .nt, .jsonld), a
    store directory written by ``graphkit build --into`` (its merged default graph, read-only), or an
    rdflib ``Graph``/``Dataset``.
    """
    from rdflib import Graph

    if hasattr(source, "quads"):  # an rdflib Dataset
        g = Graph()
        for s, p, o, _ctx in source.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    if hasattr(source, "triples"):  # an rdflib Graph
        return source
    from graphkit.query.engine import open_graph

    # the one read path: a graph file or a store (queried where it is), its merged triples
    nt = open_graph(source).ntriples()
    with _quiet_literals():
        return Graph().parse(data=nt, format="nt")


class _quiet_literals:
    """rdflib logs a traceback for each ill-formed literal it reads (2017-02-30^^xsd:date); the shapes
    report those as violations, so the log is silenced while a graph is read."""

    def __enter__(self):
        import logging

        self._log = logging.getLogger("rdflib.term")
        self._was = self._log.disabled
        self._log.disabled = True

    def __exit__(self, *exc):
        self._log.disabled = self._was


def validate(source, *, shapes=None) -> list[Violation]:
    """The violations of the shapes by ``source`` (see :func:`merged_graph`), sorted; empty when it conforms.

    ``shapes``: a shapes file or rdflib ``Graph`` (default: the packaged ``shapes.ttl``).
    """
    import pyshacl
    from rdflib import RDF, RDFS, Namespace

    data = merged_graph(source)
    shapes_graph = shapes if hasattr(shapes, "triples") else load_shapes(shapes)
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                               advanced=True, allow_warnings=True)
    if conforms:
        return []
    SH = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        message = report.value(r, SH.resultMessage)
        severity = report.value(r, SH.resultSeverity)
        labels = sorted(str(x) for x in data.objects(focus, RDFS.label)) if focus is not None else []
        out.append(Violation(
            label=labels[0] if labels else "",
            focus=str(focus),
            path="" if path is None else _short(path),
            message=str(message or report.value(r, SH.sourceConstraintComponent) or "constraint not met"),
            value="" if value is None else str(value),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        ))
    return sorted(set(out))
