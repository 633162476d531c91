from . import mentoring_supply_gap
