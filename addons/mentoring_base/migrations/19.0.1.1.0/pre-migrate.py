"""The record rules of this addon were loaded as noupdate in 19.0.1.0.0. They are now
updatable (the line between agencies follows the code), so let this upgrade rewrite them:
the agency referrers' rules move from their contact's company, which they could edit, to
the agency an administrator sets on their user."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'mentoring_base'
           AND model = 'ir.rule'
           AND noupdate
        """
    )
