import factory
import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Southampton Way"
    slug = "home"
    hero_heading = "Help Southampton's children thrive"
    hero_text = "Work, foster and train with Southampton City Council's children's services."
    routes = factory.LazyFunction(list)
    body = factory.LazyFunction(list)

    class Meta:
        model = HomePage
