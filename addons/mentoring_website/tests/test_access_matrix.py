from odoo.addons.mentoring_base.tests.access_matrix import AccessMatrixCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase):
    """mentoring_website's rows of the access matrix: the submission log (visitors' IP
    addresses) is read by administrators only, never by program staff or visitors."""

    _matrix_module = "mentoring_website"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["mentoring.website.submission"].create({"ip": "192.0.2.10", "form": "mentor"})
