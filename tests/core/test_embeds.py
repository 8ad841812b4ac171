"""Embedded video: titled for screen readers, and YouTube through its no-cookie player."""

from types import SimpleNamespace

from core.templatetags.block_tags import embed_with_title


def test_a_youtube_embed_uses_the_no_cookie_player_and_gets_a_title(monkeypatch):
    from wagtail.embeds import embeds

    html = (
        '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc123?feature=oembed"'
        ' title="Provider title" allowfullscreen></iframe>'
    )
    monkeypatch.setattr(embeds, "get_embed", lambda url: SimpleNamespace(html=html))
    out = embed_with_title("https://www.youtube.com/watch?v=abc123", "A foster carer's story")
    assert 'src="https://www.youtube-nocookie.com/embed/abc123?feature=oembed"' in out
    assert 'title="A foster carer&#x27;s story"' in out
    assert "Provider title" not in out
    assert 'loading="lazy"' in out
