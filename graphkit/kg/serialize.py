"""Writing and reading graphs: format from the file extension, atomic, deterministic."""
from __future__ import annotations

import errno
import glob
import os
import tempfile
from pathlib import Path

from graphkit.errors import DiskFullError, OutputError

from graphkit import formats as _formats

#: graph file extension → rdflib format name (from :data:`graphkit.formats.RDF`)
FORMATS = {f.extensions[0]: f.rdflib for f in _formats.RDF if f.graph_file}
QUAD_FORMATS = {f.rdflib for f in _formats.RDF if f.graph_file and f.quads}


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(
            f"{path}: unknown output format '{suffix or '(none)'}'; use one of {', '.join(FORMATS)}"
        )
    return FORMATS[suffix]


def _sorted_lines(text: str) -> str:
    """The lines of N-Triples or N-Quads text, sorted and unique. Split on ``\\n`` only: a literal may hold
    U+2028, U+0085, a form feed … raw, and ``str.splitlines()`` would cut the line there."""
    lines = sorted({ln for ln in text.split("\n") if ln.strip()})
    return "\n".join(lines) + ("\n" if lines else "")


def _trig(dataset) -> str:
    """TriG with the named graphs in IRI order and each graph's triples as sorted Turtle.

    rdflib's own TriG writer orders graphs by hash, which changes between processes.
    """
    from rdflib import Graph

    from graphkit.kg.namespaces import PREFIXES, bind_all

    head = "".join(f"@prefix {p}: <{u}> .\n" for p, u in sorted(PREFIXES.items()))
    parts = [head]
    graphs = sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        flat = Graph()
        bind_all(flat)
        for t in g:
            flat.add(t)
        body = flat.serialize(format="turtle")
        body = "\n".join(ln for ln in body.split("\n") if not ln.startswith("@prefix")).strip()
        name = f"<{g.identifier}>"
        if str(g.identifier).startswith("urn:x-rdflib:default"):
            parts.append("{\n" + body + "\n}\n")
        else:
            parts.append(f"{name} {{\n" + body + "\n}\n")
    return "\n".join(parts)


def dumps(dataset, fmt: str) -> str:
    """Serialise a Dataset; plain-triple formats flatten the named graphs into one graph."""
    from rdflib import Graph

    from graphkit.kg.namespaces import bind_all

    if fmt in QUAD_FORMATS:
        if fmt == "nquads":
            return _sorted_lines(dataset.serialize(format="nquads"))
        if fmt == "json-ld":
            from graphkit.kg.namespaces import PREFIXES

            return dataset.serialize(format="json-ld", context=dict(PREFIXES), sort_keys=True, indent=1)
        return _trig(dataset)
    flat = Graph()
    bind_all(flat)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        flat.add((s, p, o))
    if fmt == "nt":
        return _sorted_lines(flat.serialize(format="nt"))
    return flat.serialize(format=fmt)


def _umask() -> int:
    """The process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one, never half.

    The text goes to a temporary file beside ``path`` (``.NAME.PID.XXXX.tmp``), renamed over ``path`` once
    complete; a temporary left by a writer that was killed (its process gone) is removed on the next
    write. A full disk is :class:`~graphkit.errors.DiskFullError` (``path`` is left as it was). The file's
    mode follows the umask, as a file opened for writing would (``0644`` under the usual ``022``).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise _output_error(path, e) from e
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes the file private (0600); a written file is not
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise _output_error(path, e) from e
        raise


def _output_error(path: Path, e: OSError) -> OutputError:
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"{path}: the disk is full ({e.strerror}); nothing was written there (an older file "
                             "is left as it was); free some space, or write elsewhere")
    return OutputError(f"{path}: cannot write here ({e.strerror or e}); choose another --out")


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporaries of :func:`write_atomic` for ``path`` whose writing process is gone (killed
    while writing); returns them. Another process's, still running, are left alone."""
    path = Path(path)
    gone = []
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = tmp.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _pid_alive(int(pid)):
            try:
                tmp.unlink()
                gone.append(tmp)
            except OSError:
                pass
    return gone


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def write(dataset, path: str | Path) -> Path:
    fmt = format_for(path)
    write_atomic(path, dumps(dataset, fmt))
    return Path(path)


def load(path: str | Path, dataset=None):
    """Read a graph file (any of FORMATS) into an rdflib Dataset."""
    from rdflib import Dataset

    path = Path(path)
    if not path.exists():
        raise OutputError(f"{path}: no such graph file; build one with 'graphkit build … --out {path.name}'")
    fmt = format_for(path)
    ds = dataset if dataset is not None else Dataset()
    try:
        ds.parse(str(path), format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        raise OutputError(f"{path}: not a readable {fmt} file ({e})") from e
    return ds
