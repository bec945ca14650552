"""Fuzzing the build: random bytes, random JSON lines and random Unicode go through ingest → extract →
serialize → parse; no exception escapes, every problem names its input, and every output parses.

Deterministic (``derandomize=True``) and bounded (a modest number of examples, no deadline per example).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graphkit.ingest import Article, InputProblem  # noqa: E402
from graphkit.kg.serialize import dumps  # noqa: E402
from graphkit.pipeline import build  # noqa: E402

FUZZ = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])

# words that make the extractors work (names, posts, places, directives), and characters that break readers
WORDS = ["Bí thư", "Tỉnh ủy", "Bắc Giang", "Dương Văn Thái", "Chủ tịch", "UBND", "tỉnh", "Nguyễn Xuân Phúc",
         "Thủ tướng", "đồng chí", "ông", "Nghị quyết số 21-NQ/TW", "chủ trì", "hội nghị", "huyện Lục Nam", ",", "-",
         ".", ":", "(", ")", "\n", " ", "ngày 28/6/2022", "Phó", "Giám đốc Sở", "Hà Nội", "TP.HCM"]
ODD = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x00", "\r", "\ufeff", "\ufffd",
       "\u200b", "\u0301", '"', "\\", "<", ">", "\t"]
any_char = st.characters(codec=None, exclude_categories=())  # every code point, lone surrogates too
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(any_char, max_size=8)),
                 max_size=60).map("".join)
# mostly words, with odd characters among them: texts that build, and carry the odd characters into the graph
prose = st.lists(st.sampled_from(WORDS * 2 + ODD), min_size=8, max_size=80).map(" ".join)


def build_and_parse(paths: list[Path]) -> None:
    """Build ``paths``: nothing raises, problems name an input given, and each output format parses back."""
    from rdflib import Dataset

    r = build([str(p) for p in paths])
    for p in r.problems:
        assert isinstance(p, InputProblem) and any(p.source.startswith(str(x)) for x in paths), p
    for fmt in ("nquads", "trig", "nt"):
        text = dumps(r.dataset, fmt)
        text.encode("utf-8")  # writable
        back = Dataset()
        back.parse(data=text, format=fmt)
        if fmt != "nt":
            assert len(back) == len(r.dataset)


@FUZZ
@given(data=st.binary(max_size=3000), kind=st.sampled_from([".txt", ".html", ".jsonl", ".jsonl.gz"]))
def test_random_bytes(tmp_path_factory, data: bytes, kind: str) -> None:
    d = tmp_path_factory.mktemp("bytes")
    f = d / f"x{kind}"
    f.write_bytes(gzip.compress(data) if kind == ".jsonl.gz" and data[:1] != b"\x1f" else data)
    build_and_parse([f])


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
                           max_leaves=8)
records = st.fixed_dictionaries({"id": st.one_of(prose, texts, st.integers(), json_values),
                                 "text": st.one_of(prose, prose, texts, json_values)},
                                optional={"title": st.one_of(prose, json_values), "date": st.one_of(texts, json_values),
                                          "url": st.one_of(prose, json_values)})


@FUZZ
@given(lines=st.lists(st.one_of(records.map(json.dumps), records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                                texts), min_size=1, max_size=6))
def test_random_json_lines(tmp_path_factory, lines: list[str]) -> None:
    d = tmp_path_factory.mktemp("jsonl")
    f = d / "c.jsonl"
    f.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))  # raw lone surrogates are bad bytes
    build_and_parse([f])


@FUZZ
@given(text=st.one_of(prose, texts), name=st.one_of(prose.map(lambda t: t[:40]), st.text(
    st.characters(codec="utf-8"), min_size=1, max_size=12)).map(lambda n: n.replace("/", "").replace("\x00", "") or "x"))
def test_random_unicode_text(tmp_path_factory, text: str, name: str) -> None:
    d = tmp_path_factory.mktemp("txt")
    f = d / f"{name}.txt"
    try:
        f.write_bytes(text.encode("utf-8", "surrogatepass"))
    except OSError:  # a name the file system refuses (too long, '.', '..')
        return
    build_and_parse([f])
    items = build([str(f)])
    assert items.articles or items.problems
