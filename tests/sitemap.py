"""Read the whole sitemap as a crawler would: the index, then every section it lists."""

import re
from urllib.parse import urlsplit


def sitemap_text(client) -> str:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    parts = [index.content.decode()]
    for loc in re.findall(r"<loc>([^<]+)</loc>", parts[0]):
        url = urlsplit(loc)
        response = client.get(url.path + (f"?{url.query}" if url.query else ""))
        assert response.status_code == 200, loc
        parts.append(response.content.decode())
    return "\n".join(parts)
