"""Coding drills as use-cases over Services: list, run and record, reveal the reference.

The loop with spaced repetition: every run is stored as an attempt, and a run that does
not pass (or a revealed solution) makes the problem's review card due now.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from mlcoach.domain import Attempt, CodingProblem
from mlcoach.errors import NotFound
from mlcoach.practice.clock import Clock, system_clock

if TYPE_CHECKING:
    from mlcoach.coding.results import RunResult
    from mlcoach.services import Services


def problems(svc: Services) -> dict[str, CodingProblem]:
    """The coding problems: from the bank if it is loaded, else read on their own (fast)."""
    if "bank" in vars(svc):
        return svc.bank.coding
    from mlcoach.coding.problems import load_problems

    return load_problems(svc.settings.content_dir)


def list_problems(svc: Services) -> list[CodingProblem]:
    return sorted(problems(svc).values(), key=lambda p: p.id)


def get_problem(svc: Services, problem_id: str) -> CodingProblem:
    from mlcoach.coding.problems import load_problem, problem_ids

    if "bank" in vars(svc):
        problem, known = svc.bank.coding.get(problem_id), list(svc.bank.coding)
    else:
        problem = load_problem(svc.settings.content_dir, problem_id)
        known = [] if problem else problem_ids(svc.settings.content_dir)
    if problem is None:
        close = difflib.get_close_matches(problem_id, known, n=1)
        hint = f"; did you mean {close[0]}?" if close else "; see mlcoach code list"
        raise NotFound(f"no coding problem with id {problem_id!r}{hint}")
    return problem


def run_and_record(
    svc: Services,
    problem: CodingProblem | str,
    code: str,
    *,
    user_id: int | None = None,
    clock: Clock = system_clock,
) -> RunResult:
    """Run the code in the sandbox, store the attempt, schedule a review if it failed."""
    from mlcoach.coding.runner import run_code

    if isinstance(problem, str):
        problem = get_problem(svc, problem)
    started = clock()
    result = run_code(problem, code)
    uid = user_id if user_id is not None else svc.local_user().id
    attempt = Attempt(uid, problem.id, code, result.to_dict(), started, clock(), source="coding")
    svc.store.attempts.add(attempt)
    if not result.ok:
        make_due(svc, uid, problem.id, clock=clock)
    return result


def reveal(
    svc: Services, problem_id: str, *, user_id: int | None = None, clock: Clock = system_clock
) -> str:
    """The reference solution; giving up counts as a miss, so the card becomes due."""
    problem = get_problem(svc, problem_id)
    uid = user_id if user_id is not None else svc.local_user().id
    make_due(svc, uid, problem.id, clock=clock)
    return problem.solution


def make_due(svc: Services, user_id: int, problem_id: str, *, clock: Clock = system_clock) -> None:
    """Bring the problem's review card forward to now, creating it if there is none."""
    from mlcoach.practice.scheduling import CardScheduler

    now = clock()
    scheduler = CardScheduler(desired_retention=svc.settings.desired_retention)
    card = svc.store.cards.get(user_id, problem_id)
    if card is None:
        card = scheduler.new(user_id, problem_id, now=now)
    else:
        card = scheduler.due_now(card, now=now)
    svc.store.cards.save(card)
