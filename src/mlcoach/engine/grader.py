"""Grade a typed answer against a rubric: which key points it covers, which misconceptions
it states, and a 0-5 score that fluent-but-wrong, vague or empty answers cannot game."""

from __future__ import annotations

import re
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
from mlcoach.engine.style import style_caps
from mlcoach.engine.text import (
    antonym_clash,
    content_words,
    normalise,
    quantities,
    stem,
    stems,
)
from mlcoach.engine.units import Unit, UnitIndex, candidate_units, split_answer

MAX_ANSWER_CHARS = 20_000
LONG_POINT_WORDS = 18
_THIRD_PERSON = re.compile(r"^([A-Z][a-z]+)s\b")


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...

    def encode_with_tokens(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]: ...


@dataclass(frozen=True)
class Thresholds:
    """Set on the trap set (bench/grading_traps.py), never on benchmark scores."""

    covered: float = 0.50  # combined similarity at which a key point counts as covered
    partial: float = 0.25  # below this a key point earns nothing
    covered_story: float = 0.35  # behavioural points are matched against a story, not a fact
    partial_story: float = 0.15
    red_flag: float = 0.62  # a misconception must match at least this well
    off_topic: float = 0.22  # best key-point match below this: the answer is off topic
    essential_weight: float = 2.0
    partial_credit: float = 0.6  # most a key point that is not covered can earn
    long_point_relief: float = 0.10
    derived_floor: float = 0.10  # reference-only grading: similarity that earns nothing
    derived_full: float = 0.65  # ... and that earns full credit
    scale: Scale = field(default_factory=Scale)


@dataclass(frozen=True)
class Scored:
    """A claim's kept stems and its similarity with every answer unit."""

    text: str
    stems: frozenset[str]
    scores: list[float]


class Grader:
    """Pure: an encoder in, Grades out. The same input always gives the same grade."""

    def __init__(self, encoder: Encoder, thresholds: Thresholds | None = None) -> None:
        self.encoder = encoder
        self.t = thresholds or Thresholds()

    def grade(self, rubric: Rubric, answer: str) -> Grade:
        text = normalise(answer)[:MAX_ANSWER_CHARS]
        if not content_words(text):
            return _empty(rubric)
        index = UnitIndex(self._units(text))
        demoted = frozenset(stems(rubric.question))
        star = star_checks(text) if rubric.kind is Kind.BEHAVIORAL else None
        results, conflicts, matches = self._points(rubric, index, demoted, star)
        flags = self._misconceptions(rubric, index, demoted, matches) + conflicts
        if star is not None:
            flags += behavioral_flags(star)
        derived = [p.derived for p in rubric.points]
        size = len(rubric.reference.split()) or 100
        score, flags = self._score(
            text, results, flags, story=star is not None, derived=derived, reference_words=size
        )
        return Grade(round(score, 2), tuple(results), tuple(flags), feedback(results, flags, score))

    def prepare(self, answers: list[str]) -> None:
        """Encode many answers' sentences in large batches before grading them one by one."""
        texts = [
            span.text for a in answers for span in split_answer(normalise(a)[:MAX_ANSWER_CHARS])
        ]
        self.encoder.encode_with_tokens(texts)

    # --- units -----------------------------------------------------------------------
    def _units(self, text: str) -> list[Unit]:
        spans = split_answer(text)
        encoded = self.encoder.encode_with_tokens([s.text for s in spans])
        sentence_units = [
            Unit(span, vector, tokens, frozenset(stems(span.text)), True, (i,))
            for i, (span, (vector, tokens)) in enumerate(zip(spans, encoded, strict=True))
        ]
        return candidate_units(sentence_units, text)

    def _scores(self, claim: str, index: UnitIndex, demoted: frozenset[str]) -> Scored:
        [(vector, tokens)] = self.encoder.encode_with_tokens([claim])
        rest = _without_question_words(claim, demoted)
        if rest != claim and len(rest.split()) >= 2:  # align only what the question lacks
            tokens = self.encoder.encode_with_tokens([rest])[0][1]
        own = frozenset(stems(claim))
        kept = own - demoted or own  # words the question already gives away earn nothing
        return Scored(claim, kept, unit_scores(vector, tokens, kept, index, self.t.scale))

    # --- key points --------------------------------------------------------------------
    def _points(
        self, rubric: Rubric, index: UnitIndex, demoted: frozenset[str], star: StarChecks | None
    ) -> tuple[list[PointResult], list[RedFlagHit], list[Match | None]]:
        units = index.units
        checks = [structural_point(p.text, star) for p in rubric.points]
        story = star is not None
        scored = [
            None if check is not None else self._scores(_claim(p.text, story), index, demoted)
            for p, check in zip(rubric.points, checks, strict=True)
        ]
        owners = _owners(scored, units)
        results: list[PointResult] = []
        conflicts: list[RedFlagHit] = []
        matches: list[Match | None] = []
        for position, point in enumerate(rubric.points):
            check, score = checks[position], scored[position]
            if check is not None or score is None:
                passed = bool(check and check.passed)
                evidence = check.evidence if check else None
                results.append(_result(point, passed, float(passed), evidence))
                matches.append(None)
                continue
            owned = {i for i, owner in owners.items() if owner == position}
            result, match, contradiction = self._judge(point, score, units, owned, star)
            results.append(result)
            matches.append(match)
            if contradiction is not None:
                conflicts.append(contradiction)
        return results, conflicts, matches

    def _judge(
        self,
        point: KeyPoint,
        score: Scored,
        units: list[Unit],
        owned: set[int],
        star: StarChecks | None,
    ) -> tuple[PointResult, Match, RedFlagHit | None]:
        covered_bar, partial_bar = self._bars(story=star is not None, words=len(point.text.split()))
        match = judge(point.text, score.stems, units, score.scores, bar=covered_bar, owned=owned)
        similarity = match.score
        evidence = _best_evidence(match, covered_bar) if similarity >= partial_bar else None
        if match.unit is not None and _misses_numbers(point.text, match.unit.span.text):
            similarity = min(similarity, covered_bar - 0.05)  # a numeric fact needs its number
        if match.conflict is not None and match.sentence is not None:
            why = f"Contradicts a key point ({match.conflict}): {point.text}"
            contradiction = RedFlagHit(why, _evidence(match.sentence))
            return _result(point, False, 0.0, evidence), match, contradiction
        covered = similarity >= covered_bar
        return _result(point, covered, similarity, evidence), match, None

    def _bars(self, *, story: bool, words: int = 0) -> tuple[float, float]:
        if story:
            return self.t.covered_story, self.t.partial_story
        if words > LONG_POINT_WORDS:  # long points pack several ideas; answers compress them
            return (
                self.t.covered - self.t.long_point_relief,
                self.t.partial - self.t.long_point_relief,
            )
        return self.t.covered, self.t.partial

    # --- misconceptions ------------------------------------------------------------------
    def _misconceptions(
        self,
        rubric: Rubric,
        index: UnitIndex,
        demoted: frozenset[str],
        point_matches: list[Match | None],
    ) -> list[RedFlagHit]:
        """Red flags the answer states: a sentence matches the misconception, with the same
        polarity, and no key point matches that sentence as well without contradicting it."""
        hits = []
        units = index.units
        for flag in rubric.red_flags:
            claim = claim_of(flag)
            scored = self._scores(claim, index, demoted)
            match = judge(claim, scored.stems, units, scored.scores, bar=self.t.red_flag)
            sentence = match.sentence
            if sentence is None or match.sentence_score < self.t.red_flag:
                continue
            if conflict(claim, sentence.span.text, frozenset(stems(claim))):
                continue
            position = units.index(sentence)
            pairs = zip(rubric.points, point_matches, strict=True)
            bar = match.sentence_score
            if not any(_supports(p, m, sentence, position, bar) for p, m in pairs):
                hits.append(RedFlagHit(flag, _evidence(sentence)))
        return hits

    # --- score -----------------------------------------------------------------------------
    def _score(
        self,
        text: str,
        results: list[PointResult],
        flags: list[RedFlagHit],
        *,
        story: bool,
        derived: list[bool],
        reference_words: int,
    ) -> tuple[float, list[RedFlagHit]]:
        if not results:
            return 0.0, flags
        weights = [self.t.essential_weight if r.essential else 1.0 for r in results]
        credit = [
            self._graded(r) if auto else self._credit(r, story=story)
            for r, auto in zip(results, derived, strict=True)
        ]
        score = 5.0 * sum(w * c for w, c in zip(weights, credit, strict=True)) / sum(weights)
        if max(r.similarity for r in results) < self.t.off_topic:
            off = RedFlagHit("The answer does not address the question.")
            return min(score, 0.5), [*flags, off]
        best = max(r.similarity for r in results)
        score, flags = style_caps(
            text, score, flags, best_match=best, reference_words=reference_words
        )
        wrong = [f for f in flags if f.evidence is not None]
        score -= 1.0 * len(wrong)
        if len(wrong) >= 2:  # stating several false things sinks an interview answer
            score = min(score, 1.5)
        # In a story, an essential point the matcher finds only partly is not counted as
        # absent: narratives say "I asked her to walk me through it", not "I described
        # the colleague's position".
        _, partial_bar = self._bars(story=story)
        missed = [
            r
            for r in results
            if r.essential and not r.covered and not (story and r.similarity >= partial_bar)
        ]
        if missed:
            score = min(score, 3.4 if len(missed) == 1 else 2.5)
        return max(0.0, min(5.0, score)), flags

    def _graded(self, result: PointResult) -> float:
        """Points split from a reference are approximate: credit grows with similarity."""
        low, high = self.t.derived_floor, self.t.derived_full
        return min(1.0, max(0.0, (result.similarity - low) / (high - low)))

    def _credit(self, result: PointResult, *, story: bool) -> float:
        if result.covered:
            return 1.0
        covered_bar, partial_bar = self._bars(story=story, words=len(result.text.split()))
        ramp = (result.similarity - partial_bar) / (covered_bar - partial_bar)
        return max(0.0, ramp) * self.t.partial_credit


def _claim(point: str, story: bool) -> str:
    """Behavioural points describe the candidate ('Owns the mistake'); stories say 'I own'."""
    match = _THIRD_PERSON.match(point) if story else None
    if match is None:
        return point
    verb = match.group(1).lower()
    if verb.endswith("ie"):
        verb = verb[:-2] + "y"
    elif verb.endswith(("she", "che", "xe", "sse", "zze", "oe")):
        verb = verb[:-1]
    return f"I {verb}{point[match.end() :]}"


def _without_question_words(claim: str, demoted: frozenset[str]) -> str:
    return " ".join(w for w in claim.split() if stem(w.strip(".,;:()'\"")) not in demoted)


def _owners(scored: list[Scored | None], units: list[Unit]) -> dict[int, int]:
    """For each single sentence, the key point it is about: the best-matching point whose
    subject it does not swap for an opposite one."""
    owners = {}
    for i, unit in enumerate(units):
        if not unit.single:
            continue
        candidates = [
            (s.scores[i], p)
            for p, s in enumerate(scored)
            if s is not None and antonym_clash(s.text, unit.span.text) is None
        ]
        if candidates:
            owners[i] = max(candidates)[1]
    return owners


def _supports(point: KeyPoint, match: Match | None, unit: Unit, index: int, bar: float) -> bool:
    """Whether a key point explains the unit at least as well, without contradicting it."""
    if match is None or not match.scores or match.scores[index] < bar:
        return False
    return conflict(point.text, unit.span.text, frozenset(stems(point.text))) is None


def _misses_numbers(point: str, evidence: str) -> bool:
    wanted = {value for value, _ in quantities(point)}
    return bool(wanted) and not wanted & {value for value, _ in quantities(evidence)}


def _result(
    point: KeyPoint, covered: bool, similarity: float, evidence: Evidence | None
) -> PointResult:
    return PointResult(point.text, point.essential, covered, round(similarity, 3), evidence)


def _best_evidence(match: Match, covered_bar: float) -> Evidence | None:
    """The single sentence when it carries the point (nearly) alone, else the wider unit."""
    enough = min(match.score - 0.05, covered_bar)
    if match.sentence is not None and match.sentence_score >= enough:
        return _evidence(match.sentence)
    return _evidence(match.unit) if match.unit else None


def _evidence(unit: Unit) -> Evidence:
    return Evidence(unit.span.text, unit.span.start, unit.span.end)


def _empty(rubric: Rubric) -> Grade:
    points = tuple(_result(p, False, 0.0, None) for p in rubric.points)
    return Grade(0.0, points, (), "No answer to grade yet: write what you would say out loud.")
