"""The public side: the vacancies index (search, filters, feed) and each vacancy page."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from accounts.models import EmploymentType
from core import json_ld
from core.pages import BasePage

# schema.org employmentType values for each of the service's employment types.
SCHEMA_EMPLOYMENT_TYPE = {
    EmploymentType.PERMANENT: "FULL_TIME",
    EmploymentType.FIXED_TERM: "TEMPORARY",
    EmploymentType.AGENCY: "CONTRACTOR",
    EmploymentType.SECONDMENT: "TEMPORARY",
    EmploymentType.STUDENT: "INTERN",
}


class WorkingPattern(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    FLEXIBLE = "flexible", "Flexible hours"
    COMPRESSED = "compressed", "Compressed hours"
    JOB_SHARE = "job_share", "Job share"


class DBSLevel(models.TextChoices):
    ENHANCED_CHILDREN = "enhanced_children", "Enhanced, with the children's barred list"
    ENHANCED = "enhanced", "Enhanced"
    STANDARD = "standard", "Standard"
    BASIC = "basic", "Basic"


class VacancyIndexPage(RoutablePageMixin, BasePage):
    """`/vacancies/`: search and filter live vacancies, plus their Atom feed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    empty_message = models.CharField(
        max_length=255,
        default="No vacancies match your search. Try fewer filters, or set up a job alert.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("empty_message")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["vacancies.VacancyPage"]
    max_count = 1

    class Meta:
        verbose_name = "vacancies index"

    @path("")
    def listing(self, request):
        from vacancies.views.public import vacancy_listing

        return vacancy_listing(request, self)

    @path("feed/")
    def feed(self, request):
        from vacancies.feeds import LiveVacanciesFeed

        return LiveVacanciesFeed(self)(request)


# The weighted document PostgreSQL searches: the title counts for more than the rest.
SEARCH_VECTOR_UPDATE = (
    "UPDATE vacancies_vacancypage SET search_vector = "
    "setweight(to_tsvector('english', coalesce(p.title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(vacancies_vacancypage.search_text, '')), 'B') "
    "FROM wagtailcore_page p WHERE p.id = vacancies_vacancypage.page_ptr_id"
)


class VacancyPage(BasePage):
    """One advertised job. Editors publish, schedule and close vacancies through the workflow."""

    role_family = models.ForeignKey(
        "accounts.RoleFamily", null=True, on_delete=models.PROTECT, related_name="vacancies"
    )
    job_role = models.ForeignKey(
        "accounts.JobRole",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies",
        help_text="The job role a successful candidate's staff record gets when hired.",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, on_delete=models.PROTECT, related_name="vacancies"
    )
    locality = models.ForeignKey(
        "accounts.Locality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vacancies",
        help_text="Leave blank for city-wide roles.",
    )
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    working_pattern = models.CharField(
        max_length=20, choices=WorkingPattern.choices, default=WorkingPattern.FULL_TIME
    )
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1, default=37)
    salary_min = models.PositiveIntegerField("salary from (£ a year)")
    salary_max = models.PositiveIntegerField("salary to (£ a year)")
    grade = models.CharField(max_length=40, blank=True)
    closes_at = models.DateTimeField(
        "closing date and time", help_text="UK time. Applications close at this moment."
    )
    interview_date = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=30, unique=True)
    dbs_level = models.CharField(
        "DBS check", max_length=30, choices=DBSLevel.choices, default=DBSLevel.ENHANCED_CHILDREN
    )
    requires_swe_registration = models.BooleanField(
        "Social Work England registration required", default=False
    )
    summary = models.TextField(max_length=400, help_text="One or two sentences for the listing.")
    description = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    job_profile = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_vacancies",
        help_text="Sees and shortlists this vacancy's applications.",
    )
    # Plain text of everything searchable, kept in step on save. On PostgreSQL it is also
    # stored as a weighted tsvector (title first) with a GIN index (migration 0003) for the
    # listing's fast search path; other databases leave the vector empty.
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("role_family"),
                FieldPanel("job_role"),
                FieldPanel("team"),
                FieldPanel("locality"),
                FieldPanel("hiring_manager"),
            ],
            heading="Where the job sits",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("employment_type"), FieldPanel("working_pattern")]),
                FieldPanel("hours_per_week"),
                FieldRowPanel([FieldPanel("salary_min"), FieldPanel("salary_max")]),
                FieldPanel("grade"),
            ],
            heading="Terms",
        ),
        MultiFieldPanel(
            [
                FieldPanel("reference"),
                FieldPanel("closes_at"),
                FieldPanel("interview_date"),
                FieldPanel("dbs_level"),
                FieldPanel("requires_swe_registration"),
            ],
            heading="Recruitment",
        ),
        FieldPanel("description"),
        FieldPanel("job_profile"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("reference"),
        index.FilterField("role_family"),
        index.FilterField("locality"),
        index.FilterField("employment_type"),
        index.FilterField("working_pattern"),
        index.FilterField("salary_max"),
        index.FilterField("closes_at"),
    ]

    template = "vacancies/pages/vacancy_page.html"
    parent_page_types = ["vacancies.VacancyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "vacancy"
        verbose_name_plural = "vacancies"
        indexes = [
            models.Index(fields=["closes_at"], name="vacancy_closes_at_idx"),
            models.Index(fields=["salary_max"], name="vacancy_salary_max_idx"),
            models.Index(fields=["salary_min"], name="vacancy_salary_min_idx"),
            models.Index(fields=["employment_type"], name="vacancy_employment_idx"),
            models.Index(fields=["working_pattern"], name="vacancy_pattern_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.reference})"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.salary_min and self.salary_max and self.salary_max < self.salary_min:
            raise ValidationError(
                {"salary_max": "The top of the range must be at least the start."}
            )

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    SEARCH_VECTOR_UPDATE + " AND vacancies_vacancypage.page_ptr_id = %s",
                    [self.pk],
                )

    def build_search_text(self) -> str:
        parts = [self.title, self.summary, strip_tags(self.description or ""), self.reference]
        for related in ("role_family", "team", "locality", "job_role"):
            if getattr(self, f"{related}_id", None):
                parts.append(str(getattr(self, related)))
        return " ".join(p for p in parts if p)

    @property
    def is_open(self) -> bool:
        return self.live and self.closes_at > timezone.now()

    @property
    def salary_display(self) -> str:
        text = f"£{self.salary_min:,} to £{self.salary_max:,} a year"
        return f"{text} ({self.grade})" if self.grade else text

    def get_sitemap_urls(self, request=None):
        # A closed vacancy drops out of the sitemap along with the listings.
        if not self.is_open:
            return []
        return super().get_sitemap_urls(request)

    def job_posting_json_ld(self, request=None) -> str:
        """schema.org JobPosting with the properties search engines require."""
        location = self.locality.name if self.locality_id else "Southampton"
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.title,
            "description": str(self.description),
            "identifier": {
                "@type": "PropertyValue",
                "name": "Southampton City Council",
                "value": self.reference,
            },
            "datePosted": (self.first_published_at or timezone.now()).date().isoformat(),
            "validThrough": timezone.localtime(self.closes_at).isoformat(),
            "employmentType": SCHEMA_EMPLOYMENT_TYPE.get(self.employment_type, "OTHER"),
            "hiringOrganization": {
                "@type": "Organization",
                "name": "Southampton City Council",
                "sameAs": "https://www.southampton.gov.uk",
            },
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": f"{location}, Southampton",
                    "addressRegion": "Hampshire",
                    "addressCountry": "GB",
                },
            },
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "GBP",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": self.salary_min,
                    "maxValue": self.salary_max,
                    "unitText": "YEAR",
                },
            },
            "directApply": True,
            "url": self.get_full_url(request),
        }
        return json_ld.dumps(data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from vacancies.models import Application, SavedVacancy

        user = getattr(request, "user", None)
        # Previews of an unsaved page have no applications or saves to look up.
        if self.pk and user is not None and user.is_authenticated:
            context["my_application"] = Application.objects.filter(
                vacancy=self, candidate=user
            ).first()
            context["is_saved"] = SavedVacancy.objects.filter(vacancy=self, user=user).exists()
        return context


def open_vacancies(now=None):
    """Vacancies on offer: live, and their closing time still ahead. The one definition
    of "open" (search, feeds, sections, the site search and the cache all use it)."""
    now = now or timezone.now()
    return VacancyPage.objects.live().filter(closes_at__gt=now)
