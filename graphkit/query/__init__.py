"""SPARQL for researchers: run queries, ask the shipped research questions, serve an endpoint.

Typical use::

    from graphkit.query import open_graph, run_query, ask

    g = open_graph("out/seeds.trig")          # a graph file, a store directory or an rdflib Dataset
    ask(g, "career", person="Truong Thi Mai").records()
    run_query(g, "SELECT ?p WHERE { ?p a gk:Person }").column("p")

The library returns values and never prints; ``graphkit query``, ``graphkit ask`` and
``graphkit serve`` are the command-line layer over it.

- :mod:`~graphkit.query.engine` — :func:`open_graph` (the one way graphkit opens a graph file or a
  store to read it), :func:`run_query`, the counts (``GraphCounts``) and ``export``;
- :mod:`~graphkit.query.catalog` — the research questions (``questions/*.rq``) and :func:`ask`;
- :mod:`~graphkit.query.careers` — careers and who held a post (``graphkit timeline``, ``who-held``);
- :mod:`~graphkit.query.summary` — what ``graphkit stats`` prints;
- :mod:`~graphkit.query.results`, :mod:`~graphkit.query.params`, :mod:`~graphkit.query.server`.
"""
from __future__ import annotations

from graphkit.query.engine import (
    QueryGraph,
    QuerySyntaxError,
    QueryTimeout,
    UpdateRefused,
    open_graph,
    run_query,
)
from graphkit.query.catalog import Param, Question, ask, question, questions
from graphkit.query.results import QueryResult, Term, serialize

__all__ = [
    "QueryGraph", "QueryResult", "QuerySyntaxError", "QueryTimeout", "Term", "UpdateRefused",
    "Param", "Question", "ask", "open_graph", "question", "questions", "run_query", "serialize",
]
