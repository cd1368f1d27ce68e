"""The data format of instants (private part of propstd.serialization).

An instant is ISO 8601 with its UTC offset; when its zone is an IANA zone (a
`zoneinfo.ZoneInfo` with a key), the key follows in brackets, as RFC 9557 writes it:

- `"2025-03-01T09:00:00+08:00"` (a fixed offset, or UTC);
- `"2025-10-26T02:30:00+01:00[Europe/Berlin]"` (the second 02:30 of the night clocks go back).

Reading a bracketed instant gives back the same wall time, offset and `fold` in that zone, so
instants in a DST overlap or gap read back exactly equal (a fixed offset would compare unequal
to them, PEP 495). If the offset is not one the zone has at that wall time (its rules changed
since the document was written), the offset wins: the instant is kept and shown in the zone.
Documents without a zone (propstd 0.1) read as before, with a fixed offset.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import cattrs

from propstd._repr import shown
from propstd.errors import InvalidValueError, NaiveDatetimeError
from propstd.serialization._scalars import text

__all__: list[str] = []

_ZONED = re.compile(r"(?P<at>[^\[\]]{1,80})(?:\[(?P<zone>[^\[\]]{1,64})\])?")
_EXAMPLE = "'2025-03-01T09:00:00+08:00' or '2025-10-26T02:30:00+01:00[Europe/Berlin]'"


def zone_key(value: datetime) -> str | None:
    """The IANA key of *value*'s zone, or `None` (a fixed offset, UTC, another tzinfo)."""
    tz = value.tzinfo
    return tz.key if isinstance(tz, ZoneInfo) and tz.key else None


def unstructure_instant(value: datetime) -> str:
    """An aware `datetime` as ISO 8601 with its offset, and its IANA zone in brackets."""
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"an instant needs a UTC offset, got naive {shown(value)}"
        raise NaiveDatetimeError(msg, value=value)
    key = zone_key(value)
    return value.isoformat() + (f"[{key}]" if key else "")


def structure_instant(value: object, _cl: object = datetime) -> datetime:
    """An aware `datetime` from ISO 8601 with an offset (and a zone), or an aware `datetime`
    itself (as TOML reads an offset date-time); naive ones are refused."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            msg = f"expected an instant with a UTC offset, got naive {shown(value)}"
            raise NaiveDatetimeError(msg, value=value)
        return value
    raw = text(value, f"an ISO 8601 instant with offset, e.g. {_EXAMPLE}")
    m = _ZONED.fullmatch(raw)
    try:
        at = datetime.fromisoformat(m["at"] if m else raw)
    except ValueError:
        msg = f"expected an ISO 8601 instant such as {_EXAMPLE}, got {shown(raw)}"
        raise InvalidValueError(msg, value=raw) from None
    if at.tzinfo is None:
        msg = f"expected an instant with a UTC offset (e.g. '+08:00'), got naive {shown(raw)}"
        raise NaiveDatetimeError(msg, value=raw)
    if m is None or m["zone"] is None:
        return at
    return _in_zone(at, m["zone"], raw)


def _in_zone(at: datetime, key: str, raw: str) -> datetime:
    try:
        tz = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        msg = f"expected a known IANA time zone in brackets, got {shown(key)} in {shown(raw)}"
        raise InvalidValueError(msg, value=raw) from None
    offset = at.utcoffset()
    local = at.replace(tzinfo=tz)  # the same wall time, fold 0 (the first of a repeated hour)
    if local.utcoffset() == offset:
        return local
    local = local.replace(fold=1)
    if local.utcoffset() == offset:
        return local
    try:
        return at.astimezone(tz)
    except OverflowError:
        msg = f"instant {shown(raw)} is out of range in its zone"
        raise InvalidValueError(msg, value=raw) from None


_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)(?:\[[A-Za-z0-9_+/-]{1,64}\])?$"
)

SCHEMAS: Mapping[Any, Mapping[str, Any]] = types.MappingProxyType(
    {
        datetime: {
            "title": "Instant",
            "type": "string",
            "pattern": _PATTERN,
            "description": "an instant: ISO 8601 with its UTC offset, then its IANA time zone in "
            "brackets when it has one (RFC 9557), e.g. '2025-10-26T02:30:00+01:00[Europe/Berlin]'",
        }
    }
)
"""The JSON Schema of instants."""


def configure(converter: cattrs.Converter) -> None:
    """Register the instant hooks."""
    converter.register_structure_hook(datetime, structure_instant)
    converter.register_unstructure_hook(datetime, unstructure_instant)
