from core.templatetags.portal_text import mid_sentence


def test_names_read_naturally_inside_a_sentence_and_acronyms_keep_their_capitals():
    assert mid_sentence("Social workers") == "social workers"
    assert mid_sentence("SEND roles") == "SEND roles"
    assert mid_sentence("Management") == "management"
    assert mid_sentence("") == ""
