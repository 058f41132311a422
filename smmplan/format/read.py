"""Read the declared keys of one mapping (:mod:`.keys`) into clean values, with defaults."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..fields import Fields, did_you_mean
from . import keys as k

Reader = Callable[[Fields, k.Key], Any]

_READERS: dict[str, Reader] = {
    k.TEXT.name: lambda f, key: f.text(key.name),
    k.LONG_TEXT.name: lambda f, key: f.text(key.name, single_line=False),
    k.ID.name: lambda f, key: f.ident(key.name),
    k.IDS.name: lambda f, key: f.ident_list(key.name, allow_single=key.single),
    k.TEXTS.name: lambda f, key: f.text_list(key.name, allow_single=key.single),
    k.DATE.name: lambda f, key: f.date(key.name),
    k.DURATION.name: lambda f, key: f.duration(key.name, positive=key.positive),
    k.SHARE.name: lambda f, key: f.share(key.name),
    k.COUNT.name: lambda f, key: f.integer(key.name, minimum=key.minimum, maximum=key.maximum),
    k.RANGE.name: lambda f, key: f.range(key.name),
    k.BOOL.name: lambda f, key: f.boolean(key.name),
    k.CHOICE.name: lambda f, key: f.choice(key.name, key.choices),
    k.CHOICES.name: lambda f, key: choices(f, key),
    k.URL.name: lambda f, key: f.url(key.name),
    k.FREE.name: lambda f, key: f.free(key.name),
}


def read(f: Fields, section: k.Section, *, code: str | None = None, skip: tuple[str, ...] = ()
         ) -> dict[str, Any]:
    """Every key of ``section`` the generic readers know, but ``skip``, by name: its clean
    value, or its default when missing or refused. Unknown keys are reported with ``code`` (if
    given); missing required keys with the section's code (the value is then None)."""
    if code is not None:
        f.unknown_keys(section.names, code=code)
    out: dict[str, Any] = {}
    data = f.data
    for key, reader, empty in _plan(section, skip):
        if data.get(key.name) is None:
            # every reader takes a missing and an empty value alike: skip the call
            if key.required:
                f.require(key.name, section.required_code)
                out[key.name] = None
            else:
                out[key.name] = empty
            continue
        value = reader(f, key)
        out[key.name] = key.default if value is None else value
    return out


def _plan(section: k.Section, skip: tuple[str, ...]) -> _Plan:
    """The keys :func:`read` reads, each with its reader and its value when missing: the same
    for every post, so worked out once per section."""
    found = _PLANS.get((id(section), skip))
    if found is None:
        plan = tuple((key, _READERS[key.type.name],
                      key.type.empty if key.default is None else key.default)
                     for key in section.keys
                     if key.type.name in _READERS and key.name not in skip)
        # kept with its section, whose id then cannot pass to another (sections are unhashable)
        found = _PLANS[(id(section), skip)] = (section, plan)
    return found[1]


_Plan = tuple[tuple[k.Key, Reader, Any], ...]
_PLANS: dict[tuple[int, tuple[str, ...]], tuple[k.Section, _Plan]] = {}


def choices(f: Fields, key: k.Key) -> tuple[str, ...]:
    """A list of :attr:`~.keys.Key.choices`; each value not among them is reported and left out."""
    values = f.text_list(key.name, allow_single=key.single)
    items = f.items(key.name)
    for i, value in enumerate(values):
        if value not in key.choices:
            items.invalid(i, f"{value!r} is not a {key.name.rstrip('s').split('_')[-1]} "
                          f"({', '.join(key.choices)})" + did_you_mean(value, key.choices))
    return tuple(v for v in values if v in key.choices)
