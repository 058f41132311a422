"""Caption templates (SPEC §5.3): what renders, and the usual Jinja escape attempts, each a
problem at its place in the text, never an exception, a leak or a hang."""

from __future__ import annotations

import time

import pytest

from smmplan.captiontemplate import Context, Library, render

LIB = Library(
    snippets={"link-in-bio": "Pesan lewat tautan di bio 👆", "sign": "— {{ post.title }}",
              "loop-a": "{{ snippet('loop-b') }}", "loop-b": "b {{ snippet('loop-a') }}",
              "me": "x {{ snippet('me') }}", "bad": "{{ nope }}"},
    hashtags={"kopi": ("#KopiSenja", "#NgopiDulu")},
)
CTX = Context("Senin pelan-pelan", "Gajian", "x", "X")


def ok(text: str, ctx: Context = CTX) -> str:
    out, problems = render(text, ctx, LIB)
    assert problems == ()
    return out


def problem(text: str, ctx: Context = CTX) -> tuple[str, str, int]:
    out, problems = render(text, ctx, LIB)
    assert out == text and len(problems) == 1
    p = problems[0]
    return p.code, p.message, p.offset


def test_names_in_scope() -> None:
    assert ok('Halo! {{ snippet("link-in-bio") }}\n{{ hashtags("kopi") }}') == \
        "Halo! Pesan lewat tautan di bio 👆\n#KopiSenja #NgopiDulu"
    assert ok("{{ post.title }} / {{ campaign.name }} / {{ channel.name }}") == \
        "Senin pelan-pelan / Gajian / X"
    assert ok("{{ snippet('sign') }}") == "— Senin pelan-pelan"
    assert ok("{% if channel.id == 'x' %}pendek{% else %}panjang{% endif %}") == "pendek"
    assert ok("{{ post.title|upper }}") == "SENIN PELAN-PELAN"


def test_fast_path_keeps_text_exactly() -> None:
    text = "No template here: {# not one #} } { %} 100% {x}"
    assert render(text, CTX, LIB) == (text, ())


@pytest.mark.parametrize(("text", "code", "needle", "offset"), [
    ("Hi\n{{ snippet('nope') }}", "SMM006", "unknown snippet 'nope'", 15),
    ('{{ hashtags("kopii") }}', "SMM006", "unknown hashtag group 'kopii'; did you mean 'kopi'?",
     13),
    ("a {{ snippet('me') }}", "SMM009", "snippet 'me' includes itself (me -> me)", 14),
    ("{{ snippet('loop-a') }}", "SMM009", "includes itself (loop-a -> loop-b -> loop-a)", 12),
    ("{{ snippet('bad') }}", "SMM009", "in snippet 'bad': unknown name 'nope'", 12),
    ("ok\n\n{% if %}", "SMM009", "does not parse", 4),
    ("{{ post.body }}", "SMM009", "post has no 'body' (it has: title)", 0),
    ("line\n{{ campaign.name }}", "SMM009", "the post has no campaign", 5),
])
def test_problems_at_their_place(text: str, code: str, needle: str, offset: int) -> None:
    ctx = Context("T", None, "x", "X") if "campaign" in text else CTX
    got = problem(text, ctx)
    assert got[0] == code and needle in got[1] and got[2] == offset


ESCAPES = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ post.__class__ }}",
    "{{ post.title.__class__.__base__ }}",
    "{{ self.__init__.__globals__['os'] }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
    "{{ post|attr('__class__') }}",
    "{{ post['__class__'] }}",
    "{{ snippet.__globals__ }}",
    "{{ snippet }}",
    "{{ hashtags.__code__ }}",
    "{{ post.items() }}",
    "{{ post.title.format(post) }}",
    "{{ '{0.__class__}'.format(post) }}",
    "{% set x = post.__class__ %}{{ x }}",
    "{% import 'os' as os %}",
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% from 'x' import y %}",
    "{% macro m() %}{% endmacro %}{{ m() }}",
    "{% with a = 1 %}{{ a }}{% endwith %}",
    "{% filter upper %}x{% endfilter %}",
    "{{ range(10) }}",
    "{{ dict(a=1) }}",
    "{{ 'a' * 1000000000 }}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ '%999999999d' % 1 }}",
    "{{ post.title|center(1000000000) }}",
    "{{ post.title|format(1) }}",
    "{{ post.title|map('upper')|list }}",
]


@pytest.mark.parametrize("text", ESCAPES)
def test_escape_attempts_are_template_errors(text: str) -> None:
    code, message, _ = problem(text)
    assert code == "SMM009", message


def test_huge_loops_stop_quickly() -> None:
    began = time.perf_counter()
    nested = "{% for a in post.title %}" * 5 + "{{ a }}" + "{% endfor %}" * 5
    code, message, _ = problem(nested)
    assert code == "SMM009" and "loops ran more than" in message
    assert problem("{% for i in range(10**9) %}x{% endfor %}")[0] == "SMM009"
    long_text = "x" * 5000
    code, message, _ = problem(
        f"{{% for a in '{long_text}' %}}{{{{ '{long_text}' }}}}{{% endfor %}}")
    assert code == "SMM009" and "grows past" in message
    assert time.perf_counter() - began < 5
