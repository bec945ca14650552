"""The querying documentation names every command, option and research question (as test_docs does for the README)."""
import pytest
import typer.main

from graphkit.cli import app
from graphkit.query import questions
from tests import ROOT

DOC = ROOT / "docs" / "querying.md"
TEXT = DOC.read_text(encoding="utf-8")
COMMANDS = ("query", "ask", "serve")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_documented(name):
    assert f"\n## graphkit {name}\n" in TEXT


@pytest.mark.parametrize("name, option", [
    (name, opt) for name in COMMANDS
    for p in typer.main.get_command(app).commands[name].params
    for opt in p.opts if opt.startswith("--") and opt != "--help"])
def test_option_documented(name, option):
    assert f"`{option}`" in TEXT, f"{DOC.name} does not document {option} of graphkit {name}"


@pytest.mark.parametrize("name", sorted(questions()))
def test_question_documented_with_output(name):
    section = TEXT.split(f"\n### {name} — ", 1)
    assert len(section) == 2, f"{DOC.name} has no section for {name}"
    body = section[1].split("\n### ", 1)[0]
    assert f"$ graphkit ask out/seeds.trig {name} " in body
    for p in questions()[name].params:
        assert f"--{p.name}" in body


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name):
    assert (typer.main.get_command(app).commands[name].help or "").strip()
