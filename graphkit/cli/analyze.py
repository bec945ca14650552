"""``graphkit analyze`` and ``graphkit map``: network measures and relationship maps of a graph."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from graphkit.cli.common import GRAPH_HELP, err, open_graph, reports_errors, stderr_console, table_console
from graphkit.cli.app import app

GraphArg = Annotated[Path, typer.Argument(metavar="GRAPH", help=GRAPH_HELP, show_default=False)]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Only facts from articles published on or after this date (YYYY-MM-DD).")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Only facts from articles published on or before this date (YYYY-MM-DD).")]


@app.command()
@reports_errors
def analyze(
    graph: GraphArg,
    projection: Annotated[str, typer.Option("--projection", "-p", help=(
        "Which network: person (co-attendance and shared bodies), person-org (bipartite, through posts), "
        "province-directive (bipartite, implementation), citation (directive cites directive), "
        "entities (everything)."))] = "person",
    measure: Annotated[Optional[list[str]], typer.Option("--measure", "-m", help=(
        "Measure to compute; repeat for several, rows sort by the first: degree, weighted-degree, betweenness, "
        "pagerank, core, louvain, leiden."))] = None,
    top: Annotated[int, typer.Option("--top", "-n", help=(
        "Rows to show and write, and communities to list per method, largest first (0 = all)."))] = 20,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the rows to this .csv or .json file.")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Narrow to the ego network of this person (name as in the graph).")] = None,
    radius: Annotated[int, typer.Option("--radius", "-r", help="Steps out from --person.")] = 1,
    k_core: Annotated[Optional[int], typer.Option("--k-core", help="Narrow to the k-core (0 = the main core).")] = None,
    path: Annotated[Optional[tuple[str, str]], typer.Option("--path", help=(
        "Shortest paths between two persons, with the facts along each step: --path 'NAME A' 'NAME B'."))] = None,
    paths: Annotated[int, typer.Option("--paths", help="Most shortest paths to find with --path.")] = 3,
    via: Annotated[Optional[list[str]], typer.Option("--via", help="For --projection person: meetings, bodies (repeat for both; default both).")] = None,
    former: Annotated[bool, typer.Option("--former", help="For person and person-org: count former posts too.")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the community methods.")] = 0,
) -> None:
    """Network measures of a graph: a ranked table, written to CSV or JSON with --out.

    Example: graphkit analyze out/seeds.trig --measure pagerank --measure leiden --top 10 --out scores.csv
    """
    from graphkit.analytics.report import analyze as run

    options = {}
    if via:
        if projection != "person":
            raise typer.BadParameter("--via applies to --projection person only", param_hint="--via")
        options["via"] = tuple(via)
    if former:
        if projection not in ("person", "person-org"):
            raise typer.BadParameter("--former applies to --projection person or person-org", param_hint="--former")
        options["former"] = True
    if path is not None and not all(x.strip() for x in path):
        raise typer.BadParameter("give two person names: --path 'NAME A' 'NAME B'", param_hint="--path")
    result = run(open_graph(graph), projection=projection, measures=measure or ["degree"], top=top, date_from=date_from,
                 date_to=date_to, person=person, radius=radius, k_core=k_core, path=path, max_paths=paths, seed=seed,
                 **options)
    if result.paths == []:  # nothing to show or write about the path asked for
        err(f"no path between {result.path_ends[0]} and {result.path_ends[1]} in the {projection} projection"
            + (f" ({result.date_from or '…'} – {result.date_to or '…'})" if result.date_from or result.date_to else "")
            + "; try another projection (-p entities) or a wider date range")
        raise typer.Exit(1)
    _print_analysis(result)
    if out is not None:
        result.write(out)
        stderr_console().print(f"wrote {out}", highlight=False)


def _print_analysis(a) -> None:
    from rich.table import Table

    console = table_console(highlight=False)
    scope = [f"{a.projection} projection: {a.nodes:,} nodes, {a.edges:,} edges"]
    if a.date_from or a.date_to:
        scope.append(f"articles dated {a.date_from or '…'} – {a.date_to or '…'}")
    if "person" in a.focus:
        scope.append(f"ego network of {a.focus['person']}, radius {a.focus['radius']}")
    if "k_core" in a.focus:
        scope.append(f"{a.focus['k_core']}-core")
    echo = typer.echo  # plain lines are not wrapped; only the table is laid out by rich
    echo("; ".join(scope))
    if a.paths is not None:
        for i, steps in enumerate(a.paths, 1):
            echo(f"\npath {i}: {len(steps)} step(s)")
            for s in steps:
                echo(f"  {s['source_label']} —{s.get('relation', '')}→ {s['target_label']}"
                              f" (weight {s.get('weight', 1)})")
                for x in s.get("evidence", [])[:2]:
                    if x.get("sentence"):
                        echo(f"      “{x['sentence']}” — {x.get('title') or x['article']}, "
                                      f"{x.get('date') or 'undated'}")
        echo("")
    table = Table(show_lines=False)
    for col in ("#", "label", "type", *a.measures):
        table.add_column(col, justify="right" if col not in ("label", "type") else "left")
    for i, r in enumerate(a.rows, 1):
        table.add_row(str(i), r["label"], r["type"], *(_fmt(r[m]) for m in a.measures))
    console.print(table)
    for c in a.communities:
        more = f", … (+{c['size'] - 8})" if c["size"] > 8 else ""
        echo(f"{c['method']} community {c['community']} ({c['size']}): {', '.join(c['members'][:8])}{more}")
    if a.communities_total > len(a.communities):
        echo(f"… {a.communities_total - len(a.communities):,} smaller communities not listed (--top 0 lists all)")


def _fmt(v) -> str:
    return f"{v:.4f}" if isinstance(v, float) else str(v)


SinceOpt = Annotated[Optional[str], typer.Option("--since", "--from", help="Only facts from articles published on or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", "--to", help="Only facts from articles published on or before this date (YYYY-MM-DD).")]


@app.command("map")
@reports_errors
def map_(
    graph: GraphArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML page to write.")] = Path("map.html"),
    person: Annotated[Optional[str], typer.Option("--person", help="Ego map of this person (name as in the graph).")] = None,
    province: Annotated[Optional[str], typer.Option("--province", help="Ego map of this province: its bodies, and who holds posts in them (with --depth 2).")] = None,
    body: Annotated[Optional[str], typer.Option("--body", help="Ego map of this body (organisation), e.g. 'Tỉnh ủy Bắc Giang'.")] = None,
    directive: Annotated[Optional[str], typer.Option("--directive", help="Diffusion map of the directive with this code, e.g. 18-NQ/TW.")] = None,
    radius: Annotated[int, typer.Option("--depth", "--radius", "-r", help="Steps out from --person, --province or --body (2 shows who else was at their meetings and bodies).")] = 1,
    date_from: SinceOpt = None,
    date_to: UntilOpt = None,
    types: Annotated[Optional[list[str]], typer.Option("--types", help=(
        "Only these node types (and the centre of the map), comma-separated or repeated: person, body, province, "
        "directive, meeting, post, district."))] = None,
    top: Annotated[Optional[int], typer.Option("--top", help=(
        "Keep the N best nodes by --by (a map of the whole graph keeps 150 unless told), and say what was left out."))] = None,
    size_by: Annotated[str, typer.Option("--by", "--size-by", help="The measure that sizes the nodes and picks them for --top and --limit: degree, weighted-degree, betweenness, pagerank, core.")] = "degree",
    limit: Annotated[int, typer.Option("--limit", help="Most nodes to draw; above it the top nodes by --by are kept and the page says so.")] = 1500,
    title: Annotated[Optional[str], typer.Option("--title", help="Page title (default: says what the map shows).")] = None,
) -> None:
    """An interactive relationship map as one HTML page that works offline (no request leaves it).

    Without --person, --province, --body or --directive the map shows the whole graph's top 150 nodes by
    degree (--top, --by), and says what it left out.

    Example: graphkit map out/seeds.trig --person 'Trương Thị Mai' --depth 2 --out mai.html
    """
    from graphkit.viz.maps import make_map

    m = make_map(open_graph(graph), person=person, province=province, body=body, radius=radius,
                 directive=directive, date_from=date_from, date_to=date_to, size_by=size_by, node_limit=limit,
                 title=title, types=types or (), top=top)
    m.write(out)
    shown = f"{m.nodes:,} of {m.total_nodes:,} nodes (top by {m.size_by})" if m.truncated else f"{m.nodes:,} nodes"
    typer.echo(f"wrote {out}: {shown}, {m.edges:,} edges")
