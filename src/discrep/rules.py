"""The rule registry: every rule that keeps two claims apart, pairs them or decides a
verdict is a named, documented object with a code, so that findings can say which rules
made them and ``discrep explain --why-not`` can say which rule kept two figures apart.

A rule is registered with :func:`rule` on the function that applies it; its docstring's
first line is its summary, the rest its explanation.  Codes are stable:

- ``C1xx``: claims gives a figure its role (a share, an increment, a running total, the
  day of a statement or of the report);
- ``A1xx``: align keeps two claims apart (a veto);
- ``A2xx``: align pairs two claims (a join);
- ``D1xx``/``D2xx``: decide's verdicts.

Each rule has test cases of its own, sentences that make it fire and sentences that do
not, in ``tests/rules/``; a test checks that every registered rule has them.  Like ruff's
``rule --all``, ``discrep rules`` lists the registry.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    stage: str                           # claims | align | decide
    summary: str                         # one line
    doc: str                             # the whole docstring


REGISTRY: dict[str, Rule] = {}

F = TypeVar("F", bound=Callable)


def rule(code: str, name: str, stage: str) -> Callable[[F], F]:
    """Register the decorated function as rule ``code``; its docstring documents it."""
    def deco(fn: F) -> F:
        doc = " ".join((fn.__doc__ or "").split())
        if code in REGISTRY and REGISTRY[code].name != name:
            raise ValueError(f"rule code {code} registered twice ({REGISTRY[code].name}, {name})")
        REGISTRY[code] = Rule(code, name, stage, first_sentence(doc), doc)
        fn.code = code                   # type: ignore[attr-defined]
        return fn
    return deco


def code_of(fn: Callable) -> str:
    """The code a function was registered under with :func:`rule`."""
    code = getattr(fn, "code", None)
    if code is None:
        raise KeyError(f"{getattr(fn, '__name__', fn)!r} is not a registered rule")
    return str(code)


def first_sentence(doc: str) -> str:
    """The docstring's first sentence: up to the first ". " outside brackets and quotes."""
    depth = 0
    quoted = False
    for i, ch in enumerate(doc):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == '"':
            quoted = not quoted
        elif ch == "." and not depth and not quoted and doc[i + 1:i + 2] in ("", " "):
            return doc[:i + 1]
    return doc


def all_rules() -> list[Rule]:
    """Every registered rule, by code (the stages' modules are imported so that their
    rules register)."""
    from . import align, claims, decide  # noqa: F401  (registration happens on import)
    return [REGISTRY[c] for c in sorted(REGISTRY)]
