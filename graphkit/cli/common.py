"""Helpers shared by the CLI commands: error reporting and consoles."""
from __future__ import annotations

import functools
import signal
import sys

import typer

from graphkit.formats import GRAPH_FILE_EXTENSIONS


def err(message: str) -> None:
    typer.echo(f"graphkit: {message}", err=True)


def reports_errors(fn):
    """Turn library errors into one clear line and exit code 2 (1 for a full disk; no traceback). SIGTERM is
    taken as Ctrl-C, so that temporary files and a new store's staging directory are removed."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from graphkit.errors import DiskFullError, GraphkitError

        previous = _terminate_as_interrupt()
        try:
            return fn(*args, **kwargs)
        except DiskFullError as e:
            err(str(e))
            raise typer.Exit(1) from None
        except GraphkitError as e:
            err(str(e))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err("interrupted; no output file was left half-written")
            raise typer.Exit(130) from None
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    return wrapper


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _terminate_as_interrupt():
    """SIGTERM raises KeyboardInterrupt (in the main thread only; elsewhere nothing changes); the handler
    it replaced, or None."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        return signal.signal(signal.SIGTERM, _raise_interrupt)
    except (ValueError, OSError):
        return None


#: the width tables are laid out in when stdout is a pipe or a file: wide enough that no row wraps
PIPE_WIDTH = 100_000


def table_console(**kwargs):
    """The console tables are printed on: the terminal's width on a terminal; written to a pipe or a file,
    a width no row reaches, so that each row stays one line (rich would wrap them at 80 columns)."""
    from rich.console import Console

    width = None if sys.stdout.isatty() else PIPE_WIDTH
    return Console(width=width, **kwargs)


def stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)


_EXTS = GRAPH_FILE_EXTENSIONS
GRAPH_HELP = (f"The graph: a {', '.join(_EXTS[:-1])} or {_EXTS[-1]} file, or an Oxigraph store directory "
              "(graphkit build --into).")
GRAPH_FILE_HELP = f"the format follows the extension: {', '.join(_EXTS)}"


def open_graph(graph):
    """The graph file or store ``graph`` opened for reading (:func:`graphkit.query.open_graph`); a note on
    stderr when a store had to be copied into memory."""
    from pathlib import Path

    from graphkit.query import open_graph as open_

    g = open_(graph)
    if g.in_memory and Path(graph).is_dir():
        err(f"note: {graph} was written by an older graphkit (no merged default graph), so it is copied into "
            f"memory for each command (about 12 s for 660,000 quads); run 'graphkit upgrade {graph}' once to "
            "read it in place in milliseconds")
    return g
