"""``graphkit stats``: what a graph holds."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli.common import GRAPH_HELP, open_graph, reports_errors
from graphkit.cli.app import app


@app.command()
@reports_errors
def stats(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
) -> None:
    """Summarise a graph: its counts, the nodes of each type, and the officials with their posts."""
    from graphkit.query.summary import summary

    s = summary(open_graph(graph))
    typer.echo(f"{graph}: {s['counts']}")
    for cls, n in s["types"].items():
        typer.echo(f"  {cls:<14}{n:>6}")
    if s["officials"]:
        typer.echo("officials:")
        for name, posts in s["officials"]:
            typer.echo(f"  {name}: {'; '.join(posts)}")
