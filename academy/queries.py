"""Catalogue search and filters, all held in the URL so they work without JavaScript."""

import datetime
import hashlib
import json

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from accounts.models import EmploymentType, JobRole
from core.search import clean_search_text

from .models import (
    CourseCategory,
    CourseFormat,
    CoursePage,
    CourseTag,
    KssArea,
    MandatoryRule,
    PcfDomain,
    PracticeStrand,
    TrainingSession,
)

WHEN_CHOICES = [
    ("", "Any time"),
    ("week", "In the next 7 days"),
    ("month", "In the next 30 days"),
    ("quarter", "In the next 3 months"),
]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label="Search courses", required=False, max_length=100)
    category = forms.ModelChoiceField(
        queryset=CourseCategory.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All categories",
    )
    format = forms.ChoiceField(choices=[("", "Any format"), *CourseFormat.choices], required=False)
    role = forms.ModelChoiceField(
        label="Job role",
        queryset=JobRole.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any job role",
    )
    employment = forms.ChoiceField(
        label="Employment type",
        choices=[("", "Any employment type"), *EmploymentType.choices],
        required=False,
    )
    strand = forms.ModelChoiceField(
        label="Practice framework strand",
        queryset=PracticeStrand.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any strand",
    )
    pcf = forms.ModelChoiceField(
        label="PCF domain",
        queryset=PcfDomain.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any PCF domain",
        help_text="Professional Capabilities Framework",
    )
    kss = forms.ModelChoiceField(
        label="Knowledge and skills statement area",
        queryset=KssArea.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Any KSS area",
    )
    tag = forms.ChoiceField(label="Topic", required=False)
    when = forms.ChoiceField(label="Sessions", choices=WHEN_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tags = (
            CourseTag.objects.filter(content_object__live=True)
            .values_list("tag__slug", "tag__name")
            .distinct()
            .order_by("tag__name")
        )
        self.fields["tag"].choices = [("", "Any topic"), *tags]

    mandatory = forms.BooleanField(label="Only training that is mandatory for me", required=False)

    def clean_q(self):
        return clean_search_text(self.cleaned_data["q"], 100)


class CatalogueSearch:
    per_page = 20

    def __init__(self, request, index_page):
        self.request = request
        self.index_page = index_page
        self.form = CatalogueFilterForm(request.GET or None)
        self.profile = (
            getattr(request.user, "staff_profile", None) if request.user.is_authenticated else None
        )
        if self.profile is None:
            del self.form.fields["mandatory"]
        self.data = self.form.cleaned_data if self.form.is_valid() else {}

    @property
    def is_filtered(self):
        return any(self.data.get(key) for key in self.data)

    def queryset(self, now=None):
        now = now or timezone.now()
        courses = CoursePage.objects.live().child_of(self.index_page)
        data = self.data
        if data.get("q"):
            ids = [page.pk for page in courses.search(data["q"])]
            courses = courses.filter(pk__in=ids)
        if data.get("category"):
            courses = courses.filter(categories=data["category"])
        if data.get("format"):
            courses = courses.filter(format=data["format"])
        if data.get("strand"):
            courses = courses.filter(practice_strand=data["strand"])
        if data.get("pcf"):
            courses = courses.filter(pcf_domains=data["pcf"])
        if data.get("kss"):
            courses = courses.filter(kss_areas=data["kss"])
        if data.get("tag"):
            courses = courses.filter(tagged_items__tag__slug=data["tag"])
        if data.get("role"):
            courses = courses.filter(
                Q(audience_job_roles=data["role"]) | Q(audience_job_roles__isnull=True)
            )
        if data.get("employment"):
            # JSON containment is not portable to SQLite: filter the (small) list in Python.
            wanted = data["employment"]
            ids = [
                pk
                for pk, types in courses.values_list("pk", "audience_employment_types")
                if not types or wanted in types
            ]
            courses = courses.filter(pk__in=ids)
        upcoming = TrainingSession.objects.filter(
            course=OuterRef("pk"), starts_at__gt=now, is_cancelled=False
        )
        if data.get("when"):
            days = {"week": 7, "month": 30, "quarter": 91}[data["when"]]
            horizon = now + datetime.timedelta(days=days)
            courses = courses.filter(
                Q(Exists(upcoming.filter(starts_at__lte=horizon)))
                | Q(format=CourseFormat.E_LEARNING)
            )
        if data.get("mandatory") and self.profile is not None:
            courses = courses.filter(pk__in=mandatory_course_ids(self.profile))
        return (
            courses.annotate(
                next_session=Min(
                    "sessions__starts_at",
                    filter=Q(sessions__starts_at__gt=now, sessions__is_cancelled=False),
                )
            )
            .distinct()
            .order_by("title")
        )

    def results(self):
        paginator = Paginator(self.queryset(), self.per_page)
        page = paginator.get_page(self.request.GET.get("page"))
        mandatory = set(mandatory_course_ids(self.profile)) if self.profile else set()
        for course in page.object_list:
            course.is_mandatory_for_me = course.pk in mandatory
        return page

    def rendered_form(self):
        """The filter form's HTML, rendered once per pages version and set of filters.

        Rendering it reads every category and job role (server-side cursors on PostgreSQL)
        and runs a dozen widget templates: a third of the catalogue page. Categories and
        job roles are snippets, so editing one moves the pages version (core.page_cache).
        """
        from core import page_cache

        params = sorted(
            (name, value)
            for name, values in self.request.GET.lists()
            if name in self.form.fields
            for value in values
        )
        digest = hashlib.sha256(json.dumps(params).encode()).hexdigest()[:32]
        key = (
            f"academy:catalogue-form:{page_cache.pages_version()}:"
            f"{int('mandatory' in self.form.fields)}:{digest}"
        )
        html = cache.get(key)
        if html is None:
            html = str(self.form)
            cache.set(key, html, page_cache.TIMEOUT)
        return mark_safe(html)  # noqa: S308 - rendered by Django's form templates

    def query_string_without_page(self):
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()


def mandatory_course_ids(profile) -> list[int]:
    rules = MandatoryRule.objects.filter(
        Q(job_role__isnull=True) | Q(job_role=profile.job_role_id),
        Q(employment_type="") | Q(employment_type=profile.employment_type),
    )
    if not profile.is_nqsw_first_year:
        rules = rules.filter(newly_qualified_only=False)
    return list(rules.values_list("course_id", flat=True).distinct())
