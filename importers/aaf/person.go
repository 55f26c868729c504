package aaf

import (
	"bytes"
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// staffProfile tells a teacher from other staff: someone with a teaching function (ENS), in
// front of pupils, or with classes or groups to teach. A modification saying none of these
// leaves the profile as it is.
func staffProfile(e *entry) model.Profile {
	for _, f := range e.get(keyPersonFonctions) {
		if functionCode(f) == "ENS" {
			return model.Teacher
		}
	}
	if e.first(keyPersEducNatPresenceDevantEleves) == "O" || e.has(keyAuxEnsClasses) || e.has(keyAuxEnsGroupes) {
		return model.Teacher
	}
	if e.op == opModify && !e.has(keyPersonFonctions) && !e.has(keyPersEducNatPresenceDevantEleves) {
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
	rec.ExternalID = e.first(keyPersonJointure)
	if rec.ExternalID == "" {
		rec.ExternalID = e.id()
	}
	if rec.ExternalID == "" {
		p.job.Add(&table.RowError{File: where.File, Line: where.Line, Column: "ENTPersonJointure", Rule: model.RuleRequired})
		return
	}
	rec.LastName = e.firstOf(keySn, keyPersonNomPatro)
	rec.FirstName = e.first(keyGivenName)
	if e.op == opAdd && rec.LastName == "" && rec.FirstName == "" {
		p.job.Add(&table.RowError{File: where.File, Line: where.Line, Column: "sn", Rule: model.RuleRequired})
		return
	}
	rec.LastName, rec.FirstName = p.cut(where, "sn", rec.LastName), p.cut(where, "givenName", rec.FirstName)
	rec.Email = p.email(where, e.firstOf(keyMail, keyPersonMail))
	rec.BirthDate = p.date(where, e.first(keyPersonDateNaissance))
	if v := e.values(keyPersonStructRattach); v != nil {
		rec.OrgExternalID = p.intern(e.bytes(v[0]))
	}
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
	var level []byte
	if v := e.values(keyEleveLibelleMEF); v != nil {
		level = e.bytes(v[0])
	} else if v := e.values(keyEleveMEF); v != nil {
		level = []byte(p.mefs[string(e.bytes(v[0]))])
	}
	for _, v := range e.values(keyEleveClasses) {
		rec.Classes = roster.AppendUnique(rec.Classes, p.classRef(rec.OrgExternalID, e.bytes(v), level))
	}
	for _, v := range e.values(keyEleveGroupes) {
		rec.Groups = roster.AppendUnique(rec.Groups, p.intern(localCode(e.bytes(v))))
	}
	// ENTElevePersRelEleve is "id$link$financial$legal$contact$payer"; ENTEleveParents, older,
	// lists the ids alone.
	for _, name := range [...]key{keyElevePersRelEleve, keyEleveParents, keyEleveAutoriteParentale} {
		for _, v := range e.values(name) {
			id, _, _ := bytes.Cut(e.bytes(v), []byte("$"))
			if id = bytes.TrimSpace(id); len(id) > 0 && string(id) != rec.ExternalID {
				p.link(id, rec.ExternalID)
			}
		}
	}
}

func (p *feed) link(guardian []byte, pupil string) {
	kids := p.guardian[string(guardian)]
	for _, k := range kids {
		if k == pupil {
			return
		}
	}
	p.guardian[string(guardian)] = append(kids, pupil)
}

// intern returns v as a string, one string for each value met before: a feed names the same
// few schools, groups and levels for thousands of people.
func (p *feed) intern(v []byte) string {
	if s, ok := p.strings[string(v)]; ok {
		return s
	}
	s := string(v)
	p.strings[s] = s
	return s
}

// staff reads what a member of staff teaches and does. A full entry says everything: no
// function there is none (an empty list), where a modification that does not name them leaves
// them as they are (nil).
func (p *feed) staff(rec *roster.Record, e *entry) {
	if e.op == opAdd {
		rec.Functions, rec.Subjects = []string{}, []string{}
	}
	for _, v := range e.get(keyPersonFonctions) {
		if f := function(v); f != "" && f != "-" {
			rec.Functions = roster.AppendUnique(rec.Functions, f)
		}
	}
	for _, name := range [...]key{keyAuxEnsClasses, keyAuxEnsClassesPrincipal} {
		for _, v := range e.values(name) {
			rec.Classes = roster.AppendUnique(rec.Classes, p.classRef(rec.OrgExternalID, e.bytes(v), nil))
		}
	}
	for _, v := range e.values(keyAuxEnsGroupes) {
		rec.Groups = roster.AppendUnique(rec.Groups, p.intern(localCode(e.bytes(v))))
	}
	var codes []string
	for _, v := range e.values(keyAuxEnsMatiereEnseignEtab) {
		codes = roster.AppendUnique(codes, p.intern(localCode(e.bytes(v))))
	}
	if len(codes) == 0 {
		for _, v := range e.get(keyAuxEnsCategoDiscipline) {
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
func localCode(v []byte) []byte {
	if i := bytes.LastIndexByte(v, '$'); i >= 0 {
		if c := v[i+1:]; !cleanASCII(c) {
			return []byte(table.Clean(string(c)))
		}
		return v[i+1:]
	}
	return v
}

// classRef registers the class a "structure$class" value names and returns its key. A value
// that is its own key, clean, of a class met before, costs no string.
func (p *feed) classRef(org string, v, level []byte) string {
	structure, code, ok := bytes.Cut(v, []byte("$"))
	if ok && len(code) > 0 && bytes.IndexByte(code, '$') < 0 && cleanASCII(structure) && cleanASCII(code) {
		if c, ok := p.classes[string(v)]; ok {
			return p.known(c, level, "")
		}
	}
	if !ok {
		structure, code = []byte(org), v
	}
	if i := bytes.IndexByte(code, '$'); i >= 0 { // "43$6A$030201": class and subject
		code = code[:i]
	}
	return p.class(table.Clean(string(structure)), table.Clean(string(code)), "", string(level))
}

func (p *feed) class(structure, code, label, level string) string {
	if code == "" {
		return ""
	}
	key := structure + "$" + code
	if c, ok := p.classes[key]; ok {
		return p.known(c, []byte(level), label)
	}
	name := table.Clean(label)
	if name == "" {
		name = code
	}
	p.classes[key] = classSlot{len(p.job.Batch.Classes), key}
	p.job.DefineClass(roster.ClassDef{Code: key, Name: name, Level: level, ExternalID: key, OrgExternalID: structure, Local: code})
	return key
}

// known completes a class met before with a level or a label the first mention lacked, and
// returns its key.
func (p *feed) known(c classSlot, level []byte, label string) string {
	def := &p.job.Batch.Classes[c.index]
	if def.Level == "" && len(level) > 0 {
		def.Level = string(level)
	}
	if l := table.Clean(label); l != "" && def.Name == def.Local { // the school's file came after its pupils'
		def.Name = l
	}
	return c.key
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
