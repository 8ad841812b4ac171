"""The entry page, a portfolio's task list, recording and reading records."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.roles import Role
from core.models import AccessLogEntry

from ..errors import PortfolioError
from ..forms import (
    AddendumForm,
    EvidenceForm,
    FeedbackForm,
    ObservationForm,
    ObservationReflectionForm,
    ReflectionForm,
    SelfAssessmentForm,
    SupervisionForm,
)
from ..models import (
    EvidenceItem,
    Feedback,
    Observation,
    Portfolio,
    Recommendation,
    Reflection,
    Review,
    SelfAssessment,
    SupervisionRecord,
)
from ..permissions import is_assessor, is_coordinator, is_panel
from ..services import records
from ..services.progress import agreement_of, standing
from .common import (
    already_saved,
    claim_submission,
    new_submission,
    portfolio_for,
    release_submission,
    signed_in,
)

# kind in the URL -> (form, model, who records it, heading)
KINDS = {
    "supervision": (SupervisionForm, SupervisionRecord, "nqsw", "Record a supervision"),
    "reflection": (ReflectionForm, Reflection, "nqsw", "Write a reflection"),
    "self-assessment": (SelfAssessmentForm, SelfAssessment, "nqsw", "Record a self-assessment"),
    "feedback": (FeedbackForm, Feedback, "nqsw", "Add feedback"),
    "evidence": (EvidenceForm, EvidenceItem, "nqsw", "Add an evidence item"),
    "observation": (ObservationForm, Observation, "assessor", "Record a direct observation"),
}


def records_of(portfolio) -> dict:
    return {
        "supervision": SupervisionRecord.objects.filter(portfolio=portfolio),
        "reflection": Reflection.objects.filter(portfolio=portfolio),
        "self_assessment": SelfAssessment.objects.filter(portfolio=portfolio),
        "feedback": Feedback.objects.filter(portfolio=portfolio),
        "evidence": EvidenceItem.objects.filter(portfolio=portfolio),
        "observation": Observation.objects.filter(portfolio=portfolio),
        "reviews": Review.objects.filter(portfolio=portfolio).select_related("point"),
    }


def detail_context(request, portfolio):
    today = timezone.localdate()
    role = records.role_in(portfolio, request.user)
    return {
        "portfolio": portfolio,
        "state": standing(portfolio, today),
        "role": role,
        "agreement": agreement_of(portfolio),
        "records": records_of(portfolio),
        "recommendation": Recommendation.objects.filter(portfolio=portfolio).first(),
        "is_own": role == "nqsw",
        "today": today,
    }


@signed_in
def entry(request):
    """Everyone who has a portfolio or sees others' starts here."""
    user = request.user
    own = Portfolio.objects.filter(nqsw=user).first()
    assessing = (
        Portfolio.objects.filter(assessor=user).select_related("nqsw", "cohort__template")
        if is_assessor(user)
        else None
    )
    team = (
        Portfolio.objects.filter(nqsw__staff_profile__line_manager=user).select_related(
            "nqsw", "cohort__template"
        )
        if user.has_role(Role.LINE_MANAGER)
        else None
    )
    coordinator = is_coordinator(user)
    panel = is_panel(user)
    if own and assessing is None and team is None and not coordinator and not panel:
        return render(request, "portfolio/detail.html", detail_context(request, own))
    if not (own or assessing is not None or team is not None or coordinator or panel):
        raise Http404
    return render(
        request,
        "portfolio/entry.html",
        {
            "own": own,
            "assessing": _with_standing(assessing),
            "team": _with_standing(team),
            "coordinator": coordinator,
            "panel": panel,
        },
    )


def _with_standing(portfolios):
    if portfolios is None:
        return None
    return [(p, standing(p)) for p in portfolios]


@signed_in
def detail(request, pk):
    portfolio = portfolio_for(request, pk)
    return render(request, "portfolio/detail.html", detail_context(request, portfolio))


@signed_in
def add(request, pk, kind):
    if kind not in KINDS:
        raise Http404
    form_class, _model, who, heading = KINDS[kind]
    portfolio = portfolio_for(request, pk)
    if records.role_in(portfolio, request.user) != who:
        raise Http404
    if request.method == "POST":
        form = form_class(portfolio, request.POST, request.FILES)
        if form.is_valid():
            if not claim_submission(request):
                return already_saved(request, portfolio)
            try:
                record = records.add_record(portfolio, form, request.user)
            except PortfolioError as error:
                release_submission(request)
                form.add_error(None, error.message)
            else:
                messages.success(request, f"{heading.split(' ', 1)[1].capitalize()} saved.")
                return redirect("portfolio:record", pk=portfolio.pk, kind=kind, record_id=record.pk)
    else:
        form = form_class(
            portfolio,
            initial={
                name: timezone.localdate()
                for name in ("held_on", "written_on", "given_on", "observed_on")
            },
        )
    return render(
        request,
        "portfolio/record_form.html",
        {
            "portfolio": portfolio,
            "form": form,
            "heading": heading,
            "kind": kind,
            "submission": new_submission(),
            "multipart": kind == "evidence",
            "agreed": standing(portfolio).agreed,
        },
    )


@signed_in
def record(request, pk, kind, record_id):
    if kind not in KINDS:
        raise Http404
    _form, model, _who, _heading = KINDS[kind]
    portfolio = portfolio_for(request, pk)
    item = get_object_or_404(model, pk=record_id, portfolio=portfolio)
    role = records.role_in(portfolio, request.user)
    can_add_addendum = item.recorded_by_id == request.user.pk and not portfolio.is_closed
    can_reflect = kind == "observation" and role == "nqsw" and not item.nqsw_reflection
    addendum_form = AddendumForm()
    reflection_form = ObservationReflectionForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "reflect" and can_reflect:
            reflection_form = ObservationReflectionForm(request.POST)
            if reflection_form.is_valid():
                try:
                    records.add_observation_reflection(
                        item, reflection_form.cleaned_data["reflection"], request.user
                    )
                except PortfolioError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, "Your reflection is saved.")
                return redirect(request.path)
        elif action == "addendum" and can_add_addendum:
            addendum_form = AddendumForm(request.POST)
            if addendum_form.is_valid():
                if not claim_submission(request):
                    return already_saved(request, portfolio)
                try:
                    records.add_addendum(item, addendum_form.cleaned_data["text"], request.user)
                except PortfolioError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, "Addendum added.")
                return redirect(request.path)
        else:
            raise Http404
    return render(
        request,
        "portfolio/record.html",
        {
            "portfolio": portfolio,
            "item": item,
            "kind": kind,
            "addenda": item.addenda.select_related("written_by"),
            "can_add_addendum": can_add_addendum,
            "can_reflect": can_reflect,
            "addendum_form": addendum_form,
            "reflection_form": reflection_form,
            "submission": new_submission(),
        },
    )


@signed_in
def evidence_document(request, pk, record_id):
    portfolio = portfolio_for(request, pk, detail="Downloaded an evidence document")
    item = get_object_or_404(EvidenceItem, pk=record_id, portfolio=portfolio)
    if not item.document:
        raise Http404
    if portfolio.nqsw_id != request.user.pk:
        AccessLogEntry.record(
            request.user, portfolio, AccessLogEntry.Action.DOWNLOAD, "Evidence document"
        )
    extension = item.document.name.rsplit(".", 1)[-1]
    return FileResponse(
        item.document.open("rb"), as_attachment=True, filename=f"evidence-{item.pk}.{extension}"
    )


@signed_in
def download_pdf(request, pk):
    """The NQSW's whole portfolio as a PDF, once the panel has confirmed a pass."""
    from django.http import HttpResponse

    from ..pdf import portfolio_pdf

    portfolio = get_object_or_404(Portfolio, pk=pk, nqsw=request.user)
    if portfolio.status != Portfolio.Status.PASSED:
        raise Http404
    response = HttpResponse(portfolio_pdf(portfolio), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="early-career-portfolio.pdf"'
    return response
