"""The base for the portal's back-office registers in the Wagtail admin."""

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.viewsets.model import ModelViewSet


class PortalModelViewSet(ModelViewSet):
    """A ModelViewSet whose forms get the same fields as Wagtail's own edit forms.

    Wagtail's plain ModelViewSet builds its form with Django's defaults; this one applies
    Wagtail's registered overrides, so dates get the admin date picker and web addresses
    assume https.
    """

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_for_dbfield(db_field, **kwargs)
