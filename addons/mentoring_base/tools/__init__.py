from . import classification
from . import eligibility
from . import schedule
