"""The README documents every command and every option (as datasette/sqlite-utils do)."""
from pathlib import Path

import pytest
import typer.main

from graphkit.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
CLICK = typer.main.get_command(app)


@pytest.mark.parametrize("name", sorted(CLICK.commands))
def test_command_documented(name):
    assert f"graphkit {name}" in README, f"README does not document 'graphkit {name}'"


@pytest.mark.parametrize("name, option", sorted(
    (name, opt) for name, cmd in CLICK.commands.items() for p in cmd.params
    for opt in p.opts if opt.startswith("--") and opt != "--help"))
def test_option_documented(name, option):
    assert option in README, f"README does not mention {option} of 'graphkit {name}'"


@pytest.mark.parametrize("name", sorted(CLICK.commands))
def test_command_has_help(name):
    assert (CLICK.commands[name].help or "").strip()
