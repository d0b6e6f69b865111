"""The interactive terminal shells for drills and mock interviews.

Everything here reads the keyboard and prints; every decision is made by PracticeService
and the pure core. `read` is injectable (it behaves like `input`) so tests can drive it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from rich.console import Console

from mlcoach.domain import CodingProblem, Level, Role
from mlcoach.practice import views
from mlcoach.practice.drill import DrillFilter, DrillSession, Pick
from mlcoach.practice.followup import TurnKind
from mlcoach.practice.grades import missed
from mlcoach.practice.live_clock import LiveClock
from mlcoach.practice.mock import EndReason, MockInterview, Phase
from mlcoach.practice.scheduling import Rating
from mlcoach.practice.service import Graded, PracticeService, started_recently
from mlcoach.terminal import coding_view

Reader = Callable[[str], str]
STOP_WORDS = {"/end", "/stop"}


def ask(read: Reader, prompt: str) -> str | None:
    """One line, stripped; None at end of input."""
    try:
        return read(prompt).strip()
    except EOFError:
        return None


def read_answer(read: Reader, prompt: Callable[[], str]) -> str:
    """Lines until an empty line or end of input (Ctrl-D); '' when nothing was typed."""
    lines: list[str] = []
    while True:
        try:
            line = read(prompt())
        except EOFError:
            break
        if not line.strip():
            break
        lines.append(line)
    return "\n".join(lines)


def when(due: datetime, now: datetime) -> str:
    delta = due - now
    if delta < timedelta(hours=1):
        return f"in {max(1, round(delta.total_seconds() / 60))} min"
    if delta < timedelta(days=1):
        return f"in {round(delta.total_seconds() / 3600)} h"
    days = round(delta.total_seconds() / 86400)
    return f"in {days} day{'s' if days != 1 else ''} ({due.date().isoformat()})"


# --- drill --------------------------------------------------------------------------------
def run_drill(
    practice: PracticeService,
    drill_filter: DrillFilter,
    *,
    limit: int,
    console: Console,
    read: Reader = input,
) -> dict[str, object]:
    session = practice.start_drill(drill_filter, limit=limit)
    due, new = practice.queue_size(session)
    total = min(limit, due + new)
    if total == 0:
        console.print(
            "Nothing is due and no new question is left for today "
            f"({practice.daily_new_cards()} new a day). Come back tomorrow, or raise "
            "MLCOACH_NEW_CARDS_PER_DAY."
        )
        return session.summary(now=practice.now())
    console.print(f"[bold]Drill[/]: {due} due, {new} new today; up to {limit} cards.")
    try:
        while (pick := practice.next_card(session)) is not None:
            if not _drill_card(
                practice, session, pick, max(total, session.done + 1), console, read
            ):
                break
    except KeyboardInterrupt:
        console.print("\n[yellow]Stopped.[/] Everything you rated is saved.")
    summary = session.summary(now=practice.now())
    console.print(views.drill_summary(summary))
    return summary


def _drill_card(
    practice: PracticeService,
    session: DrillSession,
    pick: Pick,
    total: int,
    console: Console,
    read: Reader,
) -> bool:
    """One card from question to rating; False when the user stops the session."""
    question = practice.questions[pick.question_id]
    console.print(
        views.drill_card(question, number=session.done + 1, total=total, is_new=pick.is_new)
    )
    started = practice.now()
    answer = read_answer(read, lambda: "> ")
    with console.status("Grading…"):
        graded = practice.grade_answer(question.id, answer, started_at=started)
    console.print(views.graded_view(question, graded.grade))
    if graded.attempt_id is not None:
        console.print("[dim]Answer and grade saved.[/]")
    rating = _confirm_rating(practice, graded, console, read)
    if rating is None:
        return False
    result = practice.rate(session, pick, rating, graded=graded, started_at=started)
    console.print(
        f"[green]Saved[/]: {rating.label}. Next review {when(result.next_due, practice.now())}"
        f" · {views.clock(result.seconds)} on this card."
    )
    return True


def _confirm_rating(
    practice: PracticeService, graded: Graded, console: Console, read: Reader
) -> Rating | None:
    while True:
        can_override = graded.grade is not None and bool(missed(graded.grade))
        line = ask(read, views.rating_prompt(graded.suggested, can_override=can_override))
        if line is None or line.lower() in {"q", "quit"}:
            return None
        if line == "":
            return graded.suggested
        if line in {"1", "2", "3", "4"}:
            return Rating(int(line))
        if line.lower().startswith("s") and can_override:
            numbers = line[1:].replace(",", " ").split()
            if numbers and all(n.isdigit() for n in numbers):
                graded = practice.override(graded, [int(n) - 1 for n in numbers])
                assert graded.grade is not None
                console.print(views.key_points(graded.grade))
                console.print(
                    f"Score with your correction: [bold]{graded.grade.score:.1f}/5[/] "
                    "(correction saved)."
                )
                continue
        console.print("Type 1-4, Enter for the suggestion, 's 2 4' for points you did make, or q.")


# --- mock interview -------------------------------------------------------------------
def run_mock(
    practice: PracticeService,
    *,
    role: Role,
    level: Level,
    minutes: int,
    console: Console,
    read: Reader = input,
    live_clock: bool = True,
) -> dict[str, object] | None:
    opened = _resume_or_start(practice, role, level, minutes, console, read)
    if opened is None:
        return None
    session_id, interview = opened
    try:
        while interview.current is not None:
            answer = _mock_answer(practice, interview, console, read, live_clock=live_clock)
            if answer.strip().lower() in STOP_WORDS:
                interview = practice.stop_mock(session_id, interview)
                break
            with console.status("Noting your answer…"):
                interview = practice.answer_mock(session_id, interview, answer)
            console.print("[dim]Answer saved.[/]")
    except KeyboardInterrupt:
        console.print(
            "\n[yellow]Paused.[/] Your answers are saved; run `mlcoach mock` within a day "
            "to carry on."
        )
        return None
    if interview.end_reason is EndReason.TIME:
        console.print("[bold yellow]Time is up.[/]")
    report = practice.mock_report(session_id)
    console.print(views.report_view(report))
    return report


def _mock_answer(
    practice: PracticeService,
    interview: MockInterview,
    console: Console,
    read: Reader,
    *,
    live_clock: bool,
) -> str:
    """Show the waiting question with its countdowns and read the answer."""
    turn, countdown = interview.current, interview.countdown(practice.now())
    assert turn is not None and countdown is not None
    console.print(views.turn_view(turn, countdown))
    problem = practice.svc.bank.coding.get(turn.question_id)
    if turn.kind is TurnKind.MAIN and problem is not None:
        return _code_answer(practice, interview, problem, console, read, live_clock=live_clock)

    def line_prompt() -> str:
        now = interview.countdown(practice.now())
        return views.countdown_line(now) if now else "> "

    with LiveClock(_banner(practice, interview), enabled=live_clock):
        return read_answer(read, line_prompt)


def _banner(practice: PracticeService, interview: MockInterview) -> Callable[[], str]:
    def banner() -> str:
        now = interview.countdown(practice.now())
        return views.countdown_banner(now) if now else ""

    return banner


def _code_answer(
    practice: PracticeService,
    interview: MockInterview,
    problem: CodingProblem,
    console: Console,
    read: Reader,
    *,
    live_clock: bool,
) -> str:
    """A coding question is answered in the user's editor: the starter goes to a file, and
    Enter runs that file against the hidden tests."""
    path = practice.svc.settings.data_dir / "mock-code" / f"{problem.id}.py"
    if not path.exists():  # a resumed interview keeps what was already written
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(problem.starter, encoding="utf-8")
    console.print(coding_view(problem))
    console.print(f"Write your solution in [bold]{path}[/] with your editor.")

    def line_prompt() -> str:
        now = interview.countdown(practice.now())
        clock = views.countdown_line(now).removesuffix("> ") if now else ""
        return f"{clock}Enter runs the hidden tests (/end finishes the interview): "

    while True:
        with LiveClock(_banner(practice, interview), enabled=live_clock):
            line = ask(read, line_prompt())
        if line is not None and line.lower() in STOP_WORDS:
            return line
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            console.print(f"[red]Cannot read {path}: {exc}[/]")


def _resume_or_start(
    practice: PracticeService,
    role: Role,
    level: Level,
    minutes: int,
    console: Console,
    read: Reader,
) -> tuple[int, MockInterview] | None:
    unfinished = practice.unfinished_mock()
    if unfinished is not None:
        session_id, interview = unfinished
        fresh = started_recently(interview, practice.now()) and interview.phase is Phase.ASKING
        if fresh:
            done = len(interview.answered)
            reply = ask(
                read,
                f"You have an unfinished {interview.plan.role} mock (answers so far: {done}). "
                "Resume it? [Y/n] ",
            )
            if reply is None:
                return None
            if reply.lower() in {"", "y", "yes"}:
                return session_id, practice.resume_mock(session_id, interview)
        practice.stop_mock(session_id, interview)
    interview = practice.plan_mock(role=role, level=level, minutes=minutes, coding=True)
    console.print(views.mock_plan_view(interview.plan))
    console.print(
        "[dim]Answer as you would out loud; finish each answer with an empty line. "
        "Type /end to finish early.[/]"
    )
    reply = ask(read, "Press Enter to start (q to quit): ")
    if reply is None or reply.lower() in {"q", "quit"}:
        return None
    return practice.start_mock(interview)
