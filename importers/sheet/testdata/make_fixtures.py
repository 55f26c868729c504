#!/usr/bin/python3
"""Writes the XLSX fixtures of the sheet package's tests with openpyxl, a second implementation,
so the reader (excelize) is not tested against files it wrote itself.

Run with Debian's interpreter, which sees python3-openpyxl:
    apt-get install -y python3-openpyxl && /usr/bin/python3 make_fixtures.py
The generated .xlsx files are committed; the tests read them."""
import datetime
import os

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))


def save(wb, name):
    # Fixed properties keep the output stable from one run to the next.
    wb.properties.creator = "rollcall tests"
    wb.properties.created = datetime.datetime(2026, 9, 1)
    wb.properties.modified = datetime.datetime(2026, 9, 1)
    wb.save(os.path.join(HERE, name))


# A publisher template: an instructions tab (ignored), students, teachers.
wb = Workbook()
info = wb.active
info.title = "Instructions"
info["A1"] = "Remplissez un onglet par profil. Les colonnes marquées * sont obligatoires."
info["A2"] = "Mot de passe : 8 caractères, majuscule, minuscule, chiffre et symbole."

eleves = wb.create_sheet("Élèves")
eleves.append(["Nom", "Prénom", "Code classe", "Identifiant", "Email", "Mot de passe", "Groupe", "Date de création", "Date de modification"])
eleves.append(["COLIN", "Léa", "6A", "lea.colin", "lea.colin@college.fr", "Secret#2026", "Latin, Chorale", datetime.date(2026, 9, 1), None])
eleves.append(["BŒUF", "Chloé", "6B", "chloe.boeuf", None, None, None, None, None])
# Row 4 is left empty: Excel shows it, the next student is on line 5.
eleves.cell(row=5, column=1, value="D'ARC")
eleves.cell(row=5, column=2, value="Zoé")
eleves.cell(row=5, column=3, value="6A")
eleves.cell(row=5, column=4, value="zoe.darc")

profs = wb.create_sheet("Enseignants")
profs.append(["Nom", "Prénom", "Identifiant", "Email", "Code classe", "Mot de passe"])
profs.append(["LÉGER", "Œdipe", "o.leger", "oedipe.leger@college.fr", "6A, 6B", "Profs!2026x"])
profs.append(["CŒUR", "Aimée", "a.coeur", None, None, None])
save(wb, "modele.xlsx")

# Rows a template's validation must refuse: a weak password (line 2), a student without a class
# (line 3), a login used twice (lines 2 and 4), a bad email (line 4).
wb = Workbook()
ws = wb.active
ws.title = "Eleves"
ws.append(["Nom", "Prénom", "Code classe", "Identifiant", "Email", "Mot de passe"])
ws.append(["COLIN", "Léa", "6A", "lea.colin", None, "motdepasse"])
ws.append(["COLIN", "Théo", None, "theo.colin", None, None])
ws.append(["COLIN", "Zoé", "6A", "lea.colin", "zoe@", None])
save(wb, "erreurs.xlsx")

# A workbook whose only sheet lacks the first-name column.
wb = Workbook()
ws = wb.active
ws.title = "Enseignants"
ws.append(["Nom", "Code classe", "Email"])
ws.append(["LÉGER", "6A", None])
save(wb, "sans_prenom.xlsx")
