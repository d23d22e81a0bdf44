"""Dates as real Jekyll blogs write them, made time-zone aware; and the build's "now"."""

from __future__ import annotations

import datetime as dt
import os
import re
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

EXPECTED = "a date like 2023-07-27 or 2023-07-27 09:13:32 +0100"

# A leading date-time and a trailing offset with anything in between (seen in a real blog:
# `2023-01-29 18:30:22 2023 -0800`).
_LEADING = re.compile(
    r"^\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[ T](?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
    r"(?:.*?\s(?P<offset>[+-]\d{2}:?\d{2}|Z|UTC|GMT))?\s*$"
)
_FILENAME = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<rest>.+)$")


# Two readings of a date with different defaults differ when dateutil had to guess a part.
_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))
_MARGIN = dt.timedelta(days=2)
_LONGEST = 100  # characters of a date written as text
_PARTIAL = re.compile(r"^[+-]?\d{4}(?:-?\d{2})?$")


class DateError(ValueError):
    """A value that is not a usable date; the message says what was expected."""


def now() -> dt.datetime:
    """The build time, or `SOURCE_DATE_EPOCH` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc)


def iso_seconds(value: dt.datetime) -> str:
    """ISO 8601 to the second (`2024-05-01T09:30:00+02:00`), as feeds and meta tags write dates."""
    return value.replace(microsecond=0).isoformat()


def to_aware(value: dt.date | dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A date (midnight) or datetime as an aware datetime, to the second (as Jekyll);
    naive values are in `tz`."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    value = value.replace(microsecond=0)
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value


def parse_date(value: object, tz: ZoneInfo) -> dt.datetime:
    """Parse a front-matter date (YAML date/datetime or string) into an aware datetime that can be
    shown in `tz` and in UTC (`0001-01-01 00:30 +0100` cannot)."""
    parsed = _parse(value, tz)
    try:
        parsed.astimezone(dt.timezone.utc), parsed.astimezone(tz)
        parsed + _MARGIN, parsed - _MARGIN  # room for "a day later" in feeds and sitemaps
    except (OverflowError, ValueError):
        raise DateError(f"a date between the years 2 and 9998 (this one cannot be shown in UTC or in {tz.key})") from None
    return parsed


def _parse(value: object, tz: ZoneInfo) -> dt.datetime:
    if isinstance(value, (dt.date, dt.datetime)):
        return to_aware(value, tz)
    if not isinstance(value, str) or not value.strip():
        raise DateError(EXPECTED)
    text = value.strip()
    if len(text) > _LONGEST or _PARTIAL.match(text):
        raise DateError(EXPECTED)  # a year or a month is not a date
    try:
        return to_aware(dateutil_parser.isoparse(text), tz)
    except (ValueError, OverflowError):
        pass
    if _iso_shaped_but_impossible(text):
        raise DateError("a real calendar date (the day or month is out of range)")
    parsed = _parse_leading(text)
    if parsed is None:
        parsed = _parse_unambiguous(text)
    if parsed is None:
        raise DateError(EXPECTED)
    return to_aware(parsed, tz)


def _iso_shaped_but_impossible(text: str) -> bool:
    match = _LEADING.match(text)
    if not match:
        return False
    year, month, day = (int(part) for part in match["date"].split("-"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return True
    return False


def _parse_unambiguous(text: str) -> dt.datetime | None:
    """dateutil's reading, only when it is absolute and unambiguous: day-first and month-first
    readings agree, and nothing was filled in from a default (`Friday`, `10:30` and `March` are
    not dates; dateutil would complete them from today's date)."""
    try:
        readings = {
            dateutil_parser.parse(text, dayfirst=dayfirst, default=default)
            for dayfirst in (False, True)
            for default in _DEFAULTS
        }
    except (ValueError, OverflowError):
        return None
    return readings.pop() if len(readings) == 1 else None


def _parse_leading(text: str) -> dt.datetime | None:
    match = _LEADING.match(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match["date"].split("-"))
    date = f"{year:04d}-{month:02d}-{day:02d}"
    rebuilt = " ".join(part for part in (date, match["time"], match["offset"]) if part)
    try:
        return dateutil_parser.parse(rebuilt)
    except (ValueError, OverflowError):
        return None


def split_filename(stem: str) -> tuple[dt.date | None, str, bool]:
    """`YYYY-M-D-slug` → (date or None, slug part, whether the name had a date prefix).

    An impossible date (`2023-20-07-title`) gives `None` with the prefix still removed.
    """
    match = _FILENAME.match(stem)
    if not match:
        return None, stem, False
    try:
        date = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        date = None
    return date, match["rest"], True
