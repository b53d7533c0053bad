from django.dispatch import Signal

# The engine's indices now search with new analysis (the editors' synonyms):
# sent by the worker after the rebuild's alias swap.
engine_analysis_changed = Signal()
