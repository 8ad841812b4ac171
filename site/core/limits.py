"""How much text a person may type into a free-text box, decided once.

Every form field is bounded by its model column; a TextField has no column limit of its
own, so each one the public or staff type into names one of these. Forms built from the
model (the portal's and the Wagtail admin's) then refuse anything longer with a message,
instead of storing a pasted novel (or, on PostgreSQL for a VARCHAR, failing).
"""

# A postal address on a few lines.
ADDRESS = 500
# An answer of a sentence or a paragraph: details, explanations, notes on a move.
SHORT_ANSWER = 2_000
# A longer account: qualifications, employment history, a CPD reflection, a case note.
LONG_ANSWER = 10_000
# The supporting statement (1,500 words at most, counted separately).
STATEMENT = 15_000
# RFC 5321 limits a forward path to 256 characters including the angle brackets.
EMAIL = 254
# What a search box keeps (see core/search.py for what it searches).
SEARCH = 1_000
# A password: generous for a passphrase, small enough not to cost the hasher.
PASSWORD = 4_096
