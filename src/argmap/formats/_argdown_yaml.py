"""The YAML of an Argdown file (front matter, ``{...}`` data), read in linear time.

argmap writes its data as JSON (see :mod:`argmap.formats._argdown_writer`), which is YAML
too: this reads it with the standard library, so a plain ``pip install argmap`` reads back
every Argdown file argmap wrote. Other YAML (hand-written ``{color: red}``) needs PyYAML
(the ``argdown`` extra); without it that data is reported as not read. The helpers that
find data and inference lines are scans, not regular expressions: on hostile lines (80,000
``{``, 4,000 dashes and a letter) a backtracking pattern took seconds to minutes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import FormatError

__all__ = ["data_span", "front_matter_lines", "inference_rule", "read_mapping"]

#: A front matter line ``key: value`` whose YAML meaning is plain: a word for a key, and a
#: value that starts with a letter and holds no character YAML gives a meaning to there
#: (":" "#" "{" "[" "*" "&" "!" "|" ">" "%" "@" "`" '"', tabs), so it is the string itself.
_PLAIN_YAML_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): +([A-Za-z][A-Za-z0-9 .,;'?()/+_-]*)")
#: A front matter line ``key: <JSON object, array or string>``, as argmap writes it.
_JSON_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): +([\[{\"].*)")
#: Plain words YAML 1.1 (PyYAML) reads as booleans or null, not as strings.
_YAML_WORDS = frozenset(
    w
    for word in ("yes", "no", "true", "false", "on", "off", "null")
    for w in (word, word.capitalize(), word.upper())
)


def data_span(text: str) -> tuple[int, int] | None:
    r"""Where the ``{...}`` data ending ``text`` is: the offsets of its ``{`` and its last
    ``}``; None if there is none.

    The same as the pattern ``(?<!\\)\{(.*)\}\s*$`` searched for (the first ``{`` not after
    a backslash, up to a ``}`` that only spaces follow), found in one pass.

    >>> data_span("Cats purr. {kind: evidence}  ")
    (11, 26)
    >>> data_span(r"Braces \{ here } and {a: 1}"), data_span("{ never closed")
    ((21, 26), None)
    """
    end = len(text.rstrip())
    if end == 0 or text[end - 1] != "}":
        return None
    start = text.find("{")
    while start > 0 and text[start - 1] == "\\":
        start = text.find("{", start + 1)
    # The first "{" not after a backslash is the start: only spaces follow the last "}",
    # so a later "{" cannot end anywhere else.
    return None if start < 0 else (start, end - 1)


def inference_rule(content: str) -> tuple[bool, str | None]:
    """Whether ``content`` (a line without its indent) is an inference line ``----`` or
    ``-- rule --``, and its rule (None or empty if it has none).

    The same as ``-{2,}(?:\\s*(.*?)\\s*-{2,})?\\s*$`` matched at its start, in one pass.

    >>> inference_rule("-- Modus ponens --"), inference_rule("----")[0]
    ((True, 'Modus ponens'), True)
    >>> inference_rule("-" * 4000 + "a")
    (False, None)
    """
    line = content.rstrip()
    lead = len(line) - len(line.lstrip("-"))
    if lead < 2:
        return False, None
    if lead == len(line):
        return True, None
    trail = len(line) - len(line.rstrip("-"))
    if trail < 2:
        return False, None
    return True, line[lead : len(line) - trail].strip()


def read_mapping(
    text: str,
    line: int,
    what: str,
    warnings: list[str],
    *,
    file: str | None,
    lenient: bool = False,
    lines: bool = False,
) -> Any:
    """The mapping ``text`` holds: JSON (argmap's own), else YAML read with PyYAML.

    ``lines`` says ``text`` is a front matter (``key: value`` lines), else it is a flow
    mapping ``{...}``. A ``lenient`` read returns None for what is not a mapping (data that
    is text after all); otherwise that is a :class:`FormatError` at ``line``. Without
    PyYAML, YAML that is not JSON is reported in ``warnings`` and read as nothing.
    """
    if lines and not text.strip():
        return {}
    found = front_matter_lines(text) if lines else _json_object(text)
    if found is not None:
        return found
    if _nesting(text) > MAX_NESTING:
        # YAML's parsers take time worse than linear in the depth (and recurse).
        if lenient:
            warnings.append(f"line {line}: {what} nested deeper than {MAX_NESTING} levels not read")
            return None
        raise FormatError(
            f"{what}: nested deeper than {MAX_NESTING} levels", file=file, line=line, column=1
        )
    try:
        import yaml
    except ImportError:
        warnings.append(
            f"line {line}: {what} not read: it is YAML but not JSON "
            "(install PyYAML: pip install 'argmap[argdown]')"
        )
        return None if lenient else {}
    try:
        # LibYAML's loader where PyYAML has it: the same results, many times faster.
        value = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        if lenient:
            return None
        mark = getattr(exc, "problem_mark", None)
        # (LibYAML marks an error at the end of the text one line past the last.)
        at = line + (min(mark.line, text.count("\n")) if mark is not None else 0)
        col = (mark.column + 1) if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FormatError(f"{what}: {problem}", file=file, line=at, column=col) from None
    except RecursionError:
        if lenient:
            return None
        raise FormatError(f"{what}: nested too deeply", file=file, line=line) from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        if lenient:
            return None
        raise FormatError(
            f"{what} must be a YAML mapping (key: value lines)", file=file, line=line, column=1
        )
    return value


#: Deepest nesting of ``{`` and ``[`` handed to YAML (argmap writes 4 levels).
MAX_NESTING = 100


def _nesting(text: str) -> int:
    """How deep ``{`` and ``[`` nest in ``text`` (brackets in quotes count too: this bounds
    the depth, it does not parse)."""
    if text.count("{") + text.count("[") <= MAX_NESTING:
        return 0  # (the common case, in two C-level passes)
    depth = deepest = 0
    for ch in text:
        if ch in "{[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "}]" and depth:
            depth -= 1
    return deepest


def _json_object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def front_matter_lines(text: str) -> dict[str, Any] | None:
    """A front matter of plain ``key: value`` lines (YAML's meaning: the string itself)
    and ``key: <JSON>`` lines (argmap's), else None.

    The common front matter (``title: ...``) is read without PyYAML, whose import costs more
    than reading a large document's statements. (tests/formats/test_argdown_fastpath.py
    compares this with PyYAML.)
    """
    out: dict[str, Any] = {}
    for line in text.split("\n"):
        line = line.rstrip(" ")
        if not line:
            continue
        m = _PLAIN_YAML_LINE.fullmatch(line)
        if m is not None:
            key, value = m.groups()
            if key in _YAML_WORDS or value in _YAML_WORDS:
                return None
            out[key] = value
            continue
        m = _JSON_LINE.fullmatch(line)
        if m is None:
            return None
        try:
            out[m.group(1)] = json.loads(m.group(2))
        except (ValueError, RecursionError):
            return None
    return out or None
