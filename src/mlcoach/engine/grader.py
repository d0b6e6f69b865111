"""Grade a typed answer against a rubric: which key points it covers, which misconceptions
it states, and a 0-5 score that cannot be gamed by fluent but wrong or empty answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from mlcoach.domain import Evidence, Grade, KeyPoint, Kind, PointResult, RedFlagHit
from mlcoach.engine.behavioral import (
    StarChecks,
    behavioral_flags,
    star_checks,
    structural_point,
)
from mlcoach.engine.feedback import feedback
from mlcoach.engine.matching import Match, Scale, conflict, judge, unit_scores
from mlcoach.engine.rubric import Rubric, claim_of
from mlcoach.engine.text import (
    content_words,
    function_word_ratio,
    hedge_count,
    normalise,
    stems,
    words,
)
from mlcoach.engine.units import Unit, candidate_units, split_answer

MAX_ANSWER_CHARS = 20_000


class Encoder(Protocol):
    name: str

    def encode_with_tokens(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]: ...


@dataclass(frozen=True)
class Thresholds:
    covered: float = 0.50  # combined similarity at which a point counts as covered
    partial: float = 0.30  # below this a point earns nothing
    red_flag: float = 0.62  # a misconception must match at least this well
    off_topic: float = 0.22  # best point match below this: the answer is off topic
    essential_weight: float = 2.0
    scale: Scale = field(default_factory=Scale)


@dataclass(frozen=True)
class Scored:
    """A claim's kept stems and its similarity with every answer unit."""

    text: str
    stems: frozenset[str]
    scores: list[float]


def _owners(scored: list[Scored | None], units: list[Unit]) -> dict[int, int]:
    """For each single sentence, the key point it matches best: what the sentence is about."""
    owners = {}
    for i, unit in enumerate(units):
        candidates = [(s.scores[i], p) for p, s in enumerate(scored) if s is not None]
        if unit.single and candidates:
            owners[i] = max(candidates)[1]
    return owners


class Grader:
    """Pure: an encoder in, Grades out. Same input, same grade."""

    def __init__(self, encoder: Encoder, thresholds: Thresholds | None = None) -> None:
        self.encoder = encoder
        self.t = thresholds or Thresholds()

    def grade(self, rubric: Rubric, answer: str) -> Grade:
        text = normalise(answer)[:MAX_ANSWER_CHARS]
        if not content_words(text):
            return _empty(rubric)
        units = self._units(text)
        demoted = frozenset(stems(rubric.question))
        star = star_checks(text) if rubric.kind is Kind.BEHAVIORAL else None
        results, conflicts, matches = self._points(rubric, units, demoted, star)
        flags = self._misconceptions(rubric, units, demoted, matches) + conflicts
        if star is not None:
            flags += behavioral_flags(star)
        score, flags = self._score(rubric, text, results, flags)
        return Grade(round(score, 2), tuple(results), tuple(flags), feedback(results, flags, score))

    # --- units -----------------------------------------------------------------------
    def _units(self, text: str) -> list[Unit]:
        spans = split_answer(text)
        encoded = self.encoder.encode_with_tokens([s.text for s in spans])
        sentence_units = [
            Unit(span, vector, tokens, frozenset(stems(span.text)))
            for span, (vector, tokens) in zip(spans, encoded, strict=True)
        ]
        return candidate_units(sentence_units, text)

    def _scores(self, claim: str, units: list[Unit], demoted: frozenset[str]) -> Scored:
        [(vector, tokens)] = self.encoder.encode_with_tokens([claim])
        own = frozenset(stems(claim))
        kept = own - demoted or own  # words the question already gives away earn nothing
        return Scored(claim, kept, unit_scores(vector, tokens, kept, units, self.t.scale))

    # --- key points --------------------------------------------------------------------
    def _points(
        self, rubric: Rubric, units: list[Unit], demoted: frozenset[str], star: StarChecks | None
    ) -> tuple[list[PointResult], list[RedFlagHit], list[Match | None]]:
        checks = [structural_point(p.text, star) for p in rubric.points]
        scored = [
            None if check is not None else self._scores(p.text, units, demoted)
            for p, check in zip(rubric.points, checks, strict=True)
        ]
        owners = _owners(scored, units)
        results: list[PointResult] = []
        conflicts: list[RedFlagHit] = []
        matches: list[Match | None] = []
        for index, (point, check, score) in enumerate(
            zip(rubric.points, checks, scored, strict=True)
        ):
            if check is not None or score is None:
                passed = bool(check and check.passed)
                results.append(
                    _result(point, passed, float(passed), check.evidence if check else None)
                )
                matches.append(None)
                continue
            owned = {i for i, owner in owners.items() if owner == index}
            match = judge(
                point.text, score.stems, units, score.scores, bar=self.t.covered, owned=owned
            )
            matches.append(match)
            contradicted = match.conflict is not None
            covered = match.score >= self.t.covered and not contradicted
            evidence = _best_evidence(match) if match.score >= self.t.partial else None
            if contradicted and match.sentence is not None:
                why = f"Contradicts a key point ({match.conflict}): {point.text}"
                conflicts.append(RedFlagHit(why, _evidence(match.sentence)))
            results.append(_result(point, covered, 0.0 if contradicted else match.score, evidence))
        return results, conflicts, matches

    # --- misconceptions ------------------------------------------------------------------
    def _misconceptions(
        self,
        rubric: Rubric,
        units: list[Unit],
        demoted: frozenset[str],
        point_matches: list[Match | None],
    ) -> list[RedFlagHit]:
        """Red flags the answer states: a sentence matches the misconception, with the same
        polarity, and no key point matches that sentence as well without contradicting it."""
        hits = []
        for flag in rubric.red_flags:
            claim = claim_of(flag)
            scored = self._scores(claim, units, demoted)
            match = judge(claim, scored.stems, units, scored.scores, bar=self.t.red_flag)
            sentence = match.sentence
            if sentence is None or match.sentence_score < self.t.red_flag:
                continue
            if conflict(claim, sentence.span.text, frozenset(stems(claim))):
                continue
            index = units.index(sentence)
            pairs = zip(rubric.points, point_matches, strict=True)
            bar = match.sentence_score
            if not any(self._supports(p, m, sentence, index, bar) for p, m in pairs):
                hits.append(RedFlagHit(flag, _evidence(sentence)))
        return hits

    @staticmethod
    def _supports(point: KeyPoint, match: Match | None, unit: Unit, index: int, bar: float) -> bool:
        """Whether a key point explains the unit at least as well, without contradicting it."""
        if match is None or not match.scores or match.scores[index] < bar:
            return False
        return conflict(point.text, unit.span.text, frozenset(stems(point.text))) is None

    # --- score -----------------------------------------------------------------------------
    def _score(
        self, rubric: Rubric, text: str, results: list[PointResult], flags: list[RedFlagHit]
    ) -> tuple[float, list[RedFlagHit]]:
        if not results:
            return 0.0, flags
        weights = [self.t.essential_weight if r.essential else 1.0 for r in results]
        credit = [self._credit(r) for r in results]
        score = 5.0 * sum(w * c for w, c in zip(weights, credit, strict=True)) / sum(weights)
        best = max(r.similarity for r in results)
        if best < self.t.off_topic:
            return min(score, 0.5), [
                *flags,
                RedFlagHit("The answer does not address the question."),
            ]
        score, flags = _style_caps(text, score, flags)
        wrong = [f for f in flags if f.evidence is not None]
        score -= 1.0 * len(wrong)
        if len(wrong) >= 2:  # stating several false things sinks an interview answer
            score = min(score, 1.5)
        missed = [r for r in results if r.essential and not r.covered]
        if missed:
            score = min(score, 3.4 if len(missed) == 1 else 2.5)
        return max(0.0, min(5.0, score)), flags

    def _credit(self, result: PointResult) -> float:
        if result.covered:
            return 1.0
        low, high = self.t.partial, self.t.covered
        return max(0.0, (result.similarity - low) / (high - low)) * 0.6


def _style_caps(text: str, score: float, flags: list[RedFlagHit]) -> tuple[float, list[RedFlagHit]]:
    """Caps for answers that are too short, a string of buzzwords, or hedging."""
    found = words(text)
    if len(found) < 5:
        return min(score, 1.0), [
            *flags,
            RedFlagHit("The answer is too short to show understanding."),
        ]
    if len(found) >= 5 and function_word_ratio(text) < 0.18:
        return min(score, 1.0), [
            *flags,
            RedFlagHit("Lists terms without explaining how they connect."),
        ]
    hedges = hedge_count(text)
    if hedges >= 2 and hedges * 12 >= len(found) * 0.5:
        return min(score, 1.5), [
            *flags,
            RedFlagHit("Hedges instead of committing to a concrete answer."),
        ]
    return score, flags


def _result(
    point: KeyPoint, covered: bool, similarity: float, evidence: Evidence | None
) -> PointResult:
    return PointResult(point.text, point.essential, covered, round(similarity, 3), evidence)


def _best_evidence(match: Match) -> Evidence | None:
    """The single sentence when it carries the point nearly alone, else the wider unit."""
    if match.sentence is not None and match.sentence_score >= match.score - 0.05:
        return _evidence(match.sentence)
    return _evidence(match.unit) if match.unit else None


def _evidence(unit: Unit) -> Evidence:
    return Evidence(unit.span.text, unit.span.start, unit.span.end)


def _empty(rubric: Rubric) -> Grade:
    points = tuple(_result(p, False, 0.0, None) for p in rubric.points)
    return Grade(0.0, points, (), "No answer to grade yet: write what you would say out loud.")
