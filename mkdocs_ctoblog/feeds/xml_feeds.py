"""RSS 2.0 and Atom 1.0 documents of a channel, written with feedgen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_ctoblog import __version__
from mkdocs_ctoblog.feeds.model import MEDIA_TYPES, Channel, Entry

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator


GENERATOR = ("mkdocs-ctoblog", __version__, "https://pypi.org/project/mkdocs-ctoblog/")
_ATOM_NS = "http://www.w3.org/2005/Atom"


def _generator(channel: Channel) -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # only builds that write RSS or Atom need feedgen and lxml

    fg = FeedGenerator()
    fg.id(channel.home_url)
    fg.title(channel.title)
    fg.description(channel.description)
    fg.language(channel.language)
    fg.updated(channel.updated)
    fg.lastBuildDate(channel.updated)
    fg.generator(GENERATOR[0], version=GENERATOR[1], uri=GENERATOR[2])
    return fg


def render_rss(channel: Channel) -> bytes:
    """RSS 2.0, with `content:encoded`, `dc:creator` authors and cover enclosures."""
    fg = _generator(channel)
    fg.load_extension("dc", atom=False, rss=True)
    # The RSS <channel><link> is the last link set: the self link first, the page last.
    fg.link(href=channel.feed_urls["rss"], rel="self", type=MEDIA_TYPES["rss"])
    fg.link(href=channel.home_url, rel="alternate")
    if channel.logo:
        fg.image(url=channel.logo, title=channel.title, link=channel.home_url)
    for entry in channel.entries:
        fe = fg.add_entry(order="append")
        fe.title(entry.title)
        fe.link(href=entry.url)
        fe.guid(entry.url, permalink=True)
        fe.pubDate(entry.published)
        fe.description(entry.summary or entry.title)
        if entry.content:
            fe.content(entry.content, type="html")
        for person in entry.authors:
            fe.dc.dc_creator(person.name)
        for name in entry.categories + entry.tags:
            fe.category(term=name)
        image = entry.image
        if image and image.length is not None and image.media_type:
            # RSS requires the length: only files the site holds get an enclosure.
            fe.enclosure(url=image.url, length=str(image.length), type=image.media_type)
    return fg.rss_str(pretty=True)


def render_atom(channel: Channel) -> bytes:
    """Atom 1.0 (RFC 4287), with `link rel=enclosure` for covers."""
    fg = _generator(channel)
    fg.link(href=channel.home_url, rel="alternate", type="text/html")
    fg.link(href=channel.feed_urls["atom"], rel="self", type=MEDIA_TYPES["atom"])
    if channel.logo:
        fg.logo(channel.logo)
        fg.icon(channel.logo)
    for entry in channel.entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.url)
        fe.title(entry.title)
        fe.link(href=entry.url, rel="alternate")
        fe.published(entry.published)
        fe.updated(entry.updated)
        if entry.summary:
            fe.summary(entry.summary)
        if entry.content:
            fe.content(entry.content, type="html")  # not "CDATA": invalid in Atom
        for person in entry.authors:
            fe.author({"name": person.name, **({"uri": person.url} if person.url else {})})
        for name in entry.categories + entry.tags:
            fe.category(term=name, label=name)
    return _add_atom_enclosures(fg.atom_str(pretty=False), channel.entries)


def _add_atom_enclosures(document: bytes, entries: tuple[Entry, ...]) -> bytes:
    """Add `<link rel="enclosure">` to entries with a cover.

    feedgen 1.0.0 drops `rel`, `type` and `length` of entry links (a shadowed variable in its
    `atom_entry`), which would turn an enclosure into a second plain link; so we add them here.
    """
    from lxml import etree

    root = etree.fromstring(document, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    images = {e.url: e.image for e in entries if e.image}
    for node in root.iterfind(f"{{{_ATOM_NS}}}entry"):
        image = images.get(node.findtext(f"{{{_ATOM_NS}}}id") or "")
        if image is None:
            continue
        link = etree.SubElement(node, f"{{{_ATOM_NS}}}link", rel="enclosure", href=image.url)
        if image.media_type:
            link.set("type", image.media_type)
        if image.length is not None:
            link.set("length", str(image.length))
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
