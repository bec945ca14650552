"""The on-disk store: incremental builds, replacement, crash safety, export, parallel builds."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from graphkit.query import run_query
from typer.testing import CliRunner

from graphkit.errors import OutputError, QueryError, StoreError
from graphkit.ingest import iter_articles
from graphkit.kg.store import GraphStore, is_store, new_store, write_places
from graphkit.query.engine import export
from graphkit.pipeline import build, build_into

from tests import ROOT as REPO, SEEDS
SEED_FILES = sorted(SEEDS.glob("*.txt"))
A, B = SEED_FILES[0], SEED_FILES[1]


def nquads(store: Path) -> str:
    with GraphStore(store, read_only=True) as s:
        return s.nquads()


def test_build_into_then_export_matches_in_memory_build(tmp_path):
    """The store holds exactly what 'build --out' writes, plus the places reference graph."""
    from rdflib import Dataset

    from graphkit.kg.build import places_quads
    from graphkit.kg.serialize import dumps

    r = build_into([str(SEEDS)], tmp_path / "st", jobs=1)
    assert r.ok and len(r.articles) == len(SEED_FILES) and r.replaced == []
    assert r.article_graphs == len(SEED_FILES)
    mem = build([str(SEEDS)])
    ds = Dataset()
    ds.addN(mem.dataset.quads((None, None, None, None)))
    ds.addN(places_quads())
    assert nquads(tmp_path / "st") == dumps(ds, "nquads")
    assert r.quads == len(dumps(ds, "nquads").splitlines())


def test_adding_again_replaces_and_equals_fresh_build(tmp_path):
    fresh, inc = tmp_path / "fresh", tmp_path / "inc"
    build_into([str(A), str(B)], fresh, jobs=1)
    build_into([str(A), str(B)], inc, jobs=1)
    again = build_into([str(B)], inc, jobs=1)
    assert again.articles == [B.stem] and again.replaced == [B.stem]
    assert nquads(inc) == nquads(fresh)


def test_articles_added_in_separate_runs_equal_one_run(tmp_path):
    one, many = tmp_path / "one", tmp_path / "many"
    build_into([str(SEEDS)], one, jobs=1)
    for f in SEED_FILES:
        r = build_into([str(f)], many, jobs=1)
        assert r.articles == [f.stem] and r.replaced == []
    assert nquads(many) == nquads(one)


def test_replacing_drops_what_the_old_version_said(tmp_path):
    """A re-added article whose text changed keeps nothing of its old graph."""
    st = tmp_path / "st"
    old = tmp_path / "x.txt"
    old.write_text(A.read_text(encoding="utf-8"), encoding="utf-8")
    build_into([str(old)], st, jobs=1)
    old.write_text(B.read_text(encoding="utf-8"), encoding="utf-8")  # same id, other text
    build_into([str(old)], st, jobs=1)
    fresh = tmp_path / "fresh"
    build_into([str(old)], fresh, jobs=1)
    assert nquads(st) == nquads(fresh)


def test_parallel_build_equals_single_process(tmp_path):
    build_into([str(SEEDS)], tmp_path / "one", jobs=1)
    seen = []
    r = build_into([str(SEEDS)], tmp_path / "two", jobs=2, chunk_size=2, on_progress=seen.append)
    assert r.ok and sorted(r.articles) == sorted(f.stem for f in SEED_FILES)
    assert nquads(tmp_path / "two") == nquads(tmp_path / "one")
    assert seen[-1].done == len(SEED_FILES) and seen[-1].total == len(SEED_FILES)
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_places_graph_is_in_the_store(tmp_path):
    from graphkit.kg.build import PLACES_GRAPH

    build_into([str(A)], tmp_path / "st", jobs=1)
    with GraphStore(tmp_path / "st", read_only=True) as s:
        assert PLACES_GRAPH in s.graphs()
        rows = run_query(s, "SELECT ?a ?b WHERE { GRAPH ?g { ?a gk:mergedInto ?b } }").rows
        assert rows, "the places graph carries gk:mergedInto links"


def test_problems_and_duplicates_are_reported(tmp_path):
    corpus = tmp_path / "c.jsonl"
    text = A.read_text(encoding="utf-8")
    corpus.write_text("\n".join([json.dumps({"id": "x1", "text": text}), "{not json",
                                 json.dumps({"id": "x1", "text": text})]) + "\n", encoding="utf-8")
    r = build_into([str(corpus)], tmp_path / "st", jobs=1)
    assert r.articles == ["x1"]
    msgs = [p.message for p in r.problems]
    assert any("invalid JSON" in m for m in msgs) and any("duplicate article id 'x1'" in m for m in msgs)


def test_not_a_store(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a graphkit store"):
        build_into([str(A)], tmp_path / "d", jobs=1)
    with pytest.raises(QueryError, match="build one with"):
        export(tmp_path / "missing", tmp_path / "x.nq")
    assert not is_store(tmp_path / "d")


def test_store_in_use_by_another_writer(tmp_path):
    build_into([str(A)], tmp_path / "st", jobs=1)
    with GraphStore(tmp_path / "st"):
        with pytest.raises(StoreError, match="another process"):
            GraphStore(tmp_path / "st")


@pytest.mark.parametrize("ext", [".nq", ".trig", ".ttl", ".nt", ".jsonld"])
def test_export_formats_round_trip(tmp_path, ext):
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    from graphkit.kg.serialize import load

    st = tmp_path / "st"
    build_into([str(A), str(B)], st, jobs=1)
    out = export(st, tmp_path / f"g{ext}")
    back = load(out)
    full = Dataset()
    full.parse(data=nquads(st), format="nquads")
    if ext in (".ttl", ".nt"):
        flat = Graph()
        for s, p, o, _g in full.quads((None, None, None, None)):
            flat.add((s, p, o))
        got = Graph()
        for s, p, o, _g in back.quads((None, None, None, None)):
            got.add((s, p, o))
        assert isomorphic(got, flat)
    else:
        assert {q for q in back.quads((None, None, None, None))} == {q for q in full.quads((None, None, None, None))}
    before = out.read_bytes()
    export(st, out)
    assert out.read_bytes() == before  # deterministic
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_unknown_format(tmp_path):
    build_into([str(A)], tmp_path / "st", jobs=1)
    with pytest.raises(OutputError, match="unknown output format"):
        export(tmp_path / "st", tmp_path / "g.xml")


# --- the merged default graph --------------------------------------------------------------------

def default_and_merge(store) -> tuple[set[str], set[str]]:
    """(the default graph's triples, the triples of all named graphs) of a store, as N-Triples lines."""
    import pyoxigraph as ox

    with GraphStore(store, read_only=True) as s:
        default = set(s.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                      .decode("utf-8").splitlines())
        merge = {ln.rsplit(" ", 2)[0] + " ." for ln in s.nquads().splitlines()}
    default.discard("")
    return default, merge


def _fresh(tmp_path, st):
    build_into([str(SEEDS)], st, jobs=1)


def _one_by_one(tmp_path, st):
    for f in SEED_FILES:
        build_into([str(f)], st, jobs=1)


def _changed_article(tmp_path, st):
    art = tmp_path / "x.txt"
    art.write_text(A.read_text(encoding="utf-8"), encoding="utf-8")
    build_into([str(art), str(B)], st, jobs=1)
    art.write_text(B.read_text(encoding="utf-8"), encoding="utf-8")  # same id, other text
    build_into([str(art)], st, jobs=1)


def _replaced_in_parallel(tmp_path, st):
    build_into([str(A), str(B)], st, jobs=1)
    build_into([str(SEEDS)], st, jobs=2, chunk_size=2)  # chunks mixing new and replaced articles


def _resolution_rewrites(tmp_path, st):
    """Quảng Trị's Nguyễn Văn Hùng first, then Long An's: resolution renames him in the first articles."""
    from tests.kg.test_resolve import LONG_AN, NHAN, QUANG_TRI, subset

    build_into([str(subset(tmp_path, NHAN + QUANG_TRI, "a"))], st, jobs=1)
    r = build_into([str(subset(tmp_path, [LONG_AN], "b"))], st, jobs=1)
    assert len(r.renamed) == len(QUANG_TRI) + 1 and r.possibly_same == 1


@pytest.mark.parametrize("make", [_fresh, _one_by_one, _changed_article, _replaced_in_parallel, _resolution_rewrites],
                         ids=lambda f: f.__name__.strip("_"))
def test_default_graph_is_the_merge_of_the_named_graphs(tmp_path, make):
    st = tmp_path / "st"
    make(tmp_path, st)
    default, merge = default_and_merge(st)
    assert default and default == merge
    with GraphStore(st, read_only=True) as s:
        assert s.has_merge and s.triple_count() == len(merge)
        assert len(s) == len(s.nquads().splitlines())  # counts and exports leave the merge out


_S, _P, _XSD = "<https://x.org/s>", "<https://x.org/p>", "http://www.w3.org/2001/XMLSchema#"
T = {  # triples, some with literals holding what N-Quads lines may confuse: spaces, quotes, '<…>'
    "a": f"{_S} {_P} <https://x.org/a> .",
    "b": f'{_S} {_P} "b, said \\"x <https://x.org/g> .\\"" .',
    "c": f'{_S} {_P} "Hà Nội <c>"@vi .',
    "d": f'{_S} {_P} "3"^^<{_XSD}integer> .',
    "e": f"<https://x.org/e> {_P} {_S} .",
}
G1, G2, G3 = "https://x.org/g1", "https://x.org/g2", "https://x.org/g3"


def _put(*graphs):
    return ("put", [(g, "".join(T[k] + "\n" for k in keys)) for g, keys in graphs])


# (steps, the default graph after them, the named graphs after them)
MERGE_CASES = {
    "new graphs": ([_put((G1, "ab"), (G2, "bc"))], "abc", {G1, G2}),
    "replacing drops what only the old version stated": (
        [_put((G1, "ab")), _put((G2, "b")), _put((G1, "c"))], "bc", {G1, G2}),
    "replacing keeps what another graph states": ([_put((G1, "abd"), (G2, "b")), _put((G1, "a"))], "ab", {G1, G2}),
    "two graphs replaced in one write drop the triple both stated": (
        [_put((G1, "a"), (G2, "a")), _put((G1, "b"), (G2, "c"))], "bc", {G1, G2}),
    "a triple moving between graphs replaced in one write stays": (
        [_put((G1, "a"), (G2, "b")), _put((G1, "b"), (G2, "a"))], "ab", {G1, G2}),
    "new and replaced graphs in one write": ([_put((G1, "a")), _put((G1, "b"), (G3, "a"))], "ab", {G1, G3}),
    "the same graph again changes nothing": ([_put((G1, "abcde")), _put((G1, "abcde"))], "abcde", {G1}),
    "replacing by an empty graph removes it": ([_put((G1, "ab"), (G2, "b")), _put((G1, ""))], "b", {G2}),
    "removing a graph": ([_put((G1, "abc"), (G2, "be")), ("remove", G1)], "be", {G2}),
    "removing the last graph": ([_put((G1, "ab")), ("remove", G1)], "", set()),
    "a triple removed, then stated by a new graph": (
        [_put((G1, "ab")), _put((G2, "b")), ("remove", G1), _put((G3, "a"))], "ab", {G2, G3}),
    "a triple replaced away, then stated by a new graph": (
        [_put((G1, "a")), _put((G1, "b")), _put((G2, "ac"))], "abc", {G1, G2}),
}


@pytest.mark.parametrize("case", MERGE_CASES)
@pytest.mark.parametrize("where", ["disk", "memory"])
def test_writes_keep_the_merge(tmp_path, case, where):
    steps, expected, graphs = MERGE_CASES[case]
    with GraphStore(tmp_path / "st" if where == "disk" else None, create=True) as s:
        for op, arg in steps:
            if op == "put":
                s.put_graphs(arg)
            else:
                s.remove_graph(arg)
        import pyoxigraph as ox

        default = s.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
        assert sorted(default.splitlines()) == sorted(T[k] for k in expected)
        assert set(s.graphs()) == graphs
        quads = s.nquads().splitlines()
        assert len(s) == len(quads) and {ln.rsplit(" ", 2)[0] + " ." for ln in quads} == {T[k] for k in expected}


def test_writes_keep_the_merge_past_the_memory_of_written_lines(tmp_path, monkeypatch):
    """New graphs skip the triples this store object knows it wrote; that memory is bounded."""
    import pyoxigraph as ox

    import graphkit.kg.store as store_module

    monkeypatch.setattr(store_module, "_KNOWN_LINES", 2)
    with GraphStore(tmp_path / "st", create=True) as s:
        for i, keys in enumerate(["ab", "bc", "cd", "ad", "e", "abcde"]):
            s.put_graphs([(f"https://x.org/g{i}", "".join(T[k] + "\n" for k in keys))])
            assert len(s._known) <= 3  # what one write adds (here up to 3 lines) on top of the bound
        s.remove_graph("https://x.org/g4")  # e stays: g5 states it too
        default = s.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8")
    assert sorted(default.splitlines()) == sorted(T.values())


def test_a_triple_of_several_articles_matches_once(tmp_path):
    """A store answers on the merge: a person and label that seven articles state match once."""
    from tests.kg.test_resolve import DATA

    build_into([str(DATA)], tmp_path / "st", jobs=1)
    with GraphStore(tmp_path / "st", read_only=True) as s:
        sols = run_query(s, "SELECT ?p WHERE { ?p a gk:Person ; rdfs:label 'Nguyễn Thiện Nhân' }").rows
        graphs = run_query(s, "SELECT ?g WHERE { GRAPH ?g { ?p a gk:Person ; rdfs:label 'Nguyễn Thiện Nhân' } }").rows
    assert len(sols) == 1 and len(graphs) == 7


def _older_store(tmp_path, source: Path) -> Path:
    """A store as graphkit wrote them before it kept the merge: the named graphs, no default graph."""
    import pyoxigraph as ox

    old = tmp_path / "old"
    store = ox.Store(str(old))
    store.load(nquads(source).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return old


def test_store_of_an_older_graphkit_is_read_then_upgraded(tmp_path):
    from graphkit.query import ask, open_graph, run_query

    new = tmp_path / "new"
    build_into([str(SEEDS)], new, jobs=1)
    old = _older_store(tmp_path, new)
    with GraphStore(old, read_only=True) as s:
        assert not s.has_merge
        assert s.nquads() == nquads(new) and len(s) == len(nquads(new).splitlines())
        assert s.ntriples_flat() == GraphStore(new, read_only=True).ntriples_flat()
    q = "SELECT DISTINCT ?p WHERE { ?p a gk:Person } ORDER BY ?p"
    persons = run_query(open_graph(old, in_memory=False), q).dicts()  # Oxigraph's union of the graphs
    assert run_query(open_graph(new), q).dicts() == persons and persons
    export(old, tmp_path / "old.nq")
    export(new, tmp_path / "new.nq")
    assert (tmp_path / "old.nq").read_bytes() == (tmp_path / "new.nq").read_bytes()
    copied, in_place = open_graph(old), open_graph(new)
    assert copied.in_memory and not in_place.in_memory
    assert ask(copied, "career", person="Truong Thi Mai").rows == ask(in_place, "career", person="Truong Thi Mai").rows
    del copied, in_place

    r = cli("query", old, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert r.exit_code == 0 and f"graphkit upgrade {old}" in r.output
    r = cli("upgrade", old)
    assert r.exit_code == 0 and "added the merged default graph" in r.output, r.output
    assert default_and_merge(old) == default_and_merge(new)
    assert nquads(old) == nquads(new)
    r = cli("upgrade", old)
    assert r.exit_code == 0 and "up to date" in r.output
    assert not open_graph(old).in_memory


def test_building_into_an_older_store_adds_the_merge(tmp_path):
    new = tmp_path / "new"
    build_into([str(A)], new, jobs=1)
    old = _older_store(tmp_path, new)
    build_into([str(B)], old, jobs=1)
    build_into([str(A), str(B)], new, jobs=1)
    default, merge = default_and_merge(old)
    assert default == merge and nquads(old) == nquads(new)


def _without_name_keys(tmp_path, source: Path, name: str) -> Path:
    """A copy of a store as graphkit wrote them before the name keys (``gk:nameKey``)."""
    import shutil

    import pyoxigraph as ox

    old = tmp_path / name
    shutil.copytree(source, old)
    store = ox.Store(str(old))
    store.update("PREFIX gk: <https://w3id.org/graphkit/ontology#> "
                 "DELETE WHERE { GRAPH ?g { ?s gk:nameKey ?k } } ; DELETE WHERE { ?s gk:nameKey ?k }")
    store.flush()
    del store
    return old


def test_a_store_without_name_keys_answers_then_gets_them(tmp_path):
    """The questions still find the persons of a store without keys (reading every label); a build into it,
    or 'graphkit upgrade', gives every person and post its keys, as a fresh build writes them."""
    from graphkit.kg.store import store_has_name_keys
    from graphkit.query import ask, open_graph

    new = tmp_path / "new"
    build_into([str(A)], new, jobs=1)
    old = _without_name_keys(tmp_path, new, "old")
    with GraphStore(old, read_only=True) as s:
        assert not store_has_name_keys(s.oxigraph) and "nameKey" not in s.nquads()
    for person in ("Truong Thi Mai", "Nguyễn Quang Dương", "duong van thai"):
        found = ask(open_graph(old), "career", person=person).rows
        assert found and found == ask(open_graph(new), "career", person=person).rows
    r = cli("upgrade", old)
    assert r.exit_code == 0 and "added the name keys" in r.output, r.output
    assert nquads(old) == nquads(new) and default_and_merge(old) == default_and_merge(new)
    r = cli("upgrade", old)
    assert r.exit_code == 0 and "up to date" in r.output

    older = _without_name_keys(tmp_path, new, "older")
    build_into([str(B)], older, jobs=1)
    build_into([str(A), str(B)], new, jobs=1)
    assert nquads(older) == nquads(new) and default_and_merge(older) == default_and_merge(new)


def test_export_nt_is_the_merged_default_graph(tmp_path):
    """.nt is written from the default graph; it is the same file as flattening the named graphs."""
    st = tmp_path / "st"
    build_into([str(A), str(B)], st, jobs=1)
    out = export(st, tmp_path / "g.nt")
    flat = sorted({ln.rsplit(" ", 2)[0] + " ." for ln in nquads(st).splitlines()})
    assert out.read_text(encoding="utf-8") == "".join(f"{ln}\n" for ln in flat)


# --- crash safety ------------------------------------------------------------------------------

_KILLED_BUILD = """
import sys
from graphkit.pipeline import build_into
def tick(p):
    print(p.done, flush=True)
build_into([sys.argv[1]], sys.argv[2], jobs=2, chunk_size=4, on_progress=tick)
print("finished", flush=True)
"""


def _many_articles(path: Path, copies: int) -> list[str]:
    """A corpus of the seeds repeated under distinct ids."""
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for f in SEED_FILES:
                aid = f"{f.stem}-{i}"
                ids.append(aid)
                fh.write(json.dumps({"id": aid, "text": f.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    return ids


def _counting_loads(monkeypatch) -> list[int]:
    """The bulk loads of new stores (the N-Quads lines of each)."""
    import graphkit.kg.store as store_module

    loads: list[int] = []
    real = store_module.GraphStore._bulk_load

    def counting(self, data):
        loads.append(data.count(b"\n"))
        return real(self, data)

    monkeypatch.setattr(store_module.GraphStore, "_bulk_load", counting)
    return loads


def test_a_new_store_is_loaded_in_three_pieces(tmp_path, monkeypatch):
    """A new store is bulk-loaded when 50% and 85% of the input is written, and the rest at the end (from a
    fourth load on, RocksDB compacts); a piece over the size bound is loaded at once; what is written is
    the same either way."""
    import graphkit.kg.store as store_module

    corpus = tmp_path / "many.jsonl"
    _many_articles(corpus, 8)  # 40 articles: chunks of 4 end at 10%, 20%, … of the input
    loads = _counting_loads(monkeypatch)
    build_into([str(corpus)], tmp_path / "planned", jobs=1, chunk_size=4)
    assert len(loads) == 3 and loads[0] > loads[2] > 0  # at 50%, 90% (the first chunk past 85%), the end
    loads.clear()
    monkeypatch.setattr(store_module, "_BULK_PIECE_MAX", 1)
    build_into([str(corpus)], tmp_path / "capped", jobs=1, chunk_size=4)
    assert len(loads) == 11  # the places graph, then every chunk: each is over the bound
    assert nquads(tmp_path / "planned") == nquads(tmp_path / "capped")


def test_the_last_load_of_a_new_store_in_parts_at_once(tmp_path, monkeypatch):
    """The rest of a new store is loaded in parts at once (each its own thread) when the cores are free:
    the same store as one load."""
    corpus = tmp_path / "many.jsonl"
    _many_articles(corpus, 2)
    loads = _counting_loads(monkeypatch)
    build_into([str(corpus)], tmp_path / "one", jobs=1, chunk_size=100, resolve=False)
    assert len(loads) == 1
    whole = loads.pop()
    with new_store(tmp_path / "three") as gs:
        write_places(gs)
        from graphkit.pipeline import _extract_chunk

        items = list(iter_articles([str(corpus)]))
        gs.put_graphs([(g, nt) for _a, _s, g, nt, _m in _extract_chunk(items)])
        gs.finish_appends(3)
    assert len(loads) == 3 and sum(loads) == whole and min(loads) > 0
    assert nquads(tmp_path / "one") == nquads(tmp_path / "three")


def test_a_new_store_forgets_the_lines_it_wrote_past_a_bound(tmp_path, monkeypatch):
    """A store being made remembers the default-graph lines it wrote, up to a bound: past it, a triple
    may be loaded again, and is still stored once."""
    import graphkit.kg.store as store_module

    monkeypatch.setattr(store_module, "_BULK_PIECE_MAX", 1)  # a load per chunk: lines written again go to new loads
    monkeypatch.setattr(store_module, "_SEEN_LINES", 3)
    build_into([str(SEEDS)], tmp_path / "st", jobs=1, chunk_size=1)
    default, merge = default_and_merge(tmp_path / "st")
    assert default == merge
    with GraphStore(tmp_path / "st", read_only=True) as s:
        assert s.triple_count() == len(merge)


def test_a_new_store_of_an_input_of_no_size_is_loaded_by_size(tmp_path, monkeypatch):
    import graphkit.kg.store as store_module
    from graphkit.ingest.readers import ReadPosition

    corpus = tmp_path / "many.jsonl"
    _many_articles(corpus, 8)
    loads = _counting_loads(monkeypatch)
    monkeypatch.setattr(ReadPosition, "share", property(lambda self: None))
    monkeypatch.setattr(store_module, "_BULK_LINES", 1)
    build_into([str(corpus)], tmp_path / "st", jobs=1, chunk_size=4)
    assert len(loads) == 10  # every chunk (the first with the places graph)
    with GraphStore(tmp_path / "st", read_only=True) as s:
        assert len(s.article_graphs()) == 40 == s.article_graph_count()


def _kill_build_midway(corpus: Path, st: Path, after: int) -> None:
    """Run a build of ``corpus`` into ``st`` and kill -9 it (and its workers) once ``after`` articles are done."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_BUILD, str(corpus), str(st)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        for line in proc.stdout:
            if line.startswith("finished"):
                pytest.fail("the build finished before it could be killed; make the corpus bigger")
            if int(line) >= after or time.monotonic() > deadline:
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, mid-write
        proc.wait()


def test_sigkill_midway_of_a_new_store_leaves_no_store(tmp_path):
    """A new store is made in a staging directory and moved into place at the end: a killed build
    leaves nothing at STORE, and the next build clears the staging directory it left."""
    corpus = tmp_path / "many.jsonl"
    ids = _many_articles(corpus, 16)
    st = tmp_path / "st"
    _kill_build_midway(corpus, st, 24)
    assert not st.exists()
    assert [p.name for p in tmp_path.glob(".st.building-*")]  # what the killed build was writing
    build_into([str(corpus)], st, jobs=2)
    assert not list(tmp_path.glob(".st.building-*"))
    with GraphStore(st, read_only=True) as s:
        assert len(s.article_graphs()) == len(ids)


def test_a_failing_new_store_build_leaves_no_store(tmp_path, monkeypatch):
    from graphkit import pipeline

    def boom(items, with_mentions=False):
        raise RuntimeError("extraction failed")

    monkeypatch.setattr(pipeline, "_extract_chunk", boom)
    with pytest.raises(RuntimeError):
        build_into([str(A)], tmp_path / "st", jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _iri_of(path: Path) -> str:
    from graphkit.ingest import iter_articles
    from graphkit.kg.ids import article_iri

    return article_iri(next(iter(iter_articles([str(path)]))).id)


def test_sigkill_midway_leaves_whole_articles_only(tmp_path):
    """Adding to an existing store: each chunk of whole articles is one transaction."""
    corpus = tmp_path / "many.jsonl"
    ids = _many_articles(corpus, 16)
    st = tmp_path / "st"
    build_into([str(A)], st, jobs=1)
    _kill_build_midway(corpus, st, 24)
    with GraphStore(st) as s:  # opens fine, for writing too
        graphs = [g for g in s.article_graphs() if g != _iri_of(A)]
        present = {g: s.nquads(g) for g in graphs}
    assert 24 <= len(present) < len(ids)
    default, merge = default_and_merge(st)
    assert default == merge  # the default graph holds the merge of exactly the articles written
    # every article graph present is the whole graph of a fresh extraction of that article
    from graphkit.extract.article import extract
    from graphkit.ingest import iter_articles
    from graphkit.kg.build import article_quads
    from graphkit.kg.ids import article_iri

    wanted = [a for a in iter_articles([str(corpus)]) if article_iri(a.id) in present]
    assert len(wanted) == len(present)
    with GraphStore(tmp_path / "fresh", create=True) as f:
        for article in wanted:
            f.put_quads(article_quads(extract(article)))
        for g, text in present.items():
            assert text == f.nquads(g), g
    # and the interrupted store can be finished by running the build again
    build_into([str(corpus)], st, jobs=2)
    with GraphStore(st, read_only=True) as s:
        assert len(s.article_graphs()) == len(ids) + 1  # and the first build's article
        assert s.article_graph_count() == len(ids) + 1


# --- CLI -----------------------------------------------------------------------------------------

def cli(*args):
    from graphkit.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def test_cli_build_into_and_export(tmp_path):
    st = tmp_path / "st"
    r = cli("build", A, B, "--into", st, "--jobs", 1)
    assert r.exit_code == 0, r.output
    assert "2 article(s) (2 new, 0 replaced)" in r.output
    r = cli("build", B, "--into", st, "-j", 1)
    assert r.exit_code == 0 and "(0 new, 1 replaced)" in r.output
    r = cli("export", st, "--out", tmp_path / "g.nq")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "g.nq").read_text(encoding="utf-8") == nquads(st)


def test_cli_build_out_still_works(tmp_path):
    r = cli("build", A, "--out", tmp_path / "g.trig", "-q")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "g.trig").exists()


def test_cli_out_and_into_are_exclusive(tmp_path):
    r = cli("build", A, "--out", tmp_path / "g.nq", "--into", tmp_path / "st")
    assert r.exit_code == 2 and "either --out FILE or --into STORE_DIR" in r.output
    assert not (tmp_path / "st").exists()


def test_cli_export_errors_are_one_line(tmp_path):
    r = cli("export", tmp_path / "nope", "--out", tmp_path / "g.nq")
    assert r.exit_code == 2
    assert r.output.strip().startswith("graphkit: ") and "--into" in r.output and "Traceback" not in r.output


def test_store_in_a_new_nested_directory(tmp_path):
    """--into out/stores/new/ works in a fresh checkout where out/ does not exist yet."""
    with GraphStore(tmp_path / "out" / "stores" / "new", create=True) as st:
        assert len(st) == 0
    assert is_store(tmp_path / "out" / "stores" / "new")


def test_docs_describe_every_command_and_option():
    """docs/stores.md and docs/performance.md document what the store adds."""
    doc = "".join((REPO / "docs" / name).read_text(encoding="utf-8") for name in ("stores.md", "performance.md"))
    for needle in ("graphkit build", "--into", "--jobs", "graphkit export", "--out", "graphkit timeline", "--sources",
                   "graphkit who-held", "--on", "gk:possiblySame", "benchmarks/build_corpus.py"):
        assert needle in doc, needle


def _ctrl_c_build(corpus: Path, st: Path, wait_for) -> tuple[int, str]:
    """Run 'graphkit build CORPUS --into ST', press Ctrl-C once ``wait_for()`` holds; (exit code, stderr)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", "from graphkit.cli import app; app()", "build", str(corpus),
                             "--into", str(st), "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while not wait_for() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground process group
    _out, errs = proc.communicate(timeout=60)
    if proc.returncode == 0 or "article(s) (" in errs:
        # the build finished (possibly with the signal arriving during interpreter shutdown)
        pytest.skip("the build finished before Ctrl-C")
    return proc.returncode, errs


def test_ctrl_c_stops_cleanly_and_leaves_whole_articles(tmp_path):
    corpus = tmp_path / "many.jsonl"
    ids = _many_articles(corpus, 64)
    st = tmp_path / "st"
    build_into([str(A)], st, jobs=1)  # an existing store: chunks of whole articles are written as they come

    def some_written():
        with GraphStore(st, read_only=True) as s:
            return len(s.article_graphs()) > 1

    code, errs = _ctrl_c_build(corpus, st, some_written)
    assert code == 130, errs
    assert "interrupted after" in errs and "whole articles only" in errs and "Traceback" not in errs
    with GraphStore(st) as s:
        assert 1 < len(s.article_graphs()) < len(ids) + 1


def test_ctrl_c_of_a_new_store_leaves_nothing(tmp_path):
    corpus = tmp_path / "many.jsonl"
    _many_articles(corpus, 64)
    st = tmp_path / "st"
    code, errs = _ctrl_c_build(corpus, st, lambda: bool(list(tmp_path.glob(".st.building-*/CURRENT"))))
    assert code == 130, errs
    assert "interrupted after" in errs and "nothing was written" in errs and "Traceback" not in errs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]
