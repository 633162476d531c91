"""Up to 19.0.1.0.0 this addon stored the mentors' free places as ``free_capacity`` and
showed them in two inherited views (mentor list and search). The figure now lives in
mentoring_base (``free_places``, pending proposals included) and those views are gone.
Odoo deletes records missing from the data files only after every addon is loaded, and
checks views before that: delete the two obsolete views first, or any later view of
mentors fails on the missing field."""

OBSOLETE_VIEWS = ("mentoring_mentor_view_list_matching", "mentoring_mentor_view_search_matching")


def migrate(cr, version):
    cr.execute(
        """
        DELETE FROM ir_ui_view
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'mentoring_matching' AND model = 'ir.ui.view'
                         AND name IN %s)
        """,
        (OBSOLETE_VIEWS,),
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'mentoring_matching' AND model = 'ir.ui.view' AND name IN %s
        """,
        (OBSOLETE_VIEWS,),
    )
