"""One read path: every command reads a graph file and a store alike, through graphkit.query.open_graph,
and every command reports the same counts in the same words."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.query import open_graph

from tests import DATA, ROOT, SEEDS

RESOLVE = DATA / "resolve-2017.jsonl"
COUNTS = re.compile(r"[\d,]+ quads? \([\d,]+ distinct triples?\) in [\d,]+ article graphs?(?: and \d+ other graphs?)?")


def run(*args) -> str:
    r = CliRunner().invoke(app, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built into a graph file and into a store, and what each build said."""
    d = tmp_path_factory.mktemp("readpath")
    file, store = d / "seeds.trig", d / "store"
    said_file = run("build", SEEDS, "--out", file)
    said_store = run("build", SEEDS, "--into", store, "--jobs", "1")
    return {"file": file, "store": store, "said_file": said_file, "said_store": said_store}


def counts_in(text: str) -> list[str]:
    return COUNTS.findall(text)


@pytest.mark.parametrize("kind", ["file", "store"])
def test_every_reading_command_takes_a_file_or_a_store(built, kind, tmp_path):
    graph = built[kind]
    assert "Dương Văn Thái: Bí thư Tỉnh ủy Bắc Giang" in run("stats", graph)
    assert "Bí thư Trung ương Đảng" in run("timeline", graph, "truong thi mai")
    assert "Dương Văn Thái" in run("who-held", graph, "Bí thư Tỉnh ủy Bắc Giang")
    assert "person projection: 15 nodes" in run("analyze", graph, "--top", "3")
    assert "wrote" in run("map", graph, "--out", tmp_path / "m.html") and (tmp_path / "m.html").stat().st_size > 1000
    run("export", graph, "--out", tmp_path / "g.nq")
    assert (tmp_path / "g.nq").read_text(encoding="utf-8").count("\n") == open_graph(graph).counts().quads
    assert "Dương Văn Thái" in run("ask", graph, "career", "--person", "Duong Van Thai", "--format", "csv")
    assert run("query", graph, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a gk:Person }", "--format", "csv").split() == ["n", "15"]


@pytest.mark.parametrize("command", [["timeline", "_", "truong thi mai"], ["who-held", "_", "Bí thư Tỉnh ủy"],
                                     ["analyze", "_", "--measure", "pagerank", "--top", "0"]])
def test_a_file_and_a_store_of_the_same_articles_read_the_same(built, command):
    """The store holds the places graph besides the articles; nothing a command prints from the
    article graphs differs."""
    def out(graph):
        return run(*[graph if a == "_" else a for a in command])

    assert out(built["file"]) == out(built["store"])


def test_stats_of_a_file_and_its_store(built):
    """Only the counts and the provinces differ: the store holds the places graph (every province)."""
    def officials(graph):
        text = run("stats", graph)
        return text[text.index("officials:"):], re.search(r"Province +(\d+)", text)[1]

    (in_file, provinces_file), (in_store, provinces_store) = officials(built["file"]), officials(built["store"])
    assert in_file == in_store and int(provinces_file) < int(provinces_store)


def test_export_is_the_same_bytes_from_a_store_or_its_file(built, tmp_path):
    run("export", built["store"], "--out", tmp_path / "a.nq")
    run("export", tmp_path / "a.nq", "--out", tmp_path / "b.nq")
    run("export", tmp_path / "b.nq", "--out", tmp_path / "c.trig")
    run("export", tmp_path / "c.trig", "--out", tmp_path / "d.nq")
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes() == (tmp_path / "d.nq").read_bytes()


def test_build_stats_and_export_say_the_same_counts(built, tmp_path):
    g_file, g_store = open_graph(built["file"]).counts(), open_graph(built["store"]).counts()
    assert (g_file.quads, g_file.triples, g_file.article_graphs, g_file.other_graphs) == (1171, 1088, 5, 0)  # 41 of them gk:nameKey
    assert g_store.article_graphs == 5 and g_store.other_graphs == 1  # the places graph
    assert g_store.quads > g_file.quads
    for kind, counts in (("file", g_file), ("store", g_store)):
        said = [*counts_in(built[f"said_{kind}"]), *counts_in(run("stats", built[kind])),
                *counts_in(run("export", built[kind], "--out", tmp_path / f"{kind}.nq"))]
        assert said == [str(counts)] * 3, said


def test_stats_counts_article_graphs_not_the_reference_graphs(tmp_path):
    """A store built with person resolution holds the places and resolution graphs besides its articles."""
    said = run("build", RESOLVE, "--into", tmp_path / "st", "--jobs", "1")
    assert "11 article(s) (11 new, 0 replaced)" in said and "in 11 article graphs and 2 other graphs" in said
    assert "in 11 article graphs and 2 other graphs" in run("stats", tmp_path / "st")


def test_serve_says_the_same_counts(built):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "graphkit.cli", "serve", str(built["store"]), "--port", "0"],
                            env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline, line = time.monotonic() + 60, ""
        while time.monotonic() < deadline and "serving" not in line:
            line = proc.stderr.readline()
            if not line:
                break
        assert counts_in(line) == [str(open_graph(built["store"]).counts())], line
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)


def test_the_library_reads_a_file_a_store_and_a_dataset_alike(built):
    from graphkit.analytics import projections
    from graphkit.kg.serialize import load
    from graphkit.kg.store import GraphStore
    from graphkit.query.careers import timeline
    from graphkit.query.summary import summary

    ds = load(built["file"])
    with GraphStore(built["store"], read_only=True) as st:
        graphs = [built["file"], built["store"], ds, st, open_graph(built["store"])]
        tables = [summary(g) for g in graphs]
        assert tables[0]["types"] == tables[2]["types"] and tables[1]["types"] == tables[3]["types"] == tables[4]["types"]
        assert all(t["officials"] == tables[0]["officials"] for t in tables)
        careers = [[(s.post_label, s.first_seen) for c in timeline(g, "Trương Thị Mai") for s in c.spans] for g in graphs]
        assert careers[0] and all(c == careers[0] for c in careers)
        nets = [projections.person_person(g) for g in graphs]
        assert all(sorted(n.edges(data="weight")) == sorted(nets[0].edges(data="weight")) for n in nets)


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask(built, tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        outs = [tmp_path / "g.trig", tmp_path / "e.nq", tmp_path / "m.html", tmp_path / "a.csv", tmp_path / "q.csv"]
        run("build", SEEDS / "000_d029c83ccb100c6a.txt", "--out", outs[0], "-q")
        run("export", built["store"], "--out", outs[1], "-q")
        run("map", built["file"], "--out", outs[2])
        run("analyze", built["file"], "--out", outs[3])
        run("query", built["file"], "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--out", outs[4])
    finally:
        os.umask(previous)
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in outs} == {p.name: oct(mode) for p in outs}
