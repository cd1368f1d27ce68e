"""Examples and bad inputs for propstd.budgets, on the sample property's 2025 budget."""

from __future__ import annotations

import decimal
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import attrs
import pytest

import propstd.budgets as budgets
from propstd.budgets import (
    Actual,
    Allocation,
    AllocationPart,
    Budget,
    BudgetCategory,
    BudgetLine,
    CarryForward,
    CollectionCurve,
    CollectionMonth,
    CollectionProgress,
    LineKind,
    LinePlan,
    Profile,
    ProfileKind,
    Remuneration,
    Revision,
    RowLevel,
    ServiceFee,
    VarianceFigures,
    VarianceReport,
    VarianceRow,
    VarianceSide,
    VarianceStatus,
    VarianceThresholds,
    collection_progress,
    remuneration,
    service_fee,
    split,
    split_monthly,
    variance,
)
from propstd.calendars import WorkingCalendar
from propstd.errors import CurrencyMismatchError, InvalidValueError, NaiveDatetimeError
from propstd.money import Money, Rounding
from propstd.periods import Period
from propstd.rates import Rate
from tests.strategies import hostile_context

CST = timezone(timedelta(hours=8))
ZONE = "Asia/Shanghai"
MARCH = Period.parse("2025-03")
AS_OF = datetime(2025, 4, 1, 9, 0, tzinfo=CST)
LIMITS = VarianceThresholds(explain=Fraction(1, 20), stop=Fraction(1, 10))
CURVE = CollectionCurve(months=(3, 12), shares=(Fraction(3, 5), Fraction(19, 20)))


def cny(amount: str) -> Money:
    """CNY amounts, shortly."""
    return Money(amount, "CNY")


def sample_lines() -> list[BudgetLine]:
    """The sample property's 2025 budget lines (sample-property.md)."""
    return [
        BudgetLine("INC-FEE", "income", "service_fee", cny("4608000.00")),
        BudgetLine("INC-PARK", "income", "parking", cny("3240000.00")),
        BudgetLine(
            "INC-PAID", "income", "paid_services", cny("360000.00"), profile=Profile.by_days()
        ),
        BudgetLine("INC-OTHER", "income", "other", cny("120000.00")),
        BudgetLine(
            "COST-LAB", "cost", "labour", cny("4700000.00"), profile=Profile.thirteenth_month(1)
        ),
        BudgetLine("COST-MAT", "cost", "materials", cny("420000.00")),
        BudgetLine("COST-SVC", "cost", "services", cny("1150000.00")),
        BudgetLine("COST-OPS", "cost", "operations", cny("980000.00")),
        BudgetLine("COST-RTO", "cost", "rent_tax_other", cny("560000.00")),
    ]


SAMPLE = Budget(year=2025, lines=sample_lines())


def test_public_api() -> None:
    """`__all__` is sorted, and `dir()` shows exactly it."""
    assert budgets.__all__ == sorted(budgets.__all__)
    assert dir(budgets) == budgets.__all__
    for name in budgets.__all__:
        assert getattr(budgets, name).__doc__


class TestCategory:
    """Categories belong to one kind."""

    @pytest.mark.parametrize(
        ("category", "kind"),
        [
            pytest.param("service_fee", "income", id="fee"),
            pytest.param("parking", "income", id="parking"),
            pytest.param("paid_services", "income", id="paid"),
            pytest.param("other", "income", id="other"),
            pytest.param("labour", "cost", id="labour"),
            pytest.param("materials", "cost", id="materials"),
            pytest.param("services", "cost", id="services"),
            pytest.param("operations", "cost", id="operations"),
            pytest.param("rent_tax_other", "cost", id="rent-tax-other"),
        ],
    )
    def test_kind(self, category: str, kind: str) -> None:
        """Each category reports its kind."""
        assert BudgetCategory(category).kind is LineKind(kind)


class TestProfile:
    """Profiles weigh the twelve months."""

    def test_sample_labour_profile(self) -> None:
        """The sample's labour profile is the 13th-month preset: weights 2,1,…,1."""
        assert Profile.thirteenth_month(1).factors == (Fraction(2),) + (Fraction(1),) * 11
        assert (
            Profile.weights([2] + [1] * 11).month_weights(2025)
            == (Fraction(2),) + (Fraction(1),) * 11
        )

    def test_by_days_leap_year(self) -> None:
        """By-days weighs February 29 days in a leap year."""
        assert Profile.by_days().month_weights(2024)[1] == 29
        assert Profile.by_days().month_weights(2025)[1] == 28

    @pytest.mark.parametrize(
        ("profile", "label"),
        [
            pytest.param(Profile.even(), "even", id="even"),
            pytest.param(Profile.by_days(), "by days", id="by-days"),
            pytest.param(Profile.thirteenth_month(12), "13th month in 12", id="preset"),
            pytest.param(
                Profile.weights([Fraction(1, 2)] * 12),
                "weights " + ",".join(["1/2"] * 12),
                id="fraction",
            ),
            pytest.param(Profile.seasonal([7, 8], peak=2, name="summer"), "summer", id="seasonal"),
        ],
    )
    def test_label(self, profile: Profile, label: str) -> None:
        """Labels name the profile for tables."""
        assert profile.label == label

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"kind": "weights", "factors": [1] * 11},
                InvalidValueError,
                "12 monthly weights, got 11",
                id="eleven",
            ),
            pytest.param(
                {"kind": "weights", "factors": [0] * 12},
                InvalidValueError,
                "positive sum",
                id="zero-sum",
            ),
            pytest.param(
                {"kind": "weights", "factors": [1] * 11 + [-1]},
                InvalidValueError,
                r"weights\[11\]' must not be negative",
                id="negative",
            ),
            pytest.param(
                {"kind": "weights", "factors": [1.5] * 12},
                TypeError,
                r"weights\[0\]' must be an exact number",
                id="float",
            ),
            pytest.param(
                {"kind": "even", "factors": [1] * 12},
                InvalidValueError,
                "'factors' must be empty",
                id="even-with-weights",
            ),
            pytest.param(
                {"kind": "monthly"},
                InvalidValueError,
                "'kind' must be one of .*'monthly'",
                id="kind",
            ),
            pytest.param(
                {"kind": "weights", "factors": "111111111111"},
                TypeError,
                "sequence of values",
                id="string",
            ),
        ],
    )
    def test_bad(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad profiles are refused with a message naming the field."""
        with pytest.raises(error, match=match):
            Profile(**kwargs)

    @pytest.mark.parametrize(
        ("month", "error", "match"),
        [
            pytest.param(0, InvalidValueError, "'month' must be a month 1–12, got 0", id="zero"),
            pytest.param(13, InvalidValueError, "got 13", id="thirteen"),
            pytest.param(True, TypeError, "'month' must be an int", id="bool"),
        ],
    )
    def test_bad_preset(self, month: Any, error: type[Exception], match: str) -> None:
        """The preset checks its month."""
        with pytest.raises(error, match=match):
            Profile.thirteenth_month(month)

    def test_bad_seasonal(self) -> None:
        """Seasonal peaks are months."""
        with pytest.raises(InvalidValueError, match=r"'peak_months\[0\]' must be a month") as info:
            Profile.seasonal([0], peak=2)
        assert (info.value.field, info.value.value) == ("peak_months[0]", 0)


class TestBudgetLine:
    """Budget lines validate their kind, category and amount."""

    def test_monthly(self) -> None:
        """The sample's labour line puts two shares into January (13th month)."""
        months = SAMPLE.line("COST-LAB").monthly(2025)
        assert months[0] == cny("723076.93")
        assert months[1] == cny("361538.47")
        assert Money.sum(months, currency="CNY") == cny("4700000.00")

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(
                ("X", "income", "labour", cny("1")),
                {},
                InvalidValueError,
                "'labour' is a cost category, not income",
                id="kind-mismatch",
            ),
            pytest.param(
                ("X", "cost", "parking", cny("1")),
                {},
                InvalidValueError,
                "'parking' is a income category",
                id="kind-mismatch-2",
            ),
            pytest.param(
                ("X", "income", "parking", cny("-1")),
                {},
                InvalidValueError,
                "'annual' must not be negative",
                id="negative",
            ),
            pytest.param(
                ("X", "income", "parking", 1.5), {}, TypeError, "'annual' must be Money", id="float"
            ),
            pytest.param(
                (" ", "income", "parking", cny("1")),
                {},
                InvalidValueError,
                "'code' must not be empty",
                id="blank",
            ),
            pytest.param(
                ("X", "profit", "parking", cny("1")),
                {},
                InvalidValueError,
                "'kind' must be one of 'income' \\(收入\\), 'cost' \\(支出\\), got 'profit'",
                id="kind",
            ),
            pytest.param(
                ("X", "income", "parking", cny("1")),
                {"profile": "even"},
                TypeError,
                "'profile' must be",
                id="profile",
            ),
            pytest.param(
                ("X", "income", "parking", cny("1")),
                {"department": 3},
                TypeError,
                "'department' must be a str",
                id="department",
            ),
        ],
    )
    def test_bad(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad lines are refused with a message naming the field."""
        with pytest.raises(error, match=match):
            BudgetLine(*args, **kwargs)

    def test_evolve_validates(self) -> None:
        """`attrs.evolve` validates again."""
        with pytest.raises(InvalidValueError, match="'annual' must not be negative"):
            attrs.evolve(SAMPLE.lines[0], annual=cny("-0.01"))


class TestSplitMonthly:
    """Monthly splits of the sample budget."""

    @pytest.mark.parametrize(
        ("code", "first", "march"),
        [
            pytest.param("INC-FEE", "384000.00", "384000.00", id="fee-even"),
            pytest.param("INC-PARK", "270000.00", "270000.00", id="parking-even"),
            pytest.param("INC-PAID", "30575.35", "30575.35", id="paid-by-days"),
            pytest.param("INC-OTHER", "10000.00", "10000.00", id="other"),
            pytest.param("COST-LAB", "723076.93", "361538.46", id="labour-13th"),
            pytest.param("COST-SVC", "95833.34", "95833.34", id="services"),
        ],
    )
    def test_sample(self, code: str, first: str, march: str) -> None:
        """January and March of the sample lines."""
        months = SAMPLE.plan(code).months
        assert (months[0], months[2]) == (cny(first), cny(march))

    def test_default_profile_is_even(self) -> None:
        """Without a profile the split is even."""
        assert split_monthly(cny("12.00"), 2025) == (cny("1.00"),) * 12

    @pytest.mark.parametrize(
        ("args", "error", "match"),
        [
            pytest.param((1200, 2025), TypeError, "'annual' must be Money", id="int"),
            pytest.param((cny("1"), 2025.0), TypeError, "'year' must be an int", id="float-year"),
            pytest.param(
                (cny("1"), 2025, "even"), TypeError, "'profile' must be Profile", id="profile"
            ),
        ],
    )
    def test_bad(self, args: tuple[Any, ...], error: type[Exception], match: str) -> None:
        """Bad arguments are refused."""
        with pytest.raises(error, match=match):
            split_monthly(*args)


class _Weekdays:
    """Monday to Friday."""

    def is_working_day(self, day: date, /) -> bool:
        return day.weekday() < 5


class _Never:
    """No working day at all."""

    def is_working_day(self, day: date, /) -> bool:
        return False


class TestSplit:
    """Splits to weeks, days, departments and people."""

    def test_weeks(self) -> None:
        """March 2025 in ISO-week pieces, weighted by days."""
        weeks = split(cny("31000.00"), MARCH, unit="week")
        assert weeks.basis == "days"
        assert weeks.amounts == (
            cny("2000.00"),
            cny("7000.00"),
            cny("7000.00"),
            cny("7000.00"),
            cny("7000.00"),
            cny("1000.00"),
        )

    def test_all_days(self) -> None:
        """Every day of March gets a part."""
        days = split(cny("31.00"), MARCH, unit="day")
        assert len(days.parts) == 31
        assert set(days.amounts) == {cny("1.00")}

    def test_working_days(self) -> None:
        """Only working days get a part; non-working days are left out."""
        days = split(cny("210.00"), MARCH, unit="day", calendar=_Weekdays())
        assert len(days.parts) == 21
        assert days.basis == "working days"
        assert days.labels[0] == "2025-03-03"

    def test_working_days_by_week(self) -> None:
        """Weeks weigh their working days."""
        weeks = split(cny("210.00"), MARCH, unit="week", calendar=_Weekdays())
        assert weeks.amounts[0] == cny("0.00")  # Sat 1 and Sun 2 March
        assert weeks.parts[1].weight == 5

    def test_people(self) -> None:
        """Named weights split to people, in order, ties to the earliest."""
        people = split(cny("100.00"), weights={"张三": 1, "李四": 1, "王五": 1})
        assert people.amounts == (cny("33.34"), cny("33.33"), cny("33.33"))
        assert people.amount_of("王五") == cny("33.33")
        assert people.parts[0].period is None

    def test_unknown_label(self) -> None:
        """Asking for a label that is not there names the labels."""
        with pytest.raises(InvalidValueError, match="no part labelled 'x'"):
            split(cny("1.00"), weights=[("a", 1)]).amount_of("x")

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(
                (cny("1"), MARCH),
                {},
                InvalidValueError,
                "exactly one of 'unit' and 'weights'",
                id="neither",
            ),
            pytest.param(
                (cny("1"), MARCH),
                {"unit": "week", "weights": {"a": 1}},
                InvalidValueError,
                "exactly one",
                id="both",
            ),
            pytest.param(
                (cny("1"),),
                {"unit": "week"},
                InvalidValueError,
                "'period' is needed",
                id="no-period",
            ),
            pytest.param(
                (cny("1"),),
                {"weights": {"a": 0, "b": 0}},
                InvalidValueError,
                "positive sum",
                id="zero-sum",
            ),
            pytest.param(
                (cny("1"),),
                {"weights": {"a": -1, "b": 2}},
                InvalidValueError,
                "must not be negative",
                id="negative",
            ),
            pytest.param(
                (cny("1"),),
                {"weights": {"a": 0.5}},
                TypeError,
                r"weights\[a\]' must be an exact number",
                id="float",
            ),
            pytest.param(
                (cny("1"),), {"weights": {}}, InvalidValueError, "at least one part", id="empty"
            ),
            pytest.param(
                (cny("1"),),
                {"weights": [("a", 1), ("a", 2)]},
                InvalidValueError,
                "names 'a' twice",
                id="repeat",
            ),
            pytest.param(
                (cny("1"),),
                {"weights": [("a", 1, 2)]},
                TypeError,
                r"weights\[0\]' must be a \(name, weight\) pair",
                id="triple",
            ),
            pytest.param(
                (cny("1"),),
                {"weights": [("", 1)]},
                InvalidValueError,
                "name' must not be empty",
                id="blank",
            ),
            pytest.param(
                (1.0, MARCH),
                {"unit": "day"},
                TypeError,
                "'amount' must be Money",
                id="float-amount",
            ),
            pytest.param(
                (cny("1"), "2025-03"),
                {"unit": "day"},
                TypeError,
                "'period' must be Period",
                id="period",
            ),
            pytest.param(
                (cny("1"), MARCH),
                {"unit": "day", "calendar": _Never()},
                InvalidValueError,
                "has no working day",
                id="no-working-day",
            ),
        ],
    )
    def test_bad(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad splits are refused."""
        with pytest.raises(error, match=match):
            split(*args, **kwargs)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"parts": [AllocationPart(label="a", weight=1, amount=cny("1"))]},
                InvalidValueError,
                "'parts' sum to 1.00 CNY, not the 'total' 2.00 CNY",
                id="sum",
            ),
            pytest.param(
                {"parts": ["a"]}, TypeError, r"'parts\[0\]' must be AllocationPart", id="type"
            ),
            pytest.param({"parts": "ab"}, TypeError, "sequence of values", id="string"),
            pytest.param({"parts": [], "basis": 3}, TypeError, "'basis' must be a str", id="basis"),
            pytest.param({"parts": [], "total": 2}, TypeError, "'total' must be", id="total"),
        ],
    )
    def test_bad_allocation(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """An allocation must add up."""
        args: dict[str, Any] = {"total": cny("2"), "basis": "weights"} | kwargs
        with pytest.raises(error, match=match):
            Allocation(**args)


class TestBudget:
    """Budgets, revisions and their history."""

    def test_totals(self) -> None:
        """The sample's income and cost totals."""
        assert SAMPLE.total("income") == cny("8328000.00")
        assert SAMPLE.total(LineKind.COST) == cny("7810000.00")
        assert SAMPLE.currency.value == "CNY"
        assert len(SAMPLE.plans()) == 9

    def test_revision_without_carry_forward(self) -> None:
        """Months before the revision keep their plan; the rest re-splits; history is kept."""
        rev = Revision(code="COST-OPS", from_month=7, annual=cny("1040000.00"), reason="tariff")
        b = Budget(year=2025, lines=sample_lines(), revisions=[rev])
        original, revised = b.history("COST-OPS")
        assert original.revision is None
        assert revised.revision == rev
        assert revised.months[:6] == original.months[:6]
        assert revised.months[6] == cny("91666.67")
        assert Money.sum(revised.months, currency="CNY") == cny("1040000.00")
        assert revised.year_to_date(7) == original.year_to_date(6) + cny("91666.67")

    def test_revision_with_carry_forward(self) -> None:
        """Carry-forward closes earlier months at what was spent; the unspent moves on."""
        rev = Revision(
            code="INC-OTHER",
            from_month=3,
            annual=cny("120000.00"),
            carry_forward=CarryForward.UNSPENT,
            spent=[cny("8000.00"), cny("9000.00")],
        )
        plan = Budget(year=2025, lines=sample_lines(), revisions=[rev]).plan("INC-OTHER")
        assert plan.months[:2] == (cny("8000.00"), cny("9000.00"))
        assert plan.months[2] == cny("10300.00")  # (120000 - 17000) / 10

    def test_revision_with_own_profile(self) -> None:
        """A revision may bring its own profile for the remaining months."""
        rev = Revision(
            code="INC-FEE", from_month=12, annual=cny("4608000.00"), profile=Profile.by_days()
        )
        assert Budget(year=2025, lines=sample_lines(), revisions=[rev]).plan("INC-FEE").months[
            11
        ] == cny("384000.00")

    def test_zero_weight_tail(self) -> None:
        """A profile without weight in the remaining months can spread nothing but zero."""
        line = BudgetLine(
            "X", "cost", "labour", cny("100.00"), profile=Profile.weights([1] + [0] * 11)
        )
        ok = Budget(
            year=2025,
            lines=[line],
            revisions=[Revision(code="X", from_month=2, annual=cny("100.00"))],
        )
        assert ok.plan("X").months[1:] == (cny("0.00"),) * 11
        with pytest.raises(
            InvalidValueError, match=r"gives months 2–12 no weight to spread 1\.00 CNY"
        ):
            Budget(
                year=2025,
                lines=[line],
                revisions=[Revision(code="X", from_month=2, annual=cny("101.00"))],
            )

    def test_unknown_line(self) -> None:
        """Looking up an unknown line names the codes."""
        with pytest.raises(InvalidValueError, match="no budget line 'NOPE'"):
            SAMPLE.plan("NOPE")

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"lines": []}, InvalidValueError, "at least one BudgetLine", id="empty"),
            pytest.param({"year": 2025.0}, TypeError, "'year' must be an int", id="float-year"),
            pytest.param({"year": 0}, InvalidValueError, "'year' must be a year", id="year-0"),
            pytest.param(
                {"lines": sample_lines() + sample_lines()[:1]},
                InvalidValueError,
                "repeat the code 'INC-FEE'",
                id="repeat",
            ),
            pytest.param(
                {
                    "lines": [
                        *sample_lines(),
                        BudgetLine("HK", "income", "other", Money("1", "HKD")),
                    ]
                },
                CurrencyMismatchError,
                r"'lines\[9\]' is in HKD",
                id="currency",
            ),
            pytest.param(
                {"lines": ["INC-FEE"]},
                TypeError,
                r"'lines\[0\]' must be BudgetLine",
                id="line-type",
            ),
            pytest.param(
                {"revisions": [Revision(code="NOPE", from_month=2, annual=cny("1"))]},
                InvalidValueError,
                "revises 'NOPE'",
                id="unknown",
            ),
            pytest.param(
                {"revisions": [Revision(code="INC-FEE", from_month=2, annual=Money("1", "USD"))]},
                CurrencyMismatchError,
                r"'revisions\[0\]' is in USD",
                id="rev-currency",
            ),
            pytest.param(
                {"revisions": [Revision(code="INC-FEE", from_month=12, annual=cny("1000.00"))]},
                InvalidValueError,
                "already hold 4224000.00 CNY",
                id="below-spent",
            ),
            pytest.param(
                {
                    "revisions": [
                        Revision(code="INC-FEE", from_month=6, annual=cny("4608000")),
                        Revision(code="INC-FEE", from_month=5, annual=cny("4608000")),
                    ]
                },
                InvalidValueError,
                "before the previous revision",
                id="order",
            ),
            pytest.param(
                {"revisions": ["x"]}, TypeError, r"'revisions\[0\]' must be Revision", id="rev-type"
            ),
        ],
    )
    def test_bad(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad budgets are refused."""
        args: dict[str, Any] = {"year": 2025, "lines": sample_lines()} | kwargs
        with pytest.raises(error, match=match):
            Budget(**args)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"from_month": 0},
                InvalidValueError,
                "'from_month' must be a month 1–12, got 0",
                id="month-0",
            ),
            pytest.param(
                {"from_month": 2.0}, TypeError, "'from_month' must be an int", id="float-month"
            ),
            pytest.param(
                {"annual": cny("-1")},
                InvalidValueError,
                "'annual' must not be negative",
                id="negative",
            ),
            pytest.param({"annual": 1.5}, TypeError, "'annual' must be Money", id="float"),
            pytest.param(
                {"spent": [cny("1")]},
                InvalidValueError,
                "'spent' must be empty",
                id="spent-without-carry",
            ),
            pytest.param(
                {"carry_forward": "unspent"},
                InvalidValueError,
                "one amount per month before 3 \\(2\\), got 0",
                id="spent-missing",
            ),
            pytest.param(
                {"carry_forward": "unspent", "spent": [cny("1"), Money("1", "USD")]},
                CurrencyMismatchError,
                r"'spent\[1\]' is 1.00 USD",
                id="spent-currency",
            ),
            pytest.param(
                {"carry_forward": "all"},
                InvalidValueError,
                "'carry_forward' must be one of 'none' \\(不结转\\), 'unspent'.*got 'all'",
                id="carry",
            ),
            pytest.param({"code": ""}, InvalidValueError, "'code' must not be empty", id="code"),
            pytest.param({"profile": "even"}, TypeError, "'profile' must be", id="profile"),
        ],
    )
    def test_bad_revision(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad revisions are refused."""
        args: dict[str, Any] = {"code": "INC-FEE", "from_month": 3, "annual": cny("100")} | kwargs
        with pytest.raises(error, match=match):
            Revision(**args)

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            pytest.param({"months": (cny("1"),) * 11}, "12 amounts, got 11", id="eleven"),
            pytest.param(
                {"months": (cny("1"),) * 12},
                "do not sum to the 'annual' amount 13.00 CNY",
                id="sum",
            ),
        ],
    )
    def test_bad_plan(self, kwargs: dict[str, Any], match: str) -> None:
        """A plan adds up to its annual amount."""
        with pytest.raises(InvalidValueError, match=match):
            LinePlan(code="X", annual=cny("13"), **kwargs)


def march_actuals() -> list[Actual]:
    """A plausible March for the sample (see the demo)."""
    amounts = {
        "INC-FEE": "371200.00",
        "INC-PARK": "281350.00",
        "INC-PAID": "26480.00",
        "INC-OTHER": "10000.00",
        "COST-LAB": "368900.00",
        "COST-MAT": "41230.00",
        "COST-SVC": "95833.33",
        "COST-OPS": "79640.00",
        "COST-RTO": "46666.67",
    }
    return [Actual(code=c, month=MARCH, amount=cny(a)) for c, a in amounts.items()]


class TestVariance:
    """Budget against actual for the sample's March."""

    def report(self) -> VarianceReport:
        """The sample's March report."""
        return variance(
            SAMPLE, march_actuals(), period=MARCH, as_of=AS_OF, zone=ZONE, thresholds=LIMITS
        )

    def test_line(self) -> None:
        """The service fee fell short by 12,800.00: 3.3 % under, within the 5 % threshold."""
        row = self.report().row("INC-FEE")
        assert row.month.budget == cny("384000.00")
        assert row.month.variance == cny("-12800.00")
        assert row.month.fraction == Fraction(-1, 30)
        assert row.month.percent() == Decimal("-3.3")
        assert row.month.status is VarianceStatus.OK
        # no actuals before March were given: the year to date is far behind
        assert row.year_to_date.budget == cny("1152000.00")
        assert row.year_to_date.status is VarianceStatus.STOP

    def test_statuses(self) -> None:
        """Parking over plan is favourable (ok); materials 17.8 % over is stop."""
        report = self.report()
        assert report.row("INC-PARK").month.status is VarianceStatus.OK
        assert report.row("COST-MAT").month.percent() == Decimal("17.8")
        assert report.row("COST-MAT").month.status is VarianceStatus.STOP
        assert report.row("INC-PAID").month.status is VarianceStatus.STOP
        assert report.row("COST-OPS").month.status is VarianceStatus.OK

    def test_levels(self) -> None:
        """Rows per line, per category and the totals income, cost, net."""
        report = self.report()
        assert len(report.rows_at(RowLevel.LINE)) == 9
        assert [r.label for r in report.rows_at("total")] == ["income", "cost", "net"]
        assert report.row("labour", "category").month.budget == cny("361538.46")
        assert report.total.kind is None
        assert report.complete

    def test_net(self) -> None:
        """The net result is income minus cost."""
        report = self.report()
        inc, cost = report.row("income", "total"), report.row("cost", "total")
        assert report.total.month.actual == inc.month.actual - cost.month.actual

    def test_provisional(self) -> None:
        """Before the month is over the report is provisional."""
        early = variance(
            SAMPLE,
            [],
            period=MARCH,
            as_of=datetime(2025, 3, 20, tzinfo=CST),
            zone=ZONE,
            thresholds=LIMITS,
        )
        assert not early.complete
        assert "provisional" in early.to_text()

    def test_renderings(self) -> None:
        """Text, Markdown and HTML tables carry every row."""
        report = self.report()
        text = report.to_text()
        assert text.splitlines()[0] == (
            "Budget vs actual 2025-03 (CNY), as of 2025-04-01T09:00+08:00 (Asia/Shanghai), final"
        )
        assert "  INC-FEE" in text
        assert "384,000.00" in text
        assert "-12,800.00" in text
        md = report.to_markdown()
        assert "| **净额 net** |" in md
        assert md.count("\n|") == 2 + len(report.rows())
        html = report._repr_html_()
        assert html.startswith('<table class="propstd">')
        assert html.count("<tr") == 1 + len(report.rows()) + 1
        assert '<tr class="stop">' in html
        assert "explain above 5%, stop above 10%" in text
        assert str(report) == text

    def test_unknown_row(self) -> None:
        """An unknown row is refused."""
        with pytest.raises(InvalidValueError, match="no line row 'X'"):
            self.report().row("X")

    def test_zero_budget(self) -> None:
        """A variance against a zero budget has no percentage and is explain."""
        line = BudgetLine("Z", "cost", "materials", cny("0"))
        b = Budget(year=2025, lines=[line])
        report = variance(
            b,
            [Actual(code="Z", month=MARCH, amount=cny("5"))],
            period=MARCH,
            as_of=AS_OF,
            zone=ZONE,
            thresholds=LIMITS,
        )
        row = report.row("Z")
        assert row.month.fraction is None
        assert row.month.percent() is None
        assert row.month.status is VarianceStatus.EXPLAIN
        assert "n/a" in report.to_text()

    @pytest.mark.parametrize(
        ("budget", "actual", "kind", "side", "status"),
        [
            pytest.param("100", "100", "cost", "adverse", "ok", id="equal"),
            pytest.param("100", "105", "cost", "adverse", "ok", id="at-explain"),
            pytest.param("100", "105.01", "cost", "adverse", "explain", id="above-explain"),
            pytest.param("100", "110", "cost", "adverse", "explain", id="at-stop"),
            pytest.param("100", "110.01", "cost", "adverse", "stop", id="above-stop"),
            pytest.param("100", "80", "cost", "adverse", "ok", id="favourable-cost"),
            pytest.param("100", "80", "cost", "both", "stop", id="both-sides"),
            pytest.param("100", "94", "income", "adverse", "explain", id="income-short"),
        ],
    )
    def test_judge(self, budget: str, actual: str, kind: str, side: str, status: str) -> None:
        """Thresholds are inclusive: only beyond them does the status change."""
        t = attrs.evolve(LIMITS, side=side)
        assert t.judge(cny(budget), cny(actual), kind=kind) is VarianceStatus(status)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"period": Period.parse("2025-Q1")},
                InvalidValueError,
                "'period' must be a month of 2025, got '2025-Q1'",
                id="quarter",
            ),
            pytest.param(
                {"period": Period.parse("2024-03")},
                InvalidValueError,
                "must be a month of 2025",
                id="year",
            ),
            pytest.param(
                {"as_of": datetime(2025, 4, 1)},
                NaiveDatetimeError,
                "'as_of' must be timezone-aware",
                id="naive",
            ),
            pytest.param(
                {"actuals": [Actual(code="NOPE", month=MARCH, amount=cny("1"))]},
                InvalidValueError,
                "booked on 'NOPE'",
                id="unknown-line",
            ),
            pytest.param(
                {
                    "actuals": [
                        Actual(code="INC-FEE", month=Period.parse("2024-12"), amount=cny("1"))
                    ]
                },
                InvalidValueError,
                "outside the budget year 2025",
                id="other-year",
            ),
            pytest.param(
                {
                    "actuals": [
                        Actual(code="INC-FEE", month=Period.parse("2025-05"), amount=cny("1"))
                    ]
                },
                InvalidValueError,
                "for 2025-05, after 'as_of'",
                id="future",
            ),
            pytest.param(
                {"actuals": [Actual(code="INC-FEE", month=MARCH, amount=Money("1", "USD"))]},
                CurrencyMismatchError,
                "1.00 USD, the budget is in CNY",
                id="currency",
            ),
            pytest.param(
                {"actuals": [1.5]}, TypeError, r"'actuals\[0\]' must be Actual", id="float"
            ),
            pytest.param(
                {"thresholds": {"explain": 1}},
                TypeError,
                "'thresholds' must be VarianceThresholds",
                id="thresholds",
            ),
        ],
    )
    def test_bad(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad variance inputs are refused."""
        args: dict[str, Any] = {
            "actuals": [],
            "period": MARCH,
            "as_of": AS_OF,
            "zone": ZONE,
            "thresholds": LIMITS,
        } | kwargs
        actuals = args.pop("actuals")
        with pytest.raises(error, match=match):
            variance(SAMPLE, actuals, **args)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"explain": -1}, InvalidValueError, "'explain' must not be negative", id="negative"
            ),
            pytest.param({"stop": 0.1}, TypeError, "'stop' must be an exact number", id="float"),
            pytest.param(
                {"explain": Fraction(1, 5), "stop": Fraction(1, 10)},
                InvalidValueError,
                "'stop' 1/10 must not be below 'explain' 1/5",
                id="order",
            ),
            pytest.param({"side": "up"}, InvalidValueError, "'side' must be one of", id="side"),
            pytest.param(
                {"stop": Decimal("NaN")}, InvalidValueError, "'stop' must be finite", id="nan"
            ),
        ],
    )
    def test_bad_thresholds(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad thresholds are refused."""
        args: dict[str, Any] = {"explain": Fraction(1, 20), "stop": Fraction(1, 10)} | kwargs
        with pytest.raises(error, match=match):
            VarianceThresholds(**args)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"month": Period.parse("2025-W10")},
                InvalidValueError,
                "'month' must be a calendar month, got '2025-W10'",
                id="week",
            ),
            pytest.param({"month": "2025-03"}, TypeError, "'month' must be Period", id="string"),
            pytest.param({"amount": 10}, TypeError, "'amount' must be Money", id="int"),
            pytest.param({"code": "  "}, InvalidValueError, "'code' must not be empty", id="blank"),
            pytest.param({"code": None}, TypeError, "'code' must be a str", id="none"),
        ],
    )
    def test_bad_actual(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad actuals are refused."""
        args: dict[str, Any] = {"code": "INC-FEE", "month": MARCH, "amount": cny("1")} | kwargs
        with pytest.raises(error, match=match):
            Actual(**args)

    def test_bad_figures(self) -> None:
        """Figures are in one currency; percent places are not negative."""
        with pytest.raises(CurrencyMismatchError, match=r"'actual' 1\.00 USD"):
            VarianceFigures(budget=cny("1"), actual=Money("1", "USD"), status="ok")
        with pytest.raises(InvalidValueError, match="'places' must be from 0 to 28, got -1"):
            VarianceFigures(budget=cny("1"), actual=cny("2"), status="ok").percent(-1)

    def test_row_repr(self) -> None:
        """Rows show the net kind as None."""
        f = VarianceFigures(budget=cny("1"), actual=cny("1"), status="ok")
        row = VarianceRow(level="total", label="net", kind=None, month=f, year_to_date=f)
        assert "kind=None" in repr(row)


class TestCollection:
    """Fee collection against the 60 %-by-March curve."""

    def test_curve(self) -> None:
        """Linear between points from 0, flat after the last point."""
        assert [CURVE.target(m) for m in (1, 2, 3, 12)] == [
            Fraction(1, 5),
            Fraction(2, 5),
            Fraction(3, 5),
            Fraction(19, 20),
        ]
        flat = CollectionCurve(months=(6,), shares=(Fraction(1, 2),))
        assert flat.target(9) == Fraction(1, 2)

    def test_sample(self) -> None:
        """The sample: 4,608,000 billed; 60 % by the end of March is 2,764,800."""
        collected = [cny("1520000.00"), cny("760000.00"), cny("301400.00")]
        p = collection_progress(cny("4608000.00"), collected, period=MARCH, curve=CURVE)
        assert p.current.target_amount == cny("2764800.00")
        assert p.current.cumulative == cny("2581400.00")
        assert p.shortfall == cny("183400.00")
        assert p.rate == Rate(258140000, 460800000)
        assert p.plan_date == date(2025, 3, 20)
        assert [m.on_track for m in p.months] == [True, True, False]
        text = p.to_text()
        assert text.splitlines()[-2].endswith("56.0%   60.0%  183,400.00")
        assert "collect 183,400.00 CNY more by 2025-03-31" in text

    def test_ahead(self) -> None:
        """Ahead of the curve the shortfall is zero."""
        p = collection_progress(
            cny("100"), [cny("100")], period=Period.parse("2025-01"), curve=CURVE
        )
        assert p.shortfall == cny("0")
        assert p.current.gap == cny("-80.00")

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            pytest.param(
                (cny("0"), []),
                {"period": Period.parse("2025-01")},
                InvalidValueError,
                "'billed' must be positive",
                id="zero-billed",
            ),
            pytest.param(
                (cny("100"), [cny("1")]),
                {},
                InvalidValueError,
                "one amount per month January–2025-03, 3, got 1",
                id="count",
            ),
            pytest.param(
                (cny("100"), [cny("1"), cny("1"), Money("1", "USD")]),
                {},
                CurrencyMismatchError,
                r"'collected\[2\]' is 1.00 USD",
                id="currency",
            ),
            pytest.param(
                (cny("100"), [cny("1"), cny("-1"), cny("1")]),
                {},
                InvalidValueError,
                r"'collected\[1\]' must not be negative",
                id="negative",
            ),
            pytest.param(
                (cny("100"), [cny("1")] * 3),
                {"period": Period.parse("2025-Q1")},
                InvalidValueError,
                "'period' must be a calendar month",
                id="quarter",
            ),
            pytest.param(
                (100.0, [cny("1")] * 3), {}, TypeError, "'billed' must be Money", id="float"
            ),
            pytest.param(
                (cny("100"), [1, 2, 3]), {}, TypeError, r"'collected\[0\]' must be Money", id="ints"
            ),
        ],
    )
    def test_bad(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad collection inputs are refused."""
        options: dict[str, Any] = {"period": MARCH, "curve": CURVE} | kwargs
        with pytest.raises(error, match=match):
            collection_progress(*args, **options)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"months": ()}, InvalidValueError, "equally long and not empty", id="empty"
            ),
            pytest.param({"months": (3,)}, InvalidValueError, "equally long", id="lengths"),
            pytest.param({"months": (12, 3)}, InvalidValueError, "strictly increasing", id="order"),
            pytest.param(
                {"shares": (Fraction(3, 5), Fraction(1, 2))},
                InvalidValueError,
                "must not decrease",
                id="decrease",
            ),
            pytest.param(
                {"shares": (Fraction(3, 5), 2)},
                InvalidValueError,
                r"'shares\[1\]' must be between 0 and 1",
                id="above-1",
            ),
            pytest.param(
                {"shares": (0.6, 1)},
                TypeError,
                r"'shares\[0\]' must be an exact number",
                id="float",
            ),
            pytest.param(
                {"months": (0, 12)},
                InvalidValueError,
                r"'months\[0\]' must be a month",
                id="month-0",
            ),
        ],
    )
    def test_bad_curve(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad curves are refused."""
        args: dict[str, Any] = {
            "months": (3, 12),
            "shares": (Fraction(3, 5), Fraction(19, 20)),
        } | kwargs
        with pytest.raises(error, match=match):
            CollectionCurve(**args)

    def test_month_record(self) -> None:
        """A month record is judged against its target amount."""
        m = CollectionMonth(
            month=MARCH,
            collected=cny("1"),
            cumulative=cny("5"),
            rate=Rate(5, 10),
            target=Fraction(1, 2),
            target_amount=cny("5"),
        )
        assert m.on_track
        assert m.gap.is_zero


class TestFees:
    """包干制 fees and 酬金制 remuneration."""

    def test_sample_fee(self) -> None:
        """120,000 m² × 3.20 per m² per month = 384,000 a month, 4,608,000 a year."""
        fee = service_fee(120_000, cny("3.20"), rounding=Rounding.HALF_UP)
        assert (fee.monthly, fee.annual) == (cny("384000.00"), cny("4608000.00"))

    @pytest.mark.parametrize(
        ("area", "rounding", "monthly"),
        [
            pytest.param("85.33", "half_up", "273.06", id="half-up"),
            pytest.param("85.33", "down", "273.05", id="down"),
            pytest.param(Decimal("85.33"), "up", "273.06", id="decimal"),
            pytest.param("1,000", "half_even", "3200.00", id="comma"),
        ],
    )
    def test_rounding(self, area: Any, rounding: str, monthly: str) -> None:
        """The monthly fee is rounded once, as asked."""
        assert service_fee(area, cny("3.20"), rounding=rounding).monthly == cny(monthly)

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param(
                {"area_m2": 100.5}, TypeError, "'area_m2' must be an int or Decimal", id="float"
            ),
            pytest.param(
                {"area_m2": -1}, InvalidValueError, "'area_m2' must not be negative", id="negative"
            ),
            pytest.param(
                {"area_m2": "abc"},
                InvalidValueError,
                "'area_m2' must be a decimal number",
                id="text",
            ),
            pytest.param(
                {"area_m2": Decimal("Infinity")},
                InvalidValueError,
                "'area_m2' must be finite",
                id="inf",
            ),
            pytest.param(
                {"rate": cny("-3.20")},
                InvalidValueError,
                "'rate' must not be negative",
                id="negative-rate",
            ),
            pytest.param(
                {"rounding": "nearest"},
                InvalidValueError,
                "'rounding' must be one of .*got 'nearest'",
                id="rounding",
            ),
        ],
    )
    def test_bad_fee(self, kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
        """Bad fee inputs are refused."""
        args: dict[str, Any] = {"area_m2": 100, "rate": cny("3.20"), "rounding": "half_up"} | kwargs
        with pytest.raises(error, match=match):
            ServiceFee(**args)

    def test_remuneration(self) -> None:
        """8 % of the sample's fees is the manager's remuneration; the rest pays for services."""
        r = remuneration(cny("4608000.00"), share=Decimal("0.08"), rounding="half_up")
        assert r.amount == cny("368640.00")
        assert r.amount + r.for_services == r.fees

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            pytest.param({"share": 0.08}, TypeError, "'share' must be an exact number", id="float"),
            pytest.param(
                {"share": 2},
                InvalidValueError,
                "'share' must be between 0 and 1, got 2",
                id="above-1",
            ),
            pytest.param(
                {"share": Fraction(-1, 10)},
                InvalidValueError,
                "between 0 and 1",
                id="negative-share",
            ),
            pytest.param(
                {"fees": cny("-1")},
                InvalidValueError,
                "'fees' must not be negative",
                id="negative-fees",
            ),
            pytest.param({"fees": 100}, TypeError, "'fees' must be Money", id="int-fees"),
            pytest.param(
                {"rounding": None}, TypeError, "'rounding' must be a Rounding or str", id="rounding"
            ),
        ],
    )
    def test_bad_remuneration(
        self, kwargs: dict[str, Any], error: type[Exception], match: str
    ) -> None:
        """Bad remuneration inputs are refused."""
        args: dict[str, Any] = {
            "fees": cny("100"),
            "share": Fraction(1, 10),
            "rounding": "half_up",
        } | kwargs
        with pytest.raises(error, match=match):
            Remuneration(**args)


def test_profile_kind_values() -> None:
    """Vocabularies are lowercase strings."""
    assert [k.value for k in ProfileKind] == ["even", "by_days", "weights"]
    assert str(UTC) == "UTC"


class TestLocalDate:
    """variance() places `as_of` in a date in the property's zone (semantics §14.5)."""

    AS_OF_UTC = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)  # 07:30 on 1 April in Shanghai
    APRIL = Period.parse("2025-04")

    def run(self, zone: str, actuals: list[Actual]) -> VarianceReport:
        """March's report at 2025-03-31T23:30Z in *zone*."""
        return variance(
            SAMPLE, actuals, period=MARCH, as_of=self.AS_OF_UTC, zone=zone, thresholds=LIMITS
        )

    def test_shanghai_is_in_april(self) -> None:
        """2025-03-31T23:30Z is 1 April in Asia/Shanghai: March is over, April may be booked."""
        april = Actual(code="INC-FEE", month=self.APRIL, amount=cny("1"))
        report = self.run("Asia/Shanghai", [april])
        assert report.as_of_date == date(2025, 4, 1)
        assert report.complete
        assert "final" in report.to_text().splitlines()[0]
        assert "2025-04-01T07:30+08:00 (Asia/Shanghai)" in report.to_text()

    def test_utc_is_still_march(self) -> None:
        """The same instant in UTC is 31 March: March is not over, April is refused."""
        report = self.run("UTC", [])
        assert report.as_of_date == date(2025, 3, 31)
        assert not report.complete
        april = Actual(code="INC-FEE", month=self.APRIL, amount=cny("1"))
        with pytest.raises(InvalidValueError, match=r"after 'as_of' .* \(2025-03-31 where") as info:
            self.run("UTC", [april])
        assert info.value.field == "actuals[0]"

    def test_the_offset_of_as_of_does_not_decide(self) -> None:
        """An instant written with -05:00 is placed in the given zone, not in its own offset."""
        new_york = datetime(2025, 3, 31, 19, 0, tzinfo=timezone(timedelta(hours=-5)))
        report = variance(
            SAMPLE, [], period=MARCH, as_of=new_york, zone="Asia/Shanghai", thresholds=LIMITS
        )
        assert report.complete

    @pytest.mark.parametrize(
        ("zone", "error", "field"),
        [
            pytest.param("Mars/Olympus", InvalidValueError, "zone", id="unknown"),
            pytest.param("", InvalidValueError, "zone", id="empty"),
        ],
    )
    def test_bad_zone(self, zone: str, error: type[Exception], field: str) -> None:
        """An unknown zone is refused, naming 'zone'."""
        with pytest.raises(error) as info:
            self.run(zone, [])
        assert info.value.field == field  # type: ignore[attr-defined]

    def test_zone_must_be_text(self) -> None:
        """A zone that is no str is a TypeError."""
        with pytest.raises(TypeError, match="'zone' must be a str"):
            self.run(8, [])  # type: ignore[arg-type]

    def test_as_of_at_the_end_of_time(self) -> None:
        """An instant in year 9999 is refused by name instead of overflowing."""
        with pytest.raises(InvalidValueError) as info:
            variance(
                SAMPLE,
                [],
                period=MARCH,
                as_of=datetime(9999, 12, 31, 23, tzinfo=UTC),
                zone="Asia/Shanghai",
                thresholds=LIMITS,
            )
        assert info.value.field == "as_of"


class TestReportTable:
    """The variance report renders through the one table renderer from its rows()."""

    def report(self) -> VarianceReport:
        """The sample's March report."""
        return variance(
            SAMPLE, march_actuals(), period=MARCH, as_of=AS_OF, zone=ZONE, thresholds=LIMITS
        )

    def test_rows_is_the_entries(self) -> None:
        """rows() returns the typed rows, the same tuple as `entries`."""
        report = self.report()
        assert report.rows() is report.entries
        assert len(report.rows()) == 9 + 9 + 3
        assert report.rows()[9].title_zh == "物业服务费"
        assert [r.title_zh for r in report.rows_at("total")] == ["收入", "支出", "净额"]

    def test_repr_is_one_line(self) -> None:
        """repr() is one short line; print() shows the table."""
        report = self.report()
        assert repr(report) == (
            "<VarianceReport 2025-03 CNY, 9 lines, net variance -17110.21 CNY (stop)>"
        )
        assert "\n" not in repr(report)

    def test_chinese_labels_align(self) -> None:
        """Amount columns end in one terminal column although the labels are Chinese."""
        lines = self.report().to_text().splitlines()[3:-1]
        ends = {_width(line[: line.index(".", 10) + 3]) for line in lines}
        assert len(ends) == 1

    def test_renamed_field_reads_back(self) -> None:
        """The report's data has `entries` (was `rows`) and `zone`."""
        from propstd.serialization import from_data, to_data

        data = to_data(self.report())
        assert "entries" in data
        assert "rows" not in data
        assert data["zone"] == "Asia/Shanghai"
        assert from_data(VarianceReport, data) == self.report()


def _width(text: str) -> int:
    """Terminal columns of *text* (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class TestCollectionTable:
    """Collection progress renders through the one table renderer from its rows()."""

    def progress(self) -> CollectionProgress:
        """The sample's fee collection to March."""
        collected = [cny("1520000.00"), cny("760000.00"), cny("301400.00")]
        return collection_progress(cny("4608000.00"), collected, period=MARCH, curve=CURVE)

    def test_rows_and_repr(self) -> None:
        """rows() returns the months; repr() is one line."""
        p = self.progress()
        assert p.rows() == p.months
        assert [str(m.month) for m in p.rows()] == ["2025-01", "2025-02", "2025-03"]
        assert repr(p) == (
            "<CollectionProgress 2025-03: 56.0% (258140000/460800000) collected, "
            "target 60.0%, shortfall 183400.00 CNY>"
        )

    def test_text(self) -> None:
        """The text is the month-by-month table with the plan for the 20th."""
        assert self.progress().to_text() == "\n".join(
            [
                "Fee collection 2025 to 2025-03, billed 4,608,000.00 CNY (物业费收缴进度)",
                "month       collected    cumulative   rate  target   behind by",
                "-------  ------------  ------------  -----  ------  ----------",
                "2025-01  1,520,000.00  1,520,000.00  33.0%   20.0%",
                "2025-02    760,000.00  2,280,000.00  49.5%   40.0%",
                "2025-03    301,400.00  2,581,400.00  56.0%   60.0%  183,400.00",
                "to plan on 2025-03-20: collect 183,400.00 CNY more by 2025-03-31",
            ]
        )

    def test_html_marks_months_behind(self) -> None:
        """HTML marks the months behind the curve."""
        html = self.progress().to_html()
        assert html.count('<tr class="behind">') == 1
        assert self.progress()._repr_html_() == html
        assert "| 2025-03 | 301,400.00 |" in self.progress().to_markdown()


class TestDeprecatedNames:
    """0.1's names still work for one release, with a DeprecationWarning."""

    def test_category(self) -> None:
        """budgets.Category is BudgetCategory, with a warning naming the new name."""
        with pytest.warns(DeprecationWarning, match="use propstd.budgets.BudgetCategory"):
            old = budgets.Category
        assert old is BudgetCategory

    def test_working_days(self) -> None:
        """budgets.WorkingDays is calendars.WorkingDays, with a warning naming it."""
        from propstd.calendars import WorkingDays

        with pytest.warns(DeprecationWarning, match="use propstd.calendars.WorkingDays"):
            old = budgets.WorkingDays
        assert old is WorkingDays

    def test_unknown_name(self) -> None:
        """Any other missing name is an AttributeError."""
        with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
            _ = budgets.Nope

    def test_not_listed(self) -> None:
        """The old names are not in __all__ or dir()."""
        assert "Category" not in dir(budgets)
        assert "WorkingDays" not in budgets.__all__


class TestWords:
    """Kinds, categories and statuses read the seeds' Chinese words (§14.7)."""

    @pytest.mark.parametrize(
        ("kind", "category", "expected"),
        [
            pytest.param("收入", "物业服务费", BudgetCategory.SERVICE_FEE, id="service-fee"),
            pytest.param("收入", "停车费", BudgetCategory.PARKING, id="parking"),
            pytest.param("收入", "有偿服务", BudgetCategory.PAID_SERVICES, id="paid"),
            pytest.param("收入", "其他收入", BudgetCategory.OTHER, id="other"),
            pytest.param("支出", "人工成本", BudgetCategory.LABOUR, id="labour"),
            pytest.param("支出", "物料", BudgetCategory.MATERIALS, id="materials"),
            pytest.param("支出", "外包服务", BudgetCategory.SERVICES, id="services"),
            pytest.param("支出", "运营费用", BudgetCategory.OPERATIONS, id="operations"),
            pytest.param("支出", "租金税费及其他", BudgetCategory.RENT_TAX_OTHER, id="rent"),
            pytest.param("cost", "Rent Tax Other", BudgetCategory.RENT_TAX_OTHER, id="english"),
        ],
    )
    def test_line_words(self, kind: str, category: str, expected: BudgetCategory) -> None:
        """A line reads its kind and category in Chinese; values stay English."""
        line = BudgetLine("X", kind, category, cny("1"))
        assert line.category is expected
        assert line.kind is expected.kind
        assert str(line.category) == expected.value

    def test_other_vocabularies(self) -> None:
        """Statuses, sides, profiles, carry-forward and levels have Chinese labels."""
        assert VarianceStatus("叫停") is VarianceStatus.STOP
        assert VarianceSide("双向") is VarianceSide.BOTH
        assert ProfileKind("按天数") is ProfileKind.BY_DAYS
        assert CarryForward("结转") is CarryForward.UNSPENT
        assert RowLevel("合计") is RowLevel.TOTAL
        assert SAMPLE.total("收入") == SAMPLE.total("income")
        assert LIMITS.judge(cny("100"), cny("94"), kind="收入") is VarianceStatus.EXPLAIN


class TestSeasonal:
    """Profile.seasonal: peak months weigh more (summer air-conditioning, winter heating)."""

    def test_weights(self) -> None:
        """Peak months weigh *peak*, the others 1; the name is kept."""
        p = Profile.seasonal([6, 7, 8, 9], peak=Fraction(3, 2), name="summer")
        weights = p.month_weights(2025)
        assert weights == tuple(Fraction(3, 2) if m in (6, 7, 8, 9) else 1 for m in range(1, 13))
        assert (p.kind, p.label) == (ProfileKind.WEIGHTS, "summer")

    def test_split(self) -> None:
        """A year of 14 weight units: 1,400.00 gives 100.00 a month and 150.00 in a peak month."""
        months = split_monthly(cny("1400.00"), 2025, Profile.seasonal([1, 12], peak=2))
        assert months[0] == months[11] == cny("200.00")
        assert months[5] == cny("100.00")

    def test_repeated_and_no_peaks(self) -> None:
        """A month named twice counts once; no peak months is an even profile."""
        twice = Profile.seasonal([7, 7], peak=3).month_weights(2025)
        assert twice.count(Fraction(3)) == 1
        assert set(Profile.seasonal([], peak=3).month_weights(2025)) == {Fraction(1)}

    def test_zero_peak(self) -> None:
        """A zero peak leaves the peak months empty (a closed season)."""
        months = split_monthly(cny("100.00"), 2025, Profile.seasonal([1, 2], peak=0))
        assert months[:2] == (cny("0"), cny("0"))
        assert Money.sum(months, currency="CNY") == cny("100.00")

    @pytest.mark.parametrize(
        ("months", "peak", "error", "field"),
        [
            pytest.param([13], 2, InvalidValueError, "peak_months[0]", id="month-13"),
            pytest.param([1, 0], 2, InvalidValueError, "peak_months[1]", id="month-0"),
            pytest.param([6], -1, InvalidValueError, "peak", id="negative-peak"),
            pytest.param([6], Decimal("1e999999999"), InvalidValueError, "peak", id="huge"),
        ],
    )
    def test_bad(self, months: list[int], peak: Any, error: type[Exception], field: str) -> None:
        """Bad months and peaks are refused by name."""
        with pytest.raises(error) as info:
            Profile.seasonal(months, peak=peak)
        assert info.value.field == field  # type: ignore[attr-defined]

    def test_bad_types(self) -> None:
        """A month that is no int, or a float peak, is a TypeError."""
        with pytest.raises(TypeError, match=r"'peak_months\[0\]' must be an int"):
            Profile.seasonal(["6"], peak=2)  # type: ignore[list-item]
        with pytest.raises(TypeError, match="'peak' must be an exact number"):
            Profile.seasonal([6], peak=1.5)  # type: ignore[arg-type]


class TestLinesGaps:
    """Pins for comparisons in budgets/_lines.py that a mutant could flip unnoticed."""

    def test_thirteen_weights(self) -> None:
        """Thirteen weights are refused as well as eleven (the count must be exactly 12)."""
        with pytest.raises(InvalidValueError, match="12 monthly weights, got 13") as info:
            Profile.weights([1] * 13)
        assert info.value.field == "factors"

    def test_labels(self) -> None:
        """A name wins over the weights; kinds print with spaces."""
        assert Profile.weights([1] * 12, name="flat").label == "flat"
        assert Profile.weights([Fraction(1, 2)] + [1] * 11).label.startswith("weights 1/2,1")
        assert Profile.by_days().label == "by days"
        assert Profile.even().label == "even"

    def test_month_weights_year_bounds(self) -> None:
        """Years outside 2-9998 are refused by name (no bare ValueError from `calendar`)."""
        assert len(Profile.by_days().month_weights(9998)) == 12
        for year in (1, 9999, 10**6):
            with pytest.raises(InvalidValueError) as info:
                Profile.by_days().month_weights(year)
            assert info.value.field == "year"

    def test_a_week_without_working_days_stays_a_part(self) -> None:
        """Splitting by week, a whole week without working days is a zero part, not dropped."""
        holidays = _Holidays({date(2025, 3, d) for d in range(10, 15)})
        weeks = split(cny("100.00"), MARCH, unit="week", calendar=holidays)
        assert weeks.labels[2] == "2025-W11"
        assert weeks.amounts[2] == cny("0")
        assert len(weeks.parts) == 6

    def test_a_non_working_single_day_is_dropped(self) -> None:
        """Splitting by day, a non-working day is no part; a working one is."""
        days = split(cny("3.00"), Period.parse("2025-03-07/2025-03-11"), unit="day",
                     calendar=_Weekdays())  # fmt: skip
        assert days.labels == ("2025-03-07", "2025-03-10")
        assert days.amounts == (cny("1.50"), cny("1.50"))

    def test_split_by_month(self) -> None:
        """A quarter splits into its months by days."""
        months = split(cny("90.00"), Period.parse("2025-Q1"), unit="month")
        assert months.labels == ("2025-01", "2025-02", "2025-03")
        assert months.amounts == (cny("31.00"), cny("28.00"), cny("31.00"))
        assert months.parts[1].period == Period.parse("2025-02")

    def test_category_of_the_other_kind(self) -> None:
        """A cost category on an income line is refused, naming the category."""
        with pytest.raises(InvalidValueError, match="'labour' is a cost category") as info:
            BudgetLine("X", "income", "labour", cny("1"))
        assert (info.value.field, info.value.value) == ("category", BudgetCategory.LABOUR)


class _Holidays:
    """Weekdays except the given days off."""

    def __init__(self, off: set[date]) -> None:
        self.off = off

    def is_working_day(self, day: date, /) -> bool:
        return day.weekday() < 5 and day not in self.off


class TestErrorsCarryData:
    """Every refusal names its field and keeps the offending value (§14.9)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(lambda: Budget(year=2025, lines=[]), "lines", id="no-lines"),
            pytest.param(lambda: Budget(year=1, lines=sample_lines()), "year", id="year"),
            pytest.param(lambda: SAMPLE.line("NOPE"), "code", id="line"),
            pytest.param(lambda: SAMPLE.total("profit"), "kind", id="total"),
            pytest.param(
                lambda: Budget(year=2025, lines=sample_lines() * 2), "lines[9]", id="repeat"
            ),
            pytest.param(
                lambda: Budget(
                    year=2025,
                    lines=sample_lines(),
                    revisions=[Revision(code="NOPE", from_month=2, annual=cny("1"))],
                ),
                "revisions[0]",
                id="revision",
            ),
            pytest.param(
                lambda: Revision(code="A", from_month=13, annual=cny("1")), "from_month", id="month"
            ),
            pytest.param(lambda: split(cny("1"), weights={}), "weights", id="no-weights"),
            pytest.param(
                lambda: split(cny("1"), weights=[("a", 1), ("a", 1)]), "weights[1]", id="twice"
            ),
            pytest.param(
                lambda: split(cny("1"), MARCH, unit="day", calendar=_Never()),
                "period",
                id="no-day",
            ),
            pytest.param(
                lambda: split(cny("1"), weights=[("a", 1)]).amount_of("b"), "label", id="label"
            ),
            pytest.param(
                lambda: VarianceThresholds(explain=Fraction(1, 5), stop=Fraction(1, 10)),
                "stop",
                id="thresholds",
            ),
            pytest.param(
                lambda: CollectionCurve(months=(3, 2), shares=(0, 1)), "months", id="curve"
            ),
            pytest.param(
                lambda: CollectionCurve(months=(3,), shares=(2,)), "shares[0]", id="share"
            ),
            pytest.param(
                lambda: collection_progress(cny("0"), [cny("1")], period=MARCH, curve=CURVE),
                "billed",
                id="billed",
            ),
            pytest.param(
                lambda: collection_progress(cny("1"), [cny("1")], period=MARCH, curve=CURVE),
                "collected",
                id="collected",
            ),
            pytest.param(
                lambda: service_fee("abc", cny("1"), rounding="half_up"), "area_m2", id="area"
            ),
            pytest.param(
                lambda: remuneration(cny("1"), share=2, rounding="half_up"), "share", id="share2"
            ),
            pytest.param(
                lambda: variance(
                    SAMPLE,
                    [],
                    period=Period.parse("2025-Q1"),
                    as_of=AS_OF,
                    zone=ZONE,
                    thresholds=LIMITS,
                ),
                "period",
                id="period",
            ),
            pytest.param(
                lambda: variance(
                    SAMPLE, [], period=MARCH, as_of=AS_OF, zone=ZONE, thresholds=LIMITS
                ).row("X"),
                "label",
                id="row",
            ),
        ],
    )
    def test_field(self, call: Callable[[], object], field: str) -> None:
        """The error's `field` names what was wrong."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field


class TestBoundsAndContexts:
    """Size bounds and hostile decimal contexts (§14.10)."""

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            pytest.param(
                lambda: Profile.weights([Decimal("1e999999999")] + [1] * 11),
                "weights[0]",
                id="weight",
            ),
            pytest.param(
                lambda: VarianceThresholds(explain=0, stop=10**200), "stop", id="threshold"
            ),
            pytest.param(
                lambda: service_fee("1e999999999", cny("3.20"), rounding="half_up"),
                "area_m2",
                id="area",
            ),
            pytest.param(
                lambda: service_fee("9" * 10_001, cny("3.20"), rounding="half_up"),
                "area_m2",
                id="area-text",
            ),
            pytest.param(
                lambda: split(cny("1"), weights=[("a", Decimal("1e-999999999"))]),
                "weights[a]",
                id="split-weight",
            ),
            pytest.param(
                lambda: VarianceFigures(budget=cny("1"), actual=cny("2"), status="ok").percent(29),
                "places",
                id="places",
            ),
        ],
    )
    def test_refused(self, call: Callable[[], object], field: str) -> None:
        """Each raises InvalidValueError at once, naming the field."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.field == field

    def test_hostile_context(self) -> None:
        """Reports, percentages and text are the same under the worst decimal context."""

        def everything() -> tuple[object, ...]:
            report = variance(
                SAMPLE, march_actuals(), period=MARCH, as_of=AS_OF, zone=ZONE, thresholds=LIMITS
            )
            collected = [cny("1520000.00"), cny("760000.00"), cny("301400.00")]
            progress = collection_progress(cny("4608000.00"), collected, period=MARCH, curve=CURVE)
            fee = service_fee("85.33", cny("3.20"), rounding="half_up")
            return (
                report,
                report.to_text(),
                str(report.row("COST-MAT").month.percent(3)),
                progress,
                progress.to_text(),
                fee.monthly,
            )

        expected = everything()
        with localcontext(hostile_context()):
            assert everything() == expected

    def test_malformed_area_without_traps(self) -> None:
        """With InvalidOperation not trapped, a malformed area is still 'no decimal number'."""
        lenient = decimal.Context(traps=[])
        with localcontext(lenient), pytest.raises(InvalidValueError, match="decimal number"):
            service_fee("abc", cny("1"), rounding="half_up")


class TestSplitRefusalsInFull:
    """split(), Allocation and AllocationPart refuse with the whole message, field and value."""

    TEN = Money("10.00", "CNY")

    def test_seasonal_default_name_and_weights_basis(self) -> None:
        """A seasonal profile has no name unless given; a split by name has the basis 'weights'."""
        assert Profile.seasonal([7], peak=2).name == ""
        assert split(self.TEN, weights={"a": 1}).basis == "weights"

    @pytest.mark.parametrize(
        ("call", "message", "field", "value"),
        [
            pytest.param(
                lambda: AllocationPart(label="a", weight=Decimal("NaN"), amount=Money("1", "CNY")),
                "'weight' must be finite, got Decimal('NaN')",
                "weight",
                Decimal("NaN"),
                id="part-weight",
            ),
            pytest.param(
                lambda: split(Money("10.00", "CNY"), weights={"a": 1}).amount_of("b"),
                "no part labelled 'b'; labels are ['a']",
                "label",
                "b",
                id="no-such-label",
            ),
            pytest.param(
                lambda: split(
                    Money("10.00", "CNY"), Period.parse("2025-03"), unit="week", weights={"a": 1}
                ),
                "give exactly one of 'unit' and 'weights', got unit='week', weights={'a': 1}",
                "unit",
                "week",
                id="unit-and-weights",
            ),
            pytest.param(
                lambda: split(Money("10.00", "CNY"), unit="week"),
                "'period' is needed to split by unit 'week'",
                "period",
                None,
                id="no-period",
            ),
            pytest.param(
                lambda: split(Money("10.00", "CNY"), weights=[]),
                "'weights' must name at least one part",
                "weights",
                [],
                id="no-weights",
            ),
            pytest.param(
                lambda: split(Money("10.00", "CNY"), weights=[("a", 1), ("a", 2)]),
                "'weights' names 'a' twice",
                "weights[1]",
                "a",
                id="repeated-name",
            ),
        ],
    )
    def test_refused(
        self, call: Callable[[], object], message: str, field: str, value: Any
    ) -> None:
        """Each refusal's message, field and value say what was wrong."""
        with pytest.raises(InvalidValueError) as info:
            call()
        assert info.value.message == message
        assert info.value.field == field
        if isinstance(value, Decimal):  # NaN equals nothing, itself included
            assert isinstance(info.value.value, Decimal)
            assert info.value.value.is_nan()
        else:
            assert info.value.value == value

    def test_parts_not_summing(self) -> None:
        """Parts that do not sum to the total are refused, keeping the parts."""
        part = AllocationPart(label="a", weight=1, amount=Money("1", "CNY"))
        with pytest.raises(InvalidValueError) as info:
            Allocation(total=self.TEN, basis="x", parts=[part])
        assert info.value.message == "'parts' sum to 1.00 CNY, not the 'total' 10.00 CNY"
        assert (info.value.field, info.value.value) == ("parts", (part,))

    def test_no_working_day(self) -> None:
        """A period with no working day names the period and shows the calendar."""
        cal = WorkingCalendar.weekly(days="mon-fri")
        weekend = Period.parse("2025-03-01/2025-03-03")
        with pytest.raises(InvalidValueError) as info:
            split(self.TEN, weekend, unit="day", calendar=cal)
        assert info.value.message == (
            "'period' 2025-03-01/2025-03-03 has no working day in 'calendar' "
            "WorkingCalendar.weekly(hours='09:00-18:00', days='mon-fri', zone='UTC')"
        )
        assert (info.value.field, info.value.value) == ("period", weekend)

    def test_not_a_pair(self) -> None:
        """A weight that is not a (name, weight) pair is a TypeError showing it."""
        with pytest.raises(TypeError) as info:
            split(self.TEN, weights=[("a", 1, 2)])  # type: ignore[list-item]
        assert str(info.value) == "'weights[0]' must be a (name, weight) pair, got ('a', 1, 2)"


class TestProfileRefusalsInFull:
    """Profile and BudgetLine refusals carry the whole message, the field and the value."""

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            pytest.param(
                {"kind": "weights", "factors": [1] * 11},
                "'factors' must hold 12 monthly weights, got 11",
                id="eleven",
            ),
            pytest.param(
                {"kind": "weights", "factors": [0] * 12},
                "'factors' must have a positive sum, got (Fraction(0, 1), Fraction(0, 1), "
                "Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), ...)",
                id="zero-sum",
            ),
            pytest.param(
                {"kind": "even", "factors": [1] * 12},
                "'factors' must be empty for a 'even' profile, got (Fraction(1, 1), "
                "Fraction(1, 1), Fraction(1, 1), Fraction(1, 1), Fraction(1, 1), "
                "Fraction(1, 1), ...)",
                id="factors-of-even",
            ),
        ],
    )
    def test_factors(self, kwargs: dict[str, Any], message: str) -> None:
        """Wrong factors are refused naming 'factors' and keeping them."""
        with pytest.raises(InvalidValueError) as info:
            Profile(**kwargs)
        assert info.value.message == message
        assert info.value.field == "factors"
        assert info.value.value == tuple(Fraction(f) for f in kwargs["factors"])

    def test_even_weights_are_ones(self) -> None:
        """An even profile weighs every month 1."""
        assert Profile.even().month_weights(2025) == (Fraction(1),) * 12

    def test_thirteenth_month_defaults_to_january(self) -> None:
        """The 13th month is paid in January unless told, and the profile says so."""
        p = Profile.thirteenth_month()
        assert p == Profile.thirteenth_month(1)
        assert p.name == "13th month in 01"
        assert p.month_weights(2025)[:2] == (Fraction(2), Fraction(1))

    def test_unknown_category(self) -> None:
        """An unknown category is refused naming 'category'."""
        with pytest.raises(InvalidValueError) as info:
            BudgetLine("L-1", "cost", "nonsense", Money("1", "CNY"))
        assert (info.value.field, info.value.value) == ("category", "nonsense")
