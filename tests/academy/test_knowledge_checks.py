import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from academy.checks_content import question
from academy.factories import CoursePageFactory, ELearningModulePageFactory
from academy.models import CheckAttempt, Completion, CourseFormat, CpdEntry, ModuleProgress
from academy.models.checks import QuestionBlock
from tests.academy.checks import answer, pass_modules, start


@pytest.fixture
def course(db):
    course = CoursePageFactory(title="Practice framework", format=CourseFormat.E_LEARNING)
    modules = [
        ELearningModulePageFactory(
            parent=course, title=title, reflection_prompt="What will you try next week?"
        )
        for title in ("Trauma-Informed Practice", "Motivational Interviewing")
    ]
    return course, modules


def test_a_failed_check_gives_feedback_and_a_retake_waits_until_the_wait_is_over(
    client, staff, course
):
    _course, (first, second) = course
    person = staff()
    client.force_login(person)
    page = client.get(first.url).content.decode()
    assert "Mark as done" not in page
    assert "Start the knowledge check" in page

    response, attempt = answer(client, first, right=False)
    page = response.content.decode()
    assert "You did not pass this time" in page
    assert "0 of 2 right" in page
    # The feedback written for the chosen answer is shown.
    attempt.refresh_from_db()
    assert attempt.passed is False and attempt.score == 0 and attempt.submitted_at
    chosen = attempt.questions[0]["answers"][attempt.answers[attempt.questions[0]["id"]][0]]
    assert chosen["feedback"] in page
    assert "You can retake the check from" in page
    assert not ModuleProgress.objects.filter(user=person).exists()

    # Trying again straight away is refused and starts nothing.
    page = client.post(reverse("academy:start_check", args=[first.pk]), follow=True)
    assert "You can retake the check for “Trauma-Informed Practice” from" in page.content.decode()
    assert CheckAttempt.objects.filter(user=person).count() == 1

    # A day later the wait is over.
    CheckAttempt.objects.filter(pk=attempt.pk).update(
        submitted_at=attempt.submitted_at - datetime.timedelta(hours=25)
    )
    assert "Retake the knowledge check" in client.get(first.url).content.decode()
    response, retake = answer(client, first, reflection="I will ask what has happened.")
    assert "You passed" in response.content.decode()
    assert retake.pk != attempt.pk
    assert ModuleProgress.objects.filter(user=person, module=first).exists()
    assert "Passed" in client.get(first.url).content.decode()
    assert not Completion.objects.filter(user=person).exists()

    # Passing the last module completes the course, with the reflections in a CPD draft.
    page = pass_modules(client, [second], reflection="Open questions, more often.")
    assert "You have completed Practice framework" in page
    completion = Completion.objects.get(user=person)
    entry = CpdEntry.objects.get(completion=completion)
    assert entry.status == CpdEntry.Status.DRAFT
    assert "Trauma-Informed Practice: I will ask what has happened." in entry.learning
    assert "Motivational Interviewing: Open questions, more often." in entry.learning


def test_each_attempt_draws_its_questions_at_random_from_the_bank(client, staff, course):
    _course, (module, _second) = course
    module.check_questions = [
        question(f"Question {n}?", "Right", ["Wrong", "Also wrong"]) for n in range(1, 7)
    ]
    module.questions_per_attempt = 3
    module.save_revision().publish()
    client.force_login(staff())
    start(client, module)
    attempt = CheckAttempt.objects.get(module=module)
    assert len(attempt.questions) == 3
    bank = {q["id"] for q in module.question_bank()}
    assert set(attempt.question_ids()) <= bank
    page = client.get(reverse("academy:check_attempt", args=[attempt.pk])).content.decode()
    asked = [q["question"] for q in attempt.questions]
    assert all(text in page for text in asked)
    assert sum(f"Question {n}?" in page for n in range(1, 7)) == 3
    # Coming back to the check carries on with the same attempt and the same questions.
    start(client, module)
    assert CheckAttempt.objects.filter(module=module).count() == 1


def test_an_unanswered_question_gets_a_govuk_error_and_nothing_is_saved(client, staff, course):
    _course, (module, _second) = course
    client.force_login(staff())
    start(client, module)
    attempt = CheckAttempt.objects.get(module=module)
    response = client.post(reverse("academy:check_attempt", args=[attempt.pk]), {})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    for number, asked in enumerate(attempt.questions, start=1):
        if asked["several_answers"]:
            assert f"Select at least one answer to question {number}" in page
        else:
            assert f"Select an answer to question {number}" in page
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score is None


def test_answers_to_questions_not_in_the_attempt_are_refused(client, staff, course):
    _course, (module, _second) = course
    client.force_login(staff())
    start(client, module)
    attempt = CheckAttempt.objects.get(module=module)
    data = {f"answer-{q['id']}": "0" for q in attempt.questions}
    data["answer-not-a-question"] = "0"
    response = client.post(reverse("academy:check_attempt", args=[attempt.pk]), data)
    assert response.status_code == 400
    assert "Your answers do not match the questions in this attempt" in response.content.decode()
    data.pop("answer-not-a-question")
    data[f"answer-{attempt.questions[0]['id']}"] = "9"
    response = client.post(reverse("academy:check_attempt", args=[attempt.pk]), data)
    assert "One of your answers is not a choice on this check" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}


def test_a_replayed_attempt_changes_nothing(client, staff, course):
    _course, (module, _second) = course
    person = staff()
    client.force_login(person)
    _response, attempt = answer(client, module, right=False)
    attempt.refresh_from_db()
    right = {
        f"answer-{q['id']}": [str(n) for n, a in enumerate(q["answers"]) if a["correct"]]
        for q in attempt.questions
    }
    response = client.post(reverse("academy:check_attempt", args=[attempt.pk]), right, follow=True)
    assert "You have already submitted this attempt" in response.content.decode()
    before = (attempt.score, attempt.passed, attempt.answers, attempt.submitted_at)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, attempt.answers, attempt.submitted_at) == before
    assert not ModuleProgress.objects.filter(user=person).exists()


def test_editors_cannot_publish_a_check_that_cannot_be_passed(course):
    _course, (module, _second) = course
    module.questions_per_attempt = 5
    with pytest.raises(ValidationError) as error:
        module.full_clean()
    assert "Choose between 1 and 2" in str(error.value)
    module.check_questions = []
    with pytest.raises(ValidationError) as error:
        module.full_clean()
    assert "Add at least one question" in str(error.value)

    block = QuestionBlock()
    two_right = block.to_python(question("Which?", ["A", "B"], "C")["value"] | {})
    two_right["several_answers"] = False
    with pytest.raises(ValidationError):
        block.clean(two_right)
    none_right = block.to_python(question("Which?", [], ["A", "B"])["value"])
    with pytest.raises(ValidationError):
        block.clean(none_right)


def test_the_seeded_practice_framework_checks_are_publishable():
    from academy.demo import ELEARNING_MODULES
    from academy.demo_checks import PRACTICE_FRAMEWORK_CHECKS
    from academy.models.checks import QuestionBankBlock

    assert set(PRACTICE_FRAMEWORK_CHECKS) == {title for title, _text, _prompt in ELEARNING_MODULES}
    block = QuestionBankBlock()
    for bank in PRACTICE_FRAMEWORK_CHECKS.values():
        assert len(bank) >= 4
        block.clean(block.to_python(bank))
