"""`metasymptoms serve`: the web pages, on this computer unless --host says otherwise."""

from __future__ import annotations

import errno
import os
import socket

from metasymptoms.answering.emergency import country_from
from metasymptoms.commands import Serve
from metasymptoms.core.loader import load_book
from metasymptoms.core.model_base import filled
from metasymptoms.core.problems import UsageError
from metasymptoms.core.wording_pages import ServeWording
from metasymptoms.web.hosts import addresses_to_type, hosts_for, names_from, url

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(args: Serve) -> int:
    try:
        import uvicorn

        from metasymptoms.web.app import build_app
    except ModuleNotFoundError as missing:
        if (missing.name or "").startswith("metasymptoms"):
            raise  # a module of ours is missing: a bug, not an install to finish
        raise UsageError(
            "the web pages need Starlette and uvicorn, which `make run` does not install: "
            "run `make serve`, or pip install 'metasymptoms[web]'"
        ) from None

    if not 0 < args.port < 65536:
        raise UsageError(f"--port takes a number from 1 to 65535, not {args.port}")
    country, named = country_from(args.country, os.environ)
    book = load_book(args.rules, country, named=named)
    app = build_app(book, allowed_hosts=hosts_for(args.host, names_from(os.environ)), rules_folder=args.rules)
    # Bound here, before the address is printed: a port another program holds is said plainly,
    # and the address line is never shown for a server that is not there.
    listening = bound(args.host, args.port)
    words = book.guidance.wording.serve
    if args.host not in LOOPBACK:
        print(filled(words.network_warning, host=args.host), flush=True)
    print(_where(words, addresses_to_type(args.host), args.port), flush=True)
    # No access log: the pages' addresses hold no answers, but a log of who asked what, when,
    # is still a record about a person.
    config = uvicorn.Config(app, access_log=False, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[listening])
    return 0


def bound(host: str, port: int) -> socket.socket:
    """A socket bound to `host` and `port`, as uvicorn would bind it; a UsageError when it
    cannot be (the port is taken, or the address is not this computer's)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as error:
        listening.close()
        if error.errno == errno.EADDRINUSE:
            raise UsageError(
                f"another program is using port {port}: stop it, or choose another port with "
                f"--port (with make: make serve PORT={port + 1})"
            ) from None
        raise UsageError(f"cannot listen on {host} port {port}: {error.strerror or error}") from None
    listening.listen()  # from now on a browser's request waits in line until uvicorn takes it
    return listening


def _where(words: ServeWording, addresses: list[str], port: int) -> str:
    """The address line: one address, or for a class every address of this computer a
    student can type (an address bound to every interface, 0.0.0.0, is none of them)."""
    if len(addresses) == 1:
        return filled(words.at, address=url(addresses[0], port))
    if not addresses:
        return filled(words.on_every_network, port=str(port))
    return words.at_one_of + "".join(f"\n  {url(address, port)}" for address in addresses)
