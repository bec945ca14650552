"""The SPARQL endpoint, tested as a client uses it: a real server on a free loopback port, SPARQLWrapper."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import ROOT

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

PERSONS = "SELECT ?name WHERE { ?p a gk:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, seed_dataset):
    from graphkit.kg.serialize import write

    # a directory name with markup in it: the page must escape it
    return write(seed_dataset(), tmp_path_factory.mktemp("s") / "<b>seeds</b>.trig")


@pytest.fixture(scope="module")
def server(graph_file):
    from graphkit.query.server import make_server

    srv = make_server(graph_file, port=0, timeout=1.0, workers=2)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.close()
    thread.join(5)


def client(server, query, fmt=JSON):
    s = SPARQLWrapper.SPARQLWrapper(server.url)
    s.setQuery(query)
    s.setReturnFormat(fmt)
    return s


def raw(server, path="/sparql", *, params=None, data=None, headers=None, method=None):
    base = server.url.rsplit("/", 1)[0]
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def test_binds_to_loopback(server):
    import inspect

    from graphkit.query.server import make_server

    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"
    assert server.server_address[0] == "127.0.0.1"


def test_select_json(server):
    res = client(server, PERSONS).query()
    assert res.info()["content-type"] == "application/sparql-results+json"
    names = [b["name"]["value"] for b in res.convert()["results"]["bindings"]]
    assert len(names) == 15 and "Trương Thị Mai" in names


def test_select_xml_csv_tsv(server):
    res = client(server, PERSONS, XML).query()
    assert res.info()["content-type"] == "application/sparql-results+xml"
    doc = res.convert()
    assert len(doc.getElementsByTagName("result")) == 15
    res = client(server, PERSONS, CSV).query()
    assert res.info()["content-type"] == "text/csv; charset=utf-8"
    assert res.convert().decode("utf-8").splitlines()[:2] == ["name", "Cao Hoàng Sơn"]
    res = client(server, PERSONS, TSV).query()
    assert res.info()["content-type"] == "text/tab-separated-values; charset=utf-8"
    assert res.convert().decode("utf-8").splitlines()[:2] == ["?name", '"Cao Hoàng Sơn"']


def test_ask(server):
    assert client(server, "ASK { ?p a gk:Person }").query().convert() == {"head": {}, "boolean": True}


# SPARQLWrapper (a client, as researchers use it) parses CONSTRUCT answers into rdflib's ConjunctiveGraph, which
# rdflib 7 deprecates: its warning, not ours
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_construct(server):
    from rdflib import Graph

    q = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a gk:Person ; rdfs:label ?n }"
    res = client(server, q, TURTLE).query()
    assert res.info()["content-type"] == "text/turtle; charset=utf-8"
    assert len(Graph().parse(data=res.convert(), format="turtle")) == 15
    res = client(server, q, JSONLD).query()
    assert res.info()["content-type"] == "application/ld+json"
    assert len(res.convert()) == 15
    status, ctype, body = raw(server, params={"query": q}, headers={"Accept": "application/n-triples"})
    assert (status, ctype) == (200, "application/n-triples") and len(body.splitlines()) == 15


def test_post_form_and_direct(server):
    for method in (URLENCODED, POSTDIRECTLY):
        s = client(server, PERSONS)
        s.setMethod(POST)
        s.setRequestMethod(method)
        assert len(s.query().convert()["results"]["bindings"]) == 15


def test_update_refused(server):
    s = client(server, "INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }")
    s.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as e:
        s.query()
    assert e.value.code == 403
    status, _, body = raw(server, data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, _ = raw(server, params={"query": "DROP ALL"})
    assert status == 403
    # and nothing changed
    assert len(client(server, PERSONS).query().convert()["results"]["bindings"]) == 15


def test_malformed_query(server):
    with pytest.raises(QueryBadFormed) as e:
        client(server, "SELECT ?x WHERE { ?x a gk:Person . FILTER(?x = }").query()
    assert "syntax error at line 1, column" in str(e.value)
    status, ctype, body = raw(server, params={"query": "SELECT ?x WHERE {\n ?x nope:y ?z }"})
    assert (status, ctype) == (400, "text/plain; charset=utf-8")
    assert "line 2, column 5: unknown prefix 'nope:'" in body and " ?x nope:y ?z }" in body


def test_timeout_stops_the_query(server):
    pool = server.pool
    t0 = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as e:
        client(server, SLOW).query()
    elapsed = time.monotonic() - t0
    assert e.value.code == 503 and 1.0 <= elapsed < 5
    assert "ran past the time limit of 1 s and was stopped" in e.value.read().decode()
    if hasattr(pool, "killed"):  # the worker process is killed, not left running
        pid = pool.killed[-1]
        for _ in range(50):
            if not Path(f"/proc/{pid}").exists() or Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"worker {pid} still runs after its query was stopped")
    # the server goes on answering
    assert len(client(server, PERSONS).query().convert()["results"]["bindings"]) == 15


def test_negotiation_and_errors(server):
    assert raw(server, params={"query": PERSONS}, headers={"Accept": "*/*"})[1] == "application/sparql-results+json"
    assert raw(server, params={"query": PERSONS}, headers={"Accept": "image/png"})[0] == 406
    assert raw(server, params={"query": PERSONS, "format": "csv"})[1] == "text/csv; charset=utf-8"
    assert raw(server, "/sparql")[:2] == (200, "text/turtle; charset=utf-8")  # the service description
    assert raw(server, "/nope", params={"query": PERSONS})[0] == 404
    assert raw(server, data=b"x", headers={"Content-Type": "image/png"})[0] == 415


def test_default_graph_uri(server):
    art = "https://w3id.org/graphkit/id/article/002-0cbc784d2eeb1141"
    status, _, body = raw(server, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s gk:implements ?d }",
                                          "default-graph-uri": art})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"
    status, _, body = raw(server, params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                                          "named-graph-uri": art})
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [art]


def test_page(server):
    status, ctype, body = raw(server, "/")
    assert (status, ctype) == (200, "text/html; charset=utf-8")
    assert "<textarea" in body and "career" in body
    assert "&lt;b&gt;seeds&lt;/b&gt;.trig" in body and "<b>seeds</b>" not in body
    assert 'src="http' not in body and 'href="http' not in body  # no CDN: works offline


@pytest.mark.parametrize("background", [False, True])
def test_graphkit_serve_command(graph_file, tmp_path, background):
    """graphkit serve starts, answers, and stops on Ctrl-C, also when started as a shell's background job (which
    starts with SIGINT ignored)."""
    import signal

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    ignore_int = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background else None
    proc = subprocess.Popen([sys.executable, "-m", "graphkit.cli", "serve", str(graph_file), "--port", "0", "--timeout", "5"],
                            env=env, preexec_fn=ignore_int,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        url = None
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline and url is None:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if " at http://127.0.0.1:" in line:
                url = line.split(" at ", 1)[1].split()[0]
        assert url, "".join(lines)
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}), timeout=30) as r:
            assert json.loads(r.read()) == {"head": {}, "boolean": True}
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_get_without_a_query_is_a_service_description(server):
    """SPARQL 1.1 Service Description: Turtle naming the endpoint, the language and the result formats."""
    import rdflib

    status, ctype, body = raw(server, "/sparql")
    assert status == 200 and ctype.startswith("text/turtle")
    g = rdflib.Graph().parse(data=body, format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    (svc,) = list(g.subjects(rdflib.RDF.type, SD.Service))
    assert g.value(svc, SD.endpoint) == rdflib.URIRef(server.url)
    assert g.value(svc, SD.supportedLanguage) == SD.SPARQL11Query
    formats = {str(o).rsplit("/", 1)[-1] for o in g.objects(svc, SD.resultFormat)}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "Turtle"} <= formats
    assert raw(server, "/sparql", params={"update": "x"})[0] == 403  # still read-only


def test_the_page_has_fields_for_a_questions_parameters(server):
    status, _, page = raw(server, "/")
    assert status == 200 and 'id="params"' in page and '"params": [{"name": ' in page
    status, _, text = raw(server, "/render", params={"question": "post-holders", "post": "Bí thư Tỉnh ủy"})
    assert status == 200 and "PREFIX gk:" in text
    other = raw(server, "/render", params={"question": "post-holders", "post": "Chủ tịch"})[2]
    assert other != text  # the value is written into the query
    # the rendered query runs
    assert raw(server, params={"query": text})[0] == 200
    status, _, text = raw(server, "/render", params={"question": "nope"})
    assert status == 400 and "nope" in text
