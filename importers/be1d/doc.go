// Package be1d reads the extractions of Base Élèves 1er degré (and ONDE, its successor), the
// French primary schools' register: a students file (CSVExtraction-eleves), a teachers file and a
// guardians ("responsables") file whose rows name their children. They are Windows-1252,
// ';'-separated, with every non-empty field quoted and ISO dates; the reader does not depend on
// any of that.
package be1d
