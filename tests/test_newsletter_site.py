"""The newsletter form's Brevo preset and consent checkbox, built into real sites."""

from __future__ import annotations

import pytest
from conftest import MATERIAL, post
from mkdocs.exceptions import Abort

MKDOCS_THEME = {"name": "mkdocs", "highlightjs": False}
BREVO = "https://a1b2c3d4.sibforms.com/serve/MUIFAB-xyz_123"

PROVIDERS = {
    "buttondown": {"provider": "buttondown", "username": "nb"},
    "mailchimp": {"provider": "mailchimp", "list_url": "https://x.us21.list-manage.com/subscribe/post?u=abc&id=def"},
    "kit": {"provider": "kit", "form_id": 1234567},
    "substack": {"provider": "substack", "username": "northbound"},
    "brevo": {"provider": "brevo", "action": BREVO},
    "generic": {"action": "https://forms.example.com/s"},
}


def docs() -> dict[str, str]:
    return {
        "privacy.md": "# Privacy\n",
        "blog/posts/2024-05-01-hiring.md": post("title: Hiring"),
    }


def form_of(site, url: str = "blog/hiring/"):
    soup = site.soup(url)
    return (soup.select_one("article.md-content__inner") or soup.select_one('[role="main"]')).select_one(".ctoblog-newsletter form")


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS_THEME])
def test_brevo_preset_follows_brevos_embedded_form(build_site, theme):
    site = build_site(docs(), plugin={"newsletter": {"default": True, **PROVIDERS["brevo"]}}, theme=theme)
    form = form_of(site)
    assert form["action"] == BREVO and form["method"] == "post" and form["data-provider"] == "brevo"
    assert form.select_one('input[type="email"]')["name"] == "EMAIL"
    assert form.select_one(".ctoblog-newsletter__trap input")["name"] == "email_address_check"
    assert {i["name"]: i["value"] for i in form.select('input[type="hidden"]')} == {"locale": "en"}
    # Brevo's opt-in checkbox is on by default: a plain HTML required checkbox
    box = form.select_one('input[type="checkbox"]')
    assert (box["name"], box["value"], box.has_attr("required")) == ("OPT_IN", "1", True)
    label = form.select_one(f'label[for="{box["id"]}"]')
    assert label.get_text() == "I agree to receive the newsletter by email. I can unsubscribe at any time."


def test_brevo_language_follows_the_site_locale(build_site):
    site = build_site(docs(), plugin={"locale": "de_CH", "newsletter": {"default": True, **PROVIDERS["brevo"]}})
    assert form_of(site).select_one('input[name="locale"]')["value"] == "de"


@pytest.mark.parametrize("provider", list(PROVIDERS))
def test_consent_checkbox_for_every_provider(build_site, provider):
    consent = {"enabled": True, "text": "Yes, send me the Friday note.", "privacy_url": "privacy.md"}
    if provider == "mailchimp":
        consent.update(field="gdpr[12345]", value="Y")  # Mailchimp's GDPR marketing permission
    site = build_site(docs(), plugin={"newsletter": {"default": True, **PROVIDERS[provider], "consent": consent}})
    form = form_of(site)
    box = form.select_one(".ctoblog-newsletter__consent input")
    expected = {"mailchimp": ("gdpr[12345]", "Y"), "brevo": ("OPT_IN", "1")}.get(provider, ("consent", "yes"))
    assert (box["type"], box["name"], box["value"], box.has_attr("required")) == ("checkbox", *expected, True)
    assert form.select_one(f'label[for="{box["id"]}"]').get_text() == "Yes, send me the Friday note."
    link = form.select_one("a.ctoblog-newsletter__privacy-link")
    assert (link.get_text(), link["href"]) == ("Privacy policy", "../../privacy/")
    assert site.exists("privacy/")


def test_consent_off_by_default_except_for_brevo_and_can_be_turned_off(build_site):
    site = build_site(docs(), plugin={"newsletter": {"default": True, **PROVIDERS["buttondown"]}})
    assert form_of(site).select(".ctoblog-newsletter__consent") == []
    site = build_site(docs(), plugin={"newsletter": {"default": True, **PROVIDERS["brevo"], "consent": {"enabled": False}}})
    assert form_of(site).select('input[type="checkbox"]') == []


def test_consent_privacy_link_to_a_missing_page_is_one_warning(build_site, warnings_of):
    plugin = {"newsletter": {"default": True, **PROVIDERS["buttondown"], "consent": {"enabled": True, "privacy_url": "privcy.md"}}}
    with pytest.raises(Abort):
        build_site(docs(), plugin=plugin, strict=True)
    assert warnings_of() == [
        "mkdocs.yml: 'newsletter.consent.privacy_url' expected a page or file of the site, a site path or a URL, received 'privcy.md'"
    ]


@pytest.mark.parametrize(
    ("newsletter", "message"),
    [
        ({"provider": "brevo"}, "Expected 'action' for provider 'brevo': the action of your embedded form, https://<id>.sibforms.com/serve/<token>, but received: None"),
        ({"provider": "brevo", "action": "https://example.com/serve/x"}, "Expected 'action' for provider 'brevo'"),
        ({"consent": {"privacy_url": "javascript:alert(1)"}}, "Expected a relative URL, a site path or an http(s) or mailto URL, but received:"),
        ({"consent": {"checkbox": True}}, "Unrecognised configuration name: checkbox"),
    ],
)
def test_bad_newsletter_settings_are_config_errors(newsletter, message):
    from mkdocs_ctoblog.plugin import CtoblogPlugin

    errors, _ = CtoblogPlugin().load_config({"newsletter": newsletter})
    assert len(errors) == 1
    assert message in str(errors[0][1])
