"""The privacy notice and the accessibility statement linked from every footer."""

from .blocks import heading, text

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": (
        "What personal information the Southampton Way portal keeps about you, why, "
        "and for how long."
    ),
    "body": [
        text(
            "<p>Southampton City Council is the data controller for this portal. We use "
            "your information only to run the services you use here: job applications, "
            "fostering enquiries and training.</p>"
        ),
        heading("What we keep"),
        text(
            "<ul><li><strong>Your account</strong>: your name, e-mail address, password "
            "(stored only as a secure hash) and, for staff, your sign-in security "
            "settings.</li><li><strong>Job applications</strong>: what you tell us in an "
            "application, the documents you upload, and the pre-employment checks we "
            "carry out if you are offered a job.</li><li><strong>Equality monitoring"
            "</strong>: kept apart from your application, never seen by the people "
            "shortlisting, and reported only as totals.</li><li><strong>Fostering "
            "enquiries</strong>: your contact details and what you tell us about your "
            "household.</li><li><strong>Training records</strong>: for staff, the "
            "courses booked and completed and continuing professional development "
            "records.</li><li><strong>Access records</strong>: when staff look at "
            "someone's personal record, we log who looked and when.</li></ul>"
        ),
        heading("How long we keep it"),
        text(
            "<ul><li>Hiring managers lose access to applications six months after a "
            "vacancy closes.</li><li>Candidate information is kept for twelve months "
            "after your last activity, then deleted.</li><li>Accounts that are never "
            "verified are removed automatically, and inactive accounts are deleted after "
            "we have warned you by e-mail.</li><li>The records of people we employ or "
            "approve as foster carers move to their staff or carer file, which is kept "
            "under the council's records policy.</li></ul>"
        ),
        heading("Your rights"),
        text(
            "<p>You can download a copy of the information held about you, or delete "
            'your account, from <a href="/accounts/me/">your account page</a>. You '
            "can also ask the council to correct information or to restrict how it is "
            "used, and you can complain to the Information Commissioner's Office.</p>"
        ),
        heading("Cookies"),
        text(
            "<p>We use only the cookies needed to keep you signed in and to protect forms "
            "from misuse. We do not use advertising or tracking cookies.</p>"
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "How accessible this portal is, how we test it and how to tell us about a problem.",
    "body": [
        text(
            "<p>We want as many people as possible to be able to use this portal. You "
            "should be able to zoom in to 400% without text spilling off the screen, use "
            "the whole site with a keyboard or with speech recognition software, and "
            "listen to it with a screen reader.</p>"
        ),
        heading("How we test"),
        text(
            "<p>The portal is built with the GOV.UK Design System. Every page type is "
            "checked automatically against the Web Content Accessibility Guidelines "
            "version 2.2 at level AA whenever the code changes, and pages are designed "
            "to work with JavaScript switched off.</p>"
        ),
        heading("Known limitations"),
        text(
            "<ul><li>Some older documents uploaded as PDFs may not be fully "
            "accessible. Ask us for an accessible version.</li><li>Videos from other "
            "services may not have captions; each has a transcript on the page.</li></ul>"
        ),
        heading("Reporting a problem"),
        text(
            "<p>If you find a problem, or need information in a different format, "
            "e-mail the contact address shown at the bottom of every page. We will reply "
            "within five working days.</p>"
            "<p>If you are not happy with how we respond, contact the Equality Advisory "
            "and Support Service (EASS).</p>"
        ),
        heading("Compliance status"),
        text(
            "<p>This website is partially compliant with the Web Content Accessibility "
            "Guidelines version 2.2 AA standard, due to the limitations listed above.</p>"
        ),
        heading("Preparation of this accessibility statement"),
        text(
            "<p>This statement was prepared on 2 November 2026. It was last reviewed on "
            "20 November 2026.</p><p>The portal was last tested on 20 November 2026 "
            "against the WCAG 2.2 AA standard. The test was carried out by the portal's "
            "own development team, with automated checks in a real browser on every page "
            "type and every step of the journeys to apply for a job, enquire about "
            "fostering and book training.</p>"
        ),
    ],
}
