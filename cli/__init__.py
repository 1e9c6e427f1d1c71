"""The headless commands (`python main.py [--db PATH|URL] COMMAND`): one module per domain over the same
services as the window. Never imports Qt.
"""
