"""Small builders for StreamField data in its stored (raw) form."""


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def text(html):
    return {"type": "text", "value": html}


def quote(words, attribution=""):
    return {"type": "pull_quote", "value": {"quote": words, "attribution": attribution}}


def stats(title, items):
    return {
        "type": "statistics",
        "value": {"heading": title, "items": [{"figure": f, "label": label} for f, label in items]},
    }


def principles(title, items):
    return {
        "type": "principles",
        "value": {"heading": title, "items": [{"name": n, "description": d} for n, d in items]},
    }


def faq(title, items):
    return {
        "type": "accordion",
        "value": {"heading": title, "items": [{"question": q, "answer": a} for q, a in items]},
    }


def link(url, label):
    return {"page": None, "url": url, "text": label}


def cards(title, items):
    return {
        "type": "cards",
        "value": {
            "heading": title,
            "cards": [
                {"title": t, "text": body, "link": link(url, t) if url else link("", "")}
                for t, body, url in items
            ],
        },
    }


def cta(title, body, url, label):
    return {
        "type": "call_to_action",
        "value": {"heading": title, "text": body, "link": link(url, label)},
    }


def image(key, alt, caption=""):
    """An image block; `key` is replaced by the image id when the page is built."""
    return {"type": "image", "value": {"image": key, "alt_text": alt, "caption": caption}}


def staff_story(key):
    """A staff story block; `key` names a story in stories.py."""
    return {"type": "staff_story", "value": {"story": key}}
