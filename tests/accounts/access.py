from tests.access import ALL_ROLES, Row

ACCESS = [
    Row("accounts:dashboard", allowed=ALL_ROLES),
    Row("accounts:download_data", allowed=ALL_ROLES),
    # Staff accounts are closed by an administrator: they are sent back to the dashboard.
    Row("accounts:delete", allowed={"candidate", "foster enquirer"}, others=302),
    Row("healthz", public=True),
    # Staff records and workforce reference data in the Wagtail admin: admin users lacking
    # the permission are sent to the dashboard (302); others get 403 (tests/access.py).
    Row(
        "staff-records",
        path="/admin/staff_records/",
        allowed={"administrator", "recruiter", "L&D lead", "workforce lead"},
        others=302,
    ),
    Row(
        "teams",
        path="/admin/snippets/accounts/team/",
        allowed={"administrator", "recruiter", "L&D lead", "workforce lead"},
        others=302,
    ),
    Row(
        "role-families",
        path="/admin/snippets/accounts/rolefamily/",
        allowed={"administrator"},
        others=302,
    ),
    Row("robots_txt", public=True),
    Row("sitemap", public=True),
    Row("sitemap_section", kwargs={"section": "pages"}, public=True),
]
