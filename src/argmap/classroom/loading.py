"""Reading a student's map, in any format argmap reads, as untrusted input.

argmap JSON is parsed without touching the file system first, its ``sources`` paths are
checked to stay inside the submission's folder, and only then are the sources read (by
the loader, :func:`argmap.io.json.read_sources`) and the quotes checked against them.
Other formats (Argdown, Kialo, AIF, SADFace, ...) go through their readers. For grading a
class, :func:`load_map` also refuses files and maps larger than a submission can be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArgmapError, MapValidationError, Severity
from ..model import ArgumentMap

__all__ = ["MAX_SUBMISSION_BYTES", "MAX_SUBMISSION_CLAIMS", "LoadedMap", "load_map"]

#: A submission larger than this is not read: a class map is a few kilobytes.
MAX_SUBMISSION_BYTES = 8 << 20
#: A submission with more claims is not compared: pairing grows with claims times claims.
MAX_SUBMISSION_CLAIMS = 5000


@dataclass
class LoadedMap:
    """A map, the texts of the sources the loader could read, and what did not carry over."""

    map: ArgumentMap
    texts: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def load_map(path: str | Path, *, submission: bool = False) -> LoadedMap:
    """Load a map file for comparison; with ``submission``, within a submission's limits.

    Raises an :class:`argmap.ArgmapError` (:class:`argmap.MapValidationError`,
    :class:`argmap.FormatError`, ...) that names the file for anything wrong with it.
    """
    file = Path(path)
    if submission:
        _check_size(file)
    name = _format_of(file)
    if name is None:
        loaded = _load_json(file)
    else:
        from ..formats import read_report

        report = read_report(file, name)
        loaded = LoadedMap(report.map, {}, list(report.warnings))
    if submission and len(loaded.map.claims) > MAX_SUBMISSION_CLAIMS:
        raise ArgmapError(
            f"{file}: {len(loaded.map.claims)} claims, over the {MAX_SUBMISSION_CLAIMS} "
            "a submission may have"
        )
    return loaded


def _check_size(file: Path) -> None:
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise ArgmapError(f"{file}: cannot read file: {exc.strerror or exc}") from None
    if size > MAX_SUBMISSION_BYTES:
        raise ArgmapError(
            f"{file}: {size} bytes, over the {MAX_SUBMISSION_BYTES} a submission may have"
        )


def _format_of(file: Path) -> str | None:
    """None for argmap JSON, else the name of the format the file is in."""
    from ..formats import argmap_json, infer_format

    try:
        with file.open("rb") as f:
            head = f.read(8192).decode("utf-8", "replace")
    except OSError as exc:
        raise ArgmapError(f"{file}: cannot read file: {exc.strerror or exc}") from None
    sniff = argmap_json.FORMAT.sniff
    if sniff is not None and sniff(head):
        return None
    fmt = infer_format(file, head)
    return None if fmt.name == "argmap" else fmt.name


def _load_json(file: Path) -> LoadedMap:
    from ..io.json import load, read_sources
    from ..validate import validate

    m = load(file, check_quotes=False)
    # Paths out of the map's folder, and files that are not regular files, are refused
    # (AM112) before anything is read; missing sources are warnings.
    texts, problems = read_sources(m, file.parent)
    refused = [p for p in problems if p.severity == Severity.ERROR]
    if refused:
        raise MapValidationError(refused, file=str(file))
    unreadable = [p for p in problems if p.severity != Severity.ERROR]
    try:
        warnings = validate(m, source_texts=texts)
    except MapValidationError as exc:
        exc.file = str(file)
        raise
    return LoadedMap(m, texts, [str(p) for p in [*unreadable, *warnings]])
