"""Each post's caption per channel: variant chosen, template rendered, positions kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smmplan.captions import build
from smmplan.captiontemplate import Library
from smmplan.load import load_plan

POST = """\
---
title: Kopi Senin
date: 2026-12-07 07:30
channel: [instagram, x]
pillar: quote
---
Caption panjang {{ snippet("bio") }}
{{ hashtags("kopi") }}

<!-- for: x -->
Versi X: {{ post.title }} {{ snippet("nope") }}
"""
LIB = Library({"bio": "Pesan lewat tautan di bio"}, {"kopi": ("#KopiSenja", "#NgopiDulu")})


def test_captions_per_channel(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/posts/a.md": POST.replace(' {{ snippet("nope") }}', "")})
    plan, _ = load_plan(root)
    caps = build(plan, LIB)
    post = plan.posts[0]
    ig, x = caps.by_post[post.id]
    assert (ig.channel, ig.text, ig.variant) == (
        "instagram", "Caption panjang Pesan lewat tautan di bio\n#KopiSenja #NgopiDulu", False)
    assert (x.channel, x.text, x.variant) == ("x", "Versi X: Kopi Senin", True)
    assert caps.problems == ()
    # positions: text as written maps exactly; rendered text maps to its tag
    assert (ig.at(0).line, ig.at(0).column) == (7, 1)
    assert (ig.at(len("Caption panjang P")).line, ig.at(len("Caption panjang P")).column) == (7, 17)
    assert (ig.at(len(ig.text) - 1).line, ig.at(len(ig.text) - 1).column) == (8, 1)
    assert (x.at(0).line, x.at(0).column) == (11, 1)


def test_problems_at_their_place(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/posts/a.md": POST.replace("[instagram, x]", "[instagram]")})
    plan, _ = load_plan(root)
    found = [(d.line, d.column, d.code, d.message) for d in build(plan, LIB).problems]
    assert found == [(10, 11, "SMM006", "a variant for channel 'x', which the post does not go "
                                        "out on (channel: instagram)")]
    root = make_plan({"content/posts/a.md": POST})
    plan, _ = load_plan(root)
    found = [(d.line, d.column, d.code, d.message) for d in build(plan, LIB).problems]
    assert found == [(11, 39, "SMM006", "unknown snippet 'nope'")]
