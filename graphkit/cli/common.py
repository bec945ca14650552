"""Helpers shared by the CLI commands: error reporting and consoles."""
from __future__ import annotations

import functools
import sys

import typer


def err(message: str) -> None:
    typer.echo(f"graphkit: {message}", err=True)


def reports_errors(fn):
    """Turn library errors into one clear line and exit code 2 (no traceback)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from graphkit.errors import GraphkitError

        try:
            return fn(*args, **kwargs)
        except GraphkitError as e:
            err(str(e))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err("interrupted; no output file was left half-written")
            raise typer.Exit(130) from None

    return wrapper


def stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)
