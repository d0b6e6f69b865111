"""`mlcoach` commands for practice (drill, mock interviews, stats, plan); they register
themselves on the main Typer app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcoach.cli import JsonFlag, app, cli_errors, console, print_json, services
from mlcoach.domain import Level, Role

if TYPE_CHECKING:
    from mlcoach.practice.service import PracticeService

RoleOption = Annotated[Role | None, typer.Option(help="Role (default: MLCOACH_TARGET_ROLE).")]
LevelOption = Annotated[Level | None, typer.Option(help="Level of the questions.")]


def _practice() -> PracticeService:
    from datetime import datetime

    from mlcoach.practice.service import PracticeService

    local = datetime.now().astimezone().tzinfo  # days (streaks, daily pace) are the user's
    assert local is not None
    return PracticeService(services(), tz=local)


@app.command("drill")
@cli_errors
def drill(
    topic: Annotated[str | None, typer.Option(help="Only questions on this topic.")] = None,
    role: Annotated[Role | None, typer.Option(help="Only questions for this role.")] = None,
    level: LevelOption = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="Cards in this session.")] = 20,
) -> None:
    """Spaced-repetition drill: answer, see what you covered and missed, rate, repeat."""
    from mlcoach.practice.console import run_drill
    from mlcoach.practice.drill import DrillFilter

    practice = _practice()
    run_drill(
        practice, DrillFilter(topic=topic, role=role, level=level), limit=limit, console=console()
    )
    _warn(practice)


@app.command("mock")
@cli_errors
def mock(
    role: RoleOption = None,
    level: Annotated[Level, typer.Option(help="Level of the interview.")] = Level.MID,
    minutes: Annotated[int, typer.Option(min=10, max=480, help="Length of the interview.")] = 30,
    live_clock: Annotated[
        bool, typer.Option(help="Pin a live countdown to the top of the terminal.")
    ] = True,
) -> None:
    """Timed mock interview from the role's loop, with follow-ups and a report."""
    from mlcoach.practice.console import run_mock

    practice = _practice()
    chosen = role or practice.svc.settings.target_role or Role.MLE
    run_mock(
        practice,
        role=chosen,
        level=level,
        minutes=minutes,
        console=console(),
        live_clock=live_clock,
    )
    _warn(practice)


@app.command("stats")
@cli_errors
def stats(as_json: JsonFlag = False) -> None:
    """Reviews per day, retention, due forecast, mastery per topic, readiness per role."""
    report = _practice().stats()
    if as_json:
        print_json(report)
        return
    from mlcoach.practice.views import stats_view

    console().print(stats_view(report))


@app.command("plan")
@cli_errors
def plan(role: RoleOption = None, as_json: JsonFlag = False) -> None:
    """Daily plan until MLCOACH_INTERVIEW_DATE: new questions, reviews, mock interviews."""
    result = _practice().study_plan(role=role).to_dict()
    if as_json:
        print_json(result)
        return
    from mlcoach.practice.views import plan_view

    console().print(plan_view(result))


def _warn(practice: PracticeService) -> None:
    from mlcoach.terminal import error_console

    for warning in practice.svc.warnings:
        error_console().print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
