"""``gk:nameKey``: the folded key of each name of a person or a post, written with the article graph.

The questions find a person or a post by an exact lookup of the typed name's key instead of
reading every label (see :mod:`graphkit.query.catalog`), so every person and post carries the key
of its label and of each of its other spellings, in every article graph that names it, whatever
the engine, and a person renamed by resolution keeps the key of its name.
"""
from __future__ import annotations

import datetime as dt

import pytest

from graphkit.kg.build import NAME_KEY, article_graph
from graphkit.kg.ids import name_key, person_iri, post_iri


@pytest.mark.parametrize("name, key", [
    # tones and vowel marks (every Vietnamese vowel letter folds to its base)
    ("Nguyễn Xuân Phúc", "nguyen xuan phuc"),
    ("Trương Thị Mai", "truong thi mai"),
    ("Võ Văn Thưởng", "vo van thuong"),
    ("Lê Văn Dũng", "le van dung"),
    ("Lê Văn Dung", "le van dung"),  # another person, the same key: the questions' pattern tells them apart
    ("ắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ", "aaaaaaaaaaeeeeeeeeeeiiiiiooooooooooooooouuuuuuuuuuyyyyy"),
    # đ → d, in both cases
    ("Đinh La Thăng", "dinh la thang"),
    ("Đặng Thị Ngọc Thịnh", "dang thi ngoc thinh"),
    ("Bùi Văn Đức", "bui van duc"),
    # case
    ("ĐẶNG THỊ NGỌC THỊNH", "dang thi ngoc thinh"),
    ("nguyễn xuân phúc", "nguyen xuan phuc"),
    # spaces: trimmed, runs of spaces (tabs, no-break spaces) as one
    ("  Trần   Văn\tTúy ", "tran van tuy"),
    ("Trần\u00a0Văn Túy", "tran van tuy"),
    # old and new tone placement, composed and decomposed (NFD) letters
    ("Trần Văn Tuý", "tran van tuy"),
    ("Nguye\u0302\u0303n Xua\u0302n Phu\u0301c", "nguyen xuan phuc"),
    # posts: the whole label, its punctuation kept
    ("Bí thư Tỉnh ủy Bắc Giang", "bi thu tinh uy bac giang"),
    ("Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương", "chu tich hoi dong thi dua - khen thuong trung uong"),
    # names of ethnic minorities and foreign names keep their letters
    ("Y Thanh Hà Niê Kđăm", "y thanh ha nie kdam"),
    ("H'Hen Niê", "h'hen nie"),
])
def test_name_key_folds(name, key):
    assert name_key(name) == key


def _keys(graph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s, p, o in graph.triples:
        if p == NAME_KEY:
            out.setdefault(s, []).append(o.value)
    return out


def _article(**kw):
    from graphkit.extract.facts import ArticleFacts
    from graphkit.ingest.article import Article

    return ArticleFacts(Article("x1", "", "x1.txt", title="x1", date=dt.date(2017, 5, 1)), **kw)


def test_persons_and_posts_get_the_key_of_each_name():
    from graphkit.extract.facts import Body, Evidence, Holding, Mention, Post

    ev = Evidence("Đồng chí Trần Văn Túy, Phó Trưởng Ban Tổ chức Trung ương.", 0, 10)
    post = Post("Phó Trưởng Ban Tổ chức Trung ương", "Phó Trưởng Ban",
                Body("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương", "central", None),
                ("Phó Trưởng Ban Tổ chức T.Ư", "Phó trưởng ban Tổ chức Trung ương"))
    g = article_graph(_article(
        persons=[Mention("Trần Văn Túy", ("Trần Văn Tuý", "TRẦN VĂN TÚY"), ev)],
        holdings=[Holding("Trần Văn Túy", post, evidence=ev), Holding("Lê Vĩnh Tân", post, evidence=ev)],
    ))
    keys = _keys(g)
    # the spellings that fold alike give one key; each key once, sorted
    assert keys[person_iri("Trần Văn Túy")] == ["tran van tuy"]
    # a person named only by a holding (no mention) has its key too
    assert keys[person_iri("Lê Vĩnh Tân")] == ["le vinh tan"]
    assert keys[post_iri("Phó Trưởng Ban Tổ chức Trung ương")] == [
        "pho truong ban to chuc t.u", "pho truong ban to chuc trung uong"]
    # only persons and posts: not articles, bodies, tenures or assertions
    assert set(keys) == {person_iri("Trần Văn Túy"), person_iri("Lê Vĩnh Tân"), post_iri("Phó Trưởng Ban Tổ chức Trung ương")}


def test_the_seed_graph_keys_every_person_and_post_deterministically(seed_facts):
    facts = list(seed_facts.facts())
    first = [article_graph(f).ntriples() for f in facts]
    assert first == [article_graph(f).ntriples() for f in facts]  # byte-identical
    seen = 0
    for f in facts:
        g = article_graph(f)
        keys = _keys(g)
        typed = {s for s, p, o in g.triples if p.endswith("#type") and o.value.endswith(("#Person", "#Post"))}
        assert set(keys) == typed
        seen += len(typed)
        labels = {}
        for s, p, o in g.triples:
            if s in typed and p.endswith(("#label", "#altLabel")):
                labels.setdefault(s, set()).add(name_key(o.value))
        assert {s: set(k) for s, k in keys.items()} == labels
    assert seen > 30


def test_resolution_renames_keep_the_key_of_the_name(tmp_path):
    """Namesakes kept apart (Nguyễn Văn Hùng of Quảng Trị and of Long An) each carry the name's key."""
    from graphkit.kg.resolve import person_iri_in
    from graphkit.pipeline import build_into
    from graphkit.query import open_graph, run_query
    from tests import DATA

    r = build_into([str(DATA / "resolve-2017.jsonl")], tmp_path / "st", jobs=1)
    assert r.ok and r.renamed
    g = open_graph(tmp_path / "st")
    hung = person_iri("Nguyễn Văn Hùng")
    rows = run_query(g, 'SELECT ?h WHERE { ?h gk:nameKey "nguyen van hung" }').rows
    assert {row[0].value for row in rows} == {person_iri_in(hung, "https://w3id.org/graphkit/id/place/quang-tri"),
                                            person_iri_in(hung, "https://w3id.org/graphkit/id/place/long-an")}
    # in the article graphs too, where each renamed person is stated
    rows = run_query(g, 'SELECT DISTINCT ?h WHERE { GRAPH ?a { ?h a gk:Person ; rdfs:label "Nguyễn Văn Hùng" '
                        'FILTER NOT EXISTS { ?h gk:nameKey "nguyen van hung" } } }').rows
    assert rows == []


@pytest.mark.parametrize("name", ["Nguyễn Xuân Phúc", "ĐỖ MƯỜI", "Lò Văn Hặc", "STRAẞE", "ſaint", "Σίσυφος", "习近平",
                                  "x\u0303y\u0303", "Ñandú", "İstanbul", "ǅorđe", "Phạm Minh Chính\u00a0 "])
def test_the_quick_fold_of_vietnamese_letters_is_the_fold(name):
    """Vietnamese letters go through a translation table; anything else through the general fold: the same keys."""
    from graphkit.nlp.normalize import fold, nfc

    assert name_key(name) == " ".join(fold(nfc(name)).casefold().split())
