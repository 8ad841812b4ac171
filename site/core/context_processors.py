from django.conf import settings


def portal(request):
    return {
        "PORTAL_ENV": settings.PORTAL_ENV,
        "PORTAL_SERVICE_NAME": "Southampton Way",
    }
