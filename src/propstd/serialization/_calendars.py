"""Data format of working calendars (private part of propstd.serialization).

- [TimeWindow][propstd.calendars.TimeWindow] ↔ its text, `"09:00-12:00"` (`"22:00-06:00"`
  past midnight, `"00:00-24:00"` the whole day).
- [Closure][propstd.calendars.Closure] ↔ `{"start": ..., "end": ..., "reason": ...}`
  (instants with their offsets).
- The China calendar ↔ `{"china": {"hours": "09:00-12:00,13:30-18:00", "zone":
  "Asia/Shanghai"}}`: by name and arguments, not 19 years of dates. The dates come from the
  package that reads it, so data written today reads back with any later corrections of the
  embedded State Council data.
- Any other [WorkingCalendar][propstd.calendars.WorkingCalendar] ↔ an object with every
  field: `zone`, `week` (weekday → hours text, working weekdays only: `{"mon":
  "09:00-12:00,13:30-18:00"}`), `holidays` and `makeup_days` (ISO dates), `makeup_windows`
  (hours text or null: Monday's), `closures`, `covers` (period text or null) and `name`.
  Only `zone` and `week` are required when reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import cattrs

from propstd.calendars import Closure, TimeWindow, WorkingCalendar, china_calendar
from propstd.periods import Period
from propstd.serialization._core import DataErrors, register_schema

__all__: list[str] = []

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CHINA_KEY = "china"
_FIELDS = (
    "zone",
    "week",
    "holidays",
    "makeup_days",
    "makeup_windows",
    "closures",
    "covers",
    "name",
)
_HOURS = r"^\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?\s*-\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?\s*$"
_HOURS_LIST = (
    r"^\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?\s*-\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
    r"(\s*,\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?\s*-\s*\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?)*\s*$"
)


def _hours(windows: tuple[TimeWindow, ...]) -> str:
    return ",".join(str(w) for w in windows)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        msg = f"expected {what} as a string, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def structure_window(value: object, _cl: object = TimeWindow) -> TimeWindow:
    """A window from its text."""
    return TimeWindow.parse(_text(value, "a window such as '09:00-12:00'"))


def _china_of(calendar: WorkingCalendar) -> dict[str, Any] | None:
    """The compact form, if *calendar* is exactly a China calendar."""
    hours = calendar.week[0]
    if not hours or calendar.name != china_calendar().name:
        return None
    if calendar != china_calendar(hours=hours, zone=calendar.zone):
        return None
    return {CHINA_KEY: {"hours": _hours(hours), "zone": calendar.zone}}


def configure(converter: cattrs.Converter) -> None:
    """Register the calendar hooks and their JSON Schemas."""
    converter.register_unstructure_hook(TimeWindow, str)
    converter.register_structure_hook(TimeWindow, structure_window)

    def unstructure_calendar(calendar: WorkingCalendar) -> dict[str, Any]:
        china = _china_of(calendar)
        if china is not None:
            return china
        return {
            "zone": calendar.zone,
            "week": {WEEKDAYS[i]: _hours(w) for i, w in enumerate(calendar.week) if w},
            "holidays": [d.isoformat() for d in calendar.holidays],
            "makeup_days": [d.isoformat() for d in calendar.makeup_days],
            "makeup_windows": (
                None if calendar.makeup_windows is None else _hours(calendar.makeup_windows)
            ),
            "closures": [converter.unstructure(c, Closure) for c in calendar.closures],
            "covers": None if calendar.covers is None else str(calendar.covers),
            "name": calendar.name,
        }

    def structure_calendar(value: object, _cl: object = WorkingCalendar) -> WorkingCalendar:
        if not isinstance(value, Mapping):
            msg = f"expected a calendar as an object, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        if CHINA_KEY in value:
            return _structure_china(value)
        errors: list[tuple[str, BaseException]] = []
        args: dict[str, Any] = {}

        def read(key: str, fn: Any) -> None:
            if key in value:
                try:
                    args[key] = fn(value[key])
                except (TypeError, ValueError, cattrs.BaseValidationError, DataErrors) as exc:
                    errors.append((f".{key}", exc))

        errors.extend(
            (f".{k}", ValueError(f"unexpected key (allowed: {', '.join(_FIELDS)})"))
            for k in value
            if k not in _FIELDS
        )
        errors.extend(
            (f".{k}", ValueError("required key is missing"))
            for k in ("zone", "week")
            if k not in value
        )
        read("zone", lambda v: _text(v, "an IANA zone name"))
        read("week", _structure_week)
        read("holidays", lambda v: converter.structure(v, tuple[date, ...]))
        read("makeup_days", lambda v: converter.structure(v, tuple[date, ...]))
        read("makeup_windows", lambda v: None if v is None else _text(v, "hours"))
        read("closures", lambda v: converter.structure(v, tuple[Closure, ...]))
        read("covers", lambda v: None if v is None else converter.structure(v, Period))
        read("name", lambda v: _text(v, "a name"))
        if errors:
            raise DataErrors(errors)
        return WorkingCalendar(**args)

    converter.register_unstructure_hook(WorkingCalendar, unstructure_calendar)
    converter.register_structure_hook(WorkingCalendar, structure_calendar)
    register_schema(TimeWindow, {"type": "string", "pattern": _HOURS})
    hours = {"type": "string", "pattern": _HOURS_LIST}
    register_schema(
        WorkingCalendar,
        {
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        CHINA_KEY: {
                            "type": "object",
                            "properties": {"hours": hours, "zone": {"type": "string"}},
                            "additionalProperties": False,
                        }
                    },
                    "required": [CHINA_KEY],
                    "additionalProperties": False,
                },
                {
                    "type": "object",
                    "properties": {
                        "zone": {"type": "string"},
                        "week": {
                            "type": "object",
                            "properties": dict.fromkeys(WEEKDAYS, hours),
                            "additionalProperties": False,
                        },
                        "holidays": {
                            "type": "array",
                            "items": {"type": "string", "format": "date"},
                        },
                        "makeup_days": {
                            "type": "array",
                            "items": {"type": "string", "format": "date"},
                        },
                        "makeup_windows": {"oneOf": [hours, {"type": "null"}]},
                        "closures": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "start": {"type": "string", "format": "date-time"},
                                    "end": {"type": "string", "format": "date-time"},
                                    "reason": {"type": "string"},
                                },
                                "required": ["start", "end"],
                                "additionalProperties": False,
                            },
                        },
                        "covers": {"oneOf": [{"type": "string"}, {"type": "null"}]},
                        "name": {"type": "string"},
                    },
                    "required": ["zone", "week"],
                    "additionalProperties": False,
                },
            ]
        },
    )


def _structure_week(value: object) -> list[str]:
    if not isinstance(value, Mapping):
        msg = f"expected an object of weekday → hours, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    errors: list[tuple[str, BaseException]] = []
    for key, hours in value.items():
        if key not in WEEKDAYS:
            errors.append(
                (f".{key}", ValueError(f"unknown weekday (allowed: {', '.join(WEEKDAYS)})"))
            )
        elif not isinstance(hours, str):
            errors.append((f".{key}", TypeError(f"expected hours as a string, got {hours!r}")))
    if errors:
        raise DataErrors(errors)
    return [value.get(day, "") for day in WEEKDAYS]


def _structure_china(value: Mapping[str, Any]) -> WorkingCalendar:
    if len(value) != 1:
        msg = f"a China calendar is written {{'china': {{...}}}} alone, got keys {sorted(value)}"
        raise ValueError(msg)
    args = value[CHINA_KEY]
    if not isinstance(args, Mapping):
        msg = f"expected an object with 'hours' and 'zone', got {args!r}"
        raise DataErrors([(f".{CHINA_KEY}", TypeError(msg))])
    extra = sorted(set(args) - {"hours", "zone"})
    if extra:
        msg = f"unexpected key (allowed: hours, zone), got {extra}"
        raise DataErrors([(f".{CHINA_KEY}.{extra[0]}", ValueError(msg))])
    errors: list[tuple[str, BaseException]] = []
    kwargs: dict[str, str] = {}
    for key, text in args.items():
        try:
            kwargs[key] = _text(text, key)
        except TypeError as exc:
            errors.append((f".{CHINA_KEY}.{key}", exc))
    if errors:
        raise DataErrors(errors)
    return china_calendar(**kwargs)
