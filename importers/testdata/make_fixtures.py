#!/usr/bin/python3
"""Writes the hand-made roster fixtures of importers' tests: files that are nastier than the
shared samples (BOMs, Windows-1252, UTF-16, typos, duplicates, broken references, bad zips).

Run from this folder with /usr/bin/python3 make_fixtures.py; the output is committed and the
tests read the committed files. Every byte that matters is spelled out here, so a reader can see
what each file holds without a hex editor."""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, text, encoding="utf-8", newline="\n", bom=False, final_newline=True):
    path = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    lines = text.strip("\n").split("\n")
    body = newline.join(lines) + (newline if final_newline else "")
    data = body.encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[encoding] + data
    with open(path, "wb") as f:
        f.write(data)


# --- ENT import files -------------------------------------------------------------------------

# UTF-8 with a BOM (Excel's "CSV UTF-8"), CRLF, no final newline, a class name holding the
# separator inside quotes, an Œ, a blank line between rows (line 4), an ISO date, and the same
# class spelled twice in one row with other case and spacing.
write("ent/Eleves_BOM.csv", """
Prénom*;Nom*;Date de naissance*;Classes*;Classes
Chloé;BŒUF;13/08/2014;"CP; groupe A";Atelier
Noé;ÉTIENNE;02/01/2010;CM2 de M. ARNOULD;

Zoé;D'ARC;2017-11-22;"CP; groupe A";"cp;  GROUPE a"
""", bom=True, newline="\r\n", final_newline=False)

# Windows-1252 (Œ is 0x8C, é is 0xE9), LF, a teacher with three classes over repeated columns,
# and an English-style email column.
write("ent/Enseignants-1252.csv", """
Prénom*;Nom*;date de naissance;fonction;email;classe;classe;classe
Œdipe;LÉGER;13/08/1980;Mathématiques;oedipe.leger@ecole.fr;6A;6B;6A
Aimée;CŒUR;;Français;;5C;;
""", encoding="cp1252")

# UTF-16LE with a BOM, as some Windows tools save "Unicode text", English template.
write("ent/Students-UTF16.csv", """
externalID;First name*;Last name*;Birthdate*;Email;Class
S-001;Jason;ANAYO;01/01/2006;jason@school.org;1A
S-002;Kim;ANAYO;02/01/2008;;3A
""", encoding="utf-16-le", bom=True, newline="\r\n")

# Header typos a person makes when retyping a template: each one letter off.
write("ent/Eleves_typo.csv", """
Prénmo*;Nom*;Date de naissnace*;Clases*
Léa;COLIN;13/08/2014;CP
""")

# Two rows sharing an externalID (lines 2 and 4).
write("ent/Students_dup.csv", """
externalID;First name*;Last name*;Birthdate*;Class
S-001;Jason;ANAYO;01/01/2006;1A
S-002;Kim;ANAYO;02/01/2008;3A
S-001;Justin;DETRAY;02/07/2007;1A
""")

# A students file without its birth date column.
write("ent/Eleves_sans_date.csv", """
Prénom*;Nom*;Classes*
Léa;COLIN;CP
""")

# Row errors: an impossible date (line 2), a missing first name (line 3), a bad email (line 4),
# a starred class left empty (line 5).
write("ent/Eleves_erreurs.csv", """
Prénom*;Nom*;Date de naissance*;Classes*;Courriel
Léa;COLIN;31/02/2014;CP;
;COLIN;02/01/2010;CM2;
Zoé;COLIN;22/11/2017;PS;zoe@@ecole
Théo;COLIN;22/11/2017;;
""")

# French parents, ',' separated, UTF-8 without BOM, two children in repeated triples, one child
# whose first name is missing (line 3).
write("ent/Parents_virgule.csv", """
Nom*,Prénom*,Courriel,Nom de l'élève,Prénom de l'élève,Classes de l'élève,Nom de l'élève,Prénom de l'élève,Classes de l'élève
MOULIN,Valérie,valerie@exemple.fr,MEUNIER,Alice,CE2 de Mme LAMBERT,MEUNIER,Antoine,CP de Mme BROSSARD
COLIN,Julie,,COLIN,,CP de Mme BROSSARD,,,
""")

# No profile anywhere: the name says nothing, headers are the students' minus the star.
write("ent/liste.csv", """
Prénom;Nom;Classes
Léa;COLIN;CP
""")

# The ENT's specific export: every profile in one file, keyed by the ENT id.
write("ent/export_ent.csv", """
Nom;Prénom;Profil;Identifiant ENT;Classe
COLIN;Léa;Elève;a1b2c3;CP de Mme BROSSARD
SIMANI;Félicité;Enseignant;d4e5f6;CP de Mme BROSSARD
BARBOZA;Olivier;Personnel;g7h8i9;
COLIN;Julie;Parent;j1k2l3;
""")

# Not a roster at all.
write("unknown.csv", """
produit;prix;quantité
stylo;1,20;4
""")

# --- BE1D extractions: Windows-1252, ';', every non-empty field quoted, empty ones bare -------

write("be1d/CSVExtraction-eleves.csv", """
"Nom Elève";"Nom d'usage Elève";"Prénom Elève";"Date naissance";"Sexe";"Adresse1";"Cp1";"Commune1";"Pays1";" Cycle";"Niveau";"Classe";"Attestation fournie"
"BELMAHDI";;"Mathilde";"2016-08-17";"F";;;;;"CYCLE II";"CE1";"CE1-CE2 Mme ROUX";"Oui"
"LŒWY";"MARTIN";"Noël";"2017-01-04";"M";"3 rue de l'Église";"61000";"Alençon";"FRANCE";"CYCLE II";"CP";"CP M. BLANC";"Non"
"AUDONNET";;"Anaïs";"2015-05-18";"F";;;;;"CYCLE III";"CE2";"CE1-CE2 Mme ROUX";"Non"
""", encoding="cp1252", newline="\r\n")

write("be1d/CSVExtraction-enseignants.csv", """
"Civilité";"Nom usage";"Nom";"Prénom";"Adresse";"CP";"Commune";"Pays";"Courriel";"Téléphone domicile";"Téléphone portable";"Directeur";"Classe"
"MME";;"ROUX";"Hélène";;;;;"helene.roux@ac-caen.fr";;;"oui";"CE1-CE2 Mme ROUX"
"M.";"BLANC";"BLANC-PETIT";"François";;;;;;;;"non";"CP M. BLANC"
""", encoding="cp1252", newline="\r\n")

write("be1d/CSVExtraction-responsables.csv", """
"Civilité Responsable";"Nom usage responsable";"Nom responsable";"Prénom responsable";"Courriel";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants";"Nom d'usage enfant";"Nom de famille enfant";"Prénom enfant";"Classes enfants"
"MME";;"BELMAHDI";"Samira";"samira@exemple.fr";;"BELMAHDI";"Mathilde";"CE1-CE2 Mme ROUX";;;;
"M.";;"AUDONNET";"Mickaël";;;"AUDONNET";"Anaïs";"CE1-CE2 Mme ROUX";"MARTIN";"LŒWY";"Noël";"CP M. BLANC"
""", encoding="cp1252", newline="\r\n")

# --- OneRoster ----------------------------------------------------------------------------------

OR12_MANIFEST_BULK = """
propertyName,value
manifest.version,1.0
oneroster.version,1.2
file.academicSessions,absent
file.orgs,bulk
file.courses,bulk
file.classes,bulk
file.users,bulk
file.roles,bulk
file.userProfiles,bulk
file.enrollments,bulk
file.demographics,bulk
"""

V12 = {
    "manifest.csv": OR12_MANIFEST_BULK,
    # The school comes before the district it belongs to; an ext_ column is ignored.
    "orgs.csv": """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,ext_region
sch-1,active,2026-09-01T00:00:00Z,École Jules Ferry,school,0610001A,dst-1,Normandie
dst-1,active,2026-09-01T00:00:00Z,Circonscription d'Alençon,district,,,
""",
    "courses.csv": """
sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,subjects,orgSourcedId
crs-ce1,active,2026-09-01T00:00:00Z,,Cours élémentaire 1,CE1,02,,sch-1
""",
    # cls-2 has no title: its course's title names it.
    "classes.csv": """
sourcedId,status,dateLastModified,title,classCode,classType,location,grades,subjects,courseSourcedId,schoolSourcedId,termSourcedIds
cls-1,active,2026-09-01T00:00:00Z,CE1 Mme Roux,CE1A,homeroom,,"02,03",,crs-ce1,sch-1,
cls-2,active,2026-09-01T00:00:00Z,,CE1B,homeroom,,02,,crs-ce1,sch-1,
""",
    # 1.2: no role column; roles.csv gives it. The parent names his child in agentSourcedIds,
    # the second student names her mother: both links end on the parents.
    "users.csv": """
sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.house
u-s1,active,2026-09-01T00:00:00Z,true,mathilde.b,,Mathilde,Belmahdi,,,,,,,02,,,,,,,sch-1,,Red
u-s2,active,2026-09-01T00:00:00Z,true,anais.a,,Anaïs,Audonnet,,,anais@ecole.fr,,,u-p2,03,,,,,,,sch-1,,Blue
u-t1,active,2026-09-01T00:00:00Z,true,h.roux,,Hélène,Roux,,,helene.roux@ac-caen.fr,,,,,,,,,,,sch-1,,
u-p1,active,2026-09-01T00:00:00Z,true,s.belmahdi,,Samir,Belmahdi,,,,,,u-s1,,,,,,,,sch-1,,
u-p2,active,2026-09-01T00:00:00Z,true,v.audonnet,,Valérie,Audonnet,,,,,,,,,,,,,,sch-1,,
u-a1,active,2026-09-01T00:00:00Z,true,m.dir,,Marc,Directeur,,,,,,,,,,,,,,sch-1,,
""",
    "roles.csv": """
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
r1,active,2026-09-01T00:00:00Z,u-s1,primary,student,,,sch-1,
r2,active,2026-09-01T00:00:00Z,u-s2,primary,student,,,sch-1,
r3,active,2026-09-01T00:00:00Z,u-t1,secondary,aide,,,dst-1,
r4,active,2026-09-01T00:00:00Z,u-t1,primary,teacher,,,sch-1,
r5,active,2026-09-01T00:00:00Z,u-p1,primary,parent,,,sch-1,
r6,active,2026-09-01T00:00:00Z,u-p2,primary,guardian,,,sch-1,
r7,active,2026-09-01T00:00:00Z,u-a1,primary,administrator,,,sch-1,
""",
    "userProfiles.csv": """
sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password
up1,active,2026-09-01T00:00:00Z,u-t1,lms,acme,,,password,hroux,secret
""",
    "enrollments.csv": """
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
e1,active,2026-09-01T00:00:00Z,cls-1,sch-1,u-s1,student,false,,
e2,active,2026-09-01T00:00:00Z,cls-2,sch-1,u-s2,student,false,,
e3,active,2026-09-01T00:00:00Z,cls-2,sch-1,u-t1,teacher,true,,
e4,active,2026-09-01T00:00:00Z,cls-1,sch-1,u-t1,teacher,true,,
e5,tobedeleted,2026-09-01T00:00:00Z,cls-1,sch-1,u-s2,student,false,,
""",
    "demographics.csv": """
sourcedId,status,dateLastModified,birthDate,sex
u-s1,active,2026-09-01T00:00:00Z,2018-08-17,female
u-s2,active,2026-09-01T00:00:00Z,2017-05-18,female
""",
}


def write_set(folder, files, final_newline=True):
    for name, text in files.items():
        write(os.path.join(folder, name), text, final_newline=final_newline)


write_set("oneroster/v1.2-bulk", V12)

# A 1.2 delta: two users change, one is tobedeleted; the enrollment names a user and a class the
# delta does not carry, which is allowed since they stay as they are in the directory.
write_set("oneroster/v1.2-delta", {
    "manifest.csv": """
propertyName,value
manifest.version,1.0
oneroster.version,1.2
file.academicSessions,absent
file.orgs,absent
file.courses,absent
file.classes,absent
file.users,delta
file.roles,delta
file.enrollments,delta
file.demographics,absent
file.userProfiles,absent
""",
    "users.csv": """
sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns
u-s3,active,2027-01-05T00:00:00Z,true,noel.m,,Noël,Martin,,,,,,,01,,,,,,,sch-1,
u-s1,tobedeleted,2027-01-05T00:00:00Z,true,mathilde.b,,Mathilde,Belmahdi,,,,,,,02,,,,,,,sch-1,
u-t1,active,2027-01-05T00:00:00Z,true,h.roux,,Hélène,Roux-Petit,,,helene.roux@ac-caen.fr,,,,,,,,,,,sch-1,
""",
    "roles.csv": """
sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
r8,active,2027-01-05T00:00:00Z,u-s3,primary,student,,,sch-1,
r4,active,2027-01-05T00:00:00Z,u-t1,primary,teacher,,,sch-1,
""",
    "enrollments.csv": """
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
e6,active,2027-01-05T00:00:00Z,cls-9,sch-1,u-s3,student,false,,
e7,active,2027-01-05T00:00:00Z,cls-1,sch-1,u-s9,student,false,,
""",
})

# A 1.1 bulk set whose enrollments point at a class (line 3) and a user (line 4) it never
# defines, and whose users file repeats an id (line 4).
write_set("oneroster/broken-refs", {
    "manifest.csv": """
propertyName,value
manifest.version,1.0
oneroster.version,1.1
file.orgs,bulk
file.classes,bulk
file.users,bulk
file.enrollments,bulk
""",
    "orgs.csv": """
sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
sch-1,,,École,school,,
""",
    "classes.csv": """
sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
cls-1,,,CP,01,,CP,homeroom,,sch-1,,,,
""",
    "users.csv": """
sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
u1,,,true,sch-1,student,lea.c,,Léa,Colin,,,,,,,01,
u2,,,true,sch-1,teacher,m.blanc,,Marc,Blanc,,,,,,,,
u1,,,true,sch-1,student,theo.c,,Théo,Colin,,,,,,,01,
""",
    "enrollments.csv": """
sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
e1,,,cls-1,sch-1,u1,student,,,
e2,,,cls-404,sch-1,u1,student,,,
e3,,,cls-1,sch-1,u404,student,,,
""",
})


def zip_bytes(files, extra=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text.strip("\n") + "\n")
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return buf.getvalue()


def write_bytes(path, data):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


# The bulk set zipped inside a folder, as some SIS exports do, with a macOS resource fork.
write_bytes("oneroster/v1.2-bulk.zip", zip_bytes({"export/" + k: v for k, v in V12.items()},
                                                  {"__MACOSX/export/._users.csv": "junk"}))
# The same archive cut in the middle, as an interrupted download leaves it.
whole = zip_bytes(V12)
write_bytes("oneroster/truncated.zip", whole[: len(whole) // 2])
# An archive with an entry that climbs out of its folder.
write_bytes("oneroster/traversal.zip", zip_bytes(V12, {"../../evil.csv": "a,b\n"}))
