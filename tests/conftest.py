"""Shared by the query tests: the seed fixture graph (from tests/data/seed_facts.py) and the CLI app."""
from __future__ import annotations

import importlib.util
import sys
import types
from functools import cache
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@cache
def seed_facts_module():
    spec = importlib.util.spec_from_file_location("graphkit_test_seed_facts", DATA / "seed_facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_dataset(extra=()):
    """The rdflib Dataset of the seed facts (plus ``extra`` ArticleFacts)."""
    from graphkit.kg.build import to_dataset

    return to_dataset(list(seed_facts_module().seed_facts()) + list(extra))


@pytest.fixture(scope="session")
def seed_graph():
    from graphkit.query import open_graph

    return open_graph(seed_dataset())


@pytest.fixture(scope="session")
def seed_trig(tmp_path_factory):
    from graphkit.kg.serialize import write

    path = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    write(seed_dataset(), path)
    return path


def _ours(module: str) -> bool:
    """Whether ``module`` can be imported from this checkout (not from another one on sys.path)."""
    import graphkit

    spec = importlib.util.find_spec(module)
    return spec is not None and spec.origin is not None and \
        Path(spec.origin).resolve().is_relative_to(Path(graphkit.__file__).resolve().parent)


def cli_app():
    """The ``graphkit`` typer app."""
    from graphkit.cli import app

    return app


def pipeline_build():
    """``graphkit.build``, or ``None`` when this checkout has no pipeline."""
    if not _ours("graphkit.pipeline"):
        return None
    from graphkit import build

    return build
