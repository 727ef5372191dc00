"""``ladder serve``: bind, print the one URL to open, open the browser, run uvicorn.

The server binds 127.0.0.1 unless told otherwise. A host that is not loopback is
refused unless ``allow_remote`` is given (:func:`remote_refusal` says why), because
anyone who can reach the port and learns the token could run code through the grader.
The socket is bound here, before uvicorn starts, so ``port=0`` picks a free port and
the printed URL always names the port actually in use.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["serve", "remote_refusal", "is_loopback", "bind", "url_for", "DEFAULT_PORT"]

DEFAULT_PORT = 8765
PORT_TRIES = 20  # the default port busy: try the next ones, as Jupyter does
WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def remote_refusal(host: str, allow_remote: bool) -> str | None:
    """None if ``host`` may be bound, else the one sentence that says why not."""
    if is_loopback(host) or allow_remote:
        return None
    return (
        f"Refusing to listen on {host}: anyone who can reach this machine could then run "
        f"code through Ladder's grader and labs, so the server stays on 127.0.0.1 unless "
        f"you add --allow-remote."
    )


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``port=0``: any free one). When the default
    port is busy, the next :data:`PORT_TRIES` ports are tried."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    tries = PORT_TRIES if port == DEFAULT_PORT else 1
    last: OSError | None = None
    for candidate in range(port, port + tries):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), candidate))
        except OSError as exc:
            sock.close()
            last = exc
            continue
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    raise OSError(
        f"Port {port} on {host} is in use ({last}); choose another with --port N, "
        "or --port 0 for any free one."
    )


def url_for(host: str, port: int, token: str) -> str:
    shown = "127.0.0.1" if host in WILDCARDS else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/?token={token}"


def serve(
    root: Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    open_browser: bool = True,
    allow_remote: bool = False,
    echo: Callable[[str], None] = print,
) -> None:
    """Run the web app for the workspace at ``root`` until Ctrl-C.

    Raises ``PermissionError`` with :func:`remote_refusal`'s sentence for a non-loopback
    host without ``allow_remote``, and ``OSError`` when the port cannot be bound.
    """
    refusal = remote_refusal(host, allow_remote)
    if refusal:
        raise PermissionError(refusal)
    import secrets

    import uvicorn

    from ladder.web.app import create_app

    token = secrets.token_urlsafe(24)
    extra_hosts = [] if is_loopback(host) or host in WILDCARDS else [host]
    app = create_app(root, token=token, allowed_hosts=extra_hosts, check_host=host not in WILDCARDS)
    sock = bind(host, port)
    actual = sock.getsockname()[1]
    url = url_for(host, actual, token)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, timeout_graceful_shutdown=2, lifespan="off"
    )
    server = uvicorn.Server(config)

    def announce() -> None:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        echo(url)
        sys.stdout.flush()
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    threading.Thread(target=announce, name="ladder-announce", daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
