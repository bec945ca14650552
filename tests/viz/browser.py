"""Open a page in headless Chromium and report what happened: for tests, benchmarks and screenshots.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: JSON
messages separated by NUL bytes on file descriptors 3 and 4), so nothing beyond the browser
itself is needed: no selenium, no websocket package, no port. The report lists console
errors, uncaught exceptions, every network request the page made, and can evaluate a script
and take a PNG screenshot.

Install a browser with ``apt-get install chromium`` (Debian) or point ``GRAPHKIT_CHROMIUM`` at one.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.errors import GraphkitError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_HINT = "install one with 'apt-get install chromium' (Debian/Ubuntu) or set GRAPHKIT_CHROMIUM to its path"


class BrowserError(GraphkitError):
    """Headless Chromium is missing, failed to start, or the page did not load."""


def find_chromium() -> str | None:
    """The path of a Chromium/Chrome executable, or None."""
    env = os.environ.get("GRAPHKIT_CHROMIUM")
    if env:
        return env if Path(env).is_file() else shutil.which(env)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageReport:
    """What a page did while it loaded."""

    url: str
    console: list[dict] = field(default_factory=list)  # {"level", "text"} for every console message
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    value: object = None  # result of the evaluated expression
    screenshot: bytes | None = None
    load_seconds: float = 0.0
    ready_seconds: float = 0.0

    @property
    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions."""
        return [m["text"] for m in self.console if m["level"] in ("error", "assert")] + list(self.exceptions)

    @property
    def external_requests(self) -> list[str]:
        """Requests that would leave the machine (anything but the page itself and data:/blob:)."""
        return [u for u in self.requests if not u.startswith(("file:", "data:", "blob:", "about:"))]


class _Pipe:
    def __init__(self, proc, to_browser: int, from_browser: int):
        self.proc, self.w, self.r = proc, to_browser, from_browser
        self.buf = b""
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def read(self, deadline: float) -> dict:
        import select

        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("headless Chromium did not answer in time; is the page very large?")
            ready, _, _ = select.select([self.r], [], [], left)
            if ready:
                chunk = os.read(self.r, 1 << 20)
                if not chunk:
                    raise BrowserError("headless Chromium exited; run it by hand with --headless to see why")
                self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        i = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            msg = self.read(deadline)
            if msg.get("id") == i:
                if "error" in msg:
                    raise BrowserError(f"Chromium refused {method}: {msg['error'].get('message')}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, session: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        for k, msg in enumerate(self.events):
            if msg.get("method") == method and msg.get("sessionId") == session:
                return msg
        while True:
            msg = self.read(deadline)
            self.events.append(msg)
            if msg.get("method") == method and msg.get("sessionId") == session:
                return msg


def _remote_text(obj: dict) -> str:
    if "value" in obj:
        return str(obj["value"])
    return obj.get("description") or obj.get("type", "")


def open_page(path, *, evaluate: str | None = None, ready: str | None = None, click: str | None = None,
              screenshot: bool = False,
              width: int = 1280, height: int = 800, timeout: float = 60, settle: float = 0.3) -> PageReport:
    """Load a local HTML file in headless Chromium and report what it did.

    Parameters
    ----------
    path : path of an HTML file
    evaluate : str, optional
        A JavaScript expression evaluated after load (its JSON value is returned in ``value``).
    ready : str, optional
        A JavaScript expression polled until it is true before evaluating and screenshotting.
    click : str, optional
        A JavaScript expression giving ``{x, y}`` in page pixels: a real mouse click is sent there
        (DevTools ``Input.dispatchMouseEvent``) before ``evaluate``.
    screenshot : bool
        Take a PNG screenshot of the viewport (``width`` × ``height``).
    """
    exe = find_chromium()
    if not exe:
        raise BrowserError(f"no Chromium or Chrome found; {INSTALL_HINT}")
    url = Path(path).resolve().as_uri()
    report = PageReport(url)
    profile = tempfile.mkdtemp(prefix="graphkit-chromium-")
    to_r, to_w = os.pipe()
    from_r, from_w = os.pipe()
    # The protocol pipe must be fds 3 (browser reads) and 4 (browser writes). Copies at fd >= 10
    # cannot clash with 3 and 4; a tiny Python launcher moves them there and execs the browser
    # (dash cannot redirect fds above 9, and preexec_fn's fds would be closed by close_fds).
    import fcntl
    import sys

    hi_r, hi_w = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
    for fd in (to_r, from_w):
        os.close(fd)
    to_r, from_w = hi_r, hi_w
    args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--mute-audio", "--hide-scrollbars", f"--user-data-dir={profile}", f"--window-size={width},{height}",
            "--remote-debugging-pipe", "about:blank"]
    launcher = (f"import os, sys; os.dup2({to_r}, 3); os.dup2({from_w}, 4); os.close({to_r}); os.close({from_w}); "
                "os.execv(sys.argv[1], sys.argv[1:])")
    proc = subprocess.Popen([sys.executable, "-I", "-c", launcher] + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, pass_fds=(to_r, from_w))
    os.close(to_r)
    os.close(from_w)
    pipe = _Pipe(proc, to_w, from_r)
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"}, timeout=timeout)["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            pipe.call(f"{domain}.enable", session=session)
        pipe.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
        start = time.monotonic()
        pipe.call("Page.navigate", {"url": url}, session=session)
        pipe.wait_for("Page.loadEventFired", session, timeout)
        report.load_seconds = time.monotonic() - start
        if ready:
            deadline = time.monotonic() + timeout
            while True:
                r = pipe.call("Runtime.evaluate", {"expression": f"Boolean({ready})", "returnByValue": True},
                              session=session)
                if r.get("result", {}).get("value") is True:
                    break
                if time.monotonic() > deadline:
                    raise BrowserError(f"the page never became ready ({ready})")
                time.sleep(0.05)
        report.ready_seconds = time.monotonic() - start
        time.sleep(settle)
        if click:
            r = pipe.call("Runtime.evaluate", {"expression": f"JSON.stringify({click})", "returnByValue": True},
                          session=session)
            at = json.loads(r.get("result", {}).get("value") or "null")
            if not at:
                raise BrowserError(f"the click target ({click}) is not on the page")
            for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
                pipe.call("Input.dispatchMouseEvent", {"type": kind, "x": at["x"], "y": at["y"], "button": "left",
                                                       "clickCount": 0 if kind == "mouseMoved" else 1},
                          session=session)
            time.sleep(settle)
        if evaluate:
            r = pipe.call("Runtime.evaluate", {"expression": evaluate, "returnByValue": True}, session=session)
            if "exceptionDetails" in r:
                report.exceptions.append(_remote_text(r["exceptionDetails"].get("exception", {})))
            report.value = r.get("result", {}).get("value")
        if screenshot:
            import base64

            r = pipe.call("Page.captureScreenshot", {"format": "png"}, session=session)
            report.screenshot = base64.b64decode(r["data"])
        pipe.call("Runtime.evaluate", {"expression": "0"}, session=session)  # flush pending events
    finally:
        for msg in pipe.events:
            m, p = msg.get("method"), msg.get("params", {})
            if m == "Runtime.consoleAPICalled":
                report.console.append({"level": p.get("type", ""),
                                       "text": " ".join(_remote_text(a) for a in p.get("args", []))})
            elif m == "Log.entryAdded":
                e = p.get("entry", {})
                report.console.append({"level": e.get("level", ""), "text": e.get("text", "")})
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                report.exceptions.append(_remote_text(d.get("exception", {})) or d.get("text", ""))
            elif m == "Network.requestWillBeSent":
                report.requests.append(p.get("request", {}).get("url", ""))
        try:
            pipe.send("Browser.close")
            proc.wait(timeout=10)
        except Exception:
            proc.kill()
            proc.wait()
        os.close(to_w)
        os.close(from_r)
        shutil.rmtree(profile, ignore_errors=True)
    return report


def png_stats(data: bytes) -> dict:
    """Width, height and the spread of pixel values of a PNG (8-bit RGB/RGBA/grey), with no imaging library.

    ``distinct`` counts distinct colours (sampled), ``stdev`` is the standard deviation of all
    channel values: a blank page has one colour and ``stdev`` 0.
    """
    import struct
    import zlib

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise BrowserError("not a PNG image")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise BrowserError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    pixels = b"".join(rows)
    n = len(pixels)
    mean = sum(pixels) / n
    var = sum((v - mean) ** 2 for v in pixels[::7]) / len(pixels[::7])
    colours = {pixels[i:i + channels] for i in range(0, n, channels * 13)}
    return {"width": width, "height": height, "mean": mean, "stdev": var ** 0.5, "distinct": len(colours)}
