"""Reading articles: every input kind, every bad input, and the seeds' titles and dates."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from graphkit.errors import DataFileError
from graphkit.ingest import Article, InputProblem, find_date, find_title, iter_articles
from graphkit.ingest import metadata
from tests import ROOT, SEEDS

REPO = ROOT
SEEDS = REPO / "seeds"

BODY = (
    "Chiều 28/6, tại thành phố Bắc Giang, Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết "
    "công tác tổ chức xây dựng Đảng sáu tháng đầu năm 2022 và triển khai nhiệm vụ sáu tháng cuối năm."
)
TITLE = "Bắc Giang tổng kết công tác xây dựng Đảng năm 2022"


def read(*paths: str | Path, **kw) -> list[Article | InputProblem]:
    return list(iter_articles([*paths], **kw))


def only(items: list) -> Article | InputProblem:
    assert len(items) == 1, items
    return items[0]


def to_cp1258(text: str) -> bytes:
    """``text`` in cp1258, which composes only the vowel marks (â ă ê ô ơ ư) and adds tones."""
    clusters: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    vowel_marks = "\u0302\u0306\u031b"
    out = "".join(
        unicodedata.normalize("NFC", c[0] + "".join(m for m in c[1:] if m in vowel_marks))
        + "".join(m for m in c[1:] if m not in vowel_marks)
        for c in clusters
    )
    return out.encode("cp1258")


def write_jsonl_gz(path: Path, records: list[dict]) -> bytes:
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())
    path.write_bytes(data)
    return data


# --- the reader kinds ------------------------------------------------------------------


def test_txt(tmp_path: Path) -> None:
    f = tmp_path / "bai-01.txt"
    tail = "x" * 9000  # a NUL after the first 8 KB is removed, not taken for a binary file
    f.write_text(f"\ufeff{TITLE}\r\nCập nhật: 19:16 | 28/06/2022\r\n\r\n{BODY}\x07\x1b\t.\n{tail}\x00\n",
                 encoding="utf-8")
    a = only(read(str(f)))
    assert isinstance(a, Article)
    assert (a.id, a.source, a.title, a.date) == ("bai-01", str(f), TITLE, dt.date(2022, 6, 28))
    assert a.text == f"{TITLE}\nCập nhật: 19:16 | 28/06/2022\n\n{BODY}\t.\n{tail}\n"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(unicodedata.normalize("NFD", TITLE), id="nfd"),
        pytest.param(TITLE.replace("\n", "\r"), id="cr"),
    ],
)
def test_txt_text_is_nfc(tmp_path: Path, raw: str) -> None:
    (tmp_path / "a.txt").write_text(f"{raw}\r{BODY}", encoding="utf-8", newline="")
    a = only(read(tmp_path / "a.txt"))
    assert a.text == f"{TITLE}\n{BODY}" and unicodedata.is_normalized("NFC", a.text)


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(f"{TITLE}\n{BODY}".encode("utf-16"))
    a = only(read(tmp_path / "u16.txt"))
    assert isinstance(a, Article) and a.title == TITLE and a.text.endswith("cuối năm.")


def test_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    lines = [
        {"id": 21395276, "text": f"{TITLE}\n{BODY}"},
        {"id": "b", "text": BODY, "title": " Tiêu đề\u00a0riêng  của bài ", "date": "2017-02-06",
         "url": "https://baomoi.com/b.epi", "topic": "chính trị"},
        {"id": "c", "text": f"{TITLE}\n{BODY}", "date": "06/02/2017T"},
        {"id": "d", "text": f"{TITLE}\n{BODY}", "date": "6/2/2017"},
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n\n", encoding="utf-8")
    items = read(f)
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in arts] == ["21395276", "b", "c", "d"]
    assert arts[0].source == f"{f}#21395276" and arts[0].title == TITLE and arts[0].date is None
    assert (arts[1].title, arts[1].date, arts[1].url) == ("Tiêu đề riêng của bài", dt.date(2017, 2, 6),
                                                         "https://baomoi.com/b.epi")
    assert arts[1].extra == {"topic": "chính trị"}
    assert arts[3].date == dt.date(2017, 2, 6)
    # a date in an unknown form: the article still comes, with one problem saying so
    [p] = [i for i in items if isinstance(i, InputProblem)]
    assert p.source == f"{f}:3" and "06/02/2017T" in p.message and "YYYY-MM-DD" in p.message


@pytest.mark.parametrize("ensure_ascii", [False, True])
@pytest.mark.parametrize("control", ["\x07", "\x08", "\x0c", "\x1b", "\x00"])
def test_jsonl_control_characters_are_removed(tmp_path: Path, control: str, ensure_ascii: bool) -> None:
    """A control character in a corpus record (JSON writes it as an escape: \\u0007, \\b, \\f) is removed,
    as from a file; a backslash written in the text is kept."""
    f = tmp_path / "corpus.jsonl"
    rec = {"id": "a", "text": f"{TITLE}\n{BODY}{control}.\\b \\f"}
    f.write_text(json.dumps(rec, ensure_ascii=ensure_ascii) + "\n", encoding="utf-8")
    a = only(read(f))
    assert a.text == f"{TITLE}\n{BODY}.\\b \\f"


def test_jsonl_gz(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl.gz"
    write_jsonl_gz(f, [{"id": i, "text": f"Bài số {i} về công tác xây dựng Đảng\n{BODY}"} for i in range(3)])
    arts = read(f)
    assert [a.id for a in arts] == ["0", "1", "2"]
    assert arts[2].title == "Bài số 2 về công tác xây dựng Đảng"


HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Bắc Giang tổng kết công tác xây dựng Đảng - Báo Bắc Giang</title>
<meta property="og:title" content="{title}">
<meta property="og:url" content="https://baobacgiang.vn/tong-ket.html">
<meta property="article:published_time" content="2022-06-27T19:16:00+07:00">
</head><body>
<header><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/chinh-tri">Chính trị</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul></nav>
<div class="toolbar">Tăng cỡ chữ Giảm cỡ chữ</div></header>
<main><article><h1>{title}</h1>
<p>{body}</p>
<p>Đồng chí Dương Văn Thái, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì hội nghị. Cùng dự có các
đồng chí lãnh đạo Ban Tổ chức Tỉnh ủy và đại diện các huyện ủy, thành ủy trong tỉnh.</p>
<p>Trong sáu tháng đầu năm, Ban Thường vụ Tỉnh ủy đã lãnh đạo tổ chức đại hội chi bộ trực thuộc đảng ủy
cơ sở, gắn với bầu trưởng thôn, tổ dân phố nhiệm kỳ 2022-2025. Tỷ lệ trưởng thôn là đảng viên đạt 91,8%.</p>
<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục đổi mới phương thức lãnh đạo,
nâng cao chất lượng sinh hoạt chi bộ và làm tốt công tác phát triển đảng viên.</p>
</article></main>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Giao ban khu vực miền núi phía Bắc</a></li></ul></aside>
<footer><p>Báo Bắc Giang - Cơ quan của Đảng bộ tỉnh Bắc Giang. Giấy phép số 123/GP-BTTTT.</p></footer>
</body></html>
"""


@pytest.mark.parametrize("ext", [".html", ".htm"])
def test_html(tmp_path: Path, ext: str) -> None:
    f = tmp_path / f"trang{ext}"
    f.write_text(HTML.format(title=TITLE, body=BODY), encoding="utf-8")
    a = only(read(f))
    assert isinstance(a, Article), a
    assert (a.id, a.title, a.date) == ("trang", TITLE, dt.date(2022, 6, 27))  # the date from <meta>
    assert a.url == "https://baobacgiang.vn/tong-ket.html"
    assert a.text.startswith(TITLE + "\n") and "Tỷ lệ trưởng thôn là đảng viên đạt 91,8%" in a.text
    for furniture in ("Trang chủ", "Kinh tế", "Tăng cỡ chữ", "Tin liên quan", "Giấy phép"):
        assert furniture not in a.text


def test_html_without_article_text(tmp_path: Path) -> None:
    f = tmp_path / "menu.html"
    f.write_text('<html><body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav></body></html>')
    p = only(read(f))
    assert isinstance(p, InputProblem) and "no article text found in the HTML page" in p.message


def test_readers_do_not_import_trafilatura() -> None:
    code = "import sys, graphkit.ingest.readers, graphkit.ingest; print('trafilatura' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"


# --- paths and directories ---------------------------------------------------------------


def test_directory_is_walked_recursively_in_path_order(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/c.txt", "a-b.txt", "notes.md", "img.png", ".hidden/x.txt", "A.TXT"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    write_jsonl_gz(tmp_path / "a" / "c.jsonl.gz", [{"id": "k1", "text": BODY}])
    items = read(tmp_path)
    assert all(isinstance(i, Article) for i in items), items
    rel = [i.source.removeprefix(str(tmp_path) + os.sep) for i in items]
    assert rel == ["A.TXT", "a/b/c.txt", f"a/c.jsonl.gz#k1", "a/z.txt", "a-b.txt", "b.txt"]
    assert read(tmp_path) == items  # deterministic


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.txt", "no such file or directory"),
        ("notes.md", "accepted"),
    ],
)
def test_bad_paths(tmp_path: Path, name: str, expected: str) -> None:
    if name == "notes.md":
        (tmp_path / name).write_text(BODY)
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    p, a = read(tmp_path / name, good)
    assert isinstance(p, InputProblem) and p.source == str(tmp_path / name)
    assert isinstance(a, Article) and a.id == "good"  # reading goes on
    if expected == "accepted":
        assert ".txt" in p.message and ".jsonl.gz" in p.message
    else:
        assert expected in p.message


# --- bad inputs: each one problem, and reading goes on -------------------------------------

SAMPLE = f"{TITLE}\n{BODY}\n" * 3


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n \n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
        ("empty.html", b"", "empty file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("nul.txt", b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 4, "binary file, not text"),
        ("nul-in-text.txt", f"{TITLE}\x00{BODY}".encode(), "binary file, not text (it has NUL bytes)"),
        ("broken.txt", SAMPLE.encode() + b"\xff" + SAMPLE.encode(), f"not valid UTF-8 (1 broken byte sequence, the first at byte {len(SAMPLE.encode())})"),
        ("noise.txt", bytes(range(128, 256)) * 40, "binary file, not text"),
        ("nul.jsonl", b'{"id": 1}\x00\x00\x01\n', "binary file, not text"),
        ("vn.txt", to_cp1258(SAMPLE), "not UTF-8 (looks like cp1258); convert it first: iconv -f CP1258 -t UTF-8"),
        ("vn.html", to_cp1258(f"<html><body><p>{SAMPLE}</p></body></html>"), "iconv -f CP1258 -t UTF-8"),
        ("vn.jsonl", to_cp1258(json.dumps({"id": 1, "text": SAMPLE}, ensure_ascii=False)), "not UTF-8"),
        ("not-gz.jsonl.gz", b'{"id": 1, "text": "x"}\n', "not a gzip file"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz-good.txt").write_text(SAMPLE, encoding="utf-8")
    p, a = read(tmp_path / name, tmp_path / "zz-good.txt")
    assert isinstance(p, InputProblem) and p.source == str(tmp_path / name)
    assert expected in p.message, p.message
    assert isinstance(a, Article) and a.id == "zz-good"


def test_cp1258_message_names_the_files(tmp_path: Path) -> None:
    (tmp_path / "vn.txt").write_bytes(to_cp1258(SAMPLE))
    p = only(read(tmp_path / "vn.txt"))
    assert p.message.endswith(f"iconv -f CP1258 -t UTF-8 {tmp_path}/vn.txt > {tmp_path}/vn.utf8.txt")


@pytest.mark.parametrize("defer", [False, True])
def test_a_line_not_in_utf8_is_one_problem(tmp_path: Path, defer: bool) -> None:
    """After a good first line, a line in another encoding is a problem of its own; with ``defer`` (a
    parallel build) the line travels as bytes and the worker's ``read()`` reports it."""
    from graphkit.ingest.readers import CorpusLine

    f = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": SAMPLE}, ensure_ascii=False).encode()
    f.write_bytes(good + b"\n" + to_cp1258(json.dumps({"id": "b", "text": SAMPLE}, ensure_ascii=False)) + b"\n" + good.replace(b'"a"', b'"c"'))
    items = []
    for item in iter_articles([f], defer=defer):
        items += item.read() if isinstance(item, CorpusLine) else [item]
    assert [type(i).__name__ for i in items] == ["Article", "InputProblem", "Article"]
    assert items[1].source == f"{f}:2" and "line is not UTF-8" in items[1].message


def test_truncated_gzip(tmp_path: Path) -> None:
    f = tmp_path / "cut.jsonl.gz"
    records = [{"id": f"r{i}", "text": f"Bài {i}: {BODY} {os.urandom(3000).hex()}"} for i in range(3)]
    data = write_jsonl_gz(f, records)
    f.write_bytes(data[: len(data) - 2000])
    items = read(f)
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, InputProblem)]
    assert [a.id for a in arts] == ["r0", "r1"]
    assert items[-1] is probs[0] and len(probs) == 1
    assert "truncated gzip after 2 articles (line 3)" in probs[0].message
    assert "the articles before it were read" in probs[0].message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "x", "text": "Bài báo"', "invalid JSON"),
        ('["x", "Bài báo"]', "not a JSON object"),
        ('{"text": "Bài báo về hội nghị"}', 'missing "id"'),
        ('{"id": true, "text": "Bài báo"}', 'missing "id"'),
        ('{"id": "x"}', 'has no "text"'),
        ('{"id": "x", "text": "  "}', 'has no "text"'),
        ('{"id": "x", "text": "' + "chữ " * 100 + '"}', "over the 300 bytes limit for one article"),
    ],
)
def test_bad_jsonl_line(tmp_path: Path, line: str, expected: str) -> None:
    f = tmp_path / "c.jsonl"
    good = json.dumps({"id": "ok", "text": BODY[:150]}, ensure_ascii=False)
    f.write_text(f"{good}\n{line}\n{good.replace('ok', 'ok2')}\n", encoding="utf-8")
    a1, p, a2 = read(f, max_bytes=300)
    assert (a1.id, a2.id) == ("ok", "ok2")
    assert isinstance(p, InputProblem) and p.source == f"{f}:2" and expected in p.message, p


@pytest.mark.parametrize("ext", [".txt", ".html"])
def test_file_over_max_bytes(tmp_path: Path, ext: str) -> None:
    f = tmp_path / f"big{ext}"
    f.write_text(SAMPLE * 10, encoding="utf-8")
    p = only(read(f, max_bytes=1000))
    assert isinstance(p, InputProblem)
    assert "over the 1 KB limit for one article; split it or raise --max-article-size" in p.message
    assert p.message.startswith(f"file is {f.stat().st_size / 1000:.1f} KB")


def test_file_over_default_limit_is_not_read(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:  # sparse: 11 MB on paper, nothing on disk
        fh.truncate(11_000_000)
    p = only(read(f))
    assert p.message == ("file is 11 MB, over the 10 MB limit for one article; "
                         "split it or raise --max-article-size")


# --- the seeds --------------------------------------------------------------------------

SEED_EXPECTED = {
    "000": (dt.date(2022, 6, 28), "Kịp thời đánh giá, nhân rộng cách làm hay trong công tác tổ chức xây dựng Đảng"),
    "001": (None, None),
    "002": (dt.date(2021, 9, 21),
            "Tiếp tục nâng cao chất lượng hoạt động của tổ chức đảng và đội ngũ cán bộ, đảng viên"),
    "003": (dt.date(2020, 7, 1), "Nghệ An có nhiều cách làm sáng tạo, triển khai đồng bộ công tác chuẩn bị, "
            "tổ chức đại hội Đảng các cấp"),
    "004": (None, None),
}


def test_seeds_are_read_in_order() -> None:
    arts = read(SEEDS)
    assert [a.id[:3] for a in arts] == sorted(SEED_EXPECTED)


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_date_and_title(prefix: str) -> None:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    a = only(read(path))
    assert (a.date, a.title) == SEED_EXPECTED[prefix]


# --- find_date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề\nCập nhật: 19:16 | 28/06/2022\nNội dung", dt.date(2022, 6, 28)),
        ("Tiêu đề\n10:45, 01/07/2020\nNội dung", dt.date(2020, 7, 1)),
        ("PublishingPortal - Block_BanTin_Toolbar\n\n21/09/2021\nTăng cỡ chữ", dt.date(2021, 9, 21)),
        ("28-6-2022\nTiêu đề", dt.date(2022, 6, 28)),
        ("Thứ Ba, 28/06/2022\nTiêu đề", dt.date(2022, 6, 28)),
        ("28/6/2022 14:05\nTiêu đề", dt.date(2022, 6, 28)),
        ("Thứ ba, 28/06/2022 - 14:05 (GMT+7)", dt.date(2022, 6, 28)),
        ("ngày 28 tháng 6 năm 2022", dt.date(2022, 6, 28)),
        ("Hà Nội, ngày 28 tháng 6 năm 2022", dt.date(2022, 6, 28)),
        ("2022-06-28", dt.date(2022, 6, 28)),
        ("Đăng lúc 2022-06-28 08:00", dt.date(2022, 6, 28)),
        ("31/02/2022\nCập nhật: 01/03/2022", dt.date(2022, 3, 1)),  # the invalid one is skipped
        # no publication date
        ("Chiều 28/6, tại Khách sạn Mường Thanh, Ban Tổ chức T.Ư tổ chức giao ban.", None),
        ("Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương "
         "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng", None),
        ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022", None),
        ("Số 21/2022/NĐ-CP ngày 28/06/2022", None),
        ("Thứ Năm, 01/01/1970 07:00", None),  # a CMS's empty date
        ("Sáng nay (1/7), Ban Tổ chức TW", None),
        ("Kết quả xổ số điện toán Vietlott ngày 6/2/2017", None),
        ("31/02/2022", None),
        ("28/06/22", None),
        ("khóa 2017 - 2019", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: dt.date | None) -> None:
    assert find_date(text) == expected


def test_find_date_looks_only_at_the_head() -> None:
    text = "\n".join(f"Dòng thứ {i} của bài báo" for i in range(12)) + "\n28/06/2022"
    assert find_date(text) is None
    assert find_date(text, head_lines=13) == dt.date(2022, 6, 28)


# --- find_title --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TITLE}\n{BODY}", TITLE),
        (f"PublishingPortal - Block_BanTin_Toolbar\n\n21/09/2021\nTăng cỡ chữ Giảm cỡ chữ\n{TITLE}", TITLE),
        (f"TV & Video Hoạt động NTV\nMới nhất Tin nóng Media Magazine Infographic Tin ảnh\n\n{TITLE}", TITLE),
        (f"Cập nhật: 19:16 | 28/06/2022\n  {TITLE}  \n", TITLE),
        (f"Thời sự\nTin nóng\n{TITLE}", TITLE),  # under 4 words
        ("Kết quả xổ số điện toán Vietlott ngày 6/2/2017\n" + BODY, "Kết quả xổ số điện toán Vietlott ngày 6/2/2017"),
        ("Làm thầy thật khó...\n" + BODY, "Làm thầy thật khó..."),
        ("Quang cảnh tổ chức Hội nghị\n" + BODY, None),  # a photo caption, then the body
        (BODY + "\n" + TITLE, None),  # body first: the headline is not in the text
        ("Theo đánh giá, các đơn vị đã làm tốt những việc sau:\n" + TITLE, None),
        ("x " * 301, None),
        ("", None),
    ],
)
def test_find_title(text: str, expected: str | None) -> None:
    assert find_title(text) == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("# ok\nTăng cỡ chữ\n(unclosed\n", ":3: bad regular expression"),
        ("a*\n", ":1: 'a*' matches an empty line"),
        ("# only comments\n", "no patterns"),
    ],
)
def test_bad_furniture_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, problem: str) -> None:
    bad = tmp_path / "furniture.txt"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(metadata, "FURNITURE_FILE", bad)
    metadata._furniture.cache_clear()
    try:
        with pytest.raises(DataFileError, match=re.escape(problem)) as err:
            find_title("Một tiêu đề bài báo dài")
        assert str(err.value).startswith(str(bad))
    finally:
        metadata._furniture.cache_clear()


def test_furniture_file_is_loaded_once() -> None:
    metadata._furniture.cache_clear()
    find_title(f"Tăng cỡ chữ Giảm cỡ chữ\n{TITLE}")
    find_title(TITLE)
    assert metadata._furniture.cache_info().misses == 1


def test_jsonl_line_not_utf8_after_good_ones(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": SAMPLE}, ensure_ascii=False).encode()
    bad = to_cp1258(json.dumps({"id": "b", "text": SAMPLE}, ensure_ascii=False))
    f.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    a, p, c = read(f)
    assert (a.id, c.id) == ("a", "c")
    assert p.source == f"{f}:2" and "line is not UTF-8" in p.message


CORPUS = REPO.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_corpus_head() -> None:
    import itertools

    arts = list(itertools.islice(iter_articles([CORPUS]), 500))
    assert all(isinstance(a, Article) for a in arts)
    assert all(a.source == f"{CORPUS}#{a.id}" and unicodedata.is_normalized("NFC", a.text) for a in arts)
    first_lines = [" ".join(a.text.split("\n", 1)[0].split()) for a in arts]
    assert sum(a.title == first for a, first in zip(arts, first_lines)) >= 490


def test_read_position_follows_the_bytes_of_the_inputs(tmp_path):
    """``position`` says how far the inputs are read, in bytes as stored (compressed for .gz), and reading
    with it gives the same items as without."""
    from graphkit.ingest.readers import ReadPosition

    seeds = sorted(SEEDS.glob("*.txt"))
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i, f in enumerate(seeds * 4):
            fh.write(json.dumps({"id": f"a{i}", "text": f.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text(seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    inputs = [str(tmp_path / "c.jsonl.gz"), str(tmp_path / "missing.txt"), str(tmp_path / "d")]
    position = ReadPosition()
    seen = []
    items = []
    for item in iter_articles(inputs, position=position):
        seen.append(position.done)
        items.append(item)
    sizes = (tmp_path / "c.jsonl.gz").stat().st_size + (tmp_path / "d" / "one.txt").stat().st_size
    assert position.total == sizes and position.done == sizes and position.share == 1.0
    assert seen == sorted(seen) and 0 < seen[0] < sizes  # grows as the corpus is read
    assert [getattr(i, "id", None) or i.source for i in items] == \
        [getattr(i, "id", None) or i.source for i in iter_articles(inputs)]
    assert ReadPosition().share is None  # inputs of no size


@pytest.mark.parametrize(("text", "expected"), [
    # a stamp line is read whole when its spaces collapse it to a stamp's length, however long it is raw
    ("Tiêu đề của bài báo này\nCập nhật:" + " " * 150 + "28/06/2022\nNội dung", dt.date(2022, 6, 28)),
    ("Tiêu đề của bài báo này\n" + "chữ " * 30 + "28/06/2022\nNội dung", None),  # a body line, not a stamp
    ("Tiêu đề\n" + "\n" * 40 + "   \n10:45, 01/07/2020\n", dt.date(2020, 7, 1)),  # blank lines do not count
])
def test_find_date_reads_long_lines_only_as_far_as_needed(text, expected):
    assert find_date(text) == expected
