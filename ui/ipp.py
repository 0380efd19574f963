"""IPP/1.1 on the wire (RFC 8010/8011), the small part the print system needs: operation ids and tags, one
attribute encoded, an answer parsed into groups of attributes. Standard library only; no I/O here."""

from __future__ import annotations

import struct
from dataclasses import dataclass


class IppError(Exception):
    """The print server's answer is not well-formed IPP."""


# IPP operation ids (RFC 8011 and CUPS).
PRINT_JOB = 0x0002
CANCEL_JOB = 0x0008
GET_JOB_ATTRIBUTES = 0x0009
GET_PRINTER_ATTRIBUTES = 0x000B
CUPS_GET_DEFAULT = 0x4001
CUPS_GET_PRINTERS = 0x4002

# Delimiter and value tags.
OPERATION_GROUP = 0x01
JOB_GROUP = 0x02
END = 0x03
PRINTER_GROUP = 0x04
INTEGER = 0x21
BOOLEAN = 0x22
ENUM = 0x23
NAME = 0x42
KEYWORD = 0x44
URI = 0x45
CHARSET = 0x47
LANGUAGE = 0x48
MIME = 0x49

# Status codes the outcome depends on.
NOT_FOUND = 0x0406
FORMAT_NOT_SUPPORTED = 0x040A
NOT_ACCEPTING = 0x0506
STATUS_NAMES = {
    0x0400: "client-error-bad-request",
    0x0401: "client-error-forbidden",
    0x0402: "client-error-not-authenticated",
    0x0403: "client-error-not-authorized",
    0x0406: "client-error-not-found",
    0x040A: "client-error-document-format-not-supported",
    0x0500: "server-error-internal-error",
    0x0503: "server-error-service-unavailable",
    0x0506: "server-error-not-accepting-jobs",
    0x0507: "server-error-busy",
}

JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "canceled", 8: "aborted", 9: "completed"}
PRINTER_STATES = {3: "idle", 4: "printing", 5: "stopped"}
PRINTER_STOPPED = 5


@dataclass
class Response:
    status: int
    groups: list[tuple[int, dict[str, list[object]]]]

    def group(self, tag: int) -> dict[str, list[object]]:
        return next((attrs for group_tag, attrs in self.groups if group_tag == tag), {})

    def first(self, tag: int, name: str) -> object:
        values = self.group(tag).get(name)
        return values[0] if values else None

    def message(self) -> str:
        text = self.first(OPERATION_GROUP, "status-message")
        name = STATUS_NAMES.get(self.status, f"0x{self.status:04x}")
        return f"{name} ({text})" if isinstance(text, str) and text else name


def attribute(tag: int, name: str, value: bytes) -> bytes:
    encoded = name.encode("utf-8")
    return struct.pack(">BH", tag, len(encoded)) + encoded + struct.pack(">H", len(value)) + value


def keywords(name: str, values: list[str]) -> bytes:
    parts = [attribute(KEYWORD, name, values[0].encode())]
    parts += [attribute(KEYWORD, "", value.encode()) for value in values[1:]]  # further values have no name
    return b"".join(parts)


def decode(tag: int, value: bytes) -> object:
    if tag in (INTEGER, ENUM) and len(value) == 4:
        return struct.unpack(">i", value)[0]
    if tag == BOOLEAN and len(value) == 1:
        return value != b"\x00"
    if 0x41 <= tag <= 0x49:  # text, name, keyword, uri, charset, language, mime type
        return value.decode("utf-8", errors="replace")
    return value


def parse(data: bytes) -> Response:
    if len(data) < 9:
        raise IppError("the print server sent a short IPP answer")
    status = struct.unpack(">H", data[2:4])[0]
    groups: list[tuple[int, dict[str, list[object]]]] = []
    at, last = 8, ""
    try:
        while at < len(data):
            tag = data[at]
            at += 1
            if tag == END:
                break
            if tag <= 0x0F:
                groups.append((tag, {}))
                continue
            (name_length,) = struct.unpack(">H", data[at : at + 2])
            name = data[at + 2 : at + 2 + name_length].decode("utf-8", errors="replace")
            at += 2 + name_length
            (value_length,) = struct.unpack(">H", data[at : at + 2])
            value = data[at + 2 : at + 2 + value_length]
            at += 2 + value_length
            if not groups:
                groups.append((OPERATION_GROUP, {}))
            attrs = groups[-1][1]
            if name:
                last = name
                attrs[name] = []
            decoded = None if 0x10 <= tag <= 0x1F else decode(tag, value)  # out-of-band values carry none
            if decoded is not None:
                attrs.setdefault(last, []).append(decoded)
    except struct.error:
        raise IppError("the print server sent a truncated IPP answer") from None
    return Response(status, groups)
