"""Rendering for the terminal with Rich: questions, statistics, problems."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mlcoach.domain import CodingProblem, Grade, Question

_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])(.+?)(?<=[^\s\\])\$(?![\d$])")


def markdown(text: str) -> Markdown:
    """Markdown for the terminal, with formulas shown verbatim as code (not as emphasis)."""
    text = _DISPLAY_MATH.sub(lambda m: "\n```tex\n" + m.group(1).strip() + "\n```\n", text)
    text = _INLINE_MATH.sub(lambda m: f"`{m.group(1)}`", text)
    return Markdown(text.replace(r"\$", "$"), code_theme="ansi_dark")


def question_view(question: Question, *, related: dict[str, str] | None = None) -> Group:
    """The whole item: prompt, metadata, model answer and the coaching sections."""
    meta = Text.assemble(
        (question.kind.value, "bold cyan"),
        " · ",
        (question.level.value, "magenta"),
        f" · {question.minutes} min · ",
        (", ".join(question.topics), "green"),
        " · roles: ",
        ", ".join(r.value for r in question.roles),
    )
    parts: list[RenderableType] = [
        Panel(Text(question.title, style="bold"), title=question.id, subtitle=meta),
        _section("Model answer", markdown(question.answer)),
        _section("Key points", _key_points(question)),
    ]
    if question.red_flags:
        parts.append(_section("Red flags", _bullets(question.red_flags, "red")))
    if question.why_asked:
        parts.append(_section("Why it's asked", markdown(question.why_asked)))
    if question.framework:
        parts.append(_section("Answer framework", markdown(question.framework)))
    follow = list(question.follow_up_prompts)
    follow += [f"{qid} — {title}" for qid, title in (related or {}).items()]
    if follow:
        parts.append(_section("Follow-ups", _bullets(follow, "yellow")))
    return Group(*parts)


def coding_view(problem: CodingProblem) -> Group:
    """A coding problem: statement, signature, limits and the starter file."""
    meta = Text.assemble(
        ("coding", "bold cyan"),
        " · ",
        (problem.level.value, "magenta"),
        f" · {problem.minutes} min · limits {problem.time_limit_s:g} s, {problem.memory_mb} MB",
    )
    from rich.syntax import Syntax

    return Group(
        Panel(Text(problem.title, style="bold"), title=problem.id, subtitle=meta),
        _section("Problem", markdown(problem.statement)),
        _section("Starter", Syntax(problem.starter, "python", theme="ansi_dark")),
    )


def _section(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=f"[bold]{title}[/]", title_align="left", border_style="dim")


def _key_points(question: Question) -> Table:
    from mlcoach.bank.exporters import key_points_of

    table = Table.grid(padding=(0, 1))
    points = key_points_of(question)
    if points and all(p.derived for p in points):
        table.add_row(Text("i", style="dim"), Text("Derived from the answer.", style="dim"))
    for point in points:
        mark = Text("★ essential", style="bold yellow") if point.essential else Text("•")
        table.add_row(mark, markdown(point.text))
    return table


def _bullets(items: list[str] | tuple[str, ...], style: str) -> Table:
    table = Table.grid(padding=(0, 1))
    for item in items:
        table.add_row(Text("•", style=style), markdown(item))
    return table


def stats_table(stats: dict[str, Any]) -> Group:
    head = Text(
        f"{stats['questions']} questions, {stats['coding']} coding problems, "
        f"{stats['sheets']} reference sheets, role guides: {', '.join(stats['roles']) or 'none'}"
    )
    tables = [head]
    for key in ("by_topic", "by_kind", "by_level", "by_role"):
        table = Table(title=key.replace("_", " "), title_justify="left")
        table.add_column(key.removeprefix("by_"))
        table.add_column("items", justify="right")
        for name, count in stats[key].items():
            table.add_row(name, str(count))
        tables.append(table)  # type: ignore[arg-type]
    return Group(*tables)


def coverage_table(report: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="Coverage of content/concepts.yaml", title_justify="left")
    for column in ("topic", "items", "concepts", "not yet covered"):
        table.add_column(column, justify="right" if column in {"items", "concepts"} else "left")
    for topic, row in report.items():
        items = f"{row['items']}/{row['min_items']}"
        style = "green" if row["items"] >= row["min_items"] and not row["missing"] else "red"
        covered = row["concepts"] - len(row["missing"])
        table.add_row(
            Text(topic, style=style),
            items,
            f"{covered}/{row['concepts']}",
            ", ".join(row["missing"]) or "—",
        )
    return table


def error_console() -> Console:
    return Console(stderr=True, highlight=False)


def grade_view(question: Question, grade: Grade, answer: str) -> Group:
    """A grade: score, each key point covered or missed with its evidence, red flags."""
    colour = "green" if grade.score >= 3.5 else "yellow" if grade.score >= 1.5 else "red"
    head = Text.assemble((f"{grade.score:.1f}/5", f"bold {colour}"), "  ", question.title)
    table = Table.grid(padding=(0, 1))
    for point in grade.points:
        mark = Text("✓", style="green") if point.covered else Text("✗", style="red")
        label = Text(point.text, style="bold" if point.essential else "")
        if point.essential:
            label.append("  (essential)", style="yellow")
        if point.covered and point.evidence:
            label.append(f"\n  “{_clip(point.evidence.text)}”", style="dim")
        table.add_row(mark, label)
    parts: list[RenderableType] = [Panel(head), _section("Key points", table)]
    if grade.red_flags:
        flags = [
            f.text + (f" — “{_clip(f.evidence.text)}”" if f.evidence else "")
            for f in grade.red_flags
        ]
        parts.append(_section("Red flags", _bullets(flags, "red")))
    parts.append(_section("Feedback", Text(grade.feedback)))
    return Group(*parts)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
