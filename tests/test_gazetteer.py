"""The data files of graphkit/data/: each says where its facts come from and is read by the package; the loaders
check what they read."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import graphkit
from graphkit import gazetteer

DATA = Path(graphkit.__file__).parent / "data"
FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".tsv", ".txt"))
SOURCES = "\n".join(p.read_text(encoding="utf-8") for p in Path(graphkit.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize("name", FILES)
def test_a_data_file_opens_with_where_its_facts_come_from(name):
    header = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    assert header, f"{name}: no header"
    assert re.search(r"\b(?:Source|source|Observed)\b", "\n".join(header)), f"{name}: the header names no source"


@pytest.mark.parametrize("name", FILES)
def test_a_data_file_is_read_by_the_package(name):
    assert f'"{name}"' in SOURCES or f"'{name}'" in SOURCES, f"{name}: no module reads it"


def test_the_words_before_a_units_name():
    prefixes = {u.prefix: u for u in gazetteer.unit_prefixes()}
    assert prefixes["huyện ủy"].kind == "huyện" and prefixes["huyện ủy"].committee
    assert prefixes["TP"].abbreviation and prefixes["TP"].forms() == ("TP",)
    assert prefixes["thành phố"].forms() == ("thành phố", "Thành phố")
    assert {u.kind for u in prefixes.values()} == set(gazetteer.unit_kinds())


def test_post_statuses_and_body_head_levels():
    assert gazetteer.post_statuses() == {"nguyên": "former", "cựu": "former", "tân": "new"}
    levels = gazetteer.body_head_levels()
    assert levels["Bộ"] == "central" and levels["Sở"] == "province" and "Ban" not in levels


def test_a_bad_row_names_the_file(tmp_path, monkeypatch):
    """A value the loader does not know is a DataFileError that names the file."""
    from graphkit.errors import DataFileError

    bad = tmp_path / "post_status.tsv"
    bad.write_text("# test\nword\tstatus\nnguyên\tformerly\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "data_path", lambda name: tmp_path / name)
    gazetteer.post_statuses.cache_clear()
    try:
        with pytest.raises(DataFileError, match="post_status.tsv"):
            gazetteer.post_statuses()
    finally:
        monkeypatch.undo()
        gazetteer.post_statuses.cache_clear()
