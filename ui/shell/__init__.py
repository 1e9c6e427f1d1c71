"""The application around the tabs: start-up and --smoke-test, the main window and which tabs a role sees,
settings (typed registry over QSettings) and its dialog, login, users, crash reporting, one window per
database file.
"""
