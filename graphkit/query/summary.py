"""What ``graphkit stats`` says of a graph: its counts, the nodes of each type, the officials and their posts."""
from __future__ import annotations

_TYPES = ["Article", "Person", "Post", "Organization", "Province", "District", "Meeting", "Directive", "Tenure"]


def summary(graph) -> dict:
    """What ``graphkit stats`` prints: the graph's :class:`~graphkit.query.engine.GraphCounts`
    (``counts``), the nodes of each gk: class (``types``), and who holds what (``officials``:
    sorted ``(name, [posts])``). ``graph`` is anything :func:`graphkit.query.open_graph` accepts.

    >>> from graphkit import examples
    >>> s = summary(examples.dataset())
    >>> str(s["counts"]).split(" in ")[1], s["types"]["Person"]
    ('5 article graphs', 15)
    """
    from graphkit.query.engine import open_graph, run_query

    g = open_graph(graph)
    values = " ".join(f"gk:{cls}" for cls in _TYPES)
    found = {r["c"]: r["n"] for r in run_query(
        g, f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }} GROUP BY ?c").dicts()}
    from graphkit.kg.namespaces import GK_URI

    types = {cls: found.get(GK_URI + cls, 0) for cls in _TYPES}
    officials: dict[str, list[str]] = {}
    for r in run_query(g, """
        SELECT ?name ?post WHERE { ?p a gk:Person ; rdfs:label ?name ; gk:holds ?x . ?x rdfs:label ?post }
        ORDER BY ?name ?post""").dicts():
        officials.setdefault(r["name"], []).append(r["post"])
    return {"counts": g.counts(), "types": types, "officials": sorted(officials.items())}
