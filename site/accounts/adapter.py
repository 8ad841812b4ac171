from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

from .roles import PUBLIC_ROLES


class PortalAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        user.first_name = form.cleaned_data.get("first_name", "")
        user.last_name = form.cleaned_data.get("last_name", "")
        if commit:
            user.save()
            interest = form.cleaned_data.get("interest")
            # Public sign-up can only ever grant a public role.
            if interest in PUBLIC_ROLES:
                user.groups.add(Group.objects.get(name=interest))
        return user
