"""``graphkit build``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import GRAPH_FILE_HELP, err, reports_errors, stderr_console
from graphkit.cli.app import app


@app.command()
@reports_errors
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Articles: .txt, .html/.htm, .jsonl/.jsonl.gz corpora, or directories (recursively). Default: seeds/")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o",
        help=f"Output graph file; {GRAPH_FILE_HELP} "
             "[default: out/graph.trig when --into is not given]")] = None,
    into: Annotated[Optional[Path], typer.Option("--into",
        help="On-disk store directory (created when missing) to add the articles to; an article "
             "already in it is replaced. Uses every core (see --jobs)")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1,
        help="Worker processes for --into [default: every core]")] = None,
    max_article_size: Annotated[float, typer.Option(help="Largest article file to read, in MB")] = 10.0,
    year: Annotated[Optional[int], typer.Option("--year",
        help="The year the articles were published in: an article with no date is dated from its dateline "
             "('Sáng 5/2, …'), marked gk:dateInferred")] = None,
    dates: Annotated[Optional[str], typer.Option("--dates",
        help="The same as a range of days, YYYY-MM-DD..YYYY-MM-DD")] = None,
    engine: Annotated[str, typer.Option("--engine",
        help="Who runs a --into build: local (worker processes of this machine) or dask (Dask tasks on a "
             "local cluster, or on --scheduler; makes new stores only; needs pip install 'graphkit[dask]')")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler",
        help="--engine dask: address of a running Dask scheduler (tcp://HOST:8786) [default: a local cluster "
             "of --jobs workers]")] = None,
    partitions: Annotated[Optional[int], typer.Option("--partitions", min=1,
        help="--engine dask: partitions of the articles [default: ~2,000 articles each, at least 4 per worker]")] = None,
    parts_only: Annotated[Optional[Path], typer.Option("--parts-only",
        help="--engine dask: leave the N-Quads part files (and mentions tables) in this new directory, for "
             "another store (oxigraph load), instead of loading a store (--into not needed)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary")] = False,
) -> None:
    """Build the knowledge graph of INPUTS into one RDF file, or into an on-disk store (--into).

    Each article is one named graph. With --into, articles are added to the store incrementally:
    new articles are added, articles already in it are replaced, and an interrupted build leaves
    whole articles only (a new store appears only when its build completes). Inputs that cannot be
    read are reported one line each; the rest are built. An article whose page gives no date is
    dated from the dateline of its text when it has its year ('Ngày 12/3/2017, …'), or with --year or
    --dates when it has none ('Sáng 5/2, …'), and marked gk:dateInferred true.
    The exit code is 0 when every input was built, 1 when some failed or the disk is full, 2 on a usage
    or output error.
    """
    from graphkit.ingest.metadata import date_window
    from graphkit.kg.serialize import format_for, write
    from graphkit.pipeline import build as build_graph

    try:
        window = date_window(year, dates)
    except ValueError as e:
        err(str(e))
        raise typer.Exit(2) from None

    if out is not None and into is not None:
        err("give either --out FILE or --into STORE_DIR, not both")
        raise typer.Exit(2)
    paths = [str(p) for p in (inputs or [Path("seeds")])]
    if engine not in ("local", "dask"):
        err(f"unknown --engine '{engine}': use local or dask")
        raise typer.Exit(2)
    if engine == "local" and (scheduler or partitions or parts_only):
        err("--scheduler, --partitions and --parts-only apply to --engine dask only")
        raise typer.Exit(2)
    if engine == "dask":
        if out is not None or (into is None and parts_only is None):
            err("--engine dask builds into a new store (--into STORE_DIR) or part files (--parts-only DIR)")
            raise typer.Exit(2)
        _build_dask(paths, into, jobs=jobs, scheduler=scheduler, partitions=partitions, parts_only=parts_only,
                    max_bytes=int(max_article_size * 1_000_000), quiet=quiet, dates=window)
        return
    if into is not None:
        _build_into(paths, into, jobs=jobs, max_bytes=int(max_article_size * 1_000_000), quiet=quiet, dates=window)
        return
    if jobs is not None:
        err("--jobs applies to --into builds only")
        raise typer.Exit(2)
    out = out or Path("out/graph.trig")
    format_for(out)  # fail early on an unknown extension
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
            result = build_graph(paths, max_bytes=int(max_article_size * 1_000_000), on_article=tick, dates=window)
    else:
        result = build_graph(paths, max_bytes=int(max_article_size * 1_000_000), on_article=tick, dates=window)
    for problem in result.problems:
        err(str(problem))
    if not result.articles:
        err("no article could be built; nothing written")
        raise typer.Exit(1)
    write(result.dataset, out)
    if not quiet:
        from graphkit.query import open_graph

        typer.echo(f"{len(result.articles)} article(s) → {out}: {open_graph(out).counts()}", err=True)
    if result.problems:
        raise typer.Exit(1)


def _build_into(paths: list[str], into: Path, *, jobs: int | None, max_bytes: int, quiet: bool, dates=None) -> None:
    from graphkit.kg.store import is_store
    from graphkit.pipeline import build_into

    console = stderr_console()
    state = {"done": 0}
    existed = is_store(into)
    try:
        if quiet or not console.is_terminal:
            def count(p):
                state["done"] = p.done

            result = build_into(paths, into, jobs=jobs, max_bytes=max_bytes, on_progress=count, dates=dates)
        else:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            progress = Progress(SpinnerColumn(), TextColumn("{task.fields[phase]}"), BarColumn(),
                                MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True)

            def tick(p):
                state["done"] = p.done
                el = progress.tasks[0].elapsed or 1e-9
                progress.update(task, completed=p.done, total=p.total, rate=f"{p.done / el:.1f} articles/s",
                                phase="resolving persons" if p.phase == "resolving" else "building")

            with progress:
                task = progress.add_task("build", total=None, rate="", phase="building")
                result = build_into(paths, into, jobs=jobs, max_bytes=max_bytes, on_progress=tick, dates=dates)
    except KeyboardInterrupt:
        if existed:
            err(f"interrupted after {state['done']} article(s); {into} holds whole articles only; run the same "
                "command again to finish (articles already there are replaced)")
        else:
            err(f"interrupted after {state['done']} article(s); nothing was written to {into} (a new store "
                "is moved into place only when its build completes); run the same command again")
        raise typer.Exit(130) from None
    for problem in result.problems:
        err(str(problem))
    if not result.articles:
        err("no article could be built; nothing added to the store")
        raise typer.Exit(1)
    if not quiet:
        new = len(result.articles) - len(result.replaced)
        from graphkit.query import open_graph

        typer.echo(f"{len(result.articles)} article(s) ({new} new, {len(result.replaced)} replaced) → {into}: "
                   f"{open_graph(into).counts()}; "
                   f"{result.possibly_same} gk:possiblySame link(s) between namesakes kept apart", err=True)
    if result.problems:
        raise typer.Exit(1)


def _build_dask(paths: list[str], into: Path | None, *, jobs: int | None, scheduler: str | None,
                partitions: int | None, parts_only: Path | None, max_bytes: int, quiet: bool, dates=None) -> None:
    from graphkit.engines.dask import build_into_dask

    console = stderr_console()
    state = {"done": 0}
    try:
        if quiet or not console.is_terminal:
            def count(p):
                state["done"] = p.done

            result = build_into_dask(paths, into, scheduler=scheduler, partitions=partitions, workers=jobs,
                                     parts_only=parts_only, max_bytes=max_bytes, on_progress=count, dates=dates)
        else:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            progress = Progress(SpinnerColumn(), TextColumn("{task.fields[phase]}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True)
            phases = {"resolving": "resolving persons", "loading": "loading the store"}

            def tick(p):
                state["done"] = p.done
                progress.update(task, completed=p.done, total=p.total, phase=phases.get(p.phase, "building (dask)"))

            with progress:
                task = progress.add_task("build", total=None, phase="starting dask")
                result = build_into_dask(paths, into, scheduler=scheduler, partitions=partitions, workers=jobs,
                                         parts_only=parts_only, max_bytes=max_bytes, on_progress=tick, dates=dates)
    except KeyboardInterrupt:
        err(f"interrupted after {state['done']} article(s); nothing was written to {into or parts_only} (a new "
            "store is moved into place only when its build completes); run the same command again")
        raise typer.Exit(130) from None
    for problem in result.problems:
        err(str(problem))
    if not result.articles:
        err("no article could be built; nothing written")
        raise typer.Exit(1)
    if not quiet:
        s = result.stats
        where = f"{len(s.get('tasks', []))} partition(s) on {s.get('workers')} Dask worker(s)"
        if into is not None:
            from graphkit.query import open_graph

            typer.echo(f"{len(result.articles)} article(s) → {into} ({where}): {open_graph(into).counts()}; "
                       f"{result.possibly_same} gk:possiblySame link(s) between namesakes kept apart", err=True)
        if parts_only is not None:
            typer.echo(f"{len(result.articles)} article(s) → part files in {parts_only} ({where}, "
                       f"{s.get('part_bytes', 0):,} bytes of N-Quads); load them with 'oxigraph load "
                       f"--location STORE --file FILE' for each part", err=True)
    if result.problems:
        raise typer.Exit(1)
