"""The parts of a build loaded into the ``oxigraph`` server (PyPI ``oxigraph``: ``oxigraph load``,
``oxigraph serve-read-only``) answer every shipped question as graphkit does on its own store."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import ROOT

pytest.importorskip("distributed", reason="the parts are made by the Dask engine: pip install 'graphkit[dask]'")
pytest.importorskip("pyarrow", reason="the parts are made by the Dask engine: pip install 'graphkit[dask]'")
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
pytestmark = pytest.mark.skipif(not os.access(OXIGRAPH, os.X_OK),
                                reason="the oxigraph server is not installed (pip install oxigraph)")

def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _value(binding: dict | None):
    return None if binding is None else binding["value"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from graphkit.engines.dask import build_into_dask
    from graphkit.kg.partitions import part_files

    tmp = tmp_path_factory.mktemp("ox")
    inputs = [str(ROOT / "tests" / "data" / "resolve-2017.jsonl"), str(ROOT / "seeds")]
    build_into_dask(inputs, tmp / "store", partitions=2, workers=1, parts_only=tmp / "parts")
    subprocess.run([OXIGRAPH, "load", "--location", str(tmp / "ox"), "--lenient", "--file",
                    *map(str, part_files(tmp / "parts"))], check=True, capture_output=True, timeout=300)
    port = _port()
    server = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(tmp / "ox"), "--bind",
                               f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.2)
    yield tmp / "store", url
    server.terminate()
    server.wait(timeout=20)


def _questions():
    from graphkit.query.catalog import questions

    return sorted(questions())


@pytest.mark.parametrize("name", _questions())
def test_shipped_question_answers_the_same_on_the_oxigraph_server(built, name):
    """Each question with its example values (the ``# example:`` line of its .rq header)."""
    from graphkit.query.catalog import ask, question

    store, url = built
    values = question(name).example_values()
    mine = ask(store, name, **values)
    text = question(name).render(values)
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": text}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        theirs = json.loads(r.read())
    cols = theirs["head"]["vars"]
    assert cols == list(mine.vars)
    rows = [tuple(_value(b.get(c)) for c in cols) for b in theirs["results"]["bindings"]]
    assert rows == [tuple(None if t is None else t.value for t in row) for row in mine.rows]


def test_the_questions_find_something(built):
    from graphkit.query.catalog import ask, questions

    store, _url = built
    empty = [n for n, q in questions().items() if not ask(store, n, **q.example_values()).rows]
    assert len(empty) <= 2, empty
