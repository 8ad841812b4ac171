"""The vacancy search: every filter lives in the query string, so a search can be shared."""

from django import forms

from accounts.models import EmploymentType
from core import limits
from core.search import clean_search_text
from vacancies.models.pages import WorkingPattern
from vacancies.queries import SALARY_STEPS, filter_options

SORTS = [
    ("relevance", "Best match"),  # offered only when the words are ranked (see queries)
    ("closing", "Closing soonest"),
    ("newest", "Newest"),
    ("salary", "Highest salary"),
]


MAX_QUERY_LENGTH = 100


class VacancySearchForm(forms.Form):
    q = forms.CharField(
        label="Search vacancies",
        required=False,
        # Generous, so a pasted paragraph is still searched by its first words.
        max_length=limits.SEARCH,
        widget=forms.TextInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )
    role_family = forms.MultipleChoiceField(
        label="Role family", required=False, widget=forms.CheckboxSelectMultiple
    )
    locality = forms.MultipleChoiceField(
        label="Locality", required=False, widget=forms.CheckboxSelectMultiple
    )
    employment_type = forms.MultipleChoiceField(
        label="Employment type",
        required=False,
        choices=EmploymentType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    working_pattern = forms.MultipleChoiceField(
        label="Working pattern",
        required=False,
        choices=WorkingPattern.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    min_salary = forms.TypedChoiceField(
        label="Minimum salary",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any salary")] + [(str(s), f"£{s:,} or more") for s in SALARY_STEPS],
        widget=forms.RadioSelect,
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same cached options the facets list (no queries once the cache is warm).
        options = filter_options()
        self.fields["role_family"].choices = options["role_family"]
        self.fields["locality"].choices = options["locality"]

    def clean_q(self):
        # A pasted paragraph is searched by its first words rather than ignored.
        return clean_search_text(self.cleaned_data["q"], MAX_QUERY_LENGTH)

    def criteria(self) -> dict:
        """The cleaned filters; invalid values are dropped rather than failing the page."""
        if self.is_valid():
            return dict(self.cleaned_data)
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors and name in self.cleaned_data
        }
