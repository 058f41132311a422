"""Caption templates (SPEC §5.3): ``{{ snippet("link-in-bio") }}``, ``{{ hashtags("kopi") }}``,
``{{ post.title }}``, ``{{ campaign.name }}``, ``{{ channel.name }}``, rendered in Jinja2's
sandbox.

Captions are content, written by anyone who may open a pull request, so the sandbox is only the
last wall. Before a template runs, its syntax tree must hold nothing but output, ``if``/``for``,
comparisons, the five names above (and loop variables), their listed attributes, calls of
``snippet``/``hashtags`` and a few harmless filters: no ``set``, no macros, no method calls, no
arithmetic that could build a huge value. Loops share one budget of steps and the output one
budget of characters, so no template can hang a check or fill the memory. Every refusal and
every failure is a :class:`Problem` at its place in the text, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .model import EMPTY

#: The names a caption may use, with the attributes each offers.
SCOPE: Mapping[str, tuple[str, ...]] = {
    "post": ("title",),
    "campaign": ("name",),
    "channel": ("name", "id"),
}
FUNCTIONS = ("snippet", "hashtags")
_LOOP_ATTRS = ("index", "index0", "first", "last", "length", "revindex", "revindex0")
FILTERS = ("upper", "lower", "title", "capitalize", "trim", "length", "first", "last", "join",
           "default", "d", "truncate", "wordcount")
#: Loop iterations of one rendering, all loops together.
MAX_STEPS = 10_000
#: Characters one rendering may produce (a caption is at most a few thousand).
MAX_OUTPUT = 100_000
#: Snippets inside snippets, at most this deep.
MAX_DEPTH = 10
_CONSTS = (str, int, float, bool, type(None))


def is_template(text: str) -> bool:
    """Whether ``text`` needs rendering: a caption without ``{{`` or ``{%`` is taken as it is."""
    return "{{" in text or "{%" in text


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a template could not be rendered, at ``offset`` (a character of the template text)."""

    code: str
    """SMM009 (template-error) or SMM006 (unknown snippet or hashtag group)."""
    message: str
    offset: int
    help: str | None = None


@dataclass(frozen=True)
class Library:
    """``guidelines/snippets.yml``: snippet texts and hashtag groups, by name."""

    snippets: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    hashtags: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Context:
    """What a caption may name: the post's title, its campaign's name, the channel's name."""

    title: str
    campaign: str | None
    channel_id: str
    channel_name: str


class _Stop(Exception):
    """A rendering problem found inside a call; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """The one sandbox every caption and snippet is parsed and rendered in."""
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                                        keep_trailing_newline=True, cache_size=0)
    env.globals.clear()  # no range, dict, lipsum, cycler, joiner, namespace
    env.filters = {name: env.filters[name] for name in FILTERS}
    env.tests = {name: env.tests[name] for name in ("defined", "undefined", "none", "string",
                                                     "number", "eq", "ne", "in")}
    return env


# --- what a template may contain ---------------------------------------------------------------

_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name,
            nodes.Getattr, nodes.Call, nodes.Filter, nodes.Test, nodes.If, nodes.CondExpr,
            nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not, nodes.Concat,
            nodes.For, nodes.List, nodes.Tuple)


def _refusal(node: nodes.Node, names: frozenset[str]) -> str | None:
    """Why ``node`` may not stand in a caption, or None."""
    if not isinstance(node, _ALLOWED):
        return f"`{_describe(node)}` is not allowed in a caption"
    if isinstance(node, nodes.Const) and not isinstance(node.value, _CONSTS):
        return "only text, numbers and true/false may be written in a caption"
    if isinstance(node, nodes.Name) and node.name in FUNCTIONS:
        return f"{node.name} must be called with a name: {node.name}(\"name\")"
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in names:
        return f"unknown name '{node.name}'"
    if isinstance(node, nodes.Getattr):
        target = node.node.name if isinstance(node.node, nodes.Name) else None
        allowed = _LOOP_ATTRS if target == "loop" else SCOPE.get(target or "", ())
        if not allowed:
            return f"'.{node.attr}' can only follow post, campaign, channel or loop"
        if node.attr not in allowed:
            return f"{target} has no '{node.attr}' (it has: {', '.join(allowed)})"
    if isinstance(node, nodes.Call):
        if not (isinstance(node.node, nodes.Name) and node.node.name in FUNCTIONS):
            called = node.node.name if isinstance(node.node, nodes.Name) else "a method"
            return (f"{called}(...) is not available in a caption: only snippet(...) and "
                    "hashtags(...) may be called")
        if len(node.args) != 1 or node.kwargs or node.dyn_args or node.dyn_kwargs:
            return f"{node.node.name}(...) takes one name, e.g. {node.node.name}(\"name\")"
    if isinstance(node, nodes.Filter) and node.name not in FILTERS:
        return f"unknown filter '{node.name}' (allowed: {', '.join(FILTERS)})"
    if isinstance(node, nodes.Test) and node.name not in environment().tests:
        return f"unknown test '{node.name}'"
    if isinstance(node, nodes.For) and node.recursive:
        return "recursive loops are not allowed in a caption"
    return None


def _describe(node: nodes.Node) -> str:
    words = {"Assign": "set", "AssignBlock": "set", "Macro": "macro", "CallBlock": "call",
             "FilterBlock": "filter block", "Include": "include", "Import": "import",
             "FromImport": "from ... import", "Extends": "extends", "Block": "block",
             "With": "with", "Getitem": "[...]", "Scope": "scope", "Slice": "slice",
             "Dict": "{...}", "Mul": "*", "Pow": "**", "Mod": "%", "Add": "+", "Sub": "-",
             "Div": "/", "FloorDiv": "//", "Neg": "-", "Pos": "+"}
    name = type(node).__name__
    return words.get(name, name)


def _check_tree(tree: nodes.Template) -> tuple[nodes.Node, str] | None:
    """The first node the caption may not hold, with why."""
    def walk(node: nodes.Node, names: frozenset[str]) -> tuple[nodes.Node, str] | None:
        why = _refusal(node, names)
        if why is not None:
            return node, why
        inner = names
        if isinstance(node, nodes.For):
            found = walk(node.iter, names)
            if found:
                return found
            targets = {n.name for n in (node.target, *node.target.find_all(nodes.Name))
                       if isinstance(n, nodes.Name)}
            inner = names | targets | {"loop"}
            children: list[nodes.Node] = [*node.body, *node.else_]
            if node.test is not None:
                children.append(node.test)
            for child in children:
                found = walk(child, inner)
                if found:
                    return found
            return None
        # a call's own name is checked by _refusal; only its argument is walked
        kids: Iterable[nodes.Node] = node.args if isinstance(node, nodes.Call) else \
            node.iter_child_nodes()
        for child in kids:
            found = walk(child, inner)
            if found:
                return found
        return None

    return walk(tree, frozenset(SCOPE))


class _Budget:
    def __init__(self) -> None:
        self.steps = 0

    def bounded(self, items: Any) -> Iterator[Any]:
        for item in items:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise SecurityError(f"the loops ran more than {MAX_STEPS:,} times")
            yield item


def _bound_loops(tree: nodes.Template) -> None:
    """Route every loop through the budget (``_steps(iterable)``), so that nested loops over
    long texts stop with a problem instead of running for hours."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name("_steps", "load", lineno=loop.lineno), [loop.iter],
                               [], None, None, lineno=loop.lineno)


# --- rendering ---------------------------------------------------------------------------------

def render(text: str, ctx: Context, library: Library) -> tuple[str, tuple[Problem, ...]]:
    """``text`` rendered for one channel, or the problems that stop it (then the text as it is)."""
    if not is_template(text):
        return text, ()
    try:
        return _Renderer(library, ctx).render(text, 0), ()
    except _Stop as stop:
        return text, (stop.problem,)


class _Renderer:
    def __init__(self, library: Library, ctx: Context) -> None:
        self.library = library
        self.ctx = ctx
        self.budget = _Budget()
        self.stack: list[str] = []

    def render(self, text: str, depth: int) -> str:
        tree = self._parse(text)
        refused = _check_tree(tree)
        if refused is not None:
            node, why = refused
            raise _Stop(Problem("SMM009", why, _offset(text, node), help=_HELP))
        _bound_loops(tree)
        template = environment().from_string(tree)
        scope: dict[str, Any] = {
            "post": {"title": self.ctx.title},
            "channel": {"name": self.ctx.channel_name, "id": self.ctx.channel_id},
            "snippet": lambda name: self._snippet(name, text, depth),
            "hashtags": lambda name: self._hashtags(name, text),
            "_steps": self.budget.bounded,
        }
        if self.ctx.campaign is not None:
            scope["campaign"] = {"name": self.ctx.campaign}
        out: list[str] = []
        size = 0
        try:
            for chunk in template.generate(scope):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise _Stop(Problem("SMM009", f"the caption grows past {MAX_OUTPUT:,} "
                                        "characters", 0))
                out.append(chunk)
        except _Stop:
            raise
        except UndefinedError as exc:
            raise _Stop(Problem("SMM009", _undefined(exc), _error_offset(text, exc),
                                help=_HELP)) from None
        except (TemplateError, ArithmeticError, TypeError, ValueError, LookupError,
                RecursionError, MemoryError) as exc:
            raise _Stop(Problem("SMM009", f"the template failed: {exc}",
                                _error_offset(text, exc), help=_HELP)) from None
        return "".join(out)

    def _parse(self, text: str) -> nodes.Template:
        try:
            return environment().parse(text)
        except TemplateSyntaxError as exc:
            start = _line_offset(text, exc.lineno)
            tag = re.search(r"\{\{|\{%", text[start:])
            raise _Stop(Problem("SMM009", f"the template does not parse: {exc.message}",
                                start + (tag.start() if tag else 0), help=_HELP)) from None

    def _snippet(self, name: Any, text: str, depth: int) -> str:
        name = str(name)
        body = self.library.snippets.get(name)
        if body is None:
            raise _Stop(_unknown("snippet", name, text, self.library.snippets))
        if name in self.stack:
            chain = " -> ".join([*self.stack, name])
            raise _Stop(Problem("SMM009", f"snippet '{name}' includes itself ({chain})",
                                _name_offset(text, name)))
        if depth >= MAX_DEPTH:
            raise _Stop(Problem("SMM009", f"snippets nest deeper than {MAX_DEPTH}",
                                _name_offset(text, name)))
        self.stack.append(name)
        try:
            return self.render(body, depth + 1) if is_template(body) else body
        except _Stop as stop:
            # a problem inside the snippet's text: shown where this text names the snippet
            message = stop.problem.message
            if not message.startswith(("in snippet", "snippet ")):
                message = f"in snippet '{name}': {message}"
            raise _Stop(Problem(stop.problem.code, message, _name_offset(text, name),
                                stop.problem.help)) from None
        finally:
            self.stack.pop()

    def _hashtags(self, name: Any, text: str) -> str:
        name = str(name)
        tags = self.library.hashtags.get(name)
        if tags is None:
            raise _Stop(_unknown("hashtag group", name, text, self.library.hashtags))
        return " ".join(tags)


_HELP = ("a caption may use {{ snippet(\"name\") }}, {{ hashtags(\"group\") }}, {{ post.title }}, "
         "{{ campaign.name }} and {{ channel.name }}")


def _unknown(what: str, name: str, text: str, known: Mapping[str, Any]) -> Problem:
    from .fields import did_you_mean

    where = "guidelines/snippets.yml"
    listed = ", ".join(sorted(known)) or "none"
    return Problem("SMM006", f"unknown {what} '{name}'{did_you_mean(name, known)}",
                   _name_offset(text, name), help=f"defined in {where}: {listed}")


def _undefined(exc: UndefinedError) -> str:
    message = str(exc)
    if "'campaign' is undefined" in message:
        return "{{ campaign.name }} is used, but the post has no campaign"
    return f"the template failed: {message}"


def _line_offset(text: str, lineno: int | None) -> int:
    """Offset of the start of 1-based line ``lineno`` of ``text``."""
    offset = 0
    for _ in range(max(0, (lineno or 1) - 1)):
        found = text.find("\n", offset)
        if found < 0:
            break
        offset = found + 1
    return offset


def _offset(text: str, node: nodes.Node) -> int:
    """Best place of ``node`` in ``text``: Jinja keeps only lines, so the first tag on that line
    that holds the node's name, else the line's first tag."""
    start = _line_offset(text, getattr(node, "lineno", 1))
    end = text.find("\n", start)
    line = text[start: end if end >= 0 else len(text)]
    word = getattr(node, "name", None) or getattr(node, "attr", None)
    for tag in re.finditer(r"\{\{.*?\}\}|\{%.*?%\}", line):
        if word and re.search(rf"\b{re.escape(str(word))}\b", tag.group()):
            return start + tag.start()
    first = re.search(r"\{\{|\{%", line)
    return start + (first.start() if first else 0)


def _name_offset(text: str, name: str) -> int:
    """Offset of the quoted ``name`` in ``text`` (where a snippet or group is named)."""
    for quote in ('"', "'"):
        found = text.find(f"{quote}{name}{quote}")
        if found >= 0:
            return found + 1
    first = re.search(r"\{\{|\{%", text)
    return first.start() if first else 0


def _error_offset(text: str, exc: BaseException) -> int:
    """Where a failure happened: the template line in the traceback Jinja rewrites."""
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    start = _line_offset(text, lineno)
    first = re.search(r"\{\{|\{%", text[start:])
    return start + (first.start() if first else 0)
