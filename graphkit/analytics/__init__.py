"""Network analytics of a graphkit graph: plain functions on networkx graphs.

- :mod:`graphkit.analytics.projections` — RDF → networkx: ``person_person``, ``person_organization``,
  ``province_directive``, ``directive_citation``, ``entity_graph``, ``directive_diffusion``; every
  edge carries ``weight``, ``articles``, ``evidence``, ``relation``; ``date_from``/``date_to`` slice by
  article date.
- :mod:`graphkit.analytics.measures` — ``centrality`` (degree, weighted degree, betweenness, PageRank,
  core number), ``communities`` (Louvain, Leiden), ``top``, ``ego``, ``k_core``, ``shortest_paths``,
  ``find_node``.
- :mod:`graphkit.analytics.report` — ``analyze``: what ``graphkit analyze`` prints and writes.

Submodules import networkx inside their functions, so importing them is cheap. They read a graph
through :func:`graphkit.query.open_graph` (a graph file, a store, an rdflib Dataset alike).
"""
