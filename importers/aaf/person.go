package aaf

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// staffProfile tells a teacher from other staff: someone with a teaching function (ENS), in
// front of pupils, or with classes or groups to teach. A modification saying none of these
// leaves the profile as it is.
func staffProfile(e *entry) model.Profile {
	for _, f := range e.get("ENTPersonFonctions") {
		if functionCode(f) == "ENS" {
			return model.Teacher
		}
	}
	if e.first("PersEducNatPresenceDevantEleves") == "O" || len(e.get("ENTAuxEnsClasses")) > 0 || len(e.get("ENTAuxEnsGroupes")) > 0 {
		return model.Teacher
	}
	if e.op == opModify && e.get("ENTPersonFonctions") == nil && e.get("PersEducNatPresenceDevantEleves") == nil {
		return model.ProfileUnknown
	}
	return model.Staff
}

// function drops the structure from a function: "43$DIR$DIRECTION$D0011$CHEF" is DIR$… at 43.
func function(v string) string {
	if strings.Count(v, "$") >= 2 {
		_, rest, _ := strings.Cut(v, "$")
		return rest
	}
	return v
}

// functionCode is the function's family: DIR, ENS, EDU, DOC, …
func functionCode(v string) string {
	code, _, _ := strings.Cut(function(v), "$")
	return strings.ToUpper(strings.TrimSpace(code))
}

// person turns a pupil, guardian or staff entry into a record.
func (p *feed) person(where table.Location, e *entry, prof model.Profile) {
	rec := roster.Record{Where: where, Profile: prof, Partial: e.op == opModify}
	if prof == model.ProfileUnknown {
		rec.ProfileIfNew = model.Staff // staff with no function that says teacher
	}
	rec.ExternalID = first(e.first("ENTPersonJointure"), e.id)
	if rec.ExternalID == "" {
		p.job.Add(&table.RowError{File: where.File, Line: where.Line, Column: "ENTPersonJointure", Rule: model.RuleRequired})
		return
	}
	rec.LastName = first(e.first("sn"), e.first("ENTPersonNomPatro"))
	rec.FirstName = e.first("givenName")
	if e.op == opAdd && rec.LastName == "" && rec.FirstName == "" {
		p.job.Add(&table.RowError{File: where.File, Line: where.Line, Column: "sn", Rule: model.RuleRequired})
		return
	}
	rec.LastName, rec.FirstName = p.cut(where, "sn", rec.LastName), p.cut(where, "givenName", rec.FirstName)
	rec.Email = p.email(where, first(e.first("mail"), e.first("ENTPersonMail")))
	rec.BirthDate = p.date(where, e.first("ENTPersonDateNaissance"))
	rec.OrgExternalID = e.first("ENTPersonStructRattach")
	switch prof {
	case model.Student:
		p.pupil(&rec, e)
	case model.Parent:
	default:
		p.staff(&rec, e)
	}
	p.job.Batch.Records = append(p.job.Batch.Records, rec)
}

// pupil reads a pupil's classes, groups and guardians.
func (p *feed) pupil(rec *roster.Record, e *entry) {
	level := e.first("ENTEleveLibelleMEF")
	if level == "" {
		level = p.mefs[e.first("ENTEleveMEF")]
	}
	for _, v := range e.get("ENTEleveClasses") {
		rec.Classes = roster.AppendUnique(rec.Classes, p.classRef(rec.OrgExternalID, v, level))
	}
	for _, v := range e.get("ENTEleveGroupes") {
		rec.Groups = roster.AppendUnique(rec.Groups, localCode(v))
	}
	// ENTElevePersRelEleve is "id$link$financial$legal$contact$payer"; ENTEleveParents, older,
	// lists the ids alone.
	for _, name := range [...]string{"ENTElevePersRelEleve", "ENTEleveParents", "ENTEleveAutoriteParentale"} {
		for _, v := range e.get(name) {
			id, _, _ := strings.Cut(v, "$")
			if id = strings.TrimSpace(id); id != "" && id != rec.ExternalID {
				p.link(id, rec.ExternalID)
			}
		}
	}
}

func (p *feed) link(guardian, pupil string) {
	kids := p.guardian[guardian]
	for _, k := range kids {
		if k == pupil {
			return
		}
	}
	p.guardian[guardian] = append(kids, pupil)
}

// staff reads what a member of staff teaches and does. A full entry says everything: no
// function there is none (an empty list), where a modification that does not name them leaves
// them as they are (nil).
func (p *feed) staff(rec *roster.Record, e *entry) {
	if e.op == opAdd {
		rec.Functions, rec.Subjects = []string{}, []string{}
	}
	for _, v := range e.get("ENTPersonFonctions") {
		if f := function(v); f != "" && f != "-" {
			rec.Functions = roster.AppendUnique(rec.Functions, f)
		}
	}
	for _, name := range [...]string{"ENTAuxEnsClasses", "ENTAuxEnsClassesPrincipal"} {
		for _, v := range e.get(name) {
			rec.Classes = roster.AppendUnique(rec.Classes, p.classRef(rec.OrgExternalID, v, ""))
		}
	}
	for _, v := range e.get("ENTAuxEnsGroupes") {
		rec.Groups = roster.AppendUnique(rec.Groups, localCode(v))
	}
	var codes []string
	for _, v := range e.get("ENTAuxEnsMatiereEnseignEtab") {
		codes = roster.AppendUnique(codes, localCode(v))
	}
	if len(codes) == 0 {
		for _, v := range e.get("ENTAuxEnsCategoDiscipline") {
			// "01$PHILOSOPHIE"; 00 is "NON SPECIALISE", which says nothing.
			if code, label, ok := strings.Cut(v, "$"); ok && code != "00" && label != "" {
				rec.Subjects = roster.AppendUnique(rec.Subjects, label)
			}
		}
	}
	if len(codes) > 0 {
		p.subjects[len(p.job.Batch.Records)] = codes
	}
}

// localCode is the part after the structure: "43$GRP1" is GRP1.
func localCode(v string) string {
	if i := strings.LastIndexByte(v, '$'); i >= 0 {
		return table.Clean(v[i+1:])
	}
	return v
}

// classRef registers the class a "structure$class" value names and returns its key.
func (p *feed) classRef(org, v, level string) string {
	structure, code, ok := strings.Cut(v, "$")
	if !ok {
		structure, code = org, v
	}
	if i := strings.IndexByte(code, '$'); i >= 0 { // "43$6A$030201": class and subject
		code = code[:i]
	}
	return p.class(table.Clean(structure), table.Clean(code), "", level)
}

func (p *feed) class(structure, code, label, level string) string {
	if code == "" {
		return ""
	}
	key := structure + "$" + code
	if i, ok := p.classes[key]; ok {
		c := &p.job.Batch.Classes[i]
		if c.Level == "" {
			c.Level = level
		}
		if l := table.Clean(label); l != "" && c.Name == code { // the school's file came after its pupils'
			c.Name = l
		}
		return key
	}
	name := table.Clean(label)
	if name == "" {
		name = code
	}
	p.classes[key] = len(p.job.Batch.Classes)
	p.job.DefineClass(roster.ClassDef{Code: key, Name: name, Level: level, ExternalID: key, OrgExternalID: structure, Local: code})
	return key
}

// cut drops a name too long for the directory, with a warning.
func (p *feed) cut(where table.Location, column, v string) string {
	if len(v) > model.MaxNameLength && len([]rune(v)) > model.MaxNameLength {
		p.warnDropped(where, column, v, model.RuleTooLong)
		return ""
	}
	return v
}

func (p *feed) email(where table.Location, v string) string {
	if v == "" {
		return ""
	}
	e := model.NormalizeEmail(v)
	if !model.ValidEmail(e) {
		p.warnDropped(where, "mail", v, model.RuleEmail)
		return ""
	}
	return e
}

func (p *feed) date(where table.Location, v string) model.Date {
	if v == "" {
		return model.Date{}
	}
	d, ok := model.ParseAnyDate(v, model.DMY)
	if !ok {
		p.warnDropped(where, "ENTPersonDateNaissance", v, model.RuleDate)
	}
	return d
}

func (p *feed) warnDropped(where table.Location, column, v string, why model.Rule) {
	p.job.Batch.Warnings.Add(&table.RowError{File: where.File, Line: where.Line, Column: column,
		Value: table.Shorten(v, table.MaxValueInError), Rule: RuleValueDropped, Expected: string(why)})
}
