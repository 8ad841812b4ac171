"""Back office: the Wagtail viewsets, their row rule and their spreadsheet export."""

from vacancies.factories import ApplicationFactory, VacancyPageFactory


def test_recruiters_get_the_applications_register_with_filters_and_export(client_for, index):
    application = ApplicationFactory()
    client = client_for("recruiter")
    response = client.get("/admin/recruitment/applications/")
    assert response.status_code == 200
    assert application.candidate_number in response.content.decode()
    export = client.get("/admin/recruitment/applications/?export=csv&status=submitted")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert application.vacancy.reference in text
    assert application.email not in text
    xlsx = client.get("/admin/recruitment/applications/?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_hiring_managers_and_editors_do_not_get_the_register(client_for, make_user, index):
    ApplicationFactory()
    assert client_for("hiring manager").get("/admin/recruitment/applications/").status_code in (
        302,
        403,
    )
    assert client_for("content editor").get("/admin/recruitment/applications/").status_code in (
        302,
        403,
    )


def test_checks_register_lists_only_checks_in_progress(client_for, index):
    from vacancies.services.checks import open_checks

    application = ApplicationFactory(status="checks")
    open_checks(application)
    response = client_for("recruiter").get("/admin/recruitment/checks/?status=outstanding")
    assert response.status_code == 200
    assert "Enhanced DBS" in response.content.decode()


def test_editors_can_create_a_vacancy_in_the_page_tree(client_for, index):
    from accounts.factories import TeamFactory

    client = client_for("content editor")
    response = client.get(f"/admin/pages/add/vacancies/vacancypage/{index.pk}/")
    assert response.status_code == 200
    assert VacancyPageFactory(team=TeamFactory()).get_parent().specific == index
