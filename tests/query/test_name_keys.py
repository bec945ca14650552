"""The questions find persons and posts by ``gk:nameKey``, then the name's pattern: the same answers
as matching the pattern against every label, accents typed or not, on a store and on a graph
written without keys (by a graphkit before them), with ``*`` in a name, and page by page."""
from __future__ import annotations

import re

import pytest
from tests import DATA, SEEDS

from graphkit.kg.ids import name_key
from graphkit.query import ask, open_graph, question
from graphkit.query.params import name_key_of, name_pattern


@pytest.mark.parametrize("typed, key", [
    ("Nguyen Xuan Phuc", "nguyen xuan phuc"),
    ("Nguyễn Xuân Phúc", "nguyen xuan phuc"),
    ("NGUYEN  XUAN   PHUC", "nguyen xuan phuc"),
    ("  dang thi ngoc thinh ", "dang thi ngoc thinh"),
    ("Tran Van Tuy", "tran van tuy"),
    ("Trần Văn Tuý", "tran van tuy"),  # old tone placement: the pattern matches Túy
    ("Bí thư Tỉnh uỷ Bắc Giang", "bi thu tinh uy bac giang"),
    ("Chủ tịch UBND tỉnh Nghệ An", "chu tich uy ban nhan dan tinh nghe an"),  # abbreviations expanded first
    ("Trưởng Ban Tổ chức T.Ư", "truong ban to chuc trung uong"),
    ("Nguyễn Xuân *", ""),  # a '*': no key (the question reads every label)
    ("*", ""),
])
def test_the_key_of_a_typed_name(typed, key):
    assert name_key_of(typed) == key


LABELS = ["Nguyễn Xuân Phúc", "Trương Thị Mai", "Lê Văn Dũng", "Lê Văn Dung", "Đặng Thị Ngọc Thịnh",
          "Trần Văn Túy", "Y Thanh Hà Niê Kđăm", "Bí thư Tỉnh ủy Bắc Giang", "Ủy viên Bộ Chính trị",
          "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An", "Trưởng Ban Tổ chức Trung ương"]


def _typings(label: str) -> list[str]:
    from graphkit.nlp.normalize import fold

    return [label, label.upper(), label.lower(), fold(label), fold(label).upper(), "  " + label.replace(" ", "   ") + " ",
            label.replace("ủy", "uỷ").replace("Túy", "Tuý")]


@pytest.mark.parametrize("label", LABELS)
def test_whatever_the_pattern_matches_has_the_typed_names_key(label):
    """The lookup by key loses nothing: every label a typed name's pattern matches has that name's key."""
    for typed in _typings(label):
        for other in LABELS:
            if re.search(name_pattern(typed), other, re.I):
                assert name_key(other) == name_key_of(typed), (typed, other)
        assert re.search(name_pattern(typed), label, re.I), typed


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """The seeds and the 2017 resolution articles: a store built with keys, and the same graph without them."""
    import pyoxigraph as ox

    from graphkit.pipeline import build_into

    tmp = tmp_path_factory.mktemp("keys")
    r = build_into([str(SEEDS), str(DATA / "resolve-2017.jsonl")], tmp / "store", jobs=1)
    assert r.ok
    keyed = open_graph(tmp / "store")
    assert not keyed.in_memory
    text = "\n".join(ln for ln in keyed.nquads().splitlines() if "ontology#nameKey>" not in ln)
    assert len(text) < len(keyed.nquads())
    (tmp / "old.nq").write_text(text + "\n", encoding="utf-8")
    old = open_graph(tmp / "old.nq")
    assert not ask(old, "career", person="*").rows == []
    assert not list(old.full_store().quads_for_pattern(None, ox.NamedNode("https://w3id.org/graphkit/ontology#nameKey"), None))
    return keyed, old


CASES = [
    ("career", {"person": "Truong Thi Mai"}),
    ("career", {"person": "TRƯƠNG THỊ MAI"}),
    ("career", {"person": "nguyen van hung"}),  # namesakes kept apart: both found
    ("career", {"person": "Le Van Dung"}),
    ("career", {"person": "Lê Văn Dung"}),  # diacritics typed must match: nobody
    ("career", {"person": "Trương Thị *"}),
    ("co-attendance", {"person": "truong thi mai"}),
    ("co-attendance", {"person": "Pham Minh Chinh"}),
    ("meetings", {"person": "pham minh chinh"}),
    ("meetings", {"person": "Phạm Minh Chính", "meeting": "Hội nghị *"}),
    ("meetings", {"meeting": "hoi nghi *"}),
    ("who-says", {"person": "Truong Thi Mai"}),
    ("who-says", {"person": "nguyen thien nhan", "post": "bi thu thanh uy *"}),
    ("who-says", {"person": "nguyen van hung", "post": "*"}),
    ("who-says", {"person": "Nguyễn *"}),
    ("post-holders", {"post": "truong ban to chuc trung uong"}),
    ("post-holders", {"post": "Trưởng ban Tổ chức T.Ư"}),
    ("post-holders", {"post": "Bi thu Tinh uy *"}),
    ("post-holder-on", {"post": "truong ban to chuc trung uong", "date": "2021-01-01"}),
]


@pytest.mark.parametrize("name, values", CASES, ids=lambda x: x if isinstance(x, str) else "-".join(x.values()))
def test_questions_by_key_answer_as_by_every_label(stores, name, values):
    keyed, old = stores
    got = ask(keyed, name, **values)
    assert got.rows == ask(old, name, **values).rows
    assert bool(got.rows) == (values.get("person") != "Lê Văn Dung"), "every other case finds something"


@pytest.mark.parametrize("name, person, column", [
    ("career", "Truong Thi Mai", "person"), ("co-attendance", "truong thi mai", "person"),
    ("who-says", "TRUONG THI MAI", "person"), ("meetings", "truong thi mai", "person"),
])
def test_a_person_found_by_the_unaccented_name(stores, name, person, column):
    keyed, _old = stores
    accented = ask(keyed, name, person="Trương Thị Mai")
    got = ask(keyed, name, person=person)
    assert got.rows == accented.rows and "Trương Thị Mai" in got.column(column)


def test_the_key_is_looked_up_not_every_label(stores):
    """The rendered query asks for the key: an index lookup, not a scan of every label."""
    text = question("career").render({"person": "Nguyen Xuan Phuc"})
    assert '?h gk:nameKey "nguyen xuan phuc"' in text
    assert 'FILTER("nguyen xuan phuc" = ""' in text


@pytest.mark.parametrize("name, values, unit, size", [
    ("who-says", {"person": "*", "post": "*"}, ("person", "relation", "post", "reportedOn", "article"), 5),  # reports
    ("meetings", {}, ("date", "meeting", "article"), 2),  # meetings, each with all its participants
])
def test_pages_put_together_are_the_whole_answer(stores, name, values, unit, size):
    keyed, _old = stores
    whole = ask(keyed, name, limit=10**6, **values)
    assert len({tuple(r[whole.vars.index(c)] for c in unit) for r in whole.rows}) > 2 * size
    pages = []
    for offset in range(0, len(whole.rows) + size, size):
        page = ask(keyed, name, limit=size, offset=offset, **values)
        assert len({tuple(r[page.vars.index(c)] for c in unit) for r in page.rows}) <= size
        pages += page.rows
    assert pages == whole.rows
    assert ask(keyed, name, limit=0, **values).rows == []
    first = ask(keyed, name, **values).rows  # the default page
    assert first == whole.rows[:len(first)] and len(first) < len(whole.rows) or first == whole.rows


@pytest.mark.parametrize("args, hint, rows", [
    (["who-says", "--person", "*", "--limit", "2"], "there may be more: --offset 2 gives the next page", 2),
    (["who-says", "--person", "*", "--limit", "2", "--offset", "4"], "--offset 6 gives the next page", 2),
    (["meetings", "--limit", "3"], "--offset 3 gives the next page", None),
    (["meetings", "--limit", "1000"], None, None),  # the whole answer: no hint
    (["meetings", "--offset", "100"], None, 0),  # past the end
    (["career", "--person", "*"], None, None),  # not paged
])
def test_cli_says_how_to_get_the_next_page(seed_trig, args, hint, rows):
    from typer.testing import CliRunner

    from graphkit.cli import app

    r = CliRunner().invoke(app, ["ask", str(seed_trig), *args, "--format", "csv"])
    assert r.exit_code == 0, r.output
    got = len(r.stdout.splitlines()[1:])
    assert got == rows if rows is not None else got > 3
    if hint:
        assert hint in r.stderr
    else:
        assert "next page" not in r.stderr


@pytest.mark.parametrize("typed, exact", [
    ("22450000", "22450000"), (" 22450000 ", "22450000"), ("22450000-r3", ""),  # a letter: any case matches
    ("123/2017", "123/2017"), ("000_d029c83ccb100c6a", ""), ("2245 0000", ""), ("2245*", ""), ("*", ""),
])
def test_the_exact_text_of_a_typed_id(typed, exact):
    from graphkit.query.params import exact_text_of

    assert exact_text_of(typed, expand=False) == exact


@pytest.mark.parametrize("article", ["22229320", "22400508", "22474602", "000_d029c83ccb100c6a", "2240*"])
def test_an_article_id_looked_up_answers_as_matched_against_every_id(stores, article):
    from graphkit.query.engine import run_query

    keyed, _old = stores
    q = question("article-reports")
    got = ask(keyed, "article-reports", article=article)
    scanned = run_query(keyed, q.text, params=dict(q.bind({"article": article}), article_exact=""))
    assert got.rows == scanned.rows and got.rows
