from . import classification
