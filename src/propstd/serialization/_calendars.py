"""Data format of working calendars (private part of propstd.serialization).

- [TimeWindow][propstd.calendars.TimeWindow] ↔ its text, `"09:00-12:00"` (`"22:00-06:00"`
  past midnight, `"00:00-24:00"` the whole day).
- [Closure][propstd.calendars.Closure] ↔ `{"start": ..., "end": ..., "reason": ...}`.
- The China calendar ↔ `{"china": {"hours": "09:00-12:00,13:30-18:00", "zone":
  "Asia/Shanghai"}}`: by name and arguments, not 19 years of dates. The dates come from the
  package that reads it, so data written today reads back with any later corrections of the
  embedded State Council data. Both arguments may be left out (their defaults).
- Any other [WorkingCalendar][propstd.calendars.WorkingCalendar] ↔ an object with every
  field: `zone`, `week` (weekday → hours text, working weekdays only: `{"mon":
  "09:00-12:00,13:30-18:00"}`), `holidays` and `makeup_days` (ISO dates), `makeup_windows`
  (hours text or null: Monday's), `closures`, `covers` (period text or null) and `name`.
  Only `zone` and `week` are required when reading.
- A field typed with a protocol that `WorkingCalendar` implements
  ([WorkingDays][propstd.calendars.WorkingDays]) is read as a calendar.

Both forms are private attrs classes (`_China`, `_Calendar`): reading, error paths and the
JSON Schema come from the generic record rules.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Mapping
from datetime import date
from typing import Any, NewType

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import ClassValidationError

from propstd._repr import shown
from propstd.calendars import Closure, TimeWindow, WorkingCalendar, china_calendar
from propstd.errors import InvalidValueError
from propstd.periods import Period
from propstd.serialization._paths import at_key
from propstd.serialization._records import configure_protocols
from propstd.serialization._scalars import refuse, text_type

__all__: list[str] = []

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CHINA_KEY = "china"
WEEK_KEY = "week"
Hours = NewType("Hours", str)
"""Windows as text, `"09:00-12:00,13:30-18:00"` (`""`: no working time)."""
_DEFAULT = {k: p.default for k, p in inspect.signature(china_calendar).parameters.items()}
_CLOCK = r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
_WINDOW = rf"\s*{_CLOCK}\s*-\s*{_CLOCK}\s*"


@attrs.frozen(kw_only=True)
class _ChinaArgs:
    hours: Hours = _DEFAULT["hours"]
    zone: str = _DEFAULT["zone"]


@attrs.frozen(kw_only=True)
class _China:
    china: _ChinaArgs


@attrs.frozen(kw_only=True)
class _Week:
    mon: Hours = Hours("")
    tue: Hours = Hours("")
    wed: Hours = Hours("")
    thu: Hours = Hours("")
    fri: Hours = Hours("")
    sat: Hours = Hours("")
    sun: Hours = Hours("")


@attrs.frozen(kw_only=True)
class _Calendar:
    zone: str
    week: _Week
    holidays: tuple[date, ...] = ()
    makeup_days: tuple[date, ...] = ()
    makeup_windows: Hours | None = None
    closures: tuple[Closure, ...] = ()
    covers: Period | None = None
    name: str = ""


SCHEMAS: Mapping[Any, Mapping[str, Any]] = types.MappingProxyType(
    {
        TimeWindow: {"title": "TimeWindow", "type": "string", "pattern": f"^{_WINDOW}$"},
        Hours: {"title": "Hours", "type": "string", "pattern": f"^({_WINDOW}(,{_WINDOW})*)?$"},
    }
)
"""The JSON Schemas of the types written as text."""

WRITTEN_AS: Mapping[Any, Any] = types.MappingProxyType({WorkingCalendar: _China | _Calendar})
"""A calendar is written as one of two document forms."""

IMPLEMENTATIONS = (WorkingCalendar,)
"""The classes a field typed with a protocol may be read as."""


def _hours(windows: tuple[TimeWindow, ...]) -> Hours:
    return Hours(",".join(str(w) for w in windows))


def _document(calendar: WorkingCalendar) -> _China | _Calendar:
    """The document form of *calendar*: by name if it is exactly a China calendar."""
    hours = calendar.week[0]
    if (
        hours
        and calendar.name == china_calendar().name
        and calendar == china_calendar(hours=hours, zone=calendar.zone)
    ):
        return _China(china=_ChinaArgs(hours=_hours(hours), zone=calendar.zone))
    return _Calendar(
        zone=calendar.zone,
        week=_Week(**{d: _hours(w) for d, w in zip(WEEKDAYS, calendar.week, strict=True)}),
        holidays=calendar.holidays,
        makeup_days=calendar.makeup_days,
        makeup_windows=None if calendar.makeup_windows is None else _hours(calendar.makeup_windows),
        closures=calendar.closures,
        covers=calendar.covers,
        name=calendar.name,
    )


def _calendar(doc: _China | _Calendar) -> WorkingCalendar:
    """The calendar a document describes; its refusals are placed at the field they name."""
    if isinstance(doc, _China):
        try:
            return china_calendar(hours=doc.china.hours, zone=doc.china.zone)
        except (TypeError, ValueError) as exc:
            msg = "While reading a China calendar"
            inner = ClassValidationError(msg, [exc], _ChinaArgs)
            raise at_key(CHINA_KEY, inner, _China) from None
    try:
        return WorkingCalendar(
            zone=doc.zone,
            week=[getattr(doc.week, d) for d in WEEKDAYS],
            holidays=doc.holidays,
            makeup_days=doc.makeup_days,
            makeup_windows=doc.makeup_windows,
            closures=doc.closures,
            covers=doc.covers,
            name=doc.name,
        )
    except (TypeError, ValueError) as exc:
        day = _day_at_fault(doc.week)
        if day is not None:  # placed at the weekday's own key, so a TOML line can be named
            week = at_key(day, exc, _Week)
            raise at_key(WEEK_KEY, week, _Calendar) from None
        msg = "While reading a calendar"
        raise ClassValidationError(msg, [exc], _Calendar) from None


def _day_at_fault(week: _Week) -> str | None:
    """The first weekday whose hours the calendar refuses on their own, if one does."""
    for day in WEEKDAYS:
        hours = getattr(week, day)
        try:
            WorkingCalendar(zone="UTC", week=[hours if d == day else "" for d in WEEKDAYS])
        except (TypeError, ValueError):
            return day
    return None


def configure(converter: cattrs.Converter) -> None:
    """Register the calendar hooks."""
    text_type(converter, TimeWindow, TimeWindow.parse, "a window such as '09:00-12:00'")
    converter.register_unstructure_hook(
        _Week, cattrs.gen.make_dict_unstructure_fn(_Week, converter, _cattrs_omit_if_default=True)
    )

    def structure_calendar(value: object, _cl: object) -> WorkingCalendar:
        if not isinstance(value, Mapping):
            refuse("a calendar as an object", value)
        if CHINA_KEY in value and len(value) > 1:
            msg = (
                f"a China calendar is written {{'china': {{...}}}} alone, "
                f"got the keys {shown(sorted(value, key=str))}"
            )
            raise InvalidValueError(msg, value=value)
        form: type[_China | _Calendar] = _China if CHINA_KEY in value else _Calendar
        return _calendar(converter.structure(value, form))

    converter.register_structure_hook(WorkingCalendar, structure_calendar)
    converter.register_unstructure_hook(
        WorkingCalendar, lambda calendar: converter.unstructure(_document(calendar))
    )
    configure_protocols(converter, IMPLEMENTATIONS)
