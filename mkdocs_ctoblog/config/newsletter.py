"""Config of the newsletter sign-up form and the checks of each provider preset."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_ctoblog.config.options import SafeUrl, StrictConfig


class ConsentConfig(StrictConfig):
    enabled = c.Optional(c.Type(bool))
    """Add a required consent checkbox to the form; default: on for `brevo`, off for the others."""
    text = c.Optional(c.Type(str))
    """The checkbox's label; default from `strings.newsletter_consent`."""
    privacy_url = c.Optional(SafeUrl())
    """Link to the privacy page next to the checkbox (doc path, site path or URL)."""
    field = c.Optional(c.Type(str))
    """Name of the checkbox field; default `OPT_IN` for Brevo, else `consent`."""
    value = c.Optional(c.Type(str))
    """Value sent when it is ticked; default `1` for Brevo, else `yes`."""


class NewsletterConfig(StrictConfig):
    enabled = c.Type(bool, default=True)
    """Insert the sign-up form where asked."""
    default = c.Type(bool, default=False)
    """Show the form on every post unless its front matter says `newsletter: false`."""
    provider = c.Choice(("buttondown", "mailchimp", "kit", "substack", "brevo", "generic"), default="generic")
    """Preset for the form's action URL and field names."""
    username = c.Optional(c.Type(str))
    """Buttondown user name, or Substack publication name (`<name>.substack.com`)."""
    form_id = c.Optional(c.Type((str, int)))
    """Kit (ConvertKit) form id: the number in the form's embed `action`."""
    list_url = c.Optional(SafeUrl())
    """Mailchimp: the `action` URL of your embedded form (`https://<dc>.list-manage.com/subscribe/post?u=…&id=…`)."""
    action = c.Optional(SafeUrl())
    """Generic: the URL the form posts to; Brevo: the `action` of your embedded form (`https://<id>.sibforms.com/serve/<token>`)."""
    email_field = c.Type(str, default="email")
    """Generic: name of the e-mail field."""
    honeypot_field = c.Type(str, default="website")
    """Generic: name of the hidden anti-spam field."""
    hidden_fields = c.DictOfItems(c.Type(str), default={})
    """Generic: extra hidden fields sent with the form."""
    title = c.Optional(c.Type(str))
    """Heading; default from `strings.newsletter_title`."""
    text = c.Optional(c.Type(str))
    """Text above the form; default from `strings.newsletter_text`."""
    button = c.Optional(c.Type(str))
    """Button label; default from `strings.subscribe`."""
    privacy = c.Optional(c.Type(str))
    """Privacy note under the form; default from `strings.newsletter_privacy`."""
    consent = c.SubConfig(ConsentConfig)
    """A required consent checkbox: `{enabled, text, privacy_url, field, value}`."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if not failed:
            problem = _newsletter_problem(self)
            if problem is not None:
                failed.append(problem)
        return failed, warnings


def _newsletter_problem(cfg: NewsletterConfig) -> tuple[str, base.ValidationError] | None:
    """What a newsletter provider preset lacks; the presets themselves are in `blocks/newsletter.py`."""
    provider = cfg.provider
    if provider in ("buttondown", "substack"):
        if not cfg.username:
            return "username", base.ValidationError(f"Expected 'username' for provider '{provider}' (your {provider} name)")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", cfg.username):
            return "username", base.ValidationError(f"Expected a {provider} name (letters, digits, '-', '_'), but received: {cfg.username!r}")
    elif provider == "kit":
        if cfg.form_id is None or not re.fullmatch(r"\d+", str(cfg.form_id)):
            return "form_id", base.ValidationError(
                f"Expected 'form_id' for provider 'kit': the number in your form's action (https://app.kit.com/forms/<form_id>/subscriptions), but received: {cfg.form_id!r}"
            )
    elif provider == "brevo":
        if not re.fullmatch(r"https://[A-Za-z0-9-]+\.sibforms\.com/serve/[A-Za-z0-9_=-]+", cfg.action or ""):
            return "action", base.ValidationError(
                "Expected 'action' for provider 'brevo': the action of your embedded form, "
                f"https://<id>.sibforms.com/serve/<token>, but received: {cfg.action!r}"
            )
    elif provider == "mailchimp":
        from urllib.parse import parse_qs, urlsplit

        url = cfg.list_url or ""
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        if parts.scheme != "https" or not parts.netloc.endswith(".list-manage.com") or not query.get("u") or not query.get("id"):
            return "list_url", base.ValidationError(
                "Expected 'list_url' for provider 'mailchimp': the action of your embedded form, "
                f"https://<dc>.list-manage.com/subscribe/post?u=...&id=..., but received: {cfg.list_url!r}"
            )
    elif cfg.action is None and cfg.default:
        return "action", base.ValidationError("Expected 'action' when 'default' is true with provider 'generic' (or choose a provider)")
    elif cfg.action is not None and not re.match(r"^(https?://|/)", cfg.action):
        return "action", base.ValidationError(f"Expected an http(s) URL or a site path for 'action', but received: {cfg.action!r}")
    return None
