"""Per-channel variants (SPEC §5.4): sections of a body and what is wrong with them."""

from __future__ import annotations

from smmplan.variants import caption_for, problems, split

BODY = """Caption panjang untuk Instagram.

Baris kedua.

<!-- for: x, threads -->

Versi pendek untuk X.
<!-- for:linkedin-->
Versi LinkedIn."""


def test_split_keeps_offsets() -> None:
    sections = split(BODY)
    assert [(s.text, s.ids) for s in sections] == [
        ("Caption panjang untuk Instagram.\n\nBaris kedua.", ()),
        ("Versi pendek untuk X.", ("x", "threads")),
        ("Versi LinkedIn.", ("linkedin",)),
    ]
    for s in sections:
        assert BODY[s.offset:s.offset + len(s.text)] == s.text
        for cid, at in s.channels:
            assert BODY[at:at + len(cid)] == cid
    assert caption_for(sections, "threads").text == "Versi pendek untuk X."
    assert caption_for(sections, "instagram").text.startswith("Caption panjang")


def test_no_marker_is_one_section() -> None:
    body = "Text <!-- for: x --> inline is not a marker"
    assert split(body) == split(body)[:1] and split(body)[0].text == body


def test_problems() -> None:
    body = "Default\n<!-- for: x, tiktok -->\nShort\n<!-- for: x -->\nAgain\n<!-- for: -->\nz"
    found = [(p.code, p.message, body[p.offset:p.offset + 6]) for p in
             problems(split(body), ("instagram", "x"))]
    assert found == [
        ("SMM006", "a variant for channel 'tiktok', which the post does not go out on "
                   "(channel: instagram, x)", "tiktok"),
        ("SMM003", "a second variant for channel 'x'", "x -->\n"),
        ("SMM003", "a `<!-- for: -->` line names no channel", "z"),
    ]


def test_empty_default_leaves_a_channel_without_caption() -> None:
    body = "<!-- for: x -->\nShort"
    found = [(p.code, p.message) for p in problems(split(body), ("instagram", "x"))]
    assert found == [("SMM002", "no caption for instagram: the text before the first "
                                "`<!-- for: -->` line is empty")]
    assert problems(split(body), ("x",)) == []
