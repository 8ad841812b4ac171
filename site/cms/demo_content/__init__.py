"""Demo content for the public site, written for the portal from the facts in DOMAIN.md.

Each module holds plain data built with the helpers in `blocks.py`; `cms/demo.py` turns
it into pages. Images are referred to by key and drawn with Pillow in `images.py`.
"""
