"""``graphkit build`` and ``graphkit stats``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import err, reports_errors, stderr_console
from graphkit.cli.main import app


@app.command()
@reports_errors
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Articles: .txt, .html/.htm, .jsonl/.jsonl.gz corpora, or directories (recursively). Default: seeds/")] = None,
    out: Annotated[Path, typer.Option("--out", "-o",
        help="Output graph file; the format follows the extension: .trig, .nq, .ttl, .nt, .jsonld")] = Path("out/graph.trig"),
    max_article_size: Annotated[float, typer.Option(help="Largest article file to read, in MB")] = 10.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
) -> None:
    """Build the knowledge graph of INPUTS into one RDF file (one named graph per article).

    Inputs that cannot be read are reported one line each; the rest are built. The exit code is
    0 when every input was built, 1 when some failed, 2 on a usage or output error.
    """
    from graphkit.kg.serialize import format_for, write
    from graphkit.pipeline import build as build_graph

    format_for(out)  # fail early on an unknown extension
    paths = [str(p) for p in (inputs or [Path("seeds")])]
    console = stderr_console()
    progress = None
    if not quiet and console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress = Progress(SpinnerColumn(), TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True)
    state = {"n": 0}

    def tick(_article):
        state["n"] += 1
        if progress is not None:
            el = progress.tasks[0].elapsed or 1e-9
            progress.update(task, advance=1, rate=f"{state['n'] / el:.0f} articles/s")

    if progress is not None:
        with progress:
            task = progress.add_task("build", total=None, rate="")
            result = build_graph(paths, max_bytes=int(max_article_size * 1_000_000), on_article=tick)
    else:
        result = build_graph(paths, max_bytes=int(max_article_size * 1_000_000), on_article=tick)
    for problem in result.problems:
        err(str(problem))
    if not result.articles:
        err("no article could be built; nothing written")
        raise typer.Exit(1)
    write(result.dataset, out)
    if not quiet:
        n = len(result.dataset)
        typer.echo(f"{len(result.articles)} article(s), {n} triples → {out}", err=True)
    if result.problems:
        raise typer.Exit(1)


@app.command()
@reports_errors
def stats(
    graph: Annotated[Path, typer.Argument(help="A graph file written by 'graphkit build'")],
) -> None:
    """Summarise a graph: how many nodes of each type, and the officials with their posts."""
    from graphkit.kg.serialize import load
    from graphkit.stats import summary

    s = summary(load(graph))
    typer.echo(f"{graph}: {s['triples']} triples in {s['articles']} article graph(s)")
    for cls, n in s["types"].items():
        typer.echo(f"  {cls:<14}{n:>6}")
    if s["officials"]:
        typer.echo("officials:")
        for name, posts in s["officials"]:
            typer.echo(f"  {name}: {'; '.join(posts)}")
