"""graphkit.plots: each plot draws without a display (Agg) on the example graph and on nothing."""
from __future__ import annotations

import io

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
pytest.importorskip("pandas")

from graphkit import plots  # noqa: E402


@pytest.mark.parametrize("fn, args, title", [
    (plots.career_timeline, ("Trương Thị Mai",), "Trương Thị Mai: posts reported over time"),
    (plots.directives_by_month, (), "Directives by month issued"),
    (plots.directives_by_issuer, (), "Directives by issuer"),
    (plots.implementers_over_time, ("18-NQ/TW",), "Implementers of 18-NQ/TW over time (3 dated, 2 undated)"),
    (plots.degree_distribution, (), "Degree distribution (entities: 54 nodes)"),
    (plots.community_sizes, (), "leiden communities of the person network"),
])
def test_each_plot_draws_a_png(seed_dataset, fn, args, title):
    fig = fn(seed_dataset(), *args)
    ax = fig.axes[0]
    assert ax.get_title().startswith(title)
    assert ax.collections or ax.patches or ax.lines  # something is drawn
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n" and len(buf.getvalue()) > 5000


def test_career_timeline_rows_are_the_posts(seed_dataset):
    fig = plots.career_timeline(seed_dataset(), "Trương Thị Mai")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Trưởng Ban Tổ chức Trung ương" in labels
    assert labels[-1] == "Đại biểu Quốc hội"  # reported by an undated article only (004): the last row


def test_a_plot_shows_itself_as_a_png_in_a_notebook(seed_dataset):
    """IPython shows a figure through _repr_png_ when pyplot has set up no display formatter."""
    png = plots.directives_by_issuer(seed_dataset())._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_directives_by_month_since_leaves_out_older_months(seed_dataset):
    every = plots.directives_by_month(seed_dataset())
    recent = plots.directives_by_month(seed_dataset(), since="2022-01-01")
    assert len(recent.axes[0].patches) < len(every.axes[0].patches)
    assert recent.axes[0].get_title().endswith("since 2022-01-01)")
