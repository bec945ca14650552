"""The ``graphkit`` typer app, defined once; the command modules register on it (see
:mod:`graphkit.cli`), and import nothing else from this package but :mod:`graphkit.cli.common`."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="graphkit",
    help="Knowledge graphs of Vietnamese political news: officials, posts, bodies, provinces, meetings, directives.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
