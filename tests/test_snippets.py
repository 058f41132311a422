"""guidelines/snippets.yml (SPEC §5.3): loaded with positions; bad entries are diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smmplan.diagnostics import Diagnostic
from smmplan.format.snippets import load_library


def load(make_plan: Callable[..., Path], text: str) -> tuple[object, list[str]]:
    root = make_plan({"guidelines/snippets.yml": text})
    out: list[Diagnostic] = []
    lib = load_library(root, out)
    return lib, [f"{d.file}:{d.line}:{d.column} {d.code} {d.message}" for d in out]


def test_loads(make_plan: Callable[..., Path]) -> None:
    lib, found = load(make_plan, """\
        snippets:
          link-in-bio: "Pesan lewat tautan di bio 👆"
          sign: "{{ snippet('link-in-bio') }} #{{ post.title }}"
        hashtags:
          kopi: ["#KopiSenja", "#NgopiDulu"]
          one: "#Satu"
        """)
    assert found == []
    assert dict(lib.snippets)["link-in-bio"] == "Pesan lewat tautan di bio 👆"  # type: ignore[attr-defined]
    assert dict(lib.hashtags) == {"kopi": ("#KopiSenja", "#NgopiDulu"), "one": ("#Satu",)}  # type: ignore[attr-defined]


def test_hashtags_alone(make_plan: Callable[..., Path]) -> None:
    lib, found = load(make_plan, 'hashtags:\n  kopi: ["#KopiSenja"]\n')
    assert found == [] and dict(lib.hashtags) == {"kopi": ("#KopiSenja",)}  # type: ignore[attr-defined]


def test_absent_file_is_empty(make_plan: Callable[..., Path]) -> None:
    out: list[Diagnostic] = []
    lib = load_library(make_plan({}), out)
    assert out == [] and not lib.snippets and not lib.hashtags


def test_bad_entries(make_plan: Callable[..., Path]) -> None:
    _, found = load(make_plan, """\
        snippets:
          a: "{{ snippet('b') }}"
          b: "{{ snippet('a') }}"
          c: "{{ snippet('zz') }}"
          d: "{% if %}"
          Bad Name: x
        hashtags:
          kopi: ["KopiSenja", "#Ngopi Dulu"]
        extra: 1
        """)
    f = "guidelines/snippets.yml"
    assert sorted(found) == sorted([
        f"{f}:2:6 SMM009 snippet 'a' includes itself (a -> b -> a)",
        f"{f}:3:6 SMM009 snippet 'b' includes itself (b -> a -> b)",
        f"{f}:4:6 SMM006 snippet 'c' uses unknown snippet 'zz'",
        f"{f}:5:6 SMM009 snippet 'd' does not parse: Expected an expression, got 'end of "
        "statement block'",
        f"{f}:6:3 SMM007 'snippets.Bad Name' is not a valid name",
        f"{f}:8:10 SMM007 'hashtags.kopi[0]' is 'KopiSenja', not a hashtag",
        f"{f}:8:23 SMM007 'hashtags.kopi[1]' is '#Ngopi Dulu', not a hashtag",
        f"{f}:9:1 SMM004 unknown key 'extra'",
    ])


def test_not_a_mapping(make_plan: Callable[..., Path]) -> None:
    _, found = load(make_plan, "- a\n- b\n")
    assert [x.split(" ", 2)[1] for x in found] == ["SMM007"]
    _, found = load(make_plan, "snippets: [\n")
    assert [x.split(" ", 2)[1] for x in found] == ["SMM001"]
