"""The one sanitiser for text that reaches a terminal, and the streams that apply it.

Text in rule files and answers files comes from anywhere, and a terminal obeys control
characters: an escape sequence in a key or a rule's title could retitle the window, clear the
screen or hide a line. `visible` shows every such character as a `\\uXXXX` escape instead
(the same spelling JSON uses, so JSON stays valid and means the same). The command line
wraps standard output and standard error in `SafeStream`s, so every line printed passes
through it; the few trusted escape sequences (colour) are written with `write_styled`.

The same streams keep text from being lost on a terminal that cannot show it: on an
ASCII-only output each character the encoding lacks is transliterated ("38°C" -> "38 deg C",
"–" -> "-", "é" -> "e"), so an emergency's advice always gets out.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TextIO

# C0 and C1 controls (but newline and tab), DEL, the bidirectional overrides that can make
# text read backwards, and the Unicode line separators: each shown as its \uXXXX escape.
_CONTROLS = [
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x2028, 0x202F),
    *range(0x2066, 0x206A),
]
_VISIBLE = {chr(code): f"\\u{code:04x}" for code in _CONTROLS}
# Found by a pattern, not str.translate: text is almost always clean, and a scan for a class
# of characters passes over it ten times as fast (a batch writes megabytes of JSON lines).
_CONTROL = re.compile("[" + "".join(map(re.escape, _VISIBLE)) + "]")

_ASCII = {
    "–": "-",
    "—": "-",
    "‑": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "•": "*",
    "·": "*",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "→": "->",
    "←": "<-",
    "±": "+/-",
    "≈": "~",
    "µ": "u",
    "½": "1/2",
    "\u00a0": " ",
}
ERRORS = "metasymptoms-transliterate"


QUOTE_LIMIT = 80  # characters of a refused value that a message repeats


def quoted(value: object) -> str:
    """A refused value as a message repeats it: in quotes, and cut after 80 characters, so a
    1 MB value or key is named, not echoed back in full.

    >>> quoted("tempreature")
    "'tempreature'"
    >>> quoted("x" * 100_000)[77:]  # the end of the 80 characters it keeps
    "xxxx…' (100,000 characters)"
    """
    text = str(value)
    return f"'{text}'" if len(text) <= QUOTE_LIMIT else f"'{text[:QUOTE_LIMIT]}…' ({len(text):,} characters)"


def visible(text: str) -> str:
    """`text` with every control character shown as \\uXXXX, never obeyed."""
    return _CONTROL.sub(lambda found: _VISIBLE[found.group()], text)


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object
    out = []
    for index in range(error.start, error.end):
        char = text[index]
        if char == "°":  # 38°C -> 38 deg C; 38 °C -> 38 deg C
            before = "" if index == 0 or text[index - 1].isspace() else " "
            after = " " if index + 1 < len(text) and text[index + 1].isalnum() else ""
            out.append(f"{before}deg{after}")
            continue
        plain = _ASCII.get(char)
        if plain is None:
            import unicodedata

            decomposed = unicodedata.normalize("NFKD", char)
            plain = decomposed.encode(error.encoding, "ignore").decode(error.encoding) or "?"
        out.append(plain)
    return "".join(out), error.end


codecs.register_error(ERRORS, _transliterate)


def transliterate(text: str, encoding: str) -> str:
    """`text` with what `encoding` cannot hold replaced by its nearest plain spelling.

    >>> transliterate("Call 999 – or go to A&E if it is 38°C or more; café", "ascii")
    'Call 999 - or go to A&E if it is 38 deg C or more; cafe'
    """
    return text.encode(encoding, ERRORS).decode(encoding)


class SafeStream:
    """A text stream that shows control characters visibly and transliterates what its
    encoding lacks. `stream` None is a closed stream: standard output refuses to write
    (OutputError: the result would be lost), standard error drops its text."""

    def __init__(self, stream: TextIO | None, *, is_output: bool):
        self.stream = stream
        self.is_output = is_output

    def write(self, text: str) -> int:
        self._write(visible(text))
        return len(text)

    def write_styled(self, start: str, text: str, end: str) -> None:
        """Trusted escape sequences (colour) around sanitised text."""
        self._write(start + visible(text) + end)

    def _write(self, text: str) -> None:
        if self.stream is None:
            self._closed()
            return
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:
                self.stream.write(transliterate(text, self.stream.encoding or "ascii"))
        except BrokenPipeError:
            raise
        except OSError as error:
            self._failed(error)

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            self._failed(error)

    def _closed(self) -> None:
        if self.is_output:
            from metasymptoms.core.problems import ScreenError

            raise ScreenError(
                "the standard output is closed, so the result cannot be shown; "
                "use --output FILE to save it to a file"
            )

    def _failed(self, error: Exception) -> None:
        if self.is_output:
            from metasymptoms.core.problems import ScreenError

            reason = getattr(error, "strerror", None) or str(error)
            raise ScreenError(f"the result could not be written to the standard output ({reason})")

    def isatty(self) -> bool:
        try:
            return self.stream is not None and self.stream.isatty()
        except ValueError:  # closed
            return False

    def __getattr__(self, name: str) -> Any:
        if self.stream is None:
            raise AttributeError(name)
        return getattr(self.stream, name)


def write_styled(stream: Any, start: str, text: str, end: str) -> None:
    """Write text between trusted escape sequences; sanitised whatever the stream."""
    if isinstance(stream, SafeStream):
        stream.write_styled(start, text, end)
    else:
        stream.write(start + visible(text) + end)


MAX_INPUT_LINE = 1000  # characters in one line typed at a prompt (a file name is the longest)
_UNREADABLE = "give the answers in a file: metasymptoms ask --answers FILE"


class ClosedInput:
    """Standard input when it was closed before the run: nothing to read, said plainly."""

    def isatty(self) -> bool:
        return False

    def readline(self, size: int = -1) -> str:
        from metasymptoms.core.problems import UsageError

        raise UsageError(f"the standard input is closed, so no answer can be typed; {_UNREADABLE}")

    read = readline


class SafeInput:
    """Standard input, bounded: no read waits for an endless line (/dev/zero, a stuck
    pipe's megabytes), and one that cannot be read at all (opened for writing only) is a
    plain message, never a traceback."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def readline(self, size: int = -1) -> str:
        bounded = MAX_INPUT_LINE + 1 if size < 0 or size > MAX_INPUT_LINE + 1 else size
        line = self._call(self.stream.readline, bounded)
        if size < 0 and len(line) > MAX_INPUT_LINE:
            from metasymptoms.core.problems import UsageError

            raise UsageError(
                f"a line typed is longer than {MAX_INPUT_LINE} characters; type one short answer a line"
            )
        return line

    def read(self, size: int = -1) -> str:
        return self.readline(size)

    def _call(self, reader: Any, size: int) -> str:
        from metasymptoms.core.problems import UsageError

        try:
            text: str = reader(size)
        except UnicodeDecodeError:
            raise UsageError("the answers typed are not UTF-8 text") from None
        except OSError as error:
            import errno

            if error.errno == errno.EBADF:
                raise UsageError(
                    f"the standard input is open for writing only, so no answer can be read; {_UNREADABLE}"
                ) from None
            raise UsageError(f"the standard input cannot be read ({error.strerror}); {_UNREADABLE}") from None
        return text

    def isatty(self) -> bool:
        try:
            return self.stream.isatty()
        except (ValueError, OSError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
