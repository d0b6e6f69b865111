"""Parse role guides (content/roles/<role>.md) and reference sheets (content/sheets/<id>.md)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mlcoach.bank.fields import FieldReader
from mlcoach.bank.formulas import check_formulas
from mlcoach.bank.frontmatter import Document
from mlcoach.bank.problem import Problem
from mlcoach.bank.sections import bullets, split_sections
from mlcoach.bank.taxonomy import Taxonomy
from mlcoach.domain import Kind, Role, RoleGuide, Round, SalaryBand, Sheet

ROLE_FIELDS = {"role", "title", "rounds", "topic_weights", "salary"}
ROLE_SECTIONS = ("The role", "The loop", "Checklist")
SALARY_KEYS = ("level", "low", "high", "currency", "region", "source", "year")
SHEET_FIELDS = {"id", "title", "topics", "sources"}
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")


def parse_role_guide(doc: Document, taxonomy: Taxonomy) -> tuple[RoleGuide | None, list[Problem]]:
    reader = FieldReader(doc)
    reader.reject_unknown(ROLE_FIELDS)
    role = reader.choice("role", Role, Role.MLE)
    if "role" in doc.meta and role.value != Path(doc.path).stem:
        reader.problem("role", f"role {role.value!r} does not match the file name")
    title = reader.text("title")
    rounds = _rounds(reader, taxonomy)
    weights = _weights(reader, taxonomy)
    salary = _salary(reader)
    _, sections = split_sections(doc.body, doc.body_line)
    found = {s.title: s for s in sections}
    problems = list(reader.problems)
    for name in ROLE_SECTIONS:
        if name not in found:
            problems.append(Problem(doc.path, doc.body_line, f"missing section '## {name}'"))
    checklist: tuple[str, ...] = ()
    if "Checklist" in found:
        checklist = tuple(b.text for b in bullets(found["Checklist"])[0])
        if len(checklist) < 3:
            problems.append(
                Problem(doc.path, found["Checklist"].line, "checklist needs 3+ bullets")
            )
    problems += check_formulas(doc.path, doc.body, doc.body_line)
    if problems:
        return None, problems
    guide = RoleGuide(
        role=role,
        title=title,
        rounds=rounds,
        topic_weights=weights,
        salary=salary,
        about=found["The role"].text,
        loop=found["The loop"].text,
        checklist=checklist,
        path=doc.path,
    )
    return guide, problems


def _rounds(reader: FieldReader, taxonomy: Taxonomy) -> tuple[Round, ...]:
    raw = reader.doc.meta.get("rounds")
    if not isinstance(raw, list) or not raw:
        reader.problem(
            "rounds", "'rounds' must be a non-empty list of {name, minutes, kinds, topics}"
        )
        return ()
    rounds = []
    for item in raw:
        if not isinstance(item, dict) or not {"name", "minutes", "kinds", "topics"} <= set(item):
            reader.problem("rounds", "each round needs name, minutes, kinds and topics")
            continue
        try:
            kinds = tuple(Kind(k) for k in item["kinds"])
        except (ValueError, TypeError):
            reader.problem("rounds", f"round {item['name']!r} has an unknown kind")
            continue
        unknown = [t for t in item["topics"] if not taxonomy.has_topic(t)]
        if unknown:
            reader.problem("rounds", f"round {item['name']!r} has unknown topics {unknown}")
        if not isinstance(item["minutes"], int) or item["minutes"] <= 0:
            reader.problem("rounds", f"round {item['name']!r} minutes must be a positive number")
            continue
        rounds.append(Round(str(item["name"]), item["minutes"], kinds, tuple(item["topics"])))
    return tuple(rounds)


def _weights(reader: FieldReader, taxonomy: Taxonomy) -> dict[str, float]:
    raw = reader.doc.meta.get("topic_weights")
    if not isinstance(raw, dict) or not raw:
        reader.problem("topic_weights", "'topic_weights' must map topics to weights")
        return {}
    weights: dict[str, float] = {}
    for topic, weight in raw.items():
        if not taxonomy.has_topic(str(topic)):
            reader.problem("topic_weights", f"unknown topic {topic!r}")
        elif not isinstance(weight, int | float) or weight < 0:
            reader.problem("topic_weights", f"weight of {topic!r} must be a non-negative number")
        else:
            weights[str(topic)] = float(weight)
    if weights and abs(sum(weights.values()) - 1.0) > 0.001:
        reader.problem("topic_weights", f"topic weights sum to {sum(weights.values()):.3f}, not 1")
    return weights


def _salary(reader: FieldReader) -> tuple[SalaryBand, ...]:
    raw: Any = reader.doc.meta.get("salary") or []
    if not isinstance(raw, list):
        reader.problem("salary", "'salary' must be a list of bands")
        return ()
    bands = []
    for item in raw:
        if not isinstance(item, dict) or any(k not in item for k in SALARY_KEYS):
            reader.problem("salary", f"each salary band needs {', '.join(SALARY_KEYS)}")
            continue
        if not str(item["source"]).startswith(("http://", "https://")):
            reader.problem("salary", "a salary band's source must be the URL of the page read")
            continue
        if not 0 < int(item["low"]) <= int(item["high"]):
            reader.problem("salary", f"salary band {item['level']!r} needs 0 < low <= high")
            continue
        bands.append(SalaryBand(**{k: item[k] for k in SALARY_KEYS}))
    return tuple(bands)


def parse_sheet(doc: Document, taxonomy: Taxonomy) -> tuple[Sheet | None, list[Problem]]:
    reader = FieldReader(doc)
    reader.reject_unknown(SHEET_FIELDS)
    sid = reader.slug("id")
    if sid and sid != Path(doc.path).stem:
        reader.problem("id", f"id {sid!r} does not match the file name")
    title = reader.text("title")
    topics = reader.str_list("topics")
    for topic in topics:
        if not taxonomy.has_topic(topic):
            reader.problem("topics", f"unknown topic {topic!r} (see content/topics.yaml)")
    sources = reader.urls("sources")
    problems = list(reader.problems)
    if not any(_TABLE_RULE.match(line) for line in doc.body.splitlines()):
        problems.append(
            Problem(doc.path, doc.body_line, "a reference sheet needs a Markdown table")
        )
    problems += check_formulas(doc.path, doc.body, doc.body_line)
    if not sid:
        return None, problems
    return Sheet(sid, title, topics, doc.body.strip(), sources, doc.path), problems
