"""`mlcoach serve`: the web app on this machine (or, with accounts on, for many users)."""

from __future__ import annotations

from typing import Annotated

import typer

from mlcoach.cli import app, cli_errors


@app.command("serve")
@cli_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; other than loopback needs accounts.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app in your web browser.")
    ] = False,
) -> None:
    """Serve the web app and print its address (Ctrl+C stops it)."""
    import uvicorn

    from mlcoach.config import load_settings
    from mlcoach.web import create_app
    from mlcoach.web.serving import check_bind, check_port, open_when_ready, public_address

    settings = load_settings()
    check_bind(host, settings)
    check_port(host, port)
    address = public_address(host, port)
    typer.echo(f"mlcoach is running at {address}  (Ctrl+C to stop)")
    if open_browser:
        open_when_ready(address)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
