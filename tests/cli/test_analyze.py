"""`graphkit analyze` and `graphkit map`: exit codes, output, files, one-line errors."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.kg.serialize import write

runner = CliRunner()


@pytest.fixture(scope="module")
def graph(seed_dataset, tmp_path_factory):
    return write(seed_dataset(), tmp_path_factory.mktemp("g") / "example.trig")


def run(*args):
    result = runner.invoke(app, [str(a) for a in args], terminal_width=200)
    return result.exit_code, result.output


def test_analyze_prints_a_ranked_table(graph):
    code, out = run("analyze", graph, "--measure", "degree", "--measure", "pagerank", "--top", "3")
    assert code == 0, out
    assert "person projection: 15 nodes, 38 edges" in out
    lines = [ln for ln in out.splitlines() if "│" in ln]
    assert len(lines) == 3 and "Nguyễn Quang Dương" in lines[0] and "9" in lines[0]


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_analyze_writes_csv_or_json(graph, tmp_path, suffix):
    out_file = tmp_path / f"scores.{suffix}"
    code, out = run("analyze", graph, "-p", "province-directive", "-m", "degree", "-m", "louvain",
                    "--top", "0", "--out", out_file)
    assert code == 0, out
    text = out_file.read_text(encoding="utf-8")
    if suffix == "csv":
        assert text.splitlines()[0] == "rank,label,type,degree,louvain,node" and len(text.splitlines()) == 16
    else:
        data = json.loads(text)
        assert data["projection"] == "province-directive" and len(data["rows"]) == 15
        assert data["communities"][0]["method"] == "louvain"


def test_analyze_path_and_slices(graph):
    code, out = run("analyze", graph, "--path", "Hồ Phúc Hợp", "Lê Thị Thu Hồng", "--paths", "2", "--top", "1")
    assert code == 0, out
    assert out.count("path ") >= 2 and "Hồ Phúc Hợp —co-attended→" in out and "“" in out
    code, out = run("analyze", graph, "--from", "2022-01-01", "--person", "Dương Văn Thái")
    assert code == 0 and "articles dated 2022-01-01 – …" in out and "ego network of Dương Văn Thái" in out
    code, out = run("analyze", graph, "--k-core", "0", "-m", "core")
    assert code == 0 and "6-core" in out


@pytest.mark.parametrize("args, message", [
    (["--measure", "closeness"], "unknown measure 'closeness'"),
    (["--projection", "people"], "unknown projection 'people'"),
    (["--person", "Nobody"], "no Person called 'Nobody'"),
    (["--from", "1/1/2022"], "write dates as YYYY-MM-DD"),
    (["--out", "x.xlsx"], "use .csv or .json"),
])
def test_analyze_errors_are_one_line(graph, args, message):
    code, out = run("analyze", graph, *args)
    assert code == 2 and message in out and "Traceback" not in out


def test_analyze_missing_graph(tmp_path):
    code, out = run("analyze", tmp_path / "none.trig")
    assert code == 2 and "no such graph file" in out


@pytest.mark.parametrize("args, nodes", [
    ([], "54 nodes"),
    (["--person", "Dương Văn Thái", "--radius", "2"], "15 nodes"),
    (["--directive", "18-NQ/TW"], "7 nodes"),
    (["--from", "2022-01-01", "--to", "2022-12-31"], "nodes"),
    (["--limit", "5", "--size-by", "pagerank"], "5 of 54 nodes (top by pagerank)"),
])
def test_map_writes_a_page(graph, tmp_path, args, nodes):
    out_file = tmp_path / "m.html"
    code, out = run("map", graph, "--out", out_file, *args)
    assert code == 0, out
    assert f"wrote {out_file}: " in out and nodes in out
    assert out_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_map_errors(graph, tmp_path):
    code, out = run("map", graph, "--out", tmp_path / "m.png")
    assert code == 2 and "name the output file *.html" in out
    code, out = run("map", graph, "--directive", "99-XX")
    assert code == 2 and "no directive with code '99-XX'" in out


@pytest.mark.parametrize("command", ["analyze", "map"])
def test_help(command):
    code, out = run(command, "--help")
    assert code == 0 and "GRAPH" in out.upper() and "--from" in out


@pytest.mark.parametrize("command", ["analyze", "map"])
def test_every_option_is_documented(command):
    """docs/maps.md (or the README it is merged into) names every option of both commands."""
    
    import typer

    from tests import ROOT as root

    docs = [p.read_text(encoding="utf-8") for p in (root / "docs" / "maps.md", root / "README.md") if p.exists()]
    text = next((d for d in docs if f"graphkit {command} GRAPH" in d), "")
    assert text, f"no section 'graphkit {command} GRAPH' in docs/maps.md or README.md"
    cmd = typer.main.get_command(app).commands[command]
    for param in cmd.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in text, f"{opt} of graphkit {command} is not documented"


def test_analyze_top_limits_the_communities_too(graph):
    code, out = run("analyze", graph, "-p", "person", "--via", "bodies", "-m", "degree", "-m", "louvain", "--top", "1")
    assert code == 0, out
    listed = [ln for ln in out.splitlines() if ln.startswith("louvain community")]
    assert len(listed) == 1 and "louvain community 0 (5)" in listed[0]
    assert "… 5 smaller communities not listed (--top 0 lists all)" in out
    code, out = run("analyze", graph, "-p", "person", "--via", "bodies", "-m", "louvain", "--top", "0")
    assert len([ln for ln in out.splitlines() if ln.startswith("louvain community")]) == 6 and "not listed" not in out


def test_analyze_path_with_no_path_says_so_and_stops(graph, tmp_path):
    out_file = tmp_path / "p.csv"
    code, out = run("analyze", graph, "--via", "meetings", "--path", "Trương Thị Mai", "Hồ Phúc Hợp", "--out", out_file)
    assert code == 1
    assert "no path between Trương Thị Mai and Hồ Phúc Hợp in the person projection" in out
    assert "│" not in out and "path 1" not in out and not out_file.exists()
    code, out = run("analyze", graph, "--path", "", "Hồ Phúc Hợp")
    assert code == 2 and "give two person names" in out


def test_tables_in_a_pipe_are_not_wrapped(graph, tmp_path):
    """Written to a pipe, the table is laid out as wide as its rows (rich would wrap at 80 columns)."""
    import subprocess
    import sys

    from tests import ROOT

    q = "SELECT ?s ?e WHERE { ?s gk:evidence ?e } ORDER BY DESC(STRLEN(?e)) LIMIT 3"
    for args, n in ((["query", str(graph), q], 3), (["analyze", str(graph), "-p", "entities", "--top", "5"], 5)):
        p = subprocess.run([sys.executable, "-m", "graphkit.cli", *args], capture_output=True, text=True, cwd=ROOT,
                           env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}, timeout=120)
        assert p.returncode == 0, p.stderr
        rows = [ln for ln in p.stdout.splitlines() if ln.startswith("│")]
        assert len(rows) == n  # one line a row: no cell folded onto a second line
        assert args[0] == "analyze" or max(len(ln) for ln in rows) > 100
        widths = {len(ln) for ln in p.stdout.splitlines() if ln[:1] in "┏┃┡│└"}
        assert len(widths) == 1  # every line of the table is one row, none folded
