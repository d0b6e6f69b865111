"""The grader: honest scores that explain themselves and resist gaming."""

from __future__ import annotations

import pytest

from mlcoach.bank import load_bank
from mlcoach.engine.embedder import load_embedder
from mlcoach.engine.grader import Grader
from mlcoach.engine.lexical import LexicalEncoder
from mlcoach.engine.rubric import Rubric

L1_L2 = Rubric.from_reference(
    "L1 drives some weights exactly to zero. L2 shrinks weights but rarely to zero.",
    question="How do L1 and L2 regularisation differ?",
    key_points=[
        "! L1 regularisation drives some weights exactly to zero, so it selects features.",
        "! L2 regularisation shrinks weights smoothly but almost never to exactly zero.",
    ],
)
GOOD = (
    "L1 pushes many weights all the way to zero, which gives sparse models and acts as "
    "feature selection. L2 only shrinks the weights smoothly, so they end up small but not "
    "exactly zero."
)


@pytest.fixture(scope="module")
def grader() -> Grader:
    return Grader(load_embedder())


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return load_bank()


def test_two_correct_sentences_covering_the_points_score_at_least_4(grader: Grader) -> None:
    grade = grader.grade(L1_L2, GOOD)
    assert grade.score >= 4.0, grade.feedback
    assert all(p.covered for p in grade.points)
    assert grade.red_flags == ()


@pytest.mark.parametrize("answer", ["fine", "ok", "I don't know", "yes", "L1"])
def test_one_word_answers_score_at_most_1(grader: Grader, answer: str) -> None:
    assert grader.grade(L1_L2, answer).score <= 1.0


def test_negated_answer_scores_low_and_says_why(grader: Grader) -> None:
    answer = (
        "L1 does not push weights to zero; it just shrinks them. L2 is the one that drives "
        "weights exactly to zero and selects features."
    )
    grade = grader.grade(L1_L2, answer)
    assert grade.score <= 1.5
    assert any("Contradicts" in f.text for f in grade.red_flags)


def test_buzzwords_score_low(grader: Grader) -> None:
    answer = "L1 L2 lasso ridge sparsity penalty weights zero regularisation elastic net norm"
    grade = grader.grade(L1_L2, answer)
    assert grade.score <= 1.5
    assert any("Lists terms" in f.text for f in grade.red_flags)


def test_off_topic_answer_scores_low(grader: Grader) -> None:
    answer = (
        "Kubernetes schedules containers onto nodes and restarts them when they fail. A "
        "service gives a set of pods one stable address and load-balances between them."
    )
    grade = grader.grade(L1_L2, answer)
    assert grade.score <= 0.5
    assert any("does not address" in f.text for f in grade.red_flags)


def test_vague_hedging_scores_low(grader: Grader) -> None:
    answer = (
        "It really depends on the situation. There are many factors to consider with "
        "regularisation, and it's important to consider the trade-offs and best practices."
    )
    assert grader.grade(L1_L2, answer).score <= 1.5


def test_evidence_points_into_the_answer(grader: Grader) -> None:
    grade = grader.grade(L1_L2, GOOD)
    for point in grade.points:
        assert point.evidence is not None
        assert GOOD[point.evidence.start : point.evidence.end] == point.evidence.text


def test_same_input_same_grade(grader: Grader) -> None:
    first = grader.grade(L1_L2, GOOD).to_dict()
    assert grader.grade(L1_L2, GOOD).to_dict() == first


def test_missing_essential_point_caps_the_score_and_feedback_names_it(grader: Grader) -> None:
    answer = "L1 pushes many weights exactly to zero, so the model ends up sparse."
    grade = grader.grade(L1_L2, answer)
    assert grade.score <= 3.4
    assert "Must add" in grade.feedback and "L2" in grade.feedback


def test_bank_misconception_is_flagged(grader: Grader, bank) -> None:  # type: ignore[no-untyped-def]
    rubric = Rubric.from_question(bank.question("l1-vs-l2-sparsity"))
    answer = (
        "L2 regularisation drives weights exactly to zero, so it selects features. L1 just "
        "shrinks the weights smoothly and never makes them exactly zero."
    )
    grade = grader.grade(rubric, answer)
    assert grade.score <= 1.5
    assert grade.red_flags


def test_model_answer_of_a_bank_item_scores_full_marks(grader: Grader, bank) -> None:  # type: ignore[no-untyped-def]
    for qid in ("l1-vs-l2-sparsity", "bias-variance-decomposition-derivation"):
        question = bank.question(qid)
        grade = grader.grade(Rubric.from_question(question), question.answer)
        assert grade.score >= 4.0, (qid, grade.feedback)


def test_behavioural_answer_needs_a_number_and_an_i(grader: Grader, bank) -> None:  # type: ignore[no-untyped-def]
    rubric = Rubric.from_question(bank.question("significant-ml-failure-root-cause"))
    vague_we = (
        "We had a model that failed once. We looked into it as a team and we fixed the "
        "pipeline. We learned a lot from it and things were better afterwards."
    )
    grade = grader.grade(rubric, vague_we)
    texts = " ".join(f.text for f in grade.red_flags)
    assert "No number" in texts and "'we'" in texts


def test_reference_only_grading_splits_the_reference(grader: Grader) -> None:
    rubric = Rubric.from_reference(
        "A stack is last in, first out. Push adds on top and pop removes from the top.",
        question="What is a stack?",
    )
    assert len(rubric.points) == 2 and all(p.derived for p in rubric.points)
    good = grader.grade(rubric, "It is LIFO: push puts an item on top, pop takes the top one off.")
    bad = grader.grade(rubric, "A queue serves requests in the order they arrive.")
    assert good.score > bad.score + 1.5


def test_empty_and_whitespace_answers_are_graded_zero(grader: Grader) -> None:
    for answer in ("", "   \n\t", "?!"):
        grade = grader.grade(L1_L2, answer)
        assert grade.score == 0.0 and "No answer" in grade.feedback


def test_huge_answer_is_graded_without_crashing(grader: Grader) -> None:
    grade = grader.grade(L1_L2, (GOOD + " ") * 2000)
    assert 0.0 <= grade.score <= 5.0


def test_lexical_fallback_still_grades_honestly() -> None:
    grader = Grader(LexicalEncoder())
    good = grader.grade(L1_L2, GOOD)
    assert grader.grade(L1_L2, "fine").score <= 1.0
    assert good.score > 2.0
