"""Topics and concepts the bank is organised by (content/topics.yaml, content/concepts.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from mlcoach.bank.frontmatter import read_text
from mlcoach.errors import ContentError


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    min_items: int
    concepts: dict[str, str]  # concept id -> what it covers


@dataclass(frozen=True)
class Taxonomy:
    topics: dict[str, Topic]

    @property
    def concept_topic(self) -> dict[str, str]:
        return {c: t.id for t in self.topics.values() for c in t.concepts}

    def has_topic(self, topic: str) -> bool:
        return topic in self.topics

    def has_concept(self, concept: str) -> bool:
        return any(concept in t.concepts for t in self.topics.values())


def load_taxonomy(content_dir: Path) -> Taxonomy:
    """Read topics.yaml and concepts.yaml; raise ContentError naming the file on a problem."""
    topics_raw = _load_mapping(content_dir / "topics.yaml")
    concepts_raw = _load_mapping(content_dir / "concepts.yaml")
    topics: dict[str, Topic] = {}
    for topic_id, info in topics_raw.items():
        concepts = concepts_raw.get(topic_id) or {}
        if not isinstance(info, dict) or not isinstance(concepts, dict):
            raise ContentError(f"topic {topic_id!r} is malformed", path=content_dir / "topics.yaml")
        topics[topic_id] = Topic(
            id=topic_id,
            name=str(info.get("name", topic_id)),
            min_items=int(info.get("min_items", 0)),
            concepts={str(k): str(v) for k, v in concepts.items()},
        )
    unknown = sorted(set(concepts_raw) - set(topics))
    if unknown:
        raise ContentError(
            f"concepts.yaml names topics missing from topics.yaml: {', '.join(unknown)}",
            path=content_dir / "concepts.yaml",
        )
    return Taxonomy(topics)


def _load_mapping(path: Path) -> dict[str, object]:
    if not path.is_file():
        raise ContentError(f"{path.name} not found in the content folder", path=path)
    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ContentError(f"invalid YAML: {exc}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise ContentError("expected a mapping of topic ids", path=path)
    return {str(k): v for k, v in data.items()}
