"""Which Host headers the server answers, and the addresses `serve` prints for a class.

The Host check is there against DNS rebinding: a page on another site points its own name
at this computer's address, and the browser, taking the two for one site, lets that page
read these pages. Only a name can be pointed that way. An address written in numbers
(`192.168.1.20`, `[fd00::2]`) is never refused: a browser sends one only when the page's own
address is those numbers, so no other site can be behind it, and it is what a student types
from the address `serve` prints. A name is answered only when it is this computer's (for an
address on every interface: its host name), a loopback name, or one given in
METASYMPTOMS_HOSTS (a proxy's name, a `.local` name).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from metasymptoms.core.model_base import filled

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
EVERY_INTERFACE = ("0.0.0.0", "::", "")


def names_from(environ: Mapping[str, str]) -> list[str]:
    """The Host names METASYMPTOMS_HOSTS adds (separated by commas)."""
    return [name.strip() for name in environ.get("METASYMPTOMS_HOSTS", "").split(",") if name.strip()]


def hosts_for(host: str, extra: Iterable[str] = ()) -> list[str]:
    """The names to accept when bound to `host`, besides any address in numbers: the
    loopback names, the address itself, `extra`, and for an address on every interface this
    machine's name."""
    names = [*LOOPBACK_NAMES, host, *extra]
    if host in EVERY_INTERFACE:
        names += [socket.gethostname(), socket.getfqdn()]
    return list(dict.fromkeys(name.lower() for name in names if name))


def host_name(header: str) -> str:
    """The name or address in a Host header, without its port or an IPv6 address's brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    if header.count(":") > 1:  # an IPv6 address a client sent without brackets
        return header
    return header.partition(":")[0]


def is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str, names: Iterable[str]) -> bool:
    name = host_name(header)
    return is_address(name) or name in {host_name(allowed) for allowed in names}


class HostCheck:
    """Refuses a request whose Host is a name not in `names` (400, and the book's sentence
    `refused` saying why and what to do, the name filled in), as a pure ASGI middleware."""

    def __init__(self, app: ASGIApp, names: Iterable[str], refused: str) -> None:
        self.app = app
        self.names = frozenset(host_name(name) for name in names)
        self.refused = refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        if host_allowed(header, self.names):
            await self.app(scope, receive, send)
            return
        from starlette.responses import PlainTextResponse

        shown = host_name(header)[:100] or "(none)"
        await PlainTextResponse(filled(self.refused, host=shown) + "\n", status_code=400)(
            scope, receive, send
        )


def addresses_to_type(host: str) -> list[str]:
    """The addresses a student can type to reach a server bound to `host`: the address
    itself, or for every interface this computer's addresses on its networks (not loopback,
    not link-local): the one its traffic leaves by, and those its name resolves to."""
    if host not in EVERY_INTERFACE:
        return [host]
    families = [socket.AF_INET] if host == "0.0.0.0" else [socket.AF_INET, socket.AF_INET6]
    found: list[str] = []
    for family in families:
        # Connecting a UDP socket sends nothing; it only asks the system which of its
        # addresses a packet to that (documentation-only) address would leave from.
        probe = "192.0.2.1" if family == socket.AF_INET else "2001:db8::1"
        with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as udp:
            udp.connect((probe, 9))
            found.append(str(udp.getsockname()[0]))
        with contextlib.suppress(OSError):
            found += [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, family)]
    return [address for address in dict.fromkeys(found) if _reachable(address)]


def _reachable(address: str) -> bool:
    try:
        parsed = ipaddress.ip_address(address.partition("%")[0])
    except ValueError:
        return False
    return not (parsed.is_loopback or parsed.is_link_local or parsed.is_unspecified)


def url(address: str, port: int) -> str:
    shown = f"[{address}]" if ":" in address else address
    return f"http://{shown}:{port}/"
