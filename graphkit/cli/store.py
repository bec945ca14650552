"""``graphkit export`` and ``graphkit upgrade``: graph files and stores."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli.common import GRAPH_FILE_HELP, GRAPH_HELP, open_graph, reports_errors
from graphkit.cli.app import app


@app.command()
@reports_errors
def export(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o",
        help=f"Graph file to write; {GRAPH_FILE_HELP}")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary")] = False,
) -> None:
    """Write a whole store (every article graph and the places graph), or a graph file, to one graph file.

    The file is written atomically: readers see the old file or the complete new one. .nq and .nt
    are sorted, so the same graph always gives the same bytes. .ttl and .nt flatten the graphs.
    """
    from graphkit.query.engine import export as export_graph

    g = open_graph(graph)
    export_graph(g, out)
    if not quiet:
        typer.echo(f"{graph} → {out}: {g.counts()}", err=True)


@app.command()
@reports_errors
def upgrade(
    store: Annotated[Path, typer.Argument(help="A store directory written by 'graphkit build … --into'")],
) -> None:
    """Bring a store written by an older graphkit up to date, so that queries run on it in place.

    Adds the merged default graph (each triple of the article graphs once), which graphkit keeps
    up to date in every build since; one transaction, about 15 s for the 2017 corpus. A store
    that has it is left as it is. A build into an older store adds it too.
    """
    from graphkit.kg.store import upgrade as upgrade_store

    added = upgrade_store(store)
    typer.echo(f"{store}: " + ("added the merged default graph; queries now run on the store in place" if added
                               else "up to date; nothing to do"), err=True)
