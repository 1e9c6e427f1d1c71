"""The shop's database as a whole: where its files live on this PC, creating or migrating it with its
first-run data (the only place that knows every domain's defaults), and verified online backups.
"""
