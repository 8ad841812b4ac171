from allauth.account.forms import EmailField, LoginForm, PasswordField, SignupForm
from django import forms

from core import limits

from .roles import Role

# GOV.UK error messages say what to do, field by field, rather than "This field is required."
REQUIRED_MESSAGES = {
    "login": "Enter your email address",
    "email": "Enter your email address",
    "password": "Enter your password",
    "password1": "Enter a password",
    "password2": "Enter the password again",
    "first_name": "Enter your first name",
    "last_name": "Enter your last name",
    "interest": "Select what you are here for",
}


LABELS = {
    "login": "Email address",
    "email": "Email address",
    "remember": "Keep me signed in on this device",
    "password2": "Confirm password",
}


def _govuk_fields(form):
    """Sentence-case labels, specific required-field messages and no placeholders (GOV.UK
    avoids them: they vanish as you type and are often too faint to read)."""
    for name, field in form.fields.items():
        if name in LABELS:
            field.label = LABELS[name]
        if name in REQUIRED_MESSAGES:
            field.error_messages["required"] = REQUIRED_MESSAGES[name]
        field.widget.attrs.pop("placeholder", None)


class PortalLoginForm(LoginForm):
    password = PasswordField(
        show_reset_help=True,
        label="Password",
        autocomplete="current-password",
        max_length=limits.PASSWORD,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_fields(self)


class PortalSignupForm(SignupForm):
    """Public sign-up: creates a candidate or a foster-enquirer account, never a staff one."""

    INTERESTS = [
        (Role.CANDIDATE, "Applying for jobs"),
        (Role.FOSTER_ENQUIRER, "Fostering"),
    ]

    # allauth's field allows 320 characters; the account's column holds 254.
    email = EmailField(max_length=limits.EMAIL)
    first_name = forms.CharField(
        max_length=150, label="First name", widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        max_length=150, label="Last name", widget=forms.TextInput({"autocomplete": "family-name"})
    )
    interest = forms.ChoiceField(
        label="What are you here for?",
        choices=INTERESTS,
        widget=forms.RadioSelect,
        help_text="Staff accounts are set up by the service; you do not need to register.",
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2", "interest"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _govuk_fields(self)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Enter your password to confirm",
        max_length=limits.PASSWORD,
        widget=forms.PasswordInput({"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not correct.")
        return password
