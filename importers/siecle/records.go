package siecle

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/importers/xmlfeed"
	"rollcall/model"
)

// inactive is the division SIECLE parks pupils in between two years: not a class.
const inactive = "Inactifs"

type pupil struct {
	file string
	e    *xmlfeed.Element
}

type division struct {
	label, mef string
}

// export is what a set of exports says, gathered before any record is made.
type export struct {
	uai        string
	uaiAt      table.Location
	pupils     []pupil
	persons    []pupil
	structures map[string][]*xmlfeed.Element // ELEVE_ID → its STRUCTUREs
	legal      map[string][]string           // PERSONNE_ID → the pupils they are legal guardian of
	divisions  map[string]division
	order      []string // divisions in file order
	mefs       map[string]string
	classes    map[string]bool
}

func newExport() *export {
	return &export{structures: map[string][]*xmlfeed.Element{}, legal: map[string][]string{},
		divisions: map[string]division{}, mefs: map[string]string{}, classes: map[string]bool{}}
}

func (x *export) records(j *roster.Job) {
	if x.uai != "" {
		j.DefineOrg(roster.OrgDef{ExternalID: x.uai, Code: x.uai, Name: x.uai})
		if !model.ValidUAI(x.uai) {
			j.Batch.Warnings.Add(&table.RowError{File: x.uaiAt.File, Line: x.uaiAt.Line, Column: "UAJ", Value: x.uai,
				Rule: model.RuleUAI, Expected: model.UAICheckLetterFor(x.uai)})
		}
	}
	for _, code := range x.order {
		x.class(j, code, "")
	}
	current := map[string]bool{}
	for _, p := range x.pupils {
		if id, ok := x.pupil(j, p); ok {
			current[id] = true
		}
	}
	for _, p := range x.persons {
		x.guardian(j, p, current)
	}
}

// class defines a division as a class, labelled by the structures file when it has a label.
func (x *export) class(j *roster.Job, code, mef string) string {
	if code == "" || x.classes[code] {
		return code
	}
	x.classes[code] = true
	d := x.divisions[code]
	level := x.mefs[first(d.mef, mef)]
	j.DefineClass(roster.ClassDef{Code: code, Name: first(d.label, code), Level: level})
	return code
}

// pupil makes the record of a current pupil and reports whether they are one.
func (x *export) pupil(j *roster.Job, p pupil) (string, bool) {
	e := p.e
	id := e.Attr("ELEVE_ID")
	var divisions, groups []string
	for _, s := range x.structures[id] {
		code := table.Clean(s.Get("CODE_STRUCTURE"))
		switch s.Get("TYPE_STRUCTURE") {
		case "D":
			if code != inactive {
				divisions = roster.AppendUnique(divisions, code)
			}
		case "G":
			groups = roster.AppendUnique(groups, code)
		}
	}
	if id == "" || len(divisions) == 0 || e.Get("DATE_SORTIE") != "" {
		return id, false
	}
	where := table.Location{File: p.file, Line: e.Line}
	rec := roster.Record{Where: where, Profile: model.Student, ExternalID: id, OrgExternalID: x.uai, Groups: groups}
	rec.LastName = table.Clean(first(e.Get("NOM_USAGE"), e.Get("NOM_DE_FAMILLE"), e.Get("NOM")))
	rec.FirstName = table.Clean(e.Get("PRENOM"))
	if rec.LastName == "" {
		j.Add(&table.RowError{File: p.file, Line: e.Line, Column: "NOM_DE_FAMILLE", Rule: model.RuleRequired})
		return id, true
	}
	if d := e.Get("DATE_NAISS"); d != "" {
		var ok bool
		if rec.BirthDate, ok = model.ParseAnyDate(d, model.DMY); !ok {
			j.Add(&table.RowError{File: p.file, Line: e.Child("DATE_NAISS").Line, Column: "DATE_NAISS", Value: d, Rule: model.RuleDate, Expected: "DD/MM/YYYY"})
		}
	}
	if m := e.Get("MEL"); m != "" {
		if em := model.NormalizeEmail(m); model.ValidEmail(em) {
			rec.Email = em
		}
	}
	for _, d := range divisions {
		rec.Classes = append(rec.Classes, x.class(j, d, e.Get("CODE_MEF")))
	}
	if ine := e.Get("ID_NATIONAL"); ine != "" {
		at := table.Location{File: p.file, Line: e.Child("ID_NATIONAL").Line}
		if firstAt, dup := j.SeenID("INE", ine, at); dup {
			j.Add(&table.RowError{File: p.file, Line: at.Line, Column: "ID_NATIONAL", Value: ine, Rule: table.RuleDuplicateID, Other: firstAt})
		}
	}
	j.Batch.Records = append(j.Batch.Records, rec)
	return id, true
}

// guardian makes the record of a legal guardian of a current pupil.
func (x *export) guardian(j *roster.Job, p pupil, current map[string]bool) {
	e := p.e
	id := e.Attr("PERSONNE_ID")
	var kids []roster.PersonRef
	for _, k := range x.legal[id] {
		if current[k] {
			kids = append(kids, roster.PersonRef{ExternalID: k})
		}
	}
	if id == "" || len(kids) == 0 {
		return
	}
	rec := roster.Record{Where: table.Location{File: p.file, Line: e.Line}, Profile: model.Parent, ExternalID: "resp-" + id,
		OrgExternalID: x.uai, Children: kids}
	rec.LastName = table.Clean(first(e.Get("NOM_USAGE"), e.Get("NOM_DE_FAMILLE"), e.Get("NOM")))
	rec.FirstName = table.Clean(e.Get("PRENOM"))
	if m := e.Get("MEL"); m != "" {
		if em := model.NormalizeEmail(m); model.ValidEmail(em) {
			rec.Email = em
		}
	}
	if rec.LastName == "" {
		j.Add(&table.RowError{File: p.file, Line: e.Line, Column: "NOM_DE_FAMILLE", Rule: model.RuleRequired})
		return
	}
	j.Batch.Records = append(j.Batch.Records, rec)
}
