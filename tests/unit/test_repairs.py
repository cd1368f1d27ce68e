"""Unit tests for propstd.repairs: tables, bad inputs, reprs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from dateutil.relativedelta import relativedelta

from propstd.errors import InvalidValueError
from propstd.repairs import (
    RecordKind,
    RepairCategory,
    retention_until,
    warranty_reminder_date,
)


class TestRepairCategory:
    """The three rows of the time-limit table."""

    @pytest.mark.parametrize(
        ("category", "chinese"),
        [
            pytest.param(RepairCategory.EMERGENCY, "急修", id="emergency"),
            pytest.param(RepairCategory.ORDINARY, "一般维修", id="ordinary"),
            pytest.param(RepairCategory.SCHEDULED, "预约维修", id="scheduled"),
        ],
    )
    def test_chinese(self, category: RepairCategory, chinese: str) -> None:
        """Each category names its Chinese term."""
        assert category.chinese == chinese

    def test_values_are_lowercase(self) -> None:
        """The serialized values are the lowercase names."""
        assert [c.value for c in RepairCategory] == ["emergency", "ordinary", "scheduled"]


class TestWarrantyReminderDate:
    """warranty_reminder_date: one month ahead, clamped at month ends."""

    @pytest.mark.parametrize(
        ("end", "before", "expected"),
        [
            pytest.param(date(2025, 3, 31), relativedelta(months=1), date(2025, 2, 28), id="mar31"),
            pytest.param(date(2024, 3, 31), relativedelta(months=1), date(2024, 2, 29), id="leap"),
            pytest.param(date(2025, 5, 31), relativedelta(months=1), date(2025, 4, 30), id="may31"),
            pytest.param(date(2025, 1, 15), relativedelta(months=1), date(2024, 12, 15), id="year"),
            pytest.param(date(2025, 3, 1), relativedelta(days=1), date(2025, 2, 28), id="one-day"),
            pytest.param(date(2025, 3, 31), relativedelta(months=2), date(2025, 1, 31), id="two"),
            pytest.param(date(2028, 2, 29), relativedelta(years=1), date(2027, 2, 28), id="y-feb"),
        ],
    )
    def test_table(self, end: date, before: relativedelta, expected: date) -> None:
        """The reminder is the end minus *before*, clamped at the month end."""
        assert warranty_reminder_date(end, before=before) == expected

    def test_default_is_one_month(self) -> None:
        """Without *before* the reminder is one month ahead."""
        assert warranty_reminder_date(date(2025, 7, 31)) == date(2025, 6, 30)

    @pytest.mark.parametrize(
        ("end", "before", "error", "match"),
        [
            pytest.param(
                datetime(2025, 3, 31, tzinfo=UTC),
                relativedelta(months=1),
                TypeError,
                "'warranty_until' must be a date",
                id="datetime",
            ),
            pytest.param(
                "2025-03-31", relativedelta(months=1), TypeError, "'2025-03-31'", id="str"
            ),
            pytest.param(
                date(2025, 3, 31), 30, TypeError, "'before' must be relativedelta", id="int"
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(),
                InvalidValueError,
                "move the date back",
                id="zero",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(months=-1),
                InvalidValueError,
                r"'before'.*months=-1",
                id="negative",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(hours=3),
                InvalidValueError,
                r"no time of day.*hours=\+3",
                id="hours",
            ),
            pytest.param(
                date(2025, 3, 31),
                relativedelta(hour=3),
                InvalidValueError,
                r"no time of day.*hour=3",
                id="absolute-hour",
            ),
        ],
    )
    def test_bad_inputs(
        self, end: object, before: object, error: type[Exception], match: str
    ) -> None:
        """Bad inputs raise a named error showing the value."""
        with pytest.raises(error, match=match):
            warranty_reminder_date(end, before=before)  # type: ignore[arg-type]


class TestRetentionUntil:
    """retention_until: 3 years for maintenance records, 2 for patrol records."""

    @pytest.mark.parametrize(
        ("day", "kind", "expected"),
        [
            pytest.param(date(2025, 3, 10), RecordKind.MAINTENANCE, date(2028, 3, 10), id="maint"),
            pytest.param(date(2025, 3, 10), RecordKind.PATROL, date(2027, 3, 10), id="patrol"),
            pytest.param(
                date(2024, 2, 29), RecordKind.MAINTENANCE, date(2027, 2, 28), id="feb29-3"
            ),
            pytest.param(date(2024, 2, 29), RecordKind.PATROL, date(2026, 2, 28), id="feb29-2"),
            pytest.param(date(2025, 2, 28), "patrol", date(2027, 2, 28), id="str-kind"),
            pytest.param(date(2026, 2, 29 - 1), "maintenance", date(2029, 2, 28), id="feb28"),
        ],
    )
    def test_table(self, day: date, kind: RecordKind | str, expected: date) -> None:
        """The record is kept for its kind's years; Feb 29 ends on Feb 28."""
        assert retention_until(day, kind) == expected

    def test_years(self) -> None:
        """The retention years are the seed rules' minimums."""
        assert RecordKind.MAINTENANCE.retention_years == 3
        assert RecordKind.PATROL.retention_years == 2

    @pytest.mark.parametrize(
        ("day", "kind", "error", "match"),
        [
            pytest.param(
                datetime(2025, 3, 1, tzinfo=UTC), "patrol", TypeError, "'record_date'", id="dt"
            ),
            pytest.param(
                "2025-03-01", "patrol", TypeError, "'record_date'.*'2025-03-01'", id="str"
            ),
            pytest.param(date(2025, 3, 1), "audit", InvalidValueError, "'kind'.*'audit'", id="bad"),
            pytest.param(date(2025, 3, 1), "", InvalidValueError, "'kind'.*''", id="empty"),
            pytest.param(date(2025, 3, 1), 3, TypeError, "'kind'.*int 3", id="int"),
            pytest.param(date(2025, 3, 1), None, TypeError, "'kind'.*None", id="none"),
        ],
    )
    def test_bad_inputs(
        self, day: object, kind: object, error: type[Exception], match: str
    ) -> None:
        """Bad inputs raise a named error showing the value."""
        with pytest.raises(error, match=match):
            retention_until(day, kind)  # type: ignore[arg-type]
