"""Read articles from .txt files, saved HTML pages, .jsonl(.gz) corpora and directories.

Bad inputs do not stop the run: each one comes out as an :class:`InputProblem` saying
what is wrong and how to fix it, and reading goes on with the next input.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import json
import os
import re
import shlex
import stat
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from graphkit.ingest.article import Article, InputProblem
from graphkit.ingest.metadata import find_date, find_title

ACCEPTED = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz")
_ACCEPTED_TEXT = ", ".join(ACCEPTED)
_SNIFF = 8192  # bytes looked at for NUL bytes
_MIN_HTML_TEXT = 100  # characters: less is a menu or a teaser, not an article
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # C0 controls but \t and \n (\r is handled first)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})$")
_ICONV = {"latin_1": "ISO-8859-1", "mac_roman": "MACINTOSH", "utf_16_le": "UTF-16LE",
          "utf_16_be": "UTF-16BE", "utf_32_le": "UTF-32LE", "utf_32_be": "UTF-32BE"}
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # lone UTF-16 halves: JSON \udXXX escapes, undecodable file names
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # … as a JSON line spells them
# A corpus line may spell its text with JSON escapes (\u1ec7 for the 3 bytes of "ệ"): a line is read up to
# this many times --max-article-size (plus room for the other fields), a longer one is skipped unread
_LINE_FACTOR = 6
_LINE_SLACK = 1 << 20
_SKIP_CHUNK = 1 << 20  # bytes read at a time through a line too long to keep
# A .jsonl.gz that decompresses to over this many times its stored size (once past _BOMB_FLOOR bytes) is a
# gzip bomb or damaged: real corpora compress 3-10 times (the 2017 corpus 3.2)
_MAX_RATIO = 100
_BOMB_FLOOR = 64 << 20
# Undecodable lines before the first good one, at most: then the whole file is taken to be in another encoding
_MAX_BAD_FIRST_LINES = 20


class _Bad(Exception):
    """An input cannot be read; the message is the InputProblem's."""


@dataclass(frozen=True)
class CorpusLine:
    """One line of a corpus, not parsed yet: :meth:`read` turns it into its article (or problems).

    :func:`iter_articles` yields these with ``defer=True``, so that a parallel build parses the
    JSON, cleans the text and reads the title and date in its worker processes.
    """

    source: str
    lineno: int
    line: bytes  # UTF-8, as in the file: decoded by read(), in the worker
    max_bytes: int

    def read(self) -> list[Article | InputProblem]:
        try:
            line = self.line.decode("utf-8")
        except UnicodeDecodeError:
            return [_not_utf8_line(self.source, self.lineno, self.line)]
        return list(_record(line, self.source, self.lineno, self.max_bytes))


@dataclass
class ReadPosition:
    """How far :func:`iter_articles` has read its inputs: ``done`` of the ``total`` bytes of the input
    files (as stored: compressed, for a .gz), updated as it reads. A cheap share of the input read,
    where counting the articles would mean reading it all once more."""

    total: int = 0
    done: int = 0

    @property
    def share(self) -> float | None:
        """``done / total`` (at most 1), or None when the inputs have no size."""
        return min(1.0, self.done / self.total) if self.total > 0 else None


def iter_articles(
    paths: Sequence[str | Path], *, max_bytes: int = 10_000_000, defer: bool = False,
    position: ReadPosition | None = None,
) -> Iterator[Article | InputProblem | CorpusLine]:
    """Yield the articles in ``paths``, and one :class:`InputProblem` per bad input.

    A path is a ``.txt`` file, an ``.html``/``.htm`` page, a ``.jsonl`` or ``.jsonl.gz``
    corpus (one JSON object a line), or a directory, walked recursively in path order
    (other files and hidden ones in it are skipped). ``max_bytes`` limits one article:
    a .txt/.html file, or the text of one corpus record. With ``defer``, corpus records come
    out as :class:`CorpusLine` (call ``read()`` on them), files as articles. ``position``, when
    given, is kept up to date (the files are then listed, and their sizes summed, first).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    todo: list[tuple[Path, str] | InputProblem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            todo += [(file, str(file)) for file in _walk(path)]
        elif not path.exists():
            todo.append(InputProblem(str(given), "no such file or directory; check the path"))
        elif _kind(path) is None:
            todo.append(InputProblem(
                str(given),
                f"unknown kind of file; graphkit reads {_ACCEPTED_TEXT} files and directories of them",
            ))
        else:
            todo.append((path, str(given)))
        if position is None:  # one input at a time: problems come out as soon as they are found
            yield from _read_all(todo, max_bytes, defer, None)
            todo = []
    if position is not None:
        position.total = sum(_file_size(item[0]) for item in todo if not isinstance(item, InputProblem))
        yield from _read_all(todo, max_bytes, defer, position)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_all(todo: list, max_bytes: int, defer: bool, position: ReadPosition | None):
    """The items of the inputs listed (files to read, and problems found listing them), in order;
    ``position`` moves on to the end of each file once it is read."""
    for item in todo:
        if isinstance(item, InputProblem):
            yield item
            continue
        path, source = item
        base = position.done if position is not None else 0
        yield from _read(path, source, max_bytes, defer, position)
        if position is not None:
            position.done = base + _file_size(path)


def _kind(path: Path) -> str | None:
    """The accepted extension ``path`` ends with, or ``None``."""
    name = path.name.lower()
    return next((ext for ext in sorted(ACCEPTED, key=len, reverse=True) if name.endswith(ext)), None)


def _walk(root: Path) -> list[Path]:
    """The readable files under ``root``, sorted by path; hidden files and dirs skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [Path(dirpath, f) for f in filenames if not f.startswith(".") and _kind(Path(f))]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read(path: Path, source: str, max_bytes: int, defer: bool = False,
          position: ReadPosition | None = None) -> Iterator[Article | InputProblem | CorpusLine]:
    """Dispatch on the file's kind; turn :class:`_Bad` and OS errors into problems."""
    kind = _kind(path)
    source = printable(source)
    try:
        if kind in (".jsonl", ".jsonl.gz"):
            yield from _read_jsonl(path, source, max_bytes, gz=kind == ".jsonl.gz", defer=defer, position=position)
            return
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise _Bad(_too_big(size, max_bytes, "file"))
            data = fh.read(max_bytes + 1)  # (the file may grow as it is read)
        if len(data) > max_bytes:
            raise _Bad(_too_big(len(data), max_bytes, "file", at_least=True))
        text = _decode(data, path)
        yield (_read_html if kind in (".html", ".htm") else _read_txt)(path, source, text)
    except _Bad as e:
        yield InputProblem(source, str(e))
    except MemoryError:
        yield InputProblem(source, "out of memory reading it; give it with a lower --max-article-size, or split it")
    except OSError as e:
        yield InputProblem(source, f"cannot read it ({e.strerror or e}); check its permissions")


def open_regular(path: str | Path):
    """``path`` opened for reading bytes, when it is a regular file (a symbolic link to one, too); else
    :class:`_Bad`: a FIFO would block forever, a device (``/dev/zero``) never end. Opened without
    blocking, then checked on the open file (no race with a rename between the check and the open)."""
    _check_regular(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _check_regular(os.fstat(fd).st_mode)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a directory" if stat.S_ISDIR(mode) else "not a regular file")
    raise _Bad(f"not a regular file ({kind}); graphkit reads regular files only: save the input to a file "
               "and give that")


def printable(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (from a JSON ``\\udXXX`` escape, or the undecodable bytes of a
    file name) replaced by U+FFFD: they cannot be written as UTF-8.

    >>> printable("a\\udcff b") == "a\\ufffd b"
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _read_txt(path: Path, source: str, text: str) -> Article:
    return Article(id=printable(path.stem), text=text, source=source, title=find_title(text), date=find_date(text))


def _read_html(path: Path, source: str, page: str) -> Article:
    """The main text of a saved web page, by trafilatura, with its title and date."""
    import trafilatura  # heavy: only when there is HTML to read

    extracted = trafilatura.extract(
        page,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        favor_precision=False,
        # metadata dates only: never a date guessed from the body text
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    meta = json.loads(extracted) if extracted else {}
    body = clean_text(meta.get("text") or meta.get("raw_text") or "").strip()
    if len(body) < _MIN_HTML_TEXT:
        only = f" (only {len(body)} characters outside the page furniture)" if body else ""
        raise _Bad(f"no article text found in the HTML page{only}; save the article page itself, "
                   "or save its text as .txt")
    title = _clean_line(meta.get("title")) or find_title(body)
    text = body if not title or body.startswith(title) else f"{title}\n{body}"
    date = _parse_date(meta.get("date")) or find_date(text)
    extra = {k: meta[k] for k in ("author", "sitename") if meta.get(k)}
    return Article(id=printable(path.stem), text=text, source=source, title=title, date=date,
                   url=meta.get("source") or None, extra=extra)


def _read_jsonl(path: Path, source: str, max_bytes: int, *, gz: bool, defer: bool = False,
                position: ReadPosition | None = None) -> Iterator[Article | InputProblem | CorpusLine]:
    """One article per line; a bad line is a problem (named by its number), a truncated gzip ends the file.

    A line longer than :func:`line_limit` is skipped without being kept in memory; a .jsonl.gz that
    decompresses to over ``_MAX_RATIO`` times its size is stopped (a gzip bomb). Undecodable lines
    before the first good one are held back: when the first ``_MAX_BAD_FIRST_LINES`` lines (or all of
    them) are undecodable, the file is in another encoding and is one problem, with the command to convert it.
    """
    count = lineno = 0
    nonblank = decoded = False
    held: list[tuple[int, bytes]] = []  # undecodable lines before the first good one
    base = position.done if position is not None else 0
    limit = line_limit(max_bytes)
    with open_regular(path) as stored, (gzip.GzipFile(fileobj=stored, mode="rb") if gz else stored) as fh:
        try:
            for lineno, raw, size in _lines(fh, stored, limit, gz):
                if position is not None:
                    position.done = base + stored.tell()
                if lineno == 1 and raw is not None:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                    if _binary(raw[:_SNIFF]):
                        raise _Bad(_not_utf8(raw[:_SNIFF], path))  # binary, or UTF-16
                if raw is None:
                    nonblank = True
                    yield InputProblem(f"{source}:{lineno}", f"line is {_size(size)}, over the {_size(limit)} "
                                       f"limit for one corpus line ({_LINE_FACTOR} times --max-article-size, for "
                                       "JSON escapes); skipped it unread; split the record or raise --max-article-size")
                    continue
                if not raw.strip():
                    continue
                nonblank = True
                if defer and decoded:  # decoded (and checked) in the worker
                    count += 1
                    yield CorpusLine(source, lineno, raw, max_bytes)
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    if decoded:
                        yield _not_utf8_line(source, lineno, raw)
                        continue
                    held.append((lineno, raw))  # the whole file may be in another encoding
                    if len(held) >= _MAX_BAD_FIRST_LINES:
                        raise _Bad(_not_utf8_lines(held, path)) from None
                    continue
                if not decoded:
                    decoded = True
                    for n, bad in held:
                        yield _not_utf8_line(source, n, bad)
                    held = []
                if defer:
                    count += 1
                    yield CorpusLine(source, lineno, raw, max_bytes)
                    continue
                for item in _record(line, source, lineno, max_bytes):
                    count += isinstance(item, Article)
                    yield item
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            if lineno == 0 and isinstance(e, gzip.BadGzipFile):
                raise _Bad(f"not a gzip file ({e}); rename it to .jsonl if it is plain text") from e
            yield InputProblem(
                source,
                f"truncated gzip after {count} articles (line {lineno + 1}); the articles before "
                f"it were read; download or compress the file again to read the rest",
            )
            return
        except _Bomb as e:
            yield InputProblem(source, f"{e} after {count} articles (line {lineno}); stopped reading it: a gzip "
                               f"bomb or a damaged file; the articles before were read")
            return
    if held:
        raise _Bad(_not_utf8_lines(held, path))
    if not nonblank:
        raise _Bad("empty file; remove it or add articles, one JSON object a line")


class _Bomb(Exception):
    """A compressed input decompresses to far more than real text does."""


def line_limit(max_bytes: int) -> int:
    """The longest corpus line read for an article of at most ``max_bytes`` (UTF-8) of text."""
    return _LINE_FACTOR * max_bytes + _LINE_SLACK


def _lines(fh, stored, limit: int, gz: bool) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line, its size)`` for each line of ``fh`` (split on ``\\n`` only); a line longer than
    ``limit`` comes as ``None``, read through in pieces but not kept. For a gzip file, :class:`_Bomb` once
    it has decompressed to over ``_MAX_RATIO`` times what was read of ``stored``."""
    lineno = total = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        size = len(raw)
        total += size
        if size > limit and not raw.endswith(b"\n"):
            raw = None
            while True:
                piece = fh.readline(_SKIP_CHUNK)
                size += len(piece)
                total += len(piece)
                if gz:
                    _check_ratio(total, stored)
                if not piece or piece.endswith(b"\n"):
                    break
        elif gz and total > _BOMB_FLOOR:
            _check_ratio(total, stored)
        yield lineno, raw, size


def _check_ratio(total: int, stored) -> None:
    if total > _BOMB_FLOOR and total > _MAX_RATIO * max(1, stored.tell()):
        raise _Bomb(f"decompresses to over {_MAX_RATIO} times its size ({_size(total)} from "
                    f"{_size(stored.tell())})")


def _binary(head: bytes) -> bool:
    """Whether the first bytes of a corpus are binary or UTF-16/32 (NUL bytes in numbers: one or two make a bad line)."""
    return head.count(b"\x00") * 20 > len(head)


def count_records(path: str | Path) -> int:
    """The lines of a .jsonl or .jsonl.gz corpus (blank and bad ones too), counted in pieces (no line is held
    in memory); 0 for what :func:`iter_articles` refuses (not a regular file, not gzip, a gzip bomb)."""
    gz = str(path).lower().endswith(".gz")
    count = total = 0
    last = b"\n"
    try:
        with open_regular(path) as stored, (gzip.GzipFile(fileobj=stored, mode="rb") if gz else stored) as fh:
            while piece := fh.read(_SKIP_CHUNK):
                count += piece.count(b"\n")
                total += len(piece)
                last = piece[-1:]
                if gz:
                    _check_ratio(total, stored)
    except (_Bad, _Bomb, OSError, EOFError, zlib.error):
        pass
    return count + (last != b"\n")


def _not_utf8_line(source: str, lineno: int, raw: bytes = b"") -> InputProblem:
    """A corpus line that is not UTF-8: a few broken bytes in good UTF-8 (a damaged line), or another encoding."""
    as_utf8 = raw.decode("utf-8", "replace")
    broken = as_utf8.count("\ufffd")
    non_ascii = sum(ord(ch) > 127 for ch in as_utf8)
    if raw and (non_ascii > 2 * broken or (broken <= 2 and non_ascii == broken)):
        return InputProblem(f"{source}:{lineno}", f"line is not valid UTF-8 ({broken} broken byte "
                            f"sequence{'s' * (broken > 1)}, the first at byte {_first_bad(raw)} of the line); the "
                            "line is damaged: skipped it; fix or remove it")
    return InputProblem(f"{source}:{lineno}", "line is not UTF-8; skipped it; fix its encoding "
                        "(iconv -f ENCODING -t UTF-8) or remove it")


def _not_utf8_lines(held: list[tuple[int, bytes]], path: Path) -> str:
    """The problem of a corpus whose first lines are all undecodable: its encoding."""
    last = held[-1][0]
    lines = f"line {last}" if len(held) == 1 else f"lines {held[0][0]}-{last}"
    return f"{lines}: {_not_utf8(b''.join(raw for _n, raw in held)[:65536], path)}"


def _record(line: str, source: str, lineno: int, max_bytes: int) -> Iterator[Article | InputProblem]:
    """The article on one corpus line, or the problem with it (and one for a bad date)."""
    where = f"{source}:{lineno}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputProblem(where, f"invalid JSON ({e.msg} at column {e.colno}); fix or remove the line")
        return
    except RecursionError:
        yield InputProblem(where, "JSON nested too deeply to read; each line must be a flat "
                           '{"id": ..., "text": ...} object: fix or remove the line')
        return
    if _SURROGATE_ESCAPE.search(line):  # a \udXXX escape: a lone half of a UTF-16 pair cannot be written as UTF-8
        rec, lone = _replace_surrogates(rec)
        if lone:
            yield InputProblem(where, f"{lone} lone UTF-16 surrogate escape{'s' * (lone > 1)} (\\udXXX without "
                               "its pair) replaced by U+FFFD; fix the record's escapes to keep those characters")
    if not isinstance(rec, dict):
        yield InputProblem(where, 'not a JSON object; each line must be {"id": ..., "text": ...}')
        return
    rid, text = rec.get("id"), rec.get("text")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        yield InputProblem(where, 'missing "id" (a string or integer); add one to the record')
        return
    rid = str(rid).strip()
    if not isinstance(text, str) or not text.strip():
        yield InputProblem(where, f'record {rid!r} has no "text"; add the article text or remove the line')
        return
    # (UTF-8 takes at most 4 bytes a character: most texts need no encoding to know they fit)
    size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > max_bytes else 0
    if size > max_bytes:
        yield InputProblem(where, _too_big(size, max_bytes, f"text of record {rid!r}"))
        return
    # JSON strings hold no raw control character (json.loads rejects them): one comes only from an escape
    text = clean_text(text, controls="\\u00" in line or "\\b" in line or "\\f" in line)
    date = _parse_date(rec.get("date"))
    if rec.get("date") and date is None:
        yield InputProblem(where, f"date {rec['date']!r} of record {rid!r} is not YYYY-MM-DD or "
                           "DD/MM/YYYY; ignored it (fix it to keep the date)")
    url = rec.get("url")
    yield Article(
        id=rid,
        text=text,
        source=f"{source}#{rid}",
        title=_clean_line(rec.get("title")) or find_title(text),
        date=date or find_date(text),
        url=url if isinstance(url, str) and url.strip() else None,
        extra={k: v for k, v in rec.items() if k not in ("id", "text", "title", "date", "url")},
    )


def _replace_surrogates(value):
    """``value`` (parsed JSON) with every lone surrogate in its strings replaced by U+FFFD, and how many."""
    if isinstance(value, str):
        n = len(_SURROGATE.findall(value))
        return (_SURROGATE.sub("\ufffd", value), n) if n else (value, 0)
    if isinstance(value, list):
        pairs = [_replace_surrogates(v) for v in value]
        return [v for v, _n in pairs], sum(n for _v, n in pairs)
    if isinstance(value, dict):
        out, total = {}, 0
        for k, v in value.items():
            (k2, n1), (v2, n2) = _replace_surrogates(k), _replace_surrogates(v)
            out[k2] = v2
            total += n1 + n2
        return out, total
    return value, 0


def _decode(data: bytes, path: Path) -> str:
    """The text of a file's bytes, cleaned; :class:`_Bad` when it is empty, binary or not UTF-8."""
    if not data.strip():
        raise _Bad("empty file; remove it or put the article text in it")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _nonempty(clean_text(data.decode(codec)))
            except UnicodeDecodeError:
                break
    if b"\x00" not in data[:_SNIFF]:
        try:
            return _nonempty(clean_text(data.decode("utf-8")))
        except UnicodeDecodeError:
            pass
    raise _Bad(_not_utf8(data, path))


def _not_utf8(data: bytes, path: Path) -> str:
    """What is wrong with bytes that are not UTF-8 text: binary, or which encoding to convert."""
    has_nul = b"\x00" in data[:_SNIFF]
    if not has_nul:
        as_utf8 = data.decode("utf-8", "replace")
        broken = as_utf8.count("\ufffd")
        if sum(ord(ch) > 127 for ch in as_utf8) > 2 * broken:  # mostly good UTF-8, a few bad bytes
            return (f"not valid UTF-8 ({broken} broken byte sequence{'s' * (broken > 1)}, the first at "
                    f"byte {_first_bad(data)}); the file is damaged or mixes encodings: save it again as UTF-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or (has_nul and not encoding.startswith(("utf_16", "utf_32"))):
        why = "it has NUL bytes" if has_nul else "not UTF-8 and no text encoding fits"
        return f"binary file, not text ({why}); give graphkit .txt, .html or .jsonl files"
    iconv = _ICONV.get(encoding, encoding.upper().replace("_", "-"))
    kind = _kind(path) or ""
    out = shlex.quote(str(path)[: len(str(path)) - len(kind)] + ".utf8" + kind.removesuffix(".gz"))
    src = shlex.quote(str(path))
    how = f"zcat {src} | iconv -f {iconv} -t UTF-8" if kind.endswith(".gz") else f"iconv -f {iconv} -t UTF-8 {src}"
    return f"not UTF-8 (looks like {encoding}); convert it first: {how} > {out}"


def _first_bad(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    return -1


def _nonempty(text: str) -> str:
    if not text.strip():
        raise _Bad("empty file; remove it or put the article text in it")
    return text


def clean_text(text: str, *, controls: bool = True) -> str:
    """``text`` as graphkit wants it: NFC, ``\\n`` line breaks, no BOM, no control characters.
    ``controls=False``: the caller knows ``text`` holds none (looking costs more than all the rest)."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:  # (rare: a look is a third of the two replacements that find none)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text) if controls else text)


def _clean_line(value: object) -> str | None:
    """A one-line metadata value (a title), cleaned; ``None`` when absent or blank."""
    if not isinstance(value, str):
        return None
    return " ".join(clean_text(value).split()) or None


def _parse_date(value: object) -> _dt.date | None:
    """An explicit date: ISO ``YYYY-MM-DD`` (a time may follow) or ``DD/MM/YYYY``."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if m := _ISO_DATE.match(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _VN_DATE.match(value):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None


def _too_big(size: int, limit: int, what: str, *, at_least: bool = False) -> str:
    return (f"{what} is {'over ' * at_least}{_size(size)}, over the {_size(limit)} limit for one article; "
            f"split it or raise --max-article-size")


def _size(n: int) -> str:
    """``52.4 MB``, ``10 MB``, ``200 bytes``."""
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
