"""What a person types into a search box, made safe for every search backend.

Search backends each have a query syntax: SQLite's full-text MATCH fails on a lone double
quote, PostgreSQL refuses a NUL byte anywhere in a statement (the site search logs each
query before it runs), Elasticsearch has its own operators. People search for words, so
the portal keeps the words and turns everything else into spaces, once, here.
"""

import unicodedata

MAX_SEARCH_LENGTH = 200


def _is_word_character(char: str) -> bool:
    # Letters, digits and combining marks, in any script.
    return unicodedata.category(char)[0] in "LNM"


def clean_search_text(text, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """The words of `text`, separated by single spaces, at most `max_length` characters.

    Anything else (quotes, operators, brackets, control characters, NUL, unpaired
    surrogates) separates words. Text with no words gives "" (the page then says there
    is nothing to search for rather than failing).
    """
    if not isinstance(text, str):
        return ""
    # The first `max_length` characters as typed count: a pasted paragraph is searched
    # by its opening words.
    text = unicodedata.normalize("NFKC", text[:max_length])
    kept = "".join(char if _is_word_character(char) else " " for char in text)
    return " ".join(kept.split())[:max_length].strip()
