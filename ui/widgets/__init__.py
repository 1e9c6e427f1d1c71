"""Parts every tab uses: the app context, table models with paging, the search box, the scanner event
filter and scan lines, print preview, the background worker, shared dialogs, number formatting,
notifications and refresh signals, translations and resources.
"""
