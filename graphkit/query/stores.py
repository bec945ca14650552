"""Opening on-disk Oxigraph stores for querying (the store itself: :mod:`graphkit.kg.store`).

A store directory (made by ``pyoxigraph.Store(path)``, a RocksDB database) is opened read-only,
so that querying never changes it and never takes the writer's lock.

A store written by ``graphkit build --into`` keeps, as its default graph, the merge of its named
graphs (:mod:`graphkit.kg.store`): such a store is queried where it is. One written before graphkit
kept the merge has named graphs and an empty default graph (:func:`graphkit.kg.store.store_has_merge`
tells).
"""
from __future__ import annotations

from pathlib import Path

from graphkit.errors import QueryError


def is_store_dir(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding an Oxigraph (RocksDB) store."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("MANIFEST-*"))


def open_store_dir(path: str | Path):
    """The ``pyoxigraph.Store`` in ``path``, read-only (see :func:`graphkit.kg.store.open_read_only`)."""
    from graphkit.kg.store import open_read_only

    try:
        return open_read_only(path)
    except (OSError, RuntimeError) as e:
        raise QueryError(f"{path}: cannot open the Oxigraph store ({e}); is it a graphkit store directory?") from e


def default_graph_is_empty(store) -> bool:
    import pyoxigraph

    return next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is None


