"""Interactive relationship maps: one self-contained HTML page that works with no network.

The network is built with pyvis (nodes, edges, vis options) and written into graphkit's own
page, because pyvis' templates link Bootstrap and vis-network from CDNs. The page inlines the
vis-network JS/CSS shipped inside the pyvis package, carries a Content-Security-Policy that
forbids any request, and holds the data as JSON in a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped; the page's script puts article text into the DOM with
``textContent`` only. Positions are computed with networkx (seeded ``spring_layout``; a
diffusion map lays implementers out by date) and physics is off, so even large maps open at once.

>>> from graphkit import examples
>>> m = whole_map(examples.dataset())
>>> m.nodes == m.total_nodes, m.truncated, "<script src=" in m.html
(True, False, False)
"""
from __future__ import annotations

import html as _html
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.errors import AnalysisError, OutputError

DEFAULT_NODE_LIMIT = 1500
SIZE_MEASURES = ("degree", "weighted-degree", "betweenness", "pagerank", "core")

#: node type → (fill colour, vis shape, legend glyph, legend text)
STYLES = {
    "Person": ("#4e79a7", "dot", "●", "Person (người)"),
    "Organization": ("#f28e2b", "square", "■", "Organisation (cơ quan, tổ chức)"),
    "Province": ("#59a14f", "triangle", "▲", "Province (tỉnh, thành phố)"),
    "Directive": ("#e15759", "diamond", "◆", "Directive (văn bản)"),
    "Meeting": ("#b07aa1", "star", "★", "Meeting (hội nghị, sự kiện)"),
    "Post": ("#76b7b2", "hexagon", "⬢", "Post (chức vụ)"),
    "District": ("#8cd17d", "triangleDown", "▼", "District (huyện, quận)"),
}
OTHER_STYLE = ("#9c9c9c", "dot", "●", "Other")
MAX_EVIDENCE = 5
KAMADA_KAWAI_MAX = 300


@dataclass
class Map:
    """A rendered map: the HTML page and what it shows. In a notebook it shows itself inline."""

    html: str = field(repr=False)
    nodes: int
    edges: int
    total_nodes: int
    size_by: str
    notice: str = ""

    @property
    def truncated(self) -> bool:
        return self.nodes < self.total_nodes

    def _repr_html_(self) -> str:
        """Shown inline in a notebook: the page in a sandboxed ``<iframe srcdoc>``, with no network access."""
        from graphkit.notebook import iframe

        return iframe(self.html)

    def write(self, path) -> Path:
        """Write the page atomically as UTF-8 (whatever the locale)."""
        from graphkit.kg.serialize import write_atomic

        path = Path(path)
        if path.suffix.lower() not in (".html", ".htm"):
            raise OutputError(f"{path}: a map is an HTML page; name the output file *.html")
        write_atomic(path, self.html)
        return path


# -- safe embedding ------------------------------------------------------------------------------
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``</script>``, ``<!--``).

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _asset(name: str) -> str:
    path = Path(__file__).with_name("static") / name
    return path.read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, from inside the installed pyvis package."""
    import pyvis

    base = Path(pyvis.__file__).parent / "templates" / "lib"
    for version in ("vis-9.1.2", "vis-9.0.4"):
        js, css = base / version / "vis-network.min.js", base / version / "vis-network.css"
        if js.is_file() and css.is_file():
            js_text, css_text = js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
            if "</script" in js_text.lower() or "</style" in css_text.lower():
                raise OutputError(f"{js}: cannot be inlined safely; reinstall pyvis: pip install 'pyvis>=0.3.2'")
            return js_text, css_text
    raise OutputError(f"vis-network is missing from {base}; reinstall pyvis: pip install --force-reinstall 'pyvis>=0.3.2'")


def _page(**parts: str) -> str:
    """Fill the page template in one pass, so inserted text is never scanned for placeholders."""
    template = _asset("map.html")
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1).lower()], template)


# -- tooltips ----------------------------------------------------------------------------------
def _evidence_lines(evidence, limit=MAX_EVIDENCE) -> list[list[str]]:
    lines = []
    for x in evidence[:limit]:
        if x.get("sentence"):
            lines.append(["q", x["sentence"]])
        src = " · ".join(s for s in (x.get("title") or x.get("article") or "", x.get("date") or "undated") if s)
        lines.append(["s", src])
    if len(evidence) > limit:
        lines.append(["s", f"… and {len(evidence) - limit} more"])
    return lines


def _node_tip(G, n, size_by: str, score) -> list[list[str]]:
    d = G.nodes[n]
    t = d.get("type", "")
    lines = [["h", d.get("label", str(n))], ["t", t]]
    for key, name in (("code", "Code"), ("document_type", "Type"), ("issuer", "Issued by"), ("issued_on", "Issued on"),
                      ("term", "Term"), ("date", "Date"), ("location", "Location"), ("place", "Place"), ("role", "Role")):
        if d.get(key) and not (t == "Directive" and key == "date"):
            lines.append(["p", f"{name}: {d[key]}"])
    if d.get("first_date"):
        span = d["first_date"] if d["first_date"] == d.get("last_date") else f"{d['first_date']} – {d['last_date']}"
        lines.append(["p", f"Reported: {span}"])
    lines.append(["p", f"{size_by}: {round(score, 4) if isinstance(score, float) else score}"])
    if t == "Person" and d.get("posts"):
        lines.append(["k", "Posts"])
        for p in d["posts"]:
            when = ", ".join(x for x in (
                p.get("status") if p.get("status") not in (None, "current") else "",
                f"from {p['start']}" if p.get("start") else "", f"until {p['end']}" if p.get("end") else "",
                f"reported {p['observed']}" if p.get("observed") else "") if x)
            lines.append(["p", p["post"] + (f" ({when})" if when else "")])
    seen, evidence = set(), []
    for u, v, ev in sorted(_incident(G, n), key=lambda e: (str(e[0]), str(e[1]))):
        for x in ev:
            k = (x.get("article"), x.get("sentence"))
            if k not in seen and x.get("sentence"):
                seen.add(k)
                evidence.append(x)
    if evidence:
        evidence.sort(key=lambda x: (x.get("date") or "", x.get("article") or "", x.get("sentence") or ""))
        lines.append(["k", "Evidence"])
        lines += _evidence_lines(evidence, 3)
    return lines


def _incident(G, n):
    if G.is_directed():
        yield from ((u, v, ev or []) for u, v, ev in G.in_edges(n, data="evidence"))
        yield from ((u, v, ev or []) for u, v, ev in G.out_edges(n, data="evidence"))
    else:
        yield from ((u, v, ev or []) for u, v, ev in G.edges(n, data="evidence"))


def _edge_tip(G, u, v) -> list[list[str]]:
    d = G.edges[u, v]
    lines = [["h", f"{G.nodes[u].get('label', u)} — {d.get('relation', '')} — {G.nodes[v].get('label', v)}"]]
    if d.get("posts"):
        lines.append(["p", "Posts: " + "; ".join(d["posts"])])
    lines.append(["p", f"weight {d.get('weight', 1)}, {len(d.get('articles', []))} article(s)"])
    if d.get("evidence"):
        lines.append(["k", "Evidence"])
        lines += _evidence_lines(d["evidence"])
    return lines


# -- layout ----------------------------------------------------------------------------------
def spring_positions(G, *, seed: int = 7) -> dict:
    """Positions in pixels: each connected component laid out with networkx (Kamada-Kawai from
    a seeded spring layout up to 300 nodes, a seeded ``spring_layout`` above), spread with its size, and the components packed in rows,
    largest first (so small islands do not squeeze the main component into a corner).

    >>> import networkx as nx
    >>> pos = spring_positions(nx.path_graph(3))
    >>> pos == spring_positions(nx.path_graph(3)), sorted(pos)
    (True, [0, 1, 2])
    """
    import networkx as nx

    if len(G) == 0:
        return {}
    U = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() else G
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for c in comps:
        r = 70 * math.sqrt(len(c)) + (20 if len(c) > 1 else 0)
        if len(c) == 1:
            local = {c[0]: (0.0, 0.0)}
        elif len(c) <= KAMADA_KAWAI_MAX:  # evener spacing for small components; O(n²), so only those
            start = nx.spring_layout(U.subgraph(c), seed=seed, weight=None)
            local = nx.kamada_kawai_layout(U.subgraph(c), pos=start, weight=None, scale=r)
        else:
            # the cost of an iteration grows with n²: fewer of them for big components keeps a
            # 1,500-node map to seconds, and the result still separates its clusters
            its = 50 if len(c) <= 1000 else 30
            local = nx.spring_layout(U.subgraph(c), seed=seed, weight=None, iterations=its, scale=r)
        boxes.append((r, local))
    gap = 90.0
    row_width = max(2 * boxes[0][0], math.sqrt(sum((2 * r + gap) ** 2 for r, _ in boxes)))
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    for r, local in boxes:
        w = 2 * r + gap
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for n, (px, py) in local.items():
            pos[n] = (round(float(px) + x + r, 1), round(float(py) + y + r, 1))
        x += w
        row_h = max(row_h, w)
    return pos


def diffusion_positions(G) -> dict:
    """Left to right by date: issuers, the directive(s), then implementers in columns by the
    date of their first reported implementation (undated last)."""
    cols: dict[tuple, list] = {}
    for n, d in G.nodes(data=True):
        role = d.get("role")
        if role == "issuer":
            key = (0, "")
        elif role == "directive":
            key = (1, "")
        else:
            key = (2, d.get("date") or "9999")
        cols.setdefault(key, []).append(n)
    pos = {}
    for i, key in enumerate(sorted(cols)):
        members = sorted(cols[key], key=lambda n: (G.nodes[n].get("label", ""), str(n)))
        for j, n in enumerate(members):
            pos[n] = (i * 260.0, (j - (len(members) - 1) / 2) * 90.0)
    return pos


# -- rendering ---------------------------------------------------------------------------------
def keep_top(G, scores: dict, limit: int, keep=()):
    """The nodes to show: ``keep`` first, then the best by score (ties by label and IRI)."""
    keep = [n for n in keep if n in G]
    rest = sorted((n for n in G if n not in set(keep)),
                  key=lambda n: (-scores.get(n, 0), G.nodes[n].get("label", ""), str(n)))
    return keep + rest[: max(0, limit - len(keep))]


def render(G, *, title: str = "graphkit map", subtitle: str = "", size_by: str = "degree",
           node_limit: int = DEFAULT_NODE_LIMIT, keep=(), layout: str = "spring", seed: int = 7) -> Map:
    """Render a networkx graph from :mod:`graphkit.analytics.projections` as an offline HTML page.

    Parameters
    ----------
    G : networkx graph
        Nodes with ``label`` and ``type``; edges with ``relation`` (or ``label``), ``weight``,
        ``evidence``.
    title, subtitle : str
        Shown at the top of the page (escaped).
    size_by : str
        Measure that sizes the nodes and chooses which to keep: one of :data:`SIZE_MEASURES`.
    node_limit : int
        Above this many nodes, keep the top ones by ``size_by`` (and ``keep``) and say so on the page.
    keep : iterable
        Nodes always shown (the centre of an ego map, the directive of a diffusion map).
    layout : {"spring", "diffusion"}
        Seeded spring layout, or columns by date for :func:`diffusion_map`.

    Returns
    -------
    Map

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("a", label="<script>alert(1)</script>", type="Person")
    >>> G.add_node("b", label="B", type="Organization")
    >>> G.add_edge("a", "b", relation="holds", weight=1, evidence=[])
    >>> m = render(G, title="<b>demo</b>")
    >>> "<script>alert" in m.html, "&lt;b&gt;demo&lt;/b&gt;" in m.html, m.nodes
    (False, True, 2)
    """
    from graphkit.analytics.measures import centrality

    if size_by not in SIZE_MEASURES:
        raise AnalysisError(f"cannot size nodes by '{size_by}'; choose one of {', '.join(SIZE_MEASURES)}")
    if node_limit < 1:
        raise AnalysisError(f"node limit {node_limit}: use 1 or more")
    scores = centrality(G, size_by)
    total = len(G)
    notice = ""
    if total > node_limit:
        shown = keep_top(G, scores, node_limit, keep)
        H = G.subgraph(shown).copy()
        notice = (f"Showing the top {len(H):,} of {total:,} nodes by {size_by} (node limit {node_limit:,}); "
                  f"{G.number_of_edges() - H.number_of_edges():,} edges to hidden nodes are not drawn. "
                  "Raise the limit (graphkit map --limit N) or narrow the map (--person, --directive, --from/--to) "
                  "to see more.")
    else:
        H = G
    pos = diffusion_positions(H) if layout == "diffusion" else spring_positions(H, seed=seed)
    data, counts = _network_data(H, scores, size_by, pos)
    legend = _legend(counts)
    js, css = _vis_assets()
    html = _page(
        title=_html.escape(title), subtitle=_html.escape(subtitle or _describe(G, H)),
        notice=f'<p class="gk-notice" id="gk-notice" role="status">{_html.escape(notice)}</p>' if notice else "",
        legend=legend, data=script_json(data), vis_js=js, vis_css=css,
        map_js=_asset("map.js"), map_css=_asset("map.css"),
    )
    return Map(html=html, nodes=H.number_of_nodes(), edges=H.number_of_edges(), total_nodes=total,
               size_by=size_by, notice=notice)


def _describe(G, H) -> str:
    parts = [f"{H.number_of_nodes():,} nodes, {H.number_of_edges():,} edges"]
    if G.graph.get("date_from") or G.graph.get("date_to"):
        parts.append(f"articles dated {G.graph.get('date_from') or '…'} – {G.graph.get('date_to') or '…'}")
    return "; ".join(parts)


def _network_data(H, scores, size_by, pos):
    from pyvis.network import Network

    net = Network(directed=True)  # pyvis' undirected duplicate check is quadratic; arrows are set per edge
    values = [scores.get(n, 0) for n in H]
    lo, hi = (min(values), max(values)) if values else (0, 0)
    counts: dict[str, int] = {}
    for n in H:  # nodes are in the graph's (sorted) order
        d = H.nodes[n]
        t = d.get("type", "")
        colour, shape, _, _ = STYLES.get(t, OTHER_STYLE)
        counts[t if t in STYLES else "Other"] = counts.get(t if t in STYLES else "Other", 0) + 1
        s = scores.get(n, 0)
        size = 10 + (26 * (s - lo) / (hi - lo) if hi > lo else 6)
        x, y = pos[n]
        net.add_node(str(n), label=_short(str(d.get("label", n))), shape=shape, size=round(size, 1), x=x, y=y,
                     physics=False,
                     color={"background": colour, "border": "#444444",
                            "highlight": {"background": colour, "border": "#000000"}},
                     font={"color": "#222222", "size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"},
                     tip=_node_tip(H, n, size_by, s))
    arrows = {"to": {"enabled": H.is_directed(), "scaleFactor": 0.5}}
    for i, (u, v) in enumerate(H.edges()):
        d = H.edges[u, v]
        w = d.get("weight", 1) or 1
        net.add_edge(str(u), str(v), id=f"e{i}", label=str(d.get("label") or d.get("relation") or ""),
                     width=round(1 + math.log2(w), 2), arrows=arrows, color={"color": "#9aa7b4", "highlight": "#333333"},
                     font={"size": 10, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
                     tip=_edge_tip(H, u, v))
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(H) > 400,
                        "hideEdgesOnZoom": len(H) > 400, "multiselect": False},
        "edges": {"smooth": False},
        "nodes": {"borderWidth": 1},
    }
    return {"nodes": net.nodes, "edges": net.edges, "options": options}, counts


def _short(label: str, limit: int = 48) -> str:
    """A node label short enough to draw; the tooltip has the whole of it."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _legend(counts: dict) -> str:
    items = []
    for t, (colour, _, glyph, text) in list(STYLES.items()) + [("Other", OTHER_STYLE)]:
        if counts.get(t):
            items.append(f'<li><span class="gk-swatch" style="color:{colour}">{glyph}</span>'
                         f'{_html.escape(text)} <span class="gk-count">({counts[t]:,})</span></li>')
    items.append('<li><span class="gk-swatch" style="color:#9aa7b4">―</span>edge: relation, '
                 'width by weight (supporting articles)</li>')
    items.append('<li><span class="gk-swatch">◎</span>node size: the measure named in the tooltip</li>')
    return '<ul class="gk-legend">' + "".join(items) + "</ul>"


# -- the maps ------------------------------------------------------------------------------------
def _range_text(date_from, date_to) -> str:
    from graphkit.analytics.slicing import DateRange

    r = DateRange.of(date_from, date_to)
    return f" ({r})" if r.bounded else ""


def whole_map(source, *, date_from=None, date_to=None, size_by: str = "degree",
              node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None) -> Map:
    """A map of the whole graph (:func:`~graphkit.analytics.projections.entity_graph`)."""
    from graphkit.analytics.projections import entity_graph

    G = entity_graph(source, date_from=date_from, date_to=date_to)
    if len(G) == 0:
        raise AnalysisError("nothing to draw: the graph has no facts" + _range_text(date_from, date_to)
                            + "; widen --from/--to or build the graph from more articles")
    return render(G, title=title or "graphkit map" + _range_text(date_from, date_to), size_by=size_by,
                  node_limit=node_limit)


def ego_map(source, person: str, *, radius: int = 1, date_from=None, date_to=None, size_by: str = "degree",
            node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None) -> Map:
    """The neighbourhood of one person in the entity graph, ``radius`` steps out.

    Radius 1 shows the person's bodies, meetings and posts; radius 2 adds who else was there.

    >>> from graphkit import examples
    >>> ego_map(examples.dataset(), "Dương Văn Thái", radius=2).nodes
    9
    """
    from graphkit.analytics.measures import ego, find_node
    from graphkit.analytics.projections import entity_graph

    G = entity_graph(source, date_from=date_from, date_to=date_to)
    center = find_node(G, person, types=("Person",))
    E = ego(G, center, radius)
    name = G.nodes[center]["label"]
    return render(E, title=title or f"{name}: ego map, radius {radius}" + _range_text(date_from, date_to),
                  size_by=size_by, node_limit=node_limit, keep=[center])


def diffusion_map(source, code: str, *, date_from=None, date_to=None, size_by: str = "degree",
                  node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None) -> Map:
    """Issuer → directive → implementing provinces and bodies, left to right by date.

    >>> from graphkit import examples
    >>> diffusion_map(examples.dataset(), "18-NQ/TW").nodes
    4
    """
    from graphkit.analytics.projections import directive_diffusion

    G = directive_diffusion(source, code, date_from=date_from, date_to=date_to)
    keep = [n for n, r in G.nodes(data="role") if r in ("directive", "issuer")]
    labels = ", ".join(G.nodes[n]["label"] for n, r in G.nodes(data="role") if r == "directive")
    implementers = sum(1 for _, r in G.nodes(data="role") if r == "implementer")
    return render(G, title=title or f"Diffusion of {labels}" + _range_text(date_from, date_to),
                  subtitle=f"{implementers} implementing province(s)/bod(ies), left to right by the date of the "
                           "first article reporting it", size_by=size_by, node_limit=node_limit, keep=keep,
                  layout="diffusion")


def make_map(source, *, person: str | None = None, radius: int = 1, directive: str | None = None,
             date_from=None, date_to=None, size_by: str = "degree", node_limit: int = DEFAULT_NODE_LIMIT,
             title: str | None = None) -> Map:
    """The map the ``graphkit map`` command draws: ego (``person``), diffusion (``directive``) or whole."""
    if person and directive:
        raise AnalysisError("choose one of --person and --directive")
    common = dict(date_from=date_from, date_to=date_to, size_by=size_by, node_limit=node_limit, title=title)
    if person:
        return ego_map(source, person, radius=radius, **common)
    if directive:
        return diffusion_map(source, directive, **common)
    return whole_map(source, **common)
