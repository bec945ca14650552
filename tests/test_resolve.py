"""Resolving persons across articles: same name, same person — or namesakes kept apart.

The articles in ``tests/data/resolve-2017.jsonl`` are from ``../shared/corpus`` (2017): six outlets on
Nguyễn Thiện Nhân, the new Bí thư Thành ủy of Thành phố Hồ Chí Minh (one person), three on
Nguyễn Văn Hùng, Bí thư Tỉnh ủy Quảng Trị, and one on another Nguyễn Văn Hùng, Giám đốc Sở Xây
dựng tỉnh Long An (namesakes, kept apart).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graphkit.kg.ids import article_iri, person_iri
from graphkit.kg.resolve import RESOLUTION_GRAPH, Mention, person_iri_in, resolve
from graphkit.kg.store import GraphStore
from graphkit.pipeline import build, build_into

DATA = Path(__file__).resolve().parent / "data" / "resolve-2017.jsonl"
QUANG_TRI = ["22400508", "22401157", "22402657"]
LONG_AN = "22474602"
NHAN = ["22229320", "22229845", "22232170", "22235988", "22237003", "22241432"]
HUNG = person_iri("Nguyễn Văn Hùng")
HUNG_QT = person_iri_in(HUNG, "https://w3id.org/graphkit/id/place/quang-tri")
HUNG_LA = person_iri_in(HUNG, "https://w3id.org/graphkit/id/place/long-an")


def subset(tmp_path: Path, ids: list[str], name: str = "part") -> Path:
    out = tmp_path / f"{name}.jsonl"
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if json.loads(ln)["id"] in ids]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("resolve") / "st"
    r = build_into([str(DATA)], path, jobs=1)
    assert r.ok and len(r.articles) == 11
    with GraphStore(path, read_only=True) as s:
        yield s


def rows(store, q):
    sols = store.query(q)
    names = [v.value for v in sols.variables]
    return [{k: (sol[k].value if sol[k] is not None else None) for k in names} for sol in sols]


def test_namesakes_in_different_provinces_stay_apart(store):
    got = {(r["g"], r["a"]) for r in rows(store, "SELECT ?g ?a WHERE { GRAPH ?g { ?a a gk:Person ; rdfs:label 'Nguyễn Văn Hùng' } }")}
    assert got == {(article_iri(a), HUNG_QT) for a in QUANG_TRI} | {(article_iri(LONG_AN), HUNG_LA)}
    holds = rows(store, f"SELECT DISTINCT ?a ?b WHERE {{ VALUES ?a {{ <{HUNG_QT}> <{HUNG_LA}> }} ?a gk:holds ?p . ?p rdfs:label ?b }}")
    assert sorted((r["a"], r["b"]) for r in holds) == [(HUNG_LA, "Giám đốc Sở Xây dựng tỉnh Long An"),
                                                        (HUNG_QT, "Bí thư Tỉnh ủy Quảng Trị")]


def test_possibly_same_with_evidence_never_same_as(store):
    links = rows(store, "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a gk:possiblySame ?b } }")
    assert links == [{"a": HUNG_LA, "b": HUNG_QT, "g": RESOLUTION_GRAPH}]
    (ev,) = rows(store, f"SELECT ?e WHERE {{ ?x rdf:subject <{HUNG_LA}> ; rdf:predicate gk:possiblySame ; "
                        f"rdf:object <{HUNG_QT}> ; gk:evidence ?e ; a gk:Assertion }}")
    text = ev["e"]
    assert "Giám đốc Sở Xây dựng tỉnh Long An" in text and "Bí thư Tỉnh ủy Quảng Trị" in text
    assert LONG_AN in text and all(a in text for a in QUANG_TRI)
    srcs = {r["a"] for r in rows(store, f"SELECT ?a WHERE {{ ?x rdf:subject <{HUNG_LA}> ; prov:wasDerivedFrom ?a }}")}
    assert srcs == {article_iri(a) for a in QUANG_TRI + [LONG_AN]}
    assert not bool(store.query("ASK { ?a owl:sameAs ?b }"))


def test_same_person_across_outlets_is_one_node(store):
    nhan = person_iri("Nguyễn Thiện Nhân")
    nodes = {(r["g"], r["a"]) for r in rows(store, "SELECT ?g ?a WHERE { GRAPH ?g { ?a a gk:Person ; rdfs:label 'Nguyễn Thiện Nhân' } }")}
    assert {g for g, _ in nodes} >= {article_iri(a) for a in NHAN} and {a for _, a in nodes} == {nhan}
    graphs = {r["g"] for r in rows(store, f"""SELECT ?g WHERE {{ GRAPH ?g {{ <{nhan}> gk:holds ?p . ?p rdfs:label
               "Bí thư Thành ủy Thành phố Hồ Chí Minh" }} }}""")}
    assert {article_iri(a) for a in ["22235988", "22237003", "22241432"]} <= graphs


def test_provenance_survives(store):
    """Each article graph still says what that article reported: label, post, tenure, evidence sentence."""
    g = article_iri(LONG_AN)
    (r,) = rows(store, f"""SELECT ?a ?e WHERE {{ GRAPH <{g}> {{ ?a rdfs:label "Nguyễn Văn Hùng" .
                ?t gk:holder ?a ; gk:evidence ?e ; prov:wasDerivedFrom <{g}> }} }}""")
    assert r["a"] == HUNG_LA and "Nguyễn Văn Hùng" in r["e"]
    for a in QUANG_TRI:  # the assertion nodes point at the resolved person
        subj = rows(store, f"SELECT ?a WHERE {{ GRAPH <{article_iri(a)}> {{ ?x rdf:predicate gk:holds ; rdf:subject ?a }} }}")
        assert {"a": HUNG_QT} in subj


def without_sources(nq: str) -> str:
    """N-Quads without gk:source (the input file's path, which differs between the subsets)."""
    return "".join(ln + "\n" for ln in nq.splitlines() if "/ontology#source> " not in ln)


def test_incremental_equals_fresh_whatever_the_order(tmp_path, store):
    fresh = without_sources(store.nquads())
    qt_first = tmp_path / "qt-first"
    build_into([str(subset(tmp_path, NHAN + QUANG_TRI, "a"))], qt_first, jobs=1)
    with GraphStore(qt_first, read_only=True) as s:  # no namesake yet: one Hùng, by name
        assert {r["a"] for r in rows(s, "SELECT DISTINCT ?a WHERE { ?a rdfs:label 'Nguyễn Văn Hùng' }")} == {HUNG}
    build_into([str(subset(tmp_path, [LONG_AN], "b"))], qt_first, jobs=1)
    la_first = tmp_path / "la-first"
    build_into([str(subset(tmp_path, [LONG_AN, "22229654"], "c"))], la_first, jobs=1)
    build_into([str(DATA)], la_first, jobs=2)  # every article again (replaced), in parallel
    with GraphStore(la_first, read_only=True) as s:
        assert s.nquads() == store.nquads()  # same input file: byte-identical
    build_into([str(subset(tmp_path, ["22229654"], "d"))], qt_first, jobs=1)
    with GraphStore(qt_first, read_only=True) as s:
        assert without_sources(s.nquads()) == fresh


def test_in_memory_build_resolves_the_same(store):
    from graphkit.kg.build import PLACES_GRAPH
    from graphkit.kg.serialize import dumps

    mem = dumps(build([str(DATA)]).dataset, "nquads")
    in_store = "".join(ln + "\n" for ln in store.nquads().splitlines() if not ln.endswith(f"<{PLACES_GRAPH}> ."))
    assert mem == in_store


# --- the rules, on hand-made mentions ---------------------------------------------------------

P = "https://w3id.org/graphkit/id/place/"


def m(graph, provinces=(), posts=(), date=None, name="Nguyễn Văn A"):
    return Mention(f"g/{graph}", person_iri(name), name, date, {P + p for p in provinces}, set(posts),
                   set(posts) if provinces else set())


def targets(ms, **kw):
    r = resolve(ms, **kw)
    return {g.split("/")[1]: iri.rsplit("/", 1)[-1] if iri != person_iri("Nguyễn Văn A") else "plain"
            for (g, _), iri in r.targets.items()}, r


def test_same_province_is_one_person():
    t, r = targets([m(1, ["ha-noi"], ["Bí thư Quận ủy Ba Đình"]), m(2, ["ha-noi"], ["Chủ tịch X"])])
    assert set(t.values()) == {"plain"} and not r.links


def test_different_provinces_undated_or_overlapping_are_kept_apart():
    for d1, d2 in [(None, None), (dt.date(2017, 1, 1), dt.date(2017, 3, 1)), (dt.date(2017, 1, 1), None)]:
        t, r = targets([m(1, ["ha-noi"], ["X Hà Nội"], d1), m(2, ["hai-phong"], ["Y Hải Phòng"], d2)])
        assert t == {"1": "ha-noi", "2": "hai-phong"} and len(r.links) == 1


def test_far_apart_dates_are_one_person_who_moved():
    t, r = targets([m(1, ["ha-noi"], ["X"], dt.date(2010, 1, 1)), m(2, ["hai-phong"], ["Y"], dt.date(2017, 1, 1))])
    assert set(t.values()) == {"plain"} and not r.links


def test_mentions_without_a_province_join_the_group_sharing_a_post():
    t, r = targets([m(1, ["ha-noi"], ["Bí thư Thành ủy Hà Nội", "Ủy viên Bộ Chính trị"]),
                    m(2, ["hai-phong"], ["Giám đốc Sở Y tế thành phố Hải Phòng"]),
                    m(3, [], ["Ủy viên Bộ Chính trị"]), m(4, [], [])])
    assert t == {"1": "ha-noi", "2": "hai-phong", "3": "ha-noi", "4": "plain"}
    pairs = {(a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]) for a, b, _e, _s in r.links}
    assert ("ha-noi", "hai-phong") in pairs and len(pairs) == 3  # and the unattributed node, possibly either


def test_resolution_does_not_depend_on_order():
    ms = [m(i, [p], [f"post {i}"]) for i, p in enumerate(["ha-noi", "hai-phong", "ha-noi", "nghe-an"])]
    a, b = resolve(ms), resolve(list(reversed(ms)))
    assert a.targets == b.targets and sorted(a.links) == sorted(b.links)


# --- a new store's mentions come from the workers: they must be what the store query reads ---------

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _both_ways(tmp_path: Path, inputs: list[str]) -> tuple[list, list]:
    """The mentions :func:`mentions` reads from a store of ``inputs``, and those :func:`mentions_in`
    reads from each article's quads, in the same order."""
    from graphkit.ingest import iter_articles
    from graphkit.kg.build import article_quads
    from graphkit.kg.resolve import mentions, mentions_in
    from graphkit.pipeline import extract_all

    build_into(inputs, tmp_path / "st", jobs=1, resolve=False)
    with GraphStore(tmp_path / "st", read_only=True) as s:
        want = mentions(s)
    got = []
    for facts in extract_all(iter_articles(inputs)):
        if hasattr(facts, "article"):
            quads = article_quads(facts)
            got += mentions_in(str(quads[0][3]), quads)
    return sorted(got, key=lambda m: (m.name, m.graph, m.iri)), want


def test_mentions_in_memory_are_the_store_query(tmp_path):
    got, want = _both_ways(tmp_path, [str(DATA), str(SEEDS)])
    assert got == want
    assert len(want) > 20 and any(m.provinces for m in want) and any(m.posts - m.place_posts for m in want)
    assert any(m.date for m in want)


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus/baomoi-2017.jsonl.gz (not in a user's clone)")
def test_mentions_in_memory_are_the_store_query_on_corpus_articles(tmp_path):
    import gzip

    part = tmp_path / "part.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        part.write_text("".join(line for _i, line in zip(range(1500), src)), encoding="utf-8")
    got, want = _both_ways(tmp_path, [str(part)])
    assert got == want
    assert len(want) > 500


def test_a_new_store_resolves_as_an_existing_one(tmp_path):
    """New store: mentions from the workers; existing store: read back from it. Same store."""
    a, b = subset(tmp_path, QUANG_TRI[:2] + NHAN[:3], "a"), subset(tmp_path, [LONG_AN, QUANG_TRI[2]] + NHAN[3:], "b")
    build_into([str(a), str(b)], tmp_path / "one", jobs=1)
    build_into([str(a)], tmp_path / "two", jobs=1)
    build_into([str(b)], tmp_path / "two", jobs=1)
    with GraphStore(tmp_path / "one", read_only=True) as one, GraphStore(tmp_path / "two", read_only=True) as two:
        assert one.nquads() == two.nquads()
        assert HUNG_LA in one.nquads()


@pytest.mark.parametrize("keep", [0, 4000])
def test_a_new_store_renames_from_the_texts_it_kept_as_from_the_store(tmp_path, monkeypatch, keep):
    """A new store's build keeps the N-Triples of its graphs with persons (up to a bound) to rename them
    without reading them back: the same store whether all, some or none were kept."""
    from graphkit import pipeline

    everything = build_into([str(DATA)], tmp_path / "kept", jobs=1)
    assert everything.renamed  # there is something to rename
    monkeypatch.setattr(pipeline, "_KEEP_BYTES", keep)
    bounded = build_into([str(DATA)], tmp_path / "bounded", jobs=1)
    assert bounded.renamed == everything.renamed
    with GraphStore(tmp_path / "kept", read_only=True) as a, GraphStore(tmp_path / "bounded", read_only=True) as b:
        assert a.nquads() == b.nquads() and a.ntriples_flat() == b.ntriples_flat()


@pytest.mark.parametrize("posts_1, posts_2, apart", [
    # a minister and a province's chairman of one name, at overlapping dates: two persons (corpus 2017:
    # 'Phạm Hồng Hà', Bộ trưởng Bộ Xây dựng, and 'Phạm Hồng Hà', Chủ tịch UBND thành phố Nam Định)
    (["Bộ trưởng Bộ Xây dựng"], ["Chủ tịch Ủy ban nhân dân tỉnh Nam Định"], True),
    # membership posts go with any post
    (["Ủy viên Ban Chấp hành Trung ương Đảng"], ["Bí thư Tỉnh ủy Nam Định"], False),
    # a post shared with the province's group
    (["Bộ trưởng Bộ Xây dựng", "Ủy viên Ban Chấp hành Trung ương Đảng"],
     ["Chủ tịch Ủy ban nhân dân tỉnh Nam Định", "Ủy viên Ban Chấp hành Trung ương Đảng"], False),
])
def test_central_and_provincial_full_time_posts_stay_apart(posts_1, posts_2, apart):
    from graphkit.kg.resolve import CENTRAL

    t, r = targets([m(1, [], posts_1, dt.date(2017, 3, 1)), m(2, ["nam-dinh"], posts_2, dt.date(2017, 4, 1))])
    if apart:
        assert t == {"1": CENTRAL, "2": "nam-dinh"} and len(r.links) == 1
        assert "possiblySame" not in r.links[0][2] and "Bộ trưởng Bộ Xây dựng" in r.links[0][2]
    else:
        assert set(t.values()) == {"plain"} and not r.links


def test_a_minister_who_became_a_chairman_years_later_is_one_person():
    t, r = targets([m(1, [], ["Bộ trưởng Bộ Xây dựng"], dt.date(2010, 1, 1)),
                    m(2, ["nam-dinh"], ["Chủ tịch Ủy ban nhân dân tỉnh Nam Định"], dt.date(2017, 1, 1))])
    assert set(t.values()) == {"plain"} and not r.links
