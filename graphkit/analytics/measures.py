"""Network measures on the projections: plain functions taking a networkx graph ``G``.

Edge ``weight`` counts support (more shared meetings, more articles), so it is a strength:
weighted degree and PageRank use it as it is, and betweenness and shortest paths, which need a
length, ignore it (every link is one step). Results are sorted deterministically: by score,
then by label, then by IRI.

>>> from graphkit import examples
>>> from graphkit.analytics import projections
>>> from graphkit.analytics.measures import centrality, top
>>> G = projections.person_person(examples.dataset())
>>> [(r["label"], r["degree"]) for r in top(G, ["degree"], n=3)]
[('Nguyễn Quang Dương', 9), ('Nguyễn Thị Thanh', 9), ('Trương Thị Mai', 8)]
"""
from __future__ import annotations

from graphkit.errors import AnalysisError

#: measure name → what it is (for help texts and table headers)
MEASURES = {
    "degree": "number of distinct neighbours",
    "weighted-degree": "sum of edge weights (shared meetings and bodies, or articles)",
    "betweenness": "share of shortest paths through the node (normalised, unweighted, direction ignored)",
    "pagerank": "PageRank with edge weights (alpha 0.85; follows edge direction in directed projections)",
    "core": "core number: the largest k of a k-core containing the node",
    "louvain": "community (Louvain, networkx), numbered from 0 by size",
    "leiden": "community (Leiden, leidenalg), numbered from 0 by size",
}
COMMUNITY_METHODS = ("louvain", "leiden")


def _undirected(G):
    """An undirected copy whose edge weights add up over both directions."""
    import networkx as nx

    if not G.is_directed():
        return G
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, w in G.edges(data="weight", default=1):
        if H.has_edge(u, v):
            H.edges[u, v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _key(G, n, score=0):
    """Sort key: best score first, then label in Vietnamese-friendly order (folded), then IRI."""
    from graphkit.nlp.normalize import fold

    label = G.nodes[n].get("label", str(n))
    return (-score, fold(label), label, str(n))


def centrality(G, measure: str, *, weight: str = "weight", seed: int = 0) -> dict:
    """One score per node.

    Parameters
    ----------
    G : networkx graph
    measure : str
        One of :data:`MEASURES`: ``degree``, ``weighted-degree``, ``betweenness``, ``pagerank``,
        ``core``, ``louvain``, ``leiden`` (the last two give a community number).
    weight : str
        The edge attribute holding the strength of an edge.
    seed : int
        Seed of the community methods.

    Returns
    -------
    dict
        node → score (``int`` for degree, core and communities, ``float`` otherwise).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)
    >>> centrality(G, "degree")
    {0: 1, 1: 2, 2: 2, 3: 1}
    >>> {n: round(b, 3) for n, b in centrality(G, "betweenness").items()}
    {0: 0.0, 1: 0.667, 2: 0.667, 3: 0.0}
    >>> centrality(G, "closeness")
    Traceback (most recent call last):
    ...
    graphkit.errors.AnalysisError: unknown measure 'closeness'; choose one of degree, weighted-degree, betweenness, pagerank, core, louvain, leiden
    """
    import networkx as nx

    if measure not in MEASURES:
        raise AnalysisError(f"unknown measure '{measure}'; choose one of {', '.join(MEASURES)}")
    if len(G) == 0:
        return {}
    if measure == "degree":
        return {n: len(set(nx.all_neighbors(G, n)) - {n}) for n in G}
    if measure == "weighted-degree":
        return dict(G.degree(weight=weight))
    if measure == "betweenness":
        return nx.betweenness_centrality(_undirected(G), normalized=True)
    if measure == "pagerank":
        return nx.pagerank(G, alpha=0.85, weight=weight)
    if measure == "core":
        H = nx.Graph(_undirected(G))
        H.remove_edges_from(nx.selfloop_edges(H))
        return nx.core_number(H)
    return community_index(G, communities(G, measure, seed=seed, weight=weight))


def communities(G, method: str = "leiden", *, weight: str = "weight", resolution: float = 1.0, seed: int = 0):
    """Communities of ``G`` (directed graphs are taken as undirected).

    Parameters
    ----------
    G : networkx graph
    method : {"leiden", "louvain"}
        ``louvain``: :func:`networkx.community.louvain_communities`. ``leiden``: the ``leidenalg``
        package (modularity, via igraph); Leiden guarantees connected communities and usually
        finds a better partition, so it is the default.
    weight : str
        Edge attribute used as weight.
    resolution : float
        Above 1 favours smaller communities.
    seed : int
        Random seed, for reproducible results.

    Returns
    -------
    list of sets
        Largest first; ties broken by the smallest label in the community.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 0)
    >>> [sorted(c) for c in communities(G, "louvain")]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    >>> [sorted(c) for c in communities(G, "leiden")]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    """
    import networkx as nx

    if method not in COMMUNITY_METHODS:
        raise AnalysisError(f"unknown community method '{method}'; choose louvain or leiden")
    H = _undirected(G)
    if len(H) == 0:
        return []
    if method == "louvain":
        parts = nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed)
    else:
        try:
            import igraph
            import leidenalg
        except ImportError:
            raise AnalysisError("Leiden needs the leidenalg package: pip install leidenalg igraph "
                                "(or use --measure louvain)") from None
        nodes = sorted(H, key=lambda n: _key(H, n))
        index = {n: i for i, n in enumerate(nodes)}
        edges = sorted((min(index[u], index[v]), max(index[u], index[v]), w)
                       for u, v, w in H.edges(data=weight, default=1))
        g = igraph.Graph(n=len(nodes), edges=[(u, v) for u, v, _ in edges])
        g.es["weight"] = [float(w) for _, _, w in edges]
        part = leidenalg.find_partition(g, leidenalg.RBConfigurationVertexPartition, weights="weight",
                                        resolution_parameter=resolution, seed=seed)
        parts = [{nodes[i] for i in members} for members in part]
    return sorted((set(c) for c in parts), key=lambda c: (-len(c), min(_key(H, n)[1:] for n in c)))


def community_index(G, parts) -> dict:
    """node → number of its community in ``parts`` (0 = the first, largest).

    >>> community_index(None, [{"a", "b"}, {"c"}])
    {'a': 0, 'b': 0, 'c': 1}
    """
    return {n: i for i, c in enumerate(parts) for n in sorted(c, key=str)}


def top(G, measures, n: int | None = None, *, seed: int = 0) -> list[dict]:
    """Rows of a table of nodes and measures, sorted by the first measure (best first).

    Each row has ``node`` (IRI), ``label``, ``type`` and one key per measure. For a community
    measure first, rows are sorted by community, then by label.

    Examples
    --------
    >>> from graphkit import examples
    >>> from graphkit.analytics import projections
    >>> G = projections.province_directive(examples.dataset())
    >>> [(r["label"], r["degree"]) for r in top(G, ["degree", "pagerank"], n=2)]
    [('Nghị quyết 18-NQ/TW', 4), ('Khánh Hòa', 2)]
    """
    measures = list(measures) or ["degree"]
    scores = {m: centrality(G, m, seed=seed) for m in measures}
    first = measures[0]

    def order(node):
        if first in COMMUNITY_METHODS:
            return (scores[first][node],) + _key(G, node)[1:]
        return _key(G, node, scores[first][node])

    rows = []
    for node in sorted(G, key=order)[: n if n else None]:
        row = {"node": node, "label": G.nodes[node].get("label", str(node)), "type": G.nodes[node].get("type", "")}
        for m in measures:
            v = scores[m][node]
            row[m] = round(v, 6) if isinstance(v, float) else v
        rows.append(row)
    return rows


def find_node(G, name: str, *, types=("Person",)):
    """The node whose label (or IRI) is ``name``; case, spacing and tone placement do not matter.

    Raises :class:`~graphkit.errors.AnalysisError` naming close labels when there is no such
    node, or the candidates when several nodes have that label.

    >>> from graphkit import examples
    >>> from graphkit.analytics import projections
    >>> G = projections.person_person(examples.dataset())
    >>> find_node(G, "trương thị  mai") == examples.iri("person", "Trương Thị Mai")
    True
    >>> find_node(G, "Truong Thi Mei")
    Traceback (most recent call last):
    ...
    graphkit.errors.AnalysisError: no Person called 'Truong Thi Mei' in this graph; did you mean Trương Thị Mai?
    """
    import difflib

    from graphkit.nlp.normalize import fold

    if name in G:
        return name
    types = tuple(types) if types else None
    cands = [n for n in G if types is None or G.nodes[n].get("type") in types]

    def norm(s):
        return " ".join(str(s).split()).casefold()

    for key in (norm, lambda s: fold(norm(s))):
        hits = sorted(n for n in cands if key(G.nodes[n].get("label", "")) == key(name))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise AnalysisError(f"{len(hits)} nodes are called '{name}': {', '.join(hits)}; pass the IRI instead")
    labels = {G.nodes[n].get("label", ""): n for n in cands}
    folded = {fold(norm(lb)): lb for lb in labels}
    close = difflib.get_close_matches(fold(norm(name)), sorted(folded), n=3, cutoff=0.6)
    kinds = "/".join(types) if types else "node"
    hint = f"; did you mean {', '.join(folded[c] for c in close)}?" if close else \
        "; check the spelling, or the date range (--from/--to)"
    raise AnalysisError(f"no {kinds} called '{name}' in this graph{hint}")


def ego(G, center, radius: int = 1):
    """The ego network of ``center``: the nodes within ``radius`` steps (edge direction ignored).

    Each node gets ``distance`` (steps from the centre).

    >>> import networkx as nx
    >>> E = ego(nx.path_graph(5), 0, radius=2)
    >>> sorted(E.nodes(data="distance"))
    [(0, 0), (1, 1), (2, 2)]
    """
    import networkx as nx

    if center not in G:
        raise AnalysisError(f"{center} is not in this graph")
    if radius < 0:
        raise AnalysisError(f"radius {radius}: use 0 or more")
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    dist = nx.single_source_shortest_path_length(U, center, cutoff=radius)
    E = G.subgraph(sorted(dist, key=str)).copy()
    for n, d in dist.items():
        E.nodes[n]["distance"] = d
    E.graph.update(center=center, radius=radius)
    return E


def k_core(G, k: int | None = None):
    """The ``k``-core of ``G`` (the main core when ``k`` is None); direction and loops ignored.

    >>> import networkx as nx
    >>> G = nx.complete_graph(4); G.add_edge(3, 4)
    >>> sorted(k_core(G)), sorted(k_core(G, 1))
    ([0, 1, 2, 3], [0, 1, 2, 3, 4])
    """
    import networkx as nx

    H = nx.Graph(_undirected(G))
    H.remove_edges_from(nx.selfloop_edges(H))
    core = nx.core_number(H) if len(H) else {}
    if k is None:
        k = max(core.values(), default=0)
    keep = sorted((n for n, c in core.items() if c >= k), key=str)
    C = G.subgraph(keep).copy()
    C.graph["k"] = k
    return C


def shortest_paths(G, source, target, *, limit: int = 10) -> list[list[dict]]:
    """Shortest paths between two nodes, each a list of steps with the facts along the way.

    Direction is ignored (a relationship path). Each step is a dict with ``source``,
    ``target`` (IRIs), their ``source_label``/``target_label``, the edge's ``relation``,
    ``weight``, ``articles`` and ``evidence``, plus any other edge attributes (``meetings``,
    ``bodies``, ``posts``). At most ``limit`` paths, in a stable order; ``[]`` when there is
    no path.

    Examples
    --------
    >>> from graphkit import examples
    >>> from graphkit.analytics import projections
    >>> G = projections.person_person(examples.dataset())
    >>> hop, hong = examples.iri("person", "Hồ Phúc Hợp"), examples.iri("person", "Lê Thị Thu Hồng")
    >>> paths = shortest_paths(G, hop, hong)
    >>> [[(s["source_label"], s["relation"], s["target_label"]) for s in p] for p in paths][0]
    [('Hồ Phúc Hợp', 'co-attended', 'Lê Vĩnh Tân'), ('Lê Vĩnh Tân', 'same body', 'Nguyễn Quang Dương'), ('Nguyễn Quang Dương', 'co-attended', 'Lê Thị Thu Hồng')]
    """
    import itertools

    import networkx as nx

    for n in (source, target):
        if n not in G:
            raise AnalysisError(f"{n} is not in this graph")
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    try:
        gen = nx.all_shortest_paths(U, source, target)
        paths = list(itertools.islice(gen, 1000))
    except nx.NetworkXNoPath:
        return []
    paths.sort(key=lambda p: [_key(G, n)[1:] for n in p])
    return [path_steps(G, p) for p in paths[:limit]]


def path_steps(G, path) -> list[dict]:
    """The steps of a node path with the edge facts between consecutive nodes."""
    steps = []
    for u, v in zip(path, path[1:]):
        data = G.edges[u, v] if G.has_edge(u, v) else G.edges[v, u]
        step = {"source": u, "target": v, "source_label": G.nodes[u].get("label", str(u)),
                "target_label": G.nodes[v].get("label", str(v))}
        step.update({k: data[k] for k in sorted(data)})
        steps.append(step)
    return steps
