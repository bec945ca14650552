"""``graphkit validate``: check a graph against the SHACL shapes of the ontology."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import reports_errors
from graphkit.cli.app import app


@app.command()
@reports_errors
def validate(
    graph: Annotated[Path, typer.Argument(
        help="A graph file written by 'graphkit build --out' or a store directory ('graphkit build --into')")],
    shapes: Annotated[Optional[Path], typer.Option(
        help="SHACL shapes to check against [default: the shapes shipped with the ontology]")] = None,
) -> None:
    """Check GRAPH against the ontology's SHACL shapes (ontology/shapes.ttl) with pySHACL.

    Prints each violation on one line: the node's label and IRI, the property, what is wrong and
    the value at fault. Exit code 0 when the graph conforms (one line says so), 1 when it does not.
    """
    from graphkit.kg.validate import validate as run

    found = run(graph, shapes=shapes)
    if not found:
        typer.echo(f"{graph}: conforms to the graphkit shapes")
        return
    for v in found:
        typer.echo(str(v))
    nodes = len({v.focus for v in found})
    typer.echo(f"{graph}: {len(found)} violation(s) on {nodes} node(s)")
    raise typer.Exit(1)
