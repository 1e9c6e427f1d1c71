"""The Qt window: ui/shell (start, main window, settings, login), ui/widgets (parts used by every tab), and
one package per tab. Talks to services only; never imports peewee or models.
"""
