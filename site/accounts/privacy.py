"""What the accounts app holds about a person: which fields are personal (declared once,
read by the data download), and the staff record in that download (core.privacy)."""

from core.privacy import declare_personal_data, personal_data_exporter, personal_values

from .models import JobRole, Locality, RoleFamily, StaffProfile, Team, User

# The password hash and the permission flags are about the account, not the person: they
# are never exported, and go with the account when it is deleted.
declare_personal_data(
    User,
    personal=[
        "email",
        "first_name",
        "last_name",
        "date_joined",
        "last_login",
        "inactivity_warning_sent_at",
    ],
    identifying=["email", "first_name", "last_name"],
    not_personal=["id", "password", "is_superuser", "is_staff", "is_active"],
)
declare_personal_data(
    StaffProfile,
    personal=[
        "user",
        "line_manager",
        "start_date",
        "end_date",
        "swe_registration_number",
        "swe_renewal_date",
        "is_nqsw_first_year",
    ],
    not_personal=[
        "id",
        "employment_type",
        "job_role",
        "team",
        "locality",
        "created_at",
        "updated_at",
    ],
)
declare_personal_data(Locality, personal=[], not_personal=["id", "name", "slug"])
declare_personal_data(
    Team, personal=[], not_personal=["id", "name", "slug", "kind", "locality", "description"]
)
declare_personal_data(
    JobRole,
    personal=[],
    not_personal=["id", "name", "slug", "family", "requires_swe_registration"],
)
declare_personal_data(
    RoleFamily, personal=[], not_personal=["id", "name", "slug", "summary", "sort_order"]
)


@personal_data_exporter("staff_record")
def export_staff_record(user):
    profile = StaffProfile.objects.filter(user=user).select_related("job_role", "team").first()
    if profile is None:
        return None
    values = personal_values(profile)
    values.pop("user")
    return {
        **values,
        "employment_type": profile.get_employment_type_display(),
        "job_role": str(profile.job_role) if profile.job_role_id else None,
        "team": str(profile.team) if profile.team_id else None,
    }
