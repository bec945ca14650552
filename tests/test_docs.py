"""The docs: the generated reference pages are up to date (as datasette checks its cog-generated CLI
reference), every command and option is in them, the README stays short and its links lead somewhere."""
import re

import pytest
import typer.main

from graphkit import docs
from graphkit.cli import app
from tests import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
CLICK = typer.main.get_command(app)


def test_generated_pages_are_up_to_date():
    assert docs.stale() == [], "run: python -m graphkit.docs"


def test_a_stale_page_is_reported(tmp_path):
    (tmp_path / "cli.md").write_text(docs.cli_reference().replace("--out", "--output"), encoding="utf-8")
    (tmp_path / "questions.md").write_text(docs.questions_reference(), encoding="utf-8")
    assert docs.stale(tmp_path) == ["cli.md"]


@pytest.mark.parametrize("name", sorted(CLICK.commands))
def test_command_documented(name):
    assert f"\n## graphkit {name}\n" in CLI
    assert f"graphkit {name}" in README, f"README does not name 'graphkit {name}'"


@pytest.mark.parametrize("name, option", sorted(
    (name, opt) for name, cmd in CLICK.commands.items() for p in cmd.params
    for opt in p.opts if opt.startswith("--") and opt != "--help"))
def test_option_documented(name, option):
    section = CLI.split(f"\n## graphkit {name}\n", 1)[1].split("\n## ", 1)[0]
    assert f"`{option}`" in section, f"docs/cli.md does not list {option} of 'graphkit {name}'"


@pytest.mark.parametrize("name", sorted(CLICK.commands))
def test_command_has_help(name):
    assert (CLICK.commands[name].help or "").strip()


def test_readme_is_short():
    assert len(README.splitlines()) <= 300


@pytest.mark.parametrize("page", ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")),
                                  "CHANGELOG.md"])
def test_local_links_lead_somewhere(page):
    path = ROOT / page
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (path.parent / target).exists(), f"{page} links to {target}, which does not exist"
