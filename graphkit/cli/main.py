"""The ``graphkit`` command: a thin layer over the library.

Each command parses its options, calls one library function, and reports. Library errors
(:class:`graphkit.errors.GraphkitError`) become one line on stderr and exit code 2.
"""
from __future__ import annotations

import typer

app = typer.Typer(
    name="graphkit",
    help="Knowledge graphs of Vietnamese political news: officials, posts, bodies, provinces, meetings, directives.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module registers its commands on `app` when imported.
from graphkit.cli import build as _build  # noqa: E402,F401
from graphkit.cli import analyze as _analyze  # noqa: E402,F401
from graphkit.cli import store as _store  # noqa: E402,F401
from graphkit.cli import query as _query  # noqa: E402,F401
from graphkit.cli import validate as _validate  # noqa: E402,F401
