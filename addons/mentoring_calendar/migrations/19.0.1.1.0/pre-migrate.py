"""The record rule of this addon was loaded as noupdate in 19.0.1.0.0. It is now updatable
(who reads a mentoring event follows the code), so let this upgrade rewrite it: an event
linked to a relationship is a mentoring event whatever its kind."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'mentoring_calendar'
           AND model = 'ir.rule'
           AND noupdate
        """
    )
