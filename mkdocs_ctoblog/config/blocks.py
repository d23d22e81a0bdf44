"""Config of the blocks after a post: their order, share links, read-next cards, author bios."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import Number, PositiveInt, StrictConfig

BLOCK_NAMES = ("series", "share", "author_bio", "cta", "newsletter", "read_next", "comments")
SHARE_SERVICES = ("linkedin", "x", "bluesky", "hackernews", "email", "copy")


class BlocksOrder(c.Type):
    """A list of block names, each at most once."""

    def __init__(self) -> None:
        super().__init__(list, default=list(BLOCK_NAMES))

    def run_validation(self, value: object) -> list[str]:
        names = super().run_validation(value)
        for name in names:  # type: ignore[attr-defined]
            if name not in BLOCK_NAMES:
                raise base.ValidationError(f"Expected block names out of {', '.join(BLOCK_NAMES)}, but received: {name!r}")
        if len(set(names)) != len(names):  # type: ignore[arg-type]
            raise base.ValidationError(f"Expected each block name once, but received: {names!r}")
        return names  # type: ignore[return-value]


class ShareServices(c.Type):
    """A list of share services, each at most once, or `false` for none."""

    def __init__(self) -> None:
        super().__init__((list, bool), default=list(SHARE_SERVICES))

    def run_validation(self, value: object) -> list[str]:
        if value is True:
            return list(SHARE_SERVICES)
        if value is False:
            return []
        expected = f"Expected false or a list out of {', '.join(SHARE_SERVICES)}, but received: "
        if not isinstance(value, list):
            raise base.ValidationError(expected + repr(value))
        for name in value:
            if name not in SHARE_SERVICES:
                raise base.ValidationError(expected + repr(name))
        if len(set(value)) != len(value):
            raise base.ValidationError(f"Expected each share service once, but received: {value!r}")
        return value


class ReadNextWeights(StrictConfig):
    category = Number(3.0)
    """Score for each category a post shares."""
    tag = Number(2.0)
    """Score for each tag a post shares."""
    words = Number(1.0)
    """Multiplier of the IDF-weighted words of title and description a post shares."""
    recency = Number(0.5)
    """Largest bonus for a recent post; it halves every year of age."""


class ReadNextConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Show "read next" cards after each post."""
    count = PositiveInt(3)
    """How many post cards to show."""
    include = c.ListOfItems(c.Type(str), default=[])
    """Pages (doc paths such as `services.md`) added as a card to every post."""
    weights = c.SubConfig(ReadNextWeights)
    """How much each shared feature counts in the ranking."""


class AuthorBioConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Show an "about the author" box after posts whose authors have a `bio` in the authors file."""
