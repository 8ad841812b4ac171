"""How the application form counts words."""

import re

# A word is a run of letters or digits, with apostrophes and hyphens inside it ("it's",
# "multi-agency"): punctuation on its own ("-", "/", "&") is not a word, and words joined by
# punctuation without a space ("one,two/three") are still counted one by one.
# A number keeps its separators ("40,000", "2.5") as one word.
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text or ""))
