from . import (
    mentoring_classification_mixin,
    mentoring_language,
    mentoring_mentee,
    mentoring_mentor,
    mentoring_naics,
    mentoring_noc,
    mentoring_person_mixin,
    mentoring_program,
    res_partner,
)
