"""Dates and reading time as readers see them: the site's time zone, locale, date format and words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from babel.dates import format_date

from mkdocs_ctoblog.views.cards import DateView


class Formatter:
    """Dates and reading time in the site's time zone, locale and words (dates formatted once)."""

    def __init__(
        self,
        tz: ZoneInfo,
        locale: str,
        date_format: str,
        strings: Mapping[str, str],
        *,
        texts: dict[tuple[str, str, dt.date], str] | None = None,
    ) -> None:
        """`texts` keeps formatted days (by locale, format and day) across `mkdocs serve` rebuilds."""
        self.tz = tz
        self.locale = locale
        self.date_format = date_format
        self.strings = strings
        self._dates: dict[dt.datetime, DateView] = {}
        self._texts = {} if texts is None else texts

    def date(self, value: dt.datetime) -> DateView:
        view = self._dates.get(value)
        if view is None:
            local = value.astimezone(self.tz)
            key = (self.locale, self.date_format, local.date())
            text = self._texts.get(key)
            if text is None:  # Babel takes a tenth of a millisecond a date
                text = self._texts[key] = format_date(local.date(), format=self.date_format, locale=self.locale)
            view = self._dates[value] = DateView(local.isoformat(), text)
        return view

    def reading(self, minutes: int) -> str:
        return self.strings["min_read"].format(minutes=minutes)
