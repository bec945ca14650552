"""graphkit: knowledge graphs of Vietnamese political news.

The library API returns values and never prints: :func:`graphkit.build` turns inputs into an RDF
dataset; the command line (``graphkit``) is a thin layer over it.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["build", "__version__"]


def __getattr__(name: str):  # lazy: keep `import graphkit` and `graphkit --help` instant
    if name == "build":
        from graphkit.pipeline import build

        return build
    raise AttributeError(name)
