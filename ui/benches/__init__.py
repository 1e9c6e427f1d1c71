"""Each role's bench: which views of the window a role opens on and sees (a view, not a permission)."""
