"""Namespaces of the graphkit ontology and the vocabularies it aligns to."""
from __future__ import annotations

GK_URI = "https://w3id.org/graphkit/ontology#"
ID_URI = "https://w3id.org/graphkit/id/"

PREFIXES = {
    "gk": GK_URI,
    "gkid": ID_URI,
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
}


def sparql_prefixes() -> str:
    """``PREFIX`` lines for every namespace above, for queries."""
    return "".join(f"PREFIX {p}: <{u}>\n" for p, u in PREFIXES.items())


def rdflib_namespaces():
    """The namespaces as rdflib ``Namespace`` objects (imported lazily)."""
    from rdflib import Namespace

    return {p: Namespace(u) for p, u in PREFIXES.items()}


def bind_all(graph) -> None:
    for p, u in PREFIXES.items():
        graph.bind(p, u, override=True, replace=True)
