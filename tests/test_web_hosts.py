"""`serve --host 0.0.0.0`, the classroom mode: students' devices reach the pages at the
addresses the server prints, and a name that is not this computer's is refused in words
(DNS rebinding)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from starlette.testclient import TestClient

from metasymptoms.core.model import RuleBook
from metasymptoms.web.app import build_app
from metasymptoms.web.hosts import addresses_to_type, host_allowed, hosts_for
from tests.web_browser import ROOT, free_port


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("127.0.0.1:8000", True),
        ("localhost", True),
        ("LOCALHOST:8000", True),
        ("[::1]:8000", True),
        # an address in numbers: a browser sends one only for a page whose own address it is
        ("192.168.1.20:8000", True),
        ("10.0.0.5", True),
        ("[fd00::2]:8000", True),
        ("attacker.example:8000", False),
        ("192.168.1.20.attacker.example", False),
        ("", False),
    ],
)
def test_a_name_is_answered_only_when_known_and_an_address_in_numbers_always(
    header: str, allowed: bool
) -> None:
    assert host_allowed(header, hosts_for("127.0.0.1")) is allowed


def test_every_interface_adds_this_computers_name_and_the_names_given() -> None:
    names = hosts_for("0.0.0.0", ["Classroom.local"])
    assert socket.gethostname().lower() in names and "classroom.local" in names
    assert host_allowed("classroom.local:8000", names)
    assert not host_allowed("classroom.local:8000", hosts_for("127.0.0.1"))


def test_a_refused_name_is_told_why_and_what_to_do(book: RuleBook) -> None:
    refused = TestClient(build_app(book), base_url="http://attacker.example:8000").get("/")
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("text/plain")
    assert refused.text == (
        "This server does not answer to the name 'attacker.example'. Open it at one of the addresses "
        "`metasymptoms serve` printed when it started (an address in numbers, such as "
        "http://192.168.1.20:8000/, always works), or start it with METASYMPTOMS_HOSTS=attacker.example "
        "to answer to this name too. Names it does not know are refused so that another web "
        "site cannot read these pages through your browser (DNS rebinding).\n"
    )
    assert refused.headers["x-frame-options"] == "DENY"  # the security headers still go on


def _network_address() -> str:
    """This computer's IPv4 address on its network, found without the code under test."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        try:
            udp.connect(("192.0.2.1", 9))
        except OSError:
            pytest.skip("this computer has no network address besides loopback")
        address: str = udp.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("this computer has no network address besides loopback")
    return address


def test_addresses_to_type_are_this_computers_own_never_loopback_or_every_interface() -> None:
    address = _network_address()
    found = addresses_to_type("0.0.0.0")
    assert address in found
    assert not any(a.startswith("127.") or a in ("0.0.0.0", "::1") or a.startswith("fe80") for a in found)
    assert addresses_to_type("192.168.1.20") == ["192.168.1.20"]


@pytest.mark.slow  # starts `metasymptoms serve` in a process of its own: left to `make test`
def test_a_student_opens_the_lesson_at_the_address_the_classroom_mode_prints() -> None:
    address = _network_address()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "metasymptoms", "serve", "--host", "0.0.0.0", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        warning = server.stdout.readline()
        where = server.stdout.readline()
        assert warning.startswith("Warning: listening on 0.0.0.0: anyone who can reach this computer")
        assert "0.0.0.0" not in where  # an address no student can type
        assert f"http://{address}:{port}/" in where
        with urllib.request.urlopen(f"http://{address}:{port}/class", timeout=30) as opened:
            assert opened.status == 200
            assert "lesson" in opened.read().decode().lower()
        request = urllib.request.Request(
            f"http://{address}:{port}/", headers={"Host": f"rebound.example:{port}"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 400
        assert (
            refused.value.read()
            .decode()
            .startswith("This server does not answer to the name 'rebound.example'.")
        )
    finally:
        server.terminate()
        server.communicate(timeout=20)
