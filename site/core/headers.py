"""Response headers that keep personal pages out of shared and browser caches."""

PRIVATE = "private, no-store"


def is_personal(request, response) -> bool:
    """A response is personal when a signed-in person asked for it, when it is a download
    (a CV, a data download, an export, a calendar file), or when its address carries a
    token standing in for a person (a booking link, a calendar feed)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if response.has_header("Content-Disposition"):
        return True
    match = getattr(request, "resolver_match", None)
    return bool(match and "token" in match.kwargs)


class PrivateCacheMiddleware:
    """Sends `Cache-Control: private, no-store` on every personal response, so neither a
    proxy nor the browser's back button keeps a copy once the person has gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            response["Cache-Control"] = PRIVATE
            # A copy kept by an older cache until this date would defeat no-store.
            if response.has_header("Expires"):
                del response["Expires"]
        return response
