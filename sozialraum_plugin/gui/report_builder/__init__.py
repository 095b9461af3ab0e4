"""The report builder: a report definition made by clicking (toolbar action "Social report").

Small files, one per page: general_page (title, boundaries, output, language), tables_page and
table_editor (the join dialog's preview, read options and check per table), indicators_page,
analysis_page (need index, clusters), maps_page, profiles_page (pages and the city's look),
storage (project entry, file), next_year (new tables and what changed), results (opening them),
dialog (the whole, running ``sozialraum:report`` as a task).
"""
