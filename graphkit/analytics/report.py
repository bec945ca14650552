"""One analysis as a value: project, focus (ego network, k-core), measure, find paths; then
write it as CSV or JSON. The ``graphkit analyze`` command prints and writes what this returns.

>>> from graphkit import examples
>>> a = analyze(examples.dataset(), measures=["degree", "leiden"], top=3)
>>> [(r["label"], r["degree"], r["leiden"]) for r in a.rows]
[('Nguyễn Quang Dương', 9, 0), ('Nguyễn Thị Thanh', 9, 0), ('Trương Thị Mai', 8, 0)]
>>> print(a.to_csv().splitlines()[0])
rank,label,type,degree,leiden,node
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from graphkit.errors import AnalysisError, OutputError


@dataclass
class Analysis:
    """The result of :func:`analyze`."""

    projection: str
    measures: list[str]
    rows: list[dict]  # one per node, best first (at most ``top``)
    nodes: int  # of the analysed graph (after --person/--k-core)
    edges: int
    date_from: str | None = None
    date_to: str | None = None
    focus: dict = field(default_factory=dict)  # {"person", "radius"} and/or {"k_core"}
    communities: list[dict] = field(default_factory=list)  # {"community", "size", "members"}
    paths: list[list[dict]] | None = None  # shortest paths, when asked
    path_ends: list[str] = field(default_factory=list)
    communities_total: int = 0  # communities found, of which ``communities`` holds the ``top`` largest per method

    def as_dict(self) -> dict:
        d = asdict(self)
        if self.paths is None:
            d.pop("paths")
            d.pop("path_ends")
        return d

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1, sort_keys=False, default=str) + "\n"

    def to_csv(self) -> str:
        """Rows as CSV: the ranked nodes, or the steps of the paths when paths were asked for."""
        out = io.StringIO()
        if self.paths is not None:
            cols = ["path", "step", "source_label", "relation", "target_label", "weight", "articles", "evidence",
                    "source", "target"]
            w = csv.DictWriter(out, cols, lineterminator="\n", extrasaction="ignore")
            w.writeheader()
            for i, path in enumerate(self.paths, 1):
                for j, s in enumerate(path, 1):
                    w.writerow({**s, "path": i, "step": j, "articles": " ".join(s.get("articles", [])),
                                "evidence": " | ".join(x["sentence"] for x in s.get("evidence", []) if x.get("sentence"))})
            return out.getvalue()
        cols = ["rank", "label", "type", *self.measures, "node"]
        w = csv.DictWriter(out, cols, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for i, r in enumerate(self.rows, 1):
            w.writerow({**r, "rank": i})
        return out.getvalue()

    def write(self, path) -> Path:
        """Write as ``.csv`` or ``.json`` (by extension), atomically, UTF-8."""
        from graphkit.kg.serialize import write_atomic

        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            write_atomic(path, self.to_csv())
        elif suffix == ".json":
            write_atomic(path, self.to_json())
        else:
            raise OutputError(f"{path}: unknown output format '{suffix or '(none)'}'; use .csv or .json")
        return path


def analyze(source, *, projection: str = "person", measures=("degree",), top: int | None = 20,
            date_from=None, date_to=None, person: str | None = None, radius: int = 1, k_core: int | None = None,
            path: tuple[str, str] | None = None, max_paths: int = 10, seed: int = 0, **options) -> Analysis:
    """Project ``source``, optionally narrow it, and measure it.

    Parameters
    ----------
    source : graph file, store directory, rdflib Dataset or Graph, opened graph, or KGIndex (see :func:`graphkit.analytics.projections.person_person`)
    projection : str
        A name from :data:`graphkit.analytics.projections.PROJECTIONS`.
    measures : list of str
        Names from :data:`graphkit.analytics.measures.MEASURES`; rows are sorted by the first.
    top : int or None
        Keep this many rows, and this many communities of each method, largest first (None or 0: all).
    date_from, date_to : str or date, optional
        Time slice, by article date.
    person, radius : str, int
        Narrow to the ego network of this person (label or IRI).
    k_core : int, optional
        Narrow to the k-core (0 = the main core).
    path : (str, str), optional
        Also find the shortest paths between these two persons (on the whole projection).
    max_paths : int
        At most this many paths.
    seed : int
        Seed of the community methods.
    **options
        Passed to the projection (``via=("meetings",)``, ``former=True``, ``bodies=True``).
    """
    from graphkit.analytics import measures as M
    from graphkit.analytics.kgindex import KGIndex
    from graphkit.analytics.projections import project

    idx = KGIndex.read(source)
    measures = list(measures) or ["degree"]
    for m in measures:
        if m not in M.MEASURES:
            raise AnalysisError(f"unknown measure '{m}'; choose one of {', '.join(M.MEASURES)}")
    G = project(idx, projection, date_from=date_from, date_to=date_to, **options)
    person_types = ("Person",)
    paths = ends = None
    if path:
        a, b = (M.find_node(G, name, types=person_types) for name in path)
        ends = [G.nodes[a]["label"], G.nodes[b]["label"]]
        paths = M.shortest_paths(G, a, b, limit=max_paths)
    focus = {}
    if person:
        center = M.find_node(G, person, types=person_types)
        G = M.ego(G, center, radius)
        focus.update(person=G.nodes[center]["label"], radius=radius)
    if k_core is not None:
        G = M.k_core(G, k_core or None)
        focus["k_core"] = G.graph["k"]
    rows = M.top(G, measures, n=top or None, seed=seed)
    comms = []
    total = 0
    for m in measures:
        if m in M.COMMUNITY_METHODS:
            deg = M.centrality(G, "degree")
            found = M.communities(G, m, seed=seed)
            total += len(found)
            for i, c in enumerate(found[: top or None]):
                members = sorted(c, key=lambda n: M._key(G, n, deg[n]))
                comms.append({"method": m, "community": i, "size": len(c),
                              "members": [G.nodes[n].get("label", str(n)) for n in members]})
    return Analysis(projection=projection, measures=measures, rows=rows, nodes=G.number_of_nodes(),
                    edges=G.number_of_edges(), date_from=G.graph.get("date_from"), date_to=G.graph.get("date_to"),
                    focus=focus, communities=comms, paths=paths, path_ends=ends or [],
                    communities_total=total)
