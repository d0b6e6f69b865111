"""Counts and coverage of a loaded bank (SPEC §4 `bank stats`, `bank coverage`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mlcoach.bank.loader import Bank
from mlcoach.domain import CodingProblem, Question


def bank_stats(bank: Bank) -> dict[str, Any]:
    """Counts with each item once under its first topic; roles count every role listed."""
    by_topic: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    items: list[Question | CodingProblem] = [*bank.questions.values(), *bank.coding.values()]
    for item in items:
        by_topic[item.topics[0] if item.topics else "?"] += 1
        by_kind[getattr(item, "kind", "coding")] += 1
        by_level[item.level.value] += 1
        by_role.update(r.value for r in item.roles)
    return {
        "questions": len(bank.questions),
        "coding": len(bank.coding),
        "by_topic": dict(sorted(by_topic.items())),
        "by_kind": {str(k): v for k, v in sorted(by_kind.items())},
        "by_level": dict(sorted(by_level.items())),
        "by_role": dict(sorted(by_role.items())),
        "roles": sorted(r.value for r in bank.roles),
        "sheets": len(bank.sheets),
    }


def coverage(bank: Bank) -> dict[str, dict[str, Any]]:
    """Per topic: items counted under it against its minimum, and concepts no item names."""
    named = {c for q in bank.questions.values() for c in q.concepts}
    named |= {c for p in bank.coding.values() for c in p.concepts}
    counts = Counter(q.topic for q in bank.questions.values())
    counts["coding"] = len(bank.coding)
    report = {}
    for topic in bank.taxonomy.topics.values():
        missing = [c for c in topic.concepts if c not in named]
        report[topic.id] = {
            "items": counts.get(topic.id, 0),
            "min_items": topic.min_items,
            "concepts": len(topic.concepts),
            "missing": missing,
        }
    return report
