"""Load a content folder into a Bank, collecting every problem instead of stopping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from mlcoach.bank.coding import parse_coding
from mlcoach.bank.crosscheck import cross_check
from mlcoach.bank.frontmatter import Document, read_text, split_document
from mlcoach.bank.guides import parse_role_guide, parse_sheet
from mlcoach.bank.problem import Problem
from mlcoach.bank.questions import parse_question
from mlcoach.bank.taxonomy import Taxonomy, load_taxonomy
from mlcoach.domain import CodingProblem, Question, Role, RoleGuide, Sheet
from mlcoach.errors import ContentError, NotFound

T = TypeVar("T")


@dataclass
class Bank:
    """Everything in a content folder, by id."""

    root: Path
    taxonomy: Taxonomy
    questions: dict[str, Question] = field(default_factory=dict)
    coding: dict[str, CodingProblem] = field(default_factory=dict)
    roles: dict[Role, RoleGuide] = field(default_factory=dict)
    sheets: dict[str, Sheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    key_lines: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)

    def question(self, qid: str) -> Question:
        try:
            return self.questions[qid]
        except KeyError:
            raise NotFound(f"no question with id {qid!r}") from None


def builtin_content_dir() -> Path:
    """The bank shipped in the package, or the repo's content/ in a development install."""
    packaged = Path(__file__).resolve().parent.parent / "content"
    if (packaged / "concepts.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "content"


def load_bank(content_dir: Path | None = None) -> Bank:
    """Parse every file under content_dir; bad files are skipped and listed in `problems`."""
    root = (content_dir or builtin_content_dir()).resolve()
    if not root.is_dir():
        raise ContentError(f"content folder {root} does not exist")
    bank = Bank(root=root, taxonomy=load_taxonomy(root))
    for path in sorted((root / "questions").glob("*/*.md")):
        _add(bank, path, parse_question, bank.questions)
    for path in sorted((root / "coding").glob("*/problem.md")):
        _add(bank, path, parse_coding, bank.coding)
    for path in sorted((root / "roles").glob("*.md")):
        guide = _parse(bank, path, parse_role_guide)
        if guide is not None:
            bank.roles[guide.role] = guide
    for path in sorted((root / "sheets").glob("*.md")):
        _add(bank, path, parse_sheet, bank.sheets)
    bank.problems += _stray_files(root)
    bank.problems += cross_check(bank.questions, bank.coding, bank.key_lines)
    bank.problems.sort()
    return bank


Parser = Callable[[Document, Taxonomy], tuple[T | None, list[Problem]]]


def _parse(bank: Bank, path: Path, parser: Parser[T]) -> T | None:
    return _parse_doc(bank, path, parser)[0]


def _parse_doc(bank: Bank, path: Path, parser: Parser[T]) -> tuple[T | None, Document | None]:
    shown = _relative(path, bank.root)
    try:
        doc = split_document(read_text(path), shown)
        doc.extra["file"] = path  # the real location; `path` above is for messages
    except ContentError as exc:
        bank.problems.append(Problem(shown, exc.line, exc.message))
        return None, None
    item, problems = parser(doc, bank.taxonomy)
    bank.problems.extend(problems)
    return item, doc


def _add(bank: Bank, path: Path, parser: Parser[T], into: dict[str, T]) -> None:
    item, doc = _parse_doc(bank, path, parser)
    if item is None or doc is None:
        return
    item_id: str = getattr(item, "id")  # noqa: B009
    if item_id in bank.questions or item_id in bank.coding or item_id in into:
        line = doc.line_of("id")
        bank.problems.append(Problem(doc.path, line, f"duplicate id {item_id!r}"))
        return
    into[item_id] = item
    bank.key_lines[item_id] = doc.key_lines


def _stray_files(root: Path) -> list[Problem]:
    """Files that look like content but sit where the loader never reads them."""
    stray = [p for p in (root / "questions").glob("*.md")]
    stray += [p for p in (root / "questions").glob("*/*/**/*.md")]
    return [
        Problem(_relative(p, root), 1, "not read: questions go in questions/<topic>/<id>.md")
        for p in sorted(stray)
    ]


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)
