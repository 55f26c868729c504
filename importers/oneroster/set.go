package oneroster

import (
	"strings"

	"rollcall/importers/roster"
	"rollcall/importers/table"
	"rollcall/model"
)

// SniffSet says whether files are a OneRoster set: it has manifest.csv (1.1, 1.2), or, as 1.0
// sets have none, a users.csv with an id and a file of the set with OneRoster's status or
// dateLastModified columns, which SDS files never have.
func SniffSet(files []*roster.File) roster.Fit {
	fit := roster.Fit{Format: Format}
	if m := roster.FindFile(files, "manifest.csv"); m != nil {
		fit.OK, fit.Matched = true, 1
		return fit
	}
	u := roster.FindFile(files, "users.csv")
	if u == nil {
		fit.Missing = []string{"manifest.csv"}
		return fit
	}
	h := usersSchema.Match(roster.HeaderOf(u), 1)
	fit.Matched = h.Matched()
	if !h.Has("sourcedId") || !h.Has("givenName") {
		fit.Missing = []string{"manifest.csv", "users.csv: sourcedId, givenName"}
		return fit
	}
	for _, name := range setFiles {
		f := roster.FindFile(files, name+".csv")
		if f == nil {
			continue
		}
		h := table.Schema{col("status"), col("dateLastModified")}.Match(roster.HeaderOf(f), 1)
		if h.Has("status") || h.Has("dateLastModified") {
			fit.OK = true
			return fit
		}
	}
	fit.Missing = []string{"manifest.csv", "status"}
	return fit
}

// setFiles are the files of a set that carry OneRoster's status columns.
var setFiles = []string{"users", "orgs", "classes", "enrollments", "courses", "academicSessions", "demographics"}

// mode is what the manifest says of one file.
type mode string

const (
	bulk   mode = "bulk"
	delta  mode = "delta"
	absent mode = "absent"
)

// manifest is what manifest.csv says.
type manifest struct {
	version string
	files   map[string]mode // "users" → bulk
}

// mode returns the file's mode; a file the manifest does not mention is read as bulk when present.
func (m manifest) mode(name string) mode {
	if md, ok := m.files[name]; ok {
		return md
	}
	return bulk
}

func readManifest(s *set, f *roster.File) manifest {
	m := manifest{files: map[string]mode{}}
	s.read(f, manifestSchema, []string{"propertyName", "value"}, func(r *roster.Row) {
		prop, _ := r.Get("propertyName")
		val, vi := r.Get("value")
		switch {
		case strings.EqualFold(prop, "oneroster.version"):
			m.version = val
		case strings.HasPrefix(strings.ToLower(prop), "file."):
			md := mode(strings.ToLower(val))
			if md != bulk && md != delta && md != absent {
				r.Fail(vi, val, model.RuleUnknownValue, "bulk|delta|absent")
				return
			}
			m.files[strings.ToLower(strings.TrimPrefix(strings.ToLower(prop), "file."))] = md
		}
	})
	return m
}

// set is one OneRoster set being read.
type set struct {
	job   *roster.Job
	files []*roster.File
	man   manifest

	sessions map[string]string // sourcedId → title
	courses  map[string]string // sourcedId → title
	// coursesRead is set once a bulk courses.csv was read: a class's course must be in it.
	coursesRead bool
	users       map[string]*user
	order       []*user
}

// read reads one file of the set against a schema, after checking its required columns.
func (s *set) read(f *roster.File, schema table.Schema, need []string, row func(r *roster.Row)) error {
	return s.job.ReadCSV(f, schema, need, row)
}

// file returns a file of the set unless the manifest says it is absent, reporting a file the
// manifest promises but the set lacks.
func (s *set) file(name string) *roster.File {
	md := s.man.mode(name)
	if md == absent {
		return nil
	}
	f := roster.FindFile(s.files, name+".csv")
	if f == nil {
		if _, promised := s.man.files[name]; promised {
			s.job.Add(&table.RowError{File: roster.SetName(s.files), Rule: table.RuleMissingFile, Expected: name + ".csv"})
		}
	}
	return f
}

// complete reports whether a file lists everything of its kind, so that a reference it lacks
// points outside the files: only when it is bulk, since a delta (or absent) file leaves what it
// does not list as it is in the directory.
func (s *set) complete(name string) bool { return s.man.mode(name) == bulk }

// Parse reads a OneRoster set.
func Parse(j *roster.Job, files []*roster.File) error {
	s := &set{job: j, files: files, sessions: map[string]string{}, courses: map[string]string{}, users: map[string]*user{}}
	s.man = manifest{version: "1.0", files: map[string]mode{}} // 1.0 has no manifest: every file is bulk
	if m := roster.FindFile(files, "manifest.csv"); m != nil {
		s.man = readManifest(s, m)
	} else if roster.FindFile(files, "users.csv") == nil {
		j.Add(&table.RowError{File: roster.SetName(files), Rule: table.RuleMissingFile, Expected: "users.csv"})
		return nil
	}
	for _, md := range s.man.files {
		if md == delta {
			j.Batch.Delta = true
		}
	}
	steps := []func() error{s.readOrgs, s.readSessions, s.readCourses, s.readClasses, s.readUsers,
		s.readRoles, s.readDemographics, s.readProfiles, s.readEnrollments}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	s.link()
	return j.Err()
}
