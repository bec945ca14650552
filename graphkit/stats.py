"""A short summary of a built graph (counts by type, officials and their posts)."""
from __future__ import annotations

from graphkit.kg.namespaces import sparql_prefixes

_TYPES = ["Article", "Person", "Post", "Organization", "Province", "District", "Meeting", "Directive", "Tenure"]


def summary(dataset) -> dict:
    """Counts of nodes per gk: class, the number of triples and article graphs, and who holds what."""
    from rdflib import Dataset

    ds = Dataset(store=dataset.store, default_union=True) if not getattr(dataset, "default_union", False) else dataset
    types = {}
    for cls in _TYPES:
        q = sparql_prefixes() + f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a gk:{cls} }}"
        types[cls] = int(next(iter(ds.query(q)))[0])
    rows = ds.query(sparql_prefixes() + """
        SELECT ?name ?post WHERE { ?p a gk:Person ; rdfs:label ?name ; gk:holds ?x . ?x rdfs:label ?post }
        ORDER BY ?name ?post""")
    officials: dict[str, list[str]] = {}
    for name, post in rows:
        officials.setdefault(str(name), []).append(str(post))
    quads = set(dataset.quads((None, None, None, None)))
    graphs = {str(g) for _s, _p, _o, g in quads if g is not None}
    return {"triples": len(quads), "articles": len(graphs),
            "types": types, "officials": sorted(officials.items())}
