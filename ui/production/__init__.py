"""The 生产 tab: BOMs and their editor, the production-order board with its dialogs, disassembly, and lot
tracing.
"""
