"""The analyst's database: batch records loaded into SQLite (sqlite-utils), people across articles.

Needs the `db` extra (`pip install 'vnfacts[db]'`). See docs/database.md.
"""
