"""Checks a query passes before it is evaluated: its size, its nesting, and federation (``SERVICE``).

Oxigraph evaluates ``SERVICE <url> { … }`` by sending the pattern to ``url`` over HTTP, from the
machine that runs the query: a query typed into a public endpoint could make the server reach any
host it can (a service on the loopback, the local network). graphkit refuses ``SERVICE`` unless its
host is on an explicit allow-list (``graphkit serve --allow-service HOST``, ``graphkit query
--allow-service HOST``), and never tells the caller more about a failed call than that it failed
(the remote error body, or whether a port is open, stays on the server).

Oxigraph's parser recurses on nested groups, expressions and collections: 2,500 nested ``{`` (10 KB)
overflow its stack and kill the process, and nested collections ``(((…)))`` take time cubic in
their depth (64 levels: 0.5 s, 150: 6.6 s). Queries nested deeper than :data:`MAX_DEPTH` or longer
than :data:`MAX_CHARS` characters are refused before the parser sees them.

>>> check_query_limits("SELECT * { ?s ?p ?o }")
>>> check_query_limits("SELECT * " + "{" * 40 + "}" * 40)
Traceback (most recent call last):
...
graphkit.query.guard.QueryTooComplex: the query nests 40 levels of { ( [; graphkit allows at most 32 (level 33 opens at line 1, column 42): flatten the groups and expressions
>>> service_targets("SELECT * { SERVICE SILENT <http://a.org/sparql> { ?s ?p 'SERVICE <x:y>' } }  # SERVICE ?x")
['http://a.org/sparql']
>>> check_federation("SELECT * { ?s gk:SERVICE ?service }")
>>> check_federation("select * { service <http://127.0.0.1:8890/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graphkit.query.guard.FederationRefused: SERVICE (a federated query) is refused: graphkit does not call other endpoints unless allowed (graphkit serve/query --allow-service HOST)
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from graphkit.errors import QueryError

MAX_CHARS = 100_000  #: characters a query may have
MAX_DEPTH = 32  #: how deep ``{ }``, ``( )`` and ``[ ]`` may nest, all kinds counted together
MAX_SERVICES = 8  #: ``SERVICE`` clauses a query may have, when federation is allowed

FAILED_SERVICE = "a SERVICE call of the query failed (the remote endpoint's answer is not passed on)"


class QueryRefused(QueryError):
    """The query is refused before evaluation (an HTTP endpoint answers 400)."""


class QueryTooComplex(QueryRefused):
    """The query is too long or nested too deeply to be parsed safely."""


class FederationRefused(QueryRefused):
    """The query calls another endpoint (``SERVICE``) that is not allowed."""


def _blank(text: str) -> str:
    from graphkit.query.engine import _blank as blank  # strings, IRIs and comments blanked out

    return blank(text)


def check_query_limits(text: str, *, max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> None:
    """Raise :class:`QueryTooComplex` when ``text`` is longer than ``max_chars`` or its brackets nest
    deeper than ``max_depth`` (outside strings, IRIs and comments)."""
    if len(text) > max_chars:
        raise QueryTooComplex(f"the query has {len(text):,} characters; graphkit allows at most {max_chars:,}")
    bare = _blank(text)
    depth = deepest = 0
    for m in re.finditer(r"[{}()\[\]]", bare):
        if m.group() in "{([":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    where = bare[: m.start()]
                    line = where.count("\n") + 1
                    col = m.start() - (where.rfind("\n") + 1) + 1
                    raise QueryTooComplex(
                        f"the query nests {_max_depth(bare)} levels of {{ ( [; graphkit allows at most {max_depth} "
                        f"(level {max_depth + 1} opens at line {line}, column {col}): flatten the groups and expressions")
        else:
            depth = max(0, depth - 1)


def _max_depth(bare: str) -> int:
    depth = deepest = 0
    for ch in re.findall(r"[{}()\[\]]", bare):
        depth = depth + 1 if ch in "{([" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


_SERVICE = re.compile(r"(?i)(?<![\w?$:\-.])SERVICE(?![\w:\-])(\s+SILENT(?![\w:\-]))?")
_PREFIX = re.compile(r"(?i)PREFIX\s+([A-Za-z][\w.\-]*)?:\s*<([^<>\s]*)>")


def service_targets(text: str) -> list[str | None]:
    """The endpoints the ``SERVICE`` clauses of ``text`` name: an IRI (prefixed names expanded), or
    ``None`` for a variable or a name that cannot be resolved."""
    from graphkit.kg.namespaces import PREFIXES

    bare = _blank(text)
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    prefixes.update({(m[1] or ""): m[2] for m in _PREFIX.finditer(text)})
    targets: list[str | None] = []
    for m in _SERVICE.finditer(bare):
        pos = m.end()
        while pos < len(text) and bare[pos].isspace() and text[pos] != "<":  # spaces and comments
            pos += 1
        rest = text[pos:]
        iri = re.match(r"<([^<>\s]*)>", rest)
        if iri:
            targets.append(iri[1])
            continue
        pname = re.match(r"([A-Za-z][\w.\-]*)?:([\w.\-]*)", rest)
        if pname and (pname[1] or "") in prefixes:
            targets.append(prefixes[pname[1] or ""] + pname[2])
        else:
            targets.append(None)
    return targets


def _host_allowed(iri: str | None, allowed: set[str]) -> bool:
    from urllib.parse import urlsplit

    if iri is None:
        return False
    try:
        url = urlsplit(iri)
        port = url.port
    except ValueError:
        return False
    if url.scheme not in ("http", "https") or not url.hostname:
        return False
    host = url.hostname.lower()
    return host in allowed or f"{host}:{port or (443 if url.scheme == 'https' else 80)}" in allowed


def check_federation(text: str, allow_service: Iterable[str] | None = None) -> None:
    """Raise :class:`FederationRefused` when ``text`` has a ``SERVICE`` clause whose endpoint is not
    an http(s) IRI on a host of ``allow_service`` (host names or ``host:port``; none by default)."""
    targets = service_targets(text)
    if not targets:
        return
    allowed = {h.strip().lower().strip("[]") for h in (allow_service or ()) if h.strip()}
    if not allowed:
        raise FederationRefused(
            "SERVICE (a federated query) is refused: graphkit does not call other endpoints unless allowed "
            "(graphkit serve/query --allow-service HOST)")
    if len(targets) > MAX_SERVICES:
        raise FederationRefused(f"the query has {len(targets)} SERVICE clauses; graphkit allows at most {MAX_SERVICES}")
    for t in targets:
        if not _host_allowed(t, allowed):
            raise FederationRefused(
                f"SERVICE {'<' + t + '>' if t else 'with a variable or unknown prefix'} is refused: only http(s) "
                f"endpoints on the allowed hosts ({', '.join(sorted(allowed))}) may be called")


def check(text: str, *, allow_service: Iterable[str] | None = None) -> None:
    """Every check of this module (see :func:`check_query_limits`, :func:`check_federation`)."""
    check_query_limits(text)
    check_federation(text, allow_service)
