"""A graphkit graph as a property graph for other tools: GraphML and GEXF (Gephi, networkx, igraph),
CSV node and edge tables (pandas, R), and the CSV files ``neo4j-admin database import full`` reads.

Nodes are the persons, posts, bodies, provinces, districts, directives and meetings; each has an
``id`` (its IRI after ``https://w3id.org/graphkit/id/``, e.g. ``person/duong-van-thai``), a
``label`` (``rdfs:label``), a ``type`` and, where the graph says, ``code``, ``document_type``,
``role`` and ``date``. Edges (keyed by ``relation``, as GEXF keeps ``type`` for itself) are the relations between them (``holds``, ``formerlyHeld``,
``postIn``, ``chairedBy``, ``attendedBy``, ``speaker``, ``implements``, ``cites``, ``amends``,
``issuedBy``, ``place`` …) with a Vietnamese ``label``, and a ``weight``: the number of articles
that support the edge (an edge read from a flattened graph file, whose article is unknown,
weighs 1). ``articles`` lists those articles, ``first_date``/``last_date`` their date range.

>>> from graphkit import examples
>>> G = property_graph(examples.dataset())
>>> thai = "person/" + examples.iri("person", "Dương Văn Thái").rsplit("/", 1)[-1]
>>> sorted((k, G.nodes[v]["label"], d["weight"]) for _, v, k, d in G.out_edges(thai, keys=True, data=True))
[('holds', 'Bí thư Tỉnh ủy Bắc Giang', 1), ('holds', 'Trưởng Đoàn đại biểu Quốc hội tỉnh Bắc Giang', 1), ('holds', 'Ủy viên Ban Chấp hành Trung ương Đảng', 1)]
>>> sorted({t for _, t in G.nodes(data="type")})
['Directive', 'District', 'Meeting', 'Organization', 'Person', 'Post', 'Province']
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import shutil
import tempfile
from pathlib import Path

from graphkit.errors import OutputError

#: the node types exported (``gk:`` classes)
NODE_TYPES = ("Person", "Post", "Organization", "Province", "District", "Directive", "Meeting")
#: export formats: name → what is written
FORMATS = {
    "graphml": "one .graphml file (Gephi, networkx, igraph, yEd)",
    "gexf": "one .gexf file (Gephi, networkx)",
    "csv": "a directory with nodes.csv and edges.csv (pandas, R)",
    "neo4j": "a directory with nodes.csv and relationships.csv for neo4j-admin database import full",
}
#: relation (gk: local name) → Vietnamese edge label
LABELS_VI = {
    "holds": "giữ chức", "formerlyHeld": "nguyên", "postIn": "thuộc", "chairedBy": "chủ trì", "attendedBy": "dự",
    "speaker": "phát biểu", "implements": "thực hiện", "cites": "trích dẫn", "amends": "sửa đổi",
    "replaces": "thay thế", "repeals": "bãi bỏ", "issuedBy": "ban hành bởi", "place": "tại",
    "organizedBy": "tổ chức bởi", "subEventOf": "thuộc", "memberOf": "thành viên", "partOf": "thuộc",
    "locatedIn": "thuộc", "mergedInto": "sáp nhập vào", "possiblySame": "có thể là",
}
NODE_COLUMNS = ("id", "label", "type", "code", "document_type", "role", "date", "iri")
EDGE_COLUMNS = ("source", "target", "relation", "label", "weight", "articles", "first_date", "last_date")


def _id(iri: str) -> str:
    from graphkit.kg.namespaces import GK_URI

    base = GK_URI.rstrip("/").rsplit("/", 1)[0] + "/id/"
    return iri[len(base):] if iri.startswith(base) else iri


def _text(v) -> str:
    return v.isoformat() if isinstance(v, _dt.date) else ("" if v is None else str(v))


def property_graph(source, *, date_from=None, date_to=None):
    """The property graph of ``source`` (anything :func:`graphkit.query.open_graph` opens, or a
    :class:`~graphkit.analytics.kgindex.KGIndex`): a ``networkx.MultiDiGraph`` keyed by relation.

    ``date_from``/``date_to`` keep the edges supported by articles published in that range (and
    the nodes they join); every attribute is a string or an int, so GraphML and GEXF keep it as it is.
    """
    import networkx as nx

    from graphkit.analytics.kgindex import PROV_DERIVED, KGIndex
    from graphkit.analytics.slicing import DateRange

    idx = KGIndex.read(source)
    rng = DateRange.of(date_from, date_to)
    keep = {n for n, t in idx.types.items() if t in NODE_TYPES}
    G = nx.MultiDiGraph(name="graphkit", date_from=_text(rng.start), date_to=_text(rng.end))
    edges = []
    for s in sorted(keep):
        for key, values in sorted(idx.attrs.get(s, {}).items()):
            if key == PROV_DERIVED:
                continue
            for o in sorted(v for v in values if isinstance(v, str) and v in keep):
                sup = idx.asserted.get((s, key, o))
                if sup is not None:
                    dated = [(x.article, x.date) for x in sup if rng.contains(idx._date(x))]
                    arts = {a: d for a, d in dated if a}
                    if not dated:
                        continue
                else:
                    if not idx.in_slice(s, key, o, rng):
                        continue
                    arts = {a: _text(idx.article_date(a)) for a in idx.reported(s, key, o, rng)}
                dates = sorted(d for d in arts.values() if d)
                edges.append((s, o, key, {
                    "relation": key, "label": LABELS_VI.get(key, key), "weight": max(1, len(arts)),
                    "articles": " ".join(_id(a) for a in sorted(arts)),
                    "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else ""}))
    nodes = sorted({n for s, o, _, _ in edges for n in (s, o)}) if rng.bounded else sorted(keep)
    for n in nodes:
        t = idx.type_of(n)
        date = idx.value(n, "issuedOn") if t == "Directive" else idx.value(n, "date")
        attrs = {"label": idx.label(n), "type": t, "code": _text(idx.value(n, "code")),
                 "document_type": _text(idx.value(n, "documentType")), "role": _text(idx.value(n, "role")),
                 "date": _text(date), "iri": n}
        G.add_node(_id(n), **attrs)
    for s, o, key, attrs in edges:
        G.add_edge(_id(s), _id(o), key=key, **attrs)
    return G


# -- writing -----------------------------------------------------------------------------------------
def _graphml(G) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(G, encoding="utf-8", prettyprint=True)) + "\n"


def _gexf(G) -> str:
    import networkx as nx

    H = G.copy()
    for u, v, k, d in H.edges(keys=True, data=True):
        d["id"] = f"{u}|{k}|{v}"  # stable edge ids (the writer numbers them otherwise)
    return "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True)) + "\n"


def _csv(rows, columns) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return out.getvalue()


def tables(G) -> dict[str, str]:
    """``nodes.csv`` and ``edges.csv``: one row per node and per edge, the columns of
    :data:`NODE_COLUMNS` and :data:`EDGE_COLUMNS`."""
    nodes = [[n] + [d.get(c, "") for c in NODE_COLUMNS[1:]] for n, d in G.nodes(data=True)]
    edges = [[u, v] + [d.get(c, "") for c in EDGE_COLUMNS[2:]] for u, v, d in G.edges(data=True)]
    return {"nodes.csv": _csv(nodes, NODE_COLUMNS), "edges.csv": _csv(edges, EDGE_COLUMNS)}


def _rel_type(key: str) -> str:
    """``formerlyHeld`` → ``FORMERLY_HELD``: Neo4j's relationship type convention."""
    out = "".join("_" + c if c.isupper() else c for c in key)
    return out.upper().strip("_")


def neo4j_tables(G) -> dict[str, str]:
    """The two CSV files of ``neo4j-admin database import full``: nodes (``id:ID``, properties,
    ``:LABEL``) and relationships (``:START_ID``, ``:END_ID``, ``:TYPE``, ``weight:int`` …);
    ``articles:string[]`` holds the article ids separated by ``;``."""
    node_head = ["id:ID", "name", "code", "document_type", "role", "date", "iri", ":LABEL"]
    nodes = [[n, d["label"], d["code"], d["document_type"], d["role"], d["date"], d["iri"], d["type"]]
             for n, d in G.nodes(data=True)]
    rel_head = [":START_ID", ":END_ID", ":TYPE", "label", "weight:int", "articles:string[]", "first_date",
                "last_date"]
    rels = [[u, v, _rel_type(d["relation"]), d["label"], d["weight"], d["articles"].replace(" ", ";"), d["first_date"],
             d["last_date"]] for u, v, d in G.edges(data=True)]
    return {"nodes.csv": _csv(nodes, node_head), "relationships.csv": _csv(rels, rel_head)}


NEO4J_IMPORT = ("neo4j-admin database import full --nodes={dir}/nodes.csv --relationships={dir}/relationships.csv "
                "--array-delimiter=';' neo4j")


def _write_dir(path: Path, files: dict[str, str]) -> None:
    """Write the files into a new directory beside ``path``, then put it in place: readers see the old
    directory or the complete new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file; the csv and neo4j formats write a directory")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        for name, text in files.items():
            with open(tmp / name, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o777 & ~_umask())
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.{os.getpid()}.old")
            os.replace(path, old)
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from e
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def format_for(out, fmt: str | None) -> str:
    """The export format: ``fmt``, or from the extension of ``out`` (.graphml, .gexf)."""
    if fmt is None:
        fmt = Path(out).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return fmt


def export(source, out, fmt: str | None = None, *, date_from=None, date_to=None):
    """Write the property graph of ``source`` to ``out`` in ``fmt`` (:data:`FORMATS`), atomically.
    Returns the graph written."""
    from graphkit.kg.serialize import write_atomic

    fmt = format_for(out, fmt)
    out = Path(out)
    G = property_graph(source, date_from=date_from, date_to=date_to)
    if fmt == "graphml":
        write_atomic(out, _graphml(G))
    elif fmt == "gexf":
        write_atomic(out, _gexf(G))
    elif fmt == "csv":
        _write_dir(out, tables(G))
    else:
        _write_dir(out, neo4j_tables(G))
    return G
