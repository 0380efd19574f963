"""Where the CUPS scheduler is, found as the CUPS library finds it (``CUPS_SERVER``, then ``ServerName`` in
``~/.cups/client.conf`` and ``/etc/cups/client.conf``, then the local socket, then ``localhost:631``), and an HTTP
connection to it over the socket or TCP."""

from __future__ import annotations

import http.client
import os
import socket
from pathlib import Path

DEFAULT_SOCKET = "/run/cups/cups.sock"
DEFAULT_PORT = 631


def cups_server() -> str:
    """The print server's address as the CUPS library would choose it: a socket path or ``host[:port]``."""
    server = os.environ.get("CUPS_SERVER", "").strip()
    if server:
        return server
    try:
        user_conf: Path | None = Path.home() / ".cups" / "client.conf"
    except RuntimeError:  # no home directory
        user_conf = None
    for conf in (user_conf, Path("/etc/cups/client.conf")):
        if conf is None:
            continue
        try:
            lines = conf.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            key, _sep, value = line.strip().partition(" ")
            if key.lower() == "servername" and value.strip():
                return value.strip()
    return DEFAULT_SOCKET if os.path.exists(DEFAULT_SOCKET) else "localhost"


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def connection_to(server: str, timeout: float) -> http.client.HTTPConnection:
    address = server.split("/version=", 1)[0]
    if address.startswith("/"):
        return UnixHTTPConnection(address, timeout)
    host, port = address, DEFAULT_PORT
    if address.startswith("["):  # [v6 address]:port
        bracket = address.find("]")
        host, rest = address[1:bracket], address[bracket + 1 :]
        if rest.startswith(":") and rest[1:].isdigit():
            port = int(rest[1:])
    elif address.count(":") == 1:
        name, _sep, number = address.partition(":")
        if number.isdigit():
            host, port = name, int(number)
    return http.client.HTTPConnection(host, port, timeout=timeout)
