"""`mlcoach code ...`: coding drills against hidden tests, run in a sandbox."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlcoach.cli import JsonFlag, app, cli_errors, console, print_json, services
from mlcoach.errors import MlcoachError

if TYPE_CHECKING:
    from mlcoach.coding.results import RunResult
    from mlcoach.domain import CodingProblem

MAX_CODE_BYTES = 256 << 10

code_app = typer.Typer(
    help="Coding drills: implement ML code in Python/NumPy, checked by hidden tests.",
    no_args_is_help=True,
)
app.add_typer(code_app, name="code")

ProblemId = Annotated[str, typer.Argument(help="The coding problem id.", metavar="ID")]


@code_app.command("list")
@cli_errors
def code_list(as_json: JsonFlag = False) -> None:
    """List the coding problems."""
    from mlcoach.coding.service import list_problems

    problems = list_problems(services())
    if as_json:
        print_json([_summary(p) for p in problems])
        return
    for p in problems:
        typer.echo(f"{p.id:34} {p.level.value:6} {p.minutes:>3} min  {p.title}")


@code_app.command("show")
@cli_errors
def code_show(problem_id: ProblemId, as_json: JsonFlag = False) -> None:
    """Show a problem: statement, signature, limits and the starter file."""
    from mlcoach.coding.service import get_problem

    problem = get_problem(services(), problem_id)
    if as_json:
        print_json(
            {**_summary(problem), "statement": problem.statement, "starter": problem.starter}
        )
        return
    from mlcoach.terminal import coding_view

    console().print(coding_view(problem))
    typer.echo(
        f"\nSave the starter to a file, fill it in, then: mlcoach code run {problem.id} --file F"
    )


@code_app.command("run")
@cli_errors
def code_run(
    problem_id: ProblemId,
    file: Annotated[
        Path, typer.Option("--file", "-f", help="Your Python file ('-' for stdin).", metavar="F")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Run your file against the hidden tests in a sandbox; exit 1 unless all pass.

    Every run is saved; a run that fails makes the problem due for review.
    """
    from mlcoach.coding.service import get_problem, run_and_record

    code = _read_code(file)
    svc = services()
    problem = get_problem(svc, problem_id)
    result = run_and_record(svc, problem, code)
    if as_json:
        print_json(result.to_dict())
    else:
        _show_result(result, problem)
    if not result.ok:
        raise typer.Exit(1)


@code_app.command("solution")
@cli_errors
def code_solution(problem_id: ProblemId) -> None:
    """Reveal the reference solution (the problem then comes back for review)."""
    from mlcoach.coding.service import reveal

    _print_code(reveal(services(), problem_id))


def _summary(problem: CodingProblem) -> dict[str, Any]:
    return {
        "id": problem.id,
        "title": problem.title,
        "level": problem.level.value,
        "minutes": problem.minutes,
        "topics": list(problem.topics),
        "signature": problem.signature,
        "limits": {"seconds": problem.time_limit_s, "memory_mb": problem.memory_mb},
    }


def _read_code(file: Path) -> str:
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as exc:
        raise MlcoachError(f"cannot read {file}: {exc.strerror}") from None
    if len(data) > MAX_CODE_BYTES:
        raise MlcoachError(f"{file} is larger than {MAX_CODE_BYTES >> 10} KB")
    if b"\0" in data:
        raise MlcoachError(f"{file} contains NUL bytes: is it a Python file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MlcoachError(f"{file} is not valid UTF-8") from None


def _show_result(result: RunResult, problem: CodingProblem) -> None:
    from rich.text import Text

    out = console()
    if result.error:
        out.print(Text(f"✗ {result.error}", style="bold red"))
    for test in result.tests:
        mark = Text("✓ ", style="green") if test.ok else Text("✗ ", style="red")
        out.print(mark + Text(test.name, style="bold" if not test.ok else ""))
        if test.message:
            out.print(Text("    " + test.message.replace("\n", "\n    "), style="dim"))
    if result.output.strip():
        out.print(Text("\nYour code printed:", style="yellow"))
        out.print(Text(result.output.rstrip()))
    style = "bold green" if result.ok else "bold red"
    summary = f"\n{result.passed} passed, {result.failed} failed in {result.seconds:.2f} s"
    out.print(Text(summary, style=style))
    if result.ok:
        out.print(Text("All hidden tests pass. The reference solution, to compare:", style="green"))
        _print_code(problem.solution)


def _print_code(code: str) -> None:
    from rich.syntax import Syntax

    console().print(Syntax(code.rstrip(), "python", theme="ansi_dark"))
