from . import test_access_matrix
from . import test_certificate
from . import test_certificate_wording
from . import test_demo_certificate
from . import test_funder_export
from . import test_isolation
