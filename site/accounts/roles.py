"""Who may do what: the one place in the code that maps roles to permissions.

Each role is a Django group. `sync_roles()` (run after every migrate) makes each group hold
exactly the permissions listed here, so a change to this file is a reviewed change to
access. Views check permissions (`user.has_perm`) and, where a rule is about *which*
records someone may see, the querysets in each app's `permissions.py` narrow them further
(a hiring manager sees only their own vacancies, a line manager only their team).
"""

from dataclasses import dataclass, field, replace


class Role:
    CANDIDATE = "candidate"
    FOSTER_ENQUIRER = "foster enquirer"
    STAFF_MEMBER = "staff member"
    LINE_MANAGER = "line manager"
    HIRING_MANAGER = "hiring manager"
    RECRUITER = "recruiter"
    TRAINER = "trainer"
    LD_LEAD = "L&D lead"
    FOSTERING_TEAM = "fostering team"
    CONTENT_EDITOR = "content editor"
    ADMINISTRATOR = "administrator"
    ASYE_ASSESSOR = "ASYE assessor"
    PROGRAMME_COORDINATOR = "programme coordinator"
    MODERATION_PANEL = "moderation panel"
    WORKFORCE_LEAD = "workforce lead"
    DCS = "director of children's services"
    CHIEF_EXECUTIVE = "chief executive"


@dataclass(frozen=True)
class RoleSpec:
    name: str
    description: str
    permissions: frozenset[str] = field(default_factory=frozenset)
    # Holders see other people's personal data, so a second factor is mandatory.
    requires_mfa: bool = False
    # Page-tree permissions on the whole site (Wagtail), e.g. {"add", "change"}.
    page_permissions: frozenset[str] = field(default_factory=frozenset)
    # Image and document collection permissions (Wagtail).
    collection_permissions: frozenset[str] = field(default_factory=frozenset)


ADMIN_ACCESS = "wagtailadmin.access_admin"

_STAFF_DIRECTORY = {"accounts.view_staffprofile", "accounts.view_team", "accounts.view_locality"}

_BASE_ROLES: dict[str, RoleSpec] = {
    spec.name: spec
    for spec in [
        RoleSpec(
            Role.CANDIDATE,
            "Applies for jobs and follows their own applications.",
        ),
        RoleSpec(
            Role.FOSTER_ENQUIRER,
            "Enquires about fostering and follows their own case.",
        ),
        RoleSpec(
            Role.STAFF_MEMBER,
            "Works for the service (permanent, agency or other): books training, keeps CPD.",
        ),
        RoleSpec(
            Role.LINE_MANAGER,
            "Approves their team's training bookings and sees the team's completions.",
            permissions=frozenset({"accounts.view_staffprofile"}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.HIRING_MANAGER,
            "Shortlists, interviews and decides on applications for their own vacancies.",
            permissions=frozenset({ADMIN_ACCESS}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.RECRUITER,
            "Runs every application through the pipeline, checks included.",
            permissions=frozenset({ADMIN_ACCESS, *_STAFF_DIRECTORY}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.TRAINER,
            "Delivers training sessions and takes the attendance register.",
            permissions=frozenset({ADMIN_ACCESS}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.LD_LEAD,
            "Runs the academy: catalogue, sessions, bookings, completions and compliance.",
            permissions=frozenset({ADMIN_ACCESS, *_STAFF_DIRECTORY}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.FOSTERING_TEAM,
            "Takes each fostering enquiry from first contact to approval.",
            permissions=frozenset({ADMIN_ACCESS}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.CONTENT_EDITOR,
            "Drafts and submits public pages, news and vacancies for approval.",
            permissions=frozenset(
                {
                    ADMIN_ACCESS,
                    "wagtailimages.add_image",
                    "wagtailimages.change_image",
                    "wagtailimages.choose_image",
                    "wagtaildocs.add_document",
                    "wagtaildocs.change_document",
                    "wagtaildocs.choose_document",
                }
            ),
            page_permissions=frozenset({"add", "change"}),
            collection_permissions=frozenset({"add", "change", "choose"}),
        ),
        RoleSpec(
            Role.ASYE_ASSESSOR,
            "Assesses the newly qualified social workers they are assessor for.",
            requires_mfa=True,
        ),
        RoleSpec(
            Role.PROGRAMME_COORDINATOR,
            "Runs the early-career programme: the whole cohort, overdue items, exports.",
            permissions=frozenset({ADMIN_ACCESS}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.MODERATION_PANEL,
            "Moderates assessors' recommendations from anonymised portfolios.",
            requires_mfa=True,
        ),
        RoleSpec(
            Role.WORKFORCE_LEAD,
            "Keeps the employment history, the agency register and the quarterly DfE return.",
            permissions=frozenset({ADMIN_ACCESS, *_STAFF_DIRECTORY}),
            requires_mfa=True,
        ),
        RoleSpec(
            Role.DCS,
            "Director of Children's Services: first sign-off of agency assignments above the "
            "price cap.",
            requires_mfa=True,
        ),
        RoleSpec(
            Role.CHIEF_EXECUTIVE,
            "Second sign-off of agency assignments above the price cap, after the DCS.",
            requires_mfa=True,
        ),
        RoleSpec(
            Role.ADMINISTRATOR,
            "Manages accounts, staff records and reference data; approves and publishes pages.",
            permissions=frozenset(
                {
                    ADMIN_ACCESS,
                    "accounts.add_user",
                    "accounts.change_user",
                    "accounts.view_user",
                    "accounts.add_staffprofile",
                    "accounts.change_staffprofile",
                    "accounts.view_staffprofile",
                    "accounts.delete_staffprofile",
                    "accounts.add_team",
                    "accounts.change_team",
                    "accounts.view_team",
                    "accounts.add_locality",
                    "accounts.change_locality",
                    "accounts.view_locality",
                    "accounts.add_jobrole",
                    "accounts.change_jobrole",
                    "accounts.view_jobrole",
                    "accounts.add_rolefamily",
                    "accounts.change_rolefamily",
                    "accounts.view_rolefamily",
                    "wagtailimages.add_image",
                    "wagtailimages.change_image",
                    "wagtailimages.choose_image",
                    "wagtaildocs.add_document",
                    "wagtaildocs.change_document",
                    "wagtaildocs.choose_document",
                    "wagtailredirects.add_redirect",
                    "wagtailredirects.change_redirect",
                    "wagtailredirects.delete_redirect",
                }
            ),
            requires_mfa=True,
            page_permissions=frozenset({"add", "change", "publish", "lock", "unlock"}),
            collection_permissions=frozenset({"add", "change", "choose", "delete"}),
        ),
    ]
}


# Each domain adds the permissions its models define, in its own section below, so one
# file still says who may do what while each app's rules stay together.

# --- Public site (cms) -------------------------------------------------------
_CMS_EDITING = {
    "cms.add_staffstory",
    "cms.change_staffstory",
    "cms.view_staffstory",
    "cms.change_sitesettings",
    "cms.change_navigationsettings",
}
CMS_PERMISSIONS: dict[str, set[str]] = {
    Role.CONTENT_EDITOR: _CMS_EDITING,
    Role.ADMINISTRATOR: _CMS_EDITING | {"cms.delete_staffstory", "cms.publish_staffstory"},
}

# --- Vacancies and applicant tracking -----------------------------------------
# Recruiters run every application through the pipeline, checks and hire included.
# Hiring managers shortlist, interview and offer on their own vacancies only (the row
# rule lives in vacancies/permissions.py); they never get the all-applications register.
VACANCY_PERMISSIONS: dict[str, set[str]] = {
    Role.RECRUITER: {
        "vacancies.view_application",
        "vacancies.move_application",
        "vacancies.view_recruitment_reports",
        "vacancies.view_preemploymentcheck",
        "vacancies.change_preemploymentcheck",
        "vacancies.view_interviewslot",
        "vacancies.add_interviewslot",
        "vacancies.view_jobalert",
        "vacancies.delete_jobalert",
    },
    Role.HIRING_MANAGER: {
        "vacancies.shortlist_application",
        "vacancies.move_application",
        "vacancies.add_interviewslot",
    },
}

# --- Fostering ----------------------------------------------------------------
# The fostering team runs every case; administrators see the same and also keep the
# clocks, bank holidays and retention period. Nobody else sees a case (an enquirer sees
# only their own, through the row rule in fostering/permissions.py).
_FOSTERING_TEAM = {
    f"fostering.{action}_{model}"
    for model in (
        "fosteringcase",
        "householdmember",
        "stage1check",
        "casenote",
        "informationevent",
        "eventbooking",
        "preparationsession",
        "preparationbooking",
    )
    for action in ("view", "add", "change")
} | {"fostering.view_stagemove", "fostering.view_bankholiday", "fostering.view_fosteringrules"}
FOSTERING_PERMISSIONS: dict[str, set[str]] = {
    Role.FOSTERING_TEAM: _FOSTERING_TEAM,
    Role.ADMINISTRATOR: _FOSTERING_TEAM
    | {
        "fostering.delete_fosteringcase",
        "fostering.delete_informationevent",
        "fostering.delete_preparationsession",
        "fostering.add_bankholiday",
        "fostering.change_bankholiday",
        "fostering.delete_bankholiday",
        "fostering.change_fosteringrules",
        # Move a case past an unmet gate, with a written reason the history keeps.
        "fostering.override_case_gate",
    },
}


# --- Academy ------------------------------------------------------------------
def _academy_crud(*models: str, actions=("add", "change", "view", "delete")) -> set[str]:
    return {f"academy.{action}_{model}" for model in models for action in actions}


ACADEMY_PERMISSIONS: dict[str, set[str]] = {
    # Permanent and agency staff alike: book training, keep a CPD record. The portal's
    # booking pages check add_booking; it opens no admin screen (core/viewsets.py).
    Role.STAFF_MEMBER: {
        "academy.add_booking",
        "academy.view_cpdentry",
        "academy.add_cpdentry",
        "academy.change_cpdentry",
    },
    # Only for their direct reports (academy/permissions.py).
    Role.LINE_MANAGER: {"academy.approve_booking"},
    # Only for the sessions they run (academy/permissions.py).
    Role.TRAINER: {"academy.take_register"},
    Role.LD_LEAD: {
        "academy.take_register",
        "academy.view_reports",
        "academy.view_booking",
        "academy.change_booking",
        "academy.view_enrolment",
        "academy.add_enrolment",
        "academy.change_enrolment",
        "academy.change_academysettings",
        *_academy_crud(
            "trainingsession",
            "completion",
            "programme",
            "coursecategory",
            "practicestrand",
            "pcfdomain",
            "kssarea",
        ),
    },
}


# --- Early-career portfolio ----------------------------------------------------
# Row rules (an assessor sees only the portfolios they assess, a manager their team's)
# live in portfolio/permissions.py; these say what kind of access each role has.
_PORTFOLIO_SHAPE = {
    f"portfolio.{action}_{model}"
    for model in ("framework", "programmetemplate")
    for action in ("add", "change", "view")
}
PORTFOLIO_PERMISSIONS: dict[str, set[str]] = {
    Role.ASYE_ASSESSOR: {"portfolio.assess_portfolio"},
    Role.PROGRAMME_COORDINATOR: {
        "portfolio.coordinate_portfolio",
        "portfolio.view_portfolio",
        "portfolio.add_portfolio",
        "portfolio.change_portfolio",
        "portfolio.view_cohort",
        "portfolio.add_cohort",
        "portfolio.change_cohort",
        "portfolio.view_moderationpanel",
        "portfolio.add_moderationpanel",
        "portfolio.change_moderationpanel",
        "portfolio.view_programmetemplate",
        "portfolio.view_framework",
    },
    Role.MODERATION_PANEL: {"portfolio.moderate_portfolio"},
    Role.ADMINISTRATOR: _PORTFOLIO_SHAPE
    | {"portfolio.view_cohort", "portfolio.add_cohort", "portfolio.change_cohort"},
}


# --- Workforce record and agency register -------------------------------------
# The workforce lead keeps it all; line managers see their own team's history and
# assignments (row rule in workforce/permissions.py); the DCS and the chief executive see
# the register and hold one sign-off each. An agency worker sees only their own assignment.
def _workforce_crud(*models: str, actions=("add", "change", "view")) -> set[str]:
    return {f"workforce.{action}_{model}" for model in models for action in actions}


_WORKFORCE_READERS = {"workforce.view_agencyassignment", "workforce.view_employmentspell"}
WORKFORCE_PERMISSIONS: dict[str, set[str]] = {
    Role.WORKFORCE_LEAD: _workforce_crud(
        "employmentspell",
        "agencyassignment",
        "compliancecheck",
        "registrationcheck",
        "registrationrenewal",
    )
    | _workforce_crud(
        "agency", "pricecap", "projectteam", actions=("add", "change", "view", "delete")
    )
    | {"workforce.manage_agency_register", "workforce.change_workforcesettings"},
    Role.LINE_MANAGER: _WORKFORCE_READERS,
    Role.DCS: _WORKFORCE_READERS | {"workforce.sign_off_as_dcs"},
    Role.CHIEF_EXECUTIVE: _WORKFORCE_READERS | {"workforce.sign_off_as_chief_executive"},
    Role.ADMINISTRATOR: {"workforce.change_workforcesettings"},
}


def _with_domain_permissions(base: dict[str, RoleSpec]) -> dict[str, RoleSpec]:
    merged = {}
    for name, spec in base.items():
        extra = set()
        for domain in (
            CMS_PERMISSIONS,
            VACANCY_PERMISSIONS,
            FOSTERING_PERMISSIONS,
            ACADEMY_PERMISSIONS,
            PORTFOLIO_PERMISSIONS,
            WORKFORCE_PERMISSIONS,
        ):
            extra |= domain.get(name, set())
        merged[name] = replace(spec, permissions=frozenset(spec.permissions | extra))
    return merged


ROLES: dict[str, RoleSpec] = _with_domain_permissions(_BASE_ROLES)

STAFF_ROLES = frozenset(
    {
        Role.STAFF_MEMBER,
        Role.LINE_MANAGER,
        Role.HIRING_MANAGER,
        Role.RECRUITER,
        Role.TRAINER,
        Role.LD_LEAD,
        Role.FOSTERING_TEAM,
        Role.CONTENT_EDITOR,
        Role.ADMINISTRATOR,
        Role.ASYE_ASSESSOR,
        Role.PROGRAMME_COORDINATOR,
        Role.MODERATION_PANEL,
        Role.WORKFORCE_LEAD,
        Role.DCS,
        Role.CHIEF_EXECUTIVE,
    }
)
PUBLIC_ROLES = frozenset({Role.CANDIDATE, Role.FOSTER_ENQUIRER})
MFA_REQUIRED_ROLES = frozenset(name for name, spec in ROLES.items() if spec.requires_mfa)


def requires_mfa(user) -> bool:
    """True when this person must have a second factor before reaching staff pages."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(*MFA_REQUIRED_ROLES)


def sync_roles() -> None:
    """Make every role group hold exactly the permissions this module lists."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    # Wagtail's starter groups would grant rights from outside this module: drop them
    # while nobody is in them.
    Group.objects.filter(name__in=("Moderators", "Editors"), user__isnull=True).delete()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for spec in ROLES.values():
        group, _ = Group.objects.get_or_create(name=spec.name)
        group.permissions.set(_permissions(spec.permissions))
        if root_page is not None:
            wanted = set(_permissions(f"wagtailcore.{p}_page" for p in spec.page_permissions))
            GroupPagePermission.objects.filter(group=group).exclude(permission__in=wanted).delete()
            for permission in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            wanted = set(
                _permissions(
                    f"{app}.{p}_{model}"
                    for p in spec.collection_permissions
                    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
                )
            )
            GroupCollectionPermission.objects.filter(group=group).exclude(
                permission__in=wanted
            ).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


def _permissions(names):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    names = set(names)
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query).select_related("content_type"))
    missing = names - {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
    if missing:
        raise LookupError(f"Roles name permissions that do not exist: {sorted(missing)}")
    return permissions
