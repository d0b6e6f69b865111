"""The terminal menu shown by `mlcoach` with no command."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.prompt import Prompt
from rich.table import Table

from mlcoach.services import Services
from mlcoach.terminal import coverage_table, question_view, stats_table

MenuAction = Callable[[Services, Console], None]


def run_menu(svc: Services, console: Console | None = None) -> None:
    console = console or Console()
    actions: dict[str, tuple[str, MenuAction]] = {
        "1": ("Browse topics and read questions", browse),
        "2": ("Find a question by words in its title", find),
        "3": ("Bank statistics", lambda s, c: c.print(stats_table(s.bank_stats()))),
        "4": ("Coverage of the bank", lambda s, c: c.print(coverage_table(s.coverage()))),
    }
    while True:
        console.rule("[bold]mlcoach[/] — interview practice for ML roles")
        for key, (label, _) in actions.items():
            console.print(f"  [bold cyan]{key}[/]  {label}")
        console.print("  [bold cyan]q[/]  Quit")
        choice = _ask(console, "Choose", [*actions, "q"])
        if choice in (None, "q"):
            return
        actions[choice][1](svc, console)


def browse(svc: Services, console: Console) -> None:
    topics = svc.bank.taxonomy.topics
    counts = svc.bank_stats()["by_topic"]
    listed = [t for t in topics.values() if counts.get(t.id)]
    table = Table("#", "topic", "items")
    for n, topic in enumerate(listed, 1):
        table.add_row(str(n), topic.name, str(counts[topic.id]))
    console.print(table)
    choice = _ask(
        console, "Topic number (enter to go back)", [str(n) for n in range(1, len(listed) + 1)]
    )
    if choice is None:
        return
    topic_id = listed[int(choice) - 1].id
    _pick_question(svc, console, [q.id for q in svc.bank.questions.values() if q.topic == topic_id])


def find(svc: Services, console: Console) -> None:
    words = Prompt.ask("Words to look for", console=console, default="").casefold().split()
    if not words:
        return
    hits = [
        q.id for q in svc.bank.questions.values() if all(w in q.title.casefold() for w in words)
    ]
    if not hits:
        console.print("[yellow]No title contains all of those words.[/]")
        return
    _pick_question(svc, console, hits)


def _pick_question(svc: Services, console: Console, ids: list[str]) -> None:
    table = Table("#", "question", "kind", "level")
    for n, qid in enumerate(ids, 1):
        q = svc.bank.questions[qid]
        table.add_row(str(n), q.title, q.kind.value, q.level.value)
    console.print(table)
    choice = _ask(
        console, "Question number (enter to go back)", [str(n) for n in range(1, len(ids) + 1)]
    )
    if choice is not None:
        question = svc.bank.questions[ids[int(choice) - 1]]
        related = {
            q: svc.bank.questions[q].title for q in question.follow_ups if q in svc.bank.questions
        }
        console.print(question_view(question, related=related))


def _ask(console: Console, prompt: str, allowed: list[str]) -> str | None:
    """Ask until an allowed answer or an empty line; None at end of input."""
    while True:
        try:
            answer = Prompt.ask(prompt, console=console, default="", show_default=False).strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return None
        if not answer:
            return None
        if answer.lower() in allowed:
            return answer.lower()
        console.print(f"[yellow]Please answer one of: {', '.join(allowed)}[/]")
