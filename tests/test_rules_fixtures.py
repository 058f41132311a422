"""Every rule fixture: a tiny plan under ``tests/fixtures/rules/<case>/plan`` and, next to it,
``expected.txt``: the command (first line, ``$ smmplan ...``) and its exact output."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result
from conftest import FIXTURES, run_fixture

CASES = sorted(p.parent.name for p in (FIXTURES / "rules").glob("*/expected.txt"))


def run_case(case: str, cli: Callable[..., Result]) -> tuple[str, str, int]:
    return run_fixture(FIXTURES / "rules" / case, cli)


def test_every_rule_family_has_fixtures() -> None:
    assert {"per-day", "per-week", "dst-new-york", "mix-week", "mix-month", "voice",
            "voice-scripts", "workflow"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str, cli: Callable[..., Result]) -> None:
    output, expected, code = run_case(case, cli)
    assert output == expected
    assert code == (1 if "error[" in expected else 0)


def test_fixture_plans_stay_inside_the_fixture_folder() -> None:
    for case in CASES:
        plan = FIXTURES / "rules" / case / "plan"
        assert (plan / "guidelines" / "rules.yml").is_file(), case
        assert not any(p.is_symlink() for p in plan.rglob("*")), case


def _expected_codes(case: str) -> set[str]:
    text = (FIXTURES / "rules" / case / "expected.txt").read_text(encoding="utf-8")
    return {part.split("]")[0] for part in text.split("[")[1:]}


def test_fixtures_cover_every_editorial_rule() -> None:
    covered = set().union(*(_expected_codes(c) for c in CASES))
    wanted = {f"SMM{n}" for n in (101, 102, 103, 104, 105, 201, 202, 203, 301, 302, 303, 304,
                                  305, 306, 307, 401, 402, 403, 404, 405, 406, 407)}
    assert wanted <= covered, sorted(wanted - covered)
