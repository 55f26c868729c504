package sts

import (
	"fmt"
	"path"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

// Root is the root element of an STS-Web export.
const Root = "STS_EDT"

// Format names STS-Web exports read on their own.
const Format roster.Format = "sts"

// Source is the source of STS-Web's and SIECLE's users: the school's own management systems.
const Source = "siecle"

// Spec registers STS-Web exports.
var Spec = roster.FormatSpec{
	Format:   Format,
	Source:   Source,
	SniffSet: SniffSet,
	Parse: func(j *roster.Job, u roster.Unit) error {
		for _, f := range u.Files {
			if err := ParseFile(j, f); err != nil {
				return err
			}
		}
		return nil
	},
}

// SniffSet says whether every file is an STS-Web export.
func SniffSet(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: Format, Missing: []string{"sts_emp_*.xml"}}
	for _, f := range files {
		if xmlfeed.Root(f.Head()) != Root {
			return fit
		}
		fit.Matched++
	}
	if fit.Matched > 0 {
		fit.OK, fit.Missing = true, nil
	}
	return fit
}

var keys = []string{"PARAMETRES/UAJ", "MATIERES/MATIERE", "DIVISIONS/DIVISION", "GROUPES/GROUPE", "INDIVIDUS/INDIVIDU"}

// export is what one file says, gathered before the records are made: a teacher's classes
// are in the structure, which comes before or after the teachers depending on the version.
type export struct {
	uai       string
	subjects  map[string]string   // CODE → LIBELLE_COURT
	classes   map[string][]string // teacher id → division codes
	groups    map[string][]string // teacher id → group codes
	teaching  map[string][]string // teacher id → subject codes, from the services
	divisions []string
	people    []*xmlfeed.Element
}

// ParseFile reads one STS-Web export into j: the school (its UAI), its divisions as classes,
// its teachers with the divisions and groups they teach.
func ParseFile(j *roster.Job, f *roster.File) error {
	x := &export{subjects: map[string]string{}, classes: map[string][]string{}, groups: map[string][]string{}, teaching: map[string][]string{}}
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
			x.record(key, e)
		}
	})
	if err != nil {
		return err
	}
	if !ok {
		j.Add(s.SyntaxError(f.Name))
		j.FileDone(f.Info(0))
		return nil
	}
	if x.uai == "" {
		x.uai = uaiFromName(f.Name)
	}
	x.records(j, f)
	j.FileDone(f.Info(len(x.people)))
	return nil
}

// uaiFromName reads the UAI in "sts_emp_0750001A_2026.xml" when PARAMETRES lacks it.
func uaiFromName(name string) string {
	parts := strings.Split(strings.TrimSuffix(path.Base(strings.ReplaceAll(name, `\`, "/")), ".xml"), "_")
	if len(parts) >= 3 && strings.EqualFold(parts[0], "sts") {
		return model.NormalizeUAI(parts[2])
	}
	return ""
}

func (x *export) record(key string, e *xmlfeed.Element) {
	switch key {
	case "PARAMETRES/UAJ":
		x.uai = model.NormalizeUAI(first(e.Attr("CODE"), e.Text))
	case "MATIERES/MATIERE":
		if code := e.Attr("CODE"); code != "" {
			x.subjects[code] = first(e.Get("LIBELLE_COURT"), e.Get("LIBELLE_LONG"))
		}
	case "DIVISIONS/DIVISION":
		x.divisions = append(x.divisions, table.Clean(e.Attr("CODE")))
		x.services(e, x.classes)
	case "GROUPES/GROUPE":
		x.services(e, x.groups)
	case "INDIVIDUS/INDIVIDU":
		x.people = append(x.people, e)
	}
}

// services files the division or group under each teacher of its services.
func (x *export) services(e *xmlfeed.Element, into map[string][]string) {
	code := table.Clean(e.Attr("CODE"))
	if code == "" {
		return
	}
	for _, svc := range e.All("SERVICES", "SERVICE") {
		subject := svc.Attr("CODE_MATIERE")
		for _, t := range svc.All("ENSEIGNANTS", "ENSEIGNANT") {
			id := t.Attr("ID")
			if id == "" {
				continue
			}
			into[id] = roster.AppendUnique(into[id], code)
			x.teaching[id] = roster.AppendUnique(x.teaching[id], subject)
		}
	}
}

// records makes the school and the teachers.
func (x *export) records(j *roster.Job, f *roster.File) {
	if x.uai != "" {
		j.DefineOrg(roster.OrgDef{ExternalID: x.uai, Code: x.uai, Name: x.uai})
		if !model.ValidUAI(x.uai) {
			j.Batch.Warnings.Add(&table.RowError{File: f.Name, Column: "UAJ", Value: x.uai, Rule: model.RuleUAI, Expected: model.UAICheckLetterFor(x.uai)})
		}
	}
	for _, d := range x.divisions {
		j.DefineClass(roster.ClassDef{Code: d, Name: d}) // SIECLE's structures, read first, may have defined it
	}
	for _, p := range x.people {
		id := p.Attr("ID")
		where := table.Location{File: f.Name, Line: p.Line}
		rec := roster.Record{Where: where, ExternalID: "sts-" + id, OrgExternalID: x.uai, Functions: []string{}, Subjects: []string{}}
		rec.LastName = table.Clean(first(p.Get("NOM_USAGE"), p.Get("NOM_PATRONYMIQUE")))
		rec.FirstName = table.Clean(p.Get("PRENOM"))
		if id == "" || rec.LastName == "" {
			col := "ID"
			if id != "" {
				col = "NOM_USAGE"
			}
			j.Add(&table.RowError{File: f.Name, Line: p.Line, Column: col, Rule: model.RuleRequired})
			continue
		}
		if d := p.Get("DATE_NAISSANCE"); d != "" {
			rec.BirthDate, _ = model.ParseAnyDate(d, model.DMY)
		}
		if fn := table.Clean(p.Get("FONCTION")); fn != "" {
			rec.Functions = append(rec.Functions, fn)
		}
		rec.Profile = model.Staff
		if strings.EqualFold(first(rec.Functions...), "ENS") || len(x.classes[id]) > 0 || len(x.groups[id]) > 0 {
			rec.Profile = model.Teacher
		}
		for _, c := range x.classes[id] {
			j.DefineClass(roster.ClassDef{Code: c, Name: c})
			rec.Classes = append(rec.Classes, c)
		}
		rec.Groups = append(rec.Groups, x.groups[id]...)
		for _, code := range x.teaching[id] {
			rec.Subjects = roster.AppendUnique(rec.Subjects, first(x.subjects[code], code))
		}
		if len(x.teaching[id]) == 0 {
			for _, d := range p.All("DISCIPLINES", "DISCIPLINE") {
				rec.Subjects = roster.AppendUnique(rec.Subjects, table.Clean(first(d.Get("LIBELLE_COURT"), d.Attr("CODE"))))
			}
		}
		if firstAt, dup := j.SeenID("sts", id, where); dup {
			j.Add(&table.RowError{File: f.Name, Line: p.Line, Column: "ID", Value: id, Rule: table.RuleDuplicateID, Other: firstAt})
			continue
		}
		j.Batch.Records = append(j.Batch.Records, rec)
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
