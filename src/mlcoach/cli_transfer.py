"""`mlcoach import` and `mlcoach export ...`; they register themselves on the main Typer app."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mlcoach.cli import JsonFlag, app, cli_errors, print_json, services

export_app = typer.Typer(
    help="Export questions: an Anki deck, SPEC Markdown files or JSON.", no_args_is_help=True
)
app.add_typer(export_app, name="export")


class ImportFormat(StrEnum):  # mirrors mlcoach.bank.importers.Format, kept light for --help
    AUTO = "auto"
    MD = "md"
    HTML = "html"
    CSV = "csv"
    APKG = "apkg"


DeckOption = Annotated[
    str | None,
    typer.Option(help="An imported deck (default: the built-in bank).", metavar="NAME"),
]


@app.command("import")
@cli_errors
def import_(
    path: Annotated[Path, typer.Argument(help="A file or a folder of files to import.")],
    fmt: Annotated[
        ImportFormat, typer.Option("--format", help="File format (auto: by extension).")
    ] = ImportFormat.AUTO,
    deck: Annotated[
        str | None,
        typer.Option(help="Deck to add to (default: the file or folder name).", metavar="NAME"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be imported; store nothing.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Import your own questions from Markdown, HTML, CSV or Anki (.apkg) files."""
    from mlcoach.bank.importers import Format
    from mlcoach.terminal import error_console
    from mlcoach.transfer import import_path

    report = import_path(services(), path, fmt=Format(fmt.value), deck=deck, dry_run=dry_run)
    if as_json:
        print_json(report.to_dict())
        return
    for warning in report.warnings:
        error_console().print(f"[yellow]warning:[/] {warning}", soft_wrap=True, markup=True)
    verb = "would import" if dry_run else "imported"
    for question in report.questions:
        typer.echo(f"{question.id}  {question.title}")
    typer.echo(
        f"{verb} {len(report.questions)} questions into deck {report.deck!r}, "
        f"skipped {report.skipped} already there or repeated"
    )


def _export(target: str, out: Path, deck: str | None, as_json: bool) -> None:
    from mlcoach.transfer import export

    count = export(services(), target, out, deck=deck)
    if as_json:
        print_json({"exported": count, "format": target, "path": str(out), "deck": deck})
    else:
        typer.echo(f"wrote {count} questions to {out}")


@export_app.command("anki")
@cli_errors
def export_anki(
    out: Annotated[Path, typer.Argument(help="The .apkg file to write.", metavar="OUT.apkg")],
    deck: DeckOption = None,
    as_json: JsonFlag = False,
) -> None:
    """An Anki package; exporting again updates the same notes in Anki."""
    _export("anki", out, deck, as_json)


@export_app.command("md")
@cli_errors
def export_md(
    out: Annotated[Path, typer.Argument(help="Folder for one Markdown file per question.")],
    deck: DeckOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Markdown files in the content format; `mlcoach import` reads them back unchanged."""
    _export("md", out, deck, as_json)


@export_app.command("json")
@cli_errors
def export_json(
    out: Annotated[Path, typer.Argument(help="The JSON file to write.")],
    deck: DeckOption = None,
    as_json: JsonFlag = False,
) -> None:
    """One JSON document with every field of every question."""
    _export("json", out, deck, as_json)
