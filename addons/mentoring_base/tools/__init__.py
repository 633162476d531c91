from . import availability
from . import capacity
from . import classification
from . import eligibility
from . import language
from . import rating
from . import schedule
