#!/usr/bin/env python
"""Django's command-line utility for the Southampton Way portal."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # The editable install puts site/ on the path; this keeps a bare checkout working too.
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
