package siecle

import (
	"fmt"
	"rollcall/importers/roster"
	"rollcall/importers/sts"
	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

// Format names SIECLE exports.
const Format roster.Format = "siecle"

// Spec registers SIECLE's exports; their users share the source of STS-Web's.
var Spec = roster.FormatSpec{
	Format:   Format,
	Source:   sts.Source,
	SniffSet: SniffSet,
	Parse:    func(j *roster.Job, u roster.Unit) error { return Parse(j, u.Files) },
}

// The roots of SIECLE's exports.
const (
	RootPupils       = "BEE_ELEVES"
	RootGuardians    = "BEE_RESPONSABLES"
	RootStructures   = "BEE_STRUCTURES"
	RootNomenclature = "BEE_NOMENCLATURES"
)

// SniffSet says whether files are SIECLE exports: every file is one (or an STS-Web export),
// and at least one is SIECLE's.
func SniffSet(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: Format, Missing: []string{"ElevesSansAdresses.xml"}}
	bee := 0
	for _, f := range files {
		switch xmlfeed.Root(f.Head()) {
		case RootPupils, RootGuardians, RootStructures, RootNomenclature:
			bee++
		case sts.Root:
		default:
			return fit
		}
		fit.Matched++
	}
	if bee > 0 {
		fit.OK, fit.Missing = true, nil
	}
	return fit
}

// Parse reads a school's exports: everything first, then the records, since pupils need the
// structures and guardians need to know which pupils are current.
func Parse(j *roster.Job, files []*roster.File) error {
	x := newExport()
	var teachers []*roster.File
	for _, f := range files {
		if xmlfeed.Root(f.Head()) == sts.Root {
			teachers = append(teachers, f)
			continue
		}
		if err := x.read(j, f); err != nil {
			return err
		}
	}
	x.records(j)
	for _, f := range teachers { // after the structures, whose labels name the classes
		if err := sts.ParseFile(j, f); err != nil {
			return err
		}
	}
	return nil
}

var keys = []string{"PARAMETRES/UAJ", "ELEVES/ELEVE", "STRUCTURES/STRUCTURES_ELEVE", "PERSONNES/PERSONNE",
	"RESPONSABLES/RESPONSABLE_ELEVE", "DIVISIONS/DIVISION", "GROUPES/GROUPE", "MEFS/MEF"}

// read gathers one file's records.
func (x *export) read(j *roster.Job, f *roster.File) error {
	s, c, err := xmlfeed.Stream(f.Open)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer c.Close()
	n := 0
	ok := s.Records(keys, func(key string, e *xmlfeed.Element) {
		if err != nil { // cancelled, or past MaxRows: nothing more is kept
			return
		}
		n++
		if err = j.Tick(f.Name, n); err == nil {
			x.record(f.Name, key, e)
		}
	})
	if err != nil {
		return err
	}
	if !ok {
		j.Add(s.SyntaxError(f.Name))
	}
	j.FileDone(f.Info(n))
	return nil
}

func (x *export) record(file, key string, e *xmlfeed.Element) {
	switch key {
	case "PARAMETRES/UAJ":
		if x.uai == "" {
			x.uai, x.uaiAt = model.NormalizeUAI(first(e.Text, e.Attr("CODE"))), table.Location{File: file, Line: e.Line}
		}
	case "ELEVES/ELEVE":
		x.pupils = append(x.pupils, pupil{file: file, e: e})
	case "STRUCTURES/STRUCTURES_ELEVE":
		id := e.Attr("ELEVE_ID")
		x.structures[id] = append(x.structures[id], e.All("STRUCTURE")...)
	case "PERSONNES/PERSONNE":
		x.persons = append(x.persons, pupil{file: file, e: e})
	case "RESPONSABLES/RESPONSABLE_ELEVE":
		if l := e.Get("RESP_LEGAL"); l == "1" || l == "2" {
			p := e.Get("PERSONNE_ID")
			x.legal[p] = roster.AppendUnique(x.legal[p], e.Get("ELEVE_ID"))
		}
	case "DIVISIONS/DIVISION":
		code := table.Clean(first(e.Attr("CODE_STRUCTURE"), e.Get("CODE_STRUCTURE")))
		d := division{label: table.Clean(e.Get("LIBELLE_LONG"))}
		if m := e.All("MEFS_APPARTENANCE", "MEF_APPARTENANCE"); len(m) > 0 {
			d.mef = m[0].Get("CODE_MEF")
		}
		if _, seen := x.divisions[code]; code != "" && !seen {
			x.order = append(x.order, code)
		}
		x.divisions[code] = d
	case "MEFS/MEF":
		if code := first(e.Attr("CODE_MEF"), e.Get("CODE_MEF")); code != "" {
			x.mefs[code] = table.Clean(first(e.Get("FORMATION"), e.Get("LIBELLE_COURT")))
		}
	}
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
