"""Test data: the seed facts (``seed_facts.py``), the golden graph, the resolution articles."""


def seed_dataset(extra=()):
    """The rdflib Dataset of the seed facts (plus ``extra`` ArticleFacts)."""
    from graphkit.kg.build import to_dataset
    from tests.data import seed_facts

    return to_dataset(list(seed_facts.seed_facts()) + list(extra))
