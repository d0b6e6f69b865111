"""Rich renderables for drills, mock interviews, statistics and the plan (no printing here)."""

from __future__ import annotations

import math
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from mlcoach.domain import Grade, Question
from mlcoach.practice.mock import Countdown, Turn
from mlcoach.practice.mock_plan import MockPlan
from mlcoach.practice.scheduling import Rating
from mlcoach.terminal import markdown


def clock(seconds: float) -> str:
    """m:ss, with a leading + once the time is over."""
    over = seconds < 0
    whole = math.ceil(abs(seconds))
    text = f"{whole // 60}:{whole % 60:02d}"
    return f"+{text} over" if over else text


def _score_style(score: float) -> str:
    return "green" if score >= 3.5 else "yellow" if score >= 1.5 else "red"


# --- drill --------------------------------------------------------------------------------
def drill_card(question: Question, *, number: int, total: int, is_new: bool) -> Group:
    bar = Table.grid(padding=(0, 1))
    bar.add_row(
        ProgressBar(total=max(total, 1), completed=number - 1, width=40), f"{number}/{total}"
    )
    meta = Text.assemble(
        ("new" if is_new else "review", "bold magenta" if is_new else "bold cyan"),
        f" · {question.kind.value} · {question.level.value} · {question.topic}"
        f" · about {question.minutes} min",
    )
    panel = Panel(Text(question.title, style="bold"), title=question.id, subtitle=meta)
    hint = Text(
        "Type your answer; finish with an empty line or Ctrl-D. "
        "An empty answer shows the model answer.",
        style="dim",
    )
    return Group(bar, panel, hint)


def key_points(grade: Grade) -> Table:
    """Numbered key points, covered or missed, with the words that covered them."""
    table = Table.grid(padding=(0, 1))
    for number, point in enumerate(grade.points, 1):
        mark = Text("✓", style="green") if point.covered else Text("✗", style="red")
        label = Text(f"{number}. {point.text}", style="bold" if point.essential else "")
        if point.essential:
            label.append("  (essential)", style="yellow")
        if point.covered and point.evidence:
            label.append(f"\n   “{_clip(point.evidence.text)}”", style="dim")
        table.add_row(mark, label)
    return table


def graded_view(question: Question, grade: Grade | None) -> Group:
    parts: list[RenderableType] = []
    if grade is None:
        parts.append(Text("Revealed without an answer: suggested rating Again.", style="yellow"))
    else:
        head = Text.assemble(
            ("Score ", "bold"), (f"{grade.score:.1f}/5", _score_style(grade.score))
        )
        parts += [head, _panel("Key points", key_points(grade))]
        if grade.red_flags:
            flags = Table.grid(padding=(0, 1))
            for flag in grade.red_flags:
                flags.add_row(Text("!", style="red"), Text(flag.text))
            parts.append(_panel("Red flags", flags))
        if grade.feedback:
            parts.append(Text(grade.feedback, style="italic"))
    parts.append(_panel("Model answer", markdown(question.answer)))
    if grade is None and question.key_points:
        table = Table.grid(padding=(0, 1))
        for n, point in enumerate(question.key_points, 1):
            table.add_row(Text("★" if point.essential else "•"), Text(f"{n}. {point.text}"))
        parts.append(_panel("Key points", table))
    return Group(*parts)


def rating_prompt(suggested: Rating, *, can_override: bool) -> str:
    choices = " · ".join(f"{r.value} {r.label}" for r in Rating)
    extra = " · s N… = I did say point N" if can_override else ""
    return f"Rate [{choices}] (Enter = {suggested.value} {suggested.label}{extra} · q = stop): "


def drill_summary(summary: dict[str, Any]) -> Panel:
    table = Table.grid(padding=(0, 2))
    mean = summary["mean_score"]
    rows = [
        ("cards", f"{summary['cards']} ({summary['new']} new, {summary['reviews']} reviews)"),
        ("mean score", f"{mean:.1f}/5" if mean is not None else "—"),
        ("revealed", str(summary["revealed"])),
        ("ratings", ", ".join(f"{k} {v}" for k, v in summary["ratings"].items())),
        ("time", f"{clock(summary['seconds'])} in all"),
    ]
    if summary["seconds_per_card"] is not None:
        rows.append(("per card", clock(summary["seconds_per_card"])))
    for name, value in rows:
        table.add_row(Text(name, style="bold"), value)
    return Panel(table, title="Session summary", title_align="left")


# --- mock interview -------------------------------------------------------------------
def mock_plan_view(plan: MockPlan) -> Group:
    table = Table("round", "real loop", "questions here", "note", title_justify="left")
    for rnd in plan.rounds:
        style = "" if rnd.questions else "dim"
        table.add_row(
            Text(rnd.name, style=style), f"{rnd.minutes} min", str(rnd.questions), rnd.note or ""
        )
    head = Text(
        f"Mock interview: {plan.role} · {plan.level} · {plan.minutes} minutes · "
        f"{len(plan.questions)} questions (follow-ups come from what your answers miss)",
        style="bold",
    )
    return Group(head, table)


def turn_view(turn: Turn, countdown: Countdown) -> Panel:
    kinds = {"main": "Question", "follow_up": "Follow-up", "probe": "Follow-up"}
    title = f"{kinds[turn.kind.value]} {countdown.number}/{countdown.of}"
    subtitle = (
        f"{clock(countdown.question_left_s)} for this answer · "
        f"{clock(countdown.total_left_s)} left in the interview"
    )
    body = Text(turn.prompt, style="bold")
    if turn.kind.value == "probe":
        body = Text.assemble((f"About: {turn.title}\n", "dim"), (turn.prompt, "bold"))
    return Panel(body, title=title, subtitle=subtitle, title_align="left")


def countdown_line(countdown: Countdown) -> str:
    """The prompt of each answer line: time left for the answer and for the interview."""
    return f"[{clock(countdown.question_left_s)} | {clock(countdown.total_left_s)} left] > "


def countdown_banner(countdown: Countdown) -> str:
    """The live line pinned at the top of the terminal."""
    return (
        f"Question {countdown.number}/{countdown.of}: {clock(countdown.question_left_s)} for "
        f"this answer · {clock(countdown.total_left_s)} left in the interview"
    )


def report_view(report: dict[str, Any]) -> Group:
    score = report["score"]
    head = Text.assemble(
        ("Mock interview report", "bold"),
        f"  {report['role']} · {report['level']} · ",
        (f"{score:.1f}/5" if score is not None else "no answers", _score_style(score or 0)),
        f" · time used {clock(report['time']['used_s'])} of {clock(report['time']['limit_s'])}",
    )
    parts: list[RenderableType] = [head]
    for item in report["questions"]:
        parts.append(_report_item(item))
    topics = Table("topic", "score", "answers", title="Per topic", title_justify="left")
    for topic, row in report["topics"].items():
        topics.add_row(
            topic, Text(f"{row['score']:.1f}", _score_style(row["score"])), str(row["questions"])
        )
    parts.append(topics)
    if report["not_asked"]:
        parts.append(Text(f"Not asked (time): {len(report['not_asked'])} questions", style="dim"))
    if report["due_now"]:
        parts.append(
            Text(
                "Due for review now (an essential point was missed): "
                + ", ".join(report["due_now"]),
                style="yellow",
            )
        )
    study = Table.grid(padding=(0, 1))
    for n, entry in enumerate(report["study_next"], 1):
        where = entry["question_id"] or entry["topic"]
        study.add_row(
            f"{n}.", Text.assemble((entry["what"], "bold"), f" — {entry['why']} ({where})")
        )
    parts.append(_panel("Study next", study if report["study_next"] else Text("Nothing missed.")))
    return Group(*parts)


def _report_item(item: dict[str, Any]) -> Panel:
    body = Table.grid(padding=(0, 1))
    for text in item["covered"]:
        body.add_row(Text("✓", style="green"), Text(text))
    for miss in item["missed"]:
        label = Text(miss["text"], style="bold" if miss["essential"] else "")
        if miss["essential"]:
            label.append("  (essential)", style="yellow")
        if miss["recovered"]:
            label.append("  — recovered in the follow-up", style="green")
        body.add_row(Text("✗", style="red"), label)
    for flag in item["red_flags"]:
        body.add_row(Text("!", style="red"), Text(flag, style="red"))
    kind = {"main": "", "follow_up": "follow-up · ", "probe": "probe · "}[item["kind"]]
    timing = f"{clock(item['seconds'])} of {clock(item['limit_s'])}"
    if item["over_time"]:
        timing += " (over time)"
    title = Text.assemble(
        f"{item['number']}. {kind}",
        (f"{item['score']:.1f}/5", _score_style(item["score"])),
        f" · {item['topic']} · {timing}",
    )
    return Panel(body, title=title, title_align="left", subtitle=_clip(item["prompt"], 90))


# --- stats and plan --------------------------------------------------------------------
def stats_view(stats: dict[str, Any]) -> Group:
    retention = stats["retention"]
    head = Text(
        f"{stats['reviews']} reviews of {stats['cards']} cards · retention "
        + (f"{retention:.0%}" if retention is not None else "—")
        + f" · streak {stats['streak']} day{'s' if stats['streak'] != 1 else ''}",
        style="bold",
    )
    week = Table("day", "reviews", "again", title="Last 7 days", title_justify="left")
    for row in stats["reviews_per_day"][-7:]:
        week.add_row(row["date"], str(row["reviews"]), str(row["again"]))
    forecast = Table("day", "due", title="Due in the next 14 days", title_justify="left")
    for row in stats["due_forecast"]:
        forecast.add_row(row["date"], str(row["due"]))
    topics = Table("topic", "mastery", "practised", title="Mastery", title_justify="left")
    for topic, row in stats["topics"].items():
        topics.add_row(topic, f"{row['mastery']:.0%}", f"{row['practised']}/{row['questions']}")
    ready = Table("role", "readiness", "not measured", title="Readiness", title_justify="left")
    for role, row in stats["readiness"].items():
        ready.add_row(role, f"{row['score']:.0%}", ", ".join(row["not_measured"]) or "—")
    return Group(head, week, forecast, topics, ready)


def plan_view(plan: dict[str, Any], *, days: int = 21) -> Group:
    head = Text(
        f"Plan for {plan['role']} · interview on {plan['interview_date']} "
        f"({plan['days_left']} days) · {plan['new_per_day']} new questions a day",
        style="bold",
    )
    table = Table("date", "new", "topics", "reviews", "mock", title_justify="left")
    for row in plan["days"][:days]:
        topics = ", ".join(f"{t} {n}" for t, n in row["topics"].items())
        mock = f"{plan['mock_minutes']} min" if row["mock"] else ""
        table.add_row(row["date"], str(row["new"]), topics, str(row["reviews"]), mock)
    parts: list[RenderableType] = [head, table]
    if len(plan["days"]) > days:
        parts.append(Text(f"… {len(plan['days']) - days} more days (see --json)", style="dim"))
    for warning in plan["warnings"]:
        parts.append(Text(f"note: {warning}", style="yellow"))
    return Group(*parts)


def _panel(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=f"[bold]{title}[/]", title_align="left", border_style="dim")


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
