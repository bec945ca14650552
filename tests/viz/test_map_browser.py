"""Maps in a real browser: headless Chromium loads the page with no console error and no request
leaving it, the vis DataSet holds the expected nodes, clicking highlights, and a screenshot is not blank.

Skipped when no Chromium is installed (``apt-get install chromium``).
"""
from __future__ import annotations

import json

import pytest

from graphkit import examples
from graphkit.analytics.projections import entity_graph
from graphkit.viz import maps
from tests.viz import browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(browser.find_chromium() is None,
                       reason="no headless Chromium: install it with 'apt-get install chromium' "
                              "(or set GRAPHKIT_CHROMIUM to a Chrome/Chromium binary)"),
]

READY = "document.getElementById('gk-status').getAttribute('data-ready') === '1'"
COUNT = ("JSON.stringify({dataset: window.graphkitMap.nodes.length, edges: window.graphkitMap.edges.length, "
         "status: Number(document.getElementById('gk-status').getAttribute('data-nodes')), "
         "canvas: document.querySelectorAll('#gk-network canvas').length, pwned: window.__pwned || null})")


def load(m, tmp_path, name="map.html", **kw):
    path = m.write(tmp_path / name)
    report = browser.open_page(path, ready=READY, evaluate=kw.pop("evaluate", COUNT), **kw)
    assert report.errors == [], report.console
    assert report.external_requests == []
    return report, json.loads(report.value) if isinstance(report.value, str) else report.value


def test_whole_map_in_chromium(seed_dataset, tmp_path):
    ds = seed_dataset()
    m = maps.whole_map(ds)
    report, page = load(m, tmp_path, screenshot=True)
    assert page["dataset"] == page["status"] == m.nodes == entity_graph(ds).number_of_nodes()
    assert page["edges"] == m.edges and page["canvas"] == 1 and page["pwned"] is None
    shot = tmp_path / "map.png"
    shot.write_bytes(report.screenshot)
    stats = browser.png_stats(report.screenshot)
    assert (stats["width"], stats["height"]) == (1280, 800)
    assert stats["distinct"] > 20 and stats["stdev"] > 5, stats  # drawn, not blank


def test_truncated_map_shows_the_limit_and_the_notice(seed_dataset, tmp_path):
    m = maps.whole_map(seed_dataset(), node_limit=7)
    _, page = load(m, tmp_path, evaluate=(
        "JSON.stringify({dataset: window.graphkitMap.nodes.length, "
        "notice: document.getElementById('gk-notice').innerText})"))
    assert page["dataset"] == 7
    assert page["notice"].startswith("Showing the top 7 of 54 nodes by degree")


def test_markup_in_articles_stays_text_in_the_browser(tmp_path):
    from tests.viz.test_map import XSS_NAME, XSS_SENTENCE, xss_dataset

    m = maps.whole_map(xss_dataset())
    expr = ("(() => { const m = window.graphkitMap; const id = m.nodes.getIds().find("
            "i => m.nodes.get(i).title.textContent.includes('window.__pwned=\\'name\\'')); "
            "m.highlight(id); return JSON.stringify({pwned: window.__pwned || null, "
            "imgs: document.querySelectorAll('img').length, "
            "tip: m.nodes.get(id).title.textContent, "
            "details: document.getElementById('gk-detail-body').textContent}); })()")
    _, page = load(m, tmp_path, evaluate=expr)
    assert page["pwned"] is None and page["imgs"] == 0
    assert XSS_NAME in page["tip"] and XSS_SENTENCE in page["tip"]
    assert XSS_NAME in page["details"]


def test_clicking_a_node_highlights_its_neighbours(seed_dataset, tmp_path):
    ds = seed_dataset()
    m = maps.whole_map(ds)
    G = entity_graph(ds)
    thai = examples.iri("person", "Dương Văn Thái")
    near = set(G.to_undirected(as_view=True)[thai]) | {thai}
    click = (f"(() => {{ const m = window.graphkitMap; const dom = m.network.canvasToDOM("
             f"m.network.getPosition({json.dumps(thai)})); "
             "const r = document.querySelector('#gk-network canvas').getBoundingClientRect(); "
             "return {x: r.left + dom.x, y: r.top + dom.y}; })()")
    expr = ("(() => { const m = window.graphkitMap; "
            "const dim = m.nodes.get().filter(n => n.color && n.color.background === '#ececec').map(n => n.id); "
            "return JSON.stringify({hit: m.network.getSelectedNodes()[0] || null, dim: dim.length, "
            "details: document.getElementById('gk-detail-body').textContent}); })()")
    _, page = load(m, tmp_path, evaluate=expr, click=click)
    assert page["hit"] == thai
    assert page["dim"] == G.number_of_nodes() - len(near)
    assert "Dương Văn Thái" in page["details"] and "Neighbours (" in page["details"]


def test_diffusion_and_ego_maps_load(seed_dataset, tmp_path):
    ds = seed_dataset()
    for i, m in enumerate([maps.diffusion_map(ds, "18-NQ/TW"), maps.ego_map(ds, "Trương Thị Mai", radius=2)]):
        _, page = load(m, tmp_path, name=f"m{i}.html")
        assert page["dataset"] == m.nodes


def test_the_driver_sees_console_errors_exceptions_and_requests(tmp_path):
    """A control: the checks above would fail on a page that errs or reaches out."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><script>console.error('boom');"
                    "fetch('https://example.invalid/x.js').catch(() => {});"
                    "setTimeout(() => { throw new Error('late'); }, 0);</script></body></html>", encoding="utf-8")
    report = browser.open_page(page, evaluate="1 + 1")
    assert report.value == 2
    assert "boom" in report.errors and any("late" in e for e in report.errors)
    assert report.external_requests == ["https://example.invalid/x.js"]

