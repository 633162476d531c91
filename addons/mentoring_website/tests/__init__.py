from . import test_access_matrix
from . import test_become_mentor
from . import test_create_from_website
from . import test_french
from . import test_page_language
from . import test_self_referral
from . import test_tour
from . import test_website_languages
