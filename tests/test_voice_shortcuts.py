"""The voice rules' shortcuts (needles tested before any regex runs) never change a finding: a
rule they call silent reports nothing when run in full, and a ``require`` term found from its
needle's place is found from the start too, across case folding's corners (the Kelvin sign, the
long s, the dotted and dotless i, the sharp s)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from smmplan.captions import Caption
from smmplan.model import Post, VoiceRule
from smmplan.rules import voice

PIECES = ["kopi", "KOPI", "Kopi", "gula", "I", "i", "ı", "İ", "K", "\u212a", "ſ", "s", "ß", "ss",
          "!", "#", "#KopiSenja", "#kopisenjaku", " ", "\n", "é", "☕", "x", "ini", "INI", "Ini"]
TERMS = ["kopi", "Kopi", "KOPI", "gula", "I", "ini", "Ini", "s", "ss", "k", "!", "#",
         "#KopiSenja", "kopi susu"]
captions = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
rules = st.builds(
    VoiceRule, name=st.just("r"), kind=st.sampled_from(["banned", "max-count", "require"]),
    level=st.just("warning"), terms=st.lists(st.sampled_from(TERMS), min_size=1,
                                             max_size=3).map(tuple),
    max=st.integers(0, 3), ignore_case=st.booleans())


def _post(caption: str) -> Post:
    return Post(id="p", path="content/posts/p.md", title="P", status="approved", pillar="quote",
                channels=("x",), start=None, all_day=False, caption=caption, caption_line=5)


@settings(max_examples=1500, deadline=None)
@given(rules, captions)
# the dotless i matches ``I`` but folds to itself: more matches than needles, and a match before
# the needle's first place
@example(VoiceRule("r", "max-count", "warning", terms=("I",), max=1), "ı ı i")
@example(VoiceRule("r", "require", "warning", terms=("I",)), "ı xi")
def test_shortcuts_agree_with_the_full_run(rule: VoiceRule, caption: str) -> None:
    judge = voice._Rule.of(rule)
    folded = caption.casefold()
    cap = Caption(_post(caption), "", caption, caption, 0, False)
    full = list(voice._voice(judge, cap, folded))
    if judge.surely_silent(caption, folded):
        assert full == []
    if judge.searching and voice._Rules.of([rule]).none_found(caption, folded):
        assert full == []
    for term in judge.terms:
        anywhere = term.pattern.search(caption) is not None and term.may_match(caption, folded)
        assert term.found(caption, folded) == anywhere
