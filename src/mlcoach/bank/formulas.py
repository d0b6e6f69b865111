"""Check that every formula in a body converts to MathML."""

from __future__ import annotations

import re

from mlcoach.bank.problem import Problem
from mlcoach.bank.sections import formulas

_LEFTOVER_COMMAND = re.compile(r">(\\[A-Za-z]+)<")


def to_mathml(tex: str, *, display: bool = False) -> str:
    """Convert LaTeX to MathML; raises ValueError when it cannot (or would show raw TeX)."""
    from latex2mathml.converter import convert

    _check_braces(tex)
    try:
        mathml = str(convert(tex, display="block" if display else "inline"))
    except Exception as exc:  # latex2mathml raises many private types, often without text
        raise ValueError(str(exc) or _describe(type(exc).__name__)) from None
    leftover = _LEFTOVER_COMMAND.search(mathml)
    if leftover:
        raise ValueError(f"unknown command {leftover.group(1)}")
    return mathml


def _check_braces(tex: str) -> None:
    depth = 0
    for i, char in enumerate(tex):
        escaped = i > 0 and tex[i - 1] == "\\"
        if char == "{" and not escaped:
            depth += 1
        elif char == "}" and not escaped:
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced braces: '}' without '{'")
    if depth:
        raise ValueError("unbalanced braces: '{' not closed")


def _describe(name: str) -> str:
    words = re.findall(r"[A-Z][a-z]*", name.removesuffix("Error"))
    return " ".join(words).lower() or "cannot convert"


def check_formulas(path: str, body: str, first_line: int) -> list[Problem]:
    problems = []
    for tex, line in formulas(body, first_line):
        try:
            to_mathml(tex)
        except ValueError as exc:
            problems.append(
                Problem(path, line, f"formula ${tex}$ does not convert to MathML: {exc}")
            )
    return problems
