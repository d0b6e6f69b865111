"""The coding problems of a content folder, without loading the rest of the bank.

A command about one coding problem should not wait for every question to be parsed and
cross-checked. This reads only `coding/*/problem.md`, with the bank's own parser (so the
problems are the ones `bank check` validates), and absolute paths so that the hidden
tests are found whatever the working directory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mlcoach.domain import CodingProblem
from mlcoach.errors import ContentError

if TYPE_CHECKING:
    from mlcoach.bank.taxonomy import Taxonomy


SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def load_problems(content_dir: Path | None = None) -> dict[str, CodingProblem]:
    """Every coding problem that parses (bank check reports the others), by id."""
    root = _root(content_dir)
    taxonomy = _taxonomy(root)
    problems: dict[str, CodingProblem] = {}
    for path in sorted((root / "coding").glob("*/problem.md")):
        problem = _parse(path, taxonomy)
        if problem is not None and problem.id not in problems:
            problems[problem.id] = problem
    return problems


def load_problem(content_dir: Path | None, problem_id: str) -> CodingProblem | None:
    """One problem, reading only its own folder; None if there is no such problem."""
    root = _root(content_dir)
    path = root / "coding" / problem_id / "problem.md"
    if not SLUG.fullmatch(problem_id) or not path.is_file():
        return None
    problem = _parse(path, _taxonomy(root))
    return problem if problem is not None and problem.id == problem_id else None


def problem_ids(content_dir: Path | None = None) -> list[str]:
    """The folder names under coding/ (cheap: for suggestions)."""
    return sorted(p.parent.name for p in (_root(content_dir) / "coding").glob("*/problem.md"))


def _root(content_dir: Path | None) -> Path:
    from mlcoach.bank import builtin_content_dir

    root = (content_dir or builtin_content_dir()).resolve()
    if not root.is_dir():
        raise ContentError(f"content folder {root} does not exist")
    return root


def _taxonomy(root: Path) -> Taxonomy:
    from mlcoach.bank.taxonomy import load_taxonomy

    return load_taxonomy(root)


def _parse(path: Path, taxonomy: Taxonomy) -> CodingProblem | None:
    from mlcoach.bank.coding import parse_coding
    from mlcoach.bank.frontmatter import read_text, split_document

    try:
        doc = split_document(read_text(path), str(path))
    except ContentError:
        return None
    return parse_coding(doc, taxonomy)[0]
