"""The graph as a whole: golden file, round trip, determinism, output formats, CLI, bad input."""
import gzip
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.kg.serialize import dumps, load, write
from graphkit.pipeline import build

from tests import DATA, ROOT, SEEDS

GOLDEN = DATA / "golden" / "003_c0083ec7d5ac5796.nq"
runner = CliRunner()


def test_golden_seed_003(monkeypatch):
    """The graph of one seed article, pinned. Regenerate after an intended change with:
    .venv/bin/graphkit build seeds/003_c0083ec7d5ac5796.txt --out tests/data/golden/003_c0083ec7d5ac5796.nq
    and review the diff."""
    monkeypatch.chdir(ROOT)
    result = build(["seeds/003_c0083ec7d5ac5796.txt"])
    assert dumps(result.dataset, "nquads") == GOLDEN.read_text(encoding="utf-8")


def test_store_lines_are_the_rdflib_graph():
    """The N-Triples a corpus build writes straight from the facts (no rdflib terms) parse to exactly the
    rdflib graph of the same article: literals with quotes, backslashes and line breaks, dates and IRIs."""
    from dataclasses import replace

    from rdflib import Graph
    from rdflib.compare import isomorphic

    from graphkit.extract.article import extract
    from graphkit.ingest.readers import iter_articles
    from graphkit.kg.build import article_graph, article_quads

    for article in iter_articles([str(SEEDS)]):
        facts = extract(replace(article, title='Tin "nóng" \\ dòng 1\ndòng 2'))
        g = article_graph(facts)
        parsed = Graph().parse(data=g.ntriples(), format="nt")
        built = Graph()
        for s, p, o, _g in article_quads(facts):
            built.add((s, p, o))
        assert len(parsed) == len(g.lines) > 20
        assert isomorphic(parsed, built), article.id
        assert {str(o) for _s, _p, o in parsed} >= {'Tin "nóng" \\ dòng 1\ndòng 2'}


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_round_trip_is_isomorphic(tmp_path, suffix):
    from rdflib.compare import isomorphic

    result = build([str(SEEDS)])
    path = write(result.dataset, tmp_path / f"g{suffix}")
    again = load(path)
    for g in result.dataset.graphs():
        if len(g) == 0:
            continue
        assert isomorphic(g, again.graph(g.identifier)), g.identifier


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_plain_triple_formats_flatten(tmp_path, suffix):
    from rdflib import Graph

    result = build([str(SEEDS)])
    path = write(result.dataset, tmp_path / f"g{suffix}")
    g = Graph().parse(path, format={".ttl": "turtle", ".nt": "nt"}[suffix])
    assert len(g) == len({(s, p, o) for s, p, o, _ in result.dataset.quads((None, None, None, None))})


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl"])
def test_byte_identical_across_processes(tmp_path, suffix):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}{suffix}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "graphkit.cli", "build", str(SEEDS), "--out", str(out), "-q"],
                       check=True, env=env, cwd=ROOT)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


# two bare ministry titles in one sentence (corpus article 21490380, a festival round-up): their holdings were
# added in the order of a set, which follows the hash seed, and so did the article graph's lines
_BARE_TITLES = ("Có dẹp được hình ảnh phản cảm trong lễ hội?\n"
                "Bộ VH-TT&DL cho biết sẽ tăng cường công tác kiểm tra lễ hội. Theo đó, Thứ trưởng Huỳnh Vĩnh Ái cùng các "
                "đơn vị chức năng sẽ kiểm tra công tác chuẩn bị, tổ chức lễ hội tại Đền Trần (Nam Định) ngày 10/2 (tức 14 "
                "tháng Giêng) và Thứ trưởng Đặng Thị Bích Liên cùng các đơn vị chức năng sẽ kiểm tra công tác chuẩn bị, "
                "tổ chức lễ hội tại Đền Trần Thương (Hà Nam) và Đền Trần (Thái Bình) ngày 8/2 (tức 12 tháng Giêng).")


def test_article_graph_lines_identical_across_hash_seeds(tmp_path):
    script = ("import sys; from graphkit.ingest.article import Article; from graphkit.extract.article import extract; "
              "from graphkit.kg.build import article_graph; "
              "f = extract(Article(id='a', text=sys.stdin.read(), source='t')); "
              "print([h.person for h in f.holdings]); print(article_graph(f).ntriples())")
    outs = []
    for seed in ("0", "2", "3", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        outs.append(subprocess.run([sys.executable, "-c", script], input=_BARE_TITLES, capture_output=True, text=True,
                                   check=True, env=env, cwd=ROOT).stdout)
    assert "['Huỳnh Vĩnh Ái', 'Đặng Thị Bích Liên']" in outs[0]  # both read, in the order of the text
    assert all(o == outs[0] for o in outs)


def test_every_fact_has_its_sentence():
    from graphkit.kg.namespaces import sparql_prefixes
    from rdflib import Dataset

    ds = build([str(SEEDS)]).dataset
    union = Dataset(store=ds.store, default_union=True)
    rows = list(union.query(sparql_prefixes() + """
        SELECT ?s ?p ?o WHERE { VALUES ?p { gk:holds gk:chairedBy gk:attendedBy gk:implements }
          ?s ?p ?o . FILTER NOT EXISTS { ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                                            gk:evidence ?e ; prov:wasDerivedFrom ?art } }"""))
    assert rows == []


def test_cli_build_and_stats(tmp_path):
    out = tmp_path / "seeds.trig"
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "5 article(s)" in r.output
    r = runner.invoke(app, ["stats", str(out)])
    assert r.exit_code == 0
    assert "Dương Văn Thái: Bí thư Tỉnh ủy Bắc Giang" in r.output


def test_cli_unknown_format(tmp_path):
    r = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path / "g.xml")])
    assert r.exit_code == 2
    assert "unknown output format '.xml'" in r.output


def test_cli_stats_missing_file(tmp_path):
    r = runner.invoke(app, ["stats", str(tmp_path / "nope.trig")])
    assert r.exit_code == 2 and "no such graph file" in r.output


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((SEEDS / "000_d029c83ccb100c6a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "legacy.txt").write_bytes("Bí thư Tỉnh ủy".encode("utf-8").decode("utf-8").encode("cp1252", "replace")
                                          + bytes(range(0x80, 0xff)) * 3)
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"id": "a1", "text": "Tỉnh ủy Bắc Giang họp."}\n' * 1)
    data = (tmp_path / "corpus.jsonl.gz").read_bytes()
    (tmp_path / "corpus.jsonl.gz").write_bytes(data[:-6])
    out = tmp_path / "out.trig"
    r = runner.invoke(app, ["build", str(tmp_path), "--out", str(out), "-q"])
    assert r.exit_code == 1  # some inputs failed
    for name in ("empty.txt", "binary.txt", "legacy.txt", "corpus.jsonl.gz"):
        assert name in r.output, r.output
    ds = load(out)
    assert "good" in {str(g.identifier).rsplit("/", 1)[-1] for g in ds.graphs()}


def test_output_is_never_half_written(tmp_path, monkeypatch):
    import graphkit.kg.serialize as ser

    out = tmp_path / "g.trig"
    out.write_text("previous graph", encoding="utf-8")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(ser.os, "fsync", boom)
    r = runner.invoke(app, ["build", str(SEEDS / "002_0cbc784d2eeb1141.txt"), "--out", str(out), "-q"])
    assert r.exit_code == 130
    assert out.read_text(encoding="utf-8") == "previous graph"
    assert [p.name for p in tmp_path.iterdir()] == ["g.trig"]  # no temporary file left behind
