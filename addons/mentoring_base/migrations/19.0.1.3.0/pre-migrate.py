"""Satisfaction ratings given at closure are optional, from 1 to 5: the 0 the close
wizard (and the relationship form) wrote when nobody gave a rating becomes empty, so that
averages count only the people who answered. Done before the update, which checks that
ratings are empty or from 1 to 5."""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute(
        """
        UPDATE mentoring_relationship
           SET mentee_satisfaction = NULLIF(mentee_satisfaction, 0),
               mentor_satisfaction = NULLIF(mentor_satisfaction, 0)
         WHERE mentee_satisfaction = 0 OR mentor_satisfaction = 0
        """
    )
    _logger.info("Relationships whose satisfaction of 0 was emptied: %s.", cr.rowcount)
