"""Parse one question file (SPEC §3) into a Question and the problems found in it."""

from __future__ import annotations

from pathlib import Path

from mlcoach.bank.fields import FieldReader
from mlcoach.bank.formulas import check_formulas
from mlcoach.bank.frontmatter import Document
from mlcoach.bank.problem import Problem
from mlcoach.bank.sections import Section, bullets, split_sections, word_count
from mlcoach.bank.taxonomy import Taxonomy
from mlcoach.domain import KeyPoint, Kind, Level, Question, Role

SECTIONS = ("Answer", "Key points", "Red flags", "Why it's asked", "Answer framework", "Follow-ups")
FIELDS = {
    "id",
    "title",
    "kind",
    "topics",
    "roles",
    "level",
    "minutes",
    "concepts",
    "follow_ups",
    "sources",
}
ANSWER_WORDS = (100, 400)
FACT_MIN_WORDS = 20
KEY_POINTS = (3, 8)


def parse_question(doc: Document, taxonomy: Taxonomy) -> tuple[Question | None, list[Problem]]:
    """Build the Question of a parsed document; every rule broken becomes a Problem."""
    reader = FieldReader(doc)
    reader.reject_unknown(FIELDS)
    qid = reader.slug("id")
    if qid and qid != Path(doc.path).stem:
        reader.problem("id", f"id {qid!r} does not match the file name {Path(doc.path).name!r}")
    kind = reader.choice("kind", Kind, Kind.CONCEPT)
    if kind is Kind.CODING:
        reader.problem("kind", "coding items live in content/coding/<id>/, not in questions/")
    topics = _topics(reader, taxonomy, folder=Path(doc.path).parent.name)
    concepts = reader.str_list("concepts")
    for concept in concepts:
        if not taxonomy.has_concept(concept):
            reader.problem("concepts", f"unknown concept {concept!r} (see content/concepts.yaml)")
    follow_ups = reader.str_list("follow_ups")
    for ref in follow_ups:
        if ref == qid:
            reader.problem("follow_ups", "an item cannot be its own follow-up")
    meta = {
        "id": qid,
        "title": reader.text("title"),
        "kind": kind,
        "topics": topics,
        "roles": reader.choices("roles", Role),
        "level": reader.choice("level", Level, Level.MID),
        "minutes": reader.integer("minutes", low=1, high=60, default=3),
        "concepts": concepts,
        "follow_ups": follow_ups,
        "sources": reader.urls("sources"),
    }
    if not meta["roles"] and "roles" in doc.meta:
        reader.problem("roles", "'roles' must name at least one role")
    body, problems = _parse_body(doc, kind)
    problems = reader.problems + problems
    if not qid:
        return None, problems
    return Question(**meta, **body, path=doc.path), problems  # type: ignore[arg-type]


def _topics(reader: FieldReader, taxonomy: Taxonomy, *, folder: str) -> tuple[str, ...]:
    topics = reader.str_list("topics")
    if "topics" in reader.doc.meta and not topics:
        reader.problem("topics", "'topics' must name at least one topic")
    for topic in topics:
        if not taxonomy.has_topic(topic):
            reader.problem("topics", f"unknown topic {topic!r} (see content/topics.yaml)")
    if topics and topics[0] != folder:
        reader.problem(
            "topics", f"first topic {topics[0]!r} must be the item's folder name {folder!r}"
        )
    return topics


def _parse_body(doc: Document, kind: Kind) -> tuple[dict[str, object], list[Problem]]:
    problems: list[Problem] = []
    preamble, sections = split_sections(doc.body, doc.body_line)
    found: dict[str, Section] = {}
    for section in sections:
        if section.title not in SECTIONS:
            problems.append(
                Problem(doc.path, section.line, f"unknown section '## {section.title}'")
            )
        elif section.title in found:
            problems.append(Problem(doc.path, section.line, f"section '## {section.title}' twice"))
        else:
            found[section.title] = section
    end_line = doc.body_line + doc.body.count("\n")
    for title in SECTIONS:
        if title not in found:
            problems.append(Problem(doc.path, end_line, f"missing section '## {title}'"))
    if preamble.strip():
        problems.append(Problem(doc.path, doc.body_line, "text before the first '##' section"))
    problems += _check_answer(doc.path, found.get("Answer"), kind)
    key_points, kp_problems = _key_points(doc.path, found.get("Key points"))
    red_flags = _bullet_texts(doc.path, found.get("Red flags"), problems, minimum=1)
    prompts = _bullet_texts(doc.path, found.get("Follow-ups"), problems, minimum=1)
    for title in ("Why it's asked", "Answer framework"):
        if title in found and not found[title].text.strip():
            problems.append(Problem(doc.path, found[title].line, f"section '## {title}' is empty"))
    problems += kp_problems + check_formulas(doc.path, doc.body, doc.body_line)
    body: dict[str, object] = {
        "answer": _text(found, "Answer"),
        "key_points": key_points,
        "red_flags": red_flags,
        "why_asked": _text(found, "Why it's asked"),
        "framework": _text(found, "Answer framework"),
        "follow_up_prompts": prompts,
    }
    return body, problems


def _text(found: dict[str, Section], title: str) -> str:
    return found[title].text.strip() if title in found else ""


def _check_answer(path: str, section: Section | None, kind: Kind) -> list[Problem]:
    if section is None:
        return []
    words = word_count(section.text)
    low = FACT_MIN_WORDS if kind is Kind.FACT else ANSWER_WORDS[0]
    if not low <= words <= ANSWER_WORDS[1]:
        return [
            Problem(path, section.line, f"answer has {words} words; {low}-{ANSWER_WORDS[1]} needed")
        ]
    return []


def _key_points(path: str, section: Section | None) -> tuple[tuple[KeyPoint, ...], list[Problem]]:
    if section is None:
        return (), []
    found, stray = bullets(section)
    problems = [Problem(path, line, "key points must be '- ' bullets") for line in stray]
    points = []
    for bullet in found:
        essential = bullet.text.startswith("!")
        text = bullet.text.removeprefix("!").strip()
        if not text:
            problems.append(Problem(path, bullet.line, "empty key point"))
            continue
        points.append(KeyPoint(text, essential))
    low, high = KEY_POINTS
    if not low <= len(points) <= high:
        problems.append(
            Problem(path, section.line, f"{len(points)} key points; {low}-{high} needed")
        )
    if points and not any(p.essential for p in points):
        problems.append(
            Problem(path, section.line, "no essential key point (start one bullet with '!')")
        )
    return tuple(points), problems


def _bullet_texts(
    path: str, section: Section | None, problems: list[Problem], *, minimum: int
) -> tuple[str, ...]:
    if section is None:
        return ()
    found, _ = bullets(section)
    if len(found) < minimum:
        problems.append(Problem(path, section.line, f"'## {section.title}' needs '- ' bullets"))
    return tuple(b.text for b in found)
