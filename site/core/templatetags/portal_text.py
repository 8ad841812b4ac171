"""Small text filters for putting names into sentences."""

from django import template

register = template.Library()


@register.filter
def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Social workers" -> "social workers", but
    an acronym keeps its capitals ("SEND roles" stays "SEND roles")."""
    name = str(name or "")
    first_word = name.split(" ", 1)[0]
    if len(first_word) > 1 and first_word.isupper():
        return name
    return name[:1].lower() + name[1:]
