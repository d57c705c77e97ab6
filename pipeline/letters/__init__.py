"""Letters of the procedure from Word templates: values checked, DOCX by docxtpl, PDF by LibreOffice.

kinds.py     the letter kinds: recipients, templates, the statuses they need and make
context.py   the values of one letter, checked before anything is written
content.py   person-written text (advice, mediation) from a YAML draft in the case
dutch.py     dates, names, salutations and addresses the Dutch way
render.py    docxtpl with escaping and strict fields
produce.py   one run: plan, render, convert, file (single letters and bulk alike)
make_templates.py  builds templates/*.docx (and templates/VELDEN.md, the fields)
samples.py   made-up cases in every stage, for tests, the benchmark and demos
"""
