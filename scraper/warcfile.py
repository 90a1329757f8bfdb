"""The gzip members of a WARC file: one record each, found and checked without trusting them.

A gzip-per-record WARC can be cut anywhere (a killed writer, a partial download) or damaged in
the middle. Reading it member by member with zlib says exactly where each whole record is, lets
a reader start at any byte (the next member that opens a WARC record), and skip a damaged one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b\x08"
_CHUNK = 1 << 16


@dataclass
class Member:
    """One whole gzip member, still compressed, and where it starts."""

    offset: int
    data: bytes


@dataclass
class Cut:
    """Where a member does not end, or does not hold a WARC record."""

    offset: int
    reason: str


def members(stream: BinaryIO, start: int = 0, stop: int | None = None) -> Iterator[Member | Cut]:
    """The members that start in [start, stop), in order. A damaged one is reported (Cut)
    and reading goes on at the next member that opens a WARC record."""
    position = start if start == 0 else next_member(stream, start)
    while position is not None and (stop is None or position < stop):
        member = read_member(stream, position)
        yield member
        if isinstance(member, Member):
            position += len(member.data)
        else:
            position = next_member(stream, position + 1)


def read_member(stream: BinaryIO, offset: int) -> Member | Cut:
    """The gzip member at `offset`, if it ends and opens with `WARC/`."""
    stream.seek(offset)
    inflate = zlib.decompressobj(wbits=31)
    parts: list[bytes] = []
    head = b""
    while not inflate.eof:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return Cut(offset, "the last record is cut short")
        try:
            out = inflate.decompress(chunk)
        except zlib.error as exc:
            return Cut(offset, f"not a gzip member: {exc}")
        head = (head + out[:5])[:5] if len(head) < 5 else head
        parts.append(chunk)
    if head != b"WARC/":
        return Cut(offset, "a gzip member that holds no WARC record")
    data = b"".join(parts)
    return Member(offset, data[: len(data) - len(inflate.unused_data)])


def next_member(stream: BinaryIO, offset: int) -> int | None:
    """The offset of the first member at or after `offset` that opens a WARC record."""
    position = offset
    while True:
        stream.seek(position)
        window = stream.read(_CHUNK + len(GZIP_MAGIC))
        if len(window) < len(GZIP_MAGIC):
            return None
        found = window.find(GZIP_MAGIC)
        while found != -1 and found < _CHUNK:
            if _opens_record(stream, position + found):
                return position + found
            found = window.find(GZIP_MAGIC, found + 1)
        position += _CHUNK


def _opens_record(stream: BinaryIO, offset: int) -> bool:
    stream.seek(offset)
    try:
        return zlib.decompressobj(wbits=31).decompress(stream.read(512), 5) == b"WARC/"
    except zlib.error:
        return False


def whole_length(stream: BinaryIO) -> int:
    """The offset just past the last whole record before the first damaged one."""
    end = 0
    for member in members(stream):
        if isinstance(member, Cut):
            break
        end = member.offset + len(member.data)
    return end
