"""Publishing: the one rule deciding what may be shown, its method note, the appendix's numbers."""
from .note import method_note, rule_line
from .rule import Publication, publication_rule

__all__ = ["Publication", "method_note", "publication_rule", "rule_line"]
