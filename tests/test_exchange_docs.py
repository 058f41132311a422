"""The README's exchange walk-throughs are what the commands print, on the shipped example files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import EXAMPLE_TODAY, REPO

from smmplan.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_import_and_export_are_registered_documented_and_have_examples(cli) -> None:
    for name in ("import", "export"):
        assert name in main.commands
        assert f"| `{name} " in README
        result = cli(name, "--help")
        assert result.exit_code == 0 and "Example" in result.output


def test_coming_from_a_spreadsheet_shows_what_import_prints(cli, example_copy: Path,
                                                           monkeypatch) -> None:
    block = re.search(r"## Coming from a spreadsheet.*?```console\n(.*?)```", README, re.S)
    assert block is not None
    command, *expected = block.group(1).splitlines()
    assert command == "$ smmplan import examples/kalender-januari-2027.csv"
    shutil.copytree(REPO / "examples", example_copy / "examples")
    monkeypatch.chdir(example_copy)
    result = cli("import", "examples/kalender-januari-2027.csv")
    assert result.exit_code == 1
    assert result.output.splitlines() == expected[:-1]  # the last line shows --write
    written = cli("import", "examples/kalender-januari-2027.csv", "--write")
    assert written.output.count("created content/posts/2027/01/") == 5
    check = cli("check", env={"SMMPLAN_TODAY": EXAMPLE_TODAY})
    assert not re.search(r"content/posts/2027/01/\S+: error\[SMM00", check.output)


def test_handing_over_names_the_shipped_files_and_their_commands() -> None:
    block = re.search(r"## Handing the plan to your scheduler.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    for line in block.group(1).splitlines():
        shipped = re.search(r"# (examples/\S+)", line)
        if shipped:
            assert (REPO / shipped.group(1)).is_file(), line
