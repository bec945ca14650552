"""``graphkit timeline`` and ``graphkit who-held``: careers and posts over time."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli.common import GRAPH_HELP, err, open_graph, reports_errors
from graphkit.cli.app import app


def _date(value: str | None):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; give it as YYYY-MM-DD") from None


def _when(d) -> str:
    return d.isoformat() if d else "?"


def _span_line(s, *, show_name: bool) -> str:
    if s.first_seen:
        seen = f"{_when(s.first_seen)} … {_when(s.last_seen)}"
    elif any(src.status != "former" for src in s.sources):
        seen = "undated articles"
    else:
        seen = "only as a former post"
    extra = []
    if s.start:
        extra.append(f"start {s.start.isoformat()}")
    if s.end:
        extra.append(f"end {s.end.isoformat()}")
    if s.former_on:
        extra.append(f"reported former on {s.former_on.isoformat()}")
    what = f"{s.name}: {s.post_label}" if show_name else s.post_label
    return f"  {seen:<25}  {what}" + (f"  ({'; '.join(extra)})" if extra else "")


def _source_lines(s, limit: int) -> list[str]:
    out = []
    for src in s.sources[:limit]:
        title = f" {src.title}" if src.title else ""
        out.append(f"      {_when(src.date)} {src.status:<7} [{src.id}]{title}")
    if len(s.sources) > limit:
        out.append(f"      … and {len(s.sources) - limit} more article(s)")
    return out


@app.command()
@reports_errors
def timeline(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    person: Annotated[str, typer.Argument(help="The person's name; accents and case do not matter")],
    sources: Annotated[int, typer.Option(min=0, help="Source articles to list under each post")] = 3,
) -> None:
    """Print a person's career: posts in order, first and last seen, start/end dates, and sources.

    Dates come from the tenures: gk:observedOn (the reporting article's date), gk:startDate and
    gk:endDate. Namesakes kept apart in the graph are printed as separate careers.
    """
    from graphkit.query.careers import timeline as career_of

    g = open_graph(graph)
    careers = career_of(g, person)
    if not careers:
        err(f"no person named {person!r} in {graph}; check the spelling (accents and case do not matter)")
        raise typer.Exit(1)
    for c in careers:
        typer.echo(f"{c.name}  <{c.person}>")
        if not c.spans:
            typer.echo("  (no post reported)")
        for s in c.spans:
            typer.echo(_span_line(s, show_name=False))
            for line in _source_lines(s, sources):
                typer.echo(line)


@app.command("who-held")
@reports_errors
def who_held(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    post: Annotated[str, typer.Argument(help="The post, e.g. 'Bí thư Thành ủy TP.HCM'; accents, case and "
                                              "abbreviations do not matter; part of a label matches too")],
    on: Annotated[str | None, typer.Option("--on", help="Only who held it on this date (YYYY-MM-DD)")] = None,
    sources: Annotated[int, typer.Option(min=0, help="Source articles to list under each holder")] = 1,
) -> None:
    """Print who held a post, over time (in order, first and last seen), or on a date (--on)."""
    from graphkit.query.careers import posts_matching, who_held as holders

    day = _date(on)
    g = open_graph(graph)
    found = holders(g, post, on=day)
    if not found:
        if not posts_matching(g, post):
            err(f"no post matching {post!r} in {graph}; give more of its label, e.g. 'Bí thư Tỉnh ủy Bắc Giang'")
        else:
            err(f"nobody is known to hold {post!r}" + (f" on {day.isoformat()}" if day else ""))
        raise typer.Exit(1)
    posts = {h.span.post_label for h in found}
    iris_by_name: dict[str, set[str]] = {}
    for h in found:
        iris_by_name.setdefault(h.span.name, set()).add(h.span.person)
    for h in found:
        basis = "" if h.basis == "seen" else "  [assumed: last reported before that date]"
        who = h.span.name
        if len(iris_by_name[who]) > 1:  # namesakes kept apart: say which node
            who = f"{who} <{h.span.person}>"
        typer.echo(_span_line(h.span, show_name=True).replace(f"{h.span.name}: {h.span.post_label}",
                   who if len(posts) == 1 else f"{who}: {h.span.post_label}") + basis)
        for line in _source_lines(h.span, sources):
            typer.echo(line)
