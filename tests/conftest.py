"""Fixtures shared by the tests: the seed facts and their graph.

The seed facts are :mod:`graphkit.examples`, the example graph of the docs and doctests: the gold facts of the
five seed articles written by hand, what a perfect extraction of ``seeds/`` gives, whatever the state of the
extractors.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed_facts():
    """The module of the seed facts (:mod:`graphkit.examples`: ``facts()``, the posts, ``ev()`` …)."""
    from graphkit import examples

    return examples


@pytest.fixture(scope="session")
def seed_dataset(seed_facts):
    """A maker of the seed facts' rdflib Dataset: ``seed_dataset()``, or ``seed_dataset([more ArticleFacts])``."""
    return seed_facts.dataset


@pytest.fixture(scope="session")
def seed_graph(seed_dataset):
    """The seed facts opened for querying."""
    from graphkit.query import open_graph

    return open_graph(seed_dataset())


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory, seed_dataset):
    """The seed facts written to a TriG file."""
    from graphkit.kg.serialize import write

    path = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    write(seed_dataset(), path)
    return path
