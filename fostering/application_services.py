"""Applying to foster online: each function says what it promises.

The team invites the household after the initial home visit; the enquirer (and a joint
applicant they invite) fill in the sections, each signs their own declaration, and either
sends the application. Sending it moves the case to "application received" through
`services.move_case` (which starts the 8-month clock), records the household, creates every
Stage 1 check assigned to the case's worker, and asks each referee for a reference through
an opaque link (`core.references`). Nothing here imports the tasks: what follows is sent by
`signal_handlers.py` once the change is committed.
"""

import datetime

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from core import references
from core.errors import DomainError

from .application_sections import CONSENTS, SECTIONS
from .models import (
    Applicant,
    ApplicationSection,
    CheckType,
    FosteringApplication,
    FosteringCase,
    FosteringRules,
    HouseholdMember,
    Stage1Check,
)
from .pipeline import Stage
from .services import move_case, refresh_stage_one
from .signals import application_invited, application_submitted, joint_applicant_invited

REFERENCE_PURPOSE = "fostering"


class ApplicationError(DomainError):
    """Something about the online application that cannot be done (yet)."""


def _long(moment) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}"


# --- Invitations --------------------------------------------------------------------------


def invite_to_apply(case, *, by, now=None) -> FosteringApplication:
    """Open the online application for a household after its initial home visit, and
    e-mail the enquirer a link to it."""
    now = now or timezone.now()
    with transaction.atomic():
        case = FosteringCase.objects.select_for_update().get(pk=case.pk)
        if FosteringApplication.objects.filter(case=case).exists():
            raise ApplicationError(
                f"{case.full_name} was invited to apply on {_long(case.application.invited_at)}."
            )
        if case.stage != Stage.INITIAL_VISIT:
            raise ApplicationError(
                "Invite the household to apply after the initial home visit: move the case "
                "to “Initial home visit” first."
            )
        application = FosteringApplication.objects.create(case=case, invited_at=now, invited_by=by)
        Applicant.objects.create(
            application=application,
            role=Applicant.Role.LEAD,
            user=case.user,
            name=case.full_name,
            email=case.email,
            invited_at=now,
            accepted_at=now if case.user_id else None,
        )
        transaction.on_commit(
            lambda: application_invited.send(sender=FosteringApplication, application=application)
        )
    return application


def applicant_for(case, user):
    """The applicant this signed-in person is on the case's application, or None.

    The enquirer is the lead applicant once their account is linked to the case."""
    application = FosteringApplication.objects.filter(case=case).first()
    if application is None or not user.is_authenticated:
        return None
    applicant = application.applicants.filter(user=user).first()
    if applicant:
        return applicant
    lead = application.applicants.filter(role=Applicant.Role.LEAD, user__isnull=True).first()
    if lead and case.user_id == user.pk:
        lead.user = user
        lead.accepted_at = lead.accepted_at or timezone.now()
        lead.save(update_fields=["user", "accepted_at"])
        return lead
    return None


def invite_joint_applicant(application, *, name, email, by, now=None) -> Applicant:
    """Invite a partner to apply jointly: they join with their own account through the link
    e-mailed to them. Inviting again (a new name or address) replaces an invitation not yet
    accepted, and the old link stops working."""
    now = now or timezone.now()
    email = email.strip().lower()
    _refuse_if_sent(application)
    lead = application.applicants.get(role=Applicant.Role.LEAD)
    if email == lead.email.lower():
        raise ApplicationError("Give your joint applicant's own e-mail address, not yours")
    with transaction.atomic():
        joint = application.applicants.filter(role=Applicant.Role.JOINT).first()
        if joint and joint.has_joined:
            raise ApplicationError(f"{joint.name} has already joined the application.")
        if joint:
            joint.delete()
        joint = Applicant.objects.create(
            application=application,
            role=Applicant.Role.JOINT,
            name=name.strip(),
            email=email,
            invited_at=now,
        )
        transaction.on_commit(
            lambda: joint_applicant_invited.send(sender=Applicant, applicant=joint, by=by)
        )
    return joint


def cancel_joint_invitation(application) -> None:
    """Withdraw an invitation nobody has accepted (the household applies as one person)."""
    _refuse_if_sent(application)
    joint = application.applicants.filter(role=Applicant.Role.JOINT).first()
    if joint is None:
        return
    if joint.has_joined:
        raise ApplicationError(
            f"{joint.name} has joined the application. If they are no longer applying, "
            "tell your social worker."
        )
    joint.delete()


def joint_invitation(token: str) -> Applicant:
    token = token.replace("\x00", "")  # matches no stored token; PostgreSQL refuses NUL
    applicant = (
        Applicant.objects.select_related("application__case")
        .filter(invitation_token=token, role=Applicant.Role.JOINT)
        .first()
    )
    if applicant is None:
        raise ApplicationError(
            "This invitation link is not recognised or has been replaced. Ask the person "
            "applying with you to send the invitation again."
        )
    return applicant


def accept_joint_invitation(token: str, user, *, now=None) -> Applicant:
    """Join an application as the joint applicant. Only the account holding the invited,
    verified, e-mail address may accept."""
    now = now or timezone.now()
    with transaction.atomic():
        applicant = joint_invitation(token)
        applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
        if applicant.user_id == user.pk:
            return applicant
        if applicant.has_joined:
            raise ApplicationError("This invitation has already been accepted.")
        if applicant.application.is_submitted:
            raise ApplicationError("This application has already been sent.")
        verified = EmailAddress.objects.filter(
            user=user, email__iexact=applicant.email, verified=True
        ).exists()
        if not verified:
            raise ApplicationError(
                f"The invitation was sent to {applicant.email}. Sign in with the account for "
                "that address (or create one and confirm the address), then open the link "
                "again."
            )
        applicant.user = user
        applicant.accepted_at = now
        applicant.save(update_fields=["user", "accepted_at"])
    return applicant


# --- Sections ----------------------------------------------------------------------------


def _refuse_if_sent(application):
    if application.is_submitted:
        raise ApplicationError(
            f"Your application was sent on {_long(application.submitted_at)}. To change "
            "anything, tell your social worker."
        )


def _owner(section, applicant):
    return applicant if section.per_applicant else None


def section_record(application, section, applicant) -> ApplicationSection:
    record, _ = ApplicationSection.objects.get_or_create(
        application=application, applicant=_owner(section, applicant), key=section.key
    )
    return record


def section_context(application, *, today=None) -> dict:
    """What the section rules need: the rules, today, and who is in the household."""
    names, emails = set(), set()
    for applicant in application.applicants.all():
        names.add(applicant.name.strip().lower())
        emails.add(applicant.email.strip().lower())
        about = _data(application, "about_you", applicant)
        if about.get("full_name"):
            names.add(about["full_name"].strip().lower())
    for key in ("household", "children"):
        for item in _data(application, key, None).get("items", []):
            names.add(item["name"].strip().lower())
    return {
        "rules": FosteringRules.load(),
        "today": today or timezone.localdate(),
        "household_names": names,
        "applicant_emails": emails,
    }


def _data(application, key, applicant) -> dict:
    record = ApplicationSection.objects.filter(
        application=application, applicant=applicant, key=key
    ).first()
    return record.data if record else {}


def _settle(record, section, context, now) -> list[str]:
    problems = section.problems(record.data, context)
    record.completed_at = None if problems else now
    record.save(update_fields=["data", "completed_at", "updated_at"])
    return problems


def save_answers(application, section, applicant, answers: dict, *, now=None) -> list[str]:
    """Save a section's answers (already checked by its form) and mark it complete."""
    now = now or timezone.now()
    _refuse_if_sent(application)
    record = section_record(application, section, applicant)
    record.data = answers
    return _settle(record, section, section_context(application), now)


def add_item(application, section, applicant, item: dict) -> None:
    """Add an entry to a list section (it stays a draft until the applicant finishes it)."""
    _refuse_if_sent(application)
    record = section_record(application, section, applicant)
    record.data = {"items": [*record.data.get("items", []), item], "none": False}
    record.completed_at = None
    record.save(update_fields=["data", "completed_at", "updated_at"])


def remove_item(application, section, applicant, index: int) -> None:
    _refuse_if_sent(application)
    record = section_record(application, section, applicant)
    items = list(record.data.get("items", []))
    if 0 <= index < len(items):
        items.pop(index)
    record.data = {**record.data, "items": items}
    record.completed_at = None
    record.save(update_fields=["data", "completed_at", "updated_at"])


def finish_list(application, section, applicant, *, none=False, now=None) -> list[str]:
    """Say a list section is finished: complete if its rules hold, else what is missing."""
    now = now or timezone.now()
    _refuse_if_sent(application)
    record = section_record(application, section, applicant)
    record.data = {"items": record.data.get("items", []), "none": bool(none)}
    if none and record.data["items"]:
        record.save(update_fields=["data", "updated_at"])
        return ["Remove the entries you added, or untick the box saying there are none"]
    return _settle(record, section, section_context(application), now)


def section_status(application, section, applicant) -> str:
    record = ApplicationSection.objects.filter(
        application=application, applicant=_owner(section, applicant), key=section.key
    ).first()
    if record is None or not record.data:
        return "not_started"
    return "completed" if record.completed_at else "in_progress"


# --- Declarations and sending -----------------------------------------------------------


def sections_for(applicant):
    """The sections this applicant fills in: their own, and the household's."""
    return [s for s in SECTIONS if s.per_applicant] + [s for s in SECTIONS if not s.per_applicant]


def unfinished(application, applicant) -> list[str]:
    """The titles of this applicant's own sections not yet complete."""
    return [
        s.title
        for s in SECTIONS
        if s.per_applicant and section_status(application, s, applicant) != "completed"
    ]


def sign_declaration(applicant, agreed: dict, *, now=None) -> Applicant:
    """Record this applicant's declaration: each consent with the words shown and the time.
    Only once their own sections are complete."""
    now = now or timezone.now()
    _refuse_if_sent(applicant.application)
    missing = unfinished(applicant.application, applicant)
    if missing:
        raise ApplicationError("Finish your own sections first: " + ", ".join(missing) + ".")
    if not all(agreed.get(key) for key, _ in CONSENTS):
        raise ApplicationError("Tick every box to sign your declaration")
    applicant.consents = [
        {"consent": key, "wording": wording, "agreed_at": now.isoformat()}
        for key, wording in CONSENTS
    ]
    applicant.declared_at = now
    applicant.save(update_fields=["consents", "declared_at"])
    return applicant


def still_to_do(application) -> list[str]:
    """Everything that stops the application being sent, in plain words."""
    problems = []
    for applicant in application.applicants.all():
        if not applicant.has_joined:
            problems.append(
                f"{applicant.name} has not accepted the invitation to apply with you yet. "
                "Send it again, or cancel it if you are applying on your own."
            )
            continue
        missing = unfinished(application, applicant)
        if missing:
            problems.append(f"{applicant.name} has not finished: {', '.join(missing)}.")
        if not applicant.declared_at:
            problems.append(f"{applicant.name} has not signed their declaration.")
    household = [
        s.title
        for s in SECTIONS
        if not s.per_applicant and section_status(application, s, None) != "completed"
    ]
    if household:
        problems.append("Finish the household's sections: " + ", ".join(household) + ".")
    return problems


def submit_application(application, *, by, now=None) -> FosteringApplication:
    """Send the application: the case moves to "application received" (the 8-month clock
    starts), the household is recorded, every Stage 1 check is created and assigned to the
    case's worker, and each referee is asked for a reference. Refused, with nothing
    changed, if anything is unfinished or the application was already sent."""
    now = now or timezone.now()
    with transaction.atomic():
        application = FosteringApplication.objects.select_for_update().get(pk=application.pk)
        _refuse_if_sent(application)
        problems = still_to_do(application)
        if problems:
            raise ApplicationError(" ".join(problems))
        application.submitted_at = now
        application.submitted_by = by
        application.save(update_fields=["submitted_at", "submitted_by"])
        case = application.case
        move_case(case, Stage.APPLICATION, by=by, now=now, note="Sent online by the applicants")
        requests = _record_household_and_checks(application, now)
        case.refresh_from_db()
        refresh_stage_one(case)
        transaction.on_commit(
            lambda: application_submitted.send(
                sender=FosteringApplication, application=application, requests=requests
            )
        )
    return application


def _record_household_and_checks(application, now):
    case = application.case
    today = timezone.localtime(now).date()
    rules = FosteringRules.load()
    worker = case.assessing_worker

    def check(check_type, member=None, detail=""):
        return Stage1Check.objects.create(
            case=case,
            member=member,
            check_type=check_type,
            detail=detail[:200],
            requested_on=today,
            assigned_to=worker,
        )

    def adult(member):
        check(CheckType.DBS, member, "Enhanced, with the children's barred list")
        check(CheckType.LOCAL_AUTHORITY, member)

    for applicant in application.applicants.all():
        about = _data(application, "about_you", applicant)
        member = HouseholdMember.objects.create(
            case=case,
            name=about.get("full_name") or applicant.name,
            relationship=(
                HouseholdMember.Relationship.APPLICANT
                if applicant.role == Applicant.Role.LEAD
                else HouseholdMember.Relationship.PARTNER
            ),
            date_of_birth=_iso(about.get("date_of_birth")),
        )
        adult(member)
        check(CheckType.MEDICAL, member, "Adult health assessment from the GP")
        for job in _data(application, "employment", applicant).get("items", []):
            check(CheckType.EMPLOYER, member, f"{job['job_title']} at {job['employer']}")
        for partner in _data(application, "former_partners", applicant).get("items", []):
            check(CheckType.FORMER_PARTNER, member, partner["name"])
    for person in _data(application, "household", None).get("items", []):
        member = HouseholdMember.objects.create(
            case=case,
            name=person["name"],
            relationship=(
                HouseholdMember.Relationship.VISITOR
                if person["stays"] == "visits"
                else HouseholdMember.Relationship.OTHER_ADULT
            ),
            date_of_birth=_iso(person.get("date_of_birth")),
        )
        adult(member)
    for child in _data(application, "children", None).get("items", []):
        if child["lives"] == "here":
            HouseholdMember.objects.create(
                case=case,
                name=child["name"],
                relationship=HouseholdMember.Relationship.CHILD,
                date_of_birth=_iso(child.get("date_of_birth")),
                is_adult=False,
            )
    check(CheckType.HOME_SAFETY)
    requests = []
    lead = application.applicants.get(role=Applicant.Role.LEAD)
    about = " and ".join(a.name for a in application.applicants.all())
    for referee in _data(application, "referees", None).get("items", []):
        reference = check(CheckType.REFERENCE, None, f"{referee['name']} ({referee['how_known']})")
        requests.append(
            references.issue(
                reference,
                purpose=REFERENCE_PURPOSE,
                referee_name=referee["name"],
                referee_email=referee["email"],
                about=about or lead.name,
                valid_for=datetime.timedelta(weeks=rules.reference_link_weeks),
                now=now,
            )
        )
    return requests


def _iso(value):
    return datetime.date.fromisoformat(value) if value else None


# --- References --------------------------------------------------------------------------


def reference_request(token: str):
    """The open fostering reference request for this link (ReferenceLinkError if none)."""
    return references.find(token, purpose=REFERENCE_PURPOSE)


def record_reference(request, answers: dict, *, now=None):
    """Keep the referee's answers, once; the check shows the reference arrived and waits
    for the worker to record its outcome."""
    now = now or timezone.now()
    with transaction.atomic():
        request = references.complete(request, answers, now=now)
        check = Stage1Check.objects.select_for_update().get(pk=request.object_id)
        check.completed_on = timezone.localtime(now).date()
        check.notes = (
            check.notes + "\n" if check.notes else ""
        ) + f"Reference received online on {_long(now)}: read it and record the outcome."
        check.save(update_fields=["completed_on", "notes"])
    return request


# --- What the applicants see ----------------------------------------------------------------

PLAIN_CHECK_NAMES = {
    CheckType.DBS: "DBS checks",
    CheckType.LOCAL_AUTHORITY: "Council checks",
    CheckType.MEDICAL: "Medical reports from your GP",
    CheckType.REFERENCE: "Personal references",
    CheckType.EMPLOYER: "Employer references",
    CheckType.FORMER_PARTNER: "Former partner checks",
    CheckType.HOME_SAFETY: "Home safety check",
}


def check_progress(case) -> list[dict]:
    """The Stage 1 checks in plain words: how many of each kind are done. No names of
    referees, employers or former partners (they are other people's details)."""
    rows = []
    checks = list(case.checks.all())
    for check_type, label in PLAIN_CHECK_NAMES.items():
        of_type = [c for c in checks if c.check_type == check_type]
        if not of_type:
            continue
        done = sum(
            1
            for c in of_type
            if c.outcome != Stage1Check.Outcome.PENDING
            or (c.completed_on and check_type == CheckType.REFERENCE)
        )
        if done == len(of_type):
            words = "Done" if len(of_type) == 1 else f"All {len(of_type)} done"
        elif done == 0:
            words = "Waiting" if len(of_type) == 1 else f"0 of {len(of_type)} done"
        else:
            words = f"{done} of {len(of_type)} done"
        rows.append({"label": label, "status": words, "done": done == len(of_type)})
    return rows


# --- Personal data ---------------------------------------------------------------------


def erase_application(case) -> None:
    """Remove the online application and the referees' requests and answers with it (run
    before a case is anonymised: the referees and former partners are third parties, kept
    only as long as the case)."""
    check_ids = [str(pk) for pk in case.checks.values_list("pk", flat=True)]
    references.ReferenceRequest.objects.filter(
        content_type__app_label="fostering",
        content_type__model="stage1check",
        object_id__in=check_ids,
    ).delete()
    FosteringApplication.objects.filter(case=case).delete()


def export_for(user) -> list[dict]:
    """What a person applying sees in their data download: their own sections, the
    household's sections (which either applicant wrote) and their declaration. Not the
    other applicant's sections, and not what referees wrote about them (given in
    confidence, and the referees' own data)."""
    exported = []
    for applicant in Applicant.objects.filter(user=user).select_related("application__case"):
        application = applicant.application
        sections = {}
        for section in SECTIONS:
            owner = applicant if section.per_applicant else None
            record = application.sections.filter(applicant=owner, key=section.key).first()
            if record and record.data:
                sections[section.title] = record.data
        exported.append(
            {
                "reference": application.case.reference,
                "role": applicant.get_role_display(),
                "invited_at": application.invited_at.isoformat(),
                "sent_at": application.submitted_at.isoformat()
                if application.submitted_at
                else None,
                "sections": sections,
                "declaration": applicant.consents,
            }
        )
    return exported
