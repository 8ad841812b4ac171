from accounts.roles import STAFF_ROLES, Role
from tests.access import Row

STAFF = set(STAFF_ROLES)


def _session(make_user):
    from academy.factories import TrainingSessionFactory

    return TrainingSessionFactory()


def _session_kwargs(make_user):
    return {"pk": _session(make_user).pk}


def _someone_elses_booking(make_user):
    from academy.factories import BookingFactory

    return {"pk": BookingFactory().pk}


def _programme(make_user):
    from academy.factories import ProgrammeFactory

    return {"slug": ProgrammeFactory(name="Corporate induction").slug}


def _feed(make_user):
    from academy.views.public import feed_token

    return {"token": feed_token(make_user("staff member"))}


def _module(make_user):
    from academy.factories import CoursePageFactory, ELearningModulePageFactory
    from academy.models import CourseFormat

    course = CoursePageFactory(format=CourseFormat.E_LEARNING)
    return {"pk": ELearningModulePageFactory(parent=course).pk}


def _someone_elses_attempt(make_user):
    from academy.models import CheckAttempt

    module = _module(make_user)["pk"]
    attempt = CheckAttempt.objects.create(
        user=make_user("staff member"), module_id=module, pass_mark=80, questions=[]
    )
    return {"pk": attempt.pk}


def _someone_elses_certificate(make_user):
    import datetime

    from academy.factories import CoursePageFactory
    from academy.models import Completion

    completion = Completion.objects.create(
        user=make_user("staff member"),
        course=CoursePageFactory(),
        completed_on=datetime.date(2026, 1, 5),
        source="recorded",
    )
    return {"pk": completion.certificate.pk}


def _someone_elses_cpd(make_user):
    import datetime

    from academy.models import CpdEntry

    entry = CpdEntry.objects.create(
        user=make_user("staff member"),
        title="Reading",
        cpd_type="reading",
        activity_date=datetime.date(2026, 1, 5),
    )
    return {"pk": entry.pk}


def _someone_elses_export(make_user):
    from academy.models import ReportExport

    return {"pk": ReportExport.objects.create(requested_by=make_user(Role.LD_LEAD)).pk}


ACCESS = [
    # Public: the catalogue sells the service; the feed is guarded by its signed token.
    Row("academy:session", public=True, kwargs=_session_kwargs),
    Row("academy:programme", public=True, kwargs=_programme),
    Row("academy:calendar_feed", public=True, kwargs=_feed),
    # Anyone may check a certificate's code; an unknown code is a 404.
    Row("academy:verify_form", public=True),
    Row("academy:verify", public=True, kwargs={"code": "ABCDEFGHJKMN"}, ok=404),
    # Every member of staff, permanent or agency, books and keeps CPD.
    Row("academy:book", allowed=STAFF, kwargs=_session_kwargs),
    Row("academy:my_training", allowed=STAFF),
    # Someone else's booking is not found, even by staff.
    Row("academy:booking", allowed=STAFF, kwargs=_someone_elses_booking, ok=404),
    Row("academy:cancel", allowed=STAFF, kwargs=_someone_elses_booking, ok=404),
    Row("academy:respond_offer", allowed=STAFF, kwargs=_someone_elses_booking, ok=404),
    Row("academy:booking_calendar", allowed=STAFF, kwargs=_someone_elses_booking, ok=404),
    Row("academy:certificate", allowed=STAFF, kwargs=_someone_elses_certificate, ok=404),
    Row("academy:renew", allowed=STAFF, kwargs=_someone_elses_certificate, ok=404),
    Row("academy:start_check", allowed=STAFF, kwargs=_module, ok=405),
    Row("academy:check_attempt", allowed=STAFF, kwargs=_someone_elses_attempt, ok=404),
    Row("academy:reset_calendar_feed", allowed=STAFF, ok=405),
    Row("academy:cpd", allowed=STAFF),
    Row("academy:cpd_add", allowed=STAFF),
    Row("academy:cpd_edit", allowed=STAFF, kwargs=_someone_elses_cpd, ok=404),
    Row("academy:cpd_export", allowed=STAFF),
    # Line managers, for their own direct reports only.
    Row("academy:team", allowed={Role.LINE_MANAGER}),
    Row("academy:decide", allowed={Role.LINE_MANAGER}, kwargs=_someone_elses_booking, ok=404),
    # Trainers see their own registers; only the session's trainer or L&D may open one.
    Row("academy:trainer_sessions", allowed={Role.TRAINER, Role.LD_LEAD}),
    Row("academy:register", allowed={Role.LD_LEAD}, kwargs=_session_kwargs),
    Row("academy:reports", allowed={Role.LD_LEAD}),
    # The dashboard: L&D for everyone, line managers for their own teams.
    Row("academy:dashboard", allowed={Role.LD_LEAD, Role.LINE_MANAGER}),
    Row("academy:report", allowed={Role.LD_LEAD}, kwargs={"report": "compliance"}),
    # L&D's per-row reports in the Wagtail admin (Wagtail redirects everyone else).
    Row(
        "academy-admin-sessions-report",
        path="/admin/academy-reports/sessions/",
        allowed={Role.LD_LEAD},
        others=302,
    ),
    Row(
        "academy-admin-compliance-report",
        path="/admin/academy-reports/compliance/",
        allowed={Role.LD_LEAD},
        others=302,
    ),
    # The fragments Wagtail's filters load without a full page.
    Row(
        "academy-admin-sessions-report-results",
        path="/admin/academy-reports/sessions/results/",
        allowed={Role.LD_LEAD},
        others=302,
    ),
    Row(
        "academy-admin-compliance-report-results",
        path="/admin/academy-reports/compliance/results/",
        allowed={Role.LD_LEAD},
        others=302,
    ),
    Row(
        "academy:download_export",
        allowed={Role.LD_LEAD},
        kwargs=_someone_elses_export,
        ok=404,
    ),
]
