// Package aaftest writes AAF feeds of any size for tests and benchmarks, built on the structure
// of the académie's sample files: schools, pupils with classes and guardians, guardians, staff
// with functions, split in numbered files as a rectorat sends them.
package aaftest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Feed describes a generated feed.
type Feed struct {
	Persons     int // pupils + guardians + staff
	Schools     int // default 20
	PerFile     int // entries per numbered file; default 50,000
	Modified    int // every Modified-th person gets another email (0: none), for re-imports
	StaffFactor int // one person in StaffFactor is staff; default 20
}

// Counts is what Write wrote.
type Counts struct {
	Pupils, Guardians, Staff int
	Files                    []string
}

// Write writes the feed's files into dir.
func Write(dir string, f Feed) (Counts, error) {
	if f.Schools == 0 {
		f.Schools = 20
	}
	if f.PerFile == 0 {
		f.PerFile = 50000
	}
	if f.StaffFactor == 0 {
		f.StaffFactor = 20
	}
	var c Counts
	c.Staff = f.Persons / f.StaffFactor
	c.Pupils = (f.Persons - c.Staff) * 3 / 5
	c.Guardians = f.Persons - c.Staff - c.Pupils
	w := &writer{dir: dir, per: f.PerFile, f: f}
	steps := []struct {
		category string
		n        int
		entry    func(b *bufio.Writer, i int)
	}{
		{"EtabEducNat", f.Schools, w.school},
		{"Eleve", c.Pupils, func(b *bufio.Writer, i int) { w.pupil(b, i, c.Guardians) }},
		{"PersRelEleve", c.Guardians, w.guardian},
		{"PersEducNat", c.Staff, w.staff},
	}
	for _, s := range steps {
		if err := w.category(s.category, s.n, s.entry); err != nil {
			return c, err
		}
	}
	c.Files = w.files
	return c, nil
}

type writer struct {
	dir   string
	per   int
	f     Feed
	files []string
}

func (w *writer) category(name string, n int, entry func(*bufio.Writer, int)) error {
	for part := 0; part*w.per < n || (n == 0 && part == 0); part++ {
		path := filepath.Join(w.dir, fmt.Sprintf("ENT_Complet_20260901_%s_%04d.xml", name, part))
		file, err := os.Create(path)
		if err != nil {
			return err
		}
		b := bufio.NewWriterSize(file, 1<<16)
		b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ficAlimMENESR SYSTEM \"ficAlimMENESR.dtd\">\n<ficAlimMENESR>\n")
		for i := part * w.per; i < min(n, (part+1)*w.per); i++ {
			entry(b, i)
		}
		b.WriteString("</ficAlimMENESR>\n")
		if err := b.Flush(); err != nil {
			file.Close()
			return err
		}
		if err := file.Close(); err != nil {
			return err
		}
		w.files = append(w.files, path)
	}
	return nil
}

// UAI returns the valid UAI of generated school i.
func UAI(i int) string {
	n := 750000 + i
	return fmt.Sprintf("%07d%c", n, "ABCDEFGHJKLMNPRSTUVWXYZ"[n%23])
}

func attr(b *bufio.Writer, name string, values ...string) {
	b.WriteString("      <attr name=\"")
	b.WriteString(name)
	b.WriteString("\">")
	if len(values) == 0 {
		b.WriteString("<value/>")
	}
	for _, v := range values {
		b.WriteString("<value>")
		b.WriteString(v)
		b.WriteString("</value>")
	}
	b.WriteString("</attr>\n")
}

func open(b *bufio.Writer, category, kind, id string) {
	fmt.Fprintf(b, "  <addRequest>\n    <operationalAttributes><attr name=\"%s\"><value>%s</value></attr></operationalAttributes>\n    <identifier><id>%s</id></identifier>\n    <attributes>\n", kind, category, id)
}

func closeEntry(b *bufio.Writer) { b.WriteString("    </attributes>\n  </addRequest>\n") }

func (w *writer) school(b *bufio.Writer, i int) {
	id := strconv.Itoa(100 + i)
	open(b, "EtabEducNat", "categorieStructure", id)
	attr(b, "ENTStructureJointure", id)
	attr(b, "ENTStructureUAI", UAI(i))
	attr(b, "ENTEtablissementUAI", UAI(i))
	attr(b, "ENTStructureSIREN", "10000000000000")
	attr(b, "ENTStructureNomCourant", "CLG$CLG NUMERO "+id+"$PARIS")
	attr(b, "ENTStructureTypeStruct", "COLLEGE")
	attr(b, "ENTEtablissementMinistereTutelle", "MINISTERE DE L&apos;EDUCATION NATIONALE")
	attr(b, "postOfficeBox")
	attr(b, "street", "1 rue Test")
	attr(b, "postalCode", "75017")
	attr(b, "l", "PARIS")
	attr(b, "ENTServAcAcademie", "PARIS")
	closeEntry(b)
}

func (w *writer) structure(i int) string { return strconv.Itoa(100 + i%w.f.Schools) }

func (w *writer) email(kind string, i int) string {
	if w.f.Modified > 0 && i%w.f.Modified == 0 {
		return fmt.Sprintf("%s%d.changed@example.org", kind, i)
	}
	return fmt.Sprintf("%s%d@example.org", kind, i)
}

func (w *writer) pupil(b *bufio.Writer, i, guardians int) {
	id := strconv.Itoa(2000000 + i)
	s := w.structure(i)
	class := fmt.Sprintf("%de%c", 6+i%4, 'A'+rune(i/w.f.Schools%8))
	open(b, "Eleve", "categoriePersonne", id)
	attr(b, "ENTPersonJointure", id)
	attr(b, "ENTEleveINE", fmt.Sprintf("%09dAA", i))
	attr(b, "ENTPersonDateNaissance", fmt.Sprintf("%02d/%02d/20%02d", 1+i%28, 1+i%12, 10+i%5))
	attr(b, "ENTPersonNomPatro", fmt.Sprintf("NOM%d", i))
	attr(b, "sn", fmt.Sprintf("NOM%d", i))
	attr(b, "givenName", fmt.Sprintf("Prénom%d", i%997))
	attr(b, "ENTPersonAutresPrenoms", "Prenom", "NOM")
	attr(b, "personalTitle", "M.")
	var rel []string
	if guardians > 0 {
		g := i * 7 % guardians
		rel = append(rel, strconv.Itoa(3000000+g)+"$10$1$1$1$1", strconv.Itoa(3000000+(g+1)%guardians)+"$20$0$1$0$0")
	}
	attr(b, "ENTElevePersRelEleve", rel...)
	attr(b, "ENTEleveBoursier", "N")
	attr(b, "ENTEleveRegime", "DEMI-PENSIONNAIRE DANS L&apos;ETABLISSEMENT")
	attr(b, "ENTEleveTransport", "N")
	attr(b, "ENTPersonAdresse", "1 rue de Test$$$")
	attr(b, "ENTPersonCodePostal", "16730")
	attr(b, "ENTPersonVille", "LINARS")
	attr(b, "ENTPersonPays", "FRANCE")
	attr(b, "ENTEleveStatutEleve", "SCOLAIRE")
	attr(b, "ENTEleveMEF", "10010012110")
	attr(b, "ENTEleveLibelleMEF", fmt.Sprintf("%dEME", 6+i%4))
	attr(b, "ENTEleveEnseignements", "ANGLAIS LV1", "ESPAGNOL LV2")
	attr(b, "ENTEleveCodeEnseignements", "030201", "030602")
	attr(b, "ENTPersonStructRattach", s)
	attr(b, "ENTEleveClasses", s+"$"+class)
	attr(b, "ENTEleveGroupes", s+"$"+class+"-LV2")
	attr(b, "mail", w.email("eleve", i))
	closeEntry(b)
}

func (w *writer) guardian(b *bufio.Writer, i int) {
	id := strconv.Itoa(3000000 + i)
	open(b, "PersRelEleve", "categoriePersonne", id)
	attr(b, "ENTPersonJointure", id)
	attr(b, "sn", fmt.Sprintf("PARENT%d", i))
	attr(b, "givenName", fmt.Sprintf("Prénom%d", i%991))
	attr(b, "personalTitle", "Mme")
	attr(b, "ENTPersonAdresse", "1 rue de Test$$$")
	attr(b, "ENTPersonCodePostal", "16730")
	attr(b, "ENTPersonVille", "LINARS")
	attr(b, "homePhone", "+33 5 00 00 00 00")
	attr(b, "mail", w.email("parent", i))
	attr(b, "ENTPersonStructRattach", w.structure(i))
	closeEntry(b)
}

func (w *writer) staff(b *bufio.Writer, i int) {
	id := strconv.Itoa(4000000 + i)
	s := w.structure(i)
	open(b, "PersEducNat", "categoriePersonne", id)
	attr(b, "ENTPersonJointure", id)
	attr(b, "ENTPersonDateNaissance", "01/01/1980")
	attr(b, "ENTPersonNomPatro", fmt.Sprintf("PROF%d", i))
	attr(b, "sn", fmt.Sprintf("PROF%d", i))
	attr(b, "givenName", fmt.Sprintf("Prénom%d", i%983))
	attr(b, "personalTitle", "Mme")
	attr(b, "mail", w.email("prof", i))
	attr(b, "ENTPersonStructRattach", s)
	attr(b, "ENTAuxEnsCategoDiscipline", "00$NON SPECIALISE", "01$PHILOSOPHIE")
	attr(b, "ENTAuxEnsDisciplinesPoste", "L0201$ANGLAIS")
	attr(b, "ENTAuxEnsMatiereEnseignEtab", s+"$030201")
	attr(b, "ENTAuxEnsClasses", s+"$6eA", s+"$5eB")
	attr(b, "ENTAuxEnsGroupes", s+"$6eA-LV2")
	attr(b, "ENTAuxEnsClassesPrincipal")
	if i%10 == 0 {
		attr(b, "ENTPersonFonctions", s+"$DIR$DIRECTION$D0010$CHEF D&apos;ETABLISSEMENT")
	} else {
		attr(b, "ENTPersonFonctions", s+"$ENS$ENSEIGNEMENT$L0201$ANGLAIS")
	}
	attr(b, "PersEducNatPresenceDevantEleves", "O")
	closeEntry(b)
}
