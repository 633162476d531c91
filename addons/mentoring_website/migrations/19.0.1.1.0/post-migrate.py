"""The hourly limit became one system parameter per form: an administrator's value of the
former shared parameter applies to both forms, then the former parameter is removed."""

OLD_PARAMETER = "mentoring_website.submission_limit_per_hour"
NEW_PARAMETERS = (
    "mentoring_website.submission_limit_mentor",
    "mentoring_website.submission_limit_mentee",
)


def migrate(cr, version):
    """Copy the former shared limit to the two per-form parameters, then remove it."""
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [OLD_PARAMETER])
    row = cr.fetchone()
    if not row:
        return
    cr.execute(
        "UPDATE ir_config_parameter SET value = %s WHERE key IN %s", [row[0], NEW_PARAMETERS]
    )
    cr.execute("DELETE FROM ir_config_parameter WHERE key = %s", [OLD_PARAMETER])
