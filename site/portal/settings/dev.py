"""Local development: DEBUG on, mail to files under var/mail, demo MFA code allowed."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Development only: lets the demo staff sign in through the mandatory MFA step with
# this code (allauth refuses it whenever DEBUG is off).
MFA_TOTP_INSECURE_BYPASS_CODE = env("MFA_TOTP_INSECURE_BYPASS_CODE", default="123456")
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "confirm_email": False}  # noqa: F405
PORTAL_ALLOW_DEMO_DATA = True
