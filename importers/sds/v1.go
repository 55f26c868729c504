package sds

import (
	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// col builds a column from its SDS name and the other names writers use for it.
func col(name string, aliases ...string) table.Column {
	return table.Column{Key: name, English: append([]string{name}, aliases...)}
}

// The v1 files' columns. The "UK format" of the same six files names a school by its "DfE
// Number" and everything else by "ID" ("School DfE Number", "Section ID"): the same columns.
var (
	v1School  = table.Schema{col("SIS ID", "DfE Number"), col("Name"), col("School Number")}
	v1Section = table.Schema{col("SIS ID", "ID"), col("School SIS ID", "School DfE Number"), col("Section Name"), col("Course Name"), col("Section Number")}
	v1Person  = table.Schema{col("SIS ID", "ID"), col("School SIS ID", "School DfE Number"), col("First Name"), col("Last Name"), col("Username"), col("Secondary Email"), col("Birthdate", "Date of Birth", "DOB"), col("Status")}
	v1Roster  = table.Schema{col("Section SIS ID", "Section ID"), col("SIS ID", "ID")}
)

// v1Files are the six files of an SDS v1 set, all required.
var v1Files = []string{"School.csv", "Section.csv", "Student.csv", "Teacher.csv", "StudentEnrollment.csv", "TeacherRoster.csv"}

// SniffV1 says whether files are an SDS v1 set: they are named after its files, which no other
// format uses.
func SniffV1(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: V1Format}
	for _, n := range v1Files {
		if roster.FindFile(files, n) != nil {
			fit.Matched++
		} else {
			fit.Missing = append(fit.Missing, n)
		}
	}
	// The names alone could be an ENT file called Student.csv: the id and school columns settle it.
	for _, n := range []string{"Student.csv", "Teacher.csv"} {
		if f := roster.FindFile(files, n); f != nil {
			h := v1Person.Match(roster.HeaderOf(f), 1)
			if h.Has("SIS ID") && h.Has("School SIS ID") {
				fit.OK = true
			}
		}
	}
	return fit
}

// v1set is one SDS v1 set being read.
type v1set struct {
	job      *roster.Job
	students map[string]*roster.Record
	teachers map[string]*roster.Record
	order    []*roster.Record
}

// ParseV1 reads an SDS v1 set.
func ParseV1(j *roster.Job, files []*roster.File) error {
	s := &v1set{job: j, students: map[string]*roster.Record{}, teachers: map[string]*roster.Record{}}
	get := map[string]*roster.File{}
	for _, n := range v1Files {
		if get[n] = roster.FindFile(files, n); get[n] == nil {
			j.Add(&table.RowError{File: roster.SetName(files), Rule: table.RuleMissingFile, Expected: n})
		}
	}
	steps := []struct {
		file string
		read func(*roster.File) error
	}{
		{"School.csv", s.schools},
		{"Section.csv", s.sections},
		{"Student.csv", func(f *roster.File) error { return s.people(f, model.Student, s.students) }},
		{"Teacher.csv", func(f *roster.File) error { return s.people(f, model.Teacher, s.teachers) }},
		{"StudentEnrollment.csv", func(f *roster.File) error { return s.roster(f, s.students) }},
		{"TeacherRoster.csv", func(f *roster.File) error { return s.roster(f, s.teachers) }},
	}
	for _, st := range steps {
		if f := get[st.file]; f != nil {
			if err := st.read(f); err != nil {
				return err
			}
		}
	}
	for _, r := range s.order {
		j.Batch.Records = append(j.Batch.Records, *r)
	}
	return nil
}

func (s *v1set) schools(f *roster.File) error {
	return s.job.ReadCSV(f, v1School, []string{"SIS ID", "Name"}, func(r *roster.Row) {
		def := roster.OrgDef{ExternalID: r.Required("SIS ID"), Name: r.Required("Name")}
		def.Code, _ = r.Get("School Number")
		r.UniqueID(f.Name, def.ExternalID, r.H.Index("SIS ID"))
		if !r.Bad {
			s.job.DefineOrg(def)
		}
	})
}

func (s *v1set) school(r *roster.Row) string {
	id, i := r.Get("School SIS ID")
	if id == "" {
		return r.Required("School SIS ID")
	}
	if !s.job.HasOrg(id) {
		r.Dangling(i, id, table.RuleUnknownOrg)
		return ""
	}
	return id
}

func (s *v1set) sections(f *roster.File) error {
	return s.job.ReadCSV(f, v1Section, []string{"SIS ID", "School SIS ID", "Section Name"}, func(r *roster.Row) {
		id := r.Required("SIS ID")
		def := roster.ClassDef{Code: id, ExternalID: id, Name: r.Required("Section Name"), OrgExternalID: s.school(r)}
		r.UniqueID(f.Name, id, r.H.Index("SIS ID"))
		if !r.Bad {
			s.job.DefineClass(def)
		}
	})
}

// v1PersonColumns are the columns of Student.csv and Teacher.csv the import planner's errors
// name. The classes come from the roster files: an error about them is at the person's row.
var v1PersonColumns = roster.ColumnKeys{ID: []string{"SIS ID"}, Login: []string{"Username"}, Email: []string{"Secondary Email"},
	Name: []string{"Last Name", "First Name", "Birthdate"}}

func (s *v1set) people(f *roster.File, p model.Profile, into map[string]*roster.Record) error {
	need := []string{"SIS ID", "School SIS ID", "First Name", "Last Name", "Username"}
	named := false
	return s.job.ReadCSV(f, v1Person, need, func(r *roster.Row) {
		if !named { // the columns the import planner's errors name, as this file writes them
			named = true
			s.job.SetColumns(table.Location{File: r.At.File, Sheet: r.At.Sheet}, v1PersonColumns.Of(r.H))
		}
		rec := &roster.Record{Where: r.At, Profile: p, ExternalID: r.Required("SIS ID")}
		rec.OrgExternalID = s.school(r)
		rec.FirstName = r.Required("First Name")
		rec.LastName = r.Required("Last Name")
		rec.Login = r.Required("Username")
		rec.Email = r.Email("Secondary Email")
		rec.BirthDate = r.Date("Birthdate", model.MDY, "M/D/YYYY")
		r.UniqueID(f.Name, rec.ExternalID, r.H.Index("SIS ID"))
		if _, dup := into[rec.ExternalID]; dup || rec.ExternalID == "" {
			return
		}
		into[rec.ExternalID] = rec
		if !r.Bad {
			s.order = append(s.order, rec)
		}
	})
}

// roster reads StudentEnrollment or TeacherRoster: one (section, person) pair a row.
func (s *v1set) roster(f *roster.File, people map[string]*roster.Record) error {
	return s.job.ReadCSV(f, v1Roster, []string{"Section SIS ID", "SIS ID"}, func(r *roster.Row) {
		class, person := r.Required("Section SIS ID"), r.Required("SIS ID")
		linked := class != "" && person != ""
		if class != "" && !s.job.HasClass(class) {
			r.Dangling(r.H.Index("Section SIS ID"), class, table.RuleUnknownClass)
			linked = false
		}
		rec := people[person]
		if person != "" && rec == nil {
			r.Dangling(r.H.Index("SIS ID"), person, table.RuleUnknownUser)
			linked = false
		}
		if linked && !r.Bad {
			rec.Classes = roster.AppendUnique(rec.Classes, class)
		}
	})
}
