"""Shared test helpers: the example plan, tiny plans written from a dict, the CLI runner."""

from __future__ import annotations

import shlex
import shutil
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from smmplan.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: The day the example plan's tests take as today (SMMPLAN_TODAY), so that time-relative rules
#: give the same answer whenever the suite runs.
EXAMPLE_TODAY = "2026-11-25"

#: The files that make up the example plan at the repository root.
EXAMPLE_PARTS = ("mkdocs.yml", "content", "personas", "guidelines", "data")

MINIMAL_RULES = """\
timezone: Asia/Jakarta
holidays: ID
channels:
  instagram: {platform: instagram, name: Instagram, per_day: [0, 2]}
  x: {platform: x, name: X, per_day: [0, 5]}
"""


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{relative path: text}`` under ``root`` (text is dedented), return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_plan(tmp_path: Path) -> Callable[..., Path]:
    """``make_plan({path: text})``: a plan folder with a minimal rules.yml unless given."""

    def make(files: Mapping[str, str | bytes], *, rules: str | None = MINIMAL_RULES) -> Path:
        root = tmp_path / "plan"
        root.mkdir(exist_ok=True)
        if rules is not None and "guidelines/rules.yml" not in files:
            write_files(root, {"guidelines/rules.yml": rules})
        return write_files(root, files)

    return make


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the repository's example plan, safe to modify."""
    dest = tmp_path / "example"
    dest.mkdir()
    for part in EXAMPLE_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def cli() -> Callable[..., Result]:
    """``cli("-C", dir, "check")``: run smmplan in-process, never catching exceptions."""
    runner = CliRunner()

    def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
        return runner.invoke(main, list(args), env=dict(env or {}), catch_exceptions=False)

    return run


def run_fixture(folder: Path, cli: Callable[..., Result]) -> tuple[str, str, int]:
    """Run a fixture case: ``folder/plan`` is a tiny plan and ``folder/expected.txt`` holds the
    command (first line, ``$ smmplan ...``) and its exact output. Returns (output, expected,
    exit code)."""
    command, _, expected = (folder / "expected.txt").read_text(encoding="utf-8").partition("\n")
    assert command.startswith("$ smmplan "), command
    result = cli("-C", str(folder / "plan"), *shlex.split(command)[2:])
    return result.output, expected, result.exit_code


def in_fresh_interpreters(code: str, seeds: tuple[str, ...] = ("0", "1", "random")
                          ) -> list[bytes]:
    """What ``code`` writes to stdout in one fresh interpreter per ``PYTHONHASHSEED``: equal
    outputs show it depends on neither the hash seed nor state left by an earlier call."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in seeds:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        outputs.append(done.stdout)
    return outputs
