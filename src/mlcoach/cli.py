"""The `mlcoach` command: thin Typer commands over Services."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from mlcoach.errors import MlcoachError

if TYPE_CHECKING:
    from mlcoach.services import Services

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    help="mlcoach: practise machine-learning interviews offline.",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
bank_app = typer.Typer(help="Check and inspect the question bank.", no_args_is_help=True)
db_app = typer.Typer(help="Manage the database.", no_args_is_help=True)
app.add_typer(bank_app, name="bank")
app.add_typer(db_app, name="db")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def cli_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn an MlcoachError into one red line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except MlcoachError as exc:
            from mlcoach.terminal import error_console

            error_console().print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def services() -> Services:
    from mlcoach.config import load_settings
    from mlcoach.services import Services

    return Services(load_settings())


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def console() -> Any:
    from rich.console import Console

    return Console()


@app.callback(invoke_without_command=True)
def main_menu(ctx: typer.Context) -> None:
    """With no command: a terminal menu of what mlcoach can do."""
    if ctx.invoked_subcommand is None:
        from mlcoach.menu import run_menu

        cli_errors(run_menu)(services())


@bank_app.command("check")
@cli_errors
def bank_check(
    content: Annotated[
        Path | None, typer.Option(help="Content folder to check (default: the built-in bank).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Report every problem in the bank as path:line: message; exit 1 if there is any."""
    problems = services().check_bank(content)
    if as_json:
        print_json([p.to_dict() for p in problems])
    else:
        for problem in problems:
            typer.echo(str(problem))
        if not problems:
            typer.echo("ok: no problems found", err=True)
    if problems:
        raise typer.Exit(1)


@bank_app.command("stats")
@cli_errors
def bank_stats(as_json: JsonFlag = False) -> None:
    """Counts by topic, kind, level and role (each item once, under its first topic)."""
    stats = services().bank_stats()
    if as_json:
        print_json(stats)
    else:
        from mlcoach.terminal import stats_table

        console().print(stats_table(stats))


@bank_app.command("coverage")
@cli_errors
def bank_coverage(as_json: JsonFlag = False) -> None:
    """Per topic: item count against its minimum, and concepts no item names yet."""
    report = services().coverage()
    if as_json:
        print_json(report)
    else:
        from mlcoach.terminal import coverage_table

        console().print(coverage_table(report))


@app.command("show")
@cli_errors
def show(
    question_id: Annotated[str, typer.Argument(help="The question id.", metavar="ID")],
) -> None:
    """Show a question with its model answer, key points, red flags and follow-ups."""
    from mlcoach.terminal import coding_view, question_view

    svc = services()
    if question_id in svc.bank.coding:
        console().print(coding_view(svc.bank.coding[question_id]))
        return
    question = svc.question(question_id)
    related = {
        q: svc.bank.questions[q].title for q in question.follow_ups if q in svc.bank.questions
    }
    console().print(question_view(question, related=related))


def _read_answer(answer: str | None, answer_file: Path | None) -> str:
    from mlcoach.grading import check_answer, decode_answer

    if (answer is None) == (answer_file is None):
        raise MlcoachError("give exactly one of --answer TEXT or --answer-file FILE")
    if answer is not None:
        return check_answer(answer)
    assert answer_file is not None
    if str(answer_file) == "-":
        return decode_answer(sys.stdin.buffer.read(), source="standard input")
    try:
        data = answer_file.read_bytes()
    except OSError as exc:
        raise MlcoachError(f"cannot read {answer_file}: {exc.strerror}") from None
    return decode_answer(data, source=str(answer_file))


def _show_warnings(svc: Services) -> None:
    from mlcoach.terminal import error_console

    for warning in svc.warnings:
        error_console().print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    svc.warnings.clear()


@app.command("grade")
@cli_errors
def grade(
    question_id: Annotated[str, typer.Argument(help="The question id.", metavar="ID")],
    answer: Annotated[str | None, typer.Option(help="Your answer as text.")] = None,
    answer_file: Annotated[
        Path | None, typer.Option(help="A file holding your answer ('-' for stdin).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Grade an answer: key points covered and missed, red flags, a 0-5 score."""
    text = _read_answer(answer, answer_file)
    svc = services()
    question = svc.question(question_id)
    result = svc.grade(question_id, text)
    _show_warnings(svc)
    if as_json:
        print_json(result.to_dict())
    else:
        from mlcoach.terminal import grade_view

        console().print(grade_view(question, result, text))


@app.command("grade-batch")
@cli_errors
def grade_batch(
    source: Annotated[Path, typer.Argument(help="JSON lines: answer plus id or reference.")],
    out: Annotated[Path | None, typer.Option(help="Write results here (default: stdout).")] = None,
) -> None:
    """Grade many answers; each output line is its input line plus the grade."""
    from mlcoach.grading import grade_lines

    try:
        lines = source.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise MlcoachError(f"{source} is not valid UTF-8") from None
    except OSError as exc:
        raise MlcoachError(f"cannot read {source}: {exc.strerror}") from None
    svc = services()
    results = grade_lines(svc, lines)
    if out is None:
        for record in results:
            typer.echo(json.dumps(record, ensure_ascii=False))
    else:
        tmp = out.with_name(out.name + ".partial")
        with tmp.open("w", encoding="utf-8") as handle:
            for record in results:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.replace(out)
    _show_warnings(svc)


@app.command("search")
@cli_errors
def search(
    query: Annotated[str, typer.Argument(help="Words or a question to look for.")],
    limit: Annotated[int, typer.Option(min=1, max=100, help="How many results.")] = 10,
    as_json: JsonFlag = False,
) -> None:
    """Find questions by meaning and by words (titles, answers, key points)."""
    svc = services()
    hits = svc.search(query, limit=limit)
    _show_warnings(svc)
    if as_json:
        print_json([h.to_dict() for h in hits])
        return
    for hit in hits:
        typer.echo(f"{hit.score:6.3f}  {hit.id}  {hit.title}")


@db_app.command("upgrade")
@cli_errors
def db_upgrade() -> None:
    """Create or migrate the database schema to the latest version."""
    svc = services()
    revision = svc.upgrade_database()
    typer.echo(f"database at revision {revision}: {svc.settings.resolved_database_url()}")


def main() -> None:
    app()


# Command groups kept in their own modules register themselves on `app` when imported.
from mlcoach import cli_coding, cli_practice, cli_transfer, cli_web  # noqa: E402, F401
