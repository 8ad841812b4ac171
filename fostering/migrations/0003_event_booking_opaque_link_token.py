import secrets

from django.db import migrations, models

import fostering.models


def give_each_booking_its_own_token(apps, schema_editor):
    EventBooking = apps.get_model("fostering", "EventBooking")
    for booking in EventBooking.objects.filter(link_token__isnull=True).only("pk"):
        booking.link_token = secrets.token_urlsafe(24)
        booking.save(update_fields=["link_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("fostering", "0002_independent_review_and_team_inbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventbooking",
            name="link_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_each_booking_its_own_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="eventbooking",
            name="link_token",
            field=models.CharField(
                default=fostering.models.new_booking_link_token,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
    ]
