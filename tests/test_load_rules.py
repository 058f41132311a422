"""The load rules SMM001-SMM008 (what a plan file must look like): one fixture plan per code
under ``tests/fixtures/load-rules/<code>/plan`` and, next to it, ``expected.txt``: the command
(first line, ``$ smmplan ...``) and its exact concise output."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from click.testing import Result
from conftest import FIXTURES, run_fixture

from smmplan.ruletable import RULES

LOAD_CODES = [f"SMM00{n}" for n in range(1, 9)]
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+)\[(?P<code>\w+)\] ")


def run_case(code: str, cli: Callable[..., Result]) -> tuple[str, str, int]:
    return run_fixture(FIXTURES / "load-rules" / code, cli)


def test_every_load_code_has_a_fixture() -> None:
    found = sorted(p.parent.name for p in (FIXTURES / "load-rules").glob("*/expected.txt"))
    assert found == LOAD_CODES
    assert all(code in RULES for code in found)


@pytest.mark.parametrize("code", LOAD_CODES)
def test_fixture_output_is_exact(code: str, cli: Callable[..., Result]) -> None:
    output, expected, exit_code = run_case(code, cli)
    assert output == expected
    assert exit_code == (1 if "error[" in expected else 0)


@pytest.mark.parametrize("code", LOAD_CODES)
def test_fixture_is_about_its_code(code: str) -> None:
    """Each fixture shows its own code, at least twice, and no rule outside SMM001-SMM008."""
    expected = (FIXTURES / "load-rules" / code / "expected.txt").read_text(encoding="utf-8")
    codes = [m["code"] for m in map(LINE.match, expected.splitlines()) if m]
    assert codes.count(code) >= 2, codes
    assert set(codes) <= set(LOAD_CODES), codes


def test_fixtures_are_what_they_claim_on_disk() -> None:
    """The byte-level fixtures survive git and editors: latin-1 and NUL bytes are really there."""
    posts = FIXTURES / "load-rules" / "SMM008" / "plan" / "content" / "posts" / "2026" / "12"
    assert b"Caf\xe9" in (posts / "latin1.md").read_bytes()
    assert b"\x00" in (posts / "nul.md").read_bytes()
    for code in LOAD_CODES:
        plan = FIXTURES / "load-rules" / code / "plan"
        assert (plan / "guidelines" / "rules.yml").is_file(), code
        assert not any(p.is_symlink() for p in plan.rglob("*")), code
