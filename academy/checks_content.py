"""Building knowledge-check question banks in code, for the seed and for tests."""


def question(text, right, wrong, *, feedback=None, several=False) -> dict:
    """One question block's raw data. `right` and `wrong` are answer texts (a string or a
    list); `feedback` maps an answer's text to what the learner is told after choosing it."""
    right = [right] if isinstance(right, str) else list(right)
    wrong = [wrong] if isinstance(wrong, str) else list(wrong)
    feedback = feedback or {}
    answers = [(text, True) for text in right] + [(text, False) for text in wrong]
    answers.sort(key=lambda pair: pair[0])
    return {
        "type": "question",
        "value": {
            "question": text,
            "several_answers": several or len(right) > 1,
            "answers": [
                {
                    "text": answer,
                    "correct": correct,
                    "feedback": feedback.get(
                        answer, "That is right." if correct else "That is not right."
                    ),
                }
                for answer, correct in answers
            ],
        },
    }
