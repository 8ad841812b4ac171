"""Factories for vacancies and applications, shared by the tests and the demo data."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.factories import JobRoleFactory, TeamFactory, UserFactory
from accounts.models import EmploymentType, RoleFamily
from vacancies.forms.steps import STEPS
from vacancies.models import Application, ApplicationStatus, VacancyIndexPage, VacancyPage

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf_upload(name="cv.pdf", content=MINIMAL_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def vacancy_index() -> VacancyIndexPage:
    """The /vacancies/ page, created under the home page if it is not there yet."""
    index = VacancyIndexPage.objects.first()
    if index:
        return index
    from home.demo import seed as seed_home
    from home.models import HomePage

    if HomePage.objects.first() is None:
        seed_home(lambda *_: None)
    home = HomePage.objects.first()
    index = home.add_child(
        instance=VacancyIndexPage(
            title="Vacancies",
            slug="vacancies",
            seo_title="Children's social care jobs in Southampton",
            search_description=(
                "Search social work, practitioner and management jobs with Southampton City "
                "Council's children's services, and set up job alerts."
            ),
            intro="<p>Find a job where you can practise the Southampton Way.</p>",
        )
    )
    index.save_revision().publish()
    return index


class RoleFamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleFamily
        django_get_or_create = ("name",)

    name = "Social workers"


class VacancyPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VacancyPage

    title = "Social worker, Family Safeguarding"
    slug = factory.Sequence(lambda n: f"vacancy-{n}")
    reference = factory.Sequence(lambda n: f"SCC-CS-{1000 + n}")
    role_family = factory.SubFactory(RoleFamilyFactory)
    job_role = factory.SubFactory(JobRoleFactory)
    team = factory.SubFactory(TeamFactory)
    locality = factory.LazyAttribute(lambda o: o.team.locality)
    employment_type = EmploymentType.PERMANENT
    salary_max = 39000
    salary_min = factory.LazyAttribute(lambda o: o.salary_max - 5000)
    grade = "SCP 27-31"
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    requires_swe_registration = True
    summary = "Work alongside adult specialists in a Family Safeguarding team."
    description = "<p>Keep families together wherever it is safe and possible.</p>"
    contact_name = "Recruitment team"
    contact_email = "recruitment@southamptonway.example"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent", None) or vacancy_index()
        live = kwargs.pop("live", True)
        published_at = kwargs.pop("published_at", None)
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
            if published_at:
                VacancyPage.objects.filter(pk=page.pk).update(first_published_at=published_at)
                page.first_published_at = published_at
        else:
            page.live = False
            page.save()
        return page


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A submitted application with every step answered."""

    class Meta:
        model = Application

    vacancy = factory.SubFactory(VacancyPageFactory)
    candidate = factory.SubFactory(UserFactory, roles=["candidate"])
    status = ApplicationStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    first_name = factory.LazyAttribute(lambda o: o.candidate.first_name if o.candidate else "Sam")
    last_name = factory.LazyAttribute(lambda o: o.candidate.last_name if o.candidate else "Lee")
    email = factory.LazyAttribute(lambda o: o.candidate.email if o.candidate else "sam@example.com")
    phone = "023 8000 0000"
    address = "1 Example Street, Southampton"
    postcode = "SO14 7LY"
    right_to_work = "british_irish"
    swe_registration_number = factory.Sequence(lambda n: f"SW{200000 + n}")
    qualifications = "BA (Hons) Social Work, University of Southampton, 2019"
    employment_history = "Social worker, Hampshire County Council, 2019 to now."
    employment_gaps = "None"
    referee_1_name = "Jo Bennett"
    referee_1_email = "jo.bennett@example.org"
    referee_1_organisation = "Hampshire County Council"
    referee_1_relationship = "Team manager"
    referee_2_name = "Ravi Patel"
    referee_2_email = "ravi.patel@example.org"
    referee_2_organisation = "University of Southampton"
    referee_2_relationship = "Practice educator"
    reference_consent = "tell_me_first"
    supporting_statement = "I use restorative approaches to build trust with families."
    has_criminal_record_to_declare = False
    declaration_confirmed = True
    steps_done = factory.LazyFunction(lambda: [step.slug for step in STEPS])
    cv = factory.LazyFunction(pdf_upload)
    cv_original_name = "cv.pdf"
