from . import (
    mentoring_goal,
    mentoring_mentee,
    mentoring_mentor,
    mentoring_outcome,
    mentoring_program,
    mentoring_relationship,
    res_partner,
)
