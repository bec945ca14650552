"""Bad inputs and bad luck in a build: every one is reported (file and line) and the rest builds;
no output is ever corrupt or half-written; nothing hangs, and nothing is left behind after a kill.

The cases of issue 19 (the build half); ``benchmarks/bad_inputs.py`` runs them end to end and counts.
"""
from __future__ import annotations

import errno
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli.main import app
from graphkit.ingest import Article, InputProblem, iter_articles
from graphkit.kg.serialize import FORMATS, load
from graphkit.pipeline import build, build_into

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
runner = CliRunner()

BODY = ("Chiều 28/6, Bí thư Tỉnh ủy Bắc Giang Dương Văn Thái chủ trì hội nghị tổng kết công tác xây dựng Đảng "
        "sáu tháng đầu năm 2022 và triển khai nhiệm vụ sáu tháng cuối năm.")
TITLE = "Bắc Giang tổng kết công tác xây dựng Đảng năm 2022"

# Every character str.splitlines() breaks a line at, besides \n and \r: a reader that splits on them cuts
# an N-Triples line inside a literal. Then the other C0 and the C1 controls.
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7f, *range(0x80, 0xa0)) if chr(c) not in "\n" + "".join(SEPARATORS)]
ODD = SEPARATORS + CONTROLS


def names(chars: list[str]) -> str:
    return "".join(f"U+{ord(c):04X}" for c in chars)


def odd_articles(tmp_path: Path) -> list[Path]:
    """A .txt and a .jsonl holding every odd character in the text, the title, the id and the file name."""
    txt_dir = tmp_path / "in"
    txt_dir.mkdir()
    odd = "".join(ODD)
    files = []
    for i, ch in enumerate(SEPARATORS):  # in the file name too; no NUL in a text file (that is a binary file)
        f = txt_dir / f"bai{ch}{i}.txt"
        f.write_text(f"{TITLE}{ch}x\n{BODY[:40]}{ch}{BODY[40:]}\n{odd.replace(chr(0), '')}\n", encoding="utf-8")
        files.append(f)
    corpus = txt_dir / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"id{ch}{i}", "title": f"{TITLE}{ch}", "text": f"{TITLE}\n{BODY}{odd}",
                                          "url": f"http://x/{ch}"}) + "\n"
                              for i, ch in enumerate(ODD)), encoding="utf-8")
    files.append(corpus)
    return files


def literals(ds) -> set[str]:
    from rdflib import Literal

    return {str(o) for _s, _p, o, _g in ds.quads((None, None, None, None)) if isinstance(o, Literal)}


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_line_separator_and_control_round_trips_through_out(tmp_path: Path, suffix: str) -> None:
    files = odd_articles(tmp_path)
    out = tmp_path / f"g{suffix}"
    r = runner.invoke(app, ["build", *map(str, files), "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    mem = build([str(f) for f in files])
    assert len(mem.articles) == len(SEPARATORS) + len(ODD)
    back = load(out)  # graphkit reads what it wrote
    assert len(back) == len(mem.dataset) if suffix in (".nq", ".trig", ".jsonld") else len(back) > 0
    assert literals(back) == literals(mem.dataset)
    for ch in SEPARATORS:  # the separators are kept (the controls of a text are dropped by the reader)
        assert any(ch in lit for lit in literals(back)), names([ch])


def test_every_line_separator_round_trips_through_a_store_and_export(tmp_path: Path) -> None:
    from rdflib import Dataset

    from graphkit.kg.store import export

    files = odd_articles(tmp_path)
    r = build_into([str(f) for f in files], tmp_path / "st", jobs=1)
    assert r.ok, r.problems
    assert len(r.articles) == len(SEPARATORS) + len(ODD)
    mem = literals(build([str(f) for f in files]).dataset)
    for suffix in sorted(FORMATS):
        out = export(tmp_path / "st", tmp_path / f"e{suffix}")
        back = literals(load(out))
        assert mem <= back, (suffix, names(sorted({c for lit in mem - back for c in lit if c in ODD})))
    # … and a second build into the store (replacing every article) reads them back unharmed
    again = build_into([str(f) for f in files], tmp_path / "st", jobs=1)
    assert again.ok and len(again.replaced) == len(again.articles)
    assert mem <= literals(load(export(tmp_path / "st", tmp_path / "again.nq")))


# --- one bad record is one problem, named with its file and line; the rest builds -------------------------

def good_line(rid: str) -> str:
    return json.dumps({"id": rid, "text": f"{TITLE}\n{BODY}"}, ensure_ascii=False)


def read(*paths, **kw) -> tuple[list[Article], list[InputProblem]]:
    items = list(iter_articles([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


@pytest.mark.parametrize("defer", [False, True])
def test_a_bad_byte_on_line_1_loses_line_1_only(tmp_path: Path, defer: bool) -> None:
    from graphkit.ingest.readers import CorpusLine

    f = tmp_path / "c.jsonl"
    f.write_bytes(good_line("a").encode().replace("tổng".encode(), b"t\xffng", 1) + b"\n"
                  + (good_line("b") + "\n" + good_line("c") + "\n").encode())
    items = []
    for item in iter_articles([f], defer=defer):
        items += item.read() if isinstance(item, CorpusLine) else [item]
    assert [i.id for i in items if isinstance(i, Article)] == ["b", "c"]
    (p,) = [i for i in items if isinstance(i, InputProblem)]
    assert p.source == f"{f}:1"
    assert "line is not valid UTF-8 (1 broken byte sequence" in p.message and "iconv" not in p.message


@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="nested-list"),
    pytest.param('{"id": "n", "text": "x", "extra": ' + '{"a":' * 50_000 + "1" + "}" * 50_001, "nested too deeply",
                 id="nested-object"),
    pytest.param('{"id": "s", "text": "' + TITLE + r'\nBí thư \ud800 Dương Văn Thái"}', "1 lone UTF-16 surrogate",
                 id="surrogate-text"),
    pytest.param('{"id": "s\\udfff", "title": "T\\ud83d", "text": "' + TITLE + '"}', "2 lone UTF-16 surrogate",
                 id="surrogate-id-title"),
])
def test_a_bad_record_is_one_problem(tmp_path: Path, line: str, expected: str) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(good_line("a") + "\n" + line + "\n" + good_line("z") + "\n", encoding="utf-8")
    arts, probs = read(f)
    assert {"a", "z"} <= {a.id for a in arts}
    assert [p.source for p in probs] == [f"{f}:2"] and expected in probs[0].message
    out = tmp_path / "g.nq"  # what was read is written and read back
    r = runner.invoke(app, ["build", str(f), "--out", str(out), "-q"])
    assert r.exit_code == 1 and f"{f}:2: " in r.output and "Traceback" not in r.output
    assert len(load(out)) > 0


def test_surrogates_in_a_file_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"bai-\xff.txt")  # an undecodable byte: a lone surrogate in the str
    (tmp_path / name).write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    r = runner.invoke(app, ["build", str(tmp_path), "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    assert "bai-\ufffd" in literals(load(out))


# --- distinct inputs keep distinct graphs, or the clash is reported ----------------------------------------

def test_ids_differing_by_case_or_punctuation_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(good_line("ABC") + "\n" + good_line("abc") + "\n", encoding="utf-8")
    (tmp_path / "Bai-1.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    (tmp_path / "bai 1.txt").write_text(f"{TITLE}\n{BODY} Hai.\n", encoding="utf-8")
    r = build([str(tmp_path)])
    assert sorted(r.articles) == ["ABC", "Bai-1"]
    msgs = sorted(str(p) for p in r.problems)
    assert len(msgs) == 2
    assert msgs[0].startswith(str(tmp_path / "bai 1.txt")) and "as article 'Bai-1' (" in msgs[0]
    assert "article id 'abc' names the same graph" in msgs[1] and "as article 'ABC'" in msgs[1]
    s = build_into([str(tmp_path)], tmp_path / "st", jobs=1)
    assert sorted(s.articles) == ["ABC", "Bai-1"] and len(s.problems) == 2
    # a later build into the store does not replace another article's graph silently
    later = tmp_path / "later.jsonl"
    later.write_text(good_line("Abc") + "\n" + good_line("ABC") + "\n", encoding="utf-8")
    again = build_into([str(later)], tmp_path / "st", jobs=1)
    assert again.articles == ["ABC"] and again.replaced == ["ABC"]
    (p,) = again.problems
    assert "article id 'Abc' names the same graph" in str(p) and "as article 'ABC' (in " in str(p)


# --- inputs that never end, or never start ------------------------------------------------------------------

def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    for name in ("pipe.txt", "pipe.jsonl", "pipe.jsonl.gz"):
        os.mkfifo(tmp_path / name)
    (tmp_path / "good.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    out = tmp_path / "g.nq"
    for args in (["--out", str(out)], ["--into", str(tmp_path / "st"), "--jobs", "2"]):
        p = subprocess.run([sys.executable, "-m", "graphkit.cli", "build", str(tmp_path), *args, "-q"],
                           capture_output=True, text=True, timeout=120, cwd=REPO,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
        assert p.returncode == 1, p.stderr
        assert p.stderr.count("not a regular file (a FIFO (named pipe))") == 3, p.stderr
        assert "Traceback" not in p.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_behind_an_article_name_is_refused(tmp_path: Path) -> None:
    for name in ("zero.txt", "zero.jsonl", "zero.html"):
        (tmp_path / name).symlink_to("/dev/zero")
    arts, probs = read(tmp_path / "zero.txt", tmp_path / "zero.jsonl", tmp_path / "zero.html")
    assert arts == [] and len(probs) == 3
    assert all("not a regular file (a character device)" in p.message for p in probs)
    from graphkit.pipeline import count_articles

    assert count_articles([tmp_path / "zero.jsonl"]) is None


def test_a_gzip_bomb_is_stopped(tmp_path: Path, monkeypatch) -> None:
    from graphkit.ingest import readers
    from graphkit.pipeline import count_articles

    monkeypatch.setattr(readers, "_BOMB_FLOOR", 4 << 20)  # (64 MB in a build: a smaller bomb in the test)
    for name, filler in (("zeros.jsonl.gz", b"\0" * (1 << 20)), ("blank.jsonl.gz", b"\n" * (1 << 20)),
                         ("records.jsonl.gz", b'{"id": 1}\n' * (1 << 17))):
        f = tmp_path / name
        with gzip.open(f, "wb", compresslevel=9) as fh:
            fh.write((good_line("a") + "\n").encode())
            for _ in range(64):
                fh.write(filler)
        arts, probs = read(f)
        assert [a.id for a in arts] == ["a"], name
        assert any("decompresses to over 100 times its size" in p.message and "gzip bomb" in p.message
                   for p in probs), (name, probs[-1:])
        assert count_articles([f]) < 6_000_000  # the progress count stops at the bomb too (of 8-67 million lines)


def test_a_huge_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    f = tmp_path / "c.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        fh.write(good_line("a") + "\n")
        fh.write('{"id": "big", "text": "' + "Bí thư Dương Văn Thái " * 1_500_000 + '"}\n')  # ~40 MB, one line
        fh.write(good_line("z") + "\n")
    tracemalloc.start()
    try:
        arts, probs = read(f, max_bytes=100_000)  # a line may be 6 x 100 KB + 1 MB
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in arts] == ["a", "z"]
    (p,) = probs
    assert p.source == f"{f}:2" and "line is 42 MB, over the 1.6 MB limit for one corpus line" in p.message
    assert peak < 8 << 20, peak


def test_a_txt_is_read_up_to_its_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(f"{TITLE}\n" + BODY * 1000, encoding="utf-8")
    arts, (p,) = read(f, max_bytes=10_000)
    assert arts == [] and "over the 10 KB limit for one article" in p.message
