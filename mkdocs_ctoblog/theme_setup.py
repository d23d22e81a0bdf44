"""What ctoblog adds to MkDocs' config at `on_config`: its templates folder, stylesheet and script,
the files `mkdocs serve` watches; and the site's locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from mkdocs.exceptions import PluginError

from mkdocs_ctoblog.blocks import share_links
from mkdocs_ctoblog.render import TEMPLATES_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_ctoblog.config import CtoblogConfig

STYLESHEET = "ctoblog/ctoblog.css"


def add_to_config(config: MkDocsConfig, cfg: CtoblogConfig) -> None:
    """Add our templates folder, stylesheet, copy-link script and watched `_config.yml`, each once."""
    if str(TEMPLATES_DIR) not in config.theme.dirs:
        config.theme.dirs.append(str(TEMPLATES_DIR))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if cfg.jekyll_config is not None and cfg.jekyll_config not in config.watch:
        config.watch.append(cfg.jekyll_config)  # `mkdocs serve` rebuilds when _config.yml changes
    if "copy" in cfg.share and share_links.SCRIPT not in map(str, config.extra_javascript):
        config.extra_javascript.append(share_links.SCRIPT)


def site_locale(cfg: CtoblogConfig, config: MkDocsConfig) -> str:
    """`locale`, else the theme's language, else `en`, as Babel names it (`de_CH`)."""
    value = cfg.locale or config.theme.get("language") or config.theme.get("locale")
    name = str(value or "en").replace("-", "_")
    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        raise PluginError(f"ctoblog: 'locale' expected a locale such as 'en' or 'de_CH', received '{value}'") from None
    return name
