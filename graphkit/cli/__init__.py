"""The ``graphkit`` command: a thin layer over the library.

Each command parses its options, calls one library function, and reports. Library errors
(:class:`graphkit.errors.GraphkitError`) become one line on stderr and exit code 2.

The app is defined in :mod:`graphkit.cli.app`; each module below registers its commands on it
when imported (as followthemoney's ``cli/__init__.py`` does), so no module imports this one:

- :mod:`~graphkit.cli.build` — ``build``;
- :mod:`~graphkit.cli.stats` — ``stats``;
- :mod:`~graphkit.cli.query` — ``query``, ``ask``, ``serve``;
- :mod:`~graphkit.cli.careers` — ``timeline``, ``who-held``;
- :mod:`~graphkit.cli.analyze` — ``analyze``, ``map``;
- :mod:`~graphkit.cli.store` — ``export``, ``upgrade``;
- :mod:`~graphkit.cli.validate` — ``validate``.
"""
# in the order `graphkit --help` lists the commands
from graphkit.cli import build  # noqa: F401, I001
from graphkit.cli import stats  # noqa: F401
from graphkit.cli import query  # noqa: F401
from graphkit.cli import careers  # noqa: F401
from graphkit.cli import analyze  # noqa: F401
from graphkit.cli import store  # noqa: F401
from graphkit.cli import validate  # noqa: F401
from graphkit.cli.app import app

__all__ = ["app"]
