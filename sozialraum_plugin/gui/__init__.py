"""Dialogs and task wrappers. Imported only when the user opens something."""
