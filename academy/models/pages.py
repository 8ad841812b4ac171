"""The public catalogue: the academy index, course pages and e-learning module pages."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from accounts.models import EmploymentType
from core.pages import BasePage

from .checks import QuestionBankBlock

RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE_LIVE = "online_live", "Online, live"
    E_LEARNING = "e_learning", "E-learning"
    BLENDED = "blended", "Blended"


class AcademyIndexPage(BasePage):
    """The academy's front page and searchable catalogue (/academy/)."""

    intro = RichTextField(blank=True, features=RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["academy.CoursePage"]
    max_count = 1
    whole_page_cache = False  # next session dates (its filter form is cached instead)

    class Meta:
        verbose_name = "academy index page"

    def get_context(self, request, *args, **kwargs):
        from academy.queries import CatalogueSearch

        context = super().get_context(request, *args, **kwargs)
        search = CatalogueSearch(request, self)
        context["search"] = search
        context["courses"] = search.results()
        return context


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "academy.CoursePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CoursePageForm(WagtailAdminPageForm):
    audience_employment_types = forms.MultipleChoiceField(
        choices=EmploymentType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked when the course is open to every employment type.",
    )


class CoursePage(BasePage):
    summary = models.TextField(max_length=400, help_text="One or two sentences for listings.")
    body = RichTextField("description", blank=True, features=RICH_TEXT)
    learning_outcomes = RichTextField(
        blank=True, features=["ul", "bold", "italic"], help_text="A bulleted list works best."
    )
    format = models.CharField(max_length=20, choices=CourseFormat.choices)
    duration = models.CharField(max_length=60, help_text="For example “1 day” or “3 × 2 hours”.")
    cpd_hours = models.DecimalField("CPD hours", max_digits=5, decimal_places=1, default=0)
    audience_job_roles = ParentalManyToManyField(
        "accounts.JobRole",
        blank=True,
        related_name="courses",
        help_text="Leave empty when the course is for every role.",
    )
    audience_employment_types = models.JSONField(default=list, blank=True)
    renewal_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How often the course must be renewed, in months. Blank: once is enough.",
    )
    prerequisites = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="required_for"
    )
    practice_strand = models.ForeignKey(
        "academy.PracticeStrand",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    pcf_domains = ParentalManyToManyField(
        "academy.PcfDomain", blank=True, related_name="courses", verbose_name="PCF domains"
    )
    kss_areas = ParentalManyToManyField(
        "academy.KssArea", blank=True, related_name="courses", verbose_name="KSS areas"
    )
    categories = ParentalManyToManyField(
        "academy.CourseCategory", blank=True, related_name="courses"
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True)

    base_form_class = CoursePageForm
    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("duration"), FieldPanel("cpd_hours")],
            heading="Format",
        ),
        MultiFieldPanel(
            [FieldPanel("audience_job_roles"), FieldPanel("audience_employment_types")],
            heading="Who it is for",
        ),
        MultiFieldPanel(
            [InlinePanel("mandatory_rules", label="Mandatory for"), FieldPanel("renewal_months")],
            heading="Mandatory training",
        ),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("practice_strand"),
                FieldPanel("pcf_domains", widget=forms.CheckboxSelectMultiple),
                FieldPanel("kss_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="Practice framework and classification",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("learning_outcomes"),
    ]
    parent_page_types = ["academy.AcademyIndexPage"]
    subpage_types = ["academy.ELearningModulePage"]
    whole_page_cache = False  # upcoming sessions and places left change with each booking

    class Meta:
        verbose_name = "course"

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def is_e_learning(self):
        return self.format == CourseFormat.E_LEARNING

    @cached_property
    def modules(self):
        return list(self.get_children().live().type(ELearningModulePage).specific())

    def employment_type_labels(self):
        labels = dict(EmploymentType.choices)
        return [labels[value] for value in self.audience_employment_types if value in labels]

    def is_for(self, profile) -> bool:
        """Whether the course's audience includes this staff member."""
        roles = list(self.audience_job_roles.all())
        if roles and profile.job_role_id not in {r.pk for r in roles}:
            return False
        types = self.audience_employment_types
        return not types or profile.employment_type in types

    def get_context(self, request, *args, **kwargs):
        from academy.services.booking import upcoming_sessions_for
        from academy.services.elearning import course_standing

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = upcoming_sessions_for(self, request.user)
        if self.is_e_learning:
            context["standing"] = course_standing(request.user, self)
        return context


class MandatoryRule(Orderable):
    """The course is mandatory for people matching every field that is filled in."""

    course = ParentalKey(CoursePage, related_name="mandatory_rules", on_delete=models.CASCADE)
    job_role = models.ForeignKey(
        "accounts.JobRole",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Blank: every job role.",
    )
    employment_type = models.CharField(
        max_length=20, choices=EmploymentType.choices, blank=True, help_text="Blank: everyone."
    )
    newly_qualified_only = models.BooleanField(default=False)
    due_within_days = models.PositiveSmallIntegerField(
        default=90, help_text="Days after starting (or after the last completion expires)."
    )

    panels = [
        FieldPanel("job_role"),
        FieldPanel("employment_type"),
        FieldPanel("newly_qualified_only"),
        FieldPanel("due_within_days"),
    ]

    def __str__(self):
        parts = [str(self.job_role) if self.job_role_id else "Everyone"]
        if self.employment_type:
            parts.append(self.get_employment_type_display())
        if self.newly_qualified_only:
            parts.append("newly qualified")
        return ", ".join(parts)

    def applies_to(self, profile) -> bool:
        if self.job_role_id and profile.job_role_id != self.job_role_id:
            return False
        if self.employment_type and profile.employment_type != self.employment_type:
            return False
        return not (self.newly_qualified_only and not profile.is_nqsw_first_year)


class ELearningModulePage(BasePage):
    """One module of an e-learning course; finishing every module completes the course."""

    introduction = models.TextField(max_length=400, blank=True)
    body = RichTextField(features=RICH_TEXT)
    reflection_prompt = models.CharField(
        max_length=300, blank=True, help_text="A question to think about before moving on."
    )
    check_questions = StreamField(
        QuestionBankBlock(),
        blank=True,
        verbose_name="question bank",
        help_text="Each attempt draws questions at random from this bank.",
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        default=3, help_text="How many questions from the bank each attempt asks."
    )
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, help_text="The share of right answers needed to pass."
    )
    retake_wait_hours = models.PositiveSmallIntegerField(
        default=24,
        help_text="Hours a learner must wait after a failed attempt before trying again "
        "(0: straight away).",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("reflection_prompt"),
        MultiFieldPanel(
            [
                FieldPanel("check_questions"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("pass_mark"),
                FieldPanel("retake_wait_hours"),
            ],
            heading="Knowledge check",
        ),
    ]
    parent_page_types = ["academy.CoursePage"]
    subpage_types: list[str] = []

    whole_page_cache = False  # per-person progress

    class Meta:
        verbose_name = "e-learning module"

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        errors = {}
        bank = len(self.check_questions)
        if bank == 0:
            errors["check_questions"] = (
                "Add at least one question: learners complete a module by passing its check."
            )
        elif not 1 <= self.questions_per_attempt <= bank:
            errors["questions_per_attempt"] = (
                f"Choose between 1 and {bank}, the number of questions in the bank."
            )
        if not 1 <= self.pass_mark <= 100:
            errors["pass_mark"] = "Enter a pass mark between 1 and 100."  # noqa: S105
        if errors:
            raise ValidationError(errors)

    def question_bank(self) -> list[dict]:
        """The bank as plain data: each question with its block id and its answers."""
        return [
            {
                "id": block.id,
                "question": block.value["question"],
                "several_answers": bool(block.value["several_answers"]),
                "answers": [
                    {
                        "text": answer["text"],
                        "correct": bool(answer["correct"]),
                        "feedback": answer["feedback"],
                    }
                    for answer in block.value["answers"]
                ],
            }
            for block in self.check_questions
        ]

    def get_context(self, request, *args, **kwargs):
        from academy.services.checks import check_standing
        from academy.services.elearning import module_progress

        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        context["course"] = course
        context.update(module_progress(course, self, request.user))
        context["check"] = check_standing(request.user, self)
        return context
