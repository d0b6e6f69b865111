"""Checks that need the whole bank: follow-up ids and near-duplicate titles."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from mlcoach.bank.problem import Problem
from mlcoach.domain import CodingProblem, Question

NEAR_DUPLICATE = 0.9


def cross_check(
    questions: dict[str, Question],
    coding: dict[str, CodingProblem],
    key_lines: dict[str, dict[str, int]],
) -> list[Problem]:
    known = set(questions) | set(coding)
    problems = []
    for question in questions.values():
        line = key_lines.get(question.id, {}).get("follow_ups", 2)
        for ref in question.follow_ups:
            if ref not in known:
                problems.append(_at(question, line, f"follow-up {ref!r} is not a question id"))
    return problems + near_duplicate_titles(list(questions.values()), key_lines)


def normalise_title(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.findall(r"\w+", text))


def near_duplicate_titles(
    questions: list[Question], key_lines: dict[str, dict[str, int]]
) -> list[Problem]:
    """Report the later of two items whose titles say nearly the same thing."""
    problems = []
    normalised = [(q, normalise_title(q.title)) for q in sorted(questions, key=lambda q: q.id)]
    word_sets = [set(title.split()) for _, title in normalised]
    matcher = SequenceMatcher(None, autojunk=False)
    for i, (question, title) in enumerate(normalised):
        matcher.set_seq2(title)  # the expensive side, prepared once per title
        for j, (other, other_title) in enumerate(normalised[:i]):
            shared = len(word_sets[i] & word_sets[j]) / max(1, len(word_sets[i] | word_sets[j]))
            if shared < 0.5:  # near-identical titles share most of their words
                continue
            if _similar(matcher, title, other_title):
                line = key_lines.get(question.id, {}).get("title", 2)
                message = f"title is a near-duplicate of {other.id!r} ({other.path})"
                problems.append(_at(question, line, message))
                break
    return problems


def _similar(matcher: SequenceMatcher[str], a: str, b: str) -> bool:
    if a == b:
        return True
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < NEAR_DUPLICATE:
        return False  # the ratio can never reach the threshold with lengths this different
    matcher.set_seq1(b)
    return matcher.quick_ratio() >= NEAR_DUPLICATE and matcher.ratio() >= NEAR_DUPLICATE


def _at(question: Question, line: int, message: str) -> Problem:
    return Problem(question.path or question.id, line, message)
