"""People: the user account, and the staff profile that links an account to the workforce."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """Anyone who signs in: candidates, foster enquirers and staff. The e-mail is the login."""

    username = None
    email = models.EmailField("email address", unique=True)
    # Set when the retention task warns an inactive candidate that their account will be
    # deleted; cleared if they sign in again.
    inactivity_warning_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def roles(self) -> set[str]:
        """The role names this person holds (cached per request on the instance)."""
        if not hasattr(self, "_role_cache"):
            self._role_cache = set(self.groups.values_list("name", flat=True))
        return self._role_cache

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


class Locality(models.Model):
    """A locality of the city that locality-facing teams serve (the D22 structure)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "localities"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class Team(models.Model):
    class Kind(models.TextChoices):
        LOCALITY = "locality", "Locality team"
        SPECIALIST = "specialist", "Specialist team"
        FAMILY_SAFEGUARDING = "family_safeguarding", "Family Safeguarding team"
        SUPPORT = "support", "Business and support team"

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.LOCALITY)
    locality = models.ForeignKey(
        Locality, null=True, blank=True, on_delete=models.SET_NULL, related_name="teams"
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class JobRole(models.Model):
    """A job title the service employs, e.g. "Senior social worker". Editable data."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True, blank=True)
    family = models.ForeignKey(
        "RoleFamily", null=True, blank=True, on_delete=models.SET_NULL, related_name="job_roles"
    )
    requires_swe_registration = models.BooleanField(
        "requires Social Work England registration",
        default=False,
        help_text="Registered social work roles must hold a current registration.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class RoleFamily(models.Model):
    """A family of roles the service recruits for, e.g. "Social workers". Editable data."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    summary = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "role families"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class EmploymentType(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    FIXED_TERM = "fixed_term", "Fixed-term"
    AGENCY = "agency", "Agency (locum)"
    SECONDMENT = "secondment", "Secondment"
    STUDENT = "student", "Student placement"


swe_number_validator = RegexValidator(
    r"^SW\d{1,7}$",
    "Enter a Social Work England registration number in the form SW followed by digits, "
    "for example SW123456.",
)


class StaffProfileQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=on))


class StaffProfile(models.Model):
    """A member of the workforce, permanent or agency alike."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="staff_profile")
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    job_role = models.ForeignKey(JobRole, on_delete=models.PROTECT, related_name="staff")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="staff")
    locality = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        help_text="Defaults to the team's locality.",
    )
    line_manager = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    swe_registration_number = models.CharField(
        "Social Work England registration number",
        max_length=10,
        blank=True,
        validators=[swe_number_validator],
    )
    swe_renewal_date = models.DateField("registration renewal date", null=True, blank=True)
    is_nqsw_first_year = models.BooleanField(
        "in first year as a newly qualified social worker", default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StaffProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        indexes = [models.Index(fields=["employment_type"])]

    def __str__(self):
        return f"{self.user} ({self.job_role})"

    def save(self, *args, **kwargs):
        if self.locality_id is None and self.team_id and self.team.locality_id:
            self.locality_id = self.team.locality_id
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        needs_registration = self.job_role_id and self.job_role.requires_swe_registration
        if needs_registration and not self.swe_registration_number:
            errors["swe_registration_number"] = (
                "Enter the Social Work England registration number: this job role "
                "is a registered social work role."
            )
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be on or after the start date."
        if self.line_manager_id and self.line_manager_id == self.user_id:
            errors["line_manager"] = "A person cannot be their own line manager."
        if errors:
            raise ValidationError(errors)
