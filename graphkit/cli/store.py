"""``graphkit export``: a store directory → one graph file."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli.common import reports_errors
from graphkit.cli.main import app


@app.command()
@reports_errors
def export(
    store: Annotated[Path, typer.Argument(help="A store directory written by 'graphkit build … --into'")],
    out: Annotated[Path, typer.Option("--out", "-o",
        help="Graph file to write; the format follows the extension: .trig, .nq, .ttl, .nt, .jsonld")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary")] = False,
) -> None:
    """Write the whole store (every article graph and the places graph) to one graph file.

    The file is written atomically: readers see the old file or the complete new one. .nq and .nt
    are sorted, so the same store always gives the same bytes. .ttl and .nt flatten the graphs.
    """
    from graphkit.kg.store import export as export_store

    export_store(store, out)
    if not quiet:
        typer.echo(f"{store} → {out}", err=True)
