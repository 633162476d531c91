"""The record rules of this addon were loaded as noupdate in 19.0.1.0.0. They are now
updatable (the line between agencies and users follows the code), so let this upgrade
rewrite them: the evaluation summary's referrer rule moves from the contact's company to
the agency set on the user."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'mentoring_reports'
           AND model = 'ir.rule'
           AND noupdate
        """
    )
