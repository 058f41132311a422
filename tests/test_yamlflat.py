"""The quick reader of flat front matter (``yamlpos._flat``) reads every text it accepts exactly as
libyaml's composer does: the same values, positions of values and keys, and their order; and it
accepts the front matter of the generated real-like plan, so the speed it was written for holds."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan import yamlpos
from smmplan.format.frontmatter import split_front_matter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for bench.generate

KEYS = ["title", "date", "id", "tags", "a-b", "x_1", "y", "on", "<<", "?x", "k"]
VALUES = ["kopi", "Kopi susu 🔥", "2026-12-07 09:00", "2026-12-07", "8:30", "0x1f", "1_000",
          "1e999", ".5", "-3", "3", "yes", "No", "null", "~", "true", "https://a.example/p?q=1&r",
          "a: b", "a:b", "a :b", "a #b", "a#b", "a[1]", "a, b", "{a}", "é", "ı", "İ", "a  b", "a ",
          "a:", "\"q\"", "\"a: #b\"", "\"\"", "''", "'it''s'", "'x'", "\"a\\\"b\"", "[]",
          "[a, b]", "[a,b]", "[ a ]", "[a, \"b c\", 'd', 1, yes, 2026-12-07]", "[a-b, c/d, e.f]",
          "[a: b]", "[[a]]", "[a,]", "&x a", "*x", "!!str a", "|", ">-", "\ufeffa", "a\tb", "\x85",
          "a\u00a0b", "[é, ☕]"]
LINE_ENDS = ["\n", "\n", "\n", "\r\n", "\n  ", "\n# note\n", "\n\n"]


def _both(text: str) -> tuple[object, object] | None:
    flat = yamlpos._flat(text)
    if flat is None:
        return None
    try:
        composed = yamlpos._composed(text, False)
    except yamlpos.YamlError as exc:
        raise AssertionError(f"the quick reader took text libyaml refuses: {exc}") from None
    return ((flat.value, list(flat.values.items()), list(flat.keys.items())),
            (composed.value, list(composed.values.items()), list(composed.keys.items())))


lines = st.tuples(st.sampled_from(KEYS), st.sampled_from([": ", ":  ", ":", " : "]),
                  st.sampled_from(VALUES) | st.text(max_size=8))
texts = st.lists(st.tuples(lines, st.sampled_from(LINE_ENDS)), min_size=1, max_size=8).map(
    lambda rows: "".join(k + sep + v + end for (k, sep, v), end in rows)[:-1])


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_quick_reader_agrees_with_libyaml(text: str) -> None:
    got = _both(text)
    if got is not None:
        assert got[0] == got[1], text


def test_each_value_alone_agrees() -> None:
    """Every listed value, as the one value of a key and next to others: read alike or
    left to libyaml."""
    taken = 0
    for value in VALUES:
        for text in (f"k: {value}", f"a: 1\nk: {value}\nz: [x, y]"):
            got = _both(text)
            if got is not None:
                taken += 1
                assert got[0] == got[1], text
    assert taken >= 40  # most of the ordinary ones take the quick way


def test_generated_real_posts_take_the_quick_way(tmp_path: Path) -> None:
    from bench.generate import generate_real_plan

    root = generate_real_plan(tmp_path / "plan", 40, 0)
    posts = sorted((root / "content" / "posts").rglob("*.md"))
    assert posts
    for path in posts:
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        assert not isinstance(parts, str)
        got = _both(parts[0])
        assert got is not None, parts[0]
        assert got[0] == got[1]
