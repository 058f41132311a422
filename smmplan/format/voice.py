"""``voice:`` in rules.yml: the brand-voice rules, each checked as far as it can be used."""

from __future__ import annotations

from types import MappingProxyType

from ..fields import Fields
from ..model import VoiceRule
from .keys import VOICE, WHEN_KEYS
from .read import read


def load_voice(f: Fields) -> tuple[VoiceRule, ...]:
    rules = []
    seen: set[str] = set()
    for r in f.mappings("voice", "rules", "(name, kind, ...)"):
        rule = _voice_rule(r, seen)
        if rule is not None:
            seen.add(rule.name)
            rules.append(rule)
    return tuple(rules)


def _voice_rule(r: Fields, seen: set[str]) -> VoiceRule | None:
    """One rule, or None when it cannot be applied whole (a rule half applied misleads)."""
    values = read(r, VOICE, code="SMM007")
    name, kind = values["name"], values["kind"]
    if name is None or kind is None:
        return None
    if name in seen:
        r.invalid("name", f"{name!r} is used by an earlier voice rule")
        return None
    terms: tuple[str, ...] = ()
    substitutes: dict[str, str] = {}
    if kind == "substitute":
        subs = r.mapping("terms") if r.require("terms", "SMM007") else None
        if subs is not None:
            for word, replacement in subs.data.items():
                if not isinstance(replacement, str):
                    subs.invalid(word, "must name the preferred term")
                    continue
                substitutes[str(word)] = replacement
    elif "terms" in r.data:
        terms = r.text_list("terms", allow_single=True)
    pattern = values["pattern"]
    if kind in ("max-count", "require") and pattern is None and not terms:
        r.report("SMM007", f"a {kind} rule needs `pattern` (or `terms`)", None)
        return None
    if kind == "banned" and not terms and pattern is None:
        r.report("SMM007", "a banned rule needs `terms` (or `pattern`)", None)
        return None
    if values["regex"] and not _regexes_compile(r, [("pattern", pattern)]
                                                + [("terms", t) for t in terms]):
        return None
    if kind == "max-count" and values["max"] is None:
        r.require("max", "SMM007")
        return None
    when: dict[str, tuple[str, ...]] = {}
    cond = r.mapping("when")
    if cond is not None:
        cond.unknown_keys(WHEN_KEYS, code="SMM007")
        for key in WHEN_KEYS:
            if key in cond.data:
                when[key] = cond.text_list(key, allow_single=True)
    return VoiceRule(
        name=name, kind=kind, level=values["level"], terms=terms,
        substitutes=MappingProxyType(substitutes), pattern=pattern, regex=values["regex"],
        max=values["max"], message=values["message"], when=MappingProxyType(when),
        ignore_case=values["ignore_case"], pos=r.positions(),
    )


def _regexes_compile(r: Fields, texts: list[tuple[str, str | None]]) -> bool:
    """Whether every pattern compiles with the engine the voice rules use (the ``regex``
    module, version 0, which reads patterns like ``re``); reports the first that does not."""
    import regex

    for key, text in texts:
        if text is None:
            continue
        try:
            regex.compile(text, regex.V0)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:
            r.invalid(key, f"is not a valid regular expression: {exc}")
            return False
    return True
