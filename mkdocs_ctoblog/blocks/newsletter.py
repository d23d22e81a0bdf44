"""The newsletter sign-up form: when a page shows it, the providers' form presets, the optional
consent checkbox, and the view its template receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from mkdocs_ctoblog.blocks.rules import Subject
    from mkdocs_ctoblog.config import NewsletterConfig


# The consent checkbox a provider's own embed code uses (Brevo's "opt-in" field); others: `consent`.
CONSENT_FIELDS = {"brevo": ("OPT_IN", "1")}


def newsletter_shown(subject: Subject, cfg: NewsletterConfig, unconfigured: dict[str, None]) -> bool:
    """Front matter wins; otherwise posts follow `newsletter.default` and other pages show none.
    A page asking for the form while it has nowhere to post goes into `unconfigured`."""
    if not cfg.enabled or subject.newsletter is False:
        return False
    if subject.newsletter is True:
        if cfg.provider == "generic" and not cfg.action:
            unconfigured[subject.src_uri] = None
            return False
        return True
    return subject.is_post and cfg.default


@dataclass(frozen=True)
class NewsletterForm:
    """Where the sign-up form posts and what its fields are called."""

    provider: str
    action: str
    email_field: str
    honeypot_field: str
    hidden: tuple[tuple[str, str], ...] = ()


def newsletter_form(cfg: NewsletterConfig, locale: str = "en") -> NewsletterForm | None:
    """The form of `newsletter.provider`, from the few values each provider needs (validated in config).

    Each preset follows the HTML form the provider itself gives for embedding, so it works without
    JavaScript (the browser posts the form and the provider shows its confirmation page):

    - buttondown: Settings → "Embedding & sharing" → "As a form", described at
      https://docs.buttondown.com/building-your-subscriber-base (and the Framer/Carrd integration
      pages there): `action=https://buttondown.com/api/emails/embed-subscribe/<username>`, field
      `email`, hidden `embed=1`; extra fields named `metadata__<key>` become subscriber metadata.
    - mailchimp: the code Mailchimp generates under Audience → Signup forms → Embedded forms
      (signup forms: https://kb.mailchimp.com/lists/signup-forms/set-signup-preferences):
      `action=https://<dc>.list-manage.com/subscribe/post?u=<u>&id=<id>`, field `EMAIL`, and the
      bot trap `b_<u>_<id>` that the generated code marks "real people should not fill this in".
    - kit (ConvertKit): a form's Embed → HTML code, as in the minimal form Kit's founder published
      (https://gist.github.com/nathanbarry/57c8731f384906212e03fecfb05157e3):
      `action=https://app.kit.com/forms/<form_id>/subscriptions` (formerly app.convertkit.com),
      field `email_address`.
    - substack: Substack documents only its iframe embed; the plain-HTML form that publications
      use posts to `https://<name>.substack.com/api/v1/free?nojs=true` with field `email`. It is not
      a documented API: prefer another provider if you need one.
    - brevo (Sendinblue): the HTML of a form's "Share → Embed" code: `action` is
      `https://<id>.sibforms.com/serve/<token>`, field `EMAIL`, the bot trap `email_address_check`
      (a text field that must stay empty), hidden `locale` (the language of Brevo's answer page),
      and the opt-in checkbox `OPT_IN=1` when the form asks for consent.
    - generic: `action`, `email_field`, `honeypot_field` and `hidden_fields` as configured.

    `hidden_fields` are added for every provider. Providers other than Mailchimp and Brevo do not
    check our honeypot field; it costs nothing and keeps the simplest bots out of generic endpoints.
    """
    hidden = tuple(cfg.hidden_fields.items())
    provider = cfg.provider
    if provider == "buttondown":
        action = f"https://buttondown.com/api/emails/embed-subscribe/{cfg.username}"
        return NewsletterForm(provider, action, "email", cfg.honeypot_field, (("embed", "1"), *hidden))
    if provider == "mailchimp":
        parts = urlsplit(cfg.list_url or "")
        query = parse_qs(parts.query)
        # `post-json` is Mailchimp's JSONP endpoint; a plain form posts to `post`.
        action = (cfg.list_url or "").replace("/subscribe/post-json?", "/subscribe/post?")
        honeypot = f"b_{query['u'][0]}_{query['id'][0]}"
        return NewsletterForm(provider, action, "EMAIL", honeypot, hidden)
    if provider == "kit":
        action = f"https://app.kit.com/forms/{cfg.form_id}/subscriptions"
        return NewsletterForm(provider, action, "email_address", cfg.honeypot_field, hidden)
    if provider == "substack":
        action = f"https://{cfg.username}.substack.com/api/v1/free?nojs=true"
        return NewsletterForm(provider, action, "email", cfg.honeypot_field, hidden)
    if provider == "brevo":
        language = locale.split("_")[0]
        return NewsletterForm(provider, cfg.action or "", "EMAIL", "email_address_check", (("locale", language), *hidden))
    if not cfg.action:
        return None
    return NewsletterForm(provider, cfg.action, cfg.email_field, cfg.honeypot_field, hidden)


@dataclass(frozen=True)
class ConsentView:
    """The required consent checkbox: its field, value, label text and privacy link (or None)."""

    field: str
    value: str
    text: str
    privacy_label: str
    privacy_url: str | None
    field_id: str = "ctoblog-newsletter-consent"


@dataclass(frozen=True)
class NewsletterView:
    """`ctoblog/newsletter.html`: texts, the form's action and field names, the consent checkbox."""

    title: str
    text: str
    button: str
    privacy: str
    email_label: str
    email_placeholder: str
    form: NewsletterForm
    consent: ConsentView | None = None
    field_id: str = "ctoblog-newsletter-email"


def consent_enabled(cfg: NewsletterConfig) -> bool:
    """`consent.enabled`, else on for providers whose embedded form has an opt-in checkbox (Brevo)."""
    enabled = cfg.consent.enabled
    return cfg.provider in CONSENT_FIELDS if enabled is None else enabled


def newsletter_view(
    cfg: NewsletterConfig, strings: Mapping[str, str], form: NewsletterForm, privacy_url: str | None
) -> NewsletterView:
    """The form's view; `privacy_url` is `consent.privacy_url` already made relative to the page."""
    consent = None
    if consent_enabled(cfg):
        field, value = CONSENT_FIELDS.get(cfg.provider, ("consent", "yes"))
        consent = ConsentView(
            field=cfg.consent.field or field,
            value=cfg.consent.value or value,
            text=cfg.consent.text or strings["newsletter_consent"],
            privacy_label=strings["privacy_policy"],
            privacy_url=privacy_url,
        )
    return NewsletterView(
        title=cfg.title or strings["newsletter_title"],
        text=cfg.text or strings["newsletter_text"],
        button=cfg.button or strings["subscribe"],
        privacy=cfg.privacy or strings["newsletter_privacy"],
        email_label=strings["email_label"],
        email_placeholder=strings["email_placeholder"],
        form=form,
        consent=consent,
    )
