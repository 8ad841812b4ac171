"""The public catalogue, programmes as data, enrolment, e-learning and the family section."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from academy.factories import (
    CoursePageFactory,
    ELearningModulePageFactory,
    ProgrammeFactory,
    ProgrammeStepFactory,
    academy_index,
    staff_user,
)
from academy.models import (
    Completion,
    CourseFormat,
    CpdEntry,
    Enrolment,
    MandatoryRule,
    Programme,
)
from academy.sections import family_training
from accounts.factories import JobRoleFactory, StaffProfileFactory
from accounts.models import EmploymentType, RoleFamily
from tests.academy.checks import pass_modules

pytestmark = pytest.mark.django_db


def _titles(response):
    return [course.title for course in response.context["courses"]]


def test_the_catalogue_is_public_and_filters_by_format_and_search(session_factory):
    online = CoursePageFactory(
        title="Domestic abuse: assessing risk", format=CourseFormat.ONLINE_LIVE
    )
    CoursePageFactory(title="Court skills", format=CourseFormat.IN_PERSON)
    index = academy_index()
    client = Client()
    assert sorted(_titles(client.get(index.url))) == ["Court skills", online.title]
    assert _titles(client.get(index.url, {"format": "online_live"})) == [online.title]
    assert _titles(client.get(index.url, {"q": "abuse"})) == [online.title]
    page = client.get(index.url).content.decode()
    assert "sign in with your staff account" in page
    assert "Only training that is mandatory for me" not in page


def test_filters_by_audience_category_and_dates(session_factory):
    from academy.models import CourseCategory

    manager_role = JobRoleFactory(name="Team manager")
    leadership = CoursePageFactory(title="Leading a team")
    leadership.audience_job_roles = [manager_role]
    leadership.audience_employment_types = [EmploymentType.PERMANENT]
    category = CourseCategory.objects.get_or_create(name="Management and leadership")[0]
    leadership.categories = [category]
    leadership.save_revision().publish()
    everyone = CoursePageFactory(title="Safeguarding level 3")
    session_factory(days=5, course=everyone)
    index = academy_index()
    client = Client()
    assert _titles(client.get(index.url, {"category": category.slug})) == ["Leading a team"]
    assert sorted(_titles(client.get(index.url, {"role": manager_role.slug}))) == [
        "Leading a team",
        "Safeguarding level 3",
    ]
    assert _titles(client.get(index.url, {"employment": "agency"})) == ["Safeguarding level 3"]
    assert _titles(client.get(index.url, {"when": "week"})) == ["Safeguarding level 3"]


def test_mandatory_for_me_shows_what_my_role_must_do(client, staff):
    role = JobRoleFactory(name="Newly qualified social worker")
    must = CoursePageFactory(title="ASYE induction")
    must.mandatory_rules = [MandatoryRule(newly_qualified_only=True)]
    must.save_revision().publish()
    CoursePageFactory(title="Optional extra")
    person = staff(job_role=role, is_nqsw_first_year=True)
    client.force_login(person)
    response = client.get(academy_index().url, {"mandatory": "on"})
    assert _titles(response) == ["ASYE induction"]
    assert "Mandatory for you" in response.content.decode()


def test_a_new_staff_record_enrols_in_induction_and_newly_qualified_programme(
    django_capture_on_commit_callbacks,
):
    induction = ProgrammeFactory(
        name="Corporate induction", auto_enrol=Programme.Enrols.EVERY_NEW_STARTER
    )
    asye = ProgrammeFactory(name="ASYE", auto_enrol=Programme.Enrols.NEWLY_QUALIFIED)
    ProgrammeFactory(
        name="Early Career Development Programme",
        auto_enrol=Programme.Enrols.NEWLY_QUALIFIED,
        is_active=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        nqsw = StaffProfileFactory(is_nqsw_first_year=True).user
        other = StaffProfileFactory().user
    assert set(Enrolment.objects.filter(user=nqsw).values_list("programme__name", flat=True)) == {
        induction.name,
        asye.name,
    }
    assert list(Enrolment.objects.filter(user=other).values_list("programme", flat=True)) == [
        induction.pk
    ]


def test_switching_asye_for_the_early_career_programme_is_a_data_change(
    django_capture_on_commit_callbacks,
):
    asye = ProgrammeFactory(name="ASYE", auto_enrol=Programme.Enrols.NEWLY_QUALIFIED)
    ecdp = ProgrammeFactory(
        name="Early Career Development Programme",
        auto_enrol=Programme.Enrols.NEWLY_QUALIFIED,
        is_active=False,
    )
    Programme.objects.filter(pk=asye.pk).update(is_active=False)
    Programme.objects.filter(pk=ecdp.pk).update(is_active=True)
    with django_capture_on_commit_callbacks(execute=True):
        user = StaffProfileFactory(is_nqsw_first_year=True).user
    assert list(Enrolment.objects.filter(user=user).values_list("programme", flat=True)) == [
        ecdp.pk
    ]


def test_my_training_shows_the_programme_plan_with_reviews(client, staff):
    programme = ProgrammeFactory(name="ASYE")
    ProgrammeStepFactory(
        programme=programme, kind="review", title="Three-month review", due_week=13
    )
    person = staff()
    Enrolment.objects.create(user=person, programme=programme, starts_on=datetime.date(2026, 9, 1))
    client.force_login(person)
    page = client.get(reverse("academy:my_training")).content.decode()
    assert "Three-month review" in page
    assert "1 Dec 2026" in page
    public = Client().get(reverse("academy:programme", args=[programme.slug])).content.decode()
    assert "Three-month review" in public


def test_finishing_every_e_learning_module_completes_the_course(client, staff):
    course = CoursePageFactory(title="Practice framework", format=CourseFormat.E_LEARNING)
    modules = [ELearningModulePageFactory(parent=course) for _ in range(2)]
    person = staff()
    client.force_login(person)
    pass_modules(client, modules[:1])
    assert not Completion.objects.filter(user=person).exists()
    assert "You have completed Practice framework" in pass_modules(client, modules[1:])
    assert Completion.objects.get(user=person).source == "e_learning"
    assert CpdEntry.objects.get(user=person).cpd_type == "e_learning"
    # Starting the last module's check again does not complete the course twice.
    client.post(reverse("academy:start_check", args=[modules[1].pk]))
    assert Completion.objects.filter(user=person).count() == 1


def test_role_family_section_lists_that_familys_training(rf):
    family = RoleFamily.objects.create(name="Social workers")
    role = JobRoleFactory(name="Senior social worker", family=family)
    course = CoursePageFactory(title="Court skills")
    course.audience_job_roles = [role]
    course.save_revision().publish()
    CoursePageFactory(title="Unrelated")
    page = type("Page", (), {"role_family": family})()
    template, context = family_training(rf.get("/"), page)
    assert [c.title for c in context["courses"]] == ["Court skills"]
    assert family_training(rf.get("/"), type("Page", (), {"role_family": None})()) is None


def test_filters_by_pcf_domain_kss_area_practice_strand_and_tag(db):
    from academy.models import KssArea, PcfDomain, PracticeStrand

    strand = PracticeStrand.objects.get_or_create(name="Motivational Interviewing")[0]
    pcf = PcfDomain.objects.get_or_create(name="Critical Reflection and Analysis")[0]
    kss = KssArea.objects.get_or_create(name="Analysis, decision-making, planning and review")[0]
    mi = CoursePageFactory(title="Motivational Interviewing: core skills")
    mi.practice_strand = strand
    mi.pcf_domains = [pcf]
    mi.tags.add("substance use")
    mi.save_revision().publish()
    analysis = CoursePageFactory(title="Analysis in assessments")
    analysis.kss_areas = [kss]
    analysis.tags.add("assessment")
    analysis.save_revision().publish()
    CoursePageFactory(title="Court skills")
    index = academy_index()
    client = Client()
    assert _titles(client.get(index.url, {"strand": strand.slug})) == [mi.title]
    assert _titles(client.get(index.url, {"pcf": pcf.slug})) == [mi.title]
    assert _titles(client.get(index.url, {"kss": kss.slug})) == [analysis.title]
    assert _titles(client.get(index.url, {"tag": "assessment"})) == [analysis.title]
    page = client.get(index.url).content.decode()
    for label in ["Practice framework strand", "PCF domain", "Knowledge and skills", "Topic"]:
        assert label in page
    assert '<option value="substance-use">substance use</option>' in page


def test_ld_leads_list_enrol_by_hand_and_write_completion_dates_in_the_admin(client_for, staff):
    programme = ProgrammeFactory(name="Corporate induction")
    person = staff_user(first_name="Priya", last_name="Shah")
    lead = client_for("L&D lead")
    response = lead.post(
        "/admin/academy/enrolments/new/",
        {"user": person.pk, "programme": programme.pk, "starts_on": "2026-11-02"},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=person, programme=programme)
    assert enrolment.starts_on == datetime.date(2026, 11, 2)
    listing = lead.get("/admin/academy/enrolments/", {"programme": programme.pk})
    assert "Priya Shah" in listing.content.decode()
    response = lead.post(
        f"/admin/academy/enrolments/edit/{enrolment.pk}/",
        {
            "user": person.pk,
            "programme": programme.pk,
            "starts_on": "2026-11-02",
            "completed_on": "2026-11-30",
        },
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.completed_on == datetime.date(2026, 11, 30)
    for role in ("staff member", "line manager", "trainer"):
        assert client_for(role).get("/admin/academy/enrolments/").status_code in {302, 403}


def test_a_programme_of_courses_is_completed_when_its_last_course_is(staff):
    programme = ProgrammeFactory(name="Corporate induction")
    first, second = CoursePageFactory(), CoursePageFactory()
    for course in (first, second):
        ProgrammeStepFactory(programme=programme, kind="course", title=course.title, course=course)
    reviewed = ProgrammeFactory(name="ASYE")
    ProgrammeStepFactory(programme=reviewed, kind="course", title=first.title, course=first)
    ProgrammeStepFactory(programme=reviewed, kind="review", title="Final review", due_week=52)
    person = staff()
    for each in (programme, reviewed):
        Enrolment.objects.create(user=person, programme=each, starts_on=datetime.date(2026, 9, 1))
    Completion.objects.create(
        user=person, course=first, completed_on=datetime.date(2026, 10, 1), source="recorded"
    )
    assert Enrolment.objects.get(programme=programme).completed_on is None
    Completion.objects.create(
        user=person, course=second, completed_on=datetime.date(2026, 11, 5), source="recorded"
    )
    assert Enrolment.objects.get(programme=programme).completed_on == datetime.date(2026, 11, 5)
    # A programme with a review is signed off by L&D, not by the courses alone.
    assert Enrolment.objects.get(programme=reviewed).completed_on is None
