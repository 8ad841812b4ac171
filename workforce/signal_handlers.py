"""A staff profile made anywhere (an import, the admin, a test factory) gets its first
employment spell, so current figures read from spells always count everybody."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import StaffProfile


@receiver(post_save, sender=StaffProfile, dispatch_uid="workforce-first-spell")
def open_first_spell_for_new_profile(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    from .services.employment import open_first_spell

    if not instance.spells.exists():
        open_first_spell(
            instance,
            fte=getattr(instance, "_first_spell_fte", "1.00"),
            by=getattr(instance, "_recorded_by", None),
        )
