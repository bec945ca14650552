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
#: nodes a map without a selection shows (the top ones by its measure): what reads at 1400×900
DEFAULT_WHOLE_TOP = 100
#: up to this many nodes, labels are moved apart in the initial layout so that none overlaps
DECLUTTER_MAX = 150
#: node types a map can keep (--types), by the names a reader types
TYPE_NAMES = {"person": "Person", "body": "Organization", "organization": "Organization", "org": "Organization",
              "province": "Province", "directive": "Directive", "meeting": "Meeting", "post": "Post",
              "district": "District"}
LABEL_FONT = 13
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
MAX_FACTS = 6
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
        lines.append(["s", _source(x)])
    if len(evidence) > limit:
        lines.append(["s", f"… and {len(evidence) - limit} more"])
    return lines


def _source(x: dict) -> str:
    """Where a statement comes from: the article's title and id, and its date."""
    art = str(x.get("article") or "").rsplit("/", 1)[-1]
    title = x.get("title") or ""
    name = f"{title} [{art}]" if title and art else (title or art)
    return " · ".join(s for s in (name, x.get("date") or "undated") if s)


def _fact_text(G, u, v) -> str:
    d = G.edges[u, v]
    rel = d.get("label") or d.get("relation") or ""
    return f"{G.nodes[u].get('label', u)} — {rel} — {G.nodes[v].get('label', v)}"


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
    facts = sorted(((u, v, ev) for u, v, ev in _incident(G, n) if any(x.get("sentence") for x in ev)),
                   key=lambda e: (min((x.get("date") or "9999") for x in e[2]), _fact_text(G, e[0], e[1])))
    if facts:
        lines.append(["k", f"Facts ({len(facts)})"])
        for u, v, ev in facts[:MAX_FACTS]:
            # each fact with its own evidence: the first sentence stating it, its article and date
            lines.append(["f", _fact_text(G, u, v)])
            first = next(x for x in ev if x.get("sentence"))
            lines.append(["q", first["sentence"]])
            more = len({x.get("article") for x in ev}) - 1
            lines.append(["s", _source(first) + (f" (+{more} more article{'s' if more > 1 else ''})" if more > 0 else "")])
        if len(facts) > MAX_FACTS:
            lines.append(["s", f"… and {len(facts) - MAX_FACTS} more facts (hover an edge, or click, to see them)"])
    return lines


def _incident(G, n):
    if G.is_directed():
        yield from ((u, v, ev or []) for u, v, ev in G.in_edges(n, data="evidence"))
        yield from ((u, v, ev or []) for u, v, ev in G.out_edges(n, data="evidence"))
    else:
        yield from ((u, v, ev or []) for u, v, ev in G.edges(n, data="evidence"))


def _edge_tip(G, u, v) -> list[list[str]]:
    d = G.edges[u, v]
    lines = [["h", _fact_text(G, u, v)]]
    if d.get("label") and d.get("relation") and d["label"] != d["relation"]:
        lines.append(["t", d["relation"]])
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


def wrap_label(label: str, width: int = 24, limit: int = 48) -> str:
    """A node label as drawn: up to two lines of about ``width`` characters, cut at a space, and
    shortened with … past ``limit`` characters (the tooltip has the whole of it).

    >>> wrap_label("Trương Thị Mai")
    'Trương Thị Mai'
    >>> print(wrap_label("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"))
    Ban Chấp hành Trung ương
    Đảng Cộng sản Việt Nam
    """
    label = " ".join(label.split())
    if len(label) <= width:
        return label
    if len(label) > limit:
        label = label[: limit - 1].rstrip() + "…"
    words = label.split(" ")
    best, best_cost = None, None
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        cost = max(len(a), len(b))
        if best_cost is None or cost < best_cost:
            best, best_cost = (a, b), cost
    return label if best is None else "\n".join(best)


def label_box(label: str, size: float, font: int = LABEL_FONT) -> tuple[float, float, float]:
    """The box a node and its label (drawn under it, as vis-network does) take, in canvas pixels: half its
    width, its extent above the node's centre and below it. Text widths are estimated a little wide
    (0.55 em a character; Chromium draws Vietnamese labels at about 0.5 em), so the estimate errs on the
    side of space; the label starts 10 px under the node, a line every ``font`` px (measured in Chromium)."""
    lines = label.split("\n")
    text_w = max(len(x) for x in lines) * font * 0.55
    half = max(size, text_w / 2) + 3
    return half, size + 2, size + 10 + len(lines) * (font + 0.5) + 2


def declutter(pos: dict, boxes: dict, *, axis: str = "xy", gap: float = 6.0, rounds: int = 2000,
              aspect: float = 1.4, bias: float = 1.0) -> dict:
    """Move nodes apart until no two boxes (:func:`label_box`) overlap: each round, every overlapping
    pair is pushed apart along the axis where it overlaps least, weighed so that the map keeps the
    screen's shape ``aspect`` (only vertically with ``axis="y"``), half each; ``bias`` > 1 leans
    towards moving sideways (labels are wider than tall, so a map otherwise grows downwards). Deterministic; keeps the layout's shape, only loosening its crowded parts.

    >>> pos = declutter({"a": (0, 0), "b": (5, 0)}, {"a": (30, 10, 20), "b": (30, 10, 20)})
    >>> abs(pos["a"][0] - pos["b"][0]) >= 66 or abs(pos["a"][1] - pos["b"][1]) >= 36
    True
    """
    import numpy as np

    keys = list(pos)
    if len(keys) < 2:
        return dict(pos)
    xy = np.array([pos[k] for k in keys], dtype=float)
    half = np.array([boxes[k][0] for k in keys])
    up = np.array([boxes[k][1] for k in keys])
    down = np.array([boxes[k][2] for k in keys])
    order = np.arange(len(keys))
    tie = np.sign(order[None, :] - order[:, None])  # who goes which way when two centres coincide
    for _ in range(rounds):
        dx = xy[None, :, 0] - xy[:, None, 0]
        dy = xy[None, :, 1] - xy[:, None, 1]
        need_x = half[:, None] + half[None, :] + gap
        # j below i: i's bottom against j's top; j above i: j's bottom against i's top
        need_y = np.where(dy >= 0, down[:, None] + up[None, :], up[:, None] + down[None, :]) + gap
        ox = need_x - np.abs(dx)
        oy = need_y - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        if axis == "xy":
            # prefer the direction that keeps the map the shape of the screen
            w, h = np.ptp(xy[:, 0]) + 1, np.ptp(xy[:, 1]) + 1
            k = float(np.clip((h * aspect / w) ** 2, 0.25, 20.0)) * bias
            along_x = ox < oy * k
        else:
            along_x = np.zeros_like(hit)
        move = np.zeros_like(xy)
        # push j away from i (each pair is seen from both sides, so each moves half)
        mx = np.where(hit & along_x, sx * (ox / 2 + 0.5), 0.0)
        my = np.where(hit & ~along_x, sy * (oy / 2 + 0.5), 0.0)
        move[:, 0] = mx.sum(axis=0) / 2 - mx.sum(axis=1) / 2
        move[:, 1] = my.sum(axis=0) / 2 - my.sum(axis=1) / 2
        xy += move
    return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in zip(keys, xy)}


#: the shape of the map's canvas on a 1400×900 screen (width / height)
SCREEN_ASPECT = 1.4


def fit_to_screen(pos: dict, boxes: dict, *, room: float = 2.0) -> dict:
    """Scale a layout (each axis on its own) to the screen's shape and to about ``room`` times the area
    its boxes take, so that, once :func:`declutter` has moved the boxes apart, the whole map fits a
    1400×900 screen with its labels at a readable size rather than spread over a canvas shown at a
    quarter of its size.
    """
    if len(pos) < 3:
        return dict(pos)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    area = sum(2 * b[0] * (b[1] + b[2]) for b in boxes.values()) * room
    tw, th = math.sqrt(area * SCREEN_ASPECT), math.sqrt(area / SCREEN_ASPECT)
    fx, fy = (tw / w if w > 1 else 1.0), (th / h if h > 1 else 1.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: ((x - cx) * fx, (y - cy) * fy) for n, (x, y) in pos.items()}


#: the canvas of a map on a 1400×900 screen, in pixels (the side panel takes the rest)
CANVAS = (1075, 770)


def fitted_scale(pos: dict, boxes: dict, canvas=CANVAS) -> float:
    """The zoom at which the whole layout, boxes included, fits the canvas (1 = labels at their size)."""
    xs0 = min(x - boxes[n][0] for n, (x, _) in pos.items())
    xs1 = max(x + boxes[n][0] for n, (x, _) in pos.items())
    ys0 = min(y - boxes[n][1] for n, (_, y) in pos.items())
    ys1 = max(y + boxes[n][2] for n, (_, y) in pos.items())
    return min(1.0, canvas[0] / max(1.0, xs1 - xs0), canvas[1] / max(1.0, ys1 - ys0))


def readable_layout(pos: dict, boxes: dict) -> dict:
    """A layout with no two boxes overlapping that fits the screen at the largest zoom: the layout is
    brought to the screen's shape (:func:`fit_to_screen`), then :func:`declutter` is tried with a few
    leanings towards moving sideways, and the one that fits at the largest zoom kept."""
    start = fit_to_screen(pos, boxes, room=1.0)
    best = None
    for bias in (2.0, 3.0, 4.5):
        p = declutter(start, boxes, bias=bias)
        key = fitted_scale(p, boxes)
        if best is None or key > best[0] + 1e-9:
            best = (key, p)
    return best[1]


def overlaps(pos: dict, boxes: dict) -> int:
    """How many pairs of boxes overlap (0 after :func:`declutter`)."""
    keys = list(pos)
    n = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            (ax, ay), (bx, by) = pos[a], pos[b]
            (ah, au, ad), (bh, bu, bd) = boxes[a], boxes[b]
            if ax - ah < bx + bh and bx - bh < ax + ah and ay - au < by + bd and by - bu < ay + ad:
                n += 1
    return n


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
    pos, x, prev = {}, 0.0, 0.0
    for i, key in enumerate(sorted(cols)):
        members = sorted(cols[key], key=lambda n: (G.nodes[n].get("label", ""), str(n)))
        # columns as far apart as their widest labels need (a label is about 8 px a character)
        half = max(len(max(wrap_label(str(G.nodes[n].get("label", n))).split("\n"), key=len)) * 4.0 + 20 for n in members)
        x = x + max(260.0, prev + half + 40) if i else 0.0
        prev = half
        for j, n in enumerate(members):
            pos[n] = (x, (j - (len(members) - 1) / 2) * 90.0)
    return pos


# -- rendering ---------------------------------------------------------------------------------
def keep_top(G, scores: dict, limit: int, keep=()):
    """The nodes to show: ``keep`` first, then the best by score (ties by label and IRI)."""
    keep = [n for n in keep if n in G]
    rest = sorted((n for n in G if n not in set(keep)),
                  key=lambda n: (-scores.get(n, 0), G.nodes[n].get("label", ""), str(n)))
    return keep + rest[: max(0, limit - len(keep))]


def render(G, *, title: str = "graphkit map", subtitle: str = "", size_by: str = "degree",
           node_limit: int = DEFAULT_NODE_LIMIT, keep=(), layout: str = "spring", seed: int = 7,
           notice: str = "") -> Map:
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
    if total > node_limit:
        shown = keep_top(G, scores, node_limit, keep)
        H = G.subgraph(shown).copy()
        notice = (notice + " " if notice else "") + (f"Showing the top {len(H):,} of {total:,} nodes by {size_by} (node limit {node_limit:,}); "
                  f"{G.number_of_edges() - H.number_of_edges():,} edges to hidden nodes are not drawn. "
                  "Raise the limit (graphkit map --limit N) or narrow the map (--person, --directive, --from/--to) "
                  "to see more.")
    else:
        H = G
    pos = diffusion_positions(H) if layout == "diffusion" else spring_positions(H, seed=seed)
    sizes = _sizes(H, scores)
    if len(H) <= DECLUTTER_MAX:
        boxes = {n: label_box(wrap_label(str(H.nodes[n].get("label", n))), sizes[n]) for n in H}
        if layout == "diffusion":
            pos = declutter(pos, boxes, axis="y")
        else:
            pos = readable_layout(pos, boxes)
    data, counts = _network_data(H, scores, size_by, pos, sizes)
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


def _sizes(H, scores) -> dict:
    """Node radius in pixels, 10 to 36 by the measure."""
    values = [scores.get(n, 0) for n in H]
    lo, hi = (min(values), max(values)) if values else (0, 0)
    return {n: round(10 + (26 * (scores.get(n, 0) - lo) / (hi - lo) if hi > lo else 6), 1) for n in H}


def _network_data(H, scores, size_by, pos, sizes):
    from pyvis.network import Network

    net = Network(directed=True)  # pyvis' undirected duplicate check is quadratic; arrows are set per edge
    counts: dict[str, int] = {}
    for n in H:  # nodes are in the graph's (sorted) order
        d = H.nodes[n]
        t = d.get("type", "")
        colour, shape, _, _ = STYLES.get(t, OTHER_STYLE)
        counts[t if t in STYLES else "Other"] = counts.get(t if t in STYLES else "Other", 0) + 1
        s = scores.get(n, 0)
        x, y = pos[n]
        net.add_node(str(n), label=wrap_label(str(d.get("label", n))), shape=shape, size=sizes[n], x=x, y=y,
                     physics=False,
                     color={"background": colour, "border": "#444444",
                            "highlight": {"background": colour, "border": "#000000"}},
                     font={"color": "#222222", "size": LABEL_FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
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


def parse_types(types) -> tuple[str, ...]:
    """Node types from what a reader types (``person,body`` or a list), as graph classes.

    >>> parse_types("person, body"), parse_types(["Directive", "province"])
    (('Person', 'Organization'), ('Directive', 'Province'))
    """
    if not types:
        return ()
    words = [w.strip() for t in ([types] if isinstance(types, str) else types) for w in str(t).split(",") if w.strip()]
    out = []
    for w in words:
        t = TYPE_NAMES.get(w.casefold()) or next((v for v in TYPE_NAMES.values() if v.casefold() == w.casefold()), None)
        if t is None:
            raise AnalysisError(f"unknown node type '{w}'; choose from {', '.join(sorted(set(TYPE_NAMES) - {'org', 'organization'}))}")
        if t not in out:
            out.append(t)
    return tuple(out)


def _of_types(G, types, keep=()):
    if not types:
        return G
    return G.subgraph([n for n in G if G.nodes[n].get("type") in types or n in keep]).copy()


def _top(G, n: int, measure: str, keep=()):
    """The ``n`` best nodes by ``measure`` (and ``keep``), without the ones left with no edge among them;
    with a note of what was left out."""
    from collections import Counter

    from graphkit.analytics.measures import centrality

    if len(G) <= n:
        return G, ""
    scores = centrality(G, measure)
    # the best nodes that have an edge among the chosen: a node left alone is replaced by the next best
    skip: set = set()
    alone: list = []
    for _ in range(8):
        shown = keep_top(G.subgraph([x for x in G if x not in skip]), scores, n, keep)
        H = G.subgraph(shown).copy()
        lone = [x for x in H if H.degree(x) == 0 and x not in keep]
        if not lone:
            break
        skip.update(lone)
        alone += lone
    H.remove_nodes_from([x for x in H if H.degree(x) == 0 and x not in keep])
    left = Counter(G.nodes[x].get("type", "Other") for x in G if x not in H)
    kinds = ", ".join(f"{c:,} {STYLES.get(t, OTHER_STYLE)[3].split(' (')[0].lower()}" for t, c in left.most_common())
    note = (f"Showing the top {len(H):,} of {len(G):,} nodes by {measure}; left out: {kinds}, and "
            f"{G.number_of_edges() - H.number_of_edges():,} edges to them"
            + (f" ({len(alone):,} nodes with no edge to the ones shown were passed over)" if alone else "")
            + ". Narrow the map to see them: --person, --province, --body, --directive, --since/--until, --types, "
              "or raise --top.")
    return H, note


def whole_map(source, *, date_from=None, date_to=None, size_by: str = "degree",
              node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None, types=(),
              top: int | None = None) -> Map:
    """A map of the whole graph (:func:`~graphkit.analytics.projections.entity_graph`): its ``top``
    nodes by ``size_by`` (all of them when ``top`` is None), with a note of what was left out."""
    from graphkit.analytics.projections import entity_graph

    G = _of_types(entity_graph(source, date_from=date_from, date_to=date_to), parse_types(types))
    if len(G) == 0:
        raise AnalysisError("nothing to draw: the graph has no facts" + _range_text(date_from, date_to)
                            + "; widen --from/--to or build the graph from more articles")
    H, note = _top(G, top, size_by) if top else (G, "")
    m = render(H, title=title or "graphkit map" + _range_text(date_from, date_to), size_by=size_by,
               node_limit=node_limit, notice=note,
               subtitle=f"{H.number_of_nodes():,} of {G.number_of_nodes():,} nodes, {H.number_of_edges():,} edges"
               if note else "")
    m.total_nodes = max(m.total_nodes, len(G))
    return m


def ego_map(source, person: str | None = None, *, radius: int = 1, date_from=None, date_to=None,
            size_by: str = "degree", node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None,
            types=(), top: int | None = None, center: str | None = None, center_types=("Person",)) -> Map:
    """The neighbourhood of one person (or, with ``center_types``, a province or a body) in the entity
    graph, ``radius`` steps out; its ``top`` nodes by ``size_by`` when ``top`` is given.

    Radius 1 shows the person's bodies, meetings and posts; radius 2 adds who else was there.

    >>> from graphkit import examples
    >>> ego_map(examples.dataset(), "Dương Văn Thái", radius=2).nodes
    15
    >>> ego_map(examples.dataset(), "Bắc Giang", center_types=("Province",)).nodes
    4
    """
    from graphkit.analytics.measures import ego, find_node
    from graphkit.analytics.projections import entity_graph

    G = entity_graph(source, date_from=date_from, date_to=date_to)
    c = find_node(G, center or person, types=center_types)
    E = _of_types(ego(G, c, radius), parse_types(types), keep=[c])
    note = ""
    if top:
        E, note = _top(E, top, size_by, keep=[c])
    name = G.nodes[c]["label"]
    return render(E, title=title or f"{name}: ego map, depth {radius}" + _range_text(date_from, date_to),
                  size_by=size_by, node_limit=node_limit, keep=[c], notice=note)


def diffusion_map(source, code: str, *, date_from=None, date_to=None, size_by: str = "degree",
                  node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None, types=(),
                  top: int | None = None) -> Map:
    """Issuer → directive → implementing provinces and bodies, left to right by date.

    >>> from graphkit import examples
    >>> diffusion_map(examples.dataset(), "18-NQ/TW").nodes
    7
    """
    from graphkit.analytics.projections import directive_diffusion

    G = directive_diffusion(source, code, date_from=date_from, date_to=date_to)
    keep = [n for n, r in G.nodes(data="role") if r in ("directive", "issuer")]
    G = _of_types(G, parse_types(types), keep=keep)
    note = ""
    if top:
        G, note = _top(G, top, size_by, keep=keep)
    labels = ", ".join(dict.fromkeys(G.nodes[n]["label"] for n, r in G.nodes(data="role") if r == "directive"))
    implementers = [n for n, r in G.nodes(data="role") if r == "implementer"]
    undated = sum(1 for n in implementers if not G.nodes[n].get("date"))
    return render(G, title=title or f"Diffusion of {labels}" + _range_text(date_from, date_to),
                  subtitle=f"{len(implementers)} implementing province(s)/bod(ies), left to right by the date of the "
                           "first article reporting it" + (f" ({undated} from undated articles, in the last column)"
                                                           if undated else ""), size_by=size_by, node_limit=node_limit, keep=keep,
                  layout="diffusion", notice=note)


def make_map(source, *, person: str | None = None, radius: int = 1, directive: str | None = None,
             province: str | None = None, body: str | None = None, date_from=None, date_to=None,
             size_by: str = "degree", node_limit: int = DEFAULT_NODE_LIMIT, title: str | None = None,
             types=(), top: int | None = None) -> Map:
    """The map the ``graphkit map`` command draws: ego (``person``, ``province``, ``body``, ``radius``
    steps out), diffusion (``directive``), or the whole graph; ``types`` keeps those node types,
    ``top`` the best nodes by ``size_by``. The whole graph with no ``top`` shows its
    :data:`DEFAULT_WHOLE_TOP` best nodes, and says what it left out.

    >>> from graphkit import examples
    >>> m = make_map(examples.dataset(), top=5)
    >>> m.nodes <= 5, m.notice.startswith("Showing the top")
    (True, True)
    """
    chosen = [name for name, v in (("--person", person), ("--province", province), ("--body", body),
                                   ("--directive", directive)) if v]
    if len(chosen) > 1:
        raise AnalysisError(f"choose one of {' and '.join(chosen)}")
    if top is not None and top < 1:
        raise AnalysisError(f"--top {top}: use 1 or more")
    common = dict(date_from=date_from, date_to=date_to, size_by=size_by, node_limit=node_limit, title=title,
                  types=types, top=top)
    if person:
        return ego_map(source, person, radius=radius, **common)
    if province:
        return ego_map(source, radius=radius, center=province, center_types=("Province",), **common)
    if body:
        return ego_map(source, radius=radius, center=body, center_types=("Organization",), **common)
    if directive:
        return diffusion_map(source, directive, **common)
    common["top"] = top or DEFAULT_WHOLE_TOP
    return whole_map(source, **common)
