"""Checks before serving, and opening the browser once the server answers."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time

from mlcoach.config import Settings
from mlcoach.errors import ConfigError
from mlcoach.web.security import is_loopback


def check_bind(host: str, settings: Settings) -> None:
    """Refuse a non-loopback address in local single-user mode: anyone who could reach it
    would act as the local user, with no login."""
    if not settings.multi_user and not is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host}: local mode has no login, so anyone who can reach "
            "this address would use your data. Serve on 127.0.0.1, or turn on accounts with "
            "MLCOACH_MULTI_USER=true (and HTTPS in front) to serve other people."
        )


def check_port(host: str, port: int) -> None:
    """One clear line instead of a server traceback when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port} ({exc.strerror}); is mlcoach already running? "
                f"Choose another port: mlcoach serve --port {port + 1}"
            ) from None


def public_address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def has_graphical_browser() -> bool:
    """Only open a browser where one can show: never a text browser in this terminal."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_when_ready(address: str, *, timeout: float = 30.0) -> None:
    """Open `address` in the browser as soon as the server accepts connections."""
    if not has_graphical_browser():
        return

    def wait_and_open() -> None:
        import webbrowser
        from urllib.parse import urlsplit

        parts = urlsplit(address)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((parts.hostname or "", parts.port or 80), 0.5):
                    webbrowser.open(address)
                    return
            except OSError:
                time.sleep(0.2)

    threading.Thread(target=wait_and_open, daemon=True, name="open-browser").start()
