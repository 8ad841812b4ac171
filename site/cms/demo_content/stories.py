"""Day-in-the-life stories. They are composites, written from conversations with staff
and carers; the first names are illustrative."""

STORIES = {
    "nqsw": {
        "name": "Amira",
        "role": "Newly qualified social worker, East locality",
        "quote": (
            "My caseload was protected, and so was my supervision. That made all the difference."
        ),
        "story": (
            "<p>Most days start at the team table with a coffee and a quick check-in "
            "with my assistant team manager. In my first year my caseload was kept "
            "small, so I had time to get to know each child properly.</p>"
            "<p>Mornings are usually visits: a school, a family home, sometimes a "
            "contact session. Afternoons are for writing up, and I try to write my "
            "records so the child could read them one day. My reviews at three and six "
            "months felt like a conversation about how I was growing, not a test.</p>"
        ),
        "image": "portrait-1",
        "image_alt": "Abstract illustration of a person with a notebook",
    },
    "recovery": {
        "name": "Dan",
        "role": "Recovery worker, West Family Safeguarding team",
        "quote": (
            "Sitting in the same team as the social worker means a "
            "parent can start getting help the same day."
        ),
        "story": (
            "<p>I work with parents whose drinking or drug use is affecting their "
            "children. Because I sit in a Family Safeguarding team, I often meet a "
            "parent on a joint visit with their social worker.</p>"
            "<p>Motivational Interviewing is the tool I use most: helping people find "
            "their own reasons to change. Group supervision on a Thursday is where the "
            "whole team thinks about risk together.</p>"
        ),
        "image": "portrait-2",
        "image_alt": "Abstract illustration of two people talking",
    },
    "manager": {
        "name": "Grace",
        "role": "Team manager, Central locality",
        "quote": "High support and high challenge works both ways: I get it from my managers too.",
        "story": (
            "<p>My job is to make good practice possible. I spend a lot of my week in "
            "supervision, and I try to make it reflective rather than a list of tasks.</p>"
            "<p>I also read a sample of my team's assessments and plans every month, "
            "because that is where the quality of our work shows.</p>"
        ),
        "image": "portrait-3",
        "image_alt": "Abstract illustration of a person at a desk",
    },
    "carers": {
        "name": "Lee and Sam",
        "role": "Short-term foster carers, Southampton",
        "quote": (
            "We were nervous about the assessment. It turned out to "
            "be the start of a great support network."
        ),
        "story": (
            "<p>We started fostering after our own children left home. The Skills to "
            "Foster training introduced us to other carers who are still friends.</p>"
            "<p>Our supervising social worker visits regularly and is a phone call away. "
            "Most of the children we look after go home to their families or on to "
            "long-term carers, and helping with that move is one of the most rewarding "
            "things we do.</p>"
        ),
        "image": "portrait-4",
        "image_alt": "Abstract illustration of two adults and a child holding hands",
    },
    "respite": {
        "name": "Priti",
        "role": "Respite foster carer for disabled children",
        "quote": "A weekend a month with us gives a family the break they need to keep going.",
        "story": (
            "<p>I look after disabled children for short breaks, working closely with "
            "Jigsaw, the disabled children's team. I got to know each child and family "
            "slowly, and the training on specific needs was excellent.</p>"
        ),
        "image": "portrait-5",
        "image_alt": "Abstract illustration of an adult and a child in a wheelchair",
    },
}
