"""Knowledge checks on e-learning modules: the question bank editors write in Wagtail, and
each attempt a learner makes at it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False, help_text="Tick every right answer.")
    feedback = blocks.TextBlock(
        required=False,
        max_length=600,
        help_text="Shown after the attempt to anyone who chose this answer: say why it is "
        "right or wrong.",
    )

    class Meta:
        icon = "tick"
        label = "Answer"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=400)
    several_answers = blocks.BooleanBlock(
        required=False,
        label="More than one answer is right",
        help_text="Learners see tick boxes and must choose every right answer.",
    )
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, max_num=8)

    class Meta:
        icon = "help"
        label = "Question"

    def clean(self, value):
        value = super().clean(value)
        right = sum(1 for answer in value["answers"] if answer["correct"])
        if right == 0:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError("Tick at least one right answer.")}
            )
        if right > 1 and not value["several_answers"]:
            raise StructBlockValidationError(
                block_errors={
                    "several_answers": ValidationError(
                        "More than one answer is ticked as right: tick this box, or leave "
                        "only one right answer."
                    )
                }
            )
        return value


class QuestionBankBlock(blocks.StreamBlock):
    question = QuestionBlock()


class CheckAttempt(models.Model):
    """One try at a module's knowledge check. The questions drawn are copied in when the
    attempt starts, so editing the bank never changes an attempt already under way and
    the record shows exactly what the person was asked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_attempts"
    )
    module = models.ForeignKey(
        "academy.ELearningModulePage", on_delete=models.CASCADE, related_name="check_attempts"
    )
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # [{"id", "question", "several_answers", "answers": [{"text", "correct", "feedback"}]}]
    questions = models.JSONField(default=list)
    # {question id: [answer positions chosen]}
    answers = models.JSONField(default=dict, blank=True)
    pass_mark = models.PositiveSmallIntegerField(help_text="Per cent, copied from the module.")
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Right answers.")
    passed = models.BooleanField(null=True)
    reflection = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=models.Q(submitted_at__isnull=True),
                name="academy_one_open_check_attempt",
            )
        ]
        indexes = [models.Index(fields=["module", "submitted_at"])]

    def __str__(self):
        return f"{self.user} on {self.module}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.total:
            return None
        return round(100 * self.score / self.total)

    def question_ids(self) -> list[str]:
        return [q["id"] for q in self.questions]
