"""Benchmark: the bad inputs and faults of issue 19 (the build half), run end to end; prints the counts.

    PYTHONPATH=. python benchmarks/bad_inputs.py [--quick] [--timeout 120]

Each case builds a batch through the CLI in a subprocess (``python -m graphkit.cli build``): one bad input
(or fault) and a good article beside it. A case is

- *handled*: exit 0 or 1, no traceback, the bad input named in a message, the good article built and the
  output parsed back (and for the kill cases: no worker, temporary or staging directory left);
- a *traceback*: a Python traceback, or an exit code other than 0/1 (130 for an interrupt we sent);
- a *hang*: still running after ``--timeout`` seconds (then killed);
- *lost*: the good article (or the bad input's good records) missing from the output.

Prints one line per case, then ``tried / handled / tracebacks / hangs / lost`` and the peak RSS of the
largest case. ``--quick`` makes the bombs smaller (200 MB instead of 1 GB).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
TITLE = "Bắc Giang tổng kết công tác xây dựng Đảng năm 2022"
BODY = ("Chiều 28/6, Bí thư Tỉnh ủy Bắc Giang Dương Văn Thái chủ trì hội nghị tổng kết công tác xây dựng Đảng "
        "sáu tháng đầu năm 2022 và triển khai nhiệm vụ sáu tháng cuối năm.")
SEPARATORS = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def rec(rid: str, text: str = f"{TITLE}\n{BODY}", **more) -> str:
    return json.dumps({"id": rid, "text": text, **more}, ensure_ascii=False) + "\n"


class Run:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.rows: list[tuple[str, str, str]] = []
        self.peak = (0, "")

    def cli(self, argv: list[str], *, prelude: str = "", kill_after: tuple[float, int] | None = None):
        """Run graphkit's CLI; (returncode or None on a hang, stderr, max RSS in KB, child pids seen)."""
        code = f"{prelude}\nimport sys\nfrom graphkit.cli import app\nsys.argv = ['graphkit'] + {argv!r}\napp()"
        p = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
        seen: set[int] = set()
        done: list = []

        def running() -> bool:  # (os.wait4, not poll(): the child's resource usage comes with its status)
            if not done:
                pid, status, usage = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    done.append((status, usage))
            return not done

        deadline = time.monotonic() + self.args.timeout
        if kill_after is not None:
            delay, sig = kill_after
            end = time.monotonic() + delay
            while time.monotonic() < end and running():
                seen |= children(p.pid)
                time.sleep(0.05)
            if running():
                os.kill(p.pid, sig)
        while running() and time.monotonic() < deadline:
            seen |= children(p.pid)
            time.sleep(0.05)
        hung = running()
        if hung:
            os.kill(p.pid, signal.SIGKILL)
            _pid, status, usage = os.wait4(p.pid, 0)
        else:
            status, usage = done[0]
        p.returncode = 0  # (reaped here)
        stderr = p.stderr.read().decode("utf-8", "replace")
        rc = None if hung else os.waitstatus_to_exitcode(status)
        return rc, stderr, usage.ru_maxrss, seen

    def case(self, name: str, files: list[Path], *, want: set[str], named: list[str], fmt: str = ".nq",
             extra: list[str] | None = None, prelude: str = "", kill_after=None, expect_rc=(0, 1),
             check=None) -> None:
        out = self.dir / f"{name}{fmt}"
        argv = ["build", *map(str, files), *(extra if extra is not None else ["--out", str(out)]), "-q"]
        rc, stderr, rss, seen = self.cli(argv, prelude=prelude, kill_after=kill_after)
        if rss > self.peak[0]:
            self.peak = (rss, name)
        if rc is None:
            verdict, why = "hang", f"killed after {self.args.timeout} s"
        elif "Traceback" in stderr or rc not in expect_rc:
            verdict, why = "traceback", f"exit {rc}: {stderr.strip().splitlines()[-1][:150] if stderr.strip() else ''}"
        else:
            verdict, why = "handled", ""
            missing = [n for n in named if n not in stderr]
            if missing:
                verdict, why = "lost", f"no message names {missing[0]!r}"
            if want and verdict == "handled":
                got = article_ids(out) if out.exists() else set()
                if not want <= got:
                    verdict, why = "lost", f"missing articles {sorted(want - got)[:3]}"
            if check is not None and verdict == "handled":
                problem = check(seen)
                if problem:
                    verdict, why = "lost", problem
        first = next((ln for ln in stderr.splitlines() if ln.startswith("graphkit:")), "")
        self.rows.append((name, verdict, why or first[:150]))
        print(f"{verdict:<10} {name:<28} {why or first[:140]}  [{rss // 1024} MB]", flush=True)

    def run(self) -> None:
        with tempfile.TemporaryDirectory(prefix="graphkit-bad-") as tmp:
            self.dir = Path(tmp)
            self.cases()
        counts = {k: sum(1 for _n, v, _w in self.rows if v == k) for k in ("handled", "traceback", "hang", "lost")}
        print(f"\ntried {len(self.rows)} / handled {counts['handled']} / tracebacks {counts['traceback']} / "
              f"hangs {counts['hang']} / lost {counts['lost']}")
        print(f"peak RSS {self.peak[0] // 1024} MB ({self.peak[1]})")

    def file(self, name: str, content: str | bytes) -> Path:
        p = self.dir / name
        p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(content, bytes) else lambda c: p.write_text(c, encoding="utf-8"))(content)
        return p

    def cases(self) -> None:
        d = self.dir
        good = self.file("good.txt", f"{TITLE}\n{BODY}\n")
        big = 1 << 30 if not self.args.quick else 200 << 20
        # corrupt output: every line separator, in each output format
        for i, ch in enumerate(SEPARATORS):
            for fmt in (".nq", ".trig", ".nt"):
                f = self.file(f"sep{i}/a{ch}.txt", f"{TITLE}{ch}\n{BODY[:30]}{ch}{BODY[30:]}\n")
                c = self.file(f"sep{i}/c.jsonl", rec(f"i{ch}d", title=f"T{ch}x"))
                self.case(f"sep-U+{ord(ch):04X}{fmt}", [f, c, good], want={"good", f"i{ch}d", f"a{ch}"}, named=[],
                          fmt=fmt)
        # silent merges
        self.case("ids-by-case", [self.file("case.jsonl", rec("ABC") + rec("abc")), good], want={"good", "ABC"},
                  named=["'abc'"])
        self.case("names-by-punctuation", [self.file("p/Bai-1.txt", f"{TITLE}\n{BODY}\n"),
                                           self.file("p/bai 1.txt", f"{TITLE}\n{BODY} Hai.\n"), good],
                  want={"good", "Bai-1"}, named=["bai 1.txt"])
        # one bad record
        bad1 = (rec("a").encode().replace("tổng".encode(), b"t\xffng", 1) + rec("b").encode())
        self.case("bad-byte-line-1", [self.file("bad1.jsonl", bad1), good], want={"good", "b"}, named=["bad1.jsonl:1"])
        self.case("nested-json", [self.file("nest.jsonl", "[" * 200_000 + "]" * 200_000 + "\n" + rec("n")), good],
                  want={"good", "n"}, named=["nest.jsonl:1"])
        for where, line in (("text", '{"id": "s1", "text": "' + TITLE + r'\n\ud800 ' + BODY + '"}'),
                            ("title", '{"id": "s2", "title": "T\\udfff", "text": "' + TITLE + "\\n" + BODY + '"}'),
                            ("id", '{"id": "s3\\ud83d", "text": "' + TITLE + "\\n" + BODY + '"}')):
            self.case(f"surrogate-{where}", [self.file(f"sur-{where}.jsonl", line + "\n" + rec("ok")), good],
                      want={"good", "ok"}, named=[f"sur-{where}.jsonl:1"])
        # endless and huge inputs
        for kind in (".txt", ".jsonl"):
            z = d / f"zero{kind}"
            z.symlink_to("/dev/zero")
            self.case(f"dev-zero{kind}", [z, good], want={"good"}, named=[f"zero{kind}"])
            fifo = d / f"fifo{kind}"
            os.mkfifo(fifo)
            self.case(f"fifo{kind}", [fifo, good], want={"good"}, named=[f"fifo{kind}"])
            self.case(f"fifo{kind}-into", [fifo, good], want=set(), named=[f"fifo{kind}"],
                      extra=["--into", str(d / f"st-fifo{kind}"), "--jobs", "2"])
        bomb = d / "bomb.jsonl.gz"
        with gzip.open(bomb, "wb", compresslevel=1) as fh:
            fh.write(rec("before").encode())
            chunk = b"\0" * (1 << 24)
            for _ in range(big // len(chunk)):
                fh.write(chunk)
        self.case("gzip-bomb", [bomb, good], want={"good", "before"}, named=["bomb.jsonl.gz"])
        line = d / "line.jsonl"
        with line.open("wb") as fh:
            fh.write(rec("first").encode() + b'{"id": "huge", "text": "')
            chunk = ("Bí thư Dương Văn Thái " * 40_000).encode()
            for _ in range(big // len(chunk)):
                fh.write(chunk)
            fh.write(b'"}\n' + rec("last").encode())
        self.case("single-line-bomb", [line, good], want={"good", "first", "last"}, named=["line.jsonl:2"])
        unit = ("Bí thư Tỉnh ủy Hà Nam Nguyễn Văn An, Chủ tịch UBND tỉnh Trần Thị Bình, ông Lê Văn Cường - Phó Chủ "
                "tịch HĐND thành phố Hà Nội, ")
        for kb in (130, 520):
            f = self.file(f"long{kb}.txt", f"{TITLE}\n" + unit * (kb * 1000 // len(unit.encode())) + "cùng dự.\n")
            t = time.monotonic()
            self.case(f"long-sentence-{kb}KB", [f, good], want={"good", f"long{kb}"}, named=[])
            self.rows[-1] = (*self.rows[-1][:2], f"{time.monotonic() - t:.1f} s")
            print(f"           ({time.monotonic() - t:.1f} s)")
        self.case("html", [self.file("page.html", f"<html><head><title>{TITLE}</title></head><body><article><h1>"
                                                  f"{TITLE}</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"), good],
                  want={"good", "page"}, named=[])
        # kills and faults
        texts = [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]
        corpus = self.file("corpus.jsonl", "".join(rec(f"r{i}", texts[i % len(texts)]) for i in range(3000)))

        def no_leftovers(store: str, rerun: bool = False):
            def check(seen: set[int]) -> str:
                time.sleep(2)
                alive = [p for p in seen if alive_pid(p)]
                for p in alive:
                    os.kill(p, signal.SIGKILL)
                if rerun:  # kill -9 leaves the staging directory: the next build removes it
                    self.cli(["build", str(good), "--into", str(d / store), "-q"])
                left = [p.name for p in d.glob(f".{store}*")]
                return (f"{len(alive)} worker(s) left alive" if alive else
                        f"left {left[:2]}" if left else "")
            return check

        self.case("kill-9-into", [corpus], want=set(), named=[], extra=["--into", str(d / "st-kill"), "--jobs", "2"],
                  kill_after=(6.0, signal.SIGKILL), expect_rc=(-9,), check=no_leftovers("st-kill", True))
        self.case("term-into", [corpus], want=set(), named=[], extra=["--into", str(d / "st-term"), "--jobs", "2"],
                  kill_after=(6.0, signal.SIGTERM), expect_rc=(130,), check=no_leftovers("st-term"))
        small = self.file("small.jsonl", "".join(rec(f"r{i}", texts[i % len(texts)]) for i in range(300)))
        self.case("term-out", [small], want=set(), named=[], kill_after=(4.0, signal.SIGTERM), expect_rc=(0, 130),
                  check=no_leftovers("term-out.nq."))
        self.case("kill-9-out-then-rerun", [good], want={"good"}, named=[],
                  prelude=f"open({str(d / '.kill-9-out-then-rerun.nq.999999999.x.tmp')!r}, 'w').write('half')",
                  check=no_leftovers("kill-9-out-then-rerun.nq."))
        enospc = "import os, errno\ndef full(*a):\n    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
        (d / "full.nq").write_text("old")
        self.case("disk-full-out", [good], want=set(), named=["the disk is full"], expect_rc=(1,),
                  prelude=enospc + "os.fsync = full", extra=["--out", str(d / "full.nq")],
                  check=lambda _s: "" if (d / "full.nq").read_text() == "old" else "the old file was changed")
        self.cli(["build", str(good), "--into", str(d / "st-full")])
        self.case("disk-full-into", [self.file("more.jsonl", rec("more"))], want=set(), named=["the disk is full"],
                  expect_rc=(1,), extra=["--into", str(d / "st-full"), "--jobs", "1"],
                  prelude=enospc + "from graphkit.kg.store import GraphStore\nGraphStore.put_graphs = full")


def article_ids(out: Path) -> set[str]:
    from graphkit.kg.serialize import load

    ds = load(out)
    return {str(o) for _s, p, o, _g in ds.quads((None, None, None, None)) if str(p).endswith("#articleId")}


def children(pid: int) -> set[int]:
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.add(int(d.name))
            except (OSError, ValueError, IndexError):
                continue
    return out


def alive_pid(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="bombs of 200 MB, not 1 GB")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a case counts as a hang")
    Run(ap.parse_args()).run()


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
