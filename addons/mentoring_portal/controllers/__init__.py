from . import outcome, portal, proposal
