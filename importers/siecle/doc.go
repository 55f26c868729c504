// Package siecle reads the exports a collège or lycée takes from SIECLE ("Base Élèves
// établissement"), as loose XML or as the ExportXML_*.zip SIECLE hands out, read together as
// one set: ElevesSansAdresses.xml or ElevesAvecAdresses.xml (BEE_ELEVES), ResponsablesAvec
// Adresses.xml (BEE_RESPONSABLES), Structures.xml (BEE_STRUCTURES) and Nomenclature.xml
// (BEE_NOMENCLATURES), ISO-8859-15. An STS-Web export (sts_emp_*.xml) in the same set brings the
// teachers (see package sts).
//
// The current pupils are those in a division (a structure of TYPE_STRUCTURE D) who have not
// left (no DATE_SORTIE); the G structures are their groups. Guardians are the persons a current
// pupil has as RESP_LEGAL 1 or 2. The school is the UAJ; class labels and levels come from the
// structures and the nomenclature when they are there.
package siecle
