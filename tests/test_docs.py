"""Every command and every rule is documented where users look: README, --help, `smmplan rule`."""

from __future__ import annotations

import re

from conftest import REPO

from smmplan.cli import main
from smmplan.ruletable import RULES

SPEC_COMMANDS = ("check", "report", "build", "serve", "ical", "new", "init", "diff")


def test_every_spec_command_is_registered_and_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in (*SPEC_COMMANDS, "rule", "schema"):
        assert name in main.commands, name
        assert f"| `{name}" in readme, f"README does not document `{name}`"


def test_every_command_help_has_an_example(cli) -> None:
    for name in SPEC_COMMANDS:
        result = cli(name, "--help")
        assert result.exit_code == 0, result.output
        assert "Example" in result.output or "example" in result.output, name


def test_every_rule_is_in_the_readme_with_its_name() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        row = rf"\| {rule.code} \| `{re.escape(rule.name)}` \| {rule.level} \|"
        assert re.search(row, readme), rule.code


def test_rule_command_prints_documentation_for_every_rule(cli) -> None:
    for rule in RULES.values():
        result = cli("rule", rule.code)
        assert result.exit_code == 0
        for heading in ("## What it does", "## Why", "## Example", "## How to fix"):
            assert heading in result.output
        assert result.output.startswith(f"# {rule.code} {rule.name}")
    by_name = cli("rule", "too-many-per-day")
    assert by_name.output.startswith("# SMM101 too-many-per-day")


def test_rule_command_unknown_rule_suggests_and_exits_2(cli) -> None:
    result = cli("rule", "SMM10")
    assert result.exit_code == 2
    assert "no rule 'SMM10'" in result.output


def test_rule_codes_and_names_are_unique_and_well_formed() -> None:
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    for code, rule in RULES.items():
        assert code == rule.code and re.fullmatch(r"SMM\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.level in ("error", "warning", "info", "per rule")


def test_example_plan_schemas_are_current(tmp_path, cli) -> None:
    """schemas/ at the repository root (used by .vscode/settings.json) is what `smmplan schema`
    writes today: regenerate with `smmplan schema --output schemas` after a format change."""
    result = cli("schema", "--output", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in (REPO / "schemas").iterdir())
    for name in written:
        assert (tmp_path / name).read_bytes() == (REPO / "schemas" / name).read_bytes(), name


def test_every_rule_has_an_indonesian_summary() -> None:
    from smmplan.ruletable import SUMMARY_ID, summary

    assert set(SUMMARY_ID) == set(RULES)
    assert summary(RULES["SMM406"], "id") == "Unggahan hard-sell jatuh pada hari libur nasional."
    assert summary(RULES["SMM406"], "en") == RULES["SMM406"].summary
