"""``graphkit export`` and ``graphkit upgrade``: graph files and stores."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import GRAPH_FILE_HELP, GRAPH_HELP, open_graph, reports_errors
from graphkit.cli.app import app


@app.command()
@reports_errors
def export(
    graph: Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o",
        help=f"Graph file to write ({GRAPH_FILE_HELP}); with --format, the file (graphml, gexf) or "
             "directory (csv, neo4j) to write")],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help=(
        "Export a property graph for other tools instead of RDF: graphml or gexf (Gephi, networkx), csv "
        "(nodes.csv and edges.csv for pandas or R), neo4j (the CSV files of neo4j-admin database import full). "
        "A .graphml or .gexf --out needs no --format."))] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary")] = False,
) -> None:
    """Write a whole store (every article graph and the places graph), or a graph file, to one graph file;
    or, with --format, its persons, posts, bodies, provinces, directives and meetings as a property graph.

    The file is written atomically: readers see the old file or the complete new one. .nq and .nt
    are sorted, so the same graph always gives the same bytes. .ttl and .nt flatten the graphs.
    Property graph edges weigh the number of articles that support them.

    Example: graphkit export out/seeds.trig --format neo4j --out out/neo4j
    """
    from graphkit.analytics.export import FORMATS, NEO4J_IMPORT
    from graphkit.analytics.export import export as export_property_graph
    from graphkit.query.engine import export as export_graph

    g = open_graph(graph)
    if fmt is not None or out.suffix.lower().lstrip(".") in FORMATS:
        G = export_property_graph(g, out, fmt)
        if not quiet:
            typer.echo(f"{graph} → {out}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges", err=True)
            if (fmt or "") == "neo4j":
                typer.echo("import with: " + NEO4J_IMPORT.format(dir=out), err=True)
        return
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
    up to date in every build since; one transaction, about 15 s for the 2017 corpus; and the name
    keys of the persons and posts (gk:nameKey), by which the questions find them. A store that has
    both is left as it is. A build into an older store adds them too.
    """
    from graphkit.kg.store import GraphStore

    with GraphStore(store) as gs:
        added = [what for what, done in (("the merged default graph", gs.merge_added),
                                          ("the name keys", gs.keys_added)) if done]
    typer.echo(f"{store}: " + (f"added {' and '.join(added)}; queries now run on the store in place" if added
                               else "up to date; nothing to do"), err=True)
