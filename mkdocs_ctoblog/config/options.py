"""Option types shared by the config classes: strict sub-configs, numbers, site paths, URLs, formats."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog import outpaths, safe_urls
from mkdocs_ctoblog.jekyll import permalink
from mkdocs_ctoblog.safe_urls import safe_url
from mkdocs_ctoblog.shown import shown


class StrictConfig(base.Config):
    """A config whose unknown keys are errors (MkDocs only warns), so typos never pass silently."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        unknown = [(key, w) for key, w in warnings if str(w).startswith("Unrecognised configuration name")]
        failed += [(key, base.ValidationError(str(w))) for key, w in unknown]
        return failed, [item for item in warnings if item not in unknown]


class Number(c.Type):
    """A non-negative number; ints are accepted where floats are meant."""

    def __init__(self, default: float) -> None:
        super().__init__((int, float), default=default)

    def run_validation(self, value: object) -> float:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 0:  # type: ignore[operator]
            raise base.ValidationError(f"Expected a number of 0 or more, but received: {value!r}")
        return float(value)  # type: ignore[arg-type]


class PositiveInt(c.Type):
    """A whole number of 1 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if isinstance(value, bool) or value < 1:  # type: ignore[operator]
            raise base.ValidationError(f"Expected a whole number of 1 or more, but received: {value!r}")
        return value  # type: ignore[return-value]


_TOKENS = re.compile(r"\{[a-z_]+\}|:[a-z_]+")


class SitePath(c.Type):
    """A path inside docs_dir or the site (`blog`, `{slug}`): no `..`, drive letter or control
    character, also when percent-encoded or written with backslashes. `placeholders` are
    filled with sample values before the check; a `folder` is returned normalised (`./blog\\`
    → `blog`, `/` → ``)."""

    def __init__(
        self,
        default: str | None = None,
        *,
        placeholders: dict[str, str] | None = None,
        folder: bool = False,
        formatted: bool = False,
    ) -> None:
        super().__init__(str, default=default)
        self.placeholders = placeholders or {}
        self.folder = folder
        self.formatted = formatted
        """Filled with `str.format`: only the `placeholders` may appear (checked)."""

    def sample(self, text: str) -> str:
        """The value with its placeholders filled."""
        for name, example in self.placeholders.items():
            text = text.replace("{" + name + "}", example)
        return text

    def run_validation(self, value: object) -> str:
        text: str = super().run_validation(value)
        if self.formatted:
            check_placeholders(text, self.placeholders)
        try:
            found = outpaths.normalise(self.sample(text), url=True)
        except outpaths.UnsafePath as exc:
            raise base.ValidationError(f"Expected a path inside the site, but received: {text!r}, which {exc}") from None
        if found.has_parent:
            raise base.ValidationError(f"Expected a path inside the site, without '..', but received: {text!r}")
        return outpaths.normalise(text).path if self.folder else text


def check_placeholders(text: str, samples: Mapping[str, object]) -> None:
    """Raise a ValidationError unless `text.format(**samples)` works and uses only their names
    (no positional `{}`, no `{name.attribute}` or `{name[index]}`)."""
    allowed = ", ".join("{" + name + "}" for name in samples) or "none"
    try:
        names = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as exc:
        raise base.ValidationError(f"Expected text with placeholders {allowed} ({exc}), but received: {shown(text)}") from None
    for name in names:
        if name not in samples:
            raise base.ValidationError(
                f"Expected only the placeholders {allowed}, but received {shown(text)} with {{{name[:40]}}}"
            )
    try:
        text.format(**samples)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise base.ValidationError(f"Expected text with placeholders {allowed} ({exc}), but received: {shown(text)}") from None


class DateFormat(c.Type):
    """A Babel date format: `short`, `medium`, `long`, `full` or a pattern like `d MMMM y`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        from babel.dates import format_date

        text: str = super().run_validation(value)
        try:
            format_date(dt.date(2024, 1, 31), format=text, locale="en")
        except (ValueError, AttributeError, KeyError, TypeError) as exc:
            raise base.ValidationError(
                f"Expected a Babel date format such as 'medium' or 'd MMMM y' ({exc}), but received: {shown(text)}"
            ) from None
        return text


class SafeUrl(c.Type):
    """A URL `safe_urls` accepts (relative, site path, http(s), mailto), stored normalised."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text: str = super().run_validation(value)
        checked = safe_url(text)
        if checked is None:
            raise base.ValidationError(f"Expected {safe_urls.EXPECTED}, but received: {shown(text)}")
        return checked


class Timezone(c.Type):
    """An IANA time zone name such as `Europe/London`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        name = super().run_validation(value)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise base.ValidationError(
                f"Expected an IANA time zone name such as 'Europe/London', but received: {name!r}"
            ) from None
        return name


class PostUrlFormat(SitePath):
    """A URL pattern with `{tokens}`, or one in Jekyll's syntax (placeholders checked as Jekyll does)."""

    def __init__(self) -> None:
        super().__init__("{slug}")

    def run_validation(self, value: object) -> str:
        text = str(c.Type.run_validation(self, value)).strip()
        if permalink.is_template(text):
            unknown = permalink.unknown_placeholders(text)
            if unknown:
                raise base.ValidationError(
                    f"Expected Jekyll's placeholders (:title, :year, :categories ...), but received: {', '.join(unknown)}"
                )
            if "{" in text:
                raise base.ValidationError(f"Expected either {{tokens}} or Jekyll's :placeholders, not both, but received: {text!r}")
        return super().run_validation(text)

    def sample(self, text: str) -> str:
        """The pattern with its tokens and placeholders as plain names (their values are made safe per post)."""
        return _TOKENS.sub("x", text)
