"""Serving a store directory in place: each query worker opens the store read-only itself, nothing is
copied into memory, and the answers are those of the store queried directly; an overrunning query's
worker is killed and replaced as with a graph in memory."""
from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests import ROOT

PERSONS = "SELECT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name"
PIDS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from graphkit.pipeline import build_into

    path = tmp_path_factory.mktemp("s") / "store"
    build_into([str(ROOT / "seeds")], path, jobs=1)
    return path


def _ask(server, query):
    url = server.url + "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="query workers are forked processes")
def test_a_store_is_served_in_place_by_forked_workers(store):
    from graphkit.query import open_graph, run_query
    from graphkit.query.server import ForkPool, make_server

    srv = make_server(store, port=0, timeout=2.0, workers=2)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        assert not srv.graph.in_memory  # queried where it is: no copy
        assert isinstance(srv.pool, ForkPool)
        expected = [r[0].value for r in run_query(open_graph(store), PERSONS).rows]
        assert expected
        for _ in range(3):  # each worker opens the store for itself, and answers as the store does
            got = [b["name"]["value"] for b in _ask(srv, PERSONS)["results"]["bindings"]]
            assert got == expected
        with pytest.raises(urllib.error.HTTPError) as e:  # a query past the limit: its worker is killed
            _ask(srv, SLOW)
        assert e.value.code == 503 and srv.pool.killed
        got = [b["name"]["value"] for b in _ask(srv, PERSONS)["results"]["bindings"]]  # a new worker answers
        assert got == expected
    finally:
        srv.close()
        thread.join(5)


def test_a_graph_reopens_its_store_in_a_forked_process(store):
    """The handle opened before a fork is not used in the child: it opens the store again."""
    from graphkit.query import open_graph, run_query

    g = open_graph(store)
    parent = g.full_store()
    n = run_query(g, PIDS).rows[0][0].value
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            ok = g.full_store() is not parent and run_query(g, PIDS).rows[0][0].value == n
            os.write(w, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(w)
    assert os.read(r, 1) == b"1"
    os.waitpid(pid, 0)
    assert g.full_store() is parent
