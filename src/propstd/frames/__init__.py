"""pandas and numpy adapters: results as DataFrames, working time over whole columns.

Install with `pip install propstd[frames]` (pandas and numpy).
[to_frame()][propstd.frames.to_frame] turns the typed rows of any result into a DataFrame with
exact columns. The other functions answer the same questions as the scalar methods of
[WorkingCalendar][propstd.calendars.WorkingCalendar], for a whole column at once, with the same
answers row by row, exact to the microsecond:

- [add_working_time()][propstd.frames.add_working_time]: deadlines from starts and durations;
- [working_time_between()][propstd.frames.working_time_between]: working time between two
  columns of instants;
- [add_working_days()][propstd.frames.add_working_days]: dates moved by working days.

The calendar's working intervals are turned, once per calendar and span of days, into tables
of cumulative working time; every row is then a few array lookups (no Python loop per row).
A Series gives a Series with the same index (instants in the calendar's zone); a numpy array
gives a numpy array (instants as UTC `datetime64`). A missing value (NaT) gives NaT. Bad input
raises the errors of [propstd.errors][propstd.errors], naming the argument, the column and the
first bad row.

Examples:
    >>> import pandas as pd
    >>> from propstd import frames
    >>> from propstd.calendars import china_calendar
    >>> reported = pd.Series(
    ...     pd.to_datetime(["2025-09-30 17:00", "2025-10-10 09:30", None]), index=["A1", "A2", "A3"]
    ... ).dt.tz_localize("Asia/Shanghai")
    >>> due = frames.add_working_time(china_calendar(), reported, pd.Timedelta(hours=4))
    >>> due
    A1   2025-10-09 12:00:00+08:00
    A2   2025-10-10 15:00:00+08:00
    A3                         NaT
    dtype: datetime64[us, Asia/Shanghai]
"""

from __future__ import annotations

try:  # the optional extra, checked first for a clear message
    import numpy  # noqa: F401
    import pandas  # noqa: F401
except ModuleNotFoundError as exc:
    msg = f"propstd.frames needs pandas and numpy: pip install 'propstd[frames]' ({exc.name})"
    raise ModuleNotFoundError(msg, name=exc.name) from exc

from propstd.frames._results import to_frame
from propstd.frames._working_time import add_working_days, add_working_time, working_time_between

__all__ = ["add_working_days", "add_working_time", "to_frame", "working_time_between"]


def __dir__() -> list[str]:
    return __all__
