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


def test_handing_over_shows_the_commands_that_write_the_shipped_files(cli, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    block = re.search(r"## Handing the plan to your scheduler.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    shown = 0
    for line in block.group(1).splitlines():
        shipped = re.search(r"# (examples/[^\s:]+)", line)
        if shipped:
            command = line.split("#")[0].split()
            assert command[:2] == ["smmplan", "export"] and command[-2] == "-o", line
            result = cli(*command[1:-2], env={"SMMPLAN_TODAY": EXAMPLE_TODAY})
            assert result.exit_code == 0, result.output
            assert result.stdout_bytes == (REPO / shipped.group(1)).read_bytes(), line
            shown += 1
    assert shown == 3
