from . import classification
from . import eligibility
