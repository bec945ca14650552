"""SHACL validation (graphkit.kg.validate, `graphkit validate`): the shapes shipped with the ontology
hold on the seeds and on a corpus sample, and a broken graph is caught at the right node and property."""
from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

pytest.importorskip("pyshacl")
from rdflib import RDFS, Literal, URIRef  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from graphkit.cli import app  # noqa: E402
from graphkit.kg.validate import Violation, validate  # noqa: E402
from graphkit.ontology import shapes_path  # noqa: E402

from tests import ROOT  # noqa: E402
BROKEN = ROOT / "tests" / "data" / "broken_graph.trig"
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
ID = "https://w3id.org/graphkit/id/"


@pytest.fixture(scope="module")
def seeds_ds():
    from graphkit.pipeline import build

    result = build([str(ROOT / "seeds")])
    assert result.ok and result.articles
    return result.dataset


def test_shapes_copies_identical_and_parse():
    top = ROOT / "ontology" / "shapes.ttl"
    assert top.read_bytes() == shapes_path().read_bytes(), \
        "ontology/shapes.ttl and graphkit/ontology/shapes.ttl differ"
    from graphkit.kg.validate import load_shapes

    assert len(load_shapes()) > 100


def test_seeds_conform(seeds_ds):
    assert validate(seeds_ds) == []


def test_seeds_store_conforms(tmp_path):
    """A store adds the places graph (validity dates, gk:mergedInto) to the article graphs."""
    from graphkit.pipeline import build_into

    r = build_into([str(ROOT / "seeds")], tmp_path / "store", jobs=1)
    assert r.ok and r.articles
    assert validate(tmp_path / "store") == []


# (focus node, path, words of the message, offending value) of every violation in the broken fixture
BROKEN_EXPECTED = [
    ("article/broken-1", "gk:publishedOn", "valid xsd:date", "2017-02-30"),
    ("person/nguyen-van-a", "rdfs:label", "exactly one rdfs:label", ""),
    ("person/tran-van-b", "gk:nameKey", "needs the gk:nameKey", ""),
    ("post/bi-thu-tinh-uy-x", "gk:postIn", "exactly one body", ""),
    ("directive/nq-18", "gk:code", "document system's form", "NQ 18 của TW"),
    ("tenure/t1", "gk:post", "a gk:Post", ID + "person/nguyen-van-a"),
    ("org/nowhere", "rdf:type", "typed explicitly", ""),
]


def test_broken_fixture_caught_exactly():
    found = validate(BROKEN)
    assert all(isinstance(v, Violation) for v in found)
    assert sorted((v.focus, v.path) for v in found) == sorted((ID + f, p) for f, p, _m, _v in BROKEN_EXPECTED)


@pytest.mark.parametrize("focus,path,words,value", BROKEN_EXPECTED, ids=[e[0] for e in BROKEN_EXPECTED])
def test_broken_fixture_violation(focus, path, words, value):
    [v] = [v for v in validate(BROKEN) if v.focus == ID + focus]
    assert v.path == path
    assert words in v.message
    assert v.value == value
    assert v.severity == "Violation"


def test_violation_names_the_node_by_its_label():
    by_focus = {v.focus: v for v in validate(BROKEN)}
    assert by_focus[ID + "post/bi-thu-tinh-uy-x"].label == "Bí thư Tỉnh ủy X"
    assert by_focus[ID + "person/nguyen-van-a"].label == "Nguyễn Văn A"  # the first of its two labels
    line = str(by_focus[ID + "directive/nq-18"])
    assert line.startswith("'Nghị quyết 18' <" + ID + "directive/nq-18>  gk:code: ")
    assert line.endswith("(value: NQ 18 của TW)")


def test_second_label_on_a_seeds_person_is_caught(seeds_ds):
    from graphkit.kg.validate import merged_graph

    g = merged_graph(seeds_ds)
    person = next(s for s in g.subjects(RDFS.label, None) if "/person/" in str(s))
    g.add((person, RDFS.label, Literal("Tên khác")))
    g.add((URIRef(ID + "directive/x"), URIRef("https://w3id.org/graphkit/ontology#cites"), person))
    found = validate(g)
    assert [(v.focus, v.path) for v in found] == [(str(person), "rdfs:label")]


def test_cli_conforms(tmp_path, seeds_ds):
    from graphkit.kg.serialize import write

    out = write(seeds_ds, tmp_path / "seeds.trig")
    r = CliRunner().invoke(app, ["validate", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines() == [f"{out}: conforms to the graphkit shapes"]


def test_cli_reports_violations_and_exits_1():
    r = CliRunner().invoke(app, ["validate", str(BROKEN)])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == len(BROKEN_EXPECTED) + 1
    assert lines[-1] == f"{BROKEN}: {len(BROKEN_EXPECTED)} violation(s) on {len(BROKEN_EXPECTED)} node(s)"
    assert any(ln.startswith("'Bí thư Tỉnh ủy X' <") and "gk:postIn: " in ln for ln in lines)
    assert "Traceback" not in r.output


def test_cli_not_a_store(tmp_path):
    r = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert r.exit_code == 2
    assert "not an Oxigraph store" in r.output


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason=f"needs the corpus at {CORPUS} (../shared, absent from a user's clone)")
def test_corpus_sample_conforms(tmp_path):
    """Every 100th of the first 30,000 corpus articles (300 articles) built by the pipeline."""
    from graphkit.pipeline import build

    sample = tmp_path / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        sample.write_text("".join(itertools.islice(fh, 0, 30_000, 100)), encoding="utf-8")
    result = build([str(sample)])
    assert len(result.articles) == 300
    found = validate(result.dataset)
    assert found == [], "\n".join(map(str, found[:20]))
