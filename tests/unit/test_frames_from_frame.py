"""Unit tests for propstd.frames.from_frame: the cells pandas gives, and every refusal named."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest

from propstd.errors import InvalidDataError, InvalidValueError

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
frames = pytest.importorskip("propstd.frames")

SH = ZoneInfo("Asia/Shanghai")
AT = "2025-03-10T10:00+08:00"


def checks(**columns: Any) -> Any:
    """A one-row check frame with *columns* added or replaced."""
    return pd.DataFrame({"item_code": ["QA-01"], "at": [AT], "inspector": ["陈"], **columns})


def objects(*values: Any) -> Any:
    """An object column holding *values* as they are."""
    return pd.Series(list(values), dtype=object)


class TestCells:
    """Values in object columns become the Python values the table reads."""

    def test_numpy_scalars_in_an_object_column(self) -> None:
        """A numpy integer in an object column reads as the int it holds."""
        (record,) = frames.from_frame("checks", checks(samples=objects(np.int64(2))), zone=None)
        assert record.samples == 2

    def test_timestamps_in_an_object_column(self) -> None:
        """An aware Timestamp in an object column reads as its datetime."""
        stamp = pd.Timestamp("2025-03-10 10:00", tz=SH)
        (record,) = frames.from_frame("checks", checks(at=objects(stamp)), zone=None)
        assert record.at == stamp.to_pydatetime()

    def test_a_naive_nanosecond_column_in_zone(self) -> None:
        """A naive datetime64[ns] column (what pandas parses) reads as wall times in zone."""
        naive = pd.to_datetime(["2025-03-10 10:00"]).as_unit("ns")
        (record,) = frames.from_frame("checks", checks(at=naive), zone="Asia/Shanghai")
        assert record.at == pd.Timestamp("2025-03-10 10:00", tz=SH).to_pydatetime()


class TestRefusals:
    """Bad frames: named errors with the column and the row."""

    def test_wrong_types(self) -> None:
        """A df that is not a DataFrame, columns that are not a mapping: TypeError."""
        with pytest.raises(TypeError, match="'df' must be a pandas DataFrame, got list"):
            frames.from_frame("checks", [checks()], zone=None)
        with pytest.raises(TypeError, match="'columns' must be a mapping"):
            frames.from_frame("checks", checks(), columns=["at"], zone=None)

    def test_finer_than_a_microsecond(self) -> None:
        """Instants finer than a microsecond are refused, in datetime64 and object columns."""
        naive = pd.to_datetime(["2025-03-10 10:00:00.000000001"])
        with pytest.raises(InvalidValueError, match="row 0: column 'at' must be exact") as info:
            frames.from_frame("checks", checks(at=naive), zone="Asia/Shanghai")
        assert info.value.field == "at"
        stamp = pd.Timestamp("2025-03-10 10:00:00.000000001", tz=SH)
        with pytest.raises(InvalidValueError, match="must be exact to the microsecond") as info:
            frames.from_frame("checks", checks(at=objects(stamp)), zone=None)
        assert info.value.value == stamp

    def test_a_float_in_an_object_column(self) -> None:
        """A float among objects is refused: it is not exact."""
        with pytest.raises(InvalidValueError, match="column 'samples' holds floats") as info:
            frames.from_frame("checks", checks(samples=objects(1.5)), zone=None)
        assert (info.value.field, info.value.value) == ("samples", 1.5)

    def test_a_single_survey_item_is_named_by_its_column(self) -> None:
        """A bad score in a survey's only item column names that column, as a table would."""
        frame = pd.DataFrame(
            {"survey_id": ["S1"], "household": ["1-0101"], "at": [AT], "保洁": ["7"]}
        )
        with pytest.raises(InvalidDataError) as info:
            frames.from_frame("survey_responses", frame, zone=None)
        (problem,) = info.value.problems
        assert str(problem).startswith("column 保洁: row 0: 'score' must be 1-5")
