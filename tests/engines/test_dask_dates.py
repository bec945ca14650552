"""--year/--dates on the Dask engine: articles dated by their datelines exactly as the local engine dates them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the Dask engine needs the 'dask' extra: pip install 'graphkit[dask]'")
pytest.importorskip("pyarrow", reason="the Dask engine needs the 'dask' extra: pip install 'graphkit[dask]'")

from graphkit.engines.dask import build_into_dask  # noqa: E402
from graphkit.ingest.metadata import date_window  # noqa: E402
from graphkit.kg.store import GraphStore  # noqa: E402
from graphkit.pipeline import build_into  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TABLE = json.loads((ROOT / "tests" / "data" / "datelines.json").read_text(encoding="utf-8"))["articles"]


def _contents(path) -> str:
    with GraphStore(path, read_only=True) as gs:
        return gs.nquads()


def test_year_window_dates_as_the_local_engine(tmp_path):
    rows = [{"id": a["id"], "text": a["text"]} for a in TABLE[:8]]
    corpus = tmp_path / "sample.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    window = date_window(2017)
    build_into([str(corpus)], tmp_path / "local", jobs=1, dates=window)
    build_into_dask([str(corpus)], tmp_path / "dask", partitions=3, workers=1, dates=window)
    local, dask = _contents(tmp_path / "local"), _contents(tmp_path / "dask")
    assert dask == local
    dated = {a["id"] for a in TABLE[:8] if a["year_2017"]}
    assert dated and local.count("dateInferred") == len(dated)
    build_into_dask([str(corpus)], tmp_path / "undated", partitions=3, workers=1)
    with_year = {a["id"] for a in TABLE[:8] if a["no_year"]}  # without a window only a dateline with its year
    assert len(with_year) < len(dated)
    assert _contents(tmp_path / "undated").count("dateInferred") == len(with_year)
