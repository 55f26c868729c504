#!/usr/bin/python3
"""Writes the AAF fixtures: feeds made from the ficAlimMENESR DTD (beside the shared samples)
with the quirks real feeds have. Run from this folder: /usr/bin/python3 make_fixtures.py"""
import os

def req(op, category, ident, attrs, kind="categoriePersonne", body="attributes"):
    out = [f"<{op}>",
           f'<operationalAttributes><attr name="{kind}"><value>{category}</value></attr></operationalAttributes>',
           f"<identifier><id>{ident}</id></identifier>"]
    if op == "deleteRequest":
        return "\n".join(out + [f"</{op}>"])
    out.append(f"<{body}>")
    tag = "attr" if body == "attributes" else "modification"
    extra = "" if tag == "attr" else ' operation="replace"'
    for name, values in attrs:
        if not values:
            out.append(f'<{tag} name="{name}"{extra}><value/></{tag}>')
        elif len(values) > 1:  # multi-valued, over several lines
            out.append(f'<{tag} name="{name}"{extra}>\n' + "".join(f"    <value>{v}</value>\n" for v in values) + f"</{tag}>")
        else:
            out.append(f'<{tag} name="{name}"{extra}><value>{values[0]}</value></{tag}>')
    out.append(f"</{body}>\n</{op}>")
    return "\n".join(out)

def feed(entries, decl='<?xml version="1.0" encoding="UTF-8"?>\n'):
    return decl + '<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n<!-- versionAF="AAF-VE2407" -->\n' + "\n".join(entries) + "\n</ficAlimMENESR>\n"

def write(path, text, encoding="utf-8", newline=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode(encoding)
    if newline:
        data = newline(data)
    with open(path, "wb") as f:
        f.write(data)

def mixed_newlines(data):
    # CR LF, then a lone CR, then LF, in turn: a file edited on three systems.
    lines = data.split(b"\n")
    ends = [b"\r\n", b"\r", b"\n"]
    return b"".join(l + ends[i % 3] for i, l in enumerate(lines[:-1])) + lines[-1]

schools = [
    req("addRequest", "EtabEducNat", "43", [("ENTStructureJointure", ["43"]), ("ENTStructureUAI", ["0750654D"]),
        ("ENTStructureNomCourant", ["LYC$LYCEE HENRI IV$PARIS"]), ("ENTStructureClasses", ["2ND1$SECONDE 1", "2ND2$SECONDE 2"]),
        ("ENTStructureGroupes", [])], kind="categorieStructure"),
    req("addRequest", "EtabEducNat", "44", [("ENTStructureJointure", ["44"]), ("ENTStructureUAI", ["0750655e"]),
        ("ENTStructureNomCourant", ["LOUIS LE GRAND"])], kind="categorieStructure"),
]
# No XML declaration at all, and three kinds of line ending.
write("quirks/ENT_Complet_20250101_EtabEducNat_0000.xml",
      feed(schools, decl=""), newline=mixed_newlines)

def pupil(ident, last, first, struct, classes, groups, rel=(), parents=(), extra=()):
    return req("addRequest", "Eleve", ident, [("ENTPersonJointure", [ident]), ("sn", [last]), ("givenName", [first]),
        ("ENTPersonDateNaissance", ["14/07/2009"]), ("ENTPersonStructRattach", [struct]),
        ("ENTEleveClasses", classes), ("ENTEleveGroupes", groups), ("ENTElevePersRelEleve", list(rel)),
        ("ENTEleveParents", list(parents)), ("ENTEleveLibelleMEF", ["2NDE GT"])] + list(extra))

# File _0000 declares ISO-8859-15 but is UTF-8: the bytes win. File _0001 declares UTF-8 but
# is Windows-1252 (Œ is byte 0x8C): bytes that are not UTF-8 are read as Windows-1252.
write("quirks/ENT_Complet_20250101_Eleve_0000.xml", feed([
    pupil("E1", "DUPRÉ", "Zoé", "43", ["43$2ND1"], ["43$LATIN"], rel=["R1$10$1$1$1$1", "R2$20$0$1$0$0"]),
    pupil("E2", "MARTIN", "Noé", "43", ["43$2ND2", "43$2ND2"], [], rel=["R1$10$1$1$1$1"]),
], decl='<?xml version="1.0" encoding="ISO-8859-15"?>\n'))
write("quirks/ENT_Complet_20250101_Eleve_0001.xml", feed([
    pupil("E3", "CŒUR", "Anaïs", "44", ["44$1ERE3"], [], parents=["R3"]),
    # Attached to a structure the feed does not define: imported, with a warning.
    pupil("E4", "PETIT", "Léo", "99", ["99$CM2"], [], extra=[("mail", ["pas-une-adresse"])]),
]), encoding="cp1252")
write("quirks/ENT_Complet_20250101_PersRelEleve_0000.xml", feed([
    req("addRequest", "PersRelEleve", "R1", [("ENTPersonJointure", ["R1"]), ("sn", ["DUPRÉ"]), ("givenName", ["Marie"]),
        ("mail", ["Marie.Dupre@Example.org"]), ("ENTPersonStructRattach", ["43"])]),
    req("addRequest", "PersRelEleve", "R2", [("ENTPersonJointure", ["R2"]), ("sn", ["DUPRÉ"]), ("givenName", ["Jean"]),
        ("ENTPersonStructRattach", ["43"])]),
    req("addRequest", "PersRelEleve", "R3", [("ENTPersonJointure", ["R3"]), ("sn", ["CŒUR"]), ("givenName", ["Hélène"]),
        ("ENTPersonStructRattach", ["44"])]),
]))
write("quirks/ENT_Complet_20250101_MatiereEducNat_0000.xml", feed([
    req("addRequest", "MatiereEducNat", "030201", [("ENTMatJointure", ["030201"]), ("ENTLibelleMatiere", ["ANGLAIS LV1"])], kind="categorieMatiere"),
]))
write("quirks/ENT_Complet_20250101_PersEducNat_0000.xml", feed([
    req("addRequest", "PersEducNat", "P1", [("ENTPersonJointure", ["P1"]), ("sn", ["BLANC"]), ("givenName", ["Paul"]),
        ("mail", ["paul.blanc@ac-paris.fr"]), ("ENTPersonStructRattach", ["43"]),
        ("ENTPersonFonctions", ["43$ENS$ENSEIGNEMENT$L0422$ANGLAIS"]),
        ("ENTAuxEnsClasses", ["43$2ND1", "43$2ND2"]), ("ENTAuxEnsGroupes", ["43$LATIN"]),
        ("ENTAuxEnsMatiereEnseignEtab", ["43$030201"])]),
    req("addRequest", "PersEducNat", "P2", [("ENTPersonJointure", ["P2"]), ("sn", ["NOIR"]), ("givenName", ["Lucie"]),
        ("ENTPersonStructRattach", ["43"]),
        ("ENTPersonFonctions", ["43$DIR$DIRECTION$D0010$CHEF D&apos;ETABLISSEMENT", "-"]),
        ("PersEducNatPresenceDevantEleves", ["N"])]),
]))

# A delta: one modification, one deletion.
write("delta/ENT_Delta_20250102_PersEducNat_0000.xml", feed([
    req("modifyRequest", "PersEducNat", "P1", [("mail", ["paul.blanc2@ac-paris.fr"])], body="modifications"),
    req("deleteRequest", "PersEducNat", "P2", []),
]))

# Cut in transfer in the middle of an entry.
whole = feed([pupil("E1", "DUPRÉ", "Zoé", "43", ["43$2ND1"], [])])
write("truncated/ENT_Complet_20250101_Eleve_0000.xml", whole[:whole.index("ENTEleveClasses") + 40])
