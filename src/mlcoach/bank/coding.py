"""Parse a coding problem folder: problem.md, starter.py, solution.py, test_<id>.py."""

from __future__ import annotations

import ast
from pathlib import Path

from mlcoach.bank.fields import FieldReader
from mlcoach.bank.formulas import check_formulas
from mlcoach.bank.frontmatter import Document
from mlcoach.bank.problem import Problem
from mlcoach.bank.sections import split_sections
from mlcoach.bank.taxonomy import Taxonomy
from mlcoach.domain import CodingProblem, Kind, Level, Role

FIELDS = {
    "id",
    "title",
    "kind",
    "topics",
    "roles",
    "level",
    "minutes",
    "concepts",
    "signature",
    "limits",
    "sources",
    "follow_ups",
}
SECTIONS = ("Problem", "Examples", "Constraints", "Hints", "Why it's asked", "Follow-ups")


def parse_coding(doc: Document, taxonomy: Taxonomy) -> tuple[CodingProblem | None, list[Problem]]:
    folder = Path(doc.extra.get("file", doc.path)).parent
    reader = FieldReader(doc)
    reader.reject_unknown(FIELDS)
    pid = reader.slug("id")
    if pid and pid != folder.name:
        reader.problem("id", f"id {pid!r} does not match the folder name {folder.name!r}")
    if reader.choice("kind", Kind, Kind.CODING) is not Kind.CODING:
        reader.problem("kind", "a coding problem must have kind: coding")
    topics = reader.str_list("topics")
    for topic in topics:
        if not taxonomy.has_topic(topic):
            reader.problem("topics", f"unknown topic {topic!r} (see content/topics.yaml)")
    if topics and topics[0] != "coding":
        reader.problem("topics", "the first topic of a coding problem must be 'coding'")
    concepts = reader.str_list("concepts")
    for concept in concepts:
        if not taxonomy.has_concept(concept):
            reader.problem("concepts", f"unknown concept {concept!r} (see content/concepts.yaml)")
    seconds, memory = _limits(reader)
    fields = {
        "title": reader.text("title"),
        "roles": reader.choices("roles", Role),
        "level": reader.choice("level", Level, Level.MID),
        "minutes": reader.integer("minutes", low=1, high=120, default=15),
        "signature": reader.text("signature"),
        "sources": reader.urls("sources"),
    }
    statement, body_problems = _statement(doc)
    files, file_problems = _files(folder, pid)
    problems = reader.problems + body_problems + file_problems
    if not pid or files is None:
        return None, problems
    problem = CodingProblem(
        id=pid,
        topics=topics,
        concepts=concepts,
        statement=statement,
        starter=files[0],
        solution=files[1],
        tests_path=files[2],
        time_limit_s=seconds,
        memory_mb=memory,
        path=doc.path,
        **fields,  # type: ignore[arg-type]
    )
    return problem, problems


def _limits(reader: FieldReader) -> tuple[float, int]:
    limits = reader.doc.meta.get("limits") or {}
    if not isinstance(limits, dict):
        reader.problem("limits", "'limits' must be a mapping like {seconds: 5, memory_mb: 512}")
        return 10.0, 512
    seconds, memory = limits.get("seconds", 10), limits.get("memory_mb", 512)
    if not isinstance(seconds, int | float) or not 0 < seconds <= 60:
        reader.problem("limits", "limits.seconds must be a number of seconds from 1 to 60")
        seconds = 10
    if not isinstance(memory, int) or not 64 <= memory <= 4096:
        reader.problem("limits", "limits.memory_mb must be a whole number from 64 to 4096")
        memory = 512
    return float(seconds), memory


def _statement(doc: Document) -> tuple[str, list[Problem]]:
    problems = []
    _, sections = split_sections(doc.body, doc.body_line)
    titles = [s.title for s in sections]
    for section in sections:
        if section.title not in SECTIONS:
            problems.append(
                Problem(doc.path, section.line, f"unknown section '## {section.title}'")
            )
    if "Problem" not in titles:
        problems.append(Problem(doc.path, doc.body_line, "missing section '## Problem'"))
    problems += check_formulas(doc.path, doc.body, doc.body_line)
    return doc.body.strip(), problems


def _files(folder: Path, pid: str) -> tuple[tuple[str, str, str] | None, list[Problem]]:
    problems: list[Problem] = []
    texts: list[str] = []
    for name in ("starter.py", "solution.py", f"test_{pid}.py"):
        path = folder / name
        if not path.is_file():
            problems.append(Problem(str(path), 1, f"missing file {name}"))
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            ast.parse(text, filename=str(path))
        except SyntaxError as exc:
            problems.append(Problem(str(path), exc.lineno or 1, f"invalid Python: {exc.msg}"))
        texts.append(text if not name.startswith("test_") else str(path))
    if problems:
        return None, problems
    return (texts[0], texts[1], texts[2]), problems
