"""Read and check front-matter fields, collecting every problem with its line."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

from mlcoach.bank.frontmatter import Document
from mlcoach.bank.problem import Problem

E = TypeVar("E", bound=StrEnum)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FieldReader:
    """Typed access to a document's front matter; bad values become Problems, not raises."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def problem(self, key: str | None, message: str, *, line: int | None = None) -> None:
        where = line if line is not None else (self.doc.line_of(key) if key else 1)
        self.problems.append(Problem(self.doc.path, where, message))

    def _value(self, key: str, required: bool) -> Any:
        if key not in self.doc.meta or self.doc.meta[key] is None:
            if required:
                self.problem(None, f"missing field '{key}'", line=self.doc.meta_line)
            return None
        return self.doc.meta[key]

    def text(self, key: str, *, required: bool = True) -> str:
        value = self._value(key, required)
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or not str(value).strip():
            self.problem(key, f"'{key}' must be a non-empty text")
            return ""
        return str(value).strip()

    def slug(self, key: str) -> str:
        value = self.text(key)
        if value and not SLUG.match(value):
            self.problem(key, f"'{key}' must be lowercase kebab-case, got {value!r}")
        return value

    def integer(self, key: str, *, low: int, high: int, default: int) -> int:
        value = self._value(key, True)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(key, f"'{key}' must be a whole number from {low} to {high}")
            return default
        return value

    def str_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._value(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"'{key}' must be a list of texts, e.g. [a, b]")
            return ()
        return tuple(v.strip() for v in value)

    def choice(self, key: str, enum: type[E], default: E) -> E:
        value = self._value(key, True)
        if value is None:
            return default
        try:
            return enum(str(value))
        except ValueError:
            self.problem(key, f"unknown {key} {value!r} (expected one of {_names(enum)})")
            return default

    def choices(self, key: str, enum: type[E]) -> tuple[E, ...]:
        found = []
        for value in self.str_list(key):
            try:
                found.append(enum(value))
            except ValueError:
                self.problem(key, f"unknown {key[:-1]} {value!r} (expected one of {_names(enum)})")
        return tuple(found)

    def urls(self, key: str) -> tuple[str, ...]:
        values = self.str_list(key, required=False)
        for url in values:
            if not re.match(r"^https?://\S+$", url):
                self.problem(key, f"source {url!r} is not an http(s) URL")
        return values

    def reject_unknown(self, allowed: set[str]) -> None:
        for key in self.doc.meta:
            if key not in allowed:
                self.problem(key, f"unknown field '{key}'")


def _names(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)
