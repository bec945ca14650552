"""The graphkit ontology (``graphkit.ttl``), shipped with the package."""
from __future__ import annotations

from pathlib import Path

ONTOLOGY_IRI = "https://w3id.org/graphkit/ontology"


def ontology_path() -> Path:
    """Path of the packaged ``graphkit.ttl``."""
    return Path(__file__).with_name("graphkit.ttl")


def load_ontology():
    """The ontology as an rdflib ``Graph`` (rdflib is imported lazily)."""
    from rdflib import Graph

    from graphkit.kg.namespaces import bind_all

    g = Graph()
    bind_all(g)
    g.parse(ontology_path(), format="turtle")
    return g


def shapes_path() -> Path:
    """Path of the packaged SHACL shapes (``shapes.ttl``): the contract every graphkit graph keeps."""
    return Path(__file__).with_name("shapes.ttl")
