"""A map of a corpus slice in headless Chromium, at 1400×900: what a reader sees first.

The first 1,500 corpus articles are built into a graph; the whole-graph map shows its top nodes (never
hundreds of two-node pairs), no two node labels overlap in the first view (measured from the label boxes
vis-network draws), labels are drawn (the zoom keeps them above vis-network's 5 px threshold), edge
labels are Vietnamese, and a node's tooltip gives each fact its own sentence, article and date.
"""
from __future__ import annotations

import gzip
import itertools
import json
import re

import pytest

from graphkit.viz import maps
from tests import CORPUS
from tests.viz import browser

pytestmark = [
    pytest.mark.browser, pytest.mark.corpus,
    pytest.mark.skipif(browser.find_chromium() is None, reason="no headless Chromium: apt-get install chromium"),
    pytest.mark.skipif(not CORPUS.exists(), reason=f"{CORPUS} is absent"),
]

SLICE = 1500
READY = "document.getElementById('gk-status').getAttribute('data-ready') === '1'"
MEASURE = """(() => { const m = window.graphkitMap, net = m.network, b = net.body.nodes;
  const boxes = m.nodes.getIds().map(id => { const s = b[id].labelModule.size;
    return {id: id, left: s.left, top: s.top, width: s.width, height: s.height}; });
  const over = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], c = boxes[j];
    if (a.left < c.left + c.width && c.left < a.left + a.width && a.top < c.top + c.height && c.top < a.top + a.height)
      over.push([a.id, c.id]); }
  return JSON.stringify({nodes: boxes.length, drawn: boxes.filter(x => x.width > 0).length, over: over,
    scale: net.getScale(), edgeLabels: m.edges.get().map(e => e.label),
    tips: m.nodes.get().map(n => Array.from(n.title.children).map(c => [c.className, c.textContent]))}); })()"""
#: "title [article id] · date" (or undated), and how many other articles state the fact
SOURCE = re.compile(r"^.+ \[[^\]/]+\] · (\d{4}-\d{2}-\d{2}|undated)( \(\+\d+ more articles?\))?$")
ENGLISH = {"holds", "formerly held", "chaired by", "attended by", "speaker", "implements", "cites", "in", "issued by",
           "organised by", "part of", "issued", "implemented by"}


@pytest.fixture(scope="module")
def corpus_slice(tmp_path_factory):
    import subprocess
    import sys

    from tests import ROOT

    d = tmp_path_factory.mktemp("slice")
    src = d / "slice.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(fh, SLICE))
    graph = d / "slice.trig"
    subprocess.run([sys.executable, "-m", "graphkit.cli", "build", str(src), "--out", str(graph), "-q"], cwd=ROOT,
                   check=True, timeout=600)
    from graphkit.analytics.kgindex import KGIndex

    return KGIndex.read(graph)


def look(m, tmp_path, name):
    path = m.write(tmp_path / name)
    report = browser.open_page(path, ready=READY, evaluate=MEASURE, width=1400, height=900, timeout=120)
    assert report.errors == [] and report.external_requests == []
    return json.loads(report.value)


@pytest.mark.parametrize("top", [None, 150])
def test_the_corpus_map_reads_at_1400x900(corpus_slice, tmp_path, top):
    m = maps.make_map(corpus_slice, top=top)
    expected = top or maps.DEFAULT_WHOLE_TOP
    assert m.total_nodes > 2 * expected and expected * 0.9 <= m.nodes <= expected
    assert m.notice.startswith(f"Showing the top {m.nodes} of {m.total_nodes:,} nodes by degree; left out: ")
    page = look(m, tmp_path, "whole.html")
    assert page["nodes"] == m.nodes and page["drawn"] == m.nodes
    assert page["over"] == []  # no two labels overlap
    assert 13 * page["scale"] >= 6, page["scale"]  # labels are drawn, not below vis-network's threshold
    assert not set(page["edgeLabels"]) & ENGLISH and all(page["edgeLabels"])
    # every fact in a tooltip comes with its own evidence: the sentence, then article and date
    facts = 0
    for tip in page["tips"]:
        for i, (kind, text) in enumerate(tip):
            if kind == "gk-f":
                facts += 1
                assert tip[i + 1][0] == "gk-q" and len(tip[i + 1][1]) > 20
                assert tip[i + 2][0] == "gk-s" and SOURCE.match(tip[i + 2][1]), tip[i + 2]
    assert facts > m.nodes  # hubs list several facts each


def test_an_ego_map_of_the_busiest_person_reads(corpus_slice, tmp_path):
    from graphkit.analytics.projections import entity_graph

    G = entity_graph(corpus_slice)
    person = max((n for n, t in G.nodes(data="type") if t == "Person"), key=lambda n: (G.degree(n), n))
    m = maps.make_map(corpus_slice, person=G.nodes[person]["label"], radius=2)
    assert 10 < m.nodes <= 150
    page = look(m, tmp_path, "ego.html")
    assert page["over"] == [] and page["drawn"] == m.nodes and 13 * page["scale"] >= 6
