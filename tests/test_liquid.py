"""Jekyll's Liquid and kramdown translated to MkDocs Markdown: each translation, code left alone, the
warnings, and the translation at build time."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from conftest import post

from mkdocs_ctoblog.jekyll.liquid import translate
from mkdocs_ctoblog.jekyll.site import LiquidSite

SRC = "blog/posts/2020-05-01-here.md"
SITE = LiquidSite(
    url="https://example.com",
    baseurl="/notes",
    variables={"title": "Field Notes"},
    posts={"2012-03-19-going-static": "blog/posts/old/2012-03-19-going-static.md",
           "old/2012-03-19-going-static": "blog/posts/old/2012-03-19-going-static.md"},
    docs=frozenset({"assets/chart.png", "about.md", "blog/posts/old/2012-03-19-going-static.md", SRC}),
    urls={"about/": "about.md", "2012/Going-Static/": "blog/posts/old/2012-03-19-going-static.md"},
    url_of={"about.md": "about/", "blog/posts/old/2012-03-19-going-static.md": "2012/Going-Static/",
            "assets/chart.png": "assets/chart.png"}.get,
    source=lambda path: {"about.md": "about.md"}.get(path),
    include={"cta.html": "<p>Hire me.</p>\n", "dynamic.html": "<p>{{ include.text }}</p>"}.get,
)


def run(text: str, **changes: object) -> str:
    from dataclasses import replace

    return translate(text, src=SRC, page_url="2020/Here/", site=replace(SITE, **changes)).text


CODE_SAMPLES = [
    "```liquid\n{{ site.baseurl }} {% post_url x %} {: .c}\n```\n",
    "~~~\n{% gist 1 %}\n~~~\n",
    "Text.\n\n    {{ site.url }} {% include x.html %}\n\nMore.\n",
    "Inline `{{ site.baseurl }}` and ``{% post_url y %}``.\n",
    "Math $a_{1} {% x %}$ and $$\\{{ b }}$$ here.\n",
    "$$\n{{ matrix }}\n$$\n",
    "An odd ` tick.\n\n```\nx\n```\n\nThen `{{ site.url }}` in code.\n",  # each chunk looks for its own ends
]


@pytest.mark.parametrize("text", CODE_SAMPLES)
def test_code_inline_code_and_math_are_never_touched(text: str) -> None:
    result = translate(text, src=SRC, page_url="x/", site=SITE)
    assert result.text == text
    assert not result.unknown and not result.problems


def test_highlight_becomes_a_fence_and_its_code_is_kept() -> None:
    text = "Before.\n\n{% highlight ruby %}\ndef x\n  \"{{ y }}\" # {% z %}\nend\n{% endhighlight %}\n\nAfter.\n"
    assert run(text) == "Before.\n\n```ruby\ndef x\n  \"{{ y }}\" # {% z %}\nend\n```\n\nAfter.\n"
    numbered = run("{% highlight python linenos %}\nx = 1\n{% endhighlight %}\n")
    assert numbered.startswith('``` {.python linenums="1"}\nx = 1\n```')
    assert run("{% highlight text %}\n```\n{% endhighlight %}\n").startswith("~~~~text\n```\n~~~~")


def test_raw_gives_its_literal_text_also_inside_code() -> None:
    assert run("Say {% raw %}{{ name }} {% if %}{% endraw %}.\n") == "Say {{ name }} {% if %}.\n"
    assert run("```\n{% raw %}{{ x }}{% endraw %}\n```\n") == "```\n{{ x }}\n```\n"
    assert run("`{% raw %}{{ x }}{% endraw %}`\n") == "`{{ x }}`\n"
    spanning = run("{% raw %}\n```\n{{ inside }}\n```\n{% endraw %}\n")
    assert "{{ inside }}" in spanning and "raw" not in spanning
    # opened in indented code, closed after it (a notebook export): one raw span, nothing left over
    notebook = run('<div>\n\n    {% raw %}\n\n<div class="cell">{{ x }}</div>\n    {% endraw %}\n\nAfter.\n')
    assert notebook == '<div>\n\n    \n\n<div class="cell">{{ x }}</div>\n    \n\nAfter.\n'
    unclosed = run("Text.\n\n    {% raw %}\n\nAfter {{ site.title }}.\n")
    assert unclosed.startswith("Text.\n\n    \n\nAfter ") and "raw" not in unclosed


def test_post_url_and_link_become_relative_links_to_the_source_file() -> None:
    assert run("[Old]({% post_url 2012-03-19-going-static %})") == "[Old](old/2012-03-19-going-static.md)"
    assert run("[Old]({% post_url /old/2012-03-19-going-static %})") == "[Old](old/2012-03-19-going-static.md)"
    assert run("[Old]({% post_url\n2012-03-19-going-static %})") == "[Old](old/2012-03-19-going-static.md)"
    assert run("[Old]({{ site.baseurl }}{% post_url 2012-03-19-going-static %})") == "[Old](old/2012-03-19-going-static.md)"
    assert run("[About]({% link about.md %})") == "[About](../../about.md)"
    # In raw HTML the browser resolves the link, so it is relative to the page's URL
    assert run('<a href="{% post_url 2012-03-19-going-static %}">') == '<a href="../../2012/Going-Static/">'


def test_missing_post_url_target_is_a_problem_naming_the_file() -> None:
    result = translate("[x]({% post_url 2001-01-01-nowhere %})", src=SRC, page_url="x/", site=SITE)
    assert result.problems == [f"{SRC}: {{% post_url 2001-01-01-nowhere %}}: no post named '2001-01-01-nowhere'"]


def test_site_urls_and_url_filters_become_working_paths() -> None:
    assert run("![c]({{ site.baseurl }}/assets/chart.png)") == "![c](../../assets/chart.png)"
    assert run("![c]({{ '/assets/chart.png' | relative_url }})") == "![c](../../assets/chart.png)"
    assert run('<img src="{{ "/assets/chart.png" | relative_url }}">') == '<img src="../../assets/chart.png">'
    assert run("[a]({{ site.url }}{{ site.baseurl }}/about/#team)") == "[a](../../about.md#team)"
    assert run("Read {{ site.url }}{{ site.baseurl }}/about/ now") == "Read https://example.com/notes/about/ now"
    assert run("{{ '/feed.xml' | absolute_url }}") == "https://example.com/notes/feed.xml"
    assert run("[f]({{ '/feed.xml' | relative_url }})") == "[f](/feed.xml)"  # not a doc: left site-absolute
    assert run("{{ site.title }} by {{ page.author }}") == "Field Notes by {{ page.author }}"


def test_kramdown_attributes_become_attr_list() -> None:
    assert run("# Title\n{: .big #top}\n\nText\n") == "# Title {: .big #top }\n\nText\n"
    assert run("A paragraph\n{:.lead}\n") == "A paragraph\n{: .lead }\n"
    assert run("[x](y){:target=\"_blank\"}\n") == "[x](y){:target=\"_blank\"}\n"
    assert run("Text.\n\n{: .note}\nNext paragraph\n\nEnd\n") == "Text.\n\nNext paragraph\n{: .note }\n\nEnd\n"
    assert run("* TOC\n{:toc}\n\n## One\n") == "[TOC]\n\n## One\n"
    assert run("{:refdef: .x}\nText\n") == "Text\n"
    assert run("A{::comment}hidden{:/comment}B {::options parse_block_html=\"true\" /}C") == "AB C"
    result = translate("Text\n{: .x}\n", src=SRC, page_url="x/", site=SITE)
    assert result.extensions == {"attr_list"}


def test_theme_tags_figure_notice_and_videos() -> None:
    figure = run('{% figure caption:"Sales <up>" %}\n![chart]({{ site.baseurl }}/assets/chart.png)\n{% endfigure %}')
    assert '<figure markdown="span">\n![chart](../../assets/chart.png)\n<figcaption>Sales &lt;up&gt;</figcaption>' in figure
    notice = run("{% notice warning %}\nMind **this**.\n{% endnotice %}\n")
    assert "!!! warning\n\n    Mind **this**." in notice
    youtube = run("{% youtube dQw4w9WgXcQ %}")
    assert "(https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in youtube and "iframe" not in youtube
    assert "(https://vimeo.com/76979871)" in run("{% vimeo 76979871 %}")
    # Minimal Mistakes' include: the same links; another provider stays untranslated
    assert "(https://www.youtube.com/watch?v=Hr_cm35Gs8Q)" in run('{% include video id="Hr_cm35Gs8Q" provider="youtube" %}')
    assert "(https://vimeo.com/212731897)" in run("{% include video.html id='212731897' provider='vimeo' %}")
    other = translate('{% include video id="x" provider="dailymotion" %}', src=SRC, page_url="x/", site=SITE)
    assert other.unknown == {"include video": 1}
    # Minimal Mistakes' gallery: the front matter's images, linked; without them, untranslated
    gallery = {"gallery": [{"url": "/assets/a.png", "image_path": "/assets/a-th.png", "alt": "A [1]"},
                           {"image_path": "/assets/b.png", "title": "B"}, "junk"],
               "shots": [{"image_path": "/assets/c.png", "alt": "C"}]}
    shown = translate('{% include gallery caption="Two <shots>" %}\n\n{% include gallery id="shots" %}',
                      src=SRC, page_url="x/", site=SITE, meta=gallery)
    assert "[![A 1](/assets/a-th.png)](/assets/a.png)\n![B](/assets/b.png)\n" in shown.text
    assert "<figcaption>Two &lt;shots&gt;</figcaption>" in shown.text and "![C](/assets/c.png)" in shown.text
    assert shown.unknown == {} and shown.extensions == {"md_in_html"}
    missing = translate("{% include gallery id=\"none\" %}", src=SRC, page_url="x/", site=SITE, meta=gallery)
    assert missing.unknown == {"include gallery": 1}
    # front matter is not markup: no unsafe URL, no way out of the link or the alt text
    hostile = {"gallery": [
        {"image_path": "a.png) <script>alert(1)</script> (", "alt": "x\n\n<img src=x onerror=alert(2)>"},
        {"image_path": "/assets/b.png", "url": "javascript:alert(3)"},
    ]}
    text = translate("{% include gallery %}", src=SRC, page_url="x/", site=SITE, meta=hostile).text
    assert "<script" not in text and "<img" not in text and "javascript:" not in text
    assert "![x  &lt;img src=x onerror=alert(2)&gt;](a.png%29%20%3Cscript%3Ealert%281%29%3C/script%3E%20%28)" in text


def test_includes_are_inlined_when_static() -> None:
    assert run("{% include cta.html %}\n") == "<p>Hire me.</p>\n"
    result = translate("{% include dynamic.html text='x' %}\n{% include_cached gone.html %}\n", src=SRC, page_url="x/", site=SITE)
    assert result.unknown == {"include dynamic.html": 1, "include_cached gone.html": 1}


def test_unknown_tags_stay_visible_at_build_time_and_become_comments_in_the_import() -> None:
    text = "{% gist 12 %} and {% if x %}y{% endif %} and {{ page.missing }}\n"
    result = translate(text, src=SRC, page_url="x/", site=SITE)
    assert result.text == text
    assert result.unknown == {"gist": 1, "if": 1, "{{ page.missing }}": 1}
    assert run(text, unknown_as_comment=True) == (
        "<!-- {% gist 12 %} --> and <!-- {% if x %} -->y<!-- {% endif %} --> and <!-- {{ page.missing }} -->\n"
    )
    assert run("{% comment %}hidden -- {{ x }}{% endcomment %}End") == "End"
    table_cell = run("| {{ site.tags.x | size }} |", unknown_as_comment=True)  # a `|` would split the cell
    assert table_cell == "| <!-- {{ site.tags.x &#124; size }} --> |"


def test_assign_and_outputs_read_site_data_and_front_matter() -> None:
    from mkdocs_ctoblog.jekyll.evaluate import Evaluator

    data = {"releases": [{"version": "2.6.5", "sha": {"gz": "abc"}}, {"version": "2.6.4", "sha": {"gz": "def"}}]}
    body = (
        '{% assign release = site.data.releases | where: "version", page.version | first %}'
        "SHA: {{ release.sha.gz }}; {{ site.data.releases.size }} releases; {{ site.license.name }}; {{ release.gone }}; "
        "{% assign many = (1..100000000) %}{{ many | join }} {{ other.x }}"
    )
    result = translate(body, src=SRC, page_url="x/", site=replace(SITE, evaluator=Evaluator({"data": data, "license": {"name": "BSD"}})), meta={"version": "2.6.5"})
    # A key the assigned value lacks prints nothing, as in Jekyll; a range is never evaluated.
    assert result.text == "SHA: abc; 2 releases; BSD; ; {% assign many = (1..100000000) %}{{ many | join }} {{ other.x }}"
    assert set(result.unknown) == {"assign", "{{ many }}", "{{ other.x }}"}


def test_page_outputs_read_the_front_matter_and_the_posts_date() -> None:
    import datetime as dt

    from mkdocs_ctoblog.jekyll.evaluate import Evaluator

    date = dt.datetime(2020, 6, 19, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    body = "![a](/assets/images/{{page.date|date:'%Y/%Y-%m-%d'}}/a.png) {{ page.title }}, {{ page.date }}, {{ page.nothing }}"
    result = translate(body, src=SRC, page_url="x/", site=replace(SITE, evaluator=Evaluator({})),
                       meta={"title": "Sights", "date": date})
    assert result.text.startswith("![a](")
    assert "2020/2020-06-19/a.png) Sights, 2020-06-19 09:30:00 +0200, {{ page.nothing }}" in result.text
    assert set(result.unknown) == {"{{ page.nothing }}"}


def test_user_tags_render_in_a_sandbox() -> None:
    tags = {
        "callout": "> **{{ args[0] | upper }}** {{ body | trim }}",
        "evil": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "broken": "{{ args | join(1, 2, 3) }}",
    }
    assert run("{% callout tip %}Use it{% endcallout %}", tags=tags).strip() == "> **TIP** Use it"
    assert run("{% evil %}", tags=tags) == "{% evil %}"  # the sandbox refuses: an error, the tag is kept
    result = translate("{% broken %}", src=SRC, page_url="x/", site=LiquidSite(tags=tags))
    assert result.text == "{% broken %}" and result.problems[0].startswith(f"{SRC}: {{% broken %}}: template error")


def test_half_a_megabyte_of_hostile_text_translates_in_linear_time() -> None:
    bodies = ["Plain words and [links](x.md). " * 16000, "{% x " * 100000, "{{ " * 170000, "` `` " * 100000,
              "$a $ " * 100000, "{% notice %}" * 45000, "{: .x}\n" * 75000, "{% notice %}{% figure %}" * 20000 + "{% endnotice %}",
              "{% assign a = site.data.x %}" * 20000, "{{ site.data.x | size }}" * 20000, "{% assign a = site.data.x %}{{ a }}" * 10000]
    from mkdocs_ctoblog.jekyll.evaluate import Evaluator

    evaluating = replace(SITE, evaluator=Evaluator({"data": {"x": list(range(1000))}}))
    for body in bodies:
        start = time.perf_counter()
        translate(body, src=SRC, page_url="x/", site=evaluating)
        assert time.perf_counter() - start < 3, body[:20]


def test_posts_are_translated_at_build_time(build_site, warnings_of) -> None:
    site = build_site(
        {
            "assets/chart.png": b"\x89PNG\r\n\x1a\n",
            "blog/posts/2024-01-02-first.md": post("title: First", "Intro.\n\n{% highlight python %}\nprint('{{ x }}')\n{% endhighlight %}\n"),
            "blog/posts/2024-02-03-second.md": post(
                "title: Second",
                "See [first]({{ site.baseurl }}{% post_url 2024-01-02-first %}).\n\n"
                "![chart]({{ '/assets/chart.png' | relative_url }})\n{: .wide}\n\n{% gist 1 %} {% gist 2 %}\n",
            ),
        },
        markdown_extensions=["attr_list"],
    )
    first = site.soup("blog/first/")
    assert first.select_one("article pre code").get_text() == "print('{{ x }}')\n"
    second = site.soup("blog/second/")
    assert second.select_one("article a[href='../first/']") is not None
    assert second.select_one("article p.wide img")["src"] == "../../assets/chart.png"
    assert warnings_of() == [
        (
            "Liquid {% gist %} left as is, 2 times in 1 post (blog/posts/2024-02-03-second.md): translate it "
            "with 'liquid.tags' in the ctoblog config, or edit the posts"
        )
    ]


def test_a_missing_extension_and_a_missing_post_are_warnings(build_site, warnings_of) -> None:
    build_site({"blog/posts/2024-01-02-x.md": post("title: X", "[a]({% post_url 1999-01-01-gone %})\n\nP\n{: .x}\n")})
    warnings = warnings_of()
    assert "blog/posts/2024-01-02-x.md: {% post_url 1999-01-01-gone %}: no post named '1999-01-01-gone'" in warnings
    assert "1 post uses kramdown attributes ({: .class}): add 'attr_list' to markdown_extensions in mkdocs.yml (first: blog/posts/2024-01-02-x.md)" in warnings


def test_liquid_config_is_validated() -> None:
    from mkdocs_ctoblog.plugin import CtoblogPlugin

    errors, _ = CtoblogPlugin().load_config({"liquid": {"tags": {"bad": "{% if %}"}}})
    assert len(errors) == 1 and "Expected a Jinja template for tag 'bad'" in str(errors[0][1])
    errors, _ = CtoblogPlugin().load_config({"liquid": {"enabled": False, "tags": {"ok": "{{ args[0] }}"}}})
    assert errors == []


def test_pages_keep_their_permalink(build_site, warnings_of) -> None:
    site = build_site(
        {
            "about.md": "---\npermalink: /About-Me.html\n---\n# About\n",
            "services.md": "---\npermalink: /work/with-me/\n---\n# Services\n",
            "bad.md": "---\npermalink: about\n---\n# Bad\n",
        }
    )
    assert site.exists("About-Me.html") and site.exists("work/with-me/") and site.exists("bad/")
    assert warnings_of() == ["bad.md: 'permalink' expected a site path such as '/about/', received 'about'; ignored"]


def test_cards_meta_and_feeds_take_the_excerpt_of_the_translated_body(build_site, warnings_of) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-02-first.md": post("title: First", "Text of the first post.\n"),
            "blog/posts/2024-02-03-second.md": post(
                "title: Second",
                "Welcome to {{ site.title }}: read [the first]({% post_url 2024-01-02-first %}) "
                "and run `pip install x`.\n{: .lead}\n\nMore.\n",
            ),
        },
        markdown_extensions=["attr_list"],
    )
    wanted = "Welcome to Test blog: read the first and run pip install x."
    card = next(c for c in site.soup("blog/").select("article.ctoblog-card") if "Second" in c.get_text())
    assert card.select_one(".ctoblog-card__summary").get_text() == wanted
    assert site.soup("blog/second/").select_one("meta[name=description]")["content"] == wanted
    assert f"<description>{wanted}</description>" in site.text("blog/feed.xml")
    assert site.soup("blog/second/").select_one("article p.lead a")["href"] == "../first/"
    assert warnings_of() == []


def test_site_data_next_to_jekyll_config_at_build_time(build_site, warnings_of) -> None:
    body = '{% assign r = site.data.releases | where: "version", "1.2" | first %}\nVersion {{ r.version }}: {{ r.sha }}.\n\n{% include note.html %}\n'
    site = build_site(
        {"blog/posts/2024-01-02-release.md": post("title: Release", body)},
        plugin={"jekyll_config": "old/_config.yml"},
        root_files={
            "old/_config.yml": "permalink: /:title/\n",
            "old/_data/releases.yml": "- version: '1.2'\n  sha: abc123\n",
            "old/_includes/note.html": '<p class="note">Thanks.</p>\n',
        },
    )
    assert site.soup("release/").select_one("article p.note").get_text() == "Thanks."  # _includes next to _config.yml
    assert site.soup("release/").select_one("article > p").get_text() == "Version 1.2: abc123."
    card = site.soup("blog/").select_one(".ctoblog-card__summary").get_text()
    assert card == "Version 1.2: abc123."
    assert warnings_of() == []


def test_a_description_is_plain_text_on_cards_as_jekylls_seo_tag_prints_it(build_site) -> None:
    description = "Using `git rebase` *well*, for <T> & co"
    site = build_site({"blog/posts/2024-01-02-x.md": post(f"title: X\ndescription: '{description}'")})
    wanted = "Using git rebase well, for <T> & co"
    assert site.soup("blog/").select_one(".ctoblog-card__summary").get_text() == wanted
    assert site.soup("blog/x/").select_one("meta[name=description]")["content"] == wanted
