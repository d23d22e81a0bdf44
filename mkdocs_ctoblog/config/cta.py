"""Config of the calls to action: named blocks, where they go, which posts get them."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import SafeUrl, StrictConfig


class CtaPosition(c.Type):
    """`bottom`, `top` or `after_paragraph:N`."""

    _pattern = re.compile(r"^after_paragraph\s*:\s*(\d+)$")

    def __init__(self) -> None:
        super().__init__(str, default="bottom")

    def run_validation(self, value: object) -> str:
        if isinstance(value, dict) and set(value) == {"after_paragraph"}:
            value = f"after_paragraph:{value['after_paragraph']}"
        text = str(super().run_validation(value)).strip()
        if text in ("bottom", "top") or self._pattern.match(text):
            return text.replace(" ", "")
        raise base.ValidationError(
            f"Expected 'bottom', 'top' or 'after_paragraph:N', but received: {value!r}"
        )


class ButtonConfig(StrictConfig):
    label = c.Optional(c.Type(str))
    """Button text."""
    url = c.Optional(SafeUrl())
    """Site-absolute path (`/contact/`), doc path (`contact.md`) or full URL."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed and (self.label is None) != (self.url is None):
            failed.append(("button", base.ValidationError("Expected both 'label' and 'url', or neither")))
        return failed, warnings


class CtaBlockConfig(StrictConfig):
    title = c.Type(str, default="")
    """Heading of the block."""
    text = c.Type(str, default="")
    """Markdown body, rendered with the site's Markdown extensions."""
    button = c.SubConfig(ButtonConfig)
    """Optional button: `{label, url}`."""
    categories = c.ListOfItems(c.Type(str), default=[])
    """Posts in any of these categories get this block."""
    tags = c.ListOfItems(c.Type(str), default=[])
    """Posts with any of these tags get this block."""


class CtaConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert calls to action."""
    default = c.Optional(c.Type(str))
    """Block name for posts that match no other block."""
    position = CtaPosition()
    """`bottom`, `top`, or `after_paragraph:N`."""
    blocks = c.DictOfItems(c.SubConfig(CtaBlockConfig), default={})
    """Named blocks: `{title, text, button: {label, url}, categories, tags}`."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed and self.default is not None and self.default not in self.blocks:
            names = ", ".join(self.blocks) or "none are configured"
            failed.append(
                ("default", base.ValidationError(f"Expected the name of a block in 'blocks' ({names}), but received: {self.default!r}"))
            )
        return failed, warnings
