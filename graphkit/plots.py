"""Plots a researcher would rather look at than read, for the notebooks: each function takes a graph
(anything :func:`graphkit.query.open_graph` opens) and returns a matplotlib ``Figure``, drawn without a
display (any backend, Agg included). matplotlib is imported when a function is called
(``pip install 'graphkit[notebooks]'``).

- :func:`career_timeline` — a person's posts over time, one row a post, a dot an article reporting it;
- :func:`directives_by_month`, :func:`directives_by_issuer` — the directives reported;
- :func:`implementers_over_time` — who implements a directive, by the date first reported;
- :func:`degree_distribution`, :func:`community_sizes` — the shape of the network.

>>> import matplotlib; matplotlib.use("Agg")
>>> from graphkit import examples
>>> fig = career_timeline(examples.dataset(), "Trương Thị Mai")
>>> fig.axes[0].get_title()
'Trương Thị Mai: posts reported over time'
"""
from __future__ import annotations

from collections import Counter


def _figure(width=8.0, height=3.5):
    """A Figure of its own (not pyplot's current one): it draws with any backend, and shows itself in a
    notebook as a PNG (IPython shows a plain Figure as a PNG only once pyplot has set up its backend)."""
    from matplotlib.figure import Figure

    class PlotFigure(Figure):
        def _repr_png_(self) -> bytes:
            import io

            buf = io.BytesIO()
            self.savefig(buf, format="png")
            return buf.getvalue()

    fig = PlotFigure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def _dates(values):
    import datetime as dt

    out = []
    for v in values:
        if isinstance(v, dt.date):
            out.append(v)
        elif v:
            try:
                out.append(dt.date.fromisoformat(str(v)[:10]))
            except ValueError:
                pass
    return out


def _by_first_report(dates: list, post: str) -> tuple:
    """The order of a post's row: by the first date it is reported on, the posts reported only undated last."""
    return (False, min(dates), post) if dates else (True, "", post)


def career_timeline(graph, person: str):
    """A person's posts over time: one row a post, a dot each article reporting it (filled: current,
    hollow: former), a line from the first report to the last."""
    from graphkit.notebook import tenures

    t = tenures(graph)
    t = t[t["official"] == person]
    fig, ax = _figure(9, 0.6 + 0.45 * max(1, t["post"].nunique()))
    ax.set_title(f"{person}: posts reported over time")
    posts = sorted(t["post"].unique(), key=lambda p: _by_first_report(_dates(t[t["post"] == p]["date"]), p))
    for y, post in enumerate(posts):
        rows = t[t["post"] == post]
        dated = [(d, s) for d, s in zip(rows["date"], rows["status"]) if _dates([d])]
        ds = _dates([d for d, _ in dated])
        if ds:
            ax.plot([min(ds), max(ds)], [y, y], color="#9aa7b4", lw=2, zorder=1)
            for d, s in dated:
                ax.scatter(_dates([d]), [y], s=36, zorder=2, color="#4e79a7",
                           facecolors="#4e79a7" if s != "former" else "white")
    ax.set_yticks(range(len(posts)), [p if len(p) <= 60 else p[:59] + "…" for p in posts])
    ax.invert_yaxis()
    ax.set_xlabel("article date")
    if not len(posts):
        ax.text(0.5, 0.5, f"no post reported for {person}", ha="center", va="center", transform=ax.transAxes)
    return fig


def directives_by_month(graph, since: str | None = None):
    """Directives by the month they were issued (the ones whose date the articles give), from ``since``
    (an ISO date; articles cite laws decades old, which would stretch the axis)."""
    from graphkit.notebook import by_period, directives

    d = directives(graph)
    counts = by_period(d, "issued_on", "month", **({"start": since} if since else {}))
    fig, ax = _figure()
    ax.set_title(f"Directives by month issued ({int(counts.sum())} of {len(d)} dated"
                 + (f", since {since})" if since else ")"))
    ax.bar(range(len(counts)), counts.values, color="#e15759")
    step = max(1, len(counts) // 12)
    ax.set_xticks(range(0, len(counts), step), list(counts.index)[::step], rotation=45, ha="right")
    ax.set_ylabel("directives")
    return fig


def directives_by_issuer(graph, top: int = 12):
    """The bodies that issue the most directives."""
    from graphkit.notebook import directives

    d = directives(graph)
    counts = Counter(x for x in d["issuer"] if isinstance(x, str) and x).most_common(top)  # (no issuer: NaN)
    fig, ax = _figure(8, 0.6 + 0.35 * max(1, len(counts)))
    ax.set_title(f"Directives by issuer (top {len(counts)})")
    ax.barh([c[0] for c in counts][::-1], [c[1] for c in counts][::-1], color="#f28e2b")
    ax.set_xlabel("directives")
    return fig


def implementers_over_time(graph, code: str):
    """Who implements a directive: the cumulative number of provinces and bodies, by the date of the first
    article reporting each (undated ones counted in the title)."""
    from graphkit.analytics.projections import directive_diffusion

    G = directive_diffusion(graph, code)
    actors = [(d.get("date"), d["label"]) for n, d in G.nodes(data=True) if d.get("role") == "implementer"]
    dated = sorted((_dates([x])[0], label) for x, label in actors if _dates([x]))
    fig, ax = _figure()
    ax.set_title(f"Implementers of {code} over time ({len(dated)} dated, {len(actors) - len(dated)} undated)")
    if dated:
        ax.step([d for d, _ in dated], range(1, len(dated) + 1), where="post", color="#59a14f")
        for i, (d, label) in enumerate(dated, 1):
            ax.annotate(label, (d, i), fontsize=8, xytext=(4, -2), textcoords="offset points")
    ax.set_ylabel("implementers so far")
    return fig


def degree_distribution(graph, projection: str = "entities"):
    """How many nodes have each degree (log-log when it spans a range), in a projection."""
    from graphkit.analytics.projections import project

    G = project(graph, projection)
    counts = Counter(d for _, d in G.degree())
    fig, ax = _figure(6, 3.5)
    ax.set_title(f"Degree distribution ({projection}: {len(G):,} nodes)")
    xs = sorted(counts)
    ax.scatter(xs, [counts[x] for x in xs], color="#4e79a7")
    if xs and max(xs) >= 10:
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel("degree")
    ax.set_ylabel("nodes")
    return fig


def community_sizes(graph, projection: str = "person", method: str = "leiden"):
    """The sizes of the communities of a projection, largest first."""
    from graphkit.analytics.measures import communities
    from graphkit.analytics.projections import project

    G = project(graph, projection)
    sizes = sorted((len(c) for c in communities(G, method)), reverse=True)
    fig, ax = _figure(6, 3.5)
    ax.set_title(f"{method} communities of the {projection} network ({len(sizes)})")
    ax.bar(range(1, len(sizes) + 1), sizes, color="#b07aa1")
    ax.set_xlabel("community (largest first)")
    ax.set_ylabel("members")
    return fig
