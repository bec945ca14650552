"""Fixtures shared by the tests: the seed facts and their graph.

The seed facts (``tests/data/seed_facts.py``) are the gold facts of the five seed articles written
by hand: what a perfect extraction of ``seeds/`` gives, whatever the state of the extractors.
``tests.data.seed_dataset(extra)`` builds their rdflib Dataset with more articles.
"""
from __future__ import annotations

import pytest

from tests.data import seed_dataset


@pytest.fixture(scope="session")
def seed_facts():
    """The module of the seed facts (``seed_facts()``, the posts, ``ev()`` …)."""
    from tests.data import seed_facts as module

    return module


@pytest.fixture(scope="session")
def seed_graph():
    """The seed facts opened for querying."""
    from graphkit.query import open_graph

    return open_graph(seed_dataset())


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory):
    """The seed facts written to a TriG file."""
    from graphkit.kg.serialize import write

    path = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    write(seed_dataset(), path)
    return path
