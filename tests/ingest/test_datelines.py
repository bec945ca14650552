"""Dates for undated articles: the dateline of the lead ("Sáng 5/2, …", "Ngày 12/3/2017, …", "(ngày 8/2)")
dates an article whose page gives no date, marked gk:dateInferred; a dateline without its year needs the
build's --year or --dates. The table of tests/data/datelines.json was checked by hand on corpus articles."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.ingest.article import Article
from graphkit.ingest.metadata import date_window, dated, find_dateline

from tests import ROOT
TABLE = json.loads((ROOT / "tests" / "data" / "datelines.json").read_text(encoding="utf-8"))["articles"]
Y2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
GK = "https://w3id.org/graphkit/ontology#"


def _d(s):
    return None if s is None else dt.date.fromisoformat(s)


def test_table_is_the_checked_sample():
    assert len(TABLE) == 65 and len({a["id"] for a in TABLE}) == 65
    assert sum(a["year_2017"] is not None for a in TABLE) >= 50


@pytest.mark.parametrize("row", TABLE, ids=[a["id"] for a in TABLE])
def test_corpus_dateline_with_year_2017(row):
    assert find_dateline(row["text"], start=Y2017[0], end=Y2017[1]) == _d(row["year_2017"])


@pytest.mark.parametrize("row", TABLE, ids=[a["id"] for a in TABLE])
def test_corpus_dateline_without_year(row):
    assert find_dateline(row["text"]) == _d(row["no_year"])


@pytest.mark.parametrize("lead,window,expected", [
    ("Sáng 5/2, Bí thư Tỉnh ủy làm việc", Y2017, dt.date(2017, 2, 5)),
    ("Sáng 5/2, Bí thư Tỉnh ủy làm việc", (dt.date(2017, 3, 1), dt.date(2017, 12, 31)), None),  # outside
    ("Sáng 5/2, Bí thư Tỉnh ủy làm việc", (dt.date(2016, 1, 1), dt.date(2017, 12, 31)), None),  # two years fit
    ("Sáng 5/2, Bí thư Tỉnh ủy làm việc", (dt.date(2016, 12, 1), dt.date(2017, 6, 30)), dt.date(2017, 2, 5)),
    ("Tối 30/12, tại Hà Nội", (dt.date(2016, 12, 1), dt.date(2017, 6, 30)), dt.date(2016, 12, 30)),
    ("Ngày 12/3/2017, tại Hà Nội", None, dt.date(2017, 3, 12)),
    ("Ngày 12/3/2016, tại Hà Nội", Y2017, None),  # a full-year dateline outside the window
    ("Ngày 31/2, tại Hà Nội", Y2017, None),  # no such day
    ("Chiều qua (31/12), tại Hà Nội", (dt.date(2018, 1, 1), dt.date(2018, 6, 30)), dt.date(2018, 1, 1)),
])
def test_dateline_window(lead, window, expected):
    start, end = window if window else (None, None)
    assert find_dateline("Tiêu đề\n" + lead, start=start, end=end) == expected


def test_headline_date_is_not_a_dateline():
    assert find_dateline("Sáng 5/2, Thủ tướng thăm Bắc Giang\nThủ tướng đã thăm tỉnh.", start=Y2017[0], end=Y2017[1]) is None


def test_date_window():
    assert date_window() is None
    assert date_window(2017) == Y2017
    assert date_window(dates="2017-02-01..2017-07-31") == (dt.date(2017, 2, 1), dt.date(2017, 7, 31))
    for bad in ({"dates": "2017"}, {"dates": "2017-07-31..2017-02-01"}, {"year": 17}, {"year": 2017, "dates": "x..y"}):
        with pytest.raises(ValueError):
            date_window(**bad)


def test_dated_keeps_a_given_date_and_marks_an_inferred_one():
    given = Article(id="a", text="Tiêu đề\nSáng 5/2, ông A nói.", source="s", date=dt.date(2017, 2, 6))
    assert dated(given, Y2017) is given
    bare = Article(id="b", text="Tiêu đề\nSáng 5/2, ông A nói.", source="s")
    got = dated(bare, Y2017)
    assert (got.date, got.date_inferred) == (dt.date(2017, 2, 5), True)
    assert dated(bare) is bare  # no year in the dateline and no window


@pytest.fixture
def corpus_file(tmp_path):
    rows = [{"id": a["id"], "text": a["text"]} for a in TABLE[:6]]
    p = tmp_path / "sample.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return p, {a["id"]: a["year_2017"] for a in TABLE[:6]}


def _article_dates(ds):
    """{article id: (gk:publishedOn, gk:dateInferred)} of a built dataset."""
    from graphkit.kg.validate import merged_graph
    from rdflib import URIRef

    g = merged_graph(ds)
    out = {}
    for art, aid in g.subject_objects(URIRef(GK + "articleId")):
        on = g.value(art, URIRef(GK + "publishedOn"))
        inferred = g.value(art, URIRef(GK + "dateInferred"))
        out[str(aid)] = (None if on is None else str(on), None if inferred is None else inferred.toPython())
    return out


def test_build_dates_undated_articles(corpus_file):
    from graphkit.pipeline import build

    path, expected = corpus_file
    with_year = _article_dates(build([str(path)], dates=Y2017).dataset)
    assert with_year == {k: (v, True) for k, v in expected.items()}
    assert set(_article_dates(build([str(path)]).dataset).values()) == {(None, None)}


def test_build_keeps_page_dates_not_inferred():
    from graphkit.pipeline import build

    dates = _article_dates(build([str(ROOT / "seeds")], dates=Y2017).dataset)
    assert dates == _article_dates(build([str(ROOT / "seeds")]).dataset)
    assert all(inf is None for _on, inf in dates.values())


def test_cli_build_year_and_store(corpus_file, tmp_path):
    from graphkit.kg.validate import validate

    path, expected = corpus_file
    out = tmp_path / "g.trig"
    r = CliRunner().invoke(app, ["build", str(path), "--year", "2017", "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert text.count("gk:dateInferred true") == len(expected)
    assert validate(out) == []
    store = tmp_path / "store"
    r = CliRunner().invoke(app, ["build", str(path), "--dates", "2017-01-01..2017-12-31", "--into", str(store),
                                 "-j", "1", "-q"])
    assert r.exit_code == 0, r.output
    from graphkit.kg.store import GraphStore

    with GraphStore(store, read_only=True) as st:
        nt = st.ntriples_flat()
    assert nt.count(f"<{GK}dateInferred> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>") == len(expected)


def test_cli_build_rejects_year_and_dates(tmp_path):
    r = CliRunner().invoke(app, ["build", "seeds", "--year", "2017", "--dates", "2017-01-01..2017-02-01",
                                 "--out", str(tmp_path / "x.trig")])
    assert r.exit_code == 2
    assert "not both" in r.output


CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


@pytest.fixture(scope="module")
def corpus_sample(tmp_path_factory):
    """The first 1,000 corpus articles (February 2017), built with and without --year 2017."""
    if not CORPUS.exists():
        pytest.skip(f"needs the corpus at {CORPUS} (../shared, absent from a user's clone)")
    import gzip
    import itertools

    from graphkit.pipeline import build

    p = tmp_path_factory.mktemp("dl") / "first-1000.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        p.write_text("".join(itertools.islice(f, 1000)), encoding="utf-8")
    return build([str(p)], dates=Y2017).dataset, build([str(p)]).dataset


@pytest.mark.corpus
def test_corpus_sample_post_holder_on(corpus_sample):
    from graphkit.query import ask

    dated_ds, undated_ds = corpus_sample
    args = {"post": "Chủ tịch Ủy ban nhân dân thành phố Hà Nội", "date": "2017-02-08"}
    rows = ask(dated_ds, "post-holder-on", **args).rows
    assert {r[1].value for r in rows} == {"Nguyễn Đức Chung"}
    assert {r[3].value for r in rows} == {"2017-02-06"}  # the latest report on or before the day
    assert not ask(undated_ds, "post-holder-on", **args).rows  # what the issue saw: no dates, no answer


@pytest.mark.corpus
def test_corpus_sample_timeline(corpus_sample):
    from graphkit.query.careers import timeline

    dated_ds, undated_ds = corpus_sample
    [career] = timeline(dated_ds, "Nguyễn Đức Chung")
    span = next(s for s in career.spans if s.post_label == "Chủ tịch Ủy ban nhân dân thành phố Hà Nội")
    assert (span.first_seen, span.last_seen) == (dt.date(2017, 2, 5), dt.date(2017, 2, 6))
    [before] = timeline(undated_ds, "Nguyễn Đức Chung")
    assert all(s.first_seen is None for s in before.spans)


@pytest.mark.corpus
def test_corpus_sample_time_slice(corpus_sample):
    from graphkit.analytics.projections import person_person

    dated_ds, undated_ds = corpus_sample
    day = person_person(dated_ds, date_from="2017-02-06", date_to="2017-02-06")
    assert day.number_of_nodes() >= 20 and day.number_of_edges() >= 5
    assert person_person(undated_ds, date_from="2017-02-06", date_to="2017-02-06").number_of_nodes() == 0


@pytest.mark.parametrize("lead", [
    # the day/month pattern opens with a digit and looks at the character before the day after it: the same matches
    # as the look-behind before the day (a digit, '/', '.' or '-' before it: no date there)
    "Sáng 5/2, Bí thư Tỉnh ủy làm việc với …", "Ngày 12/3/2017, tại Hà Nội", "Tối 5 - 2, tại", "(ngày 8/2)",
    "Số 15/2017 và 3-4 lần", "1/2/3", "a5/2 .5/2 -5/2 /5/2 25/12/2016 125/12", "5/2", "05/02-2017 ngày 31/12/1999",
])
def test_day_month_pattern_finds_what_the_look_behind_before_the_day_finds(lead):
    import re

    from graphkit.ingest.metadata import _DM

    before = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?(?![\d/-])")
    assert [(m.span(), m.groups()) for m in _DM.finditer(lead)] == [(m.span(), m.groups()) for m in before.finditer(lead)]
